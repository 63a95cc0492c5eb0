//! The pipeline: matrix → membership → PCA → projection → base clusters →
//! group clusters (k by silhouette, smoothed) → statement statistics.

use std::collections::HashMap;
use std::time::Instant;

use serde::{Deserialize, Serialize};

use crate::analysis::{
    Analysis, Consensus, Group, IdMap, KScore, Participant, StatementInfo, Timings,
};
use crate::kmeans::{self, Cluster, Points};
use crate::matrix::Matrix;
use crate::pca;
use crate::state::{BaseCluster, GroupCluster, GroupClustering, KSmoother, PcaState, State};
use crate::stats::{self, Counts};
use crate::votes::Votes;

/// Tuning of the analysis. The defaults are Polis' defaults.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Power-iteration steps per component (Polis: 100).
    pub pca_iters: usize,
    /// Number of base clusters (Polis: 100).
    pub base_k: usize,
    /// Maximum k-means steps for base clusters (Polis: 100).
    pub base_iters: usize,
    /// Largest number of groups tried (Polis: 5); the smallest is 2.
    pub max_k: usize,
    /// Maximum k-means steps for group clusters. Polis passes its
    /// `group-iters` (100) under a key its k-means ignores, so the effective
    /// cap there is the k-means default of 20.
    pub group_iters: usize,
    /// Consecutive wins before k changes (Polis: 4).
    pub k_buffer: u32,
    /// Votes (passes count) that admit a participant to clustering, capped
    /// at the number of statements (Polis: 7).
    pub min_votes: usize,
    /// If fewer participants qualify, the most active are added up to this
    /// number (Polis: 15).
    pub min_in_conversation: usize,
    /// Participants considered (Polis: 100,000): the first in canonical id
    /// order; the others are left out of the analysis. Polis admits the
    /// first by arrival and remembers them; ids here carry no arrival time.
    pub max_participants: usize,
    /// Voted statements considered (Polis: 10,000), the first in canonical
    /// id order; votes on others are ignored.
    pub max_statements: usize,
    /// Seed of the random PCA start vectors used without a warm start.
    pub seed: u64,
    /// Use several threads for large inputs (results are identical either way).
    pub parallel: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            pca_iters: 100,
            base_k: 100,
            base_iters: 100,
            max_k: 5,
            group_iters: 20,
            k_buffer: 4,
            min_votes: 7,
            min_in_conversation: 15,
            max_participants: 100_000,
            max_statements: 10_000,
            seed: 0,
            parallel: true,
        }
    }
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1000.0
}

/// Which rows are admitted to clustering (sticky; top-up to the minimum).
fn in_conversation(votes: &Votes, m: &Matrix, options: &Options, previous: &State) -> Vec<bool> {
    let names = votes.participants();
    let sticky: std::collections::HashSet<&str> = previous
        .in_conversation
        .iter()
        .map(String::as_str)
        .collect();
    let threshold = options.min_votes.min(m.n_cols).max(1);
    let mut admitted: Vec<bool> = (0..m.n_rows)
        .map(|r| {
            let n = m.raw_counts[r] as usize;
            n > 0 && (n >= threshold || sticky.contains(names[r].as_str()))
        })
        .collect();
    let count = admitted.iter().filter(|a| **a).count();
    if count < options.min_in_conversation {
        let mut rest: Vec<usize> = (0..m.n_rows)
            .filter(|&r| !admitted[r] && m.raw_counts[r] > 0)
            .collect();
        rest.sort_by(|&a, &b| m.raw_counts[b].cmp(&m.raw_counts[a]));
        for r in rest.into_iter().take(options.min_in_conversation - count) {
            admitted[r] = true;
        }
    }
    admitted
}

/// Warm-start vectors over the current columns (missing entries: 1, as
/// Polis pads new columns).
fn pca_start(votes: &Votes, m: &Matrix, previous: &State) -> [Option<Vec<f64>>; 2] {
    let Some(p) = &previous.pca else {
        return [None, None];
    };
    let index: HashMap<&str, usize> = p
        .statements
        .iter()
        .enumerate()
        .map(|(i, s)| (s.as_str(), i))
        .collect();
    let names = votes.statements();
    let mut out = [None, None];
    for (k, slot) in out.iter_mut().enumerate() {
        let Some(comp) = p.components.get(k) else {
            continue;
        };
        *slot = Some(
            m.statement_of_col
                .iter()
                .map(|&s| {
                    index
                        .get(names[s as usize].as_str())
                        .and_then(|&i| comp.get(i).copied())
                        .unwrap_or(1.0)
                })
                .collect(),
        );
    }
    out
}

