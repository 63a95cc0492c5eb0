use sea_orm::entity::prelude::*;

/// A partner request (Kooperationsgesuch) of an actor (migration m0011).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_requests")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub actor_id: i64,
    pub author_id: Option<i64>,
    pub title: String,
    pub body_md: String,
    /// Comma-separated competence slugs that are wanted.
    pub competences: String,
    /// Comma-separated industry slugs of the application.
    pub industries: String,
    /// Open until this Unix second (end of a Berlin day).
    pub deadline: i64,
    /// Representatives told about it when it was published.
    pub notified_count: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
