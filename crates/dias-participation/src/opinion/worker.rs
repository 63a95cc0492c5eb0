//! Recomputing a conversation in the background.
//!
//! A vote raises `votes_version` and, unless a job is already waiting
//! (`queued`), queues one recompute job to run no earlier than
//! [`DEBOUNCE_SECS`] after the last computation: a burst of votes costs one
//! analysis. The job claims the conversation with a conditional UPDATE
//! (free lease and something new to analyse), so when several instances
//! share one database exactly one computes. It analyses with the state of
//! the last run (sticky membership, warm-started components and clusters,
//! k-smoothing), stores the result, the new state and every statement's
//! routing priority, and records the version it analysed. Votes that
//! arrived meanwhile queue the next run.

use std::sync::Arc;

use dias_core::entities::job;
use dias_core::jobs::{JobContext, JobHandler};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QuerySelect, Set,
};

use super::{ACCEPTED, REJECTED};
use crate::entities::{opinion_analysis, opinion_conversation, opinion_statement, opinion_vote};

/// Job kind of a recompute.
pub const JOB_KIND: &str = "opinion.recompute";
/// Least time between two computations of one conversation.
pub const DEBOUNCE_SECS: i64 = 2;
/// How long a claim holds before another worker may take over.
const LEASE_SECS: i64 = 300;

/// Marks new votes (or decisions) and queues a recompute; part of the
/// caller's transaction.
pub async fn votes_changed<C: ConnectionTrait>(
    db: &C,
    conversation_id: i64,
    now: i64,
) -> Result<(), DbErr> {
    opinion_conversation::Entity::update_many()
        .col_expr(
            opinion_conversation::Column::VotesVersion,
            Expr::col(opinion_conversation::Column::VotesVersion).add(1),
        )
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .exec(db)
        .await?;
    schedule(db, conversation_id, now).await
}

