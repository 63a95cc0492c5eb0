//! News (Aktuelles): articles with teaser, Markdown body, an image from the
//! media library, topics, byline and a publication time in Berlin time.
//!
//! An article is live when it is published and its time has come
//! ([`crate::publishing`]); a later time schedules it, and the announce job
//! tells search when it goes live. Its slug is proposed from the title and
//! fixed once the article has been live, so its address and its feed entry
//! stay. Staff link related items of the other modules by their portal
//! path (`content_news_links`, checked by [`dias_web::links::local_path`]).
//!
//! Every change that can alter what the public sees goes through the
//! search outbox in the caller's transaction, which also holds the audit
//! entry. Concurrent edits are caught by `revision` ([`SaveError::Stale`]).

use dias_core::slug;
use dias_core::validation::FieldErrors;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::entities::{news, news_links};
use crate::publishing;
use crate::vocab::{Status, Topic, topics_from_csv, topics_to_csv};

pub use crate::entities::news::Model as Article;
pub use crate::entities::news_links::Model as Link;

pub const MAX_TITLE: usize = 200;
pub const MAX_TEASER: usize = 500;
pub const MAX_BODY: usize = 100_000;
pub const MAX_BYLINE: usize = 200;
pub const MAX_SLUG: usize = 160;
pub const MAX_LABEL: usize = 200;
/// Articles per page of the public list.
pub const PER_PAGE: u64 = 10;
/// Entries of the Atom feed.
pub const FEED_ENTRIES: u64 = 30;

pub use crate::publishing::time_input_value;

// -------------------------------------------------------------------- slugs

/// The length of a slug proposed from a title (typed slugs may have up to
/// [`MAX_SLUG`]); `artikel` when a title leaves nothing.
const PROPOSED_SLUG: usize = 80;

// --------------------------------------------------------------- the form

/// The article form as submitted (strings, so it can be shown again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewsInput {
    pub title: String,
    pub slug: String,
    pub teaser: String,
    pub body: String,
    pub image_id: String,
    pub topics: Vec<String>,
    pub byline: String,
    pub status: String,
    pub publish_date: String,
    pub publish_time: String,
    pub revision: String,
}

impl NewsInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        NewsInput {
            title: get("title"),
            slug: get("slug"),
            teaser: get("teaser"),
            body: get("body"),
            image_id: get("image_id"),
            topics: pairs
                .iter()
                .filter(|(k, _)| k == "topics")
                .map(|(_, v)| v.clone())
                .collect(),
            byline: get("byline"),
            status: get("status"),
            publish_date: get("publish_date"),
            publish_time: get("publish_time"),
            revision: get("revision"),
        }
    }

    /// A new article's form: a draft by `byline`.
    pub fn blank(byline: &str) -> Self {
        NewsInput {
            byline: byline.to_owned(),
            status: Status::Draft.key().to_owned(),
            ..NewsInput::default()
        }
    }

    pub fn from_article(a: &Article) -> Self {
        NewsInput {
            title: a.title.clone(),
            slug: a.slug.clone(),
            teaser: a.teaser.clone(),
            body: a.body.clone(),
            image_id: a.image_id.map(|i| i.to_string()).unwrap_or_default(),
            topics: topics_from_csv(&a.topics)
                .into_iter()
                .map(|t| t.key().to_owned())
                .collect(),
            byline: a.byline.clone().unwrap_or_default(),
            status: a.status.clone(),
            publish_date: a
                .publish_at
                .map(dias_core::time::date_input_value)
                .unwrap_or_default(),
            publish_time: a.publish_at.map(time_input_value).unwrap_or_default(),
            revision: a.revision.to_string(),
        }
    }

    pub fn has_topic(&self, key: &str) -> bool {
        self.topics.iter().any(|t| t == key)
    }
}

/// A checked article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNews {
    pub title: String,
    /// As typed; empty means "propose one from the title".
    pub slug: String,
    pub teaser: String,
    pub body: String,
    pub image_id: Option<i64>,
    pub topics: Vec<Topic>,
    pub byline: Option<String>,
    pub status: Status,
    pub publish_at: Option<i64>,
}

fn text(errors: &mut FieldErrors, field: &str, value: &str, max: usize, required: bool) -> String {
    let value = value.trim();
    if required && value.is_empty() {
        errors.add(field, &format!("content-news-error-{field}"));
    } else if value.chars().count() > max {
        errors.add(field, &format!("content-news-error-{field}-long"));
    }
    value.to_owned()
}

