//! Debates: list, page with pro/contra comments, and staff forms to create,
//! edit and close a debate with a conclusion.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppResult, AppState, Ctx};
use serde::Deserialize;

use super::comments::CommentInput;
use super::text::{CommentView, comment_views};
use super::{field_errors, load};
use crate::debates::{self, DebateInput, StanceCounts};
use crate::domain::Feature;
use crate::entities::{debate, process};
use crate::policy::ParticipationAction;
use crate::store::{self, Target};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/debatten", get(list))
        .route(
            "/beteiligung/{slug}/debatten/neu",
            get(new_form).post(create),
        )
        .route("/beteiligung/{slug}/debatten/{id}", get(show))
        .route(
            "/beteiligung/{slug}/debatten/{id}/kommentare",
            post(comment),
        )
        .route(
            "/beteiligung/{slug}/debatten/{id}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/beteiligung/{slug}/debatten/{id}/abschliessen",
            post(close),
        )
}

pub struct DebateCard {
    pub id: i64,
    pub question: String,
    pub closed: bool,
    pub counts: StanceCounts,
    pub created: String,
}

#[derive(Template)]
#[template(path = "participation/debates.html")]
struct ListPage {
    ctx: Ctx,
    process: process::Model,
    cards: Vec<DebateCard>,
    can_manage: bool,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let items = debates::list(&state.db, p.process.id).await?;
    let counts =
        debates::stance_counts(&state.db, &items.iter().map(|d| d.id).collect::<Vec<_>>()).await?;
    let cards = items
        .into_iter()
        .map(|d| DebateCard {
            counts: counts.get(&d.id).copied().unwrap_or_default(),
            closed: debates::is_closed(&d),
            created: dias_core::time::format_date(d.created_at),
            id: d.id,
            question: d.question,
        })
        .collect();
    page(&ListPage {
        can_manage: ctx.can(&ParticipationAction::Manage),
        process: p.process,
        cards,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "participation/debate.html")]
struct DetailPage {
    ctx: Ctx,
    comment_action: String,
    process: process::Model,
    debate: debate::Model,
    description_html: String,
    conclusion_html: String,
    closed_date: String,
    counts: StanceCounts,
    comments: Vec<CommentView>,
    commenting_open: bool,
    can_manage: bool,
    errors: ShownErrors,
    comment_body: String,
    stance: String,
    conclusion: String,
}

/// What a refused form keeps.
#[derive(Default)]
struct DetailForm {
    errors: ShownErrors,
    comment_body: String,
    stance: String,
    conclusion: String,
}

async fn detail(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    id: i64,
    form: Option<DetailForm>,
    status: StatusCode,
) -> AppResult<Response> {
    let p = load(state, &ctx, slug).await?;
    let debate = debates::get(&state.db, p.process.id, id).await?;
    let comments = store::thread(&state.db, Target::Debate(id)).await?;
    let votes = crate::comments::votes_of(
        &state.db,
        ctx.principal().map(|p| p.user_id),
        &comments.iter().map(|c| c.id).collect::<Vec<_>>(),
    )
    .await?;
    let names = store::author_names(&state.db, comments.iter().map(|c| c.author_id)).await?;
    let counts = debates::stance_counts(&state.db, &[id])
        .await?
        .remove(&id)
        .unwrap_or_default();
    let form = form.unwrap_or_default();
    page_with_status(
        status,
        &DetailPage {
            comment_action: format!("/beteiligung/{slug}/debatten/{id}/kommentare"),
            description_html: dias_core::markdown::render(&debate.description_md),
            conclusion_html: debate
                .conclusion_md
                .as_deref()
                .map(dias_core::markdown::render)
                .unwrap_or_default(),
            closed_date: debate
                .closed_at
                .map(dias_core::time::format_date)
                .unwrap_or_default(),
            comments: comment_views(&ctx, comments, &names, false, &votes),
            commenting_open: p.is_open(Feature::Commenting) && !debates::is_closed(&debate),
            can_manage: ctx.can(&ParticipationAction::Manage),
            counts,
            errors: form.errors,
            comment_body: form.comment_body,
            stance: if form.stance.is_empty() {
                "neutral".into()
            } else {
                form.stance
            },
            conclusion: form.conclusion,
            process: p.process,
            debate,
            ctx,
        },
    )
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    detail(&state, ctx, &slug, id, None, StatusCode::OK).await
}

async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<CommentInput>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    match super::comments::post_comment(&state, &ctx, &p, Target::Debate(id), &input).await? {
        Ok(redirect) => Ok(redirect),
        Err(errors) => {
            let form = DetailForm {
                errors: ShownErrors::new(&ctx, &errors),
                comment_body: input.body,
                stance: input.stance,
                conclusion: String::new(),
            };
            detail(
                &state,
                ctx,
                &slug,
                id,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct CloseInput {
    #[serde(default)]
    conclusion: String,
}

async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<CloseInput>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    match field_errors(debates::close(&state.db, &me, p.process.id, id, &input.conclusion).await)? {
        Ok(()) => Ok(see_other(&format!(
            "/beteiligung/{slug}/debatten/{id}?hinweis=debatte-abgeschlossen"
        ))),
        Err(errors) => {
            let form = DetailForm {
                errors: ShownErrors::new(&ctx, &errors),
                conclusion: input.conclusion,
                ..DetailForm::default()
            };
            detail(
                &state,
                ctx,
                &slug,
                id,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

// ------------------------------------------------------------------ staff form

#[derive(Template)]
#[template(path = "participation/debate_form.html")]
struct FormPage {
    ctx: Ctx,
    process: process::Model,
    /// None for a new debate.
    debate_id: Option<i64>,
    closed: bool,
    errors: ShownErrors,
    question: String,
    description: String,
    conclusion: String,
}

impl FormPage {
    fn action(&self) -> String {
        match self.debate_id {
            Some(id) => format!(
                "/beteiligung/{}/debatten/{id}/bearbeiten",
                self.process.slug
            ),
            None => format!("/beteiligung/{}/debatten/neu", self.process.slug),
        }
    }
}

#[derive(Deserialize, Default)]
pub struct DebateForm {
    #[serde(default)]
    question: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    conclusion: String,
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    page(&FormPage {
        ctx,
        process: p.process,
        debate_id: None,
        closed: false,
        errors: ShownErrors::none(),
        question: String::new(),
        description: String::new(),
        conclusion: String::new(),
    })
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<DebateForm>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let new = DebateInput {
        question: input.question.clone(),
        description: input.description.clone(),
    };
    match field_errors(debates::create(&state.db, &me, p.process.id, &new).await)? {
        Ok(id) => Ok(see_other(&format!(
            "/beteiligung/{slug}/debatten/{id}?hinweis=debatte-gespeichert"
        ))),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                errors: ShownErrors::new(&ctx, &errors),
                process: p.process,
                debate_id: None,
                closed: false,
                question: input.question,
                description: input.description,
                conclusion: String::new(),
                ctx,
            },
        ),
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let d = debates::get(&state.db, p.process.id, id).await?;
    page(&FormPage {
        closed: debates::is_closed(&d),
        ctx,
        process: p.process,
        debate_id: Some(id),
        errors: ShownErrors::none(),
        question: d.question,
        description: d.description_md,
        conclusion: d.conclusion_md.unwrap_or_default(),
    })
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<DebateForm>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let d = debates::get(&state.db, p.process.id, id).await?;
    let new = DebateInput {
        question: input.question.clone(),
        description: input.description.clone(),
    };
    match field_errors(debates::update(&state.db, p.process.id, id, &new, &input.conclusion).await)?
    {
        Ok(()) => Ok(see_other(&format!(
            "/beteiligung/{slug}/debatten/{id}?hinweis=debatte-gespeichert"
        ))),
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &FormPage {
                errors: ShownErrors::new(&ctx, &errors),
                process: p.process,
                debate_id: Some(id),
                closed: debates::is_closed(&d),
                question: input.question,
                description: input.description,
                conclusion: input.conclusion,
                ctx,
            },
        ),
    }
}
