//! Funding projects (Förderprojekte): the public list and project pages,
//! the overview of overdue stages, and — for the area's members and the
//! agency's staff — creating, editing, moving stages and documents.
//!
//! Every change goes through `BroadbandAction::ManageArea`, with `member`
//! meaning: the account's memberships cover every Gemeinde of the
//! project's area.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use dias_core::i18n::Value;
use dias_core::policy::Role;
use dias_core::validation::FieldErrors;
use dias_web::components::Pagination;
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};
use jiff::civil::Date;
use serde::Deserialize;

use super::query::{Lenient, Segments};
use crate::entities::broadband_project as project;
use crate::members;
use crate::policy::BroadbandAction;
use crate::projects::store::{self, DocumentInfo, Filter, Project, Stale};
use crate::projects::{
    self, FieldKind, ProjectInput, SelectionModel, Stage, StageInput, format_euros,
};

/// The upload path: fixed (the project is a form field) so that the module
/// can give it a body limit above the instance's default.
pub const DOCUMENT_PATH: &str = "/breitband/projekte/dokumente";

/// Upload limit of [`DOCUMENT_PATH`]: the largest document plus the form.
pub const DOCUMENT_BODY_LIMIT: usize = projects::MAX_DOCUMENT_BYTES + 64 * 1024;

const PER_PAGE: u64 = 25;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/breitband/projekte", get(list))
        .route("/breitband/projekte/neu", get(new_form).post(create))
        .route("/breitband/projekte/ueberfaellig", get(overdue_overview))
        .route(DOCUMENT_PATH, post(upload))
        .route("/breitband/projekte/{id}", get(show))
        .route(
            "/breitband/projekte/{id}/bearbeiten",
            get(edit_form).post(edit),
        )
        .route(
            "/breitband/projekte/{id}/phase",
            get(stage_form).post(change_stage),
        )
        .route("/breitband/projekte/{id}/dokumente/{doc}", get(download))
        .route(
            "/breitband/projekte/{id}/dokumente/{doc}/entfernen",
            post(remove_document),
        )
}

/// An option of a select.
#[derive(Debug, Clone)]
pub(crate) struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// „Amtsberg (Erzgebirgskreis)“ for a Gemeinde, the Kreis's name for a Kreis.
pub(crate) fn area_label(ctx: &Ctx, area: &str) -> String {
    let reference = dias_core::reference::cached();
    if projects::is_kreis(area) {
        return reference
            .district(area)
            .map(|d| d.name.clone())
            .unwrap_or_else(|| area.to_owned());
    }
    match reference.municipality(area) {
        Some(m) => {
            let kreis = reference
                .district(&m.district_ags5)
                .map(|d| d.name_short.clone())
                .unwrap_or_default();
            if kreis.is_empty() || kreis == m.name_short {
                m.name_short.clone()
            } else {
                tr(
                    ctx,
                    "broadband-projects-area-in",
                    &[("name", m.name_short.clone()), ("kreis", kreis)],
                )
            }
        }
        None => area.to_owned(),
    }
}

/// A translation with several arguments.
pub(crate) fn tr(ctx: &Ctx, id: &str, args: &[(&str, String)]) -> String {
    let args: Vec<(&str, Value)> = args
        .iter()
        .map(|(k, v)| (*k, Value::from(v.clone())))
        .collect();
    ctx.catalog.get_with(ctx.locale(), id, &args)
}

fn area_exists(area: &str) -> bool {
    let reference = dias_core::reference::cached();
    if projects::is_kreis(area) {
        reference.district(area).is_some()
    } else {
        reference.municipality(area).is_some()
    }
}

fn area_municipalities(area: &str) -> Vec<String> {
    projects::area_municipalities(area, |ags5| {
        dias_core::reference::cached()
            .municipalities_of(ags5)
            .map(|m| m.ags8.as_str())
            .collect()
    })
}

/// The areas the signed-in account acts for (empty for everyone but
/// municipality accounts, so no query for them).
async fn my_areas(state: &AppState, ctx: &Ctx) -> AppResult<Vec<String>> {
    match ctx.principal() {
        Some(p) if p.role == Role::Municipality => {
            Ok(members::areas_of(&state.db, p.user_id).await?)
        }
        _ => Ok(Vec::new()),
    }
}

