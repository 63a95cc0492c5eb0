use sea_orm::entity::prelude::*;

/// A thread (Thema) in a board: a title and an opening text.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_board_threads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub board_id: i64,
    pub author_id: Option<i64>,
    pub title: String,
    pub body_md: String,
    /// Replies not deleted by their authors.
    pub replies_count: i64,
    /// Creation or the newest reply; the board page sorts by it.
    pub last_activity_at: i64,
    pub edited_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
