use axum::http::StatusCode;
use dias_network::entities::actor;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::{app, insert_actor};
use crate::support::{TestApp, TestResponse};

const CATEGORIES: [&str; 4] = ["startup", "unternehmen", "hochschule", "netzwerk"];
const COMPETENCES: [&str; 4] = ["nlp", "robotik", "bildverarbeitung", "optimierung"];
const INDUSTRIES: [&str; 3] = ["gesundheit", "energie", "produktion"];
const PLACES: [(&str, &str); 4] = [
    ("14612000", "14612"),
    ("14713000", "14713"),
    ("14511000", "14511"),
    ("14626110", "14626"),
];
const SIZES: [&str; 3] = ["kleinst", "klein", "mittel"];

/// The leading number of an element's text ("12 Treffer" → 12).
fn number(r: &TestResponse, selector: &str) -> usize {
    let text = r.text(selector);
    let digits: String = text
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().unwrap_or(0)
}

fn facet_count(r: &TestResponse, param: &str, value: &str) -> usize {
    number(
        r,
        &format!("label[for=\"f-{param}-{value}\"] .facet__count"),
    )
}

/// (param, values) of a filter, as the URL carries it.
type Filter = Vec<(&'static str, Vec<&'static str>)>;

fn url(filter: &Filter) -> String {
    let pairs: Vec<(&str, &str)> = filter
        .iter()
        .flat_map(|(p, vs)| vs.iter().map(move |v| (*p, *v)))
        .collect();
    format!(
        "/netzwerk/akteure?{}",
        serde_urlencoded::to_string(pairs).unwrap()
    )
}

fn has(a: &actor::Model, param: &str, value: &str) -> bool {
    let list = |s: &str| s.split(',').any(|x| x == value);
    match param {
        "kategorie" => a.category == value,
        "kompetenz" => list(&a.competences),
        "branche" => list(&a.industries),
        "kreis" => a.ags5 == value,
        "groesse" => a.size_class == value,
        _ => false,
    }
}

/// Verified actors matching every facet of `filter` except `skip`.
fn brute(all: &[actor::Model], filter: &Filter, skip: Option<&str>) -> Vec<actor::Model> {
    all.iter()
        .filter(|a| a.status == "verified")
        .filter(|a| {
            filter.iter().all(|(param, values)| {
                Some(*param) == skip || values.is_empty() || values.iter().any(|v| has(a, param, v))
            })
        })
        .cloned()
        .collect()
}

async fn random_actors(app: &TestApp, n: usize, rng: &mut StdRng) {
    for i in 0..n {
        let k = rng.gen_range(1..3);
        let competences: Vec<&str> = COMPETENCES.choose_multiple(rng, k).copied().collect();
        let industries: Vec<&str> = INDUSTRIES.choose_multiple(rng, 1).copied().collect();
        let (ags8, _) = PLACES[rng.gen_range(0..PLACES.len())];
        insert_actor(
            app,
            &format!("Akteur {i}"),
            CATEGORIES[rng.gen_range(0..CATEGORIES.len())],
            &competences,
            &industries,
            ags8,
            SIZES[rng.gen_range(0..SIZES.len())],
            if rng.gen_bool(0.85) {
                "verified"
            } else {
                "pending"
            },
        )
        .await;
    }
}

