//! Account pages: registration, e-mail verification, sign-in with second
//! factor, password reset, profile, notifications, security, data export and
//! deletion.

mod notifications;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dias_core::accounts::{self, LoginError, Registration};
use dias_core::policy::CoreAction;
use dias_core::validation::FieldErrors;
use serde::Deserialize;

use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, ShownErrors, field_errors, page, page_with_status, safe_next, see_other};
use crate::middleware::{clear_session_cookie, session_cookie};
use crate::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/konto", get(profile))
        .route("/konto/profil", post(save_profile))
        .route("/konto/registrieren", get(register_form).post(register))
        .route("/konto/registrieren/danke", get(register_done))
        .route("/konto/bestaetigen/{token}", get(verify_form).post(verify))
        .route("/konto/anmelden", get(login_form).post(login))
        .route(
            "/konto/anmelden/zweiter-faktor",
            get(second_factor_form).post(second_factor),
        )
        .route(
            "/konto/zweiter-faktor/einrichten",
            get(totp_setup_form).post(totp_setup),
        )
        .route("/konto/abmelden", post(logout))
        .route("/konto/passwort-vergessen", get(forgot_form).post(forgot))
        .route("/konto/passwort-neu/{token}", get(reset_form).post(reset))
        .route(
            "/konto/benachrichtigungen",
            get(notifications::list).post(save_notifications),
        )
        .route("/konto/sicherheit", get(security))
        .route("/konto/passwort", post(change_password))
        .route("/konto/ueberall-abmelden", post(logout_everywhere))
        .route("/konto/export", get(export))
        .route("/konto/loeschen", get(delete_form).post(delete))
        .merge(notifications::routes())
}

fn limit(
    state: &AppState,
    ctx: &Ctx,
    bucket: &'static str,
    max: u32,
    window: i64,
) -> AppResult<()> {
    state
        .limits
        .check(bucket, ctx.info.client_ip, max, window)
        .map_err(AppError::TooManyRequests)
}

// ---------------------------------------------------------------- register

#[derive(Deserialize, Default)]
pub struct RegisterInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
    #[serde(default)]
    accept_privacy: Option<String>,
}

#[derive(Template)]
#[template(path = "account/register.html")]
struct RegisterPage {
    ctx: Ctx,
    errors: ShownErrors,
    email: String,
    display_name: String,
    accepted: bool,
}

async fn register_form(ctx: Ctx) -> AppResult<Response> {
    if ctx.signed_in() {
        return Ok(see_other("/konto"));
    }
    page(&RegisterPage {
        ctx,
        errors: ShownErrors::none(),
        email: String::new(),
        display_name: String::new(),
        accepted: false,
    })
}

async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<RegisterInput>,
) -> AppResult<Response> {
    limit(
        &state,
        &ctx,
        "register",
        state.config.registration_limit,
        3600,
    )?;
    let registration = Registration {
        email: input.email.clone(),
        display_name: input.display_name.clone(),
        password: input.password,
        password_confirm: input.password_confirm,
        accept_privacy: input.accept_privacy.is_some(),
        locale: ctx.locale().to_owned(),
    };
    match field_errors(accounts::register(&state.db, state.mail_env(), &registration).await)? {
        Ok(()) => Ok(see_other("/konto/registrieren/danke")),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &RegisterPage {
                errors: ShownErrors::new(&ctx, &errors),
                email: input.email,
                display_name: input.display_name,
                accepted: registration.accept_privacy,
                ctx,
            },
        ),
    }
}

#[derive(Template)]
#[template(path = "account/message.html")]
struct MessagePage {
    ctx: Ctx,
    title: String,
    text: String,
    link: Option<(String, String)>,
}

async fn register_done(ctx: Ctx) -> AppResult<Response> {
    page(&MessagePage {
        title: ctx.t("register-done-title"),
        text: ctx.t("register-done-text"),
        link: Some(("/konto/anmelden".into(), ctx.t("nav-login"))),
        ctx,
    })
}

// ---------------------------------------------------------------- verify

#[derive(Template)]
#[template(path = "account/verify.html")]
struct VerifyPage {
    ctx: Ctx,
    token: String,
}

async fn verify_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if !accounts::verification_token_valid(&state.db, &token).await? {
        return page_with_status(
            StatusCode::NOT_FOUND,
            &MessagePage {
                title: ctx.t("verify-invalid-title"),
                text: ctx.t("verify-invalid-text"),
                link: Some(("/konto/anmelden".into(), ctx.t("nav-login"))),
                ctx,
            },
        );
    }
    page(&VerifyPage { ctx, token })
}

