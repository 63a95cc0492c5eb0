//! The Breitbandatlas history shipped in `data/sachsen-breitband-historie.csv`
//! (Bundesnetzagentur, Paket 1 and 3; see `data/SOURCES.md`, section 6) as
//! typed series: the share of households that can get at least a bandwidth
//! class, per area (Land, Kreis, Gemeinde), technology and reference date.
//!
//! Pure and read-only: the file is embedded in the binary and parsed once
//! ([`history`]); pages ask for series and tables, never for rows.
//!
//! The values are the source's, unchanged: they are not harmonised across
//! boundary changes (the municipality files of 2018–2021 use an older
//! boundary status than the 419 Gemeinden of the reference data), and a
//! missing value stays missing — nothing here interpolates or estimates.

use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// The embedded history (53,182 rows, 3.5 MB).
pub const HISTORY_CSV: &str = include_str!("../../../data/sachsen-breitband-historie.csv");

/// The Breitbandatlas bandwidth classes the history reports (≥ X Mbit/s).
pub const GIGABIT_MBPS: u16 = 1000;

/// Area level of a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Land,
    Kreis,
    Gemeinde,
}

impl Level {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "land" => Some(Level::Land),
            "kreis" => Some(Level::Kreis),
            "gemeinde" => Some(Level::Gemeinde),
            _ => None,
        }
    }
}

/// Reference date of a delivery: month 6 (middle of the year) or 12 (end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Stand {
    pub year: u16,
    pub month: u8,
}

impl Stand {
    /// From `YYYY-MM`.
    pub fn parse(text: &str) -> Option<Self> {
        let (year, month) = text.split_once('-')?;
        let year: u16 = year.parse().ok()?;
        let month: u8 = month.parse().ok()?;
        ((1..=12).contains(&month) && year >= 2000).then_some(Stand { year, month })
    }

    /// Position on a time axis in years (mid-month), for charts.
    pub fn as_years(self) -> f64 {
        f64::from(self.year) + (f64::from(self.month) - 0.5) / 12.0
    }
}

/// `YYYY-MM`, the form used in tables and downloads.
impl fmt::Display for Stand {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Technology group as the Breitbandatlas names it. `All` is wired and
/// wireless together, `Fixed` the wired (leitungsgebundene) technologies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Technology {
    All,
    Fixed,
    Wireless,
    Dsl,
    Catv,
    Fttb,
    Lte,
    FiveG,
    Umts,
    Plc,
    Wlan,
    Wimax,
}

impl Technology {
    fn parse(text: &str) -> Option<Self> {
        Some(match text {
            "all" => Technology::All,
            "fixed" => Technology::Fixed,
            "wireless" => Technology::Wireless,
            "DSL" => Technology::Dsl,
            "CATV" => Technology::Catv,
            "FTTH/B" => Technology::Fttb,
            "LTE" => Technology::Lte,
            "5G" => Technology::FiveG,
            "UMTS" => Technology::Umts,
            "PLC" => Technology::Plc,
            "WLAN" => Technology::Wlan,
            "WiMAX" => Technology::Wimax,
            _ => return None,
        })
    }

    /// The source's own code (`all`, `fixed`, `FTTH/B`, …).
    pub fn code(self) -> &'static str {
        match self {
            Technology::All => "all",
            Technology::Fixed => "fixed",
            Technology::Wireless => "wireless",
            Technology::Dsl => "DSL",
            Technology::Catv => "CATV",
            Technology::Fttb => "FTTH/B",
            Technology::Lte => "LTE",
            Technology::FiveG => "5G",
            Technology::Umts => "UMTS",
            Technology::Plc => "PLC",
            Technology::Wlan => "WLAN",
            Technology::Wimax => "WiMAX",
        }
    }
}

/// One published value.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub stand: Stand,
    pub technology: Technology,
    pub min_mbps: u16,
    /// Share of households in % as published (two decimals at most).
    pub share: f64,
}

/// All values of one area, sorted by technology, class and stand.
#[derive(Debug, Clone)]
pub struct Area {
    pub level: Level,
    pub ags: String,
    /// Name as the source file gives it; empty where none was available.
    pub name: String,
    /// Whether the AGS exists at the reference data's boundary status
    /// (31.12.2019); `false` for municipalities merged since the source's
    /// own boundary status.
    pub in_reference: bool,
    pub values: Vec<Value>,
}

