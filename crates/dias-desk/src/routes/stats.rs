//! `/anfragen/statistik`: the desk's figures for everyone (what they
//! count and why no count is suppressed: [`crate::stats`]). Each chart is
//! server-side SVG with its table on the page and the same table as
//! CSV/XLSX at `/anfragen/statistik/<chart>.<csv|xlsx>`.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use dias_web::components::{Bar, BarChart, Column, ColumnChart};
use dias_web::forms::page;
use dias_web::table::{Cell, Table, TableFormat};
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::queue::Segments;
use crate::stats::{self, Row};
use crate::vocab::Topic;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/anfragen/statistik", get(show))
        .route("/anfragen/statistik/{file}", get(download))
}

/// Months in the monthly chart.
const MONTHS: u32 = 12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chart {
    Topics,
    SenderTypes,
    Months,
    AnswerTime,
    Target,
}

impl Chart {
    const ALL: [Chart; 5] = [
        Chart::Topics,
        Chart::SenderTypes,
        Chart::Months,
        Chart::AnswerTime,
        Chart::Target,
    ];

    fn slug(self) -> &'static str {
        match self {
            Chart::Topics => "themen",
            Chart::SenderTypes => "absender",
            Chart::Months => "monate",
            Chart::AnswerTime => "antwortzeit",
            Chart::Target => "zielerreichung",
        }
    }

    fn title_key(self) -> &'static str {
        match self {
            Chart::Topics => "desk-stats-chart-topics",
            Chart::SenderTypes => "desk-stats-chart-senders",
            Chart::Months => "desk-stats-chart-months",
            Chart::AnswerTime => "desk-stats-chart-answer-time",
            Chart::Target => "desk-stats-chart-target",
        }
    }

    fn from_slug(slug: &str) -> Option<Chart> {
        Chart::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// What every chart is computed from: one query for the inquiries, one
/// for the topics' target times.
struct Data {
    rows: Vec<Row>,
    targets: HashMap<String, u32>,
    now: i64,
}

async fn data(state: &AppState) -> AppResult<Data> {
    Ok(Data {
        rows: stats::rows(&state.db).await?,
        targets: stats::targets(&state.db).await?,
        now: dias_core::time::now(),
    })
}

/// A number with one decimal in the reader's locale („2,5“ / „2.5“).
fn decimal(ctx: &Ctx, value: f64) -> String {
    let text = format!("{value:.1}");
    if ctx.locale() == "de" {
        text.replace('.', ",")
    } else {
        text
    }
}

fn topic_name(ctx: &Ctx, topic: Option<Topic>) -> String {
    topic.map_or_else(|| ctx.t("desk-stats-all-topics"), |t| ctx.t(t.label_key()))
}

fn count(n: usize) -> Cell {
    Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn decimal_cell(value: Option<f64>) -> Cell {
    match value {
        Some(v) => Cell::Num((v * 10.0).round() / 10.0),
        // No value (nothing answered yet): an empty cell, not a zero.
        None => Cell::Text(String::new()),
    }
}

fn table(ctx: &Ctx, chart: Chart, data: &Data) -> Table {
    let title = ctx.t(chart.title_key());
    match chart {
        Chart::Topics => {
            let mut table = Table::new(
                title,
                vec![ctx.t("desk-stats-col-topic"), ctx.t("desk-stats-col-count")],
            );
            for (topic, n) in stats::per_topic(&data.rows) {
                table.push(vec![Cell::Text(ctx.t(topic.label_key())), count(n)]);
            }
            table
        }
        Chart::SenderTypes => {
            let mut table = Table::new(
                title,
                vec![
                    ctx.t("desk-stats-col-sender"),
                    ctx.t("desk-stats-col-count"),
                ],
            );
            for (sender, n) in stats::per_sender_type(&data.rows) {
                table.push(vec![Cell::Text(ctx.t(sender.label_key())), count(n)]);
            }
            table
        }
        Chart::Months => {
            let mut table = Table::new(
                title,
                vec![ctx.t("desk-stats-col-month"), ctx.t("desk-stats-col-count")],
            );
            let today = crate::calendar::berlin_date(data.now);
            for (month, n) in stats::per_month(&data.rows, today, MONTHS) {
                table.push(vec![
                    Cell::Text(month.strftime("%m/%Y").to_string()),
                    count(n),
                ]);
            }
            table
        }
        Chart::AnswerTime => {
            let mut table = Table::new(
                title,
                vec![
                    ctx.t("desk-stats-col-topic"),
                    ctx.t("desk-stats-col-answered"),
                    ctx.t("desk-stats-col-median-days"),
                    ctx.t("desk-stats-col-median-hours"),
                ],
            );
            for (topic, time) in stats::answer_times(&data.rows) {
                table.push(vec![
                    Cell::Text(topic_name(ctx, topic)),
                    count(time.answered),
                    decimal_cell(time.working_days),
                    decimal_cell(time.hours),
                ]);
            }
            table
        }
        Chart::Target => {
            let mut table = Table::new(
                title,
                vec![
                    ctx.t("desk-stats-col-topic"),
                    ctx.t("desk-stats-col-decided"),
                    ctx.t("desk-stats-col-within"),
                    ctx.t("desk-stats-col-share"),
                ],
            );
            for (topic, result) in stats::within_targets(&data.rows, &data.targets, data.now) {
                table.push(vec![
                    Cell::Text(topic_name(ctx, topic)),
                    count(result.decided),
                    count(result.within),
                    decimal_cell(result.percent()),
                ]);
            }
            table
        }
    }
}

/// A cell as the page shows it: numbers in the locale's format, an empty
/// cell as a dash.
fn shown(ctx: &Ctx, cell: &Cell) -> String {
    match cell {
        Cell::Int(n) => ctx.number(n),
        Cell::Num(v) => decimal(ctx, *v),
        Cell::Text(t) if t.is_empty() => "–".to_owned(),
        Cell::Text(t) => t.clone(),
    }
}

fn numeric(cell: &Cell) -> f64 {
    match cell {
        Cell::Int(n) => *n as f64,
        Cell::Num(v) => *v,
        _ => 0.0,
    }
}

/// A bar chart of a table's first column against its column `value`.
fn bar_chart(ctx: &Ctx, chart: Chart, table: &Table, value: usize, suffix: &str) -> BarChart {
    BarChart {
        id: chart.slug().into(),
        title: table.title.clone(),
        description: ctx.t(&format!("{}-description", chart.title_key())),
        label_header: table.headers[0].clone(),
        value_header: table.headers[value].clone(),
        table_summary: ctx.t("chart-table-summary"),
        bars: table
            .rows
            .iter()
            .map(|row| {
                let text = shown(ctx, &row[value]);
                Bar {
                    label: row[0].as_text(),
                    value: numeric(&row[value]),
                    value_text: if !matches!(row[value], Cell::Int(_) | Cell::Num(_)) {
                        text
                    } else {
                        format!("{text}{suffix}")
                    },
                    y: 0.0,
                    width: 0.0,
                }
            })
            .collect(),
    }
    .layout()
}

/// The whole table of a chart whose figure shows one of its columns.
#[derive(Template, Debug, Clone)]
#[template(path = "desk/stats_table.html")]
struct Detail {
    id: String,
    caption: String,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn detail(ctx: &Ctx, chart: Chart, table: &Table) -> Detail {
    Detail {
        id: format!("{}-tabelle", chart.slug()),
        // Not the chart's title: the chart's own table region carries that
        // name, and two regions must not share one.
        caption: format!("{} – {}", table.title, ctx.t("desk-stats-table-details")),
        headers: table.headers.clone(),
        rows: table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| shown(ctx, c)).collect())
            .collect(),
    }
}

#[derive(Template)]
#[template(path = "desk/stats.html")]
struct StatsPage {
    ctx: Ctx,
    total: usize,
    topics: BarChart,
    senders: BarChart,
    months: ColumnChart,
    answer_time: BarChart,
    answer_detail: Detail,
    target: BarChart,
    target_detail: Detail,
    overall_days: String,
    overall_hours: String,
    overall_share: String,
    months_retention: u32,
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let data = data(&state).await?;
    let topics_table = table(&ctx, Chart::Topics, &data);
    let senders_table = table(&ctx, Chart::SenderTypes, &data);
    let months_table = table(&ctx, Chart::Months, &data);
    let answer_table = table(&ctx, Chart::AnswerTime, &data);
    let target_table = table(&ctx, Chart::Target, &data);
    let max = months_table
        .rows
        .iter()
        .map(|r| numeric(&r[1]))
        .fold(0.0, f64::max);
    let months = ColumnChart {
        id: Chart::Months.slug().into(),
        title: months_table.title.clone(),
        description: ctx.t("desk-stats-chart-months-description"),
        label_header: months_table.headers[0].clone(),
        value_header: months_table.headers[1].clone(),
        table_summary: ctx.t("chart-table-summary"),
        columns: months_table
            .rows
            .iter()
            .map(|row| Column {
                label: row[0].as_text(),
                value: numeric(&row[1]),
                value_text: shown(&ctx, &row[1]),
                x: 0.0,
                height: 0.0,
                axis_label: false,
                anchor: "start",
            })
            .collect(),
        max_text: ctx.number(&(max as i64)),
    }
    .layout();
    let all = stats::answer_time(data.rows.iter());
    let share = stats::within_target(data.rows.iter(), &data.targets, data.now);
    let days_suffix = format!(" {}", ctx.t("desk-stats-unit-days"));
    page(&StatsPage {
        total: data.rows.len(),
        topics: bar_chart(&ctx, Chart::Topics, &topics_table, 1, ""),
        senders: bar_chart(&ctx, Chart::SenderTypes, &senders_table, 1, ""),
        months,
        answer_time: bar_chart(&ctx, Chart::AnswerTime, &answer_table, 2, &days_suffix),
        answer_detail: detail(&ctx, Chart::AnswerTime, &answer_table),
        target: bar_chart(&ctx, Chart::Target, &target_table, 3, " %"),
        target_detail: detail(&ctx, Chart::Target, &target_table),
        overall_days: all
            .working_days
            .map_or_else(|| "–".to_owned(), |v| decimal(&ctx, v)),
        overall_hours: all
            .hours
            .map_or_else(|| "–".to_owned(), |v| decimal(&ctx, v)),
        overall_share: share
            .percent()
            .map_or_else(|| "–".to_owned(), |v| format!("{} %", decimal(&ctx, v))),
        months_retention: state.config.desk_retention_months,
        ctx,
    })
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(file): Segments<String>,
) -> AppResult<Response> {
    let (name, ext) = file.rsplit_once('.').ok_or(AppError::NotFound)?;
    let chart = Chart::from_slug(name).ok_or(AppError::NotFound)?;
    let format = TableFormat::from_extension(ext).ok_or(AppError::NotFound)?;
    let data = data(&state).await?;
    table(&ctx, chart, &data)
        .download(format, &format!("anfragen-{}", chart.slug()))
        .map_err(AppError::Internal)
}
