//! Import and export of offers as JSON and CSV in one schema
//! (`docs/funding-schema.md`, identifier [`SCHEMA`]).
//!
//! Both formats carry the same fields under the same names in the same
//! order ([`FIELDS`]); the JSON format is the serde form of [`Offer`] inside
//! an envelope `{"schema": "dias-funding/1", "offers": [...]}`, the CSV
//! format has one column per field, with lists joined by `;` and the parts
//! of a deadline or tier joined by `|`.
//!
//! Export writes one canonical spelling (slugs, `YYYY-MM-DD`, integers
//! without separators), and import normalises what it reads the same way
//! (trimmed texts, `\n` line ends, slugs for labels), so export → import →
//! export gives byte-identical output.
//!
//! Import never fails on a bad record: it reads every record it can, keeps
//! the valid ones and reports each problem with the record's line in the
//! file, the field and a reason ([`Problem`]). Only a file that cannot be
//! read at all (broken JSON, wrong schema, unknown or missing columns) is an
//! [`ExchangeError`].

use std::collections::HashSet;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::offer::{self, LIST_SEPARATOR, Offer, PART_SEPARATOR, Tier};
use crate::vocab::{
    AmountBasis, CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, Industry,
    OfferType, Origin, Procedure, Region, Status,
};

/// The schema's name and version, written into every JSON export.
pub const SCHEMA: &str = "dias-funding/1";

/// How a field is spelled in a CSV cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text (may hold any character; the CSV quotes as needed).
    Text,
    /// One slug of a vocabulary.
    Term,
    /// A whole number without separators.
    Number,
    /// `YYYY-MM-DD`.
    Date,
    /// Slugs or words joined by `;`.
    List,
    /// `date|note` items joined by `;`.
    Deadlines,
    /// `size|rate|max|label` items joined by `;`.
    Tiers,
}

/// One field of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    /// Must be present and non-empty for the record to be read at all.
    pub required: bool,
    probe: fn(&Value) -> Result<(), String>,
}

fn probe<T: for<'de> Deserialize<'de>>(value: &Value) -> Result<(), String> {
    T::deserialize(value).map(|_| ()).map_err(|e| e.to_string())
}

fn probe_date(value: &Value) -> Result<(), String> {
    match value {
        Value::String(s) if offer::iso_date::parse(s).is_some() => Ok(()),
        Value::Null => Ok(()),
        other => Err(format!(
            "„{}“ ist kein Datum der Form JJJJ-MM-TT",
            plain(other)
        )),
    }
}

fn probe_slugs(value: &Value) -> Result<(), String> {
    probe::<Vec<String>>(value)
}

const fn field(
    name: &'static str,
    kind: Kind,
    required: bool,
    probe: fn(&Value) -> Result<(), String>,
) -> Field {
    Field {
        name,
        kind,
        required,
        probe,
    }
}

/// Every field in export order. A test holds this list and [`Offer`]'s
/// serde form together.
pub const FIELDS: &[Field] = &[
    field("slug", Kind::Text, true, probe::<String>),
    field("origin", Kind::Term, true, probe::<Origin>),
    field("offer_type", Kind::Term, true, probe::<OfferType>),
    field("title", Kind::Text, true, probe::<String>),
    field("summary", Kind::Text, true, probe::<String>),
    field("body", Kind::Text, true, probe::<String>),
    field("funding_types", Kind::List, true, probe::<Vec<FundingType>>),
    field("areas", Kind::List, true, probe::<Vec<FundingArea>>),
    field("regions", Kind::List, true, probe::<Vec<Region>>),
    field(
        "eligible_groups",
        Kind::List,
        true,
        probe::<Vec<EligibleGroup>>,
    ),
    field(
        "company_sizes",
        Kind::List,
        false,
        probe::<Vec<CompanySize>>,
    ),
    field("industries", Kind::List, false, probe::<Vec<Industry>>),
    field("funder_level", Kind::Term, true, probe::<FunderLevel>),
    field("funder", Kind::Text, true, probe::<String>),
    field("contact_institution", Kind::Text, false, probe::<String>),
    field("contact_address", Kind::Text, false, probe::<String>),
    field("contact_phone", Kind::Text, false, probe::<String>),
    field("contact_email", Kind::Text, false, probe::<String>),
    field("contact_url", Kind::Text, false, probe::<String>),
    field("legal_basis", Kind::Text, false, probe::<String>),
    field("legal_citation", Kind::Text, false, probe::<String>),
    field("legal_url", Kind::Text, false, probe::<String>),
    field("legal_date", Kind::Date, false, probe_date),
    field("rate_max_percent", Kind::Number, false, probe::<Option<u8>>),
    field(
        "amount_basis",
        Kind::Term,
        false,
        probe::<Option<AmountBasis>>,
    ),
    field("amount_min_eur", Kind::Number, false, probe::<Option<u64>>),
    field("amount_max_eur", Kind::Number, false, probe::<Option<u64>>),
    field("tiers", Kind::Tiers, false, probe::<Vec<Tier>>),
    field("bonus_notes", Kind::Text, false, probe::<String>),
    field("procedure", Kind::Term, true, probe::<Procedure>),
    field(
        "deadlines",
        Kind::Deadlines,
        false,
        probe::<Vec<offer::Deadline>>,
    ),
    field("programme_end", Kind::Date, false, probe_date),
    field("status", Kind::Term, true, probe::<Status>),
    field("status_note", Kind::Text, false, probe::<String>),
    field("combinable_with", Kind::List, false, probe_slugs),
    field("keywords", Kind::List, false, probe_slugs),
    field("source_url", Kind::Text, false, probe::<String>),
    field("source_licence", Kind::Text, true, probe::<String>),
    field("last_checked", Kind::Date, true, probe_date),
    field("reviewer", Kind::Text, true, probe::<String>),
];

