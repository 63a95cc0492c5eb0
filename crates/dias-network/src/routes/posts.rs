//! Posts: list with topic filter, post page, the writing form, the review
//! queue of the Redaktion and the Atom feed.

use std::collections::HashMap;
use std::sync::Arc;

use askama::Template;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use dias_core::validation::FieldErrors;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, field_errors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{Choice, choices, labels};
use crate::entities::post;
use crate::events::{find_topic, topic_terms};
use crate::posts::{self, PostAction, PostInput, Review};
use dias_web::atom::{self, Entry, Feed};

const PER_PAGE: u64 = 20;
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;
/// Entries in the Atom feed.
const FEED_ENTRIES: u64 = 50;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk/beitraege", get(list))
        .route("/netzwerk/beitraege.atom", get(feed))
        .route("/netzwerk/beitraege/neu", get(new_form).post(create))
        .route("/netzwerk/beitraege/pruefen", get(queue))
        .route("/netzwerk/beitraege/{id}", get(show))
        .route(
            "/netzwerk/beitraege/{id}/bearbeiten",
            get(edit_form).post(update),
        )
        .route("/netzwerk/beitraege/{id}/freigeben", post(approve))
        .route("/netzwerk/beitraege/{id}/ablehnen", post(reject))
}

/// The topic of `?thema=` if it is one; and the page number (400 when bad).
fn params(ctx: &Ctx, raw: Option<&str>) -> AppResult<(String, u64)> {
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default();
    let topic = pairs
        .iter()
        .find(|(k, v)| k == "thema" && find_topic(v).is_some())
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let number = match pairs
        .iter()
        .find(|(k, _)| k == "seite")
        .map(|(_, v)| v.as_str())
    {
        None | Some("") => 1,
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => n,
            _ => return Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    };
    Ok((topic, number))
}

/// A post in a list.
pub struct PostCard {
    pub id: i64,
    pub title: String,
    pub teaser: String,
    pub date: String,
    pub datetime: String,
    pub author: String,
    pub author_slug: String,
    pub topics: Vec<String>,
    pub status: String,
    pub reject_reason: String,
}

/// Cards with the actors' names (one query).
pub(crate) async fn cards(
    state: &AppState,
    ctx: &Ctx,
    items: Vec<post::Model>,
) -> AppResult<Vec<PostCard>> {
    let names = posts::actor_names(&state.db, items.iter().map(|p| p.actor_id)).await?;
    Ok(items.into_iter().map(|p| card(ctx, &names, p)).collect())
}

fn card(ctx: &Ctx, names: &HashMap<i64, (String, String)>, p: post::Model) -> PostCard {
    let (author_slug, author) = match p.actor_id.and_then(|id| names.get(&id)) {
        Some((slug, name)) => (slug.clone(), name.clone()),
        None => (String::new(), ctx.t("network-event-organiser-dias")),
    };
    let shown = p.published_at.unwrap_or(p.created_at);
    PostCard {
        date: dias_core::time::format_date(shown),
        datetime: dias_core::time::format_rfc3339(shown),
        topics: labels(ctx, topic_terms(), &p.topics),
        reject_reason: p.reject_reason.unwrap_or_default(),
        status: p.status,
        author,
        author_slug,
        id: p.id,
        title: p.title,
        teaser: p.teaser,
    }
}

#[derive(Template)]
#[template(path = "network/posts.html")]
struct ListPage {
    ctx: Ctx,
    cards: Vec<PostCard>,
    mine: Vec<PostCard>,
    total: u64,
    pagination: Pagination,
    topics: Vec<Choice>,
    feed_url: String,
    can_write: bool,
    can_review: bool,
}

