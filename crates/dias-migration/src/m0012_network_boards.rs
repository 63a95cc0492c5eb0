//! KI-Netzwerk: exchange boards (Austausch) with threads, replies, reports
//! and a moderation log.
//!
//! Boards keep `threads_count`, `replies_count` and `last_activity_at`, and
//! threads keep `replies_count` and `last_activity_at`, so that the board
//! overview and a board page sort and count without aggregating replies.
//! Deleting one's own thread or reply sets `deleted_at` (a placeholder
//! stays) and lowers the counters; hiding by moderation sets `hidden_at`.
//! Reports and the log name their target by kind (`thread`, `reply`) and
//! id, like Beteiligung's moderation tables, but are the network's own.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum NetworkBoards {
    Table,
    Id,
    Slug,
    Title,
    Description,
    Position,
    ThreadsCount,
    RepliesCount,
    LastActivityAt,
    CreatedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NetworkBoardThreads {
    Table,
    Id,
    BoardId,
    AuthorId,
    Title,
    BodyMd,
    RepliesCount,
    LastActivityAt,
    EditedAt,
    HiddenAt,
    DeletedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NetworkBoardReplies {
    Table,
    Id,
    ThreadId,
    AuthorId,
    QuotedId,
    BodyMd,
    EditedAt,
    HiddenAt,
    DeletedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NetworkBoardReports {
    Table,
    Id,
    TargetKind,
    TargetId,
    ReporterId,
    Reason,
    Note,
    Status,
    CreatedAt,
    ResolvedBy,
    ResolvedAt,
}

#[derive(DeriveIden)]
enum NetworkBoardModerationLog {
    Table,
    Id,
    ModeratorId,
    Action,
    TargetKind,
    TargetId,
    Reason,
    At,
}

fn user_fk(from_table: impl IntoIden, from_col: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table, from_col)
        .to(Users::Table, Users::Id)
        .on_delete(ForeignKeyAction::SetNull)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NetworkBoards::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkBoards::Id))
                    .col(string_len_uniq(NetworkBoards::Slug, 80))
                    .col(string_len(NetworkBoards::Title, 120))
                    .col(string_len(NetworkBoards::Description, 500))
                    .col(integer(NetworkBoards::Position).default(0))
                    .col(big_integer(NetworkBoards::ThreadsCount).default(0))
                    .col(big_integer(NetworkBoards::RepliesCount).default(0))
                    .col(big_integer_null(NetworkBoards::LastActivityAt))
                    .col(big_integer_null(NetworkBoards::CreatedBy))
                    .col(big_integer(NetworkBoards::CreatedAt))
                    .foreign_key(&mut user_fk(NetworkBoards::Table, NetworkBoards::CreatedBy))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(NetworkBoardThreads::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkBoardThreads::Id))
                    .col(big_integer(NetworkBoardThreads::BoardId))
                    .col(big_integer_null(NetworkBoardThreads::AuthorId))
                    .col(string_len(NetworkBoardThreads::Title, 200))
                    .col(text(NetworkBoardThreads::BodyMd))
                    .col(big_integer(NetworkBoardThreads::RepliesCount).default(0))
                    .col(big_integer(NetworkBoardThreads::LastActivityAt))
                    .col(big_integer_null(NetworkBoardThreads::EditedAt))
                    .col(big_integer_null(NetworkBoardThreads::HiddenAt))
                    .col(big_integer_null(NetworkBoardThreads::DeletedAt))
                    .col(big_integer(NetworkBoardThreads::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkBoardThreads::Table, NetworkBoardThreads::BoardId)
                            .to(NetworkBoards::Table, NetworkBoards::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(
                        NetworkBoardThreads::Table,
                        NetworkBoardThreads::AuthorId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // A board page: `board_id = ? ORDER BY last_activity_at DESC`.
                    .name("idx_network_board_threads_board_activity")
                    .table(NetworkBoardThreads::Table)
                    .col(NetworkBoardThreads::BoardId)
                    .col(NetworkBoardThreads::LastActivityAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(NetworkBoardReplies::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkBoardReplies::Id))
                    .col(big_integer(NetworkBoardReplies::ThreadId))
                    .col(big_integer_null(NetworkBoardReplies::AuthorId))
                    .col(big_integer_null(NetworkBoardReplies::QuotedId))
                    .col(text(NetworkBoardReplies::BodyMd))
                    .col(big_integer_null(NetworkBoardReplies::EditedAt))
                    .col(big_integer_null(NetworkBoardReplies::HiddenAt))
                    .col(big_integer_null(NetworkBoardReplies::DeletedAt))
                    .col(big_integer(NetworkBoardReplies::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkBoardReplies::Table, NetworkBoardReplies::ThreadId)
                            .to(NetworkBoardThreads::Table, NetworkBoardThreads::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(&mut user_fk(
                        NetworkBoardReplies::Table,
                        NetworkBoardReplies::AuthorId,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // A thread page in order: `thread_id = ? ORDER BY id`.
                    .name("idx_network_board_replies_thread")
                    .table(NetworkBoardReplies::Table)
                    .col(NetworkBoardReplies::ThreadId)
                    .col(NetworkBoardReplies::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(NetworkBoardReports::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkBoardReports::Id))
                    .col(string_len(NetworkBoardReports::TargetKind, 16))
                    .col(big_integer(NetworkBoardReports::TargetId))
                    .col(big_integer(NetworkBoardReports::ReporterId))
                    .col(string_len(NetworkBoardReports::Reason, 16))
                    .col(text(NetworkBoardReports::Note))
                    .col(string_len(NetworkBoardReports::Status, 16))
                    .col(big_integer(NetworkBoardReports::CreatedAt))
                    .col(big_integer_null(NetworkBoardReports::ResolvedBy))
                    .col(big_integer_null(NetworkBoardReports::ResolvedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkBoardReports::Table, NetworkBoardReports::ReporterId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // One report per person and target; decides racing duplicates.
                    .name("idx_network_board_reports_once")
                    .table(NetworkBoardReports::Table)
                    .col(NetworkBoardReports::TargetKind)
                    .col(NetworkBoardReports::TargetId)
                    .col(NetworkBoardReports::ReporterId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_board_reports_status")
                    .table(NetworkBoardReports::Table)
                    .col(NetworkBoardReports::Status)
                    .col(NetworkBoardReports::CreatedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(NetworkBoardModerationLog::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkBoardModerationLog::Id))
                    .col(big_integer_null(NetworkBoardModerationLog::ModeratorId))
                    .col(string_len(NetworkBoardModerationLog::Action, 16))
                    .col(string_len(NetworkBoardModerationLog::TargetKind, 16))
                    .col(big_integer(NetworkBoardModerationLog::TargetId))
                    .col(text(NetworkBoardModerationLog::Reason))
                    .col(big_integer(NetworkBoardModerationLog::At))
                    .foreign_key(&mut user_fk(
                        NetworkBoardModerationLog::Table,
                        NetworkBoardModerationLog::ModeratorId,
                    ))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
