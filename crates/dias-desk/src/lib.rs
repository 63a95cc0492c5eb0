//! dias-desk: Anfragen, the agency's service desk — "information quickly,
//! from one hand".
//!
//! Anyone may ask without an account and follow the answer through a
//! private status link; staff work team queues with target answer times in
//! Saxon working days, write internal notes and public replies, use answer
//! templates and publish anonymized answers as FAQ entries. Closed
//! inquiries are anonymized after the retention period.
//!
//! - [`vocab`]: topics, sender types, statuses;
//! - [`calendar`]: Saxon public holidays and working days;
//! - [`policy`]: the one authorization policy of the module;
//! - [`store`]: the inquiry, its history, attachments and links;
//! - the public form and status page, the staff side, FAQ, statistics and
//!   retention each in their own module below.

pub mod answer_templates;
pub mod calendar;
pub mod entities;
pub mod faq;
pub mod form;
pub mod links;
pub mod personal;
pub mod policy;
pub mod queue;
pub mod retention;
pub mod sender;
pub mod spam;
pub mod stats;
pub mod store;
pub mod teams;
pub mod vocab;
pub mod work;

mod demo;
mod routes;
mod search;

use std::sync::Arc;

use dias_core::i18n::Messages;
use dias_web::registry::{BodyLimit, Module, NavEntry, Teaser};

/// Name under which the module registers; other modules link to
/// `/anfragen/neu` only when it is there (`Registry::has`).
pub const MODULE_NAME: &str = "anfragen";

/// The module's translations; each area keeps its own catalogue pair.
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
        source: include_str!("../locales/de-public.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-public.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-faq.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-faq.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-stats.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-stats.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-staff.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-staff.ftl"),
    },
];

/// The module's registration.
pub fn module() -> Module {
    let mut module = Module::new(MODULE_NAME);
    module.routes = Some(routes::routes);
    module.nav = vec![NavEntry {
        path: "/anfragen",
        label_key: "nav-desk",
    }];
    module.teasers = vec![Teaser {
        title_key: "desk-teaser-title",
        text_key: "desk-teaser-text",
        path: "/anfragen",
    }];
    module.messages = MESSAGES.to_vec();
    // Visitors may attach a file to an inquiry.
    module.body_limits.push(BodyLimit {
        path: routes::public::FORM_PATH,
        bytes: form::BODY_LIMIT,
        roles: &dias_core::policy::Role::ALL,
        visitors: true,
    });
    module.search_sources.push(Arc::new(search::FaqSource));
    module
        .jobs
        .push((retention::RETENTION_JOB, retention::RetentionJob::handler()));
    module.schedules.push(dias_web::registry::Schedule {
        kind: retention::RETENTION_JOB,
        every_secs: retention::RETENTION_EVERY_SECS,
        label_key: "desk-stats-retention-job",
    });
    module.personal_data = Some(Arc::new(personal::DeskData));
    module.demo = Some(Arc::new(|db, env| Box::pin(demo::seed(db, env))));
    // The status page's token is the sender's key: never in the request log.
    module.secret_paths = vec!["/anfragen/status/"];
    module
}

#[cfg(test)]
mod tests {
    use dias_core::i18n::{Catalog, message_ids};

    use super::*;

    /// Every catalogue pair defines the same ids in German and English, and
    /// every vocabulary label exists.
    #[test]
    fn every_message_exists_in_german_and_english() {
        let catalog = Catalog::new(MESSAGES).unwrap_or_else(|e| panic!("{e}"));
        let mut de = Vec::new();
        let mut en = Vec::new();
        for messages in MESSAGES {
            match messages.locale {
                "de" => de.extend(message_ids(messages.source)),
                _ => en.extend(message_ids(messages.source)),
            }
        }
        de.sort();
        en.sort();
        assert_eq!(de, en, "German and English catalogues define the same ids");
        let labels = vocab::Topic::ALL
            .iter()
            .map(|t| t.label_key())
            .chain(vocab::SenderType::ALL.iter().map(|s| s.label_key()))
            .chain(vocab::Status::ALL.iter().map(|s| s.label_key()))
            .chain(vocab::Status::ALL.iter().map(|s| s.staff_label_key()));
        for id in ["nav-desk", "desk-teaser-title", "desk-teaser-text"]
            .into_iter()
            .chain(labels)
        {
            assert_ne!(catalog.get("de", id), id, "{id}");
            assert_ne!(catalog.get("en", id), id, "{id}");
        }
    }
}
