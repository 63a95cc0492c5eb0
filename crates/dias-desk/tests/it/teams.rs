//! Teams and topic settings: staff read, admins change; validation, audit,
//! CSRF, and that every message id of the staff side exists in both
//! languages.

use axum::http::StatusCode;
use dias_core::entities::audit_entry;
use dias_core::i18n::Catalog;
use dias_core::policy::Role;
use dias_desk::teams::{self, TopicSetting};
use dias_desk::vocab::Topic;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::app;
use crate::queue::{berlin, received};
use crate::support::TestApp;

/// Every form action of `src/routes/teams.rs` (`{id}`: a team).
const POST_ROUTES: [&str; 6] = [
    "/anfragen/verwaltung/teams",
    "/anfragen/verwaltung/teams/{id}/umbenennen",
    "/anfragen/verwaltung/teams/{id}/loeschen",
    "/anfragen/verwaltung/teams/{id}/mitglieder",
    "/anfragen/verwaltung/teams/{id}/mitglieder/entfernen",
    "/anfragen/verwaltung/themen",
];

const PAGE: &str = "/anfragen/verwaltung/teams";

async fn audits(app: &TestApp, action: &str) -> u64 {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .count(&app.db)
        .await
        .unwrap()
}

fn topic_fields(team: &str, days: &str) -> Vec<(String, String)> {
    Topic::ALL
        .iter()
        .flat_map(|t| {
            [
                (format!("team-{}", t.key()), team.to_owned()),
                (format!("tage-{}", t.key()), days.to_owned()),
            ]
        })
        .collect()
}

async fn post_owned(
    app: &TestApp,
    path: &str,
    fields: &[(String, String)],
) -> crate::support::TestResponse {
    let borrowed: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(path, &borrowed).await
}

#[tokio::test]
async fn staff_read_teams_and_only_admins_change_them() {
    let app = app().await;
    let team = teams::create(&app.db, "Team Breitband", 0)
        .await
        .unwrap()
        .unwrap();
    let (member, _) = app.create_user("redaktion@example.org", Role::Staff).await;
    teams::add_member(&app.db, team.id, member).await.unwrap();
    let forms: Vec<String> = POST_ROUTES
        .iter()
        .map(|r| r.replace("{id}", &team.id.to_string()))
        .collect();
    let member_id = member.to_string();
    let fields = [("name", "Umbenannt"), ("konto", member_id.as_str())];
    let r = app.get(PAGE).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/konto/anmelden"));
    for form in &forms {
        let r = app.post(form, &fields).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{form}");
        assert!(r.location().starts_with("/konto/anmelden"));
    }
    for role in [
        Role::Participant,
        Role::Moderator,
        Role::Municipality,
        Role::Staff,
    ] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        let r = app.get(PAGE).await;
        if role == Role::Staff {
            // Staff see who answers what, without any form.
            assert_eq!(r.status, StatusCode::OK);
            assert_eq!(r.count("#desk-staff-teams-readonly"), 1);
            assert_eq!(r.count("main form[method=post]"), 0);
            assert!(
                r.text(&format!("#team-{}", team.id))
                    .contains("Test Person")
            );
            assert_eq!(r.count("#desk-staff-topics tbody tr"), 6);
        } else {
            assert_eq!(r.status, StatusCode::FORBIDDEN, "{role:?}");
        }
        for form in &forms {
            assert_eq!(
                app.post(form, &fields).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {form}"
            );
        }
    }
    assert_eq!(
        teams::list(&app.db).await.unwrap(),
        std::slice::from_ref(&team)
    );
    assert_eq!(teams::member_ids(&app.db, team.id).await.unwrap(), [member]);
    app.forget_cookies();
    app.sign_in_as(Role::Admin).await;
    let r = app.get(PAGE).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(!r.text("main").contains("desk-staff-"));
    assert_eq!(r.count("#desk-staff-teams-readonly"), 0);
    assert_eq!(r.count("form[action='/anfragen/verwaltung/themen']"), 1);
}

