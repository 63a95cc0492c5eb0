//! The results page of a process: statistics as SVG charts with tables,
//! what was decided, the final text, and the same figures as a report
//! (XLSX) to download.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use dias_web::components::{Bar, BarChart, Column, ColumnChart};
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::load;
use crate::entities::{process, suggestion, text_version};
use crate::results::{self, Results};
use crate::store::{self, ProcessWithPhases};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/ergebnisse", get(show))
        .route("/beteiligung/{slug}/ergebnisse/bericht.xlsx", get(report))
        .layer(Extension(Arc::new(results::Cache::default())))
}

/// How many decided suggestions the page lists (the report has all counts).
const DECIDED_SHOWN: u64 = 30;

/// One table of the page and the report: a title, column heads, rows.
pub struct Table {
    pub title: String,
    pub head: Vec<String>,
    /// First cell is the row label, the others numbers.
    pub rows: Vec<(String, Vec<i64>)>,
}

fn phase_table(ctx: &Ctx, p: &ProcessWithPhases, r: &Results) -> Table {
    let mut head = vec![ctx.t("results-kind"), ctx.t("results-total")];
    head.extend(p.phases.iter().map(|ph| ph.name.clone()));
    Table {
        title: ctx.t("results-by-phase"),
        head,
        rows: r
            .kinds
            .iter()
            .map(|k| {
                let mut cells = vec![k.total];
                cells.extend(&k.per_phase);
                (ctx.t(k.kind.message_id()), cells)
            })
            .collect(),
    }
}

fn status_table(ctx: &Ctx, title: &str, prefix: &str, counts: &[(String, i64)]) -> Table {
    Table {
        title: title.to_owned(),
        head: vec![ctx.t("results-status"), ctx.t("results-count")],
        rows: counts
            .iter()
            .map(|(status, n)| (ctx.t(&format!("{prefix}{status}")), vec![*n]))
            .collect(),
    }
}

fn week_table(ctx: &Ctx, r: &Results) -> Table {
    Table {
        title: ctx.t("results-per-week"),
        head: vec![ctx.t("results-week"), ctx.t("results-count")],
        rows: r
            .weeks
            .iter()
            .map(|w| (dias_core::time::format_date(w.starts_at), vec![w.count]))
            .collect(),
    }
}

pub struct DecidedView {
    pub id: i64,
    pub paragraph_id: i64,
    pub status: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "participation/results.html")]
struct ResultsPage {
    ctx: Ctx,
    process: process::Model,
    results: Arc<Results>,
    computed: String,
    by_phase: Table,
    kinds_chart: BarChart,
    weeks_chart: Option<ColumnChart>,
    proposal_chart: BarChart,
    proposal_statuses: Vec<(String, String, i64)>,
    suggestion_table: Table,
    decided: Vec<DecidedView>,
    newest_version: Option<text_version::Model>,
}

async fn figures(
    cache: &results::Cache,
    state: &AppState,
    p: &ProcessWithPhases,
) -> AppResult<Arc<Results>> {
    Ok(results::of_process(
        cache,
        &state.db,
        p.process.id,
        &p.phases,
        p.process.created_at,
    )
    .await?)
}

