//! Kooperationsgesuche: publication, announcement to opted-in
//! representatives, deadlines, refusals and CSRF.

use axum::http::StatusCode;
use dias_core::entities::notification;
use dias_core::policy::Role;
use dias_network::domain::VERIFIED;
use dias_network::entities::{actor, actor_representative, partner_request};
use dias_search::SearchSource;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::{app, insert_actor};
use crate::support::TestApp;

const DRESDEN: &str = "14612000";
const LEIPZIG: &str = "14713000";

async fn represent(app: &TestApp, actor: &actor::Model, user_id: i64, opt_in: bool) {
    actor_representative::ActiveModel {
        actor_id: Set(actor.id),
        user_id: Set(user_id),
        partner_requests_opt_in: Set(opt_in),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

async fn user(app: &TestApp, name: &str) -> i64 {
    app.create_user(&format!("{name}@example.org"), Role::Participant)
        .await
        .0
}

fn deadline_in(days: i64) -> String {
    dias_core::time::date_input_value(dias_core::time::now() + days * 86_400)
}

fn request_form<'a>(actor: &'a str, deadline: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("actor", actor),
        ("title", "Partner für Kameras im Obstbau"),
        (
            "body",
            "Wir suchen eine Gruppe mit Erfahrung in **Bildverarbeitung**.",
        ),
        ("competences", "bildverarbeitung"),
        ("industries", "umwelt-landwirtschaft"),
        ("deadline", deadline),
    ]
}

async fn notified_users(app: &TestApp) -> Vec<i64> {
    let mut ids: Vec<i64> = notification::Entity::find()
        .filter(notification::Column::Kind.eq("matching-notif-request"))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.user_id)
        .collect();
    ids.sort_unstable();
    ids
}

#[tokio::test]
async fn a_request_notifies_exactly_the_opted_in_representatives_of_matching_actors() {
    let app = app().await;
    let requester = insert_actor(
        &app,
        "Obsthof Kamera",
        "startup",
        &["robotik"],
        &["umwelt-landwirtschaft"],
        DRESDEN,
        "kleinst",
        VERIFIED,
    )
    .await;
    let matching = insert_actor(
        &app,
        "Bildlabor Agrar",
        "hochschule",
        &["bildverarbeitung"],
        &["umwelt-landwirtschaft"],
        LEIPZIG,
        "mittel",
        VERIFIED,
    )
    .await;
    let also = insert_actor(
        &app,
        "Sehende Maschinen",
        "unternehmen",
        &["bildverarbeitung"],
        &["produktion"],
        LEIPZIG,
        "klein",
        VERIFIED,
    )
    .await;
    let unrelated = insert_actor(
        &app,
        "Amtstexte",
        "oeffentlich",
        &["nlp"],
        &["verwaltung"],
        LEIPZIG,
        "klein",
        VERIFIED,
    )
    .await;
    let pending = insert_actor(
        &app,
        "Wartet Noch",
        "startup",
        &["bildverarbeitung"],
        &["umwelt-landwirtschaft"],
        LEIPZIG,
        "klein",
        "pending",
    )
    .await;

    let poster = app.sign_in_as(Role::Participant).await;
    represent(&app, &requester, poster, true).await;
    let colleague = user(&app, "kollegin").await;
    represent(&app, &requester, colleague, true).await;
    let wants = user(&app, "will-gesuche").await;
    represent(&app, &matching, wants, true).await;
    let quiet = user(&app, "keine-gesuche").await;
    represent(&app, &matching, quiet, false).await;
    // Represents a matching actor and the requester: never told.
    represent(&app, &also, colleague, true).await;
    let also_rep = user(&app, "auch-passend").await;
    represent(&app, &also, also_rep, true).await;
    let other = user(&app, "unpassend").await;
    represent(&app, &unrelated, other, true).await;
    let waiting = user(&app, "ungeprueft").await;
    represent(&app, &pending, waiting, true).await;

    let deadline = deadline_in(14);
    let r = app
        .post(
            "/netzwerk/kooperationsgesuche/neu",
            &request_form(&requester.slug, &deadline),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = partner_request::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        r.location()
            .starts_with(&format!("/netzwerk/kooperationsgesuche/{}", stored.id))
    );
    let mut expected = vec![wants, also_rep];
    expected.sort_unstable();
    assert_eq!(notified_users(&app).await, expected);
    assert_eq!(stored.notified_count, 2);
    assert_eq!(stored.author_id, Some(poster));
    let n = notification::Entity::find()
        .filter(notification::Column::UserId.eq(wants))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        n.link,
        format!("/netzwerk/kooperationsgesuche/{}", stored.id)
    );

    let page = app.get(r.location()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Ihr Kooperationsgesuch ist veröffentlicht.")
    );
    assert_eq!(page.text("h1"), "Partner für Kameras im Obstbau");
    assert!(page.body.contains("<strong>Bildverarbeitung</strong>"));
    let list = app.get("/netzwerk/kooperationsgesuche").await;
    assert!(list.body.contains("Partner für Kameras im Obstbau"));
    // A search document for it.
    let doc = dias_network::requests::RequestSource
        .one(&app.db, &stored.id.to_string())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(doc.title, "Partner für Kameras im Obstbau");
    assert!(doc.body.contains("Obsthof Kamera"));
}

