//! `dias broadband evaluate`: a market survey (Markterkundungsverfahren)
//! evaluated from two CSV files into four result files, without a
//! database — for consultants, for checking a web result and for the
//! benchmark against DuckDB (`bench/mev.sh`).

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use dias_mev::evaluate::MAX_HORIZON_YEARS;
use dias_mev::{Date, InputFile, RuleSet, RuleSets, Status, Survey, output};

#[derive(Subcommand)]
pub enum BroadbandCommand {
    /// Evaluate a market survey (MEV): ADDRESSES.csv and RESPONSES.csv in, per-address
    /// status, per-municipality table, protocol and rejected rows out (four CSV files in
    /// --out). Built-in rule sets: nga-30, gigabit-1.0, gigabit-2.0, eu-2023.
    Evaluate(EvaluateArgs),
}

#[derive(Args)]
pub struct EvaluateArgs {
    /// Addresses CSV with the columns address_id, ags8, street, house_number, postcode,
    /// place, lat, lon, usage, households, businesses.
    #[arg(long, value_name = "ADDRESSES.csv")]
    pub addresses: PathBuf,
    /// Operator responses CSV with the columns address_id, operator, technology, down_mbps,
    /// up_mbps, kind, planned_date, milestone_plan.
    #[arg(long, value_name = "RESPONSES.csv")]
    pub responses: PathBuf,
    /// Rule set id (nga-30, gigabit-1.0, gigabit-2.0, eu-2023, or the id in --rule-file).
    #[arg(long, value_name = "ID", required_unless_present = "rule_file")]
    pub rule_set: Option<String>,
    /// Start of the survey; plans count up to start + horizon.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub survey_start: Date,
    /// Years within which a planned offer counts.
    #[arg(long, value_name = "YEARS", default_value_t = 3,
          value_parser = clap::value_parser!(i16).range(0..=i64::from(MAX_HORIZON_YEARS)))]
    pub horizon_years: i16,
    /// Own rule set as JSON (same shape as the built-in ones); adds a rule set or
    /// replaces the built-in one of the same id.
    #[arg(long, value_name = "OWN.json")]
    pub rule_file: Option<PathBuf>,
    /// Output directory (created if missing; the four files in it are overwritten).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

fn parse_date(s: &str) -> Result<Date, String> {
    let valid_shape = s.len() == 10
        && s.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !valid_shape {
        return Err("expected a date YYYY-MM-DD".into());
    }
    s.parse::<Date>()
        .map_err(|_| format!("{s} is not a valid date"))
}

pub fn run(command: &BroadbandCommand) -> anyhow::Result<()> {
    match command {
        BroadbandCommand::Evaluate(args) => evaluate(args),
    }
}

/// Plain lines on stderr, one per finished phase; a byte progress bar
/// while reading when stderr is a terminal (never in logs or pipes).
struct Progress {
    started: Instant,
    terminal: bool,
}

impl Progress {
    fn phase(&self, message: std::fmt::Arguments<'_>) {
        eprintln!(
            "[{:>6.1} s] {message}",
            self.started.elapsed().as_secs_f64()
        );
    }

    fn reader(&self, path: &Path, file: File) -> Box<dyn Read> {
        if !self.terminal {
            return Box::new(file);
        }
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        let bar = indicatif::ProgressBar::new(size);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(format!("lese {}", path.display()));
        Box::new(Reading { inner: file, bar })
    }
}

struct Reading {
    inner: File,
    bar: indicatif::ProgressBar,
}

impl Read for Reading {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bar.inc(n as u64);
        Ok(n)
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

fn open(path: &Path, flag: &str) -> anyhow::Result<File> {
    let file =
        File::open(path).with_context(|| format!("{flag} {}: nicht lesbar", path.display()))?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        bail!(
            "{flag} {}: ist ein Verzeichnis, keine Datei",
            path.display()
        );
    }
    Ok(file)
}

/// A whole-file error with the file named; a broken header is line 1.
fn input_error(path: &Path, error: dias_mev::InputError) -> anyhow::Error {
    match error {
        dias_mev::InputError::MissingColumns { .. }
        | dias_mev::InputError::DuplicateColumn { .. } => {
            anyhow::anyhow!("{}:1: {error}", path.display())
        }
        other => anyhow::anyhow!("{}: {other}", path.display()),
    }
}

fn rule_set(args: &EvaluateArgs) -> anyhow::Result<RuleSet> {
    let mut sets = RuleSets::built_in().context("eingebaute Regelwerke")?;
    let mut own_id = None;
    if let Some(path) = &args.rule_file {
        let own =
            RuleSet::from_file(path).with_context(|| format!("--rule-file {}", path.display()))?;
        own_id = Some(own.id.clone());
        sets.replace(own);
    }
    let id = match (&args.rule_set, own_id) {
        (Some(id), _) => id.clone(),
        (None, Some(id)) => id,
        (None, None) => bail!("--rule-set fehlt"),
    };
    match sets.get(&id) {
        Ok(set) => Ok(set.clone()),
        Err(_) => {
            let known: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
            bail!(
                "--rule-set {id:?}: unbekanntes Regelwerk (bekannt: {})",
                known.join(", ")
            )
        }
    }
}

