//! The editorial workflow (Redaktion): versions and status log in the
//! store, and the staff pages.

use axum::http::StatusCode;
use dias_core::policy::Role;
use dias_funding::Offer;
use dias_funding::editorial::{self, OfferInput};
use dias_funding::store::{self, Base, Change};
use dias_funding::vocab::Status;

use crate::helpers::{app, app_with_catalogue, catalogue};
use crate::support::{PASSWORD, TestApp, TestResponse};

/// The reviewer „Als geprüft markieren“ records: the team, in German.
const TEAM: &str = "Redaktion Digitalagentur Sachsen";

#[tokio::test]
async fn save_creates_updates_and_leaves_unchanged_records_alone() {
    let app = app().await;
    let today = dias_funding::today();
    let offers = catalogue();
    let digi_z = offers[0].clone();

    let created = store::save(&app.db, &digi_z, None, "neu", today, 100)
        .await
        .unwrap();
    assert_eq!((created.change, created.version), (Change::Created, 1));
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 1);

    let again = store::save(&app.db, &digi_z, None, "nochmal", today, 200)
        .await
        .unwrap();
    assert_eq!(
        (again.id, again.change, again.version),
        (created.id, Change::Unchanged, 1)
    );
    assert_eq!(
        store::offers_version(&app.db).await.unwrap(),
        1,
        "nothing written"
    );

    let mut stopped = digi_z.clone();
    stopped.status = Status::Stopped;
    stopped.status_note = "Mittel ausgeschöpft.".into();
    let updated = store::save(&app.db, &stopped, Some(7), "Antragstopp", today, 300)
        .await
        .unwrap();
    assert_eq!(
        (updated.id, updated.change, updated.version),
        (created.id, Change::Updated, 2)
    );
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);
    let stored = store::by_slug(&app.db, "digi-z").await.unwrap().unwrap();
    assert_eq!(stored.offer, stopped);
    assert_eq!((stored.created_at, stored.updated_at), (100, 300));

    let history = store::versions(&app.db, created.id).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|v| (v.version, v.author_id, v.note.as_str()))
            .collect::<Vec<_>>(),
        vec![(2, Some(7), "Antragstopp"), (1, None, "neu")],
        "newest first"
    );
    let v1 = store::version(&app.db, created.id, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(v1.offer, digi_z);
    let log = store::status_log(&app.db, created.id).await.unwrap();
    assert_eq!(log.len(), 1);
    assert_eq!(
        (log[0].from, log[0].to, log[0].note.as_str(), log[0].user_id),
        (Status::Open, Status::Stopped, "Antragstopp", Some(7))
    );

    let conflict = store::save_checked(&app.db, &digi_z, None, "alt", Base::Version(1), today, 400)
        .await
        .unwrap()
        .unwrap_err();
    assert_eq!((conflict.expected, conflict.current), (1, 2));
    let ok = store::save_checked(
        &app.db,
        &digi_z,
        None,
        "zurück",
        Base::Version(2),
        today,
        400,
    )
    .await
    .unwrap()
    .unwrap();
    assert_eq!(ok.version, 3);
}

#[tokio::test]
async fn save_many_handles_a_mixed_batch_in_few_queries() {
    let app = app().await;
    let today = dias_funding::today();
    let offers = catalogue();
    let (first, rest) = offers.split_at(10);
    store::insert_many(&app.db, first, today, 10).await.unwrap();
    let ids = store::all(&app.db).await.unwrap();
    assert!(
        store::versions(&app.db, ids[0].id).await.unwrap().len() == 1,
        "the demo insert writes version 1"
    );

    let mut batch: Vec<_> = offers.clone();
    batch[1].summary.push_str(" Ergänzt.");
    let saved = store::save_many(&app.db, &batch, Some(1), "Import", today, 20)
        .await
        .unwrap();
    assert_eq!(saved.len(), batch.len());
    assert_eq!(saved[0].change, Change::Unchanged);
    assert_eq!((saved[1].change, saved[1].version), (Change::Updated, 2));
    assert!(saved[10..].iter().all(|s| s.change == Change::Created));
    assert!(rest.len() + 10 == saved.len());
    assert_eq!(store::all(&app.db).await.unwrap().len(), offers.len());
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);

    let none = store::save_many(&app.db, &batch, None, "Import", today, 30)
        .await
        .unwrap();
    assert!(none.iter().all(|s| s.change == Change::Unchanged));
    assert_eq!(store::offers_version(&app.db).await.unwrap(), 2);
}

// ------------------------------------------------------------------ pages

/// The edit form of an offer as a browser submits it, with changes.
fn form_of(offer: &Offer, version: i32, changes: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut input = OfferInput::from_offer(offer);
    input.set("version", version.to_string());
    for (name, value) in changes {
        input.set(name, *value);
    }
    input.to_pairs()
}

async fn post_form(app: &TestApp, path: &str, pairs: &[(String, String)]) -> TestResponse {
    let fields: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post(path, &fields).await
}

