//! The results page and report count what the database holds.

use std::collections::HashSet;

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{
    comment, process, proposal, proposal_support, suggestion, suggestion_support,
};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::support::TestApp;

const SLUG: &str = "digitalstrategie-sachsen";

async fn demo_app() -> TestApp {
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
    app
}

/// Counts straight from the tables: proposals, comments, suggestions,
/// supports (of proposals and suggestions), and the distinct people behind them.
async fn expected(app: &TestApp) -> ([u64; 4], usize) {
    let proposals = proposal::Entity::find().all(&app.db).await.unwrap();
    let comments = comment::Entity::find().all(&app.db).await.unwrap();
    let suggestions = suggestion::Entity::find().all(&app.db).await.unwrap();
    let supports = proposal_support::Entity::find().all(&app.db).await.unwrap();
    let suggestion_supports = suggestion_support::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    let people: HashSet<i64> = proposals
        .iter()
        .map(|p| p.author_id)
        .chain(comments.iter().map(|c| c.author_id))
        .chain(suggestions.iter().map(|s| s.author_id))
        .chain(supports.iter().map(|s| s.user_id))
        .chain(suggestion_supports.iter().map(|s| s.user_id))
        .collect();
    (
        [
            proposals.len() as u64,
            comments.len() as u64,
            suggestions.len() as u64,
            (supports.len() + suggestion_supports.len()) as u64,
        ],
        people.len(),
    )
}

fn number(text: &str) -> u64 {
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn the_results_page_shows_the_counts_of_the_database() {
    let app = demo_app().await;
    let (counts, people) = expected(&app).await;
    assert!(counts.iter().all(|n| *n > 0), "{counts:?}");
    let (queries, page) = app
        .count_queries(app.get(&format!("/beteiligung/{SLUG}/ergebnisse")))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let figures: Vec<u64> = page
        .texts(".figures dd")
        .iter()
        .map(|t| number(t))
        .collect();
    assert_eq!(figures[0], people as u64, "participants");
    assert_eq!(figures[1], counts.iter().sum::<u64>(), "all contributions");
    assert_eq!(&figures[2..6], &counts, "per kind");
    // The per-phase table adds up to the totals in each row.
    let rows = page.texts("#phases-heading ~ .table-wrap tbody tr");
    assert_eq!(rows.len(), 4);
    // The weekly chart has a data table whose numbers sum to all contributions.
    let weekly: u64 = page
        .texts("#time-heading ~ figure td.num")
        .iter()
        .map(|t| number(t))
        .sum();
    assert_eq!(weekly, counts.iter().sum::<u64>());
    assert_eq!(page.count("main svg[role=img]"), 3, "three charts");

    // A second view within the minute is served from the figures already
    // counted: fewer queries, and still the same page.
    let (again, _) = app
        .count_queries(app.get(&format!("/beteiligung/{SLUG}/ergebnisse")))
        .await;
    assert!(again < queries, "{again} < {queries}");
}

#[tokio::test]
async fn the_report_reads_back_with_the_same_numbers() {
    use calamine::{Data, Reader};
    use tower::ServiceExt;

    let app = demo_app().await;
    let (counts, people) = expected(&app).await;
    let request = axum::http::Request::builder()
        .uri(format!("/beteiligung/{SLUG}/ergebnisse/bericht.xlsx"))
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.router.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names.len(), 5, "{names:?}");
    let summary = book.worksheet_range(&names[0]).unwrap();
    let value = |range: &calamine::Range<Data>, row: usize, col: usize| match range.get((row, col))
    {
        Some(Data::Float(f)) => *f as u64,
        other => panic!("({row}, {col}): {other:?}"),
    };
    // Heading, blank line, column heads, then participants and contributions.
    assert_eq!(value(&summary, 3, 1), people as u64);
    assert_eq!(value(&summary, 4, 1), counts.iter().sum::<u64>());
    let by_phase = book.worksheet_range(&names[1]).unwrap();
    for (i, n) in counts.iter().enumerate() {
        assert_eq!(value(&by_phase, i + 1, 1), *n, "kind {i}");
        // The phase columns never count more than the total.
        let per_phase: u64 = (2..by_phase.width())
            .map(|c| value(&by_phase, i + 1, c))
            .sum();
        assert!(per_phase <= *n);
    }
    let statuses = book.worksheet_range(&names[3]).unwrap();
    let proposals_by_status: u64 = (1..statuses.height()).map(|r| value(&statuses, r, 1)).sum();
    let visible = proposal::Entity::find().count(&app.db).await.unwrap();
    assert!(proposals_by_status <= visible && proposals_by_status > 0);
}

#[tokio::test]
async fn drafts_have_no_public_results() {
    let app = demo_app().await;
    use sea_orm::{ActiveModelTrait, Set};
    let p = process::Entity::find().one(&app.db).await.unwrap().unwrap();
    let mut draft: process::ActiveModel = p.into();
    draft.visibility = Set("draft".into());
    draft.update(&app.db).await.unwrap();
    for path in ["ergebnisse", "ergebnisse/bericht.xlsx"] {
        assert_eq!(
            app.get(&format!("/beteiligung/{SLUG}/{path}")).await.status,
            StatusCode::NOT_FOUND,
            "{path}"
        );
    }
}
