//! Publications for everyone: the library (`/publikationen`, filtered by
//! kind, topic and year with a plain GET form, newest first, paged), a
//! publication's page, its stable download URL, and the open data: a JSON
//! list, its OpenAPI description and the DCAT-AP.de catalogue as RDF/XML
//! and Turtle. Only live publications exist here; anything else is 404.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde_json::{Value, json};

use super::publications_staff::Choice;
use crate::publications::{self, FileInfo, Filter, Publication};
use crate::vocab::{Licence, PublicationKind, Topic, topics_from_csv};

pub const API_LIST: &str = "/api/v1/publikationen";
pub const API_RDF: &str = "/api/v1/publikationen/katalog.rdf";
pub const API_TTL: &str = "/api/v1/publikationen/katalog.ttl";
pub const API_OPENAPI: &str = "/api/v1/publikationen/openapi.json";
/// Publications per page of the JSON list.
pub const API_PER_PAGE: u64 = 50;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/publikationen", get(library))
        .route("/publikationen/{slug}", get(detail))
        .route("/publikationen/{slug}/pdf", get(download))
        .route(API_LIST, get(api_list))
        .route(API_RDF, get(catalog_rdf))
        .route(API_TTL, get(catalog_ttl))
        .route(API_OPENAPI, get(openapi))
}

fn public_url(state: &AppState) -> &str {
    state.config.public_url.trim_end_matches('/')
}

/// A human-readable page of a licence (the DCAT URI names it for machines).
pub(super) fn licence_url(licence: Licence) -> Option<&'static str> {
    match licence {
        Licence::CcBy40 => Some("https://creativecommons.org/licenses/by/4.0/deed.de"),
        Licence::CcBySa40 => Some("https://creativecommons.org/licenses/by-sa/4.0/deed.de"),
        Licence::Cc0 => Some("https://creativecommons.org/publicdomain/zero/1.0/deed.de"),
        Licence::DlDeBy20 => Some("https://www.govdata.de/dl-de/by-2-0"),
        Licence::DlDeZero20 => Some("https://www.govdata.de/dl-de/zero-2-0"),
        Licence::Proprietary => None,
    }
}

// ----------------------------------------------------------------- library

struct Item {
    slug: String,
    title: String,
    authors: String,
    year: i32,
    kind: String,
    topics: Vec<String>,
    abstract_text: String,
    published: i64,
    lang: String,
    file: Option<String>,
}

#[derive(Template)]
#[template(path = "content/publications/library.html")]
struct LibraryPage {
    ctx: Ctx,
    items: Vec<Item>,
    total: u64,
    kinds: Vec<Choice>,
    topics: Vec<Choice>,
    years: Vec<Choice>,
    filtered: bool,
    pagination: Pagination,
}

/// The filter and page of a library URL; unknown values are ignored.
fn parse_filter(raw: Option<&str>) -> (Filter, Option<u64>) {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let mut filter = Filter::default();
    let mut page = Some(1);
    for (key, value) in pairs {
        let value = value.trim();
        match key.as_str() {
            "art" => filter.kind = PublicationKind::parse(value),
            "thema" => filter.topic = Topic::parse(value),
            "jahr" => filter.year = value.parse().ok(),
            "seite" if !value.is_empty() => {
                page = value.parse().ok().filter(|n| (1..=MAX_PAGE).contains(n));
            }
            _ => {}
        }
    }
    (filter, page)
}

