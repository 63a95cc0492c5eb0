use sea_orm::entity::prelude::*;

/// One moderation action; `moderator_id` is None when the system hid
/// content after enough reports.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "moderation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    pub moderator_id: Option<i64>,
    /// "hide" | "restore" | "dismiss" | "block" | "approve"
    pub action: String,
    pub target_kind: String,
    pub target_id: Option<i64>,
    /// The blocked account ("block").
    pub user_id: Option<i64>,
    pub reason: String,
    pub at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
