//! dias-broadband: the Breitband module — accompanying gigabit expansion
//! and advising Saxony's municipalities.
//!
//! The evaluation of market surveys itself is the pure engine `dias-mev`;
//! this crate is everything around it that needs a database and pages:
//!
//! - [`members`]: which areas a municipality account acts for and which
//!   operator an operator account answers for;
//! - [`policy`]: the one authorization policy of the module;
//! - the municipality register (a page per Kreis and Gemeinde), the
//!   Lagebild (map, charts, tables), market-survey procedures (invitation,
//!   uploads, evaluation job, versioned results) and funding projects
//!   (stages, amounts, documents, history) — each in its own module below.

pub mod coverage;
pub mod dates;
pub mod entities;
pub mod links;
pub mod members;
pub mod personal;
pub mod policy;
pub mod projects;
pub mod register;
pub mod surveys;

mod demo;
mod routes;

use std::sync::Arc;

use dias_core::i18n::Messages;
use dias_core::policy::Role;
use dias_web::registry::{Module, NavEntry, Teaser};

/// Name under which the module registers; other modules link to it only
/// when it is there (`Registry::has`).
pub const MODULE_NAME: &str = "breitband";

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
        source: include_str!("../locales/de-home.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-home.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-register.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-register.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-surveys.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-surveys.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-projects.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-projects.ftl"),
    },
];

/// The module's registration.
pub fn module() -> Module {
    let mut module = Module::new(MODULE_NAME);
    module.routes = Some(routes::routes);
    module.nav = vec![NavEntry {
        path: "/breitband",
        label_key: "nav-broadband",
    }];
    module.teasers = vec![Teaser {
        title_key: "broadband-teaser-title",
        text_key: "broadband-teaser-text",
        path: "/breitband",
    }];
    module.messages = MESSAGES.to_vec();
    module.demo = Some(Arc::new(|db, env| Box::pin(demo::seed(db, env.scale))));
    module.jobs.push((
        surveys::evaluation::EVALUATION_JOB,
        surveys::evaluation::EvaluationJob::handler(),
    ));
    // Large requests only for the roles that may use each form.
    const MANAGERS: &[Role] = &[Role::Municipality, Role::Staff, Role::Admin];
    for (path, bytes) in routes::surveys::BODY_LIMITS {
        let roles: &'static [Role] = if path == routes::surveys::NEW_PATH {
            MANAGERS
        } else {
            &[Role::Operator]
        };
        module.body_limits.push(dias_web::registry::BodyLimit {
            path,
            bytes,
            roles,
            visitors: false,
        });
    }
    module.body_limits.push(dias_web::registry::BodyLimit {
        path: routes::projects::DOCUMENT_PATH,
        bytes: routes::projects::DOCUMENT_BODY_LIMIT,
        roles: MANAGERS,
        visitors: false,
    });
    module.personal_data = Some(Arc::new(personal::BroadbandData));
    module
}

/// Today's date in Europe/Berlin, the calendar of deadlines and stages.
pub fn today() -> jiff::civil::Date {
    let zone = jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned_datetime(zone).date()
}

#[cfg(test)]
mod tests {
    use dias_core::i18n::{Catalog, message_ids};

    use super::*;

    /// Every catalogue pair defines the same ids in German and English.
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
        for id in [
            "nav-broadband",
            "broadband-teaser-title",
            "broadband-teaser-text",
        ] {
            assert_ne!(catalog.get("de", id), id);
        }
    }
}
