//! Beteiligung moderation: reports by participants and the moderation log.
//!
//! `reports` holds one report per person and target (comment, proposal or
//! change suggestion); the queue reads the open ones grouped by target.
//! `moderation_log` records every moderator action and every automatic
//! hide (then `moderator_id` is NULL: the system acted). Content awaiting
//! pre-moderation is recognised by a `hidden_at` without any log entry for
//! it, which is why the log is indexed by target.
//!
//! Also adds indexes on `hidden_at` of comments, proposals and suggestions
//! so that the queue finds hidden content without scanning all of it.

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
enum Reports {
    Table,
    Id,
    ProcessId,
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
enum ModerationLog {
    Table,
    Id,
    ProcessId,
    ModeratorId,
    Action,
    TargetKind,
    TargetId,
    UserId,
    Reason,
    At,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    HiddenAt,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    HiddenAt,
}

#[derive(DeriveIden)]
enum Suggestions {
    Table,
    HiddenAt,
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
                    .table(Reports::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Reports::Id))
                    .col(big_integer(Reports::ProcessId))
                    // 'comment' | 'proposal' | 'suggestion'
                    .col(string_len(Reports::TargetKind, 16))
                    .col(big_integer(Reports::TargetId))
                    .col(big_integer(Reports::ReporterId))
                    // 'spam' | 'offensive' | 'off_topic' | 'other'
                    .col(string_len(Reports::Reason, 16))
                    // At most 1,000 characters (checked by the application).
                    .col(text(Reports::Note))
                    // 'open' | 'dismissed' | 'actioned'
                    .col(string_len(Reports::Status, 16).default("open"))
                    .col(big_integer(Reports::CreatedAt))
                    .col(big_integer_null(Reports::ResolvedBy))
                    .col(big_integer_null(Reports::ResolvedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Reports::Table, Reports::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One report per person and target; also serves "open reports of
        // this target" (count for the automatic hide, closing on actions).
        index(
            manager,
            "idx_reports_unique",
            Reports::Table,
            vec![
                Reports::TargetKind.into_iden(),
                Reports::TargetId.into_iden(),
                Reports::ReporterId.into_iden(),
            ],
            true,
        )
        .await?;
        // The queue of one process.
        index(
            manager,
            "idx_reports_process_queue",
            Reports::Table,
            vec![
                Reports::ProcessId.into_iden(),
                Reports::Status.into_iden(),
                Reports::TargetKind.into_iden(),
                Reports::TargetId.into_iden(),
            ],
            false,
        )
        .await?;
        // The queue across processes.
        index(
            manager,
            "idx_reports_queue",
            Reports::Table,
            vec![
                Reports::Status.into_iden(),
                Reports::TargetKind.into_iden(),
                Reports::TargetId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ModerationLog::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ModerationLog::Id))
                    .col(big_integer(ModerationLog::ProcessId))
                    // NULL when the system hid content after enough reports.
                    .col(big_integer_null(ModerationLog::ModeratorId))
                    // 'hide' | 'restore' | 'dismiss' | 'block' | 'approve'
                    .col(string_len(ModerationLog::Action, 16))
                    .col(string_len(ModerationLog::TargetKind, 16))
                    .col(big_integer_null(ModerationLog::TargetId))
                    // The blocked account ('block').
                    .col(big_integer_null(ModerationLog::UserId))
                    .col(text(ModerationLog::Reason))
                    .col(big_integer(ModerationLog::At))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ModerationLog::Table, ModerationLog::ProcessId)
                            .to(Processes::Table, Processes::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        index(
            manager,
            "idx_moderation_log_process",
            ModerationLog::Table,
            vec![
                ModerationLog::ProcessId.into_iden(),
                ModerationLog::Id.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_moderation_log_target",
            ModerationLog::Table,
            vec![
                ModerationLog::TargetKind.into_iden(),
                ModerationLog::TargetId.into_iden(),
            ],
            false,
        )
        .await?;

        index(
            manager,
            "idx_comments_hidden",
            Comments::Table,
            vec![Comments::HiddenAt.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "idx_proposals_hidden",
            Proposals::Table,
            vec![Proposals::HiddenAt.into_iden()],
            false,
        )
        .await?;
        index(
            manager,
            "idx_suggestions_hidden",
            Suggestions::Table,
            vec![Suggestions::HiddenAt.into_iden()],
            false,
        )
        .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        // Migrations are additive; a downgrade restores a backup instead.
        Ok(())
    }
}