/// A file that cannot be read (or written) at all.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExchangeError {
    #[error("Die JSON-Datei ist nicht lesbar (Zeile {line}, Spalte {column}): {message}")]
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("Die Datei folgt nicht dem Schema dias-funding/1 (gefunden: „{0}“)")]
    Schema(String),
    #[error("Die CSV-Datei ist nicht lesbar: {0}")]
    Csv(String),
    #[error("Pflichtspalten fehlen: {}", .0.join(", "))]
    MissingColumns(Vec<String>),
    #[error("Unbekannte Spalten: {}", .0.join(", "))]
    UnknownColumns(Vec<String>),
    #[error("Die Spalte {0} steht doppelt im Kopf")]
    DuplicateColumn(String),
    #[error("Der Export ist fehlgeschlagen: {0}")]
    Write(String),
}

/// One problem with one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// The line of the file on which the record starts (1-based; the CSV
    /// header is line 1). 0 if it could not be determined.
    pub line: u64,
    /// The record's position among the records (1-based).
    pub record: usize,
    /// The record's slug, if it had one.
    pub slug: Option<String>,
    /// The field at fault; `None` when the record as a whole is.
    pub field: Option<String>,
    /// A message id of `locales/*.ftl` (`funding-import-…`,
    /// `funding-error-…`, `error-…`).
    pub message: String,
    /// The concrete value or the parser's words, for the editor.
    pub detail: String,
}

/// What an import read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// The valid records in file order.
    pub offers: Vec<Offer>,
    /// The problems of the invalid records, in file order; a record with
    /// several problems appears once per problem.
    pub problems: Vec<Problem>,
    /// How many records the file held.
    pub records: usize,
}

impl ImportReport {
    /// The lines of the rejected records, without repeats.
    pub fn rejected_lines(&self) -> Vec<u64> {
        let mut lines: Vec<u64> = self.problems.iter().map(|p| p.line).collect();
        lines.dedup();
        lines
    }
}

#[derive(Serialize)]
struct Envelope<'a> {
    schema: &'static str,
    offers: &'a [Offer],
}

/// The offers as a JSON document (pretty-printed, ending in a newline).
pub fn to_json(offers: &[Offer]) -> Result<String, ExchangeError> {
    let mut text = serde_json::to_string_pretty(&Envelope {
        schema: SCHEMA,
        offers,
    })
    .map_err(|e| ExchangeError::Write(e.to_string()))?;
    text.push('\n');
    Ok(text)
}

/// The offers as CSV: a header row with the field names, then one row per
/// offer; comma-separated, `"`-quoted where needed, CRLF line ends (RFC
/// 4180), UTF-8 without byte order mark.
pub fn to_csv(offers: &[Offer]) -> Result<String, ExchangeError> {
    let write_error = |e: csv::Error| ExchangeError::Write(e.to_string());
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer
        .write_record(FIELDS.iter().map(|f| f.name))
        .map_err(write_error)?;
    for offer in offers {
        let value = serde_json::to_value(offer).map_err(|e| ExchangeError::Write(e.to_string()))?;
        let row: Vec<String> = FIELDS
            .iter()
            .map(|f| guard(cell(f.kind, value.get(f.name).unwrap_or(&Value::Null))))
            .collect();
        writer.write_record(row).map_err(write_error)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| ExchangeError::Write(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ExchangeError::Write(e.to_string()))
}

/// A JSON value as the text of a cell or message.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// First characters that make a spreadsheet read a cell as a formula
/// (CSV injection), and the apostrophe that marks a cell as text.
const FORMULA_STARTS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\''];

/// A cell as written to CSV: one that a spreadsheet would run as a formula
/// („=HYPERLINK(…)“, also a phone number „+49 …“ or a Markdown list „- …“)
/// gets an apostrophe in front, which spreadsheets show as text. A cell
/// that starts with an apostrophe gets one more, so [`unguard`] can take
/// exactly one off and the round trip stays exact.
fn guard(cell: String) -> String {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell
    }
}

fn unguard(text: &str) -> &str {
    text.strip_prefix('\'').unwrap_or(text)
}

