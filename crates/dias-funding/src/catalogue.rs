//! The catalogue dias ships, and synthetic offers for load tests.
//!
//! `catalogue/angebote.json` is an export in the exchange schema, embedded
//! in the binary. It holds the digitalisation-related offers for Saxony
//! that the editors described in their own words from public facts
//! (origin `redaktion`; figures or a status the editors could not confirm
//! are called uncertain in the record's `status_note` or `bonus_notes`),
//! and further offers that are made up to show the range of the Förderlotse
//! (origin `beispiel`, „(Beispiel)“ in the title). The file is kept in the
//! exporter's canonical form, so an export of the loaded catalogue is the
//! file itself.
//!
//! [`synthetic`] generates any number of valid offers from a seed, for
//! `dias demo --scale large` and the benchmarks: the same seed gives the
//! same offers (with the pinned `rand` version).

use jiff::Span;
use jiff::civil::{Date, date};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

use crate::exchange::{self, ExchangeError, ImportReport};
use crate::offer::{Deadline, Offer, Tier};
use crate::vocab::{
    AmountBasis, CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, Industry,
    OfferType, Origin, Procedure, Region, Status, Term,
};

/// The shipped catalogue in the exchange schema.
pub const CATALOGUE_JSON: &str = include_str!("../catalogue/angebote.json");

/// How many synthetic offers `--scale large` adds.
pub const LARGE_SCALE: usize = 20_000;

/// The day the shipped catalogue was last reviewed as a whole.
pub const REVIEWED: Date = date(2026, 11, 27);

/// Reads the shipped catalogue. It is validated as of [`REVIEWED`], not of
/// today: a record that was right when the editors checked it stays in the
/// catalogue after its programme end has passed, and the Förder-Check
/// ([`crate::check::Availability`]) then treats it as ended on the day. The
/// tests hold the file to zero problems.
pub fn load() -> Result<ImportReport, ExchangeError> {
    exchange::from_json(CATALOGUE_JSON, REVIEWED)
}

/// `(offer, missing slug)` for every `combinable_with` that names no offer
/// of the list.
pub fn dangling_references(offers: &[Offer]) -> Vec<(String, String)> {
    let known: std::collections::HashSet<&str> = offers.iter().map(|o| o.slug.as_str()).collect();
    let known = &known;
    offers
        .iter()
        .flat_map(|offer| {
            offer
                .combinable_with
                .iter()
                .filter(move |slug| !known.contains(slug.as_str()))
                .map(|slug| (offer.slug.clone(), slug.clone()))
        })
        .collect()
}

const PREFIXES: &[&str] = &[
    "Förderprogramm",
    "Initiative",
    "Innovationsgutschein",
    "Förderkredit",
    "Beratungsprogramm",
    "Qualifizierungsoffensive",
    "Modellvorhaben",
    "Wettbewerb",
    "Netzwerk",
    "Transferprogramm",
];

const AIMS: &[&str] = &[
    "für den digitalen Mittelstand",
    "für Kommunen im ländlichen Raum",
    "für Gründungen aus der Hochschule",
    "für Handwerk und Handel",
    "für sichere IT im Betrieb",
    "für Daten und KI in der Produktion",
    "für digitale Bildung",
    "für Gigabit in der Fläche",
    "für energieeffiziente Rechenzentren",
    "für Verwaltung ohne Papier",
];

const SENTENCES: &[&str] = &[
    "Gefördert werden Vorhaben, die Abläufe im Betrieb spürbar vereinfachen.",
    "Die Förderung deckt einen Teil der Ausgaben für Beratung, Software und Schulung.",
    "Anträge werden in der Reihenfolge ihres Eingangs bearbeitet.",
    "Vor Beginn des Vorhabens muss der Antrag gestellt sein.",
    "Kooperationen mit Hochschulen und Forschungseinrichtungen sind erwünscht.",
    "Die Beratung ist kostenfrei und unverbindlich.",
    "Ein Eigenanteil ist aus eigenen Mitteln zu tragen.",
    "Das Vorhaben soll innerhalb von zwölf Monaten abgeschlossen sein.",
    "Besonders berücksichtigt werden Vorhaben im ländlichen Raum.",
    "Die Ergebnisse sollen anderen Betrieben zugänglich gemacht werden.",
];

const KEYWORDS: &[&str] = &[
    "Digitalisierung",
    "KI",
    "Cloud",
    "IT-Sicherheit",
    "Gründung",
    "Breitband",
    "Weiterbildung",
    "Mittelstand",
    "Kommune",
    "Innovation",
    "Förderkredit",
    "Beratung",
    "Onlinehandel",
    "Daten",
    "Automatisierung",
];

