use sea_orm::entity::prelude::*;

/// One responses file an operator uploaded to a survey; each upload of the
/// same operator is the next version, earlier ones stay.
#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "broadband_survey_uploads")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub survey_id: i64,
    pub operator_id: i64,
    pub user_id: Option<i64>,
    pub version: i32,
    pub file_name: String,
    /// The file as uploaded.
    pub original_file_id: i64,
    /// The accepted rows, written again in the engine's columns.
    pub accepted_file_id: i64,
    pub rows_total: i64,
    pub rows_accepted: i64,
    pub rows_rejected: i64,
    /// Uploaded after the response deadline (verspätet).
    pub late: bool,
    /// Rejected rows, JSON `[{line, reason}]`.
    pub report: String,
    pub created_at: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
