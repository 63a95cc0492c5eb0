//! Keeps an instance's index current from the outbox.

use std::sync::Arc;
use std::time::Duration;

use dias_core::entities::outbox_event;
use dias_core::outbox::{self, TOPIC_SEARCH};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use tokio::sync::watch;

use crate::{SearchError, SearchIndex, Sources};

/// Event kind that asks every instance to rebuild from scratch.
pub const REBUILD: &str = "*rebuild";
/// Events this recent are read again on every round: on PostgreSQL a
/// transaction with a smaller outbox id may commit after a larger one was read.
const LOOKBACK_SECS: i64 = 15;

/// Rebuilds the whole index from all sources. `progress(done, total)`.
pub async fn rebuild(
    db: &DatabaseConnection,
    index: &SearchIndex,
    sources: &Sources,
    mut progress: impl FnMut(usize, usize),
) -> Result<usize, SearchError> {
    // Take the cursor first: changes during the rebuild are applied after it.
    let cursor = outbox::last_id(db).await?;
    let kinds: Vec<&'static str> = sources.kinds().collect();
    let mut docs = Vec::new();
    for (i, kind) in kinds.iter().enumerate() {
        if let Some(source) = sources.get(kind) {
            docs.extend(source.all(db).await?);
        }
        progress(i + 1, kinds.len());
    }
    let count = docs.len();
    index.rebuild(&docs, cursor)?;
    Ok(count)
}

/// One round: applies new outbox events. Returns how many were applied.
pub async fn catch_up(
    db: &DatabaseConnection,
    index: &SearchIndex,
    sources: &Sources,
) -> Result<usize, SearchError> {
    let cursor = index.cursor().unwrap_or(0);
    let mut events = outbox::read_after(db, TOPIC_SEARCH, cursor, 2_000).await?;
    let recent = outbox_event::Entity::find()
        .filter(outbox_event::Column::Topic.eq(TOPIC_SEARCH))
        .filter(outbox_event::Column::Id.lte(cursor))
        .filter(outbox_event::Column::At.gte(dias_core::time::now() - LOOKBACK_SECS))
        .order_by_asc(outbox_event::Column::Id)
        .all(db)
        .await?;
    let new_count = events.len();
    if new_count == 0 && recent.is_empty() {
        // A database restored from an older backup has a shorter outbox than
        // the index has seen: start over from the database.
        if cursor > outbox::last_id(db).await? {
            rebuild(db, index, sources, |_, _| {}).await?;
        }
        return Ok(0);
    }
    let new_cursor = events.last().map(|e| e.id).unwrap_or(cursor);
    if events.iter().any(|e| e.kind == REBUILD) {
        rebuild(db, index, sources, |_, _| {}).await?;
        return Ok(new_count);
    }
    events.extend(recent);
    let mut seen = std::collections::HashSet::new();
    let mut changes = Vec::new();
    for event in events.iter().rev() {
        if !seen.insert((event.kind.clone(), event.key.clone())) {
            continue;
        }
        let Some(source) = sources.get(&event.kind) else {
            continue;
        };
        let doc = source.one(db, &event.key).await?;
        changes.push((event.kind.clone(), event.key.clone(), doc));
    }
    index.apply(&changes, new_cursor)?;
    Ok(new_count)
}

/// Runs [`catch_up`] every second until `shutdown`.
pub async fn run(
    db: DatabaseConnection,
    index: Arc<SearchIndex>,
    sources: Sources,
    mut shutdown: watch::Receiver<bool>,
) {
    loop {
        if *shutdown.borrow() {
            return;
        }
        if let Err(e) = catch_up(&db, &index, &sources).await {
            tracing::warn!(error = %e, "search indexing round failed");
        }
        tokio::select! {
            _ = tokio::time::sleep(Duration::from_secs(1)) => {}
            _ = shutdown.changed() => {}
        }
    }
}
