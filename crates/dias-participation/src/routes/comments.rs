//! Actions on single comments: helpful, edit, delete.

use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, field_errors, page_with_status, see_other};
use dias_web::{AppResult, AppState, Ctx};
use serde::Deserialize;

use super::load;
use crate::moderation::{self, ReportTarget, TargetKind};
use crate::policy::ParticipationAction;
use crate::store;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/kommentare/{cid}", get(permalink))
        .route("/beteiligung/{slug}/kommentare/{cid}/hilfreich", post(vote))
        .route(
            "/beteiligung/{slug}/kommentare/{cid}/bearbeiten",
            post(edit),
        )
        .route(
            "/beteiligung/{slug}/kommentare/{cid}/loeschen",
            post(delete),
        )
}

#[derive(Deserialize)]
struct PermalinkParams {
    hinweis: Option<String>,
}

/// A comment's lasting address: leads to the page that shows it (the right
/// page of a long discussion), keeping a notice (`?hinweis=`) on the way.
async fn permalink(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, cid)): Path<(String, i64)>,
    Query(params): Query<PermalinkParams>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let place = store::comment_location(&state.db, p.process.id, cid).await?;
    let (path, fragment) = match place.split_once('#') {
        Some((path, fragment)) => (path.to_owned(), format!("#{fragment}")),
        None => (place, String::new()),
    };
    let notice = params
        .hinweis
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .map(|k| format!("{}hinweis={k}", if path.contains('?') { '&' } else { '?' }))
        .unwrap_or_default();
    Ok(see_other(&format!(
        "/beteiligung/{slug}{path}{notice}{fragment}"
    )))
}

/// Where the comment is shown, with a notice.
async fn back(
    state: &AppState,
    process_id: i64,
    slug: &str,
    cid: i64,
    notice: &str,
) -> AppResult<Response> {
    let content = moderation::content(
        &state.db,
        process_id,
        ReportTarget {
            kind: TargetKind::Comment,
            id: cid,
        },
    )
    .await?;
    let link = content.located_link(&state.db, slug).await?;
    Ok(see_other(&link.with_notice(notice)))
}

async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, cid)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    let voted = crate::comments::toggle_vote(&state.db, &me, &p, cid).await?;
    back(
        &state,
        p.process.id,
        &slug,
        cid,
        if voted {
            "hilfreich"
        } else {
            "hilfreich-zurueck"
        },
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct EditInput {
    #[serde(default)]
    body: String,
}

#[derive(Template)]
#[template(path = "participation/comment_edit.html")]
struct EditPage {
    ctx: Ctx,
    process: crate::entities::process::Model,
    errors: ShownErrors,
    cid: i64,
    body: String,
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, cid)): Path<(String, i64)>,
    Form(input): Form<EditInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    match field_errors(crate::comments::edit(&state.db, &me, p.process.id, cid, &input.body).await)?
    {
        Ok(()) => back(&state, p.process.id, &slug, cid, "kommentar-geaendert").await,
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &EditPage {
                errors: ShownErrors::new(&ctx, &errors),
                process: p.process,
                cid,
                body: input.body,
                ctx,
            },
        ),
    }
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, cid)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    // The link is taken before deleting: afterwards the comment is no longer visible.
    let content = moderation::content(
        &state.db,
        p.process.id,
        ReportTarget {
            kind: TargetKind::Comment,
            id: cid,
        },
    )
    .await?;
    let link = content.located_link(&state.db, &slug).await?;
    crate::comments::delete(&state.db, &me, p.process.id, cid).await?;
    Ok(see_other(&link.with_notice("kommentar-geloescht")))
}