impl Area {
    /// The value for one technology, class and stand.
    pub fn share(&self, technology: Technology, min_mbps: u16, stand: Stand) -> Option<f64> {
        self.values
            .iter()
            .find(|v| v.technology == technology && v.min_mbps == min_mbps && v.stand == stand)
            .map(|v| v.share)
    }

    /// Every stand with at least one value, oldest first.
    pub fn stands(&self) -> Vec<Stand> {
        let mut stands: Vec<Stand> = self.values.iter().map(|v| v.stand).collect();
        stands.sort();
        stands.dedup();
        stands
    }

    /// The newest stand with a value for `technology` at `min_mbps`, and
    /// that value.
    pub fn latest(&self, technology: Technology, min_mbps: u16) -> Option<(Stand, f64)> {
        self.values
            .iter()
            .filter(|v| v.technology == technology && v.min_mbps == min_mbps)
            .max_by_key(|v| v.stand)
            .map(|v| (v.stand, v.share))
    }

    /// The newest gigabit share (all technologies, ≥ 1000 Mbit/s).
    pub fn latest_gigabit(&self) -> Option<(Stand, f64)> {
        self.latest(Technology::All, GIGABIT_MBPS)
    }

    /// The bandwidth classes reported for `technology` at `stand`, ascending.
    pub fn classes_at(&self, technology: Technology, stand: Stand) -> Vec<u16> {
        let mut classes: Vec<u16> = self
            .values
            .iter()
            .filter(|v| v.technology == technology && v.stand == stand)
            .map(|v| v.min_mbps)
            .collect();
        classes.sort_unstable();
        classes.dedup();
        classes
    }
}

/// One line of a chart: a technology at a bandwidth class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Series {
    pub technology: Technology,
    pub min_mbps: u16,
}

/// A table of series over time: one row per stand where any series has a
/// value, one column per series; `None` where the source has no value.
#[derive(Debug, Clone, PartialEq)]
pub struct SeriesTable {
    pub series: Vec<Series>,
    pub rows: Vec<(Stand, Vec<Option<f64>>)>,
}

impl SeriesTable {
    /// The series that have at least one value.
    pub fn without_empty_series(mut self) -> Self {
        let keep: Vec<bool> = (0..self.series.len())
            .map(|i| self.rows.iter().any(|(_, values)| values[i].is_some()))
            .collect();
        let mut i = 0;
        self.series.retain(|_| {
            i += 1;
            keep[i - 1]
        });
        for (_, values) in &mut self.rows {
            let mut j = 0;
            values.retain(|_| {
                j += 1;
                keep[j - 1]
            });
        }
        self
    }
}

/// `series` of `area` over time.
pub fn series_table(area: &Area, series: &[Series]) -> SeriesTable {
    let rows = area
        .stands()
        .into_iter()
        .map(|stand| {
            let values: Vec<Option<f64>> = series
                .iter()
                .map(|s| area.share(s.technology, s.min_mbps, stand))
                .collect();
            (stand, values)
        })
        .filter(|(_, values)| values.iter().any(Option::is_some))
        .collect();
    SeriesTable {
        series: series.to_vec(),
        rows,
    }
}

/// The parsed history: every area of every level.
#[derive(Debug, Default)]
pub struct History {
    areas: Vec<Area>,
    index: HashMap<(Level, String), usize>,
}

