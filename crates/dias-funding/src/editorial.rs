//! The editors' side of an offer, without HTTP or SQL: the edit form as
//! text fields and back ([`OfferInput`]), the field-level comparison of two
//! versions ([`diff`]), the three-way merge of an edit with the changes
//! saved meanwhile ([`merge`]) and the review rule ([`review_due`]).
//!
//! The form turns text into an [`Offer`] and reports what cannot be read
//! (a date that is no date, a tier line with three parts); everything else
//! is decided by [`offer::validate`], the same rule the importer and the
//! catalogue use, so an offer the form accepts is one the import would
//! accept too.

use std::collections::{BTreeMap, HashSet};

use dias_core::validation::FieldErrors;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::exchange::FIELDS;
use crate::offer::{self, Deadline, Offer, PART_SEPARATOR, Tier};
use crate::vocab::{
    AmountBasis, CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, Industry,
    OfferType, Origin, Procedure, Region, Status, Term,
};

/// The form field that holds the Gemeinden of the Fördergebiet (AGS, one
/// per line); the wide regions and the Kreise are checkboxes of `regions`.
pub const MUNICIPALITIES: &str = "regions_municipalities";

/// Fields shown as checkbox groups (several values under one name).
pub const CHECKBOXES: &[&str] = &[
    "funding_types",
    "areas",
    "regions",
    "eligible_groups",
    "company_sizes",
    "industries",
];

/// Fields shown as one-item-per-line text areas.
pub const LINE_LISTS: &[&str] = &["deadlines", "tiers", "combinable_with", "keywords"];

/// Text fields long enough that a change is shown line by line.
const LONG_TEXT: &[&str] = &["summary", "body", "bonus_notes", "status_note"];

/// The edit form as submitted (or as filled from a stored offer): every
/// field as the text the editor sees.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OfferInput {
    values: BTreeMap<String, String>,
    lists: BTreeMap<String, Vec<String>>,
}

/// Line ends as `\n`, surrounding space removed: what editors mean, and
/// what [`offer::validate`] expects.
fn normalise(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty())
}

