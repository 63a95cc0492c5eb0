//! The Redaktion's newsletter pages: numbers and issues, compose and edit a
//! draft (with the mail's preview and a test mail to oneself), send after a
//! confirmation naming the number of recipients, follow the progress.
//! Every page and action asks [`ContentAction::Edit`].

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::i18n::Value;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::newsletter::{self, Issue, IssueInput, Refused};
use crate::policy::ContentAction;
use crate::routes::newsletter::{Choice, all, field, mail_env, topic_choices};
use crate::vocab::topics_from_csv;

const BASE: &str = "/redaktion/newsletter";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(BASE, get(overview))
        .route("/redaktion/newsletter/neu", get(new_form).post(create))
        .route("/redaktion/newsletter/{id}", get(show).post(save))
        .route("/redaktion/newsletter/{id}/testmail", post(test_mail))
        .route(
            "/redaktion/newsletter/{id}/versenden",
            get(send_form).post(send),
        )
        .route(
            "/redaktion/newsletter/{id}/loeschen",
            get(confirm_delete).post(delete),
        )
}

fn issue_id(raw: &str) -> AppResult<i64> {
    raw.parse::<i64>().map_err(|_| AppError::NotFound)
}

async fn load(state: &AppState, id: i64) -> AppResult<Issue> {
    use sea_orm::EntityTrait;
    crate::entities::newsletter_issues::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)
}

fn status_label(ctx: &Ctx, issue: &Issue) -> String {
    match issue.status.as_str() {
        newsletter::SENDING => ctx.catalog.get_with(
            ctx.locale(),
            "content-nl-status-sending",
            &[
                ("delivered", Value::from(issue.delivered)),
                ("recipients", Value::from(issue.recipients)),
            ],
        ),
        newsletter::SENT => ctx.t1(
            "content-nl-status-sent",
            "date",
            issue
                .sent_at
                .map(|t| ctx.format_datetime(&t))
                .unwrap_or_default(),
        ),
        _ => ctx.t("content-nl-status-draft"),
    }
}

