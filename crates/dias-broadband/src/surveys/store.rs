//! The tables of market-survey procedures (m0018). Every write that
//! belongs together is one transaction; stored files and uploads are never
//! changed, a new upload or evaluation is a new version.

use dias_core::entities::user;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, Iterable, QueryFilter, QueryOrder, QuerySelect, Select, Set,
};

use super::{NewSurvey, Report, RowProblem};
use crate::entities::{
    broadband_operator_member, broadband_survey, broadband_survey_area, broadband_survey_file,
    broadband_survey_invitation, broadband_survey_result, broadband_survey_upload,
};

/// Kinds of stored files.
pub const FILE_ADDRESSES: &str = "addresses";
pub const FILE_UPLOAD: &str = "upload";
pub const FILE_ACCEPTED: &str = "accepted";
pub const FILE_RESULT: &str = "result";
/// The complete list of rejected rows of an address or responses file.
pub const FILE_REJECTED: &str = "rejected";
/// For each accepted row of an upload, its line in the uploaded file.
pub const FILE_LINES: &str = "lines";

fn report_json(rows: &[RowProblem]) -> String {
    serde_json::to_string(&Report::of(rows)).unwrap_or_else(|_| "{}".to_owned())
}

/// A stored report (also the plain row list stored before reports were
/// capped).
pub fn report_rows(json: &str) -> Report {
    if let Ok(report) = serde_json::from_str::<Report>(json) {
        return report;
    }
    let rows: Vec<RowProblem> = serde_json::from_str(json).unwrap_or_default();
    Report {
        total: rows.len() as u64,
        rows,
    }
}

/// Name of the complete rejected-rows file of the address list.
pub fn address_rejected_name(survey_id: i64) -> String {
    format!("adressen-{survey_id}-abgelehnt.csv")
}

/// Name of the complete rejected-rows file of an upload.
pub fn upload_rejected_name(survey_id: i64, operator_id: i64, version: i32) -> String {
    format!("antwort-{survey_id}-{operator_id}-v{version}-abgelehnt.csv")
}

/// Name of the line map of an upload.
pub fn upload_lines_name(survey_id: i64, operator_id: i64, version: i32) -> String {
    format!("antwort-{survey_id}-{operator_id}-v{version}-zeilen.txt")
}

/// The line map of an upload, if stored.
pub async fn upload_lines<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    operator_id: i64,
    version: i32,
) -> Result<Option<Vec<u64>>, DbErr> {
    Ok(broadband_survey_file::Entity::find()
        .filter(broadband_survey_file::Column::SurveyId.eq(survey_id))
        .filter(broadband_survey_file::Column::Kind.eq(FILE_LINES))
        .filter(broadband_survey_file::Column::Name.eq(upload_lines_name(
            survey_id,
            operator_id,
            version,
        )))
        .one(db)
        .await?
        .map(|f| super::read_lines_text(&f.data)))
}

/// The complete rejected rows stored under `name`, or the report's rows
/// when there is no such file (nothing rejected, or stored before).
pub async fn rejected_rows<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    name: &str,
    report: Report,
) -> Result<Vec<RowProblem>, DbErr> {
    Ok(match rejected_file(db, survey_id, name).await? {
        Some(file) => super::read_rejected_csv(&file.data),
        None => report.rows,
    })
}

/// The stored complete rejected-rows file named `name`.
pub async fn rejected_file<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    name: &str,
) -> Result<Option<broadband_survey_file::Model>, DbErr> {
    broadband_survey_file::Entity::find()
        .filter(broadband_survey_file::Column::SurveyId.eq(survey_id))
        .filter(broadband_survey_file::Column::Kind.eq(FILE_REJECTED))
        .filter(broadband_survey_file::Column::Name.eq(name))
        .one(db)
        .await
}

/// Surveys without their address report: lists, access checks and the
/// public blocks need none of it.
fn surveys_light() -> Select<broadband_survey::Entity> {
    broadband_survey::Entity::find()
        .select_only()
        .columns(
            broadband_survey::Column::iter()
                .filter(|c| !matches!(c, broadband_survey::Column::AddressReport)),
        )
        .column_as(Expr::cust("''"), "address_report")
}

