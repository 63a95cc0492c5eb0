//! Publications in the Redaktion (`ContentAction::Edit`): the list, the
//! form for a new publication and for editing one (409 with the typed text
//! kept when someone saved in between), the PDF upload (multipart, a form
//! of its own posting to [`crate::PUBLICATION_FILE_PATH`]) and deleting
//! after a confirmation page.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::policy::ContentAction;
use crate::publications::{
    self, AUDIT_CREATE, AUDIT_DELETE, AUDIT_FILE, AUDIT_KIND, AUDIT_UPDATE, AUDIT_WITHDRAW,
    FileInfo, LANGUAGES, Publication, PublicationInput, Saved,
};
use crate::publishing::{is_live, is_scheduled};
use crate::vocab::{Licence, PublicationKind, Status, Topic};

const LIST: &str = "/redaktion/publikationen";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(LIST, get(list))
        .route("/redaktion/publikationen/neu", get(new_form).post(create))
        .route(crate::PUBLICATION_FILE_PATH, post(upload))
        .route("/redaktion/publikationen/{id}", get(edit_form).post(edit))
        .route(
            "/redaktion/publikationen/{id}/loeschen",
            get(confirm_delete).post(remove),
        )
}

fn parse_id(raw: &str) -> AppResult<i64> {
    raw.trim().parse().map_err(|_| AppError::NotFound)
}

fn edit_path(id: i64) -> String {
    format!("{LIST}/{id}")
}

/// An option of a select or a checkbox.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// Where a publication stands, for staff.
fn state_label(ctx: &Ctx, p: &Publication, now: i64) -> String {
    if is_live(&p.status, p.publish_at, now) {
        ctx.t("content-pub-state-live")
    } else if is_scheduled(&p.status, p.publish_at, now) {
        ctx.t1(
            "content-pub-state-scheduled",
            "at",
            ctx.format_datetime(&p.publish_at.unwrap_or_default()),
        )
    } else {
        ctx.t("content-pub-state-draft")
    }
}

// -------------------------------------------------------------------- list

struct Row {
    id: i64,
    title: String,
    slug: String,
    kind: String,
    year: i32,
    state: String,
    live: bool,
    file: Option<String>,
    updated_at: i64,
}

#[derive(Template)]
#[template(path = "content/publications/staff_list.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let now = dias_core::time::now();
    let all = publications::all(&state.db).await?;
    let ids: Vec<i64> = all.iter().map(|p| p.id).collect();
    let files = publications::file_info(&state.db, &ids).await?;
    let rows = all
        .iter()
        .map(|p| Row {
            id: p.id,
            title: p.title.clone(),
            slug: p.slug.clone(),
            kind: PublicationKind::parse(&p.kind)
                .map(|k| ctx.t(k.label_key()))
                .unwrap_or_default(),
            year: p.year,
            state: state_label(&ctx, p, now),
            live: is_live(&p.status, p.publish_at, now),
            file: files
                .get(&p.id)
                .map(|f| publications::human_size(f.size, ctx.locale())),
            updated_at: p.updated_at,
        })
        .collect();
    page(&ListPage { ctx, rows })
}

// -------------------------------------------------------------------- form

#[derive(Template)]
#[template(path = "content/publications/form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    file_errors: ShownErrors,
    input: PublicationInput,
    /// Editing this publication (else a new one).
    entry: Option<Publication>,
    file: Option<FileInfo>,
    file_size: String,
    /// Where the publication stands now.
    state: String,
    live: bool,
    /// The slug can no longer change.
    slug_fixed: bool,
    /// Someone else saved since the form was loaded (409).
    conflict: bool,
    kinds: Vec<Choice>,
    topics: Vec<Choice>,
    licences: Vec<Choice>,
    languages: Vec<Choice>,
    statuses: Vec<Choice>,
    max_mb: usize,
}

impl FormPage {
    fn action(&self) -> String {
        match &self.entry {
            Some(p) => edit_path(p.id),
            None => "/redaktion/publikationen/neu".to_owned(),
        }
    }

    fn upload_path(&self) -> &'static str {
        crate::PUBLICATION_FILE_PATH
    }

    fn title(&self) -> String {
        match &self.entry {
            Some(_) => self.ctx.t("content-pub-edit-title"),
            None => self.ctx.t("content-pub-new-title"),
        }
    }
}

