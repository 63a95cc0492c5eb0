//! Aktuelles in the Redaktion (`ContentAction::Edit`): the list of all
//! articles with their state (`/redaktion/aktuelles?status=…`), writing a
//! new one (`/redaktion/aktuelles/neu`), editing with related items and
//! deleting (`/redaktion/aktuelles/{id}`). A save against an old revision
//! gets the form again with status 409 and the typed text kept.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::validation::FieldErrors;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::media::{self, MediaItem};
use crate::news::{self, Article, Link, NewsInput, SaveError, State as ArticleState};
use crate::policy::ContentAction;
use crate::vocab::{Status, Topic};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/redaktion/aktuelles", get(list))
        .route("/redaktion/aktuelles/neu", get(new_form).post(create))
        .route("/redaktion/aktuelles/{id}", get(edit_form).post(edit))
        .route("/redaktion/aktuelles/{id}/verweise", post(add_link))
        .route(
            "/redaktion/aktuelles/{id}/verweise/{link}/entfernen",
            post(remove_link),
        )
        .route(
            "/redaktion/aktuelles/{id}/loeschen",
            get(confirm_remove).post(remove),
        )
}

fn parse_id(raw: &str) -> AppResult<i64> {
    raw.parse().map_err(|_| AppError::NotFound)
}

fn field(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// An option of a select or a checkbox of a group.
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// How staff read an article's state: „Geplant für 01.12.2026, 09:00“.
fn state_label(ctx: &Ctx, state: ArticleState) -> String {
    match state {
        ArticleState::Draft => ctx.t("content-news-state-draft"),
        ArticleState::Scheduled(at) => ctx.t1(
            "content-news-state-scheduled",
            "at",
            dias_core::time::format_datetime(at),
        ),
        ArticleState::Live => ctx.t("content-news-state-live"),
    }
}

// -------------------------------------------------------------------- list

struct Row {
    id: i64,
    slug: String,
    title: String,
    state: String,
    live: bool,
    updated_at: i64,
}

#[derive(Template)]
#[template(path = "content/news/staff_list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
    total: u64,
    filters: Vec<Choice>,
    pagination: Pagination,
}

const FILTERS: [(&str, &str); 3] = [
    ("entwurf", "content-news-state-draft"),
    ("geplant", "content-news-filter-scheduled"),
    ("veroeffentlicht", "content-news-state-live"),
];

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(raw.as_deref().unwrap_or("")).unwrap_or_default();
    let filter = field(&pairs, "status");
    let filter = FILTERS.iter().find(|(k, _)| *k == filter).map(|(k, _)| *k);
    let number = match field(&pairs, "seite").as_str() {
        "" => 1,
        raw => raw
            .parse::<u64>()
            .ok()
            .filter(|p| (1..=MAX_PAGE).contains(p))
            .ok_or_else(|| AppError::BadRequest("seite".into()))?,
    };
    let now = dias_core::time::now();
    let (found, total) = news::staff_page(&state.db, filter, number, now).await?;
    let rows = found
        .into_iter()
        .map(|a| {
            let s = a.state(now);
            Row {
                id: a.id,
                title: a.title,
                slug: a.slug,
                state: state_label(&ctx, s),
                live: s == ArticleState::Live,
                updated_at: a.updated_at,
            }
        })
        .collect();
    let base = match filter {
        Some(f) => format!("/redaktion/aktuelles?status={f}"),
        None => "/redaktion/aktuelles".to_owned(),
    };
    page(&ListPage {
        filters: FILTERS
            .iter()
            .map(|(k, label)| Choice {
                value: (*k).to_owned(),
                label: ctx.t(label),
                selected: filter == Some(*k),
            })
            .collect(),
        pagination: Pagination::new(number, total, news::STAFF_PER_PAGE, base),
        total,
        rows,
        ctx,
    })
}

// -------------------------------------------------------------------- form

#[derive(Template)]
#[template(path = "content/news/form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: NewsInput,
    /// Editing this article (else a new one).
    article: Option<Article>,
    state_label: String,
    slug_fixed: bool,
    images: Vec<Choice>,
    topics: Vec<Choice>,
    statuses: Vec<Choice>,
    links: Vec<Link>,
    link_errors: ShownErrors,
    link_path: String,
    link_label: String,
    /// Someone saved the article after this form was loaded.
    conflict: bool,
}

