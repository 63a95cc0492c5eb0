use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{paragraph, process, suggestion, text_version};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::support::TestApp;

const DAY: i64 = 86_400;

async fn setup(app: &TestApp) -> (i64, i64) {
    let now = dias_core::time::now();
    let p = process::ActiveModel {
        slug: Set("strategie".into()),
        title: Set("Strategie".into()),
        teaser: Set(String::new()),
        description_md: Set(String::new()),
        organiser: Set("DiAS".into()),
        scope_ags5: Set(None),
        visibility: Set("published".into()),
        support_limit: Set(10),
        support_threshold: Set(5),
        report_threshold: Set(3),
        premoderation: Set(false),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    dias_participation::entities::phase::ActiveModel {
        process_id: Set(p.id),
        position: Set(1),
        name: Set("Konsultation".into()),
        description: Set(String::new()),
        starts_at: Set(now - DAY),
        ends_at: Set(now + DAY),
        commenting: Set(true),
        proposals: Set(true),
        supporting: Set(true),
        suggestions: Set(true),
        statement_voting: Set(false),
        survey: Set(false),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let md = "# Infrastruktur\n\n## Glasfaser\n\nAlle Haushalte sollen bis 2030 Gigabit haben.\n\nDer Mobilfunk wird ausgebaut.\n";
    let (v, _) =
        dias_participation::store::import_version(&app.db, p.id, "Konsultationsentwurf", md, &[])
            .await
            .unwrap();
    let first = paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.eq(v))
        .order_by_asc(paragraph::Column::Position)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    (p.id, first.id)
}

#[tokio::test]
async fn staff_publish_a_version_that_adopts_a_suggestion_and_the_author_sees_it() {
    let app = TestApp::with_modules(vec![dias_participation::module()]).await;
    let (process_id, first) = setup(&app).await;
    let (_, _) = app
        .create_user("ideen@example.org", Role::Participant)
        .await;
    app.login("ideen@example.org", None).await;
    app.post(
        &format!("/beteiligung/strategie/text/{first}/aenderungen"),
        &[
            (
                "new_text",
                "Alle Haushalte und Betriebe sollen bis 2028 Gigabit haben.",
            ),
            ("reason", "Früher ist besser."),
        ],
    )
    .await;
    let sid = suggestion::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let mine = app.get("/beteiligung/strategie/meine-beitraege").await;
    assert!(mine.body.contains("Noch nicht entschieden."));

    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    app.post(
        &format!("/beteiligung/strategie/aenderungen/{sid}/entscheidung"),
        &[("decision", "adopted"), ("decision_reason", "Überzeugt.")],
    )
    .await;
    let form = app.get("/beteiligung/strategie/fassungen/neu").await;
    assert_eq!(form.status, StatusCode::OK);
    let prefilled = form.text("#markdown");
    assert!(
        prefilled.starts_with("# Infrastruktur\n\n## Glasfaser\n\nAlle Haushalte sollen bis 2030"),
        "{prefilled}"
    );
    assert_eq!(
        form.count(&format!("input[name=adopt][value=\"{sid}\"]")),
        1
    );

    // A structure error refuses the whole version and names the line; the input stays.
    let broken = "Einleitung ohne Kapitel\n\n# Infrastruktur\n\n## Glasfaser\n\nText.\n";
    let refused = app
        .post(
            "/beteiligung/strategie/fassungen/neu",
            &[("title", "Kaputt"), ("markdown", broken)],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(refused.text(".flash--error").contains("Zeile 1"));
    assert_eq!(refused.text("#markdown"), broken);
    assert_eq!(
        text_version::Entity::find()
            .filter(text_version::Column::ProcessId.eq(process_id))
            .count(&app.db)
            .await
            .unwrap(),
        1
    );

    let new_text = "# Infrastruktur\n\n## Glasfaser\n\nEin neuer Absatz über Rechenzentren im Land.\n\nAlle Haushalte und Betriebe sollen bis 2028 Gigabit haben.\n\nDer Mobilfunk wird ausgebaut.\n";
    let sid_text = sid.to_string();
    let published = app
        .post(
            "/beteiligung/strategie/fassungen/neu",
            &[
                ("title", "Überarbeitete Fassung"),
                ("markdown", new_text),
                ("adopt", &sid_text),
            ],
        )
        .await;
    assert_eq!(
        published.status,
        StatusCode::SEE_OTHER,
        "{}",
        published.body
    );

    // The comparison shows the word changes, the new paragraph and the adopted suggestion.
    let compare = app
        .get("/beteiligung/strategie/fassungen?von=1&bis=2")
        .await;
    assert!(
        compare
            .texts(".diff ins")
            .iter()
            .any(|t| t.contains("2028"))
    );
    assert!(
        compare
            .texts(".diff del")
            .iter()
            .any(|t| t.contains("2030"))
    );
    assert!(
        compare
            .texts(".diff ins")
            .iter()
            .any(|t| t.contains("Rechenzentren"))
    );
    assert!(
        compare.body.contains("unverändert"),
        "the mobile paragraph did not change"
    );
    assert!(compare.body.contains(&format!("#aenderung-{sid}")));
    // The reworded paragraph kept its anchor, so old links still lead to it.
    let old_anchor = paragraph::Entity::find_by_id(first)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .anchor;
    let text = app.get("/beteiligung/strategie/text").await;
    assert!(text.body.contains(&format!("id=\"{old_anchor}\"")));
    assert!(text.body.contains("Überarbeitete Fassung"));
    // Contributions follow the anchor: the suggestion made on version 1 is
    // counted and listed on the paragraph of version 2.
    assert!(
        text.texts(".paragraph__meta a")
            .iter()
            .any(|t| t.contains("1 Änderungsvorschlag"))
    );
    let old_page = app
        .get(&format!("/beteiligung/strategie/text/{first}"))
        .await;
    assert_eq!(
        old_page.status,
        StatusCode::SEE_OTHER,
        "old version's paragraph leads to the current one"
    );
    let current = app.get(old_page.location()).await;
    assert!(current.body.contains(&format!("aenderung-{sid}")));
    let outdated = app
        .post(
            &format!("/beteiligung/strategie/text/{first}/kommentare"),
            &[("category", "frage"), ("body", "Alt?")],
        )
        .await;
    assert_eq!(outdated.status, StatusCode::CONFLICT);

    // A visitor is sent to sign in, also at an outdated paragraph (not told 409).
    app.forget_cookies();
    let visitor = app
        .post(
            &format!("/beteiligung/strategie/text/{first}/kommentare"),
            &[("category", "frage"), ("body", "Alt?")],
        )
        .await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(
        visitor.location().starts_with("/konto/anmelden"),
        "{}",
        visitor.location()
    );

    app.forget_cookies();
    app.login("ideen@example.org", None).await;
    let mine = app.get("/beteiligung/strategie/meine-beitraege").await;
    assert!(
        mine.body
            .contains("Übernommen in Fassung 2 (Überarbeitete Fassung)"),
        "{}",
        mine.text("main")
    );
}

#[tokio::test]
async fn participants_cannot_publish_versions() {
    let app = TestApp::with_modules(vec![dias_participation::module()]).await;
    setup(&app).await;
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.get("/beteiligung/strategie/fassungen/neu").await.status,
        StatusCode::FORBIDDEN
    );
    let r = app
        .post(
            "/beteiligung/strategie/fassungen/neu",
            &[("title", "X"), ("markdown", "# A\n\n## B\n\nC\n")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        text_version::Entity::find().count(&app.db).await.unwrap(),
        1
    );
    assert_eq!(
        app.get("/beteiligung/strategie/fassungen").await.status,
        StatusCode::OK
    );
}
