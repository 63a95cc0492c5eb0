//! Events: upcoming list and archive with filters, the event page with
//! registration, the calendar files, the organisers' forms, cancelling and
//! the participant list.

use askama::Template;
use axum::Router;
use axum::extract::{Path, RawQuery, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, field_errors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{Choice, choices, district_name, labels};
use crate::entities::event;
use crate::events::{
    self, EventAction, EventFilter, EventInput, Participant, Registered, When, topic_terms,
};
use crate::ical::{self, Calendar, CalendarEvent};

const PER_PAGE: u64 = 20;
/// Page links beyond this are refused: nobody reads page 5,000 and it costs.
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;
/// Events in one calendar feed.
const FEED_LIMIT: u64 = 500;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/netzwerk/veranstaltungen", get(list))
        .route("/netzwerk/veranstaltungen.ics", get(feed))
        .route("/netzwerk/veranstaltungen/archiv", get(archive))
        .route("/netzwerk/veranstaltungen/neu", get(new_form).post(create))
        // `{id}` or `{id}.ics`.
        .route("/netzwerk/veranstaltungen/{id}", get(show))
        .route(
            "/netzwerk/veranstaltungen/{id}/bearbeiten",
            get(edit_form).post(update),
        )
        .route("/netzwerk/veranstaltungen/{id}/anmelden", post(register))
        .route("/netzwerk/veranstaltungen/{id}/abmelden", post(unregister))
        .route("/netzwerk/veranstaltungen/{id}/absagen", post(cancel))
        .route(
            "/netzwerk/veranstaltungen/{id}/teilnehmende.csv",
            get(participants_csv),
        )
}

fn query_pairs(raw: Option<&str>) -> Vec<(String, String)> {
    serde_urlencoded::from_str(raw.unwrap_or("")).unwrap_or_default()
}

/// `?seite=N`: absent means 1; anything but 1 … MAX_PAGE is a clear 400.
fn page_number(ctx: &Ctx, pairs: &[(String, String)]) -> AppResult<u64> {
    match pairs
        .iter()
        .find(|(k, _)| k == "seite")
        .map(|(_, v)| v.as_str())
    {
        None | Some("") => Ok(1),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    }
}

/// Where an event takes place, in one line.
fn place_line(ctx: &Ctx, e: &event::Model) -> String {
    if e.online {
        return ctx.t("network-event-online");
    }
    let mut parts: Vec<&str> = Vec::new();
    for p in [&e.venue, &e.street] {
        if !p.is_empty() {
            parts.push(p);
        }
    }
    let town = if e.postcode.is_empty() {
        e.city.clone()
    } else {
        format!("{} {}", e.postcode, e.city)
    };
    let mut line = parts.join(", ");
    if !town.trim().is_empty() {
        if !line.is_empty() {
            line.push_str(", ");
        }
        line.push_str(&town);
    }
    line
}

fn kreis_choices(selected: &str) -> Vec<Choice> {
    dias_core::reference::cached()
        .districts
        .iter()
        .map(|d| Choice {
            value: d.ags5.clone(),
            label: d.name_short.clone(),
            selected: d.ags5 == selected,
        })
        .collect()
}

/// An event in a list.
pub struct EventCard {
    pub id: i64,
    pub title: String,
    pub when: String,
    pub datetime: String,
    pub place: String,
    pub organiser: String,
    pub organiser_slug: String,
    pub topics: Vec<String>,
    pub cancelled: bool,
    pub full: bool,
}

/// Cards for events with their organisers' names (one query).
pub(crate) async fn cards(
    state: &AppState,
    ctx: &Ctx,
    items: Vec<event::Model>,
) -> AppResult<Vec<EventCard>> {
    let organisers = events::organisers(&state.db, items.iter().map(|e| e.actor_id)).await?;
    Ok(items
        .into_iter()
        .map(|e| {
            let (organiser_slug, organiser) = match e.actor_id.and_then(|id| organisers.get(&id)) {
                Some((slug, name)) => (slug.clone(), name.clone()),
                None => (String::new(), ctx.t("network-event-organiser-dias")),
            };
            EventCard {
                when: events::format_span(e.starts_at, e.ends_at),
                datetime: dias_core::time::format_rfc3339(e.starts_at),
                place: place_line(ctx, &e),
                topics: labels(ctx, topic_terms(), &e.topics),
                cancelled: e.cancelled_at.is_some(),
                full: events::seats_left(&e) == Some(0),
                organiser,
                organiser_slug,
                id: e.id,
                title: e.title,
            }
        })
        .collect())
}

