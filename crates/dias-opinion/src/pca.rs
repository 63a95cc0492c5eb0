//! Principal components by power iteration, as Polis computes them, and the
//! sparsity-aware projection of participants and statements.
//!
//! The covariance product `XᵀX v` is computed from the sparse centred matrix
//! (one pass over the stored cells), and the second component is found on
//! the deflated matrix `X(I − P)` without materialising it:
//! `(I − P) XᵀX (I − P) v` with `P = p pᵀ / pᵀp`. Arithmetically this is
//! Polis' Gram–Schmidt "factor-matrix" step.

use rayon::prelude::*;

use crate::matrix::{Matrix, ROW_CHUNK};
use crate::rng::SplitMix64;

/// Below this many stored cells the products run on one thread.
const PARALLEL_MIN_NNZ: usize = 50_000;

/// Principal components over the matrix columns (0, 1 or 2 of them).
#[derive(Debug, Clone, Default)]
pub(crate) struct Components {
    pub comps: Vec<Vec<f64>>,
}

impl Components {
    fn get(&self, k: usize, c: usize) -> f64 {
        self.comps.get(k).map_or(0.0, |v| v[c])
    }
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

fn norm(a: &[f64]) -> f64 {
    dot(a, a).sqrt()
}

/// `XᵀX v`, summed chunk by chunk (fixed chunks, summed in order).
fn xtx(m: &Matrix, v: &[f64], parallel: bool) -> Vec<f64> {
    let n_chunks = m.n_rows.div_ceil(ROW_CHUNK).max(1);
    let partial = |chunk: usize| {
        let mut acc = vec![0.0; m.n_cols];
        let end = ((chunk + 1) * ROW_CHUNK).min(m.n_rows);
        for r in chunk * ROW_CHUNK..end {
            let (cols, vals) = m.row(r);
            let s: f64 = cols
                .iter()
                .zip(vals)
                .map(|(&c, &x)| x * v[c as usize])
                .sum();
            if s != 0.0 {
                for (&c, &x) in cols.iter().zip(vals) {
                    acc[c as usize] += s * x;
                }
            }
        }
        acc
    };
    let partials: Vec<Vec<f64>> = if parallel && n_chunks > 1 && m.nnz() >= PARALLEL_MIN_NNZ {
        (0..n_chunks).into_par_iter().map(partial).collect()
    } else {
        (0..n_chunks).map(partial).collect()
    };
    let mut iter = partials.into_iter();
    let mut total = iter.next().unwrap_or_else(|| vec![0.0; m.n_cols]);
    for p in iter {
        for (t, x) in total.iter_mut().zip(p) {
            *t += x;
        }
    }
    total
}

/// Removes the component along `p` (no-op when `p` is zero).
fn project_out(v: &mut [f64], p: &[f64], pp: f64) {
    if pp == 0.0 {
        return;
    }
    let coeff = dot(p, v) / pp;
    for (x, y) in v.iter_mut().zip(p) {
        *x -= coeff * y;
    }
}

/// Polis' `power-iteration`: repeat `v ← normalize(A v)` until `iters` is
/// used up or the eigenvalue estimate repeats exactly.
fn power_iteration(
    mut apply: impl FnMut(&[f64]) -> Vec<f64>,
    iters: usize,
    start: Vec<f64>,
) -> Vec<f64> {
    let mut v = start;
    let mut last = 0.0;
    let mut left = iters;
    loop {
        let mut product = apply(&v);
        let eig = norm(&product);
        if eig > 0.0 {
            for x in &mut product {
                *x /= eig;
            }
        }
        if left == 0 || eig == last {
            return product;
        }
        v = product;
        last = eig;
        left -= 1;
    }
}

/// Computes up to two principal components. `start` holds warm-start
/// vectors over the current columns (None, or all zeros, means a seeded
/// random start, as Polis starts from `rand`).
pub(crate) fn components(
    m: &Matrix,
    iters: usize,
    start: [Option<Vec<f64>>; 2],
    seed: u64,
    parallel: bool,
) -> Components {
    let (rows, cols) = (m.n_rows, m.n_cols);
    if rows == 0 || cols == 0 {
        return Components::default();
    }
    if cols == 1 {
        return Components {
            comps: vec![vec![1.0]],
        };
    }
    if rows == 1 {
        // The centred single row is zero; use the (imputed) row itself.
        let mut row = vec![0.0; cols];
        let (cs, vs) = m.row_votes(0);
        for (&c, &v) in cs.iter().zip(vs) {
            row[c as usize] = f64::from(v);
        }
        let n = norm(&row);
        if n > 0.0 {
            for x in &mut row {
                *x /= n;
            }
        }
        return Components { comps: vec![row] };
    }
    let mut comps: Vec<Vec<f64>> = Vec::with_capacity(2);
    for (k, warm) in start.into_iter().enumerate() {
        let start = match warm {
            Some(v) if v.len() == cols && v.iter().any(|x| *x != 0.0) => v,
            _ => {
                let mut rng = SplitMix64::new(seed.wrapping_add(k as u64));
                (0..cols).map(|_| rng.next_f64()).collect()
            }
        };
        let pc = match comps.first() {
            None => power_iteration(|v| xtx(m, v, parallel), iters, start),
            Some(p1) => {
                let pp = dot(p1, p1);
                power_iteration(
                    |v| {
                        let mut w = v.to_vec();
                        project_out(&mut w, p1, pp);
                        let mut y = xtx(m, &w, parallel);
                        project_out(&mut y, p1, pp);
                        y
                    },
                    iters,
                    start,
                )
            }
        };
        comps.push(pc);
    }
    Components { comps }
}

/// Sparsity-aware projection of every row: the dot product over voted
/// cells (moderated-out columns count as votes of 0), scaled by
/// `sqrt(n_cols / max(n_votes, 1))`.
pub(crate) fn project_rows(m: &Matrix, pcs: &Components) -> Vec<[f64; 2]> {
    let scale_num = m.n_cols as f64;
    (0..m.n_rows)
        .map(|r| {
            let (cols, vals) = m.row(r);
            let mut p = [0.0, 0.0];
            for (&c, &x) in cols.iter().zip(vals) {
                p[0] += x * pcs.get(0, c as usize);
                p[1] += x * pcs.get(1, c as usize);
            }
            let n_votes = (cols.len() + m.n_zeroed).max(1) as f64;
            let scale = (scale_num / n_votes).sqrt();
            [p[0] * scale, p[1] * scale]
        })
        .collect()
}

/// Projection of each column: a virtual participant who agrees with that
/// statement only. Its length is the statement's extremity.
pub(crate) fn project_columns(m: &Matrix, pcs: &Components) -> Vec<[f64; 2]> {
    let scale = (m.n_cols as f64).sqrt();
    (0..m.n_cols)
        .map(|c| {
            let x = 1.0 - m.center[c];
            [x * pcs.get(0, c) * scale, x * pcs.get(1, c) * scale]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::votes::Votes;

    fn matrix(triples: &[(&str, &str, i64)]) -> Matrix {
        let v = Votes::from_triples(triples.iter().copied()).unwrap();
        Matrix::new(&v, usize::MAX, usize::MAX)
    }

    #[test]
    fn finds_the_dominant_direction() {
        // Two camps that disagree on "a" and "b" and agree on "c".
        let mut t = Vec::new();
        let names: Vec<String> = (0..10).map(|i| i.to_string()).collect();
        for (i, p) in names.iter().enumerate() {
            let s = if i < 5 { 1 } else { -1 };
            t.push((p.as_str(), "a", s));
            t.push((p.as_str(), "b", -s));
            t.push((p.as_str(), "c", 1));
        }
        let m = matrix(&t);
        let pcs = components(&m, 100, [None, None], 7, false);
        let pc1 = &pcs.comps[0];
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!((pc1[0].abs() - h).abs() < 1e-9, "{pc1:?}");
        assert!((pc1[1].abs() - h).abs() < 1e-9, "{pc1:?}");
        assert!(pc1[2].abs() < 1e-9);
        assert!(pc1[0] * pc1[1] < 0.0);
        let proj = project_rows(&m, &pcs);
        assert!((proj[0][0] + proj[9][0]).abs() < 1e-9);
        assert!(proj[0][0].abs() > 1.0);
    }

    #[test]
    fn handles_one_row_and_one_column() {
        let m = matrix(&[("p", "a", 1), ("p", "b", -1)]);
        let pcs = components(&m, 100, [None, None], 0, false);
        assert_eq!(pcs.comps.len(), 1);
        let h = std::f64::consts::FRAC_1_SQRT_2;
        assert!((pcs.comps[0][0] - h).abs() < 1e-12);
        let m = matrix(&[("p", "a", 1), ("q", "a", -1)]);
        let pcs = components(&m, 100, [None, None], 0, false);
        assert_eq!(pcs.comps, vec![vec![1.0]]);
        let m = matrix(&[]);
        assert!(components(&m, 100, [None, None], 0, false).comps.is_empty());
    }

    #[test]
    fn chunked_parallel_products_equal_sequential_ones() {
        let mut t = Vec::new();
        let names: Vec<String> = (0..5000).map(|i| i.to_string()).collect();
        let stmts: Vec<String> = (0..30).map(|i| format!("s{i}")).collect();
        let mut rng = SplitMix64::new(3);
        for p in &names {
            for s in &stmts {
                let r = rng.next_f64();
                if r < 0.5 {
                    t.push((
                        p.as_str(),
                        s.as_str(),
                        if r < 0.2 {
                            -1
                        } else if r < 0.3 {
                            0
                        } else {
                            1
                        },
                    ));
                }
            }
        }
        let m = matrix(&t);
        assert!(m.nnz() >= PARALLEL_MIN_NNZ);
        let v: Vec<f64> = (0..m.n_cols).map(|i| i as f64).collect();
        assert_eq!(xtx(&m, &v, true), xtx(&m, &v, false));
    }
}