fn filter_query(filter: &Filter) -> String {
    let mut pairs = Vec::new();
    if let Some(kind) = filter.kind {
        pairs.push(("art", kind.key().to_owned()));
    }
    if let Some(topic) = filter.topic {
        pairs.push(("thema", topic.key().to_owned()));
    }
    if let Some(year) = filter.year {
        pairs.push(("jahr", year.to_string()));
    }
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn item(ctx: &Ctx, p: &Publication, file: Option<&FileInfo>) -> Item {
    Item {
        slug: p.slug.clone(),
        title: p.title.clone(),
        authors: publications::authors_list(&p.authors).join(", "),
        year: p.year,
        kind: PublicationKind::parse(&p.kind)
            .map(|k| ctx.t(k.label_key()))
            .unwrap_or_default(),
        topics: topics_from_csv(&p.topics)
            .into_iter()
            .map(|t| ctx.t(t.label_key()))
            .collect(),
        abstract_text: p.abstract_text.clone(),
        published: p.publish_at.unwrap_or(p.created_at),
        lang: p.lang.clone(),
        file: file.map(|f| publications::human_size(f.size, ctx.locale())),
    }
}

async fn library(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (filter, page_no) = parse_filter(raw.as_deref());
    let page_no = page_no.ok_or_else(|| AppError::BadRequest(ctx.t("error-page-number")))?;
    let now = dias_core::time::now();
    let (rows, total) = publications::library(&state.db, &filter, page_no, now).await?;
    let ids: Vec<i64> = rows.iter().map(|p| p.id).collect();
    let files = publications::file_info(&state.db, &ids).await?;
    let items = rows
        .iter()
        .map(|p| item(&ctx, p, files.get(&p.id)))
        .collect();
    let years = publications::live_years(&state.db, now)
        .await?
        .into_iter()
        .map(|y| Choice {
            value: y.to_string(),
            label: y.to_string(),
            selected: filter.year == Some(y),
        })
        .collect();
    let query = filter_query(&filter);
    let base = if query.is_empty() {
        "/publikationen".to_owned()
    } else {
        format!("/publikationen?{query}")
    };
    let kinds = PublicationKind::ALL
        .iter()
        .map(|k| Choice {
            value: k.key().to_owned(),
            label: ctx.t(k.label_key()),
            selected: filter.kind == Some(*k),
        })
        .collect();
    let topics = Topic::ALL
        .iter()
        .map(|t| Choice {
            value: t.key().to_owned(),
            label: ctx.t(t.label_key()),
            selected: filter.topic == Some(*t),
        })
        .collect();
    page(&LibraryPage {
        pagination: Pagination::new(page_no, total, publications::PER_PAGE, base),
        filtered: filter != Filter::default(),
        items,
        total,
        kinds,
        topics,
        years,
        ctx,
    })
}

// ------------------------------------------------------------------ detail

#[derive(Template)]
#[template(path = "content/publications/detail.html")]
struct DetailPage {
    ctx: Ctx,
    item: Item,
    lang_label: String,
    summary_html: String,
    licence: String,
    licence_url: Option<&'static str>,
    citation: String,
    file: Option<FileInfo>,
    file_size: String,
    pdf_path: String,
    /// Where to ask for an accessible version (when the Anfragen module runs).
    inquiry: Option<String>,
}

async fn live(state: &AppState, slug: &str) -> AppResult<Publication> {
    publications::live_by_slug(&state.db, slug, dias_core::time::now())
        .await?
        .ok_or(AppError::NotFound)
}

async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = live(&state, &slug).await?;
    let file = publications::file_info(&state.db, &[p.id])
        .await?
        .remove(&p.id);
    let licence = Licence::parse(&p.licence).unwrap_or(Licence::Proprietary);
    let item = item(&ctx, &p, file.as_ref());
    let url = format!("{}{}", public_url(&state), publications::page_path(&p.slug));
    let citation = format!(
        "{} ({}): {}. {}. {}. {url}",
        item.authors,
        p.year,
        p.title,
        item.kind,
        publications::PUBLISHER
    );
    page(&DetailPage {
        lang_label: ctx.t(&format!("content-pub-lang-{}", p.lang)),
        summary_html: dias_core::markdown::render_below(&p.summary, 2),
        licence: ctx.t(licence.label_key()),
        licence_url: licence_url(licence),
        citation,
        file_size: file
            .as_ref()
            .map(|f| publications::human_size(f.size, ctx.locale()))
            .unwrap_or_default(),
        file,
        pdf_path: publications::pdf_path(&p.slug),
        inquiry: state.registry.has("anfragen").then(|| {
            format!(
                "/anfragen/neu?thema=sonstiges&kontext={}",
                publications::page_path(&p.slug)
            )
        }),
        item,
        ctx,
    })
}

async fn download(State(state): State<AppState>, Path(slug): Path<String>) -> AppResult<Response> {
    let p = live(&state, &slug).await?;
    let file = publications::file(&state.db, p.id)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(dias_web::download::private_file(
        file.data,
        &file.mime,
        &publications::download_name(&p),
    ))
}

// --------------------------------------------------------------- open data

