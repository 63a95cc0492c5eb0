//! Surveys (Umfrage): ordered questions of five kinds — single choice,
//! multiple choice, free text, scale (min..max) and matrix (rows × columns) —
//! each optionally required. A participant (verified account) has at most
//! one answer set per survey and may change it while the survey is open.
//!
//! A survey is **open** while the current phase has the `survey` switch on
//! and staff have not closed it. It is **closed** once staff close it or
//! when every phase with the switch is over; then everyone sees the results
//! (staff see them always, and the free-text answers only they see).
//!
//! Staff enter questions in a plain-text format (see [`parse_questions`]):
//!
//! ```text
//! einfach*: Wie oft nutzen Sie Online-Dienste?
//! - Nie
//! - Manchmal
//! - Oft
//!
//! skala 1-5: Wie zufrieden sind Sie?
//!
//! matrix: Wie wichtig sind Ihnen diese Ziele?
//! > Glasfaser
//! > Mobilfunk
//! - wichtig
//! - unwichtig
//!
//! text: Was fehlt Ihnen?
//! ```
//!
//! A header line `Art: Fragetext` starts a question (`einfach`, `mehrfach`,
//! `text`, `skala A-B`, `matrix`, or the English `single`, `multiple`,
//! `scale A-B`); `*` after the kind makes it required; `- ` lines are the
//! choices (a matrix's columns), `> ` lines a matrix's rows. Problems are
//! reported with their line.
//!
//! Answers store option indexes, so a survey's questions can be changed
//! only until the first answer arrives ([`update`]); afterwards staff can
//! still correct the title and description.

use std::collections::{BTreeMap, HashMap};

use dias_core::policy::Principal;
use dias_core::validation::{FieldErrors, required_text};
use dias_core::{CoreError, CoreResult};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::domain::Feature;
use crate::entities::{survey, survey_answer, survey_question, survey_response};
use crate::store::ProcessWithPhases;

/// Most questions of one survey.
pub const MAX_QUESTIONS: usize = 50;
/// Most choices, columns or rows of one question.
pub const MAX_OPTIONS: usize = 20;
/// Widest scale (number of points).
pub const MAX_SCALE_POINTS: i32 = 11;
/// Longest question text, in characters.
pub const QUESTION_MAX: usize = 1_000;
/// Longest choice or row label, in characters.
pub const OPTION_MAX: usize = 300;
/// Longest free-text answer, in characters.
pub const ANSWER_MAX: usize = 5_000;

// ------------------------------------------------------------------ questions

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Single,
    Multiple,
    Text,
    Scale,
    Matrix,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Single,
        Kind::Multiple,
        Kind::Text,
        Kind::Scale,
        Kind::Matrix,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Single => "single",
            Kind::Multiple => "multiple",
            Kind::Text => "text",
            Kind::Scale => "scale",
            Kind::Matrix => "matrix",
        }
    }

    pub fn parse(value: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// The keyword of the plain-text format (German or English).
    fn from_keyword(word: &str) -> Option<Kind> {
        match word {
            "einfach" | "single" => Some(Kind::Single),
            "mehrfach" | "multiple" => Some(Kind::Multiple),
            "text" | "freitext" => Some(Kind::Text),
            "skala" | "scale" => Some(Kind::Scale),
            "matrix" => Some(Kind::Matrix),
            _ => None,
        }
    }

    fn has_options(self) -> bool {
        matches!(self, Kind::Single | Kind::Multiple | Kind::Matrix)
    }
}

/// A question as entered or stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// 0 until stored.
    pub id: i64,
    pub kind: Kind,
    pub text: String,
    pub required: bool,
    /// Choices, or a matrix's columns.
    pub options: Vec<String>,
    /// A matrix's rows.
    pub rows: Vec<String>,
    /// A scale's range (inclusive); (0, 0) for other kinds.
    pub scale: (i32, i32),
}

impl Question {
    pub fn from_model(m: &survey_question::Model) -> Option<Question> {
        let list = |json: &str| serde_json::from_str::<Vec<String>>(json).unwrap_or_default();
        Some(Question {
            id: m.id,
            kind: Kind::parse(&m.kind)?,
            text: m.text.clone(),
            required: m.required,
            options: list(&m.options_json),
            rows: list(&m.rows_json),
            scale: (m.scale_min.unwrap_or(0), m.scale_max.unwrap_or(0)),
        })
    }

    /// The form field of the question (or of a matrix row).
    pub fn field(&self) -> String {
        format!("q{}", self.id)
    }

    pub fn row_field(&self, row: usize) -> String {
        format!("q{}-r{row}", self.id)
    }

    /// The scale's values in order.
    pub fn scale_values(&self) -> Vec<i32> {
        (self.scale.0..=self.scale.1).collect()
    }
}

/// A problem in the plain-text question format, with its line (1-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatProblem {
    pub line: usize,
    /// A message id.
    pub message: &'static str,
}

