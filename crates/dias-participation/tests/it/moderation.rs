//! Moderation: reports, the automatic hide, the queue, moderator actions,
//! pre-moderation and the log.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{comment, moderation_log, process, proposal, report};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::flows::{ALL_OPEN, app, new_proposal, process_with};
use crate::support::{TestApp, TestResponse};

const SLUG: &str = "verfahren";

/// A proposal with one comment, both by a new participant (signed in
/// afterwards): (proposal id, comment id).
async fn proposal_with_comment(app: &TestApp, comment_text: &str) -> (i64, i64) {
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    commented_proposal(app, comment_text).await
}

/// As the signed-in person: a proposal and a comment on it.
async fn commented_proposal(app: &TestApp, comment_text: &str) -> (i64, i64) {
    let id = new_proposal(app, SLUG, "Glasfaser für alle Gehöfte").await;
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/vorschlaege/{id}/kommentare"),
            &[("stance", "contra"), ("body", comment_text)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let cid = r
        .location()
        .rsplit_once("#kommentar-")
        .unwrap()
        .1
        .parse()
        .unwrap();
    (id, cid)
}

async fn report_as(app: &TestApp, kind: &str, id: i64, reason: &str, note: &str) -> TestResponse {
    app.post(
        &format!("/beteiligung/{SLUG}/meldungen"),
        &[
            ("target_kind", kind),
            ("target_id", &id.to_string()),
            ("reason", reason),
            ("note", note),
        ],
    )
    .await
}

/// Signs in a new participant and reports.
async fn report_as_new_participant(app: &TestApp, kind: &str, id: i64) -> TestResponse {
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    report_as(app, kind, id, "offensive", "").await
}

async fn sign_in_moderator(app: &TestApp) -> i64 {
    app.forget_cookies();
    app.sign_in_as(Role::Moderator).await
}

async fn moderate(app: &TestApp, action: &str, kind: &str, id: i64, reason: &str) -> TestResponse {
    app.post(
        &format!("/beteiligung/{SLUG}/moderation/{action}"),
        &[
            ("target_kind", kind),
            ("target_id", &id.to_string()),
            ("reason", reason),
        ],
    )
    .await
}

async fn comment_hidden(app: &TestApp, cid: i64) -> bool {
    comment::Entity::find_by_id(cid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .hidden_at
        .is_some()
}

#[tokio::test]
async fn content_is_hidden_automatically_at_the_threshold_and_not_before() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (id, cid) = proposal_with_comment(&app, "Das ist alles Unsinn, ihr Versager!").await;
    let page = format!("/beteiligung/{SLUG}/vorschlaege/{id}");

    for n in 1..=2 {
        let r = report_as_new_participant(&app, "comment", cid).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            r.location(),
            format!("{page}?hinweis=gemeldet#kommentar-{cid}"),
            "back to the comment with a confirmation"
        );
        assert!(!comment_hidden(&app, cid).await, "hidden after {n} reports");
    }
    app.forget_cookies();
    assert!(app.get(&page).await.body.contains("ihr Versager"));

    let third = report_as_new_participant(&app, "comment", cid).await;
    assert_eq!(third.status, StatusCode::SEE_OTHER);
    assert!(
        comment_hidden(&app, cid).await,
        "hidden at the third report"
    );
    app.forget_cookies();
    let visitor = app.get(&page).await;
    assert!(!visitor.body.contains("ihr Versager"));
    assert!(
        visitor
            .texts(&format!("#kommentar-{cid}"))
            .iter()
            .any(|t| t.contains("Dieser Beitrag wurde entfernt.")),
        "the thread keeps a placeholder"
    );
    let log = moderation_log::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (
            log[0].action.as_str(),
            log[0].moderator_id,
            log[0].target_kind.as_str(),
            log[0].target_id
        ),
        ("hide", None, "comment", Some(cid)),
        "the system's hide is logged without a moderator"
    );

    // A proposal reported three times disappears for visitors and from search.
    for _ in 0..3 {
        report_as_new_participant(&app, "proposal", id).await;
    }
    app.forget_cookies();
    assert_eq!(app.get(&page).await.status, StatusCode::NOT_FOUND);
    let events = dias_core::outbox::read_after(&app.db, dias_core::outbox::TOPIC_SEARCH, 0, 1000)
        .await
        .unwrap();
    assert!(
        events
            .iter()
            .filter(|e| e.kind == "proposal" && e.key == id.to_string())
            .count()
            >= 2,
        "creation and hide tell the search index"
    );
    let audit = dias_core::audit::page(&app.db, 1, 100).await.unwrap().0;
    assert_eq!(
        audit
            .iter()
            .filter(|a| a.action == "moderation.hide" && a.actor_id.is_none())
            .count(),
        2
    );
}