/// Checks the form (what needs no database). Published without a date
/// means now; a date without a time means midnight in Berlin.
pub fn validate(input: &NewsInput, now: i64) -> Result<ValidNews, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = text(&mut errors, "title", &input.title, MAX_TITLE, true);
    let slug = input.slug.trim().to_owned();
    if !slug.is_empty() && !slug::is_valid(&slug, MAX_SLUG) {
        errors.add("slug", "content-news-error-slug");
    }
    let teaser = text(&mut errors, "teaser", &input.teaser, MAX_TEASER, true);
    let body = text(&mut errors, "body", &input.body, MAX_BODY, true);
    let byline = text(&mut errors, "byline", &input.byline, MAX_BYLINE, false);
    let image_id = match input.image_id.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("image_id", "content-news-error-image_id");
                None
            }
        },
    };
    let mut topics = Vec::new();
    for key in &input.topics {
        match Topic::parse(key.trim()) {
            Some(t) => topics.push(t),
            None => errors.add("topics", "content-news-error-topics"),
        }
    }
    let topics = topics_from_csv(&topics_to_csv(&topics));
    let status = Status::parse(input.status.trim());
    if status.is_none() {
        errors.add("status", "content-news-error-status");
    }
    let publish_at = publishing::publish_at_from_form(&input.publish_date, &input.publish_time)
        .unwrap_or_else(|e| {
            let field = e.field();
            errors.add(field, &format!("content-news-error-{field}"));
            None
        });
    errors.into_result()?;
    let status = status.unwrap_or(Status::Draft);
    let publish_at = match (status, publish_at) {
        (Status::Published, None) => Some(now),
        (_, at) => at,
    };
    Ok(ValidNews {
        title,
        slug,
        teaser,
        body,
        image_id,
        topics,
        byline: (!byline.is_empty()).then_some(byline),
        status,
        publish_at,
    })
}

/// A related item as typed: a portal path and its label.
pub fn validate_link(path: &str, label: &str) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let path = match path.trim() {
        "" => {
            errors.add("link_path", "content-news-error-link_path");
            String::new()
        }
        raw => dias_web::links::local_path(raw).unwrap_or_else(|| {
            errors.add("link_path", "content-news-error-link_path-local");
            String::new()
        }),
    };
    let label = label.trim();
    if label.is_empty() {
        errors.add("link_label", "content-news-error-link_label");
    } else if label.chars().count() > MAX_LABEL {
        errors.add("link_label", "content-news-error-link_label-long");
    }
    errors.into_result().map(|()| (path, label.to_owned()))
}

// ---------------------------------------------------------------- statuses

/// What staff see of an article's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Draft,
    Scheduled(i64),
    Live,
}

impl State {
    pub fn of(article: &Article, now: i64) -> State {
        State::at(&article.status, article.publish_at, now)
    }

    pub fn at(status: &str, publish_at: Option<i64>, now: i64) -> State {
        if publishing::is_live(status, publish_at, now) {
            State::Live
        } else if publishing::is_scheduled(status, publish_at, now) {
            State::Scheduled(publish_at.unwrap_or_default())
        } else {
            State::Draft
        }
    }

    /// The filter key of the staff list.
    pub fn key(self) -> &'static str {
        match self {
            State::Draft => "entwurf",
            State::Scheduled(_) => "geplant",
            State::Live => "veroeffentlicht",
        }
    }
}

/// German topic names for the search index (it folds and stems German).
pub fn topic_name_de(topic: Topic) -> &'static str {
    match topic {
        Topic::Breitband => "Breitband",
        Topic::Foerderung => "Förderung",
        Topic::Ki => "Künstliche Intelligenz",
        Topic::Digitalstrategie => "Digitalstrategie",
        Topic::Verwaltung => "Digitale Verwaltung",
        Topic::Agentur => "Digitalagentur",
    }
}

// ------------------------------------------------------------------- store

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    NotFound,
    /// Someone saved the article after the form was loaded.
    Stale,
    /// Field errors found against the database (image, slug).
    Invalid(FieldErrors),
    Db(DbErr),
}

