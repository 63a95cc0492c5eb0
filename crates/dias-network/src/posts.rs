//! Posts (Beiträge): news and knowledge articles of the KI-Netzwerk.
//!
//! Staff publish in the name of DiAS (or of an actor) directly.
//! Representatives write in the name of their actor; their posts wait in a
//! queue until staff approve them or reject them with a reason, and the
//! author is notified either way. Until then a post is visible only to its
//! author, the actor's representatives and staff.

use std::collections::HashMap;

use dias_core::notifications::{self, NewNotification};
use dias_core::policy::{Policy, Principal};
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult, outbox};
use dias_search::{SearchDoc, SearchSource};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select, Set,
};

use crate::domain;
use crate::entities::post;
use crate::events::{find_topic, list_contains};

pub const KIND_POST: &str = "network-post";
pub const PENDING: &str = "pending";
pub const PUBLISHED: &str = "published";
pub const REJECTED: &str = "rejected";

pub const TITLE_MAX: usize = 200;
pub const TEASER_MAX: usize = 500;
pub const BODY_MAX: usize = 50_000;

/// Who may do what with posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostAction {
    /// Write a post: representatives of a verified actor, staff.
    Write { representative: bool },
    /// Approve or reject waiting posts (Redaktion).
    Review,
    /// Read a post that is not published: its author or the actor's
    /// representatives, staff.
    SeeUnpublished { involved: bool },
    /// Edit a post: the same people.
    Edit { involved: bool },
}

impl Policy for PostAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            PostAction::Write { representative: r }
            | PostAction::SeeUnpublished { involved: r }
            | PostAction::Edit { involved: r } => *r || who.role.is_staff_or_above(),
            PostAction::Review => who.role.is_staff_or_above(),
        }
    }
}

/// The post form as submitted.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PostInput {
    pub title: String,
    pub teaser: String,
    pub body: String,
    pub topics: Vec<String>,
    /// An actor id, or empty for DiAS.
    pub actor: String,
}

impl PostInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> PostInput {
        let mut input = PostInput::default();
        for (key, value) in pairs {
            let value = value.clone();
            match key.as_str() {
                "title" => input.title = value,
                "teaser" => input.teaser = value,
                "body" => input.body = value,
                "topics" => input.topics.push(value),
                "actor" => input.actor = value,
                _ => {}
            }
        }
        input
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidPost {
    pub actor_id: Option<i64>,
    pub title: String,
    pub teaser: String,
    pub body_md: String,
    pub topics: Vec<String>,
}

/// Checks the form; `actors` are those the person represents, `staff` may
/// also write for DiAS (empty actor).
pub fn validate(input: &PostInput, actors: &[i64], staff: bool) -> Result<ValidPost, FieldErrors> {
    let mut errors = FieldErrors::new();
    let actor_id = domain::acting_for(
        &mut errors,
        "actor",
        "network-post-error-actor",
        &input.actor,
        actors,
        staff,
    );
    let title = required_text(&mut errors, "title", &input.title, TITLE_MAX);
    let teaser = required_text(&mut errors, "teaser", &input.teaser, TEASER_MAX);
    let body_md = required_text(&mut errors, "body", &input.body, BODY_MAX);
    let mut topics: Vec<String> = Vec::new();
    for t in &input.topics {
        match find_topic(t.trim()) {
            Some(term) if !topics.iter().any(|s| s == term.slug) => {
                topics.push(term.slug.to_owned());
            }
            Some(_) => {}
            None => errors.add("topics", "network-event-error-topic"),
        }
    }
    errors.into_result()?;
    Ok(ValidPost {
        actor_id,
        title,
        teaser,
        body_md,
        topics,
    })
}

// ------------------------------------------------------------------ queries

fn published(topic: &str) -> Select<post::Entity> {
    let mut q = post::Entity::find().filter(post::Column::Status.eq(PUBLISHED));
    if !topic.is_empty() {
        q = q.filter(list_contains(post::Column::Topics, topic));
    }
    q.order_by_desc(post::Column::PublishedAt)
        .order_by_desc(post::Column::Id)
}

/// The change counter of `network_posts` (`dias_core::versions`): every
/// write in this file bumps it in its transaction.
pub const POSTS_VERSION: &str = "network_posts";

/// Totals of published posts per topic, kept for one value of the change
/// counter: counting 50,000 posts cost more than the rest of the list page.
/// One per router (instance); another instance's write moves the counter.
#[derive(Debug, Default)]
pub struct PublishedCounts(std::sync::Mutex<(i64, HashMap<String, u64>)>);

impl PublishedCounts {
    pub async fn total(&self, db: &DatabaseConnection, topic: &str) -> Result<u64, DbErr> {
        // The counter is read before counting: a change in between is
        // counted already and recounted once the counter is seen to move.
        let version = dias_core::versions::get(db, POSTS_VERSION).await?;
        if let Ok(cached) = self.0.lock()
            && cached.0 == version
            && let Some(n) = cached.1.get(topic)
        {
            return Ok(*n);
        }
        let n = published(topic).count(db).await?;
        if let Ok(mut cached) = self.0.lock() {
            if cached.0 != version {
                *cached = (version, HashMap::new());
            }
            cached.1.insert(topic.to_owned(), n);
        }
        Ok(n)
    }
}

/// One page of published posts, newest first, and how many match.
pub async fn page(
    db: &DatabaseConnection,
    counts: &PublishedCounts,
    topic: &str,
    page: u64,
    per_page: u64,
) -> Result<(Vec<post::Model>, u64), DbErr> {
    let total = counts.total(db, topic).await?;
    let items = published(topic)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((items, total))
}

/// The newest published posts (the Atom feed).
pub async fn latest(
    db: &DatabaseConnection,
    topic: &str,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    published(topic).limit(limit).all(db).await
}

/// An actor's newest published posts (its profile page).
pub async fn latest_of_actor<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
    limit: u64,
) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::ActorId.eq(actor_id))
        .filter(post::Column::Status.eq(PUBLISHED))
        .order_by_desc(post::Column::PublishedAt)
        .limit(limit)
        .all(db)
        .await
}

