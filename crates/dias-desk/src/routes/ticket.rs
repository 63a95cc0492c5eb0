//! `/anfragen/verwaltung/{id}`: one inquiry (Vorgang) for staff — the
//! sender's message and files, links to module objects, the full history
//! with internal notes, and the forms that work on it.
//!
//! Each form is a plain POST that carries the `version` its page showed;
//! [`crate::work::apply`] refuses a change when someone else changed the
//! inquiry meanwhile. The editor then gets the page again with status 409:
//! the current state and history, a notice, and what they typed still in
//! its field, so they can check and send again. Changes, their mail and their audit entry are
//! stored in one transaction. Answer templates are inserted with a GET
//! (`?vorlage=<id>`) that reloads the page with the reply prefilled, so
//! that works without JavaScript.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::ConnectionTrait;
use serde::Deserialize;
use serde_json::json;

use super::queue::{
    Choice, Segments, due_text, name_of, names, param, parse_id, sender_type_label, status_label,
    topic_choices, topic_label,
};
use crate::answer_templates;
use crate::entities::{desk_event, desk_link};
use crate::policy::DeskAction;
use crate::store::{self, Inquiry};
use crate::teams;
use crate::vocab::{Status, Topic, event};
use crate::work::{self, Change, WorkError};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/anfragen/verwaltung/{id}", get(show))
        .route("/anfragen/verwaltung/{id}/anhang/{aid}", get(download))
        .route("/anfragen/verwaltung/{id}/zuweisen", post(assign))
        .route("/anfragen/verwaltung/{id}/status", post(set_status))
        .route("/anfragen/verwaltung/{id}/thema", post(set_topic))
        .route("/anfragen/verwaltung/{id}/notiz", post(note))
        .route("/anfragen/verwaltung/{id}/antwort", post(reply))
        .route("/anfragen/verwaltung/{id}/verknuepfungen", post(link))
        .route(
            "/anfragen/verwaltung/{id}/verknuepfungen/{lid}/entfernen",
            post(unlink),
        )
}

/// One history entry, ready to show.
#[derive(Debug, Clone)]
struct EventView {
    id: i64,
    kind: String,
    what: String,
    author: String,
    at: i64,
    internal: bool,
    lines: Vec<String>,
    /// Replies as the sender sees them: their Markdown rendered (sanitized).
    html: Option<String>,
}

/// An attachment as staff see it: a short type name and a readable size.
#[derive(Debug, Clone)]
struct AttachmentView {
    id: i64,
    filename: String,
    kind: String,
    size: String,
}

/// "PDF", "JPEG", … instead of the MIME type.
fn kind_of(mime: &str) -> String {
    match mime {
        "application/pdf" => "PDF".into(),
        "image/jpeg" => "JPEG".into(),
        "image/png" => "PNG".into(),
        "text/plain" => "Text".into(),
        other => other.rsplit('/').next().unwrap_or(other).to_uppercase(),
    }
}

/// Sizes rounded up to whole KB (1 KB = 1024 bytes) below 1 MB, else MB
/// with one decimal — enough to judge a download.
fn size_of(ctx: &Ctx, bytes: i64) -> String {
    const KB: i64 = 1024;
    if bytes < KB * KB {
        ctx.tn(
            "desk-staff-size-kb",
            "count",
            ((bytes + KB - 1) / KB).max(1),
        )
    } else {
        let tenths = (bytes * 10 + KB * KB / 2) / (KB * KB);
        let number = if ctx.locale() == "de" {
            format!("{},{}", tenths / 10, tenths % 10)
        } else {
            format!("{}.{}", tenths / 10, tenths % 10)
        };
        ctx.t1("desk-staff-size-mb", "size", number)
    }
}

/// What the forms showed, kept when one is refused.
#[derive(Debug, Clone, Default)]
struct Input {
    reply: String,
    ask_back: bool,
    note: String,
    link_path: String,
    link_label: String,
}

