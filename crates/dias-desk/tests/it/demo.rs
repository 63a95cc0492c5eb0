//! The demo data: seeded on a fresh database as `dias demo` does (after the
//! shell's demo accounts), it is complete and consistent — every status,
//! topic and sender type, times that fit the status, assignees from the
//! topic's team, internal notes never public, FAQ entries from closed
//! inquiries; and `Scale::Large` adds thousands of inquiries with proper
//! references.

use std::collections::{HashMap, HashSet};

use axum::http::StatusCode;
use dias_core::entities::user;
use dias_core::policy::Role;
use dias_desk::entities::{
    desk_attachment, desk_event, desk_faq, desk_inquiry, desk_team, desk_team_member,
    desk_template, desk_topic,
};
use dias_desk::vocab::{SenderType, Status, Topic, event};
use dias_web::registry::Scale;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::helpers::app;
use crate::support::{PASSWORD, TestApp};

const REDAKTION: &str = "redaktion@demo.dias.example";

/// Seeds the module's demo data after the staff and participant accounts
/// of `dias demo`.
async fn seeded(scale: Scale) -> (TestApp, i64, String) {
    let app = app().await;
    let rita = dias_core::accounts::create_verified(
        &app.db,
        REDAKTION,
        "Rita Redaktion",
        PASSWORD,
        Role::Staff,
    )
    .await
    .unwrap();
    dias_core::accounts::create_verified(
        &app.db,
        "buerger@demo.dias.example",
        "Anna Beispiel",
        PASSWORD,
        Role::Participant,
    )
    .await
    .unwrap();
    let seeder = dias_desk::module().demo.expect("the module has demo data");
    let env = dias_web::registry::DemoEnv::new(scale, &app.state.config);
    let summary = seeder(&app.db, env).await.unwrap();
    (app, rita.id, summary)
}

/// The last status an inquiry's history records.
fn last_status(events: &[desk_event::Model]) -> Option<Status> {
    events.iter().rev().find_map(|e| {
        let data: serde_json::Value = serde_json::from_str(&e.data).ok()?;
        let key = match e.kind.as_str() {
            k if k == event::STATUS => data.get("to")?.as_str()?.to_owned(),
            k if k == event::REPLY => data.get("status")?.as_str()?.to_owned(),
            _ => return None,
        };
        Status::parse(&key)
    })
}