/// Queues a recompute job unless one is waiting already.
pub async fn schedule<C: ConnectionTrait>(
    db: &C,
    conversation_id: i64,
    now: i64,
) -> Result<(), DbErr> {
    let flagged = opinion_conversation::Entity::update_many()
        .col_expr(opinion_conversation::Column::Queued, Expr::value(true))
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .filter(opinion_conversation::Column::Queued.eq(false))
        .exec(db)
        .await?;
    if flagged.rows_affected == 0 {
        return Ok(());
    }
    let computed_at: Option<Option<i64>> =
        opinion_conversation::Entity::find_by_id(conversation_id)
            .select_only()
            .column(opinion_conversation::Column::ComputedAt)
            .into_tuple()
            .one(db)
            .await?;
    let run_after = computed_at
        .flatten()
        .map_or(now, |at| Ord::max(at + DEBOUNCE_SECS, now));
    job::ActiveModel {
        kind: Set(JOB_KIND.to_owned()),
        payload: Set(serde_json::json!({ "conversation": conversation_id }).to_string()),
        status: Set(dias_core::jobs::QUEUED.to_owned()),
        progress: Set(0),
        progress_total: Set(0),
        attempts: Set(0),
        run_after: Set(run_after),
        created_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// What a recompute did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Analysed the votes up to `version`.
    Computed { version: i64, groups: usize },
    /// Nothing new since the last analysis.
    Unchanged,
    /// Another worker holds the conversation; it queues the next run if
    /// votes arrive meanwhile.
    Busy,
}

/// Recomputes a conversation if it changed and no other worker holds it.
pub async fn recompute(
    db: &DatabaseConnection,
    conversation_id: i64,
    worker: &str,
) -> Result<Outcome, DbErr> {
    let now = dias_core::time::now();
    // This run serves the waiting job; votes from now on queue another.
    opinion_conversation::Entity::update_many()
        .col_expr(opinion_conversation::Column::Queued, Expr::value(false))
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .exec(db)
        .await?;
    let claimed = opinion_conversation::Entity::update_many()
        .col_expr(opinion_conversation::Column::ClaimedBy, Expr::value(worker))
        .col_expr(
            opinion_conversation::Column::ClaimedUntil,
            Expr::value(now + LEASE_SECS),
        )
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .filter(
            Expr::col(opinion_conversation::Column::ComputedVersion)
                .lt(Expr::col(opinion_conversation::Column::VotesVersion)),
        )
        .filter(
            Condition::any()
                .add(opinion_conversation::Column::ClaimedUntil.is_null())
                .add(opinion_conversation::Column::ClaimedUntil.lt(now)),
        )
        .exec(db)
        .await?;
    if claimed.rows_affected == 0 {
        let conversation = opinion_conversation::Entity::find_by_id(conversation_id)
            .one(db)
            .await?;
        return Ok(match conversation {
            Some(c) if c.computed_version < c.votes_version => Outcome::Busy,
            _ => Outcome::Unchanged,
        });
    }
    let result = compute(db, conversation_id, worker).await;
    if result.is_err() {
        // Let the next job try again instead of waiting for the lease.
        release(db, conversation_id, worker).await?;
    }
    result
}

async fn release(db: &DatabaseConnection, conversation_id: i64, worker: &str) -> Result<(), DbErr> {
    opinion_conversation::Entity::update_many()
        .col_expr(
            opinion_conversation::Column::ClaimedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            opinion_conversation::Column::ClaimedUntil,
            Expr::value(Option::<i64>::None),
        )
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .filter(opinion_conversation::Column::ClaimedBy.eq(worker))
        .exec(db)
        .await?;
    Ok(())
}

async fn compute(
    db: &DatabaseConnection,
    conversation_id: i64,
    worker: &str,
) -> Result<Outcome, DbErr> {
    let conversation = opinion_conversation::Entity::find_by_id(conversation_id)
        .one(db)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("conversation {conversation_id}")))?;
    // Read before the votes: anything committed later has a higher version.
    let version = conversation.votes_version;
    let statements: Vec<(i64, String)> = opinion_statement::Entity::find()
        .select_only()
        .column(opinion_statement::Column::Id)
        .column(opinion_statement::Column::Status)
        .filter(opinion_statement::Column::ConversationId.eq(conversation_id))
        .filter(opinion_statement::Column::Status.is_in([ACCEPTED, REJECTED]))
        .into_tuple()
        .all(db)
        .await?;
    let votes: Vec<(i64, i64, i16)> = opinion_vote::Entity::find()
        .select_only()
        .column(opinion_vote::Column::ParticipantId)
        .column(opinion_vote::Column::StatementId)
        .column(opinion_vote::Column::Value)
        .filter(opinion_vote::Column::ConversationId.eq(conversation_id))
        .into_tuple()
        .all(db)
        .await?;
    let previous = opinion_analysis::Entity::find_by_id(conversation_id)
        .one(db)
        .await?
        .and_then(|a| dias_opinion::State::from_json(&a.state).ok());

    let known: std::collections::HashSet<i64> = statements.iter().map(|(id, _)| *id).collect();
    let (analysis, vote_count, participant_count) = tokio::task::spawn_blocking(move || {
        let mut builder = dias_opinion::Votes::builder();
        for (id, status) in &statements {
            let id = id.to_string();
            builder.statement(&id);
            if status == REJECTED {
                builder.moderate_out(&id);
            }
        }
        let mut counted = 0i64;
        let mut people = std::collections::HashSet::new();
        for (participant, statement, value) in &votes {
            // Votes on statements moved back to pending stay out.
            if !known.contains(statement) {
                continue;
            }
            if builder
                .vote(&participant.to_string(), &statement.to_string(), *value)
                .is_ok()
            {
                counted += 1;
                people.insert(*participant);
            }
        }
        let votes = builder.build();
        let analysis =
            dias_opinion::analyze(&votes, &dias_opinion::Options::default(), previous.as_ref());
        (analysis, counted, people.len() as i64)
    })
    .await
    .map_err(|e| DbErr::Custom(format!("analysis task failed: {e}")))?;

    let json = analysis
        .to_json()
        .map_err(|e| DbErr::Custom(format!("analysis JSON: {e}")))?;
    let state = analysis
        .state
        .to_json()
        .map_err(|e| DbErr::Custom(format!("state JSON: {e}")))?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    opinion_analysis::Entity::insert(opinion_analysis::ActiveModel {
        conversation_id: Set(conversation_id),
        analysis: Set(json),
        state: Set(state),
        version: Set(version),
        vote_count: Set(vote_count),
        participant_count: Set(participant_count),
        computed_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(opinion_analysis::Column::ConversationId)
            .update_columns([
                opinion_analysis::Column::Analysis,
                opinion_analysis::Column::State,
                opinion_analysis::Column::Version,
                opinion_analysis::Column::VoteCount,
                opinion_analysis::Column::ParticipantCount,
                opinion_analysis::Column::ComputedAt,
            ])
            .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    // One UPDATE … CASE per 500 statements instead of one per statement:
    // up to 10,000 statements per conversation, recomputed every few seconds.
    let priorities: Vec<(i64, f64)> = analysis
        .statements
        .iter()
        .filter_map(|(id, info)| {
            let id = id.parse::<i64>().ok()?;
            Some((
                id,
                if info.priority.is_finite() {
                    info.priority
                } else {
                    0.0
                },
            ))
        })
        .collect();
    for chunk in priorities.chunks(500) {
        let mut case = sea_orm::sea_query::CaseStatement::new();
        for (id, priority) in chunk {
            case = case.case(
                Expr::col(opinion_statement::Column::Id).eq(*id),
                Expr::value(*priority),
            );
        }
        let case = case.finally(Expr::col(opinion_statement::Column::Priority));
        opinion_statement::Entity::update_many()
            .col_expr(opinion_statement::Column::Priority, case.into())
            .filter(opinion_statement::Column::Id.is_in(chunk.iter().map(|(id, _)| *id)))
            .exec(&txn)
            .await?;
    }
    opinion_conversation::Entity::update_many()
        .col_expr(
            opinion_conversation::Column::ComputedVersion,
            Expr::value(version),
        )
        .col_expr(opinion_conversation::Column::ComputedAt, Expr::value(now))
        .col_expr(
            opinion_conversation::Column::ClaimedBy,
            Expr::value(Option::<String>::None),
        )
        .col_expr(
            opinion_conversation::Column::ClaimedUntil,
            Expr::value(Option::<i64>::None),
        )
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .filter(opinion_conversation::Column::ClaimedBy.eq(worker))
        .exec(&txn)
        .await?;
    txn.commit().await?;

    let newer = opinion_conversation::Entity::find_by_id(conversation_id)
        .one(db)
        .await?
        .is_some_and(|c| c.votes_version > version);
    if newer {
        schedule(db, conversation_id, now).await?;
    }
    Ok(Outcome::Computed {
        version,
        groups: analysis.groups.len(),
    })
}

/// The job runner's handler for [`JOB_KIND`].
pub struct RecomputeJob;

impl RecomputeJob {
    pub fn handler() -> Arc<dyn JobHandler> {
        Arc::new(RecomputeJob)
    }
}

impl JobHandler for RecomputeJob {
    fn run(
        &self,
        ctx: JobContext,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), String>> + Send + '_>> {
        Box::pin(async move {
            let conversation = ctx
                .payload()
                .get("conversation")
                .and_then(serde_json::Value::as_i64)
                .ok_or("payload without conversation")?;
            let worker = ctx
                .job
                .locked_by
                .clone()
                .unwrap_or_else(|| format!("job-{}", ctx.job.id));
            let outcome = recompute(&ctx.db, conversation, &worker)
                .await
                .map_err(|e| e.to_string())?;
            let message = match outcome {
                Outcome::Computed { groups, .. } => format!("{groups} Meinungsgruppen"),
                Outcome::Unchanged => "unverändert".to_owned(),
                Outcome::Busy => "wird bereits berechnet".to_owned(),
            };
            ctx.progress(1, 1, &message)
                .await
                .map_err(|e| e.to_string())?;
            Ok(())
        })
    }
}
