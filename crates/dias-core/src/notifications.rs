//! Notifications (Benachrichtigungen): following things, the personal inbox
//! and the notification mail.
//!
//! Modules name what can be followed with a [`Target`] (their own kind string
//! and an id) and write notifications with [`notify`] or [`notify_followers`]
//! inside the transaction of the event they report, so that a notification
//! exists exactly when its event does. A notification stores a message id
//! (`kind`) with arguments, the title of what it is about, a short plain-text
//! excerpt and a path; it is rendered in the reader's language when shown or
//! mailed ([`render`]).
//!
//! Mail follows each person's `notify_frequency`: "immediately" gathers what
//! arrived within a few seconds into one mail, "daily" and "weekly" send one
//! digest at [`DIGEST_HOUR`] Berlin time (weekly on Mondays), "off" keeps
//! notifications in the portal only. [`deliver_due`] is one round of the mail
//! worker. It claims a person's pending notifications with one conditional
//! `UPDATE … WHERE mail_state = 'pending'` in the same transaction that
//! queues the mail, so several instances on one database never mail a
//! notification twice, and a crash before the commit leaves it pending for
//! the next round.

use std::collections::{HashMap, HashSet};

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::accounts::MailEnv;
use crate::entities::{follow, notification, user};
use crate::i18n::{Catalog, Value};
use crate::mail;

pub const MAIL_PENDING: &str = "pending";
pub const MAIL_SENT: &str = "sent";
/// Never mailed: the person wanted no mail (or cannot receive any).
pub const MAIL_SKIPPED: &str = "skipped";

/// The hour (Berlin time) at which daily and weekly digests go out.
pub const DIGEST_HOUR: i8 = 7;
/// An "immediately" mail waits this long for more notifications to join it.
pub const BATCH_SECS: i64 = 5;
/// Items listed in one mail; the rest are counted and linked.
const MAIL_ITEMS: usize = 50;
/// Users handled per worker round.
const ROUND_USERS: u64 = 200;
/// Rows per insert statement (parameters stay far below database limits).
const INSERT_CHUNK: usize = 300;

/// Something that can be followed: a module's kind and the thing's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Target {
    pub kind: &'static str,
    pub id: i64,
}

impl Target {
    pub fn new(kind: &'static str, id: i64) -> Target {
        Target { kind, id }
    }
}

/// What to tell people.
#[derive(Debug, Clone)]
pub struct NewNotification<'a> {
    /// A message id whose text heads the notification, e.g.
    /// `notif-proposal-answered`.
    pub kind: &'a str,
    /// Arguments of that message. A key ending in `_key` holds a message id
    /// that is translated and passed without the suffix (`status_key` →
    /// `status`), so that labels appear in the reader's language.
    pub args: serde_json::Value,
    /// What it is about (a title written by people, not translated).
    pub title: &'a str,
    /// A plain-text excerpt; shortened to [`SUMMARY_CHARS`].
    pub summary: &'a str,
    /// A path on the portal.
    pub link: &'a str,
}

pub const SUMMARY_CHARS: usize = 280;
const TITLE_CHARS: usize = 300;
const LINK_CHARS: usize = 500;

// ------------------------------------------------------------------ following

/// Starts following; following twice is the same as once. Returns whether a
/// new follow was stored.
pub async fn follow<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    target: Target,
) -> Result<bool, DbErr> {
    let inserted = follow::Entity::insert(follow::ActiveModel {
        user_id: Set(user_id),
        target_kind: Set(target.kind.to_owned()),
        target_id: Set(target.id),
        created_at: Set(crate::time::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            follow::Column::UserId,
            follow::Column::TargetKind,
            follow::Column::TargetId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(inserted > 0)
}

/// Stops following. Returns whether there was a follow.
pub async fn unfollow<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    target: Target,
) -> Result<bool, DbErr> {
    let deleted = follow::Entity::delete_many()
        .filter(follow::Column::UserId.eq(user_id))
        .filter(follow::Column::TargetKind.eq(target.kind))
        .filter(follow::Column::TargetId.eq(target.id))
        .exec(db)
        .await?;
    Ok(deleted.rows_affected > 0)
}

pub async fn is_following<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    target: Target,
) -> Result<bool, DbErr> {
    Ok(following(db, user_id, target.kind, &[target.id])
        .await?
        .contains(&target.id))
}

/// Which of `ids` (of one kind) a person follows, in one query.
pub async fn following<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    kind: &str,
    ids: &[i64],
) -> Result<HashSet<i64>, DbErr> {
    if ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(follow::Entity::find()
        .filter(follow::Column::UserId.eq(user_id))
        .filter(follow::Column::TargetKind.eq(kind))
        .filter(follow::Column::TargetId.is_in(ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|f| f.target_id)
        .collect())
}

/// Accounts that can be notified: not deleted, not blocked.
fn active_users() -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::DeletedAt.is_null())
        .and_where(user::Column::BlockedAt.is_null())
        .to_owned()
}

