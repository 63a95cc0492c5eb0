//! Opinion map (Meinungsbild) pages: voting one statement at a time,
//! writing statements, the results with scatter and table, the moderators'
//! queue of statements and the staff exports. Every form is a plain POST
//! (303 afterwards); with htmx the vote swaps only the card.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dias_core::i18n::Value;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{field_errors, load};
use crate::domain::Feature;
use crate::entities::{opinion_conversation, opinion_statement, process};
use crate::opinion::store::{self, Card, Voter};
use crate::opinion::{self, svg};
use crate::policy::ParticipationAction;
use crate::store::ProcessWithPhases;

/// Queue entries shown per state.
const QUEUE_LIMIT: u64 = 200;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/meinungsbild", get(show))
        .route("/beteiligung/{slug}/meinungsbild/stimmen", post(vote))
        .route(
            "/beteiligung/{slug}/meinungsbild/aussagen",
            post(add_statement),
        )
        .route("/beteiligung/{slug}/meinungsbild/ergebnis", get(results))
        .route("/beteiligung/{slug}/meinungsbild/moderation", get(queue))
        .route(
            "/beteiligung/{slug}/meinungsbild/moderation/{id}",
            post(decide),
        )
        .route(
            "/beteiligung/{slug}/meinungsbild/daten/{file}",
            get(download),
        )
}

// ------------------------------------------------------------ who is voting

fn cookie_value<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The visitor's valid participant cookie (whole value and token).
fn visitor_cookie(state: &AppState, headers: &HeaderMap) -> Option<(String, String)> {
    let value = cookie_value(headers, opinion::COOKIE)?;
    let token = opinion::verified_token(state.config.secret_key.expose().as_bytes(), value)?;
    Some((value.to_owned(), token.to_owned()))
}

fn participant_cookie(state: &AppState, value: &str) -> Option<HeaderValue> {
    let secure = if state.config.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    HeaderValue::from_str(&format!(
        "{}={value}; Path=/beteiligung; HttpOnly; SameSite=Lax; Max-Age={}{secure}",
        opinion::COOKIE,
        opinion::COOKIE_MAX_AGE
    ))
    .ok()
}

/// Who is asking, for reading: an account, a visitor with a cookie (only
/// where anonymous voting is allowed), or nobody known.
struct Reader {
    voter: Option<Voter>,
    /// The visitor's cookie, renewed on every page they get: the renewal
    /// keeps their place for another year and marks the page as personal,
    /// so the visitors' page cache never stores or shares it.
    cookie: Option<String>,
}

fn reader(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    conversation: &opinion_conversation::Model,
) -> Reader {
    if let Some(p) = ctx.principal() {
        return Reader {
            voter: Some(Voter::User(p.user_id)),
            cookie: None,
        };
    }
    match visitor_cookie(state, headers) {
        Some((value, token)) if conversation.allow_anonymous => Reader {
            voter: Some(Voter::Anonymous(opinion::anon_key(&token, conversation.id))),
            cookie: Some(value),
        },
        _ => Reader {
            voter: None,
            cookie: None,
        },
    }
}

fn with_cookie(state: &AppState, mut response: Response, cookie: Option<&str>) -> Response {
    if let Some(value) = cookie.and_then(|c| participant_cookie(state, c)) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

async fn conversation(
    state: &AppState,
    p: &ProcessWithPhases,
) -> AppResult<opinion_conversation::Model> {
    Ok(store::conversation_for(&state.db, p.process.id).await?)
}

// ------------------------------------------------------------ voting page

/// The statement card (also the htmx fragment).
pub struct CardView {
    pub statement_id: i64,
    pub body: String,
    pub voted: u64,
    pub total: u64,
    pub done: bool,
    /// "Sie haben 12 von 40 Aussagen bewertet".
    pub progress: String,
}

impl CardView {
    fn from(ctx: &Ctx, card: Card) -> Self {
        let done = card.statement.is_none();
        let (statement_id, body) = card.statement.map(|s| (s.id, s.body)).unwrap_or_default();
        let count = |n: u64| Value::from(i64::try_from(n).unwrap_or(i64::MAX));
        CardView {
            statement_id,
            body,
            progress: ctx.catalog.get_with(
                ctx.locale(),
                "opinion-progress",
                &[("voted", count(card.voted)), ("total", count(card.total))],
            ),
            voted: card.voted,
            total: card.total,
            done,
        }
    }
}

/// How the visitor may vote here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// Buttons are shown.
    Vote,
    /// The phase does not allow voting.
    Closed,
    /// Voting needs an account here.
    SignIn,
}

