use sea_orm::entity::prelude::*;

/// One moderation action on exchange content; no moderator means the
/// system hid it after enough reports.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_board_moderation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub moderator_id: Option<i64>,
    /// `hide`, `restore` or `dismiss`.
    pub action: String,
    pub target_kind: String,
    pub target_id: i64,
    pub reason: String,
    pub at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
