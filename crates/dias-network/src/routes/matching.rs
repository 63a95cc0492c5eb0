//! Passende Partner: the partner finder for a free-text need and the
//! suggestions on each profile, both with their reasons.

use std::sync::Arc;

use askama::Template;
use axum::Router;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::routing::get;
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{label, labels};
use crate::domain::{self, COMPETENCES, INDUSTRIES, OFFERS};
use crate::entities::actor;
use crate::matching::{self, Index, Match, Reason};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/netzwerk/partner-finden", get(finder))
}

/// Suggestions on a profile.
pub const PROFILE_LIMIT: usize = 5;
/// Results of the partner finder.
pub const FINDER_LIMIT: usize = 20;
/// Longest need considered (characters).
const NEED_CHARS: usize = 500;

/// The instance's matching index.
pub(crate) async fn index(state: &AppState) -> AppResult<Arc<Index>> {
    Ok(matching::cache::index(&state.instance_id, &state.db).await?)
}

/// One reason, ready to show: "Gemeinsame Kompetenzen: Robotik".
#[derive(Debug, Clone)]
pub struct ReasonView {
    pub label: String,
    pub detail: String,
}

fn term_labels(ctx: &Ctx, terms: &[domain::Term], slugs: &[&str]) -> String {
    slugs
        .iter()
        .map(|s| label(ctx, terms, s))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn reason_views(ctx: &Ctx, reasons: &[Reason], ags5: &str) -> Vec<ReasonView> {
    reasons
        .iter()
        .map(|r| match r {
            Reason::Competences(s) => ReasonView {
                label: ctx.t("matching-reason-competences"),
                detail: term_labels(ctx, &COMPETENCES, s),
            },
            Reason::Industries(s) => ReasonView {
                label: ctx.t("matching-reason-industries"),
                detail: term_labels(ctx, &INDUSTRIES, s),
            },
            Reason::Offers(s) => ReasonView {
                label: ctx.t("matching-reason-offers"),
                detail: term_labels(ctx, &OFFERS, s),
            },
            Reason::Complementary(group) => ReasonView {
                label: ctx.t("matching-reason-complementary"),
                detail: domain::find(&domain::GROUPS, group)
                    .map(|g| ctx.t(g.key))
                    .unwrap_or_default(),
            },
            Reason::SameDistrict => ReasonView {
                label: ctx.t("matching-reason-district"),
                detail: super::district_name(ags5),
            },
            Reason::Text(words) => ReasonView {
                label: ctx.t("matching-reason-text"),
                detail: words.join(", "),
            },
        })
        .collect()
}

/// A suggested partner as the pages show it.
#[derive(Debug, Clone)]
pub struct MatchCard {
    pub name: String,
    pub slug: String,
    pub short_description: String,
    pub category: String,
    pub district: String,
    pub reasons: Vec<ReasonView>,
}

/// Cards of ranked matches (one query for the actors).
pub(crate) async fn cards(
    state: &AppState,
    ctx: &Ctx,
    matches: &[Match],
) -> AppResult<Vec<MatchCard>> {
    let ids: Vec<i64> = matches.iter().map(|m| m.id).collect();
    let actors = crate::store::actors_by_ids(&state.db, &ids).await?;
    Ok(matches
        .iter()
        .filter_map(|m| {
            // The index may lag a profile that was just withdrawn.
            let a = actors
                .iter()
                .find(|a| a.id == m.id && a.status == domain::VERIFIED)?;
            Some(MatchCard {
                name: a.name.clone(),
                slug: a.slug.clone(),
                short_description: a.short_description.clone(),
                category: label(ctx, &domain::CATEGORIES, &a.category),
                district: super::district_name(&a.ags5),
                reasons: reason_views(ctx, &m.reasons, &a.ags5),
            })
        })
        .collect())
}

/// The "Passende Partner" section of a profile (empty unless the actor is
/// verified).
pub(crate) async fn profile_partners(
    state: &AppState,
    ctx: &Ctx,
    actor: &actor::Model,
) -> AppResult<Vec<MatchCard>> {
    if actor.status != domain::VERIFIED {
        return Ok(Vec::new());
    }
    let index = index(state).await?;
    let Some(query) = index.query_for_actor(actor.id) else {
        return Ok(Vec::new());
    };
    let matches = index.rank(&query, PROFILE_LIMIT);
    cards(state, ctx, &matches).await
}

#[derive(Template)]
#[template(path = "network/match.html")]
struct FinderPage {
    ctx: Ctx,
    need: String,
    searched: bool,
    recognised: Vec<ReasonView>,
    results: Vec<MatchCard>,
}

#[derive(Deserialize, Default)]
pub struct FinderQuery {
    #[serde(default)]
    bedarf: String,
}

async fn finder(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<FinderQuery>,
) -> AppResult<Response> {
    let need: String = q.bedarf.trim().chars().take(NEED_CHARS).collect();
    let (recognised, results) = if need.is_empty() {
        (Vec::new(), Vec::new())
    } else {
        let index = index(&state).await?;
        let (query, r) = index.query_for_text(&need);
        let mut recognised = Vec::new();
        for (key, terms, mask) in [
            (
                "matching-recognised-competences",
                &COMPETENCES[..],
                r.competences,
            ),
            (
                "matching-recognised-industries",
                &INDUSTRIES[..],
                r.industries,
            ),
            ("matching-recognised-offers", &OFFERS[..], r.offers),
        ] {
            if mask != 0 {
                recognised.push(ReasonView {
                    label: ctx.t(key),
                    detail: labels(&ctx, terms, &matching::slugs_of(terms, mask).join(","))
                        .join(", "),
                });
            }
        }
        let matches = index.rank(&query, FINDER_LIMIT);
        (recognised, cards(&state, &ctx, &matches).await?)
    };
    page(&FinderPage {
        searched: !need.is_empty(),
        need,
        recognised,
        results,
        ctx,
    })
}
