//! The deadline list and its calendar feed.

use axum::http::{StatusCode, header};
use dias_funding::Offer;
use dias_funding::offer::Deadline;
use dias_funding::vocab::{EligibleGroup, Region, Status};
use jiff::ToSpan;
use jiff::civil::Date;

use crate::helpers::{app, catalogue};
use crate::support::TestApp;
use dias_core::i18n::{Catalog, message_ids};

/// A day `days` from today (Europe/Berlin, like the pages).
pub(crate) fn in_days(days: i64) -> Date {
    dias_funding::today().checked_add(days.days()).unwrap()
}

/// A valid offer (a copy of a catalogue example) with these deadlines.
pub(crate) fn offer(slug: &str, title: &str, deadlines: &[i64]) -> Offer {
    let mut o = catalogue()
        .into_iter()
        .find(|o| o.slug == "ki-gutschein-sachsen")
        .unwrap();
    o.slug = slug.to_owned();
    o.title = title.to_owned();
    o.combinable_with.clear();
    o.programme_end = None;
    o.status = Status::Open;
    o.deadlines = deadlines
        .iter()
        .map(|&d| Deadline {
            date: in_days(d),
            note: format!("Runde {d}"),
        })
        .collect();
    o
}

pub(crate) async fn insert(app: &TestApp, offers: &[Offer]) {
    dias_funding::store::insert_many(
        &app.db,
        offers,
        dias_funding::today(),
        dias_core::time::now(),
    )
    .await
    .unwrap();
}

fn listed(r: &crate::support::TestResponse) -> Vec<String> {
    let html = r.html();
    let sel = scraper::Selector::parse("#funding-deadlines-list .card__title a").unwrap();
    html.select(&sel)
        .filter_map(|a| a.value().attr("href"))
        .map(|h| h.trim_start_matches("/foerderung/angebote/").to_owned())
        .collect()
}

