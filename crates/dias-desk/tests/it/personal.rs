//! The desk in the account export and deletion: a sender's inquiries with
//! their public conversation, a staff member's notes and replies; deleting
//! the sender's account anonymizes the inquiries, deleting the staff
//! member's unlinks them from what they wrote.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_desk::entities::{desk_attachment, desk_event, desk_faq};
use dias_desk::store::{self, NewInquiry};
use dias_desk::vocab::event;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::faq::{MONDAY, reply, secret};
use crate::helpers::app;
use crate::support::PASSWORD;

#[tokio::test]
async fn a_senders_inquiries_are_exported_and_anonymized_with_the_account() {
    let app = app().await;
    let (staff, _) = app.create_user("team@example.org", Role::Staff).await;
    let person = app.sign_in_as(Role::Participant).await;
    let new = NewInquiry {
        user_id: Some(person),
        ..crate::store::inquiry("Meine Frage zum Ausbau")
    };
    let (mine, token) = store::create(&app.db, &secret(&app), new, MONDAY)
        .await
        .unwrap();
    // Someone else's inquiry is neither exported nor touched.
    let (other, other_token) = store::create(
        &app.db,
        &secret(&app),
        crate::store::inquiry("Fremd"),
        MONDAY,
    )
    .await
    .unwrap();
    reply(
        &app,
        mine.id,
        staff,
        "Unsere öffentliche Antwort.",
        MONDAY + 60,
    )
    .await;
    let note = store::add_event(
        &app.db,
        mine.id,
        event::NOTE,
        Some(staff),
        false,
        "Nur intern.",
        "",
        MONDAY + 120,
    )
    .await
    .unwrap();
    desk_attachment::ActiveModel {
        inquiry_id: Set(mine.id),
        event_id: Set(Some(note)),
        filename: Set("Vermerk-intern.pdf".into()),
        mime: Set("application/pdf".into()),
        size: Set(9),
        data: Set(b"%PDF-1.4\n".to_vec()),
        created_at: Set(MONDAY + 120),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();

    let export = app.get("/konto/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let section = &json["modules"]["anfragen"];
    let inquiries = section["inquiries"].as_array().unwrap();
    assert_eq!(inquiries.len(), 1);
    assert_eq!(inquiries[0]["reference"], mine.reference);
    assert_eq!(inquiries[0]["subject"], "Meine Frage zum Ausbau");
    assert_eq!(inquiries[0]["email"], "erika@example.org");
    assert_eq!(
        inquiries[0]["conversation"][0]["text"],
        "Unsere öffentliche Antwort."
    );
    assert!(!export.body.contains("Nur intern."));
    // What else the person gave or saw: the file (not its bytes), the page
    // the inquiry started from, the linked pages and the last change.
    let exported = &inquiries[0];
    assert_eq!(
        exported["attachments"],
        serde_json::json!([{
            "filename": "plan.pdf",
            "type": "application/pdf",
            "bytes": 9,
            "at": dias_core::time::format_rfc3339(MONDAY),
        }])
    );
    assert!(!export.body.contains("Vermerk-intern.pdf"));
    assert_eq!(exported["context"], "/breitband/gemeinden/14521010");
    assert_eq!(
        exported["links"][0]["path"],
        "/breitband/gemeinden/14521010"
    );
    let updated = store::by_id(&app.db, mine.id)
        .await
        .unwrap()
        .unwrap()
        .updated_at;
    assert_eq!(
        exported["updated"],
        dias_core::time::format_rfc3339(updated)
    );
    assert!(!export.body.contains(&other.reference));

    let r = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let after = store::by_id(&app.db, mine.id).await.unwrap().unwrap();
    assert!(after.anonymized_at.is_some());
    assert_eq!(after.user_id, None);
    assert_eq!(after.sender_email, "");
    assert_eq!(after.message, "");
    assert!(store::by_token(&app.db, &token).await.unwrap().is_none());
    let untouched = store::by_id(&app.db, other.id).await.unwrap().unwrap();
    assert!(untouched.anonymized_at.is_none());
    assert!(
        store::by_token(&app.db, &other_token)
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn a_staff_members_writing_is_exported_and_kept_without_them() {
    let app = app().await;
    let staff = app.sign_in_as(Role::Staff).await;
    let (inquiry, _) = store::create(
        &app.db,
        &secret(&app),
        crate::store::inquiry("Frage"),
        MONDAY,
    )
    .await
    .unwrap();
    reply(
        &app,
        inquiry.id,
        staff,
        "Die Antwort der Redaktion.",
        MONDAY + 60,
    )
    .await;
    store::add_event(
        &app.db,
        inquiry.id,
        event::NOTE,
        Some(staff),
        false,
        "Rückruf vereinbart.",
        "",
        MONDAY + 120,
    )
    .await
    .unwrap();
    let r = app
        .post(
            &format!("/anfragen/verwaltung/{}/faq", inquiry.id),
            &[
                ("topic", "breitband"),
                ("question", "Wie läuft die Markterkundung?"),
                ("answer", "In acht Wochen."),
                ("confirmed", "1"),
                ("published", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);

    let export = app.get("/konto/export").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let section = &json["modules"]["anfragen"];
    let written = section["notes_and_replies"].as_array().unwrap();
    assert_eq!(written.len(), 2);
    assert_eq!(written[0]["inquiry"], inquiry.reference);
    assert_eq!(written[0]["kind"], "reply");
    assert_eq!(written[1]["text"], "Rückruf vereinbart.");
    assert_eq!(
        section["faq_entries"][0]["url"],
        "/anfragen/faq/wie-laeuft-die-markterkundung"
    );
    assert_eq!(section["inquiries"], serde_json::json!([]));

    let r = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The agency's record stays, without its author.
    let authored = desk_event::Entity::find()
        .filter(desk_event::Column::AuthorId.eq(staff))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(authored, 0);
    let history = store::history(&app.db, inquiry.id, false).await.unwrap();
    assert!(history.iter().any(|e| e.body == "Rückruf vereinbart."));
    let entry = desk_faq::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(entry.created_by, None);
    assert!(entry.published);
    let kept = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();
    assert!(
        kept.anonymized_at.is_none(),
        "not the staff member's inquiry"
    );
}
