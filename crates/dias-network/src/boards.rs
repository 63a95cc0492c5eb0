//! Exchange (Austausch): topic boards with threads and replies.
//!
//! Staff create the boards (Foren). Signed-in people open threads (Themen)
//! and reply in a flat list; a reply may name the reply it answers. Authors
//! edit their replies within [`EDIT_WINDOW_SECS`] and may delete them, which
//! leaves a placeholder and lowers the counters. Counters and the latest
//! activity live on the board and thread rows, so lists never aggregate
//! replies.
//!
//! People follow a board or a thread through the core's follows; authors
//! follow their own threads from the start. A new thread tells the board's
//! followers, a new reply the thread's followers, never the person who
//! wrote it, inside the transaction that stores it.
//!
//! Moderation: anyone signed in reports a thread or reply once with a
//! reason; at [`REPORT_THRESHOLD`] open reports it is hidden (logged as the
//! system's action). Moderators hide, restore or dismiss from a queue; every
//! action goes to the board moderation log and the core audit log in the
//! same transaction. Hidden content is a placeholder for everyone but
//! moderators.

use std::collections::{HashMap, HashSet};

use dias_core::notifications::{self, NewNotification, Target};
use dias_core::policy::{Policy, Principal};
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult, moderation, outbox};
use dias_search::{SearchDoc, SearchSource};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    SqlErr,
};

use crate::entities::{board, board_moderation_log, board_reply, board_report, board_thread};

/// Search documents of threads.
pub const KIND_THREAD: &str = "network-thread";
/// Follow kinds.
pub const FOLLOW_BOARD: &str = "network-board";
pub const FOLLOW_THREAD: &str = "network-thread";

pub const BOARD_TITLE_MAX: usize = 120;
pub const BOARD_DESCRIPTION_MAX: usize = 500;
pub const SLUG_MAX: usize = 80;
pub const TITLE_MAX: usize = 200;
pub const BODY_MAX: usize = 20_000;
/// Authors may change a reply this long after writing it.
pub const EDIT_WINDOW_SECS: i64 = 15 * 60;
/// Open reports that hide content without a moderator.
pub const REPORT_THRESHOLD: u64 = 3;
pub use dias_core::moderation::{Action, NOTE_MAX, REASONS};
/// Replies on one page of a thread.
pub const REPLIES_PER_PAGE: u64 = 50;
/// Path segments below `/netzwerk/austausch` that are pages, not boards.
const RESERVED: [&str; 6] = [
    "neu",
    "themen",
    "antworten",
    "moderation",
    "meldungen",
    "foren",
];

/// Who may do what in the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoardAction {
    /// Open threads, reply, follow, report: anyone signed in.
    Participate,
    /// Create boards (Redaktion).
    ManageBoards,
    /// Work the queue, see hidden content.
    Moderate,
}

impl Policy for BoardAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            BoardAction::Participate => true,
            BoardAction::ManageBoards => who.role.is_staff_or_above(),
            BoardAction::Moderate => who.role.is_moderator_or_above(),
        }
    }
}

pub fn board_target(id: i64) -> Target {
    Target::new(FOLLOW_BOARD, id)
}

pub fn thread_target(id: i64) -> Target {
    Target::new(FOLLOW_THREAD, id)
}

pub fn thread_path(id: i64) -> String {
    format!("/netzwerk/austausch/themen/{id}")
}

/// A reply's lasting address (it finds the page the reply is on).
pub fn reply_path(id: i64) -> String {
    format!("/netzwerk/austausch/antworten/{id}")
}

// ------------------------------------------------------------------ rules

/// The board form as submitted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BoardInput {
    pub title: String,
    pub description: String,
    pub slug: String,
    pub position: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidBoard {
    pub title: String,
    pub description: String,
    pub slug: String,
    pub position: i32,
}