fn manage(areas: &[String], area: &str) -> BroadbandAction {
    BroadbandAction::ManageArea {
        member: members::covers_all(areas, &area_municipalities(area)),
    }
}

fn parse_id(id: &str) -> AppResult<i64> {
    id.parse().map_err(|_| AppError::NotFound)
}

async fn load(state: &AppState, id: &str) -> AppResult<Project> {
    store::load(&state.db, parse_id(id)?)
        .await?
        .ok_or(AppError::NotFound)
}

/// The project if the signed-in account may manage it.
async fn managed(state: &AppState, ctx: &Ctx, id: &str) -> AppResult<Project> {
    ctx.user()?;
    let project = load(state, id).await?;
    let areas = my_areas(state, ctx).await?;
    ctx.require(&manage(&areas, &project.row.area))?;
    Ok(project)
}

/// The areas a person may open projects for: everything for staff, the
/// covered Kreise and Gemeinden for members.
fn area_choices(ctx: &Ctx, areas: &[String], staff: bool, selected: &str) -> Vec<Choice> {
    let reference = dias_core::reference::cached();
    let mut out = Vec::new();
    for d in &reference.districts {
        if staff || areas.iter().any(|a| a == &d.ags5) {
            out.push(Choice {
                value: d.ags5.clone(),
                label: ctx.t1("broadband-projects-area-kreis", "name", &d.name),
                selected: d.ags5 == selected,
            });
        }
    }
    for m in &reference.municipalities {
        if staff || members::covers(areas, &m.ags8) {
            out.push(Choice {
                value: m.ags8.clone(),
                label: area_label(ctx, &m.ags8),
                selected: m.ags8 == selected,
            });
        }
    }
    out
}

fn model_choices(ctx: &Ctx, selected: &str) -> Vec<Choice> {
    SelectionModel::ALL
        .into_iter()
        .map(|m| Choice {
            value: m.slug().to_owned(),
            label: ctx.t(&m.label_key()),
            selected: m.slug() == selected,
        })
        .collect()
}

fn date_text(date: Option<Date>) -> String {
    date.map(|d| d.strftime("%d.%m.%Y").to_string())
        .unwrap_or_default()
}

fn stage_label(ctx: &Ctx, slug: &str) -> String {
    Stage::from_slug(slug)
        .map(|s| ctx.t(&s.label_key()))
        .unwrap_or_else(|| slug.to_owned())
}

// ---------------------------------------------------------------- list

#[derive(Debug, Deserialize, Default)]
struct ListQuery {
    #[serde(default)]
    kreis: String,
    #[serde(default)]
    phase: String,
    #[serde(default)]
    ueberfaellig: String,
    #[serde(default)]
    seite: String,
}

/// A project in a list.
#[derive(Debug, Clone)]
pub(crate) struct ListRow {
    pub id: i64,
    pub name: String,
    pub area: String,
    pub stage: String,
    pub overdue: bool,
    pub eligible: String,
    pub addresses: String,
}

pub(crate) fn list_row(ctx: &Ctx, row: &project::Model, today: Date) -> ListRow {
    ListRow {
        id: row.id,
        name: row.name.clone(),
        area: area_label(ctx, &row.area),
        stage: stage_label(ctx, &row.stage),
        overdue: projects::is_overdue(row.next_due_date.as_deref(), today),
        eligible: format_euros(row.eligible_cents, ctx.locale()),
        addresses: format!(
            "{} / {}",
            ctx.number(&row.addresses_connected),
            ctx.number(&row.addresses_planned)
        ),
    }
}