#[tokio::test]
async fn a_second_report_and_reports_of_own_content_are_refused() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (id, cid) = proposal_with_comment(&app, "Mein eigener Kommentar.").await;

    // Authors see no "Melden" form on their own content and cannot report it.
    let own_page = app
        .get(&format!("/beteiligung/{SLUG}/vorschlaege/{id}"))
        .await;
    assert_eq!(own_page.count("form[action$='/meldungen']"), 0);
    let own = report_as(&app, "comment", cid, "spam", "").await;
    assert_eq!(own.status, StatusCode::CONFLICT);
    assert!(own.body.contains("Eigene Beiträge"), "{}", own.body);
    let own = report_as(&app, "proposal", id, "spam", "").await;
    assert_eq!(own.status, StatusCode::CONFLICT);

    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let other_page = app
        .get(&format!("/beteiligung/{SLUG}/vorschlaege/{id}"))
        .await;
    assert_eq!(
        other_page.count("details.report form[action$='/meldungen']"),
        2,
        "others may report the proposal and the comment"
    );
    assert_eq!(
        report_as(&app, "comment", cid, "spam", "").await.status,
        StatusCode::SEE_OTHER
    );
    let again = report_as(&app, "comment", cid, "offensive", "").await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    assert!(
        again.body.contains("bereits gemeldet"),
        "a clear message: {}",
        again.body
    );
    assert_eq!(report::Entity::find().count(&app.db).await.unwrap(), 1);

    // Visitors see no form and are sent to sign in.
    app.forget_cookies();
    let visitor_page = app
        .get(&format!("/beteiligung/{SLUG}/vorschlaege/{id}"))
        .await;
    assert_eq!(visitor_page.count("form[action$='/meldungen']"), 0);
    let visitor = report_as(&app, "comment", cid, "spam", "").await;
    assert!(visitor.location().starts_with("/konto/anmelden"));
}

#[tokio::test]
async fn incomplete_reports_are_rerendered_with_errors_and_nothing_is_stored() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, SLUG, ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    app.post(
        &format!("/beteiligung/{SLUG}/text/{}/aenderungen", paragraphs[0]),
        &[
            (
                "new_text",
                "Alle Haushalte und Betriebe sollen bis 2028 Gigabit haben.",
            ),
            ("reason", "Betriebe brauchen es früher."),
        ],
    )
    .await;
    let sid = dias_participation::entities::suggestion::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let paragraph_page = app
        .get(&format!("/beteiligung/{SLUG}/text/{}", paragraphs[0]))
        .await;
    assert_eq!(
        paragraph_page.count(&format!(
            "#aenderung-{sid} details.report input[name=target_id][value='{sid}']"
        )),
        1,
        "suggestions carry a report form"
    );

    let r = report_as(&app, "suggestion", sid, "astrologie", "").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary li"), 1);
    assert_eq!(
        r.attr(".error-summary a", "href").as_deref(),
        Some("#reason")
    );
    let long = "x".repeat(1001);
    let r = report_as(&app, "suggestion", sid, "other", &long).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.attr(".error-summary a", "href").as_deref(), Some("#note"));
    let r = report_as(&app, "suggestion", sid, "other", "  ").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr("#reason-other", "checked").as_deref(),
        Some(""),
        "the choice is kept"
    );
    assert_eq!(report::Entity::find().count(&app.db).await.unwrap(), 0);
    assert_eq!(
        report_as(&app, "suggestion", 99_999, "spam", "")
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    let ok = report_as(&app, "suggestion", sid, "other", "Wirkt wie Werbung.").await;
    assert_eq!(
        ok.location(),
        format!(
            "/beteiligung/{SLUG}/text/{}?hinweis=gemeldet#aenderung-{sid}",
            paragraphs[0]
        )
    );
    let page = app.get(ok.location()).await;
    assert!(page.text("[role=status]").contains("Ihre Meldung"));
}