impl OfferInput {
    /// The submitted pairs; unknown names are ignored (the CSRF token,
    /// buttons).
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let mut input = OfferInput::default();
        for (name, value) in pairs {
            if CHECKBOXES.contains(&name.as_str()) {
                input
                    .lists
                    .entry(name.clone())
                    .or_default()
                    .push(value.trim().to_owned());
            } else {
                input.values.insert(name.clone(), value.clone());
            }
        }
        input
    }

    /// The form filled with a stored offer.
    pub fn from_offer(offer: &Offer) -> Self {
        let mut input = OfferInput::default();
        for field in FIELDS {
            if CHECKBOXES.contains(&field.name) {
                let items = checkbox_values(offer, field.name);
                input.lists.insert(field.name.to_owned(), items);
            } else {
                input
                    .values
                    .insert(field.name.to_owned(), field_text(offer, field.name));
            }
        }
        input.values.insert(
            MUNICIPALITIES.to_owned(),
            offer
                .regions
                .iter()
                .filter(|r| matches!(r, Region::Municipality(_)))
                .map(|r| r.slug().to_owned())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        input
    }

    /// The form as name/value pairs, as a browser would submit it.
    pub fn to_pairs(&self) -> Vec<(String, String)> {
        let mut pairs: Vec<(String, String)> = self
            .values
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (name, items) in &self.lists {
            pairs.extend(items.iter().map(|i| (name.clone(), i.clone())));
        }
        pairs
    }

    /// The text of a field (empty if absent).
    pub fn get(&self, name: &str) -> &str {
        self.values.get(name).map_or("", String::as_str)
    }

    /// Replaces the text of a field (e.g. the version the form was loaded
    /// from).
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        self.values.insert(name.to_owned(), value.into());
    }

    /// Whether a checkbox of a group is ticked.
    pub fn has(&self, name: &str, value: &str) -> bool {
        self.lists
            .get(name)
            .is_some_and(|items| items.iter().any(|i| i == value))
    }

    /// Reads the form into an offer and validates it with
    /// [`offer::validate`]. All problems come back at once, in form order;
    /// a field that could not be read reports only that.
    pub fn to_offer(&self, today: Date) -> Result<Offer, FieldErrors> {
        let mut p = Parser {
            input: self,
            errors: FieldErrors::new(),
        };
        let mut regions = p.terms_with("regions", Region::from_slug);
        for ags in lines(self.get(MUNICIPALITIES)) {
            match Region::from_slug(ags) {
                Some(region @ Region::Municipality(_)) => regions.push(region),
                _ => p.errors.add(MUNICIPALITIES, "funding-editorial-error-ags"),
            }
        }
        let offer = Offer {
            slug: p.text("slug"),
            origin: p.term::<Origin>("origin"),
            offer_type: p.term::<OfferType>("offer_type"),
            title: p.text("title"),
            summary: p.text("summary"),
            body: p.text("body"),
            funding_types: p.terms::<FundingType>("funding_types"),
            areas: p.terms::<FundingArea>("areas"),
            regions,
            eligible_groups: p.terms::<EligibleGroup>("eligible_groups"),
            company_sizes: p.terms::<CompanySize>("company_sizes"),
            industries: p.terms::<Industry>("industries"),
            funder_level: p.term::<FunderLevel>("funder_level"),
            funder: p.text("funder"),
            contact_institution: p.text("contact_institution"),
            contact_address: p.text("contact_address"),
            contact_phone: p.text("contact_phone"),
            contact_email: p.text("contact_email"),
            contact_url: p.text("contact_url"),
            legal_basis: p.text("legal_basis"),
            legal_citation: p.text("legal_citation"),
            legal_url: p.text("legal_url"),
            legal_date: p.date("legal_date"),
            rate_max_percent: p.number("rate_max_percent"),
            amount_basis: p.optional_term::<AmountBasis>("amount_basis"),
            amount_min_eur: p.number("amount_min_eur"),
            amount_max_eur: p.number("amount_max_eur"),
            tiers: p.tiers(),
            bonus_notes: p.text("bonus_notes"),
            procedure: p.term::<Procedure>("procedure"),
            deadlines: p.deadlines(),
            programme_end: p.date("programme_end"),
            status: p.term::<Status>("status"),
            status_note: p.text("status_note"),
            combinable_with: lines(self.get("combinable_with"))
                .map(str::to_owned)
                .collect(),
            keywords: lines(self.get("keywords")).map(str::to_owned).collect(),
            source_url: p.text("source_url"),
            source_licence: p.text("source_licence"),
            last_checked: match p.date("last_checked") {
                Some(date) => date,
                None => {
                    if self.get("last_checked").trim().is_empty() {
                        p.errors.add("last_checked", "error-required");
                    }
                    today
                }
            },
            reviewer: p.text("reviewer"),
        };
        let unreadable: HashSet<String> = p.errors.0.iter().map(|e| e.field.clone()).collect();
        let mut errors = p.errors;
        if let Err(invalid) = offer::validate(&offer, today) {
            for error in invalid.0 {
                if !unreadable.contains(&error.field) {
                    errors.add(&error.field, &error.message);
                }
            }
        }
        if errors.is_empty() {
            return Ok(offer);
        }
        // One message per field: the field shows one, and the summary
        // should not list a field twice.
        let mut seen = HashSet::new();
        errors.0.retain(|e| seen.insert(e.field.clone()));
        errors.0.sort_by_key(|e| form_position(&e.field));
        Err(errors)
    }
}

/// Where a field sits in the form (the exchange order, the Gemeinden right
/// after the regions), for an error summary in reading order.
fn form_position(field: &str) -> usize {
    let regions = FIELDS.iter().position(|f| f.name == "regions").unwrap_or(0);
    if field == MUNICIPALITIES {
        return regions * 2 + 1;
    }
    FIELDS
        .iter()
        .position(|f| f.name == field)
        .map_or(usize::MAX, |i| i * 2)
}

struct Parser<'a> {
    input: &'a OfferInput,
    errors: FieldErrors,
}

