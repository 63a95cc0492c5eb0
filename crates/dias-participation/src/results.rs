//! The statistics of a process's results page: participants, contributions
//! by kind and phase, contributions per week, and what was decided.
//!
//! Everything is counted in the database with a constant number of
//! aggregate queries (no rows are loaded), and the figures are kept for a
//! minute per process, because a results page is read far more often than
//! its numbers change in a way anyone could notice.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement};

use crate::entities::phase;

const WEEK: i64 = 7 * 86_400;
const CACHE_FOR: Duration = Duration::from_secs(60);

/// A kind of contribution and where it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Proposals,
    Comments,
    Suggestions,
    Supports,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Proposals,
        Kind::Comments,
        Kind::Suggestions,
        Kind::Supports,
    ];

    pub fn message_id(self) -> &'static str {
        match self {
            Kind::Proposals => "results-kind-proposals",
            Kind::Comments => "results-kind-comments",
            Kind::Suggestions => "results-kind-suggestions",
            Kind::Supports => "results-kind-supports",
        }
    }

    /// `SELECT created_at FROM …` of this kind in process `process_id`
    /// (an integer from the database, so it is safe to write into the SQL).
    fn source(self, process_id: i64) -> String {
        match self {
            Kind::Proposals => {
                format!("SELECT created_at FROM proposals WHERE process_id = {process_id}")
            }
            Kind::Comments => {
                format!("SELECT created_at FROM comments WHERE process_id = {process_id}")
            }
            Kind::Suggestions => {
                format!("SELECT created_at FROM suggestions WHERE process_id = {process_id}")
            }
            Kind::Supports => format!(
                "SELECT created_at FROM proposal_supports WHERE process_id = {process_id} \
                 UNION ALL SELECT ss.created_at FROM suggestion_supports ss \
                 JOIN suggestions s ON s.id = ss.suggestion_id WHERE s.process_id = {process_id}"
            ),
        }
    }
}

/// Counts of one kind: in all, per phase (in phase order), per week.
#[derive(Debug, Clone, PartialEq)]
pub struct KindCounts {
    pub kind: Kind,
    pub total: i64,
    pub per_phase: Vec<i64>,
}

/// A week's contributions of all kinds.
#[derive(Debug, Clone, PartialEq)]
pub struct Week {
    pub starts_at: i64,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub participants: i64,
    pub kinds: Vec<KindCounts>,
    pub weeks: Vec<Week>,
    /// Proposal status → count, for every status that occurs.
    pub proposal_statuses: Vec<(String, i64)>,
    /// Suggestion status → count.
    pub suggestion_statuses: Vec<(String, i64)>,
    pub computed_at: i64,
}

impl Results {
    pub fn total_contributions(&self) -> i64 {
        self.kinds.iter().map(|k| k.total).sum()
    }
}

/// Fills the weeks between the first and the last one that had
/// contributions, so a quiet week shows as a zero instead of vanishing.
pub fn continuous_weeks(origin: i64, counted: &[(i64, i64)]) -> Vec<Week> {
    let Some(first) = counted.iter().map(|(w, _)| *w).min() else {
        return Vec::new();
    };
    let last = counted.iter().map(|(w, _)| *w).max().unwrap_or(first);
    let by_week: HashMap<i64, i64> = counted.iter().copied().collect();
    (first..=last)
        .map(|w| Week {
            starts_at: origin + w * WEEK,
            count: by_week.get(&w).copied().unwrap_or(0),
        })
        .collect()
}

/// Figures per process with the time they were counted; one per portal
/// instance (the router owns it).
#[derive(Default)]
pub struct Cache(Mutex<HashMap<i64, (Instant, Arc<Results>)>>);

/// The figures of a process, at most a minute old.
pub async fn of_process(
    cache: &Cache,
    db: &DatabaseConnection,
    process_id: i64,
    phases: &[phase::Model],
    process_created_at: i64,
) -> Result<Arc<Results>, DbErr> {
    if let Ok(map) = cache.0.lock()
        && let Some((at, results)) = map.get(&process_id)
        && at.elapsed() < CACHE_FOR
    {
        return Ok(results.clone());
    }
    let results = Arc::new(compute(db, process_id, phases, process_created_at).await?);
    if let Ok(mut map) = cache.0.lock() {
        map.retain(|_, (at, _)| at.elapsed() < CACHE_FOR);
        map.insert(process_id, (Instant::now(), results.clone()));
    }
    Ok(results)
}

