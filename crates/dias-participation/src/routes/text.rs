//! The strategy text: reading view, paragraph pages with comments and change
//! suggestions, and staff decisions.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::comments::CommentInput;
use super::{field_errors, load};
use crate::domain::{self, DiffPart, Feature};
use crate::entities::{paragraph, process, suggestion, text_version};
use crate::policy::ParticipationAction;
use crate::store::{self, Target};

pub struct Section {
    pub chapter_no: i32,
    pub chapter_title: String,
    pub new_chapter: bool,
    pub section_title: String,
    pub paragraphs: Vec<(paragraph::Model, String, i64, i64)>,
}

#[derive(Template)]
#[template(path = "participation/text.html")]
struct TextPage {
    ctx: Ctx,
    process: process::Model,
    version: Option<text_version::Model>,
    sections: Vec<Section>,
    versions: Vec<text_version::Model>,
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let versions = store::versions(&state.db, p.process.id).await?;
    let Some((version, paragraphs)) = store::current_text(&state.db, p.process.id).await? else {
        return page(&TextPage {
            ctx,
            process: p.process,
            version: None,
            sections: Vec::new(),
            versions,
        });
    };
    // Contributions belong to a paragraph's anchor across versions: count
    // those on every version's paragraph with the same anchor.
    let anchors: Vec<String> = paragraphs.iter().map(|p| p.anchor.clone()).collect();
    let all_versions = store::paragraphs_with_anchors(&state.db, p.process.id, &anchors).await?;
    let ids: Vec<i64> = all_versions.iter().map(|p| p.id).collect();
    let comments_by_id = store::comment_counts(&state.db, store::KIND_PARAGRAPH, &ids).await?;
    let suggestions_by_id = store::suggestion_counts(&state.db, &ids).await?;
    let current_id: std::collections::HashMap<&str, i64> = paragraphs
        .iter()
        .map(|p| (p.anchor.as_str(), p.id))
        .collect();
    let mut comments: HashMap<i64, i64> = HashMap::new();
    let mut suggestions: HashMap<i64, i64> = HashMap::new();
    for other in &all_versions {
        if let Some(&id) = current_id.get(other.anchor.as_str()) {
            *comments.entry(id).or_default() += comments_by_id.get(&other.id).copied().unwrap_or(0);
            *suggestions.entry(id).or_default() +=
                suggestions_by_id.get(&other.id).copied().unwrap_or(0);
        }
    }
    let mut sections: Vec<Section> = Vec::new();
    for para in paragraphs {
        let key = (para.chapter_no, para.section_no);
        let html = dias_core::markdown::render(&para.body_md);
        let counts = (
            comments.get(&para.id).copied().unwrap_or(0),
            suggestions.get(&para.id).copied().unwrap_or(0),
        );
        match sections.last_mut() {
            Some(s)
                if (
                    s.chapter_no,
                    s.paragraphs.first().map(|p| p.0.section_no).unwrap_or(0),
                ) == key =>
            {
                s.paragraphs.push((para, html, counts.0, counts.1));
            }
            last => {
                let new_chapter = last.is_none_or(|s| s.chapter_no != para.chapter_no);
                sections.push(Section {
                    chapter_no: para.chapter_no,
                    chapter_title: para.chapter_title.clone(),
                    new_chapter,
                    section_title: para.section_title.clone(),
                    paragraphs: vec![(para, html, counts.0, counts.1)],
                });
            }
        }
    }
    page(&TextPage {
        ctx,
        process: p.process,
        version: Some(version),
        sections,
        versions,
    })
}

pub struct CommentView {
    pub id: i64,
    pub depth: i32,
    pub author: String,
    pub body: String,
    pub removed: bool,
    pub label: String,
    pub created: String,
    /// Written by the viewer (no "Melden" form for one's own content).
    pub is_own: bool,
    /// Deleted by its author (rather than hidden by moderation).
    pub deleted: bool,
    pub upvotes: i32,
    pub voted: bool,
    pub editable: bool,
    pub edited: bool,
}

pub fn comment_views(
    ctx: &Ctx,
    comments: Vec<crate::entities::comment::Model>,
    names: &HashMap<i64, String>,
    with_category: bool,
    votes: &std::collections::HashSet<i64>,
) -> Vec<CommentView> {
    let me = ctx.principal().map(|p| p.user_id);
    let now = dias_core::time::now();
    comments
        .into_iter()
        .map(|c| {
            let removed = c.deleted_at.is_some() || c.hidden_at.is_some();
            let label = if with_category {
                c.category
                    .as_deref()
                    .map(|k| ctx.t(&format!("category-{k}")))
                    .unwrap_or_default()
            } else {
                ctx.t(&format!("stance-{}", c.stance))
            };
            let editable = crate::comments::editable(&c, me, now);
            CommentView {
                id: c.id,
                depth: c.depth,
                author: if removed {
                    String::new()
                } else {
                    names.get(&c.author_id).cloned().unwrap_or_default()
                },
                body: if removed { String::new() } else { c.body },
                removed,
                label,
                created: dias_core::time::format_datetime(c.created_at),
                is_own: me == Some(c.author_id),
                deleted: c.deleted_at.is_some(),
                upvotes: c.upvotes,
                voted: votes.contains(&c.id),
                editable,
                edited: c.edited_at.is_some(),
            }
        })
        .collect()
}

