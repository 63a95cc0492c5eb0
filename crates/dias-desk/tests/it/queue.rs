//! The staff's queues: who may see them, what each holds, overdue in
//! working days, counts in one grouped query, pagination and filters.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_desk::queue::{self, Filter, Queue, StatusFilter, Viewer};
use dias_desk::store::{self, Inquiry, NewInquiry};
use dias_desk::vocab::{SenderType, Topic};
use dias_desk::{teams, work};
use jiff::civil::date;
use jiff::tz::TimeZone;

use crate::helpers::app;
use crate::support::TestApp;

/// The secret key of the test app (`support.rs`), so status links in mails
/// can be recomputed.
pub(crate) const SECRET: &[u8] = b"test-secret-key-with-at-least-32-characters";

/// Unix seconds of a Berlin wall-clock time.
pub(crate) fn berlin(year: i16, month: i8, day: i8, hour: i8) -> i64 {
    date(year, month, day)
        .at(hour, 0, 0, 0)
        .to_zoned_datetime(TimeZone::get("Europe/Berlin").unwrap())
        .unwrap()
        .timestamp()
        .as_second()
}

pub(crate) fn new_inquiry(subject: &str, topic: Topic) -> NewInquiry {
    NewInquiry {
        sender_type: SenderType::Company,
        topic,
        ags8: Some("14521010".into()),
        subject: subject.into(),
        message: "Welche Förderung gibt es für den Glasfaseranschluss unseres Gewerbegebiets?"
            .into(),
        sender_name: "Erika Muster".into(),
        sender_email: "erika@example.org".into(),
        user_id: None,
        locale: "de".into(),
        context_path: None,
        attachment: None,
    }
}

/// An inquiry received at `at` (unix seconds).
pub(crate) async fn received(app: &TestApp, subject: &str, topic: Topic, at: i64) -> Inquiry {
    store::create(&app.db, SECRET, new_inquiry(subject, topic), at)
        .await
        .unwrap()
        .0
}

/// Every page of this file's routes with the roles that may open it.
const PAGES: [&str; 6] = [
    "/anfragen/verwaltung",
    "/anfragen/verwaltung?ansicht=ueberfaellig",
    "/anfragen/verwaltung?ansicht=meine&status=alle&thema=breitband",
    "/anfragen/verwaltung?ansicht=offen",
    "/anfragen/verwaltung?ansicht=teams",
    "/anfragen/verwaltung?ansicht=alle&seite=1",
];

#[tokio::test]
async fn only_staff_and_admins_see_the_queues() {
    let app = app().await;
    received(
        &app,
        "Gewerbegebiet",
        Topic::Broadband,
        berlin(2026, 11, 2, 9),
    )
    .await;
    for path in PAGES {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/konto/anmelden"), "{path}");
    }
    for role in [
        Role::Participant,
        Role::Moderator,
        Role::Municipality,
        Role::Operator,
    ] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in PAGES {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {path}"
            );
        }
    }
    for role in [Role::Staff, Role::Admin] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in PAGES {
            let r = app.get(path).await;
            assert_eq!(r.status, StatusCode::OK, "{role:?} {path}");
            assert!(!r.text("main").contains("desk-staff-"), "{path}");
        }
        // The product's page rule: one inquiry fills one page, so page 2 does not exist.
        let beyond = app.get("/anfragen/verwaltung?ansicht=alle&seite=2").await;
        assert_eq!(beyond.status, StatusCode::NOT_FOUND, "{role:?}");
    }
}

#[tokio::test]
async fn nonsense_filters_are_refused_with_400() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    for path in [
        "/anfragen/verwaltung?ansicht=irgendwas",
        "/anfragen/verwaltung?status=erledigt",
        "/anfragen/verwaltung?thema=wetter",
        "/anfragen/verwaltung?seite=0",
        "/anfragen/verwaltung?seite=abc",
    ] {
        assert_eq!(
            app.get(path).await.status,
            StatusCode::BAD_REQUEST,
            "{path}"
        );
    }
}

