//! Benachrichtigungen in Beteiligung: following processes, proposals and
//! change suggestions, and who is told about answers, decisions, comments,
//! replies and new text versions.

use axum::http::StatusCode;
use dias_core::entities::notification;
use dias_core::notifications;
use dias_core::policy::Role;
use dias_participation::entities::{comment, suggestion};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::flows::{ALL_OPEN, app, new_proposal, process_with};
use crate::support::TestApp;

const SLUG: &str = "verfahren";

async fn inbox(app: &TestApp, user_id: i64) -> Vec<notification::Model> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .order_by_asc(notification::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

/// A new account with a known address, signed in.
async fn sign_in(app: &TestApp, role: Role, email: &str) -> i64 {
    app.forget_cookies();
    let (id, secret) = app.create_user(email, role).await;
    app.login(email, secret.as_deref()).await;
    id
}

async fn back_in(app: &TestApp, email: &str) {
    app.forget_cookies();
    app.login(email, None).await;
}

async fn answer(app: &TestApp, id: i64, status: &str, text: &str) -> StatusCode {
    app.post(
        &format!("/beteiligung/{SLUG}/vorschlaege/{id}/antwort"),
        &[("status", status), ("answer", text)],
    )
    .await
    .status
}

async fn follow(app: &TestApp, path: &str, on: bool) -> String {
    let r = app
        .post(path, &[("folgen", if on { "1" } else { "0" })])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}: {}", r.body);
    r.location().to_owned()
}

async fn comment_on_proposal(app: &TestApp, id: i64, body: &str, parent: Option<i64>) -> i64 {
    let parent = parent.map(|p| p.to_string()).unwrap_or_default();
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/vorschlaege/{id}/kommentare"),
            &[("body", body), ("stance", "pro"), ("parent_id", &parent)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    comment::Entity::find()
        .order_by_desc(comment::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id
}

#[tokio::test]
async fn staff_answer_notifies_author_and_followers_once_but_not_the_actor() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let author = sign_in(&app, Role::Participant, "autorin@example.org").await;
    let id = new_proposal(&app, SLUG, "Glasfaser für jede Schule").await;
    let proposal_page = format!("/beteiligung/{SLUG}/vorschlaege/{id}");
    // The author follows their own proposal from the start.
    let page = app.get(&proposal_page).await;
    assert!(
        page.text(".follow-form button")
            .contains("Nicht mehr folgen")
    );

    let follower = sign_in(&app, Role::Participant, "folgt@example.org").await;
    let page = app.get(&proposal_page).await;
    assert!(page.text(".follow-form button").starts_with("Folgen"));
    let back = follow(&app, &format!("{proposal_page}/folgen"), true).await;
    assert_eq!(back, format!("{proposal_page}?hinweis=notif-gefolgt"));
    let page = app.get(&back).await;
    assert!(
        page.text(".follow-form button")
            .contains("Nicht mehr folgen")
    );
    assert!(page.text(".flash--success").contains("folgen jetzt"));

    let staff = sign_in(&app, Role::Staff, "redaktion@example.org").await;
    follow(&app, &format!("{proposal_page}/folgen"), true).await;
    assert_eq!(
        answer(&app, id, "in_review", "Wir prüfen den Vorschlag.").await,
        StatusCode::SEE_OTHER
    );
    for who in [author, follower] {
        let got = inbox(&app, who).await;
        assert_eq!(got.len(), 1, "user {who}");
        let shown = notifications::render(&app.state.catalog, "de", &got[0]);
        assert_eq!(
            shown.headline,
            "Neue Stellungnahme zum Vorschlag – Status: in Prüfung"
        );
        assert_eq!(shown.title, "Glasfaser für jede Schule");
        assert_eq!(shown.summary, "Wir prüfen den Vorschlag.");
        assert!(shown.link.starts_with(&proposal_page), "{}", shown.link);
    }
    assert!(inbox(&app, staff).await.is_empty(), "the actor is not told");

    // A refused answer tells nobody.
    assert_eq!(
        answer(&app, id, "submitted", "Zurück auf Anfang.").await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(inbox(&app, author).await.len(), 1);

    // Unfollowing stops it.
    back_in(&app, "folgt@example.org").await;
    follow(&app, &format!("{proposal_page}/folgen"), false).await;
    back_in(&app, "redaktion@example.org").await;
    assert_eq!(
        answer(&app, id, "accepted", "Wir setzen das um.").await,
        StatusCode::SEE_OTHER
    );
    assert_eq!(inbox(&app, author).await.len(), 2);
    assert_eq!(inbox(&app, follower).await.len(), 1);
    let shown = notifications::render(&app.state.catalog, "en", &inbox(&app, author).await[1]);
    assert_eq!(
        shown.headline,
        "New official answer to the proposal – status: accepted"
    );
}

#[tokio::test]
async fn comments_tell_the_proposal_author_and_replies_the_comment_author_once() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let author = sign_in(&app, Role::Participant, "autorin@example.org").await;
    let id = new_proposal(&app, SLUG, "Offenes WLAN in Bibliotheken").await;
    let own_comment = comment_on_proposal(&app, id, "Ich ergänze noch etwas.", None).await;
    assert!(
        inbox(&app, author).await.is_empty(),
        "no news about oneself"
    );

    let other = sign_in(&app, Role::Participant, "andere@example.org").await;
    let first = comment_on_proposal(&app, id, "Gute Idee, unbedingt!", None).await;
    let got = inbox(&app, author).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, "notif-proposal-comment");
    assert_eq!(got[0].summary, "Gute Idee, unbedingt!");
    // The link is the comment's permalink, which finds its page when opened
    // (a long discussion may have moved it to a later page by then).
    assert_eq!(
        got[0].link,
        format!("/beteiligung/verfahren/kommentare/{first}")
    );
    let opened = app.get(&got[0].link).await;
    assert_eq!(opened.status, axum::http::StatusCode::SEE_OTHER);
    assert!(
        opened
            .location()
            .ends_with(&format!("/vorschlaege/{id}#kommentar-{first}")),
        "{}",
        opened.location()
    );

    // A reply to the author's own comment on their own proposal: one
    // notification (the reply), not two.
    comment_on_proposal(&app, id, "Was genau?", Some(own_comment)).await;
    let got = inbox(&app, author).await;
    assert_eq!(got.len(), 2);
    assert_eq!(got[1].kind, "notif-comment-reply");
    let shown = notifications::render(&app.state.catalog, "de", &got[1]);
    assert_eq!(shown.headline, "Neue Antwort auf Ihren Kommentar");
    assert!(
        !got[1].args.contains("Test Person"),
        "no names in others' inboxes"
    );
    assert_eq!(shown.title, "Offenes WLAN in Bibliotheken");

    // The author answers the other person's comment: the other person hears.
    back_in(&app, "autorin@example.org").await;
    comment_on_proposal(&app, id, "Danke!", Some(first)).await;
    let got = inbox(&app, other).await;
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].kind, "notif-comment-reply");
    assert_eq!(inbox(&app, author).await.len(), 2);
}

