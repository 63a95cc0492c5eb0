//! The directory's in-memory snapshot of the verified actors' facet fields.
//!
//! Facet counts over ~20,000 actors would cost a `GROUP BY` per facet and
//! request; instead every instance keeps, per facet value, a bitset of the
//! actors that carry it (positions in name order). A filter is an AND over
//! facets of ORs within a facet; the count of a value is the population of
//! its bitset ANDed with the other facets' masks (the usual disjunctive
//! faceting, so choosing a competence still shows how many actors each other
//! competence would add). A page is a walk over the final bitset, and its
//! rows are then read by id.
//!
//! The snapshot is rebuilt when the database's cheap version —
//! `COUNT(*)` and `MAX(updated_at)` of `actors`, answered from an index —
//! differs from the one it was built at. That keeps several instances
//! consistent without any messaging. Because `updated_at` has whole
//! seconds, a snapshot built in the same second as (or just after) its
//! newest change is rebuilt once more when that second has passed.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

pub use dias_core::bits::Bits;
use dias_core::facets::{Choice, FacetIndex, FacetKey};
use sea_orm::{DatabaseConnection, DbErr};

/// The facets of the directory, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    Category,
    Competence,
    Industry,
    Offer,
    District,
    Size,
}

impl Facet {
    pub const ALL: [Facet; 6] = [
        Facet::Category,
        Facet::Competence,
        Facet::Industry,
        Facet::Offer,
        Facet::District,
        Facet::Size,
    ];

    /// The URL parameter (German, as the UI).
    pub fn param(self) -> &'static str {
        match self {
            Facet::Category => "kategorie",
            Facet::Competence => "kompetenz",
            Facet::Industry => "branche",
            Facet::Offer => "angebot",
            Facet::District => "kreis",
            Facet::Size => "groesse",
        }
    }

    pub fn index(self) -> usize {
        match self {
            Facet::Category => 0,
            Facet::Competence => 1,
            Facet::Industry => 2,
            Facet::Offer => 3,
            Facet::District => 4,
            Facet::Size => 5,
        }
    }
}

/// Selected values per facet (empty: no restriction).
pub type Filter = Choice<Facet, 6>;

impl FacetKey for Facet {
    const KEYS: &'static [Facet] = &Facet::ALL;
    fn index(self) -> usize {
        Facet::index(self)
    }
    fn param(self) -> &'static str {
        Facet::param(self)
    }
}

/// A verified actor's facet fields, as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub slug: String,
    pub name: String,
    pub category: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    pub offers: Vec<String>,
    pub ags5: String,
    pub size_class: String,
    pub lat: f64,
    pub lon: f64,
    pub created_at: i64,
    pub founding_year: Option<i32>,
}

/// The change counter of the actors ([`crate::store::actors_version`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Version(pub i64);

/// A position on the map, already projected to the SVG's coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projected {
    pub x: f64,
    pub y: f64,
}

pub struct Snapshot {
    pub version: Version,
    /// Unix second in which it was built.
    pub built_at: i64,
    /// Actor ids by position (positions follow the name order).
    ids: Vec<i64>,
    positions: HashMap<i64, usize>,
    /// Positions, newest registration first.
    newest: Vec<usize>,
    points: Vec<Projected>,
    /// (name, slug) by position, for map labels.
    labels: Vec<(String, String)>,
    /// Per facet: value → positions carrying it.
    facets: FacetIndex<6>,
    /// The figures of the statistics page.
    pub stats: crate::stats::Stats,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("version", &self.version)
            .field("actors", &self.ids.len())
            .finish_non_exhaustive()
    }
}

/// The outcome of a filter: the matching positions and the counts per
/// facet value.
pub type Selection = dias_core::facets::Selection<6>;

impl From<Facet> for usize {
    fn from(facet: Facet) -> usize {
        facet.index()
    }
}

/// The order of a result page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order<'a> {
    Name,
    Newest,
    /// The given ids first-to-last (search relevance); others never match.
    Ranked(&'a [i64]),
}

fn name_key(name: &str) -> String {
    // Case- and umlaut-insensitive, so "Ärztenetz" sorts near "Arzt".
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'ä' => 'a',
            'ö' => 'o',
            'ü' => 'u',
            'ß' => 's',
            c => c,
        })
        .collect()
}

