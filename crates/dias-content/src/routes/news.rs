//! Aktuelles for visitors: the list of live articles with a topic filter
//! and pages (`/aktuelles?thema=…&seite=…`), the article page
//! (`/aktuelles/{slug}`) and the Atom feed (`/aktuelles/feed.atom`,
//! optionally `?thema=`). Drafts and scheduled articles are not found;
//! the Redaktion sees them on the article page as a preview.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::media::{self, MediaItem};
use crate::news::{self, Article, Link, State as ArticleState};
use crate::policy::ContentAction;
use crate::vocab::{Topic, topics_from_csv};
use dias_web::atom::{self, Entry, Feed};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/aktuelles", get(list))
        .route("/aktuelles/feed.atom", get(feed))
        .route("/aktuelles/{slug}", get(article))
}

/// A topic link of the filter.
pub(crate) struct TopicLink {
    pub label: String,
    pub href: String,
    pub current: bool,
}

/// An article as a list item.
pub(crate) struct Card {
    pub slug: String,
    pub title: String,
    pub teaser: String,
    pub publish_at: i64,
    pub topics: Vec<(String, String)>,
    pub image: Option<MediaItem>,
}

impl Card {
    fn datetime(&self) -> String {
        dias_core::time::format_rfc3339(self.publish_at)
    }
}

/// `(topic key, label)` of an article's topics.
fn topic_labels(ctx: &Ctx, stored: &str) -> Vec<(String, String)> {
    topics_from_csv(stored)
        .into_iter()
        .map(|t| (t.key().to_owned(), ctx.t(t.label_key())))
        .collect()
}

async fn images(state: &AppState, articles: &[Article]) -> AppResult<HashMap<i64, MediaItem>> {
    Ok(
        media::items(&state.db, articles.iter().filter_map(|a| a.image_id))
            .await?
            .into_iter()
            .filter(MediaItem::is_image)
            .map(|m| (m.id, m))
            .collect(),
    )
}

/// `thema` and `seite` of the query: an unknown topic names no page, a
/// page number that is not one is a bad request.
fn params(raw: Option<&str>) -> AppResult<(Option<Topic>, u64)> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).map_err(|_| AppError::NotFound)?;
    let mut topic = None;
    let mut page = 1;
    for (k, v) in pairs {
        match k.as_str() {
            "thema" if !v.is_empty() => {
                topic = Some(Topic::parse(&v).ok_or(AppError::NotFound)?);
            }
            "seite" if !v.is_empty() => {
                page = v
                    .parse::<u64>()
                    .ok()
                    .filter(|p| (1..=MAX_PAGE).contains(p))
                    .ok_or_else(|| AppError::BadRequest("seite".into()))?;
            }
            _ => {}
        }
    }
    Ok((topic, page))
}

fn topic_query(topic: Option<Topic>) -> String {
    topic
        .map(|t| format!("?thema={}", t.key()))
        .unwrap_or_default()
}

