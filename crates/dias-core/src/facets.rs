//! Faceted filtering over an in-memory snapshot (ADR 0007): for every facet
//! value the positions that carry it, as a [`Bits`]. A filter is the AND of
//! the facets in which something is chosen, each the OR of its chosen
//! values; the count shown beside a value is what the result would be with
//! that value chosen too — so a facet's counts ignore the facet's own
//! choice (disjunctive within, conjunctive across). The KI-Netzwerk
//! directory and the Förderlotse search both answer from one of these.

use std::collections::HashMap;
use std::marker::PhantomData;

use crate::bits::Bits;

/// A module's facet: its place in `0..N` and its URL parameter.
pub trait FacetKey: Copy + 'static {
    /// Every facet, in index (and URL) order.
    const KEYS: &'static [Self];
    fn index(self) -> usize;
    fn param(self) -> &'static str;
}

/// The values chosen per facet, as the URL carries them (empty: no
/// restriction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice<F, const N: usize> {
    pub selected: [Vec<String>; N],
    facet: PhantomData<F>,
}

impl<F, const N: usize> Default for Choice<F, N> {
    fn default() -> Self {
        Choice {
            selected: std::array::from_fn(|_| Vec::new()),
            facet: PhantomData,
        }
    }
}

impl<F: FacetKey, const N: usize> Choice<F, N> {
    pub fn values(&self, facet: F) -> &[String] {
        self.selected
            .get(facet.index())
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    pub fn is_selected(&self, facet: F, value: &str) -> bool {
        self.values(facet).iter().any(|v| v == value)
    }

    /// Chooses a value (once).
    pub fn add(&mut self, facet: F, value: &str) {
        if !self.is_selected(facet, value)
            && let Some(values) = self.selected.get_mut(facet.index())
        {
            values.push(value.to_owned());
        }
    }

    pub fn is_empty(&self) -> bool {
        self.selected.iter().all(Vec::is_empty)
    }

    /// The URL pairs, in facet order.
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        F::KEYS
            .iter()
            .flat_map(|f| self.values(*f).iter().map(|v| (f.param(), v.as_str())))
            .collect()
    }
}

/// `N` facets, addressed by index (each module maps its facet enum onto
/// `0..N`).
#[derive(Debug, Clone)]
pub struct FacetIndex<const N: usize> {
    len: usize,
    values: [HashMap<String, Bits>; N],
}

/// The outcome of a filter: matching positions and, per facet, the count
/// per value.
#[derive(Debug, Clone)]
pub struct Selection<const N: usize> {
    pub matches: Bits,
    pub total: usize,
    counts: [HashMap<String, usize>; N],
}

impl<const N: usize> Selection<N> {
    pub fn count(&self, facet: impl Into<usize>, value: &str) -> usize {
        self.counts
            .get(facet.into())
            .and_then(|c| c.get(value))
            .copied()
            .unwrap_or(0)
    }
}

