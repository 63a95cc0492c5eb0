//! The evaluation of a procedure as a background job ([`EVALUATION_JOB`]):
//! it reads the stored address list and the latest timely upload of each
//! operator, runs the engine (read → evaluate → aggregate) off the async
//! runtime, writes the four result files with the engine's writers and
//! stores them with a summary as the next result version.
//!
//! The engine has no notion of late responses; the spec wants them
//! ignored, so a late upload is left out of the input and the summary
//! names it (and the operator's last timely upload, if any, is used).

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use dias_core::jobs::{JobContext, JobHandler};
use dias_mev::input::InputFile;
use dias_mev::output;
use dias_mev::{Date, Rejected, RuleSets, Status, Survey};
use dias_web::table::{Cell, Table};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use serde::{Deserialize, Serialize};

use super::store;
use crate::entities::{broadband_operator, broadband_survey_result, broadband_survey_upload};

/// Job kind of an evaluation.
pub const EVALUATION_JOB: &str = "broadband_mev_evaluation";

/// Steps reported as progress; each step's message is a message id, so
/// the job page shows it in the reader's language.
const STEPS: i64 = 4;

/// How often a running evaluation renews its job lease (the lease of
/// `dias_core::jobs` lasts five minutes).
const HEARTBEAT: std::time::Duration = std::time::Duration::from_secs(60);

/// Counts per status (indexed like `dias_mev::Status::ALL`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub addresses: [u64; 3],
    pub households: [u64; 3],
    pub businesses: [u64; 3],
}

impl StatusCounts {
    fn from_figures(f: &dias_mev::Figures) -> Self {
        let mut c = StatusCounts::default();
        for s in Status::ALL {
            let x = f.by_status[s.index()];
            c.addresses[s.index()] = x.addresses;
            c.households[s.index()] = x.households;
            c.businesses[s.index()] = x.businesses;
        }
        c
    }

    pub fn total(&self) -> u64 {
        self.addresses.iter().sum()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MunicipalityRow {
    pub ags8: String,
    pub name: String,
    pub counts: StatusCounts,
}

/// An upload the evaluation used or left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct UploadRef {
    pub upload_id: i64,
    pub operator: String,
    pub version: i32,
    pub rows: i64,
    /// First line of its rows in the combined responses file (used ones).
    pub first_line: u64,
}

/// What a result version records besides its files.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub rule_set: String,
    pub rule_set_name: String,
    pub start: String,
    pub deadline: String,
    pub horizon_years: i16,
    pub synthetic: bool,
    /// Started before the deadline by the manager's explicit choice.
    pub early: bool,
    pub addresses: u64,
    pub response_rows: u64,
    pub rejected_rows: u64,
    pub protocol_rows: u64,
    pub totals: StatusCounts,
    pub municipalities: Vec<MunicipalityRow>,
    pub used: Vec<UploadRef>,
    /// Uploads left out because they came after the deadline.
    pub late: Vec<UploadRef>,
    /// Invited operators without a usable upload.
    pub silent: Vec<String>,
}

/// The result files and figures of one engine run.
pub struct Computed {
    pub addresses: Vec<u8>,
    pub municipalities: Vec<u8>,
    pub protocol: Vec<u8>,
    pub rejected: Vec<u8>,
    pub totals: StatusCounts,
    pub municipality_rows: Vec<MunicipalityRow>,
    pub addresses_count: u64,
    pub response_rows: u64,
    pub rejected_rows: u64,
    pub protocol_rows: u64,
}

