//! What one analysis hands to the next, as Polis keeps it in its
//! conversation record: sticky membership, PCA components for the warm
//! start, base clusters and group clusterings (by member ids, so they
//! survive new participants and statements) and the k-smoother.
//!
//! The struct is plain data with public fields and serde support: store it
//! as JSON next to the conversation, or build one by hand, e.g. to continue
//! a conversation imported from Polis.

use serde::{Deserialize, Serialize};

/// State carried from one analysis to the next.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Participants admitted to clustering. Once in, a participant stays in
    /// (as long as they still have votes).
    pub in_conversation: Vec<String>,
    /// Principal components of the last run, for the warm start.
    pub pca: Option<PcaState>,
    /// Base clusters of the last run.
    pub base_clusters: Vec<BaseCluster>,
    /// Group clusterings of the last run, one per k tried.
    pub group_clusterings: Vec<GroupClustering>,
    /// k-smoothing memory.
    pub k_smoother: KSmoother,
}

impl State {
    /// The state as JSON; floats are written so that they read back bit for
    /// bit, so a stored state continues exactly.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string(self)
    }

    /// Reads a state written by [`State::to_json`].
    pub fn from_json(json: &str) -> serde_json::Result<State> {
        serde_json::from_str(json)
    }
}

/// Principal components by statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PcaState {
    /// Statement ids, in the order of the component entries.
    pub statements: Vec<String>,
    /// Up to two components, each with one entry per statement.
    pub components: Vec<Vec<f64>>,
}

/// A base cluster: a small bucket of participants with similar positions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaseCluster {
    /// Stable id.
    pub id: u32,
    /// Participant ids.
    pub members: Vec<String>,
    /// Center (x, y) in the projection of the run that produced it.
    pub center: [f64; 2],
}

/// A group cluster: base clusters grouped together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupCluster {
    /// Stable id (the group id shown to users).
    pub id: u32,
    /// Base cluster ids.
    pub members: Vec<u32>,
    /// Weighted center (x, y).
    pub center: [f64; 2],
}

/// The group clustering found for one k.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GroupClustering {
    /// The k asked for (the clustering may have fewer clusters).
    pub k: usize,
    /// Its clusters, by id.
    pub clusters: Vec<GroupCluster>,
}

/// Polis' `group-k-smoother`: a new best k is adopted only after it has won
/// `Options::k_buffer` consecutive runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KSmoother {
    /// The k with the best silhouette in the last run.
    pub last_k: Option<usize>,
    /// For how many consecutive runs `last_k` has won.
    pub last_k_count: u32,
    /// The k in use.
    pub smoothed_k: Option<usize>,
}

impl KSmoother {
    /// Feeds this run's best k; returns the next smoother.
    pub fn update(&self, this_k: usize, buffer: u32) -> Self {
        let count = if self.last_k == Some(this_k) {
            self.last_k_count.saturating_add(1)
        } else {
            1
        };
        let smoothed = if count >= buffer {
            this_k
        } else {
            self.smoothed_k.unwrap_or(this_k)
        };
        Self {
            last_k: Some(this_k),
            last_k_count: count,
            smoothed_k: Some(smoothed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_k_only_after_four_consecutive_wins() {
        let mut s = KSmoother::default().update(3, 4);
        assert_eq!(s.smoothed_k, Some(3));
        for _ in 0..3 {
            s = s.update(2, 4);
            assert_eq!(s.smoothed_k, Some(3));
        }
        s = s.update(2, 4);
        assert_eq!(s.smoothed_k, Some(2));
        // An interruption restarts the count.
        s = s.update(4, 4).update(4, 4).update(2, 4).update(4, 4);
        assert_eq!(s.smoothed_k, Some(2));
        assert_eq!(s.last_k_count, 1);
    }
}
