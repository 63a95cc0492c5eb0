//! Pages at their paths: the shell's fallback asks here for every path no
//! route claims.

use askama::Template;
use axum::response::Response;
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::entities::pages;

#[derive(Template)]
#[template(path = "content/page.html")]
struct PageView {
    ctx: Ctx,
    title: String,
    body_html: String,
    /// Set when the English UI shows a page that exists only in German.
    lang: Option<&'static str>,
}

/// The live page at `path`, rendered; `None` when there is none.
pub async fn at_path(ctx: Ctx, state: &AppState, path: &str) -> Option<AppResult<Response>> {
    let now = dias_core::time::now();
    let found = pages::Entity::find()
        .filter(pages::Column::Path.eq(path))
        .filter(crate::publishing::live(
            pages::Column::Status,
            pages::Column::PublishAt,
            now,
        ))
        .one(&state.db)
        .await;
    let found = match found {
        Ok(found) => found?,
        Err(e) => return Some(Err(AppError::from(e))),
    };
    let english = ctx.locale() == "en";
    let (title, body, lang) = match (english, found.title_en, found.body_en) {
        (true, Some(title), Some(body)) => (title, body, None),
        (true, _, _) => (found.title_de, found.body_de, Some("de")),
        (false, _, _) => (found.title_de, found.body_de, None),
    };
    let body = dias_web::fill_placeholders(&body, &state.config);
    Some(page(&PageView {
        title,
        body_html: dias_core::markdown::render(&body),
        lang,
        ctx,
    }))
}
