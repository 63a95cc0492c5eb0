//! The error type of the core layer.

use crate::validation::FieldErrors;

/// Everything a core service can fail with. The web layer maps each variant to
/// one HTTP status and page.
#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("database error: {0}")]
    Db(#[from] sea_orm::DbErr),
    #[error("invalid input")]
    Invalid(FieldErrors),
    #[error("not found")]
    NotFound,
    #[error("not permitted")]
    Forbidden,
    #[error("conflict: {0}")]
    Conflict(String),
    #[error("too many attempts, retry in {retry_after_secs} s")]
    RateLimited { retry_after_secs: u64 },
    #[error("{0}")]
    Other(String),
}

pub type CoreResult<T> = Result<T, CoreError>;

impl From<FieldErrors> for CoreError {
    fn from(errors: FieldErrors) -> Self {
        CoreError::Invalid(errors)
    }
}
