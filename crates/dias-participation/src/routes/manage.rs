//! Staff set up processes: create and edit a process (visibility, support
//! rules, pre-moderation, a manual current phase) and its phases.

use std::collections::HashSet;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::{field_errors, load};
use crate::entities::{phase, process};
use crate::policy::ParticipationAction;
use crate::processes::{self, PhaseInput, ProcessInput, SWITCHES, VISIBILITIES};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/neu", get(new_process).post(create_process))
        .route(
            "/beteiligung/{slug}/bearbeiten",
            get(edit_process).post(update_process),
        )
        .route("/beteiligung/{slug}/phasen", get(phases))
        .route(
            "/beteiligung/{slug}/phasen/neu",
            get(new_phase).post(create_phase),
        )
        .route(
            "/beteiligung/{slug}/phasen/{id}",
            get(edit_phase).post(update_phase),
        )
        .route(
            "/beteiligung/{slug}/phasen/{id}/loeschen",
            post(delete_phase),
        )
}

/// A `<select>` option: value, label, selected.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "participation/process_form.html")]
struct ProcessForm {
    ctx: Ctx,
    /// None while creating.
    process: Option<process::Model>,
    errors: ShownErrors,
    input: ProcessInput,
    kreise: Vec<Choice>,
    visibilities: Vec<Choice>,
    phases: Vec<Choice>,
}

fn process_form(
    ctx: Ctx,
    process: Option<process::Model>,
    phase_list: &[phase::Model],
    input: ProcessInput,
    errors: ShownErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let kreise = dias_core::reference::cached()
        .districts
        .iter()
        .map(|d| Choice {
            selected: input.scope_ags5 == d.ags5,
            value: d.ags5.clone(),
            label: d.name.clone(),
        })
        .collect();
    let visibilities = VISIBILITIES
        .iter()
        .map(|v| Choice {
            value: (*v).to_owned(),
            label: ctx.t(&format!("process-visibility-{v}")),
            selected: input.visibility == *v,
        })
        .collect();
    let phases = phase_list
        .iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: p.name.clone(),
            selected: input.phase_override == p.id.to_string(),
        })
        .collect();
    page_with_status(
        status,
        &ProcessForm {
            ctx,
            process,
            errors,
            input,
            kreise,
            visibilities,
            phases,
        },
    )
}

fn process_input(fields: Vec<(String, String)>) -> ProcessInput {
    let mut input = ProcessInput::default();
    for (key, value) in fields {
        match key.as_str() {
            "title" => input.title = value,
            "slug" => input.slug = value,
            "teaser" => input.teaser = value,
            "description_md" => input.description_md = value,
            "organiser" => input.organiser = value,
            "scope_ags5" => input.scope_ags5 = value,
            "visibility" => input.visibility = value,
            "support_limit" => input.support_limit = value,
            "support_threshold" => input.support_threshold = value,
            "report_threshold" => input.report_threshold = value,
            "premoderation" => input.premoderation = value == "1",
            "phase_override" => input.phase_override = value,
            "opinion_question" => input.opinion_question = value,
            "opinion_anonymous" => input.opinion_anonymous = value == "1",
            _ => {}
        }
    }
    input
}

fn known_kreise() -> HashSet<&'static str> {
    dias_core::reference::cached()
        .districts
        .iter()
        .map(|d| d.ags5.as_str())
        .collect()
}

async fn new_process(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let input = ProcessInput::new_defaults(&ctx.t("process-default-organiser"));
    process_form(ctx, None, &[], input, ShownErrors::none(), StatusCode::OK)
}

