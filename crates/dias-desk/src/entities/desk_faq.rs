use sea_orm::entity::prelude::*;

/// A public FAQ entry, usually published from an answered inquiry.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "desk_faqs")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub topic: String,
    pub question: String,
    #[sea_orm(column_type = "Text")]
    pub answer: String,
    pub inquiry_id: Option<i64>,
    pub published: bool,
    pub position: i32,
    pub created_by: Option<i64>,
    pub created_at: i64,
    pub updated_at: i64,
    pub published_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
