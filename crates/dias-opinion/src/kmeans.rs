//! k-means as Polis runs it (`polismath.math.clusters`), on 2-D points.
//!
//! * A cold start takes the first k distinct points as centers.
//! * A warm start ("last clusters") keeps the previous clusters' members,
//!   recomputes their centers from the members' new positions, merges
//!   clusters whose centers coincide, and then splits off the most distant
//!   point as a new cluster until there are `min(k, distinct points)`
//!   clusters (`clean-start-clusters`).
//! * Each step assigns every point to its nearest center (ties go to the
//!   later cluster, as Clojure's `min-key` does), drops empty clusters and
//!   moves centers to the (weighted) mean. It stops when every center moved
//!   less than 0.01 (centers compared in sorted order) or after `max_iters`
//!   further steps. The result is the last step's clusters: members
//!   assigned by the previous centers, centers recomputed.
//!
//! Points are referred to by index; cluster ids are kept stable across runs.

use std::collections::HashSet;

use rayon::prelude::*;

/// Below this many point–center pairs per step, k-means runs on one thread.
const PARALLEL_MIN_WORK: usize = 200_000;

/// Convergence threshold on center movement (Polis' `same-clustering?`).
const SAME_THRESHOLD: f64 = 0.01;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cluster {
    pub id: u32,
    /// Point indices.
    pub members: Vec<usize>,
    pub center: [f64; 2],
}

/// Points with optional weights.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Points<'a> {
    pub xy: &'a [[f64; 2]],
    pub weights: Option<&'a [f64]>,
    pub parallel: bool,
}

fn dist2(a: [f64; 2], b: [f64; 2]) -> f64 {
    let dx = a[0] - b[0];
    let dy = a[1] - b[1];
    dx * dx + dy * dy
}

/// Euclidean distance.
pub(crate) fn dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    dist2(a, b).sqrt()
}

fn key(p: [f64; 2]) -> (u64, u64) {
    // +0.0 turns -0.0 into 0.0, so both count as the same point.
    ((p[0] + 0.0).to_bits(), (p[1] + 0.0).to_bits())
}

impl Points<'_> {
    fn mean(&self, members: &[usize]) -> [f64; 2] {
        match self.weights {
            None => {
                let n = members.len() as f64;
                let (sx, sy) = members.iter().fold((0.0, 0.0), |(x, y), &m| {
                    (x + self.xy[m][0], y + self.xy[m][1])
                });
                [sx / n, sy / n]
            }
            Some(w) => {
                let (sx, sy, sw) = members.iter().fold((0.0, 0.0, 0.0), |(x, y, s), &m| {
                    (x + w[m] * self.xy[m][0], y + w[m] * self.xy[m][1], s + w[m])
                });
                [sx / sw, sy / sw]
            }
        }
    }

    fn distinct(&self) -> usize {
        self.xy
            .iter()
            .map(|&p| key(p))
            .collect::<HashSet<_>>()
            .len()
    }

    fn use_parallel(&self, k: usize) -> bool {
        self.parallel && self.xy.len().saturating_mul(k) >= PARALLEL_MIN_WORK
    }

    /// For every point, the index (in `clusters`) of its nearest center and
    /// the squared distance to it; ties go to the later cluster.
    fn nearest(&self, clusters: &[Cluster]) -> Vec<(usize, f64)> {
        let one = |p: &[f64; 2]| {
            let mut best = (0, f64::INFINITY);
            for (i, c) in clusters.iter().enumerate() {
                let d = dist2(*p, c.center);
                if d <= best.1 {
                    best = (i, d);
                }
            }
            best
        };
        if self.use_parallel(clusters.len()) {
            self.xy.par_iter().map(one).collect()
        } else {
            self.xy.iter().map(one).collect()
        }
    }
}

/// The first `k` distinct points as centers, with ids 0, 1, ….
fn init_clusters(points: &Points<'_>, k: usize) -> Vec<Cluster> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for &p in points.xy {
        if out.len() >= k {
            break;
        }
        if seen.insert(key(p)) {
            out.push(Cluster {
                id: u32::try_from(out.len()).unwrap_or(u32::MAX),
                members: Vec::new(),
                center: p,
            });
        }
    }
    out
}