#[derive(Template)]
#[template(path = "broadband/projects.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<ListRow>,
    total: u64,
    districts: Vec<Choice>,
    stages: Vec<Choice>,
    overdue: bool,
    pagination: Pagination,
    can_create: bool,
    /// (label, value) of the filtered projects' totals.
    summary: Vec<(String, String)>,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Lenient(query): Lenient<ListQuery>,
) -> AppResult<Response> {
    let reference = dias_core::reference::cached();
    let district = match query.kreis.trim() {
        "" => None,
        ags5 if reference.district(ags5).is_some() => Some(ags5.to_owned()),
        _ => {
            return Err(AppError::BadRequest(
                ctx.t("broadband-projects-error-filter"),
            ));
        }
    };
    let stage = match query.phase.trim() {
        "" => None,
        slug => Some(
            Stage::from_slug(slug)
                .ok_or_else(|| AppError::BadRequest(ctx.t("broadband-projects-error-filter")))?,
        ),
    };
    let page_no = super::query::page_number(&query.seite);
    if page_no == 0 || page_no > dias_web::components::MAX_PAGE {
        return Err(AppError::BadRequest(
            ctx.t("broadband-projects-error-filter"),
        ));
    }
    let filter = Filter {
        district,
        stage,
        overdue: query.ueberfaellig == "1",
    };
    let today = crate::today();
    let (rows, total) = store::list(&state.db, &filter, today, page_no, PER_PAGE).await?;
    let totals = store::totals(&state.db, &filter, today).await?;
    let locale = ctx.locale();
    let summary = vec![
        (
            ctx.t("broadband-projects-field-federal"),
            format_euros(totals.amounts.federal, locale),
        ),
        (
            ctx.t("broadband-projects-field-state"),
            format_euros(totals.amounts.state, locale),
        ),
        (
            ctx.t("broadband-projects-field-municipal"),
            format_euros(totals.amounts.municipal, locale),
        ),
        (
            ctx.t("broadband-projects-field-eligible"),
            format_euros(totals.amounts.eligible, locale),
        ),
        (
            ctx.t("broadband-projects-field-addresses"),
            format!(
                "{} / {}",
                ctx.number(&totals.addresses_connected),
                ctx.number(&totals.addresses_planned)
            ),
        ),
    ];
    let areas = my_areas(&state, &ctx).await?;
    let can_create = ctx.can(&BroadbandAction::ManageArea {
        member: !areas.is_empty(),
    });
    let mut params: Vec<(&str, String)> = Vec::new();
    if let Some(d) = &filter.district {
        params.push(("kreis", d.clone()));
    }
    if let Some(s) = filter.stage {
        params.push(("phase", s.slug().to_owned()));
    }
    if filter.overdue {
        params.push(("ueberfaellig", "1".to_owned()));
    }
    let base = if params.is_empty() {
        "/breitband/projekte".to_owned()
    } else {
        format!(
            "/breitband/projekte?{}",
            serde_urlencoded::to_string(&params).unwrap_or_default()
        )
    };
    let districts = reference
        .districts
        .iter()
        .map(|d| Choice {
            value: d.ags5.clone(),
            label: d.name.clone(),
            selected: filter.district.as_deref() == Some(d.ags5.as_str()),
        })
        .collect();
    let stages = Stage::ALL
        .into_iter()
        .map(|s| Choice {
            value: s.slug().to_owned(),
            label: ctx.t(&s.label_key()),
            selected: filter.stage == Some(s),
        })
        .collect();
    let rows = rows.iter().map(|r| list_row(&ctx, r, today)).collect();
    page(&ListPage {
        pagination: Pagination::new(page_no, total, PER_PAGE, base),
        rows,
        total,
        districts,
        stages,
        overdue: filter.overdue,
        can_create,
        summary,
        ctx,
    })
}

// ---------------------------------------------------------------- overdue

#[derive(Debug, Clone)]
struct OverdueRow {
    id: i64,
    name: String,
    area: String,
    current: String,
    stage: String,
    planned: String,
    planned_iso: String,
    days: i64,
}

#[derive(Template)]
#[template(path = "broadband/project_overdue.html")]
struct OverduePage {
    ctx: Ctx,
    rows: Vec<OverdueRow>,
}

async fn overdue_overview(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let today = crate::today();
    let projects = store::overdue_projects(&state.db, today).await?;
    let mut rows = Vec::new();
    for p in &projects {
        for stage in projects::overdue(p.stage, &p.planned, today) {
            let planned = p.planned[stage.index()];
            rows.push(OverdueRow {
                id: p.row.id,
                name: p.row.name.clone(),
                area: area_label(&ctx, &p.row.area),
                current: ctx.t(&p.stage.label_key()),
                stage: ctx.t(&stage.label_key()),
                planned: date_text(planned),
                planned_iso: planned.map(|d| d.to_string()).unwrap_or_default(),
                days: planned.map_or(0, |d| i64::from((today - d).get_days())),
            });
        }
    }
    rows.sort_by(|a, b| b.days.cmp(&a.days).then(a.name.cmp(&b.name)));
    page(&OverduePage { ctx, rows })
}

