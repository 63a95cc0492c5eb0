//! The newsletter, without a third-party service: subscriptions with double
//! opt-in, issues composed by the Redaktion, sending in the background at
//! a fixed rate, the archive of sent issues.
//!
//! - A subscription is `pending` until the person confirms through the
//!   link of the confirmation mail (valid [`CONFIRM_VALID_SECS`]), then
//!   `active`. Unconfirmed subscriptions are deleted after
//!   [`PENDING_KEEP_SECS`] by the daily [`RETENTION_JOB`]. Unsubscribing
//!   deletes the row and its deliveries: nothing is kept.
//! - The links carry `<id>.<HMAC of purpose, id and the row's salt under
//!   the instance's secret key>` ([`token`]): the table alone opens
//!   nothing, a confirmation link does not unsubscribe (and the other way
//!   round), and a new salt invalidates every old link of a subscriber.
//! - Asking again for an address never tells whether it is subscribed (the
//!   same page). Nobody can make the portal mail a third party often
//!   ([`resend_due`]): a pending address gets its confirmation again only
//!   after a pause that doubles each time (at least [`RESEND_EVERY_SECS`];
//!   about ten mails in its week, and the week is not restarted by asking
//!   again), an active one its reminder at most every
//!   [`REMIND_EVERY_SECS`].
//! - Sending: [`start_sending`] turns a draft into `sending` and snapshots
//!   the recipients as deliveries in one transaction; the [`SEND_JOB`]
//!   hands at most [`SEND_PER_MINUTE`] mails per minute to the mail queue
//!   ([`send_batch`]), each delivery marked `sent` in the transaction that
//!   queues its mail (so several instances or a repeated run never mail
//!   twice, and concurrent runs share one minute's allowance), and marks
//!   the issue `sent` when no delivery is left.

use std::sync::OnceLock;

use dias_core::crypto::{constant_time_eq, random_token, sign};
use dias_core::i18n::{Catalog, Value};
use dias_core::jobs::{JobContext, JobEnv, JobHandler};
use dias_core::validation::FieldErrors;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entities::{newsletter_deliveries, newsletter_issues, newsletter_subscribers};
use crate::vocab::{Topic, topics_from_csv, topics_to_csv};

pub use crate::entities::newsletter_issues::Model as Issue;
pub use crate::entities::newsletter_subscribers::Model as Subscriber;

/// How long a confirmation link works (from the request it answers).
pub const CONFIRM_VALID_SECS: i64 = 7 * 24 * 3600;
/// Unconfirmed subscriptions older than this are deleted.
pub const PENDING_KEEP_SECS: i64 = 7 * 24 * 3600;
/// The shortest pause between two confirmation mails to one address.
pub const RESEND_EVERY_SECS: i64 = 10 * 60;
/// An active address is reminded of its subscription at most this often.
pub const REMIND_EVERY_SECS: i64 = 24 * 3600;
/// Subscription requests per client address and hour (memory only).
pub const SUBSCRIBES_PER_HOUR: u32 = 5;

/// The rate at which issues leave: at most this many newsletter mails are
/// handed to the mail queue per minute (and per run of [`SEND_JOB`]), over
/// all issues and instances. The mail queue itself sends at most 50 mails
/// per round every two seconds; the limit keeps a large issue from
/// crowding out account and inquiry mail and from tripping the relay's
/// limits.
pub const SEND_PER_MINUTE: u64 = 60;

/// Job kind of the sending; queued when sending starts and every
/// [`SEND_EVERY_SECS`] (a run with nothing to send ends at once).
pub const SEND_JOB: &str = "content.newsletter.send";
pub const SEND_EVERY_SECS: i64 = 60;
/// Job kind of the daily deletion of unconfirmed subscriptions.
pub const RETENTION_JOB: &str = "content.newsletter.retention";
pub const RETENTION_EVERY_SECS: i64 = 24 * 3600;

/// The public path prefixes of the subscriber's links (hidden in logs and
/// redacted in sent mail, see `module.secret_paths`).
pub const CONFIRM_PATH: &str = "/newsletter/bestaetigen/";
pub const UNSUBSCRIBE_PATH: &str = "/newsletter/abmelden/";

/// Subscription states.
pub const PENDING: &str = "pending";
pub const ACTIVE: &str = "active";

/// Issue states; deliveries are `pending` or `sent`.
pub const DRAFT: &str = "draft";
pub const SENDING: &str = "sending";
pub const SENT: &str = "sent";

pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 100_000;

// ---------------------------------------------------------------- tokens

/// What a subscriber's link does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Confirm,
    Unsubscribe,
}

impl Purpose {
    fn key(self) -> &'static str {
        match self {
            Purpose::Confirm => "confirm",
            Purpose::Unsubscribe => "unsubscribe",
        }
    }
}