impl History {
    /// Parses the history CSV. Rows that cannot be read are an error: the
    /// file is shipped with the code, so a bad row is a bug to find in tests.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().map_err(|e| e.to_string())?.clone();
        let column = |name: &str| {
            headers
                .iter()
                .position(|h| h == name)
                .ok_or_else(|| format!("column {name} missing"))
        };
        let (c_level, c_ags, c_name, c_stand, c_tech, c_min, c_share, c_in) = (
            column("level")?,
            column("ags")?,
            column("name")?,
            column("stand")?,
            column("technology")?,
            column("min_mbps")?,
            column("share_households")?,
            column("in_gebietsstand_2019")?,
        );
        let mut history = History::default();
        let mut record = csv::StringRecord::new();
        let mut line = 1;
        while reader.read_record(&mut record).map_err(|e| e.to_string())? {
            line += 1;
            let field = |i: usize| record.get(i).unwrap_or("");
            let bad = |what: &str| format!("line {line}: bad {what}");
            let level = Level::parse(field(c_level)).ok_or_else(|| bad("level"))?;
            let value = Value {
                stand: Stand::parse(field(c_stand)).ok_or_else(|| bad("stand"))?,
                technology: Technology::parse(field(c_tech)).ok_or_else(|| bad("technology"))?,
                min_mbps: field(c_min).parse().map_err(|_| bad("min_mbps"))?,
                share: field(c_share)
                    .parse::<f64>()
                    .ok()
                    .filter(|s| (0.0..=100.0).contains(s))
                    .ok_or_else(|| bad("share_households"))?,
            };
            let key = (level, field(c_ags).to_owned());
            let i = match history.index.get(&key) {
                Some(i) => *i,
                None => {
                    history.areas.push(Area {
                        level,
                        ags: key.1.clone(),
                        name: field(c_name).to_owned(),
                        in_reference: field(c_in) == "1",
                        values: Vec::new(),
                    });
                    history.index.insert(key, history.areas.len() - 1);
                    history.areas.len() - 1
                }
            };
            history.areas[i].values.push(value);
        }
        for area in &mut history.areas {
            area.values
                .sort_by_key(|v| (v.technology, v.min_mbps, v.stand));
        }
        Ok(history)
    }

    pub fn area(&self, level: Level, ags: &str) -> Option<&Area> {
        self.index
            .get(&(level, ags.to_owned()))
            .and_then(|i| self.areas.get(*i))
    }

    pub fn land(&self) -> Option<&Area> {
        self.area(Level::Land, "14")
    }

    pub fn kreis(&self, ags5: &str) -> Option<&Area> {
        self.area(Level::Kreis, ags5)
    }

    pub fn gemeinde(&self, ags8: &str) -> Option<&Area> {
        self.area(Level::Gemeinde, ags8)
    }

    /// Areas of a level in the order of the file.
    pub fn areas(&self, level: Level) -> impl Iterator<Item = &Area> {
        self.areas.iter().filter(move |a| a.level == level)
    }

    /// Municipalities of the source that no longer exist at the reference
    /// data's boundary status (merged since), sorted by AGS.
    pub fn former_municipalities(&self) -> Vec<&Area> {
        let mut former: Vec<&Area> = self
            .areas(Level::Gemeinde)
            .filter(|a| !a.in_reference)
            .collect();
        former.sort_by(|a, b| a.ags.cmp(&b.ags));
        former
    }
}

/// The shipped history, parsed on first use. A parse failure (impossible
/// unless the shipped file is broken, which the tests catch) yields an
/// empty history, so pages show "no figures" instead of failing.
pub fn history() -> &'static History {
    static HISTORY: OnceLock<History> = OnceLock::new();
    HISTORY.get_or_init(|| {
        History::parse(HISTORY_CSV).unwrap_or_else(|e| {
            tracing::error!("broadband history: {e}");
            History::default()
        })
    })
}

/// Municipalities of the reference data that the source lists only as their
/// predecessors, because its boundary status predates the merger
/// (`data/SOURCES.md`, section 6). Their shares cannot be combined without
/// household counts, so pages show the predecessors' values side by side.
pub const PREDECESSORS: &[(&str, &[&str])] = &[("14521035", &["14521030", "14521050"])];

/// The source's predecessors of a reference municipality.
pub fn predecessors(ags8: &str) -> &'static [&'static str] {
    PREDECESSORS
        .iter()
        .find(|(ags, _)| *ags == ags8)
        .map(|(_, before)| *before)
        .unwrap_or(&[])
}

