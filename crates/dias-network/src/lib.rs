//! dias-network: KI-Netzwerk — the platform through which Saxony's AI
//! actors find each other.
//!
//! An actor (Akteur) is an organisation profile with the KI-Studie's
//! taxonomy: category (grouped into Unternehmen, Forschung, Netzwerke,
//! Bildung), AI competences, application industries, offers, size class and
//! a municipality with coordinates. Organisations register themselves (the
//! account becomes their representative and may invite further ones);
//! staff admit them against the criteria or decline with a reason; edits to
//! admitted profiles publish at once and are logged.
//!
//! The directory and the map filter by facets with counts per value. Both
//! answer from an in-memory [`snapshot`] of the admitted actors' facet
//! fields, rebuilt when a cheap version query shows a change, so a page
//! costs two queries however many actors exist.
//!
//! Layout: [`domain`] (taxonomy and rules as plain functions), [`store`]
//! (queries and writes), [`snapshot`] (facets in memory), [`map`]
//! (projection and clustering), `routes` (thin handlers), `search` (search
//! documents), `demo` (demo data), [`policy`] (roles). Later network
//! features reference `actors.id` ([`entities::actor`]).

pub mod boards;
pub mod contact;
pub mod domain;
pub mod entities;
pub mod events;
/// The calendar writer moved to the core, where the Förderlotse shares it.
pub use dias_core::ical;
pub mod map;
pub mod matching;
pub mod open_data;
pub mod personal_data;
pub mod policy;
pub mod posts;
pub mod requests;
pub mod snapshot;
pub mod stats;
pub mod store;

mod boards_demo;
mod demo;
mod events_demo;
mod routes;
mod search;

use std::sync::Arc;

use dias_core::i18n::Messages;
use dias_web::registry::{Module, NavEntry, Teaser};

pub use search::ActorSource;

pub const MESSAGES: &[Messages] = &[
    Messages {
        locale: "de",
        source: include_str!("../locales/de.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-events.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-events.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-matching.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-matching.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-boards.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-boards.ftl"),
    },
];

/// The module's registration.
pub fn module() -> Module {
    let mut module = Module::new("netzwerk");
    module.routes = Some(routes::routes);
    module.nav = vec![NavEntry {
        path: "/netzwerk",
        label_key: "nav-network",
    }];
    module.teasers = vec![Teaser {
        title_key: "network-teaser-title",
        text_key: "network-teaser-text",
        path: "/netzwerk",
    }];
    module.messages = MESSAGES.to_vec();
    module.search_sources = vec![
        Arc::new(search::ActorSource),
        Arc::new(events::EventSource),
        Arc::new(posts::PostSource),
        Arc::new(requests::RequestSource),
        Arc::new(boards::ThreadSource),
    ];
    module.demo = Some(Arc::new(|db, env| Box::pin(demo::seed(db, env.scale))));
    module.personal_data = Some(Arc::new(personal_data::NetworkData));
    module
}
