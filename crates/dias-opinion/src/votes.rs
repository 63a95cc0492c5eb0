//! The input: who voted what on which statement, plus moderation flags.
//!
//! Identifiers are strings. [`Votes`] keeps participants and statements in a
//! *canonical order* (see [`natural_cmp`]) that does not depend on the order
//! in which votes were added, so every later step (which, like Polis, starts
//! k-means from "the first k distinct points") gives the same result for the
//! same set of votes, however they were fed in.

use std::cmp::Ordering;
use std::collections::HashMap;

/// A vote: agree = `1`, disagree = `-1`, pass = `0`. Unseen is absent.
pub type Vote = i8;

/// Agree.
pub const AGREE: Vote = 1;
/// Disagree.
pub const DISAGREE: Vote = -1;
/// Pass.
pub const PASS: Vote = 0;

/// A vote that cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    /// The value is not -1, 0 or 1.
    #[error("vote must be -1, 0 or 1, got {0}")]
    InvalidVote(i64),
    /// The participant id is empty.
    #[error("participant id is empty")]
    EmptyParticipant,
    /// The statement id is empty.
    #[error("statement id is empty")]
    EmptyStatement,
}

/// Orders ids "naturally": ids made only of ASCII digits come first, by
/// numeric value (of any length), then all other ids by byte order.
/// Equal numeric values with different spellings ("7", "007") are ordered
/// by their text, so the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let numeric = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    match (numeric(a), numeric(b)) {
        (true, true) => {
            let ta = a.trim_start_matches('0');
            let tb = b.trim_start_matches('0');
            ta.len()
                .cmp(&tb.len())
                .then_with(|| ta.cmp(tb))
                .then_with(|| a.cmp(b))
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => a.cmp(b),
    }
}

/// Collects votes; the latest vote of a participant on a statement wins.
#[derive(Debug, Default, Clone)]
pub struct VotesBuilder {
    participant_index: HashMap<String, u32>,
    participants: Vec<String>,
    statement_index: HashMap<String, u32>,
    statements: Vec<String>,
    votes: Vec<(u32, u32, Vote)>,
    moderated_out: Vec<bool>,
    meta: Vec<bool>,
}

fn intern(index: &mut HashMap<String, u32>, names: &mut Vec<String>, id: &str) -> u32 {
    if let Some(&i) = index.get(id) {
        return i;
    }
    let i = u32::try_from(names.len()).unwrap_or(u32::MAX);
    index.insert(id.to_owned(), i);
    names.push(id.to_owned());
    i
}

impl VotesBuilder {
    /// Records a vote. A later vote of the same participant on the same
    /// statement replaces the earlier one.
    pub fn vote(
        &mut self,
        participant: &str,
        statement: &str,
        vote: impl Into<i64>,
    ) -> Result<&mut Self, VoteError> {
        if participant.is_empty() {
            return Err(VoteError::EmptyParticipant);
        }
        if statement.is_empty() {
            return Err(VoteError::EmptyStatement);
        }
        let vote = match vote.into() {
            -1 => DISAGREE,
            0 => PASS,
            1 => AGREE,
            other => return Err(VoteError::InvalidVote(other)),
        };
        let p = intern(
            &mut self.participant_index,
            &mut self.participants,
            participant,
        );
        let s = self.statement_id(statement);
        self.votes.push((p, s, vote));
        Ok(self)
    }

    fn statement_id(&mut self, statement: &str) -> u32 {
        let s = intern(&mut self.statement_index, &mut self.statements, statement);
        if self.moderated_out.len() < self.statements.len() {
            self.moderated_out.push(false);
            self.meta.push(false);
        }
        s
    }

    /// Registers a statement that may have no votes yet (so that routing
    /// can offer it). Empty ids are ignored.
    pub fn statement(&mut self, statement: &str) -> &mut Self {
        if !statement.is_empty() {
            self.statement_id(statement);
        }
        self
    }

    /// Marks a statement as moderated out: its column is set to 0 for
    /// everyone, it is never representative, never consensus and never
    /// routed to a participant. Empty ids are ignored.
    pub fn moderate_out(&mut self, statement: &str) -> &mut Self {
        if !statement.is_empty() {
            let s = self.statement_id(statement) as usize;
            self.moderated_out[s] = true;
        }
        self
    }