// ------------------------------------------------------------------ notifying

fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    if let Some(space) = cut.rfind(' ').filter(|i| *i > max / 2) {
        cut.truncate(space);
    }
    cut.push('…');
    cut
}

async fn insert_for<C: ConnectionTrait>(
    db: &C,
    user_ids: &[i64],
    n: &NewNotification<'_>,
) -> Result<usize, DbErr> {
    let now = crate::time::now();
    let args = if n.args.is_object() {
        n.args.to_string()
    } else {
        "{}".to_owned()
    };
    let title = shorten(n.title, TITLE_CHARS);
    let summary = shorten(n.summary, SUMMARY_CHARS);
    let link: String = n.link.chars().take(LINK_CHARS).collect();
    for chunk in user_ids.chunks(INSERT_CHUNK) {
        let rows = chunk.iter().map(|user_id| notification::ActiveModel {
            user_id: Set(*user_id),
            kind: Set(n.kind.to_owned()),
            args: Set(args.clone()),
            title: Set(title.clone()),
            summary: Set(summary.clone()),
            link: Set(link.clone()),
            created_at: Set(now),
            read_at: Set(None),
            mail_state: Set(MAIL_PENDING.to_owned()),
            mailed_at: Set(None),
            mail_batch: Set(None),
            ..Default::default()
        });
        notification::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(user_ids.len())
}

/// Notifies the given people (each once; deleted and blocked accounts are
/// left out). Use the event's transaction as `db`. Returns how many were
/// notified.
pub async fn notify<C: ConnectionTrait>(
    db: &C,
    user_ids: &[i64],
    n: &NewNotification<'_>,
) -> Result<usize, DbErr> {
    let mut ids = user_ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(0);
    }
    let active: Vec<i64> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Id.is_in(ids))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::BlockedAt.is_null())
        .into_tuple()
        .all(db)
        .await?;
    insert_for(db, &active, n).await
}

/// The people following `target` who can be notified, in one query.
pub async fn followers<C: ConnectionTrait>(db: &C, target: Target) -> Result<Vec<i64>, DbErr> {
    follow::Entity::find()
        .select_only()
        .column(follow::Column::UserId)
        .filter(follow::Column::TargetKind.eq(target.kind))
        .filter(follow::Column::TargetId.eq(target.id))
        .filter(follow::Column::UserId.in_subquery(active_users()))
        .order_by_asc(follow::Column::UserId)
        .into_tuple()
        .all(db)
        .await
}

/// Notifies everyone who follows `target` except `except` (the person who
/// acted) and the people in `already` (told about the same event in another
/// way). Use the event's transaction as `db`. Returns the notified ids.
pub async fn notify_followers<C: ConnectionTrait>(
    db: &C,
    target: Target,
    except: Option<i64>,
    already: &[i64],
    n: &NewNotification<'_>,
) -> Result<Vec<i64>, DbErr> {
    let ids: Vec<i64> = followers(db, target)
        .await?
        .into_iter()
        .filter(|id| Some(*id) != except && !already.contains(id))
        .collect();
    insert_for(db, &ids, n).await?;
    Ok(ids)
}

// ------------------------------------------------------------------ the inbox

/// Unread notifications of a person (the header badge): one indexed count.
pub async fn unread_count<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<u64, DbErr> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .count(db)
        .await
}

/// One page of a person's notifications, newest first, and the total.
pub async fn page(
    db: &DatabaseConnection,
    user_id: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<notification::Model>, u64), DbErr> {
    let paginator = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_desc(notification::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page.saturating_sub(1)).await?, total))
}

/// A person's own notification (none for anyone else's).
pub async fn own(
    db: &DatabaseConnection,
    user_id: i64,
    id: i64,
) -> Result<Option<notification::Model>, DbErr> {
    Ok(notification::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|n| n.user_id == user_id))
}

