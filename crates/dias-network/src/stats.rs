//! Zahlen: the verified actors counted by category, Kreis, competence and
//! founding year, and the figures of the KI-Studie Sachsen (2024) to compare
//! them with.

use std::collections::BTreeMap;

use crate::domain;

/// A verified actor's counted fields.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StatRow<'a> {
    pub category: &'a str,
    pub ags5: &'a str,
    pub competences: &'a [String],
    pub founding_year: Option<i32>,
}

/// The counts of the statistics page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub total: usize,
    pub by_category: BTreeMap<String, usize>,
    pub by_group: BTreeMap<String, usize>,
    pub by_district: BTreeMap<String, usize>,
    pub by_competence: BTreeMap<String, usize>,
    pub by_year: BTreeMap<i32, usize>,
    /// Companies and start-ups in Dresden (AGS5 14612).
    pub companies_in_dresden: usize,
}

pub const DRESDEN: &str = "14612";

/// Counts the rows. The directory snapshot does it once per change of the
/// actors ([`crate::snapshot::Snapshot::stats`]), not each page view.
pub fn tally<'a>(rows: impl IntoIterator<Item = StatRow<'a>>) -> Stats {
    let mut s = Stats::default();
    for r in rows {
        s.total += 1;
        *s.by_category.entry(r.category.to_owned()).or_default() += 1;
        let group = domain::group_of(r.category);
        *s.by_group.entry(group.to_owned()).or_default() += 1;
        *s.by_district.entry(r.ags5.to_owned()).or_default() += 1;
        for c in r.competences {
            *s.by_competence.entry(c.clone()).or_default() += 1;
        }
        if let Some(y) = r.founding_year {
            *s.by_year.entry(y).or_default() += 1;
        }
        if group == "unternehmen" && r.ags5 == DRESDEN {
            s.companies_in_dresden += 1;
        }
    }
    s
}

/// A line of the comparison with the KI-Studie Sachsen (2024).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Message id of what is counted.
    pub key: &'static str,
    /// The study's figure as printed.
    pub study: &'static str,
    /// The platform's figure, formatted.
    pub platform: String,
}

fn percent(part: usize, whole: usize) -> String {
    match (part * 100 + whole / 2).checked_div(whole) {
        Some(p) => format!("{p} %"),
        None => "–".to_owned(),
    }
}

/// The study's figures next to the platform's counts.
pub fn comparison(s: &Stats) -> Vec<Comparison> {
    let cat = |c: &str| s.by_category.get(c).copied().unwrap_or(0);
    let group = |g: &str| s.by_group.get(g).copied().unwrap_or(0);
    vec![
        Comparison {
            key: "matching-study-companies",
            study: "196",
            platform: group("unternehmen").to_string(),
        },
        Comparison {
            key: "matching-study-dresden",
            study: "43 %",
            platform: percent(s.companies_in_dresden, group("unternehmen")),
        },
        Comparison {
            key: "matching-study-research",
            study: "161",
            platform: group("forschung").to_string(),
        },
        Comparison {
            key: "matching-study-professorships",
            study: "86",
            platform: cat("hochschule").to_string(),
        },
        Comparison {
            key: "matching-study-institutes",
            study: "33",
            platform: cat("forschungseinrichtung").to_string(),
        },
        Comparison {
            key: "matching-study-networks",
            study: "18",
            platform: cat("netzwerk").to_string(),
        },
        Comparison {
            key: "matching-study-programmes",
            study: "48 (8 Hochschulen)",
            platform: cat("bildung").to_string(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row<'a>(
        category: &'a str,
        ags5: &'a str,
        competences: &'a [String],
        year: Option<i32>,
    ) -> StatRow<'a> {
        StatRow {
            category,
            ags5,
            competences,
            founding_year: year,
        }
    }

    #[test]
    fn counts_per_value_and_the_dresden_share_of_companies() {
        let both = ["nlp".to_owned(), "robotik".to_owned()];
        let s = tally([
            row("startup", "14612", &both, Some(2020)),
            row("unternehmen", "14713", &both[..1], Some(2020)),
            row("hochschule", "14612", &both[1..], None),
            row("unternehmen", "14612", &[], Some(1990)),
        ]);
        assert_eq!(s.total, 4);
        assert_eq!(s.by_group["unternehmen"], 3);
        assert_eq!(s.by_competence["nlp"], 2);
        assert_eq!(s.by_district["14612"], 3);
        assert_eq!(s.by_year[&2020], 2);
        let c = comparison(&s);
        assert_eq!(c[0].platform, "3");
        assert_eq!(c[1].platform, "67 %");
        assert_eq!(c[3].platform, "1");
        assert_eq!(percent(0, 0), "–");
    }
}