impl Parser<'_> {
    fn text(&self, name: &str) -> String {
        normalise(self.input.get(name))
    }

    /// A required term; a placeholder stands in while the error is shown.
    fn term<T: Term>(&mut self, name: &str) -> T {
        match self.optional_term::<T>(name) {
            Some(term) => term,
            None => {
                if self.input.get(name).trim().is_empty() {
                    self.errors.add(name, "error-required");
                }
                T::ALL[0]
            }
        }
    }

    fn optional_term<T: Term>(&mut self, name: &str) -> Option<T> {
        let value = self.input.get(name).trim();
        if value.is_empty() {
            return None;
        }
        let term = T::from_slug(value);
        if term.is_none() {
            self.errors.add(name, "funding-editorial-error-term");
        }
        term
    }

    fn terms<T: Term>(&mut self, name: &str) -> Vec<T> {
        self.terms_with(name, T::from_slug)
    }

    fn terms_with<T>(&mut self, name: &str, read: impl Fn(&str) -> Option<T>) -> Vec<T> {
        let mut terms = Vec::new();
        for value in self.input.lists.get(name).into_iter().flatten() {
            match read(value) {
                Some(term) => terms.push(term),
                None => self.errors.add(name, "funding-editorial-error-term"),
            }
        }
        terms
    }

    fn date(&mut self, name: &str) -> Option<Date> {
        let value = self.input.get(name).trim();
        if value.is_empty() {
            return None;
        }
        let date = offer::iso_date::parse(value);
        if date.is_none() {
            self.errors.add(name, "funding-editorial-error-date");
        }
        date
    }

    fn number<N: std::str::FromStr>(&mut self, name: &str) -> Option<N> {
        let value = self.input.get(name).trim();
        if value.is_empty() {
            return None;
        }
        let number = value
            .parse()
            .ok()
            .filter(|_| value.bytes().all(|b| b.is_ascii_digit()));
        if number.is_none() {
            self.errors.add(name, "funding-editorial-error-number");
        }
        number
    }

    /// `JJJJ-MM-TT` or `JJJJ-MM-TT | Hinweis` per line.
    fn deadlines(&mut self) -> Vec<Deadline> {
        let mut deadlines = Vec::new();
        for line in lines(self.input.get("deadlines")) {
            let (date, note) = line.split_once(PART_SEPARATOR).unwrap_or((line, ""));
            match offer::iso_date::parse(date.trim()) {
                Some(date) => deadlines.push(Deadline {
                    date,
                    note: note.trim().to_owned(),
                }),
                None => self
                    .errors
                    .add("deadlines", "funding-editorial-error-deadline"),
            }
        }
        deadlines
    }

    /// `Größe | Quote | Höchstbetrag | Bezeichnung` per line.
    fn tiers(&mut self) -> Vec<Tier> {
        let mut tiers = Vec::new();
        for line in lines(self.input.get("tiers")) {
            let parts: Vec<&str> = line.split(PART_SEPARATOR).map(str::trim).collect();
            let &[size, rate, max, label] = parts.as_slice() else {
                self.errors.add("tiers", "funding-editorial-error-tier");
                continue;
            };
            let size = if size.is_empty() {
                Some(None)
            } else {
                CompanySize::from_slug(size).map(Some)
            };
            let number = |text: &str| -> Option<Option<u64>> {
                if text.is_empty() {
                    Some(None)
                } else if text.bytes().all(|b| b.is_ascii_digit()) {
                    text.parse().ok().map(Some)
                } else {
                    None
                }
            };
            let rate = number(rate).and_then(|r| match r {
                None => Some(None),
                Some(r) => u8::try_from(r).ok().map(Some),
            });
            match (size, rate, number(max)) {
                (Some(size), Some(rate_percent), Some(max_eur)) => tiers.push(Tier {
                    size,
                    rate_percent,
                    max_eur,
                    label: label.to_owned(),
                }),
                _ => self.errors.add("tiers", "funding-editorial-error-tier"),
            }
        }
        tiers
    }
}

