//! The Merkliste: offers a person watches, and the reminder mails N days
//! before their deadlines.
//!
//! Storage (`funding_watches`, `funding_reminders`, migration m0015), the
//! rule which deadline is due for a reminder ([`due`], pure), the reminder
//! job ([`send_reminders`], [`ReminderJob`]; it runs by itself every hour
//! through the module's schedule and staff can start it on the jobs page)
//! and the module's part of the account export and deletion
//! ([`WatchData`]).
//!
//! A reminder is sent once per person, offer and deadline day: the row in
//! `funding_reminders` is inserted in the transaction that queues the mail,
//! and its unique index makes a second, concurrent run fail and roll back
//! instead of mailing twice.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use async_trait::async_trait;
use dias_core::accounts::MailEnv;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::entities::user;
use dias_core::i18n::{Catalog, Value};
use dias_core::jobs::{JobContext, JobEnv, JobHandler};
use jiff::civil::Date;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, SqlErr, TransactionTrait,
};
use serde_json::{Value as Json, json};

use crate::check::Availability;
use crate::entities::funding_offer;
use crate::offer::Offer;

/// The reminder lead times a person can choose, in days.
pub const REMIND_CHOICES: [i32; 4] = [3, 7, 14, 30];
pub const DEFAULT_REMIND_DAYS: i32 = 7;
/// Job kind of the reminder run.
pub const REMINDER_JOB: &str = "funding.reminders";
/// How often the reminder job runs by itself. Hourly, so a deadline that
/// enters someone's window is mailed within the hour, whatever the time
/// zone of the server.
pub const REMINDER_EVERY_SECS: i64 = 3600;
/// Most offers one Merkliste holds: more than anyone follows by hand, and
/// a bound on what the list page and the reminder job load per person.
pub const MAX_WATCHED: u64 = 200;
/// People the reminder job handles per transaction, and the most ids in
/// one `IN` list: a whole table in one list would exceed the bound-parameter
/// limits (SQLite 32,766, PostgreSQL 65,535) and fail the run for everyone.
const BATCH: usize = 500;

pub mod entities {
    //! The two tables of m0015.

    pub mod funding_watch {
        use sea_orm::entity::prelude::*;

        /// An offer on a person's Merkliste.
        #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
        #[sea_orm(table_name = "funding_watches")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub user_id: i64,
            pub offer_id: i64,
            /// Remind this many days before a deadline.
            pub remind_days: i32,
            pub created_at: i64,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }

    pub mod funding_reminder {
        use sea_orm::entity::prelude::*;

        /// A reminder sent: one per person, offer and deadline day.
        #[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
        #[sea_orm(table_name = "funding_reminders")]
        pub struct Model {
            #[sea_orm(primary_key)]
            pub id: i64,
            pub user_id: i64,
            pub offer_id: i64,
            /// `YYYY-MM-DD`.
            pub deadline: String,
            pub sent_at: i64,
        }

        #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
        pub enum Relation {}

        impl ActiveModelBehavior for ActiveModel {}
    }
}

use entities::{funding_reminder, funding_watch};

/// A lead time from a form: one of [`REMIND_CHOICES`].
pub fn parse_days(value: &str) -> Option<i32> {
    value
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|d| REMIND_CHOICES.contains(d))
}

/// The deadline a reminder is due for today, if any: the offer's next
/// deadline when it lies at most `remind_days` ahead and one can still
/// apply (neither stopped nor ended).
pub fn due(offer: &Offer, remind_days: i32, today: Date) -> Option<Date> {
    if Availability::of(offer, today).is_closed() {
        return None;
    }
    let next = offer.next_deadline(today)?.date;
    let days_left = (next - today).get_days();
    (days_left <= remind_days).then_some(next)
}

/// Whether a list with `count` offers takes another one.
pub fn has_room(count: u64) -> bool {
    count < MAX_WATCHED
}

/// What [`add`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    Added,
    /// The list holds [`MAX_WATCHED`] offers; nothing was stored.
    Full,
}

/// Puts an offer on the list unless the list is full (an offer already
/// there only gets the new lead time).
pub async fn add(
    db: &DatabaseConnection,
    user_id: i64,
    offer_id: i64,
    remind_days: i32,
) -> Result<Added, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    // On PostgreSQL two additions of one person wait for each other here,
    // so both cannot take the last place; SQLite's write transaction
    // already serialises them.
    user::Entity::find_by_id(user_id)
        .lock_exclusive()
        .one(&txn)
        .await?;
    let listed = funding_watch::Entity::find()
        .filter(funding_watch::Column::UserId.eq(user_id))
        .count(&txn)
        .await?;
    if !has_room(listed) && entry(&txn, user_id, offer_id).await?.is_none() {
        txn.rollback().await?;
        return Ok(Added::Full);
    }
    watch(&txn, user_id, offer_id, remind_days).await?;
    txn.commit().await?;
    Ok(Added::Added)
}

