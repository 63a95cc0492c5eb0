//! SeaORM entities of the Beteiligung tables (migration m0002).

pub mod comment;
pub mod paragraph;
pub mod phase;
pub mod process;
pub mod proposal;
pub mod proposal_answer;
pub mod proposal_support;
pub mod suggestion;
pub mod suggestion_support;
pub mod text_version;
