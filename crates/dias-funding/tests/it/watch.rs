//! The Merkliste, its reminder job and its part of the account data.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use dias_core::entities::{job, mail, user};
use dias_core::policy::Role;
use dias_funding::vocab::Status;
use dias_funding::watch::entities::funding_watch;
use dias_funding::watch::{self, MAX_WATCHED, REMINDER_JOB};
use dias_web::registry::Schedule;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::deadlines::{in_days, insert, offer};
use crate::helpers::app;
use crate::support::{PASSWORD, TestApp, TestResponse};

async fn offer_id(app: &TestApp, slug: &str) -> i64 {
    dias_funding::store::by_slug(&app.db, slug)
        .await
        .unwrap()
        .unwrap()
        .id
}

async fn listed(app: &TestApp, user_id: i64) -> Vec<(i64, i32)> {
    watch::of_user(&app.db, user_id)
        .await
        .unwrap()
        .into_iter()
        .map(|w| (w.offer_id, w.remind_days))
        .collect()
}

/// Runs the reminders as the job does, for a chosen day.
async fn remind(app: &TestApp, today: jiff::civil::Date) -> usize {
    watch::send_reminders(
        &app.db,
        &app.state.catalog,
        "https://dias.example",
        today,
        None,
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn an_account_watches_changes_and_removes_an_offer() {
    let app = app().await;
    insert(
        &app,
        &[
            offer("bald", "Bald fällig", &[10]),
            offer("spaet", "Später", &[90]),
        ],
    )
    .await;
    let bald = offer_id(&app, "bald").await;
    let me = app.sign_in_as(Role::Participant).await;

    // The offer page offers the button; pressing it comes back there.
    let page = app.get("/foerderung/angebote/bald").await;
    assert_eq!(page.count("#funding-watch-add"), 1);
    let r = app
        .post(
            "/foerderung/merkliste",
            &[("angebot", "bald"), ("zurueck", "angebot")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location(),
        "/foerderung/angebote/bald?hinweis=funding-watch-added"
    );
    assert_eq!(listed(&app, me).await, vec![(bald, 7)]);
    let page = app.get(r.location()).await;
    assert_eq!(page.text("#funding-watch-state"), "Gemerkt");
    assert!(page.body.contains("Das Angebot steht auf Ihrer Merkliste."));
    // Again: nothing changes.
    app.post(
        "/foerderung/merkliste",
        &[("angebot", "bald"), ("zurueck", "angebot")],
    )
    .await;
    assert_eq!(listed(&app, me).await, vec![(bald, 7)]);

    // The list shows it with its next deadline; the lead time changes.
    let list = app.get("/foerderung/merkliste").await;
    assert_eq!(list.status, StatusCode::OK);
    assert!(list.text("#merkliste-bald").contains("Bald fällig"));
    assert_eq!(
        list.attr("#merkliste-bald time", "datetime").as_deref(),
        Some(in_days(10).to_string().as_str())
    );
    let r = app
        .post(
            "/foerderung/merkliste",
            &[("angebot", "bald"), ("tage", "14")],
        )
        .await;
    assert_eq!(
        r.location(),
        "/foerderung/merkliste?hinweis=funding-watch-changed"
    );
    assert_eq!(listed(&app, me).await, vec![(bald, 14)]);
    // Only the offered lead times; unknown offers are refused; nothing stored.
    let r = app
        .post(
            "/foerderung/merkliste",
            &[("angebot", "bald"), ("tage", "5")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = app
        .post("/foerderung/merkliste", &[("angebot", "gibt-es-nicht")])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(listed(&app, me).await, vec![(bald, 14)]);
    // The list links a comparison of its offers.
    app.post("/foerderung/merkliste", &[("angebot", "spaet")])
        .await;
    let list = app.get("/foerderung/merkliste").await;
    assert_eq!(
        list.attr("#funding-watch-compare", "href").as_deref(),
        Some("/foerderung/vergleich?angebot=bald&angebot=spaet")
    );

    let r = app
        .post("/foerderung/merkliste/entfernen", &[("angebot", "bald")])
        .await;
    assert_eq!(
        r.location(),
        "/foerderung/merkliste?hinweis=funding-watch-removed"
    );
    assert_eq!(listed(&app, me).await.len(), 1);
}

#[tokio::test]
async fn visitors_are_sent_to_sign_in_and_nobody_sees_another_list() {
    let app = app().await;
    insert(&app, &[offer("bald", "Bald fällig", &[10])]).await;
    let page = app.get("/foerderung/angebote/bald").await;
    assert_eq!(page.count("#funding-watch-add"), 0);
    assert!(page.body.contains("Anmelden, um dieses Angebot zu merken"));
    let r = app.get("/foerderung/merkliste").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        r.location().starts_with("/konto/anmelden"),
        "{}",
        r.location()
    );
    let r = app
        .post("/foerderung/merkliste", &[("angebot", "bald")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/konto/anmelden"));

    let first = app.sign_in_as(Role::Participant).await;
    app.post("/foerderung/merkliste", &[("angebot", "bald")])
        .await;
    assert_eq!(listed(&app, first).await.len(), 1);
    app.forget_cookies();
    let second = app.sign_in_as(Role::Participant).await;
    let list = app.get("/foerderung/merkliste").await;
    assert_eq!(list.count("#merkliste-bald"), 0);
    assert_eq!(list.count("#funding-watch-empty"), 1);
    // Removing is per person: the other list stays.
    app.post("/foerderung/merkliste/entfernen", &[("angebot", "bald")])
        .await;
    assert_eq!(listed(&app, first).await.len(), 1);
    assert!(listed(&app, second).await.is_empty());
}

#[tokio::test]
async fn every_form_action_of_the_watch_list_needs_a_csrf_token() {
    let app = app().await;
    insert(&app, &[offer("bald", "Bald fällig", &[10])]).await;
    let me = app.sign_in_as(Role::Participant).await;
    let routes = ["/foerderung/merkliste", "/foerderung/merkliste/entfernen"];
    let source = include_str!("../../src/routes/watch.rs");
    assert_eq!(source.matches("post(").count(), routes.len());
    for path in routes {
        let r = app.post_raw(path, &[("angebot", "bald")]).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(listed(&app, me).await.is_empty());
}

#[tokio::test]
async fn reminders_go_out_once_per_person_and_deadline() {
    let app = app().await;
    let mut ended = offer("beendet", "Beendet", &[4]);
    ended.status = Status::Ended;
    ended.status_note = "Ausgelaufen.".into();
    insert(
        &app,
        &[
            offer("drei", "In drei Tagen", &[3, 60]),
            offer("fuenf", "In fünf Tagen", &[5]),
            offer("zwanzig", "In zwanzig Tagen", &[20]),
            ended,
        ],
    )
    .await;
    let (drei, fuenf, zwanzig, beendet) = (
        offer_id(&app, "drei").await,
        offer_id(&app, "fuenf").await,
        offer_id(&app, "zwanzig").await,
        offer_id(&app, "beendet").await,
    );
    let (anna, _) = app.create_user("anna@example.org", Role::Participant).await;
    let (ben, _) = app.create_user("ben@example.org", Role::Participant).await;
    let (cleo, _) = app.create_user("cleo@example.org", Role::Participant).await;
    // Anna: two due (7 days), one not due, one ended.
    for id in [drei, fuenf, zwanzig, beendet] {
        watch::watch(&app.db, anna, id, 7).await.unwrap();
    }
    // Ben reads English and wants 3 days: only "drei".
    watch::watch(&app.db, ben, drei, 3).await.unwrap();
    watch::watch(&app.db, ben, fuenf, 3).await.unwrap();
    let mut b: user::ActiveModel = user::Entity::find_by_id(ben)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into();
    b.locale = Set("en".into());
    b.update(&app.db).await.unwrap();
    // Cleo watches only what is not due.
    watch::watch(&app.db, cleo, zwanzig, 14).await.unwrap();

    let today = dias_funding::today();
    assert_eq!(remind(&app, today).await, 2);
    assert_eq!(app.mail_count_to("anna@example.org").await, 1);
    assert_eq!(app.mail_count_to("ben@example.org").await, 1);
    assert_eq!(app.mail_count_to("cleo@example.org").await, 0);
    let anna_mail = app.last_mail_to("anna@example.org").await.unwrap();
    assert!(
        anna_mail.contains("In drei Tagen") && anna_mail.contains("In fünf Tagen"),
        "{anna_mail}"
    );
    assert!(
        !anna_mail.contains("zwanzig") && !anna_mail.contains("Beendet"),
        "{anna_mail}"
    );
    assert!(anna_mail.contains("https://dias.example/foerderung/angebote/drei"));
    assert!(anna_mail.contains("https://dias.example/foerderung/merkliste"));
    assert!(anna_mail.contains(&in_days(3).strftime("%d.%m.%Y").to_string()));
    let ben_mail = app.last_mail_to("ben@example.org").await.unwrap();
    assert!(
        ben_mail.contains("Hello") && ben_mail.contains("In drei Tagen"),
        "{ben_mail}"
    );
    assert!(!ben_mail.contains("In fünf Tagen"));

    // Twice: nothing new.
    assert_eq!(remind(&app, today).await, 0);
    assert_eq!(app.mail_count_to("anna@example.org").await, 1);
    // A day later Ben's other offer is due; Anna's are reminded already.
    let tomorrow = today.tomorrow().unwrap();
    let tomorrow2 = tomorrow.tomorrow().unwrap();
    assert_eq!(remind(&app, tomorrow2).await, 1);
    assert_eq!(app.mail_count_to("ben@example.org").await, 2);
    assert_eq!(app.mail_count_to("anna@example.org").await, 1);
    // Cleo's deadline enters her 14 days.
    assert_eq!(remind(&app, in_days(6)).await, 1);
    assert_eq!(app.mail_count_to("cleo@example.org").await, 1);
    // The next deadline of "drei" (in 60 days) is a new reminder, for each
    // in their own lead time.
    assert_eq!(remind(&app, in_days(55)).await, 1);
    assert_eq!(remind(&app, in_days(58)).await, 1);
    assert_eq!(app.mail_count_to("anna@example.org").await, 2);
    assert_eq!(app.mail_count_to("ben@example.org").await, 3);
}

#[tokio::test]
async fn two_runs_at_once_send_each_reminder_once() {
    let app = app().await;
    insert(&app, &[offer("drei", "In drei Tagen", &[3])]).await;
    let drei = offer_id(&app, "drei").await;
    for i in 0..5 {
        let (id, _) = app
            .create_user(&format!("person{i}@example.org"), Role::Participant)
            .await;
        watch::watch(&app.db, id, drei, 7).await.unwrap();
    }
    let today = dias_funding::today();
    let (a, b) = tokio::join!(remind(&app, today), remind(&app, today));
    assert_eq!(a + b, 5);
    for i in 0..5 {
        assert_eq!(
            app.mail_count_to(&format!("person{i}@example.org")).await,
            1
        );
    }
}

#[tokio::test]
async fn the_job_runs_by_the_hour_once_and_staff_start_it_by_hand() {
    let app = app().await;
    let schedules = app.state.registry.schedules();
    let schedule: &Schedule = schedules.iter().find(|s| s.kind == REMINDER_JOB).unwrap();
    assert_eq!(schedule.every_secs, 3600);
    let jobs = || async {
        dias_core::entities::job::Entity::find()
            .filter(dias_core::entities::job::Column::Kind.eq(REMINDER_JOB))
            .count(&app.db)
            .await
            .unwrap()
    };
    let now = 1_800_000_000;
    // Two instances in the same hour queue one job.
    let (a, b) = tokio::join!(
        dias_web::workers::enqueue_due(&app.db, &schedules, now),
        dias_web::workers::enqueue_due(&app.db, &schedules, now + 10),
    );
    assert_eq!(a.unwrap().len() + b.unwrap().len(), 1);
    assert_eq!(jobs().await, 1);
    dias_web::workers::enqueue_due(&app.db, &schedules, now + 1200)
        .await
        .unwrap();
    assert_eq!(jobs().await, 1);
    dias_web::workers::enqueue_due(&app.db, &schedules, now + 3600)
        .await
        .unwrap();
    assert_eq!(jobs().await, 2);

    // Staff see a button for it on the jobs page and start it.
    app.sign_in_as(Role::Staff).await;
    let page = app.get("/verwaltung/aufgaben").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains(&format!("value=\"{REMINDER_JOB}\"")));
    assert!(page.body.contains("Förder-Erinnerungen jetzt senden"));
    let r = app
        .post("/verwaltung/aufgaben/starten", &[("art", REMINDER_JOB)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(jobs().await, 3);
    let r = app
        .post(
            "/verwaltung/aufgaben/starten",
            &[("art", "search.reindex-nicht")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = app
        .post_raw("/verwaltung/aufgaben/starten", &[("art", REMINDER_JOB)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(jobs().await, 3);
    // Participants may not.
    app.forget_cookies();
    app.sign_in_as(Role::Participant).await;
    let r = app
        .post("/verwaltung/aufgaben/starten", &[("art", REMINDER_JOB)])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(jobs().await, 3);

    // The handler, bound like the workers bind it, sends the reminders.
    insert(&app, &[offer("drei", "In drei Tagen", &[3])]).await;
    let (id, _) = app.create_user("job@example.org", Role::Participant).await;
    watch::watch(&app.db, id, offer_id(&app, "drei").await, 7)
        .await
        .unwrap();
    let handler = watch::ReminderJob::handler();
    handler.bind(&dias_core::jobs::JobEnv {
        catalog: app.state.catalog.clone(),
        public_url: "https://dias.example".into(),
        config: app.state.config.clone(),
    });
    let job_id = dias_core::jobs::enqueue(&app.db, REMINDER_JOB, serde_json::Value::Null, None)
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
    assert_eq!(app.mail_count_to("job@example.org").await, 1);
}

#[tokio::test]
async fn the_watch_list_is_exported_and_deleted_with_the_account() {
    let app = app().await;
    insert(&app, &[offer("drei", "In drei Tagen", &[3])]).await;
    let me = app.sign_in_as(Role::Participant).await;
    app.post(
        "/foerderung/merkliste",
        &[("angebot", "drei"), ("tage", "14")],
    )
    .await;
    remind(&app, dias_funding::today()).await;
    let export = app.get("/konto/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let section = &json["modules"]["foerderung"];
    assert_eq!(section["watch_list"][0]["offer"]["slug"], "drei");
    assert_eq!(section["watch_list"][0]["remind_days_before"], 14);
    assert_eq!(
        section["reminders_sent"][0]["deadline"],
        in_days(3).to_string()
    );

    let r = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(listed(&app, me).await.is_empty());
    assert_eq!(
        watch::entities::funding_reminder::Entity::find()
            .filter(watch::entities::funding_reminder::Column::UserId.eq(me))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn result_cards_have_the_merkliste_button_for_accounts() {
    let app = app().await;
    insert(
        &app,
        &[
            offer("bald", "Bald fällig", &[10]),
            offer("spaet", "Später", &[90]),
        ],
    )
    .await;
    // Visitors: no buttons, no extra query.
    let r = app.get("/foerderung").await;
    assert_eq!(r.count("form[id^=merken-]"), 0);
    let me = app.sign_in_as(Role::Participant).await;
    let r = app.get("/foerderung?berechtigte=unternehmen").await;
    assert_eq!(r.count("form[id^=merken-]"), 2);
    assert_eq!(r.count("button[form=merken-bald]"), 1);
    assert_eq!(
        r.attr("#merken-bald input[name=weiter]", "value")
            .as_deref(),
        Some("/foerderung?berechtigte=unternehmen")
    );
    // Pressing it stores the offer and comes back to the same results.
    let r = app
        .post(
            "/foerderung/merkliste",
            &[
                ("angebot", "bald"),
                ("zurueck", "suche"),
                ("weiter", "/foerderung?berechtigte=unternehmen"),
            ],
        )
        .await;
    assert_eq!(
        r.location(),
        "/foerderung?berechtigte=unternehmen&hinweis=funding-watch-added"
    );
    assert_eq!(listed(&app, me).await.len(), 1);
    let page = app.get(r.location()).await;
    assert_eq!(
        page.attr("#merken-bald", "action").as_deref(),
        Some("/foerderung/merkliste/entfernen")
    );
    assert_eq!(
        page.attr("#merken-spaet", "action").as_deref(),
        Some("/foerderung/merkliste")
    );
    // Elsewhere than the search is not a way back.
    let r = app
        .post(
            "/foerderung/merkliste/entfernen",
            &[
                ("angebot", "bald"),
                ("zurueck", "suche"),
                ("weiter", "https://example.org/"),
            ],
        )
        .await;
    assert_eq!(r.location(), "/foerderung?hinweis=funding-watch-removed");
    assert!(listed(&app, me).await.is_empty());
}

/// Accounts without password, inserted in bulk (hashing a password per
/// account would take minutes); returns their ids in order.
async fn bulk_people(app: &TestApp, count: usize) -> Vec<i64> {
    let now = dias_core::time::now();
    let rows: Vec<user::ActiveModel> = (0..count)
        .map(|i| user::ActiveModel {
            email: Set(Some(format!("viele{i}@example.org"))),
            display_name: Set(format!("Person {i}")),
            role: Set(Role::Participant.as_str().to_owned()),
            locale: Set(if i % 2 == 0 { "de" } else { "en" }.to_owned()),
            notify_frequency: Set("weekly".to_owned()),
            email_verified_at: Set(Some(now)),
            failed_logins: Set(0),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in rows.chunks(500) {
        user::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&app.db)
            .await
            .unwrap();
    }
    user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.like("viele%@example.org"))
        .order_by_asc(user::Column::Id)
        .into_tuple::<i64>()
        .all(&app.db)
        .await
        .unwrap()
}

/// Puts these offers on every one of these lists, in bulk.
async fn bulk_watch(app: &TestApp, people: &[i64], offers: &[i64], days: i32) {
    let rows: Vec<funding_watch::ActiveModel> = people
        .iter()
        .flat_map(|&user_id| {
            offers
                .iter()
                .map(move |&offer_id| funding_watch::ActiveModel {
                    user_id: Set(user_id),
                    offer_id: Set(offer_id),
                    remind_days: Set(days),
                    created_at: Set(0),
                    ..Default::default()
                })
        })
        .collect();
    for chunk in rows.chunks(500) {
        funding_watch::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(&app.db)
            .await
            .unwrap();
    }
}

async fn mails_to_many(app: &TestApp) -> (u64, u64) {
    let all = mail::Entity::find()
        .filter(mail::Column::ToAddr.like("viele%@example.org"))
        .count(&app.db)
        .await
        .unwrap();
    let people = mail::Entity::find()
        .select_only()
        .column(mail::Column::ToAddr)
        .distinct()
        .filter(mail::Column::ToAddr.like("viele%@example.org"))
        .count(&app.db)
        .await
        .unwrap();
    (all, people)
}

#[tokio::test]
async fn the_job_pages_through_more_people_than_one_batch() {
    let app = app().await;
    insert(
        &app,
        &[
            offer("drei", "In drei Tagen", &[3]),
            offer("fuenf", "In fünf Tagen", &[5]),
            offer("zwanzig", "In zwanzig Tagen", &[20]),
        ],
    )
    .await;
    let due = [offer_id(&app, "drei").await, offer_id(&app, "fuenf").await];
    let later = offer_id(&app, "zwanzig").await;
    let people = bulk_people(&app, 1_260).await;
    assert_eq!(people.len(), 1_260);
    // 1,200 with two offers due each; 60 with nothing due yet.
    let (reminded, waiting) = people.split_at(1_200);
    bulk_watch(&app, reminded, &due, 7).await;
    bulk_watch(&app, reminded, &[later], 7).await;
    bulk_watch(&app, waiting, &[later], 7).await;

    // The job as the workers run it, with its progress.
    let handler = watch::ReminderJob::handler();
    handler.bind(&dias_core::jobs::JobEnv {
        catalog: app.state.catalog.clone(),
        public_url: "https://dias.example".into(),
        config: app.state.config.clone(),
    });
    let run = || async {
        let id = dias_core::jobs::enqueue(&app.db, REMINDER_JOB, serde_json::Value::Null, None)
            .await
            .unwrap();
        let model = job::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        handler
            .run(dias_core::jobs::JobContext {
                db: app.db.clone(),
                job: model,
            })
            .await
            .unwrap();
        job::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap()
    };
    let first = run().await;
    assert_eq!((first.progress, first.progress_total), (1_260, 1_260));
    assert_eq!(first.message.as_deref(), Some("1200 Erinnerungen"));
    assert_eq!(mails_to_many(&app).await, (1_200, 1_200));
    let mail = app.last_mail_to("viele1199@example.org").await.unwrap();
    assert!(
        mail.contains("In drei Tagen") && mail.contains("In fünf Tagen"),
        "{mail}"
    );
    assert!(!mail.contains("In zwanzig Tagen"), "{mail}");
    assert_eq!(app.mail_count_to("viele1200@example.org").await, 0);

    // Again: nobody is mailed twice.
    let second = run().await;
    assert_eq!(second.message.as_deref(), Some("0 Erinnerungen"));
    assert_eq!(mails_to_many(&app).await, (1_200, 1_200));
}

#[tokio::test]
async fn two_runs_over_several_batches_mail_each_person_once() {
    let app = app().await;
    insert(&app, &[offer("drei", "In drei Tagen", &[3])]).await;
    let drei = offer_id(&app, "drei").await;
    let people = bulk_people(&app, 1_200).await;
    bulk_watch(&app, &people, &[drei], 7).await;
    let today = dias_funding::today();
    let (a, b) = tokio::join!(remind(&app, today), remind(&app, today));
    assert_eq!(a + b, 1_200);
    assert_eq!(mails_to_many(&app).await, (1_200, 1_200));
    assert_eq!(remind(&app, today).await, 0);
}

/// Posts a form as htmx does, signed in with `cookie`.
async fn post_htmx(
    app: &TestApp,
    cookie: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> TestResponse {
    let token = app.csrf().await;
    let mut all: Vec<(&str, &str)> = vec![("_csrf", token.as_str())];
    all.extend_from_slice(fields);
    app.request(
        Request::builder()
            .method("POST")
            .uri(path)
            .header(header::COOKIE, cookie)
            .header("hx-request", "true")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(serde_urlencoded::to_string(&all).unwrap()))
            .unwrap(),
    )
    .await
}

#[tokio::test]
async fn the_merkliste_holds_at_most_200_offers() {
    let app = app().await;
    let count = usize::try_from(MAX_WATCHED).unwrap() + 1;
    let offers: Vec<_> = (0..count)
        .map(|i| offer(&format!("angebot-{i}"), &format!("Angebot {i}"), &[30]))
        .collect();
    insert(&app, &offers).await;
    let mut ids = Vec::new();
    for i in 0..count {
        ids.push(offer_id(&app, &format!("angebot-{i}")).await);
    }
    let (email, me) = (
        "voll@example.org",
        app.create_user("voll@example.org", Role::Participant)
            .await
            .0,
    );
    let login = app.login(email, None).await;
    let cookie = login
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok()?.split(';').next())
        .find(|pair| pair.starts_with("dias_session="))
        .unwrap()
        .to_owned();
    let stored = || async {
        funding_watch::Entity::find()
            .filter(funding_watch::Column::UserId.eq(me))
            .count(&app.db)
            .await
            .unwrap()
    };
    // 199 on the list; the 200th still fits.
    bulk_watch(&app, &[me], &ids[..count - 2], 7).await;
    let r = app
        .post("/foerderung/merkliste", &[("angebot", "angebot-199")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(stored().await, MAX_WATCHED);

    // The 201st is refused without JavaScript: the list with the reason.
    let r = app
        .post(
            "/foerderung/merkliste",
            &[("angebot", "angebot-200"), ("zurueck", "angebot")],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.text(".error-summary")
            .contains("Ihre Merkliste ist voll: Sie können höchstens 200 Angebote merken."),
        "{}",
        r.text(".error-summary")
    );
    assert_eq!(
        r.attr(".error-summary a", "href").as_deref(),
        Some("#merkliste")
    );
    assert_eq!(r.count("#merkliste #funding-watch-list"), 1);
    assert_eq!(stored().await, MAX_WATCHED);
    // From a result card as well.
    let r = app
        .post(
            "/foerderung/merkliste",
            &[
                ("angebot", "angebot-200"),
                ("zurueck", "suche"),
                ("weiter", "/foerderung"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    // With htmx the offer page's button comes back with the reason.
    let r = post_htmx(
        &app,
        &cookie,
        "/foerderung/merkliste",
        &[("angebot", "angebot-200"), ("zurueck", "angebot")],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count("#funding-watch-add"), 1);
    assert!(
        r.text("#funding-watch-error")
            .contains("höchstens 200 Angebote"),
        "{}",
        r.body
    );
    assert_eq!(
        r.attr("#funding-watch-add", "aria-describedby").as_deref(),
        Some("funding-watch-error")
    );
    assert_eq!(stored().await, MAX_WATCHED);
    assert!(
        !listed(&app, me)
            .await
            .iter()
            .any(|(id, _)| *id == ids[count - 1])
    );

    // A full list still changes lead times and takes a repeated submit.
    let r = app
        .post(
            "/foerderung/merkliste",
            &[("angebot", "angebot-0"), ("tage", "14")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = app
        .post("/foerderung/merkliste", &[("angebot", "angebot-0")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(listed(&app, me).await[0], (ids[0], 14));
    // Room made, the offer fits.
    app.post(
        "/foerderung/merkliste/entfernen",
        &[("angebot", "angebot-0")],
    )
    .await;
    let r = post_htmx(
        &app,
        &cookie,
        "/foerderung/merkliste",
        &[("angebot", "angebot-200"), ("zurueck", "angebot")],
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("#funding-watch-state"), "Gemerkt");
    assert_eq!(stored().await, MAX_WATCHED);
}

#[tokio::test]
async fn the_full_list_is_explained_in_english() {
    let app = app().await;
    let offers: Vec<_> = (0..=MAX_WATCHED)
        .map(|i| offer(&format!("angebot-{i}"), &format!("Angebot {i}"), &[30]))
        .collect();
    insert(&app, &offers).await;
    let me = app.sign_in_as(Role::Participant).await;
    let mut ids = Vec::new();
    for i in 0..MAX_WATCHED {
        ids.push(offer_id(&app, &format!("angebot-{i}")).await);
    }
    bulk_watch(&app, &[me], &ids, 7).await;
    app.post("/sprache", &[("lang", "en"), ("zurueck", "/foerderung")])
        .await;
    let r = app
        .post("/foerderung/merkliste", &[("angebot", "angebot-200")])
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(
        r.text(".error-summary")
            .contains("Your watch list is full: you can save at most 200 offers."),
        "{}",
        r.body
    );
}
