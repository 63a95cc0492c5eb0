//! Reading and writing the opinion map. Votes and moderation decisions
//! raise the conversation's `votes_version` and queue a recompute in the
//! same transaction; nothing here runs the analysis.

use std::collections::{HashMap, HashSet};

use dias_core::{CoreError, CoreResult};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};

use super::{ACCEPTED, PENDING, REJECTED};
use crate::entities::{
    opinion_analysis, opinion_conversation, opinion_participant, opinion_statement, opinion_vote,
};

/// Who votes: an account, or a visitor by the hashed cookie token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Voter {
    User(i64),
    Anonymous(String),
}

/// The conversation of a process, if it has one.
pub async fn conversation_of(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Option<opinion_conversation::Model>, DbErr> {
    opinion_conversation::Entity::find()
        .filter(opinion_conversation::Column::ProcessId.eq(process_id))
        .one(db)
        .await
}

/// The conversation of a process, created on first use: every process has
/// an opinion map; whether people can vote depends on its phases.
pub async fn conversation_for(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<opinion_conversation::Model, DbErr> {
    if let Some(c) = conversation_of(db, process_id).await? {
        return Ok(c);
    }
    match create_conversation(db, process_id, "", false).await {
        Ok(c) => Ok(c),
        // Created by a parallel request meanwhile.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            conversation_of(db, process_id).await?.ok_or(e)
        }
        Err(e) => Err(e),
    }
}

/// Sets the question and whether visitors may vote, creating the
/// conversation if the process has none yet (staff's process form).
pub async fn configure<C: ConnectionTrait>(
    db: &C,
    process_id: i64,
    question: &str,
    allow_anonymous: bool,
) -> Result<(), DbErr> {
    let existing = opinion_conversation::Entity::find()
        .filter(opinion_conversation::Column::ProcessId.eq(process_id))
        .one(db)
        .await?;
    match existing {
        Some(c) => {
            opinion_conversation::Entity::update_many()
                .col_expr(
                    opinion_conversation::Column::Question,
                    Expr::value(question),
                )
                .col_expr(
                    opinion_conversation::Column::AllowAnonymous,
                    Expr::value(allow_anonymous),
                )
                .filter(opinion_conversation::Column::Id.eq(c.id))
                .exec(db)
                .await?;
        }
        None => {
            create_conversation(db, process_id, question, allow_anonymous).await?;
        }
    }
    Ok(())
}

/// Creates the conversation of a process (demo, tests); an empty question
/// shows the default one.
pub async fn create_conversation<C: ConnectionTrait>(
    db: &C,
    process_id: i64,
    question: &str,
    allow_anonymous: bool,
) -> Result<opinion_conversation::Model, DbErr> {
    opinion_conversation::ActiveModel {
        process_id: Set(process_id),
        question: Set(question.to_owned()),
        allow_anonymous: Set(allow_anonymous),
        votes_version: Set(0),
        computed_version: Set(0),
        queued: Set(false),
        claimed_by: Set(None),
        claimed_until: Set(None),
        computed_at: Set(None),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(db)
    .await
}

fn voter_filter(voter: &Voter) -> sea_orm::Condition {
    match voter {
        Voter::User(id) => {
            sea_orm::Condition::all().add(opinion_participant::Column::UserId.eq(*id))
        }
        Voter::Anonymous(key) => {
            sea_orm::Condition::all().add(opinion_participant::Column::AnonKey.eq(key.as_str()))
        }
    }
}

/// The participant id of a voter, if they ever voted or wrote here.
pub async fn find_participant<C: ConnectionTrait>(
    db: &C,
    conversation_id: i64,
    voter: &Voter,
) -> Result<Option<i64>, DbErr> {
    Ok(opinion_participant::Entity::find()
        .filter(opinion_participant::Column::ConversationId.eq(conversation_id))
        .filter(voter_filter(voter))
        .one(db)
        .await?
        .map(|p| p.id))
}

/// The participant id of a voter, created on first use.
async fn participant_id<C: ConnectionTrait>(
    db: &C,
    conversation_id: i64,
    voter: &Voter,
    now: i64,
) -> Result<i64, DbErr> {
    if let Some(id) = find_participant(db, conversation_id, voter).await? {
        return Ok(id);
    }
    let (user_id, anon_key) = match voter {
        Voter::User(id) => (Some(*id), None),
        Voter::Anonymous(key) => (None, Some(key.clone())),
    };
    // Two first votes at once may both get here: the loser's insert does
    // nothing (rather than failing, which would abort the surrounding
    // transaction on PostgreSQL) and both read the one row.
    opinion_participant::Entity::insert(opinion_participant::ActiveModel {
        conversation_id: Set(conversation_id),
        user_id: Set(user_id),
        anon_key: Set(anon_key),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(OnConflict::new().do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    find_participant(db, conversation_id, voter)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound("opinion participant".into()))
}

/// What the voting card needs: the next statement (if any is left), how
/// many accepted statements the participant rated and how many there are.
#[derive(Debug, Clone)]
pub struct Card {
    pub statement: Option<opinion_statement::Model>,
    pub voted: u64,
    pub total: u64,
}

/// The next statement for a participant (or a reader without votes) by the
/// routing priority of the last analysis; statements newer than it get the
/// priority Polis gives unseen statements. Never one already voted.
pub async fn next_card(
    db: &DatabaseConnection,
    conversation_id: i64,
    participant: Option<i64>,
) -> Result<Card, DbErr> {
    let statements = opinion_statement::Entity::find()
        .filter(opinion_statement::Column::ConversationId.eq(conversation_id))
        .filter(opinion_statement::Column::Status.eq(ACCEPTED))
        .order_by_asc(opinion_statement::Column::Id)
        .all(db)
        .await?;
    let voted: HashSet<i64> = match participant {
        Some(pid) => opinion_vote::Entity::find()
            .select_only()
            .column(opinion_vote::Column::StatementId)
            .filter(opinion_vote::Column::ParticipantId.eq(pid))
            .into_tuple::<i64>()
            .all(db)
            .await?
            .into_iter()
            .collect(),
        None => HashSet::new(),
    };
    let total = statements.len() as u64;
    let voted_accepted = statements.iter().filter(|s| voted.contains(&s.id)).count() as u64;
    let ids: Vec<String> = statements.iter().map(|s| s.id.to_string()).collect();
    let unseen = dias_opinion::unseen_priority();
    let draw = super::routing_draw(participant.unwrap_or(0), voted_accepted);
    let chosen = dias_opinion::pick_by_priority(
        statements
            .iter()
            .zip(&ids)
            .filter(|(s, _)| !voted.contains(&s.id))
            .map(|(s, id)| (id.as_str(), s.priority.unwrap_or(unseen))),
        draw,
    )
    .and_then(|id| id.parse::<i64>().ok());
    Ok(Card {
        statement: chosen.and_then(|id| statements.into_iter().find(|s| s.id == id)),
        voted: voted_accepted,
        total,
    })
}

/// Records (or replaces) a vote. The statement must be accepted and belong
/// to the conversation. Returns the participant id.
pub async fn vote(
    db: &DatabaseConnection,
    conversation: &opinion_conversation::Model,
    voter: &Voter,
    statement_id: i64,
    value: i16,
) -> CoreResult<i64> {
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    opinion_statement::Entity::find_by_id(statement_id)
        .one(&txn)
        .await?
        .filter(|s| s.conversation_id == conversation.id && s.status == ACCEPTED)
        .ok_or(CoreError::NotFound)?;
    let participant = participant_id(&txn, conversation.id, voter, now).await?;
    opinion_vote::Entity::insert(opinion_vote::ActiveModel {
        conversation_id: Set(conversation.id),
        statement_id: Set(statement_id),
        participant_id: Set(participant),
        value: Set(value),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            opinion_vote::Column::ParticipantId,
            opinion_vote::Column::StatementId,
        ])
        .update_columns([opinion_vote::Column::Value, opinion_vote::Column::UpdatedAt])
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    super::worker::votes_changed(&txn, conversation.id, now).await?;
    txn.commit().await?;
    Ok(participant)
}

/// Stores a new statement by a participant; pending when the process
/// pre-moderates. Returns its status.
pub async fn add_statement(
    db: &DatabaseConnection,
    conversation: &opinion_conversation::Model,
    voter: &Voter,
    body: &str,
    premoderation: bool,
) -> CoreResult<&'static str> {
    let body = super::validate_statement(body)?;
    let now = dias_core::time::now();
    let status = super::initial_status(premoderation);
    let txn = dias_core::db::begin_write(db).await?;
    let author = participant_id(&txn, conversation.id, voter, now).await?;
    opinion_statement::ActiveModel {
        conversation_id: Set(conversation.id),
        author_id: Set(Some(author)),
        body: Set(body),
        status: Set(status.to_owned()),
        priority: Set(None),
        created_at: Set(now),
        decided_by: Set(None),
        decided_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(status)
}

/// Statements by state, oldest first (moderation queue).
pub async fn statements_with_status(
    db: &DatabaseConnection,
    conversation_id: i64,
    status: &str,
    limit: u64,
) -> Result<Vec<opinion_statement::Model>, DbErr> {
    opinion_statement::Entity::find()
        .filter(opinion_statement::Column::ConversationId.eq(conversation_id))
        .filter(opinion_statement::Column::Status.eq(status))
        .order_by_asc(opinion_statement::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// A moderator accepts or rejects a statement (also an accepted one, which
/// takes it out of the analysis). Queues a recompute.
pub async fn decide(
    db: &DatabaseConnection,
    conversation_id: i64,
    statement_id: i64,
    moderator: i64,
    decision: &str,
) -> CoreResult<()> {
    let status = match decision {
        "accept" => ACCEPTED,
        "reject" => REJECTED,
        _ => return Err(CoreError::NotFound),
    };
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let statement = opinion_statement::Entity::find_by_id(statement_id)
        .one(&txn)
        .await?
        .filter(|s| s.conversation_id == conversation_id)
        .ok_or(CoreError::NotFound)?;
    if statement.status == status {
        return Ok(());
    }
    opinion_statement::Entity::update_many()
        .col_expr(opinion_statement::Column::Status, Expr::value(status))
        .col_expr(opinion_statement::Column::DecidedBy, Expr::value(moderator))
        .col_expr(opinion_statement::Column::DecidedAt, Expr::value(now))
        .filter(opinion_statement::Column::Id.eq(statement_id))
        .exec(&txn)
        .await?;
    dias_core::audit::record(
        &txn,
        Some(moderator),
        "opinion.statement_decided",
        "opinion_statement",
        Some(&statement_id.to_string()),
        serde_json::json!({ "status": status }),
    )
    .await?;
    super::worker::votes_changed(&txn, conversation_id, now).await?;
    txn.commit().await?;
    Ok(())
}

/// Number of statements awaiting a decision.
pub async fn pending_count(db: &DatabaseConnection, conversation_id: i64) -> Result<u64, DbErr> {
    opinion_statement::Entity::find()
        .filter(opinion_statement::Column::ConversationId.eq(conversation_id))
        .filter(opinion_statement::Column::Status.eq(PENDING))
        .count(db)
        .await
}

/// The stored analysis of a conversation.
pub async fn analysis(
    db: &DatabaseConnection,
    conversation_id: i64,
) -> Result<Option<opinion_analysis::Model>, DbErr> {
    opinion_analysis::Entity::find_by_id(conversation_id)
        .one(db)
        .await
}

/// All statements of a conversation by id (results page, exports).
pub async fn statements(
    db: &DatabaseConnection,
    conversation_id: i64,
) -> Result<Vec<opinion_statement::Model>, DbErr> {
    opinion_statement::Entity::find()
        .filter(opinion_statement::Column::ConversationId.eq(conversation_id))
        .order_by_asc(opinion_statement::Column::Id)
        .all(db)
        .await
}

/// Agree / disagree / pass counts of a statement.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub agree: u32,
    pub disagree: u32,
    pub pass: u32,
}

impl Tally {
    pub fn total(&self) -> u32 {
        self.agree + self.disagree + self.pass
    }
}

/// Vote counts per statement, in one query.
pub async fn tallies(
    db: &DatabaseConnection,
    conversation_id: i64,
) -> Result<HashMap<i64, Tally>, DbErr> {
    #[derive(FromQueryResult)]
    struct Row {
        statement_id: i64,
        value: i16,
        count: i64,
    }
    let rows = opinion_vote::Entity::find()
        .select_only()
        .column(opinion_vote::Column::StatementId)
        .column(opinion_vote::Column::Value)
        .column_as(opinion_vote::Column::Id.count(), "count")
        .filter(opinion_vote::Column::ConversationId.eq(conversation_id))
        .group_by(opinion_vote::Column::StatementId)
        .group_by(opinion_vote::Column::Value)
        .into_model::<Row>()
        .all(db)
        .await?;
    let mut out: HashMap<i64, Tally> = HashMap::new();
    for r in rows {
        let t = out.entry(r.statement_id).or_default();
        let n = u32::try_from(r.count).unwrap_or(u32::MAX);
        match r.value {
            1 => t.agree += n,
            -1 => t.disagree += n,
            _ => t.pass += n,
        }
    }
    Ok(out)
}

/// Every vote of a conversation as (participant, statement, value,
/// updated_at), ordered by participant and statement.
pub async fn votes(
    db: &DatabaseConnection,
    conversation_id: i64,
) -> Result<Vec<(i64, i64, i16, i64)>, DbErr> {
    opinion_vote::Entity::find()
        .select_only()
        .column(opinion_vote::Column::ParticipantId)
        .column(opinion_vote::Column::StatementId)
        .column(opinion_vote::Column::Value)
        .column(opinion_vote::Column::UpdatedAt)
        .filter(opinion_vote::Column::ConversationId.eq(conversation_id))
        .order_by_asc(opinion_vote::Column::ParticipantId)
        .order_by_asc(opinion_vote::Column::StatementId)
        .into_tuple()
        .all(db)
        .await
}

/// Raises the version by hand, e.g. after loading votes in bulk.
pub async fn touch<C: ConnectionTrait>(db: &C, conversation_id: i64) -> Result<(), DbErr> {
    opinion_conversation::Entity::update_many()
        .col_expr(
            opinion_conversation::Column::VotesVersion,
            Expr::col(opinion_conversation::Column::VotesVersion).add(1),
        )
        .filter(opinion_conversation::Column::Id.eq(conversation_id))
        .exec(db)
        .await?;
    Ok(())
}