async fn list(
    State(state): State<AppState>,
    Extension(counts): Extension<Arc<posts::PublishedCounts>>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (topic, number) = params(&ctx, raw.as_deref())?;
    let (items, total) = posts::page(&state.db, &counts, &topic, number, PER_PAGE).await?;
    let mine = match ctx.principal() {
        Some(me) if me.role == dias_core::policy::Role::Representative => {
            posts::unpublished_of(&state.db, me.user_id).await?
        }
        _ => Vec::new(),
    };
    let mut all = items;
    let own_count = mine.len();
    all.extend(mine);
    let mut cards = cards(&state, &ctx, all).await?;
    let mine = cards.split_off(cards.len() - own_count);
    let query = if topic.is_empty() {
        String::new()
    } else {
        serde_urlencoded::to_string([("thema", &topic)]).unwrap_or_default()
    };
    let (base, feed_url) = if query.is_empty() {
        (
            "/netzwerk/beitraege".to_owned(),
            "/netzwerk/beitraege.atom".to_owned(),
        )
    } else {
        (
            format!("/netzwerk/beitraege?{query}"),
            format!("/netzwerk/beitraege.atom?{query}"),
        )
    };
    let can_write = ctx.principal().is_some_and(|p| {
        p.role.is_staff_or_above() || p.role == dias_core::policy::Role::Representative
    });
    page(&ListPage {
        pagination: Pagination::new(number, total, PER_PAGE, base),
        topics: choices(&ctx, topic_terms(), std::slice::from_ref(&topic)),
        can_review: ctx.can(&PostAction::Review),
        feed_url,
        can_write,
        cards,
        mine,
        total,
        ctx,
    })
}

