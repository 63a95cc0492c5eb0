//! Funding projects (Förderprojekte): the rules, without HTTP or SQL.
//!
//! A gigabit funding project of a Gemeinde or a Kreis goes through the
//! stages of the federal gigabit programme with Saxony's co-financing
//! ([`Stage::ALL`], in order). Each stage has a planned date and the date
//! it was reached. A project moves forward one stage at a time; it may go
//! back to any earlier stage with a note — that is history, not deletion.
//! A stage whose planned date has passed while the project has not reached
//! it is overdue ([`overdue`]).
//!
//! Amounts are integer euro cents: the federal grant (Bund), Saxony's
//! co-financing (Land), the municipality's own share (Kommune) and the
//! total eligible costs (zuwendungsfähige Kosten). The shares together
//! never exceed the eligible costs, and Saxony co-finances only on top of
//! a federal grant ([`validate`]).
//!
//! The store ([`store`]) keeps projects, their stage dates, the history and
//! the documents.

pub mod demo;
pub mod personal;
pub mod store;

use dias_core::validation::FieldErrors;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A stage (Verfahrensschritt) of a funding project, in the order of the
/// procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Stage {
    /// Beratung
    Consultation,
    /// Potenzialanalyse / Branchendialog
    PotentialAnalysis,
    /// Markterkundung
    MarketSurvey,
    /// Förderantrag (beim Projektträger)
    Application,
    /// vorläufiger Zuwendungsbescheid
    ProvisionalNotice,
    /// Auswahlverfahren (Wirtschaftlichkeitslücke oder Betreibermodell)
    Selection,
    /// Konkretisierung
    Concretisation,
    /// endgültiger Zuwendungsbescheid
    FinalNotice,
    /// Landes-Kofinanzierung (in Saxony always after the federal grant)
    StateCofinancing,
    /// Bau / Mittelabruf
    Construction,
    /// Inbetriebnahme
    Commissioning,
    /// Verwendungsnachweis
    ProofOfUse,
}

impl Stage {
    pub const ALL: [Stage; 12] = [
        Stage::Consultation,
        Stage::PotentialAnalysis,
        Stage::MarketSurvey,
        Stage::Application,
        Stage::ProvisionalNotice,
        Stage::Selection,
        Stage::Concretisation,
        Stage::FinalNotice,
        Stage::StateCofinancing,
        Stage::Construction,
        Stage::Commissioning,
        Stage::ProofOfUse,
    ];

    /// The URL and database value (German, like the UI).
    pub fn slug(self) -> &'static str {
        match self {
            Stage::Consultation => "beratung",
            Stage::PotentialAnalysis => "potenzialanalyse",
            Stage::MarketSurvey => "markterkundung",
            Stage::Application => "foerderantrag",
            Stage::ProvisionalNotice => "vorlaeufiger-bescheid",
            Stage::Selection => "auswahlverfahren",
            Stage::Concretisation => "konkretisierung",
            Stage::FinalNotice => "endgueltiger-bescheid",
            Stage::StateCofinancing => "landes-kofinanzierung",
            Stage::Construction => "bau",
            Stage::Commissioning => "inbetriebnahme",
            Stage::ProofOfUse => "verwendungsnachweis",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Message id of the stage's name (German and English catalogues).
    pub fn label_key(self) -> String {
        format!("broadband-projects-stage-{}", self.slug())
    }

    /// Position in the procedure, from 0.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn next(self) -> Option<Stage> {
        Stage::ALL.get(self.index() + 1).copied()
    }

    pub fn first() -> Stage {
        Stage::Consultation
    }
}

/// How the network is built after the selection procedure
/// (Auswahlverfahren).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SelectionModel {
    /// Wirtschaftlichkeitslückenmodell: an operator builds and runs the
    /// network and gets the gap between costs and revenue.
    ProfitabilityGap,
    /// Betreibermodell: the municipality builds a passive network and
    /// leases it to an operator.
    Operator,
}

impl SelectionModel {
    pub const ALL: [SelectionModel; 2] =
        [SelectionModel::ProfitabilityGap, SelectionModel::Operator];

