//! `/foerderung/fristen`: the upcoming deadlines of the offers, by month,
//! and `/foerderung/fristen.ics`, the same as a calendar. Both read the
//! search page's parameters (facets, `q`, `offen`), so a search URL with
//! `/fristen` in its path is the deadline list of that selection.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::Router;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dias_core::ical::{self, Calendar, CalendarEvent};
use dias_web::components::Pagination;
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};
use jiff::civil::Date;

use super::day;
use super::search::{Listing, find, parse_listing};
use crate::check::Availability;
use crate::snapshot::{Facet, Snapshot};

const PER_PAGE: u64 = 30;
/// Events in one calendar file: the nearest ones. A feed of every deadline
/// of 20,000 offers helps no calendar; a filter narrows it.
const FEED_LIMIT: usize = 1_000;
/// The facets the deadline form offers (the others pass through hidden).
const FORM_FACETS: [Facet; 3] = [Facet::Group, Facet::Area, Facet::Region];

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/foerderung/fristen", get(list))
        .route("/foerderung/fristen.ics", get(feed))
}

/// One deadline of one offer.
#[derive(Debug, Clone, Copy)]
struct Entry<'a> {
    date: Date,
    position: usize,
    note: &'a str,
}

/// Every deadline from today on of the offers the listing selects, nearest
/// first (same day: title order). Stopped and ended offers have none.
fn entries<'s>(snapshot: &'s Snapshot, selection: &crate::snapshot::Selection) -> Vec<Entry<'s>> {
    let today = snapshot.today;
    let mut out: Vec<Entry<'s>> = selection
        .matches
        .iter()
        .filter_map(|p| snapshot.offer(p).map(|o| (p, o)))
        .filter(|(_, o)| !Availability::of(o, today).is_closed())
        .flat_map(|(position, o)| {
            o.deadlines
                .iter()
                .filter(move |d| d.date >= today)
                .map(move |d| Entry {
                    date: d.date,
                    position,
                    note: &d.note,
                })
        })
        .collect();
    out.sort_by_key(|e| (e.date, e.position));
    out
}

