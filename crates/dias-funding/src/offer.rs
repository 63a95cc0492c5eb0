//! The offer record (Angebot) and its validation.
//!
//! An [`Offer`] is flat on purpose: every scalar field is one column of the
//! CSV exchange format, one key of the JSON format and, later, one column of
//! the `funding_offers` table. Only the repeating parts — deadlines
//! ([`Deadline`]) and size-dependent rates ([`Tier`]) — are small records in
//! a list. Conditions are data (eligible groups, sizes, industries, regions,
//! themes, amounts, rates, deadlines), never code, so that the
//! [Förder-Check](crate::check) and the editors read the same facts.
//!
//! [`validate`] is the one place that decides whether a record may be
//! stored. It returns every problem at once as (field, message id) pairs in
//! the shape forms already render ([`dias_core::validation::FieldErrors`]);
//! the ids live in `locales/de.ftl` and `locales/en.ftl`.

use std::collections::HashSet;

use dias_core::validation::FieldErrors;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::vocab::{
    AmountBasis, CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, Industry,
    OfferType, Origin, Procedure, Region, Status,
};

/// Characters that separate list items and the parts of an item in a CSV
/// cell (see `docs/funding-schema.md`), so they may not occur inside one.
pub const LIST_SEPARATOR: char = ';';
pub const PART_SEPARATOR: char = '|';

/// An application deadline (Frist or Stichtag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    #[serde(with = "iso_date")]
    pub date: Date,
    /// What the date is for, e.g. „Einreichung der Projektskizze“.
    #[serde(default)]
    pub note: String,
}

/// A Förderstufe: a rate and ceiling that apply to one company size or to
/// one kind of cost (then `size` is empty and the label says which).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    #[serde(default)]
    pub size: Option<CompanySize>,
    #[serde(default)]
    pub rate_percent: Option<u8>,
    /// Ceiling in euros, on the offer's [`AmountBasis`].
    #[serde(default)]
    pub max_eur: Option<u64>,
    pub label: String,
}

/// One support offer. The field order is the column order of the exchange
/// format; `docs/funding-schema.md` describes every field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offer {
    /// Stable code, used in URLs and in `combinable_with`.
    pub slug: String,
    pub origin: Origin,
    pub offer_type: OfferType,
    pub title: String,
    /// Kurzbeschreibung (plain text, one or two sentences).
    pub summary: String,
    /// Volltext (Markdown).
    pub body: String,
    pub funding_types: Vec<FundingType>,
    pub areas: Vec<FundingArea>,
    pub regions: Vec<Region>,
    pub eligible_groups: Vec<EligibleGroup>,
    /// Sizes a company must have; empty = no limit.
    pub company_sizes: Vec<CompanySize>,
    /// WZ sections the offer is limited to; empty = all industries.
    pub industries: Vec<Industry>,
    pub funder_level: FunderLevel,
    pub funder: String,
    pub contact_institution: String,
    pub contact_address: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub contact_url: String,
    pub legal_basis: String,
    pub legal_citation: String,
    pub legal_url: String,
    #[serde(with = "iso_date_opt")]
    pub legal_date: Option<Date>,
    /// Highest base rate in percent of the amount basis (bonuses excluded).
    pub rate_max_percent: Option<u8>,
    pub amount_basis: Option<AmountBasis>,
    pub amount_min_eur: Option<u64>,
    pub amount_max_eur: Option<u64>,
    pub tiers: Vec<Tier>,
    /// Zuschläge and other notes on the figures.
    pub bonus_notes: String,
    pub procedure: Procedure,
    /// Deadlines in ascending order.
    pub deadlines: Vec<Deadline>,
    #[serde(with = "iso_date_opt")]
    pub programme_end: Option<Date>,
    pub status: Status,
    pub status_note: String,
    /// Slugs of offers that may be combined with this one.
    pub combinable_with: Vec<String>,
    pub keywords: Vec<String>,
    pub source_url: String,
    pub source_licence: String,
    #[serde(with = "iso_date")]
    pub last_checked: Date,
    pub reviewer: String,
}

