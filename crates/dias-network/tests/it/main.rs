//! Integration tests of the KI-Netzwerk on the real router and a fresh
//! database.

#![expect(clippy::unwrap_used, clippy::expect_used, reason = "tests fail loudly")]

#[path = "../../../dias-web/tests/it/support.rs"]
mod support;

mod admission;
mod boards;
mod contact;
mod desk_link;
mod directory;
mod events;
mod helpers;
mod matching;
mod open_data;
mod posts;
mod requests;
