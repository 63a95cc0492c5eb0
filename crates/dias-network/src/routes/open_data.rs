//! Open data: the actor API (JSON, paginated, with the directory's
//! filters), its OpenAPI document, CSV and GeoJSON downloads, and the page
//! describing them. Every response names its licence in a `Link` header.

use std::sync::Arc;

use askama::Template;
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::directory::parse_listing;
use crate::open_data::{self, PER_PAGE, PublicActor};
use crate::snapshot::{Order, SnapshotCache};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk/daten", get(data_page))
        .route("/netzwerk/api/akteure", get(api))
        .route("/netzwerk/api/openapi.json", get(openapi))
        .route("/netzwerk/daten/akteure.csv", get(csv))
        .route("/netzwerk/daten/akteure.geojson", get(geojson))
}

fn with_headers(body: String, content_type: &'static str, download: Option<&str>) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(link) = HeaderValue::from_str(&open_data::license_link()) {
        headers.insert(header::LINK, link);
    }
    // Open data may be read by any site's scripts.
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if let Some(name) = download
        && let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn public_url(state: &AppState) -> &str {
    state.config.public_url.trim_end_matches('/')
}

/// One page of verified actors in name order, filtered like the directory.
async fn api(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let listing = parse_listing(&ctx, raw.as_deref())?;
    let snapshot = cache.get(&state.db).await?;
    let selection = snapshot.select(&listing.filter, None);
    let total = selection.total as u64;
    // A page beyond the last is an empty page that names the page count,
    // as every JSON API of the portal answers (docs/ARCHITECTURE.md,
    // Limits): a client stops at the first empty page.
    let offset = usize::try_from((listing.page - 1) * PER_PAGE).unwrap_or(usize::MAX);
    let ids = snapshot.page(&selection, Order::Name, offset, PER_PAGE as usize);
    let url = public_url(&state);
    let actors: Vec<PublicActor> = crate::store::actors_by_ids(&state.db, &ids)
        .await?
        .iter()
        .filter_map(|a| PublicActor::of(a, url))
        .collect();
    let body = open_data::api_page(&actors, listing.page, total, url).to_string();
    Ok(with_headers(body, "application/json", None))
}

async fn openapi(State(state): State<AppState>) -> AppResult<Response> {
    let body = open_data::openapi(public_url(&state)).to_string();
    Ok(with_headers(body, "application/json", None))
}

async fn csv(State(state): State<AppState>) -> AppResult<Response> {
    let actors = open_data::all_public(&state.db, public_url(&state)).await?;
    let body = open_data::csv(&actors).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(with_headers(
        body,
        "text/csv; charset=utf-8; header=present",
        Some("ki-akteure-sachsen.csv"),
    ))
}

async fn geojson(State(state): State<AppState>) -> AppResult<Response> {
    let actors = open_data::all_public(&state.db, public_url(&state)).await?;
    Ok(with_headers(
        open_data::geojson(&actors).to_string(),
        "application/geo+json",
        Some("ki-akteure-sachsen.geojson"),
    ))
}

#[derive(Template)]
#[template(path = "network/data.html")]
struct DataPage {
    ctx: Ctx,
    license_id: &'static str,
    license_name: &'static str,
    license_url: &'static str,
    attribution: &'static str,
    columns: Vec<&'static str>,
}

async fn data_page(ctx: Ctx) -> AppResult<Response> {
    page(&DataPage {
        license_id: open_data::LICENSE_ID,
        license_name: open_data::LICENSE_NAME,
        license_url: open_data::LICENSE_URL,
        attribution: open_data::ATTRIBUTION,
        columns: open_data::CSV_COLUMNS.to_vec(),
        ctx,
    })
}
