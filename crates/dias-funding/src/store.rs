//! Queries and writes of the Förderlotse. Every write to `funding_offers`
//! is in this file and bumps the `funding_offers` change counter
//! ([`dias_core::versions`]) in its transaction, so the in-memory snapshot
//! of every instance notices it with its next request.

use std::collections::HashMap;

use dias_core::entities::outbox_event;
use jiff::civil::Date;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, SqlErr,
};

use crate::entities::{funding_offer, funding_offer_version, funding_status_log};
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
/// transaction, each with its version 1 so that every offer has a history.
/// The records are expected to be validated already (the catalogue and the
/// generator are) and their slugs to be new. Nothing is sent to the search
/// index: callers on a running instance reindex, the demo runs before the
/// index is built.
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
    let count = rows.len();
    let txn = dias_core::db::begin_write(db).await?;
    insert_chunked(&txn, rows).await?;
    let slugs: Vec<String> = offers.iter().map(|o| o.slug.clone()).collect();
    let ids = ids_by_slug(&txn, &slugs).await?;
    let mut versions = Vec::with_capacity(count);
    for offer in offers {
        let id = ids
            .get(&offer.slug)
            .copied()
            .ok_or_else(|| DbErr::RecordNotFound(offer.slug.clone()))?;
        versions.push(version_row(id, 1, record_json(offer)?, None, "", now));
    }
    insert_chunked(&txn, versions).await?;
    dias_core::versions::bump(&txn, OFFERS_VERSION).await?;
    txn.commit().await?;
    Ok(count)
}

/// Replaces the record of an existing offer (same slug) through [`save`]'s
/// write path, without author or note. Returns `false` if there is no such
/// offer.
pub async fn update(
    db: &DatabaseConnection,
    offer: &Offer,
    today: Date,
    now: i64,
) -> Result<bool, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let exists = funding_offer::Entity::find()
        .filter(funding_offer::Column::Slug.eq(offer.slug.as_str()))
        .one(&txn)
        .await?
        .is_some();
    if !exists {
        return Ok(false);
    }
    if let Err(conflict) = write(
        &txn,
        std::slice::from_ref(offer),
        None,
        "",
        None,
        today,
        now,
    )
    .await?
    {
        return Err(DbErr::Custom(format!("{conflict:?}")));
    }
    txn.commit().await?;
    Ok(true)
}

/// What [`save`] did with an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Created,
    Updated,
    /// The record equals the stored one; nothing was written.
    Unchanged,
}

/// The result of saving one offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    pub id: i64,
    pub change: Change,
    /// The offer's latest version after the save.
    pub version: i32,
}

/// A save refused because the offer was saved by someone else after the
/// editor loaded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conflict {
    /// The version the editor started from.
    pub expected: i32,
    /// The version now stored.
    pub current: i32,
}

/// What an editor's save starts from, for the conflict check of
/// [`save_checked`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    /// A new offer: its slug must still be free.
    New,
    /// The offer as it was at this version (0: an offer stored before
    /// versions existed).
    Version(i32),
}

/// Note of the version that keeps a record written before versions
/// existed, so that its first edit can still be compared and undone.
pub const NOTE_BEFORE_HISTORY: &str = "Stand vor der ersten Bearbeitung";

/// Creates the offer (new slug) or replaces the stored record of its slug.
/// A changed record gets a new version, a changed status a line in the
/// status log; both, the row, the change counter and the search index event
/// are written in one transaction. An unchanged record writes nothing.
/// Callers validate with [`crate::offer::validate`] first.
pub async fn save(
    db: &DatabaseConnection,
    offer: &Offer,
    editor: Option<i64>,
    note: &str,
    today: Date,
    now: i64,
) -> Result<Saved, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let mut saved = match write(
        &txn,
        std::slice::from_ref(offer),
        editor,
        note,
        None,
        today,
        now,
    )
    .await?
    {
        Ok(saved) => saved,
        // Without a base there is nothing to conflict with.
        Err(conflict) => return Err(DbErr::Custom(format!("{conflict:?}"))),
    };
    txn.commit().await?;
    saved
        .pop()
        .ok_or_else(|| DbErr::Custom("save wrote no result".into()))
}

