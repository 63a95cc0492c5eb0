//! Shared set-up: the app with the network module, registrations through
//! the real form, actors written directly for directory tests.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_network::entities::actor;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::support::TestApp;

pub(crate) async fn app() -> TestApp {
    TestApp::with_modules(vec![dias_network::module()]).await
}

/// A complete registration form; `extra` pairs are appended (checkbox
/// groups repeat their name).
pub(crate) fn form<'a>(name: &'a str, extra: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("name", name),
        ("category", "startup"),
        ("short_description", "Kameras, die Obstbäume prüfen"),
        (
            "description",
            "Wir entwickeln **Bildverarbeitung** für den Obstbau.",
        ),
        ("competences", "bildverarbeitung"),
        ("competences", "deep-learning"),
        ("industries", "umwelt-landwirtschaft"),
        ("offers", "kooperation"),
        ("size_class", "kleinst"),
        ("founding_year", "2021"),
        ("street", "Elbweg 1"),
        ("postcode", "01067"),
        ("city", "Dresden"),
        ("ags8", "14612000"),
        ("lat", ""),
        ("lon", ""),
        ("website", "https://elbtal.example"),
        ("contact_email", "geheim@elbtal.example"),
    ];
    fields.extend_from_slice(extra);
    fields
}

/// Registers an organisation as the signed-in account; returns its slug.
pub(crate) async fn register(app: &TestApp, name: &str) -> String {
    let r = app.post("/netzwerk/registrieren", &form(name, &[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let slug = r
        .location()
        .trim_start_matches("/netzwerk/akteure/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    assert!(!slug.is_empty());
    slug
}

pub(crate) async fn actor_by_slug(app: &TestApp, slug: &str) -> actor::Model {
    actor::Entity::find()
        .filter(actor::Column::Slug.eq(slug))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// Signs in a new staff account and admits the actor.
pub(crate) async fn verify_as_new_staff(app: &TestApp, slug: &str) {
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let a = actor_by_slug(app, slug).await;
    let r = app
        .post(
            &format!("/netzwerk/aufnahme/{}", a.id),
            &[("decision", "aufnehmen"), ("reason", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    app.forget_cookies();
}

/// Writes an actor directly (directory and snapshot tests).
#[expect(clippy::too_many_arguments, reason = "a test row builder")]
pub(crate) async fn insert_actor(
    app: &TestApp,
    name: &str,
    category: &str,
    competences: &[&str],
    industries: &[&str],
    ags8: &str,
    size: &str,
    status: &str,
) -> actor::Model {
    let m = dias_core::reference::cached().municipality(ags8).unwrap();
    let now = dias_core::time::now();
    let a = actor::ActiveModel {
        slug: Set(format!(
            "{}-{}",
            dias_network::domain::slugify(name),
            &dias_core::crypto::random_token()[..6].to_lowercase()
        )),
        name: Set(name.to_owned()),
        category: Set(category.to_owned()),
        short_description: Set(format!("{name} in {}", m.name_short)),
        description_md: Set(format!("{name} arbeitet mit KI.")),
        competences: Set(competences.join(",")),
        industries: Set(industries.join(",")),
        offers: Set(String::new()),
        size_class: Set(size.to_owned()),
        founding_year: Set(None),
        street: Set(String::new()),
        postcode: Set(m.postcode.clone()),
        city: Set(m.name_short.clone()),
        ags8: Set(ags8.to_owned()),
        ags5: Set(m.district_ags5.clone()),
        lat: Set(m.lat),
        lon: Set(m.lon),
        website: Set(String::new()),
        contact_email: Set("x@example.org".to_owned()),
        status: Set(status.to_owned()),
        decline_reason: Set(None),
        verified_at: Set(None),
        verified_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    // As every write of the store does (tests write the table directly).
    bump_actors(app).await;
    a
}

/// Moves the change counter of the actors, as a write through the store does.
pub(crate) async fn bump_actors(app: &TestApp) {
    dias_core::versions::bump(&app.db, dias_network::store::ACTORS_VERSION)
        .await
        .unwrap();
}

/// The session cookie set by a response (for hand-built requests).
pub(crate) fn session_cookie(r: &crate::support::TestResponse) -> String {
    r.headers
        .get_all(axum::http::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("dias_session=") && *pair != "dias_session=")
        .expect("a session cookie")
        .to_owned()
}

/// Signs in `email` and returns the session cookie.
pub(crate) async fn login_cookie(app: &TestApp, email: &str) -> String {
    let r = app.login(email, None).await;
    session_cookie(&r)
}
