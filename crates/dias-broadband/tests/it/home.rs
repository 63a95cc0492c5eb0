//! The landing page `/breitband`, the roles on the pages of the landing,
//! advice and administration areas, and the catalogue of their texts.

use axum::http::StatusCode;
use dias_broadband::members;
use dias_core::policy::Role;

use crate::helpers::app;
use crate::support::{TestApp, TestResponse};

/// Switches to English; the choice is kept in the session, so a visitor
/// signs in as a participant first.
pub(crate) async fn in_english(app: &TestApp) {
    if !app.has_session_cookie() {
        app.sign_in_as(Role::Participant).await;
    }
    let r = app
        .post("/sprache", &[("lang", "en"), ("zurueck", "/breitband")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

/// A message id that was not translated shows as itself in the text.
pub(crate) fn assert_translated(r: &TestResponse) {
    let text = r.text("main");
    assert!(
        !text.contains("broadband-") && !text.contains("notice-"),
        "untranslated message in: {text}"
    );
}

/// Signs in a municipality account that acts for `areas`.
pub(crate) async fn sign_in_member(app: &TestApp, areas: &[&str]) -> i64 {
    let id = app.sign_in_as(Role::Municipality).await;
    for area in areas {
        members::add_membership(&app.db, id, area).await.unwrap();
    }
    id
}

#[tokio::test]
async fn the_landing_page_leads_to_every_part_of_the_module() {
    let app = app().await;
    let r = app.get("/breitband").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Breitband in Sachsen");
    assert_translated(&r);
    for href in [
        "/breitband/lagebild",
        "/breitband/gemeinden",
        "/breitband/verfahren",
        "/breitband/projekte",
        "/breitband/beratung",
        "/breitband/so-funktioniert-es",
    ] {
        assert_eq!(
            r.count(&format!("#broadband-home-cards a[href='{href}']")),
            1,
            "{href}"
        );
    }
    // Figures from the reference data, nothing made up.
    let reference = dias_core::reference::cached();
    let figures = r.texts("#broadband-home-figures dd");
    assert_eq!(
        figures[..2],
        [
            reference.districts.len().to_string(),
            reference.municipalities.len().to_string()
        ]
    );
    // The gigabit share is the Breitbandatlas history's, as on the Lagebild.
    let (_, share) = dias_broadband::coverage::history()
        .land()
        .and_then(dias_broadband::coverage::Area::latest_gigabit)
        .unwrap();
    let shown = share.to_string().replace('.', ",");
    assert!(figures[2].contains(&shown), "{} / {shown}", figures[2]);
    // Visitors get no personal blocks.
    for block in [
        "#broadband-home-areas",
        "#broadband-home-operators",
        "#broadband-home-staff",
    ] {
        assert_eq!(r.count(block), 0, "{block}");
    }

    in_english(&app).await;
    let r = app.get("/breitband").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Broadband in Saxony");
    assert_translated(&r);
}

#[tokio::test]
async fn a_municipality_account_sees_its_gemeinden_and_kreise() {
    let app = app().await;
    sign_in_member(&app, &["14521010", "14522"]).await;
    let r = app.get("/breitband").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.attr(
            "#broadband-home-areas a[href='/breitband/gemeinden/14521010']",
            "href"
        )
        .as_deref(),
        Some("/breitband/gemeinden/14521010")
    );
    assert!(r.text("#broadband-home-areas").contains("Amtsberg"));
    assert_eq!(
        r.count("#broadband-home-areas a[href='/breitband/kreise/14522']"),
        1
    );
    // The advice card already carries its Gemeinde.
    assert_eq!(
        r.count("#broadband-home-cards a[href='/breitband/beratung?gemeinde=14521010']"),
        1
    );
    assert_translated(&r);

    // An account without areas is told whom to ask.
    app.forget_cookies();
    sign_in_member(&app, &[]).await;
    let r = app.get("/breitband").await;
    assert!(
        r.text("#broadband-home-areas")
            .contains("noch keine Gemeinde")
    );
    assert_eq!(r.count("#broadband-home-areas a"), 0);
}

#[tokio::test]
async fn an_operator_account_sees_its_operators_and_the_surveys() {
    let app = app().await;
    let me = app.sign_in_as(Role::Operator).await;
    let operator = members::operator_named(&app.db, "Muldental Glasfaser GmbH")
        .await
        .unwrap();
    members::add_operator_member(&app.db, operator.id, me)
        .await
        .unwrap();
    let r = app.get("/breitband").await;
    assert!(
        r.text("#broadband-home-operators")
            .contains("Muldental Glasfaser GmbH")
    );
    assert_eq!(
        r.count("#broadband-home-operators a[href='/breitband/verfahren']"),
        1
    );
    assert_eq!(r.count("#broadband-home-areas"), 0);
    assert_eq!(r.count("#broadband-home-staff"), 0);
}

#[tokio::test]
async fn staff_find_the_administration_from_the_landing_page() {
    let app = app().await;
    app.sign_in_as(Role::Staff).await;
    let r = app.get("/breitband").await;
    assert_eq!(
        r.count("#broadband-home-staff a[href='/breitband/verwaltung']"),
        1
    );
}

#[derive(Clone, Copy, Debug)]
enum Who {
    Visitor,
    Participant,
    Operator,
    Member,
    NonMember,
    Staff,
}

async fn sign_in(app: &TestApp, who: Who) {
    app.forget_cookies();
    match who {
        Who::Visitor => {}
        Who::Participant => {
            app.sign_in_as(Role::Participant).await;
        }
        Who::Operator => {
            app.sign_in_as(Role::Operator).await;
        }
        Who::Member => {
            sign_in_member(app, &["14521010"]).await;
        }
        Who::NonMember => {
            sign_in_member(app, &[]).await;
        }
        Who::Staff => {
            app.sign_in_as(Role::Staff).await;
        }
    }
}

#[tokio::test]
async fn each_role_on_each_page_of_landing_advice_and_administration() {
    let app = app().await;
    let everyone = [
        "/breitband",
        "/breitband/so-funktioniert-es",
        "/breitband/beratung",
        "/breitband/beratung?gemeinde=14521010",
    ];
    let all = [
        Who::Visitor,
        Who::Participant,
        Who::Operator,
        Who::Member,
        Who::NonMember,
        Who::Staff,
    ];
    for who in all {
        sign_in(&app, who).await;
        for path in everyone {
            let r = app.get(path).await;
            assert_eq!(r.status, StatusCode::OK, "{who:?} {path}");
        }
        let r = app.get("/breitband/verwaltung").await;
        let expected = match who {
            Who::Visitor => StatusCode::SEE_OTHER,
            Who::Staff => StatusCode::OK,
            _ => StatusCode::FORBIDDEN,
        };
        assert_eq!(r.status, expected, "{who:?} /breitband/verwaltung");
        if matches!(who, Who::Visitor) {
            assert!(r.location().starts_with("/konto/anmelden"));
        }
        // Every form action of the administration likewise (with a valid
        // token, so only the role decides).
        for path in crate::admin::POST_ROUTES {
            let r = app.post(path, &[]).await;
            let refused = match who {
                Who::Visitor => r.status == StatusCode::SEE_OTHER,
                Who::Staff => r.status != StatusCode::FORBIDDEN,
                _ => r.status == StatusCode::FORBIDDEN,
            };
            assert!(refused, "{who:?} POST {path}: {}", r.status);
        }
    }
}

/// Every message id the landing, advice, explanation and administration
/// pages use exists in German and English.
#[test]
fn every_message_of_these_pages_exists_in_both_languages() {
    let catalog = dias_core::i18n::Catalog::new(dias_broadband::MESSAGES).unwrap();
    let sources = [
        include_str!("../../src/routes/home.rs"),
        include_str!("../../src/routes/advice.rs"),
        include_str!("../../src/routes/admin.rs"),
        include_str!("../../templates/broadband/home.html"),
        include_str!("../../templates/broadband/advice.html"),
        include_str!("../../templates/broadband/procedure.html"),
        include_str!("../../templates/broadband/admin.html"),
        include_str!("../../templates/broadband/gemeinde.html"),
    ];
    let mut ids = Vec::new();
    for source in sources {
        for piece in source.split('"').skip(1).step_by(2) {
            let known = [
                "broadband-home-",
                "broadband-advice-",
                "broadband-explain-",
                "broadband-admin-",
            ];
            if known.iter().any(|p| piece.starts_with(p))
                && piece
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                && !piece.ends_with('-')
            {
                ids.push(piece.to_owned());
            }
        }
    }
    // Ids built at run time.
    for slug in dias_broadband_stage_slugs() {
        ids.push(format!("broadband-explain-stage-{slug}"));
        ids.push(format!("broadband-explain-stage-{slug}-text"));
    }
    for notice in [
        "area-added",
        "area-removed",
        "operator-created",
        "account-added",
        "account-removed",
    ] {
        ids.push(format!("notice-broadband-admin-{notice}"));
    }
    assert!(ids.len() > 100, "{}", ids.len());
    // Element ids share the prefix; only messages are checked.
    let element_ids: Vec<String> = sources
        .iter()
        .flat_map(|s| s.split("id=\"").skip(1))
        .filter_map(|s| s.split('"').next())
        .map(str::to_owned)
        .collect();
    for id in ids.iter().filter(|id| !element_ids.contains(id)) {
        for locale in ["de", "en"] {
            assert_ne!(catalog.get(locale, id), *id, "{locale}: {id}");
        }
    }
}

/// The stage slugs of the explanation page (as in `routes/advice.rs`).
fn dias_broadband_stage_slugs() -> Vec<String> {
    let source = include_str!("../../src/routes/advice.rs");
    let start = source.find("pub const STAGES").unwrap();
    let end = start + source[start..].find("];").unwrap();
    source[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// Every page of the landing, advice, administration, register, Lagebild
/// and project areas has the same trail: Startseite › Breitband › … › the
/// page itself, marked as the current page.
#[tokio::test]
async fn every_page_has_the_same_breadcrumb_trail() {
    let app = app().await;
    let id = crate::projects::project(&app, "Gigabit Amtsberg", "14521010").await;
    app.sign_in_as(Role::Staff).await;
    let pages = [
        ("/breitband", 2),
        ("/breitband/beratung", 3),
        ("/breitband/so-funktioniert-es", 3),
        ("/breitband/verwaltung", 3),
        ("/breitband/gemeinden", 3),
        ("/breitband/kreise/14521", 4),
        ("/breitband/gemeinden/14521010", 5),
        ("/breitband/lagebild", 3),
        ("/breitband/lagebild/projekte", 4),
        ("/breitband/projekte", 3),
        ("/breitband/projekte/neu", 4),
        ("/breitband/projekte/ueberfaellig", 4),
        (&format!("/breitband/projekte/{id}"), 4),
        (&format!("/breitband/projekte/{id}/bearbeiten"), 5),
        (&format!("/breitband/projekte/{id}/phase"), 5),
    ];
    for (path, depth) in pages {
        let r = app.get(path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.count("nav.breadcrumbs[aria-label]"), 1, "{path}");
        assert_eq!(r.count("nav.breadcrumbs li"), depth, "{path}");
        assert_eq!(
            r.count("nav.breadcrumbs li:first-child a[href='/']"),
            1,
            "{path}"
        );
        assert_eq!(
            r.count("nav.breadcrumbs li:nth-child(2) a[href='/breitband']"),
            1,
            "{path}"
        );
        assert_eq!(r.count("nav.breadcrumbs [aria-current]"), 1, "{path}");
        assert_eq!(
            r.attr("nav.breadcrumbs li:last-child a[aria-current=page]", "href")
                .as_deref(),
            Some(path),
            "{path}"
        );
    }
}
