//! Förderlotse: the personal watch list (Merkliste) and its reminders.
//!
//! `funding_watches` holds the offers a person watches and how many days
//! before a deadline they want to be reminded. `funding_reminders` records
//! each reminder sent, one row per person, offer and deadline day: the
//! unique index is what makes a reminder go out exactly once, even when the
//! reminder job runs on several instances at the same time (the second
//! insert fails and its transaction, with its mail, is rolled back).
//!
//! Deadlines are calendar days in Europe/Berlin as `YYYY-MM-DD` text, like
//! `funding_offers.next_deadline` (m0014).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FundingWatches {
    Table,
    Id,
    UserId,
    OfferId,
    RemindDays,
    CreatedAt,
}

#[derive(DeriveIden)]
enum FundingReminders {
    Table,
    Id,
    UserId,
    OfferId,
    Deadline,
    SentAt,
}

#[derive(DeriveIden)]
enum FundingOffers {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FundingWatches::Table)
                    .if_not_exists()
                    .col(big_pk_auto(FundingWatches::Id))
                    .col(big_integer(FundingWatches::UserId))
                    .col(big_integer(FundingWatches::OfferId))
                    .col(integer(FundingWatches::RemindDays).default(7))
                    .col(big_integer(FundingWatches::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FundingWatches::Table, FundingWatches::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FundingWatches::Table, FundingWatches::OfferId)
                            .to(FundingOffers::Table, FundingOffers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_funding_watches_user_offer")
                    .table(FundingWatches::Table)
                    .if_not_exists()
                    .col(FundingWatches::UserId)
                    .col(FundingWatches::OfferId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // The reminder job walks the watches of each offer.
                    .name("idx_funding_watches_offer")
                    .table(FundingWatches::Table)
                    .if_not_exists()
                    .col(FundingWatches::OfferId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(FundingReminders::Table)
                    .if_not_exists()
                    .col(big_pk_auto(FundingReminders::Id))
                    .col(big_integer(FundingReminders::UserId))
                    .col(big_integer(FundingReminders::OfferId))
                    .col(string_len(FundingReminders::Deadline, 10))
                    .col(big_integer(FundingReminders::SentAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(FundingReminders::Table, FundingReminders::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(FundingReminders::Table, FundingReminders::OfferId)
                            .to(FundingOffers::Table, FundingOffers::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_funding_reminders_once")
                    .table(FundingReminders::Table)
                    .if_not_exists()
                    .col(FundingReminders::UserId)
                    .col(FundingReminders::OfferId)
                    .col(FundingReminders::Deadline)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundingReminders::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(FundingWatches::Table).to_owned())
            .await
    }
}
