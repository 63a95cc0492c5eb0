use sea_orm::entity::prelude::*;

/// A staff-edited page.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_pages")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub path: String,
    pub title_de: String,
    pub title_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub body_de: String,
    #[sea_orm(column_type = "Text")]
    pub body_en: Option<String>,
    pub summary: Option<String>,
    pub menu: String,
    pub audience: Option<String>,
    pub position: i32,
    pub status: String,
    pub publish_at: Option<i64>,
    /// When the item was first live (set once, kept after unpublishing).
    pub first_published_at: Option<i64>,
    pub system: bool,
    pub announced: bool,
    pub revision: i32,
    pub created_by: Option<i64>,
    pub updated_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
