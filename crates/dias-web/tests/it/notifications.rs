//! Notifications: the inbox, the header count, marking read, the mail worker
//! and the personal-data rules.

use axum::http::StatusCode;
use dias_core::entities::{follow, notification, user};
use dias_core::notifications::{self, NewNotification, Target};
use dias_core::policy::Role;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::support::{PASSWORD, TestApp};

const PROPOSAL: &str = "proposal";

fn news<'a>(title: &'a str, link: &'a str) -> NewNotification<'a> {
    NewNotification {
        kind: "notif-test-news",
        args: serde_json::json!({}),
        title,
        summary: "Eine kurze Zusammenfassung.",
        link,
    }
}

async fn tell(app: &TestApp, user_id: i64, title: &str) {
    notifications::notify(&app.db, &[user_id], &news(title, "/beteiligung"))
        .await
        .unwrap();
}

async fn set_frequency(app: &TestApp, user_id: i64, frequency: &str) {
    user::Entity::update_many()
        .col_expr(user::Column::NotifyFrequency, Expr::value(frequency))
        .filter(user::Column::Id.eq(user_id))
        .exec(&app.db)
        .await
        .unwrap();
}

/// Moves every notification `secs` into the past (the worker judges age).
async fn age_all(app: &TestApp, secs: i64) {
    notification::Entity::update_many()
        .col_expr(
            notification::Column::CreatedAt,
            Expr::col(notification::Column::CreatedAt).sub(secs),
        )
        .exec(&app.db)
        .await
        .unwrap();
}

async fn deliver(app: &TestApp, now: i64) -> usize {
    notifications::deliver_due(&app.db, app.state.mail_env(), now)
        .await
        .unwrap()
}

async fn ids_of(app: &TestApp, user_id: i64) -> Vec<i64> {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|n| n.id)
        .collect()
}

#[tokio::test]
async fn inbox_shows_unread_notifications_and_the_header_counts_them() {
    let app = TestApp::new().await;
    let me = app.sign_in_as(Role::Participant).await;
    let empty = app.get("/konto/benachrichtigungen").await;
    assert_eq!(empty.status, StatusCode::OK);
    assert_eq!(empty.count(".notification"), 0);
    assert_eq!(empty.count(".notification-count"), 0);

    tell(&app, me, "Breitband für alle Schulen").await;
    tell(&app, me, "Offene Daten der Landkreise").await;
    let page = app.get("/konto/benachrichtigungen").await;
    assert_eq!(page.count(".notification--unread"), 2);
    assert_eq!(page.text(".notification-count").trim(), "2 ungelesen");
    assert!(page.body.contains("Offene Daten der Landkreise"));
    // The badge is on every page for the signed-in person.
    assert!(
        app.get("/")
            .await
            .text(".notification-count")
            .starts_with('2')
    );

    let first = ids_of(&app, me).await[0];
    let read = app
        .post(&format!("/konto/benachrichtigungen/{first}/gelesen"), &[])
        .await;
    assert_eq!(read.status, StatusCode::SEE_OTHER);
    assert_eq!(
        read.location(),
        "/konto/benachrichtigungen?hinweis=notif-gelesen"
    );
    let page = app.get(read.location()).await;
    assert_eq!(page.count(".notification--unread"), 1);
    assert_eq!(page.count(".notification"), 2);
    assert!(page.text(".flash--success").contains("gelesen"));

    let all = app
        .post("/konto/benachrichtigungen/alle-gelesen", &[])
        .await;
    assert_eq!(all.status, StatusCode::SEE_OTHER);
    let page = app.get("/konto/benachrichtigungen").await;
    assert_eq!(page.count(".notification--unread"), 0);
    assert_eq!(page.count(".notification-count"), 0);
    assert_eq!(notifications::unread_count(&app.db, me).await.unwrap(), 0);
}

#[tokio::test]
async fn opening_a_notification_marks_it_read_and_leads_to_its_page() {
    let app = TestApp::new().await;
    let me = app.sign_in_as(Role::Participant).await;
    notifications::notify(&app.db, &[me], &news("Ein Vorschlag", "/beteiligung/x"))
        .await
        .unwrap();
    let id = ids_of(&app, me).await[0];
    let page = app.get("/konto/benachrichtigungen").await;
    assert_eq!(
        page.attr(".notification__title a", "href").unwrap(),
        format!("/konto/benachrichtigungen/{id}")
    );
    let opened = app.get(&format!("/konto/benachrichtigungen/{id}")).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(opened.location(), "/beteiligung/x");
    assert_eq!(notifications::unread_count(&app.db, me).await.unwrap(), 0);
}

