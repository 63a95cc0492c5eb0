//! The public inquiry form, its spam protection, the landing page and the
//! forgotten-link request, as a visitor's browser uses them.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_core::policy::Role;
use dias_desk::entities::{desk_attachment, desk_inquiry, desk_link};
use dias_desk::{spam, store};
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

/// The secret key of the test configuration (`support.rs`).
pub(crate) const SECRET: &[u8] = b"test-secret-key-with-at-least-32-characters";
pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

pub(crate) fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-anfrage-grenze";
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

/// How the spam fields of a submission are filled.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Work {
    /// A challenge loaded a minute ago, solved as the page script does.
    Solved,
    /// The same without the script's work (no JavaScript).
    Unsolved,
    /// A form left open for three hours.
    Expired,
}

/// The fields of a complete, valid inquiry.
pub(crate) fn complete(subject: &str, email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("sender_type", "kommune".into()),
        ("topic", "breitband".into()),
        ("gemeinde", "14521010".into()),
        ("subject", subject.into()),
        (
            "message",
            "Guten Tag,\nwie läuft ein Markterkundungsverfahren ab?".into(),
        ),
        ("name", "Erika Muster".into()),
        ("email", email.into()),
        ("consent", "ja".into()),
    ]
}

/// Sends the inquiry form as a visitor's browser does (multipart, with the
/// page's CSRF token unless `csrf` is false, and `cookie` if signed in).
pub(crate) async fn send(
    app: &TestApp,
    fields: &[(&str, String)],
    file: Option<(&str, &[u8])>,
    work: Work,
    cookie: Option<&str>,
) -> TestResponse {
    send_with(app, fields, file, work, cookie, true).await
}

pub(crate) async fn send_with(
    app: &TestApp,
    fields: &[(&str, String)],
    file: Option<(&str, &[u8])>,
    work: Work,
    cookie: Option<&str>,
    csrf: bool,
) -> TestResponse {
    let token = match cookie {
        Some(cookie) => csrf_of(app, cookie).await,
        None => app.csrf().await,
    };
    let now = dias_core::time::now();
    let challenge = match work {
        Work::Expired => spam::challenge(SECRET, now - spam::MAX_AGE_SECS - 60),
        _ => spam::challenge(SECRET, now - 60),
    };
    let nonce = match work {
        Work::Solved => spam::solve(&challenge),
        _ => String::new(),
    };
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if csrf {
        parts.push(("_csrf", None, token.as_bytes()));
    }
    parts.push(("challenge", None, challenge.as_bytes()));
    parts.push(("nonce", None, nonce.as_bytes()));
    parts.push((spam::HONEYPOT_FIELD, None, b""));
    for (name, value) in fields {
        parts.push((name, None, value.as_bytes()));
    }
    match file {
        Some((name, bytes)) => parts.push(("attachment", Some(name), bytes)),
        None => parts.push(("attachment", Some(""), b"")),
    }
    let (content_type, body) = multipart(&parts);
    let mut request = Request::builder()
        .method("POST")
        .uri("/anfragen/neu")
        .header(header::CONTENT_TYPE, content_type);
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    app.request(request.body(Body::from(body)).unwrap()).await
}

/// The CSRF token of a signed-in session given by its cookie.
async fn csrf_of(app: &TestApp, cookie: &str) -> String {
    get_with_cookie(app, "/anfragen/neu", cookie)
        .await
        .attr("input[name=_csrf]", "value")
        .unwrap()
}

async fn get_with_cookie(app: &TestApp, path: &str, cookie: &str) -> TestResponse {
    app.request(
        Request::builder()
            .uri(path)
            .header(header::COOKIE, cookie)
            .body(Body::empty())
            .unwrap(),
    )
    .await
}

/// Signs in `email` through the login form and returns the session cookie
/// (the test app adds its own cookie to url-encoded posts only).
async fn login_cookie(app: &TestApp, email: &str) -> String {
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
    app.forget_cookies();
    response
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|pair| pair.starts_with("dias_session=") && *pair != "dias_session=")
        .expect("a session cookie")
        .to_owned()
}

pub(crate) async fn inquiry_count(app: &TestApp) -> u64 {
    desk_inquiry::Entity::find().count(&app.db).await.unwrap()
}