/// Uploads without their report.
fn uploads_light() -> Select<broadband_survey_upload::Entity> {
    broadband_survey_upload::Entity::find()
        .select_only()
        .columns(
            broadband_survey_upload::Column::iter()
                .filter(|c| !matches!(c, broadband_survey_upload::Column::Report)),
        )
        .column_as(Expr::cust("''"), "report")
}

/// The address report of a survey.
pub async fn address_report<C: ConnectionTrait>(db: &C, survey_id: i64) -> Result<Report, DbErr> {
    let json: Option<String> = broadband_survey::Entity::find_by_id(survey_id)
        .select_only()
        .column(broadband_survey::Column::AddressReport)
        .into_tuple()
        .one(db)
        .await?;
    Ok(json.map(|j| report_rows(&j)).unwrap_or_default())
}

/// One upload of a survey, with its report.
pub async fn upload<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    upload_id: i64,
) -> Result<Option<broadband_survey_upload::Model>, DbErr> {
    broadband_survey_upload::Entity::find_by_id(upload_id)
        .filter(broadband_survey_upload::Column::SurveyId.eq(survey_id))
        .one(db)
        .await
}

/// Stores a file of a survey; returns its id.
pub async fn add_file<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    kind: &str,
    name: &str,
    data: Vec<u8>,
) -> Result<i64, DbErr> {
    let size = i64::try_from(data.len()).unwrap_or(i64::MAX);
    let model = broadband_survey_file::ActiveModel {
        survey_id: Set(survey_id),
        kind: Set(kind.to_owned()),
        name: Set(name.chars().take(200).collect()),
        size: Set(size),
        data: Set(data),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(model.id)
}

/// A stored file of the survey (with its bytes).
pub async fn file<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    file_id: i64,
) -> Result<Option<broadband_survey_file::Model>, DbErr> {
    broadband_survey_file::Entity::find_by_id(file_id)
        .filter(broadband_survey_file::Column::SurveyId.eq(survey_id))
        .one(db)
        .await
}

