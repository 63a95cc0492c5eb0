//! Up-votes ("hilfreich") on comments, one per person and comment.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CommentVotes {
    Table,
    Id,
    CommentId,
    UserId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Comments {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CommentVotes::Table)
                    .if_not_exists()
                    .col(big_pk_auto(CommentVotes::Id))
                    .col(big_integer(CommentVotes::CommentId))
                    .col(big_integer(CommentVotes::UserId))
                    .col(big_integer(CommentVotes::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CommentVotes::Table, CommentVotes::CommentId)
                            .to(Comments::Table, Comments::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_comment_votes_unique")
                    .table(CommentVotes::Table)
                    .col(CommentVotes::CommentId)
                    .col(CommentVotes::UserId)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, _manager: &SchemaManager) -> Result<(), DbErr> {
        Ok(())
    }
}
