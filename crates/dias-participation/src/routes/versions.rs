//! Text versions: list, comparison with word-level diffs, publishing a new
//! version from Markdown (staff) with the suggestions it takes in, and the
//! contributor's trace ("what became of my input").

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{field_errors, load};
use crate::domain::{self, DiffPart};
use crate::entities::{process, suggestion, text_version};
use crate::policy::ParticipationAction;
use crate::store::{self, ParagraphChange};

fn diff_view(old: &str, new: &str) -> Vec<(&'static str, String)> {
    domain::word_diff(old, new)
        .into_iter()
        .map(|part| match part {
            DiffPart::Same(t) => ("same", t),
            DiffPart::Removed(t) => ("removed", t),
            DiffPart::Added(t) => ("added", t),
        })
        .collect()
}

pub struct ChangeView {
    pub label: String,
    pub heading: String,
    pub anchor: String,
    pub diff: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "participation/versions.html")]
struct VersionsPage {
    ctx: Ctx,
    process: process::Model,
    versions: Vec<text_version::Model>,
    from: i32,
    to: i32,
    changes: Vec<ChangeView>,
    unchanged: usize,
    adopted: Vec<(suggestion::Model, String)>,
    can_manage: bool,
}

#[derive(Deserialize, Default)]
pub struct CompareParams {
    von: Option<i32>,
    bis: Option<i32>,
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(q): Query<CompareParams>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let versions = store::versions(&state.db, p.process.id).await?;
    let newest = versions.last().map(|v| v.number).unwrap_or(0);
    let to = q.bis.unwrap_or(newest);
    let from = q.von.unwrap_or((to - 1).max(1));
    let mut changes = Vec::new();
    let mut unchanged = 0;
    let mut adopted = Vec::new();
    if versions.len() > 1 && from != to {
        let old = store::version_by_number(&state.db, p.process.id, from).await?;
        let new = store::version_by_number(&state.db, p.process.id, to).await?;
        let old_paragraphs = store::paragraphs_of(&state.db, old.id).await?;
        let new_paragraphs = store::paragraphs_of(&state.db, new.id).await?;
        for change in store::compare(&old_paragraphs, &new_paragraphs) {
            let heading = |p: &crate::entities::paragraph::Model| {
                format!(
                    "{}. {} – {}",
                    p.chapter_no, p.chapter_title, p.section_title
                )
            };
            match change {
                ParagraphChange::Unchanged(_) => unchanged += 1,
                ParagraphChange::Changed { old, new } => changes.push(ChangeView {
                    label: ctx.t("change-changed"),
                    heading: heading(&new),
                    anchor: new.anchor.clone(),
                    diff: diff_view(&old.body_md, &new.body_md),
                }),
                ParagraphChange::Added(new) => changes.push(ChangeView {
                    label: ctx.t("change-added"),
                    heading: heading(&new),
                    anchor: new.anchor.clone(),
                    diff: vec![("added", new.body_md.clone())],
                }),
                ParagraphChange::Removed(old) => changes.push(ChangeView {
                    label: ctx.t("change-removed"),
                    heading: heading(&old),
                    anchor: old.anchor.clone(),
                    diff: vec![("removed", old.body_md.clone())],
                }),
            }
        }
        adopted = store::suggestions_adopted_in(&state.db, new.id)
            .await?
            .into_iter()
            .map(|s| {
                let label = ctx.t(&format!("suggestion-status-{}", s.status));
                (s, label)
            })
            .collect();
    } else if !versions.is_empty() && (from < 1 || to > newest) {
        return Err(AppError::NotFound);
    }
    page(&VersionsPage {
        can_manage: ctx.can(&ParticipationAction::Manage),
        process: p.process,
        versions,
        from,
        to,
        changes,
        unchanged,
        adopted,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "participation/version_form.html")]
struct VersionForm {
    ctx: Ctx,
    process: process::Model,
    errors: ShownErrors,
    problems: Vec<(usize, String)>,
    title: String,
    markdown: String,
    adoptable: Vec<(suggestion::Model, bool, String)>,
}

async fn version_form(
    state: &AppState,
    ctx: Ctx,
    process: process::Model,
    input: VersionInput,
    errors: ShownErrors,
    problems: Vec<(usize, String)>,
    status: StatusCode,
) -> AppResult<Response> {
    let adoptable = store::adoptable_suggestions(&state.db, process.id)
        .await?
        .into_iter()
        .map(|s| {
            let checked = input.adopt.contains(&s.id);
            let label = ctx.t(&format!("suggestion-status-{}", s.status));
            (s, checked, label)
        })
        .collect();
    page_with_status(
        status,
        &VersionForm {
            ctx,
            process,
            errors,
            problems,
            title: input.title,
            markdown: input.markdown,
            adoptable,
        },
    )
}

#[derive(Default)]
pub struct VersionInput {
    title: String,
    markdown: String,
    adopt: Vec<i64>,
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let markdown = match store::current_text(&state.db, p.process.id).await? {
        Some((_, paragraphs)) => store::to_markdown(&paragraphs),
        None => String::new(),
    };
    let input = VersionInput {
        title: ctx.t("version-default-title"),
        markdown,
        adopt: Vec::new(),
    };
    version_form(
        &state,
        ctx,
        p.process,
        input,
        ShownErrors::none(),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let mut input = VersionInput::default();
    for (key, value) in fields {
        match key.as_str() {
            "title" => input.title = value,
            "markdown" => input.markdown = value,
            "adopt" => input.adopt.extend(value.parse::<i64>().ok()),
            _ => {}
        }
    }
    // Structure problems refuse the whole version: a published text with
    // silently dropped paragraphs would be worse than none.
    let (_, problems) = domain::parse_strategy_markdown(&input.markdown);
    if !problems.is_empty() {
        let problems = problems
            .into_iter()
            .map(|pr| (pr.line, ctx.t(&pr.message)))
            .collect();
        let mut shown = ShownErrors::none();
        shown
            .items
            .push(("markdown".into(), ctx.t("error-import-problems")));
        return version_form(
            &state,
            ctx,
            p.process,
            input,
            shown,
            problems,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    match field_errors(
        store::import_version(
            &state.db,
            p.process.id,
            &input.title,
            &input.markdown,
            &input.adopt,
        )
        .await,
    )? {
        Ok((version_id, _)) => {
            dias_core::audit::record(
                &state.db,
                Some(me.user_id),
                "text.version_published",
                "text_version",
                Some(&version_id.to_string()),
                serde_json::json!({ "adopted": input.adopt }),
            )
            .await?;
            Ok(see_other(&format!(
                "/beteiligung/{slug}/fassungen?hinweis=fassung-veroeffentlicht"
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            version_form(
                &state,
                ctx,
                p.process,
                input,
                shown,
                Vec::new(),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub struct TraceItem {
    pub title: String,
    pub href: String,
    pub status: String,
    pub explanation: String,
}

#[derive(Template)]
#[template(path = "participation/mine.html")]
struct MinePage {
    ctx: Ctx,
    process: process::Model,
    proposals: Vec<TraceItem>,
    suggestions: Vec<TraceItem>,
    comments: usize,
}

pub async fn mine(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    let c = store::contributions_of(&state.db, p.process.id, me.user_id).await?;
    let proposals = c
        .proposals
        .into_iter()
        .map(|(prop, answer)| TraceItem {
            href: format!("/beteiligung/{slug}/vorschlaege/{}", prop.id),
            status: ctx.t(&format!("status-{}", prop.status)),
            explanation: answer
                .map(|a| dias_core::markdown::to_plain_text(&a.answer_md))
                .unwrap_or_else(|| ctx.t("trace-no-answer-yet")),
            title: prop.title,
        })
        .collect();
    let suggestions = c
        .suggestions
        .into_iter()
        .map(|(s, version)| TraceItem {
            title: s.new_text.chars().take(120).collect(),
            href: format!(
                "/beteiligung/{slug}/text/{}#aenderung-{}",
                s.paragraph_id, s.id
            ),
            status: ctx.t(&format!("suggestion-status-{}", s.status)),
            explanation: match version {
                Some(v) => ctx.t1(
                    "trace-adopted-in",
                    "version",
                    format!("{} {} ({})", ctx.t("version"), v.number, v.title),
                ),
                None => s
                    .decision_reason
                    .unwrap_or_else(|| ctx.t("trace-no-decision-yet")),
            },
        })
        .collect();
    page(&MinePage {
        ctx,
        process: p.process,
        proposals,
        suggestions,
        comments: c.comments.len(),
    })
}