impl FormPage {
    fn action(&self) -> String {
        match &self.article {
            Some(a) => format!("/redaktion/aktuelles/{}", a.id),
            None => "/redaktion/aktuelles/neu".to_owned(),
        }
    }
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    input: NewsInput,
    errors: ShownErrors,
    article: Option<Article>,
) -> AppResult<FormPage> {
    let now = dias_core::time::now();
    let images: Vec<MediaItem> = media::list(&state.db, Some(media::IMAGE)).await?;
    let links = match &article {
        Some(a) => news::links(&state.db, a.id).await?,
        None => Vec::new(),
    };
    Ok(FormPage {
        images: images
            .iter()
            .map(|m| Choice {
                value: m.id.to_string(),
                label: format!("{} – {}", m.text(), m.filename),
                selected: input.image_id == m.id.to_string(),
            })
            .collect(),
        topics: Topic::ALL
            .iter()
            .map(|t| Choice {
                value: t.key().to_owned(),
                label: ctx.t(t.label_key()),
                selected: input.has_topic(t.key()),
            })
            .collect(),
        statuses: Status::ALL
            .iter()
            .map(|s| Choice {
                value: s.key().to_owned(),
                label: ctx.t(match s {
                    Status::Draft => "content-news-status-draft",
                    Status::Published => "content-news-status-published",
                }),
                selected: input.status == s.key(),
            })
            .collect(),
        state_label: article
            .as_ref()
            .map(|a| state_label(&ctx, ArticleState::of(a, now)))
            .unwrap_or_default(),
        slug_fixed: article
            .as_ref()
            .is_some_and(|a| news::slug_is_fixed(a, now)),
        links,
        link_errors: ShownErrors::none(),
        link_path: String::new(),
        link_label: String::new(),
        conflict: false,
        ctx,
        errors,
        input,
        article,
    })
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let me = ctx
        .require(&ContentAction::Edit)?
        .user()?
        .display_name
        .clone();
    let input = NewsInput::blank(&me);
    page(&form_page(&state, ctx, input, ShownErrors::none(), None).await?)
}

/// Audit details of a saved article.
fn details(a: &Article) -> serde_json::Value {
    serde_json::json!({
        "slug": a.slug,
        "status": a.status,
        "publish_at": a.publish_at,
        "revision": a.revision,
    })
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let input = NewsInput::from_pairs(&pairs);
    let now = dias_core::time::now();
    let errors = match news::validate(&input, now) {
        Ok(valid) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            match news::create(&txn, me, &valid, now).await {
                Ok(article) => {
                    dias_core::audit::record(
                        &txn,
                        Some(me),
                        "content.news.create",
                        "content_news",
                        Some(&article.id.to_string()),
                        details(&article),
                    )
                    .await?;
                    txn.commit().await?;
                    return Ok(see_other(&format!(
                        "/redaktion/aktuelles/{}?hinweis=content-news-created",
                        article.id
                    )));
                }
                Err(SaveError::Invalid(errors)) => {
                    txn.rollback().await?;
                    errors
                }
                Err(SaveError::Db(e)) => return Err(e.into()),
                Err(SaveError::NotFound | SaveError::Stale) => return Err(AppError::NotFound),
            }
        }
        Err(errors) => errors,
    };
    let shown = ShownErrors::new(&ctx, &errors);
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(&state, ctx, input, shown, None).await?,
    )
}