    pub fn slug(self) -> &'static str {
        match self {
            SelectionModel::ProfitabilityGap => "wirtschaftlichkeitsluecke",
            SelectionModel::Operator => "betreibermodell",
        }
    }

    pub fn from_slug(slug: &str) -> Option<SelectionModel> {
        SelectionModel::ALL.into_iter().find(|m| m.slug() == slug)
    }

    pub fn label_key(self) -> String {
        format!("broadband-projects-model-{}", self.slug())
    }
}

/// The most a single amount may be (one hundred billion euros): far above
/// any project, low enough that sums never overflow.
pub const MAX_CENTS: i64 = 10_000_000_000_000;

/// The most addresses a project may plan (Saxony has about 1.2 million
/// buildings).
pub const MAX_ADDRESSES: i64 = 5_000_000;

/// Amounts of a project in euro cents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Amounts {
    /// Bund: the federal grant.
    pub federal: i64,
    /// Land: Saxony's co-financing.
    pub state: i64,
    /// Kommune: the municipality's own share.
    pub municipal: i64,
    /// Total eligible costs (zuwendungsfähige Kosten).
    pub eligible: i64,
}

impl Amounts {
    pub fn shares(&self) -> i64 {
        self.federal + self.state + self.municipal
    }
}

/// Parses a euro amount as people type it into cents: `1.234.567,89`,
/// `1234567,89`, `1 234 567` in German, `1,234,567.89` in English; an
/// empty field is zero. `None` for anything else (letters, three decimals,
/// a minus sign — amounts are never negative).
pub fn parse_euros(input: &str, locale: &str) -> Option<i64> {
    let text: String = input
        .trim()
        .trim_end_matches('€')
        .trim_start_matches('€')
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}')
        .collect();
    if text.is_empty() {
        return Some(0);
    }
    let (group, decimal) = if locale == "en" {
        (',', '.')
    } else {
        ('.', ',')
    };
    let (whole, fraction) = match text.split_once(decimal) {
        Some((w, f)) => (w, Some(f)),
        None => (text.as_str(), None),
    };
    // Group separators only between groups of three digits.
    let groups: Vec<&str> = whole.split(group).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) || digits.len() > 15 {
        return None;
    }
    let euros: i64 = digits.parse().ok()?;
    let cents = match fraction {
        None => 0,
        Some(f) if f.is_empty() || f.len() > 2 || !f.chars().all(|c| c.is_ascii_digit()) => {
            return None;
        }
        Some(f) if f.len() == 1 => f.parse::<i64>().ok()? * 10,
        Some(f) => f.parse::<i64>().ok()?,
    };
    euros.checked_mul(100)?.checked_add(cents)
}

/// `1.234.567,89 €` in German, `€1,234,567.89` in English.
pub fn format_euros(cents: i64, locale: &str) -> String {
    let euros = dias_web::components::format_number(cents / 100, locale);
    let rest = (cents % 100).abs();
    if locale == "en" {
        format!("€{euros}.{rest:02}")
    } else {
        format!("{euros},{rest:02}\u{a0}€")
    }
}

/// The amount as a form shows it for editing: `1234567,89` / `1234567.89`.
pub fn euros_input(cents: i64, locale: &str) -> String {
    let sep = if locale == "en" { '.' } else { ',' };
    format!("{}{sep}{:02}", cents / 100, cents % 100)
}

/// A project as the form sends it: every field as text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProjectInput {
    pub name: String,
    pub area: String,
    pub model: String,
    pub federal: String,
    pub state: String,
    pub municipal: String,
    pub eligible: String,
    pub addresses_planned: String,
    pub addresses_connected: String,
    pub responsible: String,
    /// Planned date per stage (`YYYY-MM-DD` or empty), in stage order.
    pub planned: [String; 12],
}