fn access(ctx: &Ctx, p: &ProcessWithPhases, conversation: &opinion_conversation::Model) -> Access {
    if !p.is_open(Feature::StatementVoting) {
        Access::Closed
    } else if ctx.signed_in() || conversation.allow_anonymous {
        Access::Vote
    } else {
        Access::SignIn
    }
}

#[derive(Template)]
#[template(path = "participation/opinion_card.html")]
struct CardFragment {
    ctx: Ctx,
    slug: String,
    card: CardView,
    can_vote: bool,
    sign_in: bool,
}

#[derive(Template)]
#[template(path = "participation/opinion.html")]
struct VotePage {
    ctx: Ctx,
    process: process::Model,
    slug: String,
    question: String,
    card: CardView,
    can_vote: bool,
    sign_in: bool,
    closed: bool,
    computed: String,
    can_write: bool,
    can_moderate: bool,
    pending: u64,
    errors: ShownErrors,
    body: String,
    max_chars: usize,
}

async fn vote_page(
    state: &AppState,
    ctx: Ctx,
    headers: &HeaderMap,
    p: ProcessWithPhases,
    errors: ShownErrors,
    body: String,
) -> AppResult<Response> {
    let conversation = conversation(state, &p).await?;
    let who = reader(state, &ctx, headers, &conversation);
    let participant = match &who.voter {
        Some(v) => store::find_participant(&state.db, conversation.id, v).await?,
        None => None,
    };
    let card = store::next_card(&state.db, conversation.id, participant).await?;
    let access = access(&ctx, &p, &conversation);
    let can_moderate = ctx.can(&ParticipationAction::Moderate);
    let pending = if can_moderate {
        store::pending_count(&state.db, conversation.id).await?
    } else {
        0
    };
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let response = page_with_status(
        status,
        &VotePage {
            slug: p.process.slug.clone(),
            question: question(&ctx, &conversation),
            card: CardView::from(&ctx, card),
            can_vote: access == Access::Vote,
            sign_in: access == Access::SignIn,
            closed: access == Access::Closed,
            computed: computed_text(&ctx, conversation.computed_at),
            can_write: ctx.signed_in() && access != Access::Closed,
            can_moderate,
            pending,
            errors,
            body,
            max_chars: opinion::STATEMENT_MAX,
            process: p.process,
            ctx,
        },
    )?;
    Ok(with_cookie(state, response, who.cookie.as_deref()))
}

fn question(ctx: &Ctx, conversation: &opinion_conversation::Model) -> String {
    if conversation.question.is_empty() {
        ctx.t("opinion-default-question")
    } else {
        conversation.question.clone()
    }
}

fn computed_text(ctx: &Ctx, computed_at: Option<i64>) -> String {
    match computed_at {
        Some(at) => ctx.t1(
            "opinion-computed-at",
            "time",
            dias_core::time::format_datetime(at),
        ),
        None => ctx.t("opinion-computed-never"),
    }
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    vote_page(&state, ctx, &headers, p, ShownErrors::none(), String::new()).await
}

#[derive(Deserialize, Default)]
pub struct VoteInput {
    #[serde(default)]
    statement: String,
    #[serde(default)]
    vote: String,
}

