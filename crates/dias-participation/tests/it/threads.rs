//! Long discussions come in pages of top-level comments with their replies.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::comment;
use sea_orm::{ActiveModelTrait, Set};

use crate::flows::{ALL_OPEN, app, new_proposal, process_with};

async fn insert(
    app: &crate::support::TestApp,
    process_id: i64,
    proposal_id: i64,
    author: i64,
    parent: Option<(i64, i32)>,
    body: &str,
) -> i64 {
    comment::ActiveModel {
        process_id: Set(process_id),
        target_kind: Set("proposal".into()),
        target_id: Set(proposal_id),
        parent_id: Set(parent.map(|(id, _)| id)),
        depth: Set(parent.map_or(0, |(_, depth)| depth + 1)),
        author_id: Set(author),
        body: Set(body.into()),
        category: Set(None),
        stance: Set("neutral".into()),
        upvotes: Set(0),
        created_at: Set(dias_core::time::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

#[tokio::test]
async fn long_discussions_are_paged_by_thread_newest_first() {
    let app = app().await;
    let (process_id, _) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    let author = app.sign_in_as(Role::Participant).await;
    let pid = new_proposal(&app, "verfahren", "Ein viel diskutierter Vorschlag").await;
    // 60 threads; the oldest has a reply and a reply to the reply.
    let mut tops = Vec::new();
    for i in 0..60 {
        tops.push(
            insert(
                &app,
                process_id,
                pid,
                author,
                None,
                &format!("Thema Nummer {i:02}"),
            )
            .await,
        );
    }
    let reply = insert(
        &app,
        process_id,
        pid,
        author,
        Some((tops[0], 0)),
        "Antwort auf das älteste Thema",
    )
    .await;
    insert(
        &app,
        process_id,
        pid,
        author,
        Some((reply, 1)),
        "Antwort auf die Antwort",
    )
    .await;

    let (first_queries, first) = app
        .count_queries(app.get(&format!("/beteiligung/verfahren/vorschlaege/{pid}")))
        .await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(
        first.body.contains("Thema Nummer 59"),
        "newest thread first"
    );
    assert!(first.body.contains("Thema Nummer 10"));
    assert!(
        !first.body.contains("Thema Nummer 09"),
        "ten threads on page 2"
    );
    assert!(!first.body.contains("Antwort auf das älteste"));
    assert!(first.body.contains("seite=2"), "a link to page 2");

    let (second_queries, second) = app
        .count_queries(app.get(&format!("/beteiligung/verfahren/vorschlaege/{pid}?seite=2")))
        .await;
    assert_eq!(second.status, StatusCode::OK);
    let body = &second.body;
    let oldest = body.find("Thema Nummer 00").unwrap();
    let answer = body.find("Antwort auf das älteste Thema").unwrap();
    let nested = body.find("Antwort auf die Antwort").unwrap();
    assert!(
        oldest < answer && answer < nested,
        "replies follow their thread"
    );
    assert!(!body.contains("Thema Nummer 10"));
    // The cost is set by the page, not by the discussion: page 2 needs one
    // query more only because its replies go one level deeper.
    assert_eq!(second_queries, first_queries + 1);
    let small = new_proposal(&app, "verfahren", "Ein kaum diskutierter Vorschlag").await;
    insert(&app, process_id, small, author, None, "Einziger Kommentar").await;
    let (small_queries, _) = app
        .count_queries(app.get(&format!("/beteiligung/verfahren/vorschlaege/{small}")))
        .await;
    assert_eq!(
        small_queries, first_queries,
        "1 thread or 60 threads: same queries"
    );

    // The permalink of a reply in an old thread finds page 2 and keeps a notice.
    let r = app
        .get(&format!(
            "/beteiligung/verfahren/kommentare/{reply}?hinweis=gemeldet"
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location(),
        format!(
            "/beteiligung/verfahren/vorschlaege/{pid}?seite=2&hinweis=gemeldet#kommentar-{reply}"
        )
    );
    let newest = tops[59];
    let r = app
        .get(&format!("/beteiligung/verfahren/kommentare/{newest}"))
        .await;
    assert_eq!(
        r.location(),
        format!("/beteiligung/verfahren/vorschlaege/{pid}#kommentar-{newest}")
    );
    assert_eq!(
        app.get("/beteiligung/verfahren/kommentare/999999")
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // Replying in a thread of page 2 leads back to page 2.
    let r = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{pid}/kommentare"),
            &[
                ("body", "Noch eine Antwort"),
                ("parent_id", &tops[3].to_string()),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        r.location()
            .contains("?seite=2&hinweis=kommentar-gespeichert#kommentar-"),
        "{}",
        r.location()
    );
    // A new top-level comment is on page 1.
    let r = app
        .post(
            &format!("/beteiligung/verfahren/vorschlaege/{pid}/kommentare"),
            &[("body", "Ein ganz neues Thema")],
        )
        .await;
    assert!(!r.location().contains("seite="), "{}", r.location());
    for bad in ["0", "x", "100000"] {
        assert_eq!(
            app.get(&format!(
                "/beteiligung/verfahren/vorschlaege/{pid}?seite={bad}"
            ))
            .await
            .status,
            StatusCode::BAD_REQUEST,
            "{bad}"
        );
    }
}