fn open_headers(headers: &mut HeaderMap, content_type: &'static str) {
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // Open data may be read by any site's scripts.
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
}

fn open_response(body: String, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    open_headers(response.headers_mut(), content_type);
    response
}

/// The catalogue of what is live now, with German topic labels.
async fn dcat_catalog(state: &AppState) -> AppResult<crate::dcat::Catalog> {
    let now = dias_core::time::now();
    let live = publications::all_live(&state.db, now).await?;
    let ids: Vec<i64> = live.iter().map(|p| p.id).collect();
    let files = publications::file_info(&state.db, &ids).await?;
    Ok(publications::catalog(
        public_url(state),
        &live,
        &files,
        |t| state.catalog.get("de", t.label_key()),
        now,
    ))
}

async fn catalog_rdf(State(state): State<AppState>) -> AppResult<Response> {
    let catalog = dcat_catalog(&state).await?;
    Ok(open_response(
        catalog.to_rdf_xml(),
        "application/rdf+xml; charset=utf-8",
    ))
}

async fn catalog_ttl(State(state): State<AppState>) -> AppResult<Response> {
    let catalog = dcat_catalog(&state).await?;
    Ok(open_response(
        catalog.to_turtle(),
        "text/turtle; charset=utf-8",
    ))
}

/// One publication in the JSON list.
fn publication_json(base: &str, p: &Publication, file: Option<&FileInfo>) -> Value {
    let licence = Licence::parse(&p.licence).unwrap_or(Licence::Proprietary);
    json!({
        "slug": p.slug,
        "title": p.title,
        "authors": publications::authors_list(&p.authors),
        "year": p.year,
        "kind": p.kind,
        "topics": topics_from_csv(&p.topics).iter().map(|t| t.key()).collect::<Vec<_>>(),
        "abstract": p.abstract_text,
        "summary_markdown": p.summary,
        "language": p.lang,
        "licence": {
            "key": licence.key(),
            "uri": licence.dcat_uri(),
            "url": licence_url(licence),
        },
        "issued": p.publish_at.map(dias_core::time::format_rfc3339),
        "modified": dias_core::time::format_rfc3339(p.updated_at),
        "url": format!("{base}{}", publications::page_path(&p.slug)),
        "download": file.map(|f| json!({
            "url": format!("{base}{}", publications::pdf_path(&p.slug)),
            "media_type": f.mime,
            "byte_size": f.size,
            "sha256": f.sha256,
        })),
    })
}

async fn api_list(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or("")).unwrap_or_default();
    let page_no = match pairs.iter().find(|(k, _)| k == "page" || k == "seite") {
        None => 1,
        Some((_, v)) => v
            .parse::<u64>()
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .ok_or_else(|| AppError::BadRequest(ctx.t("error-page-number")))?,
    };
    let now = dias_core::time::now();
    let live = publications::all_live(&state.db, now).await?;
    let total = live.len() as u64;
    let pages = total.div_ceil(API_PER_PAGE).max(1);
    let offset = usize::try_from((page_no - 1) * API_PER_PAGE).unwrap_or(usize::MAX);
    let chosen: Vec<&Publication> = live
        .iter()
        .skip(offset)
        .take(API_PER_PAGE as usize)
        .collect();
    let ids: Vec<i64> = chosen.iter().map(|p| p.id).collect();
    let files = publications::file_info(&state.db, &ids).await?;
    let base = public_url(&state);
    let href = |n: u64| {
        if n == 1 {
            format!("{base}{API_LIST}")
        } else {
            format!("{base}{API_LIST}?page={n}")
        }
    };
    let body = json!({
        "page": page_no,
        "per_page": API_PER_PAGE,
        "pages": pages,
        "total": total,
        "links": {
            "self": href(page_no),
            "first": href(1),
            "last": href(pages),
            "prev": (page_no > 1).then(|| href((page_no - 1).min(pages))),
            "next": (page_no < pages).then(|| href(page_no + 1)),
            "html": format!("{base}/publikationen"),
            "dcat_rdf_xml": format!("{base}{API_RDF}"),
            "dcat_turtle": format!("{base}{API_TTL}"),
            "openapi": format!("{base}{API_OPENAPI}"),
        },
        "publications": chosen
            .iter()
            .map(|p| publication_json(base, p, files.get(&p.id)))
            .collect::<Vec<_>>(),
    });
    Ok(open_response(body.to_string(), "application/json"))
}

