//! Integration tests of Beteiligung on the real router and a fresh database.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod comments;
mod debates;
mod exports;
mod flows;
mod manage;
mod moderation;
mod notifications;
mod opinion;
mod results;
mod surveys;
mod threads;
mod versions;
