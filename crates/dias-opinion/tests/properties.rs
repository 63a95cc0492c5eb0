//! Properties of the analysis on synthetic conversations made by a seeded
//! generator: order independence, component signs, determinism, state
//! carried between runs, routing, and robustness on tiny inputs.

#![expect(clippy::unwrap_used, reason = "tests")]

use std::collections::BTreeSet;

use dias_opinion::{
    Analysis, Direction, Options, SplitMix64, State, Timings, Votes, analyze, votes_from_csv,
};

/// `n` participants in `groups` latent camps voting on `statements`
/// statements with probability `density`; a participant follows the camp's
/// opinion with probability 0.8, passes with 0.1 and opposes otherwise.
fn synthetic(
    seed: u64,
    n: usize,
    statements: usize,
    groups: usize,
    density: f64,
) -> Vec<(String, String, i64)> {
    let mut rng = SplitMix64::new(seed);
    let opinions: Vec<Vec<i64>> = (0..groups)
        .map(|_| {
            (0..statements)
                .map(|_| if rng.next_f64() < 0.5 { 1 } else { -1 })
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for p in 0..n {
        let camp = p % groups;
        for (s, &o) in opinions[camp].iter().enumerate() {
            if rng.next_f64() >= density {
                continue;
            }
            let r = rng.next_f64();
            let vote = if r < 0.8 {
                o
            } else if r < 0.9 {
                0
            } else {
                -o
            };
            out.push((format!("p{p}"), format!("s{s}"), vote));
        }
    }
    out
}

fn shuffle<T>(items: &mut [T], seed: u64) {
    let mut rng = SplitMix64::new(seed);
    for i in (1..items.len()).rev() {
        let j = usize::try_from(rng.next_u64() % (i as u64 + 1)).unwrap();
        items.swap(i, j);
    }
}

fn votes(triples: &[(String, String, i64)]) -> Votes {
    Votes::from_triples(triples.iter().map(|(p, s, v)| (p, s, *v))).unwrap()
}

/// The analysis without its timings (the only part that may differ).
fn untimed(mut a: Analysis) -> Analysis {
    a.timings_ms = Timings::default();
    a
}

fn partition(a: &Analysis) -> BTreeSet<BTreeSet<String>> {
    a.groups
        .iter()
        .map(|g| g.members.iter().cloned().collect())
        .collect()
}

fn all_finite(a: &Analysis) -> bool {
    let json = serde_json::to_value(a).unwrap();
    fn walk(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
            serde_json::Value::Array(xs) => xs.iter().all(walk),
            serde_json::Value::Object(m) => m
                .iter()
                .all(|(k, v)| walk(v) && (k == "group" || k == "best_k" || !v.is_null())),
            _ => true,
        }
    }
    walk(&json)
}

#[test]
fn permuting_vote_order_does_not_change_the_analysis() {
    let triples = synthetic(1, 120, 30, 3, 0.7);
    let a = analyze(&votes(&triples), &Options::default(), None);
    for seed in 0..3 {
        let mut shuffled = triples.clone();
        shuffle(&mut shuffled, seed);
        let b = analyze(&votes(&shuffled), &Options::default(), None);
        assert_eq!(untimed(a.clone()), untimed(b));
    }
    assert_eq!(a.k, 3);
}

#[test]
fn renaming_participants_in_the_same_order_keeps_the_partition() {
    let triples = synthetic(2, 90, 25, 3, 0.8);
    let renamed: Vec<(String, String, i64)> = triples
        .iter()
        .map(|(p, s, v)| {
            let n: usize = p[1..].parse().unwrap();
            (format!("user-{n:05}"), s.clone(), *v)
        })
        .collect();
    let a = analyze(&votes(&triples), &Options::default(), None);
    let b = analyze(&votes(&renamed), &Options::default(), None);
    let rename = |set: &BTreeSet<BTreeSet<String>>| -> BTreeSet<BTreeSet<String>> {
        set.iter()
            .map(|g| {
                g.iter()
                    .map(|p| format!("user-{:05}", p[1..].parse::<usize>().unwrap()))
                    .collect()
            })
            .collect()
    };
    assert_eq!(rename(&partition(&a)), partition(&b));
}

#[test]
fn a_flipped_component_in_the_state_only_flips_the_projection() {
    let v = votes(&synthetic(3, 150, 40, 3, 0.6));
    let options = Options::default();
    let first = analyze(&v, &options, None);
    let again = analyze(&v, &options, Some(&first.state));
    for flip in [[true, false], [false, true], [true, true]] {
        let mut state: State = first.state.clone();
        let pca = state.pca.as_mut().unwrap();
        for (c, f) in flip.iter().enumerate() {
            if *f {
                pca.components[c].iter_mut().for_each(|x| *x = -*x);
            }
        }
        let flipped = analyze(&v, &options, Some(&state));
        for ((id, p), (_, q)) in again.participants.iter().zip(flipped.participants.iter()) {
            let sx = if flip[0] { -1.0 } else { 1.0 };
            let sy = if flip[1] { -1.0 } else { 1.0 };
            assert!((p.x - sx * q.x).abs() < 1e-9, "{id}: {} vs {}", p.x, q.x);
            assert!((p.y - sy * q.y).abs() < 1e-9, "{id}: {} vs {}", p.y, q.y);
        }
        assert_eq!(partition(&again), partition(&flipped));
        assert_eq!(again.groups, flipped.groups);
        assert_eq!(again.consensus, flipped.consensus);
    }
}

#[test]
fn another_seed_gives_the_same_groups_up_to_component_signs() {
    let v = votes(&synthetic(4, 120, 30, 4, 0.7));
    let a = analyze(&v, &Options::default(), None);
    let b = analyze(
        &v,
        &Options {
            seed: 99,
            ..Options::default()
        },
        None,
    );
    let pa = &a.state.pca.as_ref().unwrap().components;
    let pb = &b.state.pca.as_ref().unwrap().components;
    for c in 0..2 {
        let plus: f64 = pa[c]
            .iter()
            .zip(&pb[c])
            .map(|(x, y)| (x - y).abs())
            .fold(0.0, f64::max);
        let minus: f64 = pa[c]
            .iter()
            .zip(&pb[c])
            .map(|(x, y)| (x + y).abs())
            .fold(0.0, f64::max);
        assert!(plus.min(minus) < 1e-6, "component {c}");
    }
    assert_eq!(partition(&a), partition(&b));
}

#[test]
fn same_input_and_seed_give_identical_output_in_parallel_or_not() {
    // Large enough for the parallel paths (≥ 50,000 votes; ≥ 200,000
    // point–center pairs in k-means).
    let v = votes(&synthetic(5, 3000, 40, 3, 0.6));
    assert!(v.len() > 50_000);
    let a = analyze(&v, &Options::default(), None);
    let b = analyze(&v, &Options::default(), None);
    let c = analyze(
        &v,
        &Options {
            parallel: false,
            ..Options::default()
        },
        None,
    );
    assert_eq!(untimed(a.clone()), untimed(b));
    assert_eq!(untimed(a.clone()), untimed(c));
    assert_eq!(a.k, 3);
    assert_eq!(a.state.base_clusters.len(), 100);
}

#[test]
fn participants_stay_in_once_admitted() {
    // Early on there are 3 statements: 3 votes admit a participant.
    let mut triples = Vec::new();
    for p in 0..20 {
        for s in 0..3 {
            triples.push((
                format!("p{p}"),
                format!("s{s}"),
                if (p + s) % 2 == 0 { 1 } else { -1 },
            ));
        }
    }
    let early = analyze(&votes(&triples), &Options::default(), None);
    assert_eq!(early.in_conversation, 20);
    // Later 20 more statements, voted on by 20 newcomers only: the early
    // participants have 3 < 7 votes but stay in through the state.
    for p in 20..40 {
        for s in 0..23 {
            triples.push((
                format!("p{p}"),
                format!("s{s}"),
                if (p * s) % 3 == 0 { 1 } else { -1 },
            ));
        }
    }
    let v = votes(&triples);
    let later = analyze(&v, &Options::default(), Some(&early.state));
    assert_eq!(later.in_conversation, 40);
    let cold = analyze(&v, &Options::default(), None);
    assert_eq!(cold.in_conversation, 20);
    assert!(cold.participants.get("p0").unwrap().group.is_none());
    assert!(later.participants.get("p0").unwrap().group.is_some());
}

#[test]
fn tops_up_to_fifteen_most_active_participants() {
    let mut triples = Vec::new();
    for p in 0..30usize {
        // p0..p4 vote on 10 statements; the rest on fewer.
        let n = if p < 5 { 10 } else { 1 + p % 4 };
        for s in 0..n {
            triples.push((format!("p{p}"), format!("s{s}"), 1));
        }
    }
    let a = analyze(&votes(&triples), &Options::default(), None);
    assert_eq!(a.in_conversation, 15);
    for p in 0..5 {
        assert!(
            a.participants
                .get(&format!("p{p}"))
                .unwrap()
                .group
                .is_some()
        );
    }
}

/// Builds two camps in the first run, then shows a conversation where the
/// silhouette prefers another k: the groups keep their k for three runs
/// and switch on the fourth.
#[test]
fn k_changes_only_after_winning_four_runs_in_a_row() {
    let options = Options::default();
    let first = analyze(&votes(&synthetic(6, 60, 20, 2, 1.0)), &options, None);
    assert_eq!(first.k, 2);
    let four = votes(&synthetic(7, 60, 20, 4, 1.0));
    let mut state = first.state.clone();
    let mut ks = Vec::new();
    let mut best = Vec::new();
    for _ in 0..4 {
        let a = analyze(&four, &options, Some(&state));
        ks.push(a.k);
        best.push(a.best_k.unwrap());
        state = a.state;
    }
    assert!(best.iter().all(|&k| k == best[0] && k != 2), "{best:?}");
    assert_eq!(ks[..3], [2, 2, 2]);
    assert_eq!(ks[3], best[0]);
}

#[test]
fn routing_skips_voted_and_moderated_statements_and_favours_new_ones() {
    let mut b = Votes::builder();
    for (p, s, v) in synthetic(8, 40, 10, 2, 1.0) {
        b.vote(&p, &s, v).unwrap();
    }
    b.statement("fresh").moderate_out("s3");
    let a = analyze(&b.build(), &Options::default(), None);
    let fresh = a.statements.get("fresh").unwrap();
    assert!((fresh.priority - 5.0625).abs() < 1e-12);
    assert!(
        a.statements
            .iter()
            .filter(|(id, _)| *id != "fresh")
            .all(|(_, s)| s.priority < fresh.priority)
    );
    let voted = |s: &str| s == "fresh" || s == "s0";
    for i in 0..200 {
        let draw = f64::from(i) / 200.0;
        let next = a.next_statement(voted, draw).unwrap();
        assert!(next != "fresh" && next != "s0" && next != "s3", "{next}");
    }
    assert!(a.next_statement(|_| false, 0.999_999).is_some());
    assert_eq!(a.next_statement(|s| s != "s5", 0.3), Some("s5"));
    assert_eq!(a.next_statement(|_| true, 0.3), None);
    // Moderated out: never representative, never consensus.
    assert!(
        a.groups
            .iter()
            .all(|g| g.repness.iter().all(|r| r.statement != "s3"))
    );
    assert!(!a.consensus.agree.contains(&"s3".to_owned()));
}

#[test]
fn representative_statements_describe_the_camps() {
    let triples = synthetic(9, 100, 20, 2, 0.9);
    let a = analyze(&votes(&triples), &Options::default(), None);
    assert_eq!(a.k, 2);
    for g in &a.groups {
        assert!(!g.repness.is_empty() && g.repness.len() <= 5);
        // Agrees before disagrees, at most one best-agree and it is first.
        let dirs: Vec<Direction> = g.repness.iter().map(|r| r.direction).collect();
        let mut sorted = dirs.clone();
        sorted.sort_by_key(|d| *d == Direction::Disagree);
        assert_eq!(dirs, sorted);
        assert!(g.repness.iter().skip(1).all(|r| !r.best_agree));
        for r in &g.repness {
            let (p, t) = match r.direction {
                Direction::Agree => (r.pa, r.rat),
                Direction::Disagree => (r.pd, r.rdt),
            };
            assert!(p > 0.5 && t > 1.2816, "{r:?}");
        }
    }
}

#[test]
fn serialises_to_the_documented_json() {
    let (v, errors) = votes_from_csv(
        "participant,statement,vote\na,1,1\nb,1,-1\nc,1,1\na,2,0\nb,2,1\nc,2,-1\nd,1,x\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(errors.len(), 1);
    let a = analyze(&v, &Options::default(), None);
    let json = serde_json::to_value(&a).unwrap();
    for key in [
        "k",
        "participants",
        "groups",
        "consensus",
        "gic",
        "timings_ms",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    let p = &json["participants"]["a"];
    assert!(p["x"].is_number() && p["y"].is_number() && p.get("group").is_some());
    let g = &json["groups"][0];
    assert!(g["id"].is_number() && g["members"].is_array());
    let r = &g["repness"][0];
    for key in [
        "statement",
        "direction",
        "pa",
        "pd",
        "pat",
        "pdt",
        "ra",
        "rd",
        "rat",
        "rdt",
    ] {
        assert!(r.get(key).is_some(), "{key}");
    }
    assert!(r["direction"] == "agree" || r["direction"] == "disagree");
    assert!(json["consensus"]["agree"].is_array() && json["consensus"]["disagree"].is_array());
    assert!(json["gic"]["1"].is_number());
    assert!(json.get("state").is_none());
}

#[test]
fn empty_and_tiny_inputs_do_not_panic() {
    let cases: Vec<Vec<(&str, &str, i64)>> = vec![
        vec![],
        vec![("a", "1", 1)],
        vec![("a", "1", 0)],
        vec![("a", "1", 1), ("a", "2", -1), ("a", "3", 0)],
        vec![("a", "1", 1), ("b", "1", -1), ("c", "1", 0)],
        vec![("a", "1", 1), ("b", "1", 1)],
        vec![("a", "1", 1), ("b", "2", 1)],
        vec![("a", "1", 0), ("b", "1", 0), ("c", "2", 0), ("d", "2", 0)],
        (0..30).map(|_| ("same", "1", 1)).collect(),
    ];
    for triples in &cases {
        let v = Votes::from_triples(triples.iter().copied()).unwrap();
        let a = analyze(&v, &Options::default(), None);
        assert!(a.k <= v.participants().len(), "{triples:?}");
        assert!(all_finite(&a), "{triples:?}");
        let b = analyze(&v, &Options::default(), Some(&a.state));
        assert!(all_finite(&b), "{triples:?}");
    }
    // Identical participants, only moderated-out or meta statements,
    // statements without votes.
    let mut b = Votes::builder();
    for p in 0..20 {
        b.vote(&format!("p{p}"), "x", 1).unwrap();
        b.vote(&format!("p{p}"), "y", -1).unwrap();
    }
    b.moderate_out("x").meta("y").statement("z");
    let v = b.build();
    let a = analyze(&v, &Options::default(), None);
    assert!(all_finite(&a));
    assert!(a.groups.iter().all(|g| g.repness.is_empty()));
    assert!(a.next_statement(|_| false, 0.5).is_some());
    // Odd options.
    let odd = Options {
        base_k: 0,
        max_k: 0,
        pca_iters: 0,
        base_iters: 0,
        group_iters: 0,
        k_buffer: 0,
        min_votes: 0,
        min_in_conversation: 0,
        max_participants: 1,
        max_statements: 1,
        ..Options::default()
    };
    let v = votes(&synthetic(10, 30, 10, 2, 0.8));
    assert!(all_finite(&analyze(&v, &odd, None)));
}

#[test]
fn analysis_and_state_read_back_from_their_json() {
    let triples = synthetic(7, 90, 25, 3, 0.6);
    let a = analyze(&votes(&triples), &Options::default(), None);
    let back = Analysis::from_json(&a.to_json().unwrap()).unwrap();
    let mut expected = a.clone();
    expected.state = State::default();
    assert_eq!(back, expected);
    let state = State::from_json(&a.state.to_json().unwrap()).unwrap();
    assert_eq!(state, a.state);
    // The carried state read back continues exactly as the original.
    let next = analyze(&votes(&triples), &Options::default(), Some(&state));
    let direct = analyze(&votes(&triples), &Options::default(), Some(&a.state));
    assert_eq!(untimed(next), untimed(direct));
}

#[test]
fn routing_by_stored_priorities_matches_the_analysis() {
    let triples = synthetic(3, 60, 20, 2, 0.5);
    let a = analyze(&votes(&triples), &Options::default(), None);
    for i in 0..20 {
        let draw = f64::from(i) / 20.0;
        let voted = |id: &str| id.ends_with('3');
        let by_analysis = a.next_statement(voted, draw);
        let by_priorities = dias_opinion::pick_by_priority(
            a.statements
                .iter()
                .filter(|(id, s)| !s.moderated_out && !voted(id))
                .map(|(id, s)| (id, s.priority)),
            draw,
        );
        assert_eq!(by_analysis, by_priorities);
    }
    assert!(dias_opinion::unseen_priority() > 0.0);
}