impl SaveError {
    /// The error of a write that sets the slug: a unique-slug violation
    /// (two saves claiming one slug at the same moment, after both found
    /// it free) is the same field error as a slug found taken beforehand.
    pub fn from_slug_write(e: DbErr) -> Self {
        match e.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
                SaveError::Invalid(FieldErrors::single("slug", "content-news-error-slug-taken"))
            }
            _ => SaveError::Db(e),
        }
    }
}

impl From<DbErr> for SaveError {
    fn from(e: DbErr) -> Self {
        SaveError::Db(e)
    }
}

async fn taken_slugs<C: ConnectionTrait>(
    db: &C,
    base: &str,
    except: Option<i64>,
) -> Result<Vec<String>, DbErr> {
    let mut query = news::Entity::find().filter(news::Column::Slug.starts_with(base));
    if let Some(id) = except {
        query = query.filter(news::Column::Id.ne(id));
    }
    Ok(query.all(db).await?.into_iter().map(|n| n.slug).collect())
}

/// Checks what needs the database: the image is an image of the library,
/// a typed slug is free. Returns the slug to store.
async fn check_against_db<C: ConnectionTrait>(
    db: &C,
    valid: &ValidNews,
    current: Option<&Article>,
    now: i64,
) -> Result<String, SaveError> {
    let mut errors = FieldErrors::new();
    if let Some(image) = valid.image_id {
        let ok = crate::media::item(db, image)
            .await?
            .is_some_and(|m| m.is_image());
        if !ok {
            errors.add("image_id", "content-news-error-image_id");
        }
    }
    let fixed = current.filter(|c| slug_is_fixed(c, now));
    let slug = if let Some(current) = fixed {
        current.slug.clone()
    } else if valid.slug.is_empty() {
        let base = slug::slugify(&valid.title, PROPOSED_SLUG, "artikel");
        slug::unique(&base, &taken_slugs(db, &base, current.map(|c| c.id)).await?)
    } else {
        let taken = taken_slugs(db, &valid.slug, current.map(|c| c.id)).await?;
        if taken.iter().any(|t| t == &valid.slug) {
            errors.add("slug", "content-news-error-slug-taken");
        }
        valid.slug.clone()
    };
    errors.into_result().map_err(SaveError::Invalid)?;
    Ok(slug)
}

/// Whether the slug can no longer change: the article has ever been live
/// (`first_published_at`, or live now), even if it is a draft again.
pub fn slug_is_fixed(article: &Article, now: i64) -> bool {
    publishing::has_been_live(
        article.first_published_at,
        &article.status,
        article.publish_at,
        now,
    )
}

async fn search_changed<C: ConnectionTrait>(db: &C, id: i64) -> Result<(), DbErr> {
    dias_core::outbox::search_changed(db, crate::KIND_NEWS, &id.to_string()).await
}