/// Warm-start clusters with members mapped to current point indices
/// (members that are gone are dropped).
fn map_members<M>(
    id: u32,
    members: &[M],
    center: [f64; 2],
    index: impl Fn(&M) -> Option<usize>,
) -> Cluster {
    Cluster {
        id,
        members: members.iter().filter_map(index).collect(),
        center,
    }
}

/// Base clusters over the admitted participants (`conv_rows`, canonical
/// order), warm-started from the previous run's.
fn base_clusters(
    names: &[String],
    conv_rows: &[usize],
    positions: &[[f64; 2]],
    previous: &State,
    options: &Options,
) -> Vec<Cluster> {
    let xy: Vec<[f64; 2]> = conv_rows.iter().map(|&r| positions[r]).collect();
    let point_of: HashMap<&str, usize> = conv_rows
        .iter()
        .enumerate()
        .map(|(i, &r)| (names[r].as_str(), i))
        .collect();
    let last: Vec<Cluster> = previous
        .base_clusters
        .iter()
        .map(|c| {
            map_members(c.id, &c.members, c.center, |p| {
                point_of.get(p.as_str()).copied()
            })
        })
        .collect();
    let points = Points {
        xy: &xy,
        weights: None,
        parallel: options.parallel,
    };
    kmeans::kmeans(&points, options.base_k, Some(&last), options.base_iters)
}

/// The group clustering for one k.
struct Clustering {
    k: usize,
    clusters: Vec<Cluster>,
    silhouette: f64,
}

/// Group clusterings for k = 2 … max, the silhouette winner and the
/// smoothed choice (an index into `all`).
struct GroupChoice {
    all: Vec<Clustering>,
    best_k: Option<usize>,
    smoother: KSmoother,
    chosen: Option<usize>,
}

fn group_clusterings(base: &[Cluster], previous: &State, options: &Options) -> GroupChoice {
    let xy: Vec<[f64; 2]> = base.iter().map(|c| c.center).collect();
    let weights: Vec<f64> = base.iter().map(|c| c.members.len() as f64).collect();
    let index: HashMap<u32, usize> = base.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let points = Points {
        xy: &xy,
        weights: Some(&weights),
        parallel: false,
    };
    let max_k = options.max_k.min(2 + base.len() / 12).max(2);
    let mut all = Vec::new();
    if !base.is_empty() {
        for k in 2..=max_k {
            let last: Option<Vec<Cluster>> = previous
                .group_clusterings
                .iter()
                .find(|g| g.k == k)
                .map(|g| {
                    g.clusters
                        .iter()
                        .map(|c| map_members(c.id, &c.members, c.center, |b| index.get(b).copied()))
                        .collect()
                });
            let clusters = kmeans::kmeans(&points, k, last.as_deref(), options.group_iters);
            let silhouette = kmeans::silhouette(&xy, &clusters);
            all.push(Clustering {
                k,
                clusters,
                silhouette,
            });
        }
    }
    // Best silhouette; ties go to the larger k (Clojure's max-key).
    let best_k = all
        .iter()
        .fold(None::<&Clustering>, |best, c| match best {
            Some(b) if c.silhouette < b.silhouette => best,
            _ => Some(c),
        })
        .map(|c| c.k);
    let smoother = match best_k {
        Some(k) => previous.k_smoother.update(k, options.k_buffer),
        None => previous.k_smoother.clone(),
    };
    // The smoothed k, or the best one if the smoothed k was not tried.
    let chosen = smoother
        .smoothed_k
        .and_then(|k| all.iter().position(|c| c.k == k))
        .or_else(|| best_k.and_then(|k| all.iter().position(|c| c.k == k)));
    GroupChoice {
        all,
        best_k,
        smoother,
        chosen,
    }
}

