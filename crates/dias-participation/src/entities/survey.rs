use sea_orm::entity::prelude::*;

/// Umfrage: ordered questions, one answer set per participant.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "surveys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    pub title: String,
    pub description_md: String,
    pub closed_at: Option<i64>,
    pub created_by: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
