//! What people do with comments after writing them: mark others' comments
//! as helpful (one up-vote per person), edit their own within the edit
//! window, and delete their own. Deleting leaves a placeholder so that
//! replies stay readable; nothing is removed from the database.

use std::collections::HashSet;

use dias_core::policy::Principal;
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::domain::{self, Feature};
use crate::entities::{comment, comment_vote, proposal, suggestion};
use crate::store::{self, ProcessWithPhases};

async fn visible_comment(
    db: &DatabaseConnection,
    process_id: i64,
    id: i64,
) -> CoreResult<comment::Model> {
    comment::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|c| c.process_id == process_id && c.hidden_at.is_none() && c.deleted_at.is_none())
        .ok_or(CoreError::NotFound)
}

/// Marks a comment as helpful, or takes the mark back. Not on one's own.
pub async fn toggle_vote(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    id: i64,
) -> CoreResult<bool> {
    process.require_open(Feature::Commenting)?;
    let c = visible_comment(db, process.process.id, id).await?;
    if c.author_id == who.user_id {
        return Err(CoreError::Conflict("comment-vote-own".into()));
    }
    let txn = dias_core::db::begin_write(db).await?;
    store::lock_counter::<comment::Entity, _>(
        &txn,
        comment::Column::Id,
        comment::Column::Upvotes,
        id,
    )
    .await?;
    let voted = if store::unmark::<comment_vote::Entity, _>(
        &txn,
        comment_vote::Column::CommentId,
        comment_vote::Column::UserId,
        id,
        who.user_id,
    )
    .await?
    {
        false
    } else {
        comment_vote::ActiveModel {
            comment_id: Set(id),
            user_id: Set(who.user_id),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        true
    };
    store::recount::<comment_vote::Entity, comment::Entity, _>(
        &txn,
        comment_vote::Column::CommentId,
        id,
        comment::Column::Id,
        comment::Column::Upvotes,
    )
    .await?;
    txn.commit().await?;
    Ok(voted)
}

/// Whether the author may still edit (within the window after writing).
pub fn editable(c: &comment::Model, user_id: Option<i64>, now: i64) -> bool {
    user_id == Some(c.author_id)
        && c.hidden_at.is_none()
        && c.deleted_at.is_none()
        && now - c.created_at <= domain::EDIT_WINDOW_SECS
}

/// The author changes the text within the edit window.
pub async fn edit(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    id: i64,
    body: &str,
) -> CoreResult<()> {
    let c = visible_comment(db, process_id, id).await?;
    if c.author_id != who.user_id {
        return Err(CoreError::Forbidden);
    }
    if !editable(&c, Some(who.user_id), dias_core::time::now()) {
        return Err(CoreError::Conflict("comment-edit-window-over".into()));
    }
    let mut errors = FieldErrors::new();
    let body = required_text(&mut errors, "body", body, 5_000);
    errors.into_result()?;
    comment::Entity::update_many()
        .col_expr(comment::Column::Body, Expr::value(body))
        .col_expr(
            comment::Column::EditedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(comment::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The author deletes the comment; a placeholder stays in the thread and the
/// counters of the commented proposal or suggestion go down.
pub async fn delete(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    id: i64,
) -> CoreResult<()> {
    let c = visible_comment(db, process_id, id).await?;
    if c.author_id != who.user_id {
        return Err(CoreError::Forbidden);
    }
    let txn = dias_core::db::begin_write(db).await?;
    comment::Entity::update_many()
        .col_expr(
            comment::Column::DeletedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(comment::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    match c.target_kind.as_str() {
        "proposal" => {
            proposal::Entity::update_many()
                .col_expr(
                    proposal::Column::CommentsCount,
                    Expr::col(proposal::Column::CommentsCount).sub(1),
                )
                .filter(proposal::Column::Id.eq(c.target_id))
                .filter(proposal::Column::CommentsCount.gt(0))
                .exec(&txn)
                .await?;
        }
        "suggestion" => {
            suggestion::Entity::update_many()
                .col_expr(
                    suggestion::Column::CommentsCount,
                    Expr::col(suggestion::Column::CommentsCount).sub(1),
                )
                .filter(suggestion::Column::Id.eq(c.target_id))
                .filter(suggestion::Column::CommentsCount.gt(0))
                .exec(&txn)
                .await?;
        }
        _ => {}
    }
    dias_core::notifications::redact_for_link(&txn, &crate::moderation::comment_link_suffix(id))
        .await?;
    txn.commit().await?;
    Ok(())
}

/// Which of `ids` the person marked as helpful (one query).
pub async fn votes_of(
    db: &DatabaseConnection,
    user_id: Option<i64>,
    ids: &[i64],
) -> Result<HashSet<i64>, DbErr> {
    let Some(user_id) = user_id else {
        return Ok(HashSet::new());
    };
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(comment_vote::Entity::find()
        .filter(comment_vote::Column::UserId.eq(user_id))
        .filter(comment_vote::Column::CommentId.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|v| v.comment_id)
        .collect())
}