// ---------------------------------------------------------------- project page

/// One stage on the project's timeline.
#[derive(Debug, Clone)]
struct TimelineStage {
    slug: &'static str,
    label: String,
    planned: String,
    planned_iso: String,
    reached: String,
    reached_iso: String,
    current: bool,
    done: bool,
    overdue: bool,
}

/// One line of the history, ready to show.
#[derive(Debug, Clone)]
struct HistoryLine {
    when: String,
    when_iso: String,
    who: String,
    what: String,
    note: String,
    changes: Vec<(String, String, String)>,
}

/// The document upload form's state on the project page.
struct DocumentForm {
    errors: ShownErrors,
}

#[derive(Template)]
#[template(path = "broadband/project.html")]
struct ProjectPage {
    ctx: Ctx,
    project: Project,
    area: String,
    stage: String,
    model: String,
    timeline: Vec<TimelineStage>,
    overdue: Vec<String>,
    amounts: Vec<(String, String)>,
    can_manage: bool,
    documents: Vec<DocumentInfo>,
    history: Vec<HistoryLine>,
    document_form: DocumentForm,
    document_path: &'static str,
    surveys: Vec<ProjectSurvey>,
}

/// A market-survey procedure touching the project's Gemeinden.
struct ProjectSurvey {
    title: String,
    state: crate::surveys::State,
    start: String,
    deadline: String,
    synthetic: bool,
    /// The procedure's page, for those who may open it.
    link: Option<String>,
}

/// The procedures touching `area`, newest first, with a link where the
/// viewer may see the procedure (its managers and invited operators — the
/// rule of the procedure page). A fixed number of queries.
async fn project_surveys(
    state: &AppState,
    ctx: &Ctx,
    area: &str,
    my_areas: &[String],
) -> AppResult<Vec<ProjectSurvey>> {
    use crate::surveys::store as surveys;
    let found = surveys::touching(&state.db, &[area.to_owned()]).await?;
    if found.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = found.iter().map(|s| s.id).collect();
    let counts: HashMap<i64, i64> = surveys::result_counts(&state.db, &ids)
        .await?
        .into_iter()
        .collect();
    let job_ids: Vec<i64> = found.iter().filter_map(|s| s.job_id).collect();
    let jobs: HashMap<i64, String> = surveys::job_states(&state.db, &job_ids)
        .await?
        .into_iter()
        .collect();
    let invited: Vec<i64> = match ctx.principal() {
        Some(p) if p.role == Role::Operator => {
            let mine: Vec<i64> = members::operators_of(&state.db, p.user_id)
                .await?
                .into_iter()
                .map(|o| o.id)
                .collect();
            surveys::invited(&state.db, &mine)
                .await?
                .into_iter()
                .map(|s| s.id)
                .collect()
        }
        _ => Vec::new(),
    };
    Ok(found
        .iter()
        .map(|s| {
            let member = members::covers_all(my_areas, &surveys::areas_of(s));
            let visible = ctx.can(&BroadbandAction::ManageArea { member })
                || ctx.can(&BroadbandAction::Respond {
                    invited: invited.contains(&s.id),
                });
            ProjectSurvey {
                title: s.title.clone(),
                state: super::surveys::state_of(
                    s,
                    s.job_id.and_then(|j| jobs.get(&j)).map(String::as_str),
                    counts.get(&s.id).copied().unwrap_or(0) as usize,
                ),
                start: super::surveys::show_date(ctx, &s.start_date),
                deadline: super::surveys::show_date(ctx, &s.deadline),
                synthetic: s.synthetic,
                link: visible.then(|| super::surveys::survey_path(s.id)),
            }
        })
        .collect())
}

impl ProjectPage {
    fn size_text(&self, bytes: &i64) -> String {
        let kb = (*bytes + 1023) / 1024;
        self.ctx.t1(
            "broadband-projects-document-size",
            "kb",
            self.ctx.number(&kb),
        )
    }
}