/// Puts an offer on the list, or changes its lead time when it is there.
/// No limit: [`add`] is the way for people.
pub async fn watch<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    offer_id: i64,
    remind_days: i32,
) -> Result<(), DbErr> {
    funding_watch::Entity::insert(funding_watch::ActiveModel {
        user_id: Set(user_id),
        offer_id: Set(offer_id),
        remind_days: Set(remind_days),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            funding_watch::Column::UserId,
            funding_watch::Column::OfferId,
        ])
        .update_column(funding_watch::Column::RemindDays)
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Takes an offer off the list (nothing happens when it is not there).
pub async fn unwatch<C: ConnectionTrait>(db: &C, user_id: i64, offer_id: i64) -> Result<(), DbErr> {
    funding_watch::Entity::delete_many()
        .filter(funding_watch::Column::UserId.eq(user_id))
        .filter(funding_watch::Column::OfferId.eq(offer_id))
        .exec(db)
        .await?;
    Ok(())
}

/// A person's list, oldest first.
pub async fn of_user<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<funding_watch::Model>, DbErr> {
    funding_watch::Entity::find()
        .filter(funding_watch::Column::UserId.eq(user_id))
        .order_by_asc(funding_watch::Column::Id)
        .all(db)
        .await
}

/// Which of these offers the person watches (one query, for result cards).
pub async fn watched_among<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    offer_ids: &[i64],
) -> Result<HashSet<i64>, DbErr> {
    if offer_ids.is_empty() {
        return Ok(HashSet::new());
    }
    Ok(funding_watch::Entity::find()
        .filter(funding_watch::Column::UserId.eq(user_id))
        .filter(funding_watch::Column::OfferId.is_in(offer_ids.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|w| w.offer_id)
        .collect())
}

/// The person's entry for one offer.
pub async fn entry<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
    offer_id: i64,
) -> Result<Option<funding_watch::Model>, DbErr> {
    funding_watch::Entity::find()
        .filter(funding_watch::Column::UserId.eq(user_id))
        .filter(funding_watch::Column::OfferId.eq(offer_id))
        .one(db)
        .await
}

/// Offers by row id, parsed (unreadable records are skipped, as in the
/// store).
pub async fn offers_by_id<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, Offer>, DbErr> {
    let mut offers = HashMap::new();
    for chunk in ids.chunks(BATCH) {
        offers.extend(
            funding_offer::Entity::find()
                .filter(funding_offer::Column::Id.is_in(chunk.to_vec()))
                .all(db)
                .await?
                .into_iter()
                .filter_map(|m| {
                    serde_json::from_str::<Offer>(&m.record)
                        .ok()
                        .map(|o| (m.id, o))
                }),
        );
    }
    Ok(offers)
}

/// A calendar day in a mail, in the recipient's language.
fn mail_day(locale: &str, date: Date) -> String {
    if locale == "en" {
        date.strftime("%-d %B %Y").to_string()
    } else {
        date.strftime("%d.%m.%Y").to_string()
    }
}

/// One due reminder.
#[derive(Debug, Clone)]
struct Due {
    offer_id: i64,
    slug: String,
    title: String,
    deadline: Date,
    note: String,
}

/// A reminder mail ready to queue.
struct Outgoing {
    user_id: i64,
    to: String,
    subject: String,
    body: String,
    items: Vec<Due>,
}

