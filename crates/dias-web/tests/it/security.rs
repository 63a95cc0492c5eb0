use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_core::policy::Role;

use crate::support::TestApp;

/// Every state-changing route of the shell, with a placeholder for ids.
const STATE_CHANGING: [&str; 20] = [
    "/sprache",
    "/konto/profil",
    "/konto/registrieren",
    "/konto/bestaetigen/{token}",
    "/konto/anmelden",
    "/konto/anmelden/zweiter-faktor",
    "/konto/zweiter-faktor/einrichten",
    "/konto/abmelden",
    "/konto/passwort-vergessen",
    "/konto/passwort-neu/{token}",
    "/konto/benachrichtigungen",
    "/konto/benachrichtigungen/{id}/gelesen",
    "/konto/benachrichtigungen/alle-gelesen",
    "/konto/passwort",
    "/konto/ueberall-abmelden",
    "/konto/loeschen",
    "/verwaltung/benutzer/{id}/rolle",
    "/verwaltung/benutzer/{id}/sperre",
    "/verwaltung/aufgaben/suchindex",
    // Who may start a module's periodic job is tested with a module that
    // has one (dias-funding, tests/it/watch.rs).
    "/verwaltung/aufgaben/starten",
];

/// The routes registered with `post(` in the crate's sources, so that a new
/// route cannot escape the CSRF and matrix tests by being forgotten here.
/// `.route("PATH", …post(…)…)` calls in a source file, however formatted.
fn post_routes_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(".route(") {
        let call = &rest[start + ".route(".len()..];
        let mut depth = 1;
        let end = call
            .char_indices()
            .find(|(_, c)| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0
            })
            .map(|(i, _)| i)
            .unwrap_or(call.len());
        let args = &call[..end];
        if args.contains("post(") {
            found.push(args.split('"').nth(1).unwrap().to_owned());
        }
        rest = &call[end..];
    }
    found
}

fn registered_post_routes() -> Vec<String> {
    let mut routes = Vec::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut stack = vec![src];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                routes.extend(post_routes_in(&text));
            }
        }
    }
    routes.sort();
    routes
}

#[test]
fn the_csrf_table_lists_every_state_changing_route() {
    let mut listed: Vec<String> = STATE_CHANGING.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(registered_post_routes(), listed);
}

fn concrete(route: &str, id: i64) -> String {
    route
        .replace("{id}", &id.to_string())
        .replace("{token}", "abc")
}

#[tokio::test]
async fn every_state_changing_route_refuses_a_request_without_token() {
    let app = TestApp::new().await;
    let admin = app.sign_in_as(Role::Admin).await;
    for route in STATE_CHANGING {
        let path = concrete(route, admin);
        let response = app
            .post_raw(&path, &[("role", "admin"), ("lang", "en")])
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
        assert!(
            response.text("h1").contains("Sicherheitsprüfung"),
            "{path}: {}",
            response.body
        );
        let wrong = app.post_raw(&path, &[("_csrf", "a.1.forged")]).await;
        assert_eq!(
            wrong.status,
            StatusCode::FORBIDDEN,
            "{path} with a forged token"
        );
    }
    // Nothing changed: still an admin, still signed in.
    assert_eq!(app.get("/verwaltung").await.status, StatusCode::OK);
}

