//! KI-Netzwerk: actors (organisation profiles) with their logo, the accounts
//! that represent them, invitations of further representatives and the log
//! of profile changes.
//!
//! Later network features (events, posts, partner requests, matching)
//! reference `actors.id`. Competences, industries and offers are stored as
//! comma-separated taxonomy slugs: the directory computes its facets from an
//! in-memory snapshot, never with per-request `GROUP BY`s, so join tables
//! would only cost writes. The snapshot notices changes through
//! `COUNT(*)`/`MAX(updated_at)`, which `idx_actors_updated` answers from the
//! index. The logo lives in its own table so that list reads stay narrow.

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
enum Actors {
    Table,
    Id,
    Slug,
    Name,
    Category,
    ShortDescription,
    DescriptionMd,
    Competences,
    Industries,
    Offers,
    SizeClass,
    FoundingYear,
    Street,
    Postcode,
    City,
    Ags8,
    Ags5,
    Lat,
    Lon,
    Website,
    ContactEmail,
    Status,
    DeclineReason,
    VerifiedAt,
    VerifiedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ActorLogos {
    Table,
    ActorId,
    Mime,
    Alt,
    Data,
    Size,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ActorRepresentatives {
    Table,
    Id,
    ActorId,
    UserId,
    PartnerRequestsOptIn,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ActorInvitations {
    Table,
    Id,
    ActorId,
    Email,
    TokenHash,
    InvitedBy,
    ExpiresAt,
    AcceptedAt,
    AcceptedBy,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ActorChanges {
    Table,
    Id,
    ActorId,
    UserId,
    At,
    Fields,
    OldValues,
    NewValues,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Actors::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Actors::Id))
                    .col(string_len(Actors::Slug, 120).unique_key())
                    .col(string_len(Actors::Name, 200))
                    .col(string_len(Actors::Category, 32))
                    .col(string_len(Actors::ShortDescription, 300))
                    .col(text(Actors::DescriptionMd))
                    .col(string_len(Actors::Competences, 500))
                    .col(string_len(Actors::Industries, 500))
                    .col(string_len(Actors::Offers, 300))
                    .col(string_len(Actors::SizeClass, 16))
                    .col(integer_null(Actors::FoundingYear))
                    .col(string_len(Actors::Street, 200))
                    .col(string_len(Actors::Postcode, 5))
                    .col(string_len(Actors::City, 100))
                    .col(string_len(Actors::Ags8, 8))
                    .col(string_len(Actors::Ags5, 5))
                    .col(double(Actors::Lat))
                    .col(double(Actors::Lon))
                    .col(string_len(Actors::Website, 300))
                    .col(string_len(Actors::ContactEmail, 254))
                    .col(string_len(Actors::Status, 16))
                    .col(text_null(Actors::DeclineReason))
                    .col(big_integer_null(Actors::VerifiedAt))
                    .col(big_integer_null(Actors::VerifiedBy))
                    .col(big_integer(Actors::CreatedAt))
                    .col(big_integer(Actors::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Actors::Table, Actors::VerifiedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            ("idx_actors_status_name", vec![Actors::Status, Actors::Name]),
            (
                "idx_actors_status_created",
                vec![Actors::Status, Actors::CreatedAt],
            ),
            ("idx_actors_updated", vec![Actors::UpdatedAt]),
        ] {
            let mut index = Index::create();
            index.name(name).table(Actors::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(ActorLogos::Table)
                    .if_not_exists()
                    .col(big_integer(ActorLogos::ActorId).primary_key())
                    .col(string_len(ActorLogos::Mime, 32))
                    .col(string_len(ActorLogos::Alt, 300))
                    .col(blob(ActorLogos::Data))
                    .col(integer(ActorLogos::Size))
                    .col(big_integer(ActorLogos::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActorLogos::Table, ActorLogos::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ActorRepresentatives::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ActorRepresentatives::Id))
                    .col(big_integer(ActorRepresentatives::ActorId))
                    .col(big_integer(ActorRepresentatives::UserId))
                    .col(boolean(ActorRepresentatives::PartnerRequestsOptIn).default(false))
                    .col(big_integer(ActorRepresentatives::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActorRepresentatives::Table, ActorRepresentatives::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActorRepresentatives::Table, ActorRepresentatives::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_actor_representatives_pair")
                    .table(ActorRepresentatives::Table)
                    .col(ActorRepresentatives::ActorId)
                    .col(ActorRepresentatives::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_actor_representatives_user")
                    .table(ActorRepresentatives::Table)
                    .col(ActorRepresentatives::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ActorInvitations::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ActorInvitations::Id))
                    .col(big_integer(ActorInvitations::ActorId))
                    .col(string_len(ActorInvitations::Email, 254))
                    .col(string_len(ActorInvitations::TokenHash, 64).unique_key())
                    .col(big_integer_null(ActorInvitations::InvitedBy))
                    .col(big_integer(ActorInvitations::ExpiresAt))
                    .col(big_integer_null(ActorInvitations::AcceptedAt))
                    .col(big_integer_null(ActorInvitations::AcceptedBy))
                    .col(big_integer(ActorInvitations::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActorInvitations::Table, ActorInvitations::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_actor_invitations_actor")
                    .table(ActorInvitations::Table)
                    .col(ActorInvitations::ActorId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ActorChanges::Table)
                    .if_not_exists()
                    .col(big_pk_auto(ActorChanges::Id))
                    .col(big_integer(ActorChanges::ActorId))
                    .col(big_integer_null(ActorChanges::UserId))
                    .col(big_integer(ActorChanges::At))
                    .col(string_len(ActorChanges::Fields, 500))
                    .col(text(ActorChanges::OldValues))
                    .col(text(ActorChanges::NewValues))
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActorChanges::Table, ActorChanges::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ActorChanges::Table, ActorChanges::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_actor_changes_actor")
                    .table(ActorChanges::Table)
                    .col(ActorChanges::ActorId)
                    .col(ActorChanges::At)
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