/// The status page's path from a mail body.
pub(crate) fn link_in(mail: &str) -> String {
    let start = mail.find("/anfragen/status/").expect("a status link");
    mail[start..].split_whitespace().next().unwrap().to_owned()
}

#[tokio::test]
async fn a_visitor_sends_an_inquiry_with_a_file_and_gets_reference_mail_and_link() {
    let app = app().await;
    let response = send(
        &app,
        &complete("Markterkundung in Amtsberg", "Erika@Example.org"),
        Some(("C:\\Daten\\Plan Amtsberg.pdf", PDF)),
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::SEE_OTHER, "{}", response.body);
    let location = response.location().to_owned();
    assert!(location.starts_with("/anfragen/status/"), "{location}");
    assert!(location.ends_with("?eingegangen=1"), "{location}");

    let inquiry = desk_inquiry::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let year = dias_desk::calendar::berlin_date(inquiry.created_at).year();
    assert_eq!(inquiry.reference, format!("DIAS-{year}-{:06}", inquiry.id));
    assert_eq!(inquiry.sender_email, "erika@example.org");
    assert_eq!(inquiry.status, "neu");
    assert_eq!(inquiry.user_id, None);
    assert_eq!(inquiry.locale, "de");
    let files = store::attachments(&app.db, inquiry.id).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].filename, "Plan Amtsberg.pdf");
    assert_eq!(files[0].mime, "application/pdf");

    // The confirmation names reference, subject, link and target time.
    let mail = app.last_mail_to("erika@example.org").await.unwrap();
    assert!(mail.contains(&inquiry.reference), "{mail}");
    assert!(mail.contains("Markterkundung in Amtsberg"), "{mail}");
    assert!(mail.contains("innerhalb von 5 Arbeitstagen"), "{mail}");
    assert!(
        mail.starts_with("Guten Tag,\n") || mail.contains("\nGuten Tag,\n"),
        "{mail}"
    );
    assert!(
        mail.contains(
            "Bitte antworten Sie nicht auf diese E-Mail, sondern über Ihren persönlichen Link."
        ),
        "{mail}"
    );
    let link = link_in(&mail);
    assert_eq!(
        format!("{link}?eingegangen=1"),
        location,
        "the mail carries the same link"
    );
    assert!(mail.contains(&format!(
        "{}{link}",
        app.state.config.public_url.trim_end_matches('/')
    )));

    // Right after sending: the banner with the link to keep.
    let page = app.get(&location).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.text("#desk-received").contains(&inquiry.reference),
        "{}",
        page.body
    );
    assert!(page.text("#desk-status-link").ends_with(&link));
    assert_eq!(page.headers[header::CACHE_CONTROL], "no-store");
    // The token never reaches other sites through the Referer header.
    let policy = page.headers["referrer-policy"].to_str().unwrap();
    assert!(
        ["same-origin", "no-referrer", "strict-origin"].contains(&policy),
        "{policy}"
    );
    // Later visits of the link: no banner, the inquiry itself.
    let later = app.get(&link).await;
    assert_eq!(later.status, StatusCode::OK);
    assert_eq!(later.count("#desk-received"), 0);
    assert!(later.text("h1").contains(&inquiry.reference));
    assert!(
        later
            .body
            .contains("wie läuft ein Markterkundungsverfahren ab?")
    );
    assert!(later.text(".lead").contains("Markterkundung in Amtsberg"));
    // A bookmarked `?eingegangen=1` does not show the banner again later.
    let mut older: desk_inquiry::ActiveModel = inquiry.clone().into();
    older.created_at = sea_orm::Set(inquiry.created_at - 11 * 60);
    sea_orm::ActiveModelTrait::update(older, &app.db)
        .await
        .unwrap();
    assert_eq!(app.get(&location).await.count("#desk-received"), 0);

    // The file downloads as an attachment, never rendered by the browser.
    let href = later
        .attr("a[href*='/anhang/']", "href")
        .expect("a download link");
    let download = app.get(&href).await;
    assert_eq!(download.status, StatusCode::OK);
    assert_eq!(download.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(download.headers["x-content-type-options"], "nosniff");
    let disposition = download.headers[header::CONTENT_DISPOSITION]
        .to_str()
        .unwrap();
    assert!(disposition.starts_with("attachment;"), "{disposition}");
    assert!(disposition.contains("Plan%20Amtsberg.pdf"), "{disposition}");
    assert_eq!(download.body.as_bytes(), PDF);
}

