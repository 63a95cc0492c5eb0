//! Surveys: list, the answer form (plain HTML, validated on the server),
//! results as bar charts with data tables, and staff forms to create and
//! close a survey and download its answers.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dias_web::components::{Bar, BarChart};
use dias_web::forms::{Form, ShownErrors, page, page_with_status, see_other};
use dias_web::{AppError, AppResult, AppState, Ctx};
use serde::Deserialize;

use super::{field_errors, load};
use crate::entities::process;
use crate::policy::ParticipationAction;
use crate::surveys::{
    self, FormValues, Kind, Question, Results, SurveyInput, SurveyState, SurveyWithQuestions,
    percent,
};

/// Free-text answers shown per question (all are in the CSV).
const FREE_TEXTS_SHOWN: usize = 200;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/beteiligung/{slug}/umfragen", get(list))
        .route(
            "/beteiligung/{slug}/umfragen/neu",
            get(new_form).post(create),
        )
        .route("/beteiligung/{slug}/umfragen/{id}", get(show).post(answer))
        .route("/beteiligung/{slug}/umfragen/{id}/ergebnisse", get(results))
        .route(
            "/beteiligung/{slug}/umfragen/{id}/abschliessen",
            post(close),
        )
        .route(
            "/beteiligung/{slug}/umfragen/{id}/bearbeiten",
            get(edit_form).post(update),
        )
        .route(
            "/beteiligung/{slug}/umfragen/{id}/antworten.csv",
            get(download),
        )
}

fn state_label(ctx: &Ctx, state: SurveyState) -> String {
    ctx.t(state.key())
}

pub struct SurveyCard {
    pub id: i64,
    pub title: String,
    pub state: String,
    pub closed: bool,
    pub responses: i64,
}

#[derive(Template)]
#[template(path = "participation/surveys.html")]
struct ListPage {
    ctx: Ctx,
    process: process::Model,
    cards: Vec<SurveyCard>,
    can_manage: bool,
}

async fn list(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let items = surveys::list(&state.db, p.process.id).await?;
    let counts =
        surveys::response_counts(&state.db, &items.iter().map(|s| s.id).collect::<Vec<_>>())
            .await?;
    let cards = items
        .into_iter()
        .map(|s| {
            let st = surveys::state_of(&s, &p);
            SurveyCard {
                state: state_label(&ctx, st),
                closed: st == SurveyState::Closed,
                responses: counts.get(&s.id).copied().unwrap_or(0),
                id: s.id,
                title: s.title,
            }
        })
        .collect();
    page(&ListPage {
        can_manage: ctx.can(&ParticipationAction::Manage),
        process: p.process,
        cards,
        ctx,
    })
}

// ------------------------------------------------------------------ answer form

pub struct ChoiceView {
    pub id: String,
    pub value: String,
    pub label: String,
    pub checked: bool,
}

pub struct MatrixRowView {
    pub field: String,
    pub label: String,
    pub cells: Vec<ChoiceView>,
    pub error: String,
}

pub struct QuestionView {
    pub number: usize,
    pub field: String,
    pub kind: &'static str,
    pub text: String,
    pub required: bool,
    pub hint: String,
    pub choices: Vec<ChoiceView>,
    pub rows: Vec<MatrixRowView>,
    pub text_value: String,
    pub error: String,
    /// A matrix row has an error.
    pub row_error: bool,
}

fn choices(field: &str, labels: Vec<(String, String)>, given: &[String]) -> Vec<ChoiceView> {
    labels
        .into_iter()
        .enumerate()
        .map(|(i, (value, label))| ChoiceView {
            // The first choice carries the field's id, so the error summary's link lands on it.
            id: if i == 0 {
                field.to_owned()
            } else {
                format!("{field}-o{i}")
            },
            checked: given.contains(&value),
            value,
            label,
        })
        .collect()
}

