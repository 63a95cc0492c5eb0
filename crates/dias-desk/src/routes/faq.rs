//! The public FAQ: `/anfragen/faq` lists the published entries grouped by
//! topic (one topic via `?thema=`, a GET form that works without
//! JavaScript), `/anfragen/faq/{slug}` shows one entry with its answer as
//! sanitized Markdown. Unpublished entries do not exist for anyone here;
//! staff read them in the Verwaltung.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::queue::{Choice, Segments, param, topic_choices, topic_label};
use crate::faq::{self, Faq};
use crate::vocab::Topic;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/anfragen/faq", get(list))
        .route("/anfragen/faq/{slug}", get(show))
}

/// The first line of a question: its title.
pub(super) fn title_of(question: &str) -> String {
    question
        .lines()
        .next()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// The question below its title, in paragraphs (plain text).
fn details_of(question: &str) -> Vec<String> {
    let rest = question.split_once('\n').map_or("", |(_, rest)| rest);
    rest.split("\n\n")
        .map(|p| p.trim().to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

#[derive(Debug, Clone)]
struct Entry {
    slug: String,
    title: String,
}

#[derive(Debug, Clone)]
struct Group {
    key: String,
    label: String,
    entries: Vec<Entry>,
}

#[derive(Template)]
#[template(path = "desk/faq.html")]
struct ListPage {
    ctx: Ctx,
    groups: Vec<Group>,
    topics: Vec<Choice>,
    topic: Option<String>,
    count: usize,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let topic = Topic::parse(param(&ctx, "thema").trim());
    let entries = faq::published(&state.db, topic).await?;
    let count = entries.len();
    let groups = Topic::ALL
        .iter()
        .map(|t| Group {
            key: t.key().to_owned(),
            label: ctx.t(t.label_key()),
            entries: entries
                .iter()
                .filter(|e| e.topic == t.key())
                .map(|e| Entry {
                    slug: e.slug.clone(),
                    title: title_of(&e.question),
                })
                .collect(),
        })
        .filter(|g| !g.entries.is_empty())
        .collect();
    page(&ListPage {
        topics: topic_choices(&ctx, topic.map(Topic::key)),
        topic: topic.map(|t| ctx.t(t.label_key())),
        groups,
        count,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "desk/faq_entry.html")]
struct EntryPage {
    ctx: Ctx,
    entry: Faq,
    title: String,
    details: Vec<String>,
    topic: String,
    answer_html: String,
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(slug): Segments<String>,
) -> AppResult<Response> {
    let entry = faq::published_by_slug(&state.db, &slug)
        .await?
        .ok_or(AppError::NotFound)?;
    page(&EntryPage {
        title: title_of(&entry.question),
        details: details_of(&entry.question),
        topic: topic_label(&ctx, &entry.topic),
        answer_html: dias_core::markdown::render_below(&entry.answer, 2),
        entry,
        ctx,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_question_splits_into_title_and_paragraphs() {
        let q = "Wie läuft das ab?\n\nErster Absatz\nmit Zeile.\n\n\nZweiter.";
        assert_eq!(title_of(q), "Wie läuft das ab?");
        assert_eq!(details_of(q), ["Erster Absatz\nmit Zeile.", "Zweiter."]);
        assert!(details_of("Nur ein Titel").is_empty());
    }
}