async fn article(state: &AppState, id: &str) -> AppResult<Article> {
    news::by_id(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let article = article(&state, &id).await?;
    let input = NewsInput::from_article(&article);
    page(&form_page(&state, ctx, input, ShownErrors::none(), Some(article)).await?)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let current = article(&state, &id).await?;
    let mut input = NewsInput::from_pairs(&pairs);
    let revision: i32 = input
        .revision
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("revision".into()))?;
    let now = dias_core::time::now();
    let errors = match news::validate(&input, now) {
        Ok(valid) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            match news::update(&txn, current.id, revision, &valid, now).await {
                Ok(saved) => {
                    dias_core::audit::record(
                        &txn,
                        Some(me),
                        "content.news.update",
                        "content_news",
                        Some(&saved.id.to_string()),
                        details(&saved),
                    )
                    .await?;
                    txn.commit().await?;
                    return Ok(see_other(&format!(
                        "/redaktion/aktuelles/{}?hinweis=content-news-saved",
                        saved.id
                    )));
                }
                Err(SaveError::Invalid(errors)) => {
                    txn.rollback().await?;
                    errors
                }
                Err(SaveError::Stale) => {
                    txn.rollback().await?;
                    // The current state around the typed text: the form
                    // carries the new revision, so saving again is a
                    // deliberate overwrite after a look.
                    let fresh = article(&state, &id).await?;
                    input.revision = fresh.revision.to_string();
                    let mut data =
                        form_page(&state, ctx, input, ShownErrors::none(), Some(fresh)).await?;
                    data.conflict = true;
                    return page_with_status(StatusCode::CONFLICT, &data);
                }
                Err(SaveError::NotFound) => return Err(AppError::NotFound),
                Err(SaveError::Db(e)) => return Err(e.into()),
            }
        }
        Err(errors) => errors,
    };
    let shown = ShownErrors::new(&ctx, &errors);
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form_page(&state, ctx, input, shown, Some(current)).await?,
    )
}

async fn add_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let current = article(&state, &id).await?;
    let path = field(&pairs, "link_path");
    let label = field(&pairs, "link_label");
    match news::validate_link(&path, &label) {
        Ok((path, label)) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            let link =
                news::add_link(&txn, current.id, &path, &label, me, dias_core::time::now()).await?;
            dias_core::audit::record(
                &txn,
                Some(me),
                "content.news.link.add",
                "content_news",
                Some(&current.id.to_string()),
                serde_json::json!({ "link": link.id, "path": link.path }),
            )
            .await?;
            txn.commit().await?;
            Ok(see_other(&format!(
                "/redaktion/aktuelles/{}?hinweis=content-news-link-added#verweise",
                current.id
            )))
        }
        Err(errors) => link_refused(&state, ctx, current, &errors, path, label).await,
    }
}

async fn link_refused(
    state: &AppState,
    ctx: Ctx,
    current: Article,
    errors: &FieldErrors,
    path: String,
    label: String,
) -> AppResult<Response> {
    let input = NewsInput::from_article(&current);
    let link_errors = ShownErrors::new(&ctx, errors);
    let mut data = form_page(state, ctx, input, ShownErrors::none(), Some(current)).await?;
    data.link_errors = link_errors;
    data.link_path = path;
    data.link_label = label;
    page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &data)
}

async fn remove_link(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, link)): Path<(String, String)>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let current = article(&state, &id).await?;
    let link = parse_id(&link)?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    if !news::remove_link(&txn, current.id, link).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        "content.news.link.remove",
        "content_news",
        Some(&current.id.to_string()),
        serde_json::json!({ "link": link }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!(
        "/redaktion/aktuelles/{}?hinweis=content-news-link-removed#verweise",
        current.id
    )))
}

async fn confirm_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let a = article(&state, &id).await?;
    let path = format!("/redaktion/aktuelles/{}/loeschen", a.id);
    super::DeletePage {
        heading: ctx.t("content-news-delete-title"),
        question: ctx.t1("content-news-delete-question", "title", a.title.clone()),
        button: ctx.t("content-news-delete"),
        back: format!("/redaktion/aktuelles/{}", a.id),
        crumbs: vec![
            (
                "/redaktion/aktuelles".to_owned(),
                ctx.t("content-news-staff-title"),
            ),
            (path.clone(), ctx.t("content-news-delete-title")),
        ],
        action: path,
        ctx,
    }
    .render()
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let id = parse_id(&id)?;
    if super::unconfirmed(&pairs) {
        return Ok(see_other(&format!("/redaktion/aktuelles/{id}/loeschen")));
    }
    let txn = dias_core::db::begin_write(&state.db).await?;
    let Some(current) = news::by_id(&txn, id).await? else {
        return Err(AppError::NotFound);
    };
    news::delete(&txn, id).await?;
    dias_core::audit::record(
        &txn,
        Some(me),
        "content.news.delete",
        "content_news",
        Some(&id.to_string()),
        serde_json::json!({ "slug": current.slug, "title": current.title }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(
        "/redaktion/aktuelles?hinweis=content-news-deleted",
    ))
}