fn question_views(
    ctx: &Ctx,
    questions: &[Question],
    values: &FormValues,
    errors: &ShownErrors,
) -> Vec<QuestionView> {
    let empty = Vec::new();
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let field = q.field();
            let given = values.get(&field).unwrap_or(&empty);
            let indexed = |labels: &[String]| -> Vec<(String, String)> {
                labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (i.to_string(), l.clone()))
                    .collect()
            };
            let (choice_list, hint) = match q.kind {
                Kind::Single => (choices(&field, indexed(&q.options), given), String::new()),
                Kind::Multiple => (
                    choices(&field, indexed(&q.options), given),
                    ctx.t("survey-hint-multiple"),
                ),
                Kind::Scale => (
                    choices(
                        &field,
                        q.scale_values()
                            .into_iter()
                            .map(|v| (v.to_string(), v.to_string()))
                            .collect(),
                        given,
                    ),
                    ctx.t1(
                        "survey-hint-scale",
                        "range",
                        format!("{}–{}", q.scale.0, q.scale.1),
                    ),
                ),
                Kind::Text | Kind::Matrix => (Vec::new(), String::new()),
            };
            let rows = if q.kind == Kind::Matrix {
                q.rows
                    .iter()
                    .enumerate()
                    .map(|(r, label)| {
                        let row_field = q.row_field(r);
                        MatrixRowView {
                            cells: choices(
                                &row_field,
                                indexed(&q.options),
                                values.get(&row_field).unwrap_or(&empty),
                            ),
                            error: errors.of(&row_field),
                            field: row_field,
                            label: label.clone(),
                        }
                    })
                    .collect()
            } else {
                Vec::new()
            };
            QuestionView {
                row_error: rows.iter().any(|r: &MatrixRowView| !r.error.is_empty()),
                number: i + 1,
                kind: q.kind.as_str(),
                text: q.text.clone(),
                required: q.required,
                hint,
                choices: choice_list,
                rows,
                text_value: if q.kind == Kind::Text {
                    given.join("\n")
                } else {
                    String::new()
                },
                error: errors.of(&field),
                field,
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "participation/survey.html")]
struct SurveyPage {
    ctx: Ctx,
    process: process::Model,
    survey: crate::entities::survey::Model,
    description_html: String,
    state: String,
    open: bool,
    closed: bool,
    answered: bool,
    can_manage: bool,
    responses: i64,
    questions: Vec<QuestionView>,
    errors: ShownErrors,
}

async fn survey_page(
    state: &AppState,
    ctx: Ctx,
    slug: &str,
    id: i64,
    submitted: Option<(FormValues, ShownErrors)>,
    status: StatusCode,
) -> AppResult<Response> {
    let p = load(state, &ctx, slug).await?;
    let s = surveys::get(&state.db, p.process.id, id).await?;
    let st = surveys::state_of(&s.survey, &p);
    let mine = match ctx.principal() {
        Some(me) => surveys::response_of(&state.db, id, me.user_id).await?,
        None => None,
    };
    let answered = mine.is_some();
    let (values, errors) = match submitted {
        Some(submitted) => submitted,
        None => (
            mine.map(|(_, answers)| surveys::answers_to_values(&s.questions, &answers))
                .unwrap_or_default(),
            ShownErrors::none(),
        ),
    };
    let can_manage = ctx.can(&ParticipationAction::Manage);
    let responses = if can_manage {
        surveys::response_counts(&state.db, &[id])
            .await?
            .get(&id)
            .copied()
            .unwrap_or(0)
    } else {
        0
    };
    page_with_status(
        status,
        &SurveyPage {
            questions: question_views(&ctx, &s.questions, &values, &errors),
            description_html: dias_core::markdown::render(&s.survey.description_md),
            state: state_label(&ctx, st),
            open: st == SurveyState::Open,
            closed: st == SurveyState::Closed,
            answered,
            can_manage,
            responses,
            errors,
            process: p.process,
            survey: s.survey,
            ctx,
        },
    )
}

