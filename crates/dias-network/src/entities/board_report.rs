use sea_orm::entity::prelude::*;

/// A report (Meldung) of a thread or reply by a signed-in person.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "network_board_reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// `thread` or `reply`.
    pub target_kind: String,
    pub target_id: i64,
    pub reporter_id: i64,
    /// `spam`, `offensive`, `off_topic` or `other`.
    pub reason: String,
    pub note: String,
    /// `open`, `actioned` or `dismissed`.
    pub status: String,
    pub created_at: i64,
    pub resolved_by: Option<i64>,
    pub resolved_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
