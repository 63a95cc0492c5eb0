//! Funding projects: store round trip with history, pages and forms per
//! role, CSRF on every form action, documents checked by their bytes,
//! stale edits refused with 409, overdue warnings, no N+1 on the list.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_broadband::members;
use dias_broadband::projects::store::{self, Seed};
use dias_broadband::projects::{self, ProjectInput, Stage, StageChange, ValidProject};
use dias_core::policy::Role;
use jiff::ToSpan;
use jiff::civil::Date;

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

const AMTSBERG: &str = "14521010";
const OTHER: &str = "14522010";

fn today() -> Date {
    dias_broadband::today()
}

pub(crate) fn valid(name: &str, area: &str) -> ValidProject {
    let input = ProjectInput {
        name: name.into(),
        area: area.into(),
        federal: "500.000".into(),
        state: "400.000".into(),
        municipal: "100.000".into(),
        eligible: "1.000.000".into(),
        addresses_planned: "420".into(),
        ..ProjectInput::default()
    };
    projects::validate(&input, "de", Stage::first(), |_| true).unwrap()
}

/// A project created through the store by a staff account.
pub(crate) async fn project(app: &TestApp, name: &str, area: &str) -> i64 {
    let (staff, _) = app
        .create_user(
            &format!(
                "anleger-{}@example.org",
                &dias_core::crypto::random_token()[..6].to_lowercase()
            ),
            Role::Staff,
        )
        .await;
    store::create(&app.db, staff, &valid(name, area), today(), 1_000)
        .await
        .unwrap()
        .id
}

/// Signs in a municipality account that is a member for `area`.
async fn member_of(app: &TestApp, area: &str) -> i64 {
    let id = app.sign_in_as(Role::Municipality).await;
    members::add_membership(&app.db, id, area).await.unwrap();
    id
}

async fn version(app: &TestApp, id: i64) -> i32 {
    store::load(&app.db, id).await.unwrap().unwrap().row.version
}

#[tokio::test]
async fn store_round_trip_keeps_stages_amounts_and_history() {
    let app = app().await;
    let (user, _) = app
        .create_user("kommune@example.org", Role::Municipality)
        .await;
    let mut v = valid("Gigabit Amtsberg", AMTSBERG);
    v.planned[Stage::MarketSurvey.index()] = Some("2026-03-01".parse().unwrap());
    let row = store::create(&app.db, user, &v, "2026-01-15".parse().unwrap(), 100)
        .await
        .unwrap();
    let loaded = store::load(&app.db, row.id).await.unwrap().unwrap();
    assert_eq!(loaded.valid(), v);
    assert_eq!(loaded.stage, Stage::Consultation);
    assert_eq!(loaded.reached[0], Some("2026-01-15".parse().unwrap()));
    assert_eq!(loaded.row.next_due_date.as_deref(), Some("2026-03-01"));

    // An edit records old and new values; a stale one changes nothing.
    let mut edited = v.clone();
    edited.amounts.federal = 45_000_000;
    edited.planned[Stage::MarketSurvey.index()] = Some("2026-04-01".parse().unwrap());
    let changes = store::update(&app.db, user, row.id, 1, &edited, 200)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(changes.len(), 2);
    let stale = store::update(&app.db, user, row.id, 1, &v, 250)
        .await
        .unwrap();
    assert_eq!(stale, Err(store::Stale { current: 2 }));
    let loaded = store::load(&app.db, row.id).await.unwrap().unwrap();
    assert_eq!(loaded.valid(), edited);
    assert_eq!(loaded.row.next_due_date.as_deref(), Some("2026-04-01"));

    // Forward one stage, then back with a note: the reached date goes, the
    // history stays.
    let forward = StageChange {
        from: Stage::Consultation,
        to: Stage::PotentialAnalysis,
        date: "2026-02-01".parse().unwrap(),
        note: "Auftakt mit dem Planungsbüro".into(),
    };
    store::change_stage(&app.db, user, row.id, 2, &forward, 300)
        .await
        .unwrap()
        .unwrap();
    let back = StageChange {
        from: Stage::PotentialAnalysis,
        to: Stage::Consultation,
        date: "2026-02-10".parse().unwrap(),
        note: "Gebiet wird neu zugeschnitten".into(),
    };
    // From a stale version: refused.
    assert!(
        store::change_stage(&app.db, user, row.id, 2, &back, 350)
            .await
            .unwrap()
            .is_err()
    );
    store::change_stage(&app.db, user, row.id, 3, &back, 400)
        .await
        .unwrap()
        .unwrap();
    let loaded = store::load(&app.db, row.id).await.unwrap().unwrap();
    assert_eq!(loaded.stage, Stage::Consultation);
    assert_eq!(loaded.reached[1], None);
    assert_eq!(loaded.row.version, 4);

    let doc = store::add_document(
        &app.db,
        user,
        row.id,
        projects::DocumentKind::Pdf,
        "Bescheid.pdf",
        b"%PDF-1.4".to_vec(),
        500,
    )
    .await
    .unwrap();
    assert_eq!(store::documents(&app.db, row.id).await.unwrap().len(), 1);
    assert!(
        !store::remove_document(&app.db, user, row.id + 1, doc, 550)
            .await
            .unwrap()
    );
    assert!(
        store::remove_document(&app.db, user, row.id, doc, 600)
            .await
            .unwrap()
    );
    assert!(store::documents(&app.db, row.id).await.unwrap().is_empty());

    let history = store::history(&app.db, row.id).await.unwrap();
    let kinds: Vec<&str> = history.iter().map(|h| h.event.kind.as_str()).collect();
    assert_eq!(
        kinds,
        vec![
            "document_removed",
            "document_added",
            "stage",
            "stage",
            "edited",
            "created"
        ]
    );
    assert_eq!(history[2].event.note, "Gebiet wird neu zugeschnitten");
    assert_eq!(history[2].event.from_stage, "potenzialanalyse");
    assert_eq!(history[4].changes[0].field, "federal");
    assert_eq!(history[4].changes[0].old, "50000000");
    assert_eq!(history[4].changes[0].new, "45000000");
    assert_eq!(history[0].who.as_deref(), Some("Test Person"));
}

