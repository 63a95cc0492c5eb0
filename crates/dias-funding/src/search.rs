//! Search documents: every offer, so the search page's `q` and the portal's
//! global search find offers by title, short text, full text, keywords and
//! the names of their terms (German labels: the index's analyzer stems and
//! folds them like the visitor's words).

use dias_search::{SearchDoc, SearchSource};
use sea_orm::{DatabaseConnection, DbErr};

use crate::store::{self, KIND_OFFER, StoredOffer};
use crate::vocab::Term;

pub struct OfferSource;

pub(crate) fn offer_doc(stored: &StoredOffer) -> SearchDoc {
    let o = &stored.offer;
    let mut body = vec![
        o.summary.clone(),
        dias_core::markdown::to_plain_text(&o.body),
        o.keywords.join(" "),
        o.offer_type.label_de().to_owned(),
        o.status.label_de().to_owned(),
        o.funder.clone(),
    ];
    body.extend(o.funding_types.iter().map(|t| t.label_de().to_owned()));
    // A theme's level-1 area too: an offer for IT security is found by
    // „Digitalisierung“.
    let mut areas: Vec<_> = o.areas.iter().flat_map(|a| [*a, a.top()]).collect();
    areas.sort();
    areas.dedup();
    body.extend(areas.iter().map(|a| a.label_de().to_owned()));
    body.extend(o.eligible_groups.iter().map(|g| g.label_de().to_owned()));
    SearchDoc {
        kind: KIND_OFFER.into(),
        id: stored.id.to_string(),
        title: o.title.clone(),
        body: body.join(" · "),
        url: format!("/foerderung/angebote/{}", o.slug),
        date: Some(stored.updated_at),
    }
}

#[async_trait::async_trait]
impl SearchSource for OfferSource {
    fn kind(&self) -> &'static str {
        KIND_OFFER
    }
    fn label_key(&self) -> &'static str {
        "funding-search-kind-offer"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(store::all(db).await?.iter().map(offer_doc).collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(store::by_id(db, id).await?.as_ref().map(offer_doc))
    }
}
