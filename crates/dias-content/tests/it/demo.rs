//! The demo content: loads without errors (SQLite and PostgreSQL), is what
//! the pages show, and only once.

use axum::http::StatusCode;
use dias_content::entities::{
    contacts, media, news, news_links, newsletter_issues, pages, publication_files, publications,
};
use dias_core::entities::outbox_event;
use dias_web::registry::{DemoEnv, Scale};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::support::TestApp;

async fn seed(app: &TestApp, scale: Scale) -> String {
    let module = dias_content::module();
    let seeder = module.demo.as_ref().expect("the module has demo content");
    seeder(
        &app.db,
        DemoEnv {
            scale,
            secret_key: b"test-secret-key-with-at-least-32-characters".to_vec(),
        },
    )
    .await
    .unwrap_or_else(|e| panic!("demo content failed: {e}"))
}

#[tokio::test]
async fn demo_content_loads_once_and_shows_on_the_site() {
    let app = TestApp::with_modules(vec![
        dias_content::module(),
        dias_desk::module(),
        dias_participation::module(),
    ])
    .await;
    let summary = seed(&app, Scale::Small).await;
    assert!(summary.contains("Publikationen"), "{summary}");
    let now = dias_core::time::now();

    // Pages: the tree below "Über uns", menus and audiences.
    let all = pages::Entity::find().all(&app.db).await.unwrap();
    let path_of = |p: &str| {
        all.iter()
            .find(|x| x.path == p)
            .unwrap_or_else(|| panic!("{p}"))
    };
    for p in [
        "/ueber-uns/aufgaben",
        "/ueber-uns/team",
        "/ueber-uns/karriere",
    ] {
        assert_eq!(path_of(p).parent_id, Some(path_of("/ueber-uns").id));
    }
    assert_eq!(path_of("/ueber-uns").menu, "main");
    assert!(all.iter().all(|p| p.first_published_at.is_some()));
    assert_eq!(path_of("/presse").menu, "footer");
    assert_eq!(path_of("/kommunen").audience.as_deref(), Some("kommunen"));
    assert_eq!(
        path_of("/unternehmen").audience.as_deref(),
        Some("unternehmen")
    );
    dias_content::site::invalidate();
    let home = app.get("/").await;
    assert!(home.texts(".main-nav a").contains(&"Über uns".to_owned()));
    assert!(home.texts(".site-footer a").contains(&"Presse".to_owned()));
    assert!(
        home.texts(".audience a")
            .contains(&"Angebote für Kommunen".to_owned())
    );
    let about = app.get("/ueber-uns/aufgaben").await;
    assert_eq!(about.status, StatusCode::OK, "{}", about.body);

    // News: topics, one related link each, one scheduled and not announced.
    let articles = news::Entity::find().all(&app.db).await.unwrap();
    assert!((8..=11).contains(&articles.len()), "{}", articles.len());
    let scheduled: Vec<_> = articles
        .iter()
        .filter(|a| a.status == "published" && a.publish_at.unwrap() > now)
        .collect();
    assert_eq!(scheduled.len(), 1);
    assert!(scheduled[0].publish_at.unwrap() <= now + 8 * 86_400);
    for a in &articles {
        let live = dias_content::publishing::is_live(&a.status, a.publish_at, now);
        assert_eq!(a.announced, live, "{}", a.slug);
        assert_eq!(
            a.first_published_at,
            a.publish_at.filter(|_| live),
            "{}",
            a.slug
        );
        if a.status == "published" {
            assert!(!a.topics.is_empty(), "{}", a.slug);
            let links = news_links::Entity::find()
                .filter(news_links::Column::NewsId.eq(a.id))
                .all(&app.db)
                .await
                .unwrap();
            assert_eq!(links.len(), 1, "{}", a.slug);
            // A page of another module; the modules running here answer
            // at their start page (their demo items are not loaded).
            let path = &links[0].path;
            let first = path.split('/').nth(1).unwrap_or_default();
            assert!(
                [
                    "breitband",
                    "foerderung",
                    "netzwerk",
                    "beteiligung",
                    "anfragen"
                ]
                .contains(&first),
                "{path}"
            );
            if first == "beteiligung" || first == "anfragen" {
                let start = format!("/{first}");
                assert_eq!(app.get(&start).await.status, StatusCode::OK, "{start}");
            }
        }
    }

    // Publications: metadata, licence and a real PDF each.
    let pubs = publications::Entity::find().all(&app.db).await.unwrap();
    assert!((4..=5).contains(&pubs.len()));
    assert!(pubs.iter().any(|p| p.title.contains("KI-Studie Sachsen")));
    for p in &pubs {
        assert!(!p.authors.is_empty() && !p.abstract_text.is_empty() && !p.summary.is_empty());
        assert!(
            matches!(p.licence.as_str(), "cc-by-4.0" | "dl-de-by-2.0"),
            "{}",
            p.licence
        );
        assert!(p.announced);
        assert_eq!(p.first_published_at, p.publish_at);
    }
    let files = publication_files::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(files.len(), pubs.len());
    for f in &files {
        assert_eq!(
            dias_core::files::sniff(&f.data),
            Some(dias_core::files::FileKind::Pdf),
            "{}",
            f.filename
        );
        assert_eq!(f.size, f.data.len() as i64);
        assert!(f.data.ends_with(b"%%EOF\n"));
    }

    // Images with alt text, served as PNG and shown with their article.
    let images = media::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(images.len(), 2);
    for image in &images {
        assert_eq!(
            dias_core::files::sniff(&image.data),
            Some(dias_core::files::FileKind::Png)
        );
        assert!(image.alt_text.as_deref().is_some_and(|a| !a.is_empty()));
        let served = app
            .get(&format!(
                "/medien/{}/{}/{}",
                image.id,
                &image.sha256[..16],
                image.filename
            ))
            .await;
        assert_eq!(served.status, StatusCode::OK, "{}", image.filename);
        assert_eq!(served.headers["content-type"], "image/png");
    }
    assert!(articles.iter().filter(|a| a.image_id.is_some()).count() >= 3);
    let article = app
        .get("/aktuelles/ki-studie-sachsen-veroeffentlicht")
        .await;
    assert_eq!(article.status, StatusCode::OK);
    assert_eq!(
        article.attr("main img", "alt").as_deref(),
        images[1].alt_text.as_deref()
    );

    // Contact points of every field of work, on their page and in the boxes.
    let points = contacts::Entity::find().all(&app.db).await.unwrap();
    for topic in [
        "breitband",
        "foerderung",
        "ki",
        "digitalstrategie",
        "agentur",
    ] {
        assert!(points.iter().any(|c| c.topic == topic), "{topic}");
    }
    assert!(
        points
            .iter()
            .all(|c| c.email.as_deref().is_some_and(|e| e.ends_with(".example")))
    );
    let list = app.get("/ansprechpartner").await;
    assert_eq!(list.count(".contact-topic"), 5);
    assert_eq!(
        list.attr("#thema-foerderung .content-contact-inquiry", "href")
            .as_deref(),
        Some("/anfragen/neu?thema=foerderung")
    );
    assert_eq!(app.get("/beteiligung").await.count("aside.contacts-box"), 1);

    // Newsletter archive.
    let issues = newsletter_issues::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(issues.len(), 2);
    assert!(
        issues
            .iter()
            .all(|i| i.status == "sent" && i.sent_at.is_some())
    );

    // Live items go to the search index through the outbox.
    let events = outbox_event::Entity::find()
        .filter(outbox_event::Column::Topic.eq(dias_core::outbox::TOPIC_SEARCH))
        .all(&app.db)
        .await
        .unwrap();
    let of = |kind: &str| events.iter().filter(|e| e.kind == kind).count();
    assert_eq!(of(dias_content::KIND_PUBLICATION), pubs.len());
    assert_eq!(
        of(dias_content::KIND_NEWS),
        articles.iter().filter(|a| a.announced).count()
    );
    assert_eq!(of(dias_content::KIND_PAGE), 7);

    // A second run changes nothing.
    let again = seed(&app, Scale::Small).await;
    assert!(again.contains("schon vorhanden"), "{again}");
    assert_eq!(
        news::Entity::find().count(&app.db).await.unwrap(),
        articles.len() as u64
    );
    assert_eq!(
        contacts::Entity::find().count(&app.db).await.unwrap(),
        points.len() as u64
    );
}