fn choices<T: Copy>(
    ctx: &Ctx,
    all: &[T],
    key: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
    selected: impl Fn(&str) -> bool,
) -> Vec<Choice> {
    all.iter()
        .map(|&v| Choice {
            value: key(v).to_owned(),
            label: ctx.t(label(v)),
            selected: selected(key(v)),
        })
        .collect()
}

struct FormState {
    errors: ShownErrors,
    file_errors: ShownErrors,
    conflict: bool,
}

impl FormState {
    fn clean() -> Self {
        FormState {
            errors: ShownErrors::none(),
            file_errors: ShownErrors::none(),
            conflict: false,
        }
    }
}

async fn form(
    state: &AppState,
    ctx: Ctx,
    input: PublicationInput,
    entry: Option<Publication>,
    shown: FormState,
) -> AppResult<FormPage> {
    let now = dias_core::time::now();
    let (file, slug_fixed, state_text, live) = match &entry {
        Some(p) => (
            publications::file_info(&state.db, &[p.id])
                .await?
                .remove(&p.id),
            publications::has_been_live(p, now),
            state_label(&ctx, p, now),
            is_live(&p.status, p.publish_at, now),
        ),
        None => (None, false, String::new(), false),
    };
    let file_size = file
        .as_ref()
        .map(|f| publications::human_size(f.size, ctx.locale()))
        .unwrap_or_default();
    Ok(FormPage {
        kinds: choices(
            &ctx,
            PublicationKind::ALL,
            PublicationKind::key,
            PublicationKind::label_key,
            |k| k == input.kind,
        ),
        topics: choices(&ctx, Topic::ALL, Topic::key, Topic::label_key, |k| {
            input.has_topic(k)
        }),
        licences: choices(&ctx, Licence::ALL, Licence::key, Licence::label_key, |k| {
            k == input.licence
        }),
        languages: LANGUAGES
            .iter()
            .map(|&l| Choice {
                value: l.to_owned(),
                label: ctx.t(&format!("content-pub-lang-{l}")),
                selected: l == input.lang,
            })
            .collect(),
        statuses: choices(&ctx, Status::ALL, Status::key, Status::label_key, |k| {
            k == input.status
        }),
        max_mb: publications::MAX_PDF_BYTES / 1024 / 1024,
        errors: shown.errors,
        file_errors: shown.file_errors,
        conflict: shown.conflict,
        file,
        file_size,
        state: state_text,
        live,
        slug_fixed,
        input,
        entry,
        ctx,
    })
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let input = PublicationInput::blank(dias_core::time::now());
    page(&form(&state, ctx, input, None, FormState::clean()).await?)
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let input = PublicationInput::from_pairs(&pairs);
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(&state.db).await?;
    let facts = publications::facts(&txn, None, now).await?;
    match publications::validate(&input, &facts, now) {
        Ok(valid) => {
            let saved = publications::create(&txn, &valid, Some(me), now).await?;
            dias_core::audit::record(
                &txn,
                Some(me),
                AUDIT_CREATE,
                AUDIT_KIND,
                Some(&saved.id.to_string()),
                serde_json::json!({ "slug": saved.slug, "status": saved.status }),
            )
            .await?;
            txn.commit().await?;
            crate::site::invalidate();
            Ok(see_other(&format!(
                "{}?hinweis=content-pub-created",
                edit_path(saved.id)
            )))
        }
        Err(errors) => {
            drop(txn);
            let shown = FormState {
                errors: ShownErrors::new(&ctx, &errors),
                ..FormState::clean()
            };
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form(&state, ctx, input, None, shown).await?,
            )
        }
    }
}

