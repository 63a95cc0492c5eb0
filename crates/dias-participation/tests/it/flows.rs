use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{
    comment, paragraph, phase, process, proposal, proposal_support, suggestion,
};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::support::TestApp;

const DAY: i64 = 86_400;

/// Which switches the current phase has.
#[derive(Clone, Copy, Default)]
pub(crate) struct Open {
    pub commenting: bool,
    pub proposals: bool,
    pub supporting: bool,
    pub suggestions: bool,
    pub statement_voting: bool,
    pub survey: bool,
}

pub(crate) const ALL_OPEN: Open = Open {
    commenting: true,
    proposals: true,
    supporting: true,
    suggestions: true,
    statement_voting: false,
    survey: false,
};

pub(crate) async fn app() -> TestApp {
    TestApp::with_modules(vec![dias_participation::module()]).await
}

/// A published process without text whose current phase (yesterday to
/// tomorrow) has `open`.
pub(crate) async fn bare_process(
    app: &TestApp,
    slug: &str,
    open: Open,
    support_limit: i32,
    premoderation: bool,
) -> i64 {
    let now = dias_core::time::now();
    let p = process::ActiveModel {
        slug: Set(slug.into()),
        title: Set("Testverfahren Digitalstrategie".into()),
        teaser: Set("Kurzbeschreibung".into()),
        description_md: Set("Beschreibung".into()),
        organiser: Set("DiAS".into()),
        scope_ags5: Set(None),
        visibility: Set("published".into()),
        support_limit: Set(support_limit),
        support_threshold: Set(2),
        report_threshold: Set(3),
        premoderation: Set(premoderation),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    phase::ActiveModel {
        process_id: Set(p.id),
        position: Set(1),
        name: Set("Konsultation".into()),
        description: Set(String::new()),
        starts_at: Set(now - DAY),
        ends_at: Set(now + DAY),
        commenting: Set(open.commenting),
        proposals: Set(open.proposals),
        supporting: Set(open.supporting),
        suggestions: Set(open.suggestions),
        statement_voting: Set(open.statement_voting),
        survey: Set(open.survey),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    p.id
}

/// A published process whose current phase has `open`, with a two-paragraph text.
pub(crate) async fn process_with(
    app: &TestApp,
    slug: &str,
    open: Open,
    support_limit: i32,
) -> (i64, Vec<i64>) {
    let process_id = bare_process(app, slug, open, support_limit, false).await;
    let markdown = "# Infrastruktur\n\n## Glasfaser\n\nAlle Haushalte sollen bis 2030 Gigabit haben.\n\nDer Mobilfunk wird ausgebaut.\n";
    let (version, problems) = dias_participation::store::import_version(
        &app.db,
        process_id,
        "Konsultationsentwurf",
        markdown,
        &[],
    )
    .await
    .unwrap();
    assert!(problems.is_empty());
    let paragraphs = paragraph::Entity::find()
        .filter(paragraph::Column::VersionId.eq(version))
        .all(&app.db)
        .await
        .unwrap();
    (process_id, paragraphs.iter().map(|p| p.id).collect())
}

pub(crate) async fn new_proposal(app: &TestApp, slug: &str, title: &str) -> i64 {
    let r = app
        .post(
            &format!("/beteiligung/{slug}/vorschlaege/neu"),
            &[
                ("title", title),
                ("body", "Eine ausführliche Begründung."),
                ("topic", "infrastruktur"),
                ("ags8", "14521010"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    if r.location().contains("wird-geprueft") {
        // Pre-moderated: the author is sent to the list; the proposal is the newest row.
        use sea_orm::QueryOrder;
        return proposal::Entity::find()
            .order_by_desc(proposal::Column::Id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .id;
    }
    r.location()
        .split('/')
        .next_back()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn visitor_reads_the_process_text_and_proposals_of_the_demo() {
    let app = app().await;
    for i in 0..5 {
        app.create_user(&format!("teilnehmer{i}@example.org"), Role::Participant)
            .await;
    }
    app.create_user("redaktion@example.org", Role::Staff).await;
    let seeder = dias_participation::module().demo.unwrap();
    let summary = seeder(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    assert!(summary.contains("40 Vorschläge"), "{summary}");
    let slug = "digitalstrategie-sachsen";
    let list = app.get("/beteiligung").await;
    assert_eq!(
        list.attr(".card a", "href").as_deref(),
        Some("/beteiligung/digitalstrategie-sachsen")
    );
    let process = app.get(&format!("/beteiligung/{slug}")).await;
    assert_eq!(process.status, StatusCode::OK);
    assert_eq!(process.count(".timeline__phase"), 4);
    assert_eq!(
        process.count("[aria-current=step]"),
        1,
        "exactly one current phase"
    );
    let text = app.get(&format!("/beteiligung/{slug}/text")).await;
    assert!(text.count(".paragraph") > 50);
    assert!(
        text.count(".paragraph__meta a") == text.count(".paragraph"),
        "every paragraph links to its comments"
    );
    let proposals = app.get(&format!("/beteiligung/{slug}/vorschlaege")).await;
    assert_eq!(proposals.count(".proposal-list > li"), 20);
    assert!(proposals.count(".pagination a") >= 2);
    let first = proposals.attr(".proposal-list a", "href").unwrap();
    let detail = app.get(&first).await;
    assert_eq!(detail.status, StatusCode::OK);
    assert!(
        detail.body.contains("Melden Sie sich an"),
        "visitors are invited to sign in"
    );
}

#[tokio::test]
async fn participant_comments_suggests_proposes_and_supports() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    let pid = paragraphs[0];

    let commented = app
        .post(
            &format!("/beteiligung/verfahren/text/{pid}/kommentare"),
            &[("category", "frage"), ("body", "Gilt das auch für Dörfer?")],
        )
        .await;
    assert_eq!(commented.status, StatusCode::SEE_OTHER);
    let text = app.get("/beteiligung/verfahren/text").await;
    assert!(text.text(".paragraph__meta").contains("1 Kommentar"));

    let suggested = app
        .post(
            &format!("/beteiligung/verfahren/text/{pid}/aenderungen"),
            &[
                (
                    "new_text",
                    "Alle Haushalte und Betriebe sollen bis 2028 Gigabit haben.",
                ),
                ("reason", "Betriebe brauchen es früher."),
            ],
        )
        .await;
    assert_eq!(suggested.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/beteiligung/verfahren/text/{pid}")).await;
    assert!(page.texts(".diff del").iter().any(|t| t.contains("2030")));
    assert!(page.texts(".diff ins").iter().any(|t| t.contains("2028")));
    assert!(
        page.texts(".diff ins")
            .iter()
            .any(|t| t.contains("Betriebe"))
    );
    assert!(page.body.contains("Gilt das auch für Dörfer?"));

    let id = new_proposal(&app, "verfahren", "Glasfaser für alle Gehöfte").await;
    let supported = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/unterstuetzen"),
            &[],
        )
        .await;
    assert_eq!(
        supported.location(),
        format!("/beteiligung/verfahren/vorschlaege/{id}?hinweis=unterstuetzt")
    );
    let row = proposal::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.supports_count, 1);
    assert_eq!(row.ags8.as_deref(), Some("14521010"));
    // Pressing again withdraws.
    app.post(
        &format!("/beteiligung/verfahren/vorschlaege/{id}/unterstuetzen"),
        &[],
    )
    .await;
    assert_eq!(
        proposal::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .supports_count,
        0
    );

    let replied = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/kommentare"),
            &[("stance", "pro"), ("body", "Sehr gut!")],
        )
        .await;
    assert_eq!(replied.status, StatusCode::SEE_OTHER);
    let parent = comment::Entity::find()
        .filter(comment::Column::TargetKind.eq("proposal"))
        .filter(comment::Column::TargetId.eq(id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    for depth in 1..=3 {
        let last = comment::Entity::find()
            .filter(comment::Column::TargetKind.eq("proposal"))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .max_by_key(|c| c.id)
            .unwrap();
        app.post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/kommentare"),
            &[
                ("body", &format!("Antwort {depth}")),
                ("parent_id", &last.id.to_string()),
            ],
        )
        .await;
    }
    let thread = comment::Entity::find()
        .filter(comment::Column::TargetKind.eq("proposal"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        thread.iter().map(|c| c.depth).max(),
        Some(2),
        "threads stop at depth 3 (levels 0–2)"
    );
    assert_eq!(
        thread
            .iter()
            .filter(|c| c.parent_id == Some(parent.id))
            .count(),
        1
    );
    // The reply to the deepest comment stands next to it (same parent), and
    // every reply is on the page.
    let deepest: Vec<&comment::Model> = thread.iter().filter(|c| c.depth == 2).collect();
    assert_eq!(deepest.len(), 2);
    assert_eq!(deepest[0].parent_id, deepest[1].parent_id);
    let page = app
        .get(&format!("/beteiligung/verfahren/vorschlaege/{id}"))
        .await;
    for depth in 1..=3 {
        assert!(
            page.body.contains(&format!("Antwort {depth}")),
            "reply {depth} shown"
        );
    }
    assert_eq!(
        proposal::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .comments_count,
        4
    );
    // New proposals are searchable through the outbox.
    dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
        .await
        .unwrap();
    assert_eq!(app.get("/suche?q=Gehöfte").await.count(".search-result"), 1);
}

#[tokio::test]
async fn supporting_after_the_phase_ends_is_refused_and_nothing_is_stored() {
    let app = app().await;
    let (process_id, _) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    let id = new_proposal(&app, "verfahren", "Ein Vorschlag zum Testen").await;
    // The phase ends.
    let now = dias_core::time::now();
    phase::Entity::update_many()
        .col_expr(
            phase::Column::EndsAt,
            sea_orm::sea_query::Expr::value(now - 1),
        )
        .col_expr(
            phase::Column::StartsAt,
            sea_orm::sea_query::Expr::value(now - DAY),
        )
        .filter(phase::Column::ProcessId.eq(process_id))
        .exec(&app.db)
        .await
        .unwrap();
    let refused = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/unterstuetzen"),
            &[],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(
        refused.body.contains("keine Unterstützungen möglich"),
        "{}",
        refused.body
    );
    assert_eq!(
        proposal_support::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        proposal::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .supports_count,
        0
    );
    // The page shows no button any more.
    let detail = app
        .get(&format!("/beteiligung/verfahren/vorschlaege/{id}"))
        .await;
    assert!(!detail.body.contains("/unterstuetzen"));
}

#[tokio::test]
async fn suggesting_while_switched_off_is_refused_and_nothing_is_stored() {
    let app = app().await;
    let (_, paragraphs) = process_with(
        &app,
        "verfahren",
        Open {
            suggestions: false,
            ..ALL_OPEN
        },
        10,
    )
    .await;
    app.sign_in_as(Role::Participant).await;
    let refused = app
        .post(
            &format!("/beteiligung/verfahren/text/{}/aenderungen", paragraphs[0]),
            &[("new_text", "Neuer Text"), ("reason", "Grund")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.body.contains("keine Änderungsvorschläge möglich"));
    assert_eq!(suggestion::Entity::find().count(&app.db).await.unwrap(), 0);
    let closed_comments = process_with(
        &app,
        "zu",
        Open {
            commenting: false,
            ..ALL_OPEN
        },
        10,
    )
    .await;
    let refused = app
        .post(
            &format!("/beteiligung/zu/text/{}/kommentare", closed_comments.1[0]),
            &[("category", "frage"), ("body", "x")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(comment::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn the_support_limit_per_process_holds() {
    let app = app().await;
    process_with(&app, "verfahren", ALL_OPEN, 1).await;
    app.sign_in_as(Role::Participant).await;
    let a = new_proposal(&app, "verfahren", "Erster Vorschlag hier").await;
    let b = new_proposal(&app, "verfahren", "Zweiter Vorschlag hier").await;
    assert_eq!(
        app.post(
            &format!("/beteiligung/verfahren/vorschlaege/{a}/unterstuetzen"),
            &[]
        )
        .await
        .status,
        StatusCode::SEE_OTHER
    );
    let over = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{b}/unterstuetzen"),
            &[],
        )
        .await;
    assert_eq!(over.status, StatusCode::CONFLICT);
    assert!(over.body.contains("alle Unterstützungen vergeben"));
    assert_eq!(
        proposal_support::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn invalid_proposals_are_rerendered_with_input_and_errors() {
    let app = app().await;
    process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post(
            "/beteiligung/verfahren/vorschlaege/neu",
            &[
                ("title", "Kurz"),
                ("body", ""),
                ("topic", "astrologie"),
                ("ags8", "99999999"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary li"), 4);
    assert_eq!(r.attr("#title", "value").as_deref(), Some("Kurz"));
    assert_eq!(proposal::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn only_staff_answer_proposals_and_decide_suggestions() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    let id = new_proposal(&app, "verfahren", "Ein Vorschlag zum Beantworten").await;
    app.post(
        &format!("/beteiligung/verfahren/text/{}/aenderungen", paragraphs[1]),
        &[
            ("new_text", "Der Mobilfunk wird flächendeckend ausgebaut."),
            ("reason", "Lücken"),
        ],
    )
    .await;
    let sid = suggestion::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let refused = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/antwort"),
            &[("status", "accepted"), ("answer", "Ja")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let refused = app
        .post(
            &format!("/beteiligung/verfahren/aenderungen/{sid}/entscheidung"),
            &[("decision", "adopted"), ("decision_reason", "x")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let skip = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/antwort"),
            &[("status", "implemented"), ("answer", "Sofort")],
        )
        .await;
    assert_eq!(
        skip.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "no jump from submitted to implemented"
    );
    let ok = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{id}/antwort"),
            &[
                ("status", "accepted"),
                ("answer", "Wir nehmen das auf."),
                ("cost", "12.000"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let detail = app
        .get(&format!("/beteiligung/verfahren/vorschlaege/{id}"))
        .await;
    assert!(detail.body.contains("Wir nehmen das auf."));
    assert!(detail.body.contains("12.000 €"));
    let decided = app
        .post(
            &format!("/beteiligung/verfahren/aenderungen/{sid}/entscheidung"),
            &[("decision", "adopted"), ("decision_reason", "Sinnvoll.")],
        )
        .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER);
    let s = suggestion::Entity::find_by_id(sid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (s.status.as_str(), s.decision_reason.as_deref()),
        ("adopted", Some("Sinnvoll."))
    );
}

#[tokio::test]
async fn proposal_list_and_page_queries_do_not_grow_with_the_number_of_items() {
    let app = app().await;
    let (process_id, _) = process_with(&app, "verfahren", ALL_OPEN, 100).await;
    let (author, _) = app
        .create_user("autorin@example.org", Role::Participant)
        .await;
    let add = |n: usize| {
        let db = app.db.clone();
        async move {
            for i in 0..n {
                let now = dias_core::time::now();
                let p = proposal::ActiveModel {
                    process_id: Set(process_id),
                    author_id: Set(author),
                    title: Set(format!("Vorschlag Nummer {i}")),
                    body_md: Set("Text".into()),
                    topic: Set("bildung".into()),
                    ags8: Set(None),
                    status: Set("submitted".into()),
                    supports_count: Set(0),
                    comments_count: Set(0),
                    hidden_at: Set(None),
                    withdrawn_at: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    ..Default::default()
                }
                .insert(&db)
                .await
                .unwrap();
                comment::ActiveModel {
                    process_id: Set(process_id),
                    target_kind: Set("proposal".into()),
                    target_id: Set(p.id),
                    parent_id: Set(None),
                    depth: Set(0),
                    author_id: Set(author),
                    body: Set("Kommentar".into()),
                    category: Set(None),
                    stance: Set("pro".into()),
                    upvotes: Set(0),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(&db)
                .await
                .unwrap();
            }
        }
    };
    add(3).await;
    let (few, page) = app
        .count_queries(app.get("/beteiligung/verfahren/vorschlaege"))
        .await;
    assert_eq!(page.count(".proposal-list > li"), 3);
    add(17).await;
    let (many, page) = app
        .count_queries(app.get("/beteiligung/verfahren/vorschlaege"))
        .await;
    assert_eq!(page.count(".proposal-list > li"), 20);
    assert_eq!(few, many, "list queries: {few} for 3 items, {many} for 20");

    // A proposal page costs the same with 1 and with 30 comments by 30 people.
    let first = proposal::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let (one, _) = app
        .count_queries(app.get(&format!("/beteiligung/verfahren/vorschlaege/{first}")))
        .await;
    for i in 0..29 {
        let (commenter, _) = app
            .create_user(&format!("k{i}@example.org"), Role::Participant)
            .await;
        comment::ActiveModel {
            process_id: Set(process_id),
            target_kind: Set("proposal".into()),
            target_id: Set(first),
            parent_id: Set(None),
            depth: Set(0),
            author_id: Set(commenter),
            body: Set(format!("Kommentar {i}")),
            category: Set(None),
            stance: Set("neutral".into()),
            upvotes: Set(0),
            created_at: Set(dias_core::time::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let (thirty, page) = app
        .count_queries(app.get(&format!("/beteiligung/verfahren/vorschlaege/{first}")))
        .await;
    assert_eq!(page.count(".comment"), 30);
    assert_eq!(
        one, thirty,
        "detail queries: {one} with 1 comment, {thirty} with 30"
    );
}

#[tokio::test]
async fn every_state_changing_route_refuses_a_request_without_token() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Admin).await;
    let routes = [
        format!("/beteiligung/verfahren/text/{}/kommentare", paragraphs[0]),
        format!("/beteiligung/verfahren/text/{}/aenderungen", paragraphs[0]),
        "/beteiligung/verfahren/aenderungen/1/unterstuetzen".to_owned(),
        "/beteiligung/verfahren/aenderungen/1/entscheidung".to_owned(),
        "/beteiligung/verfahren/vorschlaege/neu".to_owned(),
        "/beteiligung/verfahren/vorschlaege/1/unterstuetzen".to_owned(),
        "/beteiligung/verfahren/vorschlaege/1/kommentare".to_owned(),
        "/beteiligung/verfahren/vorschlaege/1/antwort".to_owned(),
        "/beteiligung/verfahren/fassungen/neu".to_owned(),
    ];
    let source = include_str!("../../src/routes/mod.rs");
    assert_eq!(
        source.matches("post(").count(),
        routes.len(),
        "every POST route of the module is listed here"
    );
    for route in routes {
        let r = app
            .post_raw(&route, &[("body", "x"), ("title", "Ein Titel ohne Token")])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{route}");
    }
    assert_eq!(proposal::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(comment::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn visitors_are_sent_to_sign_in_and_drafts_stay_hidden() {
    let app = app().await;
    let (process_id, paragraphs) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    let r = app
        .post(
            &format!("/beteiligung/verfahren/text/{}/kommentare", paragraphs[0]),
            &[("category", "frage"), ("body", "Hallo")],
        )
        .await;
    assert!(r.location().starts_with("/konto/anmelden?weiter="));
    assert_eq!(
        app.get("/beteiligung/verfahren/vorschlaege/neu")
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    process::Entity::update_many()
        .col_expr(
            process::Column::Visibility,
            sea_orm::sea_query::Expr::value("draft"),
        )
        .filter(process::Column::Id.eq(process_id))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(
        app.get("/beteiligung/verfahren").await.status,
        StatusCode::NOT_FOUND
    );
    app.sign_in_as(Role::Staff).await;
    assert_eq!(
        app.get("/beteiligung/verfahren").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_account_export_holds_the_persons_contributions_and_only_theirs() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    new_proposal(&app, "verfahren", "Fremder Vorschlag").await;
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let pid = paragraphs[0];
    app.post(
        &format!("/beteiligung/verfahren/text/{pid}/kommentare"),
        &[("category", "frage"), ("body", "Mein Kommentar zum Absatz")],
    )
    .await;
    let mine = new_proposal(&app, "verfahren", "Mein eigener Vorschlag").await;
    app.post(
        &format!("/beteiligung/verfahren/vorschlaege/{mine}/unterstuetzen"),
        &[],
    )
    .await;

    let r = app.get("/konto/export").await;
    assert_eq!(r.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    let part = &json["modules"]["beteiligung"];
    let titles: Vec<&str> = part["proposals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Mein eigener Vorschlag"]);
    assert_eq!(part["comments"][0]["text"], "Mein Kommentar zum Absatz");
    assert_eq!(part["comments"].as_array().unwrap().len(), 1);
    assert_eq!(part["supported_proposals"], serde_json::json!([mine]));
}