/// Picks 1..=max distinct items, in the vocabulary's order.
fn pick<T: Copy + Ord>(rng: &mut StdRng, items: &[T], max: usize) -> Vec<T> {
    let n = rng.gen_range(1..=max.min(items.len()));
    let mut chosen: Vec<T> = items.choose_multiple(rng, n).copied().collect();
    chosen.sort();
    chosen
}

fn days_from(today: Date, days: i64) -> Date {
    today.checked_add(Span::new().days(days)).unwrap_or(today)
}

/// `count` valid synthetic offers (origin `synthetisch`, „(synthetisch)“ in
/// the title, slugs `synthetisch-00001` …). Deterministic for a seed and
/// `today`; every offer passes [`crate::offer::validate`] on `today`.
pub fn synthetic(count: usize, seed: u64, today: Date) -> Vec<Offer> {
    let mut rng = StdRng::seed_from_u64(seed);
    let reference = dias_core::reference::cached();
    let districts: Vec<&str> = reference
        .districts
        .iter()
        .map(|d| d.ags5.as_str())
        .collect();
    let mut offers = Vec::with_capacity(count);
    for i in 1..=count {
        let slug = format!("synthetisch-{i:05}");
        let areas = pick(&mut rng, FundingArea::ALL, 3);
        let funding_types = pick(&mut rng, FundingType::ALL, 2);
        let offer_type = *OfferType::ALL
            .choose(&mut rng)
            .unwrap_or(&OfferType::Programme);
        let eligible_groups = pick(&mut rng, EligibleGroup::ALL, 3);
        let for_companies = eligible_groups.iter().any(|g| g.has_size());
        let company_sizes = if for_companies && rng.gen_bool(0.5) {
            pick(&mut rng, CompanySize::ALL, 3)
        } else {
            Vec::new()
        };
        let industries = if for_companies && rng.gen_bool(0.15) {
            pick(&mut rng, Industry::ALL, 2)
        } else {
            Vec::new()
        };
        let regions = match rng.gen_range(0..20) {
            0..=11 => vec![Region::Saxony],
            12..=14 => vec![Region::Federal],
            15 => vec![Region::Eu],
            16..=18 => pick(&mut rng, &districts, 3)
                .into_iter()
                .map(|ags| Region::District(ags.to_owned()))
                .collect(),
            _ => {
                let ags5 = districts.choose(&mut rng).copied().unwrap_or("14521");
                let inside: Vec<&str> = reference
                    .municipalities_of(ags5)
                    .map(|m| m.ags8.as_str())
                    .collect();
                pick(&mut rng, &inside, 2)
                    .into_iter()
                    .map(|ags| Region::Municipality(ags.to_owned()))
                    .collect()
            }
        };
        let funder_level = *FunderLevel::ALL
            .choose(&mut rng)
            .unwrap_or(&FunderLevel::State);
        let funder = match funder_level {
            FunderLevel::Eu => "Europäische Kommission",
            FunderLevel::Federal => "Bundesministerium (synthetisch)",
            FunderLevel::State => "Freistaat Sachsen (synthetisch)",
            FunderLevel::Local => "Landkreis (synthetisch)",
            FunderLevel::Private => "Stiftung (synthetisch)",
        };

        let rate_max_percent = rng
            .gen_bool(0.6)
            .then(|| [25u8, 30, 40, 50, 60, 70, 80, 90, 100][rng.gen_range(0..9)]);
        let amount_max_eur = rng.gen_bool(0.7).then(|| rng.gen_range(1..=400u64) * 5_000);
        let amount_min_eur = match amount_max_eur {
            Some(max) if rng.gen_bool(0.4) => Some((max / 10).max(1_000).min(max)),
            _ => None,
        };
        let tiers = match (rate_max_percent, amount_max_eur) {
            (Some(rate), Some(max)) if company_sizes.len() > 1 && rng.gen_bool(0.5) => {
                company_sizes
                    .iter()
                    .enumerate()
                    .map(|(step, size)| Tier {
                        size: Some(*size),
                        rate_percent: Some(rate.saturating_sub(10 * step as u8).max(10)),
                        max_eur: Some(max),
                        label: format!("Stufe {}", step + 1),
                    })
                    .collect()
            }
            _ => Vec::new(),
        };
        let amount_basis = (amount_max_eur.is_some() || amount_min_eur.is_some()).then(|| {
            *AmountBasis::ALL
                .choose(&mut rng)
                .unwrap_or(&AmountBasis::Funding)
        });

        let status = match rng.gen_range(0..100) {
            0..=74 => Status::Open,
            75..=82 => Status::Stopped,
            83..=92 => Status::Ended,
            _ => Status::Announced,
        };
        let procedure = *Procedure::ALL
            .choose(&mut rng)
            .unwrap_or(&Procedure::Rolling);
        let mut deadlines = Vec::new();
        let programme_end;
        if status == Status::Ended {
            let end = days_from(today, -rng.gen_range(30..900));
            if matches!(procedure, Procedure::CutOff | Procedure::Call) {
                deadlines.push(Deadline {
                    date: days_from(end, -rng.gen_range(10..200)),
                    note: "Letzter Stichtag".to_owned(),
                });
            }
            programme_end = Some(end);
        } else {
            if matches!(procedure, Procedure::CutOff | Procedure::Call) {
                let mut day = days_from(today, rng.gen_range(-60..120));
                for n in 0..rng.gen_range(1..=3) {
                    deadlines.push(Deadline {
                        date: day,
                        note: format!("Runde {}", n + 1),
                    });
                    day = days_from(day, rng.gen_range(60..200));
                }
            }
            let last = deadlines.last().map_or(today, |d| d.date);
            programme_end = rng
                .gen_bool(0.5)
                .then(|| days_from(last.max(today), rng.gen_range(30..1_200)));
        }
        let status_note = match status {
            Status::Stopped => "Derzeit keine Anträge; die Mittel sind gebunden (synthetisch).",
            Status::Announced => "Start angekündigt (synthetisch).",
            _ => "",
        }
        .to_owned();

        let district_label = regions.first().map(Region::label_de).unwrap_or_default();
        let title = format!(
            "{} {} {} {} Nr. {i} (synthetisch)",
            PREFIXES[rng.gen_range(0..PREFIXES.len())],
            areas.first().map_or("", |a| a.label_de()),
            AIMS[rng.gen_range(0..AIMS.len())],
            district_label,
        );
        let body = (0..rng.gen_range(2..5))
            .map(|_| SENTENCES[rng.gen_range(0..SENTENCES.len())])
            .collect::<Vec<_>>()
            .join(" ");
        let keyword_count = rng.gen_range(1..5);
        let mut keywords: Vec<String> = KEYWORDS
            .choose_multiple(&mut rng, keyword_count)
            .map(|k| (*k).to_owned())
            .collect();
        keywords.sort();
        let combinable_with = if i > 1 && rng.gen_bool(0.1) {
            vec![format!("synthetisch-{:05}", i - 1)]
        } else {
            Vec::new()
        };

        offers.push(Offer {
            slug,
            origin: Origin::Synthetic,
            offer_type,
            title,
            summary: format!(
                "Synthetisches Angebot {i} für Last- und Suchtests: {}.",
                areas
                    .iter()
                    .map(|a| a.label_de())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            body,
            funding_types,
            areas,
            regions,
            eligible_groups,
            company_sizes,
            industries,
            funder_level,
            funder: funder.to_owned(),
            contact_institution: "Beispielstelle (synthetisch)".to_owned(),
            contact_address: String::new(),
            contact_phone: String::new(),
            contact_email: "synthetisch@example.org".to_owned(),
            contact_url: "https://example.org/synthetisch".to_owned(),
            legal_basis: String::new(),
            legal_citation: String::new(),
            legal_url: String::new(),
            legal_date: None,
            rate_max_percent,
            amount_basis,
            amount_min_eur,
            amount_max_eur,
            tiers,
            bonus_notes: String::new(),
            procedure,
            deadlines,
            programme_end,
            status,
            status_note,
            combinable_with,
            keywords,
            source_url: String::new(),
            source_licence: "CC0 1.0 (synthetische Testdaten)".to_owned(),
            last_checked: days_from(today, -rng.gen_range(0..700)),
            reviewer: "Generator".to_owned(),
        });
    }
    offers
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::check::{self, Answers, Availability, Verdict};
    use crate::offer::validate;

    fn catalogue() -> Vec<Offer> {
        let report = load().unwrap();
        assert_eq!(report.problems, vec![], "the shipped catalogue is valid");
        report.offers
    }

    #[test]
    fn the_catalogue_is_valid_canonical_and_large_enough() {
        let offers = catalogue();
        assert!(offers.len() >= 60, "{} offers", offers.len());
        assert_eq!(dangling_references(&offers), vec![]);
        assert_eq!(
            exchange::to_json(&offers).unwrap(),
            CATALOGUE_JSON,
            "the file is in the exporter's canonical form"
        );
        // The CSV export of the catalogue round-trips as well.
        let csv = exchange::to_csv(&offers).unwrap();
        let back = exchange::from_csv(&csv, REVIEWED).unwrap();
        assert_eq!(back.problems, vec![]);
        assert_eq!(back.offers, offers);
    }

    #[test]
    fn the_catalogue_holds_the_real_offers_named_in_the_spec() {
        let offers = catalogue();
        let real: HashSet<&str> = offers
            .iter()
            .filter(|o| o.origin == Origin::Editorial)
            .map(|o| o.slug.as_str())
            .collect();
        for slug in [
            "digi-z",
            "digi-d",
            "lifd",
            "innopraemie",
            "sachsenkredit-gruenden-wachsen",
            "mittelstand-digital-zentrum-chemnitz",
            "mittelstand-digital-zentrum-leipzig-halle",
            "digital-lotsen-sachsen",
            "exist-women",
            "invest",
            "go-digital",
            "digital-jetzt",
            "e-business",
        ] {
            assert!(real.contains(slug), "{slug} missing");
        }
        for example in offers.iter().filter(|o| o.origin != Origin::Editorial) {
            assert_eq!(example.origin, Origin::Example, "{}", example.slug);
            assert!(example.title.contains("(Beispiel)"), "{}", example.title);
        }
        for editorial in offers.iter().filter(|o| o.origin == Origin::Editorial) {
            assert!(
                editorial.source_url.starts_with("https://"),
                "{}",
                editorial.slug
            );
        }
    }

    #[test]
    fn digi_z_carries_its_published_figures() {
        let offers = catalogue();
        let digi_z = offers.iter().find(|o| o.slug == "digi-z").unwrap();
        assert_eq!(digi_z.funding_types, vec![FundingType::Grant]);
        assert_eq!(digi_z.regions, vec![Region::Saxony]);
        assert_eq!(
            digi_z.company_sizes,
            vec![CompanySize::Micro, CompanySize::Small, CompanySize::Medium]
        );
        assert_eq!(digi_z.amount_basis, Some(AmountBasis::Costs));
        assert_eq!(digi_z.amount_min_eur, Some(5_000));
        assert_eq!(digi_z.amount_max_eur, Some(100_000));
        let tiers: Vec<(Option<CompanySize>, Option<u8>, Option<u64>)> = digi_z
            .tiers
            .iter()
            .map(|t| (t.size, t.rate_percent, t.max_eur))
            .collect();
        assert_eq!(
            tiers,
            vec![
                (Some(CompanySize::Micro), Some(60), Some(10_000)),
                (Some(CompanySize::Small), Some(50), Some(60_000)),
                (Some(CompanySize::Medium), Some(35), Some(100_000)),
            ]
        );
        assert!(digi_z.bonus_notes.contains("10 Prozentpunkte"));
    }

    #[test]
    fn the_catalogue_spreads_over_every_facet() {
        let offers = catalogue();
        for kind in OfferType::ALL {
            assert!(offers.iter().any(|o| o.offer_type == *kind), "{kind:?}");
        }
        for kind in FundingType::ALL {
            assert!(
                offers.iter().any(|o| o.funding_types.contains(kind)),
                "{kind:?}"
            );
        }
        for status in Status::ALL {
            assert!(
                offers.iter().filter(|o| o.status == *status).count() >= 2,
                "{status:?}"
            );
        }
        for level in FunderLevel::ALL {
            assert!(offers.iter().any(|o| o.funder_level == *level), "{level:?}");
        }
        for group in EligibleGroup::ALL {
            assert!(
                offers.iter().any(|o| o.eligible_groups.contains(group)),
                "{group:?}"
            );
        }
        let only = |group: EligibleGroup| {
            offers
                .iter()
                .filter(|o| o.eligible_groups == [group])
                .count()
        };
        assert!(
            only(EligibleGroup::Municipality) >= 5,
            "Kommune-only offers"
        );
        assert!(only(EligibleGroup::Company) >= 10, "company-only offers");
        let districts = offers
            .iter()
            .filter(|o| o.regions.iter().any(|r| matches!(r, Region::District(_))))
            .count();
        assert!(districts >= 5, "offers limited to Kreise");
        assert!(offers.iter().any(|o| {
            o.regions
                .iter()
                .any(|r| matches!(r, Region::Municipality(_)))
        }));
        let stichtage_2027 = offers
            .iter()
            .filter(|o| o.procedure == Procedure::CutOff)
            .filter(|o| o.deadlines.iter().any(|d| d.date.year() == 2027))
            .count();
        assert!(stichtage_2027 >= 5, "upcoming Stichtage in 2027");
        let level_one_areas: HashSet<FundingArea> = offers
            .iter()
            .flat_map(|o| o.areas.iter().map(|a| a.top()))
            .collect();
        assert!(level_one_areas.len() >= 10, "{level_one_areas:?}");
    }

    #[test]
    fn a_small_company_in_the_erzgebirgskreis_gets_digi_z_as_passt() {
        let offers = catalogue();
        let answers =
            Answers::from_query("wer=unternehmen&kreis=14521&groesse=klein&thema=digitalisierung")
                .unwrap();
        let results = check::check(&offers, &answers, REVIEWED);
        let digi_z = results.iter().find(|e| e.slug == "digi-z").unwrap();
        assert_eq!(digi_z.verdict, Verdict::Fits, "{:?}", digi_z.findings);
        assert_eq!(digi_z.availability, Availability::Open);
        assert_eq!(digi_z.tier.and_then(|t| t.rate_percent), Some(50));
        // It is among the first results, and ended programmes are not open.
        let rank = results.iter().position(|e| e.slug == "digi-z").unwrap();
        let fitting = results
            .iter()
            .filter(|e| e.verdict == Verdict::Fits)
            .count();
        assert!(rank < fitting, "digi-z ranks among the fitting offers");
        for ended in ["go-digital", "digital-jetzt", "e-business"] {
            let e = results.iter().find(|e| e.slug == ended).unwrap();
            assert_eq!(e.verdict, Verdict::Fails, "{ended}");
            assert_eq!(e.availability, Availability::Ended, "{ended}");
        }
        for e in &results {
            if e.verdict == Verdict::Fits {
                assert!(!e.availability.is_closed(), "{} fits but is closed", e.slug);
            }
        }
    }

    #[test]
    fn a_kommune_gets_municipal_offers_and_no_company_only_ones() {
        let offers = catalogue();
        let answers = Answers::from_query("wer=kommune&kreis=14626").unwrap();
        let results = check::check(&offers, &answers, REVIEWED);
        let fitting: Vec<&str> = results
            .iter()
            .filter(|e| e.verdict == Verdict::Fits)
            .map(|e| e.slug)
            .collect();
        assert!(fitting.contains(&"digital-lotsen-sachsen"), "{fitting:?}");
        assert!(fitting.len() >= 5, "{fitting:?}");
        for e in &results {
            if !e
                .offer
                .eligible_groups
                .contains(&EligibleGroup::Municipality)
            {
                assert_ne!(e.verdict, Verdict::Fits, "{}", e.slug);
            }
        }
        assert_eq!(
            results
                .iter()
                .find(|e| e.slug == "digi-z")
                .map(|e| e.verdict),
            Some(Verdict::Fails)
        );
    }

    #[test]
    fn years_later_the_catalogue_still_loads_and_nothing_past_its_end_is_open() {
        let offers = catalogue();
        let later = date(2029, 1, 1);
        let answers = Answers::default();
        for e in check::check(&offers, &answers, later) {
            if e.offer.programme_end.is_some_and(|end| end < later) {
                assert_eq!(e.availability, Availability::Ended, "{}", e.slug);
                assert_eq!(e.verdict, Verdict::Fails, "{}", e.slug);
            }
        }
    }

    #[test]
    fn the_generator_is_deterministic_valid_and_large() {
        let today = REVIEWED;
        let offers = synthetic(LARGE_SCALE, 42, today);
        assert_eq!(offers.len(), LARGE_SCALE);
        for offer in &offers {
            if let Err(errors) = validate(offer, today) {
                panic!("{}: {errors:?}", offer.slug);
            }
            assert_eq!(offer.origin, Origin::Synthetic);
        }
        let slugs: HashSet<&str> = offers.iter().map(|o| o.slug.as_str()).collect();
        assert_eq!(slugs.len(), LARGE_SCALE);
        assert_eq!(dangling_references(&offers), vec![]);
        assert_eq!(synthetic(50, 42, today), offers[..50]);
        assert_ne!(synthetic(50, 43, today), offers[..50]);
        // The mix resembles a real catalogue: mostly open, all statuses.
        let open = offers.iter().filter(|o| o.status == Status::Open).count();
        assert!(open > LARGE_SCALE / 2);
        for status in Status::ALL {
            assert!(offers.iter().any(|o| o.status == *status), "{status:?}");
        }
        // And the names never collide with the shipped catalogue.
        let shipped = catalogue();
        assert!(shipped.iter().all(|o| !slugs.contains(o.slug.as_str())));
    }
}
