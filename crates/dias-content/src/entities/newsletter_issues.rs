use sea_orm::entity::prelude::*;

/// A newsletter issue: draft, sending, sent (the archive).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_newsletter_issues")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub subject: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub topics: String,
    pub status: String,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub sent_at: Option<i64>,
    pub recipients: i32,
    pub delivered: i32,
    pub revision: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
