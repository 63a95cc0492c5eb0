//! The result of an analysis and its JSON form.

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::state::State;
use crate::votes::natural_cmp;

/// A map from participant or statement ids, in canonical id order
/// ([`natural_cmp`]); serialised as a JSON object in that order.
#[derive(Debug, Clone, PartialEq)]
pub struct IdMap<T>(Vec<(String, T)>);

impl<T> Default for IdMap<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T> IdMap<T> {
    /// Builds a map from entries already in canonical id order.
    pub(crate) fn from_sorted(entries: Vec<(String, T)>) -> Self {
        debug_assert!(
            entries
                .windows(2)
                .all(|w| natural_cmp(&w[0].0, &w[1].0).is_lt())
        );
        Self(entries)
    }

    /// The value for an id.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0
            .binary_search_by(|(k, _)| natural_cmp(k, id))
            .ok()
            .map(|i| &self.0[i].1)
    }

    /// Entries in canonical id order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Ids in canonical order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(|(k, _)| k.as_str())
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no entry.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Serialize> Serialize for IdMap<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for IdMap<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdMapVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for IdMapVisitor<T> {
            type Value = IdMap<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a map from ids to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut entries: Vec<(String, T)> = Vec::new();
                while let Some((k, v)) = access.next_entry::<String, T>()? {
                    entries.push((k, v));
                }
                // Written in canonical order, but a hand-edited file may not be.
                entries.sort_by(|a, b| natural_cmp(&a.0, &b.0));
                entries.dedup_by(|later, earlier| later.0 == earlier.0);
                Ok(IdMap(entries))
            }
        }
        deserializer.deserialize_map(IdMapVisitor(std::marker::PhantomData))
    }
}

/// Whether a statement represents a group by agreement or by disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// The group agrees more than the others.
    Agree,
    /// The group disagrees more than the others.
    Disagree,
}

/// A participant's position and group.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Participant {
    /// First principal coordinate.
    pub x: f64,
    /// Second principal coordinate.
    pub y: f64,
    /// Group id; `None` when the participant is not (yet) clustered, e.g.
    /// with too few votes.
    pub group: Option<u32>,
}

/// A representative statement of a group with its statistics (n = count,
/// p = probability with pseudo-count, r = ratio against the other groups,
/// t = z-test; a = agree, d = disagree, s = seen).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RepnessEntry {
    /// Statement id.
    pub statement: String,
    /// Agree when `rat > rdt`, else disagree.
    pub direction: Direction,
    /// Agrees in the group.
    pub na: u32,
    /// Disagrees in the group.
    pub nd: u32,
    /// Votes seen in the group (passes count).
    pub ns: u32,
    /// `(na+1)/(ns+2)`.
    pub pa: f64,
    /// `(nd+1)/(ns+2)`.
    pub pd: f64,
    /// One-proportion test of agreement.
    pub pat: f64,
    /// One-proportion test of disagreement.
    pub pdt: f64,
    /// Agreement probability relative to the other groups pooled.
    pub ra: f64,
    /// Disagreement probability relative to the other groups pooled.
    pub rd: f64,
    /// Two-proportion test of agreement against the other groups.
    pub rat: f64,
    /// Two-proportion test of disagreement against the other groups.
    pub rdt: f64,
    /// Whether this is the group's "best agree" statement (shown first).
    pub best_agree: bool,
}

/// An opinion group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Group {
    /// Group id (stable across runs through the [`State`]).
    pub id: u32,
    /// Participant ids in canonical order.
    pub members: Vec<String>,
    /// Representative statements, at most 5, agrees before disagrees.
    pub repness: Vec<RepnessEntry>,
}

/// Statements nearly everyone agrees (or disagrees) with, at most 5 each.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Consensus {
    /// Broad agreement, strongest first.
    pub agree: Vec<String>,
    /// Broad disagreement, strongest first.
    pub disagree: Vec<String>,
}

/// A statement's projection and routing data.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StatementInfo {
    /// Projection of a participant who agrees with this statement only.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// Length of `(x, y)`: how strongly the statement separates opinions.
    pub extremity: f64,
    /// Routing priority (higher is shown more likely).
    pub priority: f64,
    /// Moderated out: never representative, consensus or routed.
    pub moderated_out: bool,
    /// Meta statement (routed with a fixed priority, excluded from the math).
    pub meta: bool,
}