/// The fields a browser would submit from the edit form of a page, with
/// „Speichern“.
fn shown_form(r: &TestResponse) -> Vec<(String, String)> {
    let html = r.html();
    let form = scraper::Selector::parse("#funding-editorial-form").unwrap();
    let form = html.select(&form).next().expect("the edit form");
    let fields = scraper::Selector::parse("input, textarea, select").unwrap();
    let option = scraper::Selector::parse("option[selected]").unwrap();
    let mut pairs = Vec::new();
    for field in form.select(&fields) {
        let el = field.value();
        let Some(name) = el.attr("name") else {
            continue;
        };
        let value = match el.name() {
            "textarea" => field.text().collect::<String>(),
            "select" => field
                .select(&option)
                .next()
                .and_then(|o| o.value().attr("value"))
                .unwrap_or("")
                .to_owned(),
            _ => {
                let kind = el.attr("type").unwrap_or("text");
                if name == "_csrf"
                    || ((kind == "checkbox" || kind == "radio") && el.attr("checked").is_none())
                {
                    continue;
                }
                el.attr("value").unwrap_or("").to_owned()
            }
        };
        pairs.push((name.to_owned(), value));
    }
    pairs.push(("schritt".into(), "speichern".into()));
    pairs
}

async fn offer(app: &TestApp, slug: &str) -> dias_funding::store::StoredOffer {
    store::by_slug(&app.db, slug).await.unwrap().unwrap()
}

async fn version_count(app: &TestApp, slug: &str) -> usize {
    let id = offer(app, slug).await.id;
    store::versions(&app.db, id).await.unwrap().len()
}

#[tokio::test]
async fn staff_edit_an_offer_error_first_then_saved_as_a_new_version() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let form = app.get("/foerderung/redaktion/digi-z").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(
        form.attr("input[name=version]", "value").as_deref(),
        Some("1")
    );
    assert_eq!(
        form.attr("#title", "value").as_deref(),
        Some("Digitalisierung Zuschuss (FRL Digi-Z)")
    );
    assert!(form.count("#funding_types-zuschuss[checked]") == 1);
    let before = offer(&app, "digi-z").await;
    let counter = store::offers_version(&app.db).await.unwrap();

    // An error: the input comes back, nothing is stored.
    let bad = form_of(
        &before.offer,
        1,
        &[
            ("title", ""),
            ("amount_max_eur", "120.000"),
            ("funder", "Neuer Fördergeber"),
            ("note", "Höchstbetrag angepasst"),
        ],
    );
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &bad).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.count(".error-summary a[href='#title']"), 1);
    assert_eq!(r.count(".error-summary a[href='#amount_max_eur']"), 1);
    assert!(!r.text("#title-error").is_empty());
    assert_eq!(
        r.attr("#funder", "value").as_deref(),
        Some("Neuer Fördergeber")
    );
    assert_eq!(
        r.attr("#amount_max_eur", "value").as_deref(),
        Some("120.000")
    );
    assert_eq!(
        r.attr("#note", "value").as_deref(),
        Some("Höchstbetrag angepasst")
    );
    assert_eq!(offer(&app, "digi-z").await.offer, before.offer);
    assert_eq!(store::offers_version(&app.db).await.unwrap(), counter);
    assert_eq!(version_count(&app, "digi-z").await, 1);

    // Fixed: stored as version 2, the history and the diff show it.
    let good = form_of(
        &before.offer,
        1,
        &[
            ("amount_max_eur", "120000"),
            ("note", "Höchstbetrag angepasst"),
        ],
    );
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &good).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.location(),
        "/foerderung/redaktion/digi-z/versionen?hinweis=funding-editorial-saved"
    );
    let after = offer(&app, "digi-z").await;
    assert_eq!(after.offer.amount_max_eur, Some(120_000));
    assert_eq!(store::offers_version(&app.db).await.unwrap(), counter + 1);
    let history = app.get(r.location()).await;
    assert_eq!(history.status, StatusCode::OK);
    assert!(history.text(".flash--success").contains("gespeichert"));
    let rows = history.texts("#funding-editorial-versions tbody tr");
    assert_eq!(rows.len(), 2);
    assert!(rows[0].contains("Höchstbetrag angepasst") && rows[0].contains("Test Person"));
    let diff = app.get("/foerderung/redaktion/digi-z/versionen/2").await;
    assert_eq!(diff.status, StatusCode::OK);
    assert_eq!(diff.count("section[id^=funding-change-]"), 1);
    let change = diff.text("#funding-change-amount_max_eur");
    assert!(
        change.contains("100000") && change.contains("120000"),
        "{change}"
    );

    // The public page shows the new amount and, for staff, the edit link.
    let public = app.get("/foerderung/angebote/digi-z").await;
    assert!(public.text("#funding-conditions").contains("120.000"));
    assert_eq!(
        public.attr("#funding-edit-link", "href").as_deref(),
        Some("/foerderung/redaktion/digi-z")
    );
    app.forget_cookies();
    let public = app.get("/foerderung/angebote/digi-z").await;
    assert_eq!(public.count("#funding-edit-link"), 0);
}