/// [`save`] for an editor who started from `base`: refused with
/// [`Conflict`] if the stored offer is at another version (or, for a new
/// offer, if its slug was taken), checked inside the writing transaction.
pub async fn save_checked(
    db: &DatabaseConnection,
    offer: &Offer,
    editor: Option<i64>,
    note: &str,
    base: Base,
    today: Date,
    now: i64,
) -> Result<Result<Saved, Conflict>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let result = write(
        &txn,
        std::slice::from_ref(offer),
        editor,
        note,
        Some(base),
        today,
        now,
    )
    .await?;
    match result {
        Ok(mut saved) => {
            txn.commit().await?;
            saved
                .pop()
                .map(Ok)
                .ok_or_else(|| DbErr::Custom("save wrote no result".into()))
        }
        Err(conflict) => {
            txn.rollback().await?;
            Ok(Err(conflict))
        }
    }
}

/// [`save`] for many offers in one transaction (the importer). The slugs
/// must be unique; existing rows and version numbers are read with one
/// query per 500 offers, new offers are inserted in bulk.
pub async fn save_many(
    db: &DatabaseConnection,
    offers: &[Offer],
    editor: Option<i64>,
    note: &str,
    today: Date,
    now: i64,
) -> Result<Vec<Saved>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    match write(&txn, offers, editor, note, None, today, now).await? {
        Ok(saved) => {
            txn.commit().await?;
            Ok(saved)
        }
        Err(conflict) => Err(DbErr::Custom(format!("{conflict:?}"))),
    }
}

fn record_json(offer: &Offer) -> Result<String, DbErr> {
    serde_json::to_string(offer).map_err(|e| DbErr::Custom(e.to_string()))
}

fn version_row(
    offer_id: i64,
    version: i32,
    record: String,
    author: Option<i64>,
    note: &str,
    now: i64,
) -> funding_offer_version::ActiveModel {
    funding_offer_version::ActiveModel {
        offer_id: Set(offer_id),
        version: Set(version),
        record: Set(record),
        author_id: Set(author),
        note: Set(note.to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
}

fn search_event(offer_id: i64, now: i64) -> outbox_event::ActiveModel {
    outbox_event::ActiveModel {
        at: Set(now),
        topic: Set(dias_core::outbox::TOPIC_SEARCH.to_owned()),
        kind: Set(KIND_OFFER.to_owned()),
        key: Set(offer_id.to_string()),
        payload: Set(serde_json::Value::Null.to_string()),
        ..Default::default()
    }
}

/// Latest version number per offer id (absent: no version yet).
async fn latest_versions<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, i32>, DbErr> {
    let mut latest = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, Option<i32>)> = funding_offer_version::Entity::find()
            .select_only()
            .column(funding_offer_version::Column::OfferId)
            .column_as(funding_offer_version::Column::Version.max(), "latest")
            .filter(funding_offer_version::Column::OfferId.is_in(chunk.to_vec()))
            .group_by(funding_offer_version::Column::OfferId)
            .into_tuple()
            .all(db)
            .await?;
        latest.extend(rows.into_iter().filter_map(|(id, v)| Some((id, v?))));
    }
    Ok(latest)
}

/// The latest version of one offer; 0 if it has none.
pub async fn latest_version<C: ConnectionTrait>(db: &C, offer_id: i64) -> Result<i32, DbErr> {
    Ok(latest_versions(db, &[offer_id])
        .await?
        .get(&offer_id)
        .copied()
        .unwrap_or(0))
}

