//! Pages (Seiten): the tree and its paths, reserved first segments,
//! publication and scheduling (visitors and search), versions with diff
//! and restore, optimistic locking, system pages, preview, roles and CSRF.

use dias_content::entities::{page_versions, pages};
use dias_core::entities::audit_entry;
use dias_core::policy::Role;
use dias_search::SearchSource;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

const NEW: &str = "/redaktion/seiten/neu";

/// Posts the new-page form with sensible defaults, `fields` overriding.
async fn post_new(app: &TestApp, fields: &[(&str, &str)]) -> TestResponse {
    let defaults = [
        ("title_de", "Testseite"),
        ("slug", ""),
        ("parent", ""),
        ("body_de", "Ein Text."),
        ("summary", ""),
        ("title_en", ""),
        ("body_en", ""),
        ("menu", "none"),
        ("audience", ""),
        ("position", "0"),
        ("status", "published"),
        ("publish_date", ""),
        ("publish_time", ""),
        ("note", ""),
        ("aktion", "speichern"),
    ];
    let mut all: Vec<(&str, &str)> = defaults
        .iter()
        .filter(|(k, _)| !fields.iter().any(|(f, _)| f == k))
        .copied()
        .collect();
    all.extend_from_slice(fields);
    app.post(NEW, &all).await
}

/// Creates a page through the form and returns its id.
async fn create(app: &TestApp, fields: &[(&str, &str)]) -> i64 {
    let response = post_new(app, fields).await;
    assert_eq!(response.status, 303, "{}", response.body);
    response
        .location()
        .rsplit_once("#seite-")
        .unwrap()
        .1
        .parse()
        .unwrap()
}

