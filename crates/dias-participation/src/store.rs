//! Reading and writing Beteiligung data. Every write checks the phase rules
//! on the server, stores in one transaction with its outbox event and keeps
//! the denormalised counters that lists sort by.

use std::collections::HashMap;

use dias_core::policy::Principal;
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult, outbox};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, TransactionSession,
    TransactionTrait,
};

use crate::domain::{self, Feature};
use crate::entities::{
    comment, paragraph, phase, process, proposal, proposal_answer, proposal_support, suggestion,
    suggestion_support, text_version,
};

pub const KIND_PROCESS: &str = "process";
pub const KIND_PARAGRAPH: &str = "paragraph";
pub const KIND_PROPOSAL: &str = "proposal";
pub const KIND_DEBATE: &str = "debate";

/// A process with its phases (ordered).
#[derive(Debug, Clone)]
pub struct ProcessWithPhases {
    pub process: process::Model,
    pub phases: Vec<phase::Model>,
}

impl ProcessWithPhases {
    pub fn current_phase(&self, now: i64) -> Option<&phase::Model> {
        domain::current_phase(&self.phases, self.process.phase_override, now)
    }

    pub fn is_open(&self, feature: Feature) -> bool {
        domain::is_open(
            &self.phases,
            self.process.phase_override,
            dias_core::time::now(),
            feature,
        )
    }

    /// Refuses with a message id when the current phase does not allow it.
    pub fn require_open(&self, feature: Feature) -> CoreResult<()> {
        if self.is_open(feature) {
            Ok(())
        } else {
            Err(CoreError::Conflict(feature.closed_message().into()))
        }
    }
}

/// Processes, newest first: published and archived ones, and drafts too
/// when `with_drafts` (staff).
pub async fn processes(
    db: &DatabaseConnection,
    with_drafts: bool,
) -> Result<Vec<ProcessWithPhases>, DbErr> {
    let mut query = process::Entity::find();
    if !with_drafts {
        query = query.filter(process::Column::Visibility.ne("draft"));
    }
    let processes = query.order_by_desc(process::Column::Id).all(db).await?;
    let ids: Vec<i64> = processes.iter().map(|p| p.id).collect();
    let mut phases = phase::Entity::find()
        .filter(phase::Column::ProcessId.is_in(ids))
        .order_by_asc(phase::Column::Position)
        .all(db)
        .await?;
    Ok(processes
        .into_iter()
        .map(|process| {
            let own: Vec<phase::Model> = phases
                .extract_if(.., |p| p.process_id == process.id)
                .collect();
            ProcessWithPhases {
                process,
                phases: own,
            }
        })
        .collect())
}

/// A process by slug; drafts only for staff.
pub async fn process_by_slug(
    db: &DatabaseConnection,
    slug: &str,
    staff: bool,
) -> CoreResult<ProcessWithPhases> {
    let process = process::Entity::find()
        .filter(process::Column::Slug.eq(slug))
        .one(db)
        .await?
        .filter(|p| staff || p.visibility != "draft")
        .ok_or(CoreError::NotFound)?;
    let phases = phase::Entity::find()
        .filter(phase::Column::ProcessId.eq(process.id))
        .order_by_asc(phase::Column::Position)
        .all(db)
        .await?;
    Ok(ProcessWithPhases { process, phases })
}

/// The newest published version and its paragraphs in reading order.
pub async fn current_text(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Option<(text_version::Model, Vec<paragraph::Model>)>, DbErr> {
    let Some(version) = text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .filter(text_version::Column::PublishedAt.is_not_null())
        .order_by_desc(text_version::Column::Number)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let paragraphs = paragraphs_of(db, version.id).await?;
    Ok(Some((version, paragraphs)))
}

pub async fn paragraphs_of(
    db: &DatabaseConnection,
    version_id: i64,
) -> Result<Vec<paragraph::Model>, DbErr> {
    paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.eq(version_id))
        .order_by_asc(paragraph::Column::ChapterNo)
        .order_by_asc(paragraph::Column::SectionNo)
        .order_by_asc(paragraph::Column::Position)
        .all(db)
        .await
}

pub async fn versions(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Vec<text_version::Model>, DbErr> {
    text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .filter(text_version::Column::PublishedAt.is_not_null())
        .order_by_asc(text_version::Column::Number)
        .all(db)
        .await
}

#[derive(Debug, FromQueryResult)]
struct TargetCount {
    target_id: i64,
    count: i64,
}

/// Visible comments per target, in one query.
pub async fn comment_counts(
    db: &DatabaseConnection,
    kind: &str,
    ids: &[i64],
) -> Result<HashMap<i64, i64>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = comment::Entity::find()
        .select_only()
        .column(comment::Column::TargetId)
        .column_as(comment::Column::Id.count(), "count")
        .filter(comment::Column::TargetKind.eq(kind))
        .filter(comment::Column::TargetId.is_in(ids.to_vec()))
        .filter(comment::Column::HiddenAt.is_null())
        .filter(comment::Column::DeletedAt.is_null())
        .group_by(comment::Column::TargetId)
        .into_model::<TargetCount>()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|r| (r.target_id, r.count)).collect())
}

