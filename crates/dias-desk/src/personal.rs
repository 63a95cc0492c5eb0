//! The desk's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! Exported: the inquiries the person sent while signed in, with their
//! public conversation (what the person saw on the status page — never
//! internal notes); for staff, the notes and replies they wrote, their
//! answer templates and FAQ entries.
//!
//! Deleted with the account: the inquiries the person sent are anonymized
//! exactly as the retention job does ([`crate::retention::anonymize`]).
//! What staff wrote stays with the inquiries (it is the agency's record,
//! anonymized in its turn by the retention job), but without the person:
//! the foreign keys would set the author to NULL only if the `users` row
//! went, and a deleted account keeps its row as a pseudonym, so the links
//! are cleared here. Team memberships go.

use std::collections::HashMap;

use async_trait::async_trait;
use dias_core::accounts::MailEnv;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::{Value, json};

use crate::entities::{
    desk_event, desk_faq, desk_inquiry, desk_link, desk_team_member, desk_template,
};
use crate::vocab::event;

/// Ids per `IN` list.
const CHUNK: usize = 500;

pub struct DeskData;

async fn references<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, String>, DbErr> {
    let mut map = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = desk_inquiry::Entity::find()
            .select_only()
            .column(desk_inquiry::Column::Id)
            .column(desk_inquiry::Column::Reference)
            .filter(desk_inquiry::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        map.extend(rows);
    }
    Ok(map)
}

async fn sent(db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
    let inquiries = desk_inquiry::Entity::find()
        .filter(desk_inquiry::Column::UserId.eq(user_id))
        .order_by_asc(desk_inquiry::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = inquiries.iter().map(|i| i.id).collect();
    let mut conversation: HashMap<i64, Vec<Value>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let events = desk_event::Entity::find()
            .filter(desk_event::Column::InquiryId.is_in(chunk.to_vec()))
            .filter(desk_event::Column::Public.eq(true))
            .filter(desk_event::Column::Kind.is_in([event::REPLY, event::SENDER_REPLY]))
            .order_by_asc(desk_event::Column::At)
            .order_by_asc(desk_event::Column::Id)
            .all(db)
            .await?;
        for e in events {
            conversation.entry(e.inquiry_id).or_default().push(json!({
                "kind": e.kind,
                "at": ts(e.at),
                "text": e.body,
            }));
        }
    }
    Ok(Value::Array(
        inquiries
            .into_iter()
            .map(|i| {
                json!({
                    "reference": i.reference,
                    "topic": i.topic,
                    "sender_type": i.sender_type,
                    "municipality": i.ags8,
                    "status": i.status,
                    "name": i.sender_name,
                    "email": i.sender_email,
                    "subject": i.subject,
                    "message": i.message,
                    "received": ts(i.created_at),
                    "closed": i.closed_at.map(ts),
                    "conversation": conversation.remove(&i.id).unwrap_or_default(),
                })
            })
            .collect(),
    ))
}

async fn written(db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
    let events = desk_event::Entity::find()
        .filter(desk_event::Column::AuthorId.eq(user_id))
        .filter(desk_event::Column::Kind.is_in([event::NOTE, event::REPLY]))
        .order_by_asc(desk_event::Column::Id)
        .all(db)
        .await?;
    let mut ids: Vec<i64> = events.iter().map(|e| e.inquiry_id).collect();
    ids.sort_unstable();
    ids.dedup();
    let references = references(db, &ids).await?;
    Ok(Value::Array(
        events
            .into_iter()
            .map(|e| {
                json!({
                    "inquiry": references.get(&e.inquiry_id),
                    "kind": e.kind,
                    "at": ts(e.at),
                    "text": e.body,
                })
            })
            .collect(),
    ))
}

#[async_trait]
impl PersonalData for DeskData {
    fn section(&self) -> &'static str {
        "anfragen"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let templates = desk_template::Entity::find()
            .filter(desk_template::Column::CreatedBy.eq(user_id))
            .order_by_asc(desk_template::Column::Id)
            .all(db)
            .await?;
        let faqs = desk_faq::Entity::find()
            .filter(desk_faq::Column::CreatedBy.eq(user_id))
            .order_by_asc(desk_faq::Column::Id)
            .all(db)
            .await?;
        Ok(json!({
            "inquiries": sent(db, user_id).await?,
            "notes_and_replies": written(db, user_id).await?,
            "templates": templates
                .iter()
                .map(|t| json!({"title": t.title, "created": ts(t.created_at)}))
                .collect::<Vec<_>>(),
            "faq_entries": faqs
                .iter()
                .map(|f| json!({
                    "question": f.question,
                    "url": format!("/anfragen/faq/{}", f.slug),
                    "created": ts(f.created_at),
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
        erase(txn, user_id, dias_core::time::now()).await
    }
}

/// Anonymizes the person's inquiries and unlinks the person from what
/// they wrote or were assigned.
pub async fn erase<C: ConnectionTrait>(db: &C, user_id: i64, now: i64) -> Result<(), DbErr> {
    let ids: Vec<i64> = desk_inquiry::Entity::find()
        .select_only()
        .column(desk_inquiry::Column::Id)
        .filter(desk_inquiry::Column::UserId.eq(user_id))
        .into_tuple()
        .all(db)
        .await?;
    for chunk in ids.chunks(CHUNK) {
        crate::retention::anonymize(db, chunk, now).await?;
    }
    // Anonymized before already: only the account link was left.
    desk_inquiry::Entity::update_many()
        .col_expr(
            desk_inquiry::Column::UserId,
            Expr::value(Option::<i64>::None),
        )
        .filter(desk_inquiry::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    desk_inquiry::Entity::update_many()
        .col_expr(
            desk_inquiry::Column::AssigneeId,
            Expr::value(Option::<i64>::None),
        )
        .filter(desk_inquiry::Column::AssigneeId.eq(user_id))
        .exec(db)
        .await?;
    desk_event::Entity::update_many()
        .col_expr(
            desk_event::Column::AuthorId,
            Expr::value(Option::<i64>::None),
        )
        .filter(desk_event::Column::AuthorId.eq(user_id))
        .exec(db)
        .await?;
    desk_template::Entity::update_many()
        .col_expr(
            desk_template::Column::CreatedBy,
            Expr::value(Option::<i64>::None),
        )
        .filter(desk_template::Column::CreatedBy.eq(user_id))
        .exec(db)
        .await?;
    desk_faq::Entity::update_many()
        .col_expr(
            desk_faq::Column::CreatedBy,
            Expr::value(Option::<i64>::None),
        )
        .filter(desk_faq::Column::CreatedBy.eq(user_id))
        .exec(db)
        .await?;
    desk_link::Entity::update_many()
        .col_expr(desk_link::Column::AddedBy, Expr::value(Option::<i64>::None))
        .filter(desk_link::Column::AddedBy.eq(user_id))
        .exec(db)
        .await?;
    desk_team_member::Entity::delete_many()
        .filter(desk_team_member::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