impl Offer {
    /// The first deadline on or after `today`.
    pub fn next_deadline(&self, today: Date) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.date >= today)
    }

    /// The tier that applies to a company size, if the offer has tiers by
    /// size.
    pub fn tier_for(&self, size: CompanySize) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.size == Some(size))
    }

    /// Whether an offer marked open has in fact run out: its programme end
    /// lies before `today`.
    pub fn has_ended_by(&self, today: Date) -> bool {
        self.programme_end.is_some_and(|end| end < today)
    }
}

/// Limits in characters.
pub const MAX_SLUG: usize = 80;
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 600;
pub const MAX_BODY: usize = 20_000;
pub const MAX_LINE: usize = 300;
pub const MAX_NOTE: usize = 2_000;
pub const MAX_ITEM: usize = 80;
pub const MAX_KEYWORDS: usize = 30;

/// Words that name fixed pages beside the offers' own
/// (`/foerderung/redaktion/neu`, `/foerderung/redaktion/import`): an offer
/// with such a slug could not be opened for editing.
pub const RESERVED_SLUGS: [&str; 2] = ["neu", "import"];

/// A slug: 2–80 characters of `a-z`, `0-9` and single inner hyphens, not
/// one of [`RESERVED_SLUGS`].
pub fn is_slug(value: &str) -> bool {
    !RESERVED_SLUGS.contains(&value)
        && (2..=MAX_SLUG).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !value.starts_with('-')
        && !value.ends_with('-')
        && !value.contains("--")
}

fn is_web_url(value: &str) -> bool {
    (value.starts_with("https://") || value.starts_with("http://"))
        && value.len() > "https://".len()
        && value.len() <= 500
        && !value.chars().any(char::is_whitespace)
}

fn text(errors: &mut FieldErrors, field: &str, value: &str, required: bool, max: usize) {
    if value.trim() != value {
        errors.add(field, "funding-error-whitespace");
    } else if value.is_empty() {
        if required {
            errors.add(field, "error-required");
        }
    } else if value.chars().count() > max {
        errors.add(field, "error-too-long");
    }
}

fn optional_url(errors: &mut FieldErrors, field: &str, value: &str) {
    if !value.is_empty() && !is_web_url(value) {
        errors.add(field, "funding-error-url");
    }
}

fn no_duplicates<T: std::hash::Hash + Eq>(errors: &mut FieldErrors, field: &str, items: &[T]) {
    let mut seen = HashSet::new();
    if !items.iter().all(|i| seen.insert(i)) {
        errors.add(field, "funding-error-duplicate");
    }
}

fn list_item(errors: &mut FieldErrors, field: &str, value: &str, max: usize) -> bool {
    if value.is_empty() || value.trim() != value {
        errors.add(field, "funding-error-list-item");
        false
    } else if value.contains([LIST_SEPARATOR, PART_SEPARATOR, '\n', '\r']) {
        errors.add(field, "funding-error-separator");
        false
    } else if value.chars().count() > max {
        errors.add(field, "error-too-long");
        false
    } else {
        true
    }
}

