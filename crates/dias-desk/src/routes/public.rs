//! The public side of Anfragen, for anyone without an account: the landing
//! page, the inquiry form and the request for a forgotten status link.
//!
//! The form is `multipart/form-data` (it may carry an attachment) and is
//! protected against spam by [`crate::spam`]; a refused form is shown again
//! with the input (the file has to be chosen again — browsers never refill
//! file inputs) and nothing is stored.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppResult, AppState, Ctx};
use sea_orm::EntityTrait;

use crate::entities::desk_topic;
use crate::form::{self, InquiryInput, Sender, Upload};
use crate::sender;
use crate::spam::{self, Verdict};
use crate::store;
use crate::vocab::{DEFAULT_TARGET_DAYS, SenderType, Topic};

/// The form's path: fixed, so that the module can give it a body limit
/// above the instance's default.
pub const FORM_PATH: &str = "/anfragen/neu";
const LINK_PATH: &str = "/anfragen/link-vergessen";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/anfragen", get(home))
        .route(FORM_PATH, get(new_form).post(submit))
        .route(LINK_PATH, get(link_form).post(link_request))
}

/// An option of a select or radio group.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// The Gemeinden of one Kreis, for an `<optgroup>`.
#[derive(Debug, Clone)]
pub(crate) struct District {
    pub name: String,
    pub municipalities: Vec<Choice>,
}

pub(crate) fn gemeinde_exists(ags8: &str) -> bool {
    dias_core::reference::cached().municipality(ags8).is_some()
}

/// The public URL of a status link.
pub(crate) fn status_url(state: &AppState, token: &str) -> String {
    format!(
        "{}/anfragen/status/{token}",
        state.config.public_url.trim_end_matches('/')
    )
}

/// The page for a refused rate limit: what happened and when to try again.
#[derive(Template)]
#[template(path = "desk/public_limited.html")]
struct Limited {
    ctx: Ctx,
    minutes: i64,
    crumbs: Vec<(String, String)>,
}

/// The Berlin wall-clock time (`14:05`) `secs` from now: when a refused
/// form may be sent again.
pub(crate) fn retry_time(secs: i64) -> String {
    let at = dias_core::time::now() + secs.max(1);
    jiff::Timestamp::from_second(at)
        .map(|ts| {
            ts.to_zoned_datetime(
                jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC),
            )
            .strftime("%H:%M")
            .to_string()
        })
        .unwrap_or_default()
}

