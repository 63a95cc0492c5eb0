//! Limits that every module shares: the page rule of all paginated lists
//! (`?seite=`), and forms that cannot be read answered with a clear German
//! 400 instead of serde's English or a misleading CSRF failure.

use axum::Router;
use axum::body::Body;
use axum::extract::Query;
use axum::http::{Request, StatusCode, header};
use axum::response::{Html, IntoResponse};
use axum::routing::{get, post};
use dias_web::AppState;
use dias_web::components::{MAX_PAGE, Pagination};
use dias_web::forms::Form;
use dias_web::registry::Module;
use serde::Deserialize;

use crate::support::TestApp;

const LIST: &str = "/test/liste";
const FORM: &str = "/test/formular";
const UPLOAD: &str = "/test/datei";
/// 45 entries at 20 a page: three pages.
const TOTAL: u64 = 45;

#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    seite: String,
}

/// A list that, like most handlers, reads `seite` leniently and leaves the
/// rule to the middleware and `Pagination::new`.
async fn list(Query(q): Query<ListQuery>) -> impl IntoResponse {
    let page = q.seite.parse().unwrap_or(1);
    let p = Pagination::new(page, TOTAL, 20, LIST.into());
    Html(format!("Seite {} von {}", p.page, p.pages))
}

#[derive(Deserialize)]
struct Comment {
    body: String,
}

async fn comment(Form(c): Form<Comment>) -> String {
    format!("gespeichert: {}", c.body)
}

async fn upload(_: dias_web::upload::MultipartForm) -> &'static str {
    "hochgeladen"
}

fn module() -> Module {
    fn routes() -> Router<AppState> {
        Router::new()
            .route(LIST, get(list))
            .route(FORM, post(comment))
            .route(UPLOAD, post(upload))
    }
    let mut module = Module::new("limits-test");
    module.routes = Some(routes);
    module
}

#[tokio::test]
async fn every_list_follows_one_page_rule() {
    let app = TestApp::with_modules(vec![module()]).await;
    for ok in ["", "?seite=", "?seite=1", "?seite=3"] {
        let r = app.get(&format!("{LIST}{ok}")).await;
        assert_eq!(r.status, StatusCode::OK, "{ok}: {}", r.body);
    }
    assert_eq!(
        app.get(&format!("{LIST}?seite=3")).await.body,
        "Seite 3 von 3"
    );
    // Not a page number at all: 400 with the message, before the handler.
    let too_deep = (MAX_PAGE + 1).to_string();
    for bad in [
        "0",
        "-1",
        "abc",
        "1e9",
        "1.5",
        "999999999",
        "99999999999999999999999",
        too_deep.as_str(),
        "%00",
    ] {
        let r = app.get(&format!("{LIST}?seite={bad}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "seite={bad}");
        assert!(
            r.body.contains("Diese Seitenzahl gibt es nicht."),
            "seite={bad}: {}",
            r.body
        );
    }
    // A repeated parameter is checked in every occurrence.
    let r = app.get(&format!("{LIST}?seite=2&seite=x")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    // A page beyond the last (but a valid number): 404.
    for beyond in ["4", "1000"] {
        let r = app.get(&format!("{LIST}?seite={beyond}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "seite={beyond}");
        assert!(r.body.contains("Seite nicht gefunden"), "{}", r.body);
    }
    // Other parameters named alike are none of the rule's business.
    let r = app.get(&format!("{LIST}?seitenleiste=x")).await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn unreadable_forms_get_a_clear_message() {
    let app = TestApp::with_modules(vec![module()]).await;
    let ok = app.post(FORM, &[("body", "Hallo")]).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    // A field sent twice: serde's English is not shown.
    let twice = app.post(FORM, &[("body", "a"), ("body", "b")]).await;
    assert_eq!(twice.status, StatusCode::BAD_REQUEST);
    assert!(
        twice
            .body
            .contains("Das Formular konnte nicht gelesen werden"),
        "{}",
        twice.body
    );
    assert!(!twice.body.contains("duplicate field"), "{}", twice.body);

    // A multipart body with more parts than any form has is refused as
    // unreadable (400), not as a CSRF failure (403).
    let token = app.csrf().await;
    let mut body =
        format!("--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{token}\r\n");
    for i in 0..300 {
        body.push_str(&format!(
            "--XyZ\r\nContent-Disposition: form-data; name=\"f{i}\"\r\n\r\nx\r\n"
        ));
    }
    body.push_str("--XyZ--\r\n");
    // A visitor: the form's token is valid without a session.
    let request = Request::builder()
        .method("POST")
        .uri(UPLOAD)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=XyZ")
        .body(Body::from(body))
        .unwrap();
    let r = app.request(request).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert!(
        r.body
            .contains("Das Formular mit der Datei konnte nicht gelesen werden"),
        "{}",
        r.body
    );
}
