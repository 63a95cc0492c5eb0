//! dias-core: what every module of the portal needs and nothing of HTTP.
//!
//! The core owns configuration, the database connection and migrations,
//! accounts with roles behind one policy layer, server-side sessions, the audit
//! log, the outbox of domain events, background jobs, mail, translations,
//! Markdown rendering and Saxony's reference data. Modules build on these
//! contracts and never on each other.

pub mod accounts;
pub mod audit;
pub mod bits;
pub mod config;
pub mod crypto;
pub mod db;
pub mod entities;
pub mod error;
pub mod facets;
pub mod files;
pub mod i18n;
pub mod ical;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod moderation;
pub mod notifications;
pub mod outbox;
pub mod policy;
pub mod reference;
pub mod sessions;
pub mod slug;
pub mod time;
pub mod validation;
pub mod versions;
pub mod vocabulary;

pub use error::{CoreError, CoreResult};
