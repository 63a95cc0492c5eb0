//! Breitband: who acts for whom.
//!
//! `broadband_memberships` ties an account of a municipality (role
//! `municipality`) to the areas it acts for: a Gemeinde (AGS-8) or a whole
//! Kreis (AGS-5, e.g. a Landkreis's broadband coordinator). Market surveys
//! and funding projects of an area are managed by its members and by the
//! agency's staff.
//!
//! `broadband_operators` are the network operators (TK-Unternehmen) a
//! municipality can invite to a market survey; `broadband_operator_members`
//! names the accounts (role `operator`) that answer for one. The operator's
//! name is what its responses carry in the `operator` column.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum BroadbandMemberships {
    Table,
    Id,
    UserId,
    Area,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BroadbandOperators {
    Table,
    Id,
    Name,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BroadbandOperatorMembers {
    Table,
    Id,
    OperatorId,
    UserId,
    CreatedAt,
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
                    .table(BroadbandMemberships::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandMemberships::Id))
                    .col(big_integer(BroadbandMemberships::UserId))
                    .col(string_len(BroadbandMemberships::Area, 8))
                    .col(big_integer(BroadbandMemberships::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(BroadbandMemberships::Table, BroadbandMemberships::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_memberships_user_area")
                    .table(BroadbandMemberships::Table)
                    .if_not_exists()
                    .col(BroadbandMemberships::UserId)
                    .col(BroadbandMemberships::Area)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // "Who acts for this Gemeinde?" on the Gemeinde page.
                    .name("idx_broadband_memberships_area")
                    .table(BroadbandMemberships::Table)
                    .if_not_exists()
                    .col(BroadbandMemberships::Area)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandOperators::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandOperators::Id))
                    .col(string_len(BroadbandOperators::Name, 200))
                    .col(big_integer(BroadbandOperators::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_operators_name")
                    .table(BroadbandOperators::Table)
                    .if_not_exists()
                    .col(BroadbandOperators::Name)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BroadbandOperatorMembers::Table)
                    .if_not_exists()
                    .col(big_pk_auto(BroadbandOperatorMembers::Id))
                    .col(big_integer(BroadbandOperatorMembers::OperatorId))
                    .col(big_integer(BroadbandOperatorMembers::UserId))
                    .col(big_integer(BroadbandOperatorMembers::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandOperatorMembers::Table,
                                BroadbandOperatorMembers::OperatorId,
                            )
                            .to(BroadbandOperators::Table, BroadbandOperators::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                BroadbandOperatorMembers::Table,
                                BroadbandOperatorMembers::UserId,
                            )
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_operator_members_once")
                    .table(BroadbandOperatorMembers::Table)
                    .if_not_exists()
                    .col(BroadbandOperatorMembers::OperatorId)
                    .col(BroadbandOperatorMembers::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_broadband_operator_members_user")
                    .table(BroadbandOperatorMembers::Table)
                    .if_not_exists()
                    .col(BroadbandOperatorMembers::UserId)
                    .to_owned(),
            )
            .await
    }
}
