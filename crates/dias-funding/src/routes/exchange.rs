//! `/foerderung/redaktion/import`: staff upload a JSON or CSV file in the
//! exchange schema. Every valid record is stored (new slugs created,
//! known ones updated through the store's versioned save, equal ones left
//! alone); every problem of the other records is listed with its line,
//! field and reason, so nothing in the file goes unnoticed. "Nur prüfen"
//! reads the file and tells what an import would do without writing.
//!
//! The parsing and the report are [`crate::exchange`]'s; this handler only
//! reads the form, picks the format and renders. The export for staff is
//! the open-data download: every stored offer is public (the statuses are
//! facts about the programme, not about publication).
//!
//! A file with more than [`BACKGROUND_FROM`] valid records is stored by a
//! background job ([`IMPORT_JOB`]) in chunks, each its own transaction, so
//! that a large import neither holds one request for many seconds nor
//! blocks other writers (SQLite has one) for that long; its page shows the
//! progress and, when done, the same report.

use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dias_core::entities::job;
use dias_core::i18n::Value;
use dias_core::jobs::{JobContext, JobHandler};
use dias_web::forms::{ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect, Select};
use serde::{Deserialize, Serialize};

use super::opendata::{CSV_FILE, JSON_FILE, field_message};
use crate::exchange::{self, ExchangeError, ImportReport, Problem};
use crate::offer::Offer;
use crate::policy::FundingAction;
use crate::store::{self, Change, StoredOffer};

pub const PATH: &str = "/foerderung/redaktion/import";
/// The page of an import running in the background.
const JOB_PATH: &str = "/foerderung/redaktion/import/auftrag/{id}";
/// The job kind of a large import.
pub const IMPORT_JOB: &str = "funding_import";
/// Valid records above which an import runs in the background. Measured:
/// 20,000 offers take several seconds to store (docs/funding-schema.md).
pub const BACKGROUND_FROM: usize = 2_000;
/// Offers per transaction of the background import.
const JOB_CHUNK: usize = 1_000;
/// Slugs per query when a dry run compares the file with the store.
const DRY_RUN_CHUNK: usize = 5_000;
/// The largest file the page accepts, whatever the instance's
/// `max_body_bytes` (2 MiB by default, about 1,000 offers): the page's own
/// request limit [`BODY_LIMIT`], registered with the module, lets such a
/// file reach the form.
pub const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
/// Room for the form's other fields and the multipart framing.
const FORM_OVERHEAD: usize = 16 * 1024;
/// The request limit of the import page (for signed-in requests): a file
/// of up to [`MAX_FILE_BYTES`] reaches the form; a larger request is a
/// 413.
pub const BODY_LIMIT: usize = MAX_FILE_BYTES + FORM_OVERHEAD;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(PATH, get(form).post(upload))
        .route(JOB_PATH, get(job_page))
}

/// The limit in megabytes as the visitor reads it ("2", "1,5").
fn megabytes(ctx: &Ctx, bytes: usize) -> String {
    let tenths = (bytes as u64 * 10) / (1024 * 1024);
    let text = if tenths.is_multiple_of(10) {
        (tenths / 10).to_string()
    } else {
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    if ctx.locale() == "de" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The file format: named by the editor or recognised by the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

impl Format {
    /// A JSON export starts with `{` (or `[` for a bare array); a CSV
    /// export with its header, whose first column name is a letter.
    pub fn detect(text: &str) -> Format {
        let start = text.trim_start_matches('\u{feff}').trim_start();
        if start.starts_with('{') || start.starts_with('[') {
            Format::Json
        } else {
            Format::Csv
        }
    }
}

/// What the form holds (kept when it is shown again).
#[derive(Debug, Clone, Default)]
pub struct ImportInput {
    /// `auto`, `json` or `csv`.
    pub format: String,
    pub dry_run: bool,
    pub note: String,
}

/// One row of the problem table.
#[derive(Debug, Clone)]
pub struct ProblemRow {
    pub line: String,
    pub record: usize,
    pub slug: String,
    pub field: String,
    pub field_label: String,
    pub reason: String,
    pub detail: String,
}

/// A problem as a background job keeps it (translated when shown).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredProblem {
    pub line: u64,
    pub record: usize,
    pub slug: Option<String>,
    pub field: Option<String>,
    pub message: String,
    pub detail: String,
}

impl From<&Problem> for StoredProblem {
    fn from(p: &Problem) -> Self {
        StoredProblem {
            line: p.line,
            record: p.record,
            slug: p.slug.clone(),
            field: p.field.clone(),
            message: p.message.clone(),
            detail: p.detail.clone(),
        }
    }
}

/// What an import did (or, on a dry run, would do).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Outcome {
    pub dry_run: bool,
    pub file_name: String,
    pub format: String,
    pub records: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub refused: usize,
    pub problems: Vec<StoredProblem>,
    /// Slugs of the created and updated offers (first few, for links).
    pub changed: Vec<String>,
    /// The updated offers with the fields the import changes (or would
    /// change), the first [`UPDATE_ROWS`]: the file's values replace the
    /// stored ones, so an old export reverts what editors changed since.
    #[serde(default)]
    pub updates: Vec<FieldUpdate>,
}