#[tokio::test]
async fn cross_site_requests_are_refused_even_with_a_token() {
    let app = TestApp::new().await;
    app.sign_in_as(Role::Participant).await;
    let token = app.csrf().await;
    let body =
        serde_urlencoded::to_string([("_csrf", token.as_str()), ("lang", "en"), ("zurueck", "/")])
            .unwrap();
    let cookie_page = app.get("/konto").await;
    assert_eq!(cookie_page.status, StatusCode::OK);
    for (name, value) in [
        ("origin", "https://evil.example"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let mut builder = Request::builder()
            .method("POST")
            .uri("/sprache")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(name, value);
        // The session cookie is what an attacker's page would ride on.
        builder = builder.header(header::COOKIE, session_cookie(&app).await);
        let response = app
            .request(builder.body(Body::from(body.clone())).unwrap())
            .await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{name}: {value}");
    }
}

async fn session_cookie(app: &TestApp) -> String {
    // Re-sign-in to learn the cookie value through a response header.
    let email = format!(
        "cookie-{}@example.org",
        &dias_core::crypto::random_token()[..6].to_lowercase()
    );
    app.create_user(&email, Role::Participant).await;
    let response = app.login(&email, None).await;
    response.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Visitor,
    As(Role),
}

#[derive(Clone, Copy, Debug)]
enum Need {
    SignedIn,
    Staff,
    Admin,
}

fn allowed(need: Need, who: Who) -> bool {
    match (need, who) {
        (_, Who::Visitor) => false,
        (Need::SignedIn, Who::As(_)) => true,
        (Need::Staff, Who::As(role)) => role.is_staff_or_above(),
        (Need::Admin, Who::As(role)) => role == Role::Admin,
    }
}

#[tokio::test]
async fn role_route_matrix() {
    let gets: [(&str, Need); 12] = [
        ("/konto", Need::SignedIn),
        ("/konto/benachrichtigungen", Need::SignedIn),
        ("/konto/sicherheit", Need::SignedIn),
        ("/konto/export", Need::SignedIn),
        ("/konto/loeschen", Need::SignedIn),
        ("/verwaltung", Need::Staff),
        ("/verwaltung/aufgaben", Need::Staff),
        ("/verwaltung/benutzer", Need::Admin),
        ("/verwaltung/benutzer/{id}", Need::Admin),
        ("/verwaltung/protokoll", Need::Admin),
        ("/verwaltung/postausgang", Need::Admin),
        ("/verwaltung/postausgang/{id}", Need::Admin),
    ];
    type Fields = &'static [(&'static str, &'static str)];
    let posts: [(&str, Fields, Need); 3] = [
        (
            "/verwaltung/benutzer/{id}/rolle",
            &[("role", "participant")],
            Need::Admin,
        ),
        (
            "/verwaltung/benutzer/{id}/sperre",
            &[("action", "entsperren")],
            Need::Admin,
        ),
        ("/verwaltung/aufgaben/suchindex", &[], Need::Admin),
    ];
    let mut whos = vec![Who::Visitor];
    whos.extend(Role::ALL.iter().map(|r| Who::As(*r)));
    for who in whos {
        let app = TestApp::new().await;
        let (target, _) = app.create_user("ziel@example.org", Role::Participant).await;
        let mail = dias_core::mail::queue(&app.db, "x@example.org", "Betreff", "Text")
            .await
            .unwrap();
        if let Who::As(role) = who {
            app.sign_in_as(role).await;
        }
        for (route, need) in gets {
            let path = route.replace(
                "{id}",
                &if route.contains("postausgang") {
                    mail
                } else {
                    target
                }
                .to_string(),
            );
            let response = app.get(&path).await;
            let expected = match (allowed(need, who), who) {
                (true, _) => StatusCode::OK,
                (false, Who::Visitor) => StatusCode::SEE_OTHER,
                (false, _) => StatusCode::FORBIDDEN,
            };
            assert_eq!(response.status, expected, "{who:?} GET {path}");
            if expected == StatusCode::SEE_OTHER {
                assert!(
                    response
                        .location()
                        .starts_with("/konto/anmelden?weiter=%2F"),
                    "{who:?} {path}: {}",
                    response.location()
                );
            }
        }
        for (route, fields, need) in posts {
            let path = route.replace("{id}", &target.to_string());
            let response = app.post(&path, fields).await;
            let expected = match (allowed(need, who), who) {
                (true, _) => StatusCode::SEE_OTHER,
                (false, Who::Visitor) => StatusCode::SEE_OTHER,
                (false, _) => StatusCode::FORBIDDEN,
            };
            assert_eq!(response.status, expected, "{who:?} POST {path}");
            if !allowed(need, who) {
                assert!(
                    !response.location().contains("hinweis"),
                    "{who:?} POST {path} must not succeed"
                );
            }
        }
    }
}

#[tokio::test]
async fn anonymous_visitors_get_no_cookie_and_strict_headers() {
    let app = TestApp::new().await;
    for path in [
        "/",
        "/suche?q=Sachsen",
        "/kreise",
        "/konto/anmelden",
        "/konto/registrieren",
        "/impressum",
        "/gibt-es-nicht",
    ] {
        let response = app.get(path).await;
        assert!(
            response.headers.get(header::SET_COOKIE).is_none(),
            "{path} set a cookie"
        );
        let csp = response.headers["content-security-policy"]
            .to_str()
            .unwrap();
        assert!(
            csp.contains("default-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert!(csp.contains("frame-ancestors 'none'"));
        assert_eq!(response.headers["x-content-type-options"], "nosniff");
        assert!(response.headers.contains_key("referrer-policy"));
        assert!(response.headers.contains_key("permissions-policy"));
    }
}

#[tokio::test]
async fn sign_in_issues_a_fresh_http_only_session_cookie_each_time() {
    let app = TestApp::new().await;
    app.create_user("rotation@example.org", Role::Participant)
        .await;
    let first = app.login("rotation@example.org", None).await;
    let cookie = first.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let second = app.login("rotation@example.org", None).await;
    let cookie2 = second.headers[header::SET_COOKIE]
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(cookie.split(';').next(), cookie2.split(';').next());
    let (user, _) = (
        dias_core::accounts::find_by_email(&app.db, "rotation@example.org")
            .await
            .unwrap()
            .unwrap(),
        (),
    );
    assert_eq!(
        dias_core::sessions::for_user(&app.db, user.id)
            .await
            .unwrap()
            .len(),
        1,
        "the old session ended"
    );
}

#[tokio::test]
async fn continue_targets_never_leave_the_site() {
    let app = TestApp::new().await;
    app.create_user("weiter@example.org", Role::Participant)
        .await;
    let response = app
        .post(
            "/konto/anmelden",
            &[
                ("email", "weiter@example.org"),
                ("password", crate::support::PASSWORD),
                ("weiter", "//evil.example/x"),
            ],
        )
        .await;
    assert_eq!(response.location(), "/konto");
}

#[tokio::test]
async fn oversized_and_malformed_bodies_get_clear_errors() {
    let app = TestApp::new().await;
    let token = app.csrf().await;
    let huge = "x".repeat(3 * 1024 * 1024);
    let response = app
        .post_raw("/konto/anmelden", &[("_csrf", &token), ("email", &huge)])
        .await;
    assert_eq!(response.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(response.text("h1").contains("zu groß"));
    let long_name = "N".repeat(81);
    let long = app
        .post(
            "/konto/registrieren",
            &[
                ("email", "lang@example.org"),
                ("display_name", &long_name),
                ("password", crate::support::PASSWORD),
                ("password_confirm", crate::support::PASSWORD),
                ("accept_privacy", "ja"),
            ],
        )
        .await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(long.text(".error-summary").contains("zu lang"));
}