/// Runs the engine over the stored address list and the combined
/// responses; `earlier` are the rejections of the upload checks, listed
/// before the engine's own in the rejected-rows file.
pub fn compute(
    addresses_csv: &[u8],
    responses_csv: &[u8],
    rule_set: &dias_mev::RuleSet,
    start: Date,
    horizon_years: i16,
    mut earlier: Vec<Rejected>,
) -> Result<Computed, String> {
    let (addresses, address_rejects) =
        dias_mev::read_addresses(addresses_csv).map_err(|e| e.to_string())?;
    let (responses, response_rejects) =
        dias_mev::read_responses(responses_csv, &addresses, start).map_err(|e| e.to_string())?;
    let survey = Survey {
        rule_set,
        start,
        horizon_years,
    };
    let evaluation =
        dias_mev::evaluate(&addresses, &responses, &survey).map_err(|e| e.to_string())?;
    let aggregates = dias_mev::aggregate(&addresses, &responses, &evaluation);
    let io = |e: std::io::Error| e.to_string();
    let mut out_addresses = Vec::new();
    output::write_addresses(&mut out_addresses, &addresses, &responses, &evaluation).map_err(io)?;
    let mut out_municipalities = Vec::new();
    output::write_municipalities(&mut out_municipalities, &aggregates).map_err(io)?;
    let mut out_protocol = Vec::new();
    output::write_protocol(&mut out_protocol, &addresses, &responses, &evaluation).map_err(io)?;
    earlier.extend(address_rejects);
    earlier.extend(response_rejects);
    let mut out_rejected = Vec::new();
    output::write_rejected(&mut out_rejected, &earlier).map_err(io)?;
    let reference = dias_core::reference::cached();
    let municipality_rows = aggregates
        .municipalities
        .iter()
        .map(|(ags8, f)| {
            let ags8 = format!("{ags8:08}");
            MunicipalityRow {
                name: reference
                    .municipality(&ags8)
                    .map(|m| m.name.clone())
                    .unwrap_or_default(),
                ags8,
                counts: StatusCounts::from_figures(f),
            }
        })
        .collect();
    Ok(Computed {
        addresses: out_addresses,
        municipalities: out_municipalities,
        protocol: out_protocol,
        rejected: out_rejected,
        totals: StatusCounts::from_figures(&aggregates.project()),
        municipality_rows,
        addresses_count: addresses.len() as u64,
        response_rows: responses.len() as u64,
        rejected_rows: earlier.len() as u64,
        protocol_rows: evaluation.protocol.len() as u64,
    })
}

/// A used upload as the protocol names it.
#[derive(Debug, Clone, Default)]
pub struct ProtocolSource {
    /// Its first line in the combined responses file.
    pub first_line: u64,
    pub version: i32,
    /// Line in the uploaded file of each accepted row (none for uploads
    /// stored before this was recorded).
    pub lines: Option<Vec<u64>>,
}

/// A late upload whose rows the protocol lists as ignored.
#[derive(Debug, Clone, Default)]
pub struct LateFile {
    pub version: i32,
    /// Its accepted rows (responses columns, header first).
    pub accepted: Vec<u8>,
    pub lines: Option<Vec<u64>>,
}

/// Reason of the protocol rows of late uploads (the engine's reasons are
/// German too; pages translate them).
pub const REASON_LATE: &str = "verspätet";

/// The engine's protocol with two more columns — the version of the
/// upload each row came from and its line in that file — and a row for
/// every accepted row of a late upload, ignored as „verspätet“. Returns
/// the file and its number of rows.
pub fn finish_protocol(
    protocol: &[u8],
    sources: &[ProtocolSource],
    late: &[LateFile],
) -> (Vec<u8>, u64) {
    let mut out = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::with_capacity(protocol.len() + protocol.len() / 8));
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(protocol);
    let mut record = csv::StringRecord::new();
    let mut rows = 0u64;
    let mut first = true;
    while reader.read_record(&mut record).unwrap_or(false) {
        if first {
            first = false;
            let mut header: Vec<&str> = record.iter().collect();
            header.extend(["upload_version", "upload_line"]);
            let _ = out.write_record(&header);
            continue;
        }
        let combined: Option<u64> = record.get(10).and_then(|l| l.parse().ok());
        let source = combined.and_then(|line| {
            let k = sources.partition_point(|s| s.first_line <= line);
            let s = sources.get(k.checked_sub(1)?)?;
            let offset = usize::try_from(line - s.first_line).ok()?;
            let own = match &s.lines {
                Some(lines) => lines.get(offset).map(u64::to_string).unwrap_or_default(),
                None => String::new(),
            };
            Some((s.version.to_string(), own))
        });
        let (version, own) = source.unwrap_or_default();
        let mut fields: Vec<&str> = record.iter().collect();
        fields.resize(11, "");
        fields.push(&version);
        fields.push(&own);
        let _ = out.write_record(&fields);
        rows += 1;
    }
    if first {
        let header = format!("{},upload_version,upload_line", output::PROTOCOL_HEADER);
        let _ = out.write_record(header.split(','));
    }
    for file in late {
        let version = file.version.to_string();
        let mut reader = csv::Reader::from_reader(file.accepted.as_slice());
        for (k, row) in reader.records().flatten().enumerate() {
            let f = |i: usize| row.get(i).unwrap_or("");
            let own = file
                .lines
                .as_ref()
                .and_then(|l| l.get(k))
                .map(u64::to_string)
                .unwrap_or_default();
            let _ = out.write_record([
                f(0),
                output::ROLE_IGNORED,
                f(1),
                f(2),
                f(3),
                f(4),
                f(5),
                f(6),
                f(7),
                REASON_LATE,
                "",
                &version,
                &own,
            ]);
            rows += 1;
        }
    }
    (out.into_inner().unwrap_or_default(), rows)
}