#[derive(Template)]
#[template(path = "network/events.html")]
struct ListPage {
    ctx: Ctx,
    archive: bool,
    cards: Vec<EventCard>,
    total: u64,
    pagination: Pagination,
    topics: Vec<Choice>,
    kreise: Vec<Choice>,
    format: String,
    feed_url: String,
    can_create: bool,
}

async fn listing(
    state: AppState,
    ctx: Ctx,
    raw: Option<String>,
    which: When,
) -> AppResult<Response> {
    let pairs = query_pairs(raw.as_deref());
    let filter = EventFilter::from_pairs(&pairs);
    let number = page_number(&ctx, &pairs)?;
    let now = dias_core::time::now();
    let (items, total) = events::page(&state.db, &filter, which, now, number, PER_PAGE).await?;
    let cards = cards(&state, &ctx, items).await?;
    let path = match which {
        When::Upcoming => "/netzwerk/veranstaltungen",
        When::Past => "/netzwerk/veranstaltungen/archiv",
    };
    let query = filter.query();
    let base = if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    };
    let feed_url = if query.is_empty() {
        "/netzwerk/veranstaltungen.ics".to_owned()
    } else {
        format!("/netzwerk/veranstaltungen.ics?{query}")
    };
    // Staff always; representatives see the button and learn on the form
    // whether they may organise (no query for visitors).
    let can_create = ctx.principal().is_some_and(|p| {
        p.role.is_staff_or_above() || p.role == dias_core::policy::Role::Representative
    });
    page(&ListPage {
        archive: which == When::Past,
        pagination: Pagination::new(number, total, PER_PAGE, base),
        topics: choices(&ctx, topic_terms(), std::slice::from_ref(&filter.topic)),
        kreise: kreis_choices(&filter.kreis),
        format: filter.format,
        feed_url,
        can_create,
        cards,
        total,
        ctx,
    })
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    listing(state, ctx, raw, When::Upcoming).await
}

async fn archive(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    listing(state, ctx, raw, When::Past).await
}

// ------------------------------------------------------------------ calendar files

fn calendar_event(
    state: &AppState,
    e: &event::Model,
    organiser: &str,
    place: String,
) -> CalendarEvent {
    let url = format!(
        "{}/netzwerk/veranstaltungen/{}",
        state.config.public_url.trim_end_matches('/'),
        e.id
    );
    let mut description = dias_core::markdown::to_plain_text(&e.description_md);
    description.push_str(&format!("\n\n{organiser}\n{url}"));
    let host = state
        .config
        .public_url
        .split("://")
        .nth(1)
        .unwrap_or("dias")
        .trim_end_matches('/')
        .to_owned();
    CalendarEvent {
        uid: format!("network-event-{}@{host}", e.id),
        start: e.starts_at,
        end: e.ends_at,
        summary: e.title.clone(),
        description,
        // The link of an online event is for registered people only.
        location: place,
        url,
        categories: crate::domain::split_list(&e.topics)
            .filter_map(events::find_topic)
            .map(|t| t.de.to_owned())
            .collect(),
        cancelled: e.cancelled_at.is_some(),
        updated: e.updated_at,
        all_day: None,
    }
}

fn calendar_response(body: String, filename: &str) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

async fn calendar(state: &AppState, ctx: &Ctx, items: Vec<event::Model>) -> AppResult<String> {
    let organisers = events::organisers(&state.db, items.iter().map(|e| e.actor_id)).await?;
    let dias = ctx.t("network-event-organiser-dias");
    let events = items
        .iter()
        .map(|e| {
            let organiser = e
                .actor_id
                .and_then(|id| organisers.get(&id))
                .map(|(_, name)| name.as_str())
                .unwrap_or(&dias);
            calendar_event(state, e, organiser, place_line(ctx, e))
        })
        .collect();
    Ok(ical::render(
        &Calendar {
            name: ctx.t("network-events-calendar-name"),
            events,
        },
        dias_core::time::now(),
    ))
}