/// Checks the board form; an empty slug is made from the title.
pub fn validate_board(input: &BoardInput) -> Result<ValidBoard, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = required_text(&mut errors, "title", &input.title, BOARD_TITLE_MAX);
    let description = required_text(
        &mut errors,
        "description",
        &input.description,
        BOARD_DESCRIPTION_MAX,
    );
    let slug = match input.slug.trim() {
        "" => dias_core::slug::slugify(&title, SLUG_MAX, ""),
        s => s.to_owned(),
    };
    let slug_ok = dias_core::slug::is_valid(&slug, SLUG_MAX) && !RESERVED.contains(&slug.as_str());
    if !slug_ok && !title.is_empty() {
        errors.add("slug", "network-board-error-slug");
    }
    let position = match input.position.trim() {
        "" => 0,
        p => match p.parse::<i32>() {
            Ok(n) if (0..=10_000).contains(&n) => n,
            _ => {
                errors.add("position", "network-board-error-position");
                0
            }
        },
    };
    errors.into_result()?;
    Ok(ValidBoard {
        title,
        description,
        slug,
        position,
    })
}

/// A new thread as submitted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ThreadInput {
    pub title: String,
    pub body: String,
}

pub fn validate_thread(input: &ThreadInput) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = required_text(&mut errors, "title", &input.title, TITLE_MAX);
    let body = required_text(&mut errors, "body", &input.body, BODY_MAX);
    errors.into_result()?;
    Ok((title, body))
}

/// Whether `user_id` may still change the reply.
pub fn editable(r: &board_reply::Model, user_id: Option<i64>, now: i64) -> bool {
    user_id.is_some()
        && r.author_id == user_id
        && r.hidden_at.is_none()
        && r.deleted_at.is_none()
        && now - r.created_at <= EDIT_WINDOW_SECS
}

/// The page of a thread that shows the reply at 1-based `position`.
pub fn page_of(position: u64) -> u64 {
    position.saturating_sub(1) / REPLIES_PER_PAGE + 1
}

// ------------------------------------------------------------------ boards

/// All boards in their order.
pub async fn boards<C: ConnectionTrait>(db: &C) -> Result<Vec<board::Model>, DbErr> {
    board::Entity::find()
        .order_by_asc(board::Column::Position)
        .order_by_asc(board::Column::Title)
        .all(db)
        .await
}

pub async fn board_by_slug<C: ConnectionTrait>(db: &C, slug: &str) -> CoreResult<board::Model> {
    board::Entity::find()
        .filter(board::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)
}

pub async fn board_by_id<C: ConnectionTrait>(db: &C, id: i64) -> CoreResult<board::Model> {
    board::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)
}

/// Staff create a board; a taken slug is a field error.
pub async fn create_board(
    db: &DatabaseConnection,
    who: &Principal,
    v: &ValidBoard,
) -> CoreResult<board::Model> {
    let taken = board::Entity::find()
        .filter(board::Column::Slug.eq(&v.slug))
        .count(db)
        .await?
        > 0;
    if taken {
        return Err(CoreError::Invalid(FieldErrors::single(
            "slug",
            "network-board-error-slug-taken",
        )));
    }
    let txn = dias_core::db::begin_write(db).await?;
    let created = board::ActiveModel {
        slug: Set(v.slug.clone()),
        title: Set(v.title.clone()),
        description: Set(v.description.clone()),
        position: Set(v.position),
        threads_count: Set(0),
        replies_count: Set(0),
        last_activity_at: Set(None),
        created_by: Set(Some(who.user_id)),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    let created = match created {
        Ok(b) => b,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(CoreError::Invalid(FieldErrors::single(
                "slug",
                "network-board-error-slug-taken",
            )));
        }
        Err(e) => return Err(e.into()),
    };
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "network.board.created",
        "network_board",
        Some(&created.id.to_string()),
        serde_json::json!({ "slug": v.slug }),
    )
    .await?;
    txn.commit().await?;
    Ok(created)
}

// ------------------------------------------------------------------ threads

/// One page of a board's threads, latest activity first, and how many.
pub async fn threads_page<C: ConnectionTrait>(
    db: &C,
    board_id: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<board_thread::Model>, u64), DbErr> {
    let q = board_thread::Entity::find()
        .filter(board_thread::Column::BoardId.eq(board_id))
        .filter(board_thread::Column::DeletedAt.is_null());
    let total = q.clone().count(db).await?;
    let items = q
        .order_by_desc(board_thread::Column::LastActivityAt)
        .order_by_desc(board_thread::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((items, total))
}

pub async fn thread<C: ConnectionTrait>(db: &C, id: i64) -> CoreResult<board_thread::Model> {
    board_thread::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|t| t.deleted_at.is_none())
        .ok_or(CoreError::NotFound)
}

