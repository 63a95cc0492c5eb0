//! `/breitband`: what the module offers and where to start. Signed-in
//! municipality accounts see the areas they act for, operator accounts
//! the operators they answer for, staff the way to the Verwaltung.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use dias_core::policy::Role;
use dias_web::forms::page;
use dias_web::{AppResult, AppState, Ctx};

use crate::members;
use crate::policy::BroadbandAction;

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/breitband", get(show))
}

/// An area a municipality account acts for, linked to its page.
#[derive(Debug, Clone)]
pub struct AreaLink {
    pub href: String,
    pub name: String,
    pub code: String,
    /// `true` for a Kreis (AGS-5), `false` for a Gemeinde.
    pub district: bool,
}

impl AreaLink {
    /// The link for an area code; codes the reference data does not know
    /// (a Gemeinde merged since) are shown without a link target name.
    pub fn of(area: &str) -> AreaLink {
        let district = area.len() == 5;
        AreaLink {
            href: if district {
                format!("/breitband/kreise/{area}")
            } else {
                format!("/breitband/gemeinden/{area}")
            },
            name: crate::personal::area_name(area).unwrap_or_else(|| area.to_owned()),
            code: area.to_owned(),
            district,
        }
    }
}

#[derive(Template)]
#[template(path = "broadband/home.html")]
struct HomePage {
    ctx: Ctx,
    districts: i64,
    municipalities: i64,
    /// Saxony's newest gigabit share from the Breitbandatlas history, as
    /// the Lagebild shows it.
    gigabit: String,
    /// For municipality accounts: their areas (maybe none yet).
    areas: Option<Vec<AreaLink>>,
    /// For operator accounts: the operators they answer for.
    operators: Option<Vec<String>>,
    staff: bool,
    /// The advice page, with the account's Gemeinde when it has exactly
    /// one to suggest.
    advice_href: String,
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let me = ctx.principal().cloned();
    let areas = match &me {
        Some(me) if me.role == Role::Municipality => Some(
            members::areas_of(&state.db, me.user_id)
                .await?
                .iter()
                .map(|a| AreaLink::of(a))
                .collect::<Vec<_>>(),
        ),
        _ => None,
    };
    let operators = match &me {
        Some(me) if me.role == Role::Operator => Some(
            members::operators_of(&state.db, me.user_id)
                .await?
                .into_iter()
                .map(|o| o.name)
                .collect(),
        ),
        _ => None,
    };
    let first_gemeinde = areas
        .as_ref()
        .and_then(|a| a.iter().find(|a| !a.district))
        .map(|a| a.code.as_str());
    let advice_href = crate::links::advice_url(first_gemeinde);
    page(&HomePage {
        districts: reference.districts.len() as i64,
        municipalities: reference.municipalities.len() as i64,
        gigabit: super::lagebild::gigabit_label(
            &ctx,
            crate::coverage::history()
                .land()
                .and_then(crate::coverage::Area::latest_gigabit),
        ),
        areas,
        operators,
        staff: ctx.can(&BroadbandAction::ManageMembers),
        advice_href,
        ctx,
    })
}