/// An offer the import updates and the exchange names of the fields whose
/// values it replaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldUpdate {
    pub slug: String,
    pub fields: Vec<String>,
}

/// Updated offers listed with their fields; the rest are counted only.
const UPDATE_ROWS: usize = 1_000;

/// The fields in which the file's record differs from the stored one, by
/// the editors' version comparison.
fn changed_fields(stored: &Offer, imported: &Offer) -> Vec<String> {
    crate::editorial::diff(Some(stored), imported)
        .into_iter()
        .map(|c| c.field.to_owned())
        .collect()
}

impl Outcome {
    /// Counts what the store did (or would do) with these offers; `before`
    /// holds the stored records of the slugs as they were before.
    fn tally<'a>(
        &mut self,
        changes: impl IntoIterator<Item = (&'a Offer, Change)>,
        before: &HashMap<String, StoredOffer>,
    ) {
        for (offer, change) in changes {
            match change {
                Change::Created => self.created += 1,
                Change::Updated => self.updated += 1,
                Change::Unchanged => self.unchanged += 1,
            }
            if change != Change::Unchanged && self.changed.len() < CHANGED_LINKS {
                self.changed.push(offer.slug.clone());
            }
            if change == Change::Updated
                && self.updates.len() < UPDATE_ROWS
                && let Some(stored) = before.get(&offer.slug)
            {
                self.updates.push(FieldUpdate {
                    slug: offer.slug.clone(),
                    fields: changed_fields(&stored.offer, offer),
                });
            }
        }
    }
}

/// The stored offers of the file's slugs: in chunks, as one `IN` list must
/// stay below the databases' limits on bound parameters.
async fn stored_by_slug<C: sea_orm::ConnectionTrait>(
    db: &C,
    offers: &[Offer],
) -> Result<HashMap<String, StoredOffer>, sea_orm::DbErr> {
    let slugs: Vec<String> = offers.iter().map(|o| o.slug.clone()).collect();
    let mut stored = HashMap::new();
    for chunk in slugs.chunks(DRY_RUN_CHUNK) {
        stored.extend(store::by_slugs(db, chunk).await?);
    }
    Ok(stored)
}

/// One row of the table of updated offers.
#[derive(Debug, Clone)]
pub struct UpdateRow {
    pub slug: String,
    /// (exchange name, meaning) of each changed field.
    pub fields: Vec<(String, String)>,
}

fn update_rows(ctx: &Ctx, updates: &[FieldUpdate]) -> Vec<UpdateRow> {
    updates
        .iter()
        .map(|u| UpdateRow {
            slug: u.slug.clone(),
            fields: u
                .fields
                .iter()
                .map(|f| (f.clone(), ctx.t(&field_message(f))))
                .collect(),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "funding/import.html")]
struct ImportPage {
    ctx: Ctx,
    input: ImportInput,
    errors: ShownErrors,
    limit_mb: String,
    outcome: Option<Outcome>,
    problems: Vec<ProblemRow>,
    updates: Vec<UpdateRow>,
    json_file: &'static str,
    csv_file: &'static str,
}

fn render(
    ctx: Ctx,
    input: ImportInput,
    errors: ShownErrors,
    outcome: Option<Outcome>,
) -> AppResult<Response> {
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let problems = outcome
        .as_ref()
        .map(|o| problem_rows(&ctx, &o.problems))
        .unwrap_or_default();
    let updates = outcome
        .as_ref()
        .map(|o| update_rows(&ctx, &o.updates))
        .unwrap_or_default();
    let template = ImportPage {
        limit_mb: megabytes(&ctx, MAX_FILE_BYTES),
        problems,
        updates,
        ctx,
        input,
        errors,
        outcome,
        json_file: JSON_FILE,
        csv_file: CSV_FILE,
    };
    if status == StatusCode::OK {
        page(&template)
    } else {
        page_with_status(status, &template)
    }
}

async fn form(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&FundingAction::Import)?;
    let input = ImportInput {
        format: "auto".into(),
        ..ImportInput::default()
    };
    render(ctx, input, ShownErrors::none(), None)
}

