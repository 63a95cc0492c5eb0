//! Funding projects in the account export and deletion: what a person did
//! on projects (history entries, documents uploaded, projects opened).
//!
//! A project's history is the official record of a public funding
//! procedure, so deleting an account keeps the entries and their notes and
//! only removes the link to the person: the history then says „(ohne
//! Konto)“.

use std::collections::HashMap;

use async_trait::async_trait;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::{Value, json};

use crate::entities::{
    broadband_project as project, broadband_project_document as document,
    broadband_project_event as event,
};
use crate::personal::Part;

pub struct ProjectActivity;

async fn names<C: ConnectionTrait>(db: &C, ids: Vec<i64>) -> Result<HashMap<i64, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(project::Entity::find()
        .select_only()
        .column(project::Column::Id)
        .column(project::Column::Name)
        .filter(project::Column::Id.is_in(ids))
        .into_tuple::<(i64, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

#[async_trait]
impl Part for ProjectActivity {
    fn key(&self) -> &'static str {
        "funding_projects"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let events = event::Entity::find()
            .filter(event::Column::UserId.eq(user_id))
            .order_by_asc(event::Column::At)
            .order_by_asc(event::Column::Id)
            .all(db)
            .await?;
        let documents: Vec<(i64, String, i64)> = document::Entity::find()
            .select_only()
            .column(document::Column::ProjectId)
            .column(document::Column::Filename)
            .column(document::Column::UploadedAt)
            .filter(document::Column::UploadedBy.eq(user_id))
            .order_by_asc(document::Column::UploadedAt)
            .into_tuple()
            .all(db)
            .await?;
        let mut ids: Vec<i64> = events.iter().map(|e| e.project_id).collect();
        ids.extend(documents.iter().map(|d| d.0));
        ids.sort_unstable();
        ids.dedup();
        let names = names(db, ids).await?;
        Ok(json!({
            "history": events
                .iter()
                .map(|e| json!({
                    "project": names.get(&e.project_id),
                    "kind": e.kind,
                    "at": ts(e.at),
                    "from_stage": e.from_stage,
                    "to_stage": e.to_stage,
                    "date": e.date,
                    "note": e.note,
                }))
                .collect::<Vec<_>>(),
            "documents": documents
                .iter()
                .map(|(project_id, filename, at)| json!({
                    "project": names.get(project_id),
                    "file": filename,
                    "at": ts(*at),
                }))
                .collect::<Vec<_>>(),
        }))
    }

    async fn erase(&self, txn: &DatabaseTransaction, user_id: i64) -> Result<(), DbErr> {
        event::Entity::update_many()
            .col_expr(event::Column::UserId, Expr::value(Option::<i64>::None))
            .filter(event::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        document::Entity::update_many()
            .col_expr(
                document::Column::UploadedBy,
                Expr::value(Option::<i64>::None),
            )
            .filter(document::Column::UploadedBy.eq(user_id))
            .exec(txn)
            .await?;
        project::Entity::update_many()
            .col_expr(project::Column::CreatedBy, Expr::value(Option::<i64>::None))
            .filter(project::Column::CreatedBy.eq(user_id))
            .exec(txn)
            .await?;
        Ok(())
    }
}