/// Checks an offer. `today` is the editors' date (Europe/Berlin): a record
/// cannot claim to have been checked in the future, and an offer whose
/// programme end has passed cannot be `offen`.
///
/// The rules beyond required fields and lengths:
/// - at least one Förderart, Förderbereich, Fördergebiet and group;
/// - an offer for all of Saxony (or wider) lists no Kreise or Gemeinden
///   besides, and a Gemeinde is not listed next to its own Kreis;
/// - sizes only for offers open to companies or founders;
/// - amounts need a basis, `min ≤ max`, rates 1–100, a tier's figures stay
///   within the offer's maximum, and a size tier names one of the offer's
///   sizes;
/// - deadlines ascending without repeats, none after the programme end;
///   a Stichtag procedure has at least one deadline unless it has ended;
/// - `ausgelaufen` and `antragstopp` say why (note) or when (end date);
///   `offen` with a past programme end is contradictory;
/// - examples say so in the title, so no rendering can pass one off as real;
/// - list items carry no separator characters (CSV).
pub fn validate(offer: &Offer, today: Date) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if !is_slug(&offer.slug) {
        errors.add("slug", "funding-error-slug");
    }
    text(&mut errors, "title", &offer.title, true, MAX_TITLE);
    text(&mut errors, "summary", &offer.summary, true, MAX_SUMMARY);
    text(&mut errors, "body", &offer.body, true, MAX_BODY);
    match offer.origin {
        Origin::Example if !offer.title.contains("Beispiel") => {
            errors.add("title", "funding-error-example-title");
        }
        Origin::Synthetic if !offer.title.contains("synthetisch") => {
            errors.add("title", "funding-error-synthetic-title");
        }
        _ => {}
    }

    for (field, empty) in [
        ("funding_types", offer.funding_types.is_empty()),
        ("areas", offer.areas.is_empty()),
        ("regions", offer.regions.is_empty()),
        ("eligible_groups", offer.eligible_groups.is_empty()),
    ] {
        if empty {
            errors.add(field, "funding-error-choose-one");
        }
    }
    no_duplicates(&mut errors, "funding_types", &offer.funding_types);
    no_duplicates(&mut errors, "areas", &offer.areas);
    no_duplicates(&mut errors, "regions", &offer.regions);
    no_duplicates(&mut errors, "eligible_groups", &offer.eligible_groups);
    no_duplicates(&mut errors, "company_sizes", &offer.company_sizes);
    no_duplicates(&mut errors, "industries", &offer.industries);
    validate_regions(&mut errors, &offer.regions);
    if !offer.company_sizes.is_empty() && !offer.eligible_groups.iter().any(|g| g.has_size()) {
        errors.add("company_sizes", "funding-error-sizes-without-companies");
    }

    text(&mut errors, "funder", &offer.funder, true, MAX_LINE);
    text(
        &mut errors,
        "contact_institution",
        &offer.contact_institution,
        false,
        MAX_LINE,
    );
    text(
        &mut errors,
        "contact_address",
        &offer.contact_address,
        false,
        MAX_LINE,
    );
    text(
        &mut errors,
        "contact_phone",
        &offer.contact_phone,
        false,
        40,
    );
    if !offer.contact_phone.is_empty()
        && !offer
            .contact_phone
            .chars()
            .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
    {
        errors.add("contact_phone", "funding-error-phone");
    }
    if !offer.contact_email.is_empty() {
        let mut email_errors = FieldErrors::new();
        let normalised =
            dias_core::validation::email(&mut email_errors, "contact_email", &offer.contact_email);
        if !email_errors.is_empty() || normalised != offer.contact_email {
            errors.add("contact_email", "error-email-invalid");
        }
    }
    optional_url(&mut errors, "contact_url", &offer.contact_url);
    text(
        &mut errors,
        "legal_basis",
        &offer.legal_basis,
        false,
        MAX_LINE,
    );
    text(
        &mut errors,
        "legal_citation",
        &offer.legal_citation,
        false,
        MAX_LINE,
    );
    optional_url(&mut errors, "legal_url", &offer.legal_url);

    validate_figures(&mut errors, offer);
    text(
        &mut errors,
        "bonus_notes",
        &offer.bonus_notes,
        false,
        MAX_NOTE,
    );
    validate_dates(&mut errors, offer, today);
    text(
        &mut errors,
        "status_note",
        &offer.status_note,
        false,
        MAX_NOTE,
    );

    for slug in &offer.combinable_with {
        if !is_slug(slug) {
            errors.add("combinable_with", "funding-error-slug");
        } else if *slug == offer.slug {
            errors.add("combinable_with", "funding-error-combinable-self");
        }
    }
    no_duplicates(&mut errors, "combinable_with", &offer.combinable_with);
    if offer.keywords.len() > MAX_KEYWORDS {
        errors.add("keywords", "funding-error-too-many");
    }
    for keyword in &offer.keywords {
        list_item(&mut errors, "keywords", keyword, MAX_ITEM);
    }
    no_duplicates(&mut errors, "keywords", &offer.keywords);

    if offer.origin == Origin::Editorial && offer.source_url.is_empty() {
        errors.add("source_url", "error-required");
    }
    optional_url(&mut errors, "source_url", &offer.source_url);
    text(
        &mut errors,
        "source_licence",
        &offer.source_licence,
        true,
        MAX_LINE,
    );
    text(&mut errors, "reviewer", &offer.reviewer, true, MAX_LINE);
    if offer.last_checked > today {
        errors.add("last_checked", "funding-error-date-future");
    }
    dedup(errors).into_result()
}

