//! The Förder-Check through HTTP: the acceptance cases of issue 6.

use axum::http::StatusCode;
use dias_funding::vocab::EligibleGroup;

use dias_web::Module;

use crate::helpers::{app_with_catalogue, catalogue};
use crate::support::{TestApp, TestResponse};

/// (slug, verdict) of every ranked offer, over all result pages.
async fn verdicts(app: &TestApp, query: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for page in 1.. {
        let url = if page == 1 {
            format!("/foerderung/check?{query}")
        } else {
            format!("/foerderung/check?{query}&seite={page}")
        };
        let r = app.get(&url).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        out.extend(rows(&r));
        if r.attr("nav.pagination a[rel=next]", "href").is_none() {
            break;
        }
    }
    out
}

fn rows(r: &TestResponse) -> Vec<(String, String)> {
    let html = r.html();
    let sel = scraper::Selector::parse("#funding-check-results > li").unwrap();
    html.select(&sel)
        .map(|li| {
            (
                li.value().attr("data-slug").unwrap().to_owned(),
                li.value().attr("data-verdict").unwrap().to_owned(),
            )
        })
        .collect()
}

fn verdict_of<'a>(all: &'a [(String, String)], slug: &str) -> &'a str {
    all.iter()
        .find(|(s, _)| s == slug)
        .map(|(_, v)| v.as_str())
        .unwrap_or_else(|| panic!("{slug} not in the result"))
}

#[tokio::test]
async fn a_small_company_from_the_erzgebirgskreis_sees_digi_z_fit() {
    let app = app_with_catalogue().await;
    let query = "wer=unternehmen&kreis=14521&groesse=klein";
    let r = app.get(&format!("/foerderung/check?{query}")).await;
    assert_eq!(r.status, StatusCode::OK);
    let first = rows(&r);
    assert_eq!(first[0].1, "passt", "fitting offers come first");
    let all = verdicts(&app, query).await;
    assert_eq!(all.len(), catalogue().len(), "every offer is ranked");
    assert_eq!(verdict_of(&all, "digi-z"), "passt");
    // Digi-Z's card names the conditions and the tier for a small company.
    let card = r.text("li[data-slug=digi-z]");
    assert!(
        card.contains("Sie gehören zu den Förderberechtigten."),
        "{card}"
    );
    assert!(
        card.contains("Ihre Unternehmensgröße ist förderfähig."),
        "{card}"
    );
    assert!(
        card.contains("50 %") && card.contains("60.000 Euro"),
        "{card}"
    );
    // Ended programmes are never offered as fitting or open.
    for ended in ["go-digital", "digital-jetzt", "e-business"] {
        assert_eq!(verdict_of(&all, ended), "passt-nicht", "{ended}");
    }
    let (pos_digi_z, pos_go) = (
        all.iter().position(|(s, _)| s == "digi-z").unwrap(),
        all.iter().position(|(s, _)| s == "go-digital").unwrap(),
    );
    assert!(pos_digi_z < pos_go);
    // The answers stay in the form, to be changed in place.
    assert!(r.attr("#wer-unternehmen", "checked").is_some());
    assert!(r.attr("#groesse-klein", "checked").is_some());
    assert!(r.attr("#kreis option[value='14521']", "selected").is_some());
    assert!(r.attr("#wer-keine", "checked").is_none());
    // The result is a link.
    let share = r
        .attr("a[href^='/foerderung/check?']", "href")
        .expect("a link to the result");
    assert_eq!(share, format!("/foerderung/check?{query}"));
}

#[tokio::test]
async fn an_ended_programme_names_its_status_as_the_failed_condition() {
    let app = app_with_catalogue().await;
    let mut found = false;
    for page in 2..=4 {
        let r = app
            .get(&format!(
                "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein&seite={page}"
            ))
            .await;
        let card = r.text("li[data-slug=go-digital]");
        if !card.is_empty() {
            assert!(card.contains("Das Angebot ist ausgelaufen."), "{card}");
            assert!(card.contains("nicht erfüllt"), "{card}");
            found = true;
        }
    }
    assert!(found);
}