#[derive(Template)]
#[template(path = "desk/staff_ticket.html")]
struct TicketPage {
    ctx: Ctx,
    crumbs: Vec<(String, String)>,
    errors: ShownErrors,
    input: Input,
    inquiry: Inquiry,
    status: String,
    topic: String,
    sender_type: String,
    municipality: Option<(String, String)>,
    assignee: Option<String>,
    team: Option<String>,
    due: String,
    overdue: bool,
    message: Vec<String>,
    /// `lang` of the sender's own words when their language differs from
    /// the page's (WCAG 3.1.2).
    sender_lang: Option<String>,
    /// The page came back with 409: someone else changed the inquiry.
    conflict: bool,
    attachments: Vec<AttachmentView>,
    links: Vec<desk_link::Model>,
    history: Vec<EventView>,
    /// Staff of the inquiry's team first, then everyone else who may work.
    team_staff: Vec<Choice>,
    other_staff: Vec<Choice>,
    me: i64,
    assigned_to_me: bool,
    status_choices: Vec<Choice>,
    topic_choices: Vec<Choice>,
    templates: Vec<Choice>,
    can_publish_faq: bool,
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_owned).collect()
}

fn inquiry_path(id: i64) -> String {
    format!("/anfragen/verwaltung/{id}")
}

/// The event's German/English one-line description.
fn describe(ctx: &Ctx, e: &desk_event::Model, names: &[(i64, String)]) -> String {
    let data: serde_json::Value = serde_json::from_str(&e.data).unwrap_or(json!({}));
    let text = |key: &str| data.get(key).and_then(|v| v.as_str()).unwrap_or_default();
    let person = |key: &str| {
        data.get(key)
            .and_then(serde_json::Value::as_i64)
            .map(|id| name_of(names, id).unwrap_or_else(|| ctx.t("desk-staff-someone")))
    };
    match e.kind.as_str() {
        event::CREATED => ctx.t("desk-staff-event-created"),
        event::STATUS => ctx.catalog.get_with(
            ctx.locale(),
            "desk-staff-event-status",
            &[
                ("from", status_label(ctx, text("from")).into()),
                ("to", status_label(ctx, text("to")).into()),
            ],
        ),
        event::ASSIGNED => match person("to") {
            Some(name) => ctx.t1("desk-staff-event-assigned", "name", name),
            None => ctx.t("desk-staff-event-unassigned"),
        },
        event::TOPIC => ctx.catalog.get_with(
            ctx.locale(),
            "desk-staff-event-topic",
            &[
                ("from", topic_label(ctx, text("from")).into()),
                ("to", topic_label(ctx, text("to")).into()),
            ],
        ),
        event::NOTE => ctx.t("desk-staff-event-note"),
        event::REPLY => {
            if text("status") == Status::AwaitingSender.key() {
                ctx.t("desk-staff-event-question")
            } else {
                ctx.t("desk-staff-event-reply")
            }
        }
        event::SENDER_REPLY => ctx.t("desk-staff-event-sender-reply"),
        event::LINK => ctx.t1("desk-staff-event-link", "path", text("path")),
        event::UNLINK => ctx.t1("desk-staff-event-unlink", "path", text("path")),
        event::FAQ => ctx.t("desk-staff-event-faq"),
        event::ANONYMIZED => ctx.t("desk-staff-event-anonymized"),
        other => other.to_owned(),
    }
}

async fn load(state: &AppState, raw_id: &str) -> AppResult<Inquiry> {
    store::by_id(&state.db, parse_id(raw_id)?)
        .await?
        .ok_or(AppError::NotFound)
}

