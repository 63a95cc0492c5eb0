//! The FAQ: publishing an answered inquiry through the anonymizing form,
//! the public pages and search, withdrawing, editing, deleting; who may
//! open which page; CSRF; every message id in both languages.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use dias_core::entities::audit_entry;
use dias_core::i18n::Catalog;
use dias_core::policy::Role;
use dias_desk::entities::desk_event;
use dias_desk::faq;
use dias_desk::store::{self, Inquiry};
use dias_desk::vocab::{Status, event};
use dias_desk::work::{self, Change};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::app;
use crate::support::TestApp;

/// Every form action of `src/routes/faq_staff.rs` (`{id}`: an inquiry,
/// `{faq}`: an entry).
const POST_ROUTES: [&str; 4] = [
    "/anfragen/verwaltung/{id}/faq",
    "/anfragen/verwaltung/faq/{faq}/bearbeiten",
    "/anfragen/verwaltung/faq/{faq}/sichtbarkeit",
    "/anfragen/verwaltung/faq/{faq}/loeschen",
];

/// Monday 16 Nov 2026, 10:00 Berlin.
pub(crate) const MONDAY: i64 = 1_794_819_600;

pub(crate) fn secret(app: &TestApp) -> Vec<u8> {
    app.state.config.secret_key.expose().as_bytes().to_vec()
}

/// An inquiry received at `at` by Erika Muster, with its status token.
pub(crate) async fn received(app: &TestApp, subject: &str, at: i64) -> (Inquiry, String) {
    let mut new = crate::store::inquiry(subject);
    new.message = "Sehr geehrte Damen und Herren,\n\nwie läuft ein Markterkundungsverfahren ab? \
                   Erreichbar bin ich unter 0371 4455667 oder erika.muster@example.org.\n\n\
                   Viele Grüße\nErika Muster"
        .into();
    store::create(&app.db, &secret(app), new, at).await.unwrap()
}

/// Applies a change as `actor` on the inquiry's current version.
pub(crate) async fn change(app: &TestApp, id: i64, actor: i64, change: Change, at: i64) {
    let current = store::by_id(&app.db, id).await.unwrap().unwrap();
    work::apply(&app.db, id, current.version, actor, change, at)
        .await
        .unwrap();
}

pub(crate) async fn reply(app: &TestApp, id: i64, actor: i64, text: &str, at: i64) {
    let change_ = Change::Reply {
        text: text.into(),
        ask_back: false,
    };
    change(app, id, actor, change_, at).await;
}

