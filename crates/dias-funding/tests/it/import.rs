//! The editors' import: good records stored, bad ones reported by line,
//! field and reason; export → import → export without a difference; the
//! dry run; CSRF and roles.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_core::policy::Role;
use dias_funding::{Offer, exchange};
use sea_orm::EntityTrait;

use crate::helpers::{app, catalogue, reindex};
use crate::support::{TestApp, TestResponse};

const IMPORT: &str = "/foerderung/redaktion/import";

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-import-boundary";
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

/// Signs in a staff member; returns the session cookie.
async fn staff(app: &TestApp) -> String {
    let email = "redaktion@example.org";
    app.create_user(email, Role::Staff).await;
    let r = app.login(email, None).await;
    session_cookie(&r)
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

/// Posts the import form as a browser does: the token is a form field.
async fn upload(
    app: &TestApp,
    cookie: &str,
    token: Option<&str>,
    file: Option<(&str, &str)>,
    fields: &[(&str, &str)],
) -> TestResponse {
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if let Some(token) = token {
        parts.push(("_csrf", None, token.as_bytes()));
    }
    for (name, value) in fields {
        parts.push((name, None, value.as_bytes()));
    }
    if let Some((name, content)) = file {
        parts.push(("datei", Some(name), content.as_bytes()));
    }
    let (content_type, body) = multipart(&parts);
    app.request(
        Request::builder()
            .method("POST")
            .uri(IMPORT)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

fn count(r: &TestResponse, id: &str) -> usize {
    r.text(&format!("#{id}"))
        .trim()
        .parse()
        .unwrap_or(usize::MAX)
}

/// Problem rows: (line, field, reason).
fn problems(r: &TestResponse) -> Vec<(String, String, String)> {
    let html = r.html();
    let row = scraper::Selector::parse("#import-problems tbody tr").unwrap();
    let cell = scraper::Selector::parse("td").unwrap();
    html.select(&row)
        .map(|tr| {
            let cells: Vec<String> = tr
                .select(&cell)
                .map(|td| td.text().collect::<String>().trim().to_owned())
                .collect();
            (cells[0].clone(), cells[2].clone(), cells[3].clone())
        })
        .collect()
}

/// Catalogue offers that are valid today (the catalogue is validated as
/// of its review day; an import checks against today).
fn valid_today() -> Vec<Offer> {
    catalogue()
        .into_iter()
        .filter(|o| dias_funding::validate(o, dias_funding::today()).is_ok())
        .collect()
}

/// Three new offers with one-line texts, so each CSV record is one line.
fn new_offers() -> Vec<Offer> {
    valid_today()
        .into_iter()
        .take(3)
        .enumerate()
        .map(|(i, mut o)| {
            o.slug = format!("import-test-{}", i + 1);
            o.body = "Kurzer Text ohne Zeilenumbruch.".into();
            o.combinable_with.clear();
            o.bonus_notes = o.bonus_notes.replace('\n', " ");
            o.status_note = o.status_note.replace('\n', " ");
            o
        })
        .collect()
}

/// One CSV line of an offer with some cells replaced.
fn csv_row(offer: &Offer, replace: &[(&str, &str)]) -> String {
    let text = exchange::to_csv(std::slice::from_ref(offer)).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let record = reader.records().next().unwrap().unwrap();
    let mut cells: Vec<String> = record.iter().map(str::to_owned).collect();
    for (name, value) in replace {
        let i = exchange::FIELDS
            .iter()
            .position(|f| f.name == *name)
            .unwrap();
        cells[i] = (*value).to_owned();
    }
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    writer.write_record(cells).unwrap();
    let line = String::from_utf8(writer.into_inner().unwrap()).unwrap();
    let line = line.trim_end().to_owned();
    assert!(!line.contains('\n'), "one line per record: {line}");
    line
}

async fn stored_count(app: &TestApp) -> usize {
    dias_funding::store::all(&app.db).await.unwrap().len()
}

#[tokio::test]
async fn a_csv_with_bad_rows_stores_the_good_ones_and_reports_each_bad_one() {
    let app = app().await;
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    let offers = new_offers();
    let header = exchange::FIELDS
        .iter()
        .map(|f| f.name)
        .collect::<Vec<_>>()
        .join(",");
    // Line 3 (the second record): an unknown Förderart; line 5: too few
    // cells.
    let file = [
        header,
        csv_row(&offers[0], &[]),
        csv_row(&offers[1], &[("funding_types", "zuschuss;geschenk")]),
        csv_row(&offers[2], &[]),
        "kaputt,redaktion".to_owned(),
    ]
    .join("\r\n")
        + "\r\n";

    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("angebote.csv", &file)),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(count(&r, "import-records"), 4);
    assert_eq!(count(&r, "import-created"), 2);
    assert_eq!(count(&r, "import-refused"), 2);
    let found = problems(&r);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[0].0, "3");
    assert!(found[0].1.contains("funding_types"), "{found:?}");
    assert!(found[0].2.contains("Ungültiger Wert"), "{found:?}");
    assert_eq!(found[1].0, "5");
    assert!(found[1].2.contains("Kopfzeile"), "{found:?}");

    reindex(&app).await;
    for (slug, status) in [
        ("import-test-1", StatusCode::OK),
        ("import-test-2", StatusCode::NOT_FOUND),
        ("import-test-3", StatusCode::OK),
    ] {
        let page = app.get(&format!("/foerderung/angebote/{slug}")).await;
        assert_eq!(page.status, status, "{slug}");
    }
    assert_eq!(stored_count(&app).await, 2);
}

#[tokio::test]
async fn english_editors_read_the_report_in_english() {
    let app = app().await;
    let email = "editor@example.org";
    let (id, _) = app.create_user(email, Role::Staff).await;
    dias_core::accounts::set_locale(&app.db, id, "en")
        .await
        .unwrap();
    let cookie = session_cookie(&app.login(email, None).await);
    let token = app.csrf().await;
    let offers = new_offers();
    let header = exchange::FIELDS
        .iter()
        .map(|f| f.name)
        .collect::<Vec<_>>()
        .join(",");
    let file = [header, csv_row(&offers[0], &[("status", "vielleicht")])].join("\n");
    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("offers.csv", &file)),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("#import-result-heading"), "Result of the import");
    let found = problems(&r);
    assert_eq!(found[0].0, "2");
    assert!(found[0].1.contains("Application status"), "{found:?}");
    assert!(
        !found[0].2.is_empty() && !found[0].2.contains("Ungültig"),
        "{found:?}"
    );
}