fn shown_value(ctx: &Ctx, kind: FieldKind, value: &str) -> String {
    if value.is_empty() {
        return "–".to_owned();
    }
    match kind {
        FieldKind::Cents => value
            .parse()
            .map(|c| format_euros(c, ctx.locale()))
            .unwrap_or_else(|_| value.to_owned()),
        FieldKind::Count => value
            .parse::<i64>()
            .map(|n| ctx.number(&n))
            .unwrap_or_else(|_| value.to_owned()),
        FieldKind::Date => date_text(value.parse().ok()),
        FieldKind::Model => SelectionModel::from_slug(value)
            .map(|m| ctx.t(&m.label_key()))
            .unwrap_or_else(|| value.to_owned()),
        FieldKind::Area => area_label(ctx, value),
        FieldKind::Text => value.to_owned(),
    }
}

fn history_lines(ctx: &Ctx, entries: Vec<store::HistoryEntry>) -> Vec<HistoryLine> {
    entries
        .into_iter()
        .map(|e| {
            let ev = &e.event;
            let date = date_text(ev.date.parse().ok());
            let what = match ev.kind.as_str() {
                "created" => ctx.t1(
                    "broadband-projects-history-created",
                    "stage",
                    stage_label(ctx, &ev.to_stage),
                ),
                "stage" => {
                    let back = Stage::from_slug(&ev.to_stage) < Stage::from_slug(&ev.from_stage);
                    tr(
                        ctx,
                        if back {
                            "broadband-projects-history-stage-back"
                        } else {
                            "broadband-projects-history-stage"
                        },
                        &[
                            ("from", stage_label(ctx, &ev.from_stage)),
                            ("to", stage_label(ctx, &ev.to_stage)),
                            ("date", date.clone()),
                        ],
                    )
                }
                "edited" => ctx.t("broadband-projects-history-edited"),
                "document_added" => ctx.t1(
                    "broadband-projects-history-document-added",
                    "name",
                    &ev.changes,
                ),
                "document_removed" => ctx.t1(
                    "broadband-projects-history-document-removed",
                    "name",
                    &ev.changes,
                ),
                other => other.to_owned(),
            };
            let changes = e
                .changes
                .iter()
                .map(|c| {
                    let (label, kind) = projects::field_label(&c.field);
                    let label = if c.field.starts_with("planned:") {
                        ctx.t1(
                            "broadband-projects-field-planned-of",
                            "stage",
                            ctx.t(&label),
                        )
                    } else {
                        ctx.t(&label)
                    };
                    (
                        label,
                        shown_value(ctx, kind, &c.old),
                        shown_value(ctx, kind, &c.new),
                    )
                })
                .collect();
            HistoryLine {
                when: ctx.format_datetime(&ev.at),
                when_iso: dias_core::time::format_rfc3339(ev.at),
                who: e
                    .who
                    .clone()
                    .unwrap_or_else(|| ctx.t("broadband-projects-history-nobody")),
                what,
                note: ev.note.clone(),
                changes,
            }
        })
        .collect()
}