impl Snapshot {
    /// Builds the snapshot; `project` maps (lon, lat) to map coordinates.
    pub fn build(
        version: Version,
        built_at: i64,
        mut rows: Vec<Row>,
        project: impl Fn(f64, f64) -> Projected,
    ) -> Snapshot {
        rows.sort_by_cached_key(|r| (name_key(&r.name), r.id));
        let n = rows.len();
        let mut facets = FacetIndex::new(n);
        let mut mark = |facet: Facet, value: &str, pos: usize| facets.add(facet, value, pos);
        for (pos, r) in rows.iter().enumerate() {
            mark(Facet::Category, &r.category, pos);
            for v in &r.competences {
                mark(Facet::Competence, v, pos);
            }
            for v in &r.industries {
                mark(Facet::Industry, v, pos);
            }
            for v in &r.offers {
                mark(Facet::Offer, v, pos);
            }
            mark(Facet::District, &r.ags5, pos);
            mark(Facet::Size, &r.size_class, pos);
        }
        let stats = crate::stats::tally(rows.iter().map(|r| crate::stats::StatRow {
            category: &r.category,
            ags5: &r.ags5,
            competences: &r.competences,
            founding_year: r.founding_year,
        }));
        let mut newest: Vec<usize> = (0..n).collect();
        newest.sort_by_key(|&p| (std::cmp::Reverse(rows[p].created_at), p));
        Snapshot {
            version,
            built_at,
            positions: rows.iter().enumerate().map(|(p, r)| (r.id, p)).collect(),
            points: rows.iter().map(|r| project(r.lon, r.lat)).collect(),
            labels: rows
                .iter()
                .map(|r| (r.name.clone(), r.slug.clone()))
                .collect(),
            ids: rows.iter().map(|r| r.id).collect(),
            newest,
            facets,
            stats,
        }
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The positions of these ids (ids not in the snapshot are skipped).
    pub fn bits_of(&self, ids: &[i64]) -> Bits {
        let mut bits = Bits::zeros(self.len());
        for id in ids {
            if let Some(&p) = self.positions.get(id) {
                bits.set(p);
            }
        }
        bits
    }

    /// Applies a filter, optionally within a set (search hits).
    pub fn select(&self, filter: &Filter, within: Option<&Bits>) -> Selection {
        let base = within.cloned().unwrap_or_else(|| Bits::ones(self.len()));
        self.facets.select(&filter.selected, &base)
    }

    /// Ids of one page of a selection in the given order.
    pub fn page(
        &self,
        selection: &Selection,
        order: Order<'_>,
        offset: usize,
        limit: usize,
    ) -> Vec<i64> {
        match order {
            Order::Name => selection
                .matches
                .iter()
                .skip(offset)
                .take(limit)
                .map(|p| self.ids[p])
                .collect(),
            Order::Newest => self
                .newest
                .iter()
                .filter(|&&p| selection.matches.contains(p))
                .skip(offset)
                .take(limit)
                .map(|&p| self.ids[p])
                .collect(),
            Order::Ranked(ranked) => ranked
                .iter()
                .filter(|id| {
                    self.positions
                        .get(*id)
                        .is_some_and(|&p| selection.matches.contains(p))
                })
                .skip(offset)
                .take(limit)
                .copied()
                .collect(),
        }
    }

    /// Map positions of a selection, with the snapshot position.
    pub fn points<'a>(
        &'a self,
        selection: &'a Selection,
    ) -> impl Iterator<Item = (Projected, usize)> + 'a {
        selection.matches.iter().map(|p| (self.points[p], p))
    }

    /// (name, slug) of the actor at a position.
    pub fn label(&self, position: usize) -> Option<&(String, String)> {
        self.labels.get(position)
    }

    /// Actors of a selection per value of `facet` (e.g. per Kreis for the
    /// map), ignoring the facet's own disjunction.
    pub fn matches_per_value(&self, selection: &Selection, facet: Facet) -> HashMap<String, usize> {
        self.facets
            .values(facet)
            .map(|(v, bits)| (v.clone(), selection.matches.count_and(bits)))
            .collect()
    }
}

