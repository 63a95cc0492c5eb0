//! `/anfragen/verwaltung`: the staff's queues. Filters are links and a GET
//! form, so the list works without JavaScript; the counts in the queue
//! navigation come from one grouped query and the names of assignees and
//! teams from one lookup each, however long the list.
//!
//! Also the helpers the other staff pages share: reading the query string
//! leniently, path ids, user names in one query, due-date texts and the
//! staff sub-navigation.

use askama::Template;
use axum::Router;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::response::Response;
use axum::routing::get;
use dias_core::entities::user;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::{ShownErrors, page};
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};
use serde::de::DeserializeOwned;

use crate::calendar;
use crate::policy::DeskAction;
use crate::queue::{self, Counts, Filter, Queue, StatusFilter, Viewer};
use crate::teams;
use crate::vocab::{SenderType, Status, Topic};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/anfragen/verwaltung", get(show))
}

/// The first value of a query parameter, or empty.
pub(super) fn param(ctx: &Ctx, key: &str) -> String {
    serde_urlencoded::from_str::<Vec<(String, String)>>(&ctx.query)
        .unwrap_or_default()
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
        .unwrap_or_default()
}

/// Path parameters; a segment that cannot be read names no page, so it is
/// the HTML 404 page rather than axum's plain-text rejection.
pub(super) struct Segments<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Segments<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Segments(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}

/// An id from the path; anything else names no page.
pub(super) fn parse_id(raw: &str) -> AppResult<i64> {
    raw.parse().map_err(|_| AppError::NotFound)
}

/// Display names of accounts, in one query.
pub(super) async fn names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<Vec<(i64, String)>, DbErr> {
    let mut ids: Vec<i64> = ids.into_iter().collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}

pub(super) fn name_of(names: &[(i64, String)], id: i64) -> Option<String> {
    names.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone())
}

/// "überfällig seit …" / "fällig am …" for an inquiry, empty when the
/// target time does not run (the sender is asked, or it is answered).
pub(super) fn due_text(ctx: &Ctx, status: &str, due_at: i64, now: i64) -> String {
    if !Status::parse(status).is_some_and(Status::awaits_agency) {
        return String::new();
    }
    if due_at < now {
        let days = calendar::working_days_between(
            calendar::berlin_date(due_at),
            calendar::berlin_date(now),
        );
        ctx.catalog.get_with(
            ctx.locale(),
            "desk-staff-overdue-since",
            &[
                (
                    "date",
                    dias_core::i18n::Value::from(ctx.format_date(&(due_at + 1))),
                ),
                ("days", dias_core::i18n::Value::from(i64::from(days))),
            ],
        )
    } else {
        ctx.t1("desk-staff-due-on", "date", ctx.format_date(&due_at))
    }
}

/// A `<select>` option.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub(super) fn topic_choices(ctx: &Ctx, selected: Option<&str>) -> Vec<Choice> {
    Topic::ALL
        .iter()
        .map(|t| Choice {
            value: t.key().to_owned(),
            label: ctx.t(t.label_key()),
            selected: selected == Some(t.key()),
        })
        .collect()
}

pub(super) fn status_label(ctx: &Ctx, key: &str) -> String {
    Status::parse(key).map_or_else(|| key.to_owned(), |s| ctx.t(s.staff_label_key()))
}

pub(super) fn topic_label(ctx: &Ctx, key: &str) -> String {
    Topic::parse(key).map_or_else(|| key.to_owned(), |t| ctx.t(t.label_key()))
}

pub(super) fn sender_type_label(ctx: &Ctx, key: &str) -> String {
    SenderType::parse(key).map_or_else(|| key.to_owned(), |s| ctx.t(s.label_key()))
}

/// A queue in the navigation.
#[derive(Debug, Clone)]
struct QueueLink {
    href: String,
    label: String,
    count: i64,
    current: bool,
}

/// One inquiry of the list, ready to show.
#[derive(Debug, Clone)]
struct RowView {
    href: String,
    reference: String,
    subject: String,
    sender: String,
    sender_type: String,
    topic: String,
    status: String,
    assignee: String,
    team: String,
    due: String,
    overdue: bool,
    received: i64,
}

#[derive(Template)]
#[template(path = "desk/staff_queue.html")]
struct QueuePage {
    ctx: Ctx,
    /// The filter form's selects take an error list; a GET filter has none.
    errors: ShownErrors,
    /// The breadcrumb trail below „Verwaltung“: none, this is its start.
    crumbs: Vec<(String, String)>,
    title: String,
    queues: Vec<QueueLink>,
    rows: Vec<RowView>,
    total: u64,
    queue_key: String,
    status_choices: Vec<Choice>,
    topic_choices: Vec<Choice>,
    pagination: Pagination,
    filtered: bool,
}