/// Marks one of a person's notifications read; `false` when it is not theirs
/// (or does not exist).
pub async fn mark_read(db: &DatabaseConnection, user_id: i64, id: i64) -> Result<bool, DbErr> {
    let Some(n) = own(db, user_id, id).await? else {
        return Ok(false);
    };
    if n.read_at.is_none() {
        notification::Entity::update_many()
            .col_expr(
                notification::Column::ReadAt,
                Expr::value(crate::time::now()),
            )
            .filter(notification::Column::Id.eq(id))
            .filter(notification::Column::UserId.eq(user_id))
            .filter(notification::Column::ReadAt.is_null())
            .exec(db)
            .await?;
    }
    Ok(true)
}

/// Marks all of a person's notifications read; returns how many changed.
pub async fn mark_all_read(db: &DatabaseConnection, user_id: i64) -> Result<u64, DbErr> {
    Ok(notification::Entity::update_many()
        .col_expr(
            notification::Column::ReadAt,
            Expr::value(crate::time::now()),
        )
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::ReadAt.is_null())
        .exec(db)
        .await?
        .rows_affected)
}

/// Everything stored for a person, for the data export.
pub async fn of_user<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<(Vec<follow::Model>, Vec<notification::Model>), DbErr> {
    let follows = follow::Entity::find()
        .filter(follow::Column::UserId.eq(user_id))
        .order_by_asc(follow::Column::Id)
        .all(db)
        .await?;
    let notifications = notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_asc(notification::Column::Id)
        .all(db)
        .await?;
    Ok((follows, notifications))
}

/// Takes the quoted words of a contribution out of the notifications that
/// point to it (`link` ends with `link_suffix`) after moderation hid it or its
/// author deleted it: the excerpt goes, and mail not yet sent about it is
/// not sent. Rare, so a scan is fine.
pub async fn redact_for_link<C: ConnectionTrait>(db: &C, link_suffix: &str) -> Result<u64, DbErr> {
    let pattern = format!("%{}", link_suffix.replace(['%', '_'], ""));
    let pending = notification::Entity::update_many()
        .col_expr(notification::Column::MailState, Expr::value(MAIL_SKIPPED))
        .filter(notification::Column::Link.like(&pattern))
        .filter(notification::Column::MailState.eq(MAIL_PENDING))
        .exec(db)
        .await?;
    notification::Entity::update_many()
        .col_expr(notification::Column::Summary, Expr::value(""))
        .filter(notification::Column::Link.like(&pattern))
        .exec(db)
        .await?;
    Ok(pending.rows_affected)
}

/// Removes a person's follows and notifications (account deletion: they are
/// personal data, not contributions).
pub async fn delete_for_user<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<(), DbErr> {
    follow::Entity::delete_many()
        .filter(follow::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    notification::Entity::delete_many()
        .filter(notification::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}

// ------------------------------------------------------------------ rendering

/// A notification in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// What happened, e.g. "Neue Stellungnahme: angenommen".
    pub headline: String,
    pub title: String,
    pub summary: String,
    pub link: String,
}

/// Renders a notification in `locale`.
pub fn render(catalog: &Catalog, locale: &str, n: &notification::Model) -> Rendered {
    let args: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&n.args).unwrap_or_default();
    let mut values: Vec<(String, Value<'static>)> = Vec::new();
    for (key, value) in args {
        match (key.strip_suffix("_key"), value) {
            (Some(name), serde_json::Value::String(id)) => {
                values.push((name.to_owned(), Value::from(catalog.get(locale, &id))));
            }
            (None, serde_json::Value::String(s)) => values.push((key, Value::from(s))),
            (None, serde_json::Value::Number(num)) => {
                if let Some(i) = num.as_i64() {
                    values.push((key, Value::from(i)));
                }
            }
            _ => {}
        }
    }
    let borrowed: Vec<(&str, Value<'_>)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    Rendered {
        headline: catalog.get_with(locale, &n.kind, &borrowed),
        title: n.title.clone(),
        summary: n.summary.clone(),
        link: n.link.clone(),
    }
}

// ------------------------------------------------------------------ when to mail

/// How often a person wants notification mail (`users.notify_frequency`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frequency {
    Immediately,
    Daily,
    Weekly,
    Off,
}

