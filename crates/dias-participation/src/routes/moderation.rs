//! Moderation pages and actions.

use axum::Router;
use dias_web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