pub struct SuggestionView {
    pub id: i64,
    pub author: String,
    /// ("same" | "removed" | "added", text)
    pub diff: Vec<(&'static str, String)>,
    pub reason: String,
    pub status: String,
    pub status_label: String,
    pub decision_reason: String,
    pub supports: i32,
    pub supported_by_me: bool,
    /// The viewer follows it.
    pub followed: bool,
    /// Written by the viewer (no "Melden" form for one's own content).
    pub is_own: bool,
}

#[derive(Template)]
#[template(path = "participation/paragraph.html")]
struct ParagraphPage {
    ctx: Ctx,
    comment_action: String,
    process: process::Model,
    paragraph: paragraph::Model,
    version: text_version::Model,
    body_html: String,
    comments: Vec<CommentView>,
    suggestions: Vec<SuggestionView>,
    commenting_open: bool,
    suggesting_open: bool,
    supporting_open: bool,
    can_manage: bool,
    errors: ShownErrors,
    comment_body: String,
    comment_category: String,
    new_text: String,
    reason: String,
    categories: Vec<(String, String)>,
}

struct ParagraphForm {
    errors: ShownErrors,
    comment_body: String,
    comment_category: String,
    new_text: String,
    reason: String,
}

async fn paragraph_page(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    pid: i64,
    form: Option<ParagraphForm>,
    status: StatusCode,
) -> AppResult<Response> {
    let p = load(state, &ctx, slug).await?;
    let (para, version) = store::paragraph(&state.db, p.process.id, pid).await?;
    // An older version's paragraph leads to the same paragraph in the current text.
    if let Some(newer) = store::newer_paragraph(&state.db, p.process.id, &para).await? {
        return Ok(see_other(&format!("/beteiligung/{slug}/text/{newer}")));
    }
    let same_anchor =
        store::paragraphs_with_anchors(&state.db, p.process.id, std::slice::from_ref(&para.anchor))
            .await?;
    let ids: Vec<i64> = same_anchor.iter().map(|p| p.id).collect();
    let wording: HashMap<i64, String> =
        same_anchor.into_iter().map(|p| (p.id, p.body_md)).collect();
    let comments = store::thread_in(&state.db, store::KIND_PARAGRAPH, &ids).await?;
    let votes = crate::comments::votes_of(
        &state.db,
        ctx.principal().map(|p| p.user_id),
        &comments.iter().map(|c| c.id).collect::<Vec<_>>(),
    )
    .await?;
    let suggestions = store::suggestions_for(&state.db, &ids).await?;
    let names = store::author_names(
        &state.db,
        comments
            .iter()
            .map(|c| c.author_id)
            .chain(suggestions.iter().map(|s| s.author_id)),
    )
    .await?;
    let followed = match ctx.principal() {
        Some(me) => {
            dias_core::notifications::following(
                &state.db,
                me.user_id,
                crate::notify::FOLLOW_SUGGESTION,
                &suggestions.iter().map(|s| s.id).collect::<Vec<_>>(),
            )
            .await?
        }
        None => Default::default(),
    };
    let mine: Vec<i64> = match ctx.principal() {
        Some(me) => {
            use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
            crate::entities::suggestion_support::Entity::find()
                .filter(crate::entities::suggestion_support::Column::UserId.eq(me.user_id))
                .filter(
                    crate::entities::suggestion_support::Column::SuggestionId
                        .is_in(suggestions.iter().map(|s| s.id).collect::<Vec<_>>()),
                )
                .all(&state.db)
                .await?
                .into_iter()
                .map(|s| s.suggestion_id)
                .collect()
        }
        None => Vec::new(),
    };
    let suggestions = suggestions
        .into_iter()
        .map(|s: suggestion::Model| SuggestionView {
            id: s.id,
            author: names.get(&s.author_id).cloned().unwrap_or_default(),
            // Against the wording the suggestion was made on.
            diff: domain::word_diff(
                wording.get(&s.paragraph_id).unwrap_or(&para.body_md),
                &s.new_text,
            )
            .into_iter()
            .map(|part| match part {
                DiffPart::Same(t) => ("same", t),
                DiffPart::Removed(t) => ("removed", t),
                DiffPart::Added(t) => ("added", t),
            })
            .collect(),
            reason: s.reason,
            status_label: ctx.t(&format!("suggestion-status-{}", s.status)),
            status: s.status,
            decision_reason: s.decision_reason.unwrap_or_default(),
            supports: s.supports_count,
            supported_by_me: mine.contains(&s.id),
            followed: followed.contains(&s.id),
            is_own: ctx.principal().is_some_and(|me| me.user_id == s.author_id),
        })
        .collect();
    let form = form.unwrap_or(ParagraphForm {
        errors: ShownErrors::none(),
        comment_body: String::new(),
        comment_category: "anregung".into(),
        new_text: para.body_md.clone(),
        reason: String::new(),
    });
    let categories = domain::CATEGORIES
        .iter()
        .map(|c| (c.to_string(), ctx.t(&format!("category-{c}"))))
        .collect();
    page_with_status(
        status,
        &ParagraphPage {
            comments: comment_views(&ctx, comments, &names, true, &votes),
            comment_action: format!("/beteiligung/{slug}/text/{pid}/kommentare"),
            suggestions,
            commenting_open: p.is_open(Feature::Commenting),
            suggesting_open: p.is_open(Feature::Suggestions),
            supporting_open: p.is_open(Feature::Supporting),
            can_manage: ctx.can(&ParticipationAction::Manage),
            body_html: dias_core::markdown::render(&para.body_md),
            errors: form.errors,
            comment_body: form.comment_body,
            comment_category: form.comment_category,
            new_text: form.new_text,
            reason: form.reason,
            categories,
            process: p.process,
            paragraph: para,
            version,
            ctx,
        },
    )
}

pub async fn paragraph(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, pid)): Path<(String, i64)>,
) -> AppResult<Response> {
    paragraph_page(&state, ctx, &slug, pid, None, StatusCode::OK).await
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, pid)): Path<(String, i64)>,
    Form(input): Form<CommentInput>,
) -> AppResult<Response> {
    // Who may comment at all is decided first: a visitor is sent to sign in,
    // whichever version the paragraph belongs to.
    ctx.require(&ParticipationAction::Contribute)?;
    let p = load(&state, &ctx, &slug).await?;
    let (para, _) = store::paragraph(&state.db, p.process.id, pid).await?;
    if store::newer_paragraph(&state.db, p.process.id, &para)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict("paragraph-outdated".into()));
    }
    match super::comments::post_comment(&state, &ctx, &p, Target::Paragraph(pid), &input).await? {
        Ok(redirect) => Ok(redirect),
        Err(errors) => {
            let form = ParagraphForm {
                errors: ShownErrors::new(&ctx, &errors),
                comment_body: input.body,
                comment_category: input.category,
                new_text: String::new(),
                reason: String::new(),
            };
            paragraph_page(
                &state,
                ctx,
                &slug,
                pid,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct SuggestInput {
    #[serde(default)]
    new_text: String,
    #[serde(default)]
    reason: String,
}

pub async fn suggest(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, pid)): Path<(String, i64)>,
    Form(input): Form<SuggestInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    let (para, _) = store::paragraph(&state.db, p.process.id, pid).await?;
    if store::newer_paragraph(&state.db, p.process.id, &para)
        .await?
        .is_some()
    {
        return Err(AppError::Conflict("paragraph-outdated".into()));
    }
    match field_errors(
        store::create_suggestion(&state.db, &me, &p, pid, &input.new_text, &input.reason).await,
    )? {
        Ok(_) if p.process.premoderation => Ok(see_other(&format!(
            "/beteiligung/{slug}/text/{pid}?hinweis=wird-geprueft"
        ))),
        Ok(id) => Ok(see_other(&format!(
            "/beteiligung/{slug}/text/{pid}?hinweis=aenderung-gespeichert#aenderung-{id}"
        ))),
        Err(errors) => {
            let form = ParagraphForm {
                errors: ShownErrors::new(&ctx, &errors),
                comment_body: String::new(),
                comment_category: "anregung".into(),
                new_text: input.new_text,
                reason: input.reason,
            };
            paragraph_page(
                &state,
                ctx,
                &slug,
                pid,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub async fn support_suggestion(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, sid)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    let supported = store::toggle_suggestion_support(&state.db, &me, &p, sid).await?;
    let pid = suggestion_paragraph(&state, sid).await?;
    let notice = if supported {
        "unterstuetzt"
    } else {
        "unterstuetzung-zurueckgezogen"
    };
    Ok(see_other(&format!(
        "/beteiligung/{slug}/text/{pid}?hinweis={notice}#aenderung-{sid}"
    )))
}

async fn suggestion_paragraph(state: &AppState, sid: i64) -> AppResult<i64> {
    use sea_orm::EntityTrait;
    Ok(suggestion::Entity::find_by_id(sid)
        .one(&state.db)
        .await?
        .ok_or(AppError::NotFound)?
        .paragraph_id)
}

#[derive(Deserialize, Default)]
pub struct DecisionInput {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    decision_reason: String,
}

pub async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, sid)): Path<(String, i64)>,
    Form(input): Form<DecisionInput>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let pid = suggestion_paragraph(&state, sid).await?;
    match field_errors(
        store::decide_suggestion(
            &state.db,
            &me,
            p.process.id,
            sid,
            &input.decision,
            &input.decision_reason,
        )
        .await,
    )? {
        Ok(()) => Ok(see_other(&format!(
            "/beteiligung/{slug}/text/{pid}?hinweis=entschieden#aenderung-{sid}"
        ))),
        Err(errors) => {
            let form = ParagraphForm {
                errors: ShownErrors::new(&ctx, &errors),
                comment_body: String::new(),
                comment_category: "anregung".into(),
                new_text: String::new(),
                reason: String::new(),
            };
            paragraph_page(
                &state,
                ctx,
                &slug,
                pid,
                Some(form),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
