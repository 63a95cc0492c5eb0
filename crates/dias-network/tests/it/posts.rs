//! Posts on the real router: representatives' posts stay invisible until
//! staff approve them, rejections carry a reason to the author, staff
//! publish directly, the Atom feed parses with an independent parser, the
//! list costs the same queries however many posts exist, and every form
//! action needs a CSRF token.

use axum::http::{StatusCode, header};
use dias_core::entities::notification;
use dias_core::policy::Role;
use dias_network::entities::{actor_representative, post};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::{app, insert_actor};
use crate::support::TestApp;

/// A representative of a new verified actor, signed in; (actor, user).
async fn representative(app: &TestApp, name: &str) -> (i64, i64) {
    let a = insert_actor(
        app,
        name,
        "unternehmen",
        &["robotik"],
        &["produktion"],
        "14511000",
        "mittel",
        "verified",
    )
    .await;
    app.forget_cookies();
    let user = app.sign_in_as(Role::Representative).await;
    actor_representative::ActiveModel {
        actor_id: Set(a.id),
        user_id: Set(user),
        partner_requests_opt_in: Set(false),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    (a.id, user)
}

async fn notifications_of(app: &TestApp, user_id: i64, kind: &str) -> Vec<String> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::Kind.eq(kind))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.summary)
        .collect()
}

fn post_form<'a>(actor: &'a str, title: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("actor", actor),
        ("title", title),
        ("teaser", "Greifen lernen mit Kameradaten."),
        (
            "body",
            "## Ergebnis\n\nDie Roboter greifen **sicherer**.<script>alert(1)</script>",
        ),
        ("topics", "robotik"),
    ]
}

