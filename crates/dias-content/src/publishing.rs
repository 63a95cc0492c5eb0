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
                .and_where(Expr::col(Alias::new("id")).eq(id))
                .and_where(Expr::col(Alias::new("announced")).eq(false))
                .to_owned();
            let result = txn.execute(&update).await?;
            if result.rows_affected() == 1 {
                dias_core::outbox::search_changed(&txn, kind, &id.to_string()).await?;
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
}
