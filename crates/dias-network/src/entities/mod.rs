//! SeaORM entities of the KI-Netzwerk tables (migration m0009).

pub mod actor;
pub mod actor_change;
pub mod actor_invitation;
pub mod actor_logo;
pub mod actor_representative;
pub mod board;
pub mod board_moderation_log;
pub mod board_reply;
pub mod board_report;
pub mod board_thread;
pub mod event;
pub mod event_registration;
pub mod partner_request;
pub mod post;
