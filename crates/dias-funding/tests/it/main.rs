//! Integration tests of the Förderlotse on the real router and a fresh
//! database (SQLite, or PostgreSQL with `DIAS_TEST_DATABASE_URL`).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod api;
mod check;
mod compare;
mod deadlines;
mod editorial;
mod helpers;
mod import;
mod offer;
mod search;
mod store;
mod watch;