impl Frequency {
    /// Unknown values mean no mail: never mail someone by mistake.
    pub fn parse(value: &str) -> Frequency {
        match value {
            "immediately" => Frequency::Immediately,
            "daily" => Frequency::Daily,
            "weekly" => Frequency::Weekly,
            _ => Frequency::Off,
        }
    }
}

fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC)
}

/// Unix seconds of `date` at the digest hour in Berlin.
fn digest_time(date: Date, tz: &TimeZone) -> Option<i64> {
    date.at(DIGEST_HOUR, 0, 0, 0)
        .to_zoned_datetime(tz.clone())
        .ok()
        .map(|z| z.timestamp().as_second())
}

/// The latest digest time of `frequency` at or before `now`: daily at
/// [`DIGEST_HOUR`] Berlin time, weekly on Monday at that hour. `None` for
/// the frequencies without digests.
pub fn last_digest_slot(frequency: Frequency, now: i64) -> Option<i64> {
    let tz = berlin();
    let today = Timestamp::from_second(now)
        .ok()?
        .to_zoned_datetime(tz.clone())
        .date();
    let back_to_slot_day = match frequency {
        Frequency::Daily => 0,
        Frequency::Weekly => i64::from(today.weekday().to_monday_zero_offset()),
        Frequency::Immediately | Frequency::Off => return None,
    };
    let step = if frequency == Frequency::Weekly { 7 } else { 1 };
    let day = today
        .checked_sub(jiff::Span::new().days(back_to_slot_day))
        .ok()?;
    let slot = digest_time(day, &tz)?;
    if slot <= now {
        Some(slot)
    } else {
        digest_time(day.checked_sub(jiff::Span::new().days(step)).ok()?, &tz)
    }
}

/// Whether a person's pending notifications are due for a mail now, and if so
/// the cutoff: notifications created at or before it go into this mail.
///
/// `oldest_pending` is the creation time of the oldest notification not yet
/// mailed; `last_mailed` when the person last got a notification mail.
/// "Immediately" waits [`BATCH_SECS`] after the oldest pending notification
/// so that a burst becomes one mail, then takes everything up to `now`. A
/// digest takes what arrived before the latest slot, once per slot: a
/// notification committed just after its slot's digest went out waits for
/// the next one rather than causing a second mail.
pub fn mail_cutoff(
    frequency: Frequency,
    now: i64,
    oldest_pending: i64,
    last_mailed: Option<i64>,
) -> Option<i64> {
    match frequency {
        Frequency::Off => None,
        Frequency::Immediately => (oldest_pending + BATCH_SECS <= now).then_some(now),
        Frequency::Daily | Frequency::Weekly => {
            let slot = last_digest_slot(frequency, now)?;
            let slot_unsent = last_mailed.is_none_or(|at| at < slot);
            (oldest_pending < slot && slot_unsent).then_some(slot - 1)
        }
    }
}

/// The subject and plain-text body of a notification mail.
pub fn compose_mail(
    env: MailEnv<'_>,
    recipient: &user::Model,
    frequency: Frequency,
    items: &[notification::Model],
) -> (String, String) {
    let locale = recipient.locale.as_str();
    let catalog = env.catalog;
    let count = items.len() as i64;
    let rendered: Vec<Rendered> = items.iter().map(|n| render(catalog, locale, n)).collect();
    let subject = match (frequency, rendered.as_slice()) {
        (Frequency::Daily, _) => catalog.get_with(
            locale,
            "notif-mail-subject-daily",
            &[("count", Value::from(count))],
        ),
        (Frequency::Weekly, _) => catalog.get_with(
            locale,
            "notif-mail-subject-weekly",
            &[("count", Value::from(count))],
        ),
        (_, [one]) => catalog.get_with(
            locale,
            "notif-mail-subject-one",
            &[("headline", Value::from(one.headline.clone()))],
        ),
        _ => catalog.get_with(
            locale,
            "notif-mail-subject-many",
            &[("count", Value::from(count))],
        ),
    };
    let intro_id = match frequency {
        Frequency::Daily => "notif-mail-intro-daily",
        Frequency::Weekly => "notif-mail-intro-weekly",
        _ => "notif-mail-intro",
    };
    let mut body = catalog.get_with(
        locale,
        "notif-mail-greeting",
        &[("name", Value::from(recipient.display_name.clone()))],
    );
    body.push_str("\n\n");
    body.push_str(&catalog.get_with(locale, intro_id, &[("count", Value::from(count))]));
    body.push_str("\n\n");
    for r in rendered.iter().take(MAIL_ITEMS) {
        body.push_str(&format!("* {}\n  {}\n", r.headline, r.title));
        if !r.summary.is_empty() {
            body.push_str(&format!("  {}\n", r.summary));
        }
        body.push_str(&format!("  {}{}\n\n", env.public_url, r.link));
    }
    if rendered.len() > MAIL_ITEMS {
        body.push_str(&catalog.get_with(
            locale,
            "notif-mail-more",
            &[("count", Value::from((rendered.len() - MAIL_ITEMS) as i64))],
        ));
        body.push_str("\n\n");
    }
    body.push_str(&catalog.get_with(
        locale,
        "notif-mail-footer",
        &[
            (
                "list",
                Value::from(format!("{}/konto/benachrichtigungen", env.public_url)),
            ),
            (
                "settings",
                Value::from(format!(
                    "{}/konto/benachrichtigungen#einstellungen",
                    env.public_url
                )),
            ),
        ],
    ));
    body.push('\n');
    (subject, body)
}

