//! Passende Partner: the partner finder and the profile section.

use axum::http::StatusCode;
use dias_network::domain::{PENDING, VERIFIED};
use dias_network::entities::actor;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::{app, insert_actor};
use crate::support::TestApp;

const DRESDEN: &str = "14612000";
const LEIPZIG: &str = "14713000";

async fn describe(app: &TestApp, a: &actor::Model, text: &str) {
    actor::Entity::update_many()
        .col_expr(actor::Column::DescriptionMd, Expr::value(text))
        .filter(actor::Column::Id.eq(a.id))
        .exec(&app.db)
        .await
        .unwrap();
    crate::helpers::bump_actors(app).await;
}

/// A small network: two farming vision actors, a factory vision actor, an
/// administration NLP actor and a pending farming vision actor.
async fn network(app: &TestApp) -> [actor::Model; 5] {
    let farm = insert_actor(
        app,
        "Feldblick Sensorik",
        "startup",
        &["bildverarbeitung", "robotik"],
        &["umwelt-landwirtschaft"],
        DRESDEN,
        "kleinst",
        VERIFIED,
    )
    .await;
    describe(
        app,
        &farm,
        "Kameras auf Feldrobotern erkennen Unkraut im Gemüsebau.",
    )
    .await;
    let chair = insert_actor(
        app,
        "Professur Agrarsysteme",
        "hochschule",
        &["bildverarbeitung", "robotik"],
        &["umwelt-landwirtschaft"],
        DRESDEN,
        "mittel",
        VERIFIED,
    )
    .await;
    describe(
        app,
        &chair,
        "Bildverarbeitung und Robotik für die Landwirtschaft.",
    )
    .await;
    let factory = insert_actor(
        app,
        "Blechprüfung Werk",
        "unternehmen",
        &["bildverarbeitung"],
        &["produktion"],
        LEIPZIG,
        "gross",
        VERIFIED,
    )
    .await;
    let office = insert_actor(
        app,
        "Amtsdeutsch Labor",
        "forschungseinrichtung",
        &["nlp"],
        &["verwaltung"],
        LEIPZIG,
        "klein",
        VERIFIED,
    )
    .await;
    let pending = insert_actor(
        app,
        "Noch Ungeprüft Agrar",
        "startup",
        &["bildverarbeitung"],
        &["umwelt-landwirtschaft"],
        DRESDEN,
        "kleinst",
        PENDING,
    )
    .await;
    [farm, chair, factory, office, pending]
}

#[tokio::test]
async fn the_partner_finder_ranks_the_actor_with_the_needs_terms_first_with_reasons() {
    let app = app().await;
    let [farm, chair, factory, office, pending] = network(&app).await;
    let r = app
        .get("/netzwerk/partner-finden?bedarf=Wir+suchen+Partner+f%C3%BCr+Bildverarbeitung+in+der+Landwirtschaft")
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let titles = r.texts(".network-matches .card__title");
    // The chair's description repeats the need's words; the start-up shares
    // the terms only; the factory shares the competence.
    assert_eq!(
        titles,
        vec![chair.name.clone(), farm.name.clone(), factory.name.clone()]
    );
    assert!(!r.body.contains(&office.name));
    assert!(!r.body.contains(&pending.name));
    let reasons = r.texts(".network-matches li.card:first-child .match-reasons li");
    assert!(
        reasons.contains(&"Gemeinsame Kompetenzen: Bildverarbeitung/Computer Vision".to_owned()),
        "{reasons:?}"
    );
    assert!(
        reasons.contains(&"Branche: Umwelt/Landwirtschaft".to_owned()),
        "{reasons:?}"
    );
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("Ähnliche Beschreibung: ")),
        "{reasons:?}"
    );
    // What was understood is shown too.
    assert!(r.body.contains("Aus Ihrem Bedarf erkannt"));
    // Without a need there is only the form.
    let empty = app.get("/netzwerk/partner-finden").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.count(".network-matches"), 0);
}

#[tokio::test]
async fn a_profile_suggests_partners_with_reasons_but_never_itself_or_pending_ones() {
    let app = app().await;
    let [farm, chair, factory, office, pending] = network(&app).await;
    let r = app.get(&format!("/netzwerk/akteure/{}", farm.slug)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let titles = r.texts(".network-matches .card__title");
    assert_eq!(titles, vec![chair.name.clone(), factory.name.clone()]);
    let reasons = r.texts(".network-matches li.card:first-child .match-reasons li");
    assert_eq!(
        reasons[..4],
        [
            "Gemeinsame Kompetenzen: Bildverarbeitung/Computer Vision, Robotik".to_owned(),
            "Branche: Umwelt/Landwirtschaft".to_owned(),
            "Ergänzt sich mit Ihnen: Forschung".to_owned(),
            "Im selben Kreis: Dresden".to_owned(),
        ]
    );
    assert!(!titles.contains(&office.name) && !titles.contains(&pending.name));
    // A pending profile (seen by nobody but its people) suggests nothing.
    assert_eq!(
        app.get(&format!("/netzwerk/akteure/{}", pending.slug))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn matching_pages_cost_the_same_number_of_queries_however_many_actors_exist() {
    let app = app().await;
    let [farm, ..] = network(&app).await;
    let finder = "/netzwerk/partner-finden?bedarf=Robotik+f%C3%BCr+Agrarbetriebe";
    let profile = format!("/netzwerk/akteure/{}", farm.slug);
    // Warm the index, then count.
    app.get(finder).await;
    let (small_finder, _) = app.count_queries(app.get(finder)).await;
    let (small_profile, _) = app.count_queries(app.get(&profile)).await;
    for i in 0..25 {
        insert_actor(
            &app,
            &format!("Agrarroboter {i}"),
            "unternehmen",
            &["robotik"],
            &["umwelt-landwirtschaft"],
            DRESDEN,
            "klein",
            VERIFIED,
        )
        .await;
    }
    app.get(finder).await;
    let (large_finder, r) = app.count_queries(app.get(finder)).await;
    assert!(r.count(".network-matches .card") >= 20);
    let (large_profile, r) = app.count_queries(app.get(&profile)).await;
    assert_eq!(r.count(".network-matches .card"), 5);
    assert_eq!(small_finder, large_finder);
    assert_eq!(small_profile, large_profile);
}
