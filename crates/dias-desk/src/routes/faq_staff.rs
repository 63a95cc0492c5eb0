//! The FAQ in the Verwaltung (`DeskAction::Work`): publishing an answered
//! inquiry as an entry (`/anfragen/verwaltung/{id}/faq`, the form filled
//! with the anonymizing pre-fill of [`crate::faq::prefill`]), the list of
//! all entries, editing, publishing and withdrawing, deleting.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::faq::title_of;
use super::queue::{Choice, Segments, names, parse_id, topic_choices, topic_label};
use crate::faq::{self, Faq, FaqInput};
use crate::policy::DeskAction;
use crate::store::{self, Inquiry};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/anfragen/verwaltung/faq", get(list))
        .route(
            "/anfragen/verwaltung/faq/{id}/bearbeiten",
            get(edit_form).post(edit),
        )
        .route(
            "/anfragen/verwaltung/faq/{id}/sichtbarkeit",
            post(visibility),
        )
        .route("/anfragen/verwaltung/faq/{id}/loeschen", post(remove))
        .route("/anfragen/verwaltung/{id}/faq", get(new_form).post(create))
}

#[derive(Template)]
#[template(path = "desk/faq_form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: FaqInput,
    topics: Vec<Choice>,
    /// Publishing from this inquiry (new entry).
    inquiry: Option<Inquiry>,
    /// Editing this entry.
    entry: Option<Faq>,
}

impl FormPage {
    fn action(&self) -> String {
        match (&self.entry, &self.inquiry) {
            (Some(e), _) => format!("/anfragen/verwaltung/faq/{}/bearbeiten", e.id),
            (None, Some(i)) => format!("/anfragen/verwaltung/{}/faq", i.id),
            (None, None) => "/anfragen/verwaltung/faq".to_owned(),
        }
    }
}

fn form(
    ctx: Ctx,
    input: FaqInput,
    errors: ShownErrors,
    inquiry: Option<Inquiry>,
    entry: Option<Faq>,
) -> FormPage {
    FormPage {
        topics: topic_choices(&ctx, Some(input.topic.trim())),
        ctx,
        errors,
        input,
        inquiry,
        entry,
    }
}

/// The inquiry an entry is made from; anonymized ones have nothing left
/// to publish.
async fn source_inquiry(state: &AppState, id: &str) -> AppResult<Inquiry> {
    store::by_id(&state.db, parse_id(id)?)
        .await?
        .filter(|i| i.anonymized_at.is_none())
        .ok_or(AppError::NotFound)
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let inquiry = source_inquiry(&state, &id).await?;
    let reply = faq::latest_reply(&state.db, inquiry.id).await?;
    // The replying colleague's name is cut out too (signatures).
    let author = names(&state.db, reply.as_ref().and_then(|r| r.author_id)).await?;
    let author_names: Vec<&str> = author.iter().map(|(_, n)| n.as_str()).collect();
    let input = faq::prefill(
        &inquiry,
        reply.as_ref().map(|r| r.body.as_str()),
        &author_names,
    );
    page(&form(ctx, input, ShownErrors::none(), Some(inquiry), None))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let inquiry = source_inquiry(&state, &id).await?;
    let input = FaqInput::from_pairs(&pairs);
    match faq::validate(&input) {
        Ok(valid) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            let entry =
                faq::create(&txn, Some(inquiry.id), me, &valid, dias_core::time::now()).await?;
            dias_core::audit::record(
                &txn,
                Some(me),
                "desk.faq.create",
                "desk_faq",
                Some(&entry.id.to_string()),
                serde_json::json!({ "inquiry": inquiry.reference, "published": entry.published }),
            )
            .await?;
            txn.commit().await?;
            Ok(see_other(
                "/anfragen/verwaltung/faq?hinweis=desk-faq-created",
            ))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form(ctx, input, shown, Some(inquiry), None),
            )
        }
    }
}

async fn entry(state: &AppState, id: &str) -> AppResult<Faq> {
    faq::by_id(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let entry = entry(&state, &id).await?;
    let input = FaqInput::from_entry(&entry);
    page(&form(ctx, input, ShownErrors::none(), None, Some(entry)))
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let current = entry(&state, &id).await?;
    let input = FaqInput::from_pairs(&pairs);
    match faq::validate(&input) {
        Ok(valid) => {
            let txn = dias_core::db::begin_write(&state.db).await?;
            let saved = faq::update(&txn, current.id, &valid, dias_core::time::now())
                .await?
                .ok_or(AppError::NotFound)?;
            dias_core::audit::record(
                &txn,
                Some(me),
                "desk.faq.update",
                "desk_faq",
                Some(&saved.id.to_string()),
                serde_json::json!({ "published": saved.published }),
            )
            .await?;
            txn.commit().await?;
            Ok(see_other("/anfragen/verwaltung/faq?hinweis=desk-faq-saved"))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form(ctx, input, shown, None, Some(current)),
            )
        }
    }
}

async fn visibility(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let id = parse_id(&id)?;
    let published = match pairs.iter().find(|(k, _)| k == "veroeffentlicht") {
        Some((_, v)) if v == "1" => true,
        Some((_, v)) if v == "0" => false,
        _ => return Err(AppError::BadRequest("veroeffentlicht".into())),
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    if !faq::set_published(&txn, id, published, dias_core::time::now()).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        if published {
            "desk.faq.publish"
        } else {
            "desk.faq.withdraw"
        },
        "desk_faq",
        Some(&id.to_string()),
        serde_json::Value::Null,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(if published {
        "/anfragen/verwaltung/faq?hinweis=desk-faq-published"
    } else {
        "/anfragen/verwaltung/faq?hinweis=desk-faq-withdrawn"
    }))
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let id = parse_id(&id)?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    if !faq::delete(&txn, id).await? {
        return Err(AppError::NotFound);
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        "desk.faq.delete",
        "desk_faq",
        Some(&id.to_string()),
        serde_json::Value::Null,
    )
    .await?;
    txn.commit().await?;
    Ok(see_other(
        "/anfragen/verwaltung/faq?hinweis=desk-faq-deleted",
    ))
}

#[derive(Debug, Clone)]
struct Row {
    id: i64,
    slug: String,
    title: String,
    topic: String,
    position: i32,
    published: bool,
}

#[derive(Template)]
#[template(path = "desk/faq_staff.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<Row>,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let rows = faq::all(&state.db)
        .await?
        .into_iter()
        .map(|e| Row {
            id: e.id,
            title: title_of(&e.question),
            topic: topic_label(&ctx, &e.topic),
            slug: e.slug,
            position: e.position,
            published: e.published,
        })
        .collect();
    page(&ListPage { ctx, rows })
}