async fn verify(State(state): State<AppState>, Path(token): Path<String>) -> AppResult<Response> {
    accounts::verify_email(&state.db, &token).await?;
    Ok(see_other("/konto/anmelden?hinweis=email-bestaetigt"))
}

// ---------------------------------------------------------------- login

#[derive(Deserialize, Default)]
pub struct NextParam {
    weiter: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct LoginInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    weiter: Option<String>,
}

#[derive(Template)]
#[template(path = "account/login.html")]
struct LoginPage {
    ctx: Ctx,
    errors: ShownErrors,
    email: String,
    next: String,
}

async fn login_form(ctx: Ctx, Query(q): Query<NextParam>) -> AppResult<Response> {
    if ctx.signed_in() {
        return Ok(see_other(&safe_next(q.weiter.as_deref())));
    }
    page(&LoginPage {
        ctx,
        errors: ShownErrors::none(),
        email: String::new(),
        next: q.weiter.unwrap_or_default(),
    })
}

async fn login(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<LoginInput>,
) -> AppResult<Response> {
    limit(&state, &ctx, "login", state.config.sign_in_limit, 300)?;
    let next = safe_next(input.weiter.as_deref());
    let mut errors = FieldErrors::new();
    if input.email.trim().is_empty() {
        errors.add("email", "error-required");
    }
    if input.password.is_empty() {
        errors.add("password", "error-required");
    }
    if errors.is_empty() {
        match accounts::authenticate(&state.db, &input.email, &input.password).await? {
            Ok(user) => {
                // A new session id on every sign-in (no fixation); the old one ends.
                if let Some(old) = &ctx.info.session {
                    dias_core::sessions::delete(&state.db, &old.id).await?;
                }
                let needs_code = user.totp_enabled_at.is_some();
                let (token, _) = dias_core::sessions::create(
                    &state.db,
                    user.id,
                    needs_code,
                    state.session_timeouts(),
                )
                .await?;
                let target = if needs_code {
                    format!("/konto/anmelden/zweiter-faktor?weiter={}", urlencode(&next))
                } else {
                    next
                };
                let mut response = see_other(&target);
                response
                    .headers_mut()
                    .append(header::SET_COOKIE, session_cookie(&state, &token));
                return Ok(response);
            }
            Err(LoginError::InvalidCredentials) => errors.add("email", "error-login-failed"),
            Err(LoginError::NotVerified) => errors.add("email", "error-login-not-verified"),
            Err(LoginError::Blocked) => errors.add("email", "error-login-blocked"),
            Err(LoginError::Delayed(secs)) => {
                let message = ctx.t1("error-login-delayed", "seconds", secs);
                let mut shown = ShownErrors::none();
                shown.items.push(("email".into(), message));
                return page_with_status(
                    StatusCode::TOO_MANY_REQUESTS,
                    &LoginPage {
                        errors: shown,
                        email: input.email,
                        next: input.weiter.unwrap_or_default(),
                        ctx,
                    },
                );
            }
        }
    }
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &LoginPage {
            errors: ShownErrors::new(&ctx, &errors),
            email: input.email,
            next: input.weiter.unwrap_or_default(),
            ctx,
        },
    )
}

fn urlencode(value: &str) -> String {
    serde_urlencoded::to_string([("", value)])
        .unwrap_or_default()
        .trim_start_matches('=')
        .to_owned()
}

#[derive(Deserialize, Default)]
pub struct CodeInput {
    #[serde(default)]
    code: String,
    #[serde(default)]
    secret: String,
    #[serde(default)]
    weiter: Option<String>,
}

#[derive(Template)]
#[template(path = "account/second_factor.html")]
struct SecondFactorPage {
    ctx: Ctx,
    errors: ShownErrors,
    next: String,
}

async fn second_factor_form(ctx: Ctx, Query(q): Query<NextParam>) -> AppResult<Response> {
    match &ctx.info.session {
        Some(s) if s.mfa_pending => page(&SecondFactorPage {
            ctx,
            errors: ShownErrors::none(),
            next: q.weiter.unwrap_or_default(),
        }),
        _ => Ok(see_other("/konto/anmelden")),
    }
}