// ------------------------------------------------------------------ delivery

/// Accounts that receive notification mail at `frequency`.
fn mail_recipients(frequencies: &[&str]) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(user::Column::Id)
        .from(user::Entity)
        .and_where(user::Column::NotifyFrequency.is_in(frequencies.iter().copied()))
        .and_where(user::Column::DeletedAt.is_null())
        .and_where(user::Column::BlockedAt.is_null())
        .and_where(user::Column::Email.is_not_null())
        .and_where(user::Column::EmailVerifiedAt.is_not_null())
        .to_owned()
}

#[derive(Debug, FromQueryResult)]
struct UserTime {
    user_id: i64,
    at: Option<i64>,
}

/// One round of the mail worker: drops pending notifications of people who
/// want no mail, then mails everyone who is due. Returns the number of mails
/// queued.
pub async fn deliver_due(
    db: &DatabaseConnection,
    env: MailEnv<'_>,
    now: i64,
) -> Result<usize, DbErr> {
    notification::Entity::update_many()
        .col_expr(notification::Column::MailState, Expr::value(MAIL_SKIPPED))
        .filter(notification::Column::MailState.eq(MAIL_PENDING))
        .filter(
            notification::Column::UserId.not_in_subquery(mail_recipients(&[
                "immediately",
                "daily",
                "weekly",
            ])),
        )
        .exec(db)
        .await?;

    // Who has something due, judged in SQL by the slot times so that people
    // waiting for tomorrow's digest cost nothing here.
    let mut due = Condition::any().add(
        Condition::all()
            .add(notification::Column::UserId.in_subquery(mail_recipients(&["immediately"])))
            .add(notification::Column::CreatedAt.lte(now - BATCH_SECS)),
    );
    for (frequency, name) in [(Frequency::Daily, "daily"), (Frequency::Weekly, "weekly")] {
        if let Some(slot) = last_digest_slot(frequency, now) {
            // People who already got this slot's digest are not due: a late
            // notification from before the slot waits for the next one and
            // must not keep them in every round until then (which could
            // crowd others out of the round's ROUND_USERS).
            let mailed_since_slot = Query::select()
                .column(notification::Column::UserId)
                .from(notification::Entity)
                .and_where(notification::Column::MailState.eq(MAIL_SENT))
                .and_where(notification::Column::MailedAt.gte(slot))
                .to_owned();
            due = due.add(
                Condition::all()
                    .add(notification::Column::UserId.in_subquery(mail_recipients(&[name])))
                    .add(notification::Column::CreatedAt.lt(slot))
                    .add(notification::Column::UserId.not_in_subquery(mailed_since_slot)),
            );
        }
    }
    let user_ids: Vec<i64> = notification::Entity::find()
        .select_only()
        .column(notification::Column::UserId)
        .distinct()
        .filter(notification::Column::MailState.eq(MAIL_PENDING))
        .filter(due)
        .order_by_asc(notification::Column::UserId)
        .limit(ROUND_USERS)
        .into_tuple()
        .all(db)
        .await?;
    if user_ids.is_empty() {
        return Ok(0);
    }
    let users = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids.clone()))
        .all(db)
        .await?;
    let per_user = |state: &str, column: notification::Column, max: bool| {
        let expr = if max {
            Expr::col(column).max()
        } else {
            Expr::col(column).min()
        };
        notification::Entity::find()
            .select_only()
            .column(notification::Column::UserId)
            .column_as(expr, "at")
            .filter(notification::Column::UserId.is_in(user_ids.clone()))
            .filter(notification::Column::MailState.eq(state.to_owned()))
            .group_by(notification::Column::UserId)
            .into_model::<UserTime>()
    };
    let oldest: HashMap<i64, i64> = per_user(MAIL_PENDING, notification::Column::CreatedAt, false)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Some((r.user_id, r.at?)))
        .collect();
    let last_mailed: HashMap<i64, i64> = per_user(MAIL_SENT, notification::Column::MailedAt, true)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|r| Some((r.user_id, r.at?)))
        .collect();

    let mut mails = 0;
    for u in users {
        let frequency = Frequency::parse(&u.notify_frequency);
        let Some(&oldest) = oldest.get(&u.id) else {
            continue;
        };
        let Some(cutoff) = mail_cutoff(frequency, now, oldest, last_mailed.get(&u.id).copied())
        else {
            continue;
        };
        if mail_user(db, env, &u, frequency, cutoff, now).await? {
            mails += 1;
        }
    }
    Ok(mails)
}

