//! The offers in memory, with a bitset per facet value (ADR 0007, the
//! pattern of the KI-Netzwerk's directory).
//!
//! Every instance keeps all offers (the records, already parsed) and, per
//! value of each facet, the set of offers that carry it. A filter is an AND
//! across facets of ORs within a facet; the count shown beside a value is
//! the number of offers that would match with that value chosen in addition
//! (disjunctive faceting). "Nur offene Angebote" and a text search are
//! further masks. Result pages are rendered from the records in memory, so
//! a search page costs one query — the change counter — however many offers
//! exist, and the Förder-Check evaluates the same records.
//!
//! The snapshot is rebuilt when the `funding_offers` counter has moved or
//! the Berlin calendar day has changed (whether an offer is open and which
//! deadline is next depend on the day).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

pub use dias_core::bits::Bits;
use dias_core::facets::{Choice, FacetIndex, FacetKey};
use jiff::civil::Date;
use sea_orm::{DatabaseConnection, DbErr};

use crate::check::{Answers, Availability, Ranking};
use crate::offer::Offer;
use crate::store::StoredOffer;
use crate::vocab::{
    CompanySize, EligibleGroup, FunderLevel, FundingArea, FundingType, OfferType, Region, Term,
};

/// The facets of the search page, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Facet {
    /// Angebotsart.
    OfferType,
    /// Förderart.
    FundingType,
    /// Förderbereich (level 1; an offer filed under a theme counts for its
    /// area).
    Area,
    /// Förderberechtigte.
    Group,
    /// Unternehmensgröße.
    Size,
    /// Fördergebiet: `sachsen` (valid in all of Saxony) or a Kreis (AGS5).
    Region,
    /// Fördergeber-Ebene.
    Level,
}

/// Value of the region facet for offers valid in all of Saxony.
pub const SAXONY: &str = "sachsen";

impl Facet {
    pub const ALL: [Facet; 7] = [
        Facet::OfferType,
        Facet::FundingType,
        Facet::Area,
        Facet::Group,
        Facet::Size,
        Facet::Region,
        Facet::Level,
    ];

    /// The URL parameter (German, like every route).
    pub fn param(self) -> &'static str {
        match self {
            Facet::OfferType => "angebotsart",
            Facet::FundingType => "foerderart",
            Facet::Area => "bereich",
            Facet::Group => "berechtigte",
            Facet::Size => "groesse",
            Facet::Region => "gebiet",
            Facet::Level => "ebene",
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    /// Every value of the facet in display order: (value, German label or
    /// message id, whether the second part is a message id).
    pub fn values(self) -> Vec<(String, String, bool)> {
        fn terms<T: Term>(filter: impl Fn(&T) -> bool) -> Vec<(String, String, bool)> {
            T::ALL
                .iter()
                .filter(|t| filter(t))
                .map(|t| (t.slug().to_owned(), t.message_id().to_owned(), true))
                .collect()
        }
        match self {
            Facet::OfferType => terms::<OfferType>(|_| true),
            Facet::FundingType => terms::<FundingType>(|_| true),
            Facet::Area => terms::<FundingArea>(|a| a.parent().is_none()),
            Facet::Group => terms::<EligibleGroup>(|_| true),
            Facet::Size => terms::<CompanySize>(|_| true),
            Facet::Level => terms::<FunderLevel>(|_| true),
            Facet::Region => {
                let mut values = vec![(
                    SAXONY.to_owned(),
                    "funding-facet-region-saxony".to_owned(),
                    true,
                )];
                values.extend(
                    dias_core::reference::cached()
                        .districts
                        .iter()
                        .map(|d| (d.ags5.clone(), d.name.clone(), false)),
                );
                values
            }
        }
    }
}

/// The facet values an offer carries. Sizes: an offer for companies
/// without a size limit carries every size (it is open to each of them).
/// Regions: an offer for Saxony or wider carries `sachsen` and every Kreis;
/// one for Kreise or Gemeinden carries those Kreise.
pub fn facet_values(offer: &Offer) -> [Vec<&str>; 7] {
    let mut out: [Vec<&str>; 7] = Default::default();
    out[Facet::OfferType.index()].push(offer.offer_type.slug());
    out[Facet::FundingType.index()].extend(offer.funding_types.iter().map(|t| t.slug()));
    let mut areas: Vec<&str> = offer.areas.iter().map(|a| a.top().slug()).collect();
    areas.sort_unstable();
    areas.dedup();
    out[Facet::Area.index()] = areas;
    out[Facet::Group.index()].extend(offer.eligible_groups.iter().map(|g| g.slug()));
    if !offer.company_sizes.is_empty() {
        out[Facet::Size.index()].extend(offer.company_sizes.iter().map(|s| s.slug()));
    } else if offer.eligible_groups.iter().any(|g| g.has_size()) {
        out[Facet::Size.index()].extend(CompanySize::ALL.iter().map(|s| s.slug()));
    }
    let reference = dias_core::reference::cached();
    let regions = &mut out[Facet::Region.index()];
    if offer.regions.iter().any(Region::covers_saxony) {
        regions.push(SAXONY);
        regions.extend(reference.districts.iter().map(|d| d.ags5.as_str()));
    } else {
        for region in &offer.regions {
            if let Some(ags5) = region.district()
                && let Some(d) = reference.district(ags5)
                && !regions.contains(&d.ags5.as_str())
            {
                regions.push(d.ags5.as_str());
            }
        }
    }
    out[Facet::Level.index()].push(offer.funder_level.slug());
    out
}

/// Whether the search lists an offer under "nur offene Angebote": one can
/// apply now or at the next deadline (not announced, stopped or ended).
pub fn is_open(offer: &Offer, today: Date) -> bool {
    matches!(
        Availability::of(offer, today),
        Availability::Open | Availability::AwaitingDeadline
    )
}

/// Selected values per facet, and the open-only switch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filter {
    pub chosen: Choice<Facet, 7>,
    pub open_only: bool,
}