#[tokio::test]
async fn preview_renders_the_offer_page_and_stores_nothing() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let before = offer(&app, "digi-z").await;
    let counter = store::offers_version(&app.db).await.unwrap();
    let mut pairs = form_of(&before.offer, 1, &[("title", "Digi-Z in neuer Fassung")]);
    pairs.push(("schritt".into(), "vorschau".into()));
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &pairs).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(r.text("h1"), "Digi-Z in neuer Fassung");
    assert_eq!(r.count("#funding-preview"), 1);
    assert_eq!(r.count("#funding-edit-link"), 0);
    assert_eq!(
        r.count("#funding-watch, #funding-compare-link"),
        0,
        "nothing to act on in a preview"
    );
    assert_eq!(
        r.attr("#funding-preview input[name=title]", "value")
            .as_deref(),
        Some("Digi-Z in neuer Fassung")
    );
    assert_eq!(offer(&app, "digi-z").await.offer, before.offer);
    assert_eq!(store::offers_version(&app.db).await.unwrap(), counter);
    assert_eq!(version_count(&app, "digi-z").await, 1);

    // „Weiter bearbeiten“ brings the form back with the input.
    let mut back = form_of(&before.offer, 1, &[("title", "Digi-Z in neuer Fassung")]);
    back.push(("schritt".into(), "zurueck".into()));
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &back).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Digi-Z in neuer Fassung")
    );
    assert_eq!(offer(&app, "digi-z").await.offer, before.offer);
}

#[tokio::test]
async fn saving_over_a_newer_version_is_refused_with_409_and_the_input_kept() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let loaded = offer(&app, "digi-z").await;
    // Someone else saves first.
    let mut theirs = loaded.offer.clone();
    theirs.summary.push_str(" Ergänzt von anderer Seite.");
    store::save(&app.db, &theirs, None, "andere", dias_funding::today(), 5)
        .await
        .unwrap();
    let mine = form_of(&loaded.offer, 1, &[("funder", "Meine Fassung")]);
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &mine).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.attr("#funder", "value").as_deref(), Some("Meine Fassung"));
    assert_eq!(
        r.attr("#funding-editorial-conflict a", "href").as_deref(),
        Some("/foerderung/redaktion/digi-z/versionen/2?gegen=1")
    );
    assert_eq!(r.attr("input[name=version]", "value").as_deref(), Some("2"));
    assert_eq!(r.text("#summary"), theirs.summary, "their change merged");
    assert!(
        r.text("#funding-editorial-conflict-taken")
            .contains("Kurzbeschreibung")
    );
    assert_eq!(offer(&app, "digi-z").await.offer, theirs);
    // Saving the form shown keeps both changes.
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &shown_form(&r)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = offer(&app, "digi-z").await.offer;
    assert_eq!(
        (stored.funder.as_str(), stored.summary.as_str()),
        ("Meine Fassung", theirs.summary.as_str())
    );
    assert_eq!(version_count(&app, "digi-z").await, 3);
}

#[tokio::test]
async fn staff_create_an_offer_and_a_taken_slug_is_refused() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let form = app.get("/foerderung/redaktion/neu").await;
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(
        form.attr("#reviewer", "value").as_deref(),
        Some(TEAM),
        "the team, not the person"
    );
    let mut new = offer(&app, "digi-z").await.offer;
    new.slug = "digi-neu".into();
    new.title = "Digitalisierung neu".into();
    new.combinable_with.clear();
    let r = post_form(&app, "/foerderung/redaktion/neu", &form_of(&new, 0, &[])).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = offer(&app, "digi-neu").await;
    assert_eq!(stored.offer, new);
    assert_eq!(version_count(&app, "digi-neu").await, 1);
    let r = post_form(&app, "/foerderung/redaktion/neu", &form_of(&new, 0, &[])).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary a[href='#slug']"), 1);
    assert_eq!(version_count(&app, "digi-neu").await, 1);
}