fn cell(kind: Kind, value: &Value) -> String {
    let items = || value.as_array().map(Vec::as_slice).unwrap_or_default();
    let joined = |parts: Vec<String>| parts.join(&LIST_SEPARATOR.to_string());
    match kind {
        Kind::Text | Kind::Term | Kind::Number | Kind::Date => plain(value),
        Kind::List => joined(items().iter().map(plain).collect()),
        Kind::Deadlines => joined(
            items()
                .iter()
                .map(|d| {
                    let date = plain(&d["date"]);
                    let note = plain(&d["note"]);
                    if note.is_empty() {
                        date
                    } else {
                        format!("{date}{PART_SEPARATOR}{note}")
                    }
                })
                .collect(),
        ),
        Kind::Tiers => joined(
            items()
                .iter()
                .map(|t| {
                    [
                        plain(&t["size"]),
                        plain(&t["rate_percent"]),
                        plain(&t["max_eur"]),
                        plain(&t["label"]),
                    ]
                    .join(&PART_SEPARATOR.to_string())
                })
                .collect(),
        ),
    }
}

/// Texts are read trimmed and with `\n` line ends, whatever the editor
/// that wrote the file used.
fn normalise_text(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_owned()
}

fn split_items(text: &str) -> impl Iterator<Item = &str> {
    text.split(LIST_SEPARATOR)
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Builds a problem for the record being read.
struct Context<'a> {
    line: u64,
    record: usize,
    problems: &'a mut Vec<Problem>,
    /// How many problems there were before this record.
    start: usize,
    slug: Option<String>,
}

impl<'a> Context<'a> {
    fn new(line: u64, record: usize, problems: &'a mut Vec<Problem>, slug: Option<&str>) -> Self {
        Context {
            line,
            record,
            start: problems.len(),
            problems,
            slug: slug
                .filter(|s| !s.trim().is_empty())
                .map(|s| s.trim().to_owned()),
        }
    }

    fn has_problems(&self) -> bool {
        self.problems.len() > self.start
    }

    fn report(&mut self, field: Option<&str>, message: &str, detail: String) {
        self.problems.push(Problem {
            line: self.line,
            record: self.record,
            slug: self.slug.clone(),
            field: field.map(str::to_owned),
            message: message.to_owned(),
            detail,
        });
    }
}

fn number_value(ctx: &mut Context<'_>, field: &str, text: &str) -> Value {
    let text = text.trim();
    if text.is_empty() {
        return Value::Null;
    }
    match text.parse::<u64>() {
        Ok(n) => Value::from(n),
        Err(_) => {
            ctx.report(Some(field), "funding-import-number", text.to_owned());
            Value::Null
        }
    }
}

/// A CSV cell as the JSON value of its field.
fn cell_value(ctx: &mut Context<'_>, field: &Field, text: &str) -> Value {
    let text = unguard(text);
    match field.kind {
        Kind::Text => Value::String(normalise_text(text)),
        Kind::Term | Kind::Date => match text.trim() {
            "" => Value::Null,
            t => Value::String(t.to_owned()),
        },
        Kind::Number => number_value(ctx, field.name, text),
        Kind::List => Value::Array(
            split_items(text)
                .map(|s| Value::String(s.to_owned()))
                .collect(),
        ),
        Kind::Deadlines => Value::Array(
            split_items(text)
                .map(|item| {
                    let (date, note) = item.split_once(PART_SEPARATOR).unwrap_or((item, ""));
                    serde_json::json!({"date": date.trim(), "note": note.trim()})
                })
                .collect(),
        ),
        Kind::Tiers => {
            let mut tiers = Vec::new();
            for item in split_items(text) {
                let parts: Vec<&str> = item.split(PART_SEPARATOR).map(str::trim).collect();
                let &[size, rate, max, label] = parts.as_slice() else {
                    ctx.report(
                        Some(field.name),
                        "funding-import-tier-parts",
                        item.to_owned(),
                    );
                    continue;
                };
                let size = if size.is_empty() {
                    Value::Null
                } else {
                    Value::String(size.to_owned())
                };
                let rate = number_value(ctx, field.name, rate);
                let max = number_value(ctx, field.name, max);
                tiers.push(serde_json::json!({
                    "size": size,
                    "rate_percent": rate,
                    "max_eur": max,
                    "label": label,
                }));
            }
            Value::Array(tiers)
        }
    }
}

