//! The network's start page, the directory with facets and the map. Both
//! listings share one filter form and one result list; they answer from the
//! snapshot and read only the rows of the page shown.

use std::sync::Arc;

use askama::Template;
use axum::Extension;
use axum::extract::{RawQuery, State};
use axum::response::Response;
use dias_web::components::{MapView, Pagination, level};
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::{label, labels};
use crate::domain::{self, Term};
use crate::map::{self, Cluster};
use crate::policy::NetworkAction;
use crate::snapshot::{Facet, Filter, Order, Selection, Snapshot, SnapshotCache};
use crate::store::{self, KIND_ACTOR};

const PER_PAGE: u64 = 20;
/// Page links beyond this are refused: nobody reads page 1,000 and it costs.
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;

/// What the shared filter form asks for.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    pub filter: Filter,
    pub q: String,
    /// `name`, `neu` or `relevanz`.
    pub sort: String,
    pub page: u64,
}

impl Listing {
    /// The URL query of this listing without the page (for links).
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, &str)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", &self.q));
        }
        pairs.extend(self.filter.pairs());
        let default_sort = if self.q.is_empty() {
            "name"
        } else {
            "relevanz"
        };
        if self.sort != default_sort {
            pairs.push(("sortierung", &self.sort));
        }
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    }

    pub fn href(&self, path: &str) -> String {
        let query = self.query();
        if query.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{query}")
        }
    }
}

fn facet_terms(facet: Facet) -> Vec<(String, String)> {
    let terms: &[Term] = match facet {
        Facet::Category => &domain::CATEGORIES,
        Facet::Competence => &domain::COMPETENCES,
        Facet::Industry => &domain::INDUSTRIES,
        Facet::Offer => &domain::OFFERS,
        Facet::Size => &domain::SIZES,
        Facet::District => {
            return dias_core::reference::cached()
                .districts
                .iter()
                .map(|d| (d.ags5.clone(), d.name_short.clone()))
                .collect();
        }
    };
    terms
        .iter()
        .map(|t| (t.slug.to_owned(), t.key.to_owned()))
        .collect()
}

/// Reads the listing from the URL; unknown filter values are dropped.
pub(crate) fn parse_listing(ctx: &Ctx, raw: Option<&str>) -> AppResult<Listing> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let mut listing = Listing {
        page: 1,
        ..Listing::default()
    };
    for (key, value) in &pairs {
        match key.as_str() {
            "q" => listing.q = value.trim().chars().take(200).collect(),
            "sortierung" => listing.sort = value.clone(),
            "seite" if !value.is_empty() => {
                listing.page = match value.parse::<u64>() {
                    Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                    _ => return Err(AppError::BadRequest(ctx.t("error-page-number"))),
                }
            }
            _ => {
                if let Some(facet) = Facet::ALL.iter().find(|f| f.param() == key)
                    && facet_terms(*facet).iter().any(|(v, _)| v == value)
                {
                    listing.filter.add(*facet, value);
                }
            }
        }
    }
    let allowed: &[&str] = if listing.q.is_empty() {
        &["name", "neu"]
    } else {
        &["relevanz", "name", "neu"]
    };
    if !allowed.contains(&listing.sort.as_str()) {
        listing.sort = allowed[0].to_owned();
    }
    Ok(listing)
}