#[tokio::test]
async fn a_municipality_sees_municipal_offers_and_no_company_only_offer_fits() {
    let app = app_with_catalogue().await;
    let all = verdicts(&app, "wer=kommune&kreis=14521").await;
    assert_eq!(verdict_of(&all, "digital-lotsen-sachsen"), "passt");
    let offers = catalogue();
    for (slug, verdict) in &all {
        let offer = offers.iter().find(|o| &o.slug == slug).unwrap();
        if verdict == "passt" {
            assert!(
                offer.eligible_groups.contains(&EligibleGroup::Municipality),
                "{slug} fits a municipality but is not for municipalities"
            );
        }
        if offer.eligible_groups == [EligibleGroup::Company] {
            assert_eq!(verdict, "passt-nicht", "{slug}");
        }
    }
}

#[tokio::test]
async fn missing_answers_make_offers_unclear_and_name_the_question() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung/check?thema=digitalisierung").await;
    assert_eq!(r.status, StatusCode::OK);
    let card = r.text("li[data-slug=digi-z]");
    assert!(card.contains("unklar"), "{card}");
    assert!(
        card.contains("fehlende Angabe: Förderberechtigte"),
        "{card}"
    );
}

#[tokio::test]
async fn without_answers_the_check_shows_only_the_questions() {
    let app = app_with_catalogue().await;
    let r = app.get("/foerderung/check").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#funding-check-results"), 0);
    assert!(r.attr("#wer-keine", "checked").is_some());
    // Every question is a fieldset with a legend, or a labelled select.
    assert_eq!(r.count("#funding-check-form fieldset legend"), 4);
    assert!(r.attr("label[for=kreis]", "class").is_some());
    assert!(r.attr("label[for=gemeinde]", "class").is_some());
    assert!(r.attr("label[for=branche]", "class").is_some());
}

#[tokio::test]
async fn a_refused_answer_is_shown_with_an_error_summary_and_the_input_kept() {
    let app = app_with_catalogue().await;
    let r = app
        .get("/foerderung/check?wer=unternehmen&groesse=riesig&kreis=14521")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary"), 1);
    assert_eq!(
        r.attr(".error-summary a", "href").as_deref(),
        Some("#groesse-keine")
    );
    assert!(r.attr("#wer-unternehmen", "checked").is_some());
    assert!(r.attr("#kreis option[value='14521']", "selected").is_some());
    assert_eq!(r.count("#funding-check-results"), 0);
    // A Gemeinde outside the chosen Kreis.
    let r = app
        .get("/foerderung/check?kreis=14612&gemeinde=14521020")
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr(".error-summary a", "href").as_deref(),
        Some("#gemeinde")
    );
    // The refused Gemeinde stays selected: the list is not narrowed to a
    // Kreis it is not in.
    assert!(
        r.attr("#gemeinde option[value='14521020']", "selected")
            .is_some()
    );
    assert!(r.attr("#gemeinde", "aria-invalid").is_some());
}