/// The latest upload of each operator that came in time, and the late
/// uploads left out (newer than the one used, or the only ones).
pub fn choose_uploads(
    uploads: &[broadband_survey_upload::Model],
) -> (
    Vec<&broadband_survey_upload::Model>,
    Vec<&broadband_survey_upload::Model>,
) {
    let mut used: HashMap<i64, &broadband_survey_upload::Model> = HashMap::new();
    let mut late = Vec::new();
    for u in uploads {
        if u.late {
            late.push(u);
        } else if used
            .get(&u.operator_id)
            .is_none_or(|x| x.version < u.version)
        {
            used.insert(u.operator_id, u);
        }
    }
    let mut used: Vec<_> = used.into_values().collect();
    used.sort_by_key(|u| (u.operator_id, u.version));
    late.sort_by_key(|u| (u.operator_id, u.version));
    (used, late)
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JobPayload {
    pub survey: i64,
    pub user: i64,
    #[serde(default)]
    pub early: bool,
}

/// The background evaluation.
pub struct EvaluationJob;

impl EvaluationJob {
    pub fn handler() -> Arc<dyn JobHandler> {
        Arc::new(EvaluationJob)
    }
}

impl JobHandler for EvaluationJob {
    fn run(
        &self,
        ctx: JobContext,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(run(ctx))
    }
}

async fn run(ctx: JobContext) -> Result<(), String> {
    let payload: JobPayload = serde_json::from_str(&ctx.job.payload).map_err(|e| e.to_string())?;
    evaluate_survey(&ctx.db, &payload, Some(&ctx))
        .await
        .map(|_| ())
}

/// Evaluates a procedure and stores the next result version; returns the
/// version. `job` gets the progress when this runs as a job (the demo
/// seeding calls it directly).
pub async fn evaluate_survey(
    db: &sea_orm::DatabaseConnection,
    payload: &JobPayload,
    job: Option<&JobContext>,
) -> Result<i32, String> {
    let err = |e: sea_orm::DbErr| e.to_string();
    let progress = |done: i64, message: &'static str| async move {
        match job {
            Some(ctx) => ctx
                .progress(done, STEPS, message)
                .await
                .map_err(|e| e.to_string()),
            None => Ok(()),
        }
    };
    progress(0, "broadband-surveys-step-read").await?;
    let survey = store::get(db, payload.survey)
        .await
        .map_err(err)?
        .ok_or("Verfahren nicht gefunden")?;
    let address_file = match survey.address_file_id {
        Some(id) => store::file(db, survey.id, id).await.map_err(err)?,
        None => None,
    }
    .ok_or("Adressliste fehlt")?;
    let uploads = store::uploads(db, survey.id, None).await.map_err(err)?;
    let operators: HashMap<i64, String> = broadband_operator::Entity::find()
        .all(db)
        .await
        .map_err(err)?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect();
    let (used, late) = choose_uploads(&uploads);
    let mut accepted_files = Vec::with_capacity(used.len());
    for u in &used {
        let f = store::file(db, survey.id, u.accepted_file_id)
            .await
            .map_err(err)?
            .ok_or("Datei einer Rückmeldung fehlt")?;
        accepted_files.push(f.data);
    }
    let slices: Vec<&[u8]> = accepted_files.iter().map(Vec::as_slice).collect();
    let (combined, starts) = super::combine_responses(&slices);
    let name_of = |id: i64| operators.get(&id).cloned().unwrap_or_default();
    // The rejected rows of the address list and of the uploads used, each
    // named with its source so the list stays readable in one file.
    let address_report = store::address_report(db, survey.id).await.map_err(err)?;
    let mut earlier: Vec<Rejected> = store::rejected_rows(
        db,
        survey.id,
        &store::address_rejected_name(survey.id),
        address_report,
    )
    .await
    .map_err(err)?
    .into_iter()
    .map(|p| Rejected {
        file: InputFile::Addresses,
        line: p.line,
        reason: p.reason,
    })
    .collect();
    for u in &used {
        let operator = name_of(u.operator_id);
        let report = match store::upload(db, survey.id, u.id).await.map_err(err)? {
            Some(full) => store::report_rows(&full.report),
            None => Default::default(),
        };
        let rows = store::rejected_rows(
            db,
            survey.id,
            &store::upload_rejected_name(survey.id, u.operator_id, u.version),
            report,
        )
        .await
        .map_err(err)?;
        earlier.extend(rows.into_iter().map(|p| Rejected {
            file: InputFile::Responses,
            line: p.line,
            reason: format!(
                "{operator}, Rückmeldung Version {} (Zeile der hochgeladenen Datei): {}",
                u.version, p.reason
            ),
        }));
    }
    let invitations = store::invitations(db, survey.id).await.map_err(err)?;
    let silent: Vec<String> = invitations
        .iter()
        .filter(|i| !used.iter().any(|u| u.operator_id == i.operator_id))
        .map(|i| name_of(i.operator_id))
        .collect();
    let used_refs: Vec<UploadRef> = used
        .iter()
        .zip(&starts)
        .map(|(u, &first_line)| UploadRef {
            upload_id: u.id,
            operator: name_of(u.operator_id),
            version: u.version,
            rows: u.rows_accepted,
            first_line,
        })
        .collect();
    let late_refs: Vec<UploadRef> = late
        .iter()
        .map(|u| UploadRef {
            upload_id: u.id,
            operator: name_of(u.operator_id),
            version: u.version,
            rows: u.rows_accepted,
            first_line: 0,
        })
        .collect();
    progress(1, "broadband-surveys-step-evaluate").await?;
    let rule_sets = RuleSets::built_in().map_err(|e| e.to_string())?;
    let rule_set = rule_sets
        .get(&survey.rule_set)
        .map_err(|e| e.to_string())?
        .clone();
    let start: Date = survey.start_date.parse().map_err(|_| "Startdatum")?;
    let horizon = i16::try_from(survey.horizon_years).map_err(|e| e.to_string())?;
    let address_data = address_file.data;
    let combined_for_engine = combined.clone();
    let rule_for_engine = rule_set.clone();
    // The protocol names the uploaded file's version and line of each row
    // and lists the rows of late uploads as ignored („verspätet“).
    let mut sources = Vec::with_capacity(used.len());
    for (u, &first_line) in used.iter().zip(&starts) {
        sources.push(ProtocolSource {
            first_line,
            version: u.version,
            lines: store::upload_lines(db, survey.id, u.operator_id, u.version)
                .await
                .map_err(err)?,
        });
    }
    let mut late_files = Vec::with_capacity(late.len());
    for u in &late {
        let accepted = store::file(db, survey.id, u.accepted_file_id)
            .await
            .map_err(err)?
            .ok_or("Datei einer Rückmeldung fehlt")?;
        late_files.push(LateFile {
            version: u.version,
            accepted: accepted.data,
            lines: store::upload_lines(db, survey.id, u.operator_id, u.version)
                .await
                .map_err(err)?,
        });
    }
    let mut engine = tokio::task::spawn_blocking(move || {
        let mut computed = compute(
            &address_data,
            &combined_for_engine,
            &rule_for_engine,
            start,
            horizon,
            earlier,
        )?;
        let (protocol, rows) = finish_protocol(&computed.protocol, &sources, &late_files);
        computed.protocol = protocol;
        computed.protocol_rows = rows;
        Ok::<_, String>(computed)
    });
    // Millions of addresses take minutes: the job's lease is renewed while
    // the engine works, so no other worker takes the job over and runs it
    // a second time.
    let mut beat = tokio::time::interval(HEARTBEAT);
    beat.tick().await;
    let computed = loop {
        tokio::select! {
            done = &mut engine => break done.map_err(|e| e.to_string())??,
            _ = beat.tick() => progress(1, "broadband-surveys-step-evaluate").await?,
        }
    };
    progress(2, "broadband-surveys-step-store").await?;
    let summary = Summary {
        rule_set: rule_set.id.clone(),
        rule_set_name: rule_set.name.clone(),
        start: survey.start_date.clone(),
        deadline: survey.deadline.clone(),
        horizon_years: horizon,
        synthetic: survey.synthetic,
        early: payload.early,
        addresses: computed.addresses_count,
        response_rows: computed.response_rows,
        rejected_rows: computed.rejected_rows,
        protocol_rows: computed.protocol_rows,
        totals: computed.totals,
        municipalities: computed.municipality_rows,
        used: used_refs,
        late: late_refs,
        silent,
    };
    let version = store_result(
        db,
        survey.id,
        &summary,
        payload.user,
        [
            computed.addresses,
            computed.municipalities,
            computed.protocol,
            computed.rejected,
            combined,
        ],
    )
    .await
    .map_err(err)?;
    progress(STEPS, "broadband-surveys-step-done").await?;
    Ok(version)
}

