//! The offer page.

use axum::http::StatusCode;

use crate::helpers::app_with_catalogue;

#[tokio::test]
async fn the_offer_page_shows_conditions_in_german_formats() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung/angebote/digi-z").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Digitalisierung Zuschuss (FRL Digi-Z)");
    let conditions = r.text("#funding-conditions");
    assert!(conditions.contains("60 %"), "{conditions}");
    assert!(conditions.contains("5.000 Euro"), "{conditions}");
    assert!(conditions.contains("100.000 Euro"), "{conditions}");
    assert!(conditions.contains("Förderfähige Ausgaben"), "{conditions}");
    assert!(
        conditions.contains("Laufende Antragstellung"),
        "{conditions}"
    );
    let tiers = r.texts("#funding-tiers tbody tr");
    assert_eq!(tiers.len(), 3);
    assert!(
        tiers[1].contains("Kleines Unternehmen")
            && tiers[1].contains("50 %")
            && tiers[1].contains("60.000 Euro")
    );
    // Status, contact, legal basis, source, licence and the last check.
    assert!(r.body.contains("Status: Offen"));
    assert!(r.body.contains("Sächsische Aufbaubank – Förderbank (SAB)"));
    assert!(
        r.body
            .contains("Förderrichtlinie Digitalisierung Zuschuss (FRL Digi-Z)")
    );
    assert!(r.body.contains("https://www.sab.sachsen.de"));
    assert!(r.body.contains("CC BY 4.0"));
    assert!(r.body.contains("27.11.2026"));
    // The Markdown full text is rendered, not shown as source.
    assert!(r.body.contains("<strong>Zwei Arten von Vorhaben</strong>"));
}

#[tokio::test]
async fn ended_and_example_offers_say_so() {
    let app = app_with_catalogue().await;
    let ended = app.get("/foerderung/angebote/go-digital").await;
    assert_eq!(ended.status, StatusCode::OK);
    assert!(ended.body.contains("Ausgelaufen"));
    assert!(
        ended.body.contains("31.12.2024"),
        "programme end as a Berlin date"
    );
    let example = app
        .get("/foerderung/angebote/gigabit-kofinanzierung-kommunen")
        .await;
    assert_eq!(example.status, StatusCode::OK);
    assert!(example.body.contains("erfundenes Beispiel"));
}

#[tokio::test]
async fn unknown_offers_are_not_found() {
    let app = app_with_catalogue().await;
    for path in [
        "/foerderung/angebote/gibt-es-nicht",
        "/foerderung/angebote/DIGI-Z",
        "/foerderung/angebote/%3Cscript%3E",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn every_offer_of_the_catalogue_has_a_page() {
    let app = app_with_catalogue().await;
    for offer in crate::helpers::catalogue() {
        let r = app
            .get(&format!("/foerderung/angebote/{}", offer.slug))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", offer.slug);
        assert_eq!(r.text("h1"), offer.title);
    }
}

#[tokio::test]
async fn english_visitors_read_english_figures_and_dates() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let app = app_with_catalogue().await;
    let english = |path: &str| {
        Request::builder()
            .uri(path)
            .header(header::COOKIE, "dias_lang=en")
            .body(Body::empty())
            .unwrap()
    };
    let r = app.request(english("/foerderung/angebote/digi-z")).await;
    assert_eq!(r.status, StatusCode::OK);
    let tiers = r.texts("#funding-tiers tbody tr");
    assert!(
        tiers[1].contains("50%") && tiers[1].contains("EUR 60,000"),
        "{tiers:?}"
    );
    assert!(r.body.contains("27 November 2026"));
    assert!(r.body.contains("Conditions"));
    let check = app
        .request(english(
            "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein",
        ))
        .await;
    assert!(check.text("#funding-check-summary").contains("offers fit"));
}
