//! Kooperationsgesuche: list, page, and the form representatives publish a
//! request with. Form actions of this file: `create` only (see the CSRF
//! test in `tests/it/requests.rs`).

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dias_core::validation::FieldErrors;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::matching::{MatchCard, cards, index};
use super::{Choice, choices, labels};
use crate::domain::{self, COMPETENCES, INDUSTRIES};
use crate::entities::actor;
use crate::policy::NetworkAction;
use crate::requests::{self, Listed, RequestInput};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk/kooperationsgesuche", get(list))
        .route(
            "/netzwerk/kooperationsgesuche/neu",
            get(new_form).post(create),
        )
        .route("/netzwerk/kooperationsgesuche/{id}", get(show))
}

/// A request as the list shows it.
pub struct RequestCard {
    pub id: i64,
    pub title: String,
    pub actor_name: String,
    pub actor_slug: String,
    pub competences: String,
    pub deadline: String,
}

fn card(ctx: &Ctx, l: &Listed) -> RequestCard {
    RequestCard {
        id: l.request.id,
        title: l.request.title.clone(),
        actor_name: l.actor_name.clone(),
        actor_slug: l.actor_slug.clone(),
        competences: labels(ctx, &COMPETENCES, &l.request.competences).join(", "),
        // The stored deadline is the start of the next day; show the last.
        deadline: dias_core::time::format_date(l.request.deadline - 1),
    }
}

#[derive(Template)]
#[template(path = "network/request_list.html")]
struct ListPage {
    ctx: Ctx,
    open: Vec<RequestCard>,
    closed: Vec<RequestCard>,
    total: u64,
    pagination: Pagination,
    can_post: bool,
}

#[derive(Deserialize, Default)]
pub struct PageQuery {
    #[serde(default)]
    seite: Option<String>,
}

fn page_number(ctx: &Ctx, raw: Option<&str>) -> AppResult<u64> {
    match raw {
        None | Some("") => Ok(1),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=1_000).contains(&n) => Ok(n),
            _ => Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    }
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let page_no = page_number(&ctx, q.seite.as_deref())?;
    let now = dias_core::time::now();
    let (open, total) = requests::open_page(&state.db, now, page_no).await?;
    let closed = if page_no == 1 {
        requests::recently_closed(&state.db, now, 10).await?
    } else {
        Vec::new()
    };
    page(&ListPage {
        open: open.iter().map(|l| card(&ctx, l)).collect(),
        closed: closed.iter().map(|l| card(&ctx, l)).collect(),
        pagination: Pagination::new(
            page_no,
            total,
            requests::PER_PAGE,
            "/netzwerk/kooperationsgesuche".into(),
        ),
        total,
        can_post: ctx.signed_in(),
        ctx,
    })
}

#[derive(Template)]
#[template(path = "network/request.html")]
struct DetailPage {
    ctx: Ctx,
    title: String,
    body_html: String,
    actor_name: String,
    actor_slug: String,
    competences: Vec<String>,
    industries: Vec<String>,
    deadline: String,
    published: String,
    open: bool,
    notified: i32,
    show_notified: bool,
    results: Vec<MatchCard>,
}