#[tokio::test]
async fn status_changes_are_logged_and_shown_on_the_public_page() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    // Antragstopp needs a note: refused without, nothing stored.
    let r = app
        .post(
            "/foerderung/redaktion/digi-z/status",
            &[("status", "antragstopp"), ("status_note", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary a[href='#status_note']"), 1);
    assert_eq!(offer(&app, "digi-z").await.offer.status, Status::Open);
    assert_eq!(r.count("#status-antragstopp[checked]"), 1, "choice kept");

    let r = app
        .post(
            "/foerderung/redaktion/digi-z/status",
            &[
                ("version", "1"),
                ("status", "antragstopp"),
                ("status_note", "Mittel für 2026 ausgeschöpft."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let stored = offer(&app, "digi-z").await;
    assert_eq!(stored.offer.status, Status::Stopped);
    assert_eq!(stored.offer.status_note, "Mittel für 2026 ausgeschöpft.");
    let history = app.get("/foerderung/redaktion/digi-z/versionen").await;
    let log = history.text("#funding-editorial-log");
    assert!(
        log.contains("Offen → Antragstopp") && log.contains("Mittel für 2026"),
        "{log}"
    );
    let public = app.get("/foerderung/angebote/digi-z").await;
    assert!(public.text(".badge").contains("Antragstopp"));
    assert!(public.body.contains("Mittel für 2026 ausgeschöpft."));
}

#[tokio::test]
async fn marking_as_checked_and_restoring_write_versions() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let original = offer(&app, "digi-z").await.offer;
    let mut changed = original.clone();
    changed.last_checked = dias_funding::today()
        .checked_sub(jiff::ToSpan::months(8))
        .unwrap();
    changed.reviewer = "Altes Team".into();
    changed.keywords.push("Test".into());
    store::save(&app.db, &changed, None, "alt", dias_funding::today(), 5)
        .await
        .unwrap();

    let r = app
        .post("/foerderung/redaktion/digi-z/geprueft", &[("version", "2")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let checked = offer(&app, "digi-z").await.offer;
    assert_eq!(checked.last_checked, dias_funding::today());
    assert_eq!(checked.reviewer, TEAM);
    assert_eq!(version_count(&app, "digi-z").await, 3);
    let public = app.get("/foerderung/angebote/digi-z").await;
    let facts = public.texts("dd");
    assert!(facts.iter().any(|t| t.contains(TEAM)), "{facts:?}");
    assert!(
        !facts.iter().any(|t| t.contains("Test Person")),
        "{facts:?}"
    );

    let r = app
        .post(
            "/foerderung/redaktion/digi-z/versionen/1/wiederherstellen",
            &[("version", "3")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(offer(&app, "digi-z").await.offer, original);
    let id = offer(&app, "digi-z").await.id;
    let history = store::versions(&app.db, id).await.unwrap();
    assert_eq!(history.len(), 4);
    assert_eq!(history[0].note, "Version 1 wiederhergestellt");
    assert_eq!(
        store::version(&app.db, id, 4).await.unwrap().unwrap().offer,
        store::version(&app.db, id, 1).await.unwrap().unwrap().offer
    );
    let r = app
        .post(
            "/foerderung/redaktion/digi-z/versionen/99/wiederherstellen",
            &[("version", "4")],
        )
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_review_queue_lists_offers_not_checked_for_the_configured_months() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    assert_eq!(app.state.config.funding_review_months, 6);
    let today = dias_funding::today();
    let months_ago = |n: i64| today.checked_sub(jiff::ToSpan::months(n)).unwrap();
    // The catalogue's examples carry older checks; start from all checked.
    let fresh: Vec<Offer> = store::all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|s| Offer {
            last_checked: today,
            ..s.offer
        })
        .collect();
    store::save_many(&app.db, &fresh, None, "", today, 4)
        .await
        .unwrap();
    for (slug, checked) in [
        ("digi-z", months_ago(9)),
        ("digi-d", months_ago(7)),
        ("innopraemie", months_ago(5)),
    ] {
        let mut o = offer(&app, slug).await.offer;
        o.last_checked = checked;
        store::save(&app.db, &o, None, "", today, 5).await.unwrap();
    }
    let page = app.get("/foerderung/redaktion").await;
    assert_eq!(page.status, StatusCode::OK);
    let count = page.text("#funding-review-count");
    let queue: Vec<String> = page
        .html()
        .select(&scraper::Selector::parse("#funding-review-queue tbody a").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_owned))
        .collect();
    assert_eq!(
        queue,
        vec![
            "/foerderung/redaktion/digi-z/versionen".to_owned(),
            "/foerderung/redaktion/digi-d/versionen".to_owned()
        ],
        "oldest first, five months is not due"
    );
    assert_eq!(count.trim(), "2");
    let due = app.get("/foerderung/redaktion?pruefung=1").await;
    assert_eq!(due.count("#funding-editorial-offers tbody tr"), 2);
    let search = app.get("/foerderung/redaktion?q=digi&status=offen").await;
    assert!(search.count("#funding-editorial-offers tbody tr") >= 2);
    assert!(search.text("#funding-editorial-offers").contains("Digi-Z"));
    assert_eq!(
        app.get("/foerderung/redaktion?seite=0").await.status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn the_overview_costs_the_same_queries_for_more_offers() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    app.get("/foerderung/redaktion").await;
    let (few, r) = app.count_queries(app.get("/foerderung/redaktion")).await;
    assert_eq!(r.status, StatusCode::OK);
    let mut more = Vec::new();
    for i in 0..40 {
        let mut o = offer(&app, "digi-z").await.offer;
        o.slug = format!("digi-z-kopie-{i}");
        o.combinable_with.clear();
        more.push(o);
    }
    store::save_many(&app.db, &more, None, "", dias_funding::today(), 5)
        .await
        .unwrap();
    app.get("/foerderung/redaktion").await;
    let (many, r) = app.count_queries(app.get("/foerderung/redaktion")).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(few, many);
}

/// Every page of the Redaktion, for the role checks.
fn pages() -> Vec<&'static str> {
    vec![
        "/foerderung/redaktion",
        "/foerderung/redaktion/neu",
        "/foerderung/redaktion/digi-z",
        "/foerderung/redaktion/digi-z/versionen",
        "/foerderung/redaktion/digi-z/versionen/1",
    ]
}

#[tokio::test]
async fn only_staff_and_admins_use_the_redaktion() {
    let app = app_with_catalogue().await;
    for path in pages() {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{path}");
        assert!(r.location().starts_with("/konto/anmelden"), "{path}");
    }
    for role in [Role::Participant, Role::Moderator] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in pages() {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::FORBIDDEN,
                "{role:?} {path}"
            );
        }
        let r = app
            .post(
                "/foerderung/redaktion/digi-z/status",
                &[("status", "ausgelaufen"), ("status_note", "x")],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert_eq!(
            app.get("/foerderung")
                .await
                .count("#funding-editorial-link"),
            0
        );
    }
    for role in [Role::Staff, Role::Admin] {
        app.forget_cookies();
        app.sign_in_as(role).await;
        for path in pages() {
            assert_eq!(
                app.get(path).await.status,
                StatusCode::OK,
                "{role:?} {path}"
            );
        }
        assert_eq!(
            app.get("/foerderung")
                .await
                .attr("#funding-editorial-link", "href")
                .as_deref(),
            Some("/foerderung/redaktion")
        );
    }
    assert_eq!(offer(&app, "digi-z").await.offer.status, Status::Open);
}

#[tokio::test]
async fn every_form_action_of_the_redaktion_needs_a_csrf_token() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let routes = [
        "/foerderung/redaktion/neu",
        "/foerderung/redaktion/digi-z",
        "/foerderung/redaktion/digi-z/versionen/1/wiederherstellen",
        "/foerderung/redaktion/digi-z/status",
        "/foerderung/redaktion/digi-z/geprueft",
    ];
    let source = include_str!("../../src/routes/editorial.rs");
    assert_eq!(source.matches("post(").count(), routes.len());
    let before = offer(&app, "digi-z").await;
    let mut fields = form_of(&before.offer, 1, &[("title", "Ohne Token")]);
    fields.push(("status".into(), "ausgelaufen".into()));
    let fields: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    for path in routes {
        let r = app.post_raw(path, &fields).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert_eq!(offer(&app, "digi-z").await, before);
    assert_eq!(version_count(&app, "digi-z").await, 1);
}

#[test]
fn every_field_has_a_label_in_german_and_english() {
    let catalog = dias_core::i18n::Catalog::new(dias_funding::MESSAGES).unwrap();
    let mut names: Vec<String> = dias_funding::exchange::FIELDS
        .iter()
        .map(|f| f.name.to_owned())
        .collect();
    names.push(dias_funding::editorial::MUNICIPALITIES.to_owned());
    for name in names {
        let id = format!("funding-editorial-field-{}", name.replace('_', "-"));
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, &id), id, "{id} in {locale}");
        }
    }
}

#[tokio::test]
async fn save_many_reads_in_bulk_whatever_the_batch_size() {
    let app = app().await;
    let today = dias_funding::today();
    let template = catalogue().remove(0);
    let offers: Vec<Offer> = (0..1_200)
        .map(|i| Offer {
            slug: format!("massenimport-{i}"),
            combinable_with: Vec::new(),
            ..template.clone()
        })
        .collect();
    let (baseline, _) = app.count_queries(app.get("/healthz")).await;
    let (created, _) = app
        .count_queries(async {
            let saved = store::save_many(&app.db, &offers, None, "Import", today, 10)
                .await
                .unwrap();
            assert!(saved.iter().all(|s| s.change == Change::Created));
            app.get("/healthz").await
        })
        .await;
    // Per 500 offers: the lookup, the versions, the insert, the ids, the
    // version rows and the index events; never one statement per offer.
    assert!(
        created - baseline < 40,
        "{} statements to create 1,200 offers",
        created - baseline
    );

    let changed: Vec<Offer> = offers
        .iter()
        .take(300)
        .map(|o| Offer {
            summary: format!("{} Geändert.", o.summary),
            ..o.clone()
        })
        .chain(offers.iter().skip(300).cloned())
        .collect();
    let (updated, _) = app
        .count_queries(async {
            let saved = store::save_many(&app.db, &changed, None, "Import", today, 20)
                .await
                .unwrap();
            assert_eq!(
                saved.iter().filter(|s| s.change == Change::Updated).count(),
                300
            );
            app.get("/healthz").await
        })
        .await;
    // One UPDATE per changed row, the rest in bulk.
    assert!(
        updated - baseline < 300 + 40,
        "{} statements to update 300 of 1,200 offers",
        updated - baseline
    );
}

#[tokio::test]
async fn an_offer_stored_before_versions_existed_gets_its_history_on_the_first_edit() {
    use sea_orm::EntityTrait;
    let app = app_with_catalogue().await;
    dias_funding::entities::funding_offer_version::Entity::delete_many()
        .exec(&app.db)
        .await
        .unwrap();
    app.sign_in_as(Role::Staff).await;
    let form = app.get("/foerderung/redaktion/digi-z").await;
    assert_eq!(
        form.attr("input[name=version]", "value").as_deref(),
        Some("0")
    );
    let before = offer(&app, "digi-z").await;
    let r = post_form(
        &app,
        "/foerderung/redaktion/digi-z",
        &form_of(&before.offer, 0, &[("funder", "Neu")]),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let history = store::versions(&app.db, before.id).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|v| (v.version, v.note.as_str()))
            .collect::<Vec<_>>(),
        vec![(2, ""), (1, store::NOTE_BEFORE_HISTORY)]
    );
    let first = store::version(&app.db, before.id, 1)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.offer, before.offer);
    // A new offer under a taken slug conflicts in the store as well.
    let taken = store::save_checked(
        &app.db,
        &before.offer,
        None,
        "",
        Base::New,
        dias_funding::today(),
        9,
    )
    .await
    .unwrap();
    assert_eq!(taken.unwrap_err().current, 2);
}