/// Opens a procedure with its address list and invitations in one
/// transaction; returns its id.
pub async fn create(
    db: &DatabaseConnection,
    new: &NewSurvey,
    created_by: i64,
    addresses: Vec<u8>,
    address_count: usize,
    address_report: &[RowProblem],
    operators: &[i64],
) -> Result<i64, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let now = dias_core::time::now();
    let survey = broadband_survey::ActiveModel {
        title: Set(new.title.clone()),
        areas: Set(new.areas.join(",")),
        rule_set: Set(new.rule_set.clone()),
        start_date: Set(new.start.to_string()),
        deadline: Set(new.deadline.to_string()),
        horizon_years: Set(i32::from(new.horizon_years)),
        synthetic: Set(new.synthetic),
        address_file_id: Set(None),
        address_count: Set(i64::try_from(address_count).unwrap_or(i64::MAX)),
        address_report: Set(report_json(address_report)),
        job_id: Set(None),
        created_by: Set(Some(created_by)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    broadband_survey_area::Entity::insert_many(new.areas.iter().map(|ags8| {
        broadband_survey_area::ActiveModel {
            survey_id: Set(survey.id),
            ags8: Set(ags8.clone()),
            ..Default::default()
        }
    }))
    .exec_without_returning(&txn)
    .await?;
    let name = if new.synthetic {
        format!("adressen-{}-SYNTHETISCH.csv", survey.id)
    } else {
        format!("adressen-{}.csv", survey.id)
    };
    let file_id = add_file(&txn, survey.id, FILE_ADDRESSES, &name, addresses).await?;
    broadband_survey::Entity::update_many()
        .col_expr(
            broadband_survey::Column::AddressFileId,
            Expr::value(Some(file_id)),
        )
        .filter(broadband_survey::Column::Id.eq(survey.id))
        .exec(&txn)
        .await?;
    if !address_report.is_empty() {
        add_file(
            &txn,
            survey.id,
            FILE_REJECTED,
            &address_rejected_name(survey.id),
            super::rejected_csv(address_report),
        )
        .await?;
    }
    invite(&txn, survey.id, operators, created_by).await?;
    txn.commit().await?;
    Ok(survey.id)
}

pub async fn get<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Option<broadband_survey::Model>, DbErr> {
    surveys_light()
        .filter(broadband_survey::Column::Id.eq(id))
        .into_model::<broadband_survey::Model>()
        .one(db)
        .await
}

/// The Gemeinden of a survey as stored in its row.
pub fn areas_of(survey: &broadband_survey::Model) -> Vec<String> {
    survey
        .areas
        .split(',')
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

pub async fn invitations<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
) -> Result<Vec<broadband_survey_invitation::Model>, DbErr> {
    broadband_survey_invitation::Entity::find()
        .filter(broadband_survey_invitation::Column::SurveyId.eq(survey_id))
        .order_by_asc(broadband_survey_invitation::Column::Id)
        .all(db)
        .await
}

/// Invites operators not invited yet; returns the newly invited ones.
pub async fn invite<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    operators: &[i64],
    invited_by: i64,
) -> Result<Vec<i64>, DbErr> {
    let known: Vec<i64> = invitations(db, survey_id)
        .await?
        .into_iter()
        .map(|i| i.operator_id)
        .collect();
    let mut fresh: Vec<i64> = operators
        .iter()
        .copied()
        .filter(|o| !known.contains(o))
        .collect();
    fresh.sort_unstable();
    fresh.dedup();
    if fresh.is_empty() {
        return Ok(fresh);
    }
    let now = dias_core::time::now();
    broadband_survey_invitation::Entity::insert_many(fresh.iter().map(|&operator_id| {
        broadband_survey_invitation::ActiveModel {
            survey_id: Set(survey_id),
            operator_id: Set(operator_id),
            invited_by: Set(Some(invited_by)),
            created_at: Set(now),
            ..Default::default()
        }
    }))
    .exec_without_returning(db)
    .await?;
    Ok(fresh)
}

/// E-mail addresses and languages of the accounts of these operators.
pub async fn operator_accounts<C: ConnectionTrait>(
    db: &C,
    operators: &[i64],
) -> Result<Vec<(String, String)>, DbErr> {
    if operators.is_empty() {
        return Ok(Vec::new());
    }
    let user_ids: Vec<i64> = broadband_operator_member::Entity::find()
        .filter(broadband_operator_member::Column::OperatorId.is_in(operators.to_vec()))
        .all(db)
        .await?
        .into_iter()
        .map(|m| m.user_id)
        .collect();
    if user_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(user::Entity::find()
        .filter(user::Column::Id.is_in(user_ids))
        .filter(user::Column::DeletedAt.is_null())
        .order_by_asc(user::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter_map(|u| u.email.map(|email| (email, u.locale)))
        .collect())
}

/// Uploads of a survey, oldest first; only those of `operators` if given.
pub async fn uploads<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    operators: Option<&[i64]>,
) -> Result<Vec<broadband_survey_upload::Model>, DbErr> {
    let mut query = uploads_light().filter(broadband_survey_upload::Column::SurveyId.eq(survey_id));
    if let Some(ops) = operators {
        query = query.filter(broadband_survey_upload::Column::OperatorId.is_in(ops.to_vec()));
    }
    query
        .order_by_asc(broadband_survey_upload::Column::Id)
        .into_model::<broadband_survey_upload::Model>()
        .all(db)
        .await
}

/// What an upload stores besides its files.
pub struct NewUpload<'a> {
    pub survey_id: i64,
    pub operator_id: i64,
    pub user_id: i64,
    pub file_name: &'a str,
    pub original: Vec<u8>,
    pub accepted: Vec<u8>,
    pub rows_total: usize,
    pub rows_accepted: usize,
    pub rejected: &'a [RowProblem],
    /// Line in the uploaded file of each accepted row.
    pub lines: &'a [u64],
    pub late: bool,
}

