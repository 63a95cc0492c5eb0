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
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, TransactionSession,
    TransactionTrait,
};

use crate::calendar;
use crate::entities::{desk_event, desk_inquiry, desk_team_member};
use crate::store::{self, Inquiry};
use crate::teams;
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

/// What became of a sender's reply.
#[derive(Debug, Clone)]
pub enum ReplyOutcome {
    Stored(Box<Replied>),
    /// The inquiry is gone or anonymized.
    Gone,
    /// Staff changed the inquiry between reading and writing, twice in a
    /// row: nothing was stored, the sender sends again.
    Conflict,
}

/// Sender replies through one status link within [`REPLY_WINDOW_SECS`]:
/// beyond the per-address limit, so that changing addresses does not flood
/// one inquiry's history.
pub const REPLIES_PER_INQUIRY: usize = 10;
pub const REPLY_WINDOW_SECS: i64 = 24 * 3600;
/// Staff hear of sender replies to one inquiry at most once per this
/// period; later replies wait in the queue.
pub const NOTIFY_EVERY_SECS: i64 = 3600;

/// The `data` of a sender reply whose staff mail went out.
pub const NOTIFIED_DATA: &str = r#"{"notified":true}"#;

/// Whether a new sender reply is taken, and whether staff hear of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allowance {
    /// Refused; the oldest reply in the window leaves it after this many
    /// seconds.
    Refused {
        retry_after: i64,
    },
    Accepted {
        notify: bool,
    },
}

/// The allowance at `now` given the earlier sender replies of the inquiry
/// as (time, whether staff were notified of it).
pub fn allowance(recent: &[(i64, bool)], now: i64) -> Allowance {
    let in_window: Vec<i64> = recent
        .iter()
        .map(|(at, _)| *at)
        .filter(|at| *at > now - REPLY_WINDOW_SECS)
        .collect();
    if in_window.len() >= REPLIES_PER_INQUIRY {
        let oldest = in_window.iter().copied().min().unwrap_or(now);
        return Allowance::Refused {
            retry_after: (oldest + REPLY_WINDOW_SECS - now).max(1),
        };
    }
    let notified_lately = recent
        .iter()
        .any(|(at, notified)| *notified && *at > now - NOTIFY_EVERY_SECS);
    Allowance::Accepted {
        notify: !notified_lately,
    }
}

/// The sender replies of an inquiry since `since`: (time, whether staff
/// were notified).
pub async fn recent_replies<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
    since: i64,
) -> Result<Vec<(i64, bool)>, DbErr> {
    let rows: Vec<(i64, String)> = desk_event::Entity::find()
        .select_only()
        .column(desk_event::Column::At)
        .column(desk_event::Column::Data)
        .filter(desk_event::Column::InquiryId.eq(inquiry_id))
        .filter(desk_event::Column::Kind.eq(event::SENDER_REPLY))
        .filter(desk_event::Column::At.gt(since))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(at, data)| (at, data == NOTIFIED_DATA))
        .collect())
}

/// Stores the sender's reply to inquiry `id` and reopens it if needed
/// ([`reply_as_of`]); when staff changed the inquiry in between, reads it
/// again and tries once more.
pub async fn reply<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    id: i64,
    message: &str,
    notified: bool,
    now: i64,
) -> Result<ReplyOutcome, DbErr> {
    for _ in 0..2 {
        let Some(current) = store::by_id(db, id).await? else {
            return Ok(ReplyOutcome::Gone);
        };
        match reply_as_of(db, &current, message, notified, now).await? {
            ReplyOutcome::Conflict => continue,
            done => return Ok(done),
        }
    }
    Ok(ReplyOutcome::Conflict)
}