    /// Marks a statement as a *meta* statement (Polis' `is_meta`, e.g. "I
    /// live in Leipzig"): for the math it is treated like a moderated-out
    /// statement, but routing still shows it, with Polis' fixed priority
    /// 7² = 49. Empty ids are ignored.
    pub fn meta(&mut self, statement: &str) -> &mut Self {
        if !statement.is_empty() {
            let s = self.statement_id(statement) as usize;
            self.meta[s] = true;
        }
        self
    }

    /// Finishes the vote set.
    pub fn build(self) -> Votes {
        let Self {
            participants,
            statements,
            votes,
            moderated_out,
            meta,
            ..
        } = self;
        // Canonical orders and the maps from insertion index to rank.
        let p_rank = ranks(&participants);
        let s_rank = ranks(&statements);
        let mut sorted_participants = vec![String::new(); participants.len()];
        for (i, name) in participants.into_iter().enumerate() {
            sorted_participants[p_rank[i] as usize] = name;
        }
        let mut sorted_statements = vec![String::new(); statements.len()];
        let mut s_mod = vec![false; statements.len()];
        let mut s_meta = vec![false; statements.len()];
        for (i, name) in statements.into_iter().enumerate() {
            let r = s_rank[i] as usize;
            sorted_statements[r] = name;
            s_mod[r] = moderated_out.get(i).copied().unwrap_or(false);
            s_meta[r] = meta.get(i).copied().unwrap_or(false);
        }
        let mut triples: Vec<(u32, u32, Vote)> = votes
            .into_iter()
            .map(|(p, s, v)| (p_rank[p as usize], s_rank[s as usize], v))
            .collect();
        // Stable: among equal (participant, statement) keys the later vote
        // stays last, and is the one kept.
        triples.sort_by_key(|&(p, s, _)| (p, s));
        let mut row_ptr = vec![0usize; sorted_participants.len() + 1];
        let mut cols = Vec::with_capacity(triples.len());
        let mut vals = Vec::with_capacity(triples.len());
        let mut i = 0;
        while i < triples.len() {
            let (p, s, _) = triples[i];
            let mut j = i;
            while j + 1 < triples.len() && triples[j + 1].0 == p && triples[j + 1].1 == s {
                j += 1;
            }
            cols.push(s);
            vals.push(triples[j].2);
            row_ptr[p as usize + 1] += 1;
            i = j + 1;
        }
        for r in 0..sorted_participants.len() {
            row_ptr[r + 1] += row_ptr[r];
        }
        Votes {
            participants: sorted_participants,
            statements: sorted_statements,
            moderated_out: s_mod,
            meta: s_meta,
            row_ptr,
            cols,
            vals,
        }
    }
}

/// For names in insertion order, the rank of each in canonical order.
fn ranks(names: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..u32::try_from(names.len()).unwrap_or(u32::MAX)).collect();
    order.sort_by(|&a, &b| natural_cmp(&names[a as usize], &names[b as usize]));
    let mut rank = vec![0u32; names.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = u32::try_from(r).unwrap_or(u32::MAX);
    }
    rank
}

/// An immutable, sparse set of votes (participants × statements).
///
/// Participants and statements are kept in canonical order
/// ([`natural_cmp`]); votes are stored row-wise (compressed sparse rows).
#[derive(Debug, Clone, Default)]
pub struct Votes {
    participants: Vec<String>,
    statements: Vec<String>,
    moderated_out: Vec<bool>,
    meta: Vec<bool>,
    row_ptr: Vec<usize>,
    cols: Vec<u32>,
    vals: Vec<Vote>,
}

impl Votes {
    /// Starts an empty vote set.
    pub fn builder() -> VotesBuilder {
        VotesBuilder::default()
    }

    /// Builds a vote set from `(participant, statement, vote)` triples; the
    /// last vote of a pair wins.
    pub fn from_triples<I, P, S, V>(triples: I) -> Result<Self, VoteError>
    where
        I: IntoIterator<Item = (P, S, V)>,
        P: AsRef<str>,
        S: AsRef<str>,
        V: Into<i64>,
    {
        let mut b = Self::builder();
        for (p, s, v) in triples {
            b.vote(p.as_ref(), s.as_ref(), v)?;
        }
        Ok(b.build())
    }

    /// Participants in canonical order.
    pub fn participants(&self) -> &[String] {
        &self.participants
    }

    /// Statements (voted on or registered) in canonical order.
    pub fn statements(&self) -> &[String] {
        &self.statements
    }

