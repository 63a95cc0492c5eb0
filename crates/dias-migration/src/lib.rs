//! The one ordered migration set of dias.
//!
//! Every migration runs on SQLite and PostgreSQL: tables are described with
//! sea-query's schema builder, never with backend-specific SQL. Migrations are
//! additive so that several instances can be upgraded one by one (see
//! `docs/OPERATIONS.md`). Times are stored as `BIGINT` Unix seconds (UTC), which
//! both databases sort and compare the same way.

pub use sea_orm_migration::prelude::*;

mod m0001_core;
mod m0002_participation;
mod m0003_moderation;
mod m0004_comment_votes;
mod m0005_notifications;
mod m0006_debates_surveys;
mod m0007_opinion;
mod m0008_process_admin;
mod m0009_network;
mod m0010_network_events;
mod m0011_network_requests;
mod m0012_network_boards;
mod m0013_data_versions;
mod m0014_funding;
mod m0015_funding_watch;
mod m0016_funding_editorial;
mod m0017_broadband_members;
mod m0018_broadband_surveys;
mod m0019_broadband_projects;
mod m0020_desk;
mod m0021_content;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m0001_core::Migration),
            Box::new(m0002_participation::Migration),
            Box::new(m0003_moderation::Migration),
            Box::new(m0004_comment_votes::Migration),
            Box::new(m0005_notifications::Migration),
            Box::new(m0006_debates_surveys::Migration),
            Box::new(m0007_opinion::Migration),
            Box::new(m0008_process_admin::Migration),
            Box::new(m0009_network::Migration),
            Box::new(m0010_network_events::Migration),
            Box::new(m0011_network_requests::Migration),
            Box::new(m0012_network_boards::Migration),
            Box::new(m0013_data_versions::Migration),
            Box::new(m0014_funding::Migration),
            Box::new(m0015_funding_watch::Migration),
            Box::new(m0016_funding_editorial::Migration),
            Box::new(m0017_broadband_members::Migration),
            Box::new(m0018_broadband_surveys::Migration),
            Box::new(m0019_broadband_projects::Migration),
            Box::new(m0020_desk::Migration),
            Box::new(m0021_content::Migration),
        ]
    }
}