/// Stores the files and the summary as the next version, in one
/// transaction.
async fn store_result(
    db: &sea_orm::DatabaseConnection,
    survey_id: i64,
    summary: &Summary,
    user: i64,
    files: [Vec<u8>; 5],
) -> Result<i32, sea_orm::DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let versions: Vec<i32> = broadband_survey_result::Entity::find()
        .select_only()
        .column(broadband_survey_result::Column::Version)
        .filter(broadband_survey_result::Column::SurveyId.eq(survey_id))
        .into_tuple()
        .all(&txn)
        .await?;
    let version = super::next_version(versions);
    let synthetic = if summary.synthetic {
        "-SYNTHETISCH"
    } else {
        ""
    };
    let names = [
        "addresses",
        "municipalities",
        "protocol",
        "rejected_rows",
        "responses",
    ];
    let mut ids = [0i64; 5];
    for (i, (data, name)) in files.into_iter().zip(names).enumerate() {
        ids[i] = store::add_file(
            &txn,
            survey_id,
            store::FILE_RESULT,
            &format!("mev-{survey_id}-v{version}-{name}{synthetic}.csv"),
            data,
        )
        .await?;
    }
    broadband_survey_result::ActiveModel {
        survey_id: Set(survey_id),
        version: Set(version),
        rule_set: Set(summary.rule_set.clone()),
        evaluated_on: Set(crate::today().to_string()),
        summary: Set(serde_json::to_string(summary).unwrap_or_default()),
        addresses_file_id: Set(ids[0]),
        municipalities_file_id: Set(ids[1]),
        protocol_file_id: Set(ids[2]),
        rejected_file_id: Set(ids[3]),
        responses_file_id: Set(ids[4]),
        created_by: Set(Some(user)),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(version)
}

