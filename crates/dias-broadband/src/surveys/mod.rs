//! Market-survey procedures (Markterkundungsverfahren, MEV) around the
//! `dias-mev` engine: the rules of a procedure (deadline, late uploads,
//! state), the checks of the uploaded files and, in [`store`], their
//! tables; [`evaluation`] is the background job that runs the engine and
//! stores a versioned result.
//!
//! Files go through the engine's readers, so a row the web app accepts is
//! a row the CLI accepts. The kept rows are written again in the engine's
//! columns (the *accepted* file), and an evaluation concatenates the
//! accepted files of the latest timely upload of each invited operator:
//! the protocol's line numbers then refer to that combined file, which is
//! stored with the result.

pub(crate) mod demo;
pub mod evaluation;
pub mod personal;
pub mod reasons;
pub mod store;

use std::collections::HashSet;
use std::io::Write;

use dias_core::validation::FieldErrors;
use dias_mev::input::{InputError, Kind};
use dias_mev::{Addresses, Date, RuleSets};
use serde::{Deserialize, Serialize};

/// The response deadline lies at least this many days after the start
/// (spec: ≥ 8 weeks).
pub const MIN_RESPONSE_DAYS: i64 = 8 * 7;
/// Horizon of self-financed plans in years (Gigabit-RL: 3).
pub const DEFAULT_HORIZON_YEARS: i16 = 3;
pub const DEFAULT_RULE_SET: &str = "gigabit-2.0";
/// Largest address or responses file a form accepts.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// The built-in rule sets offered in the form, oldest first.
pub const RULE_SETS: [&str; 4] = ["nga-30", "gigabit-1.0", "gigabit-2.0", "eu-2023"];

/// The first allowed response deadline for a start date.
pub fn earliest_deadline(start: Date) -> Date {
    start
        .checked_add(jiff::Span::new().days(MIN_RESPONSE_DAYS))
        .unwrap_or(start)
}

/// Whether operators get their eight weeks.
pub fn deadline_ok(start: Date, deadline: Date) -> bool {
    deadline >= earliest_deadline(start)
}

/// An upload on `day` is late (verspätet) when the deadline day is over.
pub fn is_late(deadline: Date, day: Date) -> bool {
    day > deadline
}

/// Where a procedure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Operators may answer (before or on the deadline).
    Open,
    /// The deadline has passed, no evaluation yet.
    DeadlinePassed,
    /// An evaluation job is queued or running.
    Evaluating,
    /// At least one result is stored (and no job runs).
    Evaluated,
}

impl State {
    pub fn of(deadline: Date, today: Date, job_running: bool, results: usize) -> State {
        if job_running {
            State::Evaluating
        } else if results > 0 {
            State::Evaluated
        } else if today > deadline {
            State::DeadlinePassed
        } else {
            State::Open
        }
    }

    /// Message id of the state's name.
    pub fn message(self) -> &'static str {
        match self {
            State::Open => "broadband-surveys-state-open",
            State::DeadlinePassed => "broadband-surveys-state-deadline-passed",
            State::Evaluating => "broadband-surveys-state-evaluating",
            State::Evaluated => "broadband-surveys-state-evaluated",
        }
    }

    /// CSS modifier of the state's badge.
    pub fn badge(self) -> &'static str {
        match self {
            State::Open => "ok",
            State::DeadlinePassed => "warn",
            State::Evaluating => "muted",
            State::Evaluated => "ok",
        }
    }
}

/// An evaluation before the deadline needs the manager's explicit choice.
pub fn early_needs_confirmation(deadline: Date, today: Date) -> bool {
    today <= deadline
}

/// What the form to open a procedure holds (kept when shown again).
#[derive(Debug, Clone, Default)]
pub struct NewSurveyInput {
    pub title: String,
    /// AGS-8 codes chosen (checkboxes) or typed.
    pub areas: Vec<String>,
    pub rule_set: String,
    pub start: String,
    pub deadline: String,
    pub horizon: String,
    /// `datei` (uploaded address file) or `synthetisch`.
    pub source: String,
    /// Operators to invite.
    pub operators: Vec<i64>,
}

