//! The inquiry store: references, private tokens, history visibility.

use dias_desk::store::{self, NewAttachment, NewInquiry};
use dias_desk::vocab::{SenderType, Topic, event};

use crate::helpers::app;

const SECRET: &[u8] = b"a test key of at least thirty-two bytes";

pub(crate) fn inquiry(subject: &str) -> NewInquiry {
    NewInquiry {
        sender_type: SenderType::Municipality,
        topic: Topic::Broadband,
        ags8: Some("14521010".into()),
        subject: subject.into(),
        message: "Wie läuft ein Markterkundungsverfahren ab?".into(),
        sender_name: "Erika Muster".into(),
        sender_email: "erika@example.org".into(),
        user_id: None,
        locale: "de".into(),
        context_path: Some("/breitband/gemeinden/14521010".into()),
        attachment: Some(NewAttachment {
            filename: "plan.pdf".into(),
            mime: "application/pdf".into(),
            data: b"%PDF-1.4\n".to_vec(),
        }),
    }
}

#[tokio::test]
async fn a_new_inquiry_gets_a_reference_and_a_token_only_it_opens() {
    let app = app().await;
    // Monday 16 Nov 2026, 10:00 Berlin.
    let now = 1_794_819_600;
    let (first, token) = store::create(&app.db, SECRET, inquiry("Erste"), now)
        .await
        .unwrap();
    let (second, other) = store::create(&app.db, SECRET, inquiry("Zweite"), now)
        .await
        .unwrap();
    assert_eq!(first.reference, format!("DIAS-2026-{:06}", first.id));
    assert_ne!(first.reference, second.reference);
    assert_eq!(first.status, "neu");
    // Five working days without Buß- und Bettag (18 Nov): end of Tuesday 24 Nov.
    assert_eq!(
        dias_desk::calendar::berlin_date(first.due_at),
        jiff::civil::date(2026, 11, 24)
    );
    assert_eq!(token.len(), 43);
    assert_eq!(first.token_hash.as_deref().map(str::len), Some(64));
    assert_ne!(first.token_hash.as_deref(), Some(token.as_str()));
    assert_eq!(
        store::status_token(SECRET, &first).as_deref(),
        Some(token.as_str())
    );
    assert_ne!(
        store::status_token(b"another key of at least thirty-two b", &first).as_deref(),
        Some(token.as_str())
    );

    let found = store::by_token(&app.db, &token).await.unwrap().unwrap();
    assert_eq!(found.id, first.id);
    assert_eq!(
        store::by_token(&app.db, &other).await.unwrap().unwrap().id,
        second.id
    );
    let mut guessed = token.clone();
    guessed.replace_range(0..1, if token.starts_with('A') { "B" } else { "A" });
    assert!(store::by_token(&app.db, &guessed).await.unwrap().is_none());
    assert!(store::by_token(&app.db, "").await.unwrap().is_none());
    assert!(
        store::by_reference(&app.db, &first.reference.to_lowercase())
            .await
            .unwrap()
            .is_some()
    );

    let history = store::history(&app.db, first.id, true).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, event::CREATED);
    store::add_event(
        &app.db,
        first.id,
        event::NOTE,
        None,
        false,
        "intern",
        "",
        now,
    )
    .await
    .unwrap();
    assert_eq!(
        store::history(&app.db, first.id, true).await.unwrap().len(),
        1
    );
    assert_eq!(
        store::history(&app.db, first.id, false)
            .await
            .unwrap()
            .len(),
        2
    );

    let files = store::attachments(&app.db, first.id).await.unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0].size, 9);
    assert!(
        store::attachment(&app.db, second.id, files[0].id)
            .await
            .unwrap()
            .is_none()
    );
    let links = store::links(&app.db, first.id).await.unwrap();
    assert_eq!(links[0].path, "/breitband/gemeinden/14521010");
}
