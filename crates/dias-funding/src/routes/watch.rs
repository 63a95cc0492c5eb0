//! The Merkliste: `/foerderung/merkliste` lists a person's watched offers
//! with their next deadline and reminder lead time; the "Merken" button of
//! the offer page and the forms of the list post here. Every action needs
//! an account (`FundingAction::Watch`); each form works without JavaScript
//! (Post/Redirect/Get) and htmx swaps the offer page's button in place.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::day;
use crate::check::Availability;
use crate::policy::FundingAction;
use crate::store;
use crate::watch::{self, Added, DEFAULT_REMIND_DAYS, REMIND_CHOICES};

/// Offers compared from the list: the comparison's maximum.
const COMPARE_MAX: usize = super::compare::MAX_OFFERS;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/foerderung/merkliste", get(list))
        .route("/foerderung/merkliste", post(save))
        .route("/foerderung/merkliste/entfernen", post(remove))
}

/// The button on an offer page.
#[derive(Debug, Clone)]
pub struct WatchButton {
    pub slug: String,
    pub signed_in: bool,
    pub watched: bool,
    pub login_url: String,
    /// After an htmx swap the new button takes the focus, so keyboard and
    /// screen reader users stay on the box and hear its new state.
    pub focus: bool,
    /// Why the offer was not added (the list is full), after an htmx swap.
    pub error: Option<String>,
}

/// The button for one offer, as the visitor sees it (one query when signed
/// in, none otherwise).
pub(crate) async fn button(
    state: &AppState,
    ctx: &Ctx,
    offer_id: i64,
    slug: &str,
) -> AppResult<WatchButton> {
    let watched = match ctx.principal() {
        Some(me) if ctx.can(&FundingAction::Watch) => watch::entry(&state.db, me.user_id, offer_id)
            .await?
            .is_some(),
        _ => false,
    };
    Ok(WatchButton {
        slug: slug.to_owned(),
        signed_in: ctx.can(&FundingAction::Watch),
        watched,
        login_url: ctx.login_url(),
        focus: false,
        error: None,
    })
}

/// Marks the result cards of an account with whether each offer is on its
/// Merkliste (one query); visitors' cards stay without buttons.
pub(crate) async fn mark_watched(
    state: &AppState,
    ctx: &Ctx,
    snapshot: &crate::snapshot::Snapshot,
    positions: &[usize],
    cards: &mut [super::OfferCard],
) -> AppResult<()> {
    let Some(me) = ctx.principal().filter(|_| ctx.can(&FundingAction::Watch)) else {
        return Ok(());
    };
    let ids: Vec<i64> = positions.iter().filter_map(|&p| snapshot.id(p)).collect();
    let watched = watch::watched_among(&state.db, me.user_id, &ids).await?;
    for (card, id) in cards.iter_mut().zip(&ids) {
        card.watched = Some(watched.contains(id));
    }
    Ok(())
}

#[derive(Template)]
#[template(path = "funding/watch_button.html")]
struct ButtonPartial {
    ctx: Ctx,
    watch: WatchButton,
}

#[derive(Debug, Clone)]
pub struct WatchRow {
    pub slug: String,
    pub title: String,
    pub next_deadline: Option<(String, String)>,
    pub status: String,
    pub status_class: &'static str,
    pub days: i32,
}

#[derive(Template)]
#[template(path = "funding/watch.html")]
struct ListPage {
    ctx: Ctx,
    /// The list is full: the refused addition, above the list.
    errors: ShownErrors,
    rows: Vec<WatchRow>,
    choices: Vec<i32>,
    compare_href: String,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let me = ctx.require(&FundingAction::Watch)?.user()?.clone();
    let list = list_page(&state, ctx, me.user_id, ShownErrors::none()).await?;
    page(&list)
}

async fn list_page(
    state: &AppState,
    ctx: Ctx,
    user_id: i64,
    errors: ShownErrors,
) -> AppResult<ListPage> {
    let entries = watch::of_user(&state.db, user_id).await?;
    let ids: Vec<i64> = entries.iter().map(|w| w.offer_id).collect();
    let offers = watch::offers_by_id(&state.db, &ids).await?;
    let today = crate::today();
    let mut rows: Vec<WatchRow> = entries
        .iter()
        .filter_map(|w| {
            let offer = offers.get(&w.offer_id)?;
            let availability = Availability::of(offer, today);
            Some(WatchRow {
                slug: offer.slug.clone(),
                title: offer.title.clone(),
                next_deadline: offer
                    .next_deadline(today)
                    .filter(|_| !availability.is_closed())
                    .map(|d| (d.date.to_string(), day(&ctx, d.date))),
                status: ctx.t(availability.message_id()),
                status_class: match availability {
                    Availability::Open | Availability::AwaitingDeadline => "ok",
                    Availability::Announced | Availability::Stopped => "warn",
                    Availability::Ended => "muted",
                },
                days: w.remind_days,
            })
        })
        .collect();
    // Nearest deadline first; offers without one after them.
    rows.sort_by(|a, b| {
        let key = |r: &WatchRow| (r.next_deadline.is_none(), r.next_deadline.clone());
        key(a).cmp(&key(b))
    });
    let compare: Vec<(&str, &str)> = rows
        .iter()
        .take(COMPARE_MAX)
        .map(|r| ("angebot", r.slug.as_str()))
        .collect();
    let compare_href = format!(
        "/foerderung/vergleich?{}",
        serde_urlencoded::to_string(compare).unwrap_or_default()
    );
    Ok(ListPage {
        ctx,
        errors,
        rows,
        choices: REMIND_CHOICES.to_vec(),
        compare_href,
    })
}