async fn show(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    survey_page(&state, ctx, &slug, id, None, StatusCode::OK).await
}

async fn answer(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(pairs): Form<Vec<(String, String)>>,
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
    let s = surveys::get(&state.db, p.process.id, id).await?;
    // The version of the survey the form was made from (missing in forms
    // saved before it existed: then the one loaded now).
    let revision = pairs
        .iter()
        .find(|(k, _)| k == "fassung")
        .and_then(|(_, v)| v.parse::<i64>().ok())
        .unwrap_or(s.survey.updated_at);
    let values = surveys::form_values(pairs);
    match field_errors(surveys::submit(&state.db, &me, &p, &s, revision, &values).await)? {
        Ok(()) => Ok(see_other(&format!(
            "/beteiligung/{slug}/umfragen/{id}?hinweis=umfrage-gespeichert"
        ))),
        Err(errors) => {
            let shown = ShownErrors::new(&ctx, &errors);
            survey_page(
                &state,
                ctx,
                &slug,
                id,
                Some((values, shown)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

// ------------------------------------------------------------------ results

pub struct MatrixTable {
    pub columns: Vec<String>,
    /// (row label, cells "n (p %)")
    pub rows: Vec<(String, Vec<String>)>,
}

pub struct ResultView {
    pub number: usize,
    pub text: String,
    pub kind_label: String,
    pub answered: i64,
    pub charts: Vec<BarChart>,
    pub matrix: Option<MatrixTable>,
    pub is_text: bool,
    pub texts: Vec<String>,
}

fn count_text(ctx: &Ctx, count: i64, whole: i64) -> String {
    format!("{} ({} %)", ctx.number(&count), percent(count, whole))
}

fn chart(
    ctx: &Ctx,
    id: String,
    title: String,
    labels: Vec<(i32, String)>,
    results: &Results,
    (question, row): (i64, i32),
    whole: i64,
) -> BarChart {
    BarChart {
        id,
        description: ctx.t1("survey-chart-description", "count", whole),
        label_header: ctx.t("survey-col-answer"),
        value_header: ctx.t("survey-col-count"),
        table_summary: ctx.t("chart-table-summary"),
        bars: labels
            .into_iter()
            .map(|(choice, label)| {
                let n = results.count(question, row, choice);
                Bar {
                    label,
                    value: n as f64,
                    value_text: count_text(ctx, n, whole),
                    y: 0.0,
                    width: 0.0,
                }
            })
            .collect(),
        title,
    }
    .layout()
}

fn result_views(
    ctx: &Ctx,
    s: &SurveyWithQuestions,
    results: &Results,
    texts: &mut HashMap<i64, Vec<String>>,
) -> Vec<ResultView> {
    s.questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let answered = results.answered_question(q);
            let numbered = |labels: &[String]| -> Vec<(i32, String)> {
                labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (i as i32, l.clone()))
                    .collect()
            };
            let title = format!("{}. {}", i + 1, q.text);
            let mut charts = Vec::new();
            let mut matrix = None;
            match q.kind {
                Kind::Single | Kind::Multiple => charts.push(chart(
                    ctx,
                    format!("ergebnis-{}", q.id),
                    title,
                    numbered(&q.options),
                    results,
                    (q.id, 0),
                    answered,
                )),
                Kind::Scale => charts.push(chart(
                    ctx,
                    format!("ergebnis-{}", q.id),
                    title,
                    q.scale_values()
                        .into_iter()
                        .map(|v| (v, v.to_string()))
                        .collect(),
                    results,
                    (q.id, 0),
                    answered,
                )),
                Kind::Matrix => {
                    for (r, row) in q.rows.iter().enumerate() {
                        let whole = results.answered(q.id, r as i32);
                        charts.push(chart(
                            ctx,
                            format!("ergebnis-{}-{r}", q.id),
                            format!("{}. {} – {}", i + 1, q.text, row),
                            numbered(&q.options),
                            results,
                            (q.id, r as i32),
                            whole,
                        ));
                    }
                    matrix = Some(MatrixTable {
                        columns: q.options.clone(),
                        rows: q
                            .rows
                            .iter()
                            .enumerate()
                            .map(|(r, row)| {
                                let whole = results.answered(q.id, r as i32);
                                (
                                    row.clone(),
                                    (0..q.options.len() as i32)
                                        .map(|c| {
                                            count_text(ctx, results.count(q.id, r as i32, c), whole)
                                        })
                                        .collect(),
                                )
                            })
                            .collect(),
                    });
                }
                Kind::Text => {}
            }
            ResultView {
                number: i + 1,
                text: q.text.clone(),
                kind_label: ctx.t(&format!("survey-kind-{}", q.kind.as_str())),
                answered,
                charts,
                matrix,
                is_text: q.kind == Kind::Text,
                texts: texts.remove(&q.id).unwrap_or_default(),
            }
        })
        .collect()
}

#[derive(Template)]
#[template(path = "participation/survey_results.html")]
struct ResultsPage {
    ctx: Ctx,
    process: process::Model,
    survey: crate::entities::survey::Model,
    /// Results are shown (closed, or the viewer is staff).
    visible: bool,
    can_manage: bool,
    open: bool,
    responses: i64,
    questions: Vec<ResultView>,
}

async fn results(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let p = load(&state, &ctx, &slug).await?;
    let s = surveys::get(&state.db, p.process.id, id).await?;
    let st = surveys::state_of(&s.survey, &p);
    let can_manage = ctx.can(&ParticipationAction::Manage);
    let visible = can_manage || st == SurveyState::Closed;
    let (responses, questions) = if visible {
        let counts = surveys::results(&state.db, id).await?;
        let mut texts = if can_manage {
            surveys::free_texts(&state.db, &s, FREE_TEXTS_SHOWN).await?
        } else {
            HashMap::new()
        };
        (
            counts.responses,
            result_views(&ctx, &s, &counts, &mut texts),
        )
    } else {
        (0, Vec::new())
    };
    page(&ResultsPage {
        open: st == SurveyState::Open,
        process: p.process,
        survey: s.survey,
        visible,
        can_manage,
        responses,
        questions,
        ctx,
    })
}

// ------------------------------------------------------------------ staff

#[derive(Template)]
#[template(path = "participation/survey_form.html")]
struct FormPage {
    ctx: Ctx,
    process: process::Model,
    heading: String,
    action: String,
    submit: String,
    /// Editing a survey with answers: its questions are fixed.
    answered: bool,
    errors: ShownErrors,
    problems: Vec<(usize, String)>,
    title: String,
    description: String,
    questions: String,
}

#[derive(Deserialize, Default)]
pub struct SurveyForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    questions: String,
}

async fn new_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    page(&FormPage {
        heading: ctx.t("survey-new"),
        action: format!("/beteiligung/{slug}/umfragen/neu"),
        submit: ctx.t("survey-create"),
        answered: false,
        process: p.process,
        errors: ShownErrors::none(),
        problems: Vec::new(),
        title: String::new(),
        description: String::new(),
        questions: String::new(),
        ctx,
    })
}

