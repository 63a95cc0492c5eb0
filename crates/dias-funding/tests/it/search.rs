//! The search page: facets with counts, the open-only default, text search,
//! sorting, pages and a constant number of queries.

use axum::http::StatusCode;
use dias_funding::Offer;
use dias_funding::check::Availability;
use dias_funding::vocab::{EligibleGroup, FundingType, Term};

use crate::helpers::{app_with_catalogue, catalogue, listed, number};
use crate::support::TestResponse;

fn facet_count(r: &TestResponse, param: &str, value: &str) -> usize {
    number(
        r,
        &format!("label[for=\"f-{param}-{value}\"] .facet__count"),
    )
}

fn is_open(o: &Offer) -> bool {
    matches!(
        Availability::of(o, dias_funding::today()),
        Availability::Open | Availability::AwaitingDeadline
    )
}

#[tokio::test]
async fn counts_per_value_follow_the_other_facet_and_the_open_switch() {
    let app = app_with_catalogue().await;
    let offers = catalogue();
    let kinds = [FundingType::Grant, FundingType::Advice];
    let groups = [EligibleGroup::Company, EligibleGroup::Municipality];
    for open_only in [true, false] {
        let base: Vec<&Offer> = offers.iter().filter(|o| !open_only || is_open(o)).collect();
        let r = app
            .get(&format!(
                "/foerderung?foerderart=zuschuss&foerderart=beratung&berechtigte=unternehmen&berechtigte=kommune{}",
                if open_only { "" } else { "&offen=0" }
            ))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        let kind_ok = |o: &Offer| kinds.iter().any(|k| o.funding_types.contains(k));
        let group_ok = |o: &Offer| groups.iter().any(|g| o.eligible_groups.contains(g));
        let total = base.iter().filter(|o| kind_ok(o) && group_ok(o)).count();
        assert!(total > 5, "the catalogue has such offers");
        assert_eq!(number(&r, "#funding-result-count"), total);
        // Each Förderart counted with the group filter only (disjunctive
        // within the facet), and each group with the Förderart filter only.
        for kind in FundingType::ALL {
            let want = base
                .iter()
                .filter(|o| group_ok(o) && o.funding_types.contains(kind))
                .count();
            assert_eq!(facet_count(&r, "foerderart", kind.slug()), want, "{kind:?}");
        }
        for group in EligibleGroup::ALL {
            let want = base
                .iter()
                .filter(|o| kind_ok(o) && o.eligible_groups.contains(group))
                .count();
            assert_eq!(
                facet_count(&r, "berechtigte", group.slug()),
                want,
                "{group:?}"
            );
        }
        for v in ["f-foerderart-zuschuss", "f-berechtigte-kommune"] {
            assert!(
                r.attr(&format!("#{v}"), "checked").is_some(),
                "{v} stays checked"
            );
        }
        assert_eq!(r.attr("#offen", "checked").is_some(), open_only);
    }
}

#[tokio::test]
async fn only_open_offers_are_listed_until_the_visitor_switches_it_off() {
    let app = app_with_catalogue().await;
    let offers = catalogue();
    let open = offers.iter().filter(|o| is_open(o)).count();
    assert!(open < offers.len());
    let r = app.get("/foerderung").await;
    assert_eq!(number(&r, "#funding-result-count"), open);
    assert!(r.attr("#offen", "checked").is_some());
    // The form sends offen=0 (hidden) and offen=1 (box): the box wins.
    let checked = app.get("/foerderung?offen=0&offen=1").await;
    assert_eq!(number(&checked, "#funding-result-count"), open);
    let all = app.get("/foerderung?offen=0").await;
    assert_eq!(number(&all, "#funding-result-count"), offers.len());
    assert!(all.attr("#offen", "checked").is_none());
    // Ended federal programmes appear only with the switch off.
    let federal = app.get("/foerderung?ebene=bund").await;
    assert!(!listed(&federal).contains(&"go-digital".to_owned()));
    let federal_all = app.get("/foerderung?ebene=bund&offen=0").await;
    assert!(listed(&federal_all).contains(&"go-digital".to_owned()));
    // Paging keeps the switch.
    assert!(
        all.attr("nav.pagination a[rel=next]", "href")
            .unwrap()
            .contains("offen=0")
    );
}

#[tokio::test]
async fn the_text_search_finds_an_offer_by_a_word_of_its_text() {
    let app = app_with_catalogue().await;
    // „Heranführungsprojekte“ appears only in the Digi-Z full text.
    let r = app.get("/foerderung?q=Heranf%C3%BChrungsprojekte").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(listed(&r).first().map(String::as_str), Some("digi-z"));
    assert!(
        r.attr("#sortierung option[value=relevanz]", "selected")
            .is_some()
    );
    let r = app.get("/foerderung?q=Digitalisierung+Zuschuss").await;
    assert!(listed(&r).contains(&"digi-z".to_owned()));
    let none = app.get("/foerderung?q=Quantenkartoffel").await;
    assert_eq!(number(&none, "#funding-result-count"), 0);
}