async fn feed(
    State(state): State<AppState>,
    ctx: Ctx,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let filter = EventFilter::from_pairs(&query_pairs(raw.as_deref()));
    let items = events::feed(&state.db, &filter, dias_core::time::now(), FEED_LIMIT).await?;
    let body = calendar(&state, &ctx, items).await?;
    Ok(calendar_response(body, "veranstaltungen.ics"))
}

// ------------------------------------------------------------------ event page

#[derive(Template)]
#[template(path = "network/event.html")]
struct EventPage {
    ctx: Ctx,
    event: event::Model,
    description_html: String,
    when: String,
    datetime: String,
    place: String,
    district: String,
    organiser: String,
    organiser_slug: String,
    topics: Vec<String>,
    seats_left: Option<i64>,
    cancelled: bool,
    started: bool,
    /// `confirmed`, `waiting` or empty.
    my_status: String,
    my_position: u64,
    can_manage: bool,
    participants: Vec<Participant>,
    errors: ShownErrors,
    reason: String,
}

async fn event_page(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    errors: ShownErrors,
    reason: String,
    status: StatusCode,
) -> AppResult<Response> {
    let e = events::get(&state.db, id).await?;
    let now = dias_core::time::now();
    let (my_status, my_position, organiser_rep) = match ctx.principal() {
        Some(me) => {
            let mine = events::registration_of(&state.db, id, me.user_id).await?;
            let position = match &mine {
                Some(r) => events::waiting_position(&state.db, r).await?.unwrap_or(0),
                None => 0,
            };
            (
                mine.map(|r| r.status).unwrap_or_default(),
                position,
                events::represents_organiser(&state.db, &e, me.user_id).await?,
            )
        }
        None => (String::new(), 0, false),
    };
    let can_manage = ctx.can(&EventAction::Manage {
        organiser: organiser_rep,
    });
    let participants = if can_manage {
        events::participants(&state.db, id).await?
    } else {
        Vec::new()
    };
    let organisers = events::organisers(&state.db, std::iter::once(e.actor_id)).await?;
    let (organiser_slug, organiser) = match e.actor_id.and_then(|id| organisers.get(&id)) {
        Some((slug, name)) => (slug.clone(), name.clone()),
        None => (String::new(), ctx.t("network-event-organiser-dias")),
    };
    page_with_status(
        status,
        &EventPage {
            description_html: dias_core::markdown::render(&e.description_md),
            when: events::format_span(e.starts_at, e.ends_at),
            datetime: dias_core::time::format_rfc3339(e.starts_at),
            place: place_line(&ctx, &e),
            district: district_name(&e.ags5),
            topics: labels(&ctx, topic_terms(), &e.topics),
            seats_left: events::seats_left(&e),
            cancelled: e.cancelled_at.is_some(),
            started: e.starts_at <= now,
            organiser,
            organiser_slug,
            my_status,
            my_position,
            can_manage,
            participants,
            errors,
            reason,
            event: e,
            ctx,
        },
    )
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    if let Some(id) = id.strip_suffix(".ics") {
        let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
        let e = events::get(&state.db, id).await?;
        let body = calendar(&state, &ctx, vec![e]).await?;
        return Ok(calendar_response(body, &format!("veranstaltung-{id}.ics")));
    }
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    event_page(
        &state,
        ctx,
        id,
        ShownErrors::none(),
        String::new(),
        StatusCode::OK,
    )
    .await
}

async fn register(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let me = ctx.require(&EventAction::Register)?.user()?.clone();
    let notice = match events::register(&state.db, &me, id).await? {
        Registered::Confirmed => "veranstaltung-angemeldet",
        Registered::Waiting => "veranstaltung-warteliste",
    };
    Ok(see_other(&format!(
        "/netzwerk/veranstaltungen/{id}?hinweis={notice}#anmeldung"
    )))
}

