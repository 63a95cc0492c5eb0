use sea_orm::entity::prelude::*;

/// An exchange board (Forum) of the KI-Netzwerk, created by staff.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_boards")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub description: String,
    /// Order on the overview, smallest first.
    pub position: i32,
    /// Threads not deleted by their authors.
    pub threads_count: i64,
    /// Replies not deleted by their authors, over all threads.
    pub replies_count: i64,
    pub last_activity_at: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