async fn create_process(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.user_id;
    let input = process_input(fields);
    let checked = match input.validate(&known_kreise(), &[]) {
        Ok(checked) => checked,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return process_form(
                ctx,
                None,
                &[],
                input,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            );
        }
    };
    match field_errors(processes::create_process(&state.db, &checked).await)? {
        Ok(created) => {
            dias_core::audit::record(
                &state.db,
                Some(me),
                "process.created",
                "process",
                Some(&created.id.to_string()),
                serde_json::json!({ "slug": created.slug }),
            )
            .await?;
            Ok(see_other(&format!(
                "/beteiligung/{}/phasen?hinweis=verfahren-angelegt",
                created.slug
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            process_form(
                ctx,
                None,
                &[],
                input,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

async fn edit_process(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let mut input = ProcessInput::from_model(&p.process);
    if let Some(c) = crate::opinion::store::conversation_of(&state.db, p.process.id).await? {
        input.opinion_question = c.question;
        input.opinion_anonymous = c.allow_anonymous;
    }
    process_form(
        ctx,
        Some(p.process),
        &p.phases,
        input,
        ShownErrors::none(),
        StatusCode::OK,
    )
}

async fn update_process(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.user_id;
    let p = load(&state, &ctx, &slug).await?;
    let input = process_input(fields);
    let phase_ids: Vec<i64> = p.phases.iter().map(|ph| ph.id).collect();
    let result = match input.validate(&known_kreise(), &phase_ids) {
        Ok(checked) => {
            field_errors(processes::update_process(&state.db, p.process.id, &checked).await)?
        }
        Err(errors) => Err(errors),
    };
    match result {
        Ok(updated) => {
            dias_core::audit::record(
                &state.db,
                Some(me),
                "process.updated",
                "process",
                Some(&updated.id.to_string()),
                serde_json::json!({
                    "slug": updated.slug,
                    "visibility": updated.visibility,
                    "phase_override": updated.phase_override,
                }),
            )
            .await?;
            Ok(see_other(&format!(
                "/beteiligung/{}?hinweis=verfahren-gespeichert",
                updated.slug
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            process_form(
                ctx,
                Some(p.process),
                &p.phases,
                input,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

pub struct PhaseRow {
    pub id: i64,
    pub name: String,
    pub dates: String,
    pub features: Vec<String>,
    pub current: bool,
}

#[derive(Template)]
#[template(path = "participation/phases.html")]
struct PhasesPage {
    ctx: Ctx,
    process: process::Model,
    phases: Vec<PhaseRow>,
    overridden: bool,
}

async fn phases(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let current = p.current_phase(dias_core::time::now()).map(|ph| ph.id);
    let phases = p
        .phases
        .iter()
        .map(|ph| PhaseRow {
            id: ph.id,
            name: ph.name.clone(),
            dates: super::phase_dates(ph),
            features: SWITCHES
                .iter()
                .zip(processes::switch_values(ph))
                .filter(|(_, on)| *on)
                .map(|(key, _)| ctx.t(&format!("phase-switch-{key}")))
                .collect(),
            current: Some(ph.id) == current,
        })
        .collect();
    page(&PhasesPage {
        overridden: p.process.phase_override.is_some(),
        process: p.process,
        phases,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "participation/phase_form.html")]
struct PhaseForm {
    ctx: Ctx,
    process: process::Model,
    /// None while adding.
    phase_id: Option<i64>,
    errors: ShownErrors,
    input: PhaseInput,
    switches: Vec<(&'static str, String, bool)>,
}

fn phase_form(
    ctx: Ctx,
    process: process::Model,
    phase_id: Option<i64>,
    input: PhaseInput,
    errors: ShownErrors,
    status: StatusCode,
) -> AppResult<Response> {
    let switches = SWITCHES
        .iter()
        .map(|key| {
            (
                *key,
                ctx.t(&format!("phase-switch-{key}")),
                input.switches.contains(*key),
            )
        })
        .collect();
    page_with_status(
        status,
        &PhaseForm {
            ctx,
            process,
            phase_id,
            errors,
            input,
            switches,
        },
    )
}

fn phase_input(fields: Vec<(String, String)>) -> PhaseInput {
    let mut input = PhaseInput::default();
    for (key, value) in fields {
        match key.as_str() {
            "name" => input.name = value,
            "description" => input.description = value,
            "starts_on" => input.starts_on = value,
            "ends_on" => input.ends_on = value,
            "switch" if SWITCHES.contains(&value.as_str()) => {
                input.switches.insert(value);
            }
            _ => {}
        }
    }
    input
}

async fn new_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    // Suggest the day after the last phase as the start.
    let starts_on = p
        .phases
        .iter()
        .map(|ph| ph.ends_at)
        .max()
        .map(dias_core::time::date_input_value)
        .unwrap_or_else(|| dias_core::time::date_input_value(dias_core::time::now()));
    let input = PhaseInput {
        starts_on,
        ..Default::default()
    };
    phase_form(
        ctx,
        p.process,
        None,
        input,
        ShownErrors::none(),
        StatusCode::OK,
    )
}

async fn create_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    save_phase(state, ctx, slug, None, fields).await
}

async fn edit_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let existing = p
        .phases
        .iter()
        .find(|ph| ph.id == id)
        .ok_or(AppError::NotFound)?;
    let input = PhaseInput::from_model(existing);
    phase_form(
        ctx,
        p.process,
        Some(id),
        input,
        ShownErrors::none(),
        StatusCode::OK,
    )
}

async fn update_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    save_phase(state, ctx, slug, Some(id), fields).await
}

async fn save_phase(
    state: AppState,
    ctx: Ctx,
    slug: String,
    phase_id: Option<i64>,
    fields: Vec<(String, String)>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.user_id;
    let p = load(&state, &ctx, &slug).await?;
    if let Some(id) = phase_id
        && !p.phases.iter().any(|ph| ph.id == id)
    {
        return Err(AppError::NotFound);
    }
    let input = phase_input(fields);
    let result = match input.validate() {
        Ok(checked) => {
            field_errors(processes::save_phase(&state.db, p.process.id, phase_id, &checked).await)?
        }
        Err(errors) => Err(errors),
    };
    match result {
        Ok(saved) => {
            dias_core::audit::record(
                &state.db,
                Some(me),
                if phase_id.is_some() {
                    "phase.updated"
                } else {
                    "phase.created"
                },
                "phase",
                Some(&saved.to_string()),
                serde_json::json!({ "process": p.process.id, "name": input.name.trim() }),
            )
            .await?;
            Ok(see_other(&format!(
                "/beteiligung/{slug}/phasen?hinweis=phase-gespeichert"
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            phase_form(
                ctx,
                p.process,
                phase_id,
                input,
                shown,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    }
}

async fn delete_phase(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.user_id;
    let p = load(&state, &ctx, &slug).await?;
    processes::delete_phase(&state.db, p.process.id, id).await?;
    dias_core::audit::record(
        &state.db,
        Some(me),
        "phase.deleted",
        "phase",
        Some(&id.to_string()),
        serde_json::json!({ "process": p.process.id }),
    )
    .await?;
    Ok(see_other(&format!(
        "/beteiligung/{slug}/phasen?hinweis=phase-geloescht"
    )))
}
