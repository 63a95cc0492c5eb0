//! Moderation: reports, automatic hiding, queues and moderator actions.
//!
//! Any signed-in person may report (melden) a comment, proposal or change
//! suggestion of someone else once, with a reason. When a target has
//! `process.report_threshold` open reports it is hidden automatically and
//! the system's action is logged (a `moderation_log` row without
//! moderator); a threshold below 1 switches the automatic hide off.
//! Moderators work a queue per process or across processes and act on a
//! target:
//!
//! | action    | content                | open reports become |
//! |-----------|------------------------|---------------------|
//! | `hide`    | hidden                 | `actioned`          |
//! | `restore` | visible again          | `dismissed`         |
//! | `dismiss` | unchanged              | `dismissed`         |
//! | `approve` | visible (pre-moderated)| –                   |
//! | `block`   | unchanged; author blocked | –                |
//!
//! Every action is written to `moderation_log` and to the core audit log in
//! the transaction that makes the change (blocking goes through
//! `dias_core::accounts::set_blocked`, which has its own transaction and
//! audit entry; the moderation entry follows it).
//!
//! **Pre-moderation** needs no extra column: content created while
//! `process.premoderation` is on is stored with `hidden_at` set, and the only
//! other way to get `hidden_at` is a `hide` (by a moderator or the system),
//! which always writes a log entry. So content *awaits approval* exactly
//! when it is hidden and the log has no entry for it; `approve` clears
//! `hidden_at` and writes the first entry. A pre-moderated target that a
//! moderator hides instead is simply hidden (and may be restored later).
//!
//! Hidden comments stay in their thread as a placeholder; hidden proposals
//! and suggestions disappear for everyone but staff.

use std::collections::{HashMap, HashSet};

use dias_core::policy::Principal;
use dias_core::validation::FieldErrors;
use dias_core::{CoreError, CoreResult, moderation, outbox};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    SqlErr,
};

use crate::entities::{comment, moderation_log, process, proposal, report, suggestion};
use crate::store::KIND_PROPOSAL;

pub use dias_core::moderation::{Action, NOTE_MAX, REASONS};
/// Longest reason for blocking (the accounts table keeps 500).
pub const BLOCK_REASON_MAX: usize = 500;
/// Items awaiting pre-moderation shown at once (oldest first).
pub const PENDING_LIMIT: u64 = 50;
/// Characters of content shown in the queue.
const EXCERPT_CHARS: usize = 280;

/// What can be reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    Comment,
    Proposal,
    Suggestion,
}

impl TargetKind {
    pub const ALL: [TargetKind; 3] = [
        TargetKind::Comment,
        TargetKind::Proposal,
        TargetKind::Suggestion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Comment => "comment",
            TargetKind::Proposal => "proposal",
            TargetKind::Suggestion => "suggestion",
        }
    }

    pub fn parse(value: &str) -> Option<TargetKind> {
        TargetKind::ALL.into_iter().find(|k| k.as_str() == value)
    }
}

/// A reportable piece of content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReportTarget {
    pub kind: TargetKind,
    pub id: i64,
}

impl ReportTarget {
    /// From form fields; None when either is not valid.
    pub fn parse(kind: &str, id: &str) -> Option<ReportTarget> {
        Some(ReportTarget {
            kind: TargetKind::parse(kind.trim())?,
            id: id.trim().parse().ok().filter(|id| *id > 0)?,
        })
    }
}

/// Where a target is shown: a path below `/beteiligung/{slug}` and an
/// optional fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetLink {
    pub path: String,
    pub fragment: Option<String>,
}

impl TargetLink {
    pub fn href(&self) -> String {
        match &self.fragment {
            Some(f) => format!("{}#{f}", self.path),
            None => self.path.clone(),
        }
    }

    /// The link with `hinweis=KEY` in its query, before the fragment.
    pub fn with_notice(&self, key: &str) -> String {
        let join = if self.path.contains('?') { '&' } else { '?' };
        let mut href = format!("{}{join}hinweis={key}", self.path);
        if let Some(f) = &self.fragment {
            href.push('#');
            href.push_str(f);
        }
        href
    }
}

