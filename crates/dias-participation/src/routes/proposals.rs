//! Proposals: list with filters, sorting and pagination; creation; detail
//! with supports, official answers and threaded comments.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::comments::CommentInput;
use super::text::{CommentView, comment_views};
use super::{field_errors, load};
use crate::domain::{self, Feature};
use crate::entities::{process, proposal};
use crate::policy::ParticipationAction;
use crate::store::{self, NewProposal, ProposalFilter, Sort, Target};

const PER_PAGE: u64 = 20;
/// Page links beyond this are refused: nobody reads page 5,000 and it costs.
const MAX_PAGE: u64 = dias_web::components::MAX_PAGE;
use crate::store::PROPOSAL_COMMENTS_PER_PAGE as COMMENTS_PER_PAGE;

/// `?seite=N`: absent means 1; anything but 1 … MAX_PAGE is a clear 400.
fn page_number(ctx: &Ctx, seite: Option<&str>) -> AppResult<u64> {
    match seite {
        None | Some("") => Ok(1),
        Some(s) => match s.parse::<u64>() {
            Ok(n) if (1..=MAX_PAGE).contains(&n) => Ok(n),
            _ => Err(AppError::BadRequest(ctx.t("error-page-number"))),
        },
    }
}

#[derive(Deserialize, Default)]
pub struct DetailParams {
    seite: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ListParams {
    #[serde(default)]
    thema: String,
    #[serde(default)]
    status: String,
    #[serde(default)]
    ort: String,
    #[serde(default)]
    sortierung: String,
    #[serde(default)]
    seed: Option<String>,
    #[serde(default)]
    seite: Option<String>,
}

pub struct ProposalCard {
    pub id: i64,
    pub title: String,
    pub topic: String,
    pub status_label: String,
    pub supports: i32,
    pub comments: i32,
    pub author: String,
    pub created: String,
    pub qualified: bool,
}

#[derive(Template)]
#[template(path = "participation/proposals.html")]
struct ListPage {
    ctx: Ctx,
    process: process::Model,
    cards: Vec<ProposalCard>,
    total: i64,
    pagination: Pagination,
    topics: Vec<(String, String)>,
    statuses: Vec<(String, String)>,
    sorts: Vec<(String, String)>,
    thema: String,
    status: String,
    ort: String,
    sortierung: String,
    can_create: bool,
}

fn option_list(ctx: &Ctx, values: &[&str], prefix: &str) -> Vec<(String, String)> {
    values
        .iter()
        .map(|v| (v.to_string(), ctx.t(&format!("{prefix}-{v}"))))
        .collect()
}

pub async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Query(params): Query<ListParams>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let page_number = page_number(&ctx, params.seite.as_deref())?;
    let filter = ProposalFilter {
        topic: domain::TOPICS
            .contains(&params.thema.as_str())
            .then(|| params.thema.clone()),
        status: domain::STATUSES
            .contains(&params.status.as_str())
            .then(|| params.status.clone()),
        ags8: (params.ort.len() == 8 && params.ort.chars().all(|c| c.is_ascii_digit()))
            .then(|| params.ort.clone()),
    };
    let sort_key =
        if ["unterstuetzt", "neu", "kommentiert", "zufall"].contains(&params.sortierung.as_str()) {
            params.sortierung.clone()
        } else {
            "unterstuetzt".to_owned()
        };
    let seed = params.seed.as_deref().and_then(|s| s.parse::<i64>().ok());
    if sort_key == "zufall" && seed.is_none() {
        // A seed in the URL keeps the random order stable while paging.
        let seed: u32 = rand::random();
        let query = serde_urlencoded::to_string([
            ("thema", params.thema.as_str()),
            ("status", params.status.as_str()),
            ("ort", params.ort.as_str()),
            ("sortierung", "zufall"),
            ("seed", &seed.to_string()),
        ])
        .unwrap_or_default();
        return Ok(see_other(&format!(
            "/beteiligung/{slug}/vorschlaege?{query}"
        )));
    }
    let sort = match sort_key.as_str() {
        "neu" => Sort::Newest,
        "kommentiert" => Sort::MostCommented,
        "zufall" => Sort::Random(seed.unwrap_or(0)),
        _ => Sort::MostSupported,
    };
    let (items, total) = store::list_proposals(
        &state.db,
        p.process.id,
        &filter,
        sort,
        page_number,
        PER_PAGE,
    )
    .await?;
    let names = store::author_names(&state.db, items.iter().map(|i| i.author_id)).await?;
    let threshold = p.process.support_threshold;
    let cards = items
        .into_iter()
        .map(|i: proposal::Model| ProposalCard {
            author: names.get(&i.author_id).cloned().unwrap_or_default(),
            created: dias_core::time::format_date(i.created_at),
            topic: ctx.t(&format!("topic-{}", i.topic)),
            status_label: ctx.t(&format!("status-{}", i.status)),
            qualified: i.supports_count >= threshold,
            id: i.id,
            title: i.title,
            supports: i.supports_count,
            comments: i.comments_count,
        })
        .collect();
    let mut base_pairs = vec![
        ("thema", params.thema.as_str()),
        ("status", params.status.as_str()),
        ("ort", params.ort.as_str()),
        ("sortierung", sort_key.as_str()),
    ];
    let seed_text = seed.map(|s| s.to_string()).unwrap_or_default();
    if sort_key == "zufall" {
        base_pairs.push(("seed", seed_text.as_str()));
    }
    let base_pairs: Vec<(&str, &str)> = base_pairs
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let base = format!(
        "/beteiligung/{slug}/vorschlaege?{}",
        serde_urlencoded::to_string(base_pairs).unwrap_or_default()
    );
    page(&ListPage {
        topics: option_list(&ctx, &domain::TOPICS, "topic"),
        statuses: option_list(&ctx, &domain::STATUSES, "status"),
        sorts: option_list(
            &ctx,
            &["unterstuetzt", "neu", "kommentiert", "zufall"],
            "sort",
        ),
        can_create: p.is_open(Feature::Proposals),
        pagination: Pagination::new(page_number, total, PER_PAGE, base),
        total: total as i64,
        thema: params.thema,
        status: params.status,
        ort: params.ort,
        sortierung: sort_key,
        cards,
        process: p.process,
        ctx,
    })
}

