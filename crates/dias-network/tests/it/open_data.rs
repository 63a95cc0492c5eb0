//! Open data (CSV, GeoJSON, JSON API, OpenAPI) parsed with independent
//! crates, and the statistics page against database counts.

use std::collections::BTreeSet;
use std::str::FromStr;

use axum::http::{StatusCode, header};
use dias_network::domain::{PENDING, VERIFIED};
use dias_network::entities::actor;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{app, insert_actor};
use crate::support::{TestApp, TestResponse};

/// Three verified actors and a pending one (all with a contact address).
async fn actors(app: &TestApp) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (name, category, comps, ags8) in [
        ("Offen Eins", "startup", &["nlp"][..], "14612000"),
        (
            "Offen Zwei",
            "hochschule",
            &["nlp", "robotik"][..],
            "14713000",
        ),
        (
            "Offen Drei",
            "unternehmen",
            &["optimierung"][..],
            "14511000",
        ),
    ] {
        insert_actor(
            app,
            name,
            category,
            comps,
            &["energie"],
            ags8,
            "klein",
            VERIFIED,
        )
        .await;
        names.insert(name.to_owned());
    }
    insert_actor(
        app,
        "Geheim Wartend",
        "startup",
        &["nlp"],
        &[],
        "14612000",
        "klein",
        PENDING,
    )
    .await;
    names
}

fn licensed(r: &TestResponse) {
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let link = r.headers.get(header::LINK).unwrap().to_str().unwrap();
    assert!(
        link.contains("rel=\"license\"") && link.contains("dl-de/by-2-0"),
        "{link}"
    );
    assert!(!r.body.contains("@example.org"), "a contact address leaked");
    assert!(!r.body.contains("Geheim Wartend"), "a pending actor leaked");
    assert!(!r.body.contains("contact_email"));
}

#[tokio::test]
async fn csv_contains_exactly_the_verified_actors_public_fields() {
    let app = app().await;
    let names = actors(&app).await;
    let r = app.get("/netzwerk/daten/akteure.csv").await;
    licensed(&r);
    assert!(
        r.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let mut reader = csv::Reader::from_reader(r.body.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(headers, dias_network::open_data::CSV_COLUMNS.to_vec());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 3);
    let got: BTreeSet<String> = rows.iter().map(|r| r[2].to_owned()).collect();
    assert_eq!(got, names);
    let zwei = rows.iter().find(|r| &r[2] == "Offen Zwei").unwrap();
    assert_eq!(&zwei[6], "nlp;robotik");
    assert_eq!(&zwei[15], "14713");
    assert!(zwei[16].parse::<f64>().unwrap() > 51.0);
}

#[tokio::test]
async fn geojson_is_a_feature_collection_of_the_verified_actors_with_a_license() {
    let app = app().await;
    let names = actors(&app).await;
    let r = app.get("/netzwerk/daten/akteure.geojson").await;
    licensed(&r);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/geo+json");
    let parsed = geojson::GeoJson::from_str(&r.body).unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("not a FeatureCollection");
    };
    assert_eq!(fc.features.len(), 3);
    let license = fc.foreign_members.as_ref().unwrap().get("license").unwrap();
    assert_eq!(license["id"], "dl-de/by-2-0");
    let mut got = BTreeSet::new();
    for f in &fc.features {
        let geometry = f.geometry.as_ref().unwrap();
        let geojson::Value::Point(point) = &geometry.value else {
            panic!("not a point");
        };
        assert!((11.8..15.1).contains(&point[0]) && (50.1..51.8).contains(&point[1]));
        let props = f.properties.as_ref().unwrap();
        assert!(!props.contains_key("contact_email") && !props.contains_key("status"));
        got.insert(props["name"].as_str().unwrap().to_owned());
    }
    assert_eq!(got, names);
}

