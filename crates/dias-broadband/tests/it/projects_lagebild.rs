//! The Lagebild of funding projects: each chart's table on the page is the
//! table in the CSV and XLSX downloads.

use axum::http::{StatusCode, header};
use calamine::{Data, Reader, Xlsx};
use dias_broadband::projects::Stage;
use dias_broadband::projects::store::{self, Seed};

use crate::helpers::app;
use crate::projects::valid;
use crate::support::{TestApp, TestResponse};

/// Rows of the table in the figure of chart `id` as the page shows them.
fn shown_rows(page: &TestResponse, id: &str) -> Vec<Vec<String>> {
    let html = page.html();
    let rows = scraper::Selector::parse(&format!("figure[aria-labelledby='{id}-title'] table tr"))
        .unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    html.select(&rows)
        .map(|r| {
            r.select(&cells)
                .map(|c| c.text().collect::<String>().trim().to_owned())
                .collect()
        })
        .collect()
}

fn csv_rows(body: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// A number as the page shows it in German („1.234.567“) back to digits.
fn plain(cell: &str) -> String {
    if cell.chars().all(|c| c.is_ascii_digit() || c == '.') {
        cell.replace('.', "")
    } else {
        cell.to_owned()
    }
}

async fn seeded() -> TestApp {
    let app = app().await;
    let seeds: Vec<Seed> = ["14521010", "14521020", "14612000", "14713000"]
        .iter()
        .enumerate()
        .map(|(i, ags8)| {
            let stage = [
                Stage::Consultation,
                Stage::Construction,
                Stage::Construction,
                Stage::ProofOfUse,
            ][i];
            let mut reached = [None; 12];
            reached[stage.index()] = Some(dias_broadband::today());
            let mut v = valid(&format!("Projekt {i}"), ags8);
            // Cents that round: 1.000.000,50 € shows as 1.000.001 €.
            v.amounts.eligible += 50;
            Seed {
                valid: v,
                stage,
                reached,
            }
        })
        .collect();
    store::insert_many(&app.db, &seeds, 1).await.unwrap();
    app
}

#[tokio::test]
async fn each_chart_table_is_the_csv_and_the_xlsx_download() {
    let app = seeded().await;
    let page = app.get("/breitband/lagebild/projekte").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.count("svg.chart__svg"), 2);
    for (id, rows) in [("phasen", 13), ("foerdermittel", 14)] {
        let shown = shown_rows(&page, id);
        assert_eq!(
            shown.len(),
            rows,
            "{id}: header and one row per stage/Kreis"
        );
        let csv = app
            .get(&format!("/breitband/lagebild/projekte/{id}.csv"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        assert!(
            csv.headers[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        let downloaded = csv_rows(&csv.body);
        let shown_plain: Vec<Vec<String>> = shown
            .iter()
            .map(|r| r.iter().map(|c| plain(c)).collect())
            .collect();
        assert_eq!(downloaded, shown_plain, "{id}");

        // The test response holds text; XLSX needs the bytes.
        let bytes = xlsx_bytes(&app, id).await;
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.sheet_names()[0].clone();
        let range = book.worksheet_range(&sheet).unwrap();
        let read: Vec<Vec<String>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|c| match c {
                        Data::Float(f) => format!("{}", *f as i64),
                        Data::Int(n) => n.to_string(),
                        other => other.to_string(),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(read, downloaded, "{id}");
    }
    // Figures: two projects in construction; Erzgebirgskreis's funds.
    let stages = csv_rows(
        &app.get("/breitband/lagebild/projekte/phasen.csv")
            .await
            .body,
    );
    let construction = stages.iter().find(|r| r[0] == "Bau / Mittelabruf").unwrap();
    assert_eq!(construction[1], "2");
    let funds = csv_rows(
        &app.get("/breitband/lagebild/projekte/foerdermittel.csv")
            .await
            .body,
    );
    let erz = funds.iter().find(|r| r[0] == "Erzgebirgskreis").unwrap();
    assert_eq!(erz[1..], ["1000000", "800000", "200000", "2000001", "2"]);
    for bad in ["phasen.pdf", "nichts.csv", "phasen"] {
        assert_eq!(
            app.get(&format!("/breitband/lagebild/projekte/{bad}"))
                .await
                .status,
            StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
}

async fn xlsx_bytes(app: &TestApp, id: &str) -> Vec<u8> {
    use tower::ServiceExt;
    let response = app
        .router
        .clone()
        .oneshot(
            axum::http::Request::builder()
                .uri(format!("/breitband/lagebild/projekte/{id}.xlsx"))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}
