//! The newsletter's public side: the subscription form, the subscriber's
//! links (confirm, unsubscribe) and the archive of sent issues.
//!
//! The links only show a page with a button on GET: mail scanners fetch
//! links, and must neither confirm nor unsubscribe anybody. Token pages
//! and the form are never cached (they carry a key or a CSRF token).

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::{Form, ShownErrors, page, page_with_status};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::newsletter::{self, Purpose, SubscribeInput, TokenCheck};
use crate::vocab::Topic;

/// Name of the honeypot field: nothing browsers autofill.
pub const HONEYPOT_FIELD: &str = "feld_leer";
const ARCHIVE_PER_PAGE: u64 = 20;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/newsletter", get(form).post(submit))
        .route(
            "/newsletter/bestaetigen/{token}",
            get(confirm_page).post(confirm),
        )
        .route(
            "/newsletter/abmelden/{token}",
            get(unsubscribe_page).post(unsubscribe),
        )
        .route(
            "/newsletter/abmelden/{token}/themen",
            axum::routing::post(change_topics),
        )
        .route("/newsletter/archiv", get(archive))
        .route("/newsletter/archiv/{id}", get(archived))
}

/// An option of a checkbox group.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(crate) fn topic_choices(ctx: &Ctx, chosen: &[String]) -> Vec<Choice> {
    Topic::ALL
        .iter()
        .map(|t| Choice {
            value: t.key().to_owned(),
            label: ctx.t(t.label_key()),
            selected: chosen.iter().any(|c| c == t.key()),
        })
        .collect()
}

pub(crate) fn field(pairs: &[(String, String)], name: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

pub(crate) fn all(pairs: &[(String, String)], name: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

fn private(mut response: Response) -> Response {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

fn secret(state: &AppState) -> &[u8] {
    state.config.secret_key.expose().as_bytes()
}

pub(crate) fn mail_env(state: &AppState) -> newsletter::MailEnv<'_> {
    newsletter::MailEnv {
        catalog: &state.catalog,
        public_url: &state.config.public_url,
        secret: secret(state),
    }
}

/// The Berlin wall-clock time (`14:05`) `secs` from now.
fn retry_time(secs: i64) -> String {
    let at = dias_core::time::format_datetime(dias_core::time::now() + secs.max(1));
    at.rsplit(' ').next().unwrap_or_default().to_owned()
}

// ---------------------------------------------------------------- form

#[derive(Template)]
#[template(path = "content/newsletter/subscribe.html")]
struct SubscribePage {
    ctx: Ctx,
    input: SubscribeInput,
    topics: Vec<Choice>,
    errors: ShownErrors,
    /// The request was taken (or pretended to be): check your mail.
    done: bool,
    /// Refused by the rate limit: from when to send again.
    retry_at: Option<String>,
    days: i64,
}

impl SubscribePage {
    fn new(ctx: Ctx, input: SubscribeInput, errors: ShownErrors) -> Self {
        SubscribePage {
            topics: topic_choices(&ctx, &input.topics),
            ctx,
            input,
            errors,
            done: false,
            retry_at: None,
            days: newsletter::CONFIRM_VALID_SECS / (24 * 3600),
        }
    }
}

async fn form(ctx: Ctx) -> AppResult<Response> {
    Ok(private(page(&SubscribePage::new(
        ctx,
        SubscribeInput::default(),
        ShownErrors::none(),
    ))?))
}

async fn submit(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let input = SubscribeInput {
        email: field(&pairs, "email"),
        topics: all(&pairs, "topics"),
        consent: !field(&pairs, "consent").is_empty(),
    };
    // A script filled the honeypot: the same answer, nothing stored.
    if !field(&pairs, HONEYPOT_FIELD).trim().is_empty() {
        let mut done = SubscribePage::new(ctx, SubscribeInput::default(), ShownErrors::none());
        done.done = true;
        return Ok(private(page(&done)?));
    }
    let new = match newsletter::validate_subscription(&input, ctx.locale()) {
        Ok(new) => new,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return Ok(private(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &SubscribePage::new(ctx, input, shown),
            )?));
        }
    };
    if let Err(secs) = state.limits.check(
        "content-newsletter-subscribe",
        ctx.info.client_ip,
        newsletter::SUBSCRIBES_PER_HOUR,
        3600,
    ) {
        let mut again = SubscribePage::new(ctx, input, ShownErrors::none());
        again.retry_at = Some(retry_time(secs));
        let mut response = page_with_status(StatusCode::TOO_MANY_REQUESTS, &again)?;
        if let Ok(value) = HeaderValue::from_str(&secs.max(1).to_string()) {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        return Ok(private(response));
    }
    let outcome =
        newsletter::subscribe(&state.db, &mail_env(&state), &new, dias_core::time::now()).await?;
    tracing::debug!(?outcome, "newsletter subscription request");
    let mut done = SubscribePage::new(ctx, SubscribeInput::default(), ShownErrors::none());
    done.done = true;
    Ok(private(page(&done)?))
}

// ---------------------------------------------------------------- links

#[derive(Template)]
#[template(path = "content/newsletter/confirm.html")]
struct ConfirmPage {
    ctx: Ctx,
    token: String,
    email: String,
    topics: String,
    confirmed: bool,
}

fn topic_names(ctx: &Ctx, stored: &str) -> String {
    let topics = crate::vocab::topics_from_csv(stored);
    if topics.is_empty() {
        return ctx.t("content-nl-topics-all");
    }
    topics
        .iter()
        .map(|t| ctx.t(t.label_key()))
        .collect::<Vec<_>>()
        .join(", ")
}

async fn confirm_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let now = dias_core::time::now();
    let subscriber = match checked(&state, Purpose::Confirm, &token).await? {
        Ok(s) => s,
        Err(()) => return gone(ctx, Purpose::Confirm),
    };
    // Confirmed already (a second click): say so rather than 404.
    let confirmed = subscriber.status == newsletter::ACTIVE;
    if !confirmed && !newsletter::confirmable(&subscriber, now) {
        return gone(ctx, Purpose::Confirm);
    }
    Ok(private(page(&ConfirmPage {
        topics: topic_names(&ctx, &subscriber.topics),
        email: subscriber.email,
        ctx,
        token,
        confirmed,
    })?))
}