/// A checked procedure, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSurvey {
    pub title: String,
    pub areas: Vec<String>,
    pub rule_set: String,
    pub start: Date,
    pub deadline: Date,
    pub horizon_years: i16,
    pub synthetic: bool,
}

/// Checks the form. `today` is the current day in Berlin (a procedure
/// cannot start in the past: uploads would be late before they were
/// possible and the horizon would be counted from a past day).
/// `may_manage` says whether the account may manage every
/// Gemeinde of the chosen area (staff always; a member through its
/// memberships); `known` whether an AGS-8 is a Saxon Gemeinde.
pub fn validate_new(
    input: &NewSurveyInput,
    today: Date,
    rule_sets: &RuleSets,
    known: impl Fn(&str) -> bool,
    may_manage: impl Fn(&[String]) -> bool,
) -> Result<NewSurvey, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = input.title.trim().to_owned();
    if title.is_empty() {
        errors.add("titel", "broadband-surveys-error-title");
    } else if title.chars().count() > 200 {
        errors.add("titel", "broadband-surveys-error-title-long");
    }
    let mut areas: Vec<String> = input.areas.iter().map(|a| a.trim().to_owned()).collect();
    areas.sort();
    areas.dedup();
    if areas.is_empty() {
        errors.add("gebiet", "broadband-surveys-error-area");
    } else if !areas.iter().all(|a| known(a)) {
        errors.add("gebiet", "broadband-surveys-error-area-unknown");
    } else if !may_manage(&areas) {
        errors.add("gebiet", "broadband-surveys-error-area-not-member");
    }
    let start = crate::dates::parse_date_input(&input.start);
    match start {
        None => errors.add("beginn", "broadband-surveys-error-start"),
        Some(s) if s < today => errors.add("beginn", "broadband-surveys-error-start-past"),
        Some(_) => {}
    }
    let deadline = crate::dates::parse_date_input(&input.deadline);
    match (start, deadline) {
        (_, None) => errors.add("frist", "broadband-surveys-error-deadline"),
        (Some(s), Some(d)) if !deadline_ok(s, d) => {
            errors.add("frist", "broadband-surveys-error-deadline-short")
        }
        _ => {}
    }
    let horizon_years = match input.horizon.trim().parse::<i16>() {
        Ok(h) if (1..=dias_mev::evaluate::MAX_HORIZON_YEARS).contains(&h) => h,
        _ => {
            errors.add("horizont", "broadband-surveys-error-horizon");
            DEFAULT_HORIZON_YEARS
        }
    };
    let rule_set = input.rule_set.trim().to_owned();
    match rule_sets.get(&rule_set) {
        Err(_) => errors.add("regelwerk", "broadband-surveys-error-rule-set"),
        Ok(set) => {
            if let Some(s) = start
                && !set.in_force_on(s)
            {
                errors.add("regelwerk", "broadband-surveys-error-rule-set-not-in-force");
            }
        }
    }
    let synthetic = match input.source.as_str() {
        "synthetisch" => true,
        "datei" => false,
        _ => {
            errors.add("quelle", "broadband-surveys-error-source");
            false
        }
    };
    errors.into_result()?;
    match (start, deadline) {
        (Some(start), Some(deadline)) => Ok(NewSurvey {
            title,
            areas,
            rule_set,
            start,
            deadline,
            horizon_years,
            synthetic,
        }),
        _ => Err(FieldErrors::single(
            "beginn",
            "broadband-surveys-error-start",
        )),
    }
}

/// A rejected row of an uploaded file, as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub line: u64,
    pub reason: String,
}

/// Whether a file's header is separated by semicolons (German Excel saves
/// „CSV (Trennzeichen-getrennt)“ so); the engine reads commas only.
pub fn semicolon_separated(data: &[u8]) -> bool {
    let end = data.iter().position(|&b| b == b'\n').unwrap_or(data.len());
    let header = &data[..end.min(4096)];
    let count = |c: u8| header.iter().filter(|&&b| b == c).count();
    count(b';') > 0 && count(b';') > count(b',')
}