/// Inserts rows in chunks.
async fn insert_chunked<C, A>(db: &C, rows: Vec<A>) -> Result<(), DbErr>
where
    C: ConnectionTrait,
    A: sea_orm::ActiveModelTrait + Clone + Send,
{
    for chunk in rows.chunks(CHUNK) {
        <A::Entity as EntityTrait>::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Ids of offers by slug, one query per chunk.
async fn ids_by_slug<C: ConnectionTrait>(
    db: &C,
    slugs: &[String],
) -> Result<HashMap<String, i64>, DbErr> {
    let mut ids = HashMap::new();
    for chunk in slugs.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = funding_offer::Entity::find()
            .select_only()
            .column(funding_offer::Column::Id)
            .column(funding_offer::Column::Slug)
            .filter(funding_offer::Column::Slug.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        ids.extend(rows.into_iter().map(|(id, slug)| (slug, id)));
    }
    Ok(ids)
}

/// The one write path of edits and imports (see [`save`]).
#[allow(clippy::too_many_arguments)]
async fn write<C: ConnectionTrait>(
    txn: &C,
    offers: &[Offer],
    editor: Option<i64>,
    note: &str,
    base: Option<Base>,
    today: Date,
    now: i64,
) -> Result<Result<Vec<Saved>, Conflict>, DbErr> {
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = offers.iter().find(|o| !seen.insert(o.slug.as_str())) {
        return Err(DbErr::Custom(format!(
            "slug {} twice in one save",
            dup.slug
        )));
    }
    let slugs: Vec<String> = offers.iter().map(|o| o.slug.clone()).collect();
    let mut existing: HashMap<String, funding_offer::Model> = HashMap::new();
    for chunk in slugs.chunks(CHUNK) {
        // Locks the rows on PostgreSQL so that two editors saving the same
        // offer take turns; SQLite's write transaction already serialises.
        let rows = funding_offer::Entity::find()
            .filter(funding_offer::Column::Slug.is_in(chunk.to_vec()))
            .lock_exclusive()
            .all(txn)
            .await?;
        existing.extend(rows.into_iter().map(|m| (m.slug.clone(), m)));
    }
    let ids: Vec<i64> = existing.values().map(|m| m.id).collect();
    let latest = latest_versions(txn, &ids).await?;

    if let Some(base) = base {
        let stored = offers.first().and_then(|o| existing.get(&o.slug));
        let current = stored.map(|m| latest.get(&m.id).copied().unwrap_or(0));
        let conflict = match (base, current) {
            (Base::New, None) => None,
            (Base::New, Some(current)) => Some(Conflict {
                expected: 0,
                current,
            }),
            (Base::Version(v), Some(current)) if v == current => None,
            (Base::Version(expected), current) => Some(Conflict {
                expected,
                current: current.unwrap_or(0),
            }),
        };
        if let Some(conflict) = conflict {
            return Ok(Err(conflict));
        }
    }

    let mut results: Vec<Option<Saved>> = vec![None; offers.len()];
    let mut versions = Vec::new();
    let mut log = Vec::new();
    let mut events = Vec::new();
    let mut new_rows = Vec::new();
    let mut new_records = Vec::new();
    for (i, offer) in offers.iter().enumerate() {
        let record = record_json(offer)?;
        let Some(current) = existing.get(&offer.slug) else {
            new_rows.push(row(offer, today, now)?);
            new_records.push((i, record));
            continue;
        };
        let stored_offer = serde_json::from_str::<Offer>(&current.record).ok();
        let mut version = latest.get(&current.id).copied().unwrap_or(0);
        if stored_offer.as_ref() == Some(offer) {
            results[i] = Some(Saved {
                id: current.id,
                change: Change::Unchanged,
                version,
            });
            continue;
        }
        if version == 0 {
            version = 1;
            versions.push(version_row(
                current.id,
                version,
                current.record.clone(),
                None,
                NOTE_BEFORE_HISTORY,
                current.updated_at,
            ));
        }
        version += 1;
        versions.push(version_row(current.id, version, record, editor, note, now));
        let to = crate::vocab::Term::slug(offer.status);
        if current.status != to {
            log.push(funding_status_log::ActiveModel {
                offer_id: Set(current.id),
                from_status: Set(current.status.clone()),
                to_status: Set(to.to_owned()),
                note: Set(note.to_owned()),
                user_id: Set(editor),
                at: Set(now),
                ..Default::default()
            });
        }
        let mut model = row(offer, today, now)?;
        model.id = Set(current.id);
        model.created_at = Set(current.created_at);
        funding_offer::Entity::update(model).exec(txn).await?;
        events.push(search_event(current.id, now));
        results[i] = Some(Saved {
            id: current.id,
            change: Change::Updated,
            version,
        });
    }

    if !new_rows.is_empty() {
        let new_slugs: Vec<String> = new_records
            .iter()
            .map(|(i, _)| offers[*i].slug.clone())
            .collect();
        if let Err(error) = insert_chunked(txn, new_rows).await {
            // Two editors creating the same slug at once: the other
            // insert committed after this transaction's lookup, so only
            // the unique index sees it. On PostgreSQL the transaction is
            // aborted now; the caller rolls it back.
            let taken = matches!(error.sql_err(), Some(SqlErr::UniqueConstraintViolation(_)));
            if base == Some(Base::New) && taken {
                return Ok(Err(Conflict {
                    expected: 0,
                    // The other editor's offer, at its first version.
                    current: 1,
                }));
            }
            return Err(error);
        }
        let new_ids = ids_by_slug(txn, &new_slugs).await?;
        for (i, record) in new_records {
            let id = new_ids
                .get(&offers[i].slug)
                .copied()
                .ok_or_else(|| DbErr::RecordNotFound(offers[i].slug.clone()))?;
            versions.push(version_row(id, 1, record, editor, note, now));
            events.push(search_event(id, now));
            results[i] = Some(Saved {
                id,
                change: Change::Created,
                version: 1,
            });
        }
    }

    if !versions.is_empty() {
        insert_chunked(txn, versions).await?;
        insert_chunked(txn, log).await?;
        insert_chunked(txn, events).await?;
        dias_core::versions::bump(txn, OFFERS_VERSION).await?;
    }
    Ok(Ok(results.into_iter().flatten().collect()))
}

/// A version as listed in the history.
#[derive(Debug, Clone, PartialEq)]
pub struct VersionInfo {
    pub version: i32,
    pub created_at: i64,
    pub author_id: Option<i64>,
    /// Display name of the author, if the account still exists.
    pub author: Option<String>,
    pub note: String,
}

/// A stored version with its record.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredVersion {
    pub info: VersionInfo,
    pub offer: Offer,
}

/// A line of the status log.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub from: crate::vocab::Status,
    pub to: crate::vocab::Status,
    pub note: String,
    pub user_id: Option<i64>,
    pub user: Option<String>,
    pub at: i64,
}