fn topic_names(ctx: &Ctx, stored: &str) -> String {
    let topics = topics_from_csv(stored);
    if topics.is_empty() {
        return ctx.t("content-nl-issue-topics-none");
    }
    topics
        .iter()
        .map(|t| ctx.t(t.label_key()))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------- overview

struct IssueRow {
    id: i64,
    subject: String,
    status: String,
    sending: bool,
    delivered: i32,
    recipients: i32,
    topics: String,
}

#[derive(Template)]
#[template(path = "content/newsletter/staff.html")]
struct Overview {
    ctx: Ctx,
    active: u64,
    pending: u64,
    /// How long unconfirmed subscriptions are kept.
    pending_days: i64,
    all_topics: u64,
    per_topic: Vec<(String, u64)>,
    rows: Vec<IssueRow>,
    send_per_minute: u64,
}

async fn overview(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let counts = newsletter::counts(&state.db).await?;
    let rows = newsletter::all_issues(&state.db)
        .await?
        .into_iter()
        .map(|i| IssueRow {
            status: status_label(&ctx, &i),
            sending: i.status == newsletter::SENDING,
            topics: topic_names(&ctx, &i.topics),
            id: i.id,
            subject: i.subject,
            delivered: i.delivered,
            recipients: i.recipients,
        })
        .collect();
    page(&Overview {
        per_topic: counts
            .per_topic
            .iter()
            .map(|(t, n)| (ctx.t(t.label_key()), *n))
            .collect(),
        active: counts.active,
        pending: counts.pending,
        pending_days: newsletter::PENDING_KEEP_SECS / (24 * 3600),
        all_topics: counts.all_topics,
        ctx,
        rows,
        send_per_minute: newsletter::SEND_PER_MINUTE,
    })
}

// ---------------------------------------------------------------- one issue

#[derive(Template)]
#[template(path = "content/newsletter/staff_issue.html")]
struct IssuePage {
    ctx: Ctx,
    /// None while composing a new issue.
    issue: Option<Issue>,
    input: IssueInput,
    topics: Vec<Choice>,
    errors: ShownErrors,
    /// The stored issue may still change.
    editable: bool,
    status: String,
    /// The mail as a subscriber gets it (of the stored state).
    preview_subject: String,
    preview_body: String,
    /// Why a save was refused (409), the typed text kept.
    conflict: Option<String>,
    /// A notice after a redirect (`?gespeichert`, `?testmail`).
    flash: Option<String>,
}

impl IssuePage {
    fn new(
        state: &AppState,
        ctx: Ctx,
        issue: Option<Issue>,
        input: IssueInput,
        errors: ShownErrors,
    ) -> Self {
        let (preview_subject, preview_body) = match &issue {
            Some(i) => {
                let sample = format!(
                    "{}{}…",
                    state.config.public_url.trim_end_matches('/'),
                    newsletter::UNSUBSCRIBE_PATH
                );
                let mail = newsletter::issue_mail(&mail_env(state), ctx.locale(), i, &sample);
                (mail.subject, mail.body)
            }
            None => (String::new(), String::new()),
        };
        let query: Vec<(String, String)> =
            serde_urlencoded::from_str(&ctx.query).unwrap_or_default();
        let flash = if query.iter().any(|(k, _)| k == "testmail") {
            Some(ctx.t1(
                "content-nl-testmail-sent",
                "email",
                ctx.principal().map(|p| p.email.clone()).unwrap_or_default(),
            ))
        } else if query.iter().any(|(k, _)| k == "gespeichert") {
            Some(ctx.t("content-nl-saved"))
        } else {
            None
        };
        IssuePage {
            topics: topic_choices(&ctx, &input.topics),
            editable: issue.as_ref().is_none_or(|i| i.status == newsletter::DRAFT),
            status: issue
                .as_ref()
                .map(|i| status_label(&ctx, i))
                .unwrap_or_default(),
            ctx,
            issue,
            input,
            errors,
            preview_subject,
            preview_body,
            conflict: None,
            flash,
        }
    }
}

fn input_of(pairs: &[(String, String)]) -> IssueInput {
    IssueInput {
        subject: field(pairs, "subject"),
        body: field(pairs, "body"),
        topics: all(pairs, "topics"),
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    page(&IssuePage::new(
        &state,
        ctx,
        None,
        IssueInput::default(),
        ShownErrors::none(),
    ))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let actor = ctx.user()?.user_id;
    let input = input_of(&pairs);
    let fields = match newsletter::validate_issue(&input) {
        Ok(fields) => fields,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &IssuePage::new(&state, ctx, None, input, shown),
            );
        }
    };
    let issue = newsletter::create_issue(&state.db, fields, actor, dias_core::time::now()).await?;
    Ok(see_other(&format!("{BASE}/{}?gespeichert=1", issue.id)))
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let issue = load(&state, issue_id(&id)?).await?;
    let input = IssueInput::of(&issue);
    page(&IssuePage::new(
        &state,
        ctx,
        Some(issue),
        input,
        ShownErrors::none(),
    ))
}

async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let actor = ctx.user()?.user_id;
    let id = issue_id(&id)?;
    let issue = load(&state, id).await?;
    let input = input_of(&pairs);
    let revision = field(&pairs, "revision").parse::<i32>().unwrap_or(0);
    let fields = match newsletter::validate_issue(&input) {
        Ok(fields) => fields,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let mut again = IssuePage::new(&state, ctx, Some(issue), input, shown);
            // The typed text stays editable at the revision it was typed on.
            again.editable = true;
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &again);
        }
    };
    match newsletter::update_issue(
        &state.db,
        id,
        revision,
        fields,
        actor,
        dias_core::time::now(),
    )
    .await?
    {
        Ok(()) => Ok(see_other(&format!("{BASE}/{id}?gespeichert=1"))),
        Err(Refused::NotFound) => Err(AppError::NotFound),
        Err(refused) => {
            let current = load(&state, id).await?;
            let message = match refused {
                Refused::NotDraft => ctx.t("content-nl-conflict-sent"),
                _ => ctx.t("content-nl-conflict-stale"),
            };
            let mut again = IssuePage::new(&state, ctx, Some(current), input, ShownErrors::none());
            again.conflict = Some(message);
            page_with_status(StatusCode::CONFLICT, &again)
        }
    }
}

