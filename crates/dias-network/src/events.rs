//! Events (Veranstaltungen) of the KI-Netzwerk: rules, queries and writes.
//!
//! An event is organised by an actor (created by one of its representatives)
//! or by DiAS (created by staff). Signed-in people register until the seats
//! are taken, then join a waiting list; when a confirmed person cancels, the
//! first waiting person moves up in the same transaction and is notified.
//! Every registration change runs in a write transaction
//! ([`dias_core::db::begin_write`], which holds SQLite's write lock) and
//! first "touches" the event row with a no-op update, which takes the row
//! lock on PostgreSQL: changes to one event's seats happen one after the
//! other and `confirmed_count` stays exact under concurrent requests.

use std::collections::HashMap;

use dias_core::accounts::MailEnv;
use dias_core::entities::{notification, user};
use dias_core::i18n::Value;
use dias_core::notifications::{self, NewNotification};
use dias_core::policy::{Policy, Principal};
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult, outbox};
use dias_search::{SearchDoc, SearchSource};
use jiff::tz::TimeZone;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select, Set,
};

use crate::domain::{self, COMPETENCES, INDUSTRIES, Term};
use crate::entities::{actor, event, event_registration};

/// Search document kind and notification target kind.
pub const KIND_EVENT: &str = "network-event";
pub const CONFIRMED: &str = "confirmed";
pub const WAITING: &str = "waiting";

pub const TITLE_MAX: usize = 200;
pub const TEXT_MAX: usize = 20_000;
pub const CAPACITY_MAX: i32 = 100_000;
/// Longest event: a conference week is fine, a season is not.
pub const DURATION_MAX_SECS: i64 = 14 * 86_400;

// ------------------------------------------------------------------ policy

/// Who may do what with events. Whether someone represents the organiser
/// (or any verified actor) is looked up by the handler and passed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventAction {
    /// Register for an event (any signed-in account).
    Register,
    /// Create an event: representatives of a verified actor, staff.
    Create { representative: bool },
    /// Edit or cancel an event and see its participants: representatives
    /// of the organiser, staff.
    Manage { organiser: bool },
}

impl Policy for EventAction {
    fn permits(&self, who: Option<&Principal>) -> bool {
        let Some(who) = who else { return false };
        match self {
            EventAction::Register => true,
            EventAction::Create { representative } => {
                *representative || who.role.is_staff_or_above()
            }
            EventAction::Manage { organiser } => *organiser || who.role.is_staff_or_above(),
        }
    }
}

// ------------------------------------------------------------------ topics and times

/// Event and post topics: the competences, then the industries.
pub fn topic_terms() -> impl Iterator<Item = &'static Term> {
    COMPETENCES.iter().chain(INDUSTRIES.iter())
}

pub fn find_topic(slug: &str) -> Option<&'static Term> {
    topic_terms().find(|t| t.slug == slug)
}

fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC)
}

/// A `datetime-local` value (`2026-12-01T14:00`) read as Berlin time, as
/// Unix seconds; `None` for anything else. In the hour that exists twice in
/// October the earlier instant is taken.
pub fn parse_berlin_local(value: &str) -> Option<i64> {
    let dt: jiff::civil::DateTime = value.trim().parse().ok()?;
    let zoned = dt.to_zoned_datetime(berlin()).ok()?;
    Some(zoned.timestamp().as_second())
}