#[derive(Template)]
#[template(path = "content/news/list.html")]
struct ListPage {
    ctx: Ctx,
    cards: Vec<Card>,
    total: u64,
    topics: Vec<TopicLink>,
    all_href: String,
    topic: Option<String>,
    pagination: Pagination,
    feed_url: String,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (topic, number) = params(raw.as_deref())?;
    let now = dias_core::time::now();
    let (articles, total) = news::live_page(&state.db, topic, number, now).await?;
    if articles.is_empty() && number > 1 {
        return Err(AppError::NotFound);
    }
    let images = images(&state, &articles).await?;
    let cards = articles
        .into_iter()
        .map(|a| Card {
            topics: topic_labels(&ctx, &a.topics),
            image: a.image_id.and_then(|id| images.get(&id).cloned()),
            slug: a.slug,
            title: a.title,
            teaser: a.teaser,
            publish_at: a.publish_at.unwrap_or(a.created_at),
        })
        .collect();
    let query = topic_query(topic);
    page(&ListPage {
        topics: Topic::ALL
            .iter()
            .map(|t| TopicLink {
                label: ctx.t(t.label_key()),
                href: format!("/aktuelles?thema={}", t.key()),
                current: topic == Some(*t),
            })
            .collect(),
        all_href: "/aktuelles".into(),
        topic: topic.map(|t| ctx.t(t.label_key())),
        pagination: Pagination::new(number, total, news::PER_PAGE, format!("/aktuelles{query}")),
        feed_url: format!("/aktuelles/feed.atom{query}"),
        cards,
        total,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "content/news/article.html")]
struct ArticlePage {
    ctx: Ctx,
    article: Article,
    body_html: String,
    topics: Vec<(String, String)>,
    image: Option<MediaItem>,
    links: Vec<Link>,
    /// Shown to the Redaktion before the article is live.
    preview: Option<ArticleState>,
}

impl ArticlePage {
    fn datetime(&self) -> String {
        self.article
            .publish_at
            .map(dias_core::time::format_rfc3339)
            .unwrap_or_default()
    }
}

async fn article(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let now = dias_core::time::now();
    let article = match news::live_by_slug(&state.db, &slug, now).await? {
        Some(a) => a,
        // Staff preview drafts and scheduled articles at their address.
        None if ctx.can(&ContentAction::Edit) => news::by_slug(&state.db, &slug)
            .await?
            .ok_or(AppError::NotFound)?,
        None => return Err(AppError::NotFound),
    };
    let state_now = ArticleState::of(&article, now);
    let image = match article.image_id {
        Some(id) => media::item(&state.db, id)
            .await?
            .filter(MediaItem::is_image),
        None => None,
    };
    let links = news::links(&state.db, article.id).await?;
    let mut response = page(&ArticlePage {
        body_html: dias_core::markdown::render_below(&article.body, 1),
        topics: topic_labels(&ctx, &article.topics),
        preview: (state_now != ArticleState::Live).then_some(state_now),
        image,
        links,
        article,
        ctx,
    })?;
    if state_now != ArticleState::Live {
        response.headers_mut().insert(
            header::CACHE_CONTROL,
            axum::http::HeaderValue::from_static("private, no-store"),
        );
    }
    Ok(response)
}

async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (topic, _) = params(raw.as_deref())?;
    let now = dias_core::time::now();
    let articles = news::latest(&state.db, topic, news::FEED_ENTRIES, now).await?;
    let base = state.config.public_url.as_str();
    let agency = ctx.t("content-news-feed-author");
    let query = topic_query(topic);
    let entries = articles
        .iter()
        .map(|a| {
            let published = a.publish_at.unwrap_or(a.created_at);
            let link = atom::absolute(base, &format!("/aktuelles/{}", a.slug));
            let year = dias_core::time::format_rfc3339(a.created_at)
                .get(..4)
                .unwrap_or("2026")
                .to_owned();
            Entry {
                id: atom::tag_uri(base, &year, &format!("aktuelles:{}", a.id)),
                title: a.title.clone(),
                updated: a.updated_at.max(published),
                published,
                link,
                summary: a.teaser.clone(),
                author: a.byline.clone().unwrap_or_else(|| agency.clone()),
                categories: topics_from_csv(&a.topics)
                    .into_iter()
                    .map(|t| (t.key().to_owned(), ctx.t(t.label_key())))
                    .collect(),
            }
        })
        .collect();
    let title = match topic {
        Some(t) => format!(
            "{} – {}",
            ctx.t("content-news-feed-title"),
            ctx.t(t.label_key())
        ),
        None => ctx.t("content-news-feed-title"),
    };
    let xml = atom::render(
        &Feed {
            id: atom::absolute(base, &format!("/aktuelles/feed.atom{query}")),
            title,
            subtitle: ctx.t("content-news-lead"),
            self_link: atom::absolute(base, &format!("/aktuelles/feed.atom{query}")),
            html_link: atom::absolute(base, &format!("/aktuelles{query}")),
            author: agency,
            // The articles are written in German.
            lang: "de".to_owned(),
            entries,
        },
        0,
    );
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        xml,
    )
        .into_response())
}
