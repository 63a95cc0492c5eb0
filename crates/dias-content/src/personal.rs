//! The content module's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! Exported: the pages, articles and publications the person created or
//! last changed (title and path — the texts are the agency's and public),
//! the media they uploaded, the newsletter issues they composed, and a
//! newsletter subscription under the account's e-mail address.
//!
//! Deleted with the account: the subscription under its address (with its
//! pending deliveries). What staff wrote stays the agency's, without the
//! person: the deleted account keeps its row as a pseudonym, so the author
//! links are cleared here.

use async_trait::async_trait;
use dias_core::accounts::MailEnv;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::time::format_rfc3339 as ts;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::{Value, json};

use crate::entities::{
    media, news, newsletter_deliveries, newsletter_issues, newsletter_subscribers, page_versions,
    pages, publication_files, publications,
};

pub struct ContentData;

async fn account_email<C: ConnectionTrait>(db: &C, user_id: i64) -> Result<Option<String>, DbErr> {
    Ok(dias_core::entities::user::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .and_then(|u| u.email.map(|e| e.to_lowercase())))
}

#[async_trait]
impl PersonalData for ContentData {
    fn section(&self) -> &'static str {
        "content"
    }

    async fn export(&self, db: &DatabaseConnection, user_id: i64) -> Result<Value, DbErr> {
        let pages = pages::Entity::find()
            .filter(
                Condition::any()
                    .add(pages::Column::CreatedBy.eq(user_id))
                    .add(pages::Column::UpdatedBy.eq(user_id)),
            )
            .order_by_asc(pages::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| json!({ "title": p.title_de, "path": p.path, "updated_at": ts(p.updated_at) }))
            .collect::<Vec<_>>();
        let news = news::Entity::find()
            .filter(news::Column::AuthorId.eq(user_id))
            .order_by_asc(news::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|n| json!({ "title": n.title, "slug": n.slug, "created_at": ts(n.created_at) }))
            .collect::<Vec<_>>();
        let publications = publications::Entity::find()
            .filter(publications::Column::CreatedBy.eq(user_id))
            .order_by_asc(publications::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| json!({ "title": p.title, "slug": p.slug, "created_at": ts(p.created_at) }))
            .collect::<Vec<_>>();
        // Never the file bytes.
        let media: Vec<(i64, String, i64)> = media::Entity::find()
            .select_only()
            .columns([
                media::Column::Id,
                media::Column::Filename,
                media::Column::CreatedAt,
            ])
            .filter(media::Column::UploadedBy.eq(user_id))
            .order_by_asc(media::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
        let issues = newsletter_issues::Entity::find()
            .filter(newsletter_issues::Column::CreatedBy.eq(user_id))
            .order_by_asc(newsletter_issues::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|i| json!({ "subject": i.subject, "status": i.status, "created_at": ts(i.created_at) }))
            .collect::<Vec<_>>();
        let subscription = match account_email(db, user_id).await? {
            Some(email) => newsletter_subscribers::Entity::find()
                .filter(newsletter_subscribers::Column::Email.eq(email))
                .one(db)
                .await?
                .map(|s| {
                    json!({
                        "email": s.email,
                        "topics": s.topics,
                        "status": s.status,
                        "subscribed_at": ts(s.created_at),
                        "confirmed_at": s.confirmed_at.map(ts),
                    })
                }),
            None => None,
        };
        Ok(json!({
            "pages": pages,
            "news": news,
            "publications": publications,
            "media": media.into_iter().map(|(id, name, at)| json!({ "id": id, "filename": name, "uploaded_at": ts(at) })).collect::<Vec<_>>(),
            "newsletter_issues": issues,
            "newsletter_subscription": subscription,
        }))
    }

    async fn erase(
        &self,
        txn: &DatabaseTransaction,
        _env: &MailEnv<'_>,
        user_id: i64,
    ) -> Result<(), DbErr> {
        if let Some(email) = account_email(txn, user_id).await?
            && let Some(subscriber) = newsletter_subscribers::Entity::find()
                .filter(newsletter_subscribers::Column::Email.eq(email))
                .one(txn)
                .await?
        {
            newsletter_deliveries::Entity::delete_many()
                .filter(newsletter_deliveries::Column::SubscriberId.eq(subscriber.id))
                .exec(txn)
                .await?;
            newsletter_subscribers::Entity::delete_by_id(subscriber.id)
                .exec(txn)
                .await?;
        }
        let none = Expr::value(Option::<i64>::None);
        pages::Entity::update_many()
            .col_expr(pages::Column::CreatedBy, none.clone())
            .filter(pages::Column::CreatedBy.eq(user_id))
            .exec(txn)
            .await?;
        pages::Entity::update_many()
            .col_expr(pages::Column::UpdatedBy, none.clone())
            .filter(pages::Column::UpdatedBy.eq(user_id))
            .exec(txn)
            .await?;
        page_versions::Entity::update_many()
            .col_expr(page_versions::Column::AuthorId, none.clone())
            .filter(page_versions::Column::AuthorId.eq(user_id))
            .exec(txn)
            .await?;
        news::Entity::update_many()
            .col_expr(news::Column::AuthorId, none.clone())
            .filter(news::Column::AuthorId.eq(user_id))
            .exec(txn)
            .await?;
        publications::Entity::update_many()
            .col_expr(publications::Column::CreatedBy, none.clone())
            .filter(publications::Column::CreatedBy.eq(user_id))
            .exec(txn)
            .await?;
        publication_files::Entity::update_many()
            .col_expr(publication_files::Column::UploadedBy, none.clone())
            .filter(publication_files::Column::UploadedBy.eq(user_id))
            .exec(txn)
            .await?;
        media::Entity::update_many()
            .col_expr(media::Column::UploadedBy, none.clone())
            .filter(media::Column::UploadedBy.eq(user_id))
            .exec(txn)
            .await?;
        newsletter_issues::Entity::update_many()
            .col_expr(newsletter_issues::Column::CreatedBy, none)
            .filter(newsletter_issues::Column::CreatedBy.eq(user_id))
            .exec(txn)
            .await?;
        Ok(())
    }
}
