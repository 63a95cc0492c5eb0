//! Events on the real router: registration up to capacity, the waiting
//! list and moving up, races for the last seat, refusals that store
//! nothing, who may edit, the iCal files read back by an independent
//! parser, constant list queries and CSRF on every form action.

use axum::http::{StatusCode, header};
use dias_core::entities::notification;
use dias_core::policy::{Principal, Role};
use dias_network::entities::{actor_representative, event, event_registration};
use dias_network::events::{self, Registered};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::{app, insert_actor};
use crate::support::TestApp;

const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// An event written directly; `starts_in` seconds from now, two hours long.
async fn insert_event(
    app: &TestApp,
    title: &str,
    starts_in: i64,
    capacity: Option<i32>,
    actor_id: Option<i64>,
    topics: &str,
) -> event::Model {
    let now = dias_core::time::now();
    event::ActiveModel {
        actor_id: Set(actor_id),
        title: Set(title.to_owned()),
        description_md: Set("Ein Treffen zu **KI**.".to_owned()),
        starts_at: Set(now + starts_in),
        ends_at: Set(now + starts_in + 2 * HOUR),
        online: Set(false),
        online_url: Set(String::new()),
        venue: Set("Haus der Presse".to_owned()),
        street: Set("Ostra-Allee 20".to_owned()),
        postcode: Set("01067".to_owned()),
        city: Set("Dresden".to_owned()),
        ags8: Set("14612000".to_owned()),
        ags5: Set("14612".to_owned()),
        topics: Set(topics.to_owned()),
        capacity: Set(capacity),
        confirmed_count: Set(0),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
}

async fn registrations(app: &TestApp, event_id: i64) -> Vec<(i64, String)> {
    let mut rows: Vec<(i64, i64, String)> = event_registration::Entity::find()
        .filter(event_registration::Column::EventId.eq(event_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.id, r.user_id, r.status))
        .collect();
    rows.sort();
    rows.into_iter().map(|(_, u, s)| (u, s)).collect()
}

async fn confirmed_count(app: &TestApp, event_id: i64) -> i32 {
    event::Entity::find_by_id(event_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .confirmed_count
}

async fn notifications_of(app: &TestApp, user_id: i64, kind: &str) -> u64 {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::Kind.eq(kind))
        .count(&app.db)
        .await
        .unwrap()
}

/// Signs in a fresh participant (forgetting whoever was signed in).
async fn participant(app: &TestApp) -> i64 {
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await
}

/// A representative of a new verified actor, signed in.
async fn representative(app: &TestApp, name: &str) -> (i64, i64) {
    let a = insert_actor(
        app,
        name,
        "startup",
        &["nlp"],
        &["bildung"],
        "14612000",
        "klein",
        "verified",
    )
    .await;
    app.forget_cookies();
    let user = app.sign_in_as(Role::Representative).await;
    actor_representative::ActiveModel {
        actor_id: Set(a.id),
        user_id: Set(user),
        partner_requests_opt_in: Set(false),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    (a.id, user)
}

fn principal(user_id: i64) -> Principal {
    Principal {
        user_id,
        role: Role::Participant,
        display_name: "Test".into(),
        email: format!("p{user_id}@example.org"),
        locale: "de".into(),
        totp_enabled: false,
    }
}

#[tokio::test]
async fn registration_fills_the_seats_then_the_waiting_list_and_a_cancellation_moves_exactly_one_up()
 {
    let app = app().await;
    let e = insert_event(
        &app,
        "Workshop Sprachmodelle",
        5 * DAY,
        Some(2),
        None,
        "nlp",
    )
    .await;
    let path = format!("/netzwerk/veranstaltungen/{}", e.id);
    let mut people = Vec::new();
    for n in 0..4 {
        let id = participant(&app).await;
        let r = app.post(&format!("{path}/anmelden"), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let expected = if n < 2 {
            "veranstaltung-angemeldet"
        } else {
            "veranstaltung-warteliste"
        };
        assert!(r.location().contains(expected), "{}", r.location());
        people.push(id);
    }
    // Registering twice changes nothing.
    app.post(&format!("{path}/anmelden"), &[]).await;
    assert_eq!(
        registrations(&app, e.id).await,
        vec![
            (people[0], "confirmed".into()),
            (people[1], "confirmed".into()),
            (people[2], "waiting".into()),
            (people[3], "waiting".into()),
        ]
    );
    assert_eq!(confirmed_count(&app, e.id).await, 2);
    // The last person sees their place on the waiting list.
    let page = app.get(&path).await;
    assert!(page.text(".event__state").contains('2'), "{}", page.body);

    // The first confirmed person withdraws: the first waiting one moves up.
    participant_session(&app, people[0]).await;
    let r = app.post(&format!("{path}/abmelden"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        registrations(&app, e.id).await,
        vec![
            (people[1], "confirmed".into()),
            (people[2], "confirmed".into()),
            (people[3], "waiting".into()),
        ]
    );
    assert_eq!(confirmed_count(&app, e.id).await, 2);
    assert_eq!(
        notifications_of(&app, people[2], "notif-network-event-moved-up").await,
        1
    );
    assert_eq!(
        notifications_of(&app, people[3], "notif-network-event-moved-up").await,
        0
    );
    let moved = dias_core::entities::user::Entity::find_by_id(people[2])
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mail = app
        .last_mail_to(moved.email.as_deref().unwrap())
        .await
        .unwrap();
    assert!(mail.contains("Workshop Sprachmodelle"), "{mail}");
    assert!(mail.contains("Warteliste"), "{mail}");
    // A waiting person leaving frees no seat and moves nobody.
    participant_session(&app, people[3]).await;
    app.post(&format!("{path}/abmelden"), &[]).await;
    assert_eq!(confirmed_count(&app, e.id).await, 2);
    assert_eq!(registrations(&app, e.id).await.len(), 2);
}

/// Signs in an account created by `sign_in_as` again; returns its e-mail.
async fn participant_session(app: &TestApp, user_id: i64) -> String {
    let u = dias_core::entities::user::Entity::find_by_id(user_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let email = u.email.unwrap();
    app.forget_cookies();
    app.login(&email, None).await;
    email
}

#[tokio::test]
async fn concurrent_registrations_for_the_last_seat_cannot_both_get_it() {
    let app = app().await;
    let mut users = Vec::new();
    for n in 0..2 {
        let (id, _) = app
            .create_user(&format!("wettlauf{n}@example.org"), Role::Participant)
            .await;
        users.push(id);
    }
    for round in 0..5 {
        let e = insert_event(
            &app,
            &format!("Letzter Platz {round}"),
            DAY,
            Some(1),
            None,
            "",
        )
        .await;
        let (a, b) = (principal(users[0]), principal(users[1]));
        let (ra, rb) = tokio::join!(
            events::register(&app.db, &a, e.id),
            events::register(&app.db, &b, e.id)
        );
        let mut outcomes = vec![ra.unwrap(), rb.unwrap()];
        outcomes.sort_by_key(|o| *o == Registered::Waiting);
        assert_eq!(outcomes, vec![Registered::Confirmed, Registered::Waiting]);
        assert_eq!(confirmed_count(&app, e.id).await, 1);
        let statuses: Vec<String> = registrations(&app, e.id)
            .await
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(statuses.iter().filter(|s| *s == "confirmed").count(), 1);
    }
}

#[tokio::test]
async fn registering_for_a_past_or_cancelled_event_is_refused_and_stores_nothing() {
    let app = app().await;
    let past = insert_event(&app, "Vorbei", -DAY, Some(10), None, "").await;
    let open = insert_event(&app, "Wird abgesagt", DAY, Some(10), None, "").await;
    app.sign_in_as(Role::Staff).await;
    // Staff cancel the second one; a reason is required.
    let r = app
        .post(
            &format!("/netzwerk/veranstaltungen/{}/absagen", open.id),
            &[("reason", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    let r = app
        .post(
            &format!("/netzwerk/veranstaltungen/{}/absagen", open.id),
            &[("reason", "Die Referentin ist erkrankt.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    participant(&app).await;
    for e in [&past, &open] {
        let r = app
            .post(&format!("/netzwerk/veranstaltungen/{}/anmelden", e.id), &[])
            .await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{}", e.title);
        assert!(registrations(&app, e.id).await.is_empty());
        assert_eq!(confirmed_count(&app, e.id).await, 0);
    }
    // Visitors are sent to sign in, nothing stored.
    app.forget_cookies();
    let other = insert_event(&app, "Offen", DAY, None, None, "").await;
    let r = app
        .post(
            &format!("/netzwerk/veranstaltungen/{}/anmelden", other.id),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().contains("/konto/anmelden"), "{}", r.location());
    assert!(registrations(&app, other.id).await.is_empty());
}

#[tokio::test]
async fn cancelling_an_event_notifies_registered_and_waiting_people() {
    let app = app().await;
    let e = insert_event(&app, "Kleiner Kreis", DAY, Some(1), None, "").await;
    let first = participant(&app).await;
    app.post(&format!("/netzwerk/veranstaltungen/{}/anmelden", e.id), &[])
        .await;
    let second = participant(&app).await;
    app.post(&format!("/netzwerk/veranstaltungen/{}/anmelden", e.id), &[])
        .await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let r = app
        .post(
            &format!("/netzwerk/veranstaltungen/{}/absagen", e.id),
            &[("reason", "Raum nicht verfügbar")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    for who in [first, second] {
        assert_eq!(
            notifications_of(&app, who, "notif-network-event-cancelled").await,
            1
        );
        // Mailed at once, in the person's language, and not again by the
        // notification worker.
        let email = dias_core::entities::user::Entity::find_by_id(who)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .email
            .unwrap();
        let mail = app.last_mail_to(&email).await.unwrap();
        assert!(mail.contains("Kleiner Kreis"), "{mail}");
        assert!(mail.contains("Raum nicht verfügbar"), "{mail}");
        assert_eq!(app.mail_count_to(&email).await, 1);
        let pending = notification::Entity::find()
            .filter(notification::Column::UserId.eq(who))
            .filter(notification::Column::MailState.eq("pending"))
            .count(&app.db)
            .await
            .unwrap();
        assert_eq!(pending, 0);
    }
    let page = app
        .get(&format!("/netzwerk/veranstaltungen/{}", e.id))
        .await;
    assert!(page.body.contains("Raum nicht verfügbar"));
}

fn event_form<'a>(title: &'a str, organiser: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("organiser", organiser),
        ("title", title),
        ("description", "Vorträge und Austausch."),
        ("starts", "2099-03-02T14:00"),
        ("ends", "2099-03-02T17:30"),
        ("format", "vor-ort"),
        ("venue", "Rathaus"),
        ("street", "Markt 1"),
        ("postcode", "09111"),
        ("city", "Chemnitz"),
        ("ags8", "14511000"),
        ("topics", "robotik"),
        ("topics", "produktion"),
        ("capacity", "30"),
    ]
}

#[tokio::test]
async fn only_organiser_representatives_and_staff_edit_cancel_and_see_participants() {
    let app = app().await;
    let (actor_id, _) = representative(&app, "Chemnitzer Robotik").await;
    let actor = actor_id.to_string();
    // Invalid input: 422 with the input kept, nothing stored.
    let mut bad = event_form("", &actor);
    bad.push(("ends", ""));
    bad.retain(|(k, v)| *k != "ends" || v.is_empty());
    let r = app.post("/netzwerk/veranstaltungen/neu", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(r.attr("#venue", "value").as_deref(), Some("Rathaus"));
    assert_eq!(r.count("input[name=topics][checked]"), 2);
    assert_eq!(event::Entity::find().count(&app.db).await.unwrap(), 0);

    let r = app
        .post(
            "/netzwerk/veranstaltungen/neu",
            &event_form("Roboter im Mittelstand", &actor),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let e = event::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(e.actor_id, Some(actor_id));
    assert_eq!(e.ags5, "14511");
    // 14:00 in Berlin in March (CET) is 13:00 UTC.
    assert_eq!(
        dias_core::time::format_rfc3339(e.starts_at),
        "2099-03-02T13:00:00Z"
    );
    let base = format!("/netzwerk/veranstaltungen/{}", e.id);
    assert_eq!(
        app.get(&format!("{base}/bearbeiten")).await.status,
        StatusCode::OK
    );

    // Nobody else organises for this actor.
    participant(&app).await;
    assert_eq!(
        app.post(
            "/netzwerk/veranstaltungen/neu",
            &event_form("Fremd", &actor)
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    let (_, _) = representative(&app, "Andere GmbH").await;
    for (path, post) in [
        (format!("{base}/bearbeiten"), false),
        (format!("{base}/teilnehmende.csv"), false),
        (format!("{base}/bearbeiten"), true),
        (format!("{base}/absagen"), true),
    ] {
        let r = if post {
            app.post(&path, &event_form("Übernommen", &actor)).await
        } else {
            app.get(&path).await
        };
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    // An unrelated representative cannot organise for another actor either.
    let r = app
        .post(
            "/netzwerk/veranstaltungen/neu",
            &event_form("Fremd", &actor),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(event::Entity::find().count(&app.db).await.unwrap(), 1);
    let stored = event::Entity::find_by_id(e.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.title, "Roboter im Mittelstand");

    // Staff may, and see the participant list and its CSV.
    participant(&app).await;
    app.post(&format!("{base}/anmelden"), &[]).await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let r = app
        .post(
            &format!("{base}/bearbeiten"),
            &event_form("Roboter im Mittelstand 2099", &actor),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = app.get(&base).await;
    assert!(page.body.contains("Roboter im Mittelstand 2099"));
    assert!(page.body.contains("Test Person"));
    let csv = app.get(&format!("{base}/teilnehmende.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(csv.body.starts_with("Name,Status,Angemeldet am"));
    assert!(csv.body.contains("Test Person,angemeldet"));
    assert!(!csv.body.contains('@'), "no e-mail addresses: {}", csv.body);
}

#[tokio::test]
async fn ical_files_parse_with_an_independent_parser_and_carry_the_right_fields() {
    let app = app().await;
    let title = "KI, Recht; Ethik – ein langer Titel über vertrauenswürdige künstliche Intelligenz in Sachsen";
    let e = insert_event(&app, title, 3 * DAY, None, None, "vertrauenswuerdige-ki").await;
    event::Entity::update_many()
        .col_expr(
            event::Column::DescriptionMd,
            sea_orm::sea_query::Expr::value(
                "Erste Zeile, mit Komma; Semikolon\n\nZweiter Absatz \\ mit Backslash",
            ),
        )
        .filter(event::Column::Id.eq(e.id))
        .exec(&app.db)
        .await
        .unwrap();
    let other = insert_event(&app, "Robotik-Stammtisch", 4 * DAY, None, None, "robotik").await;
    let r = app
        .get(&format!("/netzwerk/veranstaltungen/{}.ics", e.id))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    // Every physical line ends in CRLF and has at most 75 octets.
    assert!(r.body.ends_with("\r\n"));
    for line in r.body.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    assert!(r.body.contains("\r\n "), "long lines are folded");

    let unfolded = icalendar::parser::unfold(&r.body);
    let calendar = icalendar::parser::read_calendar(&unfolded).unwrap();
    // The parser returns the VCALENDAR's properties and its components.
    let calendar_prop = |name: &str| {
        calendar
            .properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_owned())
    };
    assert_eq!(calendar_prop("VERSION").as_deref(), Some("2.0"));
    assert!(calendar_prop("PRODID").is_some());
    assert_eq!(calendar.components.len(), 1);
    let vevent = &calendar.components[0];
    assert_eq!(vevent.name.as_str(), "VEVENT");
    let prop = |name: &str| vevent.find_prop(name).unwrap().val.as_str().to_owned();
    assert_eq!(prop("SUMMARY"), title);
    assert!(
        prop("DESCRIPTION")
            .contains("Erste Zeile, mit Komma; Semikolon\nZweiter Absatz \\ mit Backslash"),
        "{}",
        prop("DESCRIPTION")
    );
    assert!(prop("UID").starts_with(&format!("network-event-{}@", e.id)));
    assert!(!prop("DTSTAMP").is_empty());
    for (name, expected) in [("DTSTART", e.starts_at), ("DTEND", e.ends_at)] {
        match prop(name).parse::<icalendar::CalendarDateTime>().unwrap() {
            icalendar::CalendarDateTime::Utc(at) => assert_eq!(at.timestamp(), expected),
            other => panic!("{name} not in UTC: {other:?}"),
        }
    }
    assert!(prop("LOCATION").contains("Haus der Presse"));
    assert!(prop("URL").ends_with(&format!("/netzwerk/veranstaltungen/{}", e.id)));

    // The feed takes the list's filters.
    let all = app.get("/netzwerk/veranstaltungen.ics").await;
    let unfolded = icalendar::parser::unfold(&all.body);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    assert_eq!(parsed.components.len(), 2);
    let robotics = app.get("/netzwerk/veranstaltungen.ics?thema=robotik").await;
    let unfolded = icalendar::parser::unfold(&robotics.body);
    let parsed = icalendar::parser::read_calendar(&unfolded).unwrap();
    let events = &parsed.components;
    assert_eq!(events.len(), 1);
    assert_eq!(
        events[0].find_prop("SUMMARY").unwrap().val.as_str(),
        other.title
    );
}

#[tokio::test]
async fn the_lists_filter_and_cost_the_same_queries_for_few_and_many_events() {
    let app = app().await;
    let a = insert_actor(
        &app,
        "Leipziger Daten",
        "startup",
        &["nlp"],
        &[],
        "14713000",
        "klein",
        "verified",
    )
    .await;
    insert_event(&app, "Sprachmodelle", DAY, Some(5), Some(a.id), "nlp").await;
    insert_event(&app, "Vergangen", -3 * DAY, None, None, "nlp").await;
    let (few, r) = app
        .count_queries(app.get("/netzwerk/veranstaltungen"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count(".event-list > li"), 1);
    for n in 0..30 {
        let actor = insert_actor(
            &app,
            &format!("Akteur {n}"),
            "startup",
            &["nlp"],
            &[],
            "14612000",
            "klein",
            "verified",
        )
        .await;
        insert_event(
            &app,
            &format!("Veranstaltung {n}"),
            DAY + n * HOUR,
            Some(10),
            Some(actor.id),
            "robotik",
        )
        .await;
    }
    let (many, r) = app
        .count_queries(app.get("/netzwerk/veranstaltungen"))
        .await;
    assert_eq!(r.count(".event-list > li"), 20);
    assert_eq!(few, many, "queries grow with the number of events");
    let (archive, r) = app
        .count_queries(app.get("/netzwerk/veranstaltungen/archiv"))
        .await;
    assert_eq!(r.count(".event-list > li"), 1);
    assert!(archive <= many);

    // Filters: topic, Kreis, format; the feed link carries them.
    let r = app.get("/netzwerk/veranstaltungen?thema=nlp").await;
    assert_eq!(r.count(".event-list > li"), 1);
    assert!(r.body.contains("/netzwerk/veranstaltungen.ics?thema=nlp"));
    let r = app.get("/netzwerk/veranstaltungen?kreis=14713").await;
    assert_eq!(r.count(".event-list > li"), 0, "events are in Dresden");
    let r = app.get("/netzwerk/veranstaltungen?format=online").await;
    assert_eq!(r.count(".event-list > li"), 0);
    let r = app.get("/netzwerk/veranstaltungen?seite=2").await;
    assert_eq!(r.count(".event-list > li"), 11);
    assert_eq!(
        app.get("/netzwerk/veranstaltungen?seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn every_form_action_of_events_needs_a_csrf_token() {
    let app = app().await;
    let e = insert_event(&app, "Geschützt", DAY, None, None, "").await;
    app.sign_in_as(Role::Staff).await;
    let routes = [
        "/netzwerk/veranstaltungen/neu".to_owned(),
        format!("/netzwerk/veranstaltungen/{}/bearbeiten", e.id),
        format!("/netzwerk/veranstaltungen/{}/anmelden", e.id),
        format!("/netzwerk/veranstaltungen/{}/abmelden", e.id),
        format!("/netzwerk/veranstaltungen/{}/absagen", e.id),
    ];
    let source = include_str!("../../src/routes/events.rs");
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app.post_raw(path, &[("reason", "x")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(registrations(&app, e.id).await.is_empty());
    let stored = event::Entity::find_by_id(e.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.cancelled_at.is_none());
}

#[tokio::test]
async fn search_documents_follow_events_and_drop_cancelled_ones() {
    use dias_search::SearchSource;
    let app = app().await;
    let e = insert_event(
        &app,
        "Bildverarbeitung im Obstbau",
        DAY,
        None,
        None,
        "bildverarbeitung",
    )
    .await;
    let source = dias_network::events::EventSource;
    let doc = source
        .one(&app.db, &e.id.to_string())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(doc.title, "Bildverarbeitung im Obstbau");
    assert_eq!(doc.url, format!("/netzwerk/veranstaltungen/{}", e.id));
    assert!(doc.body.contains("Bildverarbeitung/Computer Vision") || doc.body.contains("Dresden"));
    assert_eq!(source.all(&app.db).await.unwrap().len(), 1);
    app.sign_in_as(Role::Staff).await;
    app.post(
        &format!("/netzwerk/veranstaltungen/{}/absagen", e.id),
        &[("reason", "Ausgefallen")],
    )
    .await;
    assert!(
        source
            .one(&app.db, &e.id.to_string())
            .await
            .unwrap()
            .is_none()
    );
    assert!(source.all(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn concurrent_cancellations_move_each_waiting_person_up_once() {
    let app = app().await;
    let mut users = Vec::new();
    for n in 0..4 {
        let (id, _) = app
            .create_user(&format!("storno{n}@example.org"), Role::Participant)
            .await;
        users.push(id);
    }
    let e = insert_event(&app, "Zwei Plätze", DAY, Some(2), None, "").await;
    for u in &users {
        events::register(&app.db, &principal(*u), e.id)
            .await
            .unwrap();
    }
    // Both confirmed people leave at once: both waiting people move up,
    // each exactly once, and the count stays at the capacity.
    let (a, b) = (principal(users[0]), principal(users[1]));
    let env = app.state.mail_env();
    let (ra, rb) = tokio::join!(
        events::unregister(&app.db, &env, &a, e.id),
        events::unregister(&app.db, &env, &b, e.id)
    );
    let mut moved = vec![ra.unwrap().unwrap(), rb.unwrap().unwrap()];
    moved.sort_unstable();
    assert_eq!(moved, vec![users[2], users[3]]);
    assert_eq!(
        registrations(&app, e.id).await,
        vec![
            (users[2], "confirmed".into()),
            (users[3], "confirmed".into())
        ]
    );
    assert_eq!(confirmed_count(&app, e.id).await, 2);
    for u in &users[2..] {
        assert_eq!(
            notifications_of(&app, *u, "notif-network-event-moved-up").await,
            1
        );
    }
}

#[tokio::test]
async fn a_larger_capacity_moves_waiting_people_up() {
    let app = app().await;
    let e = insert_event(&app, "Mehr Plätze", 10 * DAY, Some(1), None, "").await;
    let mut people = Vec::new();
    for _ in 0..3 {
        people.push(participant(&app).await);
        app.post(&format!("/netzwerk/veranstaltungen/{}/anmelden", e.id), &[])
            .await;
    }
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let edit = format!("/netzwerk/veranstaltungen/{}/bearbeiten", e.id);
    let form = app.get(&edit).await;
    assert_eq!(form.attr("#capacity", "value").as_deref(), Some("1"));
    let mut fields = event_form("Mehr Plätze", "");
    fields.retain(|(k, _)| *k != "capacity");
    fields.push(("capacity", "2"));
    let r = app.post(&edit, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        registrations(&app, e.id).await,
        vec![
            (people[0], "confirmed".into()),
            (people[1], "confirmed".into()),
            (people[2], "waiting".into()),
        ]
    );
    assert_eq!(confirmed_count(&app, e.id).await, 2);
    assert_eq!(
        notifications_of(&app, people[1], "notif-network-event-moved-up").await,
        1
    );
}

#[tokio::test]
async fn the_account_export_lists_the_network_data_and_deletion_frees_the_seat() {
    let app = app().await;
    let e = insert_event(
        &app,
        "Stammtisch Robotik",
        5 * DAY,
        Some(1),
        None,
        "robotik",
    )
    .await;
    let (actor_id, me) = representative(&app, "Export GmbH").await;
    events::register(&app.db, &principal(me), e.id)
        .await
        .unwrap();
    let waiting = participant(&app).await;
    events::register(&app.db, &principal(waiting), e.id)
        .await
        .unwrap();
    assert_eq!(
        registrations(&app, e.id).await,
        vec![(me, "confirmed".into()), (waiting, "waiting".into())]
    );

    // Sign in as the representative again: the export has the module's section.
    app.forget_cookies();
    let email = dias_core::entities::user::Entity::find_by_id(me)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();
    app.login(&email, None).await;
    let export = app.get("/konto/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let network = &json["modules"]["netzwerk"];
    assert_eq!(
        network["representations"][0]["actor"]["name"],
        "Export GmbH"
    );
    assert_eq!(
        network["event_registrations"][0]["event"]["title"],
        "Stammtisch Robotik"
    );
    assert_eq!(network["event_registrations"][0]["status"], "confirmed");

    // A wrong password deletes nothing.
    let r = app.post("/konto/loeschen", &[("password", "falsch")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(registrations(&app, e.id).await.len(), 2);

    let r = app
        .post("/konto/loeschen", &[("password", crate::support::PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The seat went to the person waiting, who is told so.
    assert_eq!(
        registrations(&app, e.id).await,
        vec![(waiting, "confirmed".into())]
    );
    assert_eq!(confirmed_count(&app, e.id).await, 1);
    assert_eq!(
        notifications_of(&app, waiting, "notif-network-event-moved-up").await,
        1
    );
    // The representation is gone; the actor stays.
    assert_eq!(
        actor_representative::Entity::find()
            .filter(actor_representative::Column::UserId.eq(me))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert!(
        dias_network::entities::actor::Entity::find_by_id(actor_id)
            .one(&app.db)
            .await
            .unwrap()
            .is_some()
    );
}
