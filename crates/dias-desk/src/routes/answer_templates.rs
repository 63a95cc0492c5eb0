//! `/anfragen/verwaltung/textbausteine`: answer templates staff keep for
//! recurring questions — list, create, edit, delete. Anyone who works the
//! queues may keep them (`DeskAction::Work`).

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::queue::{Choice, Segments, parse_id, topic_choices, topic_label};
use crate::answer_templates::{self, AnswerTemplate};
use crate::policy::DeskAction;

const LIST: &str = "/anfragen/verwaltung/textbausteine";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(LIST, get(list).post(create))
        .route("/anfragen/verwaltung/textbausteine/neu", get(new))
        .route(
            "/anfragen/verwaltung/textbausteine/{id}",
            get(edit).post(update),
        )
        .route(
            "/anfragen/verwaltung/textbausteine/{id}/loeschen",
            axum::routing::post(delete),
        )
}

/// A template in the list.
#[derive(Debug, Clone)]
struct TemplateView {
    id: i64,
    title: String,
    topic: String,
    excerpt: String,
}

#[derive(Template)]
#[template(path = "desk/staff_templates.html")]
struct ListPage {
    ctx: Ctx,
    crumbs: Vec<(String, String)>,
    templates: Vec<TemplateView>,
}

#[derive(Deserialize, Default, Clone, Debug)]
struct TemplateInput {
    #[serde(default)]
    titel: String,
    #[serde(default)]
    thema: String,
    #[serde(default)]
    text: String,
}

#[derive(Template)]
#[template(path = "desk/staff_template_form.html")]
struct FormPage {
    ctx: Ctx,
    crumbs: Vec<(String, String)>,
    errors: ShownErrors,
    /// The template being edited; `None` for a new one.
    id: Option<i64>,
    input: TemplateInput,
    topic_choices: Vec<Choice>,
}

fn excerpt(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() > 140 {
        format!("{}…", flat.chars().take(140).collect::<String>())
    } else {
        flat
    }
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let templates = answer_templates::list(&state.db)
        .await?
        .iter()
        .map(|t| TemplateView {
            id: t.id,
            title: t.title.clone(),
            topic: match t.topic.as_deref() {
                Some(key) => topic_label(&ctx, key),
                None => ctx.t("desk-staff-template-all-topics"),
            },
            excerpt: excerpt(&t.body),
        })
        .collect();
    page(&ListPage {
        crumbs: vec![(LIST.to_owned(), ctx.t("desk-staff-nav-templates"))],
        ctx,
        templates,
    })
}

fn form_page(ctx: Ctx, errors: ShownErrors, id: Option<i64>, input: TemplateInput) -> FormPage {
    let (href, title) = match id {
        Some(id) => (
            format!("{LIST}/{id}"),
            ctx.t("desk-staff-template-edit-title"),
        ),
        None => (
            format!("{LIST}/neu"),
            ctx.t("desk-staff-template-new-title"),
        ),
    };
    FormPage {
        crumbs: vec![
            (LIST.to_owned(), ctx.t("desk-staff-nav-templates")),
            (href, title),
        ],
        topic_choices: topic_choices(&ctx, Some(input.thema.trim())),
        errors,
        id,
        input,
        ctx,
    }
}

async fn new(ctx: Ctx) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    page(&form_page(
        ctx,
        ShownErrors::none(),
        None,
        TemplateInput::default(),
    ))
}

async fn found(state: &AppState, raw: &str) -> AppResult<AnswerTemplate> {
    answer_templates::by_id(&state.db, parse_id(raw)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let template = found(&state, &id).await?;
    let input = TemplateInput {
        titel: template.title,
        thema: template.topic.unwrap_or_default(),
        text: template.body,
    };
    page(&form_page(
        ctx,
        ShownErrors::none(),
        Some(template.id),
        input,
    ))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<TemplateInput>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let draft = match answer_templates::check(&input.titel, &input.thema, &input.text) {
        Ok(draft) => draft,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(ctx, shown, None, input),
            );
        }
    };
    answer_templates::create(&state.db, &draft, Some(me), dias_core::time::now()).await?;
    Ok(see_other(&format!(
        "{LIST}?hinweis=desk-staff-template-created"
    )))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(input): Form<TemplateInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let template = found(&state, &id).await?;
    let draft = match answer_templates::check(&input.titel, &input.thema, &input.text) {
        Ok(draft) => draft,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(ctx, shown, Some(template.id), input),
            );
        }
    };
    if !answer_templates::update(&state.db, template.id, &draft, dias_core::time::now()).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "{LIST}?hinweis=desk-staff-template-saved"
    )))
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    // Pressed twice (or on a stale page): nothing left to delete, same result.
    answer_templates::delete(&state.db, parse_id(&id)?).await?;
    Ok(see_other(&format!(
        "{LIST}?hinweis=desk-staff-template-deleted"
    )))
}