/// Stores the sender's reply to the inquiry as `seen` and reopens it if
/// needed, in one transaction. The inquiry is only written if it is still
/// at `seen.version` and not anonymized; otherwise nothing is stored and
/// the answer is [`ReplyOutcome::Conflict`] (or `Gone` once anonymized):
/// the reopening decision was made on what the sender's request read.
pub async fn reply_as_of<C: ConnectionTrait + TransactionTrait>(
    db: &C,
    seen: &Inquiry,
    message: &str,
    notified: bool,
    now: i64,
) -> Result<ReplyOutcome, DbErr> {
    if seen.anonymized_at.is_some() {
        return Ok(ReplyOutcome::Gone);
    }
    let id = seen.id;
    let txn = dias_core::db::begin_write(db).await?;
    let status = Status::parse(&seen.status).unwrap_or(Status::New);
    let reopened_from = reopens(status).then_some(status);
    let mut update = desk_inquiry::Entity::update_many()
        .col_expr(desk_inquiry::Column::UpdatedAt, Expr::value(now))
        .col_expr(desk_inquiry::Column::Version, Expr::value(seen.version + 1));
    if reopened_from.is_some() {
        let topic = Topic::parse(&seen.topic).unwrap_or(Topic::Other);
        let (_, target_days) = store::topic_setting(&txn, topic).await?;
        update = update
            .col_expr(
                desk_inquiry::Column::Status,
                Expr::value(Status::InProgress.key()),
            )
            .col_expr(
                desk_inquiry::Column::DueAt,
                Expr::value(calendar::due_at(now, target_days)),
            )
            .col_expr(
                desk_inquiry::Column::ClosedAt,
                Expr::value(Option::<i64>::None),
            );
    }
    let changed = update
        .filter(desk_inquiry::Column::Id.eq(id))
        .filter(desk_inquiry::Column::Version.eq(seen.version))
        .filter(desk_inquiry::Column::AnonymizedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if changed == 0 {
        txn.rollback().await?;
        let gone = store::by_id(db, id)
            .await?
            .is_none_or(|i| i.anonymized_at.is_some());
        return Ok(if gone {
            ReplyOutcome::Gone
        } else {
            ReplyOutcome::Conflict
        });
    }
    let data = if notified { NOTIFIED_DATA } else { "" };
    store::add_event(
        &txn,
        id,
        event::SENDER_REPLY,
        None,
        true,
        message,
        data,
        now,
    )
    .await?;
    if let Some(from) = reopened_from {
        store::add_event(
            &txn,
            id,
            event::STATUS,
            None,
            true,
            "",
            &status_data(from, Status::InProgress),
            now,
        )
        .await?;
    }
    let inquiry = store::by_id(&txn, id)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("desk inquiry {id}")))?;
    txn.commit().await?;
    Ok(ReplyOutcome::Stored(Box::new(Replied {
        inquiry,
        reopened_from,
    })))
}