impl Default for Filter {
    fn default() -> Self {
        Filter {
            chosen: Choice::default(),
            open_only: true,
        }
    }
}

impl FacetKey for Facet {
    const KEYS: &'static [Facet] = &Facet::ALL;
    fn index(self) -> usize {
        self as usize
    }
    fn param(self) -> &'static str {
        Facet::param(self)
    }
}

/// The outcome of a filter: matching positions and counts per value.
pub type Selection = dias_core::facets::Selection<7>;

impl From<Facet> for usize {
    fn from(facet: Facet) -> usize {
        facet.index()
    }
}

/// The order of a result page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order<'a> {
    /// Next deadline first; offers without one after them, by title.
    Deadline,
    /// Most recently changed first.
    Updated,
    /// The given ids first-to-last (search relevance); others never match.
    Ranked(&'a [i64]),
}

fn title_key(title: &str) -> String {
    // Case- and umlaut-insensitive, so "Überbrückung" sorts near "Ubiquität".
    title
        .to_lowercase()
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

pub struct Snapshot {
    pub version: i64,
    /// The Berlin day it was built for.
    pub today: Date,
    /// Offers by position (title order).
    offers: Vec<Offer>,
    ids: Vec<i64>,
    updated_at: Vec<i64>,
    by_id: HashMap<i64, usize>,
    by_slug: HashMap<String, usize>,
    facets: FacetIndex<7>,
    open: Bits,
    by_deadline: Vec<usize>,
    by_updated: Vec<usize>,
    /// Förder-Check rankings by canonical answers: they depend only on the
    /// offers and the day, which this snapshot fixes.
    rankings: Mutex<lru::LruCache<String, Arc<Ranking>>>,
}

/// Rankings kept per snapshot (20,000 offers: 80 kB each).
const RANKINGS: usize = 64;

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("version", &self.version)
            .field("today", &self.today)
            .field("offers", &self.offers.len())
            .finish_non_exhaustive()
    }
}

impl Snapshot {
    pub fn build(version: i64, today: Date, mut rows: Vec<StoredOffer>) -> Snapshot {
        rows.sort_by_cached_key(|r| (title_key(&r.offer.title), r.id));
        let n = rows.len();
        let mut facets = FacetIndex::new(n);
        let mut open = Bits::zeros(n);
        for (pos, row) in rows.iter().enumerate() {
            for (facet, carried) in facet_values(&row.offer).iter().enumerate() {
                for value in carried {
                    facets.add(facet, value, pos);
                }
            }
            if is_open(&row.offer, today) {
                open.set(pos);
            }
        }
        let mut by_deadline: Vec<usize> = (0..n).collect();
        by_deadline.sort_by_key(|&p| {
            let next = rows[p].offer.next_deadline(today).map(|d| d.date);
            (next.is_none(), next, p)
        });
        let mut by_updated: Vec<usize> = (0..n).collect();
        by_updated.sort_by_key(|&p| (std::cmp::Reverse(rows[p].updated_at), p));
        Snapshot {
            version,
            today,
            ids: rows.iter().map(|r| r.id).collect(),
            updated_at: rows.iter().map(|r| r.updated_at).collect(),
            by_id: rows.iter().enumerate().map(|(p, r)| (r.id, p)).collect(),
            by_slug: rows
                .iter()
                .enumerate()
                .map(|(p, r)| (r.offer.slug.clone(), p))
                .collect(),
            offers: rows.into_iter().map(|r| r.offer).collect(),
            facets,
            open,
            by_deadline,
            by_updated,
            rankings: Mutex::new(lru::LruCache::new(
                std::num::NonZeroUsize::new(RANKINGS).unwrap_or(std::num::NonZeroUsize::MIN),
            )),
        }
    }

