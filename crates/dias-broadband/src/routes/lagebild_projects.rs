//! Lagebild of the funding projects: projects by stage and funds by Kreis,
//! each chart with its table on the page and the same table as CSV/XLSX.

use super::query::Segments;
use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use dias_web::components::{Bar, BarChart};
use dias_web::forms::page;
use dias_web::table::{Cell, Table, TableFormat};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::projects::Stage;
use crate::projects::store::{self, ChartRow};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/lagebild/projekte", get(show))
        .route("/breitband/lagebild/projekte/{file}", get(download))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chart {
    Stages,
    Funds,
}

impl Chart {
    fn from_slug(slug: &str) -> Option<Self> {
        match slug {
            "phasen" => Some(Chart::Stages),
            "foerdermittel" => Some(Chart::Funds),
            _ => None,
        }
    }
}

/// Whole euros (rounded) from cents: the overview shows no cents.
fn euros(cents: i64) -> i64 {
    (cents + 50).div_euclid(100)
}

fn stages_table(ctx: &Ctx, rows: &[ChartRow]) -> Table {
    let mut table = Table::new(
        ctx.t("broadband-projects-chart-stages"),
        vec![
            ctx.t("broadband-projects-field-stage"),
            ctx.t("broadband-projects-chart-projects"),
        ],
    );
    for stage in Stage::ALL {
        let count = rows.iter().filter(|r| r.stage == stage.slug()).count() as i64;
        table.push(vec![
            Cell::Text(ctx.t(&stage.label_key())),
            Cell::Int(count),
        ]);
    }
    table
}

/// Per Kreis (all 13, in the reference order): Bund, Land, Kommune, total
/// eligible costs in whole euros, and the number of projects.
fn funds_table(ctx: &Ctx, rows: &[ChartRow]) -> Table {
    let mut table = Table::new(
        ctx.t("broadband-projects-chart-funds"),
        vec![
            ctx.t("broadband-projects-chart-kreis"),
            ctx.t("broadband-projects-chart-federal-eur"),
            ctx.t("broadband-projects-chart-state-eur"),
            ctx.t("broadband-projects-chart-municipal-eur"),
            ctx.t("broadband-projects-chart-eligible-eur"),
            ctx.t("broadband-projects-chart-projects"),
        ],
    );
    for d in &dias_core::reference::cached().districts {
        let own: Vec<&ChartRow> = rows.iter().filter(|r| r.district_ags5 == d.ags5).collect();
        let sum = |f: fn(&ChartRow) -> i64| euros(own.iter().map(|r| f(r)).sum());
        table.push(vec![
            Cell::Text(d.name.clone()),
            Cell::Int(sum(|r| r.amounts.federal)),
            Cell::Int(sum(|r| r.amounts.state)),
            Cell::Int(sum(|r| r.amounts.municipal)),
            Cell::Int(sum(|r| r.amounts.eligible)),
            Cell::Int(own.len() as i64),
        ]);
    }
    table
}

/// A cell as the page shows it: numbers with the locale's separators.
fn shown(ctx: &Ctx, cell: &Cell) -> String {
    match cell {
        Cell::Int(n) => ctx.number(n),
        other => other.as_text(),
    }
}

/// One Kreis in the grouped funds chart: three bars (Bund, Land, Kommune).
#[derive(Debug, Clone)]
struct FundsGroup {
    label: String,
    y: f64,
    bars: Vec<FundsBar>,
}

#[derive(Debug, Clone)]
struct FundsBar {
    /// `bund`, `land`, `kommune` (class and legend).
    kind: &'static str,
    label: String,
    width: f64,
    y: f64,
    value_text: String,
}

