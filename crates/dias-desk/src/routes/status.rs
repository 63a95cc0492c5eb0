//! The sender's private status page (`/anfragen/status/<token>`): the
//! inquiry, the conversation, the attachments and a reply form. The token
//! is the only key, so an unknown or anonymised token gets a 404 after one
//! indexed lookup by the token's hash — the same page for every token,
//! explaining the link and the ways on ([`Gone`]).
//!
//! Only public history entries are read ([`store::history`] with
//! `public_only`), and of those only staff replies, sender replies and
//! status changes are shown: internal notes, assignments and whatever
//! else staff record never reach this page. Staff replies are signed
//! „Digitalagentur Sachsen“, not with a person's name: the answer is the
//! agency's, the link may be forwarded, and staff names stay off it.
//!
//! Every response carries `Cache-Control: no-store` (the page cache and
//! browsers keep nothing of it); the global `Referrer-Policy: same-origin`
//! keeps the token from other sites.

use std::collections::HashSet;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::public::{retry_time, status_url, too_many};
use crate::entities::desk_event;
use crate::store::{self, AttachmentInfo, Inquiry};
use crate::vocab::{SenderType, Status, Topic, event};
use crate::{form, sender, spam};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/anfragen/status/{token}", get(show).post(reply))
        .route("/anfragen/status/{token}/anhang/{id}", get(download))
}

fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Plain text as paragraphs of lines (blank lines separate paragraphs).
fn paragraphs(text: &str) -> Vec<Vec<String>> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.lines().map(str::to_owned).collect::<Vec<_>>())
        .filter(|p| p.iter().any(|l| !l.trim().is_empty()))
        .collect()
}

#[derive(Debug, Clone)]
struct FileLink {
    href: String,
    name: String,
    size: String,
}

/// One line of the conversation.
#[derive(Debug, Clone)]
struct Entry {
    /// `staff`, `sender` or `status`.
    kind: &'static str,
    date: String,
    /// Staff replies: rendered Markdown.
    html: String,
    /// Sender replies: plain text.
    paragraphs: Vec<Vec<String>>,
    /// Status changes: the sentence shown.
    line: String,
    files: Vec<FileLink>,
}

#[derive(Template)]
#[template(path = "desk/status.html")]
struct StatusPage {
    ctx: Ctx,
    inquiry: Inquiry,
    token: String,
    /// This page's path (for the breadcrumbs).
    path: String,
    /// The full link, shown once right after sending.
    link: String,
    just_sent: bool,
    status_label: String,
    status_explanation: String,
    topic_label: String,
    sender_type_label: String,
    gemeinde: Option<String>,
    /// While the agency owes the next step.
    due: Option<String>,
    /// Time of the last public history entry.
    last_change: i64,
    message: Vec<Vec<String>>,
    files: Vec<FileLink>,
    entries: Vec<Entry>,
    reply: String,
    errors: ShownErrors,
    /// Refused by a rate limit: the Berlin time from when to send again.
    retry_at: Option<String>,
    /// The inquiry's language when it is not the page's: the sender's text
    /// is marked with it (WCAG 3.1.2).
    content_lang: Option<String>,
}

/// The 404 of a status link that leads nowhere (mistyped, or the inquiry
/// was anonymised): identical for every token, so it tells nothing about
/// which tokens once existed.
#[derive(Template)]
#[template(path = "desk/public_gone.html")]
struct Gone {
    ctx: Ctx,
    months: u32,
    crumbs: Vec<(String, String)>,
}

fn gone(state: &AppState, ctx: Ctx) -> AppResult<Response> {
    let page = Gone {
        ctx,
        months: state.config.desk_retention_months,
        crumbs: Vec::new(),
    };
    Ok(no_store(page_with_status(StatusCode::NOT_FOUND, &page)?))
}

/// How long after sending the "received" banner with the link is shown:
/// long enough for the redirect and a reload, not for a bookmark.
const JUST_SENT_SECS: i64 = 10 * 60;

fn size_text(ctx: &Ctx, bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        let tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);
        ctx.t1(
            "desk-public-size-mb",
            "mb",
            format!(
                "{}{}{}",
                tenths / 10,
                if ctx.locale() == "de" { "," } else { "." },
                tenths % 10
            ),
        )
    } else {
        ctx.t1("desk-public-size-kb", "kb", ((bytes + 1023) / 1024).max(1))
    }
}

