//! Rule sets (Regelwerke): the thresholds of a funding guideline as data.
//!
//! The thresholds change with every guideline and are argued about in
//! public, so they live in JSON files (`rules/*.json`, embedded at compile
//! time) rather than in code. An operator of an instance can load an
//! additional rule set from a file of the same shape; it goes through the same
//! validation as the built-in ones.

use jiff::civil::Date;
use serde::Deserialize;

/// One alternative condition for "supplied" (versorgt): down ≥ `down_min`
/// **and** up ≥ `up_min` (Mbit/s). A rule set is satisfied when any one of
/// its conditions is.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub down_min: f32,
    #[serde(default)]
    pub up_min: f32,
}

impl Condition {
    fn holds(&self, down: f32, up: f32) -> bool {
        down >= self.down_min && up >= self.up_min
    }
}

/// A rule set (Regelwerk), e.g. `gigabit-2.0`.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSet {
    /// Versioned id, lower-case: `nga-30`, `gigabit-1.0`, …
    pub id: String,
    /// Display name (German).
    pub name: String,
    pub in_force_from: Date,
    /// Last day in force; `None` while the guideline applies.
    pub in_force_until: Option<Date>,
    /// Alternatives; an offer supplies an address when one of them holds.
    pub supplied_when: Vec<Condition>,
    /// Gigabit-RL 1.0: socio-economic addresses (Schulen, Krankenhäuser …)
    /// are förderfähig unless *currently* supplied — a plan does not save them.
    pub socio_economic_eligible_unless_supplied: bool,
    /// Gigabit-RL 2.0 funds "dunkelgraue Flecken": an eligible address that
    /// already has ≥ 30 Mbit/s is shown dunkelgrau instead of grau/schwarz.
    pub dark_grey_colour: bool,
}

impl RuleSet {
    /// Whether an offer of `down`/`up` Mbit/s supplies an address.
    pub fn is_supplied(&self, down: f32, up: f32) -> bool {
        self.supplied_when.iter().any(|c| c.holds(down, up))
    }

    /// Whether the guideline was in force on `date` (a survey started under
    /// an expired guideline is allowed, but callers may want to warn).
    pub fn in_force_on(&self, date: Date) -> bool {
        date >= self.in_force_from && self.in_force_until.is_none_or(|until| date <= until)
    }

    /// Parses and validates a rule set from JSON text.
    pub fn from_json(text: &str) -> Result<Self, RuleSetError> {
        let raw: RawRuleSet =
            serde_json::from_str(text).map_err(|e| RuleSetError::Syntax(e.to_string()))?;
        raw.validate()
    }

