//! Contact points: the Redaktion keeps them, visitors see them by topic
//! (with a link to Anfragen only when that module runs), the modules'
//! pages show the box of their topic; the Redaktion's start page counts.

use axum::http::StatusCode;
use dias_content::entities::{contacts, news, pages, publications};
use dias_core::entities::audit_entry;
use dias_core::policy::Role;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::app;
use crate::support::TestApp;

const STAFF: &str = "/redaktion/ansprechpartner";

fn form<'a>(topic: &'a str, name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("topic", topic),
        ("name", name),
        ("person", "Erika Muster (Demo), Referentin"),
        ("email", "Team@Digitalagentur.Example"),
        ("phone", "+49 30 23125 401"),
        ("office_hours", "Dienstag 9–12 Uhr"),
        ("position", "1"),
        ("published", "1"),
    ]
}

async fn only_contact(app: &TestApp) -> contacts::Model {
    let mut all = contacts::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

async fn audited(app: &TestApp, action: &str, id: i64) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .filter(audit_entry::Column::TargetId.eq(id.to_string()))
        .count(&app.db)
        .await
        .unwrap()
}

async fn insert_contact(app: &TestApp, topic: &str, name: &str, published: bool) -> i64 {
    let now = dias_core::time::now();
    let id = contacts::ActiveModel {
        topic: Set(topic.to_owned()),
        name: Set(name.to_owned()),
        person: Set(None),
        email: Set(Some(format!("{topic}@digitalagentur.example"))),
        phone: Set(Some("(030) 23125 400".to_owned())),
        office_hours: Set(Some("Mo–Fr 9–12 Uhr".to_owned())),
        position: Set(0),
        published: Set(published),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id;
    dias_content::site::invalidate();
    id
}

#[tokio::test]
async fn staff_create_edit_hide_and_delete_contact_points() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let list = app.get(STAFF).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(list.count("#content-contacts"), 0);

    // Invalid: every error at its field and in the summary, input kept.
    let bad = app
        .post(
            "/redaktion/ansprechpartner/neu",
            &[
                ("topic", "wetter"),
                ("name", "Team Breitband"),
                ("email", "kein-at"),
                ("phone", "0351 abc"),
                ("position", "x"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.count(".error-summary li"), 4);
    for field in ["topic", "email", "phone", "position"] {
        assert_eq!(bad.count(&format!("#{field}-error")), 1, "{field}");
    }
    assert_eq!(
        bad.attr("#name", "value").as_deref(),
        Some("Team Breitband")
    );
    assert_eq!(bad.attr("#email", "value").as_deref(), Some("kein-at"));
    assert_eq!(contacts::Entity::find().count(&app.db).await.unwrap(), 0);

    // Neither address nor phone.
    let unreachable = app
        .post(
            "/redaktion/ansprechpartner/neu",
            &[("topic", "ki"), ("name", "KI-Netzwerk")],
        )
        .await;
    assert_eq!(unreachable.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unreachable.text("#email-error").contains("Telefonnummer"));

    let created = app
        .post(
            "/redaktion/ansprechpartner/neu",
            &form("breitband", "Breitbandberatung"),
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    assert_eq!(
        created.location(),
        "/redaktion/ansprechpartner?hinweis=content-contact-created"
    );
    let c = only_contact(&app).await;
    assert_eq!(c.topic, "breitband");
    assert_eq!(c.email.as_deref(), Some("team@digitalagentur.example"));
    assert_eq!(c.office_hours.as_deref(), Some("Dienstag 9–12 Uhr"));
    assert!(c.published);
    assert_eq!(audited(&app, "content.contact.create", c.id).await, 1);
    let listed = app.get(created.location()).await;
    assert!(listed.text(".flash").contains("angelegt"));
    assert!(
        listed
            .text(&format!("#kontakt-{}", c.id))
            .contains("Breitbandberatung")
    );
    // The shell shows the change at once (no stale snapshot).
    assert!(
        app.get("/ansprechpartner")
            .await
            .text("main")
            .contains("Breitbandberatung")
    );

    let edit_path = format!("/redaktion/ansprechpartner/{}/bearbeiten", c.id);
    let edit_form = app.get(&edit_path).await;
    assert_eq!(edit_form.status, StatusCode::OK);
    assert_eq!(
        edit_form.attr("#name", "value").as_deref(),
        Some("Breitbandberatung")
    );
    assert_eq!(
        edit_form
            .attr("#topic option[selected]", "value")
            .as_deref(),
        Some("breitband")
    );
    assert_eq!(
        edit_form.attr("input[name=revision]", "value").as_deref(),
        Some("1")
    );
    let mut fields = form("foerderung", "Förderlotse");
    fields.push(("revision", "1"));
    let saved = app.post(&edit_path, &fields).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let c = only_contact(&app).await;
    assert_eq!(
        (c.topic.as_str(), c.name.as_str(), c.revision),
        ("foerderung", "Förderlotse", 2)
    );
    assert_eq!(audited(&app, "content.contact.update", c.id).await, 1);

    // A second editor still holding revision 1 gets 409 with the typed
    // text kept, and nothing is overwritten.
    let mut stale = form("ki", "Veralteter Stand");
    stale.push(("revision", "1"));
    let conflict = app.post(&edit_path, &stale).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    assert_eq!(conflict.count("#content-contact-conflict"), 1);
    assert_eq!(
        conflict.attr("#name", "value").as_deref(),
        Some("Veralteter Stand")
    );
    assert_eq!(
        conflict.attr("input[name=revision]", "value").as_deref(),
        Some("2"),
        "saving again overwrites on purpose"
    );
    let c = only_contact(&app).await;
    assert_eq!((c.name.as_str(), c.revision), ("Förderlotse", 2));

    let hide = app
        .post(
            &format!("/redaktion/ansprechpartner/{}/sichtbarkeit", c.id),
            &[("veroeffentlicht", "0")],
        )
        .await;
    assert_eq!(hide.status, StatusCode::SEE_OTHER);
    assert!(!only_contact(&app).await.published);
    assert_eq!(audited(&app, "content.contact.withdraw", c.id).await, 1);
    let public = app.get("/ansprechpartner").await;
    assert!(!public.text("main").contains("Förderlotse"));
    assert_eq!(public.count("#content-contacts-empty"), 1);
    app.post(
        &format!("/redaktion/ansprechpartner/{}/sichtbarkeit", c.id),
        &[("veroeffentlicht", "1")],
    )
    .await;
    assert!(only_contact(&app).await.published);

    let gone = app
        .post(
            &format!("/redaktion/ansprechpartner/{}/loeschen", c.id),
            &[],
        )
        .await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);
    assert_eq!(contacts::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(audited(&app, "content.contact.delete", c.id).await, 1);
    let audit = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("content.contact.delete"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(audit.actor_id, Some(me));
    // Gone means 404 for every page of it.
    assert_eq!(app.get(&edit_path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.post(
            &format!("/redaktion/ansprechpartner/{}/loeschen", c.id),
            &[]
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/redaktion/ansprechpartner/abc/bearbeiten")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_public_list_groups_by_topic_with_links_to_write_call_and_ask() {
    let app = TestApp::with_modules(vec![dias_content::module(), dias_desk::module()]).await;
    insert_contact(&app, "ki", "KI-Netzwerk Sachsen", true).await;
    insert_contact(&app, "breitband", "Breitbandberatung", true).await;
    insert_contact(&app, "breitband", "Ausgeblendetes Team", false).await;
    insert_contact(&app, "agentur", "Zentrale Anlaufstelle", true).await;
    let page = app.get("/ansprechpartner").await;
    assert_eq!(page.status, StatusCode::OK);
    // Topics in vocabulary order, each a heading over its contact points.
    assert_eq!(
        page.texts(".contact-topic h2"),
        ["Breitband", "Künstliche Intelligenz", "Digitalagentur"]
    );
    assert_eq!(page.texts("#thema-breitband h3"), ["Breitbandberatung"]);
    assert!(!page.text("main").contains("Ausgeblendetes Team"));
    assert_eq!(
        page.attr("#thema-ki a[href^='mailto:']", "href").as_deref(),
        Some("mailto:ki@digitalagentur.example")
    );
    assert_eq!(
        page.attr("#thema-ki a[href^='tel:']", "href").as_deref(),
        Some("tel:03023125400")
    );
    assert!(page.text("#thema-ki dl").contains("Mo–Fr 9–12 Uhr"));
    // The Anfragen form with the topic chosen.
    assert_eq!(
        page.attr("#thema-breitband .content-contact-inquiry", "href")
            .as_deref(),
        Some("/anfragen/neu?thema=breitband")
    );
    assert_eq!(
        page.attr("#thema-agentur .content-contact-inquiry", "href")
            .as_deref(),
        Some("/anfragen/neu?thema=sonstiges")
    );
    let form = app.get("/anfragen/neu?thema=breitband").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(
        form.attr("#topic option[selected]", "value").as_deref(),
        Some("breitband")
    );

    // In English (kept in the session: signed in as a participant): the
    // labels and the topic names, the contact data as typed.
    app.sign_in_as(Role::Participant).await;
    app.post(
        "/sprache",
        &[("lang", "en"), ("zurueck", "/ansprechpartner")],
    )
    .await;
    let english = app.get("/ansprechpartner").await;
    assert_eq!(english.text("h1"), "Contacts");
    assert_eq!(english.texts(".contact-topic h2")[0], "Broadband");
    assert_eq!(
        english.text("#thema-breitband .content-contact-inquiry"),
        "Send an inquiry about Broadband"
    );
    assert!(english.text("#thema-ki dl").contains("Office hours"));

    // Without the Anfragen module there is nothing to link to.
    let alone = crate::helpers::app().await;
    insert_contact(&alone, "ki", "KI-Netzwerk Sachsen", true).await;
    let page = alone.get("/ansprechpartner").await;
    assert_eq!(page.texts("#thema-ki h3"), ["KI-Netzwerk Sachsen"]);
    assert_eq!(page.count(".content-contact-inquiry"), 0);
    assert_eq!(page.count("a[href^='/anfragen']"), 0);
}

#[tokio::test]
async fn a_module_page_shows_the_contacts_of_its_topic_only_when_there_are_some() {
    let app =
        TestApp::with_modules(vec![dias_content::module(), dias_participation::module()]).await;
    let before = app.get("/beteiligung").await;
    assert_eq!(before.status, StatusCode::OK);
    assert_eq!(before.count("aside.contacts-box"), 0);
    // Another topic's and a hidden contact point do not show.
    insert_contact(&app, "ki", "KI-Netzwerk Sachsen", true).await;
    insert_contact(&app, "digitalstrategie", "Verborgen", false).await;
    assert_eq!(app.get("/beteiligung").await.count("aside.contacts-box"), 0);

    app.sign_in_as(Role::Staff).await;
    let created = app
        .post(
            "/redaktion/ansprechpartner/neu",
            &form("digitalstrategie", "Digitalstrategie und Beteiligung"),
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    app.forget_cookies();
    let after = app.get("/beteiligung").await;
    assert_eq!(after.count("aside.contacts-box"), 1);
    assert_eq!(after.text("aside.contacts-box h2"), "Ihre Ansprechpartner");
    assert_eq!(
        after.texts("aside.contacts-box h3"),
        ["Digitalstrategie und Beteiligung"]
    );
    assert_eq!(
        after
            .attr("aside.contacts-box a[href^='tel:']", "href")
            .as_deref(),
        Some("tel:+493023125401")
    );
    assert_eq!(
        after
            .attr("aside.contacts-box a[href^='mailto:']", "href")
            .as_deref(),
        Some("mailto:team@digitalagentur.example")
    );
    assert!(
        after
            .text("aside.contacts-box")
            .contains("Dienstag 9–12 Uhr")
    );
    assert_eq!(
        after
            .attr("aside.contacts-box a[href^='/ansprechpartner']", "href")
            .as_deref(),
        Some("/ansprechpartner#thema-digitalstrategie")
    );

    // The module alone (no content module): no box, no error.
    let alone = TestApp::with_modules(vec![dias_participation::module()]).await;
    let page = alone.get("/beteiligung").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.count("aside.contacts-box"), 0);
}

async fn item(app: &TestApp, kind: &str, title: &str, status: &str, publish_at: Option<i64>) {
    let now = dias_core::time::now();
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    match kind {
        "page" => {
            pages::ActiveModel {
                parent_id: Set(None),
                slug: Set(slug.clone()),
                path: Set(format!("/{slug}")),
                title_de: Set(title.to_owned()),
                title_en: Set(None),
                body_de: Set("Text".to_owned()),
                body_en: Set(None),
                summary: Set(None),
                menu: Set("none".to_owned()),
                audience: Set(None),
                position: Set(0),
                status: Set(status.to_owned()),
                publish_at: Set(publish_at),
                system: Set(false),
                announced: Set(false),
                revision: Set(1),
                created_by: Set(None),
                updated_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        "news" => {
            news::ActiveModel {
                slug: Set(slug),
                title: Set(title.to_owned()),
                teaser: Set("Teaser".to_owned()),
                body: Set("Text".to_owned()),
                lang: Set("de".to_owned()),
                image_id: Set(None),
                topics: Set(String::new()),
                author_id: Set(None),
                byline: Set(None),
                status: Set(status.to_owned()),
                publish_at: Set(publish_at),
                announced: Set(false),
                revision: Set(1),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        _ => {
            publications::ActiveModel {
                slug: Set(slug),
                title: Set(title.to_owned()),
                authors: Set("Digitalagentur Sachsen".to_owned()),
                year: Set(2026),
                kind: Set("studie".to_owned()),
                topics: Set(String::new()),
                abstract_text: Set("Abstract".to_owned()),
                summary: Set("Zusammenfassung".to_owned()),
                licence: Set("cc-by-4.0".to_owned()),
                lang: Set("de".to_owned()),
                status: Set(status.to_owned()),
                publish_at: Set(publish_at),
                announced: Set(false),
                revision: Set(1),
                created_by: Set(None),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
    }
}

/// (total, details) of a dashboard section.
fn section(page: &crate::support::TestResponse, id: &str) -> (String, Vec<String>) {
    (
        page.text(&format!("#{id} .content-ed-total")),
        page.texts(&format!("#{id} dd")),
    )
}

#[tokio::test]
async fn the_editorial_dashboard_counts_and_lists_scheduled_items_and_drafts() {
    let app = app().await;
    let now = dias_core::time::now();
    app.sign_in_as(Role::Staff).await;
    let empty = app.get("/redaktion").await;
    assert_eq!(empty.status, StatusCode::OK);
    // The five legal pages of the migration are live pages.
    assert_eq!(
        section(&empty, "content-ed-pages"),
        (
            "5".to_owned(),
            vec!["5".to_owned(), "0".to_owned(), "0".to_owned()]
        )
    );
    assert_eq!(empty.count("#content-ed-scheduled-empty"), 1);
    assert_eq!(empty.count("#content-ed-drafts-empty"), 1);
    for (href, id) in [
        ("/redaktion/seiten", "content-ed-pages"),
        ("/redaktion/aktuelles", "content-ed-news"),
        ("/redaktion/publikationen", "content-ed-publications"),
        ("/redaktion/medien", "content-ed-media"),
        ("/redaktion/ansprechpartner", "content-ed-contacts"),
        ("/redaktion/newsletter", "content-ed-newsletter"),
    ] {
        assert_eq!(
            empty.attr(&format!("#{id} h2 a"), "href").as_deref(),
            Some(href)
        );
    }

    item(&app, "page", "Seitenentwurf", "draft", None).await;
    item(
        &app,
        "page",
        "Geplante Seite",
        "published",
        Some(now + 2 * 86_400),
    )
    .await;
    item(&app, "news", "Meldung live", "published", Some(now - 60)).await;
    item(
        &app,
        "news",
        "Meldung geplant",
        "published",
        Some(now + 86_400),
    )
    .await;
    item(&app, "news", "Meldungsentwurf", "draft", Some(now + 86_400)).await;
    item(&app, "publication", "Studienentwurf", "draft", None).await;
    insert_contact(&app, "ki", "KI", true).await;
    insert_contact(&app, "ki", "KI alt", false).await;
    // Both requests read the shell's snapshot afresh.
    dias_content::site::invalidate();
    let (queries, page) = app.count_queries(app.get("/redaktion")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        section(&page, "content-ed-pages"),
        (
            "7".to_owned(),
            vec!["5".to_owned(), "1".to_owned(), "1".to_owned()]
        )
    );
    assert_eq!(
        section(&page, "content-ed-news"),
        (
            "3".to_owned(),
            vec!["1".to_owned(), "1".to_owned(), "1".to_owned()]
        )
    );
    assert_eq!(
        section(&page, "content-ed-publications"),
        (
            "1".to_owned(),
            vec!["0".to_owned(), "0".to_owned(), "1".to_owned()]
        )
    );
    assert_eq!(
        section(&page, "content-ed-contacts"),
        ("2".to_owned(), vec!["1".to_owned(), "1".to_owned()])
    );
    // Scheduled: soonest first, with kind and time; drafts: all three kinds.
    assert_eq!(
        page.texts("#content-ed-scheduled tbody th"),
        ["Meldung geplant", "Geplante Seite"]
    );
    assert_eq!(
        page.texts("#content-ed-scheduled tbody td:nth-of-type(1)"),
        ["Meldung", "Seite"]
    );
    let mut drafts = page.texts("#content-ed-drafts tbody th");
    drafts.sort();
    assert_eq!(
        drafts,
        ["Meldungsentwurf", "Seitenentwurf", "Studienentwurf"]
    );

    // Every listed item links to its staff page.
    let links: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse("#content-ed-scheduled a, #content-ed-drafts a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(links.len(), 5);
    assert!(links.iter().any(|l| l.starts_with("/redaktion/seiten/")));
    for link in &links {
        assert_eq!(app.get(link).await.status, StatusCode::OK, "{link}");
    }

    // More rows, same number of statements: nothing is read per row.
    for i in 0..12 {
        item(
            &app,
            "news",
            &format!("Weiterer Entwurf {i}"),
            "draft",
            None,
        )
        .await;
        item(
            &app,
            "publication",
            &format!("Geplant {i}"),
            "published",
            Some(now + 3_600 + i),
        )
        .await;
    }
    dias_content::site::invalidate();
    let (more, page) = app.count_queries(app.get("/redaktion")).await;
    assert_eq!(more, queries);
    assert_eq!(page.count("#content-ed-drafts tbody tr"), 10);
    assert_eq!(page.count("#content-ed-scheduled tbody tr"), 10);
}

/// Every staff route with its method; `{id}` is an existing contact point.
const STAFF_ROUTES: [(&str, &str); 7] = [
    ("GET", "/redaktion"),
    ("GET", "/redaktion/ansprechpartner"),
    ("GET", "/redaktion/ansprechpartner/neu"),
    ("GET", "/redaktion/ansprechpartner/{id}/bearbeiten"),
    ("POST", "/redaktion/ansprechpartner/{id}/bearbeiten"),
    ("POST", "/redaktion/ansprechpartner/{id}/sichtbarkeit"),
    ("POST", "/redaktion/ansprechpartner/{id}/loeschen"),
];

#[tokio::test]
async fn only_staff_and_admins_reach_the_editorial_and_contact_pages() {
    let app = app().await;
    let id = insert_contact(&app, "ki", "KI-Netzwerk", true).await;
    let fields = [
        ("topic", "ki"),
        ("name", "Geändert"),
        ("email", "a@b.example"),
        ("veroeffentlicht", "0"),
    ];
    let path = |p: &str| p.replace("{id}", &id.to_string());
    // Visitors are sent to sign in, for pages and forms alike.
    for (method, route) in STAFF_ROUTES
        .iter()
        .chain(&[("POST", "/redaktion/ansprechpartner/neu")])
    {
        let r = if *method == "GET" {
            app.get(&path(route)).await
        } else {
            app.post(&path(route), &fields).await
        };
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{route}");
        assert!(r.location().starts_with("/konto/anmelden"), "{route}");
    }
    for role in [
        Role::Participant,
        Role::Moderator,
        Role::Municipality,
        Role::Representative,
        Role::Operator,
    ] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for (method, route) in STAFF_ROUTES
            .iter()
            .chain(&[("POST", "/redaktion/ansprechpartner/neu")])
        {
            let r = if *method == "GET" {
                app.get(&path(route)).await
            } else {
                app.post(&path(route), &fields).await
            };
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?} {route}");
        }
    }
    let c = contacts::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((c.name.as_str(), c.published), ("KI-Netzwerk", true));
    // The public page needs no account.
    app.forget_cookies();
    assert_eq!(app.get("/ansprechpartner").await.status, StatusCode::OK);
    for role in [Role::Staff, Role::Admin] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for (method, route) in STAFF_ROUTES {
            if method == "GET" {
                assert_eq!(
                    app.get(&path(route)).await.status,
                    StatusCode::OK,
                    "{role:?} {route}"
                );
            }
        }
    }
}

#[tokio::test]
async fn every_form_of_the_contact_pages_needs_a_csrf_token() {
    let app = app().await;
    let id = insert_contact(&app, "ki", "KI-Netzwerk", true).await;
    app.sign_in_as(Role::Staff).await;
    let source = include_str!("../../src/routes/contacts.rs");
    // The routes below are all the POST routes of the file.
    assert_eq!(source.matches("post(").count(), 4);
    for route in [
        "/redaktion/ansprechpartner/neu",
        "/redaktion/ansprechpartner/{id}/bearbeiten",
        "/redaktion/ansprechpartner/{id}/sichtbarkeit",
        "/redaktion/ansprechpartner/{id}/loeschen",
    ] {
        let r = app
            .post_raw(
                &route.replace("{id}", &id.to_string()),
                &[
                    ("topic", "breitband"),
                    ("name", "Neu"),
                    ("email", "a@b.example"),
                    ("veroeffentlicht", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{route}");
    }
    let all = contacts::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].name.as_str(), all[0].published),
        ("KI-Netzwerk", true)
    );
    // Every form on the staff pages carries the token.
    for page in [
        "/redaktion/ansprechpartner".to_owned(),
        "/redaktion/ansprechpartner/neu".to_owned(),
        format!("/redaktion/ansprechpartner/{id}/bearbeiten"),
    ] {
        let r = app.get(&page).await;
        assert_eq!(
            r.count("main form[method=post]"),
            r.count("main form[method=post] input[name=_csrf]"),
            "{page}"
        );
        assert!(r.count("main form[method=post]") > 0, "{page}");
    }
}
