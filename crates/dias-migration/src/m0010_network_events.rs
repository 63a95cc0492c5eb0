//! KI-Netzwerk: events (Veranstaltungen) with registrations and a waiting
//! list, and posts (Beiträge) that wait for staff before publication.
//!
//! `confirmed_count` is the number of confirmed registrations of an event.
//! Registering raises it with one conditional `UPDATE … WHERE confirmed_count
//! < capacity`, so two people racing for the last seat cannot both get it on
//! either database, and lists show free seats without counting rows. Topics
//! are comma-separated taxonomy slugs like the actors' competences.

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
}

#[derive(DeriveIden)]
enum NetworkEvents {
    Table,
    Id,
    ActorId,
    Title,
    DescriptionMd,
    StartsAt,
    EndsAt,
    Online,
    OnlineUrl,
    Venue,
    Street,
    Postcode,
    City,
    Ags8,
    Ags5,
    Topics,
    Capacity,
    ConfirmedCount,
    CancelledAt,
    CancelReason,
    CreatedBy,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NetworkEventRegistrations {
    Table,
    Id,
    EventId,
    UserId,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum NetworkPosts {
    Table,
    Id,
    ActorId,
    AuthorId,
    Title,
    Teaser,
    BodyMd,
    Topics,
    Status,
    RejectReason,
    ReviewedBy,
    ReviewedAt,
    PublishedAt,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(NetworkEvents::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkEvents::Id))
                    .col(big_integer_null(NetworkEvents::ActorId))
                    .col(string_len(NetworkEvents::Title, 200))
                    .col(text(NetworkEvents::DescriptionMd))
                    .col(big_integer(NetworkEvents::StartsAt))
                    .col(big_integer(NetworkEvents::EndsAt))
                    .col(boolean(NetworkEvents::Online).default(false))
                    .col(string_len(NetworkEvents::OnlineUrl, 300))
                    .col(string_len(NetworkEvents::Venue, 200))
                    .col(string_len(NetworkEvents::Street, 200))
                    .col(string_len(NetworkEvents::Postcode, 5))
                    .col(string_len(NetworkEvents::City, 100))
                    .col(string_len(NetworkEvents::Ags8, 8))
                    .col(string_len(NetworkEvents::Ags5, 5))
                    .col(string_len(NetworkEvents::Topics, 500))
                    .col(integer_null(NetworkEvents::Capacity))
                    .col(integer(NetworkEvents::ConfirmedCount).default(0))
                    .col(big_integer_null(NetworkEvents::CancelledAt))
                    .col(text_null(NetworkEvents::CancelReason))
                    .col(big_integer_null(NetworkEvents::CreatedBy))
                    .col(big_integer(NetworkEvents::CreatedAt))
                    .col(big_integer(NetworkEvents::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkEvents::Table, NetworkEvents::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkEvents::Table, NetworkEvents::CreatedBy)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            // Upcoming list and feed: `ends_at >= now ORDER BY starts_at`.
            (
                "idx_network_events_ends_starts",
                vec![NetworkEvents::EndsAt, NetworkEvents::StartsAt],
            ),
            (
                "idx_network_events_actor_ends",
                vec![NetworkEvents::ActorId, NetworkEvents::EndsAt],
            ),
            (
                "idx_network_events_ags5_ends",
                vec![NetworkEvents::Ags5, NetworkEvents::EndsAt],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(NetworkEvents::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(NetworkEventRegistrations::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkEventRegistrations::Id))
                    .col(big_integer(NetworkEventRegistrations::EventId))
                    .col(big_integer(NetworkEventRegistrations::UserId))
                    .col(string_len(NetworkEventRegistrations::Status, 16))
                    .col(big_integer(NetworkEventRegistrations::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                NetworkEventRegistrations::Table,
                                NetworkEventRegistrations::EventId,
                            )
                            .to(NetworkEvents::Table, NetworkEvents::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                NetworkEventRegistrations::Table,
                                NetworkEventRegistrations::UserId,
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
                    .name("idx_network_event_registrations_person")
                    .table(NetworkEventRegistrations::Table)
                    .col(NetworkEventRegistrations::EventId)
                    .col(NetworkEventRegistrations::UserId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    // The waiting list in order: `status = 'waiting' ORDER BY id`.
                    .name("idx_network_event_registrations_status")
                    .table(NetworkEventRegistrations::Table)
                    .col(NetworkEventRegistrations::EventId)
                    .col(NetworkEventRegistrations::Status)
                    .col(NetworkEventRegistrations::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_network_event_registrations_user")
                    .table(NetworkEventRegistrations::Table)
                    .col(NetworkEventRegistrations::UserId)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(NetworkPosts::Table)
                    .if_not_exists()
                    .col(big_pk_auto(NetworkPosts::Id))
                    .col(big_integer_null(NetworkPosts::ActorId))
                    .col(big_integer_null(NetworkPosts::AuthorId))
                    .col(string_len(NetworkPosts::Title, 200))
                    .col(string_len(NetworkPosts::Teaser, 500))
                    .col(text(NetworkPosts::BodyMd))
                    .col(string_len(NetworkPosts::Topics, 500))
                    .col(string_len(NetworkPosts::Status, 16))
                    .col(text_null(NetworkPosts::RejectReason))
                    .col(big_integer_null(NetworkPosts::ReviewedBy))
                    .col(big_integer_null(NetworkPosts::ReviewedAt))
                    .col(big_integer_null(NetworkPosts::PublishedAt))
                    .col(big_integer(NetworkPosts::CreatedAt))
                    .col(big_integer(NetworkPosts::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkPosts::Table, NetworkPosts::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(NetworkPosts::Table, NetworkPosts::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_network_posts_status_published",
                vec![NetworkPosts::Status, NetworkPosts::PublishedAt],
            ),
            (
                "idx_network_posts_actor_status_published",
                vec![
                    NetworkPosts::ActorId,
                    NetworkPosts::Status,
                    NetworkPosts::PublishedAt,
                ],
            ),
            (
                "idx_network_posts_status_created",
                vec![NetworkPosts::Status, NetworkPosts::CreatedAt],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(NetworkPosts::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
