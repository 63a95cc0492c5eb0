use sea_orm::entity::prelude::*;

/// A contact point of the agency for one topic.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_contacts")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub topic: String,
    pub name: String,
    pub person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub office_hours: Option<String>,
    pub position: i32,
    pub published: bool,
    /// Guards concurrent edits (409 on a stale form).
    pub revision: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
