//! Staff may set the current phase of a process by hand (the override wins
//! over the dates until it is cleared); and the proposal list gets indexes
//! that answer every filter and sort from the index alone.
//!
//! Each list index starts with the equality columns (process, visibility),
//! continues with the sort key and carries the filter columns at the end, so
//! a filtered, sorted page with a large offset walks one index without
//! touching the table for skipped rows, and counting uses the narrow filter
//! index. They replace the three older two-column indexes. Discussions are
//! read a page of top-level comments at a time, so comments get an index
//! by target and parent.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Processes {
    Table,
    PhaseOverride,
}

#[derive(DeriveIden, Clone, Copy)]
enum Proposals {
    Table,
    Id,
    ProcessId,
    HiddenAt,
    Topic,
    Status,
    Ags8,
    SupportsCount,
    CommentsCount,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
    TargetKind,
    TargetId,
    ParentId,
}

const SUPERSEDED: [&str; 3] = [
    "idx_proposals_process_supports",
    "idx_proposals_process_created",
    "idx_proposals_process_topic",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Processes::Table)
                    .add_column(big_integer_null(Processes::PhaseOverride))
                    .to_owned(),
            )
            .await?;
        let filters = [Proposals::Topic, Proposals::Status, Proposals::Ags8];
        for (name, sort_key) in [
            ("idx_proposals_list_supports", Proposals::SupportsCount),
            ("idx_proposals_list_created", Proposals::CreatedAt),
            ("idx_proposals_list_comments", Proposals::CommentsCount),
        ] {
            let mut index = Index::create();
            index
                .name(name)
                .table(Proposals::Table)
                .col(Proposals::ProcessId)
                .col(Proposals::HiddenAt)
                .col(sort_key)
                .col(Proposals::Id);
            for column in filters {
                index.col(column);
            }
            manager.create_index(index.to_owned()).await?;
        }
        let mut index = Index::create();
        index
            .name("idx_proposals_list_filter")
            .table(Proposals::Table)
            .col(Proposals::ProcessId)
            .col(Proposals::HiddenAt);
        for column in filters {
            index.col(column);
        }
        manager.create_index(index.to_owned()).await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_comments_thread")
                    .table(Comments::Table)
                    .col(Comments::TargetKind)
                    .col(Comments::TargetId)
                    .col(Comments::ParentId)
                    .col(Comments::Id)
                    .to_owned(),
            )
            .await?;
        for name in SUPERSEDED {
            manager
                .drop_index(Index::drop().name(name).table(Proposals::Table).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