/// The token of a subscriber's link: `<id>.<salt>.<HMAC>`. The salt is in
/// the token so that a genuine link can be told from a forged one even
/// after its subscription is gone (410 instead of 404).
pub fn token(secret: &[u8], purpose: Purpose, id: i64, salt: &str) -> String {
    let mac = sign(
        secret,
        &format!("content-newsletter-{}:{id}:{salt}", purpose.key()),
    );
    format!("{id}.{salt}.{mac}")
}

/// What a presented token turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum TokenCheck {
    /// Genuine and current: the subscription it belongs to.
    Valid(Subscriber),
    /// Genuine, but its subscription is gone or has a new salt.
    Stale,
    /// Forged, tampered with or malformed.
    Invalid,
}

/// Checks a presented token: its signature first, then its subscription.
pub async fn check_token<C: ConnectionTrait>(
    db: &C,
    secret: &[u8],
    purpose: Purpose,
    presented: &str,
) -> Result<TokenCheck, DbErr> {
    let mut parts = presented.splitn(3, '.');
    let (Some(id), Some(salt), Some(_)) = (parts.next(), parts.next(), parts.next()) else {
        return Ok(TokenCheck::Invalid);
    };
    let Ok(id) = id.parse::<i64>() else {
        return Ok(TokenCheck::Invalid);
    };
    if salt.is_empty() || !constant_time_eq(presented, &token(secret, purpose, id, salt)) {
        return Ok(TokenCheck::Invalid);
    }
    Ok(
        match newsletter_subscribers::Entity::find_by_id(id)
            .one(db)
            .await?
        {
            Some(s) if constant_time_eq(&s.token_salt, salt) => TokenCheck::Valid(s),
            _ => TokenCheck::Stale,
        },
    )
}

/// The subscriber a token belongs to, if it is genuine and current.
pub async fn find_by_token<C: ConnectionTrait>(
    db: &C,
    secret: &[u8],
    purpose: Purpose,
    presented: &str,
) -> Result<Option<Subscriber>, DbErr> {
    Ok(match check_token(db, secret, purpose, presented).await? {
        TokenCheck::Valid(s) => Some(s),
        TokenCheck::Stale | TokenCheck::Invalid => None,
    })
}

/// The full URL of a subscriber's link.
pub fn link(public_url: &str, secret: &[u8], purpose: Purpose, s: &Subscriber) -> String {
    let path = match purpose {
        Purpose::Confirm => CONFIRM_PATH,
        Purpose::Unsubscribe => UNSUBSCRIBE_PATH,
    };
    format!(
        "{}{path}{}",
        public_url.trim_end_matches('/'),
        token(secret, purpose, s.id, &s.token_salt)
    )
}

/// Whether a pending subscription can still be confirmed at `now`.
pub fn confirmable(s: &Subscriber, now: i64) -> bool {
    s.status == PENDING && s.created_at + CONFIRM_VALID_SECS >= now
}

// ---------------------------------------------------------------- mails

/// A mail as queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    pub subject: String,
    pub body: String,
}

/// What the mail templates need.
#[derive(Clone, Copy)]
pub struct MailEnv<'a> {
    pub catalog: &'a Catalog,
    pub public_url: &'a str,
    pub secret: &'a [u8],
}