#[tokio::test]
async fn overdue_counts_working_days_with_saxon_holidays() {
    let app = app().await;
    // One working day each (topic setting), received just before a holiday.
    for topic in Topic::ALL {
        teams::set_topic(
            &app.db,
            &teams::TopicSetting {
                topic: *topic,
                team_id: None,
                target_days: 1,
            },
            0,
        )
        .await
        .unwrap();
    }
    // Friday 30 Oct 2026: Saturday is Reformationstag, so it is due at the
    // end of Monday 2 Nov.
    let before_reformation = received(
        &app,
        "Reformationstag",
        Topic::Funding,
        berlin(2026, 10, 30, 10),
    )
    .await;
    // Tuesday 17 Nov 2026: Wednesday is Buß- und Bettag, so it is due at
    // the end of Thursday 19 Nov, not Wednesday.
    let before_repentance = received(
        &app,
        "Buß- und Bettag",
        Topic::Broadband,
        berlin(2026, 11, 17, 10),
    )
    .await;
    let viewer = Viewer {
        user_id: 0,
        teams: Vec::new(),
    };
    let overdue = |now: i64| {
        let app = &app;
        let viewer = viewer.clone();
        async move {
            let filter = Filter {
                queue: Queue::Overdue,
                status: StatusFilter::Open,
                topic: None,
            };
            let (rows, total) = queue::list(&app.db, &filter, &viewer, now, 1)
                .await
                .unwrap();
            assert_eq!(
                queue::counts(&app.db, &viewer, now).await.unwrap().overdue,
                total as i64
            );
            rows.into_iter().map(|r| r.subject).collect::<Vec<_>>()
        }
    };
    assert!(overdue(berlin(2026, 11, 2, 20)).await.is_empty());
    assert_eq!(overdue(berlin(2026, 11, 3, 8)).await, ["Reformationstag"]);
    // Wednesday 18 Nov is a holiday, Thursday the due day itself.
    assert_eq!(overdue(berlin(2026, 11, 19, 12)).await, ["Reformationstag"]);
    assert_eq!(
        overdue(berlin(2026, 11, 20, 9)).await,
        ["Reformationstag", "Buß- und Bettag"]
    );
    // Waiting for the sender stops the clock: not overdue any more.
    let staff = app
        .create_user("redaktion@example.org", Role::Staff)
        .await
        .0;
    work::apply(
        &app.db,
        before_reformation.id,
        before_reformation.version,
        staff,
        work::Change::Reply {
            text: "Welche Gemeinde ist es?".into(),
            ask_back: true,
        },
        berlin(2026, 11, 4, 9),
    )
    .await
    .unwrap();
    assert_eq!(overdue(berlin(2026, 11, 20, 9)).await, ["Buß- und Bettag"]);
    let _ = before_repentance;
}

#[tokio::test]
async fn queues_hold_mine_my_teams_unassigned_and_all_with_their_counts() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let (colleague, _) = app.create_user("kollegin@example.org", Role::Staff).await;
    let broadband = teams::create(&app.db, "Team Breitband", 0)
        .await
        .unwrap()
        .unwrap();
    let funding = teams::create(&app.db, "Team Förderung", 0)
        .await
        .unwrap()
        .unwrap();
    teams::add_member(&app.db, broadband.id, me).await.unwrap();
    for (topic, team) in [
        (Topic::Broadband, broadband.id),
        (Topic::Funding, funding.id),
    ] {
        teams::set_topic(
            &app.db,
            &teams::TopicSetting {
                topic,
                team_id: Some(team),
                target_days: 5,
            },
            0,
        )
        .await
        .unwrap();
    }
    let long_ago = berlin(2025, 3, 3, 10);
    let mine = received(&app, "Meine Anfrage", Topic::Broadband, long_ago).await;
    let theirs = received(&app, "Ihre Anfrage", Topic::Funding, long_ago).await;
    received(&app, "Offene Anfrage", Topic::Broadband, long_ago).await;
    let closed = received(&app, "Erledigte Anfrage", Topic::Broadband, long_ago).await;
    work::apply(
        &app.db,
        mine.id,
        1,
        me,
        work::Change::Assign(Some(me)),
        long_ago,
    )
    .await
    .unwrap();
    work::apply(
        &app.db,
        theirs.id,
        1,
        colleague,
        work::Change::Assign(Some(colleague)),
        long_ago,
    )
    .await
    .unwrap();
    work::apply(
        &app.db,
        closed.id,
        1,
        me,
        work::Change::Status(dias_desk::vocab::Status::Closed),
        long_ago,
    )
    .await
    .unwrap();

    let subjects = |r: &crate::support::TestResponse| {
        let mut s = r.texts("#desk-staff-list tbody th a");
        s.sort();
        s
    };
    // The default view is "Meine Teams" for a team member.
    let r = app.get("/anfragen/verwaltung").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(subjects(&r), ["Meine Anfrage", "Offene Anfrage"]);
    let counts: Vec<String> = r
        .texts("#desk-staff-queues a")
        .iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(
        counts,
        [
            "Meine Anfragen 1 nicht geschlossene Anfragen",
            "Meine Teams 2 nicht geschlossene Anfragen",
            "Team Breitband 2 nicht geschlossene Anfragen",
            "Team Förderung 1 nicht geschlossene Anfragen",
            "Nicht zugewiesen 1 nicht geschlossene Anfragen",
            "Überfällig 3 nicht geschlossene Anfragen",
            "Alle 3 nicht geschlossene Anfragen",
        ]
    );
    let r = app.get("/anfragen/verwaltung?ansicht=meine").await;
    assert_eq!(subjects(&r), ["Meine Anfrage"]);
    assert!(r.text("#desk-staff-list tbody").contains("Test Person"));
    let r = app.get("/anfragen/verwaltung?ansicht=offen").await;
    assert_eq!(subjects(&r), ["Offene Anfrage"]);
    let r = app
        .get(&format!("/anfragen/verwaltung?ansicht=team-{}", funding.id))
        .await;
    assert_eq!(subjects(&r), ["Ihre Anfrage"]);
    assert!(r.text("#desk-staff-list tbody").contains("Team Förderung"));
    let r = app.get("/anfragen/verwaltung?ansicht=alle").await;
    assert_eq!(
        subjects(&r),
        ["Ihre Anfrage", "Meine Anfrage", "Offene Anfrage"]
    );
    // Received in March 2025 with five working days: overdue since the
    // day after Monday 10 March 2025.
    assert!(
        r.text("#desk-staff-list tbody")
            .contains("überfällig seit 11.03.2025"),
        "{}",
        r.text("#desk-staff-list tbody")
    );
    let r = app
        .get("/anfragen/verwaltung?ansicht=alle&status=geschlossen")
        .await;
    assert_eq!(subjects(&r), ["Erledigte Anfrage"]);
    let r = app
        .get("/anfragen/verwaltung?ansicht=alle&status=alle&thema=foerderung")
        .await;
    assert_eq!(subjects(&r), ["Ihre Anfrage"]);
    // The filter form works without JavaScript: a GET form keeping the view.
    assert_eq!(
        r.attr("form[action='/anfragen/verwaltung']", "method")
            .as_deref(),
        Some("get")
    );
    assert_eq!(
        r.attr(
            "form[action='/anfragen/verwaltung'] input[name=ansicht]",
            "value"
        )
        .as_deref(),
        Some("alle")
    );
}