/// Display names of accounts, one query.
async fn names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<HashMap<i64, String>, DbErr> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String)> = dias_core::entities::user::Entity::find()
        .select_only()
        .column(dias_core::entities::user::Column::Id)
        .column(dias_core::entities::user::Column::DisplayName)
        .filter(dias_core::entities::user::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows.into_iter().collect())
}

fn info(model: &funding_offer_version::Model, names: &HashMap<i64, String>) -> VersionInfo {
    VersionInfo {
        version: model.version,
        created_at: model.created_at,
        author_id: model.author_id,
        author: model.author_id.and_then(|id| names.get(&id).cloned()),
        note: model.note.clone(),
    }
}

/// The history of an offer, newest first: two queries (versions, authors).
/// The records are not read.
pub async fn versions<C: ConnectionTrait>(
    db: &C,
    offer_id: i64,
) -> Result<Vec<VersionInfo>, DbErr> {
    let rows: Vec<(i32, i64, Option<i64>, String)> = funding_offer_version::Entity::find()
        .select_only()
        .column(funding_offer_version::Column::Version)
        .column(funding_offer_version::Column::CreatedAt)
        .column(funding_offer_version::Column::AuthorId)
        .column(funding_offer_version::Column::Note)
        .filter(funding_offer_version::Column::OfferId.eq(offer_id))
        .order_by_desc(funding_offer_version::Column::Version)
        .into_tuple()
        .all(db)
        .await?;
    let names = names(db, rows.iter().filter_map(|r| r.2)).await?;
    Ok(rows
        .into_iter()
        .map(|(version, created_at, author_id, note)| VersionInfo {
            version,
            created_at,
            author_id,
            author: author_id.and_then(|id| names.get(&id).cloned()),
            note,
        })
        .collect())
}

/// One version and the one before it (if any), with their records: the
/// two sides of a diff, in one query for the versions.
pub async fn version_pair<C: ConnectionTrait>(
    db: &C,
    offer_id: i64,
    version: i32,
) -> Result<Option<(StoredVersion, Option<StoredVersion>)>, DbErr> {
    let rows = funding_offer_version::Entity::find()
        .filter(funding_offer_version::Column::OfferId.eq(offer_id))
        .filter(funding_offer_version::Column::Version.lte(version))
        .order_by_desc(funding_offer_version::Column::Version)
        .limit(2)
        .all(db)
        .await?;
    let names = names(db, rows.iter().filter_map(|r| r.author_id)).await?;
    let mut versions = rows.iter().filter_map(|model| {
        let offer = serde_json::from_str::<Offer>(&model.record).ok()?;
        Some(StoredVersion {
            info: info(model, &names),
            offer,
        })
    });
    let Some(this) = versions.next().filter(|v| v.info.version == version) else {
        return Ok(None);
    };
    Ok(Some((this, versions.next())))
}

/// One version with its record.
pub async fn version<C: ConnectionTrait>(
    db: &C,
    offer_id: i64,
    version: i32,
) -> Result<Option<StoredVersion>, DbErr> {
    Ok(version_pair(db, offer_id, version).await?.map(|(v, _)| v))
}