async fn test_mail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let who = ctx.user()?;
    let issue = load(&state, issue_id(&id)?).await?;
    let env = mail_env(&state);
    // The staff member's own subscription, if any, gives the real link;
    // otherwise the link leads to the subscription page.
    let subscription = {
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        crate::entities::newsletter_subscribers::Entity::find()
            .filter(
                crate::entities::newsletter_subscribers::Column::Email.eq(who.email.to_lowercase()),
            )
            .one(&state.db)
            .await?
    };
    let unsubscribe = match &subscription {
        Some(s) => newsletter::link(
            env.public_url,
            env.secret,
            newsletter::Purpose::Unsubscribe,
            s,
        ),
        None => format!("{}/newsletter", env.public_url.trim_end_matches('/')),
    };
    let mail = newsletter::issue_mail(&env, ctx.locale(), &issue, &unsubscribe);
    let subject = format!("[{}] {}", ctx.t("content-nl-testmail-tag"), mail.subject);
    dias_core::mail::queue(&state.db, &who.email, &subject, &mail.body).await?;
    Ok(see_other(&format!("{BASE}/{}?testmail=1", issue.id)))
}

// ---------------------------------------------------------------- sending

#[derive(Template)]
#[template(path = "content/newsletter/staff_send.html")]
struct SendPage {
    ctx: Ctx,
    issue: Issue,
    topics: String,
    recipients: usize,
}

async fn send_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let issue = load(&state, issue_id(&id)?).await?;
    if issue.status != newsletter::DRAFT {
        return Ok(see_other(&format!("{BASE}/{}", issue.id)));
    }
    let recipients = newsletter::recipients(&state.db, &topics_from_csv(&issue.topics))
        .await?
        .len();
    page(&SendPage {
        topics: topic_names(&ctx, &issue.topics),
        ctx,
        issue,
        recipients,
    })
}

async fn send(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let actor = ctx.user()?.user_id;
    let id = issue_id(&id)?;
    let revision = field(&pairs, "revision").parse::<i32>().unwrap_or(0);
    match newsletter::start_sending(&state.db, id, revision, actor, dias_core::time::now()).await? {
        Ok(_) => Ok(see_other(&format!("{BASE}/{id}"))),
        Err(Refused::NotFound) => Err(AppError::NotFound),
        Err(Refused::NotDraft) => Err(AppError::Conflict(ctx.t("content-nl-conflict-sent"))),
        Err(Refused::Stale) => Err(AppError::Conflict(ctx.t("content-nl-conflict-stale-send"))),
    }
}

async fn confirm_delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let id = issue_id(&id)?;
    let issue = newsletter::issue(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if issue.status != newsletter::DRAFT {
        return Err(AppError::Conflict(ctx.t("content-nl-conflict-sent")));
    }
    let path = format!("{BASE}/{id}/loeschen");
    super::DeletePage {
        heading: ctx.t("content-nl-delete-title"),
        question: ctx.t1("content-nl-delete-lead", "subject", issue.subject.clone()),
        button: ctx.t("content-nl-delete"),
        back: format!("{BASE}/{id}"),
        crumbs: vec![
            (BASE.to_owned(), ctx.t("content-nl-staff-title")),
            (format!("{BASE}/{id}"), issue.subject),
            (path.clone(), ctx.t("content-nl-delete-title")),
        ],
        action: path,
        ctx,
    }
    .render()
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let actor = ctx.user()?.user_id;
    let id = issue_id(&id)?;
    if super::unconfirmed(&pairs) {
        return Ok(see_other(&format!("{BASE}/{id}/loeschen")));
    }
    match newsletter::delete_draft(&state.db, id, actor).await? {
        Ok(()) => Ok(see_other(BASE)),
        Err(Refused::NotFound) => Err(AppError::NotFound),
        Err(_) => Err(AppError::Conflict(ctx.t("content-nl-conflict-sent"))),
    }
}
