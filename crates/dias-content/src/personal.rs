//! The content module's part of the account export and deletion
//! ([`dias_core::accounts::personal_data`]).
//!
//! Exported: the pages, articles (with their byline) and publications the
//! person created or last changed (title and path — the texts are the
//! agency's and public), the page versions they saved (page, number,
//! date), the news links they added, the media and publication files they
//! uploaded, the newsletter issues they composed, and a newsletter
//! subscription under the account's e-mail address.
//!
//! Deleted with the account: the subscription under its address (as an
//! unsubscribe: an issue being sent counts one recipient less). What staff
//! wrote stays the agency's, without the person: the deleted account keeps
//! its row as a pseudonym, so the author links are cleared here, and a
//! byline naming the person (their display name) is cleared too — the
//! article then shows the agency.

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
    media, news, news_links, newsletter_issues, newsletter_subscribers, page_versions, pages,
    publication_files, publications,
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
            .map(|n| {
                json!({
                    "title": n.title,
                    "slug": n.slug,
                    "byline": n.byline,
                    "created_at": ts(n.created_at),
                })
            })
            .collect::<Vec<_>>();
        // Page versions they saved: which page, which version, when.
        let versions: Vec<(i64, i32, i64)> = page_versions::Entity::find()
            .select_only()
            .columns([
                page_versions::Column::PageId,
                page_versions::Column::Number,
                page_versions::Column::CreatedAt,
            ])
            .filter(page_versions::Column::AuthorId.eq(user_id))
            .order_by_asc(page_versions::Column::PageId)
            .order_by_asc(page_versions::Column::Number)
            .into_tuple()
            .all(db)
            .await?;
        let page_paths: std::collections::HashMap<i64, (String, String)> = pages::Entity::find()
            .filter(
                pages::Column::Id.is_in(versions.iter().map(|(id, _, _)| *id).collect::<Vec<_>>()),
            )
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, (p.title_de, p.path)))
            .collect();
        let page_versions = versions
            .into_iter()
            .map(|(page, number, at)| {
                let (title, path) = page_paths.get(&page).cloned().unwrap_or_default();
                json!({ "page": title, "path": path, "version": number, "saved_at": ts(at) })
            })
            .collect::<Vec<_>>();
        let news_links = news_links::Entity::find()
            .filter(news_links::Column::AddedBy.eq(user_id))
            .order_by_asc(news_links::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|l| {
                json!({
                    "news_id": l.news_id,
                    "path": l.path,
                    "label": l.label,
                    "added_at": ts(l.created_at),
                })
            })
            .collect::<Vec<_>>();
        // Never the file bytes.
        let files: Vec<(i64, String, i64)> = publication_files::Entity::find()
            .select_only()
            .columns([
                publication_files::Column::PublicationId,
                publication_files::Column::Filename,
                publication_files::Column::CreatedAt,
            ])
            .filter(publication_files::Column::UploadedBy.eq(user_id))
            .order_by_asc(publication_files::Column::Id)
            .into_tuple()
            .all(db)
            .await?;
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
            "page_versions": page_versions,
            "news_links": news_links,
            "publications": publications,
            "publication_files": files.into_iter().map(|(publication, name, at)| json!({ "publication_id": publication, "filename": name, "uploaded_at": ts(at) })).collect::<Vec<_>>(),
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
            crate::newsletter::unsubscribe_in(txn, subscriber.id).await?;
        }
        // Bylines naming the person go (the article then shows the agency).
        if let Some(user) = dias_core::entities::user::Entity::find_by_id(user_id)
            .one(txn)
            .await?
        {
            let named: Vec<i64> = news::Entity::find()
                .select_only()
                .column(news::Column::Id)
                .filter(news::Column::AuthorId.eq(user_id))
                .filter(news::Column::Byline.eq(user.display_name.trim()))
                .into_tuple()
                .all(txn)
                .await?;
            if !named.is_empty() {
                news::Entity::update_many()
                    .col_expr(news::Column::Byline, Expr::value(Option::<String>::None))
                    .filter(news::Column::Id.is_in(named.clone()))
                    .exec(txn)
                    .await?;
                for id in named {
                    dias_core::outbox::search_changed(txn, crate::KIND_NEWS, &id.to_string())
                        .await?;
                }
            }
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
        news_links::Entity::update_many()
            .col_expr(news_links::Column::AddedBy, none.clone())
            .filter(news_links::Column::AddedBy.eq(user_id))
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
