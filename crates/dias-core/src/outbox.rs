//! The outbox: domain events written in the same transaction as the change
//! they describe. Background consumers (search indexer, notifications) read
//! it in id order; each instance keeps its own cursor.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::entities::outbox_event;

/// Topic of search-index events. `kind` is the document kind, `key` its id.
pub const TOPIC_SEARCH: &str = "search";

/// Appends an event.
pub async fn publish<C: ConnectionTrait>(
    db: &C,
    topic: &str,
    kind: &str,
    key: &str,
    payload: serde_json::Value,
) -> Result<i64, DbErr> {
    let model = outbox_event::ActiveModel {
        at: Set(crate::time::now()),
        topic: Set(topic.to_owned()),
        kind: Set(kind.to_owned()),
        key: Set(key.to_owned()),
        payload: Set(payload.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// Tells every instance's search indexer that a document changed (or vanished).
pub async fn search_changed<C: ConnectionTrait>(
    db: &C,
    kind: &str,
    key: &str,
) -> Result<(), DbErr> {
    publish(db, TOPIC_SEARCH, kind, key, serde_json::Value::Null).await?;
    Ok(())
}

/// Events of `topic` with an id greater than `after`, oldest first.
pub async fn read_after<C: ConnectionTrait>(
    db: &C,
    topic: &str,
    after: i64,
    limit: u64,
) -> Result<Vec<outbox_event::Model>, DbErr> {
    outbox_event::Entity::find()
        .filter(outbox_event::Column::Topic.eq(topic))
        .filter(outbox_event::Column::Id.gt(after))
        .order_by_asc(outbox_event::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// The newest event id (0 when empty), where a fresh index starts reading.
pub async fn last_id<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    Ok(outbox_event::Entity::find()
        .order_by_desc(outbox_event::Column::Id)
        .one(db)
        .await?
        .map(|e| e.id)
        .unwrap_or(0))
}