#[tokio::test]
async fn the_list_is_sorted_by_urgency_and_paged_by_fifty() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let staff = app
        .create_user("redaktion@example.org", Role::Staff)
        .await
        .0;
    // 55 inquiries received on successive days; the newest asks back, so it
    // sorts after every inquiry that waits for the agency.
    let start = berlin(2025, 1, 6, 10);
    let mut last = None;
    for i in 0..55 {
        last = Some(
            received(
                &app,
                &format!("Anfrage {i:02}"),
                Topic::Ai,
                start + i * 86_400,
            )
            .await,
        );
    }
    let newest = last.unwrap();
    let oldest_waiting = "Anfrage 00";
    work::apply(
        &app.db,
        newest.id,
        1,
        staff,
        work::Change::Reply {
            text: "Rückfrage".into(),
            ask_back: true,
        },
        start,
    )
    .await
    .unwrap();
    let r = app.get("/anfragen/verwaltung?ansicht=alle").await;
    let first = r.texts("#desk-staff-list tbody th a");
    assert_eq!(first.len(), 50);
    assert_eq!(first[0], oldest_waiting);
    assert!(r.text("#desk-staff-total").contains("55"));
    assert_eq!(
        r.attr(".pagination a[rel=next]", "href").as_deref(),
        Some("/anfragen/verwaltung?ansicht=alle&seite=2")
    );
    let r = app.get("/anfragen/verwaltung?ansicht=alle&seite=2").await;
    let second = r.texts("#desk-staff-list tbody th a");
    assert_eq!(second.len(), 5);
    assert_eq!(second.last().map(String::as_str), Some("Anfrage 54"));
}

#[tokio::test]
async fn the_queue_page_needs_the_same_queries_for_three_or_forty_inquiries() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let team = teams::create(&app.db, "Team KI", 0).await.unwrap().unwrap();
    teams::add_member(&app.db, team.id, me).await.unwrap();
    let at = berlin(2025, 5, 5, 10);
    let mut staff = Vec::new();
    for i in 0..4 {
        staff.push(
            app.create_user(&format!("person{i}@example.org"), Role::Staff)
                .await
                .0,
        );
    }
    let add = |n: usize| {
        let app = &app;
        let staff = staff.clone();
        async move {
            for i in 0..n {
                let inquiry = received(app, &format!("Frage {i}"), Topic::ALL[i % 6], at).await;
                let who = staff[i % staff.len()];
                work::apply(
                    &app.db,
                    inquiry.id,
                    1,
                    who,
                    work::Change::Assign(Some(who)),
                    at,
                )
                .await
                .unwrap();
            }
        }
    };
    add(3).await;
    app.get("/anfragen/verwaltung?ansicht=alle").await;
    let (few, r) = app
        .count_queries(app.get("/anfragen/verwaltung?ansicht=alle"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    add(40).await;
    let (many, r) = app
        .count_queries(app.get("/anfragen/verwaltung?ansicht=alle"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#desk-staff-list tbody tr"), 43);
    assert_eq!(few, many);
}

#[tokio::test]
async fn the_landing_page_leads_staff_and_only_staff_to_the_queues() {
    let app = app().await;
    let entry = "a#desk-staff-entry[href='/anfragen/verwaltung']";
    assert_eq!(app.get("/anfragen").await.count(entry), 0, "visitor");
    for (role, shown) in [
        (Role::Participant, false),
        (Role::Moderator, false),
        (Role::Staff, true),
        (Role::Admin, true),
    ] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        let page = app.get("/anfragen").await;
        assert_eq!(page.count(entry), usize::from(shown), "{role:?}");
    }
}