/// Who hears of a sender's reply: the assignee; without one the members
/// of the inquiry's team; otherwise nobody (the reply shows in the queue).
/// (e-mail, locale) of accounts that may still work inquiries
/// ([`teams::may_work`]), in two queries at most.
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
    // An assignee or team member demoted since keeps their rows, but no
    // longer hears about inquiries: the same rule as who may work them.
    Ok(users
        .into_iter()
        .filter(teams::may_work)
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

/// A date in a mail, as people of the mail's language write it:
/// `27.11.2026` in German, `27 November 2026` in English.
pub fn mail_date(locale: &str, unix: i64) -> String {
    if locale == "en" {
        jiff::Timestamp::from_second(unix)
            .map(|ts| {
                ts.to_zoned_datetime(
                    jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC),
                )
                .strftime("%-d %B %Y")
                .to_string()
            })
            .unwrap_or_default()
    } else {
        dias_core::time::format_date(unix)
    }
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
        ("due", mail_date(l, inquiry.due_at)),
    ];
    // The number of days goes in as a number, so that the message can
    // choose "1 Arbeitstag" or "2 Arbeitstagen".
    let mut body_args: Vec<(&str, Value<'_>)> = args
        .iter()
        .map(|(k, v)| (*k, Value::from(v.clone())))
        .collect();
    body_args.push(("days", Value::from(target_days)));
    Mail {
        subject: t(catalog, l, "desk-public-mail-confirm-subject", &args),
        body: catalog.get_with(l, "desk-public-mail-confirm-body", &body_args),
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

    fn inquiry(locale: &str) -> Inquiry {
        Inquiry {
            id: 7,
            reference: "DIAS-2026-000007".into(),
            token_salt: Some("salz".into()),
            token_hash: None,
            sender_type: "kommune".into(),
            topic: "breitband".into(),
            ags8: None,
            subject: "Markterkundung".into(),
            message: "Wie läuft das ab?".into(),
            sender_name: String::new(),
            sender_email: "erika@example.org".into(),
            user_id: None,
            locale: locale.into(),
            status: "neu".into(),
            assignee_id: None,
            team_id: None,
            context_path: None,
            // 2026-12-04 10:00 in Berlin.
            due_at: 1_796_374_800,
            created_at: 1_795_770_000,
            updated_at: 1_795_770_000,
            first_answer_at: None,
            closed_at: None,
            anonymized_at: None,
            version: 0,
        }
    }

    const LINK: &str = "https://dias.example/anfragen/status/abc";

    #[test]
    fn the_confirmation_counts_working_days_and_asks_to_reply_by_the_link() {
        let catalog = Catalog::new(crate::MESSAGES).unwrap_or_else(|e| panic!("{e}"));
        let one = confirmation_mail(&catalog, &inquiry("de"), LINK, 1).body;
        assert!(one.starts_with("Guten Tag,\n"), "{one}");
        assert!(
            one.contains("innerhalb eines Arbeitstages, also bis zum 04.12.2026"),
            "{one}"
        );
        assert!(!one.contains("1 Arbeitstagen"), "{one}");
        assert!(
            one.contains(
                "Bitte antworten Sie nicht auf diese E-Mail, sondern über Ihren persönlichen Link."
            ),
            "{one}"
        );
        let five = confirmation_mail(&catalog, &inquiry("de"), LINK, 5).body;
        assert!(five.contains("innerhalb von 5 Arbeitstagen"), "{five}");

        let en = confirmation_mail(&catalog, &inquiry("en"), LINK, 1).body;
        assert!(
            en.starts_with("Hello,\n\nThank you for your inquiry"),
            "{en}"
        );
        assert!(
            en.contains("within one working day, that is by 4 December 2026"),
            "{en}"
        );
        assert!(en.contains("Please do not reply to this e-mail"), "{en}");
        assert!(
            en.trim_end()
                .ends_with("Kind regards,\nDigitalagentur Sachsen"),
            "{en}"
        );
        let en5 = confirmation_mail(&catalog, &inquiry("en"), LINK, 5).body;
        assert!(en5.contains("within 5 working days"), "{en5}");
    }

    #[test]
    fn the_link_and_staff_mails_read_well_in_both_languages() {
        let catalog = Catalog::new(crate::MESSAGES).unwrap_or_else(|e| panic!("{e}"));
        let de = link_mail(&catalog, &inquiry("de"), LINK).body;
        assert!(de.starts_with("Guten Tag,\n\nSie haben"), "{de}");
        assert!(
            de.contains("Bitte antworten Sie nicht auf diese E-Mail"),
            "{de}"
        );
        let en = link_mail(&catalog, &inquiry("en"), LINK).body;
        assert!(en.starts_with("Hello,\n\nYou asked"), "{en}");
        assert!(en.contains("Please do not reply to this e-mail"), "{en}");
        let staff = staff_reply_mail(&catalog, "en", &inquiry("de"), LINK).body;
        assert!(staff.starts_with("Hello,\n\nThe sender"), "{staff}");
        assert!(staff.contains("Kind regards,"), "{staff}");
    }

    #[test]
    fn a_reply_reopens_what_does_not_wait_for_the_agency() {
        let reopening: Vec<_> = Status::ALL.iter().filter(|s| reopens(**s)).collect();
        assert_eq!(
            reopening,
            [&Status::AwaitingSender, &Status::Answered, &Status::Closed]
        );
    }

    #[test]
    fn ten_replies_a_day_and_one_staff_mail_an_hour() {
        let now = 1_800_000_000;
        assert_eq!(allowance(&[], now), Allowance::Accepted { notify: true });
        // A notified reply 59 minutes ago keeps staff quiet, 61 minutes not.
        assert_eq!(
            allowance(&[(now - 59 * 60, true)], now),
            Allowance::Accepted { notify: false }
        );
        assert_eq!(
            allowance(&[(now - 61 * 60, true), (now - 10 * 60, false)], now),
            Allowance::Accepted { notify: true }
        );
        let nine: Vec<(i64, bool)> = (0..9).map(|n| (now - 3600 * (n + 1), false)).collect();
        assert!(matches!(allowance(&nine, now), Allowance::Accepted { .. }));
        let mut ten = nine.clone();
        ten.push((now - 23 * 3600 - 1800, false));
        assert_eq!(
            allowance(&ten, now),
            Allowance::Refused { retry_after: 1800 }
        );
        // Replies older than a day do not count.
        let mut old = nine;
        old.push((now - REPLY_WINDOW_SECS, false));
        assert!(matches!(allowance(&old, now), Allowance::Accepted { .. }));
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
