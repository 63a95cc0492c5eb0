//! Moderation pages and actions: reporting (any signed-in person), the
//! queue per process and across processes, moderator actions and the log.
//! Every form works without JavaScript (POST → 303, invalid input → 422).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::validation::FieldErrors;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{field_errors, load};
use crate::entities::process;
use crate::moderation::{self, Action, QueueItem, REASONS, ReportTarget, TargetKind};
use crate::policy::ParticipationAction;

const PER_PAGE: u64 = 25;
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/meldungen", post(report))
        .route("/beteiligung/{slug}/moderation", get(process_queue))
        .route("/beteiligung/{slug}/moderation/protokoll", get(log_page))
        .route("/beteiligung/{slug}/moderation/{action}", post(act))
        .route("/moderation", get(global_queue))
}

#[derive(Deserialize, Default)]
pub struct PageParams {
    #[serde(default)]
    seite: Option<String>,
}

fn page_number(ctx: &Ctx, params: &PageParams) -> AppResult<u64> {
    match params.seite.as_deref() {
        None | Some("") => Ok(1),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    }
}

fn kind_label(ctx: &Ctx, kind: TargetKind) -> String {
    ctx.t(&format!("moderation-kind-{}", kind.as_str()))
}

// ------------------------------------------------------------------ reporting

#[derive(Deserialize, Default)]
pub struct ReportInput {
    #[serde(default)]
    target_kind: String,
    #[serde(default)]
    target_id: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

/// The report form again, when a report was incomplete.
#[derive(Template)]
#[template(path = "participation/moderation_report.html")]
struct ReportPage {
    ctx: Ctx,
    process: process::Model,
    errors: ShownErrors,
    target_kind: String,
    target_id: i64,
    kind_label: String,
    excerpt: String,
    back: String,
    reasons: Vec<(&'static str, String)>,
    reason: String,
    note: String,
}

async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<ReportInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let p = load(&state, &ctx, &slug).await?;
    let target =
        ReportTarget::parse(&input.target_kind, &input.target_id).ok_or(AppError::NotFound)?;
    let result = moderation::report(
        &state.db,
        &me,
        &p.process,
        target,
        &input.reason,
        &input.note,
    )
    .await;
    match field_errors(result)? {
        Ok(reported) => {
            let href = if reported.hidden && target.kind == TargetKind::Proposal {
                // The proposal is gone from view; back to the list.
                format!("/beteiligung/{slug}/vorschlaege?hinweis=gemeldet")
            } else {
                reported.link.with_notice("gemeldet")
            };
            Ok(see_other(&href))
        }
        Err(errors) => {
            let content = moderation::content(&state.db, p.process.id, target).await?;
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &ReportPage {
                    errors: ShownErrors::new(&ctx, &errors),
                    target_kind: target.kind.as_str().to_owned(),
                    target_id: target.id,
                    kind_label: kind_label(&ctx, target.kind),
                    excerpt: content.excerpt(),
                    back: content.located_link(&state.db, &slug).await?.href(),
                    reasons: REASONS
                        .iter()
                        .map(|r| (*r, ctx.t(&dias_core::moderation::reason_label(r))))
                        .collect(),
                    reason: input.reason,
                    note: input.note,
                    process: p.process,
                    ctx,
                },
            )
        }
    }
}

// ------------------------------------------------------------------ queue

/// A queue entry as the page shows it.
pub struct ItemView {
    pub kind: &'static str,
    pub kind_label: String,
    pub id: i64,
    pub process_slug: String,
    pub process_title: String,
    pub author: String,
    pub author_blocked: bool,
    pub excerpt: String,
    pub hidden: bool,
    pub reports: i64,
    /// "Spam: 2, beleidigend: 1"
    pub reasons: String,
    pub notes: Vec<String>,
    pub at: String,
    pub href: String,
    /// Where the actions post to.
    pub action_base: String,
    /// Id of the block reason field (unique on the page).
    pub reason_id: String,
    /// The block reason entered before, when blocking failed.
    pub reason_value: String,
    pub reason_error: String,
}

fn item_view(ctx: &Ctx, item: QueueItem) -> ItemView {
    ItemView {
        kind: item.target.kind.as_str(),
        kind_label: kind_label(ctx, item.target.kind),
        id: item.target.id,
        reasons: item
            .reasons
            .iter()
            .map(|(r, n)| format!("{}: {n}", ctx.t(&dias_core::moderation::reason_label(r))))
            .collect::<Vec<_>>()
            .join(", "),
        at: dias_core::time::format_datetime(item.at),
        href: item.link.href(),
        action_base: format!("/beteiligung/{}/moderation", item.process_slug),
        reason_id: format!("reason-{}-{}", item.target.kind.as_str(), item.target.id),
        reason_value: String::new(),
        reason_error: String::new(),
        process_slug: item.process_slug,
        process_title: item.process_title,
        author: item.author,
        author_blocked: item.author_blocked,
        excerpt: item.excerpt,
        hidden: item.hidden,
        reports: item.reports,
        notes: item.notes,
    }
}

#[derive(Template)]
#[template(path = "participation/moderation_queue.html")]
struct QueuePage {
    ctx: Ctx,
    /// None: the queue across all processes.
    process: Option<process::Model>,
    reported: Vec<ItemView>,
    reported_total: u64,
    pending: Vec<ItemView>,
    pending_more: bool,
    pagination: Pagination,
    errors: ShownErrors,
    /// "global" when the actions should come back to `/moderation`.
    back: &'static str,
}

struct QueueForm {
    errors: ShownErrors,
    kept_reason: (String, String),
}

