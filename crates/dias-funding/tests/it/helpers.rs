//! Shared set-up: the app with the funding module and the shipped
//! catalogue stored through the store, with the search index rebuilt.

use dias_funding::Offer;

use crate::support::{TestApp, TestResponse};

pub(crate) async fn app() -> TestApp {
    TestApp::with_modules(vec![dias_funding::module()]).await
}

pub(crate) fn catalogue() -> Vec<Offer> {
    let report = dias_funding::catalogue::load().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report.offers
}

/// Rebuilds the search index (the demo and bulk inserts do not feed the
/// outbox; a running instance rebuilds on start).
pub(crate) async fn reindex(app: &TestApp) {
    dias_search::indexer::rebuild(
        &app.state.db,
        &app.state.search,
        &app.state.sources,
        |_, _| {},
    )
    .await
    .unwrap();
}

/// The app with the shipped catalogue.
pub(crate) async fn app_with_catalogue() -> TestApp {
    let app = app().await;
    dias_funding::store::insert_many(
        &app.db,
        &catalogue(),
        dias_funding::today(),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    reindex(&app).await;
    app
}

/// The leading number of an element's text ("12 Angebote gefunden" → 12).
pub(crate) fn number(r: &TestResponse, selector: &str) -> usize {
    let text = r.text(selector);
    let digits: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(0)
}

/// Slugs of the offers listed on a search page, in order.
pub(crate) fn listed(r: &TestResponse) -> Vec<String> {
    let html = r.html();
    let sel = scraper::Selector::parse("#funding-results .card__title a").unwrap();
    html.select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_start_matches("/foerderung/angebote/").to_owned())
        .collect()
}