#[derive(Template)]
#[template(path = "participation/proposal_form.html")]
struct FormPage {
    ctx: Ctx,
    process: process::Model,
    errors: ShownErrors,
    title: String,
    body: String,
    topic: String,
    ags8: String,
    topics: Vec<(String, String)>,
    municipalities: Vec<(String, String)>,
}

async fn form_page(
    _state: &AppState,
    ctx: Ctx,
    process: process::Model,
    errors: ShownErrors,
    input: NewProposal,
    status: StatusCode,
) -> AppResult<Response> {
    let municipalities = dias_core::reference::cached()
        .municipalities
        .iter()
        .map(|m| (m.ags8.clone(), m.name.clone()))
        .collect();
    page_with_status(
        status,
        &FormPage {
            topics: option_list(&ctx, &domain::TOPICS, "topic"),
            municipalities,
            title: input.title,
            body: input.body,
            topic: input.topic,
            ags8: input.ags8,
            errors,
            process,
            ctx,
        },
    )
}

pub async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Contribute)?;
    let p = load(&state, &ctx, &slug).await?;
    p.require_open(Feature::Proposals)?;
    form_page(
        &state,
        ctx,
        p.process,
        ShownErrors::none(),
        NewProposal::default(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ProposalInput {
    #[serde(default)]
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    topic: String,
    #[serde(default)]
    ags8: String,
}

pub async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<ProposalInput>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    state
        .limits
        .posting(me.user_id, ctx.info.client_ip)
        .map_err(AppError::TooManyRequests)?;
    let p = load(&state, &ctx, &slug).await?;
    let new = NewProposal {
        title: input.title,
        body: input.body,
        topic: input.topic,
        ags8: input.ags8,
    };
    match field_errors(store::create_proposal(&state.db, &me, &p, &new).await)? {
        Ok(_) if p.process.premoderation => Ok(see_other(&format!(
            "/beteiligung/{slug}/vorschlaege?hinweis=wird-geprueft"
        ))),
        Ok(id) => Ok(see_other(&format!(
            "/beteiligung/{slug}/vorschlaege/{id}?hinweis=vorschlag-gespeichert"
        ))),
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            form_page(
                &state,
                ctx,
                p.process,
                shown,
                new,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

pub struct AnswerView {
    pub status_label: String,
    pub html: String,
    pub cost: Option<i64>,
    pub date: String,
}

#[derive(Template)]
#[template(path = "participation/proposal.html")]
struct DetailPage {
    ctx: Ctx,
    comment_action: String,
    process: process::Model,
    proposal: proposal::Model,
    author: String,
    body_html: String,
    topic: String,
    status_label: String,
    place: String,
    answers: Vec<AnswerView>,
    comments: Vec<CommentView>,
    comment_pages: Pagination,
    supported: bool,
    supports_left: i64,
    supporting_open: bool,
    commenting_open: bool,
    can_manage: bool,
    next_statuses: Vec<(String, String)>,
    errors: ShownErrors,
    comment_body: String,
    answer_text: String,
    qualified: bool,
    following: bool,
}

struct DetailForm {
    errors: ShownErrors,
    comment_body: String,
    answer_text: String,
}

async fn detail(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    id: i64,
    form: Option<DetailForm>,
    comments_page: u64,
    status: StatusCode,
) -> AppResult<Response> {
    let p = load(state, &ctx, slug).await?;
    let can_manage = ctx.can(&ParticipationAction::Manage);
    let proposal = store::proposal(&state.db, p.process.id, id, can_manage).await?;
    let (comments, threads) = store::thread_page(
        &state.db,
        Target::Proposal(id),
        comments_page,
        COMMENTS_PER_PAGE,
    )
    .await?;
    let votes = crate::comments::votes_of(
        &state.db,
        ctx.principal().map(|p| p.user_id),
        &comments.iter().map(|c| c.id).collect::<Vec<_>>(),
    )
    .await?;
    let names = store::author_names(
        &state.db,
        comments
            .iter()
            .map(|c| c.author_id)
            .chain([proposal.author_id]),
    )
    .await?;
    let answers = store::answers(&state.db, id)
        .await?
        .into_iter()
        .map(|a| AnswerView {
            status_label: ctx.t(&format!("status-{}", a.status)),
            html: dias_core::markdown::render(&a.answer_md),
            cost: a.cost_eur,
            date: dias_core::time::format_date(a.created_at),
        })
        .collect();
    let (supported, supports_left) = match ctx.principal() {
        Some(me) => {
            let mine = store::supports_of(&state.db, p.process.id, me.user_id).await?;
            (
                mine.contains(&id),
                i64::from(p.process.support_limit) - mine.len() as i64,
            )
        }
        None => (false, i64::from(p.process.support_limit)),
    };
    // Reference data is in memory (`dias_core::reference`).
    let place = proposal
        .ags8
        .as_deref()
        .and_then(|ags8| dias_core::reference::cached().municipality(ags8))
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let following = match ctx.principal() {
        Some(me) => {
            dias_core::notifications::is_following(
                &state.db,
                me.user_id,
                crate::notify::proposal_target(id),
            )
            .await?
        }
        None => false,
    };
    let next_statuses = domain::STATUSES
        .iter()
        .filter(|s| domain::transition_allowed(&proposal.status, s))
        .map(|s| (s.to_string(), ctx.t(&format!("status-{s}"))))
        .collect();
    let form = form.unwrap_or(DetailForm {
        errors: ShownErrors::none(),
        comment_body: String::new(),
        answer_text: String::new(),
    });
    page_with_status(
        status,
        &DetailPage {
            author: names.get(&proposal.author_id).cloned().unwrap_or_default(),
            body_html: dias_core::markdown::render(&proposal.body_md),
            topic: ctx.t(&format!("topic-{}", proposal.topic)),
            status_label: ctx.t(&format!("status-{}", proposal.status)),
            qualified: proposal.supports_count >= p.process.support_threshold,
            following,
            comments: comment_views(&ctx, comments, &names, false, &votes),
            comment_pages: Pagination::new(
                comments_page,
                threads,
                COMMENTS_PER_PAGE,
                format!("/beteiligung/{slug}/vorschlaege/{id}"),
            ),
            comment_action: format!("/beteiligung/{slug}/vorschlaege/{id}/kommentare"),
            supporting_open: p.is_open(Feature::Supporting),
            commenting_open: p.is_open(Feature::Commenting),
            place,
            answers,
            supported,
            supports_left,
            can_manage,
            next_statuses,
            errors: form.errors,
            comment_body: form.comment_body,
            answer_text: form.answer_text,
            process: p.process,
            proposal,
            ctx,
        },
    )
}

pub async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Query(params): Query<DetailParams>,
) -> AppResult<Response> {
    let comments_page = page_number(&ctx, params.seite.as_deref())?;
    detail(&state, ctx, &slug, id, None, comments_page, StatusCode::OK).await
}

pub async fn support(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx
        .require(&ParticipationAction::Contribute)?
        .user()?
        .clone();
    let p = load(&state, &ctx, &slug).await?;
    let supported = store::toggle_support(&state.db, &me, &p, id).await?;
    let notice = if supported {
        "unterstuetzt"
    } else {
        "unterstuetzung-zurueckgezogen"
    };
    Ok(see_other(&format!(
        "/beteiligung/{slug}/vorschlaege/{id}?hinweis={notice}"
    )))
}

pub async fn comment(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<CommentInput>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    store::proposal(&state.db, p.process.id, id, false).await?;
    match super::comments::post_comment(&state, &ctx, &p, Target::Proposal(id), &input).await? {
        Ok(redirect) => Ok(redirect),
        Err(errors) => {
            let form = DetailForm {
                errors: ShownErrors::new(&ctx, &errors),
                comment_body: input.body,
                answer_text: String::new(),
            };
            detail(
                &state,
                ctx,
                &slug,
                id,
                Some(form),
                1,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct AnswerInput {
    #[serde(default)]
    status: String,
    #[serde(default)]
    answer: String,
    #[serde(default)]
    cost: String,
}

pub async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<AnswerInput>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    match field_errors(
        store::answer_proposal(
            &state.db,
            &me,
            p.process.id,
            id,
            &input.status,
            &input.answer,
            &input.cost,
        )
        .await,
    )? {
        Ok(()) => Ok(see_other(&format!(
            "/beteiligung/{slug}/vorschlaege/{id}?hinweis=antwort-gespeichert"
        ))),
        Err(errors) => {
            let form = DetailForm {
                errors: ShownErrors::new(&ctx, &errors),
                comment_body: String::new(),
                answer_text: input.answer,
            };
            detail(
                &state,
                ctx,
                &slug,
                id,
                Some(form),
                1,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