/// The snapshot of one running instance, shared by its requests.
#[derive(Default)]
pub struct SnapshotCache {
    current: RwLock<Option<Arc<Snapshot>>>,
    /// One rebuild at a time; others wait for it and use its result.
    rebuilding: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for SnapshotCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SnapshotCache").finish_non_exhaustive()
    }
}

impl SnapshotCache {
    fn loaded(&self) -> Option<Arc<Snapshot>> {
        self.current.read().ok().and_then(|s| s.clone())
    }

    /// Drops the snapshot after a change made by this instance, so that the
    /// next request sees it at once (other instances notice it through the
    /// version within a couple of seconds).
    pub fn invalidate(&self) {
        if let Ok(mut slot) = self.current.write() {
            *slot = None;
        }
    }

    /// The current snapshot: one version query, and a rebuild only when the
    /// database changed.
    pub async fn get(&self, db: &DatabaseConnection) -> Result<Arc<Snapshot>, DbErr> {
        let version = crate::store::actors_version(db).await?;
        if let Some(s) = self.loaded()
            && s.version == version
        {
            return Ok(s);
        }
        let _guard = self.rebuilding.lock().await;
        if let Some(s) = self.loaded()
            && s.version == version
        {
            return Ok(s);
        }
        // Read the version before the rows: a change in between makes the
        // next request rebuild again rather than be missed.
        let version = crate::store::actors_version(db).await?;
        let built_at = dias_core::time::now();
        let rows = crate::store::facet_rows(db).await?;
        let snapshot = Arc::new(Snapshot::build(
            version,
            built_at,
            rows,
            crate::map::project,
        ));
        if let Ok(mut slot) = self.current.write() {
            *slot = Some(snapshot.clone());
        }
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use rand::rngs::StdRng;
    use rand::seq::SliceRandom;
    use rand::{Rng, SeedableRng};

    use super::*;

    fn row(id: i64, name: &str, category: &str, competences: &[&str], ags5: &str) -> Row {
        Row {
            id,
            slug: format!("a{id}"),
            name: name.into(),
            category: category.into(),
            competences: competences.iter().map(|s| s.to_string()).collect(),
            industries: Vec::new(),
            offers: Vec::new(),
            ags5: ags5.into(),
            size_class: "klein".into(),
            lat: 51.0,
            lon: 13.0,
            created_at: id,
            founding_year: None,
        }
    }

    fn flat(_lon: f64, _lat: f64) -> Projected {
        Projected { x: 0.0, y: 0.0 }
    }

    fn snapshot(rows: Vec<Row>) -> Snapshot {
        Snapshot::build(Version::default(), 0, rows, flat)
    }

    #[test]
    fn bits_count_iterate_and_respect_their_length() {
        let ones = Bits::ones(130);
        assert_eq!(ones.count(), 130);
        assert!(ones.contains(129) && !ones.contains(130));
        let mut b = Bits::zeros(130);
        for i in [0, 63, 64, 129, 500] {
            b.set(i);
        }
        assert_eq!(b.iter().collect::<Vec<_>>(), vec![0, 63, 64, 129]);
        assert_eq!(b.count_and(&ones), 4);
    }

    #[test]
    fn counts_are_disjunctive_within_a_facet_and_conjunctive_across() {
        let s = snapshot(vec![
            row(1, "Beta", "startup", &["nlp"], "14612"),
            row(2, "alpha", "startup", &["nlp", "robotik"], "14713"),
            row(3, "Ärzte-KI", "unternehmen", &["robotik"], "14612"),
            row(4, "Gamma", "hochschule", &["nlp"], "14612"),
        ]);
        let mut filter = Filter::default();
        filter.add(Facet::Competence, "nlp");
        filter.add(Facet::District, "14612");
        let sel = s.select(&filter, None);
        assert_eq!(sel.total, 2);
        // Name order, umlauts folded: Beta (1), Gamma (4).
        assert_eq!(s.page(&sel, Order::Name, 0, 10), vec![1, 4]);
        assert_eq!(s.page(&sel, Order::Newest, 0, 10), vec![4, 1]);
        // Choosing robotik as well would add actor 3 in 14612.
        assert_eq!(sel.count(Facet::Competence, "robotik"), 1);
        assert_eq!(sel.count(Facet::Competence, "nlp"), 2);
        // Other Kreise counted with the competence filter only.
        assert_eq!(sel.count(Facet::District, "14713"), 1);
        assert_eq!(sel.count(Facet::Category, "startup"), 1);
        assert_eq!(sel.count(Facet::Category, "unternehmen"), 0);
        let all = s.select(&Filter::default(), None);
        assert_eq!(s.page(&all, Order::Name, 0, 10), vec![2, 3, 1, 4]);
        assert_eq!(s.page(&all, Order::Name, 1, 2), vec![3, 1]);
    }

    #[test]
    fn a_search_restricts_the_selection_and_ranks_the_page() {
        let s = snapshot(vec![
            row(1, "A", "startup", &["nlp"], "14612"),
            row(2, "B", "startup", &["nlp"], "14612"),
            row(3, "C", "startup", &["robotik"], "14612"),
        ]);
        let hits = [3, 1, 99];
        let within = s.bits_of(&hits);
        let sel = s.select(&Filter::default(), Some(&within));
        assert_eq!(sel.total, 2);
        assert_eq!(s.page(&sel, Order::Ranked(&hits), 0, 10), vec![3, 1]);
        assert_eq!(sel.count(Facet::Competence, "nlp"), 1);
    }

    #[test]
    fn counts_equal_a_brute_force_count_for_random_filters() {
        let mut rng = StdRng::seed_from_u64(7);
        let cats = ["startup", "unternehmen", "hochschule"];
        let comps = ["nlp", "robotik", "edge-ki", "optimierung"];
        let kreise = ["14612", "14713", "14511"];
        let rows: Vec<Row> = (0..500)
            .map(|i| {
                let k = rng.gen_range(0..3);
                let mut c: Vec<&str> = comps.choose_multiple(&mut rng, k).copied().collect();
                c.sort_unstable();
                row(
                    i,
                    &format!("Akteur {}", rng.gen_range(0..1000)),
                    cats[rng.gen_range(0..3)],
                    &c,
                    kreise[rng.gen_range(0..3)],
                )
            })
            .collect();
        let s = snapshot(rows.clone());
        let matches = |r: &Row, f: &Filter, skip: Option<Facet>| {
            let ok = |facet: Facet, has: &dyn Fn(&str) -> bool| {
                Some(facet) == skip
                    || f.values(facet).is_empty()
                    || f.values(facet).iter().any(|v| has(v))
            };
            ok(Facet::Category, &|v| r.category == v)
                && ok(Facet::Competence, &|v| r.competences.iter().any(|c| c == v))
                && ok(Facet::District, &|v| r.ags5 == v)
        };
        for _ in 0..50 {
            let mut filter = Filter::default();
            let k = rng.gen_range(0..2);
            for v in cats.choose_multiple(&mut rng, k) {
                filter.add(Facet::Category, v);
            }
            let k = rng.gen_range(0..3);
            for v in comps.choose_multiple(&mut rng, k) {
                filter.add(Facet::Competence, v);
            }
            let k = rng.gen_range(0..2);
            for v in kreise.choose_multiple(&mut rng, k) {
                filter.add(Facet::District, v);
            }
            let sel = s.select(&filter, None);
            assert_eq!(
                sel.total,
                rows.iter().filter(|r| matches(r, &filter, None)).count()
            );
            for v in comps {
                let brute = rows
                    .iter()
                    .filter(|r| matches(r, &filter, Some(Facet::Competence)))
                    .filter(|r| r.competences.iter().any(|c| c == v))
                    .count();
                assert_eq!(sel.count(Facet::Competence, v), brute, "{filter:?} {v}");
            }
            for v in kreise {
                let brute = rows
                    .iter()
                    .filter(|r| matches(r, &filter, Some(Facet::District)))
                    .filter(|r| r.ags5 == v)
                    .count();
                assert_eq!(sel.count(Facet::District, v), brute, "{filter:?} {v}");
            }
        }
    }
}
