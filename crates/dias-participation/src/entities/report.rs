use sea_orm::entity::prelude::*;

/// A report (Meldung) of a comment, proposal or suggestion by a signed-in person.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub process_id: i64,
    /// "comment" | "proposal" | "suggestion"
    pub target_kind: String,
    pub target_id: i64,
    pub reporter_id: i64,
    /// "spam" | "offensive" | "off_topic" | "other"
    pub reason: String,
    pub note: String,
    /// "open" | "dismissed" | "actioned"
    pub status: String,
    pub created_at: i64,
    pub resolved_by: Option<i64>,
    pub resolved_at: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