/// One error on the file input, translated.
fn file_error(message: String) -> ShownErrors {
    ShownErrors {
        items: vec![("datei".to_owned(), message)],
    }
}

/// A file that cannot be read as a whole, in the editor's language.
fn unreadable(ctx: &Ctx, error: &ExchangeError) -> String {
    let with = |id: &str, args: &[(&str, Value)]| ctx.catalog.get_with(ctx.locale(), id, args);
    match error {
        ExchangeError::Json {
            line,
            column,
            message,
        } => with(
            "funding-exchange-file-json",
            &[
                ("line", Value::from(*line as i64)),
                ("column", Value::from(*column as i64)),
                ("detail", Value::from(message.clone())),
            ],
        ),
        ExchangeError::Schema(found) => with(
            "funding-exchange-file-schema",
            &[
                ("found", Value::from(found.clone())),
                ("schema", Value::from(exchange::SCHEMA)),
            ],
        ),
        ExchangeError::Csv(detail) => with(
            "funding-exchange-file-csv",
            &[("detail", Value::from(detail.clone()))],
        ),
        ExchangeError::MissingColumns(columns) => with(
            "funding-exchange-file-missing-columns",
            &[("columns", Value::from(columns.join(", ")))],
        ),
        ExchangeError::UnknownColumns(columns) => with(
            "funding-exchange-file-unknown-columns",
            &[("columns", Value::from(columns.join(", ")))],
        ),
        ExchangeError::DuplicateColumn(column) => with(
            "funding-exchange-file-duplicate-column",
            &[("column", Value::from(column.clone()))],
        ),
        ExchangeError::Write(detail) => with(
            "funding-exchange-file-csv",
            &[("detail", Value::from(detail.clone()))],
        ),
    }
}

fn problem_rows(ctx: &Ctx, problems: &[StoredProblem]) -> Vec<ProblemRow> {
    problems
        .iter()
        .map(|p| {
            let field = p.field.clone().unwrap_or_default();
            let known = exchange::FIELDS.iter().any(|f| f.name == field);
            ProblemRow {
                line: if p.line == 0 {
                    "–".to_owned()
                } else {
                    p.line.to_string()
                },
                record: p.record,
                slug: p.slug.clone().unwrap_or_default(),
                field_label: if known {
                    ctx.t(&field_message(&field))
                } else if field.is_empty() {
                    ctx.t("funding-exchange-whole-record")
                } else {
                    String::new()
                },
                field,
                reason: ctx.t(&p.message),
                detail: p.detail.clone(),
            }
        })
        .collect()
}

