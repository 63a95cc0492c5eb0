//! The one error type of the web layer. Handlers return it; the error-page
//! middleware turns its marker into an accessible page in the visitor's
//! language with the request id, or JSON under `/api/`.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use dias_core::CoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("sign-in required")]
    NotSignedIn(String),
    #[error("forbidden")]
    Forbidden,
    #[error("invalid security token")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error("payload too large")]
    PayloadTooLarge,
    /// The request is valid but not possible now (e.g. the phase is closed);
    /// the message id explains why.
    #[error("not possible now: {0}")]
    Conflict(String),
    #[error("too many requests")]
    TooManyRequests(i64),
    #[error("internal error: {0}")]
    Internal(String),
}

pub type AppResult<T> = Result<T, AppError>;

/// Marker left on error responses for the error-page middleware.
#[derive(Debug, Clone)]
pub struct ErrorPage {
    pub status: StatusCode,
    /// Message id of the explanation.
    pub message: &'static str,
    pub detail: Option<String>,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::NotSignedIn(_) => StatusCode::SEE_OTHER,
            AppError::Forbidden | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::NotFound => AppError::NotFound,
            CoreError::Forbidden => AppError::Forbidden,
            CoreError::RateLimited { retry_after_secs } => {
                AppError::TooManyRequests(retry_after_secs as i64)
            }
            CoreError::Invalid(errors) => AppError::BadRequest(format!("{errors:?}")),
            CoreError::Conflict(m) => AppError::Conflict(m),
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<sea_orm::DbErr> for AppError {
    fn from(e: sea_orm::DbErr) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<dias_search::SearchError> for AppError {
    fn from(e: dias_search::SearchError) -> Self {
        AppError::Internal(e.to_string())
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::NotSignedIn(back) = &self {
            let target = format!(
                "/konto/anmelden?weiter={}",
                serde_urlencoded::to_string([("", back.as_str())])
                    .unwrap_or_default()
                    .trim_start_matches('=')
            );
            return crate::forms::see_other(&target);
        }
        if let AppError::Internal(message) = &self {
            tracing::error!(error = %message, "request failed");
        }
        let status = self.status();
        let (message, detail) = match &self {
            AppError::NotFound => ("error-not-found", None),
            AppError::Forbidden => ("error-forbidden", None),
            AppError::Csrf => ("error-csrf", None),
            AppError::BadRequest(d) => ("error-bad-request", Some(d.clone())),
            AppError::Conflict(d) => ("error-conflict", Some(d.clone())),
            AppError::PayloadTooLarge => ("error-payload-too-large", None),
            AppError::TooManyRequests(_) => ("error-too-many-requests", None),
            AppError::Internal(_) | AppError::NotSignedIn(_) => ("error-internal", None),
        };
        let mut response = (
            status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            status.to_string(),
        )
            .into_response();
        if let AppError::TooManyRequests(secs) = self
            && let Ok(value) = secs.max(1).to_string().parse()
        {
            response.headers_mut().insert(header::RETRY_AFTER, value);
        }
        response.extensions_mut().insert(ErrorPage {
            status,
            message,
            detail,
        });
        response
    }
}
