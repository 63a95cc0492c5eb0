//! The sender's private status page: who can open it, what it shows (and
//! never shows), attachments, and replies that hand the inquiry back.

use axum::http::StatusCode;
use dias_core::entities::user;
use dias_core::policy::Role;
use dias_desk::entities::{
    desk_attachment, desk_event, desk_inquiry, desk_team, desk_team_member, desk_topic,
};
use dias_desk::sender::{self, ReplyOutcome};
use dias_desk::store;
use dias_desk::vocab::{Status, event};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::helpers::app;
use crate::public::{PDF, Work, complete, link_in, send};
use crate::support::TestApp;

/// Sends an inquiry through the form; returns its row and its status path.
async fn sent(app: &TestApp, subject: &str, email: &str) -> (desk_inquiry::Model, String) {
    let r = send(
        app,
        &complete(subject, email),
        Some(("Plan.pdf", PDF)),
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let path = r.location().trim_end_matches("?eingegangen=1").to_owned();
    let token = path.trim_start_matches("/anfragen/status/");
    let inquiry = store::by_token(&app.db, token).await.unwrap().unwrap();
    (inquiry, path)
}

async fn set_status(app: &TestApp, id: i64, status: Status) {
    let row = store::by_id(&app.db, id).await.unwrap().unwrap();
    let mut active: desk_inquiry::ActiveModel = row.into();
    active.status = Set(status.key().to_owned());
    if status == Status::Closed {
        active.closed_at = Set(Some(dias_core::time::now() - 60));
    }
    active.update(&app.db).await.unwrap();
}

/// Every mail the portal queued for `to`, as text.
async fn mails_to(app: &TestApp, to: &str) -> Vec<String> {
    let (mails, _) = dias_core::mail::page(&app.state.db, Some(to), 1, 100)
        .await
        .unwrap();
    mails
        .into_iter()
        .map(|m| format!("{}\n{}", m.subject, m.body_text))
        .collect()
}

#[tokio::test]
async fn only_the_own_token_opens_an_inquiry() {
    let app = app().await;
    let (first, first_path) = sent(&app, "Erste Anfrage", "erika@example.org").await;
    let (second, second_path) = sent(&app, "Zweite Anfrage", "max@example.org").await;
    let page = app.get(&first_path).await;
    assert!(page.text("h1").contains(&first.reference));
    assert!(!page.body.contains(&second.reference));
    assert!(
        app.get(&second_path)
            .await
            .text("h1")
            .contains(&second.reference)
    );

    // A guessed or altered token gets the desk's own 404: the same page
    // for every token, with the ways on.
    let unknown_page = app
        .get(&format!(
            "/anfragen/status/{}",
            dias_core::crypto::random_token()
        ))
        .await;
    assert_eq!(unknown_page.status, StatusCode::NOT_FOUND);
    assert_eq!(
        unknown_page.count("main a[href='/anfragen/link-vergessen']"),
        1
    );
    assert_eq!(unknown_page.count("main a[href='/anfragen/neu']"), 1);
    assert!(
        unknown_page.text("main").contains("12 Monate"),
        "{}",
        unknown_page.text("main")
    );
    let token = first_path.trim_start_matches("/anfragen/status/");
    let mut altered = token.to_owned();
    altered.replace_range(..1, if token.starts_with('A') { "B" } else { "A" });
    for path in [
        format!("/anfragen/status/{altered}"),
        format!("/anfragen/status/{}", dias_core::crypto::random_token()),
        "/anfragen/status/DIAS-2026-000001".to_owned(),
        format!("/anfragen/status/{}", first.id),
        "/anfragen/status/x".to_owned(),
    ] {
        let r = app.get(&path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert_eq!(r.text("main"), unknown_page.text("main"), "{path}");
    }

    // Anonymized inquiries have no link any more.
    let mut active: desk_inquiry::ActiveModel = first.clone().into();
    active.token_salt = Set(None);
    active.token_hash = Set(None);
    active.anonymized_at = Set(Some(dias_core::time::now()));
    active.update(&app.db).await.unwrap();
    assert_eq!(app.get(&first_path).await.status, StatusCode::NOT_FOUND);
    let r = app.post(&first_path, &[("message", "Noch da?")]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn internal_notes_never_reach_the_status_page_or_the_senders_mail() {
    let app = app().await;
    let (inquiry, path) = sent(&app, "Förderung Glasfaser", "erika@example.org").await;
    let marker = "GEHEIM-7f3a9 interne Einschätzung";
    let now = dias_core::time::now();
    let note = store::add_event(
        &app.db,
        inquiry.id,
        event::NOTE,
        None,
        false,
        marker,
        "",
        now,
    )
    .await
    .unwrap();
    store::add_event(
        &app.db,
        inquiry.id,
        event::ASSIGNED,
        None,
        false,
        marker,
        "{}",
        now,
    )
    .await
    .unwrap();
    // A file on the note stays hidden too.
    let hidden = desk_attachment::ActiveModel {
        inquiry_id: Set(inquiry.id),
        event_id: Set(Some(note)),
        filename: Set("intern-GEHEIM.pdf".into()),
        mime: Set("application/pdf".into()),
        size: Set(PDF.len() as i64),
        data: Set(PDF.to_vec()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    store::add_event(
        &app.db,
        inquiry.id,
        event::REPLY,
        None,
        true,
        "Guten Tag,\n\ndas **Förderprogramm** passt.",
        "{}",
        now,
    )
    .await
    .unwrap();
    store::add_event(
        &app.db,
        inquiry.id,
        event::STATUS,
        None,
        true,
        "",
        r#"{"from":"neu","to":"beantwortet"}"#,
        now,
    )
    .await
    .unwrap();

    let page = app.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("GEHEIM"), "{}", page.body);
    // The public reply shows, signed by the agency, Markdown rendered.
    let conversation = page.text("#verlauf");
    assert!(conversation.contains("Digitalagentur Sachsen"));
    assert_eq!(page.text("#verlauf strong"), "Förderprogramm");
    assert!(conversation.contains("Stand geändert: Beantwortet"));
    let hidden_path = format!("{path}/anhang/{}", hidden.id);
    assert_eq!(app.get(&hidden_path).await.status, StatusCode::NOT_FOUND);

    // The sender replies; the mails they got never carry the note.
    let r = app.post(&path, &[("message", "Danke!")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let mails = mails_to(&app, "erika@example.org").await;
    assert!(!mails.is_empty());
    for mail in mails {
        assert!(!mail.contains("GEHEIM"), "{mail}");
    }
}

#[tokio::test]
async fn a_sender_reply_reopens_the_inquiry_and_tells_the_assignee() {
    let app = app().await;
    let (staff_id, _) = app
        .create_user("bearbeiterin@example.org", Role::Staff)
        .await;
    let (inquiry, path) = sent(&app, "Antrag DigiTransfer", "erika@example.org").await;
    let mut active: desk_inquiry::ActiveModel = inquiry.clone().into();
    active.assignee_id = Set(Some(staff_id));
    active.update(&app.db).await.unwrap();
    set_status(&app, inquiry.id, Status::Closed).await;
    let before = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();

    // An empty reply is refused with the form.
    let empty = app.post(&path, &[("message", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(empty.count(".error-summary a[href='#message']"), 1);
    assert_eq!(empty.headers["cache-control"], "no-store");

    let r = app
        .post(
            &path,
            &[("message", "Eine Frage noch:\nGilt das auch für Vereine?")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with(&path));
    let after = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();
    assert_eq!(after.status, "in_bearbeitung");
    assert_eq!(after.closed_at, None);
    assert_eq!(after.version, before.version + 1);
    assert!(after.updated_at >= before.updated_at);
    assert!(after.due_at > after.updated_at);
    let kinds: Vec<(String, bool)> = store::history(&app.db, inquiry.id, false)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.public))
        .collect();
    assert_eq!(
        kinds[1..],
        [
            (event::SENDER_REPLY.to_owned(), true),
            (event::STATUS.to_owned(), true)
        ]
    );

    let page = app.get(r.location()).await;
    assert!(page.text(".flash").contains("Antwort"));
    let conversation = page.text("#verlauf");
    assert!(conversation.contains("Gilt das auch für Vereine?"));
    assert!(conversation.contains("Stand geändert: In Bearbeitung"));
    assert!(page.text("#stand").contains("In Bearbeitung"));

    // The assignee hears of it, with the link to the inquiry in the queue.
    let mail = app.last_mail_to("bearbeiterin@example.org").await.unwrap();
    assert!(
        mail.contains(&format!("/anfragen/verwaltung/{}", inquiry.id)),
        "{mail}"
    );
    assert!(mail.contains(&inquiry.reference));

    // A reply to an inquiry the agency already works on keeps its due date.
    let due = after.due_at;
    let r = app.post(&path, &[("message", "Nachtrag")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let later = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();
    assert_eq!(later.status, "in_bearbeitung");
    assert_eq!(later.due_at, due);
    assert_eq!(later.version, after.version + 1);
}

#[tokio::test]
async fn without_an_assignee_the_team_hears_of_a_reply() {
    let app = app().await;
    let (a, _) = app.create_user("team-a@example.org", Role::Staff).await;
    let (b, _) = app.create_user("team-b@example.org", Role::Staff).await;
    let now = dias_core::time::now();
    let team = desk_team::ActiveModel {
        name: Set("Breitband".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    for user in [a, b] {
        desk_team_member::ActiveModel {
            team_id: Set(team.id),
            user_id: Set(user),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    desk_topic::ActiveModel {
        topic: Set("breitband".into()),
        team_id: Set(Some(team.id)),
        target_days: Set(3),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let (inquiry, path) = sent(&app, "Teamfrage", "erika@example.org").await;
    assert_eq!(inquiry.team_id, Some(team.id));
    assert!(
        app.last_mail_to("erika@example.org")
            .await
            .unwrap()
            .contains("3 Arbeitstagen")
    );
    set_status(&app, inquiry.id, Status::AwaitingSender).await;
    let page = app.get(&path).await;
    assert_eq!(
        page.count("#stand dd"),
        6,
        "no due date while we wait for the sender"
    );
    app.post(
        &path,
        &[("message", "Hier die Antwort auf Ihre Rückfrage.")],
    )
    .await;
    for to in ["team-a@example.org", "team-b@example.org"] {
        assert_eq!(app.mail_count_to(to).await, 1, "{to}");
    }
    let page = app.get(&path).await;
    assert_eq!(page.count("#stand dd"), 7, "the due date shows again");
}

#[tokio::test]
async fn attachments_of_another_inquiry_are_not_found() {
    let app = app().await;
    let (first, first_path) = sent(&app, "Erste", "erika@example.org").await;
    let (second, second_path) = sent(&app, "Zweite", "max@example.org").await;
    let own = store::attachments(&app.db, first.id).await.unwrap()[0].id;
    let other = store::attachments(&app.db, second.id).await.unwrap()[0].id;
    assert_eq!(
        app.get(&format!("{first_path}/anhang/{own}")).await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get(&format!("{second_path}/anhang/{other}"))
            .await
            .status,
        StatusCode::OK
    );
    for path in [
        format!("{first_path}/anhang/{other}"),
        format!("{second_path}/anhang/{own}"),
        format!("{first_path}/anhang/x"),
        format!(
            "/anfragen/status/{}/anhang/{own}",
            dias_core::crypto::random_token()
        ),
    ] {
        assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn replies_are_rate_limited() {
    let app = app().await;
    let (_, path) = sent(&app, "Viele Antworten", "erika@example.org").await;
    for n in 0..dias_desk::spam::REPLIES_PER_HOUR {
        let r = app
            .post(&path, &[("message", &format!("Antwort {n}"))])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{n}");
    }
    let r = app.post(&path, &[("message", "Eine zu viel")]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    // The page again with the text kept and when to send it.
    assert_eq!(r.text("#message"), "Eine zu viel");
    let summary = r.text("#desk-limited");
    assert!(summary.contains("noch nicht gesendet"), "{summary}");
    assert!(summary.contains(" Uhr erneut"), "{summary}");
    assert_eq!(r.count("#desk-limited a[href='/impressum']"), 1);
}

#[tokio::test]
async fn the_status_page_reads_a_fixed_number_of_queries() {
    let app = app().await;
    let (inquiry, path) = sent(&app, "Viele Einträge", "erika@example.org").await;
    let now = dias_core::time::now();
    for n in 0..20 {
        store::add_event(
            &app.db,
            inquiry.id,
            if n % 2 == 0 {
                event::REPLY
            } else {
                event::SENDER_REPLY
            },
            None,
            true,
            &format!("Nachricht {n}"),
            "{}",
            now + n,
        )
        .await
        .unwrap();
    }
    let (queries, page) = app.count_queries(app.get(&path)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.count("#verlauf .comment"), 20);
    assert!(queries <= 4, "{queries} queries");
}

#[tokio::test]
async fn the_mailed_link_is_the_page_and_the_english_sender_gets_english() {
    let app = app().await;
    // Switch the visitor's language as the header button does.
    let token = app.csrf().await;
    let switched = app
        .post_raw(
            "/sprache",
            &[
                ("_csrf", &token),
                ("lang", "en"),
                ("zurueck", "/anfragen/neu"),
            ],
        )
        .await;
    let lang_cookie = switched
        .headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|p| !p.starts_with("dias_session"))
        .map(str::to_owned);
    let lang_cookie = lang_cookie.expect("the language cookie of a visitor");
    let r = send(
        &app,
        &complete("Broadband question", "sam@example.org"),
        None,
        Work::Solved,
        Some(&lang_cookie),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let mail = app.last_mail_to("sam@example.org").await.unwrap();
    assert!(mail.contains("working days"), "{mail}");
    let inquiry = desk_inquiry::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(inquiry.locale, "en");
    assert!(mail.contains("Kind regards,"), "{mail}");
    let page = app.get(&link_in(&mail)).await;
    assert_eq!(page.status, StatusCode::OK);
    // The German page of an English inquiry marks the sender's text.
    assert_eq!(page.attr(".lead", "lang").as_deref(), Some("en"));
    assert_eq!(page.count("#desk-message ~ .card [lang=en]"), 1);
    assert!(page.text("#stand").contains("Gesendet als"));
}

#[tokio::test]
async fn the_page_cache_keeps_no_status_page() {
    let app = app().await;
    let (_, path) = sent(&app, "Frisch bleiben", "erika@example.org").await;
    // The same router with the visitors' page cache switched on.
    let mut state = app.state.clone();
    state.page_cache = std::sync::Arc::new(dias_web::cache::PageCache::new(60));
    let router = dias_web::router(state);
    let get = |uri: String| {
        let router = router.clone();
        async move {
            use tower::ServiceExt;
            router
                .oneshot(
                    axum::http::Request::builder()
                        .uri(uri)
                        .body(axum::body::Body::empty())
                        .unwrap(),
                )
                .await
                .unwrap()
        }
    };
    // Cacheable pages are kept (the cache works in this set-up) …
    get("/anfragen".into()).await;
    assert_eq!(get("/anfragen".into()).await.headers()["x-cache"], "hit");
    // … the private page never is: neither stored nor served.
    for _ in 0..2 {
        let page = get(path.clone()).await;
        assert_eq!(page.status(), StatusCode::OK);
        assert!(!page.headers().contains_key("x-cache"));
        assert_eq!(page.headers()["cache-control"], "no-store");
    }
}

#[tokio::test]
async fn a_reply_to_an_inquiry_changed_meanwhile_is_not_written_over_it() {
    let app = app().await;
    let (inquiry, _) = sent(&app, "Gleichzeitig", "erika@example.org").await;
    set_status(&app, inquiry.id, Status::Answered).await;
    let seen = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();
    // Staff close it between the sender's read and write.
    set_status(&app, inquiry.id, Status::Closed).await;
    let mut active: desk_inquiry::ActiveModel = store::by_id(&app.db, inquiry.id)
        .await
        .unwrap()
        .unwrap()
        .into();
    active.version = Set(seen.version + 1);
    let changed = active.update(&app.db).await.unwrap();

    let now = dias_core::time::now();
    let outcome = sender::reply_as_of(&app.db, &seen, "Noch eine Frage", false, now)
        .await
        .unwrap();
    assert!(matches!(outcome, ReplyOutcome::Conflict), "{outcome:?}");
    // Nothing stored: no history entry, the row as staff left it.
    assert_eq!(
        store::by_id(&app.db, inquiry.id).await.unwrap().unwrap(),
        changed
    );
    let history = store::history(&app.db, inquiry.id, false).await.unwrap();
    assert!(history.iter().all(|e| e.kind != event::SENDER_REPLY));

    // Read again, the reply goes through and reopens from what is there now.
    let outcome = sender::reply(&app.db, inquiry.id, "Noch eine Frage", false, now)
        .await
        .unwrap();
    let ReplyOutcome::Stored(replied) = outcome else {
        panic!("{outcome:?}");
    };
    assert_eq!(replied.reopened_from, Some(Status::Closed));
    assert_eq!(replied.inquiry.version, changed.version + 1);
    assert_eq!(replied.inquiry.status, "in_bearbeitung");

    // An anonymized inquiry takes no reply, stale or fresh.
    let fresh = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();
    dias_desk::retention::anonymize(&app.db, &[inquiry.id], now)
        .await
        .unwrap();
    for outcome in [
        sender::reply_as_of(&app.db, &fresh, "x", false, now)
            .await
            .unwrap(),
        sender::reply(&app.db, inquiry.id, "x", false, now)
            .await
            .unwrap(),
    ] {
        assert!(matches!(outcome, ReplyOutcome::Gone), "{outcome:?}");
    }
}

#[tokio::test]
async fn demoted_staff_hear_nothing_of_replies() {
    let app = app().await;
    let (kept, _) = app.create_user("bleibt@example.org", Role::Staff).await;
    let (demoted, _) = app.create_user("ehemals@example.org", Role::Staff).await;
    let now = dias_core::time::now();
    let team = desk_team::ActiveModel {
        name: Set("Förderung".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    for user in [kept, demoted] {
        desk_team_member::ActiveModel {
            team_id: Set(team.id),
            user_id: Set(user),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let account = user::Entity::find_by_id(demoted)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut account: user::ActiveModel = account.into();
    account.role = Set(Role::Participant.as_str().to_owned());
    account.update(&app.db).await.unwrap();

    let (inquiry, _) = sent(&app, "Wer hört davon?", "erika@example.org").await;
    let mut active: desk_inquiry::ActiveModel = inquiry.clone().into();
    active.team_id = Set(Some(team.id));
    let inquiry = active.update(&app.db).await.unwrap();
    let to = |list: Vec<(String, String)>| list.into_iter().map(|(e, _)| e).collect::<Vec<_>>();
    assert_eq!(
        to(sender::staff_to_notify(&app.db, &inquiry).await.unwrap()),
        ["bleibt@example.org"]
    );
    // Assigned to the demoted account: nobody is mailed.
    let mut active: desk_inquiry::ActiveModel = inquiry.into();
    active.assignee_id = Set(Some(demoted));
    let inquiry = active.update(&app.db).await.unwrap();
    assert!(
        sender::staff_to_notify(&app.db, &inquiry)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn one_inquiry_takes_ten_replies_a_day_and_mails_staff_once_an_hour() {
    let app = app().await;
    let (staff, _) = app.create_user("zustaendig@example.org", Role::Staff).await;
    let (inquiry, path) = sent(&app, "Viele Nachträge", "erika@example.org").await;
    let mut active: desk_inquiry::ActiveModel = inquiry.clone().into();
    active.assignee_id = Set(Some(staff));
    active.update(&app.db).await.unwrap();
    let mails = || app.mail_count_to("zustaendig@example.org");

    let r = app.post(&path, &[("message", "Erster Nachtrag")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(mails().await, 1);
    // Within the hour: stored, but no second mail.
    let r = app.post(&path, &[("message", "Zweiter Nachtrag")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(mails().await, 1);
    // Once the mailed reply is an hour old, staff hear again.
    let now = dias_core::time::now();
    desk_event::Entity::update_many()
        .col_expr(desk_event::Column::At, Expr::value(now - 3601))
        .filter(desk_event::Column::InquiryId.eq(inquiry.id))
        .filter(desk_event::Column::Kind.eq(event::SENDER_REPLY))
        .exec(&app.db)
        .await
        .unwrap();
    let r = app.post(&path, &[("message", "Dritter Nachtrag")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(mails().await, 2);

    // Seven more earlier today (from other addresses) make ten in 24 hours.
    for n in 0..7 {
        store::add_event(
            &app.db,
            inquiry.id,
            event::SENDER_REPLY,
            None,
            true,
            &format!("Früher {n}"),
            "",
            now - 20 * 3600,
        )
        .await
        .unwrap();
    }
    let r = app.post(&path, &[("message", "Eine zu viel")]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers["cache-control"], "no-store");
    let retry: i64 = r.headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((4 * 3600 - 60..=4 * 3600 + 60).contains(&retry), "{retry}");
    let replies = store::history(&app.db, inquiry.id, true)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.kind == event::SENDER_REPLY)
        .count();
    assert_eq!(replies, 10, "the refused reply is not stored");
    // Another inquiry from the same address is not affected.
    let (_, other) = sent(&app, "Andere Anfrage", "erika@example.org").await;
    let r = app.post(&other, &[("message", "Hallo")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn internal_work_does_not_show_on_the_status_page() {
    let app = app().await;
    let (staff, _) = app.create_user("intern@example.org", Role::Staff).await;
    let (inquiry, path) = sent(&app, "Was sieht die Absenderin?", "erika@example.org").await;
    let before = app.get(&path).await.text("#stand");
    // A note and an assignment two hours later move `updated_at` …
    let later = inquiry.created_at + 7200;
    store::add_event(
        &app.db,
        inquiry.id,
        event::NOTE,
        Some(staff),
        false,
        "Rückruf vereinbart",
        "",
        later,
    )
    .await
    .unwrap();
    let mut active: desk_inquiry::ActiveModel = inquiry.clone().into();
    active.assignee_id = Set(Some(staff));
    active.updated_at = Set(later);
    active.version = Set(inquiry.version + 1);
    active.update(&app.db).await.unwrap();
    // … but the sender's page stays as it was.
    assert_eq!(app.get(&path).await.text("#stand"), before);
}
