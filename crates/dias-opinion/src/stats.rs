//! Statement statistics: representativeness per group, consensus,
//! group-informed consensus and routing priority (`polismath.math.repness`,
//! `polismath.math.stats` and the priority part of
//! `polismath.math.conversation`).

use crate::analysis::{Direction, RepnessEntry};

/// One-sided 90 % critical value used by Polis.
pub const Z_90: f64 = 1.2816;

/// How many representative / consensus statements are kept.
const PICK_MAX: usize = 5;

/// Polis' fixed (pre-squaring) priority of meta statements.
const META_PRIORITY: f64 = 7.0;

/// Whether `z` is significant at 90 % (one-sided, `z > 1.2816`).
pub fn z_sig_90(z: f64) -> bool {
    z > Z_90
}

/// One-proportion test with a pseudo-count: `2·√(n+1)·((s+1)/(n+1) − ½)`.
pub fn prop_test(successes: f64, n: f64) -> f64 {
    let (s, n) = (successes + 1.0, n + 1.0);
    2.0 * n.sqrt() * (s / n - 0.5)
}

/// Two-proportion z-test with 1 added to all four counts; 0 when the
/// pooled proportion is 1.
pub fn two_prop_test(succ_in: f64, succ_out: f64, n_in: f64, n_out: f64) -> f64 {
    let (s1, s2, n1, n2) = (succ_in + 1.0, succ_out + 1.0, n_in + 1.0, n_out + 1.0);
    let pi1 = s1 / n1;
    let pi2 = s2 / n2;
    let pi_hat = (s1 + s2) / (n1 + n2);
    if pi_hat == 1.0 {
        return 0.0;
    }
    (pi1 - pi2) / (pi_hat * (1.0 - pi_hat) * (1.0 / n1 + 1.0 / n2)).sqrt()
}

/// Vote counts of one statement within a set of participants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Agrees.
    pub na: u32,
    /// Disagrees.
    pub nd: u32,
    /// Non-absent votes (passes count).
    pub ns: u32,
}

impl Counts {
    pub fn add(&mut self, vote: i8) {
        self.ns += 1;
        match vote {
            1 => self.na += 1,
            -1 => self.nd += 1,
            _ => {}
        }
    }
}

/// Statistics of one statement in one group (`comment-stats` plus the
/// comparison with all other groups pooled).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Stats {
    pub c: Counts,
    pub pa: f64,
    pub pd: f64,
    pub pat: f64,
    pub pdt: f64,
    pub ra: f64,
    pub rd: f64,
    pub rat: f64,
    pub rdt: f64,
}

impl Stats {
    fn new(c: Counts, rest: Counts) -> Self {
        let (na, nd, ns) = (f64::from(c.na), f64::from(c.nd), f64::from(c.ns));
        let (ra_, rd_, rs_) = (f64::from(rest.na), f64::from(rest.nd), f64::from(rest.ns));
        let pa = (na + 1.0) / (ns + 2.0);
        let pd = (nd + 1.0) / (ns + 2.0);
        Self {
            c,
            pa,
            pd,
            pat: prop_test(na, ns),
            pdt: prop_test(nd, ns),
            ra: pa / ((1.0 + ra_) / (2.0 + rs_)),
            rd: pd / ((1.0 + rd_) / (2.0 + rs_)),
            rat: two_prop_test(na, ra_, ns, rs_),
            rdt: two_prop_test(nd, rd_, ns, rs_),
        }
    }

    fn passes(&self) -> bool {
        (z_sig_90(self.rat) && z_sig_90(self.pat)) || (z_sig_90(self.rdt) && z_sig_90(self.pdt))
    }

    /// The more representative direction: agree when `rat > rdt`.
    fn direction(&self) -> Direction {
        if self.rat > self.rdt {
            Direction::Agree
        } else {
            Direction::Disagree
        }
    }

    /// Polis keeps `repness-test` as a 32-bit float after finalising; the
    /// ranking and the "best" tracking use that rounded value.
    fn repness_test_f32(&self) -> f64 {
        let t = match self.direction() {
            Direction::Agree => self.rat,
            Direction::Disagree => self.rdt,
        };
        f64::from(t as f32)
    }

    /// `repness · repness-test · p-success · p-test` of the finalised entry.
    fn metric(&self) -> f64 {
        let t = self.repness_test_f32();
        match self.direction() {
            Direction::Agree => self.ra * t * self.pa * self.pat,
            Direction::Disagree => self.rd * t * self.pd * self.pdt,
        }
    }

    fn beats_best_agree(&self, best: Option<&Stats>) -> bool {
        if self.c.na == 0 && self.c.nd == 0 {
            return false;
        }
        match best {
            Some(b) if b.ra > 1.0 => {
                self.ra * self.rat * self.pa * self.pat > b.ra * b.rat * b.pa * b.pat
            }
            Some(b) => self.pa * self.pat > b.pa * b.pat,
            None => z_sig_90(self.pat) || (self.ra > 1.0 && self.pa > 0.5),
        }
    }

