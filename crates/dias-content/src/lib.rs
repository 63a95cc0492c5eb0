//! dias-content: the agency's own website — pages, news (Aktuelles),
//! publications (Publikationen), contact points (Ansprechpartner) and the
//! newsletter, kept current by the Redaktion without a developer.
//!
//! - [`vocab`]: topics, states, menus, audiences, publication kinds, licences;
//! - [`policy`]: the one authorization policy of the module;
//! - [`publishing`]: when an item is live, and the job that announces
//!   scheduled items when their time comes;
//! - [`site`]: menus and contact points for the shell, pages at any path;
//! - one module per area below, each with its routes in `routes/`.

pub mod contacts;
pub mod dcat;
pub mod entities;
pub mod media;
pub mod news;
pub mod newsletter;
pub mod pages;
pub mod personal;
pub mod policy;
pub mod publications;
pub mod publishing;
pub mod site;
pub mod vocab;

mod demo;
mod routes;

use std::sync::Arc;

use dias_core::i18n::Messages;
use dias_web::registry::{Module, NavEntry, Schedule, Teaser};

/// Name under which the module registers.
pub const MODULE_NAME: &str = "content";

/// Search document kinds.
pub const KIND_PAGE: &str = "page";
pub const KIND_NEWS: &str = "news";
pub const KIND_PUBLICATION: &str = "publication";

/// Where staff upload media (multipart); images and files up to
/// [`MEDIA_BODY_LIMIT`].
pub const MEDIA_UPLOAD_PATH: &str = "/redaktion/medien/hochladen";
pub const MEDIA_BODY_LIMIT: usize = 12 * 1024 * 1024;
/// Where staff upload or replace a publication's PDF (multipart, with the
/// publication's id as a field); PDFs up to [`PUBLICATION_BODY_LIMIT`].
pub const PUBLICATION_FILE_PATH: &str = "/redaktion/publikationen/datei";
pub const PUBLICATION_BODY_LIMIT: usize = 52 * 1024 * 1024;

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
        source: include_str!("../locales/de-pages.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-pages.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-news.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-news.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-publications.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-publications.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-newsletter.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-newsletter.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-editorial.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-editorial.ftl"),
    },
];

/// The module's registration.
pub fn module() -> Module {
    let mut module = Module::new(MODULE_NAME);
    module.routes = Some(routes::routes);
    module.nav = vec![
        NavEntry {
            path: "/aktuelles",
            label_key: "nav-content-news",
        },
        NavEntry {
            path: "/publikationen",
            label_key: "nav-content-publications",
        },
    ];
    module.staff_nav = vec![NavEntry {
        path: "/redaktion",
        label_key: "nav-content-editorial",
    }];
    module.teasers = vec![Teaser {
        title_key: "content-teaser-title",
        text_key: "content-teaser-text",
        path: "/aktuelles",
    }];
    module.messages = MESSAGES.to_vec();
    module.search_sources.push(Arc::new(news::NewsSource));
    module.site = Some(Arc::new(site::Site::default()));
    module.search_sources.push(Arc::new(pages::PageSource));
    module
        .search_sources
        .push(Arc::new(publications::PublicationSource));
    module.jobs.push((
        publishing::ANNOUNCE_JOB,
        Arc::new(publishing::AnnounceJob) as _,
    ));
    module.schedules.push(Schedule {
        kind: publishing::ANNOUNCE_JOB,
        every_secs: publishing::ANNOUNCE_EVERY_SECS,
        label_key: "content-announce-job",
    });
    module.jobs.push((
        newsletter::SEND_JOB,
        Arc::new(newsletter::SendJob::default()) as _,
    ));
    module.jobs.push((
        newsletter::RETENTION_JOB,
        Arc::new(newsletter::RetentionJob) as _,
    ));
    module.schedules.push(Schedule {
        kind: newsletter::SEND_JOB,
        every_secs: newsletter::SEND_EVERY_SECS,
        label_key: "content-nl-send-job",
    });
    module.schedules.push(Schedule {
        kind: newsletter::RETENTION_JOB,
        every_secs: newsletter::RETENTION_EVERY_SECS,
        label_key: "content-nl-retention-job",
    });
    for (path, bytes) in [
        (MEDIA_UPLOAD_PATH, MEDIA_BODY_LIMIT),
        (PUBLICATION_FILE_PATH, PUBLICATION_BODY_LIMIT),
    ] {
        module.body_limits.push(dias_web::registry::BodyLimit {
            path,
            bytes,
            roles: &[
                dias_core::policy::Role::Staff,
                dias_core::policy::Role::Admin,
            ],
            visitors: false,
        });
    }
    // A subscriber's links carry the key to the subscription.
    module.secret_paths = vec!["/newsletter/bestaetigen/", "/newsletter/abmelden/"];
    module.personal_data = Some(Arc::new(personal::ContentData));
    module.demo = Some(Arc::new(|db, env| Box::pin(demo::seed(db, env))));
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
            .map(|v| v.label_key())
            .chain(vocab::Status::ALL.iter().map(|v| v.label_key()))
            .chain(vocab::Menu::ALL.iter().map(|v| v.label_key()))
            .chain(vocab::Audience::ALL.iter().map(|v| v.label_key()))
            .chain(vocab::PublicationKind::ALL.iter().map(|v| v.label_key()))
            .chain(vocab::Licence::ALL.iter().map(|v| v.label_key()));
        for id in [
            "nav-content-news",
            "nav-content-publications",
            "nav-content-editorial",
            "content-teaser-title",
            "content-teaser-text",
            "content-announce-job",
        ]
        .into_iter()
        .chain(labels)
        {
            assert_ne!(catalog.get("de", id), id, "{id}");
            assert_ne!(catalog.get("en", id), id, "{id}");
        }
    }
}
