//! Exchange boards on the real router: threads and replies with their
//! validation, the edit window, deleting with a placeholder, notifications
//! to followers, reports that hide at the third, moderator actions with
//! their log, search documents, constant query counts and CSRF on every
//! form action.

use axum::http::StatusCode;
use dias_core::entities::{audit_entry, notification};
use dias_core::policy::Role;
use dias_network::entities::{board, board_moderation_log, board_reply, board_thread};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::helpers::app;
use crate::support::TestApp;

/// A new account of `role`; returns (id, email). Not signed in.
async fn person(app: &TestApp, tag: &str, role: Role) -> (i64, String) {
    let email = format!(
        "{tag}-{}@example.org",
        &dias_core::crypto::random_token()[..6].to_lowercase()
    );
    let (id, _) = app.create_user(&email, role).await;
    (id, email)
}

async fn sign_in(app: &TestApp, email: &str) {
    app.forget_cookies();
    app.login(email, None).await;
}

/// A board written directly; returns it.
async fn make_board(app: &TestApp, slug: &str) -> board::Model {
    board::ActiveModel {
        slug: Set(slug.to_owned()),
        title: Set(format!("Forum {slug}")),
        description: Set("Zum Testen".to_owned()),
        position: Set(0),
        threads_count: Set(0),
        replies_count: Set(0),
        last_activity_at: Set(None),
        created_by: Set(None),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
}

/// Opens a thread through the form as the signed-in person; returns its id.
async fn open_thread(app: &TestApp, slug: &str, title: &str) -> i64 {
    let r = app
        .post(
            &format!("/netzwerk/austausch/{slug}/neu"),
            &[("title", title), ("body", "Wie macht ihr das?")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location()
        .trim_start_matches("/netzwerk/austausch/themen/")
        .split('?')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

/// Replies as the signed-in person; returns the reply id.
async fn answer(app: &TestApp, thread: i64, body: &str) -> i64 {
    let r = app
        .post(
            &format!("/netzwerk/austausch/themen/{thread}/antworten"),
            &[("body", body)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    r.location()
        .rsplit("#antwort-")
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

async fn reload_board(app: &TestApp, id: i64) -> board::Model {
    board::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

async fn notifications_of(app: &TestApp, user_id: i64, kind: &str) -> u64 {
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .filter(notification::Column::Kind.eq(kind))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn staff_create_boards_and_people_open_threads_and_reply_with_input_kept_on_errors() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let r = app
        .post(
            "/netzwerk/austausch/neu",
            &[
                ("title", "KI in der Pflege"),
                ("description", ""),
                ("slug", ""),
                ("position", "3"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(r.attr("#title", "value").unwrap(), "KI in der Pflege");
    let r = app
        .post(
            "/netzwerk/austausch/neu",
            &[
                ("title", "KI in der Pflege"),
                ("description", "Assistenzsysteme im Alltag"),
                ("slug", ""),
                ("position", "3"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .starts_with("/netzwerk/austausch/ki-in-der-pflege")
    );
    let b = board::Entity::find().one(&app.db).await.unwrap().unwrap();

    // Participants may not create boards.
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.get("/netzwerk/austausch/neu").await.status,
        StatusCode::FORBIDDEN
    );

    // A thread without a title: 422, the text kept, nothing stored.
    let r = app
        .post(
            "/netzwerk/austausch/ki-in-der-pflege/neu",
            &[("title", ""), ("body", "Mein **Text**")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(r.text("#body"), "Mein **Text**");
    assert_eq!(
        board_thread::Entity::find().count(&app.db).await.unwrap(),
        0
    );

    let r = app
        .post(
            "/netzwerk/austausch/ki-in-der-pflege/neu",
            &[
                ("title", "Sturzerkennung & Datenschutz"),
                ("body", "Erfahrungen?<script>alert(1)</script>"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let thread = r.location().split('?').next().unwrap().to_owned();
    let page = app.get(&thread).await;
    assert_eq!(page.text("h1"), "Sturzerkennung & Datenschutz");
    assert!(
        !page.body.contains("<script>alert"),
        "Markdown is sanitised"
    );

    // An empty reply: 422 on the thread page, nothing stored.
    let r = app
        .post(&format!("{thread}/antworten"), &[("body", "  ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary"));
    assert_eq!(board_reply::Entity::find().count(&app.db).await.unwrap(), 0);
    let r = app
        .post(
            &format!("{thread}/antworten"),
            &[("body", "Bei uns mit Radar.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(r.location()).await;
    assert!(page.text(".replies").contains("Bei uns mit Radar."));

    let b = reload_board(&app, b.id).await;
    assert_eq!((b.threads_count, b.replies_count), (1, 1));
    assert!(b.last_activity_at.is_some());
    let index = app.get("/netzwerk/austausch").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(index.text(".board-list").contains("1 Thema"));
    assert!(index.text(".board-list").contains("1 Antwort"));
}

#[tokio::test]
async fn authors_edit_replies_only_within_fifteen_minutes() {
    let app = app().await;
    make_board(&app, "edit").await;
    app.sign_in_as(Role::Participant).await;
    let t = open_thread(&app, "edit", "Frage").await;
    let rid = answer(&app, t, "Erste Fassung").await;
    let path = format!("/netzwerk/austausch/antworten/{rid}/bearbeiten");
    let r = app.post(&path, &[("body", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = app.post(&path, &[("body", "Zweite Fassung")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/netzwerk/austausch/themen/{t}")).await;
    assert!(page.text(".replies").contains("Zweite Fassung"));
    assert!(page.text(".replies").contains("bearbeitet"));

    // Someone else may not.
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.post(&path, &[("body", "Fremd")]).await.status,
        StatusCode::FORBIDDEN
    );

    // After the window the author may not either.
    board_reply::Entity::update_many()
        .col_expr(
            board_reply::Column::CreatedAt,
            Expr::value(dias_core::time::now() - 16 * 60),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let author = board_reply::Entity::find_by_id(rid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .author_id
        .unwrap();
    let email = dias_core::entities::user::Entity::find_by_id(author)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();
    sign_in(&app, &email).await;
    let r = app.post(&path, &[("body", "Dritte Fassung")]).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let stored = board_reply::Entity::find_by_id(rid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.body_md, "Zweite Fassung");
}

#[tokio::test]
async fn deleting_ones_reply_leaves_a_placeholder_and_lowers_the_counters() {
    let app = app().await;
    let b = make_board(&app, "loeschen").await;
    app.sign_in_as(Role::Participant).await;
    let t = open_thread(&app, "loeschen", "Frage").await;
    let first = answer(&app, t, "Bleibt stehen").await;
    let gone = answer(&app, t, "War ein Irrtum").await;
    assert_eq!(reload_board(&app, b.id).await.replies_count, 2);
    let r = app
        .post(
            &format!("/netzwerk/austausch/antworten/{gone}/loeschen"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let page = app.get(&format!("/netzwerk/austausch/themen/{t}")).await;
    assert!(!page.body.contains("War ein Irrtum"));
    assert!(page.text(&format!("#antwort-{gone}")).contains("gelöscht"));
    assert!(
        page.text(&format!("#antwort-{first}"))
            .contains("Bleibt stehen")
    );
    let thread = board_thread::Entity::find_by_id(t)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(thread.replies_count, 1);
    assert_eq!(reload_board(&app, b.id).await.replies_count, 1);
    // A second delete changes nothing.
    let r = app
        .post(
            &format!("/netzwerk/austausch/antworten/{gone}/loeschen"),
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(reload_board(&app, b.id).await.replies_count, 1);
}

#[tokio::test]
async fn followers_are_notified_once_and_never_of_their_own_writing() {
    let app = app().await;
    let b = make_board(&app, "folgen").await;
    let (watcher, watcher_mail) = person(&app, "watcher", Role::Participant).await;
    let (author, author_mail) = person(&app, "author", Role::Participant).await;
    let (helper, helper_mail) = person(&app, "helper", Role::Participant).await;

    sign_in(&app, &watcher_mail).await;
    let r = app
        .post("/netzwerk/austausch/folgen/folgen", &[("folgen", "1")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Following twice is following once.
    app.post("/netzwerk/austausch/folgen/folgen", &[("folgen", "1")])
        .await;
    assert!(
        dias_core::notifications::is_following(
            &app.db,
            watcher,
            dias_network::boards::board_target(b.id)
        )
        .await
        .unwrap()
    );

    sign_in(&app, &author_mail).await;
    let t = open_thread(&app, "folgen", "Neues Thema").await;
    assert_eq!(
        notifications_of(&app, watcher, "notif-network-board-thread").await,
        1
    );
    assert_eq!(
        notifications_of(&app, author, "notif-network-board-thread").await,
        0
    );

    sign_in(&app, &helper_mail).await;
    answer(&app, t, "Eine Antwort").await;
    // The author follows the thread; the board's follower does not.
    assert_eq!(
        notifications_of(&app, author, "notif-network-board-reply").await,
        1
    );
    assert_eq!(
        notifications_of(&app, watcher, "notif-network-board-reply").await,
        0
    );
    assert_eq!(
        notifications_of(&app, helper, "notif-network-board-reply").await,
        0
    );

    sign_in(&app, &author_mail).await;
    answer(&app, t, "Danke!").await;
    // The helper follows since replying; the author is not told of their own.
    assert_eq!(
        notifications_of(&app, helper, "notif-network-board-reply").await,
        1
    );
    assert_eq!(
        notifications_of(&app, author, "notif-network-board-reply").await,
        1
    );

    // Unfollowing stops it.
    sign_in(&app, &helper_mail).await;
    app.post(
        &format!("/netzwerk/austausch/themen/{t}/folgen"),
        &[("folgen", "0")],
    )
    .await;
    sign_in(&app, &author_mail).await;
    answer(&app, t, "Noch etwas").await;
    assert_eq!(
        notifications_of(&app, helper, "notif-network-board-reply").await,
        1
    );
}

#[tokio::test]
async fn content_is_hidden_at_the_third_report_and_moderators_act_with_a_log() {
    let app = app().await;
    make_board(&app, "melden").await;
    let (_, author_mail) = person(&app, "author", Role::Participant).await;
    sign_in(&app, &author_mail).await;
    let t = open_thread(&app, "melden", "Harmlose Frage").await;
    let rid = answer(&app, t, "Kauft billige Uhren!").await;
    let thread_path = format!("/netzwerk/austausch/themen/{t}");

    // One's own content cannot be reported.
    let r = app
        .post(
            "/netzwerk/austausch/meldungen",
            &[
                ("target_kind", "reply"),
                ("target_id", &rid.to_string()),
                ("reason", "spam"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    for n in 1..=3 {
        app.forget_cookies();
        app.sign_in_as(Role::Participant).await;
        // "Sonstiges" needs a note: 422 with the form again.
        if n == 1 {
            let r = app
                .post(
                    "/netzwerk/austausch/meldungen",
                    &[
                        ("target_kind", "reply"),
                        ("target_id", &rid.to_string()),
                        ("reason", "other"),
                        ("note", ""),
                    ],
                )
                .await;
            assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
            assert!(r.body.contains("error-summary"));
        }
        let r = app
            .post(
                "/netzwerk/austausch/meldungen",
                &[
                    ("target_kind", "reply"),
                    ("target_id", &rid.to_string()),
                    ("reason", "spam"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let stored = board_reply::Entity::find_by_id(rid)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(stored.hidden_at.is_some(), n == 3, "after report {n}");
    }
    let log = board_moderation_log::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].action.as_str(), log[0].moderator_id),
        ("hide", None)
    );

    // Others see a placeholder; participants get 403 on the queue and actions.
    let page = app.get(&thread_path).await;
    assert!(!page.body.contains("billige Uhren"));
    assert!(page.text(&format!("#antwort-{rid}")).contains("Moderation"));
    app.forget_cookies();
    assert!(!app.get(&thread_path).await.body.contains("billige Uhren"));
    app.sign_in_as(Role::Participant).await;
    assert_eq!(
        app.get("/netzwerk/austausch/moderation").await.status,
        StatusCode::FORBIDDEN
    );
    for action in ["verbergen", "wiederherstellen", "verwerfen"] {
        let r = app
            .post(
                &format!("/netzwerk/austausch/moderation/{action}"),
                &[("target_kind", "reply"), ("target_id", &rid.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }

    // Moderators see it, in the queue and in the thread, and restore it.
    app.forget_cookies();
    let moderator = app.sign_in_as(Role::Moderator).await;
    let queue = app.get("/netzwerk/austausch/moderation").await;
    assert_eq!(queue.status, StatusCode::OK);
    assert!(queue.text(".moderation-queue").contains("billige Uhren"));
    assert!(app.get(&thread_path).await.body.contains("billige Uhren"));
    let r = app
        .post(
            "/netzwerk/austausch/moderation/wiederherstellen",
            &[("target_kind", "reply"), ("target_id", &rid.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.forget_cookies();
    assert!(app.get(&thread_path).await.body.contains("billige Uhren"));

    // Restoring closed the reports; a new report can be dismissed; the
    // thread can be hidden by hand.
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post(
            "/netzwerk/austausch/meldungen",
            &[
                ("target_kind", "thread"),
                ("target_id", &t.to_string()),
                ("reason", "off_topic"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.forget_cookies();
    let mod_mail = dias_core::entities::user::Entity::find_by_id(moderator)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();
    sign_in(&app, &mod_mail).await;
    for (action, kind) in [("verwerfen", "thread"), ("verbergen", "thread")] {
        let r = app
            .post(
                &format!("/netzwerk/austausch/moderation/{action}"),
                &[("target_kind", kind), ("target_id", &t.to_string())],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{action}");
    }
    let actions: Vec<(String, Option<i64>)> = board_moderation_log::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|l| (l.action, l.moderator_id))
        .collect();
    assert_eq!(
        actions,
        vec![
            ("hide".to_owned(), None),
            ("restore".to_owned(), Some(moderator)),
            ("dismiss".to_owned(), Some(moderator)),
            ("hide".to_owned(), Some(moderator)),
        ]
    );
    let audited = audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.starts_with("network.board.moderation."))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 4);
    app.forget_cookies();
    let page = app.get(&thread_path).await;
    assert!(!page.body.contains("Harmlose Frage"));
    assert!(
        !app.get("/netzwerk/austausch/melden")
            .await
            .body
            .contains("Harmlose Frage")
    );
}

#[tokio::test]
async fn a_thread_page_costs_the_same_queries_however_many_replies_it_has() {
    let app = app().await;
    make_board(&app, "viel").await;
    app.sign_in_as(Role::Participant).await;
    let t = open_thread(&app, "viel", "Lange Diskussion").await;
    answer(&app, t, "Die erste Antwort").await;
    let path = format!("/netzwerk/austausch/themen/{t}");
    let (few, r) = app.count_queries(app.get(&path)).await;
    assert_eq!(r.count(".replies > li"), 1);
    let now = dias_core::time::now();
    for n in 0..60 {
        let (user, _) = person(&app, &format!("p{n}"), Role::Participant).await;
        board_reply::ActiveModel {
            thread_id: Set(t),
            author_id: Set(Some(user)),
            quoted_id: Set(None),
            body_md: Set(format!("Antwort {n}")),
            edited_at: Set(None),
            hidden_at: Set(None),
            deleted_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    let (many, r) = app.count_queries(app.get(&path)).await;
    assert_eq!(r.count(".replies > li"), 50);
    assert_eq!(few, many);
    let r = app.get(&format!("{path}?seite=2")).await;
    assert_eq!(r.count(".replies > li"), 11);
    let (board_few, _) = app.count_queries(app.get("/netzwerk/austausch/viel")).await;
    for n in 0..5 {
        open_thread(&app, "viel", &format!("Thema {n}")).await;
    }
    let (board_many, r) = app.count_queries(app.get("/netzwerk/austausch/viel")).await;
    assert_eq!(r.count(".thread-list tbody tr"), 6);
    assert_eq!(board_few, board_many);
}

#[tokio::test]
async fn search_documents_follow_visible_threads() {
    use dias_search::SearchSource;
    let app = app().await;
    make_board(&app, "suche").await;
    app.sign_in_as(Role::Participant).await;
    let t = open_thread(&app, "suche", "Sprachmodelle im Handwerk").await;
    let source = dias_network::boards::ThreadSource;
    let doc = source.one(&app.db, &t.to_string()).await.unwrap().unwrap();
    assert_eq!(doc.title, "Sprachmodelle im Handwerk");
    assert!(doc.body.contains("Forum suche"));
    assert_eq!(doc.url, format!("/netzwerk/austausch/themen/{t}"));
    assert_eq!(source.all(&app.db).await.unwrap().len(), 1);
    board_thread::Entity::update_many()
        .col_expr(board_thread::Column::HiddenAt, Expr::value(Some(1_i64)))
        .exec(&app.db)
        .await
        .unwrap();
    assert!(source.one(&app.db, &t.to_string()).await.unwrap().is_none());
    assert!(source.all(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn every_form_action_of_the_exchange_needs_a_csrf_token() {
    let app = app().await;
    make_board(&app, "csrf").await;
    app.sign_in_as(Role::Participant).await;
    let t = open_thread(&app, "csrf", "Geschützt").await;
    let rid = answer(&app, t, "Auch geschützt").await;
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let routes = [
        "/netzwerk/austausch/neu".to_owned(),
        "/netzwerk/austausch/moderation/verbergen".to_owned(),
        "/netzwerk/austausch/meldungen".to_owned(),
        format!("/netzwerk/austausch/themen/{t}/antworten"),
        format!("/netzwerk/austausch/themen/{t}/folgen"),
        format!("/netzwerk/austausch/antworten/{rid}/bearbeiten"),
        format!("/netzwerk/austausch/antworten/{rid}/loeschen"),
        "/netzwerk/austausch/csrf/neu".to_owned(),
        "/netzwerk/austausch/csrf/folgen".to_owned(),
    ];
    let source = include_str!("../../src/routes/boards.rs");
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app
            .post_raw(
                path,
                &[
                    ("title", "x"),
                    ("description", "x"),
                    ("body", "x"),
                    ("folgen", "1"),
                    ("target_kind", "reply"),
                    ("target_id", &rid.to_string()),
                    ("reason", "spam"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(board::Entity::find().count(&app.db).await.unwrap(), 1);
    assert_eq!(
        board_thread::Entity::find().count(&app.db).await.unwrap(),
        1
    );
    assert_eq!(board_reply::Entity::find().count(&app.db).await.unwrap(), 1);
    let stored = board_reply::Entity::find_by_id(rid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(stored.hidden_at.is_none() && stored.deleted_at.is_none());
    assert_eq!(stored.body_md, "Auch geschützt");
}

#[tokio::test]
async fn the_demo_has_four_boards_with_german_threads_by_generated_participants() {
    let app = app().await;
    let mut ids = Vec::new();
    for i in 0..8 {
        let (id, _) = app
            .create_user(
                &format!("teilnehmende{i}@demo.dias.example"),
                Role::Participant,
            )
            .await;
        ids.push(id);
    }
    app.create_user("redaktion@demo.dias.example", Role::Staff)
        .await;
    let seed = dias_network::module().demo.unwrap();
    seed(
        &app.db,
        dias_web::registry::DemoEnv::new(dias_web::registry::Scale::Small, &app.state.config),
    )
    .await
    .unwrap();
    let boards = board::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(boards.len(), 4);
    let threads = board_thread::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(threads.len(), 12);
    assert!(threads.iter().all(|t| ids.contains(&t.author_id.unwrap())));
    let replies = board_reply::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(
        boards.iter().map(|b| b.replies_count).sum::<i64>(),
        replies as i64
    );
    assert_eq!(boards.iter().map(|b| b.threads_count).sum::<i64>(), 12);
    let index = app.get("/netzwerk/austausch").await;
    assert_eq!(index.count(".board-list > li"), 4);
    assert!(index.text(".board-list").contains("KI in der Produktion"));
    let board = app.get("/netzwerk/austausch/recht-und-ethik").await;
    assert_eq!(board.count(".thread-list tbody tr"), 3);
    let landing = app.get("/netzwerk").await;
    assert!(landing.body.contains("href=\"/netzwerk/austausch\""));
}
