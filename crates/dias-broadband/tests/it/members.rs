//! Memberships are stored once and read back per account.

use dias_broadband::members;
use dias_core::policy::Role;

use crate::helpers::app;

#[tokio::test]
async fn memberships_and_operator_accounts_round_trip() {
    let app = app().await;
    let (kommune, _) = app
        .create_user("gemeinde@example.org", Role::Municipality)
        .await;
    let (netz, _) = app.create_user("netz@example.org", Role::Operator).await;

    members::add_membership(&app.db, kommune, "14521010")
        .await
        .unwrap();
    members::add_membership(&app.db, kommune, "14522")
        .await
        .unwrap();
    // Twice is not an error and not a second row.
    members::add_membership(&app.db, kommune, "14521010")
        .await
        .unwrap();
    let areas = members::areas_of(&app.db, kommune).await.unwrap();
    assert_eq!(areas, vec!["14521010".to_owned(), "14522".to_owned()]);
    assert!(members::covers(&areas, "14522010"));
    members::remove_membership(&app.db, kommune, "14522")
        .await
        .unwrap();
    assert_eq!(
        members::areas_of(&app.db, kommune).await.unwrap(),
        vec!["14521010".to_owned()]
    );

    let operator = members::operator_named(&app.db, "Netz AG").await.unwrap();
    let again = members::operator_named(&app.db, "Netz AG").await.unwrap();
    assert_eq!(operator.id, again.id);
    members::add_operator_member(&app.db, operator.id, netz)
        .await
        .unwrap();
    members::add_operator_member(&app.db, operator.id, netz)
        .await
        .unwrap();
    let mine = members::operators_of(&app.db, netz).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].name, "Netz AG");
    assert!(
        members::operators_of(&app.db, kommune)
            .await
            .unwrap()
            .is_empty()
    );
    members::remove_operator_member(&app.db, operator.id, netz)
        .await
        .unwrap();
    assert!(
        members::operators_of(&app.db, netz)
            .await
            .unwrap()
            .is_empty()
    );
}