/// Opens a thread: stored with the board's counters, followed by its
/// author, announced to the board's followers; returns its id.
pub async fn create_thread(
    db: &DatabaseConnection,
    who: &Principal,
    b: &board::Model,
    input: &ThreadInput,
) -> CoreResult<i64> {
    let (title, body) = validate_thread(input)?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let t = board_thread::ActiveModel {
        board_id: Set(b.id),
        author_id: Set(Some(who.user_id)),
        title: Set(title.clone()),
        body_md: Set(body.clone()),
        replies_count: Set(0),
        last_activity_at: Set(now),
        edited_at: Set(None),
        hidden_at: Set(None),
        deleted_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    board::Entity::update_many()
        .col_expr(
            board::Column::ThreadsCount,
            Expr::col(board::Column::ThreadsCount).add(1),
        )
        .col_expr(board::Column::LastActivityAt, Expr::value(now))
        .filter(board::Column::Id.eq(b.id))
        .exec(&txn)
        .await?;
    notifications::follow(&txn, who.user_id, thread_target(t.id)).await?;
    notifications::notify_followers(
        &txn,
        board_target(b.id),
        Some(who.user_id),
        &[],
        &NewNotification {
            kind: "notif-network-board-thread",
            args: serde_json::json!({ "board": b.title }),
            title: &title,
            summary: &dias_core::markdown::to_plain_text(&body),
            link: &thread_path(t.id),
        },
    )
    .await?;
    outbox::search_changed(&txn, KIND_THREAD, &t.id.to_string()).await?;
    txn.commit().await?;
    Ok(t.id)
}

// ------------------------------------------------------------------ replies

/// One page of a thread's replies in order, and how many there are
/// (placeholders of deleted replies included: they keep the numbering).
pub async fn replies_page<C: ConnectionTrait>(
    db: &C,
    thread_id: i64,
    page: u64,
) -> Result<(Vec<board_reply::Model>, u64), DbErr> {
    let q = board_reply::Entity::find().filter(board_reply::Column::ThreadId.eq(thread_id));
    let total = q.clone().count(db).await?;
    let items = q
        .order_by_asc(board_reply::Column::Id)
        .offset(page.saturating_sub(1) * REPLIES_PER_PAGE)
        .limit(REPLIES_PER_PAGE)
        .all(db)
        .await?;
    Ok((items, total))
}

pub async fn reply<C: ConnectionTrait>(db: &C, id: i64) -> CoreResult<board_reply::Model> {
    board_reply::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)
}

/// Where a reply is shown: its thread page and anchor.
pub async fn reply_location<C: ConnectionTrait>(db: &C, id: i64) -> CoreResult<String> {
    let r = reply(db, id).await?;
    let position = board_reply::Entity::find()
        .filter(board_reply::Column::ThreadId.eq(r.thread_id))
        .filter(board_reply::Column::Id.lte(id))
        .count(db)
        .await?;
    let page = page_of(position);
    let base = thread_path(r.thread_id);
    Ok(if page == 1 {
        format!("{base}#antwort-{id}")
    } else {
        format!("{base}?seite={page}#antwort-{id}")
    })
}

