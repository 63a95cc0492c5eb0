//! What the sender does after asking: reply through the status link (which
//! hands the inquiry back to the agency), ask for a forgotten link, and the
//! mails they and the staff get about it.
//!
//! A reply to an inquiry that waits for the sender, is answered or closed
//! reopens it („in Bearbeitung“): the target time starts again from the
//! reply, and a closed inquiry is no longer counted towards retention. A
//! reply to an inquiry the agency already works on keeps its due date, so
//! adding a detail never postpones the answer.

use dias_core::entities::user;
use dias_core::i18n::{Catalog, Value};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
    TransactionSession, TransactionTrait,
};

use crate::calendar;
use crate::entities::{desk_inquiry, desk_team_member};
use crate::store::{self, Inquiry};
use crate::vocab::{Status, Topic, event};

/// A sender's reply as stored.
#[derive(Debug, Clone)]
pub struct Replied {
    pub inquiry: Inquiry,
    /// The status before, when the reply reopened the inquiry.
    pub reopened_from: Option<Status>,
}

/// Whether a sender's reply hands the inquiry back to the agency.
pub fn reopens(status: Status) -> bool {
    matches!(
        status,
        Status::AwaitingSender | Status::Answered | Status::Closed
    )
}

/// The `data` of a status history entry: `{"from":"…","to":"…"}`.
pub fn status_data(from: Status, to: Status) -> String {
    serde_json::json!({ "from": from.key(), "to": to.key() }).to_string()
}

/// The status a status history entry changed to: from its data
/// (`{"to": …}` or a bare key) or its body.
pub fn status_of_event(data: &str, body: &str) -> Option<Status> {
    serde_json::from_str::<serde_json::Value>(data)
        .ok()
        .and_then(|v| v.get("to").and_then(|t| t.as_str()).and_then(Status::parse))
        .or_else(|| Status::parse(data.trim()))
        .or_else(|| Status::parse(body.trim()))
}

/// Stores the sender's reply to inquiry `id` and reopens it if needed, in
/// one transaction. `None` when the inquiry is gone or anonymized.
pub async fn reply<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    id: i64,
    message: &str,
    now: i64,
) -> Result<Option<Replied>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let Some(current) = store::by_id(&txn, id).await? else {
        return Ok(None);
    };
    if current.anonymized_at.is_some() {
        return Ok(None);
    }
    store::add_event(&txn, id, event::SENDER_REPLY, None, true, message, "", now).await?;
    let status = Status::parse(&current.status).unwrap_or(Status::New);
    let version = current.version + 1;
    let mut active: desk_inquiry::ActiveModel = current.clone().into();
    let reopened_from = reopens(status).then_some(status);
    if reopened_from.is_some() {
        let topic = Topic::parse(&current.topic).unwrap_or(Topic::Other);
        let (_, target_days) = store::topic_setting(&txn, topic).await?;
        store::add_event(
            &txn,
            id,
            event::STATUS,
            None,
            true,
            "",
            &status_data(status, Status::InProgress),
            now,
        )
        .await?;
        active.status = Set(Status::InProgress.key().to_owned());
        active.due_at = Set(calendar::due_at(now, target_days));
        active.closed_at = Set(None);
    }
    active.updated_at = Set(now);
    active.version = Set(version);
    let inquiry = active.update(&txn).await?;
    txn.commit().await?;
    Ok(Some(Replied {
        inquiry,
        reopened_from,
    }))
}

/// Who hears of a sender's reply: the assignee; without one the members
/// of the inquiry's team; otherwise nobody (the reply shows in the queue).
/// (e-mail, locale) of active accounts, in two queries at most.
pub async fn staff_to_notify<C: ConnectionTrait>(
    db: &C,
    inquiry: &Inquiry,
) -> Result<Vec<(String, String)>, DbErr> {
    let ids: Vec<i64> = match (inquiry.assignee_id, inquiry.team_id) {
        (Some(assignee), _) => vec![assignee],
        (None, Some(team)) => desk_team_member::Entity::find()
            .filter(desk_team_member::Column::TeamId.eq(team))
            .all(db)
            .await?
            .into_iter()
            .map(|m| m.user_id)
            .collect(),
        (None, None) => Vec::new(),
    };
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::BlockedAt.is_null())
        .all(db)
        .await?;
    Ok(users
        .into_iter()
        .filter_map(|u| u.email.map(|e| (e, u.locale)))
        .collect())
}

