//! KI-Netzwerk: the post list and the Atom feed read published posts newest
//! first. Without an index that starts with the status and the publication
//! time the database sorted every published post per page view (50,000 at
//! `--scale large`); with it, a page is a walk down the index.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum NetworkPosts {
    Table,
    Status,
    PublishedAt,
    Id,
}

const NAME: &str = "idx_network_posts_status_published";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(NetworkPosts::Table)
                    .col(NetworkPosts::Status)
                    .col(NetworkPosts::PublishedAt)
                    .col(NetworkPosts::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(NAME).table(NetworkPosts::Table).to_owned())
            .await
    }
}
