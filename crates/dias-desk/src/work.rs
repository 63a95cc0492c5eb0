//! Staff work on one inquiry: assigning, changing status or topic,
//! internal notes, public replies and links to module objects.
//!
//! Every change goes through [`apply`]: it checks the version the editor
//! saw (two people on the same inquiry must not overwrite each other
//! silently), updates the inquiry with a conditional `UPDATE … WHERE
//! version = ?` so a race between check and write is caught too, and writes
//! one history entry through [`store::add_event`]. The caller owns the
//! transaction, so the mail to the sender and the audit entry are stored
//! with the change or not at all.
//!
//! History entries written here: `status` (public, data
//! `{"from","to"}`), `assigned` (internal, data `{"from","to"}` user ids),
//! `topic` (internal, data `{"from","to","team"}`), `note` (internal, body
//! is the note), `reply` (public, body is the reply, data `{"status"}`),
//! `link`/`unlink` (internal, data `{"path","label"}`).

use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};
use serde_json::json;

use crate::calendar;
use crate::entities::{desk_inquiry, desk_link};
use crate::links;
use crate::store::{self, Inquiry};
use crate::teams;
use crate::vocab::{Status, Topic, event};

/// The longest note or reply, and link label (the column's length).
pub const MAX_TEXT: usize = 20_000;
pub const MAX_LABEL: usize = 200;

/// One change staff make to an inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// `None` takes the assignment away.
    Assign(Option<i64>),
    Status(Status),
    Topic(Topic),
    Note(String),
    /// A public reply; `ask_back` turns it into a question to the sender
    /// (status `rueckfrage`) instead of an answer.
    Reply {
        text: String,
        ask_back: bool,
    },
    Link {
        path: String,
        label: String,
    },
    Unlink(i64),
}

/// Why a change was not made.
#[derive(Debug, thiserror::Error)]
pub enum WorkError {
    #[error("no such inquiry")]
    NotFound,
    /// Someone changed the inquiry after the editor loaded it.
    #[error("changed meanwhile")]
    Stale,
    /// The change makes no sense in the inquiry's state or names something
    /// that is not there; the message id says why.
    #[error("refused: {0}")]
    Refused(&'static str),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The result of a change: the inquiry before and after, and the history
/// entry written.
#[derive(Debug, Clone)]
pub struct Applied {
    pub before: Inquiry,
    pub after: Inquiry,
    pub event_id: i64,
}

/// Whether staff may move an inquiry from `from` to `to` by hand. A closed
/// inquiry is only reopened (to "in Bearbeitung"); setting the same status
/// again is no change. "Beantwortet" is normally reached by a reply, but
/// staff may set it when the answer went out another way (a phone call).
pub fn status_change_allowed(from: Status, to: Status) -> bool {
    if from == to {
        return false;
    }
    match from {
        Status::Closed => to == Status::InProgress,
        _ => true,
    }
}

/// The statuses staff can choose from a given one.
pub fn status_choices(from: Status) -> Vec<Status> {
    Status::ALL
        .iter()
        .copied()
        .filter(|to| status_change_allowed(from, *to))
        .collect()
}

/// The status a public reply leaves behind.
pub fn status_after_reply(ask_back: bool) -> Status {
    if ask_back {
        Status::AwaitingSender
    } else {
        Status::Answered
    }
}

/// Whether a status change starts the target time again: the agency owes
/// an answer again after it did not (a reply came back, a closed inquiry
/// reopened).
pub fn restarts_target_time(from: Status, to: Status) -> bool {
    to.awaits_agency() && !from.awaits_agency()
}

/// A reply's Markdown as the plain text of a mail: paragraphs and list
/// items on their own lines, emphasis markers dropped, links as
/// "Text (URL)" so the address survives in a text-only mail client.
pub fn mail_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    let mut links: Vec<String> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    for item in Parser::new(markdown) {
        match item {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(dest_url.to_string()),
            Event::End(TagEnd::Link) => {
                if let Some(url) = links.pop()
                    && !out.ends_with(url.as_str())
                {
                    out.push_str(&format!(" ({url})"));
                }
            }
            Event::Start(Tag::List(start)) => lists.push(start),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                if lists.is_empty() {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Item) => {
                let depth = lists.len().saturating_sub(1);
                out.push_str(&"  ".repeat(depth));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::Item) if !out.ends_with('\n') => out.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_)) => {
                out.push_str(if lists.is_empty() { "\n\n" } else { "\n" });
            }
            Event::Rule => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// A note or reply text, trimmed, or the message id of its error.
pub fn check_text(typed: &str) -> Result<String, &'static str> {
    let text = typed.trim();
    if text.is_empty() {
        Err("desk-staff-error-text-missing")
    } else if text.chars().count() > MAX_TEXT {
        Err("desk-staff-error-text-long")
    } else {
        Ok(text.to_owned())
    }
}

/// A link to a module object: a path on this portal and an optional label.
pub fn check_link(path: &str, label: &str) -> Result<(String, String), &'static str> {
    let path = links::local_path(path).ok_or("desk-staff-error-link-path")?;
    let label = label.trim();
    if label.chars().count() > MAX_LABEL {
        return Err("desk-staff-error-link-label");
    }
    Ok((path, label.to_owned()))
}