    /// Reads a user-supplied rule set file.
    pub fn from_file(path: &std::path::Path) -> Result<Self, RuleSetError> {
        let text = std::fs::read_to_string(path).map_err(|e| RuleSetError::Io {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Self::from_json(&text)
    }
}

/// The JSON shape; dates as strings so that the crate needs no serde
/// support in jiff and can report the field that is wrong.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRuleSet {
    id: String,
    name: String,
    in_force_from: String,
    #[serde(default)]
    in_force_until: Option<String>,
    supplied_when: Vec<Condition>,
    #[serde(default)]
    socio_economic_eligible_unless_supplied: bool,
    #[serde(default)]
    dark_grey_colour: bool,
}

/// Upper bound for a threshold: the same limit the input validation puts on
/// speeds, so a rule can never require an impossible offer by a typo.
const MAX_THRESHOLD_MBPS: f32 = 100_000.0;

impl RawRuleSet {
    fn validate(self) -> Result<RuleSet, RuleSetError> {
        let id_ok = !self.id.is_empty()
            && self
                .id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
        if !id_ok {
            return Err(RuleSetError::Invalid {
                id: self.id,
                reason: "die Kennung darf nur a–z, 0–9, '-' und '.' enthalten".into(),
            });
        }
        let invalid = |reason: String| RuleSetError::Invalid {
            id: self.id.clone(),
            reason,
        };
        if self.name.trim().is_empty() {
            return Err(invalid("der Name fehlt".into()));
        }
        let date = |field: &str, value: &str| {
            value
                .parse::<Date>()
                .map_err(|_| invalid(format!("{field} ist kein Datum JJJJ-MM-TT: {value:?}")))
        };
        let from = date("in_force_from", &self.in_force_from)?;
        let until = match &self.in_force_until {
            Some(value) => Some(date("in_force_until", value)?),
            None => None,
        };
        if until.is_some_and(|until| until < from) {
            return Err(invalid("in_force_until liegt vor in_force_from".into()));
        }
        if self.supplied_when.is_empty() {
            return Err(invalid(
                "supplied_when braucht mindestens eine Bedingung".into(),
            ));
        }
        for (i, c) in self.supplied_when.iter().enumerate() {
            for (field, value) in [("down_min", c.down_min), ("up_min", c.up_min)] {
                if !value.is_finite() || !(0.0..=MAX_THRESHOLD_MBPS).contains(&value) {
                    return Err(invalid(format!(
                        "supplied_when[{i}].{field} muss zwischen 0 und 100000 liegen, ist {value}"
                    )));
                }
            }
            if c.down_min == 0.0 && c.up_min == 0.0 {
                // Would make every address with any offer "versorgt".
                return Err(invalid(format!(
                    "supplied_when[{i}] hat keine Schwelle (0/0)"
                )));
            }
        }
        Ok(RuleSet {
            id: self.id,
            name: self.name,
            in_force_from: from,
            in_force_until: until,
            supplied_when: self.supplied_when,
            socio_economic_eligible_unless_supplied: self.socio_economic_eligible_unless_supplied,
            dark_grey_colour: self.dark_grey_colour,
        })
    }
}

/// Why a rule set could not be loaded.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RuleSetError {
    #[error("Regelwerk ist kein gültiges JSON: {0}")]
    Syntax(String),
    #[error("Regelwerk {id:?} ist ungültig: {reason}")]
    Invalid { id: String, reason: String },
    #[error("Regelwerk-Datei {path} nicht lesbar: {message}")]
    Io { path: String, message: String },
    #[error("unbekanntes Regelwerk {0:?}")]
    Unknown(String),
    #[error("Regelwerk {0:?} ist doppelt vorhanden")]
    Duplicate(String),
}

const BUILT_IN: [&str; 4] = [
    include_str!("../rules/nga-30.json"),
    include_str!("../rules/gigabit-1.0.json"),
    include_str!("../rules/gigabit-2.0.json"),
    include_str!("../rules/eu-2023.json"),
];

/// The known rule sets: the built-in ones plus any an operator added.
#[derive(Debug, Clone)]
pub struct RuleSets {
    sets: Vec<RuleSet>,
}

impl RuleSets {
    /// The rule sets shipped with dias (the spec's table).
    pub fn built_in() -> Result<Self, RuleSetError> {
        let mut sets = RuleSets { sets: Vec::new() };
        for text in BUILT_IN {
            sets.add(RuleSet::from_json(text)?)?;
        }
        Ok(sets)
    }

    /// Adds a rule set; ids must stay unique so that a stored result's
    /// rule-set id always names exactly one set of thresholds.
    pub fn add(&mut self, set: RuleSet) -> Result<(), RuleSetError> {
        if self.sets.iter().any(|s| s.id == set.id) {
            return Err(RuleSetError::Duplicate(set.id));
        }
        self.sets.push(set);
        Ok(())
    }

    /// Adds a rule set or replaces the one with the same id — an operator's
    /// own file correcting a built-in threshold for a run; returns the set
    /// it replaced. Stored results must name the file they used.
    pub fn replace(&mut self, set: RuleSet) -> Option<RuleSet> {
        match self.sets.iter_mut().find(|s| s.id == set.id) {
            Some(slot) => Some(std::mem::replace(slot, set)),
            None => {
                self.sets.push(set);
                None
            }
        }
    }

    pub fn get(&self, id: &str) -> Result<&RuleSet, RuleSetError> {
        self.sets
            .iter()
            .find(|s| s.id == id)
            .ok_or_else(|| RuleSetError::Unknown(id.to_owned()))
    }

    pub fn iter(&self) -> impl Iterator<Item = &RuleSet> {
        self.sets.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built_in(id: &str) -> RuleSet {
        RuleSets::built_in().unwrap().get(id).unwrap().clone()
    }

    #[test]
    fn ships_the_four_rule_sets_of_the_spec() {
        let sets = RuleSets::built_in().unwrap();
        let ids: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["nga-30", "gigabit-1.0", "gigabit-2.0", "eu-2023"]);
    }

