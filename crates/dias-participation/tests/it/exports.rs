use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{comment, paragraph, proposal, suggestion};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::support::TestApp;

#[tokio::test]
async fn exports_read_back_with_the_same_counts_as_the_database() {
    let app = TestApp::with_modules(vec![dias_participation::module()]).await;
    for i in 0..6 {
        app.create_user(&format!("p{i}@example.org"), Role::Participant)
            .await;
    }
    let seeder = dias_participation::module().demo.unwrap();
    seeder(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    let counts = [
        (
            "paragraph",
            paragraph::Entity::find().count(&app.db).await.unwrap() as usize,
        ),
        (
            "proposal",
            proposal::Entity::find().count(&app.db).await.unwrap() as usize,
        ),
        (
            "suggestion",
            suggestion::Entity::find().count(&app.db).await.unwrap() as usize,
        ),
        (
            "comment",
            comment::Entity::find().count(&app.db).await.unwrap() as usize,
        ),
    ];
    assert!(counts.iter().all(|(_, n)| *n > 0), "{counts:?}");

    // Participants may not download.
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.get("/beteiligung/digitalstrategie-sachsen/daten/export.csv")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;

    let csv = app
        .get("/beteiligung/digitalstrategie-sachsen/daten/export.csv")
        .await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let mut reader = csv::Reader::from_reader(csv.body.as_bytes());
    let mut authors = std::collections::HashSet::new();
    let mut per_type = std::collections::HashMap::<String, usize>::new();
    for record in reader.records() {
        let record = record.unwrap();
        *per_type.entry(record[0].to_owned()).or_default() += 1;
        if !record[3].is_empty() {
            authors.insert(record[3].to_owned());
        }
    }
    for (kind, n) in counts {
        assert_eq!(per_type.get(kind).copied().unwrap_or(0), n, "CSV {kind}");
    }
    assert!(
        authors.iter().all(|a| a.starts_with("T-")),
        "pseudonyms only"
    );
    assert!(!csv.body.contains("@example.org"), "no e-mail addresses");
    assert!(
        authors.len() > 1 && authors.len() <= 8,
        "stable pseudonyms per person: {}",
        authors.len()
    );

    let xlsx = app
        .request(
            axum::http::Request::builder()
                .uri("/beteiligung/digitalstrategie-sachsen/daten/export.xlsx")
                .header("cookie", csv_cookie(&app).await)
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(xlsx.status, StatusCode::OK);
    let bytes = xlsx_bytes(&app).await;
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    for ((_, n), sheet) in counts.iter().zip([
        "Absaetze",
        "Vorschlaege",
        "Aenderungsvorschlaege",
        "Kommentare",
    ]) {
        let range = workbook.worksheet_range(sheet).unwrap();
        assert_eq!(range.height() - 1, *n, "XLSX sheet {sheet}");
    }

    let json = app
        .get("/beteiligung/digitalstrategie-sachsen/daten/export.json")
        .await;
    let value: serde_json::Value = serde_json::from_str(&json.body).unwrap();
    for ((_, n), key) in counts
        .iter()
        .zip(["paragraphs", "proposals", "suggestions", "comments"])
    {
        assert_eq!(value[key].as_array().unwrap().len(), *n, "JSON {key}");
    }
    // Joinable: every comment on a proposal points at an exported proposal.
    let proposal_ids: std::collections::HashSet<i64> = value["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_i64().unwrap())
        .collect();
    assert!(
        value["comments"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["parent_type"] == "proposal")
            .all(|c| proposal_ids.contains(&c["parent_id"].as_i64().unwrap()))
    );
    assert_eq!(
        app.get("/beteiligung/digitalstrategie-sachsen/daten/export.exe")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

/// The body of the XLSX download as bytes (TestResponse keeps text).
async fn xlsx_bytes(app: &TestApp) -> Vec<u8> {
    use tower::ServiceExt;
    let request = axum::http::Request::builder()
        .uri("/beteiligung/digitalstrategie-sachsen/daten/export.xlsx")
        .header("cookie", csv_cookie(app).await)
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

/// A fresh staff session cookie.
async fn csv_cookie(app: &TestApp) -> String {
    let email = format!(
        "export-{}@example.org",
        &dias_core::crypto::random_token()[..6].to_lowercase()
    );
    app.create_user(&email, Role::Staff).await;
    let response = app.login(&email, None).await;
    response.headers["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}
