//! Pages and form actions of Beteiligung. Handlers extract, authorize, call
//! the store and render.

mod comments;
mod debates;
mod exports;
mod follows;
mod manage;
mod moderation;
mod opinion;
mod proposals;
mod results;
mod surveys;
mod text;
mod versions;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::{get, post};
pub(crate) use dias_web::forms::field_errors;
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};

use crate::domain::{self, PhaseState};
use crate::entities::phase;
use crate::policy::ParticipationAction;
use crate::store::{self, ProcessWithPhases};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung", get(list))
        .route("/beteiligung/{slug}", get(show))
        .route("/beteiligung/{slug}/text", get(text::show))
        .route("/beteiligung/{slug}/text/{pid}", get(text::paragraph))
        .route(
            "/beteiligung/{slug}/text/{pid}/kommentare",
            post(text::comment),
        )
        .route(
            "/beteiligung/{slug}/text/{pid}/aenderungen",
            post(text::suggest),
        )
        .route(
            "/beteiligung/{slug}/aenderungen/{sid}/unterstuetzen",
            post(text::support_suggestion),
        )
        .route(
            "/beteiligung/{slug}/aenderungen/{sid}/entscheidung",
            post(text::decide),
        )
        .route("/beteiligung/{slug}/vorschlaege", get(proposals::list))
        .route(
            "/beteiligung/{slug}/vorschlaege/neu",
            get(proposals::new_form).post(proposals::create),
        )
        .route("/beteiligung/{slug}/vorschlaege/{id}", get(proposals::show))
        .route(
            "/beteiligung/{slug}/vorschlaege/{id}/unterstuetzen",
            post(proposals::support),
        )
        .route(
            "/beteiligung/{slug}/vorschlaege/{id}/kommentare",
            post(proposals::comment),
        )
        .route(
            "/beteiligung/{slug}/vorschlaege/{id}/antwort",
            post(proposals::answer),
        )
        .route("/beteiligung/{slug}/fassungen", get(versions::list))
        .route(
            "/beteiligung/{slug}/fassungen/neu",
            get(versions::new_form).post(versions::create),
        )
        .route("/beteiligung/{slug}/meine-beitraege", get(versions::mine))
        .route("/beteiligung/{slug}/daten/{format}", get(exports::download))
        .merge(moderation::routes())
        .merge(follows::routes())
        .merge(opinion::routes())
        .merge(manage::routes())
        .merge(results::routes())
        .merge(comments::routes())
        .merge(debates::routes())
        .merge(surveys::routes())
}

/// Loads the process of the URL; drafts are visible to staff only.
async fn load(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<ProcessWithPhases> {
    Ok(store::process_by_slug(&state.db, slug, ctx.can(&ParticipationAction::Manage)).await?)
}

/// A phase as the timeline shows it.
pub struct PhaseView {
    pub name: String,
    pub description: String,
    pub dates: String,
    pub state: &'static str,
    pub current: bool,
    pub features: Vec<String>,
}

/// `01.03.2026 – 31.03.2026`: the first and the last day of a phase.
pub(crate) fn phase_dates(p: &phase::Model) -> String {
    format!(
        "{} – {}",
        dias_core::time::format_date(p.starts_at),
        dias_core::time::format_date(p.ends_at - 1)
    )
}

fn phase_views(ctx: &Ctx, process: &ProcessWithPhases) -> Vec<PhaseView> {
    let now = dias_core::time::now();
    let current = process.current_phase(now).map(|p| p.id);
    process
        .phases
        .iter()
        .map(|p| {
            let is_current = Some(p.id) == current;
            let state = if is_current {
                PhaseState::Current
            } else {
                match domain::phase_state(p, now) {
                    // A phase staff moved on from early counts as past.
                    PhaseState::Current => PhaseState::Past,
                    other => other,
                }
            };
            let mut features = Vec::new();
            for (on, key) in [
                (p.commenting, "feature-commenting"),
                (p.proposals, "feature-proposals"),
                (p.supporting, "feature-supporting"),
                (p.suggestions, "feature-suggestions"),
                (p.statement_voting, "feature-voting"),
                (p.survey, "feature-survey"),
            ] {
                if on {
                    features.push(ctx.t(key));
                }
            }
            PhaseView {
                name: p.name.clone(),
                description: p.description.clone(),
                dates: phase_dates(p),
                state: match state {
                    PhaseState::Past => "phase-past",
                    PhaseState::Current => "phase-current",
                    PhaseState::Upcoming => "phase-upcoming",
                },
                current: is_current,
                features,
            }
        })
        .collect()
}

pub struct ProcessCard {
    pub slug: String,
    pub title: String,
    pub teaser: String,
    pub current_phase: Option<String>,
    pub visibility: String,
}

#[derive(Template)]
#[template(path = "participation/list.html")]
struct ListPage {
    ctx: Ctx,
    processes: Vec<ProcessCard>,
    can_manage: bool,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let now = dias_core::time::now();
    let can_manage = ctx.can(&ParticipationAction::Manage);
    let processes = store::processes(&state.db, can_manage)
        .await?
        .into_iter()
        .map(|p| ProcessCard {
            visibility: p.process.visibility.clone(),
            current_phase: p.current_phase(now).map(|ph| ph.name.clone()),
            slug: p.process.slug,
            title: p.process.title,
            teaser: p.process.teaser,
        })
        .collect();
    page(&ListPage {
        ctx,
        processes,
        can_manage,
    })
}

#[derive(Template)]
#[template(path = "participation/process.html")]
struct ProcessPage {
    ctx: Ctx,
    can_manage: bool,
    process: crate::entities::process::Model,
    description_html: String,
    phases: Vec<PhaseView>,
    proposals: u64,
    has_text: bool,
    following: bool,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let proposals = store::visible_proposal_count(&state.db, p.process.id).await?;
    let has_text = store::versions(&state.db, p.process.id)
        .await?
        .iter()
        .any(|v| v.published_at.is_some());
    let following = match ctx.principal() {
        Some(me) => {
            dias_core::notifications::is_following(
                &state.db,
                me.user_id,
                crate::notify::process_target(p.process.id),
            )
            .await?
        }
        None => false,
    };
    page(&ProcessPage {
        can_manage: ctx.can(&ParticipationAction::Manage),
        description_html: dias_core::markdown::render(&p.process.description_md),
        phases: phase_views(&ctx, &p),
        process: p.process,
        proposals,
        has_text,
        following,
        ctx,
    })
}
