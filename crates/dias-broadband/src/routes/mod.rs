//! Pages of the Breitband module. Each area has its own file with its own
//! `routes()`; handlers are thin: they look up the facts, ask the policy
//! (`crate::policy::BroadbandAction`), call the pure code and render.

mod admin;
mod advice;
mod home;
mod lagebild_projects;
pub(crate) mod projects;
mod query;
pub(crate) mod surveys;
mod surveys_results;
mod surveys_uploads;

mod lagebild;
mod register;

use axum::Router;
use dias_web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(home::routes())
        .merge(advice::routes())
        .merge(admin::routes())
        .merge(register::routes())
        .merge(lagebild::routes())
        .merge(lagebild_projects::routes())
        .merge(projects::routes())
        .merge(surveys::routes())
        .merge(surveys_uploads::routes())
        .merge(surveys_results::routes())
}