async fn show(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<results::Cache>>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let r = figures(&cache, &state, &p).await?;
    let kinds_chart = BarChart {
        id: "beitraege".into(),
        title: ctx.t("results-by-kind"),
        description: ctx.t("results-by-kind-description"),
        label_header: ctx.t("results-kind"),
        value_header: ctx.t("results-count"),
        table_summary: ctx.t("chart-table-summary"),
        bars: r
            .kinds
            .iter()
            .map(|k| bar(&ctx, ctx.t(k.kind.message_id()), k.total))
            .collect(),
    }
    .layout();
    let weeks_chart = (!r.weeks.is_empty()).then(|| {
        let max = r.weeks.iter().map(|w| w.count).max().unwrap_or(0);
        ColumnChart {
            id: "verlauf".into(),
            title: ctx.t("results-per-week"),
            description: ctx.t("results-per-week-description"),
            label_header: ctx.t("results-week"),
            value_header: ctx.t("results-count"),
            table_summary: ctx.t("chart-table-summary"),
            columns: r
                .weeks
                .iter()
                .map(|w| Column {
                    label: dias_core::time::format_date(w.starts_at),
                    value: w.count as f64,
                    value_text: ctx.number(&w.count),
                    x: 0.0,
                    height: 0.0,
                    axis_label: false,
                    anchor: "start",
                })
                .collect(),
            max_text: ctx.number(&max),
        }
        .layout()
    });
    let proposal_chart = BarChart {
        id: "vorschlagsstatus".into(),
        title: ctx.t("results-proposal-statuses"),
        description: ctx.t("results-proposal-statuses-description"),
        label_header: ctx.t("results-status"),
        value_header: ctx.t("results-count"),
        table_summary: ctx.t("chart-table-summary"),
        bars: r
            .proposal_statuses
            .iter()
            .map(|(status, n)| bar(&ctx, ctx.t(&format!("status-{status}")), *n))
            .collect(),
    }
    .layout();
    let proposal_statuses = r
        .proposal_statuses
        .iter()
        .map(|(status, n)| (status.clone(), ctx.t(&format!("status-{status}")), *n))
        .collect();
    let decided_rows = suggestion::Entity::find()
        .filter(suggestion::Column::ProcessId.eq(p.process.id))
        .filter(suggestion::Column::HiddenAt.is_null())
        .filter(suggestion::Column::Status.is_in(crate::domain::DECISIONS))
        .order_by_desc(suggestion::Column::DecidedAt)
        .order_by_desc(suggestion::Column::Id)
        .limit(DECIDED_SHOWN)
        .all(&state.db)
        .await?;
    let decided = decided_rows
        .into_iter()
        .map(|s| DecidedView {
            id: s.id,
            paragraph_id: s.paragraph_id,
            status: ctx.t(&format!("suggestion-status-{}", s.status)),
            reason: s.decision_reason.unwrap_or_default(),
        })
        .collect();
    let newest_version = store::versions(&state.db, p.process.id)
        .await?
        .into_iter()
        .filter(|v| v.published_at.is_some())
        .max_by_key(|v| v.number);
    page(&ResultsPage {
        computed: dias_core::time::format_datetime(r.computed_at),
        by_phase: phase_table(&ctx, &p, &r),
        suggestion_table: status_table(
            &ctx,
            &ctx.t("results-suggestion-statuses"),
            "suggestion-status-",
            &r.suggestion_statuses,
        ),
        kinds_chart,
        weeks_chart,
        proposal_chart,
        proposal_statuses,
        decided,
        newest_version,
        process: p.process,
        results: r,
        ctx,
    })
}

fn bar(ctx: &Ctx, label: String, n: i64) -> Bar {
    Bar {
        label,
        value: n as f64,
        value_text: ctx.number(&n),
        y: 0.0,
        width: 0.0,
    }
}

/// The figures of the page as a workbook: one sheet per table.
async fn report(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<results::Cache>>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let r = figures(&cache, &state, &p).await?;
    let summary = Table {
        title: ctx.t("results-summary"),
        head: vec![ctx.t("results-figure"), ctx.t("results-count")],
        rows: vec![
            (ctx.t("results-participants"), vec![r.participants]),
            (
                ctx.t("results-contributions"),
                vec![r.total_contributions()],
            ),
        ],
    };
    let tables = [
        summary,
        phase_table(&ctx, &p, &r),
        week_table(&ctx, &r),
        status_table(
            &ctx,
            &ctx.t("results-proposal-statuses"),
            "status-",
            &r.proposal_statuses,
        ),
        status_table(
            &ctx,
            &ctx.t("results-suggestion-statuses"),
            "suggestion-status-",
            &r.suggestion_statuses,
        ),
    ];
    let heading = format!(
        "{} – {} ({})",
        ctx.t("results-title"),
        p.process.title,
        dias_core::time::format_datetime(r.computed_at)
    );
    let body = workbook(&heading, &tables).map_err(AppError::Internal)?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
    );
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{slug}-ergebnisbericht.xlsx\""
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

/// Writes each table to its own sheet, the heading on top of the first.
fn workbook(heading: &str, tables: &[Table]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    for (i, table) in tables.iter().enumerate() {
        let sheet = book.add_worksheet();
        // Sheet names: at most 31 characters, some characters not allowed.
        let name: String = table
            .title
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(31)
            .collect();
        sheet.set_name(&name).map_err(|e| e.to_string())?;
        let mut row = 0;
        if i == 0 {
            sheet
                .write_string_with_format(0, 0, heading, &bold)
                .map_err(|e| e.to_string())?;
            row = 2;
        }
        for (col, head) in table.head.iter().enumerate() {
            sheet
                .write_string_with_format(row, col as u16, head, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (label, numbers) in &table.rows {
            row += 1;
            sheet
                .write_string(row, 0, label)
                .map_err(|e| e.to_string())?;
            for (col, n) in numbers.iter().enumerate() {
                sheet
                    .write_number(row, col as u16 + 1, *n as f64)
                    .map_err(|e| e.to_string())?;
            }
        }
        sheet.set_column_width(0, 40).map_err(|e| e.to_string())?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}