/// Sends the reminders due on `today`: one mail per person listing every
/// watched offer whose next deadline entered the person's lead time and
/// that was not reminded for that deadline yet. Returns the number of
/// mails. People are taken [`BATCH`] at a time by ascending id; each
/// batch's mails are queued in one transaction with their
/// `funding_reminders` rows, one savepoint per person: when another run
/// got there first, the unique index refuses that person's rows and only
/// that person is skipped. With `job`, progress is recorded after each
/// batch.
pub async fn send_reminders(
    db: &DatabaseConnection,
    catalog: &Catalog,
    public_url: &str,
    today: Date,
    job: Option<&JobContext>,
) -> Result<usize, DbErr> {
    let total = funding_watch::Entity::find()
        .select_only()
        .column(funding_watch::Column::UserId)
        .distinct()
        .count(db)
        .await?;
    let total = i64::try_from(total).unwrap_or(i64::MAX);
    if let Some(job) = job {
        job.progress(0, total, "").await?;
    }
    let base = public_url.trim_end_matches('/');
    // Parsed once per run: many people watch the same offers. `None` for a
    // record gone or unreadable.
    let mut offers: HashMap<i64, Option<Offer>> = HashMap::new();
    let mut after = i64::MIN;
    let mut done = 0i64;
    let mut mails = 0;
    loop {
        let people: Vec<i64> = funding_watch::Entity::find()
            .select_only()
            .column(funding_watch::Column::UserId)
            .distinct()
            .filter(funding_watch::Column::UserId.gt(after))
            .order_by_asc(funding_watch::Column::UserId)
            .limit(BATCH as u64)
            .into_tuple()
            .all(db)
            .await?;
        let Some(&last) = people.last() else {
            break;
        };
        after = last;
        let watches = funding_watch::Entity::find()
            .filter(funding_watch::Column::UserId.is_in(people.iter().copied()))
            .order_by_asc(funding_watch::Column::Id)
            .all(db)
            .await?;
        let mut missing: Vec<i64> = watches
            .iter()
            .map(|w| w.offer_id)
            .filter(|id| !offers.contains_key(id))
            .collect();
        missing.sort_unstable();
        missing.dedup();
        let mut found = offers_by_id(db, &missing).await?;
        for id in missing {
            offers.insert(id, found.remove(&id));
        }
        let outgoing = batch_mails(db, catalog, base, today, &watches, &offers).await?;
        mails += queue_batch(db, outgoing).await?;
        done += i64::try_from(people.len()).unwrap_or(0);
        if let Some(job) = job {
            job.progress(done, total, &format!("{mails} Erinnerungen"))
                .await?;
        }
    }
    // People who left the list meanwhile are not counted: the run ends
    // complete.
    if let Some(job) = job {
        job.progress(done, done, &format!("{mails} Erinnerungen"))
            .await?;
    }
    Ok(mails)
}

/// The mails due for the people of these watches (at most [`BATCH`]
/// people, so every `IN` list below stays within the limits).
async fn batch_mails(
    db: &DatabaseConnection,
    catalog: &Catalog,
    base: &str,
    today: Date,
    watches: &[funding_watch::Model],
    offers: &HashMap<i64, Option<Offer>>,
) -> Result<Vec<Outgoing>, DbErr> {
    let mut by_user: BTreeMap<i64, Vec<Due>> = BTreeMap::new();
    for w in watches {
        let Some(Some(offer)) = offers.get(&w.offer_id) else {
            continue;
        };
        if let Some(deadline) = due(offer, w.remind_days, today) {
            by_user.entry(w.user_id).or_default().push(Due {
                offer_id: w.offer_id,
                slug: offer.slug.clone(),
                title: offer.title.clone(),
                note: offer
                    .next_deadline(today)
                    .map(|d| d.note.clone())
                    .unwrap_or_default(),
                deadline,
            });
        }
    }
    if by_user.is_empty() {
        return Ok(Vec::new());
    }
    // Reminders already sent for deadlines still ahead.
    let sent: HashSet<(i64, i64, String)> = funding_reminder::Entity::find()
        .filter(funding_reminder::Column::UserId.is_in(by_user.keys().copied()))
        .filter(funding_reminder::Column::Deadline.gte(today.to_string()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.user_id, r.offer_id, r.deadline))
        .collect();
    let people: HashMap<i64, user::Model> = user::Entity::find()
        .filter(user::Column::Id.is_in(by_user.keys().copied()))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::BlockedAt.is_null())
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect();
    let mut outgoing = Vec::new();
    for (user_id, mut items) in by_user {
        items.retain(|d| !sent.contains(&(user_id, d.offer_id, d.deadline.to_string())));
        let Some(person) = people.get(&user_id) else {
            continue;
        };
        let Some(to) = person.email.as_deref() else {
            continue;
        };
        if items.is_empty() {
            continue;
        }
        items.sort_by(|a, b| (a.deadline, &a.title).cmp(&(b.deadline, &b.title)));
        let locale = person.locale.as_str();
        let list = items
            .iter()
            .map(|d| {
                let args = [
                    ("title", Value::from(d.title.clone())),
                    ("date", Value::from(mail_day(locale, d.deadline))),
                    ("note", Value::from(d.note.clone())),
                    (
                        "url",
                        Value::from(format!("{base}/foerderung/angebote/{}", d.slug)),
                    ),
                ];
                let id = if d.note.is_empty() {
                    "funding-watch-mail-item"
                } else {
                    "funding-watch-mail-item-note"
                };
                catalog.get_with(locale, id, &args)
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let args = [
            ("person", Value::from(person.display_name.clone())),
            ("count", Value::from(items.len())),
            ("list", Value::from(list)),
            (
                "watchlist",
                Value::from(format!("{base}/foerderung/merkliste")),
            ),
        ];
        outgoing.push(Outgoing {
            user_id,
            to: to.to_owned(),
            subject: catalog.get_with(locale, "funding-watch-mail-subject", &args),
            body: catalog.get_with(locale, "funding-watch-mail-body", &args),
            items,
        });
    }
    Ok(outgoing)
}

/// Queues a batch's mails with their "sent" rows in one transaction;
/// returns how many were queued.
async fn queue_batch(db: &DatabaseConnection, outgoing: Vec<Outgoing>) -> Result<usize, DbErr> {
    if outgoing.is_empty() {
        return Ok(0);
    }
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let mut mails = 0;
    for mail in outgoing {
        let person = txn.begin().await?;
        let rows = mail.items.iter().map(|d| funding_reminder::ActiveModel {
            user_id: Set(mail.user_id),
            offer_id: Set(d.offer_id),
            deadline: Set(d.deadline.to_string()),
            sent_at: Set(now),
            ..Default::default()
        });
        match funding_reminder::Entity::insert_many(rows)
            .exec_without_returning(&person)
            .await
        {
            Ok(_) => {
                dias_core::mail::queue(&person, &mail.to, &mail.subject, &mail.body).await?;
                person.commit().await?;
                mails += 1;
            }
            Err(error) if matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
                // Another run reminded this person meanwhile.
                tracing::info!(user_id = mail.user_id, %error, "funding reminder already sent");
                person.rollback().await?;
            }
            Err(error) => return Err(error),
        }
    }
    txn.commit().await?;
    Ok(mails)
}