/// The snapshot, the selection of a listing and the ranked ids (text query).
async fn select(
    state: &AppState,
    cache: &SnapshotCache,
    listing: &Listing,
) -> AppResult<(Arc<Snapshot>, Selection, Vec<i64>)> {
    let snapshot = cache.get(&state.db).await?;
    let ranked = if listing.q.is_empty() {
        Vec::new()
    } else {
        state.search.ranked_row_ids(&listing.q, KIND_ACTOR)?
    };
    let within = (!listing.q.is_empty()).then(|| snapshot.bits_of(&ranked));
    let selection = snapshot.select(&listing.filter, within.as_ref());
    Ok((snapshot, selection, ranked))
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

/// One facet (a fieldset), optionally in labelled groups.
#[derive(Debug, Clone)]
pub struct FacetView {
    pub param: &'static str,
    pub legend: String,
    pub groups: Vec<(String, Vec<FacetValue>)>,
}

fn facet_views(ctx: &Ctx, listing: &Listing, selection: &Selection) -> Vec<FacetView> {
    Facet::ALL
        .iter()
        .map(|&facet| {
            let values: Vec<FacetValue> = facet_terms(facet)
                .into_iter()
                .map(|(value, key)| FacetValue {
                    id: format!("f-{}-{value}", facet.param()),
                    label: if facet == Facet::District {
                        key
                    } else {
                        ctx.t(&key)
                    },
                    count: selection.count(facet, &value),
                    checked: listing.filter.is_selected(facet, &value),
                    value,
                })
                .collect();
            let groups = if facet == Facet::Category {
                domain::GROUPS
                    .iter()
                    .map(|g| {
                        (
                            ctx.t(g.key),
                            values
                                .iter()
                                .filter(|v| domain::group_of(&v.value) == g.slug)
                                .cloned()
                                .collect(),
                        )
                    })
                    .collect()
            } else {
                vec![(String::new(), values)]
            };
            FacetView {
                param: facet.param(),
                legend: ctx.t(&format!("network-facet-{}", facet.param())),
                groups,
            }
        })
        .collect()
}

/// An actor in a result list.
#[derive(Debug, Clone)]
pub struct ActorCard {
    pub slug: String,
    pub name: String,
    pub category: String,
    pub place: String,
    pub short_description: String,
    pub competences: String,
}

pub(crate) async fn cards(state: &AppState, ctx: &Ctx, ids: &[i64]) -> AppResult<Vec<ActorCard>> {
    Ok(store::actors_by_ids(&state.db, ids)
        .await?
        .into_iter()
        .map(|a| ActorCard {
            category: label(ctx, &domain::CATEGORIES, &a.category),
            place: super::place_label(&a.city, &a.ags5),
            competences: labels(ctx, &domain::COMPETENCES, &a.competences).join(", "),
            slug: a.slug,
            name: a.name,
            short_description: a.short_description,
        })
        .collect())
}

/// The shared parts of the directory and the map.
pub struct Results {
    pub listing: Listing,
    pub facets: Vec<FacetView>,
    pub sorts: Vec<(String, String)>,
    pub total: usize,
    pub cards: Vec<ActorCard>,
    pub pagination: Pagination,
    /// The form's target (the page itself).
    pub action: &'static str,
    pub other_view: String,
}

async fn results(
    state: &AppState,
    ctx: &Ctx,
    cache: &SnapshotCache,
    listing: Listing,
    action: &'static str,
    other: &'static str,
) -> AppResult<(Results, Arc<Snapshot>, Selection)> {
    let (snapshot, selection, ranked) = select(state, cache, &listing).await?;
    let order = match listing.sort.as_str() {
        "neu" => Order::Newest,
        "relevanz" => Order::Ranked(&ranked),
        _ => Order::Name,
    };
    let pagination = Pagination::new(
        listing.page,
        selection.total as u64,
        PER_PAGE,
        listing.href(action),
    );
    let offset = ((pagination.page - 1) * PER_PAGE) as usize;
    let ids = snapshot.page(&selection, order, offset, PER_PAGE as usize);
    let cards = cards(state, ctx, &ids).await?;
    let mut sort_values = vec!["name", "neu"];
    if !listing.q.is_empty() {
        sort_values.insert(0, "relevanz");
    }
    let results = Results {
        facets: facet_views(ctx, &listing, &selection),
        sorts: sort_values
            .into_iter()
            .map(|s| (s.to_owned(), ctx.t(&format!("network-sort-{s}"))))
            .collect(),
        total: selection.total,
        other_view: listing.href(other),
        cards,
        pagination,
        action,
        listing,
    };
    Ok((results, snapshot, selection))
}

#[derive(Template)]
#[template(path = "network/directory.html")]
struct DirectoryPage {
    ctx: Ctx,
    r: Results,
}

pub async fn list(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let listing = parse_listing(&ctx, raw.as_deref())?;
    let (r, _, _) = results(
        &state,
        &ctx,
        &cache,
        listing,
        "/netzwerk/akteure",
        "/netzwerk/karte",
    )
    .await?;
    page(&DirectoryPage { ctx, r })
}

/// A cluster as the SVG draws it.
#[derive(Debug, Clone)]
pub struct ClusterView {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    pub count: usize,
    pub label: String,
    pub font: f64,
}

/// Actors per Kreis for the table beside the map.
#[derive(Debug, Clone)]
pub struct DistrictCount {
    pub name: String,
    pub count: usize,
    pub href: String,
}

#[derive(Template)]
#[template(path = "network/map.html")]
struct MapPage {
    ctx: Ctx,
    r: Results,
    map: MapView,
    clusters: Vec<ClusterView>,
    districts: Vec<DistrictCount>,
}

pub async fn map(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let listing = parse_listing(&ctx, raw.as_deref())?;
    let (r, snapshot, selection) = results(
        &state,
        &ctx,
        &cache,
        listing,
        "/netzwerk/karte",
        "/netzwerk/akteure",
    )
    .await?;
    let per_district = snapshot.matches_per_value(&selection, Facet::District);
    let max = per_district.values().copied().max().unwrap_or(0) as f64;
    let map = MapView::districts(
        ctx.t("network-map-title"),
        ctx.t("network-map-description"),
        |ags5| {
            let n = per_district.get(ags5).copied().unwrap_or(0);
            (
                level(n as f64, max),
                ctx.tn("network-actors-count", "count", n),
            )
        },
        |_| None,
    )
    .with_legend(
        (1..=5u8)
            .map(|l| {
                let upper = (max * f64::from(l) / 5.0).ceil() as i64;
                (l, ctx.tn("network-legend-upto", "count", upper))
            })
            .collect(),
    );
    let clusters = map::cluster(snapshot.points(&selection), map::CELL)
        .into_iter()
        .map(|c: Cluster| ClusterView {
            x: c.x,
            y: c.y,
            r: c.radius(),
            label: if c.count == 1 {
                snapshot
                    .label(c.first)
                    .map(|(name, _)| name.clone())
                    .unwrap_or_default()
            } else {
                ctx.tn("network-actors-count", "count", c.count)
            },
            font: (c.radius() * 0.9).clamp(8.0, 14.0),
            count: c.count,
        })
        .collect();
    let base = r.listing.clone();
    let districts = dias_core::reference::cached()
        .districts
        .iter()
        .map(|d| {
            let mut only = base.clone();
            only.filter.selected[Facet::District.index()] = vec![d.ags5.clone()];
            only.page = 1;
            DistrictCount {
                name: d.name_short.clone(),
                count: per_district.get(&d.ags5).copied().unwrap_or(0),
                href: only.href("/netzwerk/akteure"),
            }
        })
        .collect();
    page(&MapPage {
        ctx,
        r,
        map,
        clusters,
        districts,
    })
}

/// An actor the signed-in person represents, on the start page.
#[derive(Debug, Clone)]
pub struct OwnActor {
    pub slug: String,
    pub name: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "network/landing.html")]