/// An engine message about a whole file without its internal file prefix
/// („responses: …“).
pub fn file_message(message: &str) -> &str {
    message
        .strip_prefix("responses: ")
        .or_else(|| message.strip_prefix("addresses: "))
        .unwrap_or(message)
}

/// How many rejected rows a report keeps for the pages; the complete list
/// is a CSV file of its own (a file of a million bad rows must not become
/// a million-row JSON value loaded with the procedure).
pub const REPORT_ROWS_SHOWN: usize = 1000;

/// The rejected rows of a file as stored with it: the first
/// [`REPORT_ROWS_SHOWN`] rows and the total.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub total: u64,
    pub rows: Vec<RowProblem>,
}

impl Report {
    pub fn of(problems: &[RowProblem]) -> Report {
        Report {
            total: problems.len() as u64,
            rows: problems.iter().take(REPORT_ROWS_SHOWN).cloned().collect(),
        }
    }

    /// Rows counted but not kept.
    pub fn more(&self) -> u64 {
        self.total.saturating_sub(self.rows.len() as u64)
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }
}

/// The complete list of rejected rows as CSV (`line,reason`), stored
/// unguarded because the evaluation reads it again; downloads guard it.
pub fn rejected_csv(problems: &[RowProblem]) -> Vec<u8> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let _ = out.write_record(["line", "reason"]);
    for p in problems {
        let _ = out.write_record([p.line.to_string().as_str(), p.reason.as_str()]);
    }
    out.into_inner().unwrap_or_default()
}

/// Reads [`rejected_csv`] back.
pub fn read_rejected_csv(data: &[u8]) -> Vec<RowProblem> {
    csv::Reader::from_reader(data)
        .records()
        .flatten()
        .filter_map(|r| {
            Some(RowProblem {
                line: r.get(0)?.parse().ok()?,
                reason: r.get(1)?.to_owned(),
            })
        })
        .collect()
}

/// A CSV file one party wrote, made safe for another party's spreadsheet:
/// every text field that a spreadsheet would read as a formula is guarded.
pub fn guard_csv(data: &[u8]) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut out = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::with_capacity(data.len() + data.len() / 16));
    for record in reader.records().flatten() {
        let fields: Vec<String> = record
            .iter()
            .map(|f| {
                // Numbers stay numbers (a negative one is no formula).
                if f.parse::<f64>().is_ok() {
                    f.to_owned()
                } else {
                    dias_web::table::guard_formula(f).into_owned()
                }
            })
            .collect();
        let _ = out.write_record(&fields);
    }
    out.into_inner().unwrap_or_default()
}

/// The address file of a procedure after the checks.
#[derive(Debug)]
pub struct AddressCheck {
    /// The kept rows in the columns of the spec (header first).
    pub kept: Vec<u8>,
    pub count: usize,
    pub rejected: Vec<RowProblem>,
}

/// Columns of an address file, in the spec's order.
const ADDRESS_COLUMNS: [&str; 11] = [
    "address_id",
    "ags8",
    "street",
    "house_number",
    "postcode",
    "place",
    "lat",
    "lon",
    "usage",
    "households",
    "businesses",
];