impl<const N: usize> FacetIndex<N> {
    /// An index over `len` positions with no values yet.
    pub fn new(len: usize) -> Self {
        FacetIndex {
            len,
            values: std::array::from_fn(|_| HashMap::new()),
        }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Records that the item at `position` carries `value` in `facet`.
    pub fn add(&mut self, facet: impl Into<usize>, value: &str, position: usize) {
        let len = self.len;
        if let Some(values) = self.values.get_mut(facet.into()) {
            values
                .entry(value.to_owned())
                .or_insert_with(|| Bits::zeros(len))
                .set(position);
        }
    }

    /// The positions carrying each value of a facet.
    pub fn values(&self, facet: impl Into<usize>) -> impl Iterator<Item = (&String, &Bits)> {
        self.values.get(facet.into()).into_iter().flatten()
    }

    /// Positions with any of `chosen` in `facet`.
    fn mask(&self, facet: usize, chosen: &[String]) -> Bits {
        let mut mask = Bits::zeros(self.len);
        for value in chosen {
            if let Some(bits) = self.values[facet].get(value) {
                mask.or_with(bits);
            }
        }
        mask
    }

    /// Applies the values chosen per facet (empty: no restriction) within
    /// `base` — the positions that qualify at all (e.g. search hits, only
    /// open offers; all positions when nothing else restricts).
    pub fn select(&self, chosen: &[Vec<String>; N], base: &Bits) -> Selection<N> {
        let masks: Vec<Option<Bits>> = chosen
            .iter()
            .enumerate()
            .map(|(facet, values)| (!values.is_empty()).then(|| self.mask(facet, values)))
            .collect();
        let restricted = |except: Option<usize>| {
            let mut bits = base.clone();
            for (facet, mask) in masks.iter().enumerate() {
                if Some(facet) != except
                    && let Some(mask) = mask
                {
                    bits.and_with(mask);
                }
            }
            bits
        };
        let matches = restricted(None);
        let counts = std::array::from_fn(|facet| {
            // Without a choice in this facet, its base is the result itself.
            let other = if masks[facet].is_some() {
                restricted(Some(facet))
            } else {
                matches.clone()
            };
            self.values[facet]
                .iter()
                .map(|(value, bits)| (value.clone(), other.count_and(bits)))
                .collect()
        });
        Selection {
            total: matches.count(),
            matches,
            counts,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items: (colour, shape).
    fn index(items: &[(&str, &str)]) -> FacetIndex<2> {
        let mut index = FacetIndex::new(items.len());
        for (position, (colour, shape)) in items.iter().enumerate() {
            index.add(0usize, colour, position);
            index.add(1usize, shape, position);
        }
        index
    }

    fn chosen(colours: &[&str], shapes: &[&str]) -> [Vec<String>; 2] {
        [
            colours.iter().map(|s| s.to_string()).collect(),
            shapes.iter().map(|s| s.to_string()).collect(),
        ]
    }

    const ITEMS: [(&str, &str); 5] = [
        ("rot", "rund"),
        ("rot", "eckig"),
        ("blau", "rund"),
        ("gruen", "rund"),
        ("blau", "eckig"),
    ];

    #[test]
    fn counts_match_a_brute_force_count_for_every_choice() {
        let index = index(&ITEMS);
        let all = Bits::ones(ITEMS.len());
        let colours = ["rot", "blau", "gruen"];
        let shapes = ["rund", "eckig"];
        // Every subset of colours × every subset of shapes.
        for cmask in 0..8u8 {
            for smask in 0..4u8 {
                let cs: Vec<&str> = (0..3)
                    .filter(|i| cmask & (1 << i) != 0)
                    .map(|i| colours[i])
                    .collect();
                let ss: Vec<&str> = (0..2)
                    .filter(|i| smask & (1 << i) != 0)
                    .map(|i| shapes[i])
                    .collect();
                let selection = index.select(&chosen(&cs, &ss), &all);
                let fits = |c: &str, s: &str, cs: &[&str], ss: &[&str]| {
                    (cs.is_empty() || cs.contains(&c)) && (ss.is_empty() || ss.contains(&s))
                };
                let total = ITEMS.iter().filter(|(c, s)| fits(c, s, &cs, &ss)).count();
                assert_eq!(selection.total, total, "{cs:?} {ss:?}");
                for colour in colours {
                    let want = ITEMS
                        .iter()
                        .filter(|(c, s)| *c == colour && fits(c, s, &[], &ss))
                        .count();
                    assert_eq!(
                        selection.count(0usize, colour),
                        want,
                        "{cs:?} {ss:?} {colour}"
                    );
                }
                for shape in shapes {
                    let want = ITEMS
                        .iter()
                        .filter(|(c, s)| *s == shape && fits(c, s, &cs, &[]))
                        .count();
                    assert_eq!(
                        selection.count(1usize, shape),
                        want,
                        "{cs:?} {ss:?} {shape}"
                    );
                }
            }
        }
    }

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum Shape {
        Colour,
        Form,
    }

    impl FacetKey for Shape {
        const KEYS: &'static [Shape] = &[Shape::Colour, Shape::Form];
        fn index(self) -> usize {
            self as usize
        }
        fn param(self) -> &'static str {
            match self {
                Shape::Colour => "farbe",
                Shape::Form => "form",
            }
        }
    }

    #[test]
    fn a_choice_keeps_each_value_once_and_reads_back_as_url_pairs() {
        let mut choice: Choice<Shape, 2> = Choice::default();
        assert!(choice.is_empty());
        choice.add(Shape::Form, "rund");
        choice.add(Shape::Colour, "rot");
        choice.add(Shape::Colour, "rot");
        choice.add(Shape::Colour, "blau");
        assert_eq!(choice.values(Shape::Colour), ["rot", "blau"]);
        assert!(choice.is_selected(Shape::Form, "rund"));
        assert!(!choice.is_selected(Shape::Form, "eckig"));
        assert_eq!(
            choice.pairs(),
            vec![("farbe", "rot"), ("farbe", "blau"), ("form", "rund")]
        );
        let selection = index(&ITEMS).select(&choice.selected, &Bits::ones(ITEMS.len()));
        assert_eq!(selection.total, 2);
    }

    #[test]
    fn the_base_restricts_results_and_counts() {
        let index = index(&ITEMS);
        let mut base = Bits::zeros(ITEMS.len());
        base.set(0);
        base.set(2);
        let selection = index.select(&chosen(&[], &["rund"]), &base);
        assert_eq!(selection.total, 2);
        assert_eq!(selection.count(0usize, "rot"), 1);
        assert_eq!(selection.count(0usize, "gruen"), 0);
        assert_eq!(selection.count(1usize, "eckig"), 0);
        // Unknown values and facets count nothing and restrict to nothing.
        assert_eq!(selection.count(7usize, "rund"), 0);
        let none = index.select(&chosen(&["lila"], &[]), &base);
        assert_eq!(none.total, 0);
    }
}