async fn unregister(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let me = ctx.require(&EventAction::Register)?.user()?.clone();
    events::unregister(&state.db, &state.mail_env(), &me, id).await?;
    Ok(see_other(&format!(
        "/netzwerk/veranstaltungen/{id}?hinweis=veranstaltung-abgemeldet#anmeldung"
    )))
}

/// Whether the signed-in person manages the event (organiser or staff);
/// 403 otherwise.
async fn require_manage(state: &AppState, ctx: &Ctx, e: &event::Model) -> AppResult<()> {
    let organiser = match ctx.principal() {
        Some(me) => events::represents_organiser(&state.db, e, me.user_id).await?,
        None => false,
    };
    ctx.require(&EventAction::Manage { organiser })?;
    Ok(())
}

#[derive(Deserialize, Default)]
pub struct CancelForm {
    #[serde(default)]
    reason: String,
}

async fn cancel(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(form): Form<CancelForm>,
) -> AppResult<Response> {
    let e = events::get(&state.db, id).await?;
    require_manage(&state, &ctx, &e).await?;
    let me = ctx.user()?.clone();
    match field_errors(events::cancel(&state.db, &state.mail_env(), &me, id, &form.reason).await)? {
        Ok(()) => Ok(see_other(&format!(
            "/netzwerk/veranstaltungen/{id}?hinweis=veranstaltung-abgesagt"
        ))),
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            event_page(
                &state,
                ctx,
                id,
                shown,
                form.reason,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn participants_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let e = events::get(&state.db, id).await?;
    require_manage(&state, &ctx, &e).await?;
    let rows = events::participants(&state.db, id).await?;
    let csv = events::participants_csv(
        &rows,
        [
            &ctx.t("network-event-csv-name"),
            &ctx.t("network-event-csv-state"),
            &ctx.t("network-event-csv-registered"),
        ],
        [
            &ctx.t("network-event-state-confirmed"),
            &ctx.t("network-event-state-waiting"),
        ],
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"teilnehmende-{id}.csv\""),
            ),
        ],
        csv,
    )
        .into_response())
}

// ------------------------------------------------------------------ forms

#[derive(Template)]
#[template(path = "network/event_form.html")]
struct FormPage {
    ctx: Ctx,
    event_id: Option<i64>,
    errors: ShownErrors,
    input: EventInput,
    organisers: Vec<Choice>,
    topics: Vec<Choice>,
    municipalities: Vec<Choice>,
}

impl FormPage {
    fn action(&self) -> String {
        match self.event_id {
            Some(id) => format!("/netzwerk/veranstaltungen/{id}/bearbeiten"),
            None => "/netzwerk/veranstaltungen/neu".to_owned(),
        }
    }
}

/// Whom the person may organise for: their verified actors, plus the
/// event's current organiser when editing, plus DiAS (empty) for staff.
struct Organisers {
    ids: Vec<i64>,
    choices: Vec<(String, String)>,
    staff: bool,
}

async fn organisers_for(
    state: &AppState,
    ctx: &Ctx,
    current: Option<&event::Model>,
) -> AppResult<Organisers> {
    let me = ctx.user()?;
    let staff = me.role.is_staff_or_above();
    let mut actors = events::organisable_actors(&state.db, me.user_id).await?;
    if let Some(actor_id) = current.and_then(|e| e.actor_id)
        && !actors.iter().any(|a| a.id == actor_id)
        && let Some(a) = crate::store::actors_by_ids(&state.db, &[actor_id])
            .await?
            .into_iter()
            .next()
    {
        actors.push(a);
    }
    let mut choices = Vec::new();
    if staff {
        choices.push((String::new(), ctx.t("network-event-organiser-dias")));
    }
    choices.extend(actors.iter().map(|a| (a.id.to_string(), a.name.clone())));
    Ok(Organisers {
        ids: actors.iter().map(|a| a.id).collect(),
        choices,
        staff,
    })
}