/// Writes a post through the form; returns its id.
async fn write(app: &TestApp, actor: &str, title: &str) -> i64 {
    let r = app
        .post("/netzwerk/beitraege/neu", &post_form(actor, title))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location()
        .trim_start_matches("/netzwerk/beitraege/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn a_representatives_post_is_invisible_until_staff_approve_it() {
    let app = app().await;
    let (actor_id, author) = representative(&app, "Erzgebirgische Greiftechnik").await;
    // Invalid input: 422, input kept, nothing stored.
    let actor = actor_id.to_string();
    let r = app
        .post(
            "/netzwerk/beitraege/neu",
            &[
                ("actor", actor.as_str()),
                ("title", ""),
                ("teaser", "Kurz"),
                ("body", "Text"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(r.text("#teaser"), "Kurz");
    assert_eq!(post::Entity::find().count(&app.db).await.unwrap(), 0);

    let id = write(&app, &actor, "Greifen mit Kamera & Verstand").await;
    let path = format!("/netzwerk/beitraege/{id}");
    // The author sees it as waiting; visitors and other people do not.
    let own = app.get(&path).await;
    assert_eq!(own.status, StatusCode::OK);
    assert!(own.body.contains("In Prüfung"));
    assert!(!own.body.contains("<script>alert"), "Markdown is sanitised");
    app.forget_cookies();
    assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);
    let list = app.get("/netzwerk/beitraege").await;
    assert!(!list.body.contains("Greifen mit Kamera"));
    // The total is cached per change of the posts (see the end of this test).
    assert_eq!(list.text("main p[role=status]"), "0 Beiträge");
    assert!(
        !app.get("/netzwerk/beitraege.atom")
            .await
            .body
            .contains("Greifen mit Kamera")
    );
    app.sign_in_as(Role::Participant).await;
    assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);
    // … nor may they approve it.
    assert_eq!(
        app.post(&format!("{path}/freigeben"), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get("/netzwerk/beitraege/pruefen").await.status,
        StatusCode::FORBIDDEN
    );

    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let queue = app.get("/netzwerk/beitraege/pruefen").await;
    assert!(
        queue
            .text("main article h2")
            .contains("Greifen mit Kamera & Verstand")
    );
    let r = app.post(&format!("{path}/freigeben"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Deciding twice is a conflict.
    assert_eq!(
        app.post(&format!("{path}/freigeben"), &[]).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        notifications_of(&app, author, "notif-network-post-approved")
            .await
            .len(),
        1
    );
    app.forget_cookies();
    assert_eq!(app.get(&path).await.status, StatusCode::OK);
    let list = app.get("/netzwerk/beitraege").await;
    assert!(list.body.contains("Greifen mit Kamera"));
    assert_eq!(list.text("main p[role=status]"), "Ein Beitrag");
    assert!(
        app.get("/netzwerk/beitraege?thema=robotik")
            .await
            .body
            .contains("Greifen mit Kamera")
    );
    assert!(
        !app.get("/netzwerk/beitraege?thema=nlp")
            .await
            .body
            .contains("Greifen mit Kamera")
    );
}

#[tokio::test]
async fn staff_reject_with_a_reason_the_author_receives_and_publish_their_own_directly() {
    let app = app().await;
    let (actor_id, author) = representative(&app, "Werbefirma").await;
    let id = write(&app, &actor_id.to_string(), "Kaufen Sie jetzt").await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let reject = format!("/netzwerk/beitraege/{id}/ablehnen");
    let r = app.post(&reject, &[("reason", "  ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(&format!("href=\"#reason-{id}\"")));
    let r = app
        .post(
            &reject,
            &[("reason", "Reine Werbung veröffentlichen wir nicht.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        notifications_of(&app, author, "notif-network-post-rejected").await,
        vec!["Reine Werbung veröffentlichen wir nicht.".to_owned()]
    );
    app.forget_cookies();
    assert_eq!(
        app.get(&format!("/netzwerk/beitraege/{id}")).await.status,
        StatusCode::NOT_FOUND
    );

    // Staff write for DiAS and publish at once.
    app.sign_in_as(Role::Staff).await;
    let own = write(&app, "", "Neues aus der Digitalagentur").await;
    app.forget_cookies();
    let r = app.get(&format!("/netzwerk/beitraege/{own}")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Digitalagentur Sachsen (DiAS)"));

    // Participants who represent nobody may not write.
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.get("/netzwerk/beitraege/neu").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post("/netzwerk/beitraege/neu", &post_form("", "Versuch"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[tokio::test]
async fn the_atom_feed_parses_with_an_independent_parser() {
    let app = app().await;
    let (actor_id, _) = representative(&app, "Robotik & Co. <Sachsen>").await;
    let actor = actor_id.to_string();
    let first = write(&app, &actor, "Erster Beitrag").await;
    let second = write(&app, &actor, "Zweiter <Beitrag> & \"Zitate\"").await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    for id in [first, second] {
        app.post(&format!("/netzwerk/beitraege/{id}/freigeben"), &[])
            .await;
    }
    app.forget_cookies();
    let r = app.get("/netzwerk/beitraege.atom").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "application/atom+xml; charset=utf-8"
    );
    let feed = feed_rs::parser::parse(r.body.as_bytes()).unwrap();
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert!(feed.id.ends_with("/netzwerk/beitraege.atom"));
    assert_eq!(
        feed.title.as_ref().unwrap().content,
        "KI-Netzwerk Sachsen – Beiträge"
    );
    assert!(feed.updated.is_some());
    assert!(feed.links.iter().any(|l| l.rel.as_deref() == Some("self")));
    assert_eq!(feed.entries.len(), 2);
    let titles: Vec<&str> = feed
        .entries
        .iter()
        .map(|e| e.title.as_ref().unwrap().content.as_str())
        .collect();
    assert!(
        titles.contains(&"Zweiter <Beitrag> & \"Zitate\""),
        "{titles:?}"
    );
    for entry in &feed.entries {
        assert!(entry.id.contains("/netzwerk/beitraege/"));
        assert!(entry.updated.is_some());
        assert!(entry.published.is_some());
        assert_eq!(entry.links[0].href, entry.id);
        assert_eq!(
            entry.summary.as_ref().unwrap().content,
            "Greifen lernen mit Kameradaten."
        );
        assert_eq!(
            entry.authors[0].name.as_deref(),
            Some("Robotik & Co. <Sachsen>")
        );
        assert!(entry.categories.iter().any(|c| c.term == "robotik"));
    }
    // The topic filter applies to the feed too.
    let r = app.get("/netzwerk/beitraege.atom?thema=nlp").await;
    let feed = feed_rs::parser::parse(r.body.as_bytes()).unwrap();
    assert!(feed.entries.is_empty());
}

#[tokio::test]
async fn the_post_list_costs_the_same_queries_for_few_and_many_posts() {
    let app = app().await;
    let now = dias_core::time::now();
    let insert = |n: i64, actor_id: Option<i64>| post::ActiveModel {
        actor_id: Set(actor_id),
        author_id: Set(None),
        title: Set(format!("Beitrag {n}")),
        teaser: Set("Kurz".into()),
        body_md: Set("Text".into()),
        topics: Set("nlp".into()),
        status: Set("published".into()),
        reject_reason: Set(None),
        reviewed_by: Set(None),
        reviewed_at: Set(Some(now)),
        published_at: Set(Some(now - n)),
        created_at: Set(now - n),
        updated_at: Set(now - n),
        ..Default::default()
    };
    let a = insert_actor(
        &app,
        "Autor 0",
        "startup",
        &["nlp"],
        &[],
        "14612000",
        "klein",
        "verified",
    )
    .await;
    insert(0, Some(a.id)).insert(&app.db).await.unwrap();
    // As the store's writes do: the list's cached total follows the counter.
    let bump = || dias_core::versions::bump(&app.db, dias_network::posts::POSTS_VERSION);
    bump().await.unwrap();
    let (few, r) = app.count_queries(app.get("/netzwerk/beitraege")).await;
    assert_eq!(r.count(".post-list > li"), 1);
    for n in 1..30 {
        let a = insert_actor(
            &app,
            &format!("Autor {n}"),
            "startup",
            &["nlp"],
            &[],
            "14612000",
            "klein",
            "verified",
        )
        .await;
        insert(n, Some(a.id)).insert(&app.db).await.unwrap();
    }
    bump().await.unwrap();
    let (many, r) = app.count_queries(app.get("/netzwerk/beitraege")).await;
    assert_eq!(r.count(".post-list > li"), 20);
    assert_eq!(r.text("main p[role=status]"), "30 Beiträge");
    assert_eq!(few, many);
    // Unchanged posts: the total comes from the cache, one query less.
    let (cached, _) = app.count_queries(app.get("/netzwerk/beitraege")).await;
    assert_eq!(cached, many - 1);
    let r = app.get("/netzwerk/beitraege?seite=2").await;
    assert_eq!(r.count(".post-list > li"), 10);
}

#[tokio::test]
async fn every_form_action_of_posts_needs_a_csrf_token() {
    let app = app().await;
    let (actor_id, _) = representative(&app, "Geschützt GmbH").await;
    let id = write(&app, &actor_id.to_string(), "Wartet").await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let routes = [
        "/netzwerk/beitraege/neu".to_owned(),
        format!("/netzwerk/beitraege/{id}/bearbeiten"),
        format!("/netzwerk/beitraege/{id}/freigeben"),
        format!("/netzwerk/beitraege/{id}/ablehnen"),
    ];
    let source = include_str!("../../src/routes/posts.rs");
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app.post_raw(path, &[("reason", "x"), ("title", "x")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let stored = post::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "pending");
    assert_eq!(post::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn search_documents_appear_only_for_published_posts() {
    use dias_search::SearchSource;
    let app = app().await;
    let (actor_id, _) = representative(&app, "Suchbare GmbH").await;
    let id = write(&app, &actor_id.to_string(), "Sprachmodelle im Amt").await;
    let source = dias_network::posts::PostSource;
    assert!(
        source
            .one(&app.db, &id.to_string())
            .await
            .unwrap()
            .is_none()
    );
    assert!(source.all(&app.db).await.unwrap().is_empty());
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    app.post(&format!("/netzwerk/beitraege/{id}/freigeben"), &[])
        .await;
    let doc = source.one(&app.db, &id.to_string()).await.unwrap().unwrap();
    assert_eq!(doc.title, "Sprachmodelle im Amt");
    assert!(doc.body.contains("Greifen lernen mit Kameradaten."));
    assert_eq!(doc.url, format!("/netzwerk/beitraege/{id}"));
}

#[tokio::test]
async fn a_representatives_edit_goes_back_to_review_and_staff_edits_stay_published() {
    let app = app().await;
    let (actor_id, author) = representative(&app, "Lausitzer Lernfabrik").await;
    let id = write(&app, &actor_id.to_string(), "Erste Fassung").await;
    let path = format!("/netzwerk/beitraege/{id}");
    let author_email = dias_core::entities::user::Entity::find_by_id(author)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    app.post(&format!("{path}/freigeben"), &[]).await;
    // Staff correct a typo: still published.
    let form = app.get(&format!("{path}/bearbeiten")).await;
    assert_eq!(
        form.attr("#title", "value").as_deref(),
        Some("Erste Fassung")
    );
    let r = app
        .post(
            &format!("{path}/bearbeiten"),
            &post_form("", "Erste Fassung, korrigiert"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = post::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "published");
    assert_eq!(stored.title, "Erste Fassung, korrigiert");
    assert_eq!(stored.actor_id, Some(actor_id), "the actor stays");

    // Another representative may not edit it.
    representative(&app, "Fremde Firma").await;
    assert_eq!(
        app.get(&format!("{path}/bearbeiten")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&format!("{path}/bearbeiten"), &post_form("", "Gekapert"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    // The author's own edit waits for review again and is hidden meanwhile.
    app.forget_cookies();
    app.login(&author_email, None).await;
    let r = app
        .post(
            &format!("{path}/bearbeiten"),
            &post_form(&actor_id.to_string(), "Zweite Fassung"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = post::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.status, "pending");
    assert!(stored.published_at.is_none());
    app.forget_cookies();
    assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND);
    assert_eq!(post::Entity::find().count(&app.db).await.unwrap(), 1);
}
