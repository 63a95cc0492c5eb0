//! Following a process, a proposal or a change suggestion (Folgen). Each
//! button posts `folgen=1` or `folgen=0`, so a repeated submit changes
//! nothing, and returns to the page it was pressed on.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::post;
use dias_core::notifications::{self, Target};
use dias_web::forms::{Form, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::EntityTrait;
use serde::Deserialize;

use super::load;
use crate::entities::suggestion;
use crate::notify;
use crate::policy::ParticipationAction;
use crate::store;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/folgen", post(follow_process))
        .route(
            "/beteiligung/{slug}/vorschlaege/{id}/folgen",
            post(follow_proposal),
        )
        .route(
            "/beteiligung/{slug}/aenderungen/{sid}/folgen",
            post(follow_suggestion),
        )
}

#[derive(Deserialize, Default)]
pub struct FollowInput {
    #[serde(default)]
    folgen: String,
}

/// Stores the choice and says where to go back to with which notice.
async fn apply(
    state: &AppState,
    ctx: &Ctx,
    target: Target,
    input: &FollowInput,
    back: &str,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Contribute)?.user()?;
    let (fragment_free, fragment) = match back.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (back, String::new()),
    };
    let notice = match input.folgen.as_str() {
        "1" => {
            notifications::follow(&state.db, me.user_id, target).await?;
            "notif-gefolgt"
        }
        "0" => {
            notifications::unfollow(&state.db, me.user_id, target).await?;
            "notif-entfolgt"
        }
        _ => return Err(AppError::BadRequest(ctx.t("error-invalid-choice"))),
    };
    Ok(see_other(&format!(
        "{fragment_free}?hinweis={notice}{fragment}"
    )))
}

async fn follow_process(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<FollowInput>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Contribute)?;
    let p = load(&state, &ctx, &slug).await?;
    apply(
        &state,
        &ctx,
        notify::process_target(p.process.id),
        &input,
        &format!("/beteiligung/{slug}"),
    )
    .await
}

async fn follow_proposal(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<FollowInput>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Contribute)?;
    let p = load(&state, &ctx, &slug).await?;
    store::proposal(&state.db, p.process.id, id, false).await?;
    apply(
        &state,
        &ctx,
        notify::proposal_target(id),
        &input,
        &format!("/beteiligung/{slug}/vorschlaege/{id}"),
    )
    .await
}

async fn follow_suggestion(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, sid)): Path<(String, i64)>,
    Form(input): Form<FollowInput>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Contribute)?;
    let p = load(&state, &ctx, &slug).await?;
    let s = suggestion::Entity::find_by_id(sid)
        .one(&state.db)
        .await?
        .filter(|s| s.process_id == p.process.id && s.hidden_at.is_none())
        .ok_or(AppError::NotFound)?;
    apply(
        &state,
        &ctx,
        notify::suggestion_target(sid),
        &input,
        &format!(
            "/beteiligung/{slug}/text/{}#aenderung-{sid}",
            s.paragraph_id
        ),
    )
    .await
}
