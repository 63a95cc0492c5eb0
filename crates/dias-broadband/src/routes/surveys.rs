//! Market-survey procedures (MEV-Verfahren): the list, opening a procedure
//! (`/breitband/verfahren/neu`), its overview with invitations and
//! progress, and the address list download. Uploads are in
//! `surveys_uploads`, the evaluation and results in `surveys_results`.
//!
//! Who may see what is decided by `BroadbandAction` from two facts looked
//! up here ([`access`]): whether the account is a member for every
//! Gemeinde of the procedure, and which of its operators are invited.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dias_core::policy::Role;
use dias_mev::{Date, RuleSets};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};

use crate::entities::{broadband_operator, broadband_survey};
use crate::members;
use crate::policy::BroadbandAction;
use crate::surveys::{self, NewSurveyInput, Report, RowProblem, State as SurveyState, store};

pub const LIST_PATH: &str = "/breitband/verfahren";
pub const NEW_PATH: &str = "/breitband/verfahren/neu";
/// Room for the form's other fields and the multipart framing.
const FORM_OVERHEAD: usize = 64 * 1024;
/// The request limits of the two upload forms (signed-in requests only).
pub const BODY_LIMITS: [(&str, usize); 2] = [
    (NEW_PATH, surveys::MAX_FILE_BYTES + FORM_OVERHEAD),
    (
        super::surveys_uploads::UPLOAD_PATH,
        surveys::MAX_FILE_BYTES + FORM_OVERHEAD,
    ),
];

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(LIST_PATH, get(list))
        .route(NEW_PATH, get(new_form).post(create))
        .route("/breitband/verfahren/{id}", get(detail))
        .route("/breitband/verfahren/{id}/einladen", post(invite))
        .route("/breitband/verfahren/{id}/adressen.csv", get(addresses_csv))
        .route(
            "/breitband/verfahren/{id}/adressen-abgelehnt.csv",
            get(address_rejections_csv),
        )
}

/// The path of a procedure's page.
pub fn survey_path(id: i64) -> String {
    format!("/breitband/verfahren/{id}")
}

/// What the account may do with one procedure.
pub(super) struct Access {
    pub survey: broadband_survey::Model,
    /// Member for every Gemeinde of the procedure.
    pub member: bool,
    /// The account's operators that are invited.
    pub invited: Vec<i64>,
}

impl Access {
    pub fn manage(&self) -> BroadbandAction {
        BroadbandAction::ManageArea {
            member: self.member,
        }
    }

    pub fn respond(&self) -> BroadbandAction {
        BroadbandAction::Respond {
            invited: !self.invited.is_empty(),
        }
    }

    pub fn can_manage(&self, ctx: &Ctx) -> bool {
        ctx.can(&self.manage())
    }

    pub fn can_respond(&self, ctx: &Ctx) -> bool {
        ctx.can(&self.respond())
    }

    /// Managers and invited operators see the procedure; anybody else
    /// gets the manager rule's refusal (sign-in for visitors).
    pub fn require_view(&self, ctx: &Ctx) -> Result<(), AppError> {
        if self.can_respond(ctx) {
            return Ok(());
        }
        ctx.require(&self.manage())?;
        Ok(())
    }

    pub fn dates(&self) -> (Date, Date) {
        (
            self.survey.start_date.parse().unwrap_or(Date::MIN),
            self.survey.deadline.parse().unwrap_or(Date::MAX),
        )
    }
}

/// Looks up the facts the policy needs for this account and procedure.
pub(super) async fn access(state: &AppState, ctx: &Ctx, id: i64) -> AppResult<Access> {
    let survey = store::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let (mut member, mut invited) = (false, Vec::new());
    if let Some(who) = ctx.principal() {
        match who.role {
            Role::Municipality => {
                let areas = members::areas_of(&state.db, who.user_id).await?;
                member = members::covers_all(&areas, &store::areas_of(&survey));
            }
            Role::Operator => {
                let mine: Vec<i64> = members::operators_of(&state.db, who.user_id)
                    .await?
                    .into_iter()
                    .map(|o| o.id)
                    .collect();
                if !mine.is_empty() {
                    invited = store::invitations(&state.db, id)
                        .await?
                        .into_iter()
                        .map(|i| i.operator_id)
                        .filter(|o| mine.contains(o))
                        .collect();
                }
            }
            _ => {}
        }
    }
    Ok(Access {
        survey,
        member,
        invited,
    })
}

