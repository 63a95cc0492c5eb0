//! Notifications (Benachrichtigungen): what a person follows and what they
//! were told.
//!
//! `follows` holds one row per person and followed thing; the thing is named
//! by a kind ('process', 'proposal', 'suggestion', later other modules'
//! kinds) and its id, without a foreign key, so that any module can offer
//! following. `notifications` is a person's inbox. Its `mail_state`
//! ('pending' | 'sent' | 'skipped') is what the mail worker claims with a
//! conditional update; `mail_batch` names the mail a notification went out
//! in, so a digest is assembled from exactly the rows its worker claimed.
//!
//! Authors of existing proposals and change suggestions start out following
//! them, as new authors do.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Follows {
    Table,
    Id,
    UserId,
    TargetKind,
    TargetId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Notifications {
    Table,
    Id,
    UserId,
    Kind,
    Args,
    Title,
    Summary,
    Link,
    CreatedAt,
    ReadAt,
    MailState,
    MailedAt,
    MailBatch,
}

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    AuthorId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Suggestions {
    Table,
    Id,
    AuthorId,
    CreatedAt,
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

/// Authors follow what they wrote (`kind` is the follow kind of `table`).
async fn authors_follow(
    manager: &SchemaManager<'_>,
    kind: &str,
    table: DynIden,
    id: DynIden,
    author: DynIden,
    created: DynIden,
) -> Result<(), DbErr> {
    let select = Query::select()
        .column(author)
        .expr(Expr::val(kind))
        .column(id)
        .column(created)
        .from(table)
        .to_owned();
    let insert = Query::insert()
        .into_table(Follows::Table)
        .columns([
            Follows::UserId,
            Follows::TargetKind,
            Follows::TargetId,
            Follows::CreatedAt,
        ])
        .select_from(select)
        .map_err(|e| DbErr::Migration(e.to_string()))?
        .to_owned();
    manager.exec_stmt(insert).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Follows::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Follows::Id))
                    .col(big_integer(Follows::UserId))
                    .col(string_len(Follows::TargetKind, 32))
                    .col(big_integer(Follows::TargetId))
                    .col(big_integer(Follows::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Follows::Table, Follows::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // One follow per person and thing; also answers "do I follow these?".
        index(
            manager,
            "idx_follows_unique",
            Follows::Table,
            vec![
                Follows::UserId.into_iden(),
                Follows::TargetKind.into_iden(),
                Follows::TargetId.into_iden(),
            ],
            true,
        )
        .await?;
        // The followers of one thing, when it changes.
        index(
            manager,
            "idx_follows_target",
            Follows::Table,
            vec![
                Follows::TargetKind.into_iden(),
                Follows::TargetId.into_iden(),
            ],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(Notifications::Table)
                    .if_not_exists()
                    .col(big_pk_auto(Notifications::Id))
                    .col(big_integer(Notifications::UserId))
                    // A message id, e.g. 'notif-proposal-answered'.
                    .col(string_len(Notifications::Kind, 64))
                    // JSON object of the message's arguments.
                    .col(text(Notifications::Args))
                    // What it is about, e.g. the proposal's title.
                    .col(string_len(Notifications::Title, 300))
                    // A plain-text excerpt (may be empty).
                    .col(text(Notifications::Summary))
                    // A path on the portal, e.g. '/beteiligung/x/vorschlaege/1'.
                    .col(string_len(Notifications::Link, 500))
                    .col(big_integer(Notifications::CreatedAt))
                    .col(big_integer_null(Notifications::ReadAt))
                    // 'pending' | 'sent' | 'skipped'
                    .col(string_len(Notifications::MailState, 16).default("pending"))
                    .col(big_integer_null(Notifications::MailedAt))
                    .col(string_len_null(Notifications::MailBatch, 64))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Notifications::Table, Notifications::UserId)
                            .to(Users::Table, Users::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        // A person's inbox, newest first, and the unread count.
        index(
            manager,
            "idx_notifications_user",
            Notifications::Table,
            vec![
                Notifications::UserId.into_iden(),
                Notifications::ReadAt.into_iden(),
                Notifications::Id.into_iden(),
            ],
            false,
        )
        .await?;
        // What the mail worker still has to send (few rows among many).
        index(
            manager,
            "idx_notifications_mail",
            Notifications::Table,
            vec![
                Notifications::MailState.into_iden(),
                Notifications::UserId.into_iden(),
            ],
            false,
        )
        .await?;
        index(
            manager,
            "idx_notifications_batch",
            Notifications::Table,
            vec![Notifications::MailBatch.into_iden()],
            false,
        )
        .await?;

        authors_follow(
            manager,
            "proposal",
            Proposals::Table.into_iden(),
            Proposals::Id.into_iden(),
            Proposals::AuthorId.into_iden(),
            Proposals::CreatedAt.into_iden(),
        )
        .await?;
        authors_follow(
            manager,
            "suggestion",
            Suggestions::Table.into_iden(),
            Suggestions::Id.into_iden(),
            Suggestions::AuthorId.into_iden(),
            Suggestions::CreatedAt.into_iden(),
        )
        .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
