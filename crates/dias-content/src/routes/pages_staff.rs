//! Pages in the Redaktion (`ContentAction::Edit`): the tree, new pages
//! (optionally under a parent), editing with a preview of the unsaved
//! text, the saved state's preview, the version history with word diffs
//! and restore, and deleting with a confirmation page.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::components::escape_html;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use super::pages_public::{self, Preview, localized};
use crate::pages::{self, DiffPart, Page, PageInput, Publication, SaveError, Version};
use crate::policy::ContentAction;
use crate::vocab::{Audience, Menu, Status};

const LIST: &str = "/redaktion/seiten";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(LIST, get(list))
        .route("/redaktion/seiten/neu", get(new_form).post(create))
        .route(
            "/redaktion/seiten/{id}/bearbeiten",
            get(edit_form).post(edit),
        )
        .route("/redaktion/seiten/{id}/vorschau", get(preview))
        .route("/redaktion/seiten/{id}/versionen", get(history))
        .route(
            "/redaktion/seiten/{id}/versionen/{number}",
            get(version_page),
        )
        .route(
            "/redaktion/seiten/{id}/versionen/{number}/wiederherstellen",
            post(restore),
        )
        .route(
            "/redaktion/seiten/{id}/loeschen",
            get(delete_form).post(remove),
        )
}

fn parse_id<T: std::str::FromStr>(raw: &str) -> AppResult<T> {
    raw.parse().map_err(|_| AppError::NotFound)
}

