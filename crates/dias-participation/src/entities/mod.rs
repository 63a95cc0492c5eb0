//! SeaORM entities of the Beteiligung tables (migrations m0002 and m0003).

pub mod comment;
pub mod comment_vote;
pub mod debate;
pub mod moderation_log;
pub mod opinion_analysis;
pub mod opinion_conversation;
pub mod opinion_participant;
pub mod opinion_statement;
pub mod opinion_vote;
pub mod paragraph;
pub mod phase;
pub mod process;
pub mod proposal;
pub mod proposal_answer;
pub mod proposal_support;
pub mod report;
pub mod suggestion;
pub mod suggestion_support;
pub mod survey;
pub mod survey_answer;
pub mod survey_question;
pub mod survey_response;
pub mod text_version;