async fn second_factor(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<CodeInput>,
) -> AppResult<Response> {
    // Only a sign-in that waits for its code can be guessed at, so only
    // such attempts count (each of them, right or wrong, before the code
    // is checked); anything else is sent to the sign-in form uncounted.
    let Some(session) = ctx.info.session.clone().filter(|s| s.mfa_pending) else {
        return Ok(see_other("/konto/anmelden"));
    };
    limit(&state, &ctx, "totp", state.config.second_factor_limit, 300)?;
    if accounts::check_totp(&state.db, session.user_id, &input.code).await? {
        // Rotate the session id now that the person is fully signed in.
        dias_core::sessions::delete(&state.db, &session.id).await?;
        let (token, _) = dias_core::sessions::create(
            &state.db,
            session.user_id,
            false,
            state.session_timeouts(),
        )
        .await?;
        let mut response = see_other(&safe_next(input.weiter.as_deref()));
        response
            .headers_mut()
            .append(header::SET_COOKIE, session_cookie(&state, &token));
        return Ok(response);
    }
    let errors = FieldErrors::single("code", "error-totp-wrong");
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &SecondFactorPage {
            errors: ShownErrors::new(&ctx, &errors),
            next: input.weiter.unwrap_or_default(),
            ctx,
        },
    )
}

#[derive(Template)]
#[template(path = "account/totp_setup.html")]
struct TotpSetupPage {
    ctx: Ctx,
    errors: ShownErrors,
    secret: String,
    url: String,
    required: bool,
}

async fn totp_setup_form(ctx: Ctx) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    if user.totp_enabled {
        return Ok(see_other("/konto/sicherheit"));
    }
    let secret = accounts::totp::new_secret();
    let url = accounts::totp::provisioning_url(&secret, &user.email);
    let required = user.role == dias_core::policy::Role::Admin;
    page(&TotpSetupPage {
        ctx,
        errors: ShownErrors::none(),
        secret,
        url,
        required,
    })
}

async fn totp_setup(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<CodeInput>,
) -> AppResult<Response> {
    let user = ctx.user()?.clone();
    if user.totp_enabled {
        return Ok(see_other("/konto/sicherheit"));
    }
    let secret: String = input
        .secret
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(64)
        .collect();
    match field_errors(accounts::enable_totp(&state.db, user.user_id, &secret, &input.code).await)?
    {
        Ok(()) => Ok(see_other("/konto/sicherheit?hinweis=zweiter-faktor-aktiv")),
        Err(errors) => {
            let url = accounts::totp::provisioning_url(&secret, &user.email);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &TotpSetupPage {
                    errors: ShownErrors::new(&ctx, &errors),
                    secret,
                    url,
                    required: user.role == dias_core::policy::Role::Admin,
                    ctx,
                },
            )
        }
    }
}

async fn logout(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    if let Some(session) = &ctx.info.session {
        dias_core::sessions::delete(&state.db, &session.id).await?;
    }
    let mut response = see_other("/?hinweis=abgemeldet");
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(response)
}

async fn logout_everywhere(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?;
    dias_core::sessions::delete_all_for_user(&state.db, user.user_id).await?;
    let mut response = see_other("/?hinweis=ueberall-abgemeldet");
    response
        .headers_mut()
        .append(header::SET_COOKIE, clear_session_cookie(&state));
    Ok(response)
}

// ---------------------------------------------------------------- password reset

#[derive(Deserialize, Default)]
pub struct EmailInput {
    #[serde(default)]
    email: String,
}

#[derive(Template)]
#[template(path = "account/forgot.html")]
struct ForgotPage {
    ctx: Ctx,
    errors: ShownErrors,
    email: String,
}

async fn forgot_form(ctx: Ctx) -> AppResult<Response> {
    page(&ForgotPage {
        ctx,
        errors: ShownErrors::none(),
        email: String::new(),
    })
}

async fn forgot(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<EmailInput>,
) -> AppResult<Response> {
    limit(&state, &ctx, "reset", 5, 3600)?;
    match field_errors(
        accounts::request_password_reset(&state.db, state.mail_env(), &input.email).await,
    )? {
        Ok(()) => page(&MessagePage {
            title: ctx.t("forgot-sent-title"),
            text: ctx.t("forgot-sent-text"),
            link: Some(("/konto/anmelden".into(), ctx.t("nav-login"))),
            ctx,
        }),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ForgotPage {
                errors: ShownErrors::new(&ctx, &errors),
                email: input.email,
                ctx,
            },
        ),
    }
}

