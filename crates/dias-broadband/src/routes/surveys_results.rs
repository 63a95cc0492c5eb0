//! The evaluation of a procedure: starting the job (before the deadline
//! only by explicit choice), its progress page, the result versions and
//! their downloads. Results name operators and their offers, so they are
//! for the procedure's managers only.

use askama::Template;
use axum::Router;
use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::entities::job;
use dias_mev::Status;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::table::TableFormat;
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QuerySelect};
use serde::Deserialize;

use super::surveys::{access, attachment, csv_download, path_id, rule_set_name, show_date};
use crate::entities::{broadband_survey, broadband_survey_result};
use crate::surveys::evaluation::{self, EVALUATION_JOB, JobPayload, ProtocolLine, Summary};
use crate::surveys::{self, reasons, store};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/verfahren/{id}/auswerten", post(start))
        .route("/breitband/verfahren/{id}/auswertung", get(job_page))
        .route(
            "/breitband/verfahren/{id}/ergebnisse/{version}",
            get(result),
        )
        .route(
            "/breitband/verfahren/{id}/ergebnisse/{version}/{file}",
            get(download),
        )
}

/// Rows of an Excel sheet.
const XLSX_MAX_ROWS: u64 = 1_048_576;

fn job_path(id: i64) -> String {
    format!("/breitband/verfahren/{id}/auswertung")
}

fn result_path(id: i64, version: i32) -> String {
    format!("/breitband/verfahren/{id}/ergebnisse/{version}")
}

#[derive(Debug, Deserialize)]
struct StartForm {
    #[serde(default)]
    vorzeitig: String,
}

#[derive(Template)]
#[template(path = "broadband/survey_evaluate.html")]
struct StartPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    errors: ShownErrors,
    deadline: String,
}

async fn start(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(form): Form<StartForm>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    let user_id = ctx.require(&access.manage())?.user()?.user_id;
    let survey = access.survey.clone();
    if let Some(job_id) = survey.job_id {
        let running = store::job_states(&state.db, &[job_id])
            .await?
            .into_iter()
            .any(|(_, s)| s == dias_core::jobs::QUEUED || s == dias_core::jobs::RUNNING);
        if running {
            return Ok(see_other(&job_path(id)));
        }
    }
    let (_, deadline) = access.dates();
    let early = surveys::early_needs_confirmation(deadline, crate::today());
    if early && form.vorzeitig != "1" {
        let errors = ShownErrors {
            items: vec![(
                "vorzeitig".to_owned(),
                ctx.t("broadband-surveys-error-early"),
            )],
        };
        return page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &StartPage {
                deadline: show_date(&ctx, &survey.deadline),
                survey,
                errors,
                ctx,
            },
        );
    }
    let payload = serde_json::to_value(JobPayload {
        survey: id,
        user: user_id,
        early,
    })
    .map_err(|e| AppError::Internal(e.to_string()))?;
    // Whether this request or a concurrent one queued the job, the
    // manager follows the one evaluation that runs.
    store::claim_evaluation(
        &state.db,
        id,
        survey.job_id,
        EVALUATION_JOB,
        payload,
        user_id,
    )
    .await?;
    Ok(see_other(&job_path(id)))
}

#[derive(Template)]
#[template(path = "broadband/survey_job.html")]
struct JobPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    status: String,
    progress: i64,
    total: i64,
    message: String,
    error: String,
    latest: Option<i32>,
}

async fn job_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    ctx.require(&access.manage())?;
    let job_id = access.survey.job_id.ok_or(AppError::NotFound)?;
    let (status, progress, total, message, error) = job::Entity::find_by_id(job_id)
        .filter(job::Column::Kind.eq(EVALUATION_JOB))
        .select_only()
        .columns([
            job::Column::Status,
            job::Column::Progress,
            job::Column::ProgressTotal,
            job::Column::Message,
            job::Column::Error,
        ])
        .into_tuple::<(String, i64, i64, Option<String>, Option<String>)>()
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let latest = if status == dias_core::jobs::DONE {
        broadband_survey_result::Entity::find()
            .select_only()
            .column(broadband_survey_result::Column::Version)
            .filter(broadband_survey_result::Column::SurveyId.eq(id))
            .into_tuple::<i32>()
            .all(&state.db)
            .await?
            .into_iter()
            .max()
    } else {
        None
    };
    page(&JobPage {
        survey: access.survey,
        status,
        progress,
        total,
        // Only the evaluation's own step ids are translated.
        message: message
            .filter(|m| m.starts_with("broadband-surveys-step-"))
            .map(|m| ctx.t(&m))
            .unwrap_or_default(),
        error: error.unwrap_or_default(),
        latest,
        ctx,
    })
}

struct StatusLine {
    label: String,
    addresses: u64,
    households: u64,
    businesses: u64,
}

struct MunicipalityLine {
    ags8: String,
    name: String,
    counts: [u64; 3],
    total: u64,
    share: String,
}

