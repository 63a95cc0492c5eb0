use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_core::entities::user;
use dias_core::policy::Role;
use dias_network::entities::{actor_change, actor_invitation, actor_logo, actor_representative};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::{actor_by_slug, app, form, login_cookie, register, verify_as_new_staff};
use crate::support::TestApp;

#[tokio::test]
async fn a_registration_waits_for_staff_and_then_appears_in_directory_map_and_search() {
    let app = app().await;
    let (uid, _) = app
        .create_user("gruenderin@example.org", Role::Participant)
        .await;
    app.login("gruenderin@example.org", None).await;
    assert_eq!(
        app.get("/netzwerk/registrieren").await.status,
        StatusCode::OK
    );

    // Invalid input: 422, error summary, input kept, nothing stored.
    let mut bad = form("", &[]);
    bad.retain(|(k, _)| *k != "competences");
    bad.push(("postcode", "1"));
    let r = app.post("/netzwerk/registrieren", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(
        r.attr("#short_description", "value").as_deref(),
        Some("Kameras, die Obstbäume prüfen")
    );
    assert_eq!(r.count("input[name=industries][checked]"), 1);
    assert_eq!(
        dias_network::entities::actor::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );

    let slug = register(&app, "Elbtal Obstvision").await;
    let a = actor_by_slug(&app, &slug).await;
    assert_eq!(a.status, "pending");
    assert_eq!(a.ags5, "14612");
    let me = user::Entity::find_by_id(uid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(me.role, "representative");
    // The representative sees the pending profile; visitors do not.
    let own = app.get(&format!("/netzwerk/akteure/{slug}")).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("Elbtal Obstvision"));
    app.forget_cookies();
    assert_eq!(
        app.get(&format!("/netzwerk/akteure/{slug}")).await.status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !app.get("/netzwerk/akteure")
            .await
            .body
            .contains("Elbtal Obstvision")
    );

    // Staff see it in the queue and admit it.
    app.sign_in_as(Role::Staff).await;
    let queue = app.get("/netzwerk/aufnahme").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.body.contains("Elbtal Obstvision"));
    let r = app
        .post(
            &format!("/netzwerk/aufnahme/{}", a.id),
            &[("decision", "aufnehmen"), ("reason", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let again = app
        .post(
            &format!("/netzwerk/aufnahme/{}", a.id),
            &[("decision", "ablehnen"), ("reason", "doch nicht")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    let mail = app.last_mail_to("gruenderin@example.org").await.unwrap();
    assert!(mail.contains("Elbtal Obstvision") && mail.contains(&slug));

    // Public now: profile without the contact address, directory, map, search.
    app.forget_cookies();
    let profile = app.get(&format!("/netzwerk/akteure/{slug}")).await;
    assert_eq!(profile.status, StatusCode::OK);
    assert!(profile.body.contains("Bildverarbeitung"));
    assert!(!profile.body.contains("geheim@elbtal.example"));
    let dir = app
        .get("/netzwerk/akteure?kompetenz=bildverarbeitung&kreis=14612")
        .await;
    assert!(dir.body.contains("Elbtal Obstvision"), "{}", dir.body);
    assert!(!dir.body.contains("geheim@elbtal.example"));
    let elsewhere = app
        .get("/netzwerk/akteure?kompetenz=bildverarbeitung&kreis=14713")
        .await;
    assert!(!elsewhere.body.contains("Elbtal Obstvision"));
    let map = app
        .get("/netzwerk/karte?kompetenz=bildverarbeitung&kreis=14612")
        .await;
    assert_eq!(map.status, StatusCode::OK);
    assert!(map.text("#network-list").contains("Elbtal Obstvision"));
    assert!(map.body.contains("role=\"img\""));
    dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
        .await
        .unwrap();
    let search = app.get("/suche?q=Obstvision").await;
    assert!(search.body.contains(&format!("/netzwerk/akteure/{slug}")));
    let q = app.get("/netzwerk/akteure?q=Obstvision").await;
    assert!(q.body.contains("Elbtal Obstvision"));
    assert!(
        !app.get("/netzwerk/akteure?q=Obstvision&kreis=14713")
            .await
            .body
            .contains("Elbtal Obstvision")
    );
}

#[tokio::test]
async fn declining_needs_a_reason_which_the_representatives_receive_by_mail() {
    let app = app().await;
    app.create_user("vertreter@example.org", Role::Participant)
        .await;
    app.login("vertreter@example.org", None).await;
    let slug = register(&app, "Auswärts KI GmbH").await;
    let a = actor_by_slug(&app, &slug).await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let before = app.mail_count_to("vertreter@example.org").await;
    let r = app
        .post(
            &format!("/netzwerk/aufnahme/{}", a.id),
            &[("decision", "ablehnen"), ("reason", " ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(actor_by_slug(&app, &slug).await.status, "pending");
    let r = app
        .post(
            &format!("/netzwerk/aufnahme/{}", a.id),
            &[
                ("decision", "ablehnen"),
                ("reason", "Kein Sitz oder Standort in Sachsen erkennbar."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let declined = actor_by_slug(&app, &slug).await;
    assert_eq!(declined.status, "declined");
    assert_eq!(app.mail_count_to("vertreter@example.org").await, before + 1);
    let mail = app.last_mail_to("vertreter@example.org").await.unwrap();
    assert!(mail.contains("Kein Sitz oder Standort in Sachsen erkennbar."));

    // The representative sees the reason and resubmits by editing.
    app.forget_cookies();
    app.login("vertreter@example.org", None).await;
    let own = app.get(&format!("/netzwerk/akteure/{slug}")).await;
    assert!(
        own.body
            .contains("Kein Sitz oder Standort in Sachsen erkennbar.")
    );
    let r = app
        .post(
            &format!("/netzwerk/akteure/{slug}/bearbeiten"),
            &form("Auswärts KI GmbH, Niederlassung Leipzig", &[]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(actor_by_slug(&app, &slug).await.status, "pending");
}

#[tokio::test]
async fn only_staff_work_the_admission_queue() {
    let app = app().await;
    app.create_user("rep@example.org", Role::Participant).await;
    app.login("rep@example.org", None).await;
    let slug = register(&app, "Warteschlange GmbH").await;
    let a = actor_by_slug(&app, &slug).await;
    let decide = format!("/netzwerk/aufnahme/{}", a.id);
    // The representative itself.
    assert_eq!(
        app.get("/netzwerk/aufnahme").await.status,
        StatusCode::FORBIDDEN
    );
    let r = app
        .post(&decide, &[("decision", "aufnehmen"), ("reason", "")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    for role in [Role::Participant, Role::Moderator, Role::Representative] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        assert_eq!(
            app.get("/netzwerk/aufnahme").await.status,
            StatusCode::FORBIDDEN,
            "{role:?}"
        );
        let r = app
            .post(&decide, &[("decision", "aufnehmen"), ("reason", "")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    app.forget_cookies();
    let visitor = app.get("/netzwerk/aufnahme").await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(visitor.location().starts_with("/konto/anmelden"));
    assert_eq!(
        app.get("/netzwerk/registrieren").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(actor_by_slug(&app, &slug).await.status, "pending");
}

#[tokio::test]
async fn representatives_edit_only_their_own_actor_and_edits_are_logged() {
    let app = app().await;
    app.create_user("a@example.org", Role::Participant).await;
    app.create_user("b@example.org", Role::Participant).await;
    app.login("a@example.org", None).await;
    let slug_a = register(&app, "Alpha Daten GmbH").await;
    app.forget_cookies();
    app.login("b@example.org", None).await;
    let _slug_b = register(&app, "Beta Vision GmbH").await;
    verify_as_new_staff(&app, &slug_a).await;

    app.login("b@example.org", None).await;
    let edit = format!("/netzwerk/akteure/{slug_a}/bearbeiten");
    assert_eq!(app.get(&edit).await.status, StatusCode::FORBIDDEN);
    let r = app.post(&edit, &form("Übernommen", &[])).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(&format!("/netzwerk/akteure/{slug_a}/logo/entfernen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(
            &format!("/netzwerk/akteure/{slug_a}/einladen"),
            &[("email", "x@example.org")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(actor_by_slug(&app, &slug_a).await.name, "Alpha Daten GmbH");

    // The own representative edits the published profile: live at once, logged.
    app.forget_cookies();
    app.login("a@example.org", None).await;
    let r = app
        .post(&edit, &form("Alpha Daten GmbH", &[("competences", "nlp")]))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let a = actor_by_slug(&app, &slug_a).await;
    assert_eq!(a.status, "verified");
    assert!(a.competences.contains("nlp"));
    let changes = actor_change::Entity::find()
        .filter(actor_change::Column::ActorId.eq(a.id))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].fields, "competences");
    assert!(changes[0].new_values.contains("nlp"));
    assert!(
        app.get("/netzwerk/akteure?kompetenz=nlp")
            .await
            .body
            .contains("Alpha Daten GmbH")
    );
    // Staff read the log on the profile; the public does not.
    assert_eq!(
        app.get(&format!("/netzwerk/akteure/{slug_a}"))
            .await
            .count("table code"),
        0
    );
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let profile = app.get(&format!("/netzwerk/akteure/{slug_a}")).await;
    assert_eq!(profile.count("table code"), 2);
}

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-test-boundary";
    let mut body = Vec::new();
    for (name, filename, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: image/png\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

async fn upload(
    app: &TestApp,
    cookie: &str,
    slug: &str,
    csrf: Option<&str>,
    parts: &[(&str, Option<&str>, &[u8])],
) -> crate::support::TestResponse {
    // The token travels in the form like in every other form.
    let mut all: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if let Some(token) = csrf {
        all.push(("_csrf", None, token.as_bytes()));
    }
    all.extend_from_slice(parts);
    let (content_type, body) = multipart(&all);
    post_multipart(
        app,
        cookie,
        &format!("/netzwerk/akteure/{slug}/logo"),
        content_type,
        body,
    )
    .await
}

async fn post_multipart(
    app: &TestApp,
    cookie: &str,
    uri: &str,
    content_type: String,
    body: Vec<u8>,
) -> crate::support::TestResponse {
    app.request(
        Request::builder()
            .method("POST")
            .uri(uri)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn logos_are_checked_by_their_bytes_and_served_with_their_type() {
    let app = app().await;
    app.create_user("logo@example.org", Role::Participant).await;
    let cookie = login_cookie(&app, "logo@example.org").await;
    let slug = register(&app, "Logo Test GmbH").await;
    let csrf = app.csrf().await;
    let png: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    // Without token: refused by the CSRF check.
    let r = upload(
        &app,
        &cookie,
        &slug,
        None,
        &[("logo", Some("a.png"), png), ("logo_alt", None, b"Logo")],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A token in the address does not count (addresses end up in logs).
    let (content_type, body) =
        multipart(&[("logo", Some("a.png"), png), ("logo_alt", None, b"Logo")]);
    let query = serde_urlencoded::to_string([("_csrf", csrf.as_str())]).unwrap();
    let r = post_multipart(
        &app,
        &cookie,
        &format!("/netzwerk/akteure/{slug}/logo?{query}"),
        content_type,
        body,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A body cut off before its closing boundary, token in the header: a clear 400.
    let (content_type, body) = multipart(&[("logo_alt", None, b"Logo")]);
    let cut = body[..body.len() - 10].to_vec();
    let r = app
        .request(
            Request::builder()
                .method("POST")
                .uri(format!("/netzwerk/akteure/{slug}/logo"))
                .header(header::COOKIE, &cookie)
                .header(header::CONTENT_TYPE, content_type)
                .header("x-csrf-token", &csrf)
                .body(Body::from(cut))
                .unwrap(),
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("Datei erneut"), "{}", r.body);
    // HTML claiming to be a PNG.
    let forged: &[u8] = b"<html><script>alert(1)</script></html>";
    let r = upload(
        &app,
        &cookie,
        &slug,
        Some(&csrf),
        &[
            ("logo", Some("logo.png"), forged),
            ("logo_alt", None, b"Logo der Logo Test GmbH"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    // Missing alternative text.
    let r = upload(
        &app,
        &cookie,
        &slug,
        Some(&csrf),
        &[("logo", Some("a.png"), png), ("logo_alt", None, b"")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(actor_logo::Entity::find().count(&app.db).await.unwrap(), 0);

    let r = upload(
        &app,
        &cookie,
        &slug,
        Some(&csrf),
        &[
            ("logo", Some("a.png"), png),
            ("logo_alt", None, b"Logo der Logo Test GmbH"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let image = app.get(&format!("/netzwerk/akteure/{slug}/logo")).await;
    assert_eq!(image.status, StatusCode::OK);
    assert_eq!(image.headers[header::CONTENT_TYPE], "image/png");
    let profile = app.get(&format!("/netzwerk/akteure/{slug}")).await;
    assert_eq!(
        profile.attr(".network-logo", "alt").as_deref(),
        Some("Logo der Logo Test GmbH")
    );
    // Pending: the logo is not public either.
    app.forget_cookies();
    assert_eq!(
        app.get(&format!("/netzwerk/akteure/{slug}/logo"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

fn token_from(mail: &str) -> String {
    let start = mail.find("/netzwerk/einladung/").unwrap() + "/netzwerk/einladung/".len();
    mail[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

#[tokio::test]
async fn invitations_work_once_for_the_invited_address_until_they_expire() {
    let app = app().await;
    app.create_user("erste@example.org", Role::Participant)
        .await;
    app.create_user("zweite@example.org", Role::Participant)
        .await;
    app.create_user("fremde@example.org", Role::Participant)
        .await;
    app.create_user("spaete@example.org", Role::Participant)
        .await;
    app.login("erste@example.org", None).await;
    let slug = register(&app, "Einladungs GmbH").await;
    let bad = app
        .post(
            &format!("/netzwerk/akteure/{slug}/einladen"),
            &[("email", "kein-at")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post(
            &format!("/netzwerk/akteure/{slug}/einladen"),
            &[("email", "Zweite@Example.org")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let token = token_from(&app.last_mail_to("zweite@example.org").await.unwrap());
    let url = format!("/netzwerk/einladung/{token}");

    // Visitors are asked to sign in.
    app.forget_cookies();
    assert_eq!(app.get(&url).await.status, StatusCode::SEE_OTHER);
    // Another account cannot use it.
    app.login("fremde@example.org", None).await;
    assert_eq!(app.post(&url, &[]).await.status, StatusCode::FORBIDDEN);
    // The invited account accepts, once.
    app.forget_cookies();
    app.login("zweite@example.org", None).await;
    assert_eq!(app.get(&url).await.status, StatusCode::OK);
    let r = app.post(&url, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let a = actor_by_slug(&app, &slug).await;
    assert_eq!(
        actor_representative::Entity::find()
            .filter(actor_representative::Column::ActorId.eq(a.id))
            .count(&app.db)
            .await
            .unwrap(),
        2
    );
    assert_eq!(app.post(&url, &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&format!("/netzwerk/akteure/{slug}/bearbeiten"))
            .await
            .status,
        StatusCode::OK
    );

    // An expired invitation is refused.
    app.forget_cookies();
    app.login("erste@example.org", None).await;
    app.post(
        &format!("/netzwerk/akteure/{slug}/einladen"),
        &[("email", "spaete@example.org")],
    )
    .await;
    let late = token_from(&app.last_mail_to("spaete@example.org").await.unwrap());
    actor_invitation::Entity::update_many()
        .col_expr(
            actor_invitation::Column::ExpiresAt,
            Expr::value(dias_core::time::now() - 1),
        )
        .filter(actor_invitation::Column::Email.eq("spaete@example.org"))
        .exec(&app.db)
        .await
        .unwrap();
    app.forget_cookies();
    app.login("spaete@example.org", None).await;
    let r = app.post(&format!("/netzwerk/einladung/{late}"), &[]).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn every_form_action_refuses_requests_without_token() {
    let app = app().await;
    app.create_user("csrf@example.org", Role::Participant).await;
    app.login("csrf@example.org", None).await;
    let slug = register(&app, "Token GmbH").await;
    let a = actor_by_slug(&app, &slug).await;
    let source = include_str!("../../src/routes/admission.rs");
    let routes = [
        "/netzwerk/registrieren".to_owned(),
        format!("/netzwerk/akteure/{slug}/bearbeiten"),
        format!("/netzwerk/akteure/{slug}/logo"),
        format!("/netzwerk/akteure/{slug}/logo/entfernen"),
        format!("/netzwerk/akteure/{slug}/gesuche"),
        format!("/netzwerk/akteure/{slug}/einladen"),
        format!("/netzwerk/aufnahme/{}", a.id),
        "/netzwerk/einladung/abc".to_owned(),
    ];
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app.post_raw(path, &[("name", "x")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
}

#[tokio::test]
async fn deleting_an_account_removes_its_address_from_invitations_and_exports_show_none() {
    let app = app().await;
    app.create_user("einladend@example.org", Role::Participant)
        .await;
    app.create_user("angenommen@example.org", Role::Participant)
        .await;
    app.create_user("wartend@example.org", Role::Participant)
        .await;
    app.login("einladend@example.org", None).await;
    let slug = register(&app, "Adressen GmbH").await;
    for email in ["Angenommen@example.org", "wartend@example.org"] {
        let r = app
            .post(
                &format!("/netzwerk/akteure/{slug}/einladen"),
                &[("email", email)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let token = token_from(&app.last_mail_to("angenommen@example.org").await.unwrap());
    app.forget_cookies();
    app.login("angenommen@example.org", None).await;
    let accepted = app.post(&format!("/netzwerk/einladung/{token}"), &[]).await;
    assert_eq!(accepted.status, StatusCode::SEE_OTHER);

    // The inviter's export names neither invited address.
    app.forget_cookies();
    app.login("einladend@example.org", None).await;
    let export = app.get("/konto/export").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    assert_eq!(
        json["modules"]["netzwerk"]["invitations_sent"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(!export.body.contains("angenommen@"), "{}", export.body);
    assert!(!export.body.contains("wartend@"));

    // Both invited people delete their accounts.
    for email in ["angenommen@example.org", "wartend@example.org"] {
        app.forget_cookies();
        app.login(email, None).await;
        let r = app
            .post("/konto/loeschen", &[("password", crate::support::PASSWORD)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    }
    let left: Vec<String> = actor_invitation::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.email)
        .collect();
    // The accepted invitation stays (it documents who joined) without the
    // address; the one still waiting for the deleted account is gone.
    assert_eq!(left, vec![String::new()]);
}
