//! dias-participation: Beteiligung — participation processes in which people
//! work on the Saxon digital strategy.
//!
//! A process has dated phases whose switches decide what is open (comments,
//! proposals, supports, change suggestions). The strategy text lives in
//! published versions of chapters → sections → paragraphs; paragraphs keep a
//! stable anchor across versions, carry comments with categories and change
//! suggestions shown as word-level diffs, which staff decide with a public
//! reason and link to the version that took them in. Proposals collect
//! supports (per-person limit, qualifying threshold) and move through a
//! status workflow with official answers.
//!
//! Layout: [`domain`] (rules as plain functions), [`store`] (queries and
//! writes), [`moderation`] (reports, automatic hiding, queue, moderator
//! actions and their log), `routes` (thin handlers), `search` (search
//! documents), `demo` (demo data), [`policy`] (roles).

pub mod comments;
pub mod debates;
pub mod domain;
pub mod entities;
pub mod export;
pub mod moderation;
pub mod notify;
pub mod opinion;
pub mod personal_data;
pub mod policy;
pub mod processes;
pub mod results;
pub mod store;
pub mod surveys;

mod demo;
mod routes;
mod search;

use std::sync::Arc;

use dias_core::i18n::Messages;
use dias_web::registry::{Module, NavEntry, Teaser};

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
        source: include_str!("../locales/de-moderation.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-moderation.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-debates.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-debates.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-manage.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-manage.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-opinion.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-opinion.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-notifications.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-notifications.ftl"),
    },
];

/// The module's registration.
pub fn module() -> Module {
    let mut module = Module::new("beteiligung");
    module.routes = Some(routes::routes);
    module.nav = vec![NavEntry {
        path: "/beteiligung",
        label_key: "nav-participation",
    }];
    module.teasers = vec![Teaser {
        title_key: "participation-teaser-title",
        text_key: "participation-teaser-text",
        path: "/beteiligung",
    }];
    module.messages = MESSAGES.to_vec();
    module.jobs.push((
        opinion::worker::JOB_KIND,
        opinion::worker::RecomputeJob::handler(),
    ));
    module.search_sources = vec![
        Arc::new(search::ProcessSource),
        Arc::new(search::ParagraphSource),
        Arc::new(search::ProposalSource),
        Arc::new(debates::DebateSource),
    ];
    module.demo = Some(Arc::new(|db, env| Box::pin(demo::seed(db, env.scale))));
    module.personal_data = Some(Arc::new(personal_data::ParticipationData));
    module
}
