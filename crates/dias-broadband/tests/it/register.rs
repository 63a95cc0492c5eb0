//! The municipality register: every Gemeinde has a page, the figures shown
//! are the source's, unknown and merged AGS are not pages, and the pages
//! read no database.

use axum::http::StatusCode;
use dias_core::policy::Role;

use crate::helpers::app;

/// The raw value of one row of the shipped history.
fn raw_share(level: &str, ags: &str, stand: &str, technology: &str, min: u16) -> f64 {
    let mut reader = csv::Reader::from_reader(dias_broadband::coverage::HISTORY_CSV.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .map(|r| r.unwrap())
        .filter(|r| {
            &r[0] == level
                && &r[1] == ags
                && &r[4] == stand
                && &r[5] == technology
                && r[6].parse::<u16>().unwrap() == min
        })
        .collect();
    assert_eq!(rows.len(), 1, "{level} {ags} {stand} {technology} {min}");
    rows[0][7].parse().unwrap()
}

fn german(share: f64) -> String {
    share.to_string().replace('.', ",")
}

#[tokio::test]
async fn register_lists_all_419_municipalities_and_each_page_exists() {
    let app = app().await;
    let list = app.get("/breitband/gemeinden").await;
    assert_eq!(list.status, StatusCode::OK);
    let links: Vec<String> = list
        .html()
        .select(&scraper::Selector::parse(".gemeinden-tabelle tbody th a").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links.len(), 419);
    assert!(list.text("#gemeinden-anzahl").contains("419 von 419"));
    let reference = dias_core::reference::cached();
    for m in &reference.municipalities {
        let path = format!("/breitband/gemeinden/{}", m.ags8);
        assert!(links.contains(&path), "{path} listed");
        let page = app.get(&path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        assert_eq!(page.text("h1"), m.name, "{path}");
    }
    for d in &reference.districts {
        let page = app.get(&format!("/breitband/kreise/{}", d.ags5)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", d.ags5);
        assert_eq!(
            page.count("#gemeinden-tabelle tbody tr"),
            reference.municipalities_of(&d.ags5).count()
        );
    }
}

#[tokio::test]
async fn unknown_and_merged_ags_are_not_pages_but_merged_ones_are_named() {
    let app = app().await;
    for path in [
        "/breitband/gemeinden/14999999",
        "/breitband/gemeinden/abc",
        "/breitband/gemeinden/14521030",
        "/breitband/kreise/14999",
        "/breitband/kreise/14612000",
        "/breitband/gemeinden/14612000/zeitreihe.pdf",
        "/breitband/gemeinden/14612000/nichts.csv",
        "/breitband/gemeinden/14612000/zeitreihe",
        "/breitband/gemeinden/14521035/zeitreihe.csv",
        "/breitband/kreise/14612/zeitreihe.doc",
        "/breitband/kreise/14612/andere.csv",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
    // Aue (14521030) has figures in the source but is part of
    // Aue-Bad Schlema since 2019: named on the list and on the new page.
    let list = app.get("/breitband/gemeinden").await;
    let former = list.text("#fruehere-gemeinden");
    assert!(former.contains("14521030 Aue, Stadt"), "{former}");
    assert!(former.contains("14729290"), "{former}");
    let merged = app.get("/breitband/gemeinden/14521035").await;
    assert_eq!(merged.status, StatusCode::OK);
    assert_eq!(merged.count("#keine-zahlen"), 1);
    let before = merged.text("#vorgaenger-liste");
    let aue = raw_share("gemeinde", "14521030", "2021-06", "all", 1000);
    assert!(
        before.contains(&format!("14521030 Aue, Stadt: {} %", german(aue))),
        "{before}"
    );
    assert!(before.contains("14521050 Bad Schlema"), "{before}");
    let kreis = app.get("/breitband/kreise/14521").await;
    assert!(kreis.text("#gebietsstand").contains("Gebietsstand"));
    assert!(kreis.body.contains("14521050 Bad Schlema"));
}

#[tokio::test]
async fn dresden_page_shows_the_source_values() {
    let app = app().await;
    let page = app.get("/breitband/gemeinden/14612000").await;
    assert_eq!(page.status, StatusCode::OK);
    let gigabit = raw_share("gemeinde", "14612000", "2021-06", "all", 1000);
    assert_eq!(
        page.text("#gemeinde-gigabit"),
        format!(
            "{} % der Haushalte mit mindestens 1000 Mbit/s (Stand Juni 2021)",
            german(gigabit)
        )
    );
    // Households are an estimate: population / 2, labelled as such.
    let dresden = dias_core::reference::cached()
        .municipality("14612000")
        .unwrap();
    let households = page.text("#haushalte");
    let expected = dias_web::components::format_number(dresden.population / 2, "de");
    assert!(households.contains(&expected), "{households}");
    assert!(households.contains("Schätzung"), "{households}");
    // Every cell of the class table is the raw value.
    let html = page.html();
    let row_sel = scraper::Selector::parse("#tabelle-klassen tbody tr").unwrap();
    let cell_sel = scraper::Selector::parse("th, td").unwrap();
    let technologies = ["all", "fixed", "FTTH/B"];
    let mut checked = 0;
    for row in html.select(&row_sel) {
        let cells: Vec<String> = row
            .select(&cell_sel)
            .map(|c| c.text().collect::<String>())
            .collect();
        let min: u16 = cells[0]
            .trim_start_matches("≥ ")
            .trim_end_matches(" Mbit/s")
            .parse()
            .unwrap();
        for (i, tech) in technologies.iter().enumerate() {
            let cell = &cells[i + 1];
            if cell == "–" {
                continue;
            }
            assert_eq!(
                *cell,
                german(raw_share("gemeinde", "14612000", "2021-06", tech, min)),
                "{tech} {min}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 12 * 2 + 4, "{checked} cells checked");
    // The time series has the gigabit value at every stand of the source.
    let series = page.text("#tabelle-zeitreihe");
    for stand in ["2018-12", "2019-12", "2020-12", "2021-06"] {
        let v = raw_share("gemeinde", "14612000", stand, "all", 1000);
        assert!(series.contains(&german(v)), "{stand}: {series}");
    }
    assert!(page.body.contains("Breitbandatlas | Gigabit-Grundbuch"));
    assert!(page.body.contains("Daten verändert"));
    assert_eq!(
        page.attr(".broadband-source a", "href").as_deref(),
        Some("/datenquellen")
    );
}

#[tokio::test]
async fn leipzig_kreis_and_register_show_the_latest_gigabit_share() {
    let app = app().await;
    let gigabit = raw_share("gemeinde", "14713000", "2021-06", "all", 1000);
    let list = app.get("/breitband/gemeinden?kreis=14713").await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.count(".gemeinden-tabelle tbody tr"), 1);
    assert!(
        list.text(".gemeinden-tabelle tbody tr")
            .contains(&format!("{} %", german(gigabit)))
    );
    let kreis = app.get("/breitband/kreise/14713").await;
    let kreis_share = raw_share("kreis", "14713", "2021-06", "all", 1000);
    assert!(kreis.text("#kreis-gigabit").contains(&german(kreis_share)));
}

#[tokio::test]
async fn register_filters_by_name_and_kreis_without_script() {
    let app = app().await;
    let page = app.get("/breitband/gemeinden?q=annaberg").await;
    assert_eq!(page.status, StatusCode::OK);
    let names = page.texts(".gemeinden-tabelle tbody th");
    assert_eq!(names, vec!["Annaberg-Buchholz, Stadt".to_owned()]);
    assert_eq!(page.attr("#q", "value").as_deref(), Some("annaberg"));
    let page = app.get("/breitband/gemeinden?kreis=14521&q=").await;
    assert_eq!(page.count(".gemeinden-tabelle tbody tr"), 59);
    assert_eq!(page.count("h2 a[href='/breitband/kreise/14521']"), 1);
    assert_eq!(
        page.attr("#kreis option[selected]", "value").as_deref(),
        Some("14521")
    );
    let page = app.get("/breitband/gemeinden?q=14612").await;
    assert_eq!(
        page.texts(".gemeinden-tabelle tbody th"),
        vec!["Dresden, Stadt".to_owned()]
    );
    let none = app.get("/breitband/gemeinden?q=Atlantis").await;
    assert_eq!(none.status, StatusCode::OK);
    assert_eq!(none.count(".gemeinden-tabelle"), 0);
    assert!(none.text("#gemeinden-anzahl").contains("0 von 419"));
    assert_eq!(
        app.get("/breitband/gemeinden?kreis=99999").await.status,
        StatusCode::BAD_REQUEST
    );
    let long = "x".repeat(101);
    assert_eq!(
        app.get(&format!("/breitband/gemeinden?q={long}"))
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn kreis_table_sorts_through_links() {
    let app = app().await;
    let by_name = app.get("/breitband/kreise/14522").await;
    let names = by_name.texts("#gemeinden-tabelle tbody th");
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(
        by_name
            .attr(
                "#gemeinden-tabelle thead th[aria-sort='ascending'] a",
                "href"
            )
            .as_deref(),
        Some("/breitband/kreise/14522?sortierung=name&richtung=ab#gemeinden")
    );
    let page = app
        .get("/breitband/kreise/14522?sortierung=einwohner&richtung=ab")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let population: Vec<i64> = page
        .texts("#gemeinden-tabelle tbody td:nth-of-type(2)")
        .iter()
        .map(|t| t.replace('.', "").parse().unwrap())
        .collect();
    assert!(
        population.windows(2).all(|w| w[0] >= w[1]),
        "{population:?}"
    );
    assert_eq!(population.len(), names.len());
    let page = app.get("/breitband/kreise/14522?sortierung=gigabit").await;
    let shares: Vec<f64> = page
        .texts("#gemeinden-tabelle tbody td:nth-of-type(3)")
        .iter()
        .map(|t| t.trim_end_matches(" %").replace(',', ".").parse().unwrap())
        .collect();
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
    for bad in ["sortierung=preis", "richtung=seitwaerts"] {
        assert_eq!(
            app.get(&format!("/breitband/kreise/14522?{bad}"))
                .await
                .status,
            StatusCode::BAD_REQUEST
        );
    }
    // Map with each Gemeinde's outline shaded and a point per Gemeinde.
    assert_eq!(page.count(".map__point"), names.len());
    assert_eq!(page.count("#karte-kreis svg path.map__region"), names.len());
    assert!(page.body.contains("GeoBasis-DE / BKG 2021"));
    // The Gemeinde page outlines the Gemeinde on its Kreis map.
    let freiberg = app.get("/breitband/gemeinden/14522180").await;
    assert_eq!(
        freiberg.count("#karte-gemeinde svg path.map__region"),
        names.len()
    );
    assert_eq!(
        freiberg.count("#karte-gemeinde svg path[stroke='#0b0c0c']"),
        1
    );
}

#[tokio::test]
async fn register_and_lagebild_queries_do_not_grow_with_the_municipalities() {
    let app = app().await;
    // The register and the figures come from memory; only what other
    // areas add to a page (one query each) may touch the database.
    for path in ["/breitband/gemeinden", "/breitband/lagebild"] {
        let (queries, response) = app.count_queries(app.get(path)).await;
        assert_eq!(response.status, StatusCode::OK);
        assert!(queries <= 1, "{path}: {queries} queries");
    }
    // A Kreis of 59 Gemeinden costs what a kreisfreie Stadt costs.
    let (large, response) = app.count_queries(app.get("/breitband/kreise/14521")).await;
    assert_eq!(response.status, StatusCode::OK);
    let (small, _) = app.count_queries(app.get("/breitband/kreise/14612")).await;
    assert_eq!(large, small);
    assert!(large <= 3, "{large} queries");
    let (gemeinde, _) = app
        .count_queries(app.get("/breitband/gemeinden/14612000"))
        .await;
    assert!(gemeinde <= 3, "{gemeinde} queries");
}

#[tokio::test]
async fn every_role_sees_the_public_register() {
    for (role, member) in [
        (None, false),
        (Some(Role::Participant), false),
        (Some(Role::Operator), false),
        (Some(Role::Municipality), true),
        (Some(Role::Municipality), false),
        (Some(Role::Staff), false),
    ] {
        let app = app().await;
        if let Some(role) = role {
            let id = app.sign_in_as(role).await;
            if member {
                // A member for Amtsberg sees the same public pages.
                dias_broadband::members::add_membership(&app.db, id, "14521010")
                    .await
                    .unwrap();
            }
        }
        for path in [
            "/breitband/gemeinden",
            "/breitband/kreise/14521",
            "/breitband/gemeinden/14521010",
            "/breitband/gemeinden/14521010/zeitreihe.csv",
            "/breitband/lagebild",
            "/breitband/lagebild/kreise.xlsx",
        ] {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::OK,
                "{role:?} {path}"
            );
        }
    }
}

#[tokio::test]
async fn gemeinde_downloads_equal_the_tables_shown() {
    let app = app().await;
    let page = app.get("/breitband/gemeinden/14612000").await;
    for (name, table) in [
        ("klassen", "#tabelle-klassen"),
        ("zeitreihe", "#tabelle-zeitreihe"),
    ] {
        let csv = app
            .get(&format!("/breitband/gemeinden/14612000/{name}.csv"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        let shown = crate::lagebild::table_cells(&page, table);
        let downloaded = crate::lagebild::csv_cells(&csv.body);
        assert_eq!(shown, downloaded, "{name}");
    }
    let kreis = app.get("/breitband/kreise/14522").await;
    let csv = app.get("/breitband/kreise/14522/zeitreihe.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(
        crate::lagebild::table_cells(&kreis, "#tabelle-zeitreihe"),
        crate::lagebild::csv_cells(&csv.body)
    );
    let xlsx = app.get("/breitband/kreise/14522/zeitreihe.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(
        xlsx.headers["content-type"]
            .to_str()
            .unwrap()
            .contains("spreadsheetml")
    );
}

#[tokio::test]
async fn register_download_holds_the_rows_shown() {
    let app = app().await;
    let page = app.get("/breitband/gemeinden?kreis=14612").await;
    let href = page
        .attr("a[href^='/breitband/gemeinden.csv']", "href")
        .unwrap();
    assert_eq!(href, "/breitband/gemeinden.csv?q=&kreis=14612");
    let csv = app.get(&href).await;
    assert_eq!(csv.status, StatusCode::OK);
    let cells = crate::lagebild::csv_cells(&csv.body);
    assert_eq!(cells.len(), 2);
    assert_eq!(cells[1][0], "14612000");
    assert_eq!(
        cells[1][4].parse::<f64>().unwrap(),
        raw_share("gemeinde", "14612000", "2021-06", "all", 1000)
    );
    assert_eq!(cells[1][5], "2021-06");
    let all = app.get("/breitband/gemeinden.csv").await;
    assert_eq!(crate::lagebild::csv_cells(&all.body).len(), 1 + 419);
    assert_eq!(
        app.get("/breitband/gemeinden.xlsx?q=Dresden").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/breitband/gemeinden.csv?kreis=1").await.status,
        StatusCode::BAD_REQUEST
    );
}

/// Hand-edited links (a page that is no number, a parameter twice, broken
/// percent-encoding) get an HTML page of the portal, never axum's plain
/// text rejection.
#[tokio::test]
async fn malformed_queries_and_paths_get_html_pages() {
    let app = app().await;
    let ok = [
        "/breitband/projekte?seite=&seite=1",
        "/breitband/projekte?phase=&phase=x",
        "/breitband/gemeinden?q=a&q=b&kreis=",
        "/breitband/gemeinden?q=%FF",
        "/breitband/gemeinden.csv?q=a&q=b",
        "/breitband/lagebild?richtung=auf&richtung=ab",
        "/breitband/kreise/14521?sortierung=&sortierung=x",
        "/breitband/beratung?gemeinde=&gemeinde=14521010",
        "/breitband?x=%ZZ",
    ];
    for path in ok {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
    }
    let refused = [
        // The page rule of every list (docs/ARCHITECTURE.md, Limits): not a
        // page number → 400, beyond the last page → 404.
        "/breitband/projekte?seite=0",
        "/breitband/projekte?seite=abc",
        "/breitband/projekte?seite=&seite=x",
        "/breitband/projekte?seite=999",
        "/breitband/projekte?kreis=%FF",
        "/breitband/projekte/%FF",
        "/breitband/projekte/abc",
        "/breitband/projekte/%FF/bearbeiten",
        "/breitband/projekte/1/dokumente/%FF",
        "/breitband/gemeinden/%FF",
        "/breitband/gemeinden/14521010/%FF",
        "/breitband/kreise/%FF",
        "/breitband/kreise/14521/%FF",
        "/breitband/lagebild/%FF",
        "/breitband/lagebild/projekte/%FF",
        "/breitband/lagebild?richtung=seitwaerts",
    ];
    for path in refused {
        let r = app.get(path).await;
        assert!(r.status.is_client_error(), "{path}: {}", r.status);
        let kind = r
            .headers
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(kind.starts_with("text/html"), "{path}: {kind}");
        assert!(r.body.contains("<main"), "{path}");
    }
}

/// A Kreis's own code is its Kreisschlüssel (the Gemeinden in its table
/// keep their Gemeindeschlüssel); the landing page's figure is what
/// households can book.
#[tokio::test]
async fn codes_and_figures_are_named_for_what_they_are() {
    let app = app().await;
    let kreis = app.get("/breitband/kreise/14521").await;
    assert!(kreis.text("dl").contains("Kreisschlüssel"));
    assert!(!kreis.text("dl").contains("Gemeindeschlüssel"));
    assert!(
        kreis
            .text("#gemeinden-tabelle thead")
            .contains("Gemeindeschlüssel")
    );
    let csv = app.get("/breitband/lagebild/kreise.csv").await;
    assert!(csv.body.lines().next().unwrap().contains("Kreisschlüssel"));
    let home = app.get("/breitband").await;
    assert!(
        home.text("#broadband-home-figures")
            .contains("Haushalte in Sachsen, die Gigabit buchen können")
    );
    app.sign_in_as(Role::Staff).await;
    let admin = app.get("/breitband/verwaltung").await;
    assert!(admin.body.contains("Gemeinde- oder Kreisschlüssel"));
}