struct LandingPage {
    ctx: Ctx,
    total: usize,
    groups: Vec<(String, usize, String)>,
    own: Vec<OwnActor>,
    pending: Option<usize>,
}

pub async fn landing(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
) -> AppResult<Response> {
    let snapshot = cache.get(&state.db).await?;
    let all = snapshot.select(&Filter::default(), None);
    let groups = domain::GROUPS
        .iter()
        .map(|g| {
            let mut filter = Filter::default();
            for c in domain::CATEGORIES
                .iter()
                .filter(|c| domain::group_of(c.slug) == g.slug)
            {
                filter.add(Facet::Category, c.slug);
            }
            let listing = Listing {
                filter: filter.clone(),
                sort: "name".into(),
                page: 1,
                ..Listing::default()
            };
            (
                ctx.t(g.key),
                snapshot.select(&filter, None).total,
                listing.href("/netzwerk/akteure"),
            )
        })
        .collect();
    let own = match ctx.principal() {
        Some(me) => store::actors_of_user(&state.db, me.user_id)
            .await?
            .into_iter()
            .map(|a| OwnActor {
                status: ctx.t(&format!("network-status-{}", a.status)),
                slug: a.slug,
                name: a.name,
            })
            .collect(),
        None => Vec::new(),
    };
    let pending = if ctx.can(&NetworkAction::Admit) {
        Some(store::pending_count(&state.db).await?)
    } else {
        None
    };
    page(&LandingPage {
        ctx,
        total: all.total,
        groups,
        own,
        pending,
    })
}