/// Posts waiting for review, oldest first.
pub async fn queue(db: &DatabaseConnection) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::Status.eq(PENDING))
        .order_by_asc(post::Column::CreatedAt)
        .order_by_asc(post::Column::Id)
        .all(db)
        .await
}

/// Someone's own posts that are not published (waiting or rejected).
pub async fn unpublished_of(
    db: &DatabaseConnection,
    user_id: i64,
) -> Result<Vec<post::Model>, DbErr> {
    post::Entity::find()
        .filter(post::Column::AuthorId.eq(user_id))
        .filter(post::Column::Status.ne(PUBLISHED))
        .order_by_desc(post::Column::CreatedAt)
        .limit(50)
        .all(db)
        .await
}

pub async fn get<C: ConnectionTrait>(db: &C, id: i64) -> CoreResult<post::Model> {
    post::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)
}

/// Actor names by id, one query.
pub async fn actor_names<C: ConnectionTrait>(
    db: &C,
    ids: impl Iterator<Item = Option<i64>>,
) -> Result<HashMap<i64, (String, String)>, DbErr> {
    crate::events::organisers(db, ids).await
}

// ------------------------------------------------------------------ writes

/// Saves a new post: published at once when staff write it, otherwise
/// waiting for review. Returns the id and whether it is published.
pub async fn create(
    db: &DatabaseConnection,
    who: &Principal,
    v: &ValidPost,
) -> CoreResult<(i64, bool)> {
    let now = dias_core::time::now();
    let publish = who.role.is_staff_or_above();
    let txn = dias_core::db::begin_write(db).await?;
    let created = post::ActiveModel {
        actor_id: Set(v.actor_id),
        author_id: Set(Some(who.user_id)),
        title: Set(v.title.clone()),
        teaser: Set(v.teaser.clone()),
        body_md: Set(v.body_md.clone()),
        topics: Set(v.topics.join(",")),
        status: Set(if publish { PUBLISHED } else { PENDING }.to_owned()),
        reject_reason: Set(None),
        reviewed_by: Set(publish.then_some(who.user_id)),
        reviewed_at: Set(publish.then_some(now)),
        published_at: Set(publish.then_some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    dias_core::versions::bump(&txn, POSTS_VERSION).await?;
    if publish {
        outbox::search_changed(&txn, KIND_POST, &created.id.to_string()).await?;
    }
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "network.post.created",
        "network_post",
        Some(&created.id.to_string()),
        serde_json::json!({ "actor_id": v.actor_id, "published": publish }),
    )
    .await?;
    txn.commit().await?;
    Ok((created.id, publish))
}

/// Staff approve or reject a waiting post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Review {
    Approve,
    Reject,
}