    #[test]
    fn gigabit_2_supplies_at_exactly_500_down_or_200_200() {
        let r = built_in("gigabit-2.0");
        assert!(r.is_supplied(500.0, 1.0));
        assert!(!r.is_supplied(499.0, 199.0));
        assert!(r.is_supplied(499.0, 200.0));
        assert!(r.is_supplied(200.0, 200.0));
        assert!(!r.is_supplied(200.0, 199.0));
        assert!(!r.is_supplied(199.0, 200.0));
        assert!(r.dark_grey_colour);
    }

    #[test]
    fn gigabit_1_supplies_at_exactly_100_down() {
        let r = built_in("gigabit-1.0");
        assert!(r.is_supplied(100.0, 0.0));
        assert!(!r.is_supplied(99.9, 100.0));
        assert!(r.socio_economic_eligible_unless_supplied);
    }

    #[test]
    fn nga_supplies_at_exactly_30_down() {
        let r = built_in("nga-30");
        assert!(r.is_supplied(30.0, 1.0));
        assert!(!r.is_supplied(29.0, 29.0));
    }

    #[test]
    fn eu_2023_needs_1000_down_and_150_up() {
        let r = built_in("eu-2023");
        assert!(r.is_supplied(1000.0, 150.0));
        assert!(!r.is_supplied(1000.0, 149.0));
        assert!(!r.is_supplied(999.0, 1000.0));
    }

    #[test]
    fn knows_when_a_guideline_was_in_force() {
        let r = built_in("gigabit-1.0");
        assert!(r.in_force_on(jiff::civil::date(2021, 4, 26)));
        assert!(!r.in_force_on(jiff::civil::date(2021, 4, 25)));
        assert!(!r.in_force_on(jiff::civil::date(2023, 3, 31)));
        assert!(built_in("gigabit-2.0").in_force_on(jiff::civil::date(2030, 1, 1)));
    }

    #[test]
    fn loads_an_operator_rule_set_and_refuses_duplicates() {
        let mut sets = RuleSets::built_in().unwrap();
        let custom = RuleSet::from_json(
            r#"{"id":"land-sn-2026","name":"Landesprogramm","in_force_from":"2026-01-01",
                "supplied_when":[{"down_min":300,"up_min":50}]}"#,
        )
        .unwrap();
        assert!(custom.is_supplied(300.0, 50.0));
        sets.add(custom.clone()).unwrap();
        assert_eq!(sets.get("land-sn-2026").unwrap(), &custom);
        assert_eq!(
            sets.add(custom),
            Err(RuleSetError::Duplicate("land-sn-2026".into()))
        );
        assert_eq!(
            sets.get("gigabit-3.0").unwrap_err(),
            RuleSetError::Unknown("gigabit-3.0".into())
        );
    }

    #[test]
    fn rejects_invalid_rule_sets_with_the_reason() {
        let base = |id: &str, from: &str, until: &str, when: &str| {
            format!(
                r#"{{"id":"{id}","name":"X","in_force_from":"{from}","in_force_until":{until},"supplied_when":{when}}}"#
            )
        };
        let cases = [
            (
                base("Gig 2", "2023-01-01", "null", r#"[{"down_min":1}]"#),
                "Kennung",
            ),
            (
                base("x", "31.03.2023", "null", r#"[{"down_min":1}]"#),
                "in_force_from",
            ),
            (
                base("x", "2023-01-01", r#""2022-01-01""#, r#"[{"down_min":1}]"#),
                "vor",
            ),
            (base("x", "2023-01-01", "null", "[]"), "mindestens eine"),
            (
                base("x", "2023-01-01", "null", r#"[{"down_min":-1}]"#),
                "down_min",
            ),
            (
                base(
                    "x",
                    "2023-01-01",
                    "null",
                    r#"[{"down_min":100,"up_min":200000}]"#,
                ),
                "up_min",
            ),
            (
                base("x", "2023-01-01", "null", r#"[{"down_min":0}]"#),
                "keine Schwelle",
            ),
        ];
        for (json, expected) in cases {
            let err = RuleSet::from_json(&json).unwrap_err().to_string();
            assert!(err.contains(expected), "{json}: {err}");
        }
        let err = RuleSet::from_json(r#"{"id":"x","nme":"typo"}"#).unwrap_err();
        assert!(matches!(err, RuleSetError::Syntax(_)), "{err}");
    }
}
