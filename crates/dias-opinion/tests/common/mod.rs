//! Loading the Polis fixtures and comparing partitions.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use dias_opinion::{
    Analysis, BaseCluster, GroupCluster, GroupClustering, KSmoother, PcaState, State, Votes,
};
use serde_json::Value;

/// One raw vote of a fixture.
#[derive(Debug, Clone)]
pub struct RawVote {
    pub participant: String,
    pub statement: String,
    /// dias convention (agree = +1). The fixtures' `votes.json` already uses
    /// it (they were exported through Polis' API, which flips the internal
    /// agree = −1); `math-pca2.json` uses Polis' internal convention, which
    /// only matters for signs of projections and is compared up to sign.
    pub vote: i64,
    /// Milliseconds since the epoch of the vote's last change.
    pub modified: f64,
}

/// How Polis' math treats a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moderation {
    pub moderated_out: bool,
    pub meta: bool,
}

/// Polis' `mod-update`: a comment is moderated out (`mod-out`) when it is a
/// meta comment or was rejected (`mod = -1`). The strict-moderation flag
/// does not enter Polis' math at all: under strict moderation the *server*
/// does not show unmoderated (`mod = 0`) comments to voters, so they get no
/// votes, but if they have votes (as in `below-100-ptpts`, strict, with
/// `mod = 0` comments) those count. A conversation's `strict` flag is
/// therefore accepted and deliberately ignored here, as Polis does.
pub fn polis_moderation(moderation: i64, is_meta: bool, _strict: bool) -> Moderation {
    Moderation {
        moderated_out: is_meta || moderation == -1,
        meta: is_meta,
    }
}

pub struct Fixture {
    pub name: &'static str,
    pub votes: Vec<RawVote>,
    /// statement id → moderation
    pub statements: BTreeMap<String, Moderation>,
    pub math: Value,
}

fn dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str, file: &str) -> Value {
    let text = std::fs::read_to_string(dir(name).join(file)).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn id(v: &Value, keys: &[&str]) -> String {
    for k in keys {
        match v.get(*k) {
            Some(Value::Number(n)) => return n.to_string(),
            Some(Value::String(s)) => return s.clone(),
            _ => {}
        }
    }
    panic!("no {keys:?} in {v}");
}

fn number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap(),
        Value::String(s) => s.parse().unwrap(),
        _ => panic!("not a number: {v}"),
    }
}

pub fn load(name: &'static str) -> Fixture {
    let strict = read(name, "conversation.json")["strict_moderation"]
        .as_bool()
        .unwrap();
    let votes = read(name, "votes.json")
        .as_array()
        .unwrap()
        .iter()
        .map(|v| RawVote {
            participant: id(v, &["participant_id", "pid"]),
            statement: id(v, &["statement_id", "tid"]),
            vote: v["vote"].as_i64().unwrap(),
            modified: number(&v["modified"]),
        })
        .collect();
    let statements = read(name, "comments.json")
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            let m = c.get("moderated").or_else(|| c.get("mod")).unwrap();
            let moderation =
                polis_moderation(m.as_i64().unwrap(), c["is_meta"].as_bool().unwrap(), strict);
            (id(c, &["statement_id", "tid"]), moderation)
        })
        .collect();
    Fixture {
        name,
        votes,
        statements,
        math: read(name, "math-pca2.json"),
    }
}

impl Fixture {
    /// The votes (optionally only those up to a time) with moderation.
    pub fn build(&self, until: Option<f64>) -> Votes {
        let mut b = Votes::builder();
        for (s, m) in &self.statements {
            b.statement(s);
            if m.moderated_out {
                b.moderate_out(s);
            }
            if m.meta {
                b.meta(s);
            }
        }
        for v in &self.votes {
            if until.is_none_or(|t| v.modified <= t) {
                b.vote(&v.participant, &v.statement, v.vote).unwrap();
            }
        }
        b.build()
    }

    /// Polis' mod-out list.
    pub fn polis_mod_out(&self) -> BTreeSet<String> {
        ids(&self.math["mod-out"])
    }

    pub fn polis_in_conv(&self) -> BTreeSet<String> {
        ids(&self.math["in-conv"])
    }

    pub fn polis_k(&self) -> usize {
        self.math["group-clusters"].as_array().unwrap().len()
    }

    /// Polis' groups as sets of participants, keyed by Polis group id.
    pub fn polis_groups(&self) -> BTreeMap<u64, BTreeSet<String>> {
        let base = &self.math["base-clusters"];
        let members: HashMap<u64, BTreeSet<String>> = base["id"]
            .as_array()
            .unwrap()
            .iter()
            .zip(base["members"].as_array().unwrap())
            .map(|(id, m)| (id.as_u64().unwrap(), ids(m)))
            .collect();
        self.math["group-clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| {
                let all = g["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|b| members[&b.as_u64().unwrap()].iter().cloned())
                    .collect();
                (g["id"].as_u64().unwrap(), all)
            })
            .collect()
    }

    /// Polis' representative statements per group id, in its order.
    pub fn polis_repness(&self, gid: u64) -> Vec<(String, String)> {
        self.math["repness"][gid.to_string()]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["tid"].to_string(),
                    r["repful-for"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    }

    pub fn polis_consensus(&self, side: &str) -> Vec<String> {
        self.math["consensus"][side]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["tid"].to_string())
            .collect()
    }