/// Parses questions in the plain-text format described in the module docs.
/// Returns the questions and every problem found; a caller stores nothing
/// while there are problems.
pub fn parse_questions(input: &str) -> (Vec<Question>, Vec<FormatProblem>) {
    let mut questions: Vec<(usize, Question)> = Vec::new();
    let mut problems = Vec::new();
    let mut problem = |line: usize, message: &'static str| {
        problems.push(FormatProblem { line, message });
    };
    // After a header that could not be read, its choices and rows are
    // skipped rather than attached to the question before it.
    let mut in_bad_question = false;
    for (i, raw) in input.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if in_bad_question && (line.starts_with('-') || line.starts_with('>')) {
            continue;
        }
        if let Some(rest) = line.strip_prefix('-') {
            let label = rest.trim();
            let Some((_, q)) = questions.last_mut() else {
                problem(line_no, "survey-format-option-without-question");
                continue;
            };
            if !q.kind.has_options() {
                problem(line_no, "survey-format-option-not-allowed");
            } else if label.is_empty() {
                problem(line_no, "survey-format-empty-option");
            } else if label.chars().count() > OPTION_MAX {
                problem(line_no, "survey-format-option-too-long");
            } else {
                q.options.push(label.to_owned());
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix('>') {
            let label = rest.trim();
            let Some((_, q)) = questions.last_mut() else {
                problem(line_no, "survey-format-option-without-question");
                continue;
            };
            if q.kind != Kind::Matrix {
                problem(line_no, "survey-format-row-not-matrix");
            } else if label.is_empty() {
                problem(line_no, "survey-format-empty-option");
            } else if label.chars().count() > OPTION_MAX {
                problem(line_no, "survey-format-option-too-long");
            } else {
                q.rows.push(label.to_owned());
            }
            continue;
        }
        in_bad_question = true;
        let Some((head, text)) = line.split_once(':') else {
            problem(line_no, "survey-format-expected-question");
            continue;
        };
        let head = head.trim().to_lowercase();
        // "skala* 1-5" and "skala 1-5*" both mark a required scale.
        let required = head.contains('*');
        let head = head.replace('*', " ");
        let mut words = head.split_whitespace();
        let Some(kind) = words.next().and_then(Kind::from_keyword) else {
            problem(line_no, "survey-format-unknown-kind");
            continue;
        };
        let range = words.collect::<Vec<_>>().join("");
        let scale = match kind {
            Kind::Scale if range.is_empty() => (1, 5),
            Kind::Scale => match parse_range(&range) {
                Some(r) => r,
                None => {
                    problem(line_no, "survey-format-scale-range");
                    (1, 5)
                }
            },
            _ => {
                if !range.is_empty() {
                    problem(line_no, "survey-format-unknown-kind");
                }
                (0, 0)
            }
        };
        in_bad_question = false;
        let text = text.trim();
        if text.is_empty() {
            problem(line_no, "survey-format-question-text-missing");
        } else if text.chars().count() > QUESTION_MAX {
            problem(line_no, "survey-format-question-too-long");
        }
        questions.push((
            line_no,
            Question {
                id: 0,
                kind,
                text: text.to_owned(),
                required,
                options: Vec::new(),
                rows: Vec::new(),
                scale,
            },
        ));
    }
    for (line, q) in &questions {
        if q.kind.has_options() && q.options.len() < 2 {
            problem(*line, "survey-format-too-few-options");
        }
        if q.kind == Kind::Matrix && q.rows.is_empty() {
            problem(*line, "survey-format-no-rows");
        }
        if q.options.len() > MAX_OPTIONS || q.rows.len() > MAX_OPTIONS {
            problem(*line, "survey-format-too-many-options");
        }
    }
    if questions.len() > MAX_QUESTIONS {
        problem(
            questions.get(MAX_QUESTIONS).map_or(1, |(l, _)| *l),
            "survey-format-too-many-questions",
        );
    }
    problems.sort_by_key(|p| p.line);
    (questions.into_iter().map(|(_, q)| q).collect(), problems)
}

/// The questions in the plain-text format, with the German keywords: what
/// the edit form shows. [`parse_questions`] reads it back to the same
/// questions.
pub fn questions_text(questions: &[Question]) -> String {
    let mut out = String::new();
    for (i, q) in questions.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let star = if q.required { "*" } else { "" };
        let head = match q.kind {
            Kind::Single => format!("einfach{star}"),
            Kind::Multiple => format!("mehrfach{star}"),
            Kind::Text => format!("text{star}"),
            Kind::Scale => format!("skala{star} {}-{}", q.scale.0, q.scale.1),
            Kind::Matrix => format!("matrix{star}"),
        };
        out.push_str(&format!("{head}: {}\n", q.text));
        for row in &q.rows {
            out.push_str(&format!("> {row}\n"));
        }
        for option in &q.options {
            out.push_str(&format!("- {option}\n"));
        }
    }
    out
}

/// "1-5" (also "0–10" with a dash); at most [`MAX_SCALE_POINTS`] points.
fn parse_range(text: &str) -> Option<(i32, i32)> {
    let text = text.replace(['–', '—'], "-");
    // A leading minus belongs to the first number.
    let split = text.char_indices().skip(1).find(|(_, c)| *c == '-')?.0;
    let min: i32 = text[..split].trim().parse().ok()?;
    let max: i32 = text[split + 1..].trim().parse().ok()?;
    (min < max && max - min < MAX_SCALE_POINTS).then_some((min, max))
}

// ------------------------------------------------------------------ state

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SurveyState {
    /// Not (yet) open: no current phase with the survey switch.
    NotOpen,
    Open,
    /// Closed by staff, or every survey phase is over.
    Closed,
}

impl SurveyState {
    pub fn key(self) -> &'static str {
        match self {
            SurveyState::NotOpen => "survey-state-not-open",
            SurveyState::Open => "survey-state-open",
            SurveyState::Closed => "survey-state-closed",
        }
    }
}

/// The state from the facts: closed by staff, open by the current phase,
/// and the ends of all phases that have the survey switch.
pub fn survey_state(
    closed_by_staff: bool,
    phase_open: bool,
    survey_phase_ends: &[i64],
    now: i64,
) -> SurveyState {
    if closed_by_staff {
        SurveyState::Closed
    } else if phase_open {
        SurveyState::Open
    } else if !survey_phase_ends.is_empty() && survey_phase_ends.iter().all(|&end| end <= now) {
        SurveyState::Closed
    } else {
        SurveyState::NotOpen
    }
}

pub fn state_of(s: &survey::Model, process: &ProcessWithPhases) -> SurveyState {
    let ends: Vec<i64> = process
        .phases
        .iter()
        .filter(|p| p.survey)
        .map(|p| p.ends_at)
        .collect();
    survey_state(
        s.closed_at.is_some(),
        process.is_open(Feature::Survey),
        &ends,
        dias_core::time::now(),
    )
}

// ------------------------------------------------------------------ answers

/// One stored answer: a choice (option or column index, or scale value) or
/// a free text, for a question and a matrix row (0 otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub question_id: i64,
    pub row_no: i32,
    pub choice: Option<i32>,
    pub text: Option<String>,
}

/// Submitted form values by field name (several for multiple choice).
pub type FormValues = HashMap<String, Vec<String>>;

pub fn form_values(pairs: Vec<(String, String)>) -> FormValues {
    let mut out: FormValues = HashMap::new();
    for (k, v) in pairs {
        if k.starts_with('q') {
            out.entry(k).or_default().push(v);
        }
    }
    out
}