pub(crate) async fn close(app: &TestApp, id: i64, actor: i64, at: i64) {
    change(app, id, actor, Change::Status(Status::Closed), at).await;
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

/// Staff signed in, an answered and closed inquiry.
async fn answered_inquiry() -> (TestApp, i64, Inquiry) {
    let app = app().await;
    let staff = app.sign_in_as(Role::Staff).await;
    let (inquiry, _) = received(&app, "Ablauf der Markterkundung", MONDAY).await;
    reply(
        &app,
        inquiry.id,
        staff,
        "Guten Tag Frau Muster,\n\ndas **Markterkundungsverfahren** dauert acht Wochen; \
         die Netzbetreiber melden ihre Ausbaupläne.\n\nMit freundlichen Grüßen\nTest Person",
        MONDAY + 3600,
    )
    .await;
    close(&app, inquiry.id, staff, MONDAY + 7200).await;
    (app, staff, inquiry)
}

#[tokio::test]
async fn staff_publish_an_answered_inquiry_as_an_anonymized_faq_entry() {
    let (app, _, inquiry) = answered_inquiry().await;
    let path = format!("/anfragen/verwaltung/{}/faq", inquiry.id);
    let form = app.get(&path).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let question = form.text("textarea#question");
    let answer = form.text("textarea#answer");
    assert!(
        question.starts_with("Ablauf der Markterkundung"),
        "{question}"
    );
    assert!(question.contains("wie läuft ein Markterkundungsverfahren ab?"));
    assert!(answer.contains("dauert acht Wochen"), "{answer}");
    for personal in ["erika", "Erika", "Muster", "0371", "@", "Test Person"] {
        assert!(!question.contains(personal), "{personal} in {question}");
        assert!(!answer.contains(personal), "{personal} in {answer}");
    }
    // Topic preselected, the confirmation not.
    assert_eq!(
        form.attr("select#topic option[selected]", "value")
            .as_deref(),
        Some("breitband")
    );
    assert_eq!(form.count("input#confirmed[checked]"), 0);
    assert_eq!(form.count("label[for=confirmed]"), 1);

    // Without the confirmation: the form again with the input, nothing stored.
    let edited = "Wie läuft ein Markterkundungsverfahren ab?\n\nDas fragen uns viele Gemeinden.";
    let fields = [
        ("topic", "breitband"),
        ("question", edited),
        ("answer", answer.as_str()),
        ("position", "3"),
        ("published", "1"),
    ];
    let refused = app.post(&path, &fields).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.count(".error-summary a[href=\"#confirmed\"]"), 1);
    assert_eq!(refused.text("textarea#question"), edited);
    assert!(faq::all(&app.db).await.unwrap().is_empty());

    let mut confirmed = fields.to_vec();
    confirmed.push(("confirmed", "1"));
    let saved = app.post(&path, &confirmed).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let entries = faq::all(&app.db).await.unwrap();
    assert_eq!(entries.len(), 1);
    let entry = &entries[0];
    assert_eq!(entry.slug, "wie-laeuft-ein-markterkundungsverfahren-ab");
    assert_eq!(entry.inquiry_id, Some(inquiry.id));
    assert_eq!(entry.position, 3);
    assert!(entry.published);
    // Recorded in the inquiry's internal history.
    let history = store::history(&app.db, inquiry.id, false).await.unwrap();
    let recorded = history.iter().find(|e| e.kind == event::FAQ).unwrap();
    assert!(!recorded.public);
    assert!(recorded.data.contains(&entry.slug));
    // The audit entry was written with the entry, in its transaction.
    let audited = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq("desk.faq.create"))
        .filter(audit_entry::Column::TargetId.eq(entry.id.to_string()))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert_eq!(audited[0].target_kind, "desk_faq");
    assert!(audited[0].details.contains(&inquiry.reference));

    let list = app.get(saved.location()).await;
    assert!(list.text("#desk-faq-staff").contains("Wie läuft"));

    // A second entry from the same question gets its own address.
    let again = app.post(&path, &confirmed).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    let slugs: Vec<String> = faq::all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.slug)
        .collect();
    assert!(slugs.contains(&format!("{}-2", entry.slug)), "{slugs:?}");

    // Public: grouped by topic, with its own page rendering Markdown.
    app.forget_cookies();
    let public = app.get("/anfragen/faq").await;
    assert_eq!(public.status, StatusCode::OK);
    assert!(public.text("#faq-breitband + ul").contains("Wie läuft"));
    let page = app.get(&format!("/anfragen/faq/{}", entry.slug)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(
        page.text("h1"),
        "Wie läuft ein Markterkundungsverfahren ab?"
    );
    assert!(
        page.body
            .contains("<strong>Markterkundungsverfahren</strong>")
    );
    assert_eq!(page.attr("h1", "lang"), None, "German page");
    // On the English page the German entry is marked as German (WCAG 3.1.2);
    // the language is switched in a signed-in session, then forgotten.
    app.sign_in_as(Role::Staff).await;
    let r = app
        .post("/sprache", &[("lang", "en"), ("zurueck", "/anfragen/faq")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let english = app.get(&format!("/anfragen/faq/{}", entry.slug)).await;
    assert_eq!(english.attr("h1", "lang"), Some("de".into()));
    assert_eq!(english.attr("#desk-faq-answer", "lang"), Some("de".into()));
    app.forget_cookies();
    let other_topic = app.get("/anfragen/faq?thema=ki").await;
    assert!(!other_topic.body.contains(&entry.slug));
    assert!(
        app.get("/anfragen/faq?thema=breitband")
            .await
            .body
            .contains(&entry.slug)
    );
    assert!(
        found(
            &app,
            "Markterkundungsverfahren",
            &format!("/anfragen/faq/{}", entry.slug)
        )
        .await
    );
}

#[tokio::test]
async fn an_unpublished_entry_is_gone_for_visitors_and_search() {
    let (app, _, inquiry) = answered_inquiry().await;
    let path = format!("/anfragen/verwaltung/{}/faq", inquiry.id);
    let r = app
        .post(
            &path,
            &[
                ("topic", "breitband"),
                ("question", "Wie lange dauert eine Markterkundung?"),
                ("answer", "Acht Wochen."),
                ("confirmed", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let entry = faq::all(&app.db).await.unwrap().remove(0);
    assert!(!entry.published, "saved without „Öffentlich zeigen“");
    let url = format!("/anfragen/faq/{}", entry.slug);
    // Staff see it in their list, marked.
    let list = app.get("/anfragen/verwaltung/faq").await;
    assert!(
        list.text(&format!("#faq-{}", entry.id))
            .contains("Nicht veröffentlicht")
    );
    assert!(!found(&app, "Markterkundung", &url).await);

    let publish = format!("/anfragen/verwaltung/faq/{}/sichtbarkeit", entry.id);
    let r = app.post(&publish, &[("veroeffentlicht", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(found(&app, "Markterkundung", &url).await);
    assert_eq!(app.get(&url).await.status, StatusCode::OK);

    let r = app.post(&publish, &[("veroeffentlicht", "0")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!found(&app, "Markterkundung", &url).await);
    // Nobody reads an unpublished entry on the public side, staff neither.
    assert_eq!(app.get(&url).await.status, StatusCode::NOT_FOUND);
    app.forget_cookies();
    assert_eq!(app.get(&url).await.status, StatusCode::NOT_FOUND);
    assert!(!app.get("/anfragen/faq").await.body.contains(&url));

    // Editing keeps the address and updates the index; deleting removes it.
    app.sign_in_as(Role::Staff).await;
    let edit = format!("/anfragen/verwaltung/faq/{}/bearbeiten", entry.id);
    let form = app.get(&edit).await;
    assert_eq!(form.text("textarea#answer"), "Acht Wochen.");
    let r = app
        .post(
            &edit,
            &[
                ("topic", "foerderung"),
                ("question", "Wie lange dauert eine Markterkundung?"),
                (
                    "answer",
                    "In der Regel acht Wochen, danach folgt die Auswertung.",
                ),
                ("published", "1"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "confirmation needed"
    );
    let r = app
        .post(
            &edit,
            &[
                ("topic", "foerderung"),
                ("question", "Wie lange dauert eine Markterkundung?"),
                (
                    "answer",
                    "In der Regel acht Wochen, danach folgt die Auswertung.",
                ),
                ("published", "1"),
                ("confirmed", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let saved = faq::by_id(&app.db, entry.id).await.unwrap().unwrap();
    assert_eq!(saved.slug, entry.slug);
    assert_eq!(saved.topic, "foerderung");
    assert!(found(&app, "Auswertung", &url).await);

    let r = app
        .post(
            &format!("/anfragen/verwaltung/faq/{}/loeschen", entry.id),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(faq::by_id(&app.db, entry.id).await.unwrap().is_none());
    assert_eq!(app.get(&url).await.status, StatusCode::NOT_FOUND);
    assert!(!found(&app, "Auswertung", &url).await);
    let actions: Vec<String> = audit_entry::Entity::find()
        .filter(audit_entry::Column::TargetKind.eq("desk_faq"))
        .filter(audit_entry::Column::TargetId.eq(entry.id.to_string()))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    for action in ["desk.faq.update", "desk.faq.delete"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

#[tokio::test]
async fn each_role_opens_exactly_the_pages_its_policy_allows() {
    let (app, staff, inquiry) = answered_inquiry().await;
    let published = faq::create(
        &app.db,
        Some(inquiry.id),
        staff,
        &faq::validate(&faq::FaqInput {
            topic: "ki".into(),
            question: "Was ist ein KI-Gutschein?".into(),
            answer: "Ein Zuschuss.".into(),
            position: String::new(),
            confirmed: true,
            published: true,
        })
        .unwrap(),
        MONDAY,
    )
    .await
    .unwrap();
    let public = [
        "/anfragen/faq".to_owned(),
        "/anfragen/faq?thema=ki".to_owned(),
        format!("/anfragen/faq/{}", published.slug),
        "/anfragen/statistik".to_owned(),
        "/anfragen/statistik/themen.csv".to_owned(),
        "/anfragen/statistik/zielerreichung.xlsx".to_owned(),
    ];
    let staff_pages = [
        "/anfragen/verwaltung/faq".to_owned(),
        format!("/anfragen/verwaltung/{}/faq", inquiry.id),
        format!("/anfragen/verwaltung/faq/{}/bearbeiten", published.id),
    ];
    for role in [
        None,
        Some(Role::Participant),
        Some(Role::Moderator),
        Some(Role::Municipality),
        Some(Role::Staff),
        Some(Role::Admin),
    ] {
        app.forget_cookies();
        if let Some(role) = role {
            app.sign_in_as(role).await;
        }
        for path in &public {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::OK,
                "{role:?} {path}"
            );
        }
        for path in &staff_pages {
            let r = app.get(path).await;
            let expected = match role {
                None => StatusCode::SEE_OTHER,
                Some(Role::Staff | Role::Admin) => StatusCode::OK,
                Some(_) => StatusCode::FORBIDDEN,
            };
            assert_eq!(r.status, expected, "{role:?} {path}");
        }
        // Forms refused before anything happens.
        if matches!(role, Some(Role::Participant | Role::Moderator)) {
            for path in POST_ROUTES {
                let path = path
                    .replace("{id}", &inquiry.id.to_string())
                    .replace("{faq}", &published.id.to_string());
                let r = app
                    .post(
                        &path,
                        &[
                            ("topic", "ki"),
                            ("question", "Frage"),
                            ("answer", "Antwort"),
                            ("confirmed", "1"),
                            ("veroeffentlicht", "0"),
                        ],
                    )
                    .await;
                assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?} {path}");
            }
            let all = faq::all(&app.db).await.unwrap();
            assert_eq!(all.len(), 1);
            assert!(all[0].published);
        }
    }
    // Unknown entries, inquiries and files are 404.
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    for path in [
        "/anfragen/verwaltung/999999/faq",
        "/anfragen/verwaltung/abc/faq",
        "/anfragen/verwaltung/faq/999999/bearbeiten",
        "/anfragen/faq/gibt-es-nicht",
        "/anfragen/statistik/themen.pdf",
        "/anfragen/statistik/nichts.csv",
    ] {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn every_form_action_of_the_faq_needs_a_csrf_token() {
    let (app, staff, inquiry) = answered_inquiry().await;
    let source = include_str!("../../src/routes/faq_staff.rs");
    assert_eq!(source.matches("post(").count(), POST_ROUTES.len());
    for read_only in [
        include_str!("../../src/routes/faq.rs"),
        include_str!("../../src/routes/stats.rs"),
    ] {
        assert_eq!(read_only.matches("post(").count(), 0);
    }
    let entry = faq::create(
        &app.db,
        None,
        staff,
        &faq::validate(&faq::FaqInput {
            topic: "ki".into(),
            question: "Frage?".into(),
            answer: "Antwort.".into(),
            position: String::new(),
            confirmed: true,
            published: true,
        })
        .unwrap(),
        MONDAY,
    )
    .await
    .unwrap();
    for path in POST_ROUTES {
        let path = path
            .replace("{id}", &inquiry.id.to_string())
            .replace("{faq}", &entry.id.to_string());
        let r = app
            .post_raw(
                &path,
                &[
                    ("topic", "ki"),
                    ("question", "Andere Frage"),
                    ("answer", "Andere Antwort"),
                    ("confirmed", "1"),
                    ("veroeffentlicht", "0"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    let all = faq::all(&app.db).await.unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].question, "Frage?");
    assert!(all[0].published);
    let faq_events = desk_event::Entity::find()
        .filter(desk_event::Column::Kind.eq(event::FAQ))
        .all(&app.db)
        .await
        .unwrap();
    assert!(faq_events.is_empty());
}

/// Message ids written as literals in the area's code, and passed to
/// `ctx.t…(…)` in its templates (which also hold element ids).
fn used_ids() -> BTreeSet<String> {
    let sources = [
        include_str!("../../src/faq.rs"),
        include_str!("../../src/stats.rs"),
        include_str!("../../src/retention.rs"),
        include_str!("../../src/personal.rs"),
        include_str!("../../src/search.rs"),
        include_str!("../../src/lib.rs"),
        include_str!("../../src/routes/faq.rs"),
        include_str!("../../src/routes/faq_staff.rs"),
        include_str!("../../src/routes/stats.rs"),
    ];
    let templates = [
        include_str!("../../templates/desk/faq.html"),
        include_str!("../../templates/desk/faq_entry.html"),
        include_str!("../../templates/desk/faq_form.html"),
        include_str!("../../templates/desk/faq_staff.html"),
        include_str!("../../templates/desk/faq_breadcrumbs.html"),
        include_str!("../../templates/desk/stats.html"),
        include_str!("../../templates/desk/stats_table.html"),
    ];
    let scan = |text: &str, opening: &str, used: &mut BTreeSet<String>| {
        for area in ["desk-faq-", "desk-stats-"] {
            used.extend(
                text.split(&format!("{opening}{area}"))
                    .skip(1)
                    .filter_map(|rest| rest.split('"').next())
                    .map(|id| format!("{area}{id}")),
            );
        }
    };
    let mut used = BTreeSet::new();
    for source in sources {
        scan(source, "\"", &mut used);
        // Notices after a redirect: `?hinweis=<key>` shows `notice-<key>`.
        used.extend(
            source
                .split("hinweis=")
                .skip(1)
                .filter_map(|rest| rest.split('"').next())
                .map(|key| format!("notice-{key}")),
        );
    }
    for template in templates {
        scan(template, "(\"", &mut used);
    }
    used
}

#[test]
fn every_message_of_faq_and_statistics_exists_in_german_and_english() {
    let catalog = Catalog::new(dias_desk::MESSAGES).unwrap();
    let mut used = used_ids();
    // Ids built from a chart's title id.
    for chart in ["topics", "senders", "months", "answer-time", "target"] {
        used.insert(format!("desk-stats-chart-{chart}-description"));
    }
    used.retain(|id| !id.ends_with('-'));
    assert!(used.len() > 50, "the scan found the ids: {used:?}");
    for id in &used {
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, id), *id, "{id} is missing in {locale}");
        }
    }
}