/// The summary of a stored result.
pub fn summary_of(result: &broadband_survey_result::Model) -> Summary {
    serde_json::from_str(&result.summary).unwrap_or_default()
}

/// An address of the stored list, as the downloads need it.
#[derive(Debug, Clone, Default)]
pub struct AddressInfo {
    pub street: String,
    pub house_number: String,
    pub postcode: String,
    pub place: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub usage: String,
    pub households: i64,
    pub businesses: i64,
}

/// The stored address list (the kept file, spec columns) by address id.
pub fn address_infos(data: &[u8]) -> HashMap<String, AddressInfo> {
    let mut reader = csv::Reader::from_reader(data);
    let mut out = HashMap::new();
    for record in reader.records().flatten() {
        let f = |i: usize| record.get(i).unwrap_or("").to_owned();
        out.insert(
            f(0),
            AddressInfo {
                street: f(2),
                house_number: f(3),
                postcode: f(4),
                place: f(5),
                lat: f(6).parse().ok(),
                lon: f(7).parse().ok(),
                usage: f(8),
                households: f(9).parse().unwrap_or(0),
                businesses: f(10).parse().unwrap_or(0),
            },
        );
    }
    out
}

/// A row of the engine's `addresses.csv`.
#[derive(Debug, Clone, Default)]
pub struct OutcomeRow {
    pub id: String,
    pub ags8: String,
    pub status: String,
    pub colour: String,
    pub current_down: String,
    pub current_up: String,
    pub planned_down: String,
    pub planned_up: String,
    pub deciding_operator: String,
}

pub fn outcome_rows(data: &[u8]) -> Vec<OutcomeRow> {
    let mut reader = csv::Reader::from_reader(data);
    reader
        .records()
        .flatten()
        .map(|r| {
            let f = |i: usize| r.get(i).unwrap_or("").to_owned();
            OutcomeRow {
                id: f(0),
                ags8: f(1),
                status: f(2),
                colour: f(3),
                current_down: f(4),
                current_up: f(5),
                planned_down: f(6),
                planned_up: f(7),
                deciding_operator: f(8),
            }
        })
        .collect()
}