#[derive(Template)]
#[template(path = "broadband/survey_result.html")]
struct ResultPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    version: i32,
    evaluated_on: String,
    rule_set: String,
    start: String,
    summary: Summary,
    statuses: Vec<StatusLine>,
    municipalities: Vec<MunicipalityLine>,
    base: String,
}

fn status_label(ctx: &Ctx, status: Status) -> String {
    ctx.t(match status {
        Status::Supplied => "broadband-surveys-status-supplied",
        Status::Planned => "broadband-surveys-status-planned",
        Status::Eligible => "broadband-surveys-status-eligible",
    })
}

/// A share as the visitor reads it ("12,5 %").
fn percent(ctx: &Ctx, part: u64, total: u64) -> String {
    if total == 0 {
        return "–".to_owned();
    }
    let text = format!("{:.1} %", part as f64 * 100.0 / total as f64);
    if ctx.locale() == "de" {
        text.replace('.', ",")
    } else {
        text
    }
}

/// The result version if the account manages the procedure.
async fn managed_result(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    version: i32,
) -> AppResult<(broadband_survey::Model, broadband_survey_result::Model)> {
    let access = access(state, ctx, id).await?;
    ctx.require(&access.manage())?;
    let result = store::result(&state.db, id, version)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((access.survey, result))
}

async fn result(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, version)): Path<(String, String)>,
) -> AppResult<Response> {
    let (id, version): (i64, i32) = (path_id(&id)?, path_id(&version)?);
    let (survey, result) = managed_result(&state, &ctx, id, version).await?;
    let summary = evaluation::summary_of(&result);
    let statuses = Status::ALL
        .into_iter()
        .map(|s| StatusLine {
            label: status_label(&ctx, s),
            addresses: summary.totals.addresses[s.index()],
            households: summary.totals.households[s.index()],
            businesses: summary.totals.businesses[s.index()],
        })
        .collect();
    let municipalities = summary
        .municipalities
        .iter()
        .map(|m| MunicipalityLine {
            ags8: m.ags8.clone(),
            name: m.name.clone(),
            counts: m.counts.addresses,
            total: m.counts.total(),
            share: percent(
                &ctx,
                m.counts.addresses[Status::Eligible.index()],
                m.counts.total(),
            ),
        })
        .collect();
    page(&ResultPage {
        start: show_date(&ctx, &summary.start),
        version,
        evaluated_on: show_date(&ctx, &result.evaluated_on),
        rule_set: rule_set_name(&result.rule_set),
        base: result_path(id, version),
        statuses,
        municipalities,
        summary,
        survey,
        ctx,
    })
}

/// One address of the printable protocol with its status and lines.
struct ProtocolAddress {
    id: String,
    place: String,
    status: String,
    colour: String,
    lines: Vec<ProtocolLine>,
}

#[derive(Template)]
#[template(path = "broadband/survey_protocol.html")]
struct ProtocolPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    version: i32,
    evaluated_on: String,
    rule_set: String,
    start: String,
    deadline: String,
    summary: Summary,
    addresses: Vec<ProtocolAddress>,
    /// Which addresses this page shows, of how many.
    first: usize,
    last: usize,
    total: usize,
    pagination: Pagination,
    rejected: Vec<(String, String, String)>,
    base: String,
}

fn colour_label(ctx: &Ctx, colour: &str) -> String {
    match colour {
        "weiss" | "grau" | "schwarz" | "dunkelgrau" => {
            ctx.t(&format!("broadband-surveys-colour-{colour}"))
        }
        other => other.to_owned(),
    }
}

fn status_of(text: &str) -> Option<Status> {
    Status::ALL.into_iter().find(|s| s.as_str() == text)
}

