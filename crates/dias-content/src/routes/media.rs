//! The media library: the Redaktion's list with the upload form
//! (`/redaktion/medien`, multipart POST to [`crate::MEDIA_UPLOAD_PATH`]),
//! editing a medium's text, deleting one that nothing uses; and the public
//! address of every medium, `/medien/{id}/{key}/{filename}`.

use askama::Template;
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::media::{self, MediaItem, UploadInput};
use crate::policy::ContentAction;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/redaktion/medien", get(list))
        .route(crate::MEDIA_UPLOAD_PATH, post(upload))
        .route("/redaktion/medien/{id}", get(edit_form).post(edit))
        .route(
            "/redaktion/medien/{id}/loeschen",
            get(confirm_remove).post(remove),
        )
        .route("/medien/{id}/{key}/{filename}", get(serve))
}

fn parse_id(raw: &str) -> AppResult<i64> {
    raw.parse().map_err(|_| AppError::NotFound)
}

#[derive(Template)]
#[template(path = "content/media/list.html")]
struct ListPage {
    ctx: Ctx,
    items: Vec<MediaItem>,
    errors: ShownErrors,
    input: UploadInput,
    max_mb: usize,
}

async fn list_page(
    state: &AppState,
    ctx: Ctx,
    errors: ShownErrors,
    input: UploadInput,
) -> AppResult<ListPage> {
    Ok(ListPage {
        items: media::list(&state.db, None).await?,
        errors,
        input,
        max_mb: media::MAX_BYTES / (1024 * 1024),
        ctx,
    })
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    page(&list_page(&state, ctx, ShownErrors::none(), UploadInput::default()).await?)
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: MultipartForm,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let input = UploadInput {
        alt_text: form.text("alt_text"),
        description: form.text("description"),
    };
    let file = form
        .file("file")
        .map(|p| (p.filename.as_deref().unwrap_or_default(), &p.data[..]));
    match media::check_upload(file, &input) {
        Ok(new) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            let item = media::create(&txn, new, me, dias_core::time::now()).await?;
            dias_core::audit::record(
                &txn,
                Some(me),
                "content.media.upload",
                "content_media",
                Some(&item.id.to_string()),
                serde_json::json!({ "filename": item.filename, "kind": item.kind, "size": item.size }),
            )
            .await?;
            txn.commit().await?;
            Ok(see_other(&format!(
                "/redaktion/medien/{}?hinweis=content-media-uploaded",
                item.id
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &list_page(&state, ctx, shown, input).await?,
            )
        }
    }
}

#[derive(Template)]
#[template(path = "content/media/edit.html")]
struct EditPage {
    ctx: Ctx,
    item: MediaItem,
    text: String,
    errors: ShownErrors,
    /// Where the medium is used: (title, path).
    usages: Vec<(String, String)>,
    /// A delete was refused because of [`EditPage::usages`].
    refused: bool,
}

async fn item(state: &AppState, id: &str) -> AppResult<MediaItem> {
    media::item(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let item = item(&state, &id).await?;
    let usages = media::usages(&state.db, &item).await?;
    page(&EditPage {
        text: item.text().to_owned(),
        ctx,
        item,
        errors: ShownErrors::none(),
        usages,
        refused: false,
    })
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ContentAction::Edit)?.user()?.user_id;
    let item = item(&state, &id).await?;
    let field = if item.is_image() {
        "alt_text"
    } else {
        "description"
    };
    let typed = pairs
        .iter()
        .find(|(k, _)| k == field)
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    match media::check_text_edit(&item, &typed) {
        Ok(text) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            media::set_text(&txn, &item, &text).await?;
            dias_core::audit::record(
                &txn,
                Some(me),
                "content.media.update",
                "content_media",
                Some(&item.id.to_string()),
                serde_json::json!({ "field": field }),
            )
            .await?;
            txn.commit().await?;
            Ok(see_other(&format!(
                "/redaktion/medien/{}?hinweis=content-media-saved",
                item.id
            )))
        }
        Err(errors) => {
            let usages = media::usages(&state.db, &item).await?;
            let shown = ShownErrors::new(&ctx, &errors);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &EditPage {
                    ctx,
                    item,
                    text: typed,
                    errors: shown,
                    usages,
                    refused: false,
                },
            )
        }
    }
}

async fn confirm_remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ContentAction::Edit)?;
    let item = item(&state, &id).await?;
    let path = format!("/redaktion/medien/{}/loeschen", item.id);
    super::DeletePage {
        heading: ctx.t("content-media-delete"),
        question: ctx.t1(
            "content-media-delete-question",
            "name",
            item.filename.clone(),
        ),
        button: ctx.t("content-media-delete"),
        back: format!("/redaktion/medien/{}", item.id),
        crumbs: vec![
            ("/redaktion/medien".to_owned(), ctx.t("content-media-title")),
            (path.clone(), ctx.t("content-media-delete")),
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
    let item = item(&state, &id).await?;
    if super::unconfirmed(&pairs) {
        return Ok(see_other(&format!(
            "/redaktion/medien/{}/loeschen",
            item.id
        )));
    }
    let txn = dias_core::db::begin_write(&state.db).await?;
    let usages = media::usages(&txn, &item).await?;
    if !usages.is_empty() {
        txn.rollback().await?;
        return page_with_status(
            StatusCode::CONFLICT,
            &EditPage {
                text: item.text().to_owned(),
                ctx,
                item,
                errors: ShownErrors::none(),
                usages,
                refused: true,
            },
        );
    }
    if !media::delete(&txn, item.id).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        "content.media.delete",
        "content_media",
        Some(&item.id.to_string()),
        serde_json::json!({ "filename": item.filename }),
    )
    .await?;
    txn.commit().await?;
    Ok(see_other("/redaktion/medien?hinweis=content-media-deleted"))
}

/// A medium at its public address: images inline, files as downloads;
/// the type found at upload, never sniffed by the browser. The address is
/// checked (id, key from the bytes, file name) before the bytes are read.
/// Kept for a day, not for ever: a deleted medium leaves caches soon.
async fn serve(
    State(state): State<AppState>,
    Path((id, key, filename)): Path<(String, String, String)>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let stored = media::at_address(&state.db, id, &key, &filename)
        .await?
        .ok_or(AppError::NotFound)?;
    let data = media::data(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut response = (StatusCode::OK, Body::from(data)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&stored.mime)
            .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=86400"),
    );
    if stored.kind != media::IMAGE {
        headers.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&dias_web::download::content_disposition(&stored.filename))
                .unwrap_or_else(|_| HeaderValue::from_static("attachment")),
        );
    }
    Ok(response)
}
