//! Synthetic market-survey inputs (synthetische Testdaten) for demos and
//! benchmarks: addresses and operator responses in the CSV formats of the
//! engine, for any number of addresses, from a seed.
//!
//! **Everything this module writes is invented.** Address ids start with
//! `SYN`, operators are called `Syn-…`, streets are common German street
//! names placed at random around the municipality's centre; only the
//! municipalities (AGS8, name, postcode, centre, area, population) are
//! real, read from the shipped reference data
//! (`data/sachsen-municipalities.csv`, Destatis GV 2019 / Zensus 2022).
//!
//! # Shape of the data
//! * Addresses are apportioned to municipalities in proportion to
//!   `population / 2 / expected households per address` (largest
//!   remainder, exact total), so that households ≈ population / 2 at the
//!   natural size ([`natural_address_count`], about one million for
//!   Saxony) and scale proportionally at any other size. Households per
//!   address follow the municipality's degree of urbanisation (DEGURBA):
//!   blocks of flats in cities, single houses in the countryside.
//! * Usage: 88 % `privat`, 10 % `gewerblich`, 2 % `sozioökonomisch`.
//! * 1–4 responses per address from six invented operators in real
//!   product tiers: copper (VDSL 50/10, 100/40, 250/40; ADSL 8/1, 16/1),
//!   cable (HFC 250/25, 500/50, 1000/50), fibre (FTTH/FTTB 100/40 …
//!   1000/500, including the boundary tiers 500/100 and 200/200), radio
//!   relay (`OTHER`), mobile (5G, LTE) and satellite. Planned fibre and
//!   cable upgrades come with and without milestone plan, dated inside the
//!   horizon (including exactly its last day) and beyond it.
//! * No invalid rows: every address id is unique, every response refers
//!   to a generated address, no two responses of an address share
//!   (operator, technology, kind), `0 < up ≤ down ≤ 1,000` Mbit/s, planned
//!   dates lie between 30 days after the survey start and two years beyond
//!   the horizon. The
//!   benchmark compares the engine with DuckDB on exactly these files, so
//!   the result must not depend on how each side treats bad rows.
//!
//! # Determinism and memory
//! One SplitMix64 stream (written out here, like `dias-opinion`'s, so a
//! dependency update cannot change it) drives everything in a fixed order:
//! the same municipalities, [`SyntheticConfig`] and seed give the same
//! bytes. Rows are written as they are generated through a reused line
//! buffer; memory does not grow with the number of addresses.

use std::io::{self, Read, Write};

use jiff::ToSpan;
use jiff::civil::Date;

/// Printed into every output directory and help text.
pub const SYNTHETIC_LABEL: &str = "SYNTHETISCHE TESTDATEN — synthetic test data: addresses, \
     operators and offers are invented (ids SYN…, operators Syn-…); only the municipalities \
     (AGS8, name, postcode, centre, population) are real reference data.";

/// Header of the addresses file.
pub const ADDRESSES_HEADER: &str =
    "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses";
/// Header of the responses file.
pub const RESPONSES_HEADER: &str =
    "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan";

/// One municipality as the generator needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct MunicipalitySeed {
    /// Amtlicher Gemeindeschlüssel, 8 digits.
    pub ags8: String,
    /// Short name, used as `place`.
    pub place: String,
    /// Postcode of the municipality's administration.
    pub postcode: String,
    /// Centre, WGS84.
    pub lat: f64,
    /// Centre, WGS84.
    pub lon: f64,
    /// Area in km², spreads the addresses around the centre.
    pub area_km2: f64,
    /// Inhabitants.
    pub population: u64,
    /// Degree of urbanisation: 1 dense, 2 intermediate, 3 thinly populated.
    pub degurba: u8,
}

