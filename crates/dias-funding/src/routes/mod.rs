//! Pages of the Förderlotse. Handlers read the URL, take the offers from
//! the snapshot (or the store), call the pure modules and render. There is
//! no form action yet: every page is a GET and works without JavaScript.

mod api;
mod check;
mod compare;
mod deadlines;
mod editorial;
pub(crate) mod exchange;
mod offer;
mod opendata;
mod search;
mod watch;

use std::sync::Arc;

use axum::routing::get;
use axum::{Extension, Router};
use dias_web::{AppState, Ctx};
use jiff::civil::Date;

use crate::snapshot::SnapshotCache;
use crate::vocab::{Region, Term};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/foerderung", get(search::list))
        .route("/foerderung/angebote/{slug}", get(offer::show))
        .route("/foerderung/check", get(check::show))
        .merge(deadlines::routes())
        .merge(watch::routes())
        .merge(compare::routes())
        .merge(api::routes())
        .merge(opendata::routes())
        .merge(exchange::routes())
        .merge(editorial::routes())
        // One snapshot per router: each instance (and each test app) keeps
        // its own and checks it against the database.
        .layer(Extension(Arc::new(SnapshotCache::default())))
}

/// A term's label in the visitor's language.
pub(crate) fn term<T: Term>(ctx: &Ctx, t: T) -> String {
    ctx.t(t.message_id())
}

pub(crate) fn terms<T: Term>(ctx: &Ctx, ts: &[T]) -> String {
    ts.iter()
        .map(|t| term(ctx, *t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A region's name: translated for the wide ones, the official name of a
/// Kreis or Gemeinde.
pub(crate) fn region(ctx: &Ctx, r: &Region) -> String {
    match r {
        Region::Eu | Region::Federal | Region::Saxony => {
            ctx.t(&format!("funding-region-{}", r.slug()))
        }
        Region::District(_) | Region::Municipality(_) => r.label_de(),
    }
}

pub(crate) fn regions(ctx: &Ctx, rs: &[Region]) -> String {
    rs.iter()
        .map(|r| region(ctx, r))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A calendar day as the visitor reads it (`31.03.2027`, `31 March 2027`).
pub(crate) fn day(ctx: &Ctx, date: Date) -> String {
    if ctx.locale() == "en" {
        date.strftime("%-d %B %Y").to_string()
    } else {
        date.strftime("%d.%m.%Y").to_string()
    }
}

/// An amount in euros with the visitor's digit grouping.
pub(crate) fn eur(ctx: &Ctx, amount: u64) -> String {
    let n = i64::try_from(amount).unwrap_or(i64::MAX);
    ctx.t1(
        "funding-eur",
        "amount",
        dias_web::components::format_number(n, ctx.locale()),
    )
}

pub(crate) fn percent(ctx: &Ctx, rate: u8) -> String {
    ctx.t1("funding-percent", "rate", rate)
}

/// An offer in a result list, rendered from the record in memory.
#[derive(Debug, Clone)]
pub struct OfferCard {
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub offer_type: String,
    pub funding_types: String,
    pub funder: String,
    pub regions: String,
    pub status: String,
    /// `ok`, `warn` or `muted`: the badge colour of the status.
    pub status_class: &'static str,
    pub next_deadline: Option<String>,
    /// For accounts: whether the offer is on their Merkliste (the card
    /// then has a Merken/Entfernen button); `None` for visitors.
    pub watched: Option<bool>,
}

pub(crate) fn card(ctx: &Ctx, offer: &crate::Offer, today: Date) -> OfferCard {
    use crate::check::Availability;
    let availability = Availability::of(offer, today);
    OfferCard {
        slug: offer.slug.clone(),
        title: offer.title.clone(),
        summary: offer.summary.clone(),
        offer_type: term(ctx, offer.offer_type),
        funding_types: terms(ctx, &offer.funding_types),
        funder: offer.funder.clone(),
        regions: regions(ctx, &offer.regions),
        status: ctx.t(availability.message_id()),
        status_class: match availability {
            Availability::Open | Availability::AwaitingDeadline => "ok",
            Availability::Announced | Availability::Stopped => "warn",
            Availability::Ended => "muted",
        },
        next_deadline: offer.next_deadline(today).map(|d| day(ctx, d.date)),
        watched: None,
    }
}