/// The reminder job: [`send_reminders`] for today in Europe/Berlin.
#[derive(Default)]
pub struct ReminderJob {
    env: OnceLock<JobEnv>,
}

impl ReminderJob {
    pub fn handler() -> Arc<dyn JobHandler> {
        Arc::new(ReminderJob::default())
    }
}

impl JobHandler for ReminderJob {
    fn bind(&self, env: &JobEnv) {
        let _ = self.env.set(env.clone());
    }

    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            let env = self.env.get().ok_or("job runner not bound")?;
            send_reminders(
                &ctx.db,
                &env.catalog,
                &env.public_url,
                crate::today(),
                Some(&ctx),
            )
            .await
            .map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}

/// The Merkliste in the account export; deleted with the account. The
/// editorial history is exported too and kept without author.
pub struct WatchData;

#[async_trait]
impl PersonalData for WatchData {
    fn section(&self) -> &'static str {
        "foerderung"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Json, DbErr> {
        let watches = of_user(db, user_id).await?;
        let ids: Vec<i64> = watches.iter().map(|w| w.offer_id).collect();
        let offers = offers_by_id(db, &ids).await?;
        let reminders = funding_reminder::Entity::find()
            .filter(funding_reminder::Column::UserId.eq(user_id))
            .order_by_asc(funding_reminder::Column::Id)
            .all(db)
            .await?;
        let reminder_offers = offers_by_id(
            db,
            &reminders.iter().map(|r| r.offer_id).collect::<Vec<_>>(),
        )
        .await?;
        let slug = |offers: &HashMap<i64, Offer>, id: i64| {
            offers
                .get(&id)
                .map(|o| json!({"slug": o.slug, "title": o.title}))
        };
        let editorial = crate::store::trace_of(db, user_id).await?;
        Ok(json!({
            "editorial": editorial,
            "watch_list": watches
                .iter()
                .map(|w| json!({
                    "offer": slug(&offers, w.offer_id),
                    "remind_days_before": w.remind_days,
                    "since": dias_core::time::format_rfc3339(w.created_at),
                }))
                .collect::<Vec<_>>(),
            "reminders_sent": reminders
                .iter()
                .map(|r| json!({
                    "offer": slug(&reminder_offers, r.offer_id),
                    "deadline": r.deadline,
                    "sent": dias_core::time::format_rfc3339(r.sent_at),
                }))
                .collect::<Vec<_>>(),
        }))
    }