/// What can go wrong reading the municipalities.
#[derive(Debug, thiserror::Error)]
pub enum SyntheticError {
    /// The file is not readable CSV.
    #[error("municipality file: {0}")]
    Csv(#[from] csv::Error),
    /// A required column is missing.
    #[error("municipality file: no column {0}")]
    MissingColumn(&'static str),
    /// A row has a value the generator cannot use.
    #[error("municipality file line {line}: {reason}")]
    Invalid {
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// No municipality with a population.
    #[error("municipality file has no municipality with inhabitants")]
    Empty,
}

/// Reads municipalities from CSV with (at least) the columns `ags8`,
/// `name_short`, `postcode`, `lat`, `lon`, `area_km2`,
/// `population_zensus2022` and `degurba` — the shipped
/// `data/sachsen-municipalities.csv`. Sorted by AGS8.
pub fn read_municipalities<R: Read>(reader: R) -> Result<Vec<MunicipalitySeed>, SyntheticError> {
    let mut csv = csv::Reader::from_reader(reader);
    let headers = csv.headers()?.clone();
    let col = |name: &'static str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or(SyntheticError::MissingColumn(name))
    };
    let (ags8, place, postcode) = (col("ags8")?, col("name_short")?, col("postcode")?);
    let (lat, lon, area) = (col("lat")?, col("lon")?, col("area_km2")?);
    let (population, degurba) = (col("population_zensus2022")?, col("degurba")?);
    let mut out = Vec::new();
    for record in csv.records() {
        let record = record?;
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let invalid = |reason: String| SyntheticError::Invalid { line, reason };
        let number = |i: usize| {
            field(i)
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| invalid(format!("not a number: {:?}", field(i))))
        };
        let seed = MunicipalitySeed {
            ags8: field(ags8).to_owned(),
            place: field(place).to_owned(),
            postcode: field(postcode).to_owned(),
            lat: number(lat)?,
            lon: number(lon)?,
            area_km2: number(area)?.max(0.0),
            population: field(population)
                .parse()
                .map_err(|_| invalid(format!("population {:?}", field(population))))?,
            degurba: match field(degurba) {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                other => return Err(invalid(format!("degurba {other:?}"))),
            },
        };
        if seed.ags8.len() != 8 || !seed.ags8.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid(format!("AGS8 {:?}", seed.ags8)));
        }
        if seed.place.is_empty() || seed.place.contains(['\n', '\r']) {
            return Err(invalid(format!("name {:?}", seed.place)));
        }
        out.push(seed);
    }
    if out.iter().all(|m| m.population == 0) {
        return Err(SyntheticError::Empty);
    }
    out.sort_by(|a, b| a.ags8.cmp(&b.ags8));
    Ok(out)
}

/// What to generate.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntheticConfig {
    /// Number of addresses.
    pub addresses: u64,
    /// Seed of the random stream.
    pub seed: u64,
    /// Survey start; planned dates are placed relative to it.
    pub survey_start: Date,
    /// Horizon of planned offers in years (3 in the guidelines).
    pub horizon_years: i16,
}

impl SyntheticConfig {
    /// `addresses` from `seed`, survey start 2026-01-15, horizon 3 years.
    pub fn new(addresses: u64, seed: u64) -> Self {
        Self {
            addresses,
            seed,
            survey_start: jiff::civil::date(2026, 1, 15),
            horizon_years: 3,
        }
    }
}

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SyntheticSummary {
    /// Address rows.
    pub addresses: u64,
    /// Response rows.
    pub responses: u64,
    /// Sum of `households`.
    pub households: u64,
    /// Sum of `businesses`.
    pub businesses: u64,
    /// Responses with `kind = planned`.
    pub planned: u64,
    /// Municipalities with at least one address.
    pub municipalities: u64,
}

/// The number of addresses at which the generated households match
/// population / 2 (about one million for Saxony).
pub fn natural_address_count(municipalities: &[MunicipalitySeed]) -> u64 {
    municipalities.iter().map(natural_weight).sum::<u64>() / 1000
}