/// Suggestions per paragraph, in one query.
pub async fn suggestion_counts(
    db: &DatabaseConnection,
    ids: &[i64],
) -> Result<HashMap<i64, i64>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    #[derive(Debug, FromQueryResult)]
    struct Row {
        paragraph_id: i64,
        count: i64,
    }
    let rows = suggestion::Entity::find()
        .select_only()
        .column(suggestion::Column::ParagraphId)
        .column_as(suggestion::Column::Id.count(), "count")
        .filter(suggestion::Column::ParagraphId.is_in(ids.to_vec()))
        .filter(suggestion::Column::HiddenAt.is_null())
        .group_by(suggestion::Column::ParagraphId)
        .into_model::<Row>()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| (r.paragraph_id, r.count))
        .collect())
}

/// Display names for author ids, in one query (deleted accounts show their pseudonym).
pub async fn author_names(
    db: &DatabaseConnection,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, DbErr> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    use dias_core::entities::user;
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

// ------------------------------------------------------------------ comments

#[derive(Debug, Clone, Default)]
pub struct NewComment {
    pub body: String,
    pub category: String,
    pub stance: String,
    pub parent_id: Option<i64>,
}

/// What a comment is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Paragraph(i64),
    Proposal(i64),
    Suggestion(i64),
    Debate(i64),
}

impl Target {
    pub fn kind(self) -> &'static str {
        match self {
            Target::Paragraph(_) => KIND_PARAGRAPH,
            Target::Proposal(_) => KIND_PROPOSAL,
            Target::Suggestion(_) => "suggestion",
            Target::Debate(_) => KIND_DEBATE,
        }
    }
    pub fn id(self) -> i64 {
        match self {
            Target::Paragraph(id)
            | Target::Proposal(id)
            | Target::Suggestion(id)
            | Target::Debate(id) => id,
        }
    }
}

