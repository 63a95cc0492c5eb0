//! The Vorgang page for staff: who may open and change it, assignment,
//! notes, replies and their mail, status and topic changes, links,
//! templates, stale versions, attachments, CSRF and translations.

use axum::http::StatusCode;
use dias_core::entities::audit_entry;
use dias_core::policy::Role;
use dias_desk::entities::desk_event;
use dias_desk::store::{self, Inquiry, NewAttachment};
use dias_desk::vocab::{Topic, event};
use dias_desk::{answer_templates, calendar, teams};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::helpers::app;
use crate::queue::{SECRET, berlin, new_inquiry, received};
use crate::support::{TestApp, TestResponse};

/// Every form action of `src/routes/ticket.rs` (for inquiry `{id}`, link `{lid}`).
const POST_ROUTES: [&str; 7] = [
    "/anfragen/verwaltung/{id}/zuweisen",
    "/anfragen/verwaltung/{id}/status",
    "/anfragen/verwaltung/{id}/thema",
    "/anfragen/verwaltung/{id}/notiz",
    "/anfragen/verwaltung/{id}/antwort",
    "/anfragen/verwaltung/{id}/verknuepfungen",
    "/anfragen/verwaltung/{id}/verknuepfungen/{lid}/entfernen",
];

/// An inquiry with an attachment and a context link, received long ago.
async fn with_attachment(app: &TestApp) -> Inquiry {
    let mut new = new_inquiry("Glasfaser im Gewerbegebiet", Topic::Broadband);
    new.context_path = Some("/breitband/gemeinden/14521010".into());
    new.attachment = Some(NewAttachment {
        filename: "Lageplan \"Nord\".pdf".into(),
        mime: "application/pdf".into(),
        data: b"%PDF-1.4\n%\xe2\xe3\n".to_vec(),
    });
    store::create(&app.db, SECRET, new, berlin(2026, 11, 2, 9))
        .await
        .unwrap()
        .0
}

async fn current(app: &TestApp, id: i64) -> Inquiry {
    store::by_id(&app.db, id).await.unwrap().unwrap()
}

fn path(route: &str, id: i64, lid: i64) -> String {
    route
        .replace("{id}", &id.to_string())
        .replace("{lid}", &lid.to_string())
}

async fn events(app: &TestApp, id: i64) -> Vec<desk_event::Model> {
    store::history(&app.db, id, false).await.unwrap()
}