fn form_page(
    ctx: Ctx,
    event_id: Option<i64>,
    errors: ShownErrors,
    input: EventInput,
    organisers: &Organisers,
) -> FormPage {
    let municipalities = dias_core::reference::cached()
        .municipalities
        .iter()
        .map(|m| Choice {
            selected: m.ags8 == input.ags8,
            label: format!("{} ({})", m.name_short, district_name(&m.district_ags5)),
            value: m.ags8.clone(),
        })
        .collect();
    FormPage {
        organisers: organisers
            .choices
            .iter()
            .map(|(value, label)| Choice {
                selected: *value == input.organiser,
                value: value.clone(),
                label: label.clone(),
            })
            .collect(),
        topics: choices(&ctx, topic_terms(), &input.topics),
        municipalities,
        event_id,
        errors,
        input,
        ctx,
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.user()?;
    let organisers = organisers_for(&state, &ctx, None).await?;
    ctx.require(&EventAction::Create {
        representative: !organisers.ids.is_empty(),
    })?;
    let input = EventInput {
        format: "vor-ort".into(),
        organiser: organisers
            .choices
            .first()
            .map(|(v, _)| v.clone())
            .unwrap_or_default(),
        ..EventInput::default()
    };
    page(&form_page(
        ctx,
        None,
        ShownErrors::none(),
        input,
        &organisers,
    ))
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    ctx.user()?;
    let organisers = organisers_for(&state, &ctx, None).await?;
    ctx.require(&EventAction::Create {
        representative: !organisers.ids.is_empty(),
    })?;
    let me = ctx.user()?.clone();
    let input = EventInput::from_pairs(&pairs);
    let valid = events::validate_event(
        &input,
        &organisers.ids,
        organisers.staff,
        Some(dias_core::time::now()),
    );
    match valid {
        Ok(v) => {
            let id = events::create(&state.db, &me, &v).await?;
            Ok(see_other(&format!(
                "/netzwerk/veranstaltungen/{id}?hinweis=veranstaltung-gespeichert"
            )))
        }
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                ctx.clone(),
                None,
                ShownErrors::new(&ctx, &errors),
                input,
                &organisers,
            ),
        ),
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
) -> AppResult<Response> {
    let e = events::get(&state.db, id).await?;
    require_manage(&state, &ctx, &e).await?;
    let organisers = organisers_for(&state, &ctx, Some(&e)).await?;
    page(&form_page(
        ctx,
        Some(id),
        ShownErrors::none(),
        EventInput::from_event(&e),
        &organisers,
    ))
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let e = events::get(&state.db, id).await?;
    require_manage(&state, &ctx, &e).await?;
    if e.cancelled_at.is_some() {
        return Err(AppError::Conflict("network-event-error-cancelled".into()));
    }
    let me = ctx.user()?.clone();
    let organisers = organisers_for(&state, &ctx, Some(&e)).await?;
    let input = EventInput::from_pairs(&pairs);
    match events::validate_event(&input, &organisers.ids, organisers.staff, None) {
        Ok(v) => {
            events::update(&state.db, &state.mail_env(), &me, id, &v).await?;
            Ok(see_other(&format!(
                "/netzwerk/veranstaltungen/{id}?hinweis=veranstaltung-gespeichert"
            )))
        }
        Err(errors) => page_with_status(
            StatusCode::UNPROCESSABLE_ENTITY,
            &form_page(
                ctx.clone(),
                Some(id),
                ShownErrors::new(&ctx, &errors),
                input,
                &organisers,
            ),
        ),
    }
}

// ------------------------------------------------------------------ profile block

/// An actor's upcoming events and latest posts, for its profile page.
pub struct Activity {
    pub events: Vec<EventCard>,
    pub posts: Vec<super::posts::PostCard>,
}

/// Events and posts shown on a profile.
const PROFILE_ITEMS: u64 = 5;

pub(crate) async fn activity(state: &AppState, ctx: &Ctx, actor_id: i64) -> AppResult<Activity> {
    let upcoming =
        events::upcoming_of_actor(&state.db, actor_id, dias_core::time::now(), PROFILE_ITEMS)
            .await?;
    let latest = crate::posts::latest_of_actor(&state.db, actor_id, PROFILE_ITEMS).await?;
    Ok(Activity {
        events: cards(state, ctx, upcoming).await?,
        posts: super::posts::cards(state, ctx, latest).await?,
    })
}
