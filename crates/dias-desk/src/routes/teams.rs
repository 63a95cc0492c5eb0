//! `/anfragen/verwaltung/teams`: the teams that answer inquiries, their
//! members, and for each topic the team and target answer time.
//!
//! Staff see the page read-only — it tells them who answers what — and
//! administrators change it (`DeskAction::Configure`). Every change is a
//! plain POST with an audit entry in the same transaction; a refused form
//! re-renders the page with 422 and the input kept.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::entities::user;
use dias_core::validation::FieldErrors;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use sea_orm::EntityTrait;
use serde::Deserialize;
use serde_json::json;

use super::queue::{Choice, Segments, parse_id};
use crate::policy::DeskAction;
use crate::teams::{self, Team, TopicSetting};
use crate::vocab::Topic;

const PAGE: &str = "/anfragen/verwaltung/teams";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(PAGE, get(show).post(create))
        .route("/anfragen/verwaltung/teams/{id}/umbenennen", post(rename))
        .route("/anfragen/verwaltung/teams/{id}/loeschen", post(delete))
        .route(
            "/anfragen/verwaltung/teams/{id}/mitglieder",
            post(add_member),
        )
        .route(
            "/anfragen/verwaltung/teams/{id}/mitglieder/entfernen",
            post(remove_member),
        )
        .route("/anfragen/verwaltung/themen", post(save_topics))
}

#[derive(Debug, Clone)]
struct Member {
    id: i64,
    name: String,
    email: String,
}

#[derive(Debug, Clone)]
struct TeamView {
    id: i64,
    name: String,
    /// Ids of the member select and rename field (errors point to them).
    konto_field: String,
    name_field: String,
    /// The rename field's value (the typed one after a refusal).
    typed_name: String,
    members: Vec<Member>,
    /// Staff accounts not yet in the team.
    candidates: Vec<Choice>,
}

#[derive(Debug, Clone)]
struct TopicRow {
    key: String,
    team_field: String,
    days_field: String,
    label: String,
    teams: Vec<Choice>,
    days: String,
}

#[derive(Template)]
#[template(path = "desk/staff_teams.html")]
struct TeamsPage {
    ctx: Ctx,
    crumbs: Vec<(String, String)>,
    errors: ShownErrors,
    can_configure: bool,
    teams: Vec<TeamView>,
    topics: Vec<TopicRow>,
    new_name: String,
}

/// What a refused form typed, to show again.
#[derive(Debug, Clone, Default)]
struct Typed {
    new_name: String,
    rename: Option<(i64, String)>,
    topics: Vec<(String, String)>,
}