async fn queue_page(
    state: &AppState,
    ctx: Ctx,
    process: Option<process::Model>,
    page_no: u64,
    form: Option<QueueForm>,
    status: StatusCode,
) -> AppResult<Response> {
    let queue =
        moderation::queue(&state.db, process.as_ref().map(|p| p.id), page_no, PER_PAGE).await?;
    let base = match &process {
        Some(p) => format!("/beteiligung/{}/moderation", p.slug),
        None => "/moderation".to_owned(),
    };
    let form = form.unwrap_or(QueueForm {
        errors: ShownErrors::none(),
        kept_reason: (String::new(), String::new()),
    });
    let view = |item: QueueItem| {
        let mut v = item_view(&ctx, item);
        if v.reason_id == form.kept_reason.0 {
            v.reason_value = form.kept_reason.1.clone();
            v.reason_error = form.errors.of(&v.reason_id);
        }
        v
    };
    let reported = queue.reported.into_iter().map(view).collect();
    let pending = queue.pending.into_iter().map(view).collect();
    page_with_status(
        status,
        &QueuePage {
            reported,
            pending,
            pending_more: queue.pending_more,
            pagination: Pagination::new(page_no, queue.reported_total, PER_PAGE, base),
            reported_total: queue.reported_total,
            back: if process.is_some() { "" } else { "global" },
            errors: form.errors,
            process,
            ctx,
        },
    )
}

async fn process_queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Moderate)?;
    let page_no = page_number(&ctx, &params)?;
    let p = load(&state, &ctx, &slug).await?;
    queue_page(&state, ctx, Some(p.process), page_no, None, StatusCode::OK).await
}

async fn global_queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Moderate)?;
    let page_no = page_number(&ctx, &params)?;
    queue_page(&state, ctx, None, page_no, None, StatusCode::OK).await
}

// ------------------------------------------------------------------ actions

#[derive(Deserialize, Default)]
pub struct ActInput {
    #[serde(default)]
    target_kind: String,
    #[serde(default)]
    target_id: String,
    #[serde(default)]
    reason: String,
    /// "global": come back to the queue across processes.
    #[serde(default)]
    zurueck: String,
}

fn notice_of(action: Action) -> &'static str {
    match action {
        Action::Hide => "beitrag-verborgen",
        Action::Restore => "beitrag-wiederhergestellt",
        Action::Dismiss => "meldungen-verworfen",
        Action::Approve => "beitrag-freigegeben",
        Action::Block => "autor-gesperrt",
    }
}

async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, action)): Path<(String, String)>,
    Form(input): Form<ActInput>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Moderate)?.user()?.clone();
    let action = Action::from_slug(&action).ok_or(AppError::NotFound)?;
    let p = load(&state, &ctx, &slug).await?;
    let target =
        ReportTarget::parse(&input.target_kind, &input.target_id).ok_or(AppError::NotFound)?;
    let global = input.zurueck == "global";
    let result = moderation::act(&state.db, &me, &p.process, action, target, &input.reason).await;
    match field_errors(result)? {
        Ok(()) => {
            let base = if global {
                "/moderation".to_owned()
            } else {
                format!("/beteiligung/{slug}/moderation")
            };
            Ok(see_other(&format!("{base}?hinweis={}", notice_of(action))))
        }
        Err(errors) => {
            // The fields of this target's form carry the target in their id.
            let field = format!("reason-{}-{}", target.kind.as_str(), target.id);
            let errors = FieldErrors(
                errors
                    .0
                    .into_iter()
                    .map(|mut e| {
                        e.field = field.clone();
                        e
                    })
                    .collect(),
            );
            let form = QueueForm {
                errors: ShownErrors::new(&ctx, &errors),
                kept_reason: (field, input.reason),
            };
            let process = (!global).then_some(p.process);
            queue_page(
                &state,
                ctx,
                process,
                1,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

// ------------------------------------------------------------------ log

pub struct LogRow {
    pub at: String,
    pub moderator: String,
    pub action: String,
    pub target: String,
    pub user: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "participation/moderation_log.html")]
struct LogPage {
    ctx: Ctx,
    process: process::Model,
    rows: Vec<LogRow>,
    total: u64,
    pagination: Pagination,
}

async fn log_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Moderate)?;
    let page_no = page_number(&ctx, &params)?;
    let p = load(&state, &ctx, &slug).await?;
    let (entries, total) = moderation::log(&state.db, p.process.id, page_no, PER_PAGE).await?;
    let rows = entries
        .into_iter()
        .map(|e| LogRow {
            at: dias_core::time::format_datetime(e.entry.at),
            moderator: e
                .moderator
                .unwrap_or_else(|| ctx.t("moderation-log-system")),
            action: ctx.t(&format!("moderation-action-{}", e.entry.action)),
            target: match (TargetKind::parse(&e.entry.target_kind), e.entry.target_id) {
                (Some(kind), Some(id)) => format!("{} {id}", kind_label(&ctx, kind)),
                (Some(kind), None) => kind_label(&ctx, kind),
                (None, _) => e.entry.target_kind.clone(),
            },
            user: e.user.unwrap_or_default(),
            reason: if e.entry.moderator_id.is_none() && e.entry.reason.is_empty() {
                ctx.t("moderation-log-automatic")
            } else {
                e.entry.reason
            },
        })
        .collect();
    page(&LogPage {
        pagination: Pagination::new(
            page_no,
            total,
            PER_PAGE,
            format!("/beteiligung/{slug}/moderation/protokoll"),
        ),
        rows,
        total,
        process: p.process,
        ctx,
    })
}