fn create(dir: &Path, name: &str) -> anyhow::Result<(PathBuf, BufWriter<File>)> {
    let path = dir.join(name);
    let file =
        File::create(&path).with_context(|| format!("{}: nicht schreibbar", path.display()))?;
    Ok((path, BufWriter::with_capacity(1 << 20, file)))
}

fn write_error(path: &Path, error: std::io::Error) -> anyhow::Error {
    anyhow::Error::new(error).context(format!("{}: Schreiben fehlgeschlagen", path.display()))
}

fn write_file(
    dir: &Path,
    name: &str,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let (path, mut out) = create(dir, name)?;
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(|e| write_error(&path, e))
}

fn evaluate(args: &EvaluateArgs) -> anyhow::Result<()> {
    let progress = Progress {
        started: Instant::now(),
        terminal: std::io::stderr().is_terminal(),
    };
    // Everything that can be wrong with the arguments is found before the
    // long read starts.
    let rule_set = rule_set(args)?;
    let survey = Survey {
        rule_set: &rule_set,
        start: args.survey_start,
        horizon_years: args.horizon_years,
    };
    survey
        .horizon_end()
        .map_err(|e| anyhow::anyhow!("--horizon-years: {e}"))?;
    let address_file = open(&args.addresses, "--addresses")?;
    let response_file = open(&args.responses, "--responses")?;
    if args.out.exists() && !args.out.is_dir() {
        bail!("--out {}: ist kein Verzeichnis", args.out.display());
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("--out {}: Verzeichnis nicht anlegbar", args.out.display()))?;
    if !rule_set.in_force_on(args.survey_start) {
        eprintln!(
            "Hinweis: Regelwerk {} ({}) galt am {} nicht.",
            rule_set.id, rule_set.name, args.survey_start
        );
    }

    let (addresses, mut rejected) =
        dias_mev::read_addresses(progress.reader(&args.addresses, address_file))
            .map_err(|e| input_error(&args.addresses, e))?;
    progress.phase(format_args!(
        "Adressen gelesen: {} gültig, {} abgelehnt",
        group(addresses.len() as u64),
        group(rejected.len() as u64)
    ));
    let (responses, response_rejected) = dias_mev::read_responses(
        progress.reader(&args.responses, response_file),
        &addresses,
        args.survey_start,
    )
    .map_err(|e| input_error(&args.responses, e))?;
    progress.phase(format_args!(
        "Rückmeldungen gelesen: {} gültig, {} abgelehnt",
        group(responses.kept() as u64),
        group(response_rejected.len() as u64)
    ));
    rejected.extend(response_rejected);

    // Evaluated, counted and written in one pass: the two large files are
    // written while later addresses are still being evaluated.
    let (addresses_path, mut addresses_out) = create(&args.out, "addresses.csv")?;
    let (protocol_path, mut protocol_out) = create(&args.out, "protocol.csv")?;
    let written = output::evaluate_and_write(
        &addresses,
        &responses,
        &survey,
        &mut addresses_out,
        &mut protocol_out,
    )
    .map_err(|e| match e {
        output::EvaluateWriteError::Evaluate(e) => anyhow::anyhow!("--horizon-years: {e}"),
        output::EvaluateWriteError::Addresses(e) => write_error(&addresses_path, e),
        output::EvaluateWriteError::Protocol(e) => write_error(&protocol_path, e),
    })?;
    addresses_out
        .flush()
        .map_err(|e| write_error(&addresses_path, e))?;
    protocol_out
        .flush()
        .map_err(|e| write_error(&protocol_path, e))?;
    let aggregates = written.aggregates;
    progress.phase(format_args!(
        "ausgewertet ({}, Stichtag {} + {} Jahre): {} Gemeinden, {} Protokollzeilen",
        rule_set.id,
        args.survey_start,
        args.horizon_years,
        group(aggregates.municipalities.len() as u64),
        group(written.protocol_rows as u64)
    ));
    write_file(&args.out, "municipalities.csv", |w| {
        output::write_municipalities(w, &aggregates)
    })?;
    write_file(&args.out, "rejected_rows.csv", |w| {
        output::write_rejected(w, &rejected)
    })?;
    progress.phase(format_args!("geschrieben: {}", args.out.display()));

    let project = aggregates.project();
    let count = |s: Status| group(project.by_status[s.index()].addresses);
    let rejected_in = |f: InputFile| group(rejected.iter().filter(|r| r.file == f).count() as u64);
    let mut stdout = std::io::stdout().lock();
    writeln!(
        stdout,
        "{} Adressen: {} versorgt, {} eigenwirtschaftlich geplant, {} förderfähig ({:.1} %); \
         abgelehnte Zeilen: {} Adressen, {} Rückmeldungen; {:.1} s → {}",
        group(addresses.len() as u64),
        count(Status::Supplied),
        count(Status::Planned),
        count(Status::Eligible),
        project.eligible_share() * 100.0,
        rejected_in(InputFile::Addresses),
        rejected_in(InputFile::Responses),
        progress.started.elapsed().as_secs_f64(),
        args.out.display()
    )?;
    Ok(())
}

/// 1234567 → "1 234 567" (German thousands separator, a space that reads
/// in any terminal).
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}
