//! Open data: the whole catalogue as JSON and CSV in the exchange schema
//! (`docs/funding-schema.md`), and the page that explains the dataset, its
//! fields and its licence.
//!
//! The downloads are built from the in-memory snapshot, in the order the
//! offers were stored, so an instance seeded with the shipped catalogue
//! serves that file byte for byte. Their `ETag` is the `funding_offers`
//! change counter: a client that asks again with `If-None-Match` gets a 304
//! for one counter query, however large the catalogue.

use std::sync::Arc;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde_json::{Value, json};

use crate::exchange::{self, FIELDS};
use crate::offer::Offer;
use crate::snapshot::{Snapshot, SnapshotCache};

/// The licence of the editors' records and of the dataset as a whole. A
/// record may name other terms in `source_licence` (an imported text); its
/// own statement then applies to it.
pub(crate) const LICENCE_ID: &str = "CC-BY-4.0";
pub(crate) const LICENCE_NAME: &str = "Creative Commons Namensnennung 4.0 International";
pub(crate) const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/deed.de";
/// The attribution the licence asks for.
pub(crate) const ATTRIBUTION: &str = "Förderlotse der Digitalagentur Sachsen (dias)";

pub(super) const JSON_FILE: &str = "/foerderung/daten/angebote.json";
pub(super) const CSV_FILE: &str = "/foerderung/daten/angebote.csv";
/// Names the browser saves the downloads under.
const JSON_NAME: &str = "foerderlotse-angebote.json";
const CSV_NAME: &str = "foerderlotse-angebote.csv";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/foerderung/daten", get(data_page))
        .route(JSON_FILE, get(json_file))
        .route(CSV_FILE, get(csv_file))
}

/// The licence member of the API's documents.
pub(crate) fn licence_json() -> Value {
    json!({
        "id": LICENCE_ID,
        "name": LICENCE_NAME,
        "url": LICENCE_URL,
        "attribution": ATTRIBUTION,
    })
}

/// Headers of every open-data and API response: its type, the licence as
/// a `Link`, and permission for any site's scripts to read it (all of it
/// is public and read-only).
pub(crate) fn open_headers(headers: &mut HeaderMap, content_type: &'static str) {
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(link) = HeaderValue::from_str(&format!("<{LICENCE_URL}>; rel=\"license\"")) {
        headers.insert(header::LINK, link);
    }
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::ACCESS_CONTROL_EXPOSE_HEADERS,
        HeaderValue::from_static("ETag, Link"),
    );
}

/// Every offer of the snapshot in the order it was stored (row id).
pub(crate) fn stored_order(snapshot: &Snapshot) -> Vec<&Offer> {
    let mut offers: Vec<(i64, &Offer)> = (0..snapshot.len())
        .filter_map(|p| Some((snapshot.id(p)?, snapshot.offer(p)?)))
        .collect();
    offers.sort_by_key(|(id, _)| *id);
    offers.into_iter().map(|(_, o)| o).collect()
}

/// Whether `If-None-Match` names the entity tag (or `*`). Weak tags match
/// too: the comparison for GET is the weak one (RFC 9110, 13.1.2).
fn not_modified(headers: &HeaderMap, etag: &str) -> bool {
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|tag| tag.trim().trim_start_matches("W/"))
        .any(|tag| tag == etag || tag == "*")
}

enum Format {
    Json,
    Csv,
}

async fn download(
    state: &AppState,
    cache: &SnapshotCache,
    request: &HeaderMap,
    format: Format,
) -> AppResult<Response> {
    let snapshot = cache.get(&state.db).await?;
    let (kind, content_type, name) = match format {
        Format::Json => ("json", "application/json", JSON_NAME),
        Format::Csv => ("csv", "text/csv; charset=utf-8; header=present", CSV_NAME),
    };
    let etag = format!("\"foerderung-{}-{kind}\"", snapshot.version);
    let mut response = if not_modified(request, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let offers: Vec<Offer> = stored_order(&snapshot).into_iter().cloned().collect();
        let body = match format {
            Format::Json => exchange::to_json(&offers),
            Format::Csv => exchange::to_csv(&offers),
        }
        .map_err(|e| AppError::Internal(e.to_string()))?;
        body.into_response()
    };
    let headers = response.headers_mut();
    open_headers(headers, content_type);
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    // Stored by anyone, but asked again each time: the answer is a 304
    // until an offer changes.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, no-cache"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    Ok(response)
}

async fn json_file(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    headers: HeaderMap,
) -> AppResult<Response> {
    download(&state, &cache, &headers, Format::Json).await
}

async fn csv_file(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    headers: HeaderMap,
) -> AppResult<Response> {
    download(&state, &cache, &headers, Format::Csv).await
}

/// One field of the schema as the page lists it.
#[derive(Debug, Clone)]
pub struct FieldRow {
    pub name: &'static str,
    pub meaning: String,
    pub required: bool,
}

/// The fields in export order with their meaning in the visitor's language.
pub(crate) fn field_rows(ctx: &Ctx) -> Vec<FieldRow> {
    FIELDS
        .iter()
        .map(|f| FieldRow {
            name: f.name,
            meaning: ctx.t(&field_message(f.name)),
            required: f.required,
        })
        .collect()
}

/// The message id that explains a field (`funding-exchange-field-…`).
pub(crate) fn field_message(name: &str) -> String {
    format!("funding-exchange-field-{}", name.replace('_', "-"))
}

#[derive(Template)]
#[template(path = "funding/opendata.html")]
struct DataPage {
    ctx: Ctx,
    count: usize,
    schema: &'static str,
    licence_id: &'static str,
    licence_name: &'static str,
    licence_url: &'static str,
    attribution: &'static str,
    fields: Vec<FieldRow>,
    /// Staff see the way to the import.
    can_import: bool,
}

async fn data_page(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
) -> AppResult<Response> {
    let snapshot = cache.get(&state.db).await?;
    page(&DataPage {
        count: snapshot.len(),
        schema: exchange::SCHEMA,
        licence_id: LICENCE_ID,
        licence_name: LICENCE_NAME,
        licence_url: LICENCE_URL,
        attribution: ATTRIBUTION,
        fields: field_rows(&ctx),
        can_import: ctx.can(&crate::policy::FundingAction::Import),
        ctx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_name_the_same_messages_and_explain_every_field() {
        use dias_core::i18n::message_ids;
        let mut de = message_ids(include_str!("../../locales/de-exchange.ftl"));
        let mut en = message_ids(include_str!("../../locales/en-exchange.ftl"));
        de.sort();
        en.sort();
        assert_eq!(de, en);
        for field in FIELDS {
            let id = field_message(field.name);
            assert!(de.contains(&id), "{id} is missing");
        }
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_the_star() {
        let etag = "\"foerderung-7-json\"";
        let mut headers = HeaderMap::new();
        assert!(!not_modified(&headers, etag));
        headers.insert(
            header::IF_NONE_MATCH,
            HeaderValue::from_static("\"x\", W/\"foerderung-7-json\""),
        );
        assert!(not_modified(&headers, etag));
        assert!(!not_modified(&headers, "\"foerderung-8-json\""));
        headers.insert(header::IF_NONE_MATCH, HeaderValue::from_static("*"));
        assert!(not_modified(&headers, etag));
    }
}
