//! Zahlen: the network in figures, compared with the KI-Studie Sachsen.

use askama::Template;
use std::sync::Arc;

use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use dias_web::components::{Bar, BarChart, Column, ColumnChart};
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};

use super::label;
use crate::domain::{CATEGORIES, COMPETENCES};
use crate::snapshot::SnapshotCache;
use crate::stats::{self, Comparison};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/netzwerk/zahlen", get(show))
}

#[derive(Template)]
#[template(path = "network/stats.html")]
struct StatsPage {
    ctx: Ctx,
    total: usize,
    by_category: BarChart,
    by_district: BarChart,
    by_competence: BarChart,
    by_year: Option<ColumnChart>,
    comparison: Vec<Comparison>,
}

fn bar(ctx: &Ctx, label: String, n: usize) -> Bar {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    Bar {
        label,
        value: n as f64,
        value_text: ctx.number(&n),
        y: 0.0,
        width: 0.0,
    }
}

fn chart(ctx: &Ctx, id: &str, key: &str, header: &str, bars: Vec<Bar>) -> BarChart {
    BarChart {
        id: id.into(),
        title: ctx.t(key),
        description: ctx.t(&format!("{key}-description")),
        label_header: ctx.t(header),
        value_header: ctx.t("matching-stats-count"),
        table_summary: ctx.t("chart-table-summary"),
        bars,
    }
    .layout()
}

async fn show(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
) -> AppResult<Response> {
    let snapshot = cache.get(&state.db).await?;
    let s = &snapshot.stats;
    let by_category = chart(
        &ctx,
        "kategorien",
        "matching-stats-by-category",
        "network-field-category",
        CATEGORIES
            .iter()
            .map(|c| {
                bar(
                    &ctx,
                    ctx.t(c.key),
                    s.by_category.get(c.slug).copied().unwrap_or(0),
                )
            })
            .collect(),
    );
    // Every Kreis, largest first, so empty ones show as gaps to fill.
    let mut districts: Vec<(String, usize)> = dias_core::reference::cached()
        .districts
        .iter()
        .map(|d| {
            (
                d.name_short.clone(),
                s.by_district.get(&d.ags5).copied().unwrap_or(0),
            )
        })
        .collect();
    districts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let by_district = chart(
        &ctx,
        "kreise",
        "matching-stats-by-district",
        "district",
        districts
            .into_iter()
            .map(|(name, n)| bar(&ctx, name, n))
            .collect(),
    );
    let mut competences: Vec<(String, usize)> = COMPETENCES
        .iter()
        .map(|c| {
            (
                label(&ctx, &COMPETENCES, c.slug),
                s.by_competence.get(c.slug).copied().unwrap_or(0),
            )
        })
        .collect();
    competences.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let by_competence = chart(
        &ctx,
        "kompetenzen",
        "matching-stats-by-competence",
        "network-competences",
        competences
            .into_iter()
            .map(|(name, n)| bar(&ctx, name, n))
            .collect(),
    );
    let by_year = year_chart(&ctx, s);
    page(&StatsPage {
        total: s.total,
        comparison: stats::comparison(s),
        by_category,
        by_district,
        by_competence,
        by_year,
        ctx,
    })
}

/// Years before this are one column: old universities would otherwise
/// stretch the axis over centuries.
const FIRST_YEAR: i32 = 1990;

fn year_chart(ctx: &Ctx, s: &stats::Stats) -> Option<ColumnChart> {
    let last = *s.by_year.keys().next_back()?;
    let column = |label: String, n: usize| {
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        Column {
            label,
            value: n as f64,
            value_text: ctx.number(&n),
            x: 0.0,
            height: 0.0,
            axis_label: false,
            anchor: "start",
        }
    };
    let before: usize = s.by_year.range(..FIRST_YEAR).map(|(_, n)| n).sum();
    let mut columns = Vec::new();
    if before > 0 {
        columns.push(column(
            ctx.t1("matching-stats-before", "year", FIRST_YEAR),
            before,
        ));
    }
    let first = s
        .by_year
        .range(FIRST_YEAR..)
        .next()
        .map(|(y, _)| *y)
        .unwrap_or(last);
    // Every year in between, so gaps are visible.
    for y in first.max(FIRST_YEAR)..=last {
        columns.push(column(
            y.to_string(),
            s.by_year.get(&y).copied().unwrap_or(0),
        ));
    }
    let max = columns.iter().map(|c| c.value).fold(0.0, f64::max) as i64;
    Some(
        ColumnChart {
            id: "gruendungsjahre".into(),
            title: ctx.t("matching-stats-by-year"),
            description: ctx.t("matching-stats-by-year-description"),
            label_header: ctx.t("network-field-founding-year"),
            value_header: ctx.t("matching-stats-count"),
            table_summary: ctx.t("chart-table-summary"),
            columns,
            max_text: ctx.number(&max),
        }
        .layout(),
    )
}