/// One message per field and id is enough for a form.
fn dedup(errors: FieldErrors) -> FieldErrors {
    let mut seen = HashSet::new();
    FieldErrors(
        errors
            .0
            .into_iter()
            .filter(|e| seen.insert((e.field.clone(), e.message.clone())))
            .collect(),
    )
}

fn validate_regions(errors: &mut FieldErrors, regions: &[Region]) {
    for region in regions {
        if Region::from_slug(region.slug()).as_ref() != Some(region) {
            errors.add("regions", "funding-error-region-unknown");
        }
    }
    let wide = regions.iter().any(Region::covers_saxony);
    let narrow = regions.iter().any(|r| !r.covers_saxony());
    if wide && narrow {
        errors.add("regions", "funding-error-region-redundant");
    }
    let inside_listed_district = regions.iter().any(|r| {
        matches!(r, Region::Municipality(_))
            && regions
                .iter()
                .any(|d| matches!(d, Region::District(ags) if Some(ags.as_str()) == r.district()))
    });
    if inside_listed_district {
        errors.add("regions", "funding-error-region-redundant");
    }
}

fn validate_figures(errors: &mut FieldErrors, offer: &Offer) {
    if let Some(rate) = offer.rate_max_percent
        && !(1..=100).contains(&rate)
    {
        errors.add("rate_max_percent", "funding-error-rate");
    }
    let has_amounts = offer.amount_min_eur.is_some()
        || offer.amount_max_eur.is_some()
        || offer.tiers.iter().any(|t| t.max_eur.is_some());
    if has_amounts && offer.amount_basis.is_none() {
        errors.add("amount_basis", "funding-error-basis");
    }
    if let (Some(min), Some(max)) = (offer.amount_min_eur, offer.amount_max_eur)
        && min > max
    {
        errors.add("amount_min_eur", "funding-error-min-above-max");
    }
    for amount in [offer.amount_min_eur, offer.amount_max_eur]
        .into_iter()
        .flatten()
    {
        if amount == 0 {
            errors.add("amount_min_eur", "funding-error-amount");
        }
    }
    let mut sizes = HashSet::new();
    for tier in &offer.tiers {
        if list_item(errors, "tiers", &tier.label, MAX_ITEM)
            && tier.rate_percent.is_none()
            && tier.max_eur.is_none()
        {
            errors.add("tiers", "funding-error-tier-empty");
        }
        if let Some(rate) = tier.rate_percent {
            if !(1..=100).contains(&rate) {
                errors.add("tiers", "funding-error-rate");
            } else if offer.rate_max_percent.is_some_and(|max| rate > max) {
                errors.add("tiers", "funding-error-tier-above-max");
            }
        }
        if let Some(max) = tier.max_eur
            && (max == 0
                || offer
                    .amount_max_eur
                    .is_some_and(|offer_max| max > offer_max))
        {
            errors.add("tiers", "funding-error-tier-above-max");
        }
        if let Some(size) = tier.size {
            if !offer.company_sizes.is_empty() && !offer.company_sizes.contains(&size) {
                errors.add("tiers", "funding-error-tier-size");
            }
            if !sizes.insert(size) {
                errors.add("tiers", "funding-error-duplicate");
            }
        }
    }
}

