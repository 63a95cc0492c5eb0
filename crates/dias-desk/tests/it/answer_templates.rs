//! Textbausteine: who keeps them, create/edit/delete, validation, CSRF.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_desk::answer_templates;

use crate::helpers::app;
use crate::support::TestApp;

/// Every form action of `src/routes/answer_templates.rs` (`{id}`: a template).
const POST_ROUTES: [&str; 3] = [
    "/anfragen/verwaltung/textbausteine",
    "/anfragen/verwaltung/textbausteine/{id}",
    "/anfragen/verwaltung/textbausteine/{id}/loeschen",
];

async fn one(app: &TestApp) -> i64 {
    let draft = answer_templates::check("Dank", "", "Vielen Dank für Ihre Anfrage.").unwrap();
    answer_templates::create(&app.db, &draft, None, 0)
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn only_staff_and_admins_keep_answer_templates() {
    let app = app().await;
    let id = one(&app).await;
    let pages = [
        "/anfragen/verwaltung/textbausteine".to_owned(),
        "/anfragen/verwaltung/textbausteine/neu".to_owned(),
        format!("/anfragen/verwaltung/textbausteine/{id}"),
    ];
    let forms: Vec<String> = POST_ROUTES
        .iter()
        .map(|r| r.replace("{id}", &id.to_string()))
        .collect();
    let fields = [("titel", "Neu"), ("text", "Text")];
    for page in &pages {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{page}");
        assert!(r.location().starts_with("/konto/anmelden"));
    }
    for form in &forms {
        let r = app.post(form, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{form}");
        assert!(r.location().starts_with("/konto/anmelden"));
    }
    for role in [Role::Participant, Role::Moderator, Role::Municipality] {
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
    assert_eq!(answer_templates::list(&app.db).await.unwrap().len(), 1);
    for role in [Role::Staff, Role::Admin] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for page in &pages {
            let r = app.get(page).await;
            assert_eq!(r.status, StatusCode::OK, "{role:?} {page}");
            assert!(!r.text("main").contains("desk-staff-"), "{page}");
        }
    }
    assert_eq!(
        app.get("/anfragen/verwaltung/textbausteine/999999")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn every_form_action_of_the_templates_needs_a_csrf_token() {
    let app = app().await;
    let source = include_str!("../../src/routes/answer_templates.rs");
    assert_eq!(source.matches("post(").count(), POST_ROUTES.len());
    let id = one(&app).await;
    app.sign_in_as(Role::Staff).await;
    for route in POST_ROUTES {
        let r = app
            .post_raw(
                &route.replace("{id}", &id.to_string()),
                &[("titel", "Neu"), ("text", "Text")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{route}");
    }
    let all = answer_templates::list(&app.db).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].title, "Dank");
}

#[tokio::test]
async fn staff_create_edit_and_delete_templates() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let r = app
        .post(
            "/anfragen/verwaltung/textbausteine",
            &[("titel", "  "), ("thema", "wetter"), ("text", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary li"), 3);
    assert!(answer_templates::list(&app.db).await.unwrap().is_empty());
    let r = app
        .post(
            "/anfragen/verwaltung/textbausteine",
            &[
                ("titel", "Gigabit-Förderung"),
                ("thema", "breitband"),
                ("text", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr("#titel", "value").as_deref(),
        Some("Gigabit-Förderung"),
        "input kept"
    );
    let r = app
        .post(
            "/anfragen/verwaltung/textbausteine",
            &[
                ("titel", "Gigabit-Förderung"),
                ("thema", "breitband"),
                ("text", "Zur Gigabit-Richtlinie des Bundes …"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location(),
        "/anfragen/verwaltung/textbausteine?hinweis=desk-staff-template-created"
    );
    let all = answer_templates::list(&app.db).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].topic.as_deref(), Some("breitband"));
    assert_eq!(all[0].created_by, Some(me));
    let id = all[0].id;
    let r = app.get(r.location()).await;
    assert_eq!(r.text(".flash--success"), "Der Textbaustein ist angelegt.");
    assert!(r.text(&format!("#textbaustein-{id}")).contains("Breitband"));

    let r = app
        .get(&format!("/anfragen/verwaltung/textbausteine/{id}"))
        .await;
    assert_eq!(
        r.attr("#titel", "value").as_deref(),
        Some("Gigabit-Förderung")
    );
    let r = app
        .post(
            &format!("/anfragen/verwaltung/textbausteine/{id}"),
            &[
                ("titel", "Gigabit"),
                ("thema", ""),
                ("text", "Für alle Themen"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let saved = answer_templates::by_id(&app.db, id).await.unwrap().unwrap();
    assert_eq!(
        (saved.title.as_str(), saved.topic, saved.body.as_str()),
        ("Gigabit", None, "Für alle Themen")
    );
    let r = app
        .post(
            &format!("/anfragen/verwaltung/textbausteine/{id}/loeschen"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(answer_templates::list(&app.db).await.unwrap().is_empty());
    // Deleting again is harmless; editing a deleted one is 404.
    let r = app
        .post(
            &format!("/anfragen/verwaltung/textbausteine/{id}/loeschen"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post(
            &format!("/anfragen/verwaltung/textbausteine/{id}"),
            &[("titel", "X"), ("text", "Y")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