#[tokio::test]
async fn another_persons_notification_cannot_be_read_or_opened() {
    let app = TestApp::new().await;
    let (other, _) = app
        .create_user("andere@example.org", Role::Participant)
        .await;
    tell(&app, other, "Nicht für Sie").await;
    let theirs = ids_of(&app, other).await[0];
    app.sign_in_as(Role::Participant).await;
    let read = app
        .post(&format!("/konto/benachrichtigungen/{theirs}/gelesen"), &[])
        .await;
    assert_eq!(read.status, StatusCode::NOT_FOUND);
    let open = app
        .get(&format!("/konto/benachrichtigungen/{theirs}"))
        .await;
    assert_eq!(open.status, StatusCode::NOT_FOUND);
    let missing = app
        .post("/konto/benachrichtigungen/999999/gelesen", &[])
        .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    app.post("/konto/benachrichtigungen/alle-gelesen", &[])
        .await;
    assert_eq!(
        notifications::unread_count(&app.db, other).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn inbox_actions_refuse_requests_without_token() {
    let app = TestApp::new().await;
    let me = app.sign_in_as(Role::Participant).await;
    tell(&app, me, "Eine Neuigkeit").await;
    let id = ids_of(&app, me).await[0];
    let routes = [
        format!("/konto/benachrichtigungen/{id}/gelesen"),
        "/konto/benachrichtigungen/alle-gelesen".to_owned(),
    ];
    let source = include_str!("../../src/account/notifications.rs");
    assert_eq!(
        source.matches("post(").count(),
        routes.len(),
        "every POST route of account/notifications.rs is listed here"
    );
    for path in &routes {
        let response = app.post_raw(path, &[]).await;
        assert_eq!(response.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(notifications::unread_count(&app.db, me).await.unwrap(), 1);
}

#[tokio::test]
async fn visitors_are_sent_to_sign_in() {
    let app = TestApp::new().await;
    let response = app.get("/konto/benachrichtigungen").await;
    assert_eq!(response.status, StatusCode::SEE_OTHER);
    assert!(response.location().starts_with("/konto/anmelden"));
    let page = app.get("/").await;
    assert_eq!(page.count(".notification-link"), 0);
}

#[tokio::test]
async fn inbox_queries_do_not_grow_with_the_number_of_notifications() {
    let app = TestApp::new().await;
    let me = app.sign_in_as(Role::Participant).await;
    tell(&app, me, "Die erste").await;
    let (one, page) = app
        .count_queries(app.get("/konto/benachrichtigungen"))
        .await;
    assert_eq!(page.count(".notification"), 1);
    for i in 0..25 {
        tell(&app, me, &format!("Neuigkeit {i}")).await;
    }
    let (many, page) = app
        .count_queries(app.get("/konto/benachrichtigungen"))
        .await;
    assert_eq!(page.count(".notification"), 20);
    assert_eq!(page.count(".pagination"), 1);
    assert_eq!(one, many, "inbox queries: {one} for 1, {many} for 26");
    let second = app.get("/konto/benachrichtigungen?seite=2").await;
    assert_eq!(second.count(".notification"), 6);
    let bad = app.get("/konto/benachrichtigungen?seite=abc").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn notify_skips_deleted_accounts_and_counts_each_person_once() {
    let app = TestApp::new().await;
    let (a, _) = app.create_user("a@example.org", Role::Participant).await;
    let (b, _) = app.create_user("b@example.org", Role::Participant).await;
    dias_core::accounts::delete_account(&app.db, b, PASSWORD, &[], &app.state.mail_env())
        .await
        .unwrap();
    let told = notifications::notify(&app.db, &[a, a, b], &news("Titel", "/"))
        .await
        .unwrap();
    assert_eq!(told, 1);
    assert_eq!(ids_of(&app, a).await.len(), 1);
    assert!(ids_of(&app, b).await.is_empty());
}

#[tokio::test]
async fn followers_are_notified_except_the_actor_and_unfollowing_stops_it() {
    let app = TestApp::new().await;
    let (a, _) = app.create_user("a@example.org", Role::Participant).await;
    let (b, _) = app.create_user("b@example.org", Role::Participant).await;
    let (actor, _) = app.create_user("c@example.org", Role::Staff).await;
    let target = Target::new(PROPOSAL, 7);
    for who in [a, b, actor] {
        assert!(notifications::follow(&app.db, who, target).await.unwrap());
    }
    // Following twice is following once.
    assert!(!notifications::follow(&app.db, a, target).await.unwrap());
    let told = notifications::notify_followers(&app.db, target, Some(actor), &[], &news("T", "/"))
        .await
        .unwrap();
    assert_eq!(told, vec![a, b]);
    assert!(notifications::unfollow(&app.db, b, target).await.unwrap());
    assert!(
        !notifications::is_following(&app.db, b, target)
            .await
            .unwrap()
    );
    let told = notifications::notify_followers(&app.db, target, Some(actor), &[], &news("T", "/"))
        .await
        .unwrap();
    assert_eq!(told, vec![a]);
    let followed = notifications::following(&app.db, a, PROPOSAL, &[6, 7, 8])
        .await
        .unwrap();
    assert_eq!(followed.into_iter().collect::<Vec<_>>(), vec![7]);
}

#[tokio::test]
async fn immediate_mail_goes_out_once_after_a_short_batch() {
    let app = TestApp::new().await;
    let (me, _) = app
        .create_user("sofort@example.org", Role::Participant)
        .await;
    set_frequency(&app, me, "immediately").await;
    tell(&app, me, "Erste Neuigkeit").await;
    tell(&app, me, "Zweite Neuigkeit").await;
    let now = dias_core::time::now();
    // Still within the batch window: nothing yet.
    assert_eq!(deliver(&app, now).await, 0);
    let later = now + notifications::BATCH_SECS;
    assert_eq!(deliver(&app, later).await, 1);
    assert_eq!(app.mail_count_to("sofort@example.org").await, 1);
    let body = app.last_mail_to("sofort@example.org").await.unwrap();
    assert!(body.contains("Erste Neuigkeit") && body.contains("Zweite Neuigkeit"));
    assert!(
        body.contains("/konto/benachrichtigungen#einstellungen"),
        "{body}"
    );
    assert!(body.starts_with("Guten Tag Test Person"), "{body}");
    // The next round finds nothing new.
    assert_eq!(deliver(&app, later + 10).await, 0);
    assert_eq!(app.mail_count_to("sofort@example.org").await, 1);
    // Mailing does not mark anything read.
    assert_eq!(notifications::unread_count(&app.db, me).await.unwrap(), 2);
}

#[tokio::test]
async fn mail_is_written_in_the_persons_language() {
    let app = TestApp::new().await;
    let (me, _) = app
        .create_user("english@example.org", Role::Participant)
        .await;
    set_frequency(&app, me, "immediately").await;
    dias_core::accounts::set_locale(&app.db, me, "en")
        .await
        .unwrap();
    tell(&app, me, "Broadband news").await;
    deliver(&app, dias_core::time::now() + 60).await;
    let body = app.last_mail_to("english@example.org").await.unwrap();
    assert!(body.starts_with("Hello Test Person"), "{body}");
    assert!(body.contains("Choose how often"), "{body}");
}

#[tokio::test]
async fn daily_digest_collects_the_day_and_weekly_waits_for_monday() {
    let app = TestApp::new().await;
    let (daily, _) = app
        .create_user("taeglich@example.org", Role::Participant)
        .await;
    let (weekly, _) = app
        .create_user("woechentlich@example.org", Role::Participant)
        .await;
    set_frequency(&app, daily, "daily").await;
    set_frequency(&app, weekly, "weekly").await;
    for who in [daily, weekly] {
        tell(&app, who, "Neue Stellungnahme").await;
        tell(&app, who, "Neuer Kommentar").await;
    }
    // Pretend the notifications came a day ago, and look at the time just
    // after this morning's slot that follows them.
    age_all(&app, 86_400 + 3_600).await;
    let now = dias_core::time::now();
    let slot = notifications::last_digest_slot(notifications::Frequency::Daily, now).unwrap();
    let weekly_slot =
        notifications::last_digest_slot(notifications::Frequency::Weekly, now).unwrap();
    // Weekly people only get a digest once the Monday slot has passed after
    // their notifications; put them after the last one.
    notification::Entity::update_many()
        .col_expr(
            notification::Column::CreatedAt,
            Expr::value(weekly_slot + 1),
        )
        .filter(notification::Column::UserId.eq(weekly))
        .exec(&app.db)
        .await
        .unwrap();
    assert!(slot <= now);
    assert_eq!(deliver(&app, now).await, 1);
    assert_eq!(app.mail_count_to("taeglich@example.org").await, 1);
    let digest = app.last_mail_to("taeglich@example.org").await.unwrap();
    assert!(digest.contains("Neue Stellungnahme") && digest.contains("Neuer Kommentar"));
    assert!(digest.contains("tägliche Zusammenfassung"), "{digest}");
    assert_eq!(app.mail_count_to("woechentlich@example.org").await, 0);
    // The same day again: nothing more.
    assert_eq!(deliver(&app, now + 60).await, 0);
    // The next Monday morning the weekly digest goes out, once (two hours
    // after 7:00 is past the slot whatever the clocks did that week).
    let next_week = weekly_slot + 7 * 86_400 + 2 * 3_600;
    assert_eq!(deliver(&app, next_week).await, 1);
    assert_eq!(app.mail_count_to("woechentlich@example.org").await, 1);
    let weekly_mail = app.last_mail_to("woechentlich@example.org").await.unwrap();
    assert!(weekly_mail.contains("wöchentliche Zusammenfassung"));
    assert_eq!(deliver(&app, next_week + 60).await, 0);
}

#[tokio::test]
async fn off_means_no_mail_but_the_inbox_still_shows_them() {
    let app = TestApp::new().await;
    let (me, _) = app.create_user("aus@example.org", Role::Participant).await;
    set_frequency(&app, me, "off").await;
    tell(&app, me, "Leise Neuigkeit").await;
    age_all(&app, 8 * 86_400).await;
    assert_eq!(deliver(&app, dias_core::time::now()).await, 0);
    assert_eq!(app.mail_count_to("aus@example.org").await, 0);
    let n = notification::Entity::find()
        .filter(notification::Column::UserId.eq(me))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(n.mail_state, notifications::MAIL_SKIPPED);
    // Switching mail on later does not send old news.
    set_frequency(&app, me, "immediately").await;
    assert_eq!(deliver(&app, dias_core::time::now() + 60).await, 0);
    app.login("aus@example.org", None).await;
    let page = app.get("/konto/benachrichtigungen").await;
    assert!(page.body.contains("Leise Neuigkeit"));
}

#[tokio::test]
async fn two_workers_racing_deliver_each_notification_once() {
    let app = TestApp::new().await;
    let mut people = Vec::new();
    for i in 0..6 {
        let email = format!("p{i}@example.org");
        let (id, _) = app.create_user(&email, Role::Participant).await;
        set_frequency(&app, id, "immediately").await;
        for j in 0..3 {
            tell(&app, id, &format!("Neuigkeit {j}")).await;
        }
        people.push(email);
    }
    let now = dias_core::time::now() + 60;
    let env = app.state.mail_env();
    let (a, b) = tokio::join!(
        notifications::deliver_due(&app.db, env, now),
        notifications::deliver_due(&app.db, env, now),
    );
    assert_eq!(a.unwrap() + b.unwrap(), 6);
    for email in &people {
        assert_eq!(app.mail_count_to(email).await, 1, "{email}");
    }
    let pending = notification::Entity::find()
        .filter(notification::Column::MailState.ne(notifications::MAIL_SENT))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(pending, 0);
}

#[tokio::test]
async fn export_contains_follows_and_notifications_and_deletion_removes_them() {
    let app = TestApp::new().await;
    let me = app.sign_in_as(Role::Participant).await;
    notifications::follow(&app.db, me, Target::new(PROPOSAL, 3))
        .await
        .unwrap();
    tell(&app, me, "Für den Export").await;
    let export = app.get("/konto/export").await;
    let data: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    assert_eq!(data["follows"][0]["kind"], PROPOSAL);
    assert_eq!(data["follows"][0]["id"], 3);
    assert_eq!(data["notifications"][0]["title"], "Für den Export");
    dias_core::accounts::delete_account(&app.db, me, PASSWORD, &[], &app.state.mail_env())
        .await
        .unwrap();
    assert_eq!(
        follow::Entity::find()
            .filter(follow::Column::UserId.eq(me))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert!(ids_of(&app, me).await.is_empty());
}