pub async fn add_comment(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    target: Target,
    input: &NewComment,
) -> CoreResult<i64> {
    process.require_open(Feature::Commenting)?;
    let mut errors = FieldErrors::new();
    let body = required_text(&mut errors, "body", &input.body, 5_000);
    let category = match target {
        // Replies on paragraphs may leave the category out.
        Target::Paragraph(_) if input.parent_id.is_some() && input.category.is_empty() => None,
        Target::Paragraph(_) => {
            if !domain::CATEGORIES.contains(&input.category.as_str()) {
                errors.add("category", "error-invalid-choice");
            }
            Some(input.category.clone())
        }
        _ => None,
    };
    let stance = if input.stance.is_empty() {
        "neutral".to_owned()
    } else {
        input.stance.clone()
    };
    if !domain::STANCES.contains(&stance.as_str()) {
        errors.add("stance", "error-invalid-choice");
    }
    errors.into_result()?;
    let txn = dias_core::db::begin_write(db).await?;
    let (parent_id, depth) = match input.parent_id {
        None => (None, 0),
        Some(parent_id) => {
            let parent = comment::Entity::find_by_id(parent_id)
                .one(&txn)
                .await?
                .filter(|c| c.target_kind == target.kind() && c.target_id == target.id())
                .ok_or(CoreError::NotFound)?;
            if parent.depth >= domain::MAX_DEPTH {
                // A reply to the deepest level joins that level, next to
                // the comment it answers, so every reply stays in view.
                (parent.parent_id, parent.depth)
            } else {
                (Some(parent.id), parent.depth + 1)
            }
        }
    };
    let now = dias_core::time::now();
    let created = comment::ActiveModel {
        process_id: Set(process.process.id),
        target_kind: Set(target.kind().to_owned()),
        target_id: Set(target.id()),
        parent_id: Set(parent_id),
        depth: Set(depth),
        author_id: Set(who.user_id),
        body: Set(body),
        category: Set(category),
        stance: Set(stance),
        upvotes: Set(0),
        hidden_at: Set(process.process.premoderation.then_some(now)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    match target {
        Target::Proposal(id) => {
            proposal::Entity::update_many()
                .col_expr(
                    proposal::Column::CommentsCount,
                    Expr::col(proposal::Column::CommentsCount).add(1),
                )
                .filter(proposal::Column::Id.eq(id))
                .exec(&txn)
                .await?;
        }
        Target::Suggestion(id) => {
            suggestion::Entity::update_many()
                .col_expr(
                    suggestion::Column::CommentsCount,
                    Expr::col(suggestion::Column::CommentsCount).add(1),
                )
                .filter(suggestion::Column::Id.eq(id))
                .exec(&txn)
                .await?;
        }
        // Debates count their comments by stance when shown.
        Target::Paragraph(_) | Target::Debate(_) => {}
    }
    crate::notify::comment_added(&txn, who.user_id, &created, input.parent_id).await?;
    txn.commit().await?;
    Ok(created.id)
}

/// Comments of a target in thread order (parents before their replies).
pub async fn thread(db: &DatabaseConnection, target: Target) -> Result<Vec<comment::Model>, DbErr> {
    thread_in(db, target.kind(), &[target.id()]).await
}

/// One page of a target's discussion: `per_page` top-level comments, newest
/// first (so a new comment is on the first page), each followed by all its
/// replies in order; and the number of top-level comments. Four queries,
/// whatever the size of the discussion (replies go at most two levels deep).
pub async fn thread_page(
    db: &DatabaseConnection,
    target: Target,
    page: u64,
    per_page: u64,
) -> Result<(Vec<comment::Model>, u64), DbErr> {
    let of_target = || {
        comment::Entity::find()
            .filter(comment::Column::TargetKind.eq(target.kind()))
            .filter(comment::Column::TargetId.eq(target.id()))
    };
    let top_level = of_target().filter(comment::Column::ParentId.is_null());
    let total = top_level.clone().count(db).await?;
    let tops = top_level
        .order_by_desc(comment::Column::Id)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    let mut replies = Vec::new();
    let mut parents: Vec<i64> = tops.iter().map(|c| c.id).collect();
    for _ in 0..domain::MAX_DEPTH {
        if parents.is_empty() {
            break;
        }
        let level = of_target()
            .filter(comment::Column::ParentId.is_in(parents))
            .order_by_asc(comment::Column::Id)
            .all(db)
            .await?;
        parents = level.iter().map(|c| c.id).collect();
        replies.extend(level);
    }
    let mut children: HashMap<i64, Vec<comment::Model>> = HashMap::new();
    for reply in replies {
        if let Some(parent) = reply.parent_id {
            children.entry(parent).or_default().push(reply);
        }
    }
    let mut ordered = Vec::new();
    let mut stack: Vec<comment::Model> = tops.into_iter().rev().collect();
    while let Some(c) = stack.pop() {
        if let Some(kids) = children.remove(&c.id) {
            stack.extend(kids.into_iter().rev());
        }
        ordered.push(c);
    }
    Ok((ordered, total))
}

/// Top-level comments per page of a proposal's discussion.
pub const PROPOSAL_COMMENTS_PER_PAGE: u64 = 50;

/// Where comment `id` of a process is shown, relative to the process page
/// (`/vorschlaege/3?seite=2#kommentar-9`); proposal discussions are paged.
pub async fn comment_location(
    db: &DatabaseConnection,
    process_id: i64,
    id: i64,
) -> CoreResult<String> {
    let c = comment::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|c| c.process_id == process_id)
        .ok_or(CoreError::NotFound)?;
    let target = c.target_id;
    Ok(match c.target_kind.as_str() {
        KIND_PROPOSAL => {
            let page = thread_page_of(db, Target::Proposal(target), id, PROPOSAL_COMMENTS_PER_PAGE)
                .await?;
            let query = if page > 1 {
                format!("?seite={page}")
            } else {
                String::new()
            };
            format!("/vorschlaege/{target}{query}#kommentar-{id}")
        }
        KIND_PARAGRAPH => format!("/text/{target}#kommentar-{id}"),
        KIND_DEBATE => format!("/debatten/{target}#kommentar-{id}"),
        "suggestion" => {
            // A suggestion's comments are shown with it on its paragraph page.
            let s = suggestion::Entity::find_by_id(target)
                .one(db)
                .await?
                .ok_or(CoreError::NotFound)?;
            format!("/text/{}#aenderung-{target}", s.paragraph_id)
        }
        _ => String::new(),
    })
}

/// The page of [`thread_page`] that shows comment `id` (its thread's page).
pub async fn thread_page_of(
    db: &DatabaseConnection,
    target: Target,
    id: i64,
    per_page: u64,
) -> Result<u64, DbErr> {
    let mut root = id;
    for _ in 0..=domain::MAX_DEPTH {
        let parent = comment::Entity::find_by_id(root)
            .one(db)
            .await?
            .and_then(|c| c.parent_id);
        match parent {
            Some(parent) => root = parent,
            None => break,
        }
    }
    let newer = comment::Entity::find()
        .filter(comment::Column::TargetKind.eq(target.kind()))
        .filter(comment::Column::TargetId.eq(target.id()))
        .filter(comment::Column::ParentId.is_null())
        .filter(comment::Column::Id.gt(root))
        .count(db)
        .await?;
    Ok(newer / Ord::max(per_page, 1) + 1)
}

/// Comments of several targets of one kind as one thread (a paragraph across
/// its versions), parents before their replies.
pub async fn thread_in(
    db: &DatabaseConnection,
    kind: &str,
    ids: &[i64],
) -> Result<Vec<comment::Model>, DbErr> {
    let all = comment::Entity::find()
        .filter(comment::Column::TargetKind.eq(kind))
        .filter(comment::Column::TargetId.is_in(ids.to_vec()))
        .order_by_asc(comment::Column::Id)
        .all(db)
        .await?;
    let mut children: HashMap<Option<i64>, Vec<&comment::Model>> = HashMap::new();
    for c in &all {
        children.entry(c.parent_id).or_default().push(c);
    }
    let mut ordered = Vec::with_capacity(all.len());
    let mut stack: Vec<&comment::Model> = children
        .get(&None)
        .map(|v| v.iter().rev().copied().collect())
        .unwrap_or_default();
    while let Some(c) = stack.pop() {
        ordered.push(c.clone());
        if let Some(kids) = children.get(&Some(c.id)) {
            stack.extend(kids.iter().rev().copied());
        }
    }
    Ok(ordered)
}

// ---------------------------------------------------------------- marks

/// Takes the row lock of a thing whose marks are about to change (an update
/// that writes the counter onto itself). On PostgreSQL concurrent toggles of
/// one thing then run one after the other, so each recount sees every
/// committed mark; on SQLite the first write takes the database lock anyway.
pub(crate) async fn lock_counter<T: EntityTrait, C: ConnectionTrait>(
    db: &C,
    id_column: T::Column,
    counter: T::Column,
    id: i64,
) -> Result<(), DbErr> {
    T::update_many()
        .col_expr(counter, Expr::col(counter))
        .filter(id_column.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Removes one person's mark (a support, a helpful vote) on one thing;
/// true if there was one. Deleting first, instead of looking first, keeps a
/// double click from counting twice.
pub(crate) async fn unmark<M: EntityTrait, C: ConnectionTrait>(
    db: &C,
    thing_column: M::Column,
    user_column: M::Column,
    thing: i64,
    user: i64,
) -> Result<bool, DbErr> {
    let deleted = M::delete_many()
        .filter(thing_column.eq(thing))
        .filter(user_column.eq(user))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected > 0)
}

/// Writes the number of marks on a thing into its counter column, under the
/// lock of [`lock_counter`]: recounted instead of ±1, so it cannot drift.
pub(crate) async fn recount<M, T, C>(
    db: &C,
    thing_column: M::Column,
    thing: i64,
    id_column: T::Column,
    counter: T::Column,
) -> Result<(), DbErr>
where
    M: EntityTrait,
    M::Model: Sync,
    T: EntityTrait,
    C: ConnectionTrait,
{
    let count = PaginatorTrait::count(M::find().filter(thing_column.eq(thing)), db).await?;
    T::update_many()
        .col_expr(
            counter,
            Expr::value(i32::try_from(count).unwrap_or(i32::MAX)),
        )
        .filter(id_column.eq(thing))
        .exec(db)
        .await?;
    Ok(())
}

// ------------------------------------------------------------------ proposals

#[derive(Debug, Clone, Default)]
pub struct NewProposal {
    pub title: String,
    pub body: String,
    pub topic: String,
    pub ags8: String,
}

pub async fn create_proposal(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    input: &NewProposal,
) -> CoreResult<i64> {
    process.require_open(Feature::Proposals)?;
    let mut errors = FieldErrors::new();
    let title = required_text(&mut errors, "title", &input.title, 150);
    let body = required_text(&mut errors, "body", &input.body, 10_000);
    if title.chars().count() < 10 && !title.is_empty() {
        errors.add("title", "error-title-too-short");
    }
    if !domain::TOPICS.contains(&input.topic.as_str()) {
        errors.add("topic", "error-invalid-choice");
    }
    let ags8 = input.ags8.trim().to_owned();
    if !ags8.is_empty() && dias_core::reference::cached().municipality(&ags8).is_none() {
        errors.add("ags8", "error-invalid-choice");
    }
    errors.into_result()?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let created = proposal::ActiveModel {
        process_id: Set(process.process.id),
        author_id: Set(who.user_id),
        title: Set(title),
        body_md: Set(body),
        topic: Set(input.topic.clone()),
        ags8: Set((!ags8.is_empty()).then_some(ags8)),
        status: Set("submitted".into()),
        supports_count: Set(0),
        comments_count: Set(0),
        hidden_at: Set(process.process.premoderation.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    outbox::search_changed(&txn, KIND_PROPOSAL, &created.id.to_string()).await?;
    // Authors hear what becomes of their proposal unless they unfollow it.
    dias_core::notifications::follow(
        &txn,
        who.user_id,
        crate::notify::proposal_target(created.id),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

pub async fn proposal(
    db: &DatabaseConnection,
    process_id: i64,
    id: i64,
    staff: bool,
) -> CoreResult<proposal::Model> {
    proposal::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|p| p.process_id == process_id && (staff || p.hidden_at.is_none()))
        .ok_or(CoreError::NotFound)
}

/// Supports or withdraws the support of a proposal. Counts only while the
/// phase allows supporting and within the per-person limit of the process.
pub async fn toggle_support(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    proposal_id: i64,
) -> CoreResult<bool> {
    process.require_open(Feature::Supporting)?;
    let p = proposal(db, process.process.id, proposal_id, false).await?;
    if p.withdrawn_at.is_some() {
        return Err(CoreError::Conflict("proposal-withdrawn".into()));
    }
    let txn = dias_core::db::begin_write(db).await?;
    lock_counter::<proposal::Entity, _>(
        &txn,
        proposal::Column::Id,
        proposal::Column::SupportsCount,
        proposal_id,
    )
    .await?;
    // The per-person limit counts supports across proposals: one person's
    // toggles run one after the other.
    dias_core::entities::user::Entity::update_many()
        .col_expr(
            dias_core::entities::user::Column::UpdatedAt,
            Expr::col(dias_core::entities::user::Column::UpdatedAt),
        )
        .filter(dias_core::entities::user::Column::Id.eq(who.user_id))
        .exec(&txn)
        .await?;
    let (support_proposal, support_user) = (
        proposal_support::Column::ProposalId,
        proposal_support::Column::UserId,
    );
    let supported = if unmark::<proposal_support::Entity, _>(
        &txn,
        support_proposal,
        support_user,
        proposal_id,
        who.user_id,
    )
    .await?
    {
        false
    } else {
        let used = proposal_support::Entity::find()
            .filter(proposal_support::Column::ProcessId.eq(process.process.id))
            .filter(support_user.eq(who.user_id))
            .count(&txn)
            .await?;
        if used >= process.process.support_limit as u64 {
            return Err(CoreError::Conflict("support-limit-reached".into()));
        }
        proposal_support::ActiveModel {
            process_id: Set(process.process.id),
            proposal_id: Set(proposal_id),
            user_id: Set(who.user_id),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        true
    };
    recount::<proposal_support::Entity, proposal::Entity, _>(
        &txn,
        support_proposal,
        proposal_id,
        proposal::Column::Id,
        proposal::Column::SupportsCount,
    )
    .await?;
    txn.commit().await?;
    Ok(supported)
}

pub async fn supports_of(
    db: &DatabaseConnection,
    process_id: i64,
    user_id: i64,
) -> Result<Vec<i64>, DbErr> {
    Ok(proposal_support::Entity::find()
        .filter(proposal_support::Column::ProcessId.eq(process_id))
        .filter(proposal_support::Column::UserId.eq(user_id))
        .all(db)
        .await?
        .into_iter()
        .map(|s| s.proposal_id)
        .collect())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    MostSupported,
    Newest,
    MostCommented,
    Random(i64),
}

#[derive(Debug, Clone, Default)]
pub struct ProposalFilter {
    pub topic: Option<String>,
    pub status: Option<String>,
    pub ags8: Option<String>,
}

/// How many proposals of a process are visible.
pub async fn visible_proposal_count(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<u64, DbErr> {
    proposal::Entity::find()
        .filter(proposal::Column::ProcessId.eq(process_id))
        .filter(proposal::Column::HiddenAt.is_null())
        .count(db)
        .await
}

/// One page of proposals and the number of matches. Two steps: the ids of
/// the page come from one index that holds the sort key and every filter
/// column (see migration m0008), so skipped rows of a deep page never touch
/// the table; then the page's rows are read by id.
pub async fn list_proposals(
    db: &DatabaseConnection,
    process_id: i64,
    filter: &ProposalFilter,
    sort: Sort,
    page: u64,
    per_page: u64,
) -> Result<(Vec<proposal::Model>, u64), DbErr> {
    let mut query = proposal::Entity::find()
        .filter(proposal::Column::ProcessId.eq(process_id))
        .filter(proposal::Column::HiddenAt.is_null());
    if let Some(topic) = &filter.topic {
        query = query.filter(proposal::Column::Topic.eq(topic.as_str()));
    }
    if let Some(status) = &filter.status {
        query = query.filter(proposal::Column::Status.eq(status.as_str()));
    }
    if let Some(ags8) = &filter.ags8 {
        query = query.filter(proposal::Column::Ags8.eq(ags8.as_str()));
    }
    let total = query.clone().count(db).await?;
    query = match sort {
        Sort::MostSupported => query
            .order_by_desc(proposal::Column::SupportsCount)
            .order_by_desc(proposal::Column::Id),
        Sort::Newest => query
            .order_by_desc(proposal::Column::CreatedAt)
            .order_by_desc(proposal::Column::Id),
        Sort::MostCommented => query
            .order_by_desc(proposal::Column::CommentsCount)
            .order_by_desc(proposal::Column::Id),
        Sort::Random(seed) => query
            .order_by_asc(
                Expr::col(proposal::Column::Id)
                    .mul(domain::random_multiplier(seed))
                    .modulo(domain::RANDOM_MODULUS),
            )
            .order_by_asc(proposal::Column::Id),
    };
    let ids: Vec<i64> = query
        .select_only()
        .column(proposal::Column::Id)
        .offset((page.saturating_sub(1)) * per_page)
        .limit(per_page)
        .into_tuple()
        .all(db)
        .await?;
    if ids.is_empty() {
        return Ok((Vec::new(), total));
    }
    let mut rows: HashMap<i64, proposal::Model> = proposal::Entity::find()
        .filter(proposal::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let items = ids.iter().filter_map(|id| rows.remove(id)).collect();
    Ok((items, total))
}

pub async fn answers(
    db: &DatabaseConnection,
    proposal_id: i64,
) -> Result<Vec<proposal_answer::Model>, DbErr> {
    proposal_answer::Entity::find()
        .filter(proposal_answer::Column::ProposalId.eq(proposal_id))
        .order_by_asc(proposal_answer::Column::Id)
        .all(db)
        .await
}

/// Staff move a proposal in its workflow with an official answer.
pub async fn answer_proposal(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    proposal_id: i64,
    status: &str,
    answer: &str,
    cost: &str,
) -> CoreResult<()> {
    let p = proposal(db, process_id, proposal_id, true).await?;
    let mut errors = FieldErrors::new();
    if !domain::STATUSES.contains(&status) || !domain::transition_allowed(&p.status, status) {
        errors.add("status", "error-status-transition");
    }
    let answer = required_text(&mut errors, "answer", answer, 10_000);
    let cost = cost.trim().replace(['.', ' '], "");
    let cost_eur = if cost.is_empty() {
        None
    } else {
        match cost.parse::<i64>() {
            Ok(c) if c >= 0 => Some(c),
            _ => {
                errors.add("cost", "error-number");
                None
            }
        }
    };
    errors.into_result()?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    proposal_answer::ActiveModel {
        proposal_id: Set(proposal_id),
        status: Set(status.to_owned()),
        answer_md: Set(answer.clone()),
        cost_eur: Set(cost_eur),
        author_id: Set(who.user_id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    proposal::Entity::update_many()
        .col_expr(proposal::Column::Status, Expr::value(status))
        .col_expr(proposal::Column::UpdatedAt, Expr::value(now))
        .filter(proposal::Column::Id.eq(proposal_id))
        .exec(&txn)
        .await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "proposal.answered",
        "proposal",
        Some(&proposal_id.to_string()),
        serde_json::json!({ "from": p.status, "to": status }),
    )
    .await?;
    outbox::search_changed(&txn, KIND_PROPOSAL, &proposal_id.to_string()).await?;
    crate::notify::proposal_answered(&txn, who, &p, status, &answer).await?;
    txn.commit().await?;
    Ok(())
}

// ------------------------------------------------------------------ suggestions

pub async fn paragraph(
    db: &DatabaseConnection,
    process_id: i64,
    id: i64,
) -> CoreResult<(paragraph::Model, text_version::Model)> {
    let p = paragraph::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)?;
    let version = text_version::Entity::find_by_id(p.version_id)
        .one(db)
        .await?
        .filter(|v| v.process_id == process_id && v.published_at.is_some())
        .ok_or(CoreError::NotFound)?;
    Ok((p, version))
}

pub async fn create_suggestion(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    paragraph_id: i64,
    new_text: &str,
    reason: &str,
) -> CoreResult<i64> {
    process.require_open(Feature::Suggestions)?;
    let (p, _) = paragraph(db, process.process.id, paragraph_id).await?;
    let mut errors = FieldErrors::new();
    let new_text = required_text(&mut errors, "new_text", new_text, 5_000);
    let reason = required_text(&mut errors, "reason", reason, 2_000);
    if new_text == p.body_md.trim() {
        errors.add("new_text", "error-suggestion-unchanged");
    }
    errors.into_result()?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let created = suggestion::ActiveModel {
        process_id: Set(process.process.id),
        paragraph_id: Set(paragraph_id),
        author_id: Set(who.user_id),
        new_text: Set(new_text),
        reason: Set(reason),
        status: Set("open".into()),
        supports_count: Set(0),
        comments_count: Set(0),
        hidden_at: Set(process.process.premoderation.then_some(now)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    dias_core::notifications::follow(
        &txn,
        who.user_id,
        crate::notify::suggestion_target(created.id),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

pub async fn suggestions_for(
    db: &DatabaseConnection,
    paragraph_ids: &[i64],
) -> Result<Vec<suggestion::Model>, DbErr> {
    suggestion::Entity::find()
        .filter(suggestion::Column::ParagraphId.is_in(paragraph_ids.to_vec()))
        .filter(suggestion::Column::HiddenAt.is_null())
        .order_by_desc(suggestion::Column::SupportsCount)
        .order_by_asc(suggestion::Column::Id)
        .all(db)
        .await
}

pub async fn toggle_suggestion_support(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    suggestion_id: i64,
) -> CoreResult<bool> {
    process.require_open(Feature::Supporting)?;
    let s = suggestion::Entity::find_by_id(suggestion_id)
        .one(db)
        .await?
        .filter(|s| s.process_id == process.process.id && s.hidden_at.is_none())
        .ok_or(CoreError::NotFound)?;
    if s.status != "open" {
        return Err(CoreError::Conflict("suggestion-decided".into()));
    }
    let txn = dias_core::db::begin_write(db).await?;
    lock_counter::<suggestion::Entity, _>(
        &txn,
        suggestion::Column::Id,
        suggestion::Column::SupportsCount,
        suggestion_id,
    )
    .await?;
    let supported = if unmark::<suggestion_support::Entity, _>(
        &txn,
        suggestion_support::Column::SuggestionId,
        suggestion_support::Column::UserId,
        suggestion_id,
        who.user_id,
    )
    .await?
    {
        false
    } else {
        suggestion_support::ActiveModel {
            suggestion_id: Set(suggestion_id),
            user_id: Set(who.user_id),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        true
    };
    recount::<suggestion_support::Entity, suggestion::Entity, _>(
        &txn,
        suggestion_support::Column::SuggestionId,
        suggestion_id,
        suggestion::Column::Id,
        suggestion::Column::SupportsCount,
    )
    .await?;
    txn.commit().await?;
    Ok(supported)
}

/// Staff decide on a suggestion with a public reason.
pub async fn decide_suggestion(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    suggestion_id: i64,
    decision: &str,
    reason: &str,
) -> CoreResult<()> {
    let s = suggestion::Entity::find_by_id(suggestion_id)
        .one(db)
        .await?
        .filter(|s| s.process_id == process_id)
        .ok_or(CoreError::NotFound)?;
    let mut errors = FieldErrors::new();
    if !domain::DECISIONS.contains(&decision) {
        errors.add("decision", "error-invalid-choice");
    }
    let reason = required_text(&mut errors, "decision_reason", reason, 5_000);
    errors.into_result()?;
    let txn = dias_core::db::begin_write(db).await?;
    suggestion::Entity::update_many()
        .col_expr(suggestion::Column::Status, Expr::value(decision))
        .col_expr(
            suggestion::Column::DecisionReason,
            Expr::value(reason.clone()),
        )
        .col_expr(suggestion::Column::DecidedBy, Expr::value(who.user_id))
        .col_expr(
            suggestion::Column::DecidedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(suggestion::Column::Id.eq(s.id))
        .exec(&txn)
        .await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "suggestion.decided",
        "suggestion",
        Some(&s.id.to_string()),
        serde_json::json!({ "decision": decision }),
    )
    .await?;
    crate::notify::suggestion_decided(&txn, who, &s, decision, &reason).await?;
    txn.commit().await?;
    Ok(())
}

// ------------------------------------------------------------------ text versions

/// Imports a new version from Markdown. A paragraph that is recognisably
/// the same as one of the previous version (same chapter and section,
/// similar wording; see `domain::carry_anchors`) keeps its anchor, so links
/// and the trail of comments survive a revision; `adopted` suggestions are
/// linked to the new version.
pub async fn import_version<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    process_id: i64,
    title: &str,
    markdown: &str,
    adopted: &[i64],
) -> CoreResult<(i64, Vec<domain::ImportProblem>)> {
    let (parsed, problems) = domain::parse_strategy_markdown(markdown);
    let mut errors = FieldErrors::new();
    let title = required_text(&mut errors, "title", title, 200);
    if parsed.is_empty() {
        errors.add("markdown", "error-text-empty");
    }
    errors.into_result()?;
    let txn = dias_core::db::begin_write(db).await?;
    let previous = text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .order_by_desc(text_version::Column::Number)
        .one(&txn)
        .await?;
    let previous_paragraphs = match &previous {
        Some(v) => {
            paragraph::Entity::find()
                .filter(paragraph::Column::VersionId.eq(v.id))
                .all(&txn)
                .await?
        }
        None => Vec::new(),
    };
    let anchors = domain::carry_anchors(
        &previous_paragraphs
            .iter()
            .map(|p| {
                (
                    p.chapter_no,
                    p.section_no,
                    p.body_md.as_str(),
                    p.anchor.as_str(),
                )
            })
            .collect::<Vec<_>>(),
        &parsed,
    );
    let now = dias_core::time::now();
    let version = text_version::ActiveModel {
        process_id: Set(process_id),
        number: Set(previous.as_ref().map(|v| v.number + 1).unwrap_or(1)),
        title: Set(title),
        note: Set(String::new()),
        published_at: Set(Some(now)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let rows: Vec<paragraph::ActiveModel> = parsed
        .iter()
        .zip(anchors)
        .map(|(p, anchor)| {
            let anchor = anchor.unwrap_or_else(|| {
                format!(
                    "a{}",
                    &dias_core::crypto::random_token()[..10].replace(['-', '_'], "x")
                )
            });
            paragraph::ActiveModel {
                version_id: Set(version.id),
                chapter_no: Set(p.chapter_no),
                chapter_title: Set(p.chapter_title.clone()),
                section_no: Set(p.section_no),
                section_title: Set(p.section_title.clone()),
                position: Set(p.position),
                anchor: Set(anchor),
                body_md: Set(p.body.clone()),
                ..Default::default()
            }
        })
        .collect();
    for chunk in rows.chunks(200) {
        paragraph::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    if !adopted.is_empty() {
        suggestion::Entity::update_many()
            .col_expr(
                suggestion::Column::AdoptedInVersionId,
                Expr::value(version.id),
            )
            .filter(suggestion::Column::Id.is_in(adopted.to_vec()))
            .filter(suggestion::Column::ProcessId.eq(process_id))
            .exec(&txn)
            .await?;
    }
    for p in paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.eq(version.id))
        .all(&txn)
        .await?
    {
        outbox::search_changed(&txn, KIND_PARAGRAPH, &p.id.to_string()).await?;
    }
    if let Some(prev) = &previous {
        for p in paragraph::Entity::find()
            .filter(paragraph::Column::VersionId.eq(prev.id))
            .all(&txn)
            .await?
        {
            outbox::search_changed(&txn, KIND_PARAGRAPH, &p.id.to_string()).await?;
        }
    }
    crate::notify::version_published(&txn, &version).await?;
    txn.commit().await?;
    Ok((version.id, problems))
}

// ------------------------------------------------------------------ versions and traces

/// The paragraphs of a version as Markdown again (the import format).
pub fn to_markdown(paragraphs: &[paragraph::Model]) -> String {
    let mut out = String::new();
    let (mut chapter, mut section) = (0, 0);
    for p in paragraphs {
        if p.chapter_no != chapter {
            chapter = p.chapter_no;
            section = 0;
            out.push_str(&format!("# {}\n\n", p.chapter_title));
        }
        if p.section_no != section {
            section = p.section_no;
            out.push_str(&format!("## {}\n\n", p.section_title));
        }
        out.push_str(p.body_md.trim());
        out.push_str("\n\n");
    }
    out
}

/// How a paragraph changed between two versions (matched by anchor).
#[derive(Debug, Clone)]
pub enum ParagraphChange {
    Unchanged(paragraph::Model),
    Changed {
        old: paragraph::Model,
        new: paragraph::Model,
    },
    Added(paragraph::Model),
    Removed(paragraph::Model),
}

/// Compares two versions paragraph by paragraph, in the newer version's
/// order with removed paragraphs where they stood.
pub fn compare(old: &[paragraph::Model], new: &[paragraph::Model]) -> Vec<ParagraphChange> {
    let new_anchors: std::collections::HashSet<&str> =
        new.iter().map(|p| p.anchor.as_str()).collect();
    let old_by_anchor: HashMap<&str, &paragraph::Model> =
        old.iter().map(|p| (p.anchor.as_str(), p)).collect();
    let mut out = Vec::new();
    let mut old_iter = old.iter().peekable();
    for p in new {
        // Emit removed old paragraphs that came before this one.
        while let Some(o) = old_iter.peek() {
            if new_anchors.contains(o.anchor.as_str()) {
                break;
            }
            out.push(ParagraphChange::Removed((*o).clone()));
            old_iter.next();
        }
        match old_by_anchor.get(p.anchor.as_str()) {
            Some(o) if o.body_md.trim() == p.body_md.trim() => {
                out.push(ParagraphChange::Unchanged(p.clone()))
            }
            Some(o) => out.push(ParagraphChange::Changed {
                old: (*o).clone(),
                new: p.clone(),
            }),
            None => out.push(ParagraphChange::Added(p.clone())),
        }
        if old_iter.peek().is_some_and(|o| o.anchor == p.anchor) {
            old_iter.next();
        }
    }
    for o in old_iter {
        if !new_anchors.contains(o.anchor.as_str()) {
            out.push(ParagraphChange::Removed(o.clone()));
        }
    }
    out
}

pub async fn version_by_number(
    db: &DatabaseConnection,
    process_id: i64,
    number: i32,
) -> CoreResult<text_version::Model> {
    text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .filter(text_version::Column::Number.eq(number))
        .filter(text_version::Column::PublishedAt.is_not_null())
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)
}

/// Decided suggestions (adopted or partly adopted) not yet linked to a version.
pub async fn adoptable_suggestions(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Vec<suggestion::Model>, DbErr> {
    suggestion::Entity::find()
        .filter(suggestion::Column::ProcessId.eq(process_id))
        .filter(suggestion::Column::Status.is_in(["adopted", "partly_adopted"]))
        .filter(suggestion::Column::AdoptedInVersionId.is_null())
        .order_by_asc(suggestion::Column::Id)
        .all(db)
        .await
}

pub async fn suggestions_adopted_in(
    db: &DatabaseConnection,
    version_id: i64,
) -> Result<Vec<suggestion::Model>, DbErr> {
    suggestion::Entity::find()
        .filter(suggestion::Column::AdoptedInVersionId.eq(version_id))
        .order_by_asc(suggestion::Column::Id)
        .all(db)
        .await
}

/// Everything one person contributed to a process, for "what became of my input".
#[derive(Debug, Clone, Default)]
pub struct Contributions {
    pub proposals: Vec<(proposal::Model, Option<proposal_answer::Model>)>,
    pub suggestions: Vec<(suggestion::Model, Option<text_version::Model>)>,
    pub comments: Vec<comment::Model>,
}

pub async fn contributions_of(
    db: &DatabaseConnection,
    process_id: i64,
    user_id: i64,
) -> Result<Contributions, DbErr> {
    let proposals = proposal::Entity::find()
        .filter(proposal::Column::ProcessId.eq(process_id))
        .filter(proposal::Column::AuthorId.eq(user_id))
        .order_by_desc(proposal::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = proposals.iter().map(|p| p.id).collect();
    let mut latest: HashMap<i64, proposal_answer::Model> = HashMap::new();
    for a in proposal_answer::Entity::find()
        .filter(proposal_answer::Column::ProposalId.is_in(ids))
        .order_by_asc(proposal_answer::Column::Id)
        .all(db)
        .await?
    {
        latest.insert(a.proposal_id, a);
    }
    let suggestions = suggestion::Entity::find()
        .filter(suggestion::Column::ProcessId.eq(process_id))
        .filter(suggestion::Column::AuthorId.eq(user_id))
        .order_by_desc(suggestion::Column::Id)
        .all(db)
        .await?;
    let version_ids: Vec<i64> = suggestions
        .iter()
        .filter_map(|s| s.adopted_in_version_id)
        .collect();
    let versions: HashMap<i64, text_version::Model> = text_version::Entity::find()
        .filter(text_version::Column::Id.is_in(version_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    let comments = comment::Entity::find()
        .filter(comment::Column::ProcessId.eq(process_id))
        .filter(comment::Column::AuthorId.eq(user_id))
        .order_by_desc(comment::Column::Id)
        .all(db)
        .await?;
    Ok(Contributions {
        proposals: proposals
            .into_iter()
            .map(|p| {
                let a = latest.remove(&p.id);
                (p, a)
            })
            .collect(),
        suggestions: suggestions
            .into_iter()
            .map(|s| {
                let v = s
                    .adopted_in_version_id
                    .and_then(|id| versions.get(&id).cloned());
                (s, v)
            })
            .collect(),
        comments,
    })
}

/// The paragraphs of all versions of a process that carry one of `anchors`:
/// a paragraph's comments and suggestions belong to its anchor, whatever
/// version they were written on.
pub async fn paragraphs_with_anchors(
    db: &DatabaseConnection,
    process_id: i64,
    anchors: &[String],
) -> Result<Vec<paragraph::Model>, DbErr> {
    if anchors.is_empty() {
        return Ok(Vec::new());
    }
    let versions: Vec<i64> = text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .all(db)
        .await?
        .into_iter()
        .map(|v| v.id)
        .collect();
    paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.is_in(versions))
        .filter(paragraph::Column::Anchor.is_in(anchors.to_vec()))
        .all(db)
        .await
}

/// The paragraph with the same anchor in the newest published version, when
/// `paragraph` belongs to an older one.
pub async fn newer_paragraph(
    db: &DatabaseConnection,
    process_id: i64,
    paragraph: &paragraph::Model,
) -> Result<Option<i64>, DbErr> {
    let Some((newest, _)) = current_text_version(db, process_id).await? else {
        return Ok(None);
    };
    if newest.id == paragraph.version_id {
        return Ok(None);
    }
    Ok(paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.eq(newest.id))
        .filter(paragraph::Column::Anchor.eq(paragraph.anchor.as_str()))
        .one(db)
        .await?
        .map(|p| p.id))
}

async fn current_text_version(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Option<(text_version::Model, ())>, DbErr> {
    Ok(text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .filter(text_version::Column::PublishedAt.is_not_null())
        .order_by_desc(text_version::Column::Number)
        .one(db)
        .await?
        .map(|v| (v, ())))
}
