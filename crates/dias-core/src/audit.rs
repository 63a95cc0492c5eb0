//! The audit log of staff, moderator and admin actions. Entries never contain
//! secrets or IP addresses.

use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryOrder, Set};

use crate::entities::audit_entry;

/// Appends an entry; runs inside the caller's transaction when given one.
pub async fn record<C: ConnectionTrait>(
    db: &C,
    actor_id: Option<i64>,
    action: &str,
    target_kind: &str,
    target_id: Option<&str>,
    details: serde_json::Value,
) -> Result<(), sea_orm::DbErr> {
    audit_entry::ActiveModel {
        at: Set(crate::time::now()),
        actor_id: Set(actor_id),
        action: Set(action.to_owned()),
        target_kind: Set(target_kind.to_owned()),
        target_id: Set(target_id.map(str::to_owned)),
        details: Set(details.to_string()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// One page of entries, newest first, with the total count.
pub async fn page<C: ConnectionTrait>(
    db: &C,
    page: u64,
    per_page: u64,
) -> Result<(Vec<audit_entry::Model>, u64), sea_orm::DbErr> {
    let paginator = audit_entry::Entity::find()
        .order_by_desc(audit_entry::Column::Id)
        .paginate(db, per_page);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.saturating_sub(1)).await?;
    Ok((items, total))
}