#[tokio::test]
async fn suggestion_decision_tells_its_author_and_followers() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, SLUG, ALL_OPEN, 10).await;
    let author = sign_in(&app, Role::Participant, "autorin@example.org").await;
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/text/{}/aenderungen", paragraphs[1]),
            &[
                ("new_text", "Der Mobilfunk wird flächendeckend ausgebaut."),
                ("reason", "Funklöcher auf dem Land."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let sid = suggestion::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let follower = sign_in(&app, Role::Participant, "folgt@example.org").await;
    let back = follow(
        &app,
        &format!("/beteiligung/{SLUG}/aenderungen/{sid}/folgen"),
        true,
    )
    .await;
    assert_eq!(
        back,
        format!(
            "/beteiligung/{SLUG}/text/{}?hinweis=notif-gefolgt#aenderung-{sid}",
            paragraphs[1]
        )
    );
    let page = app.get(&back).await;
    assert!(
        page.text(&format!("#aenderung-{sid} .follow-form button"))
            .contains("Nicht mehr folgen")
    );

    let staff = sign_in(&app, Role::Staff, "redaktion@example.org").await;
    let decided = app
        .post(
            &format!("/beteiligung/{SLUG}/aenderungen/{sid}/entscheidung"),
            &[("decision", "adopted"), ("decision_reason", "Sinnvoll.")],
        )
        .await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER);
    for who in [author, follower] {
        let got = inbox(&app, who).await;
        assert_eq!(got.len(), 1, "user {who}");
        let shown = notifications::render(&app.state.catalog, "de", &got[0]);
        assert_eq!(
            shown.headline,
            "Entscheidung über den Änderungsvorschlag: übernommen"
        );
        assert_eq!(shown.title, "Glasfaser");
        assert_eq!(shown.summary, "Sinnvoll.");
        assert!(shown.link.ends_with(&format!("#aenderung-{sid}")));
    }
    assert!(inbox(&app, staff).await.is_empty());
}

#[tokio::test]
async fn a_new_text_version_tells_the_process_followers() {
    let app = app().await;
    let (process_id, _) = process_with(&app, SLUG, ALL_OPEN, 10).await;
    let follower = sign_in(&app, Role::Participant, "folgt@example.org").await;
    let page = app.get(&format!("/beteiligung/{SLUG}")).await;
    assert!(page.text(".follow-form button").starts_with("Folgen"));
    follow(&app, &format!("/beteiligung/{SLUG}/folgen"), true).await;
    let bystander = sign_in(&app, Role::Participant, "andere@example.org").await;
    dias_participation::store::import_version(
        &app.db,
        process_id,
        "Überarbeitete Fassung",
        "# Infrastruktur\n\n## Glasfaser\n\nAlle Haushalte sollen bis 2028 Gigabit haben.\n",
        &[],
    )
    .await
    .unwrap();
    let got = inbox(&app, follower).await;
    assert_eq!(got.len(), 1);
    let shown = notifications::render(&app.state.catalog, "de", &got[0]);
    assert_eq!(
        shown.headline,
        "Neue Fassung des Strategietexts veröffentlicht: Überarbeitete Fassung"
    );
    assert_eq!(shown.link, format!("/beteiligung/{SLUG}/text"));
    assert!(inbox(&app, bystander).await.is_empty());
}