fn href(queue: Queue, status: StatusFilter, topic: Option<Topic>) -> String {
    let mut pairs = vec![("ansicht", queue.key())];
    if status != StatusFilter::Open {
        pairs.push(("status", status.key().to_owned()));
    }
    if let Some(topic) = topic {
        pairs.push(("thema", topic.key().to_owned()));
    }
    format!(
        "/anfragen/verwaltung?{}",
        serde_urlencoded::to_string(&pairs).unwrap_or_default()
    )
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let now = dias_core::time::now();
    let viewer = Viewer {
        user_id: me,
        teams: teams::teams_of(&state.db, me).await?,
    };
    let all_teams = teams::list(&state.db).await?;
    let default_queue = if viewer.teams.is_empty() {
        Queue::All
    } else {
        Queue::MyTeams
    };
    let bad = || AppError::BadRequest(ctx.t("error-invalid-choice"));
    let queue = match param(&ctx, "ansicht").as_str() {
        "" => default_queue,
        key => Queue::parse(key).ok_or_else(bad)?,
    };
    let status = StatusFilter::parse(&param(&ctx, "status")).ok_or_else(bad)?;
    let topic = match param(&ctx, "thema").as_str() {
        "" => None,
        key => Some(Topic::parse(key).ok_or_else(bad)?),
    };
    let page_no = match param(&ctx, "seite").trim() {
        "" => 1,
        raw => raw
            .parse::<u64>()
            .ok()
            .filter(|p| (1..=MAX_PAGE).contains(p))
            .ok_or_else(bad)?,
    };
    let filter = Filter {
        queue,
        status,
        topic,
    };
    let (rows, total) = queue::list(&state.db, &filter, &viewer, now, page_no).await?;
    let counts: Counts = queue::counts(&state.db, &viewer, now).await?;
    let names = names(&state.db, rows.iter().filter_map(|r| r.assignee_id)).await?;
    let team_name = |id: i64| {
        all_teams
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.name.clone())
    };

    let mut queues = vec![(Queue::Mine, ctx.t("desk-staff-queue-mine"))];
    if !viewer.teams.is_empty() {
        queues.push((Queue::MyTeams, ctx.t("desk-staff-queue-my-teams")));
    }
    for team in &all_teams {
        queues.push((Queue::Team(team.id), team.name.clone()));
    }
    queues.push((Queue::Unassigned, ctx.t("desk-staff-queue-unassigned")));
    queues.push((Queue::Overdue, ctx.t("desk-staff-queue-overdue")));
    queues.push((Queue::All, ctx.t("desk-staff-queue-all")));
    let title = queues
        .iter()
        .find(|(q, _)| *q == queue)
        .map(|(_, label)| label.clone())
        .unwrap_or_else(|| ctx.t("desk-staff-queue-team-gone"));
    let queues = queues
        .into_iter()
        .map(|(q, label)| QueueLink {
            href: href(q, status, topic),
            label,
            count: counts.of(q),
            current: q == queue,
        })
        .collect();

    let rows = rows
        .iter()
        .map(|r| RowView {
            href: format!("/anfragen/verwaltung/{}", r.id),
            reference: r.reference.clone(),
            subject: r.subject.clone(),
            sender: r.sender_name.clone(),
            sender_type: sender_type_label(&ctx, &r.sender_type),
            topic: topic_label(&ctx, &r.topic),
            status: status_label(&ctx, &r.status),
            assignee: r
                .assignee_id
                .and_then(|id| name_of(&names, id))
                .unwrap_or_default(),
            team: r.team_id.and_then(team_name).unwrap_or_default(),
            due: due_text(&ctx, &r.status, r.due_at, now),
            overdue: r.overdue(now),
            received: r.created_at,
        })
        .collect();
    let mut status_choices = vec![
        Choice {
            value: String::new(),
            label: ctx.t("desk-staff-filter-status-open"),
            selected: status == StatusFilter::Open,
        },
        Choice {
            value: "alle".into(),
            label: ctx.t("desk-staff-filter-status-any"),
            selected: status == StatusFilter::Any,
        },
    ];
    status_choices.extend(Status::ALL.iter().map(|s| Choice {
        value: s.key().to_owned(),
        label: ctx.t(s.staff_label_key()),
        selected: status == StatusFilter::Only(*s),
    }));
    let pagination = Pagination::new(page_no, total, queue::PER_PAGE, href(queue, status, topic));
    let page_data = QueuePage {
        errors: ShownErrors::none(),
        crumbs: Vec::new(),
        title,
        queues,
        rows,
        total,
        queue_key: queue.key(),
        status_choices,
        topic_choices: topic_choices(&ctx, topic.map(Topic::key)),
        pagination,
        filtered: status != StatusFilter::Open || topic.is_some(),
        ctx,
    };
    page(&page_data)
}
