//! Public upload paths (a visitor body limit above `max_body_bytes`): each
//! request is counted per client before its body is read, and only a few
//! such bodies are read at once.

use axum::Router;
use axum::http::{StatusCode, header};
use axum::routing::post;
use dias_web::AppState;
use dias_web::ratelimit::LARGE_BODIES_AT_ONCE;
use dias_web::registry::{BodyLimit, Module};

use crate::support::TestApp;

const UPLOAD: &str = "/test/hochladen";
const SMALL: &str = "/test/klein";

async fn received() -> &'static str {
    "angekommen"
}

fn routes() -> Router<AppState> {
    Router::new()
        .route(UPLOAD, post(received))
        .route(SMALL, post(received))
}

/// A module with a public upload form, as the inquiry form is.
fn upload_module() -> Module {
    let mut module = Module::new("upload-test");
    module.routes = Some(routes);
    module.body_limits.push(BodyLimit {
        path: UPLOAD,
        bytes: 4 * 1024 * 1024,
        roles: &[],
        visitors: true,
    });
    module
}

#[tokio::test]
async fn a_visitor_may_send_large_bodies_to_a_public_upload_path() {
    let app = TestApp::with_modules(vec![upload_module()]).await;
    let large = "x".repeat(3 * 1024 * 1024);
    let response = app.post(UPLOAD, &[("datei", &large)]).await;
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    assert_eq!(response.body, "angekommen");
    // Elsewhere the instance's limit holds.
    let response = app.post(SMALL, &[("datei", &large)]).await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn requests_to_a_public_upload_path_are_counted_per_client_before_reading() {
    let app = TestApp::with_modules(vec![upload_module()]).await;
    let limit = app.state.config.upload_limit;
    assert_eq!(limit, 30, "the default");
    let token = app.csrf().await;
    // Requests that fail later (no token) count as well: the count comes
    // before the body is read.
    for _ in 0..limit - 1 {
        let refused = app.post_raw(UPLOAD, &[("datei", "x")]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN);
    }
    let last = app
        .post_raw(UPLOAD, &[("_csrf", &token), ("datei", "x")])
        .await;
    assert_eq!(last.status, StatusCode::OK, "{}", last.body);
    let over = app
        .post_raw(UPLOAD, &[("_csrf", &token), ("datei", "x")])
        .await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    let retry: i64 = over
        .headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("Retry-After in seconds");
    assert!((1..=3600).contains(&retry), "{retry}");
    assert!(
        over.text("h1").contains("Zu viele Aufrufe"),
        "{}",
        over.body
    );
    // Paths without a larger limit are not counted in that bucket.
    for _ in 0..=limit {
        let small = app
            .post_raw(SMALL, &[("_csrf", &token), ("datei", "x")])
            .await;
        assert_eq!(small.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn the_upload_limit_is_a_setting() {
    let app = TestApp::with_settings(vec![upload_module()], |raw| raw.upload_limit = Some(3)).await;
    let token = app.csrf().await;
    for n in 1..=3 {
        let ok = app
            .post_raw(UPLOAD, &[("_csrf", &token), ("datei", "x")])
            .await;
        assert_eq!(ok.status, StatusCode::OK, "upload {n}: {}", ok.body);
    }
    let over = app
        .post_raw(UPLOAD, &[("_csrf", &token), ("datei", "x")])
        .await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(over.headers.contains_key(header::RETRY_AFTER));
    assert!(
        over.text("h1").contains("Zu viele Aufrufe"),
        "{}",
        over.body
    );
}

#[tokio::test]
async fn when_every_large_body_permit_is_taken_the_answer_is_503_with_retry_after() {
    let app = TestApp::with_modules(vec![upload_module()]).await;
    let token = app.csrf().await;
    let wait = std::time::Duration::from_millis(10);
    let mut held = Vec::new();
    for _ in 0..LARGE_BODIES_AT_ONCE {
        held.push(app.state.limits.large_body_permit(wait).await.unwrap());
    }
    let busy = app
        .post_raw(UPLOAD, &[("_csrf", &token), ("datei", "x")])
        .await;
    assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(busy.headers.contains_key(header::RETRY_AFTER));
    // Small forms do not wait for upload permits.
    let small = app
        .post_raw(SMALL, &[("_csrf", &token), ("datei", "x")])
        .await;
    assert_eq!(small.status, StatusCode::OK);
    drop(held);
    let free = app
        .post_raw(UPLOAD, &[("_csrf", &token), ("datei", "x")])
        .await;
    assert_eq!(free.status, StatusCode::OK);
    // The permit went back once the request was answered.
    let permits: Vec<_> = all_free_permits(&app, wait).await;
    assert_eq!(permits.len(), LARGE_BODIES_AT_ONCE);
}

async fn all_free_permits(
    app: &TestApp,
    wait: std::time::Duration,
) -> Vec<tokio::sync::SemaphorePermit<'_>> {
    let mut permits = Vec::new();
    while let Some(permit) = app.state.limits.large_body_permit(wait).await {
        permits.push(permit);
    }
    permits
}