/// The eligible-address list (förderfähige Adressen): what the
/// municipality files with its funding application.
pub fn eligible_table(addresses: &[u8], outcomes: &[u8], title: &str) -> Table {
    let infos = address_infos(addresses);
    let headers = [
        "address_id",
        "ags8",
        "street",
        "house_number",
        "postcode",
        "place",
        "usage",
        "households",
        "businesses",
        "colour",
        "current_down",
        "current_up",
    ];
    let mut table = Table::new(title, headers.iter().map(|h| (*h).to_owned()).collect());
    for o in outcome_rows(outcomes) {
        if o.status != Status::Eligible.as_str() {
            continue;
        }
        let info = infos.get(&o.id).cloned().unwrap_or_default();
        let number = |s: &str| match s.parse::<f64>() {
            Ok(x) => Cell::Num(x),
            Err(_) => Cell::Text(String::new()),
        };
        table.push(vec![
            Cell::Text(o.id.clone()),
            Cell::Text(o.ags8.clone()),
            Cell::Text(info.street),
            Cell::Text(info.house_number),
            Cell::Text(info.postcode),
            Cell::Text(info.place),
            Cell::Text(info.usage),
            Cell::Int(info.households),
            Cell::Int(info.businesses),
            Cell::Text(o.colour.clone()),
            number(&o.current_down),
            number(&o.current_up),
        ]);
    }
    table
}

/// Per-Gemeinde table (addresses, households, businesses per status).
pub fn municipality_table(summary: &Summary, title: &str) -> Table {
    let mut headers = vec!["ags8".to_owned(), "gemeinde".to_owned()];
    for what in ["addresses", "households", "businesses"] {
        for s in Status::ALL {
            headers.push(format!("{what}_{}", s.as_str()));
        }
    }
    headers.push("foerderfaehig_anteil".to_owned());
    let mut table = Table::new(title, headers);
    let count = |n: u64| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX));
    for m in &summary.municipalities {
        let mut row = vec![Cell::Text(m.ags8.clone()), Cell::Text(m.name.clone())];
        for values in [
            &m.counts.addresses,
            &m.counts.households,
            &m.counts.businesses,
        ] {
            row.extend(values.iter().map(|&n| count(n)));
        }
        let total = m.counts.total();
        row.push(Cell::Num(if total == 0 {
            0.0
        } else {
            m.counts.addresses[Status::Eligible.index()] as f64 / total as f64
        }));
        table.push(row);
    }
    table
}

/// Display colour of a colour class (the map legend's).
pub fn colour_hex(colour: &str) -> &'static str {
    match colour {
        "weiss" => "#ffffff",
        "grau" => "#9e9e9e",
        "schwarz" => "#212121",
        "dunkelgrau" => "#616161",
        _ => "#ff00ff",
    }
}

/// GeoJSON points of all addresses with a position: status and colour
/// class as properties. Written as text feature by feature: a JSON value
/// per address would cost many times the file's size.
pub fn geojson(addresses: &[u8], outcomes: &[u8], synthetic: bool) -> String {
    use std::fmt::Write as _;
    let infos = address_infos(addresses);
    let text = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned());
    let number = |s: &str| match s.parse::<f64>() {
        Ok(x) if x.is_finite() => x.to_string(),
        _ => "null".to_owned(),
    };
    let mut out = String::with_capacity(outcomes.len() * 2);
    out.push_str("{\"type\":\"FeatureCollection\",");
    if synthetic {
        out.push_str("\"properties\":{\"label\":\"SYNTHETISCH\"},");
    }
    out.push_str("\"features\":[");
    let mut first = true;
    let mut reader = csv::Reader::from_reader(outcomes);
    for record in reader.records().flatten() {
        let f = |i: usize| record.get(i).unwrap_or("");
        let Some(info) = infos.get(f(0)) else {
            continue;
        };
        let (Some(lat), Some(lon)) = (info.lat, info.lon) else {
            continue;
        };
        if !(lat.is_finite() && lon.is_finite()) {
            continue;
        }
        if !first {
            out.push(',');
        }
        first = false;
        let _ = write!(
            out,
            "{{\"type\":\"Feature\",\"geometry\":{{\"type\":\"Point\",\"coordinates\":[{lon},{lat}]}},\
             \"properties\":{{\"address_id\":{},\"ags8\":{},\"status\":{},\"colour\":{},\"fill\":{},\
             \"current_down\":{},\"current_up\":{},\"deciding_operator\":{}}}}}",
            text(f(0)),
            text(f(1)),
            text(f(2)),
            text(f(3)),
            text(colour_hex(f(3))),
            number(f(4)),
            number(f(5)),
            text(f(8)),
        );
    }
    out.push_str("]}");
    out
}