fn status_of(inquiry: &Inquiry) -> Status {
    Status::parse(&inquiry.status).unwrap_or(Status::New)
}

/// Applies `change` by `actor` to the inquiry `id` as its editor saw it in
/// `version`. Run it inside a transaction.
pub async fn apply<C: ConnectionTrait>(
    db: &C,
    id: i64,
    version: i32,
    actor: i64,
    change: Change,
    now: i64,
) -> Result<Applied, WorkError> {
    let before = store::by_id(db, id).await?.ok_or(WorkError::NotFound)?;
    if before.version != version {
        return Err(WorkError::Stale);
    }
    if before.anonymized_at.is_some() {
        return Err(WorkError::Refused("desk-staff-error-anonymized"));
    }
    let from = status_of(&before);
    let mut update = desk_inquiry::Entity::update_many()
        .col_expr(desk_inquiry::Column::UpdatedAt, Expr::value(now))
        .col_expr(desk_inquiry::Column::Version, Expr::value(version + 1));
    let set_status = |update: sea_orm::UpdateMany<desk_inquiry::Entity>, to: Status| {
        let mut update = update.col_expr(
            desk_inquiry::Column::Status,
            Expr::value(to.key().to_owned()),
        );
        if to == Status::Closed {
            update = update.col_expr(desk_inquiry::Column::ClosedAt, Expr::value(now));
        } else if from == Status::Closed {
            update = update.col_expr(
                desk_inquiry::Column::ClosedAt,
                Expr::value(Option::<i64>::None),
            );
        }
        update
    };
    // (kind, public, body, data) of the history entry.
    let entry: (&str, bool, String, serde_json::Value) = match &change {
        Change::Assign(to) => {
            if *to == before.assignee_id {
                return Err(WorkError::Refused("desk-staff-error-same-assignee"));
            }
            if let Some(user_id) = to {
                let ok = dias_core::entities::user::Entity::find_by_id(*user_id)
                    .one(db)
                    .await?
                    .is_some_and(|u| teams::may_work(&u));
                if !ok {
                    return Err(WorkError::Refused("desk-staff-error-assignee"));
                }
            }
            update = update.col_expr(desk_inquiry::Column::AssigneeId, Expr::value(*to));
            (
                event::ASSIGNED,
                false,
                String::new(),
                json!({ "from": before.assignee_id, "to": to }),
            )
        }
        Change::Status(to) => {
            if !status_change_allowed(from, *to) {
                return Err(WorkError::Refused("desk-staff-error-status"));
            }
            update = set_status(update, *to);
            if restarts_target_time(from, *to) {
                let topic = Topic::parse(&before.topic).unwrap_or(Topic::Other);
                let (_, days) = store::topic_setting(db, topic).await?;
                update = update.col_expr(
                    desk_inquiry::Column::DueAt,
                    Expr::value(calendar::due_at(now, days)),
                );
            }
            (
                event::STATUS,
                true,
                String::new(),
                json!({ "from": from.key(), "to": to.key() }),
            )
        }
        Change::Topic(to) => {
            if to.key() == before.topic {
                return Err(WorkError::Refused("desk-staff-error-same-topic"));
            }
            let (team, days) = store::topic_setting(db, *to).await?;
            update = update
                .col_expr(
                    desk_inquiry::Column::Topic,
                    Expr::value(to.key().to_owned()),
                )
                .col_expr(desk_inquiry::Column::TeamId, Expr::value(team));
            // The new team answers within its own target time, counted from
            // the move; an inquiry waiting for the sender keeps its date.
            if from.awaits_agency() {
                update = update.col_expr(
                    desk_inquiry::Column::DueAt,
                    Expr::value(calendar::due_at(now, days)),
                );
            }
            // Someone outside the new team no longer holds the inquiry.
            let mut assignee = before.assignee_id;
            if team != before.team_id
                && let Some(current) = before.assignee_id
            {
                let keeps = match team {
                    Some(team) => teams::member_ids(db, team).await?.contains(&current),
                    None => false,
                };
                if !keeps {
                    assignee = None;
                    update = update.col_expr(
                        desk_inquiry::Column::AssigneeId,
                        Expr::value(Option::<i64>::None),
                    );
                }
            }
            (
                event::TOPIC,
                false,
                String::new(),
                json!({
                    "from": before.topic,
                    "to": to.key(),
                    "team": team,
                    "assignee": assignee,
                }),
            )
        }
        Change::Note(text) => (event::NOTE, false, text.clone(), json!({})),
        Change::Reply { text, ask_back } => {
            let to = status_after_reply(*ask_back);
            update = set_status(update, to);
            if before.first_answer_at.is_none() {
                update = update.col_expr(desk_inquiry::Column::FirstAnswerAt, Expr::value(now));
            }
            (
                event::REPLY,
                true,
                text.clone(),
                json!({ "status": to.key() }),
            )
        }
        Change::Link { path, label } => {
            desk_link::ActiveModel {
                inquiry_id: Set(id),
                path: Set(path.clone()),
                label: Set(label.clone()),
                added_by: Set(Some(actor)),
                at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await?;
            (
                event::LINK,
                false,
                String::new(),
                json!({ "path": path, "label": label }),
            )
        }
        Change::Unlink(link_id) => {
            let link = desk_link::Entity::find_by_id(*link_id)
                .filter(desk_link::Column::InquiryId.eq(id))
                .one(db)
                .await?
                .ok_or(WorkError::Refused("desk-staff-error-link-gone"))?;
            desk_link::Entity::delete_by_id(link.id).exec(db).await?;
            (
                event::UNLINK,
                false,
                String::new(),
                json!({ "path": link.path, "label": link.label }),
            )
        }
    };
    let result = update
        .filter(desk_inquiry::Column::Id.eq(id))
        .filter(desk_inquiry::Column::Version.eq(version))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Err(WorkError::Stale);
    }
    let (kind, public, body, data) = entry;
    let event_id = store::add_event(
        db,
        id,
        kind,
        Some(actor),
        public,
        &body,
        &data.to_string(),
        now,
    )
    .await?;
    let after = store::by_id(db, id).await?.ok_or(WorkError::NotFound)?;
    Ok(Applied {
        before,
        after,
        event_id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mail_text_is_plain_with_visible_links() {
        let text = mail_text(
            "Guten Tag,\n\n**Wichtig:** siehe [DigiZ](https://example.org/digiz).\n\n- eins\n- *zwei*\n\nEnde",
        );
        assert_eq!(
            text,
            "Guten Tag,\n\nWichtig: siehe DigiZ (https://example.org/digiz).\n\n- eins\n- zwei\n\nEnde"
        );
        assert_eq!(mail_text("<https://example.org>"), "https://example.org");
    }

    #[test]
    fn closed_inquiries_are_only_reopened_and_no_status_is_set_twice() {
        for from in Status::ALL {
            assert!(!status_change_allowed(*from, *from), "{from:?}");
        }
        assert_eq!(status_choices(Status::Closed), [Status::InProgress]);
        assert_eq!(
            status_choices(Status::New),
            [
                Status::InProgress,
                Status::AwaitingSender,
                Status::Answered,
                Status::Closed
            ]
        );
        assert!(status_change_allowed(Status::Answered, Status::Closed));
        assert!(status_change_allowed(Status::AwaitingSender, Status::New));
    }

    #[test]
    fn a_reply_answers_or_asks_back() {
        assert_eq!(status_after_reply(false), Status::Answered);
        assert_eq!(status_after_reply(true), Status::AwaitingSender);
        assert!(!status_after_reply(true).awaits_agency());
    }

    #[test]
    fn the_target_time_restarts_only_when_the_agency_owes_an_answer_again() {
        assert!(restarts_target_time(
            Status::AwaitingSender,
            Status::InProgress
        ));
        assert!(restarts_target_time(Status::Closed, Status::InProgress));
        assert!(restarts_target_time(Status::Answered, Status::New));
        assert!(!restarts_target_time(Status::New, Status::InProgress));
        assert!(!restarts_target_time(Status::InProgress, Status::Answered));
    }

    #[test]
    fn texts_and_links_are_checked() {
        assert_eq!(check_text("  Danke  "), Ok("Danke".to_owned()));
        assert_eq!(check_text(" \n "), Err("desk-staff-error-text-missing"));
        assert!(check_text(&"x".repeat(MAX_TEXT + 1)).is_err());
        assert_eq!(
            check_link(" /foerderung/angebote/digi-z ", " DigiZ "),
            Ok(("/foerderung/angebote/digi-z".to_owned(), "DigiZ".to_owned()))
        );
        assert_eq!(
            check_link("https://evil.example", ""),
            Err("desk-staff-error-link-path")
        );
        assert_eq!(
            check_link("/x", &"y".repeat(201)),
            Err("desk-staff-error-link-label")
        );
    }
}
