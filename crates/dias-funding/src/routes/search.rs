//! `/foerderung`: the offers with facets, open-only switch, text search,
//! sorting and pages — all in the URL, answered from the snapshot.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use dias_web::components::Pagination;
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::{OfferCard, card};
use crate::snapshot::{Facet, Filter, Order, Selection, Snapshot, SnapshotCache};
use crate::store::KIND_OFFER;
use crate::vocab::{EligibleGroup, Term};

const PER_PAGE: u64 = 20;
/// Page links beyond this are refused: nobody reads page 1,000 and it costs.
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;

/// What the filter form asks for.
#[derive(Debug, Clone)]
pub struct Listing {
    pub filter: Filter,
    pub q: String,
    /// `relevanz` (with `q`), `frist` or `aktualisiert`.
    pub sort: String,
    pub page: u64,
}

impl Listing {
    fn default_sort(&self) -> &'static str {
        if self.q.is_empty() {
            "frist"
        } else {
            "relevanz"
        }
    }

    /// The URL query of this listing without the page. The open-only
    /// switch appears only when it is off (its default is on).
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", &self.q));
        }
        pairs.extend(self.filter.chosen.pairs());
        if !self.filter.open_only {
            pairs.push(("offen", "0"));
        }
        if self.sort != self.default_sort() {
            pairs.push(("sortierung", &self.sort));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    pub fn href(&self) -> String {
        let query = self.query();
        if query.is_empty() {
            "/foerderung".to_owned()
        } else {
            format!("/foerderung?{query}")
        }
    }
}

/// Reads the listing from the URL; unknown filter values are dropped. The
/// form sends `offen=0` from a hidden field and `offen=1` from the checked
/// box, so a checked box wins and a missing parameter means the default
/// (open offers only).
pub(crate) fn parse_listing(ctx: &Ctx, raw: Option<&str>) -> AppResult<Listing> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let mut listing = Listing {
        filter: Filter::default(),
        q: String::new(),
        sort: String::new(),
        page: 1,
    };
    let mut open: Option<bool> = None;
    for (key, value) in &pairs {
        match key.as_str() {
            "q" => listing.q = value.trim().chars().take(200).collect(),
            "sortierung" => listing.sort = value.clone(),
            "offen" => match value.as_str() {
                "1" => open = Some(true),
                "0" if open.is_none() => open = Some(false),
                _ => {}
            },
            "seite" if !value.is_empty() => {
                listing.page = match value.parse::<u64>() {
                    Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                    _ => return Err(AppError::BadRequest(ctx.t("error-page-number"))),
                }
            }
            _ => {
                if let Some(facet) = Facet::ALL.iter().find(|f| f.param() == key)
                    && facet.values().iter().any(|(v, _, _)| v == value)
                {
                    listing.filter.chosen.add(*facet, value);
                }
            }
        }
    }
    listing.filter.open_only = open.unwrap_or(true);
    let allowed: &[&str] = if listing.q.is_empty() {
        &["frist", "aktualisiert"]
    } else {
        &["relevanz", "frist", "aktualisiert"]
    };
    if !allowed.contains(&listing.sort.as_str()) {
        listing.sort = allowed[0].to_owned();
    }
    Ok(listing)
}

/// The offers a listing finds: the selection (with facet counts) and, for
/// a text query, the ranked ids of the hits. The search page and the API
/// share it, so both answer a query alike.
pub(crate) fn find(
    state: &AppState,
    snapshot: &Snapshot,
    listing: &Listing,
) -> AppResult<(Selection, Vec<i64>)> {
    let ranked = if listing.q.is_empty() {
        Vec::new()
    } else {
        state.search.ranked_row_ids(&listing.q, KIND_OFFER)?
    };
    let within = (!listing.q.is_empty()).then(|| snapshot.bits_of(&ranked));
    Ok((snapshot.select(&listing.filter, within.as_ref()), ranked))
}

/// The order a listing asks for.
pub(crate) fn order<'a>(listing: &Listing, ranked: &'a [i64]) -> Order<'a> {
    match listing.sort.as_str() {
        "relevanz" => Order::Ranked(ranked),
        "aktualisiert" => Order::Updated,
        _ => Order::Deadline,
    }
}

/// One value in the filter form.
#[derive(Debug, Clone)]
pub struct FacetValue {
    pub id: String,
    pub value: String,
    pub label: String,
    pub count: usize,
    pub checked: bool,
}

/// One facet (a fieldset).
#[derive(Debug, Clone)]
pub struct FacetView {
    pub param: &'static str,
    pub legend: String,
    pub values: Vec<FacetValue>,
}

#[derive(Template)]
#[template(path = "funding/search.html")]
struct SearchPage {
    ctx: Ctx,
    listing: Listing,
    facets: Vec<FacetView>,
    sorts: Vec<(String, String)>,
    total: usize,
    cards: Vec<OfferCard>,
    pagination: Pagination,
    links: crate::links::ModuleLinks,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let listing = parse_listing(&ctx, raw.as_deref())?;
    let snapshot = cache.get(&state.db).await?;
    let (selection, ranked) = find(&state, &snapshot, &listing)?;
    let order = order(&listing, &ranked);
    let pagination = Pagination::new(
        listing.page,
        selection.total as u64,
        PER_PAGE,
        listing.href(),
    );
    let offset = ((pagination.page - 1) * PER_PAGE) as usize;
    let positions = snapshot.page(&selection, order, offset, PER_PAGE as usize);
    let mut cards: Vec<OfferCard> = positions
        .iter()
        .filter_map(|&p| snapshot.offer(p))
        .map(|o| card(&ctx, o, snapshot.today))
        .collect();
    // The Merkliste buttons of the cards: one more query, for accounts only.
    super::watch::mark_watched(&state, &ctx, &snapshot, &positions, &mut cards).await?;
    let facets = Facet::ALL
        .iter()
        .map(|&facet| FacetView {
            param: facet.param(),
            legend: ctx.t(&format!("funding-facet-{}", facet.param())),
            values: facet
                .values()
                .into_iter()
                .map(|(value, label, is_id)| FacetValue {
                    id: format!("f-{}-{value}", facet.param()),
                    label: if is_id { ctx.t(&label) } else { label },
                    count: selection.count(facet, &value),
                    checked: listing.filter.chosen.is_selected(facet, &value),
                    value,
                })
                .collect(),
        })
        .collect();
    let mut sort_values = vec!["frist", "aktualisiert"];
    if !listing.q.is_empty() {
        sort_values.insert(0, "relevanz");
    }
    let sorts = sort_values
        .into_iter()
        .map(|s| (s.to_owned(), ctx.t(&format!("funding-sort-{s}"))))
        .collect();
    let links = crate::links::module_links(
        |name| state.registry.has(name),
        listing
            .filter
            .chosen
            .is_selected(Facet::Group, EligibleGroup::Municipality.slug()),
        &listing.href(),
    );
    page(&SearchPage {
        links,
        total: selection.total,
        ctx,
        listing,
        facets,
        sorts,
        cards,
        pagination,
    })
}