#[tokio::test]
async fn deadlines_are_listed_nearest_first_by_month_and_paged() {
    let app = app().await;
    // 35 offers, each with a deadline i days ahead, plus one passed, one
    // ended and one stopped offer whose deadlines must not appear.
    let mut offers: Vec<Offer> = (1..=35)
        .map(|i| offer(&format!("frist-{i:02}"), &format!("Frist {i:02}"), &[i * 3]))
        .collect();
    offers.push(offer("vorbei", "Vorbei", &[-3]));
    let mut ended = offer("beendet", "Beendet", &[5]);
    ended.status = Status::Ended;
    ended.status_note = "Ausgelaufen.".into();
    offers.push(ended);
    let mut stopped = offer("gestoppt", "Gestoppt", &[6]);
    stopped.status = Status::Stopped;
    stopped.status_note = "Antragstopp.".into();
    offers.push(stopped);
    // Two deadlines of one offer are two entries.
    offers.push(offer("zweimal", "Zweimal", &[4, 200]));
    insert(&app, &offers).await;

    let r = app.get("/foerderung/fristen").await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.text("#funding-deadline-count").contains("37"),
        "{}",
        r.text("#funding-deadline-count")
    );
    let first = listed(&r);
    assert_eq!(first.len(), 30);
    assert_eq!(&first[..3], ["frist-01", "zweimal", "frist-02"]);
    assert!(
        !first
            .iter()
            .any(|s| s == "vorbei" || s == "beendet" || s == "gestoppt")
    );
    // Dates ascend, and each month is a heading of its own.
    let html = r.html();
    let sel = scraper::Selector::parse("#funding-deadlines-list time").unwrap();
    let dates: Vec<String> = html
        .select(&sel)
        .filter_map(|t| t.value().attr("datetime").map(str::to_owned))
        .collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    let months: std::collections::BTreeSet<&str> = dates.iter().map(|d| &d[..7]).collect();
    assert_eq!(r.count("#funding-deadlines-list h3"), months.len());

    let second = app.get("/foerderung/fristen?seite=2").await;
    let rest = listed(&second);
    assert_eq!(rest.len(), 7);
    assert_eq!(rest.last().unwrap(), "zweimal");
    assert_eq!(
        app.get("/foerderung/fristen?seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
    // English month names and day formats.
    let en = app.get("/foerderung/fristen?lang=en").await;
    assert_eq!(en.status, StatusCode::OK);
}

#[tokio::test]
async fn the_search_facets_filter_the_deadlines_and_the_search_links_them() {
    let app = app().await;
    let mut municipal = offer("kommunal", "Kommunal", &[10]);
    municipal.eligible_groups = vec![EligibleGroup::Municipality];
    municipal.company_sizes.clear();
    municipal.industries.clear();
    municipal.tiers.retain(|t| t.size.is_none());
    let mut local = offer("nur-erzgebirge", "Nur Erzgebirge", &[12]);
    local.regions = vec![Region::District("14521".into())];
    let everyone = offer("alle", "Alle", &[14]);
    insert(&app, &[municipal, local, everyone]).await;

    let r = app.get("/foerderung/fristen?berechtigte=kommune").await;
    assert_eq!(listed(&r), ["kommunal"]);
    // The Kreis Leipzig (14729) has the offers for all of Saxony only.
    let r = app.get("/foerderung/fristen?gebiet=14729").await;
    assert!(
        !listed(&r).contains(&"nur-erzgebirge".to_owned()),
        "{:?}",
        listed(&r)
    );
    let r = app.get("/foerderung/fristen?gebiet=14521").await;
    assert!(listed(&r).contains(&"nur-erzgebirge".to_owned()));
    // The form keeps the choice; the feed and the search carry it.
    assert_eq!(r.attr("#d-gebiet-14521", "checked").as_deref(), Some(""));
    assert_eq!(
        r.attr("#funding-deadlines-ical", "href").as_deref(),
        Some("/foerderung/fristen.ics?gebiet=14521")
    );
    // A search URL maps to the deadline list of the same selection.
    let search = app.get("/foerderung?berechtigte=kommune").await;
    assert_eq!(
        search.attr("#funding-deadlines-link", "href").as_deref(),
        Some("/foerderung/fristen?berechtigte=kommune")
    );
    assert_eq!(
        search
            .attr("#funding-deadlines-feed-link", "href")
            .as_deref(),
        Some("/foerderung/fristen.ics?berechtigte=kommune")
    );
    let plain = app.get("/foerderung").await;
    assert_eq!(
        plain.attr("#funding-deadlines-link", "href").as_deref(),
        Some("/foerderung/fristen")
    );
}

fn parse(body: &str) -> Vec<std::collections::HashMap<String, String>> {
    let unfolded = icalendar::parser::unfold(body);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    assert!(
        calendar
            .properties
            .iter()
            .any(|p| p.name.as_str() == "VERSION" && p.val.as_str() == "2.0")
    );
    calendar
        .components
        .iter()
        .map(|c| {
            assert_eq!(c.name.as_str(), "VEVENT");
            c.properties
                .iter()
                .map(|p| {
                    let params: Vec<String> = p
                        .params
                        .iter()
                        .map(|x| {
                            format!(
                                "{}={}",
                                x.key.as_str(),
                                x.val.as_ref().map(|v| v.as_str()).unwrap_or("")
                            )
                        })
                        .collect();
                    let name = if params.is_empty() {
                        p.name.as_str().to_owned()
                    } else {
                        format!("{};{}", p.name.as_str(), params.join(";"))
                    };
                    (name, p.val.as_str().to_owned())
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_calendar_feed_has_one_all_day_event_per_deadline() {
    let app = app().await;
    let mut municipal = offer("kommunal", "Kommunal, mit Komma", &[10, 40]);
    municipal.eligible_groups = vec![EligibleGroup::Municipality];
    municipal.company_sizes.clear();
    municipal.industries.clear();
    municipal.tiers.retain(|t| t.size.is_none());
    insert(&app, &[municipal, offer("alle", "Alle", &[14])]).await;

    let r = app.get("/foerderung/fristen.ics").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    let events = parse(&r.body);
    assert_eq!(events.len(), 3);
    let first = &events[0];
    let day = in_days(10);
    assert_eq!(first["SUMMARY"], "Frist: Kommunal, mit Komma");
    assert_eq!(
        first["DTSTART;VALUE=DATE"],
        day.strftime("%Y%m%d").to_string()
    );
    assert_eq!(
        first["DTEND;VALUE=DATE"],
        day.tomorrow().unwrap().strftime("%Y%m%d").to_string()
    );
    assert!(
        first["URL"].ends_with("/foerderung/angebote/kommunal"),
        "{}",
        first["URL"]
    );
    assert!(first["UID"].starts_with(&format!(
        "funding-deadline-kommunal-{}@",
        day.strftime("%Y%m%d")
    )));
    assert!(first["DESCRIPTION"].contains("Runde 10"));
    // Stable: the same request gives the same UIDs.
    let again = parse(&app.get("/foerderung/fristen.ics").await.body);
    let uids = |e: &[std::collections::HashMap<String, String>]| {
        e.iter().map(|x| x["UID"].clone()).collect::<Vec<_>>()
    };
    assert_eq!(uids(&events), uids(&again));

    // Filtered by the same parameters as the list.
    let filtered = parse(
        &app.get("/foerderung/fristen.ics?berechtigte=kommune")
            .await
            .body,
    );
    assert_eq!(filtered.len(), 2);
    assert!(filtered.iter().all(|e| e["URL"].ends_with("/kommunal")));
    let none = parse(
        &app.get("/foerderung/fristen.ics?gebiet=14521&berechtigte=hochschule")
            .await
            .body,
    );
    assert!(none.is_empty());
}

#[tokio::test]
async fn the_shipped_catalogue_has_deadlines_to_list() {
    let app = crate::helpers::app_with_catalogue().await;
    let r = app.get("/foerderung/fristen").await;
    assert_eq!(r.status, StatusCode::OK);
    // Every listed offer is open and its deadline is ahead.
    for slug in listed(&r) {
        let o = catalogue().into_iter().find(|o| o.slug == slug).unwrap();
        assert!(
            o.deadlines.iter().any(|d| d.date >= dias_funding::today()),
            "{slug}"
        );
    }
}

/// The message ids of the Fristen, Merkliste and Vergleich pages:
/// literals in their code and `ctx.t…("…")` in their templates.
fn used() -> Vec<String> {
    let mut ids = Vec::new();
    for source in [
        include_str!("../../src/routes/deadlines.rs"),
        include_str!("../../src/routes/watch.rs"),
        include_str!("../../src/routes/compare.rs"),
        include_str!("../../src/watch.rs"),
        include_str!("../../templates/funding/deadlines.html"),
        include_str!("../../templates/funding/watch.html"),
        include_str!("../../templates/funding/watch_button.html"),
        include_str!("../../templates/funding/compare.html"),
        include_str!("../../templates/funding/card.html"),
        include_str!("../../templates/funding/search.html"),
    ] {
        ids.extend(
            source
                .split("\"funding-")
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .filter(|id| !id.contains('{') && !id.ends_with('-') && !id.contains(' '))
                .map(|id| format!("funding-{id}")),
        );
    }
    for month in 1..=12 {
        ids.push(format!("funding-deadlines-month-{month}"));
    }
    for notice in ["added", "removed", "changed"] {
        ids.push(format!("notice-funding-watch-{notice}"));
    }
    ids
}

#[test]
fn every_message_of_these_pages_exists_in_german_and_english() {
    let mut de = message_ids(include_str!("../../locales/de-deadlines.ftl"));
    let mut en = message_ids(include_str!("../../locales/en-deadlines.ftl"));
    de.sort();
    en.sort();
    assert_eq!(
        de, en,
        "de-deadlines.ftl and en-deadlines.ftl define the same ids"
    );
    let catalog = Catalog::new(dias_funding::MESSAGES).unwrap();
    let used = used();
    assert!(used.len() > 50, "{used:?}");
    for id in &used {
        // Element ids share the prefix; only ids that are messages count.
        if !de.contains(id) && catalog.get("de", id) == *id {
            assert!(
                !id.starts_with("funding-deadlines-")
                    && !id.starts_with("funding-watch-")
                    && !id.starts_with("funding-compare-")
                    || is_element_id(id),
                "{id} is used but not translated"
            );
            continue;
        }
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, id), *id, "{id} is missing in {locale}");
        }
    }
}

/// `id="funding-…"` attributes of the templates which are no messages themselves.
fn is_element_id(id: &str) -> bool {
    [
        "funding-deadlines-ical",
        "funding-deadlines-list",
        "funding-deadlines-link",
        "funding-deadline-count",
        "funding-watch-state",
        "funding-watch-add",
        "funding-watch",
        "funding-watch-list",
        "funding-watch-caption",
        "funding-watch-error",
        "funding-watch-empty",
        "funding-watch-compare-hint",
        "funding-compare",
        "funding-compare-caption",
        "funding-compare-form",
        "funding-compare-hint",
        "funding-compare-link",
        "funding-compare-too-many",
        "funding-compare-unknown",
        "funding-compare-empty",
        "funding-compare-remove",
    ]
    .contains(&id)
}
