//! Queries and writes of the Förderlotse. Every write to `funding_offers`
//! is in this file and bumps the `funding_offers` change counter
//! ([`dias_core::versions`]) in its transaction, so the in-memory snapshot
//! of every instance notices it with its next request.

use std::collections::HashMap;

use jiff::civil::Date;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entities::funding_offer;
use crate::offer::Offer;

/// Search document kind of offers.
pub const KIND_OFFER: &str = "funding_offer";

/// The change counter of `funding_offers`.
pub const OFFERS_VERSION: &str = "funding_offers";

/// Rows per `INSERT`: 500 rows of nine columns stay far below the bind
/// parameter limits of SQLite (32,766) and PostgreSQL (65,535).
const CHUNK: usize = 500;

/// An offer as stored: its row id and times beside the record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredOffer {
    pub id: i64,
    pub created_at: i64,
    pub updated_at: i64,
    pub offer: Offer,
}

/// The change counter: one primary-key lookup.
pub async fn offers_version<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    dias_core::versions::get(db, OFFERS_VERSION).await
}

fn stored(model: funding_offer::Model) -> Option<StoredOffer> {
    match serde_json::from_str::<Offer>(&model.record) {
        Ok(offer) => Some(StoredOffer {
            id: model.id,
            created_at: model.created_at,
            updated_at: model.updated_at,
            offer,
        }),
        Err(error) => {
            // A record that no longer reads (e.g. a term removed from a
            // vocabulary) must not take the whole Förderlotse down.
            tracing::warn!(slug = %model.slug, %error, "funding offer record unreadable; skipped");
            None
        }
    }
}

/// Every offer, in id order: one query (for the snapshot and the search
/// index).
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<StoredOffer>, DbErr> {
    Ok(funding_offer::Entity::find()
        .order_by_asc(funding_offer::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(stored)
        .collect())
}

pub async fn by_slug<C: ConnectionTrait>(db: &C, slug: &str) -> Result<Option<StoredOffer>, DbErr> {
    Ok(funding_offer::Entity::find()
        .filter(funding_offer::Column::Slug.eq(slug))
        .one(db)
        .await?
        .and_then(stored))
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<StoredOffer>, DbErr> {
    Ok(funding_offer::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(stored))
}

/// Offers by slug (one query), keyed by slug; unknown slugs are absent.
pub async fn by_slugs<C: ConnectionTrait>(
    db: &C,
    slugs: &[String],
) -> Result<HashMap<String, StoredOffer>, DbErr> {
    if slugs.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(funding_offer::Entity::find()
        .filter(funding_offer::Column::Slug.is_in(slugs.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .filter_map(stored)
        .map(|s| (s.offer.slug.clone(), s))
        .collect())
}

fn row(offer: &Offer, today: Date, now: i64) -> Result<funding_offer::ActiveModel, DbErr> {
    let record = serde_json::to_string(offer).map_err(|e| DbErr::Custom(e.to_string()))?;
    Ok(funding_offer::ActiveModel {
        slug: Set(offer.slug.clone()),
        offer_type: Set(crate::vocab::Term::slug(offer.offer_type).to_owned()),
        status: Set(crate::vocab::Term::slug(offer.status).to_owned()),
        next_deadline: Set(offer.next_deadline(today).map(|d| d.date.to_string())),
        last_checked: Set(offer.last_checked.to_string()),
        record: Set(record),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
}

/// Inserts offers in bulk (the demo catalogue, `--scale large`) in one
/// transaction. The records are expected to be validated already (the
/// catalogue and the generator are). Nothing is sent to the search index:
/// callers on a running instance reindex, the demo runs before the index
/// is built.
pub async fn insert_many(
    db: &DatabaseConnection,
    offers: &[Offer],
    today: Date,
    now: i64,
) -> Result<usize, DbErr> {
    let rows = offers
        .iter()
        .map(|o| row(o, today, now))
        .collect::<Result<Vec<_>, _>>()?;
    let txn = dias_core::db::begin_write(db).await?;
    for chunk in rows.chunks(CHUNK) {
        funding_offer::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    dias_core::versions::bump(&txn, OFFERS_VERSION).await?;
    txn.commit().await?;
    Ok(rows.len())
}

/// Replaces the record of an existing offer (same slug) and tells the
/// search index. Returns `false` if there is no such offer.
pub async fn update(
    db: &DatabaseConnection,
    offer: &Offer,
    today: Date,
    now: i64,
) -> Result<bool, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let Some(current) = funding_offer::Entity::find()
        .filter(funding_offer::Column::Slug.eq(offer.slug.as_str()))
        .one(&txn)
        .await?
    else {
        return Ok(false);
    };
    let mut model = row(offer, today, now)?;
    model.id = Set(current.id);
    model.created_at = Set(current.created_at);
    funding_offer::Entity::update(model).exec(&txn).await?;
    dias_core::versions::bump(&txn, OFFERS_VERSION).await?;
    dias_core::outbox::search_changed(&txn, KIND_OFFER, &current.id.to_string()).await?;
    txn.commit().await?;
    Ok(true)
}