async fn openapi(State(state): State<AppState>) -> AppResult<Response> {
    Ok(open_response(
        openapi_document(public_url(&state)).to_string(),
        "application/json",
    ))
}

/// The OpenAPI 3.0 description of the publications' open data.
pub fn openapi_document(public_url: &str) -> Value {
    let string = json!({ "type": "string" });
    let uri = json!({ "type": "string", "format": "uri" });
    let text = |media: &str, description: &str| {
        json!({
            "200": {
                "description": description,
                "content": { media: { "schema": { "type": "string" } } },
            },
        })
    };
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Digitalagentur Sachsen – Publikationen",
            "version": "1.0.0",
            "description": "Veröffentlichte Studien, Berichte und Positionen der Digitalagentur Sachsen mit ihren PDF-Dateien; Metadaten auch als DCAT-AP.de (RDF/XML und Turtle).",
        },
        "servers": [{ "url": public_url }],
        "paths": {
            API_LIST: {
                "get": {
                    "operationId": "listPublications",
                    "summary": "Veröffentlichte Publikationen, neueste zuerst, seitenweise",
                    "parameters": [{
                        "name": "page",
                        "in": "query",
                        "required": false,
                        "description": "Seitennummer, ab 1",
                        "schema": { "type": "integer", "minimum": 1, "default": 1 },
                    }],
                    "responses": {
                        "200": {
                            "description": "Eine Seite Publikationen",
                            "content": { "application/json": { "schema": { "$ref": "#/components/schemas/PublicationPage" } } },
                        },
                        "400": { "description": "Ungültige Seitennummer" },
                    },
                },
            },
            API_RDF: {
                "get": {
                    "operationId": "dcatRdfXml",
                    "summary": "DCAT-AP.de-Katalog der veröffentlichten Publikationen (RDF/XML)",
                    "responses": text("application/rdf+xml", "Ein dcat:Catalog mit einem dcat:Dataset je Publikation"),
                },
            },
            API_TTL: {
                "get": {
                    "operationId": "dcatTurtle",
                    "summary": "DCAT-AP.de-Katalog der veröffentlichten Publikationen (Turtle)",
                    "responses": text("text/turtle", "Ein dcat:Catalog mit einem dcat:Dataset je Publikation"),
                },
            },
        },
        "components": {
            "schemas": {
                "Publication": {
                    "type": "object",
                    "required": ["slug", "title", "authors", "year", "kind", "topics", "abstract", "language", "licence", "url"],
                    "properties": {
                        "slug": string,
                        "title": string,
                        "authors": { "type": "array", "items": string },
                        "year": { "type": "integer" },
                        "kind": { "type": "string", "enum": PublicationKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>() },
                        "topics": { "type": "array", "items": { "type": "string", "enum": Topic::ALL.iter().map(|t| t.key()).collect::<Vec<_>>() } },
                        "abstract": string,
                        "summary_markdown": { "type": "string", "description": "Zusammenfassung in einfacher Sprache (Markdown)" },
                        "language": string,
                        "licence": {
                            "type": "object",
                            "properties": {
                                "key": { "type": "string", "enum": Licence::ALL.iter().map(|l| l.key()).collect::<Vec<_>>() },
                                "uri": uri,
                                "url": { "type": "string", "format": "uri", "nullable": true },
                            },
                        },
                        "issued": { "type": "string", "format": "date-time" },
                        "modified": { "type": "string", "format": "date-time" },
                        "url": uri,
                        "download": {
                            "type": "object",
                            "nullable": true,
                            "properties": {
                                "url": uri,
                                "media_type": string,
                                "byte_size": { "type": "integer" },
                                "sha256": string,
                            },
                        },
                    },
                },
                "PublicationPage": {
                    "type": "object",
                    "required": ["page", "per_page", "pages", "total", "links", "publications"],
                    "properties": {
                        "page": { "type": "integer" },
                        "per_page": { "type": "integer" },
                        "pages": { "type": "integer" },
                        "total": { "type": "integer" },
                        "links": { "type": "object", "additionalProperties": { "type": "string", "nullable": true } },
                        "publications": { "type": "array", "items": { "$ref": "#/components/schemas/Publication" } },
                    },
                },
            },
        },
    })
}
