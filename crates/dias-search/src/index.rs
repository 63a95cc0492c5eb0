//! The index: schema, writing, and queries with type filter, snippets and
//! counts per kind.

use std::num::NonZeroUsize;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use tantivy::Searcher;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term, doc};

use crate::SearchError;
use crate::analyzer::{GERMAN, Word, compound_splits, german, stem, typo_distance, words};
use crate::source::SearchDoc;

/// Raise when the schema changes: an index of another version is rebuilt.
const SCHEMA_VERSION: &str = "2";
const WRITER_HEAP: usize = 50_000_000;
pub const MAX_PER_PAGE: usize = 50;
/// Deep pages are refused: nobody reads result 5,000, and it costs.
pub const MAX_PAGE: usize = 100;
/// The most ids [`SearchIndex::ranked_ids`] returns.
pub const MAX_RANKED: usize = 10_000;
/// Ranked id lists kept per index state: the texts people search for
/// most ("Digitalisierung", "KI") are asked again and again.
const RANKED_CACHE: usize = 256;

/// (generation, kind, text, limit)
type RankedKey = (u64, String, String, usize);
/// Weight of a match in the title against one in the body.
const TITLE_BOOST: f32 = 3.0;

#[derive(Clone, Copy)]
struct Fields {
    uid: Field,
    kind: Field,
    id: Field,
    title: Field,
    body: Field,
    url: Field,
    date: Field,
    /// The id as a number where it is one: read from the column store, so
    /// ranked id lists need no stored document.
    num: Field,
}

pub struct SearchIndex {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    /// Moves on with every change of the content; cached rankings of an
    /// older generation are never used.
    generation: AtomicU64,
    ranked: Mutex<lru::LruCache<RankedKey, Arc<Vec<String>>>>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let text = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(GERMAN)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let fields = Fields {
        uid: builder.add_text_field("uid", STRING),
        kind: builder.add_text_field("kind", STRING | STORED),
        id: builder.add_text_field("id", STORED),
        title: builder.add_text_field("title", text.clone()),
        body: builder.add_text_field("body", text),
        url: builder.add_text_field("url", STORED),
        date: builder.add_i64_field("date", STORED | INDEXED),
        num: builder.add_u64_field("num", FAST),
    };
    (builder.build(), fields)
}

/// A search request.
#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    pub text: String,
    pub kind: Option<String>,
    /// All document kinds, for the counts per kind.
    pub kinds: Vec<String>,
    /// 1-based.
    pub page: usize,
    pub per_page: usize,
}

