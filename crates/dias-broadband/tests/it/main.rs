//! Integration tests of the Breitband module on the real router and a fresh
//! database (SQLite, or PostgreSQL with `DIAS_TEST_DATABASE_URL`).

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod admin;
mod advice;
mod body_limits;
mod helpers;
mod home;
mod lagebild;
mod members;
mod personal;
mod projects;
mod projects_lagebild;
mod register;
mod surveys;
