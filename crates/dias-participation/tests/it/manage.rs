//! Staff set up processes and phases in the browser; nobody else can.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{phase, process, proposal};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::flows::app;
use crate::support::TestApp;

fn process_form<'a>(title: &'a str, slug: &'a str, visibility: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("title", title),
        ("slug", slug),
        ("teaser", "Wie soll die Region digital werden?"),
        ("description_md", "Eine **Beschreibung**."),
        ("organiser", "Digitalagentur Sachsen"),
        ("scope_ags5", "14521"),
        ("visibility", visibility),
        ("support_limit", "5"),
        ("support_threshold", "20"),
        ("report_threshold", "3"),
    ]
}

async fn phase_count(app: &TestApp) -> u64 {
    phase::Entity::find().count(&app.db).await.unwrap()
}

fn date(offset_days: i64) -> String {
    dias_core::time::date_input_value(dias_core::time::now() + offset_days * 86_400)
}

#[tokio::test]
async fn staff_create_a_draft_process_with_phases_and_publish_it() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let form = app.get("/beteiligung/neu").await;
    assert_eq!(form.status, StatusCode::OK);
    let r = app
        .post(
            "/beteiligung/neu",
            &process_form("Smarte Region Erzgebirge", "", "draft"),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.location(),
        "/beteiligung/smarte-region-erzgebirge/phasen?hinweis=verfahren-angelegt"
    );
    let created = process::Entity::find()
        .filter(process::Column::Slug.eq("smarte-region-erzgebirge"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(created.scope_ags5.as_deref(), Some("14521"));
    assert_eq!((created.support_limit, created.support_threshold), (5, 20));

    // Two phases, entered out of order: positions follow the dates.
    let later = [
        ("name", "Auswertung"),
        ("starts_on", &date(10)),
        ("ends_on", &date(20)),
        ("switch", "commenting"),
    ];
    let r = app
        .post("/beteiligung/smarte-region-erzgebirge/phasen/neu", &later)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let now_phase = [
        ("name", "Konsultation"),
        ("description", "Vorschläge einreichen"),
        ("starts_on", &date(-2)),
        ("ends_on", &date(9)),
        ("switch", "proposals"),
        ("switch", "commenting"),
    ];
    let r = app
        .post(
            "/beteiligung/smarte-region-erzgebirge/phasen/neu",
            &now_phase,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let phases = phase::Entity::find()
        .filter(phase::Column::ProcessId.eq(created.id))
        .order_by_asc(phase::Column::Position)
        .all(&app.db)
        .await
        .unwrap();
    let names: Vec<&str> = phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Konsultation", "Auswertung"]);
    assert!(phases[0].proposals && phases[0].commenting && !phases[0].supporting);
    // The last day is included: the phase ends when the next one starts.
    assert_eq!(phases[0].ends_at, phases[1].starts_at);

    // A draft is invisible to visitors …
    app.forget_cookies();
    assert_eq!(
        app.get("/beteiligung/smarte-region-erzgebirge")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(!app.get("/beteiligung").await.body.contains("Smarte Region"));
    // … until staff publish it.
    app.sign_in_as(Role::Staff).await;
    let mut publish = process_form(
        "Smarte Region Erzgebirge",
        "smarte-region-erzgebirge",
        "published",
    );
    publish.push(("premoderation", "1"));
    publish.push(("opinion_question", "Was braucht das Erzgebirge digital?"));
    publish.push(("opinion_anonymous", "1"));
    let r = app
        .post("/beteiligung/smarte-region-erzgebirge/bearbeiten", &publish)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The opinion map's settings are kept with its conversation and shown again.
    let conversation = dias_participation::opinion::store::conversation_of(&app.db, created.id)
        .await
        .unwrap()
        .unwrap();
    assert!(conversation.allow_anonymous);
    assert_eq!(conversation.question, "Was braucht das Erzgebirge digital?");
    let form = app
        .get("/beteiligung/smarte-region-erzgebirge/bearbeiten")
        .await;
    assert!(form.attr("#opinion_anonymous", "checked").is_some());
    assert!(form.attr("#premoderation", "checked").is_some());
    app.forget_cookies();
    let page = app.get("/beteiligung/smarte-region-erzgebirge").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text(".timeline__phase--current")
            .contains("Konsultation")
    );
    assert!(
        process::Entity::find_by_id(created.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .premoderation
    );
}

#[tokio::test]
async fn bad_process_and_phase_forms_are_shown_again_and_store_nothing() {
    let app = app().await;
    let (process_id, _) =
        crate::flows::process_with(&app, "verfahren", crate::flows::ALL_OPEN, 10).await;
    app.sign_in_as(Role::Staff).await;
    let before = process::Entity::find().count(&app.db).await.unwrap();

    // The slug of another process, a Kreis that does not exist, a limit of 0.
    let mut form = process_form("Zweites Verfahren", "verfahren", "published");
    form.retain(|(k, _)| *k != "scope_ags5" && *k != "support_limit");
    form.push(("scope_ags5", "99999"));
    form.push(("support_limit", "0"));
    let r = app.post("/beteiligung/neu", &form).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.count(".error-summary li"),
        2,
        "{}",
        r.text(".error-summary")
    );
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Zweites Verfahren")
    );
    let r = app
        .post(
            "/beteiligung/neu",
            &process_form("Zweites Verfahren", "verfahren", "published"),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text("#slug-error").contains("anderes Verfahren"),
        "{}",
        r.text("#slug-error")
    );
    assert_eq!(
        process::Entity::find().count(&app.db).await.unwrap(),
        before
    );

    // A phase overlapping the existing one (yesterday … tomorrow), and one
    // that ends before it starts.
    let phases_before = phase_count(&app).await;
    let overlapping = [
        ("name", "Zweite Runde"),
        ("starts_on", &date(0)),
        ("ends_on", &date(5)),
    ];
    let r = app
        .post("/beteiligung/verfahren/phasen/neu", &overlapping)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#starts_on-error").contains("überschneidet"));
    assert_eq!(r.attr("#name", "value").as_deref(), Some("Zweite Runde"));
    let backwards = [
        ("name", "Zweite Runde"),
        ("starts_on", &date(30)),
        ("ends_on", &date(20)),
    ];
    let r = app
        .post("/beteiligung/verfahren/phasen/neu", &backwards)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("ends_on-error"));
    let nonsense = [("name", "X"), ("starts_on", "morgen"), ("ends_on", "")];
    let r = app
        .post("/beteiligung/verfahren/phasen/neu", &nonsense)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(phase_count(&app).await, phases_before);
    let _ = process_id;
}