/// Writes `config.addresses` addresses (with header) to `addresses` and
/// their 1–4 responses each (with header) to `responses`. Both writers are
/// written line by line; wrap files in a `BufWriter`.
pub fn generate<A: Write, W: Write>(
    municipalities: &[MunicipalitySeed],
    config: &SyntheticConfig,
    mut addresses: A,
    mut responses: W,
) -> io::Result<SyntheticSummary> {
    let counts = apportion(municipalities, config.addresses);
    let horizon_end = config
        .survey_start
        .checked_add(i64::from(config.horizon_years).years())
        .map_err(io::Error::other)?;
    let first = day_number(config.survey_start) + 30;
    let dates = PlanDates {
        first,
        horizon_end: day_number(horizon_end).max(first + 1),
    };
    let width = config.addresses.to_string().len().max(8);

    let mut rng = SplitMix64::new(config.seed);
    let mut summary = SyntheticSummary::default();
    let mut a_line = Vec::with_capacity(256);
    let mut r_buf = Vec::with_capacity(1024);
    let mut offers = Vec::with_capacity(12);
    addresses.write_all(ADDRESSES_HEADER.as_bytes())?;
    addresses.write_all(b"\n")?;
    responses.write_all(RESPONSES_HEADER.as_bytes())?;
    responses.write_all(b"\n")?;

    for (m, &count) in municipalities.iter().zip(&counts) {
        if count == 0 {
            continue;
        }
        summary.municipalities += 1;
        let place = csv_field(&m.place);
        let postcode = csv_field(&m.postcode);
        // Half side of the square the addresses fall in, in degrees.
        let half_km = (m.area_km2 / std::f64::consts::PI).sqrt().max(0.3) * 0.8;
        let half_lat = half_km / 111.2;
        let half_lon = half_km / (111.2 * m.lat.to_radians().cos().max(0.1));
        let profile = Profile::of(m.degurba);
        for _ in 0..count {
            summary.addresses += 1;
            let id_number = summary.addresses;

            // The address.
            a_line.clear();
            push_id(&mut a_line, id_number, width);
            let id_len = a_line.len();
            a_line.push(b',');
            a_line.extend_from_slice(m.ags8.as_bytes());
            a_line.push(b',');
            a_line.extend_from_slice(pick(&mut rng, STREETS).as_bytes());
            a_line.push(b',');
            push_u64(&mut a_line, 1 + rng.below(120));
            if rng.below(100) < 8 {
                a_line.push(if rng.below(2) == 0 { b'a' } else { b'b' });
            }
            a_line.push(b',');
            a_line.extend_from_slice(postcode.as_bytes());
            a_line.push(b',');
            a_line.extend_from_slice(place.as_bytes());
            a_line.push(b',');
            push_fixed5(&mut a_line, m.lat + half_lat * (2.0 * rng.next_f64() - 1.0));
            a_line.push(b',');
            push_fixed5(&mut a_line, m.lon + half_lon * (2.0 * rng.next_f64() - 1.0));
            let (usage, households, businesses) = profile.occupancy(&mut rng);
            a_line.push(b',');
            a_line.extend_from_slice(usage.as_bytes());
            a_line.push(b',');
            push_u64(&mut a_line, households);
            a_line.push(b',');
            push_u64(&mut a_line, businesses);
            a_line.push(b'\n');
            addresses.write_all(&a_line)?;
            summary.households += households;
            summary.businesses += businesses;

            // Its responses.
            profile.offers(&mut rng, &dates, &mut offers);
            for offer in &offers {
                r_buf.extend_from_slice(&a_line[..id_len]);
                offer.write(&mut r_buf);
                summary.responses += 1;
                summary.planned += u64::from(offer.planned.is_some());
            }
            if r_buf.len() >= 64 * 1024 {
                responses.write_all(&r_buf)?;
                r_buf.clear();
            }
        }
    }
    responses.write_all(&r_buf)?;
    addresses.flush()?;
    responses.flush()?;
    Ok(summary)
}

/// Invented operators. Each offers one technology per kind at an address.
const COPPER: &str = "Syn-Telekom";
const CABLE: &str = "Syn-Kabel";
const FIBRE: &str = "Syn-Glasfaser";
const CITY: &str = "Syn-Stadtwerke";
const RADIO: &str = "Syn-Richtfunk";
const MOBILE: &str = "Syn-Mobilfunk";
const SATELLITE: &str = "Syn-Satellit";

/// Common German street names (no commas or quotes).
const STREETS: &[&str] = &[
    "Hauptstraße",
    "Schulstraße",
    "Bahnhofstraße",
    "Dorfstraße",
    "Gartenstraße",
    "Kirchstraße",
    "Lindenstraße",
    "Bergstraße",
    "Ringstraße",
    "Waldstraße",
    "Dresdner Straße",
    "Leipziger Straße",
    "Chemnitzer Straße",
    "Am Markt",
    "Mühlweg",
    "Wiesenweg",
    "Feldstraße",
    "Poststraße",
    "Friedensstraße",
    "Goethestraße",
    "Schillerstraße",
    "Rosenweg",
    "Birkenweg",
    "Am Anger",
    "Talstraße",
    "Siedlungsstraße",
    "Neue Straße",
    "Thomas-Müntzer-Straße",
    "August-Bebel-Straße",
    "Zur Schäferei",
];

/// Dates of planned offers as day numbers (days since 1970-01-01).
struct PlanDates {
    /// 30 days after the survey start.
    first: i64,
    /// The last day of the horizon.
    horizon_end: i64,
}

/// One response of an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Offer {
    operator: &'static str,
    technology: &'static str,
    down: u32,
    up: u32,
    /// `Some((day number, milestone plan))` for a planned offer.
    planned: Option<(i64, bool)>,
}