#[tokio::test]
async fn participants_cannot_moderate_and_visitors_are_sent_to_sign_in() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (_, cid) = proposal_with_comment(&app, "Ein Kommentar zum Prüfen.").await;
    let pages = [
        format!("/beteiligung/{SLUG}/moderation"),
        format!("/beteiligung/{SLUG}/moderation/protokoll"),
        "/moderation".to_owned(),
    ];

    app.forget_cookies();
    for page in &pages {
        let r = app.get(page).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{page}");
        assert!(
            r.location().starts_with("/konto/anmelden?weiter="),
            "{page}"
        );
    }
    let r = moderate(&app, "verbergen", "comment", cid, "").await;
    assert!(r.location().starts_with("/konto/anmelden"));

    app.sign_in_as(Role::Participant).await;
    for page in &pages {
        assert_eq!(app.get(page).await.status, StatusCode::FORBIDDEN, "{page}");
    }
    for action in [
        "verbergen",
        "wiederherstellen",
        "verwerfen",
        "freigeben",
        "sperren",
    ] {
        let r = moderate(&app, action, "comment", cid, "Grund").await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
    assert!(!comment_hidden(&app, cid).await);
    assert_eq!(
        app.get(&format!("/beteiligung/{SLUG}"))
            .await
            .count("a[href$='/moderation']"),
        0,
        "no link to the queue for participants"
    );

    for role in [Role::Moderator, Role::Staff] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for page in &pages {
            assert_eq!(
                app.get(page).await.status,
                StatusCode::OK,
                "{page} {role:?}"
            );
        }
        let process_page = app.get(&format!("/beteiligung/{SLUG}")).await;
        assert_eq!(
            process_page
                .attr(&format!("a[href='/beteiligung/{SLUG}/moderation']"), "href")
                .as_deref(),
            Some("/beteiligung/verfahren/moderation")
        );
    }
    let unknown = moderate(&app, "loeschen", "comment", cid, "").await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn moderator_hides_and_restores_a_comment() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (id, cid) = proposal_with_comment(&app, "Kauft billige Uhren bei uns!").await;
    report_as_new_participant(&app, "comment", cid).await;
    let page = format!("/beteiligung/{SLUG}/vorschlaege/{id}");

    sign_in_moderator(&app).await;
    let queue = app.get(&format!("/beteiligung/{SLUG}/moderation")).await;
    assert_eq!(queue.count(".moderation-queue tbody tr"), 1);
    assert!(
        queue
            .text(".moderation-queue tbody tr")
            .contains("billige Uhren")
    );
    assert!(
        queue
            .text(".moderation-queue tbody tr")
            .contains("Beleidigend")
    );

    let hidden = moderate(&app, "verbergen", "comment", cid, "Werbung").await;
    assert_eq!(hidden.status, StatusCode::SEE_OTHER);
    assert_eq!(
        hidden.location(),
        format!("/beteiligung/{SLUG}/moderation?hinweis=beitrag-verborgen")
    );
    app.forget_cookies();
    let while_hidden = app.get(&page).await;
    assert!(!while_hidden.body.contains("billige Uhren"));
    assert!(while_hidden.body.contains("Dieser Beitrag wurde entfernt."));
    assert_eq!(
        report::Entity::find()
            .filter(report::Column::Status.eq("actioned"))
            .count(&app.db)
            .await
            .unwrap(),
        1,
        "hiding settles the reports"
    );

    sign_in_moderator(&app).await;
    let restored = moderate(&app, "wiederherstellen", "comment", cid, "").await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let again = moderate(&app, "wiederherstellen", "comment", cid, "").await;
    assert_eq!(again.status, StatusCode::CONFLICT, "restoring twice");
    app.forget_cookies();
    let after = app.get(&page).await;
    assert!(after.body.contains("billige Uhren"));
    assert!(!after.body.contains("Dieser Beitrag wurde entfernt."));
}