    async fn erase(
        &self,
        txn: &DatabaseTransaction,
        _env: &MailEnv<'_>,
        user_id: i64,
    ) -> Result<(), DbErr> {
        funding_watch::Entity::delete_many()
            .filter(funding_watch::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        funding_reminder::Entity::delete_many()
            .filter(funding_reminder::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        crate::store::forget_author(txn, user_id).await?;
        Ok(())
    }
}

/// The example offer that gets a deadline near the demo's day.
pub const DEMO_NEAR_OFFER: &str = "ki-gutschein-sachsen";
/// Days from the demo's day to that deadline: inside the default lead
/// time, so a watch list reminder is due at once.
pub const DEMO_NEAR_DAYS: i64 = 6;

/// Gives the demo an open offer with a deadline a few days ahead of
/// `today` (the shipped catalogue has fixed dates), so the Merkliste and
/// its reminder can be tried on any day. Only an example offer is touched.
pub fn demo_near_deadline(offers: &mut [Offer], today: Date) {
    let Some(date) = today
        .checked_add(jiff::Span::new().days(DEMO_NEAR_DAYS))
        .ok()
    else {
        return;
    };
    let Some(offer) = offers
        .iter_mut()
        .find(|o| o.slug == DEMO_NEAR_OFFER && o.origin == crate::vocab::Origin::Example)
    else {
        return;
    };
    if offer.programme_end.is_some_and(|end| end < date) {
        offer.programme_end = None;
    }
    offer.status = crate::vocab::Status::Open;
    if !offer.deadlines.iter().any(|d| d.date == date) {
        offer.deadlines.push(crate::offer::Deadline {
            date,
            note: "Sonderrunde".into(),
        });
        offer.deadlines.sort_by_key(|d| d.date);
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::offer::Deadline;
    use crate::vocab::Status;

    fn offer_with(deadlines: &[Date]) -> Offer {
        let mut offer = crate::catalogue::load()
            .unwrap()
            .offers
            .into_iter()
            .find(|o| o.slug == "ki-gutschein-sachsen")
            .unwrap();
        offer.deadlines = deadlines
            .iter()
            .map(|&d| Deadline {
                date: d,
                note: String::new(),
            })
            .collect();
        offer.programme_end = None;
        offer
    }

    #[test]
    fn a_deadline_is_due_within_the_lead_time_only() {
        let today = date(2027, 1, 10);
        let offer = offer_with(&[date(2027, 1, 17), date(2027, 3, 1)]);
        assert_eq!(due(&offer, 7, today), Some(date(2027, 1, 17)));
        assert_eq!(due(&offer, 3, today), None);
        // The deadline day itself still counts; the day after, the next one.
        assert_eq!(due(&offer, 3, date(2027, 1, 17)), Some(date(2027, 1, 17)));
        assert_eq!(due(&offer, 30, date(2027, 1, 18)), None);
        assert_eq!(due(&offer, 30, date(2027, 2, 1)), Some(date(2027, 3, 1)));
    }

    #[test]
    fn stopped_and_ended_offers_are_not_reminded() {
        let today = date(2027, 1, 10);
        let mut offer = offer_with(&[date(2027, 1, 12)]);
        offer.status = Status::Stopped;
        assert_eq!(due(&offer, 7, today), None);
        offer.status = Status::Ended;
        assert_eq!(due(&offer, 7, today), None);
        offer.status = Status::Open;
        offer.programme_end = Some(date(2027, 1, 5));
        assert_eq!(due(&offer, 7, today), None);
    }

    #[test]
    fn the_demo_has_a_valid_open_offer_due_for_a_reminder_on_any_day() {
        for today in [date(2026, 11, 27), date(2027, 1, 29), date(2028, 6, 1)] {
            let mut offers = crate::catalogue::load().unwrap().offers;
            demo_near_deadline(&mut offers, today);
            let offer = offers.iter().find(|o| o.slug == DEMO_NEAR_OFFER).unwrap();
            let valid = crate::offer::validate(offer, today);
            assert!(valid.is_ok(), "{today}: {valid:?}");
            // The next deadline is at most that far ahead (an earlier one
            // of the catalogue may come first).
            let near = today
                .checked_add(jiff::Span::new().days(DEMO_NEAR_DAYS))
                .ok();
            let due_on = due(offer, DEFAULT_REMIND_DAYS, today);
            assert!(due_on.is_some() && due_on <= near, "{today}: {due_on:?}");
        }
    }

    #[test]
    fn a_list_takes_offers_up_to_the_maximum() {
        assert!(has_room(0));
        assert!(has_room(MAX_WATCHED - 1));
        assert!(!has_room(MAX_WATCHED));
        assert!(!has_room(MAX_WATCHED + 5));
    }

    #[test]
    fn only_the_offered_lead_times_are_accepted() {
        assert_eq!(parse_days("14"), Some(14));
        assert_eq!(parse_days("5"), None);
        assert_eq!(parse_days("x"), None);
        assert!(REMIND_CHOICES.contains(&DEFAULT_REMIND_DAYS));
    }
}
