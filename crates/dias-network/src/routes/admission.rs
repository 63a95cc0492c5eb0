//! Admission (Aufnahme): registration by organisations, profile edits and
//! logos, invitations of further representatives, and the staff queue with
//! decisions. Every form action of the module is here.

use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Extension, Router};
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{Choice, choices, label, labels, load_actor};
use crate::domain::{self, ActorInput, Place};
use crate::entities::actor;
use crate::policy::NetworkAction;
use crate::snapshot::SnapshotCache;
use crate::store;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk/registrieren", get(register_form).post(register))
        .route(
            "/netzwerk/akteure/{slug}/bearbeiten",
            get(edit_form).post(edit),
        )
        .route(
            "/netzwerk/akteure/{slug}/logo",
            get(super::profile::logo).post(upload_logo),
        )
        .route("/netzwerk/akteure/{slug}/logo/entfernen", post(remove_logo))
        .route("/netzwerk/akteure/{slug}/gesuche", post(opt_in))
        .route(
            "/netzwerk/akteure/{slug}/einladen",
            get(invite_form).post(invite),
        )
        .route("/netzwerk/aufnahme", get(queue))
        .route("/netzwerk/aufnahme/{id}", get(decision_form).post(decide))
        .route(
            "/netzwerk/einladung/{token}",
            get(invitation).post(accept_invitation),
        )
}

fn place(ags8: &str) -> Option<Place> {
    dias_core::reference::cached()
        .municipality(ags8)
        .map(|m| Place {
            ags5: m.district_ags5.clone(),
            lat: m.lat,
            lon: m.lon,
        })
}

fn this_year() -> i32 {
    dias_core::time::format_date(dias_core::time::now())
        .rsplit('.')
        .next()
        .and_then(|y| y.parse().ok())
        .unwrap_or(2026)
}

#[derive(Template)]
#[template(path = "network/actor_form.html")]
struct ActorFormPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: ActorInput,
    /// `None` while registering.
    actor: Option<actor::Model>,
    categories: Vec<(String, Vec<Choice>)>,
    competences: Vec<Choice>,
    industries: Vec<Choice>,
    offers: Vec<Choice>,
    sizes: Vec<Choice>,
    municipalities: Vec<Choice>,
    logo_errors: ShownErrors,
    logo_alt: String,
    has_logo: bool,
}

impl ActorFormPage {
    fn action(&self) -> String {
        match &self.actor {
            Some(a) => format!("/netzwerk/akteure/{}/bearbeiten", a.slug),
            None => "/netzwerk/registrieren".to_owned(),
        }
    }
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    input: ActorInput,
    actor: Option<actor::Model>,
    errors: ShownErrors,
    logo_errors: ShownErrors,
    logo_alt_input: Option<String>,
) -> AppResult<ActorFormPage> {
    let stored_alt = match &actor {
        Some(a) => store::logo_alt(&state.db, a.id).await?,
        None => None,
    };
    let categories = domain::GROUPS
        .iter()
        .map(|g| {
            let members: Vec<domain::Term> = domain::CATEGORIES
                .iter()
                .copied()
                .filter(|c| domain::group_of(c.slug) == g.slug)
                .collect();
            (
                ctx.t(g.key),
                choices(&ctx, &members, std::slice::from_ref(&input.category)),
            )
        })
        .collect();
    let municipalities = dias_core::reference::cached()
        .municipalities
        .iter()
        .map(|m| Choice {
            selected: m.ags8 == input.ags8,
            label: match super::district_name(&m.district_ags5) {
                d if d == m.name_short => d,
                d => format!("{} ({d})", m.name_short),
            },
            value: m.ags8.clone(),
        })
        .collect();
    Ok(ActorFormPage {
        competences: choices(&ctx, &domain::COMPETENCES, &input.competences),
        industries: choices(&ctx, &domain::INDUSTRIES, &input.industries),
        offers: choices(&ctx, &domain::OFFERS, &input.offers),
        sizes: choices(
            &ctx,
            &domain::SIZES,
            std::slice::from_ref(&input.size_class),
        ),
        has_logo: stored_alt.is_some(),
        logo_alt: logo_alt_input.or(stored_alt).unwrap_or_default(),
        categories,
        municipalities,
        errors,
        logo_errors,
        input,
        actor,
        ctx,
    })
}

async fn register_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&NetworkAction::Register)?;
    let form = form_page(
        &state,
        ctx,
        ActorInput::default(),
        None,
        ShownErrors::none(),
        ShownErrors::none(),
        None,
    )
    .await?;
    page(&form)
}

