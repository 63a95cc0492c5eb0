//! The Förder-Check through HTTP: the acceptance cases of issue 6.

use axum::http::StatusCode;
use dias_funding::vocab::EligibleGroup;

use crate::helpers::{app_with_catalogue, catalogue};
use crate::support::{TestApp, TestResponse};

/// (slug, verdict) of every ranked offer, over all result pages.
async fn verdicts(app: &TestApp, query: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for page in 1.. {
        let r = app
            .get(&format!("/foerderung/check?{query}&seite={page}"))
            .await;
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
    for page in 1..=4 {
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
        Some("#kreis")
    );
}