#[tokio::test]
async fn a_manual_phase_override_decides_what_is_open() {
    let app = app().await;
    let (process_id, _) =
        crate::flows::process_with(&app, "verfahren", crate::flows::ALL_OPEN, 10).await;
    app.sign_in_as(Role::Staff).await;
    // A later phase in which nothing is open.
    let later = [
        ("name", "Auswertung"),
        ("starts_on", &date(30)),
        ("ends_on", &date(40)),
    ];
    assert_eq!(
        app.post("/beteiligung/verfahren/phasen/neu", &later)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let evaluation = phase::Entity::find()
        .filter(phase::Column::Name.eq("Auswertung"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let id = evaluation.id.to_string();
    let mut form = process_form("Testverfahren Digitalstrategie", "verfahren", "published");
    form.push(("phase_override", &id));
    let r = app.post("/beteiligung/verfahren/bearbeiten", &form).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    // Proposals are now refused although the dates say "Konsultation".
    app.sign_in_as(Role::Participant).await;
    let before = proposal::Entity::find().count(&app.db).await.unwrap();
    let r = app
        .post(
            "/beteiligung/verfahren/vorschlaege/neu",
            &[
                ("title", "Mehr Glasfaser"),
                ("body", "Begründung"),
                ("topic", "infrastruktur"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        proposal::Entity::find().count(&app.db).await.unwrap(),
        before
    );
    let page = app.get("/beteiligung/verfahren").await;
    assert!(
        page.text(".timeline__phase--current")
            .contains("Auswertung")
    );

    // Deleting the chosen phase falls back to the dates.
    app.sign_in_as(Role::Staff).await;
    let r = app
        .post(&format!("/beteiligung/verfahren/phasen/{id}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let p = process::Entity::find_by_id(process_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(p.phase_override, None);
    let page = app.get("/beteiligung/verfahren").await;
    assert!(
        page.text(".timeline__phase--current")
            .contains("Konsultation")
    );
}

#[tokio::test]
async fn only_staff_set_up_processes() {
    let app = app().await;
    crate::flows::process_with(&app, "verfahren", crate::flows::ALL_OPEN, 10).await;
    let phases_before = phase_count(&app).await;
    for role in [
        None,
        Some(Role::Participant),
        Some(Role::Moderator),
        Some(Role::Municipality),
    ] {
        app.forget_cookies();
        if let Some(role) = role {
            app.sign_in_as(role).await;
        }
        let expected = if role.is_some() {
            StatusCode::FORBIDDEN
        } else {
            StatusCode::SEE_OTHER
        };
        for path in [
            "/beteiligung/neu",
            "/beteiligung/verfahren/bearbeiten",
            "/beteiligung/verfahren/phasen",
            "/beteiligung/verfahren/phasen/neu",
        ] {
            assert_eq!(app.get(path).await.status, expected, "{role:?} GET {path}");
        }
        let r = app
            .post(
                "/beteiligung/neu",
                &process_form("Fremdes Verfahren", "", "published"),
            )
            .await;
        assert_eq!(r.status, expected, "{role:?}");
        let r = app
            .post(
                "/beteiligung/verfahren/phasen/neu",
                &[
                    ("name", "X"),
                    ("starts_on", &date(50)),
                    ("ends_on", &date(60)),
                ],
            )
            .await;
        assert_eq!(r.status, expected, "{role:?}");
    }
    assert_eq!(process::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(phase_count(&app).await, phases_before);
}

#[tokio::test]
async fn setup_actions_refuse_requests_without_token() {
    let app = app().await;
    crate::flows::process_with(&app, "verfahren", crate::flows::ALL_OPEN, 10).await;
    app.sign_in_as(Role::Staff).await;
    let phase_id = phase::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let source = include_str!("../../src/routes/manage.rs");
    let routes = [
        "/beteiligung/neu".to_owned(),
        "/beteiligung/verfahren/bearbeiten".to_owned(),
        "/beteiligung/verfahren/phasen/neu".to_owned(),
        format!("/beteiligung/verfahren/phasen/{phase_id}"),
        format!("/beteiligung/verfahren/phasen/{phase_id}/loeschen"),
    ];
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in routes {
        let r = app.post_raw(&path, &[("name", "x")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(phase_count(&app).await, 1);
}

#[tokio::test]
async fn unpublishing_or_renaming_a_process_rebuilds_the_search_index() {
    use dias_core::entities::outbox_event;
    let app = app().await;
    crate::flows::process_with(&app, "verfahren", crate::flows::ALL_OPEN, 10).await;
    app.sign_in_as(Role::Staff).await;
    let rebuilds = || async {
        outbox_event::Entity::find()
            .filter(outbox_event::Column::Kind.eq(dias_search::indexer::REBUILD))
            .count(&app.db)
            .await
            .unwrap()
    };
    // Only the teaser changes: just the process's own document.
    let mut form = process_form("Testverfahren Digitalstrategie", "verfahren", "published");
    form.retain(|(k, _)| *k != "teaser");
    form.push(("teaser", "Eine neue Kurzbeschreibung."));
    assert_eq!(
        app.post("/beteiligung/verfahren/bearbeiten", &form)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(rebuilds().await, 0);
    // Back to draft: its proposals and paragraphs leave the public search.
    let draft = process_form("Testverfahren Digitalstrategie", "verfahren", "draft");
    assert_eq!(
        app.post("/beteiligung/verfahren/bearbeiten", &draft)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(rebuilds().await, 1);
    // A new address: every indexed link of the process changes.
    let renamed = process_form("Testverfahren Digitalstrategie", "neuer-name", "draft");
    assert_eq!(
        app.post("/beteiligung/verfahren/bearbeiten", &renamed)
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(rebuilds().await, 2);
}