/// Reads an address file with the engine and rejects, besides the
/// engine's rejections, every address outside `area` (AGS-8 codes).
///
/// The error of a file that cannot be read at all is the engine's message.
pub fn check_addresses(data: &[u8], area: &[String]) -> Result<AddressCheck, String> {
    let (addresses, rejected) = dias_mev::read_addresses(data).map_err(|e| e.to_string())?;
    let mut problems: Vec<RowProblem> = rejected
        .into_iter()
        .map(|r| RowProblem {
            line: r.line,
            reason: r.reason,
        })
        .collect();
    let mut kept: HashSet<&str> = HashSet::with_capacity(addresses.len());
    for a in 0..addresses.len() {
        let ags8 = format!("{:08}", addresses.ags8[a]);
        if area.contains(&ags8) {
            // Address count fits u32 (checked when reading).
            kept.insert(addresses.id(a as u32));
        } else {
            problems.push(RowProblem {
                line: u64::from(addresses.line[a]),
                reason: format!("Adresse liegt außerhalb des Gebiets (AGS {ags8})"),
            });
        }
    }
    problems.sort_by_key(|p| p.line);
    // The engine keeps only the columns it evaluates; the kept file needs
    // all of them (street and house number go into the eligible list).
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(data);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| e.to_string())?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase())
        .collect();
    let positions: Vec<Option<usize>> = ADDRESS_COLUMNS
        .iter()
        .map(|c| headers.iter().position(|h| h == c))
        .collect();
    let mut out = csv::Writer::from_writer(Vec::new());
    let write_err = |e: csv::Error| e.to_string();
    out.write_record(ADDRESS_COLUMNS).map_err(write_err)?;
    let mut written: HashSet<String> = HashSet::with_capacity(kept.len());
    for record in reader.records() {
        let Ok(record) = record else { continue };
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("");
        let id = field(positions[0]);
        if kept.contains(id) && !written.contains(id) {
            written.insert(id.to_owned());
            out.write_record(positions.iter().map(|p| field(*p)))
                .map_err(write_err)?;
        }
    }
    let kept_bytes = out.into_inner().map_err(|e| e.to_string())?;
    Ok(AddressCheck {
        kept: kept_bytes,
        count: written.len(),
        rejected: problems,
    })
}

/// An operator's responses file after the checks.
#[derive(Debug)]
pub struct ResponseCheck {
    /// The accepted rows in the engine's columns (header first).
    pub accepted: Vec<u8>,
    pub total: usize,
    pub accepted_rows: usize,
    pub rejected: Vec<RowProblem>,
    /// For each accepted row, its line in the uploaded file (the protocol
    /// names that line, which the operator knows, not the line of the
    /// combined file).
    pub lines: Vec<u64>,
}

/// Reads an operator's responses with the engine against the procedure's
/// addresses; rows that answer for another operator than `operator` are
/// rejected too (an account answers only for its own company).
pub fn check_responses(
    data: &[u8],
    addresses: &Addresses,
    start: Date,
    operator: &str,
) -> Result<ResponseCheck, InputError> {
    let (responses, rejected) = dias_mev::read_responses(data, addresses, start)?;
    let rejected_lines: HashSet<u64> = rejected.iter().map(|r| r.line).collect();
    let mut problems: Vec<RowProblem> = rejected
        .into_iter()
        .map(|r| RowProblem {
            line: r.line,
            reason: r.reason,
        })
        .collect();
    let mut out = Vec::with_capacity(data.len());
    out.extend_from_slice(dias_mev::synthetic::RESPONSES_HEADER.as_bytes());
    out.push(b'\n');
    let mut accepted = 0;
    let mut lines = Vec::new();
    for i in 0..responses.len() {
        let line = u64::from(responses.line[i]);
        if rejected_lines.contains(&line) {
            continue;
        }
        // Rows fit u32 (checked when reading).
        let row = i as u32;
        let name = responses.operator_name(row);
        if name != operator {
            problems.push(RowProblem {
                line,
                reason: format!(
                    "operator {name:?} ist nicht das Unternehmen dieses Kontos ({operator:?})"
                ),
            });
            continue;
        }
        accepted += 1;
        lines.push(line);
        write_response_row(&mut out, addresses, &responses, i, operator);
    }
    problems.sort_by_key(|p| p.line);
    Ok(ResponseCheck {
        accepted: out,
        total: accepted + problems.len(),
        accepted_rows: accepted,
        rejected: problems,
        lines,
    })
}

fn write_response_row(
    out: &mut Vec<u8>,
    addresses: &Addresses,
    r: &dias_mev::Responses,
    i: usize,
    operator: &str,
) {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    let date = r.planned_date[i].map(|d| d.to_string()).unwrap_or_default();
    let record = [
        addresses.id(r.address[i]).to_owned(),
        operator.to_owned(),
        r.technology[i].as_str().to_owned(),
        r.down[i].to_string(),
        r.up[i].to_string(),
        match r.kind[i] {
            Kind::Current => "current".to_owned(),
            Kind::Planned => "planned".to_owned(),
        },
        date,
        if r.milestone_plan[i] { "yes" } else { "no" }.to_owned(),
    ];
    if w.write_record(&record).is_ok()
        && let Ok(bytes) = w.into_inner()
    {
        let _ = out.write_all(&bytes);
    }
}