/// Claims a person's pending notifications up to `cutoff` and queues their
/// mail, in one transaction. A competing worker's claim waits for this one
/// and then finds nothing pending.
async fn mail_user(
    db: &DatabaseConnection,
    env: MailEnv<'_>,
    recipient: &user::Model,
    frequency: Frequency,
    cutoff: i64,
    now: i64,
) -> Result<bool, DbErr> {
    let Some(email) = recipient.email.as_deref() else {
        return Ok(false);
    };
    let batch = crate::crypto::random_token();
    let txn = crate::db::begin_write(db).await?;
    let claimed = notification::Entity::update_many()
        .col_expr(notification::Column::MailState, Expr::value(MAIL_SENT))
        .col_expr(notification::Column::MailedAt, Expr::value(now))
        .col_expr(notification::Column::MailBatch, Expr::value(batch.clone()))
        .filter(notification::Column::UserId.eq(recipient.id))
        .filter(notification::Column::MailState.eq(MAIL_PENDING))
        .filter(notification::Column::CreatedAt.lte(cutoff))
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        return Ok(false);
    }
    let items = notification::Entity::find()
        .filter(notification::Column::MailBatch.eq(batch))
        .order_by_asc(notification::Column::Id)
        .all(&txn)
        .await?;
    let (subject, body) = compose_mail(env, recipient, frequency, &items);
    mail::queue(&txn, email, &subject, &body).await?;
    txn.commit().await?;
    Ok(true)
}

/// How often the mail worker looks for due notifications.
const ROUND_SECS: u64 = 3;

