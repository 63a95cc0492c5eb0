//! dias-opinion: the opinion map (Meinungsbild) of participation processes —
//! opinion groups, what each group stands for, and where everyone agrees —
//! computed as Polis computes it (`compdemocracy/polis`,
//! `math/src/polismath/math/*.clj`), as a pure library: votes in, an
//! [`Analysis`] out, no I/O, no clock other than for timings.
//!
//! # Pipeline
//! [`analyze`] builds a sparse participants × statements matrix from
//! [`Votes`] (agree = +1, disagree = −1, pass = 0; moderated-out columns
//! count as 0 for everyone), admits participants with enough votes to
//! clustering (sticky), finds two principal components by power iteration
//! over the sparse centred matrix (warm-started from the last run), projects
//! everyone with Polis' sparsity-aware scaling, groups admitted participants
//! into up to 100 base clusters with k-means, clusters those base clusters
//! into 2–5 groups with weighted k-means, picks k by silhouette with
//! k-smoothing, and finally computes, from the vote counts of each group,
//! representative statements (`repness`), consensus, group-informed
//! consensus and the routing priority of every statement. Every formula and
//! selection rule follows Polis, including its quirks where they change
//! results (e.g. the 32-bit rounding of `repness-test` before ranking, ties
//! going to the later candidate, 20 k-means steps for groups).
//!
//! # State and determinism
//! Polis' results depend on history: who was once admitted, the previous
//! components and clusters (k-means has many local optima) and how often a
//! k has won. All of this is carried in [`State`], which each analysis
//! returns for the next one; it is plain serde data. Without a previous
//! state the analysis starts cold, from seeded random PCA start vectors
//! ([`Options::seed`]) and "first k distinct points" k-means. Participants
//! and statements are processed in a canonical id order ([`natural_cmp`]),
//! so the same votes, options and state always give the same analysis
//! (timings aside), whatever order the votes came in. Large inputs are
//! split into fixed chunks that rayon processes in parallel; chunks do not
//! depend on the thread count, so parallel and sequential runs agree
//! bit for bit.
//!
//! # Scale
//! Nothing dense of size participants × statements is ever built: the PCA
//! product `XᵀX v` is one pass over the stored votes, k-means works on 2-D
//! points, and group statistics are counts. Memory is linear in the number
//! of votes.
//!
//! # JSON
//! [`Analysis`] serialises (serde) to
//! `{"k", "participants": {id: {"x", "y", "group"}}, "groups": [{"id",
//! "members", "repness": [{"statement", "direction": "agree"|"disagree",
//! "na", "nd", "ns", "pa", "pd", "pat", "pdt", "ra", "rd", "rat", "rdt",
//! "best_agree"}]}], "consensus": {"agree", "disagree"}, "gic": {id: f},
//! "gic_disagree", "statements": {id: {"x", "y", "extremity", "priority",
//! "moderated_out", "meta"}}, "in_conversation", "silhouettes", "best_k",
//! "timings_ms"}`, maps keyed by id in canonical order; `group` is `null`
//! for participants not clustered. The [`State`] is not part of it and is
//! serialised separately. [`Analysis::to_json`] writes it and
//! [`Analysis::from_json`] reads it back; [`State::to_json`] and
//! [`State::from_json`] do the same for the state.
//!
//! # Routing
//! [`Analysis::next_statement`] picks the next statement for a participant
//! at random, weighted by priority (Polis' `priority-metric`), never one
//! they already voted on and never a moderated-out one. Callers that keep
//! only the priorities (e.g. in a database column) use [`pick_by_priority`]
//! and [`unseen_priority`] for statements newer than the last analysis.

mod analysis;
mod analyze;
mod csv_input;
mod kmeans;
mod matrix;
mod pca;
mod rng;
mod state;
mod stats;
mod votes;

pub use analysis::{
    Analysis, Consensus, Direction, Group, IdMap, KScore, Participant, RepnessEntry, StatementInfo,
    Timings, pick_by_priority,
};
pub use analyze::{Options, analyze};
pub use csv_input::{CsvError, RowError, read_into, read_statements_into, votes_from_csv};
pub use rng::SplitMix64;
pub use state::{BaseCluster, GroupCluster, GroupClustering, KSmoother, PcaState, State};
pub use stats::{Z_90, prop_test, two_prop_test, unseen_priority, z_sig_90};
pub use votes::{AGREE, DISAGREE, PASS, Vote, VoteError, Votes, VotesBuilder, natural_cmp};