#[tokio::test]
async fn the_large_demo_adds_archived_news() {
    let app = TestApp::with_modules(vec![dias_content::module()]).await;
    seed(&app, Scale::Large).await;
    let live = news::Entity::find()
        .filter(news::Column::Status.eq("published"))
        .count(&app.db)
        .await
        .unwrap();
    assert!(live > 2_000, "{live}");
}

/// The content block of an e2e page list: (path, status) from the comment
/// "# Inhalte der Digitalagentur" to the next comment after its paths.
fn e2e_block(list: &str) -> Vec<(String, u16)> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in list.lines() {
        let line = line.trim();
        if line.starts_with("# Inhalte der Digitalagentur") {
            inside = true;
            continue;
        }
        if !inside || line.is_empty() {
            continue;
        }
        if line.starts_with('#') {
            if out.is_empty() {
                continue;
            }
            break;
        }
        let mut parts = line.split_whitespace();
        let path = parts.next().unwrap().to_owned();
        let status = parts.next().map_or(200, |s| s.parse().unwrap());
        out.push((path, status));
    }
    out
}

/// The browser tests' page lists name pages that exist in the demo data.
#[tokio::test]
async fn the_e2e_page_lists_name_pages_of_the_demo_content() {
    let app = TestApp::with_modules(vec![dias_content::module()]).await;
    seed(&app, Scale::Small).await;
    let public = e2e_block(include_str!("../../../../e2e/pages.txt"));
    let staff = e2e_block(include_str!("../../../../e2e/pages-admin.txt"));
    assert!(public.len() > 10 && staff.len() > 10);
    for (list, role) in [
        (public, None),
        (staff, Some(dias_core::policy::Role::Admin)),
    ] {
        app.forget_cookies();
        if let Some(role) = role {
            app.sign_in_as(role).await;
        }
        for (path, status) in list {
            let page = app.get(&path).await;
            assert_eq!(page.status.as_u16(), status, "{path}");
            assert_eq!(page.count("h1"), 1, "{path}");
        }
    }
}

