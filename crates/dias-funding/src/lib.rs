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

pub mod catalogue;
pub mod check;
pub mod entities;
pub mod exchange;
pub mod offer;
pub mod store;
pub mod vocab;

use dias_core::i18n::Messages;
use jiff::civil::Date;

pub use check::{Answers, Availability, Evaluation, Verdict, check, evaluate};
pub use exchange::{ExchangeError, ImportReport, Problem};
pub use offer::{Offer, validate};

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
];

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
}
