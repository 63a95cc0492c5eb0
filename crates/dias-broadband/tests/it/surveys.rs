//! Market-survey procedures: opening one (form errors, synthetic and
//! uploaded addresses), invitations with mail, operators' uploads with the
//! per-row report and versions, late uploads, the evaluation job end to
//! end with hand-computed figures, downloads (GeoJSON, XLSX), roles per
//! route, CSRF on every POST route and the list page's query count.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_broadband::entities::{
    broadband_survey, broadband_survey_invitation, broadband_survey_result, broadband_survey_upload,
};
use dias_broadband::members;
use dias_broadband::surveys::evaluation::{EVALUATION_JOB, EvaluationJob};
use dias_core::policy::Role;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

const AMTSBERG: &str = "14521010";
const ANNABERG: &str = "14521020";
const OP1: &str = "Glasfaser Erzgebirge GmbH";
const OP2: &str = "Kabel Sachsen AG";

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-mev-boundary";
    let mut body = Vec::new();
    for (name, filename, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: text/csv\r\n\r\n"
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

fn session_cookie(r: &TestResponse) -> String {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("dias_session=") && *pair != "dias_session=")
        .expect("a session cookie")
        .to_owned()
}

/// A signed-in account: its session cookie.
struct Session {
    cookie: String,
}

async fn sign_in(app: &TestApp, email: &str, role: Role) -> (i64, Session) {
    let (id, _) = app.create_user(email, role).await;
    let r = app.login(email, None).await;
    (
        id,
        Session {
            cookie: session_cookie(&r),
        },
    )
}

/// Switches the app's own cookie jar to `email` (already created).
async fn become_user(app: &TestApp, email: &str) -> Session {
    app.forget_cookies();
    let r = app.login(email, None).await;
    Session {
        cookie: session_cookie(&r),
    }
}