/// The searches the issue names, and the misspellings people make: the
/// expected offers come first.
#[tokio::test]
async fn searches_people_type_find_the_expected_offers_first() {
    let app = app_with_catalogue().await;
    let top = |listed: Vec<String>, n: usize| listed.into_iter().take(n).collect::<Vec<_>>();
    for q in [
        "Digitalisierung+Zuschuss",
        "digitalisierungszuschuss",
        "Digitalisierungs-Zuschuss",
        // Typos in longer words.
        "Digitalisirung+Zuschus",
        "Digitalisierung+Zuschuß",
    ] {
        let r = app.get(&format!("/foerderung?q={q}")).await;
        assert_eq!(
            top(listed(&r), 1),
            vec!["digi-z".to_owned()],
            "{q}: {:?}",
            listed(&r)
        );
    }
    let titles: std::collections::HashMap<String, String> =
        catalogue().into_iter().map(|o| (o.slug, o.title)).collect();
    let ki = app.get("/foerderung?q=F%C3%B6rderung+KI").await;
    let ki_top = top(listed(&ki), 3);
    assert_eq!(ki_top.len(), 3, "{:?}", listed(&ki));
    for slug in &ki_top {
        assert!(
            titles[slug].contains("KI"),
            "{slug} ({}) is not about KI: {ki_top:?}",
            titles[slug]
        );
    }
    // Without the umlaut the same list, in the same order.
    let folded = app.get("/foerderung?q=Forderung+KI").await;
    assert_eq!(listed(&folded), listed(&ki));
    // A compound of two words that the catalogue only has apart.
    let r = app.get("/foerderung?q=Breitbandplanung&offen=0").await;
    assert_eq!(
        top(listed(&r), 1),
        vec!["breitband-planungszuschuss-landkreise".to_owned()],
        "{:?}",
        listed(&r)
    );
}

#[tokio::test]
async fn sorting_by_deadline_puts_the_nearest_deadline_first() {
    let app = app_with_catalogue().await;
    let today = dias_funding::today();
    let offers = catalogue();
    let r = app.get("/foerderung?offen=0&sortierung=frist").await;
    let slugs = listed(&r);
    let dates: Vec<_> = slugs
        .iter()
        .map(|s| {
            offers
                .iter()
                .find(|o| &o.slug == s)
                .unwrap()
                .next_deadline(today)
                .map(|d| d.date)
        })
        .collect();
    let with: Vec<_> = dates.iter().take_while(|d| d.is_some()).collect();
    assert!(!with.is_empty(), "the catalogue has upcoming deadlines");
    assert!(with.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let updated = app.get("/foerderung?sortierung=aktualisiert").await;
    assert_eq!(updated.status, StatusCode::OK);
    assert!(
        updated
            .attr("#sortierung option[value=aktualisiert]", "selected")
            .is_some()
    );
}

#[tokio::test]
async fn bad_pages_are_refused_and_unknown_filters_ignored() {
    let app = app_with_catalogue().await;
    assert_eq!(
        app.get("/foerderung?seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
    let r = app
        .get("/foerderung?foerderart=geschenk&gebiet=99999")
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let plain = app.get("/foerderung").await;
    assert_eq!(
        number(&r, "#funding-result-count"),
        number(&plain, "#funding-result-count")
    );
    let page2 = app.get("/foerderung?offen=0&seite=2").await;
    assert_eq!(page2.count("#funding-results .card"), 20);
}

#[tokio::test]
async fn a_kreis_lists_offers_for_all_of_saxony_and_for_that_kreis() {
    let app = app_with_catalogue().await;
    let r = app
        .get("/foerderung?gebiet=14521&offen=0&angebotsart=foerderprogramm")
        .await;
    let listed_all = {
        let mut all = listed(&r);
        let mut page = 2;
        while all.len() < number(&r, "#funding-result-count") {
            let next = app
                .get(&format!(
                    "/foerderung?gebiet=14521&offen=0&angebotsart=foerderprogramm&seite={page}"
                ))
                .await;
            all.extend(listed(&next));
            page += 1;
        }
        all
    };
    assert!(listed_all.contains(&"digi-z".to_owned()));
    assert!(listed_all.contains(&"mobilfunk-lueckenschluss-erzgebirge".to_owned()));
    let vogtland = app
        .get("/foerderung?gebiet=14523&offen=0&q=Mobilfunk")
        .await;
    assert!(!listed(&vogtland).contains(&"mobilfunk-lueckenschluss-erzgebirge".to_owned()));
}

#[tokio::test]
async fn the_pages_cost_the_same_queries_for_few_and_many_offers() {
    let app = app_with_catalogue().await;
    let pages = [
        "/foerderung",
        "/foerderung?foerderart=zuschuss&gebiet=14521&berechtigte=unternehmen",
        "/foerderung?sortierung=aktualisiert&seite=2&offen=0",
        "/foerderung/check?wer=unternehmen&kreis=14521&groesse=klein",
        "/foerderung/angebote/digi-z",
    ];
    let mut few = Vec::new();
    for p in pages {
        app.get(p).await;
        let (n, r) = app.count_queries(app.get(p)).await;
        assert_eq!(r.status, StatusCode::OK, "{p}");
        few.push(n);
    }
    let more = dias_funding::catalogue::synthetic(400, 9, dias_funding::today());
    dias_funding::store::insert_many(&app.db, &more, dias_funding::today(), 5)
        .await
        .unwrap();
    for (p, before) in pages.iter().zip(&few) {
        app.get(p).await;
        let (n, _) = app.count_queries(app.get(p)).await;
        assert_eq!(n, *before, "{p}");
        assert!(n <= 2, "{p}: {n} queries");
    }
}

#[tokio::test]
async fn the_module_has_its_navigation_entry_and_home_teaser() {
    let app = app_with_catalogue().await;
    let home = app.get("/").await;
    assert!(home.body.contains("href=\"/foerderung\""));
    assert!(home.body.contains("Förderlotse"));
    let search = app.get("/suche?q=Digitalisierungszuschuss").await;
    assert!(
        search.body.contains("/foerderung/angebote/digi-z"),
        "global search finds offers"
    );
}
