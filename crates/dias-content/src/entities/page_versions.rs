use sea_orm::entity::prelude::*;

/// A saved state of a page.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_page_versions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub page_id: i64,
    pub number: i32,
    pub parent_id: Option<i64>,
    pub slug: String,
    pub title_de: String,
    pub title_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub body_de: String,
    #[sea_orm(column_type = "Text")]
    pub body_en: Option<String>,
    pub summary: Option<String>,
    pub author_id: Option<i64>,
    pub note: Option<String>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