async fn file_bytes(state: &AppState, survey_id: i64, file_id: i64) -> AppResult<Vec<u8>> {
    Ok(store::file(&state.db, survey_id, file_id)
        .await?
        .ok_or(AppError::NotFound)?
        .data)
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, version, file)): Path<(String, String, String)>,
    Query(query): Query<HashMap<String, String>>,
) -> AppResult<Response> {
    let (id, version): (i64, i32) = (path_id(&id)?, path_id(&version)?);
    let (survey, result) = managed_result(&state, &ctx, id, version).await?;
    let label = if survey.synthetic { "-SYNTHETISCH" } else { "" };
    let base = format!("mev-{id}-v{version}");
    let table_download = |table: dias_web::table::Table, name: &str, format: TableFormat| {
        table
            .download(format, &format!("{base}-{name}{label}"))
            .map_err(AppError::Internal)
    };
    let addresses = || async {
        let file_id = survey.address_file_id.ok_or(AppError::NotFound)?;
        file_bytes(&state, id, file_id).await
    };
    match file.as_str() {
        "foerderfaehig.csv" | "foerderfaehig.xlsx" => {
            let format = if file.ends_with(".csv") {
                TableFormat::Csv
            } else {
                TableFormat::Xlsx
            };
            // Excel holds 1,048,576 rows (header included); a bigger
            // list is refused before it is built, the CSV has it all.
            let eligible =
                evaluation::summary_of(&result).totals.addresses[Status::Eligible.index()];
            if format == TableFormat::Xlsx && eligible >= XLSX_MAX_ROWS {
                return Err(AppError::Conflict(
                    "broadband-surveys-error-xlsx-too-big".to_owned(),
                ));
            }
            let outcomes = file_bytes(&state, id, result.addresses_file_id).await?;
            let table = evaluation::eligible_table(
                &addresses().await?,
                &outcomes,
                &ctx.t("broadband-surveys-eligible-sheet"),
            );
            table_download(table, "foerderfaehig", format)
        }
        "gemeinden.csv" | "gemeinden.xlsx" => {
            let format = if file.ends_with(".csv") {
                TableFormat::Csv
            } else {
                TableFormat::Xlsx
            };
            let table = evaluation::municipality_table(
                &evaluation::summary_of(&result),
                &ctx.t("broadband-surveys-municipalities-sheet"),
            );
            table_download(table, "gemeinden", format)
        }
        "adressen.csv" => Ok(csv_download(
            &format!("{base}-adressen{label}.csv"),
            surveys::guard_csv(&file_bytes(&state, id, result.addresses_file_id).await?),
        )),
        "municipalities.csv" => Ok(csv_download(
            &format!("{base}-gemeinden-auswertung{label}.csv"),
            surveys::guard_csv(&file_bytes(&state, id, result.municipalities_file_id).await?),
        )),
        "protokoll.csv" => Ok(csv_download(
            &format!("{base}-protokoll{label}.csv"),
            surveys::guard_csv(&file_bytes(&state, id, result.protocol_file_id).await?),
        )),
        "abgelehnt.csv" => Ok(csv_download(
            &format!("{base}-abgelehnte-zeilen{label}.csv"),
            surveys::guard_csv(&file_bytes(&state, id, result.rejected_file_id).await?),
        )),
        "rueckmeldungen.csv" => Ok(csv_download(
            &format!("{base}-rueckmeldungen{label}.csv"),
            surveys::guard_csv(&file_bytes(&state, id, result.responses_file_id).await?),
        )),
        "punkte.geojson" => {
            let outcomes = file_bytes(&state, id, result.addresses_file_id).await?;
            let body = evaluation::geojson(&addresses().await?, &outcomes, survey.synthetic);
            Ok(attachment(
                body.into_bytes(),
                &format!("{base}-punkte{label}.geojson"),
                "application/geo+json",
            ))
        }
        "protokoll.html" => {
            let page_no: usize = match query.get("seite") {
                Some(n) => path_id(n)?,
                None => 1,
            };
            let outcomes = file_bytes(&state, id, result.addresses_file_id).await?;
            let (rows, total) = evaluation::outcome_page(&outcomes, page_no.max(1));
            drop(outcomes);
            if rows.is_empty() && page_no > 1 {
                return Err(AppError::NotFound);
            }
            let ids: std::collections::HashSet<&str> = rows.iter().map(|r| r.id.as_str()).collect();
            let protocol = file_bytes(&state, id, result.protocol_file_id).await?;
            let mut lines = evaluation::protocol_lines_of(&protocol, &ids);
            drop(protocol);
            let places = evaluation::address_labels(&addresses().await?, &ids);
            let addresses: Vec<ProtocolAddress> = rows
                .iter()
                .map(|o| ProtocolAddress {
                    id: o.id.clone(),
                    place: places.get(&o.id).cloned().unwrap_or_default(),
                    status: status_of(&o.status)
                        .map(|s| status_label(&ctx, s))
                        .unwrap_or_else(|| o.status.clone()),
                    colour: colour_label(&ctx, &o.colour),
                    lines: lines
                        .remove(&o.id)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|mut l| {
                            l.reason = reasons::show(&ctx, &l.reason);
                            l.kind = reasons::show_kind(&ctx, &l.kind);
                            l
                        })
                        .collect(),
                })
                .collect();
            let rejected = file_bytes(&state, id, result.rejected_file_id).await?;
            let summary = evaluation::summary_of(&result);
            let per_page = evaluation::PROTOCOL_PAGE_ADDRESSES;
            let first = (page_no.max(1) - 1) * per_page + 1;
            page(&ProtocolPage {
                version,
                evaluated_on: show_date(&ctx, &result.evaluated_on),
                rule_set: rule_set_name(&result.rule_set),
                start: show_date(&ctx, &summary.start),
                deadline: show_date(&ctx, &summary.deadline),
                first,
                last: first + addresses.len().saturating_sub(1),
                total,
                pagination: Pagination::new(
                    page_no as u64,
                    total as u64,
                    per_page as u64,
                    format!("{}/protokoll.html", result_path(id, version)),
                ),
                summary,
                addresses,
                // The rejected rows come with the first page only.
                rejected: if page_no <= 1 {
                    evaluation::rejected_lines(&rejected)
                        .into_iter()
                        .map(|(file, line, reason)| (file, line, reasons::show(&ctx, &reason)))
                        .collect()
                } else {
                    Vec::new()
                },
                base: result_path(id, version),
                survey,
                ctx,
            })
        }
        _ => Err(AppError::NotFound),
    }
}