/// Stores a new article. Run in the caller's write transaction.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    author_id: i64,
    valid: &ValidNews,
    now: i64,
) -> Result<Article, SaveError> {
    let slug = check_against_db(db, valid, None, now).await?;
    let status = valid.status.key();
    let article = news::ActiveModel {
        slug: Set(slug),
        title: Set(valid.title.clone()),
        teaser: Set(valid.teaser.clone()),
        body: Set(valid.body.clone()),
        lang: Set("de".to_owned()),
        image_id: Set(valid.image_id),
        topics: Set(topics_to_csv(&valid.topics)),
        author_id: Set(Some(author_id)),
        byline: Set(valid.byline.clone()),
        status: Set(status.to_owned()),
        publish_at: Set(valid.publish_at),
        first_published_at: Set(publishing::first_published(
            None,
            status,
            valid.publish_at,
            now,
        )),
        announced: Set(publishing::announced_on_save(status, valid.publish_at, now)),
        revision: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(SaveError::from_slug_write)?;
    search_changed(db, article.id).await?;
    Ok(article)
}

/// Saves an edited article if nobody saved it since `revision`.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    revision: i32,
    valid: &ValidNews,
    now: i64,
) -> Result<Article, SaveError> {
    let current = by_id(db, id).await?.ok_or(SaveError::NotFound)?;
    if current.revision != revision {
        return Err(SaveError::Stale);
    }
    let slug = check_against_db(db, valid, Some(&current), now).await?;
    let status = valid.status.key();
    let first_published_at = publishing::first_published(
        publishing::first_published(
            current.first_published_at,
            &current.status,
            current.publish_at,
            now,
        ),
        status,
        valid.publish_at,
        now,
    );
    let result = news::Entity::update_many()
        .col_expr(news::Column::Slug, Expr::value(slug))
        .col_expr(news::Column::Title, Expr::value(valid.title.clone()))
        .col_expr(news::Column::Teaser, Expr::value(valid.teaser.clone()))
        .col_expr(news::Column::Body, Expr::value(valid.body.clone()))
        .col_expr(news::Column::ImageId, Expr::value(valid.image_id))
        .col_expr(
            news::Column::Topics,
            Expr::value(topics_to_csv(&valid.topics)),
        )
        .col_expr(news::Column::Byline, Expr::value(valid.byline.clone()))
        .col_expr(news::Column::Status, Expr::value(status))
        .col_expr(news::Column::PublishAt, Expr::value(valid.publish_at))
        .col_expr(
            news::Column::FirstPublishedAt,
            Expr::value(first_published_at),
        )
        .col_expr(
            news::Column::Announced,
            Expr::value(publishing::announced_on_save(status, valid.publish_at, now)),
        )
        .col_expr(
            news::Column::Revision,
            Expr::col(news::Column::Revision).add(1),
        )
        .col_expr(news::Column::UpdatedAt, Expr::value(now))
        .filter(news::Column::Id.eq(id))
        .filter(news::Column::Revision.eq(revision))
        .exec(db)
        .await
        .map_err(SaveError::from_slug_write)?;
    if result.rows_affected != 1 {
        return Err(SaveError::Stale);
    }
    search_changed(db, id).await?;
    by_id(db, id).await?.ok_or(SaveError::NotFound)
}

/// Deletes an article with its links; `false` when there is none.
pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    news_links::Entity::delete_many()
        .filter(news_links::Column::NewsId.eq(id))
        .exec(db)
        .await?;
    let gone = news::Entity::delete_by_id(id).exec(db).await?.rows_affected > 0;
    if gone {
        search_changed(db, id).await?;
    }
    Ok(gone)
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Article>, DbErr> {
    news::Entity::find_by_id(id).one(db).await
}

/// Related items of an article in their order.
pub async fn links<C: ConnectionTrait>(db: &C, news_id: i64) -> Result<Vec<Link>, DbErr> {
    news_links::Entity::find()
        .filter(news_links::Column::NewsId.eq(news_id))
        .order_by_asc(news_links::Column::Position)
        .order_by_asc(news_links::Column::Id)
        .all(db)
        .await
}

