#![expect(clippy::unwrap_used, reason = "tests")]

//! Parity with Polis' own math worker on five public conversations
//! (`tests/fixtures/*/math-pca2.json`, see the README there).
//!
//! Polis' output is a function of the votes *and of its history*: who was
//! once admitted to clustering (membership is sticky), the previous
//! components and clusters k-means was warm-started from (k-means has many
//! local optima), and how many runs in a row each k has won (k-smoothing).
//! The fixtures hold the final votes and the final output, not the history.
//! Three kinds of test follow from that:
//!
//! 1. **Continuing Polis' state** (`continues_*`): the state Polis carried
//!    (membership, components, base and group clusters, the settled k) is
//!    read from its output into a [`State`] and the votes are analysed once
//!    more — what Polis' next run would do with no new votes. Everything
//!    must then match exactly: k (and the silhouette must pick the same k on
//!    its own), the partition, every group's representative statements in
//!    order, consensus, group-informed consensus, priorities, components.
//! 2. **Replaying the history** (`replays_*`): the votes are fed in time
//!    order, one analysis per tick, carrying our own state. Membership must
//!    come out exactly as Polis' and k as Polis' k, except where noted.
//! 3. **Cold start** (`cold_start_*`): one analysis of all votes without any
//!    state. Components must match; k and the partition are what they are
//!    without history, and each test pins the agreement that holds, with
//!    the reason for what does not.
//!
//! Why cold partitions differ: Polis' group partitions are k-means local
//! optima reached through years of warm starts. Run on Polis' own base
//! clusters from 300 random starts, k-means never returns Polis' partition
//! as its lowest-SSE solution for `below-100-ptpts`, `150ptpt-…` and
//! `above-100-ptpts` (e.g. 150ptpt: Polis' SSE 368.4, best found 362.7),
//! so no deterministic start can reproduce them from the votes alone.

mod common;

use std::collections::BTreeSet;

use common::{Fixture, adjusted_rand_index, load, max_diff_up_to_sign, our_groups, partition};
use dias_opinion::{Analysis, Direction, Options, State, analyze};

/// Polis' `in-conv` minus ours is exactly the participants the history put
/// in; this returns it.
fn extra_in_polis(f: &Fixture, ours: &[String]) -> BTreeSet<String> {
    let ours: BTreeSet<String> = ours.iter().cloned().collect();
    let polis = f.polis_in_conv();
    assert!(
        ours.is_subset(&polis),
        "{}: we admitted participants Polis did not: {:?}",
        f.name,
        ours.difference(&polis).collect::<Vec<_>>()
    );
    polis.difference(&ours).cloned().collect()
}

fn direction(d: Direction) -> &'static str {
    match d {
        Direction::Agree => "agree",
        Direction::Disagree => "disagree",
    }
}

/// Exact comparison of an analysis with Polis' output, after matching
/// groups by membership.
fn assert_same_groups_and_statements(f: &Fixture, a: &Analysis) {
    let polis = f.polis_groups();
    let ours = our_groups(a);
    assert_eq!(a.k, f.polis_k(), "{}: k", f.name);
    assert_eq!(
        partition(ours.values()),
        partition(polis.values()),
        "{}: partition",
        f.name
    );
    for (pid, members) in &polis {
        let group = a
            .groups
            .iter()
            .find(|g| g.members.iter().cloned().collect::<BTreeSet<_>>() == *members)
            .unwrap();
        let got: Vec<(String, String)> = group
            .repness
            .iter()
            .map(|r| (r.statement.clone(), direction(r.direction).to_owned()))
            .collect();
        assert_eq!(
            got,
            f.polis_repness(*pid),
            "{}: repness of group {pid}",
            f.name
        );
        assert!(
            group
                .repness
                .iter()
                .all(|r| !f.polis_mod_out().contains(&r.statement))
        );
    }
    assert_eq!(a.consensus.agree, f.polis_consensus("agree"), "{}", f.name);
    assert_eq!(
        a.consensus.disagree,
        f.polis_consensus("disagree"),
        "{}",
        f.name
    );
    let gic = f.polis_map("group-aware-consensus");
    assert_eq!(gic.len(), a.gic.len(), "{}: gic statements", f.name);
    for (tid, expected) in &gic {
        let got = *a.gic.get(tid).unwrap();
        assert!(
            (got - expected).abs() < 1e-12,
            "{}: gic {tid}: {got} vs {expected}",
            f.name
        );
    }
}