fn non_empty<'a>(values: &'a FormValues, field: &str) -> Vec<&'a str> {
    values
        .get(field)
        .map(|v| {
            v.iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// One choice among `count` options: Ok(None) when nothing was chosen.
fn one_choice(values: &[&str], count: usize) -> Result<Option<i32>, &'static str> {
    match values {
        [] => Ok(None),
        [one] => match one.parse::<usize>() {
            Ok(i) if i < count => Ok(Some(i as i32)),
            _ => Err("survey-error-invalid-choice"),
        },
        _ => Err("survey-error-invalid-choice"),
    }
}

/// Checks a submitted answer set against the questions: required questions
/// answered, choices from the list, scale values in range, texts not too
/// long. Errors name the field of the question (or matrix row).
pub fn validate_answers(
    questions: &[Question],
    values: &FormValues,
) -> Result<Vec<Answer>, FieldErrors> {
    let mut errors = FieldErrors::new();
    let mut out = Vec::new();
    for q in questions {
        let field = q.field();
        let given = non_empty(values, &field);
        match q.kind {
            Kind::Single => match one_choice(&given, q.options.len()) {
                Ok(Some(choice)) => out.push(choice_answer(q, 0, choice)),
                Ok(None) if q.required => errors.add(&field, "survey-error-required"),
                Ok(None) => {}
                Err(message) => errors.add(&field, message),
            },
            Kind::Multiple => {
                let mut chosen: Vec<i32> = Vec::new();
                let mut invalid = false;
                for v in &given {
                    match v.parse::<usize>() {
                        Ok(i) if i < q.options.len() => {
                            if !chosen.contains(&(i as i32)) {
                                chosen.push(i as i32);
                            }
                        }
                        _ => invalid = true,
                    }
                }
                if invalid {
                    errors.add(&field, "survey-error-invalid-choice");
                } else if chosen.is_empty() && q.required {
                    errors.add(&field, "survey-error-required");
                } else {
                    chosen.sort_unstable();
                    out.extend(chosen.into_iter().map(|c| choice_answer(q, 0, c)));
                }
            }
            Kind::Scale => match given.as_slice() {
                [] if q.required => errors.add(&field, "survey-error-required"),
                [] => {}
                [one] => match one.parse::<i32>() {
                    Ok(v) if (q.scale.0..=q.scale.1).contains(&v) => {
                        out.push(choice_answer(q, 0, v))
                    }
                    Ok(_) => errors.add(&field, "survey-error-out-of-range"),
                    Err(_) => errors.add(&field, "survey-error-invalid-choice"),
                },
                _ => errors.add(&field, "survey-error-invalid-choice"),
            },
            Kind::Text => {
                let text = given.join("\n");
                if text.is_empty() {
                    if q.required {
                        errors.add(&field, "survey-error-required");
                    }
                } else if text.chars().count() > ANSWER_MAX {
                    errors.add(&field, "error-too-long");
                } else {
                    out.push(Answer {
                        question_id: q.id,
                        row_no: 0,
                        choice: None,
                        text: Some(text),
                    });
                }
            }
            Kind::Matrix => {
                for row in 0..q.rows.len() {
                    let row_field = q.row_field(row);
                    match one_choice(&non_empty(values, &row_field), q.options.len()) {
                        Ok(Some(choice)) => out.push(choice_answer(q, row as i32, choice)),
                        Ok(None) if q.required => errors.add(&row_field, "survey-error-required"),
                        Ok(None) => {}
                        Err(message) => errors.add(&row_field, message),
                    }
                }
            }
        }
    }
    errors.into_result()?;
    Ok(out)
}

fn choice_answer(q: &Question, row: i32, choice: i32) -> Answer {
    Answer {
        question_id: q.id,
        row_no: row,
        choice: Some(choice),
        text: None,
    }
}

/// Stored answers as form values again (to show a participant's answers).
pub fn answers_to_values(questions: &[Question], answers: &[survey_answer::Model]) -> FormValues {
    let by_id: HashMap<i64, &Question> = questions.iter().map(|q| (q.id, q)).collect();
    let mut out: FormValues = HashMap::new();
    for a in answers {
        let Some(q) = by_id.get(&a.question_id) else {
            continue;
        };
        let field = if q.kind == Kind::Matrix {
            q.row_field(Ord::max(a.row_no, 0) as usize)
        } else {
            q.field()
        };
        let value = match (&a.text, a.choice) {
            (Some(text), _) => text.clone(),
            (None, Some(choice)) => choice.to_string(),
            (None, None) => continue,
        };
        out.entry(field).or_default().push(value);
    }
    out
}

// ------------------------------------------------------------------ store

/// A survey with its questions in order.
#[derive(Debug, Clone)]
pub struct SurveyWithQuestions {
    pub survey: survey::Model,
    pub questions: Vec<Question>,
}

pub async fn list(db: &DatabaseConnection, process_id: i64) -> Result<Vec<survey::Model>, DbErr> {
    survey::Entity::find()
        .filter(survey::Column::ProcessId.eq(process_id))
        .order_by_desc(survey::Column::Id)
        .all(db)
        .await
}

/// Answer sets per survey, in one query.
pub async fn response_counts(
    db: &DatabaseConnection,
    ids: &[i64],
) -> Result<HashMap<i64, i64>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    #[derive(Debug, FromQueryResult)]
    struct Row {
        survey_id: i64,
        count: i64,
    }
    Ok(survey_response::Entity::find()
        .select_only()
        .column(survey_response::Column::SurveyId)
        .column_as(survey_response::Column::Id.count(), "count")
        .filter(survey_response::Column::SurveyId.is_in(ids.to_vec()))
        .group_by(survey_response::Column::SurveyId)
        .into_model::<Row>()
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.survey_id, r.count))
        .collect())
}

pub async fn get<C: ConnectionTrait>(
    db: &C,
    process_id: i64,
    id: i64,
) -> CoreResult<SurveyWithQuestions> {
    let survey = survey::Entity::find_by_id(id)
        .one(db)
        .await?
        .filter(|s| s.process_id == process_id)
        .ok_or(CoreError::NotFound)?;
    let questions = survey_question::Entity::find()
        .filter(survey_question::Column::SurveyId.eq(id))
        .order_by_asc(survey_question::Column::Position)
        .all(db)
        .await?
        .iter()
        .filter_map(Question::from_model)
        .collect();
    Ok(SurveyWithQuestions { survey, questions })
}