/// A JSON value normalised like a CSV cell would be (texts trimmed, list
/// items trimmed, absent lists empty).
fn json_value(field: &Field, value: Option<Value>) -> Value {
    match (field.kind, value) {
        (Kind::Text, None) => Value::String(String::new()),
        (Kind::Text, Some(Value::String(s))) => Value::String(normalise_text(&s)),
        (Kind::List | Kind::Deadlines | Kind::Tiers, None) => Value::Array(Vec::new()),
        (Kind::List, Some(Value::Array(items))) => Value::Array(
            items
                .into_iter()
                .filter_map(|item| match item {
                    Value::String(s) if s.trim().is_empty() => None,
                    Value::String(s) => Some(Value::String(s.trim().to_owned())),
                    other => Some(other),
                })
                .collect(),
        ),
        (_, None) => Value::Null,
        (_, Some(value)) => value,
    }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// Checks one record's fields, builds and validates the offer, and keeps it
/// if nothing was wrong.
fn finish_record(
    mut ctx: Context<'_>,
    object: Map<String, Value>,
    today: Date,
    slugs: &mut HashSet<String>,
    offers: &mut Vec<Offer>,
) {
    for field in FIELDS {
        let value = object.get(field.name).unwrap_or(&Value::Null);
        if is_empty(value) {
            if field.required {
                ctx.report(Some(field.name), "funding-import-missing", String::new());
            }
            if matches!(value, Value::Null) {
                continue;
            }
        }
        if let Err(reason) = (field.probe)(value) {
            ctx.report(Some(field.name), "funding-import-invalid", reason);
        }
    }
    if ctx.has_problems() {
        return;
    }
    let offer = match Offer::deserialize(Value::Object(object)) {
        Ok(offer) => offer,
        Err(e) => {
            ctx.report(None, "funding-import-invalid", e.to_string());
            return;
        }
    };
    if let Err(errors) = offer::validate(&offer, today) {
        for error in errors.0 {
            let detail = value_of(&offer, &error.field);
            ctx.report(Some(&error.field), &error.message, detail);
        }
        return;
    }
    if !slugs.insert(offer.slug.clone()) {
        ctx.report(
            Some("slug"),
            "funding-import-duplicate-slug",
            offer.slug.clone(),
        );
        return;
    }
    offers.push(offer);
}

/// The value of a field as a cell would show it (for problem details).
fn value_of(offer: &Offer, field: &str) -> String {
    let value = serde_json::to_value(offer).unwrap_or(Value::Null);
    match FIELDS.iter().find(|f| f.name == field) {
        Some(f) => cell(f.kind, value.get(field).unwrap_or(&Value::Null)),
        None => String::new(),
    }
}

/// Reads a JSON export: the envelope with `schema` and `offers`, or a bare
/// array of offers.
pub fn from_json(text: &str, today: Date) -> Result<ImportReport, ExchangeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document: Value = serde_json::from_str(text).map_err(|e| ExchangeError::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    let records = match document {
        Value::Array(records) => records,
        Value::Object(mut envelope) => {
            let schema = envelope
                .remove("schema")
                .map(|s| plain(&s))
                .unwrap_or_default();
            if schema != SCHEMA {
                return Err(ExchangeError::Schema(schema));
            }
            match envelope.remove("offers") {
                Some(Value::Array(records)) => records,
                other => {
                    return Err(ExchangeError::Schema(format!(
                        "offers: {}",
                        other.map(|v| plain(&v)).unwrap_or_default()
                    )));
                }
            }
        }
        other => return Err(ExchangeError::Schema(plain(&other))),
    };
    let lines = element_lines(text);
    let lines_known = lines.len() == records.len();
    let mut report = ImportReport {
        records: records.len(),
        ..ImportReport::default()
    };
    let mut slugs = HashSet::new();
    for (index, record) in records.into_iter().enumerate() {
        let line = if lines_known { lines[index] } else { 0 };
        let slug = record.get("slug").and_then(Value::as_str);
        let mut ctx = Context::new(line, index + 1, &mut report.problems, slug);
        let mut raw = match record {
            Value::Object(raw) => raw,
            other => {
                ctx.report(None, "funding-import-not-an-object", plain(&other));
                continue;
            }
        };
        let mut object = Map::new();
        for field in FIELDS {
            object.insert(
                field.name.to_owned(),
                json_value(field, raw.remove(field.name)),
            );
        }
        for unknown in raw.keys() {
            ctx.report(
                Some(unknown.as_str()),
                "funding-import-unknown-field",
                String::new(),
            );
        }
        finish_record(ctx, object, today, &mut slugs, &mut report.offers);
    }
    Ok(report)
}

/// Reads a CSV export. The header names the columns (in any order); the
/// required columns must be there, unknown ones are refused so that a typo
/// cannot silently drop data.
pub fn from_csv(text: &str, today: Date) -> Result<ImportReport, ExchangeError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| ExchangeError::Csv(e.to_string()))?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    let mut columns: Vec<Option<&Field>> = Vec::with_capacity(header.len());
    let mut unknown = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if header[..i].contains(name) {
            return Err(ExchangeError::DuplicateColumn(name.clone()));
        }
        let field = FIELDS.iter().find(|f| f.name == name);
        if field.is_none() {
            unknown.push(name.clone());
        }
        columns.push(field);
    }
    if !unknown.is_empty() {
        return Err(ExchangeError::UnknownColumns(unknown));
    }
    let missing: Vec<String> = FIELDS
        .iter()
        .filter(|f| f.required && !header.iter().any(|h| h == f.name))
        .map(|f| f.name.to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(ExchangeError::MissingColumns(missing));
    }

    let slug_column = header.iter().position(|h| h == "slug");
    let mut report = ImportReport::default();
    let mut slugs = HashSet::new();
    let mut lines = LineCounter::new(text);
    for (index, row) in reader.records().enumerate() {
        report.records += 1;
        let position = match &row {
            Ok(record) => record.position(),
            Err(e) => e.position(),
        };
        let line = position.map_or(0, |p| lines.line_at(p.byte()));
        let record = match row {
            Ok(record) => record,
            Err(e) => {
                Context::new(line, index + 1, &mut report.problems, None).report(
                    None,
                    "funding-import-row",
                    e.to_string(),
                );
                continue;
            }
        };
        let slug = slug_column.and_then(|i| record.get(i));
        let mut ctx = Context::new(line, index + 1, &mut report.problems, slug);
        if record.len() != header.len() {
            ctx.report(
                None,
                "funding-import-column-count",
                format!("{} statt {} Felder", record.len(), header.len()),
            );
            continue;
        }
        let mut object = Map::new();
        for field in FIELDS {
            object.insert(field.name.to_owned(), json_value(field, None));
        }
        for (column, text) in columns.iter().zip(record.iter()) {
            if let Some(field) = column {
                let value = cell_value(&mut ctx, field, text);
                object.insert(field.name.to_owned(), value);
            }
        }
        finish_record(ctx, object, today, &mut slugs, &mut report.offers);
    }
    Ok(report)
}