async fn project_page(
    state: &AppState,
    ctx: Ctx,
    project: Project,
    document_errors: ShownErrors,
) -> AppResult<ProjectPage> {
    let today = crate::today();
    let areas = my_areas(state, &ctx).await?;
    let can_manage = ctx.can(&manage(&areas, &project.row.area));
    let overdue_stages = projects::overdue(project.stage, &project.planned, today);
    let timeline = Stage::ALL
        .into_iter()
        .map(|s| TimelineStage {
            slug: s.slug(),
            label: ctx.t(&s.label_key()),
            planned: date_text(project.planned[s.index()]),
            planned_iso: project.planned[s.index()]
                .map(|d| d.to_string())
                .unwrap_or_default(),
            reached: if s <= project.stage {
                date_text(project.reached[s.index()])
            } else {
                String::new()
            },
            reached_iso: project.reached[s.index()]
                .filter(|_| s <= project.stage)
                .map(|d| d.to_string())
                .unwrap_or_default(),
            current: s == project.stage,
            done: s < project.stage,
            overdue: overdue_stages.contains(&s),
        })
        .collect();
    let overdue = overdue_stages
        .iter()
        .map(|s| {
            tr(
                &ctx,
                "broadband-projects-overdue-stage",
                &[
                    ("stage", ctx.t(&s.label_key())),
                    ("date", date_text(project.planned[s.index()])),
                ],
            )
        })
        .collect();
    let locale = ctx.locale();
    let a = store::amounts_of(&project.row);
    let amounts = vec![
        (
            ctx.t("broadband-projects-field-federal"),
            format_euros(a.federal, locale),
        ),
        (
            ctx.t("broadband-projects-field-state"),
            format_euros(a.state, locale),
        ),
        (
            ctx.t("broadband-projects-field-municipal"),
            format_euros(a.municipal, locale),
        ),
        (
            ctx.t("broadband-projects-field-eligible"),
            format_euros(a.eligible, locale),
        ),
    ];
    let surveys = project_surveys(state, &ctx, &project.row.area, &areas).await?;
    let (documents, history) = if can_manage {
        (
            store::documents(&state.db, project.row.id).await?,
            history_lines(&ctx, store::history(&state.db, project.row.id).await?),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    Ok(ProjectPage {
        area: area_label(&ctx, &project.row.area),
        stage: ctx.t(&project.stage.label_key()),
        model: SelectionModel::from_slug(&project.row.model)
            .map(|m| ctx.t(&m.label_key()))
            .unwrap_or_else(|| ctx.t("broadband-projects-model-none")),
        timeline,
        overdue,
        amounts,
        can_manage,
        documents,
        history,
        document_form: DocumentForm {
            errors: document_errors,
        },
        document_path: DOCUMENT_PATH,
        surveys,
        project,
        ctx,
    })
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    let project = load(&state, &id).await?;
    page(&project_page(&state, ctx, project, ShownErrors::none()).await?)
}

// ---------------------------------------------------------------- new / edit

#[derive(Template)]
#[template(path = "broadband/project_form.html")]
struct FormPage {
    ctx: Ctx,
    /// `None` while creating.
    project: Option<project::Model>,
    input: ProjectInput,
    errors: ShownErrors,
    /// The version the form was loaded with.
    version: i32,
    /// Set when someone else saved meanwhile (409).
    conflict: bool,
    areas: Vec<Choice>,
    models: Vec<Choice>,
    planned: Vec<(String, String, String)>,
}

impl FormPage {
    fn action(&self) -> String {
        match &self.project {
            Some(p) => format!("/breitband/projekte/{}/bearbeiten", p.id),
            None => "/breitband/projekte/neu".to_owned(),
        }
    }
}

async fn form_page(
    state: &AppState,
    ctx: Ctx,
    project: Option<project::Model>,
    input: ProjectInput,
    errors: ShownErrors,
    version: i32,
    conflict: bool,
) -> AppResult<FormPage> {
    let areas = my_areas(state, &ctx).await?;
    let staff = ctx.principal().is_some_and(|p| p.role.is_staff_or_above());
    let mut area_options = area_choices(&ctx, &areas, staff, input.area.trim());
    // A project of a wider area than the editor's (e.g. opened by staff)
    // keeps its area as an option.
    if !input.area.is_empty() && !area_options.iter().any(|c| c.value == input.area.trim()) {
        area_options.insert(
            0,
            Choice {
                value: input.area.trim().to_owned(),
                label: area_label(&ctx, input.area.trim()),
                selected: true,
            },
        );
    }
    let planned = Stage::ALL
        .into_iter()
        .map(|s| {
            (
                ProjectInput::planned_field(s),
                ctx.t(&s.label_key()),
                input.planned[s.index()].clone(),
            )
        })
        .collect();
    Ok(FormPage {
        models: model_choices(&ctx, input.model.trim()),
        areas: area_options,
        planned,
        project,
        input,
        errors,
        version,
        conflict,
        ctx,
    })
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    ctx.user()?;
    let areas = my_areas(&state, &ctx).await?;
    ctx.require(&BroadbandAction::ManageArea {
        member: !areas.is_empty(),
    })?;
    // A member of exactly one Gemeinde gets it preselected.
    let input = ProjectInput {
        area: match areas.as_slice() {
            [only] => only.clone(),
            _ => String::new(),
        },
        ..ProjectInput::default()
    };
    let form = form_page(&state, ctx, None, input, ShownErrors::none(), 0, false).await?;
    page(&form)
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let me = ctx.user()?.clone();
    let areas = my_areas(&state, &ctx).await?;
    ctx.require(&BroadbandAction::ManageArea {
        member: !areas.is_empty(),
    })?;
    let input = ProjectInput::from_pairs(&pairs);
    let mut result = projects::validate(&input, ctx.locale(), Stage::first(), area_exists);
    // The area itself must be one the person may manage.
    if let Ok(valid) = &result
        && !ctx.can(&manage(&areas, &valid.area))
    {
        result = Err(FieldErrors::single(
            "area",
            "broadband-projects-error-area-not-yours",
        ));
    }
    match result {
        Ok(valid) => {
            let row = store::create(
                &state.db,
                me.user_id,
                &valid,
                crate::today(),
                dias_core::time::now(),
            )
            .await?;
            Ok(see_other(&format!(
                "/breitband/projekte/{}?hinweis=broadband-projects-created",
                row.id
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let form = form_page(&state, ctx, None, input, shown, 0, false).await?;
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form)
        }
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, &id).await?;
    let input = ProjectInput::from_valid(&project.valid(), ctx.locale());
    let version = project.row.version;
    let form = form_page(
        &state,
        ctx,
        Some(project.row),
        input,
        ShownErrors::none(),
        version,
        false,
    )
    .await?;
    page(&form)
}

fn version_of(pairs: &[(String, String)]) -> i32 {
    pairs
        .iter()
        .find(|(k, _)| k == "version")
        .and_then(|(_, v)| v.trim().parse().ok())
        .unwrap_or(0)
}

async fn edit(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, &id).await?;
    let me = ctx.user()?.clone();
    let base = version_of(&pairs);
    let input = ProjectInput::from_pairs(&pairs);
    let areas = my_areas(&state, &ctx).await?;
    let mut result = projects::validate(&input, ctx.locale(), project.stage, area_exists);
    if let Ok(valid) = &result
        && valid.area != project.row.area
        && !ctx.can(&manage(&areas, &valid.area))
    {
        result = Err(FieldErrors::single(
            "area",
            "broadband-projects-error-area-not-yours",
        ));
    }
    let valid = match result {
        Ok(valid) => valid,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let form = form_page(&state, ctx, Some(project.row), input, shown, base, false).await?;
            return page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form);
        }
    };
    match store::update(
        &state.db,
        me.user_id,
        project.row.id,
        base,
        &valid,
        dias_core::time::now(),
    )
    .await?
    {
        Ok(_) => Ok(see_other(&format!(
            "/breitband/projekte/{}?hinweis=broadband-projects-saved",
            project.row.id
        ))),
        Err(Stale { current }) => {
            // The input stays; the form now carries the stored version, so
            // saving again after a look at the project overwrites knowingly.
            let form = form_page(
                &state,
                ctx,
                Some(project.row),
                input,
                ShownErrors::none(),
                current,
                true,
            )
            .await?;
            page_with_status(StatusCode::CONFLICT, &form)
        }
    }
}

// ---------------------------------------------------------------- stage change

#[derive(Template)]
#[template(path = "broadband/project_stage.html")]
struct StagePage {
    ctx: Ctx,
    project: Project,
    current: String,
    targets: Vec<Choice>,
    input: StageInput,
    errors: ShownErrors,
    version: i32,
    conflict: bool,
}

fn stage_page(
    ctx: Ctx,
    project: Project,
    input: StageInput,
    errors: ShownErrors,
    version: i32,
    conflict: bool,
) -> StagePage {
    let next = project.stage.next();
    let targets = projects::allowed_targets(project.stage)
        .into_iter()
        // The next stage first: it is the usual step.
        .rev()
        .map(|s| Choice {
            value: s.slug().to_owned(),
            label: if Some(s) == next {
                ctx.t1(
                    "broadband-projects-stage-forward",
                    "stage",
                    ctx.t(&s.label_key()),
                )
            } else {
                ctx.t1(
                    "broadband-projects-stage-back",
                    "stage",
                    ctx.t(&s.label_key()),
                )
            },
            selected: s.slug() == input.to,
        })
        .collect();
    StagePage {
        current: ctx.t(&project.stage.label_key()),
        targets,
        project,
        input,
        errors,
        version,
        conflict,
        ctx,
    }
}

async fn stage_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, &id).await?;
    let input = StageInput {
        to: project
            .stage
            .next()
            .map(|s| s.slug().to_owned())
            .unwrap_or_default(),
        date: crate::today().to_string(),
        note: String::new(),
    };
    let version = project.row.version;
    page(&stage_page(
        ctx,
        project,
        input,
        ShownErrors::none(),
        version,
        false,
    ))
}

