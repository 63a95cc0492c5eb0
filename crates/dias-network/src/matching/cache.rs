//! Loading and refreshing the matching [`Index`] of a running instance.
//!
//! Like the directory snapshot, the index is rebuilt when the change
//! counter of `actors` moved, so that several instances stay consistent
//! without messaging. The index needs the
//! descriptions, which the directory snapshot deliberately leaves out, hence
//! its own cache. Indexes are kept per application state (its instance id):
//! tests run several apps with their own databases in one process.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex, RwLock};

use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QuerySelect,
};

use super::{Candidate, Index};
use crate::domain;
use crate::entities::actor;
use crate::snapshot::Version;

struct Built {
    version: Version,
    index: Arc<Index>,
}

/// One instance's index; readers never wait unless it must be rebuilt.
#[derive(Default)]
struct Slot {
    current: RwLock<Option<Arc<Built>>>,
    /// One rebuild at a time; the others wait and use its result.
    rebuilding: tokio::sync::Mutex<()>,
}

impl Slot {
    fn fresh(&self, version: Version) -> Option<Arc<Index>> {
        let current = self.current.read().ok()?.clone()?;
        (current.version == version).then(|| current.index.clone())
    }
}

static SLOTS: LazyLock<Mutex<HashMap<Arc<str>, Arc<Slot>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The verified actors as matching candidates (one query).
pub async fn candidates<C: ConnectionTrait>(db: &C) -> Result<Vec<Candidate>, DbErr> {
    #[derive(Debug, FromQueryResult)]
    struct R {
        id: i64,
        name: String,
        category: String,
        short_description: String,
        description_md: String,
        competences: String,
        industries: String,
        offers: String,
        ags5: String,
    }
    let rows = actor::Entity::find()
        .select_only()
        .columns([
            actor::Column::Id,
            actor::Column::Name,
            actor::Column::Category,
            actor::Column::ShortDescription,
            actor::Column::DescriptionMd,
            actor::Column::Competences,
            actor::Column::Industries,
            actor::Column::Offers,
            actor::Column::Ags5,
        ])
        .filter(actor::Column::Status.eq(domain::VERIFIED))
        .into_model::<R>()
        .all(db)
        .await?;
    let list = |s: &str| domain::split_list(s).map(str::to_owned).collect();
    Ok(rows
        .into_iter()
        .map(|r| Candidate {
            text: format!(
                "{} {} {}",
                r.name,
                r.short_description,
                dias_core::markdown::to_plain_text(&r.description_md)
            ),
            competences: list(&r.competences),
            industries: list(&r.industries),
            offers: list(&r.offers),
            id: r.id,
            category: r.category,
            ags5: r.ags5,
        })
        .collect())
}

/// The current index of this instance: one version query, a rebuild only
/// when the actors changed.
pub async fn index(instance: &Arc<str>, db: &DatabaseConnection) -> Result<Arc<Index>, DbErr> {
    let slot = {
        let Ok(mut slots) = SLOTS.lock() else {
            return Ok(Arc::new(Index::build(candidates(db).await?)));
        };
        slots.entry(instance.clone()).or_default().clone()
    };
    let version = crate::store::actors_version(db).await?;
    if let Some(index) = slot.fresh(version) {
        return Ok(index);
    }
    let _guard = slot.rebuilding.lock().await;
    if let Some(index) = slot.fresh(version) {
        return Ok(index);
    }
    let index = Arc::new(Index::build(candidates(db).await?));
    if let Ok(mut current) = slot.current.write() {
        *current = Some(Arc::new(Built {
            version,
            index: index.clone(),
        }));
    }
    Ok(index)
}