#[tokio::test]
async fn the_public_sees_the_summary_members_and_staff_see_everything() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let path = format!("/breitband/projekte/{id}");

    // Visitor, participant, operator and a non-member municipality: the
    // public summary only.
    let visitor = app.get(&path).await;
    assert_eq!(visitor.status, StatusCode::OK);
    assert!(visitor.body.contains("Gigabit Amtsberg"));
    assert_eq!(visitor.count("#broadband-project-timeline li"), 12);
    assert!(visitor.body.contains("500.000,00"));
    assert_eq!(visitor.count("#dokumente"), 0);
    assert_eq!(visitor.count("#verlauf"), 0);
    for role in [Role::Participant, Role::Operator] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        let r = app.get(&path).await;
        assert_eq!(r.status, StatusCode::OK, "{role:?}");
        assert_eq!(r.count("#dokumente"), 0, "{role:?}");
        assert_eq!(r.count("#broadband-project-actions"), 0, "{role:?}");
    }
    app.forget_cookies();
    member_of(&app, OTHER).await;
    assert_eq!(app.get(&path).await.count("#verlauf"), 0);

    // A member for the Gemeinde (or its Kreis) and staff see documents,
    // history and the forms.
    for area in [AMTSBERG, "14521"] {
        app.forget_cookies();
        member_of(&app, area).await;
        let r = app.get(&path).await;
        assert_eq!(r.count("#dokumente"), 1, "{area}");
        assert_eq!(r.count("#broadband-project-history li"), 1, "{area}");
        assert_eq!(r.count("#broadband-project-actions a"), 2, "{area}");
    }
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    assert_eq!(app.get(&path).await.count("#verlauf"), 1);
}

/// Every page and form action of a project for one kind of account: the
/// expected status of (GET new, GET edit, GET stage, POST edit, POST stage).
async fn statuses(app: &TestApp, id: i64) -> Vec<StatusCode> {
    let v = version(app, id).await.to_string();
    let mut out = vec![
        app.get("/breitband/projekte/neu").await.status,
        app.get(&format!("/breitband/projekte/{id}/bearbeiten"))
            .await
            .status,
        app.get(&format!("/breitband/projekte/{id}/phase"))
            .await
            .status,
    ];
    let edit = app
        .post(
            &format!("/breitband/projekte/{id}/bearbeiten"),
            &[
                ("version", &v),
                ("name", "Umbenannt"),
                ("area", AMTSBERG),
                ("eligible", "10"),
            ],
        )
        .await;
    out.push(edit.status);
    let v = version(app, id).await.to_string();
    let stage = app
        .post(
            &format!("/breitband/projekte/{id}/phase"),
            &[
                ("version", &v),
                ("to", "potenzialanalyse"),
                ("date", &today().to_string()),
            ],
        )
        .await;
    out.push(stage.status);
    out
}

#[tokio::test]
async fn only_members_of_the_area_and_staff_may_change_a_project() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let see = StatusCode::SEE_OTHER;
    let no = StatusCode::FORBIDDEN;
    let ok = StatusCode::OK;

    // Visitors are sent to sign in.
    assert_eq!(statuses(&app, id).await, vec![see; 5]);
    for role in [Role::Participant, Role::Operator, Role::Municipality] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        assert_eq!(statuses(&app, id).await, vec![no; 5], "{role:?}");
    }
    // A member elsewhere may open projects for its own area only.
    app.forget_cookies();
    member_of(&app, OTHER).await;
    assert_eq!(statuses(&app, id).await, vec![ok, no, no, no, no]);
    // Nothing was stored on refusal.
    let p = store::load(&app.db, id).await.unwrap().unwrap();
    assert_eq!(p.row.name, "Gigabit Amtsberg");
    assert_eq!(p.stage, Stage::Consultation);
    assert_eq!(p.row.version, 1);

    app.forget_cookies();
    member_of(&app, AMTSBERG).await;
    assert_eq!(statuses(&app, id).await, vec![ok, ok, ok, see, see]);
    let p = store::load(&app.db, id).await.unwrap().unwrap();
    assert_eq!(p.row.name, "Umbenannt");
    assert_eq!(p.stage, Stage::PotentialAnalysis);

    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let id = project(&app, "Projekt der Redaktion", OTHER).await;
    assert_eq!(statuses(&app, id).await, vec![ok, ok, ok, see, see]);
}

