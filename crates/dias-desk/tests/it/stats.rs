//! The public statistics: numbers for a fixed set of inquiries, with
//! Saxon holidays between receipt and first answer; anonymized inquiries
//! count; the page needs one query per chart at most.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_desk::store::{self, NewInquiry};
use dias_desk::vocab::{SenderType, Topic};
use jiff::civil::date;

use crate::faq::{close, reply, secret};
use crate::helpers::app;
use crate::support::TestApp;

fn berlin(y: i16, m: i8, d: i8, h: i8) -> i64 {
    date(y, m, d)
        .at(h, 0, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Berlin").unwrap())
        .unwrap()
        .timestamp()
        .as_second()
}

async fn inquiry(
    app: &TestApp,
    topic: Topic,
    sender: SenderType,
    at: i64,
    answered: Option<i64>,
    staff: i64,
) -> i64 {
    let new = NewInquiry {
        topic,
        sender_type: sender,
        attachment: None,
        ..crate::store::inquiry("Frage")
    };
    let (created, _) = store::create(&app.db, &secret(app), new, at).await.unwrap();
    if let Some(answer) = answered {
        reply(app, created.id, staff, "Antwort", answer).await;
    }
    created.id
}

/// The rows of a downloaded CSV table, header first.
async fn csv(app: &TestApp, chart: &str) -> Vec<String> {
    let r = app.get(&format!("/anfragen/statistik/{chart}.csv")).await;
    assert_eq!(r.status, StatusCode::OK);
    r.body
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn the_figures_of_a_fixed_set_of_inquiries() {
    let app = app().await;
    let (staff, _) = app.create_user("team@example.org", Role::Staff).await;
    // Tuesday 17 Nov 2026 → Thursday 19 Nov: Buß- und Bettag between,
    // 1 working day, 48 hours.
    let first = inquiry(
        &app,
        Topic::Broadband,
        SenderType::Municipality,
        berlin(2026, 11, 17, 10),
        Some(berlin(2026, 11, 19, 10)),
        staff,
    )
    .await;
    // Thursday 30 Oct 2025 → Monday 3 Nov: Reformationstag (Friday) and
    // the weekend between, 1 working day, 96 hours.
    inquiry(
        &app,
        Topic::Broadband,
        SenderType::Citizen,
        berlin(2025, 10, 30, 10),
        Some(berlin(2025, 11, 3, 10)),
        staff,
    )
    .await;
    // Answered the same day: 0 working days, 2 hours.
    inquiry(
        &app,
        Topic::Funding,
        SenderType::Company,
        berlin(2026, 11, 23, 8),
        Some(berlin(2026, 11, 23, 10)),
        staff,
    )
    .await;
    // Never answered, long past its target.
    inquiry(
        &app,
        Topic::Funding,
        SenderType::Company,
        berlin(2025, 6, 2, 9),
        None,
        staff,
    )
    .await;
    // An anonymized inquiry still counts.
    close(&app, first, staff, berlin(2026, 11, 20, 9)).await;
    dias_desk::retention::anonymize(&app.db, &[first], berlin(2026, 11, 21, 0))
        .await
        .unwrap();

    let topics = csv(&app, "themen").await;
    assert_eq!(topics[0], "Thema,Anfragen");
    assert!(topics.contains(&"Breitband,2".to_owned()), "{topics:?}");
    assert!(topics.contains(&"Förderung,2".to_owned()));
    assert!(topics.contains(&"Künstliche Intelligenz,0".to_owned()));
    let senders = csv(&app, "absender").await;
    assert!(senders.contains(&"Kommune,1".to_owned()), "{senders:?}");
    assert!(senders.contains(&"Bürgerin oder Bürger,1".to_owned()));
    assert!(senders.contains(&"Unternehmen,2".to_owned()));
    let times = csv(&app, "antwortzeit").await;
    assert!(times.contains(&"Breitband,2,1,72".to_owned()), "{times:?}");
    assert!(times.contains(&"Förderung,1,0,2".to_owned()));
    assert!(times.contains(&"Künstliche Intelligenz,0,,".to_owned()));
    assert!(times.contains(&"Alle Themen,3,1,48".to_owned()));
    let target = csv(&app, "zielerreichung").await;
    assert!(
        target.contains(&"Breitband,2,2,100".to_owned()),
        "{target:?}"
    );
    assert!(target.contains(&"Förderung,2,1,50".to_owned()));
    assert!(target.contains(&"Alle Themen,4,3,75".to_owned()));
    assert_eq!(csv(&app, "monate").await.len(), 13);
    let xlsx = app.get("/anfragen/statistik/themen.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);

    let page = app.get("/anfragen/statistik").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("#desk-stats-median-days"), "1,0");
    assert_eq!(page.text("#desk-stats-median-hours"), "48,0");
    assert_eq!(page.text("#desk-stats-share"), "75,0 %");
    assert!(page.text("p.lead").contains("4 Anfragen"));
    for chart in [
        "themen",
        "absender",
        "monate",
        "antwortzeit",
        "zielerreichung",
    ] {
        assert_eq!(
            page.count(&format!(
                "figure[aria-labelledby=\"{chart}-title\"] svg[role=img]"
            )),
            1,
            "{chart}"
        );
        assert_eq!(
            page.count(&format!("a[href=\"/anfragen/statistik/{chart}.csv\"]")),
            1
        );
    }
    assert!(page.text("#antwortzeit-tabelle").contains("72,0"));
    // No text of any inquiry on the page.
    assert!(!page.body.contains("Markterkundungsverfahren"));
    assert!(!page.body.contains("Erika"));

    // Each chart one query at most, whatever the number of inquiries.
    let (before, _) = app.count_queries(app.get("/anfragen/statistik")).await;
    for _ in 0..20 {
        inquiry(
            &app,
            Topic::Ai,
            SenderType::Research,
            berlin(2026, 11, 2, 9),
            None,
            staff,
        )
        .await;
    }
    let (after, _) = app.count_queries(app.get("/anfragen/statistik")).await;
    assert_eq!(before, after);
    assert!(after <= 5, "{after} queries");
}

#[tokio::test]
async fn an_empty_desk_has_statistics_without_figures() {
    let app = app().await;
    let page = app.get("/anfragen/statistik").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("#desk-stats-median-days"), "–");
    assert_eq!(page.text("#desk-stats-share"), "–");
    let times = csv(&app, "antwortzeit").await;
    assert!(times.contains(&"Alle Themen,0,,".to_owned()), "{times:?}");
}
