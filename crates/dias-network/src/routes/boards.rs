//! Exchange pages and form actions: the board overview, a board with its
//! threads, a thread with its replies, the forms for boards, threads and
//! replies, following, reporting and the moderation queue. Every form works
//! without JavaScript (POST → 303, invalid input → 422 with the input kept).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::notifications;
use dias_core::validation::FieldErrors;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, field_errors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use crate::boards::{
    self, Action, BoardAction, BoardInput, ModTarget, REASONS, ThreadInput, thread_path,
};
use crate::entities::{board, board_reply, board_thread};

const THREADS_PER_PAGE: u64 = 25;
const MAX_PAGE: u64 = 10_000;
const QUEUE_PER_PAGE: u64 = 25;
const LOG_ENTRIES: u64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk/austausch", get(index))
        .route("/netzwerk/austausch/neu", get(new_board).post(create_board))
        .route("/netzwerk/austausch/moderation", get(queue))
        .route("/netzwerk/austausch/moderation/{action}", post(act))
        .route("/netzwerk/austausch/meldungen", post(report))
        .route("/netzwerk/austausch/themen/{id}", get(show_thread))
        .route("/netzwerk/austausch/themen/{id}/antworten", post(reply))
        .route(
            "/netzwerk/austausch/themen/{id}/folgen",
            post(follow_thread),
        )
        .route("/netzwerk/austausch/antworten/{id}", get(permalink))
        .route("/netzwerk/austausch/antworten/{id}/bearbeiten", post(edit))
        .route("/netzwerk/austausch/antworten/{id}/loeschen", post(delete))
        .route("/netzwerk/austausch/{slug}", get(show_board))
        .route(
            "/netzwerk/austausch/{slug}/neu",
            get(new_thread).post(create_thread),
        )
        .route("/netzwerk/austausch/{slug}/folgen", post(follow_board))
}

#[derive(Deserialize, Default)]
pub struct PageParams {
    #[serde(default)]
    seite: Option<String>,
    /// The reply being answered (fills the reply form's quote).
    #[serde(default)]
    antwort_auf: Option<String>,
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

fn moderator(ctx: &Ctx) -> bool {
    ctx.can(&BoardAction::Moderate)
}

fn when(at: i64) -> (String, String) {
    (
        dias_core::time::format_datetime(at),
        dias_core::time::format_rfc3339(at),
    )
}

// ------------------------------------------------------------------ overview

pub struct BoardCard {
    pub slug: String,
    pub title: String,
    pub description: String,
    pub threads: i64,
    pub replies: i64,
    pub last: String,
    pub last_datetime: String,
}

fn board_card(b: &board::Model) -> BoardCard {
    let (last, last_datetime) = b.last_activity_at.map(when).unwrap_or_default();
    BoardCard {
        slug: b.slug.clone(),
        title: b.title.clone(),
        description: b.description.clone(),
        threads: b.threads_count,
        replies: b.replies_count,
        last,
        last_datetime,
    }
}

#[derive(Template)]
#[template(path = "network/boards.html")]
struct IndexPage {
    ctx: Ctx,
    boards: Vec<BoardCard>,
    can_manage: bool,
    can_moderate: bool,
}

async fn index(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let boards = boards::boards(&state.db).await?;
    page(&IndexPage {
        boards: boards.iter().map(board_card).collect(),
        can_manage: ctx.can(&BoardAction::ManageBoards),
        can_moderate: moderator(&ctx),
        ctx,
    })
}

// ------------------------------------------------------------------ new board

#[derive(Template)]
#[template(path = "network/board_form.html")]
struct BoardFormPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: BoardInput,
}

async fn new_board(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&BoardAction::ManageBoards)?;
    page(&BoardFormPage {
        errors: ShownErrors::none(),
        input: BoardInput::default(),
        ctx,
    })
}

#[derive(Deserialize, Default)]
pub struct BoardForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    position: String,
}

async fn create_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(form): Form<BoardForm>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::ManageBoards)?.user()?.clone();
    let input = BoardInput {
        title: form.title,
        description: form.description,
        slug: form.slug,
        position: form.position,
    };
    let result = match boards::validate_board(&input) {
        Ok(v) => boards::create_board(&state.db, &me, &v).await,
        Err(errors) => Err(dias_core::CoreError::Invalid(errors)),
    };
    match field_errors(result)? {
        Ok(b) => Ok(see_other(&format!(
            "/netzwerk/austausch/{}?hinweis=austausch-forum-angelegt",
            b.slug
        ))),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &BoardFormPage {
                errors: ShownErrors::new(&ctx, &errors),
                input,
                ctx,
            },
        ),
    }
}

