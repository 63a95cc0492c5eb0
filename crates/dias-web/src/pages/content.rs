//! The agency's information and legal pages, written in Markdown and shipped
//! with the binary (the content module will make them editable).

use askama::Template;
use axum::extract::State;
use axum::http::{Method, Uri};
use axum::response::Response;
use dias_search::{SearchDoc, SearchSource};
use sea_orm::{DatabaseConnection, DbErr};

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::page;
use crate::state::AppState;

/// (slug, German Markdown, English Markdown).
pub const PAGES: [(&str, &str, &str); 5] = [
    (
        "impressum",
        include_str!("../../content/de/impressum.md"),
        include_str!("../../content/en/impressum.md"),
    ),
    (
        "datenschutz",
        include_str!("../../content/de/datenschutz.md"),
        include_str!("../../content/en/datenschutz.md"),
    ),
    (
        "barrierefreiheit",
        include_str!("../../content/de/barrierefreiheit.md"),
        include_str!("../../content/en/barrierefreiheit.md"),
    ),
    (
        "leichte-sprache",
        include_str!("../../content/de/leichte-sprache.md"),
        include_str!("../../content/de/leichte-sprache.md"),
    ),
    (
        "gebaerdensprache",
        include_str!("../../content/de/gebaerdensprache.md"),
        include_str!("../../content/en/gebaerdensprache.md"),
    ),
];

/// Splits `# Title\n\nbody` into its parts.
fn title_and_body(markdown: &str) -> (&str, &str) {
    let markdown = markdown.trim_start();
    match markdown.strip_prefix("# ") {
        Some(rest) => match rest.split_once('\n') {
            Some((title, body)) => (title.trim(), body),
            None => (rest.trim(), ""),
        },
        None => ("", markdown),
    }
}

#[derive(Template)]
#[template(path = "content.html")]
struct ContentPage {
    ctx: Ctx,
    title: String,
    body_html: String,
    /// The Easy German page stays German in the English UI.
    lang: Option<&'static str>,
}

/// Where the privacy page names the retention period of inquiries; filled
/// from the configuration, so the page states what the instance does.
const DESK_RETENTION_PLACEHOLDER: &str = "{anfragen-aufbewahrung}";

/// A page's Markdown with its placeholders filled from the configuration
/// (the content module's editable pages use the same placeholders).
pub fn fill_placeholders(markdown: &str, config: &dias_core::config::Config) -> String {
    markdown.replace(
        DESK_RETENTION_PLACEHOLDER,
        &config.desk_retention_months.to_string(),
    )
}

/// Every path no route claims: a page of the content module, else one of
/// the shipped information pages, else 404.
pub async fn fallback(
    ctx: Ctx,
    State(state): State<AppState>,
    method: Method,
    uri: Uri,
) -> AppResult<Response> {
    if method != Method::GET && method != Method::HEAD {
        return Err(AppError::NotFound);
    }
    if let Some(site) = state.registry.site().cloned() {
        // The module's pages replace the shipped ones: its (edited) legal
        // pages must be the only version the portal serves.
        return match site.page(ctx, &state, uri.path()).await {
            Some(response) => response,
            None => Err(AppError::NotFound),
        };
    }
    match uri.path().strip_prefix('/') {
        Some(slug) if !slug.contains('/') => show(ctx, &state, slug),
        _ => Err(AppError::NotFound),
    }
}

fn show(ctx: Ctx, state: &AppState, slug: &str) -> AppResult<Response> {
    let Some((_, de, en)) = PAGES.iter().find(|(s, _, _)| *s == slug) else {
        return Err(AppError::NotFound);
    };
    let markdown = fill_placeholders(if ctx.locale() == "en" { en } else { de }, &state.config);
    let lang = (slug == "leichte-sprache" && ctx.locale() != "de").then_some("de");
    let (title, body) = title_and_body(&markdown);
    page(&ContentPage {
        title: title.to_owned(),
        body_html: dias_core::markdown::render(body),
        lang,
        ctx,
    })
}

pub async fn data_sources(ctx: Ctx, State(_state): State<AppState>) -> AppResult<Response> {
    let (title, body) = title_and_body(dias_core::reference::SOURCES_MD);
    let intro = ctx.t("data-sources-intro");
    page(&ContentPage {
        title: ctx.t("page-data-sources"),
        body_html: format!(
            "<p class=\"lead\">{}</p><div lang=\"en\"><h2>{}</h2>{}</div>",
            crate::components::escape_html(&intro),
            crate::components::escape_html(title),
            dias_core::markdown::render(body)
        ),
        lang: None,
        ctx,
    })
}

/// The pages as search documents (German text).
pub struct StaticPageSource;

#[async_trait::async_trait]
impl SearchSource for StaticPageSource {
    fn kind(&self) -> &'static str {
        "page"
    }
    fn label_key(&self) -> &'static str {
        "search-kind-page"
    }
    async fn all(&self, _db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(PAGES.iter().filter_map(|(slug, _, _)| doc(slug)).collect())
    }
    async fn one(&self, _db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        Ok(doc(id))
    }
}

fn doc(slug: &str) -> Option<SearchDoc> {
    let (_, de, _) = PAGES.iter().find(|(s, _, _)| *s == slug)?;
    let (title, body) = title_and_body(de);
    // Search has no configuration at hand: the period is left out.
    let searchable = body.replace(DESK_RETENTION_PLACEHOLDER, "");
    Some(SearchDoc {
        kind: "page".into(),
        id: slug.to_owned(),
        title: title.to_owned(),
        body: dias_core::markdown::to_plain_text(&searchable),
        url: format!("/{slug}"),
        date: None,
    })
}