/// The `datetime-local` value of an instant, in Berlin time.
pub fn local_input_value(unix: i64) -> String {
    jiff::Timestamp::from_second(unix)
        .map(|ts| {
            ts.to_zoned_datetime(berlin())
                .strftime("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_default()
}

/// `01.12.2026, 14:00 – 17:30` or, over several days,
/// `01.12.2026, 14:00 – 02.12.2026, 12:00` (Berlin time).
pub fn format_span(start: i64, end: i64) -> String {
    let (s, e) = (
        dias_core::time::format_datetime(start),
        dias_core::time::format_datetime(end),
    );
    if dias_core::time::format_date(start) == dias_core::time::format_date(end) {
        let time = e.rsplit(", ").next().unwrap_or(&e);
        format!("{s} – {time}")
    } else {
        format!("{s} – {e}")
    }
}

// ------------------------------------------------------------------ validation

/// The event form as submitted (strings, kept on errors).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventInput {
    pub title: String,
    pub description: String,
    pub starts: String,
    pub ends: String,
    /// `vor-ort` or `online`.
    pub format: String,
    pub online_url: String,
    pub venue: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub topics: Vec<String>,
    pub capacity: String,
    /// An actor id, or empty for DiAS.
    pub organiser: String,
}

impl EventInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> EventInput {
        let mut input = EventInput::default();
        for (key, value) in pairs {
            let value = value.clone();
            match key.as_str() {
                "title" => input.title = value,
                "description" => input.description = value,
                "starts" => input.starts = value,
                "ends" => input.ends = value,
                "format" => input.format = value,
                "online_url" => input.online_url = value,
                "venue" => input.venue = value,
                "street" => input.street = value,
                "postcode" => input.postcode = value,
                "city" => input.city = value,
                "ags8" => input.ags8 = value,
                "topics" => input.topics.push(value),
                "capacity" => input.capacity = value,
                "organiser" => input.organiser = value,
                _ => {}
            }
        }
        input
    }

    pub fn from_event(e: &event::Model) -> EventInput {
        EventInput {
            title: e.title.clone(),
            description: e.description_md.clone(),
            starts: local_input_value(e.starts_at),
            ends: local_input_value(e.ends_at),
            format: if e.online { "online" } else { "vor-ort" }.to_owned(),
            online_url: e.online_url.clone(),
            venue: e.venue.clone(),
            street: e.street.clone(),
            postcode: e.postcode.clone(),
            city: e.city.clone(),
            ags8: e.ags8.clone(),
            topics: domain::split_list(&e.topics).map(str::to_owned).collect(),
            capacity: e.capacity.map(|c| c.to_string()).unwrap_or_default(),
            organiser: e.actor_id.map(|id| id.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ValidEvent {
    pub actor_id: Option<i64>,
    pub title: String,
    pub description_md: String,
    pub starts_at: i64,
    pub ends_at: i64,
    pub online: bool,
    pub online_url: String,
    pub venue: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub ags5: String,
    pub topics: Vec<String>,
    pub capacity: Option<i32>,
}

/// Checks the form. `organisers` are the actors the person may organise
/// for; `staff` may also organise for DiAS (empty organiser). A new event must start in the future
/// (`new_after`); an edited one keeps whatever start it had.
pub fn validate_event(
    input: &EventInput,
    organisers: &[i64],
    staff: bool,
    new_after: Option<i64>,
) -> Result<ValidEvent, FieldErrors> {
    let mut errors = FieldErrors::new();
    let actor_id = domain::acting_for(
        &mut errors,
        "organiser",
        "network-event-error-organiser",
        &input.organiser,
        organisers,
        staff,
    );
    let title = required_text(&mut errors, "title", &input.title, TITLE_MAX);
    let description_md = required_text(&mut errors, "description", &input.description, TEXT_MAX);
    let starts_at = parse_berlin_local(&input.starts);
    if starts_at.is_none() {
        errors.add("starts", "network-event-error-time");
    }
    let ends_at = parse_berlin_local(&input.ends);
    if ends_at.is_none() {
        errors.add("ends", "network-event-error-time");
    }
    if let (Some(s), Some(e)) = (starts_at, ends_at) {
        if e <= s {
            errors.add("ends", "network-event-error-end-before-start");
        } else if e - s > DURATION_MAX_SECS {
            errors.add("ends", "network-event-error-too-long");
        }
        if let Some(now) = new_after
            && s <= now
        {
            errors.add("starts", "network-event-error-start-past");
        }
    }
    let online = match input.format.as_str() {
        "online" => true,
        "vor-ort" => false,
        _ => {
            errors.add("format", "network-event-error-format");
            false
        }
    };
    let mut online_url = String::new();
    let (mut venue, mut street, mut postcode, mut city, mut ags8, mut ags5) = Default::default();
    if online {
        online_url = input.online_url.trim().to_owned();
        if !domain::valid_website(&online_url) || online_url.len() > 300 {
            errors.add("online_url", "network-event-error-url");
        }
    } else {
        venue = required_text(&mut errors, "venue", &input.venue, 200);
        street = input.street.trim().to_owned();
        if street.chars().count() > 200 {
            errors.add("street", "error-too-long");
        }
        postcode = input.postcode.trim().to_owned();
        if !postcode.is_empty()
            && (postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()))
        {
            errors.add("postcode", "network-event-error-postcode");
        }
        city = required_text(&mut errors, "city", &input.city, 100);
        ags8 = input.ags8.trim().to_owned();
        match dias_core::reference::cached().municipality(&ags8) {
            Some(m) => ags5 = m.district_ags5.clone(),
            None => errors.add("ags8", "network-event-error-municipality"),
        }
    }
    let mut topics = Vec::new();
    for t in &input.topics {
        match find_topic(t.trim()) {
            Some(term) if !topics.contains(&term.slug.to_owned()) => {
                topics.push(term.slug.to_owned());
            }
            Some(_) => {}
            None => errors.add("topics", "network-event-error-topic"),
        }
    }
    let capacity = match input.capacity.trim() {
        "" => None,
        c => match c.parse::<i32>() {
            Ok(c) if (1..=CAPACITY_MAX).contains(&c) => Some(c),
            _ => {
                errors.add("capacity", "network-event-error-capacity");
                None
            }
        },
    };
    errors.into_result()?;
    Ok(ValidEvent {
        actor_id,
        title,
        description_md,
        starts_at: starts_at.unwrap_or_default(),
        ends_at: ends_at.unwrap_or_default(),
        online,
        online_url,
        venue,
        street,
        postcode,
        city,
        ags8,
        ags5,
        topics,
        capacity,
    })
}

/// Why a registration is refused, as a message id: the event was cancelled
/// or has begun.
pub fn registration_refusal(e: &event::Model, now: i64) -> Option<&'static str> {
    if e.cancelled_at.is_some() {
        Some("network-event-error-cancelled")
    } else if e.starts_at <= now {
        Some("network-event-error-past")
    } else {
        None
    }
}

/// Seats left; `None` when the event takes everyone.
pub fn seats_left(e: &event::Model) -> Option<i64> {
    e.capacity
        .map(|c| Ord::max(i64::from(c) - i64::from(e.confirmed_count), 0))
}

// ------------------------------------------------------------------ lists

/// The list filters, as in the query string (`thema`, `kreis`, `format`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventFilter {
    pub topic: String,
    pub kreis: String,
    /// `online`, `vor-ort` or empty.
    pub format: String,
}

impl EventFilter {
    /// Reads the filters, dropping values that are not real choices.
    pub fn from_pairs(pairs: &[(String, String)]) -> EventFilter {
        let mut f = EventFilter::default();
        for (key, value) in pairs {
            match key.as_str() {
                "thema" if find_topic(value).is_some() => f.topic = value.clone(),
                "kreis" if dias_core::reference::cached().district(value).is_some() => {
                    f.kreis = value.clone();
                }
                "format" if value == "online" || value == "vor-ort" => f.format = value.clone(),
                _ => {}
            }
        }
        f
    }

    /// The filters as query pairs (for links and the feed URL).
    pub fn pairs(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        for (key, value) in [
            ("thema", &self.topic),
            ("kreis", &self.kreis),
            ("format", &self.format),
        ] {
            if !value.is_empty() {
                out.push((key, value.as_str()));
            }
        }
        out
    }

    pub fn query(&self) -> String {
        serde_urlencoded::to_string(self.pairs()).unwrap_or_default()
    }
}

/// A condition matching a comma-separated list column that contains `slug`
/// (slugs are `[a-z-]`, so no LIKE wildcard can sneak in).
pub fn list_contains<C: ColumnTrait>(column: C, slug: &str) -> Condition {
    Condition::any()
        .add(column.eq(slug))
        .add(column.like(format!("{slug},%")))
        .add(column.like(format!("%,{slug}")))
        .add(column.like(format!("%,{slug},%")))
}

fn filtered(filter: &EventFilter) -> Select<event::Entity> {
    let mut q = event::Entity::find();
    if !filter.topic.is_empty() {
        q = q.filter(list_contains(event::Column::Topics, &filter.topic));
    }
    if !filter.kreis.is_empty() {
        q = q.filter(event::Column::Ags5.eq(filter.kreis.clone()));
    }
    match filter.format.as_str() {
        "online" => q = q.filter(event::Column::Online.eq(true)),
        "vor-ort" => q = q.filter(event::Column::Online.eq(false)),
        _ => {}
    }
    q
}

/// Upcoming (not yet ended) or past events.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Upcoming,
    Past,
}

fn when(q: Select<event::Entity>, when: When, now: i64) -> Select<event::Entity> {
    match when {
        When::Upcoming => q
            .filter(event::Column::EndsAt.gt(now))
            .order_by_asc(event::Column::StartsAt)
            .order_by_asc(event::Column::Id),
        When::Past => q
            .filter(event::Column::EndsAt.lte(now))
            .order_by_desc(event::Column::StartsAt)
            .order_by_desc(event::Column::Id),
    }
}

/// One page of events and the number of all that match (two queries).
pub async fn page(
    db: &DatabaseConnection,
    filter: &EventFilter,
    which: When,
    now: i64,
    page: u64,
    per_page: u64,
) -> Result<(Vec<event::Model>, u64), DbErr> {
    let total = when(filtered(filter), which, now).count(db).await?;
    let items = when(filtered(filter), which, now)
        .offset(page.saturating_sub(1) * per_page)
        .limit(per_page)
        .all(db)
        .await?;
    Ok((items, total))
}

/// Upcoming events for the calendar feed, at most `limit`.
pub async fn feed(
    db: &DatabaseConnection,
    filter: &EventFilter,
    now: i64,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    when(filtered(filter), When::Upcoming, now)
        .limit(limit)
        .all(db)
        .await
}

/// An actor's next events (its profile page).
pub async fn upcoming_of_actor<C: ConnectionTrait>(
    db: &C,
    actor_id: i64,
    now: i64,
    limit: u64,
) -> Result<Vec<event::Model>, DbErr> {
    event::Entity::find()
        .filter(event::Column::ActorId.eq(actor_id))
        .filter(event::Column::EndsAt.gt(now))
        .filter(event::Column::CancelledAt.is_null())
        .order_by_asc(event::Column::StartsAt)
        .limit(limit)
        .all(db)
        .await
}

/// Organising actors by id (slug, name), one query.
pub async fn organisers<C: ConnectionTrait>(
    db: &C,
    ids: impl Iterator<Item = Option<i64>>,
) -> Result<HashMap<i64, (String, String)>, DbErr> {
    let mut ids: Vec<i64> = ids.flatten().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows: Vec<(i64, String, String)> = actor::Entity::find()
        .select_only()
        .column(actor::Column::Id)
        .column(actor::Column::Slug)
        .column(actor::Column::Name)
        .filter(actor::Column::Id.is_in(ids))
        .into_tuple()
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, slug, name)| (id, (slug, name)))
        .collect())
}