#[tokio::test]
async fn facet_counts_equal_a_brute_force_count_over_the_database() {
    let app = app().await;
    let mut rng = StdRng::seed_from_u64(11);
    random_actors(&app, 160, &mut rng).await;
    let all = actor::Entity::find().all(&app.db).await.unwrap();
    for round in 0..12 {
        let mut filter: Filter = Vec::new();
        let k = rng.gen_range(0..3);
        filter.push((
            "kompetenz",
            COMPETENCES.choose_multiple(&mut rng, k).copied().collect(),
        ));
        let k = rng.gen_range(0..2);
        filter.push((
            "kreis",
            PLACES.choose_multiple(&mut rng, k).map(|p| p.1).collect(),
        ));
        let k = rng.gen_range(0..2);
        filter.push((
            "kategorie",
            CATEGORIES.choose_multiple(&mut rng, k).copied().collect(),
        ));
        let k = rng.gen_range(0..2);
        filter.push((
            "groesse",
            SIZES.choose_multiple(&mut rng, k).copied().collect(),
        ));
        let r = app.get(&url(&filter)).await;
        assert_eq!(r.status, StatusCode::OK);
        let expected = brute(&all, &filter, None).len();
        assert_eq!(
            number(&r, "#network-result-count"),
            expected,
            "round {round}: {filter:?}"
        );
        for (param, values) in [
            ("kompetenz", &COMPETENCES[..]),
            ("kategorie", &CATEGORIES[..]),
            ("groesse", &SIZES[..]),
            ("branche", &INDUSTRIES[..]),
        ] {
            for v in values {
                let want = brute(&all, &filter, Some(param))
                    .iter()
                    .filter(|a| has(a, param, v))
                    .count();
                assert_eq!(
                    facet_count(&r, param, v),
                    want,
                    "round {round}: {param}={v} {filter:?}"
                );
            }
        }
        for (_, ags5) in PLACES {
            let want = brute(&all, &filter, Some("kreis"))
                .iter()
                .filter(|a| a.ags5 == ags5)
                .count();
            assert_eq!(
                facet_count(&r, "kreis", ags5),
                want,
                "round {round}: kreis={ags5}"
            );
        }
        // Selected values stay checked, so the form can be sent again.
        for (param, values) in &filter {
            for v in values {
                assert!(r.attr(&format!("#f-{param}-{v}"), "checked").is_some());
            }
        }
    }
}

#[tokio::test]
async fn the_snapshot_follows_inserts_updates_and_status_changes() {
    let app = app().await;
    let first = insert_actor(
        &app,
        "Erster Akteur",
        "startup",
        &["nlp"],
        &[],
        "14612000",
        "klein",
        "verified",
    )
    .await;
    let r = app.get("/netzwerk/akteure?kompetenz=nlp").await;
    assert_eq!(number(&r, "#network-result-count"), 1);
    // A new actor in the same second.
    insert_actor(
        &app,
        "Zweiter Akteur",
        "startup",
        &["nlp"],
        &[],
        "14713000",
        "klein",
        "verified",
    )
    .await;
    let r = app.get("/netzwerk/akteure?kompetenz=nlp").await;
    assert_eq!(number(&r, "#network-result-count"), 2);
    assert!(r.body.contains("Zweiter Akteur"));
    // An update that keeps the count (the writer moves the change counter).
    actor::Entity::update_many()
        .col_expr(actor::Column::Competences, Expr::value("robotik"))
        .col_expr(
            actor::Column::UpdatedAt,
            Expr::value(dias_core::time::now()),
        )
        .filter(actor::Column::Id.eq(first.id))
        .exec(&app.db)
        .await
        .unwrap();
    crate::helpers::bump_actors(&app).await;
    let r = app.get("/netzwerk/akteure?kompetenz=nlp").await;
    assert_eq!(number(&r, "#network-result-count"), 1);
    assert_eq!(facet_count(&r, "kompetenz", "robotik"), 1);
    // Unpublished: gone from the directory and the map.
    actor::Entity::update_many()
        .col_expr(actor::Column::Status, Expr::value("pending"))
        .col_expr(
            actor::Column::UpdatedAt,
            Expr::value(dias_core::time::now() + 1),
        )
        .filter(actor::Column::Id.eq(first.id))
        .exec(&app.db)
        .await
        .unwrap();
    crate::helpers::bump_actors(&app).await;
    let map = app.get("/netzwerk/karte").await;
    assert_eq!(number(&map, "#network-result-count"), 1);
    assert!(!map.body.contains("Erster Akteur"));
}

#[tokio::test]
async fn directory_and_map_cost_the_same_queries_for_few_and_many_actors() {
    let app = app().await;
    let mut rng = StdRng::seed_from_u64(3);
    // Every page has rows to read, with few actors as with many.
    insert_actor(
        &app,
        "Immer dabei",
        "startup",
        &["nlp"],
        &[],
        "14612000",
        "klein",
        "verified",
    )
    .await;
    random_actors(&app, 5, &mut rng).await;
    let pages = [
        "/netzwerk/akteure?kompetenz=nlp&kreis=14612",
        "/netzwerk/karte?kompetenz=nlp&kreis=14612",
        "/netzwerk/akteure?sortierung=neu&seite=1",
    ];
    let mut few = Vec::new();
    for p in pages {
        app.get(p).await;
        let (n, r) = app.count_queries(app.get(p)).await;
        assert_eq!(r.status, StatusCode::OK);
        few.push(n);
    }
    random_actors(&app, 120, &mut rng).await;
    for (p, before) in pages.iter().zip(&few) {
        app.get(p).await;
        let (n, _) = app.count_queries(app.get(p)).await;
        assert_eq!(n, *before, "{p}");
        assert!(n <= 3, "{p}: {n} queries");
    }
}

