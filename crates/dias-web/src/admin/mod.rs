//! The admin area: users (find, change role, block), audit log, the
//! development mailbox ("Postausgang") and background jobs.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::CoreError;
use dias_core::entities::{audit_entry, job, mail, user};
use dias_core::policy::{CoreAction, Role};
use dias_core::validation::FieldErrors;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde::Deserialize;

use crate::components::Pagination;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, ShownErrors, page, page_with_status, see_other};
use crate::state::AppState;

const PER_PAGE: u64 = 25;
/// Job kind that rebuilds the search index of every instance.
pub const REINDEX_JOB: &str = "search.reindex";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/verwaltung", get(dashboard))
        .route("/verwaltung/benutzer", get(users))
        .route("/verwaltung/benutzer/{id}", get(user_detail))
        .route("/verwaltung/benutzer/{id}/rolle", post(change_role))
        .route("/verwaltung/benutzer/{id}/sperre", post(change_block))
        .route("/verwaltung/protokoll", get(audit_log))
        .route("/verwaltung/postausgang", get(mailbox))
        .route("/verwaltung/postausgang/{id}", get(mail_detail))
        .route("/verwaltung/aufgaben", get(jobs))
        .route("/verwaltung/aufgaben/suchindex", post(start_reindex))
        .route("/verwaltung/aufgaben/starten", post(start_scheduled))
}

#[derive(Deserialize, Default)]
pub struct ListParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    rolle: String,
    #[serde(default)]
    an: String,
    seite: Option<String>,
}

impl ListParams {
    fn page(&self) -> AppResult<u64> {
        match self.seite.as_deref() {
            None | Some("") => Ok(1),
            Some(s) => match s.parse::<u64>() {
                Ok(n) if (1..=10_000).contains(&n) => Ok(n),
                _ => Err(AppError::BadRequest("seite".into())),
            },
        }
    }
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    ctx: Ctx,
    users: u64,
    jobs: u64,
    mails: u64,
    search_docs: u64,
}

async fn dashboard(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&CoreAction::EnterAdminArea)?;
    page(&DashboardPage {
        users: user::Entity::find().count(&state.db).await?,
        jobs: job::Entity::find().count(&state.db).await?,
        mails: mail::Entity::find().count(&state.db).await?,
        search_docs: state.search.num_docs(),
        ctx,
    })
}

pub struct UserRow {
    pub id: i64,
    pub display_name: String,
    pub email: String,
    pub role: String,
    pub blocked: bool,
    pub verified: bool,
    pub created: String,
}

fn row(ctx: &Ctx, u: user::Model) -> UserRow {
    UserRow {
        id: u.id,
        display_name: u.display_name,
        email: u.email.unwrap_or_default(),
        role: ctx.t(Role::parse(&u.role)
            .unwrap_or(Role::Participant)
            .label_key()),
        blocked: u.blocked_at.is_some(),
        verified: u.email_verified_at.is_some(),
        created: dias_core::time::format_date(u.created_at),
    }
}

#[derive(Template)]
#[template(path = "admin/users.html")]
struct UsersPage {
    ctx: Ctx,
    q: String,
    role: String,
    roles: Vec<(String, String)>,
    rows: Vec<UserRow>,
    total: i64,
    pagination: Pagination,
}

fn role_options(ctx: &Ctx) -> Vec<(String, String)> {
    Role::ALL
        .iter()
        .map(|r| (r.as_str().to_owned(), ctx.t(r.label_key())))
        .collect()
}

async fn users(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<ListParams>,
) -> AppResult<Response> {
    ctx.require(&CoreAction::ManageUsers)?;
    let page_number = params.page()?;
    let role = Role::parse(&params.rolle);
    let (found, total) =
        dias_core::accounts::search_users(&state.db, &params.q, role, page_number, PER_PAGE)
            .await?;
    let base = format!(
        "/verwaltung/benutzer?{}",
        serde_urlencoded::to_string([("q", params.q.as_str()), ("rolle", params.rolle.as_str())])
            .unwrap_or_default()
    );
    let rows = found.into_iter().map(|u| row(&ctx, u)).collect();
    page(&UsersPage {
        roles: role_options(&ctx),
        q: params.q,
        role: params.rolle,
        rows,
        total: total as i64,
        pagination: Pagination::new(page_number, total, PER_PAGE, base),
        ctx,
    })
}

#[derive(Template)]
#[template(path = "admin/user.html")]
struct UserPage {
    ctx: Ctx,
    user: UserRow,
    role: String,
    blocked_reason: String,
    roles: Vec<(String, String)>,
    errors: ShownErrors,
    reason: String,
}