/// Adds a related item at the end.
pub async fn add_link<C: ConnectionTrait>(
    db: &C,
    news_id: i64,
    path: &str,
    label: &str,
    added_by: i64,
    now: i64,
) -> Result<Link, DbErr> {
    let position = links(db, news_id)
        .await?
        .iter()
        .map(|l| l.position + 1)
        .max()
        .unwrap_or(0);
    news_links::ActiveModel {
        news_id: Set(news_id),
        path: Set(path.to_owned()),
        label: Set(label.to_owned()),
        position: Set(position),
        added_by: Set(Some(added_by)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Removes a related item of this article; `false` when there is none.
pub async fn remove_link<C: ConnectionTrait>(
    db: &C,
    news_id: i64,
    link_id: i64,
) -> Result<bool, DbErr> {
    Ok(news_links::Entity::delete_many()
        .filter(news_links::Column::Id.eq(link_id))
        .filter(news_links::Column::NewsId.eq(news_id))
        .exec(db)
        .await?
        .rows_affected
        > 0)
}

fn with_topic(
    query: sea_orm::Select<news::Entity>,
    topic: Option<Topic>,
) -> sea_orm::Select<news::Entity> {
    match topic {
        None => query,
        Some(t) => {
            let key = t.key();
            query.filter(
                Condition::any()
                    .add(news::Column::Topics.eq(key))
                    .add(news::Column::Topics.like(format!("{key},%")))
                    .add(news::Column::Topics.like(format!("%,{key}")))
                    .add(news::Column::Topics.like(format!("%,{key},%"))),
            )
        }
    }
}

fn live(now: i64, topic: Option<Topic>) -> sea_orm::Select<news::Entity> {
    with_topic(
        news::Entity::find().filter(publishing::live(
            news::Column::Status,
            news::Column::PublishAt,
            now,
        )),
        topic,
    )
    .order_by_desc(news::Column::PublishAt)
    .order_by_desc(news::Column::Id)
}

/// One page (from 1) of live articles, newest first, and their total.
pub async fn live_page<C: ConnectionTrait>(
    db: &C,
    topic: Option<Topic>,
    page: u64,
    now: i64,
) -> Result<(Vec<Article>, u64), DbErr> {
    let total = PaginatorTrait::count(live(now, topic), db).await?;
    let items = live(now, topic)
        .offset(page.saturating_sub(1) * PER_PAGE)
        .limit(PER_PAGE)
        .all(db)
        .await?;
    Ok((items, total))
}

/// The newest live articles (the feed).
pub async fn latest<C: ConnectionTrait>(
    db: &C,
    topic: Option<Topic>,
    limit: u64,
    now: i64,
) -> Result<Vec<Article>, DbErr> {
    live(now, topic).limit(limit).all(db).await
}

/// Every live article (search rebuild).
pub async fn all_live<C: ConnectionTrait>(db: &C, now: i64) -> Result<Vec<Article>, DbErr> {
    live(now, None).all(db).await
}

/// A live article by its slug.
pub async fn live_by_slug<C: ConnectionTrait>(
    db: &C,
    slug: &str,
    now: i64,
) -> Result<Option<Article>, DbErr> {
    news::Entity::find()
        .filter(news::Column::Slug.eq(slug))
        .filter(publishing::live(
            news::Column::Status,
            news::Column::PublishAt,
            now,
        ))
        .one(db)
        .await
}

/// An article by its slug, live or not (the Redaktion's preview).
pub async fn by_slug<C: ConnectionTrait>(db: &C, slug: &str) -> Result<Option<Article>, DbErr> {
    news::Entity::find()
        .filter(news::Column::Slug.eq(slug))
        .one(db)
        .await
}

/// Articles per page of the Redaktion's list.
pub const STAFF_PER_PAGE: u64 = 50;

/// An article in the Redaktion's list (without its text).
#[derive(Debug, Clone, PartialEq, Eq, sea_orm::FromQueryResult)]
pub struct StaffRow {
    pub id: i64,
    pub slug: String,
    pub title: String,
    pub status: String,
    pub publish_at: Option<i64>,
    pub updated_at: i64,
}

impl StaffRow {
    pub fn state(&self, now: i64) -> State {
        State::at(&self.status, self.publish_at, now)
    }
}

/// One page (from 1) of the Redaktion's list, most recently changed
/// first, optionally only drafts (`entwurf`), scheduled (`geplant`) or live
/// (`veroeffentlicht`) articles; with the total.
pub async fn staff_page<C: ConnectionTrait>(
    db: &C,
    filter: Option<&str>,
    page: u64,
    now: i64,
) -> Result<(Vec<StaffRow>, u64), DbErr> {
    let published = news::Column::Status.eq(Status::Published.key());
    let condition = match filter {
        Some("entwurf") => Condition::any()
            .add(news::Column::Status.ne(Status::Published.key()))
            .add(news::Column::PublishAt.is_null()),
        Some("geplant") => Condition::all()
            .add(published)
            .add(news::Column::PublishAt.gt(now)),
        Some("veroeffentlicht") => {
            publishing::live(news::Column::Status, news::Column::PublishAt, now)
        }
        _ => Condition::all(),
    };
    let query = || news::Entity::find().filter(condition.clone());
    let total = PaginatorTrait::count(query(), db).await?;
    let rows = query()
        .select_only()
        .columns([
            news::Column::Id,
            news::Column::Slug,
            news::Column::Title,
            news::Column::Status,
            news::Column::PublishAt,
            news::Column::UpdatedAt,
        ])
        .order_by_desc(news::Column::UpdatedAt)
        .order_by_desc(news::Column::Id)
        .offset(page.saturating_sub(1) * STAFF_PER_PAGE)
        .limit(STAFF_PER_PAGE)
        .into_model::<StaffRow>()
        .all(db)
        .await?;
    Ok((rows, total))
}

// ------------------------------------------------------------------ search

/// Search documents of live articles; a draft, scheduled or deleted
/// article has none, so the indexer removes it when the outbox names it.
pub struct NewsSource;

pub fn search_doc(a: &Article) -> dias_search::SearchDoc {
    let topics: Vec<&str> = topics_from_csv(&a.topics)
        .into_iter()
        .map(topic_name_de)
        .collect();
    dias_search::SearchDoc {
        kind: crate::KIND_NEWS.into(),
        id: a.id.to_string(),
        title: a.title.clone(),
        body: [
            a.teaser.clone(),
            dias_core::markdown::to_plain_text(&a.body),
            topics.join(", "),
        ]
        .join(" · "),
        url: format!("/aktuelles/{}", a.slug),
        date: a.publish_at,
    }
}

#[async_trait::async_trait]
impl dias_search::SearchSource for NewsSource {
    fn kind(&self) -> &'static str {
        crate::KIND_NEWS
    }
    fn label_key(&self) -> &'static str {
        "content-news-search-kind"
    }
    async fn all(
        &self,
        db: &sea_orm::DatabaseConnection,
    ) -> Result<Vec<dias_search::SearchDoc>, DbErr> {
        Ok(all_live(db, dias_core::time::now())
            .await?
            .iter()
            .map(search_doc)
            .collect())
    }
    async fn one(
        &self,
        db: &sea_orm::DatabaseConnection,
        id: &str,
    ) -> Result<Option<dias_search::SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let now = dias_core::time::now();
        Ok(by_id(db, id)
            .await?
            .filter(|a| publishing::is_live(&a.status, a.publish_at, now))
            .as_ref()
            .map(search_doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> NewsInput {
        NewsInput {
            title: "Glasfaser für Döbeln".into(),
            teaser: "Der Ausbau beginnt.".into(),
            body: "Text".into(),
            status: "published".into(),
            ..NewsInput::default()
        }
    }

    #[test]
    fn published_without_a_date_means_now_and_times_are_berlin() {
        let valid = validate(&input(), 1_000).unwrap();
        assert_eq!(valid.publish_at, Some(1_000));
        assert_eq!(valid.status, Status::Published);
        let mut later = input();
        later.publish_date = "2026-07-01".into();
        later.publish_time = "14:00".into();
        // 14:00 in Berlin (CEST) is 12:00 UTC.
        assert_eq!(validate(&later, 0).unwrap().publish_at, Some(1_782_907_200));
        assert_eq!(time_input_value(1_782_907_200), "14:00");
        let mut draft = input();
        draft.status = "draft".into();
        assert_eq!(validate(&draft, 5).unwrap().publish_at, None);
    }

    #[test]
    fn the_form_names_each_wrong_field() {
        let bad = NewsInput {
            title: " ".into(),
            slug: "Nicht gültig".into(),
            topics: vec!["ki".into(), "mond".into()],
            status: "weg".into(),
            publish_date: "2026-02-30".into(),
            image_id: "x".into(),
            ..NewsInput::default()
        };
        let errors = validate(&bad, 0).unwrap_err();
        for field in [
            "title",
            "slug",
            "teaser",
            "body",
            "topics",
            "status",
            "publish_date",
            "image_id",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        let mut no_time = input();
        no_time.publish_date = "2026-07-01".into();
        no_time.publish_time = "25:00".into();
        assert_eq!(
            validate(&no_time, 0).unwrap_err().get("publish_time"),
            Some("content-news-error-publish_time")
        );
    }

    #[test]
    fn slugs_are_readable_and_unique() {
        assert_eq!(
            slug::slugify("Glasfaser für Döbeln!", PROPOSED_SLUG, "artikel"),
            "glasfaser-fuer-doebeln"
        );
        let mut bad = input();
        bad.slug = "ki--studie".into();
        assert_eq!(
            validate(&bad, 0).unwrap_err().get("slug"),
            Some("content-news-error-slug")
        );
    }

    #[test]
    fn related_items_are_portal_paths() {
        assert_eq!(
            validate_link(" /beteiligung/verfahren/radwege ", "Beteiligung Radwege").unwrap(),
            (
                "/beteiligung/verfahren/radwege".to_owned(),
                "Beteiligung Radwege".to_owned()
            )
        );
        let errors = validate_link("https://example.org", "").unwrap_err();
        assert_eq!(
            errors.get("link_path"),
            Some("content-news-error-link_path-local")
        );
        assert_eq!(
            errors.get("link_label"),
            Some("content-news-error-link_label")
        );
    }
}