async fn found(app: &TestApp, q: &str) -> Vec<String> {
    let page = app.get(&format!("/suche?q={}", q.replace(' ', "+"))).await;
    assert_eq!(page.status, StatusCode::OK);
    page.html()
        .select(&scraper::Selector::parse(".search-result h2 a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

/// Live demo items reach the search index through the outbox; the
/// scheduled article and the draft only when they are due.
#[tokio::test]
async fn demo_content_is_searchable_once_live() {
    let app = TestApp::with_modules(vec![dias_content::module()]).await;
    seed(&app, Scale::Small).await;
    let catch_up =
        || dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources);
    catch_up().await.unwrap();
    let hits = found(&app, "KI-Studie").await;
    assert!(
        hits.contains(&"/publikationen/ki-studie-sachsen".to_owned()),
        "{hits:?}"
    );
    assert!(
        hits.contains(&"/aktuelles/ki-studie-sachsen-veroeffentlicht".to_owned()),
        "{hits:?}"
    );
    assert!(
        found(&app, "Gigabitförderung")
            .await
            .iter()
            .any(|h| h.starts_with("/publikationen/"))
    );
    assert!(
        found(&app, "Karriere")
            .await
            .contains(&"/ueber-uns/karriere".to_owned())
    );
    assert_eq!(found(&app, "Jahrestreffen").await, Vec::<String>::new());
    // A rebuild sees the same.
    dias_search::indexer::rebuild(
        &app.state.db,
        &app.state.search,
        &app.state.sources,
        |_, _| {},
    )
    .await
    .unwrap();
    assert_eq!(found(&app, "Jahrestreffen").await, Vec::<String>::new());
    // When its time has come, the announce job makes the article findable.
    let next_week = dias_core::time::now() + 8 * 86_400;
    assert_eq!(
        dias_content::publishing::announce_due(&app.state.db, next_week)
            .await
            .unwrap(),
        1
    );
    let scheduled = news::Entity::find()
        .filter(news::Column::Slug.eq("ki-netzwerk-jahrestreffen"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(scheduled.announced);
}
