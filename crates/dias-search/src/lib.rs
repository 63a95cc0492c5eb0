//! dias-search: full-text search over every module's documents.
//!
//! Each instance keeps its own tantivy index under its data directory and
//! keeps it current from the database's outbox (topic `search`): modules
//! publish "document kind/id changed" in the same transaction as the change,
//! and the [`indexer`] of every instance re-reads that document through the
//! module's [`SearchSource`]. The index stores the outbox position it has
//! reached in its commit payload, so a restart continues where it stopped.
//!
//! German text is analysed by lower-casing, removing German stop words,
//! folding umlauts and ß (so "Forderung" finds "Förderung") and Snowball
//! German stemming (so "Digitalisierungen" finds "Digitalisierung").
//! A query word the index does not know is read as a compound of two words
//! it does know ("digitalisierungszuschuss" → Digitalisierung + Zuschuss),
//! else as a misspelling of a near word (one edit from five letters, two
//! from nine). Pages that filter and order hits themselves ask for
//! [`SearchIndex::ranked_ids`]: ids only, best first, no snippets.

mod analyzer;
pub mod index;
pub mod indexer;
mod source;

pub use index::{Hit, KindCount, SearchIndex, SearchQuery, SearchResults};
pub use source::{SearchDoc, SearchSource, Sources};

#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    #[error("query: {0}")]
    Query(#[from] tantivy::query::QueryParserError),
    #[error("index directory: {0}")]
    Directory(#[from] tantivy::directory::error::OpenDirectoryError),
    #[error("database: {0}")]
    Db(#[from] sea_orm::DbErr),
}
