//! Retention: exactly the inquiries closed more than the configured months
//! ago are anonymized; the status link dies; statistics still count them;
//! the privacy page states the period.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_desk::entities::{desk_attachment, desk_event, desk_inquiry, desk_link};
use dias_desk::retention::{self, ANONYMIZED_SUBJECT};
use dias_desk::store;
use dias_desk::vocab::{Status, event};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::faq::{MONDAY, close, received, reply};
use crate::helpers::app;
use crate::support::TestApp;

async fn attachments(app: &TestApp, id: i64) -> u64 {
    desk_attachment::Entity::find()
        .filter(desk_attachment::Column::InquiryId.eq(id))
        .count(&app.db)
        .await
        .unwrap()
}

async fn anonymized_events(app: &TestApp, id: i64) -> usize {
    store::history(&app.db, id, false)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.kind == event::ANONYMIZED)
        .count()
}

#[tokio::test]
async fn exactly_the_inquiries_closed_before_the_period_are_anonymized() {
    let app = app().await;
    let (staff, _) = app.create_user("team@example.org", Role::Staff).await;
    let months = app.state.config.desk_retention_months;
    assert_eq!(months, 12);
    // A run about 13 months after the first inquiries arrived.
    let now = MONDAY + 400 * 86_400;
    let cutoff = retention::cutoff(now, months);
    let received_at = cutoff - 60 * 86_400;

    let mut closed = Vec::new();
    for (subject, closed_at) in [
        ("Eine Sekunde zu alt", cutoff - 1),
        ("Genau an der Grenze", cutoff),
        ("Einen Tag jünger", cutoff + 86_400),
    ] {
        let (inquiry, token) = received(&app, subject, received_at).await;
        reply(
            &app,
            inquiry.id,
            staff,
            "Die Antwort an Frau Muster.",
            received_at + 3600,
        )
        .await;
        store::add_event(
            &app.db,
            inquiry.id,
            event::NOTE,
            Some(staff),
            false,
            "Intern: Frau Muster anrufen",
            "",
            received_at + 7200,
        )
        .await
        .unwrap();
        close(&app, inquiry.id, staff, closed_at).await;
        let subject = format!("Antwort auf Ihre Anfrage {}: {subject}", inquiry.reference);
        dias_core::mail::queue(&app.db, "erika@example.org", &subject, "Die Antwort …")
            .await
            .unwrap();
        closed.push((inquiry, token));
    }
    // Open for a long time: never anonymized.
    let (open, open_token) = received(&app, "Noch offen", received_at - 300 * 86_400).await;
    // Anonymized before: left as it is.
    let (earlier, _) = received(&app, "Schon anonymisiert", received_at - 200 * 86_400).await;
    close(&app, earlier.id, staff, received_at - 199 * 86_400).await;
    let first_run = received_at - 10 * 86_400;
    retention::anonymize(&app.db, &[earlier.id], first_run)
        .await
        .unwrap();

    let count = retention::anonymize_expired(&app.db, months, now, None)
        .await
        .unwrap();
    assert_eq!(count, 1);

    let (old, old_token) = &closed[0];
    let after = store::by_id(&app.db, old.id).await.unwrap().unwrap();
    assert_eq!(after.anonymized_at, Some(now));
    assert_eq!(after.sender_name, "");
    assert_eq!(after.sender_email, "");
    assert_eq!(after.user_id, None);
    assert_eq!(after.subject, ANONYMIZED_SUBJECT);
    assert_eq!(after.message, "");
    assert_eq!(after.token_salt, None);
    assert_eq!(after.token_hash, None);
    assert_eq!(after.context_path, None);
    // Kept for the statistics.
    assert_eq!(after.topic, old.topic);
    assert_eq!(after.sender_type, old.sender_type);
    assert_eq!(after.ags8.as_deref(), Some("14521010"));
    assert_eq!(after.status, "geschlossen");
    assert_eq!(after.created_at, old.created_at);
    assert_eq!(after.closed_at, Some(cutoff - 1));
    assert!(after.first_answer_at.is_some());
    assert_eq!(after.reference, old.reference);
    // Every text of the history is gone, one entry records the step.
    let history = store::history(&app.db, old.id, false).await.unwrap();
    assert!(
        history
            .iter()
            .all(|e| e.body.is_empty() && e.data.is_empty())
    );
    assert_eq!(anonymized_events(&app, old.id).await, 1);
    assert_eq!(attachments(&app, old.id).await, 0);
    assert_eq!(
        desk_link::Entity::find()
            .filter(desk_link::Column::InquiryId.eq(old.id))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    // The mails about it are gone from the queue, the others' stay.
    assert_eq!(app.mail_count_to("erika@example.org").await, 2);
    assert!(
        dias_core::entities::mail::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .iter()
            .all(|m| !m.subject.contains(&old.reference))
    );
    // The status link opens nothing any more.
    assert!(store::by_token(&app.db, old_token).await.unwrap().is_none());
    assert_eq!(
        app.get(&format!("/anfragen/status/{old_token}"))
            .await
            .status,
        StatusCode::NOT_FOUND
    );

    // The others are untouched.
    for (inquiry, token) in closed[1..]
        .iter()
        .chain([(open.clone(), open_token.clone())].iter())
    {
        let kept = store::by_id(&app.db, inquiry.id).await.unwrap().unwrap();
        assert_eq!(kept.anonymized_at, None, "{}", inquiry.subject);
        assert_eq!(kept.sender_email, "erika@example.org");
        assert_eq!(attachments(&app, inquiry.id).await, 1);
        assert!(store::by_token(&app.db, token).await.unwrap().is_some());
        assert_eq!(
            app.get(&format!("/anfragen/status/{token}")).await.status,
            StatusCode::OK
        );
    }
    let earlier_after = store::by_id(&app.db, earlier.id).await.unwrap().unwrap();
    assert_eq!(earlier_after.anonymized_at, Some(first_run));
    assert_eq!(anonymized_events(&app, earlier.id).await, 1);

    // A second run finds nothing more.
    assert_eq!(
        retention::anonymize_expired(&app.db, months, now, None)
            .await
            .unwrap(),
        0
    );
    // The statistics count all five.
    let themes = app.get("/anfragen/statistik/themen.csv").await;
    assert!(themes.body.contains("Breitband,5"), "{}", themes.body);
    let notes = desk_event::Entity::find()
        .filter(desk_event::Column::Body.contains("Muster"))
        .all(&app.db)
        .await
        .unwrap();
    assert!(notes.iter().all(|e| e.inquiry_id != old.id));
}

#[tokio::test]
async fn the_job_runs_daily_and_the_privacy_page_names_the_period() {
    let module = dias_desk::module();
    let schedule = module
        .schedules
        .iter()
        .find(|s| s.kind == retention::RETENTION_JOB)
        .unwrap();
    assert_eq!(schedule.every_secs, 86_400);
    assert!(
        module
            .jobs
            .iter()
            .any(|(k, _)| *k == retention::RETENTION_JOB)
    );

    let app = app().await;
    let de = app.get("/datenschutz").await;
    assert_eq!(de.status, StatusCode::OK);
    assert!(de.body.contains("12 Monate"), "{}", de.body);
    assert!(!de.body.contains("{anfragen-aufbewahrung}"));
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post("/sprache", &[("lang", "en"), ("zurueck", "/datenschutz")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let en = app.get("/datenschutz").await;
    assert!(en.body.contains("12 months"), "{}", en.body);
}

#[tokio::test]
async fn the_job_anonymizes_and_reports_its_progress() {
    let app = app().await;
    let (staff, _) = app.create_user("team@example.org", Role::Staff).await;
    let now = dias_core::time::now();
    let (old, _) = received(&app, "Alt", now - 500 * 86_400).await;
    close(&app, old.id, staff, now - 400 * 86_400).await;
    let (recent, _) = received(&app, "Neu", now - 100 * 86_400).await;
    close(&app, recent.id, staff, now - 90 * 86_400).await;

    let handler = retention::RetentionJob::handler();
    handler.bind(&dias_core::jobs::JobEnv {
        catalog: app.state.catalog.clone(),
        public_url: "https://dias.example".into(),
        config: app.state.config.clone(),
    });
    let job_id = dias_core::jobs::enqueue(
        &app.db,
        retention::RETENTION_JOB,
        serde_json::Value::Null,
        None,
    )
    .await
    .unwrap();
    let job = dias_core::entities::job::Entity::find_by_id(job_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    handler
        .run(dias_core::jobs::JobContext {
            db: app.db.clone(),
            job,
        })
        .await
        .unwrap();
    let job = dias_core::entities::job::Entity::find_by_id(job_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((job.progress, job.progress_total), (1, 1));
    let old = store::by_id(&app.db, old.id).await.unwrap().unwrap();
    assert!(old.anonymized_at.is_some());
    let recent = store::by_id(&app.db, recent.id).await.unwrap().unwrap();
    assert!(recent.anonymized_at.is_none());
}

#[tokio::test]
async fn the_scheduled_job_follows_the_configured_period() {
    let app = app().await;
    let (staff, _) = app.create_user("team@example.org", Role::Staff).await;
    let now = dias_core::time::now();
    // Closed about 13 months ago: past the default 12, within 24.
    let (closed, _) = received(&app, "Dreizehn Monate", now - 420 * 86_400).await;
    close(&app, closed.id, staff, now - 400 * 86_400).await;

    let mut config = (*app.state.config).clone();
    config.desk_retention_months = 24;
    let run_with = |config: dias_core::config::Config| {
        let app = &app;
        async move {
            let handler = retention::RetentionJob::handler();
            handler.bind(&dias_core::jobs::JobEnv {
                catalog: app.state.catalog.clone(),
                public_url: "https://dias.example".into(),
                config: std::sync::Arc::new(config),
            });
            let job_id = dias_core::jobs::enqueue(
                &app.db,
                retention::RETENTION_JOB,
                serde_json::Value::Null,
                None,
            )
            .await
            .unwrap();
            let job = dias_core::entities::job::Entity::find_by_id(job_id)
                .one(&app.db)
                .await
                .unwrap()
                .unwrap();
            handler
                .run(dias_core::jobs::JobContext {
                    db: app.db.clone(),
                    job,
                })
                .await
                .unwrap();
        }
    };
    run_with(config).await;
    let kept = store::by_id(&app.db, closed.id).await.unwrap().unwrap();
    assert!(kept.anonymized_at.is_none(), "24 months configured");

    run_with((*app.state.config).clone()).await;
    let gone = store::by_id(&app.db, closed.id).await.unwrap().unwrap();
    assert!(gone.anonymized_at.is_some(), "12 months configured");
}

/// Sets status and last change of an inquiry as if staff had left it so.
async fn left_at(app: &TestApp, id: i64, status: Status, updated_at: i64) -> desk_inquiry::Model {
    let row = store::by_id(&app.db, id).await.unwrap().unwrap();
    let mut active: desk_inquiry::ActiveModel = row.into();
    active.status = Set(status.key().to_owned());
    active.updated_at = Set(updated_at);
    if status == Status::Closed {
        active.closed_at = Set(Some(updated_at));
    }
    active.update(&app.db).await.unwrap()
}

#[tokio::test]
async fn answered_and_waiting_inquiries_close_after_thirty_quiet_days() {
    let app = app().await;
    let now = MONDAY + 400 * 86_400;
    let day = 86_400;
    let mut cases = Vec::new();
    for (subject, status, quiet, closes) in [
        ("Beantwortet, 31 Tage", Status::Answered, 31 * day, true),
        ("Rückfrage, 31 Tage", Status::AwaitingSender, 31 * day, true),
        (
            "Beantwortet, genau 30 Tage",
            Status::Answered,
            30 * day,
            true,
        ),
        (
            "Rückfrage, 30 Tage weniger 1 s",
            Status::AwaitingSender,
            30 * day - 1,
            false,
        ),
        ("Beantwortet, 29 Tage", Status::Answered, 29 * day, false),
        (
            "Rückfrage, 29 Tage",
            Status::AwaitingSender,
            29 * day,
            false,
        ),
        ("Neu, 90 Tage", Status::New, 90 * day, false),
        (
            "In Bearbeitung, 90 Tage",
            Status::InProgress,
            90 * day,
            false,
        ),
        ("Geschlossen, 90 Tage", Status::Closed, 90 * day, false),
    ] {
        let (inquiry, token) = received(&app, subject, now - 120 * day).await;
        let before = left_at(&app, inquiry.id, status, now - quiet).await;
        cases.push((before, token, status, closes));
    }
    // Anonymized ones are left alone even when they look waiting.
    let (gone, _) = received(&app, "Anonymisiert", now - 120 * day).await;
    left_at(&app, gone.id, Status::Answered, now - 60 * day).await;
    retention::anonymize(&app.db, &[gone.id], now - 50 * day)
        .await
        .unwrap();
    let gone_before = store::by_id(&app.db, gone.id).await.unwrap().unwrap();

    assert_eq!(retention::close_inactive(&app.db, now).await.unwrap(), 3);
    for (before, token, status, closes) in &cases {
        let after = store::by_id(&app.db, before.id).await.unwrap().unwrap();
        let history = store::history(&app.db, before.id, true).await.unwrap();
        if *closes {
            assert_eq!(after.status, "geschlossen", "{}", before.subject);
            assert_eq!(after.closed_at, Some(now));
            assert_eq!(after.updated_at, now);
            assert_eq!(after.version, before.version + 1);
            let last = history.last().unwrap();
            assert_eq!(last.kind, event::STATUS);
            assert!(last.public);
            assert_eq!(last.body, "");
            assert_eq!(
                dias_desk::sender::status_of_event(&last.data, &last.body),
                Some(Status::Closed)
            );
            assert!(last.data.contains(status.key()), "{}", last.data);
            // The sender sees a neutral line and can still reply.
            let page = app.get(&format!("/anfragen/status/{token}")).await;
            assert!(
                page.text("#verlauf")
                    .contains("Stand geändert: Geschlossen")
            );
            assert!(page.text("#stand").contains("Geschlossen"));
        } else {
            assert_eq!(&after, before, "{}", before.subject);
            assert!(history.iter().all(|e| e.kind != event::STATUS));
        }
    }
    assert_eq!(
        store::by_id(&app.db, gone.id).await.unwrap().unwrap(),
        gone_before
    );
    // A second run finds nothing more to close.
    assert_eq!(retention::close_inactive(&app.db, now).await.unwrap(), 0);

    // The retention period runs from the closing.
    let months = app.state.config.desk_retention_months;
    let almost = now + 300 * day;
    assert!(retention::cutoff(almost, months) < now);
    assert_eq!(
        retention::anonymize_expired(&app.db, months, almost, None)
            .await
            .unwrap(),
        1,
        "only the inquiry closed 90 days before"
    );
    let later = now + 400 * day;
    assert_eq!(
        retention::anonymize_expired(&app.db, months, later, None)
            .await
            .unwrap(),
        3
    );
}

#[tokio::test]
async fn the_status_page_and_the_privacy_page_tell_of_the_automatic_closing() {
    let app = app().await;
    let (inquiry, token) = received(&app, "Frage", MONDAY).await;
    let path = format!("/anfragen/status/{token}");
    for status in [Status::Answered, Status::AwaitingSender] {
        left_at(&app, inquiry.id, status, MONDAY).await;
        let page = app.get(&path).await;
        assert!(page.text("#stand").contains("30 Tagen"), "{status:?}");
    }
    let privacy = app.get("/datenschutz").await;
    assert!(privacy.body.contains("30 Tage lang nichts mehr geschieht"));
}
