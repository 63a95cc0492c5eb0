//! The contact form of a verified profile. Form actions of this file:
//! `send` only (see the CSRF test in `tests/it/contact.rs`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::contact::{self, ContactInput};
use crate::domain;
use crate::entities::actor;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route(
        "/netzwerk/akteure/{slug}/kontakt",
        get(contact_form).post(send),
    )
}

#[derive(Template)]
#[template(path = "network/contact.html")]
struct ContactPage {
    ctx: Ctx,
    actor_name: String,
    actor_slug: String,
    errors: ShownErrors,
    subject: String,
    message: String,
    reply_to: String,
    started: String,
}

fn key(state: &AppState) -> &[u8] {
    state.config.secret_key.expose().as_bytes()
}

/// Only admitted actors can be written to.
async fn load(state: &AppState, slug: &str) -> AppResult<actor::Model> {
    crate::store::actor_by_slug(&state.db, slug)
        .await?
        .filter(|a| a.status == domain::VERIFIED)
        .ok_or(AppError::NotFound)
}

fn form_page(
    state: &AppState,
    ctx: Ctx,
    actor: &actor::Model,
    input: ContactInput,
    errors: ShownErrors,
) -> ContactPage {
    let reply_to = if input.reply_to.is_empty() {
        ctx.principal().map(|p| p.email.clone()).unwrap_or_default()
    } else {
        input.reply_to
    };
    ContactPage {
        actor_name: actor.name.clone(),
        actor_slug: actor.slug.clone(),
        started: contact::form_token(key(state), dias_core::time::now()),
        subject: input.subject,
        message: input.message,
        reply_to,
        errors,
        ctx,
    }
}

async fn contact_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let actor = load(&state, &slug).await?;
    page(&form_page(
        &state,
        ctx,
        &actor,
        ContactInput::default(),
        ShownErrors::none(),
    ))
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<ContactInput>,
) -> AppResult<Response> {
    state
        .limits
        .check(
            "network-contact",
            ctx.info.client_ip,
            contact::PER_HOUR,
            3600,
        )
        .map_err(AppError::TooManyRequests)?;
    let actor = load(&state, &slug).await?;
    let now = dias_core::time::now();
    // People with an account are known; the bot checks are for visitors.
    let spam = if ctx.signed_in() {
        None
    } else {
        contact::spam_check(&input, key(&state), now).err()
    };
    let result = match spam {
        Some(_) => Err(FieldErrors::single("message", "matching-error-spam")),
        None => contact::validate(&input),
    };
    let valid = match result {
        Ok(valid) => valid,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let input = ContactInput {
                homepage: String::new(),
                started: String::new(),
                ..input
            };
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(&state, ctx, &actor, input, shown),
            );
        }
    };
    let (user, name) = match ctx.principal() {
        Some(me) => (Some(me.user_id), me.display_name.clone()),
        None => (None, valid.reply_to.clone()),
    };
    contact::send(&state.db, &state.mail_env(), &actor, user, &name, &valid).await?;
    Ok(see_other(&format!(
        "/netzwerk/akteure/{}?hinweis=matching-nachricht-gesendet",
        actor.slug
    )))
}
