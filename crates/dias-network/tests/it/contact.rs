//! The contact form: mail to every representative with Reply-To, no
//! addresses revealed, spam checks, rate limit and CSRF.

use axum::http::StatusCode;
use dias_core::entities::{audit_entry, mail};
use dias_core::policy::Role;
use dias_network::domain::{PENDING, VERIFIED};
use dias_network::entities::{actor, actor_representative};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::{app, insert_actor};
use crate::support::TestApp;

const REP_A: &str = "vertretung-a@akteur.example";
const REP_B: &str = "vertretung-b@akteur.example";

/// A verified actor with two representatives.
async fn actor_with_reps(app: &TestApp) -> actor::Model {
    let a = insert_actor(
        app,
        "Kontakt Labor",
        "startup",
        &["nlp"],
        &[],
        "14612000",
        "klein",
        VERIFIED,
    )
    .await;
    for email in [REP_A, REP_B] {
        let (id, _) = app.create_user(email, Role::Representative).await;
        actor_representative::ActiveModel {
            actor_id: Set(a.id),
            user_id: Set(id),
            partner_requests_opt_in: Set(false),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    a
}

/// A form token issued `age` seconds ago, as the page would have.
fn token(app: &TestApp, age: i64) -> String {
    dias_network::contact::form_token(
        app.state.config.secret_key.expose().as_bytes(),
        dias_core::time::now() - age,
    )
}

fn no_addresses(body: &str, actor: &actor::Model) {
    for secret in [REP_A, REP_B, actor.contact_email.as_str()] {
        assert!(!body.contains(secret), "{secret} leaked");
    }
}

async fn mails(app: &TestApp) -> Vec<mail::Model> {
    mail::Entity::find()
        .filter(mail::Column::Subject.contains("[KI-Netzwerk]"))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_message_reaches_every_representative_with_reply_to_and_reveals_no_address() {
    let app = app().await;
    let a = actor_with_reps(&app).await;
    let profile = app.get(&format!("/netzwerk/akteure/{}", a.slug)).await;
    assert!(
        profile
            .body
            .contains(&format!("/netzwerk/akteure/{}/kontakt", a.slug))
    );
    no_addresses(&profile.body, &a);
    let form = app
        .get(&format!("/netzwerk/akteure/{}/kontakt", a.slug))
        .await;
    assert_eq!(form.status, StatusCode::OK);
    no_addresses(&form.body, &a);
    assert!(form.text("#contact-privacy").contains("nicht auf"));
    assert!(form.attr("input[name=started]", "value").is_some());

    let started = token(&app, 30);
    let r = app
        .post(
            &format!("/netzwerk/akteure/{}/kontakt", a.slug),
            &[
                ("subject", "Gemeinsames Projekt"),
                ("message", "Wir würden gern über Sprachmodelle sprechen."),
                ("reply_to", "Besucherin@Example.org"),
                ("homepage", ""),
                ("started", &started),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    no_addresses(&r.body, &a);
    for value in r.headers.values() {
        no_addresses(value.to_str().unwrap_or(""), &a);
    }
    let confirmation = app.get(r.location()).await;
    assert!(
        confirmation
            .body
            .contains("Ihre Nachricht wurde an die Ansprechpersonen gesendet")
    );
    no_addresses(&confirmation.body, &a);

    let sent = mails(&app).await;
    let mut to: Vec<&str> = sent.iter().map(|m| m.to_addr.as_str()).collect();
    to.sort_unstable();
    assert_eq!(to, vec![REP_A, REP_B]);
    for m in &sent {
        assert_eq!(m.reply_to.as_deref(), Some("besucherin@example.org"));
        assert_eq!(m.subject, "[KI-Netzwerk] Gemeinsames Projekt");
        assert!(
            m.body_text
                .contains("Wir würden gern über Sprachmodelle sprechen.")
        );
    }
    // Only that it happened is kept, not the text or the sender's address.
    let audit = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("network.contact_sent"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(
        !audit[0].details.contains("Sprachmodelle") && !audit[0].details.contains("besucherin")
    );
    assert!(audit[0].details.contains("\"recipients\":2"));

    // Signed-in people write without the visitor checks.
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post(
            &format!("/netzwerk/akteure/{}/kontakt", a.slug),
            &[
                ("subject", "Noch eine Frage"),
                ("message", "Gibt es Praktika?"),
                ("reply_to", "angemeldet@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(mails(&app).await.len(), 4);
}

#[tokio::test]
async fn honeypot_too_fast_and_forged_submissions_are_refused_and_nothing_is_sent() {
    let app = app().await;
    let a = actor_with_reps(&app).await;
    let path = format!("/netzwerk/akteure/{}/kontakt", a.slug);
    let old = token(&app, 30);
    let fresh = token(&app, 0);
    for (homepage, started) in [
        ("https://werbung.example", old.as_str()),
        ("", fresh.as_str()),
        ("", "12345.gefaelscht"),
        ("", ""),
    ] {
        let r = app
            .post(
                &path,
                &[
                    ("subject", "Hallo"),
                    ("message", "Eine Nachricht"),
                    ("reply_to", "jemand@example.org"),
                    ("homepage", homepage),
                    ("started", started),
                ],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{homepage} {started}"
        );
        assert!(r.body.contains("error-summary"));
        // The input is kept, a valid token issued again, no address shown.
        assert_eq!(r.attr("#subject", "value").as_deref(), Some("Hallo"));
        let reissued = r.attr("input[name=started]", "value").unwrap();
        assert!(
            reissued
                .split_once('.')
                .is_some_and(|(at, _)| at.parse::<i64>().is_ok())
        );
        assert_ne!(reissued, "12345.gefaelscht");
        no_addresses(&r.body, &a);
    }
    assert!(mails(&app).await.is_empty());
    // Invalid fields come back with their errors.
    let r = app
        .post(
            &path,
            &[
                ("subject", ""),
                ("message", ""),
                ("reply_to", "kaputt"),
                ("started", &old),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary li"), 3);
    assert!(mails(&app).await.is_empty());
}

#[tokio::test]
async fn the_contact_form_is_rate_limited_per_address_and_only_for_verified_actors() {
    let app = app().await;
    let a = actor_with_reps(&app).await;
    let path = format!("/netzwerk/akteure/{}/kontakt", a.slug);
    for _ in 0..dias_network::contact::PER_HOUR {
        let r = app.post(&path, &[("subject", "")]).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = app.post(&path, &[("subject", "")]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let pending = insert_actor(
        &app,
        "Noch nicht",
        "startup",
        &["nlp"],
        &[],
        "14612000",
        "klein",
        PENDING,
    )
    .await;
    assert_eq!(
        app.get(&format!("/netzwerk/akteure/{}/kontakt", pending.slug))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_contact_form_action_needs_the_csrf_token() {
    let app = app().await;
    let a = actor_with_reps(&app).await;
    let source = include_str!("../../src/routes/contact.rs");
    let routes = [format!("/netzwerk/akteure/{}/kontakt", a.slug)];
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app
            .post_raw(
                path,
                &[
                    ("subject", "x"),
                    ("message", "x"),
                    ("reply_to", "a@example.org"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(mails(&app).await.is_empty());
    assert_eq!(
        audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("network.contact_sent"))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}