/// The slugs of a checkbox group's field. The Gemeinden of `regions` are
/// left to their text area.
fn checkbox_values(offer: &Offer, name: &str) -> Vec<String> {
    fn slugs<T: Term>(terms: &[T]) -> Vec<String> {
        terms.iter().map(|t| t.slug().to_owned()).collect()
    }
    match name {
        "funding_types" => slugs(&offer.funding_types),
        "areas" => slugs(&offer.areas),
        "eligible_groups" => slugs(&offer.eligible_groups),
        "company_sizes" => slugs(&offer.company_sizes),
        "industries" => slugs(&offer.industries),
        "regions" => offer
            .regions
            .iter()
            .filter(|r| !matches!(r, Region::Municipality(_)))
            .map(|r| r.slug().to_owned())
            .collect(),
        _ => Vec::new(),
    }
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// A field of the record as text: lists one item per line (deadlines as
/// `date | note`, tiers as `size | rate | max | label`), terms as slugs,
/// dates as `YYYY-MM-DD`. The form and the version comparison both show
/// this.
pub fn field_text(offer: &Offer, name: &str) -> String {
    fn each<T: Term>(terms: &[T]) -> String {
        terms
            .iter()
            .map(|t| t.slug())
            .collect::<Vec<_>>()
            .join("\n")
    }
    let o = offer;
    match name {
        "slug" => o.slug.clone(),
        "origin" => o.origin.slug().to_owned(),
        "offer_type" => o.offer_type.slug().to_owned(),
        "title" => o.title.clone(),
        "summary" => o.summary.clone(),
        "body" => o.body.clone(),
        "funding_types" => each(&o.funding_types),
        "areas" => each(&o.areas),
        "regions" => o
            .regions
            .iter()
            .map(Region::slug)
            .collect::<Vec<_>>()
            .join("\n"),
        "eligible_groups" => each(&o.eligible_groups),
        "company_sizes" => each(&o.company_sizes),
        "industries" => each(&o.industries),
        "funder_level" => o.funder_level.slug().to_owned(),
        "funder" => o.funder.clone(),
        "contact_institution" => o.contact_institution.clone(),
        "contact_address" => o.contact_address.clone(),
        "contact_phone" => o.contact_phone.clone(),
        "contact_email" => o.contact_email.clone(),
        "contact_url" => o.contact_url.clone(),
        "legal_basis" => o.legal_basis.clone(),
        "legal_citation" => o.legal_citation.clone(),
        "legal_url" => o.legal_url.clone(),
        "legal_date" => opt(o.legal_date),
        "rate_max_percent" => opt(o.rate_max_percent),
        "amount_basis" => opt(o.amount_basis.map(Term::slug)),
        "amount_min_eur" => opt(o.amount_min_eur),
        "amount_max_eur" => opt(o.amount_max_eur),
        "tiers" => o
            .tiers
            .iter()
            .map(|t| {
                format!(
                    "{} | {} | {} | {}",
                    opt(t.size.map(Term::slug)),
                    opt(t.rate_percent),
                    opt(t.max_eur),
                    t.label
                )
            })
            .collect::<Vec<_>>()
            .join("\n"),
        "bonus_notes" => o.bonus_notes.clone(),
        "procedure" => o.procedure.slug().to_owned(),
        "deadlines" => o
            .deadlines
            .iter()
            .map(|d| {
                if d.note.is_empty() {
                    d.date.to_string()
                } else {
                    format!("{} | {}", d.date, d.note)
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
        "programme_end" => opt(o.programme_end),
        "status" => o.status.slug().to_owned(),
        "status_note" => o.status_note.clone(),
        "combinable_with" => o.combinable_with.join("\n"),
        "keywords" => o.keywords.join("\n"),
        "source_url" => o.source_url.clone(),
        "source_licence" => o.source_licence.clone(),
        "last_checked" => o.last_checked.to_string(),
        "reviewer" => o.reviewer.clone(),
        _ => String::new(),
    }
}

/// The fields of the form in form order: the exchange fields, with the
/// Gemeinden right after the regions. The slug is left out: it never
/// changes on an edit.
fn form_fields() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().filter(|f| f.name != "slug").flat_map(|f| {
        let extra = (f.name == "regions").then_some(MUNICIPALITIES);
        std::iter::once(f.name).chain(extra)
    })
}

impl OfferInput {
    /// A form field's value for comparing: a checkbox group as its sorted
    /// items (the order of ticks means nothing).
    fn comparable(&self, name: &str) -> Vec<String> {
        if CHECKBOXES.contains(&name) {
            let mut items = self.lists.get(name).cloned().unwrap_or_default();
            items.sort();
            items
        } else {
            vec![self.get(name).to_owned()]
        }
    }

    fn take(&mut self, other: &OfferInput, name: &str) {
        if CHECKBOXES.contains(&name) {
            let items = other.lists.get(name).cloned().unwrap_or_default();
            self.lists.insert(name.to_owned(), items);
        } else {
            self.set(name, other.get(name));
        }
    }
}

/// A field both the editor and someone else changed, to different values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeConflict {
    /// Form field name.
    pub field: &'static str,
    /// The other side's value: the ticked slugs of a checkbox group, the
    /// lines of a text.
    pub theirs: Vec<String>,
}

/// An edit merged with the changes saved since the editor loaded the offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The form to show again: the editor's values, with the fields only
    /// others changed taken over.
    pub input: OfferInput,
    /// Form fields only others changed (taken over), in form order.
    pub taken: Vec<&'static str>,
    /// Form fields both sides changed differently (the editor's value kept
    /// in `input`), in form order.
    pub conflicts: Vec<MergeConflict>,
}

/// Three-way merge per form field of `mine` (the editor's form) with
/// `theirs` (stored meanwhile), both derived from `base` (what the editor
/// loaded): a field only one side changed gets that side's value, a field
/// both changed alike is agreed, a field both changed differently keeps
/// the editor's value and is a conflict to decide.
pub fn merge(base: &Offer, mine: &Offer, theirs: &Offer) -> Merged {
    let base = OfferInput::from_offer(base);
    let theirs = OfferInput::from_offer(theirs);
    let mut merged = Merged {
        input: OfferInput::from_offer(mine),
        taken: Vec::new(),
        conflicts: Vec::new(),
    };
    for name in form_fields() {
        let (b, m, t) = (
            base.comparable(name),
            merged.input.comparable(name),
            theirs.comparable(name),
        );
        if t == b || t == m {
            continue;
        }
        if m == b {
            merged.input.take(&theirs, name);
            merged.taken.push(name);
        } else {
            let theirs = if CHECKBOXES.contains(&name) {
                t
            } else {
                lines(theirs.get(name)).map(str::to_owned).collect()
            };
            merged.conflicts.push(MergeConflict {
                field: name,
                theirs,
            });
        }
    }
    merged
}

/// How a line of a changed field compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineTag {
    Same,
    Removed,
    Added,
    /// Unchanged lines left out between two changed parts.
    Gap,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffLine {
    pub tag: LineTag,
    pub text: String,
}

/// One changed field of a version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// Exchange field name.
    pub field: &'static str,
    pub old: String,
    pub new: String,
    /// For multi-line values: the lines, with two lines of context around
    /// each change; empty for one-line values (show `old → new`).
    pub lines: Vec<DiffLine>,
}