#[derive(Debug, Deserialize)]
struct StageForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    date: String,
    #[serde(default)]
    note: String,
    #[serde(default)]
    version: String,
}

async fn change_stage(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments(id): Segments<String>,
    Form(form): Form<StageForm>,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, &id).await?;
    let me = ctx.user()?.clone();
    let base: i32 = form.version.trim().parse().unwrap_or(0);
    let input = StageInput {
        to: form.to,
        date: form.date,
        note: form.note,
    };
    let change = match projects::validate_stage_change(
        project.stage,
        project.reached[project.stage.index()],
        projects::StageFacts {
            model: SelectionModel::from_slug(&project.row.model),
            federal: project.row.federal_cents,
        },
        &input,
        crate::today(),
    ) {
        Ok(change) => change,
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            return page_with_status(
                StatusCode::UNPROCESSABLE_ENTITY,
                &stage_page(ctx, project, input, shown, base, false),
            );
        }
    };
    match store::change_stage(
        &state.db,
        me.user_id,
        project.row.id,
        base,
        &change,
        dias_core::time::now(),
    )
    .await?
    {
        Ok(()) => Ok(see_other(&format!(
            "/breitband/projekte/{}?hinweis=broadband-projects-stage-changed",
            project.row.id
        ))),
        Err(Stale { current }) => {
            let fresh = load(&state, &id).await?;
            page_with_status(
                StatusCode::CONFLICT,
                &stage_page(ctx, fresh, input, ShownErrors::none(), current, true),
            )
        }
    }
}