/// Vote counts per group and column: on M (zeroed columns are skipped:
/// they are never candidates) and on the raw votes (for gic and priority).
fn group_counts(
    votes: &Votes,
    m: &Matrix,
    group_rows: &[Vec<usize>],
) -> (Vec<Vec<Counts>>, Vec<Vec<Counts>>) {
    group_rows
        .iter()
        .map(|rows| {
            let mut on_m = vec![Counts::default(); m.n_cols];
            let mut raw = vec![Counts::default(); m.n_cols];
            for &r in rows {
                let (cols, vals) = m.row_votes(r);
                for (&col, &v) in cols.iter().zip(vals) {
                    on_m[col as usize].add(v);
                }
                let (ss, vs) = votes.row(r);
                for (&s, &v) in ss.iter().zip(vs) {
                    if let Some(col) = m.col_of_statement[s as usize] {
                        raw[col as usize].add(v);
                    }
                }
            }
            (on_m, raw)
        })
        .unzip()
}

/// Consensus over all participants.
fn consensus(m: &Matrix, candidates: &[(usize, &str)]) -> Consensus {
    let mut all = vec![Counts::default(); m.n_cols];
    for r in 0..m.n_rows {
        let (cols, vals) = m.row_votes(r);
        for (&col, &v) in cols.iter().zip(vals) {
            all[col as usize].add(v);
        }
    }
    let input: Vec<(usize, Counts)> = candidates.iter().map(|&(c, _)| (c, all[c])).collect();
    let (agree, disagree) = stats::select_consensus(&input);
    let name = |c: usize| {
        candidates
            .iter()
            .find(|(col, _)| *col == c)
            .map_or_else(String::new, |(_, s)| (*s).to_owned())
    };
    Consensus {
        agree: agree.into_iter().map(name).collect(),
        disagree: disagree.into_iter().map(name).collect(),
    }
}

/// Projection, extremity and routing priority of every statement.
fn statement_info(
    votes: &Votes,
    m: &Matrix,
    col_positions: &[[f64; 2]],
    raw: &[Vec<Counts>],
) -> Vec<(String, StatementInfo)> {
    let flags_mod = votes.moderated_out_flags();
    let flags_meta = votes.meta_flags();
    votes
        .statements()
        .iter()
        .enumerate()
        .map(|(s, id)| {
            let (xy, total) = match m.col_of_statement[s] {
                Some(c) => {
                    let c = c as usize;
                    let mut t = Counts::default();
                    for g in raw {
                        t.na += g[c].na;
                        t.nd += g[c].nd;
                        t.ns += g[c].ns;
                    }
                    (col_positions[c], t)
                }
                None => ([0.0, 0.0], Counts::default()),
            };
            let extremity = kmeans::dist(xy, [0.0, 0.0]);
            let info = StatementInfo {
                x: xy[0],
                y: xy[1],
                extremity,
                priority: stats::priority(&total, extremity, flags_meta[s]),
                moderated_out: flags_mod[s],
                meta: flags_meta[s],
            };
            (id.clone(), info)
        })
        .collect()
}