/// How many records had at least one problem.
fn refused(report: &ImportReport) -> usize {
    report.records - report.offers.len()
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: MultipartForm,
) -> AppResult<Response> {
    let user_id = ctx.require(&FundingAction::Import)?.user()?.user_id;
    let mut input = ImportInput {
        format: match form.text("format").as_str() {
            f @ ("json" | "csv") => f.to_owned(),
            _ => "auto".to_owned(),
        },
        dry_run: form.text("nur_pruefen") == "1",
        note: form.text("notiz").trim().chars().take(200).collect(),
    };
    let Some(file) = form.file("datei") else {
        let errors = file_error(ctx.t("funding-exchange-error-no-file"));
        return render(ctx, input, errors, None);
    };
    if file.data.len() > MAX_FILE_BYTES {
        let errors = file_error(ctx.t1(
            "funding-exchange-error-too-large",
            "limit",
            megabytes(&ctx, MAX_FILE_BYTES),
        ));
        return render(ctx, input, errors, None);
    }
    if file.data.is_empty() {
        let errors = file_error(ctx.t("funding-exchange-error-empty"));
        return render(ctx, input, errors, None);
    }
    let Ok(text) = std::str::from_utf8(&file.data) else {
        let errors = file_error(ctx.t("funding-exchange-error-encoding"));
        return render(ctx, input, errors, None);
    };
    let format = match input.format.as_str() {
        "json" => Format::Json,
        "csv" => Format::Csv,
        _ => Format::detect(text),
    };
    let today = crate::today();
    let parsed = match format {
        Format::Json => exchange::from_json(text, today),
        Format::Csv => exchange::from_csv(text, today),
    };
    let report = match parsed {
        Ok(report) => report,
        Err(error) => {
            let errors = file_error(unreadable(&ctx, &error));
            return render(ctx, input, errors, None);
        }
    };
    let file_name = file
        .filename
        .clone()
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect::<String>();
    let mut outcome = Outcome {
        dry_run: input.dry_run,
        format: match format {
            Format::Json => "JSON",
            Format::Csv => "CSV",
        }
        .to_owned(),
        records: report.records,
        refused: refused(&report),
        problems: report.problems.iter().map(StoredProblem::from).collect(),
        file_name: file_name.clone(),
        ..Outcome::default()
    };
    if input.dry_run {
        let stored = stored_by_slug(&state.db, &report.offers).await?;
        outcome.tally(
            report.offers.iter().map(|o| {
                let change = match stored.get(&o.slug) {
                    None => Change::Created,
                    Some(s) if s.offer == *o => Change::Unchanged,
                    Some(_) => Change::Updated,
                };
                (o, change)
            }),
            &stored,
        );
    } else {
        let note = if input.note.is_empty() {
            ctx.t1("funding-exchange-default-note", "file", &file_name)
        } else {
            input.note.clone()
        };
        if report.offers.len() > BACKGROUND_FROM {
            let payload = serde_json::to_value(JobPayload {
                editor: user_id,
                note,
                outcome,
                done: 0,
                total: report.offers.len(),
                offers: report.offers,
            })
            .map_err(|e| AppError::Internal(e.to_string()))?;
            let id =
                dias_core::jobs::enqueue(&state.db, IMPORT_JOB, payload, Some(user_id)).await?;
            return Ok(see_other(&JOB_PATH.replace("{id}", &id.to_string())));
        }
        let before = stored_by_slug(&state.db, &report.offers).await?;
        let saved = store::save_many(
            &state.db,
            &report.offers,
            Some(user_id),
            &note,
            today,
            dias_core::time::now(),
        )
        .await?;
        outcome.tally(
            report.offers.iter().zip(saved.iter().map(|s| s.change)),
            &before,
        );
    }
    input.note.clear();
    render(ctx, input, ShownErrors::none(), Some(outcome))
}

/// Offers linked by name in the summary; the rest are counted only.
const CHANGED_LINKS: usize = 50;

/// What the background import gets: the valid records and the report so
/// far. After each chunk the payload is written again with the tally and
/// without the stored records, so a job re-queued after its worker died
/// goes on with the next chunk and the counts of the chunks before (it
/// would otherwise store them again and count them as unchanged). When it
/// is done, the payload holds no records, so the job's page reads a small
/// row and a re-run of a finished job changes nothing.
#[derive(Debug, Serialize, Deserialize)]
struct JobPayload {
    editor: i64,
    note: String,
    outcome: Outcome,
    /// Records stored by the chunks finished so far (so `done /
    /// JOB_CHUNK` chunks); a payload written before this field reads 0.
    #[serde(default)]
    done: usize,
    /// Records of the whole import.
    #[serde(default)]
    total: usize,
    /// The records not stored yet.
    offers: Vec<Offer>,
}

/// The background import.
pub struct ImportJob;

impl ImportJob {
    pub fn handler() -> Arc<dyn JobHandler> {
        Arc::new(ImportJob)
    }
}

impl JobHandler for ImportJob {
    fn run(
        &self,
        ctx: JobContext,
    ) -> Pin<Box<dyn Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(run_import(ctx))
    }
}

async fn run_import(ctx: JobContext) -> Result<(), String> {
    ImportJob::run_chunks(&ctx, usize::MAX).await.map(|_| ())
}