/// The app with the catalogue and stand-ins for other modules.
async fn app_with_modules(names: &[&'static str]) -> TestApp {
    let mut modules = vec![dias_funding::module()];
    modules.extend(names.iter().map(|name| Module::new(name)));
    let app = TestApp::with_modules(modules).await;
    dias_funding::store::insert_many(
        &app.db,
        &catalogue(),
        dias_funding::today(),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    app
}

#[tokio::test]
async fn the_gemeinde_is_asked_within_the_chosen_kreis_and_decides() {
    let app = app_with_catalogue().await;
    let reference = dias_core::reference::cached();
    // Without a Kreis: every Gemeinde, grouped by Kreis.
    let r = app.get("/foerderung/check").await;
    assert_eq!(r.count("#gemeinde optgroup"), reference.districts.len());
    assert_eq!(
        r.count("#gemeinde optgroup option"),
        reference.municipalities.len()
    );
    // With the Erzgebirgskreis: only its Gemeinden.
    let r = app
        .get("/foerderung/check?wer=unternehmen&kreis=14521&groesse=kleinst")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#gemeinde optgroup"), 1);
    assert_eq!(
        r.count("#gemeinde option[value^='14521']"),
        reference.municipalities_of("14521").count()
    );
    assert_eq!(r.count("#gemeinde option[value^='14612']"), 0);
    // An offer for Annaberg-Buchholz alone: unclear without the Gemeinde,
    // decided by it.
    let slug = "coworking-annaberg-buchholz";
    let all = verdicts(&app, "wer=unternehmen&kreis=14521&groesse=kleinst").await;
    assert_eq!(verdict_of(&all, slug), "unklar");
    let pages = catalogue().len().div_ceil(20);
    let mut card = String::new();
    for page in 1..=pages {
        let url = "/foerderung/check?wer=unternehmen&kreis=14521&groesse=kleinst";
        let url = if page == 1 {
            url.to_owned()
        } else {
            format!("{url}&seite={page}")
        };
        card = app.get(&url).await.text(&format!("li[data-slug={slug}]"));
        if !card.is_empty() {
            break;
        }
    }
    assert!(card.contains("fehlende Angabe: Gemeinde"), "{card}");
    let all = verdicts(
        &app,
        "wer=unternehmen&kreis=14521&gemeinde=14521020&groesse=kleinst",
    )
    .await;
    assert_eq!(verdict_of(&all, slug), "passt");
    let all = verdicts(
        &app,
        "wer=unternehmen&kreis=14521&gemeinde=14521035&groesse=kleinst",
    )
    .await;
    assert_eq!(verdict_of(&all, slug), "passt-nicht");
    // The chosen Gemeinde stays selected.
    let r = app
        .get("/foerderung/check?wer=unternehmen&kreis=14521&gemeinde=14521035&groesse=kleinst")
        .await;
    assert!(
        r.attr("#gemeinde option[value='14521035']", "selected")
            .is_some()
    );
}

#[tokio::test]
async fn every_result_has_one_url_and_other_spellings_are_redirected() {
    let app = app_with_catalogue().await;
    let canonical =
        "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein&art=zuschuss&art=darlehen";
    for other in [
        // What the form sends: every question, empty ones too.
        "/foerderung/check?wer=unternehmen&kreis=14521&gemeinde=&groesse=klein&branche=&art=darlehen&art=zuschuss",
        "/foerderung/check?art=zuschuss&groesse=klein&kreis=14521&art=darlehen&wer=unternehmen",
        "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein&art=zuschuss&art=darlehen&art=zuschuss",
        "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein&art=zuschuss&art=darlehen&seite=1",
        "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein&art=zuschuss&art=darlehen&utm_source=newsletter",
    ] {
        let r = app.get(other).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{other}");
        assert_eq!(r.location(), canonical, "{other}");
    }
    let r = app.get(canonical).await;
    assert_eq!(r.status, StatusCode::OK);
    // No answers at all: the empty questionnaire.
    for other in [
        "/foerderung/check?wer=&kreis=&gemeinde=",
        "/foerderung/check?seite=2",
    ] {
        let r = app.get(other).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{other}");
        assert_eq!(r.location(), "/foerderung/check", "{other}");
    }
    // A page beyond the last is the last one; a page that is no number is refused.
    let pages = catalogue().len().div_ceil(20);
    let r = app.get(&format!("{canonical}&seite=999")).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(r.location(), format!("{canonical}&seite={pages}"));
    let r = app.get(&format!("{canonical}&seite=zwei")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn results_are_paged_and_only_the_shown_offers_are_explained() {
    let app = app_with_catalogue().await;
    let query = "wer=unternehmen&kreis=14521&groesse=klein";
    let (queries, first) = app
        .count_queries(app.get(&format!("/foerderung/check?{query}")))
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let r2 = app.get(&format!("/foerderung/check?{query}&seite=2")).await;
    assert_eq!(r2.status, StatusCode::OK);
    let (one, two) = (rows(&first), rows(&r2));
    assert_eq!(one.len(), 20);
    assert!(two.iter().all(|row| !one.contains(row)));
    // Findings are rendered for the offers of the page, not for all.
    assert_eq!(first.count("#funding-check-results .funding-findings"), 20);
    // The counts cover every offer.
    let summary = first.text("#funding-check-summary");
    let counted: usize = summary
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse::<usize>().ok())
        .sum();
    assert_eq!(counted, catalogue().len(), "{summary}");
    // Page links are canonical.
    assert_eq!(
        first.attr("nav.pagination a[rel=next]", "href").as_deref(),
        Some(format!("/foerderung/check?{query}&seite=2").as_str())
    );
    assert_eq!(
        r2.attr("nav.pagination a[rel=prev]", "href").as_deref(),
        Some(format!("/foerderung/check?{query}").as_str())
    );
    // The offers come from the in-memory snapshot: a page costs the same
    // few statements however many offers there are.
    let (again, _) = app
        .count_queries(app.get(&format!("/foerderung/check?{query}&seite=3")))
        .await;
    assert!(
        again <= queries.max(3),
        "{again} statements after {queries}"
    );
}

#[tokio::test]
async fn links_to_other_modules_appear_only_when_they_are_registered() {
    let kommune = "/foerderung/check?wer=kommune&kreis=14626";
    // The default app has neither Breitband nor Anfragen.
    let app = app_with_catalogue().await;
    let r = app.get(kommune).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#funding-check-breitband"), 0);
    assert_eq!(r.count("#funding-check-ask"), 0);
    assert_eq!(r.count("a[href^='/breitband']"), 0);
    assert_eq!(r.count("a[href^='/anfragen']"), 0);
    // The Digitalagentur's own advice offers are linked all the same.
    let erstberatung =
        "#funding-check-dias a[href='/foerderung/angebote/dias-breitband-erstberatung']";
    assert_eq!(r.count(erstberatung), 1);

    let app = app_with_modules(&["breitband", "anfragen"]).await;
    let r = app.get(kommune).await;
    assert_eq!(
        r.attr("#funding-check-breitband a", "href").as_deref(),
        Some("/breitband")
    );
    assert_eq!(
        r.attr("#funding-check-ask a", "href").as_deref(),
        Some(
            "/anfragen/neu?thema=foerderung&kontext=%2Ffoerderung%2Fcheck%3Fwer%3Dkommune%26kreis%3D14626"
        )
    );
    // Companies are not pointed to broadband funding for municipalities.
    let r = app
        .get("/foerderung/check?wer=unternehmen&kreis=14626&groesse=klein")
        .await;
    assert_eq!(r.count("#funding-check-breitband"), 0);
    assert_eq!(r.count("#funding-check-ask"), 1);
    assert_eq!(
        r.count("#funding-check-dias a[href='/foerderung/angebote/dias-breitband-erstberatung']"),
        0,
        "an offer for municipalities only is not suggested to a company"
    );

    let app = app_with_modules(&["anfragen"]).await;
    let r = app.get(kommune).await;
    assert_eq!(r.count("#funding-check-breitband"), 0);
    assert_eq!(r.count("#funding-check-ask"), 1);
}

#[tokio::test]
async fn the_search_and_offer_pages_link_the_same_modules_as_the_check() {
    let app = app_with_catalogue().await;
    for path in [
        "/foerderung?berechtigte=kommune",
        "/foerderung/angebote/digital-lotsen-sachsen",
    ] {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.count("#funding-breitband"), 0, "{path}");
        assert_eq!(r.count("#funding-ask"), 0, "{path}");
    }
    let app = app_with_modules(&["breitband", "anfragen"]).await;
    let r = app.get("/foerderung?berechtigte=kommune").await;
    assert_eq!(
        r.attr("#funding-breitband a", "href").as_deref(),
        Some("/breitband")
    );
    assert_eq!(
        r.attr("#funding-ask a", "href").as_deref(),
        Some("/anfragen/neu?thema=foerderung&kontext=%2Ffoerderung%3Fberechtigte%3Dkommune")
    );
    // A search for companies gets the question link, not broadband.
    let r = app.get("/foerderung?berechtigte=unternehmen").await;
    assert_eq!(r.count("#funding-breitband"), 0);
    assert_eq!(r.count("#funding-ask"), 1);
    // An offer for municipalities points them to broadband; the question
    // carries the offer.
    let r = app.get("/foerderung/angebote/digital-lotsen-sachsen").await;
    assert_eq!(r.count("#funding-breitband"), 1);
    assert_eq!(
        r.attr("#funding-ask a", "href").as_deref(),
        Some(
            "/anfragen/neu?thema=foerderung&kontext=%2Ffoerderung%2Fangebote%2Fdigital-lotsen-sachsen"
        )
    );
    let r = app.get("/foerderung/angebote/digi-z").await;
    assert_eq!(r.count("#funding-breitband"), 0);
}