/// The listing's selection as a URL query, without sort or page.
fn selection_query(listing: &Listing) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if !listing.q.is_empty() {
        pairs.push(("q", &listing.q));
    }
    pairs.extend(listing.filter.chosen.pairs());
    if !listing.filter.open_only {
        pairs.push(("offen", "0"));
    }
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn with_query(path: &str, query: &str) -> String {
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

#[derive(Debug, Clone)]
pub struct DeadlineItem {
    pub iso: String,
    pub date: String,
    pub days_left: String,
    pub slug: String,
    pub title: String,
    pub note: String,
    pub meta: String,
}

#[derive(Debug, Clone)]
pub struct MonthGroup {
    pub id: String,
    pub label: String,
    pub items: Vec<DeadlineItem>,
}

/// A value in the filter form.
#[derive(Debug, Clone)]
pub struct Choice {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

#[derive(Debug, Clone)]
pub struct ChoiceGroup {
    pub param: &'static str,
    pub legend: String,
    pub values: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "funding/deadlines.html")]
struct DeadlinesPage {
    ctx: Ctx,
    q: String,
    open_only: bool,
    /// Facet values of the URL the form does not show: kept as they are.
    hidden: Vec<(&'static str, String)>,
    filters: Vec<ChoiceGroup>,
    total: usize,
    months: Vec<MonthGroup>,
    pagination: Pagination,
    ical_href: String,
    search_href: String,
}

fn month_label(ctx: &Ctx, date: Date) -> String {
    let month = ctx.t(&format!("funding-deadlines-month-{}", date.month()));
    ctx.catalog.get_with(
        ctx.locale(),
        "funding-deadlines-month",
        &[
            ("month", month.into()),
            ("year", date.year().to_string().into()),
        ],
    )
}

async fn list(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<crate::snapshot::SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let listing = parse_listing(&ctx, raw.as_deref())?;
    let snapshot = cache.get(&state.db).await?;
    let (selection, _) = find(&state, &snapshot, &listing)?;
    let all = entries(&snapshot, &selection);
    let query = selection_query(&listing);
    let pagination = Pagination::new(
        listing.page,
        all.len() as u64,
        PER_PAGE,
        with_query("/foerderung/fristen", &query),
    );
    let offset = ((pagination.page - 1) * PER_PAGE) as usize;
    let today = snapshot.today;
    let mut months: Vec<MonthGroup> = Vec::new();
    for e in all.iter().skip(offset).take(PER_PAGE as usize) {
        let Some(offer) = snapshot.offer(e.position) else {
            continue;
        };
        let id = format!("monat-{}", e.date.strftime("%Y-%m"));
        if months.last().is_none_or(|m| m.id != id) {
            months.push(MonthGroup {
                id,
                label: month_label(&ctx, e.date),
                items: Vec::new(),
            });
        }
        let days = (e.date - today).get_days();
        if let Some(month) = months.last_mut() {
            month.items.push(DeadlineItem {
                iso: e.date.to_string(),
                date: day(&ctx, e.date),
                days_left: ctx.tn("funding-deadlines-days-left", "days", i64::from(days)),
                slug: offer.slug.clone(),
                title: offer.title.clone(),
                note: e.note.to_owned(),
                meta: format!(
                    "{} · {}",
                    super::terms(&ctx, &offer.funding_types),
                    offer.funder
                ),
            });
        }
    }
    let filters = FORM_FACETS
        .iter()
        .map(|&facet| ChoiceGroup {
            param: facet.param(),
            legend: ctx.t(&format!("funding-facet-{}", facet.param())),
            values: facet
                .values()
                .into_iter()
                .map(|(value, label, is_id)| Choice {
                    id: format!("d-{}-{value}", facet.param()),
                    label: if is_id { ctx.t(&label) } else { label },
                    checked: listing.filter.chosen.is_selected(facet, &value),
                    value,
                })
                .collect(),
        })
        .collect();
    let hidden = Facet::ALL
        .iter()
        .filter(|f| !FORM_FACETS.contains(f))
        .flat_map(|f| {
            listing
                .filter
                .chosen
                .values(*f)
                .iter()
                .map(|v| (f.param(), v.clone()))
        })
        .collect();
    page(&DeadlinesPage {
        q: listing.q.clone(),
        open_only: listing.filter.open_only,
        hidden,
        filters,
        total: all.len(),
        months,
        pagination,
        ical_href: with_query("/foerderung/fristen.ics", &query),
        search_href: with_query("/foerderung", &query),
        ctx,
    })
}

async fn feed(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<crate::snapshot::SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let mut listing = parse_listing(&ctx, raw.as_deref())?;
    listing.page = 1;
    let snapshot = cache.get(&state.db).await?;
    let (selection, _) = find(&state, &snapshot, &listing)?;
    let base = state.config.public_url.trim_end_matches('/');
    let host = base
        .split("://")
        .nth(1)
        .unwrap_or("dias")
        .trim_end_matches('/')
        .to_owned();
    let events = entries(&snapshot, &selection)
        .into_iter()
        .take(FEED_LIMIT)
        .filter_map(|e| {
            let offer = snapshot.offer(e.position)?;
            let url = format!("{base}/foerderung/angebote/{}", offer.slug);
            let mut description = String::new();
            if !e.note.is_empty() {
                description.push_str(e.note);
                description.push('\n');
            }
            description.push_str(&format!("{}\n{url}", offer.funder));
            Some(CalendarEvent {
                // Stable while the offer keeps its slug and the deadline its
                // day; a moved deadline is a new event.
                uid: format!(
                    "funding-deadline-{}-{}@{host}",
                    offer.slug,
                    e.date.strftime("%Y%m%d")
                ),
                summary: ctx.t1("funding-deadlines-ical-summary", "title", &offer.title),
                description,
                url,
                categories: offer
                    .funding_types
                    .iter()
                    .map(|t| crate::vocab::Term::label_de(*t).to_owned())
                    .collect(),
                updated: snapshot.updated_at(e.position).unwrap_or(0),
                all_day: Some(e.date),
                ..CalendarEvent::default()
            })
        })
        .collect();
    let body = ical::render(
        &Calendar {
            name: ctx.t("funding-deadlines-calendar-name"),
            events,
        },
        dias_core::time::now(),
    );
    Ok((
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"foerderfristen.ics\"".to_owned(),
            ),
        ],
        body,
    )
        .into_response())
}
