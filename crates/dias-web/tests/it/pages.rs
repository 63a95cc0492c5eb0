use axum::http::StatusCode;

use crate::support::TestApp;

#[tokio::test]
async fn public_pages_render_with_one_h1_skip_link_and_german_language() {
    let app = TestApp::new().await;
    for path in [
        "/",
        "/suche",
        "/suche?q=Sachsen",
        "/kreise",
        "/kreise/14521",
        "/datenquellen",
        "/impressum",
        "/datenschutz",
        "/barrierefreiheit",
        "/leichte-sprache",
        "/gebaerdensprache",
        "/konto/anmelden",
        "/konto/registrieren",
        "/konto/passwort-vergessen",
    ] {
        let page = app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(page.count("h1"), 1, "{path}");
        assert_eq!(page.attr("html", "lang").as_deref(), Some("de"), "{path}");
        assert_eq!(
            page.attr("a.skip-link", "href").as_deref(),
            Some("#inhalt"),
            "{path}"
        );
        assert_eq!(page.count("main#inhalt"), 1, "{path}");
        assert!(
            !page.body.contains("style=\""),
            "{path}: inline styles break the CSP"
        );
        assert!(!page.body.contains("<script>"), "{path}: inline script");
    }
}

#[tokio::test]
async fn unknown_pages_get_an_accessible_404_with_request_id() {
    let app = TestApp::new().await;
    let page = app.get("/gibt-es-nicht").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    assert_eq!(page.text("h1"), "Seite nicht gefunden");
    let id = page.headers["x-request-id"].to_str().unwrap().to_owned();
    assert!(page.body.contains(&id));
    assert_eq!(app.get("/kreise/99999").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn search_finds_german_word_forms_with_highlights_and_filters_by_kind() {
    let app = TestApp::new().await;
    let page = app.get("/suche?q=Erzgebirgskreis").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.count(".search-result") >= 1);
    assert_eq!(
        page.attr(".search-result a", "href").as_deref(),
        Some("/kreise/14521")
    );
    assert!(page.body.contains("<mark>"));
    // Umlaut folding: "Gorlitz" finds Görlitz.
    let folded = app.get("/suche?q=Gorlitz").await;
    assert!(folded.text(".search-results").contains("Görlitz"));
    // Type filter narrows and keeps the facet counts.
    let filtered = app.get("/suche?q=Sachsen&typ=page").await;
    assert!(filtered.count(".search-result") >= 1);
    assert!(
        filtered
            .html()
            .select(&scraper::Selector::parse(".search-result__type").unwrap())
            .all(|e| e.text().collect::<String>() == "Seite")
    );
    assert!(filtered.count(".facets li") >= 3);
    // Deep or malformed pages are refused clearly.
    assert_eq!(
        app.get("/suche?q=Sachsen&seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.get("/suche?q=Sachsen&seite=abc").await.status,
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        app.get("/suche?q=Sachsen&seite=100000").await.status,
        StatusCode::BAD_REQUEST
    );
    let long = "a".repeat(201);
    assert_eq!(
        app.get(&format!("/suche?q={long}")).await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn search_index_follows_the_outbox() {
    let app = TestApp::new().await;
    // A change announced through the outbox is picked up by the indexer.
    use sea_orm::{ActiveModelTrait, EntityTrait, Set};
    let mut district: dias_core::entities::district::ActiveModel =
        dias_core::entities::district::Entity::find_by_id("14521".to_owned())
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .into();
    district.name = Set("Erzgebirgskreis Zauberwald".to_owned());
    district.update(&app.db).await.unwrap();
    dias_core::outbox::search_changed(&app.db, "district", "14521")
        .await
        .unwrap();
    assert_eq!(
        app.get("/suche?q=Zauberwald").await.count(".search-result"),
        0
    );
    let applied =
        dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
            .await
            .unwrap();
    assert_eq!(applied, 1);
    assert_eq!(
        app.get("/suche?q=Zauberwald").await.count(".search-result"),
        1
    );
}

#[tokio::test]
async fn districts_page_has_map_chart_and_tables_with_the_same_data() {
    let app = TestApp::new().await;
    let page = app.get("/kreise").await;
    assert_eq!(page.count("svg.map__svg path.map__region"), 13);
    assert_eq!(
        page.count("svg[role=img] title"),
        2 + 13,
        "map and chart titles plus one per Kreis"
    );
    assert_eq!(page.count("#kreise-tabelle tbody tr"), 13);
    assert_eq!(page.count(".chart__bar"), 13);
    assert!(
        page.body.contains("GeoBasis-DE / BKG"),
        "attribution next to the map"
    );
    let district = app.get("/kreise/14521").await;
    assert_eq!(district.count("tbody tr"), 59);
    assert_eq!(district.count("circle.map__point"), 59);
}

#[tokio::test]
async fn health_and_metrics_answer() {
    let app = TestApp::new().await;
    assert_eq!(app.get("/healthz").await.status, StatusCode::OK);
    app.get("/").await;
    let metrics = app.get("/metrics").await;
    assert!(
        metrics
            .body
            .contains("dias_http_responses_total{class=\"2xx\"}")
    );
    assert!(metrics.body.contains("dias_search_documents"));
}

#[tokio::test]
async fn static_assets_are_served_from_the_binary() {
    let app = TestApp::new().await;
    let css = app.get("/static/css/dias.css").await;
    assert_eq!(css.status, StatusCode::OK);
    assert_eq!(css.headers["content-type"], "text/css; charset=utf-8");
    assert!(
        app.get("/static/vendor/htmx.min.js")
            .await
            .body
            .contains("htmx")
    );
    assert_eq!(
        app.get("/static/../Cargo.toml").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn visitors_pages_are_reused_briefly_but_signed_in_people_always_get_fresh_ones() {
    use tower::ServiceExt;
    let app = TestApp::new().await;
    let mut state = app.state.clone();
    state.page_cache = std::sync::Arc::new(dias_web::cache::PageCache::new(60));
    let router = dias_web::router(state);
    let get = |path: &str, cookie: Option<String>| {
        let mut builder = axum::http::Request::builder().uri(path);
        if let Some(cookie) = cookie {
            builder = builder.header("cookie", cookie);
        }
        router
            .clone()
            .oneshot(builder.body(axum::body::Body::empty()).unwrap())
    };
    let first = get("/kreise", None).await.unwrap();
    assert_eq!(first.headers()["x-cache"], "miss");
    let second = get("/kreise", None).await.unwrap();
    assert_eq!(second.headers()["x-cache"], "hit");
    assert!(
        second.headers().contains_key("content-security-policy"),
        "headers are added to cached pages too"
    );
    assert_eq!(
        get("/kreise?x=1", None).await.unwrap().headers()["x-cache"],
        "miss",
        "the query is part of the key"
    );
    assert!(
        get("/gibt-es-nicht", None)
            .await
            .unwrap()
            .headers()
            .get("x-cache")
            .is_none(),
        "errors are not kept"
    );
    // A signed-in person bypasses the cache.
    app.create_user("frisch@example.org", dias_core::policy::Role::Participant)
        .await;
    let login = app.login("frisch@example.org", None).await;
    let cookie = login.headers["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let fresh = get("/kreise", Some(cookie)).await.unwrap();
    assert!(fresh.headers().get("x-cache").is_none());
    // So does a visitor who carries any cookie (e.g. a module's pseudonymous
    // participant cookie): the page may be personal.
    let with_cookie = get("/kreise", Some("dias_meinungsbild=abc".into()))
        .await
        .unwrap();
    assert!(with_cookie.headers().get("x-cache").is_none());
}
