use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "comments")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    pub target_kind: String,
    pub target_id: i64,
    pub parent_id: Option<i64>,
    pub depth: i32,
    pub author_id: i64,
    pub body: String,
    pub category: Option<String>,
    pub stance: String,
    pub upvotes: i32,
    pub hidden_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub created_at: i64,
    pub edited_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
