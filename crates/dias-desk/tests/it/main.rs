//! Integration tests of the Anfragen module on the real router and a fresh
//! database (SQLite, or PostgreSQL with `DIAS_TEST_DATABASE_URL`).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod demo;
mod faq;
mod answer_templates;
mod helpers;
mod personal;
mod retention;
mod stats;
mod queue;
mod store;
mod teams;
mod ticket;
mod public;
mod status;