async fn audit(app: &TestApp, action: &str) -> Vec<audit_entry::Model> {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// Posts a form of the page with the inquiry's current version.
async fn act(app: &TestApp, route: &str, id: i64, fields: &[(&str, &str)]) -> TestResponse {
    let version = current(app, id).await.version.to_string();
    let mut all = vec![("version", version.as_str())];
    all.extend_from_slice(fields);
    app.post(&path(route, id, 0), &all).await
}

#[tokio::test]
async fn only_staff_and_admins_open_and_change_an_inquiry() {
    let app = app().await;
    let inquiry = with_attachment(&app).await;
    let file = store::attachments(&app.db, inquiry.id).await.unwrap()[0].id;
    let link = store::links(&app.db, inquiry.id).await.unwrap()[0].id;
    let pages = [
        format!("/anfragen/verwaltung/{}", inquiry.id),
        format!("/anfragen/verwaltung/{}/anhang/{file}", inquiry.id),
    ];
    let forms: Vec<String> = POST_ROUTES
        .iter()
        .map(|r| path(r, inquiry.id, link))
        .collect();
    let fields = [
        ("version", "1"),
        ("bearbeiter", ""),
        ("status", "geschlossen"),
        ("thema", "ki"),
        ("notiz", "Interne Notiz"),
        ("antwort", "Antwort"),
        ("pfad", "/foerderung"),
    ];
    for page in &pages {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{page}");
        assert!(r.location().starts_with("/konto/anmelden"), "{page}");
    }
    for form in &forms {
        let r = app.post(form, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{form}");
        assert!(r.location().starts_with("/konto/anmelden"), "{form}");
    }
    for role in [
        Role::Participant,
        Role::Moderator,
        Role::Municipality,
        Role::Operator,
    ] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for page in &pages {
            assert_eq!(
                app.get(page).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {page}"
            );
        }
        for form in &forms {
            assert_eq!(
                app.post(form, &fields).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {form}"
            );
        }
    }
    // Nothing happened to the inquiry.
    assert_eq!(current(&app, inquiry.id).await, inquiry);
    assert_eq!(events(&app, inquiry.id).await.len(), 1);
    for role in [Role::Staff, Role::Admin] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for page in &pages {
            assert_eq!(
                app.get(page).await.status,
                StatusCode::OK,
                "{role:?} {page}"
            );
        }
        let r = act(
            &app,
            "/anfragen/verwaltung/{id}/notiz",
            inquiry.id,
            &[("notiz", "Gesehen")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{role:?}");
    }
    assert_eq!(
        app.get("/anfragen/verwaltung/999999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/anfragen/verwaltung/abc").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get(&format!(
            "/anfragen/verwaltung/{}/anhang/999999",
            inquiry.id
        ))
        .await
        .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_form_action_of_the_ticket_needs_a_csrf_token() {
    let app = app().await;
    let source = include_str!("../../src/routes/ticket.rs");
    assert_eq!(source.matches("post(").count(), POST_ROUTES.len());
    assert_eq!(
        include_str!("../../src/routes/queue.rs")
            .matches("post(")
            .count(),
        0
    );
    let inquiry = with_attachment(&app).await;
    let link = store::links(&app.db, inquiry.id).await.unwrap()[0].id;
    app.sign_in_as(Role::Staff).await;
    for route in POST_ROUTES {
        let r = app
            .post_raw(
                &path(route, inquiry.id, link),
                &[
                    ("version", "1"),
                    ("notiz", "x"),
                    ("antwort", "x"),
                    ("status", "geschlossen"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{route}");
    }
    assert_eq!(current(&app, inquiry.id).await, inquiry);
    assert_eq!(events(&app, inquiry.id).await.len(), 1);
}

#[tokio::test]
async fn the_page_shows_the_sender_message_files_links_and_internal_history() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let inquiry = with_attachment(&app).await;
    act(
        &app,
        "/anfragen/verwaltung/{id}/notiz",
        inquiry.id,
        &[("notiz", "Bitte Rückruf <b>heute</b>")],
    )
    .await;
    let r = app
        .get(&format!("/anfragen/verwaltung/{}", inquiry.id))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Glasfaser im Gewerbegebiet");
    let main = r.text("main");
    assert!(!main.contains("desk-staff-"), "untranslated: {main}");
    assert!(main.contains(&inquiry.reference));
    let sender = r.text("#desk-staff-sender");
    for expected in [
        "Erika Muster",
        "erika@example.org",
        "Unternehmen",
        "Amtsberg",
    ] {
        assert!(sender.contains(expected), "{expected} in {sender}");
    }
    assert!(r.text("#desk-staff-message").contains("Gewerbegebiets"));
    assert_eq!(
        r.count("#desk-staff-links a[href='/breitband/gemeinden/14521010']"),
        1
    );
    let history = r.texts("#desk-staff-history > li");
    assert_eq!(history.len(), 2);
    assert!(history[0].contains("Anfrage eingegangen"));
    assert!(history[1].contains("intern"), "{}", history[1]);
    assert!(history[1].contains("Test Person"));
    // The note is text, not markup.
    assert!(history[1].contains("Bitte Rückruf <b>heute</b>"));
    assert_eq!(r.count("#desk-staff-history b"), 0);
    assert_eq!(r.count("#desk-staff-history li[data-internal]"), 1);
    // Nobody holds it yet: "Mir zuweisen" is offered; the FAQ link is not
    // (nothing answered yet).
    assert_eq!(r.count("#desk-staff-assign-me"), 1);
    assert_eq!(r.count("#desk-staff-faq"), 0);
    assert_eq!(
        r.attr("#desk-staff-assign-me", "type").as_deref(),
        Some("submit")
    );
    let _ = me;

    // The attachment is a download that browsers do not sniff.
    let href = r
        .attr("#desk-staff-attachments a", "href")
        .expect("attachment link");
    let file = app.get(&href).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.headers["content-type"], "application/pdf");
    assert_eq!(file.headers["x-content-type-options"], "nosniff");
    let disposition = file.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"Lageplan _Nord_.pdf\""),
        "{disposition}"
    );
    // Another inquiry's path does not open it.
    let other = received(&app, "Andere", Topic::Ai, berlin(2026, 11, 3, 9)).await;
    let aid = href.rsplit('/').next().unwrap();
    assert_eq!(
        app.get(&format!("/anfragen/verwaltung/{}/anhang/{aid}", other.id))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn staff_assign_note_reply_and_the_mail_carries_the_reply_and_link_but_no_note() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let (colleague, _) = app.create_user("kollegin@example.org", Role::Staff).await;
    let (outsider, _) = app
        .create_user("buerger@example.org", Role::Participant)
        .await;
    let inquiry = with_attachment(&app).await;
    let id = inquiry.id;

    // Assign to me, then to a colleague; a participant cannot hold it.
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/zuweisen",
        id,
        &[("bearbeiter", &me.to_string())],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.location(),
        format!("/anfragen/verwaltung/{id}?hinweis=desk-staff-assigned")
    );
    assert_eq!(current(&app, id).await.assignee_id, Some(me));
    assert_eq!(current(&app, id).await.version, 2);
    let page = app.get(r.location()).await;
    assert_eq!(
        page.text(".flash--success"),
        "Die Zuweisung ist gespeichert."
    );
    assert_eq!(page.text("#desk-staff-assignee"), "Test Person");
    assert_eq!(page.count("#desk-staff-assign-me"), 0, "already mine");
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/zuweisen",
        id,
        &[("bearbeiter", &outsider.to_string())],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text(".error-summary").contains("Redaktion"));
    assert_eq!(current(&app, id).await.assignee_id, Some(me));
    act(
        &app,
        "/anfragen/verwaltung/{id}/zuweisen",
        id,
        &[("bearbeiter", &colleague.to_string())],
    )
    .await;
    assert_eq!(current(&app, id).await.assignee_id, Some(colleague));
    let assigned = audit(&app, "desk.inquiry.assigned").await;
    assert_eq!(assigned.len(), 2);
    assert_eq!(assigned[0].actor_id, Some(me));
    assert_eq!(
        assigned[0].target_id.as_deref(),
        Some(id.to_string().as_str())
    );

    // An internal note, then a reply.
    let note = "Vertraulich: Bürgermeister ruft Montag zurück";
    act(
        &app,
        "/anfragen/verwaltung/{id}/notiz",
        id,
        &[("notiz", note)],
    )
    .await;
    let empty = act(
        &app,
        "/anfragen/verwaltung/{id}/notiz",
        id,
        &[("notiz", "   ")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The message names the field: reply and note are both text areas.
    assert!(
        empty
            .text(".error-summary")
            .contains("Text der internen Notiz"),
        "{}",
        empty.text(".error-summary")
    );
    let empty = act(
        &app,
        "/anfragen/verwaltung/{id}/antwort",
        id,
        &[("antwort", " "), ("art", "antwort")],
    )
    .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.text(".error-summary").contains("Text der Antwort"));
    let reply = "Für Gewerbegebiete gibt es die **Gigabit-Richtlinie**.\n\nSiehe [Förderlotse](https://example.org/foerderung).";
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/antwort",
        id,
        &[("antwort", reply), ("art", "antwort")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let after = current(&app, id).await;
    assert_eq!(after.status, "beantwortet");
    let first_answer = after.first_answer_at.expect("first answer time");
    let history = events(&app, id).await;
    let kinds: Vec<_> = history
        .iter()
        .map(|e| (e.kind.as_str(), e.public))
        .collect();
    assert_eq!(
        kinds,
        [
            (event::CREATED, true),
            (event::ASSIGNED, false),
            (event::ASSIGNED, false),
            (event::NOTE, false),
            (event::REPLY, true),
        ]
    );
    assert_eq!(history[4].body, reply);
    // Staff see the reply as the sender does: Markdown rendered, markup escaped.
    let page = app.get(&format!("/anfragen/verwaltung/{id}")).await;
    assert_eq!(
        page.count("#desk-staff-history li[data-kind=reply] .prose strong"),
        1
    );
    assert_eq!(
        page.count("#desk-staff-history li[data-kind=reply] .prose p"),
        2
    );
    assert_eq!(history[4].author_id, Some(me));

    let mail = app
        .last_mail_to("erika@example.org")
        .await
        .expect("reply mail");
    let token = store::status_token(SECRET, &after).unwrap();
    assert!(mail.contains("Gigabit-Richtlinie"), "{mail}");
    // Plain text: no Markdown markers, the link with its address, the
    // greeting with the name, and the hint to answer through the link.
    assert!(!mail.contains("**"), "{mail}");
    assert!(!mail.contains("]("), "{mail}");
    assert!(
        mail.contains("Förderlotse (https://example.org/foerderung)"),
        "{mail}"
    );
    assert!(mail.contains("Guten Tag Erika Muster,"), "{mail}");
    assert!(
        mail.contains("Bitte antworten Sie nicht auf diese E-Mail"),
        "{mail}"
    );
    assert!(
        mail.contains(&format!("/anfragen/status/{token}")),
        "{mail}"
    );
    assert!(mail.contains(&after.reference));
    assert!(!mail.contains("Vertraulich"), "{mail}");
    assert!(!mail.contains("Bürgermeister"), "{mail}");
    let replied = audit(&app, "desk.inquiry.replied").await;
    assert_eq!(replied.len(), 1);
    assert!(
        !replied[0].details.contains("Gigabit"),
        "no text in the audit"
    );

    // A second reply as a question: status Rückfrage, first answer kept,
    // an English sender gets English mail.
    let mut english = new_inquiry("Fibre for our site", Topic::Broadband);
    english.locale = "en".into();
    english.sender_email = "jane@example.org".into();
    english.sender_name = " ".into();
    let (english, _) = store::create(&app.db, SECRET, english, berlin(2026, 11, 2, 9))
        .await
        .unwrap();
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/antwort",
        english.id,
        &[("antwort", "Which municipality?"), ("art", "rueckfrage")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(current(&app, english.id).await.status, "rueckfrage");
    let mail = app.last_mail_to("jane@example.org").await.unwrap();
    // Without a name: "Hello," — not "Hello ,".
    assert!(mail.starts_with("Hello,\n\nWe have a question"), "{mail}");
    assert!(mail.contains("Which municipality?"));
    assert!(mail.contains("Saxony's digital agency"), "{mail}");
    act(
        &app,
        "/anfragen/verwaltung/{id}/antwort",
        id,
        &[("antwort", "Noch eine Antwort")],
    )
    .await;
    assert_eq!(current(&app, id).await.first_answer_at, Some(first_answer));
    assert_eq!(app.mail_count_to("erika@example.org").await, 2);

    // The FAQ button appears once it is answered.
    let r = app.get(&format!("/anfragen/verwaltung/{id}")).await;
    assert_eq!(
        r.attr("#desk-staff-faq", "href"),
        Some(format!("/anfragen/verwaltung/{id}/faq"))
    );
}

#[tokio::test]
async fn a_stale_version_gets_409_with_the_current_state_and_the_typed_text() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let inquiry = with_attachment(&app).await;
    let id = inquiry.id;
    // Someone else adds a note (version 1 → 2) while this editor still has
    // the page of version 1 open.
    act(
        &app,
        "/anfragen/verwaltung/{id}/notiz",
        id,
        &[("notiz", "Erste")],
    )
    .await;
    let before = current(&app, id).await;
    let history = events(&app, id).await.len();
    let mails = app.mail_count_to("erika@example.org").await;
    for (route, fields) in [
        (
            "/anfragen/verwaltung/{id}/status",
            vec![("status", "geschlossen")],
        ),
        (
            "/anfragen/verwaltung/{id}/antwort",
            vec![("antwort", "Zu spät")],
        ),
        (
            "/anfragen/verwaltung/{id}/notiz",
            vec![("notiz", "Auch zu spät")],
        ),
        ("/anfragen/verwaltung/{id}/thema", vec![("thema", "ki")]),
        (
            "/anfragen/verwaltung/{id}/verknuepfungen",
            vec![("pfad", "/foerderung")],
        ),
    ] {
        let mut all = vec![("version", "1")];
        all.extend(fields);
        let r = app.post(&path(route, id, 0), &all).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{route}");
        // The ticket page again: the notice, the current history (with
        // the other note) and the form at the current version.
        assert!(
            r.text("#desk-staff-conflict")
                .contains("Inzwischen geändert"),
            "{}",
            r.text("main")
        );
        assert!(r.text("#desk-staff-history").contains("Erste"));
        assert_eq!(
            r.attr("form[action$='/notiz'] input[name=version]", "value"),
            Some(before.version.to_string())
        );
    }
    // What was typed is still there.
    let mut all = vec![("version", "1"), ("antwort", "Zu spät")];
    let r = app
        .post(&format!("/anfragen/verwaltung/{id}/antwort"), &all)
        .await;
    assert_eq!(r.text("textarea#antwort"), "Zu spät");
    all = vec![("version", "1"), ("notiz", "Auch zu spät")];
    let r = app
        .post(&format!("/anfragen/verwaltung/{id}/notiz"), &all)
        .await;
    assert_eq!(r.text("textarea#notiz"), "Auch zu spät");
    let r = app
        .post(
            &format!("/anfragen/verwaltung/{id}/verknuepfungen"),
            &[
                ("version", "1"),
                ("pfad", "/foerderung"),
                ("bezeichnung", "Förderlotse"),
            ],
        )
        .await;
    assert_eq!(r.attr("input#pfad", "value"), Some("/foerderung".into()));
    assert_eq!(
        r.attr("input#bezeichnung", "value"),
        Some("Förderlotse".into())
    );
    assert_eq!(current(&app, id).await, before);
    assert_eq!(events(&app, id).await.len(), history);
    assert_eq!(store::links(&app.db, id).await.unwrap().len(), 1);
    assert_eq!(app.mail_count_to("erika@example.org").await, mails);
    let r = app
        .post(
            &format!("/anfragen/verwaltung/{id}/notiz"),
            &[("version", "zwei"), ("notiz", "x")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn closing_sets_closed_at_and_reopening_restarts_the_target_time() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let inquiry = with_attachment(&app).await;
    let id = inquiry.id;
    // The select starts empty, so a stray submit changes nothing.
    let page = app.get(&format!("/anfragen/verwaltung/{id}")).await;
    assert_eq!(
        page.attr("select#status option", "value"),
        Some(String::new())
    );
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/status",
        id,
        &[("status", "")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text(".error-summary")
            .contains("Bitte wählen Sie den neuen Status")
    );
    assert_eq!(current(&app, id).await.version, inquiry.version);
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/status",
        id,
        &[("status", "in_bearbeitung")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // In Bearbeitung keeps the due date of receipt.
    assert_eq!(current(&app, id).await.due_at, inquiry.due_at);
    act(
        &app,
        "/anfragen/verwaltung/{id}/status",
        id,
        &[("status", "geschlossen")],
    )
    .await;
    let closed = current(&app, id).await;
    assert_eq!(closed.status, "geschlossen");
    assert!(closed.closed_at.is_some());
    // A closed inquiry only goes back into progress.
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/status",
        id,
        &[("status", "beantwortet")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/status",
        id,
        &[("status", "erledigt")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(current(&app, id).await, closed);
    act(
        &app,
        "/anfragen/verwaltung/{id}/status",
        id,
        &[("status", "in_bearbeitung")],
    )
    .await;
    let reopened = current(&app, id).await;
    assert_eq!(reopened.closed_at, None);
    assert!(
        reopened.due_at > inquiry.due_at,
        "the target time starts again"
    );
    assert_eq!(
        reopened.due_at,
        calendar::due_at(reopened.updated_at, 5),
        "five working days from reopening"
    );
    let changes = audit(&app, "desk.inquiry.status").await;
    assert_eq!(changes.len(), 3);
    assert!(changes[1].details.contains("geschlossen"));
    let statuses: Vec<_> = events(&app, id)
        .await
        .into_iter()
        .filter(|e| e.kind == event::STATUS)
        .map(|e| e.public)
        .collect();
    assert_eq!(statuses, [true, true, true]);
}

#[tokio::test]
async fn a_new_topic_moves_the_inquiry_to_its_team_with_its_target_time() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let ai = teams::create(&app.db, "Team KI", 0).await.unwrap().unwrap();
    teams::set_topic(
        &app.db,
        &teams::TopicSetting {
            topic: Topic::Ai,
            team_id: Some(ai.id),
            target_days: 10,
        },
        0,
    )
    .await
    .unwrap();
    let inquiry = with_attachment(&app).await;
    let id = inquiry.id;
    act(
        &app,
        "/anfragen/verwaltung/{id}/zuweisen",
        id,
        &[("bearbeiter", &me.to_string())],
    )
    .await;
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/thema",
        id,
        &[("thema", "ki")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let moved = current(&app, id).await;
    assert_eq!(moved.topic, "ki");
    assert_eq!(moved.team_id, Some(ai.id));
    assert_eq!(moved.due_at, calendar::due_at(moved.updated_at, 10));
    // I am not in Team KI, so the inquiry is free for that team.
    assert_eq!(moved.assignee_id, None);
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/thema",
        id,
        &[("thema", "ki")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/thema",
        id,
        &[("thema", "wetter")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let last = events(&app, id).await.pop().unwrap();
    assert_eq!(last.kind, event::TOPIC);
    assert!(!last.public);
    // The page offers the team's members first.
    teams::add_member(&app.db, ai.id, me).await.unwrap();
    let r = app.get(&format!("/anfragen/verwaltung/{id}")).await;
    assert_eq!(r.count("#bearbeiter optgroup:first-of-type option"), 1);
    assert!(r.text("#desk-staff-facts").contains("Team KI"));
}

#[tokio::test]
async fn staff_link_portal_pages_and_remove_links() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let inquiry = with_attachment(&app).await;
    let id = inquiry.id;
    let r = act(
        &app,
        "/anfragen/verwaltung/{id}/verknuepfungen",
        id,
        &[
            ("pfad", " /foerderung/angebote/digi-z "),
            ("bezeichnung", "Digitalbonus"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    for bad in ["https://evil.example/x", "//evil.example", "foerderung"] {
        let r = act(
            &app,
            "/anfragen/verwaltung/{id}/verknuepfungen",
            id,
            &[("pfad", bad)],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(r.attr("#pfad", "value").as_deref(), Some(bad), "input kept");
        assert!(r.text(".error-summary").contains("Pfad"));
    }
    let links = store::links(&app.db, id).await.unwrap();
    assert_eq!(links.len(), 2);
    assert_eq!(links[1].path, "/foerderung/angebote/digi-z");
    assert_eq!(links[1].label, "Digitalbonus");
    let r = app.get(&format!("/anfragen/verwaltung/{id}")).await;
    assert_eq!(
        r.text("#desk-staff-links a[href='/foerderung/angebote/digi-z']"),
        "Digitalbonus"
    );
    let version = current(&app, id).await.version.to_string();
    let r = app
        .post(
            &format!(
                "/anfragen/verwaltung/{id}/verknuepfungen/{}/entfernen",
                links[0].id
            ),
            &[("version", &version)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let left = store::links(&app.db, id).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].path, "/foerderung/angebote/digi-z");
    let kinds: Vec<_> = events(&app, id).await.into_iter().map(|e| e.kind).collect();
    assert!(kinds.contains(&event::LINK.to_owned()));
    assert!(kinds.contains(&event::UNLINK.to_owned()));
    // A link of another inquiry is not removed through this one.
    let other = with_attachment(&app).await;
    let foreign = store::links(&app.db, other.id).await.unwrap()[0].id;
    let version = current(&app, id).await.version.to_string();
    let r = app
        .post(
            &format!("/anfragen/verwaltung/{id}/verknuepfungen/{foreign}/entfernen"),
            &[("version", &version)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(store::links(&app.db, other.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_template_of_the_topic_is_inserted_into_the_reply_without_javascript() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let inquiry = with_attachment(&app).await;
    let draft =
        |title: &str, topic: &str, body: &str| answer_templates::check(title, topic, body).unwrap();
    let broadband = answer_templates::create(
        &app.db,
        &draft(
            "Gigabit-Förderung",
            "breitband",
            "Sehr geehrte Damen und Herren,\nzur Gigabit-Förderung …",
        ),
        Some(me),
        0,
    )
    .await
    .unwrap();
    let general = answer_templates::create(
        &app.db,
        &draft("Dank", "", "Vielen Dank für Ihre Anfrage."),
        Some(me),
        0,
    )
    .await
    .unwrap();
    let other = answer_templates::create(
        &app.db,
        &draft("KI-Sprechstunde", "ki", "Unsere KI-Sprechstunde …"),
        Some(me),
        0,
    )
    .await
    .unwrap();
    let page = format!("/anfragen/verwaltung/{}", inquiry.id);
    let r = app.get(&page).await;
    let offered = r.texts("#vorlage option");
    assert_eq!(offered, ["Dank (alle Themen)", "Gigabit-Förderung"]);
    assert_eq!(
        r.attr("form[action$='#antworten']", "method").as_deref(),
        Some("get")
    );
    assert_eq!(r.text("#antwort"), "");
    // With htmx only the reply field is replaced, from the same page.
    assert_eq!(
        r.attr("form[action$='#antworten']", "hx-select").as_deref(),
        Some("#antwort")
    );
    let r = app.get(&format!("{page}?vorlage={}", broadband.id)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.text("#antwort"),
        "Sehr geehrte Damen und Herren,\nzur Gigabit-Förderung …"
    );
    let r = app.get(&format!("{page}?vorlage={}", general.id)).await;
    assert_eq!(r.text("#antwort"), "Vielen Dank für Ihre Anfrage.");
    // Another topic's template or nonsense inserts nothing.
    for query in [other.id.to_string(), "999999".into(), "abc".into()] {
        let r = app.get(&format!("{page}?vorlage={query}")).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.text("#antwort"), "", "{query}");
    }
}

#[tokio::test]
async fn the_ticket_page_needs_the_same_queries_for_a_short_or_long_history() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let inquiry = with_attachment(&app).await;
    let page = format!("/anfragen/verwaltung/{}", inquiry.id);
    // One note first, so both pages look up authors' names.
    act(
        &app,
        "/anfragen/verwaltung/{id}/notiz",
        inquiry.id,
        &[("notiz", "Erste")],
    )
    .await;
    app.get(&page).await;
    let (few, _) = app.count_queries(app.get(&page)).await;
    for i in 0..8 {
        let (user, _) = app
            .create_user(&format!("person{i}@example.org"), Role::Staff)
            .await;
        let version = current(&app, inquiry.id).await.version;
        dias_desk::work::apply(
            &app.db,
            inquiry.id,
            version,
            user,
            dias_desk::work::Change::Note(format!("Notiz {i}")),
            berlin(2026, 11, 3, 9),
        )
        .await
        .unwrap();
    }
    let (many, r) = app.count_queries(app.get(&page)).await;
    assert_eq!(r.count("#desk-staff-history > li"), 10);
    assert_eq!(few, many);
}

#[tokio::test]
async fn status_and_topic_labels_are_english_for_english_staff() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let r = app
        .post(
            "/sprache",
            &[("lang", "en"), ("zurueck", "/anfragen/verwaltung")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let inquiry = with_attachment(&app).await;
    act(
        &app,
        "/anfragen/verwaltung/{id}/notiz",
        inquiry.id,
        &[("notiz", "Note")],
    )
    .await;
    let r = app
        .get(&format!("/anfragen/verwaltung/{}", inquiry.id))
        .await;
    let main = r.text("main");
    assert!(main.contains("Internal note"), "{main}");
    assert!(main.contains("Broadband"));
    assert!(!main.contains("desk-staff-"));
    // The German sender's words are marked as German (WCAG 3.1.2); staff
    // read the staff name of the status, not the sender's.
    assert_eq!(r.attr("main h1", "lang"), Some("de".into()));
    assert_eq!(r.attr("#desk-staff-message", "lang"), Some("de".into()));
    assert!(main.contains("Waiting for the person asking"), "{main}");
    assert!(!main.contains("Awaiting your reply"), "{main}");
    assert!(r.text("#desk-staff-attachments").contains("KB"), "{main}");
    let r = app.get("/anfragen/verwaltung?ansicht=alle").await;
    assert!(r.text("main").contains("Unassigned"));
}