/// The status log of an offer, newest first.
pub async fn status_log<C: ConnectionTrait>(
    db: &C,
    offer_id: i64,
) -> Result<Vec<StatusChange>, DbErr> {
    use crate::vocab::{Status, Term};
    let rows = funding_status_log::Entity::find()
        .filter(funding_status_log::Column::OfferId.eq(offer_id))
        .order_by_desc(funding_status_log::Column::At)
        .order_by_desc(funding_status_log::Column::Id)
        .all(db)
        .await?;
    let names = names(db, rows.iter().filter_map(|r| r.user_id)).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(StatusChange {
                from: Status::from_slug(&r.from_status)?,
                to: Status::from_slug(&r.to_status)?,
                user: r.user_id.and_then(|id| names.get(&id).cloned()),
                note: r.note,
                user_id: r.user_id,
                at: r.at,
            })
        })
        .collect())
}

/// A version someone wrote, for their account export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct AuthoredVersion {
    pub offer: String,
    pub version: i32,
    pub date: String,
    pub note: String,
}

/// A status change someone made, for their account export.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LoggedStatusChange {
    pub offer: String,
    pub from: String,
    pub to: String,
    pub date: String,
    pub note: String,
}

/// What the editorial tables hold about a person: the versions they wrote
/// and the status changes they made, by offer slug (the records
/// themselves are the organisation's, not personal data).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct EditorialTrace {
    pub versions: Vec<AuthoredVersion>,
    pub status_changes: Vec<LoggedStatusChange>,
}

/// The editorial trace of one account: three queries however many rows.
pub async fn trace_of<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<EditorialTrace, DbErr> {
    let versions: Vec<(i64, i32, i64, String)> = funding_offer_version::Entity::find()
        .select_only()
        .column(funding_offer_version::Column::OfferId)
        .column(funding_offer_version::Column::Version)
        .column(funding_offer_version::Column::CreatedAt)
        .column(funding_offer_version::Column::Note)
        .filter(funding_offer_version::Column::AuthorId.eq(user_id))
        .order_by_asc(funding_offer_version::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    let log = funding_status_log::Entity::find()
        .filter(funding_status_log::Column::UserId.eq(user_id))
        .order_by_asc(funding_status_log::Column::Id)
        .all(db)
        .await?;
    let mut ids: Vec<i64> = versions
        .iter()
        .map(|v| v.0)
        .chain(log.iter().map(|l| l.offer_id))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut slugs: HashMap<i64, String> = HashMap::new();
    for chunk in ids.chunks(CHUNK) {
        let rows: Vec<(i64, String)> = funding_offer::Entity::find()
            .select_only()
            .column(funding_offer::Column::Id)
            .column(funding_offer::Column::Slug)
            .filter(funding_offer::Column::Id.is_in(chunk.to_vec()))
            .into_tuple()
            .all(db)
            .await?;
        slugs.extend(rows);
    }
    let slug = |id: i64| slugs.get(&id).cloned().unwrap_or_default();
    let ts = dias_core::time::format_rfc3339;
    Ok(EditorialTrace {
        versions: versions
            .into_iter()
            .map(|(offer_id, version, at, note)| AuthoredVersion {
                offer: slug(offer_id),
                version,
                date: ts(at),
                note,
            })
            .collect(),
        status_changes: log
            .into_iter()
            .map(|l| LoggedStatusChange {
                offer: slug(l.offer_id),
                from: l.from_status,
                to: l.to_status,
                date: ts(l.at),
                note: l.note,
            })
            .collect(),
    })
}

/// Removes an account from the editorial history: its versions and status
/// changes stay, without author (the history of the offers is the
/// organisation's record).
pub async fn forget_author<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<(), DbErr> {
    funding_offer_version::Entity::update_many()
        .col_expr(
            funding_offer_version::Column::AuthorId,
            Expr::value(Option::<i64>::None),
        )
        .filter(funding_offer_version::Column::AuthorId.eq(user_id))
        .exec(db)
        .await?;
    funding_status_log::Entity::update_many()
        .col_expr(
            funding_status_log::Column::UserId,
            Expr::value(Option::<i64>::None),
        )
        .filter(funding_status_log::Column::UserId.eq(user_id))
        .exec(db)
        .await?;
    Ok(())
}
