//! `/breitband/beratung` with and without the Anfragen module, and the
//! explanation page `/breitband/so-funktioniert-es` with its rule table.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_mev::RuleSets;
use dias_web::Module;

use crate::helpers::app;
use crate::home::{assert_translated, in_english, sign_in_member};
use crate::support::TestApp;

/// The module with a stand-in for the Anfragen module (issue 8): only its
/// name is registered, which is all `Registry::has` looks at.
async fn app_with_inquiries() -> TestApp {
    TestApp::with_modules(vec![dias_broadband::module(), Module::new("anfragen")]).await
}

#[tokio::test]
async fn without_anfragen_the_advice_page_names_the_contact_and_no_dead_link() {
    let app = app().await;
    let r = app.get("/breitband/beratung").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Beratung anfragen");
    assert_translated(&r);
    assert_eq!(r.count("a[href^='/anfragen']"), 0);
    assert_eq!(r.count("#broadband-advice-inquiry"), 0);
    assert!(
        r.text("#broadband-advice-contact")
            .contains("Breitbandberatung der Digitalagentur Sachsen")
    );
    assert_eq!(r.count("#broadband-advice-contact a[href='/impressum']"), 1);
    // The page has no POST form that would go nowhere.
    assert_eq!(r.count("main form[method=post]"), 0);

    // Every Gemeinde, grouped by Kreis; none chosen yet.
    let reference = dias_core::reference::cached();
    assert_eq!(r.count("#gemeinde optgroup"), reference.districts.len());
    assert_eq!(
        r.count("#gemeinde optgroup option"),
        reference.municipalities.len()
    );
    assert_eq!(r.count("#gemeinde option[selected]"), 0);
    let erz = r.attr("#gemeinde optgroup:has(option[value='14521010'])", "label");
    assert_eq!(erz.as_deref(), Some("Erzgebirgskreis"));

    // Chosen: preselected, named, and said how to refer to it.
    let r = app.get("/breitband/beratung?gemeinde=14521010").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.attr("#gemeinde option[selected]", "value").as_deref(),
        Some("14521010")
    );
    assert_eq!(r.text("#broadband-advice-ask h2"), "Beratung für Amtsberg");
    let contact = r.text("#broadband-advice-contact");
    assert!(
        contact.contains("Amtsberg") && contact.contains("14521010"),
        "{contact}"
    );
    assert_eq!(r.count("a[href='/breitband/gemeinden/14521010']"), 1);
}

#[tokio::test]
async fn the_gemeinde_page_offers_advice_for_its_gemeinde() {
    let app = app().await;
    let r = app.get("/breitband/gemeinden/14521010").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.count("#gemeinde-beratung-anfragen a[href='/breitband/beratung?gemeinde=14521010']"),
        1
    );
    assert!(!r.text("#gemeinde-beratung-anfragen").contains("broadband-"));
}

#[tokio::test]
async fn an_unknown_gemeinde_is_asked_for_again() {
    let app = app().await;
    for bad in ["99999999", "14521", "<script>"] {
        let r = app
            .get(&format!(
                "/breitband/beratung?{}",
                serde_urlencoded::to_string([("gemeinde", bad)]).unwrap()
            ))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(r.count(".error-summary a[href='#gemeinde']"), 1);
        assert_eq!(r.attr("#gemeinde", "aria-invalid").as_deref(), Some("true"));
        assert_eq!(r.count("#gemeinde option[selected]"), 0);
        assert!(!r.body.contains("<script>"));
    }
}

#[tokio::test]
async fn with_anfragen_the_request_goes_there_with_topic_gemeinde_and_context() {
    let app = app_with_inquiries().await;
    let r = app.get("/breitband/beratung?gemeinde=14521010").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#broadband-advice-contact"), 0);
    let href = r.attr("#broadband-advice-inquiry", "href").unwrap();
    assert_eq!(
        href,
        "/anfragen/neu?thema=breitband&gemeinde=14521010\
         &kontext=%2Fbreitband%2Fberatung%3Fgemeinde%3D14521010"
    );
    let query = href.split_once('?').unwrap().1;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap();
    assert_eq!(
        pairs,
        [
            ("thema".to_owned(), "breitband".to_owned()),
            ("gemeinde".to_owned(), "14521010".to_owned()),
            (
                "kontext".to_owned(),
                "/breitband/beratung?gemeinde=14521010".to_owned()
            ),
        ]
    );
    // Without a Gemeinde the inquiry is still offered, without one.
    let r = app.get("/breitband/beratung").await;
    assert_eq!(
        r.attr("#broadband-advice-inquiry", "href").as_deref(),
        Some("/anfragen/neu?thema=breitband&kontext=%2Fbreitband%2Fberatung")
    );
}