// ------------------------------------------------------------------ board

pub struct ThreadRow {
    pub id: i64,
    pub title: String,
    pub author: String,
    pub replies: i64,
    pub last: String,
    pub last_datetime: String,
    /// Hidden by moderation: a placeholder for others.
    pub hidden: bool,
    pub removed: bool,
}

#[derive(Template)]
#[template(path = "network/board.html")]
struct BoardPage {
    ctx: Ctx,
    board: BoardCard,
    threads: Vec<ThreadRow>,
    pagination: Pagination,
    following: bool,
}

async fn show_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let number = page_number(&ctx, &params)?;
    let b = boards::board_by_slug(&state.db, &slug).await?;
    let (items, total) = boards::threads_page(&state.db, b.id, number, THREADS_PER_PAGE).await?;
    let names = boards::names(&state.db, items.iter().filter_map(|t| t.author_id)).await?;
    let following = match ctx.principal() {
        Some(me) => {
            notifications::is_following(&state.db, me.user_id, boards::board_target(b.id)).await?
        }
        None => false,
    };
    let sees_hidden = moderator(&ctx);
    let threads = items
        .into_iter()
        .map(|t| {
            let (last, last_datetime) = when(t.last_activity_at);
            let hidden = t.hidden_at.is_some();
            ThreadRow {
                id: t.id,
                author: t
                    .author_id
                    .and_then(|a| names.get(&a).cloned())
                    .unwrap_or_default(),
                title: t.title,
                replies: t.replies_count,
                last,
                last_datetime,
                hidden,
                removed: hidden && !sees_hidden,
            }
        })
        .collect();
    page(&BoardPage {
        pagination: Pagination::new(
            number,
            total,
            THREADS_PER_PAGE,
            format!("/netzwerk/austausch/{}", b.slug),
        ),
        board: board_card(&b),
        threads,
        following,
        ctx,
    })
}

// ------------------------------------------------------------------ new thread

#[derive(Template)]
#[template(path = "network/board_thread_form.html")]
struct ThreadFormPage {
    ctx: Ctx,
    board: BoardCard,
    errors: ShownErrors,
    input: ThreadInput,
}

async fn new_thread(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&BoardAction::Participate)?;
    let b = boards::board_by_slug(&state.db, &slug).await?;
    page(&ThreadFormPage {
        board: board_card(&b),
        errors: ShownErrors::none(),
        input: ThreadInput::default(),
        ctx,
    })
}

#[derive(Deserialize, Default)]
pub struct ThreadForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
}

async fn create_thread(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(form): Form<ThreadForm>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Participate)?.user()?.clone();
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let b = boards::board_by_slug(&state.db, &slug).await?;
    let input = ThreadInput {
        title: form.title,
        body: form.body,
    };
    match field_errors(boards::create_thread(&state.db, &me, &b, &input).await)? {
        Ok(id) => Ok(see_other(&format!(
            "{}?hinweis=austausch-thema-eroeffnet",
            thread_path(id)
        ))),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ThreadFormPage {
                board: board_card(&b),
                errors: ShownErrors::new(&ctx, &errors),
                input,
                ctx,
            },
        ),
    }
}

// ------------------------------------------------------------------ thread

pub struct ReplyView {
    pub id: i64,
    pub author: String,
    pub created: String,
    pub datetime: String,
    pub body_html: String,
    pub body_md: String,
    pub edited: bool,
    pub deleted: bool,
    /// Hidden by moderation (moderators still see it, marked).
    pub hidden: bool,
    /// Shown as a placeholder to this reader.
    pub removed: bool,
    pub quoted: Option<i64>,
    pub is_own: bool,
    pub editable: bool,
}

/// The reply form's state.
pub struct ReplyForm {
    pub errors: ShownErrors,
    pub body: String,
    /// The reply being answered, with its author.
    pub quoted: Option<(i64, String)>,
}