#[tokio::test]
async fn a_json_file_with_bad_records_reports_the_line_of_each() {
    let app = app().await;
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    let offers = new_offers();
    let text = exchange::to_json(&offers).unwrap();
    // The third record gets a status that does not exist.
    let third = text.find("\"slug\": \"import-test-3\"").unwrap();
    let line = text[..third].matches('\n').count(); // the line of its `{`
    let status_at = third + text[third..].find("\"status\": \"").unwrap();
    let text = format!(
        "{}\"status\": \"vielleicht\"{}",
        &text[..status_at],
        &text[status_at + text[status_at..].find(',').unwrap()..]
    );
    // Named by the editor as JSON, with a name that says otherwise.
    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("export.txt", &text)),
        &[("format", "json"), ("notiz", "Abgleich mit der SAB")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(count(&r, "import-created"), 2);
    assert_eq!(count(&r, "import-refused"), 1);
    let found = problems(&r);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, line.to_string());
    assert!(found[0].1.contains("status"));
    assert!(r.body.contains("vielleicht"), "the value is shown");
    assert_eq!(stored_count(&app).await, 2);
}

#[tokio::test]
async fn export_then_import_changes_nothing_and_exports_the_same_bytes() {
    let app = app().await;
    dias_funding::store::insert_many(
        &app.db,
        &valid_today(),
        dias_funding::today(),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    let n = valid_today().len();
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    for (path, name) in [
        ("/foerderung/daten/angebote.json", "angebote.json"),
        ("/foerderung/daten/angebote.csv", "angebote.csv"),
    ] {
        let before = app.get(path).await;
        assert_eq!(before.status, StatusCode::OK);
        let r = upload(&app, &cookie, Some(&token), Some((name, &before.body)), &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(count(&r, "import-records"), n, "{path}");
        assert_eq!(count(&r, "import-unchanged"), n, "{path}");
        assert_eq!(count(&r, "import-created"), 0, "{path}");
        assert_eq!(count(&r, "import-updated"), 0, "{path}");
        assert_eq!(count(&r, "import-refused"), 0, "{path}");
        assert_eq!(r.count("#import-problems"), 0);
        let after = app.get(path).await;
        assert_eq!(after.body, before.body, "{path}");
        assert_eq!(after.headers[header::ETAG], before.headers[header::ETAG]);
    }
    // Across formats: the CSV export imported gives the JSON export again.
    let json = app.get("/foerderung/daten/angebote.json").await.body;
    let csv = app.get("/foerderung/daten/angebote.csv").await.body;
    let via_csv = exchange::from_csv(&csv, dias_funding::today()).unwrap();
    assert_eq!(exchange::to_json(&via_csv.offers).unwrap(), json);
}

#[tokio::test]
async fn a_changed_record_is_updated_and_the_dry_run_stores_nothing() {
    let app = app().await;
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    let offers = new_offers();
    let file = exchange::to_csv(&offers).unwrap();
    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("neu.csv", &file)),
        &[("nur_pruefen", "1")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(count(&r, "import-created"), 3);
    assert!(
        r.attr("#nur_pruefen", "checked").is_some(),
        "the choice is kept"
    );
    assert_eq!(stored_count(&app).await, 0);
    assert_eq!(
        app.get("/foerderung/angebote/import-test-1").await.status,
        StatusCode::NOT_FOUND
    );

    upload(&app, &cookie, Some(&token), Some(("neu.csv", &file)), &[]).await;
    assert_eq!(stored_count(&app).await, 3);
    let mut changed = offers.clone();
    changed[1].title = "Geänderter Titel".into();
    let file = exchange::to_csv(&changed).unwrap();
    let dry = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("neu.csv", &file)),
        &[("nur_pruefen", "1")],
    )
    .await;
    assert_eq!(count(&dry, "import-updated"), 1);
    assert_eq!(count(&dry, "import-unchanged"), 2);
    let stored = dias_funding::store::by_slug(&app.db, "import-test-2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.offer, offers[1], "the dry run changed nothing");
    let real = upload(&app, &cookie, Some(&token), Some(("neu.csv", &file)), &[]).await;
    assert_eq!(count(&real, "import-updated"), 1);
    assert_eq!(count(&real, "import-unchanged"), 2);
    let stored = dias_funding::store::by_slug(&app.db, "import-test-2")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.offer.title, "Geänderter Titel");
}