pub async fn get<C: ConnectionTrait>(db: &C, id: i64) -> CoreResult<event::Model> {
    event::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(CoreError::NotFound)
}

/// Verified actors an account represents (whom it may organise for).
pub async fn organisable_actors<C: ConnectionTrait>(
    db: &C,
    user_id: i64,
) -> Result<Vec<actor::Model>, DbErr> {
    Ok(crate::store::actors_of_user(db, user_id)
        .await?
        .into_iter()
        .filter(|a| a.status == domain::VERIFIED)
        .collect())
}

/// Whether `user_id` represents the organiser of `e`.
pub async fn represents_organiser<C: ConnectionTrait>(
    db: &C,
    e: &event::Model,
    user_id: i64,
) -> Result<bool, DbErr> {
    match e.actor_id {
        Some(actor_id) => crate::store::is_representative(db, actor_id, user_id).await,
        None => Ok(false),
    }
}

// ------------------------------------------------------------------ writes

fn apply(model: &mut event::ActiveModel, v: &ValidEvent) {
    model.title = Set(v.title.clone());
    model.description_md = Set(v.description_md.clone());
    model.starts_at = Set(v.starts_at);
    model.ends_at = Set(v.ends_at);
    model.online = Set(v.online);
    model.online_url = Set(v.online_url.clone());
    model.venue = Set(v.venue.clone());
    model.street = Set(v.street.clone());
    model.postcode = Set(v.postcode.clone());
    model.city = Set(v.city.clone());
    model.ags8 = Set(v.ags8.clone());
    model.ags5 = Set(v.ags5.clone());
    model.topics = Set(v.topics.join(","));
    model.capacity = Set(v.capacity);
}

