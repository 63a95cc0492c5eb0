//! Integration tests of the content module on the real router and a fresh
//! database (SQLite, or PostgreSQL with `DIAS_TEST_DATABASE_URL`).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod helpers;
mod shell;
mod contacts;
mod demo;
mod pages;
mod publications;
mod newsletter;
mod media;
mod news;
mod personal;