    fn entry(&self, statement: &str, best_agree: bool) -> RepnessEntry {
        RepnessEntry {
            statement: statement.to_owned(),
            direction: self.direction(),
            na: self.c.na,
            nd: self.c.nd,
            ns: self.c.ns,
            pa: self.pa,
            pd: self.pd,
            pat: self.pat,
            pdt: self.pdt,
            ra: self.ra,
            rd: self.rd,
            rat: self.rat,
            rdt: self.rdt,
            best_agree,
        }
    }
}

/// Per-group statistics for every column: `stats[g][col]`.
pub(crate) fn group_stats(counts: &[Vec<Counts>]) -> Vec<Vec<Stats>> {
    let n_cols = counts.first().map_or(0, Vec::len);
    let mut totals = vec![Counts::default(); n_cols];
    for g in counts {
        for (t, c) in totals.iter_mut().zip(g) {
            t.na += c.na;
            t.nd += c.nd;
            t.ns += c.ns;
        }
    }
    counts
        .iter()
        .map(|g| {
            g.iter()
                .zip(&totals)
                .map(|(c, t)| {
                    let rest = Counts {
                        na: t.na - c.na,
                        nd: t.nd - c.nd,
                        ns: t.ns - c.ns,
                    };
                    Stats::new(*c, rest)
                })
                .collect()
        })
        .collect()
}

/// Polis' `select-rep-comments` for one group. `candidates` are the
/// columns that may be shown (not moderated out), in column order, with
/// their statement ids.
pub(crate) fn select_repness(stats: &[Stats], candidates: &[(usize, &str)]) -> Vec<RepnessEntry> {
    let mut sufficient: Vec<usize> = Vec::new();
    let mut best: Option<(usize, f64)> = None;
    let mut best_agree: Option<usize> = None;
    for (i, &(col, _)) in candidates.iter().enumerate() {
        let s = &stats[col];
        if s.passes() {
            sufficient.push(i);
        }
        if sufficient.is_empty() && best.is_none_or(|(_, z)| s.rat.max(s.rdt) > z) {
            best = Some((i, s.repness_test_f32()));
        }
        if s.beats_best_agree(best_agree.map(|b| &stats[candidates[b].0])) {
            best_agree = Some(i);
        }
    }
    let entry = |i: usize, flag: bool| stats[candidates[i].0].entry(candidates[i].1, flag);
    let head: Vec<RepnessEntry> = match (best_agree, best) {
        (Some(b), _) => vec![entry(b, true)],
        (None, Some((b, _))) => vec![entry(b, false)],
        (None, None) => Vec::new(),
    };
    if sufficient.is_empty() {
        return head;
    }
    let mut rest: Vec<usize> = sufficient
        .into_iter()
        .filter(|&i| Some(i) != best_agree)
        .collect();
    rest.sort_by(|&a, &b| {
        let (ma, mb) = (
            stats[candidates[a].0].metric(),
            stats[candidates[b].0].metric(),
        );
        mb.total_cmp(&ma)
    });
    let mut picked: Vec<RepnessEntry> = best_agree.map(|b| entry(b, true)).into_iter().collect();
    picked.extend(rest.into_iter().map(|i| entry(i, false)));
    picked.truncate(PICK_MAX);
    let (agree, disagree): (Vec<_>, Vec<_>) = picked
        .into_iter()
        .partition(|e| e.direction == Direction::Agree);
    agree.into_iter().chain(disagree).collect()
}