#[tokio::test]
async fn restoring_a_version_that_breaks_todays_rules_opens_it_in_the_form() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let today = dias_funding::today();
    let original = offer(&app, "digi-z").await.offer;
    // Version 2 was valid when written: open, with a programme end that
    // has passed since.
    let mut outdated = original.clone();
    outdated.programme_end = today.yesterday().ok();
    store::save(&app.db, &outdated, None, "", today, 5)
        .await
        .unwrap();
    store::save(&app.db, &original, None, "", today, 6)
        .await
        .unwrap();
    let r = app
        .post(
            "/foerderung/redaktion/digi-z/versionen/2/wiederherstellen",
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert_eq!(r.count(".error-summary"), 1);
    assert_eq!(
        r.attr("#programme_end", "value").as_deref(),
        outdated.programme_end.map(|d| d.to_string()).as_deref()
    );
    assert_eq!(r.attr("input[name=version]", "value").as_deref(), Some("3"));
    assert_eq!(offer(&app, "digi-z").await.offer, original);
    assert_eq!(version_count(&app, "digi-z").await, 3);
}

#[tokio::test]
async fn an_action_on_a_record_that_breaks_a_rule_elsewhere_opens_the_form() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let today = dias_funding::today();
    let mut broken = offer(&app, "digi-z").await.offer;
    let later = today.checked_add(jiff::ToSpan::days(30)).unwrap();
    broken.deadlines = vec![
        dias_funding::offer::Deadline {
            date: later,
            note: String::new(),
        },
        dias_funding::offer::Deadline {
            date: today,
            note: String::new(),
        },
    ];
    store::save(&app.db, &broken, None, "", today, 5)
        .await
        .unwrap();
    let r = app
        .post("/foerderung/redaktion/digi-z/geprueft", &[("version", "2")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count("#funding-editorial-form"), 1);
    assert_eq!(r.count(".error-summary a[href='#deadlines']"), 1);
    assert_eq!(r.attr("#reviewer", "value").as_deref(), Some(TEAM));
    assert_eq!(version_count(&app, "digi-z").await, 2);
    // So does a status change: the form shows both problems.
    let r = app
        .post(
            "/foerderung/redaktion/digi-z/status",
            &[("status", "antragstopp"), ("status_note", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary a[href='#deadlines']"), 1);
    assert_eq!(r.count(".error-summary a[href='#status_note']"), 1);
    assert_eq!(r.count("#status_note"), 1);
    assert_eq!(version_count(&app, "digi-z").await, 2);
}

/// digi-z at version 3, last checked two months ago by someone else.
async fn at_version_three(app: &TestApp) -> Offer {
    let today = dias_funding::today();
    let mut offer = offer(app, "digi-z").await.offer;
    offer.last_checked = today.checked_sub(jiff::ToSpan::months(2)).unwrap();
    offer.reviewer = "Altes Team".into();
    store::save(&app.db, &offer, None, "v2", today, 5)
        .await
        .unwrap();
    offer.keywords.push("Drei".into());
    store::save(&app.db, &offer, None, "v3", today, 6)
        .await
        .unwrap();
    offer
}

fn deadlines_in(days: &[i64]) -> Vec<dias_funding::offer::Deadline> {
    days.iter()
        .map(|d| dias_funding::offer::Deadline {
            date: dias_funding::today()
                .checked_add(jiff::ToSpan::days(*d))
                .unwrap(),
            note: format!("Stichtag in {d} Tagen"),
        })
        .collect()
}

#[tokio::test]
async fn a_save_over_newer_versions_merges_them_and_the_second_save_keeps_all() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let today = dias_funding::today();
    // A loads version 3.
    let loaded = at_version_three(&app).await;
    let form_a = app.get("/foerderung/redaktion/digi-z").await;
    assert_eq!(
        form_a.attr("input[name=version]", "value").as_deref(),
        Some("3")
    );
    // B changes the deadlines (version 4).
    let mut b = loaded.clone();
    b.deadlines = deadlines_in(&[20, 50]);
    let saved = store::save_checked(&app.db, &b, None, "Fristen", Base::Version(3), today, 7)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(saved.version, 4);
    // C marks it as checked (version 5) from the history page.
    let history = app.get("/foerderung/redaktion/digi-z/versionen").await;
    assert_eq!(
        history
            .attr("form[action$='/geprueft'] input[name=version]", "value")
            .as_deref(),
        Some("4")
    );
    let r = app
        .post("/foerderung/redaktion/digi-z/geprueft", &[("version", "4")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(version_count(&app, "digi-z").await, 5);

    // A saves a title change from version 3.
    let mut mine = shown_form(&form_a);
    for (k, v) in mine.iter_mut() {
        if k == "title" {
            *v = "Digitalisierung: neuer Titel".into();
        }
    }
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &mine).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(
        r.attr("#title", "value").as_deref(),
        Some("Digitalisierung: neuer Titel")
    );
    assert_eq!(r.text("#deadlines"), editorial::field_text(&b, "deadlines"));
    assert_eq!(
        r.attr("#last_checked", "value").as_deref(),
        Some(today.to_string().as_str())
    );
    assert_eq!(r.attr("#reviewer", "value").as_deref(), Some(TEAM));
    assert_eq!(r.attr("input[name=version]", "value").as_deref(), Some("5"));
    assert_eq!(r.count(".error-summary"), 0, "nothing both changed");
    let taken = r.text("#funding-editorial-conflict-taken");
    for label in ["Fristen und Stichtage", "Zuletzt geprüft am", "Geprüft von"] {
        assert!(taken.contains(label), "{taken}");
    }
    assert!(!taken.contains("Titel"), "{taken}");
    let diff_link = r.attr("#funding-editorial-conflict a", "href").unwrap();
    assert_eq!(
        diff_link,
        "/foerderung/redaktion/digi-z/versionen/5?gegen=3"
    );
    assert_eq!(offer(&app, "digi-z").await.offer.title, loaded.title);

    // The diff from A's version to the current one has both changes.
    let diff = app.get(&diff_link).await;
    assert_eq!(diff.status, StatusCode::OK);
    assert_eq!(diff.count("#funding-change-deadlines"), 1);
    assert_eq!(diff.count("#funding-change-last_checked"), 1);
    assert!(diff.text("#changes-heading").contains("Version 3"));

    // A saves again: title changed, deadlines and check kept.
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &shown_form(&r)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = offer(&app, "digi-z").await.offer;
    assert_eq!(stored.title, "Digitalisierung: neuer Titel");
    assert_eq!(stored.deadlines, b.deadlines);
    assert_eq!(
        (stored.last_checked, stored.reviewer.as_str()),
        (today, TEAM)
    );
    assert_eq!(version_count(&app, "digi-z").await, 6);
}

#[tokio::test]
async fn a_field_both_changed_differently_keeps_mine_shows_theirs_and_needs_a_new_save() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let today = dias_funding::today();
    let loaded = at_version_three(&app).await;
    let mut theirs = loaded.clone();
    theirs.title = "Deren Titel".into();
    theirs.funder = "Deren Fördergeber".into();
    store::save(&app.db, &theirs, None, "andere", today, 7)
        .await
        .unwrap();
    let mine = form_of(
        &loaded,
        3,
        &[("title", "Mein Titel"), ("funder", "Deren Fördergeber")],
    );
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &mine).await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    assert_eq!(r.attr("#title", "value").as_deref(), Some("Mein Titel"));
    assert_eq!(r.count(".error-summary a[href='#title']"), 1);
    assert_eq!(
        r.count(".error-summary li"),
        1,
        "the same value is no conflict"
    );
    let message = r.text("#title-error");
    assert!(
        message.contains("Deren Titel") && message.contains("inzwischen von anderer Seite"),
        "{message}"
    );
    assert_eq!(r.attr("#title", "aria-invalid").as_deref(), Some("true"));
    assert_eq!(offer(&app, "digi-z").await.offer.title, "Deren Titel");
    // The editor decides for their own title and saves again.
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &shown_form(&r)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(offer(&app, "digi-z").await.offer.title, "Mein Titel");
    // In English, the other side's value in the message too.
    app.post("/sprache", &[("lang", "en"), ("zurueck", "/foerderung")])
        .await;
    let mine = form_of(&loaded, 3, &[("funder", "Mein Fördergeber")]);
    let r = post_form(&app, "/foerderung/redaktion/digi-z", &mine).await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    let message = r.text("#funder-error");
    assert!(
        message.contains("changed meanwhile by someone else") && message.contains("Deren"),
        "{message}"
    );
}

#[tokio::test]
async fn status_check_and_restore_from_a_stale_page_are_refused_with_409() {
    let app = app_with_catalogue().await;
    app.sign_in_as(Role::Staff).await;
    let today = dias_funding::today();
    let loaded = at_version_three(&app).await;
    let diff = app.get("/foerderung/redaktion/digi-z/versionen/1").await;
    assert_eq!(
        diff.attr(
            "form[action$='/wiederherstellen'] input[name=version]",
            "value"
        )
        .as_deref(),
        Some("3")
    );
    let history = app.get("/foerderung/redaktion/digi-z/versionen").await;
    assert_eq!(
        history
            .attr(
                "#funding-editorial-status-form input[name=version]",
                "value"
            )
            .as_deref(),
        Some("3")
    );
    // Someone else saves version 4 meanwhile.
    let mut theirs = loaded.clone();
    theirs.summary.push_str(" Neu.");
    store::save(&app.db, &theirs, None, "andere", today, 7)
        .await
        .unwrap();

    let stale = [
        (
            "/foerderung/redaktion/digi-z/status",
            vec![
                ("version", "3"),
                ("status", "antragstopp"),
                ("status_note", "Mittel ausgeschöpft."),
            ],
        ),
        (
            "/foerderung/redaktion/digi-z/geprueft",
            vec![("version", "3")],
        ),
        (
            "/foerderung/redaktion/digi-z/versionen/1/wiederherstellen",
            vec![("version", "3")],
        ),
        ("/foerderung/redaktion/digi-z/geprueft", vec![]),
    ];
    for (path, fields) in &stale {
        let r = app.post(path, fields).await;
        assert_eq!(r.status, StatusCode::CONFLICT, "{path}: {}", r.body);
        assert!(
            r.text("#funding-editorial-stale").contains("Version 4"),
            "{path}"
        );
        assert_eq!(
            r.attr("#funding-editorial-stale a[href*='gegen']", "href")
                .as_deref()
                .filter(|_| !fields.is_empty()),
            (!fields.is_empty()).then_some("/foerderung/redaktion/digi-z/versionen/4?gegen=3"),
            "{path}"
        );
        assert_eq!(
            r.count("#funding-editorial-stale a[href='/foerderung/redaktion/digi-z/versionen#versions-heading']"),
            1
        );
        // The page is the current one: its forms carry version 4.
        assert_eq!(
            r.attr(
                "#funding-editorial-status-form input[name=version]",
                "value"
            )
            .as_deref(),
            Some("4")
        );
        assert_eq!(offer(&app, "digi-z").await.offer, theirs, "{path}");
        assert_eq!(version_count(&app, "digi-z").await, 4, "{path}");
    }
    // The status choice survives the refusal.
    let r = app.post(stale[0].0, &stale[0].1).await;
    assert_eq!(r.count("#status-antragstopp[checked]"), 1);
    // With the current version each works.
    let r = app
        .post("/foerderung/redaktion/digi-z/geprueft", &[("version", "4")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

#[tokio::test]
async fn a_new_slug_saved_twice_at_once_is_a_conflict_not_an_error() {
    use sea_orm::{ActiveModelTrait, Set};
    let app = app().await;
    let today = dias_funding::today();
    let offer = catalogue()[0].clone();
    // Both at once: one creates the offer, the other is told the slug is
    // taken, whichever way the database orders them.
    let (first, second) = tokio::join!(
        store::save_checked(&app.db, &offer, None, "a", Base::New, today, 1),
        store::save_checked(&app.db, &offer, None, "b", Base::New, today, 1),
    );
    let results = [first.unwrap(), second.unwrap()];
    assert_eq!(
        results.iter().filter(|r| r.is_ok()).count(),
        1,
        "{results:?}"
    );
    assert_eq!(
        results.iter().filter(|r| r.is_err()).count(),
        1,
        "{results:?}"
    );

    // The other insert commits only after this save looked the slug up:
    // on PostgreSQL only the unique index sees it.
    let mut other = catalogue()[1].clone();
    other.slug = "gleichzeitig".into();
    let txn = dias_core::db::begin_write(&app.db).await.unwrap();
    dias_funding::entities::funding_offer::ActiveModel {
        slug: Set(other.slug.clone()),
        offer_type: Set("foerderprogramm".into()),
        status: Set("offen".into()),
        next_deadline: Set(None),
        last_checked: Set(other.last_checked.to_string()),
        record: Set(serde_json::to_string(&other).unwrap()),
        created_at: Set(1),
        updated_at: Set(1),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .unwrap();
    let db = app.db.clone();
    let racing = other.clone();
    let save = tokio::spawn(async move {
        store::save_checked(&db, &racing, None, "b", Base::New, today, 2).await
    });
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    txn.commit().await.unwrap();
    let result = save
        .await
        .unwrap()
        .expect("a conflict, not a database error");
    assert!(result.is_err(), "{result:?}");
}

#[tokio::test]
async fn the_editorial_trace_is_exported_and_pseudonymised_with_the_account() {
    let app = app_with_catalogue().await;
    let me = app.sign_in_as(Role::Staff).await;
    let today = dias_funding::today();
    let loaded = offer(&app, "digi-z").await;
    let r = post_form(
        &app,
        "/foerderung/redaktion/digi-z",
        &form_of(
            &loaded.offer,
            1,
            &[("funder", "Neu"), ("note", "Fördergeber")],
        ),
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = app
        .post(
            "/foerderung/redaktion/digi-z/status",
            &[
                ("version", "2"),
                ("status", "antragstopp"),
                ("status_note", "Mittel ausgeschöpft."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Someone else's version stays theirs.
    let mut other = offer(&app, "digi-z").await.offer;
    other.keywords.push("Andere".into());
    store::save(&app.db, &other, Some(me + 1000), "fremd", today, 9)
        .await
        .unwrap();

    let export = app.get("/konto/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let section = &json["modules"]["foerderung"]["editorial"];
    let versions = section["versions"].as_array().unwrap();
    assert_eq!(versions.len(), 2, "{section}");
    assert_eq!(versions[0]["offer"], "digi-z");
    assert_eq!(versions[0]["version"], 2);
    assert_eq!(versions[0]["note"], "Fördergeber");
    assert!(versions[0]["date"].as_str().unwrap().contains('T'));
    assert_eq!(versions[1]["version"], 3);
    let changes = section["status_changes"].as_array().unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        (&changes[0]["offer"], &changes[0]["from"], &changes[0]["to"]),
        (
            &serde_json::json!("digi-z"),
            &serde_json::json!("offen"),
            &serde_json::json!("antragstopp")
        )
    );

    let r = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let id = offer(&app, "digi-z").await.id;
    let history = store::versions(&app.db, id).await.unwrap();
    assert_eq!(
        history
            .iter()
            .map(|v| (v.version, v.author_id))
            .collect::<Vec<_>>(),
        vec![(4, Some(me + 1000)), (3, None), (2, None), (1, None)],
        "the history stays, without the deleted author"
    );
    let log = store::status_log(&app.db, id).await.unwrap();
    assert_eq!((log.len(), log[0].user_id), (1, None));
    assert_eq!(
        store::trace_of(&app.db, me).await.unwrap(),
        store::EditorialTrace::default()
    );

    // Another editor sees a neutral label for the deleted author.
    app.forget_cookies();
    app.sign_in_as(Role::Staff).await;
    let page = app.get("/foerderung/redaktion/digi-z/versionen").await;
    let table = page.text("#funding-editorial-versions");
    assert!(table.contains("ohne Zuordnung"), "{table}");
    assert!(!table.contains("Test Person"), "{table}");
    assert!(
        page.text("#funding-editorial-log")
            .contains("ohne Zuordnung")
    );
}
