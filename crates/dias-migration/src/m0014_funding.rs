//! Förderlotse: the support offers (`funding_offers`).
//!
//! An offer is stored whole as its exchange record (`record`, JSON of
//! `dias_funding::Offer`), so the table follows the exchange schema without
//! a migration per field. Beside it sit the few columns that lists filter
//! and sort by in SQL (type, status, next deadline, last check, times); the
//! public pages answer from an in-memory snapshot kept current by the
//! `funding_offers` change counter (`data_versions`, m0013), so no join
//! tables for the list-valued conditions are needed.
//!
//! Dates of the record (deadline, last check) are calendar days in
//! Europe/Berlin, stored as `YYYY-MM-DD` text, which sorts like the date on
//! both databases; `next_deadline` is the first deadline on or after the day
//! of the last write.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FundingOffers {
    Table,
    Id,
    Slug,
    OfferType,
    Status,
    NextDeadline,
    LastChecked,
    Record,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FundingOffers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(FundingOffers::Id))
                    .col(string_len(FundingOffers::Slug, 80).unique_key())
                    .col(string_len(FundingOffers::OfferType, 32))
                    .col(string_len(FundingOffers::Status, 16))
                    .col(string_len_null(FundingOffers::NextDeadline, 10))
                    .col(string_len(FundingOffers::LastChecked, 10))
                    .col(text(FundingOffers::Record))
                    .col(big_integer(FundingOffers::CreatedAt))
                    .col(big_integer(FundingOffers::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_funding_offers_status_deadline",
                vec![FundingOffers::Status, FundingOffers::NextDeadline],
            ),
            ("idx_funding_offers_updated", vec![FundingOffers::UpdatedAt]),
            (
                "idx_funding_offers_last_checked",
                vec![FundingOffers::LastChecked],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(FundingOffers::Table).if_not_exists();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundingOffers::Table).to_owned())
            .await
    }
}