async fn user_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    errors: ShownErrors,
    reason: String,
    status: StatusCode,
) -> AppResult<Response> {
    let u = user::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    let role = u.role.clone();
    let blocked_reason = u.blocked_reason.clone().unwrap_or_default();
    page_with_status(
        status,
        &UserPage {
            user: row(&ctx, u),
            role,
            blocked_reason,
            roles: role_options(&ctx),
            errors,
            reason,
            ctx,
        },
    )
}

async fn user_detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require(&CoreAction::ManageUsers)?;
    user_page(
        &state,
        ctx,
        id,
        ShownErrors::none(),
        String::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct RoleInput {
    #[serde(default)]
    role: String,
}

async fn change_role(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<RoleInput>,
) -> AppResult<Response> {
    let actor = ctx.require(&CoreAction::ManageUsers)?.user()?.clone();
    let result = match Role::parse(&input.role) {
        Some(role) => dias_core::accounts::set_role(&state.db, &actor, id, role).await,
        None => Err(FieldErrors::single("role", "error-invalid-choice").into()),
    };
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/verwaltung/benutzer/{id}?hinweis=rolle-gespeichert"
        ))),
        Err(CoreError::Invalid(errors)) => {
            let shown = ShownErrors::new(&ctx, &errors);
            user_page(
                &state,
                ctx,
                id,
                shown,
                String::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Deserialize, Default)]
pub struct BlockInput {
    #[serde(default)]
    action: String,
    #[serde(default)]
    reason: String,
}