impl ProjectInput {
    /// Field name of a stage's planned date in the form.
    pub fn planned_field(stage: Stage) -> String {
        format!("planned_{}", stage.slug().replace('-', "_"))
    }

    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        ProjectInput {
            name: get("name"),
            area: get("area"),
            model: get("model"),
            federal: get("federal"),
            state: get("state"),
            municipal: get("municipal"),
            eligible: get("eligible"),
            addresses_planned: get("addresses_planned"),
            addresses_connected: get("addresses_connected"),
            responsible: get("responsible"),
            planned: Stage::ALL.map(|s| get(&Self::planned_field(s))),
        }
    }

    /// The form filled with a stored project.
    pub fn from_valid(project: &ValidProject, locale: &str) -> Self {
        ProjectInput {
            name: project.name.clone(),
            area: project.area.clone(),
            model: project
                .model
                .map(|m| m.slug().to_owned())
                .unwrap_or_default(),
            federal: euros_input(project.amounts.federal, locale),
            state: euros_input(project.amounts.state, locale),
            municipal: euros_input(project.amounts.municipal, locale),
            eligible: euros_input(project.amounts.eligible, locale),
            addresses_planned: project.addresses_planned.to_string(),
            addresses_connected: project.addresses_connected.to_string(),
            responsible: project.responsible.clone(),
            planned: project
                .planned
                .map(|d| d.map(|d| d.to_string()).unwrap_or_default()),
        }
    }
}

/// A checked project: what the store saves.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidProject {
    pub name: String,
    pub area: String,
    pub district_ags5: String,
    pub model: Option<SelectionModel>,
    pub amounts: Amounts,
    pub addresses_planned: i64,
    pub addresses_connected: i64,
    pub responsible: String,
    pub planned: [Option<Date>; 12],
}

/// Whether an area code is a Gemeinde (AGS-8) or a Kreis (AGS-5).
pub fn is_kreis(area: &str) -> bool {
    area.len() == 5
}

fn parse_count(errors: &mut FieldErrors, field: &str, input: &str) -> i64 {
    let text: String = input
        .trim()
        .chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect();
    if text.is_empty() {
        return 0;
    }
    match text.parse::<i64>() {
        Ok(n) if (0..=MAX_ADDRESSES).contains(&n) => n,
        Ok(_) => {
            errors.add(field, "broadband-projects-error-addresses-range");
            0
        }
        Err(_) => {
            errors.add(field, "broadband-projects-error-number");
            0
        }
    }
}

/// A date field (`YYYY-MM-DD` as date inputs send it, or `TT.MM.JJJJ`
/// typed, through the module's one date parser); empty is `None`.
pub fn parse_date(errors: &mut FieldErrors, field: &str, input: &str) -> Option<Date> {
    let text = input.trim();
    if text.is_empty() {
        return None;
    }
    match crate::dates::parse_date_input(text) {
        Some(date) if (2000..=2100).contains(&date.year()) => Some(date),
        _ => {
            errors.add(field, "broadband-projects-error-date");
            None
        }
    }
}

/// Checks a project form. `stage` is the project's current stage (the first
/// for a new project): what a stage change required must stay true on later
/// edits. `area_exists` tells whether an AGS-8 or AGS-5 is a Saxon Gemeinde
/// or Kreis (the reference data).
pub fn validate(
    input: &ProjectInput,
    locale: &str,
    stage: Stage,
    area_exists: impl Fn(&str) -> bool,
) -> Result<ValidProject, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = dias_core::validation::required_text(&mut errors, "name", &input.name, 200);
    let area = input.area.trim().to_owned();
    if area.is_empty() {
        errors.add("area", "broadband-projects-error-area-required");
    } else if !(area.len() == 8 || area.len() == 5)
        || !area.chars().all(|c| c.is_ascii_digit())
        || !area_exists(&area)
    {
        errors.add("area", "broadband-projects-error-area");
    }
    let model = match input.model.trim() {
        "" => None,
        slug => match SelectionModel::from_slug(slug) {
            Some(m) => Some(m),
            None => {
                errors.add("model", "broadband-projects-error-model");
                None
            }
        },
    };
    let mut amount = |field: &str, text: &str| match parse_euros(text, locale) {
        Some(cents) if cents <= MAX_CENTS => cents,
        Some(_) => {
            errors.add(field, "broadband-projects-error-amount-range");
            0
        }
        None => {
            errors.add(field, "broadband-projects-error-amount");
            0
        }
    };
    let amounts = Amounts {
        federal: amount("federal", &input.federal),
        state: amount("state", &input.state),
        municipal: amount("municipal", &input.municipal),
        eligible: amount("eligible", &input.eligible),
    };
    if amounts.shares() > amounts.eligible {
        errors.add("eligible", "broadband-projects-error-shares-exceed");
    }
    // Saxony's co-financing tops up a federal grant; without one there is
    // nothing to co-finance.
    if amounts.state > 0 && amounts.federal == 0 {
        errors.add("state", "broadband-projects-error-state-without-federal");
    }
    // The same rules a stage change checks (see `validate_stage_change`):
    // an edit must not undo what the current stage was reached with.
    if stage > Stage::Selection && model.is_none() && errors.get("model").is_none() {
        errors.add("model", "broadband-projects-error-model-kept");
    }
    if stage >= Stage::StateCofinancing && amounts.federal == 0 && errors.get("federal").is_none() {
        errors.add("federal", "broadband-projects-error-federal-kept");
    }
    let addresses_planned = parse_count(&mut errors, "addresses_planned", &input.addresses_planned);
    let addresses_connected = parse_count(
        &mut errors,
        "addresses_connected",
        &input.addresses_connected,
    );
    if addresses_connected > addresses_planned {
        errors.add(
            "addresses_connected",
            "broadband-projects-error-connected-exceeds",
        );
    }
    let responsible = input.responsible.trim().to_owned();
    if responsible.chars().count() > 1000 {
        errors.add("responsible", "error-too-long");
    }
    let mut planned: [Option<Date>; 12] = [None; 12];
    let mut previous: Option<Date> = None;
    for stage in Stage::ALL {
        let field = ProjectInput::planned_field(stage);
        let date = parse_date(&mut errors, &field, &input.planned[stage.index()]);
        if let (Some(date), Some(before)) = (date, previous)
            && date < before
        {
            errors.add(&field, "broadband-projects-error-planned-order");
        }
        if date.is_some() {
            previous = date;
        }
        planned[stage.index()] = date;
    }
    errors.into_result()?;
    Ok(ValidProject {
        name,
        district_ags5: area.chars().take(5).collect(),
        area,
        model,
        amounts,
        addresses_planned,
        addresses_connected,
        responsible,
        planned,
    })
}