/// Posts a multipart form with the session's CSRF token (unless `token`
/// is false).
async fn post_multipart(
    app: &TestApp,
    session: &Session,
    path: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &[u8])],
    token: bool,
) -> TestResponse {
    let csrf = app.csrf().await;
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if token {
        parts.push(("_csrf", None, csrf.as_bytes()));
    }
    for (name, value) in fields {
        parts.push((name, None, value.as_bytes()));
    }
    for (name, filename, data) in files {
        parts.push((name, Some(filename), data));
    }
    let (content_type, body) = multipart(&parts);
    app.request(
        Request::builder()
            .method("POST")
            .uri(path)
            .header(header::COOKIE, &session.cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

/// The world of a procedure: a member for Amtsberg and Annaberg, two
/// operators with one account each, a staff member.
struct World {
    app: TestApp,
    op1: i64,
    op2: i64,
}

const MEMBER: &str = "kommune@example.org";
const NETZ1: &str = "netz1@example.org";
const NETZ2: &str = "netz2@example.org";

async fn world() -> World {
    let app = app().await;
    let (member, _) = app.create_user(MEMBER, Role::Municipality).await;
    members::add_membership(&app.db, member, AMTSBERG)
        .await
        .unwrap();
    members::add_membership(&app.db, member, ANNABERG)
        .await
        .unwrap();
    let op1 = members::operator_named(&app.db, OP1).await.unwrap().id;
    let op2 = members::operator_named(&app.db, OP2).await.unwrap().id;
    let (n1, _) = app.create_user(NETZ1, Role::Operator).await;
    let (n2, _) = app.create_user(NETZ2, Role::Operator).await;
    members::add_operator_member(&app.db, op1, n1)
        .await
        .unwrap();
    members::add_operator_member(&app.db, op2, n2)
        .await
        .unwrap();
    World { app, op1, op2 }
}

const ADDRESSES: &str = "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n\
A1,14521010,Hauptstraße,1,09439,Amtsberg,50.75,12.99,privat,2,0\n\
A2,14521010,Hauptstraße,2,09439,Amtsberg,50.75,12.99,privat,3,1\n\
A3,14521010,Gewerbering,3,09439,Amtsberg,50.75,12.98,gewerblich,0,2\n\
B1,14521020,Buchholzer Straße,1,09456,Annaberg-Buchholz,50.58,13.00,privat,1,0\n\
B2,14521020,Schulplatz,2,09456,Annaberg-Buchholz,50.58,13.01,sozioökonomisch,0,1\n\
B3,14521020,Bergstraße,3,09456,Annaberg-Buchholz,50.58,13.02,privat,4,0\n\
C1,14521035,Markt,1,08280,Aue,50.58,12.70,privat,1,0\n";

fn d(days: i64) -> String {
    let today = dias_broadband::today();
    today
        .checked_add(jiff::Span::new().days(days))
        .unwrap()
        .to_string()
}

fn new_fields<'a>(title: &'a str, start: &'a str, deadline: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("titel", title),
        ("gemeinde-14521010", "1"),
        ("gemeinde-14521020", "1"),
        ("regelwerk", "gigabit-2.0"),
        ("beginn", start),
        ("frist", deadline),
        ("horizont", "3"),
        ("quelle", "datei"),
    ]
}

/// Opens the fixture procedure as the member; returns its id.
async fn open_fixture(w: &World, member: &Session) -> i64 {
    let (start, deadline) = (d(0), d(60));
    let mut fields = new_fields("MEV Erzgebirge", &start, &deadline);
    let op1 = format!("betreiber-{}", w.op1);
    let op2 = format!("betreiber-{}", w.op2);
    fields.push((&op1, "1"));
    fields.push((&op2, "1"));
    let r = post_multipart(
        &w.app,
        member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "adressen.csv", ADDRESSES.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location()
        .trim_start_matches("/breitband/verfahren/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn survey_count(app: &TestApp) -> u64 {
    broadband_survey::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_member_opens_a_procedure_and_the_invited_operators_get_mail() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let form = w.app.get("/breitband/verfahren/neu").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(form.count("input[name=gemeinde-14521010]"), 1);
    assert_eq!(
        form.attr("select#regelwerk option[selected]", "value")
            .as_deref(),
        Some("gigabit-2.0")
    );
    // The second operator's account reads English.
    dias_core::entities::user::Entity::update_many()
        .col_expr(dias_core::entities::user::Column::Locale, Expr::value("en"))
        .filter(dias_core::entities::user::Column::Email.eq(NETZ2))
        .exec(&w.app.db)
        .await
        .unwrap();
    let id = open_fixture(&w, &member).await;
    let page = w.app.get(&format!("/breitband/verfahren/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    // C1 lies in Aue, outside the area: a rejected line with its number.
    assert_eq!(page.text("#adressen-anzahl"), "6");
    assert!(page.text("#abgelehnte-zeilen").contains("außerhalb"));
    assert_eq!(page.texts("#abgelehnte-zeilen tbody td.num"), vec!["8"]);
    assert_eq!(page.count("#eingeladene tbody tr"), 2);
    let mail = w.app.last_mail_to(NETZ1).await.expect("an invitation");
    assert!(mail.contains("MEV Erzgebirge"), "{mail}");
    assert!(
        mail.contains(&format!("/breitband/verfahren/{id}")),
        "{mail}"
    );
    // The deadline in the recipient's format, the area and who invites.
    let deadline: jiff::civil::Date = d(60).parse().unwrap();
    assert!(
        mail.contains(&deadline.strftime("%d.%m.%Y").to_string()),
        "{mail}"
    );
    assert!(mail.contains("Amtsberg, Annaberg-Buchholz"), "{mail}");
    assert!(mail.contains("Gemeindeverwaltung"), "{mail}");
    assert_eq!(w.app.mail_count_to(NETZ2).await, 1);
    let english = w.app.last_mail_to(NETZ2).await.unwrap();
    assert!(
        english.contains(&deadline.strftime("%B %-d, %Y").to_string()),
        "{english}"
    );
    assert!(english.contains("municipal administration"), "{english}");
    let invitations = broadband_survey_invitation::Entity::find()
        .count(&w.app.db)
        .await
        .unwrap();
    assert_eq!(invitations, 2);
}

#[tokio::test]
async fn synthetic_addresses_are_generated_for_the_area_and_labelled() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let (start, deadline) = (d(0), d(56));
    let mut fields = new_fields("Erprobung", &start, &deadline);
    fields.retain(|(k, _)| *k != "quelle" && *k != "gemeinde-14521020");
    fields.push(("quelle", "synthetisch"));
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = w.app.get(r.location()).await;
    assert!(page.text("#synthetisch-hinweis").contains("SYNTHETISCH"));
    let count: i64 = page.text("#adressen-anzahl").parse().unwrap();
    assert!(count > 100, "{count}");
    let csv = w.app.get(&page.attr("#adressliste", "href").unwrap()).await;
    assert!(csv.body.starts_with("address_id,ags8,street"));
    assert!(csv.body.lines().skip(1).all(|l| l.contains(",14521010,")));
    assert!(
        csv.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .contains("SYNTHETISCH")
    );
}

#[tokio::test]
async fn form_errors_keep_the_input_and_store_nothing() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    // Seven weeks only, and NGA (expired 2021) on today's date.
    let (start, deadline) = (d(0), d(49));
    let mut fields = new_fields("Zu kurz", &start, &deadline);
    fields.retain(|(k, _)| *k != "regelwerk");
    fields.push(("regelwerk", "nga-30"));
    fields.push(("gebiet_ags", "14612000"));
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "adressen.csv", ADDRESSES.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = r.texts(".error-summary a");
    assert_eq!(summary.len(), 3, "{summary:?}");
    assert!(r.body.contains("acht Wochen"));
    assert!(r.body.contains("galt am Beginn"));
    assert!(r.body.contains("nicht für alle gewählten Gemeinden"));
    assert_eq!(r.attr("#titel", "value").as_deref(), Some("Zu kurz"));
    assert_eq!(r.attr("#gebiet_ags", "value").as_deref(), Some("14612000"));
    assert_eq!(survey_count(&w.app).await, 0);
    assert_eq!(w.app.mail_count_to(NETZ1).await, 0);

    // The fieldset of the area names its error for screen readers.
    let described = r.attr("fieldset", "aria-describedby").unwrap_or_default();
    assert!(described.contains("gebiet-error"), "{described}");
    // Unknown codes are named in the message.
    let mut fields = new_fields("Unbekannt", &start, &deadline);
    fields.push(("gebiet_ags", "14999999, 123"));
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "adressen.csv", ADDRESSES.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text("#gebiet-error").contains("14999999, 123"),
        "{}",
        r.text("#gebiet-error")
    );
    // A start in the past (German date format accepted) is refused.
    let yesterday = dias_broadband::today()
        .checked_sub(jiff::Span::new().days(1))
        .unwrap()
        .strftime("%d.%m.%Y")
        .to_string();
    let later = d(60);
    let fields = new_fields("Rückdatiert", &yesterday, &later);
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "adressen.csv", ADDRESSES.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.texts(".error-summary a").len(), 1);
    assert!(r.body.contains("nicht in der Vergangenheit"), "{}", r.body);
    assert_eq!(survey_count(&w.app).await, 0);

    // A file without a single address of the area: refused with its report.
    let fields = new_fields("Leer", &start, &deadline);
    let only_aue = "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n\
        C1,14521035,Markt,1,08280,Aue,50.58,12.70,privat,1,0\n";
    let (start, deadline) = (d(0), d(56));
    let mut fields: Vec<(&str, &str)> = fields
        .into_iter()
        .filter(|(k, _)| *k != "beginn" && *k != "frist")
        .collect();
    fields.push(("beginn", &start));
    fields.push(("frist", &deadline));
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "aue.csv", only_aue.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.texts("#abgelehnte-zeilen tbody td.num"), vec!["2"]);
    assert_eq!(survey_count(&w.app).await, 0);
}