#[tokio::test]
async fn dismissing_keeps_the_content_and_closes_the_reports() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (id, cid) = proposal_with_comment(&app, "Eine deutliche, aber faire Kritik.").await;
    report_as_new_participant(&app, "comment", cid).await;
    report_as_new_participant(&app, "proposal", id).await;

    sign_in_moderator(&app).await;
    let r = moderate(&app, "verwerfen", "comment", cid, "Sachliche Kritik").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!comment_hidden(&app, cid).await);
    let statuses: Vec<String> = report::Entity::find()
        .filter(report::Column::TargetKind.eq("comment"))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.status)
        .collect();
    assert_eq!(statuses, vec!["dismissed".to_owned()]);
    let queue = app.get(&format!("/beteiligung/{SLUG}/moderation")).await;
    assert_eq!(
        queue.count(".moderation-queue tbody tr"),
        1,
        "only the proposal is left"
    );
    assert_eq!(
        queue.count(&format!("#meldung-proposal-{id}")),
        1,
        "{}",
        queue.body
    );
    let twice = moderate(&app, "verwerfen", "comment", cid, "").await;
    assert_eq!(twice.status, StatusCode::CONFLICT);

    app.forget_cookies();
    assert!(
        app.get(&format!("/beteiligung/{SLUG}/vorschlaege/{id}"))
            .await
            .body
            .contains("faire Kritik")
    );
}