fn validate_dates(errors: &mut FieldErrors, offer: &Offer, today: Date) {
    let ascending = offer.deadlines.windows(2).all(|w| w[0].date < w[1].date);
    if !ascending {
        errors.add("deadlines", "funding-error-deadlines-order");
    }
    for deadline in &offer.deadlines {
        if !deadline.note.is_empty() {
            list_item(errors, "deadlines", &deadline.note, MAX_ITEM);
        }
        if offer.programme_end.is_some_and(|end| deadline.date > end) {
            errors.add("deadlines", "funding-error-deadline-after-end");
        }
    }
    if offer.procedure == Procedure::CutOff
        && offer.deadlines.is_empty()
        && offer.status != Status::Ended
    {
        errors.add("deadlines", "funding-error-deadline-missing");
    }
    match offer.status {
        Status::Ended if offer.programme_end.is_none() && offer.status_note.is_empty() => {
            errors.add("status_note", "funding-error-status-note");
        }
        Status::Stopped if offer.status_note.is_empty() => {
            errors.add("status_note", "funding-error-status-note");
        }
        Status::Open if offer.has_ended_by(today) => {
            errors.add("status", "funding-error-open-but-ended");
        }
        _ => {}
    }
}

/// Serde for `YYYY-MM-DD` dates. Only the extended ISO form is read, so
/// that every date has one spelling and exports round-trip.
pub mod iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer, de};

    pub fn parse(value: &str) -> Option<Date> {
        let bytes = value.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes
                .iter()
                .enumerate()
                .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if shaped { value.parse().ok() } else { None }
    }

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let value = String::deserialize(deserializer)?;
        parse(&value).ok_or_else(|| {
            de::Error::custom(format!("„{value}“ ist kein Datum der Form JJJJ-MM-TT"))
        })
    }
}

