//! The Breitband module's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! The core takes one [`PersonalData`] per module, but the module's tables
//! belong to several areas (memberships here, market surveys, funding
//! projects). So the module's section is made of [`Part`]s, each with its
//! own key in the section and its own removal: an area that stores
//! something about a person implements [`Part`] next to its tables and adds
//! one line to [`PARTS`].
//!
//! Exported and deleted with the account: the areas a municipality account
//! acts for and the operators an operator account answers for. The rows
//! would go with the `users` row by foreign-key cascade, but a deleted
//! account keeps its row as a pseudonym, so they are deleted here.

use std::collections::HashMap;

use async_trait::async_trait;
use dias_core::accounts::MailEnv;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, EntityTrait,
    QueryFilter, QueryOrder,
};
use serde_json::{Value, json};

use crate::entities::{broadband_membership, broadband_operator, broadband_operator_member};

/// One area's share of the module's section.
#[async_trait]
pub trait Part: Send + Sync {
    /// The key of this part in the module's section (`"memberships"`).
    fn key(&self) -> &'static str;

    /// What the area stores about the person.
    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr>;

    /// Removes what must not outlive the account, inside the deletion's
    /// transaction.
    async fn erase(&self, txn: &DatabaseTransaction, user_id: i64) -> Result<(), DbErr>;
}

/// The parts of the section, in export order. Add yours here.
pub static PARTS: &[&dyn Part] = &[
    &Memberships,
    &OperatorMemberships,
    &crate::projects::personal::ProjectActivity,
    &crate::surveys::personal::SurveyActivity,
];

/// The module's registration for the core: every part of [`PARTS`].
pub struct BroadbandData;

#[async_trait]
impl PersonalData for BroadbandData {
    fn section(&self) -> &'static str {
        "breitband"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let mut section = serde_json::Map::new();
        for part in PARTS {
            section.insert(part.key().to_owned(), part.export(db, user_id).await?);
        }
        Ok(Value::Object(section))
    }

    async fn erase(
        &self,
        txn: &DatabaseTransaction,
        _env: &MailEnv<'_>,
        user_id: i64,
    ) -> Result<(), DbErr> {
        for part in PARTS {
            part.erase(txn, user_id).await?;
        }
        Ok(())
    }
}

/// The name of an area (Gemeinde or Kreis) from the reference data.
pub(crate) fn area_name(area: &str) -> Option<String> {
    let reference = dias_core::reference::cached();
    match area.len() {
        8 => reference.municipality(area).map(|m| m.name.clone()),
        5 => reference.district(area).map(|d| d.name.clone()),
        _ => None,
    }
}

/// The areas a municipality account acts for.
pub struct Memberships;

#[async_trait]
impl Part for Memberships {
    fn key(&self) -> &'static str {
        "memberships"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let rows = broadband_membership::Entity::find()
            .filter(broadband_membership::Column::UserId.eq(user_id))
            .order_by_asc(broadband_membership::Column::Area)
            .all(db)
            .await?;
        Ok(Value::Array(
            rows.into_iter()
                .map(|m| {
                    json!({
                        "area": m.area,
                        "name": area_name(&m.area),
                        "since": ts(m.created_at),
                    })
                })
                .collect(),
        ))
    }

    async fn erase(&self, txn: &DatabaseTransaction, user_id: i64) -> Result<(), DbErr> {
        broadband_membership::Entity::delete_many()
            .filter(broadband_membership::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        Ok(())
    }
}

/// The operators an operator account answers for.
pub struct OperatorMemberships;

async fn operator_names<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i64>,
) -> Result<HashMap<i64, String>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(broadband_operator::Entity::find()
        .filter(broadband_operator::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

#[async_trait]
impl Part for OperatorMemberships {
    fn key(&self) -> &'static str {
        "operators"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let rows = broadband_operator_member::Entity::find()
            .filter(broadband_operator_member::Column::UserId.eq(user_id))
            .order_by_asc(broadband_operator_member::Column::Id)
            .all(db)
            .await?;
        let names = operator_names(db, rows.iter().map(|r| r.operator_id).collect()).await?;
        Ok(Value::Array(
            rows.into_iter()
                .map(|r| {
                    json!({
                        "operator": names.get(&r.operator_id),
                        "since": ts(r.created_at),
                    })
                })
                .collect(),
        ))
    }

    async fn erase(&self, txn: &DatabaseTransaction, user_id: i64) -> Result<(), DbErr> {
        broadband_operator_member::Entity::delete_many()
            .filter(broadband_operator_member::Column::UserId.eq(user_id))
            .exec(txn)
            .await?;
        Ok(())
    }
}