fn assert_components(f: &Fixture, a: &Analysis, tolerance: f64) {
    let (tids, comps) = f.polis_components();
    let ours = a.state.pca.as_ref().unwrap();
    assert_eq!(ours.statements, tids, "{}: columns", f.name);
    for (c, polis) in comps.iter().enumerate() {
        let d = max_diff_up_to_sign(&ours.components[c], polis);
        assert!(d < tolerance, "{}: component {c} differs by {d}", f.name);
    }
}

fn continue_polis_state(name: &'static str) -> (Fixture, Analysis) {
    let f = load(name);
    let votes = f.build(None);
    // Moderation as Polis applied it.
    let ours: BTreeSet<String> = votes
        .statements()
        .iter()
        .filter(|s| votes.is_moderated_out(s) || votes.is_meta(s))
        .cloned()
        .collect();
    assert_eq!(ours, f.polis_mod_out(), "{name}: mod-out");
    let a = analyze(&votes, &Options::default(), Some(&f.polis_state()));
    assert_eq!(
        a.state
            .in_conversation
            .iter()
            .cloned()
            .collect::<BTreeSet<_>>(),
        f.polis_in_conv(),
        "{name}: in-conv"
    );
    // The same base clusters (by id and members).
    let base = |st: &State| -> Vec<(u32, BTreeSet<String>)> {
        st.base_clusters
            .iter()
            .map(|c| (c.id, c.members.iter().cloned().collect()))
            .collect()
    };
    assert_eq!(
        base(&a.state),
        base(&f.polis_state()),
        "{name}: base clusters"
    );
    // The settled k is carried in the state; the silhouette of this run
    // must also pick it by itself.
    assert_eq!(a.best_k, Some(f.polis_k()), "{name}: silhouette winner");
    assert_same_groups_and_statements(&f, &a);
    (f, a)
}

fn assert_priorities_and_extremity(f: &Fixture, a: &Analysis) {
    for (tid, expected) in f.polis_map("comment-priorities") {
        let got = a.statements.get(&tid).unwrap().priority;
        assert!(
            (got - expected).abs() <= 1e-9 * expected.max(1.0),
            "{}: priority {tid}: {got} vs {expected}",
            f.name
        );
    }
    let (tids, _) = f.polis_components();
    let extremity = f.math["pca"]["comment-extremity"].as_array().unwrap();
    for (tid, e) in tids.iter().zip(extremity) {
        let got = a.statements.get(tid).unwrap().extremity;
        assert!(
            (got - e.as_f64().unwrap()).abs() < 1e-9,
            "{}: extremity {tid}",
            f.name
        );
    }
}

#[test]
fn continues_polis_state_below_100_ptpts() {
    let (f, a) = continue_polis_state("below-100-ptpts");
    assert_components(&f, &a, 1e-9);
    assert_priorities_and_extremity(&f, &a);
}

#[test]
fn continues_polis_state_25ptpt_with_meta() {
    let (f, a) = continue_polis_state("25ptpt-3gp-no-strict-with-meta");
    assert_components(&f, &a, 1e-9);
    assert_priorities_and_extremity(&f, &a);
}

/// `votes.json` of this fixture lacks 4 votes that Polis counted: its
/// `user-vote-counts` give participant 50 four votes (945 in all, 941 in the
/// file). They enter Polis' PCA, which runs over all participants, so the
/// components differ by up to 0.024 and so do extremities and priorities
/// (and all 29 priorities in this output are exactly 49 = 7², Polis' value
/// for meta statements, although none is meta: this output predates the
/// current priority code). Participant 50 is not in the conversation
/// (4 < 7 votes), so membership, groups, representative statements,
/// consensus and gic are unaffected and match exactly.
#[test]
fn continues_polis_state_50ptpt_strict_with_missing_votes() {
    let (f, a) = continue_polis_state("50ptpt-3gp-strict-no-meta");
    assert_components(&f, &a, 0.025);
    let priorities = f.polis_map("comment-priorities");
    assert!(priorities.values().all(|p| *p == 49.0));
}