async fn vote(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Form(input): Form<VoteInput>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let conversation = conversation(&state, &p).await?;
    p.require_open(Feature::StatementVoting)?;
    let value = opinion::parse_vote(&input.vote)
        .ok_or_else(|| AppError::BadRequest(ctx.t("opinion-error-vote")))?;
    let statement_id: i64 = input
        .statement
        .parse()
        .map_err(|_| AppError::BadRequest(ctx.t("opinion-error-vote")))?;
    let (voter, cookie) = match ctx.principal() {
        Some(me) => {
            ctx.require(&ParticipationAction::Contribute)?;
            (Voter::User(me.user_id), None)
        }
        None if conversation.allow_anonymous => {
            state
                .limits
                .check("opinion-vote", ctx.info.client_ip, 300, 600)
                .map_err(AppError::TooManyRequests)?;
            let key = state.config.secret_key.expose().as_bytes().to_vec();
            let (value, token) = match visitor_cookie(&state, &headers) {
                Some(existing) => existing,
                None => {
                    let value = opinion::new_cookie_value(&key);
                    let token = opinion::verified_token(&key, &value)
                        .ok_or_else(|| AppError::Internal("participant cookie".into()))?
                        .to_owned();
                    (value, token)
                }
            };
            (
                Voter::Anonymous(opinion::anon_key(&token, conversation.id)),
                Some(value),
            )
        }
        // Only accounts vote here: to the sign-in page, nothing stored.
        None => {
            return Err(AppError::NotSignedIn(format!(
                "/beteiligung/{slug}/meinungsbild"
            )));
        }
    };
    let participant = store::vote(&state.db, &conversation, &voter, statement_id, value).await?;
    let response = if ctx.info.htmx {
        let card = store::next_card(&state.db, conversation.id, Some(participant)).await?;
        page(&CardFragment {
            slug: slug.clone(),
            card: CardView::from(&ctx, card),
            can_vote: true,
            sign_in: false,
            ctx,
        })?
    } else if cookie.is_some() {
        // A fresh address per vote: visitors' pages are cached by URL, and a
        // visitor with a cookie must see their own next card, not a shared one.
        let nonce = &dias_core::crypto::random_token()[..8];
        see_other(&format!(
            "/beteiligung/{slug}/meinungsbild?karte={nonce}#karte"
        ))
    } else {
        see_other(&format!("/beteiligung/{slug}/meinungsbild#karte"))
    };
    Ok(with_cookie(&state, response, cookie.as_deref()))
}

#[derive(Deserialize, Default)]
pub struct StatementInput {
    #[serde(default)]
    body: String,
}