#[tokio::test]
async fn requests_close_at_their_deadline() {
    let app = app().await;
    let a = insert_actor(
        &app,
        "Früher Sucher",
        "startup",
        &["nlp"],
        &[],
        DRESDEN,
        "klein",
        VERIFIED,
    )
    .await;
    let now = dias_core::time::now();
    let mut ids = Vec::new();
    for (title, deadline) in [("Noch offen", now + 3_600), ("Schon vorbei", now - 1)] {
        let r = partner_request::ActiveModel {
            actor_id: Set(a.id),
            author_id: Set(None),
            title: Set(title.into()),
            body_md: Set("Text".into()),
            competences: Set("nlp".into()),
            industries: Set(String::new()),
            deadline: Set(deadline),
            notified_count: Set(0),
            created_at: Set(now - 86_400),
            updated_at: Set(now - 86_400),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        ids.push(r.id);
    }
    let list = app.get("/netzwerk/kooperationsgesuche").await;
    let open = list.texts("#open-heading ~ ol .card__title");
    assert_eq!(open, vec!["Noch offen".to_owned()]);
    assert!(list.text("#closed-heading ~ ul").contains("Schon vorbei"));
    let closed = app
        .get(&format!("/netzwerk/kooperationsgesuche/{}", ids[1]))
        .await;
    assert_eq!(closed.status, StatusCode::OK);
    assert!(closed.body.contains("Dieses Gesuch ist beendet"));
    assert!(!closed.body.contains("Auf das Gesuch antworten"));
    assert_eq!(
        app.get("/netzwerk/kooperationsgesuche/999999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn invalid_or_foreign_requests_are_refused_and_nothing_is_stored() {
    let app = app().await;
    let mine = insert_actor(
        &app,
        "Mein Akteur",
        "startup",
        &["nlp"],
        &[],
        DRESDEN,
        "klein",
        VERIFIED,
    )
    .await;
    let foreign = insert_actor(
        &app,
        "Fremder Akteur",
        "startup",
        &["nlp"],
        &[],
        DRESDEN,
        "klein",
        VERIFIED,
    )
    .await;
    // Visitors are sent to sign in.
    let r = app.get("/netzwerk/kooperationsgesuche/neu").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let me = app.sign_in_as(Role::Participant).await;
    // Without a represented actor there is no form.
    assert_eq!(
        app.get("/netzwerk/kooperationsgesuche/neu").await.status,
        StatusCode::FORBIDDEN
    );
    // … and no action either: refused before the input is validated.
    let deadline = deadline_in(7);
    for actor in ["", foreign.slug.as_str()] {
        let r = app
            .post(
                "/netzwerk/kooperationsgesuche/neu",
                &request_form(actor, &deadline),
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "actor {actor:?}");
    }
    represent(&app, &mine, me, false).await;
    let profile = app.get(&format!("/netzwerk/akteure/{}", mine.slug)).await;
    assert!(profile.body.contains(&format!(
        "/netzwerk/kooperationsgesuche/neu?akteur={}",
        mine.slug
    )));
    let form = app
        .get(&format!(
            "/netzwerk/kooperationsgesuche/neu?akteur={}",
            mine.slug
        ))
        .await;
    assert_eq!(
        form.attr("#actor option[selected]", "value").as_deref(),
        Some(mine.slug.as_str())
    );
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("Mein Akteur") && !form.body.contains("Fremder Akteur"));
    let r = app
        .post(
            "/netzwerk/kooperationsgesuche/neu",
            &request_form(&foreign.slug, &deadline),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let past = deadline_in(-3);
    let mut bad = request_form(&mine.slug, &past);
    bad.retain(|(k, _)| *k != "competences");
    let r = app.post("/netzwerk/kooperationsgesuche/neu", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Partner für Kameras im Obstbau")
    );
    assert!(r.text("#body").contains("**Bildverarbeitung**"));
    assert_eq!(
        r.attr("#industry-umwelt-landwirtschaft", "checked")
            .as_deref(),
        Some("")
    );
    assert!(r.body.contains("höchstens ein Jahr"));
    assert_eq!(
        partner_request::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn every_request_form_action_needs_the_csrf_token() {
    let app = app().await;
    let source = include_str!("../../src/routes/requests.rs");
    let routes = ["/netzwerk/kooperationsgesuche/neu"];
    assert_eq!(source.matches("post(").count(), routes.len());
    app.sign_in_as(Role::Participant).await;
    for path in routes {
        let r = app.post_raw(path, &[("title", "Ohne Token")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(
        partner_request::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn request_list_and_page_cost_constant_queries() {
    let app = app().await;
    let a = insert_actor(
        &app,
        "Viele Gesuche",
        "startup",
        &["nlp"],
        &["verwaltung"],
        DRESDEN,
        "klein",
        VERIFIED,
    )
    .await;
    insert_actor(
        &app,
        "Passt Dazu",
        "hochschule",
        &["nlp"],
        &["verwaltung"],
        LEIPZIG,
        "klein",
        VERIFIED,
    )
    .await;
    let now = dias_core::time::now();
    let add = |n: usize| {
        let app = &app;
        let a = a.clone();
        async move {
            let mut last = 0;
            for i in 0..n {
                last = partner_request::ActiveModel {
                    actor_id: Set(a.id),
                    author_id: Set(None),
                    title: Set(format!("Gesuch {i}")),
                    body_md: Set("Sprachmodelle für Ämter".into()),
                    competences: Set("nlp".into()),
                    industries: Set("verwaltung".into()),
                    deadline: Set(now + 86_400 + i as i64),
                    notified_count: Set(0),
                    created_at: Set(now - 60),
                    updated_at: Set(now - 60),
                    ..Default::default()
                }
                .insert(&app.db)
                .await
                .unwrap()
                .id;
            }
            last
        }
    };
    let id = add(2).await;
    let page = format!("/netzwerk/kooperationsgesuche/{id}");
    app.get("/netzwerk/kooperationsgesuche").await;
    app.get(&page).await;
    let (list_small, _) = app
        .count_queries(app.get("/netzwerk/kooperationsgesuche"))
        .await;
    let (page_small, r) = app.count_queries(app.get(&page)).await;
    assert!(
        r.body.contains("Passt Dazu"),
        "the request page suggests matching actors"
    );
    add(12).await;
    let (list_large, r) = app
        .count_queries(app.get("/netzwerk/kooperationsgesuche"))
        .await;
    assert_eq!(r.count("#open-heading ~ ol .card"), 14);
    let (page_large, _) = app.count_queries(app.get(&page)).await;
    assert_eq!(list_small, list_large);
    assert_eq!(page_small, page_large);
}

#[tokio::test]
async fn renaming_an_actor_reindexes_its_requests_which_are_found_by_the_new_name() {
    let app = app().await;
    let a = insert_actor(
        &app,
        "Obsthof Kamera",
        "startup",
        &["bildverarbeitung"],
        &["umwelt-landwirtschaft"],
        DRESDEN,
        "kleinst",
        VERIFIED,
    )
    .await;
    let poster = app.sign_in_as(Role::Participant).await;
    represent(&app, &a, poster, false).await;
    let deadline = deadline_in(14);
    let r = app
        .post(
            "/netzwerk/kooperationsgesuche/neu",
            &request_form(&a.slug, &deadline),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
        .await
        .unwrap();

    let current = actor::Entity::find_by_id(a.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut renamed = dias_network::store::valid_of(&current);
    renamed.name = "Elbtal Obstsensorik".into();
    let who = dias_core::policy::Principal {
        user_id: poster,
        role: Role::Participant,
        display_name: "Test".into(),
        email: "p@example.org".into(),
        locale: "de".into(),
        totp_enabled: false,
    };
    dias_network::store::update(&app.db, &who, &current, &renamed)
        .await
        .unwrap();
    dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
        .await
        .unwrap();
    let found = app.get("/suche?q=Obstsensorik&typ=partner_request").await;
    assert!(
        found.body.contains("Partner für Kameras im Obstbau"),
        "{}",
        found.body
    );
}