#[tokio::test]
async fn the_map_clusters_dense_points_and_lists_the_same_result() {
    let app = app().await;
    for i in 0..30 {
        insert_actor(
            &app,
            &format!("Dresdner Akteur {i}"),
            "unternehmen",
            &["robotik"],
            &[],
            "14612000",
            "klein",
            "verified",
        )
        .await;
    }
    insert_actor(
        &app,
        "Görlitzer Einzelakteur",
        "unternehmen",
        &["robotik"],
        &[],
        "14626110",
        "klein",
        "verified",
    )
    .await;
    let map = app.get("/netzwerk/karte?kompetenz=robotik").await;
    assert_eq!(map.status, StatusCode::OK);
    // 30 in Dresden are one cluster with its count, Görlitz a single point.
    assert_eq!(map.count("svg.map__svg circle.map__point"), 2);
    assert!(map.texts("svg.map__svg text").contains(&"30".to_owned()));
    assert_eq!(number(&map, "#network-result-count"), 31);
    // The list below the map pages through the same result.
    assert_eq!(map.count("#network-list .card"), 20);
    let page2 = app.get("/netzwerk/karte?kompetenz=robotik&seite=2").await;
    assert_eq!(page2.count("#network-list .card"), 11);
    assert_eq!(
        app.get("/netzwerk/karte?seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
    // Per Kreis in the table.
    let rows = map.texts("details.map__data tbody tr");
    assert!(
        rows.iter()
            .any(|r| r.contains("Dresden") && r.contains("30"))
    );
}

#[tokio::test]
async fn the_start_page_counts_the_four_groups_and_search_sorts_by_relevance() {
    let app = app().await;
    insert_actor(
        &app,
        "Sprachwerk Leipzig",
        "startup",
        &["nlp"],
        &[],
        "14713000",
        "klein",
        "verified",
    )
    .await;
    insert_actor(
        &app,
        "Hochschule Beispiel",
        "hochschule",
        &["nlp"],
        &[],
        "14713000",
        "gross",
        "verified",
    )
    .await;
    let start = app.get("/netzwerk").await;
    assert_eq!(start.status, StatusCode::OK);
    assert!(
        start
            .attr("a[href*='kategorie=startup']", "href")
            .unwrap()
            .ends_with("?kategorie=unternehmen&kategorie=startup")
    );
    dias_search::indexer::rebuild(
        &app.state.db,
        &app.state.search,
        &app.state.sources,
        |_, _| {},
    )
    .await
    .unwrap();
    let r = app.get("/netzwerk/akteure?q=Sprachwerk").await;
    assert_eq!(number(&r, "#network-result-count"), 1);
    assert!(
        r.attr("#sortierung option[value=relevanz]", "selected")
            .is_some()
    );
    let home = app.get("/").await;
    assert!(home.body.contains("/netzwerk"));
}

#[test]
fn every_label_of_the_taxonomy_facets_and_states_is_translated() {
    use dias_network::domain::{CATEGORIES, COMPETENCES, GROUPS, INDUSTRIES, OFFERS, SIZES};
    let mut de = dias_core::i18n::message_ids(include_str!("../../locales/de.ftl"));
    let mut en = dias_core::i18n::message_ids(include_str!("../../locales/en.ftl"));
    de.sort();
    en.sort();
    assert_eq!(de, en, "de.ftl and en.ftl define the same messages");
    let mut needed: Vec<String> = [
        &GROUPS[..],
        &CATEGORIES,
        &COMPETENCES,
        &INDUSTRIES,
        &OFFERS,
        &SIZES,
    ]
    .iter()
    .flat_map(|terms| terms.iter().map(|t| t.key.to_owned()))
    .collect();
    for facet in dias_network::snapshot::Facet::ALL {
        needed.push(format!("network-facet-{}", facet.param()));
    }
    for status in ["pending", "verified", "declined"] {
        needed.push(format!("network-status-{status}"));
    }
    for sort in ["name", "neu", "relevanz"] {
        needed.push(format!("network-sort-{sort}"));
    }
    for id in needed {
        assert!(de.contains(&id), "{id} is missing");
    }
}