fn topic_list(catalog: &Catalog, locale: &str, topics: &str) -> String {
    let topics = topics_from_csv(topics);
    if topics.is_empty() {
        return catalog.get(locale, "content-nl-topics-all");
    }
    topics
        .iter()
        .map(|t| catalog.get(locale, t.label_key()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The confirmation mail, with the link that confirms and the one that
/// withdraws the request.
pub fn confirmation_mail(env: &MailEnv<'_>, s: &Subscriber) -> Mail {
    let l = s.locale.as_str();
    let args = [
        (
            "link",
            Value::from(link(env.public_url, env.secret, Purpose::Confirm, s)),
        ),
        (
            "unsubscribe",
            Value::from(link(env.public_url, env.secret, Purpose::Unsubscribe, s)),
        ),
        ("topics", Value::from(topic_list(env.catalog, l, &s.topics))),
        ("days", Value::from(CONFIRM_VALID_SECS / (24 * 3600))),
    ];
    Mail {
        subject: env.catalog.get(l, "content-nl-mail-confirm-subject"),
        body: env
            .catalog
            .get_with(l, "content-nl-mail-confirm-body", &args),
    }
}

/// To an address that is subscribed already: nothing changed, and how to
/// unsubscribe.
pub fn already_mail(env: &MailEnv<'_>, s: &Subscriber) -> Mail {
    let l = s.locale.as_str();
    let args = [
        (
            "unsubscribe",
            Value::from(link(env.public_url, env.secret, Purpose::Unsubscribe, s)),
        ),
        ("topics", Value::from(topic_list(env.catalog, l, &s.topics))),
    ];
    Mail {
        subject: env.catalog.get(l, "content-nl-mail-already-subject"),
        body: env
            .catalog
            .get_with(l, "content-nl-mail-already-body", &args),
    }
}

/// Markdown as plain mail text (see [`dias_core::markdown::to_mail_text`]).
pub fn mail_text(markdown: &str, public_url: &str) -> String {
    dias_core::markdown::to_mail_text(markdown, public_url)
}

/// An issue's mail to one subscriber: what staff wrote, then the frame in
/// the subscriber's language with their unsubscribe link.
pub fn issue_mail(env: &MailEnv<'_>, locale: &str, issue: &Issue, unsubscribe: &str) -> Mail {
    let footer = env.catalog.get_with(
        locale,
        "content-nl-mail-issue-footer",
        &[("unsubscribe", Value::from(unsubscribe.to_owned()))],
    );
    let web = env.catalog.get_with(
        locale,
        "content-nl-mail-issue-web",
        &[(
            "url",
            Value::from(format!(
                "{}/newsletter/archiv/{}",
                env.public_url.trim_end_matches('/'),
                issue.id
            )),
        )],
    );
    Mail {
        subject: issue.subject.clone(),
        body: format!(
            "{web}\n\n{}\n\n-- \n{footer}\n",
            mail_text(&issue.body, env.public_url)
        ),
    }
}

// ---------------------------------------------------------------- subscribing

/// The subscription form as typed.
#[derive(Debug, Clone, Default)]
pub struct SubscribeInput {
    pub email: String,
    pub topics: Vec<String>,
    pub consent: bool,
}

/// A checked request.
#[derive(Debug, Clone)]
pub struct NewSubscription {
    pub email: String,
    pub topics: Vec<Topic>,
    pub locale: String,
}

pub fn validate_subscription(
    input: &SubscribeInput,
    locale: &str,
) -> Result<NewSubscription, FieldErrors> {
    let mut errors = FieldErrors::new();
    let email = if input.email.trim().is_empty() {
        errors.add("email", "content-nl-error-email");
        String::new()
    } else {
        dias_core::validation::email(&mut errors, "email", &input.email)
    };
    let topics = parse_topics(&input.topics).unwrap_or_else(|_| {
        errors.add("topics", "error-invalid-choice");
        Vec::new()
    });
    if !input.consent {
        errors.add("consent", "content-nl-error-consent");
    }
    errors.into_result()?;
    Ok(NewSubscription {
        email,
        topics,
        locale: dias_core::i18n::normalize(locale).to_owned(),
    })
}

/// What became of a request (for tests and logs; the visitor sees the same
/// page in every case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subscribed {
    /// New: pending, confirmation mail queued.
    Created,
    /// Pending already: confirmation mail queued again.
    Resent,
    /// Active already: a note with the unsubscribe link queued.
    Reminded,
    /// No mail: the last one to the address is too recent ([`resend_due`]).
    Quiet,
}

/// Whether a pending subscription may get its confirmation mail again at
/// `now`: the pause since the last mail is at least [`RESEND_EVERY_SECS`]
/// and at least as long as the time from the request to that mail, so the
/// pauses double (10, 10, 20, 40 … minutes).
pub fn resend_due(created_at: i64, last_mail_at: Option<i64>, now: i64) -> bool {
    match last_mail_at {
        None => true,
        Some(last) => now - last >= std::cmp::max(RESEND_EVERY_SECS, last - created_at),
    }
}

/// Takes a subscription request: a new pending row and its confirmation
/// mail, or for a known address a mail only when [`resend_due`] (pending)
/// or [`REMIND_EVERY_SECS`] (active) allows. Topics and language of a
/// pending request follow the latest request that mails; its week to
/// confirm keeps its start (so it is deleted in time), unless the week is
/// over, then the request starts a new one. An active subscription is not
/// changed by anyone who merely knows the address.
pub async fn subscribe(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    new: &NewSubscription,
    now: i64,
) -> Result<Subscribed, DbErr> {
    for _ in 0..2 {
        let txn = dias_core::db::begin_write(db).await?;
        let existing = newsletter_subscribers::Entity::find()
            .filter(newsletter_subscribers::Column::Email.eq(new.email.as_str()))
            .one(&txn)
            .await?;
        let outcome = match existing {
            None => {
                let inserted = newsletter_subscribers::ActiveModel {
                    email: Set(new.email.clone()),
                    locale: Set(new.locale.clone()),
                    topics: Set(topics_to_csv(&new.topics)),
                    status: Set(PENDING.to_owned()),
                    token_salt: Set(random_token()),
                    created_at: Set(now),
                    confirmed_at: Set(None),
                    last_mail_at: Set(Some(now)),
                    ..Default::default()
                }
                .insert(&txn)
                .await;
                match inserted {
                    Ok(s) => {
                        let mail = confirmation_mail(env, &s);
                        dias_core::mail::queue(&txn, &s.email, &mail.subject, &mail.body).await?;
                        Subscribed::Created
                    }
                    // Another request for the address won the race: look again.
                    Err(_) => {
                        drop(txn);
                        continue;
                    }
                }
            }
            Some(s)
                if s.status == PENDING
                    && (s.created_at + CONFIRM_VALID_SECS < now
                        || resend_due(s.created_at, s.last_mail_at, now)) =>
            {
                let expired = s.created_at + CONFIRM_VALID_SECS < now;
                let mut active: newsletter_subscribers::ActiveModel = s.into();
                active.locale = Set(new.locale.clone());
                active.topics = Set(topics_to_csv(&new.topics));
                if expired {
                    // The old week is over (not yet purged): a new one.
                    active.created_at = Set(now);
                }
                active.last_mail_at = Set(Some(now));
                let s = active.update(&txn).await?;
                let mail = confirmation_mail(env, &s);
                dias_core::mail::queue(&txn, &s.email, &mail.subject, &mail.body).await?;
                Subscribed::Resent
            }
            Some(s)
                if s.status == PENDING
                    || s.last_mail_at
                        .is_some_and(|at| now - at < REMIND_EVERY_SECS) =>
            {
                Subscribed::Quiet
            }
            Some(s) => {
                let mut active: newsletter_subscribers::ActiveModel = s.into();
                active.last_mail_at = Set(Some(now));
                let s = active.update(&txn).await?;
                let mail = already_mail(env, &s);
                dias_core::mail::queue(&txn, &s.email, &mail.subject, &mail.body).await?;
                Subscribed::Reminded
            }
        };
        txn.commit().await?;
        return Ok(outcome);
    }
    Ok(Subscribed::Quiet)
}

/// Confirms a pending subscription; false when it is not pending or its
/// week has passed.
pub async fn confirm<C: ConnectionTrait>(db: &C, id: i64, now: i64) -> Result<bool, DbErr> {
    let result = newsletter_subscribers::Entity::update_many()
        .col_expr(newsletter_subscribers::Column::Status, Expr::value(ACTIVE))
        .col_expr(
            newsletter_subscribers::Column::ConfirmedAt,
            Expr::value(Some(now)),
        )
        .filter(newsletter_subscribers::Column::Id.eq(id))
        .filter(newsletter_subscribers::Column::Status.eq(PENDING))
        .filter(newsletter_subscribers::Column::CreatedAt.gte(now - CONFIRM_VALID_SECS))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Replaces the topics of a subscription (from the subscriber's own link;
/// no choice means every topic).
pub async fn change_topics<C: ConnectionTrait>(
    db: &C,
    id: i64,
    topics: &[Topic],
) -> Result<bool, DbErr> {
    let result = newsletter_subscribers::Entity::update_many()
        .col_expr(
            newsletter_subscribers::Column::Topics,
            Expr::value(topics_to_csv(topics)),
        )
        .filter(newsletter_subscribers::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(result.rows_affected == 1)
}

/// Topics as typed (checkbox values); an unknown key is an error.
pub fn parse_topics(keys: &[String]) -> Result<Vec<Topic>, FieldErrors> {
    let mut topics = Vec::new();
    for key in keys {
        match Topic::parse(key) {
            Some(t) => topics.push(t),
            None => return Err(FieldErrors::single("topics", "error-invalid-choice")),
        }
    }
    Ok(topics_from_csv(&topics_to_csv(&topics)))
}

/// Deletes a subscription with all its deliveries; issues still sending
/// count one recipient less.
pub async fn unsubscribe(db: &DatabaseConnection, id: i64) -> Result<bool, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let deleted = unsubscribe_in(&txn, id).await?;
    txn.commit().await?;
    Ok(deleted)
}

/// [`unsubscribe`] in the caller's transaction (account deletion): the
/// row and its deliveries go, and an issue being sent counts one recipient
/// less for each delivery still pending.
pub async fn unsubscribe_in<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    let pending: Vec<i64> = newsletter_deliveries::Entity::find()
        .select_only()
        .column(newsletter_deliveries::Column::IssueId)
        .filter(newsletter_deliveries::Column::SubscriberId.eq(id))
        .filter(newsletter_deliveries::Column::Status.eq(PENDING))
        .into_tuple()
        .all(db)
        .await?;
    for issue in pending {
        newsletter_issues::Entity::update_many()
            .col_expr(
                newsletter_issues::Column::Recipients,
                Expr::col(newsletter_issues::Column::Recipients).sub(1),
            )
            .filter(newsletter_issues::Column::Id.eq(issue))
            .exec(db)
            .await?;
    }
    newsletter_deliveries::Entity::delete_many()
        .filter(newsletter_deliveries::Column::SubscriberId.eq(id))
        .exec(db)
        .await?;
    let deleted = newsletter_subscribers::Entity::delete_by_id(id)
        .exec(db)
        .await?;
    Ok(deleted.rows_affected == 1)
}

/// Deletes unconfirmed subscriptions requested more than
/// [`PENDING_KEEP_SECS`] before `now`; returns how many.
pub async fn purge_pending<C: ConnectionTrait>(db: &C, now: i64) -> Result<u64, DbErr> {
    let result = newsletter_subscribers::Entity::delete_many()
        .filter(newsletter_subscribers::Column::Status.eq(PENDING))
        .filter(newsletter_subscribers::Column::CreatedAt.lt(now - PENDING_KEEP_SECS))
        .exec(db)
        .await?;
    Ok(result.rows_affected)
}

// ---------------------------------------------------------------- counts

/// The staff overview's numbers.
#[derive(Debug, Clone, Default)]
pub struct Counts {
    pub active: u64,
    pub pending: u64,
    /// Active subscribers without a topic choice (they get every issue).
    pub all_topics: u64,
    /// Active subscribers who chose each topic.
    pub per_topic: Vec<(Topic, u64)>,
}

pub async fn counts<C: ConnectionTrait>(db: &C) -> Result<Counts, DbErr> {
    let pending = newsletter_subscribers::Entity::find()
        .filter(newsletter_subscribers::Column::Status.eq(PENDING))
        .count(db)
        .await?;
    let topics: Vec<String> = newsletter_subscribers::Entity::find()
        .select_only()
        .column(newsletter_subscribers::Column::Topics)
        .filter(newsletter_subscribers::Column::Status.eq(ACTIVE))
        .into_tuple()
        .all(db)
        .await?;
    let chosen: Vec<Vec<Topic>> = topics.iter().map(|t| topics_from_csv(t)).collect();
    Ok(Counts {
        active: chosen.len() as u64,
        pending,
        all_topics: chosen.iter().filter(|t| t.is_empty()).count() as u64,
        per_topic: Topic::ALL
            .iter()
            .map(|t| (*t, chosen.iter().filter(|c| c.contains(t)).count() as u64))
            .collect(),
    })
}

// ---------------------------------------------------------------- issues

/// Whether a subscriber with `chosen` topics gets an issue with `issue`
/// topics: no choice means everything, an issue without topics goes to
/// everybody, otherwise they share a topic.
pub fn matches(chosen: &[Topic], issue: &[Topic]) -> bool {
    chosen.is_empty() || issue.is_empty() || issue.iter().any(|t| chosen.contains(t))
}

/// The active subscribers an issue with `topics` goes to (ids).
pub async fn recipients<C: ConnectionTrait>(db: &C, topics: &[Topic]) -> Result<Vec<i64>, DbErr> {
    let rows: Vec<(i64, String)> = newsletter_subscribers::Entity::find()
        .select_only()
        .columns([
            newsletter_subscribers::Column::Id,
            newsletter_subscribers::Column::Topics,
        ])
        .filter(newsletter_subscribers::Column::Status.eq(ACTIVE))
        .order_by_asc(newsletter_subscribers::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .filter(|(_, chosen)| matches(&topics_from_csv(chosen), topics))
        .map(|(id, _)| id)
        .collect())
}

/// The compose form as typed.
#[derive(Debug, Clone, Default)]
pub struct IssueInput {
    pub subject: String,
    pub body: String,
    pub topics: Vec<String>,
}

impl IssueInput {
    pub fn of(issue: &Issue) -> Self {
        IssueInput {
            subject: issue.subject.clone(),
            body: issue.body.clone(),
            topics: topics_from_csv(&issue.topics)
                .iter()
                .map(|t| t.key().to_owned())
                .collect(),
        }
    }
}

/// A checked issue.
#[derive(Debug, Clone)]
pub struct IssueFields {
    pub subject: String,
    pub body: String,
    pub topics: String,
}

/// Replaces the generic "required" message of `field` with its own.
fn own_required(errors: &mut FieldErrors, field: &str, message: &str) {
    for e in errors.0.iter_mut() {
        if e.field == field && e.message == "error-required" {
            e.message = message.to_owned();
        }
    }
}

pub fn validate_issue(input: &IssueInput) -> Result<IssueFields, FieldErrors> {
    let mut errors = FieldErrors::new();
    let subject =
        dias_core::validation::required_text(&mut errors, "subject", &input.subject, SUBJECT_MAX);
    own_required(&mut errors, "subject", "content-nl-error-subject");
    if subject.contains(['\r', '\n']) {
        errors.add("subject", "error-invalid-choice");
    }
    let body = dias_core::validation::required_text(&mut errors, "body", &input.body, BODY_MAX);
    own_required(&mut errors, "body", "content-nl-error-body");
    let topics = parse_topics(&input.topics).unwrap_or_else(|_| {
        errors.add("topics", "error-invalid-choice");
        Vec::new()
    });
    errors.into_result()?;
    Ok(IssueFields {
        subject,
        body,
        topics: topics_to_csv(&topics),
    })
}

pub async fn create_issue(
    db: &DatabaseConnection,
    fields: IssueFields,
    actor: i64,
    now: i64,
) -> Result<Issue, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let issue = newsletter_issues::ActiveModel {
        subject: Set(fields.subject),
        body: Set(fields.body),
        topics: Set(fields.topics),
        status: Set(DRAFT.to_owned()),
        created_by: Set(Some(actor)),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
        recipients: Set(0),
        delivered: Set(0),
        revision: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    dias_core::audit::record(
        &txn,
        Some(actor),
        "content.newsletter.create",
        "newsletter_issue",
        Some(&issue.id.to_string()),
        serde_json::json!({ "subject": issue.subject }),
    )
    .await?;
    txn.commit().await?;
    Ok(issue)
}

/// Why a change to an issue was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    NotFound,
    /// Sending has started (or finished): the issue cannot change any more.
    NotDraft,
    /// Someone saved in between (stale revision).
    Stale,
}

async fn refusal<C: ConnectionTrait>(db: &C, id: i64) -> Result<Refused, DbErr> {
    Ok(
        match newsletter_issues::Entity::find_by_id(id).one(db).await? {
            None => Refused::NotFound,
            Some(i) if i.status != DRAFT => Refused::NotDraft,
            Some(_) => Refused::Stale,
        },
    )
}

/// Saves a draft at `revision`; refused once sending started.
pub async fn update_issue(
    db: &DatabaseConnection,
    id: i64,
    revision: i32,
    fields: IssueFields,
    actor: i64,
    now: i64,
) -> Result<Result<(), Refused>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let result = newsletter_issues::Entity::update_many()
        .col_expr(
            newsletter_issues::Column::Subject,
            Expr::value(fields.subject),
        )
        .col_expr(newsletter_issues::Column::Body, Expr::value(fields.body))
        .col_expr(
            newsletter_issues::Column::Topics,
            Expr::value(fields.topics),
        )
        .col_expr(newsletter_issues::Column::UpdatedAt, Expr::value(now))
        .col_expr(
            newsletter_issues::Column::Revision,
            Expr::col(newsletter_issues::Column::Revision).add(1),
        )
        .filter(newsletter_issues::Column::Id.eq(id))
        .filter(newsletter_issues::Column::Status.eq(DRAFT))
        .filter(newsletter_issues::Column::Revision.eq(revision))
        .exec(&txn)
        .await?;
    if result.rows_affected != 1 {
        return Ok(Err(refusal(&txn, id).await?));
    }
    dias_core::audit::record(
        &txn,
        Some(actor),
        "content.newsletter.update",
        "newsletter_issue",
        Some(&id.to_string()),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Deletes a draft (never an issue that is or was sent).
pub async fn delete_draft(
    db: &DatabaseConnection,
    id: i64,
    actor: i64,
) -> Result<Result<(), Refused>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let result = newsletter_issues::Entity::delete_many()
        .filter(newsletter_issues::Column::Id.eq(id))
        .filter(newsletter_issues::Column::Status.eq(DRAFT))
        .exec(&txn)
        .await?;
    if result.rows_affected != 1 {
        return Ok(Err(refusal(&txn, id).await?));
    }
    dias_core::audit::record(
        &txn,
        Some(actor),
        "content.newsletter.delete",
        "newsletter_issue",
        Some(&id.to_string()),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(()))
}

/// Starts sending a draft at `revision`: the status turns `sending`, one
/// delivery per matching active subscriber is stored and the send job is
/// queued, in one transaction. An issue without recipients is `sent` at
/// once. Returns the number of recipients.
pub async fn start_sending(
    db: &DatabaseConnection,
    id: i64,
    revision: i32,
    actor: i64,
    now: i64,
) -> Result<Result<usize, Refused>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let claimed = newsletter_issues::Entity::update_many()
        .col_expr(newsletter_issues::Column::Status, Expr::value(SENDING))
        .col_expr(newsletter_issues::Column::UpdatedAt, Expr::value(now))
        .filter(newsletter_issues::Column::Id.eq(id))
        .filter(newsletter_issues::Column::Status.eq(DRAFT))
        .filter(newsletter_issues::Column::Revision.eq(revision))
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        return Ok(Err(refusal(&txn, id).await?));
    }
    let Some(issue) = newsletter_issues::Entity::find_by_id(id).one(&txn).await? else {
        return Ok(Err(Refused::NotFound));
    };
    let ids = recipients(&txn, &topics_from_csv(&issue.topics)).await?;
    for chunk in ids.chunks(500) {
        newsletter_deliveries::Entity::insert_many(chunk.iter().map(|&subscriber_id| {
            newsletter_deliveries::ActiveModel {
                issue_id: Set(id),
                subscriber_id: Set(subscriber_id),
                status: Set(PENDING.to_owned()),
                sent_at: Set(None),
                ..Default::default()
            }
        }))
        .exec(&txn)
        .await?;
    }
    let count = i32::try_from(ids.len()).unwrap_or(i32::MAX);
    let mut update = newsletter_issues::Entity::update_many()
        .col_expr(newsletter_issues::Column::Recipients, Expr::value(count))
        .col_expr(newsletter_issues::Column::Delivered, Expr::value(0));
    if ids.is_empty() {
        update = update
            .col_expr(newsletter_issues::Column::Status, Expr::value(SENT))
            .col_expr(newsletter_issues::Column::SentAt, Expr::value(Some(now)));
    }
    update
        .filter(newsletter_issues::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    if !ids.is_empty() {
        dias_core::jobs::enqueue(
            &txn,
            SEND_JOB,
            serde_json::json!({ "issue": id }),
            Some(actor),
        )
        .await?;
    }
    dias_core::audit::record(
        &txn,
        Some(actor),
        "content.newsletter.send",
        "newsletter_issue",
        Some(&id.to_string()),
        serde_json::json!({ "recipients": ids.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(Ok(ids.len()))
}

/// What one run of the send job did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchReport {
    /// Mails handed to the mail queue by this run.
    pub handed: u64,
    /// Over the issues still sending at the start of the run.
    pub delivered: i64,
    pub recipients: i64,
    /// Deliveries left for later runs.
    pub remaining: u64,
}

/// Hands the next deliveries of issues being sent to the mail queue: at
/// most `limit`, and no more than [`SEND_PER_MINUTE`] within the last
/// minute over all runs and instances. One transaction per run: it locks
/// the issues being sent (PostgreSQL; SQLite writes one at a time anyway),
/// so a second run at the same moment waits and then finds the minute's
/// allowance used; each delivery turns `sent` in the transaction that
/// queues its mail, guarded by its `pending` state, so nobody is mailed
/// twice. Issues without pending deliveries become `sent`.
pub async fn send_batch(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    now: i64,
    limit: u64,
) -> Result<BatchReport, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let sending = newsletter_issues::Entity::find()
        .filter(newsletter_issues::Column::Status.eq(SENDING))
        .order_by_asc(newsletter_issues::Column::Id)
        .lock_exclusive()
        .all(&txn)
        .await?;
    let mut report = BatchReport::default();
    if sending.is_empty() {
        txn.commit().await?;
        return Ok(report);
    }
    let recent = newsletter_deliveries::Entity::find()
        .filter(newsletter_deliveries::Column::Status.eq(SENT))
        .filter(newsletter_deliveries::Column::SentAt.gt(now - 60))
        .count(&txn)
        .await?;
    let budget = std::cmp::min(limit, SEND_PER_MINUTE.saturating_sub(recent));
    let sending_ids: Vec<i64> = sending.iter().map(|i| i.id).collect();
    let due = if budget == 0 {
        Vec::new()
    } else {
        newsletter_deliveries::Entity::find()
            .filter(newsletter_deliveries::Column::Status.eq(PENDING))
            .filter(newsletter_deliveries::Column::IssueId.is_in(sending_ids.clone()))
            .order_by_asc(newsletter_deliveries::Column::Id)
            .limit(budget)
            .all(&txn)
            .await?
    };
    let mut handed_per_issue: Vec<(i64, i32)> = Vec::new();
    for delivery in due {
        let Some(issue) = sending.iter().find(|i| i.id == delivery.issue_id) else {
            continue;
        };
        let claimed = newsletter_deliveries::Entity::update_many()
            .col_expr(newsletter_deliveries::Column::Status, Expr::value(SENT))
            .col_expr(
                newsletter_deliveries::Column::SentAt,
                Expr::value(Some(now)),
            )
            .filter(newsletter_deliveries::Column::Id.eq(delivery.id))
            .filter(newsletter_deliveries::Column::Status.eq(PENDING))
            .exec(&txn)
            .await?;
        if claimed.rows_affected != 1 {
            continue;
        }
        let Some(subscriber) = newsletter_subscribers::Entity::find_by_id(delivery.subscriber_id)
            .one(&txn)
            .await?
        else {
            // Gone in between: the delivery goes with it.
            newsletter_deliveries::Entity::delete_by_id(delivery.id)
                .exec(&txn)
                .await?;
            continue;
        };
        let unsubscribe = link(
            env.public_url,
            env.secret,
            Purpose::Unsubscribe,
            &subscriber,
        );
        let mail = issue_mail(env, &subscriber.locale, issue, &unsubscribe);
        dias_core::mail::queue(&txn, &subscriber.email, &mail.subject, &mail.body).await?;
        match handed_per_issue.iter_mut().find(|(id, _)| *id == issue.id) {
            Some((_, n)) => *n += 1,
            None => handed_per_issue.push((issue.id, 1)),
        }
        report.handed += 1;
    }
    for (id, n) in handed_per_issue {
        newsletter_issues::Entity::update_many()
            .col_expr(
                newsletter_issues::Column::Delivered,
                Expr::col(newsletter_issues::Column::Delivered).add(n),
            )
            .filter(newsletter_issues::Column::Id.eq(id))
            .exec(&txn)
            .await?;
    }
    for id in sending_ids {
        let left = newsletter_deliveries::Entity::find()
            .filter(newsletter_deliveries::Column::IssueId.eq(id))
            .filter(newsletter_deliveries::Column::Status.eq(PENDING))
            .count(&txn)
            .await?;
        report.remaining += left;
        if left == 0 {
            newsletter_issues::Entity::update_many()
                .col_expr(newsletter_issues::Column::Status, Expr::value(SENT))
                .col_expr(newsletter_issues::Column::SentAt, Expr::value(Some(now)))
                .filter(newsletter_issues::Column::Id.eq(id))
                .filter(newsletter_issues::Column::Status.eq(SENDING))
                .exec(&txn)
                .await?;
        }
        if let Some(issue) = newsletter_issues::Entity::find_by_id(id).one(&txn).await? {
            report.delivered += i64::from(issue.delivered);
            report.recipients += i64::from(issue.recipients);
        }
    }
    txn.commit().await?;
    Ok(report)
}

/// Sent issues for the archive, newest first, and their total.
pub async fn archive(
    db: &DatabaseConnection,
    page: u64,
    per_page: u64,
) -> Result<(Vec<Issue>, u64), DbErr> {
    let paginator = newsletter_issues::Entity::find()
        .filter(newsletter_issues::Column::Status.eq(SENT))
        .order_by_desc(newsletter_issues::Column::SentAt)
        .order_by_desc(newsletter_issues::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page.saturating_sub(1)).await?, total))
}

