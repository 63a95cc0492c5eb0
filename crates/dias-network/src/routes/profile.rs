//! An actor's public profile and its logo.

use askama::Template;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use dias_web::components::MapView;
use dias_web::forms::page;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::{label, labels, load_actor};
use crate::domain;
use crate::entities::actor;
use crate::policy::NetworkAction;
use crate::store::{self, ChangeView, RepresentativeView};

#[derive(Template)]
#[template(path = "network/profile.html")]
struct ProfilePage {
    ctx: Ctx,
    actor: actor::Model,
    description_html: String,
    category: String,
    group: String,
    competences: Vec<String>,
    industries: Vec<String>,
    offers: Vec<String>,
    size: String,
    district: String,
    logo_alt: Option<String>,
    map: MapView,
    can_edit: bool,
    is_representative: bool,
    can_admit: bool,
    status: String,
    representatives: Vec<RepresentativeView>,
    my_opt_in: bool,
    changes: Vec<ChangeView>,
    /// Passende Partner (routes/matching.rs).
    partners: Vec<super::matching::MatchCard>,
    /// Upcoming events and latest posts (routes/events.rs).
    activity: super::events::Activity,
    /// „Frage an die Digitalagentur“, only when the Anfragen module is there.
    inquiry_url: Option<String>,
}

/// The name the Anfragen module registers under (issue 8).
const INQUIRY_MODULE: &str = "anfragen";

/// A new inquiry about AI that carries the profile it was asked from:
/// `/anfragen/neu?thema=ki&kontext=%2Fnetzwerk%2Fakteure%2F<slug>`.
fn inquiry_url(slug: &str) -> String {
    let context = format!("/netzwerk/akteure/{slug}");
    format!(
        "/anfragen/neu?{}",
        serde_urlencoded::to_string([("thema", "ki"), ("kontext", context.as_str())])
            .unwrap_or_default()
    )
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let (actor, representative) = load_actor(&state, &ctx, &slug).await?;
    let can_edit = ctx.can(&NetworkAction::EditActor { representative });
    let can_admit = ctx.can(&NetworkAction::Admit);
    let logo_alt = store::logo_alt(&state.db, actor.id).await?;
    let representatives = if can_edit {
        store::representatives(&state.db, actor.id).await?
    } else {
        Vec::new()
    };
    let my_opt_in = ctx
        .principal()
        .and_then(|me| representatives.iter().find(|r| r.user_id == me.user_id))
        .is_some_and(|r| r.opt_in);
    let changes = if can_admit {
        store::changes(&state.db, actor.id, 20).await?
    } else {
        Vec::new()
    };
    let partners = super::matching::profile_partners(&state, &ctx, &actor).await?;
    let district = super::district_name(&actor.ags5);
    let own = actor.ags5.clone();
    let map = MapView::districts(
        ctx.t1("network-profile-map-title", "name", &actor.name),
        ctx.t1("network-profile-map-description", "place", &actor.city),
        |ags5| {
            if ags5 == own {
                (Some(2), String::new())
            } else {
                (None, String::new())
            }
        },
        |_| None,
    )
    .point(actor.lon, actor.lat, 6.0, actor.name.clone());
    let activity = super::events::activity(&state, &ctx, actor.id).await?;
    let inquiry_url = state
        .registry
        .has(INQUIRY_MODULE)
        .then(|| inquiry_url(&actor.slug));
    page(&ProfilePage {
        description_html: dias_core::markdown::render(&actor.description_md),
        category: label(&ctx, &domain::CATEGORIES, &actor.category),
        group: domain::find(&domain::GROUPS, domain::group_of(&actor.category))
            .map(|g| ctx.t(g.key))
            .unwrap_or_default(),
        competences: labels(&ctx, &domain::COMPETENCES, &actor.competences),
        industries: labels(&ctx, &domain::INDUSTRIES, &actor.industries),
        offers: labels(&ctx, &domain::OFFERS, &actor.offers),
        size: label(&ctx, &domain::SIZES, &actor.size_class),
        status: ctx.t(&format!("network-status-{}", actor.status)),
        is_representative: representative,
        district,
        logo_alt,
        map,
        can_edit,
        can_admit,
        representatives,
        my_opt_in,
        changes,
        partners,
        activity,
        inquiry_url,
        actor,
        ctx,
    })
}

/// The logo image with the type found when it was uploaded.
pub async fn logo(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let (actor, _) = load_actor(&state, &ctx, &slug).await?;
    let logo = store::logo(&state.db, actor.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut response = (StatusCode::OK, Body::from(logo.data)).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(&logo.mime)
            .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(if actor.status == domain::VERIFIED {
            "public, max-age=300"
        } else {
            "private, no-store"
        }),
    );
    Ok(response)
}
