//! Publications: the Redaktion's form and PDF upload, the library, the
//! detail page, stable downloads, search and the DCAT-AP.de catalogue,
//! parsed with independent RDF parsers (oxrdfxml, oxttl).

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_content::entities::{publication_files, publications};
use dias_core::policy::Role;
use oxrdf::{Literal, NamedNode, Subject, Term, Triple};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
const DCAT: &str = "http://www.w3.org/ns/dcat#";
const DCT: &str = "http://purl.org/dc/terms/";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const BASE: &str = "http://127.0.0.1:8080";

fn multipart(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "----dias-publikation-grenze";
    let mut body = Vec::new();
    for (name, filename, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match filename {
            Some(f) => body.extend_from_slice(
                format!(
                    "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/pdf\r\n\r\n"
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

/// Staff signed in; returns their session cookie (for multipart posts).
async fn staff(app: &TestApp) -> String {
    let email = "redaktion-pub@example.org";
    app.create_user(email, Role::Staff).await;
    let r = app.login(email, None).await;
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter_map(|v| v.split(';').next())
        .find(|p| p.starts_with("dias_session=") && *p != "dias_session=")
        .expect("a session cookie")
        .to_owned()
}

/// Uploads a file to a publication as the signed-in staff member.
async fn upload(
    app: &TestApp,
    cookie: &str,
    id: i64,
    name: &str,
    bytes: &[u8],
    with_token: bool,
) -> TestResponse {
    let token = app.csrf().await;
    let id = id.to_string();
    let mut parts: Vec<(&str, Option<&str>, &[u8])> = Vec::new();
    if with_token {
        parts.push(("_csrf", None, token.as_bytes()));
    }
    parts.push(("publication", None, id.as_bytes()));
    parts.push(("file", Some(name), bytes));
    let (content_type, body) = multipart(&parts);
    app.request(
        Request::builder()
            .method("POST")
            .uri(dias_content::PUBLICATION_FILE_PATH)
            .header(header::COOKIE, cookie)
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
            .unwrap(),
    )
    .await
}

fn form<'a>(
    title: &'a str,
    status: &'a str,
    extra: &[(&'a str, &'a str)],
) -> Vec<(&'a str, &'a str)> {
    let mut fields = vec![
        ("title", title),
        ("authors", "Erika Muster\nDigitalagentur Sachsen"),
        ("year", "2026"),
        ("kind", "studie"),
        ("topics", "ki"),
        ("topics", "verwaltung"),
        (
            "abstract_text",
            "Wie sächsische Unternehmen und Verwaltungen KI einsetzen.",
        ),
        ("summary", "Die Studie fragt: **Wer nutzt KI** in Sachsen?"),
        ("licence", "cc-by-4.0"),
        ("lang", "de"),
        ("slug", ""),
        ("status", status),
        ("publish_date", ""),
        ("publish_time", ""),
    ];
    for (k, v) in extra {
        if let Some(f) = fields.iter_mut().find(|(key, _)| key == k) {
            f.1 = v;
        } else {
            fields.push((k, v));
        }
    }
    fields
}

/// Creates a draft through the form; returns its id.
async fn create_draft(app: &TestApp, title: &str) -> i64 {
    let r = app
        .post("/redaktion/publikationen/neu", &form(title, "draft", &[]))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let location = r.location().to_owned();
    location
        .trim_start_matches("/redaktion/publikationen/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn row(app: &TestApp, id: i64) -> publications::Model {
    publications::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

async fn files(app: &TestApp) -> Vec<publication_files::Model> {
    publication_files::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
}

/// A publication stored directly, with a PDF.
#[expect(
    clippy::too_many_arguments,
    reason = "one call per test row, each field named"
)]
async fn insert(
    app: &TestApp,
    slug: &str,
    title: &str,
    status: &str,
    publish_at: Option<i64>,
    kind: &str,
    topics: &str,
    year: i32,
) -> i64 {
    let now = dias_core::time::now();
    let p = publications::ActiveModel {
        slug: Set(slug.into()),
        title: Set(title.into()),
        authors: Set("Erika Muster; Max Beispiel".into()),
        year: Set(year),
        kind: Set(kind.into()),
        topics: Set(topics.into()),
        abstract_text: Set(format!("Kurzfassung von {title}")),
        summary: Set(format!("Einfach gesagt: {title}")),
        licence: Set("dl-de-by-2.0".into()),
        lang: Set("de".into()),
        status: Set(status.into()),
        publish_at: Set(publish_at),
        announced: Set(dias_content::publishing::announced_on_save(
            status, publish_at, now,
        )),
        revision: Set(1),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    publication_files::ActiveModel {
        publication_id: Set(p.id),
        filename: Set(format!("{slug}.pdf")),
        mime: Set("application/pdf".into()),
        size: Set(PDF.len() as i64),
        sha256: Set(dias_content::publications::sha256_hex(PDF)),
        data: Set(PDF.to_vec()),
        uploaded_by: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    p.id
}

async fn reindex(app: &TestApp) {
    dias_search::indexer::catch_up(&app.state.db, &app.state.search, &app.state.sources)
        .await
        .unwrap();
}

async fn found(app: &TestApp, q: &str, url: &str) -> bool {
    reindex(app).await;
    app.get(&format!("/suche?q={q}")).await.body.contains(url)
}

fn rdf_xml(body: &str) -> Vec<Triple> {
    oxrdfxml::RdfXmlParser::new()
        .for_slice(body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("RDF/XML does not parse: {e}\n{body}"))
}

fn turtle(body: &str) -> Vec<Triple> {
    oxttl::TurtleParser::new()
        .for_slice(body.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("Turtle does not parse: {e}\n{body}"))
}

fn iri(s: &str) -> NamedNode {
    NamedNode::new(s).unwrap()
}

fn has(triples: &[Triple], s: &str, p: &str, o: impl Into<Term>) -> bool {
    let t = Triple::new(Subject::NamedNode(iri(s)), iri(p), o.into());
    triples.contains(&t)
}

fn of_type(triples: &[Triple], class: &str) -> Vec<String> {
    let mut subjects: Vec<String> = triples
        .iter()
        .filter(|t| t.predicate.as_str() == RDF_TYPE && t.object == Term::NamedNode(iri(class)))
        .filter_map(|t| match &t.subject {
            Subject::NamedNode(n) => Some(n.as_str().to_owned()),
            _ => None,
        })
        .collect();
    subjects.sort();
    subjects
}

fn objects(triples: &[Triple], s: &str, p: &str) -> Vec<Term> {
    triples
        .iter()
        .filter(|t| t.subject == Subject::NamedNode(iri(s)) && t.predicate.as_str() == p)
        .map(|t| t.object.clone())
        .collect()
}

/// Both serialisations parse and agree triple for triple (blank nodes aside).
async fn catalog_triples(app: &TestApp) -> Vec<Triple> {
    let xml = app.get("/api/v1/publikationen/katalog.rdf").await;
    assert_eq!(xml.status, StatusCode::OK);
    assert!(
        xml.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/rdf+xml")
    );
    let ttl = app.get("/api/v1/publikationen/katalog.ttl").await;
    assert_eq!(ttl.status, StatusCode::OK);
    assert!(
        ttl.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/turtle")
    );
    let from_xml = rdf_xml(&xml.body);
    let from_ttl = turtle(&ttl.body);
    let named = |ts: &[Triple]| {
        let mut v: Vec<String> = ts
            .iter()
            .filter(|t| {
                matches!(t.subject, Subject::NamedNode(_))
                    && !matches!(t.object, Term::BlankNode(_))
            })
            .map(|t| t.to_string())
            .collect();
        v.sort();
        v
    };
    assert_eq!(named(&from_xml), named(&from_ttl));
    assert_eq!(from_xml.len(), from_ttl.len());
    from_xml
}

// ---------------------------------------------------------------- journeys

#[tokio::test]
async fn staff_create_upload_and_publish_then_visitors_find_read_and_download_it() {
    let app = app().await;
    let cookie = staff(&app).await;
    let id = create_draft(&app, "KI-Studie Sachsen 2026").await;
    let draft = row(&app, id).await;
    assert_eq!(draft.slug, "ki-studie-sachsen-2026");
    assert_eq!(draft.topics, "ki,verwaltung");
    assert_eq!(draft.authors, "Erika Muster; Digitalagentur Sachsen");
    assert!(!draft.announced);
    // The audit log and the search outbox have the creation.
    let audits = dias_core::entities::audit_entry::Entity::find()
        .filter(dias_core::entities::audit_entry::Column::Action.eq("content.publication.create"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audits, 1);

    // Publishing without a PDF is refused with the field named.
    let r = app
        .post(
            &format!("/redaktion/publikationen/{id}"),
            &form("KI-Studie Sachsen 2026", "published", &[("revision", "1")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Zum Veröffentlichen fehlt die PDF-Datei"));
    assert_eq!(r.attr(".error-summary a", "href").as_deref(), Some("#file"));
    assert_eq!(r.count("input#file[type=file]"), 1);
    assert_eq!(row(&app, id).await.status, "draft");

    // The PDF.
    let r = upload(&app, &cookie, id, "KI Studie.pdf", PDF, true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = files(&app).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].filename, "KI Studie.pdf");
    assert_eq!(stored[0].size, PDF.len() as i64);
    assert_eq!(
        stored[0].sha256,
        dias_content::publications::sha256_hex(PDF)
    );

    // Publishing without a summary is refused too.
    let r = app
        .post(
            &format!("/redaktion/publikationen/{id}"),
            &form(
                "KI-Studie Sachsen 2026",
                "published",
                &[("revision", "1"), ("summary", " ")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("fehlt die Zusammenfassung in einfacher Sprache")
    );
    // The input is kept.
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("KI-Studie Sachsen 2026")
    );

    let r = app
        .post(
            &format!("/redaktion/publikationen/{id}"),
            &form("KI-Studie Sachsen 2026", "published", &[("revision", "1")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let live = row(&app, id).await;
    assert!(live.announced);
    assert_eq!(live.revision, 2);

    // Visitors.
    app.forget_cookies();
    let library = app.get("/publikationen").await;
    assert_eq!(library.status, StatusCode::OK);
    assert_eq!(
        library.texts("#content-pub-list h2"),
        vec!["KI-Studie Sachsen 2026"]
    );
    let page = app.get("/publikationen/ki-studie-sachsen-2026").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.text("h1"), "KI-Studie Sachsen 2026");
    assert!(
        page.text("#content-pub-meta")
            .contains("Erika Muster, Digitalagentur Sachsen")
    );
    assert!(page.body.contains("<strong>Wer nutzt KI</strong>"));
    assert_eq!(
        page.attr("#content-pub-licence a", "href").as_deref(),
        Some("https://creativecommons.org/licenses/by/4.0/deed.de")
    );
    assert_eq!(
        page.text("#content-pub-download"),
        "PDF herunterladen (1 KB): KI-Studie Sachsen 2026"
    );
    assert!(page.text("#content-pub-citation").starts_with(
        "Erika Muster, Digitalagentur Sachsen (2026): KI-Studie Sachsen 2026. Studie. Digitalagentur Sachsen. "
    ));
    let pdf = app.get("/publikationen/ki-studie-sachsen-2026/pdf").await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(pdf.headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(
        pdf.headers[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .starts_with("attachment; filename=\"ki-studie-sachsen-2026.pdf\"")
    );
    assert_eq!(pdf.body.as_bytes(), PDF);
    assert!(
        found(
            &app,
            "Verwaltungen",
            "/publikationen/ki-studie-sachsen-2026"
        )
        .await
    );
}

#[tokio::test]
async fn a_forged_or_oversized_file_is_refused_and_the_stored_pdf_stays() {
    let app = app().await;
    let cookie = staff(&app).await;
    let id = create_draft(&app, "Breitbandbericht").await;
    // A picture named .pdf, text named .pdf, a PDF named .png: nothing stored.
    for (name, bytes) in [
        ("bericht.pdf", PNG),
        ("bericht.pdf", &b"Dies ist nur Text."[..]),
        ("<script>.pdf", &b"<html><script>alert(1)</script>"[..]),
        ("bericht.png", PDF),
    ] {
        let r = upload(&app, &cookie, id, name, bytes, true).await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        assert!(r.text("#file-error").contains("kein PDF"), "{name}");
        assert!(!r.body.contains("<script>alert"));
        assert!(files(&app).await.is_empty(), "{name}");
    }
    let r = upload(&app, &cookie, id, "bericht.pdf", PDF, true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let before = files(&app).await;
    // Forged again: the existing file is kept unchanged.
    let r = upload(&app, &cookie, id, "neu.pdf", PNG, true).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(files(&app).await, before);
    // Over 50 MB (within the 52 MB body limit): a clear message, nothing stored.
    let mut big = PDF.to_vec();
    big.resize(50 * 1024 * 1024 + 1, b' ');
    let r = upload(&app, &cookie, id, "gross.pdf", &big, true).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#file-error").contains("größer als 50 MB"));
    assert_eq!(files(&app).await, before);
    // Over the body limit: 413 before anything is read.
    big.resize(53 * 1024 * 1024, b' ');
    let r = upload(&app, &cookie, id, "riesig.pdf", &big, true).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(files(&app).await, before);
    // Replacing keeps one row per publication.
    let other = b"%PDF-1.7\n% zweite Fassung\n%%EOF\n";
    let r = upload(&app, &cookie, id, "v2.pdf", other, true).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let after = files(&app).await;
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].data, other.to_vec());
}

#[tokio::test]
async fn drafts_and_scheduled_publications_are_invisible_until_due() {
    let app = app().await;
    let now = dias_core::time::now();
    insert(
        &app,
        "offen",
        "Offene Studie",
        "published",
        Some(now - 60),
        "studie",
        "ki",
        2026,
    )
    .await;
    insert(
        &app,
        "entwurf",
        "Geheimer Entwurf",
        "draft",
        Some(now - 60),
        "studie",
        "ki",
        2026,
    )
    .await;
    let scheduled = insert(
        &app,
        "geplant",
        "Geplanter Leitfaden",
        "published",
        Some(now + 3600),
        "leitfaden",
        "breitband",
        2026,
    )
    .await;
    reindex(&app).await;
    let library = app.get("/publikationen").await;
    assert_eq!(library.texts("#content-pub-list h2"), vec!["Offene Studie"]);
    for slug in ["entwurf", "geplant"] {
        assert_eq!(
            app.get(&format!("/publikationen/{slug}")).await.status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            app.get(&format!("/publikationen/{slug}/pdf")).await.status,
            StatusCode::NOT_FOUND
        );
    }
    assert!(!found(&app, "Entwurf", "/publikationen/entwurf").await);
    assert!(!found(&app, "Leitfaden", "/publikationen/geplant").await);
    let json: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/publikationen").await.body).unwrap();
    assert_eq!(json["total"], 1);
    let triples = catalog_triples(&app).await;
    assert_eq!(
        of_type(&triples, &format!("{DCAT}Dataset")),
        vec![format!("{BASE}/publikationen/offen#datensatz")]
    );

    // Time passes: the scheduled one is due and the job announces it.
    publications::Entity::update_many()
        .col_expr(
            publications::Column::PublishAt,
            sea_orm::sea_query::Expr::value(now - 1),
        )
        .filter(publications::Column::Id.eq(scheduled))
        .exec(&app.db)
        .await
        .unwrap();
    let announced = dias_content::publishing::announce_due(&app.db, now + 5)
        .await
        .unwrap();
    assert_eq!(announced, 1);
    assert!(found(&app, "Leitfaden", "/publikationen/geplant").await);
    assert_eq!(
        app.get("/publikationen/geplant").await.status,
        StatusCode::OK
    );
    assert_eq!(
        app.get("/publikationen/geplant/pdf").await.status,
        StatusCode::OK
    );
    let triples = catalog_triples(&app).await;
    assert_eq!(
        of_type(&triples, &format!("{DCAT}Dataset")),
        vec![
            format!("{BASE}/publikationen/geplant#datensatz"),
            format!("{BASE}/publikationen/offen#datensatz"),
        ]
    );
    // Still no draft anywhere.
    assert!(
        !app.get("/publikationen")
            .await
            .body
            .contains("Geheimer Entwurf")
    );
}

#[tokio::test]
async fn the_dcat_catalogue_parses_and_describes_each_live_publication() {
    let app = app().await;
    let now = dias_core::time::now();
    let tricky = "Sachsen \"digital\" <2026> & KI\\Recht";
    let id = insert(
        &app,
        "sachsen-digital",
        tricky,
        "published",
        Some(now - 3600),
        "bericht",
        "ki,foerderung",
        2025,
    )
    .await;
    publications::Entity::update_many()
        .col_expr(
            publications::Column::AbstractText,
            sea_orm::sea_query::Expr::value(
                "Zeile eins\nZeile \"zwei\" </dct:description> ]]> @de .",
            ),
        )
        .col_expr(
            publications::Column::Licence,
            sea_orm::sea_query::Expr::value("cc-by-4.0"),
        )
        .filter(publications::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    let triples = catalog_triples(&app).await;
    let catalog = format!("{BASE}/api/v1/publikationen/katalog");
    let dataset = format!("{BASE}/publikationen/sachsen-digital#datensatz");
    let distribution = format!("{BASE}/publikationen/sachsen-digital/pdf#verteilung");
    let pdf = format!("{BASE}/publikationen/sachsen-digital/pdf");
    assert_eq!(
        of_type(&triples, &format!("{DCAT}Catalog")),
        vec![catalog.clone()]
    );
    assert!(has(
        &triples,
        &catalog,
        &format!("{DCAT}dataset"),
        iri(&dataset)
    ));
    assert!(has(
        &triples,
        &catalog,
        &format!("{DCT}title"),
        Literal::new_language_tagged_literal("Publikationen der Digitalagentur Sachsen", "de")
            .unwrap()
    ));
    assert!(has(
        &triples,
        &catalog,
        "http://xmlns.com/foaf/0.1/homepage",
        iri(&format!("{BASE}/publikationen"))
    ));
    assert_eq!(
        objects(&triples, &catalog, &format!("{DCT}publisher")).len(),
        1
    );
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCT}title"),
        Literal::new_language_tagged_literal(tricky, "de").unwrap()
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCT}description"),
        Literal::new_language_tagged_literal(
            "Zeile eins\nZeile \"zwei\" </dct:description> ]]> @de .",
            "de"
        )
        .unwrap()
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCAT}landingPage"),
        iri(&format!("{BASE}/publikationen/sachsen-digital"))
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCAT}theme"),
        iri("http://publications.europa.eu/resource/authority/data-theme/TECH")
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCAT}theme"),
        iri("http://publications.europa.eu/resource/authority/data-theme/ECON")
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCAT}keyword"),
        Literal::new_language_tagged_literal("Künstliche Intelligenz", "de").unwrap()
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCT}language"),
        iri("http://publications.europa.eu/resource/authority/language/DEU")
    ));
    assert!(has(
        &triples,
        &dataset,
        "http://dcat-ap.de/def/dcatde/politicalGeocodingURI",
        iri("http://dcat-ap.de/def/politicalGeocoding/stateKey/14")
    ));
    assert!(has(
        &triples,
        &dataset,
        "http://dcat-ap.de/def/dcatde/politicalGeocodingLevelURI",
        iri("http://dcat-ap.de/def/politicalGeocoding/Level/state")
    ));
    assert_eq!(
        objects(
            &triples,
            &dataset,
            "http://dcat-ap.de/def/dcatde/contributorID"
        )
        .len(),
        1
    );
    // Authors as foaf:Agent with their names.
    let creators = objects(&triples, &dataset, &format!("{DCT}creator"));
    assert_eq!(creators.len(), 2);
    let names: Vec<String> = triples
        .iter()
        .filter(|t| t.predicate.as_str() == "http://xmlns.com/foaf/0.1/name")
        .filter(|t| creators.iter().any(|c| Term::from(t.subject.clone()) == *c))
        .map(|t| match &t.object {
            Term::Literal(l) => l.value().to_owned(),
            _ => String::new(),
        })
        .collect();
    assert_eq!(names.len(), 2);
    assert!(
        names.contains(&"Erika Muster".to_owned()) && names.contains(&"Max Beispiel".to_owned())
    );
    let issued = objects(&triples, &dataset, &format!("{DCT}issued"));
    assert!(
        matches!(&issued[..], [Term::Literal(l)] if l.datatype().as_str() == "http://www.w3.org/2001/XMLSchema#dateTime")
    );
    // The distribution: the stable PDF URL, the licence, type and size.
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCAT}distribution"),
        iri(&distribution)
    ));
    assert!(has(
        &triples,
        &distribution,
        &format!("{DCAT}downloadURL"),
        iri(&pdf)
    ));
    assert!(has(
        &triples,
        &distribution,
        &format!("{DCAT}accessURL"),
        iri(&pdf)
    ));
    assert!(has(
        &triples,
        &distribution,
        &format!("{DCT}license"),
        iri("http://dcat-ap.de/def/licenses/cc-by/4.0")
    ));
    assert!(has(
        &triples,
        &distribution,
        &format!("{DCAT}mediaType"),
        iri("http://www.iana.org/assignments/media-types/application/pdf")
    ));
    assert!(has(
        &triples,
        &distribution,
        &format!("{DCT}format"),
        iri("http://publications.europa.eu/resource/authority/file-type/PDF")
    ));
    assert!(has(
        &triples,
        &distribution,
        &format!("{DCAT}byteSize"),
        Literal::new_typed_literal(
            PDF.len().to_string(),
            iri("http://www.w3.org/2001/XMLSchema#decimal")
        )
    ));
    // The URL in the catalogue is the one that downloads.
    assert_eq!(
        app.get(pdf.trim_start_matches(BASE)).await.body.as_bytes(),
        PDF
    );
    // The JSON list and its OpenAPI description.
    let r = app.get("/api/v1/publikationen").await;
    assert_eq!(r.headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    let json: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(json["publications"][0]["title"], tricky);
    assert_eq!(json["publications"][0]["download"]["url"], pdf);
    assert_eq!(
        json["publications"][0]["licence"]["uri"],
        "http://dcat-ap.de/def/licenses/cc-by/4.0"
    );
    assert_eq!(json["publications"][0]["authors"][1], "Max Beispiel");
    let spec: serde_json::Value =
        serde_json::from_str(&app.get("/api/v1/publikationen/openapi.json").await.body).unwrap();
    assert!(spec["paths"]["/api/v1/publikationen/katalog.rdf"].is_object());
    assert_eq!(
        app.get("/api/v1/publikationen?page=0").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_library_filters_by_kind_topic_and_year_and_pages_newest_first() {
    let app = app().await;
    let now = dias_core::time::now();
    for i in 0..12 {
        insert(
            &app,
            &format!("studie-{i}"),
            &format!("Studie {i:02}"),
            "published",
            Some(now - 1000 + i),
            "studie",
            if i % 2 == 0 { "ki" } else { "breitband,ki" },
            2026,
        )
        .await;
    }
    insert(
        &app,
        "position",
        "Position Breitband",
        "published",
        Some(now - 5000),
        "positionspapier",
        "breitband",
        2024,
    )
    .await;
    let first = app.get("/publikationen").await;
    assert_eq!(first.text("#content-pub-results"), "13 Publikationen");
    let titles = first.texts("#content-pub-list h2");
    assert_eq!(titles.len(), 10);
    assert_eq!(titles[0], "Studie 11");
    let second = app.get("/publikationen?seite=2").await;
    assert_eq!(
        second.texts("#content-pub-list h2"),
        vec!["Studie 01", "Studie 00", "Position Breitband"]
    );
    assert_eq!(
        app.get("/publikationen?seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
    let kind = app
        .get("/publikationen?art=positionspapier&thema=&jahr=")
        .await;
    assert_eq!(
        kind.texts("#content-pub-list h2"),
        vec!["Position Breitband"]
    );
    let year = app.get("/publikationen?jahr=2024").await;
    assert_eq!(
        year.texts("#content-pub-list h2"),
        vec!["Position Breitband"]
    );
    let topic = app.get("/publikationen?thema=breitband").await;
    assert_eq!(topic.text("#content-pub-results"), "7 Publikationen");
    let both = app.get("/publikationen?thema=breitband&art=studie").await;
    assert_eq!(both.text("#content-pub-results"), "6 Publikationen");
    // The form keeps the choice; pagination keeps the filter.
    assert_eq!(
        topic.attr("#thema option[selected]", "value").as_deref(),
        Some("breitband")
    );
    let none = app.get("/publikationen?thema=agentur").await;
    assert!(
        none.body
            .contains("Keine Publikation passt zu diesen Filtern.")
    );
    let many = app.get("/publikationen?thema=ki").await;
    assert_eq!(
        many.attr(".pagination a[rel=next]", "href").as_deref(),
        Some("/publikationen?thema=ki&seite=2")
    );
}

#[tokio::test]
async fn a_stale_form_gets_409_with_the_typed_text_and_the_slug_stays_once_live() {
    let app = app().await;
    let cookie = staff(&app).await;
    let id = create_draft(&app, "Leitfaden Glasfaser").await;
    let path = format!("/redaktion/publikationen/{id}");
    let r = app
        .post(
            &path,
            &form(
                "Leitfaden Glasfaser",
                "draft",
                &[("revision", "1"), ("slug", "glasfaser")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // A second editor still has revision 1.
    let r = app
        .post(
            &path,
            &form("Mein getippter Titel", "draft", &[("revision", "1")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Mein getippter Titel")
    );
    assert_eq!(r.count("#content-pub-conflict"), 1);
    assert_eq!(
        r.attr("input[name=revision]", "value").as_deref(),
        Some("2")
    );
    assert_eq!(row(&app, id).await.title, "Leitfaden Glasfaser");
    // Sending again (with the revision the 409 page carries) saves.
    let r = app
        .post(
            &path,
            &form(
                "Mein getippter Titel",
                "draft",
                &[("revision", "2"), ("slug", "glasfaser")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);

    // Once live, the slug is fixed, also after withdrawing.
    upload(&app, &cookie, id, "g.pdf", PDF, true).await;
    let r = app
        .post(
            &path,
            &form(
                "Mein getippter Titel",
                "published",
                &[("revision", "3"), ("slug", "glasfaser")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let first = row(&app, id).await.first_published_at;
    assert!(first.is_some(), "saved live: first published");
    let r = app
        .post(
            &path,
            &form(
                "Mein getippter Titel",
                "draft",
                &[("revision", "4"), ("slug", "glasfaser")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post(
            &path,
            &form(
                "Mein getippter Titel",
                "draft",
                &[("revision", "5"), ("slug", "anders")],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("kann nicht mehr geändert werden"));
    let withdrawn = row(&app, id).await;
    assert_eq!(withdrawn.slug, "glasfaser");
    assert_eq!(withdrawn.status, "draft");
    assert_eq!(withdrawn.first_published_at, first, "kept when withdrawn");
    // A second publication cannot take a used slug.
    let r = app
        .post(
            "/redaktion/publikationen/neu",
            &form("Andere", "draft", &[("slug", "glasfaser")]),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("hat schon eine andere Publikation"));
}

#[tokio::test]
async fn a_scheduled_publication_goes_live_at_its_berlin_time() {
    let app = app().await;
    let cookie = staff(&app).await;
    let id = create_draft(&app, "Stellungnahme Digitalstrategie").await;
    upload(&app, &cookie, id, "s.pdf", PDF, true).await;
    let r = app
        .post(
            &format!("/redaktion/publikationen/{id}"),
            &form(
                "Stellungnahme Digitalstrategie",
                "published",
                &[
                    ("revision", "1"),
                    ("publish_date", "2099-12-24"),
                    ("publish_time", "09:30"),
                ],
            ),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let p = row(&app, id).await;
    // 09:30 in Berlin (CET) is 08:30 UTC.
    assert_eq!(
        dias_core::time::format_rfc3339(p.publish_at.unwrap()),
        "2099-12-24T08:30:00Z"
    );
    assert!(!p.announced);
    assert_eq!(p.first_published_at, None, "not live yet");
    let list = app.get("/redaktion/publikationen").await;
    assert_eq!(
        list.text(&format!("#publikation-{id} .pub-state")),
        "Geplant für 24.12.2099, 09:30"
    );
    assert!(
        list.text(&format!("#publikation-{id} .pub-file"))
            .starts_with("PDF vorhanden")
    );
    app.forget_cookies();
    assert_eq!(
        app.get("/publikationen/stellungnahme-digitalstrategie")
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert!(
        !found(
            &app,
            "Stellungnahme",
            "/publikationen/stellungnahme-digitalstrategie"
        )
        .await
    );
    // Its moment comes (moved into the past): the job announces it and
    // records when it first went live.
    let now = dias_core::time::now();
    let mut due: publications::ActiveModel = p.into();
    due.publish_at = Set(Some(now - 60));
    due.update(&app.db).await.unwrap();
    assert_eq!(
        dias_content::publishing::announce_due(&app.db, now)
            .await
            .unwrap(),
        1
    );
    let p = row(&app, id).await;
    assert!(p.announced);
    assert_eq!(p.first_published_at, Some(now - 60));
    assert_eq!(
        app.get("/publikationen/stellungnahme-digitalstrategie")
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn deleting_asks_first_and_removes_the_file_too() {
    let app = app().await;
    let cookie = staff(&app).await;
    let id = create_draft(&app, "Zu löschen").await;
    upload(&app, &cookie, id, "x.pdf", PDF, true).await;
    let confirm = app
        .get(&format!("/redaktion/publikationen/{id}/loeschen"))
        .await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(confirm.text(".lead").contains("Zu löschen"));
    let r = app
        .post(&format!("/redaktion/publikationen/{id}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        publications::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert!(files(&app).await.is_empty());
    let deleted = dias_core::entities::audit_entry::Entity::find()
        .filter(dias_core::entities::audit_entry::Column::Action.eq("content.publication.delete"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(deleted, 1);
    assert_eq!(
        app.post(&format!("/redaktion/publikationen/{id}/loeschen"), &[])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

// ------------------------------------------------------------- who may do

#[tokio::test]
async fn only_staff_reach_the_redaktion_pages_and_every_post_needs_the_token() {
    let app = app().await;
    let id = insert(
        &app,
        "rolle",
        "Rollenprobe",
        "draft",
        None,
        "studie",
        "ki",
        2026,
    )
    .await;
    let pages = [
        "/redaktion/publikationen".to_owned(),
        "/redaktion/publikationen/neu".to_owned(),
        format!("/redaktion/publikationen/{id}"),
        format!("/redaktion/publikationen/{id}/loeschen"),
    ];
    // Visitors are sent to sign in.
    for path in &pages {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/konto/anmelden"), "{path}");
    }
    for role in [Role::Participant, Role::Moderator, Role::Municipality] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in &pages {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {path}"
            );
        }
        let r = app
            .post(&format!("/redaktion/publikationen/{id}/loeschen"), &[])
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}");
        let r = app
            .post("/redaktion/publikationen/neu", &form("Fremd", "draft", &[]))
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}");
    }
    // A participant's upload is refused too (body limit or policy).
    app.forget_cookies();
    let participant = "teilnehmer-pub@example.org";
    app.create_user(participant, Role::Participant).await;
    let login = app.login(participant, None).await;
    let cookie = login
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next())
        .find(|p| p.starts_with("dias_session="))
        .unwrap()
        .to_owned();
    let r = upload(&app, &cookie, id, "x.pdf", PDF, true).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(files(&app).await.len() == 1);

    app.forget_cookies();
    let cookie = staff(&app).await;
    for path in &pages {
        assert_eq!(app.get(path).await.status, StatusCode::OK, "{path}");
    }
    // Without the token: 403, nothing changed.
    let mut no_token = form("Ohne Token", "draft", &[]);
    no_token.push(("revision", "1"));
    let r = app
        .post_raw("/redaktion/publikationen/neu", &no_token)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post_raw(&format!("/redaktion/publikationen/{id}"), &no_token)
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post_raw(&format!("/redaktion/publikationen/{id}/loeschen"), &[])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let other = b"%PDF-1.7\n% ohne Token\n%%EOF\n";
    let r = upload(&app, &cookie, id, "x.pdf", other, false).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        publications::Entity::find().count(&app.db).await.unwrap(),
        1
    );
    assert_eq!(row(&app, id).await.title, "Rollenprobe");
    assert_eq!(files(&app).await[0].data, PDF.to_vec());
}

#[tokio::test]
async fn an_english_publication_is_marked_as_english_where_its_own_words_are() {
    let app = app().await;
    let now = dias_core::time::now();
    let id = insert(
        &app,
        "ai-report",
        "AI in Saxony",
        "published",
        Some(now - 60),
        "bericht",
        "ki",
        2026,
    )
    .await;
    publications::Entity::update_many()
        .col_expr(
            publications::Column::Lang,
            sea_orm::sea_query::Expr::value("en"),
        )
        .filter(publications::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
    let page = app.get("/publikationen/ai-report").await;
    assert_eq!(page.attr("h1", "lang").as_deref(), Some("en"));
    assert_eq!(
        page.attr("#content-pub-abstract", "lang").as_deref(),
        Some("en")
    );
    assert_eq!(page.attr("#content-pub-meta", "lang"), None);
    assert!(page.text("#content-pub-meta").contains("Englisch"));
    let library = app.get("/publikationen").await;
    assert_eq!(
        library.attr("#content-pub-list h2", "lang").as_deref(),
        Some("en")
    );
    let triples = catalog_triples(&app).await;
    let dataset = format!("{BASE}/publikationen/ai-report#datensatz");
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCT}language"),
        iri("http://publications.europa.eu/resource/authority/language/ENG")
    ));
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCT}title"),
        Literal::new_language_tagged_literal("AI in Saxony", "en").unwrap()
    ));
    // Keywords are the portal's German topic labels.
    assert!(has(
        &triples,
        &dataset,
        &format!("{DCAT}keyword"),
        Literal::new_language_tagged_literal("Künstliche Intelligenz", "de").unwrap()
    ));
}
