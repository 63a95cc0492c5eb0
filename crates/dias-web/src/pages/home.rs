use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::context::Ctx;
use crate::error::AppResult;
use crate::forms::{Form, page, see_other};
use crate::registry::Teaser;
use crate::state::AppState;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    ctx: Ctx,
    teasers: Vec<Teaser>,
}

pub async fn home(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let teasers = state.registry.teasers().cloned().collect();
    page(&HomePage { ctx, teasers })
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    #[serde(default)]
    zurueck: String,
}

/// Switches the language: stored in the profile when signed in, otherwise in
/// a cookie that the visitor asked for by pressing the button.
pub async fn switch_language(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<LanguageForm>,
) -> AppResult<Response> {
    let locale = dias_core::i18n::normalize(&form.lang);
    let back = if form.zurueck.starts_with('/') && !form.zurueck.starts_with("//") {
        form.zurueck.as_str()
    } else {
        "/"
    };
    let mut response = see_other(back);
    match ctx.principal() {
        Some(p) => dias_core::accounts::set_locale(&state.db, p.user_id, locale).await?,
        None => {
            response.headers_mut().append(
                header::SET_COOKIE,
                crate::middleware::lang_cookie(&state, locale),
            );
        }
    }
    Ok(response)
}

pub async fn healthz(State(state): State<AppState>) -> Response {
    use sea_orm::ConnectionTrait;
    match state.db.execute_unprepared("SELECT 1").await {
        Ok(_) => (axum::http::StatusCode::OK, "ok\n").into_response(),
        Err(_) => (
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "database unavailable\n",
        )
            .into_response(),
    }
}

pub async fn metrics(State(state): State<AppState>) -> Response {
    use dias_core::entities::{job, mail};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    let queued = job::Entity::find()
        .filter(job::Column::Status.eq(dias_core::jobs::QUEUED))
        .count(&state.db)
        .await
        .unwrap_or(0);
    let pending = mail::Entity::find()
        .filter(mail::Column::Status.eq(dias_core::mail::PENDING))
        .count(&state.db)
        .await
        .unwrap_or(0);
    let body = state.metrics.render(&[
        (
            "dias_jobs_queued",
            "Background jobs waiting.",
            queued as f64,
        ),
        (
            "dias_mails_pending",
            "Mails waiting for delivery.",
            pending as f64,
        ),
        (
            "dias_search_documents",
            "Documents in this instance's search index.",
            state.search.num_docs() as f64,
        ),
    ]);
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}