async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&NetworkAction::Register)?.user()?.clone();
    let input = ActorInput::from_pairs(&pairs);
    match domain::validate_actor(&input, place, this_year()) {
        Ok(valid) => {
            let created = store::register(&state.db, &me, &valid).await?;
            Ok(see_other(&format!(
                "/netzwerk/akteure/{}?hinweis=netzwerk-registriert",
                created.slug
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let form =
                form_page(&state, ctx, input, None, shown, ShownErrors::none(), None).await?;
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form)
        }
    }
}

/// The actor of the URL, if the signed-in person may edit it.
async fn editable(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<actor::Model> {
    ctx.user()?;
    let (actor, representative) = load_actor(state, ctx, slug).await.map_err(|e| match e {
        // Someone signed in who may not see an unpublished profile may not
        // edit it either: refuse rather than pretend it does not exist.
        AppError::NotFound => AppError::Forbidden,
        other => other,
    })?;
    ctx.require(&NetworkAction::EditActor { representative })?;
    Ok(actor)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let actor = editable(&state, &ctx, &slug).await?;
    let input = ActorInput::from_actor(&store::valid_of(&actor));
    let form = form_page(
        &state,
        ctx,
        input,
        Some(actor),
        ShownErrors::none(),
        ShownErrors::none(),
        None,
    )
    .await?;
    page(&form)
}

async fn edit(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let actor = editable(&state, &ctx, &slug).await?;
    let me = ctx.user()?.clone();
    let input = ActorInput::from_pairs(&pairs);
    match domain::validate_actor(&input, place, this_year()) {
        Ok(valid) => {
            store::update(&state.db, &me, &actor, &valid).await?;
            cache.invalidate();
            Ok(see_other(&format!(
                "/netzwerk/akteure/{}?hinweis=netzwerk-gespeichert",
                actor.slug
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let form = form_page(
                &state,
                ctx,
                input,
                Some(actor),
                shown,
                ShownErrors::none(),
                None,
            )
            .await?;
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form)
        }
    }
}

async fn upload_logo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    form: MultipartForm,
) -> AppResult<Response> {
    let actor = editable(&state, &ctx, &slug).await?;
    let me = ctx.user()?.clone();
    let alt = form.text("logo_alt");
    let bytes = form
        .file("logo")
        .map(|f| f.data.to_vec())
        .unwrap_or_default();
    match domain::validate_logo(&bytes, &alt) {
        Ok((mime, alt)) => {
            store::set_logo(&state.db, &me, actor.id, mime, &alt, bytes).await?;
            Ok(see_other(&format!(
                "/netzwerk/akteure/{}/bearbeiten?hinweis=netzwerk-logo",
                actor.slug
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let input = ActorInput::from_actor(&store::valid_of(&actor));
            let form = form_page(
                &state,
                ctx,
                input,
                Some(actor),
                ShownErrors::none(),
                shown,
                Some(alt),
            )
            .await?;
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form)
        }
    }
}

async fn remove_logo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let actor = editable(&state, &ctx, &slug).await?;
    let me = ctx.user()?.clone();
    store::remove_logo(&state.db, &me, actor.id).await?;
    Ok(see_other(&format!(
        "/netzwerk/akteure/{}/bearbeiten?hinweis=netzwerk-logo-entfernt",
        actor.slug
    )))
}

#[derive(Deserialize)]
struct OptInForm {
    #[serde(default)]
    opt_in: String,
}

/// A representative's own choice about partner-request announcements.
async fn opt_in(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<OptInForm>,
) -> AppResult<Response> {
    let me = ctx.user()?.clone();
    let (actor, representative) = load_actor(&state, &ctx, &slug).await?;
    if !representative {
        return Err(AppError::Forbidden);
    }
    store::set_opt_in(&state.db, actor.id, me.user_id, form.opt_in == "1").await?;
    Ok(see_other(&format!(
        "/netzwerk/akteure/{}?hinweis=netzwerk-gespeichert",
        actor.slug
    )))
}

#[derive(Template)]
#[template(path = "network/invite.html")]
struct InvitePage {
    ctx: Ctx,
    actor: actor::Model,
    errors: ShownErrors,
    email: String,
}

async fn invite_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let actor = editable(&state, &ctx, &slug).await?;
    page(&InvitePage {
        ctx,
        actor,
        errors: ShownErrors::none(),
        email: String::new(),
    })
}

#[derive(Deserialize)]
struct InviteForm {
    #[serde(default)]
    email: String,
}

async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<InviteForm>,
) -> AppResult<Response> {
    let actor = editable(&state, &ctx, &slug).await?;
    let me = ctx.user()?.clone();
    let mut errors = FieldErrors::new();
    let email = dias_core::validation::email(&mut errors, "email", &form.email);
    if errors.is_empty() && email == me.email.to_lowercase() {
        errors.add("email", "network-error-invite-self");
    }
    if !errors.is_empty() {
        return page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &InvitePage {
                errors: ShownErrors::new(&ctx, &errors),
                email: form.email,
                actor,
                ctx,
            },
        );
    }
    store::invite(
        &state.db,
        &state.mail_env(),
        &me,
        &actor,
        &email,
        ctx.locale(),
    )
    .await?;
    Ok(see_other(&format!(
        "/netzwerk/akteure/{}?hinweis=netzwerk-eingeladen",
        actor.slug
    )))
}

#[derive(Template)]
#[template(path = "network/invitation.html")]
struct InvitationPage {
    ctx: Ctx,
    actor: actor::Model,
    token: String,
    for_other_address: bool,
}

async fn invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let me = ctx
        .require(&NetworkAction::AcceptInvitation)?
        .user()?
        .clone();
    let (inv, actor) = store::open_invitation(&state.db, &token)
        .await?
        .ok_or(AppError::NotFound)?;
    page(&InvitationPage {
        for_other_address: !inv.email.eq_ignore_ascii_case(&me.email),
        ctx,
        actor,
        token,
    })
}

