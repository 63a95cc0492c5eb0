//! What Beteiligung tells people (Benachrichtigungen), on top of the core's
//! follows and notifications.
//!
//! People follow a process, a proposal or a change suggestion; authors
//! follow their own proposals and suggestions from the start. Each function
//! here is called by the store inside the transaction of its event, so the
//! notification exists exactly when the event does, and the person who acted
//! is never told about their own action. Nobody is told twice about one
//! event: a reply to one's comment on one's own proposal is one notification.
//! Content waiting for pre-moderation tells nobody.

use dias_core::notifications::{self, NewNotification, Target};
use dias_core::policy::Principal;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait};

use crate::entities::{comment, paragraph, process, proposal, suggestion, text_version};
use crate::moderation::{self, ReportTarget, TargetKind};

/// Follow kinds (also the store's kind names).
pub const FOLLOW_PROCESS: &str = "process";
pub const FOLLOW_PROPOSAL: &str = "proposal";
pub const FOLLOW_SUGGESTION: &str = "suggestion";

pub fn process_target(id: i64) -> Target {
    Target::new(FOLLOW_PROCESS, id)
}

pub fn proposal_target(id: i64) -> Target {
    Target::new(FOLLOW_PROPOSAL, id)
}

pub fn suggestion_target(id: i64) -> Target {
    Target::new(FOLLOW_SUGGESTION, id)
}

async fn process_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<process::Model, DbErr> {
    process::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("process {id}")))
}

/// How a paragraph is named in a notification: its section, else its chapter.
fn paragraph_title(p: &paragraph::Model) -> String {
    if p.section_title.trim().is_empty() {
        p.chapter_title.clone()
    } else {
        p.section_title.clone()
    }
}

async fn paragraph_title_of<C: ConnectionTrait>(db: &C, id: i64) -> Result<String, DbErr> {
    Ok(paragraph::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|p| paragraph_title(&p))
        .unwrap_or_default())
}

/// The title of what a comment is about.
async fn comment_subject<C: ConnectionTrait>(
    db: &C,
    process: &process::Model,
    c: &comment::Model,
) -> Result<String, DbErr> {
    let title = match c.target_kind.as_str() {
        "proposal" => proposal::Entity::find_by_id(c.target_id)
            .one(db)
            .await?
            .map(|p| p.title),
        "paragraph" => Some(paragraph_title_of(db, c.target_id).await?),
        "suggestion" => match suggestion::Entity::find_by_id(c.target_id).one(db).await? {
            Some(s) => Some(paragraph_title_of(db, s.paragraph_id).await?),
            None => None,
        },
        _ => None,
    };
    Ok(title
        .filter(|t| !t.trim().is_empty())
        .unwrap_or_else(|| process.title.clone()))
}

/// A new visible comment: the author of the comment it answers hears of the
/// reply (`answered`; a reply at the deepest level is stored next to that
/// comment, so its parent may differ), a proposal's author of the new comment.
pub async fn comment_added<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
    c: &comment::Model,
    answered: Option<i64>,
) -> Result<(), DbErr> {
    if c.hidden_at.is_some() {
        return Ok(());
    }
    let process = process_of(db, c.process_id).await?;
    let parent_author = match answered {
        Some(parent) => comment::Entity::find_by_id(parent)
            .one(db)
            .await?
            .map(|p| p.author_id)
            .filter(|author| *author != actor_id),
        None => None,
    };
    let proposal_author = match c.target_kind.as_str() {
        "proposal" => proposal::Entity::find_by_id(c.target_id)
            .one(db)
            .await?
            .map(|p| p.author_id)
            .filter(|author| *author != actor_id && Some(*author) != parent_author),
        _ => None,
    };
    if parent_author.is_none() && proposal_author.is_none() {
        return Ok(());
    }
    let place = ReportTarget {
        kind: TargetKind::Comment,
        id: c.id,
    };
    let link = moderation::load_contents(db, &[place])
        .await?
        .get(&place)
        .map(|content| content.link(&process.slug).href())
        .unwrap_or_else(|| format!("/beteiligung/{}", process.slug));
    let title = comment_subject(db, &process, c).await?;
    // No names: a copy of someone's name in other people's inboxes would
    // outlive the deletion of their account (the comment itself then shows
    // "Gelöschtes Konto").
    let args = serde_json::json!({});
    if let Some(author) = parent_author {
        notifications::notify(
            db,
            &[author],
            &NewNotification {
                kind: "notif-comment-reply",
                args: args.clone(),
                title: &title,
                summary: &c.body,
                link: &link,
            },
        )
        .await?;
    }
    if let Some(author) = proposal_author {
        notifications::notify(
            db,
            &[author],
            &NewNotification {
                kind: "notif-proposal-comment",
                args,
                title: &title,
                summary: &c.body,
                link: &link,
            },
        )
        .await?;
    }
    Ok(())
}

/// An official answer (with its status) on a proposal: its followers hear
/// of it — the author among them unless they stopped following.
pub async fn proposal_answered<C: ConnectionTrait>(
    db: &C,
    who: &Principal,
    p: &proposal::Model,
    status: &str,
    answer: &str,
) -> Result<(), DbErr> {
    if p.hidden_at.is_some() {
        return Ok(());
    }
    let process = process_of(db, p.process_id).await?;
    let link = format!(
        "/beteiligung/{}/vorschlaege/{}#answers-heading",
        process.slug, p.id
    );
    notifications::notify_followers(
        db,
        proposal_target(p.id),
        Some(who.user_id),
        &[],
        &NewNotification {
            kind: "notif-proposal-answered",
            args: serde_json::json!({ "status_key": format!("status-{status}") }),
            title: &p.title,
            summary: answer,
            link: &link,
        },
    )
    .await?;
    Ok(())
}

/// A decision on a change suggestion: its followers hear of it.
pub async fn suggestion_decided<C: ConnectionTrait>(
    db: &C,
    who: &Principal,
    s: &suggestion::Model,
    decision: &str,
    reason: &str,
) -> Result<(), DbErr> {
    if s.hidden_at.is_some() {
        return Ok(());
    }
    let process = process_of(db, s.process_id).await?;
    let title = paragraph_title_of(db, s.paragraph_id).await?;
    let title = if title.trim().is_empty() {
        process.title.clone()
    } else {
        title
    };
    let link = format!(
        "/beteiligung/{}/text/{}#aenderung-{}",
        process.slug, s.paragraph_id, s.id
    );
    notifications::notify_followers(
        db,
        suggestion_target(s.id),
        Some(who.user_id),
        &[],
        &NewNotification {
            kind: "notif-suggestion-decided",
            args: serde_json::json!({
                "decision_key": format!("suggestion-status-{decision}"),
            }),
            title: &title,
            summary: reason,
            link: &link,
        },
    )
    .await?;
    Ok(())
}

/// A newly published version of the strategy text: the process's followers
/// hear of it.
pub async fn version_published<C: ConnectionTrait>(
    db: &C,
    version: &text_version::Model,
) -> Result<(), DbErr> {
    if version.published_at.is_none() {
        return Ok(());
    }
    let process = process_of(db, version.process_id).await?;
    if process.visibility == "draft" {
        return Ok(());
    }
    let link = format!("/beteiligung/{}/text", process.slug);
    notifications::notify_followers(
        db,
        process_target(process.id),
        None,
        &[],
        &NewNotification {
            kind: "notif-version-published",
            args: serde_json::json!({ "version": version.title }),
            title: &process.title,
            summary: &version.title,
            link: &link,
        },
    )
    .await?;
    Ok(())
}