    pub fn len(&self) -> usize {
        self.offers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.offers.is_empty()
    }

    /// All offers (title order), e.g. for the Förder-Check.
    pub fn offers(&self) -> &[Offer] {
        &self.offers
    }

    pub fn offer(&self, position: usize) -> Option<&Offer> {
        self.offers.get(position)
    }

    /// The Förder-Check's ranking of all offers for these answers, made
    /// once per snapshot and answers.
    pub fn ranking(&self, answers: &Answers) -> Arc<Ranking> {
        let key = answers.to_query();
        if let Some(ranking) = self
            .rankings
            .lock()
            .ok()
            .and_then(|mut c| c.get(&key).cloned())
        {
            return ranking;
        }
        let ranking = Arc::new(crate::check::ranking(&self.offers, answers, self.today));
        if let Ok(mut cache) = self.rankings.lock() {
            cache.put(key, ranking.clone());
        }
        ranking
    }

    /// The row id of the offer at a position.
    pub fn id(&self, position: usize) -> Option<i64> {
        self.ids.get(position).copied()
    }

    pub fn by_slug(&self, slug: &str) -> Option<&Offer> {
        self.by_slug.get(slug).and_then(|&p| self.offers.get(p))
    }

    /// Unix seconds of the offer's last change.
    pub fn updated_at(&self, position: usize) -> Option<i64> {
        self.updated_at.get(position).copied()
    }

    /// The positions of these ids (ids not in the snapshot are skipped).
    pub fn bits_of(&self, ids: &[i64]) -> Bits {
        let mut bits = Bits::zeros(self.len());
        for id in ids {
            if let Some(&p) = self.by_id.get(id) {
                bits.set(p);
            }
        }
        bits
    }

    /// Applies a filter, optionally within a set (search hits).
    pub fn select(&self, filter: &Filter, within: Option<&Bits>) -> Selection {
        let mut base = within.cloned().unwrap_or_else(|| Bits::ones(self.len()));
        if filter.open_only {
            base.and_with(&self.open);
        }
        self.facets.select(&filter.chosen.selected, &base)
    }