/// Replies in a thread: stored with both counters, the author follows the
/// thread, its followers are told. Returns the reply id.
pub async fn create_reply(
    db: &DatabaseConnection,
    who: &Principal,
    t: &board_thread::Model,
    body: &str,
    quoted_id: Option<i64>,
) -> CoreResult<i64> {
    if t.hidden_at.is_some() {
        return Err(CoreError::Conflict(
            "network-board-error-thread-hidden".into(),
        ));
    }
    let mut errors = FieldErrors::new();
    let body = required_text(&mut errors, "body", body, BODY_MAX);
    errors.into_result()?;
    let quoted_id = match quoted_id {
        Some(q) => {
            let quoted = reply(db, q).await.ok().filter(|r| r.thread_id == t.id);
            quoted.map(|r| r.id)
        }
        None => None,
    };
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let r = board_reply::ActiveModel {
        thread_id: Set(t.id),
        author_id: Set(Some(who.user_id)),
        quoted_id: Set(quoted_id),
        body_md: Set(body.clone()),
        edited_at: Set(None),
        hidden_at: Set(None),
        deleted_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    board_thread::Entity::update_many()
        .col_expr(
            board_thread::Column::RepliesCount,
            Expr::col(board_thread::Column::RepliesCount).add(1),
        )
        .col_expr(board_thread::Column::LastActivityAt, Expr::value(now))
        .filter(board_thread::Column::Id.eq(t.id))
        .exec(&txn)
        .await?;
    board::Entity::update_many()
        .col_expr(
            board::Column::RepliesCount,
            Expr::col(board::Column::RepliesCount).add(1),
        )
        .col_expr(board::Column::LastActivityAt, Expr::value(now))
        .filter(board::Column::Id.eq(t.board_id))
        .exec(&txn)
        .await?;
    notifications::follow(&txn, who.user_id, thread_target(t.id)).await?;
    notifications::notify_followers(
        &txn,
        thread_target(t.id),
        Some(who.user_id),
        &[],
        &NewNotification {
            kind: "notif-network-board-reply",
            args: serde_json::json!({}),
            title: &t.title,
            summary: &dias_core::markdown::to_plain_text(&body),
            link: &reply_path(r.id),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(r.id)
}

/// The author changes a reply within the edit window.
pub async fn edit_reply(
    db: &DatabaseConnection,
    who: &Principal,
    id: i64,
    body: &str,
) -> CoreResult<board_reply::Model> {
    let r = reply(db, id).await?;
    if r.author_id != Some(who.user_id) || r.deleted_at.is_some() {
        return Err(CoreError::Forbidden);
    }
    if !editable(&r, Some(who.user_id), dias_core::time::now()) {
        return Err(CoreError::Conflict(
            "network-board-error-edit-window".into(),
        ));
    }
    let mut errors = FieldErrors::new();
    let body = required_text(&mut errors, "body", body, BODY_MAX);
    errors.into_result()?;
    board_reply::Entity::update_many()
        .col_expr(board_reply::Column::BodyMd, Expr::value(body))
        .col_expr(
            board_reply::Column::EditedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(board_reply::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(r)
}

/// The author deletes a reply: a placeholder stays, the counters go down,
/// inboxes stop quoting it.
pub async fn delete_reply(
    db: &DatabaseConnection,
    who: &Principal,
    id: i64,
) -> CoreResult<board_reply::Model> {
    let r = reply(db, id).await?;
    if r.author_id != Some(who.user_id) {
        return Err(CoreError::Forbidden);
    }
    let txn = dias_core::db::begin_write(db).await?;
    let done = board_reply::Entity::update_many()
        .col_expr(
            board_reply::Column::DeletedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(board_reply::Column::Id.eq(id))
        .filter(board_reply::Column::DeletedAt.is_null())
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(CoreError::NotFound);
    }
    board_thread::Entity::update_many()
        .col_expr(
            board_thread::Column::RepliesCount,
            Expr::col(board_thread::Column::RepliesCount).sub(1),
        )
        .filter(board_thread::Column::Id.eq(r.thread_id))
        .filter(board_thread::Column::RepliesCount.gt(0))
        .exec(&txn)
        .await?;
    let t = thread(&txn, r.thread_id).await?;
    board::Entity::update_many()
        .col_expr(
            board::Column::RepliesCount,
            Expr::col(board::Column::RepliesCount).sub(1),
        )
        .filter(board::Column::Id.eq(t.board_id))
        .filter(board::Column::RepliesCount.gt(0))
        .exec(&txn)
        .await?;
    notifications::redact_for_link(&txn, &reply_path(id)).await?;
    txn.commit().await?;
    Ok(r)
}

/// Display names of accounts, in one query.
pub async fn names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, DbErr> {
    use dias_core::entities::user;
    let ids: HashSet<i64> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .column(user::Column::DisplayName)
        .filter(user::Column::Id.is_in(ids))
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

// ------------------------------------------------------------------ moderation

/// What can be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Thread,
    Reply,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Thread => "thread",
            Kind::Reply => "reply",
        }
    }

    pub fn parse(value: &str) -> Option<Kind> {
        match value.trim() {
            "thread" => Some(Kind::Thread),
            "reply" => Some(Kind::Reply),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ModTarget {
    pub kind: Kind,
    pub id: i64,
}

impl ModTarget {
    pub fn parse(kind: &str, id: &str) -> Option<ModTarget> {
        Some(ModTarget {
            kind: Kind::parse(kind)?,
            id: id.trim().parse().ok().filter(|id| *id > 0)?,
        })
    }
}

/// A reportable item as moderation sees it.
#[derive(Debug, Clone)]
pub struct Content {
    pub target: ModTarget,
    pub author_id: Option<i64>,
    pub text: String,
    pub hidden: bool,
    pub deleted: bool,
    /// The thread it belongs to (itself for a thread).
    pub thread_id: i64,
}

/// Loads targets with at most two queries.
pub async fn contents<C: ConnectionTrait>(
    db: &C,
    targets: &[ModTarget],
) -> Result<HashMap<ModTarget, Content>, DbErr> {
    let ids = |kind: Kind| -> Vec<i64> {
        targets
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.id)
            .collect()
    };
    let mut out = HashMap::new();
    let thread_ids = ids(Kind::Thread);
    if !thread_ids.is_empty() {
        for t in board_thread::Entity::find()
            .filter(board_thread::Column::Id.is_in(thread_ids))
            .all(db)
            .await?
        {
            let target = ModTarget {
                kind: Kind::Thread,
                id: t.id,
            };
            out.insert(
                target,
                Content {
                    target,
                    author_id: t.author_id,
                    text: format!("{}: {}", t.title, t.body_md),
                    hidden: t.hidden_at.is_some(),
                    deleted: t.deleted_at.is_some(),
                    thread_id: t.id,
                },
            );
        }
    }
    let reply_ids = ids(Kind::Reply);
    if !reply_ids.is_empty() {
        for r in board_reply::Entity::find()
            .filter(board_reply::Column::Id.is_in(reply_ids))
            .all(db)
            .await?
        {
            let target = ModTarget {
                kind: Kind::Reply,
                id: r.id,
            };
            out.insert(
                target,
                Content {
                    target,
                    author_id: r.author_id,
                    text: r.body_md,
                    hidden: r.hidden_at.is_some(),
                    deleted: r.deleted_at.is_some(),
                    thread_id: r.thread_id,
                },
            );
        }
    }
    Ok(out)
}

pub async fn content<C: ConnectionTrait>(db: &C, target: ModTarget) -> CoreResult<Content> {
    contents(db, &[target])
        .await?
        .remove(&target)
        .ok_or(CoreError::NotFound)
}

impl Content {
    /// Where the item is shown.
    pub fn link(&self) -> String {
        match self.target.kind {
            Kind::Thread => thread_path(self.target.id),
            Kind::Reply => reply_path(self.target.id),
        }
    }

    pub fn excerpt(&self) -> String {
        let text = self.text.trim();
        if text.chars().count() <= 280 {
            text.to_owned()
        } else {
            let cut: String = text.chars().take(280).collect();
            format!("{}…", cut.trim_end())
        }
    }
}

/// Reports an item; returns whether this report hid it. Refused for one's
/// own content, twice by one person and for hidden or deleted content.
pub async fn report(
    db: &DatabaseConnection,
    who: &Principal,
    target: ModTarget,
    reason: &str,
    note: &str,
) -> CoreResult<bool> {
    let found = content(db, target).await?;
    let note = moderation::check_report(
        who.user_id,
        moderation::Reportable {
            author_id: found.author_id,
            hidden: found.hidden,
            deleted: found.deleted,
        },
        reason,
        note,
    )?;
    let of_target = || {
        board_report::Entity::find()
            .filter(board_report::Column::TargetKind.eq(target.kind.as_str()))
            .filter(board_report::Column::TargetId.eq(target.id))
    };
    let now = dias_core::time::now();
    let inserted = board_report::ActiveModel {
        target_kind: Set(target.kind.as_str().to_owned()),
        target_id: Set(target.id),
        reporter_id: Set(who.user_id),
        reason: Set(reason.to_owned()),
        note: Set(note),
        status: Set("open".into()),
        created_at: Set(now),
        resolved_by: Set(None),
        resolved_at: Set(None),
        ..Default::default()
    }
    .insert(db)
    .await;
    match inserted {
        Ok(_) => {}
        // The unique index decides between a person's two submissions.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(CoreError::Conflict(moderation::DUPLICATE.into()));
        }
        Err(e) => return Err(e.into()),
    }
    // Counted after the report is committed, so that of reports sent at
    // once the later sees both; the conditional update lets one of them
    // hide and log.
    let txn = dias_core::db::begin_write(db).await?;
    let open = of_target()
        .filter(board_report::Column::Status.eq("open"))
        .count(&txn)
        .await?;
    let mut hidden = false;
    if moderation::hides(open, REPORT_THRESHOLD) && set_hidden(&txn, target, Some(now)).await? {
        write_log(
            &txn,
            None,
            Action::Hide,
            target,
            "",
            serde_json::json!({ "automatic": true, "reports": open }),
        )
        .await?;
        hidden = true;
    }
    txn.commit().await?;
    Ok(hidden)
}

/// Sets or clears `hidden_at`; true when the row changed.
async fn set_hidden<C: ConnectionTrait>(
    db: &C,
    target: ModTarget,
    hidden_at: Option<i64>,
) -> Result<bool, DbErr> {
    let rows = match target.kind {
        Kind::Thread => {
            let q = board_thread::Entity::update_many()
                .col_expr(board_thread::Column::HiddenAt, Expr::value(hidden_at))
                .filter(board_thread::Column::Id.eq(target.id));
            let rows = match hidden_at {
                Some(_) => q.filter(board_thread::Column::HiddenAt.is_null()),
                None => q.filter(board_thread::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
            .rows_affected;
            if rows > 0 {
                outbox::search_changed(db, KIND_THREAD, &target.id.to_string()).await?;
            }
            rows
        }
        Kind::Reply => {
            let q = board_reply::Entity::update_many()
                .col_expr(board_reply::Column::HiddenAt, Expr::value(hidden_at))
                .filter(board_reply::Column::Id.eq(target.id));
            match hidden_at {
                Some(_) => q.filter(board_reply::Column::HiddenAt.is_null()),
                None => q.filter(board_reply::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
            .rows_affected
        }
    };
    if rows > 0 && hidden_at.is_some() {
        let link = match target.kind {
            Kind::Thread => thread_path(target.id),
            Kind::Reply => reply_path(target.id),
        };
        notifications::redact_for_link(db, &link).await?;
    }
    Ok(rows > 0)
}

async fn write_log<C: ConnectionTrait>(
    db: &C,
    moderator: Option<&Principal>,
    action: Action,
    target: ModTarget,
    reason: &str,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    board_moderation_log::ActiveModel {
        moderator_id: Set(moderator.map(|m| m.user_id)),
        action: Set(action.as_str().to_owned()),
        target_kind: Set(target.kind.as_str().to_owned()),
        target_id: Set(target.id),
        reason: Set(reason.to_owned()),
        at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    dias_core::audit::record(
        db,
        moderator.map(|m| m.user_id),
        &format!("network.board.moderation.{}", action.as_str()),
        &format!("network_board_{}", target.kind.as_str()),
        Some(&target.id.to_string()),
        details,
    )
    .await
}

async fn close_reports<C: ConnectionTrait>(
    db: &C,
    who: &Principal,
    target: ModTarget,
    status: &str,
) -> Result<u64, DbErr> {
    Ok(board_report::Entity::update_many()
        .col_expr(board_report::Column::Status, Expr::value(status))
        .col_expr(board_report::Column::ResolvedBy, Expr::value(who.user_id))
        .col_expr(
            board_report::Column::ResolvedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(board_report::Column::TargetKind.eq(target.kind.as_str()))
        .filter(board_report::Column::TargetId.eq(target.id))
        .filter(board_report::Column::Status.eq("open"))
        .exec(db)
        .await?
        .rows_affected)
}

/// A moderator hides, restores or dismisses; the caller checked
/// [`BoardAction::Moderate`].
pub async fn act(
    db: &DatabaseConnection,
    who: &Principal,
    action: Action,
    target: ModTarget,
    reason: &str,
) -> CoreResult<()> {
    content(db, target).await?;
    let reason = reason.trim().to_owned();
    if reason.chars().count() > NOTE_MAX {
        return Err(CoreError::Invalid(FieldErrors::single(
            "reason",
            "error-too-long",
        )));
    }
    let txn = dias_core::db::begin_write(db).await?;
    let closed = match action {
        Action::Hide => {
            set_hidden(&txn, target, Some(dias_core::time::now())).await?;
            close_reports(&txn, who, target, "actioned").await?
        }
        Action::Restore => {
            if !set_hidden(&txn, target, None).await? {
                return Err(CoreError::Conflict("network-board-error-not-hidden".into()));
            }
            close_reports(&txn, who, target, "dismissed").await?
        }
        Action::Dismiss => {
            let closed = close_reports(&txn, who, target, "dismissed").await?;
            if closed == 0 {
                return Err(CoreError::Conflict("network-board-error-no-reports".into()));
            }
            closed
        }
        // The exchange publishes at once and blocks accounts only through
        // the administration.
        Action::Approve | Action::Block => return Err(CoreError::NotFound),
    };
    write_log(
        &txn,
        Some(who),
        action,
        target,
        &reason,
        serde_json::json!({ "reports_closed": closed, "reason": reason }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// An item in the moderation queue.
#[derive(Debug, Clone)]
pub struct QueueItem {
    pub content: Content,
    pub author: String,
    pub reports: i64,
    /// Open reports per reason, in the order of [`REASONS`].
    pub reasons: Vec<(&'static str, i64)>,
    pub notes: Vec<String>,
    pub last_at: i64,
}

#[derive(Debug, FromQueryResult)]
struct Group {
    target_kind: String,
    target_id: i64,
    reports: i64,
    last_at: i64,
}

/// Items with open reports (newest report first, one page) and how many;
/// plus items hidden by moderation without open reports are reachable from
/// the log. The number of queries does not grow with the page.
pub async fn queue(
    db: &DatabaseConnection,
    page: u64,
    per_page: u64,
) -> Result<(Vec<QueueItem>, u64), DbErr> {
    let grouped = board_report::Entity::find()
        .select_only()
        .column(board_report::Column::TargetKind)
        .column(board_report::Column::TargetId)
        .column_as(board_report::Column::Id.count(), "reports")
        .column_as(board_report::Column::CreatedAt.max(), "last_at")
        .filter(board_report::Column::Status.eq("open"))
        .group_by(board_report::Column::TargetKind)
        .group_by(board_report::Column::TargetId);
    let total = grouped.clone().into_model::<Group>().count(db).await?;
    let groups: Vec<(ModTarget, Group)> = grouped
        .order_by_desc(Expr::col("last_at"))
        .order_by_desc(board_report::Column::TargetId)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .into_model::<Group>()
        .all(db)
        .await?
        .into_iter()
        .filter_map(|g| {
            Kind::parse(&g.target_kind).map(|kind| {
                (
                    ModTarget {
                        kind,
                        id: g.target_id,
                    },
                    g,
                )
            })
        })
        .collect();
    let mut open: HashMap<ModTarget, Vec<board_report::Model>> = HashMap::new();
    if !groups.is_empty() {
        let mut any = Condition::any();
        for kind in [Kind::Thread, Kind::Reply] {
            let ids: Vec<i64> = groups
                .iter()
                .filter(|(t, _)| t.kind == kind)
                .map(|(t, _)| t.id)
                .collect();
            if !ids.is_empty() {
                any = any.add(
                    Condition::all()
                        .add(board_report::Column::TargetKind.eq(kind.as_str()))
                        .add(board_report::Column::TargetId.is_in(ids)),
                );
            }
        }
        for r in board_report::Entity::find()
            .filter(board_report::Column::Status.eq("open"))
            .filter(any)
            .order_by_asc(board_report::Column::Id)
            .all(db)
            .await?
        {
            if let Some(kind) = Kind::parse(&r.target_kind) {
                open.entry(ModTarget {
                    kind,
                    id: r.target_id,
                })
                .or_default()
                .push(r);
            }
        }
    }
    let targets: Vec<ModTarget> = groups.iter().map(|(t, _)| *t).collect();
    let found = contents(db, &targets).await?;
    let authors = names(db, found.values().filter_map(|c| c.author_id)).await?;
    let items = groups
        .into_iter()
        .filter_map(|(target, g)| {
            let content = found.get(&target)?.clone();
            let list = open.get(&target);
            Some(QueueItem {
                author: content
                    .author_id
                    .and_then(|a| authors.get(&a).cloned())
                    .unwrap_or_default(),
                reasons: moderation::reason_counts(
                    list.into_iter().flatten().map(|m| m.reason.as_str()),
                ),
                notes: list
                    .map(|l| {
                        l.iter()
                            .filter(|m| !m.note.is_empty())
                            .map(|m| m.note.clone())
                            .collect()
                    })
                    .unwrap_or_default(),
                reports: g.reports,
                last_at: g.last_at,
                content,
            })
        })
        .collect();
    Ok((items, total))
}

/// A log entry with the moderator's name (None: the system).
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub entry: board_moderation_log::Model,
    pub moderator: Option<String>,
}

/// The newest log entries.
pub async fn log(db: &DatabaseConnection, limit: u64) -> Result<Vec<LogEntry>, DbErr> {
    let rows = board_moderation_log::Entity::find()
        .order_by_desc(board_moderation_log::Column::Id)
        .limit(limit)
        .all(db)
        .await?;
    let who = names(db, rows.iter().filter_map(|r| r.moderator_id)).await?;
    Ok(rows
        .into_iter()
        .map(|entry| LogEntry {
            moderator: entry
                .moderator_id
                .map(|id| who.get(&id).cloned().unwrap_or_default()),
            entry,
        })
        .collect())
}

// ------------------------------------------------------------------ search

pub struct ThreadSource;

fn doc(t: &board_thread::Model, board_title: &str) -> SearchDoc {
    SearchDoc {
        kind: KIND_THREAD.into(),
        id: t.id.to_string(),
        title: t.title.clone(),
        body: format!(
            "{board_title} {}",
            dias_core::markdown::to_plain_text(&t.body_md)
        ),
        url: thread_path(t.id),
        date: Some(t.created_at),
    }
}

fn visible() -> Condition {
    Condition::all()
        .add(board_thread::Column::HiddenAt.is_null())
        .add(board_thread::Column::DeletedAt.is_null())
}

#[async_trait::async_trait]
impl SearchSource for ThreadSource {
    fn kind(&self) -> &'static str {
        KIND_THREAD
    }
    fn label_key(&self) -> &'static str {
        "network-search-kind-thread"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        let titles: HashMap<i64, String> = boards(db)
            .await?
            .into_iter()
            .map(|b| (b.id, b.title))
            .collect();
        Ok(board_thread::Entity::find()
            .filter(visible())
            .all(db)
            .await?
            .iter()
            .map(|t| doc(t, titles.get(&t.board_id).map_or("", String::as_str)))
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let Some(t) = board_thread::Entity::find_by_id(id)
            .filter(visible())
            .one(db)
            .await?
        else {
            return Ok(None);
        };
        let title = board::Entity::find_by_id(t.board_id)
            .one(db)
            .await?
            .map(|b| b.title)
            .unwrap_or_default();
        Ok(Some(doc(&t, &title)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn board_slugs_come_from_the_title_and_never_shadow_pages() {
        let input = BoardInput {
            title: "Recht und Ethik".into(),
            description: "Fragen zu KI-Verordnung und Datenschutz".into(),
            slug: String::new(),
            position: "4".into(),
        };
        let v = validate_board(&input).unwrap();
        assert_eq!(v.slug, "recht-und-ethik");
        assert_eq!(v.position, 4);
        for bad in ["moderation", "themen", "Gross", "mit leer", "-x"] {
            let input = BoardInput {
                slug: bad.into(),
                ..input.clone()
            };
            assert!(validate_board(&input).is_err(), "{bad}");
        }
    }

    #[test]
    fn replies_are_paged_by_fifty_and_editable_for_fifteen_minutes() {
        assert_eq!(page_of(1), 1);
        assert_eq!(page_of(50), 1);
        assert_eq!(page_of(51), 2);
        let r = board_reply::Model {
            id: 1,
            thread_id: 1,
            author_id: Some(7),
            quoted_id: None,
            body_md: "Text".into(),
            edited_at: None,
            hidden_at: None,
            deleted_at: None,
            created_at: 1_000,
        };
        assert!(editable(&r, Some(7), 1_000 + EDIT_WINDOW_SECS));
        assert!(!editable(&r, Some(7), 1_001 + EDIT_WINDOW_SECS));
        assert!(!editable(&r, Some(8), 1_000));
        assert!(!editable(&r, None, 1_000));
    }
}
