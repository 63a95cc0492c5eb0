//! `TestApp`: the real router on a fresh database with a cookie jar.
//! Module crates include this file with `#[path]` so every crate tests the
//! same way.

#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode, header};
use dias_core::config::{Config, DatabaseUrl, RawConfig, Secret};
use dias_core::policy::Role;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use tower::ServiceExt;

pub const PASSWORD: &str = "Elbsandstein-Wanderweg-7";

pub struct TestApp {
    pub router: Router,
    pub state: dias_web::AppState,
    pub db: DatabaseConnection,
    /// Statements sent to the database so far (for N+1 tests).
    queries: Arc<std::sync::atomic::AtomicUsize>,
    cookie: Mutex<Option<String>>,
    _dir: tempfile::TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl TestResponse {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    pub fn html(&self) -> scraper::Html {
        scraper::Html::parse_document(&self.body)
    }

    /// Text of the first element matching `selector`.
    pub fn text(&self, selector: &str) -> String {
        let html = self.html();
        let sel = scraper::Selector::parse(selector).unwrap();
        html.select(&sel)
            .next()
            .map(|e| e.text().collect::<String>())
            .unwrap_or_default()
    }

    /// Texts of all elements matching `selector`.
    pub fn texts(&self, selector: &str) -> Vec<String> {
        let html = self.html();
        let sel = scraper::Selector::parse(selector).unwrap();
        html.select(&sel)
            .map(|e| e.text().collect::<String>())
            .collect()
    }

    pub fn count(&self, selector: &str) -> usize {
        let html = self.html();
        let sel = scraper::Selector::parse(selector).unwrap();
        html.select(&sel).count()
    }

    pub fn attr(&self, selector: &str, attr: &str) -> Option<String> {
        let html = self.html();
        let sel = scraper::Selector::parse(selector).unwrap();
        html.select(&sel)
            .next()
            .and_then(|e| e.value().attr(attr))
            .map(str::to_owned)
    }
}

async fn fresh_database(dir: &std::path::Path) -> DatabaseUrl {
    match std::env::var("DIAS_TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            let name = format!(
                "dias_test_{}",
                dias_core::crypto::random_token()[..12]
                    .to_lowercase()
                    .replace(['-', '_'], "x")
            );
            let admin = Database::connect(&admin_url).await.unwrap();
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap();
            admin.close().await.unwrap();
            let base = admin_url
                .rsplit_once('/')
                .map(|(b, _)| b)
                .unwrap_or(&admin_url);
            DatabaseUrl::Postgres(Secret::new(format!("{base}/{name}")))
        }
        _ => DatabaseUrl::Sqlite {
            path: dir.join("test.sqlite"),
        },
    }
}

impl TestApp {
    pub async fn new() -> TestApp {
        Self::with_modules(Vec::new()).await
    }

    /// The app with feature modules (module crates include this file).
    pub async fn with_modules(modules: Vec<dias_web::Module>) -> TestApp {
        Self::with_settings(modules, |_| {}).await
    }

    /// The app with settings of the configuration file changed by `adjust`
    /// (e.g. a low rate limit); they are validated as at start-up.
    pub async fn with_settings(
        modules: Vec<dias_web::Module>,
        adjust: impl FnOnce(&mut RawConfig),
    ) -> TestApp {
        let dir = tempfile::tempdir().unwrap();
        let database = fresh_database(dir.path()).await;
        let mut raw = RawConfig {
            data_dir: Some(dir.path().to_owned()),
            secret_key: Some(Secret::new("test-secret-key-with-at-least-32-characters")),
            dev_mail: Some(true),
            // Tests read their own writes as visitors too.
            page_cache_secs: Some(0),
            ..RawConfig::default()
        };
        adjust(&mut raw);
        let mut config = Config::from_raw(raw).unwrap();
        config.database = database;
        let mut db = dias_core::db::open(&config.database).await.unwrap();
        let queries = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counter = queries.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        let index = Arc::new(dias_search::SearchIndex::in_memory().unwrap());
        let state = dias_web::app::state(config, db.clone(), index, modules).unwrap();
        dias_search::indexer::rebuild(&state.db, &state.search, &state.sources, |_, _| {})
            .await
            .unwrap();
        TestApp {
            router: dias_web::router(state.clone()),
            state,
            db,
            queries,
            cookie: Mutex::new(None),
            _dir: dir,
        }
    }