async fn accept_invitation(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let me = ctx
        .require(&NetworkAction::AcceptInvitation)?
        .user()?
        .clone();
    let actor = store::accept_invitation(&state.db, &me, &token).await?;
    Ok(see_other(&format!(
        "/netzwerk/akteure/{}?hinweis=netzwerk-beigetreten",
        actor.slug
    )))
}

/// A registration in the queue.
pub struct QueueItem {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub place: String,
    pub registered: String,
}

#[derive(Template)]
#[template(path = "network/queue.html")]
struct QueuePage {
    ctx: Ctx,
    items: Vec<QueueItem>,
}

async fn queue(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&NetworkAction::Admit)?;
    let items = store::pending(&state.db)
        .await?
        .into_iter()
        .map(|a| QueueItem {
            category: label(&ctx, &domain::CATEGORIES, &a.category),
            place: super::place_label(&a.city, &a.ags5),
            registered: dias_core::time::format_datetime(a.created_at),
            id: a.id,
            slug: a.slug,
            name: a.name,
        })
        .collect();
    page(&QueuePage { ctx, items })
}

#[derive(Template)]
#[template(path = "network/decision.html")]
struct DecisionPage {
    ctx: Ctx,
    actor: actor::Model,
    category: String,
    competences: Vec<String>,
    district: String,
    status: String,
    errors: ShownErrors,
    decision: String,
    reason: String,
}

async fn decision_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    errors: ShownErrors,
    decision: String,
    reason: String,
) -> AppResult<DecisionPage> {
    let actor = store::actors_by_ids(&state.db, &[id])
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    Ok(DecisionPage {
        category: label(&ctx, &domain::CATEGORIES, &actor.category),
        competences: labels(&ctx, &domain::COMPETENCES, &actor.competences),
        district: super::district_name(&actor.ags5),
        status: ctx.t(&format!("network-status-{}", actor.status)),
        actor,
        errors,
        decision,
        reason,
        ctx,
    })
}

async fn decision_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require(&NetworkAction::Admit)?;
    let p = decision_page(
        &state,
        ctx,
        id,
        ShownErrors::none(),
        String::new(),
        String::new(),
    )
    .await?;
    page(&p)
}

#[derive(Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn decide(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<SnapshotCache>>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<DecisionForm>,
) -> AppResult<Response> {
    let me = ctx.require(&NetworkAction::Admit)?.user()?.clone();
    match domain::validate_decision(&form.decision, &form.reason) {
        Ok((decision, reason)) => {
            store::decide(&state.db, &state.mail_env(), &me, id, decision, &reason).await?;
            cache.invalidate();
            Ok(see_other("/netzwerk/aufnahme?hinweis=netzwerk-entschieden"))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let p = decision_page(&state, ctx, id, shown, form.decision, form.reason).await?;
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &p)
        }
    }
}
