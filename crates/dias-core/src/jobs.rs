//! Background jobs stored in the database.
//!
//! A job is claimed with a conditional `UPDATE … WHERE status = 'queued'`, so
//! exactly one worker of any instance wins it, on SQLite and PostgreSQL alike.
//! A worker that dies leaves a lease (`locked_until`) that runs out; the job
//! is then queued again. Progress is written to the row so staff see it.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use tokio::sync::watch;

use crate::entities::job;

pub const QUEUED: &str = "queued";
pub const RUNNING: &str = "running";
pub const DONE: &str = "done";
pub const FAILED: &str = "failed";

/// How long a claimed job stays with its worker before others may retry it;
/// renewed with every progress update.
const LEASE_SECS: i64 = 300;
const MAX_ATTEMPTS: i32 = 3;

/// Queues a job to run as soon as a worker is free.
pub async fn enqueue<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    payload: serde_json::Value,
    created_by: Option<i64>,
) -> Result<i64, DbErr> {
    let now = crate::time::now();
    let model = job::ActiveModel {
        kind: Set(kind.to_owned()),
        payload: Set(payload.to_string()),
        status: Set(QUEUED.to_owned()),
        progress: Set(0),
        progress_total: Set(0),
        attempts: Set(0),
        run_after: Set(now),
        created_by: Set(created_by),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// Takes the oldest due job of one of `kinds`, or none.
pub async fn claim(
    db: &DatabaseConnection,
    worker: &str,
    kinds: &[String],
) -> Result<Option<job::Model>, DbErr> {
    let now = crate::time::now();
    // Leases that ran out go back to the queue (or fail after too many tries).
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(QUEUED))
        .col_expr(job::Column::LockedBy, Expr::value(Option::<String>::None))
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LockedUntil.lt(now))
        .filter(job::Column::Attempts.lt(MAX_ATTEMPTS))
        .exec(db)
        .await?;
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(FAILED))
        .col_expr(
            job::Column::Error,
            Expr::value("worker lease expired too often"),
        )
        .filter(job::Column::Status.eq(RUNNING))
        .filter(job::Column::LockedUntil.lt(now))
        .filter(job::Column::Attempts.gte(MAX_ATTEMPTS))
        .exec(db)
        .await?;

    let candidates = job::Entity::find()
        .filter(job::Column::Status.eq(QUEUED))
        .filter(job::Column::RunAfter.lte(now))
        .filter(job::Column::Kind.is_in(kinds.iter().cloned()))
        .order_by_asc(job::Column::Id)
        .limit(5)
        .all(db)
        .await?;
    for candidate in candidates {
        let result = job::Entity::update_many()
            .col_expr(job::Column::Status, Expr::value(RUNNING))
            .col_expr(job::Column::LockedBy, Expr::value(worker))
            .col_expr(job::Column::LockedUntil, Expr::value(now + LEASE_SECS))
            .col_expr(job::Column::StartedAt, Expr::value(now))
            .col_expr(
                job::Column::Attempts,
                Expr::col(job::Column::Attempts).add(1),
            )
            .filter(job::Column::Id.eq(candidate.id))
            .filter(job::Column::Status.eq(QUEUED))
            .exec(db)
            .await?;
        if result.rows_affected == 1 {
            return job::Entity::find_by_id(candidate.id).one(db).await;
        }
    }
    Ok(None)
}

/// Handle given to a running job to report progress.
#[derive(Clone)]
pub struct JobContext {
    pub db: DatabaseConnection,
    pub job: job::Model,
}

impl JobContext {
    /// Records progress and renews the lease.
    pub async fn progress(&self, done: i64, total: i64, message: &str) -> Result<(), DbErr> {
        job::Entity::update_many()
            .col_expr(job::Column::Progress, Expr::value(done))
            .col_expr(job::Column::ProgressTotal, Expr::value(total))
            .col_expr(job::Column::Message, Expr::value(message))
            .col_expr(
                job::Column::LockedUntil,
                Expr::value(crate::time::now() + LEASE_SECS),
            )
            .filter(job::Column::Id.eq(self.job.id))
            .exec(&self.db)
            .await?;
        Ok(())
    }

    pub fn payload(&self) -> serde_json::Value {
        serde_json::from_str(&self.job.payload).unwrap_or(serde_json::Value::Null)
    }
}

/// What a job may need beyond the database: the translations (mail in the
/// recipient's language), the public address (links in mail) and the
/// instance's configuration (periods and limits a module reads).
#[derive(Clone)]
pub struct JobEnv {
    pub catalog: Arc<crate::i18n::Catalog>,
    pub public_url: String,
    pub config: Arc<crate::config::Config>,
}

/// What a job kind does.
pub trait JobHandler: Send + Sync {
    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>>;

    /// Called once when the workers start, before any `run`; handlers that
    /// need the environment keep it.
    fn bind(&self, _env: &JobEnv) {}
}

async fn finish(
    db: &DatabaseConnection,
    id: i64,
    outcome: Result<(), String>,
) -> Result<(), DbErr> {
    let now = crate::time::now();
    let (status, error) = match outcome {
        Ok(()) => (DONE, None),
        Err(e) => (FAILED, Some(e)),
    };
    job::Entity::update_many()
        .col_expr(job::Column::Status, Expr::value(status))
        .col_expr(job::Column::Error, Expr::value(error))
        .col_expr(job::Column::FinishedAt, Expr::value(now))
        .col_expr(job::Column::LockedUntil, Expr::value(Option::<i64>::None))
        .filter(job::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Runs jobs of the registered kinds until `shutdown` turns true.
pub async fn run_worker(
    db: DatabaseConnection,
    worker: String,
    handlers: Arc<HashMap<String, Arc<dyn JobHandler>>>,
    mut shutdown: watch::Receiver<bool>,
) {
    let kinds: Vec<String> = handlers.keys().cloned().collect();
    loop {
        if *shutdown.borrow() {
            return;
        }
        match claim(&db, &worker, &kinds).await {
            Ok(Some(job)) => {
                let id = job.id;
                let kind = job.kind.clone();
                tracing::info!(job = id, kind = %kind, "job started");
                let outcome = match handlers.get(&kind) {
                    Some(handler) => {
                        handler
                            .run(JobContext {
                                db: db.clone(),
                                job,
                            })
                            .await
                    }
                    None => Err(format!("no handler for {kind}")),
                };
                if let Err(e) = &outcome {
                    tracing::warn!(job = id, error = %e, "job failed");
                }
                if let Err(e) = finish(&db, id, outcome).await {
                    tracing::error!(job = id, error = %e, "could not record job outcome");
                }
                continue;
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(error = %e, "could not claim a job"),
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            _ = shutdown.changed() => {}
        }
    }
}

/// Newest jobs first, for the staff overview.
pub async fn page(
    db: &DatabaseConnection,
    page: u64,
    per_page: u64,
) -> Result<(Vec<job::Model>, u64), DbErr> {
    let paginator = job::Entity::find()
        .order_by_desc(job::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    Ok((paginator.fetch_page(page.saturating_sub(1)).await?, total))
}