/// What staff enter for a new survey.
#[derive(Debug, Clone, Default)]
pub struct SurveyInput {
    pub title: String,
    pub description: String,
    pub questions: String,
}

/// Checks the form; problems of the question format come back as a
/// `questions` field error (the caller shows the lines from
/// [`parse_questions`]).
fn validate_input(input: &SurveyInput) -> Result<(String, String, Vec<Question>), FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = required_text(&mut errors, "title", &input.title, 200);
    let description = input.description.trim().to_owned();
    if description.chars().count() > 20_000 {
        errors.add("description", "error-too-long");
    }
    let (questions, problems) = parse_questions(&input.questions);
    if !problems.is_empty() {
        errors.add("questions", "survey-error-format");
    } else if questions.is_empty() {
        errors.add("questions", "survey-error-no-questions");
    }
    errors.into_result()?;
    Ok((title, description, questions))
}

/// Creates a survey.
pub async fn create(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    input: &SurveyInput,
) -> CoreResult<i64> {
    let (title, description, questions) = validate_input(input)?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    let created = survey::ActiveModel {
        process_id: Set(process_id),
        title: Set(title),
        description_md: Set(description),
        closed_at: Set(None),
        created_by: Set(who.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let rows: Vec<survey_question::ActiveModel> = questions
        .iter()
        .enumerate()
        .map(|(i, q)| question_row(created.id, i, q))
        .collect();
    survey_question::Entity::insert_many(rows)
        .exec(&txn)
        .await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "survey.created",
        "survey",
        Some(&created.id.to_string()),
        serde_json::json!({ "process_id": process_id, "questions": questions.len() }),
    )
    .await?;
    txn.commit().await?;
    Ok(created.id)
}

/// Staff change a survey. Title and description always; the questions only
/// while nobody has answered (answers refer to the questions and their
/// options by position), otherwise a `questions` field error.
pub async fn update(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    id: i64,
    input: &SurveyInput,
) -> CoreResult<()> {
    get(db, process_id, id).await?;
    let (title, description, questions) = validate_input(input)?;
    let txn = dias_core::db::begin_write(db).await?;
    // Lock the row first, then compare with what is stored now: a second
    // edit or a submit in between is seen, not overwritten.
    survey::Entity::update_many()
        .col_expr(survey::Column::Id, Expr::col(survey::Column::Id))
        .filter(survey::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let current = get(&txn, process_id, id).await?;
    let unchanged = |a: &Question, b: &Question| Question { id: 0, ..a.clone() } == *b;
    let same_questions = current.questions.len() == questions.len()
        && current
            .questions
            .iter()
            .zip(&questions)
            .all(|(a, b)| unchanged(a, b));
    // A new value on every edit (also twice in one second): answer forms
    // carry the value they were made from (see `submit`).
    let revision = std::cmp::max(dias_core::time::now(), current.survey.updated_at + 1);
    survey::Entity::update_many()
        .col_expr(survey::Column::Title, Expr::value(title))
        .col_expr(survey::Column::DescriptionMd, Expr::value(description))
        .col_expr(survey::Column::UpdatedAt, Expr::value(revision))
        .filter(survey::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    if !same_questions {
        let answered = survey_response::Entity::find()
            .filter(survey_response::Column::SurveyId.eq(id))
            .count(&txn)
            .await?
            > 0;
        if answered {
            return Err(FieldErrors::single("questions", "survey-error-answered").into());
        }
        survey_question::Entity::delete_many()
            .filter(survey_question::Column::SurveyId.eq(id))
            .exec(&txn)
            .await?;
        let rows: Vec<survey_question::ActiveModel> = questions
            .iter()
            .enumerate()
            .map(|(i, q)| question_row(id, i, q))
            .collect();
        survey_question::Entity::insert_many(rows)
            .exec(&txn)
            .await?;
    }
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "survey.updated",
        "survey",
        Some(&id.to_string()),
        serde_json::json!({ "process_id": process_id, "questions_changed": !same_questions }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

fn question_row(survey_id: i64, position: usize, q: &Question) -> survey_question::ActiveModel {
    let json = |v: &Vec<String>| serde_json::to_string(v).unwrap_or_else(|_| "[]".into());
    let scale = q.kind == Kind::Scale;
    survey_question::ActiveModel {
        survey_id: Set(survey_id),
        position: Set(position as i32 + 1),
        kind: Set(q.kind.as_str().to_owned()),
        text: Set(q.text.clone()),
        required: Set(q.required),
        options_json: Set(json(&q.options)),
        rows_json: Set(json(&q.rows)),
        scale_min: Set(scale.then_some(q.scale.0)),
        scale_max: Set(scale.then_some(q.scale.1)),
        ..Default::default()
    }
}

/// Staff close a survey: no more answers, results public.
pub async fn close(
    db: &DatabaseConnection,
    who: &Principal,
    process_id: i64,
    id: i64,
) -> CoreResult<()> {
    let s = get(db, process_id, id).await?.survey;
    if s.closed_at.is_some() {
        return Err(CoreError::Conflict("survey-already-closed".into()));
    }
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    survey::Entity::update_many()
        .col_expr(survey::Column::ClosedAt, Expr::value(now))
        .col_expr(survey::Column::UpdatedAt, Expr::value(now))
        .filter(survey::Column::Id.eq(s.id))
        .filter(survey::Column::ClosedAt.is_null())
        .exec(&txn)
        .await?;
    dias_core::audit::record(
        &txn,
        Some(who.user_id),
        "survey.closed",
        "survey",
        Some(&s.id.to_string()),
        serde_json::json!({ "process_id": process_id }),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The person's answer set, if any.
pub async fn response_of(
    db: &DatabaseConnection,
    survey_id: i64,
    user_id: i64,
) -> Result<Option<(survey_response::Model, Vec<survey_answer::Model>)>, DbErr> {
    let Some(response) = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey_id))
        .filter(survey_response::Column::UserId.eq(user_id))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let answers = survey_answer::Entity::find()
        .filter(survey_answer::Column::ResponseId.eq(response.id))
        .order_by_asc(survey_answer::Column::Id)
        .all(db)
        .await?;
    Ok(Some((response, answers)))
}

/// Stores the person's answer set, replacing an earlier one. Refused
/// (nothing stored) unless the survey is open; invalid answers come back
/// as field errors.
pub async fn submit(
    db: &DatabaseConnection,
    who: &Principal,
    process: &ProcessWithPhases,
    s: &SurveyWithQuestions,
    revision: i64,
    values: &FormValues,
) -> CoreResult<()> {
    // The form was made from other questions: its fields do not fit.
    if revision != s.survey.updated_at {
        return Err(CoreError::Conflict("survey-changed".into()));
    }
    match state_of(&s.survey, process) {
        SurveyState::Open => {}
        SurveyState::Closed => return Err(CoreError::Conflict("survey-closed".into())),
        SurveyState::NotOpen => process.require_open(Feature::Survey)?,
    }
    let answers = validate_answers(&s.questions, values)?;
    let now = dias_core::time::now();
    let txn = dias_core::db::begin_write(db).await?;
    // Locks the survey against a concurrent edit of its questions, and
    // finds out whether one happened since the questions were loaded.
    let unchanged = survey::Entity::update_many()
        .col_expr(survey::Column::Id, Expr::col(survey::Column::Id))
        .filter(survey::Column::Id.eq(s.survey.id))
        .filter(survey::Column::UpdatedAt.eq(revision))
        .filter(survey::Column::ClosedAt.is_null())
        .exec(&txn)
        .await?;
    if unchanged.rows_affected == 0 {
        let closed = survey::Entity::find_by_id(s.survey.id)
            .one(&txn)
            .await?
            .is_none_or(|now| now.closed_at.is_some());
        let key = if closed {
            "survey-closed"
        } else {
            "survey-changed"
        };
        return Err(CoreError::Conflict(key.into()));
    }
    // The person's one answer set: created if missing (a double submit's
    // second insert does nothing instead of failing), then locked by the
    // update, so two submits replace the answers one after the other.
    survey_response::Entity::insert(survey_response::ActiveModel {
        survey_id: Set(s.survey.id),
        user_id: Set(who.user_id),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            survey_response::Column::SurveyId,
            survey_response::Column::UserId,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(&txn)
    .await?;
    survey_response::Entity::update_many()
        .col_expr(survey_response::Column::UpdatedAt, Expr::value(now))
        .filter(survey_response::Column::SurveyId.eq(s.survey.id))
        .filter(survey_response::Column::UserId.eq(who.user_id))
        .exec(&txn)
        .await?;
    let response_id = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(s.survey.id))
        .filter(survey_response::Column::UserId.eq(who.user_id))
        .one(&txn)
        .await?
        .ok_or(CoreError::NotFound)?
        .id;
    survey_answer::Entity::delete_many()
        .filter(survey_answer::Column::ResponseId.eq(response_id))
        .exec(&txn)
        .await?;
    let rows: Vec<survey_answer::ActiveModel> = answers
        .into_iter()
        .map(|a| answer_row(s.survey.id, response_id, a))
        .collect();
    for chunk in rows.chunks(500) {
        survey_answer::Entity::insert_many(chunk.to_vec())
            .exec(&txn)
            .await?;
    }
    txn.commit().await?;
    Ok(())
}

fn answer_row(survey_id: i64, response_id: i64, a: Answer) -> survey_answer::ActiveModel {
    survey_answer::ActiveModel {
        survey_id: Set(survey_id),
        response_id: Set(response_id),
        question_id: Set(a.question_id),
        row_no: Set(a.row_no),
        choice: Set(a.choice),
        text: Set(a.text),
        ..Default::default()
    }
}

// ------------------------------------------------------------------ results

/// Counts of a survey: answer sets, and per question (and matrix row) how
/// many answered and how often each choice was taken.
#[derive(Debug, Clone, Default)]
pub struct Results {
    pub responses: i64,
    /// (question, row) → answer sets that answered it.
    pub answered: HashMap<(i64, i32), i64>,
    /// (question, row, choice) → count.
    pub counts: HashMap<(i64, i32, i32), i64>,
}

impl Results {
    pub fn answered(&self, question: i64, row: i32) -> i64 {
        self.answered.get(&(question, row)).copied().unwrap_or(0)
    }
    pub fn count(&self, question: i64, row: i32, choice: i32) -> i64 {
        self.counts
            .get(&(question, row, choice))
            .copied()
            .unwrap_or(0)
    }
    /// How many answer sets answered the question at all (any row).
    pub fn answered_question(&self, q: &Question) -> i64 {
        if q.kind == Kind::Matrix {
            (0..q.rows.len() as i32)
                .map(|r| self.answered(q.id, r))
                .max()
                .unwrap_or(0)
        } else {
            self.answered(q.id, 0)
        }
    }
}

/// Whole-number percentage of `part` in `whole` (0 when `whole` is 0).
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        0
    } else {
        (part * 100 + whole / 2) / whole
    }
}

/// The results of a survey in three queries, whatever its size.
pub async fn results(db: &DatabaseConnection, survey_id: i64) -> Result<Results, DbErr> {
    #[derive(Debug, FromQueryResult)]
    struct Count {
        question_id: i64,
        row_no: i32,
        choice: i32,
        count: i64,
    }
    #[derive(Debug, FromQueryResult)]
    struct Answered {
        question_id: i64,
        row_no: i32,
        count: i64,
    }
    let responses = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(survey_id))
        .count(db)
        .await? as i64;
    let counts = survey_answer::Entity::find()
        .select_only()
        .column(survey_answer::Column::QuestionId)
        .column(survey_answer::Column::RowNo)
        .column(survey_answer::Column::Choice)
        .column_as(survey_answer::Column::Id.count(), "count")
        .filter(survey_answer::Column::SurveyId.eq(survey_id))
        .filter(survey_answer::Column::Choice.is_not_null())
        .group_by(survey_answer::Column::QuestionId)
        .group_by(survey_answer::Column::RowNo)
        .group_by(survey_answer::Column::Choice)
        .into_model::<Count>()
        .all(db)
        .await?;
    let answered = survey_answer::Entity::find()
        .select_only()
        .column(survey_answer::Column::QuestionId)
        .column(survey_answer::Column::RowNo)
        .column_as(
            Expr::col(survey_answer::Column::ResponseId).count_distinct(),
            "count",
        )
        .filter(survey_answer::Column::SurveyId.eq(survey_id))
        .group_by(survey_answer::Column::QuestionId)
        .group_by(survey_answer::Column::RowNo)
        .into_model::<Answered>()
        .all(db)
        .await?;
    Ok(Results {
        responses,
        answered: answered
            .into_iter()
            .map(|a| ((a.question_id, a.row_no), a.count))
            .collect(),
        counts: counts
            .into_iter()
            .map(|c| ((c.question_id, c.row_no, c.choice), c.count))
            .collect(),
    })
}

/// Free-text answers per question, newest first, at most `limit` each
/// (staff only: free texts may identify people).
pub async fn free_texts(
    db: &DatabaseConnection,
    s: &SurveyWithQuestions,
    limit: usize,
) -> Result<HashMap<i64, Vec<String>>, DbErr> {
    let ids: Vec<i64> = s
        .questions
        .iter()
        .filter(|q| q.kind == Kind::Text)
        .map(|q| q.id)
        .collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let mut out: HashMap<i64, Vec<String>> = HashMap::new();
    for a in survey_answer::Entity::find()
        .filter(survey_answer::Column::SurveyId.eq(s.survey.id))
        .filter(survey_answer::Column::QuestionId.is_in(ids))
        .filter(survey_answer::Column::Text.is_not_null())
        .order_by_desc(survey_answer::Column::Id)
        .all(db)
        .await?
    {
        let list = out.entry(a.question_id).or_default();
        if list.len() < limit
            && let Some(text) = a.text
        {
            list.push(text);
        }
    }
    Ok(out)
}

// ------------------------------------------------------------------ export

/// All answer sets as CSV, one row per set: the respondent's pseudonym, the
/// time of the last change, then one column per question (a matrix: one per
/// row). Choices are written as their labels; several are joined by "; ".
pub async fn answers_csv(
    db: &DatabaseConnection,
    s: &SurveyWithQuestions,
    pseudonym: impl Fn(i64) -> String,
) -> Result<Vec<u8>, String> {
    let responses = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(s.survey.id))
        .order_by_asc(survey_response::Column::Id)
        .all(db)
        .await
        .map_err(|e| e.to_string())?;
    let mut by_response: HashMap<i64, Vec<survey_answer::Model>> = HashMap::new();
    for a in survey_answer::Entity::find()
        .filter(survey_answer::Column::SurveyId.eq(s.survey.id))
        .order_by_asc(survey_answer::Column::Id)
        .all(db)
        .await
        .map_err(|e| e.to_string())?
    {
        by_response.entry(a.response_id).or_default().push(a);
    }
    // Columns: (question index, row) in question order.
    let mut columns: Vec<(usize, i32, String)> = Vec::new();
    for (i, q) in s.questions.iter().enumerate() {
        if q.kind == Kind::Matrix {
            for (r, row) in q.rows.iter().enumerate() {
                columns.push((i, r as i32, format!("F{} {} – {}", i + 1, q.text, row)));
            }
        } else {
            columns.push((i, 0, format!("F{} {}", i + 1, q.text)));
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["respondent".to_owned(), "updated_at".to_owned()];
    header.extend(columns.iter().map(|(_, _, h)| h.clone()));
    writer.write_record(&header).map_err(|e| e.to_string())?;
    let index: HashMap<i64, usize> = s
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id, i))
        .collect();
    for r in &responses {
        let mut cells: BTreeMap<(usize, i32), Vec<String>> = BTreeMap::new();
        for a in by_response.get(&r.id).into_iter().flatten() {
            let Some(&qi) = index.get(&a.question_id) else {
                continue;
            };
            let q = &s.questions[qi];
            let value = match (&a.text, a.choice) {
                // Free text is guarded against spreadsheet formulas.
                (Some(text), _) => dias_web::table::guard_formula(text).into_owned(),
                (None, Some(c)) if q.kind == Kind::Scale => c.to_string(),
                (None, Some(c)) => q
                    .options
                    .get(Ord::max(c, 0) as usize)
                    .cloned()
                    .unwrap_or_else(|| c.to_string()),
                (None, None) => continue,
            };
            cells.entry((qi, a.row_no)).or_default().push(value);
        }
        let mut record = vec![
            pseudonym(r.user_id),
            dias_core::time::format_rfc3339(r.updated_at),
        ];
        record.extend(columns.iter().map(|(qi, row, _)| {
            cells
                .get(&(*qi, *row))
                .map(|v| v.join("; "))
                .unwrap_or_default()
        }));
        writer.write_record(&record).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// The surveys of a process as rows of the process export (answer sets in
/// `supports`; the answers themselves are in the survey's own CSV).
pub async fn export_rows(
    db: &DatabaseConnection,
    process_id: i64,
) -> Result<Vec<crate::export::Row>, DbErr> {
    let surveys = list(db, process_id).await?;
    let counts = response_counts(db, &surveys.iter().map(|s| s.id).collect::<Vec<_>>()).await?;
    Ok(surveys
        .into_iter()
        .rev()
        .map(|s| crate::export::Row {
            kind: "survey",
            id: s.id,
            created_at: dias_core::time::format_rfc3339(s.created_at),
            title: s.title,
            text: s.description_md,
            status: if s.closed_at.is_some() {
                "closed".into()
            } else {
                "open".into()
            },
            supports: Some(counts.get(&s.id).copied().unwrap_or(0) as i32),
            ..crate::export::Row::default()
        })
        .collect())
}

// ------------------------------------------------------------------ demo

#[derive(serde::Deserialize)]
struct DemoSurvey {
    title: String,
    description: String,
    questions: Vec<DemoQuestion>,
}

#[derive(serde::Deserialize)]
struct DemoQuestion {
    kind: String,
    text: String,
    #[serde(default)]
    options: Vec<String>,
    #[serde(default)]
    rows: Vec<String>,
    scale_min: Option<i32>,
    scale_max: Option<i32>,
}

/// Free-text answers of the demo respondents.
const DEMO_TEXTS: [&str; 12] = [
    "Die Ummeldung nach einem Umzug. Man muss dafür immer noch persönlich ins Bürgeramt, obwohl alle Daten schon vorliegen.",
    "Der Antrag auf Wohngeld. Die Unterlagen sind umfangreich, und der Bearbeitungsstand ist nicht einsehbar.",
    "Die Kfz-Zulassung für Privatpersonen, weil die Termine in unserem Landkreis wochenlang ausgebucht sind.",
    "Baugenehmigungen: Pläne auf Papier in mehreren Ausfertigungen einzureichen ist nicht mehr zeitgemäß.",
    "Die Anmeldung in der Kita. Jede Einrichtung hat ein eigenes Verfahren, ein gemeinsames Portal wäre eine große Hilfe.",
    "Elterngeld, damit man nicht alle Nachweise doppelt schicken muss.",
    "Die Beantragung eines Anwohnerparkausweises.",
    "Gewerbeanmeldung, weil Gründerinnen und Gründer sonst zu viele Wege haben.",
    "Der Schwerbehindertenausweis. Für Betroffene sind Behördengänge besonders beschwerlich.",
    "Anträge auf BAföG für Schülerinnen und Schüler, die gibt es in Sachsen noch nicht überall online.",
    "Die Hundesteuer-Anmeldung, eine Kleinigkeit, aber typisch für viele einfache Vorgänge.",
    "Führungszeugnisse für Ehrenamtliche in Vereinen, die braucht man regelmäßig.",
];

/// The survey of `demo/survey.json`, open in the current phase of the demo
/// process, with generated answer sets of the first `answer_sets` of
/// `respondents`.
pub(crate) async fn seed_demo(
    db: &DatabaseConnection,
    process_id: i64,
    respondents: &[i64],
    staff: i64,
    answer_sets: usize,
) -> Result<String, String> {
    use rand::{Rng, SeedableRng};
    let demo: DemoSurvey = serde_json::from_str(include_str!("../demo/survey.json"))
        .map_err(|e| format!("demo/survey.json: {e}"))?;
    let db_err = |e: DbErr| e.to_string();
    let now = dias_core::time::now();
    // The survey is answered during the phase that is current now.
    use crate::entities::phase;
    phase::Entity::update_many()
        .col_expr(phase::Column::Survey, Expr::value(true))
        .filter(phase::Column::ProcessId.eq(process_id))
        .filter(phase::Column::StartsAt.lte(now))
        .filter(phase::Column::EndsAt.gt(now))
        .exec(db)
        .await
        .map_err(db_err)?;
    let created = survey::ActiveModel {
        process_id: Set(process_id),
        title: Set(demo.title),
        description_md: Set(demo.description),
        closed_at: Set(None),
        created_by: Set(staff),
        created_at: Set(now - 10 * 86_400),
        updated_at: Set(now - 10 * 86_400),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(db_err)?;
    let mut questions = Vec::new();
    for (i, q) in demo.questions.iter().enumerate() {
        let kind = Kind::parse(&q.kind)
            .ok_or_else(|| format!("demo/survey.json: question {} has kind {}", i + 1, q.kind))?;
        questions.push(Question {
            id: 0,
            kind,
            text: q.text.clone(),
            // The first single choice and the scale must be answered.
            required: i == 0 || kind == Kind::Scale,
            options: q.options.clone(),
            rows: q.rows.clone(),
            scale: (q.scale_min.unwrap_or(0), q.scale_max.unwrap_or(0)),
        });
    }
    survey_question::Entity::insert_many(
        questions
            .iter()
            .enumerate()
            .map(|(i, q)| question_row(created.id, i, q))
            .collect::<Vec<_>>(),
    )
    .exec(db)
    .await
    .map_err(db_err)?;
    let stored = get(db, process_id, created.id)
        .await
        .map_err(|e| e.to_string())?;

    let mut rng = rand::rngs::StdRng::seed_from_u64(2028);
    let people: Vec<i64> = respondents.iter().copied().take(answer_sets).collect();
    let response_rows: Vec<survey_response::ActiveModel> = people
        .iter()
        .map(|&user| {
            let at = now - rng.gen_range(0..9 * 86_400);
            survey_response::ActiveModel {
                survey_id: Set(created.id),
                user_id: Set(user),
                created_at: Set(at),
                updated_at: Set(at),
                ..Default::default()
            }
        })
        .collect();
    for chunk in response_rows.chunks(1_000) {
        survey_response::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    let response_ids: Vec<i64> = survey_response::Entity::find()
        .filter(survey_response::Column::SurveyId.eq(created.id))
        .all(db)
        .await
        .map_err(db_err)?
        .into_iter()
        .map(|r| r.id)
        .collect();
    // Answers lean towards the earlier options, so the charts differ.
    fn skewed(rng: &mut rand::rngs::StdRng, n: usize) -> i32 {
        let a = rng.gen_range(0..n.max(1));
        let b = rng.gen_range(0..n.max(1));
        a.min(b) as i32
    }
    let mut answer_rows = Vec::new();
    for &response_id in &response_ids {
        let mut answers = Vec::new();
        for q in &stored.questions {
            match q.kind {
                Kind::Single => {
                    answers.push(choice_answer(q, 0, skewed(&mut rng, q.options.len())))
                }
                Kind::Multiple => {
                    let mut chosen: Vec<i32> = (0..q.options.len() as i32)
                        .filter(|_| rng.gen_bool(0.3))
                        .collect();
                    if chosen.is_empty() {
                        chosen.push(skewed(&mut rng, q.options.len()));
                    }
                    answers.extend(chosen.into_iter().map(|c| choice_answer(q, 0, c)));
                }
                Kind::Scale => {
                    let span = Ord::max(q.scale.1 - q.scale.0 + 1, 1) as usize;
                    answers.push(choice_answer(
                        q,
                        0,
                        q.scale.1 - Ord::min(skewed(&mut rng, span), q.scale.1 - q.scale.0),
                    ));
                }
                Kind::Matrix => {
                    for r in 0..q.rows.len() {
                        answers.push(choice_answer(
                            q,
                            r as i32,
                            skewed(&mut rng, q.options.len()),
                        ));
                    }
                }
                Kind::Text => {
                    if rng.gen_bool(0.4) {
                        answers.push(Answer {
                            question_id: q.id,
                            row_no: 0,
                            choice: None,
                            text: Some(DEMO_TEXTS[rng.gen_range(0..DEMO_TEXTS.len())].into()),
                        });
                    }
                }
            }
        }
        answer_rows.extend(
            answers
                .into_iter()
                .map(|a| answer_row(created.id, response_id, a)),
        );
    }
    for chunk in answer_rows.chunks(2_000) {
        survey_answer::Entity::insert_many(chunk.to_vec())
            .exec(db)
            .await
            .map_err(db_err)?;
    }
    Ok(format!(
        "1 Umfrage mit {} Antwortsätzen",
        response_ids.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_question_text_reads_back_to_the_same_questions() {
        let input = "einfach*: Wie oft? Mit: Doppelpunkt\n- nie\n- oft\n\nmehrfach: Was?\n- A\n- B\n- C\n\nskala -2-2: Wie sehr?\n\nskala* 0-10: Empfehlen?\n\nmatrix*: Wie wichtig?\n> Glasfaser\n> Mobilfunk\n- wichtig\n- unwichtig\n\ntext: Was fehlt?\n";
        let (questions, problems) = parse_questions(input);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(questions.len(), 6);
        let text = questions_text(&questions);
        let (again, problems) = parse_questions(&text);
        assert!(problems.is_empty(), "{problems:?}\n{text}");
        assert_eq!(again, questions);
        assert_eq!(questions_text(&again), text);
        assert!(text.starts_with("einfach*: Wie oft? Mit: Doppelpunkt\n- nie\n"));
        assert!(text.contains("skala -2-2: Wie sehr?\n"));
    }

    #[test]
    fn the_question_format_reads_every_kind() {
        let (qs, problems) = parse_questions(
            "einfach*: Wie oft?\n- nie\n- oft\n\nmehrfach: Was?\n- a\n- b\n- c\nskala 0-10: Wie sehr?\ntext: Warum?\nmatrix*: Wie wichtig?\n> Glasfaser\n> Mobilfunk\n- sehr\n- kaum\n",
        );
        assert!(problems.is_empty(), "{problems:?}");
        let kinds: Vec<Kind> = qs.iter().map(|q| q.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Single,
                Kind::Multiple,
                Kind::Scale,
                Kind::Text,
                Kind::Matrix
            ]
        );
        assert!(qs[0].required && !qs[1].required && qs[4].required);
        assert_eq!(qs[2].scale, (0, 10));
        assert_eq!(qs[4].rows, ["Glasfaser", "Mobilfunk"]);
        assert_eq!(qs[4].options, ["sehr", "kaum"]);
    }

    #[test]
    fn format_problems_name_their_line() {
        let (_, problems) = parse_questions(
            "- ohne Frage\nquiz: Was?\neinfach: Nur eine\n- a\nskala 5-1: Falsch herum\ntext: Frei\n- nicht erlaubt\n> auch nicht\nohne Doppelpunkt\neinfach:\n- a\n- b",
        );
        let got: Vec<(usize, &str)> = problems.iter().map(|p| (p.line, p.message)).collect();
        assert_eq!(
            got,
            [
                (1, "survey-format-option-without-question"),
                (2, "survey-format-unknown-kind"),
                (3, "survey-format-too-few-options"),
                (5, "survey-format-scale-range"),
                (7, "survey-format-option-not-allowed"),
                (8, "survey-format-row-not-matrix"),
                (9, "survey-format-expected-question"),
                (10, "survey-format-question-text-missing"),
            ]
        );
    }

    fn question(id: i64, kind: Kind, required: bool) -> Question {
        Question {
            id,
            kind,
            text: "Frage".into(),
            required,
            options: vec!["a".into(), "b".into(), "c".into()],
            rows: if kind == Kind::Matrix {
                vec!["x".into(), "y".into()]
            } else {
                Vec::new()
            },
            scale: if kind == Kind::Scale { (1, 5) } else { (0, 0) },
        }
    }

    fn values(pairs: &[(&str, &str)]) -> FormValues {
        form_values(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    #[test]
    fn answers_are_checked_against_their_questions() {
        let qs = [
            question(1, Kind::Single, true),
            question(2, Kind::Multiple, false),
            question(3, Kind::Scale, true),
            question(4, Kind::Text, false),
            question(5, Kind::Matrix, true),
        ];
        let ok = validate_answers(
            &qs,
            &values(&[
                ("q1", "2"),
                ("q2", "0"),
                ("q2", "2"),
                ("q3", "5"),
                ("q4", " Mehr Glasfaser "),
                ("q5-r0", "1"),
                ("q5-r1", "0"),
            ]),
        )
        .unwrap();
        assert_eq!(ok.len(), 7);
        assert_eq!(ok[3].choice, Some(5));
        assert_eq!(ok[4].text.as_deref(), Some("Mehr Glasfaser"));

        let err = validate_answers(
            &qs,
            &values(&[("q1", "3"), ("q2", "x"), ("q3", "6"), ("q5-r0", "1")]),
        )
        .unwrap_err();
        assert_eq!(err.get("q1"), Some("survey-error-invalid-choice"));
        assert_eq!(err.get("q2"), Some("survey-error-invalid-choice"));
        assert_eq!(err.get("q3"), Some("survey-error-out-of-range"));
        assert_eq!(err.get("q5-r1"), Some("survey-error-required"));
        assert_eq!(err.get("q4"), None);

        let missing = validate_answers(&qs, &values(&[])).unwrap_err();
        assert_eq!(missing.get("q1"), Some("survey-error-required"));
        assert_eq!(missing.get("q2"), None);
    }

    #[test]
    fn a_survey_closes_by_staff_or_when_its_phases_are_over() {
        assert_eq!(survey_state(true, true, &[100], 50), SurveyState::Closed);
        assert_eq!(survey_state(false, true, &[100], 50), SurveyState::Open);
        assert_eq!(survey_state(false, false, &[100], 50), SurveyState::NotOpen);
        assert_eq!(survey_state(false, false, &[100], 150), SurveyState::Closed);
        assert_eq!(survey_state(false, false, &[], 150), SurveyState::NotOpen);
    }

    #[test]
    fn percentages_round_and_survive_zero() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(5, 0), 0);
    }
}