    pub fn polis_map(&self, key: &str) -> BTreeMap<String, f64> {
        self.math[key]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_f64().unwrap()))
            .collect()
    }

    /// Polis' components by statement.
    pub fn polis_components(&self) -> (Vec<String>, Vec<Vec<f64>>) {
        let tids = self.math["tids"]
            .as_array()
            .unwrap()
            .iter()
            .map(Value::to_string)
            .collect();
        let comps = self.math["pca"]["comps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                c.as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x.as_f64().unwrap())
                    .collect()
            })
            .collect();
        (tids, comps)
    }

    /// The state Polis held after computing this output: sticky
    /// membership, components, base clusters, the chosen group clustering
    /// and the k it had settled on. Polis does not export the silhouette
    /// winner of its last run or how often it won, so the smoother carries
    /// only the settled k.
    pub fn polis_state(&self) -> State {
        let (tids, comps) = self.polis_components();
        let base = &self.math["base-clusters"];
        let base_clusters = (0..base["id"].as_array().unwrap().len())
            .map(|i| BaseCluster {
                id: u32::try_from(base["id"][i].as_u64().unwrap()).unwrap(),
                members: ids(&base["members"][i]).into_iter().collect(),
                center: [
                    base["x"][i].as_f64().unwrap(),
                    base["y"][i].as_f64().unwrap(),
                ],
            })
            .collect();
        let k = self.polis_k();
        let clusters = self.math["group-clusters"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| GroupCluster {
                id: u32::try_from(g["id"].as_u64().unwrap()).unwrap(),
                members: g["members"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|b| u32::try_from(b.as_u64().unwrap()).unwrap())
                    .collect(),
                center: [
                    g["center"][0].as_f64().unwrap(),
                    g["center"][1].as_f64().unwrap(),
                ],
            })
            .collect();
        State {
            in_conversation: self.polis_in_conv().into_iter().collect(),
            pca: Some(PcaState {
                statements: tids,
                components: comps,
            }),
            base_clusters,
            group_clusterings: vec![GroupClustering { k, clusters }],
            k_smoother: KSmoother {
                last_k: None,
                last_k_count: 0,
                smoothed_k: Some(k),
            },
        }
    }

    /// Votes per participant.
    pub fn vote_counts(&self) -> HashMap<String, usize> {
        let mut c = HashMap::new();
        for v in &self.votes {
            *c.entry(v.participant.clone()).or_insert(0) += 1;
        }
        c
    }

    /// Replays the conversation: votes in time order, one analysis per tick
    /// of `tick_ms` (all votes whose last change falls within `tick_ms` of
    /// the tick's first vote), carrying the state. Returns the last analysis
    /// and the number of ticks.
    pub fn replay(&self, tick_ms: f64, options: &dias_opinion::Options) -> (Analysis, usize) {
        let mut times: Vec<f64> = self.votes.iter().map(|v| v.modified).collect();
        times.sort_by(f64::total_cmp);
        let mut ends = Vec::new();
        let mut i = 0;
        while i < times.len() {
            let end = times[i] + tick_ms;
            while i < times.len() && times[i] < end {
                i += 1;
            }
            ends.push(times[i - 1]);
        }
        let mut state: Option<State> = None;
        let mut last = None;
        for &end in &ends {
            let a = dias_opinion::analyze(&self.build(Some(end)), options, state.as_ref());
            state = Some(a.state.clone());
            last = Some(a);
        }
        (last.unwrap(), ends.len())
    }
}

fn ids(v: &Value) -> BTreeSet<String> {
    v.as_array().unwrap().iter().map(Value::to_string).collect()
}

/// A partition as a set of member sets.
pub fn partition<'a>(
    groups: impl IntoIterator<Item = &'a BTreeSet<String>>,
) -> BTreeSet<BTreeSet<String>> {
    groups.into_iter().cloned().collect()
}

/// Our groups as member sets, keyed by group id.
pub fn our_groups(a: &Analysis) -> BTreeMap<u64, BTreeSet<String>> {
    a.groups
        .iter()
        .map(|g| (u64::from(g.id), g.members.iter().cloned().collect()))
        .collect()
}

/// Adjusted Rand index of two labelings over the participants both label.
pub fn adjusted_rand_index(
    a: &BTreeMap<u64, BTreeSet<String>>,
    b: &BTreeMap<u64, BTreeSet<String>>,
) -> f64 {
    let label = |g: &BTreeMap<u64, BTreeSet<String>>| -> HashMap<String, u64> {
        g.iter()
            .flat_map(|(id, m)| m.iter().map(move |p| (p.clone(), *id)))
            .collect()
    };
    let (la, lb) = (label(a), label(b));
    let mut table: HashMap<(u64, u64), f64> = HashMap::new();
    let mut rows: HashMap<u64, f64> = HashMap::new();
    let mut cols: HashMap<u64, f64> = HashMap::new();
    let mut n = 0.0;
    for (p, x) in &la {
        if let Some(y) = lb.get(p) {
            *table.entry((*x, *y)).or_insert(0.0) += 1.0;
            *rows.entry(*x).or_insert(0.0) += 1.0;
            *cols.entry(*y).or_insert(0.0) += 1.0;
            n += 1.0;
        }
    }
    let c2 = |x: f64| x * (x - 1.0) / 2.0;
    let index: f64 = table.values().map(|&x| c2(x)).sum();
    let sa: f64 = rows.values().map(|&x| c2(x)).sum();
    let sb: f64 = cols.values().map(|&x| c2(x)).sum();
    let expected = sa * sb / c2(n);
    let max = (sa + sb) / 2.0;
    if (max - expected).abs() < f64::EPSILON {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

/// Largest difference between two vectors, up to a common sign.
pub fn max_diff_up_to_sign(a: &[f64], b: &[f64]) -> f64 {
    let plus = a
        .iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max);
    let minus = a
        .iter()
        .zip(b)
        .map(|(x, y)| (x + y).abs())
        .fold(0.0, f64::max);
    plus.min(minus)
}
