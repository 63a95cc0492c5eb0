use sea_orm::entity::prelude::*;

/// A reply in a thread; the list is flat, a reply may name the one it
/// answers (`quoted_id`).
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_board_replies")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub thread_id: i64,
    pub author_id: Option<i64>,
    pub quoted_id: Option<i64>,
    pub body_md: String,
    pub edited_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
