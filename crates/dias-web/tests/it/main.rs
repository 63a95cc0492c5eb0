//! Integration tests of the web shell: the real router on a fresh database
//! (SQLite, or PostgreSQL when `DIAS_TEST_DATABASE_URL` is set).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

mod support;

mod account;
mod admin;
mod audit_labels;
mod headers;
mod limits;
mod mail;
mod notifications;
mod pages;
mod security;
mod uploads;
