//! The comparison of up to four offers.

use axum::http::StatusCode;

use crate::helpers::app_with_catalogue;

#[tokio::test]
async fn offers_are_compared_condition_by_condition_in_a_table() {
    let app = app_with_catalogue().await;
    let r = app
        .get("/foerderung/vergleich?angebot=digi-z&angebot=digi-d")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let headers = r.texts("#funding-compare thead th[scope=col]");
    assert_eq!(headers.len(), 3);
    assert!(headers[1].contains("Digi-Z"), "{headers:?}");
    assert!(
        headers[2].contains("Digi-D") || headers[2].contains("Digitalisierungsdarlehen"),
        "{headers:?}"
    );
    let rows = r.texts("#funding-compare tbody tr");
    assert!(rows.len() >= 15, "{rows:?}");
    let row = |label: &str| {
        rows.iter()
            .find(|t| t.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no row {label}: {rows:?}"))
            .clone()
    };
    assert!(row("Förderart").contains("Zuschuss") && row("Förderart").contains("Darlehen"));
    assert!(
        row("Förderquote").contains("60 %"),
        "{}",
        row("Förderquote")
    );
    assert!(
        row("Höchstbetrag").contains("250.000 Euro"),
        "{}",
        row("Höchstbetrag")
    );
    for label in [
        "Förderberechtigte",
        "Unternehmensgröße",
        "Fördergebiet",
        "Förderbereich",
        "Verfahren",
        "Status",
    ] {
        row(label);
    }
    assert_eq!(r.count("#funding-compare tbody th[scope=row]"), rows.len());
    // A labelled region that scrolls and takes the focus.
    assert_eq!(r.attr(".table-wrap", "tabindex").as_deref(), Some("0"));
    assert_eq!(r.attr(".table-wrap", "role").as_deref(), Some("region"));
    // In English (a signed-in person's choice is kept in the profile):
    // labels, figures and dates in the visitor's language.
    app.sign_in_as(dias_core::policy::Role::Participant).await;
    app.post("/sprache", &[("lang", "en"), ("zurueck", "/foerderung")])
        .await;
    let en = app
        .get("/foerderung/vergleich?angebot=digi-z&angebot=digi-d")
        .await;
    assert_eq!(en.status, StatusCode::OK);
    assert_eq!(en.text("#funding-compare caption"), "Conditions compared");
    assert!(en.text("#funding-compare").contains("27 November 2026"));
    let deadlines = app.get("/foerderung/fristen").await;
    assert_eq!(deadlines.text("h1"), "Application deadlines");
}

#[tokio::test]
async fn more_than_four_are_cut_and_unknown_offers_named() {
    let app = app_with_catalogue().await;
    let r = app
        .get("/foerderung/vergleich?angebot=digi-z&angebot=digi-d&angebot=gibt-es-nicht&angebot=innopraemie&angebot=go-digital&angebot=digital-jetzt&angebot=digi-z")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#funding-compare thead th[scope=col]"), 5);
    assert!(r.text("#funding-compare-too-many").contains("höchstens 4"));
    assert!(r.text("#funding-compare-unknown").contains("gibt-es-nicht"));
    // Nothing chosen: an explanation, no table.
    let empty = app.get("/foerderung/vergleich").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.count("#funding-compare"), 0);
    assert_eq!(empty.count("#funding-compare-empty"), 1);
}

#[tokio::test]
async fn the_result_cards_and_the_offer_page_lead_to_the_comparison() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung").await;
    assert_eq!(
        r.attr("#funding-compare-form", "action").as_deref(),
        Some("/foerderung/vergleich")
    );
    assert_eq!(
        r.attr("#funding-compare-form", "method").as_deref(),
        Some("get")
    );
    let boxes = r.count("#funding-results input[name=angebot][form=funding-compare-form]");
    assert!(boxes >= 10, "{boxes}");
    let offer = app.get("/foerderung/angebote/digi-z").await;
    assert_eq!(
        offer.attr("#funding-compare-link", "href").as_deref(),
        Some("/foerderung/vergleich?angebot=digi-z")
    );
}