impl Offer {
    const fn current(operator: &'static str, technology: &'static str, tier: (u32, u32)) -> Self {
        Self {
            operator,
            technology,
            down: tier.0,
            up: tier.1,
            planned: None,
        }
    }

    /// `,operator,technology,down,up,kind,planned_date,milestone_plan\n`
    /// (current offers leave date and milestone plan empty).
    fn write(&self, out: &mut Vec<u8>) {
        out.push(b',');
        out.extend_from_slice(self.operator.as_bytes());
        out.push(b',');
        out.extend_from_slice(self.technology.as_bytes());
        out.push(b',');
        push_u64(out, u64::from(self.down));
        out.push(b',');
        push_u64(out, u64::from(self.up));
        match self.planned {
            None => out.extend_from_slice(b",current,,\n"),
            Some((day, milestone)) => {
                out.extend_from_slice(b",planned,");
                push_date(out, day);
                out.extend_from_slice(if milestone { b",yes\n" } else { b",no\n" });
            }
        }
    }
}

/// Product tiers (down, up) in Mbit/s with weights in percent.
type Tiers = &'static [((u32, u32), u64)];
const ADSL: Tiers = &[((16, 1), 70), ((8, 1), 30)];
const VDSL: Tiers = &[((50, 10), 30), ((100, 40), 45), ((250, 40), 25)];
const HFC: Tiers = &[((250, 25), 20), ((500, 50), 30), ((1000, 50), 50)];
const FTTH: Tiers = &[
    ((100, 50), 10),
    ((200, 200), 5),
    ((250, 100), 10),
    ((300, 150), 15),
    ((500, 100), 10),
    ((600, 300), 20),
    ((1000, 500), 30),
];
const FTTB: Tiers = &[
    ((100, 40), 25),
    ((250, 40), 25),
    ((500, 100), 30),
    ((1000, 200), 20),
];
const RADIO_RELAY: Tiers = &[((30, 5), 40), ((100, 20), 40), ((200, 200), 20)];
const FIVE_G: Tiers = &[((300, 50), 70), ((500, 100), 30)];
const LTE: Tiers = &[((50, 10), 60), ((150, 25), 40)];
const SAT: Tiers = &[((220, 25), 60), ((100, 10), 40)];
const PLANNED_FTTH: Tiers = &[((500, 200), 20), ((1000, 500), 60), ((300, 300), 20)];

/// Probabilities (percent) by degree of urbanisation.
struct Profile {
    /// Households per private address: (cumulative percent, min, max).
    households: &'static [(u64, u64, u64)],
    vdsl: u64,
    adsl: u64,
    cable: u64,
    fibre: u64,
    city: u64,
    radio: u64,
    five_g: u64,
    lte: u64,
    satellite: u64,
    /// Planned fibre where there is no fibre yet.
    planned_fibre: u64,
    /// Planned cable upgrade where there is cable.
    planned_cable: u64,
}

const DENSE: Profile = Profile {
    households: &[
        (35, 1, 1),
        (55, 2, 2),
        (80, 3, 6),
        (95, 7, 12),
        (100, 13, 30),
    ],
    vdsl: 85,
    adsl: 10,
    cable: 55,
    fibre: 35,
    city: 15,
    radio: 1,
    five_g: 20,
    lte: 10,
    satellite: 1,
    planned_fibre: 35,
    planned_cable: 10,
};
const INTERMEDIATE: Profile = Profile {
    households: &[(60, 1, 1), (80, 2, 2), (95, 3, 6), (100, 7, 12)],
    vdsl: 75,
    adsl: 20,
    cable: 25,
    fibre: 25,
    city: 8,
    radio: 3,
    five_g: 15,
    lte: 12,
    satellite: 3,
    planned_fibre: 40,
    planned_cable: 8,
};
const RURAL: Profile = Profile {
    households: &[(80, 1, 1), (95, 2, 2), (100, 3, 6)],
    vdsl: 55,
    adsl: 35,
    cable: 5,
    fibre: 15,
    city: 2,
    radio: 5,
    five_g: 10,
    lte: 20,
    satellite: 6,
    planned_fibre: 45,
    planned_cable: 5,
};