/// Grouped horizontal bars: per Kreis the federal, state and municipal
/// funds side by side (they are shares of one sum, but grouped bars keep
/// each share readable on its own scale).
#[derive(Template)]
#[template(path = "broadband/lagebild_projects_funds.html")]
struct FundsChart {
    id: &'static str,
    title: String,
    description: String,
    table_summary: String,
    groups: Vec<FundsGroup>,
    legend: Vec<(f64, &'static str, String)>,
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl FundsChart {
    const LABEL_WIDTH: f64 = 290.0;
    const BAR_AREA: f64 = 420.0;
    const BAR: f64 = 12.0;
    const GROUP: f64 = 3.0 * 12.0 + 14.0;

    fn height(&self) -> f64 {
        self.groups.len() as f64 * Self::GROUP + 30.0
    }

    fn width(&self) -> f64 {
        Self::LABEL_WIDTH + Self::BAR_AREA + 150.0
    }
}

/// Bar colours of Bund, Land and Kommune: three blues of the site's
/// palette, distinguishable also in greyscale; the table carries the values.
const COLOURS: [(&str, &str); 3] = [
    ("bund", "#1f4e79"),
    ("land", "#3f7fbf"),
    ("kommune", "#9cc3e6"),
];

fn funds_chart(ctx: &Ctx, table: &Table) -> FundsChart {
    let max = table
        .rows
        .iter()
        .flat_map(|r| r[1..4].iter())
        .map(|c| match c {
            Cell::Int(n) => *n,
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let labels = [
        ctx.t("broadband-projects-field-federal"),
        ctx.t("broadband-projects-field-state"),
        ctx.t("broadband-projects-field-municipal"),
    ];
    let groups = table
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let y = 24.0 + i as f64 * FundsChart::GROUP;
            FundsGroup {
                label: row[0].as_text(),
                y,
                bars: (0..3)
                    .map(|k| {
                        let value = match row[k + 1] {
                            Cell::Int(n) => n,
                            _ => 0,
                        };
                        FundsBar {
                            kind: COLOURS[k].0,
                            label: labels[k].clone(),
                            width: if max > 0 {
                                (value as f64 / max as f64 * FundsChart::BAR_AREA)
                                    .max(if value > 0 { 1.0 } else { 0.0 })
                            } else {
                                0.0
                            },
                            y: y + k as f64 * FundsChart::BAR,
                            value_text: format!("{} €", ctx.number(&value)),
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    FundsChart {
        id: "foerdermittel",
        title: ctx.t("broadband-projects-chart-funds"),
        description: ctx.t("broadband-projects-chart-funds-description"),
        table_summary: ctx.t("chart-table-summary"),
        groups,
        legend: (0..3)
            .map(|k| {
                (
                    FundsChart::LABEL_WIDTH + k as f64 * 140.0,
                    COLOURS[k].1,
                    labels[k].clone(),
                )
            })
            .collect(),
        headers: table.headers.clone(),
        rows: table
            .rows
            .iter()
            .map(|r| r.iter().map(|c| shown(ctx, c)).collect())
            .collect(),
    }
}

impl FundsBar {
    fn colour(&self) -> &'static str {
        COLOURS
            .iter()
            .find(|(k, _)| *k == self.kind)
            .map_or("#1f4e79", |(_, c)| c)
    }
}

#[derive(Template)]
#[template(path = "broadband/lagebild_projects.html")]
struct LagebildPage {
    ctx: Ctx,
    stages: BarChart,
    funds: FundsChart,
    total: usize,
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let rows = store::chart_rows(&state.db).await?;
    let stages_table = stages_table(&ctx, &rows);
    let stages = BarChart {
        id: "phasen".into(),
        title: ctx.t("broadband-projects-chart-stages"),
        description: ctx.t("broadband-projects-chart-stages-description"),
        label_header: stages_table.headers[0].clone(),
        value_header: stages_table.headers[1].clone(),
        table_summary: ctx.t("chart-table-summary"),
        bars: stages_table
            .rows
            .iter()
            .map(|row| {
                let value = match row[1] {
                    Cell::Int(n) => n,
                    _ => 0,
                };
                Bar {
                    label: row[0].as_text(),
                    value: value as f64,
                    value_text: shown(&ctx, &row[1]),
                    y: 0.0,
                    width: 0.0,
                }
            })
            .collect(),
    }
    .layout();
    let funds = funds_chart(&ctx, &funds_table(&ctx, &rows));
    page(&LagebildPage {
        total: rows.len(),
        stages,
        funds,
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
    let rows = store::chart_rows(&state.db).await?;
    let (table, basename) = match chart {
        Chart::Stages => (stages_table(&ctx, &rows), "foerderprojekte-phasen"),
        Chart::Funds => (funds_table(&ctx, &rows), "foerderprojekte-foerdermittel"),
    };
    table.download(format, basename).map_err(AppError::Internal)
}