    /// Positions of one page of a selection in the given order.
    pub fn page(
        &self,
        selection: &Selection,
        order: Order<'_>,
        offset: usize,
        limit: usize,
    ) -> Vec<usize> {
        let walk = |positions: &[usize]| -> Vec<usize> {
            positions
                .iter()
                .copied()
                .filter(|&p| selection.matches.contains(p))
                .skip(offset)
                .take(limit)
                .collect()
        };
        match order {
            Order::Deadline => walk(&self.by_deadline),
            Order::Updated => walk(&self.by_updated),
            Order::Ranked(ranked) => ranked
                .iter()
                .filter_map(|id| self.by_id.get(id).copied())
                .filter(|&p| selection.matches.contains(p))
                .skip(offset)
                .take(limit)
                .collect(),
        }
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
    fn loaded(&self, version: i64, today: Date) -> Option<Arc<Snapshot>> {
        self.current
            .read()
            .ok()
            .and_then(|s| s.clone())
            .filter(|s| s.version == version && s.today == today)
    }

    /// The current snapshot: one counter query, and a rebuild (one more
    /// query) only when the offers or the day changed.
    pub async fn get(&self, db: &DatabaseConnection) -> Result<Arc<Snapshot>, DbErr> {
        let today = crate::today();
        let version = crate::store::offers_version(db).await?;
        if let Some(s) = self.loaded(version, today) {
            return Ok(s);
        }
        let _guard = self.rebuilding.lock().await;
        if let Some(s) = self.loaded(version, today) {
            return Ok(s);
        }
        // Read again under the lock (a rebuild may have waited behind
        // another), and before the rows: a change in between makes the next
        // request rebuild again rather than be missed.
        let today = crate::today();
        let version = crate::store::offers_version(db).await?;
        if let Some(s) = self.loaded(version, today) {
            return Ok(s);
        }
        let rows = crate::store::all(db).await?;
        let snapshot = Arc::new(Snapshot::build(version, today, rows));
        if let Ok(mut slot) = self.current.write() {
            *slot = Some(snapshot.clone());
        }
        Ok(snapshot)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::catalogue;

    fn catalogue_snapshot() -> Snapshot {
        let offers = catalogue::load().unwrap().offers;
        let rows = offers
            .into_iter()
            .enumerate()
            .map(|(i, offer)| StoredOffer {
                id: i as i64 + 1,
                created_at: 0,
                updated_at: i as i64,
                offer,
            })
            .collect();
        Snapshot::build(1, date(2026, 11, 27), rows)
    }

    fn brute(s: &Snapshot, filter: &Filter, skip: Option<Facet>) -> Vec<usize> {
        (0..s.len())
            .filter(|&p| {
                let offer = s.offer(p).unwrap();
                let carried = facet_values(offer);
                (!filter.open_only || is_open(offer, s.today))
                    && Facet::ALL.iter().all(|&f| {
                        Some(f) == skip
                            || filter.chosen.values(f).is_empty()
                            || filter
                                .chosen
                                .values(f)
                                .iter()
                                .any(|v| carried[f.index()].contains(&v.as_str()))
                    })
            })
            .collect()
    }

    #[test]
    fn a_check_ranking_is_made_once_per_answers_and_equals_the_pure_one() {
        let s = catalogue_snapshot();
        let answers =
            crate::check::Answers::from_query("wer=unternehmen&kreis=14521&groesse=klein").unwrap();
        let first = s.ranking(&answers);
        assert_eq!(*first, crate::check::ranking(s.offers(), &answers, s.today));
        assert!(Arc::ptr_eq(&first, &s.ranking(&answers)));
        let other = crate::check::Answers::from_query("wer=kommune").unwrap();
        assert_ne!(*s.ranking(&other), *first);
        // The order is the one of the full check.
        let full = crate::check::check(s.offers(), &answers, s.today);
        let slugs: Vec<&str> = first
            .order
            .iter()
            .map(|&p| s.offers()[p as usize].slug.as_str())
            .collect();
        assert_eq!(slugs, full.iter().map(|e| e.slug).collect::<Vec<_>>());
    }

    #[test]
    fn counts_are_disjunctive_within_a_facet_and_conjunctive_across() {
        let s = catalogue_snapshot();
        let mut filters = Vec::new();
        let mut f = Filter::default();
        f.chosen.add(Facet::FundingType, "zuschuss");
        f.chosen.add(Facet::FundingType, "beratung");
        f.chosen.add(Facet::Group, "unternehmen");
        filters.push(f.clone());
        f.open_only = false;
        f.chosen.add(Facet::Region, "14521");
        filters.push(f);
        filters.push(Filter::default());
        for filter in filters {
            let sel = s.select(&filter, None);
            assert_eq!(sel.total, brute(&s, &filter, None).len(), "{filter:?}");
            for facet in Facet::ALL {
                for (value, _, _) in facet.values() {
                    let want = brute(&s, &filter, Some(facet))
                        .into_iter()
                        .filter(|&p| {
                            facet_values(s.offer(p).unwrap())[facet.index()]
                                .contains(&value.as_str())
                        })
                        .count();
                    assert_eq!(
                        sel.count(facet, &value),
                        want,
                        "{facet:?}={value} {filter:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn open_only_hides_ended_stopped_and_announced_offers() {
        let s = catalogue_snapshot();
        let open = s.select(&Filter::default(), None);
        let all = s.select(
            &Filter {
                open_only: false,
                ..Filter::default()
            },
            None,
        );
        assert_eq!(all.total, s.len());
        assert!(open.total < all.total);
        let go_digital = s.by_slug.get("go-digital").copied().unwrap();
        assert!(!open.matches.contains(go_digital));
        assert!(all.matches.contains(go_digital));
    }

    #[test]
    fn pages_follow_the_deadline_and_the_ranking() {
        let s = catalogue_snapshot();
        let sel = s.select(&Filter::default(), None);
        let page = s.page(&sel, Order::Deadline, 0, sel.total);
        let dates: Vec<Option<Date>> = page
            .iter()
            .map(|&p| s.offer(p).unwrap().next_deadline(s.today).map(|d| d.date))
            .collect();
        let with: Vec<_> = dates.iter().take_while(|d| d.is_some()).collect();
        assert!(with.windows(2).all(|w| w[0] <= w[1]));
        assert!(dates[with.len()..].iter().all(Option::is_none));
        let ranked = [5, 3, 999];
        let within = s.bits_of(&ranked);
        let sel = s.select(
            &Filter {
                open_only: false,
                ..Filter::default()
            },
            Some(&within),
        );
        let ids: Vec<i64> = s
            .page(&sel, Order::Ranked(&ranked), 0, 10)
            .into_iter()
            .map(|p| s.ids[p])
            .collect();
        assert_eq!(ids, vec![5, 3]);
    }

    #[test]
    fn a_kreis_counts_offers_for_all_of_saxony_and_its_own() {
        let s = catalogue_snapshot();
        let digi_z = s.by_slug("digi-z").unwrap();
        let carried = facet_values(digi_z);
        assert!(carried[Facet::Region.index()].contains(&"14521"));
        assert!(carried[Facet::Region.index()].contains(&SAXONY));
        assert_eq!(
            carried[Facet::Size.index()],
            vec!["kleinst", "klein", "mittel"]
        );
    }
}