impl Profile {
    fn of(degurba: u8) -> &'static Profile {
        match degurba {
            1 => &DENSE,
            2 => &INTERMEDIATE,
            _ => &RURAL,
        }
    }

    /// Expected households per address × 1000 (88 % private addresses,
    /// 10 % commercial of which one in ten has a flat, 2 % socio-economic).
    fn expected_households_milli(&self) -> u64 {
        let mut previous = 0;
        let mut twice_mean_pct = 0; // Σ pct · (min + max)
        for &(cumulative, min, max) in self.households {
            twice_mean_pct += (cumulative - previous) * (min + max);
            previous = cumulative;
        }
        // private: 0.88 · Σ/200; commercial: 0.10 · 0.10
        twice_mean_pct * 88 * 1000 / 200 / 100 + 10
    }

    /// (usage, households, businesses)
    fn occupancy(&self, rng: &mut SplitMix64) -> (&'static str, u64, u64) {
        let r = rng.below(100);
        if r < 88 {
            let r = rng.below(100);
            let mut households = 1;
            for &(cumulative, min, max) in self.households {
                if r < cumulative {
                    households = min + rng.below(max - min + 1);
                    break;
                }
            }
            let businesses = u64::from(rng.below(100) < 6);
            ("privat", households, businesses)
        } else if r < 98 {
            let households = u64::from(rng.below(10) == 0);
            ("gewerblich", households, 1 + rng.below(4))
        } else {
            ("sozioökonomisch", 0, 1)
        }
    }

    /// 1–4 offers, at most one per (operator, technology, kind).
    fn offers(&self, rng: &mut SplitMix64, dates: &PlanDates, out: &mut Vec<Offer>) {
        out.clear();
        let p = |rng: &mut SplitMix64, percent: u64| rng.below(100) < percent;
        let r = rng.below(100);
        if r < self.vdsl {
            out.push(Offer::current(COPPER, "VDSL", tier(rng, VDSL)));
        } else if r < self.vdsl + self.adsl {
            out.push(Offer::current(COPPER, "ADSL", tier(rng, ADSL)));
        }
        let cable = p(rng, self.cable);
        if cable {
            out.push(Offer::current(CABLE, "HFC", tier(rng, HFC)));
        }
        let fibre = p(rng, self.fibre);
        if fibre {
            let technology = if rng.below(4) == 0 { "FTTB" } else { "FTTH" };
            out.push(Offer::current(FIBRE, technology, tier(rng, FTTH)));
        }
        if p(rng, self.city) {
            out.push(Offer::current(CITY, "FTTB", tier(rng, FTTB)));
        }
        if p(rng, self.radio) {
            out.push(Offer::current(RADIO, "OTHER", tier(rng, RADIO_RELAY)));
        }
        if !fibre && p(rng, self.planned_fibre) {
            let operator = if rng.below(3) == 0 { COPPER } else { FIBRE };
            let down_up = tier(rng, PLANNED_FTTH);
            out.push(planned(rng, dates, operator, "FTTH", down_up));
        }
        if cable && p(rng, self.planned_cable) {
            out.push(planned(rng, dates, CABLE, "HFC", (1000, 100)));
        }
        if p(rng, self.five_g) {
            out.push(Offer::current(MOBILE, "5G", tier(rng, FIVE_G)));
        } else if p(rng, self.lte) {
            out.push(Offer::current(MOBILE, "LTE", tier(rng, LTE)));
        }
        if p(rng, self.satellite) {
            out.push(Offer::current(SATELLITE, "SAT", tier(rng, SAT)));
        }
        if out.is_empty() {
            // Every address got an answer from someone: the satellite.
            out.push(Offer::current(SATELLITE, "SAT", tier(rng, SAT)));
        }
        while out.len() > 4 {
            let drop = rng.below(out.len() as u64) as usize;
            out.remove(drop);
        }
    }
}

/// Planned offers beyond the horizon fall this many days after it.
const BEYOND_HORIZON_DAYS: u64 = 730;

/// A planned offer: 70 % with milestone plan; 75 % dated inside the
/// horizon (from 30 days after the start; 1 in 50 of those exactly on its
/// last day), the rest up to two years beyond it.
fn planned(
    rng: &mut SplitMix64,
    dates: &PlanDates,
    operator: &'static str,
    technology: &'static str,
    (down, up): (u32, u32),
) -> Offer {
    let milestone = rng.below(100) < 70;
    let day = if rng.below(100) < 75 {
        if rng.below(50) == 0 {
            dates.horizon_end
        } else {
            dates.first + rng.below((dates.horizon_end - dates.first) as u64) as i64
        }
    } else {
        dates.horizon_end + 1 + rng.below(BEYOND_HORIZON_DAYS) as i64
    };
    Offer {
        operator,
        technology,
        down,
        up,
        planned: Some((day, milestone)),
    }
}

