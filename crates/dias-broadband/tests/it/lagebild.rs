//! Lagebild: the map and charts show the source's values, every chart's
//! table is the same in the page, the CSV and the XLSX, and the page says
//! where the data come from and how old they are.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

/// Cells of a table in the page (header row included), numbers written
/// back with a decimal point and „–“ as empty, as in the download.
pub(crate) fn table_cells(page: &TestResponse, table: &str) -> Vec<Vec<String>> {
    let html = page.html();
    let rows = scraper::Selector::parse(&format!("{table} tr")).unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    html.select(&rows)
        .map(|row| {
            row.select(&cells)
                .map(|c| {
                    // The sort arrow is decoration (aria-hidden), not data.
                    let text = c.text().collect::<String>();
                    let text = text.trim_end_matches([' ', '▲', '▼']).to_owned();
                    if text == "–" {
                        String::new()
                    } else if text.chars().all(|ch| ch.is_ascii_digit() || ch == ',') {
                        text.replace(',', ".")
                    } else {
                        text
                    }
                })
                .collect()
        })
        .collect()
}

/// Cells of a downloaded CSV, header row included.
pub(crate) fn csv_cells(body: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

async fn bytes(app: &TestApp, path: &str) -> (StatusCode, Vec<u8>) {
    let response = app
        .router
        .clone()
        .oneshot(Request::get(path).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, body.to_vec())
}

fn xlsx_cells(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let range = book.worksheet_range_at(0).unwrap().unwrap();
    range
        .rows()
        .map(|row| {
            row.iter()
                .map(|cell| match cell {
                    Data::String(s) => s.clone(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    Data::Empty => String::new(),
                    other => format!("{other:?}"),
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn lagebild_shows_map_charts_tables_and_sources() {
    let app = app().await;
    let page = app.get("/breitband/lagebild").await;
    assert_eq!(page.status, StatusCode::OK);
    // Map: 13 Kreise shaded, 419 Gemeinden as points, legend, BKG credit.
    assert_eq!(page.count(".map__region"), 13 + 5);
    assert_eq!(
        page.count("svg.map__svg .map__region[class*='--level-']"),
        13
    );
    assert_eq!(page.count(".map__point"), 419);
    assert_eq!(page.count(".map .map__legend li"), 5);
    assert!(page.body.contains("GeoBasis-DE / BKG"));
    // Text alternative: the Kreise table with links to the Kreis pages.
    assert_eq!(page.count("#tabelle-kreise tbody tr"), 13);
    assert_eq!(
        page.count("#tabelle-kreise a[href^='/breitband/kreise/']"),
        13
    );
    // Two line charts, each an accessible image with a visible table.
    assert_eq!(page.count("figure.chart > svg[role='img'] > title"), 2);
    assert_eq!(page.count("#tabelle-bandbreiten"), 1);
    assert_eq!(page.count("#tabelle-technologien"), 1);
    for chart in ["bandbreiten", "technologien", "kreise"] {
        for ext in ["csv", "xlsx"] {
            let href = format!("/breitband/lagebild/{chart}.{ext}");
            assert_eq!(page.count(&format!("a[href='{href}']")), 1, "{href}");
        }
    }
    // Attribution under every chart and for the map, linking to the sources.
    assert!(page.count(".chart__source a[href='/datenquellen']") >= 2);
    assert!(page.count(".broadband-source a[href='/datenquellen']") >= 1);
    assert!(page.body.contains("Breitbandatlas | Gigabit-Grundbuch"));
    // The figures end in 2021 and the page says so; 2026 only as text.
    let currency = page.text("#datenstand");
    assert!(currency.contains("Juni 2021"), "{currency}");
    assert!(currency.contains("66 %"), "{currency}");
    assert!(currency.contains("Gigabit-Grundbuch"), "{currency}");
    assert!(!page.body.contains("2026-"));
    // Sub-navigation to the projects page (engineer D's).
    assert_eq!(
        page.count("nav.related-links a[href='/breitband/lagebild/projekte']"),
        1
    );
    // The Land gigabit figure is the raw one.
    let mut reader = csv::Reader::from_reader(dias_broadband::coverage::HISTORY_CSV.as_bytes());
    let raw = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[0] == "land" && &r[4] == "2021-06" && &r[5] == "all" && &r[6] == "1000")
        .unwrap();
    let land = page.text("#land-gigabit");
    assert!(
        land.starts_with(&format!("{} %", raw[7].replace('.', ","))),
        "{land}"
    );
}

#[tokio::test]
async fn chart_tables_csv_and_xlsx_hold_the_same_cells() {
    let app = app().await;
    let page = app.get("/breitband/lagebild").await;
    for chart in ["bandbreiten", "technologien", "kreise"] {
        let shown = table_cells(&page, &format!("#tabelle-{chart}"));
        let csv = app.get(&format!("/breitband/lagebild/{chart}.csv")).await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.headers["content-disposition"]
                .to_str()
                .unwrap()
                .contains(&format!("breitband-sachsen-{chart}.csv"))
        );
        assert_eq!(shown, csv_cells(&csv.body), "{chart}: page vs CSV");
        let (status, xlsx) = bytes(&app, &format!("/breitband/lagebild/{chart}.xlsx")).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!(xlsx_cells(xlsx), shown, "{chart}: XLSX vs page");
    }
}

#[tokio::test]
async fn land_chart_values_equal_the_source() {
    let app = app().await;
    let csv = app.get("/breitband/lagebild/bandbreiten.csv").await;
    let cells = csv_cells(&csv.body);
    let header = &cells[0];
    assert_eq!(header[0], "Stand");
    let col = header
        .iter()
        .position(|h| h.starts_with("≥ 1000 Mbit/s, alle Technologien"))
        .unwrap();
    let mut reader = csv::Reader::from_reader(dias_broadband::coverage::HISTORY_CSV.as_bytes());
    let mut compared = 0;
    for row in reader.records().map(Result::unwrap) {
        if &row[0] == "land" && &row[5] == "all" && &row[6] == "1000" {
            let line = cells.iter().find(|c| c[0] == row[4]).unwrap();
            assert_eq!(
                line[col].parse::<f64>().unwrap(),
                row[7].parse::<f64>().unwrap()
            );
            compared += 1;
        }
    }
    assert_eq!(compared, 6, "gigabit at Land level from 2018-12 to 2021-06");
    // Paket 1 years are in the table: 2010-12 to 2017-12.
    assert_eq!(cells[1][0], "2010-12");
    assert_eq!(cells.last().unwrap()[0], "2021-06");
}

#[tokio::test]
async fn unknown_chart_or_format_is_not_found() {
    let app = app().await;
    for path in [
        "/breitband/lagebild/nichts.csv",
        "/breitband/lagebild/bandbreiten.pdf",
        "/breitband/lagebild/bandbreiten",
        "/breitband/lagebild/.csv",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn data_sources_page_names_the_broadband_history() {
    let app = app().await;
    let page = app.get("/datenquellen").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("sachsen-breitband-historie.csv"));
    assert!(
        page.body
            .contains("Breitbandatlas | Gigabit-Grundbuch (https://gigabitgrundbuch.bund.de)")
    );
    assert!(page.body.contains("Daten verändert"));
}

#[tokio::test]
async fn every_message_the_register_uses_exists() {
    let catalog = dias_core::i18n::Catalog::new(dias_broadband::MESSAGES).unwrap();
    let sources = [
        include_str!("../../src/routes/register.rs"),
        include_str!("../../src/routes/lagebild.rs"),
        include_str!("../../templates/broadband/gemeinden.html"),
        include_str!("../../templates/broadband/kreis.html"),
        include_str!("../../templates/broadband/gemeinde.html"),
        include_str!("../../templates/broadband/lagebild.html"),
        include_str!("../../templates/broadband/lagebild_nav.html"),
        include_str!("../../templates/broadband/lagebild_source.html"),
    ];
    let mut ids = Vec::new();
    for source in sources {
        for part in source.split('"').skip(1).step_by(2) {
            if part.starts_with("broadband-register-") || part.starts_with("broadband-lagebild-") {
                ids.push(part.to_owned());
            }
        }
    }
    assert!(ids.len() > 50);
    for id in ids {
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, &id), id, "{locale} {id}");
        }
    }
}

#[tokio::test]
async fn kreise_table_sorts_through_links() {
    let app = app().await;
    let page = app
        .get("/breitband/lagebild?sortierung=gigabit&richtung=ab")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let cells = table_cells(&page, "#tabelle-kreise");
    let shares: Vec<f64> = cells[1..].iter().map(|r| r[3].parse().unwrap()).collect();
    assert_eq!(shares.len(), 13);
    assert!(shares.windows(2).all(|w| w[0] >= w[1]), "{shares:?}");
    assert_eq!(
        page.attr("#tabelle-kreise th[aria-sort='descending'] a", "href")
            .as_deref(),
        Some("/breitband/lagebild?sortierung=gigabit&richtung=auf#tabelle-kreise")
    );
    let by_count = app.get("/breitband/lagebild?sortierung=gemeinden").await;
    let counts: Vec<i64> = table_cells(&by_count, "#tabelle-kreise")[1..]
        .iter()
        .map(|r| r[6].parse().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] <= w[1]), "{counts:?}");
    for bad in ["sortierung=stand", "sortierung=name&richtung=quer"] {
        assert_eq!(
            app.get(&format!("/breitband/lagebild?{bad}")).await.status,
            StatusCode::BAD_REQUEST
        );
    }
}