async fn create(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(slug): Path<String>,
    Form(input): Form<SurveyForm>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let new = SurveyInput {
        title: input.title.clone(),
        description: input.description.clone(),
        questions: input.questions.clone(),
    };
    match field_errors(surveys::create(&state.db, &me, p.process.id, &new).await)? {
        Ok(id) => Ok(see_other(&format!(
            "/beteiligung/{slug}/umfragen/{id}?hinweis=umfrage-angelegt"
        ))),
        Err(errors) => {
            let form = FormPage {
                heading: ctx.t("survey-new"),
                action: format!("/beteiligung/{slug}/umfragen/neu"),
                submit: ctx.t("survey-create"),
                answered: false,
                process: p.process,
                errors: ShownErrors::none(),
                problems: Vec::new(),
                title: input.title,
                description: input.description,
                questions: input.questions,
                ctx,
            };
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form.with_errors(&errors))
        }
    }
}

impl FormPage {
    /// The form again with the errors and the lines of the question format
    /// that have problems.
    fn with_errors(mut self, errors: &dias_core::validation::FieldErrors) -> Self {
        let (_, problems) = surveys::parse_questions(&self.questions);
        self.problems = problems
            .into_iter()
            .map(|pr| (pr.line, self.ctx.t(pr.message)))
            .collect();
        self.errors = ShownErrors::new(&self.ctx, errors);
        self
    }
}