/// A page refused by a rate limit: status 429 and `Retry-After`.
pub(crate) fn too_many(mut response: Response, retry_after_secs: i64) -> Response {
    *response.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    if let Ok(value) = HeaderValue::from_str(&retry_after_secs.max(1).to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}

pub(crate) fn limited(ctx: Ctx, retry_after_secs: i64) -> AppResult<Response> {
    let secs = retry_after_secs.max(1);
    let mut response = page_with_status(
        StatusCode::TOO_MANY_REQUESTS,
        &Limited {
            ctx,
            minutes: (secs + 59) / 60,
            crumbs: Vec::new(),
        },
    )?;
    if let Ok(value) = HeaderValue::from_str(&secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    Ok(response)
}

// ---------------------------------------------------------------- landing

#[derive(Template)]
#[template(path = "desk/home.html")]
struct Home {
    ctx: Ctx,
    /// (topic label, target working days, form link for the topic).
    topics: Vec<(String, u32, String)>,
    /// The landing page is the end of its own trail.
    crumbs: Vec<(String, String)>,
    /// The hidden words that make a topic link read "Anfrage zu … stellen".
    ask_rest: String,
    ask_end: String,
}

async fn home(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let settings = desk_topic::Entity::find().all(&state.db).await?;
    let topics = Topic::ALL
        .iter()
        .map(|t| {
            let days = settings
                .iter()
                .find(|s| s.topic == t.key())
                .map(|s| u32::try_from(s.target_days).unwrap_or(1).max(1))
                .unwrap_or(DEFAULT_TARGET_DAYS as u32);
            (
                ctx.t(t.label_key()),
                days,
                format!("{FORM_PATH}?thema={}", t.key()),
            )
        })
        .collect();
    page(&Home {
        ask_rest: ctx.t("desk-public-home-ask-topic-rest"),
        ask_end: ctx.t("desk-public-home-ask-topic-end"),
        ctx,
        topics,
        crumbs: Vec::new(),
    })
}

// ---------------------------------------------------------------- the form

#[derive(Template)]
#[template(path = "desk/form.html")]
struct FormPage {
    ctx: Ctx,
    input: InquiryInput,
    errors: ShownErrors,
    sender_types: Vec<Choice>,
    topics: Vec<Choice>,
    districts: Vec<District>,
    /// The spam challenge ([`spam::challenge`]) and its difficulty for the
    /// page script.
    challenge: String,
    pow_zeros: usize,
    /// A file came with the refused form and must be chosen again.
    file_again: bool,
    /// The form was too old or sent too fast: send it again.
    send_again: bool,
    /// The honeypot was filled although the proof of work was done: a
    /// person's browser, so the form comes back with the field emptied.
    honeypot_cleared: bool,
    /// Refused by the rate limit: the Berlin time from when to send again.
    retry_at: Option<String>,
    max_mb: usize,
    retention_months: u32,
    /// The context path named for people ([`crate::links::context_label`]).
    context_label: String,
}

impl FormPage {
    fn new(state: &AppState, ctx: Ctx, input: InquiryInput, errors: ShownErrors) -> Self {
        let reference = dias_core::reference::cached();
        let sender_types = SenderType::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: ctx.t(s.label_key()),
                selected: input.sender_type == s.key(),
            })
            .collect();
        let topics = Topic::ALL
            .iter()
            .map(|t| Choice {
                value: t.key().to_owned(),
                label: ctx.t(t.label_key()),
                selected: input.topic == t.key(),
            })
            .collect();
        let districts = reference
            .districts
            .iter()
            .map(|d| District {
                name: d.name.clone(),
                municipalities: reference
                    .municipalities_of(&d.ags5)
                    .map(|m| Choice {
                        value: m.ags8.clone(),
                        label: m.name.clone(),
                        selected: input.gemeinde == m.ags8,
                    })
                    .collect(),
            })
            .collect();
        let label = crate::links::context_label_here(&input.context);
        FormPage {
            context_label: ctx.t1(label.key, "detail", label.detail),
            challenge: spam::challenge(
                state.config.secret_key.expose().as_bytes(),
                dias_core::time::now(),
            ),
            pow_zeros: spam::POW_HEX_ZEROS,
            sender_types,
            topics,
            districts,
            input,
            errors,
            file_again: false,
            send_again: false,
            honeypot_cleared: false,
            retry_at: None,
            max_mb: form::MAX_ATTACHMENT_BYTES / (1024 * 1024),
            retention_months: state.config.desk_retention_months,
            ctx,
        }
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let query: Vec<(String, String)> = serde_urlencoded::from_str(&ctx.query).unwrap_or_default();
    let mut input = InquiryInput::prefill(&query, gemeinde_exists);
    if let Some(who) = ctx.principal() {
        input.name = who.display_name.clone();
        input.email = who.email.clone();
    }
    // Each visit gets its own signed challenge: a cached page would hand
    // every visitor the same one, and one solved challenge would then
    // serve them all.
    let mut response = page(&FormPage::new(&state, ctx, input, ShownErrors::none()))?;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    Ok(response)
}

/// The page a script that filled the honeypot (and did not do the proof of
/// work) gets: it looks like success, but nothing was stored and no mail
/// sent.
#[derive(Template)]
#[template(path = "desk/public_thanks.html")]
struct Thanks {
    ctx: Ctx,
}

async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: MultipartForm,
) -> AppResult<Response> {
    let input = InquiryInput::from_fields(|name| multipart.text(name));
    let file = multipart.file("attachment");
    let secret = state.config.secret_key.expose().as_bytes();
    let now = dias_core::time::now();
    let check = spam::check(
        secret,
        &multipart.text("challenge"),
        &multipart.text("nonce"),
        now,
    );
    let strict = match spam::verdict(&multipart.text(spam::HONEYPOT_FIELD), check) {
        Verdict::FakeSuccess => return page(&Thanks { ctx }),
        Verdict::ClearHoneypot => {
            let mut form = FormPage::new(&state, ctx, input, ShownErrors::none());
            form.honeypot_cleared = true;
            form.file_again = file.is_some();
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form);
        }
        Verdict::SendAgain => {
            let mut form = FormPage::new(&state, ctx, input, ShownErrors::none());
            form.send_again = true;
            form.file_again = file.is_some();
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form);
        }
        Verdict::Accept { strict } => strict,
    };
    let upload = file.map(|part| Upload {
        filename: part.filename.as_deref().unwrap_or(""),
        bytes: &part.data,
    });
    let who = Sender {
        user_id: ctx.principal().map(|p| p.user_id),
        locale: ctx.locale().to_owned(),
    };
    let new = match form::validate(&input, upload, &who, gemeinde_exists) {
        Ok(new) => new,
        Err(errors) => {
            let mut shown = ShownErrors::new(&ctx, &errors);
            // The size error names the limit, as the field's hint does.
            let max_mb = form::MAX_ATTACHMENT_BYTES / (1024 * 1024);
            for (field, message) in shown.items.iter_mut() {
                if field == "attachment"
                    && errors.get("attachment") == Some("desk-public-error-attachment-size")
                {
                    *message = ctx.t1("desk-public-error-attachment-size", "mb", max_mb);
                }
            }
            let mut form = FormPage::new(&state, ctx, input, shown);
            form.file_again = file.is_some();
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form);
        }
    };
    // Counted only for inquiries that would be stored, so that correcting
    // a form never uses up the allowance.
    let ip = ctx.info.client_ip;
    let allowed = state
        .limits
        .check("desk-inquiry", ip, spam::INQUIRIES_PER_HOUR, 3600)
        .and_then(|()| {
            if strict {
                state
                    .limits
                    .check("desk-inquiry-plain", ip, spam::WITHOUT_WORK_PER_HOUR, 3600)
            } else {
                Ok(())
            }
        });
    if let Err(secs) = allowed {
        // The form again with everything typed and when to send it.
        let mut form = FormPage::new(&state, ctx, input, ShownErrors::none());
        form.retry_at = Some(retry_time(secs));
        form.file_again = file.is_some();
        return Ok(too_many(
            page_with_status(StatusCode::TOO_MANY_REQUESTS, &form)?,
            secs,
        ));
    }
    let topic = new.topic;
    let (inquiry, token) = store::create(&state.db, secret, new, now).await?;
    let (_, target_days) = store::topic_setting(&state.db, topic).await?;
    let mail = sender::confirmation_mail(
        &state.catalog,
        &inquiry,
        &status_url(&state, &token),
        target_days,
    );
    dias_core::mail::queue(&state.db, &inquiry.sender_email, &mail.subject, &mail.body).await?;
    Ok(see_other(&format!(
        "/anfragen/status/{token}?eingegangen=1"
    )))
}