impl ImportJob {
    /// Stores at most `most` chunks of the job's records, from where the
    /// payload says the last run stopped; `true` when none are left. The
    /// job's handler runs them all; a test stops after one to play a
    /// worker that died.
    ///
    /// A worker that dies after a chunk's transaction and before its tally
    /// is written leaves that chunk to be stored again, and its records
    /// then count as unchanged: [`store::save_many`] owns its transaction,
    /// so the two writes cannot be one (docs/funding-schema.md).
    pub async fn run_chunks(ctx: &JobContext, most: usize) -> Result<bool, String> {
        let mut state: JobPayload =
            serde_json::from_str(&ctx.job.payload).map_err(|e| e.to_string())?;
        state.total = state.total.max(state.done + state.offers.len());
        let total = i64::try_from(state.total).unwrap_or(i64::MAX);
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        let today = crate::today();
        ctx.progress(count(state.done), total, "")
            .await
            .map_err(|e| e.to_string())?;
        let mut ran = 0;
        while !state.offers.is_empty() {
            if ran == most {
                return Ok(false);
            }
            let rest = state.offers.split_off(JOB_CHUNK.min(state.offers.len()));
            let chunk = std::mem::replace(&mut state.offers, rest);
            let before = stored_by_slug(&ctx.db, &chunk)
                .await
                .map_err(|e| e.to_string())?;
            let saved = store::save_many(
                &ctx.db,
                &chunk,
                Some(state.editor),
                &state.note,
                today,
                dias_core::time::now(),
            )
            .await
            .map_err(|e| e.to_string())?;
            state
                .outcome
                .tally(chunk.iter().zip(saved.iter().map(|s| s.change)), &before);
            state.done += chunk.len();
            ran += 1;
            let payload = serde_json::to_string(&state).map_err(|e| e.to_string())?;
            job::Entity::update_many()
                .col_expr(job::Column::Payload, Expr::value(payload))
                .filter(job::Column::Id.eq(ctx.job.id))
                .exec(&ctx.db)
                .await
                .map_err(|e| e.to_string())?;
            ctx.progress(count(state.done), total, "")
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(true)
    }
}

#[derive(Template)]
#[template(path = "funding/import_job.html")]
struct JobPage {
    ctx: Ctx,
    id: i64,
    /// `queued`, `running`, `done` or `failed`.
    status: String,
    progress: i64,
    total: i64,
    error: String,
    /// "1.000 von 20.000 Angeboten gespeichert."
    running: String,
    outcome: Option<Outcome>,
    problems: Vec<ProblemRow>,
    updates: Vec<UpdateRow>,
}

async fn job_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require(&FundingAction::Import)?;
    let (status, progress, total, error) = progress_query(id)
        .into_tuple::<(String, i64, i64, Option<String>)>()
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    // Only a finished job's payload is small enough to read on a poll.
    let outcome = if status == dias_core::jobs::DONE {
        payload_query(id)
            .into_tuple::<String>()
            .one(&state.db)
            .await?
            .and_then(|p| serde_json::from_str::<JobPayload>(&p).ok())
            .map(|p| p.outcome)
    } else {
        None
    };
    let problems = outcome
        .as_ref()
        .map(|o| problem_rows(&ctx, &o.problems))
        .unwrap_or_default();
    let updates = outcome
        .as_ref()
        .map(|o| update_rows(&ctx, &o.updates))
        .unwrap_or_default();
    let running = ctx.catalog.get_with(
        ctx.locale(),
        "funding-exchange-job-running",
        &[
            ("done", Value::from(progress)),
            ("total", Value::from(total)),
        ],
    );
    page(&JobPage {
        running,
        id,
        status,
        progress,
        total,
        error: error.unwrap_or_default(),
        outcome,
        problems,
        updates,
        ctx,
    })
}

/// What the job's page reads on each poll: the state and progress of an
/// import job, not its payload, which holds the whole file while it runs.
fn progress_query(id: i64) -> Select<job::Entity> {
    job::Entity::find_by_id(id)
        .filter(job::Column::Kind.eq(IMPORT_JOB))
        .select_only()
        .columns([
            job::Column::Status,
            job::Column::Progress,
            job::Column::ProgressTotal,
            job::Column::Error,
        ])
}

/// The payload of an import job, read once it is done (and small).
fn payload_query(id: i64) -> Select<job::Entity> {
    job::Entity::find_by_id(id)
        .filter(job::Column::Kind.eq(IMPORT_JOB))
        .select_only()
        .column(job::Column::Payload)
}

#[cfg(test)]
mod tests {
    use sea_orm::{DbBackend, QueryTrait};

    use super::*;

    #[test]
    fn a_poll_of_a_running_import_does_not_read_its_payload() {
        for backend in [DbBackend::Sqlite, DbBackend::Postgres] {
            let sql = progress_query(7).build(backend).to_string();
            assert!(!sql.contains("payload"), "{sql}");
            for column in ["status", "progress", "progress_total", "error", "kind"] {
                assert!(sql.contains(&format!("\"{column}\"")), "{column}: {sql}");
            }
            let sql = payload_query(7).build(backend).to_string();
            assert!(sql.contains("\"payload\""), "{sql}");
        }
    }
}
