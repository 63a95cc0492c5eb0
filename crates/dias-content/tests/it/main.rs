//! Integration tests of the content module on the real router and a fresh
//! database (SQLite, or PostgreSQL with `DIAS_TEST_DATABASE_URL`).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod contacts;
mod demo;
mod helpers;
mod media;
mod news;
mod newsletter;
mod pages;
mod personal;
mod publications;
mod shell;
