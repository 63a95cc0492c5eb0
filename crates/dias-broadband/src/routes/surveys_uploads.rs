//! Operators answer a procedure: the upload form, the upload (checked with
//! the engine's reader against the procedure's addresses) and the report
//! of one upload with every rejected row's line and reason.
//!
//! The upload posts to one fixed path ([`UPLOAD_PATH`], the procedure in a
//! form field) because request limits are registered per exact path.

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use dias_web::forms::{ShownErrors, page, page_with_status, see_other};
use dias_web::upload::MultipartForm;
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::surveys::{Access, UploadRow, access, csv_download, path_id, show_date, upload_row};
use crate::entities::broadband_survey;
use crate::members;
use crate::surveys::{self, Report, store};

/// Where every upload is posted.
pub const UPLOAD_PATH: &str = "/breitband/verfahren/antworten";

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route(UPLOAD_PATH, axum::routing::post(upload))
        .route("/breitband/verfahren/{id}/antworten", get(form))
        .route("/breitband/verfahren/{id}/antworten/{upload}", get(report))
        .route(
            "/breitband/verfahren/{id}/antworten/{upload}/datei",
            get(original),
        )
        .route(
            "/breitband/verfahren/{id}/antworten/{upload}/abgelehnt.csv",
            get(rejected),
        )
}

#[derive(Template)]
#[template(path = "broadband/survey_upload.html")]
struct FormPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    errors: ShownErrors,
    operator: String,
    /// The invited operators of the account, when it answers for several.
    choices: Vec<(i64, String)>,
    /// The operator chosen before the form came back.
    chosen: i64,
    deadline: String,
    late: bool,
    uploads: Vec<UploadRow>,
    limit_mb: u64,
}

async fn render_form(
    state: &AppState,
    ctx: Ctx,
    access: &Access,
    errors: ShownErrors,
    chosen: Option<i64>,
) -> AppResult<Response> {
    let names = operator_names(state).await?;
    let uploads = store::uploads(&state.db, access.survey.id, Some(&access.invited))
        .await?
        .iter()
        .rev()
        .map(|u| upload_row(&ctx, u, &names))
        .collect();
    let (_, deadline) = access.dates();
    let status = if errors.any() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let template = FormPage {
        survey: access.survey.clone(),
        errors,
        operator: access
            .invited
            .iter()
            .filter_map(|id| names.get(id))
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        choices: if access.invited.len() > 1 {
            access
                .invited
                .iter()
                .map(|id| (*id, names.get(id).cloned().unwrap_or_default()))
                .collect()
        } else {
            Vec::new()
        },
        chosen: chosen.unwrap_or(0),
        deadline: show_date(&ctx, &access.survey.deadline),
        late: surveys::is_late(deadline, crate::today()),
        uploads,
        limit_mb: (surveys::MAX_FILE_BYTES / (1024 * 1024)) as u64,
        ctx,
    };
    if status == StatusCode::OK {
        page(&template)
    } else {
        page_with_status(status, &template)
    }
}