// ---------------------------------------------------------------- documents

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: MultipartForm,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, form.text("project").trim()).await?;
    let me = ctx.user()?.clone();
    let (filename, bytes) = match form.file("document") {
        Some(part) => (
            part.filename.clone().unwrap_or_default(),
            part.data.to_vec(),
        ),
        None => (String::new(), Vec::new()),
    };
    match projects::validate_document(&filename, &bytes) {
        Ok((kind, name)) => {
            store::add_document(
                &state.db,
                me.user_id,
                project.row.id,
                kind,
                &name,
                bytes,
                dias_core::time::now(),
            )
            .await?;
            Ok(see_other(&format!(
                "/breitband/projekte/{}?hinweis=broadband-projects-document-added#dokumente",
                project.row.id
            )))
        }
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            let page = project_page(&state, ctx, project, shown).await?;
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &page)
        }
    }
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments((id, doc)): Segments<(String, String)>,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, &id).await?;
    let document = store::document(&state.db, project.row.id, parse_id(&doc)?)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(dias_web::download::private_file(
        document.data,
        &document.mime,
        &document.filename,
    ))
}

async fn remove_document(
    State(state): State<AppState>,
    ctx: Ctx,
    Segments((id, doc)): Segments<(String, String)>,
) -> AppResult<Response> {
    let project = managed(&state, &ctx, &id).await?;
    let me = ctx.user()?.clone();
    let removed = store::remove_document(
        &state.db,
        me.user_id,
        project.row.id,
        parse_id(&doc)?,
        dias_core::time::now(),
    )
    .await?;
    if !removed {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "/breitband/projekte/{}?hinweis=broadband-projects-document-removed#dokumente",
        project.row.id
    )))
}

/// The projects of a Kreis (`ags8` = `None`) or of a Gemeinde and its
/// whole Kreis, for the block on the Kreis and Gemeinde pages: one query.
pub(crate) async fn area_projects(
    state: &AppState,
    ctx: &Ctx,
    ags5: &str,
    ags8: Option<&str>,
) -> AppResult<Vec<ListRow>> {
    let today = crate::today();
    Ok(store::for_area(&state.db, ags5, ags8)
        .await?
        .iter()
        .map(|r| list_row(ctx, r, today))
        .collect())
}