fn tier(rng: &mut SplitMix64, tiers: Tiers) -> (u32, u32) {
    let total: u64 = tiers.iter().map(|t| t.1).sum();
    let mut r = rng.below(total);
    for &(down_up, weight) in tiers {
        if r < weight {
            return down_up;
        }
        r -= weight;
    }
    tiers[tiers.len() - 1].0
}

fn pick<'a>(rng: &mut SplitMix64, items: &[&'a str]) -> &'a str {
    items[rng.below(items.len() as u64) as usize]
}

/// Natural address count of a municipality × 1000.
fn natural_weight(m: &MunicipalitySeed) -> u64 {
    m.population * 1000 / 2 * 1000 / Profile::of(m.degurba).expected_households_milli()
}

/// Splits `total` over the municipalities in proportion to their natural
/// weight (largest remainder, ties to the first), exactly `total` in all.
fn apportion(municipalities: &[MunicipalitySeed], total: u64) -> Vec<u64> {
    let weights: Vec<u128> = municipalities
        .iter()
        .map(|m| u128::from(natural_weight(m)))
        .collect();
    let sum: u128 = weights.iter().sum();
    if sum == 0 {
        return vec![0; municipalities.len()];
    }
    let total = u128::from(total);
    let mut counts: Vec<u64> = weights.iter().map(|w| (total * w / sum) as u64).collect();
    let given: u64 = counts.iter().sum();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(total * weights[i] % sum));
    for &i in order.iter().take((total as u64 - given) as usize) {
        counts[i] += 1;
    }
    counts
}

/// A CSV field, quoted if it has to be.
fn csv_field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

