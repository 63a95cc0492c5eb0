//! Search documents: every published FAQ entry, found by its question, its
//! answer and its topic. An unpublished or deleted entry has no document,
//! so the indexer removes it when the outbox names it (`crate::faq`).

use dias_search::{SearchDoc, SearchSource};
use sea_orm::{DatabaseConnection, DbErr};

use crate::faq::{self, Faq, KIND_FAQ};
use crate::vocab::Topic;

pub struct FaqSource;

fn topic_label(key: &str) -> &'static str {
    // German labels: the index folds and stems German words.
    match Topic::parse(key) {
        Some(Topic::Broadband) => "Breitband",
        Some(Topic::Funding) => "Förderung",
        Some(Topic::Ai) => "Künstliche Intelligenz",
        Some(Topic::Strategy) => "Digitalstrategie",
        Some(Topic::Administration) => "Verwaltungsdigitalisierung",
        Some(Topic::Other) | None => "",
    }
}

pub(crate) fn faq_doc(faq: &Faq) -> SearchDoc {
    SearchDoc {
        kind: KIND_FAQ.into(),
        id: faq.id.to_string(),
        title: faq.question.lines().next().unwrap_or_default().to_owned(),
        body: [
            faq.question.clone(),
            dias_core::markdown::to_plain_text(&faq.answer),
            topic_label(&faq.topic).to_owned(),
        ]
        .join(" · "),
        url: format!("/anfragen/faq/{}", faq.slug),
        date: Some(faq.updated_at),
    }
}

#[async_trait::async_trait]
impl SearchSource for FaqSource {
    fn kind(&self) -> &'static str {
        KIND_FAQ
    }
    fn label_key(&self) -> &'static str {
        "desk-faq-search-kind"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(faq::published(db, None)
            .await?
            .iter()
            .map(faq_doc)
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(faq::by_id(db, id)
            .await?
            .filter(|f| f.published)
            .as_ref()
            .map(faq_doc))
    }
}
