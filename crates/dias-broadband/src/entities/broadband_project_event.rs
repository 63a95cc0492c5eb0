use sea_orm::entity::prelude::*;

/// One entry of a funding project's history.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "broadband_project_events")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub project_id: i64,
    /// `created`, `stage`, `edited`, `document_added`, `document_removed`.
    pub kind: String,
    pub user_id: Option<i64>,
    pub at: i64,
    pub from_stage: String,
    pub to_stage: String,
    /// The date a stage change records (`YYYY-MM-DD`), or empty.
    pub date: String,
    #[sea_orm(column_type = "Text")]
    pub note: String,
    /// JSON list of changed fields with old and new values, or the
    /// document's file name.
    #[sea_orm(column_type = "Text")]
    pub changes: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