/// Stages the project has not reached although their planned date is
/// before `today`.
pub fn overdue(current: Stage, planned: &[Option<Date>; 12], today: Date) -> Vec<Stage> {
    Stage::ALL
        .into_iter()
        .filter(|s| *s > current)
        .filter(|s| planned[s.index()].is_some_and(|d| d < today))
        .collect()
}

/// The earliest planned date of a stage not reached yet: the project is
/// overdue when it lies before today. Stored with the project so that
/// lists filter overdue projects in the query.
pub fn next_due(current: Stage, planned: &[Option<Date>; 12]) -> Option<Date> {
    Stage::ALL
        .into_iter()
        .filter(|s| *s > current)
        .filter_map(|s| planned[s.index()])
        .min()
}

/// Whether a stored `next_due` date (`YYYY-MM-DD`) means overdue today.
pub fn is_overdue(next_due: Option<&str>, today: Date) -> bool {
    next_due
        .and_then(|d| d.parse::<Date>().ok())
        .is_some_and(|d| d < today)
}

/// A stage change as the form sends it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StageInput {
    pub to: String,
    pub date: String,
    pub note: String,
}

/// A checked stage change.
#[derive(Debug, Clone, PartialEq)]
pub struct StageChange {
    pub from: Stage,
    pub to: Stage,
    pub date: Date,
    pub note: String,
}

impl StageChange {
    pub fn is_back(&self) -> bool {
        self.to < self.from
    }
}

/// The stages a project at `current` may move to: the next one, or back to
/// any earlier one.
pub fn allowed_targets(current: Stage) -> Vec<Stage> {
    Stage::ALL
        .into_iter()
        .filter(|s| *s < current || Some(*s) == current.next())
        .collect()
}

/// What a stage change depends on besides the stages themselves.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StageFacts {
    /// The selection model, once chosen.
    pub model: Option<SelectionModel>,
    /// The federal grant in cents.
    pub federal: i64,
}