#[tokio::test]
async fn blocking_an_author_stops_them_from_signing_in() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let email = "stoerer@example.org";
    app.create_user(email, Role::Participant).await;
    app.login(email, None).await;
    let (_, cid) = commented_proposal(&app, "Beleidigungen ohne Ende.").await;
    report_as_new_participant(&app, "comment", cid).await;

    sign_in_moderator(&app).await;
    let missing_reason = moderate(&app, "sperren", "comment", cid, " ").await;
    assert_eq!(missing_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(missing_reason.count(".error-summary li"), 1);
    let field = format!("reason-comment-{cid}");
    assert_eq!(
        missing_reason.attr(".error-summary a", "href").as_deref(),
        Some(format!("#{field}").as_str()),
        "the summary links to the field"
    );
    assert_eq!(
        missing_reason
            .attr(&format!("#{field}"), "aria-invalid")
            .as_deref(),
        Some("true")
    );

    let blocked = moderate(&app, "sperren", "comment", cid, "Wiederholte Beleidigungen").await;
    assert_eq!(blocked.status, StatusCode::SEE_OTHER, "{}", blocked.body);
    app.forget_cookies();
    let login = app
        .post(
            "/konto/anmelden",
            &[("email", email), ("password", crate::support::PASSWORD)],
        )
        .await;
    assert_ne!(login.status, StatusCode::SEE_OTHER);
    assert!(login.body.contains("gesperrt"), "{}", login.body);

    // Moderators cannot block staff.
    app.sign_in_as(Role::Staff).await;
    let (_, staff_comment) = commented_proposal(&app, "Kommentar der Redaktion.").await;
    sign_in_moderator(&app).await;
    let refused = moderate(&app, "sperren", "comment", staff_comment, "Test").await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn premoderated_proposals_stay_invisible_until_a_moderator_approves() {
    let app = app().await;
    let (process_id, _) = process_with(&app, SLUG, ALL_OPEN, 10).await;
    process::Entity::update_many()
        .col_expr(process::Column::Premoderation, Expr::value(true))
        .filter(process::Column::Id.eq(process_id))
        .exec(&app.db)
        .await
        .unwrap();
    app.sign_in_as(Role::Participant).await;
    let id = new_proposal(&app, SLUG, "Ein Vorschlag, der geprüft wird").await;
    let page = format!("/beteiligung/{SLUG}/vorschlaege/{id}");

    app.forget_cookies();
    assert_eq!(app.get(&page).await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        app.get(&format!("/beteiligung/{SLUG}/vorschlaege"))
            .await
            .count(".proposal-list > li"),
        0
    );

    sign_in_moderator(&app).await;
    for queue in [
        format!("/beteiligung/{SLUG}/moderation"),
        "/moderation".into(),
    ] {
        let q = app.get(&queue).await;
        assert_eq!(q.count(".moderation-pending tbody tr"), 1, "{queue}");
        assert!(q.text(".moderation-pending").contains("geprüft wird"));
        assert_eq!(q.count(".moderation-queue"), 0, "nothing reported");
    }
    let approved = moderate(&app, "freigeben", "proposal", id, "").await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let twice = moderate(&app, "freigeben", "proposal", id, "").await;
    assert_eq!(
        twice.status,
        StatusCode::CONFLICT,
        "approved content is not pending"
    );
    let q = app.get(&format!("/beteiligung/{SLUG}/moderation")).await;
    assert_eq!(q.count(".moderation-pending"), 0);

    app.forget_cookies();
    assert_eq!(app.get(&page).await.status, StatusCode::OK);
    assert!(
        proposal::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .hidden_at
            .is_none()
    );
}

#[tokio::test]
async fn every_moderator_action_appears_in_the_log() {
    let app = app().await;
    let (process_id, _) = process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (id, cid) = proposal_with_comment(&app, "Ein Kommentar für das Protokoll.").await;
    report_as_new_participant(&app, "comment", cid).await;
    process::Entity::update_many()
        .col_expr(process::Column::Premoderation, Expr::value(true))
        .filter(process::Column::Id.eq(process_id))
        .exec(&app.db)
        .await
        .unwrap();
    let pending = new_proposal(&app, SLUG, "Noch nicht freigegebener Vorschlag").await;

    sign_in_moderator(&app).await;
    for (action, kind, target, reason) in [
        ("verbergen", "comment", cid, "Unsachlich"),
        ("wiederherstellen", "comment", cid, ""),
        ("freigeben", "proposal", pending, ""),
    ] {
        let r = moderate(&app, action, kind, target, reason).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}: {}", r.body);
    }
    report_as_new_participant(&app, "proposal", id).await;
    sign_in_moderator(&app).await;
    assert_eq!(
        moderate(&app, "verwerfen", "proposal", id, "").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        moderate(&app, "sperren", "proposal", id, "Spam-Konto")
            .await
            .status,
        StatusCode::SEE_OTHER
    );

    let log = app
        .get(&format!("/beteiligung/{SLUG}/moderation/protokoll"))
        .await;
    assert_eq!(log.status, StatusCode::OK);
    let rows = log.texts(".moderation-log tbody tr");
    assert_eq!(rows.len(), 5, "{rows:?}");
    for (row, expected) in rows.iter().zip([
        "Verfasser gesperrt",
        "Meldungen verworfen",
        "freigegeben",
        "wiederhergestellt",
        "ausgeblendet",
    ]) {
        assert!(row.contains(expected), "{row} should say {expected}");
    }
    assert!(rows[0].contains("Spam-Konto"));
    assert!(rows[4].contains("Unsachlich"));
    assert!(
        moderation_log::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .iter()
            .all(|e| e.moderator_id.is_some()),
        "every entry names its moderator"
    );
    let audit = dias_core::audit::page(&app.db, 1, 100).await.unwrap().0;
    for action in ["hide", "restore", "approve", "dismiss", "block"] {
        assert!(
            audit
                .iter()
                .any(|a| a.action == format!("moderation.{action}") && a.actor_id.is_some()),
            "audit entry for {action}"
        );
    }
}

