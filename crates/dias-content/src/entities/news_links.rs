use sea_orm::entity::prelude::*;

/// A related item of another module, linked to a news article by staff.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "content_news_links")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub news_id: i64,
    pub path: String,
    pub label: String,
    pub position: i32,
    pub added_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