#[derive(Debug, Clone)]
pub struct Hit {
    pub kind: String,
    pub id: String,
    pub title: String,
    /// The title escaped, with `<mark>` around matches; safe to embed.
    pub title_html: String,
    pub url: String,
    /// Escaped text with `<mark>` around matches; safe to embed.
    pub snippet_html: String,
    pub date: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindCount {
    pub kind: String,
    pub count: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    /// Matches per kind, ignoring the kind filter (for the type facet).
    pub counts: Vec<KindCount>,
}

impl SearchIndex {
    /// Opens the index in `dir` or creates it. Returns whether it is new
    /// (or was of an older schema) and so needs a full build.
    pub fn open(dir: &Path) -> Result<(SearchIndex, bool), SearchError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            SearchError::Index(tantivy::TantivyError::SystemError(format!(
                "{}: {e}",
                dir.display()
            )))
        })?;
        let (schema, fields) = schema();
        let version_file = dir.join("dias-schema-version");
        let current = std::fs::read_to_string(&version_file).ok();
        let mut fresh = current.as_deref() != Some(SCHEMA_VERSION);
        if fresh {
            for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        let index = match Index::open_in_dir(dir) {
            Ok(index) => index,
            Err(_) => {
                fresh = true;
                Index::create_in_dir(dir, schema)?
            }
        };
        let _ = std::fs::write(&version_file, SCHEMA_VERSION);
        Self::from_index(index, fields).map(|i| (i, fresh))
    }

    /// An index in memory (tests).
    pub fn in_memory() -> Result<SearchIndex, SearchError> {
        let (schema, fields) = schema();
        Self::from_index(Index::create_in_ram(schema), fields)
    }

    fn from_index(index: Index, fields: Fields) -> Result<SearchIndex, SearchError> {
        index.tokenizers().register(GERMAN, german());
        let writer = index.writer(WRITER_HEAP)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchIndex {
            index,
            reader,
            writer: Mutex::new(writer),
            fields,
            generation: AtomicU64::new(0),
            ranked: Mutex::new(lru::LruCache::new(
                NonZeroUsize::new(RANKED_CACHE).unwrap_or(NonZeroUsize::MIN),
            )),
        })
    }

    fn uid(kind: &str, id: &str) -> String {
        format!("{kind}:{id}")
    }

    fn with_writer<T>(
        &self,
        f: impl FnOnce(&mut IndexWriter) -> Result<T, SearchError>,
    ) -> Result<T, SearchError> {
        let mut writer = self
            .writer
            .lock()
            .map_err(|_| tantivy::TantivyError::SystemError("index writer lock poisoned".into()))?;
        f(&mut writer)
    }

    fn add(&self, writer: &IndexWriter, d: &SearchDoc) -> Result<(), SearchError> {
        let f = self.fields;
        let mut document = doc!(
            f.uid => Self::uid(&d.kind, &d.id),
            f.kind => d.kind.clone(),
            f.id => d.id.clone(),
            f.title => d.title.clone(),
            f.body => d.body.clone(),
            f.url => d.url.clone(),
        );
        if let Some(date) = d.date {
            document.add_i64(f.date, date);
        }
        if let Ok(num) = d.id.parse::<u64>() {
            document.add_u64(f.num, num);
        }
        writer.add_document(document)?;
        Ok(())
    }

    /// Replaces or removes documents and commits with the outbox position.
    pub fn apply(
        &self,
        changes: &[(String, String, Option<SearchDoc>)],
        cursor: i64,
    ) -> Result<(), SearchError> {
        self.with_writer(|writer| {
            for (kind, id, doc) in changes {
                writer.delete_term(Term::from_field_text(self.fields.uid, &Self::uid(kind, id)));
                if let Some(doc) = doc {
                    self.add(writer, doc)?;
                }
            }
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&cursor.to_string());
            commit.commit()?;
            Ok(())
        })?;
        self.reader.reload()?;
        self.changed();
        Ok(())
    }

    /// Forgets cached rankings: the searcher now sees new content.
    fn changed(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut ranked) = self.ranked.lock() {
            ranked.clear();
        }
    }

    /// Replaces the whole content.
    pub fn rebuild(&self, docs: &[SearchDoc], cursor: i64) -> Result<(), SearchError> {
        self.with_writer(|writer| {
            writer.delete_all_documents()?;
            for d in docs {
                self.add(writer, d)?;
            }
            let mut commit = writer.prepare_commit()?;
            commit.set_payload(&cursor.to_string());
            commit.commit()?;
            Ok(())
        })?;
        self.reader.reload()?;
        self.changed();
        Ok(())
    }

    /// The outbox id the index has taken in, from its last commit.
    pub fn cursor(&self) -> Option<i64> {
        self.index.load_metas().ok()?.payload?.parse().ok()
    }

    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn parsed_query(&self, text: &str, conjunction: bool) -> Box<dyn Query> {
        let mut parser =
            QueryParser::for_index(&self.index, vec![self.fields.title, self.fields.body]);
        parser.set_field_boost(self.fields.title, TITLE_BOOST);
        if conjunction {
            parser.set_conjunction_by_default();
        }
        // Lenient parsing: user input with stray quotes or colons still searches.
        let (query, _errors) = parser.parse_query_lenient(text);
        query
    }

    fn known(&self, searcher: &Searcher, stem: &str) -> tantivy::Result<u64> {
        let mut freq = 0;
        for field in [self.fields.title, self.fields.body] {
            freq += searcher.doc_freq(&Term::from_field_text(field, stem))?;
        }
        Ok(freq)
    }

    /// A stem in the title (weighted) or the body.
    fn exact(&self, stem: &str) -> Box<dyn Query> {
        let term = |field| {
            Box::new(TermQuery::new(
                Term::from_field_text(field, stem),
                IndexRecordOption::WithFreqs,
            )) as Box<dyn Query>
        };
        Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(term(self.fields.title), TITLE_BOOST)),
            ),
            (Occur::Should, term(self.fields.body)),
        ]))
    }

    /// What one query word matches. A word the index knows matches itself.
    /// An unknown one is read as a compound of two known words
    /// ("digitalisierungszuschuss" → Digitalisierung + Zuschuss), else as a
    /// misspelling of a near word (one edit from five letters, two from nine).
    fn word_query(&self, searcher: &Searcher, word: &Word) -> tantivy::Result<Box<dyn Query>> {
        if self.known(searcher, &word.stem)? > 0 {
            return Ok(self.exact(&word.stem));
        }
        let mut best: Option<(u64, String, String)> = None;
        for (head, tail) in compound_splits(&word.folded) {
            let (Some(head), Some(tail)) = (stem(&head), stem(&tail)) else {
                continue;
            };
            let weakest = self
                .known(searcher, &head)?
                .min(self.known(searcher, &tail)?);
            if weakest > 0 && best.as_ref().is_none_or(|(freq, _, _)| weakest > *freq) {
                best = Some((weakest, head, tail));
            }
        }
        if let Some((_, head, tail)) = best {
            return Ok(Box::new(BooleanQuery::intersection(vec![
                self.exact(&head),
                self.exact(&tail),
            ])));
        }
        let distance = typo_distance(&word.stem);
        if distance == 0 {
            return Ok(self.exact(&word.stem));
        }
        let fuzzy = |field| {
            Box::new(FuzzyTermQuery::new(
                Term::from_field_text(field, &word.stem),
                distance,
                true,
            )) as Box<dyn Query>
        };
        Ok(Box::new(BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(fuzzy(self.fields.title), TITLE_BOOST)),
            ),
            (Occur::Should, fuzzy(self.fields.body)),
        ])))
    }

    /// The query for a text: all words must match; when that finds nothing
    /// of the asked kind (or of any kind, without one), any word may — so a
    /// module's own search is not starved by documents of other kinds that
    /// happen to contain every word. Quoted phrases and field syntax go
    /// through tantivy's query parser.
    fn matching(
        &self,
        searcher: &Searcher,
        text: &str,
        kind: Option<&str>,
    ) -> Result<Box<dyn Query>, SearchError> {
        let found = |query: &dyn Query| -> tantivy::Result<bool> {
            let scoped = match kind {
                Some(kind) => self.with_kind(query.box_clone(), kind),
                None => query.box_clone(),
            };
            Ok(searcher.search(&*scoped, &Count)? > 0)
        };
        if text.contains('"') || text.contains(':') {
            let all = self.parsed_query(text, true);
            if found(&*all)? {
                return Ok(all);
            }
            return Ok(self.parsed_query(text, false));
        }
        let words = words(text);
        if words.is_empty() {
            return Ok(Box::new(BooleanQuery::new(Vec::new())));
        }
        let parts = words
            .iter()
            .map(|w| self.word_query(searcher, w))
            .collect::<tantivy::Result<Vec<_>>>()?;
        let all: Box<dyn Query> = Box::new(BooleanQuery::intersection(
            parts.iter().map(|p| p.box_clone()).collect(),
        ));
        if parts.len() == 1 || found(&*all)? {
            return Ok(all);
        }
        Ok(Box::new(BooleanQuery::union(parts)))
    }

    /// Ids of the documents of `kind` that match `text`, best first, at
    /// most `limit` (capped at [`MAX_RANKED`]) — for pages that filter and
    /// order the hits themselves. No stored document is read for numeric
    /// ids, no snippet is built, and the list is kept until the index
    /// changes, so a popular search costs one lookup.
    pub fn ranked_ids(
        &self,
        text: &str,
        kind: &str,
        limit: usize,
    ) -> Result<Arc<Vec<String>>, SearchError> {
        let text = text.trim();
        if text.is_empty() || limit == 0 {
            return Ok(Arc::default());
        }
        // Read before searching: a change that lands meanwhile moves the
        // generation on, so this result is filed under the old one.
        let generation = self.generation.load(Ordering::SeqCst);
        let key = (generation, kind.to_owned(), text.to_owned(), limit);
        if let Some(ids) = self
            .ranked
            .lock()
            .ok()
            .and_then(|mut c| c.get(&key).cloned())
        {
            return Ok(ids);
        }
        let ids = Arc::new(self.search_ranked_ids(text, kind, limit)?);
        if let Ok(mut cache) = self.ranked.lock()
            && self.generation.load(Ordering::SeqCst) == generation
        {
            cache.put(key, ids.clone());
        }
        Ok(ids)
    }

    /// [`Self::ranked_ids`] for kinds whose ids are row numbers: every
    /// match up to [`MAX_RANKED`], best first, as numbers (others skipped).
    /// The facet pages count and order all matches from these.
    pub fn ranked_row_ids(&self, text: &str, kind: &str) -> Result<Vec<i64>, SearchError> {
        Ok(self
            .ranked_ids(text, kind, MAX_RANKED)?
            .iter()
            .filter_map(|id| id.parse().ok())
            .collect())
    }

    fn search_ranked_ids(
        &self,
        text: &str,
        kind: &str,
        limit: usize,
    ) -> Result<Vec<String>, SearchError> {
        let searcher = self.reader.searcher();
        let query = self.with_kind(self.matching(&searcher, text, Some(kind))?, kind);
        let top = searcher.search(&query, &TopDocs::with_limit(limit.min(MAX_RANKED)))?;
        let mut columns = Vec::with_capacity(searcher.segment_readers().len());
        for reader in searcher.segment_readers() {
            columns.push(reader.fast_fields().u64("num").ok());
        }
        let mut ids = Vec::with_capacity(top.len());
        for (_score, addr) in top {
            let num = columns
                .get(addr.segment_ord as usize)
                .and_then(Option::as_ref)
                .and_then(|c| c.first(addr.doc_id));
            match num {
                Some(num) => ids.push(num.to_string()),
                None => {
                    let d: TantivyDocument = searcher.doc(addr)?;
                    if let Some(id) = d.get_first(self.fields.id).and_then(|v| v.as_str()) {
                        ids.push(id.to_owned());
                    }
                }
            }
        }
        Ok(ids)
    }

    /// Runs a query (see [`Self::matching`] for what matches). An empty
    /// text matches nothing.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults, SearchError> {
        let text = q.text.trim();
        if text.is_empty() {
            return Ok(SearchResults::default());
        }
        let per_page = q.per_page.clamp(1, MAX_PER_PAGE);
        let page = q.page.clamp(1, MAX_PAGE);
        let searcher = self.reader.searcher();
        let scoped = |base: &dyn Query| match &q.kind {
            Some(kind) => self.with_kind(base.box_clone(), kind),
            None => base.box_clone(),
        };
        let base = self.matching(&searcher, text, q.kind.as_deref())?;

        let mut counts = Vec::new();
        // One counting pass per known kind: counting loads no documents,
        // so this stays cheap however many documents match.
        for kind in &q.kinds {
            let count = searcher.search(&self.with_kind(base.box_clone(), kind), &Count)?;
            if count > 0 {
                counts.push(KindCount {
                    kind: kind.clone(),
                    count,
                });
            }
        }
        counts.sort_by(|a, b| b.count.cmp(&a.count).then(a.kind.cmp(&b.kind)));

        let query = scoped(&*base);
        let total = searcher.search(&query, &Count)?;
        let top = searcher.search(
            &query,
            &TopDocs::with_limit(per_page).and_offset((page - 1) * per_page),
        )?;
        let mut snippets = SnippetGenerator::create(&searcher, &*base, self.fields.body)?;
        snippets.set_max_num_chars(220);
        let mut title_snippets = SnippetGenerator::create(&searcher, &*base, self.fields.title)?;
        title_snippets.set_max_num_chars(300);
        let mut hits = Vec::with_capacity(top.len());
        for (_score, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            let text = |field| {
                d.get_first(field)
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_owned()
            };
            let mut snippet = snippets.snippet_from_doc(&d);
            snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            let mut snippet_html = snippet.to_html();
            if snippet_html.is_empty() {
                let body = text(self.fields.body);
                let short: String = body.chars().take(200).collect();
                snippet_html = escape(&short);
            }
            let title = text(self.fields.title);
            let mut title_snippet = title_snippets.snippet_from_doc(&d);
            title_snippet.set_snippet_prefix_postfix("<mark>", "</mark>");
            let title_html = if title_snippet.highlighted().is_empty() {
                escape(&title)
            } else {
                title_snippet.to_html()
            };
            hits.push(Hit {
                kind: text(self.fields.kind),
                id: text(self.fields.id),
                title,
                title_html,
                url: text(self.fields.url),
                snippet_html,
                date: d.get_first(self.fields.date).and_then(|v| v.as_i64()),
            });
        }
        Ok(SearchResults {
            total,
            hits,
            counts,
        })
    }

    fn with_kind(&self, query: Box<dyn Query>, kind: &str) -> Box<dyn Query> {
        let kind_query = TermQuery::new(
            Term::from_field_text(self.fields.kind, kind),
            IndexRecordOption::Basic,
        );
        Box::new(BooleanQuery::new(vec![
            (Occur::Must, query),
            (Occur::Must, Box::new(kind_query)),
        ]))
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(kind: &str, id: &str, title: &str, body: &str) -> SearchDoc {
        SearchDoc {
            kind: kind.into(),
            id: id.into(),
            title: title.into(),
            body: body.into(),
            url: format!("/{kind}/{id}"),
            date: None,
        }
    }

    fn index_with(docs: &[SearchDoc]) -> SearchIndex {
        let index = SearchIndex::in_memory().unwrap();
        index.rebuild(docs, 7).unwrap();
        index
    }

    fn query(text: &str, kind: Option<&str>) -> SearchQuery {
        SearchQuery {
            text: text.into(),
            kind: kind.map(Into::into),
            kinds: vec!["page".into(), "district".into()],
            page: 1,
            per_page: 10,
        }
    }

    #[test]
    fn finds_inflected_and_unfolded_words_with_highlight() {
        let index = index_with(&[
            doc(
                "page",
                "1",
                "Förderprogramme",
                "Zuschüsse für die Digitalisierung kleiner Unternehmen",
            ),
            doc("page", "2", "Breitband", "Glasfaser für alle Gemeinden"),
        ]);
        let results = index
            .search(&query("digitalisierungen zuschuss", None))
            .unwrap();
        assert_eq!(results.total, 1);
        assert_eq!(results.hits[0].id, "1");
        assert!(
            results.hits[0]
                .snippet_html
                .contains("<mark>Digitalisierung</mark>"),
            "{}",
            results.hits[0].snippet_html
        );
        let folded = index.search(&query("forderprogramme", None)).unwrap();
        assert_eq!(folded.hits[0].id, "1");
    }

    #[test]
    fn a_kind_without_a_document_of_all_words_falls_back_to_any_word() {
        let index = index_with(&[
            doc(
                "page",
                "1",
                "Förderung von KI",
                "Wie die Agentur KI fördert",
            ),
            doc(
                "district",
                "14521",
                "Erzgebirgskreis",
                "Förderung für Unternehmen",
            ),
            doc("district", "14522", "Mittelsachsen", "Glasfaser"),
        ]);
        // All words match only the page, but the district search still
        // finds the district that has one of them.
        let districts = index
            .search(&query("Förderung KI", Some("district")))
            .unwrap();
        assert_eq!(districts.total, 1);
        assert_eq!(districts.hits[0].id, "14521");
        // Without a kind, all words still win.
        let all = index.search(&query("Förderung KI", None)).unwrap();
        assert_eq!(all.total, 1);
        assert_eq!(all.hits[0].id, "1");
    }

    #[test]
    fn kind_filter_keeps_counts_of_all_kinds() {
        let index = index_with(&[
            doc("page", "1", "Glasfaser", "Ausbau"),
            doc(
                "district",
                "14521",
                "Erzgebirgskreis",
                "Glasfaser im Erzgebirge",
            ),
            doc(
                "district",
                "14522",
                "Mittelsachsen",
                "Glasfaser in Mittelsachsen",
            ),
        ]);
        let results = index.search(&query("Glasfaser", Some("page"))).unwrap();
        assert_eq!(results.total, 1);
        assert_eq!(
            results.counts,
            vec![
                KindCount {
                    kind: "district".into(),
                    count: 2
                },
                KindCount {
                    kind: "page".into(),
                    count: 1
                }
            ]
        );
    }

    #[test]
    fn apply_replaces_and_removes_and_records_the_cursor() {
        let index = index_with(&[doc("page", "1", "Alt", "alter Text")]);
        assert_eq!(index.cursor(), Some(7));
        index
            .apply(
                &[(
                    "page".into(),
                    "1".into(),
                    Some(doc("page", "1", "Neu", "neuer Inhalt")),
                )],
                9,
            )
            .unwrap();
        assert_eq!(index.search(&query("alter", None)).unwrap().total, 0);
        assert_eq!(index.search(&query("Inhalt", None)).unwrap().total, 1);
        index
            .apply(&[("page".into(), "1".into(), None)], 10)
            .unwrap();
        assert_eq!(index.search(&query("Inhalt", None)).unwrap().total, 0);
        assert_eq!(index.cursor(), Some(10));
    }

    fn funding_docs() -> Vec<SearchDoc> {
        vec![
            doc(
                "offer",
                "1",
                "Digitalisierung Zuschuss (Digi-Z)",
                "Zuschuss für Digitalisierungsprojekte kleiner und mittlerer Unternehmen",
            ),
            doc(
                "offer",
                "2",
                "Sachsenkredit",
                "Darlehen für Gründung und Wachstum",
            ),
            doc(
                "offer",
                "3",
                "Förderung von KI-Anwendungen",
                "Zuschuss für Projekte mit künstlicher Intelligenz",
            ),
            doc("offer", "400", "Breitband", "Glasfaser für Gemeinden"),
        ]
    }

    #[test]
    fn an_unknown_compound_is_read_as_two_known_words() {
        let index = index_with(&funding_docs());
        let hits = index
            .search(&query("digitalisierungszuschuss", Some("offer")))
            .unwrap();
        assert_eq!(hits.hits[0].id, "1", "{:?}", hits.hits);
        assert_eq!(hits.total, 1);
    }

    #[test]
    fn misspelt_longer_words_still_find_but_short_ones_do_not_wander() {
        let index = index_with(&funding_docs());
        // One letter missing, one swapped.
        for typo in ["Digitalisirung", "Zuschsus", "Glasfsaer"] {
            let hits = index.search(&query(typo, Some("offer"))).unwrap();
            assert!(hits.total >= 1, "{typo} found nothing");
        }
        assert_eq!(
            index
                .search(&query("Glasfsaer", Some("offer")))
                .unwrap()
                .hits[0]
                .id,
            "400"
        );
        // "KO" is not "KI".
        assert_eq!(index.search(&query("KO", Some("offer"))).unwrap().total, 0);
        // A known word is not widened: "Darlehen" finds only the loan.
        assert_eq!(
            index
                .search(&query("Darlehen", Some("offer")))
                .unwrap()
                .total,
            1
        );
    }

    #[test]
    fn ranked_ids_follow_the_relevance_order_without_snippets() {
        let index = index_with(&funding_docs());
        let hits = index.search(&query("Zuschuss", Some("offer"))).unwrap();
        let ids = index.ranked_ids("Zuschuss", "offer", 100).unwrap();
        assert_eq!(
            *ids,
            hits.hits.iter().map(|h| h.id.clone()).collect::<Vec<_>>()
        );
        assert_eq!(ids.len(), 2);
        assert_eq!(index.ranked_ids("Zuschuss", "offer", 1).unwrap().len(), 1);
        assert!(index.ranked_ids("Zuschuss", "page", 10).unwrap().is_empty());
        assert!(index.ranked_ids("  ", "offer", 10).unwrap().is_empty());
        assert_eq!(
            index.ranked_row_ids("Zuschuss", "offer").unwrap(),
            ids.iter()
                .map(|id| id.parse::<i64>().unwrap())
                .collect::<Vec<_>>()
        );
        // Ids that are not numbers come from the stored document.
        let named = index_with(&[doc("page", "impressum", "Impressum", "Angaben")]);
        assert_eq!(
            *named.ranked_ids("Impressum", "page", 10).unwrap(),
            vec!["impressum".to_owned()]
        );
    }

    #[test]
    fn a_cached_ranking_is_forgotten_when_the_content_changes() {
        let index = index_with(&funding_docs());
        let first = index.ranked_ids("Zuschuss", "offer", 100).unwrap();
        // Asked again: the same list, not searched anew.
        let again = index.ranked_ids("Zuschuss", "offer", 100).unwrap();
        assert!(Arc::ptr_eq(&first, &again));
        index
            .apply(
                &[(
                    "offer".into(),
                    "9".into(),
                    Some(doc("offer", "9", "Zuschuss Zuschuss", "Zuschuss")),
                )],
                8,
            )
            .unwrap();
        let after = index.ranked_ids("Zuschuss", "offer", 100).unwrap();
        assert_eq!(after.first().map(String::as_str), Some("9"), "{after:?}");
        assert_eq!(after.len(), first.len() + 1);
        index.rebuild(&[], 9).unwrap();
        assert!(
            index
                .ranked_ids("Zuschuss", "offer", 100)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn quoted_phrases_still_work() {
        let index = index_with(&funding_docs());
        let hits = index
            .search(&query("\"künstlicher Intelligenz\"", Some("offer")))
            .unwrap();
        assert_eq!(hits.total, 1);
        assert_eq!(hits.hits[0].id, "3");
    }

    #[test]
    fn markup_in_documents_is_escaped_in_snippets() {
        let index = index_with(&[doc("page", "1", "X", "<script>alert(1)</script> Sachsen")]);
        let results = index.search(&query("Sachsen", None)).unwrap();
        assert!(!results.hits[0].snippet_html.contains("<script>"));
    }

    #[test]
    fn empty_query_and_odd_syntax_do_not_fail() {
        let index = index_with(&[doc("page", "1", "Sachsen", "Land")]);
        assert_eq!(index.search(&query("   ", None)).unwrap().total, 0);
        assert!(index.search(&query("title:\"(Sachsen", None)).is_ok());
    }
}
