use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_participation::entities::{comment, proposal};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::flows::{ALL_OPEN, app, new_proposal, process_with};

async fn newest_comment(app: &crate::support::TestApp) -> comment::Model {
    comment::Entity::find()
        .order_by_desc(comment::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

#[tokio::test]
async fn helpful_marks_edits_within_the_window_and_deletion_with_placeholder() {
    let app = app().await;
    let (_, paragraphs) = process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.create_user("autorin@example.org", Role::Participant)
        .await;
    app.login("autorin@example.org", None).await;
    let pid = new_proposal(&app, "verfahren", "Ein Vorschlag mit Kommentaren").await;
    app.post(
        &format!("/beteiligung/verfahren/vorschlaege/{pid}/kommentare"),
        &[("body", "Erster Gedanke")],
    )
    .await;
    let mine = newest_comment(&app).await;

    // Not on one's own comment.
    let own = app
        .post(
            &format!("/beteiligung/verfahren/kommentare/{}/hilfreich", mine.id),
            &[],
        )
        .await;
    assert_eq!(own.status, StatusCode::CONFLICT);
    // Edit within the window.
    let edited = app
        .post(
            &format!("/beteiligung/verfahren/kommentare/{}/bearbeiten", mine.id),
            &[("body", "Zweiter Gedanke")],
        )
        .await;
    assert_eq!(edited.status, StatusCode::SEE_OTHER);
    assert!(
        edited
            .location()
            .contains(&format!("#kommentar-{}", mine.id))
    );
    let empty = app
        .post(
            &format!("/beteiligung/verfahren/kommentare/{}/bearbeiten", mine.id),
            &[("body", " ")],
        )
        .await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(empty.body.contains("error-summary"));
    let page = app
        .get(&format!("/beteiligung/verfahren/vorschlaege/{pid}"))
        .await;
    assert!(page.body.contains("Zweiter Gedanke") && page.body.contains("bearbeitet"));

    // Someone else marks it helpful, and takes it back.
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    app.post(
        &format!("/beteiligung/verfahren/kommentare/{}/hilfreich", mine.id),
        &[],
    )
    .await;
    assert_eq!(
        comment::Entity::find_by_id(mine.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .upvotes,
        1
    );
    assert!(
        app.get(&format!("/beteiligung/verfahren/vorschlaege/{pid}"))
            .await
            .body
            .contains("1 Person fand das hilfreich.")
    );
    app.post(
        &format!("/beteiligung/verfahren/kommentare/{}/hilfreich", mine.id),
        &[],
    )
    .await;
    assert_eq!(
        comment::Entity::find_by_id(mine.id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .upvotes,
        0
    );
    // Others can neither edit nor delete it.
    let foreign = app
        .post(
            &format!("/beteiligung/verfahren/kommentare/{}/bearbeiten", mine.id),
            &[("body", "Gekapert")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::FORBIDDEN);
    assert_eq!(
        app.post(
            &format!("/beteiligung/verfahren/kommentare/{}/loeschen", mine.id),
            &[]
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
    // A reply on a paragraph needs no category.
    app.post(
        &format!("/beteiligung/verfahren/text/{}/kommentare", paragraphs[0]),
        &[("category", "frage"), ("body", "Frage?")],
    )
    .await;
    let question = newest_comment(&app).await;
    let reply = app
        .post(
            &format!("/beteiligung/verfahren/text/{}/kommentare", paragraphs[0]),
            &[
                ("body", "Antwort!"),
                ("parent_id", &question.id.to_string()),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(newest_comment(&app).await.depth, 1);

    // After the window the author can no longer edit, but can delete; a placeholder stays.
    app.forget_cookies();
    app.login("autorin@example.org", None).await;
    comment::Entity::update_many()
        .col_expr(
            comment::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(dias_core::time::now() - 3_600),
        )
        .filter(comment::Column::Id.eq(mine.id))
        .exec(&app.db)
        .await
        .unwrap();
    let late = app
        .post(
            &format!("/beteiligung/verfahren/kommentare/{}/bearbeiten", mine.id),
            &[("body", "Zu spät")],
        )
        .await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    let before = proposal::Entity::find_by_id(pid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .comments_count;
    let deleted = app
        .post(
            &format!("/beteiligung/verfahren/kommentare/{}/loeschen", mine.id),
            &[],
        )
        .await;
    assert_eq!(deleted.status, StatusCode::SEE_OTHER);
    let row = comment::Entity::find_by_id(mine.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.deleted_at.is_some(), "kept, marked deleted");
    assert_eq!(
        proposal::Entity::find_by_id(pid)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
            .comments_count,
        before - 1
    );
    let page = app
        .get(&format!("/beteiligung/verfahren/vorschlaege/{pid}"))
        .await;
    assert!(page.body.contains("gelöscht"));
    assert!(!page.body.contains("Zweiter Gedanke"));
}

#[tokio::test]
async fn comment_actions_refuse_requests_without_token() {
    let app = app().await;
    process_with(&app, "verfahren", ALL_OPEN, 10).await;
    app.sign_in_as(Role::Participant).await;
    let source = include_str!("../../src/routes/comments.rs");
    let routes = ["hilfreich", "bearbeiten", "loeschen"];
    assert_eq!(source.matches("post(").count(), routes.len());
    for action in routes {
        let r = app
            .post_raw(
                &format!("/beteiligung/verfahren/kommentare/1/{action}"),
                &[("body", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{action}");
    }
}
