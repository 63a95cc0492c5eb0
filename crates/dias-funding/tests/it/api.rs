//! The public API, its OpenAPI document and the open-data downloads.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_funding::exchange;
use serde_json::Value;

use crate::helpers::{app, app_with_catalogue, catalogue, listed, number};
use crate::support::TestResponse;

fn json(r: &TestResponse) -> Value {
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

fn slugs(page: &Value) -> Vec<String> {
    page["offers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["slug"].as_str().unwrap().to_owned())
        .collect()
}

/// Queries of the search page, each as a visitor would share it.
const QUERIES: &[&str] = &[
    "",
    "offen=0",
    "foerderart=zuschuss&berechtigte=unternehmen",
    "foerderart=zuschuss&foerderart=beratung&berechtigte=kommune&offen=0",
    "gebiet=14521&groesse=klein&sortierung=aktualisiert",
    "q=Digitalisierung+Zuschuss",
    "q=F%C3%B6rderung+KI&offen=0",
    "q=digitalisierungszuschuss&sortierung=frist",
    "offen=0&seite=2",
];

#[tokio::test]
async fn the_api_finds_what_the_search_page_finds_for_the_same_query() {
    let app = app_with_catalogue().await;
    for query in QUERIES {
        let page = app.get(&format!("/foerderung?{query}")).await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        let api = app.get(&format!("/foerderung/api/angebote?{query}")).await;
        assert_eq!(api.status, StatusCode::OK, "{query}: {}", api.body);
        let body = json(&api);
        let total = number(&page, "#funding-result-count");
        assert_eq!(body["total"].as_u64(), Some(total as u64), "{query}");
        // Same offers in the same order on the same page (both show 20).
        assert_eq!(slugs(&body), listed(&page), "{query}");
    }
    let all = json(&app.get("/foerderung/api/angebote?offen=0").await);
    assert_eq!(all["total"].as_u64(), Some(catalogue().len() as u64));
}

#[tokio::test]
async fn every_offer_is_a_record_of_the_exchange_schema() {
    let app = app_with_catalogue().await;
    let r = app
        .get("/foerderung/api/angebote?offen=0&per_page=100")
        .await;
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/json");
    assert_eq!(r.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    assert!(
        r.headers[header::LINK]
            .to_str()
            .unwrap()
            .contains("rel=\"license\"")
    );
    let body = json(&r);
    assert_eq!(body["schema"], exchange::SCHEMA);
    assert_eq!(body["license"]["id"], "CC-BY-4.0");
    // A page of the API is itself an importable file.
    let report = exchange::from_json(&r.body, dias_funding::catalogue::REVIEWED).unwrap();
    assert_eq!(report.problems, vec![]);
    let mut got: Vec<_> = report.offers;
    let mut want = catalogue();
    got.sort_by(|a, b| a.slug.cmp(&b.slug));
    want.sort_by(|a, b| a.slug.cmp(&b.slug));
    assert_eq!(got, want);

    let one = app.get("/foerderung/api/angebote/digi-z").await;
    assert_eq!(one.status, StatusCode::OK);
    let record: dias_funding::Offer = serde_json::from_str(&one.body).unwrap();
    assert_eq!(Some(&record), want.iter().find(|o| o.slug == "digi-z"));
    assert_eq!(one.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
}

#[tokio::test]
async fn unknown_offers_and_bad_pages_are_json_errors() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung/api/angebote/gibt-es-nicht").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(json(&r)["status"], 404);
    for query in [
        "per_page=101",
        "per_page=0",
        "per_page=zwanzig",
        "page=0",
        "page=-1",
        "page=1001",
        "seite=1001",
    ] {
        let r = app.get(&format!("/foerderung/api/angebote?{query}")).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{query}");
        assert!(
            r.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{query}"
        );
        let body = json(&r);
        assert_eq!(body["status"], 400, "{query}");
        assert!(body["detail"].as_str().is_some_and(|d| !d.is_empty()));
    }
    let detail = json(&app.get("/foerderung/api/angebote?per_page=101").await)["detail"].clone();
    assert!(detail.as_str().unwrap().contains("100"), "{detail}");
    // Beyond the last page but within the deepest page served: empty.
    let r = app.get("/foerderung/api/angebote?page=1000").await;
    assert_eq!(r.status, StatusCode::OK);
    let body = json(&r);
    assert_eq!(body["offers"], Value::Array(vec![]));
    assert!(body["total"].as_u64().unwrap() > 0);
    assert_eq!(body["links"]["next"], Value::Null);
}

#[tokio::test]
async fn paging_through_the_api_lists_every_offer_once() {
    let app = app_with_catalogue().await;
    let mut seen = Vec::new();
    let mut next =
        Some("http://localhost:8080/foerderung/api/angebote?offen=0&per_page=7".to_owned());
    let mut pages = 0;
    while let Some(url) = next {
        let path = &url[url.find("/foerderung").unwrap()..];
        let body = json(&app.get(path).await);
        assert_eq!(body["per_page"], 7);
        seen.extend(slugs(&body));
        next = body["links"]["next"].as_str().map(str::to_owned);
        pages += 1;
        assert!(pages < 100);
        if next.is_none() {
            assert_eq!(body["page"], body["pages"]);
            assert!(
                body["links"]["last"]
                    .as_str()
                    .unwrap()
                    .contains(&format!("page={pages}"))
            );
        }
    }
    let total = catalogue().len();
    assert_eq!(seen.len(), total);
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), total);
}

/// With more offers than `MAX_PAGE` pages of `per_page` hold, the last
/// reachable page says that the list is cut and names the full download.
#[tokio::test]
async fn an_api_list_longer_than_the_deepest_page_says_it_is_truncated() {
    use dias_web::components::MAX_PAGE;
    let app = app().await;
    let n = MAX_PAGE as usize + 1;
    let today = dias_funding::today();
    dias_funding::store::insert_many(
        &app.db,
        &dias_funding::catalogue::synthetic(n, 5, today),
        today,
        dias_core::time::now(),
    )
    .await
    .unwrap();
    let last = json(
        &app.get(&format!(
            "/foerderung/api/angebote?offen=0&per_page=1&page={MAX_PAGE}"
        ))
        .await,
    );
    assert_eq!(last["total"].as_u64(), Some(n as u64));
    assert_eq!(last["pages"].as_u64(), Some(MAX_PAGE));
    assert_eq!(last["truncated"], Value::Bool(true));
    assert_eq!(last["links"]["next"], Value::Null);
    assert_eq!(
        last["links"]["complete"],
        format!(
            "{}/foerderung/daten/angebote.json",
            app.state.config.public_url.trim_end_matches('/')
        )
    );
    assert_eq!(slugs(&last).len(), 1);
    // The first page says it too, so a client knows before paging.
    let first = json(&app.get("/foerderung/api/angebote?offen=0&per_page=1").await);
    assert_eq!(first["truncated"], Value::Bool(true));
    // Two per page reach every offer: nothing is cut.
    let whole = json(&app.get("/foerderung/api/angebote?offen=0&per_page=2").await);
    assert_eq!(whole["pages"].as_u64(), Some(n.div_ceil(2) as u64));
    assert_eq!(whole["truncated"], Value::Bool(false));
    assert!(whole["links"].get("complete").is_none());
    // The download holds them all.
    let file = app.get("/foerderung/daten/angebote.json").await;
    assert_eq!(exchange::from_json(&file.body, today).unwrap().records, n);
}

#[tokio::test]
async fn the_openapi_document_describes_every_route() {
    let app = app().await;
    let r = app.get("/foerderung/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = json(&r);
    assert_eq!(doc["openapi"], "3.0.3");
    // The document reads as the OpenAPI 3.0 model, every operation named.
    let spec: openapiv3::OpenAPI = serde_json::from_str(&r.body).expect("an OpenAPI 3.0 document");
    assert_eq!(spec.paths.paths.len(), 5);
    for (path, item) in &spec.paths.paths {
        let item = item.as_item().expect("inline path items");
        let get = item.get.as_ref().expect("a GET operation");
        assert!(get.operation_id.is_some(), "{path}");
        assert!(
            get.responses
                .responses
                .contains_key(&openapiv3::StatusCode::Code(200)),
            "{path}"
        );
    }
    let schemas = &spec.components.as_ref().unwrap().schemas;
    for name in [
        "Offer",
        "OfferPage",
        "Catalogue",
        "Tier",
        "Deadline",
        "Error",
    ] {
        assert!(schemas.contains_key(name), "{name}");
    }
    let paths = doc["paths"].as_object().unwrap();
    for path in [
        "/foerderung/api/angebote",
        "/foerderung/api/angebote/{slug}",
        "/foerderung/api/openapi.json",
        "/foerderung/daten/angebote.json",
        "/foerderung/daten/angebote.csv",
    ] {
        assert!(paths[path]["get"]["responses"]["200"].is_object(), "{path}");
    }
    // Every route of the API and download files is described.
    for source in [
        include_str!("../../src/routes/api.rs"),
        include_str!("../../src/routes/opendata.rs"),
    ] {
        for route in source.split(".route(").skip(1) {
            let path = route.split(',').next().unwrap().trim();
            let path = match path {
                "OFFERS" => "/foerderung/api/angebote",
                "OPENAPI" => "/foerderung/api/openapi.json",
                "JSON_FILE" => "/foerderung/daten/angebote.json",
                "CSV_FILE" => "/foerderung/daten/angebote.csv",
                quoted => quoted.trim_matches('"'),
            };
            if path.starts_with("/foerderung/api/") || path.starts_with("/foerderung/daten/") {
                assert!(
                    paths.contains_key(path),
                    "{path} is not in the OpenAPI document"
                );
            }
        }
    }
    // Every reference resolves, and the offer schema has every field.
    let text = r.body.as_str();
    for reference in text.split("\"$ref\":\"").skip(1) {
        let target = reference.split('"').next().unwrap();
        let name = target.trim_start_matches("#/components/schemas/");
        assert!(doc["components"]["schemas"][name].is_object(), "{target}");
    }
    let offer = doc["components"]["schemas"]["Offer"]["properties"]
        .as_object()
        .unwrap();
    let names: Vec<&str> = offer.keys().map(String::as_str).collect();
    let fields: Vec<&str> = exchange::FIELDS.iter().map(|f| f.name).collect();
    let mut sorted = fields.clone();
    sorted.sort();
    let mut names = names;
    names.sort();
    assert_eq!(names, sorted);
    assert_eq!(offer["status"]["enum"][0], "offen");
    // The facet parameters are the search page's.
    let params: Vec<&str> = doc["paths"]["/foerderung/api/angebote"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for facet in dias_funding::snapshot::Facet::ALL {
        assert!(params.contains(&facet.param()), "{}", facet.param());
    }
}

fn get_with(path: &str, etag: Option<&str>) -> Request<Body> {
    let mut builder = Request::builder().uri(path);
    if let Some(tag) = etag {
        builder = builder.header(header::IF_NONE_MATCH, tag);
    }
    builder.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn the_downloads_hold_the_whole_catalogue_and_answer_304_until_it_changes() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung/daten/angebote.json").await;
    assert_eq!(r.status, StatusCode::OK);
    // Stored in catalogue order, so the download is the shipped file.
    assert_eq!(r.body, dias_funding::catalogue::CATALOGUE_JSON);
    assert!(
        r.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("filename=\"foerderlotse-angebote.json\"")
    );
    let csv = app.get("/foerderung/daten/angebote.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let from_csv = exchange::from_csv(&csv.body, dias_funding::catalogue::REVIEWED).unwrap();
    assert_eq!(from_csv.problems, vec![]);
    assert_eq!(from_csv.offers, catalogue());

    let etag = r.headers[header::ETAG].to_str().unwrap().to_owned();
    let csv_etag = csv.headers[header::ETAG].to_str().unwrap().to_owned();
    assert_ne!(etag, csv_etag);
    let again = app
        .request(get_with("/foerderung/daten/angebote.json", Some(&etag)))
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    assert_eq!(again.headers[header::ETAG], etag.as_str());
    // A change to any offer gives a new tag and the new content.
    let mut offer = catalogue()
        .into_iter()
        .find(|o| o.slug == "digi-z")
        .unwrap();
    offer.keywords.push("Neues Schlagwort".into());
    assert!(
        dias_funding::store::update(
            &app.db,
            &offer,
            dias_funding::today(),
            dias_core::time::now()
        )
        .await
        .unwrap()
    );
    let changed = app
        .request(get_with("/foerderung/daten/angebote.json", Some(&etag)))
        .await;
    assert_eq!(changed.status, StatusCode::OK);
    assert_ne!(changed.headers[header::ETAG], etag.as_str());
    assert!(changed.body.contains("Neues Schlagwort"));
}

#[tokio::test]
async fn the_data_page_explains_every_field_and_the_licence() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung/daten").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#data-fields tbody tr"), exchange::FIELDS.len());
    for field in exchange::FIELDS {
        assert!(r.body.contains(&format!("<code>{}</code>", field.name)));
    }
    for link in [
        "/foerderung/daten/angebote.json",
        "/foerderung/daten/angebote.csv",
        "/foerderung/api/angebote",
        "/foerderung/api/openapi.json",
    ] {
        assert!(r.count(&format!("a[href=\"{link}\"]")) > 0, "{link}");
    }
    assert!(r.count("a[rel=license]") == 1);
    assert_eq!(r.count("#data-import"), 0, "visitors see no import");
    // Every offer page links its record.
    let offer = app.get("/foerderung/angebote/digi-z").await;
    assert_eq!(
        offer.attr("#funding-offer-data", "href").as_deref(),
        Some("/foerderung/api/angebote/digi-z")
    );
    // The search page points to it.
    let search = app.get("/foerderung").await;
    assert_eq!(search.count("a[href=\"/foerderung/daten\"]"), 1);
}

#[tokio::test]
async fn the_api_and_the_downloads_cost_the_same_queries_for_few_and_many_offers() {
    let small = app_with_catalogue().await;
    let large = app_with_catalogue().await;
    dias_funding::store::insert_many(
        &large.db,
        &dias_funding::catalogue::synthetic(500, 1, dias_funding::today()),
        dias_funding::today(),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    for path in [
        "/foerderung/api/angebote?offen=0&per_page=100",
        "/foerderung/api/angebote/digi-z",
        "/foerderung/daten/angebote.csv",
        "/foerderung/daten",
    ] {
        let mut counts = Vec::new();
        for app in [&small, &large] {
            app.get(path).await; // the snapshot is built once
            let (n, r) = app.count_queries(app.get(path)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}");
            counts.push(n);
        }
        assert_eq!(counts[0], counts[1], "{path}");
        assert!(counts[0] <= 2, "{path}: {} queries", counts[0]);
    }
}

#[tokio::test]
async fn english_visitors_read_the_data_page_and_the_api_errors_in_english() {
    let app = app_with_catalogue().await;
    let english = |path: &str| {
        Request::builder()
            .uri(path)
            .header(header::COOKIE, "dias_lang=en")
            .body(Body::empty())
            .unwrap()
    };
    let page = app.request(english("/foerderung/daten")).await;
    assert_eq!(page.text("h1"), "Open data: support offers");
    assert!(page.body.contains("Funding region"));
    let error = app
        .request(english("/foerderung/api/angebote?per_page=500"))
        .await;
    let detail = json(&error)["detail"].as_str().unwrap().to_owned();
    assert!(detail.starts_with("Please ask for 1 to 100"), "{detail}");
}
