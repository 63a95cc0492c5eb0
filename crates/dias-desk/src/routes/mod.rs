//! Pages of the Anfragen module. Each area has its own file with its own
//! `routes()`; handlers are thin: they look up the facts, ask the policy
//! (`crate::policy::DeskAction`), call the domain code and render.

mod answer_templates;
mod faq;
mod faq_staff;
mod queue;
mod stats;
mod teams;
mod ticket;

use axum::Router;
use dias_web::AppState;

pub(crate) mod public;
mod status;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(public::routes())
        .merge(status::routes())
        .merge(queue::routes())
        .merge(ticket::routes())
        .merge(answer_templates::routes())
        .merge(teams::routes())
        .merge(faq::routes())
        .merge(faq_staff::routes())
        .merge(stats::routes())
}