/// Checks every inquiry against its history; returns them.
async fn consistent_inquiries(app: &TestApp) -> Vec<desk_inquiry::Model> {
    let now = dias_core::time::now();
    let inquiries = desk_inquiry::Entity::find().all(&app.db).await.unwrap();
    // Every status link works, so that mails about demo inquiries lead
    // to their page: the salt was signed with the instance's key.
    let key = app.state.config.secret_key.expose().as_bytes();
    for inquiry in &inquiries {
        let token = dias_desk::store::status_token(key, inquiry).expect("a status link");
        let found = dias_desk::store::by_token(&app.db, &token).await.unwrap();
        assert_eq!(
            found.map(|f| f.id),
            Some(inquiry.id),
            "{}",
            inquiry.reference
        );
    }
    let events = desk_event::Entity::find()
        .order_by_asc(desk_event::Column::At)
        .order_by_asc(desk_event::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let mut by_inquiry: HashMap<i64, Vec<desk_event::Model>> = HashMap::new();
    for e in events {
        by_inquiry.entry(e.inquiry_id).or_default().push(e);
    }
    let members: HashSet<(i64, i64)> = desk_team_member::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| (m.team_id, m.user_id))
        .collect();
    let mut references = HashSet::new();
    for i in &inquiries {
        let status = Status::parse(&i.status).unwrap_or_else(|| panic!("{}", i.status));
        assert!(Topic::parse(&i.topic).is_some(), "{}", i.topic);
        assert!(SenderType::parse(&i.sender_type).is_some());
        let year = dias_desk::calendar::berlin_date(i.created_at).year();
        assert_eq!(i.reference, dias_desk::store::reference(year, i.id));
        assert!(references.insert(i.reference.clone()));
        assert!(i.token_hash.is_some() && i.token_salt.is_some());
        assert!(i.created_at <= now && i.created_at > now - 340 * 86_400);
        assert!(i.updated_at >= i.created_at && i.updated_at <= now);
        assert!(i.due_at > i.created_at);
        assert!(
            i.sender_email.ends_with("@example.org")
                || i.sender_email == "buerger@demo.dias.example"
        );
        assert_eq!(
            i.closed_at.is_some(),
            status == Status::Closed,
            "{}",
            i.reference
        );
        let answered = matches!(
            status,
            Status::Answered | Status::Closed | Status::AwaitingSender
        );
        if answered {
            assert!(
                i.first_answer_at.is_some(),
                "{} has no first answer",
                i.reference
            );
        }
        if status == Status::New {
            assert_eq!(i.first_answer_at, None);
            assert_eq!(i.assignee_id, None);
        } else {
            let assignee = i.assignee_id.expect("worked inquiries are assigned");
            let team = i.team_id.expect("every topic has a team");
            assert!(members.contains(&(team, assignee)), "{}", i.reference);
        }
        if let (Some(first), Some(closed)) = (i.first_answer_at, i.closed_at) {
            assert!(first >= i.created_at && closed >= first, "{}", i.reference);
        }

        let history = by_inquiry.get(&i.id).map(Vec::as_slice).unwrap_or(&[]);
        let created: Vec<_> = history
            .iter()
            .filter(|e| e.kind == event::CREATED)
            .collect();
        assert_eq!(created.len(), 1, "{}", i.reference);
        assert_eq!(created[0].at, i.created_at);
        for e in history {
            assert!(
                e.at >= i.created_at && e.at <= now,
                "{} {}",
                i.reference,
                e.kind
            );
            if [event::NOTE, event::ASSIGNED, event::FAQ].contains(&e.kind.as_str()) {
                assert!(!e.public, "{} is internal", e.kind);
            }
            if [event::REPLY, event::SENDER_REPLY, event::STATUS].contains(&e.kind.as_str()) {
                assert!(e.public, "{} is public", e.kind);
            }
        }
        let first_reply = history
            .iter()
            .filter(|e| e.kind == event::REPLY)
            .map(|e| e.at)
            .min();
        assert_eq!(first_reply, i.first_answer_at, "{}", i.reference);
        if status != Status::New {
            assert_eq!(last_status(history), Some(status), "{}", i.reference);
        }
    }
    inquiries
}

