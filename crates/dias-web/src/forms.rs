//! Form handling: one way to parse, validate and re-render. Forms are parsed
//! into plain strings, validated by core functions that return
//! [`FieldErrors`], and re-rendered with status 422, the input kept and an
//! error summary that links to each field.

use axum::extract::{FromRequest, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use dias_core::validation::FieldErrors;
use serde::de::DeserializeOwned;

use crate::context::Ctx;
use crate::error::AppError;
use crate::state::AppState;

/// A URL-encoded form; malformed bodies become a clear 400 page.
pub struct Form<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for Form<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        match axum::Form::<T>::from_request(req, state).await {
            Ok(axum::Form(value)) => Ok(Form(value)),
            Err(rejection) => {
                if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    Err(AppError::PayloadTooLarge)
                } else {
                    // serde's text ("duplicate field `body`") is English
                    // and internal; people get one clear German message.
                    tracing::debug!(reason = %rejection.body_text(), "form refused");
                    Err(AppError::BadRequest("error-form-unreadable".into()))
                }
            }
        }
    }
}

/// Splits a core result into "show these field errors again" (`Ok(Err)`)
/// and real failures (`Err`), the one way handlers tell them apart.
pub fn field_errors<T>(
    result: Result<T, dias_core::CoreError>,
) -> Result<Result<T, FieldErrors>, AppError> {
    match result {
        Ok(value) => Ok(Ok(value)),
        Err(dias_core::CoreError::Invalid(errors)) => Ok(Err(errors)),
        Err(other) => Err(other.into()),
    }
}

/// Errors of a submitted form, translated for display.
#[derive(Debug, Clone, Default)]
pub struct ShownErrors {
    /// (field id, message) in form order.
    pub items: Vec<(String, String)>,
}

impl ShownErrors {
    pub fn new(ctx: &Ctx, errors: &FieldErrors) -> Self {
        ShownErrors {
            items: errors
                .0
                .iter()
                .map(|e| (e.field.clone(), ctx.t(&e.message)))
                .collect(),
        }
    }

    pub fn none() -> Self {
        ShownErrors::default()
    }

    pub fn any(&self) -> bool {
        !self.items.is_empty()
    }

    /// The message of `field`, or empty.
    pub fn of(&self, field: &str) -> String {
        self.items
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.clone())
            .unwrap_or_default()
    }

    pub fn has(&self, field: &str) -> bool {
        self.items.iter().any(|(f, _)| f == field)
    }
}

/// 303 See Other (Post/Redirect/Get). htmx follows it transparently.
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

/// Renders a page with status 200.
pub fn page(template: &impl askama::Template) -> Result<Response, AppError> {
    Ok(Html(template.render()?).into_response())
}

/// Renders a page with another status (422 for invalid forms).
pub fn page_with_status(
    status: StatusCode,
    template: &impl askama::Template,
) -> Result<Response, AppError> {
    Ok((status, Html(template.render()?)).into_response())
}

/// Only local paths are accepted as "continue to" targets (no open redirect).
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.contains("\r")
                && !p.contains('\n') =>
        {
            p.to_owned()
        }
        _ => "/konto".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_targets_stay_on_the_site() {
        assert_eq!(safe_next(Some("/verwaltung")), "/verwaltung");
        assert_eq!(safe_next(Some("//evil.example")), "/konto");
        assert_eq!(safe_next(Some("https://evil.example")), "/konto");
        assert_eq!(safe_next(Some("/\\evil.example")), "/konto");
        assert_eq!(safe_next(None), "/konto");
    }
}