#[tokio::test]
async fn following_needs_sign_in_a_visible_target_and_a_clear_choice() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let page = app.get(&format!("/beteiligung/{SLUG}")).await;
    assert_eq!(page.count(".follow-form"), 0, "no button for visitors");
    let visitor = app
        .post(&format!("/beteiligung/{SLUG}/folgen"), &[("folgen", "1")])
        .await;
    assert_eq!(visitor.status, StatusCode::SEE_OTHER);
    assert!(visitor.location().starts_with("/konto/anmelden"));

    let me = sign_in(&app, Role::Participant, "ich@example.org").await;
    let missing = app
        .post(
            &format!("/beteiligung/{SLUG}/vorschlaege/424242/folgen"),
            &[("folgen", "1")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let missing = app
        .post(
            &format!("/beteiligung/{SLUG}/aenderungen/424242/folgen"),
            &[("folgen", "1")],
        )
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let unclear = app
        .post(&format!("/beteiligung/{SLUG}/folgen"), &[("folgen", "ja")])
        .await;
    assert_eq!(unclear.status, StatusCode::BAD_REQUEST);
    let none = dias_core::notifications::of_user(&app.db, me)
        .await
        .unwrap()
        .0;
    assert!(none.is_empty(), "nothing stored on refusal");
    // Following twice is one follow; unfollowing what one does not follow is fine.
    follow(&app, &format!("/beteiligung/{SLUG}/folgen"), true).await;
    follow(&app, &format!("/beteiligung/{SLUG}/folgen"), true).await;
    assert_eq!(
        dias_core::notifications::of_user(&app.db, me)
            .await
            .unwrap()
            .0
            .len(),
        1
    );
    follow(&app, &format!("/beteiligung/{SLUG}/folgen"), false).await;
    follow(&app, &format!("/beteiligung/{SLUG}/folgen"), false).await;
}

#[tokio::test]
async fn follow_routes_refuse_requests_without_token() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let me = sign_in(&app, Role::Participant, "ich@example.org").await;
    let id = new_proposal(&app, SLUG, "Ein Vorschlag zum Folgen").await;
    let routes = [
        format!("/beteiligung/{SLUG}/folgen"),
        format!("/beteiligung/{SLUG}/vorschlaege/{id}/folgen"),
        format!("/beteiligung/{SLUG}/aenderungen/1/folgen"),
    ];
    let source = include_str!("../../src/routes/follows.rs");
    assert_eq!(
        source.matches("post(").count(),
        routes.len(),
        "every POST route of routes/follows.rs is listed here"
    );
    let before = dias_core::notifications::of_user(&app.db, me)
        .await
        .unwrap()
        .0
        .len();
    for path in &routes {
        let response = app.post_raw(path, &[("folgen", "0")]).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
    }
    let after = dias_core::notifications::of_user(&app.db, me)
        .await
        .unwrap()
        .0
        .len();
    assert_eq!(before, after);
}

#[tokio::test]
async fn the_inbox_leads_to_the_answered_proposal() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    sign_in(&app, Role::Participant, "autorin@example.org").await;
    let id = new_proposal(&app, SLUG, "Digitale Bürgerämter überall").await;
    sign_in(&app, Role::Staff, "redaktion@example.org").await;
    answer(&app, id, "accepted", "Kommt.").await;
    back_in(&app, "autorin@example.org").await;
    let home = app.get("/").await;
    assert!(home.text(".notification-count").starts_with('1'));
    let list = app.get("/konto/benachrichtigungen").await;
    assert_eq!(list.count(".notification--unread"), 1);
    let href = list.attr(".notification__title a", "href").unwrap();
    let opened = app.get(&href).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert!(
        opened
            .location()
            .starts_with(&format!("/beteiligung/{SLUG}/vorschlaege/{id}"))
    );
    let home = app.get("/").await;
    assert_eq!(home.count(".notification-count"), 0);
}

#[tokio::test]
async fn a_deleted_comment_is_no_longer_quoted_or_mailed() {
    let app = app().await;
    process_with(&app, SLUG, ALL_OPEN, 10).await;
    let author = sign_in(&app, Role::Participant, "autorin@example.org").await;
    let id = new_proposal(&app, SLUG, "Offenes WLAN in Bibliotheken").await;
    sign_in(&app, Role::Participant, "andere@example.org").await;
    let cid = comment_on_proposal(&app, id, "Das war unüberlegt von mir.", None).await;
    let before = inbox(&app, author).await;
    assert_eq!(before.len(), 1);
    assert_eq!(before[0].summary, "Das war unüberlegt von mir.");
    assert_eq!(before[0].mail_state, notifications::MAIL_PENDING);

    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/kommentare/{cid}/loeschen"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let after = inbox(&app, author).await;
    assert_eq!(after.len(), 1, "the notice stays, its quote goes");
    assert_eq!(after[0].summary, "");
    assert_eq!(after[0].mail_state, notifications::MAIL_SKIPPED);
}