async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let (topic, _) = params(&ctx, raw.as_deref())?;
    let items = posts::latest(&state.db, &topic, FEED_ENTRIES).await?;
    let names = posts::actor_names(&state.db, items.iter().map(|p| p.actor_id)).await?;
    let base = state.config.public_url.trim_end_matches('/');
    let dias = ctx.t("network-event-organiser-dias");
    let query = if topic.is_empty() {
        String::new()
    } else {
        format!("?thema={topic}")
    };
    let entries = items
        .iter()
        .map(|p| {
            let link = format!("{base}/netzwerk/beitraege/{}", p.id);
            Entry {
                id: link.clone(),
                title: p.title.clone(),
                updated: p.published_at.unwrap_or(p.updated_at).max(p.updated_at),
                published: p.published_at.unwrap_or(p.created_at),
                link,
                summary: p.teaser.clone(),
                author: p
                    .actor_id
                    .and_then(|id| names.get(&id))
                    .map(|(_, name)| name.clone())
                    .unwrap_or_else(|| dias.clone()),
                categories: crate::domain::split_list(&p.topics)
                    .filter_map(find_topic)
                    .map(|t| (t.slug.to_owned(), ctx.t(t.key)))
                    .collect(),
            }
        })
        .collect();
    let xml = atom::render(
        &Feed {
            id: format!("{base}/netzwerk/beitraege.atom{query}"),
            title: ctx.t("network-posts-feed-title"),
            subtitle: ctx.t("network-posts-lead"),
            self_link: format!("{base}/netzwerk/beitraege.atom{query}"),
            html_link: format!("{base}/netzwerk/beitraege{query}"),
            author: dias,
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

// ------------------------------------------------------------------ post page

#[derive(Template)]
#[template(path = "network/post.html")]
struct PostPage {
    ctx: Ctx,
    card: PostCard,
    body_html: String,
    can_edit: bool,
}

/// Whether the person wrote the post or represents its actor.
async fn involved(state: &AppState, ctx: &Ctx, p: &post::Model) -> AppResult<bool> {
    let Some(me) = ctx.principal() else {
        return Ok(false);
    };
    if p.author_id == Some(me.user_id) {
        return Ok(true);
    }
    Ok(match p.actor_id {
        Some(actor_id) => crate::store::is_representative(&state.db, actor_id, me.user_id).await?,
        None => false,
    })
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let p = posts::get(&state.db, id).await?;
    let involved = involved(&state, &ctx, &p).await?;
    if p.status != posts::PUBLISHED && !ctx.can(&PostAction::SeeUnpublished { involved }) {
        return Err(AppError::NotFound);
    }
    let names = posts::actor_names(&state.db, std::iter::once(p.actor_id)).await?;
    page(&PostPage {
        can_edit: ctx.can(&PostAction::Edit { involved }),
        body_html: dias_core::markdown::render(&p.body_md),
        card: card(&ctx, &names, p),
        ctx,
    })
}

// ------------------------------------------------------------------ writing

#[derive(Template)]
#[template(path = "network/post_form.html")]
struct FormPage {
    ctx: Ctx,
    /// None for a new post.
    post_id: Option<i64>,
    errors: ShownErrors,
    input: PostInput,
    actors: Vec<Choice>,
    topics: Vec<Choice>,
    staff: bool,
}

/// The actors the person may write for (verified ones they represent) and
/// DiAS for staff, as (value, label).
async fn writable_for(state: &AppState, ctx: &Ctx) -> AppResult<(Vec<i64>, Vec<(String, String)>)> {
    let me = ctx.user()?;
    let actors = crate::events::organisable_actors(&state.db, me.user_id).await?;
    let mut choices = Vec::new();
    if me.role.is_staff_or_above() {
        choices.push((String::new(), ctx.t("network-event-organiser-dias")));
    }
    choices.extend(actors.iter().map(|a| (a.id.to_string(), a.name.clone())));
    Ok((actors.iter().map(|a| a.id).collect(), choices))
}

fn form_page(
    ctx: Ctx,
    post_id: Option<i64>,
    errors: ShownErrors,
    input: PostInput,
    choices: &[(String, String)],
) -> FormPage {
    FormPage {
        post_id,
        actors: choices
            .iter()
            .map(|(value, label)| Choice {
                selected: *value == input.actor,
                value: value.clone(),
                label: label.clone(),
            })
            .collect(),
        topics: super::choices(&ctx, topic_terms(), &input.topics),
        staff: ctx.principal().is_some_and(|p| p.role.is_staff_or_above()),
        errors,
        input,
        ctx,
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.user()?;
    let (ids, choices) = writable_for(&state, &ctx).await?;
    ctx.require(&PostAction::Write {
        representative: !ids.is_empty(),
    })?;
    let input = PostInput {
        actor: choices.first().map(|(v, _)| v.clone()).unwrap_or_default(),
        ..PostInput::default()
    };
    page(&form_page(ctx, None, ShownErrors::none(), input, &choices))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.user()?;
    let (ids, choices) = writable_for(&state, &ctx).await?;
    ctx.require(&PostAction::Write {
        representative: !ids.is_empty(),
    })?;
    let me = ctx.user()?.clone();
    let input = PostInput::from_pairs(&pairs);
    match posts::validate(&input, &ids, me.role.is_staff_or_above()) {
        Ok(v) => {
            let (id, published) = posts::create(&state.db, &me, &v).await?;
            let notice = if published {
                "netzwerk-beitrag-veroeffentlicht"
            } else {
                "netzwerk-beitrag-in-pruefung"
            };
            Ok(see_other(&format!(
                "/netzwerk/beitraege/{id}?hinweis={notice}"
            )))
        }
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                ctx.clone(),
                None,
                ShownErrors::new(&ctx, &errors),
                input,
                &choices,
            ),
        ),
    }
}

/// The post of the URL if the person may edit it: staff, or its author or
/// a representative of its actor (403 otherwise).
async fn editable(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<post::Model> {
    ctx.user()?;
    let p = posts::get(&state.db, id).await?;
    let involved = involved(state, ctx, &p).await?;
    ctx.require(&PostAction::Edit { involved })?;
    Ok(p)
}

/// The actor of an edited post is fixed: it is the only choice.
async fn fixed_actor(
    state: &AppState,
    ctx: &Ctx,
    p: &post::Model,
) -> AppResult<Vec<(String, String)>> {
    let names = posts::actor_names(&state.db, std::iter::once(p.actor_id)).await?;
    Ok(vec![match p.actor_id.and_then(|id| names.get(&id)) {
        Some((_, name)) => (p.actor_id.unwrap_or_default().to_string(), name.clone()),
        None => (String::new(), ctx.t("network-event-organiser-dias")),
    }])
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let p = editable(&state, &ctx, id).await?;
    let choices = fixed_actor(&state, &ctx, &p).await?;
    let input = PostInput {
        title: p.title,
        teaser: p.teaser,
        body: p.body_md,
        topics: crate::domain::split_list(&p.topics)
            .map(str::to_owned)
            .collect(),
        actor: choices.first().map(|(v, _)| v.clone()).unwrap_or_default(),
    };
    page(&form_page(
        ctx,
        Some(id),
        ShownErrors::none(),
        input,
        &choices,
    ))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let p = editable(&state, &ctx, id).await?;
    let me = ctx.user()?.clone();
    let choices = fixed_actor(&state, &ctx, &p).await?;
    let mut input = PostInput::from_pairs(&pairs);
    input.actor = choices.first().map(|(v, _)| v.clone()).unwrap_or_default();
    let allowed: Vec<i64> = p.actor_id.into_iter().collect();
    match posts::validate(&input, &allowed, p.actor_id.is_none()) {
        Ok(v) => {
            let published = posts::update(&state.db, &me, id, &v).await?;
            let notice = if published {
                "netzwerk-beitrag-gespeichert"
            } else {
                "netzwerk-beitrag-in-pruefung"
            };
            Ok(see_other(&format!(
                "/netzwerk/beitraege/{id}?hinweis={notice}"
            )))
        }
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                ctx.clone(),
                Some(id),
                ShownErrors::new(&ctx, &errors),
                input,
                &choices,
            ),
        ),
    }
}

