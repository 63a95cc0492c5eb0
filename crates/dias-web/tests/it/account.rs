use axum::http::StatusCode;
use dias_core::entities::user;
use dias_core::policy::Role;
use sea_orm::EntityTrait;

use crate::support::{PASSWORD, TestApp};

fn link_in(mail: &str, prefix: &str) -> String {
    let start = mail.find(prefix).expect("link in mail");
    mail[start..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn registration_verification_login_export_and_deletion() {
    let app = TestApp::new().await;
    let email = "lena.neumann@example.org";
    let registered = app
        .post(
            "/konto/registrieren",
            &[
                ("email", " Lena.Neumann@Example.org "),
                ("display_name", "Lena N."),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("accept_privacy", "ja"),
            ],
        )
        .await;
    assert_eq!(registered.status, StatusCode::SEE_OTHER);
    assert_eq!(registered.location(), "/konto/registrieren/danke");
    assert!(
        !app.has_session_cookie(),
        "registration must not start a session"
    );

    // Not verified yet: sign-in is refused with a clear message.
    let early = app
        .post(
            "/konto/anmelden",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(early.text(".error-summary").contains("bestätigen"));

    let mail = app.last_mail_to(email).await.expect("verification mail");
    let link = link_in(&mail, "http://");
    let path = link
        .split_once("/konto/")
        .map(|(_, p)| format!("/konto/{p}"))
        .unwrap();
    let confirm_page = app.get(&path).await;
    assert_eq!(confirm_page.status, StatusCode::OK);
    assert!(confirm_page.body.contains("E-Mail-Adresse bestätigen"));
    let confirmed = app.post(&path, &[]).await;
    assert_eq!(
        confirmed.location(),
        "/konto/anmelden?hinweis=email-bestaetigt"
    );
    // The link works once.
    assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);

    let login = app
        .post(
            "/konto/anmelden",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert_eq!(login.location(), "/konto");
    let profile = app.get("/konto").await;
    assert_eq!(profile.text("h1"), "Mein Konto");

    // Switching the language while signed in stores it in the profile.
    let switched = app
        .post("/sprache", &[("lang", "en"), ("zurueck", "/konto")])
        .await;
    assert_eq!(switched.location(), "/konto");
    let english = app.get("/konto").await;
    assert_eq!(english.attr("html", "lang").as_deref(), Some("en"));
    assert_eq!(english.text("h1"), "My account");

    let export = app.get("/konto/export").await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(
        export.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("attachment")
    );
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    assert_eq!(json["account"]["email"], email);
    assert_eq!(json["account"]["display_name"], "Lena N.");
    assert_eq!(json["account"]["locale"], "en");
    assert!(
        !export.body.contains("argon2"),
        "no password hash in the export"
    );

    // Deletion needs the password; a wrong one keeps everything.
    let wrong = app
        .post("/konto/loeschen", &[("password", "falsch-falsch-falsch")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let deleted = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(deleted.location(), "/?hinweis=konto-geloescht");
    assert!(!app.has_session_cookie());
    let id = json["account"]["id"].as_i64().unwrap();
    let row = user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.email, None);
    assert_eq!(row.display_name, dias_core::accounts::DELETED_NAME);
    assert!(row.password_hash.is_none() && row.deleted_at.is_some());
    let again = app
        .post(
            "/konto/anmelden",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn invalid_registration_is_rerendered_with_input_and_errors() {
    let app = TestApp::new().await;
    let response = app
        .post(
            "/konto/registrieren",
            &[
                ("email", "kein-at-zeichen"),
                ("display_name", "Max"),
                ("password", "kurz"),
                ("password_confirm", "anders"),
            ],
        )
        .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.attr("#email", "value").as_deref(),
        Some("kein-at-zeichen")
    );
    assert_eq!(
        response.attr("#display_name", "value").as_deref(),
        Some("Max")
    );
    assert_eq!(
        response.attr("#email", "aria-invalid").as_deref(),
        Some("true")
    );
    assert!(
        response
            .attr("#email", "aria-describedby")
            .unwrap()
            .contains("email-error")
    );
    let summary_links = response.count(".error-summary a");
    assert_eq!(
        summary_links,
        4,
        "email, password, confirmation, privacy: {}",
        response.text(".error-summary")
    );
    assert!(response.text("title").starts_with("Fehler:"));
    // Nothing stored.
    assert_eq!(user::Entity::find().all(&app.db).await.unwrap().len(), 0);
}

#[tokio::test]
async fn second_registration_with_known_address_sends_a_notice_not_a_second_account() {
    let app = TestApp::new().await;
    app.create_user("known@example.org", Role::Participant)
        .await;
    let response = app
        .post(
            "/konto/registrieren",
            &[
                ("email", "known@example.org"),
                ("display_name", "Someone"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("accept_privacy", "ja"),
            ],
        )
        .await;
    assert_eq!(
        response.location(),
        "/konto/registrieren/danke",
        "same answer as for a new address"
    );
    let mail = app.last_mail_to("known@example.org").await.unwrap();
    assert!(mail.contains("bereits ein Konto"));
    assert_eq!(user::Entity::find().all(&app.db).await.unwrap().len(), 1);
}

#[tokio::test]
async fn repeated_wrong_passwords_delay_further_attempts() {
    let app = TestApp::new().await;
    app.create_user("target@example.org", Role::Participant)
        .await;
    for _ in 0..5 {
        let r = app
            .post(
                "/konto/anmelden",
                &[
                    ("email", "target@example.org"),
                    ("password", "wrong-password-123"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Now even the right password waits.
    let r = app
        .post(
            "/konto/anmelden",
            &[("email", "target@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.text(".error-summary").contains("Sekunden"));
    assert_eq!(
        r.attr("#email", "value").as_deref(),
        Some("target@example.org")
    );
}

#[tokio::test]
async fn password_reset_sets_a_new_password_and_ends_sessions() {
    let app = TestApp::new().await;
    app.create_user("reset@example.org", Role::Participant)
        .await;
    let r = app
        .post(
            "/konto/passwort-vergessen",
            &[("email", "reset@example.org")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    // Unknown addresses get the same answer and no mail.
    let unknown = app
        .post(
            "/konto/passwort-vergessen",
            &[("email", "nobody@example.org")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::OK);
    assert_eq!(app.mail_count_to("nobody@example.org").await, 0);
    let mail = app.last_mail_to("reset@example.org").await.unwrap();
    let link = link_in(&mail, "http://");
    let path = format!("/konto/{}", link.split_once("/konto/").unwrap().1);
    let weak = app
        .post(
            &path,
            &[
                ("password", "123456789012"),
                ("password_confirm", "123456789012"),
            ],
        )
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let new_password = "Neue-Sichere-Wortfolge-2026";
    let ok = app
        .post(
            &path,
            &[
                ("password", new_password),
                ("password_confirm", new_password),
            ],
        )
        .await;
    assert_eq!(ok.location(), "/konto/anmelden?hinweis=passwort-geaendert");
    let login = app
        .post(
            "/konto/anmelden",
            &[("email", "reset@example.org"), ("password", new_password)],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    assert_eq!(
        app.get(&path).await.status,
        StatusCode::NOT_FOUND,
        "reset link is single-use"
    );
}

#[tokio::test]
async fn admins_must_set_up_a_second_factor_before_anything_else() {
    let app = TestApp::new().await;
    dias_core::accounts::create_verified(
        &app.db,
        "neu-admin@example.org",
        "Neu Admin",
        PASSWORD,
        Role::Admin,
    )
    .await
    .unwrap();
    let login = app
        .post(
            "/konto/anmelden",
            &[("email", "neu-admin@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(login.status, StatusCode::SEE_OTHER);
    let blocked = app.get("/verwaltung").await;
    assert_eq!(blocked.location(), "/konto/zweiter-faktor/einrichten");
    let setup = app.get("/konto/zweiter-faktor/einrichten").await;
    let secret = setup.text("#totp-secret");
    assert!(secret.len() >= 16);
    let wrong = app
        .post(
            "/konto/zweiter-faktor/einrichten",
            &[("secret", &secret), ("code", "000000")],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = dias_core::accounts::totp::current_code(&secret).unwrap();
    let ok = app
        .post(
            "/konto/zweiter-faktor/einrichten",
            &[("secret", &secret), ("code", &code)],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/verwaltung").await.status, StatusCode::OK);

    // Next sign-in asks for the code before the session counts.
    app.post("/konto/abmelden", &[]).await;
    let again = app
        .post(
            "/konto/anmelden",
            &[("email", "neu-admin@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert!(
        again
            .location()
            .starts_with("/konto/anmelden/zweiter-faktor")
    );
    assert_eq!(
        app.get("/verwaltung").await.status,
        StatusCode::SEE_OTHER,
        "password alone is not enough"
    );
    let bad = app
        .post("/konto/anmelden/zweiter-faktor", &[("code", "123456")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let code = dias_core::accounts::totp::current_code(&secret).unwrap();
    app.post("/konto/anmelden/zweiter-faktor", &[("code", &code)])
        .await;
    assert_eq!(app.get("/verwaltung").await.status, StatusCode::OK);
}

#[tokio::test]
async fn profile_and_notification_settings_are_saved_and_validated() {
    let app = TestApp::new().await;
    let id = app.sign_in_as(Role::Participant).await;
    let empty = app
        .post("/konto/profil", &[("display_name", "  "), ("locale", "de")])
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    let saved = app
        .post(
            "/konto/profil",
            &[("display_name", "Neuer Name"), ("locale", "de")],
        )
        .await;
    assert_eq!(saved.location(), "/konto?hinweis=gespeichert");
    let page = app.get("/konto?hinweis=gespeichert").await;
    assert!(page.text(".flash--success").contains("gespeichert"));
    let bad = app
        .post("/konto/benachrichtigungen", &[("frequency", "hourly")])
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    app.post("/konto/benachrichtigungen", &[("frequency", "weekly")])
        .await;
    let row = user::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (row.display_name.as_str(), row.notify_frequency.as_str()),
        ("Neuer Name", "weekly")
    );
}

#[tokio::test]
async fn logout_everywhere_ends_all_sessions() {
    let app = TestApp::new().await;
    let id = app.sign_in_as(Role::Participant).await;
    assert_eq!(
        dias_core::sessions::for_user(&app.db, id)
            .await
            .unwrap()
            .len(),
        1
    );
    app.post("/konto/ueberall-abmelden", &[]).await;
    assert!(
        dias_core::sessions::for_user(&app.db, id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(app.get("/konto").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_second_factor_limit_is_a_setting_and_counts_only_pending_sign_ins() {
    let app = TestApp::with_settings(Vec::new(), |raw| raw.second_factor_limit = Some(3)).await;
    // Without a sign-in that waits for its code (a visitor, then a person
    // signed in without a second factor) the form only sends to the sign-in
    // page, and none of these requests uses up the address's budget.
    for _ in 0..5 {
        let visitor = app
            .post("/konto/anmelden/zweiter-faktor", &[("code", "123456")])
            .await;
        assert_eq!(visitor.status, StatusCode::SEE_OTHER);
        assert_eq!(visitor.location(), "/konto/anmelden");
    }
    app.sign_in_as(Role::Participant).await;
    for _ in 0..5 {
        let signed_in = app
            .post("/konto/anmelden/zweiter-faktor", &[("code", "123456")])
            .await;
        assert_eq!(signed_in.status, StatusCode::SEE_OTHER);
        assert_eq!(signed_in.location(), "/konto/anmelden");
    }
    app.post("/konto/abmelden", &[]).await;

    // A pending sign-in: every attempt counts, right or wrong; past the
    // limit even the right code is refused, so codes cannot be tried out.
    let (_, secret) = app.create_user("zwei@example.org", Role::Admin).await;
    let secret = secret.expect("admins have a second factor");
    let pending = app
        .post(
            "/konto/anmelden",
            &[("email", "zwei@example.org"), ("password", PASSWORD)],
        )
        .await;
    assert!(
        pending
            .location()
            .starts_with("/konto/anmelden/zweiter-faktor")
    );
    for n in 1..=3 {
        let wrong = app
            .post("/konto/anmelden/zweiter-faktor", &[("code", "000000")])
            .await;
        assert_eq!(
            wrong.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "attempt {n}"
        );
    }
    let code = dias_core::accounts::totp::current_code(&secret).unwrap();
    let over = app
        .post("/konto/anmelden/zweiter-faktor", &[("code", &code)])
        .await;
    assert_eq!(over.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(over.headers.contains_key(axum::http::header::RETRY_AFTER));
    assert!(
        over.text("h1").contains("Zu viele Aufrufe"),
        "{}",
        over.body
    );
    assert_eq!(
        app.get("/verwaltung").await.status,
        StatusCode::SEE_OTHER,
        "still not signed in"
    );
}
