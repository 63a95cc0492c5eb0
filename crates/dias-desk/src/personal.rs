//! The desk's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! Exported: the inquiries the person sent while signed in, with their
//! public conversation (what the person saw on the status page — never
//! internal notes), the attachments the person could see (name, type,
//! size and date; the files themselves are on the status page), the page
//! the inquiry was started from and the portal pages linked to it; for
//! staff, the notes and replies they wrote, their answer templates and
//! FAQ entries.
//!
//! Inquiries sent without an account — or signed out — belong to no
//! account and are not part of any account's export: they are reached
//! through their private status link, which shows everything kept about
//! them, and whoever holds the link may ask for more.
//!
//! Deleted with the account: the inquiries the person sent are anonymized
//! exactly as the retention job does ([`crate::retention::anonymize`]).
//! What staff wrote stays with the inquiries (it is the agency's record,
//! anonymized in its turn by the retention job), but without the person:
//! the foreign keys would set the author to NULL only if the `users` row
//! went, and a deleted account keeps its row as a pseudonym, so the links
//! are cleared here. Team memberships go.

use std::collections::{HashMap, HashSet};

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
    desk_attachment, desk_event, desk_faq, desk_inquiry, desk_link, desk_team_member, desk_template,
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
    let mut files: HashMap<i64, Vec<Value>> = HashMap::new();
    let mut linked: HashMap<i64, Vec<Value>> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        // Attachments of internal entries stay internal, as on the status page.
        let public: HashSet<i64> = desk_event::Entity::find()
            .select_only()
            .column(desk_event::Column::Id)
            .filter(desk_event::Column::InquiryId.is_in(chunk.to_vec()))
            .filter(desk_event::Column::Public.eq(true))
            .into_tuple::<i64>()
            .all(db)
            .await?
            .into_iter()
            .collect();
        let attachments: Vec<(i64, Option<i64>, String, String, i64, i64)> =
            desk_attachment::Entity::find()
                .select_only()
                .column(desk_attachment::Column::InquiryId)
                .column(desk_attachment::Column::EventId)
                .column(desk_attachment::Column::Filename)
                .column(desk_attachment::Column::Mime)
                .column(desk_attachment::Column::Size)
                .column(desk_attachment::Column::CreatedAt)
                .filter(desk_attachment::Column::InquiryId.is_in(chunk.to_vec()))
                .order_by_asc(desk_attachment::Column::Id)
                .into_tuple()
                .all(db)
                .await?;
        for (inquiry_id, event_id, filename, mime, size, at) in attachments {
            if event_id.is_some_and(|e| !public.contains(&e)) {
                continue;
            }
            files.entry(inquiry_id).or_default().push(json!({
                "filename": filename,
                "type": mime,
                "bytes": size,
                "at": ts(at),
            }));
        }
        let links = desk_link::Entity::find()
            .filter(desk_link::Column::InquiryId.is_in(chunk.to_vec()))
            .order_by_asc(desk_link::Column::Id)
            .all(db)
            .await?;
        for l in links {
            linked.entry(l.inquiry_id).or_default().push(json!({
                "path": l.path,
                "label": l.label,
                "at": ts(l.at),
            }));
        }
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
                    "updated": ts(i.updated_at),
                    "closed": i.closed_at.map(ts),
                    "context": i.context_path,
                    "conversation": conversation.remove(&i.id).unwrap_or_default(),
                    "attachments": files.remove(&i.id).unwrap_or_default(),
                    "links": linked.remove(&i.id).unwrap_or_default(),
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
