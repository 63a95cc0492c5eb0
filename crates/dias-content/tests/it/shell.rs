//! The content module inside the shell: pages at their paths, staff menus
//! in the layout, the legal pages as editable pages.

use dias_content::entities::pages;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::helpers::app;

async fn place(
    app: &crate::support::TestApp,
    path: &str,
    title: &str,
    menu: &str,
    publish_at: i64,
) {
    let now = dias_core::time::now();
    pages::ActiveModel {
        parent_id: Set(None),
        slug: Set(path.trim_start_matches('/').to_owned()),
        path: Set(path.to_owned()),
        title_de: Set(title.to_owned()),
        title_en: Set(None),
        body_de: Set(format!("Text von {title}")),
        body_en: Set(None),
        summary: Set(None),
        menu: Set(menu.to_owned()),
        audience: Set((menu == "audience").then(|| "kommunen".to_owned())),
        position: Set(0),
        status: Set("published".to_owned()),
        publish_at: Set(Some(publish_at)),
        system: Set(false),
        announced: Set(publish_at <= now),
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
    dias_content::site::invalidate();
}

#[tokio::test]
async fn placed_pages_appear_in_their_menus_only_once_live() {
    let app = app().await;
    let now = dias_core::time::now();
    place(&app, "/foerderkompass", "Förderkompass", "main", now - 10).await;
    place(&app, "/team", "Unser Team", "footer", now - 10).await;
    place(&app, "/kommunal", "Für Ämter", "audience", now - 10).await;
    place(&app, "/spaeter", "Kommt noch", "main", now + 3600).await;
    let home = app.get("/").await;
    assert_eq!(home.status, 200);
    assert!(
        home.texts(".main-nav a")
            .contains(&"Förderkompass".to_owned())
    );
    assert!(!home.texts(".main-nav a").contains(&"Kommt noch".to_owned()));
    assert!(
        home.texts(".site-footer a")
            .contains(&"Unser Team".to_owned())
    );
    assert!(
        home.texts(".site-footer a")
            .contains(&"Ansprechpartner".to_owned())
    );
    assert!(home.texts(".audience a").contains(&"Für Ämter".to_owned()));
}

#[tokio::test]
async fn legal_pages_are_editable_pages_of_the_content_module() {
    let app = app().await;
    let imprint = pages::Entity::find()
        .filter(pages::Column::Path.eq("/impressum"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the migration inserts the imprint");
    assert!(imprint.system);
    let mut edited: pages::ActiveModel = imprint.into();
    edited.body_de = Set("Geänderter Text des Impressums.".to_owned());
    edited.update(&app.db).await.unwrap();
    let page = app.get("/impressum").await;
    assert_eq!(page.status, 200);
    assert!(
        page.text("main")
            .contains("Geänderter Text des Impressums.")
    );
}

#[tokio::test]
async fn unknown_paths_and_other_methods_are_not_found() {
    let app = app().await;
    assert_eq!(app.get("/gibt-es-nicht").await.status, 404);
    assert_eq!(app.get("/impressum/unterseite").await.status, 404);
    let csrf = app.csrf().await;
    assert_eq!(
        app.post("/impressum", &[("_csrf", &csrf)]).await.status,
        404
    );
}

#[tokio::test]
async fn a_doubled_slash_does_not_reach_the_shipped_legal_text() {
    let app = app().await;
    let imprint = pages::Entity::find()
        .filter(pages::Column::Path.eq("/impressum"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut edited: pages::ActiveModel = imprint.into();
    edited.body_de = Set("Nur dieser Text gilt.".to_owned());
    edited.update(&app.db).await.unwrap();
    for path in ["//impressum", "///datenschutz", "/impressum/"] {
        assert_eq!(app.get(path).await.status, 404, "{path}");
    }
    assert!(
        app.get("/impressum")
            .await
            .text("main")
            .contains("Nur dieser Text gilt.")
    );
}
