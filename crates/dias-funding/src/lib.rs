//! dias-funding: the Förderlotse — support offers for digitalisation in
//! Saxony, and which of them fit whom.
//!
//! This crate is the module's pure core: it knows nothing of HTTP or SQL, so
//! the web pages, the store and the CLI build on it and every rule is
//! tested here alone.
//!
//! - [`vocab`]: the controlled vocabularies (Angebotsart, Förderart,
//!   Förderbereich in two levels, Fördergebiet, Förderberechtigte,
//!   Unternehmensgröße, Branche, Fördergeber-Ebene, Verfahren, Status).
//!   Every term has a stable slug, a German label and, where one exists, its
//!   name in the external code list (Förderdatenbank facets, WZ 2008, NUTS).
//! - [`offer`]: the offer record (Angebot) with its conditions as data —
//!   groups, sizes, industries, regions, themes, amounts, rates by size,
//!   deadlines, programme end, status — and [`offer::validate`], the one
//!   place that decides whether a record may be stored.
//! - [`check`]: the Förder-Check. Optional answers → for every offer
//!   `passt` / `passt nicht` / `unklar` with the matched, failed and
//!   undecided conditions named, ranked; the answers are a URL query, so a
//!   result can be shared without storing anything about the person.
//! - [`exchange`]: JSON and CSV in one documented schema
//!   (`docs/funding-schema.md`) that round-trips, with a per-record problem
//!   report on import.
//! - [`catalogue`]: the starting catalogue shipped with dias (real offers
//!   written by the editors in their own words, plus marked examples) and a
//!   deterministic generator of synthetic offers for `--scale large`.
//!
//! Dates are calendar days ([`jiff::civil::Date`], meant in Europe/Berlin);
//! functions that depend on "today" take it as an argument, so results are
//! reproducible and tests need no clock.
//!
//! On top of that core sit the module's storage and pages: [`store`] (the
//! `funding_offers` table, one JSON record per offer beside a few columns
//! to sort by), [`snapshot`] (all offers in memory with a bitset per facet
//! value, rebuilt when the change counter moves), `search` (search
//! documents), `demo` (the catalogue, or 20,000 synthetic offers) and
//! `routes` (the search page, the offer page and the Förder-Check — thin
//! handlers over the pure modules).

pub mod catalogue;
pub mod check;
pub mod editorial;
pub mod entities;
pub mod exchange;
pub mod links;
pub mod offer;
pub mod policy;
pub mod snapshot;
pub mod store;
pub mod vocab;
pub mod watch;

mod demo;
mod routes;
mod search;

use std::sync::Arc;

use dias_core::i18n::Messages;
use dias_core::policy::Role;
use dias_web::registry::{Module, NavEntry, Teaser};
use jiff::civil::Date;

pub use check::{Answers, Availability, Evaluation, Verdict, check, evaluate};
pub use exchange::{ExchangeError, ImportReport, Problem};
pub use offer::{Offer, validate};
pub use routes::exchange::ImportJob;
pub use search::OfferSource;

/// Today's date in Europe/Berlin, the calendar the offers' dates are in.
pub fn today() -> Date {
    let zone = jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC);
    jiff::Timestamp::now().to_zoned_datetime(zone).date()
}