/// Stores an upload as the operator's next version.
pub async fn add_upload(
    db: &DatabaseConnection,
    new: NewUpload<'_>,
) -> Result<broadband_survey_upload::Model, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let versions: Vec<i32> = broadband_survey_upload::Entity::find()
        .select_only()
        .column(broadband_survey_upload::Column::Version)
        .filter(broadband_survey_upload::Column::SurveyId.eq(new.survey_id))
        .filter(broadband_survey_upload::Column::OperatorId.eq(new.operator_id))
        .into_tuple()
        .all(&txn)
        .await?;
    let version = super::next_version(versions);
    let base = format!("antwort-{}-{}-v{version}", new.survey_id, new.operator_id);
    let original = add_file(
        &txn,
        new.survey_id,
        FILE_UPLOAD,
        &format!("{base}.csv"),
        new.original,
    )
    .await?;
    let accepted = add_file(
        &txn,
        new.survey_id,
        FILE_ACCEPTED,
        &format!("{base}-angenommen.csv"),
        new.accepted,
    )
    .await?;
    add_file(
        &txn,
        new.survey_id,
        FILE_LINES,
        &upload_lines_name(new.survey_id, new.operator_id, version),
        super::lines_text(new.lines),
    )
    .await?;
    if !new.rejected.is_empty() {
        add_file(
            &txn,
            new.survey_id,
            FILE_REJECTED,
            &upload_rejected_name(new.survey_id, new.operator_id, version),
            super::rejected_csv(new.rejected),
        )
        .await?;
    }
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let model = broadband_survey_upload::ActiveModel {
        survey_id: Set(new.survey_id),
        operator_id: Set(new.operator_id),
        user_id: Set(Some(new.user_id)),
        version: Set(version),
        file_name: Set(new.file_name.chars().take(200).collect()),
        original_file_id: Set(original),
        accepted_file_id: Set(accepted),
        rows_total: Set(count(new.rows_total)),
        rows_accepted: Set(count(new.rows_accepted)),
        rows_rejected: Set(count(new.rejected.len())),
        late: Set(new.late),
        report: Set(report_json(new.rejected)),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    txn.commit().await?;
    Ok(model)
}

/// Results of a survey, newest version first.
pub async fn results<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
) -> Result<Vec<broadband_survey_result::Model>, DbErr> {
    broadband_survey_result::Entity::find()
        .filter(broadband_survey_result::Column::SurveyId.eq(survey_id))
        .order_by_desc(broadband_survey_result::Column::Version)
        .all(db)
        .await
}

pub async fn result<C: ConnectionTrait>(
    db: &C,
    survey_id: i64,
    version: i32,
) -> Result<Option<broadband_survey_result::Model>, DbErr> {
    broadband_survey_result::Entity::find()
        .filter(broadband_survey_result::Column::SurveyId.eq(survey_id))
        .filter(broadband_survey_result::Column::Version.eq(version))
        .one(db)
        .await
}

/// Queues an evaluation of a survey unless another request did so first:
/// the job is queued and claimed in one transaction, and the claim only
/// succeeds while the survey still points at `seen` (the job the caller
/// saw finished, or none). Returns the new job id, or `None` when another
/// start won the race (nothing is queued then).
pub async fn claim_evaluation(
    db: &DatabaseConnection,
    survey_id: i64,
    seen: Option<i64>,
    kind: &str,
    payload: serde_json::Value,
    user_id: i64,
) -> Result<Option<i64>, DbErr> {
    let txn = dias_core::db::begin_write(db).await?;
    let job_id = dias_core::jobs::enqueue(&txn, kind, payload, Some(user_id)).await?;
    let still = match seen {
        Some(old) => broadband_survey::Column::JobId.eq(old),
        None => broadband_survey::Column::JobId.is_null(),
    };
    let claimed = broadband_survey::Entity::update_many()
        .col_expr(broadband_survey::Column::JobId, Expr::value(Some(job_id)))
        .filter(broadband_survey::Column::Id.eq(survey_id))
        .filter(still)
        .exec(&txn)
        .await?;
    if claimed.rows_affected != 1 {
        txn.rollback().await?;
        return Ok(None);
    }
    txn.commit().await?;
    Ok(Some(job_id))
}