/// One issue whose sending has started (its mails link here from the
/// first one on) or is done.
pub async fn archived<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Issue>, DbErr> {
    Ok(newsletter_issues::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|i| i.status == SENT || i.status == SENDING))
}

/// One issue in any state (for staff).
pub async fn issue<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Issue>, DbErr> {
    newsletter_issues::Entity::find_by_id(id).one(db).await
}

/// All issues for staff, newest first.
pub async fn all_issues<C: ConnectionTrait>(db: &C) -> Result<Vec<Issue>, DbErr> {
    newsletter_issues::Entity::find()
        .order_by_desc(newsletter_issues::Column::Id)
        .all(db)
        .await
}

// ---------------------------------------------------------------- jobs

/// The periodic (and on-demand) run of [`send_batch`] with progress.
#[derive(Default)]
pub struct SendJob {
    env: OnceLock<JobEnv>,
}

impl JobHandler for SendJob {
    fn bind(&self, env: &JobEnv) {
        let _ = self.env.set(env.clone());
    }

    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            let env = self.env.get().ok_or("job runner not bound")?;
            let mail_env = MailEnv {
                catalog: &env.catalog,
                public_url: &env.public_url,
                secret: env.config.secret_key.expose().as_bytes(),
            };
            let report = send_batch(&ctx.db, &mail_env, dias_core::time::now(), SEND_PER_MINUTE)
                .await
                .map_err(|e| e.to_string())?;
            ctx.progress(
                report.delivered,
                report.recipients,
                &format!("{} / {}", report.delivered, report.recipients),
            )
            .await
            .map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}

