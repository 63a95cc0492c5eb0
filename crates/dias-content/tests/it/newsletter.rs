//! The newsletter: double opt-in, the subscriber's links, the staff pages,
//! sending in the background at a fixed rate, retention and the archive.

use axum::http::StatusCode;
use dias_content::entities::{newsletter_deliveries, newsletter_issues, newsletter_subscribers};
use dias_content::newsletter::{self, MailEnv, Purpose};
use dias_core::policy::Role;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use crate::helpers::app;
use crate::support::TestApp;

/// The targets of the error summary's links.
fn summary_links(page: &crate::support::TestResponse) -> Vec<String> {
    let html = page.html();
    let selector = scraper::Selector::parse(".error-summary a").unwrap();
    html.select(&selector)
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect()
}

fn env(app: &TestApp) -> MailEnv<'_> {
    MailEnv {
        catalog: &app.state.catalog,
        public_url: &app.state.config.public_url,
        secret: app.state.config.secret_key.expose().as_bytes(),
    }
}

/// The path of the first link with `prefix` in a mail body.
fn link_path(body: &str, prefix: &str) -> String {
    let at = body
        .find(prefix)
        .unwrap_or_else(|| panic!("no {prefix} link in {body}"));
    let token: String = body[at + prefix.len()..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    format!("{prefix}{token}")
}

async fn subscriber(app: &TestApp, email: &str) -> Option<newsletter_subscribers::Model> {
    newsletter_subscribers::Entity::find()
        .filter(newsletter_subscribers::Column::Email.eq(email))
        .one(&app.db)
        .await
        .unwrap()
}

/// An active subscriber with `topics` (comma-separated keys), stored
/// directly.
async fn active(app: &TestApp, email: &str, topics: &str, locale: &str) -> i64 {
    let now = dias_core::time::now();
    newsletter_subscribers::ActiveModel {
        email: Set(email.to_owned()),
        locale: Set(locale.to_owned()),
        topics: Set(topics.to_owned()),
        status: Set(newsletter::ACTIVE.to_owned()),
        token_salt: Set(dias_core::crypto::random_token()),
        created_at: Set(now - 3600),
        confirmed_at: Set(Some(now - 3000)),
        last_mail_at: Set(Some(now - 3600)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

async fn pending(app: &TestApp, email: &str, created_at: i64) -> i64 {
    newsletter_subscribers::ActiveModel {
        email: Set(email.to_owned()),
        locale: Set("de".to_owned()),
        topics: Set(String::new()),
        status: Set(newsletter::PENDING.to_owned()),
        token_salt: Set(dias_core::crypto::random_token()),
        created_at: Set(created_at),
        confirmed_at: Set(None),
        last_mail_at: Set(Some(created_at)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

/// A draft stored directly; returns its id.
async fn draft(app: &TestApp, subject: &str, topics: &str) -> i64 {
    let now = dias_core::time::now();
    newsletter_issues::ActiveModel {
        subject: Set(subject.to_owned()),
        body: Set(format!(
            "# {subject}\n\nMehr in der [Studie](https://dias.example/studie)."
        )),
        topics: Set(topics.to_owned()),
        status: Set(newsletter::DRAFT.to_owned()),
        created_by: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        sent_at: Set(None),
        recipients: Set(0),
        delivered: Set(0),
        revision: Set(1),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

async fn issue(app: &TestApp, id: i64) -> newsletter_issues::Model {
    newsletter_issues::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
}

/// All mails to `to` (newest first).
async fn mails_to(app: &TestApp, to: &str) -> Vec<dias_core::entities::mail::Model> {
    dias_core::mail::page(&app.state.db, Some(to), 1, 100)
        .await
        .unwrap()
        .0
}

async fn subscribe(app: &TestApp, email: &str, topics: &[&str]) -> crate::support::TestResponse {
    let mut fields = vec![("email", email), ("consent", "ja")];
    for t in topics {
        fields.push(("topics", t));
    }
    app.post("/newsletter", &fields).await
}

// ---------------------------------------------------------------- opt-in

#[tokio::test]
async fn subscribing_confirming_through_the_mail_and_getting_the_next_issue() {
    let app = app().await;
    let form = app.get("/newsletter").await;
    assert_eq!(form.status, 200);
    assert_eq!(form.count("input[name=topics]"), 6);
    assert_eq!(form.count("#content-nl-form a[href='/datenschutz']"), 1);
    assert_eq!(form.count("input[name=feld_leer]"), 1);

    let done = subscribe(&app, "Anna@Example.org", &["ki"]).await;
    assert_eq!(done.status, 200);
    assert!(done.text("#content-nl-done").contains("Postfach"));
    let s = subscriber(&app, "anna@example.org").await.unwrap();
    assert_eq!(s.status, "pending");
    assert_eq!(s.topics, "ki");
    assert_eq!(s.locale, "de");

    let mail = app.last_mail_to("anna@example.org").await.unwrap();
    let confirm = link_path(&mail, "/newsletter/bestaetigen/");
    let unsubscribe = link_path(&mail, "/newsletter/abmelden/");
    assert!(mail.contains("7 Tage"), "{mail}");
    assert!(!unsubscribe.is_empty());

    // A mail scanner's GET changes nothing: a page with a button.
    let page = app.get(&confirm).await;
    assert_eq!(page.status, 200);
    assert_eq!(
        page.count("form[action^='/newsletter/bestaetigen/'] button"),
        1
    );
    assert!(
        page.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store")
    );
    assert_eq!(
        subscriber(&app, "anna@example.org").await.unwrap().status,
        "pending"
    );
    let confirmed = app.post(&confirm, &[]).await;
    assert_eq!(confirmed.status, 200);
    assert!(
        confirmed
            .text("#content-nl-confirmed")
            .contains("anna@example.org")
    );
    let s = subscriber(&app, "anna@example.org").await.unwrap();
    assert_eq!(s.status, "active");
    assert!(s.confirmed_at.is_some());
    // A second click says so again.
    assert_eq!(app.post(&confirm, &[]).await.status, 200);

    // The next issue reaches her.
    let id = draft(&app, "KI-Sprechstunde im Dezember", "ki").await;
    newsletter::start_sending(&app.db, id, 1, 1, dias_core::time::now())
        .await
        .unwrap()
        .unwrap();
    newsletter::send_batch(&app.db, &env(&app), dias_core::time::now(), 60)
        .await
        .unwrap();
    let mails = mails_to(&app, "anna@example.org").await;
    assert_eq!(mails[0].subject, "KI-Sprechstunde im Dezember");
    assert!(
        mails[0]
            .body_text
            .contains("Studie (https://dias.example/studie)")
    );
}

#[tokio::test]
async fn the_answer_never_tells_whether_an_address_is_subscribed_and_mails_are_spaced() {
    let app = app().await;
    active(&app, "known@example.org", "", "de").await;
    // Its last mail more than a day ago (reminders at most once a day).
    newsletter_subscribers::Entity::update_many()
        .col_expr(
            newsletter_subscribers::Column::LastMailAt,
            sea_orm::sea_query::Expr::value(Some(
                dias_core::time::now() - newsletter::REMIND_EVERY_SECS - 1,
            )),
        )
        .filter(newsletter_subscribers::Column::Email.eq("known@example.org"))
        .exec(&app.db)
        .await
        .unwrap();
    let known = subscribe(&app, "known@example.org", &[]).await;
    let unknown = subscribe(&app, "new@example.org", &[]).await;
    assert_eq!(known.status, unknown.status);
    assert_eq!(
        known.text("#content-nl-done"),
        unknown.text("#content-nl-done")
    );
    // The subscriber learns about the request, with the unsubscribe link.
    let note = app.last_mail_to("known@example.org").await.unwrap();
    assert!(note.contains("/newsletter/abmelden/"), "{note}");
    assert!(!note.contains("/newsletter/bestaetigen/"));
    // The topics of an active subscription are not changed by a stranger.
    subscribe(&app, "known@example.org", &["ki"]).await;
    assert_eq!(
        subscriber(&app, "known@example.org").await.unwrap().topics,
        ""
    );

    // Again within ten minutes: no second confirmation mail.
    assert_eq!(app.mail_count_to("new@example.org").await, 1);
    subscribe(&app, "new@example.org", &[]).await;
    assert_eq!(app.mail_count_to("new@example.org").await, 1);
    // Later: the confirmation goes out again.
    newsletter_subscribers::Entity::update_many()
        .col_expr(
            newsletter_subscribers::Column::LastMailAt,
            sea_orm::sea_query::Expr::value(Some(dias_core::time::now() - 601)),
        )
        .filter(newsletter_subscribers::Column::Email.eq("new@example.org"))
        .exec(&app.db)
        .await
        .unwrap();
    let outcome = newsletter::subscribe(
        &app.db,
        &env(&app),
        &newsletter::NewSubscription {
            email: "new@example.org".into(),
            topics: vec![],
            locale: "en".into(),
        },
        dias_core::time::now(),
    )
    .await
    .unwrap();
    assert_eq!(outcome, newsletter::Subscribed::Resent);
    assert_eq!(app.mail_count_to("new@example.org").await, 2);
    let mails = mails_to(&app, "new@example.org").await;
    assert_eq!(
        link_path(&mails[0].body_text, "/newsletter/bestaetigen/"),
        link_path(&mails[1].body_text, "/newsletter/bestaetigen/"),
        "the first link keeps working"
    );
    assert!(mails[0].body_text.contains("Please confirm"));
}

#[tokio::test]
async fn invalid_input_is_shown_with_field_errors_and_kept() {
    let app = app().await;
    let page = app
        .post(
            "/newsletter",
            &[
                ("email", "keine-adresse"),
                ("topics", "ki"),
                ("topics", "breitband"),
            ],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = summary_links(&page);
    assert_eq!(summary, vec!["#email", "#consent"]);
    assert_eq!(page.attr("#email", "value").unwrap(), "keine-adresse");
    assert!(page.attr("#topics-ki", "checked").is_some());
    assert!(page.attr("#topics-breitband", "checked").is_some());
    assert!(page.attr("#topics-foerderung", "checked").is_none());
    let unknown = app
        .post(
            "/newsletter",
            &[
                ("email", "a@example.org"),
                ("consent", "ja"),
                ("topics", "x"),
            ],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        newsletter_subscribers::Entity::find()
            .count(&app.db)
            .await
            .unwrap()
            == 0
    );
}

#[tokio::test]
async fn the_honeypot_and_the_rate_limit_per_client() {
    let app = app().await;
    let bot = app
        .post(
            "/newsletter",
            &[
                ("email", "bot@example.org"),
                ("consent", "ja"),
                ("feld_leer", "https://spam.example"),
            ],
        )
        .await;
    assert_eq!(bot.status, 200);
    assert_eq!(bot.count("#content-nl-done"), 1);
    assert!(subscriber(&app, "bot@example.org").await.is_none());
    assert_eq!(app.mail_count_to("bot@example.org").await, 0);

    for n in 0..newsletter::SUBSCRIBES_PER_HOUR {
        let ok = subscribe(&app, &format!("p{n}@example.org"), &[]).await;
        assert_eq!(ok.status, 200);
    }
    let refused = subscribe(&app, "late@example.org", &["ki"]).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers.contains_key("retry-after"));
    assert_eq!(refused.count("#content-nl-limited"), 1);
    assert_eq!(refused.attr("#email", "value").unwrap(), "late@example.org");
    assert!(refused.attr("#topics-ki", "checked").is_some());
    assert!(subscriber(&app, "late@example.org").await.is_none());
}

// ---------------------------------------------------------------- links

#[tokio::test]
async fn foreign_tampered_and_wrong_purpose_tokens_open_nothing() {
    let app = app().await;
    let now = dias_core::time::now();
    let a = pending(&app, "a@example.org", now).await;
    let b = pending(&app, "b@example.org", now).await;
    let secret = app.state.config.secret_key.expose().as_bytes().to_vec();
    let sa = newsletter_subscribers::Entity::find_by_id(a)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let token_a = newsletter::token(&secret, Purpose::Confirm, a, &sa.token_salt);
    let mac = token_a.split_once('.').unwrap().1;
    // A's key under B's id, a changed character, the unsubscribe key, junk.
    let mut tampered = token_a.clone();
    let last = tampered.pop().unwrap();
    tampered.push(if last == 'A' { 'B' } else { 'A' });
    let unsubscribe_a = newsletter::token(&secret, Purpose::Unsubscribe, a, &sa.token_salt);
    for bad in [
        format!("{b}.{mac}"),
        tampered,
        unsubscribe_a.clone(),
        "x".into(),
        format!("{a}."),
        "99999.abc".into(),
    ] {
        let path = format!("/newsletter/bestaetigen/{bad}");
        assert_eq!(app.get(&path).await.status, 404, "{bad}");
        assert_eq!(app.post(&path, &[]).await.status, 404, "{bad}");
    }
    assert_eq!(
        app.get(&format!("/newsletter/abmelden/{token_a}"))
            .await
            .status,
        404,
        "a confirmation key does not unsubscribe"
    );
    for s in [a, b] {
        let row = newsletter_subscribers::Entity::find_by_id(s)
            .one(&app.db)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(row.status, "pending");
    }
    // A new salt invalidates the old link: genuine, but gone (410).
    let mut row: newsletter_subscribers::ActiveModel = sa.into();
    row.token_salt = Set(dias_core::crypto::random_token());
    row.update(&app.db).await.unwrap();
    let old = app.get(&format!("/newsletter/bestaetigen/{token_a}")).await;
    assert_eq!(old.status, 410);
    assert!(old.text("#content-nl-gone").contains("gilt nicht mehr"));
    assert_eq!(
        app.get(&format!("/newsletter/abmelden/{unsubscribe_a}"))
            .await
            .status,
        410
    );
    // Nothing was confirmed or deleted by the old links.
    assert_eq!(
        subscriber(&app, "a@example.org").await.unwrap().status,
        "pending"
    );
}

#[tokio::test]
async fn links_of_a_deleted_subscription_say_so_with_410() {
    let app = app().await;
    let id = pending(&app, "gone@example.org", dias_core::time::now()).await;
    let s = newsletter_subscribers::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let secret = app.state.config.secret_key.expose().as_bytes().to_vec();
    let confirm = format!(
        "/newsletter/bestaetigen/{}",
        newsletter::token(&secret, Purpose::Confirm, id, &s.token_salt)
    );
    let unsubscribe = format!(
        "/newsletter/abmelden/{}",
        newsletter::token(&secret, Purpose::Unsubscribe, id, &s.token_salt)
    );
    newsletter_subscribers::Entity::delete_by_id(id)
        .exec(&app.db)
        .await
        .unwrap();
    for response in [app.get(&confirm).await, app.post(&confirm, &[]).await] {
        assert_eq!(response.status, 410);
        assert_eq!(
            response.text("#content-nl-gone"),
            "Dieser Bestätigungslink gilt nicht mehr. Er ist abgelaufen oder die Anmeldung wurde gelöscht. Bitte bestellen Sie den Newsletter neu."
        );
        assert_eq!(
            response
                .attr("main a[href='/newsletter']", "href")
                .as_deref(),
            Some("/newsletter")
        );
    }
    for response in [
        app.get(&unsubscribe).await,
        app.post(&unsubscribe, &[]).await,
        app.post(&format!("{unsubscribe}/themen"), &[("topics", "ki")])
            .await,
    ] {
        assert_eq!(response.status, 410);
        assert_eq!(
            response.text("#content-nl-gone"),
            "Diese Adresse ist nicht (mehr) für den Newsletter angemeldet. Sie erhalten keine Ausgaben."
        );
    }
    // A forged link for an id that never existed stays 404.
    let forged = newsletter::token(
        b"not the portal's key, but 32 bytes long",
        Purpose::Confirm,
        id,
        &s.token_salt,
    );
    assert_eq!(
        app.get(&format!("/newsletter/bestaetigen/{forged}"))
            .await
            .status,
        404
    );
}

#[tokio::test]
async fn a_confirmation_link_expires_after_seven_days() {
    let app = app().await;
    let now = dias_core::time::now();
    let id = pending(
        &app,
        "late@example.org",
        now - newsletter::CONFIRM_VALID_SECS - 5,
    )
    .await;
    let s = newsletter_subscribers::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let secret = app.state.config.secret_key.expose().as_bytes().to_vec();
    let path = format!(
        "/newsletter/bestaetigen/{}",
        newsletter::token(&secret, Purpose::Confirm, id, &s.token_salt)
    );
    let expired = app.get(&path).await;
    assert_eq!(expired.status, 410);
    assert!(expired.text("#content-nl-gone").contains("abgelaufen"));
    assert_eq!(app.post(&path, &[]).await.status, 410);
    assert_eq!(
        subscriber(&app, "late@example.org").await.unwrap().status,
        "pending"
    );
}

#[tokio::test]
async fn unsubscribing_from_the_link_deletes_the_row_and_its_deliveries() {
    let app = app().await;
    let id = active(&app, "leave@example.org", "", "de").await;
    let other = active(&app, "stay@example.org", "", "de").await;
    let issue_id = draft(&app, "Ausgabe 1", "").await;
    newsletter::start_sending(&app.db, issue_id, 1, 1, dias_core::time::now())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(issue(&app, issue_id).await.recipients, 2);
    let s = subscriber(&app, "leave@example.org").await.unwrap();
    let link = newsletter::link(
        &app.state.config.public_url,
        app.state.config.secret_key.expose().as_bytes(),
        Purpose::Unsubscribe,
        &s,
    );
    let path = link_path(&link, "/newsletter/abmelden/");
    let page = app.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.text("h1").contains("abbestellen"));
    assert!(subscriber(&app, "leave@example.org").await.is_some());
    let done = app.post(&path, &[]).await;
    assert_eq!(done.status, 200);
    assert_eq!(done.count("#content-nl-unsubscribed"), 1);
    assert!(subscriber(&app, "leave@example.org").await.is_none());
    let left = newsletter_deliveries::Entity::find()
        .filter(newsletter_deliveries::Column::SubscriberId.eq(id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(left, 0);
    assert_eq!(issue(&app, issue_id).await.recipients, 1);
    // The link is spent (410, it says so); the other subscriber stays.
    let spent = app.get(&path).await;
    assert_eq!(spent.status, 410);
    assert!(spent.text("#content-nl-gone").contains("nicht (mehr)"));
    assert!(
        newsletter_subscribers::Entity::find_by_id(other)
            .one(&app.db)
            .await
            .unwrap()
            .is_some()
    );
    // The issue completes with the one left.
    newsletter::send_batch(&app.db, &env(&app), dias_core::time::now(), 60)
        .await
        .unwrap();
    let sent = issue(&app, issue_id).await;
    assert_eq!((sent.status.as_str(), sent.delivered), ("sent", 1));
    assert_eq!(app.mail_count_to("leave@example.org").await, 0);
}

// ---------------------------------------------------------------- sending

#[tokio::test]
async fn sending_matches_topics_skips_the_unconfirmed_and_every_mail_unsubscribes() {
    let app = app().await;
    let now = dias_core::time::now();
    active(&app, "all@example.org", "", "de").await;
    active(&app, "ki@example.org", "ki", "en").await;
    active(&app, "breitband@example.org", "breitband,foerderung", "de").await;
    pending(&app, "unconfirmed@example.org", now).await;

    let ki = draft(&app, "KI in Sachsen", "ki,agentur").await;
    let everyone = draft(&app, "Jahresrückblick", "").await;
    assert_eq!(
        newsletter::start_sending(&app.db, ki, 1, 1, now)
            .await
            .unwrap(),
        Ok(2)
    );
    assert_eq!(
        newsletter::start_sending(&app.db, everyone, 1, 1, now)
            .await
            .unwrap(),
        Ok(3)
    );
    newsletter::send_batch(&app.db, &env(&app), now, 60)
        .await
        .unwrap();
    let subjects = |mails: Vec<dias_core::entities::mail::Model>| {
        let mut s: Vec<String> = mails.into_iter().map(|m| m.subject).collect();
        s.sort();
        s
    };
    assert_eq!(
        subjects(mails_to(&app, "all@example.org").await),
        ["Jahresrückblick", "KI in Sachsen"]
    );
    assert_eq!(
        subjects(mails_to(&app, "ki@example.org").await),
        ["Jahresrückblick", "KI in Sachsen"]
    );
    assert_eq!(
        subjects(mails_to(&app, "breitband@example.org").await),
        ["Jahresrückblick"]
    );
    // Only the confirmation request ever reached the unconfirmed address.
    assert_eq!(app.mail_count_to("unconfirmed@example.org").await, 0);

    // Every newsletter mail carries its own working unsubscribe link, in
    // the subscriber's language.
    let ki_mail = &mails_to(&app, "ki@example.org").await[0];
    assert!(
        ki_mail.body_text.contains("Unsubscribe"),
        "{}",
        ki_mail.body_text
    );
    // Each issue mail starts with the issue's address on the web, in the
    // subscriber's language.
    let public = app.state.config.public_url.trim_end_matches('/').to_owned();
    for mail in mails_to(&app, "ki@example.org").await {
        let id = if mail.subject == "KI in Sachsen" {
            ki
        } else {
            everyone
        };
        assert!(
            mail.body_text.starts_with(&format!(
                "Read this issue on the web: {public}/newsletter/archiv/{id}\n\n"
            )),
            "{}",
            mail.body_text
        );
    }
    for mail in mails_to(&app, "breitband@example.org").await {
        assert!(
            mail.body_text.starts_with(&format!(
                "Diese Ausgabe im Web lesen: {public}/newsletter/archiv/{everyone}\n\n"
            )),
            "{}",
            mail.body_text
        );
    }
    for to in ["all@example.org", "ki@example.org", "breitband@example.org"] {
        for mail in mails_to(&app, to).await {
            let path = link_path(&mail.body_text, "/newsletter/abmelden/");
            let page = app.get(&path).await;
            assert_eq!(page.status, 200, "{to}");
            assert!(page.body.contains(to));
        }
    }
    let path = link_path(
        &mails_to(&app, "breitband@example.org").await[0].body_text,
        "/newsletter/abmelden/",
    );
    assert_eq!(app.post(&path, &[]).await.status, 200);
    assert!(subscriber(&app, "breitband@example.org").await.is_none());
    for id in [ki, everyone] {
        let i = issue(&app, id).await;
        assert_eq!(i.status, "sent");
        assert!(i.sent_at.is_some());
        assert_eq!(i.delivered, i.recipients);
    }
}

#[tokio::test]
async fn the_job_sends_at_the_rate_reports_progress_and_never_mails_twice() {
    let app = app().await;
    let n = 7;
    for i in 0..n {
        active(&app, &format!("s{i}@example.org"), "", "de").await;
    }
    let id = draft(&app, "Förderaufruf Gigabit", "foerderung").await;
    let t0 = dias_core::time::now();
    newsletter::start_sending(&app.db, id, 1, 1, t0)
        .await
        .unwrap()
        .unwrap();

    // The job queued with the send: claimed and run like a worker does.
    let env = dias_core::jobs::JobEnv {
        catalog: app.state.catalog.clone(),
        public_url: app.state.config.public_url.clone(),
        config: app.state.config.clone(),
    };
    let job = dias_core::jobs::claim(&app.db, "test", &[newsletter::SEND_JOB.to_owned()])
        .await
        .unwrap()
        .expect("sending queues the job");
    let handler = newsletter::SendJob::default();
    dias_core::jobs::JobHandler::bind(&handler, &env);
    dias_core::jobs::JobHandler::run(
        &handler,
        dias_core::jobs::JobContext {
            db: app.db.clone(),
            job: job.clone(),
        },
    )
    .await
    .unwrap();
    let row = dias_core::entities::job::Entity::find_by_id(job.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((row.progress, row.progress_total), (n, n));

    // Per run: at most the limit given; two runs at once and repeated runs
    // never hand a delivery twice.
    let id2 = draft(&app, "Zweite Ausgabe", "").await;
    newsletter::start_sending(&app.db, id2, 1, 1, t0)
        .await
        .unwrap()
        .unwrap();
    let later = t0 + 120;
    let first = newsletter::send_batch(&app.db, &env_of(&app), later, 3)
        .await
        .unwrap();
    assert_eq!(first.handed, 3);
    assert_eq!((first.delivered, first.recipients), (3, n));
    assert_eq!(first.remaining, (n - 3) as u64);
    let shown = {
        app.sign_in_as(Role::Staff).await;
        app.get(&format!("/redaktion/newsletter/{id2}")).await
    };
    assert_eq!(shown.attr("#content-nl-progress", "value").unwrap(), "3");
    assert_eq!(
        shown.attr("#content-nl-progress", "max").unwrap(),
        n.to_string()
    );
    assert!(shown.text("#content-nl-status").contains("3 von 7"));
    let overview = app.get("/redaktion/newsletter").await;
    assert!(overview.text(&format!("#issue-{id2}")).contains("3 von 7"));

    let e = env_of(&app);
    let (a, b) = tokio::join!(
        newsletter::send_batch(&app.db, &e, later + 120, 60),
        newsletter::send_batch(&app.db, &e, later + 120, 60),
    );
    assert_eq!(a.unwrap().handed + b.unwrap().handed, (n - 3) as u64);
    let again = newsletter::send_batch(&app.db, &e, later + 240, 60)
        .await
        .unwrap();
    assert_eq!(again.handed, 0);
    for i in 0..n {
        let to = format!("s{i}@example.org");
        let subjects: Vec<String> = mails_to(&app, &to)
            .await
            .into_iter()
            .map(|m| m.subject)
            .collect();
        assert_eq!(subjects.len(), 2, "{to}: {subjects:?}");
        assert!(subjects.contains(&"Zweite Ausgabe".to_owned()));
        assert!(subjects.contains(&"Förderaufruf Gigabit".to_owned()));
    }
    let done = issue(&app, id2).await;
    assert_eq!((done.status.as_str(), done.delivered), ("sent", n as i32));
}

fn env_of(app: &TestApp) -> MailEnv<'_> {
    env(app)
}

#[tokio::test]
async fn no_more_than_the_rate_per_minute_over_all_runs() {
    let app = app().await;
    let total = newsletter::SEND_PER_MINUTE + 5;
    for i in 0..total {
        active(&app, &format!("r{i}@example.org"), "", "de").await;
    }
    let id = draft(&app, "Viele Empfänger", "").await;
    let now = dias_core::time::now();
    newsletter::start_sending(&app.db, id, 1, 1, now)
        .await
        .unwrap()
        .unwrap();
    // Two runs at the same moment share the minute's allowance.
    let e = env(&app);
    let (a, b) = tokio::join!(
        newsletter::send_batch(&app.db, &e, now, 1_000),
        newsletter::send_batch(&app.db, &e, now, 1_000),
    );
    assert_eq!(
        a.unwrap().handed + b.unwrap().handed,
        newsletter::SEND_PER_MINUTE
    );
    // Within the same minute another run hands nothing.
    let same_minute = newsletter::send_batch(&app.db, &env(&app), now + 30, 1_000)
        .await
        .unwrap();
    assert_eq!(same_minute.handed, 0);
    assert_eq!(issue(&app, id).await.status, "sending");
    let next = newsletter::send_batch(&app.db, &env(&app), now + 61, 1_000)
        .await
        .unwrap();
    assert_eq!(next.handed, 5);
    assert_eq!(issue(&app, id).await.status, "sent");
}

// ---------------------------------------------------------------- retention

#[tokio::test]
async fn retention_deletes_only_pending_subscriptions_older_than_seven_days() {
    let app = app().await;
    let now = dias_core::time::now();
    let week = newsletter::PENDING_KEEP_SECS;
    pending(&app, "old@example.org", now - week - 1).await;
    pending(&app, "young@example.org", now - week + 60).await;
    let old_active = active(&app, "loyal@example.org", "", "de").await;
    newsletter_subscribers::Entity::update_many()
        .col_expr(
            newsletter_subscribers::Column::CreatedAt,
            sea_orm::sea_query::Expr::value(now - 10 * week),
        )
        .filter(newsletter_subscribers::Column::Id.eq(old_active))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(newsletter::purge_pending(&app.db, now).await.unwrap(), 1);
    assert!(subscriber(&app, "old@example.org").await.is_none());
    assert!(subscriber(&app, "young@example.org").await.is_some());
    assert!(subscriber(&app, "loyal@example.org").await.is_some());
    // Registered as a daily schedule of the module.
    let module = dias_content::module();
    let schedule = module
        .schedules
        .iter()
        .find(|s| s.kind == newsletter::RETENTION_JOB)
        .expect("retention is scheduled");
    assert_eq!(schedule.every_secs, 24 * 3600);
    assert!(
        module
            .schedules
            .iter()
            .any(|s| s.kind == newsletter::SEND_JOB)
    );
}

// ---------------------------------------------------------------- staff

#[tokio::test]
async fn staff_compose_preview_test_mail_and_send_after_confirming() {
    let app = app().await;
    active(&app, "one@example.org", "ki", "de").await;
    active(&app, "two@example.org", "breitband", "de").await;
    pending(&app, "three@example.org", dias_core::time::now()).await;
    let staff = app.sign_in_as(Role::Staff).await;
    let staff_email = dias_core::entities::user::Entity::find_by_id(staff)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .email
        .unwrap();

    let overview = app.get("/redaktion/newsletter").await;
    assert_eq!(overview.status, 200);
    assert_eq!(overview.text("#content-nl-count-active"), "2");
    assert_eq!(overview.text("#content-nl-count-pending"), "1");
    assert!(overview.body.contains("content-nl-per-topic"));

    let invalid = app
        .post(
            "/redaktion/newsletter/neu",
            &[("body", "Nur Text"), ("topics", "ki")],
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(summary_links(&invalid), vec!["#subject"]);
    assert_eq!(invalid.text("#body"), "Nur Text");
    assert!(invalid.attr("#topics-ki", "checked").is_some());

    let created = app
        .post(
            "/redaktion/newsletter/neu",
            &[
                ("subject", "KI-Studie Sachsen erschienen"),
                ("body", "Die [Studie](https://dias.example/ki) ist da."),
                ("topics", "ki"),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER);
    let path = created.location().split('?').next().unwrap().to_owned();
    let id: i64 = path.rsplit('/').next().unwrap().parse().unwrap();
    let page = app.get(&path).await;
    assert_eq!(page.status, 200);
    let preview = page.text("#content-nl-preview");
    assert!(preview.contains("Die Studie (https://dias.example/ki) ist da."));
    assert!(preview.contains("/newsletter/abmelden/"));

    // Test mail to oneself.
    let tested = app
        .post(&format!("/redaktion/newsletter/{id}/testmail"), &[])
        .await;
    assert_eq!(tested.status, StatusCode::SEE_OTHER);
    let mails = mails_to(&app, &staff_email).await;
    assert_eq!(mails[0].subject, "[Test] KI-Studie Sachsen erschienen");
    assert_eq!(app.mail_count_to("one@example.org").await, 0);

    // Edit with the revision; a stale revision is refused with the text kept.
    let saved = app
        .post(
            &path,
            &[
                ("revision", "1"),
                ("subject", "KI-Studie Sachsen 2026 erschienen"),
                ("body", "Neu."),
                ("topics", "ki"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let stale = app
        .post(
            &path,
            &[("revision", "1"), ("subject", "Alt"), ("body", "Mein Text")],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.text("#body"), "Mein Text");

    // The confirmation names the recipients; nothing is sent before.
    let confirm = app
        .get(&format!("/redaktion/newsletter/{id}/versenden"))
        .await;
    assert_eq!(confirm.status, 200);
    assert!(
        confirm
            .text("#content-nl-send-count")
            .contains("ein bestätigtes")
    );
    assert_eq!(issue(&app, id).await.status, "draft");
    // An outdated confirmation page does not send.
    let outdated = app
        .post(
            &format!("/redaktion/newsletter/{id}/versenden"),
            &[("revision", "1")],
        )
        .await;
    assert_eq!(outdated.status, StatusCode::CONFLICT);
    let sent = app
        .post(
            &format!("/redaktion/newsletter/{id}/versenden"),
            &[("revision", "2")],
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let i = issue(&app, id).await;
    assert_eq!((i.status.as_str(), i.recipients), ("sending", 1));

    // Sending: editing, sending again and deleting are refused.
    let refused = app
        .post(
            &path,
            &[
                ("revision", "2"),
                ("subject", "Geändert"),
                ("body", "Zu spät"),
            ],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert!(refused.text("#content-nl-conflict").contains("versendet"));
    assert_eq!(refused.text("#body"), "Zu spät");
    assert_eq!(
        issue(&app, id).await.subject,
        "KI-Studie Sachsen 2026 erschienen"
    );
    assert_eq!(
        app.post(
            &format!("/redaktion/newsletter/{id}/versenden"),
            &[("revision", "2")]
        )
        .await
        .status,
        StatusCode::CONFLICT
    );
    assert_eq!(
        app.post(&format!("/redaktion/newsletter/{id}/loeschen"), &[])
            .await
            .status,
        StatusCode::CONFLICT
    );
    let audit = dias_core::entities::audit_entry::Entity::find()
        .filter(dias_core::entities::audit_entry::Column::Action.eq("content.newsletter.send"))
        .order_by_desc(dias_core::entities::audit_entry::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("sending is audited");
    assert_eq!(audit.actor_id, Some(staff));
}

#[tokio::test]
async fn staff_pages_are_for_staff_only() {
    let app = app().await;
    let id = draft(&app, "Entwurf", "").await;
    let gets = [
        "/redaktion/newsletter".to_owned(),
        "/redaktion/newsletter/neu".to_owned(),
        format!("/redaktion/newsletter/{id}"),
        format!("/redaktion/newsletter/{id}/versenden"),
        format!("/redaktion/newsletter/{id}/loeschen"),
    ];
    let posts = [
        "/redaktion/newsletter/neu".to_owned(),
        format!("/redaktion/newsletter/{id}"),
        format!("/redaktion/newsletter/{id}/testmail"),
        format!("/redaktion/newsletter/{id}/versenden"),
        format!("/redaktion/newsletter/{id}/loeschen"),
    ];
    // Visitors are sent to sign in.
    for path in &gets {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/konto/anmelden"), "{path}");
    }
    for path in &posts {
        let r = app
            .post(path, &[("revision", "1"), ("subject", "x"), ("body", "y")])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
    }
    for role in [Role::Participant, Role::Moderator, Role::Municipality] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in &gets {
            assert_eq!(app.get(path).await.status, 403, "{role:?} {path}");
        }
        for path in &posts {
            let r = app
                .post(path, &[("revision", "1"), ("subject", "x"), ("body", "y")])
                .await;
            assert_eq!(r.status, 403, "{role:?} {path}");
        }
    }
    assert_eq!(issue(&app, id).await.status, "draft");
    assert_eq!(issue(&app, id).await.subject, "Entwurf");
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    for path in &gets {
        assert_eq!(app.get(path).await.status, 200, "{path}");
    }
}

#[tokio::test]
async fn posts_without_the_csrf_token_are_refused() {
    let app = app().await;
    let now = dias_core::time::now();
    let sid = pending(&app, "c@example.org", now).await;
    let s = newsletter_subscribers::Entity::find_by_id(sid)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let secret = app.state.config.secret_key.expose().as_bytes().to_vec();
    let confirm = format!(
        "/newsletter/bestaetigen/{}",
        newsletter::token(&secret, Purpose::Confirm, sid, &s.token_salt)
    );
    let unsubscribe = format!(
        "/newsletter/abmelden/{}",
        newsletter::token(&secret, Purpose::Unsubscribe, sid, &s.token_salt)
    );
    let r = app
        .post_raw(
            "/newsletter",
            &[("email", "x@example.org"), ("consent", "ja")],
        )
        .await;
    assert_eq!(r.status, 403);
    assert_eq!(app.post_raw(&confirm, &[]).await.status, 403);
    assert_eq!(app.post_raw(&unsubscribe, &[]).await.status, 403);
    assert_eq!(
        subscriber(&app, "c@example.org").await.unwrap().status,
        "pending"
    );
    assert!(subscriber(&app, "x@example.org").await.is_none());

    let id = draft(&app, "Entwurf", "").await;
    app.sign_in_as(Role::Staff).await;
    for path in [
        "/redaktion/newsletter/neu".to_owned(),
        format!("/redaktion/newsletter/{id}"),
        format!("/redaktion/newsletter/{id}/testmail"),
        format!("/redaktion/newsletter/{id}/versenden"),
        format!("/redaktion/newsletter/{id}/loeschen"),
    ] {
        let r = app
            .post_raw(&path, &[("revision", "1"), ("subject", "x"), ("body", "y")])
            .await;
        assert_eq!(r.status, 403, "{path}");
    }
    assert_eq!(issue(&app, id).await.status, "draft");
}

#[tokio::test]
async fn deleting_a_draft_asks_first_without_javascript() {
    let app = app().await;
    let id = draft(&app, "Wegwerfentwurf", "").await;
    app.sign_in_as(Role::Staff).await;
    let delete = format!("/redaktion/newsletter/{id}/loeschen");
    let edit = app.get(&format!("/redaktion/newsletter/{id}")).await;
    assert_eq!(edit.count("nav.admin-nav"), 1);
    assert_eq!(
        edit.count(&format!("form[action='{delete}'][data-confirm] noscript")),
        1
    );
    let asked = app.post(&delete, &[("ohne_js", "ja")]).await;
    assert_eq!(asked.status, StatusCode::SEE_OTHER);
    assert_eq!(asked.headers["location"], delete.as_str());
    let confirm = app.get(&delete).await;
    assert_eq!(confirm.status, StatusCode::OK);
    assert!(
        confirm
            .text("#content-delete-question")
            .contains("Wegwerfentwurf")
    );
    assert_eq!(issue(&app, id).await.status, "draft");
    let done = app.post(&delete, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(
        newsletter_issues::Entity::find_by_id(id)
            .one(&app.db)
            .await
            .unwrap()
            .is_none()
    );
}

// ---------------------------------------------------------------- archive

#[tokio::test]
async fn the_archive_shows_only_sent_issues_newest_first() {
    let app = app().await;
    active(&app, "reader@example.org", "", "de").await;
    let now = dias_core::time::now();
    let older = draft(&app, "Ältere Ausgabe", "").await;
    let newer = draft(&app, "Neuere Ausgabe", "").await;
    let sending = draft(&app, "Wird versendet", "").await;
    let draft_id = draft(&app, "Noch Entwurf", "").await;
    for (id, at) in [(older, now - 7200), (newer, now - 3600)] {
        newsletter::start_sending(&app.db, id, 1, 1, at)
            .await
            .unwrap()
            .unwrap();
        newsletter::send_batch(&app.db, &env(&app), at, 60)
            .await
            .unwrap();
        assert_eq!(issue(&app, id).await.status, "sent");
    }
    newsletter::start_sending(&app.db, sending, 1, 1, now)
        .await
        .unwrap()
        .unwrap();

    let list = app.get("/newsletter/archiv").await;
    assert_eq!(list.status, 200);
    assert_eq!(
        list.texts("#content-nl-archive a"),
        vec!["Neuere Ausgabe", "Ältere Ausgabe"]
    );
    let one = app.get(&format!("/newsletter/archiv/{older}")).await;
    assert_eq!(one.status, 200);
    assert_eq!(one.text("h1"), "Ältere Ausgabe");
    assert_eq!(
        one.attr("article a[href='https://dias.example/studie']", "href")
            .as_deref(),
        Some("https://dias.example/studie")
    );
    // An issue being sent is readable (its mails link here), a draft not.
    assert_eq!(
        app.get(&format!("/newsletter/archiv/{sending}"))
            .await
            .status,
        200
    );
    assert_eq!(
        app.get(&format!("/newsletter/archiv/{draft_id}"))
            .await
            .status,
        404
    );
    assert_eq!(app.get("/newsletter/archiv/nichts").await.status, 404);
    assert_eq!(app.get("/newsletter/archiv?seite=0").await.status, 400);
}

#[tokio::test]
async fn subscribers_change_their_topics_from_the_link_instead_of_leaving() {
    let app = app().await;
    active(&app, "topics@example.org", "breitband", "de").await;
    let s = subscriber(&app, "topics@example.org").await.unwrap();
    let secret = app.state.config.secret_key.expose().as_bytes().to_vec();
    let token = newsletter::token(&secret, Purpose::Unsubscribe, s.id, &s.token_salt);
    let page = app.get(&format!("/newsletter/abmelden/{token}")).await;
    assert_eq!(page.status, 200);
    assert!(page.attr("#topics-breitband", "checked").is_some());
    let themen = format!("/newsletter/abmelden/{token}/themen");
    let saved = app
        .post(&themen, &[("topics", "ki"), ("topics", "foerderung")])
        .await;
    assert_eq!(saved.status, 200);
    assert_eq!(saved.count("#content-nl-topics-saved"), 1);
    assert!(saved.attr("#topics-ki", "checked").is_some());
    assert_eq!(
        subscriber(&app, "topics@example.org").await.unwrap().topics,
        "foerderung,ki"
    );
    let wrong = app
        .post(&themen, &[("topics", "ki"), ("topics", "x")])
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(summary_links(&wrong), vec!["#topics"]);
    assert_eq!(app.post_raw(&themen, &[("topics", "ki")]).await.status, 403);
    // None chosen: every topic.
    assert_eq!(app.post(&themen, &[]).await.status, 200);
    assert_eq!(
        subscriber(&app, "topics@example.org").await.unwrap().topics,
        ""
    );
    // A pending subscription has nothing to change; a foreign key opens nothing.
    let p = pending(&app, "p@example.org", dias_core::time::now()).await;
    let ps = newsletter_subscribers::Entity::find_by_id(p)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let pt = newsletter::token(&secret, Purpose::Unsubscribe, p, &ps.token_salt);
    assert_eq!(
        app.post(
            &format!("/newsletter/abmelden/{pt}/themen"),
            &[("topics", "ki")]
        )
        .await
        .status,
        404
    );
    let confirm_key = newsletter::token(&secret, Purpose::Confirm, s.id, &s.token_salt);
    assert_eq!(
        app.post(
            &format!("/newsletter/abmelden/{confirm_key}/themen"),
            &[("topics", "ki")]
        )
        .await
        .status,
        404
    );
}

/// Security review (issue 9): repeated requests for one address cannot
/// make the portal mail a third party without end. A pending address gets
/// its confirmation again after doubling pauses (≈10 mails in its week),
/// and asking again does not restart its week (so it is purged in time);
/// an active address is reminded at most once a day.
#[tokio::test]
async fn repeated_requests_cannot_mail_bomb_an_address() {
    let app = app().await;
    let new = |email: &str| newsletter::NewSubscription {
        email: email.into(),
        topics: Vec::new(),
        locale: "de".into(),
    };
    let start = dias_core::time::now() - newsletter::CONFIRM_VALID_SECS;
    // One request every 601 s (from ever new client addresses) for a day.
    let victim = new("opfer@example.org");
    let mut k = 0;
    while k * 601 < 24 * 3600 {
        newsletter::subscribe(&app.db, &env(&app), &victim, start + k * 601)
            .await
            .unwrap();
        k += 1;
    }
    let first_day = app.mail_count_to("opfer@example.org").await;
    assert!(
        (2..=9).contains(&first_day),
        "{first_day} mails on the first day"
    );
    // … and on for the rest of the week.
    while k * 601 < newsletter::CONFIRM_VALID_SECS {
        newsletter::subscribe(&app.db, &env(&app), &victim, start + k * 601)
            .await
            .unwrap();
        k += 1;
    }
    let week = app.mail_count_to("opfer@example.org").await;
    assert!(week <= 12, "{week} mails in the week");
    let row = subscriber(&app, "opfer@example.org").await.unwrap();
    assert_eq!(row.created_at, start, "the week is not restarted");
    assert_eq!(row.status, "pending");
    // The pause rule itself.
    assert!(newsletter::resend_due(0, Some(0), 600));
    assert!(!newsletter::resend_due(0, Some(600), 1199));
    assert!(newsletter::resend_due(0, Some(600), 1200));
    assert!(!newsletter::resend_due(0, Some(4800), 9599));
    assert!(newsletter::resend_due(0, Some(4800), 9600));

    // An active address: one reminder a day at most.
    let known = new("aktiv@example.org");
    let t0 = dias_core::time::now() - 3 * 24 * 3600;
    newsletter::subscribe(&app.db, &env(&app), &known, t0)
        .await
        .unwrap();
    let id = subscriber(&app, "aktiv@example.org").await.unwrap().id;
    assert!(newsletter::confirm(&app.db, id, t0 + 60).await.unwrap());
    let mut reminded = 0;
    for i in 1..=144 {
        let outcome = newsletter::subscribe(&app.db, &env(&app), &known, t0 + i * 601)
            .await
            .unwrap();
        if outcome == newsletter::Subscribed::Reminded {
            reminded += 1;
        }
    }
    assert_eq!(reminded, 1, "one reminder in a day");
    assert_eq!(app.mail_count_to("aktiv@example.org").await, 2);
}
