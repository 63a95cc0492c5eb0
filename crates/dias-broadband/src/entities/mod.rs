//! SeaORM entities of the Breitband tables. Each migration's tables are
//! listed with it.

// m0017: memberships of municipality accounts, network operators.
pub mod broadband_membership;
pub mod broadband_operator;
pub mod broadband_operator_member;

// m0018: market-survey procedures (MEV), their files, invitations,
// uploads and results.
pub mod broadband_survey;
pub mod broadband_survey_area;
pub mod broadband_survey_file;
pub mod broadband_survey_invitation;
pub mod broadband_survey_result;
pub mod broadband_survey_upload;

// m0019: funding projects, their stages, history and documents.
pub mod broadband_project;
pub mod broadband_project_document;
pub mod broadband_project_event;
pub mod broadband_project_stage;