async fn current(state: &AppState, id: &str) -> AppResult<Publication> {
    publications::by_id(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let entry = current(&state, &id).await?;
    let input = PublicationInput::from_model(&entry);
    page(&form(&state, ctx, input, Some(entry), FormState::clean()).await?)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let entry = current(&state, &id).await?;
    let mut input = PublicationInput::from_pairs(&pairs);
    let revision: i32 = input
        .revision
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("revision".into()))?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(&state.db).await?;
    let facts = publications::facts(&txn, Some(&entry), now).await?;
    let valid = match publications::validate(&input, &facts, now) {
        Ok(valid) => valid,
        Err(errors) => {
            drop(txn);
            // A stale form is told as such first: its errors may be moot.
            let conflict = revision != entry.revision;
            if conflict {
                input.revision = entry.revision.to_string();
            }
            let shown = FormState {
                errors: ShownErrors::new(&ctx, &errors),
                file_errors: ShownErrors::none(),
                conflict,
            };
            let status = if conflict {
                StatusCode::CONFLICT
            } else {
                StatusCode::UNPROCESSABLE_ENTITY
            };
            return page_with_status(status, &form(&state, ctx, input, Some(entry), shown).await?);
        }
    };
    match publications::update(&txn, entry.id, revision, &valid, now).await? {
        Saved::Done { saved, withdrawn } => {
            dias_core::audit::record(
                &txn,
                Some(me),
                AUDIT_UPDATE,
                AUDIT_KIND,
                Some(&saved.id.to_string()),
                serde_json::json!({ "slug": saved.slug, "status": saved.status, "revision": saved.revision }),
            )
            .await?;
            if withdrawn {
                dias_core::audit::record(
                    &txn,
                    Some(me),
                    AUDIT_WITHDRAW,
                    AUDIT_KIND,
                    Some(&saved.id.to_string()),
                    serde_json::json!({ "slug": saved.slug }),
                )
                .await?;
            }
            txn.commit().await?;
            crate::site::invalidate();
            Ok(see_other(&format!(
                "{}?hinweis=content-pub-saved",
                edit_path(saved.id)
            )))
        }
        Saved::Stale => {
            drop(txn);
            let fresh = current(&state, &id).await?;
            // Sending again now saves over the newer state, knowingly.
            input.revision = fresh.revision.to_string();
            let shown = FormState {
                conflict: true,
                ..FormState::clean()
            };
            page_with_status(
                StatusCode::CONFLICT,
                &form(&state, ctx, input, Some(fresh), shown).await?,
            )
        }
        Saved::NotFound => Err(AppError::NotFound),
    }
}

// ------------------------------------------------------------------ upload

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    multipart: MultipartForm,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let entry = current(&state, &multipart.text("publication")).await?;
    let checked = match multipart.file("file") {
        None => Err("content-pub-error-file-missing"),
        Some(part) => publications::check_pdf(part.filename.as_deref().unwrap_or(""), &part.data),
    };
    let pdf = match checked {
        Ok(pdf) => pdf,
        Err(message) => {
            // Nothing stored; the current file (if any) stays.
            let shown = FormState {
                file_errors: ShownErrors::new(&ctx, &FieldErrors::single("file", message)),
                ..FormState::clean()
            };
            let input = PublicationInput::from_model(&entry);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form(&state, ctx, input, Some(entry), shown).await?,
            );
        }
    };
    let now = dias_core::time::now();
    let (filename, size) = (pdf.filename.clone(), pdf.bytes.len());
    let txn = dias_core::db::begin_write(&state.db).await?;
    publications::store_file(&txn, entry.id, pdf, Some(me), now).await?;
    dias_core::audit::record(
        &txn,
        Some(me),
        AUDIT_FILE,
        AUDIT_KIND,
        Some(&entry.id.to_string()),
        serde_json::json!({ "filename": filename, "size": size }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(&format!(
        "{}?hinweis=content-pub-file-saved#datei",
        edit_path(entry.id)
    )))
}

// ------------------------------------------------------------------ delete

#[derive(Template)]
#[template(path = "content/publications/delete.html")]
struct DeletePage {
    ctx: Ctx,
    entry: Publication,
    live: bool,
}

async fn confirm_delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let entry = current(&state, &id).await?;
    let live = is_live(&entry.status, entry.publish_at, dias_core::time::now());
    page(&DeletePage { ctx, entry, live })
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let entry = current(&state, &id).await?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    if !publications::delete(&txn, entry.id).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        AUDIT_DELETE,
        AUDIT_KIND,
        Some(&entry.id.to_string()),
        serde_json::json!({ "slug": entry.slug, "title": entry.title }),
    )
    .await?;
    txn.commit().await?;
    crate::site::invalidate();
    Ok(see_other(&format!("{LIST}?hinweis=content-pub-deleted")))
}