// ---------------------------------------------------------------- forgotten link

#[derive(Template)]
#[template(path = "desk/link_forgotten.html")]
struct LinkPage {
    ctx: Ctx,
    reference: String,
    email: String,
    errors: ShownErrors,
    /// The request was taken: the same message whether it matched or not.
    sent: bool,
}

async fn link_form(ctx: Ctx) -> AppResult<Response> {
    page(&LinkPage {
        ctx,
        reference: String::new(),
        email: String::new(),
        errors: ShownErrors::none(),
        sent: false,
    })
}

async fn link_request(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let field = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let (reference, email) = (field("reference"), field("email"));
    let checked: Result<_, FieldErrors> = form::validate_link_request(&reference, &email);
    let (reference, email) = match checked {
        Ok(valid) => valid,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &LinkPage {
                    ctx,
                    reference,
                    email,
                    errors: shown,
                    sent: false,
                },
            );
        }
    };
    if let Err(secs) = state.limits.check(
        "desk-link",
        ctx.info.client_ip,
        spam::LINK_REQUESTS_PER_HOUR,
        3600,
    ) {
        return limited(ctx, secs);
    }
    if let Some(inquiry) = sender::for_link_request(&state.db, &reference, &email).await?
        && let Some(token) =
            store::status_token(state.config.secret_key.expose().as_bytes(), &inquiry)
    {
        let mail = sender::link_mail(&state.catalog, &inquiry, &status_url(&state, &token));
        dias_core::mail::queue(&state.db, &inquiry.sender_email, &mail.subject, &mail.body).await?;
    }
    page(&LinkPage {
        ctx,
        reference: String::new(),
        email: String::new(),
        errors: ShownErrors::none(),
        sent: true,
    })
}
