//! `/foerderung/vergleich?angebot=a&angebot=b…`: up to four offers side by
//! side, one table row per condition. More offers are cut to the first four
//! with a message; unknown slugs are named. Answered from the snapshot.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};

use super::{day, eur, percent, regions, term, terms};
use crate::check::Availability;
use crate::offer::Offer;
use crate::snapshot::SnapshotCache;

/// Offers in one comparison: more columns do not fit a screen.
pub const MAX_OFFERS: usize = 4;
/// Slugs read from one URL at most (the rest is ignored unread).
const MAX_ASKED: usize = 20;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/foerderung/vergleich", get(show))
}

/// A compared offer (a column).
#[derive(Debug, Clone)]
pub struct Column {
    pub slug: String,
    pub title: String,
    /// The comparison without this offer.
    pub without_href: String,
}

/// A condition (a row): its label and one value per column.
#[derive(Debug, Clone)]
pub struct ConditionRow {
    pub label: String,
    pub values: Vec<String>,
}

#[derive(Template)]
#[template(path = "funding/compare.html")]
struct ComparePage {
    ctx: Ctx,
    columns: Vec<Column>,
    rows: Vec<ConditionRow>,
    too_many: bool,
    unknown: Vec<String>,
    max: usize,
}

/// The `angebot` values of the URL in order, without repeats.
fn asked(raw: Option<&str>) -> Vec<String> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for (key, value) in pairs {
        let value: String = value.trim().chars().take(crate::offer::MAX_SLUG).collect();
        if key == "angebot" && !value.is_empty() && !out.contains(&value) {
            out.push(value);
            if out.len() == MAX_ASKED {
                break;
            }
        }
    }
    out
}

fn href(slugs: &[&str]) -> String {
    if slugs.is_empty() {
        return "/foerderung/vergleich".to_owned();
    }
    let pairs: Vec<(&str, &str)> = slugs.iter().map(|s| ("angebot", *s)).collect();
    format!(
        "/foerderung/vergleich?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// The rows of the table for these offers.
fn rows(ctx: &Ctx, offers: &[&Offer], title_of: &dyn Fn(&str) -> String) -> Vec<ConditionRow> {
    let today = crate::today();
    let none = ctx.t("funding-compare-none");
    let or_none = |s: String| if s.is_empty() { none.clone() } else { s };
    let row = |label: &str, value: &dyn Fn(&Offer) -> String| ConditionRow {
        label: ctx.t(label),
        values: offers.iter().map(|o| or_none(value(o))).collect(),
    };
    let amount = |a: Option<u64>, o: &Offer| {
        a.map(|a| {
            let basis = o
                .amount_basis
                .map(|b| format!(" ({})", term(ctx, b)))
                .unwrap_or_default();
            format!("{}{basis}", eur(ctx, a))
        })
        .unwrap_or_default()
    };
    vec![
        row("funding-field-offer-type", &|o| term(ctx, o.offer_type)),
        row("funding-facet-foerderart", &|o| {
            terms(ctx, &o.funding_types)
        }),
        row("funding-facet-berechtigte", &|o| {
            terms(ctx, &o.eligible_groups)
        }),
        row("funding-facet-groesse", &|o| {
            if o.company_sizes.is_empty() {
                if o.eligible_groups.iter().any(|g| g.has_size()) {
                    ctx.t("funding-compare-all-sizes")
                } else {
                    String::new()
                }
            } else {
                terms(ctx, &o.company_sizes)
            }
        }),
        row("funding-facet-gebiet", &|o| regions(ctx, &o.regions)),
        row("funding-facet-bereich", &|o| terms(ctx, &o.areas)),
        row("funding-field-amount-min", &|o| amount(o.amount_min_eur, o)),
        row("funding-field-amount-max", &|o| amount(o.amount_max_eur, o)),
        row("funding-field-rate", &|o| {
            let mut parts: Vec<String> = o
                .tiers
                .iter()
                .filter_map(|t| {
                    let rate = t.rate_percent.map(|r| percent(ctx, r))?;
                    let who = t
                        .size
                        .map(|s| term(ctx, s))
                        .unwrap_or_else(|| t.label.clone());
                    let max = t
                        .max_eur
                        .map(|m| format!(", {}", eur(ctx, m)))
                        .unwrap_or_default();
                    Some(format!("{who}: {rate}{max}"))
                })
                .collect();
            if parts.is_empty()
                && let Some(r) = o.rate_max_percent
            {
                parts.push(percent(ctx, r));
            }
            parts.join("; ")
        }),
        row("funding-field-procedure", &|o| term(ctx, o.procedure)),
        row("funding-next-deadline", &|o| {
            o.next_deadline(today)
                .map(|d| day(ctx, d.date))
                .unwrap_or_default()
        }),
        row("funding-field-programme-end", &|o| {
            o.programme_end.map(|d| day(ctx, d)).unwrap_or_default()
        }),
        row("funding-field-status", &|o| {
            format!(
                "{} – {}",
                term(ctx, o.status),
                ctx.t(Availability::of(o, today).message_id())
            )
        }),
        row("funding-facet-ebene", &|o| {
            format!("{} – {}", term(ctx, o.funder_level), o.funder)
        }),
        row("funding-combinable", &|o| {
            o.combinable_with
                .iter()
                .map(|s| title_of(s))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        row("funding-field-last-checked", &|o| day(ctx, o.last_checked)),
    ]
}

async fn show(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let asked = asked(raw.as_deref());
    let snapshot = cache.get(&state.db).await?;
    let (known, unknown): (Vec<&String>, Vec<&String>) =
        asked.iter().partition(|s| snapshot.by_slug(s).is_some());
    let too_many = known.len() > MAX_OFFERS;
    let offers: Vec<&Offer> = known
        .iter()
        .take(MAX_OFFERS)
        .filter_map(|s| snapshot.by_slug(s))
        .collect();
    let slugs: Vec<&str> = offers.iter().map(|o| o.slug.as_str()).collect();
    let columns = offers
        .iter()
        .map(|o| Column {
            slug: o.slug.clone(),
            title: o.title.clone(),
            without_href: href(
                &slugs
                    .iter()
                    .copied()
                    .filter(|s| *s != o.slug)
                    .collect::<Vec<_>>(),
            ),
        })
        .collect();
    let title_of = |slug: &str| {
        snapshot
            .by_slug(slug)
            .map(|o| o.title.clone())
            .unwrap_or_else(|| slug.to_owned())
    };
    let rows = rows(&ctx, &offers, &title_of);
    page(&ComparePage {
        columns,
        rows,
        too_many,
        unknown: unknown.into_iter().cloned().collect(),
        max: MAX_OFFERS,
        ctx,
    })
}