async fn change_block(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<BlockInput>,
) -> AppResult<Response> {
    let actor = ctx.require(&CoreAction::ManageUsers)?.user()?.clone();
    let block = input.action == "sperren";
    match dias_core::accounts::set_blocked(&state.db, &actor, id, block, &input.reason).await {
        Ok(()) => Ok(see_other(&format!(
            "/verwaltung/benutzer/{id}?hinweis={}",
            if block { "gesperrt" } else { "entsperrt" }
        ))),
        Err(CoreError::Invalid(errors)) => {
            let shown = ShownErrors::new(&ctx, &errors);
            user_page(
                &state,
                ctx,
                id,
                shown,
                input.reason,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

pub struct AuditRow {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub target: String,
    pub details: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    ctx: Ctx,
    rows: Vec<AuditRow>,
    pagination: Pagination,
}

async fn audit_log(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<ListParams>,
) -> AppResult<Response> {
    ctx.require(&CoreAction::ViewAuditLog)?;
    let page_number = params.page()?;
    let (entries, total) = dias_core::audit::page(&state.db, page_number, PER_PAGE).await?;
    // One query for all actor names of the page.
    let mut actor_ids: Vec<i64> = entries.iter().filter_map(|e| e.actor_id).collect();
    actor_ids.extend(
        entries
            .iter()
            .filter(|e| e.target_kind == "user")
            .filter_map(|e| e.target_id.as_deref()?.parse::<i64>().ok()),
    );
    let actors: std::collections::HashMap<i64, String> = if actor_ids.is_empty() {
        Default::default()
    } else {
        use sea_orm::{ColumnTrait, QueryFilter};
        user::Entity::find()
            .filter(user::Column::Id.is_in(actor_ids))
            .all(&state.db)
            .await?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect()
    };
    let rows = entries
        .into_iter()
        .map(|e: audit_entry::Model| AuditRow {
            at: dias_core::time::format_datetime(e.at),
            actor: e
                .actor_id
                .and_then(|id| actors.get(&id).cloned())
                .unwrap_or_else(|| "–".into()),
            action: ctx.t(&format!("audit-{}", e.action.replace(['.', '_'], "-"))),
            target: match (&e.target_id, e.target_kind.as_str()) {
                (Some(id), "user") => match id.parse::<i64>().ok().and_then(|n| actors.get(&n)) {
                    Some(name) => format!("{name} (#{id})"),
                    None => format!("#{id}"),
                },
                (Some(id), kind) => format!("{kind} {id}"),
                (None, kind) => kind.to_owned(),
            },
            details: if e.details == "null" {
                String::new()
            } else {
                e.details
            },
        })
        .collect();
    page(&AuditPage {
        rows,
        pagination: Pagination::new(page_number, total, PER_PAGE, "/verwaltung/protokoll".into()),
        ctx,
    })
}

#[derive(Template)]
#[template(path = "admin/mailbox.html")]
struct MailboxPage {
    ctx: Ctx,
    to: String,
    mails: Vec<mail::Model>,
    pagination: Pagination,
}

async fn mailbox(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<ListParams>,
) -> AppResult<Response> {
    ctx.require(&CoreAction::ViewMailbox)?;
    let page_number = params.page()?;
    let to = params.an.trim().to_owned();
    let (mails, total) = dias_core::mail::page(
        &state.db,
        (!to.is_empty()).then_some(to.as_str()),
        page_number,
        PER_PAGE,
    )
    .await?;
    let base = format!(
        "/verwaltung/postausgang?{}",
        serde_urlencoded::to_string([("an", to.as_str())]).unwrap_or_default()
    );
    page(&MailboxPage {
        to,
        mails,
        pagination: Pagination::new(page_number, total, PER_PAGE, base),
        ctx,
    })
}

#[derive(Template)]
#[template(path = "admin/mail.html")]
struct MailPage {
    ctx: Ctx,
    mail: mail::Model,
}

async fn mail_detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    ctx.require(&CoreAction::ViewMailbox)?;
    let mail = mail::Entity::find_by_id(id)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?;
    page(&MailPage { ctx, mail })
}

pub struct JobRow {
    pub id: i64,
    pub kind: String,
    pub status_label: String,
    pub progress: i64,
    pub total: i64,
    pub message: String,
    pub created: String,
    pub error: String,
}

#[derive(Template)]
#[template(path = "admin/jobs.html")]
struct JobsPage {
    ctx: Ctx,
    rows: Vec<JobRow>,
    pagination: Pagination,
    can_start: bool,
    running: bool,
    /// The modules' periodic jobs, startable by hand: (kind, button label);
    /// empty for those who may not.
    schedules: Vec<(String, String)>,
}

async fn jobs(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<ListParams>,
) -> AppResult<Response> {
    ctx.require(&CoreAction::ViewJobs)?;
    let page_number = params.page()?;
    let (items, total) = dias_core::jobs::page(&state.db, page_number, PER_PAGE).await?;
    let running = items
        .iter()
        .any(|j| j.status == dias_core::jobs::RUNNING || j.status == dias_core::jobs::QUEUED);
    let rows = items
        .into_iter()
        .map(|j: job::Model| JobRow {
            id: j.id,
            kind: j.kind,
            status_label: ctx.t(&format!("job-status-{}", j.status)),
            progress: j.progress,
            total: j.progress_total,
            message: j.message.unwrap_or_default(),
            created: dias_core::time::format_datetime(j.created_at),
            error: j.error.unwrap_or_default(),
        })
        .collect();
    page(&JobsPage {
        rows,
        pagination: Pagination::new(page_number, total, PER_PAGE, "/verwaltung/aufgaben".into()),
        can_start: ctx.can(&CoreAction::StartJobs),
        running,
        schedules: if ctx.can(&CoreAction::RunScheduledJobs) {
            state
                .registry
                .schedules()
                .iter()
                .map(|s| (s.kind.to_owned(), ctx.t(s.label_key)))
                .collect()
        } else {
            Vec::new()
        },
        ctx,
    })
}

#[derive(Deserialize, Default)]
pub struct StartInput {
    #[serde(default)]
    art: String,
}

/// Starts a module's periodic job now; only scheduled kinds can be started.
async fn start_scheduled(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<StartInput>,
) -> AppResult<Response> {
    let actor = ctx.require(&CoreAction::RunScheduledJobs)?.user()?.clone();
    let schedules = state.registry.schedules();
    let schedule = schedules
        .iter()
        .find(|s| s.kind == input.art)
        .ok_or_else(|| AppError::BadRequest(ctx.t("error-invalid-choice")))?;
    dias_core::jobs::enqueue(
        &state.db,
        schedule.kind,
        serde_json::Value::Null,
        Some(actor.user_id),
    )
    .await?;
    dias_core::audit::record(
        &state.db,
        Some(actor.user_id),
        "job.started",
        "job",
        None,
        serde_json::json!({ "kind": schedule.kind }),
    )
    .await?;
    Ok(see_other("/verwaltung/aufgaben?hinweis=aufgabe-gestartet"))
}

async fn start_reindex(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let actor = ctx.require(&CoreAction::StartJobs)?.user()?.clone();
    dias_core::jobs::enqueue(
        &state.db,
        REINDEX_JOB,
        serde_json::Value::Null,
        Some(actor.user_id),
    )
    .await?;
    dias_core::audit::record(
        &state.db,
        Some(actor.user_id),
        "job.started",
        "job",
        None,
        serde_json::json!({ "kind": REINDEX_JOB }),
    )
    .await?;
    Ok(see_other("/verwaltung/aufgaben?hinweis=aufgabe-gestartet"))
}