#[derive(Template)]
#[template(path = "network/board_thread.html")]
struct ThreadPage {
    ctx: Ctx,
    board: BoardCard,
    id: i64,
    title: String,
    author: String,
    created: String,
    datetime: String,
    body_html: String,
    hidden: bool,
    removed: bool,
    is_own: bool,
    replies: Vec<ReplyView>,
    total: u64,
    pagination: Pagination,
    following: bool,
    can_moderate: bool,
    form: ReplyForm,
    reasons: Vec<(&'static str, String)>,
}

fn reasons(ctx: &Ctx) -> Vec<(&'static str, String)> {
    REASONS
        .iter()
        .map(|r| (*r, ctx.t(&dias_core::moderation::reason_label(r))))
        .collect()
}

/// The thread page with the given reply form (shown again after errors).
async fn thread_page(
    state: &AppState,
    ctx: Ctx,
    t: board_thread::Model,
    number: u64,
    quote: Option<i64>,
    form: Option<(FieldErrors, String)>,
) -> AppResult<Response> {
    let b = boards::board_by_id(&state.db, t.board_id).await?;
    let (items, total) = boards::replies_page(&state.db, t.id, number).await?;
    let quoted = match quote {
        Some(q) => boards::reply(&state.db, q)
            .await
            .ok()
            .filter(|r| r.thread_id == t.id && r.deleted_at.is_none() && r.hidden_at.is_none()),
        None => None,
    };
    let names = boards::names(
        &state.db,
        items
            .iter()
            .filter_map(|r| r.author_id)
            .chain(t.author_id)
            .chain(quoted.as_ref().and_then(|q| q.author_id)),
    )
    .await?;
    let name = |id: Option<i64>| id.and_then(|a| names.get(&a).cloned()).unwrap_or_default();
    let me = ctx.principal().map(|p| p.user_id);
    let following = match me {
        Some(user) => {
            notifications::is_following(&state.db, user, boards::thread_target(t.id)).await?
        }
        None => false,
    };
    let sees_hidden = moderator(&ctx);
    let now = dias_core::time::now();
    let replies = items
        .into_iter()
        .map(|r: board_reply::Model| {
            let hidden = r.hidden_at.is_some();
            let (created, datetime) = when(r.created_at);
            ReplyView {
                id: r.id,
                author: name(r.author_id),
                created,
                datetime,
                body_html: dias_core::markdown::render(&r.body_md),
                edited: r.edited_at.is_some(),
                deleted: r.deleted_at.is_some(),
                hidden,
                removed: hidden && !sees_hidden,
                quoted: r.quoted_id,
                is_own: me.is_some() && r.author_id == me,
                editable: boards::editable(&r, me, now),
                body_md: r.body_md,
            }
        })
        .collect();
    let (errors, status, body) = match form {
        Some((errors, body)) => (
            ShownErrors::new(&ctx, &errors),
            StatusCode::UNPROCESSABLE_ENTITY,
            body,
        ),
        None => (ShownErrors::none(), StatusCode::OK, String::new()),
    };
    let hidden = t.hidden_at.is_some();
    let (created, datetime) = when(t.created_at);
    page_with_status(
        status,
        &ThreadPage {
            board: board_card(&b),
            id: t.id,
            author: name(t.author_id),
            created,
            datetime,
            body_html: dias_core::markdown::render(&t.body_md),
            hidden,
            removed: hidden && !sees_hidden,
            is_own: me.is_some() && t.author_id == me,
            title: t.title,
            replies,
            pagination: Pagination::new(number, total, boards::REPLIES_PER_PAGE, thread_path(t.id)),
            total,
            following,
            can_moderate: sees_hidden,
            form: ReplyForm {
                errors,
                body,
                quoted: quoted.map(|q| (q.id, name(q.author_id))),
            },
            reasons: reasons(&ctx),
            ctx,
        },
    )
}

async fn show_thread(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    let number = page_number(&ctx, &params)?;
    let t = boards::thread(&state.db, id).await?;
    let quote = params.antwort_auf.as_deref().and_then(|s| s.parse().ok());
    thread_page(&state, ctx, t, number, quote, None).await
}

#[derive(Deserialize, Default)]
pub struct ReplyInput {
    #[serde(default)]
    body: String,
    #[serde(default)]
    quoted_id: String,
}

async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<ReplyInput>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Participate)?.user()?.clone();
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let t = boards::thread(&state.db, id).await?;
    let quoted = input.quoted_id.trim().parse::<i64>().ok();
    match field_errors(boards::create_reply(&state.db, &me, &t, &input.body, quoted).await)? {
        Ok(rid) => {
            let place = boards::reply_location(&state.db, rid).await?;
            Ok(see_other(&with_notice(
                &place,
                "austausch-antwort-gespeichert",
            )))
        }
        Err(errors) => {
            // Shown again on the last page, where the form is.
            let last = boards::page_of(t.replies_count.max(1) as u64);
            thread_page(&state, ctx, t, last, quoted, Some((errors, input.body))).await
        }
    }
}