/// Decides a waiting post; the author is notified in the same transaction.
/// A post decided already is a conflict (two reviewers at once).
pub async fn review(
    db: &DatabaseConnection,
    who: &Principal,
    id: i64,
    decision: Review,
    reason: &str,
) -> CoreResult<()> {
    let mut errors = FieldErrors::new();
    let reason = match decision {
        Review::Reject => Some(required_text(&mut errors, "reason", reason, 2_000)),
        Review::Approve => None,
    };
    errors.into_result()?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let mut update = post::Entity::update_many()
        .col_expr(post::Column::ReviewedBy, Expr::value(who.user_id))
        .col_expr(post::Column::ReviewedAt, Expr::value(now))
        .col_expr(post::Column::UpdatedAt, Expr::value(now));
    update = match decision {
        Review::Approve => update
            .col_expr(post::Column::Status, Expr::value(PUBLISHED))
            .col_expr(post::Column::PublishedAt, Expr::value(now)),
        Review::Reject => update
            .col_expr(post::Column::Status, Expr::value(REJECTED))
            .col_expr(post::Column::RejectReason, Expr::value(reason.clone())),
    };
    let done = update
        .filter(post::Column::Id.eq(id))
        .filter(post::Column::Status.eq(PENDING))
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        get(&txn, id).await?;
        return Err(CoreError::Conflict("network-post-error-decided".into()));
    }
    dias_core::versions::bump(&txn, POSTS_VERSION).await?;
    let p = get(&txn, id).await?;
    if let Some(author) = p.author_id {
        let (kind, summary) = match decision {
            Review::Approve => ("notif-network-post-approved", p.teaser.clone()),
            Review::Reject => (
                "notif-network-post-rejected",
                reason.clone().unwrap_or_default(),
            ),
        };
        notifications::notify(
            &txn,
            &[author],
            &NewNotification {
                kind,
                args: serde_json::json!({}),
                title: &p.title,
                summary: &summary,
                link: &format!("/netzwerk/beitraege/{id}"),
            },
        )
        .await?;
    }
    outbox::search_changed(&txn, KIND_POST, &id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        match decision {
            Review::Approve => "network.post.approved",
            Review::Reject => "network.post.rejected",
        },
        "network_post",
        Some(&id.to_string()),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Saves an edit of title, teaser, text and topics (the actor stays). Staff
/// edits keep the state; a representative's edit goes back to review, so
/// that nothing unreviewed is public. Returns whether it is published.
pub async fn update(
    db: &DatabaseConnection,
    who: &Principal,
    id: i64,
    v: &ValidPost,
) -> CoreResult<bool> {
    let current = get(db, id).await?;
    let now = dias_core::time::now();
    let staff = who.role.is_staff_or_above();
    let txn = dias_core::db::begin_write(db).await?;
    let mut update = post::Entity::update_many()
        .col_expr(post::Column::Title, Expr::value(v.title.clone()))
        .col_expr(post::Column::Teaser, Expr::value(v.teaser.clone()))
        .col_expr(post::Column::BodyMd, Expr::value(v.body_md.clone()))
        .col_expr(post::Column::Topics, Expr::value(v.topics.join(",")))
        .col_expr(post::Column::UpdatedAt, Expr::value(now));
    if !staff {
        update = update
            .col_expr(post::Column::Status, Expr::value(PENDING))
            .col_expr(
                post::Column::RejectReason,
                Expr::value(Option::<String>::None),
            )
            .col_expr(post::Column::PublishedAt, Expr::value(Option::<i64>::None));
    }
    update
        .filter(post::Column::Id.eq(current.id))
        .exec(&txn)
        .await?;
    dias_core::versions::bump(&txn, POSTS_VERSION).await?;
    outbox::search_changed(&txn, KIND_POST, &id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "network.post.updated",
        "network_post",
        Some(&id.to_string()),
        serde_json::json!({ "back_to_review": !staff }),
    )
    .await?;
    txn.commit().await?;
    Ok(staff && current.status == PUBLISHED)
}

// ------------------------------------------------------------------ search

pub struct PostSource;

fn doc(p: &post::Model) -> SearchDoc {
    let mut body = p.teaser.clone();
    body.push(' ');
    body.push_str(&dias_core::markdown::to_plain_text(&p.body_md));
    for slug in domain::split_list(&p.topics) {
        if let Some(t) = find_topic(slug) {
            body.push(' ');
            body.push_str(t.de);
        }
    }
    SearchDoc {
        kind: KIND_POST.into(),
        id: p.id.to_string(),
        title: p.title.clone(),
        body,
        url: format!("/netzwerk/beitraege/{}", p.id),
        date: p.published_at,
    }
}

#[async_trait::async_trait]
impl SearchSource for PostSource {
    fn kind(&self) -> &'static str {
        KIND_POST
    }
    fn label_key(&self) -> &'static str {
        "network-search-kind-post"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(post::Entity::find()
            .filter(post::Column::Status.eq(PUBLISHED))
            .all(db)
            .await?
            .iter()
            .map(doc)
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(post::Entity::find_by_id(id)
            .one(db)
            .await?
            .filter(|p| p.status == PUBLISHED)
            .map(|p| doc(&p)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn representatives_write_for_their_actor_and_staff_also_for_dias() {
        let input = PostInput {
            title: "Neues Labor".into(),
            teaser: "Kurz".into(),
            body: "Text".into(),
            topics: vec!["robotik".into(), "robotik".into()],
            actor: "3".into(),
        };
        let v = validate(&input, &[3], false).unwrap();
        assert_eq!(v.actor_id, Some(3));
        assert_eq!(v.topics, vec!["robotik".to_owned()]);
        assert!(validate(&input, &[4], false).is_err());
        let dias = PostInput {
            actor: String::new(),
            ..input
        };
        assert_eq!(validate(&dias, &[], true).unwrap().actor_id, None);
        assert!(validate(&dias, &[3], false).is_err());
    }
}
