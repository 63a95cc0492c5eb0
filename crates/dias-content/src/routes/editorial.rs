//! (to be written)

use axum::Router;
use dias_web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