/// The fields in which `new` differs from `old`, in exchange order. With no
/// `old` (the first version) every non-empty field counts as changed.
pub fn diff(old: Option<&Offer>, new: &Offer) -> Vec<FieldChange> {
    FIELDS
        .iter()
        .filter_map(|field| {
            let before = old.map(|o| field_text(o, field.name)).unwrap_or_default();
            let after = field_text(new, field.name);
            if before == after {
                return None;
            }
            let multi_line = LONG_TEXT.contains(&field.name)
                || LINE_LISTS.contains(&field.name)
                || CHECKBOXES.contains(&field.name)
                || before.contains('\n')
                || after.contains('\n');
            let lines = if multi_line {
                line_diff(&before, &after)
            } else {
                Vec::new()
            };
            Some(FieldChange {
                field: field.name,
                old: before,
                new: after,
                lines,
            })
        })
        .collect()
}

fn line_diff(before: &str, after: &str) -> Vec<DiffLine> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_lines(before, after);
    let mut out = Vec::new();
    for (i, group) in diff.grouped_ops(2).iter().enumerate() {
        if i > 0 {
            out.push(DiffLine {
                tag: LineTag::Gap,
                text: String::new(),
            });
        }
        for op in group {
            for change in diff.iter_changes(op) {
                out.push(DiffLine {
                    tag: match change.tag() {
                        ChangeTag::Equal => LineTag::Same,
                        ChangeTag::Delete => LineTag::Removed,
                        ChangeTag::Insert => LineTag::Added,
                    },
                    text: change.value().trim_end_matches('\n').to_owned(),
                });
            }
        }
    }
    out
}