/// The daily [`purge_pending`].
#[derive(Default)]
pub struct RetentionJob;

impl JobHandler for RetentionJob {
    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            let deleted = purge_pending(&ctx.db, dias_core::time::now())
                .await
                .map_err(|e| e.to_string())?;
            let n = i64::try_from(deleted).unwrap_or(i64::MAX);
            ctx.progress(n, n, "").await.map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"a test key of at least thirty-two bytes";

    #[test]
    fn tokens_depend_on_purpose_id_salt_and_key() {
        let t = token(KEY, Purpose::Confirm, 7, "salt");
        assert!(t.starts_with("7."));
        assert_eq!(t, token(KEY, Purpose::Confirm, 7, "salt"));
        assert_ne!(t, token(KEY, Purpose::Unsubscribe, 7, "salt"));
        assert_ne!(t, token(KEY, Purpose::Confirm, 8, "salt"));
        assert_ne!(t, token(KEY, Purpose::Confirm, 7, "other"));
        assert_ne!(
            t,
            token(
                b"another key of at least thirty-two b",
                Purpose::Confirm,
                7,
                "salt"
            )
        );
    }

    #[test]
    fn topic_matching() {
        use Topic::*;
        assert!(matches(&[], &[Ki]));
        assert!(matches(&[Ki], &[]));
        assert!(matches(&[Ki, Breitband], &[Breitband]));
        assert!(!matches(&[Ki], &[Breitband, Foerderung]));
    }

    #[test]
    fn markdown_becomes_plain_text_with_visible_links() {
        let base = "https://dias.example/";
        assert_eq!(
            mail_text(
                "# Titel\r\n\nSiehe **[die Studie](https://x.de/s)** und ![Logo](/l.png).\n\n* eins\n* zwei",
                base
            ),
            "Titel\n\nSiehe die Studie (https://x.de/s) und Logo (https://dias.example/l.png).\n\n– eins\n– zwei"
        );
    }

    #[test]
    fn issue_subject_and_body_have_their_own_messages() {
        let errors = validate_issue(&IssueInput::default()).unwrap_err();
        assert_eq!(errors.get("subject"), Some("content-nl-error-subject"));
        assert_eq!(errors.get("body"), Some("content-nl-error-body"));
        let errors = validate_subscription(&SubscribeInput::default(), "de").unwrap_err();
        assert_eq!(errors.get("email"), Some("content-nl-error-email"));
        let typo = SubscribeInput {
            email: "nobody".into(),
            ..SubscribeInput::default()
        };
        let errors = validate_subscription(&typo, "de").unwrap_err();
        assert_eq!(errors.get("email"), Some("error-email-invalid"));
    }
}
