//! SeaORM entities of the core tables (see `dias-migration`).

pub mod account_token;
pub mod audit_entry;
pub mod district;
pub mod follow;
pub mod job;
pub mod mail;
pub mod municipality;
pub mod notification;
pub mod outbox_event;
pub mod session;
pub mod user;
