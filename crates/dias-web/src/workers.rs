//! Background work of an instance: the search indexer, the job runner, the
//! scheduler of periodic jobs, mail delivery and the clean-up of expired
//! sessions and old mail. Each stops when the shutdown signal turns.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use dias_core::jobs::{JobContext, JobEnv, JobHandler};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, TransactionTrait};
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::registry::Schedule;
use crate::state::AppState;

/// How often an instance looks whether a periodic job is due.
const SCHEDULER_TICK: Duration = Duration::from_secs(60);

/// Queues every scheduled job whose interval slot (`now / every_secs`) has
/// not been taken yet; returns the ids of the queued jobs.
///
/// Exactly once across instances: the slot is taken by a conditional
/// update of the schedule's row in `data_versions` (`version < slot`),
/// which one transaction wins, and the job is queued in that transaction.
pub async fn enqueue_due(
    db: &DatabaseConnection,
    schedules: &[Schedule],
    now: i64,
) -> Result<Vec<i64>, DbErr> {
    let table = Alias::new("data_versions");
    let (name_col, version_col) = (Alias::new("name"), Alias::new("version"));
    let mut queued = Vec::new();
    for schedule in schedules {
        let slot = now / Ord::max(schedule.every_secs, 1);
        let name = format!("schedule:{}", schedule.kind);
        let txn = db.begin().await?;
        let mut insert = Query::insert();
        insert
            .into_table(table.clone())
            .columns([name_col.clone(), version_col.clone()])
            .values([name.clone().into(), 0i64.into()])
            .map_err(|e| DbErr::Custom(e.to_string()))?
            .on_conflict(OnConflict::column(name_col.clone()).do_nothing().to_owned());
        txn.execute(&insert).await?;
        let update = Query::update()
            .table(table.clone())
            .value(version_col.clone(), slot)
            .and_where(Expr::col(name_col.clone()).eq(name.as_str()))
            .and_where(Expr::col(version_col.clone()).lt(slot))
            .to_owned();
        if txn.execute(&update).await?.rows_affected() == 1 {
            let id = dias_core::jobs::enqueue(&txn, schedule.kind, serde_json::Value::Null, None)
                .await?;
            queued.push(id);
        }
        txn.commit().await?;
    }
    Ok(queued)
}

/// Rebuilds this instance's index with progress and asks the other instances
/// (through the outbox) to do the same.
#[derive(Default)]
pub struct ReindexJob {
    state: std::sync::OnceLock<AppState>,
}

impl ReindexJob {
    fn bind(&self, state: AppState) {
        let _ = self.state.set(state);
    }
}

impl JobHandler for ReindexJob {
    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            let state = self.state.get().ok_or("job runner not bound")?;
            let progress_ctx = ctx.clone();
            let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<(usize, usize)>();
            let reporter = tokio::spawn(async move {
                while let Some((done, total)) = rx.recv().await {
                    let _ = progress_ctx.progress(done as i64, total as i64, "").await;
                }
            });
            let count = dias_search::indexer::rebuild(
                &state.db,
                &state.search,
                &state.sources,
                |done, total| {
                    let _ = tx.send((done, total));
                },
            )
            .await
            .map_err(|e| e.to_string())?;
            drop(tx);
            let _ = reporter.await;
            dias_core::outbox::publish(
                &state.db,
                dias_core::outbox::TOPIC_SEARCH,
                dias_search::indexer::REBUILD,
                &state.instance_id,
                serde_json::Value::Null,
            )
            .await
            .map_err(|e| e.to_string())?;
            let kinds = state.sources.kinds().count() as i64;
            ctx.progress(kinds, kinds, &format!("{count} Dokumente"))
                .await
                .map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}

/// Starts all workers; returns their handles.
pub fn spawn(
    state: &AppState,
    shutdown: watch::Receiver<bool>,
) -> Result<Vec<JoinHandle<()>>, String> {
    let mut handles = Vec::new();
    let mut handlers: HashMap<String, Arc<dyn JobHandler>> = HashMap::new();
    let env = JobEnv {
        catalog: state.catalog.clone(),
        public_url: state.config.public_url.clone(),
        config: state.config.clone(),
    };
    for module in &state.registry.modules {
        for (kind, handler) in &module.jobs {
            handler.bind(&env);
            handlers.insert((*kind).to_owned(), handler.clone());
        }
    }
    // The shell's reindex job needs the state, which exists only now.
    if let Some(module) = state.registry.modules.first() {
        for (kind, _) in &module.jobs {
            if *kind == crate::admin::REINDEX_JOB {
                let job = Arc::new(ReindexJob::default());
                job.bind(state.clone());
                handlers.insert((*kind).to_owned(), job);
            }
        }
    }
    handles.push(tokio::spawn(dias_search::indexer::run(
        state.db.clone(),
        state.search.clone(),
        state.sources.clone(),
        shutdown.clone(),
    )));
    handles.push(tokio::spawn(dias_core::jobs::run_worker(
        state.db.clone(),
        state.instance_id.to_string(),
        Arc::new(handlers),
        shutdown.clone(),
    )));
    let schedules = state.registry.schedules();
    if !schedules.is_empty() {
        let db = state.db.clone();
        let mut stop = shutdown.clone();
        handles.push(tokio::spawn(async move {
            loop {
                if let Err(e) = enqueue_due(&db, &schedules, dias_core::time::now()).await {
                    tracing::warn!(error = %e, "could not queue scheduled jobs");
                }
                tokio::select! {
                    _ = tokio::time::sleep(SCHEDULER_TICK) => {}
                    _ = stop.changed() => return,
                }
            }
        }));
    }
    let transport = dias_core::mail::Transport::from_config(&state.config)?;
    handles.push(tokio::spawn(dias_core::mail::run_delivery(
        state.db.clone(),
        transport,
        state.registry.secret_paths(),
        shutdown.clone(),
    )));
    handles.push(tokio::spawn(dias_core::notifications::run_worker(
        state.db.clone(),
        state.catalog.clone(),
        state.config.public_url.clone(),
        shutdown.clone(),
    )));
    let db = state.db.clone();
    let timeouts = state.session_timeouts();
    let mut stop = shutdown;
    handles.push(tokio::spawn(async move {
        loop {
            if let Err(e) = dias_core::sessions::purge_expired(&db, timeouts).await {
                tracing::warn!(error = %e, "session clean-up failed");
            }
            if let Err(e) = dias_core::mail::purge_old(&db, dias_core::time::now()).await {
                tracing::warn!(error = %e, "mail clean-up failed");
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(600)) => {}
                _ = stop.changed() => return,
            }
        }
    }));
    Ok(handles)
}
