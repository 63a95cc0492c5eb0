//! The Verwaltung `/breitband/verwaltung`: areas of municipality accounts,
//! operators and their accounts; validation, audit log, CSRF, queries.

use axum::http::StatusCode;
use dias_broadband::members;
use dias_core::entities::audit_entry;
use dias_core::policy::Role;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

use crate::helpers::app;
use crate::home::{assert_translated, in_english};
use crate::support::TestApp;

/// Every form action of `src/routes/admin.rs`.
pub(crate) const POST_ROUTES: [&str; 5] = [
    "/breitband/verwaltung/gebiete",
    "/breitband/verwaltung/gebiete/entfernen",
    "/breitband/verwaltung/netzbetreiber",
    "/breitband/verwaltung/netzbetreiber/konten",
    "/breitband/verwaltung/netzbetreiber/konten/entfernen",
];

async fn audit(app: &TestApp, action: &str) -> Vec<audit_entry::Model> {
    audit_entry::Entity::find()
        .filter(audit_entry::Column::Action.eq(action))
        .order_by_asc(audit_entry::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
}

async fn staff_app() -> (TestApp, i64) {
    let app = app().await;
    let staff = app.sign_in_as(Role::Staff).await;
    (app, staff)
}

#[tokio::test]
async fn every_form_action_of_the_administration_needs_a_csrf_token() {
    let (app, _) = staff_app().await;
    let (kommune, _) = app
        .create_user("gemeinde@example.org", Role::Municipality)
        .await;
    let source = include_str!("../../src/routes/admin.rs");
    assert_eq!(source.matches("post(").count(), POST_ROUTES.len());
    // The landing, advice and explanation pages only read.
    for other in [
        include_str!("../../src/routes/home.rs"),
        include_str!("../../src/routes/advice.rs"),
    ] {
        assert_eq!(other.matches("post(").count(), 0);
    }
    for path in POST_ROUTES {
        let r = app
            .post_raw(
                path,
                &[
                    ("konto", "gemeinde@example.org"),
                    ("gebiet", "14521010"),
                    ("name", "Netz AG"),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    assert!(
        members::areas_of(&app.db, kommune)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(members::operators(&app.db).await.unwrap().is_empty());
}

#[tokio::test]
async fn staff_assign_and_remove_areas_with_an_audit_entry_each() {
    let (app, staff) = staff_app().await;
    let (kommune, _) = app
        .create_user("gemeinde@example.org", Role::Municipality)
        .await;
    let r = app.get("/breitband/verwaltung").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_translated(&r);
    // The account is listed before it has any area.
    assert_eq!(r.count(&format!("#konto-{kommune}")), 1);

    let r = app
        .post(
            "/breitband/verwaltung/gebiete",
            &[("konto", "Gemeinde@Example.org "), ("gebiet", "14 521 010")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        r.location(),
        "/breitband/verwaltung?hinweis=broadband-admin-area-added"
    );
    app.post(
        "/breitband/verwaltung/gebiete",
        &[("konto", "gemeinde@example.org"), ("gebiet", "14522")],
    )
    .await;
    assert_eq!(
        members::areas_of(&app.db, kommune).await.unwrap(),
        ["14521010", "14522"]
    );
    let r = app
        .get("/breitband/verwaltung?hinweis=broadband-admin-area-added")
        .await;
    assert_eq!(r.text(".flash--success"), "Das Gebiet ist zugeordnet.");
    let row = format!("#konto-{kommune}");
    assert!(r.text(&row).contains("Amtsberg"));
    assert_eq!(
        r.count(&format!("{row} a[href='/breitband/kreise/14522']")),
        1
    );
    let added = audit(&app, "broadband.membership.added").await;
    assert_eq!(added.len(), 2);
    assert_eq!(added[0].actor_id, Some(staff));
    assert_eq!(added[0].target_kind, "user");
    assert_eq!(
        added[0].target_id.as_deref(),
        Some(kommune.to_string().as_str())
    );
    assert!(added[0].details.contains("14521010"));

    let id = kommune.to_string();
    let r = app
        .post(
            "/breitband/verwaltung/gebiete/entfernen",
            &[("konto", &id), ("gebiet", "14522")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        members::areas_of(&app.db, kommune).await.unwrap(),
        ["14521010"]
    );
    assert_eq!(audit(&app, "broadband.membership.removed").await.len(), 1);
    // Pressed twice: nothing more to remove, nothing more logged.
    let r = app
        .post(
            "/breitband/verwaltung/gebiete/entfernen",
            &[("konto", &id), ("gebiet", "14522")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(audit(&app, "broadband.membership.removed").await.len(), 1);
    // Nonsense is refused.
    let r = app
        .post(
            "/breitband/verwaltung/gebiete/entfernen",
            &[("konto", "x"), ("gebiet", "14521010")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_wrong_area_or_account_is_refused_with_the_input_kept() {
    let (app, _) = staff_app().await;
    let (netz, _) = app.create_user("netz@example.org", Role::Operator).await;
    let (kommune, _) = app
        .create_user("gemeinde@example.org", Role::Municipality)
        .await;
    let cases: [(&str, &str, &[&str]); 5] = [
        ("", "", &["konto", "gebiet"]),
        ("niemand@example.org", "14521010", &["konto"]),
        ("netz@example.org", "14521010", &["konto"]),
        ("gemeinde@example.org", "14521999", &["gebiet"]),
        ("gemeinde@example.org", "Amtsberg", &["gebiet"]),
    ];
    for (konto, gebiet, fields) in cases {
        let r = app
            .post(
                "/breitband/verwaltung/gebiete",
                &[("konto", konto), ("gebiet", gebiet)],
            )
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{konto} {gebiet}"
        );
        let linked: Vec<String> = r
            .html()
            .select(&scraper::Selector::parse(".error-summary a").unwrap())
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        let expected: Vec<String> = fields.iter().map(|f| format!("#{f}")).collect();
        assert_eq!(linked, expected, "{konto} {gebiet}");
        assert_eq!(r.attr("#konto", "value").as_deref(), Some(konto));
        assert_eq!(r.attr("#gebiet", "value").as_deref(), Some(gebiet));
        assert_eq!(
            r.attr(&format!("#{}", fields[0]), "aria-invalid")
                .as_deref(),
            Some("true")
        );
    }
    let r = app
        .post(
            "/breitband/verwaltung/gebiete",
            &[("konto", "netz@example.org"), ("gebiet", "14521010")],
        )
        .await;
    assert!(
        r.text("#konto-error").contains("nicht die Rolle Kommune"),
        "{}",
        r.text("#konto-error")
    );
    assert!(members::areas_of(&app.db, netz).await.unwrap().is_empty());
    assert!(
        members::areas_of(&app.db, kommune)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(audit(&app, "broadband.membership.added").await.is_empty());
}

#[tokio::test]
async fn staff_create_operators_and_assign_their_accounts() {
    let (app, _) = staff_app().await;
    let (netz, _) = app.create_user("netz@example.org", Role::Operator).await;
    app.create_user("gemeinde@example.org", Role::Municipality)
        .await;
    let r = app
        .post(
            "/breitband/verwaltung/netzbetreiber",
            &[("name", "  Vogtland Netz GmbH ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let operators = members::operators(&app.db).await.unwrap();
    assert_eq!(operators.len(), 1);
    assert_eq!(operators[0].name, "Vogtland Netz GmbH");
    assert_eq!(audit(&app, "broadband.operator.created").await.len(), 1);

    // A second one of the same name, in any case, is refused.
    let r = app
        .post(
            "/breitband/verwaltung/netzbetreiber",
            &[("name", "VOGTLAND NETZ GMBH")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        r.attr("#name", "value").as_deref(),
        Some("VOGTLAND NETZ GMBH")
    );
    assert!(r.text("#name-error").contains("gibt es schon"));
    for name in ["", &"x".repeat(201)] {
        let r = app
            .post("/breitband/verwaltung/netzbetreiber", &[("name", name)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(r.count(".error-summary a[href='#name']"), 1);
    }
    assert_eq!(members::operators(&app.db).await.unwrap().len(), 1);

    let operator = operators[0].id.to_string();
    // Only operator accounts answer for an operator.
    let r = app
        .post(
            "/breitband/verwaltung/netzbetreiber/konten",
            &[
                ("betreiber", &operator),
                ("betreiber_konto", "gemeinde@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#betreiber_konto-error").contains("Netzbetreiber"));
    assert_eq!(
        r.attr("#betreiber option[selected]", "value").as_deref(),
        Some(operator.as_str())
    );
    let r = app
        .post(
            "/breitband/verwaltung/netzbetreiber/konten",
            &[
                ("betreiber", "999"),
                ("betreiber_konto", "netz@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.count(".error-summary a[href='#betreiber']"), 1);
    assert!(
        members::operators_of(&app.db, netz)
            .await
            .unwrap()
            .is_empty()
    );

    let r = app
        .post(
            "/breitband/verwaltung/netzbetreiber/konten",
            &[
                ("betreiber", &operator),
                ("betreiber_konto", "netz@example.org"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        members::operators_of(&app.db, netz).await.unwrap()[0].name,
        "Vogtland Netz GmbH"
    );
    let r = app.get("/breitband/verwaltung").await;
    let row = format!("#netzbetreiber-{operator}");
    assert!(r.text(&row).contains("netz@example.org"));
    assert_eq!(
        audit(&app, "broadband.operator_member.added").await.len(),
        1
    );

    let r = app
        .post(
            "/breitband/verwaltung/netzbetreiber/konten/entfernen",
            &[("betreiber", &operator), ("konto", &netz.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        members::operators_of(&app.db, netz)
            .await
            .unwrap()
            .is_empty()
    );
    app.post(
        "/breitband/verwaltung/netzbetreiber/konten/entfernen",
        &[("betreiber", &operator), ("konto", &netz.to_string())],
    )
    .await;
    assert_eq!(
        audit(&app, "broadband.operator_member.removed").await.len(),
        1
    );
}

#[tokio::test]
async fn an_account_whose_role_changed_shows_that_its_areas_do_nothing() {
    let (app, _) = staff_app().await;
    let (former, _) = app
        .create_user("frueher@example.org", Role::Participant)
        .await;
    members::add_membership(&app.db, former, "14612000")
        .await
        .unwrap();
    let r = app.get("/breitband/verwaltung").await;
    let row = format!("#konto-{former}");
    assert!(r.text(&row).contains("Dresden"));
    assert_eq!(r.count(&format!("{row} .badge--warn")), 1);
}

#[tokio::test]
async fn the_administration_page_costs_the_same_queries_for_many_accounts() {
    let (app, _) = staff_app().await;
    let add = |i: usize| {
        let app = &app;
        async move {
            let (id, _) = app
                .create_user(&format!("g{i}@example.org"), Role::Municipality)
                .await;
            members::add_membership(&app.db, id, "14521020")
                .await
                .unwrap();
            members::add_membership(&app.db, id, "14522").await.unwrap();
            let (netz, _) = app
                .create_user(&format!("n{i}@example.org"), Role::Operator)
                .await;
            let operator = members::operator_named(&app.db, &format!("Netz {i}"))
                .await
                .unwrap();
            members::add_operator_member(&app.db, operator.id, netz)
                .await
                .unwrap();
        }
    };
    add(0).await;
    app.get("/breitband/verwaltung").await;
    let (one, _) = app.count_queries(app.get("/breitband/verwaltung")).await;
    for i in 1..16 {
        add(i).await;
    }
    let (many, r) = app.count_queries(app.get("/breitband/verwaltung")).await;
    assert_eq!(one, many, "no query per account or operator");
    assert_eq!(r.count("#broadband-admin-members tbody tr"), 16);
    assert_eq!(r.count("#broadband-admin-operators tbody tr"), 16);
    assert_eq!(
        audit_entry::Entity::find()
            .filter(audit_entry::Column::Action.starts_with("broadband."))
            .count(&app.db)
            .await
            .unwrap(),
        0,
        "reading writes nothing to the audit log"
    );
}

#[tokio::test]
async fn the_administration_is_there_in_english() {
    let (app, _) = staff_app().await;
    app.create_user("gemeinde@example.org", Role::Municipality)
        .await;
    in_english(&app).await;
    let r = app.get("/breitband/verwaltung").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text("h1"), "Manage broadband");
    assert_translated(&r);
    let r = app
        .post(
            "/breitband/verwaltung/gebiete",
            &[("konto", "gemeinde@example.org"), ("gebiet", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.text("#gebiet-error").contains("Saxon municipality"));
    assert_translated(&r);
}
