//! Opinion map (Meinungsbild) on the real router: routing, phase rules,
//! re-votes, pre-moderation, anonymous participants, the background
//! recompute and the exports.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_core::entities::job;
use dias_core::policy::Role;
use dias_participation::entities::{
    opinion_analysis, opinion_conversation, opinion_participant, opinion_statement, opinion_vote,
};
use dias_participation::opinion::store::{self, Voter};
use dias_participation::opinion::worker::{self, Outcome};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::support::TestApp;

const SLUG: &str = "meinungen";

use crate::flows::{Open, app, bare_process};

struct Setup {
    conversation: i64,
    statements: Vec<i64>,
}

/// A published process whose current phase has statement voting on or off,
/// with a conversation and accepted statements.
async fn setup(
    app: &TestApp,
    voting: bool,
    anonymous: bool,
    premoderation: bool,
    statements: usize,
) -> Setup {
    let open = Open {
        commenting: true,
        statement_voting: voting,
        ..Open::default()
    };
    let process_id = bare_process(app, SLUG, open, 10, premoderation).await;
    let now = dias_core::time::now();
    let conversation = store::create_conversation(&app.db, process_id, "Wie digital?", anonymous)
        .await
        .unwrap();
    let mut ids = Vec::new();
    for i in 0..statements {
        let s = opinion_statement::ActiveModel {
            conversation_id: Set(conversation.id),
            author_id: Set(None),
            body: Set(format!("Aussage Nummer {i} zur Digitalstrategie")),
            status: Set("accepted".into()),
            priority: Set(None),
            created_at: Set(now),
            decided_by: Set(None),
            decided_at: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        ids.push(s.id);
    }
    Setup {
        conversation: conversation.id,
        statements: ids,
    }
}

async fn set_priority(app: &TestApp, id: i64, priority: f64) {
    opinion_statement::Entity::update_many()
        .col_expr(opinion_statement::Column::Priority, Expr::value(priority))
        .filter(opinion_statement::Column::Id.eq(id))
        .exec(&app.db)
        .await
        .unwrap();
}

/// The statement id on the voting card, if one is shown.
async fn card(app: &TestApp) -> Option<i64> {
    let page = app.get(&format!("/beteiligung/{SLUG}/meinungsbild")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    page.attr("input[name=statement]", "value")
        .map(|v| v.parse().unwrap())
}

async fn vote(app: &TestApp, statement: i64, value: &str) -> crate::support::TestResponse {
    app.post(
        &format!("/beteiligung/{SLUG}/meinungsbild/stimmen"),
        &[("statement", &statement.to_string()), ("vote", value)],
    )
    .await
}

async fn vote_count(app: &TestApp) -> u64 {
    opinion_vote::Entity::find().count(&app.db).await.unwrap()
}

async fn recompute_jobs(app: &TestApp) -> Vec<job::Model> {
    job::Entity::find()
        .filter(job::Column::Kind.eq(worker::JOB_KIND))
        .all(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn next_statement_follows_the_routing_priority_and_never_repeats_a_voted_one() {
    let app = app().await;
    let s = setup(&app, true, false, false, 4).await;
    for (i, id) in s.statements.iter().enumerate() {
        set_priority(&app, *id, if i == 1 { 1_000.0 } else { 1e-9 }).await;
    }
    app.sign_in_as(Role::Participant).await;
    assert_eq!(card(&app).await, Some(s.statements[1]));
    let page = app.get(&format!("/beteiligung/{SLUG}/meinungsbild")).await;
    assert!(page.body.contains("Sie haben 0 von 4 Aussagen bewertet"));
    let r = vote(&app, s.statements[1], "agree").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // The most urgent of the rest comes next.
    set_priority(&app, s.statements[3], 1_000.0).await;
    assert_eq!(card(&app).await, Some(s.statements[3]));
    vote(&app, s.statements[3], "pass").await;
    let mut seen = vec![s.statements[1], s.statements[3]];
    for _ in 0..2 {
        let next = card(&app).await.unwrap();
        assert!(!seen.contains(&next), "statement {next} shown again");
        seen.push(next);
        vote(&app, next, "disagree").await;
    }
    assert_eq!(card(&app).await, None);
    let page = app.get(&format!("/beteiligung/{SLUG}/meinungsbild")).await;
    assert!(page.body.contains("Sie haben 4 von 4 Aussagen bewertet"));
    assert!(page.body.contains("alle Aussagen bewertet"));
}

#[tokio::test]
async fn voting_outside_the_voting_phase_is_refused_and_nothing_is_stored() {
    let app = app().await;
    let s = setup(&app, false, true, false, 2).await;
    app.sign_in_as(Role::Participant).await;
    let page = app.get(&format!("/beteiligung/{SLUG}/meinungsbild")).await;
    assert_eq!(page.count("button[name=vote]"), 0);
    assert!(page.body.contains("können keine Aussagen bewertet werden"));
    let r = vote(&app, s.statements[0], "agree").await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("können keine Aussagen bewertet werden"));
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/meinungsbild/aussagen"),
            &[("body", "Mehr Glasfaser")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert_eq!(vote_count(&app).await, 0);
    assert_eq!(
        opinion_participant::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
    assert!(recompute_jobs(&app).await.is_empty());
}

#[tokio::test]
async fn a_new_vote_replaces_the_earlier_one() {
    let app = app().await;
    let s = setup(&app, true, false, false, 2).await;
    app.sign_in_as(Role::Participant).await;
    vote(&app, s.statements[0], "agree").await;
    vote(&app, s.statements[0], "disagree").await;
    let votes = opinion_vote::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(votes.len(), 1);
    assert_eq!(votes[0].value, -1);
    let bad = vote(&app, s.statements[0], "vielleicht").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    // A burst of votes queues one recompute.
    assert_eq!(recompute_jobs(&app).await.len(), 1);
}

#[tokio::test]
async fn pending_statements_are_not_shown_for_voting_until_accepted() {
    let app = app().await;
    setup(&app, true, false, true, 0).await;
    app.sign_in_as(Role::Participant).await;
    let too_long = "x".repeat(281);
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/meinungsbild/aussagen"),
            &[("body", &too_long)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("error-summary") && r.body.contains(&too_long));
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/meinungsbild/aussagen"),
            &[("body", "Jede Schule braucht schnelles WLAN.")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().contains("opinion-statement-pending"));
    let pending = opinion_statement::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(pending.status, "pending");
    assert_eq!(card(&app).await, None);
    assert_eq!(
        vote(&app, pending.id, "agree").await.status,
        StatusCode::NOT_FOUND
    );
    // Participants cannot decide; moderators can.
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/meinungsbild/moderation/{}", pending.id),
            &[("decision", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    app.forget_cookies();
    app.sign_in_as(Role::Moderator).await;
    let queue = app
        .get(&format!("/beteiligung/{SLUG}/meinungsbild/moderation"))
        .await;
    assert!(queue.body.contains("Jede Schule braucht schnelles WLAN."));
    let r = app
        .post(
            &format!("/beteiligung/{SLUG}/meinungsbild/moderation/{}", pending.id),
            &[("decision", "accept")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(card(&app).await, Some(pending.id));
    assert_eq!(
        vote(&app, pending.id, "agree").await.status,
        StatusCode::SEE_OTHER
    );
}

fn set_cookie_of(r: &crate::support::TestResponse, name: &str) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

async fn visitor_vote(
    app: &TestApp,
    statement: i64,
    cookie: Option<&str>,
) -> crate::support::TestResponse {
    let token = app.csrf().await;
    let body = serde_urlencoded::to_string([
        ("_csrf", token.as_str()),
        ("statement", &statement.to_string()),
        ("vote", "agree"),
    ])
    .unwrap();
    let mut builder = Request::builder()
        .method("POST")
        .uri(format!("/beteiligung/{SLUG}/meinungsbild/stimmen"))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        builder = builder.header(header::COOKIE, c);
    }
    app.request(builder.body(Body::from(body)).unwrap()).await
}

#[tokio::test]
async fn anonymous_voting_follows_the_process_setting_and_readers_get_no_cookie() {
    let app = app().await;
    let s = setup(&app, true, false, false, 3).await;
    // Not allowed: to the sign-in page, nothing stored, no cookie.
    let r = visitor_vote(&app, s.statements[0], None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/konto/anmelden"));
    assert!(set_cookie_of(&r, "dias_meinungsbild").is_none());
    assert_eq!(vote_count(&app).await, 0);

    opinion_conversation::Entity::update_many()
        .col_expr(
            opinion_conversation::Column::AllowAnonymous,
            Expr::value(true),
        )
        .filter(opinion_conversation::Column::Id.eq(s.conversation))
        .exec(&app.db)
        .await
        .unwrap();
    // Reading sets no cookie at all.
    for path in ["meinungsbild", "meinungsbild/ergebnis"] {
        let page = app.get(&format!("/beteiligung/{SLUG}/{path}")).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.headers.get(header::SET_COOKIE).is_none(), "{path}");
    }
    let page = app.get(&format!("/beteiligung/{SLUG}/meinungsbild")).await;
    assert_eq!(page.count("button[name=vote]"), 3);

    let r = visitor_vote(&app, s.statements[0], None).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let set = set_cookie_of(&r, "dias_meinungsbild").expect("participant cookie");
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Lax"));
    let cookie = set.split(';').next().unwrap().to_owned();
    // The same visitor again: same participant, progress counted.
    let r = visitor_vote(&app, s.statements[1], Some(&cookie)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(vote_count(&app).await, 2);
    let participants = opinion_participant::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(participants.len(), 1);
    assert!(participants[0].user_id.is_none() && participants[0].anon_key.is_some());
    let page = app
        .request(
            Request::builder()
                .uri(format!("/beteiligung/{SLUG}/meinungsbild"))
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert!(page.body.contains("Sie haben 2 von 3 Aussagen bewertet"));
    // A forged cookie is a new visitor, not the old one.
    let forged = format!("{}x", cookie);
    visitor_vote(&app, s.statements[2], Some(&forged)).await;
    assert_eq!(
        opinion_participant::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        2
    );
}

/// Three camps of `n` people each voting on `statements` through the same
/// store function the vote handler uses.
async fn camps(app: &TestApp, s: &Setup, n: i64) {
    let conversation = opinion_conversation::Entity::find_by_id(s.conversation)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    for person in 0..3 * n {
        let camp = person % 3;
        let voter = Voter::Anonymous(format!("person-{person}"));
        for (i, statement) in s.statements.iter().enumerate() {
            let i = i as i64;
            let value = match camp {
                0 => 1,
                1 => -1,
                _ => {
                    if i % 2 == 0 {
                        1
                    } else {
                        -1
                    }
                }
            };
            // Everyone agrees with the first statement.
            let value = if i == 0 { 1 } else { value };
            store::vote(&app.db, &conversation, &voter, *statement, value)
                .await
                .unwrap();
        }
    }
}

async fn run_queued_job(app: &TestApp) {
    let claimed = dias_core::jobs::claim(&app.db, "test-worker", &[worker::JOB_KIND.to_owned()])
        .await
        .unwrap()
        .expect("a due recompute job");
    let handler = worker::RecomputeJob::handler();
    handler
        .run(dias_core::jobs::JobContext {
            db: app.db.clone(),
            job: claimed,
        })
        .await
        .unwrap();
}

#[tokio::test]
async fn the_background_recompute_finds_groups_and_the_request_never_analyses() {
    let app = app().await;
    let s = setup(&app, true, false, false, 12).await;
    camps(&app, &s, 20).await;
    // Votes only queued a job: no analysis yet.
    assert!(
        opinion_analysis::Entity::find()
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(recompute_jobs(&app).await.len(), 1);
    let page = app.get(&format!("/beteiligung/{SLUG}/meinungsbild")).await;
    assert!(page.body.contains("Noch nicht berechnet"));

    run_queued_job(&app).await;
    let stored = opinion_analysis::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let json: serde_json::Value = serde_json::from_str(&stored.analysis).unwrap();
    assert!(json["k"].as_u64().unwrap() >= 2, "{}", json["k"]);
    assert!(json["groups"].as_array().unwrap().len() >= 2);
    assert_eq!(stored.vote_count, 60 * 12);
    let c = opinion_conversation::Entity::find_by_id(s.conversation)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(c.computed_version, c.votes_version);
    assert!(!c.queued && c.claimed_until.is_none());
    let statements = opinion_statement::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(statements.iter().all(|st| st.priority.is_some()));

    // A vote through HTTP changes the data, not the analysis.
    app.sign_in_as(Role::Participant).await;
    let id = card(&app).await.unwrap();
    assert_eq!(vote(&app, id, "agree").await.status, StatusCode::SEE_OTHER);
    let after = opinion_analysis::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(after, stored);
    for other in &s.statements {
        if *other != id {
            vote(&app, *other, "agree").await;
        }
    }

    let page = app
        .get(&format!("/beteiligung/{SLUG}/meinungsbild/ergebnis"))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.attr("svg.chart__svg", "role").as_deref(), Some("img"));
    assert!(page.count("svg.chart__svg title") == 1 && page.count("svg.chart__svg desc") == 1);
    assert!(page.body.contains("Zuletzt berechnet"));
    assert!(page.count("table.table") >= 2);
    assert!(page.body.contains("Wofür die Gruppen stehen"));
    // The first statement is shared by everyone.
    assert!(page.body.contains("Aussage Nummer 0 zur Digitalstrategie"));

    // The next run places the new participant in a group.
    job::Entity::update_many()
        .col_expr(job::Column::RunAfter, Expr::value(0))
        .exec(&app.db)
        .await
        .unwrap();
    run_queued_job(&app).await;
    let page = app
        .get(&format!("/beteiligung/{SLUG}/meinungsbild/ergebnis"))
        .await;
    assert!(
        page.text("#meine-gruppe").starts_with("Ihre Gruppe: "),
        "{}",
        page.body
    );
    assert!(page.body.contains(">Sie</text>"));
}

#[tokio::test]
async fn two_workers_racing_compute_once() {
    let app = app().await;
    let s = setup(&app, true, false, false, 8).await;
    camps(&app, &s, 6).await;
    let (a, b) = tokio::join!(
        worker::recompute(&app.db, s.conversation, "instanz-a"),
        worker::recompute(&app.db, s.conversation, "instanz-b")
    );
    let outcomes = [a.unwrap(), b.unwrap()];
    let computed = outcomes
        .iter()
        .filter(|o| matches!(o, Outcome::Computed { .. }))
        .count();
    assert_eq!(computed, 1, "{outcomes:?}");
    // Nothing new: a third run does nothing.
    assert_eq!(
        worker::recompute(&app.db, s.conversation, "instanz-c")
            .await
            .unwrap(),
        Outcome::Unchanged
    );
    // A claim held by another instance is respected.
    let conversation = opinion_conversation::Entity::find_by_id(s.conversation)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    store::vote(
        &app.db,
        &conversation,
        &Voter::User(4242),
        s.statements[0],
        1,
    )
    .await
    .unwrap();
    opinion_conversation::Entity::update_many()
        .col_expr(
            opinion_conversation::Column::ClaimedUntil,
            Expr::value(dias_core::time::now() + 60),
        )
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(
        worker::recompute(&app.db, s.conversation, "instanz-d")
            .await
            .unwrap(),
        Outcome::Busy
    );
}

#[tokio::test]
async fn exports_read_back_and_are_for_staff_only() {
    let app = app().await;
    let s = setup(&app, true, false, false, 6).await;
    camps(&app, &s, 5).await;
    let base = format!("/beteiligung/{SLUG}/meinungsbild/daten");
    app.sign_in_as(Role::Participant).await;
    for file in ["stimmen.csv", "aussagen.csv", "matrix.csv", "analyse.json"] {
        assert_eq!(
            app.get(&format!("{base}/{file}")).await.status,
            StatusCode::FORBIDDEN,
            "{file}"
        );
    }
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    assert_eq!(
        app.get(&format!("{base}/analyse.json")).await.status,
        StatusCode::NOT_FOUND
    );
    worker::recompute(&app.db, s.conversation, "test")
        .await
        .unwrap();

    let rows = |body: &str| {
        csv::Reader::from_reader(body.as_bytes())
            .records()
            .map(Result::unwrap)
            .collect::<Vec<_>>()
    };
    let votes = app.get(&format!("{base}/stimmen.csv")).await;
    assert_eq!(votes.status, StatusCode::OK);
    assert!(
        votes.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert_eq!(rows(&votes.body).len() as u64, vote_count(&app).await);
    let statements = app.get(&format!("{base}/aussagen.csv")).await;
    assert_eq!(
        rows(&statements.body).len() as u64,
        opinion_statement::Entity::find()
            .count(&app.db)
            .await
            .unwrap()
    );
    let matrix = app.get(&format!("{base}/matrix.csv")).await;
    let matrix_rows = rows(&matrix.body);
    assert_eq!(
        matrix_rows.len() as u64,
        opinion_participant::Entity::find()
            .count(&app.db)
            .await
            .unwrap()
    );
    assert_eq!(matrix_rows[0].len(), 1 + s.statements.len());
    let analysis = app.get(&format!("{base}/analyse.json")).await;
    let json: serde_json::Value = serde_json::from_str(&analysis.body).unwrap();
    assert!(json["k"].is_u64());
    assert!(json["groups"].is_array());
    // The same shape `dias opinion analyze` writes: it reads back as an Analysis.
    dias_opinion::Analysis::from_json(&analysis.body).unwrap();
    assert_eq!(
        app.get(&format!("{base}/anderes.csv")).await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn opinion_forms_refuse_requests_without_token() {
    let app = app().await;
    let s = setup(&app, true, true, false, 1).await;
    app.sign_in_as(Role::Moderator).await;
    let source = include_str!("../../src/routes/opinion.rs");
    let routes = [
        "meinungsbild/stimmen".to_owned(),
        "meinungsbild/aussagen".to_owned(),
        format!("meinungsbild/moderation/{}", s.statements[0]),
    ];
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in &routes {
        let r = app
            .post_raw(
                &format!("/beteiligung/{SLUG}/{path}"),
                &[
                    ("statement", &s.statements[0].to_string()),
                    ("vote", "agree"),
                    ("body", "Eine Aussage"),
                    ("decision", "reject"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    app.forget_cookies();
    let r = app
        .post_raw(
            &format!("/beteiligung/{SLUG}/meinungsbild/stimmen"),
            &[
                ("statement", &s.statements[0].to_string()),
                ("vote", "agree"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(vote_count(&app).await, 0);
    let s2 = opinion_statement::Entity::find_by_id(s.statements[0])
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(s2.status, "accepted");
}
