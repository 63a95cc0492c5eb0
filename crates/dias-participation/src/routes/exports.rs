//! Downloads of all contributions of a process (staff only).

use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use dias_web::{AppError, AppResult, AppState, Ctx};

use super::load;
use crate::export;
use crate::policy::ParticipationAction;

pub async fn download(
    State(state): State<AppState>,
    ctx: Ctx,
    Path((slug, format)): Path<(String, String)>,
) -> AppResult<Response> {
    let me = ctx.require(&ParticipationAction::Manage)?.user()?.clone();
    let p = load(&state, &ctx, &slug).await?;
    let key = state.config.secret_key.expose().as_bytes().to_vec();
    let process_id = p.process.id;
    // A pseudonym per person and process: joinable within the export, not
    // across processes, and not reversible without the portal's key.
    let pseudonym = move |user_id: i64| {
        format!(
            "T-{}",
            &dias_core::crypto::sign(&key, &format!("author:{process_id}:{user_id}"))[..10]
        )
    };
    let rows = export::rows(&state.db, process_id, pseudonym).await?;
    let (body, mime, extension) = match format.as_str() {
        "export.csv" => (export::to_csv(&rows), "text/csv; charset=utf-8", "csv"),
        "export.xlsx" => (
            export::to_xlsx(&rows),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        "export.json" => (
            export::to_json(&slug, &rows),
            "application/json; charset=utf-8",
            "json",
        ),
        _ => return Err(AppError::NotFound),
    };
    let body = body.map_err(AppError::Internal)?;
    dias_core::audit::record(
        &state.db,
        Some(me.user_id),
        "participation.exported",
        "process",
        Some(&process_id.to_string()),
        serde_json::json!({ "format": extension, "rows": rows.len() }),
    )
    .await?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(value) = HeaderValue::from_str(&format!(
        "attachment; filename=\"{slug}-beitraege.{extension}\""
    )) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}
