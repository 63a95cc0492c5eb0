//! Change counters of data that instances keep in memory.
//!
//! An instance that serves a table from an in-memory snapshot (the
//! KI-Netzwerk's directory, map and matching index) asks one row here per
//! request whether the table changed. Every write to such a table increments
//! its counter in the same transaction, so the counter moves in commit
//! order — unlike `MAX(id)` or timestamps, which a slower transaction can
//! commit below — and reading it is one primary-key lookup instead of a
//! `COUNT(*)` over the table.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DataVersions {
    Table,
    Name,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(DataVersions::Table)
                    .if_not_exists()
                    .col(string_len(DataVersions::Name, 40).primary_key())
                    .col(big_integer(DataVersions::Version).default(0))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(DataVersions::Table).to_owned())
            .await
    }
}
