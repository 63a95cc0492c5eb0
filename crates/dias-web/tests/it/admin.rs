use axum::http::StatusCode;
use dias_core::entities::user;
use dias_core::policy::Role;
use sea_orm::EntityTrait;

use crate::support::{PASSWORD, TestApp};

#[tokio::test]
async fn admin_finds_a_user_changes_the_role_and_the_audit_log_shows_it() {
    let app = TestApp::new().await;
    let (target, _) = app
        .create_user("kim.kraus@example.org", Role::Participant)
        .await;
    let (_, secret) = app.create_user("chefin@example.org", Role::Admin).await;
    app.login("chefin@example.org", secret.as_deref()).await;

    let list = app
        .get("/verwaltung/benutzer?q=kim.kraus@example.org")
        .await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.count("tbody tr"), 1);
    assert_eq!(
        list.attr("tbody a", "href").unwrap(),
        format!("/verwaltung/benutzer/{target}")
    );

    let changed = app
        .post(
            &format!("/verwaltung/benutzer/{target}/rolle"),
            &[("role", "moderator")],
        )
        .await;
    assert_eq!(
        changed.location(),
        format!("/verwaltung/benutzer/{target}?hinweis=rolle-gespeichert")
    );
    let detail = app.get(&format!("/verwaltung/benutzer/{target}")).await;
    assert!(detail.text(".meta-list").contains("Moderation"));
    let row = user::Entity::find_by_id(target)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.role, "moderator");

    let bogus = app
        .post(
            &format!("/verwaltung/benutzer/{target}/rolle"),
            &[("role", "kaiser")],
        )
        .await;
    assert_eq!(bogus.status, StatusCode::UNPROCESSABLE_ENTITY);

    let log = app.get("/verwaltung/protokoll").await;
    assert!(log.text("tbody").contains("Rolle geändert"));
    assert!(log.text("tbody").contains("moderator"));
}

#[tokio::test]
async fn a_role_change_ends_the_sessions_of_the_person_concerned() {
    let app = TestApp::new().await;
    let (target, _) = app
        .create_user("wechsel@example.org", Role::Participant)
        .await;
    app.login("wechsel@example.org", None).await;
    assert_eq!(
        dias_core::sessions::for_user(&app.db, target)
            .await
            .unwrap()
            .len(),
        1
    );
    app.forget_cookies();
    let (_, secret) = app.create_user("admin2@example.org", Role::Admin).await;
    app.login("admin2@example.org", secret.as_deref()).await;
    app.post(
        &format!("/verwaltung/benutzer/{target}/rolle"),
        &[("role", "staff")],
    )
    .await;
    assert!(
        dias_core::sessions::for_user(&app.db, target)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn blocking_needs_a_reason_ends_sessions_and_prevents_sign_in() {
    let app = TestApp::new().await;
    let (target, _) = app
        .create_user("stoerer@example.org", Role::Participant)
        .await;
    let (admin, secret) = app.create_user("admin3@example.org", Role::Admin).await;
    app.login("admin3@example.org", secret.as_deref()).await;
    let no_reason = app
        .post(
            &format!("/verwaltung/benutzer/{target}/sperre"),
            &[("action", "sperren"), ("reason", "")],
        )
        .await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(no_reason.body.contains("error-summary"));
    let own = app
        .post(
            &format!("/verwaltung/benutzer/{admin}/sperre"),
            &[("action", "sperren"), ("reason", "x")],
        )
        .await;
    assert_eq!(own.status, StatusCode::UNPROCESSABLE_ENTITY);
    let blocked = app
        .post(
            &format!("/verwaltung/benutzer/{target}/sperre"),
            &[
                ("action", "sperren"),
                ("reason", "Wiederholte Beleidigungen"),
            ],
        )
        .await;
    assert_eq!(blocked.status, StatusCode::SEE_OTHER);
    app.forget_cookies();
    let login = app
        .post(
            "/konto/anmelden",
            &[("email", "stoerer@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(login.text(".error-summary").contains("gesperrt"));
}

#[tokio::test]
async fn mailbox_and_jobs_show_mail_and_reindex_progress() {
    let app = TestApp::new().await;
    let (_, secret) = app.create_user("admin4@example.org", Role::Admin).await;
    dias_core::mail::queue(
        &app.db,
        "empfang@example.org",
        "Testbetreff",
        "Hallo <b>Welt</b>",
    )
    .await
    .unwrap();
    app.login("admin4@example.org", secret.as_deref()).await;
    let mailbox = app
        .get("/verwaltung/postausgang?an=empfang@example.org")
        .await;
    assert_eq!(mailbox.count("tbody tr"), 1);
    let href = mailbox.attr("tbody a", "href").unwrap();
    let mail = app.get(&href).await;
    assert_eq!(
        mail.text(".mail-preview"),
        "Hallo <b>Welt</b>",
        "shown as text, escaped"
    );
    assert!(!mail.body.contains("<b>Welt</b>"));

    let started = app.post("/verwaltung/aufgaben/suchindex", &[]).await;
    assert_eq!(
        started.location(),
        "/verwaltung/aufgaben?hinweis=aufgabe-gestartet"
    );
    let jobs = app.get("/verwaltung/aufgaben").await;
    assert!(jobs.text("tbody").contains("search.reindex"));
    assert!(jobs.text("tbody").contains("Wartet"));
}