#[tokio::test]
async fn a_member_creates_a_project_for_its_area_only() {
    let app = app().await;
    member_of(&app, AMTSBERG).await;
    let form = app.get("/breitband/projekte/neu").await;
    assert_eq!(form.status, StatusCode::OK);
    // Only the member's Gemeinde is offered, and it is preselected.
    assert_eq!(form.count("#area option[value]:not([value=''])"), 1);
    assert_eq!(
        form.attr("#area option[selected]", "value").as_deref(),
        Some(AMTSBERG)
    );

    let foreign = app
        .post(
            "/breitband/projekte/neu",
            &[("name", "Fremdes Projekt"), ("area", OTHER)],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(foreign.count(".error-summary a[href='#area']"), 1);
    assert!(!store::any(&app.db).await.unwrap());

    // Bad input: all errors at once, the input kept, nothing stored.
    let bad = app
        .post(
            "/breitband/projekte/neu",
            &[
                ("name", "Gigabit Amtsberg"),
                ("area", AMTSBERG),
                ("federal", "0"),
                ("state", "300.000"),
                ("eligible", "200.000"),
                ("addresses_planned", "100"),
                ("addresses_connected", "101"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let linked: Vec<String> = bad
        .html()
        .select(&scraper::Selector::parse(".error-summary a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        linked,
        vec!["#eligible", "#state", "#addresses_connected"],
        "{}",
        bad.body
    );
    assert_eq!(bad.attr("#state", "value").as_deref(), Some("300.000"));
    assert_eq!(
        bad.attr("#name", "value").as_deref(),
        Some("Gigabit Amtsberg")
    );
    assert!(!store::any(&app.db).await.unwrap());

    let created = app
        .post(
            "/breitband/projekte/neu",
            &[
                ("name", "Gigabit Amtsberg"),
                ("area", AMTSBERG),
                ("federal", "500.000"),
                ("state", "400.000"),
                ("municipal", "100.000"),
                ("eligible", "1.000.000"),
                ("addresses_planned", "420"),
                ("planned_markterkundung", "2027-03-01"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let page = app.get(created.location()).await;
    assert!(page.text(".flash--success").contains("angelegt"));
    assert!(page.text("#broadband-project-history").contains("Beratung"));
    assert!(page.text("#phase-markterkundung").contains("01.03.2027"));
}

#[tokio::test]
async fn an_edit_on_a_stale_version_is_refused_with_the_form_again() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    member_of(&app, AMTSBERG).await;
    let path = format!("/breitband/projekte/{id}/bearbeiten");
    let form = app.get(&path).await;
    let loaded = form.attr("input[name=version]", "value").unwrap();
    assert_eq!(form.attr("#federal", "value").as_deref(), Some("500000,00"));
    let first = app
        .post(
            &path,
            &[
                ("version", &loaded),
                ("name", "Erste Fassung"),
                ("area", AMTSBERG),
                ("federal", "600.000"),
                ("eligible", "1.000.000"),
            ],
        )
        .await;
    assert_eq!(first.status, StatusCode::SEE_OTHER);
    let second = app
        .post(
            &path,
            &[
                ("version", &loaded),
                ("name", "Zweite Fassung"),
                ("area", AMTSBERG),
                ("eligible", "1.000.000"),
            ],
        )
        .await;
    assert_eq!(second.status, StatusCode::CONFLICT);
    assert_eq!(second.count("#broadband-projects-conflict"), 1);
    assert_eq!(
        second.attr("#name", "value").as_deref(),
        Some("Zweite Fassung")
    );
    // The form now carries the stored version: saving again is a choice.
    assert_eq!(
        second.attr("input[name=version]", "value").as_deref(),
        Some("2")
    );
    let p = store::load(&app.db, id).await.unwrap().unwrap();
    assert_eq!(p.row.name, "Erste Fassung");
    assert_eq!(p.row.federal_cents, 60_000_000);

    // The same for a stage change.
    let stage = app
        .post(
            &format!("/breitband/projekte/{id}/phase"),
            &[
                ("version", &loaded),
                ("to", "potenzialanalyse"),
                ("date", &today().to_string()),
                ("note", "Start"),
            ],
        )
        .await;
    assert_eq!(stage.status, StatusCode::CONFLICT);
    assert_eq!(stage.attr("#note", "value"), None);
    assert!(stage.text("#note").contains("Start"));
    assert_eq!(
        store::load(&app.db, id).await.unwrap().unwrap().stage,
        Stage::Consultation
    );
}

#[tokio::test]
async fn stage_changes_are_checked_recorded_and_shown() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    member_of(&app, AMTSBERG).await;
    let path = format!("/breitband/projekte/{id}/phase");
    let form = app.get(&path).await;
    assert_eq!(
        form.attr("#to option[selected]", "value").as_deref(),
        Some("potenzialanalyse")
    );
    let tomorrow = today().checked_add(1.day()).unwrap().to_string();
    let bad = app
        .post(
            &path,
            &[
                ("version", "1"),
                ("to", "markterkundung"),
                ("date", &tomorrow),
                ("note", "Notiz"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(bad.count(".error-summary a"), 2);
    assert!(bad.text("#note").contains("Notiz"));
    let ok = app
        .post(
            &path,
            &[
                ("version", "1"),
                ("to", "potenzialanalyse"),
                ("date", &today().to_string()),
                ("note", "Branchendialog am Runden Tisch"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/breitband/projekte/{id}")).await;
    assert!(
        page.text("#broadband-project-stage")
            .contains("Potenzialanalyse")
    );
    assert!(
        page.text("#broadband-project-history")
            .contains("Branchendialog am Runden Tisch")
    );
    // Back without a note: refused; with one: recorded.
    let back = app
        .post(
            &path,
            &[
                ("version", "2"),
                ("to", "beratung"),
                ("date", &today().to_string()),
            ],
        )
        .await;
    assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(back.count(".error-summary a[href='#note']"), 1);
}

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-projekt-grenze";
    let mut body = Vec::new();
    for (name, filename, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            ),
            None => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
            ),
        }
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Uploads a document the way the project page's form does.
async fn upload(
    app: &TestApp,
    id: i64,
    filename: &str,
    bytes: &[u8],
    with_token: bool,
) -> TestResponse {
    let token = app.csrf().await;
    let id = id.to_string();
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if with_token {
        parts.push(("_csrf", None, token.as_bytes()));
    }
    parts.push(("project", None, id.as_bytes()));
    parts.push(("document", Some(filename), bytes));
    let (content_type, body) = multipart(&parts);
    let cookie = session_cookie();
    app.request(
        Request::builder()
            .method("POST")
            .uri("/breitband/projekte/dokumente")
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// The session cookie remembered by [`login_cookie`] (the test app adds
/// its own cookie to form posts only).
fn session_cookie() -> String {
    SESSION.with(|c| c.borrow().clone())
}

thread_local! {
    static SESSION: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Signs in `email` through the login form and remembers the session
/// cookie for multipart requests.
async fn login_cookie(app: &TestApp, email: &str) {
    let token = app.csrf().await;
    let response = app
        .post_raw(
            "/konto/anmelden",
            &[
                ("_csrf", &token),
                ("email", email),
                ("password", crate::support::PASSWORD),
            ],
        )
        .await;
    let cookie = response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("dias_session=") && *pair != "dias_session=")
        .expect("a session cookie")
        .to_owned();
    SESSION.with(|c| *c.borrow_mut() = cookie);
}

#[tokio::test]
async fn documents_are_checked_by_their_bytes_and_served_as_attachments() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let (member, _) = app
        .create_user("mitglied@example.org", Role::Municipality)
        .await;
    members::add_membership(&app.db, member, AMTSBERG)
        .await
        .unwrap();
    login_cookie(&app, "mitglied@example.org").await;
    let pdf: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";

    // Without the token: refused by the CSRF check, nothing stored.
    let r = upload(&app, id, "Bescheid.pdf", pdf, false).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // A PDF named .docx, and a program named .pdf: refused with the form.
    let forged = upload(&app, id, "Bescheid.docx", pdf, true).await;
    assert_eq!(
        forged.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        forged.body
    );
    assert_eq!(forged.count(".error-summary a[href='#document']"), 1);
    let program = upload(
        &app,
        id,
        "Bescheid.pdf",
        b"MZ\x90\x00\x03\x00\x00\x00",
        true,
    )
    .await;
    assert_eq!(program.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(store::documents(&app.db, id).await.unwrap().is_empty());

    let ok = upload(&app, id, "Zuwendungsbescheid Bund.pdf", pdf, true).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let docs = store::documents(&app.db, id).await.unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].mime, "application/pdf");

    let cookie = session_cookie();
    let download_path = format!("/breitband/projekte/{id}/dokumente/{}", docs[0].id);
    let download = app
        .request(
            Request::builder()
                .uri(&download_path)
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers[header::CONTENT_TYPE], "application/pdf");
    let disposition = download.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(
        disposition.contains("Zuwendungsbescheid%20Bund.pdf"),
        "{disposition}"
    );
    assert_eq!(download.body.as_bytes(), pdf);

    // Removing is recorded too.
    let token = app.csrf().await;
    let removed = app
        .request(
            Request::builder()
                .method("POST")
                .uri(format!("{download_path}/entfernen"))
                .header(header::COOKIE, &cookie)
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .body(Body::from(format!("_csrf={token}")))
                .unwrap(),
        )
        .await;
    assert_eq!(removed.status, StatusCode::SEE_OTHER);
    let kinds: Vec<String> = store::history(&app.db, id)
        .await
        .unwrap()
        .into_iter()
        .map(|h| h.event.kind)
        .collect();
    assert_eq!(kinds[..2], ["document_removed", "document_added"]);

    // Visitors do not get documents.
    let doc = store::add_document(
        &app.db,
        member,
        id,
        projects::DocumentKind::Pdf,
        "intern.pdf",
        pdf.to_vec(),
        1,
    )
    .await
    .unwrap();
    app.forget_cookies();
    let visitor = app
        .get(&format!("/breitband/projekte/{id}/dokumente/{doc}"))
        .await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn every_form_action_of_projects_needs_a_csrf_token() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    app.sign_in_as(Role::Staff).await;
    let doc = store::add_document(
        &app.db,
        1,
        id,
        projects::DocumentKind::Csv,
        "liste.csv",
        b"a;b\n1;2\n".to_vec(),
        10,
    )
    .await
    .unwrap();
    let routes = [
        "/breitband/projekte/neu".to_owned(),
        format!("/breitband/projekte/{id}/bearbeiten"),
        format!("/breitband/projekte/{id}/phase"),
        "/breitband/projekte/dokumente".to_owned(),
        format!("/breitband/projekte/{id}/dokumente/{doc}/entfernen"),
    ];
    let source = include_str!("../../src/routes/projects.rs");
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app
            .post_raw(
                path,
                &[
                    ("name", "Ohne Token"),
                    ("area", AMTSBERG),
                    ("version", "1"),
                    ("to", "potenzialanalyse"),
                    ("date", "2026-01-01"),
                    ("project", &id.to_string()),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let p = store::load(&app.db, id).await.unwrap().unwrap();
    assert_eq!(p.row.version, 1);
    assert_eq!(store::documents(&app.db, id).await.unwrap().len(), 1);
}

/// Seeds `n` projects in every Kreis's first Gemeinde, at varying stages.
async fn seed(app: &TestApp, n: usize) {
    let reference = dias_core::reference::cached();
    let seeds: Vec<Seed> = (0..n)
        .map(|i| {
            let m = &reference.municipalities[i % reference.municipalities.len()];
            let stage = Stage::ALL[i % 12];
            let mut reached = [None; 12];
            reached[stage.index()] = Some(today());
            Seed {
                valid: valid(&format!("Projekt {i:03}"), &m.ags8),
                stage,
                reached,
            }
        })
        .collect();
    store::insert_many(&app.db, &seeds, 1).await.unwrap();
}

#[tokio::test]
async fn the_list_filters_and_needs_the_same_queries_for_few_and_many() {
    let app = app().await;
    seed(&app, 3).await;
    let (few, r) = app.count_queries(app.get("/breitband/projekte")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.count("#broadband-projects-table tbody tr"), 3);
    seed(&app, 40).await;
    let (many, r) = app.count_queries(app.get("/breitband/projekte")).await;
    assert_eq!(r.count("#broadband-projects-table tbody tr"), 25);
    assert_eq!(few, many, "no query per project");
    let stage = app.get("/breitband/projekte?phase=bau").await;
    assert!(stage.count("#broadband-projects-table tbody tr") >= 3);
    let kreis = app.get("/breitband/projekte?kreis=14612").await;
    assert_eq!(kreis.status, StatusCode::OK);
    for bad in ["?kreis=99999", "?phase=fertig", "?seite=0"] {
        assert_eq!(
            app.get(&format!("/breitband/projekte{bad}")).await.status,
            StatusCode::BAD_REQUEST,
            "{bad}"
        );
    }
    assert_eq!(
        app.get("/breitband/projekte/abc").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        app.get("/breitband/projekte/999999").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn an_overdue_stage_shows_on_the_project_the_list_and_the_overview() {
    let app = app().await;
    let (staff, _) = app.create_user("redaktion@example.org", Role::Staff).await;
    let mut late = valid("Verspätetes Projekt", AMTSBERG);
    late.planned[Stage::PotentialAnalysis.index()] = today().checked_sub(10.days()).ok();
    let late = store::create(
        &app.db,
        staff,
        &late,
        today().checked_sub(20.days()).unwrap(),
        1,
    )
    .await
    .unwrap();
    let mut fine = valid("Pünktliches Projekt", OTHER);
    fine.planned[Stage::PotentialAnalysis.index()] = today().checked_add(10.days()).ok();
    store::create(&app.db, staff, &fine, today(), 1)
        .await
        .unwrap();

    let page = app.get(&format!("/breitband/projekte/{}", late.id)).await;
    assert!(
        page.text("#broadband-project-overdue")
            .contains("Potenzialanalyse")
    );
    assert_eq!(page.count("#phase-potenzialanalyse .badge--warn"), 1);
    let list = app.get("/breitband/projekte?ueberfaellig=1").await;
    assert_eq!(list.count("#broadband-projects-table tbody tr"), 1);
    assert_eq!(list.count(".badge--warn"), 1);
    let overview = app.get("/breitband/projekte/ueberfaellig").await;
    assert_eq!(overview.status, StatusCode::OK);
    assert_eq!(
        overview.count("#broadband-projects-overdue-table tbody tr"),
        1
    );
    assert!(
        overview
            .text("#broadband-projects-overdue-table")
            .contains("Verspätetes Projekt")
    );
}

#[tokio::test]
async fn project_messages_exist_in_both_languages() {
    let catalog =
        dias_core::i18n::Catalog::new(dias_broadband::MESSAGES).unwrap_or_else(|e| panic!("{e}"));
    let mut ids: Vec<String> = Vec::new();
    let sources = [
        include_str!("../../src/routes/projects.rs"),
        include_str!("../../src/routes/lagebild_projects.rs"),
        include_str!("../../src/projects/mod.rs"),
    ];
    for source in sources {
        for part in source.split("\"broadband-projects-").skip(1) {
            let id = part.split('"').next().unwrap();
            if !id.contains('{') {
                ids.push(format!("broadband-projects-{id}"));
            }
        }
        for part in source.split("hinweis=").skip(1) {
            let key = part.split(['"', '#']).next().unwrap();
            ids.push(format!("notice-{key}"));
        }
    }
    let templates = [
        include_str!("../../templates/broadband/projects.html"),
        include_str!("../../templates/broadband/project.html"),
        include_str!("../../templates/broadband/project_form.html"),
        include_str!("../../templates/broadband/project_stage.html"),
        include_str!("../../templates/broadband/project_overdue.html"),
        include_str!("../../templates/broadband/project_table.html"),
        include_str!("../../templates/broadband/lagebild_projects.html"),
    ];
    for template in templates {
        for call in ["ctx.t(\"", "ctx.t1(\"", "ctx.tn(\""] {
            for part in template.split(call).skip(1) {
                ids.push(part.split('"').next().unwrap().to_owned());
            }
        }
    }
    for stage in Stage::ALL {
        ids.push(stage.label_key());
    }
    for model in projects::SelectionModel::ALL {
        ids.push(model.label_key());
    }
    assert!(ids.len() > 100, "{}", ids.len());
    // Shared ids (breadcrumbs, errors) come from the core catalogue.
    ids.retain(|id| id.starts_with("broadband-") || id.starts_with("notice-"));
    for id in ids {
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, &id), id, "{locale}: {id}");
        }
    }
}

#[tokio::test]
async fn kreis_and_gemeinde_pages_list_their_projects_in_one_query() {
    let app = app().await;
    project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    project(&app, "Kreisweites Programm", "14521").await;
    project(&app, "Anderswo", OTHER).await;
    let gemeinde = app.get(&format!("/breitband/gemeinden/{AMTSBERG}")).await;
    assert_eq!(gemeinde.status, StatusCode::OK);
    let listed = gemeinde.text("#broadband-area-projects");
    assert!(listed.contains("Gigabit Amtsberg") && listed.contains("Kreisweites Programm"));
    assert!(!listed.contains("Anderswo"));
    let (few, kreis) = app.count_queries(app.get("/breitband/kreise/14521")).await;
    assert_eq!(kreis.count("#broadband-area-projects li"), 2);
    for i in 0..5 {
        project(&app, &format!("Weiteres Projekt {i}"), AMTSBERG).await;
    }
    let (many, kreis) = app.count_queries(app.get("/breitband/kreise/14521")).await;
    assert_eq!(kreis.count("#broadband-area-projects li"), 7);
    assert_eq!(few, many);
    let empty = app.get("/breitband/kreise/14612").await;
    assert_eq!(empty.count("#broadband-area-projects"), 0);
    assert_eq!(empty.count("#foerderprojekte"), 1);
}

#[tokio::test]
async fn a_persons_project_activity_is_exported_and_unlinked_on_deletion() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let me = member_of(&app, AMTSBERG).await;
    let r = app
        .post(
            &format!("/breitband/projekte/{id}/phase"),
            &[
                ("version", "1"),
                ("to", "potenzialanalyse"),
                ("date", &today().to_string()),
                ("note", "Workshop mit den Netzbetreibern"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    store::add_document(
        &app.db,
        me,
        id,
        projects::DocumentKind::Csv,
        "adressen.csv",
        b"a;b\n".to_vec(),
        dias_core::time::now() + 1,
    )
    .await
    .unwrap();
    let export = app.get("/konto/export").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let part = &json["modules"]["breitband"]["funding_projects"];
    assert_eq!(part["history"][0]["project"], "Gigabit Amtsberg");
    assert_eq!(
        part["history"][0]["note"],
        "Workshop mit den Netzbetreibern"
    );
    assert_eq!(part["history"][1]["kind"], "document_added");
    assert_eq!(part["documents"][0]["file"], "adressen.csv");

    let r = app
        .post("/konto/loeschen", &[("password", crate::support::PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The record of the procedure stays, without the person.
    let history = store::history(&app.db, id).await.unwrap();
    let stage = history.iter().find(|h| h.event.kind == "stage").unwrap();
    assert_eq!(stage.event.user_id, None);
    assert_eq!(stage.who, None);
    assert_eq!(stage.event.note, "Workshop mit den Netzbetreibern");
    assert_eq!(store::documents(&app.db, id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn documents_are_for_members_and_staff_only() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let doc = store::add_document(
        &app.db,
        1,
        id,
        projects::DocumentKind::Csv,
        "intern.csv",
        b"a;b\n1;2\n".to_vec(),
        5,
    )
    .await
    .unwrap();
    let download = format!("/breitband/projekte/{id}/dokumente/{doc}");
    let remove = format!("{download}/entfernen");
    for (email, role, area) in [
        ("teilnehmer@example.org", Role::Participant, None),
        ("netz@example.org", Role::Operator, None),
        ("gemeinde@example.org", Role::Municipality, None),
        ("nachbar@example.org", Role::Municipality, Some(OTHER)),
    ] {
        let (user, _) = app.create_user(email, role).await;
        if let Some(area) = area {
            members::add_membership(&app.db, user, area).await.unwrap();
        }
        app.forget_cookies();
        login_cookie(&app, email).await;
        assert_eq!(
            app.get(&download).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        assert_eq!(
            app.post(&remove, &[]).await.status,
            StatusCode::FORBIDDEN,
            "{email}"
        );
        let pdf: &[u8] = b"%PDF-1.4\n";
        let r = upload(&app, id, "x.pdf", pdf, true).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{email}");
    }
    assert_eq!(store::documents(&app.db, id).await.unwrap().len(), 1);
    // Staff may fetch it.
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let r = app.get(&download).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "text/csv; charset=utf-8");
}

#[tokio::test]
async fn the_list_sums_up_the_filtered_projects_in_both_languages() {
    let app = app().await;
    seed(&app, 3).await;
    let list = app.get("/breitband/projekte").await;
    let summary = list.text("#broadband-projects-summary");
    // Three projects of 500.000 € federal funds each.
    assert!(summary.contains("1.500.000,00"), "{summary}");
    assert!(summary.contains("0 / 1.260"), "{summary}");
    let one = app.get("/breitband/projekte?phase=beratung").await;
    assert!(
        one.text("#broadband-projects-summary")
            .contains("500.000,00")
    );
    let none = app.get("/breitband/projekte?phase=bau").await;
    assert_eq!(none.count("#broadband-projects-summary"), 0);
    assert!(none.body.contains("Keine Projekte gefunden."));

    // A signed-in person's language is stored with the account.
    app.sign_in_as(Role::Participant).await;
    app.post(
        "/sprache",
        &[("lang", "en"), ("zurueck", "/breitband/projekte")],
    )
    .await;
    let english = app.get("/breitband/projekte").await;
    assert_eq!(english.text("h1"), "Funding projects");
    assert!(
        english
            .text("#broadband-projects-summary")
            .contains("€1,500,000.00")
    );
    let id = store::list(&app.db, &store::Filter::default(), today(), 1, 1)
        .await
        .unwrap()
        .0[0]
        .id;
    let page = app.get(&format!("/breitband/projekte/{id}")).await;
    assert!(
        page.text("#broadband-project-timeline")
            .contains("Proof of use")
    );
}

#[tokio::test]
async fn documents_up_to_ten_megabytes_pass_the_upload_limit() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    app.create_user("gross@example.org", Role::Staff).await;
    login_cookie(&app, "gross@example.org").await;
    // Above the instance's default body limit: the upload path has its own.
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.resize(3 * 1024 * 1024, b' ');
    assert!(pdf.len() > app.state.config.max_body_bytes);
    let r = upload(&app, id, "Plan.pdf", &pdf, true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    pdf.resize(projects::MAX_DOCUMENT_BYTES + 1, b' ');
    let r = upload(&app, id, "Zu gross.pdf", &pdf, true).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text(".error-summary").contains("10 MB"));
    assert_eq!(store::documents(&app.db, id).await.unwrap().len(), 1);
}

/// Moves a project forward through the store (which trusts its caller) up
/// to `to`.
async fn advance(app: &TestApp, id: i64, to: Stage) {
    let mut from = store::load(&app.db, id).await.unwrap().unwrap().stage;
    while from < to {
        let next = from.next().unwrap();
        let change = StageChange {
            from,
            to: next,
            date: today(),
            note: String::new(),
        };
        let v = version(app, id).await;
        store::change_stage(&app.db, 1, id, v, &change, 500)
            .await
            .unwrap()
            .unwrap();
        from = next;
    }
}

#[tokio::test]
async fn an_edit_cannot_undo_what_the_current_stage_needs() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let mut v = valid("Gigabit Amtsberg", AMTSBERG);
    v.model = Some(projects::SelectionModel::Operator);
    let staff = app.sign_in_as(Role::Staff).await;
    store::update(&app.db, staff, id, version(&app, id).await, &v, 400)
        .await
        .unwrap()
        .unwrap();
    advance(&app, id, Stage::StateCofinancing).await;
    let path = format!("/breitband/projekte/{id}/bearbeiten");
    let v = version(&app, id).await.to_string();
    // Model cleared, federal grant and co-financing set to 0.
    let r = app
        .post(
            &path,
            &[
                ("version", &v),
                ("name", "Gigabit Amtsberg"),
                ("area", AMTSBERG),
                ("model", ""),
                ("federal", "0"),
                ("state", "0"),
                ("municipal", "100.000"),
                ("eligible", "1.000.000"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary a[href='#model']"), 1);
    assert_eq!(r.count(".error-summary a[href='#federal']"), 1);
    assert!(r.body.contains("muss angegeben bleiben"));
    let stored = store::load(&app.db, id).await.unwrap().unwrap();
    assert_eq!(stored.row.model, "betreibermodell");
    assert_eq!(stored.row.federal_cents, 50_000_000);
    // With both kept, the same edit is saved.
    let ok = app
        .post(
            &path,
            &[
                ("version", &v),
                ("name", "Gigabit Amtsberg"),
                ("area", AMTSBERG),
                ("model", "betreibermodell"),
                ("federal", "500.000"),
                ("state", "0"),
                ("municipal", "100.000"),
                ("eligible", "1.000.000"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn visitors_see_the_timeline_but_no_people_history_or_documents() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let staff = app.sign_in_as(Role::Staff).await;
    let mut v = valid("Gigabit Amtsberg", AMTSBERG);
    v.responsible = "Frau Beispiel, Bauamt".into();
    store::update(&app.db, staff, id, version(&app, id).await, &v, 400)
        .await
        .unwrap()
        .unwrap();
    let change = StageChange {
        from: Stage::Consultation,
        to: Stage::PotentialAnalysis,
        date: today(),
        note: "Runder Tisch mit den Anbietern".into(),
    };
    store::change_stage(&app.db, staff, id, version(&app, id).await, &change, 450)
        .await
        .unwrap()
        .unwrap();
    store::add_document(
        &app.db,
        staff,
        id,
        projects::DocumentKind::Pdf,
        "Bescheid-Amtsberg.pdf",
        b"%PDF-1.4".to_vec(),
        500,
    )
    .await
    .unwrap();
    let path = format!("/breitband/projekte/{id}");
    // Staff see who did what (the accounts of the tests are „Test Person“).
    let inside = app.get(&path).await;
    assert!(inside.text("#verlauf").contains("Test Person"));
    assert!(inside.body.contains("Bescheid-Amtsberg.pdf"));
    assert!(inside.body.contains("Frau Beispiel"));
    for role in [None, Some(Role::Participant), Some(Role::Operator)] {
        app.forget_cookies();
        if let Some(role) = role {
            app.sign_in_as(role).await;
        }
        let r = app.get(&path).await;
        assert_eq!(r.status, StatusCode::OK, "{role:?}");
        assert_eq!(r.count("#broadband-project-timeline li"), 12, "{role:?}");
        // A signed-in account's own name is in the header; the page's
        // content names nobody.
        let main = r.text("main");
        for hidden in [
            "Test Person",
            "Runder Tisch mit den Anbietern",
            "Bescheid-Amtsberg.pdf",
            "Frau Beispiel",
        ] {
            assert!(!main.contains(hidden), "{role:?} sees {hidden}");
        }
        if role.is_none() {
            assert!(!r.body.contains("Test Person"));
        }
    }
}

/// Opens a market survey for these Gemeinden through the store.
async fn survey(app: &TestApp, title: &str, areas: &[&str], operators: &[i64]) -> i64 {
    use dias_broadband::surveys::{NewSurvey, store as surveys};
    let (staff, _) = app
        .create_user(
            &format!(
                "verfahren-{}@example.org",
                &dias_core::crypto::random_token()[..6].to_lowercase()
            ),
            Role::Staff,
        )
        .await;
    let new = NewSurvey {
        title: title.into(),
        areas: areas.iter().map(|a| (*a).to_owned()).collect(),
        rule_set: dias_broadband::surveys::DEFAULT_RULE_SET.into(),
        start: today(),
        deadline: today().checked_add(60.days()).unwrap(),
        horizon_years: 3,
        synthetic: false,
    };
    surveys::create(
        &app.db,
        &new,
        staff,
        b"address_id\n".to_vec(),
        0,
        &[],
        operators,
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_project_lists_the_market_surveys_of_its_area_linked_for_who_may_see_them() {
    let app = app().await;
    let id = project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let path = format!("/breitband/projekte/{id}");
    let empty = app.get(&path).await;
    assert_eq!(empty.count("#markterkundungen"), 1);
    assert_eq!(empty.count("#broadband-project-surveys li"), 0);

    let operator = members::create_operator(&app.db, "Glasfaser Test GmbH")
        .await
        .unwrap()
        .unwrap();
    let own = survey(&app, "MEV Amtsberg", &[AMTSBERG], &[operator.id]).await;
    let shared = survey(&app, "MEV Amtsberg und Nachbarn", &[AMTSBERG, OTHER], &[]).await;
    survey(&app, "MEV anderswo", &[OTHER], &[]).await;
    let link = |s: i64| format!("#broadband-project-surveys a[href='/breitband/verfahren/{s}']");

    // Visitors: titles and states, no links.
    let visitor = app.get(&path).await;
    assert_eq!(visitor.count("#broadband-project-surveys li"), 2);
    assert!(
        visitor
            .text("#broadband-project-surveys")
            .contains("MEV Amtsberg")
    );
    assert!(!visitor.body.contains("MEV anderswo"));
    assert_eq!(visitor.count("#broadband-project-surveys a"), 0);

    // A member for Amtsberg manages the first procedure, not the one that
    // reaches into another Gemeinde.
    member_of(&app, AMTSBERG).await;
    let member = app.get(&path).await;
    assert_eq!(member.count(&link(own)), 1);
    assert_eq!(member.count(&link(shared)), 0);

    // The invited operator sees its procedure.
    app.forget_cookies();
    let netz = app.sign_in_as(Role::Operator).await;
    members::add_operator_member(&app.db, operator.id, netz)
        .await
        .unwrap();
    let r = app.get(&path).await;
    assert_eq!(r.count(&link(own)), 1);
    assert_eq!(r.count(&link(shared)), 0);

    // Staff see both; the linked pages open.
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let staff = app.get(&path).await;
    assert_eq!(staff.count("#broadband-project-surveys a"), 2);
    assert_eq!(
        app.get(&format!("/breitband/verfahren/{shared}"))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_form_marks_the_area_required_and_links_every_hint() {
    let app = app().await;
    member_of(&app, AMTSBERG).await;
    let form = app.get("/breitband/projekte/neu").await;
    assert_eq!(
        form.count("select#area[required][aria-describedby='area-hint']"),
        1
    );
    assert!(form.text("label[for=area]").contains("Pflichtfeld"));
    for hint in ["amounts-hint", "planned-dates-hint"] {
        assert_eq!(
            form.count(&format!("fieldset[aria-describedby='{hint}']")),
            1
        );
        assert_eq!(form.count(&format!("p#{hint}")), 1);
    }
    for field in ["federal", "municipal"] {
        assert_eq!(
            form.count(&format!("#{field}[aria-describedby='{field}-hint']")),
            1
        );
    }
    let r = app
        .post(
            "/breitband/projekte/neu",
            &[("name", "Ohne Gebiet"), ("area", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text("#area-error")
            .contains("Bitte wählen Sie das Gebiet")
    );
    assert_eq!(
        r.count("select#area[aria-describedby='area-hint area-error']"),
        1
    );
}

#[tokio::test]
async fn chart_downloads_name_their_chart_for_screen_readers() {
    let app = app().await;
    project(&app, "Gigabit Amtsberg", AMTSBERG).await;
    let r = app.get("/breitband/lagebild/projekte").await;
    assert_eq!(r.count("#phasen-downloads a .visually-hidden"), 2);
    assert_eq!(r.count("#foerdermittel-downloads a .visually-hidden"), 2);
    assert!(r.text("#phasen-downloads a").contains("CSV"));
}
