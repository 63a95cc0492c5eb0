//! The media library: uploads checked by their bytes with required texts,
//! public addresses with the right headers, deleting only unused media.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_content::entities::media;
use dias_core::policy::Role;
use sea_orm::{EntityTrait, PaginatorTrait};

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

pub(crate) const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
pub(crate) const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

pub(crate) fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-medien-grenze";
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

/// Posts the upload form as a browser would (with the CSRF token unless
/// `csrf` is false).
pub(crate) async fn upload_with(
    app: &TestApp,
    filename: &str,
    bytes: &[u8],
    alt: &str,
    description: &str,
    csrf: bool,
) -> TestResponse {
    let token = app.csrf().await;
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if csrf {
        parts.push(("_csrf", None, token.as_bytes()));
    }
    parts.push(("file", Some(filename), bytes));
    parts.push(("alt_text", None, alt.as_bytes()));
    parts.push(("description", None, description.as_bytes()));
    let (content_type, body) = multipart(&parts);
    let cookie = SESSION.with(|c| c.borrow().clone());
    app.request(
        Request::builder()
            .method("POST")
            .uri(dias_content::MEDIA_UPLOAD_PATH)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

thread_local! {
    static SESSION: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Signs in a new account of `role` (not admin) through the login form
/// and remembers its session cookie for multipart requests (the test app
/// adds its own cookie to URL-encoded forms only).
pub(crate) async fn sign_in(app: &TestApp, role: Role) -> i64 {
    let email = format!(
        "{}-{}@example.org",
        role.as_str(),
        &dias_core::crypto::random_token()[..6].to_lowercase()
    );
    let (id, _) = app.create_user(&email, role).await;
    app.forget_cookies();
    let response = app.login(&email, None).await;
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
    id
}

pub(crate) async fn upload(
    app: &TestApp,
    filename: &str,
    bytes: &[u8],
    alt: &str,
    description: &str,
) -> TestResponse {
    upload_with(app, filename, bytes, alt, description, true).await
}

/// Uploads an image and returns its id.
pub(crate) async fn uploaded_image(app: &TestApp, alt: &str) -> i64 {
    let r = upload(app, "Glasfaser Döbeln.png", PNG, alt, "").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location()
        .trim_start_matches("/redaktion/medien/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// The address key of medium `id` (start of its SHA-256).
async fn key_of(app: &TestApp, id: i64) -> String {
    media::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .sha256[..16]
        .to_owned()
}

async fn stored(app: &TestApp) -> u64 {
    media::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn an_image_with_alt_text_is_served_inline_with_its_type() {
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    let id = uploaded_image(&app, "Bagger verlegt Glasfaser in Döbeln").await;
    let page = app.get(&format!("/redaktion/medien/{id}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let key = key_of(&app, id).await;
    assert_eq!(
        page.attr("#content-media-snippet", "value").unwrap(),
        format!("![Bagger verlegt Glasfaser in Döbeln](/medien/{id}/{key}/glasfaser-doebeln.png)")
    );
    let list = app.get("/redaktion/medien").await;
    assert!(list.body.contains("glasfaser-doebeln.png"));
    assert!(list.body.contains("Bagger verlegt Glasfaser in Döbeln"));

    app.forget_cookies();
    let r = app
        .get(&format!("/medien/{id}/{key}/glasfaser-doebeln.png"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "image/png");
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    // Kept for a day, never `immutable` for a year (deleted media leave
    // shared caches).
    assert_eq!(r.headers[header::CACHE_CONTROL], "public, max-age=86400");
    assert!(r.headers.get(header::CONTENT_DISPOSITION).is_none());
    assert!(r.body.contains("IHDR"), "the stored bytes");
    // Another name, another key, no key (the old, guessable address) or
    // another id name nothing.
    let first = if key.starts_with('0') { "1" } else { "0" };
    let wrong_key = format!("{first}{}", &key[1..]);
    for path in [
        format!("/medien/{id}/{key}/anderer-name.png"),
        format!("/medien/{id}/{wrong_key}/glasfaser-doebeln.png"),
        format!("/medien/{id}/{}/glasfaser-doebeln.png", &key[..15]),
        format!("/medien/{id}/glasfaser-doebeln.png"),
        format!("/medien/999/{key}/glasfaser-doebeln.png"),
    ] {
        assert_eq!(app.get(&path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn a_pdf_needs_a_description_and_is_a_download() {
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    let r = upload(&app, "Flyer.pdf", PDF, "", " ").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text(".error-summary").contains("Beschreibung"));
    assert_eq!(stored(&app).await, 0);
    let r = upload(
        &app,
        "Flyer Digitalbonus.pdf",
        PDF,
        "",
        "Flyer Digitalbonus",
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let item = media::Entity::find().one(&app.db).await.unwrap().unwrap();
    assert_eq!(item.kind, "file");
    assert_eq!(item.mime, "application/pdf");
    assert_eq!(item.sha256.len(), 64);
    let key = &item.sha256[..16];
    assert_eq!(
        app.get(&format!("/medien/{}/flyer-digitalbonus.pdf", item.id))
            .await
            .status,
        StatusCode::NOT_FOUND,
        "the guessable address"
    );
    let r = app
        .get(&format!("/medien/{}/{key}/flyer-digitalbonus.pdf", item.id))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(r.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(
        r.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    let page = app.get(&format!("/redaktion/medien/{}", item.id)).await;
    assert_eq!(
        page.attr("#content-media-snippet", "value").unwrap(),
        format!(
            "[Flyer Digitalbonus](/medien/{}/{key}/flyer-digitalbonus.pdf)",
            item.id
        )
    );
}

#[tokio::test]
async fn a_forged_type_is_refused_with_nothing_stored_and_the_text_kept() {
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    // A PDF named as a picture.
    let r = upload(&app, "foto.png", PDF, "Ein Foto vom Breitbandtag", "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#file-error").contains("passt nicht"), "{}", r.body);
    assert_eq!(r.text("#alt_text"), "Ein Foto vom Breitbandtag");
    // A web page named as a picture.
    let r = upload(
        &app,
        "foto.png",
        b"<html><script>alert(1)</script></html>",
        "Foto",
        "",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#file-error").contains("kein PNG"));
    // A GIF is a picture, but not one the library takes.
    let r = upload(&app, "a.gif", b"GIF89a\x01\0\x01\0", "Foto", "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn missing_alt_text_is_refused() {
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    let r = upload(
        &app,
        "karte.png",
        PNG,
        "  ",
        "Beschreibung statt Alternativtext",
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr(".error-summary a", "href").as_deref(),
        Some("#alt_text")
    );
    assert!(r.text("#alt_text-error").contains("Alternativtext"));
    assert_eq!(r.text("#description"), "Beschreibung statt Alternativtext");
    assert_eq!(stored(&app).await, 0);
    // No file at all.
    let r = upload(&app, "", b"", "Alt", "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#file-error").contains("Datei"));
}

#[tokio::test]
async fn files_over_ten_megabytes_are_refused_clearly() {
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    let mut big = PNG.to_vec();
    big.resize(10 * 1024 * 1024 + 1, 0);
    let r = upload(&app, "gross.png", &big, "Großes Bild", "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#file-error").contains("10 MB"), "{}", r.body);
    assert_eq!(r.text("#alt_text"), "Großes Bild");
    big.resize(13 * 1024 * 1024, 0);
    let r = upload(&app, "riesig.png", &big, "Riesig", "").await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(stored(&app).await, 0);
}

#[tokio::test]
async fn texts_can_be_edited_and_used_media_are_not_deleted() {
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    let id = uploaded_image(&app, "Alt").await;
    let r = app
        .post(&format!("/redaktion/medien/{id}"), &[("alt_text", "")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app
        .post(
            &format!("/redaktion/medien/{id}"),
            &[("alt_text", "Glasfaserkabel im Graben")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let item = media::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(item.alt_text.as_deref(), Some("Glasfaserkabel im Graben"));

    let article = crate::news::create_article(
        &app,
        &[
            ("title", "Spatenstich in Döbeln"),
            ("teaser", "Es geht los."),
            ("body", "Text"),
            ("image_id", &id.to_string()),
            ("status", "draft"),
        ],
    )
    .await;
    let r = app
        .post(&format!("/redaktion/medien/{id}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.text("#content-media-in-use")
            .contains("Spatenstich in Döbeln"),
        "{}",
        r.body
    );
    assert_eq!(stored(&app).await, 1);
    // Without JavaScript a delete asks on its own page first (the form's
    // `data-confirm` asks with it); the page deletes.
    async fn asks_first(app: &TestApp, edit: &str, delete: &str) {
        let form = app.get(edit).await;
        let selector = format!("form[action='{delete}'][data-confirm] noscript");
        assert_eq!(form.count(&selector), 1, "{edit}");
        let r = app.post(delete, &[("ohne_js", "ja")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{delete}");
        assert_eq!(r.headers["location"], delete);
        let confirm = app.get(delete).await;
        assert_eq!(confirm.status, StatusCode::OK, "{delete}");
        assert_eq!(
            confirm.count(&format!("main form[action='{delete}'][method='post']")),
            1
        );
        assert_eq!(confirm.count("main form[data-confirm]"), 0);
        assert_eq!(confirm.count("nav.admin-nav"), 1);
    }
    asks_first(
        &app,
        &format!("/redaktion/aktuelles/{article}"),
        &format!("/redaktion/aktuelles/{article}/loeschen"),
    )
    .await;
    assert_eq!(stored(&app).await, 1);
    let r = app
        .post(&format!("/redaktion/aktuelles/{article}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    asks_first(
        &app,
        &format!("/redaktion/medien/{id}"),
        &format!("/redaktion/medien/{id}/loeschen"),
    )
    .await;
    assert_eq!(stored(&app).await, 1);
    let key = key_of(&app, id).await;
    let r = app
        .post(&format!("/redaktion/medien/{id}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app).await, 0);
    assert_eq!(
        app.get(&format!("/medien/{id}/{key}/glasfaser-doebeln.png"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let audit: Vec<String> = dias_core::entities::audit_entry::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for action in [
        "content.media.upload",
        "content.media.update",
        "content.media.delete",
    ] {
        assert!(audit.iter().any(|a| a == action), "{action}: {audit:?}");
    }
}

#[tokio::test]
async fn only_staff_reach_the_library_and_uploads_need_the_token() {
    let app = app().await;
    for role in [
        None,
        Some(Role::Participant),
        Some(Role::Moderator),
        Some(Role::Staff),
        Some(Role::Admin),
    ] {
        app.forget_cookies();
        SESSION.with(|c| c.borrow_mut().clear());
        match role {
            Some(Role::Admin) => {
                app.sign_in_as(Role::Admin).await;
            }
            Some(role) => {
                sign_in(&app, role).await;
            }
            None => {}
        }
        let expected = match role {
            None => StatusCode::SEE_OTHER,
            Some(Role::Staff | Role::Admin) => StatusCode::OK,
            Some(_) => StatusCode::FORBIDDEN,
        };
        let r = app.get("/redaktion/medien").await;
        assert_eq!(r.status, expected, "{role:?}");
        if matches!(role, Some(Role::Participant | Role::Moderator)) {
            let r = upload(&app, "a.png", PNG, "Alt", "").await;
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}");
        }
    }
    assert_eq!(stored(&app).await, 0);
    // Staff, but without the form's token.
    sign_in(&app, Role::Staff).await;
    let r = upload_with(&app, "a.png", PNG, "Alt", "", false).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(stored(&app).await, 0);
    let id = uploaded_image(&app, "Alt").await;
    for path in [
        format!("/redaktion/medien/{id}"),
        format!("/redaktion/medien/{id}/loeschen"),
    ] {
        let r = app.post_raw(&path, &[("alt_text", "Neu")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(stored(&app).await, 1);
    // Other roles cannot edit or delete either.
    sign_in(&app, Role::Participant).await;
    assert_eq!(
        app.get(&format!("/redaktion/medien/{id}")).await.status,
        StatusCode::FORBIDDEN
    );
    let r = app
        .post(&format!("/redaktion/medien/{id}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(stored(&app).await, 1);
}

/// Security review (issue 9): a PDF whose catalog runs JavaScript from a
/// deflated object stream (the review's file) is refused by both public
/// upload paths, the media library and publications.
#[tokio::test]
async fn a_pdf_with_javascript_in_a_compressed_object_stream_is_refused() {
    let pdf: &[u8] = include_bytes!("../fixtures/objstm-javascript.pdf");
    assert!(dias_core::files::pdf_has_active_content(pdf));
    let refused = dias_content::media::check_upload(
        Some(("studie.pdf", pdf)),
        &dias_content::media::UploadInput {
            alt_text: String::new(),
            description: "Studie".into(),
        },
    )
    .unwrap_err();
    assert_eq!(refused.get("file"), Some("content-media-error-active"));
    assert!(dias_content::publications::check_pdf("studie.pdf", pdf).is_err());
    // And through the form: nothing stored.
    let app = app().await;
    sign_in(&app, Role::Staff).await;
    let r = upload(&app, "studie.pdf", pdf, "", "Studie").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stored(&app).await, 0);
}