#[tokio::test]
async fn the_demo_has_teams_inquiries_in_every_state_templates_and_faq() {
    let (app, rita, summary) = seeded(Scale::Small).await;
    assert!(summary.contains("25 Anfragen"), "{summary}");
    let now = dias_core::time::now();

    // Teams with members, every topic answered by a team; Rita in every team.
    let teams = desk_team::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(teams.len(), 4);
    let members = desk_team_member::Entity::find().all(&app.db).await.unwrap();
    for team in &teams {
        assert!(
            members
                .iter()
                .any(|m| m.team_id == team.id && m.user_id == rita)
        );
        assert!(members.iter().filter(|m| m.team_id == team.id).count() >= 2);
    }
    let topics = desk_topic::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(topics.len(), Topic::ALL.len());
    assert!(topics.iter().all(|t| t.team_id.is_some()));
    let funding = topics.iter().find(|t| t.topic == "foerderung").unwrap();
    assert_eq!(funding.target_days, 3);

    // The colleagues are staff whom nobody can sign in as.
    let colleagues = user::Entity::find()
        .filter(user::Column::Email.ne(REDAKTION))
        .filter(user::Column::Role.eq("staff"))
        .all(&app.db)
        .await
        .unwrap();
    assert!(colleagues.len() >= 4);
    for c in &colleagues {
        assert!(c.display_name.ends_with("(Demo)"), "{}", c.display_name);
        assert!(c.email.as_deref().unwrap().ends_with("@demo.dias.example"));
        assert_eq!(c.password_hash, None);
    }
    let email = colleagues[0].email.clone().unwrap();
    let r = app
        .post(
            "/konto/anmelden",
            &[("email", &email), ("password", PASSWORD)],
        )
        .await;
    assert_ne!(
        r.status,
        StatusCode::SEE_OTHER,
        "a colleague cannot sign in"
    );

    let inquiries = consistent_inquiries(&app).await;
    assert_eq!(inquiries.len(), 25);
    for status in Status::ALL {
        assert!(
            inquiries.iter().any(|i| i.status == status.key()),
            "{status:?}"
        );
    }
    for topic in Topic::ALL {
        assert!(
            inquiries.iter().any(|i| i.topic == topic.key()),
            "{topic:?}"
        );
    }
    for sender in SenderType::ALL {
        assert!(
            inquiries.iter().any(|i| i.sender_type == sender.key()),
            "{sender:?}"
        );
    }
    let overdue = inquiries
        .iter()
        .filter(|i| Status::parse(&i.status).is_some_and(Status::awaits_agency) && i.due_at < now)
        .count();
    assert!(overdue >= 3, "{overdue} overdue");
    let unassigned_new = inquiries.iter().filter(|i| i.status == "neu").count();
    assert!(unassigned_new >= 2);
    let oldest = inquiries.iter().map(|i| i.created_at).min().unwrap();
    assert!(oldest < now - 270 * 86_400, "the demo spans most of a year");

    // Internal notes exist, and the sender's view of the history never has one.
    let notes = desk_event::Entity::find()
        .filter(desk_event::Column::Kind.eq(event::NOTE))
        .count(&app.db)
        .await
        .unwrap();
    assert!(notes >= 4);
    let sender_replies = desk_event::Entity::find()
        .filter(desk_event::Column::Kind.eq(event::SENDER_REPLY))
        .count(&app.db)
        .await
        .unwrap();
    assert!(sender_replies >= 4);
    for i in &inquiries {
        let public = dias_desk::store::history(&app.db, i.id, true)
            .await
            .unwrap();
        assert!(
            public
                .iter()
                .all(|e| e.kind != event::NOTE && e.kind != event::ASSIGNED)
        );
    }

    // One inquiry came with a PDF; some carry the page they were asked from.
    let attachments = desk_attachment::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(attachments.len(), 1);
    assert!(attachments[0].data.starts_with(b"%PDF-"));
    assert_eq!(attachments[0].size, attachments[0].data.len() as i64);
    let linked = dias_desk::store::links(&app.db, inquiries[0].id)
        .await
        .unwrap();
    assert_eq!(linked[0].path, "/breitband/gemeinden/14521010");

    // The demo participant asked one question while signed in.
    let own = inquiries.iter().filter(|i| i.user_id.is_some()).count();
    assert_eq!(own, 1);

    let templates = desk_template::Entity::find().all(&app.db).await.unwrap();
    assert!((4..=6).contains(&templates.len()));
    assert!(templates.iter().any(|t| t.topic.is_none()));

    let faqs = desk_faq::Entity::find().all(&app.db).await.unwrap();
    assert!((5..=8).contains(&faqs.len()));
    let mut slugs = HashSet::new();
    for faq in &faqs {
        assert!(faq.published && faq.published_at.is_some());
        assert!(slugs.insert(faq.slug.clone()));
        assert!(Topic::parse(&faq.topic).is_some());
        if let Some(id) = faq.inquiry_id {
            let source = inquiries.iter().find(|i| i.id == id).unwrap();
            assert!(source.first_answer_at.is_some(), "published from an answer");
            assert!(faq.published_at >= Some(source.updated_at));
            let recorded = desk_event::Entity::find()
                .filter(desk_event::Column::InquiryId.eq(id))
                .filter(desk_event::Column::Kind.eq(event::FAQ))
                .one(&app.db)
                .await
                .unwrap()
                .expect("the inquiry's history records the FAQ entry");
            assert!(recorded.data.contains(&faq.slug));
        }
    }
    assert!(faqs.iter().filter(|f| f.inquiry_id.is_some()).count() >= 4);
}

#[tokio::test]
async fn the_large_demo_adds_thousands_of_consistent_inquiries() {
    let (app, _, summary) = seeded(Scale::Large).await;
    let inquiries = consistent_inquiries(&app).await;
    assert!(inquiries.len() >= 3_000, "{}", inquiries.len());
    assert!(
        summary.contains(&format!("{} Anfragen", inquiries.len())),
        "{summary}"
    );
    assert!(inquiries.iter().all(|i| !i.reference.starts_with("tmp")));
    let per_topic: HashSet<&str> = inquiries.iter().map(|i| i.topic.as_str()).collect();
    assert_eq!(per_topic.len(), Topic::ALL.len());
    let late = inquiries
        .iter()
        .filter(|i| i.first_answer_at.is_some_and(|f| f > i.due_at))
        .count();
    assert!(late > 0, "some answers came after the target time");
}