/// Serde for optional `YYYY-MM-DD` dates (`null` when absent).
pub mod iso_date_opt {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer, de};

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.collect_str(date),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(deserializer)? {
            None => Ok(None),
            Some(value) => super::iso_date::parse(&value).map(Some).ok_or_else(|| {
                de::Error::custom(format!("„{value}“ ist kein Datum der Form JJJJ-MM-TT"))
            }),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use jiff::civil::date;

    use super::*;

    pub(crate) fn today() -> Date {
        date(2026, 11, 27)
    }

    /// A valid record to vary in tests.
    pub(crate) fn sample() -> Offer {
        Offer {
            slug: "digi-test".into(),
            origin: Origin::Editorial,
            offer_type: OfferType::Programme,
            title: "Digitalisierung Testprogramm".into(),
            summary: "Zuschuss für Digitalisierungsprojekte.".into(),
            body: "Ein **Testprogramm**.".into(),
            funding_types: vec![FundingType::Grant],
            areas: vec![FundingArea::Digitalisation],
            regions: vec![Region::Saxony],
            eligible_groups: vec![EligibleGroup::Company],
            company_sizes: vec![CompanySize::Micro, CompanySize::Small, CompanySize::Medium],
            industries: vec![],
            funder_level: FunderLevel::State,
            funder: "Freistaat Sachsen".into(),
            contact_institution: "Sächsische Aufbaubank".into(),
            contact_address: "Pirnaische Straße 9, 01069 Dresden".into(),
            contact_phone: String::new(),
            contact_email: "info@example.org".into(),
            contact_url: "https://www.sab.sachsen.de".into(),
            legal_basis: "Testrichtlinie".into(),
            legal_citation: String::new(),
            legal_url: String::new(),
            legal_date: None,
            rate_max_percent: Some(60),
            amount_basis: Some(AmountBasis::Costs),
            amount_min_eur: Some(5_000),
            amount_max_eur: Some(100_000),
            tiers: vec![Tier {
                size: Some(CompanySize::Small),
                rate_percent: Some(50),
                max_eur: Some(60_000),
                label: "Transformationsprojekt".into(),
            }],
            bonus_notes: String::new(),
            procedure: Procedure::Rolling,
            deadlines: vec![],
            programme_end: Some(date(2027, 12, 31)),
            status: Status::Open,
            status_note: String::new(),
            combinable_with: vec![],
            keywords: vec!["Digitalisierung".into()],
            source_url: "https://www.sab.sachsen.de".into(),
            source_licence: "eigene Zusammenfassung".into(),
            last_checked: date(2026, 11, 20),
            reviewer: "Redaktion DiAS".into(),
        }
    }

    fn errors_of(offer: &Offer) -> Vec<(String, String)> {
        match validate(offer, today()) {
            Ok(()) => vec![],
            Err(errors) => errors.0.into_iter().map(|e| (e.field, e.message)).collect(),
        }
    }

    fn assert_error(offer: &Offer, field: &str, message: &str) {
        let errors = errors_of(offer);
        assert!(
            errors.iter().any(|(f, m)| f == field && m == message),
            "expected {field}: {message}, got {errors:?}"
        );
    }

    #[test]
    fn the_sample_is_valid() {
        assert_eq!(errors_of(&sample()), vec![]);
    }

    #[test]
    fn required_texts_and_slug_shape_are_checked() {
        let mut offer = sample();
        offer.title.clear();
        offer.slug = "Digi Z".into();
        offer.summary = " Leerzeichen".into();
        offer.reviewer.clear();
        assert_error(&offer, "title", "error-required");
        assert_error(&offer, "slug", "funding-error-slug");
        assert_error(&offer, "summary", "funding-error-whitespace");
        assert_error(&offer, "reviewer", "error-required");
        for bad in ["a", "-a", "a-", "a--b", "ä-b", "A", "neu", "import"] {
            assert!(!is_slug(bad), "{bad}");
        }
        assert!(is_slug("digi-z") && is_slug("go-digital-2024"));
    }

    #[test]
    fn every_facet_needs_at_least_one_value() {
        let mut offer = sample();
        offer.funding_types.clear();
        offer.regions.clear();
        offer.eligible_groups.clear();
        offer.areas.clear();
        for field in ["funding_types", "regions", "eligible_groups", "areas"] {
            assert_error(&offer, field, "funding-error-choose-one");
        }
    }

    #[test]
    fn sizes_belong_to_offers_for_companies() {
        let mut offer = sample();
        offer.eligible_groups = vec![EligibleGroup::Municipality];
        offer.tiers.clear();
        assert_error(
            &offer,
            "company_sizes",
            "funding-error-sizes-without-companies",
        );
        offer.company_sizes.clear();
        assert_eq!(errors_of(&offer), vec![]);
    }

    #[test]
    fn a_saxony_wide_offer_lists_no_kreise_besides() {
        let mut offer = sample();
        offer.regions = vec![Region::Saxony, Region::District("14521".into())];
        assert_error(&offer, "regions", "funding-error-region-redundant");
        offer.regions = vec![
            Region::District("14521".into()),
            Region::Municipality("14521020".into()),
        ];
        assert_error(&offer, "regions", "funding-error-region-redundant");
        offer.regions = vec![
            Region::District("14522".into()),
            Region::Municipality("14521020".into()),
        ];
        assert_eq!(errors_of(&offer), vec![]);
        offer.regions = vec![Region::District("99999".into())];
        assert_error(&offer, "regions", "funding-error-region-unknown");
    }

    #[test]
    fn figures_are_consistent() {
        let mut offer = sample();
        offer.amount_min_eur = Some(200_000);
        offer.rate_max_percent = Some(120);
        assert_error(&offer, "amount_min_eur", "funding-error-min-above-max");
        assert_error(&offer, "rate_max_percent", "funding-error-rate");

        let mut offer = sample();
        offer.amount_basis = None;
        assert_error(&offer, "amount_basis", "funding-error-basis");

        let mut offer = sample();
        offer.tiers[0].rate_percent = Some(70);
        offer.tiers[0].max_eur = Some(150_000);
        assert_error(&offer, "tiers", "funding-error-tier-above-max");

        let mut offer = sample();
        offer.tiers[0].size = Some(CompanySize::Large);
        assert_error(&offer, "tiers", "funding-error-tier-size");

        let mut offer = sample();
        offer.tiers[0].rate_percent = None;
        offer.tiers[0].max_eur = None;
        assert_error(&offer, "tiers", "funding-error-tier-empty");
    }

    #[test]
    fn deadlines_are_ascending_and_within_the_programme() {
        let mut offer = sample();
        offer.procedure = Procedure::CutOff;
        assert_error(&offer, "deadlines", "funding-error-deadline-missing");
        offer.deadlines = vec![
            Deadline {
                date: date(2027, 9, 30),
                note: "Herbst".into(),
            },
            Deadline {
                date: date(2027, 3, 31),
                note: "Frühjahr".into(),
            },
        ];
        assert_error(&offer, "deadlines", "funding-error-deadlines-order");
        offer.deadlines.reverse();
        assert_eq!(errors_of(&offer), vec![]);
        offer.programme_end = Some(date(2027, 6, 30));
        assert_error(&offer, "deadlines", "funding-error-deadline-after-end");
        offer.programme_end = None;
        offer.deadlines[0].note = "Frühjahr; Teil 1".into();
        assert_error(&offer, "deadlines", "funding-error-separator");
    }

    #[test]
    fn status_must_agree_with_the_dates_and_explain_itself() {
        let mut offer = sample();
        offer.programme_end = Some(date(2026, 6, 30));
        assert_error(&offer, "status", "funding-error-open-but-ended");
        offer.status = Status::Ended;
        assert_eq!(errors_of(&offer), vec![]);
        offer.programme_end = None;
        assert_error(&offer, "status_note", "funding-error-status-note");
        offer.status_note = "Durch ein Nachfolgeprogramm ersetzt.".into();
        assert_eq!(errors_of(&offer), vec![]);
        offer.status = Status::Stopped;
        offer.status_note.clear();
        assert_error(&offer, "status_note", "funding-error-status-note");
        let mut offer = sample();
        offer.last_checked = date(2026, 12, 1);
        assert_error(&offer, "last_checked", "funding-error-date-future");
    }

    #[test]
    fn examples_are_labelled_in_the_title() {
        let mut offer = sample();
        offer.origin = Origin::Example;
        assert_error(&offer, "title", "funding-error-example-title");
        offer.title = "Gigabit-Lotse Kommune (Beispiel)".into();
        offer.source_url.clear();
        assert_eq!(errors_of(&offer), vec![], "examples need no source link");
    }

    #[test]
    fn contact_and_links_are_checked() {
        let mut offer = sample();
        offer.contact_email = "keine-adresse".into();
        offer.contact_url = "www.sab.sachsen.de".into();
        offer.contact_phone = "0351 CALL-SAB".into();
        assert_error(&offer, "contact_email", "error-email-invalid");
        assert_error(&offer, "contact_url", "funding-error-url");
        assert_error(&offer, "contact_phone", "funding-error-phone");
    }

    #[test]
    fn lists_have_no_repeats_or_separators() {
        let mut offer = sample();
        offer.keywords = vec!["KI".into(), "KI".into(), "a;b".into()];
        offer.combinable_with = vec!["digi-test".into()];
        offer.funding_types = vec![FundingType::Grant, FundingType::Grant];
        assert_error(&offer, "keywords", "funding-error-duplicate");
        assert_error(&offer, "keywords", "funding-error-separator");
        assert_error(&offer, "combinable_with", "funding-error-combinable-self");
        assert_error(&offer, "funding_types", "funding-error-duplicate");
    }

    #[test]
    fn dates_have_one_spelling() {
        assert_eq!(iso_date::parse("2027-03-31"), Some(date(2027, 3, 31)));
        for bad in [
            "20270331",
            "2027-3-31",
            "31.03.2027",
            "2027-02-30",
            " 2027-03-31",
        ] {
            assert_eq!(iso_date::parse(bad), None, "{bad}");
        }
        let deadline = Deadline {
            date: date(2027, 3, 31),
            note: String::new(),
        };
        let json = serde_json::to_string(&deadline).unwrap();
        assert_eq!(json, r#"{"date":"2027-03-31","note":""}"#);
        assert_eq!(serde_json::from_str::<Deadline>(&json).unwrap(), deadline);
    }
}