async fn load(state: &AppState, id: &str) -> AppResult<Page> {
    pages::by_id(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

fn reserved(state: &AppState) -> Vec<String> {
    pages::reserved_segments(state.registry.nav().map(|e| e.path))
}

/// Display names of accounts.
async fn names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<Vec<(i64, String)>, DbErr> {
    use dias_core::entities::user;
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

/// The status as staff read it: Entwurf, Geplant für …, Veröffentlicht.
fn status_text(ctx: &Ctx, page: &Page, now: i64) -> String {
    if crate::publishing::is_scheduled(&page.status, page.publish_at, now) {
        ctx.t1(
            "content-page-status-scheduled",
            "at",
            dias_core::time::format_datetime(page.publish_at.unwrap_or_default()),
        )
    } else if crate::publishing::is_live(&page.status, page.publish_at, now) {
        ctx.t(Status::Published.label_key())
    } else {
        ctx.t(Status::Draft.label_key())
    }
}

fn menu_text(ctx: &Ctx, page: &Page) -> String {
    match Menu::parse(&page.menu) {
        Some(Menu::Audience) => {
            let audience = page
                .audience
                .as_deref()
                .and_then(Audience::parse)
                .map(|a| ctx.t(a.label_key()))
                .unwrap_or_default();
            format!("{}: {audience}", ctx.t(Menu::Audience.label_key()))
        }
        Some(Menu::None) | None => String::new(),
        Some(menu) => ctx.t(menu.label_key()),
    }
}

// ------------------------------------------------------------------ tree

struct Row {
    /// Fixed markup that opens or closes nested lists before the row.
    lead: String,
    id: i64,
    title: String,
    path: String,
    status: String,
    live: bool,
    menu: String,
    system: bool,
}

#[derive(Template)]
#[template(path = "content/pages/list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
    /// Markup that closes the open lists after the last row.
    tail: String,
}

impl ListPage {
    fn crumbs(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let now = dias_core::time::now();
    let tree = pages::tree(pages::all(&state.db).await?);
    let mut rows = Vec::with_capacity(tree.len());
    let mut previous: Option<usize> = None;
    for (depth, p) in tree {
        let lead = match previous {
            None => "<li>".to_owned(),
            Some(prev) if depth > prev => "<ul><li>".repeat(depth - prev),
            Some(prev) => format!("</li>{}<li>", "</ul></li>".repeat(prev - depth)),
        };
        previous = Some(depth);
        rows.push(Row {
            lead,
            id: p.id,
            status: status_text(&ctx, &p, now),
            live: crate::publishing::is_live(&p.status, p.publish_at, now),
            menu: menu_text(&ctx, &p),
            title: p.title_de,
            path: p.path,
            system: p.system,
        });
    }
    let tail = match previous {
        Some(depth) => format!("</li>{}", "</ul></li>".repeat(depth)),
        None => String::new(),
    };
    page(&ListPage { ctx, rows, tail })
}

// ------------------------------------------------------------------ form

pub(crate) struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// The rendered, unsaved text above the form.
struct UnsavedPreview {
    title: String,
    body_html: String,
    lang: Option<&'static str>,
}

#[derive(Template)]
#[template(path = "content/pages/form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: PageInput,
    /// Editing this page (`None`: a new page).
    page: Option<Page>,
    parents: Vec<Choice>,
    menus: Vec<Choice>,
    audiences: Vec<Choice>,
    statuses: Vec<Choice>,
    /// A stale save: the page as it is now.
    conflict: Option<Page>,
    /// The saved page's status as staff read it.
    status_line: String,
    preview: Option<UnsavedPreview>,
}

impl FormPage {
    fn action(&self) -> String {
        match &self.page {
            Some(p) => format!("/redaktion/seiten/{}/bearbeiten", p.id),
            None => "/redaktion/seiten/neu".to_owned(),
        }
    }

    fn crumbs(&self) -> Vec<(String, String)> {
        vec![(self.action(), self.heading())]
    }

    fn system(&self) -> bool {
        self.page.as_ref().is_some_and(|p| p.system)
    }

    fn heading(&self) -> String {
        match &self.page {
            Some(p) => self.ctx.t1("content-page-edit-title", "title", &p.title_de),
            None => self.ctx.t("content-page-new-title"),
        }
    }
}

async fn form(
    ctx: Ctx,
    state: &AppState,
    input: PageInput,
    errors: ShownErrors,
    page: Option<Page>,
) -> AppResult<FormPage> {
    let all = pages::all(&state.db).await?;
    let parent_value = input.parent.trim().to_owned();
    let mut parents = vec![Choice {
        value: String::new(),
        label: ctx.t("content-page-parent-none"),
        selected: parent_value.is_empty(),
    }];
    parents.extend(
        pages::parent_choices(all, page.as_ref().map(|p| p.id))
            .into_iter()
            .map(|(depth, p)| Choice {
                selected: parent_value == p.id.to_string(),
                value: p.id.to_string(),
                label: format!("{}{} ({})", "– ".repeat(depth), p.title_de, p.path),
            }),
    );
    let menus = Menu::ALL
        .iter()
        .map(|m| Choice {
            value: m.key().to_owned(),
            label: ctx.t(m.label_key()),
            selected: input.menu == m.key(),
        })
        .collect();
    let audiences = Audience::ALL
        .iter()
        .map(|a| Choice {
            value: a.key().to_owned(),
            label: ctx.t(a.label_key()),
            selected: input.audience == a.key(),
        })
        .collect();
    let statuses = Status::ALL
        .iter()
        .map(|s| Choice {
            value: s.key().to_owned(),
            label: ctx.t(s.label_key()),
            selected: input.status == s.key(),
        })
        .collect();
    let status_line = page
        .as_ref()
        .map(|p| status_text(&ctx, p, dias_core::time::now()))
        .unwrap_or_default();
    Ok(FormPage {
        status_line,
        ctx,
        errors,
        input,
        page,
        parents,
        menus,
        audiences,
        statuses,
        conflict: None,
        preview: None,
    })
}

fn wants_preview(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, v)| k == "aktion" && v == "vorschau")
}

/// The posted text rendered above the form, nothing saved.
fn unsaved_preview(ctx: &Ctx, state: &AppState, input: &PageInput) -> UnsavedPreview {
    let title_en = Some(input.title_en.trim()).filter(|t| !t.is_empty());
    let body_en = Some(input.body_en.as_str()).filter(|t| !t.trim().is_empty());
    let (title, body, lang) = localized(
        ctx.locale() == "en",
        input.title_de.trim(),
        title_en,
        &input.body_de,
        body_en,
    );
    let body = dias_web::fill_placeholders(&body, &state.config);
    UnsavedPreview {
        title,
        body_html: dias_core::markdown::render_below(&body, 3),
        lang,
    }
}

fn parent_from_query(query: Option<String>) -> Option<i64> {
    serde_urlencoded::from_str::<Vec<(String, String)>>(&query.unwrap_or_default())
        .ok()?
        .into_iter()
        .find(|(k, _)| k == "eltern")
        .and_then(|(_, v)| v.parse().ok())
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(query): RawQuery,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let input = PageInput::new_page(parent_from_query(query));
    page(&form(ctx, &state, input, ShownErrors::none(), None).await?)
}

