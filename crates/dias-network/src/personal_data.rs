//! The KI-Netzwerk's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! Exported: the organisations a person represents, their event
//! registrations, the events they created, their profile changes, posts,
//! partner requests, threads, replies, reports, moderation actions and the
//! invitations they sent (without the invited addresses). Deleted with the account: registrations (a held
//! seat passes to the waiting list) and representations. Posts, requests and
//! board contributions stay, shown as by a deleted account.

use std::collections::HashMap;

use async_trait::async_trait;
use dias_core::accounts::MailEnv;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::entities::user;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use serde_json::{Value, json};

use crate::entities::{
    actor, actor_change, actor_invitation, actor_representative, board_moderation_log, board_reply,
    board_report, board_thread, event, event_registration, partner_request, post,
};

pub struct NetworkData;

#[async_trait]
impl PersonalData for NetworkData {
    fn section(&self) -> &'static str {
        "netzwerk"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let reps = actor_representative::Entity::find()
            .filter(actor_representative::Column::UserId.eq(user_id))
            .order_by_asc(actor_representative::Column::Id)
            .all(db)
            .await?;
        let actors: HashMap<i64, actor::Model> = actor::Entity::find()
            .filter(actor::Column::Id.is_in(reps.iter().map(|r| r.actor_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|a| (a.id, a))
            .collect();
        let representations = reps
            .iter()
            .map(|r| {
                json!({
                    "actor": actors.get(&r.actor_id).map(|a| json!({"name": a.name, "slug": a.slug})),
                    "since": ts(r.created_at),
                    "partner_requests_opt_in": r.partner_requests_opt_in,
                })
            })
            .collect::<Vec<_>>();
        let regs = event_registration::Entity::find()
            .filter(event_registration::Column::UserId.eq(user_id))
            .order_by_asc(event_registration::Column::Id)
            .all(db)
            .await?;
        let events: HashMap<i64, event::Model> = event::Entity::find()
            .filter(event::Column::Id.is_in(regs.iter().map(|r| r.event_id)))
            .all(db)
            .await?
            .into_iter()
            .map(|e| (e.id, e))
            .collect();
        let registrations = regs
            .iter()
            .map(|r| {
                json!({
                    "event": events.get(&r.event_id).map(|e| json!({"id": e.id, "title": e.title, "starts_at": ts(e.starts_at)})),
                    "status": r.status,
                    "registered_at": ts(r.created_at),
                })
            })
            .collect::<Vec<_>>();
        let posts = post::Entity::find()
            .filter(post::Column::AuthorId.eq(user_id))
            .order_by_asc(post::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "title": p.title,
                    "teaser": p.teaser,
                    "text": p.body_md,
                    "status": p.status,
                    "created_at": ts(p.created_at),
                })
            })
            .collect::<Vec<_>>();
        let requests = partner_request::Entity::find()
            .filter(partner_request::Column::AuthorId.eq(user_id))
            .order_by_asc(partner_request::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "title": r.title,
                    "text": r.body_md,
                    "created_at": ts(r.created_at),
                })
            })
            .collect::<Vec<_>>();
        let threads = board_thread::Entity::find()
            .filter(board_thread::Column::AuthorId.eq(user_id))
            .order_by_asc(board_thread::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|t| {
                json!({
                    "id": t.id,
                    "title": t.title,
                    "text": t.body_md,
                    "created_at": ts(t.created_at),
                    "deleted": t.deleted_at.is_some(),
                })
            })
            .collect::<Vec<_>>();
        let replies = board_reply::Entity::find()
            .filter(board_reply::Column::AuthorId.eq(user_id))
            .order_by_asc(board_reply::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|r| {
                json!({
                    "id": r.id,
                    "thread": r.thread_id,
                    "text": r.body_md,
                    "created_at": ts(r.created_at),
                    "deleted": r.deleted_at.is_some(),
                })
            })
            .collect::<Vec<_>>();
        let reports = board_report::Entity::find()
            .filter(board_report::Column::ReporterId.eq(user_id))
            .order_by_asc(board_report::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|r| {
                json!({
                    "kind": r.target_kind,
                    "id": r.target_id,
                    "reason": r.reason,
                    "note": r.note,
                    "status": r.status,
                    "created_at": ts(r.created_at),
                })
            })
            .collect::<Vec<_>>();
        let invitations = actor_invitation::Entity::find()
            .filter(actor_invitation::Column::InvitedBy.eq(user_id))
            .order_by_asc(actor_invitation::Column::Id)
            .all(db)
            .await?
            .into_iter()
            // Not the address: it is the invited person's, not the inviter's.
            .map(|i| {
                json!({
                    "actor": i.actor_id,
                    "created_at": ts(i.created_at),
                    "accepted": i.accepted_at.is_some(),
                })
            })
            .collect::<Vec<_>>();
        let events_created: Vec<Value> = event::Entity::find()
            .filter(event::Column::CreatedBy.eq(user_id))
            .order_by_asc(event::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|e| json!({"id": e.id, "title": e.title, "starts_at": ts(e.starts_at), "created_at": ts(e.created_at)}))
            .collect();
        let profile_changes: Vec<Value> = actor_change::Entity::find()
            .filter(actor_change::Column::UserId.eq(user_id))
            .order_by_asc(actor_change::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|c| json!({"actor": c.actor_id, "fields": c.fields, "at": ts(c.at)}))
            .collect();
        let moderation: Vec<Value> = board_moderation_log::Entity::find()
            .filter(board_moderation_log::Column::ModeratorId.eq(user_id))
            .order_by_asc(board_moderation_log::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|m| json!({"action": m.action, "on": {"kind": m.target_kind, "id": m.target_id}, "reason": m.reason, "at": ts(m.at)}))
            .collect();
        Ok(json!({
            "representations": representations,
            "events_created": events_created,
            "profile_changes": profile_changes,
            "moderation_actions": moderation,
            "event_registrations": registrations,
            "posts": posts,
            "partner_requests": requests,
            "threads": threads,
            "replies": replies,
            "reports": reports,
            "invitations_sent": invitations,
        }))
    }

    async fn erase(
        &self,
        txn: &DatabaseTransaction,
        env: &MailEnv<'_>,
        user_id: i64,
    ) -> Result<(), DbErr> {
        crate::events::erase_registrations(txn, env, user_id).await?;
        actor_representative::Entity::delete_many()
            .filter(actor_representative::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        // Invitations keep the person's address: blank it where they
        // accepted, drop the ones still waiting for them. The core clears
        // the account's address after the modules, so it is still there.
        actor_invitation::Entity::update_many()
            .col_expr(actor_invitation::Column::Email, Expr::value(""))
            .filter(actor_invitation::Column::AcceptedBy.eq(user_id))
            .exec(txn)
            .await?;
        let email: Option<Option<String>> = user::Entity::find_by_id(user_id)
            .select_only()
            .column(user::Column::Email)
            .into_tuple()
            .one(txn)
            .await?;
        if let Some(Some(email)) = email {
            actor_invitation::Entity::delete_many()
                .filter(
                    Expr::expr(Func::lower(Expr::col(actor_invitation::Column::Email)))
                        .eq(email.to_lowercase()),
                )
                .filter(actor_invitation::Column::AcceptedAt.is_null())
                .exec(txn)
                .await?;
        }
        Ok(())
    }
}
