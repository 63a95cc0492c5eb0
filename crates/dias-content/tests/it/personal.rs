//! The content module's part of account export and deletion.

use dias_content::entities::{
    news, news_links, newsletter_deliveries, newsletter_issues, newsletter_subscribers, pages,
    publication_files, publications,
};
use dias_core::accounts::personal_data::PersonalData;
use dias_core::policy::Role;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set, TransactionTrait};

use crate::helpers::app;

/// Security review (issue 9): deleting an account removes the person's
/// name from the bylines of their articles (and so from the feed), clears
/// the news links they added, and unsubscribes their address like the
/// unsubscribe link (an issue being sent counts one recipient less); the
/// export names bylines, page versions, news links and publication files.
#[tokio::test]
async fn erasing_an_account_clears_bylines_links_and_the_subscription() {
    let app = app().await;
    let me = app.sign_in_as(Role::Staff).await;
    let user = dias_core::entities::user::Entity::find_by_id(me)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let name = user.display_name.clone();
    let email = user.email.clone().unwrap().to_lowercase();
    let article = |title: &'static str, byline: String| {
        vec![
            ("title", title.to_owned()),
            ("slug", String::new()),
            ("teaser", "Der Ausbau beginnt.".to_owned()),
            ("body", "Text".to_owned()),
            ("image_id", String::new()),
            ("byline", byline),
            ("status", "published".to_owned()),
            ("publish_date", String::new()),
            ("publish_time", String::new()),
        ]
    };
    for (title, byline) in [
        ("Glasfaser für Döbeln", name.clone()),
        ("Förderaufruf 2027", "Pressestelle".to_owned()),
    ] {
        let fields = article(title, byline);
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let r = app.post("/redaktion/aktuelles/neu", &pairs).await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let r = app
        .post(
            "/redaktion/seiten/neu",
            &[
                ("title_de", "Über den Ausbau"),
                ("slug", ""),
                ("parent", ""),
                ("body_de", "Text."),
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
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let now = dias_core::time::now();
    let first = news::Entity::find()
        .filter(news::Column::Title.eq("Glasfaser für Döbeln"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    news_links::ActiveModel {
        news_id: Set(first.id),
        path: Set("/beteiligung".into()),
        label: Set("Mitmachen".into()),
        position: Set(0),
        added_by: Set(Some(me)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let publication = publications::ActiveModel {
        slug: Set("ausbaustudie".into()),
        title: Set("Ausbaustudie".into()),
        authors: Set("Agentur".into()),
        year: Set(2026),
        kind: Set("studie".into()),
        topics: Set(String::new()),
        abstract_text: Set("Kurz.".into()),
        summary: Set(String::new()),
        licence: Set("cc-by-4.0".into()),
        lang: Set("de".into()),
        status: Set("draft".into()),
        publish_at: Set(None),
        first_published_at: Set(None),
        announced: Set(false),
        revision: Set(1),
        created_by: Set(Some(me)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    publication_files::ActiveModel {
        publication_id: Set(publication.id),
        filename: Set("ausbaustudie.pdf".into()),
        mime: Set("application/pdf".into()),
        size: Set(4),
        sha256: Set("0".repeat(64)),
        data: Set(b"%PDF".to_vec()),
        uploaded_by: Set(Some(me)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    // Subscribed, with an issue being sent to the address.
    let subscriber = newsletter_subscribers::ActiveModel {
        email: Set(email.clone()),
        locale: Set("de".into()),
        topics: Set(String::new()),
        status: Set(dias_content::newsletter::ACTIVE.into()),
        token_salt: Set(dias_core::crypto::random_token()),
        created_at: Set(now - 3600),
        confirmed_at: Set(Some(now - 3000)),
        last_mail_at: Set(Some(now - 3600)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let issue = newsletter_issues::ActiveModel {
        subject: Set("Ausgabe".into()),
        body: Set("Text".into()),
        topics: Set(String::new()),
        status: Set(dias_content::newsletter::SENDING.into()),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
        recipients: Set(3),
        delivered: Set(1),
        revision: Set(1),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    newsletter_deliveries::ActiveModel {
        issue_id: Set(issue.id),
        subscriber_id: Set(subscriber.id),
        status: Set(dias_content::newsletter::PENDING.into()),
        sent_at: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();

    // The export.
    let export = dias_content::personal::ContentData
        .export(&app.db, me)
        .await
        .unwrap();
    let bylines: Vec<&str> = export["news"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["byline"].as_str())
        .collect();
    assert!(bylines.contains(&name.as_str()), "{export}");
    let versions = export["page_versions"].as_array().unwrap();
    assert_eq!(versions.len(), 1, "{export}");
    assert_eq!(versions[0]["path"], "/ueber-den-ausbau");
    assert_eq!(versions[0]["version"], 1);
    assert!(versions[0]["saved_at"].is_string());
    assert_eq!(export["news_links"][0]["path"], "/beteiligung");
    assert_eq!(
        export["publication_files"][0]["filename"],
        "ausbaustudie.pdf"
    );
    assert!(!export.to_string().contains("%PDF"), "never the bytes");
    assert_eq!(export["newsletter_subscription"]["email"], email.as_str());

    // The deletion.
    let env = dias_core::accounts::MailEnv {
        catalog: &app.state.catalog,
        public_url: &app.state.config.public_url,
    };
    let txn = app.db.begin().await.unwrap();
    dias_content::personal::ContentData
        .erase(&txn, &env, me)
        .await
        .unwrap();
    txn.commit().await.unwrap();
    let first = news::Entity::find_by_id(first.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.byline, None);
    assert_eq!(first.author_id, None);
    let other = news::Entity::find()
        .filter(news::Column::Title.eq("Förderaufruf 2027"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(other.byline.as_deref(), Some("Pressestelle"), "kept");
    let link = news_links::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(link.added_by, None);
    assert!(
        newsletter_subscribers::Entity::find_by_id(subscriber.id)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        newsletter_deliveries::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    let issue = newsletter_issues::Entity::find_by_id(issue.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(issue.recipients, 2, "one recipient less");
    let page = pages::Entity::find()
        .filter(pages::Column::Path.eq("/ueber-den-ausbau"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(page.created_by, None);

    // Visitors see the agency, not the person.
    app.forget_cookies();
    let feed = app.get("/aktuelles/feed.atom").await;
    assert_eq!(feed.status, 200);
    assert!(feed.body.contains("Glasfaser für Döbeln"));
    assert!(!feed.body.contains(&name), "{}", feed.body);
    let article = app.get(&format!("/aktuelles/{}", first.slug)).await;
    assert_eq!(article.status, 200);
    assert!(!article.body.contains(&name));
}