async fn show(State(state): State<AppState>, ctx: Ctx, Path(id): Path<i64>) -> AppResult<Response> {
    let l = requests::get(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let r = &l.request;
    let open = requests::is_open(r, dias_core::time::now());
    let results = if open {
        let index = index(&state).await?;
        let list = |stored: &str| {
            domain::split_list(stored)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let query = index.query_for_request(
            r.actor_id,
            &l.actor_category,
            &l.actor_ags5,
            &list(&r.competences),
            &list(&r.industries),
            &requests::match_text(&r.title, &r.body_md),
        );
        cards(&state, &ctx, &index.rank(&query, 5)).await?
    } else {
        Vec::new()
    };
    let show_notified = match ctx.principal() {
        Some(me) => {
            ctx.can(&NetworkAction::Admit)
                || crate::store::is_representative(&state.db, r.actor_id, me.user_id).await?
        }
        None => false,
    };
    page(&DetailPage {
        title: r.title.clone(),
        body_html: dias_core::markdown::render(&r.body_md),
        actor_name: l.actor_name.clone(),
        actor_slug: l.actor_slug.clone(),
        competences: labels(&ctx, &COMPETENCES, &r.competences),
        industries: labels(&ctx, &INDUSTRIES, &r.industries),
        deadline: dias_core::time::format_date(r.deadline - 1),
        published: dias_core::time::format_date(r.created_at),
        notified: r.notified_count,
        show_notified,
        open,
        results,
        ctx,
    })
}

// ------------------------------------------------------------------ form

#[derive(Template)]
#[template(path = "network/request_form.html")]
struct FormPage {
    ctx: Ctx,
    errors: ShownErrors,
    actors: Vec<Choice>,
    title: String,
    body: String,
    competences: Vec<Choice>,
    industries: Vec<Choice>,
    deadline: String,
    min_date: String,
}

/// The verified actors the signed-in person represents.
async fn own_actors(state: &AppState, ctx: &Ctx) -> AppResult<Vec<actor::Model>> {
    let me = ctx.user()?;
    Ok(crate::store::actors_of_user(&state.db, me.user_id)
        .await?
        .into_iter()
        .filter(|a| a.status == domain::VERIFIED)
        .collect())
}

fn form_page(
    ctx: Ctx,
    own: &[actor::Model],
    chosen: &str,
    input: &RequestInput,
    errors: ShownErrors,
) -> FormPage {
    FormPage {
        actors: own
            .iter()
            .map(|a| Choice {
                value: a.slug.clone(),
                label: a.name.clone(),
                selected: a.slug == chosen,
            })
            .collect(),
        title: input.title.clone(),
        body: input.body.clone(),
        competences: choices(&ctx, &COMPETENCES, &input.competences),
        industries: choices(&ctx, &INDUSTRIES, &input.industries),
        deadline: input.deadline.clone(),
        min_date: dias_core::time::date_input_value(dias_core::time::now()),
        errors,
        ctx,
    }
}

#[derive(Deserialize, Default)]
pub struct NewQuery {
    #[serde(default)]
    akteur: String,
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Query(q): Query<NewQuery>,
) -> AppResult<Response> {
    let own = own_actors(&state, &ctx).await?;
    if own.is_empty() {
        return Err(AppError::Forbidden);
    }
    let input = RequestInput {
        deadline: dias_core::time::date_input_value(dias_core::time::now() + 30 * 86_400),
        ..RequestInput::default()
    };
    page(&form_page(
        ctx,
        &own,
        &q.akteur,
        &input,
        ShownErrors::none(),
    ))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.user()?.clone();
    // Like the form: without a represented actor there is no action (refused
    // before validation and before the shared rate limit is counted).
    let own = own_actors(&state, &ctx).await?;
    if own.is_empty() {
        return Err(AppError::Forbidden);
    }
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let chosen = pairs
        .iter()
        .find(|(k, _)| k == "actor")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let input = RequestInput::from_pairs(&pairs);
    let actor = own.iter().find(|a| a.slug == chosen);
    if !chosen.is_empty() {
        // Posting for an actor one does not represent is refused outright.
        ctx.require(&NetworkAction::EditActor {
            representative: actor.is_some(),
        })?;
    }
    let validated = requests::validate(&input, dias_core::time::now());
    let (actor, valid) = match (actor, validated) {
        (Some(a), Ok(v)) => (a, v),
        (actor, result) => {
            let mut errors = result.err().unwrap_or_else(FieldErrors::new);
            if actor.is_none() {
                errors.add("actor", "matching-error-actor");
            }
            let shown = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &form_page(ctx, &own, &chosen, &input, shown),
            );
        }
    };
    let index = index(&state).await?;
    let (created, _) = requests::publish(&state.db, &me, actor, &valid, &index).await?;
    Ok(see_other(&format!(
        "/netzwerk/kooperationsgesuche/{}?hinweis=matching-gesuch-veroeffentlicht",
        created.id
    )))
}