fn push_u64(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// `SYN` and the number, zero-padded to `width` digits.
fn push_id(out: &mut Vec<u8>, number: u64, width: usize) {
    out.extend_from_slice(b"SYN");
    let start = out.len();
    push_u64(out, number);
    let digits = out.len() - start;
    if digits < width {
        out.splice(start..start, std::iter::repeat_n(b'0', width - digits));
    }
}

/// A coordinate with exactly five decimals.
fn push_fixed5(out: &mut Vec<u8>, value: f64) {
    let scaled = (value * 100_000.0).round() as i64;
    if scaled < 0 {
        out.push(b'-');
    }
    let abs = scaled.unsigned_abs();
    push_u64(out, abs / 100_000);
    out.push(b'.');
    let frac = abs % 100_000;
    let start = out.len();
    push_u64(out, frac);
    let digits = out.len() - start;
    out.splice(start..start, std::iter::repeat_n(b'0', 5 - digits));
}

/// Days since 1970-01-01 of a date (proleptic Gregorian).
fn day_number(date: Date) -> i64 {
    // Howard Hinnant's days_from_civil.
    let (y, m, d) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DD` of a day number.
fn push_date(out: &mut Vec<u8>, day: i64) {
    // Howard Hinnant's civil_from_days.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    push_u64(out, y.max(0) as u64);
    out.push(b'-');
    out.push(b'0' + (m / 10) as u8);
    out.push(b'0' + (m % 10) as u8);
    out.push(b'-');
    out.push(b'0' + (d / 10) as u8);
    out.push(b'0' + (d % 10) as u8);
}

/// SplitMix64 (Steele/Lea/Flood 2014), written out so the stream for a
/// seed never changes with a dependency update.
#[derive(Debug, Clone)]
struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in `0..n` (`n > 0`; multiply-shift, bias < 2⁻³²).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use super::*;

    const SAXONY: &str = include_str!("../../../data/sachsen-municipalities.csv");

    fn saxony() -> Vec<MunicipalitySeed> {
        read_municipalities(SAXONY.as_bytes()).expect("the shipped municipalities")
    }

    fn run(
        municipalities: &[MunicipalitySeed],
        config: &SyntheticConfig,
    ) -> (Vec<u8>, Vec<u8>, SyntheticSummary) {
        let (mut a, mut r) = (Vec::new(), Vec::new());
        let summary = generate(municipalities, config, &mut a, &mut r).expect("in memory");
        (a, r, summary)
    }

    #[test]
    fn reads_all_shipped_municipalities() {
        let m = saxony();
        assert_eq!(m.len(), 419);
        let dresden = m.iter().find(|m| m.ags8 == "14612000").expect("Dresden");
        assert_eq!(dresden.place, "Dresden");
        assert_eq!(dresden.degurba, 1);
        assert!(dresden.population > 500_000);
        // "Chemnitz, Stadt" is quoted in the file; the short name is not.
        assert!(m.iter().any(|m| m.place == "Chemnitz"));
    }

    #[test]
    fn same_seed_gives_the_same_bytes_and_another_seed_others() {
        let m = saxony();
        let config = SyntheticConfig::new(5_000, 7);
        let first = run(&m, &config);
        assert_eq!(first, run(&m, &config));
        let other = run(&m, &SyntheticConfig { seed: 8, ..config });
        assert_ne!(first.0, other.0);
        assert_ne!(first.1, other.1);
    }

    #[test]
    fn writes_exactly_the_requested_addresses_with_one_to_four_responses() {
        let m = saxony();
        for n in [0, 1, 419, 2_500] {
            let (a, r, summary) = run(&m, &SyntheticConfig::new(n, 1));
            assert_eq!(summary.addresses, n);
            assert_eq!(a.iter().filter(|&&b| b == b'\n').count() as u64, n + 1);
            assert_eq!(
                r.iter().filter(|&&b| b == b'\n').count() as u64,
                summary.responses + 1
            );
            assert!(summary.responses >= n && summary.responses <= 4 * n);
        }
    }

    #[test]
    fn every_row_is_valid() {
        let m = saxony();
        let config = SyntheticConfig::new(20_000, 3);
        let (a, r, summary) = run(&m, &config);
        let by_ags: HashMap<&str, &MunicipalitySeed> =
            m.iter().map(|m| (m.ags8.as_str(), m)).collect();

        let mut reader = csv::Reader::from_reader(a.as_slice());
        assert_eq!(
            reader
                .headers()
                .expect("header")
                .iter()
                .collect::<Vec<_>>()
                .join(","),
            ADDRESSES_HEADER
        );
        let mut ids = HashSet::new();
        let (mut households, mut businesses) = (0, 0);
        for row in reader.records() {
            let row = row.expect("a CSV row");
            assert_eq!(row.len(), 11);
            assert!(row[0].starts_with("SYN") && row[0][3..].bytes().all(|b| b.is_ascii_digit()));
            assert!(ids.insert(row[0].to_owned()), "duplicate id {}", &row[0]);
            let muni = by_ags.get(&row[1]).expect("a real AGS8");
            assert!(!row[2].is_empty());
            let number = row[3].trim_end_matches(['a', 'b']);
            assert!(
                number.parse::<u32>().is_ok_and(|n| (1..=120).contains(&n)),
                "{}",
                &row[3]
            );
            assert_eq!(&row[4], muni.postcode);
            assert_eq!(&row[5], muni.place);
            let (lat, lon): (f64, f64) =
                (row[6].parse().expect("lat"), row[7].parse().expect("lon"));
            assert!(
                (lat - muni.lat).abs() < 0.2 && (lon - muni.lon).abs() < 0.3,
                "{lat},{lon}"
            );
            assert!(row[6].split('.').nth(1).is_some_and(|f| f.len() == 5));
            assert!(matches!(
                &row[8],
                "privat" | "gewerblich" | "sozioökonomisch"
            ));
            households += row[9].parse::<u64>().expect("households");
            businesses += row[10].parse::<u64>().expect("businesses");
        }
        assert_eq!(ids.len() as u64, summary.addresses);
        assert_eq!(
            (households, businesses),
            (summary.households, summary.businesses)
        );

        let start = day_number(config.survey_start);
        let horizon_end = day_number(jiff::civil::date(2029, 1, 15));
        let mut reader = csv::Reader::from_reader(r.as_slice());
        assert_eq!(
            reader
                .headers()
                .expect("header")
                .iter()
                .collect::<Vec<_>>()
                .join(","),
            RESPONSES_HEADER
        );
        let mut per_address: HashMap<String, usize> = HashMap::new();
        let mut keys = HashSet::new();
        let mut planned = 0;
        for row in reader.records() {
            let row = row.expect("a CSV row");
            assert_eq!(row.len(), 8);
            assert!(ids.contains(&row[0]), "unknown address {}", &row[0]);
            *per_address.entry(row[0].to_owned()).or_default() += 1;
            assert!(row[1].starts_with("Syn-"));
            assert!(matches!(
                &row[2],
                "FTTH" | "FTTB" | "HFC" | "VDSL" | "ADSL" | "5G" | "LTE" | "SAT" | "OTHER"
            ));
            let (down, up): (u32, u32) =
                (row[3].parse().expect("down"), row[4].parse().expect("up"));
            assert!(0 < up && up <= down && down <= 1_000, "{down}/{up}");
            assert!(keys.insert((
                row[0].to_owned(),
                row[1].to_owned(),
                row[2].to_owned(),
                row[5].to_owned()
            )));
            match &row[5] {
                "current" => assert!(row[6].is_empty() && row[7].is_empty()),
                "planned" => {
                    planned += 1;
                    let date: Date = row[6].parse().expect("an ISO date");
                    let day = day_number(date);
                    assert!(day > start && day <= horizon_end + BEYOND_HORIZON_DAYS as i64);
                    assert!(matches!(&row[7], "yes" | "no"));
                    assert!(matches!(&row[2], "FTTH" | "HFC"));
                }
                other => panic!("kind {other}"),
            }
        }
        assert_eq!(planned, summary.planned);
        assert_eq!(per_address.len() as u64, summary.addresses);
        assert!(per_address.values().all(|&n| (1..=4).contains(&n)));
    }

    #[test]
    fn has_the_mix_the_rules_need() {
        let m = saxony();
        let (a, r, _) = run(&m, &SyntheticConfig::new(20_000, 11));
        let (a, r) = (
            String::from_utf8(a).expect("utf-8"),
            String::from_utf8(r).expect("utf-8"),
        );
        for usage in [",privat,", ",gewerblich,", ",sozioökonomisch,"] {
            assert!(a.contains(usage), "{usage}");
        }
        for needle in [
            ",FTTH,",
            ",FTTB,",
            ",HFC,",
            ",VDSL,",
            ",ADSL,",
            ",5G,",
            ",LTE,",
            ",SAT,",
            ",OTHER,",
            ",500,100,current",
            ",200,200,current",
            ",5G,500,100,",
            ",yes\n",
            ",no\n",
            ",planned,2029-01-15,",
            ",planned,2030-",
        ] {
            assert!(r.contains(needle), "{needle}");
        }
        let lengths: HashSet<usize> = r
            .lines()
            .skip(1)
            .fold(HashMap::<&str, usize>::new(), |mut acc, line| {
                *acc.entry(line.split(',').next().unwrap_or("")).or_default() += 1;
                acc
            })
            .into_values()
            .collect();
        assert_eq!(lengths, HashSet::from([1, 2, 3, 4]));
    }

    #[test]
    fn households_match_half_the_population_at_the_natural_size() {
        let m = saxony();
        let n = natural_address_count(&m);
        assert!((700_000..1_500_000).contains(&n), "{n}");
        let households: u64 = m.iter().map(|m| m.population).sum::<u64>() / 2;
        // Large enough to be close, small enough for a unit test: a tenth.
        let (_, _, summary) = run(&m, &SyntheticConfig::new(n / 10, 5));
        let ratio = summary.households as f64 * 10.0 / households as f64;
        assert!((0.97..1.03).contains(&ratio), "{ratio}");
    }

    #[test]
    fn apportions_the_exact_total_in_proportion() {
        let m = saxony();
        for total in [0, 1, 418, 419, 420, 1_000_003] {
            assert_eq!(apportion(&m, total).iter().sum::<u64>(), total);
        }
        let counts = apportion(&m, 1_000_000);
        let at = |ags: &str| counts[m.iter().position(|m| m.ags8 == ags).expect("known")];
        // Leipzig (≈ 600,000 inhabitants) gets far more than Amtsberg (≈ 3,700).
        assert!(at("14713000") > 50 * at("14521010"));
    }

    #[test]
    fn formats_numbers_dates_and_ids() {
        let mut out = Vec::new();
        push_fixed5(&mut out, 51.050_004);
        out.push(b' ');
        push_fixed5(&mut out, -0.000_01);
        out.push(b' ');
        push_id(&mut out, 42, 8);
        out.push(b' ');
        push_id(&mut out, 123_456_789, 8);
        assert_eq!(
            String::from_utf8(out).expect("ascii"),
            "51.05000 -0.00001 SYN00000042 SYN123456789"
        );
        for date in [
            jiff::civil::date(1970, 1, 1),
            jiff::civil::date(2028, 2, 29),
            jiff::civil::date(2029, 12, 31),
        ] {
            let mut out = Vec::new();
            push_date(&mut out, day_number(date));
            assert_eq!(String::from_utf8(out).expect("ascii"), date.to_string());
        }
        assert_eq!(day_number(jiff::civil::date(1970, 1, 2)), 1);
    }

    #[test]
    fn quotes_fields_only_when_needed() {
        assert_eq!(csv_field("Dresden"), "Dresden");
        assert_eq!(csv_field("Chemnitz, Stadt"), "\"Chemnitz, Stadt\"");
        assert_eq!(csv_field("a\"b"), "\"a\"\"b\"");
    }
}