#[derive(Deserialize, Default)]
pub struct WatchInput {
    #[serde(default)]
    angebot: String,
    #[serde(default)]
    tage: String,
    /// `angebot` when the form is the offer page's button, `suche` when it
    /// is a result card's (then `weiter` is the result page).
    #[serde(default)]
    zurueck: String,
    #[serde(default)]
    weiter: String,
}

/// Where a form goes back to, with a notice (`added`, `changed`,
/// `removed`: the messages `notice-funding-watch-…`).
fn back(input: &WatchInput, notice: &str) -> String {
    if input.zurueck == "suche" {
        // Only the search pages: no open redirect, no detour elsewhere.
        let page = dias_web::forms::safe_next(Some(&input.weiter));
        let page = if page == "/foerderung" || page.starts_with("/foerderung?") {
            page
        } else {
            "/foerderung".to_owned()
        };
        let join = if page.contains('?') { '&' } else { '?' };
        format!("{page}{join}hinweis=funding-watch-{notice}")
    } else if input.zurueck == "angebot" {
        format!(
            "/foerderung/angebote/{}?hinweis=funding-watch-{notice}",
            input.angebot
        )
    } else {
        format!("/foerderung/merkliste?hinweis=funding-watch-{notice}")
    }
}

/// The offer's row id, or 404 for an unknown slug.
async fn offer_id(state: &AppState, ctx: &Ctx, slug: &str) -> AppResult<i64> {
    if !crate::offer::is_slug(slug) {
        return Err(AppError::BadRequest(ctx.t("funding-watch-unknown-offer")));
    }
    let stored = store::by_slug(&state.db, slug)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(stored.id)
}

/// The offer page's button after an htmx request, or a redirect.
async fn answer(
    state: &AppState,
    ctx: Ctx,
    input: &WatchInput,
    offer_id: i64,
    notice: &str,
) -> AppResult<Response> {
    if ctx.info.htmx && input.zurueck == "angebot" {
        let mut watch = button(state, &ctx, offer_id, &input.angebot).await?;
        watch.focus = true;
        return page(&ButtonPartial { ctx, watch });
    }
    Ok(see_other(&back(input, notice)))
}

/// Puts an offer on the list (lead time `tage`, default 7) or changes its
/// lead time. Posting an offer already listed without `tage` changes
/// nothing, so a repeated submit is harmless.
async fn save(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<WatchInput>,
) -> AppResult<Response> {
    let me = ctx.require(&FundingAction::Watch)?.user()?.clone();
    let days = match input.tage.trim() {
        "" => None,
        value => Some(
            watch::parse_days(value)
                .ok_or_else(|| AppError::BadRequest(ctx.t("error-invalid-choice")))?,
        ),
    };
    let offer = offer_id(&state, &ctx, &input.angebot).await?;
    let existing = watch::entry(&state.db, me.user_id, offer).await?;
    let notice = match (&existing, days) {
        (Some(_), None) => "added",
        (Some(_), Some(d)) => {
            watch::watch(&state.db, me.user_id, offer, d).await?;
            "changed"
        }
        (None, d) => {
            let added = watch::add(
                &state.db,
                me.user_id,
                offer,
                d.unwrap_or(DEFAULT_REMIND_DAYS),
            )
            .await?;
            if added == Added::Full {
                return full(&state, ctx, &input, me.user_id, offer).await;
            }
            "added"
        }
    };
    answer(&state, ctx, &input, offer, notice).await
}

/// The refusal of a 201st offer: the offer page's button with the reason
/// after an htmx request (422, the status htmx swaps), otherwise the
/// Merkliste with the reason above it (409), where one can make room.
async fn full(
    state: &AppState,
    ctx: Ctx,
    input: &WatchInput,
    user_id: i64,
    offer_id: i64,
) -> AppResult<Response> {
    let message = ctx.t1("funding-watch-full", "max", watch::MAX_WATCHED);
    if ctx.info.htmx && input.zurueck == "angebot" {
        let mut watch = button(state, &ctx, offer_id, &input.angebot).await?;
        watch.error = Some(message);
        return page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &ButtonPartial { ctx, watch },
        );
    }
    let errors = ShownErrors {
        items: vec![("merkliste".to_owned(), message)],
    };
    let list = list_page(state, ctx, user_id, errors).await?;
    page_with_status(StatusCode::CONFLICT, &list)
}

async fn remove(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<WatchInput>,
) -> AppResult<Response> {
    let me = ctx.require(&FundingAction::Watch)?.user()?.clone();
    let offer = offer_id(&state, &ctx, &input.angebot).await?;
    watch::unwatch(&state.db, me.user_id, offer).await?;
    answer(&state, ctx, &input, offer, "removed").await
}
