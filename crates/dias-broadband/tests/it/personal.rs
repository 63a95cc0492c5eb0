//! Memberships in the account export, and gone with the account.

use axum::http::StatusCode;
use dias_broadband::members;
use dias_core::policy::Role;

use crate::helpers::app;
use crate::support::PASSWORD;

#[tokio::test]
async fn memberships_are_exported_and_deleted_with_the_account() {
    let app = app().await;
    let kommune = app.sign_in_as(Role::Municipality).await;
    members::add_membership(&app.db, kommune, "14521010")
        .await
        .unwrap();
    members::add_membership(&app.db, kommune, "14522")
        .await
        .unwrap();
    let export = app.get("/konto/export").await;
    assert_eq!(export.status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let section = &json["modules"]["breitband"];
    assert_eq!(section["memberships"][0]["area"], "14521010");
    assert_eq!(section["memberships"][0]["name"], "Amtsberg");
    assert_eq!(section["memberships"][1]["area"], "14522");
    assert!(section["memberships"][1]["since"].is_string());
    assert_eq!(section["operators"], serde_json::json!([]));

    let r = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        members::areas_of(&app.db, kommune)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn operator_accounts_are_exported_and_deleted_with_the_account() {
    let app = app().await;
    let netz = app.sign_in_as(Role::Operator).await;
    let (colleague, _) = app.create_user("kollege@example.org", Role::Operator).await;
    let operator = members::operator_named(&app.db, "Lausitz Fiber AG")
        .await
        .unwrap();
    members::add_operator_member(&app.db, operator.id, netz)
        .await
        .unwrap();
    members::add_operator_member(&app.db, operator.id, colleague)
        .await
        .unwrap();
    let export = app.get("/konto/export").await;
    let json: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let section = &json["modules"]["breitband"];
    assert_eq!(section["operators"][0]["operator"], "Lausitz Fiber AG");
    assert_eq!(section["operators"].as_array().unwrap().len(), 1);
    assert_eq!(section["memberships"], serde_json::json!([]));

    let r = app.post("/konto/loeschen", &[("password", PASSWORD)]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        members::operators_of(&app.db, netz)
            .await
            .unwrap()
            .is_empty()
    );
    // The operator and its other accounts stay.
    assert_eq!(
        members::operators_of(&app.db, colleague).await.unwrap()[0].name,
        "Lausitz Fiber AG"
    );
}
