//! Pages at their paths: the shell's fallback asks here for every path no
//! route claims. Only live pages are shown (drafts and scheduled pages are
//! 404 for everyone; staff use the preview). The same view renders the
//! staff preview with a banner and `noindex`.

use askama::Template;
use axum::http::{HeaderValue, header};
use axum::response::Response;
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::pages::{self, Page};

/// A link with a title in the visitor's language (or German, marked).
pub(crate) struct Link {
    pub href: String,
    pub title: String,
    pub lang: Option<&'static str>,
}

/// What a preview shows above the page.
pub(crate) struct Preview {
    pub page_id: Option<i64>,
    /// Posted, unsaved text (the edit form's "Vorschau" button).
    pub unsaved: bool,
    /// The page is not visible to visitors now (draft or scheduled).
    pub hidden_note: Option<String>,
}

#[derive(Template)]
#[template(path = "content/page.html")]
pub(crate) struct PageView {
    pub ctx: Ctx,
    pub title: String,
    pub body_html: String,
    /// Set when the English UI shows a page that exists only in German.
    pub lang: Option<&'static str>,
    /// Ancestors, from the top down.
    pub crumbs: Vec<Link>,
    pub path: String,
    pub children: Vec<Link>,
    /// „Stand“: the last change.
    pub updated_at: i64,
    pub preview: Option<Preview>,
}

/// Title and Markdown in the visitor's language: English when the page has
/// an English version, else German with `lang="de"` in the English UI.
pub(crate) fn localized(
    english: bool,
    title_de: &str,
    title_en: Option<&str>,
    body_de: &str,
    body_en: Option<&str>,
) -> (String, String, Option<&'static str>) {
    match (english, title_en, body_en) {
        (true, Some(title), Some(body)) => (title.to_owned(), body.to_owned(), None),
        (true, _, _) => (title_de.to_owned(), body_de.to_owned(), Some("de")),
        (false, _, _) => (title_de.to_owned(), body_de.to_owned(), None),
    }
}

pub(crate) fn link(page: &Page, english: bool) -> Link {
    let (title, lang) = match (&page.title_en, english) {
        (Some(en), true) => (en.clone(), None),
        (None, true) => (page.title_de.clone(), Some("de")),
        (_, false) => (page.title_de.clone(), None),
    };
    Link {
        href: page.path.clone(),
        title,
        lang,
    }
}

/// The view of a saved page: its live ancestors as breadcrumbs and its
/// live children.
pub(crate) async fn view(
    ctx: Ctx,
    state: &AppState,
    found: &Page,
    preview: Option<Preview>,
) -> AppResult<PageView> {
    let now = dias_core::time::now();
    let english = ctx.locale() == "en";
    let (title, body, lang) = localized(
        english,
        &found.title_de,
        found.title_en.as_deref(),
        &found.body_de,
        found.body_en.as_deref(),
    );
    let live = pages::live_ids(&state.db, now).await?;
    let crumbs = pages::ancestors(&state.db, found)
        .await?
        .iter()
        .filter(|p| live.contains(&p.id))
        .map(|p| link(p, english))
        .collect();
    let children = pages::live_children(&state.db, found.id, now)
        .await?
        .iter()
        .map(|p| link(p, english))
        .collect();
    let body = dias_web::fill_placeholders(&body, &state.config);
    Ok(PageView {
        title,
        body_html: dias_core::markdown::render_below(&body, 1),
        lang,
        crumbs,
        path: found.path.clone(),
        children,
        updated_at: found.updated_at,
        preview,
        ctx,
    })
}

/// A rendered preview: not indexed, not cached.
pub(crate) fn preview_response(view: &PageView) -> AppResult<Response> {
    let mut response = page(view)?;
    let headers = response.headers_mut();
    headers.insert("x-robots-tag", HeaderValue::from_static("noindex"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// The live page at `path`, rendered; `None` when there is none.
pub async fn at_path(ctx: Ctx, state: &AppState, path: &str) -> Option<AppResult<Response>> {
    let now = dias_core::time::now();
    let found = match pages::live_at_path(&state.db, path, now).await {
        Ok(found) => found?,
        Err(e) => return Some(Err(AppError::from(e))),
    };
    Some(
        view(ctx, state, &found, None)
            .await
            .and_then(|view| page(&view)),
    )
}
