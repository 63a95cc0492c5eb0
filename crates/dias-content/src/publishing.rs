//! When an item is visible: pages, news and publications are live when
//! they are published and their `publish_at` has come. Items that go live
//! by schedule are "announced" by a periodic job (search index, and the
//! shell's caches expire by themselves), so visitors and search see them
//! exactly from their time on, never before.

use dias_core::jobs::{JobContext, JobHandler};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr};

use crate::vocab::Status;

/// The job kind of [`announce_due`], run every [`ANNOUNCE_EVERY_SECS`].
pub const ANNOUNCE_JOB: &str = "content.announce";
pub const ANNOUNCE_EVERY_SECS: i64 = 60;

/// Whether visitors see an item now.
pub fn is_live(status: &str, publish_at: Option<i64>, now: i64) -> bool {
    status == Status::Published.key() && publish_at.is_some_and(|at| at <= now)
}

/// Whether an item is published for a later moment.
pub fn is_scheduled(status: &str, publish_at: Option<i64>, now: i64) -> bool {
    status == Status::Published.key() && publish_at.is_some_and(|at| at > now)
}

/// The SQL condition of [`is_live`] for an entity's columns.
pub fn live<C: ColumnTrait>(status: C, publish_at: C, now: i64) -> Condition {
    Condition::all()
        .add(status.eq(Status::Published.key()))
        .add(publish_at.lte(now))
}

/// The value of `announced` after a save: true when the item is live now
/// (the saving code tells the search index itself), false otherwise, so
/// the job announces it when it goes live.
pub fn announced_on_save(status: &str, publish_at: Option<i64>, now: i64) -> bool {
    is_live(status, publish_at, now)
}

// ------------------------------------------------------- the form's moment

pub(crate) fn berlin() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Berlin").unwrap_or(jiff::tz::TimeZone::UTC)
}

/// The field of the form's publication moment that is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MomentError {
    /// Missing (a time without a date) or not a real date.
    Date,
    /// Not a time of day (`HH:MM`).
    Time,
}

impl MomentError {
    /// The form field to put the message on.
    pub fn field(self) -> &'static str {
        match self {
            MomentError::Date => "publish_date",
            MomentError::Time => "publish_time",
        }
    }
}

/// The publication moment of a page, article or publication form: the
/// `publish_date` (`YYYY-MM-DD`) and `publish_time` (`HH:MM`, empty =
/// midnight) in Berlin as Unix seconds; `Ok(None)` when both are empty (the
/// caller decides what that means, e.g. "now" for a published item).
pub fn publish_at_from_form(date: &str, time: &str) -> Result<Option<i64>, MomentError> {
    let (date, time) = (date.trim(), time.trim());
    if date.is_empty() && time.is_empty() {
        return Ok(None);
    }
    let date: jiff::civil::Date = date.parse().map_err(|_| MomentError::Date)?;
    let time: jiff::civil::Time = match time {
        "" => jiff::civil::Time::midnight(),
        t => t.parse().map_err(|_| MomentError::Time)?,
    };
    date.to_datetime(time)
        .to_zoned_datetime(berlin())
        .map(|zoned| Some(zoned.timestamp().as_second()))
        .map_err(|_| MomentError::Time)
}

/// `HH:MM` of `unix` in Berlin (the value of a time input).
pub fn time_input_value(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|ts| ts.to_zoned_datetime(berlin()).strftime("%H:%M").to_string())
        .unwrap_or_default()
}

/// `first_published_at` after a save: kept once set, otherwise the item's
/// `publish_at` when the saved state is live now (a scheduled item gets it
/// from [`announce_due`] when its moment comes).
///
/// Callers pass the stored value folded with the stored state first
/// (`first_published(row.first_published_at, &row.status, row.publish_at,
/// now)`), so rows that were live before the column existed count as well.
pub fn first_published(
    first_published_at: Option<i64>,
    status: &str,
    publish_at: Option<i64>,
    now: i64,
) -> Option<i64> {
    first_published_at
        .or_else(|| is_live(status, publish_at, now).then(|| publish_at.unwrap_or(now)))
}

/// Whether an item has ever been live: then its address stays as it is
/// (news and publications keep their slug after being unpublished).
pub fn has_been_live(
    first_published_at: Option<i64>,
    status: &str,
    publish_at: Option<i64>,
    now: i64,
) -> bool {
    first_published(first_published_at, status, publish_at, now).is_some()
}

