//! What modules give the search: documents and a way to fetch them.

use std::collections::HashMap;
use std::sync::Arc;

use sea_orm::{DatabaseConnection, DbErr};

/// One searchable thing.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchDoc {
    /// Document kind, e.g. `page`, `district`, `proposal`.
    pub kind: String,
    /// Id within the kind.
    pub id: String,
    pub title: String,
    /// Plain text, no markup.
    pub body: String,
    /// Path on the portal, e.g. `/kreise/14521`.
    pub url: String,
    /// Unix seconds of publication or last change, if meaningful.
    pub date: Option<i64>,
}

/// A module's documents of one kind.
#[async_trait::async_trait]
pub trait SearchSource: Send + Sync {
    /// The document kind this source answers for.
    fn kind(&self) -> &'static str;
    /// Message id of the kind's display name (type filter, result badge).
    fn label_key(&self) -> &'static str;
    /// Every document, for a full rebuild; `progress` is called with counts.
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr>;
    /// The current version of one document, or `None` when it must vanish
    /// (deleted, unpublished, hidden).
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr>;
}

/// All registered sources by kind.
#[derive(Clone, Default)]
pub struct Sources {
    by_kind: HashMap<&'static str, Arc<dyn SearchSource>>,
    order: Vec<&'static str>,
}

impl Sources {
    pub fn new(sources: Vec<Arc<dyn SearchSource>>) -> Self {
        let mut this = Sources::default();
        for source in sources {
            this.order.push(source.kind());
            this.by_kind.insert(source.kind(), source);
        }
        this
    }

    pub fn get(&self, kind: &str) -> Option<&Arc<dyn SearchSource>> {
        self.by_kind.get(kind)
    }

    /// Kinds in registration order.
    pub fn kinds(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.order.iter().copied()
    }

    pub fn label_key(&self, kind: &str) -> &'static str {
        self.by_kind
            .get(kind)
            .map(|s| s.label_key())
            .unwrap_or("search-kind-other")
    }
}