/// Shading level 1–5 of a share in %: fixed steps of 20 points, so the
/// legend means the same on every page and at every stand.
pub fn share_level(share: f64) -> u8 {
    ((share / 20.0).floor() as u8 + 1).clamp(1, 5)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw_rows(prefix: &str) -> Vec<csv::StringRecord> {
        csv::Reader::from_reader(HISTORY_CSV.as_bytes())
            .records()
            .map(|r| r.unwrap())
            .filter(|r| r.iter().collect::<Vec<_>>().join(",").starts_with(prefix))
            .collect()
    }

    #[test]
    fn shipped_history_parses_completely() {
        let h = History::parse(HISTORY_CSV).unwrap();
        let rows: usize = h.areas.iter().map(|a| a.values.len()).sum();
        assert_eq!(rows, 53_182);
        assert_eq!(h.areas(Level::Land).count(), 1);
        assert_eq!(h.areas(Level::Kreis).count(), 13);
        assert_eq!(h.areas(Level::Gemeinde).count(), 429);
        assert!(h.areas(Level::Kreis).all(|a| a.in_reference));
    }

    #[test]
    fn dresden_values_equal_the_raw_rows() {
        let h = history();
        let dresden = h.gemeinde("14612000").unwrap();
        for row in raw_rows("gemeinde,14612000,") {
            let stand = Stand::parse(&row[4]).unwrap();
            let tech = Technology::parse(&row[5]).unwrap();
            let min: u16 = row[6].parse().unwrap();
            let share: f64 = row[7].parse().unwrap();
            assert_eq!(dresden.share(tech, min, stand), Some(share), "{row:?}");
        }
        let (stand, share) = dresden.latest_gigabit().unwrap();
        assert_eq!(stand.to_string(), "2021-06");
        let raw = raw_rows("gemeinde,14612000,Dresden, Stadt,2021,2021-06,all,1000,");
        assert_eq!(raw.len(), 1);
        assert_eq!(share, raw[0][7].parse::<f64>().unwrap());
    }

    #[test]
    fn land_history_has_p1_years_and_p3_half_years() {
        let land = history().land().unwrap();
        let stands: Vec<String> = land.stands().iter().map(Stand::to_string).collect();
        assert_eq!(stands.first().map(String::as_str), Some("2010-12"));
        assert_eq!(stands.last().map(String::as_str), Some("2021-06"));
        assert!(stands.contains(&"2019-06".to_owned()));
        assert_eq!(
            land.classes_at(Technology::All, Stand::parse("2014-12").unwrap()),
            vec![16, 50]
        );
        assert_eq!(
            land.share(Technology::Fttb, 1000, Stand::parse("2021-06").unwrap()),
            Some(19.94)
        );
    }

    #[test]
    fn series_table_keeps_gaps_as_none_and_drops_empty_series() {
        let land = history().land().unwrap();
        let table = series_table(
            land,
            &[
                Series {
                    technology: Technology::All,
                    min_mbps: 16,
                },
                Series {
                    technology: Technology::All,
                    min_mbps: 1000,
                },
                Series {
                    technology: Technology::FiveG,
                    min_mbps: 1000,
                },
            ],
        );
        let (first, values) = &table.rows[0];
        assert_eq!(first.to_string(), "2010-12");
        assert_eq!(values[0], Some(48.6));
        assert_eq!(values[1], None);
        let table = table.without_empty_series();
        assert_eq!(table.series.len(), 2);
        assert!(table.rows.iter().all(|(_, v)| v.len() == 2));
    }

    #[test]
    fn former_municipalities_are_the_eleven_merged_ones() {
        let former: Vec<&str> = history()
            .former_municipalities()
            .iter()
            .map(|a| a.ags.as_str())
            .collect();
        assert_eq!(former.len(), 11);
        assert!(former.contains(&"14521030") && former.contains(&"14729290"));
        let reference = dias_core::reference::cached();
        assert!(former.iter().all(|a| reference.municipality(a).is_none()));
        for (merged, before) in PREDECESSORS {
            assert!(reference.municipality(merged).is_some());
            assert!(history().gemeinde(merged).is_none());
            assert!(before.iter().all(|b| former.contains(b)));
        }
    }

    #[test]
    fn every_reference_municipality_but_the_merged_one_has_a_gigabit_share() {
        let reference = dias_core::reference::cached();
        let missing: Vec<&str> = reference
            .municipalities
            .iter()
            .filter(|m| {
                history()
                    .gemeinde(&m.ags8)
                    .and_then(Area::latest_gigabit)
                    .is_none()
            })
            .map(|m| m.ags8.as_str())
            .collect();
        assert_eq!(missing, vec!["14521035"]);
    }

    #[test]
    fn share_levels_step_by_twenty_points() {
        assert_eq!(share_level(0.0), 1);
        assert_eq!(share_level(19.99), 1);
        assert_eq!(share_level(20.0), 2);
        assert_eq!(share_level(79.9), 4);
        assert_eq!(share_level(100.0), 5);
    }

    #[test]
    fn stands_parse_and_print_as_year_month() {
        assert_eq!(Stand::parse("2021-06").unwrap().to_string(), "2021-06");
        assert!(Stand::parse("2021-13").is_none());
        assert!(Stand::parse("x").is_none());
        assert!(Stand::parse("2018-12").unwrap() > Stand::parse("2018-06").unwrap());
    }
}