/// The first `columns` integers of a one-row query (SUM over no rows is NULL: 0).
async fn one_row(db: &DatabaseConnection, sql: String, columns: usize) -> Result<Vec<i64>, DbErr> {
    let backend = db.get_database_backend();
    let row = db
        .query_one_raw(Statement::from_string(backend, sql))
        .await?;
    let Some(row) = row else {
        return Ok(vec![0; columns]);
    };
    (0..columns)
        .map(|i| Ok(row.try_get_by_index::<Option<i64>>(i)?.unwrap_or(0)))
        .collect()
}

async fn pairs<K: sea_orm::TryGetable>(
    db: &DatabaseConnection,
    sql: String,
) -> Result<Vec<(K, i64)>, DbErr> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok((
                row.try_get_by_index::<K>(0)?,
                row.try_get_by_index::<i64>(1)?,
            ))
        })
        .collect()
}

/// Counts everything anew (a constant number of aggregate queries).
pub async fn compute(
    db: &DatabaseConnection,
    process_id: i64,
    phases: &[phase::Model],
    process_created_at: i64,
) -> Result<Results, DbErr> {
    let origin = phases
        .iter()
        .map(|p| p.starts_at)
        .min()
        .unwrap_or(process_created_at)
        .min(process_created_at);
    let mut kinds = Vec::new();
    let mut week_totals: HashMap<i64, i64> = HashMap::new();
    for kind in Kind::ALL {
        let mut columns = vec!["COUNT(*)".to_owned()];
        for p in phases {
            columns.push(format!(
                "SUM(CASE WHEN created_at >= {} AND created_at < {} THEN 1 ELSE 0 END)",
                p.starts_at, p.ends_at
            ));
        }
        let sql = format!(
            "SELECT {} FROM ({}) t",
            columns.join(", "),
            kind.source(process_id)
        );
        let values = one_row(db, sql, 1 + phases.len()).await?;
        kinds.push(KindCounts {
            kind,
            total: values.first().copied().unwrap_or(0),
            per_phase: (0..phases.len())
                .map(|i| values.get(i + 1).copied().unwrap_or(0))
                .collect(),
        });
        // Integer division rounds toward zero on both databases; contributions
        // before the origin cannot exist (the origin is the earliest date).
        let sql = format!(
            "SELECT (created_at - {origin}) / {WEEK} AS w, COUNT(*) FROM ({}) t GROUP BY (created_at - {origin}) / {WEEK}",
            kind.source(process_id)
        );
        for (week, count) in pairs::<i64>(db, sql).await? {
            *week_totals.entry(week).or_default() += count;
        }
    }
    let participants = one_row(
        db,
        format!(
            "SELECT COUNT(*) FROM (\
             SELECT author_id AS person FROM proposals WHERE process_id = {process_id} \
             UNION SELECT author_id FROM comments WHERE process_id = {process_id} \
             UNION SELECT author_id FROM suggestions WHERE process_id = {process_id} \
             UNION SELECT user_id FROM proposal_supports WHERE process_id = {process_id} \
             UNION SELECT ss.user_id FROM suggestion_supports ss JOIN suggestions s ON s.id = ss.suggestion_id WHERE s.process_id = {process_id}\
             ) people"
        ),
        1,
    )
    .await?
    .first()
    .copied()
    .unwrap_or(0);
    let proposal_statuses = pairs::<String>(
        db,
        format!(
            "SELECT status, COUNT(*) FROM proposals WHERE process_id = {process_id} AND hidden_at IS NULL GROUP BY status ORDER BY status"
        ),
    )
    .await?;
    let suggestion_statuses = pairs::<String>(
        db,
        format!(
            "SELECT status, COUNT(*) FROM suggestions WHERE process_id = {process_id} AND hidden_at IS NULL GROUP BY status ORDER BY status"
        ),
    )
    .await?;
    let mut counted: Vec<(i64, i64)> = week_totals.into_iter().collect();
    counted.sort_unstable();
    Ok(Results {
        participants,
        kinds,
        weeks: continuous_weeks(origin, &counted),
        proposal_statuses,
        suggestion_statuses,
        computed_at: dias_core::time::now(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_weeks_show_as_zero() {
        let weeks = continuous_weeks(1000, &[(3, 5), (1, 2)]);
        assert_eq!(
            weeks,
            vec![
                Week {
                    starts_at: 1000 + WEEK,
                    count: 2
                },
                Week {
                    starts_at: 1000 + 2 * WEEK,
                    count: 0
                },
                Week {
                    starts_at: 1000 + 3 * WEEK,
                    count: 5
                },
            ]
        );
        assert!(continuous_weeks(0, &[]).is_empty());
    }
}