/// Mails due notifications until `shutdown` turns true. Every instance runs
/// one; the claim in [`deliver_due`] keeps them from sending twice.
pub async fn run_worker(
    db: DatabaseConnection,
    catalog: std::sync::Arc<Catalog>,
    public_url: String,
    mut shutdown: tokio::sync::watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        let env = MailEnv {
            catalog: &catalog,
            public_url: &public_url,
        };
        match deliver_due(&db, env, crate::time::now()).await {
            Ok(0) => {}
            Ok(mails) => tracing::info!(mails, "notification mails queued"),
            Err(e) => tracing::warn!(error = %e, "notification mail round failed"),
        }
        tokio::select! {
            _ = tokio::time::sleep(std::time::Duration::from_secs(ROUND_SECS)) => {}
            _ = shutdown.changed() => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Unix seconds of a Berlin wall-clock time.
    fn berlin_at(y: i16, mo: i8, d: i8, h: i8, mi: i8) -> i64 {
        jiff::civil::date(y, mo, d)
            .at(h, mi, 0, 0)
            .to_zoned_datetime(berlin())
            .unwrap()
            .timestamp()
            .as_second()
    }

    #[test]
    fn daily_slot_is_seven_in_the_morning_berlin_time() {
        // Wednesday 1 July 2026 (summer time) and Tuesday 1 December 2026 (winter time).
        assert_eq!(
            last_digest_slot(Frequency::Daily, berlin_at(2026, 7, 1, 12, 0)),
            Some(berlin_at(2026, 7, 1, 7, 0))
        );
        assert_eq!(
            last_digest_slot(Frequency::Daily, berlin_at(2026, 7, 1, 6, 59)),
            Some(berlin_at(2026, 6, 30, 7, 0))
        );
        assert_eq!(
            last_digest_slot(Frequency::Daily, berlin_at(2026, 12, 1, 7, 0)),
            Some(berlin_at(2026, 12, 1, 7, 0))
        );
        // 7:00 CEST is 5:00 UTC.
        assert_eq!(berlin_at(2026, 7, 1, 7, 0), 1_782_882_000);
    }

    #[test]
    fn daily_slot_survives_the_change_to_summer_time() {
        // 29 March 2026: clocks jump from 2:00 to 3:00; 7:00 exists both days.
        let before = berlin_at(2026, 3, 28, 7, 0);
        let after = berlin_at(2026, 3, 29, 7, 0);
        assert_eq!(after - before, 23 * 3600);
        assert_eq!(last_digest_slot(Frequency::Daily, after + 60), Some(after));
        assert_eq!(last_digest_slot(Frequency::Daily, after - 60), Some(before));
    }

    #[test]
    fn weekly_slot_is_monday_morning() {
        // Monday 29 June 2026.
        let monday = berlin_at(2026, 6, 29, 7, 0);
        for now in [
            monday,
            berlin_at(2026, 7, 1, 12, 0),
            berlin_at(2026, 7, 5, 23, 59),
            berlin_at(2026, 7, 6, 6, 59),
        ] {
            assert_eq!(last_digest_slot(Frequency::Weekly, now), Some(monday));
        }
        assert_eq!(
            last_digest_slot(Frequency::Weekly, berlin_at(2026, 6, 29, 6, 0)),
            Some(berlin_at(2026, 6, 22, 7, 0))
        );
        assert_eq!(last_digest_slot(Frequency::Immediately, monday), None);
        assert_eq!(last_digest_slot(Frequency::Off, monday), None);
    }

    #[test]
    fn immediately_waits_a_few_seconds_to_batch() {
        let now = 1_800_000_000;
        assert_eq!(
            mail_cutoff(Frequency::Immediately, now, now - 1, None),
            None
        );
        assert_eq!(
            mail_cutoff(
                Frequency::Immediately,
                now,
                now - BATCH_SECS,
                Some(now - 10)
            ),
            Some(now)
        );
    }

    #[test]
    fn off_never_mails() {
        assert_eq!(mail_cutoff(Frequency::Off, 1_800_000_000, 0, None), None);
        assert_eq!(Frequency::parse("hourly"), Frequency::Off);
        assert_eq!(Frequency::parse("daily"), Frequency::Daily);
    }

    #[test]
    fn daily_digest_takes_what_came_before_the_slot_once() {
        let slot = berlin_at(2026, 7, 1, 7, 0);
        let now = slot + 30;
        // Yesterday evening's notification goes into this morning's digest.
        let yesterday = berlin_at(2026, 6, 30, 20, 0);
        assert_eq!(
            mail_cutoff(Frequency::Daily, now, yesterday, Some(slot - 86_400)),
            Some(slot - 1)
        );
        // One that arrived after the slot waits for tomorrow.
        assert_eq!(mail_cutoff(Frequency::Daily, now, slot + 10, None), None);
        // This slot's digest already went out: no second mail today.
        assert_eq!(
            mail_cutoff(Frequency::Daily, now, yesterday, Some(slot + 5)),
            None
        );
        // The next morning it is due again.
        assert_eq!(
            mail_cutoff(
                Frequency::Daily,
                slot + 86_400 + 1,
                slot + 10,
                Some(slot + 5)
            ),
            Some(slot + 86_400 - 1)
        );
    }

    #[test]
    fn weekly_digest_waits_for_monday() {
        let monday = berlin_at(2026, 6, 29, 7, 0);
        let wednesday = berlin_at(2026, 7, 1, 12, 0);
        assert_eq!(
            mail_cutoff(Frequency::Weekly, wednesday, monday + 3600, None),
            None
        );
        assert_eq!(
            mail_cutoff(Frequency::Weekly, monday + 7 * 86_400, monday + 3600, None),
            Some(monday + 7 * 86_400 - 1)
        );
    }

    #[test]
    fn summaries_are_shortened_on_a_word() {
        assert_eq!(shorten("  kurz\n und  gut ", 20), "kurz und gut");
        let long = "Wort ".repeat(100);
        let short = shorten(&long, 30);
        assert!(short.chars().count() <= 30, "{short}");
        assert!(short.ends_with("Wort…"), "{short}");
    }
}
