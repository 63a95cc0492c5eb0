//! Public pages of the shell: home, legal and information pages, the
//! reference pages of Saxony's Kreise, global search, error pages, health and
//! metrics.

mod content;
mod districts;
mod home;
mod search;

use askama::Template;
use axum::Router;
use axum::routing::{get, post};

use crate::context::Ctx;
use crate::state::AppState;

pub use content::StaticPageSource;
pub use districts::DistrictSource;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home::home))
        .route("/suche", get(search::search))
        .route("/kreise", get(districts::list))
        .route("/kreise/{ags5}", get(districts::show))
        .route("/datenquellen", get(content::data_sources))
        .route("/sprache", post(home::switch_language))
        .route("/healthz", get(home::healthz))
        .route("/metrics", get(home::metrics))
}

pub use content::{fallback, fill_placeholders};

#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorTemplate {
    pub ctx: Ctx,
    pub status: u16,
    pub title: String,
    pub message: String,
    pub detail: Option<String>,
}