#[tokio::test]
async fn the_global_queue_lists_reports_of_all_processes() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    process_with(&app, "zweites", ALL_OPEN, 10).await;
    let (_, first) = proposal_with_comment(&app, "Kommentar im ersten Verfahren.").await;
    let other = new_proposal(&app, "zweites", "Vorschlag im zweiten Verfahren").await;
    report_as_new_participant(&app, "comment", first).await;
    let r = app
        .post(
            "/beteiligung/zweites/meldungen",
            &[
                ("target_kind", "proposal"),
                ("target_id", &other.to_string()),
                ("reason", "off_topic"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // A target of another process is not found under this one.
    let wrong = report_as(&app, "proposal", other, "spam", "").await;
    assert_eq!(wrong.status, StatusCode::NOT_FOUND);

    sign_in_moderator(&app).await;
    let global = app.get("/moderation").await;
    assert_eq!(global.count(".moderation-queue tbody tr"), 2);
    assert_eq!(
        global.count(".moderation-queue thead th"),
        6,
        "with a process column"
    );
    let one = app.get(&format!("/beteiligung/{SLUG}/moderation")).await;
    assert_eq!(one.count(".moderation-queue tbody tr"), 1);
    // Acting from the global queue comes back to it.
    let r = app
        .post(
            "/beteiligung/zweites/moderation/verbergen",
            &[
                ("target_kind", "proposal"),
                ("target_id", &other.to_string()),
                ("zurueck", "global"),
            ],
        )
        .await;
    assert_eq!(r.location(), "/moderation?hinweis=beitrag-verborgen");
}

#[tokio::test]
async fn queue_queries_do_not_grow_with_the_number_of_reported_items() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (_, first) = proposal_with_comment(&app, "Kommentar Nummer eins.").await;
    report_as_new_participant(&app, "comment", first).await;
    sign_in_moderator(&app).await;
    let (few, page) = app
        .count_queries(app.get(&format!("/beteiligung/{SLUG}/moderation")))
        .await;
    assert_eq!(page.count(".moderation-queue tbody tr"), 1);
    for i in 0..6 {
        let (_, cid) = proposal_with_comment(&app, &format!("Kommentar Nummer {i}.")).await;
        report_as_new_participant(&app, "comment", cid).await;
    }
    sign_in_moderator(&app).await;
    let (many, page) = app
        .count_queries(app.get(&format!("/beteiligung/{SLUG}/moderation")))
        .await;
    assert_eq!(page.count(".moderation-queue tbody tr"), 7);
    assert_eq!(few, many, "queue queries: {few} for 1 item, {many} for 7");
}

#[tokio::test]
async fn moderation_routes_refuse_a_request_without_token() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let (_, cid) = proposal_with_comment(&app, "Ein Kommentar ohne Schutz.").await;
    app.forget_cookies();
    app.sign_in_as(Role::Admin).await;
    let routes = [
        format!("/beteiligung/{SLUG}/meldungen"),
        format!("/beteiligung/{SLUG}/moderation/verbergen"),
    ];
    let source = include_str!("../../src/routes/moderation.rs");
    assert_eq!(
        source.matches("post(").count(),
        routes.len(),
        "every POST route of the moderation routes is listed here"
    );
    for route in routes {
        let r = app
            .post_raw(
                &route,
                &[
                    ("target_kind", "comment"),
                    ("target_id", &cid.to_string()),
                    ("reason", "spam"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{route}");
    }
    assert_eq!(report::Entity::find().count(&app.db).await.unwrap(), 0);
    assert!(!comment_hidden(&app, cid).await);
    assert_eq!(
        moderation_log::Entity::find().count(&app.db).await.unwrap(),
        0
    );
}

#[tokio::test]
async fn a_premoderated_comment_notifies_only_once_approved() {
    use dias_core::entities::notification;
    let app = app().await;
    let (process_id, _) = process_with(&app, SLUG, ALL_OPEN, 10).await;
    let author = app.sign_in_as(Role::Participant).await;
    let id = new_proposal(&app, SLUG, "Ein Vorschlag mit geprüften Kommentaren").await;
    process::Entity::update_many()
        .col_expr(process::Column::Premoderation, Expr::value(true))
        .filter(process::Column::Id.eq(process_id))
        .exec(&app.db)
        .await
        .unwrap();
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    app.post(
        &format!("/beteiligung/{SLUG}/vorschlaege/{id}/kommentare"),
        &[("body", "Ein Kommentar, der erst geprüft wird")],
    )
    .await;
    let cid = comment::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let inbox = || async {
        notification::Entity::find()
            .filter(notification::Column::UserId.eq(author))
            .all(&app.db)
            .await
            .unwrap()
    };
    assert!(inbox().await.is_empty(), "nothing while it waits");
    sign_in_moderator(&app).await;
    let approved = moderate(&app, "freigeben", "comment", cid, "").await;
    assert_eq!(approved.status, StatusCode::SEE_OTHER);
    let got = inbox().await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, "notif-proposal-comment");
}
