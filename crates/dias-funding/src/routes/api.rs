//! The public JSON API of the Förderlotse and its OpenAPI description.
//!
//! `GET /foerderung/api/angebote` answers the search page's query: the same
//! parameters (`q`, the facets, `offen`, `sortierung`), read by the same
//! parser and run through the same [`super::search::find`], so a search
//! URL's query gives the same offers in the same order. Pages are asked
//! for with `page` and `per_page` (`seite` of a search URL works too).
//! Every offer is a record of the exchange schema, so a page of the API is
//! itself an importable file. Errors are JSON (the error middleware renders
//! them so for `/{module}/api/…`).

use std::sync::Arc;

use axum::extract::{Path, RawQuery, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Json, Router};
use dias_web::components::MAX_PAGE;
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Serialize;
use serde_json::{Value, json};

use super::opendata::{self, LICENCE_NAME, LICENCE_URL, licence_json, open_headers};
use super::search::{Listing, find, order, parse_listing};
use crate::exchange::{FIELDS, Kind, SCHEMA};
use crate::offer::Offer;
use crate::snapshot::{Facet, SnapshotCache};
use crate::vocab::{
    AmountBasis, CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, Industry,
    OfferType, Origin, Procedure, Status, Term,
};

pub(super) const OFFERS: &str = "/foerderung/api/angebote";
pub(super) const OPENAPI: &str = "/foerderung/api/openapi.json";
/// Offers per page unless `per_page` says otherwise (as on the search page).
pub const DEFAULT_PER_PAGE: u64 = 20;
/// The most offers one page may ask for.
pub const MAX_PER_PAGE: u64 = 100;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(OFFERS, get(list))
        .route("/foerderung/api/angebote/{slug}", get(show))
        .route(OPENAPI, get(openapi))
}

/// `page` and `per_page` of an API query; `seite` of a search URL is read
/// by the search parser and counts when `page` is absent.
fn paging(ctx: &Ctx, raw: Option<&str>, listing: &Listing) -> AppResult<(u64, u64)> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let mut page = listing.page;
    let mut per_page = DEFAULT_PER_PAGE;
    for (key, value) in &pairs {
        match key.as_str() {
            "page" => {
                page = match value.parse::<u64>() {
                    Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
                    _ => return Err(AppError::BadRequest(ctx.t("error-page-number"))),
                }
            }
            "per_page" => {
                per_page = match value.parse::<u64>() {
                    Ok(n) if (1..=MAX_PER_PAGE).contains(&n) => n,
                    _ => {
                        return Err(AppError::BadRequest(ctx.t1(
                            "funding-api-per-page",
                            "max",
                            MAX_PER_PAGE,
                        )));
                    }
                }
            }
            _ => {}
        }
    }
    Ok((page, per_page))
}

fn public_url(state: &AppState) -> &str {
    state.config.public_url.trim_end_matches('/')
}

/// Links of an API page.
#[derive(Debug, Serialize)]
struct Links {
    #[serde(rename = "self")]
    this: String,
    first: String,
    last: String,
    prev: Option<String>,
    next: Option<String>,
    /// The search page with the same query.
    html: String,
    /// The full download, named when paging cannot reach every offer.
    #[serde(skip_serializing_if = "Option::is_none")]
    complete: Option<String>,
}

#[derive(Debug, Serialize)]
struct OfferPage<'a> {
    schema: &'static str,
    license: Value,
    page: u64,
    per_page: u64,
    pages: u64,
    total: usize,
    /// `true` when `total` needs more than [`MAX_PAGE`] pages at this
    /// `per_page`: the offers after page `pages` cannot be paged to.
    truncated: bool,
    links: Links,
    offers: Vec<&'a Offer>,
}

fn json_response(body: impl Serialize) -> Response {
    let mut response = Json(body).into_response();
    open_headers(response.headers_mut(), "application/json");
    response
}