/// The page with everything on it: a fixed number of queries however long
/// the history is (names of authors and staff in one lookup).
async fn ticket_page(
    state: &AppState,
    ctx: Ctx,
    inquiry: Inquiry,
    errors: ShownErrors,
    mut input: Input,
    template: Option<i64>,
) -> AppResult<TicketPage> {
    let me = ctx.user()?.user_id;
    let now = dias_core::time::now();
    let history = store::history(&state.db, inquiry.id, false).await?;
    let attachments = store::attachments(&state.db, inquiry.id).await?;
    let links = store::links(&state.db, inquiry.id).await?;
    let staff = teams::staff_accounts(&state.db).await?;
    let team_members = match inquiry.team_id {
        Some(team) => teams::member_ids(&state.db, team).await?,
        None => Vec::new(),
    };
    let team = match inquiry.team_id {
        Some(team) => teams::by_id(&state.db, team).await?.map(|t| t.name),
        None => None,
    };
    let mut people: Vec<i64> = history.iter().filter_map(|e| e.author_id).collect();
    for e in &history {
        if let Ok(data) = serde_json::from_str::<serde_json::Value>(&e.data) {
            people.extend(["from", "to"].iter().filter_map(|k| data.get(*k)?.as_i64()));
        }
    }
    people.extend(inquiry.assignee_id);
    let names = names(&state.db, people).await?;
    let templates_for_topic = answer_templates::for_topic(&state.db, &inquiry.topic).await?;
    if let Some(chosen) = template
        && let Some(found) = templates_for_topic.iter().find(|t| t.id == chosen)
    {
        input.reply = found.body.clone();
    }
    let sender_label = ctx.t("desk-staff-sender");
    let history = history
        .iter()
        .map(|e| EventView {
            id: e.id,
            kind: e.kind.clone(),
            what: describe(&ctx, e, &names),
            author: match e.author_id {
                Some(id) => name_of(&names, id).unwrap_or_else(|| ctx.t("desk-staff-someone")),
                None if matches!(e.kind.as_str(), event::CREATED | event::SENDER_REPLY) => {
                    sender_label.clone()
                }
                None => ctx.t("desk-staff-system"),
            },
            at: e.at,
            internal: !e.public,
            lines: lines(&e.body),
            html: (e.kind == event::REPLY).then(|| dias_core::markdown::render_below(&e.body, 3)),
        })
        .collect();
    let choice = |u: &dias_core::entities::user::Model| Choice {
        value: u.id.to_string(),
        label: u.display_name.clone(),
        selected: inquiry.assignee_id == Some(u.id),
    };
    let team_staff = staff
        .iter()
        .filter(|u| team_members.contains(&u.id))
        .map(choice)
        .collect();
    let other_staff = staff
        .iter()
        .filter(|u| !team_members.contains(&u.id))
        .map(choice)
        .collect();
    let status = Status::parse(&inquiry.status).unwrap_or(Status::New);
    let status_choices = work::status_choices(status)
        .into_iter()
        .map(|s| Choice {
            value: s.key().to_owned(),
            label: ctx.t(s.staff_label_key()),
            selected: false,
        })
        .collect();
    let topic_choices = topic_choices(&ctx, Some(&inquiry.topic));
    let templates = templates_for_topic
        .iter()
        .map(|t| Choice {
            value: t.id.to_string(),
            label: match t.topic.as_deref() {
                Some(_) => t.title.clone(),
                None => ctx.t1("desk-staff-template-general", "title", &t.title),
            },
            selected: template == Some(t.id),
        })
        .collect();
    let municipality = inquiry.ags8.as_deref().map(|ags| {
        let name = dias_core::reference::cached()
            .municipality(ags)
            .map_or_else(|| ags.to_owned(), |m| m.name.clone());
        (name, crate::links::municipality_path(ags))
    });
    let attachments = attachments
        .into_iter()
        .map(|a| AttachmentView {
            id: a.id,
            kind: kind_of(&a.mime),
            size: size_of(&ctx, a.size),
            filename: a.filename,
        })
        .collect();
    let sender_locale = if inquiry.locale == "en" { "en" } else { "de" };
    Ok(TicketPage {
        sender_lang: (sender_locale != ctx.locale()).then(|| sender_locale.to_owned()),
        conflict: false,
        crumbs: vec![(inquiry_path(inquiry.id), inquiry.reference.clone())],
        errors,
        input,
        status: status_label(&ctx, &inquiry.status),
        topic: topic_label(&ctx, &inquiry.topic),
        sender_type: sender_type_label(&ctx, &inquiry.sender_type),
        municipality,
        assignee: inquiry
            .assignee_id
            .map(|id| name_of(&names, id).unwrap_or_else(|| ctx.t("desk-staff-someone"))),
        team,
        due: due_text(&ctx, &inquiry.status, inquiry.due_at, now),
        overdue: crate::queue::is_overdue(&inquiry.status, inquiry.due_at, now),
        message: lines(&inquiry.message),
        attachments,
        links,
        history,
        team_staff,
        other_staff,
        me,
        assigned_to_me: inquiry.assignee_id == Some(me),
        status_choices,
        topic_choices,
        templates,
        can_publish_faq: matches!(status, Status::Answered | Status::Closed)
            && inquiry.anonymized_at.is_none(),
        inquiry,
        ctx,
    })
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let inquiry = load(&state, &id).await?;
    // A template that does not fit the inquiry (another topic, deleted)
    // is simply not inserted.
    let template = param(&ctx, "vorlage").trim().parse::<i64>().ok();
    let page_data = ticket_page(
        &state,
        ctx,
        inquiry,
        ShownErrors::none(),
        Input::default(),
        template,
    )
    .await?;
    page(&page_data)
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments((id, aid)): Segments<(String, String)>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let file = store::attachment(&state.db, parse_id(&id)?, parse_id(&aid)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(dias_web::download::private_file(
        file.data,
        &file.mime,
        &file.filename,
    ))
}

/// Someone else changed the inquiry after this page loaded: the page again
/// with status 409, the current state and the typed text kept.
///
/// Every form checks the version, additive ones (note, reply) too: a reply
/// written against an old state may repeat or contradict the answer a
/// colleague just sent, and a mail cannot be taken back. Keeping the text
/// makes the check cheap for the editor — look, then send again.
async fn stale(state: &AppState, ctx: Ctx, id: i64, input: Input) -> AppResult<Response> {
    let inquiry = store::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut page_data = ticket_page(state, ctx, inquiry, ShownErrors::none(), input, None).await?;
    page_data.conflict = true;
    page_with_status(StatusCode::CONFLICT, &page_data)
}

/// The form again with its error (422), nothing stored.
async fn refused(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    field: &str,
    message: &str,
    input: Input,
) -> AppResult<Response> {
    let inquiry = store::by_id(&state.db, id)
        .await?
        .ok_or(AppError::NotFound)?;
    let shown = ShownErrors::new(&ctx, &FieldErrors::single(field, message));
    let page_data = ticket_page(state, ctx, inquiry, shown, input, None).await?;
    page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page_data)
}