async fn add_statement(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
    Form(input): Form<StatementInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    let conversation = conversation(&state, &p).await?;
    p.require_open(Feature::StatementVoting)?;
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let result = store::add_statement(
        &state.db,
        &conversation,
        &Voter::User(me.user_id),
        &input.body,
        p.process.premoderation,
    )
    .await;
    match field_errors(result)? {
        Ok(status) => {
            let notice = if status == opinion::PENDING {
                "opinion-statement-pending"
            } else {
                "opinion-statement-added"
            };
            Ok(see_other(&format!(
                "/beteiligung/{slug}/meinungsbild?hinweis={notice}"
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            vote_page(&state, ctx, &headers, p, shown, input.body).await
        }
    }
}

// ------------------------------------------------------------ results

/// A representative or consensus statement with its shares.
pub struct StatementShare {
    pub body: String,
    pub agree: u32,
    pub disagree: u32,
    pub pass: u32,
    pub direction: &'static str,
}

/// A group as the table and legend show it.
pub struct GroupView {
    pub label: String,
    pub size: usize,
    pub colour: &'static str,
    pub shape_name: String,
    pub swatch: String,
    pub statements: Vec<StatementShare>,
    pub mine: bool,
}

#[derive(Template)]
#[template(path = "participation/opinion_results.html")]
struct ResultsPage {
    ctx: Ctx,
    process: process::Model,
    question: String,
    computed: String,
    basis: String,
    has_analysis: bool,
    scatter: svg::Scatter,
    svg_desc: String,
    thinned: String,
    groups: Vec<GroupView>,
    ungrouped: usize,
    ungrouped_swatch: String,
    consensus_agree: Vec<StatementShare>,
    consensus_disagree: Vec<StatementShare>,
    my_summary: Option<String>,
    my_agrees: Vec<String>,
    my_disagrees: Vec<String>,
    i_voted: bool,
    can_export: bool,
    width: f64,
    height: f64,
}

fn share_of(body: &str, tally: store::Tally, direction: &'static str) -> StatementShare {
    let total = tally.total();
    StatementShare {
        body: body.to_owned(),
        agree: opinion::percent(tally.agree, total),
        disagree: opinion::percent(tally.disagree, total),
        pass: opinion::percent(tally.pass, total),
        direction,
    }
}

async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    headers: HeaderMap,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let conversation = conversation(&state, &p).await?;
    let who = reader(&state, &ctx, &headers, &conversation);
    let participant = match &who.voter {
        Some(v) => store::find_participant(&state.db, conversation.id, v).await?,
        None => None,
    };
    let stored = store::analysis(&state.db, conversation.id).await?;
    let analysis = stored.as_ref().and_then(|a| {
        dias_opinion::Analysis::from_json(&a.analysis)
            .map_err(|e| tracing::warn!(error = %e, "stored opinion analysis unreadable"))
            .ok()
    });
    let statements: std::collections::HashMap<String, opinion_statement::Model> =
        if analysis.is_some() {
            store::statements(&state.db, conversation.id)
                .await?
                .into_iter()
                // A statement rejected after the last computation never shows.
                .filter(|s| s.status == crate::opinion::ACCEPTED)
                .map(|s| (s.id.to_string(), s))
                .collect()
        } else {
            Default::default()
        };
    let tallies = if analysis.is_some() {
        store::tallies(&state.db, conversation.id).await?
    } else {
        Default::default()
    };
    let body_of = |id: &str| statements.get(id).map(|s| s.body.clone());
    let me = participant.map(|id| id.to_string());

    let mut groups = Vec::new();
    let mut my_group = None;
    let (mut my_agrees, mut my_disagrees) = (Vec::new(), Vec::new());
    let mut points = Vec::new();
    let mut ungrouped = 0;
    let mut consensus_agree = Vec::new();
    let mut consensus_disagree = Vec::new();
    if let Some(a) = &analysis {
        let index_of = |gid: u32| a.groups.iter().position(|g| g.id == gid);
        for (id, pt) in a.participants.iter() {
            let idx = pt.group.and_then(index_of);
            if idx.is_none() {
                ungrouped += 1;
            }
            points.push((id.to_owned(), pt.x, pt.y, idx));
        }
        let mine_group = me.as_deref().and_then(|m| a.group_of(m)).map(|g| g.id);
        for (i, g) in a.groups.iter().enumerate() {
            let style = svg::style(Some(i));
            let label = opinion::group_label(i);
            let mine = mine_group == Some(g.id);
            let mut shares = Vec::new();
            for r in &g.repness {
                let Some(body) = body_of(&r.statement) else {
                    continue;
                };
                let tally = store::Tally {
                    agree: r.na,
                    disagree: r.nd,
                    pass: r.ns.saturating_sub(r.na + r.nd),
                };
                let direction = match r.direction {
                    dias_opinion::Direction::Agree => "agree",
                    dias_opinion::Direction::Disagree => "disagree",
                };
                if mine {
                    match r.direction {
                        dias_opinion::Direction::Agree => my_agrees.push(body.clone()),
                        dias_opinion::Direction::Disagree => my_disagrees.push(body.clone()),
                    }
                }
                shares.push(share_of(&body, tally, direction));
            }
            if mine {
                my_group = Some(label.clone());
            }
            groups.push(GroupView {
                size: g.members.len(),
                colour: style.colour,
                shape_name: ctx.t(style.shape.name_key()),
                swatch: style.shape.path(8.0, 8.0, 5.0),
                statements: shares,
                mine,
                label,
            });
        }
        for (ids, out, direction) in [
            (&a.consensus.agree, &mut consensus_agree, "agree"),
            (&a.consensus.disagree, &mut consensus_disagree, "disagree"),
        ] {
            for id in ids {
                let Some(body) = body_of(id) else { continue };
                let tally = id
                    .parse::<i64>()
                    .ok()
                    .and_then(|n| tallies.get(&n).copied())
                    .unwrap_or_default();
                out.push(share_of(&body, tally, direction));
            }
        }
    }
    let my_summary = my_group.as_ref().map(|label| {
        let (key, statement) = match (my_agrees.first(), my_disagrees.first()) {
            (Some(b), _) => ("opinion-my-group-summary-agree", b.clone()),
            (None, Some(b)) => ("opinion-my-group-summary-disagree", b.clone()),
            (None, None) => ("opinion-my-group", String::new()),
        };
        ctx.catalog.get_with(
            ctx.locale(),
            key,
            &[
                ("group", Value::from(label.clone())),
                ("statement", Value::from(statement)),
            ],
        )
    });
    let scatter = svg::layout(&points, me.as_deref());
    let mut desc = vec![ctx.t("opinion-svg-desc")];
    for g in &groups {
        desc.push(ctx.t1(
            "opinion-svg-desc-group",
            "group",
            format!(
                "{} ({}, {})",
                g.label,
                ctx.tn("opinion-people", "count", g.size),
                g.shape_name
            ),
        ));
    }
    if scatter.me.is_some() {
        desc.push(ctx.t("opinion-svg-desc-me"));
    }
    let thinned = if scatter.drawn < scatter.total {
        ctx.t1(
            "opinion-thinned",
            "drawn",
            format!("{} / {}", scatter.drawn, scatter.total),
        )
    } else {
        String::new()
    };
    let basis = stored
        .as_ref()
        .map(|s| {
            ctx.t1(
                "opinion-basis",
                "votes",
                format!(
                    "{} · {}",
                    ctx.tn("opinion-votes", "count", s.vote_count),
                    ctx.tn("opinion-people", "count", s.participant_count)
                ),
            )
        })
        .unwrap_or_default();
    let response = page(&ResultsPage {
        question: question(&ctx, &conversation),
        computed: computed_text(&ctx, conversation.computed_at),
        basis,
        has_analysis: analysis.is_some(),
        svg_desc: desc.join(" "),
        thinned,
        groups,
        ungrouped,
        ungrouped_swatch: svg::style(None).shape.path(8.0, 8.0, 5.0),
        consensus_agree,
        consensus_disagree,
        my_summary,
        my_agrees,
        my_disagrees,
        i_voted: participant.is_some(),
        can_export: ctx.can(&ParticipationAction::Manage),
        scatter,
        width: svg::WIDTH,
        height: svg::HEIGHT,
        process: p.process,
        ctx,
    })?;
    Ok(with_cookie(&state, response, who.cookie.as_deref()))
}

// ------------------------------------------------------------ moderation

#[derive(Template)]
#[template(path = "participation/opinion_queue.html")]
struct QueuePage {
    ctx: Ctx,
    process: process::Model,
    sections: Vec<QueueSection>,
}

/// Statements of one state with the decisions offered for them.
pub struct QueueSection {
    pub id: &'static str,
    pub heading: String,
    pub items: Vec<opinion_statement::Model>,
    pub accept: bool,
    pub reject: bool,
}

async fn queue(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Moderate)?;
    let p = load(&state, &ctx, &slug).await?;
    let conversation = conversation(&state, &p).await?;
    let id = conversation.id;
    let mut sections = Vec::new();
    for (anchor, status, heading, accept, reject) in [
        (
            "wartend",
            opinion::PENDING,
            "opinion-queue-pending",
            true,
            true,
        ),
        (
            "angenommen",
            opinion::ACCEPTED,
            "opinion-queue-accepted",
            false,
            true,
        ),
        (
            "abgelehnt",
            opinion::REJECTED,
            "opinion-queue-rejected",
            true,
            false,
        ),
    ] {
        sections.push(QueueSection {
            id: anchor,
            heading: ctx.t(heading),
            items: store::statements_with_status(&state.db, id, status, QUEUE_LIMIT).await?,
            accept,
            reject,
        });
    }
    page(&QueuePage {
        sections,
        process: p.process,
        ctx,
    })
}

#[derive(Deserialize, Default)]
pub struct DecisionInput {
    #[serde(default)]
    decision: String,
}

async fn decide(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<DecisionInput>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Moderate)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let conversation = conversation(&state, &p).await?;
    if !matches!(input.decision.as_str(), "accept" | "reject") {
        return Err(AppError::BadRequest(ctx.t("opinion-error-decision")));
    }
    store::decide(&state.db, conversation.id, id, me.user_id, &input.decision).await?;
    Ok(see_other(&format!(
        "/beteiligung/{slug}/meinungsbild/moderation?hinweis=opinion-decided"
    )))
}