async fn status_page(
    state: &AppState,
    ctx: Ctx,
    inquiry: Inquiry,
    token: String,
    reply: String,
    errors: ShownErrors,
) -> AppResult<StatusPage> {
    let history = store::history(&state.db, inquiry.id, true).await?;
    let public: HashSet<i64> = history.iter().map(|e| e.id).collect();
    let created = history
        .iter()
        .find(|e| e.kind == event::CREATED)
        .map(|e| e.id);
    let attachments = store::attachments(&state.db, inquiry.id).await?;
    let link_of = |a: &AttachmentInfo| FileLink {
        href: format!("/anfragen/status/{token}/anhang/{}", a.id),
        name: a.filename.clone(),
        size: size_text(&ctx, a.size),
    };
    let files = attachments
        .iter()
        .filter(|a| a.event_id.is_none() || a.event_id == created)
        .map(link_of)
        .collect();
    let entries = history
        .iter()
        .filter_map(|e| entry(&ctx, e))
        .map(|mut entry| {
            entry.1.files = attachments
                .iter()
                .filter(|a| a.event_id == Some(entry.0) && public.contains(&entry.0))
                .map(link_of)
                .collect();
            entry.1
        })
        .collect();
    // Not `updated_at`: internal notes and assignments move it, and the
    // sender is not to learn of those.
    let last_change = history
        .iter()
        .map(|e| e.at)
        .max()
        .unwrap_or(inquiry.created_at);
    let status = Status::parse(&inquiry.status).unwrap_or(Status::New);
    let query: Vec<(String, String)> = serde_urlencoded::from_str(&ctx.query).unwrap_or_default();
    Ok(StatusPage {
        link: status_url(state, &token),
        path: format!("/anfragen/status/{token}"),
        just_sent: query.iter().any(|(k, _)| k == "eingegangen")
            && dias_core::time::now() - inquiry.created_at <= JUST_SENT_SECS,
        content_lang: (inquiry.locale != ctx.locale() && !inquiry.locale.is_empty())
            .then(|| inquiry.locale.clone()),
        retry_at: None,
        status_label: ctx.t(status.label_key()),
        status_explanation: ctx.t(&format!("desk-public-status-explain-{}", status.key())),
        topic_label: Topic::parse(&inquiry.topic)
            .map(|t| ctx.t(t.label_key()))
            .unwrap_or_default(),
        sender_type_label: SenderType::parse(&inquiry.sender_type)
            .map(|s| ctx.t(s.label_key()))
            .unwrap_or_default(),
        gemeinde: inquiry.ags8.as_deref().and_then(|ags8| {
            dias_core::reference::cached()
                .municipality(ags8)
                .map(|m| m.name.clone())
        }),
        due: status
            .awaits_agency()
            .then(|| ctx.format_date(&inquiry.due_at)),
        message: paragraphs(&inquiry.message),
        last_change,
        files,
        entries,
        reply,
        errors,
        token,
        inquiry,
        ctx,
    })
}

/// The conversation line of a public history entry, with the entry's id;
/// `None` for kinds the sender does not see.
fn entry(ctx: &Ctx, e: &desk_event::Model) -> Option<(i64, Entry)> {
    let blank = Entry {
        kind: "status",
        date: ctx.format_datetime(&e.at),
        html: String::new(),
        paragraphs: Vec::new(),
        line: String::new(),
        files: Vec::new(),
    };
    let shown = match e.kind.as_str() {
        event::REPLY => Entry {
            kind: "staff",
            html: dias_core::markdown::render_below(&e.body, 3),
            ..blank
        },
        event::SENDER_REPLY => Entry {
            kind: "sender",
            paragraphs: paragraphs(&e.body),
            ..blank
        },
        event::STATUS => {
            let status = sender::status_of_event(&e.data, &e.body)?;
            Entry {
                line: ctx.t1(
                    "desk-public-status-changed",
                    "status",
                    ctx.t(status.label_key()),
                ),
                ..blank
            }
        }
        _ => return None,
    };
    Some((e.id, shown))
}

async fn by_token(state: &AppState, token: &str) -> AppResult<Inquiry> {
    store::by_token(&state.db, token)
        .await?
        .ok_or(AppError::NotFound)
}

