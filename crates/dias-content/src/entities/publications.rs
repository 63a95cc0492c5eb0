use sea_orm::entity::prelude::*;

/// A study, report or position paper with its metadata.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_publications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub authors: String,
    pub year: i32,
    pub kind: String,
    pub topics: String,
    #[sea_orm(column_type = "Text")]
    pub abstract_text: String,
    #[sea_orm(column_type = "Text")]
    pub summary: String,
    pub licence: String,
    pub lang: String,
    pub status: String,
    pub publish_at: Option<i64>,
    /// When the item was first live (set once, kept after unpublishing).
    pub first_published_at: Option<i64>,
    pub announced: bool,
    pub revision: i32,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