/// The line on which a CSV record starts, from its byte offset. The csv
/// crate's own line numbers lag by one after a CRLF line end (the offset
/// it reports is that of the `\n` ending the previous record), and CRLF is
/// what the export writes; so the line ends before the record's first
/// character are counted here, once over the file.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// Offsets must not decrease (records are read in order).
    fn line_at(&mut self, byte: u64) -> u64 {
        let len = self.bytes.len();
        let mut start = usize::try_from(byte).unwrap_or(len).min(len);
        while start < len && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start > self.offset {
            self.line += self.bytes[self.offset..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.offset = start;
        }
        self.line
    }
}

/// The lines on which the records of a JSON document start: the elements
/// of the top-level array, or of the array under the key `offers` of the
/// top-level object. serde_json keeps no positions in a `Value`, so this
/// walks the text once, skipping strings.
fn element_lines(text: &str) -> Vec<u64> {
    let mut lines = Vec::new();
    let mut line = 1u64;
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut string_start = 0usize;
    let mut last_string = "";
    let mut target: Option<usize> = None;
    let mut done = false;
    let mut expect_element = false;
    for (i, c) in text.char_indices() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                if depth == 1 {
                    last_string = &text[string_start..i];
                }
            }
            continue;
        }
        if c == '\n' {
            line += 1;
        }
        if c.is_whitespace() {
            continue;
        }
        if expect_element && target == Some(depth) {
            expect_element = false;
            if c != ']' {
                lines.push(line);
            }
        }
        match c {
            '"' => {
                in_string = true;
                string_start = i + 1;
            }
            '[' | '{' => {
                depth += 1;
                let is_offers = depth == 1 || (depth == 2 && last_string == "offers");
                if c == '[' && !done && target.is_none() && is_offers {
                    target = Some(depth);
                    expect_element = true;
                }
            }
            ']' | '}' => {
                if target == Some(depth) {
                    target = None;
                    done = true;
                }
                depth = depth.saturating_sub(1);
            }
            ',' if target == Some(depth) => expect_element = true,
            _ => {}
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;
    use rand::rngs::StdRng;
    use rand::{Rng, SeedableRng};

    use super::*;
    use crate::offer::tests::{sample, today};

    #[test]
    fn the_field_list_is_the_serde_form_of_an_offer() {
        let value = serde_json::to_value(sample()).unwrap();
        let keys: Vec<&str> = value
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut names: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
        let mut sorted_keys = keys.clone();
        sorted_keys.sort_unstable();
        names.sort_unstable();
        assert_eq!(sorted_keys, names);
        // And the JSON writes them in the schema's order.
        let json = to_json(&[sample()]).unwrap();
        let positions: Vec<usize> = FIELDS
            .iter()
            .map(|f| json.find(&format!("\"{}\":", f.name)).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
    }

    #[test]
    fn the_schema_document_describes_every_field() {
        let doc = include_str!("../../../docs/funding-schema.md");
        for field in FIELDS {
            assert!(
                doc.contains(&format!("`{}`", field.name)),
                "{} undocumented",
                field.name
            );
        }
        assert!(doc.contains(SCHEMA));
    }

    #[test]
    fn json_and_csv_round_trip_a_record() {
        let mut offer = sample();
        offer.body = "Zeile 1, mit Komma\n\n- „Anführungszeichen\" und ; Semikolon | Strich".into();
        offer.deadlines = vec![
            offer::Deadline {
                date: date(2027, 3, 31),
                note: "Skizze".into(),
            },
            offer::Deadline {
                date: date(2027, 9, 30),
                note: String::new(),
            },
        ];
        offer.procedure = Procedure::CutOff;
        offer.tiers.push(Tier {
            size: None,
            rate_percent: None,
            max_eur: Some(10_000),
            label: "Heranführung".into(),
        });
        offer.legal_date = Some(date(2023, 5, 2));
        offer::validate(&offer, today()).unwrap();
        let offers = vec![offer];

        let json = to_json(&offers).unwrap();
        let back = from_json(&json, today()).unwrap();
        assert_eq!(back.problems, vec![]);
        assert_eq!(back.offers, offers);
        assert_eq!(to_json(&back.offers).unwrap(), json);

        let csv = to_csv(&offers).unwrap();
        let back = from_csv(&csv, today()).unwrap();
        assert_eq!(back.problems, vec![]);
        assert_eq!(back.offers, offers);
        assert_eq!(to_csv(&back.offers).unwrap(), csv);
        assert!(csv.contains("2027-03-31|Skizze;2027-09-30"), "{csv}");
        assert!(csv.contains("klein|50|60000|Transformationsprojekt;||10000|Heranführung"));
    }

    #[test]
    fn csv_cells_a_spreadsheet_would_run_are_marked_as_text_and_read_back() {
        let mut offer = sample();
        offer.title = "=HYPERLINK(\"https://example.org\",\"Antrag\")".into();
        offer.summary = "'schon mit Apostroph".into();
        offer.body = "- Beratung\n- Umsetzung".into();
        offer.contact_phone = "+49 351 4910-0".into();
        offer.keywords = vec!["@home".into(), "Cloud".into()];
        offer::validate(&offer, today()).unwrap();
        let offers = vec![offer];
        let csv = to_csv(&offers).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let row = reader.records().next().unwrap().unwrap();
        let at = |name: &str| &row[headers.iter().position(|h| h == name).unwrap()];
        // No cell starts with a formula character.
        for cell in row.iter() {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell}"
            );
        }
        assert_eq!(
            at("title"),
            "'=HYPERLINK(\"https://example.org\",\"Antrag\")"
        );
        assert_eq!(at("summary"), "''schon mit Apostroph");
        assert_eq!(at("contact_phone"), "'+49 351 4910-0");
        let back = from_csv(&csv, today()).unwrap();
        assert_eq!(back.problems, vec![]);
        assert_eq!(back.offers, offers);
        assert_eq!(to_csv(&back.offers).unwrap(), csv);
    }

    /// A random text with the characters that break naive CSV and JSON
    /// writers.
    fn random_text(rng: &mut StdRng, allow_breaks: bool) -> String {
        const PIECES: &[&str] = &[
            "Förderung",
            "KMU",
            "„Zitat“",
            "\"quoted\"",
            ",",
            ";",
            "|",
            "ß",
            "€",
            "\\",
            "{",
            "}",
            "[",
            "]",
            "Digitalisierung",
            "Zuschuss",
            "\t",
            "😀",
            "a",
            "0",
        ];
        let n = rng.gen_range(1..12);
        let mut text = String::new();
        for _ in 0..n {
            text.push_str(PIECES[rng.gen_range(0..PIECES.len())]);
            match rng.gen_range(0..6) {
                0 if allow_breaks => text.push('\n'),
                1 => text.push(' '),
                _ => {}
            }
        }
        let text = text.trim().to_owned();
        if text.is_empty() {
            "x".to_owned()
        } else {
            text
        }
    }

    /// Property: any valid record survives export → import unchanged, in
    /// both formats, and a second export is byte-identical. The records are
    /// the synthetic generator's with their free texts replaced by hostile
    /// random ones (a seeded loop; the workspace has no proptest).
    #[test]
    fn random_valid_records_round_trip_in_both_formats() {
        let mut rng = StdRng::seed_from_u64(2026);
        for round in 0..20 {
            let mut offers = crate::catalogue::synthetic(25, round, today());
            for offer in &mut offers {
                offer.summary = random_text(&mut rng, false);
                offer.body = random_text(&mut rng, true);
                offer.bonus_notes = random_text(&mut rng, true);
                offer.status_note = random_text(&mut rng, true);
                offer.contact_address = random_text(&mut rng, false);
                offer.legal_basis = random_text(&mut rng, false);
                offer.title = format!("{} (synthetisch)", random_text(&mut rng, false));
                offer::validate(offer, today()).unwrap();
            }
            let json = to_json(&offers).unwrap();
            let via_json = from_json(&json, today()).unwrap();
            assert_eq!(via_json.problems, vec![], "round {round}");
            assert_eq!(via_json.offers, offers, "round {round}");
            assert_eq!(to_json(&via_json.offers).unwrap(), json);

            let csv = to_csv(&offers).unwrap();
            let via_csv = from_csv(&csv, today()).unwrap();
            assert_eq!(via_csv.problems, vec![], "round {round}");
            assert_eq!(via_csv.offers, offers, "round {round}");
            assert_eq!(to_csv(&via_csv.offers).unwrap(), csv);
        }
    }

    /// Property: whatever an editor's tool does to a file (characters cut,
    /// doubled or replaced anywhere), import answers with a report or an
    /// error and never panics; every kept record is valid and every problem
    /// names a line inside the file.
    #[test]
    fn mangled_files_never_break_the_importer() {
        let mut rng = StdRng::seed_from_u64(6);
        let offers = crate::catalogue::synthetic(8, 1, today());
        let sources = [to_json(&offers).unwrap(), to_csv(&offers).unwrap()];
        const NOISE: &[char] = &[
            '"', ',', ';', '|', '\n', '\r', '{', '}', '[', ']', ':', 'ä', '\\',
        ];
        for round in 0..300 {
            let source = &sources[round % 2];
            let mut chars: Vec<char> = source.chars().collect();
            for _ in 0..rng.gen_range(1..6) {
                let at = rng.gen_range(0..chars.len());
                match rng.gen_range(0..3) {
                    0 => {
                        chars.remove(at);
                    }
                    1 => chars.insert(at, chars[at]),
                    _ => chars[at] = NOISE[rng.gen_range(0..NOISE.len())],
                }
            }
            let text: String = chars.into_iter().collect();
            let lines = text.lines().count() as u64 + 1;
            let result = if round % 2 == 0 {
                from_json(&text, today())
            } else {
                from_csv(&text, today())
            };
            if let Ok(report) = result {
                for offer in &report.offers {
                    assert_eq!(offer::validate(offer, today()), Ok(()), "round {round}");
                }
                for problem in &report.problems {
                    assert!(problem.line <= lines, "round {round}: {problem:?}");
                }
                assert!(report.offers.len() <= report.records);
            }
        }
    }

    fn csv_with_rows(rows: &[String]) -> String {
        let header = FIELDS.iter().map(|f| f.name).collect::<Vec<_>>().join(",");
        let mut text = header;
        for row in rows {
            text.push('\n');
            text.push_str(row);
        }
        text.push('\n');
        text
    }

    /// One CSV row of the sample with some cells replaced.
    fn row(slug: &str, replace: &[(&str, &str)]) -> String {
        let mut offer = sample();
        offer.slug = slug.to_owned();
        let text = to_csv(&[offer]).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let record = reader.records().next().unwrap().unwrap();
        let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
        for (name, value) in replace {
            let i = FIELDS.iter().position(|f| f.name == *name).unwrap();
            cells[i] = (*value).to_owned();
        }
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        writer.write_record(cells).unwrap();
        String::from_utf8(writer.into_inner().unwrap())
            .unwrap()
            .trim_end()
            .to_owned()
    }

    #[test]
    fn a_csv_with_bad_rows_keeps_the_good_ones_and_reports_each_bad_one() {
        let rows = vec![
            row("gut-eins", &[]),                                          // line 2
            row("falsche-art", &[("funding_types", "zuschuss;geschenk")]), // line 3
            row("ohne-titel", &[("title", "")]),                           // line 4
            row("kein-datum", &[("last_checked", "31.12.2026")]),          // line 5
            "zu-kurz,redaktion".to_owned(),                                // line 6
            row("gut-zwei", &[("body", "Zwei\nZeilen")]),                  // lines 7-8
            row("unbekannter-kreis", &[("regions", "99999")]),             // line 9
            row("gut-eins", &[]),                                          // line 10
            row("betrag", &[("amount_max_eur", "100.000 €")]),             // line 11
            row("stufe", &[("tiers", "klein|50|60000")]),                  // line 12
            row("nicht-offen", &[("programme_end", "2025-12-31")]),        // line 13
            row("kreis-als-name", &[("regions", "Erzgebirgskreis")]),      // line 14
        ];
        let report = from_csv(&csv_with_rows(&rows), today()).unwrap();
        assert_eq!(report.records, 12);
        let kept: Vec<&str> = report.offers.iter().map(|o| o.slug.as_str()).collect();
        assert_eq!(kept, vec!["gut-eins", "gut-zwei"]);
        let found: Vec<(u64, Option<&str>, &str)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_deref(), p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (3, Some("funding_types"), "funding-import-invalid"),
                (4, Some("title"), "funding-import-missing"),
                (5, Some("last_checked"), "funding-import-invalid"),
                (6, None, "funding-import-column-count"),
                (9, Some("regions"), "funding-import-invalid"),
                (10, Some("slug"), "funding-import-duplicate-slug"),
                (11, Some("amount_max_eur"), "funding-import-number"),
                (12, Some("tiers"), "funding-import-tier-parts"),
                (13, Some("status"), "funding-error-open-but-ended"),
                (14, Some("regions"), "funding-import-invalid"),
            ]
        );
        let wrong_kind = &report.problems[0];
        assert_eq!(wrong_kind.slug.as_deref(), Some("falsche-art"));
        assert!(
            wrong_kind.detail.contains("geschenk"),
            "{}",
            wrong_kind.detail
        );
        assert_eq!(
            report.rejected_lines(),
            vec![3, 4, 5, 6, 9, 10, 11, 12, 13, 14]
        );
    }

    #[test]
    fn problem_lines_are_right_with_windows_line_ends_and_multi_line_cells() {
        let rows = vec![
            row("gut-eins", &[("body", "Zwei\nZeilen")]), // lines 2-3
            row("ohne-titel", &[("title", "")]),          // line 4
            row("gut-zwei", &[("body", "Drei\n\nZeilen")]), // lines 5-7
            row("kein-datum", &[("last_checked", "31.12.2026")]), // line 8
        ];
        for ending in ["\n", "\r\n"] {
            let text = csv_with_rows(&rows).replace('\n', ending);
            let report = from_csv(&text, today()).unwrap();
            assert_eq!(report.offers.len(), 2, "{ending:?}");
            assert_eq!(report.rejected_lines(), vec![4, 8], "{ending:?}");
        }
    }

    #[test]
    fn labels_and_foerderdatenbank_wording_are_read_as_slugs() {
        let rows = vec![row(
            "mit-bezeichnungen",
            &[
                ("funding_types", "Zuschuss; Darlehen"),
                ("eligible_groups", "Unternehmen;Verband/Vereinigung"),
                ("status", "Offen"),
                ("regions", " sachsen "),
            ],
        )];
        let report = from_csv(&csv_with_rows(&rows), today()).unwrap();
        assert_eq!(report.problems, vec![]);
        let offer = &report.offers[0];
        assert_eq!(
            offer.funding_types,
            vec![FundingType::Grant, FundingType::Loan]
        );
        assert_eq!(
            offer.eligible_groups,
            vec![EligibleGroup::Company, EligibleGroup::Association]
        );
        let csv = to_csv(&report.offers).unwrap();
        assert!(csv.contains(",zuschuss;darlehen,"), "{csv}");
    }

    #[test]
    fn a_file_that_cannot_be_read_is_an_error_not_a_report() {
        assert!(matches!(
            from_json("{\"schema\": \"dias-funding/1\", \"offers\": [", today()),
            Err(ExchangeError::Json { line: 1, .. })
        ));
        assert_eq!(
            from_json("{\"schema\": \"anderes/2\", \"offers\": []}", today()),
            Err(ExchangeError::Schema("anderes/2".into()))
        );
        assert_eq!(
            from_csv("slug,titel\n", today()),
            Err(ExchangeError::UnknownColumns(vec!["titel".into()]))
        );
        let err = from_csv("slug,title\n", today()).unwrap_err();
        assert!(
            matches!(&err, ExchangeError::MissingColumns(m) if m.contains(&"origin".to_owned()))
        );
        assert_eq!(
            from_csv("slug,slug\n", today()),
            Err(ExchangeError::DuplicateColumn("slug".into()))
        );
    }

    #[test]
    fn json_problems_carry_the_line_of_their_record() {
        let mut good = sample();
        good.slug = "gut".into();
        let mut bad = sample();
        bad.slug = "schlecht".into();
        let json = to_json(&[good.clone(), bad]).unwrap();
        let json = json.replacen(
            "\"slug\": \"schlecht\"",
            "\"slug\": \"schlecht\", \"farbe\": \"blau\"",
            1,
        );
        let last_status = json.rfind("\"status\": \"offen\"").unwrap();
        let json = format!(
            "{}\"status\": \"vielleicht\"{}",
            &json[..last_status],
            &json[last_status + "\"status\": \"offen\"".len()..]
        );
        let second_start = json.find("\"slug\": \"schlecht\"").unwrap();
        let expected_line = json[..second_start].matches('\n').count() as u64; // the `{` line
        let report = from_json(&json, today()).unwrap();
        assert_eq!(report.offers, vec![good]);
        let found: Vec<(u64, Option<&str>, &str)> = report
            .problems
            .iter()
            .map(|p| (p.line, p.field.as_deref(), p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            vec![
                (expected_line, Some("farbe"), "funding-import-unknown-field"),
                (expected_line, Some("status"), "funding-import-invalid"),
            ]
        );
        // A bare array works too, and a record that is no object is named.
        let report = from_json("[\n  {\"slug\": 1},\n  \"kein Objekt\"\n]", today()).unwrap();
        assert_eq!(report.problems.last().map(|p| p.line), Some(3));
        assert_eq!(
            report.problems.last().map(|p| p.message.as_str()),
            Some("funding-import-not-an-object")
        );
        assert!(
            report
                .problems
                .iter()
                .any(|p| p.line == 2 && p.field.as_deref() == Some("slug"))
        );
    }

    #[test]
    fn element_lines_skip_brackets_inside_strings() {
        let text = "{\"schema\": \"x\", \"other\": [1,2],\n \"offers\": [\n {\"a\": \"[,]\"},\n\n {\"b\": [1, {\"c\": 2}]}\n]}";
        assert_eq!(element_lines(text), vec![3, 5]);
        assert_eq!(element_lines("[]"), Vec::<u64>::new());
        assert_eq!(element_lines("[\n1,\n2]"), vec![2, 3]);
    }

    #[test]
    fn windows_line_ends_and_a_byte_order_mark_are_accepted() {
        let csv = to_csv(&[sample()]).unwrap();
        let with_bom = format!("\u{feff}{csv}");
        let report = from_csv(&with_bom, today()).unwrap();
        assert_eq!(report.offers, vec![sample()]);
        let mut offer = sample();
        offer.body = "eins\r\nzwei\r\n".into();
        let csv = to_csv(&[offer]).unwrap();
        let report = from_csv(&csv, today()).unwrap();
        assert_eq!(report.offers[0].body, "eins\nzwei");
    }
}