/// The silhouette of the group clustering for one k.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KScore {
    /// Number of groups asked for.
    pub k: usize,
    /// Mean silhouette over base clusters.
    pub silhouette: f64,
}

/// Wall-clock time per stage, in milliseconds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Building the sparse matrix.
    pub matrix: f64,
    /// Principal components.
    pub pca: f64,
    /// Projections of participants and statements.
    pub projection: f64,
    /// Base clusters.
    pub base_clusters: f64,
    /// Group clusterings for every k and their silhouettes.
    pub group_clusters: f64,
    /// Representative statements, consensus, gic and priorities.
    pub statistics: f64,
    /// Everything.
    pub total: f64,
}

/// Result of [`crate::analyze`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Number of groups.
    pub k: usize,
    /// Every participant's position and group.
    pub participants: IdMap<Participant>,
    /// Groups by id.
    pub groups: Vec<Group>,
    /// Consensus statements over all participants.
    pub consensus: Consensus,
    /// Group-informed consensus (agree) per voted statement.
    pub gic: IdMap<f64>,
    /// Group-informed consensus, disagree variant.
    pub gic_disagree: IdMap<f64>,
    /// Projection, extremity and routing priority of every statement.
    pub statements: IdMap<StatementInfo>,
    /// Number of participants admitted to clustering.
    pub in_conversation: usize,
    /// Silhouette per k tried.
    pub silhouettes: Vec<KScore>,
    /// The k with the best silhouette in this run (before k-smoothing).
    pub best_k: Option<usize>,
    /// Time per stage.
    #[serde(default)]
    pub timings_ms: Timings,
    /// State for the next run.
    #[serde(skip)]
    pub state: State,
}

impl Analysis {
    /// The group of a participant, if clustered.
    pub fn group_of(&self, participant: &str) -> Option<&Group> {
        let id = self.participants.get(participant)?.group?;
        self.groups.iter().find(|g| g.id == id)
    }

    /// Chooses the next statement to show a participant: among statements
    /// that are not moderated out and that `already_voted` rejects, one at
    /// random with probability proportional to its priority (as Polis
    /// does). `draw` is a uniform random number in `[0, 1)` supplied by the
    /// caller, which keeps this function deterministic.
    pub fn next_statement(&self, already_voted: impl Fn(&str) -> bool, draw: f64) -> Option<&str> {
        pick_by_priority(
            self.statements
                .iter()
                .filter(|(id, s)| !s.moderated_out && !already_voted(id))
                .map(|(id, s)| (id, s.priority)),
            draw,
        )
    }

    /// The analysis as JSON in the shape documented at the crate root (what
    /// `dias opinion analyze` writes); the [`State`] is not included.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// Writes [`Analysis::to_json`] to `writer`.
    pub fn write_json<W: std::io::Write>(&self, writer: W) -> serde_json::Result<()> {
        serde_json::to_writer(writer, self)
    }

    /// Reads an analysis written by [`Analysis::to_json`]; its `state` is
    /// empty (the state travels separately, see [`State::to_json`]).
    pub fn from_json(json: &str) -> serde_json::Result<Analysis> {
        serde_json::from_str(json)
    }
}

/// Polis' routing choice over candidates that are already filtered (not
/// voted by the participant, not moderated out): one at random with
/// probability proportional to its priority; `draw` is a uniform number in
/// `[0, 1)` from the caller. Non-finite and negative priorities count as 0;
/// when all are 0 the first candidate is taken. For callers that keep the
/// priorities of the last analysis elsewhere (e.g. in a database) and do
/// not hold the whole [`Analysis`].
pub fn pick_by_priority<'a>(
    candidates: impl IntoIterator<Item = (&'a str, f64)>,
    draw: f64,
) -> Option<&'a str> {
    let candidates: Vec<(&str, f64)> = candidates
        .into_iter()
        .map(|(id, p)| (id, if p.is_finite() { p.max(0.0) } else { 0.0 }))
        .collect();
    let total: f64 = candidates.iter().map(|(_, p)| p).sum();
    if total <= 0.0 {
        return candidates.first().map(|(id, _)| *id);
    }
    let target = draw.clamp(0.0, 1.0) * total;
    let mut acc = 0.0;
    for (id, p) in &candidates {
        acc += p;
        if target < acc {
            return Some(id);
        }
    }
    candidates
        .iter()
        .rev()
        .find(|(_, p)| *p > 0.0)
        .map(|(id, _)| *id)
}