async fn confirm(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let now = dias_core::time::now();
    let subscriber = match checked(&state, Purpose::Confirm, &token).await? {
        Ok(s) => s,
        Err(()) => return gone(ctx, Purpose::Confirm),
    };
    if subscriber.status != newsletter::ACTIVE
        && !newsletter::confirm(&state.db, subscriber.id, now).await?
    {
        return gone(ctx, Purpose::Confirm);
    }
    Ok(private(page(&ConfirmPage {
        topics: topic_names(&ctx, &subscriber.topics),
        email: subscriber.email,
        ctx,
        token,
        confirmed: true,
    })?))
}

/// A subscriber's link checked: the subscription, `Err(())` when the link
/// is genuine but its subscription is gone (410); forged links are 404.
async fn checked(
    state: &AppState,
    purpose: Purpose,
    token: &str,
) -> AppResult<Result<newsletter::Subscriber, ()>> {
    match newsletter::check_token(&state.db, secret(state), purpose, token).await? {
        TokenCheck::Valid(s) => Ok(Ok(s)),
        TokenCheck::Stale => Ok(Err(())),
        TokenCheck::Invalid => Err(AppError::NotFound),
    }
}

#[derive(Template)]
#[template(path = "content/newsletter/gone.html")]
struct GonePage {
    ctx: Ctx,
    /// The link confirmed a subscription (otherwise it unsubscribed).
    confirm: bool,
}

/// 410: a genuine link that no longer leads anywhere — expired, or its
/// subscription was deleted.
fn gone(ctx: Ctx, purpose: Purpose) -> AppResult<Response> {
    Ok(private(page_with_status(
        StatusCode::GONE,
        &GonePage {
            ctx,
            confirm: purpose == Purpose::Confirm,
        },
    )?))
}

#[derive(Template)]
#[template(path = "content/newsletter/unsubscribe.html")]
struct UnsubscribePage {
    ctx: Ctx,
    token: String,
    email: String,
    /// Confirmed subscriptions may change their topics here instead.
    active: bool,
    topics: Vec<Choice>,
    errors: ShownErrors,
    /// The topics were just saved.
    saved: bool,
    done: bool,
}

impl UnsubscribePage {
    fn new(ctx: Ctx, token: String, subscriber: &newsletter::Subscriber) -> Self {
        let chosen: Vec<String> = crate::vocab::topics_from_csv(&subscriber.topics)
            .iter()
            .map(|t| t.key().to_owned())
            .collect();
        UnsubscribePage {
            topics: topic_choices(&ctx, &chosen),
            ctx,
            token,
            email: subscriber.email.clone(),
            active: subscriber.status == newsletter::ACTIVE,
            errors: ShownErrors::none(),
            saved: false,
            done: false,
        }
    }
}