/// "Street number, postcode place" of these addresses.
pub fn address_labels(
    addresses: &[u8],
    ids: &std::collections::HashSet<&str>,
) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = csv::Reader::from_reader(addresses);
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).unwrap_or(false) {
        let id = record.get(0).unwrap_or("");
        if ids.contains(id) {
            let f = |i: usize| record.get(i).unwrap_or("");
            let label = format!("{} {}, {} {}", f(2), f(3), f(4), f(5));
            out.insert(id.to_owned(), label.trim_matches([' ', ',']).to_owned());
        }
    }
    out
}

/// Addresses per page of the printable protocol; the protocol CSV holds
/// all of them.
pub const PROTOCOL_PAGE_ADDRESSES: usize = 2000;

/// The outcomes of one page (1-based) of the printable protocol, and the
/// number of addresses in all.
pub fn outcome_page(outcomes: &[u8], page: usize) -> (Vec<OutcomeRow>, usize) {
    let skip = page.saturating_sub(1) * PROTOCOL_PAGE_ADDRESSES;
    let mut total = 0;
    let mut rows = Vec::new();
    let mut reader = csv::Reader::from_reader(outcomes);
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).unwrap_or(false) {
        if total >= skip && rows.len() < PROTOCOL_PAGE_ADDRESSES {
            let f = |i: usize| record.get(i).unwrap_or("").to_owned();
            rows.push(OutcomeRow {
                id: f(0),
                ags8: f(1),
                status: f(2),
                colour: f(3),
                current_down: f(4),
                current_up: f(5),
                planned_down: f(6),
                planned_up: f(7),
                deciding_operator: f(8),
            });
        }
        total += 1;
    }
    (rows, total)
}

/// The protocol lines of these addresses.
pub fn protocol_lines_of(
    data: &[u8],
    ids: &std::collections::HashSet<&str>,
) -> HashMap<String, Vec<ProtocolLine>> {
    let mut out: HashMap<String, Vec<ProtocolLine>> = HashMap::new();
    let mut reader = csv::Reader::from_reader(data);
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).unwrap_or(false) {
        if !ids.contains(record.get(0).unwrap_or("")) {
            continue;
        }
        let line = protocol_line(&record);
        out.entry(line.address_id.clone()).or_default().push(line);
    }
    out
}

/// A line of the protocol CSV, for the printable protocol.
#[derive(Debug, Clone, Default)]
pub struct ProtocolLine {
    pub address_id: String,
    pub deciding: bool,
    pub operator: String,
    pub technology: String,
    pub down: String,
    pub up: String,
    pub kind: String,
    pub planned_date: String,
    pub milestone_plan: String,
    pub reason: String,
    pub line: String,
    /// Version of the operator's upload the row came from (empty in
    /// results stored before it was recorded).
    pub upload_version: String,
    /// The row's line in that uploaded file.
    pub upload_line: String,
}

fn protocol_line(r: &csv::StringRecord) -> ProtocolLine {
    let f = |i: usize| r.get(i).unwrap_or("").to_owned();
    ProtocolLine {
        address_id: f(0),
        deciding: f(1) == output::ROLE_DECIDING,
        operator: f(2),
        technology: f(3),
        down: f(4),
        up: f(5),
        kind: f(6),
        planned_date: f(7),
        milestone_plan: f(8),
        reason: f(9),
        line: f(10),
        upload_version: f(11),
        upload_line: f(12),
    }
}