/// Polis' `select-consensus-comments`: per direction, statements with
/// p > 0.5 and a significant one-proportion test, by `p · p-test`, top 5.
/// `counts` are over all participants, for the candidate columns.
pub(crate) fn select_consensus(counts: &[(usize, Counts)]) -> (Vec<usize>, Vec<usize>) {
    let pick = |succ: fn(&Counts) -> u32| {
        let mut scored: Vec<(usize, f64)> = counts
            .iter()
            .filter_map(|(col, c)| {
                let s = f64::from(succ(c));
                let n = f64::from(c.ns);
                let p = (s + 1.0) / (n + 2.0);
                let t = prop_test(s, n);
                (p > 0.5 && z_sig_90(t)).then_some((*col, p * t))
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        scored.truncate(PICK_MAX);
        scored.into_iter().map(|(c, _)| c).collect()
    };
    (pick(|c| c.na), pick(|c| c.nd))
}

/// Group-informed consensus of one statement: `Π_g (A_g+1)/(S_g+2)` and
/// the disagree variant `Π_g (D_g+1)/(S_g+2)`.
pub(crate) fn gic<'a>(per_group: impl Iterator<Item = &'a Counts>) -> (f64, f64) {
    per_group.fold((1.0, 1.0), |(a, d), c| {
        let s = f64::from(c.ns) + 2.0;
        (
            a * (f64::from(c.na) + 1.0) / s,
            d * (f64::from(c.nd) + 1.0) / s,
        )
    })
}

/// Routing priority: `(imp · (1 + 8·2^(−S/5)))²` with
/// `imp = (1 − (P+1)/(S+2)) · (E+1) · (A+1)/(S+2)`; meta statements get
/// Polis' fixed 7² = 49.
pub(crate) fn priority(c: &Counts, extremity: f64, meta: bool) -> f64 {
    if meta {
        return META_PRIORITY * META_PRIORITY;
    }
    let a = f64::from(c.na);
    let s = f64::from(c.ns);
    let p = f64::from(c.ns - c.na - c.nd);
    let importance = (1.0 - (p + 1.0) / (s + 2.0)) * (extremity + 1.0) * ((a + 1.0) / (s + 2.0));
    let boosted = importance * (1.0 + 8.0 * 2f64.powf(-s / 5.0));
    boosted * boosted
}

/// The routing priority of a statement nobody has voted on yet (what the
/// next analysis will give it), for statements added since the last run.
pub fn unseen_priority() -> f64 {
    priority(&Counts::default(), 0.0, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prop_test_matches_polis_examples() {
        // Values from Polis fixtures: 14 of 15 agree -> 3.5 ; 10 of 10 -> 3.3166...
        assert!((prop_test(14.0, 15.0) - 3.5).abs() < 1e-12);
        assert!((prop_test(10.0, 10.0) - 3.316_624_790_355_4).abs() < 1e-12);
    }

    #[test]
    fn two_prop_test_is_zero_when_everybody_agrees() {
        assert_eq!(two_prop_test(5.0, 7.0, 5.0, 7.0), 0.0);
        assert!(two_prop_test(9.0, 1.0, 10.0, 10.0) > 3.0);
        assert!(two_prop_test(1.0, 9.0, 10.0, 10.0) < -3.0);
    }

    #[test]
    fn priority_favours_new_statements() {
        let fresh = priority(&Counts::default(), 0.0, false);
        assert!((fresh - 5.0625).abs() < 1e-12);
        let seen = priority(
            &Counts {
                na: 10,
                nd: 10,
                ns: 25,
            },
            0.0,
            false,
        );
        assert!(seen < fresh);
        assert_eq!(priority(&Counts::default(), 3.0, true), 49.0);
    }

    #[test]
    fn consensus_needs_majority_and_significance() {
        let counts = [
            (
                0,
                Counts {
                    na: 9,
                    nd: 1,
                    ns: 10,
                },
            ),
            (
                1,
                Counts {
                    na: 1,
                    nd: 9,
                    ns: 10,
                },
            ),
            (
                2,
                Counts {
                    na: 5,
                    nd: 5,
                    ns: 10,
                },
            ),
            (
                3,
                Counts {
                    na: 2,
                    nd: 0,
                    ns: 5,
                },
            ),
        ];
        let (agree, disagree) = select_consensus(&counts);
        assert_eq!(agree, vec![0]);
        assert_eq!(disagree, vec![1]);
    }

    #[test]
    fn ranks_by_the_32_bit_repness_test_as_polis_does() {
        let disagreeing = |rdt: f64| Stats {
            c: Counts {
                na: 1,
                nd: 8,
                ns: 10,
            },
            pa: 0.2,
            pd: 0.8,
            pat: 0.0,
            pdt: 3.0,
            ra: 0.5,
            rd: 1.5,
            rat: -2.0,
            rdt,
        };
        // Equal in 32 bits, so the earlier statement stays first; in 64
        // bits the second would win.
        let stats = [disagreeing(2.0 + 1e-9), disagreeing(2.0 + 2e-9)];
        assert!(stats[1].rdt > stats[0].rdt);
        let rep = select_repness(&stats, &[(0, "first"), (1, "second")]);
        let order: Vec<&str> = rep.iter().map(|e| e.statement.as_str()).collect();
        assert_eq!(order, ["first", "second"]);
    }

    #[test]
    fn representative_statements_put_best_agree_first_and_agrees_before_disagrees() {
        // Group 0 agrees with s0, disagrees with s1; group 1 the opposite.
        let g0 = vec![
            Counts {
                na: 10,
                nd: 0,
                ns: 10,
            },
            Counts {
                na: 0,
                nd: 10,
                ns: 10,
            },
            Counts {
                na: 5,
                nd: 5,
                ns: 10,
            },
        ];
        let g1 = vec![
            Counts {
                na: 0,
                nd: 10,
                ns: 10,
            },
            Counts {
                na: 10,
                nd: 0,
                ns: 10,
            },
            Counts {
                na: 5,
                nd: 5,
                ns: 10,
            },
        ];
        let stats = group_stats(&[g0, g1]);
        let cands = [(0, "s0"), (1, "s1"), (2, "s2")];
        let rep = select_repness(&stats[0], &cands);
        let got: Vec<(&str, Direction, bool)> = rep
            .iter()
            .map(|e| (e.statement.as_str(), e.direction, e.best_agree))
            .collect();
        assert_eq!(
            got,
            vec![
                ("s0", Direction::Agree, true),
                ("s1", Direction::Disagree, false)
            ]
        );
    }
}