/// The module's translations (labels of every term, questions, reasons,
/// validation and import messages).
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
        source: include_str!("../locales/de-web.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-web.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-deadlines.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-deadlines.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-check.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-check.ftl"),
    },
    Messages {
        locale: "de",
        source: include_str!("../locales/de-exchange.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en-exchange.ftl"),
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
    let mut module = Module::new("foerderung");
    module.routes = Some(routes::routes);
    module.nav = vec![NavEntry {
        path: "/foerderung",
        label_key: "nav-funding",
    }];
    module.teasers = vec![Teaser {
        title_key: "funding-teaser-title",
        text_key: "funding-teaser-text",
        path: "/foerderung",
    }];
    module.messages = MESSAGES.to_vec();
    module.search_sources = vec![Arc::new(search::OfferSource)];
    module
        .jobs
        .push((watch::REMINDER_JOB, watch::ReminderJob::handler()));
    module.schedules.push(dias_web::registry::Schedule {
        kind: watch::REMINDER_JOB,
        every_secs: watch::REMINDER_EVERY_SECS,
        label_key: "funding-watch-job",
    });
    module.personal_data = Some(Arc::new(watch::WatchData));
    module.jobs.push((
        routes::exchange::IMPORT_JOB,
        routes::exchange::ImportJob::handler(),
    ));
    module.body_limits.push(dias_web::registry::BodyLimit {
        path: routes::exchange::PATH,
        bytes: routes::exchange::BODY_LIMIT,
        roles: &[Role::Staff, Role::Admin],
        visitors: false,
    });
    module.demo = Some(Arc::new(|db, env| Box::pin(demo::seed(db, env.scale))));
    module
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use dias_core::i18n::{Catalog, message_ids};

    use super::*;
    use crate::check::{Availability, Criterion, Question, Verdict};
    use crate::vocab::*;

    fn term_ids<T: Term>(ids: &mut Vec<(String, &'static str)>) {
        ids.extend(
            T::ALL
                .iter()
                .map(|t| (t.message_id().to_owned(), t.label_de())),
        );
    }

    /// Message ids that the code names as string literals.
    fn ids_in_source(source: &str) -> BTreeSet<String> {
        source
            .split("\"funding-")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|id| format!("funding-{id}"))
            .collect()
    }

    #[test]
    fn every_message_exists_in_german_and_english() {
        let mut de = message_ids(include_str!("../locales/de.ftl"));
        let mut en = message_ids(include_str!("../locales/en.ftl"));
        de.sort();
        en.sort();
        assert_eq!(de, en, "de.ftl and en.ftl define the same messages");
        let catalog = Catalog::new(MESSAGES).unwrap();

        // Every term's label, and its German text is the label in the code.
        let mut labelled: Vec<(String, &'static str)> = Vec::new();
        term_ids::<OfferType>(&mut labelled);
        term_ids::<FundingType>(&mut labelled);
        term_ids::<FundingArea>(&mut labelled);
        term_ids::<EligibleGroup>(&mut labelled);
        term_ids::<CompanySize>(&mut labelled);
        term_ids::<Industry>(&mut labelled);
        term_ids::<FunderLevel>(&mut labelled);
        term_ids::<Procedure>(&mut labelled);
        term_ids::<Status>(&mut labelled);
        term_ids::<Origin>(&mut labelled);
        term_ids::<AmountBasis>(&mut labelled);
        for question in Question::ALL {
            labelled.push((question.message_id().to_owned(), question.label_de()));
        }
        for verdict in [Verdict::Fits, Verdict::Unclear, Verdict::Fails] {
            labelled.push((verdict.message_id().to_owned(), verdict.label_de()));
        }
        for criterion in [
            Criterion::Group,
            Criterion::Region,
            Criterion::Size,
            Criterion::Industry,
            Criterion::Theme,
            Criterion::FundingType,
            Criterion::Status,
        ] {
            labelled.push((criterion.message_id().to_owned(), criterion.label_de()));
        }
        for (id, label) in &labelled {
            assert!(de.contains(id), "{id} is missing");
            assert_eq!(catalog.get("de", id), *label, "{id}");
        }

        // Every id the code uses as a literal.
        let mut used = BTreeSet::new();
        used.extend(ids_in_source(include_str!("offer.rs")));
        used.extend(ids_in_source(include_str!("check.rs")));
        used.extend(ids_in_source(include_str!("exchange.rs")));
        for availability in [
            Availability::Open,
            Availability::Announced,
            Availability::AwaitingDeadline,
            Availability::Stopped,
            Availability::Ended,
        ] {
            used.insert(availability.message_id().to_owned());
        }
        for region in ["eu", "bundesweit", "sachsen"] {
            used.insert(format!("funding-region-{region}"));
        }
        assert!(used.len() > 60, "the scan found the ids: {used:?}");
        for id in &used {
            assert!(de.contains(id), "{id} is used but not translated");
        }
    }

    /// Message ids written as literals in the pages' code, and passed to
    /// `ctx.t…(…)` in the templates (which also hold element ids).
    fn page_ids() -> BTreeSet<String> {
        let mut used = BTreeSet::new();
        for source in [
            include_str!("routes/mod.rs"),
            include_str!("routes/search.rs"),
            include_str!("routes/offer.rs"),
            include_str!("routes/check.rs"),
            include_str!("routes/deadlines.rs"),
            include_str!("routes/watch.rs"),
            include_str!("routes/compare.rs"),
            include_str!("watch.rs"),
            include_str!("routes/api.rs"),
            include_str!("routes/opendata.rs"),
            include_str!("routes/exchange.rs"),
            include_str!("routes/editorial.rs"),
            include_str!("editorial.rs"),
            include_str!("search.rs"),
            include_str!("snapshot.rs"),
        ] {
            used.extend(ids_in_source(source));
        }
        for template in [
            include_str!("../templates/funding/search.html"),
            include_str!("../templates/funding/card.html"),
            include_str!("../templates/funding/offer.html"),
            include_str!("../templates/funding/check.html"),
            include_str!("../templates/funding/deadlines.html"),
            include_str!("../templates/funding/watch.html"),
            include_str!("../templates/funding/watch_button.html"),
            include_str!("../templates/funding/compare.html"),
            include_str!("../templates/funding/opendata.html"),
            include_str!("../templates/funding/import.html"),
            include_str!("../templates/funding/import_result.html"),
            include_str!("../templates/funding/import_job.html"),
            include_str!("../templates/funding/editorial.html"),
            include_str!("../templates/funding/editorial_form.html"),
            include_str!("../templates/funding/editorial_history.html"),
            include_str!("../templates/funding/editorial_diff.html"),
            include_str!("../templates/funding/editorial_offer_bar.html"),
        ] {
            used.extend(
                template
                    .split("(\"funding-")
                    .skip(1)
                    .filter_map(|rest| rest.split('"').next())
                    .map(|id| format!("funding-{id}")),
            );
        }
        used.retain(|id| !id.contains('{') && !id.ends_with('-'));
        used
    }

    #[test]
    fn every_page_message_exists_in_german_and_english() {
        let mut de = message_ids(include_str!("../locales/de-web.ftl"));
        let mut en = message_ids(include_str!("../locales/en-web.ftl"));
        de.sort();
        en.sort();
        assert_eq!(de, en, "de-web.ftl and en-web.ftl define the same messages");
        let catalog = Catalog::new(MESSAGES).unwrap();
        let mut needed = page_ids();
        assert!(needed.len() > 40, "the scan found the ids: {needed:?}");
        // Ids the code builds from a parameter.
        for facet in crate::snapshot::Facet::ALL {
            needed.insert(format!("funding-facet-{}", facet.param()));
        }
        for sort in ["relevanz", "frist", "aktualisiert"] {
            needed.insert(format!("funding-sort-{sort}"));
        }
        for question in ["wer", "kreis", "groesse", "branche", "thema", "art"] {
            needed.insert(format!("funding-check-q-{question}"));
            needed.insert(format!("funding-check-hint-{question}"));
        }
        needed.extend(["nav-funding".to_owned()]);
        for id in &needed {
            for locale in ["de", "en"] {
                assert_ne!(catalog.get(locale, id), *id, "{id} is missing in {locale}");
            }
        }
    }
}