async fn operator_names(state: &AppState) -> AppResult<HashMap<i64, String>> {
    Ok(members::operators(&state.db)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

async fn form(
    State(state): State<AppState>,
    ctx: Ctx,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id: i64 = path_id(&id)?;
    let access = access(&state, &ctx, id).await?;
    ctx.require(&access.respond())?;
    render_form(&state, ctx, &access, ShownErrors::none(), None).await
}

fn file_error(message: String) -> ShownErrors {
    ShownErrors {
        items: vec![("datei".to_owned(), message)],
    }
}

async fn upload(
    State(state): State<AppState>,
    ctx: Ctx,
    form: MultipartForm,
) -> AppResult<Response> {
    let id: i64 = form
        .text("verfahren")
        .trim()
        .parse()
        .map_err(|_| AppError::BadRequest("verfahren".into()))?;
    let access = access(&state, &ctx, id).await?;
    let user_id = ctx.require(&access.respond())?.user()?.user_id;
    // An account answering for several invited operators names one; a
    // missing or foreign choice is asked again rather than guessed, so no
    // answer is booked to the wrong company.
    let choice = form.text("betreiber").trim().parse::<i64>().ok();
    let operator_id = match (access.invited.as_slice(), choice) {
        ([only], None) => *only,
        (invited, Some(o)) if invited.contains(&o) => o,
        ([], _) => return Err(AppError::Forbidden),
        _ => {
            let errors = ShownErrors {
                items: vec![(
                    "betreiber".to_owned(),
                    ctx.t("broadband-surveys-error-operator-choice"),
                )],
            };
            return render_form(&state, ctx, &access, errors, None).await;
        }
    };
    let Some(file) = form.file("datei") else {
        let errors = file_error(ctx.t("broadband-surveys-error-responses-file"));
        return render_form(&state, ctx, &access, errors, Some(operator_id)).await;
    };
    if file.data.len() > surveys::MAX_FILE_BYTES {
        let errors = file_error(ctx.t1(
            "broadband-surveys-error-too-large",
            "limit",
            surveys::MAX_FILE_BYTES / (1024 * 1024),
        ));
        return render_form(&state, ctx, &access, errors, Some(operator_id)).await;
    }
    if surveys::semicolon_separated(&file.data) {
        let errors = file_error(ctx.t("broadband-surveys-error-semicolon"));
        return render_form(&state, ctx, &access, errors, Some(operator_id)).await;
    }
    let address_file = store::file(
        &state.db,
        id,
        access.survey.address_file_id.ok_or(AppError::NotFound)?,
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let operator = operator_names(&state)
        .await?
        .remove(&operator_id)
        .unwrap_or_default();
    let (start, deadline) = access.dates();
    let data = file.data.to_vec();
    let checked = tokio::task::spawn_blocking(move || {
        let (addresses, _) =
            dias_mev::read_addresses(address_file.data.as_slice()).map_err(|e| e.to_string())?;
        surveys::check_responses(&data, &addresses, start, &operator)
            .map(|check| (check, data))
            .map_err(|e| e.to_string())
    })
    .await
    .map_err(|e| AppError::Internal(e.to_string()))?;
    let (check, data) = match checked {
        Ok(ok) => ok,
        Err(message) => {
            let errors = file_error(ctx.t1(
                "broadband-surveys-error-unreadable",
                "detail",
                surveys::file_message(&message),
            ));
            return render_form(&state, ctx, &access, errors, Some(operator_id)).await;
        }
    };
    let file_name = file.filename.clone().unwrap_or_default();
    let stored = store::add_upload(
        &state.db,
        store::NewUpload {
            survey_id: id,
            operator_id,
            user_id,
            file_name: &file_name,
            original: data,
            accepted: check.accepted,
            rows_total: check.total,
            rows_accepted: check.accepted_rows,
            rejected: &check.rejected,
            lines: &check.lines,
            late: surveys::is_late(deadline, crate::today()),
        },
    )
    .await?;
    Ok(see_other(&format!(
        "/breitband/verfahren/{id}/antworten/{}?hinweis=broadband-surveys-uploaded",
        stored.id
    )))
}

#[derive(Template)]
#[template(path = "broadband/survey_upload_report.html")]
struct ReportPage {
    ctx: Ctx,
    survey: broadband_survey::Model,
    upload: UploadRow,
    report: Report,
    /// The complete list when the report shows only its first rows.
    report_csv: String,
    respond: bool,
}

/// The upload of the procedure, if the account may see it: its managers
/// see every upload, an operator only its own.
async fn visible_upload(
    state: &AppState,
    ctx: &Ctx,
    id: i64,
    upload_id: i64,
) -> AppResult<(Access, crate::entities::broadband_survey_upload::Model)> {
    let access = access(state, ctx, id).await?;
    access.require_view(ctx)?;
    let upload = store::upload(&state.db, id, upload_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !access.can_manage(ctx) && !access.invited.contains(&upload.operator_id) {
        return Err(AppError::NotFound);
    }
    Ok((access, upload))
}

async fn report(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, upload_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (id, upload_id): (i64, i64) = (path_id(&id)?, path_id(&upload_id)?);
    let (access, upload) = visible_upload(&state, &ctx, id, upload_id).await?;
    let names = operator_names(&state).await?;
    let report = surveys::reasons::show_report(&ctx, store::report_rows(&upload.report));
    page(&ReportPage {
        report_csv: if report.more() > 0 {
            format!("/breitband/verfahren/{id}/antworten/{upload_id}/abgelehnt.csv")
        } else {
            String::new()
        },
        report,
        upload: upload_row(&ctx, &upload, &names),
        respond: access.can_respond(&ctx),
        survey: access.survey,
        ctx,
    })
}

/// The complete rejected rows of an upload, for the same accounts as its
/// report.
async fn rejected(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, upload_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (id, upload_id): (i64, i64) = (path_id(&id)?, path_id(&upload_id)?);
    let (_, upload) = visible_upload(&state, &ctx, id, upload_id).await?;
    let name = store::upload_rejected_name(id, upload.operator_id, upload.version);
    let file = store::rejected_file(&state.db, id, &name)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(csv_download(&file.name, surveys::guard_csv(&file.data)))
}

async fn original(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((id, upload_id)): Path<(String, String)>,
) -> AppResult<Response> {
    let (id, upload_id): (i64, i64) = (path_id(&id)?, path_id(&upload_id)?);
    let (_, upload) = visible_upload(&state, &ctx, id, upload_id).await?;
    let file = store::file(&state.db, id, upload.original_file_id)
        .await?
        .ok_or(AppError::NotFound)?;
    // The operator's file opens in the municipality's spreadsheet too.
    Ok(csv_download(&file.name, surveys::guard_csv(&file.data)))
}