#[tokio::test]
async fn a_forged_or_oversized_attachment_is_refused_and_nothing_is_stored() {
    let app = app().await;
    for (name, bytes) in [
        (
            "Rechnung.pdf",
            &b"<!DOCTYPE html><html><script>alert(1)</script>"[..],
        ),
        ("Rechnung.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"),
        ("Foto.pdf", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
    ] {
        let response = send(
            &app,
            &complete("Gefälschte Datei", "erika@example.org"),
            Some((name, bytes)),
            Work::Solved,
            None,
        )
        .await;
        assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert_eq!(response.count(".error-summary a[href='#attachment']"), 1);
        assert_eq!(
            response.attr("#attachment", "aria-invalid").as_deref(),
            Some("true")
        );
        assert!(response.text("#attachment-error").contains("Datei"));
        // The input stays; the file's own error says what to do, so no
        // second note contradicts it.
        assert_eq!(
            response.attr("#subject", "value").as_deref(),
            Some("Gefälschte Datei")
        );
        assert_eq!(response.count("#desk-file-again"), 0);
        assert!(!response.body.contains("wählen Sie sie erneut aus"));
    }
    // A good file with another field wrong: the note asks to choose it again.
    let mut no_subject = complete("", "erika@example.org");
    no_subject.retain(|(k, _)| *k != "subject");
    let response = send(
        &app,
        &no_subject,
        Some(("Plan.pdf", PDF)),
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text("#desk-file-again").contains("erneut aus"));
    // Larger than the old request limit (11 MB): still the form with the
    // input kept and the size error, not the server's bare 413.
    let mut big = PDF.to_vec();
    big.resize(12 * 1024 * 1024, b' ');
    let response = send(
        &app,
        &complete("Zu groß", "erika@example.org"),
        Some(("Plan.pdf", &big)),
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let max_mb = dias_desk::form::MAX_ATTACHMENT_BYTES / (1024 * 1024);
    assert!(
        response
            .text("#attachment-error")
            .contains(&format!("{max_mb} MB")),
        "{}",
        response.text("#attachment-error")
    );
    assert_eq!(
        response.attr("#subject", "value").as_deref(),
        Some("Zu groß")
    );
    // The page script checks the size on choosing, with the same limit.
    assert_eq!(
        response.attr("#attachment", "data-max-bytes"),
        Some(dias_desk::form::MAX_ATTACHMENT_BYTES.to_string())
    );
    assert_eq!(inquiry_count(&app).await, 0);
    assert_eq!(
        desk_attachment::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.mail_count_to("erika@example.org").await, 0);
}

#[tokio::test]
async fn missing_fields_are_named_with_the_input_kept() {
    let app = app().await;
    let fields = vec![
        ("topic", "ki".to_owned()),
        ("subject", "KI im Bauamt".to_owned()),
        ("message", "Welche Werkzeuge sind erlaubt?".to_owned()),
        ("email", "keine-adresse".to_owned()),
    ];
    let response = send(&app, &fields, None, Work::Solved, None).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text("title").starts_with("Fehler:"));
    let links: Vec<String> = response
        .html()
        .select(&scraper::Selector::parse(".error-summary a").unwrap())
        .map(|a| a.value().attr("href").unwrap().to_owned())
        .collect();
    assert_eq!(links, ["#sender_type", "#email", "#consent"]);
    assert_eq!(
        response.attr("#subject", "value").as_deref(),
        Some("KI im Bauamt")
    );
    assert_eq!(response.text("#message"), "Welche Werkzeuge sind erlaubt?");
    assert_eq!(
        response.attr("#email", "value").as_deref(),
        Some("keine-adresse")
    );
    assert_eq!(
        response.attr("#topic option[selected]", "value").as_deref(),
        Some("ki")
    );
    assert_eq!(
        response.attr("#email", "aria-describedby").as_deref(),
        Some("email-hint email-error")
    );
    // No file was sent, so there is none to choose again.
    assert!(!response.body.contains("wählen Sie sie erneut aus"));
    assert_eq!(inquiry_count(&app).await, 0);

    let mut no_mail = complete("Ohne Adresse", "");
    no_mail.retain(|(k, _)| *k != "consent");
    let response = send(&app, &no_mail, None, Work::Solved, None).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.text("#email-error"),
        "Bitte geben Sie Ihre E-Mail-Adresse an."
    );
    assert_eq!(response.count("#consent-error"), 1);
    assert_eq!(inquiry_count(&app).await, 0);

    // An empty form: each field says what it needs, no message twice.
    let response = send(&app, &[], None, Work::Solved, None).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    let mut messages: Vec<String> = [
        "sender_type",
        "topic",
        "subject",
        "message",
        "email",
        "consent",
    ]
    .iter()
    .map(|f| response.text(&format!("#{f}-error")))
    .collect();
    assert_eq!(messages[2], "Bitte geben Sie einen Betreff ein.");
    assert_eq!(messages[3], "Bitte schreiben Sie Ihre Nachricht.");
    messages.sort();
    messages.dedup();
    assert_eq!(messages.len(), 6, "{messages:?}");
    assert!(!response.body.contains("Bitte füllen Sie dieses Feld aus"));
}