async fn audit(
    txn: &impl ConnectionTrait,
    me: i64,
    action: &str,
    page: &Page,
    details: serde_json::Value,
) -> Result<(), DbErr> {
    let mut details = details;
    if let serde_json::Value::Object(map) = &mut details {
        map.insert("path".into(), page.path.clone().into());
    }
    dias_core::audit::record(
        txn,
        Some(me),
        action,
        "content_page",
        Some(&page.id.to_string()),
        details,
    )
    .await
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let input = PageInput::from_pairs(&pairs);
    if wants_preview(&pairs) {
        let preview = unsaved_preview(&ctx, &state, &input);
        let mut view = form(ctx, &state, input, ShownErrors::none(), None).await?;
        view.preview = Some(preview);
        return page(&view);
    }
    let errors = match pages::validate(&input) {
        Ok(valid) => {
            let now = dias_core::time::now();
            let txn = dias_core::db::begin_write(&state.db).await?;
            match pages::create(&txn, me, &valid, &reserved(&state), now).await {
                Ok(saved) => {
                    audit(
                        &txn,
                        me,
                        "content.page.create",
                        &saved,
                        serde_json::json!({}),
                    )
                    .await?;
                    if saved.status == Status::Published.key() {
                        audit(
                            &txn,
                            me,
                            "content.page.publish",
                            &saved,
                            serde_json::json!({ "publish_at": saved.publish_at }),
                        )
                        .await?;
                    }
                    txn.commit().await?;
                    crate::site::invalidate();
                    return Ok(see_other(&format!(
                        "{LIST}?hinweis=content-page-created#seite-{}",
                        saved.id
                    )));
                }
                Err(SaveError::Invalid(errors)) => errors,
                Err(SaveError::Db(e)) => return Err(e.into()),
                Err(SaveError::NotFound | SaveError::Stale(_)) => return Err(AppError::NotFound),
            }
        }
        Err(errors) => errors,
    };
    let shown = ShownErrors::new(&ctx, &errors);
    page_with_status(
        StatusCode::UNPROCESSABLE_ENTITY,
        &form(ctx, &state, input, shown, None).await?,
    )
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let current = load(&state, &id).await?;
    let input = PageInput::from_page(&current);
    page(&form(ctx, &state, input, ShownErrors::none(), Some(current)).await?)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let current = load(&state, &id).await?;
    let mut input = PageInput::from_pairs(&pairs);
    if wants_preview(&pairs) {
        let preview = unsaved_preview(&ctx, &state, &input);
        let mut view = form(ctx, &state, input, ShownErrors::none(), Some(current)).await?;
        view.preview = Some(preview);
        return page(&view);
    }
    let errors = match pages::validate(&input) {
        Ok(valid) => {
            let now = dias_core::time::now();
            let txn = dias_core::db::begin_write(&state.db).await?;
            match pages::update(&txn, current.id, me, &valid, &reserved(&state), now).await {
                Ok((saved, publication)) => {
                    audit(
                        &txn,
                        me,
                        "content.page.update",
                        &saved,
                        serde_json::json!({ "revision": saved.revision }),
                    )
                    .await?;
                    match publication {
                        Publication::Published => {
                            audit(
                                &txn,
                                me,
                                "content.page.publish",
                                &saved,
                                serde_json::json!({ "publish_at": saved.publish_at }),
                            )
                            .await?;
                        }
                        Publication::Unpublished => {
                            audit(
                                &txn,
                                me,
                                "content.page.unpublish",
                                &saved,
                                serde_json::json!({}),
                            )
                            .await?;
                        }
                        Publication::Unchanged => {}
                    }
                    txn.commit().await?;
                    crate::site::invalidate();
                    return Ok(see_other(&format!(
                        "{LIST}?hinweis=content-page-saved#seite-{}",
                        saved.id
                    )));
                }
                Err(SaveError::Invalid(errors)) => errors,
                Err(SaveError::Stale(fresh)) => {
                    drop(txn);
                    // The typed text stays; the next save is based on the
                    // current revision (a deliberate overwrite).
                    input.revision = fresh.revision.to_string();
                    let mut view =
                        form(ctx, &state, input, ShownErrors::none(), Some(current)).await?;
                    view.conflict = Some(*fresh);
                    return page_with_status(StatusCode::CONFLICT, &view);
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
        &form(ctx, &state, input, shown, Some(current)).await?,
    )
}

// --------------------------------------------------------------- preview

async fn preview(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let current = load(&state, &id).await?;
    let now = dias_core::time::now();
    let hidden_note =
        (!crate::publishing::is_live(&current.status, current.publish_at, now)).then(|| {
            ctx.t1(
                "content-page-preview-hidden",
                "status",
                status_text(&ctx, &current, now),
            )
        });
    let view = pages_public::view(
        ctx,
        &state,
        &current,
        Some(Preview {
            page_id: Some(current.id),
            unsaved: false,
            hidden_note,
        }),
    )
    .await?;
    pages_public::preview_response(&view)
}

// -------------------------------------------------------------- versions

struct VersionRow {
    number: i32,
    at: i64,
    author: String,
    note: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "content/pages/history.html")]
struct HistoryPage {
    ctx: Ctx,
    page: Page,
    rows: Vec<VersionRow>,
}

impl HistoryPage {
    fn crumbs(&self) -> Vec<(String, String)> {
        vec![(
            format!("/redaktion/seiten/{}/versionen", self.page.id),
            self.ctx
                .t1("content-page-history-title", "title", &self.page.title_de),
        )]
    }
}

async fn author_name(db: &impl ConnectionTrait, ctx: &Ctx, id: Option<i64>) -> AppResult<String> {
    Ok(names(db, id)
        .await?
        .into_iter()
        .next()
        .map(|(_, n)| n)
        .unwrap_or_else(|| ctx.t("content-page-author-unknown")))
}

async fn history(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let current = load(&state, &id).await?;
    let versions = pages::versions(&state.db, current.id).await?;
    let authors = names(&state.db, versions.iter().filter_map(|v| v.author_id)).await?;
    let newest = versions.first().map(|v| v.number);
    let rows = versions
        .into_iter()
        .map(|v| VersionRow {
            current: Some(v.number) == newest,
            author: v
                .author_id
                .and_then(|a| authors.iter().find(|(id, _)| *id == a))
                .map(|(_, n)| n.clone())
                .unwrap_or_else(|| ctx.t("content-page-author-unknown")),
            number: v.number,
            at: v.created_at,
            note: v.note.unwrap_or_default(),
        })
        .collect();
    page(&HistoryPage {
        ctx,
        page: current,
        rows,
    })
}

struct DiffBlock {
    label: String,
    html: String,
    changed: bool,
}

/// A word diff as accessible markup: removed words in `<del>`, added ones
/// in `<ins>`, each with a visually hidden label, so the change does not
/// depend on colour or strike-through alone.
fn diff_html(ctx: &Ctx, parts: Vec<DiffPart>) -> (String, bool) {
    let removed = escape_html(&ctx.t("content-page-diff-removed"));
    let added = escape_html(&ctx.t("content-page-diff-added"));
    let mut html = String::new();
    let mut changed = false;
    for part in parts {
        match part {
            DiffPart::Same(t) => html.push_str(&escape_html(&t)),
            DiffPart::Removed(t) => {
                changed = true;
                html.push_str(&format!(
                    "<del><span class=\"visually-hidden\">[{removed}: </span>{}<span class=\"visually-hidden\">]</span></del>",
                    escape_html(&t)
                ));
            }
            DiffPart::Added(t) => {
                changed = true;
                html.push_str(&format!(
                    "<ins><span class=\"visually-hidden\">[{added}: </span>{}<span class=\"visually-hidden\">]</span></ins>",
                    escape_html(&t)
                ));
            }
        }
    }
    (html, changed)
}

#[derive(Template)]
#[template(path = "content/pages/version.html")]
struct VersionPage {
    ctx: Ctx,
    page: Page,
    version: Version,
    author: String,
    diffs: Vec<DiffBlock>,
    /// This version's content is the page's current content.
    same_as_current: bool,
}

impl VersionPage {
    fn crumbs(&self) -> Vec<(String, String)> {
        vec![
            (
                format!("/redaktion/seiten/{}/versionen", self.page.id),
                self.ctx
                    .t1("content-page-history-title", "title", &self.page.title_de),
            ),
            (
                format!(
                    "/redaktion/seiten/{}/versionen/{}",
                    self.page.id, self.version.number
                ),
                self.ctx
                    .t1("content-page-version-title", "number", self.version.number),
            ),
        ]
    }
}

async fn version_page(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let current = load(&state, &id).await?;
    let version = pages::version(&state.db, current.id, parse_id(&number)?)
        .await?
        .ok_or(AppError::NotFound)?;
    let author = author_name(&state.db, &ctx, version.author_id).await?;
    let fields: [(&str, &str, &str); 4] = [
        (
            "content-page-field-title_de",
            &version.title_de,
            &current.title_de,
        ),
        (
            "content-page-field-body_de",
            &version.body_de,
            &current.body_de,
        ),
        (
            "content-page-field-title_en",
            version.title_en.as_deref().unwrap_or_default(),
            current.title_en.as_deref().unwrap_or_default(),
        ),
        (
            "content-page-field-body_en",
            version.body_en.as_deref().unwrap_or_default(),
            current.body_en.as_deref().unwrap_or_default(),
        ),
    ];
    // Word diffs are CPU work: on the blocking pool, each with a deadline.
    let parts = pages::word_diffs(
        fields
            .iter()
            .map(|(_, old, new)| ((*old).to_owned(), (*new).to_owned()))
            .collect(),
    )
    .await
    .map_err(AppError::Internal)?;
    let diffs: Vec<DiffBlock> = fields
        .iter()
        .zip(parts)
        .map(|((label, _, _), parts)| {
            let (html, changed) = diff_html(&ctx, parts);
            DiffBlock {
                label: ctx.t(label),
                html,
                changed,
            }
        })
        .collect();
    let same_as_current = !diffs.iter().any(|d| d.changed) && version.summary == current.summary;
    page(&VersionPage {
        ctx,
        page: current,
        version,
        author,
        diffs,
        same_as_current,
    })
}

async fn restore(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, number)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let id: i64 = parse_id(&id)?;
    let number: i32 = parse_id(&number)?;
    let revision: i32 = pairs
        .iter()
        .find(|(k, _)| k == "revision")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| AppError::BadRequest("revision".into()))?;
    let note = ctx.t1("content-page-restored-note", "number", number);
    let txn = dias_core::db::begin_write(&state.db).await?;
    match pages::restore(
        &txn,
        id,
        number,
        revision,
        me,
        Some(note),
        dias_core::time::now(),
    )
    .await
    {
        Ok(saved) => {
            audit(
                &txn,
                me,
                "content.page.restore",
                &saved,
                serde_json::json!({ "version": number, "revision": saved.revision }),
            )
            .await?;
            txn.commit().await?;
            crate::site::invalidate();
            Ok(see_other(&format!(
                "/redaktion/seiten/{id}/versionen?hinweis=content-page-restored"
            )))
        }
        Err(SaveError::Stale(_)) => Err(AppError::Conflict("content-page-restore-stale".into())),
        Err(SaveError::NotFound) => Err(AppError::NotFound),
        Err(SaveError::Invalid(_)) => Err(AppError::BadRequest("restore".into())),
        Err(SaveError::Db(e)) => Err(e.into()),
    }
}

