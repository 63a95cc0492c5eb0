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

use axum::Router;
use dias_web::AppState;

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
