//! Query strings of the module's pages, read leniently: a link edited by
//! hand (`?seite=abc`, a parameter twice) must not end in axum's plain-text
//! rejection. Every field of the target type is a `String` with a default,
//! so only the first value of each key counts and unknown keys are ignored;
//! what still cannot be read becomes the instance's HTML 400 page.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use dias_web::AppError;
use serde::de::DeserializeOwned;

/// A query string deserialized into `T` without plain-text rejections.
pub(crate) struct Lenient<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Lenient<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parse(parts.uri.query().unwrap_or_default()).map(Lenient)
    }
}

/// `query` with only the first value of every key, deserialized.
pub(crate) fn parse<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    // Pairs never fail to parse (bad percent-encoding is decoded lossily).
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
    let mut seen: Vec<(String, String)> = Vec::new();
    for (key, value) in pairs {
        if !seen.iter().any(|(k, _)| *k == key) {
            seen.push((key, value));
        }
    }
    serde_urlencoded::from_str(&serde_urlencoded::to_string(&seen).unwrap_or_default())
        .map_err(|e| AppError::BadRequest(e.to_string()))
}

/// A page number from `?seite=`: missing or not a number is the first page.
pub(crate) fn page_number(text: &str) -> u64 {
    text.trim().parse().unwrap_or(1)
}

/// Path parameters; a segment that cannot be read (broken percent-encoding)
/// names no page of the module, so it is the HTML 404 page.
pub(crate) struct Segments<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for Segments<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Segments(value)),
            Err(_) => Err(AppError::NotFound),
        }
    }
}