/// The last day of checking that still counts as current: `months` before
/// `today`. An offer last checked before this day is due for review.
pub fn review_cutoff(today: Date, months: u32) -> Date {
    let months = i64::from(months.clamp(1, 1200));
    today.checked_sub(months.months()).unwrap_or(Date::MIN)
}

/// Whether an offer is due for review („Prüfung fällig“).
pub fn review_due(offer: &Offer, today: Date, months: u32) -> bool {
    offer.last_checked < review_cutoff(today, months)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digi_z() -> Offer {
        let report = crate::catalogue::load().unwrap();
        report
            .offers
            .into_iter()
            .find(|o| o.slug == "digi-z")
            .unwrap()
    }

    fn today() -> Date {
        jiff::civil::date(2026, 11, 27)
    }

    fn pairs(input: &OfferInput) -> Vec<(String, String)> {
        input.to_pairs()
    }

    #[test]
    fn every_catalogue_offer_survives_the_form() {
        for offer in crate::catalogue::load().unwrap().offers {
            let input = OfferInput::from_pairs(&pairs(&OfferInput::from_offer(&offer)));
            let back = input.to_offer(offer.last_checked.max(today())).unwrap();
            assert_eq!(back, offer, "{}", offer.slug);
        }
    }

    #[test]
    fn municipalities_come_from_their_own_field() {
        let mut offer = digi_z();
        offer.regions = vec![
            Region::District("14521".into()),
            Region::Municipality("14612000".into()),
        ];
        let input = OfferInput::from_offer(&offer);
        assert!(input.has("regions", "14521"));
        assert!(!input.has("regions", "14612000"));
        assert_eq!(input.get(MUNICIPALITIES), "14612000");
        let back = OfferInput::from_pairs(&pairs(&input))
            .to_offer(today())
            .unwrap();
        assert_eq!(back.regions, offer.regions);
    }

    #[test]
    fn unreadable_fields_are_reported_with_the_validation_in_form_order() {
        let mut input = OfferInput::from_offer(&digi_z());
        input.set("title", "");
        input.set("amount_max_eur", "100.000 €");
        input.set("deadlines", "31.03.2027 | Stichtag");
        input.set("tiers", "klein | 50 | 60000");
        input.set("last_checked", "gestern");
        input.set("status", "vielleicht");
        input.set(MUNICIPALITIES, "99999999");
        input.lists.insert("areas".into(), vec!["quatsch".into()]);
        let errors = input.to_offer(today()).unwrap_err();
        let got: Vec<(&str, &str)> = errors
            .0
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("title", "error-required"),
                ("areas", "funding-editorial-error-term"),
                (MUNICIPALITIES, "funding-editorial-error-ags"),
                ("amount_max_eur", "funding-editorial-error-number"),
                ("tiers", "funding-editorial-error-tier"),
                ("deadlines", "funding-editorial-error-deadline"),
                ("status", "funding-editorial-error-term"),
                ("last_checked", "funding-editorial-error-date"),
            ]
        );
    }

    #[test]
    fn rules_beyond_reading_come_from_validate() {
        let mut input = OfferInput::from_offer(&digi_z());
        input.set("status", "antragstopp");
        input.set("status_note", "");
        input.set("contact_url", "www.sab.de");
        let errors = input.to_offer(today()).unwrap_err();
        assert!(errors.0.iter().any(|e| e.field == "status_note"));
        assert!(
            errors
                .0
                .iter()
                .any(|e| e.field == "contact_url" && e.message == "funding-error-url")
        );
    }

    #[test]
    fn text_is_trimmed_with_unix_line_ends() {
        let mut input = OfferInput::from_offer(&digi_z());
        input.set("body", "  Erste Zeile\r\nZweite Zeile  \r\n");
        let offer = input.to_offer(today()).unwrap();
        assert_eq!(offer.body, "Erste Zeile\nZweite Zeile");
    }

    #[test]
    fn diff_names_the_changed_fields_in_order() {
        let old = digi_z();
        let mut new = old.clone();
        new.amount_max_eur = Some(120_000);
        new.keywords.push("Förderung".into());
        new.body = old.body.replacen("Digitalisierung", "Digitalisierungs", 1);
        let changes = diff(Some(&old), &new);
        assert_eq!(
            changes.iter().map(|c| c.field).collect::<Vec<_>>(),
            vec!["body", "amount_max_eur", "keywords"]
        );
        let amount = &changes[1];
        assert_eq!(
            (amount.old.as_str(), amount.new.as_str()),
            ("100000", "120000")
        );
        assert!(amount.lines.is_empty());
        let keywords = &changes[2];
        assert_eq!(
            keywords.lines.last().map(|l| (l.tag, l.text.as_str())),
            Some((LineTag::Added, "Förderung"))
        );
        let body = &changes[0];
        assert!(body.lines.iter().any(|l| l.tag == LineTag::Removed));
        assert!(body.lines.iter().any(|l| l.tag == LineTag::Added));
        assert!(diff(Some(&old), &old).is_empty());
        assert!(diff(None, &old).iter().any(|c| c.field == "slug"));
    }

    #[test]
    fn review_is_due_after_the_configured_months() {
        let mut offer = digi_z();
        let today = today();
        offer.last_checked = jiff::civil::date(2026, 5, 27);
        assert!(!review_due(&offer, today, 6), "exactly six months: not yet");
        offer.last_checked = jiff::civil::date(2026, 5, 26);
        assert!(review_due(&offer, today, 6));
        assert!(!review_due(&offer, today, 12));
        assert_eq!(review_cutoff(today, 3), jiff::civil::date(2026, 8, 27));
    }

    #[test]
    fn merge_takes_what_only_others_changed_and_flags_what_both_changed() {
        let base = digi_z();
        let mut mine = base.clone();
        mine.title = "Mein Titel".into();
        mine.funder = "Gleich geändert".into();
        mine.keywords = vec!["meins".into()];
        let mut theirs = base.clone();
        theirs.deadlines = vec![Deadline {
            date: jiff::civil::date(2027, 3, 31),
            note: "Stichtag".into(),
        }];
        theirs.last_checked = jiff::civil::date(2026, 1, 2);
        theirs.funder = "Gleich geändert".into();
        theirs.keywords = vec!["deren".into(), "zweites".into()];
        theirs.areas.reverse();
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.taken, vec!["deadlines", "last_checked"]);
        assert_eq!(
            merged.conflicts,
            vec![MergeConflict {
                field: "keywords",
                theirs: vec!["deren".into(), "zweites".into()],
            }]
        );
        let offer = OfferInput::from_pairs(&merged.input.to_pairs())
            .to_offer(today())
            .unwrap();
        assert_eq!(offer.title, "Mein Titel", "mine kept");
        assert_eq!(offer.deadlines, theirs.deadlines, "theirs taken");
        assert_eq!(offer.last_checked, theirs.last_checked);
        assert_eq!(offer.funder, "Gleich geändert");
        assert_eq!(offer.keywords, vec!["meins".to_owned()], "conflict: mine");
        assert_eq!(offer.areas, base.areas, "order of ticks is no change");
    }

    #[test]
    fn merge_of_checkbox_groups_and_municipalities_works_per_form_field() {
        let base = digi_z();
        let mut mine = base.clone();
        mine.regions.push(Region::Municipality("14612000".into()));
        let mut theirs = base.clone();
        theirs.regions = vec![Region::District("14521".into())];
        theirs.industries = vec![Industry::ALL[0]];
        let merged = merge(&base, &mine, &theirs);
        assert_eq!(merged.taken, vec!["regions", "industries"]);
        assert!(merged.conflicts.is_empty());
        assert!(merged.input.has("regions", "14521"));
        assert_eq!(merged.input.get(MUNICIPALITIES), "14612000");
        assert!(merged.input.has("industries", Industry::ALL[0].slug()));
        // Nothing changed on either side: nothing to report.
        let same = merge(&base, &base, &base);
        assert!(same.taken.is_empty() && same.conflicts.is_empty());
        assert_eq!(same.input, OfferInput::from_offer(&base));
    }
}