/// Runs the whole analysis. `previous` is the [`State`] of the last run of
/// the same conversation (or `None` for a cold start).
pub fn analyze(votes: &Votes, options: &Options, previous: Option<&State>) -> Analysis {
    let start = Instant::now();
    let empty = State::default();
    let previous = previous.unwrap_or(&empty);
    let mut timings = Timings::default();
    let names = votes.participants();
    let statements = votes.statements();

    let t = Instant::now();
    let m = Matrix::new(votes, options.max_participants, options.max_statements);
    let admitted = in_conversation(votes, &m, options, previous);
    let conv_rows: Vec<usize> = (0..m.n_rows).filter(|&r| admitted[r]).collect();
    timings.matrix = ms(t);

    let t = Instant::now();
    let pcs = pca::components(
        &m,
        options.pca_iters,
        pca_start(votes, &m, previous),
        options.seed,
        options.parallel,
    );
    timings.pca = ms(t);

    let t = Instant::now();
    let positions = pca::project_rows(&m, &pcs);
    let col_positions = pca::project_columns(&m, &pcs);
    timings.projection = ms(t);

    let t = Instant::now();
    let base = base_clusters(names, &conv_rows, &positions, previous, options);
    timings.base_clusters = ms(t);

    let t = Instant::now();
    let choice = group_clusterings(&base, previous, options);
    let group_clusters: &[Cluster] = choice.chosen.map_or(&[], |i| &choice.all[i].clusters);
    timings.group_clusters = ms(t);

    let t = Instant::now();
    // Members of each group, as matrix rows in canonical order.
    let group_rows: Vec<Vec<usize>> = group_clusters
        .iter()
        .map(|g| {
            let mut rows: Vec<usize> = g
                .members
                .iter()
                .flat_map(|&b| base[b].members.iter().map(|&p| conv_rows[p]))
                .collect();
            rows.sort_unstable();
            rows
        })
        .collect();
    let (counts, raw_counts) = group_counts(votes, &m, &group_rows);
    let candidates: Vec<(usize, &str)> = (0..m.n_cols)
        .filter(|&c| !m.zeroed[c])
        .map(|c| (c, statements[m.statement_of_col[c] as usize].as_str()))
        .collect();
    let group_stats = stats::group_stats(&counts);
    let groups: Vec<Group> = group_clusters
        .iter()
        .zip(&group_rows)
        .zip(&group_stats)
        .map(|((g, rows), st)| Group {
            id: g.id,
            members: rows.iter().map(|&r| names[r].clone()).collect(),
            repness: stats::select_repness(st, &candidates),
        })
        .collect();
    let consensus = consensus(&m, &candidates);
    let col_name = |c: usize| statements[m.statement_of_col[c] as usize].clone();
    let mut gic = Vec::with_capacity(m.n_cols);
    let mut gic_disagree = Vec::with_capacity(m.n_cols);
    if !raw_counts.is_empty() {
        for c in 0..m.n_cols {
            let (a, d) = stats::gic(raw_counts.iter().map(|g| &g[c]));
            gic.push((col_name(c), a));
            gic_disagree.push((col_name(c), d));
        }
    }
    let statement_info = statement_info(votes, &m, &col_positions, &raw_counts);
    timings.statistics = ms(t);

    let mut group_of_row: Vec<Option<u32>> = vec![None; m.n_rows];
    for (g, rows) in group_clusters.iter().zip(&group_rows) {
        for &r in rows {
            group_of_row[r] = Some(g.id);
        }
    }
    let participants = IdMap::from_sorted(
        (0..m.n_rows)
            .map(|r| {
                let p = Participant {
                    x: positions[r][0],
                    y: positions[r][1],
                    group: group_of_row[r],
                };
                (names[r].clone(), p)
            })
            .collect(),
    );

    let state = State {
        in_conversation: conv_rows.iter().map(|&r| names[r].clone()).collect(),
        pca: (!pcs.comps.is_empty()).then(|| PcaState {
            statements: m
                .statement_of_col
                .iter()
                .map(|&s| statements[s as usize].clone())
                .collect(),
            components: pcs.comps.clone(),
        }),
        base_clusters: base
            .iter()
            .map(|c| BaseCluster {
                id: c.id,
                members: c
                    .members
                    .iter()
                    .map(|&p| names[conv_rows[p]].clone())
                    .collect(),
                center: c.center,
            })
            .collect(),
        group_clusterings: choice
            .all
            .iter()
            .map(|g| GroupClustering {
                k: g.k,
                clusters: g
                    .clusters
                    .iter()
                    .map(|c| GroupCluster {
                        id: c.id,
                        members: c.members.iter().map(|&b| base[b].id).collect(),
                        center: c.center,
                    })
                    .collect(),
            })
            .collect(),
        k_smoother: choice.smoother.clone(),
    };
    timings.total = ms(start);

    Analysis {
        k: groups.len(),
        participants,
        groups,
        consensus,
        gic: IdMap::from_sorted(gic),
        gic_disagree: IdMap::from_sorted(gic_disagree),
        statements: IdMap::from_sorted(statement_info),
        in_conversation: conv_rows.len(),
        silhouettes: choice
            .all
            .iter()
            .map(|c| KScore {
                k: c.k,
                silhouette: c.silhouette,
            })
            .collect(),
        best_k: choice.best_k,
        timings_ms: timings,
        state,
    }
}