/// Polis' `clean-start-clusters`.
fn clean_start(points: &Points<'_>, last: &[Cluster], k: usize) -> Vec<Cluster> {
    let n = points.xy.len();
    // Recenter on the members' new positions; drop clusters without members.
    let mut clusters: Vec<Cluster> = last
        .iter()
        .filter(|c| !c.members.is_empty())
        .map(|c| Cluster {
            id: c.id,
            members: c.members.clone(),
            center: points.mean(&c.members),
        })
        .collect();
    if clusters.is_empty() {
        let all: Vec<usize> = (0..n).collect();
        clusters.push(Cluster {
            id: last.iter().map(|c| c.id + 1).max().unwrap_or(0),
            center: points.mean(&all),
            members: all,
        });
    }
    // Merge clusters whose centers coincide.
    let mut unique: Vec<Cluster> = Vec::with_capacity(clusters.len());
    for c in clusters {
        match unique.iter().position(|u| key(u.center) == key(c.center)) {
            Some(i) => {
                let u = &mut unique[i];
                let (n1, n2) = (u.members.len() as f64, c.members.len() as f64);
                if u.members.len() <= c.members.len() {
                    u.id = c.id;
                }
                u.center = [
                    (n1 * u.center[0] + n2 * c.center[0]) / (n1 + n2),
                    (n1 * u.center[1] + n2 * c.center[1]) / (n1 + n2),
                ];
                u.members.extend(c.members);
            }
            None => unique.push(c),
        }
    }
    let possible = k.min(points.distinct());
    let mut clusters = unique;
    loop {
        clusters.retain(|c| !c.members.is_empty());
        for c in &mut clusters {
            c.center = points.mean(&c.members);
        }
        if possible <= clusters.len() {
            return clusters;
        }
        // The point farthest from its nearest center (ties: the later point).
        let nearest = points.nearest(&clusters);
        let mut far = (0usize, -1.0f64);
        for (i, &(_, d)) in nearest.iter().enumerate() {
            if d >= far.1 {
                far = (i, d);
            }
        }
        if far.1 <= 0.0 {
            return clusters;
        }
        let outlier = far.0;
        for c in &mut clusters {
            c.members.retain(|&m| m != outlier);
        }
        let id = clusters.iter().map(|c| c.id + 1).max().unwrap_or(0);
        clusters.push(Cluster {
            id,
            members: vec![outlier],
            center: points.xy[outlier],
        });
    }
}

/// One assignment + update step.
fn step(points: &Points<'_>, clusters: &[Cluster]) -> Vec<Cluster> {
    let nearest = points.nearest(clusters);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); clusters.len()];
    for (p, &(c, _)) in nearest.iter().enumerate() {
        members[c].push(p);
    }
    clusters
        .iter()
        .zip(members)
        .filter(|(_, m)| !m.is_empty())
        .map(|(c, m)| Cluster {
            id: c.id,
            center: points.mean(&m),
            members: m,
        })
        .collect()
}

fn same_clustering(a: &[Cluster], b: &[Cluster]) -> bool {
    let sorted = |cs: &[Cluster]| {
        let mut v: Vec<[f64; 2]> = cs.iter().map(|c| c.center).collect();
        v.sort_by(|x, y| x[0].total_cmp(&y[0]).then(x[1].total_cmp(&y[1])));
        v
    };
    sorted(a)
        .into_iter()
        .zip(sorted(b))
        .all(|(x, y)| dist(x, y) < SAME_THRESHOLD)
}

/// Runs k-means; `last` (members as point indices) warm-starts it. The
/// result is sorted by cluster id.
pub(crate) fn kmeans(
    points: &Points<'_>,
    k: usize,
    last: Option<&[Cluster]>,
    max_iters: usize,
) -> Vec<Cluster> {
    if points.xy.is_empty() || k == 0 {
        return Vec::new();
    }
    let mut clusters = match last {
        Some(l) if !l.is_empty() => clean_start(points, l, k),
        _ => init_clusters(points, k),
    };
    clusters.sort_by_key(|c| c.id);
    let mut left = max_iters;
    loop {
        let new = step(points, &clusters);
        if left == 0 || same_clustering(&clusters, &new) {
            return new;
        }
        clusters = new;
        left -= 1;
    }
}

