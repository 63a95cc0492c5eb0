//! The sparse, centred vote matrix the analysis works on.
//!
//! Polis builds three dense matrices: R (raw votes, absent = nil), M (R with
//! moderated-out columns set to 0 for *every* participant) and, for the PCA,
//! M with absent cells replaced by the column mean and then centred. In the
//! last one every absent cell and every moderated-out cell is exactly 0, so
//! it is sparse: only voted cells of columns that are not moderated out hold
//! a value (`vote − column mean`). This module stores exactly those cells,
//! row-wise, and remembers how many moderated-out columns there are (each of
//! them counts as a vote of 0 for every participant, as in Polis).
//!
//! Columns are the statements that have at least one vote (Polis' columns
//! come from votes, not from the statement list).

use crate::votes::Votes;

/// Rows per chunk for the parallel (and chunked sequential) products. The
/// chunking depends on the data only, never on the number of threads, so
/// results are bit-identical whether or not they run in parallel.
pub(crate) const ROW_CHUNK: usize = 2048;

#[derive(Debug)]
pub(crate) struct Matrix {
    /// Participants (rows), as indices into [`Votes::participants`].
    pub n_rows: usize,
    /// Columns: statements with at least one (admitted) vote.
    pub n_cols: usize,
    /// Column of each statement of [`Votes::statements`], if it is one.
    pub col_of_statement: Vec<Option<u32>>,
    /// Statement (index into [`Votes::statements`]) of each column.
    pub statement_of_col: Vec<u32>,
    /// Columns that are zeroed out (moderated out or meta).
    pub zeroed: Vec<bool>,
    /// Number of zeroed columns.
    pub n_zeroed: usize,
    /// Column means of present values (0 for zeroed columns).
    pub center: Vec<f64>,
    /// Non-absent raw votes per row, passes and zeroed columns included
    /// (Polis' `user-vote-counts`).
    pub raw_counts: Vec<u32>,
    /// Compressed rows over non-zeroed columns: column indices ...
    pub row_ptr: Vec<usize>,
    pub cols: Vec<u32>,
    /// ... the vote (+1/0/−1) ...
    pub vals: Vec<i8>,
    /// ... and the centred value `vote − center[col]`.
    pub centered: Vec<f64>,
}

impl Matrix {
    /// Builds the matrix for the first `max_rows` participants and the first
    /// `max_cols` voted statements (both in canonical order).
    pub fn new(votes: &Votes, max_rows: usize, max_cols: usize) -> Self {
        let n_rows = votes.participants().len().min(max_rows);
        let n_statements = votes.statements().len();
        let mut has_vote = vec![false; n_statements];
        for p in 0..n_rows {
            for &s in votes.row(p).0 {
                has_vote[s as usize] = true;
            }
        }
        let mut col_of_statement = vec![None; n_statements];
        let mut statement_of_col = Vec::new();
        for (s, _) in has_vote.iter().enumerate().filter(|(_, h)| **h) {
            if statement_of_col.len() >= max_cols {
                break;
            }
            col_of_statement[s] = u32::try_from(statement_of_col.len()).ok();
            statement_of_col.push(u32::try_from(s).unwrap_or(u32::MAX));
        }
        let n_cols = statement_of_col.len();
        let flags_mod = votes.moderated_out_flags();
        let flags_meta = votes.meta_flags();
        let zeroed: Vec<bool> = statement_of_col
            .iter()
            .map(|&s| flags_mod[s as usize] || flags_meta[s as usize])
            .collect();
        let n_zeroed = zeroed.iter().filter(|z| **z).count();

        let mut sums = vec![0i64; n_cols];
        let mut counts = vec![0u32; n_cols];
        let mut raw_counts = vec![0u32; n_rows];
        let mut row_ptr = Vec::with_capacity(n_rows + 1);
        row_ptr.push(0);
        let mut cols = Vec::with_capacity(votes.len());
        let mut vals = Vec::with_capacity(votes.len());
        for (p, raw) in raw_counts.iter_mut().enumerate() {
            let (ss, vs) = votes.row(p);
            for (&s, &v) in ss.iter().zip(vs) {
                let Some(c) = col_of_statement[s as usize] else {
                    continue;
                };
                *raw += 1;
                if zeroed[c as usize] {
                    continue;
                }
                sums[c as usize] += i64::from(v);
                counts[c as usize] += 1;
                cols.push(c);
                vals.push(v);
            }
            row_ptr.push(cols.len());
        }
        let center: Vec<f64> = (0..n_cols)
            .map(|c| {
                if zeroed[c] || counts[c] == 0 {
                    0.0
                } else {
                    sums[c] as f64 / f64::from(counts[c])
                }
            })
            .collect();
        let centered = cols
            .iter()
            .zip(&vals)
            .map(|(&c, &v)| f64::from(v) - center[c as usize])
            .collect();
        Self {
            n_rows,
            n_cols,
            col_of_statement,
            statement_of_col,
            zeroed,
            n_zeroed,
            center,
            raw_counts,
            row_ptr,
            cols,
            vals,
            centered,
        }
    }

    /// Column indices and centred values of row `r` (non-zeroed columns).
    pub fn row(&self, r: usize) -> (&[u32], &[f64]) {
        let (a, b) = (self.row_ptr[r], self.row_ptr[r + 1]);
        (&self.cols[a..b], &self.centered[a..b])
    }

    /// Column indices and votes of row `r` (non-zeroed columns).
    pub fn row_votes(&self, r: usize) -> (&[u32], &[i8]) {
        let (a, b) = (self.row_ptr[r], self.row_ptr[r + 1]);
        (&self.cols[a..b], &self.vals[a..b])
    }

    /// Number of stored (non-zeroed, voted) cells.
    pub fn nnz(&self) -> usize {
        self.cols.len()
    }
}
