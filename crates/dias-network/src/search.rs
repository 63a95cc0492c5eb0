//! Search documents: verified actors (the directory's `q` goes through them).

use dias_search::{SearchDoc, SearchSource};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

use crate::domain::{self, Term};
use crate::entities::actor;
use crate::store::KIND_ACTOR;

pub struct ActorSource;

fn labels(terms: &[Term], stored: &str) -> Vec<&'static str> {
    domain::split_list(stored)
        .filter_map(|s| domain::find(terms, s))
        .map(|t| t.de)
        .collect()
}

pub(crate) fn actor_doc(a: &actor::Model) -> Option<SearchDoc> {
    (a.status == domain::VERIFIED).then(|| {
        let category = domain::find(&domain::CATEGORIES, &a.category)
            .map(|t| t.de)
            .unwrap_or_default();
        let mut body = vec![
            a.short_description.clone(),
            dias_core::markdown::to_plain_text(&a.description_md),
            category.to_owned(),
            a.city.clone(),
        ];
        body.extend(
            labels(&domain::COMPETENCES, &a.competences)
                .into_iter()
                .chain(labels(&domain::INDUSTRIES, &a.industries))
                .chain(labels(&domain::OFFERS, &a.offers))
                .map(str::to_owned),
        );
        SearchDoc {
            kind: KIND_ACTOR.into(),
            id: a.id.to_string(),
            title: a.name.clone(),
            body: body.join(" · "),
            url: format!("/netzwerk/akteure/{}", a.slug),
            date: Some(a.created_at),
        }
    })
}

#[async_trait::async_trait]
impl SearchSource for ActorSource {
    fn kind(&self) -> &'static str {
        KIND_ACTOR
    }
    fn label_key(&self) -> &'static str {
        "network-search-kind-actor"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(actor::Entity::find()
            .filter(actor::Column::Status.eq(domain::VERIFIED))
            .all(db)
            .await?
            .iter()
            .filter_map(actor_doc)
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(actor::Entity::find_by_id(id)
            .one(db)
            .await?
            .as_ref()
            .and_then(actor_doc))
    }
}