// ------------------------------------------------------------ exports

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, file)): Path<(String, String)>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let conversation = conversation(&state, &p).await?;
    let id = conversation.id;
    let (body, mime) = match file.as_str() {
        "stimmen.csv" => (
            opinion::export::votes_csv(&store::votes(&state.db, id).await?),
            "text/csv; charset=utf-8",
        ),
        "aussagen.csv" => (
            opinion::export::statements_csv(
                &store::statements(&state.db, id).await?,
                &store::tallies(&state.db, id).await?,
            ),
            "text/csv; charset=utf-8",
        ),
        "matrix.csv" => (
            opinion::export::matrix_csv(&store::votes(&state.db, id).await?),
            "text/csv; charset=utf-8",
        ),
        // The stored analysis exactly as `dias opinion analyze` writes it.
        "analyse.json" => {
            let stored = store::analysis(&state.db, id)
                .await?
                .ok_or(AppError::NotFound)?;
            (
                Ok(stored.analysis.into_bytes()),
                "application/json; charset=utf-8",
            )
        }
        _ => return Err(AppError::NotFound),
    };
    let body = body.map_err(AppError::Internal)?;
    dias_core::audit::record(
        &state.db,
        Some(me.user_id),
        "opinion.exported",
        "process",
        Some(&p.process.id.to_string()),
        serde_json::json!({ "file": file }),
    )
    .await?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{slug}-meinungsbild-{file}\""
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