// ------------------------------------------------------------------ review

pub struct QueueItem {
    pub card: PostCard,
    pub body_html: String,
    pub reason: String,
}

#[derive(Template)]
#[template(path = "network/post_queue.html")]
struct QueuePage {
    ctx: Ctx,
    items: Vec<QueueItem>,
    errors: ShownErrors,
}

async fn queue_page(
    state: &AppState,
    ctx: Ctx,
    errors: ShownErrors,
    kept: Option<(i64, String)>,
    status: StatusCode,
) -> AppResult<Response> {
    ctx.require(&PostAction::Review)?;
    let waiting = posts::queue(&state.db).await?;
    let names = posts::actor_names(&state.db, waiting.iter().map(|p| p.actor_id)).await?;
    let items = waiting
        .into_iter()
        .map(|p| {
            let reason = match &kept {
                Some((id, reason)) if *id == p.id => reason.clone(),
                _ => String::new(),
            };
            QueueItem {
                body_html: dias_core::markdown::render(&p.body_md),
                card: card(&ctx, &names, p),
                reason,
            }
        })
        .collect();
    page_with_status(status, &QueuePage { ctx, items, errors })
}

async fn queue(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    queue_page(&state, ctx, ShownErrors::none(), None, StatusCode::OK).await
}

async fn approve(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let me = ctx.require(&PostAction::Review)?.user()?.clone();
    posts::review(&state.db, &me, id, Review::Approve, "").await?;
    Ok(see_other(
        "/netzwerk/beitraege/pruefen?hinweis=netzwerk-beitrag-freigegeben",
    ))
}

#[derive(Deserialize, Default)]
pub struct RejectForm {
    #[serde(default)]
    reason: String,
}

async fn reject(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<RejectForm>,
) -> AppResult<Response> {
    let me = ctx.require(&PostAction::Review)?.user()?.clone();
    match field_errors(posts::review(&state.db, &me, id, Review::Reject, &form.reason).await)? {
        Ok(()) => Ok(see_other(
            "/netzwerk/beitraege/pruefen?hinweis=netzwerk-beitrag-abgelehnt",
        )),
        Err(errors) => {
            // The queue has one reason field per post.
            let mut shown = FieldErrors::new();
            for e in &errors.0 {
                shown.add(&format!("reason-{id}"), &e.message);
            }
            let shown = ShownErrors::new(&ctx, &shown);
            queue_page(
                &state,
                ctx,
                shown,
                Some((id, form.reason)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
