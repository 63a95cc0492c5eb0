use sea_orm::entity::prelude::*;

/// A news article (Aktuelles).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_news")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub teaser: String,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub lang: String,
    pub image_id: Option<i64>,
    pub topics: String,
    pub author_id: Option<i64>,
    pub byline: Option<String>,
    pub status: String,
    pub publish_at: Option<i64>,
    /// When the item was first live (set once, kept after unpublishing).
    pub first_published_at: Option<i64>,
    pub announced: bool,
    pub revision: i32,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
