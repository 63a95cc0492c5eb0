//! Förderlotse editorial workflow: the version history of every offer
//! (`funding_offer_versions`) and the log of status changes
//! (`funding_status_log`).
//!
//! A version holds the whole exchange record as stored in
//! `funding_offers.record`, so any version can be shown, compared with its
//! predecessor and restored without knowing which fields existed when it
//! was written. Versions are numbered per offer from 1; the unique index
//! makes two editors who save at the same moment collide instead of
//! writing the same number twice. Authors are nullable: imports and the
//! demo catalogue have none, and a deleted account must not delete history.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FundingOfferVersions {
    Table,
    Id,
    OfferId,
    Version,
    Record,
    AuthorId,
    Note,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FundingStatusLog {
    Table,
    Id,
    OfferId,
    FromStatus,
    ToStatus,
    Note,
    UserId,
    At,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FundingOfferVersions::Table)
                    .if_not_exists()
                    .col(big_pk_auto(FundingOfferVersions::Id))
                    .col(big_integer(FundingOfferVersions::OfferId))
                    .col(integer(FundingOfferVersions::Version))
                    .col(text(FundingOfferVersions::Record))
                    .col(big_integer_null(FundingOfferVersions::AuthorId))
                    .col(text(FundingOfferVersions::Note))
                    .col(big_integer(FundingOfferVersions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_funding_offer_versions_offer_version")
                    .table(FundingOfferVersions::Table)
                    .col(FundingOfferVersions::OfferId)
                    .col(FundingOfferVersions::Version)
                    .unique()
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FundingStatusLog::Table)
                    .if_not_exists()
                    .col(big_pk_auto(FundingStatusLog::Id))
                    .col(big_integer(FundingStatusLog::OfferId))
                    .col(string_len(FundingStatusLog::FromStatus, 16))
                    .col(string_len(FundingStatusLog::ToStatus, 16))
                    .col(text(FundingStatusLog::Note))
                    .col(big_integer_null(FundingStatusLog::UserId))
                    .col(big_integer(FundingStatusLog::At))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_funding_status_log_offer_at")
                    .table(FundingStatusLog::Table)
                    .col(FundingStatusLog::OfferId)
                    .col(FundingStatusLog::At)
                    .if_not_exists()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundingStatusLog::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(FundingOfferVersions::Table).to_owned())
            .await
    }
}