#[test]
fn continues_polis_state_150ptpt() {
    let (f, a) = continue_polis_state("150ptpt-3gp-no-strict-no-meta");
    assert_components(&f, &a, 1e-9);
    assert_priorities_and_extremity(&f, &a);
}

#[test]
fn continues_polis_state_above_100_ptpts() {
    let (f, a) = continue_polis_state("above-100-ptpts");
    assert_components(&f, &a, 1e-9);
    assert_priorities_and_extremity(&f, &a);
}

// ---------------------------------------------------------------------------
// Replaying the vote history.

/// One analysis per tick of `tick_ms`, state carried. The fixtures hold
/// each vote's last-change time, not Polis' tick times; 60 s ticks (1 day
/// for the two large, long-running conversations, which gives the same
/// membership and keeps the test fast) reproduce Polis' membership.
fn replay(name: &'static str, tick_ms: f64) -> (Fixture, Analysis) {
    let f = load(name);
    let (a, ticks) = f.replay(tick_ms, &Options::default());
    assert!(ticks > 10, "{name}: only {ticks} ticks");
    (f, a)
}

#[test]
fn replays_below_100_ptpts_membership_and_k() {
    let (f, a) = replay("below-100-ptpts", 60_000.0);
    // Four participants with 1–2 votes were admitted early on, when fewer
    // than 15 had voted (the top-up rule); replaying admits them too.
    assert!(extra_in_polis(&f, &a.state.in_conversation).is_empty());
    // k = 3 is Polis' k-smoothing at work: a cold start on the final votes
    // prefers k = 2 by silhouette, the replayed history keeps 3.
    assert_eq!(a.k, 3);
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.45);
}

#[test]
fn replays_25ptpt_membership_and_k() {
    let (f, a) = replay("25ptpt-3gp-no-strict-with-meta", 60_000.0);
    assert!(extra_in_polis(&f, &a.state.in_conversation).is_empty());
    assert_eq!(a.k, f.polis_k());
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.6);
}

#[test]
fn replays_50ptpt_membership_and_k() {
    let (f, a) = replay("50ptpt-3gp-strict-no-meta", 60_000.0);
    // Participants 4 and 14 have fewer than 7 votes now; they qualified
    // when the conversation had fewer statements.
    assert!(extra_in_polis(&f, &a.state.in_conversation).is_empty());
    assert_eq!(a.k, f.polis_k());
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.9);
}

#[test]
fn replays_150ptpt_membership() {
    let (f, a) = replay("150ptpt-3gp-no-strict-no-meta", 86_400_000.0);
    assert!(extra_in_polis(&f, &a.state.in_conversation).is_empty());
    // Our replayed history settles on k = 2 (Polis: 3). The silhouettes of
    // k = 2…4 lie within 0.04 of each other here, and which k wins along the
    // way depends on tick times the fixture does not record. A cold start
    // and a run from Polis' state both give k = 3.
    assert_eq!(a.k, 2);
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.15);
}

#[test]
fn replays_above_100_ptpts_membership_and_k() {
    let (f, a) = replay("above-100-ptpts", 86_400_000.0);
    // Polis admitted 31 more participants, all of whom first voted in 2018
    // and have 2–6 votes. The conversation ran from January 2018; since
    // December 2018 Polis admits nobody with fewer than 7 votes (there are
    // 2018 participants with 1 vote it left out), so these came from an
    // earlier admission rule of Polis that the current code no longer has.
    let extra = extra_in_polis(&f, &a.state.in_conversation);
    assert_eq!(extra.len(), 31);
    let counts = f.vote_counts();
    let end_of_2018 = 1_546_300_800_000.0;
    for p in &extra {
        assert!((2..7).contains(&counts[p]), "participant {p}");
        let first = f
            .votes
            .iter()
            .filter(|v| &v.participant == p)
            .map(|v| v.modified)
            .fold(f64::INFINITY, f64::min);
        assert!(first < end_of_2018, "participant {p}");
    }
    assert_eq!(a.k, f.polis_k());
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.85);
}