fn version_of(raw: &str) -> AppResult<i32> {
    raw.trim()
        .parse()
        .map_err(|_| AppError::BadRequest("version".into()))
}

/// What a handler does after [`work::apply`] succeeded, inside the same
/// transaction: the audit entry and, for replies, the mail.
type After = fn(&AppState, &work::Applied) -> Option<(String, serde_json::Value)>;

/// Applies a change in a transaction; the outcome as a response: back to
/// the inquiry with a notice, the 409 page, or the form with its error.
#[expect(
    clippy::too_many_arguments,
    reason = "one call per form, each naming its own field, notice and audit"
)]
async fn run(
    state: &AppState,
    ctx: Ctx,
    id: i64,
    version: &str,
    change: Change,
    field: &str,
    notice: &str,
    input: Input,
    audit: After,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Work)?.user()?.user_id;
    let version = version_of(version)?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(&state.db).await?;
    let is_reply = matches!(change, Change::Reply { .. });
    match work::apply(&txn, id, version, me, change, now).await {
        Ok(applied) => {
            if let Some((action, details)) = audit(state, &applied) {
                dias_core::audit::record(
                    &txn,
                    Some(me),
                    &action,
                    "desk_inquiry",
                    Some(&id.to_string()),
                    details,
                )
                .await?;
            }
            if is_reply {
                mail_reply(state, &txn, &applied, &input.reply).await?;
            }
            txn.commit().await?;
            Ok(see_other(&format!("{}?hinweis={notice}", inquiry_path(id))))
        }
        Err(error) => {
            txn.rollback().await?;
            match error {
                WorkError::NotFound => Err(AppError::NotFound),
                WorkError::Stale => stale(state, ctx, id, input).await,
                WorkError::Refused(message) => refused(state, ctx, id, field, message, input).await,
                WorkError::Db(e) => Err(e.into()),
            }
        }
    }
}