    /// Number of recorded votes (after replacing earlier votes).
    pub fn len(&self) -> usize {
        self.vals.len()
    }

    /// Whether there is no vote at all.
    pub fn is_empty(&self) -> bool {
        self.vals.is_empty()
    }

    /// Whether the statement is moderated out.
    pub fn is_moderated_out(&self, statement: &str) -> bool {
        self.statement_index(statement)
            .is_some_and(|s| self.moderated_out[s])
    }

    /// Whether the statement is a meta statement.
    pub fn is_meta(&self, statement: &str) -> bool {
        self.statement_index(statement)
            .is_some_and(|s| self.meta[s])
    }

    /// The vote of a participant on a statement, if any.
    pub fn vote(&self, participant: &str, statement: &str) -> Option<Vote> {
        let p = self.participant_index(participant)?;
        let s = u32::try_from(self.statement_index(statement)?).ok()?;
        let (cols, vals) = self.row(p);
        cols.binary_search(&s).ok().map(|i| vals[i])
    }

    /// The votes of one participant as `(statement, vote)` pairs.
    pub fn votes_of<'a>(&'a self, participant: &str) -> impl Iterator<Item = (&'a str, Vote)> + 'a {
        let (cols, vals) = match self.participant_index(participant) {
            Some(p) => self.row(p),
            None => (&[][..], &[][..]),
        };
        cols.iter()
            .zip(vals)
            .map(|(&s, &v)| (self.statements[s as usize].as_str(), v))
    }

    pub(crate) fn participant_index(&self, participant: &str) -> Option<usize> {
        self.participants
            .binary_search_by(|x| natural_cmp(x, participant))
            .ok()
    }

    pub(crate) fn statement_index(&self, statement: &str) -> Option<usize> {
        self.statements
            .binary_search_by(|x| natural_cmp(x, statement))
            .ok()
    }

    /// Statement indices and votes of participant `p` (sorted by statement).
    pub(crate) fn row(&self, p: usize) -> (&[u32], &[Vote]) {
        let (a, b) = (self.row_ptr[p], self.row_ptr[p + 1]);
        (&self.cols[a..b], &self.vals[a..b])
    }

    pub(crate) fn moderated_out_flags(&self) -> &[bool] {
        &self.moderated_out
    }

    pub(crate) fn meta_flags(&self) -> &[bool] {
        &self.meta
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_numeric_ids_by_value_before_other_ids() {
        let mut ids = vec!["10", "b", "2", "007", "7", "a", "1"];
        ids.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(ids, ["1", "2", "007", "7", "10", "a", "b"]);
    }

    #[test]
    fn keeps_the_latest_vote_of_a_pair() {
        let v = Votes::from_triples([("p", "s", 1), ("p", "t", 0), ("p", "s", -1)]).unwrap();
        assert_eq!(v.vote("p", "s"), Some(-1));
        assert_eq!(v.vote("p", "t"), Some(0));
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn rejects_values_other_than_minus_one_zero_one() {
        let mut b = Votes::builder();
        assert_eq!(b.vote("p", "s", 2).err(), Some(VoteError::InvalidVote(2)));
        assert_eq!(b.vote("", "s", 1).err(), Some(VoteError::EmptyParticipant));
        assert_eq!(b.vote("p", "", 1).err(), Some(VoteError::EmptyStatement));
    }

    #[test]
    fn is_independent_of_insertion_order() {
        let a = Votes::from_triples([("2", "b", 1), ("1", "a", -1), ("10", "a", 0)]).unwrap();
        let b = Votes::from_triples([("10", "a", 0), ("2", "b", 1), ("1", "a", -1)]).unwrap();
        assert_eq!(a.participants(), b.participants());
        assert_eq!(a.participants(), ["1", "2", "10"]);
        assert_eq!(a.cols, b.cols);
        assert_eq!(a.vals, b.vals);
        assert_eq!(a.row_ptr, b.row_ptr);
    }

    #[test]
    fn keeps_moderation_flags_with_their_statement() {
        let mut b = Votes::builder();
        b.vote("1", "9", 1).unwrap();
        b.moderate_out("3").meta("5").statement("1");
        let v = b.build();
        assert_eq!(v.statements(), ["1", "3", "5", "9"]);
        assert!(v.is_moderated_out("3"));
        assert!(!v.is_moderated_out("9"));
        assert!(v.is_meta("5"));
        assert_eq!(v.votes_of("1").collect::<Vec<_>>(), [("9", 1)]);
    }
}