/// The line map of an upload as stored: one number a line.
pub fn lines_text(lines: &[u64]) -> Vec<u8> {
    let mut out = String::with_capacity(lines.len() * 6);
    for l in lines {
        out.push_str(&l.to_string());
        out.push('\n');
    }
    out.into_bytes()
}

pub fn read_lines_text(data: &[u8]) -> Vec<u64> {
    String::from_utf8_lossy(data)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

/// Concatenates accepted response files (each with the header) into one
/// file with one header; returns it and, per input, the line of the
/// combined file on which its first row stands.
pub fn combine_responses(files: &[&[u8]]) -> (Vec<u8>, Vec<u64>) {
    let mut out = Vec::new();
    out.extend_from_slice(dias_mev::synthetic::RESPONSES_HEADER.as_bytes());
    out.push(b'\n');
    let mut line = 2u64;
    let mut starts = Vec::with_capacity(files.len());
    for file in files {
        starts.push(line);
        let body = match file.iter().position(|&b| b == b'\n') {
            Some(end) => &file[end + 1..],
            None => &[][..],
        };
        out.extend_from_slice(body);
        if !body.is_empty() && !body.ends_with(b"\n") {
            out.push(b'\n');
        }
        line += body.iter().filter(|&&b| b == b'\n').count() as u64;
        if !body.is_empty() && !body.ends_with(b"\n") {
            line += 1;
        }
    }
    (out, starts)
}

/// The next version number after the stored ones.
pub fn next_version(existing: impl IntoIterator<Item = i32>) -> i32 {
    existing.into_iter().max().unwrap_or(0) + 1
}

/// Most addresses a synthetic list gets: enough for a large town, small
/// enough that opening a procedure for Dresden and Leipzig together stays
/// a matter of seconds.
pub const MAX_SYNTHETIC_ADDRESSES: u64 = 100_000;

/// Synthetic addresses (SYNTHETISCH) for the Gemeinden of an area from the
/// shipped reference data, at their natural number (households ≈
/// population / 2, at most [`MAX_SYNTHETIC_ADDRESSES`]), seeded by the
/// area so the same area gets the same list.
pub fn synthetic_addresses(area: &[String], start: Date, horizon: i16) -> Result<Vec<u8>, String> {
    let all = dias_mev::synthetic::read_municipalities(
        dias_core::reference::MUNICIPALITIES_CSV.as_bytes(),
    )
    .map_err(|e| e.to_string())?;
    let chosen: Vec<_> = all.into_iter().filter(|m| area.contains(&m.ags8)).collect();
    if chosen.is_empty() {
        return Err("no municipality of the area in the reference data".into());
    }
    let count =
        dias_mev::synthetic::natural_address_count(&chosen).clamp(1, MAX_SYNTHETIC_ADDRESSES);
    let seed = area
        .iter()
        .flat_map(|a| a.bytes())
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
    let config = dias_mev::synthetic::SyntheticConfig {
        addresses: count,
        seed,
        survey_start: start,
        horizon_years: horizon,
    };
    let mut addresses = Vec::new();
    dias_mev::synthetic::generate(&chosen, &config, &mut addresses, std::io::sink())
        .map_err(|e| e.to_string())?;
    Ok(addresses)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn the_deadline_is_at_least_eight_weeks_after_the_start() {
        assert_eq!(earliest_deadline(d("2026-01-01")), d("2026-02-26"));
        assert!(deadline_ok(d("2026-01-01"), d("2026-02-26")));
        assert!(!deadline_ok(d("2026-01-01"), d("2026-02-25")));
        assert!(deadline_ok(d("2026-01-01"), d("2026-06-30")));
    }

    #[test]
    fn an_upload_is_late_only_after_the_deadline_day() {
        assert!(!is_late(d("2026-03-01"), d("2026-03-01")));
        assert!(is_late(d("2026-03-01"), d("2026-03-02")));
        assert!(!is_late(d("2026-03-01"), d("2026-01-02")));
    }

    #[test]
    fn state_follows_deadline_job_and_results() {
        let deadline = d("2026-03-01");
        assert_eq!(State::of(deadline, d("2026-02-01"), false, 0), State::Open);
        assert_eq!(
            State::of(deadline, d("2026-03-02"), false, 0),
            State::DeadlinePassed
        );
        assert_eq!(
            State::of(deadline, d("2026-03-02"), true, 1),
            State::Evaluating
        );
        assert_eq!(
            State::of(deadline, d("2026-02-02"), false, 2),
            State::Evaluated
        );
        assert!(early_needs_confirmation(deadline, d("2026-03-01")));
        assert!(!early_needs_confirmation(deadline, d("2026-03-02")));
    }

    #[test]
    fn formulas_are_guarded_and_numbers_kept() {
        let data = b"address_id,street,lat\nA1,=HYPERLINK(\"x\"),-12.5\nA2,\"+49 351\",50\n";
        let text = String::from_utf8(guard_csv(data)).unwrap_or_default();
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains("'+49 351"), "{text}");
        assert!(text.contains(",-12.5"), "{text}");
    }

    #[test]
    fn semicolon_files_are_recognised_and_prefixes_dropped() {
        assert!(semicolon_separated(
            b"address_id;operator;technology\nA1;X;FTTH\n"
        ));
        assert!(!semicolon_separated(
            b"address_id,operator,technology\nA1,X;Y,FTTH\n"
        ));
        assert!(!semicolon_separated(b""));
        assert_eq!(
            file_message("responses: Pflichtspalten fehlen"),
            "Pflichtspalten fehlen"
        );
        assert_eq!(file_message("etwas"), "etwas");
    }

    #[test]
    fn versions_count_up_from_one() {
        assert_eq!(next_version([]), 1);
        assert_eq!(next_version([1, 3, 2]), 4);
    }

    fn input() -> NewSurveyInput {
        NewSurveyInput {
            title: "MEV Amtsberg".into(),
            areas: vec!["14521010".into()],
            rule_set: "gigabit-2.0".into(),
            start: "2026-01-05".into(),
            deadline: "2026-03-02".into(),
            horizon: "3".into(),
            source: "synthetisch".into(),
            operators: vec![],
        }
    }

    #[test]
    fn a_new_survey_is_checked_field_by_field() {
        let sets = RuleSets::built_in().unwrap_or_else(|e| panic!("{e}"));
        let ok = validate_new(&input(), d("2026-01-05"), &sets, |_| true, |_| true)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(ok.horizon_years, 3);
        assert!(ok.synthetic);
        let mut short = input();
        short.deadline = "2026-03-01".into();
        let errors = validate_new(&short, d("2026-01-05"), &sets, |_| true, |_| true).unwrap_err();
        assert_eq!(
            errors.get("frist"),
            Some("broadband-surveys-error-deadline-short")
        );
        let mut old = input();
        old.rule_set = "nga-30".into();
        let errors = validate_new(&old, d("2026-01-05"), &sets, |_| true, |_| true).unwrap_err();
        assert_eq!(
            errors.get("regelwerk"),
            Some("broadband-surveys-error-rule-set-not-in-force")
        );
        let errors =
            validate_new(&input(), d("2026-01-05"), &sets, |_| true, |_| false).unwrap_err();
        assert_eq!(
            errors.get("gebiet"),
            Some("broadband-surveys-error-area-not-member")
        );
        let errors =
            validate_new(&input(), d("2026-01-06"), &sets, |_| true, |_| true).unwrap_err();
        assert_eq!(
            errors.get("beginn"),
            Some("broadband-surveys-error-start-past")
        );
        let mut german = input();
        german.start = "05.01.2026".into();
        german.deadline = "02.03.2026".into();
        let ok = validate_new(&german, d("2026-01-05"), &sets, |_| true, |_| true)
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(ok.deadline, d("2026-03-02"));
        let mut empty = input();
        empty.title = " ".into();
        empty.areas.clear();
        empty.source = "x".into();
        let errors = validate_new(&empty, d("2026-01-05"), &sets, |_| true, |_| true).unwrap_err();
        for field in ["titel", "gebiet", "quelle"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    const ADDRESSES: &str = "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n\
        A1,14521010,Hauptstraße,1,09439,Amtsberg,50.7,13.0,privat,2,0\n\
        A2,14521020,Dorfstraße,2,09456,Annaberg,50.6,13.0,privat,1,0\n\
        A3,14521010,Schulweg,3,09439,Amtsberg,50.7,13.0,niemand,1,0\n\
        A4,14521010,\"Am Markt, Ecke\",4,09439,Amtsberg,50.7,13.0,gewerblich,0,1\n";

    #[test]
    fn addresses_outside_the_area_are_rejected_rows() {
        let check = check_addresses(ADDRESSES.as_bytes(), &["14521010".to_owned()])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check.count, 2);
        let lines: Vec<u64> = check.rejected.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4]);
        assert!(check.rejected[0].reason.contains("außerhalb"));
        let text = String::from_utf8(check.kept).unwrap_or_default();
        assert!(text.starts_with("address_id,ags8,street"));
        assert!(text.contains("\"Am Markt, Ecke\""));
        assert!(!text.contains("A2"));
    }

    #[test]
    fn responses_of_another_operator_are_rejected_and_the_rest_kept() {
        let check = check_addresses(ADDRESSES.as_bytes(), &["14521010".to_owned()])
            .unwrap_or_else(|e| panic!("{e}"));
        let (addresses, _) =
            dias_mev::read_addresses(check.kept.as_slice()).unwrap_or_else(|e| panic!("{e}"));
        let responses = "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
            A1,Netz AG,FTTH,1000,500,current,,no\n\
            A9,Netz AG,FTTH,1000,500,current,,no\n\
            A4,Andere GmbH,VDSL,100,40,current,,no\n\
            A4,Netz AG,FTTB,500,100,planned,2027-01-01,yes\n\
            A1,Netz AG,FTTH,1000,500,current,,no\n";
        let check = check_responses(responses.as_bytes(), &addresses, d("2026-01-05"), "Netz AG")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(check.accepted_rows, 2);
        assert_eq!(check.total, 5);
        let lines: Vec<u64> = check.rejected.iter().map(|p| p.line).collect();
        assert_eq!(lines, vec![3, 4, 6]);
        assert_eq!(check.lines, vec![2, 5]);
        let text = String::from_utf8(check.accepted).unwrap_or_default();
        assert_eq!(
            text,
            "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
             A1,Netz AG,FTTH,1000,500,current,,no\n\
             A4,Netz AG,FTTB,500,100,planned,2027-01-01,yes\n"
        );
    }

    #[test]
    fn combined_responses_have_one_header_and_known_line_starts() {
        let a = b"h\nr1\nr2\n".as_slice();
        let b = b"h\nr3".as_slice();
        let c = b"h\n".as_slice();
        let (out, starts) = combine_responses(&[a, b, c]);
        let text = String::from_utf8(out).unwrap_or_default();
        assert!(text.ends_with("\nr1\nr2\nr3\n"));
        assert_eq!(starts, vec![2, 4, 5]);
    }

    #[test]
    fn synthetic_addresses_are_capped_for_big_areas() {
        let area = vec!["14612000".to_owned(), "14713000".to_owned()];
        let data = synthetic_addresses(&area, d("2026-01-05"), 3).unwrap_or_default();
        let rows = data.iter().filter(|&&b| b == b'\n').count() as u64;
        assert!(rows <= MAX_SYNTHETIC_ADDRESSES + 1, "{rows}");
        assert!(rows > 1000, "{rows}");
    }

    #[test]
    fn synthetic_addresses_lie_in_the_area() {
        let area = vec!["14521010".to_owned()];
        let data = synthetic_addresses(&area, d("2026-01-05"), 3).unwrap_or_default();
        let check = check_addresses(&data, &area).unwrap_or_else(|e| panic!("{e}"));
        assert!(check.count > 100, "{}", check.count);
        assert!(check.rejected.is_empty());
    }
}