/// Checks a stage change. Forward is one stage at a time, on a date not
/// before the current stage was reached and not in the future; leaving the
/// selection procedure needs the chosen model, and Saxony's co-financing
/// needs the federal grant recorded first. Going back needs a note that
/// says why.
pub fn validate_stage_change(
    current: Stage,
    current_reached: Option<Date>,
    facts: StageFacts,
    input: &StageInput,
    today: Date,
) -> Result<StageChange, FieldErrors> {
    let mut errors = FieldErrors::new();
    let to = match Stage::from_slug(input.to.trim()) {
        Some(to) if allowed_targets(current).contains(&to) => Some(to),
        Some(_) => {
            errors.add("to", "broadband-projects-error-stage-step");
            None
        }
        None => {
            errors.add("to", "broadband-projects-error-stage");
            None
        }
    };
    let date = match parse_date(&mut errors, "date", &input.date) {
        Some(date) => Some(date),
        None => {
            if errors.get("date").is_none() {
                errors.add("date", "error-required");
            }
            None
        }
    };
    if let Some(date) = date {
        if date > today {
            errors.add("date", "broadband-projects-error-date-future");
        } else if let (Some(to), Some(reached)) = (to, current_reached)
            && to > current
            && date < reached
        {
            errors.add("date", "broadband-projects-error-date-before-current");
        }
    }
    let note = input.note.trim().to_owned();
    if note.chars().count() > 2000 {
        errors.add("note", "error-too-long");
    }
    if let Some(to) = to {
        if to < current && note.is_empty() {
            errors.add("note", "broadband-projects-error-note-back");
        }
        if to > Stage::Selection && current <= Stage::Selection && facts.model.is_none() {
            errors.add("to", "broadband-projects-error-model-first");
        }
        if to == Stage::StateCofinancing && current < to && facts.federal == 0 {
            errors.add("to", "broadband-projects-error-cofinancing-first");
        }
    }
    errors.into_result()?;
    match (to, date) {
        (Some(to), Some(date)) => Ok(StageChange {
            from: current,
            to,
            date,
            note,
        }),
        _ => Err(FieldErrors::single("to", "broadband-projects-error-stage")),
    }
}

/// Reached dates after a stage change: forward sets the new stage's date,
/// back clears the dates of the stages after the target (the history keeps
/// them).
pub fn reached_after(change: &StageChange, reached: &[Option<Date>; 12]) -> [Option<Date>; 12] {
    let mut out = *reached;
    if change.is_back() {
        for stage in Stage::ALL.into_iter().filter(|s| *s > change.to) {
            out[stage.index()] = None;
        }
    } else {
        out[change.to.index()] = Some(change.date);
    }
    out
}

/// One changed field of an edit, with the old and the new value as stored
/// (cents, dates `YYYY-MM-DD`, slugs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Change {
    pub field: String,
    pub old: String,
    pub new: String,
}

/// How a changed field's values are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Text,
    Cents,
    Count,
    Date,
    Model,
    Area,
}

/// The message id of a changed field's label and how to show its values.
pub fn field_label(field: &str) -> (String, FieldKind) {
    if let Some(slug) = field.strip_prefix("planned:") {
        return (format!("broadband-projects-stage-{slug}"), FieldKind::Date);
    }
    let kind = match field {
        "federal" | "state" | "municipal" | "eligible" => FieldKind::Cents,
        "addresses_planned" | "addresses_connected" => FieldKind::Count,
        "model" => FieldKind::Model,
        "area" => FieldKind::Area,
        _ => FieldKind::Text,
    };
    (
        format!("broadband-projects-field-{}", field.replace('_', "-")),
        kind,
    )
}

/// What an edit changed, field by field.
pub fn changes(old: &ValidProject, new: &ValidProject) -> Vec<Change> {
    let mut out = Vec::new();
    let mut push = |field: String, a: String, b: String| {
        if a != b {
            out.push(Change {
                field,
                old: a,
                new: b,
            });
        }
    };
    push("name".into(), old.name.clone(), new.name.clone());
    push("area".into(), old.area.clone(), new.area.clone());
    let model = |m: Option<SelectionModel>| m.map(|m| m.slug().to_owned()).unwrap_or_default();
    push("model".into(), model(old.model), model(new.model));
    for (field, a, b) in [
        ("federal", old.amounts.federal, new.amounts.federal),
        ("state", old.amounts.state, new.amounts.state),
        ("municipal", old.amounts.municipal, new.amounts.municipal),
        ("eligible", old.amounts.eligible, new.amounts.eligible),
        (
            "addresses_planned",
            old.addresses_planned,
            new.addresses_planned,
        ),
        (
            "addresses_connected",
            old.addresses_connected,
            new.addresses_connected,
        ),
    ] {
        push(field.into(), a.to_string(), b.to_string());
    }
    push(
        "responsible".into(),
        old.responsible.clone(),
        new.responsible.clone(),
    );
    for stage in Stage::ALL {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        push(
            format!("planned:{}", stage.slug()),
            date(old.planned[stage.index()]),
            date(new.planned[stage.index()]),
        );
    }
    out
}