pub async fn create(db: &DatabaseConnection, who: &Principal, v: &ValidEvent) -> CoreResult<i64> {
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let mut model = event::ActiveModel {
        actor_id: Set(v.actor_id),
        confirmed_count: Set(0),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
        created_by: Set(Some(who.user_id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    };
    apply(&mut model, v);
    let created = model.insert(&txn).await?;
    outbox::search_changed(&txn, KIND_EVENT, &created.id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "network.event.created",
        "network_event",
        Some(&created.id.to_string()),
        serde_json::json!({ "actor_id": v.actor_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

/// Locks the event's row (PostgreSQL; SQLite's write transaction holds the
/// whole database) before anything about its seats is read. `false` when it
/// does not exist.
async fn lock_event<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    let touched = event::Entity::update_many()
        .col_expr(
            event::Column::UpdatedAt,
            Expr::col(event::Column::UpdatedAt),
        )
        .filter(event::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(touched.rows_affected > 0)
}

/// Saves an edit. The organiser stays (staff may change it); a larger
/// capacity moves waiting people up.
pub async fn update(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    who: &Principal,
    id: i64,
    v: &ValidEvent,
) -> CoreResult<()> {
    let txn = dias_core::db::begin_write(db).await?;
    if !lock_event(&txn, id).await? {
        return Err(CoreError::NotFound);
    }
    let current = get(&txn, id).await?;
    let mut model: event::ActiveModel = current.clone().into();
    apply(&mut model, v);
    model.actor_id = Set(v.actor_id);
    model.updated_at = Set(dias_core::time::now());
    let saved = model.update(&txn).await?;
    fill_from_waiting_list(&txn, env, &saved).await?;
    outbox::search_changed(&txn, KIND_EVENT, &id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "network.event.updated",
        "network_event",
        Some(&id.to_string()),
        serde_json::json!({}),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Whether a registration took a seat or joined the waiting list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Registered {
    Confirmed,
    Waiting,
}

/// Registers a person; registering twice returns the existing state.
/// Refused (409) for cancelled events and events that have begun, with
/// nothing stored.
pub async fn register(db: &DatabaseConnection, who: &Principal, id: i64) -> CoreResult<Registered> {
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    if !lock_event(&txn, id).await? {
        return Err(CoreError::NotFound);
    }
    let e = get(&txn, id).await?;
    if let Some(refusal) = registration_refusal(&e, now) {
        return Err(CoreError::Conflict(refusal.to_owned()));
    }
    if let Some(existing) = registration_of(&txn, id, who.user_id).await? {
        return Ok(if existing.status == CONFIRMED {
            Registered::Confirmed
        } else {
            Registered::Waiting
        });
    }
    let outcome = if seats_left(&e).is_none_or(|left| left > 0) {
        event::Entity::update_many()
            .col_expr(
                event::Column::ConfirmedCount,
                Expr::col(event::Column::ConfirmedCount).add(1),
            )
            .filter(event::Column::Id.eq(id))
            .exec(&txn)
            .await?;
        Registered::Confirmed
    } else {
        Registered::Waiting
    };
    event_registration::ActiveModel {
        event_id: Set(id),
        user_id: Set(who.user_id),
        status: Set(match outcome {
            Registered::Confirmed => CONFIRMED,
            Registered::Waiting => WAITING,
        }
        .to_owned()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(outcome)
}

/// Cancels a person's registration. A freed seat goes to the first person
/// on the waiting list, who is notified; returns that person's id.
pub async fn unregister(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    who: &Principal,
    id: i64,
) -> CoreResult<Option<i64>> {
    let txn = dias_core::db::begin_write(db).await?;
    if !lock_event(&txn, id).await? {
        return Err(CoreError::NotFound);
    }
    let moved_up = remove_registration(&txn, env, id, who.user_id).await?;
    txn.commit().await?;
    Ok(moved_up)
}

/// Removes a person's registration (the event locked by the caller); a
/// freed seat goes to the waiting list. Returns who moved up first.
async fn remove_registration<C: ConnectionTrait>(
    txn: &C,
    env: &MailEnv<'_>,
    event_id: i64,
    user_id: i64,
) -> Result<Option<i64>, DbErr> {
    let Some(mine) = registration_of(txn, event_id, user_id).await? else {
        return Ok(None);
    };
    event_registration::Entity::delete_by_id(mine.id)
        .exec(txn)
        .await?;
    if mine.status != CONFIRMED {
        return Ok(None);
    }
    event::Entity::update_many()
        .col_expr(
            event::Column::ConfirmedCount,
            Expr::col(event::Column::ConfirmedCount).sub(1),
        )
        .filter(event::Column::Id.eq(event_id))
        .filter(event::Column::ConfirmedCount.gt(0))
        .exec(txn)
        .await?;
    let Some(e) = event::Entity::find_by_id(event_id).one(txn).await? else {
        return Ok(None);
    };
    Ok(fill_from_waiting_list(txn, env, &e)
        .await?
        .into_iter()
        .next())
}

/// A deleted account's registrations go (DSGVO Art. 17); seats it held in
/// coming events pass to the waiting list.
pub async fn erase_registrations<C: ConnectionTrait>(
    txn: &C,
    env: &MailEnv<'_>,
    user_id: i64,
) -> Result<(), DbErr> {
    // Locked in id order, so two deletions at once cannot deadlock.
    let events: Vec<i64> = event_registration::Entity::find()
        .select_only()
        .column(event_registration::Column::EventId)
        .filter(event_registration::Column::UserId.eq(user_id))
        .order_by_asc(event_registration::Column::EventId)
        .into_tuple()
        .all(txn)
        .await?;
    for event_id in events {
        lock_event(txn, event_id).await?;
        remove_registration(txn, env, event_id, user_id).await?;
    }
    Ok(())
}

/// Moves waiting people up while seats are free (not after the start or for
/// a cancelled event), notifies and mails them. Call with the event locked.
async fn fill_from_waiting_list<C: ConnectionTrait>(
    db: &C,
    env: &MailEnv<'_>,
    e: &event::Model,
) -> Result<Vec<i64>, DbErr> {
    if registration_refusal(e, dias_core::time::now()).is_some() {
        return Ok(Vec::new());
    }
    let mut query = event_registration::Entity::find()
        .select_only()
        .column(event_registration::Column::Id)
        .column(event_registration::Column::UserId)
        .filter(event_registration::Column::EventId.eq(e.id))
        .filter(event_registration::Column::Status.eq(WAITING))
        .order_by_asc(event_registration::Column::Id);
    match seats_left(e) {
        Some(0) => return Ok(Vec::new()),
        Some(n) => query = query.limit(u64::try_from(n).unwrap_or(0)),
        // Without a capacity everyone waiting gets a seat.
        None => {}
    }
    let waiting: Vec<(i64, i64)> = query.into_tuple().all(db).await?;
    if waiting.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = waiting.iter().map(|(id, _)| *id).collect();
    let users: Vec<i64> = waiting.iter().map(|(_, u)| *u).collect();
    event_registration::Entity::update_many()
        .col_expr(event_registration::Column::Status, Expr::value(CONFIRMED))
        .filter(event_registration::Column::Id.is_in(ids))
        .exec(db)
        .await?;
    let moved = i32::try_from(users.len()).unwrap_or(i32::MAX);
    event::Entity::update_many()
        .col_expr(
            event::Column::ConfirmedCount,
            Expr::col(event::Column::ConfirmedCount).add(moved),
        )
        .filter(event::Column::Id.eq(e.id))
        .exec(db)
        .await?;
    notifications::notify(
        db,
        &users,
        &NewNotification {
            kind: "notif-network-event-moved-up",
            args: serde_json::json!({}),
            title: &e.title,
            summary: &format_span(e.starts_at, e.ends_at),
            link: &format!("/netzwerk/veranstaltungen/{}", e.id),
        },
    )
    .await?;
    mail_people(
        db,
        env,
        &users,
        e,
        "notif-network-event-moved-up",
        (
            "network-mail-moved-up-subject",
            "network-mail-moved-up-body",
        ),
        "",
    )
    .await?;
    Ok(users)
}

/// Mails people about a change to their registration at once, in their
/// language: a seat or a cancellation cannot wait for a daily digest. The
/// notifications of the same change (`kind`) are marked as mailed-otherwise,
/// so nobody gets the news twice.
async fn mail_people<C: ConnectionTrait>(
    db: &C,
    env: &MailEnv<'_>,
    user_ids: &[i64],
    e: &event::Model,
    kind: &str,
    (subject_id, body_id): (&str, &str),
    reason: &str,
) -> Result<(), DbErr> {
    if user_ids.is_empty() {
        return Ok(());
    }
    let people = user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids.to_vec()))
        .filter(user::Column::DeletedAt.is_null())
        .filter(user::Column::BlockedAt.is_null())
        .all(db)
        .await?;
    let url = format!(
        "{}/netzwerk/veranstaltungen/{}",
        env.public_url.trim_end_matches('/'),
        e.id
    );
    for u in &people {
        let Some(to) = u.email.as_deref() else {
            continue;
        };
        let args = [
            ("person", Value::from(u.display_name.clone())),
            ("title", Value::from(e.title.clone())),
            ("when", Value::from(format_span(e.starts_at, e.ends_at))),
            ("url", Value::from(url.clone())),
            ("reason", Value::from(reason.to_owned())),
        ];
        let subject = env.catalog.get_with(&u.locale, subject_id, &args);
        let body = env.catalog.get_with(&u.locale, body_id, &args);
        dias_core::mail::queue(db, to, &subject, &body).await?;
    }
    notification::Entity::update_many()
        .col_expr(
            notification::Column::MailState,
            Expr::value(notifications::MAIL_SKIPPED),
        )
        .filter(notification::Column::UserId.is_in(user_ids.to_vec()))
        .filter(notification::Column::Kind.eq(kind))
        .filter(notification::Column::Link.eq(format!("/netzwerk/veranstaltungen/{}", e.id)))
        .filter(notification::Column::MailState.eq(notifications::MAIL_PENDING))
        .exec(db)
        .await?;
    Ok(())
}

/// Cancels an event for everyone; registered and waiting people are
/// notified with the reason.
pub async fn cancel(
    db: &DatabaseConnection,
    env: &MailEnv<'_>,
    who: &Principal,
    id: i64,
    reason: &str,
) -> CoreResult<()> {
    let mut errors = FieldErrors::new();
    let reason = required_text(&mut errors, "reason", reason, 2_000);
    errors.into_result()?;
    let txn = dias_core::db::begin_write(db).await?;
    if !lock_event(&txn, id).await? {
        return Err(CoreError::NotFound);
    }
    let e = get(&txn, id).await?;
    if e.cancelled_at.is_some() {
        return Err(CoreError::Conflict("network-event-error-cancelled".into()));
    }
    if e.ends_at <= dias_core::time::now() {
        return Err(CoreError::Conflict("network-event-error-past".into()));
    }
    let now = dias_core::time::now();
    event::Entity::update_many()
        .col_expr(event::Column::CancelledAt, Expr::value(now))
        .col_expr(event::Column::CancelReason, Expr::value(reason.clone()))
        .col_expr(event::Column::UpdatedAt, Expr::value(now))
        .filter(event::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let people: Vec<i64> = event_registration::Entity::find()
        .select_only()
        .column(event_registration::Column::UserId)
        .filter(event_registration::Column::EventId.eq(id))
        .into_tuple()
        .all(&txn)
        .await?;
    notifications::notify(
        &txn,
        &people,
        &NewNotification {
            kind: "notif-network-event-cancelled",
            args: serde_json::json!({}),
            title: &e.title,
            summary: &reason,
            link: &format!("/netzwerk/veranstaltungen/{id}"),
        },
    )
    .await?;
    mail_people(
        &txn,
        env,
        &people,
        &e,
        "notif-network-event-cancelled",
        (
            "network-mail-cancelled-subject",
            "network-mail-cancelled-body",
        ),
        &reason,
    )
    .await?;
    outbox::search_changed(&txn, KIND_EVENT, &id.to_string()).await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "network.event.cancelled",
        "network_event",
        Some(&id.to_string()),
        serde_json::json!({ "registered": people.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn registration_of<C: ConnectionTrait>(
    db: &C,
    event_id: i64,
    user_id: i64,
) -> Result<Option<event_registration::Model>, DbErr> {
    event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .filter(event_registration::Column::UserId.eq(user_id))
        .one(db)
        .await
}

/// A person's place on the waiting list (1 = next), if waiting.
pub async fn waiting_position<C: ConnectionTrait>(
    db: &C,
    r: &event_registration::Model,
) -> Result<Option<u64>, DbErr> {
    if r.status != WAITING {
        return Ok(None);
    }
    let ahead = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(r.event_id))
        .filter(event_registration::Column::Status.eq(WAITING))
        .filter(event_registration::Column::Id.lt(r.id))
        .count(db)
        .await?;
    Ok(Some(ahead + 1))
}

/// Someone on an event's participant list.
#[derive(Debug, Clone)]
pub struct Participant {
    pub name: String,
    pub waiting: bool,
    pub registered_at: i64,
}

/// Confirmed people, then the waiting list, each in order of registration
/// (two queries).
pub async fn participants<C: ConnectionTrait>(
    db: &C,
    event_id: i64,
) -> Result<Vec<Participant>, DbErr> {
    let regs = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .order_by_asc(event_registration::Column::Id)
        .all(db)
        .await?;
    let ids: Vec<i64> = regs.iter().map(|r| r.user_id).collect();
    let names: HashMap<i64, String> = if ids.is_empty() {
        HashMap::new()
    } else {
        user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .column(user::Column::DisplayName)
            .filter(user::Column::Id.is_in(ids))
            .into_tuple::<(i64, String)>()
            .all(db)
            .await?
            .into_iter()
            .collect()
    };
    let mut out: Vec<Participant> = regs
        .iter()
        .map(|r| Participant {
            name: names.get(&r.user_id).cloned().unwrap_or_default(),
            waiting: r.status == WAITING,
            registered_at: r.created_at,
        })
        .collect();
    // Stable: keeps registration order within each group.
    out.sort_by_key(|p| p.waiting);
    Ok(out)
}

/// The participant list as CSV (names and state only).
pub fn participants_csv(rows: &[Participant], header: [&str; 3], states: [&str; 2]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(header);
    for p in rows {
        let _ = writer.write_record([
            // Names are people's input: guarded against spreadsheet formulas.
            dias_web::table::guard_formula(&p.name).as_ref(),
            if p.waiting { states[1] } else { states[0] },
            dias_core::time::format_datetime(p.registered_at).as_str(),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

// ------------------------------------------------------------------ search

pub struct EventSource;

fn doc(e: &event::Model) -> SearchDoc {
    let mut body = dias_core::markdown::to_plain_text(&e.description_md);
    for part in [&e.venue, &e.city] {
        if !part.is_empty() {
            body.push(' ');
            body.push_str(part);
        }
    }
    for slug in domain::split_list(&e.topics) {
        if let Some(t) = find_topic(slug) {
            body.push(' ');
            body.push_str(t.de);
        }
    }
    SearchDoc {
        kind: KIND_EVENT.into(),
        id: e.id.to_string(),
        title: e.title.clone(),
        body,
        url: format!("/netzwerk/veranstaltungen/{}", e.id),
        date: Some(e.starts_at),
    }
}

#[async_trait::async_trait]
impl SearchSource for EventSource {
    fn kind(&self) -> &'static str {
        KIND_EVENT
    }
    fn label_key(&self) -> &'static str {
        "network-search-kind-event"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        Ok(event::Entity::find()
            .filter(event::Column::CancelledAt.is_null())
            .all(db)
            .await?
            .iter()
            .map(doc)
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        Ok(event::Entity::find_by_id(id)
            .one(db)
            .await?
            .filter(|e| e.cancelled_at.is_none())
            .map(|e| doc(&e)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participant_names_are_guarded_against_formulas() {
        let rows = [
            Participant {
                name: "@SUM(1+1)*cmd|' /C calc'!A0".into(),
                waiting: false,
                registered_at: 0,
            },
            Participant {
                name: "Erika Muster".into(),
                waiting: true,
                registered_at: 0,
            },
        ];
        let csv = participants_csv(&rows, ["Name", "Status", "Angemeldet"], ["ok", "wartet"]);
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let names: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_owned()).collect();
        assert_eq!(names, ["'@SUM(1+1)*cmd|' /C calc'!A0", "Erika Muster"]);
    }

    fn input() -> EventInput {
        EventInput {
            title: "KI-Stammtisch".into(),
            description: "Austausch".into(),
            starts: "2026-12-01T14:00".into(),
            ends: "2026-12-01T17:30".into(),
            format: "online".into(),
            online_url: "https://example.org/raum".into(),
            topics: vec!["nlp".into()],
            capacity: "20".into(),
            organiser: "7".into(),
            ..EventInput::default()
        }
    }

    #[test]
    fn reads_form_times_as_berlin_time() {
        // 14:00 CET is 13:00 UTC.
        assert_eq!(parse_berlin_local("2026-12-01T14:00"), Some(1_796_130_000));
        assert_eq!(local_input_value(1_796_130_000), "2026-12-01T14:00");
        assert_eq!(parse_berlin_local("01.12.2026 14:00"), None);
        assert_eq!(
            format_span(1_796_130_000, 1_796_130_000 + 3 * 3600 + 1800),
            "01.12.2026, 14:00 – 17:30"
        );
    }

    #[test]
    fn validates_organiser_times_place_and_capacity() {
        let v = validate_event(&input(), &[7], false, Some(0)).unwrap();
        assert_eq!(v.actor_id, Some(7));
        assert_eq!(v.capacity, Some(20));
        assert!(v.online);
        // Someone else's actor, end before start, bad capacity, unknown topic.
        let mut bad = input();
        bad.organiser = "8".into();
        bad.ends = "2026-12-01T13:00".into();
        bad.capacity = "0".into();
        bad.topics = vec!["astrologie".into()];
        let errors = validate_event(&bad, &[7], false, Some(0)).unwrap_err();
        for field in ["organiser", "ends", "capacity", "topics"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        // DiAS as organiser only for staff.
        let mut dias = input();
        dias.organiser = String::new();
        assert!(validate_event(&dias, &[], true, Some(0)).is_ok());
        assert!(validate_event(&dias, &[7], false, Some(0)).is_err());
        // A new event starts in the future.
        assert!(validate_event(&input(), &[7], false, Some(1_900_000_000)).is_err());
        // On site needs a municipality.
        let mut place = input();
        place.format = "vor-ort".into();
        place.venue = "Haus".into();
        place.city = "Dresden".into();
        place.ags8 = "00000000".into();
        assert!(
            validate_event(&place, &[7], false, Some(0))
                .unwrap_err()
                .get("ags8")
                .is_some()
        );
    }
}