#[tokio::test]
async fn unreadable_files_are_refused_with_a_reason_and_the_form_kept() {
    let app = app().await;
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    // No file.
    let r = upload(&app, &cookie, Some(&token), None, &[("format", "csv")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.count(".error-summary a[href=\"#datei\"]") == 1);
    assert!(r.attr("#format-csv", "checked").is_some());
    // An unknown column.
    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("a.csv", "slug,titel\nx,y\n")),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text("#datei-error").contains("titel"),
        "{}",
        r.text("#datei-error")
    );
    // Broken JSON, with its line.
    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some((
            "a.json",
            "{\n\"schema\": \"dias-funding/1\",\n\"offers\": [\n",
        )),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text("#datei-error").contains("Zeile 4"),
        "{}",
        r.text("#datei-error")
    );
    // Not UTF-8.
    let r = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("a.csv", "slug\n\u{fffd}")),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Larger than the page takes: see
    // a_file_above_the_instance_request_limit_reaches_the_import_page.
    assert_eq!(stored_count(&app).await, 0);
}

#[tokio::test]
async fn only_staff_import_and_every_post_needs_the_token() {
    let app = app().await;
    // Visitors are sent to sign in, participants refused.
    let r = app.get(IMPORT).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/konto/anmelden"));
    app.create_user("buerger@example.org", Role::Participant)
        .await;
    let participant = session_cookie(&app.login("buerger@example.org", None).await);
    assert_eq!(app.get(IMPORT).await.status, StatusCode::FORBIDDEN);
    let token = app.csrf().await;
    let file = exchange::to_csv(&new_offers()).unwrap();
    let r = upload(
        &app,
        &participant,
        Some(&token),
        Some(("a.csv", &file)),
        &[],
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(stored_count(&app).await, 0);

    app.forget_cookies();
    let cookie = staff(&app).await;
    let page = app.get(IMPORT).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attr("form[enctype]", "action").as_deref(),
        Some(IMPORT)
    );

    // Every POST route of the file refuses a request without the token.
    let source = include_str!("../../src/routes/exchange.rs");
    let routes = [IMPORT];
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in routes {
        let r = upload(&app, &cookie, None, Some(("a.csv", &file)), &[]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
        let r = app.post_raw(path, &[("x", "y")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(stored_count(&app).await, 0);
}

/// The import page's threshold for the background (`BACKGROUND_FROM` in
/// `src/routes/exchange.rs`) and its job kind.
const BACKGROUND_FROM: usize = 2_000;
const IMPORT_JOB: &str = "funding_import";
/// The largest file the import page takes (`MAX_FILE_BYTES`).
const MAX_FILE_BYTES: usize = 64 * 1024 * 1024;

#[tokio::test]
async fn a_large_file_is_stored_in_the_background_with_progress_and_report() {
    let app = app().await;
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    let today = dias_funding::today();
    let offers = dias_funding::catalogue::synthetic(BACKGROUND_FROM + 1, 3, today);
    let mut file = exchange::to_csv(&offers).unwrap();
    let bad_line = file.lines().count() + 1;
    file.push_str("kaputt,redaktion\r\n");
    assert!(file.len() < app.state.config.max_body_bytes - 64 * 1024);

    let r = upload(&app, &cookie, Some(&token), Some(("gross.csv", &file)), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let job_page = r.location().to_owned();
    assert!(job_page.starts_with("/foerderung/redaktion/import/auftrag/"));
    let waiting = app.get(&job_page).await;
    assert_eq!(waiting.status, StatusCode::OK);
    assert!(waiting.text("#import-job-status").contains("wartet"));
    assert!(
        waiting.attr("#import-job", "hx-trigger").is_some(),
        "it polls"
    );
    assert_eq!(stored_count(&app).await, 0, "nothing stored by the request");

    // The worker's part: claim, run, finish.
    let module = app
        .state
        .registry
        .modules
        .iter()
        .find(|m| m.name == "foerderung")
        .unwrap();
    let handler = module
        .jobs
        .iter()
        .find(|(kind, _)| *kind == IMPORT_JOB)
        .map(|(_, h)| h.clone())
        .unwrap();
    let job = dias_core::jobs::claim(&app.db, "test-worker", &[IMPORT_JOB.to_owned()])
        .await
        .unwrap()
        .unwrap();
    let id = job.id;
    handler
        .run(dias_core::jobs::JobContext {
            db: app.db.clone(),
            job,
        })
        .await
        .unwrap();
    let running = app.get(&job_page).await;
    assert!(
        running.text("#import-job-status").contains("2001 von 2001"),
        "{}",
        running.text("#import-job-status")
    );
    use sea_orm::{ActiveModelTrait, Set};
    dias_core::entities::job::ActiveModel {
        id: Set(id),
        status: Set(dias_core::jobs::DONE.to_owned()),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();

    let done = app.get(&job_page).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(
        done.attr("#import-job", "hx-trigger").is_none(),
        "polling stops"
    );
    assert_eq!(count(&done, "import-records"), BACKGROUND_FROM + 2);
    assert_eq!(count(&done, "import-created"), BACKGROUND_FROM + 1);
    assert_eq!(count(&done, "import-refused"), 1);
    assert_eq!(problems(&done)[0].0, bad_line.to_string());
    assert_eq!(stored_count(&app).await, BACKGROUND_FROM + 1);
    // The payload lost its records once they were stored.
    let row = dias_core::entities::job::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.payload.len() < 10_000, "{}", row.payload.len());
    // Participants do not see it.
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    assert_eq!(app.get(&job_page).await.status, StatusCode::FORBIDDEN);
}

/// How long an import of the `--scale large` catalogue takes (parse and
/// store, without HTTP). Run on demand:
/// `cargo nextest run -p dias-funding --run-ignored only import::timing`.
#[tokio::test]
#[ignore = "a measurement, not a check"]
async fn timing_of_a_large_import() {
    let app = app().await;
    let today = dias_funding::today();
    let offers = dias_funding::catalogue::synthetic(dias_funding::catalogue::LARGE_SCALE, 7, today);
    let json = exchange::to_json(&offers).unwrap();
    let csv = exchange::to_csv(&offers).unwrap();
    let started = std::time::Instant::now();
    let report = exchange::from_json(&json, today).unwrap();
    let parsed_json = started.elapsed();
    let started = std::time::Instant::now();
    exchange::from_csv(&csv, today).unwrap();
    let parsed_csv = started.elapsed();
    let started = std::time::Instant::now();
    let saved =
        dias_funding::store::save_many(&app.db, &report.offers, None, "Zeitmessung", today, 0)
            .await
            .unwrap();
    let stored = started.elapsed();
    let started = std::time::Instant::now();
    dias_funding::store::save_many(&app.db, &report.offers, None, "Zeitmessung", today, 0)
        .await
        .unwrap();
    let unchanged = started.elapsed();
    eprintln!(
        "{} offers, JSON {} MB, CSV {} MB: parse JSON {parsed_json:?}, parse CSV {parsed_csv:?}, store new {stored:?}, store unchanged {unchanged:?}",
        saved.len(),
        json.len() / 1_000_000,
        csv.len() / 1_000_000
    );
}

/// The import job's handler as the module registers it.
fn import_handler(app: &TestApp) -> std::sync::Arc<dyn dias_core::jobs::JobHandler> {
    app.state
        .registry
        .modules
        .iter()
        .find(|m| m.name == "foerderung")
        .and_then(|m| m.jobs.iter().find(|(kind, _)| *kind == IMPORT_JOB))
        .map(|(_, h)| h.clone())
        .unwrap()
}

async fn claim(app: &TestApp) -> dias_core::jobs::JobContext {
    let job = dias_core::jobs::claim(&app.db, "test-worker", &[IMPORT_JOB.to_owned()])
        .await
        .unwrap()
        .expect("a queued import");
    dias_core::jobs::JobContext {
        db: app.db.clone(),
        job,
    }
}

async fn mark_done(app: &TestApp, id: i64) {
    use sea_orm::{ActiveModelTrait, Set};
    dias_core::entities::job::ActiveModel {
        id: Set(id),
        status: Set(dias_core::jobs::DONE.to_owned()),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
}

/// The summary of an import report: the counts and the linked offers.
fn summary(r: &TestResponse) -> Vec<String> {
    let mut parts: Vec<String> = [
        "import-records",
        "import-created",
        "import-updated",
        "import-unchanged",
        "import-refused",
    ]
    .iter()
    .map(|id| count(r, id).to_string())
    .collect();
    parts.push(r.text("#import-changed"));
    parts.push(r.text("#import-updates"));
    parts
}

/// A background import whose worker dies after the first chunk: the job
/// is queued again when the lease runs out, and the next run goes on with
/// the second chunk and the counts so far, so the report is that of a run
/// without the interruption.
#[tokio::test]
async fn a_background_import_restarted_after_a_chunk_reports_what_one_run_reports() {
    let today = dias_funding::today();
    let offers = dias_funding::catalogue::synthetic(BACKGROUND_FROM + 1, 3, today);
    // Stored before: some of the first chunk equal, some of the second
    // with another title, so all three counts are at work.
    let mut before: Vec<Offer> = offers[..300].to_vec();
    for offer in &offers[1_000..1_200] {
        let mut older = offer.clone();
        older.title = format!("{} (alt)", older.title);
        before.push(older);
    }
    let file = exchange::to_csv(&offers).unwrap();
    let mut reports = Vec::new();
    for interrupted in [false, true] {
        let app = app().await;
        dias_funding::store::insert_many(&app.db, &before, today, dias_core::time::now())
            .await
            .unwrap();
        let cookie = staff(&app).await;
        let token = app.csrf().await;
        let r = upload(&app, &cookie, Some(&token), Some(("gross.csv", &file)), &[]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let job_page = r.location().to_owned();
        let ctx = claim(&app).await;
        let id = ctx.job.id;
        if interrupted {
            let finished = dias_funding::ImportJob::run_chunks(&ctx, 1).await.unwrap();
            assert!(!finished);
            assert!(
                app.get(&job_page)
                    .await
                    .text("#import-job-status")
                    .contains("1000 von 2001")
            );
            // The worker is gone; its lease runs out.
            use sea_orm::sea_query::Expr;
            use sea_orm::{ColumnTrait, QueryFilter};
            dias_core::entities::job::Entity::update_many()
                .col_expr(
                    dias_core::entities::job::Column::LockedUntil,
                    Expr::value(0i64),
                )
                .filter(dias_core::entities::job::Column::Id.eq(id))
                .exec(&app.db)
                .await
                .unwrap();
            let again = claim(&app).await;
            assert_eq!(again.job.id, id, "the same job, queued again");
            import_handler(&app).run(again).await.unwrap();
        } else {
            import_handler(&app).run(ctx).await.unwrap();
        }
        mark_done(&app, id).await;
        let done = app.get(&job_page).await;
        assert_eq!(done.status, StatusCode::OK);
        assert_eq!(stored_count(&app).await, BACKGROUND_FROM + 1);
        reports.push(summary(&done));
    }
    assert_eq!(
        reports[0][..5],
        [
            (BACKGROUND_FROM + 1).to_string(),
            (BACKGROUND_FROM + 1 - 300 - 200).to_string(),
            "200".to_owned(),
            "300".to_owned(),
            "0".to_owned()
        ]
    );
    assert_eq!(reports[1], reports[0]);
    assert!(
        reports[0][6].contains("title ("),
        "the updated fields are listed"
    );
}

/// Rows of the table of updated offers: (slug, changed field names).
fn updates(r: &TestResponse) -> Vec<(String, Vec<String>)> {
    let html = r.html();
    let row = scraper::Selector::parse("#import-updates tbody tr").unwrap();
    let code = scraper::Selector::parse("code").unwrap();
    html.select(&row)
        .map(|tr| {
            let mut names = tr.select(&code).map(|c| c.text().collect::<String>());
            let slug = names.next().unwrap();
            (slug, names.collect())
        })
        .collect()
}

/// An editor changes an offer after the export; importing the old export
/// would revert that: the dry run and the report name the fields.
#[tokio::test]
async fn importing_an_old_export_names_the_fields_it_reverts() {
    let app = app().await;
    let today = dias_funding::today();
    let offers = valid_today();
    dias_funding::store::insert_many(&app.db, &offers, today, dias_core::time::now())
        .await
        .unwrap();
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    let export = app.get("/foerderung/daten/angebote.json").await.body;
    let r = upload(&app, &cookie, Some(&token), Some(("a.json", &export)), &[]).await;
    assert_eq!(r.count("#import-updates"), 0, "nothing to revert");

    let mut edited = offers
        .iter()
        .find(|o| o.status == dias_funding::vocab::Status::Open)
        .unwrap()
        .clone();
    edited.status = dias_funding::vocab::Status::Stopped;
    edited.last_checked = today;
    edited.title = format!("{} (neu)", edited.title);
    dias_funding::store::save(&app.db, &edited, None, "Redaktion", today, 1)
        .await
        .unwrap();
    let mut fields = vec![
        "title".to_owned(),
        "status".to_owned(),
        "last_checked".to_owned(),
    ];
    if offers
        .iter()
        .any(|o| o.slug == edited.slug && o.last_checked == today)
    {
        fields.pop();
    }
    let dry = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("alt.json", &export)),
        &[("nur_pruefen", "1")],
    )
    .await;
    assert_eq!(count(&dry, "import-updated"), 1);
    assert_eq!(updates(&dry), vec![(edited.slug.clone(), fields.clone())]);
    assert!(
        dry.text("#import-updates caption")
            .contains("1 aktualisiertes Angebot")
    );
    let real = upload(
        &app,
        &cookie,
        Some(&token),
        Some(("alt.json", &export)),
        &[],
    )
    .await;
    assert_eq!(updates(&real), vec![(edited.slug.clone(), fields)]);
    let stored = dias_funding::store::by_slug(&app.db, &edited.slug)
        .await
        .unwrap()
        .unwrap();
    assert_ne!(stored.offer.status, edited.status, "the import reverted it");
}

/// Posts raw bytes as the import form's file, with a valid token.
async fn upload_bytes(app: &TestApp, cookie: &str, token: &str, data: &[u8]) -> TestResponse {
    let (content_type, body) = multipart(&[
        ("_csrf", None, token.as_bytes()),
        ("datei", Some("gross.csv"), data),
    ]);
    let mut request = Request::builder()
        .method("POST")
        .uri(IMPORT)
        .header(header::CONTENT_TYPE, content_type);
    if !cookie.is_empty() {
        request = request.header(header::COOKIE, cookie);
    }
    app.request(request.body(Body::from(body)).unwrap()).await
}

/// A file above the instance's request limit reaches the import page,
/// which has its own (64 MB); above that the request is refused, and so is
/// a large request without a session.
#[tokio::test]
async fn a_file_above_the_instance_request_limit_reaches_the_import_page() {
    let app = app().await;
    let cookie = staff(&app).await;
    let token = app.csrf().await;
    let today = dias_funding::today();
    let limit = app.state.config.max_body_bytes;
    let mut n = 2 * BACKGROUND_FROM;
    let mut file = exchange::to_csv(&dias_funding::catalogue::synthetic(n, 9, today)).unwrap();
    while file.len() < limit + limit / 2 {
        n += BACKGROUND_FROM;
        file = exchange::to_csv(&dias_funding::catalogue::synthetic(n, 9, today)).unwrap();
    }
    let r = upload_bytes(&app, &cookie, &token, file.as_bytes()).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .starts_with("/foerderung/redaktion/import/auftrag/")
    );
    // The page names its own limit.
    let form = app
        .request(
            Request::builder()
                .uri(IMPORT)
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(
        form.text("#datei-hint").contains("64"),
        "{}",
        form.text("#datei-hint")
    );
    // Not UTF-8 but within the page's limit: the form says why.
    let r = upload_bytes(&app, &cookie, &token, &vec![0xff; 3 * 1024 * 1024]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary a[href=\"#datei\"]"), 1);
    // Just above the page's limit: the form says so.
    let r = upload_bytes(&app, &cookie, &token, &vec![b'a'; MAX_FILE_BYTES + 1]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.text("#datei-error").contains("64 MB"),
        "{}",
        r.text("#datei-error")
    );
    // Far above it: refused before the page.
    let huge = vec![b'a'; MAX_FILE_BYTES + 1024 * 1024];
    let r = upload_bytes(&app, &cookie, &token, &huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Without a session the instance's limit holds.
    let r = upload_bytes(&app, "", &token, &vec![b'a'; limit + 1]).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}
