//! Debates on the real router: staff create and close them, participants
//! comment pro and contra while the phase allows it, a closed debate takes
//! no comments, the page costs the same number of queries however long the
//! discussion.

use crate::support::TestApp;
use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{comment, debate};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::flows::{Open, app, bare_process};

/// A published process whose current phase has commenting on or off.
async fn process_with(app: &TestApp, slug: &str, commenting: bool) -> i64 {
    let open = Open {
        commenting,
        ..Open::default()
    };
    bare_process(app, slug, open, 10, false).await
}

/// Staff create a debate through the form; returns its id.
async fn new_debate(app: &TestApp, slug: &str, question: &str) -> i64 {
    let r = app
        .post(
            &format!("/beteiligung/{slug}/debatten/neu"),
            &[
                ("question", question),
                ("description", "Worum es geht, mit **Argumenten**."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location()
        .trim_start_matches(&format!("/beteiligung/{slug}/debatten/"))
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn debate_comments(app: &TestApp, id: i64) -> u64 {
    comment::Entity::find()
        .filter(comment::Column::TargetKind.eq("debate"))
        .filter(comment::Column::TargetId.eq(id))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn participants_argue_pro_and_contra_and_the_counts_show() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(
        &app,
        "verfahren",
        "Soll es ein Recht auf analoge Verwaltung geben?",
    )
    .await;

    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    for (stance, body) in [
        ("pro", "Ja, für ältere Menschen."),
        ("pro", "Ja, auch aus Datenschutzgründen."),
        ("contra", "Nein, das bindet Personal."),
    ] {
        let r = app
            .post(
                &format!("/beteiligung/verfahren/debatten/{id}/kommentare"),
                &[("stance", stance), ("body", body)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(r.location().contains("#kommentar-"));
    }
    let empty = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/kommentare"),
            &[("stance", "contra"), ("body", "  ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("error-summary"));
    assert!(
        empty.body.contains(r#"value="contra" checked"#),
        "the chosen stance is kept"
    );
    assert_eq!(debate_comments(&app, id).await, 3);

    app.forget_cookies();
    let page = app
        .get(&format!("/beteiligung/verfahren/debatten/{id}"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.text("h1"),
        "Soll es ein Recht auf analoge Verwaltung geben?"
    );
    assert!(
        page.body.contains("<strong>Argumenten</strong>"),
        "Markdown"
    );
    assert_eq!(page.texts(".debate__counts dd"), ["2", "1", "0"]);
    assert_eq!(page.count(".comments > li"), 3);
    let list = app.get("/beteiligung/verfahren/debatten").await;
    assert!(list.body.contains("2 Argumente dafür"));
    assert!(list.body.contains("1 Argument dagegen"));
    let process_page = app.get("/beteiligung/verfahren").await;
    assert!(
        process_page
            .body
            .contains(r#"href="/beteiligung/verfahren/debatten""#)
    );
    assert!(
        process_page
            .body
            .contains(r#"href="/beteiligung/verfahren/umfragen""#)
    );
}

#[tokio::test]
async fn a_closed_debate_shows_its_conclusion_first_and_takes_no_comments() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(&app, "verfahren", "Darf KI Anträge vorprüfen?").await;
    let missing = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/abschliessen"),
            &[("conclusion", " ")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(missing.body.contains(r##"href="#conclusion""##));
    let closed = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/abschliessen"),
            &[(
                "conclusion",
                "Vorprüfung ja, Entscheidungen bleiben beim Menschen.",
            )],
        )
        .await;
    assert_eq!(closed.status, StatusCode::SEE_OTHER);
    let again = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/abschliessen"),
            &[("conclusion", "Noch einmal")],
        )
        .await;
    assert_eq!(again.status, StatusCode::CONFLICT);

    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let refused = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/kommentare"),
            &[("stance", "pro"), ("body", "Zu spät")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(debate_comments(&app, id).await, 0, "nothing stored");

    app.forget_cookies();
    let page = app
        .get(&format!("/beteiligung/verfahren/debatten/{id}"))
        .await;
    let conclusion = page
        .body
        .find("Entscheidungen bleiben beim Menschen")
        .unwrap();
    let comments = page.body.find(r#"id="comments-heading""#).unwrap();
    assert!(conclusion < comments, "the conclusion is shown on top");
    assert_eq!(page.count("form textarea#body"), 0, "no comment form");
    let row = debate::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.closed_at.is_some());
}

#[tokio::test]
async fn comments_outside_a_commenting_phase_are_refused() {
    let app = app().await;
    process_with(&app, "verfahren", false).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(&app, "verfahren", "Glasfaser zuerst in die Fläche?").await;
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/kommentare"),
            &[("stance", "pro"), ("body", "Ja")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(debate_comments(&app, id).await, 0);
    let page = app
        .get(&format!("/beteiligung/verfahren/debatten/{id}"))
        .await;
    assert!(page.body.contains("keine Kommentare möglich"));
}

#[tokio::test]
async fn staff_actions_are_refused_for_participants() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(&app, "verfahren", "Eine Frage der Redaktion?").await;
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.get("/beteiligung/verfahren/debatten/neu").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&format!("/beteiligung/verfahren/debatten/{id}/bearbeiten"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    for (path, fields) in [
        (
            "/beteiligung/verfahren/debatten/neu".to_owned(),
            vec![("question", "Gekapert?"), ("description", "x")],
        ),
        (
            format!("/beteiligung/verfahren/debatten/{id}/bearbeiten"),
            vec![("question", "Gekapert?"), ("description", "x")],
        ),
        (
            format!("/beteiligung/verfahren/debatten/{id}/abschliessen"),
            vec![("conclusion", "Fazit")],
        ),
    ] {
        assert_eq!(
            app.post(&path, &fields).await.status,
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    let row = debate::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.question, "Eine Frage der Redaktion?");
    assert!(row.closed_at.is_none());
    assert_eq!(debate::Entity::find().count(&app.db).await.unwrap(), 1);

    // Staff edit the question.
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let edited = app
        .post(
            &format!("/beteiligung/verfahren/debatten/{id}/bearbeiten"),
            &[
                ("question", "Eine geschärfte Frage?"),
                ("description", "Neu"),
            ],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    let row = debate::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.question, "Eine geschärfte Frage?");
}

#[tokio::test]
async fn debate_forms_refuse_requests_without_token() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(&app, "verfahren", "Eine Frage?").await;
    let source = include_str!("../../src/routes/debates.rs");
    let routes = [
        "/beteiligung/verfahren/debatten/neu".to_owned(),
        format!("/beteiligung/verfahren/debatten/{id}/kommentare"),
        format!("/beteiligung/verfahren/debatten/{id}/bearbeiten"),
        format!("/beteiligung/verfahren/debatten/{id}/abschliessen"),
    ];
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app
            .post_raw(
                path,
                &[
                    ("question", "Ohne Token?"),
                    ("description", "x"),
                    ("conclusion", "x"),
                    ("body", "x"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(debate::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(debate_comments(&app, id).await, 0);
}

#[tokio::test]
async fn the_debate_page_costs_the_same_queries_for_few_and_many_comments() {
    let app = app().await;
    let process_id = process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(&app, "verfahren", "Eine Frage mit vielen Antworten?").await;
    let author = app.sign_in_as(Role::Participant).await;
    let add = |n: usize| {
        let now = dias_core::time::now();
        (0..n)
            .map(|i| comment::ActiveModel {
                process_id: Set(process_id),
                target_kind: Set("debate".into()),
                target_id: Set(id),
                parent_id: Set(None),
                depth: Set(0),
                author_id: Set(author),
                body: Set(format!("Argument {i}")),
                category: Set(None),
                stance: Set(["pro", "contra", "neutral"][i % 3].into()),
                upvotes: Set(0),
                created_at: Set(now),
                ..Default::default()
            })
            .collect::<Vec<_>>()
    };
    comment::Entity::insert_many(add(2))
        .exec(&app.db)
        .await
        .unwrap();
    let path = format!("/beteiligung/verfahren/debatten/{id}");
    let (few, page) = app.count_queries(app.get(&path)).await;
    assert_eq!(page.count(".comments > li"), 2);
    comment::Entity::insert_many(add(60))
        .exec(&app.db)
        .await
        .unwrap();
    let (many, page) = app.count_queries(app.get(&path)).await;
    assert_eq!(page.count(".comments > li"), 62);
    assert_eq!(few, many, "queries must not grow with the comments");
}

#[tokio::test]
async fn debates_are_found_by_the_search() {
    let app = app().await;
    process_with(&app, "verfahren", true).await;
    app.sign_in_as(Role::Staff).await;
    let id = new_debate(&app, "verfahren", "Brauchen Dorfläden digitale Kassen?").await;
    dias_search::indexer::rebuild(
        &app.state.db,
        &app.state.search,
        &app.state.sources,
        |_, _| {},
    )
    .await
    .unwrap();
    let page = app.get("/suche?q=Dorfl%C3%A4den").await;
    assert!(
        page.body
            .contains(&format!("/beteiligung/verfahren/debatten/{id}")),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn the_demo_has_an_open_and_a_closed_debate() {
    let app = app().await;
    for i in 0..5 {
        app.create_user(&format!("teilnehmer{i}@example.org"), Role::Participant)
            .await;
    }
    app.create_user("redaktion@example.org", Role::Staff).await;
    let seeder = dias_participation::module().demo.unwrap();
    seeder(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    let debates = debate::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(debates.len(), 3);
    let closed: Vec<_> = debates.iter().filter(|d| d.closed_at.is_some()).collect();
    assert_eq!(closed.len(), 1);
    let page = app
        .get(&format!(
            "/beteiligung/digitalstrategie-sachsen/debatten/{}",
            closed[0].id
        ))
        .await;
    assert!(page.body.contains("Fazit"));
    assert!(page.count(".comments > li") >= 5);
}