/// The page of a reply refused by a rate limit: the text kept and when
/// to send it again.
async fn reply_limited(
    state: &AppState,
    ctx: Ctx,
    inquiry: Inquiry,
    token: String,
    text: String,
    secs: i64,
) -> AppResult<Response> {
    let mut page = status_page(state, ctx, inquiry, token, text, ShownErrors::none()).await?;
    page.retry_at = Some(retry_time(secs));
    Ok(no_store(too_many(
        page_with_status(StatusCode::TOO_MANY_REQUESTS, &page)?,
        secs,
    )))
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
) -> AppResult<Response> {
    let Some(inquiry) = store::by_token(&state.db, &token).await? else {
        return gone(&state, ctx);
    };
    let page = status_page(
        &state,
        ctx,
        inquiry,
        token,
        String::new(),
        ShownErrors::none(),
    )
    .await?;
    Ok(no_store(page_with_status(StatusCode::OK, &page)?))
}

async fn reply(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(token): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let Some(inquiry) = store::by_token(&state.db, &token).await? else {
        return gone(&state, ctx);
    };
    let text = pairs
        .iter()
        .find(|(k, _)| k == "message")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    let message = match form::validate_reply(&text) {
        Ok(message) => message,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let page = status_page(&state, ctx, inquiry, token, text, shown).await?;
            return Ok(no_store(page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &page,
            )?));
        }
    };
    if let Err(secs) = state.limits.check(
        "desk-reply",
        ctx.info.client_ip,
        spam::REPLIES_PER_HOUR,
        3600,
    ) {
        return reply_limited(&state, ctx, inquiry, token, text, secs).await;
    }
    let now = dias_core::time::now();
    let recent =
        sender::recent_replies(&state.db, inquiry.id, now - sender::REPLY_WINDOW_SECS).await?;
    let notify = match sender::allowance(&recent, now) {
        sender::Allowance::Refused { retry_after } => {
            return reply_limited(&state, ctx, inquiry, token, text, retry_after).await;
        }
        sender::Allowance::Accepted { notify } => notify,
    };
    let replied = match sender::reply(&state.db, inquiry.id, &message, notify, now).await? {
        sender::ReplyOutcome::Stored(replied) => *replied,
        sender::ReplyOutcome::Gone => return gone(&state, ctx),
        sender::ReplyOutcome::Conflict => {
            let mut errors = FieldErrors::new();
            errors.add("message", "desk-public-error-reply-conflict");
            let shown = ShownErrors::new(&ctx, &errors);
            let page = status_page(&state, ctx, inquiry, token, text, shown).await?;
            return Ok(no_store(page_with_status(StatusCode::CONFLICT, &page)?));
        }
    };
    if !notify {
        return Ok(see_other(&format!(
            "/anfragen/status/{token}?hinweis=desk-public-replied#verlauf"
        )));
    }
    let recipients = sender::staff_to_notify(&state.db, &replied.inquiry).await?;
    let link = format!(
        "{}/anfragen/verwaltung/{}",
        state.config.public_url.trim_end_matches('/'),
        replied.inquiry.id
    );
    for (email, locale) in recipients {
        let mail = sender::staff_reply_mail(&state.catalog, &locale, &replied.inquiry, &link);
        dias_core::mail::queue(&state.db, &email, &mail.subject, &mail.body).await?;
    }
    Ok(see_other(&format!(
        "/anfragen/status/{token}?hinweis=desk-public-replied#verlauf"
    )))
}

async fn download(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, String)>,
) -> AppResult<Response> {
    let inquiry = by_token(&state, &token).await?;
    let id: i64 = id.parse().map_err(|_| AppError::NotFound)?;
    let file = store::attachment(&state.db, inquiry.id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    // A file of an entry the sender does not see stays hidden too.
    if let Some(event_id) = file.event_id {
        let visible = store::history(&state.db, inquiry.id, true)
            .await?
            .iter()
            .any(|e| e.id == event_id);
        if !visible {
            return Err(AppError::NotFound);
        }
    }
    Ok(dias_web::download::private_file(
        file.data,
        &file.mime,
        &file.filename,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_paragraphs_of_lines() {
        assert_eq!(
            paragraphs("Guten Tag,\r\nzweite Zeile\n\n\n\nGruß"),
            vec![
                vec!["Guten Tag,".to_owned(), "zweite Zeile".to_owned()],
                vec!["Gruß".to_owned()]
            ]
        );
        assert!(paragraphs(" \n\n ").is_empty());
    }
}