/// Mean silhouette of a clustering of `points` (unweighted; a member of a
/// singleton cluster scores 0; a clustering with one cluster scores 0; a
/// 0/0 score, from coinciding points, counts as 0).
pub(crate) fn silhouette(points: &[[f64; 2]], clusters: &[Cluster]) -> f64 {
    let mut total = 0.0;
    let mut count = 0usize;
    for (ci, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            count += 1;
            if c.members.len() == 1 {
                continue;
            }
            let mean_to = |others: &mut dyn Iterator<Item = usize>| {
                let (s, n) = others.fold((0.0, 0usize), |(s, n), o| {
                    (s + dist(points[m], points[o]), n + 1)
                });
                s / n as f64
            };
            let a = mean_to(&mut c.members.iter().copied().filter(|&o| o != m));
            let b = clusters
                .iter()
                .enumerate()
                .filter(|(di, d)| *di != ci && !d.members.is_empty())
                .map(|(_, d)| mean_to(&mut d.members.iter().copied()))
                .fold(None, |acc: Option<f64>, x| {
                    Some(acc.map_or(x, |a| a.min(x)))
                });
            if let Some(b) = b {
                let s = (b - a) / a.max(b);
                if s.is_finite() {
                    total += s;
                }
            }
        }
    }
    if count == 0 {
        0.0
    } else {
        total / count as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(xy: &[[f64; 2]]) -> Points<'_> {
        Points {
            xy,
            weights: None,
            parallel: false,
        }
    }

    fn partition(cs: &[Cluster]) -> Vec<Vec<usize>> {
        let mut v: Vec<Vec<usize>> = cs
            .iter()
            .map(|c| {
                let mut m = c.members.clone();
                m.sort_unstable();
                m
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn separates_two_obvious_blobs() {
        let xy = [
            [0.0, 0.0],
            [0.1, 0.0],
            [0.0, 0.1],
            [5.0, 5.0],
            [5.1, 5.0],
            [5.0, 5.1],
        ];
        let cs = kmeans(&pts(&xy), 2, None, 20);
        assert_eq!(partition(&cs), vec![vec![0, 1, 2], vec![3, 4, 5]]);
        assert!(silhouette(&xy, &cs) > 0.9);
    }

    #[test]
    fn starts_cold_from_the_first_distinct_points() {
        let xy = [[1.0, 1.0], [1.0, 1.0], [2.0, 2.0], [3.0, 3.0]];
        let cs = init_clusters(&pts(&xy), 2);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].center, [1.0, 1.0]);
        assert_eq!(cs[1].center, [2.0, 2.0]);
    }

    #[test]
    fn warm_start_splits_off_the_most_distant_point() {
        let xy = [[0.0, 0.0], [0.0, 1.0], [10.0, 0.0]];
        let last = [Cluster {
            id: 4,
            members: vec![0, 1, 2],
            center: [0.0, 0.0],
        }];
        let cs = clean_start(&pts(&xy), &last, 2);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[1].id, 5);
        assert_eq!(cs[1].members, vec![2]);
        assert_eq!(cs[0].center, [0.0, 0.5]);
    }

    #[test]
    fn warm_start_merges_clusters_with_the_same_center() {
        let xy = [[1.0, 1.0], [1.0, 1.0], [1.0, 1.0]];
        let last = [
            Cluster {
                id: 0,
                members: vec![0],
                center: [0.0, 0.0],
            },
            Cluster {
                id: 1,
                members: vec![1, 2],
                center: [9.0, 9.0],
            },
        ];
        let cs = clean_start(&pts(&xy), &last, 5);
        assert_eq!(cs.len(), 1);
        assert_eq!(cs[0].id, 1);
        assert_eq!(cs[0].members.len(), 3);
    }

    #[test]
    fn warm_start_without_surviving_members_makes_one_cluster() {
        let xy = [[1.0, 1.0], [3.0, 1.0]];
        let last = [Cluster {
            id: 7,
            members: vec![],
            center: [0.0, 0.0],
        }];
        let cs = clean_start(&pts(&xy), &last, 1);
        assert_eq!(
            cs,
            vec![Cluster {
                id: 8,
                members: vec![0, 1],
                center: [2.0, 1.0]
            }]
        );
    }

    #[test]
    fn weights_pull_the_center() {
        let xy = [[0.0, 0.0], [4.0, 0.0]];
        let w = [3.0, 1.0];
        let p = Points {
            xy: &xy,
            weights: Some(&w),
            parallel: false,
        };
        assert_eq!(p.mean(&[0, 1]), [1.0, 0.0]);
    }

    #[test]
    fn silhouette_of_singletons_and_single_cluster_is_zero() {
        let xy = [[0.0, 0.0], [1.0, 0.0]];
        let single = [Cluster {
            id: 0,
            members: vec![0, 1],
            center: [0.5, 0.0],
        }];
        assert_eq!(silhouette(&xy, &single), 0.0);
        let pair = [
            Cluster {
                id: 0,
                members: vec![0],
                center: [0.0, 0.0],
            },
            Cluster {
                id: 1,
                members: vec![1],
                center: [1.0, 0.0],
            },
        ];
        assert_eq!(silhouette(&xy, &pair), 0.0);
    }

    #[test]
    fn parallel_assignment_equals_sequential() {
        let mut rng = crate::rng::SplitMix64::new(1);
        let xy: Vec<[f64; 2]> = (0..5000)
            .map(|_| [rng.next_f64(), rng.next_f64()])
            .collect();
        let seq = kmeans(
            &Points {
                xy: &xy,
                weights: None,
                parallel: false,
            },
            100,
            None,
            100,
        );
        let par = kmeans(
            &Points {
                xy: &xy,
                weights: None,
                parallel: true,
            },
            100,
            None,
            100,
        );
        assert_eq!(seq, par);
    }
}