/// Sends a complete form with the honeypot filled, with or without the
/// proof of work (built by hand: the helper sends the honeypot empty).
async fn send_with_honeypot(app: &TestApp, solved: bool) -> TestResponse {
    let mut fields = complete("Billige Uhren", "bot@example.org");
    fields.push((spam::HONEYPOT_FIELD, "https://spam.example".into()));
    let token = app.csrf().await;
    let challenge = spam::challenge(SECRET, dias_core::time::now() - 60);
    let nonce = if solved {
        spam::solve(&challenge)
    } else {
        String::new()
    };
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = vec![
        ("_csrf", None, token.as_bytes()),
        ("challenge", None, challenge.as_bytes()),
        ("nonce", None, nonce.as_bytes()),
    ];
    for (name, value) in &fields {
        parts.push((name, None, value.as_bytes()));
    }
    let (content_type, body) = multipart(&parts);
    app.request(
        Request::builder()
            .method("POST")
            .uri("/anfragen/neu")
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn a_filled_honeypot_without_the_work_gets_a_success_page_and_nothing_is_stored() {
    let app = app().await;
    let response = send_with_honeypot(&app, false).await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.text("h1").contains("Vielen Dank"));
    assert_eq!(inquiry_count(&app).await, 0);
    assert_eq!(app.mail_count_to("bot@example.org").await, 0);
}

/// A browser that did the proof of work is likely a person's (autofill, or
/// a screen reader's form navigation): no fake success, the form again.
#[tokio::test]
async fn a_filled_honeypot_with_the_work_done_shows_the_form_again_with_it_cleared() {
    let app = app().await;
    let response = send_with_honeypot(&app, true).await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text("#desk-cleared").contains("leer bleiben"));
    assert_eq!(
        response.attr("#subject", "value").as_deref(),
        Some("Billige Uhren")
    );
    let honeypot = format!("#{}", spam::HONEYPOT_FIELD);
    assert_eq!(response.attr(&honeypot, "value").as_deref(), Some(""));
    assert_eq!(inquiry_count(&app).await, 0);
    assert_eq!(app.mail_count_to("bot@example.org").await, 0);
}

#[tokio::test]
async fn an_old_or_forged_challenge_asks_to_send_again_with_the_input_kept() {
    let app = app().await;
    let response = send(
        &app,
        &complete("Alte Seite", "erika@example.org"),
        Some(("Plan.pdf", PDF)),
        Work::Expired,
        None,
    )
    .await;
    assert_eq!(response.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text(".error-summary").contains("noch einmal"));
    assert!(response.text(".error-summary").contains("erneut aus"));
    assert_eq!(
        response.attr("#subject", "value").as_deref(),
        Some("Alte Seite")
    );
    // The page carries a fresh challenge to send it with.
    let fresh = response.attr("input[name=challenge]", "value").unwrap();
    let now = dias_core::time::now();
    assert_eq!(
        spam::check(SECRET, &fresh, "", now + spam::MIN_FILL_SECS),
        spam::Check::Unsolved
    );
    assert_eq!(inquiry_count(&app).await, 0);
}