/// The inquiry a forgotten-link request names, only when reference and
/// e-mail address belong together and the inquiry still has its link.
pub async fn for_link_request<C: ConnectionTrait>(
    db: &C,
    reference: &str,
    email: &str,
) -> Result<Option<Inquiry>, DbErr> {
    let found = store::by_reference(db, reference).await?;
    Ok(found.filter(|i| {
        i.anonymized_at.is_none()
            && i.token_salt.is_some()
            && i.sender_email.trim().eq_ignore_ascii_case(email.trim())
    }))
}

/// A mail: subject and plain-text body.
#[derive(Debug, Clone)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

fn t(catalog: &Catalog, locale: &str, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, Value<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, Value::from(v.clone())))
        .collect();
    catalog.get_with(locale, id, &args)
}

/// The confirmation to the sender, in the inquiry's language: reference,
/// subject, the private link, the target time and what happens next.
pub fn confirmation_mail(
    catalog: &Catalog,
    inquiry: &Inquiry,
    link: &str,
    target_days: u32,
) -> Mail {
    let l = inquiry.locale.as_str();
    let args = [
        ("reference", inquiry.reference.clone()),
        ("subject", inquiry.subject.clone()),
        ("link", link.to_owned()),
        ("days", target_days.to_string()),
        ("due", dias_core::time::format_date(inquiry.due_at)),
    ];
    Mail {
        subject: t(catalog, l, "desk-public-mail-confirm-subject", &args),
        body: t(catalog, l, "desk-public-mail-confirm-body", &args),
    }
}

/// The status link again, after a forgotten-link request.
pub fn link_mail(catalog: &Catalog, inquiry: &Inquiry, link: &str) -> Mail {
    let l = inquiry.locale.as_str();
    let args = [
        ("reference", inquiry.reference.clone()),
        ("subject", inquiry.subject.clone()),
        ("link", link.to_owned()),
    ];
    Mail {
        subject: t(catalog, l, "desk-public-mail-link-subject", &args),
        body: t(catalog, l, "desk-public-mail-link-body", &args),
    }
}

/// To staff: the sender replied; the link opens the inquiry in the queue.
/// The reply itself is not copied into the mail (it may carry personal
/// data; the queue is where it is read).
pub fn staff_reply_mail(catalog: &Catalog, locale: &str, inquiry: &Inquiry, link: &str) -> Mail {
    let args = [
        ("reference", inquiry.reference.clone()),
        ("subject", inquiry.subject.clone()),
        ("link", link.to_owned()),
    ];
    Mail {
        subject: t(catalog, locale, "desk-public-mail-staff-subject", &args),
        body: t(catalog, locale, "desk-public-mail-staff-body", &args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reply_reopens_what_does_not_wait_for_the_agency() {
        let reopening: Vec<_> = Status::ALL.iter().filter(|s| reopens(**s)).collect();
        assert_eq!(
            reopening,
            [&Status::AwaitingSender, &Status::Answered, &Status::Closed]
        );
    }

    #[test]
    fn status_entries_name_their_new_status() {
        let data = status_data(Status::Closed, Status::InProgress);
        assert_eq!(status_of_event(&data, ""), Some(Status::InProgress));
        assert_eq!(status_of_event("beantwortet", ""), Some(Status::Answered));
        assert_eq!(status_of_event("", "geschlossen"), Some(Status::Closed));
        assert_eq!(status_of_event("{}", "x"), None);
    }
}
