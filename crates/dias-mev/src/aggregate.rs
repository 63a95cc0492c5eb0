//! Aggregates per municipality (Gemeinde, AGS-8), per district (Kreis,
//! AGS-5) and for the whole project: addresses, households and businesses
//! per status, per technology of the best current offer and per
//! Breitbandatlas bandwidth class.
//!
//! **Zero rows are included**: every municipality that has at least one
//! address gets all three statuses in [`Aggregates::status_rows`], so the
//! table `ags8,status,addresses,households,businesses` always has exactly
//! three rows per municipality — easy to diff, to chart and to compare with
//! another engine's result.

use rayon::prelude::*;

use crate::evaluate::{AddressOutcome, Evaluation, Status};
use crate::input::{Addresses, Responses, Technology};

/// Breitbandatlas bandwidth classes (Mbit/s download); the classes are
/// cumulative ("≥ 50" includes every address with ≥ 100).
pub const BANDWIDTH_CLASSES_MBPS: [f32; 7] = [16.0, 30.0, 50.0, 100.0, 200.0, 400.0, 1000.0];

/// Number of technology columns: [`Technology::ALL`] plus "keine" (no
/// current fixed offer) at the end.
pub const TECHNOLOGY_COLUMNS: usize = Technology::ALL.len() + 1;

/// Counted units.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub addresses: u64,
    pub households: u64,
    pub businesses: u64,
}

impl Counts {
    fn add(&mut self, other: &Counts) {
        self.addresses += other.addresses;
        self.households += other.households;
        self.businesses += other.businesses;
    }
}

/// The figures of one area (municipality, district or project).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Figures {
    /// Indexed by [`Status::index`].
    pub by_status: [Counts; 3],
    /// Technology of the best current fixed offer, indexed by
    /// [`Technology::index`]; the last column counts addresses without one.
    pub by_technology: [Counts; TECHNOLOGY_COLUMNS],
    /// Addresses whose best current fixed download is ≥ the class
    /// threshold of [`BANDWIDTH_CLASSES_MBPS`] (same index).
    pub by_class: [Counts; BANDWIDTH_CLASSES_MBPS.len()],
}

impl Figures {
    fn add(&mut self, other: &Figures) {
        for (a, b) in self.by_status.iter_mut().zip(&other.by_status) {
            a.add(b);
        }
        for (a, b) in self.by_technology.iter_mut().zip(&other.by_technology) {
            a.add(b);
        }
        for (a, b) in self.by_class.iter_mut().zip(&other.by_class) {
            a.add(b);
        }
    }

    /// All addresses of the area.
    pub fn total(&self) -> Counts {
        let mut t = Counts::default();
        for c in &self.by_status {
            t.add(c);
        }
        t
    }

    /// Share of förderfähig addresses (Nachholbedarf), 0 for an empty area.
    pub fn eligible_share(&self) -> f64 {
        let total = self.total().addresses;
        if total == 0 {
            0.0
        } else {
            self.by_status[Status::Eligible.index()].addresses as f64 / total as f64
        }
    }
}

/// Figures per municipality, sorted by AGS-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Aggregates {
    pub municipalities: Vec<(u32, Figures)>,
}

impl Aggregates {
    /// One row per municipality and status, zero rows included, ordered by
    /// AGS-8 and then versorgt, eigenwirtschaftlich_geplant, foerderfaehig.
    pub fn status_rows(&self) -> impl Iterator<Item = (u32, Status, Counts)> + '_ {
        self.municipalities.iter().flat_map(|(ags8, f)| {
            Status::ALL
                .into_iter()
                .map(move |s| (*ags8, s, f.by_status[s.index()]))
        })
    }

    /// Figures per district (Kreis), keyed by AGS-5, sorted.
    pub fn districts(&self) -> Vec<(u32, Figures)> {
        let mut out: Vec<(u32, Figures)> = Vec::new();
        // Municipalities are sorted by AGS-8, so a district's are adjacent.
        for (ags8, f) in &self.municipalities {
            let ags5 = ags8 / 1000;
            match out.last_mut() {
                Some((k, sum)) if *k == ags5 => sum.add(f),
                _ => out.push((ags5, *f)),
            }
        }
        out
    }

    /// Figures of the whole project area.
    pub fn project(&self) -> Figures {
        let mut sum = Figures::default();
        for (_, f) in &self.municipalities {
            sum.add(f);
        }
        sum
    }
}

/// Addresses per parallel task for the aggregation.
const CHUNK: usize = 64 * 1024;

/// The municipalities (AGS-8) that have addresses, sorted.
pub(crate) fn municipality_codes(addresses: &Addresses) -> Vec<u32> {
    let mut codes: Vec<u32> = addresses.ags8.clone();
    codes.par_sort_unstable();
    codes.dedup();
    codes
}

/// Counts address `a` with its outcome into `figures` (indexed like
/// `codes`, from [`municipality_codes`]). `last` is the municipality of
/// the previous call: files list a municipality's addresses together, so
/// it usually saves the search.
pub(crate) fn count_address(
    figures: &mut [Figures],
    codes: &[u32],
    last: &mut usize,
    addresses: &Addresses,
    responses: &Responses,
    a: usize,
    outcome: &AddressOutcome,
) {
    let code = addresses.ags8[a];
    if codes.get(*last) != Some(&code) {
        // Every address's code is in `codes` by construction.
        let Ok(m) = codes.binary_search(&code) else {
            return;
        };
        *last = m;
    }
    let m = *last;
    let unit = Counts {
        addresses: 1,
        households: u64::from(addresses.households[a]),
        businesses: u64::from(addresses.businesses[a]),
    };
    let f = &mut figures[m];
    f.by_status[outcome.status.index()].add(&unit);
    let column = outcome.current.map_or(TECHNOLOGY_COLUMNS - 1, |o| {
        responses.technology[o.row as usize].index()
    });
    f.by_technology[column].add(&unit);
    if let Some(o) = outcome.current {
        for (class, &threshold) in BANDWIDTH_CLASSES_MBPS.iter().enumerate() {
            if o.down >= threshold {
                f.by_class[class].add(&unit);
            }
        }
    }
}

