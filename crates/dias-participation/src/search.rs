//! Search documents: processes, paragraphs of the current text, proposals.

use dias_search::{SearchDoc, SearchSource};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::entities::{paragraph, process, proposal, text_version};
use crate::store::{KIND_PARAGRAPH, KIND_PROCESS, KIND_PROPOSAL};

pub struct ProcessSource;
pub struct ParagraphSource;
pub struct ProposalSource;

fn process_doc(p: &process::Model) -> Option<SearchDoc> {
    (p.visibility != "draft").then(|| SearchDoc {
        kind: KIND_PROCESS.into(),
        id: p.id.to_string(),
        title: p.title.clone(),
        body: format!(
            "{} {}",
            p.teaser,
            dias_core::markdown::to_plain_text(&p.description_md)
        ),
        url: format!("/beteiligung/{}", p.slug),
        date: Some(p.created_at),
    })
}

#[async_trait::async_trait]
impl SearchSource for ProcessSource {
    fn kind(&self) -> &'static str {
        KIND_PROCESS
    }
    fn label_key(&self) -> &'static str {
        "search-kind-process"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(process::Entity::find()
            .all(db)
            .await?
            .iter()
            .filter_map(process_doc)
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(process::Entity::find_by_id(id)
            .one(db)
            .await?
            .as_ref()
            .and_then(process_doc))
    }
}

/// Only paragraphs of each process's newest published version are searchable.
async fn newest_versions(
    db: &DatabaseConnection,
) -> Result<std::collections::HashMap<i64, (text_version::Model, process::Model)>, DbErr> {
    let processes: std::collections::HashMap<i64, process::Model> = process::Entity::find()
        .filter(process::Column::Visibility.ne("draft"))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect();
    let mut newest: std::collections::HashMap<i64, (text_version::Model, process::Model)> =
        std::collections::HashMap::new();
    for v in text_version::Entity::find()
        .filter(text_version::Column::PublishedAt.is_not_null())
        .all(db)
        .await?
    {
        let Some(p) = processes.get(&v.process_id) else {
            continue;
        };
        if newest
            .get(&v.process_id)
            .is_none_or(|(n, _)| n.number < v.number)
        {
            newest.insert(v.process_id, (v, p.clone()));
        }
    }
    Ok(newest.into_values().map(|(v, p)| (v.id, (v, p))).collect())
}

fn paragraph_doc(p: &paragraph::Model, process: &process::Model) -> SearchDoc {
    SearchDoc {
        kind: KIND_PARAGRAPH.into(),
        id: p.id.to_string(),
        title: format!("{} – {}", p.chapter_title, p.section_title),
        body: dias_core::markdown::to_plain_text(&p.body_md),
        url: format!("/beteiligung/{}/text#{}", process.slug, p.anchor),
        date: None,
    }
}

#[async_trait::async_trait]
impl SearchSource for ParagraphSource {
    fn kind(&self) -> &'static str {
        KIND_PARAGRAPH
    }
    fn label_key(&self) -> &'static str {
        "search-kind-paragraph"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        let versions = newest_versions(db).await?;
        let ids: Vec<i64> = versions.keys().copied().collect();
        Ok(paragraph::Entity::find()
            .filter(paragraph::Column::VersionId.is_in(ids))
            .all(db)
            .await?
            .iter()
            .filter_map(|p| {
                versions
                    .get(&p.version_id)
                    .map(|(_, process)| paragraph_doc(p, process))
            })
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let Some(p) = paragraph::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let versions = newest_versions(db).await?;
        Ok(versions
            .get(&p.version_id)
            .map(|(_, process)| paragraph_doc(&p, process)))
    }
}

fn proposal_doc(p: &proposal::Model, slug: &str) -> Option<SearchDoc> {
    (p.hidden_at.is_none()).then(|| SearchDoc {
        kind: KIND_PROPOSAL.into(),
        id: p.id.to_string(),
        title: p.title.clone(),
        body: dias_core::markdown::to_plain_text(&p.body_md),
        url: format!("/beteiligung/{slug}/vorschlaege/{}", p.id),
        date: Some(p.created_at),
    })
}

#[async_trait::async_trait]
impl SearchSource for ProposalSource {
    fn kind(&self) -> &'static str {
        KIND_PROPOSAL
    }
    fn label_key(&self) -> &'static str {
        "search-kind-proposal"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        let slugs: std::collections::HashMap<i64, String> = process::Entity::find()
            .filter(process::Column::Visibility.ne("draft"))
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.id, p.slug))
            .collect();
        Ok(proposal::Entity::find()
            .filter(proposal::Column::HiddenAt.is_null())
            .all(db)
            .await?
            .iter()
            .filter_map(|p| {
                slugs
                    .get(&p.process_id)
                    .and_then(|slug| proposal_doc(p, slug))
            })
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let Some(p) = proposal::Entity::find_by_id(id).one(db).await? else {
            return Ok(None);
        };
        let Some(process) = process::Entity::find_by_id(p.process_id)
            .one(db)
            .await?
            .filter(|p| p.visibility != "draft")
        else {
            return Ok(None);
        };
        Ok(proposal_doc(&p, &process.slug))
    }
}