#[tokio::test]
async fn a_municipality_account_finds_its_gemeinde_preselected() {
    let app = app_with_inquiries().await;
    sign_in_member(&app, &["14522", "14521010"]).await;
    let r = app.get("/breitband/beratung").await;
    assert_eq!(
        r.attr("#gemeinde option[selected]", "value").as_deref(),
        Some("14521010")
    );
    assert!(
        r.attr("#broadband-advice-inquiry", "href")
            .unwrap()
            .contains("gemeinde=14521010")
    );
    // A Gemeinde in the address wins.
    let r = app.get("/breitband/beratung?gemeinde=14612000").await;
    assert_eq!(
        r.attr("#gemeinde option[selected]", "value").as_deref(),
        Some("14612000")
    );
    // Other accounts choose themselves.
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let r = app.get("/breitband/beratung").await;
    assert_eq!(r.count("#gemeinde option[selected]"), 0);
}

#[tokio::test]
async fn the_advice_page_is_there_in_english() {
    let app = app().await;
    in_english(&app).await;
    let r = app.get("/breitband/beratung?gemeinde=14521010").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Request advice");
    assert_eq!(r.text("#broadband-advice-ask h2"), "Advice for Amtsberg");
    assert_translated(&r);
}

#[tokio::test]
async fn the_rule_table_is_the_engines_rule_sets() {
    let app = app().await;
    let r = app.get("/breitband/so-funktioniert-es").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_translated(&r);
    let html = r.html();
    let row_sel = scraper::Selector::parse("#broadband-explain-rules tbody tr").unwrap();
    let cond_sel = scraper::Selector::parse("li[data-down]").unwrap();
    let rows: Vec<(String, Vec<(f32, f32)>)> = html
        .select(&row_sel)
        .map(|row| {
            let id = row.value().attr("data-rule-set").unwrap().to_owned();
            let conditions = row
                .select(&cond_sel)
                .map(|li| {
                    let v = |a: &str| li.value().attr(a).unwrap().parse::<f32>().unwrap();
                    (v("data-down"), v("data-up"))
                })
                .collect();
            (id, conditions)
        })
        .collect();
    let engine: Vec<(String, Vec<(f32, f32)>)> = RuleSets::built_in()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                s.supplied_when
                    .iter()
                    .map(|c| (c.down_min, c.up_min))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(rows, engine);
    assert_eq!(rows.len(), 4);
    // The words say the same numbers.
    let gigabit2 = r.text("#broadband-explain-rules tr[data-rule-set='gigabit-2.0']");
    assert!(
        gigabit2.contains("mindestens 500 Mbit/s im Download"),
        "{gigabit2}"
    );
    assert!(
        gigabit2
            .contains("oder mindestens 200 Mbit/s im Download und mindestens 200 Mbit/s im Upload"),
        "{gigabit2}"
    );
    assert!(gigabit2.contains("31.03.2023"), "{gigabit2}");
    assert!(gigabit2.contains("dunkelgraue Flecken"));
    let eu = r.text("#broadband-explain-rules tr[data-rule-set='eu-2023']");
    assert!(
        eu.contains("1.000 Mbit/s im Download und mindestens 150 Mbit/s"),
        "{eu}"
    );
    let gigabit1 = r.text("#broadband-explain-rules tr[data-rule-set='gigabit-1.0']");
    assert!(gigabit1.contains("Schulen"), "{gigabit1}");
}

#[tokio::test]
async fn the_explanation_has_one_h1_a_table_of_contents_and_every_topic() {
    let app = app().await;
    let r = app.get("/breitband/so-funktioniert-es").await;
    assert_eq!(r.count("h1"), 1);
    // Every entry of the contents leads to an h2 of the page, in order.
    let toc: Vec<String> = r
        .html()
        .select(&scraper::Selector::parse("#broadband-explain-toc a").unwrap())
        .map(|a| {
            a.value()
                .attr("href")
                .unwrap()
                .trim_start_matches('#')
                .to_owned()
        })
        .collect();
    let headings: Vec<String> = r
        .html()
        .select(&scraper::Selector::parse("main section > h2").unwrap())
        .map(|h| h.value().attr("id").unwrap().to_owned())
        .collect();
    assert_eq!(toc, headings);
    assert_eq!(toc.len(), 9);
    // No heading level is skipped.
    let levels: Vec<u8> = r
        .html()
        .select(&scraper::Selector::parse("main h1, main h2, main h3, main h4").unwrap())
        .map(|h| h.value().name()[1..].parse().unwrap())
        .collect();
    for pair in levels.windows(2) {
        assert!(pair[1] <= pair[0] + 1, "{levels:?}");
    }
    let text = r.text("main");
    for needle in [
        "8 Wochen",
        "3 Jahre",
        "versorgt",
        "eigenwirtschaftlich geplant",
        "förderfähig",
        "weißer Fleck",
        "grauer Fleck",
        "schwarzer Fleck",
        "dunkelgrauer Fleck",
        "30 Mbit/s",
        "Meilensteinplan",
        "Verwendungsnachweis",
        "Beratung",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    assert_eq!(r.count("#broadband-explain-stages li"), 12);

    in_english(&app).await;
    let r = app.get("/breitband/so-funktioniert-es").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_translated(&r);
    let eu = r.text("#broadband-explain-rules tr[data-rule-set='eu-2023']");
    assert!(eu.contains("at least 1,000 Mbit/s download"), "{eu}");
    assert!(r.text("main").contains("white spot"));
}