async fn list(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let listing = parse_listing(&ctx, raw.as_deref())?;
    let (page, per_page) = paging(&ctx, raw.as_deref(), &listing)?;
    let snapshot = cache.get(&state.db).await?;
    let (selection, ranked) = find(&state, &snapshot, &listing)?;
    let total = selection.total;
    // Pages beyond the last are empty (not an error, so a client can stop
    // at the first empty page); beyond MAX_PAGE they are refused above,
    // like on the search page. A client must not take the end of the
    // links for the end of the offers, so a cut is said and the full
    // download named.
    let needed = (total as u64).div_ceil(per_page).max(1);
    let pages = needed.min(MAX_PAGE);
    let truncated = needed > MAX_PAGE;
    let offset = usize::try_from((page - 1) * per_page).unwrap_or(usize::MAX);
    let limit = usize::try_from(per_page).unwrap_or(usize::MAX);
    let offers = snapshot
        .page(&selection, order(&listing, &ranked), offset, limit)
        .into_iter()
        .filter_map(|p| snapshot.offer(p))
        .collect();

    let base = format!("{}{OFFERS}", public_url(&state));
    let query = listing.query();
    let href = |n: u64| {
        let mut pairs = Vec::new();
        if !query.is_empty() {
            pairs.push(query.clone());
        }
        if n > 1 {
            pairs.push(format!("page={n}"));
        }
        if per_page != DEFAULT_PER_PAGE {
            pairs.push(format!("per_page={per_page}"));
        }
        if pairs.is_empty() {
            base.clone()
        } else {
            format!("{base}?{}", pairs.join("&"))
        }
    };
    let links = Links {
        this: href(page),
        first: href(1),
        last: href(pages),
        prev: (page > 1).then(|| href((page - 1).min(pages))),
        next: (page < pages).then(|| href(page + 1)),
        html: format!("{}{}", public_url(&state), listing.href()),
        complete: truncated.then(|| format!("{}{}", public_url(&state), opendata::JSON_FILE)),
    };
    Ok(json_response(OfferPage {
        schema: SCHEMA,
        license: licence_json(),
        page,
        per_page,
        pages,
        total,
        truncated,
        links,
        offers,
    }))
}

async fn show(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let snapshot = cache.get(&state.db).await?;
    let offer = snapshot.by_slug(&slug).ok_or(AppError::NotFound)?;
    Ok(json_response(offer))
}

async fn openapi(State(state): State<AppState>) -> AppResult<Response> {
    Ok(json_response(document(public_url(&state))))
}

fn slugs<T: Term>() -> Value {
    json!(T::ALL.iter().map(|t| t.slug()).collect::<Vec<_>>())
}

/// The JSON schema of a field's value, from its kind and vocabulary.
fn field_schema(name: &str, kind: Kind, required: bool) -> Value {
    let term = |name: &str| -> Option<Value> {
        Some(match name {
            "origin" => slugs::<Origin>(),
            "offer_type" => slugs::<OfferType>(),
            "funding_types" => slugs::<FundingType>(),
            "areas" => slugs::<FundingArea>(),
            "eligible_groups" => slugs::<EligibleGroup>(),
            "company_sizes" => slugs::<CompanySize>(),
            "industries" => slugs::<Industry>(),
            "funder_level" => slugs::<FunderLevel>(),
            "procedure" => slugs::<Procedure>(),
            "status" => slugs::<Status>(),
            "amount_basis" => slugs::<AmountBasis>(),
            _ => return None,
        })
    };
    let string = |enumeration: Option<Value>| match enumeration {
        Some(values) => json!({ "type": "string", "enum": values }),
        None if name == "regions" => json!({
            "type": "string",
            "pattern": "^(eu|bundesweit|sachsen|14[0-9]{3}|14[0-9]{6})$",
            "description": "eu, bundesweit, sachsen, AGS eines sächsischen Kreises (5 Stellen) oder einer Gemeinde (8 Stellen)",
        }),
        None => json!({ "type": "string" }),
    };
    let mut schema = match kind {
        Kind::Text => json!({ "type": "string" }),
        Kind::Term => string(term(name)),
        Kind::Number => {
            json!({ "type": "integer", "minimum": if name == "rate_max_percent" { 1 } else { 0 } })
        }
        Kind::Date => json!({ "type": "string", "format": "date" }),
        Kind::List => json!({ "type": "array", "items": string(term(name)) }),
        Kind::Deadlines => {
            json!({ "type": "array", "items": { "$ref": "#/components/schemas/Deadline" } })
        }
        Kind::Tiers => json!({ "type": "array", "items": { "$ref": "#/components/schemas/Tier" } }),
    };
    if !required
        && matches!(kind, Kind::Term | Kind::Number | Kind::Date)
        && let Value::Object(map) = &mut schema
    {
        map.insert("nullable".into(), Value::Bool(true));
    }
    schema
}