/// The reply to the sender by mail in their language, with the private
/// status link. Internal notes are never part of it.
async fn mail_reply<C: ConnectionTrait>(
    state: &AppState,
    db: &C,
    applied: &work::Applied,
    text: &str,
) -> AppResult<()> {
    let inquiry = &applied.after;
    if inquiry.sender_email.trim().is_empty() {
        return Ok(());
    }
    let Some(token) = store::status_token(state.config.secret_key.expose().as_bytes(), inquiry)
    else {
        return Ok(());
    };
    let locale = if inquiry.locale == "en" { "en" } else { "de" };
    let link = format!(
        "{}/anfragen/status/{token}",
        state.config.public_url.trim_end_matches('/')
    );
    let ask_back = inquiry.status == Status::AwaitingSender.key();
    // The name is optional: "Guten Tag," without it, not "Guten Tag ,".
    let name = inquiry.sender_name.trim();
    let greeting = if name.is_empty() {
        state.catalog.get(locale, "desk-staff-mail-greeting")
    } else {
        state.catalog.get_with(
            locale,
            "desk-staff-mail-greeting-named",
            &[("name", name.to_owned().into())],
        )
    };
    let args = [
        ("greeting", greeting.into()),
        ("reference", inquiry.reference.clone().into()),
        ("subject", inquiry.subject.clone().into()),
        ("reply", work::mail_text(text).into()),
        ("link", link.into()),
    ];
    let subject = state.catalog.get_with(
        locale,
        if ask_back {
            "desk-staff-mail-question-subject"
        } else {
            "desk-staff-mail-reply-subject"
        },
        &args,
    );
    let body = state.catalog.get_with(
        locale,
        if ask_back {
            "desk-staff-mail-question-body"
        } else {
            "desk-staff-mail-reply-body"
        },
        &args,
    );
    dias_core::mail::queue(db, &inquiry.sender_email, &subject, &body).await?;
    Ok(())
}

fn no_audit(_: &AppState, _: &work::Applied) -> Option<(String, serde_json::Value)> {
    None
}

#[derive(Deserialize)]
struct AssignInput {
    #[serde(default)]
    version: String,
    #[serde(default)]
    bearbeiter: String,
}

async fn assign(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<AssignInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    let to = match form.bearbeiter.trim() {
        "" => None,
        raw => Some(
            raw.parse::<i64>()
                .map_err(|_| AppError::BadRequest(ctx.t("error-invalid-choice")))?,
        ),
    };
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Assign(to),
        "bearbeiter",
        "desk-staff-assigned",
        Input::default(),
        |_, a| {
            Some((
                "desk.inquiry.assigned".into(),
                json!({ "reference": a.after.reference, "from": a.before.assignee_id, "to": a.after.assignee_id }),
            ))
        },
    )
    .await
}

#[derive(Deserialize)]
struct StatusInput {
    #[serde(default)]
    version: String,
    #[serde(default)]
    status: String,
}

async fn set_status(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<StatusInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    // The select starts on "Bitte wählen", so a stray click changes nothing.
    let message = if form.status.trim().is_empty() {
        "desk-staff-error-status-missing"
    } else {
        "desk-staff-error-status"
    };
    let Some(to) = Status::parse(form.status.trim()) else {
        return refused(&state, ctx, id, "status", message, Input::default()).await;
    };
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Status(to),
        "status",
        "desk-staff-status-changed",
        Input::default(),
        |_, a| {
            Some((
                "desk.inquiry.status".into(),
                json!({ "reference": a.after.reference, "from": a.before.status, "to": a.after.status }),
            ))
        },
    )
    .await
}

#[derive(Deserialize)]
struct TopicInput {
    #[serde(default)]
    version: String,
    #[serde(default)]
    thema: String,
}