async fn unsubscribe_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Ok(subscriber) = checked(&state, Purpose::Unsubscribe, &token).await? else {
        return gone(ctx, Purpose::Unsubscribe);
    };
    Ok(private(page(&UnsubscribePage::new(
        ctx,
        token,
        &subscriber,
    ))?))
}

async fn unsubscribe(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Ok(subscriber) = checked(&state, Purpose::Unsubscribe, &token).await? else {
        return gone(ctx, Purpose::Unsubscribe);
    };
    newsletter::unsubscribe(&state.db, subscriber.id).await?;
    let mut done = UnsubscribePage::new(ctx, String::new(), &subscriber);
    done.done = true;
    Ok(private(page(&done)?))
}

async fn change_topics(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let Ok(mut subscriber) = checked(&state, Purpose::Unsubscribe, &token).await? else {
        return gone(ctx, Purpose::Unsubscribe);
    };
    if subscriber.status != newsletter::ACTIVE {
        return Err(AppError::NotFound);
    }
    let typed = all(&pairs, "topics");
    match newsletter::parse_topics(&typed) {
        Ok(topics) => {
            newsletter::change_topics(&state.db, subscriber.id, &topics).await?;
            subscriber.topics = crate::vocab::topics_to_csv(&topics);
            let mut saved = UnsubscribePage::new(ctx, token, &subscriber);
            saved.saved = true;
            Ok(private(page(&saved)?))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let mut again = UnsubscribePage::new(ctx, token, &subscriber);
            again.topics = topic_choices(&again.ctx, &typed);
            again.errors = shown;
            Ok(private(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &again,
            )?))
        }
    }
}

// ---------------------------------------------------------------- archive

pub(crate) struct ArchiveRow {
    pub id: i64,
    pub subject: String,
    pub sent: Option<i64>,
}

#[derive(Template)]
#[template(path = "content/newsletter/archive.html")]
struct ArchivePage {
    ctx: Ctx,
    rows: Vec<ArchiveRow>,
    total: u64,
    pagination: Pagination,
}

/// A time for `<time datetime>`.
fn iso(at: &i64) -> String {
    dias_core::time::format_rfc3339(*at)
}

impl ArchivePage {
    fn iso(&self, at: &i64) -> String {
        iso(at)
    }
}

impl IssuePage {
    fn iso(&self, at: &i64) -> String {
        iso(at)
    }
}

fn page_param(ctx: &Ctx) -> AppResult<u64> {
    let raw = serde_urlencoded::from_str::<Vec<(String, String)>>(&ctx.query)
        .unwrap_or_default()
        .into_iter()
        .find(|(k, _)| k == "seite")
        .map(|(_, v)| v)
        .unwrap_or_default();
    match raw.trim() {
        "" => Ok(1),
        raw => raw
            .parse::<u64>()
            .ok()
            .filter(|p| (1..=MAX_PAGE).contains(p))
            .ok_or_else(|| AppError::BadRequest(ctx.t("error-invalid-choice"))),
    }
}

async fn archive(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let page_no = page_param(&ctx)?;
    let (issues, total) = newsletter::archive(&state.db, page_no, ARCHIVE_PER_PAGE).await?;
    let rows = issues
        .into_iter()
        .map(|i| ArchiveRow {
            id: i.id,
            subject: i.subject,
            sent: i.sent_at,
        })
        .collect();
    page(&ArchivePage {
        pagination: Pagination::new(
            page_no,
            total,
            ARCHIVE_PER_PAGE,
            "/newsletter/archiv".into(),
        ),
        ctx,
        rows,
        total,
    })
}

#[derive(Template)]
#[template(path = "content/newsletter/issue.html")]
struct IssuePage {
    ctx: Ctx,
    path: String,
    subject: String,
    sent: Option<i64>,
    body_html: String,
    topics: String,
}

async fn archived(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = id.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let issue = newsletter::archived(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let topics = crate::vocab::topics_from_csv(&issue.topics)
        .iter()
        .map(|t| ctx.t(t.label_key()))
        .collect::<Vec<_>>()
        .join(", ");
    page(&IssuePage {
        path: format!("/newsletter/archiv/{id}"),
        sent: issue.sent_at,
        body_html: dias_core::markdown::render_below(&issue.body, 1),
        subject: issue.subject,
        topics,
        ctx,
    })
}
