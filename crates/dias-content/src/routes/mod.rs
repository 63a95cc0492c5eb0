//! Pages of the content module. Each area has its own file with its own
//! `routes()`; handlers are thin: they look up the facts, ask the policy
//! (`crate::policy::ContentAction`), call the domain code and render.

mod contacts;
mod editorial;
mod media;
mod news;
mod news_staff;
mod newsletter;
mod newsletter_staff;
mod pages_staff;
mod publications;
mod publications_staff;

pub(crate) mod pages_public;

use askama::Template;
use axum::Router;
use axum::response::Response;
use dias_web::{AppResult, AppState, Ctx};

/// The confirmation page of a delete (news, media, newsletter drafts): the
/// edit pages link here, so deleting takes a second step without
/// JavaScript too.
#[derive(Template)]
#[template(path = "content/delete.html")]
pub(crate) struct DeletePage {
    pub ctx: Ctx,
    pub heading: String,
    pub question: String,
    pub button: String,
    /// Where the form posts.
    pub action: String,
    /// Back without deleting.
    pub back: String,
    /// Breadcrumbs below Redaktion, (href, label); the last is this page.
    pub crumbs: Vec<(String, String)>,
}

/// Sent by a delete form only without JavaScript (inside `<noscript>`): with
/// JavaScript the form's `data-confirm` has asked already, without it the
/// request goes to [`DeletePage`] first.
pub(crate) const NO_JS_FIELD: &str = "ohne_js";

/// Whether a delete request has to be confirmed on its page first.
pub(crate) fn unconfirmed(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, _)| k == NO_JS_FIELD)
}

impl DeletePage {
    pub(crate) fn render(self) -> AppResult<Response> {
        dias_web::forms::page(&self)
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(pages_staff::routes())
        .merge(media::routes())
        .merge(news::routes())
        .merge(news_staff::routes())
        .merge(publications::routes())
        .merge(publications_staff::routes())
        .merge(contacts::routes())
        .merge(newsletter::routes())
        .merge(newsletter_staff::routes())
        .merge(editorial::routes())
}