/// The rows of the engine's `rejected_rows.csv`: (file, line, reason).
pub fn rejected_lines(data: &[u8]) -> Vec<(String, String, String)> {
    let mut reader = csv::Reader::from_reader(data);
    reader
        .records()
        .flatten()
        .map(|r| {
            let f = |i: usize| r.get(i).unwrap_or("").to_owned();
            (f(0), f(1), f(2))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn upload(
        id: i64,
        operator_id: i64,
        version: i32,
        late: bool,
    ) -> broadband_survey_upload::Model {
        broadband_survey_upload::Model {
            id,
            survey_id: 1,
            operator_id,
            user_id: None,
            version,
            file_name: String::new(),
            original_file_id: 0,
            accepted_file_id: 0,
            rows_total: 0,
            rows_accepted: 0,
            rows_rejected: 0,
            late,
            report: "[]".into(),
            created_at: 0,
        }
    }

    #[test]
    fn the_protocol_names_upload_lines_and_lists_late_rows() {
        let protocol = format!(
            "{}\nA1,massgeblich,Netz,FTTH,1000,500,current,,no,,2\n\
             A2,nicht_beruecksichtigt,Kabel,LTE,300,50,current,,no,mobil,4\n",
            output::PROTOCOL_HEADER
        );
        let sources = [
            ProtocolSource {
                first_line: 2,
                version: 3,
                lines: Some(vec![7, 9]),
            },
            ProtocolSource {
                first_line: 4,
                version: 1,
                lines: None,
            },
        ];
        let late = [LateFile {
            version: 2,
            accepted: b"address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
                B3,Kabel,FTTH,1000,1000,current,,no\n"
                .to_vec(),
            lines: Some(vec![5]),
        }];
        let (out, rows) = finish_protocol(protocol.as_bytes(), &sources, &late);
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(rows, 3);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].ends_with(",line,upload_version,upload_line"));
        assert!(lines[1].ends_with(",2,3,7"), "{text}");
        assert!(lines[2].ends_with(",mobil,4,1,"), "{text}");
        assert_eq!(
            lines[3],
            "B3,nicht_beruecksichtigt,Kabel,FTTH,1000,1000,current,,no,verspätet,,2,5"
        );
    }

    #[test]
    fn the_printable_protocol_is_paged_by_address() {
        let mut outcomes = String::from("address_id,ags8,status\n");
        for i in 0..(PROTOCOL_PAGE_ADDRESSES + 5) {
            outcomes.push_str(&format!("A{i},14521010,foerderfaehig\n"));
        }
        let (rows, total) = outcome_page(outcomes.as_bytes(), 1);
        assert_eq!(
            (rows.len(), total),
            (PROTOCOL_PAGE_ADDRESSES, PROTOCOL_PAGE_ADDRESSES + 5)
        );
        let (rows, _) = outcome_page(outcomes.as_bytes(), 2);
        let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids.len(), 5);
        assert_eq!(ids[0], format!("A{PROTOCOL_PAGE_ADDRESSES}"));
        assert!(outcome_page(outcomes.as_bytes(), 3).0.is_empty());
    }

    #[test]
    fn geojson_is_written_as_valid_text() {
        let addresses = "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n\
            \"A\"\"1\",14521010,S,1,,,50.5,13.1,privat,1,0\nA2,14521010,S,2,,,,,privat,1,0\n";
        let outcomes = "address_id,ags8,status,colour,current_down,current_up,planned_down,planned_up,deciding_operator\n\
            \"A\"\"1\",14521010,versorgt,grau,100,,,,\"Netz \\ \"\"AG\"\"\"\nA2,14521010,foerderfaehig,weiss,,,,,\n";
        let text = geojson(addresses.as_bytes(), outcomes.as_bytes(), true);
        let value: serde_json::Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        assert_eq!(value["features"].as_array().map(Vec::len), Some(1));
        assert_eq!(value["features"][0]["properties"]["address_id"], "A\"1");
        assert_eq!(
            value["features"][0]["properties"]["current_up"],
            serde_json::Value::Null
        );
        assert_eq!(value["properties"]["label"], "SYNTHETISCH");
    }

    #[test]
    fn the_latest_timely_upload_of_each_operator_is_used_and_late_ones_left_out() {
        let uploads = vec![
            upload(1, 10, 1, false),
            upload(2, 10, 2, false),
            upload(3, 20, 1, false),
            upload(4, 20, 2, true),
            upload(5, 30, 1, true),
        ];
        let (used, late) = choose_uploads(&uploads);
        let used: Vec<i64> = used.iter().map(|u| u.id).collect();
        let late: Vec<i64> = late.iter().map(|u| u.id).collect();
        assert_eq!(used, vec![2, 3]);
        assert_eq!(late, vec![4, 5]);
    }
}