#[tokio::test]
async fn the_json_api_pages_and_filters_like_the_directory() {
    let app = app().await;
    let names = actors(&app).await;
    let r = app.get("/netzwerk/api/akteure").await;
    licensed(&r);
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["license"]["id"], "dl-de/by-2-0");
    assert_eq!(json["total"], 3);
    assert_eq!(json["next"], serde_json::Value::Null);
    let got: BTreeSet<String> = json["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(got, names);
    let first = &json["data"][0];
    assert!(first.get("contact_email").is_none() && first.get("status").is_none());
    assert!(
        first["url"]
            .as_str()
            .unwrap()
            .contains("/netzwerk/akteure/")
    );

    let nlp: serde_json::Value =
        serde_json::from_str(&app.get("/netzwerk/api/akteure?kompetenz=nlp").await.body).unwrap();
    assert_eq!(nlp["total"], 2);
    let both: serde_json::Value = serde_json::from_str(
        &app.get("/netzwerk/api/akteure?kompetenz=nlp&kreis=14713")
            .await
            .body,
    )
    .unwrap();
    assert_eq!(both["data"][0]["name"], "Offen Zwei");
    assert_eq!(both["total"], 1);

    for i in 0..100 {
        insert_actor(
            &app,
            &format!("Masse {i:03}"),
            "startup",
            &["robotik"],
            &[],
            "14612000",
            "klein",
            VERIFIED,
        )
        .await;
    }
    let page1: serde_json::Value =
        serde_json::from_str(&app.get("/netzwerk/api/akteure").await.body).unwrap();
    assert_eq!(page1["data"].as_array().unwrap().len(), 100);
    assert_eq!(page1["pages"], 2);
    assert!(
        page1["next"]
            .as_str()
            .unwrap()
            .ends_with("/netzwerk/api/akteure?seite=2")
    );
    let page2: serde_json::Value =
        serde_json::from_str(&app.get("/netzwerk/api/akteure?seite=2").await.body).unwrap();
    assert_eq!(page2["data"].as_array().unwrap().len(), 3);
    // Beyond the last page: an empty page (every JSON API's rule).
    let page3 = app.get("/netzwerk/api/akteure?seite=3").await;
    assert_eq!(page3.status, StatusCode::OK);
    let page3: serde_json::Value = serde_json::from_str(&page3.body).unwrap();
    assert_eq!(page3["data"].as_array().unwrap().len(), 0);
    assert_eq!(page3["pages"], 2);
    assert_eq!(
        app.get("/netzwerk/api/akteure?seite=x").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_api() {
    let app = app().await;
    let r = app.get("/netzwerk/api/openapi.json").await;
    assert_eq!(r.status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.0."));
    assert!(doc["info"]["title"].is_string() && doc["info"]["version"].is_string());
    let get = &doc["paths"]["/netzwerk/api/akteure"]["get"];
    assert!(get["responses"]["200"].is_object());
    let params: Vec<&str> = get["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for name in [
        "seite",
        "kategorie",
        "kompetenz",
        "branche",
        "angebot",
        "kreis",
        "groesse",
    ] {
        assert!(params.contains(&name), "{name}");
    }
    // Every field the API returns is described.
    let api: serde_json::Value = {
        actors(&app).await;
        serde_json::from_str(&app.get("/netzwerk/api/akteure").await.body).unwrap()
    };
    let described = &doc["components"]["schemas"]["Actor"]["properties"];
    for key in api["data"][0].as_object().unwrap().keys() {
        assert!(described.get(key).is_some(), "{key} undocumented");
    }
    let page = app.get("/netzwerk/daten").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("rel=\"license\"") && page.body.contains("dl-de/by-2-0"));
}

/// The (label, value) rows of a chart's data table.
fn chart_rows(r: &TestResponse, id: &str) -> Vec<(String, String)> {
    let html = r.html();
    let row =
        scraper::Selector::parse(&format!("figure[aria-labelledby='{id}-title'] tr")).unwrap();
    let th = scraper::Selector::parse("th[scope=row]").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    html.select(&row)
        .filter_map(|tr| {
            let label = tr.select(&th).next()?.text().collect::<String>();
            let value = tr.select(&td).next()?.text().collect::<String>();
            Some((label, value))
        })
        .collect()
}

#[tokio::test]
async fn statistics_equal_the_database_counts_and_quote_the_study() {
    let app = app().await;
    actors(&app).await;
    let r = app.get("/netzwerk/zahlen").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    for (slug, label) in [
        ("startup", "Start-up"),
        ("hochschule", "Hochschule/Professur"),
        ("netzwerk", "Netzwerk/Verband"),
    ] {
        let db = actor::Entity::find()
            .filter(actor::Column::Status.eq(VERIFIED))
            .filter(actor::Column::Category.eq(slug))
            .count(&app.db)
            .await
            .unwrap();
        let rows = chart_rows(&r, "kategorien");
        let shown = rows.iter().find(|(l, _)| l == label).unwrap();
        assert_eq!(shown.1, db.to_string(), "{label}");
    }
    let kreise = chart_rows(&r, "kreise");
    assert_eq!(kreise.iter().find(|(l, _)| l == "Dresden").unwrap().1, "1");
    assert_eq!(kreise.iter().find(|(l, _)| l == "Leipzig").unwrap().1, "1");
    let comps = chart_rows(&r, "kompetenzen");
    assert_eq!(
        comps
            .iter()
            .find(|(l, _)| l == "Sprachverarbeitung/NLP")
            .unwrap()
            .1,
        "2"
    );
    let study = r.text("#study-caption ~ tbody");
    for figure in ["196", "43 %", "161", "86", "33", "18", "48"] {
        assert!(study.contains(figure), "{figure}");
    }
    assert!(r.text("thead").contains("KI-Studie Sachsen (2024)"));
}

#[tokio::test]
async fn open_data_and_statistics_cost_constant_queries() {
    let app = app().await;
    actors(&app).await;
    let paths = [
        "/netzwerk/api/akteure",
        "/netzwerk/daten/akteure.csv",
        "/netzwerk/daten/akteure.geojson",
        "/netzwerk/zahlen",
    ];
    let mut small = Vec::new();
    for p in paths {
        app.get(p).await;
        small.push(app.count_queries(app.get(p)).await.0);
    }
    for i in 0..20 {
        insert_actor(
            &app,
            &format!("Mehr {i}"),
            "bildung",
            &["nlp"],
            &["bildung"],
            "14612000",
            "klein",
            VERIFIED,
        )
        .await;
    }
    for (p, n) in paths.iter().zip(small) {
        app.get(p).await;
        assert_eq!(app.count_queries(app.get(p)).await.0, n, "{p}");
    }
}

#[tokio::test]
async fn api_errors_are_json_with_the_reason() {
    let app = app().await;
    actors(&app).await;
    // Beyond the last page: an empty page with the page count, as every
    // JSON API answers.
    let beyond = app.get("/netzwerk/api/akteure?seite=999").await;
    assert_eq!(beyond.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&beyond.body).unwrap();
    assert_eq!(json["data"].as_array().map(Vec::len), Some(0), "{json}");
    assert_eq!(json["pages"], 1);
    assert!(json["next"].is_null());
    for path in [
        "/netzwerk/api/akteure?seite=0",
        "/netzwerk/api/akteure?seite=abc",
        "/netzwerk/api/akteure?seite=1001",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}");
        assert!(
            r.headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{path}"
        );
        let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
        assert_eq!(json["status"], 400);
        assert!(json["detail"].as_str().unwrap().contains("Seite"), "{json}");
        assert!(json["request_id"].is_string());
        // Scripts of other sites that may read the data may read the error.
        assert_eq!(
            r.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN],
            "*",
            "{path}"
        );
    }
    // Pages elsewhere keep their HTML error page, readable by this site only.
    let r = app.get("/netzwerk/akteure?seite=abc").await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("<html"));
    assert!(!r.headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN));
}