#[derive(Deserialize, Default)]
pub struct NewPasswordInput {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

#[derive(Template)]
#[template(path = "account/reset.html")]
struct ResetPage {
    ctx: Ctx,
    errors: ShownErrors,
    token: String,
}

async fn reset_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    if !accounts::reset_token_valid(&state.db, &token).await? {
        return page_with_status(
            StatusCode::NOT_FOUND,
            &MessagePage {
                title: ctx.t("reset-invalid-title"),
                text: ctx.t("reset-invalid-text"),
                link: Some(("/konto/passwort-vergessen".into(), ctx.t("forgot-title"))),
                ctx,
            },
        );
    }
    page(&ResetPage {
        ctx,
        errors: ShownErrors::none(),
        token,
    })
}

async fn reset(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(input): Form<NewPasswordInput>,
) -> AppResult<Response> {
    match field_errors(
        accounts::reset_password(&state.db, &token, &input.password, &input.password_confirm).await,
    )? {
        Ok(()) => Ok(see_other("/konto/anmelden?hinweis=passwort-geaendert")),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ResetPage {
                errors: ShownErrors::new(&ctx, &errors),
                token,
                ctx,
            },
        ),
    }
}

// ---------------------------------------------------------------- profile

#[derive(Template)]
#[template(path = "account/profile.html")]
struct ProfilePage {
    ctx: Ctx,
    errors: ShownErrors,
    display_name: String,
    locale: String,
}

async fn profile(ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    page(&ProfilePage {
        ctx,
        errors: ShownErrors::none(),
        display_name: user.display_name,
        locale: user.locale,
    })
}

#[derive(Deserialize, Default)]
pub struct ProfileInput {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    locale: String,
}

async fn save_profile(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<ProfileInput>,
) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    match field_errors(
        accounts::update_profile(&state.db, user.user_id, &input.display_name, &input.locale).await,
    )? {
        Ok(()) => Ok(see_other("/konto?hinweis=gespeichert")),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ProfilePage {
                errors: ShownErrors::new(&ctx, &errors),
                display_name: input.display_name,
                locale: input.locale,
                ctx,
            },
        ),
    }
}

#[derive(Deserialize, Default)]
pub struct FrequencyInput {
    #[serde(default)]
    frequency: String,
}

async fn save_notifications(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<FrequencyInput>,
) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    accounts::update_notifications(&state.db, user.user_id, &input.frequency).await?;
    Ok(see_other(
        "/konto/benachrichtigungen?hinweis=gespeichert#einstellungen",
    ))
}

#[derive(Template)]
#[template(path = "account/security.html")]
struct SecurityPage {
    ctx: Ctx,
    errors: ShownErrors,
    sessions: i64,
}

async fn security(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    let sessions = dias_core::sessions::for_user(&state.db, user.user_id)
        .await?
        .len() as i64;
    page(&SecurityPage {
        ctx,
        errors: ShownErrors::none(),
        sessions,
    })
}

async fn change_password(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<NewPasswordInput>,
) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    let keep = ctx
        .info
        .session
        .as_ref()
        .map(|s| s.id.clone())
        .unwrap_or_default();
    match field_errors(
        accounts::change_password(
            &state.db,
            user.user_id,
            &input.current_password,
            &input.password,
            &input.password_confirm,
            &keep,
        )
        .await,
    )? {
        Ok(()) => Ok(see_other("/konto/sicherheit?hinweis=passwort-geaendert")),
        Err(errors) => {
            let sessions = dias_core::sessions::for_user(&state.db, user.user_id)
                .await?
                .len() as i64;
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SecurityPage {
                    errors: ShownErrors::new(&ctx, &errors),
                    sessions,
                    ctx,
                },
            )
        }
    }
}

async fn export(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    let data = accounts::export(&state.db, user.user_id, &state.registry.personal_data()).await?;
    let body = serde_json::to_vec_pretty(&data).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"dias-kontodaten.json\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "account/delete.html")]
struct DeletePage {
    ctx: Ctx,
    errors: ShownErrors,
}

async fn delete_form(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&CoreAction::ManageOwnAccount)?;
    page(&DeletePage {
        ctx,
        errors: ShownErrors::none(),
    })
}

#[derive(Deserialize, Default)]
pub struct PasswordInput {
    #[serde(default)]
    password: String,
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<PasswordInput>,
) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    match field_errors(
        accounts::delete_account(
            &state.db,
            user.user_id,
            &input.password,
            &state.registry.personal_data(),
            &state.mail_env(),
        )
        .await,
    )? {
        Ok(()) => {
            let mut response = see_other("/?hinweis=konto-geloescht");
            response
                .headers_mut()
                .append(header::SET_COOKIE, clear_session_cookie(&state));
            Ok(response)
        }
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &DeletePage {
                errors: ShownErrors::new(&ctx, &errors),
                ctx,
            },
        ),
    }
}