/// Where a target lives, relative to its process page.
#[derive(Debug, Clone)]
enum Place {
    Proposal(i64),
    Paragraph(i64),
    /// A comment's permalink, which finds its page (discussions are paged).
    Comment(i64),
}

/// A target as moderation sees it.
#[derive(Debug, Clone)]
pub struct Content {
    pub target: ReportTarget,
    pub process_id: i64,
    pub author_id: i64,
    pub text: String,
    pub hidden_at: Option<i64>,
    pub deleted: bool,
    place: Place,
    fragment: Option<String>,
}

impl Content {
    /// The page showing the target in the process with `slug`.
    pub fn link(&self, slug: &str) -> TargetLink {
        let path = match self.place {
            Place::Proposal(id) => format!("/beteiligung/{slug}/vorschlaege/{id}"),
            Place::Paragraph(id) => format!("/beteiligung/{slug}/text/{id}"),
            Place::Comment(id) => format!("/beteiligung/{slug}{}", comment_link_suffix(id)),
        };
        TargetLink {
            path,
            fragment: self.fragment.clone(),
        }
    }

    /// Where the target is shown right now: for a comment the page of its
    /// discussion that holds it (for a redirect after an action), while
    /// [`Content::link`] gives the lasting permalink (for queues and mail).
    pub async fn located_link(
        &self,
        db: &sea_orm::DatabaseConnection,
        slug: &str,
    ) -> dias_core::CoreResult<TargetLink> {
        match self.place {
            Place::Comment(id) => {
                let place = crate::store::comment_location(db, self.process_id, id).await?;
                let (path, fragment) = match place.split_once('#') {
                    Some((path, fragment)) => (path.to_owned(), Some(fragment.to_owned())),
                    None => (place, None),
                };
                Ok(TargetLink {
                    path: format!("/beteiligung/{slug}{path}"),
                    fragment,
                })
            }
            _ => Ok(self.link(slug)),
        }
    }

    /// The first characters of the text, for the queue.
    pub fn excerpt(&self) -> String {
        let text = self.text.trim();
        if text.chars().count() <= EXCERPT_CHARS {
            text.to_owned()
        } else {
            let cut: String = text.chars().take(EXCERPT_CHARS).collect();
            format!("{}…", cut.trim_end())
        }
    }
}