/// The largest document accepted (10 MiB): funding notices and plans as
/// PDF are rarely larger; the database keeps documents as blobs.
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;

/// Document types accepted, told apart by their bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentKind {
    Pdf,
    Odt,
    Docx,
    Xlsx,
    Csv,
}

impl DocumentKind {
    pub fn mime(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "application/pdf",
            DocumentKind::Odt => "application/vnd.oasis.opendocument.text",
            DocumentKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            DocumentKind::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
            DocumentKind::Csv => "text/csv; charset=utf-8",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            DocumentKind::Pdf => "pdf",
            DocumentKind::Odt => "odt",
            DocumentKind::Docx => "docx",
            DocumentKind::Xlsx => "xlsx",
            DocumentKind::Csv => "csv",
        }
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// What a file is, from its bytes. ZIP-based office files are told apart
/// by their entries (the names are stored uncompressed): an ODF text
/// starts with its `mimetype` entry, OOXML files carry
/// `[Content_Types].xml` and `word/` or `xl/` parts. CSV is UTF-8 text
/// without control characters and with a separator.
pub fn sniff_document(bytes: &[u8]) -> Option<DocumentKind> {
    if bytes.starts_with(b"%PDF-") {
        return Some(DocumentKind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        if bytes.get(30..38) == Some(b"mimetype")
            && bytes
                .get(38..77)
                .is_some_and(|m| m.starts_with(b"application/vnd.oasis.opendocument.text"))
        {
            return Some(DocumentKind::Odt);
        }
        if contains(bytes, b"[Content_Types].xml") {
            if contains(bytes, b"word/document.xml") {
                return Some(DocumentKind::Docx);
            }
            if contains(bytes, b"xl/workbook.xml") {
                return Some(DocumentKind::Xlsx);
            }
        }
        return None;
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)).ok()?;
    let plain = text
        .chars()
        .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'));
    let first = text.lines().next().unwrap_or("");
    let markup = text.trim_start().starts_with('<');
    if plain && !markup && first.contains([',', ';', '\t']) {
        return Some(DocumentKind::Csv);
    }
    None
}

/// A file name fit for display and for `Content-Disposition`: the one rule
/// of every upload ([`dias_core::files::display_filename`]) — no path, no
/// control characters, quotes or bidirectional overrides (which disguise
/// `exe.pdf` as `fdp.exe`), at most 120 characters with the extension
/// kept when shortened.
pub fn clean_filename(name: &str) -> String {
    dias_core::files::display_filename(name)
}

/// Checks an uploaded document: not empty, not too large, one of the
/// accepted types by its bytes, and a file name whose extension says the
/// same type (a PDF named `.docx`, or a program named `.pdf`, is refused).
pub fn validate_document(
    filename: &str,
    bytes: &[u8],
) -> Result<(DocumentKind, String), FieldErrors> {
    let field = "document";
    if bytes.is_empty() {
        return Err(FieldErrors::single(
            field,
            "broadband-projects-error-document-missing",
        ));
    }
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(FieldErrors::single(
            field,
            "broadband-projects-error-document-size",
        ));
    }
    let Some(kind) = sniff_document(bytes) else {
        return Err(FieldErrors::single(
            field,
            "broadband-projects-error-document-type",
        ));
    };
    let name = clean_filename(filename);
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if extension != kind.extension() {
        return Err(FieldErrors::single(
            field,
            "broadband-projects-error-document-extension",
        ));
    }
    Ok((kind, name))
}

/// The Gemeinden (AGS-8) of an area: the Gemeinde itself, or all of a
/// Kreis. `municipalities_of` lists a Kreis's Gemeinden.
pub fn area_municipalities<'a>(
    area: &str,
    municipalities_of: impl Fn(&str) -> Vec<&'a str>,
) -> Vec<String> {
    if is_kreis(area) {
        municipalities_of(area)
            .into_iter()
            .map(str::to_owned)
            .collect()
    } else {
        vec![area.to_owned()]
    }
}

#[cfg(test)]
mod tests;