async fn page(app: &TestApp, id: i64) -> pages::Model {
    pages::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// The edit form's fields for `id` as they are saved, `fields` overriding.
async fn post_edit(app: &TestApp, id: i64, fields: &[(&str, &str)]) -> TestResponse {
    let p = page(app, id).await;
    let parent = p.parent_id.map(|x| x.to_string()).unwrap_or_default();
    let revision = p.revision.to_string();
    let mut defaults: Vec<(&str, String)> = vec![
        ("title_de", p.title_de.clone()),
        ("body_de", p.body_de.clone()),
        ("title_en", p.title_en.clone().unwrap_or_default()),
        ("body_en", p.body_en.clone().unwrap_or_default()),
        ("summary", p.summary.clone().unwrap_or_default()),
        ("menu", p.menu.clone()),
        ("audience", p.audience.clone().unwrap_or_default()),
        ("position", p.position.to_string()),
        ("note", String::new()),
        ("revision", revision),
        ("aktion", "speichern".to_owned()),
    ];
    if !p.system {
        defaults.push(("slug", p.slug.clone()));
        defaults.push(("parent", parent));
        defaults.push(("status", p.status.clone()));
    }
    let mut all: Vec<(&str, &str)> = defaults
        .iter()
        .filter(|(k, _)| !fields.iter().any(|(f, _)| f == k))
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    all.extend_from_slice(fields);
    app.post(&format!("/redaktion/seiten/{id}/bearbeiten"), &all)
        .await
}

async fn staff_app() -> (TestApp, i64) {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    (app, me)
}

#[tokio::test]
async fn paths_follow_the_tree_and_moves_rewrite_descendants() {
    let (app, _) = staff_app().await;
    let a = create(&app, &[("title_de", "Über uns")]).await;
    assert_eq!(
        page(&app, a).await.path,
        "/ueber-uns",
        "slug from the title"
    );
    let a_str = a.to_string();
    let b = create(
        &app,
        &[("title_de", "Team"), ("slug", "team"), ("parent", &a_str)],
    )
    .await;
    let b_str = b.to_string();
    let c = create(
        &app,
        &[
            ("title_de", "Leitung"),
            ("slug", "leitung"),
            ("parent", &b_str),
        ],
    )
    .await;
    assert_eq!(page(&app, c).await.path, "/ueber-uns/team/leitung");
    // The new-page form offers the parent from `?eltern=`.
    let form = app.get(&format!("{NEW}?eltern={b}")).await;
    assert_eq!(form.status, 200);
    assert_eq!(
        form.attr("#parent option[selected]", "value").as_deref(),
        Some(b_str.as_str())
    );

    // Re-slugging the root rewrites every descendant in one save.
    let saved = post_edit(&app, a, &[("slug", "agentur")]).await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(page(&app, b).await.path, "/agentur/team");
    assert_eq!(page(&app, c).await.path, "/agentur/team/leitung");
    assert_eq!(app.get("/agentur/team/leitung").await.status, 200);
    assert_eq!(app.get("/ueber-uns/team/leitung").await.status, 404);

    // Moving B to the top level takes C along.
    let moved = post_edit(&app, b, &[("parent", "")]).await;
    assert_eq!(moved.status, 303, "{}", moved.body);
    assert_eq!(page(&app, b).await.path, "/team");
    assert_eq!(page(&app, c).await.path, "/team/leitung");

    // No cycles: B cannot go below its own child, nor below itself.
    let c_str = c.to_string();
    let cycle = post_edit(&app, b, &[("parent", &c_str)]).await;
    assert_eq!(cycle.status, 422);
    assert!(cycle.text("#parent-error").contains("unter sich selbst"));
    let own = post_edit(&app, b, &[("parent", &b_str)]).await;
    assert_eq!(own.status, 422);
    assert_eq!(page(&app, b).await.path, "/team");
    // The form does not offer the page or its descendants as parents.
    let edit = app.get(&format!("/redaktion/seiten/{b}/bearbeiten")).await;
    let offered: Vec<String> = edit
        .html()
        .select(&scraper::Selector::parse("#parent option").unwrap())
        .filter_map(|o| o.value().attr("value").map(str::to_owned))
        .collect();
    assert!(offered.contains(&a_str));
    assert!(!offered.contains(&b_str) && !offered.contains(&c_str));

    // A taken path is refused with a clear message.
    let taken = post_new(&app, &[("title_de", "Noch ein Team"), ("slug", "team")]).await;
    assert_eq!(taken.status, 422);
    assert!(taken.text("#slug-error").contains("schon eine Seite"));
    // Invalid slugs are refused; the typed input is kept.
    let invalid = post_new(&app, &[("title_de", "Groß"), ("slug", "Groß Seite")]).await;
    assert_eq!(invalid.status, 422);
    assert_eq!(
        invalid.attr("#slug", "value").as_deref(),
        Some("Groß Seite")
    );
    assert!(invalid.count(".error-summary a[href='#slug']") == 1);
}

#[tokio::test]
async fn reserved_first_segments_are_refused() {
    let (app, _) = staff_app().await;
    for slug in [
        "konto",
        "redaktion",
        "aktuelles",
        "anfragen",
        "breitband",
        "suche",
        "static",
    ] {
        let response = post_new(&app, &[("title_de", "Versuch"), ("slug", slug)]).await;
        assert_eq!(response.status, 422, "{slug}");
        assert!(
            response
                .text("#slug-error")
                .contains("gehört zu einem Bereich des Portals"),
            "{slug}"
        );
    }
    // Below another page the same slug is fine.
    let parent = create(&app, &[("title_de", "Service")]).await;
    let parent_str = parent.to_string();
    let child = create(
        &app,
        &[
            ("title_de", "Konto"),
            ("slug", "konto"),
            ("parent", &parent_str),
        ],
    )
    .await;
    assert_eq!(page(&app, child).await.path, "/service/konto");
    // Moving a page to the top level checks its slug too.
    let moved = post_edit(&app, child, &[("parent", "")]).await;
    assert_eq!(moved.status, 422);
    assert_eq!(page(&app, child).await.path, "/service/konto");
}

#[tokio::test]
async fn drafts_and_scheduled_pages_are_invisible_until_due() {
    let (app, _) = staff_app().await;
    let source = dias_content::pages::PageSource;
    let draft = create(&app, &[("title_de", "Entwurf"), ("status", "draft")]).await;
    let tomorrow = dias_core::time::date_input_value(dias_core::time::now() + 2 * 24 * 3600);
    let planned = create(
        &app,
        &[
            ("title_de", "Geplant"),
            ("publish_date", &tomorrow),
            ("publish_time", "09:30"),
        ],
    )
    .await;
    let scheduled = page(&app, planned).await;
    assert_eq!(scheduled.status, "published");
    assert!(!scheduled.announced);
    assert_eq!(
        dias_content::pages::time_input_value(scheduled.publish_at.unwrap()),
        "09:30"
    );
    // Staff see the status in the tree.
    let list = app.get("/redaktion/seiten").await;
    assert!(
        list.text(&format!("#seite-{planned}"))
            .contains("Geplant für")
    );
    assert!(list.text(&format!("#seite-{draft}")).contains("Entwurf"));
    for (id, path) in [(draft, "/entwurf"), (planned, "/geplant")] {
        // Not even staff see them at their path; they use the preview.
        assert_eq!(app.get(path).await.status, 404, "{path}");
        let preview = app.get(&format!("/redaktion/seiten/{id}/vorschau")).await;
        assert_eq!(preview.status, 200);
        assert!(
            preview
                .text("#content-page-preview-banner")
                .contains("Vorschau – so sehen Besucher die Seite")
        );
        assert_eq!(
            preview.attr("meta[name=robots]", "content").as_deref(),
            Some("noindex, nofollow")
        );
        assert!(
            source
                .one(&app.db, &id.to_string())
                .await
                .unwrap()
                .is_none()
        );
    }
    app.forget_cookies();
    assert_eq!(app.get("/geplant").await.status, 404);
    let all = source.all(&app.db).await.unwrap();
    assert!(
        !all.iter()
            .any(|d| d.title == "Geplant" || d.title == "Entwurf")
    );

    // Time passes: the scheduled moment is reached.
    let mut due: pages::ActiveModel = page(&app, planned).await.into();
    let at = dias_core::time::now() - 5;
    due.publish_at = Set(Some(at));
    due.update(&app.db).await.unwrap();
    let announced = dias_content::publishing::announce_due(&app.db, at + 1)
        .await
        .unwrap();
    assert!(announced >= 1);
    assert!(page(&app, planned).await.announced);
    let doc = source
        .one(&app.db, &planned.to_string())
        .await
        .unwrap()
        .expect("live page is a search document");
    assert_eq!(doc.url, "/geplant");
    assert_eq!(doc.kind, "page");
    assert_eq!(app.get("/geplant").await.status, 200);
    assert_eq!(app.get("/entwurf").await.status, 404);
}

#[tokio::test]
async fn versions_diff_and_restore_equals_the_old_content() {
    let (app, me) = staff_app().await;
    let id = create(
        &app,
        &[
            ("title_de", "Förderprogramme"),
            ("body_de", "Die alte Fassung des Textes.\n\nZweiter Absatz."),
            ("title_en", "Funding"),
            ("body_en", "The old text."),
            ("summary", "Kurz"),
            ("note", "Erste Fassung"),
        ],
    )
    .await;
    let saved = post_edit(
        &app,
        id,
        &[
            ("title_de", "Förderprogramme 2026"),
            ("body_de", "Die neue Fassung des Textes.\n\nZweiter Absatz."),
            ("title_en", ""),
            ("body_en", ""),
            ("note", "Jahreszahl ergänzt"),
        ],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    let history = app.get(&format!("/redaktion/seiten/{id}/versionen")).await;
    assert_eq!(history.status, 200);
    assert_eq!(history.count("#content-page-versions tbody tr"), 2);
    assert!(history.text("#version-2").contains("Jahreszahl ergänzt"));
    assert!(history.text("#version-2").contains("Test Person"));
    assert!(history.text("#version-1").contains("Erste Fassung"));

    let version = app
        .get(&format!("/redaktion/seiten/{id}/versionen/1"))
        .await;
    assert_eq!(version.status, 200);
    let removed = version.texts(".diff del");
    let added = version.texts(".diff ins");
    assert!(removed.iter().any(|t| t.contains("alte")), "{removed:?}");
    assert!(added.iter().any(|t| t.contains("neue")), "{added:?}");
    assert!(added.iter().any(|t| t.contains("2026")));
    // Not colour alone: every change carries a spoken label.
    assert!(version.text(".diff del").contains("entfernt"));
    assert!(version.text(".diff ins").contains("eingefügt"));

    let revision = page(&app, id).await.revision.to_string();
    let restored = app
        .post(
            &format!("/redaktion/seiten/{id}/versionen/1/wiederherstellen"),
            &[("revision", &revision)],
        )
        .await;
    assert_eq!(restored.status, 303, "{}", restored.body);
    let now = page(&app, id).await;
    let old = page_versions::Entity::find()
        .filter(page_versions::Column::PageId.eq(id))
        .filter(page_versions::Column::Number.eq(1))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(now.title_de, old.title_de);
    assert_eq!(now.body_de, old.body_de);
    assert_eq!(now.title_en, old.title_en);
    assert_eq!(now.body_en, old.body_en);
    assert_eq!(now.summary, old.summary);
    assert_eq!(
        now.body_de,
        "Die alte Fassung des Textes.\n\nZweiter Absatz."
    );
    let newest = page_versions::Entity::find()
        .filter(page_versions::Column::PageId.eq(id))
        .order_by_desc(page_versions::Column::Number)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(newest.number, 3);
    assert_eq!(newest.author_id, Some(me));
    assert_eq!(
        (
            newest.title_de,
            newest.body_de,
            newest.title_en,
            newest.body_en,
            newest.summary
        ),
        (
            old.title_de,
            old.body_de,
            old.title_en,
            old.body_en,
            old.summary
        )
    );
    assert_eq!(
        newest.note.as_deref(),
        Some("Wiederhergestellt aus Version 1")
    );
    let same = app
        .get(&format!("/redaktion/seiten/{id}/versionen/1"))
        .await;
    assert_eq!(same.count("#content-page-version-same"), 1);
    // A restore based on an old revision is refused.
    let stale = app
        .post(
            &format!("/redaktion/seiten/{id}/versionen/2/wiederherstellen"),
            &[("revision", &revision)],
        )
        .await;
    assert_eq!(stale.status, 409);

    // Every write is in the audit log.
    let actions: Vec<String> = audit_entry::Entity::find()
        .filter(audit_entry::Column::TargetKind.eq("content_page"))
        .filter(audit_entry::Column::TargetId.eq(id.to_string()))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "content.page.create",
        "content.page.publish",
        "content.page.update",
        "content.page.restore",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn a_stale_save_is_409_with_the_typed_text_kept() {
    let (app, _) = staff_app().await;
    let id = create(&app, &[("title_de", "Gleichzeitig")]).await;
    let form = app.get(&format!("/redaktion/seiten/{id}/bearbeiten")).await;
    let revision = form.attr("input[name=revision]", "value").unwrap();
    let first = post_edit(
        &app,
        id,
        &[("body_de", "Zuerst gespeichert."), ("revision", &revision)],
    )
    .await;
    assert_eq!(first.status, 303);
    let second = post_edit(
        &app,
        id,
        &[("body_de", "Mein getippter Text."), ("revision", &revision)],
    )
    .await;
    assert_eq!(second.status, 409);
    assert!(second.text("#body_de").contains("Mein getippter Text."));
    assert_eq!(second.count("#content-page-conflict"), 1);
    assert_eq!(page(&app, id).await.body_de, "Zuerst gespeichert.");
    // The form now carries the current revision: saving again is deliberate.
    let current = second.attr("input[name=revision]", "value").unwrap();
    assert_eq!(current, page(&app, id).await.revision.to_string());
}

#[tokio::test]
async fn system_pages_are_edited_but_never_deleted_unpublished_or_moved() {
    let (app, _) = staff_app().await;
    let imprint = pages::Entity::find()
        .filter(pages::Column::Path.eq("/impressum"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let id = imprint.id;
    // The form shows no controls for address, parent and status.
    let form = app.get(&format!("/redaktion/seiten/{id}/bearbeiten")).await;
    assert_eq!(form.status, 200);
    assert_eq!(form.count("#slug"), 0);
    assert_eq!(form.count("#parent"), 0);
    assert_eq!(form.count("#status"), 0);
    assert_eq!(form.count("#content-page-system-hint"), 1);
    // Delete: the confirmation page explains, the POST is refused.
    let confirm = app.get(&format!("/redaktion/seiten/{id}/loeschen")).await;
    assert_eq!(confirm.status, 200);
    assert_eq!(confirm.count("button[type=submit].button--danger"), 0);
    let deleted = app
        .post(&format!("/redaktion/seiten/{id}/loeschen"), &[])
        .await;
    assert_eq!(deleted.status, 409);
    assert!(
        deleted
            .text("#content-page-delete-refused")
            .contains("nicht gelöscht")
    );
    // Forged fields are refused server-side.
    for forged in [
        [("status", "draft")],
        [("slug", "anderes-impressum")],
        [("parent", "1")],
    ] {
        let response = post_edit(&app, id, &forged).await;
        assert_eq!(response.status, 422, "{forged:?}");
    }
    let tomorrow = dias_core::time::date_input_value(dias_core::time::now() + 2 * 24 * 3600);
    let later = post_edit(
        &app,
        id,
        &[("publish_date", &tomorrow), ("publish_time", "10:00")],
    )
    .await;
    assert_eq!(later.status, 422);
    let unchanged = page(&app, id).await;
    assert_eq!(unchanged.path, "/impressum");
    assert_eq!(unchanged.status, "published");
    assert_eq!(unchanged.revision, imprint.revision);
    // Editing the text works and writes a version.
    let saved = post_edit(
        &app,
        id,
        &[("body_de", "Neues Impressum der Digitalagentur.")],
    )
    .await;
    assert_eq!(saved.status, 303, "{}", saved.body);
    assert_eq!(
        page_versions::Entity::find()
            .filter(page_versions::Column::PageId.eq(id))
            .count(&app.db)
            .await
            .unwrap(),
        2
    );
    assert!(
        app.get("/impressum")
            .await
            .text("main")
            .contains("Neues Impressum")
    );
    // The tree shows no delete link for system pages.
    let list = app.get("/redaktion/seiten").await;
    assert_eq!(
        list.count(&format!("a[href='/redaktion/seiten/{id}/loeschen']")),
        0
    );
    // The retention placeholder is still filled on the privacy page.
    app.forget_cookies();
    let privacy = app.get("/datenschutz").await;
    assert_eq!(privacy.status, 200);
    assert!(!privacy.body.contains("{anfragen-aufbewahrung}"));
}

#[tokio::test]
async fn pages_with_children_cannot_be_deleted_leaves_can() {
    let (app, _) = staff_app().await;
    let parent = create(&app, &[("title_de", "Oben")]).await;
    let parent_str = parent.to_string();
    let child = create(&app, &[("title_de", "Unten"), ("parent", &parent_str)]).await;
    let refused = app
        .post(&format!("/redaktion/seiten/{parent}/loeschen"), &[])
        .await;
    assert_eq!(refused.status, 409);
    assert!(
        refused
            .text("#content-page-delete-refused")
            .contains("Unterseiten")
    );
    let confirm = app
        .get(&format!("/redaktion/seiten/{child}/loeschen"))
        .await;
    assert_eq!(confirm.count("button.button--danger"), 1);
    let deleted = app
        .post(&format!("/redaktion/seiten/{child}/loeschen"), &[])
        .await;
    assert_eq!(deleted.status, 303);
    assert!(
        pages::Entity::find_by_id(child)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(app.get("/oben/unten").await.status, 404);
    assert!(
        audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.eq("content.page.delete"))
            .filter(audit_entry::Column::TargetId.eq(child.to_string()))
            .one(&app.db)
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn the_preview_button_renders_unsaved_text_without_saving() {
    let (app, _) = staff_app().await;
    let before = pages::Entity::find().count(&app.db).await.unwrap();
    let response = post_new(
        &app,
        &[
            ("title_de", "Nur eine Vorschau"),
            ("body_de", "## Abschnitt\n\nUngespeicherter **Text**."),
            ("aktion", "vorschau"),
        ],
    )
    .await;
    assert_eq!(response.status, 200);
    assert!(
        response
            .text("#content-page-unsaved-preview")
            .contains("Ungespeicherter Text")
    );
    assert_eq!(
        response.attr("#title_de", "value").as_deref(),
        Some("Nur eine Vorschau")
    );
    assert_eq!(pages::Entity::find().count(&app.db).await.unwrap(), before);
    // Editing: the preview leaves the saved page as it is.
    let id = create(&app, &[("title_de", "Gespeichert")]).await;
    let revision = page(&app, id).await.revision;
    let preview = post_edit(
        &app,
        id,
        &[("body_de", "Entwurfstext"), ("aktion", "vorschau")],
    )
    .await;
    assert_eq!(preview.status, 200);
    assert!(
        preview
            .text("#content-page-unsaved-preview")
            .contains("Entwurfstext")
    );
    assert_eq!(page(&app, id).await.revision, revision);
    assert_eq!(page(&app, id).await.body_de, "Ein Text.");
}

#[tokio::test]
async fn public_pages_show_breadcrumbs_children_date_and_images() {
    let (app, _) = staff_app().await;
    let parent = create(&app, &[("title_de", "Themen")]).await;
    let parent_str = parent.to_string();
    let child = create(
        &app,
        &[
            ("title_de", "Künstliche Intelligenz"),
            ("slug", "ki"),
            ("parent", &parent_str),
            (
                "body_de",
                "Text mit Bild:\n\n![Logo der Agentur](/medien/1/logo.png)",
            ),
        ],
    )
    .await;
    let child_str = child.to_string();
    create(
        &app,
        &[
            ("title_de", "Versteckt"),
            ("parent", &parent_str),
            ("status", "draft"),
        ],
    )
    .await;
    create(&app, &[("title_de", "Tiefer"), ("parent", &child_str)]).await;
    // An image without alternative text is refused, the text kept.
    let no_alt = post_new(
        &app,
        &[
            ("title_de", "Bild ohne Text"),
            ("body_de", "![](/medien/1/logo.png)"),
        ],
    )
    .await;
    assert_eq!(no_alt.status, 422);
    assert!(no_alt.text("#body_de-error").contains("Alternativtext"));
    assert_eq!(no_alt.text("#body_de"), "![](/medien/1/logo.png)");
    app.forget_cookies();
    let top = app.get("/themen").await;
    assert_eq!(top.status, 200);
    assert_eq!(
        top.texts(".page-children a"),
        vec!["Künstliche Intelligenz".to_owned()]
    );
    assert!(top.text("#content-page-updated").contains("Stand"));
    let page = app.get("/themen/ki").await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.texts(".breadcrumbs a"),
        vec![
            "Startseite".to_owned(),
            "Themen".to_owned(),
            "Künstliche Intelligenz".to_owned()
        ]
    );
    assert_eq!(page.texts(".page-children a"), vec!["Tiefer".to_owned()]);
    // Images with alt text survive the sanitizer.
    assert_eq!(
        page.attr("article img", "src").as_deref(),
        Some("/medien/1/logo.png")
    );
    assert_eq!(
        page.attr("article img", "alt").as_deref(),
        Some("Logo der Agentur")
    );
    // English UI without an English version: German, marked (the
    // language is switched in a signed-in session).
    app.sign_in_as(Role::Participant).await;
    app.post("/sprache", &[("lang", "en"), ("zurueck", "/themen/ki")])
        .await;
    let english = app.get("/themen/ki").await;
    assert_eq!(english.attr("article", "lang").as_deref(), Some("de"));
    assert_eq!(english.text("h1"), "Künstliche Intelligenz");
}

#[tokio::test]
async fn a_footer_page_shows_in_the_footer_after_saving() {
    let (app, _) = staff_app().await;
    let id = create(&app, &[("title_de", "Presse"), ("menu", "footer")]).await;
    assert!(
        app.get("/")
            .await
            .texts(".site-footer a")
            .contains(&"Presse".to_owned())
    );
    // Renaming shows at once; withdrawing removes the link.
    post_edit(&app, id, &[("title_de", "Presse und Medien")]).await;
    let home = app.get("/").await;
    assert!(
        home.texts(".site-footer a")
            .contains(&"Presse und Medien".to_owned())
    );
    post_edit(&app, id, &[("status", "draft")]).await;
    assert!(
        !app.get("/")
            .await
            .texts(".site-footer a")
            .iter()
            .any(|t| t.starts_with("Presse"))
    );
    // An audience entry needs its audience.
    let missing = post_new(&app, &[("title_de", "Für Kommunen"), ("menu", "audience")]).await;
    assert_eq!(missing.status, 422);
    assert!(missing.count("#audience-error") == 1);
}

#[tokio::test]
async fn only_staff_reach_the_page_routes() {
    let app = app().await;
    let id = pages::Entity::find()
        .filter(pages::Column::Path.eq("/impressum"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let gets = [
        "/redaktion/seiten".to_owned(),
        NEW.to_owned(),
        format!("/redaktion/seiten/{id}/bearbeiten"),
        format!("/redaktion/seiten/{id}/vorschau"),
        format!("/redaktion/seiten/{id}/versionen"),
        format!("/redaktion/seiten/{id}/versionen/1"),
        format!("/redaktion/seiten/{id}/loeschen"),
    ];
    let posts = [
        NEW.to_owned(),
        format!("/redaktion/seiten/{id}/bearbeiten"),
        format!("/redaktion/seiten/{id}/versionen/1/wiederherstellen"),
        format!("/redaktion/seiten/{id}/loeschen"),
    ];
    for path in &gets {
        let response = app.get(path).await;
        assert_eq!(response.status, 303, "visitor {path}");
        assert!(response.location().starts_with("/konto/anmelden"), "{path}");
    }
    for path in &posts {
        let response = app.post(path, &[("revision", "1")]).await;
        assert_eq!(response.status, 303, "visitor POST {path}");
        assert!(response.location().starts_with("/konto/anmelden"), "{path}");
    }
    for role in [Role::Participant, Role::Moderator, Role::Municipality] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in &gets {
            assert_eq!(app.get(path).await.status, 403, "{role:?} {path}");
        }
        for path in &posts {
            assert_eq!(
                app.post(path, &[("revision", "1")]).await.status,
                403,
                "{role:?} POST {path}"
            );
        }
    }
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    for path in &gets {
        assert_eq!(app.get(path).await.status, 200, "staff {path}");
    }
    // Nothing was changed by the refused requests.
    assert_eq!(
        page_versions::Entity::find()
            .filter(page_versions::Column::PageId.eq(id))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn posts_without_the_csrf_token_are_refused() {
    let (app, _) = staff_app().await;
    let before = pages::Entity::find().count(&app.db).await.unwrap();
    let response = app
        .post_raw(
            NEW,
            &[
                ("title_de", "Ohne Token"),
                ("body_de", "Text"),
                ("menu", "none"),
                ("status", "draft"),
            ],
        )
        .await;
    assert_eq!(response.status, 403);
    assert_eq!(pages::Entity::find().count(&app.db).await.unwrap(), before);
    let id = create(&app, &[("title_de", "Mit Token")]).await;
    let delete = app
        .post_raw(&format!("/redaktion/seiten/{id}/loeschen"), &[])
        .await;
    assert_eq!(delete.status, 403);
    assert!(
        pages::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .is_some()
    );
}

async fn found(app: &TestApp, q: &str, url: &str) -> bool {
    dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
        .await
        .unwrap();
    app.get(&format!("/suche?q={q}")).await.body.contains(url)
}

#[tokio::test]
async fn search_finds_live_pages_only() {
    let (app, _) = staff_app().await;
    let live = create(
        &app,
        &[
            ("title_de", "Glasfaserkompass"),
            ("body_de", "Alles über den Glasfaserkompass der Agentur."),
        ],
    )
    .await;
    let draft = create(
        &app,
        &[
            ("title_de", "Funklochfinder"),
            ("body_de", "Der Funklochfinder kommt bald."),
            ("status", "draft"),
        ],
    )
    .await;
    assert!(found(&app, "Glasfaserkompass", "/glasfaserkompass").await);
    assert!(!found(&app, "Funklochfinder", "/funklochfinder").await);
    // Publishing and moving reach the index through the outbox.
    post_edit(&app, draft, &[("status", "published")]).await;
    assert!(found(&app, "Funklochfinder", "/funklochfinder").await);
    let live_str = live.to_string();
    post_edit(&app, draft, &[("parent", &live_str)]).await;
    assert!(found(&app, "Funklochfinder", "/glasfaserkompass/funklochfinder").await);
    // Withdrawn and deleted pages leave the index.
    post_edit(&app, draft, &[("status", "draft")]).await;
    assert!(!found(&app, "Funklochfinder", "funklochfinder").await);
    app.post(&format!("/redaktion/seiten/{draft}/loeschen"), &[])
        .await;
    app.post(&format!("/redaktion/seiten/{live}/loeschen"), &[])
        .await;
    assert!(!found(&app, "Glasfaserkompass", "/glasfaserkompass").await);
}

#[tokio::test]
async fn the_tree_nests_subpages_and_easy_german_stays_german() {
    let (app, _) = staff_app().await;
    let a = create(&app, &[("title_de", "Alpha"), ("position", "-5")]).await;
    let a_str = a.to_string();
    let b = create(&app, &[("title_de", "Beta"), ("parent", &a_str)]).await;
    let b_str = b.to_string();
    let c = create(&app, &[("title_de", "Gamma"), ("parent", &b_str)]).await;
    create(&app, &[("title_de", "Delta"), ("position", "-4")]).await;
    let list = app.get("/redaktion/seiten").await;
    assert_eq!(list.status, 200);
    // Subpages sit in a list inside their parent's item.
    assert!(
        list.text(&format!(
            "#content-page-tree > li > ul > li > ul > li > #seite-{c}"
        ))
        .contains("Gamma")
    );
    assert!(list.count(&format!("#content-page-tree > li > ul > li > #seite-{b}")) == 1);
    let top: Vec<String> = list.texts("#content-page-tree > li > .page-tree__item strong a");
    assert_eq!(&top[..2], &["Alpha".to_owned(), "Delta".to_owned()]);
    // The Easy German page has no English version: German, marked, in the
    // English interface.
    app.post(
        "/sprache",
        &[("lang", "en"), ("zurueck", "/leichte-sprache")],
    )
    .await;
    let easy = app.get("/leichte-sprache").await;
    assert_eq!(easy.status, 200);
    assert_eq!(easy.attr("article", "lang").as_deref(), Some("de"));
    let imprint = app.get("/impressum").await;
    assert_eq!(imprint.attr("article", "lang"), None);
}

/// Security review (issue 9): a published page below a draft or scheduled
/// page is hidden with it — at its path, in search, in menus and in the
/// parent's child list — until the parent goes live (saved or announced).
#[tokio::test]
async fn a_published_subpage_of_a_hidden_parent_stays_hidden() {
    let (app, _) = staff_app().await;
    let source = dias_content::pages::PageSource;
    let parent = create(
        &app,
        &[
            ("title_de", "Geheimprojekt Fusion"),
            ("slug", "geheimprojekt-fusion"),
            ("status", "draft"),
        ],
    )
    .await;
    let parent_str = parent.to_string();
    let child = create(
        &app,
        &[
            ("title_de", "Zeitplan"),
            ("slug", "zeitplan"),
            ("parent", &parent_str),
            ("menu", "main"),
        ],
    )
    .await;
    let grandchild = create(
        &app,
        &[
            ("title_de", "Meilensteine"),
            ("slug", "meilensteine"),
            ("parent", &child.to_string()),
            ("menu", "footer"),
        ],
    )
    .await;
    let check_hidden = async |app: &TestApp| {
        dias_content::site::invalidate();
        let home = app.get("/").await;
        let docs = source.all(&app.db).await.unwrap();
        for (id, path) in [
            (child, "/geheimprojekt-fusion/zeitplan"),
            (grandchild, "/geheimprojekt-fusion/zeitplan/meilensteine"),
        ] {
            assert_eq!(app.get(path).await.status, 404, "{path}");
            assert!(!home.body.contains(path), "{path} in a menu");
            assert!(!docs.iter().any(|d| d.url == path), "{path} in search");
            assert!(
                source
                    .one(&app.db, &id.to_string())
                    .await
                    .unwrap()
                    .is_none(),
                "{path}: one()"
            );
        }
    };
    let check_live = async |app: &TestApp| {
        dias_content::site::invalidate();
        let home = app.get("/").await;
        let docs = source.all(&app.db).await.unwrap();
        for (id, path) in [
            (child, "/geheimprojekt-fusion/zeitplan"),
            (grandchild, "/geheimprojekt-fusion/zeitplan/meilensteine"),
        ] {
            assert_eq!(app.get(path).await.status, 200, "{path}");
            assert!(home.body.contains(path), "{path} not in a menu");
            assert!(docs.iter().any(|d| d.url == path), "{path} not in search");
            assert!(
                source
                    .one(&app.db, &id.to_string())
                    .await
                    .unwrap()
                    .is_some(),
                "{path}: one()"
            );
        }
    };
    check_hidden(&app).await;
    app.forget_cookies();
    check_hidden(&app).await;
    assert!(!found(&app, "Zeitplan", "/geheimprojekt-fusion/zeitplan").await);

    // Scheduled parent: still hidden; announced when due: visible.
    app.sign_in_as(Role::Staff).await;
    let tomorrow = dias_core::time::date_input_value(dias_core::time::now() + 2 * 24 * 3600);
    let r = post_edit(
        &app,
        parent,
        &[
            ("status", "published"),
            ("publish_date", &tomorrow),
            ("publish_time", "09:30"),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    app.forget_cookies();
    check_hidden(&app).await;
    let mut due: pages::ActiveModel = page(&app, parent).await.into();
    let at = dias_core::time::now() - 5;
    due.publish_at = Set(Some(at));
    due.update(&app.db).await.unwrap();
    dias_content::publishing::announce_due(&app.db, at + 1)
        .await
        .unwrap();
    check_live(&app).await;
    // The announcement told the index about the descendants too.
    assert!(found(&app, "Zeitplan", "/geheimprojekt-fusion/zeitplan").await);
    assert!(
        app.get("/geheimprojekt-fusion")
            .await
            .body
            .contains("/geheimprojekt-fusion/zeitplan")
    );

    // Withdrawn by a staff save: hidden again, and out of the index.
    app.sign_in_as(Role::Staff).await;
    let r = post_edit(&app, parent, &[("status", "draft")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    app.forget_cookies();
    check_hidden(&app).await;
    assert!(!found(&app, "Zeitplan", "/geheimprojekt-fusion/zeitplan").await);
    // Published again by a save: visible and indexed.
    app.sign_in_as(Role::Staff).await;
    let r = post_edit(
        &app,
        parent,
        &[
            ("status", "published"),
            ("publish_date", ""),
            ("publish_time", ""),
        ],
    )
    .await;
    assert_eq!(r.status, 303, "{}", r.body);
    app.forget_cookies();
    check_live(&app).await;
    assert!(
        found(
            &app,
            "Meilensteine",
            "/geheimprojekt-fusion/zeitplan/meilensteine"
        )
        .await
    );
}
