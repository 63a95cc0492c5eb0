use sea_orm::entity::prelude::*;

/// One evaluation of a survey (version 1, 2, …) with its result files.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "broadband_survey_results")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub version: i32,
    pub rule_set: String,
    pub evaluated_on: String,
    /// Counts, per-Gemeinde figures and the inputs used, JSON
    /// (`crate::surveys::Summary`).
    pub summary: String,
    pub addresses_file_id: i64,
    pub municipalities_file_id: i64,
    pub protocol_file_id: i64,
    pub rejected_file_id: i64,
    /// The combined responses the engine read (lines of the protocol).
    pub responses_file_id: i64,
    pub created_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