async fn edit_form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    ctx.require(&ParticipationAction::Manage)?;
    let p = load(&state, &ctx, &slug).await?;
    let s = surveys::get(&state.db, p.process.id, id).await?;
    let answered = surveys::response_counts(&state.db, &[id])
        .await?
        .get(&id)
        .is_some_and(|n| *n > 0);
    page(&FormPage {
        heading: ctx.t1("survey-edit-title", "title", s.survey.title.as_str()),
        action: format!("/beteiligung/{slug}/umfragen/{id}/bearbeiten"),
        submit: ctx.t("survey-save"),
        answered,
        process: p.process,
        errors: ShownErrors::none(),
        problems: Vec::new(),
        title: s.survey.title,
        description: s.survey.description_md,
        questions: surveys::questions_text(&s.questions),
        ctx,
    })
}

async fn update(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
    Form(input): Form<SurveyForm>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let changed = SurveyInput {
        title: input.title.clone(),
        description: input.description.clone(),
        questions: input.questions.clone(),
    };
    match field_errors(surveys::update(&state.db, &me, p.process.id, id, &changed).await)? {
        Ok(()) => Ok(see_other(&format!(
            "/beteiligung/{slug}/umfragen/{id}?hinweis=umfrage-geaendert"
        ))),
        Err(errors) => {
            let answered = errors.get("questions") == Some("survey-error-answered");
            let form = FormPage {
                heading: ctx.t("survey-edit"),
                action: format!("/beteiligung/{slug}/umfragen/{id}/bearbeiten"),
                submit: ctx.t("survey-save"),
                answered,
                process: p.process,
                errors: ShownErrors::none(),
                problems: Vec::new(),
                title: input.title,
                description: input.description,
                questions: input.questions,
                ctx,
            };
            page_with_status(StatusCode::UNPROCESSABLE_ENTITY, &form.with_errors(&errors))
        }
    }
}

async fn close(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    surveys::close(&state.db, &me, p.process.id, id).await?;
    Ok(see_other(&format!(
        "/beteiligung/{slug}/umfragen/{id}/ergebnisse?hinweis=umfrage-abgeschlossen"
    )))
}

async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, id)): Path<(String, i64)>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let s = surveys::get(&state.db, p.process.id, id).await?;
    let key = state.config.secret_key.expose().as_bytes().to_vec();
    // A pseudonym per person and survey: answer sets stay apart from the
    // person's public contributions (whose export pseudonym differs).
    let pseudonym = move |user_id: i64| {
        format!(
            "R-{}",
            &dias_core::crypto::sign(&key, &format!("respondent:{id}:{user_id}"))[..10]
        )
    };
    let body = surveys::answers_csv(&state.db, &s, pseudonym)
        .await
        .map_err(AppError::Internal)?;
    dias_core::audit::record(
        &state.db,
        Some(me.user_id),
        "survey.exported",
        "survey",
        Some(&id.to_string()),
        serde_json::json!({ "process_id": p.process.id }),
    )
    .await?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) =
        HeaderValue::from_str(&format!("attachment; filename=\"{slug}-umfrage-{id}.csv\""))
    {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