#[tokio::test]
async fn every_form_action_of_the_teams_page_needs_a_csrf_token() {
    let app = app().await;
    let source = include_str!("../../src/routes/teams.rs");
    assert_eq!(source.matches("post(").count(), POST_ROUTES.len());
    let team = teams::create(&app.db, "Team KI", 0).await.unwrap().unwrap();
    app.sign_in_as(Role::Admin).await;
    for route in POST_ROUTES {
        let r = app
            .post_raw(
                &route.replace("{id}", &team.id.to_string()),
                &[("name", "Neu")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{route}");
    }
    assert_eq!(teams::list(&app.db).await.unwrap(), [team]);
}

#[tokio::test]
async fn admins_set_up_teams_members_and_topics() {
    let app = app().await;
    let admin = app.sign_in_as(Role::Admin).await;
    let (staff, _) = app.create_user("redaktion@example.org", Role::Staff).await;
    let (citizen, _) = app
        .create_user("buerger@example.org", Role::Participant)
        .await;

    let r = app.post(PAGE, &[("name", "Team Breitband")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location(),
        "/anfragen/verwaltung/teams?hinweis=desk-staff-team-created"
    );
    let r = app.post(PAGE, &[("name", " Team Breitband ")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text(".error-summary").contains("gibt es schon"));
    assert_eq!(
        r.attr("#name", "value").as_deref(),
        Some(" Team Breitband ")
    );
    let r = app.post(PAGE, &[("name", "")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    app.post(PAGE, &[("name", "Team Förderung")]).await;
    let all = teams::list(&app.db).await.unwrap();
    assert_eq!(all.len(), 2);
    let broadband = all
        .iter()
        .find(|t| t.name == "Team Breitband")
        .unwrap()
        .clone();
    let funding = all
        .iter()
        .find(|t| t.name == "Team Förderung")
        .unwrap()
        .clone();
    assert_eq!(audits(&app, "desk.team.created").await, 2);

    // Members: staff and admins only.
    let base = format!("{PAGE}/{}", broadband.id);
    let r = app
        .post(
            &format!("{base}/mitglieder"),
            &[("konto", &staff.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    app.post(
        &format!("{base}/mitglieder"),
        &[("konto", &admin.to_string())],
    )
    .await;
    let r = app
        .post(
            &format!("{base}/mitglieder"),
            &[("konto", &citizen.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr(&format!("#team-{}-konto", broadband.id), "aria-invalid")
            .as_deref(),
        Some("true")
    );
    let mut members = teams::member_ids(&app.db, broadband.id).await.unwrap();
    members.sort();
    let mut expected = vec![staff, admin];
    expected.sort();
    assert_eq!(members, expected);
    // Adding twice changes nothing and logs once.
    app.post(
        &format!("{base}/mitglieder"),
        &[("konto", &staff.to_string())],
    )
    .await;
    assert_eq!(audits(&app, "desk.team.member_added").await, 2);
    let r = app
        .post(
            &format!("{base}/mitglieder/entfernen"),
            &[("konto", &admin.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        teams::member_ids(&app.db, broadband.id).await.unwrap(),
        [staff]
    );
    assert_eq!(
        teams::teams_of(&app.db, staff).await.unwrap(),
        [broadband.id]
    );

    // Rename: the name must stay unique.
    let r = app
        .post(&format!("{base}/umbenennen"), &[("name", "Team Förderung")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr(&format!("#team-{}-name", broadband.id), "value")
            .as_deref(),
        Some("Team Förderung")
    );
    let r = app
        .post(&format!("{base}/umbenennen"), &[("name", "Team Netze")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        teams::by_id(&app.db, broadband.id)
            .await
            .unwrap()
            .unwrap()
            .name,
        "Team Netze"
    );

    // Topics: all six at once, 1–60 working days.
    let mut fields = topic_fields(&funding.id.to_string(), "5");
    fields[0].1 = broadband.id.to_string();
    fields[1].1 = "0".into();
    let r = post_owned(&app, "/anfragen/verwaltung/themen", &fields).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr("#tage-breitband", "value").as_deref(),
        Some("0"),
        "input kept"
    );
    assert!(r.text(".error-summary").contains("zwischen 1 und 60"));
    assert_eq!(
        teams::topic_settings(&app.db).await.unwrap()[0].target_days,
        5
    );
    assert!(
        teams::topic_settings(&app.db)
            .await
            .unwrap()
            .iter()
            .all(|s| s.team_id.is_none())
    );
    fields[1].1 = "3".into();
    let mut bad = fields.clone();
    bad[2].1 = "999999".into();
    let r = post_owned(&app, "/anfragen/verwaltung/themen", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = post_owned(&app, "/anfragen/verwaltung/themen", &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let settings = teams::topic_settings(&app.db).await.unwrap();
    assert_eq!(
        settings[0],
        TopicSetting {
            topic: Topic::Broadband,
            team_id: Some(broadband.id),
            target_days: 3
        }
    );
    assert_eq!(settings[1].team_id, Some(funding.id));
    assert_eq!(audits(&app, "desk.topic.configured").await, 6);
    // Saving the same again logs nothing new.
    post_owned(&app, "/anfragen/verwaltung/themen", &fields).await;
    assert_eq!(audits(&app, "desk.topic.configured").await, 6);

    // New inquiries go to the topic's team with its target time; the staff
    // member sees them under "Meine Teams".
    let inquiry = received(&app, "Ausbau", Topic::Broadband, berlin(2026, 11, 16, 10)).await;
    assert_eq!(inquiry.team_id, Some(broadband.id));
    assert_eq!(
        dias_desk::calendar::berlin_date(inquiry.due_at),
        jiff::civil::date(2026, 11, 20),
        "three working days without Buß- und Bettag"
    );
    app.forget_cookies();
    app.login("redaktion@example.org", None).await;
    let r = app.get("/anfragen/verwaltung").await;
    assert_eq!(r.texts("#desk-staff-list tbody th a"), ["Ausbau"]);
    assert!(r.text("#desk-staff-queues").contains("Meine Teams"));

    // Deleting a team leaves its inquiries and topics without a team.
    app.forget_cookies();
    app.sign_in_as(Role::Admin).await;
    let r = app.post(&format!("{base}/loeschen"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(teams::by_id(&app.db, broadband.id).await.unwrap().is_none());
    assert!(
        teams::member_ids(&app.db, broadband.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        teams::topic_settings(&app.db).await.unwrap()[0].team_id,
        None
    );
    let inquiry = dias_desk::store::by_id(&app.db, inquiry.id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(inquiry.team_id, None);
    assert_eq!(audits(&app, "desk.team.deleted").await, 1);
    let r = app.post(&format!("{base}/loeschen"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "twice is harmless");
    assert_eq!(audits(&app, "desk.team.deleted").await, 1);
}

/// Message ids the staff side uses: in templates through `ctx.t…("…")`
/// and `self.two("…")`, in Rust as string literals (notices are shown as
/// `notice-<key>`).
#[test]
fn every_staff_message_exists_in_german_and_english() {
    let catalog = Catalog::new(dias_desk::MESSAGES).unwrap();
    let sources = [
        include_str!("../../templates/desk/staff_queue.html"),
        include_str!("../../templates/desk/staff_ticket.html"),
        include_str!("../../templates/desk/staff_templates.html"),
        include_str!("../../templates/desk/staff_template_form.html"),
        include_str!("../../templates/desk/staff_teams.html"),
        include_str!("../../templates/desk/staff_nav.html"),
        include_str!("../../templates/desk/staff_breadcrumbs.html"),
        include_str!("../../templates/desk/staff_entry.html"),
        include_str!("../../src/routes/queue.rs"),
        include_str!("../../src/routes/ticket.rs"),
        include_str!("../../src/routes/answer_templates.rs"),
        include_str!("../../src/routes/teams.rs"),
        include_str!("../../src/work.rs"),
        include_str!("../../src/teams.rs"),
        include_str!("../../src/answer_templates.rs"),
    ];
    let mut checked = 0;
    for source in sources {
        for (i, _) in source.match_indices("\"desk-") {
            let id: String = source[i + 1..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect();
            // HTML ids and paths in templates are not messages.
            let before = &source[..i];
            if before.ends_with("id=")
                || before.ends_with("class=")
                || before.ends_with("for=")
                || before.ends_with("labelledby=")
            {
                continue;
            }
            checked += 1;
            let known = |id: &str| catalog.get("de", id) != id && catalog.get("en", id) != id;
            assert!(
                known(&id) || known(&format!("notice-{id}")),
                "{id} is missing in German or English"
            );
        }
    }
    assert!(checked > 150, "{checked}");
}
