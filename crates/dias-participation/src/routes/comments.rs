//! Comments: posting in any discussion, and actions on single comments
//! (helpful, edit, delete, permalink).

use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, field_errors, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::load;
use crate::moderation::{self, ReportTarget, TargetKind};
use crate::policy::ParticipationAction;
use crate::store::{self, NewComment, ProcessWithPhases, Target};

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

/// The comment form of every discussion (paragraphs, proposals, debates).
#[derive(Deserialize, Default)]
pub struct CommentInput {
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub category: String,
    #[serde(default)]
    pub stance: String,
    #[serde(default)]
    pub parent_id: Option<String>,
}

/// The page a discussion is shown on.
fn discussion_path(slug: &str, target: Target) -> String {
    match target {
        Target::Paragraph(id) => format!("/beteiligung/{slug}/text/{id}"),
        Target::Proposal(id) => format!("/beteiligung/{slug}/vorschlaege/{id}"),
        Target::Debate(id) => format!("/beteiligung/{slug}/debatten/{id}"),
        Target::Suggestion(_) => format!("/beteiligung/{slug}/text"),
    }
}

/// Posts a comment the one way every discussion does: signed in,
/// rate-limited per client, phase and target rules checked by the store.
/// Gives the redirect to the new comment on its page (or the notice that it
/// awaits pre-moderation), or the field errors for the caller to show its
/// page again with the input.
pub(super) async fn post_comment(
    state: &AppState,
    ctx: &Ctx,
    p: &ProcessWithPhases,
    target: Target,
    input: &CommentInput,
) -> AppResult<Result<Response, FieldErrors>> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let new = NewComment {
        body: input.body.clone(),
        category: input.category.clone(),
        stance: input.stance.clone(),
        parent_id: input.parent_id.as_deref().and_then(|s| s.parse().ok()),
    };
    let added = match target {
        Target::Debate(id) => crate::debates::add_comment(&state.db, &me, p, id, &new).await,
        _ => store::add_comment(&state.db, &me, p, target, &new).await,
    };
    let slug = &p.process.slug;
    Ok(match field_errors(added)? {
        Ok(_) if p.process.premoderation => Ok(see_other(&format!(
            "{}?hinweis=wird-geprueft",
            discussion_path(slug, target)
        ))),
        Ok(cid) => {
            let place = store::comment_location(&state.db, p.process.id, cid).await?;
            Ok(see_other(&with_notice(
                &format!("/beteiligung/{slug}{place}"),
                "kommentar-gespeichert",
            )))
        }
        Err(errors) => Err(errors),
    })
}

/// `href` with `hinweis=KEY` added to its query, before any fragment.
fn with_notice(href: &str, key: &str) -> String {
    let (path, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (href, String::new()),
    };
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}hinweis={key}{fragment}")
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
