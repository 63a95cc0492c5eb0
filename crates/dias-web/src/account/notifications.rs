//! The inbox of notifications (`/konto/benachrichtigungen`): newest first
//! with pagination, unread ones marked, mark read one by one or all at once,
//! and the e-mail frequency form below the list.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::accounts;
use dias_core::notifications;
use dias_core::policy::CoreAction;
use serde::Deserialize;

use crate::components::Pagination;
use crate::context::Ctx;
use crate::error::{AppError, AppResult};
use crate::forms::{Form, page, safe_next, see_other};
use crate::state::AppState;

const PER_PAGE: u64 = 20;
/// Nobody pages this far; refusing keeps offsets cheap.
const MAX_PAGE: u64 = crate::components::MAX_PAGE;

/// The inbox's actions; the list itself shares its path with the frequency
/// form (see `account::routes`).
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/konto/benachrichtigungen/{id}", get(open))
        .route("/konto/benachrichtigungen/{id}/gelesen", post(mark_read))
        .route(
            "/konto/benachrichtigungen/alle-gelesen",
            post(mark_all_read),
        )
}

pub struct Item {
    pub id: i64,
    pub headline: String,
    pub title: String,
    pub summary: String,
    pub created: String,
    pub datetime: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "account/notifications.html")]
struct InboxPage {
    ctx: Ctx,
    items: Vec<Item>,
    pagination: Pagination,
    current: String,
    options: Vec<(String, String)>,
}

#[derive(Deserialize, Default)]
pub struct PageParam {
    #[serde(default)]
    seite: Option<String>,
}

fn page_number(ctx: &Ctx, seite: Option<&str>) -> AppResult<u64> {
    match seite {
        None | Some("") => Ok(1),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    }
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<PageParam>,
) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    let number = page_number(&ctx, params.seite.as_deref())?;
    let (rows, total) = notifications::page(&state.db, user.user_id, number, PER_PAGE).await?;
    let current = accounts::active_user(&state.db, user.user_id)
        .await?
        .map(|u| u.notify_frequency)
        .unwrap_or_default();
    let items = rows
        .iter()
        .map(|n| {
            let r = notifications::render(&state.catalog, ctx.locale(), n);
            Item {
                id: n.id,
                headline: r.headline,
                title: r.title,
                summary: r.summary,
                created: dias_core::time::format_datetime(n.created_at),
                datetime: dias_core::time::format_rfc3339(n.created_at),
                unread: n.read_at.is_none(),
            }
        })
        .collect();
    let options = accounts::NOTIFY_FREQUENCIES
        .iter()
        .map(|f| (f.to_string(), ctx.t(&format!("notify-{f}"))))
        .collect();
    page(&InboxPage {
        pagination: Pagination::new(
            number,
            total,
            PER_PAGE,
            "/konto/benachrichtigungen".to_owned(),
        ),
        items,
        current,
        options,
        ctx,
    })
}

/// Following a notification is reading it: marks it read and goes to what it
/// is about. A forged request could only mark someone's notification read,
/// so this GET needs no token.
async fn open(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    let n = notifications::own(&state.db, user.user_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    notifications::mark_read(&state.db, user.user_id, id).await?;
    Ok(see_other(&safe_next(Some(&n.link))))
}

fn back_to(seite: Option<&str>, notice: &str) -> String {
    match seite.and_then(|s| s.parse::<u64>().ok()).filter(|n| *n > 1) {
        Some(n) => format!("/konto/benachrichtigungen?seite={n}&hinweis={notice}"),
        None => format!("/konto/benachrichtigungen?hinweis={notice}"),
    }
}

async fn mark_read(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<PageParam>,
) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    if !notifications::mark_read(&state.db, user.user_id, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&back_to(input.seite.as_deref(), "notif-gelesen")))
}

async fn mark_all_read(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let user = ctx.require(&CoreAction::ManageOwnAccount)?.user()?.clone();
    notifications::mark_all_read(&state.db, user.user_id).await?;
    Ok(see_other(&back_to(None, "notif-alle-gelesen")))
}
