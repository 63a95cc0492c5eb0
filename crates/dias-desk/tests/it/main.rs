//! Integration tests of the Anfragen module on the real router and a fresh
//! database (SQLite, or PostgreSQL with `DIAS_TEST_DATABASE_URL`).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod answer_templates;
mod demo;
mod faq;
mod helpers;
mod personal;
mod public;
mod queue;
mod retention;
mod stats;
mod status;
mod store;
mod teams;
mod ticket;