/// Adds `b` to `a` municipality by municipality (same `codes`).
pub(crate) fn add_figures(a: &mut [Figures], b: &[Figures]) {
    for (x, y) in a.iter_mut().zip(b) {
        x.add(y);
    }
}

/// Sums the evaluation per municipality.
pub fn aggregate(
    addresses: &Addresses,
    responses: &Responses,
    evaluation: &Evaluation,
) -> Aggregates {
    let codes = municipality_codes(addresses);
    let n = addresses.len().min(evaluation.outcomes.len());
    let sums = (0..n.div_ceil(CHUNK))
        .into_par_iter()
        .map(|chunk| {
            let mut local = vec![Figures::default(); codes.len()];
            let mut last = 0;
            for a in chunk * CHUNK..((chunk + 1) * CHUNK).min(n) {
                let outcome = &evaluation.outcomes[a];
                count_address(
                    &mut local, &codes, &mut last, addresses, responses, a, outcome,
                );
            }
            local
        })
        .reduce(
            || vec![Figures::default(); codes.len()],
            |mut a, b| {
                add_figures(&mut a, &b);
                a
            },
        );
    Aggregates {
        municipalities: codes.into_iter().zip(sums).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::{Survey, evaluate};
    use crate::input::{read_addresses, read_responses};
    use crate::rules::RuleSets;

    fn aggregates() -> (Aggregates, Figures) {
        let (a, rej) = read_addresses(
            "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n\
             A1,14612000,S,1,01067,Dresden,,,privat,2,0\n\
             A2,14612000,S,2,01067,Dresden,,,gewerblich,0,3\n\
             A3,14612000,S,3,01067,Dresden,,,privat,1,0\n\
             B1,14522080,S,1,09599,Freiberg,,,privat,4,1\n\
             C1,14713000,S,1,04109,Leipzig,,,privat,1,0\n"
                .as_bytes(),
        )
        .unwrap();
        assert!(rej.is_empty());
        let (r, rej) = read_responses(
            "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
             A1,T,FTTH,1000,500,current,,\n\
             A2,T,VDSL,100,40,current,,\n\
             A2,T,FTTH,1000,500,planned,2027-01-01,yes\n\
             A3,T,ADSL,16,1,current,,\n\
             B1,K,HFC,400,50,current,,\n"
                .as_bytes(),
            &a,
            jiff::civil::date(2026, 1, 1),
        )
        .unwrap();
        assert!(rej.is_empty());
        let sets = RuleSets::built_in().unwrap();
        let survey = Survey {
            rule_set: sets.get("gigabit-2.0").unwrap(),
            start: jiff::civil::date(2026, 1, 1),
            horizon_years: 3,
        };
        let e = evaluate(&a, &r, &survey).unwrap();
        let agg = aggregate(&a, &r, &e);
        let project = agg.project();
        (agg, project)
    }

    #[test]
    fn writes_three_status_rows_per_municipality_including_zero_rows() {
        let (agg, _) = aggregates();
        let rows: Vec<(u32, &str, u64, u64, u64)> = agg
            .status_rows()
            .map(|(g, s, c)| (g, s.as_str(), c.addresses, c.households, c.businesses))
            .collect();
        assert_eq!(
            rows,
            [
                (14_522_080, "versorgt", 0, 0, 0),
                (14_522_080, "eigenwirtschaftlich_geplant", 0, 0, 0),
                (14_522_080, "foerderfaehig", 1, 4, 1),
                (14_612_000, "versorgt", 1, 2, 0),
                (14_612_000, "eigenwirtschaftlich_geplant", 1, 0, 3),
                (14_612_000, "foerderfaehig", 1, 1, 0),
                (14_713_000, "versorgt", 0, 0, 0),
                (14_713_000, "eigenwirtschaftlich_geplant", 0, 0, 0),
                (14_713_000, "foerderfaehig", 1, 1, 0),
            ]
        );
    }

    #[test]
    fn counts_technology_and_cumulative_bandwidth_classes_of_the_current_best() {
        let (_, p) = aggregates();
        let tech = |t: Technology| p.by_technology[t.index()].addresses;
        assert_eq!(tech(Technology::Ftth), 1);
        assert_eq!(tech(Technology::Vdsl), 1);
        assert_eq!(tech(Technology::Adsl), 1);
        assert_eq!(tech(Technology::Hfc), 1);
        assert_eq!(p.by_technology[TECHNOLOGY_COLUMNS - 1].addresses, 1);
        let classes: Vec<u64> = p.by_class.iter().map(|c| c.addresses).collect();
        // ≥16: 16, 100, 400, 1000; ≥30..≥100: three; ≥200, ≥400: two; ≥1000: one.
        assert_eq!(classes, [4, 3, 3, 3, 2, 2, 1]);
        assert_eq!(p.total().households, 8);
        assert!((p.eligible_share() - 0.6).abs() < 1e-9);
    }

    #[test]
    fn sums_districts_by_ags5() {
        let (agg, _) = aggregates();
        let d: Vec<(u32, u64)> = agg
            .districts()
            .into_iter()
            .map(|(k, f)| (k, f.total().addresses))
            .collect();
        assert_eq!(d, [(14_522, 1), (14_612, 3), (14_713, 1)]);
    }
}
