use sea_orm::entity::prelude::*;

/// A market-survey procedure (Markterkundungsverfahren, MEV). Dates are
/// `YYYY-MM-DD`; `areas` repeats the Gemeinden of
/// `broadband_survey_areas` comma-separated for display.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "broadband_surveys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub title: String,
    pub areas: String,
    pub rule_set: String,
    pub start_date: String,
    pub deadline: String,
    pub horizon_years: i32,
    /// The address list was generated (SYNTHETISCH), not uploaded.
    pub synthetic: bool,
    pub address_file_id: Option<i64>,
    pub address_count: i64,
    /// Rejected rows of the address file, JSON `[{line, reason}]`.
    pub address_report: String,
    /// The latest evaluation job.
    pub job_id: Option<i64>,
    pub created_by: Option<i64>,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