/// The OpenAPI 3.0.3 description of the API (and of the downloads).
pub fn document(public_url: &str) -> Value {
    let facet = |f: Facet| {
        json!({
            "name": f.param(),
            "in": "query",
            "required": false,
            "description": "Filter wie auf der Suchseite; mehrfach: oder",
            "schema": {
                "type": "array",
                "items": {
                    "type": "string",
                    "enum": f.values().into_iter().map(|(v, _, _)| v).collect::<Vec<_>>(),
                },
            },
            "style": "form",
            "explode": true,
        })
    };
    let mut parameters = vec![
        json!({
            "name": "q", "in": "query", "required": false,
            "description": "Suchbegriffe (deutsche Volltextsuche mit Grundformen, Umlauten und Tippfehlertoleranz)",
            "schema": { "type": "string", "maxLength": 200 },
        }),
        json!({
            "name": "offen", "in": "query", "required": false,
            "description": "1 (Voreinstellung): nur Angebote, für die man jetzt oder zum nächsten Stichtag einen Antrag stellen kann; 0: alle",
            "schema": { "type": "string", "enum": ["0", "1"], "default": "1" },
        }),
        json!({
            "name": "sortierung", "in": "query", "required": false,
            "description": "relevanz (nur mit q, dann Voreinstellung), frist (nächste Frist zuerst, sonst Voreinstellung) oder aktualisiert",
            "schema": { "type": "string", "enum": ["relevanz", "frist", "aktualisiert"] },
        }),
        json!({
            "name": "page", "in": "query", "required": false,
            "description": format!("Seitennummer ab 1, höchstens {MAX_PAGE}; Seiten nach der letzten sind leer (auch als seite)"),
            "schema": { "type": "integer", "minimum": 1, "maximum": MAX_PAGE, "default": 1 },
        }),
        json!({
            "name": "per_page", "in": "query", "required": false,
            "description": "Angebote je Seite",
            "schema": { "type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE, "default": DEFAULT_PER_PAGE },
        }),
    ];
    parameters.extend(Facet::ALL.into_iter().map(facet));
    let properties: serde_json::Map<String, Value> = FIELDS
        .iter()
        .map(|f| (f.name.to_owned(), field_schema(f.name, f.kind, f.required)))
        .collect();
    let required: Vec<&str> = FIELDS.iter().map(|f| f.name).collect();
    let error = json!({
        "description": "Fehler",
        "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } },
    });
    let licence_header = json!({
        "Link": {
            "description": "Die Lizenz der Daten (rel=\"license\")",
            "schema": { "type": "string" },
        },
    });
    let download = |summary: &str, operation: &str, media: &str, schema: Value| {
        json!({
            "get": {
                "operationId": operation,
                "summary": summary,
                "parameters": [{
                    "name": "If-None-Match", "in": "header", "required": false,
                    "schema": { "type": "string" },
                }],
                "responses": {
                    "200": {
                        "description": "Der ganze Katalog im Austauschschema dias-funding/1",
                        "headers": {
                            "ETag": { "description": "Stand des Katalogs", "schema": { "type": "string" } },
                            "Link": licence_header["Link"].clone(),
                        },
                        "content": { media: { "schema": schema } },
                    },
                    "304": { "description": "Unverändert seit dem genannten ETag" },
                },
            },
        })
    };
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Förderlotse Sachsen – Förderangebote",
            "version": "1.0.0",
            "description": format!(
                "Förderprogramme, Beratungsangebote, Netzwerke und Qualifizierungen für die Digitalisierung in Sachsen, \
                 im Austauschschema {SCHEMA}. Jeder Datensatz nennt in source_licence die Bedingungen seines Textes; \
                 die Datensätze der Redaktion stehen unter CC BY 4.0."
            ),
            "license": { "name": LICENCE_NAME, "url": LICENCE_URL },
        },
        "servers": [{ "url": public_url }],
        "paths": {
            OFFERS: {
                "get": {
                    "operationId": "listOffers",
                    "summary": "Förderangebote mit den Filtern der Suchseite, seitenweise",
                    "parameters": parameters,
                    "responses": {
                        "200": {
                            "description": "Eine Seite Angebote",
                            "headers": licence_header,
                            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/OfferPage" } } },
                        },
                        "400": error,
                    },
                },
            },
            "/foerderung/api/angebote/{slug}": {
                "get": {
                    "operationId": "getOffer",
                    "summary": "Ein Angebot",
                    "parameters": [{
                        "name": "slug", "in": "path", "required": true,
                        "schema": { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
                    }],
                    "responses": {
                        "200": {
                            "description": "Der Datensatz des Angebots",
                            "headers": licence_header,
                            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Offer" } } },
                        },
                        "404": error,
                    },
                },
            },
            OPENAPI: {
                "get": {
                    "operationId": "getOpenApi",
                    "summary": "Diese Beschreibung",
                    "responses": { "200": { "description": "OpenAPI 3.0.3", "content": { "application/json": { "schema": { "type": "object" } } } } },
                },
            },
            opendata::JSON_FILE: download(
                "Der ganze Katalog als JSON",
                "downloadJson",
                "application/json",
                json!({ "$ref": "#/components/schemas/Catalogue" }),
            ),
            opendata::CSV_FILE: download(
                "Der ganze Katalog als CSV (RFC 4180, Listen mit ; und Teile mit |)",
                "downloadCsv",
                "text/csv",
                json!({ "type": "string" }),
            ),
        },
        "components": {
            "schemas": {
                "License": {
                    "type": "object",
                    "required": ["id", "name", "url", "attribution"],
                    "properties": {
                        "id": { "type": "string" },
                        "name": { "type": "string" },
                        "url": { "type": "string", "format": "uri" },
                        "attribution": { "type": "string" },
                    },
                },
                "Links": {
                    "type": "object",
                    "required": ["self", "first", "last", "html"],
                    "properties": {
                        "self": { "type": "string", "format": "uri" },
                        "first": { "type": "string", "format": "uri" },
                        "last": { "type": "string", "format": "uri" },
                        "prev": { "type": "string", "format": "uri", "nullable": true },
                        "next": { "type": "string", "format": "uri", "nullable": true },
                        "html": { "type": "string", "format": "uri" },
                        "complete": {
                            "type": "string", "format": "uri",
                            "description": "Nur wenn truncated: der ganze Katalog als JSON (ohne Filter)",
                        },
                    },
                },
                "OfferPage": {
                    "type": "object",
                    "required": ["schema", "license", "page", "per_page", "pages", "total", "truncated", "links", "offers"],
                    "properties": {
                        "schema": { "type": "string", "enum": [SCHEMA] },
                        "license": { "$ref": "#/components/schemas/License" },
                        "page": { "type": "integer" },
                        "per_page": { "type": "integer" },
                        "pages": { "type": "integer" },
                        "total": { "type": "integer" },
                        "truncated": {
                            "type": "boolean",
                            "description": format!(
                                "true, wenn total bei diesem per_page mehr als {MAX_PAGE} Seiten bräuchte: \
                                 die Angebote nach Seite pages sind nicht seitenweise erreichbar \
                                 (größeres per_page, engere Filter oder links.complete)"
                            ),
                        },
                        "links": { "$ref": "#/components/schemas/Links" },
                        "offers": { "type": "array", "items": { "$ref": "#/components/schemas/Offer" } },
                    },
                },
                "Catalogue": {
                    "type": "object",
                    "required": ["schema", "offers"],
                    "properties": {
                        "schema": { "type": "string", "enum": [SCHEMA] },
                        "offers": { "type": "array", "items": { "$ref": "#/components/schemas/Offer" } },
                    },
                },
                "Offer": {
                    "type": "object",
                    "description": "Ein Datensatz des Austauschschemas; die Felder sind in docs/funding-schema.md beschrieben",
                    "required": required,
                    "additionalProperties": false,
                    "properties": properties,
                },
                "Deadline": {
                    "type": "object",
                    "required": ["date", "note"],
                    "properties": {
                        "date": { "type": "string", "format": "date" },
                        "note": { "type": "string" },
                    },
                },
                "Tier": {
                    "type": "object",
                    "required": ["size", "rate_percent", "max_eur", "label"],
                    "properties": {
                        "size": { "type": "string", "enum": slugs::<CompanySize>(), "nullable": true },
                        "rate_percent": { "type": "integer", "minimum": 1, "maximum": 100, "nullable": true },
                        "max_eur": { "type": "integer", "minimum": 1, "nullable": true },
                        "label": { "type": "string" },
                    },
                },
                "Error": {
                    "type": "object",
                    "required": ["error", "status"],
                    "properties": {
                        "error": { "type": "string" },
                        "detail": { "type": "string", "nullable": true },
                        "status": { "type": "integer" },
                        "request_id": { "type": "string" },
                    },
                },
            },
        },
    })
}