/// The tables with scheduled items and their search kinds.
const SCHEDULED: [(&str, &str); 3] = [
    ("content_pages", crate::KIND_PAGE),
    ("content_news", crate::KIND_NEWS),
    ("content_publications", crate::KIND_PUBLICATION),
];

/// Announces every item that has gone live since the last run: marks it
/// and tells the search index, in one transaction per table (a second
/// instance running at the same moment finds nothing left to mark). Returns
/// how many items were announced.
pub async fn announce_due(db: &DatabaseConnection, now: i64) -> Result<usize, DbErr> {
    use sea_orm::TransactionTrait;
    let mut announced = 0;
    for (table, kind) in SCHEDULED {
        let txn = db.begin().await?;
        let select = Query::select()
            .column(Alias::new("id"))
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new("status")).eq(Status::Published.key()))
            .and_where(Expr::col(Alias::new("publish_at")).lte(now))
            .and_where(Expr::col(Alias::new("announced")).eq(false))
            .to_owned();
        let rows = txn.query_all(&select).await?;
        for row in rows {
            let id: i64 = row.try_get("", "id")?;
            let update = Query::update()
                .table(Alias::new(table))
                .value(Alias::new("announced"), true)
                // The first time live: from its moment (kept when set).
                .value(
                    Alias::new("first_published_at"),
                    Expr::col(Alias::new("first_published_at"))
                        .if_null(Expr::col(Alias::new("publish_at"))),
                )
                .and_where(Expr::col(Alias::new("id")).eq(id))
                .and_where(Expr::col(Alias::new("announced")).eq(false))
                .to_owned();
            let result = txn.execute(&update).await?;
            if result.rows_affected() == 1 {
                dias_core::outbox::search_changed(&txn, kind, &id.to_string()).await?;
                if kind == crate::KIND_PAGE {
                    // Published pages below it become visible with it.
                    crate::pages::descendants_changed(&txn, id).await?;
                }
                announced += 1;
            }
        }
        txn.commit().await?;
    }
    if announced > 0 {
        crate::site::invalidate();
    }
    Ok(announced)
}

/// The periodic job around [`announce_due`].
#[derive(Default)]
pub struct AnnounceJob;

impl JobHandler for AnnounceJob {
    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            announce_due(&ctx.db, dias_core::time::now())
                .await
                .map(|_| ())
                .map_err(|e| e.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_means_published_and_due() {
        assert!(is_live("published", Some(100), 100));
        assert!(!is_live("published", Some(101), 100));
        assert!(!is_live("published", None, 100));
        assert!(!is_live("draft", Some(0), 100));
        assert!(is_scheduled("published", Some(101), 100));
        assert!(!is_scheduled("draft", Some(101), 100));
    }

    #[test]
    fn first_published_is_set_once() {
        assert_eq!(first_published(None, "published", Some(90), 100), Some(90));
        assert_eq!(first_published(None, "published", Some(101), 100), None);
        assert_eq!(first_published(None, "draft", Some(90), 100), None);
        assert_eq!(first_published(Some(50), "draft", Some(90), 100), Some(50));
        assert_eq!(
            first_published(Some(50), "published", Some(90), 100),
            Some(50)
        );
        assert!(has_been_live(Some(50), "draft", None, 100));
        assert!(!has_been_live(None, "published", Some(101), 100));
    }

    #[test]
    fn the_moment_is_berlin_time() {
        // Summer time: 14:00 in Berlin is 12:00 UTC.
        assert_eq!(
            publish_at_from_form(" 2026-07-01 ", "14:00"),
            Ok(Some(1_782_907_200))
        );
        assert_eq!(time_input_value(1_782_907_200), "14:00");
        // No time: midnight (winter time, UTC+1).
        assert_eq!(
            publish_at_from_form("2026-01-01", ""),
            Ok(Some(1_767_222_000))
        );
        assert_eq!(publish_at_from_form("", ""), Ok(None));
        assert_eq!(publish_at_from_form("", "10:00"), Err(MomentError::Date));
        assert_eq!(
            publish_at_from_form("2026-02-30", "10:00"),
            Err(MomentError::Date)
        );
        assert_eq!(
            publish_at_from_form("01.07.2026", ""),
            Err(MomentError::Date)
        );
        assert_eq!(
            publish_at_from_form("2026-07-01", "25:00"),
            Err(MomentError::Time)
        );
        assert_eq!(MomentError::Time.field(), "publish_time");
    }
}
