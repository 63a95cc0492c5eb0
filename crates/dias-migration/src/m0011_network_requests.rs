//! KI-Netzwerk: partner requests (Kooperationsgesuche) and a Reply-To for
//! queued mail.
//!
//! A request belongs to an actor and carries the wanted competences and
//! industries as comma-separated taxonomy slugs, like `actors`. It is open
//! until its deadline (end of a Berlin day, stored as Unix seconds), so the
//! list of open requests is a range scan on `idx_partner_requests_deadline`.
//!
//! The contact form sends mail to an actor's representatives that the
//! recipients answer directly; `mails.reply_to` holds the sender's address
//! for that one purpose. It is nullable, so older instances keep writing
//! mail without it while the fleet upgrades.

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
enum Mails {
    Table,
    ReplyTo,
}

#[derive(DeriveIden)]
enum PartnerRequests {
    Table,
    Id,
    ActorId,
    AuthorId,
    Title,
    BodyMd,
    Competences,
    Industries,
    Deadline,
    NotifiedCount,
    CreatedAt,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PartnerRequests::Table)
                    .if_not_exists()
                    .col(big_pk_auto(PartnerRequests::Id))
                    .col(big_integer(PartnerRequests::ActorId))
                    .col(big_integer_null(PartnerRequests::AuthorId))
                    .col(string_len(PartnerRequests::Title, 200))
                    .col(text(PartnerRequests::BodyMd))
                    .col(string_len(PartnerRequests::Competences, 500))
                    .col(string_len(PartnerRequests::Industries, 500))
                    .col(big_integer(PartnerRequests::Deadline))
                    .col(integer(PartnerRequests::NotifiedCount).default(0))
                    .col(big_integer(PartnerRequests::CreatedAt))
                    .col(big_integer(PartnerRequests::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(PartnerRequests::Table, PartnerRequests::ActorId)
                            .to(Actors::Table, Actors::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(PartnerRequests::Table, PartnerRequests::AuthorId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::SetNull),
                    )
                    .to_owned(),
            )
            .await?;
        for (name, cols) in [
            (
                "idx_partner_requests_deadline",
                vec![PartnerRequests::Deadline, PartnerRequests::Id],
            ),
            (
                "idx_partner_requests_actor",
                vec![PartnerRequests::ActorId, PartnerRequests::CreatedAt],
            ),
            (
                "idx_partner_requests_updated",
                vec![PartnerRequests::UpdatedAt],
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table(PartnerRequests::Table);
            for col in cols {
                index.col(col);
            }
            manager.create_index(index.to_owned()).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Mails::Table)
                    .add_column(string_len_null(Mails::ReplyTo, 254))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