    /// Database statements issued while `f` runs.
    pub async fn count_queries<F: std::future::Future<Output = TestResponse>>(
        &self,
        f: F,
    ) -> (usize, TestResponse) {
        let before = self.queries.load(std::sync::atomic::Ordering::SeqCst);
        let response = f.await;
        (
            self.queries.load(std::sync::atomic::Ordering::SeqCst) - before,
            response,
        )
    }

    pub async fn request(&self, request: Request<Body>) -> TestResponse {
        let response: Response<Body> = self.router.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for value in headers.get_all(header::SET_COOKIE) {
            let value = value.to_str().unwrap();
            let pair = value.split(';').next().unwrap();
            if pair.starts_with("dias_session=") {
                let mut cookie = self.cookie.lock().unwrap();
                *cookie = if pair == "dias_session=" {
                    None
                } else {
                    Some(pair.to_owned())
                };
            }
        }
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        TestResponse {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    fn builder(&self, method: &str, path: &str) -> axum::http::request::Builder {
        let mut builder = Request::builder().method(method).uri(path);
        if let Some(cookie) = self.cookie.lock().unwrap().clone() {
            builder = builder.header(header::COOKIE, cookie);
        }
        builder
    }

    pub async fn get(&self, path: &str) -> TestResponse {
        self.request(self.builder("GET", path).body(Body::empty()).unwrap())
            .await
    }

    /// Posts a form as a browser would: with the page's CSRF token.
    pub async fn post(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let token = self.csrf().await;
        let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(path, &all).await
    }

    /// Posts exactly these fields (no token added).
    pub async fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> TestResponse {
        let body = serde_urlencoded::to_string(fields).unwrap();
        self.request(
            self.builder("POST", path)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(body))
                .unwrap(),
        )
        .await
    }

    /// The CSRF token the current visitor's forms carry.
    pub async fn csrf(&self) -> String {
        let mut page = self.get("/datenquellen").await;
        if page.status == StatusCode::SEE_OTHER {
            // Admins without a second factor are sent to its set-up first.
            page = self.get(page.location()).await;
        }
        page.attr("input[name=_csrf]", "value")
            .expect("a form with a CSRF token")
    }

    pub fn forget_cookies(&self) {
        *self.cookie.lock().unwrap() = None;
    }

    pub fn has_session_cookie(&self) -> bool {
        self.cookie.lock().unwrap().is_some()
    }

    /// The newest mail to `to` (body text).
    pub async fn last_mail_to(&self, to: &str) -> Option<String> {
        let (mails, _) = dias_core::mail::page(&self.state.db, Some(to), 1, 1)
            .await
            .unwrap();
        mails.into_iter().next().map(|m| m.body_text)
    }

    pub async fn mail_count_to(&self, to: &str) -> u64 {
        dias_core::mail::page(&self.state.db, Some(to), 1, 1)
            .await
            .unwrap()
            .1
    }

    /// A verified account with `role`; admins get a second factor whose
    /// secret is returned.
    pub async fn create_user(&self, email: &str, role: Role) -> (i64, Option<String>) {
        let user =
            dias_core::accounts::create_verified(&self.db, email, "Test Person", PASSWORD, role)
                .await
                .unwrap();
        if role == Role::Admin {
            let secret = dias_core::accounts::totp::new_secret();
            let code = dias_core::accounts::totp::current_code(&secret).unwrap();
            dias_core::accounts::enable_totp(&self.db, user.id, &secret, &code)
                .await
                .unwrap();
            return (user.id, Some(secret));
        }
        (user.id, None)
    }

    /// Signs in through the login form (and the second factor if needed).
    pub async fn login(&self, email: &str, totp_secret: Option<&str>) -> TestResponse {
        let response = self
            .post(
                "/konto/anmelden",
                &[("email", email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(
            response.status,
            StatusCode::SEE_OTHER,
            "login failed: {}",
            response.body
        );
        if let Some(secret) = totp_secret {
            let code = dias_core::accounts::totp::current_code(secret).unwrap();
            let second = self
                .post("/konto/anmelden/zweiter-faktor", &[("code", &code)])
                .await;
            assert_eq!(
                second.status,
                StatusCode::SEE_OTHER,
                "second factor failed: {}",
                second.body
            );
            return second;
        }
        response
    }

    /// Creates and signs in a user of `role`.
    pub async fn sign_in_as(&self, role: Role) -> i64 {
        let email = format!(
            "{}-{}@example.org",
            role.as_str(),
            &dias_core::crypto::random_token()[..6].to_lowercase()
        );
        let (id, secret) = self.create_user(&email, role).await;
        self.login(&email, secret.as_deref()).await;
        id
    }
}
