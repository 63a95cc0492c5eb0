//! The global search page.

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use dias_search::{Hit, KindCount, SearchQuery};
use serde::Deserialize;

use crate::components::Pagination;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::page;
use crate::state::AppState;

const PER_PAGE: usize = 10;

#[derive(Deserialize, Default)]
pub struct SearchParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    typ: String,
    #[serde(default)]
    seite: Option<String>,
}

pub struct Facet {
    pub label: String,
    pub count: usize,
    pub href: String,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "search.html")]
struct SearchPage {
    ctx: Ctx,
    q: String,
    kind: String,
    total: i64,
    hits: Vec<(Hit, String)>,
    facets: Vec<Facet>,
    all_href: String,
    pagination: Pagination,
}

fn url(q: &str, kind: &str) -> String {
    let mut pairs = vec![("q", q)];
    if !kind.is_empty() {
        pairs.push(("typ", kind));
    }
    format!(
        "/suche?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

pub async fn search(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<SearchParams>,
) -> AppResult<Response> {
    if params.q.chars().count() > 200 {
        return Err(AppError::BadRequest(ctx.t("search-too-long")));
    }
    let page_number = match params.seite.as_deref() {
        None | Some("") => 1,
        Some(s) => s
            .parse::<usize>()
            .map_err(|_| AppError::BadRequest(ctx.t("error-page-number")))?,
    };
    if page_number == 0 || page_number > dias_search::index::MAX_PAGE {
        return Err(AppError::BadRequest(ctx.t("error-page-number")));
    }
    let kind = if state.sources.get(&params.typ).is_some() {
        params.typ.clone()
    } else {
        String::new()
    };
    let q = params.q.trim().to_owned();
    let index = state.search.clone();
    let query = SearchQuery {
        text: q.clone(),
        kind: (!kind.is_empty()).then(|| kind.clone()),
        kinds: state.sources.kinds().map(str::to_owned).collect(),
        page: page_number,
        per_page: PER_PAGE,
    };
    let results = tokio::task::spawn_blocking(move || index.search(&query))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))??;
    let facets = results
        .counts
        .iter()
        .map(|KindCount { kind: k, count }| Facet {
            label: ctx.t(state.sources.label_key(k)),
            count: *count,
            href: url(&q, k),
            current: *k == kind,
        })
        .collect();
    let hits = results
        .hits
        .into_iter()
        .map(|h| {
            let label = ctx.t(state.sources.label_key(&h.kind));
            (h, label)
        })
        .collect();
    let pagination = Pagination::new(
        page_number as u64,
        results.total as u64,
        PER_PAGE as u64,
        url(&q, &kind),
    );
    page(&SearchPage {
        all_href: url(&q, ""),
        ctx,
        q,
        kind,
        total: results.total as i64,
        hits,
        facets,
        pagination,
    })
}