#[tokio::test]
async fn too_many_inquiries_from_one_address_get_429() {
    let app = app().await;
    for n in 0..spam::INQUIRIES_PER_HOUR {
        let r = send(
            &app,
            &complete(&format!("Frage {n}"), "erika@example.org"),
            None,
            Work::Solved,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{n}");
    }
    let refused = send(
        &app,
        &complete("Eine zu viel", "erika@example.org"),
        None,
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers.contains_key(header::RETRY_AFTER));
    // The form again, with everything typed, and when to send it.
    let summary = refused.text("#desk-limited");
    assert!(summary.contains("noch nicht gesendet"), "{summary}");
    assert!(summary.contains(" Uhr erneut"), "{summary}");
    assert_eq!(refused.count("#desk-limited a[href='/impressum']"), 1);
    assert_eq!(
        refused.attr("#subject", "value").as_deref(),
        Some("Eine zu viel")
    );
    assert!(refused.text("title").starts_with("Fehler:"));
    assert_eq!(
        inquiry_count(&app).await,
        u64::from(spam::INQUIRIES_PER_HOUR)
    );
}

#[tokio::test]
async fn without_the_proof_of_work_the_form_works_under_a_stricter_limit() {
    let app = app().await;
    for n in 0..spam::WITHOUT_WORK_PER_HOUR {
        let r = send(
            &app,
            &complete(&format!("Ohne JavaScript {n}"), "erika@example.org"),
            None,
            Work::Unsolved,
            None,
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{n}: {}", r.body);
    }
    let refused = send(
        &app,
        &complete("Ohne JavaScript, eine zu viel", "erika@example.org"),
        None,
        Work::Unsolved,
        None,
    )
    .await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    // With the work done the usual allowance still holds.
    let solved = send(
        &app,
        &complete("Mit JavaScript", "erika@example.org"),
        None,
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(solved.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn links_from_other_modules_prefill_topic_gemeinde_and_context() {
    let app = app().await;
    let page = app
        .get("/anfragen/neu?thema=breitband&gemeinde=14521010&kontext=/breitband/beratung")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.attr("#topic option[selected]", "value").as_deref(),
        Some("breitband")
    );
    assert_eq!(
        page.attr("#gemeinde option[selected]", "value").as_deref(),
        Some("14521010")
    );
    assert_eq!(
        page.attr("input[name=kontext]", "value").as_deref(),
        Some("/breitband/beratung")
    );
    // Named for people, linked by its path.
    assert_eq!(page.text("#desk-context a"), "Breitband");
    assert_eq!(
        page.attr("#desk-context a", "href").as_deref(),
        Some("/breitband/beratung")
    );
    let search = app
        .get("/anfragen/neu?thema=foerderung&kontext=%2Ffoerderung%3Fq%3DF%25C3%25B6rderung%2BKI")
        .await;
    assert_eq!(
        search.text("#desk-context a"),
        "Förderlotse – Suche „Förderung KI“"
    );
    let municipality = app
        .get("/anfragen/neu?thema=breitband&kontext=%2Fbreitband%2Fgemeinden%2F14521010")
        .await;
    let name = dias_core::reference::cached()
        .municipality("14521010")
        .unwrap()
        .name
        .clone();
    assert_eq!(
        municipality.text("#desk-context a"),
        format!("Breitband – Gemeinde {name}")
    );
    // Every Gemeinde of Saxony, grouped by Kreis.
    assert_eq!(page.count("#gemeinde optgroup"), 13);
    assert_eq!(page.count("#gemeinde optgroup option"), 419);

    let mut fields = complete("Beratung Breitband", "erika@example.org");
    fields.push((
        "kontext",
        page.attr("input[name=kontext]", "value").unwrap(),
    ));
    let r = send(&app, &fields, None, Work::Solved, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let links = desk_link::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].path, "/breitband/beratung");

    // Unknown values are ignored, not errors; a context leading elsewhere
    // is dropped — on the page and when sent anyway.
    let page = app
        .get("/anfragen/neu?thema=raumfahrt&gemeinde=99999999&kontext=//evil.example")
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.count("#topic option[selected]"), 0);
    assert_eq!(page.count("#gemeinde option[selected]"), 0);
    assert_eq!(page.count("input[name=kontext]"), 0);
    assert_eq!(page.count("main [href*='evil.example']"), 0);
    assert!(!page.text("main").contains("evil.example"));
    let mut fields = complete("Böser Kontext", "erika@example.org");
    fields.push(("kontext", "//evil.example".into()));
    let r = send(&app, &fields, None, Work::Solved, None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let inquiry = store::by_token(
        &app.db,
        r.location()
            .trim_start_matches("/anfragen/status/")
            .trim_end_matches("?eingegangen=1"),
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(inquiry.context_path, None);
    assert_eq!(desk_link::Entity::find().count(&app.db).await.unwrap(), 1);
}

#[tokio::test]
async fn signed_in_people_get_their_name_and_address_prefilled_and_linked() {
    let app = app().await;
    let (user_id, _) = app
        .create_user("buerger@example.org", Role::Participant)
        .await;
    let cookie = login_cookie(&app, "buerger@example.org").await;
    let page = get_with_cookie(&app, "/anfragen/neu", &cookie).await;
    assert_eq!(
        page.attr("#email", "value").as_deref(),
        Some("buerger@example.org")
    );
    assert_eq!(page.attr("#name", "value").as_deref(), Some("Test Person"));
    let r = send(
        &app,
        &complete("Als Bürger", "buerger@example.org"),
        None,
        Work::Solved,
        Some(&cookie),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let inquiry = desk_inquiry::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(inquiry.user_id, Some(user_id));
}

#[tokio::test]
async fn visitors_may_send_files_larger_than_the_default_request_limit() {
    let app = app().await;
    let mut file = PDF.to_vec();
    file.resize(3 * 1024 * 1024, b' ');
    let r = send(
        &app,
        &complete("Großer Plan", "erika@example.org"),
        Some(("Plan.pdf", &file)),
        Work::Solved,
        None,
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.status);
}

#[tokio::test]
async fn the_landing_page_explains_and_links_form_faq_statistics_and_lost_links() {
    let app = app().await;
    let page = app.get("/anfragen").await;
    assert_eq!(page.status, StatusCode::OK);
    for href in [
        "/anfragen/neu",
        "/anfragen/faq",
        "/anfragen/statistik",
        "/anfragen/link-vergessen",
        "/anfragen/neu?thema=foerderung",
    ] {
        assert_eq!(page.count(&format!("main a[href='{href}']")), 1, "{href}");
    }
    assert!(page.body.contains("5 Arbeitstage"));
    let form = app.get("/anfragen/neu").await;
    assert_eq!(form.status, StatusCode::OK);
    // The honeypot is labelled, out of the tab order and never autofilled.
    // Named so that autofill leaves it alone, and hidden from screen
    // readers too.
    let honeypot = format!("#{}", spam::HONEYPOT_FIELD);
    assert!(!["homepage", "website", "url"].contains(&spam::HONEYPOT_FIELD));
    assert_eq!(
        form.count(&format!("label[for={}]", spam::HONEYPOT_FIELD)),
        1
    );
    assert_eq!(form.attr(&honeypot, "tabindex").as_deref(), Some("-1"));
    assert_eq!(form.attr(&honeypot, "autocomplete").as_deref(), Some("off"));
    assert_eq!(form.count(&format!("[aria-hidden=true] {honeypot}")), 1);
    // Topic links say where they lead; counting starts the day after.
    let link = page.text("main a[href='/anfragen/neu?thema=breitband']");
    assert_eq!(
        link.split_whitespace().collect::<Vec<_>>().join(" "),
        "Anfrage zu Breitband stellen"
    );
    assert!(page.body.contains("ab dem Tag nach dem Eingang"));
    assert!(page.body.contains("Buß- und Bettag"));
    assert!(
        form.text("#consent-hint")
            .contains("12 Monate nach dem Abschluss")
    );
    assert_eq!(form.count("script[src='/static/js/desk-pow.js']"), 1);
    assert_eq!(form.count("fieldset#sender_type legend"), 1);
    assert_eq!(form.count("a[href='/datenschutz']"), 2);
    let script = app.get("/static/js/desk-pow.js").await;
    assert_eq!(script.status, StatusCode::OK);
}

#[tokio::test]
async fn a_forgotten_link_is_mailed_only_on_a_match_and_the_answer_is_always_the_same() {
    let app = app().await;
    let r = send(
        &app,
        &complete("Link verloren", "erika@example.org"),
        None,
        Work::Solved,
        None,
    )
    .await;
    let link = r.location().trim_end_matches("?eingegangen=1").to_owned();
    let inquiry = desk_inquiry::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app.mail_count_to("erika@example.org").await, 1);

    let form = app.get("/anfragen/link-vergessen").await;
    assert_eq!(form.status, StatusCode::OK);
    let matched = app
        .post(
            "/anfragen/link-vergessen",
            &[
                ("reference", &inquiry.reference.to_lowercase()),
                ("email", "ERIKA@example.org"),
            ],
        )
        .await;
    assert_eq!(matched.status, StatusCode::OK);
    assert_eq!(app.mail_count_to("erika@example.org").await, 2);
    let mail = app.last_mail_to("erika@example.org").await.unwrap();
    assert_eq!(link_in(&mail), link);
    assert!(
        mail.contains("Bitte antworten Sie nicht auf diese E-Mail"),
        "{mail}"
    );

    // Empty fields say what they need.
    let empty = app
        .post(
            "/anfragen/link-vergessen",
            &[("reference", ""), ("email", "")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        empty.text("#reference-error"),
        "Bitte geben Sie Ihre Vorgangsnummer an."
    );
    assert_eq!(
        empty.text("#email-error"),
        "Bitte geben Sie Ihre E-Mail-Adresse an."
    );

    let wrong_address = app
        .post(
            "/anfragen/link-vergessen",
            &[
                ("reference", inquiry.reference.as_str()),
                ("email", "mallory@example.org"),
            ],
        )
        .await;
    let unknown = app
        .post(
            "/anfragen/link-vergessen",
            &[
                ("reference", "DIAS-2026-999999"),
                ("email", "erika@example.org"),
            ],
        )
        .await;
    for other in [&wrong_address, &unknown] {
        assert_eq!(other.status, StatusCode::OK);
        assert_eq!(other.text("main"), matched.text("main"));
    }
    assert_eq!(app.mail_count_to("erika@example.org").await, 2);
    assert_eq!(app.mail_count_to("mallory@example.org").await, 0);

    // A malformed reference is a form error, not an answer about inquiries.
    let malformed = app
        .post(
            "/anfragen/link-vergessen",
            &[("reference", "123"), ("email", "erika@example.org")],
        )
        .await;
    assert_eq!(malformed.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(malformed.count(".error-summary a[href='#reference']"), 1);
    assert_eq!(
        malformed.attr("#email", "value").as_deref(),
        Some("erika@example.org")
    );

    // Requests are limited per address.
    let mut last = StatusCode::OK;
    for _ in 0..spam::LINK_REQUESTS_PER_HOUR {
        last = app
            .post(
                "/anfragen/link-vergessen",
                &[
                    ("reference", "DIAS-2026-999998"),
                    ("email", "erika@example.org"),
                ],
            )
            .await
            .status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn every_post_route_of_the_public_pages_needs_a_csrf_token() {
    let app = app().await;
    let (created, token) = store::create(
        &app.db,
        SECRET,
        crate::store::inquiry("Für den Token-Test"),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    let routes = [
        "/anfragen/neu".to_owned(),
        "/anfragen/link-vergessen".to_owned(),
        format!("/anfragen/status/{token}"),
    ];
    let sources = [
        include_str!("../../src/routes/public.rs"),
        include_str!("../../src/routes/status.rs"),
    ];
    let posts: usize = sources.iter().map(|s| s.matches("post(").count()).sum();
    assert_eq!(posts, routes.len());
    for path in &routes {
        let r = app
            .post_raw(
                path,
                &[
                    ("message", "Ohne Token"),
                    ("reference", created.reference.as_str()),
                    ("email", "erika@example.org"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    // The multipart form too.
    let r = send_with(
        &app,
        &complete("Ohne Token", "erika@example.org"),
        None,
        Work::Solved,
        None,
        false,
    )
    .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(inquiry_count(&app).await, 1);
    assert_eq!(
        store::history(&app.db, created.id, false)
            .await
            .unwrap()
            .len(),
        1
    );
    assert_eq!(app.mail_count_to("erika@example.org").await, 0);
}

#[tokio::test]
async fn every_public_page_answers_every_role_alike() {
    let app = app().await;
    let (_, token) = store::create(
        &app.db,
        SECRET,
        crate::store::inquiry("Rollen"),
        dias_core::time::now(),
    )
    .await
    .unwrap();
    let pages = [
        "/anfragen".to_owned(),
        "/anfragen/neu".to_owned(),
        "/anfragen/link-vergessen".to_owned(),
        format!("/anfragen/status/{token}"),
    ];
    for role in [
        None,
        Some(Role::Participant),
        Some(Role::Moderator),
        Some(Role::Staff),
        Some(Role::Admin),
    ] {
        app.forget_cookies();
        if let Some(role) = role {
            app.sign_in_as(role).await;
        }
        for path in &pages {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::OK,
                "{path} as {role:?}"
            );
        }
    }
}

#[tokio::test]
async fn every_message_the_public_pages_use_exists_in_german_and_english() {
    use dias_core::i18n::message_ids;
    // The portal's whole catalogue: shared ids (errors) come from the core.
    let app = app().await;
    let catalog = app.state.catalog.clone();
    let mut de = message_ids(include_str!("../../locales/de-public.ftl"));
    let mut en = message_ids(include_str!("../../locales/en-public.ftl"));
    de.sort();
    en.sort();
    assert_eq!(de, en);
    let sources = [
        include_str!("../../src/routes/public.rs"),
        include_str!("../../src/routes/status.rs"),
        include_str!("../../src/form.rs"),
        include_str!("../../src/sender.rs"),
        include_str!("../../templates/desk/home.html"),
        include_str!("../../templates/desk/form.html"),
        include_str!("../../templates/desk/status.html"),
        include_str!("../../templates/desk/link_forgotten.html"),
        include_str!("../../templates/desk/public_thanks.html"),
        include_str!("../../templates/desk/public_limited.html"),
        include_str!("../../templates/desk/public_breadcrumbs.html"),
        include_str!("../../templates/desk/public_gone.html"),
        include_str!("../../src/links.rs"),
    ];
    let mut ids = Vec::new();
    for source in sources {
        for prefix in ["\"desk-public-", "\"error-"] {
            for part in source.split(prefix).skip(1) {
                let rest = part.split('"').next().unwrap();
                // Class names such as `error-summary` are no message ids.
                if !rest.contains(['{', ' '])
                    && !rest.is_empty()
                    && !rest.ends_with('-')
                    && !rest.starts_with("summary")
                {
                    ids.push(format!("{}{rest}", &prefix[1..]));
                }
            }
        }
        for part in source.split("hinweis=").skip(1) {
            let key = part.split(['"', '#']).next().unwrap();
            ids.push(format!("notice-{key}"));
        }
    }
    // Built from a status key at run time.
    for status in dias_desk::vocab::Status::ALL {
        ids.push(format!("desk-public-status-explain-{}", status.key()));
    }
    assert!(ids.len() > 80, "{}", ids.len());
    for id in ids {
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, &id), id, "{locale}: {id}");
        }
    }
}

/// With the visitors' page cache on, every visitor still gets a challenge
/// of their own: the form page is neither stored nor served from the cache.
#[tokio::test]
async fn every_visit_of_the_form_gets_its_own_challenge() {
    let app = app().await;
    let mut state = app.state.clone();
    state.page_cache = std::sync::Arc::new(dias_web::cache::PageCache::new(60));
    let router = dias_web::router(state);
    let mut challenges = Vec::new();
    for _ in 0..2 {
        use tower::ServiceExt;
        let response = router
            .clone()
            .oneshot(
                Request::builder()
                    .uri("/anfragen/neu?thema=ki")
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(!response.headers().contains_key("x-cache"));
        assert_eq!(
            response.headers()[header::CACHE_CONTROL],
            "private, no-store"
        );
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let html = String::from_utf8(bytes.to_vec()).unwrap();
        let at = html.find("name=\"challenge\" value=\"").unwrap() + 24;
        let end = at + html[at..].find('"').unwrap();
        challenges.push(html[at..end].to_owned());
    }
    assert_ne!(challenges[0], challenges[1]);
}
