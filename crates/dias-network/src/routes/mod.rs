//! Pages and form actions of the KI-Netzwerk. Handlers extract, authorize,
//! call the store and render. Every form action lives in `admission.rs`
//! (its CSRF test counts them there).

mod admission;
mod boards;
mod contact;
mod directory;
mod events;
mod matching;
mod open_data;
mod posts;
mod profile;
mod requests;
mod stats;

use std::sync::Arc;

use axum::routing::get;
use axum::{Extension, Router};
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::domain::{self, Term};
use crate::entities::actor;
use crate::policy::NetworkAction;
use crate::snapshot::SnapshotCache;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk", get(directory::landing))
        .route("/netzwerk/akteure", get(directory::list))
        .route("/netzwerk/karte", get(directory::map))
        .route("/netzwerk/akteure/{slug}", get(profile::show))
        .merge(admission::routes())
        .merge(events::routes())
        .merge(posts::routes())
        .merge(matching::routes())
        .merge(requests::routes())
        .merge(contact::routes())
        .merge(stats::routes())
        .merge(open_data::routes())
        .merge(boards::routes())
        // One snapshot per router: each instance (and each test app) keeps
        // its own and checks it against the database.
        .layer(Extension(Arc::new(SnapshotCache::default())))
        .layer(Extension(
            Arc::new(crate::posts::PublishedCounts::default()),
        ))
}

/// An actor of the URL with whether the signed-in person represents it.
/// Profiles that are not admitted are visible to their representatives and
/// staff only (others get 404, not a hint that it exists).
pub(crate) async fn load_actor(
    state: &AppState,
    ctx: &Ctx,
    slug: &str,
) -> AppResult<(actor::Model, bool)> {
    let actor = crate::store::actor_by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    let representative = match ctx.principal() {
        Some(me) => crate::store::is_representative(&state.db, actor.id, me.user_id).await?,
        None => false,
    };
    if actor.status != domain::VERIFIED
        && !ctx.can(&NetworkAction::SeeUnpublished { representative })
    {
        return Err(AppError::NotFound);
    }
    Ok((actor, representative))
}

/// A choice in a form or filter.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(crate) fn choices<'t>(
    ctx: &Ctx,
    terms: impl IntoIterator<Item = &'t Term>,
    selected: &[String],
) -> Vec<Choice> {
    terms
        .into_iter()
        .map(|t| Choice {
            value: t.slug.to_owned(),
            label: ctx.t(t.key),
            selected: selected.iter().any(|s| s == t.slug),
        })
        .collect()
}

/// Labels of the stored slugs, in taxonomy order.
pub(crate) fn labels<'t>(
    ctx: &Ctx,
    terms: impl IntoIterator<Item = &'t Term>,
    stored: &str,
) -> Vec<String> {
    let stored: Vec<&str> = domain::split_list(stored).collect();
    terms
        .into_iter()
        .filter(|t| stored.contains(&t.slug))
        .map(|t| ctx.t(t.key))
        .collect()
}

pub(crate) fn label(ctx: &Ctx, terms: &[Term], slug: &str) -> String {
    domain::find(terms, slug)
        .map(|t| ctx.t(t.key))
        .unwrap_or_else(|| slug.to_owned())
}

/// "Town, Kreis", or just the town where it is its own Kreis (Leipzig).
pub(crate) fn place_label(city: &str, ags5: &str) -> String {
    let district = district_name(ags5);
    if district.is_empty() || district == city {
        city.to_owned()
    } else {
        format!("{city}, {district}")
    }
}

/// The Kreis name of an AGS5.
pub(crate) fn district_name(ags5: &str) -> String {
    dias_core::reference::cached()
        .district(ags5)
        .map(|d| d.name_short.clone())
        .unwrap_or_default()
}