/// Every survey, newest first (staff).
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<broadband_survey::Model>, DbErr> {
    surveys_light()
        .order_by_desc(broadband_survey::Column::Id)
        .into_model::<broadband_survey::Model>()
        .all(db)
        .await
}

/// Surveys with a Gemeinde in one of these areas (AGS-8, or AGS-5 for a
/// whole Kreis), newest first. Whether the areas cover *all* Gemeinden of
/// a survey is for the caller (`members::covers_all`).
pub async fn touching<C: ConnectionTrait>(
    db: &C,
    areas: &[String],
) -> Result<Vec<broadband_survey::Model>, DbErr> {
    if areas.is_empty() {
        return Ok(Vec::new());
    }
    let mut any = Condition::any();
    for area in areas {
        any = if area.len() == 5 {
            any.add(broadband_survey_area::Column::Ags8.starts_with(area.as_str()))
        } else {
            any.add(broadband_survey_area::Column::Ags8.eq(area.as_str()))
        };
    }
    let ids: Vec<i64> = broadband_survey_area::Entity::find()
        .select_only()
        .column(broadband_survey_area::Column::SurveyId)
        .filter(any)
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    by_ids(db, ids).await
}

async fn by_ids<C: ConnectionTrait>(
    db: &C,
    ids: Vec<i64>,
) -> Result<Vec<broadband_survey::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    surveys_light()
        .filter(broadband_survey::Column::Id.is_in(ids))
        .order_by_desc(broadband_survey::Column::Id)
        .into_model::<broadband_survey::Model>()
        .all(db)
        .await
}

/// Surveys these operators are invited to, newest first.
pub async fn invited<C: ConnectionTrait>(
    db: &C,
    operators: &[i64],
) -> Result<Vec<broadband_survey::Model>, DbErr> {
    if operators.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<i64> = broadband_survey_invitation::Entity::find()
        .select_only()
        .column(broadband_survey_invitation::Column::SurveyId)
        .filter(broadband_survey_invitation::Column::OperatorId.is_in(operators.to_vec()))
        .distinct()
        .into_tuple()
        .all(db)
        .await?;
    by_ids(db, ids).await
}

/// Surveys of one Gemeinde (public block of the Gemeinde page).
pub async fn of_municipality<C: ConnectionTrait>(
    db: &C,
    ags8: &str,
) -> Result<Vec<broadband_survey::Model>, DbErr> {
    touching(db, &[ags8.to_owned()]).await
}

/// Result versions per survey (for lists), as (survey id, count).
pub async fn result_counts<C: ConnectionTrait>(
    db: &C,
    survey_ids: &[i64],
) -> Result<Vec<(i64, i64)>, DbErr> {
    if survey_ids.is_empty() {
        return Ok(Vec::new());
    }
    broadband_survey_result::Entity::find()
        .select_only()
        .column(broadband_survey_result::Column::SurveyId)
        .column_as(broadband_survey_result::Column::Id.count(), "n")
        .filter(broadband_survey_result::Column::SurveyId.is_in(survey_ids.to_vec()))
        .group_by(broadband_survey_result::Column::SurveyId)
        .into_tuple()
        .all(db)
        .await
}

/// Status of these jobs, as (job id, status).
pub async fn job_states<C: ConnectionTrait>(
    db: &C,
    job_ids: &[i64],
) -> Result<Vec<(i64, String)>, DbErr> {
    use dias_core::entities::job;
    if job_ids.is_empty() {
        return Ok(Vec::new());
    }
    job::Entity::find()
        .select_only()
        .columns([job::Column::Id, job::Column::Status])
        .filter(job::Column::Id.is_in(job_ids.to_vec()))
        .into_tuple()
        .all(db)
        .await
}