impl Typed {
    fn topic(&self, key: &str) -> Option<&str> {
        self.topics
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

impl TeamsPage {
    /// The remove button's label, naming the person and the team.
    fn two(&self, id: &str, name: &str, team: &str) -> String {
        self.ctx.catalog.get_with(
            self.ctx.locale(),
            id,
            &[
                ("name", dias_core::i18n::Value::from(name.to_owned())),
                ("team", dias_core::i18n::Value::from(team.to_owned())),
            ],
        )
    }
}

fn account(u: &user::Model) -> Member {
    Member {
        id: u.id,
        name: u.display_name.clone(),
        email: u.email.clone().unwrap_or_default(),
    }
}

/// The page: four queries however many teams and members.
async fn teams_page(
    state: &AppState,
    ctx: Ctx,
    errors: ShownErrors,
    typed: Typed,
) -> AppResult<TeamsPage> {
    let all = teams::list(&state.db).await?;
    let members = teams::members(&state.db).await?;
    let staff = teams::staff_accounts(&state.db).await?;
    let settings = teams::topic_settings(&state.db).await?;
    let team_views = all
        .iter()
        .map(|t: &Team| {
            let in_team: Vec<Member> = members
                .iter()
                .filter(|(team, _)| *team == t.id)
                .map(|(_, u)| account(u))
                .collect();
            TeamView {
                konto_field: format!("team-{}-konto", t.id),
                name_field: format!("team-{}-name", t.id),
                id: t.id,
                name: t.name.clone(),
                typed_name: match &typed.rename {
                    Some((id, name)) if *id == t.id => name.clone(),
                    _ => t.name.clone(),
                },
                candidates: staff
                    .iter()
                    .filter(|u| !in_team.iter().any(|m| m.id == u.id))
                    .map(|u| Choice {
                        value: u.id.to_string(),
                        label: format!(
                            "{} ({})",
                            u.display_name,
                            u.email.clone().unwrap_or_default()
                        ),
                        selected: false,
                    })
                    .collect(),
                members: in_team,
            }
        })
        .collect();
    let topics = settings
        .iter()
        .map(|s| {
            let key = s.topic.key();
            let team_typed = typed.topic(&format!("team-{key}")).map(str::to_owned);
            let chosen = team_typed
                .unwrap_or_else(|| s.team_id.map(|id| id.to_string()).unwrap_or_default());
            TopicRow {
                key: key.to_owned(),
                team_field: format!("team-{key}"),
                days_field: format!("tage-{key}"),
                label: ctx.t(s.topic.label_key()),
                teams: all
                    .iter()
                    .map(|t| Choice {
                        value: t.id.to_string(),
                        label: t.name.clone(),
                        selected: chosen == t.id.to_string(),
                    })
                    .collect(),
                days: typed
                    .topic(&format!("tage-{key}"))
                    .map_or_else(|| s.target_days.to_string(), str::to_owned),
            }
        })
        .collect();
    Ok(TeamsPage {
        crumbs: vec![(PAGE.to_owned(), ctx.t("desk-staff-nav-teams"))],
        errors,
        can_configure: ctx.can(&DeskAction::Configure),
        teams: team_views,
        topics,
        new_name: typed.new_name,
        ctx,
    })
}

async fn show(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.require(&DeskAction::Work)?;
    let page_data = teams_page(&state, ctx, ShownErrors::none(), Typed::default()).await?;
    page(&page_data)
}

async fn refused(
    state: &AppState,
    ctx: Ctx,
    errors: &FieldErrors,
    typed: Typed,
) -> AppResult<Response> {
    let shown = ShownErrors::new(&ctx, errors);
    let page_data = teams_page(state, ctx, shown, typed).await?;
    page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page_data)
}

fn done(notice: &str) -> Response {
    see_other(&format!("{PAGE}?hinweis={notice}"))
}

#[derive(Deserialize)]
struct NameInput {
    #[serde(default)]
    name: String,
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(input): Form<NameInput>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Configure)?.user()?.user_id;
    let typed = Typed {
        new_name: input.name.clone(),
        ..Typed::default()
    };
    let mut errors = FieldErrors::new();
    let Some(name) = teams::check_name(&mut errors, "name", &input.name) else {
        return refused(&state, ctx, &errors, typed).await;
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    let Some(team) = teams::create(&txn, &name, dias_core::time::now()).await? else {
        txn.rollback().await?;
        errors.add("name", "desk-staff-team-error-name-taken");
        return refused(&state, ctx, &errors, typed).await;
    };
    dias_core::audit::record(
        &txn,
        Some(me),
        "desk.team.created",
        "desk_team",
        Some(&team.id.to_string()),
        json!({ "name": team.name }),
    )
    .await?;
    txn.commit().await?;
    Ok(done("desk-staff-team-created"))
}

async fn existing(state: &AppState, raw: &str) -> AppResult<Team> {
    teams::by_id(&state.db, parse_id(raw)?)
        .await?
        .ok_or(AppError::NotFound)
}

async fn rename(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(input): Form<NameInput>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Configure)?.user()?.user_id;
    let team = existing(&state, &id).await?;
    let field = format!("team-{}-name", team.id);
    let typed = Typed {
        rename: Some((team.id, input.name.clone())),
        ..Typed::default()
    };
    let mut errors = FieldErrors::new();
    let Some(name) = teams::check_name(&mut errors, &field, &input.name) else {
        return refused(&state, ctx, &errors, typed).await;
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    if !teams::rename(&txn, team.id, &name).await? {
        txn.rollback().await?;
        errors.add(&field, "desk-staff-team-error-name-taken");
        return refused(&state, ctx, &errors, typed).await;
    }
    dias_core::audit::record(
        &txn,
        Some(me),
        "desk.team.renamed",
        "desk_team",
        Some(&team.id.to_string()),
        json!({ "from": team.name, "to": name }),
    )
    .await?;
    txn.commit().await?;
    Ok(done("desk-staff-team-renamed"))
}

async fn delete(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Configure)?.user()?.user_id;
    let id = parse_id(&id)?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    // Pressed twice: the team is gone, nothing more to log.
    if let Some(team) = teams::by_id(&txn, id).await? {
        teams::delete(&txn, id).await?;
        dias_core::audit::record(
            &txn,
            Some(me),
            "desk.team.deleted",
            "desk_team",
            Some(&id.to_string()),
            json!({ "name": team.name }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(done("desk-staff-team-deleted"))
}

#[derive(Deserialize)]
struct MemberInput {
    #[serde(default)]
    konto: String,
}

async fn add_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(input): Form<MemberInput>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Configure)?.user()?.user_id;
    let team = existing(&state, &id).await?;
    let field = format!("team-{}-konto", team.id);
    let found = match input.konto.trim().parse::<i64>() {
        Ok(account) => user::Entity::find_by_id(account).one(&state.db).await?,
        Err(_) => None,
    };
    let Some(account) = found.filter(teams::may_work) else {
        let errors = FieldErrors::single(&field, "desk-staff-team-error-account");
        return refused(&state, ctx, &errors, Typed::default()).await;
    };
    let txn = dias_core::db::begin_write(&state.db).await?;
    if teams::add_member(&txn, team.id, account.id).await? {
        dias_core::audit::record(
            &txn,
            Some(me),
            "desk.team.member_added",
            "user",
            Some(&account.id.to_string()),
            json!({ "team_id": team.id, "team": team.name }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(done("desk-staff-team-member-added"))
}

async fn remove_member(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(input): Form<MemberInput>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Configure)?.user()?.user_id;
    let team = existing(&state, &id).await?;
    let account: i64 = input
        .konto
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest(ctx.t("error-invalid-choice")))?;
    let txn = dias_core::db::begin_write(&state.db).await?;
    if teams::remove_member(&txn, team.id, account).await? {
        dias_core::audit::record(
            &txn,
            Some(me),
            "desk.team.member_removed",
            "user",
            Some(&account.to_string()),
            json!({ "team_id": team.id, "team": team.name }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(done("desk-staff-team-member-removed"))
}

/// All six topics in one form: `team-<topic>` (team id or empty) and
/// `tage-<topic>` (working days).
async fn save_topics(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(fields): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.require(&DeskAction::Configure)?.user()?.user_id;
    let all = teams::list(&state.db).await?;
    let value = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_default()
    };
    let mut errors = FieldErrors::new();
    let mut settings = Vec::new();
    for topic in Topic::ALL {
        let key = topic.key();
        let team_field = format!("team-{key}");
        let days_field = format!("tage-{key}");
        let team_id = match value(&team_field).as_str() {
            "" => None,
            raw => match raw
                .parse::<i64>()
                .ok()
                .filter(|id| all.iter().any(|t| t.id == *id))
            {
                Some(id) => Some(id),
                None => {
                    errors.add(&team_field, "desk-staff-topic-error-team");
                    None
                }
            },
        };
        let Some(target_days) = teams::parse_target_days(&value(&days_field)) else {
            errors.add(&days_field, "desk-staff-topic-error-days");
            continue;
        };
        settings.push(TopicSetting {
            topic: *topic,
            team_id,
            target_days,
        });
    }
    if !errors.is_empty() {
        let typed = Typed {
            topics: fields,
            ..Typed::default()
        };
        return refused(&state, ctx, &errors, typed).await;
    }
    let before = teams::topic_settings(&state.db).await?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(&state.db).await?;
    for setting in &settings {
        if before.contains(setting) {
            continue;
        }
        teams::set_topic(&txn, setting, now).await?;
        dias_core::audit::record(
            &txn,
            Some(me),
            "desk.topic.configured",
            "desk_topic",
            Some(setting.topic.key()),
            json!({ "team_id": setting.team_id, "target_days": setting.target_days }),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(done("desk-staff-topics-saved"))
}