// ---------------------------------------------------------------- delete

#[derive(Template)]
#[template(path = "content/pages/delete.html")]
struct DeletePage {
    ctx: Ctx,
    page: Page,
    /// Message id of why the page cannot be deleted.
    refusal: Option<&'static str>,
}

impl DeletePage {
    fn crumbs(&self) -> Vec<(String, String)> {
        vec![(
            format!("/redaktion/seiten/{}/loeschen", self.page.id),
            self.ctx
                .t1("content-page-delete-title", "title", &self.page.title_de),
        )]
    }
}

async fn delete_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let current = load(&state, &id).await?;
    let refusal = pages::delete_refusal(&state.db, &current)
        .await?
        .map(|r| r.message_key());
    page(&DeletePage {
        ctx,
        page: current,
        refusal,
    })
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let id: i64 = parse_id(&id)?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    match pages::delete(&txn, id).await? {
        Ok(Some(deleted)) => {
            audit(
                &txn,
                me,
                "content.page.delete",
                &deleted,
                serde_json::json!({ "title": deleted.title_de }),
            )
            .await?;
            txn.commit().await?;
            crate::site::invalidate();
            Ok(see_other(&format!("{LIST}?hinweis=content-page-deleted")))
        }
        Ok(None) => Err(AppError::NotFound),
        Err(refusal) => {
            drop(txn);
            let current = load(&state, &id.to_string()).await?;
            page_with_status(
                StatusCode::CONFLICT,
                &DeletePage {
                    ctx,
                    page: current,
                    refusal: Some(refusal.message_key()),
                },
            )
        }
    }
}