async fn set_topic(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<TopicInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    let Some(to) = Topic::parse(form.thema.trim()) else {
        return refused(
            &state,
            ctx,
            id,
            "thema",
            "desk-staff-error-topic",
            Input::default(),
        )
        .await;
    };
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Topic(to),
        "thema",
        "desk-staff-topic-changed",
        Input::default(),
        |_, a| {
            Some((
                "desk.inquiry.topic".into(),
                json!({ "reference": a.after.reference, "from": a.before.topic, "to": a.after.topic, "team": a.after.team_id }),
            ))
        },
    )
    .await
}

#[derive(Deserialize)]
struct NoteInput {
    #[serde(default)]
    version: String,
    #[serde(default)]
    notiz: String,
}

async fn note(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<NoteInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    let input = Input {
        note: form.notiz.clone(),
        ..Input::default()
    };
    let text = match work::check_text(&form.notiz) {
        Ok(text) => text,
        Err(message) => {
            let message = if message == "desk-staff-error-text-missing" {
                "desk-staff-error-note-missing"
            } else {
                message
            };
            return refused(&state, ctx, id, "notiz", message, input).await;
        }
    };
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Note(text),
        "notiz",
        "desk-staff-note-added",
        input,
        no_audit,
    )
    .await
}

#[derive(Deserialize)]
struct ReplyInput {
    #[serde(default)]
    version: String,
    #[serde(default)]
    antwort: String,
    /// `antwort` (an answer) or `rueckfrage` (a question back).
    #[serde(default)]
    art: String,
}

async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<ReplyInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    let ask_back = match form.art.trim() {
        "" | "antwort" => false,
        "rueckfrage" => true,
        _ => return Err(AppError::BadRequest(ctx.t("error-invalid-choice"))),
    };
    let mut input = Input {
        reply: form.antwort.clone(),
        ask_back,
        ..Input::default()
    };
    let text = match work::check_text(&form.antwort) {
        Ok(text) => text,
        Err(message) => {
            let message = if message == "desk-staff-error-text-missing" {
                "desk-staff-error-reply-missing"
            } else {
                message
            };
            return refused(&state, ctx, id, "antwort", message, input).await;
        }
    };
    input.reply = text.clone();
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Reply { text, ask_back },
        "antwort",
        if ask_back {
            "desk-staff-question-sent"
        } else {
            "desk-staff-reply-sent"
        },
        input,
        |_, a| {
            // The audit names the reply, never its text.
            Some((
                "desk.inquiry.replied".into(),
                json!({ "reference": a.after.reference, "event_id": a.event_id, "status": a.after.status }),
            ))
        },
    )
    .await
}

#[derive(Deserialize)]
struct LinkInput {
    #[serde(default)]
    version: String,
    #[serde(default)]
    pfad: String,
    #[serde(default)]
    bezeichnung: String,
}

async fn link(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<LinkInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    let input = Input {
        link_path: form.pfad.clone(),
        link_label: form.bezeichnung.clone(),
        ..Input::default()
    };
    let (path, label) = match work::check_link(&form.pfad, &form.bezeichnung) {
        Ok(checked) => checked,
        Err(message) => {
            let field = if message == "desk-staff-error-link-label" {
                "bezeichnung"
            } else {
                "pfad"
            };
            return refused(&state, ctx, id, field, message, input).await;
        }
    };
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Link { path, label },
        "pfad",
        "desk-staff-link-added",
        input,
        no_audit,
    )
    .await
}

#[derive(Deserialize)]
struct UnlinkInput {
    #[serde(default)]
    version: String,
}

async fn unlink(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments((id, lid)): Segments<(String, String)>,
    Form(form): Form<UnlinkInput>,
) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let id = parse_id(&id)?;
    let lid = parse_id(&lid)?;
    run(
        &state,
        ctx,
        id,
        &form.version,
        Change::Unlink(lid),
        "pfad",
        "desk-staff-link-removed",
        Input::default(),
        no_audit,
    )
    .await
}