/// Loads targets with a constant number of queries (comments, suggestions,
/// proposals), whatever their number.
pub async fn load_contents<C: ConnectionTrait>(
    db: &C,
    targets: &[ReportTarget],
) -> Result<HashMap<ReportTarget, Content>, DbErr> {
    let ids_of = |kind: TargetKind| -> Vec<i64> {
        targets
            .iter()
            .filter(|t| t.kind == kind)
            .map(|t| t.id)
            .collect()
    };
    let mut out = HashMap::new();
    let comment_ids = ids_of(TargetKind::Comment);
    let comments = if comment_ids.is_empty() {
        Vec::new()
    } else {
        comment::Entity::find()
            .filter(comment::Column::Id.is_in(comment_ids))
            .all(db)
            .await?
    };
    // Comments link to their permalink, which finds the page they are on.
    let suggestion_ids = ids_of(TargetKind::Suggestion);
    let suggestions: HashMap<i64, suggestion::Model> = if suggestion_ids.is_empty() {
        HashMap::new()
    } else {
        suggestion::Entity::find()
            .filter(suggestion::Column::Id.is_in(suggestion_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect()
    };
    for c in comments {
        let target = ReportTarget {
            kind: TargetKind::Comment,
            id: c.id,
        };
        out.insert(
            target,
            Content {
                target,
                process_id: c.process_id,
                author_id: c.author_id,
                text: c.body,
                hidden_at: c.hidden_at,
                deleted: c.deleted_at.is_some(),
                place: Place::Comment(c.id),
                fragment: None,
            },
        );
    }
    for id in ids_of(TargetKind::Suggestion) {
        if let Some(s) = suggestions.get(&id) {
            let target = ReportTarget {
                kind: TargetKind::Suggestion,
                id,
            };
            out.insert(
                target,
                Content {
                    target,
                    process_id: s.process_id,
                    author_id: s.author_id,
                    text: format!("{}\n\n{}", s.new_text, s.reason),
                    hidden_at: s.hidden_at,
                    deleted: false,
                    place: Place::Paragraph(s.paragraph_id),
                    fragment: Some(format!("aenderung-{id}")),
                },
            );
        }
    }
    let proposal_ids = ids_of(TargetKind::Proposal);
    if !proposal_ids.is_empty() {
        for p in proposal::Entity::find()
            .filter(proposal::Column::Id.is_in(proposal_ids))
            .all(db)
            .await?
        {
            let target = ReportTarget {
                kind: TargetKind::Proposal,
                id: p.id,
            };
            out.insert(
                target,
                Content {
                    target,
                    process_id: p.process_id,
                    author_id: p.author_id,
                    text: format!("{}: {}", p.title, p.body_md),
                    hidden_at: p.hidden_at,
                    deleted: p.withdrawn_at.is_some(),
                    place: Place::Proposal(p.id),
                    fragment: None,
                },
            );
        }
    }
    Ok(out)
}

/// One target of a process, or NotFound.
pub async fn content<C: ConnectionTrait>(
    db: &C,
    process_id: i64,
    target: ReportTarget,
) -> CoreResult<Content> {
    load_contents(db, &[target])
        .await?
        .remove(&target)
        .filter(|c| c.process_id == process_id)
        .ok_or(CoreError::NotFound)
}

// ------------------------------------------------------------------ reporting

/// What a report led to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    /// The report reached the threshold and the target is now hidden.
    pub hidden: bool,
    /// The page showing the target.
    pub link: TargetLink,
}

/// Reports a target. Refused (with a message id) for one's own content, a
/// second report of the same target and content that is already hidden;
/// invalid reason or note → field errors. Reaching the process's threshold
/// of open reports hides the target (logged as the system's `hide`).
pub async fn report(
    db: &DatabaseConnection,
    who: &Principal,
    process: &process::Model,
    target: ReportTarget,
    reason: &str,
    note: &str,
) -> CoreResult<Reported> {
    let found = content(db, process.id, target).await?;
    let note = moderation::check_report(
        who.user_id,
        moderation::Reportable {
            author_id: Some(found.author_id),
            hidden: found.hidden_at.is_some(),
            deleted: found.deleted,
        },
        reason,
        note,
    )?;

    let txn = dias_core::db::begin_write(db).await?;
    let of_target = || {
        report::Entity::find()
            .filter(report::Column::TargetKind.eq(target.kind.as_str()))
            .filter(report::Column::TargetId.eq(target.id))
    };
    let duplicate = of_target()
        .filter(report::Column::ReporterId.eq(who.user_id))
        .count(&txn)
        .await?
        > 0;
    if duplicate {
        return Err(CoreError::Conflict(moderation::DUPLICATE.into()));
    }
    let now = dias_core::time::now();
    let inserted = report::ActiveModel {
        process_id: Set(process.id),
        target_kind: Set(target.kind.as_str().to_owned()),
        target_id: Set(target.id),
        reporter_id: Set(who.user_id),
        reason: Set(reason.to_owned()),
        note: Set(note),
        status: Set("open".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await;
    match inserted {
        Ok(_) => {}
        // Two submissions at once: the unique index decides.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(CoreError::Conflict(moderation::DUPLICATE.into()));
        }
        Err(e) => return Err(e.into()),
    }
    txn.commit().await?;

    // Counted after the report is committed, so that of two reports sent at
    // once the later one sees both; the conditional update lets exactly one
    // of them hide and log.
    let threshold = u64::try_from(process.report_threshold).unwrap_or(0);
    let mut hidden = false;
    if threshold >= 1 {
        let txn = dias_core::db::begin_write(db).await?;
        let open = of_target()
            .filter(report::Column::Status.eq("open"))
            .count(&txn)
            .await?;
        if moderation::hides(open, threshold) && set_hidden(&txn, target, Some(now)).await? {
            write_log(
                &txn,
                None,
                process.id,
                Action::Hide,
                target,
                None,
                "",
                serde_json::json!({ "automatic": true, "reports": open }),
            )
            .await?;
            hidden = true;
        }
        txn.commit().await?;
    }
    Ok(Reported {
        hidden,
        link: found.located_link(db, &process.slug).await?,
    })
}

/// Sets or clears `hidden_at`; true when the row changed. Proposals also
/// tell the search index.
/// How every notification link to comment `id` ends (its permalink).
pub(crate) fn comment_link_suffix(id: i64) -> String {
    format!("/kommentare/{id}")
}

async fn set_hidden<C: ConnectionTrait>(
    db: &C,
    target: ReportTarget,
    hidden_at: Option<i64>,
) -> Result<bool, DbErr> {
    let value = Expr::value(hidden_at);
    let rows = match target.kind {
        TargetKind::Comment => {
            let q = comment::Entity::update_many()
                .col_expr(comment::Column::HiddenAt, value)
                .filter(comment::Column::Id.eq(target.id));
            let rows = match hidden_at {
                Some(_) => q.filter(comment::Column::HiddenAt.is_null()),
                None => q.filter(comment::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
            .rows_affected;
            if rows > 0 && hidden_at.is_some() {
                // Inboxes no longer quote what moderation took down.
                dias_core::notifications::redact_for_link(db, &comment_link_suffix(target.id))
                    .await?;
            }
            rows
        }
        TargetKind::Proposal => {
            let q = proposal::Entity::update_many()
                .col_expr(proposal::Column::HiddenAt, value)
                .filter(proposal::Column::Id.eq(target.id));
            match hidden_at {
                Some(_) => q.filter(proposal::Column::HiddenAt.is_null()),
                None => q.filter(proposal::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
            .rows_affected
        }
        TargetKind::Suggestion => {
            let q = suggestion::Entity::update_many()
                .col_expr(suggestion::Column::HiddenAt, value)
                .filter(suggestion::Column::Id.eq(target.id));
            match hidden_at {
                Some(_) => q.filter(suggestion::Column::HiddenAt.is_null()),
                None => q.filter(suggestion::Column::HiddenAt.is_not_null()),
            }
            .exec(db)
            .await?
            .rows_affected
        }
    };
    if rows > 0 && target.kind == TargetKind::Proposal {
        outbox::search_changed(db, KIND_PROPOSAL, &target.id.to_string()).await?;
    }
    Ok(rows > 0)
}

/// Writes the moderation log entry and the audit entry of one action.
#[expect(clippy::too_many_arguments, reason = "one row with its fields")]
async fn write_log<C: ConnectionTrait>(
    db: &C,
    moderator: Option<&Principal>,
    process_id: i64,
    action: Action,
    target: ReportTarget,
    user_id: Option<i64>,
    reason: &str,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    let now = dias_core::time::now();
    moderation_log::ActiveModel {
        process_id: Set(process_id),
        moderator_id: Set(moderator.map(|m| m.user_id)),
        action: Set(action.as_str().to_owned()),
        target_kind: Set(target.kind.as_str().to_owned()),
        target_id: Set(Some(target.id)),
        user_id: Set(user_id),
        reason: Set(reason.to_owned()),
        at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let mut details = details;
    if let Some(map) = details.as_object_mut() {
        map.insert("process_id".into(), process_id.into());
        if !reason.is_empty() {
            map.insert("reason".into(), reason.into());
        }
        if let Some(user_id) = user_id {
            map.insert("user_id".into(), user_id.into());
        }
    }
    dias_core::audit::record(
        db,
        moderator.map(|m| m.user_id),
        &format!("moderation.{}", action.as_str()),
        target.kind.as_str(),
        Some(&target.id.to_string()),
        details,
    )
    .await
}

/// Closes the open reports of a target; returns how many.
async fn close_reports<C: ConnectionTrait>(
    db: &C,
    who: &Principal,
    target: ReportTarget,
    status: &str,
) -> Result<u64, DbErr> {
    Ok(report::Entity::update_many()
        .col_expr(report::Column::Status, Expr::value(status))
        .col_expr(report::Column::ResolvedBy, Expr::value(who.user_id))
        .col_expr(
            report::Column::ResolvedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(report::Column::TargetKind.eq(target.kind.as_str()))
        .filter(report::Column::TargetId.eq(target.id))
        .filter(report::Column::Status.eq("open"))
        .exec(db)
        .await?
        .rows_affected)
}

/// Whether a hidden target has never been moderated, i.e. it was hidden at
/// creation by pre-moderation and awaits approval.
async fn never_moderated<C: ConnectionTrait>(db: &C, target: ReportTarget) -> Result<bool, DbErr> {
    Ok(moderation_log::Entity::find()
        .filter(moderation_log::Column::TargetKind.eq(target.kind.as_str()))
        .filter(moderation_log::Column::TargetId.eq(target.id))
        .count(db)
        .await?
        == 0)
}

// ------------------------------------------------------------------ actions

/// Carries out a moderator's action on a target of `process`. The caller
/// has checked `ParticipationAction::Moderate`. `reason` is optional except
/// for blocking; it is stored in the log.
pub async fn act(
    db: &DatabaseConnection,
    who: &Principal,
    process: &process::Model,
    action: Action,
    target: ReportTarget,
    reason: &str,
) -> CoreResult<()> {
    let found = content(db, process.id, target).await?;
    let reason = reason.trim().to_owned();
    let mut errors = FieldErrors::new();
    if action == Action::Block {
        dias_core::validation::required_text(&mut errors, "reason", &reason, BLOCK_REASON_MAX);
    } else if reason.chars().count() > NOTE_MAX {
        errors.add("reason", "error-too-long");
    }
    errors.into_result()?;

    if action == Action::Block {
        return block_author(db, who, process, &found, &reason).await;
    }
    let txn = dias_core::db::begin_write(db).await?;
    let details = match action {
        Action::Hide => {
            set_hidden(&txn, target, Some(dias_core::time::now())).await?;
            let closed = close_reports(&txn, who, target, "actioned").await?;
            serde_json::json!({ "reports_closed": closed })
        }
        Action::Restore => {
            if !set_hidden(&txn, target, None).await? {
                return Err(CoreError::Conflict("moderation-not-hidden".into()));
            }
            let closed = close_reports(&txn, who, target, "dismissed").await?;
            serde_json::json!({ "reports_closed": closed })
        }
        Action::Dismiss => {
            let closed = close_reports(&txn, who, target, "dismissed").await?;
            if closed == 0 {
                return Err(CoreError::Conflict("moderation-no-open-reports".into()));
            }
            serde_json::json!({ "reports_closed": closed })
        }
        Action::Approve => {
            if found.hidden_at.is_none() || !never_moderated(&txn, target).await? {
                return Err(CoreError::Conflict("moderation-not-pending".into()));
            }
            set_hidden(&txn, target, None).await?;
            // Held back until now, the news of a comment goes out on approval.
            if target.kind == TargetKind::Comment
                && let Some(c) = comment::Entity::find_by_id(target.id).one(&txn).await?
            {
                crate::notify::comment_added(&txn, c.author_id, &c, c.parent_id).await?;
            }
            serde_json::json!({})
        }
        Action::Block => serde_json::json!({}),
    };
    write_log(
        &txn,
        Some(who),
        process.id,
        action,
        target,
        None,
        &reason,
        details,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Blocks the author of a target (never moderators, staff or admins: that
/// is the administrators' business). Blocking ends the author's sessions.
async fn block_author(
    db: &DatabaseConnection,
    who: &Principal,
    process: &process::Model,
    found: &Content,
    reason: &str,
) -> CoreResult<()> {
    use dias_core::entities::user;
    let author = user::Entity::find_by_id(found.author_id)
        .one(db)
        .await?
        .filter(|u| u.deleted_at.is_none())
        .ok_or(CoreError::NotFound)?;
    if dias_core::policy::Role::parse(&author.role).is_some_and(|r| r.is_moderator_or_above()) {
        return Err(CoreError::Conflict("moderation-cannot-block-staff".into()));
    }
    if author.blocked_at.is_some() {
        return Err(CoreError::Conflict("moderation-already-blocked".into()));
    }
    dias_core::accounts::set_blocked(db, who, author.id, true, reason).await?;
    let txn = dias_core::db::begin_write(db).await?;
    write_log(
        &txn,
        Some(who),
        process.id,
        Action::Block,
        found.target,
        Some(author.id),
        reason,
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

// ------------------------------------------------------------------ queue

/// A target in the queue.
#[derive(Debug, Clone)]
pub struct QueueItem {
    pub target: ReportTarget,
    pub process_id: i64,
    pub process_slug: String,
    pub process_title: String,
    pub author_id: i64,
    pub author: String,
    pub author_blocked: bool,
    pub excerpt: String,
    pub hidden: bool,
    /// Open reports (0 for content awaiting approval).
    pub reports: i64,
    /// Open reports per reason, in the order of [`REASONS`].
    pub reasons: Vec<(&'static str, i64)>,
    /// Notes of the open reports, oldest first.
    pub notes: Vec<String>,
    /// Newest report, or creation for content awaiting approval.
    pub at: i64,
    pub link: TargetLink,
}

#[derive(Debug, Clone, Default)]
pub struct Queue {
    /// Targets with open reports, newest report first (one page).
    pub reported: Vec<QueueItem>,
    /// All targets with open reports.
    pub reported_total: u64,
    /// Content awaiting pre-moderation, oldest first, at most [`PENDING_LIMIT`].
    pub pending: Vec<QueueItem>,
    /// More content awaits approval than is shown.
    pub pending_more: bool,
}

#[derive(Debug, FromQueryResult)]
struct ReportGroup {
    target_kind: String,
    target_id: i64,
    reports: i64,
    last_at: i64,
}

#[derive(Debug, FromQueryResult)]
struct PendingRow {
    id: i64,
    created_at: i64,
}

/// The moderation queue of one process (`Some`) or of all (`None`): open
/// reports grouped per target with counts, reasons, notes, excerpt and
/// author, newest first, one page of `per_page`; plus content awaiting
/// pre-moderation. The number of queries does not grow with the page size.
pub async fn queue(
    db: &DatabaseConnection,
    process_id: Option<i64>,
    page: u64,
    per_page: u64,
) -> Result<Queue, DbErr> {
    let mut grouped = report::Entity::find()
        .select_only()
        .column(report::Column::TargetKind)
        .column(report::Column::TargetId)
        .column_as(report::Column::Id.count(), "reports")
        .column_as(report::Column::CreatedAt.max(), "last_at")
        .filter(report::Column::Status.eq("open"))
        .group_by(report::Column::TargetKind)
        .group_by(report::Column::TargetId);
    if let Some(pid) = process_id {
        grouped = grouped.filter(report::Column::ProcessId.eq(pid));
    }
    let reported_total = grouped
        .clone()
        .into_model::<ReportGroup>()
        .count(db)
        .await?;
    let groups = grouped
        .order_by_desc(Expr::col("last_at"))
        .order_by_desc(report::Column::TargetId)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .into_model::<ReportGroup>()
        .all(db)
        .await?;
    let groups: Vec<(ReportTarget, ReportGroup)> = groups
        .into_iter()
        .filter_map(|g| {
            TargetKind::parse(&g.target_kind).map(|kind| {
                (
                    ReportTarget {
                        kind,
                        id: g.target_id,
                    },
                    g,
                )
            })
        })
        .collect();

    // Reasons and notes of the page's targets, in one query.
    let mut reasons: HashMap<ReportTarget, Vec<report::Model>> = HashMap::new();
    if !groups.is_empty() {
        let mut any = Condition::any();
        for kind in TargetKind::ALL {
            let ids: Vec<i64> = groups
                .iter()
                .filter(|(t, _)| t.kind == kind)
                .map(|(t, _)| t.id)
                .collect();
            if !ids.is_empty() {
                any = any.add(
                    Condition::all()
                        .add(report::Column::TargetKind.eq(kind.as_str()))
                        .add(report::Column::TargetId.is_in(ids)),
                );
            }
        }
        for r in report::Entity::find()
            .filter(report::Column::Status.eq("open"))
            .filter(any)
            .order_by_asc(report::Column::Id)
            .all(db)
            .await?
        {
            if let Some(kind) = TargetKind::parse(&r.target_kind) {
                reasons
                    .entry(ReportTarget {
                        kind,
                        id: r.target_id,
                    })
                    .or_default()
                    .push(r);
            }
        }
    }

    // Content awaiting approval: hidden and never in the log.
    let mut pending: Vec<(ReportTarget, i64)> = Vec::new();
    let mut pending_more = false;
    for kind in TargetKind::ALL {
        let moderated = Query::select()
            .column(moderation_log::Column::TargetId)
            .from(moderation_log::Entity)
            .and_where(moderation_log::Column::TargetKind.eq(kind.as_str()))
            .and_where(moderation_log::Column::TargetId.is_not_null())
            .to_owned();
        let rows: Vec<PendingRow> = match kind {
            TargetKind::Comment => {
                let mut q = comment::Entity::find()
                    .select_only()
                    .column(comment::Column::Id)
                    .column(comment::Column::CreatedAt)
                    .filter(comment::Column::HiddenAt.is_not_null())
                    .filter(comment::Column::DeletedAt.is_null())
                    .filter(comment::Column::Id.not_in_subquery(moderated));
                if let Some(pid) = process_id {
                    q = q.filter(comment::Column::ProcessId.eq(pid));
                }
                q.order_by_asc(comment::Column::Id)
                    .limit(PENDING_LIMIT + 1)
                    .into_model()
                    .all(db)
                    .await?
            }
            TargetKind::Proposal => {
                let mut q = proposal::Entity::find()
                    .select_only()
                    .column(proposal::Column::Id)
                    .column(proposal::Column::CreatedAt)
                    .filter(proposal::Column::HiddenAt.is_not_null())
                    .filter(proposal::Column::Id.not_in_subquery(moderated));
                if let Some(pid) = process_id {
                    q = q.filter(proposal::Column::ProcessId.eq(pid));
                }
                q.order_by_asc(proposal::Column::Id)
                    .limit(PENDING_LIMIT + 1)
                    .into_model()
                    .all(db)
                    .await?
            }
            TargetKind::Suggestion => {
                let mut q = suggestion::Entity::find()
                    .select_only()
                    .column(suggestion::Column::Id)
                    .column(suggestion::Column::CreatedAt)
                    .filter(suggestion::Column::HiddenAt.is_not_null())
                    .filter(suggestion::Column::Id.not_in_subquery(moderated));
                if let Some(pid) = process_id {
                    q = q.filter(suggestion::Column::ProcessId.eq(pid));
                }
                q.order_by_asc(suggestion::Column::Id)
                    .limit(PENDING_LIMIT + 1)
                    .into_model()
                    .all(db)
                    .await?
            }
        };
        pending.extend(
            rows.into_iter()
                .map(|r| (ReportTarget { kind, id: r.id }, r.created_at)),
        );
    }
    pending.sort_by_key(|(t, at)| (*at, t.id));
    if pending.len() as u64 > PENDING_LIMIT {
        pending.truncate(PENDING_LIMIT as usize);
        pending_more = true;
    }

    // Content, authors and processes of everything shown, in three more queries.
    let targets: Vec<ReportTarget> = groups
        .iter()
        .map(|(t, _)| *t)
        .chain(pending.iter().map(|(t, _)| *t))
        .collect();
    let contents = load_contents(db, &targets).await?;
    let authors = authors(db, contents.values().map(|c| c.author_id)).await?;
    let process_ids: HashSet<i64> = contents.values().map(|c| c.process_id).collect();
    let processes: HashMap<i64, process::Model> = if process_ids.is_empty() {
        HashMap::new()
    } else {
        process::Entity::find()
            .filter(process::Column::Id.is_in(process_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p))
            .collect()
    };
    let item = |target: ReportTarget, reports: i64, at: i64| -> Option<QueueItem> {
        let c = contents.get(&target)?;
        let p = processes.get(&c.process_id)?;
        let (author, author_blocked) = authors.get(&c.author_id).cloned().unwrap_or_default();
        let open = reasons.get(&target);
        Some(QueueItem {
            target,
            process_id: p.id,
            process_slug: p.slug.clone(),
            process_title: p.title.clone(),
            author_id: c.author_id,
            author,
            author_blocked,
            excerpt: c.excerpt(),
            hidden: c.hidden_at.is_some(),
            reports,
            reasons: moderation::reason_counts(
                open.into_iter().flatten().map(|m| m.reason.as_str()),
            ),
            notes: open
                .map(|list| {
                    list.iter()
                        .filter(|m| !m.note.is_empty())
                        .map(|m| m.note.clone())
                        .collect()
                })
                .unwrap_or_default(),
            at,
            link: c.link(&p.slug),
        })
    };
    Ok(Queue {
        reported: groups
            .iter()
            .filter_map(|(t, g)| item(*t, g.reports, g.last_at))
            .collect(),
        reported_total,
        pending: pending
            .iter()
            .filter_map(|(t, at)| item(*t, 0, *at))
            .collect(),
        pending_more,
    })
}

/// Display names and "blocked" of accounts, in one query.
async fn authors<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, (String, bool)>, DbErr> {
    use dias_core::entities::user;
    let ids: HashSet<i64> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, (u.display_name, u.blocked_at.is_some())))
        .collect())
}

// ------------------------------------------------------------------ log

/// A log entry with the names it refers to.
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub entry: moderation_log::Model,
    /// None: the system acted (automatic hide).
    pub moderator: Option<String>,
    pub user: Option<String>,
}

/// One page of the log of a process, newest first, with the total.
pub async fn log(
    db: &DatabaseConnection,
    process_id: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<LogEntry>, u64), DbErr> {
    let query = moderation_log::Entity::find()
        .filter(moderation_log::Column::ProcessId.eq(process_id))
        .order_by_desc(moderation_log::Column::Id);
    let total = query.clone().count(db).await?;
    let rows = query
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let names = authors(
        db,
        rows.iter()
            .flat_map(|r| r.moderator_id.into_iter().chain(r.user_id)),
    )
    .await?;
    let name =
        |id: Option<i64>| id.map(|id| names.get(&id).map(|n| n.0.clone()).unwrap_or_default());
    Ok((
        rows.into_iter()
            .map(|entry| LogEntry {
                moderator: name(entry.moderator_id),
                user: name(entry.user_id),
                entry,
            })
            .collect(),
        total,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_and_actions_parse_only_known_values() {
        assert_eq!(
            ReportTarget::parse("comment", " 12 "),
            Some(ReportTarget {
                kind: TargetKind::Comment,
                id: 12
            })
        );
        assert_eq!(ReportTarget::parse("paragraph", "12"), None);
        assert_eq!(ReportTarget::parse("proposal", "-1"), None);
        assert_eq!(ReportTarget::parse("proposal", "x"), None);
        for action in Action::ALL {
            assert_eq!(Action::from_slug(action.slug()), Some(action));
        }
        assert_eq!(Action::from_slug("loeschen"), None);
    }

    #[test]
    fn notices_go_before_the_fragment() {
        let link = TargetLink {
            path: "/beteiligung/v/vorschlaege/3".into(),
            fragment: Some("kommentar-9".into()),
        };
        assert_eq!(
            link.with_notice("gemeldet"),
            "/beteiligung/v/vorschlaege/3?hinweis=gemeldet#kommentar-9"
        );
        assert_eq!(link.href(), "/beteiligung/v/vorschlaege/3#kommentar-9");
    }
}