/// `href` with `hinweis=KEY` added to its query, before any fragment.
fn with_notice(href: &str, key: &str) -> String {
    let (path, fragment) = match href.split_once('#') {
        Some((path, fragment)) => (path, format!("#{fragment}")),
        None => (href, String::new()),
    };
    let join = if path.contains('?') { '&' } else { '?' };
    format!("{path}{join}hinweis={key}{fragment}")
}

async fn permalink(State(state): State<AppState>, Path(id): Path<i64>) -> AppResult<Response> {
    Ok(see_other(&boards::reply_location(&state.db, id).await?))
}

#[derive(Deserialize, Default)]
pub struct EditInput {
    #[serde(default)]
    body: String,
}

#[derive(Template)]
#[template(path = "network/board_reply_edit.html")]
struct EditPage {
    ctx: Ctx,
    errors: ShownErrors,
    id: i64,
    thread_id: i64,
    body: String,
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<EditInput>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Participate)?.user()?.clone();
    match field_errors(boards::edit_reply(&state.db, &me, id, &input.body).await)? {
        Ok(_) => {
            let place = boards::reply_location(&state.db, id).await?;
            Ok(see_other(&with_notice(
                &place,
                "austausch-antwort-geaendert",
            )))
        }
        Err(errors) => {
            let r = boards::reply(&state.db, id).await?;
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &EditPage {
                    errors: ShownErrors::new(&ctx, &errors),
                    thread_id: r.thread_id,
                    id,
                    body: input.body,
                    ctx,
                },
            )
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Participate)?.user()?.clone();
    boards::delete_reply(&state.db, &me, id).await?;
    let place = boards::reply_location(&state.db, id).await?;
    Ok(see_other(&with_notice(
        &place,
        "austausch-antwort-geloescht",
    )))
}

// ------------------------------------------------------------------ following

#[derive(Deserialize, Default)]
pub struct FollowInput {
    #[serde(default)]
    folgen: String,
}

async fn apply_follow(
    state: &AppState,
    ctx: &Ctx,
    target: notifications::Target,
    input: &FollowInput,
    back: &str,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Participate)?.user()?;
    let notice = match input.folgen.as_str() {
        "1" => {
            notifications::follow(&state.db, me.user_id, target).await?;
            "austausch-gefolgt"
        }
        "0" => {
            notifications::unfollow(&state.db, me.user_id, target).await?;
            "austausch-entfolgt"
        }
        _ => return Err(AppError::BadRequest(ctx.t("error-invalid-choice"))),
    };
    Ok(see_other(&format!("{back}?hinweis={notice}")))
}

async fn follow_board(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<FollowInput>,
) -> AppResult<Response> {
    ctx.require(&BoardAction::Participate)?;
    let b = boards::board_by_slug(&state.db, &slug).await?;
    apply_follow(
        &state,
        &ctx,
        boards::board_target(b.id),
        &input,
        &format!("/netzwerk/austausch/{slug}"),
    )
    .await
}

async fn follow_thread(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(input): Form<FollowInput>,
) -> AppResult<Response> {
    ctx.require(&BoardAction::Participate)?;
    let t = boards::thread(&state.db, id).await?;
    apply_follow(
        &state,
        &ctx,
        boards::thread_target(t.id),
        &input,
        &thread_path(t.id),
    )
    .await
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

#[derive(Template)]
#[template(path = "network/board_report.html")]
struct ReportPage {
    ctx: Ctx,
    errors: ShownErrors,
    target_kind: String,
    target_id: i64,
    excerpt: String,
    back: String,
    /// (value, label, chosen before)
    reasons: Vec<(&'static str, String, bool)>,
    note: String,
}

async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<ReportInput>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Participate)?.user()?.clone();
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let target =
        ModTarget::parse(&input.target_kind, &input.target_id).ok_or(AppError::NotFound)?;
    let result = boards::report(&state.db, &me, target, &input.reason, &input.note).await;
    let content = boards::content(&state.db, target).await?;
    match field_errors(result)? {
        Ok(_) => Ok(see_other(&format!(
            "{}?hinweis=austausch-gemeldet",
            thread_path(content.thread_id)
        ))),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ReportPage {
                errors: ShownErrors::new(&ctx, &errors),
                target_kind: target.kind.as_str().to_owned(),
                target_id: target.id,
                excerpt: content.excerpt(),
                back: content.link(),
                reasons: reasons(&ctx)
                    .into_iter()
                    .map(|(value, label)| (value, label, value == input.reason))
                    .collect(),
                note: input.note,
                ctx,
            },
        ),
    }
}

// ------------------------------------------------------------------ moderation