/// Names of the Gemeinden of an area ("Amtsberg, Drebach").
pub(super) fn area_names(areas: &[String]) -> String {
    let reference = dias_core::reference::cached();
    areas
        .iter()
        .map(|a| {
            reference
                .municipality(a)
                .map(|m| m.name.clone())
                .unwrap_or_else(|| a.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Display name of a rule set id.
pub(super) fn rule_set_name(id: &str) -> String {
    RuleSets::built_in()
        .ok()
        .and_then(|sets| sets.get(id).ok().map(|s| s.name.clone()))
        .unwrap_or_else(|| id.to_owned())
}

/// A date `YYYY-MM-DD` as the visitor reads it.
pub(super) fn show_date(ctx: &Ctx, date: &str) -> String {
    match date.parse::<Date>() {
        Ok(d) if ctx.locale() == "de" => d.strftime("%d.%m.%Y").to_string(),
        Ok(d) => d.to_string(),
        Err(_) => date.to_owned(),
    }
}

/// The state of a procedure from its job's status and result count.
pub(super) fn state_of(
    survey: &broadband_survey::Model,
    job_status: Option<&str>,
    results: usize,
) -> SurveyState {
    let deadline = survey.deadline.parse().unwrap_or(Date::MAX);
    let running = matches!(
        job_status,
        Some(dias_core::jobs::QUEUED | dias_core::jobs::RUNNING)
    );
    SurveyState::of(deadline, crate::today(), running, results)
}

// ---------------------------------------------------------------- list

struct ListRow {
    id: i64,
    title: String,
    areas: String,
    deadline: String,
    state: SurveyState,
    synthetic: bool,
    /// "Verwaltung" or "Eingeladen" for this account.
    role: String,
}

#[derive(Template)]
#[template(path = "broadband/surveys.html")]
struct ListPage {
    ctx: Ctx,
    rows: Vec<ListRow>,
    can_open: bool,
    staff: bool,
    /// „Meine Verfahren“ of an operator account.
    operator: bool,
}

async fn list(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let who = ctx.user()?.clone();
    let mut managed: Vec<broadband_survey::Model> = Vec::new();
    let mut invited: Vec<broadband_survey::Model> = Vec::new();
    let mut can_open = false;
    if who.role.is_staff_or_above() {
        managed = store::all(&state.db).await?;
        can_open = true;
    } else if who.role == Role::Municipality {
        let areas = members::areas_of(&state.db, who.user_id).await?;
        can_open = !areas.is_empty();
        managed = store::touching(&state.db, &areas)
            .await?
            .into_iter()
            .filter(|s| members::covers_all(&areas, &store::areas_of(s)))
            .collect();
    } else if who.role == Role::Operator {
        let mine: Vec<i64> = members::operators_of(&state.db, who.user_id)
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        invited = store::invited(&state.db, &mine).await?;
    }
    let ids: Vec<i64> = managed.iter().chain(&invited).map(|s| s.id).collect();
    let counts: HashMap<i64, i64> = store::result_counts(&state.db, &ids)
        .await?
        .into_iter()
        .collect();
    let job_ids: Vec<i64> = managed
        .iter()
        .chain(&invited)
        .filter_map(|s| s.job_id)
        .collect();
    let jobs: HashMap<i64, String> = store::job_states(&state.db, &job_ids)
        .await?
        .into_iter()
        .collect();
    let row = |s: &broadband_survey::Model, role: &str| ListRow {
        id: s.id,
        title: s.title.clone(),
        areas: area_names(&store::areas_of(s)),
        deadline: show_date(&ctx, &s.deadline),
        state: state_of(
            s,
            s.job_id.and_then(|j| jobs.get(&j)).map(String::as_str),
            counts.get(&s.id).copied().unwrap_or(0) as usize,
        ),
        synthetic: s.synthetic,
        role: ctx.t(role),
    };
    let mut rows: Vec<ListRow> = managed
        .iter()
        .map(|s| row(s, "broadband-surveys-role-manager"))
        .collect();
    rows.extend(
        invited
            .iter()
            .map(|s| row(s, "broadband-surveys-role-invited")),
    );
    page(&ListPage {
        rows,
        can_open,
        staff: who.role.is_staff_or_above(),
        operator: who.role == Role::Operator,
        ctx,
    })
}

// ---------------------------------------------------------------- new

struct Choice {
    value: String,
    label: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "broadband/survey_new.html")]
struct NewPage {
    ctx: Ctx,
    errors: ShownErrors,
    input: NewSurveyInput,
    /// Gemeinden the account may choose by checkbox.
    municipalities: Vec<Choice>,
    /// AGS-8 codes typed in the free field (kept).
    typed_areas: String,
    rule_sets: Vec<Choice>,
    operators: Vec<Choice>,
    /// Rejected rows of an address file that left no address.
    report: Report,
    /// Never a link here: nothing was stored.
    report_csv: String,
    limit_mb: u64,
    earliest_deadline: String,
}

/// The Gemeinden behind an account's memberships (a Kreis means all of
/// its Gemeinden).
fn municipalities_of(areas: &[String]) -> Vec<(String, String)> {
    let reference = dias_core::reference::cached();
    let mut out: Vec<(String, String)> = Vec::new();
    for area in areas {
        if area.len() == 5 {
            out.extend(
                reference
                    .municipalities_of(area)
                    .map(|m| (m.ags8.clone(), m.name.clone())),
            );
        } else if let Some(m) = reference.municipality(area) {
            out.push((m.ags8.clone(), m.name.clone()));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Facts for the form: the account's areas (none for staff, who type).
async fn manager_areas(state: &AppState, ctx: &Ctx) -> AppResult<(bool, Vec<String>)> {
    let who = ctx.user()?;
    if who.role.is_staff_or_above() {
        return Ok((true, Vec::new()));
    }
    let areas = if who.role == Role::Municipality {
        members::areas_of(&state.db, who.user_id).await?
    } else {
        Vec::new()
    };
    Ok((false, areas))
}

#[expect(clippy::too_many_arguments, reason = "the form's parts")]
fn render_new(
    ctx: Ctx,
    status: StatusCode,
    errors: ShownErrors,
    input: NewSurveyInput,
    typed_areas: String,
    areas: &[String],
    operators: &[broadband_operator::Model],
    report: Vec<RowProblem>,
) -> AppResult<Response> {
    let municipalities = municipalities_of(areas)
        .into_iter()
        .map(|(ags8, name)| Choice {
            checked: input.areas.contains(&ags8),
            label: format!("{name} ({ags8})"),
            value: ags8,
        })
        .collect();
    let sets = RuleSets::built_in().map_err(|e| AppError::Internal(e.to_string()))?;
    let rule_sets = surveys::RULE_SETS
        .iter()
        .filter_map(|id| sets.get(id).ok())
        .map(|s| Choice {
            value: s.id.clone(),
            label: match s.in_force_until {
                Some(until) => {
                    let args = [
                        ("name", dias_core::i18n::Value::from(s.name.clone())),
                        (
                            "from",
                            dias_core::i18n::Value::from(show_date(
                                &ctx,
                                &s.in_force_from.to_string(),
                            )),
                        ),
                        (
                            "until",
                            dias_core::i18n::Value::from(show_date(&ctx, &until.to_string())),
                        ),
                    ];
                    ctx.catalog
                        .get_with(ctx.locale(), "broadband-surveys-rule-set-until", &args)
                }
                None => {
                    let args = [
                        ("name", dias_core::i18n::Value::from(s.name.clone())),
                        (
                            "from",
                            dias_core::i18n::Value::from(show_date(
                                &ctx,
                                &s.in_force_from.to_string(),
                            )),
                        ),
                    ];
                    ctx.catalog
                        .get_with(ctx.locale(), "broadband-surveys-rule-set-from", &args)
                }
            },
            checked: s.id == input.rule_set,
        })
        .collect();
    let operators = operators
        .iter()
        .map(|o| Choice {
            value: o.id.to_string(),
            label: o.name.clone(),
            checked: input.operators.contains(&o.id),
        })
        .collect();
    let earliest = input
        .start
        .parse::<Date>()
        .map(|s| show_date(&ctx, &surveys::earliest_deadline(s).to_string()))
        .unwrap_or_default();
    let template = NewPage {
        errors,
        input,
        municipalities,
        typed_areas,
        rule_sets,
        operators,
        report: surveys::reasons::show_report(&ctx, surveys::Report::of(&report)),
        report_csv: String::new(),
        limit_mb: (surveys::MAX_FILE_BYTES / (1024 * 1024)) as u64,
        earliest_deadline: earliest,
        ctx,
    };
    if status == StatusCode::OK {
        page(&template)
    } else {
        page_with_status(status, &template)
    }
}

async fn new_form(State(state): State<AppState>, ctx: Ctx) -> AppResult<Response> {
    let (staff, areas) = manager_areas(&state, &ctx).await?;
    // Staff may open one anywhere; a municipality account needs an area.
    ctx.require(&BroadbandAction::ManageArea {
        member: staff || !areas.is_empty(),
    })?;
    let operators = members::operators(&state.db).await?;
    let today = crate::today();
    let mine = municipalities_of(&areas);
    let input = NewSurveyInput {
        title: String::new(),
        areas: if mine.len() == 1 {
            vec![mine[0].0.clone()]
        } else {
            Vec::new()
        },
        rule_set: surveys::DEFAULT_RULE_SET.to_owned(),
        start: today.to_string(),
        deadline: surveys::earliest_deadline(today).to_string(),
        horizon: surveys::DEFAULT_HORIZON_YEARS.to_string(),
        source: "datei".to_owned(),
        operators: Vec::new(),
    };
    render_new(
        ctx,
        StatusCode::OK,
        ShownErrors::none(),
        input,
        String::new(),
        &areas,
        &operators,
        Vec::new(),
    )
}

/// AGS-8 codes typed into the free field, separated by commas or spaces.
fn typed_codes(text: &str) -> Vec<String> {
    text.split([',', ' ', ';', '\n', '\r', '\t'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    form: MultipartForm,
) -> AppResult<Response> {
    let (staff, areas) = manager_areas(&state, &ctx).await?;
    let user_id = ctx
        .require(&BroadbandAction::ManageArea {
            member: staff || !areas.is_empty(),
        })?
        .user()?
        .user_id;
    let operators = members::operators(&state.db).await?;
    let typed = form.text("gebiet_ags");
    let mut chosen: Vec<String> = municipalities_of(&areas)
        .into_iter()
        .map(|(ags8, _)| ags8)
        .filter(|ags8| form.text(&format!("gemeinde-{ags8}")) == "1")
        .collect();
    chosen.extend(typed_codes(&typed));
    let input = NewSurveyInput {
        title: form.text("titel"),
        areas: chosen,
        rule_set: form.text("regelwerk"),
        start: form.text("beginn"),
        deadline: form.text("frist"),
        horizon: form.text("horizont"),
        source: form.text("quelle"),
        operators: operators
            .iter()
            .map(|o| o.id)
            .filter(|id| form.text(&format!("betreiber-{id}")) == "1")
            .collect(),
    };
    let sets = RuleSets::built_in().map_err(|e| AppError::Internal(e.to_string()))?;
    let reference = dias_core::reference::cached();
    let checked = surveys::validate_new(
        &input,
        crate::today(),
        &sets,
        |ags8| ags8.len() == 8 && reference.municipality(ags8).is_some(),
        |area| staff || members::covers_all(&areas, area),
    );
    let refuse = |ctx: Ctx, errors: ShownErrors, report: Vec<RowProblem>| {
        render_new(
            ctx,
            StatusCode::UNPROCESSABLE_ENTITY,
            errors,
            input.clone(),
            typed.clone(),
            &areas,
            &operators,
            report,
        )
    };
    let new = match checked {
        Ok(new) => new,
        Err(errors) => {
            let mut shown = ShownErrors::new(&ctx, &errors);
            // The unknown codes are named, so the manager sees which.
            if errors.get("gebiet") == Some("broadband-surveys-error-area-unknown") {
                let bad: Vec<&str> = input
                    .areas
                    .iter()
                    .map(|a| a.trim())
                    .filter(|a| a.len() != 8 || reference.municipality(a).is_none())
                    .collect();
                let message = ctx.t1(
                    "broadband-surveys-error-area-unknown",
                    "codes",
                    bad.join(", "),
                );
                for item in shown.items.iter_mut().filter(|(f, _)| f == "gebiet") {
                    item.1 = message.clone();
                }
            }
            if !input.synthetic_chosen() && form.file("adressen").is_none() {
                shown.items.push((
                    "adressen".into(),
                    ctx.t("broadband-surveys-error-address-file"),
                ));
            }
            return refuse(ctx, shown, Vec::new());
        }
    };
    let file_error = |message: String| ShownErrors {
        items: vec![("adressen".to_owned(), message)],
    };
    let uploaded = if new.synthetic {
        None
    } else {
        let Some(file) = form.file("adressen") else {
            let errors = file_error(ctx.t("broadband-surveys-error-address-file"));
            return refuse(ctx, errors, Vec::new());
        };
        if file.data.len() > surveys::MAX_FILE_BYTES {
            let errors = file_error(ctx.t1(
                "broadband-surveys-error-too-large",
                "limit",
                surveys::MAX_FILE_BYTES / (1024 * 1024),
            ));
            return refuse(ctx, errors, Vec::new());
        }
        if surveys::semicolon_separated(&file.data) {
            let errors = file_error(ctx.t("broadband-surveys-error-semicolon"));
            return refuse(ctx, errors, Vec::new());
        }
        Some(file.data.to_vec())
    };
    // Generating and checking up to millions of addresses is CPU work: it
    // runs off the async runtime.
    let (areas_for_check, start, horizon) = (new.areas.clone(), new.start, new.horizon_years);
    let checked = tokio::task::spawn_blocking(move || {
        let data = match uploaded {
            Some(data) => data,
            None => surveys::synthetic_addresses(&areas_for_check, start, horizon)
                .map_err(|e| (true, e))?,
        };
        surveys::check_addresses(&data, &areas_for_check).map_err(|e| (false, e))
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let check = match checked {
        Ok(check) => check,
        Err((true, message)) => return Err(AppError::Internal(message)),
        Err((false, message)) => {
            let errors = file_error(ctx.t1(
                "broadband-surveys-error-unreadable",
                "detail",
                surveys::file_message(&message),
            ));
            return refuse(ctx, errors, Vec::new());
        }
    };
    if check.count == 0 {
        let errors = file_error(ctx.t("broadband-surveys-error-no-address"));
        return refuse(ctx, errors, check.rejected);
    }
    let id = store::create(
        &state.db,
        &new,
        user_id,
        check.kept,
        check.count,
        &check.rejected,
        &input.operators,
    )
    .await?;
    send_invitations(
        &state,
        &ctx,
        id,
        &new.title,
        &new.deadline.to_string(),
        &new.areas,
        &input.operators,
    )
    .await?;
    Ok(see_other(&format!(
        "{}?hinweis=broadband-surveys-created",
        survey_path(id)
    )))
}

impl NewSurveyInput {
    fn synthetic_chosen(&self) -> bool {
        self.source == "synthetisch"
    }
}

/// Mails the accounts of newly invited operators, each in its language.
async fn send_invitations(
    state: &AppState,
    ctx: &Ctx,
    survey_id: i64,
    title: &str,
    deadline: &str,
    areas: &[String],
    operators: &[i64],
) -> AppResult<()> {
    let accounts = store::operator_accounts(&state.db, operators).await?;
    let link = format!(
        "{}{}",
        state.config.public_url.trim_end_matches('/'),
        survey_path(survey_id)
    );
    let area = area_names(areas);
    // Staff open procedures for municipalities as the agency; a member
    // account invites for its Gemeinden.
    let by_agency = ctx.user().is_ok_and(|u| u.role.is_staff_or_above());
    let deadline = deadline.parse::<Date>().ok();
    for (email, locale) in accounts {
        let day = match deadline {
            Some(d) if locale == "en" => d.strftime("%B %-d, %Y").to_string(),
            Some(d) => d.strftime("%d.%m.%Y").to_string(),
            None => String::new(),
        };
        let inviter = if by_agency {
            state
                .catalog
                .get(&locale, "broadband-surveys-mail-inviter-agency")
        } else {
            state.catalog.get_with(
                &locale,
                "broadband-surveys-mail-inviter-municipality",
                &[("area", dias_core::i18n::Value::from(area.clone()))],
            )
        };
        let args = [
            ("title", dias_core::i18n::Value::from(title.to_owned())),
            ("deadline", dias_core::i18n::Value::from(day)),
            ("area", dias_core::i18n::Value::from(area.clone())),
            ("inviter", dias_core::i18n::Value::from(inviter)),
            ("link", dias_core::i18n::Value::from(link.clone())),
        ];
        let subject =
            state
                .catalog
                .get_with(&locale, "broadband-surveys-mail-invite-subject", &args);
        let body = state
            .catalog
            .get_with(&locale, "broadband-surveys-mail-invite-body", &args);
        dias_core::mail::queue(&state.db, &email, &subject, &body).await?;
    }
    Ok(())
}

// ---------------------------------------------------------------- detail

struct InvitedRow {
    operator: String,
    answered: bool,
    last_at: String,
    version: i32,
    accepted: i64,
    rejected: i64,
    late: bool,
}

pub(super) struct UploadRow {
    pub id: i64,
    pub operator: String,
    pub version: i32,
    pub at: String,
    pub file_name: String,
    pub total: i64,
    pub accepted: i64,
    pub rejected: i64,
    pub late: bool,
}

struct ResultRow {
    version: i32,
    evaluated_on: String,
    rule_set: String,
    eligible: u64,
    addresses: u64,
}

#[derive(Template)]
#[template(path = "broadband/survey.html")]
struct DetailPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    areas: String,
    rule_set: String,
    start: String,
    deadline: String,
    state: SurveyState,
    manage: bool,
    respond: bool,
    before_deadline: bool,
    report: Report,
    report_csv: String,
    invited: Vec<InvitedRow>,
    uninvited: Vec<Choice>,
    uploads: Vec<UploadRow>,
    results: Vec<ResultRow>,
    job_active: bool,
    job_failed: bool,
}

pub(super) fn upload_row(
    ctx: &Ctx,
    u: &crate::entities::broadband_survey_upload::Model,
    names: &HashMap<i64, String>,
) -> UploadRow {
    UploadRow {
        id: u.id,
        operator: names.get(&u.operator_id).cloned().unwrap_or_default(),
        version: u.version,
        at: ctx.format_datetime(&u.created_at),
        file_name: u.file_name.clone(),
        total: u.rows_total,
        accepted: u.rows_accepted,
        rejected: u.rows_rejected,
        late: u.late,
    }
}

async fn detail(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    access.require_view(&ctx)?;
    let manage = access.can_manage(&ctx);
    let respond = access.can_respond(&ctx);
    let survey = access.survey.clone();
    let operators = members::operators(&state.db).await?;
    let names: HashMap<i64, String> = operators.iter().map(|o| (o.id, o.name.clone())).collect();
    let invitations = store::invitations(&state.db, id).await?;
    // An operator sees its own uploads only.
    let uploads = if manage {
        store::uploads(&state.db, id, None).await?
    } else {
        store::uploads(&state.db, id, Some(&access.invited)).await?
    };
    let results = if manage {
        store::results(&state.db, id).await?
    } else {
        Vec::new()
    };
    let job_status = match survey.job_id {
        Some(job) => store::job_states(&state.db, &[job])
            .await?
            .into_iter()
            .next()
            .map(|(_, s)| s),
        None => None,
    };
    let survey_state = state_of(&survey, job_status.as_deref(), results.len());
    let invited = if manage {
        invitations
            .iter()
            .map(|inv| {
                let mine: Vec<_> = uploads
                    .iter()
                    .filter(|u| u.operator_id == inv.operator_id)
                    .collect();
                let last = mine.last();
                InvitedRow {
                    operator: names.get(&inv.operator_id).cloned().unwrap_or_default(),
                    answered: last.is_some(),
                    last_at: last
                        .map(|u| ctx.format_datetime(&u.created_at))
                        .unwrap_or_default(),
                    version: last.map(|u| u.version).unwrap_or(0),
                    accepted: last.map(|u| u.rows_accepted).unwrap_or(0),
                    rejected: last.map(|u| u.rows_rejected).unwrap_or(0),
                    late: last.is_some_and(|u| u.late),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let uninvited = if manage {
        operators
            .iter()
            .filter(|o| !invitations.iter().any(|i| i.operator_id == o.id))
            .map(|o| Choice {
                value: o.id.to_string(),
                label: o.name.clone(),
                checked: false,
            })
            .collect()
    } else {
        Vec::new()
    };
    let results = results
        .iter()
        .map(|r| {
            let summary = surveys::evaluation::summary_of(r);
            ResultRow {
                version: r.version,
                evaluated_on: show_date(&ctx, &r.evaluated_on),
                rule_set: rule_set_name(&r.rule_set),
                eligible: summary.totals.addresses[dias_mev::Status::Eligible.index()],
                addresses: summary.addresses,
            }
        })
        .collect();
    let uploads = uploads
        .iter()
        .map(|u| upload_row(&ctx, u, &names))
        .collect();
    let (_, deadline) = access.dates();
    let report = if manage {
        surveys::reasons::show_report(&ctx, store::address_report(&state.db, id).await?)
    } else {
        Report::default()
    };
    let report_csv = if report.more() > 0 {
        format!("{}/adressen-abgelehnt.csv", survey_path(id))
    } else {
        String::new()
    };
    page(&DetailPage {
        areas: area_names(&store::areas_of(&survey)),
        rule_set: rule_set_name(&survey.rule_set),
        start: show_date(&ctx, &survey.start_date),
        deadline: show_date(&ctx, &survey.deadline),
        state: survey_state,
        manage,
        respond,
        before_deadline: surveys::early_needs_confirmation(deadline, crate::today()),
        report,
        report_csv,
        invited,
        uninvited,
        uploads,
        results,
        job_active: survey_state == SurveyState::Evaluating,
        job_failed: job_status.as_deref() == Some(dias_core::jobs::FAILED),
        survey,
        ctx,
    })
}

async fn invite(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
    Form(fields): Form<HashMap<String, String>>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    let user_id = ctx.require(&access.manage())?.user()?.user_id;
    let chosen: Vec<i64> = members::operators(&state.db)
        .await?
        .into_iter()
        .map(|o| o.id)
        .filter(|id| {
            fields
                .get(&format!("betreiber-{id}"))
                .is_some_and(|v| v == "1")
        })
        .collect();
    if chosen.is_empty() {
        return Ok(see_other(&format!(
            "{}?hinweis=broadband-surveys-invite-none",
            survey_path(id)
        )));
    }
    let fresh = store::invite(&state.db, id, &chosen, user_id).await?;
    send_invitations(
        &state,
        &ctx,
        id,
        &access.survey.title,
        &access.survey.deadline,
        &store::areas_of(&access.survey),
        &fresh,
    )
    .await?;
    Ok(see_other(&format!(
        "{}?hinweis=broadband-surveys-invited",
        survey_path(id)
    )))
}

/// A number from the URL; anything else gets the normal 404 page, not a
/// plain-text 400 of the extractor.
pub(super) fn path_id<T: std::str::FromStr>(text: &str) -> AppResult<T> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// A file as a download named `name` (ASCII chosen by the code).
pub(super) fn attachment(body: Vec<u8>, name: &str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// A CSV file as a download.
pub(super) fn csv_download(name: &str, data: Vec<u8>) -> Response {
    attachment(data, name, "text/csv; charset=utf-8")
}

/// The procedure's address list: for its managers and the invited
/// operators, who answer for exactly these addresses.
async fn addresses_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    access.require_view(&ctx)?;
    let file_id = access.survey.address_file_id.ok_or(AppError::NotFound)?;
    let file = store::file(&state.db, id, file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The list comes from the municipality and opens in the operators'
    // spreadsheets: formulas are guarded on the way out (the stored file
    // stays as the engine reads it).
    Ok(csv_download(&file.name, surveys::guard_csv(&file.data)))
}

/// The complete rejected rows of the address list (managers).
async fn address_rejections_csv(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    ctx.require(&access.manage())?;
    let file = store::rejected_file(&state.db, id, &store::address_rejected_name(id))
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(csv_download(&file.name, surveys::guard_csv(&file.data)))
}

// ---------------------------------------------------------------- register

/// A procedure as the public Gemeinde and Kreis pages list it: no
/// addresses, no operators, no results.
pub(super) struct AreaSurvey {
    pub title: String,
    /// The procedure's page, when the viewer may see it.
    pub link: Option<String>,
    pub state: SurveyState,
    pub start: String,
    pub deadline: String,
    pub synthetic: bool,
}

/// The procedures touching an area (AGS-8 Gemeinde or AGS-5 Kreis), newest
/// first, in a fixed number of queries.
pub(super) async fn area_surveys(
    state: &AppState,
    ctx: &Ctx,
    area: &str,
) -> AppResult<Vec<AreaSurvey>> {
    let surveys = store::touching(&state.db, &[area.to_owned()]).await?;
    let ids: Vec<i64> = surveys.iter().map(|s| s.id).collect();
    let counts: HashMap<i64, i64> = store::result_counts(&state.db, &ids)
        .await?
        .into_iter()
        .collect();
    let job_ids: Vec<i64> = surveys.iter().filter_map(|s| s.job_id).collect();
    let jobs: HashMap<i64, String> = store::job_states(&state.db, &job_ids)
        .await?
        .into_iter()
        .collect();
    // Who may open which procedure (the same rule as `access`), with a
    // fixed number of queries for the whole list.
    let (staff, areas, invited) = match ctx.principal() {
        Some(who) if who.role.is_staff_or_above() => (true, Vec::new(), Vec::new()),
        Some(who) if who.role == Role::Municipality => (
            false,
            members::areas_of(&state.db, who.user_id).await?,
            Vec::new(),
        ),
        Some(who) if who.role == Role::Operator => {
            let mine: Vec<i64> = members::operators_of(&state.db, who.user_id)
                .await?
                .into_iter()
                .map(|o| o.id)
                .collect();
            let ids: Vec<i64> = store::invited(&state.db, &mine)
                .await?
                .into_iter()
                .map(|s| s.id)
                .collect();
            (false, Vec::new(), ids)
        }
        _ => (false, Vec::new(), Vec::new()),
    };
    Ok(surveys
        .iter()
        .map(|s| AreaSurvey {
            link: (staff
                || invited.contains(&s.id)
                || (!areas.is_empty() && members::covers_all(&areas, &store::areas_of(s))))
            .then(|| survey_path(s.id)),
            title: s.title.clone(),
            state: state_of(
                s,
                s.job_id.and_then(|j| jobs.get(&j)).map(String::as_str),
                counts.get(&s.id).copied().unwrap_or(0) as usize,
            ),
            start: show_date(ctx, &s.start_date),
            deadline: show_date(ctx, &s.deadline),
            synthetic: s.synthetic,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kreis_membership_offers_every_gemeinde_of_the_kreis() {
        let gemeinden = municipalities_of(&["14521".to_owned(), "14612000".to_owned()]);
        let reference = dias_core::reference::cached();
        let in_kreis = reference.municipalities_of("14521").count();
        assert!(in_kreis > 10);
        assert_eq!(gemeinden.len(), in_kreis + 1);
        assert!(gemeinden.iter().any(|(ags8, _)| ags8 == "14521010"));
        assert!(gemeinden.iter().any(|(ags8, _)| ags8 == "14612000"));
        assert!(municipalities_of(&[]).is_empty());
    }
}