const RESPONSES_1: &str = "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
A1,Glasfaser Erzgebirge GmbH,FTTH,1000,500,current,,no\n\
A2,Glasfaser Erzgebirge GmbH,FTTH,1000,1000,planned,2027-06-01,yes\n\
A3,Glasfaser Erzgebirge GmbH,FTTH,1000,1000,planned,2027-06-01,no\n";

const RESPONSES_2: &str = "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
A2,Kabel Sachsen AG,VDSL,100,40,current,,no\n\
A3,Kabel Sachsen AG,VDSL,50,10,current,,no\n\
X9,Kabel Sachsen AG,VDSL,50,10,current,,no\n\
A1,Kabel Sachsen AG,VDSL,50,100,current,,no\n\
B1,Kabel Sachsen AG,LTE,300,50,current,,no\n\
B1,Kabel Sachsen AG,GLAS,300,50,current,,no\n\
B2,Kabel Sachsen AG,HFC,500,50,current,,no\n\
B2,Kabel Sachsen AG,HFC,500,50,current,,no\n\
B3,Glasfaser Erzgebirge GmbH,FTTH,1000,1000,current,,no\n";

/// Uploads `data` as the session's operator; returns the report page.
async fn upload(w: &World, session: &Session, id: i64, data: &str) -> TestResponse {
    let r = post_multipart(
        &w.app,
        session,
        "/breitband/verfahren/antworten",
        &[("verfahren", &id.to_string())],
        &[("datei", "antwort.csv", data.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    w.app.get(r.location()).await
}

/// Report rows (line, reason).
fn report(r: &TestResponse) -> Vec<(String, String)> {
    let html = r.html();
    let row = scraper::Selector::parse("#abgelehnte-zeilen tbody tr").unwrap();
    let cell = scraper::Selector::parse("td").unwrap();
    html.select(&row)
        .map(|tr| {
            let cells: Vec<String> = tr
                .select(&cell)
                .map(|td| td.text().collect::<String>().trim().to_owned())
                .collect();
            (cells[0].clone(), cells[1].clone())
        })
        .collect()
}

async fn run_job(app: &TestApp) {
    let job = dias_core::jobs::claim(&app.db, "test-worker", &[EVALUATION_JOB.to_owned()])
        .await
        .unwrap()
        .expect("a queued evaluation");
    let id = job.id;
    EvaluationJob::handler()
        .run(dias_core::jobs::JobContext {
            db: app.db.clone(),
            job,
        })
        .await
        .unwrap();
    dias_core::entities::job::Entity::update_many()
        .col_expr(
            dias_core::entities::job::Column::Status,
            Expr::value(dias_core::jobs::DONE),
        )
        .filter(dias_core::entities::job::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

async fn set_deadline_past(app: &TestApp, id: i64) {
    broadband_survey::Entity::update_many()
        .col_expr(broadband_survey::Column::Deadline, Expr::value(d(-1)))
        .filter(broadband_survey::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

#[tokio::test]
async fn uploads_report_bad_lines_keep_good_rows_version_and_the_evaluation_gives_known_figures() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;

    let netz1 = become_user(&w.app, NETZ1).await;
    let mine = w.app.get("/breitband/verfahren").await;
    assert_eq!(mine.text("main h1"), "Meine Verfahren");
    assert_eq!(mine.count("#verfahren-liste tbody tr"), 1);
    let r = upload(&w, &netz1, id, RESPONSES_1).await;
    assert_eq!(r.text("#zeilen-angenommen"), "3");
    assert_eq!(r.count("#keine-fehler"), 1);

    let netz2 = become_user(&w.app, NETZ2).await;
    let r = upload(&w, &netz2, id, RESPONSES_2).await;
    assert_eq!(r.text("#zeilen-angenommen"), "4");
    assert_eq!(r.text("#zeilen-abgelehnt"), "5");
    let rows = report(&r);
    let lines: Vec<&str> = rows.iter().map(|(l, _)| l.as_str()).collect();
    assert_eq!(lines, vec!["4", "5", "7", "9", "10"], "{rows:?}");
    assert!(rows[0].1.contains("unbekannte address_id"));
    assert!(rows[1].1.contains("Upload"));
    assert!(rows[2].1.contains("Technologie"));
    assert!(
        rows[3].1.contains("doppelt") || rows[3].1.contains("Duplikat"),
        "{}",
        rows[3].1
    );
    assert!(rows[4].1.contains("nicht das Unternehmen"));
    // A semicolon file (German Excel) gets a specific answer, nothing is
    // stored.
    let semicolon = RESPONSES_2.replace(',', ";");
    let r = post_multipart(
        &w.app,
        &netz2,
        "/breitband/verfahren/antworten",
        &[("verfahren", &id.to_string())],
        &[("datei", "antwort.csv", semicolon.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#datei-error").contains("Semikolon"), "{}", r.body);
    // A file without the required columns: the engine's message without
    // its internal prefix.
    let r = post_multipart(
        &w.app,
        &netz2,
        "/breitband/verfahren/antworten",
        &[("verfahren", &id.to_string())],
        &[(
            "datei",
            "antwort.csv",
            b"address_id,operator\nA1,X\n".as_slice(),
        )],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        !r.text("#datei-error").contains("responses:"),
        "{}",
        r.text("#datei-error")
    );
    // The operator sees its own upload only.
    let own = w.app.get(&format!("/breitband/verfahren/{id}")).await;
    assert_eq!(own.count("#uploads tbody tr"), 1);
    assert!(!own.body.contains(OP1));

    // After the deadline a new version is accepted but flagged late; the
    // first one stays.
    set_deadline_past(&w.app, id).await;
    let late = RESPONSES_2.replace("B3,Glasfaser Erzgebirge GmbH", "B3,Kabel Sachsen AG");
    let r = upload(&w, &netz2, id, &late).await;
    assert_eq!(r.count("#verspaetet"), 1);
    let versions: Vec<i32> = broadband_survey_upload::Entity::find()
        .filter(broadband_survey_upload::Column::OperatorId.eq(w.op2))
        .all(&w.app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.version)
        .collect();
    assert_eq!(versions, vec![1, 2]);

    // The municipality sees who answered, then evaluates.
    become_user(&w.app, MEMBER).await;
    let page = w.app.get(&format!("/breitband/verfahren/{id}")).await;
    let progress = page.text("#eingeladene");
    assert!(progress.contains("verspätet"), "{progress}");
    assert_eq!(page.count("#uploads tbody tr"), 3);
    let r = w
        .app
        .post(&format!("/breitband/verfahren/{id}/auswerten"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let job = w.app.get(r.location()).await;
    assert_eq!(job.status, StatusCode::OK);
    assert!(job.body.contains("hx-get"));
    run_job(&w.app).await;
    let job = w
        .app
        .get(&format!("/breitband/verfahren/{id}/auswertung"))
        .await;
    let result_path = job.attr("#ergebnis-link", "href").unwrap();
    assert_eq!(
        result_path,
        format!("/breitband/verfahren/{id}/ergebnisse/1")
    );
    let result = w.app.get(&result_path).await;
    assert_eq!(result.status, StatusCode::OK);
    // By hand: Amtsberg A1 versorgt (FTTH 1000/500), A2 geplant (plan
    // with milestone plan), A3 förderfähig (plan without one, VDSL 50);
    // Annaberg B1 förderfähig (LTE only), B2 versorgt (HFC 500), B3
    // förderfähig (its only offer came late).
    let html = result.html();
    let row = scraper::Selector::parse("#ergebnis-gemeinden tbody tr").unwrap();
    let cell = scraper::Selector::parse("td").unwrap();
    let table: Vec<Vec<String>> = html
        .select(&row)
        .map(|tr| tr.select(&cell).map(|c| c.text().collect()).collect())
        .collect();
    assert_eq!(
        table,
        vec![
            vec!["1", "1", "1", "3", "33,3 %"],
            vec!["1", "0", "2", "3", "66,7 %"],
        ]
    );
    assert!(result.text("#eingaben-verspaetet").contains(OP2));

    // Downloads: eligible list, GeoJSON, XLSX, protocol.
    let eligible = w.app.get(&format!("{result_path}/foerderfaehig.csv")).await;
    let ids: Vec<&str> = eligible
        .body
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(ids, vec!["A3", "B1", "B3"]);
    assert!(eligible.body.contains("Gewerbering"));

    let geo = w.app.get(&format!("{result_path}/punkte.geojson")).await;
    let parsed: geojson::GeoJson = geo.body.parse().unwrap();
    let geojson::GeoJson::FeatureCollection(fc) = parsed else {
        panic!("a FeatureCollection");
    };
    assert_eq!(fc.features.len(), 6);
    let b2 = fc
        .features
        .iter()
        .find(|f| f.property("address_id").and_then(|v| v.as_str()) == Some("B2"))
        .unwrap();
    assert_eq!(
        b2.property("status").and_then(|v| v.as_str()),
        Some("versorgt")
    );
    let Some(geojson::Value::Point(point)) = b2.geometry.as_ref().map(|g| &g.value) else {
        panic!("a point");
    };
    assert_eq!(point, &vec![13.01, 50.58]);

    let cookie = become_user(&w.app, MEMBER).await.cookie;
    let bytes = raw_get(&w.app, &cookie, &format!("{result_path}/gemeinden.xlsx")).await;
    use calamine::Reader;
    let mut book = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows[0][0], "ags8");
    assert_eq!(&rows[1][..5], &["14521010", "Amtsberg", "1", "1", "1"]);
    assert_eq!(&rows[2][2..5], &["1", "0", "2"]);

    let municipalities = w
        .app
        .get(&format!("{result_path}/municipalities.csv"))
        .await;
    assert!(municipalities.body.contains("14521020,foerderfaehig,2,5,0"));

    let protocol = w.app.get(&format!("{result_path}/protokoll.html")).await;
    assert_eq!(protocol.status, StatusCode::OK);
    let text = protocol.text("#protokoll-tabelle");
    assert!(text.contains("kein Meilensteinplan"), "{text}");
    // Satellite and mobile offers are named as what they are.
    assert!(
        text.contains("Mobilfunk/Satellit – keine feste Versorgung"),
        "{text}"
    );
    assert!(text.contains("heute verfügbar"), "{text}");
    assert!(!text.contains(", current"), "{text}");
    // Every address with its status and colour class, also those without
    // any response.
    let statuses = protocol.texts("#protokoll-tabelle td.protocol-status");
    assert_eq!(statuses.len(), 6, "{statuses:?}");
    assert!(
        statuses.iter().any(|s| s.contains("förderfähig")),
        "{statuses:?}"
    );
    assert!(
        statuses.iter().any(|s| s.contains("versorgt (")),
        "{statuses:?}"
    );
    assert_eq!(protocol.count("nav.pagination"), 0);
    // The late offer for B3 is named as ignored, „verspätet“; rows name the
    // operator's upload version and the line in its own file.
    assert!(text.contains("verspätet"), "{text}");
    assert!(text.contains("Rückmeldung Version 1, Zeile 2"), "{text}");
    assert!(
        protocol
            .text("#protokoll-abgelehnt-tabelle")
            .contains("unbekannte address_id")
    );
    let protocol_csv = w.app.get(&format!("{result_path}/protokoll.csv")).await;
    assert!(
        protocol_csv
            .body
            .starts_with(dias_mev::output::PROTOCOL_HEADER)
    );
    assert!(
        protocol_csv.body.lines().any(|l| l
            .starts_with("B3,nicht_beruecksichtigt,Kabel Sachsen AG")
            && l.contains(",verspätet,")),
        "{}",
        protocol_csv.body
    );

    // In English the engine's German reasons, kinds and dates are
    // translated.
    let r = w
        .app
        .post("/sprache", &[("lang", "en"), ("zurueck", "/breitband")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let english = w.app.get(&format!("{result_path}/protokoll.html")).await;
    let text = english.text("#protokoll-tabelle");
    assert!(
        text.contains("mobile/satellite – not fixed supply"),
        "{text}"
    );
    assert!(text.contains("no milestone plan"), "{text}");
    assert!(text.contains("late (received after"), "{text}");
    assert!(text.contains("available today"), "{text}");
    for german in ["Meilensteinplan", "mobil,", "verspätet", "heute verfügbar"] {
        assert!(!text.contains(german), "{german}: {text}");
    }
    let rejected = english.text("#protokoll-abgelehnt-tabelle");
    assert!(rejected.contains("unknown address_id"), "{rejected}");
    assert!(!rejected.contains("unbekannte"), "{rejected}");

    // A second evaluation is version 2; version 1 stays.
    w.app
        .post(&format!("/breitband/verfahren/{id}/auswerten"), &[])
        .await;
    run_job(&w.app).await;
    let versions = broadband_survey_result::Entity::find()
        .filter(broadband_survey_result::Column::SurveyId.eq(id))
        .count(&w.app.db)
        .await
        .unwrap();
    assert_eq!(versions, 2);
}

/// The response body as bytes (binary downloads).
async fn raw_get(app: &TestApp, cookie: &str, path: &str) -> Vec<u8> {
    use tower::ServiceExt;
    let response = app
        .router
        .clone()
        .oneshot(
            Request::builder()
                .uri(path)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

#[tokio::test]
async fn an_early_evaluation_needs_the_managers_explicit_choice() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let path = format!("/breitband/verfahren/{id}/auswerten");
    let r = w.app.post(&path, &[]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary"), 1);
    assert_eq!(
        dias_core::entities::job::Entity::find()
            .count(&w.app.db)
            .await
            .unwrap(),
        0
    );
    let r = w.app.post(&path, &[("vorzeitig", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    run_job(&w.app).await;
    let result = w
        .app
        .get(&format!("/breitband/verfahren/{id}/ergebnisse/1"))
        .await;
    assert_eq!(result.count("#vorzeitig-ausgewertet"), 1);
    // No upload yet: every address förderfähig, both operators silent.
    assert!(result.text("#eingaben-ohne").contains(OP1));
}

#[tokio::test]
async fn a_huge_rejection_report_is_capped_in_the_row_and_complete_as_csv() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let netz1 = become_user(&w.app, NETZ1).await;
    let mut data = String::from(
        "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
         A1,Glasfaser Erzgebirge GmbH,FTTH,1000,500,current,,no\n",
    );
    for i in 0..2500 {
        data.push_str(&format!(
            "X{i},Glasfaser Erzgebirge GmbH,FTTH,1000,500,current,,no\n"
        ));
    }
    let r = upload(&w, &netz1, id, &data).await;
    assert_eq!(r.text("#zeilen-abgelehnt"), "2500");
    assert_eq!(r.count("#abgelehnte-zeilen tbody tr"), 1000);
    assert!(
        r.text("#weitere-zeilen").contains("1500"),
        "{}",
        r.text("#weitere-zeilen")
    );
    let stored = broadband_survey_upload::Entity::find()
        .one(&w.app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.report.len() < 100_000, "{}", stored.report.len());
    let link = r.attr("#weitere-zeilen a", "href").unwrap();
    let csv = String::from_utf8(raw_get(&w.app, &netz1.cookie, &link).await).unwrap();
    assert_eq!(csv.lines().count(), 2501);
    // The evaluation lists every rejected row, not only the first 1,000.
    become_user(&w.app, MEMBER).await;
    w.app
        .post(
            &format!("/breitband/verfahren/{id}/auswerten"),
            &[("vorzeitig", "1")],
        )
        .await;
    run_job(&w.app).await;
    let rejected = raw_get(
        &w.app,
        &member.cookie,
        &format!("/breitband/verfahren/{id}/ergebnisse/1/abgelehnt.csv"),
    )
    .await;
    let rejected = String::from_utf8(rejected).unwrap();
    assert!(
        rejected.lines().count() > 2500,
        "{}",
        rejected.lines().count()
    );
}

#[tokio::test]
async fn bad_numbers_in_procedure_urls_get_the_404_page() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    for path in [
        "/breitband/verfahren/abc".to_owned(),
        "/breitband/verfahren/abc/adressen.csv".to_owned(),
        "/breitband/verfahren/abc/antworten".to_owned(),
        format!("/breitband/verfahren/{id}/antworten/x1"),
        format!("/breitband/verfahren/{id}/ergebnisse/abc"),
        format!("/breitband/verfahren/{id}/ergebnisse/abc/protokoll.html"),
        "/breitband/verfahren/99999999999999999999".to_owned(),
    ] {
        let r = w.app.get(&path).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        assert!(r.body.contains("<html"), "{path}: {}", r.body);
    }
}

#[tokio::test]
async fn the_address_list_served_to_operators_has_its_formulas_guarded() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let (start, deadline) = (d(0), d(60));
    let mut fields = new_fields("MEV Formel", &start, &deadline);
    let op1 = format!("betreiber-{}", w.op1);
    fields.push((&op1, "1"));
    let evil = ADDRESSES.replace("Gewerbering", "=HYPERLINK(\"http://x\")");
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "adressen.csv", evil.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id: i64 = r
        .location()
        .split('/')
        .nth(3)
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    let netz1 = become_user(&w.app, NETZ1).await;
    let csv = String::from_utf8(
        raw_get(
            &w.app,
            &netz1.cookie,
            &format!("/breitband/verfahren/{id}/adressen.csv"),
        )
        .await,
    )
    .unwrap();
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
    assert!(csv.contains("50.75"), "{csv}");
    // The engine still reads the stored list: an upload is checked against it.
    let r = upload(&w, &netz1, id, RESPONSES_1).await;
    assert_eq!(r.status, StatusCode::OK);
}

async fn job_count(app: &TestApp) -> u64 {
    dias_core::entities::job::Entity::find()
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn two_concurrent_starts_queue_exactly_one_evaluation() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let path = format!("/breitband/verfahren/{id}/auswerten");
    let fields = [("vorzeitig", "1")];
    let (a, b, c) = tokio::join!(
        w.app.post(&path, &fields),
        w.app.post(&path, &fields),
        w.app.post(&path, &fields)
    );
    for r in [&a, &b, &c] {
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            r.location(),
            format!("/breitband/verfahren/{id}/auswertung")
        );
    }
    assert_eq!(job_count(&w.app).await, 1);
    // While it is queued, another start adds nothing; once it is done, a
    // new evaluation (the next version) may be queued.
    w.app.post(&path, &fields).await;
    assert_eq!(job_count(&w.app).await, 1);
    run_job(&w.app).await;
    let (a, b) = tokio::join!(w.app.post(&path, &fields), w.app.post(&path, &fields));
    assert_eq!(
        (a.status, b.status),
        (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER)
    );
    assert_eq!(job_count(&w.app).await, 2);
}

#[tokio::test]
async fn each_role_gets_what_the_policy_allows_on_every_page() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    w.app
        .post(
            &format!("/breitband/verfahren/{id}/auswerten"),
            &[("vorzeitig", "1")],
        )
        .await;
    run_job(&w.app).await;
    // An operator that is not invited, and a municipality elsewhere.
    let (_, _) = sign_in(&w.app, "fremd-netz@example.org", Role::Operator).await;
    let other = members::operator_named(&w.app.db, "Fremdnetz GmbH")
        .await
        .unwrap();
    let fremd = dias_core::entities::user::Entity::find()
        .filter(dias_core::entities::user::Column::Email.eq("fremd-netz@example.org"))
        .one(&w.app.db)
        .await
        .unwrap()
        .unwrap();
    members::add_operator_member(&w.app.db, other.id, fremd.id)
        .await
        .unwrap();
    let (elsewhere, _) = sign_in(&w.app, "dresden@example.org", Role::Municipality).await;
    members::add_membership(&w.app.db, elsewhere, "14612000")
        .await
        .unwrap();
    sign_in(&w.app, "buerger@example.org", Role::Participant).await;
    sign_in(&w.app, "staff@example.org", Role::Staff).await;

    let pages = [
        "/breitband/verfahren",
        "/breitband/verfahren/neu",
        &format!("/breitband/verfahren/{id}"),
        &format!("/breitband/verfahren/{id}/adressen.csv"),
        &format!("/breitband/verfahren/{id}/antworten"),
        &format!("/breitband/verfahren/{id}/auswertung"),
        &format!("/breitband/verfahren/{id}/ergebnisse/1"),
        &format!("/breitband/verfahren/{id}/ergebnisse/1/foerderfaehig.csv"),
    ];
    // Expected status per page for each account (None = visitor).
    let ok = StatusCode::OK;
    let no = StatusCode::FORBIDDEN;
    let cases: [(Option<&str>, [StatusCode; 8]); 7] = [
        (None, [StatusCode::SEE_OTHER; 8]),
        (
            Some("buerger@example.org"),
            [ok, no, no, no, no, no, no, no],
        ),
        (
            Some("fremd-netz@example.org"),
            [ok, no, no, no, no, no, no, no],
        ),
        (Some(NETZ1), [ok, no, ok, ok, ok, no, no, no]),
        (
            Some("dresden@example.org"),
            [ok, ok, no, no, no, no, no, no],
        ),
        (Some(MEMBER), [ok, ok, ok, ok, no, ok, ok, ok]),
        (Some("staff@example.org"), [ok, ok, ok, ok, no, ok, ok, ok]),
    ];
    for (who, expected) in cases {
        w.app.forget_cookies();
        if let Some(email) = who {
            w.app.login(email, None).await;
        }
        for (path, want) in pages.iter().zip(expected) {
            let r = w.app.get(path).await;
            assert_eq!(r.status, want, "{who:?} {path}");
        }
    }
}

#[tokio::test]
async fn every_post_route_of_the_procedures_needs_a_csrf_token() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let sources = [
        include_str!("../../src/routes/surveys.rs"),
        include_str!("../../src/routes/surveys_uploads.rs"),
        include_str!("../../src/routes/surveys_results.rs"),
    ];
    let posts: usize = sources.iter().map(|s| s.matches("post(").count()).sum();
    let invite = format!("/breitband/verfahren/{id}/einladen");
    let evaluate = format!("/breitband/verfahren/{id}/auswerten");
    let form_routes = [invite.as_str(), evaluate.as_str()];
    let multipart_routes = ["/breitband/verfahren/neu", "/breitband/verfahren/antworten"];
    assert_eq!(posts, form_routes.len() + multipart_routes.len());
    let surveys_before = survey_count(&w.app).await;
    for path in form_routes {
        let r = w.app.post_raw(path, &[("vorzeitig", "1")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let (start, deadline) = (d(0), d(60));
    let fields = new_fields("Ohne Token", &start, &deadline);
    let r = post_multipart(
        &w.app,
        &member,
        "/breitband/verfahren/neu",
        &fields,
        &[("adressen", "a.csv", ADDRESSES.as_bytes())],
        false,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let netz1 = become_user(&w.app, NETZ1).await;
    let r = post_multipart(
        &w.app,
        &netz1,
        "/breitband/verfahren/antworten",
        &[("verfahren", &id.to_string())],
        &[("datei", "a.csv", RESPONSES_1.as_bytes())],
        false,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(survey_count(&w.app).await, surveys_before);
    assert_eq!(
        broadband_survey_upload::Entity::find()
            .count(&w.app.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(
        dias_core::entities::job::Entity::find()
            .count(&w.app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn the_list_page_needs_the_same_queries_for_one_or_many_procedures() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    open_fixture(&w, &member).await;
    let (one, page) = w.app.count_queries(w.app.get("/breitband/verfahren")).await;
    assert_eq!(page.count("#verfahren-liste tbody tr"), 1);
    for _ in 0..4 {
        open_fixture(&w, &member).await;
    }
    let (five, page) = w.app.count_queries(w.app.get("/breitband/verfahren")).await;
    assert_eq!(page.count("#verfahren-liste tbody tr"), 5);
    assert_eq!(one, five);
    // And for an operator.
    become_user(&w.app, NETZ1).await;
    let (queries, page) = w.app.count_queries(w.app.get("/breitband/verfahren")).await;
    assert_eq!(page.count("#verfahren-liste tbody tr"), 5);
    assert!(queries <= one + 2, "{queries} vs {one}");
}

#[tokio::test]
async fn the_demo_has_an_evaluated_and_an_open_procedure_for_amtsberg() {
    let app = app().await;
    let (kommune, _) = app
        .create_user("kommune@demo.dias.example", Role::Municipality)
        .await;
    for email in [
        "netzbetreiber@demo.dias.example",
        "netzbetreiber2@demo.dias.example",
    ] {
        app.create_user(email, Role::Operator).await;
    }
    let seed = dias_broadband::module().demo.unwrap();
    seed(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    // A second run adds nothing.
    seed(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    let surveys = broadband_survey::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(surveys.len(), 2);
    assert!(surveys.iter().all(|s| s.synthetic && s.areas == AMTSBERG));
    let results = broadband_survey_result::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(results.len(), 1);
    let uploads = broadband_survey_upload::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(uploads.len(), 2);
    assert!(uploads.iter().all(|u| u.rows_accepted > 0 && !u.late));
    // Answered before the deadline of their procedure.
    for u in &uploads {
        let survey = surveys.iter().find(|s| s.id == u.survey_id).unwrap();
        let deadline: jiff::civil::Date = survey.deadline.parse().unwrap();
        let day = jiff::Timestamp::from_second(u.created_at)
            .unwrap()
            .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Berlin").unwrap())
            .date();
        assert!(day <= deadline, "{day} > {deadline}");
    }
    assert!(
        members::areas_of(&app.db, kommune)
            .await
            .unwrap()
            .contains(&AMTSBERG.to_owned())
    );
    app.login("kommune@demo.dias.example", None).await;
    let list = app.get("/breitband/verfahren").await;
    assert_eq!(list.count("#verfahren-liste tbody tr"), 2);
    let evaluated = results[0].survey_id;
    let result = app
        .get(&format!("/breitband/verfahren/{evaluated}/ergebnisse/1"))
        .await;
    assert_eq!(result.status, StatusCode::OK);
    assert_eq!(result.count("#ergebnis-gemeinden tbody tr"), 1);
    assert!(result.text("#eingaben-verwendet").contains("(Demo)"));
}

#[tokio::test]
async fn the_gemeinde_and_kreis_pages_list_their_procedures_without_addresses() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    open_fixture(&w, &member).await;
    w.app.forget_cookies();
    for path in ["/breitband/gemeinden/14521010", "/breitband/kreise/14521"] {
        let page = w.app.get(path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let block = page.text("#broadband-area-surveys");
        assert!(block.contains("MEV Erzgebirge"), "{path}: {block}");
        assert!(block.contains("Rückmeldungen offen"), "{block}");
        assert!(!page.body.contains("Hauptstraße"));
        assert!(!page.body.contains("/breitband/verfahren/"));
    }
    // The member and an invited operator get a link to the procedure.
    for email in [MEMBER, NETZ1] {
        become_user(&w.app, email).await;
        let page = w.app.get("/breitband/gemeinden/14521010").await;
        let href = page.attr("#broadband-area-surveys a", "href");
        assert!(
            href.as_deref()
                .is_some_and(|h| h.starts_with("/breitband/verfahren/")),
            "{email}: {href:?}"
        );
    }
    w.app.forget_cookies();
    let elsewhere = w.app.get("/breitband/gemeinden/14612000").await;
    assert_eq!(elsewhere.count("#broadband-area-surveys"), 0);
    assert_eq!(elsewhere.count("#markterkundungen"), 1);
}

#[test]
fn every_message_the_procedures_use_exists_in_german_and_english() {
    let catalog = dias_core::i18n::Catalog::new(dias_broadband::MESSAGES).unwrap();
    let sources = [
        include_str!("../../src/routes/surveys.rs"),
        include_str!("../../src/routes/surveys_uploads.rs"),
        include_str!("../../src/routes/surveys_results.rs"),
        include_str!("../../src/surveys/mod.rs"),
        include_str!("../../src/surveys/evaluation.rs"),
        include_str!("../../src/surveys/reasons.rs"),
        include_str!("../../templates/broadband/surveys.html"),
        include_str!("../../templates/broadband/survey.html"),
        include_str!("../../templates/broadband/survey_new.html"),
        include_str!("../../templates/broadband/survey_upload.html"),
        include_str!("../../templates/broadband/survey_upload_report.html"),
        include_str!("../../templates/broadband/survey_evaluate.html"),
        include_str!("../../templates/broadband/survey_job.html"),
        include_str!("../../templates/broadband/survey_result.html"),
        include_str!("../../templates/broadband/survey_protocol.html"),
        include_str!("../../templates/broadband/survey_inputs.html"),
        include_str!("../../templates/broadband/survey_report_table.html"),
        include_str!("../../templates/broadband/survey_uploads_table.html"),
        include_str!("../../templates/broadband/survey_synthetic.html"),
        include_str!("../../templates/broadband/survey_area_block.html"),
    ];
    let mut ids = Vec::new();
    for source in sources {
        for (i, _) in source.match_indices("broadband-surveys-") {
            let id: String = source[i..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            // Notices are looked up with their `notice-` prefix.
            let id = if source[..i].ends_with("hinweis=") {
                format!("notice-{id}")
            } else {
                id
            };
            // A prefix (`starts_with("broadband-surveys-step-")`) is no id.
            if !id.ends_with('-') {
                ids.push(id);
            }
        }
    }
    // Colour classes are looked up by their value.
    for colour in ["weiss", "grau", "schwarz", "dunkelgrau"] {
        ids.push(format!("broadband-surveys-colour-{colour}"));
    }
    ids.extend(
        dias_broadband::surveys::reasons::MESSAGE_IDS
            .iter()
            .map(|id| (*id).to_owned()),
    );
    ids.sort();
    ids.dedup();
    assert!(ids.len() > 100, "{}", ids.len());
    for id in &ids {
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, id), *id, "{locale}: {id}");
        }
    }
}

#[tokio::test]
async fn an_account_of_two_invited_operators_names_the_one_it_answers_for() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let netz1 = dias_core::entities::user::Entity::find()
        .filter(dias_core::entities::user::Column::Email.eq(NETZ1))
        .one(&w.app.db)
        .await
        .unwrap()
        .unwrap();
    members::add_operator_member(&w.app.db, w.op2, netz1.id)
        .await
        .unwrap();
    let session = become_user(&w.app, NETZ1).await;
    let form = w
        .app
        .get(&format!("/breitband/verfahren/{id}/antworten"))
        .await;
    // Both operators and the empty "please choose" option.
    assert_eq!(form.count("select#betreiber option"), 3);
    let op2 = w.op2.to_string();
    let r = post_multipart(
        &w.app,
        &session,
        "/breitband/verfahren/antworten",
        &[("verfahren", &id.to_string()), ("betreiber", &op2)],
        &[("datei", "antwort.csv", RESPONSES_2.as_bytes())],
        true,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let upload = broadband_survey_upload::Entity::find()
        .one(&w.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(upload.operator_id, w.op2);
    assert_eq!(upload.rows_accepted, 4);
    // An operator id the account does not answer for, or none, is asked
    // again; nothing is stored.
    for choice in ["999999", ""] {
        let r = post_multipart(
            &w.app,
            &session,
            "/breitband/verfahren/antworten",
            &[("verfahren", &id.to_string()), ("betreiber", choice)],
            &[("datei", "antwort.csv", RESPONSES_1.as_bytes())],
            true,
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{choice:?}");
        assert_eq!(r.count(".error-summary a[href=\"#betreiber\"]"), 1);
        assert_eq!(r.count("#betreiber-error"), 1);
    }
    assert_eq!(
        broadband_survey_upload::Entity::find()
            .count(&w.app.db)
            .await
            .unwrap(),
        1
    );
    let uploads = broadband_survey_upload::Entity::find()
        .filter(broadband_survey_upload::Column::OperatorId.eq(w.op2))
        .count(&w.app.db)
        .await
        .unwrap();
    assert_eq!(uploads, 1);
}

#[tokio::test]
async fn survey_activity_is_exported_and_the_records_outlive_the_account() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let netz1 = become_user(&w.app, NETZ1).await;
    upload(&w, &netz1, id, RESPONSES_1).await;
    let export = w.app.get("/konto/export").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let part = &json["modules"]["breitband"]["market_surveys"];
    assert_eq!(part["uploads"][0]["survey"], "MEV Erzgebirge");
    assert_eq!(part["uploads"][0]["operator"], OP1);
    assert_eq!(part["uploads"][0]["version"], 1);
    assert_eq!(part["opened"], serde_json::json!([]));

    become_user(&w.app, MEMBER).await;
    let export = w.app.get("/konto/export").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let part = &json["modules"]["breitband"]["market_surveys"];
    assert_eq!(part["opened"][0]["title"], "MEV Erzgebirge");
    assert_eq!(part["invitations"].as_array().unwrap().len(), 2);

    let r = w
        .app
        .post("/konto/loeschen", &[("password", crate::support::PASSWORD)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let survey = broadband_survey::Entity::find_by_id(id)
        .one(&w.app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(survey.created_by, None);
    let invitations = broadband_survey_invitation::Entity::find()
        .all(&w.app.db)
        .await
        .unwrap();
    assert_eq!(invitations.len(), 2);
    assert!(invitations.iter().all(|i| i.invited_by.is_none()));
    assert_eq!(
        broadband_survey_upload::Entity::find()
            .count(&w.app.db)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn a_responses_file_above_the_instance_limit_reaches_the_upload_form() {
    let w = world().await;
    let member = become_user(&w.app, MEMBER).await;
    let id = open_fixture(&w, &member).await;
    let netz1 = become_user(&w.app, NETZ1).await;
    // About 3 MB: more than the default request limit of 2 MiB.
    let mut big = String::from(RESPONSES_1);
    for i in 0..70_000 {
        big.push_str(&format!("A1,{OP1},OTHER,{}.5,1,current,,no\n", i % 900 + 1));
    }
    assert!(big.len() > 3 * 1024 * 1024 - 200_000, "{}", big.len());
    let r = upload(&w, &netz1, id, &big).await;
    assert_eq!(r.text("#zeilen-gesamt"), "70003");
}