pub struct QueueRow {
    pub kind: &'static str,
    pub kind_label: String,
    pub id: i64,
    pub href: String,
    pub excerpt: String,
    pub author: String,
    pub hidden: bool,
    pub reports: i64,
    pub reasons: String,
    pub notes: Vec<String>,
    pub last: String,
}

pub struct LogRow {
    pub at: String,
    pub moderator: String,
    pub action: String,
    pub target: String,
    pub href: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "network/board_moderation.html")]
struct QueuePage {
    ctx: Ctx,
    items: Vec<QueueRow>,
    total: u64,
    pagination: Pagination,
    log: Vec<LogRow>,
}

fn kind_label(ctx: &Ctx, kind: &str) -> String {
    ctx.t(&format!("network-board-kind-{kind}"))
}

async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(params): Query<PageParams>,
) -> AppResult<Response> {
    ctx.require(&BoardAction::Moderate)?;
    let number = page_number(&ctx, &params)?;
    let (items, total) = boards::queue(&state.db, number, QUEUE_PER_PAGE).await?;
    let entries = boards::log(&state.db, LOG_ENTRIES).await?;
    let items = items
        .into_iter()
        .map(|i| QueueRow {
            kind: i.content.target.kind.as_str(),
            kind_label: kind_label(&ctx, i.content.target.kind.as_str()),
            id: i.content.target.id,
            href: i.content.link(),
            excerpt: i.content.excerpt(),
            author: i.author,
            hidden: i.content.hidden,
            reports: i.reports,
            reasons: i
                .reasons
                .iter()
                .map(|(r, n)| format!("{}: {n}", ctx.t(&dias_core::moderation::reason_label(r))))
                .collect::<Vec<_>>()
                .join(", "),
            notes: i.notes,
            last: dias_core::time::format_datetime(i.last_at),
        })
        .collect();
    let log = entries
        .into_iter()
        .map(|e| LogRow {
            at: dias_core::time::format_datetime(e.entry.at),
            moderator: e
                .moderator
                .unwrap_or_else(|| ctx.t("network-board-log-system")),
            action: ctx.t(&format!("network-board-action-{}", e.entry.action)),
            target: format!(
                "{} {}",
                kind_label(&ctx, &e.entry.target_kind),
                e.entry.target_id
            ),
            href: match boards::Kind::parse(&e.entry.target_kind) {
                Some(boards::Kind::Thread) => thread_path(e.entry.target_id),
                _ => boards::reply_path(e.entry.target_id),
            },
            reason: e.entry.reason,
        })
        .collect();
    page(&QueuePage {
        pagination: Pagination::new(
            number,
            total,
            QUEUE_PER_PAGE,
            "/netzwerk/austausch/moderation".to_owned(),
        ),
        items,
        total,
        log,
        ctx,
    })
}

#[derive(Deserialize, Default)]
pub struct ActInput {
    #[serde(default)]
    target_kind: String,
    #[serde(default)]
    target_id: String,
    #[serde(default)]
    reason: String,
    /// "thema": back to the thread instead of the queue.
    #[serde(default)]
    zurueck: String,
}

async fn act(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(action): Path<String>,
    Form(input): Form<ActInput>,
) -> AppResult<Response> {
    let me = ctx.require(&BoardAction::Moderate)?.user()?.clone();
    let notice = match Action::from_slug(&action) {
        Some(Action::Hide) => "austausch-verborgen",
        Some(Action::Restore) => "austausch-wiederhergestellt",
        Some(Action::Dismiss) => "austausch-verworfen",
        // No pre-moderation or blocking in the exchange.
        Some(Action::Approve | Action::Block) | None => return Err(AppError::NotFound),
    };
    let action = Action::from_slug(&action).ok_or(AppError::NotFound)?;
    let target =
        ModTarget::parse(&input.target_kind, &input.target_id).ok_or(AppError::NotFound)?;
    boards::act(&state.db, &me, action, target, &input.reason).await?;
    if input.zurueck == "thema" {
        let content = boards::content(&state.db, target).await?;
        return Ok(see_other(&format!(
            "{}?hinweis={notice}",
            thread_path(content.thread_id)
        )));
    }
    Ok(see_other(&format!(
        "/netzwerk/austausch/moderation?hinweis={notice}"
    )))
}

#[cfg(test)]
mod tests {
    #[test]
    fn notices_go_before_the_fragment() {
        assert_eq!(
            super::with_notice("/netzwerk/austausch/themen/3?seite=2#antwort-9", "x"),
            "/netzwerk/austausch/themen/3?seite=2&hinweis=x#antwort-9"
        );
    }
}