// ---------------------------------------------------------------------------
// Cold start.

fn cold(name: &'static str) -> (Fixture, Analysis) {
    let f = load(name);
    let a = analyze(&f.build(None), &Options::default(), None);
    (f, a)
}

/// Without history the participants admitted are those with ≥ 7 votes;
/// Polis also has those admitted earlier (see the replay tests).
fn assert_cold_membership(f: &Fixture, a: &Analysis) {
    let counts = f.vote_counts();
    for p in extra_in_polis(f, &a.state.in_conversation) {
        assert!(counts.get(&p).copied().unwrap_or(0) < 7, "{}: {p}", f.name);
    }
}

#[test]
fn cold_start_below_100_ptpts() {
    let (f, a) = cold("below-100-ptpts");
    // Power iteration from a random start converges to Polis' components.
    assert_components(&f, &a, 1e-6);
    assert_cold_membership(&f, &a);
    // Silhouette prefers k = 2 on the final votes; Polis holds 3 through
    // k-smoothing (see replays_below_100_ptpts_membership_and_k).
    assert_eq!(a.k, 2);
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.7);
}

#[test]
fn cold_start_25ptpt_with_meta() {
    let (f, a) = cold("25ptpt-3gp-no-strict-with-meta");
    // The second component converges slowly here (singular values 7.99
    // and 7.55 follow it): 100 steps from a random start leave it 5e-6
    // from Polis' (which was warm-started over the whole history).
    assert_components(&f, &a, 1e-4);
    assert_cold_membership(&f, &a);
    assert_eq!(a.k, f.polis_k());
    // Another local optimum of the same k.
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.6);
}

#[test]
fn cold_start_50ptpt_strict_matches_polis_groups_exactly() {
    let (f, a) = cold("50ptpt-3gp-strict-no-meta");
    // See continues_polis_state_50ptpt_strict_with_missing_votes.
    assert_components(&f, &a, 0.025);
    assert_cold_membership(&f, &a);
    // Polis' two history-admitted participants (4, 14) aside, the same
    // groups and the same representative statements.
    assert_eq!(a.k, f.polis_k());
    let extra = extra_in_polis(&f, &a.state.in_conversation);
    let polis: Vec<BTreeSet<String>> = f
        .polis_groups()
        .into_values()
        .map(|g| g.difference(&extra).cloned().collect())
        .collect();
    assert_eq!(partition(our_groups(&a).values()), partition(polis.iter()));
}

#[test]
fn cold_start_150ptpt() {
    let (f, a) = cold("150ptpt-3gp-no-strict-no-meta");
    assert_components(&f, &a, 1e-6);
    assert_cold_membership(&f, &a);
    assert_eq!(a.k, f.polis_k());
    // 100 base clusters over 121 participants, built up over the whole
    // history in Polis: the three groups split the middle differently.
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.25);
}

#[test]
fn cold_start_above_100_ptpts() {
    let (f, a) = cold("above-100-ptpts");
    assert_components(&f, &a, 1e-6);
    assert_cold_membership(&f, &a);
    assert_eq!(a.k, f.polis_k());
    assert!(adjusted_rand_index(&f.polis_groups(), &our_groups(&a)) > 0.85);
}

/// The state survives a JSON round trip and continuing from it is the same
/// as continuing from the original.
#[test]
fn state_round_trips_through_json() {
    let f = load("25ptpt-3gp-no-strict-with-meta");
    let votes = f.build(None);
    let first = analyze(&votes, &Options::default(), None);
    let json = serde_json::to_string(&first.state).unwrap();
    let back: State = serde_json::from_str(&json).unwrap();
    assert_eq!(back, first.state);
    let a = analyze(&votes, &Options::default(), Some(&first.state));
    let b = analyze(&votes, &Options::default(), Some(&back));
    assert_eq!(our_groups(&a), our_groups(&b));
    assert_eq!(a.state, b.state);
}
