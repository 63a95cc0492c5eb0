//! Opinion map (Meinungsbild): one conversation per process with short
//! statements, participants (an account or a pseudonymous visitor),
//! their latest vote per statement, and the stored result of the last
//! analysis with the state the next analysis continues from.
//!
//! `opinion_conversations` also coordinates the background recomputation
//! between instances: every vote raises `votes_version`; a worker claims the
//! conversation with a conditional UPDATE on `claimed_until` and, when done,
//! records the version it analysed in `computed_version`. `queued` says a
//! recompute job is already waiting, so a burst of votes queues one job.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum OpinionConversations {
    Table,
    Id,
    ProcessId,
    Question,
    AllowAnonymous,
    VotesVersion,
    ComputedVersion,
    Queued,
    ClaimedBy,
    ClaimedUntil,
    ComputedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OpinionParticipants {
    Table,
    Id,
    ConversationId,
    UserId,
    AnonKey,
    CreatedAt,
}

#[derive(DeriveIden)]
enum OpinionStatements {
    Table,
    Id,
    ConversationId,
    AuthorId,
    Body,
    Status,
    Priority,
    CreatedAt,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum OpinionVotes {
    Table,
    Id,
    ConversationId,
    StatementId,
    ParticipantId,
    Value,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum OpinionAnalyses {
    Table,
    ConversationId,
    Analysis,
    State,
    Version,
    VoteCount,
    ParticipantCount,
    ComputedAt,
}

async fn index(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    cols: Vec<DynIden>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut stmt = Index::create();
    stmt.name(name).table(table).if_not_exists();
    for col in cols {
        stmt.col(col);
    }
    if unique {
        stmt.unique();
    }
    manager.create_index(stmt.to_owned()).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(OpinionConversations::Table)
                    .if_not_exists()
                    .col(big_pk_auto(OpinionConversations::Id))
                    .col(big_integer(OpinionConversations::ProcessId))
                    .col(text(OpinionConversations::Question))
                    // Visitors without an account may vote (pseudonymous cookie).
                    .col(boolean(OpinionConversations::AllowAnonymous).default(false))
                    .col(big_integer(OpinionConversations::VotesVersion).default(0))
                    .col(big_integer(OpinionConversations::ComputedVersion).default(0))
                    .col(boolean(OpinionConversations::Queued).default(false))
                    .col(string_len_null(OpinionConversations::ClaimedBy, 64))
                    .col(big_integer_null(OpinionConversations::ClaimedUntil))
                    .col(big_integer_null(OpinionConversations::ComputedAt))
                    .col(big_integer(OpinionConversations::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpinionConversations::Table, OpinionConversations::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_opinion_conversations_process",
            OpinionConversations::Table,
            vec![OpinionConversations::ProcessId.into_iden()],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpinionParticipants::Table)
                    .if_not_exists()
                    .col(big_pk_auto(OpinionParticipants::Id))
                    .col(big_integer(OpinionParticipants::ConversationId))
                    // Exactly one of user_id and anon_key is set.
                    .col(big_integer_null(OpinionParticipants::UserId))
                    .col(string_len_null(OpinionParticipants::AnonKey, 64))
                    .col(big_integer(OpinionParticipants::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                OpinionParticipants::Table,
                                OpinionParticipants::ConversationId,
                            )
                            .to(OpinionConversations::Table, OpinionConversations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // NULLs never collide in a unique index, on SQLite and PostgreSQL.
        index(
            manager,
            "idx_opinion_participants_user",
            OpinionParticipants::Table,
            vec![
                OpinionParticipants::ConversationId.into_iden(),
                OpinionParticipants::UserId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "idx_opinion_participants_anon",
            OpinionParticipants::Table,
            vec![
                OpinionParticipants::ConversationId.into_iden(),
                OpinionParticipants::AnonKey.into_iden(),
            ],
            true,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpinionStatements::Table)
                    .if_not_exists()
                    .col(big_pk_auto(OpinionStatements::Id))
                    .col(big_integer(OpinionStatements::ConversationId))
                    // A participant; NULL for statements seeded by staff.
                    .col(big_integer_null(OpinionStatements::AuthorId))
                    // At most 280 characters (checked by the application).
                    .col(text(OpinionStatements::Body))
                    // 'pending' | 'accepted' | 'rejected'
                    .col(string_len(OpinionStatements::Status, 16))
                    // Routing priority from the last analysis; NULL until analysed.
                    .col(double_null(OpinionStatements::Priority))
                    .col(big_integer(OpinionStatements::CreatedAt))
                    .col(big_integer_null(OpinionStatements::DecidedBy))
                    .col(big_integer_null(OpinionStatements::DecidedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpinionStatements::Table, OpinionStatements::ConversationId)
                            .to(OpinionConversations::Table, OpinionConversations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_opinion_statements_conversation",
            OpinionStatements::Table,
            vec![
                OpinionStatements::ConversationId.into_iden(),
                OpinionStatements::Status.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpinionVotes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(OpinionVotes::Id))
                    .col(big_integer(OpinionVotes::ConversationId))
                    .col(big_integer(OpinionVotes::StatementId))
                    .col(big_integer(OpinionVotes::ParticipantId))
                    // agree = 1, disagree = -1, pass = 0
                    .col(small_integer(OpinionVotes::Value))
                    .col(big_integer(OpinionVotes::CreatedAt))
                    .col(big_integer(OpinionVotes::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpinionVotes::Table, OpinionVotes::StatementId)
                            .to(OpinionStatements::Table, OpinionStatements::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpinionVotes::Table, OpinionVotes::ParticipantId)
                            .to(OpinionParticipants::Table, OpinionParticipants::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // The latest vote wins: one row per participant and statement.
        index(
            manager,
            "idx_opinion_votes_unique",
            OpinionVotes::Table,
            vec![
                OpinionVotes::ParticipantId.into_iden(),
                OpinionVotes::StatementId.into_iden(),
            ],
            true,
        )
        .await?;
        index(
            manager,
            "idx_opinion_votes_conversation",
            OpinionVotes::Table,
            vec![OpinionVotes::ConversationId.into_iden()],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(OpinionAnalyses::Table)
                    .if_not_exists()
                    .col(big_integer(OpinionAnalyses::ConversationId).primary_key())
                    // JSON of dias_opinion::Analysis and of its State.
                    .col(text(OpinionAnalyses::Analysis))
                    .col(text(OpinionAnalyses::State))
                    .col(big_integer(OpinionAnalyses::Version))
                    .col(big_integer(OpinionAnalyses::VoteCount))
                    .col(big_integer(OpinionAnalyses::ParticipantCount))
                    .col(big_integer(OpinionAnalyses::ComputedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(OpinionAnalyses::Table, OpinionAnalyses::ConversationId)
                            .to(OpinionConversations::Table, OpinionConversations::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
