//! The upload forms' larger request limits apply only to the roles that
//! may use them: anyone else is refused at the instance's limit, before a
//! handler reads the body.

use axum::http::StatusCode;
use dias_core::policy::Role;

use crate::helpers::app;

#[tokio::test]
async fn large_requests_only_for_the_roles_of_each_form() {
    // About 3 MB: above the default limit of 2 MiB, below the forms' own.
    let big = "x".repeat(3 * 1024 * 1024);
    let cases = [
        ("/breitband/verfahren/neu", Role::Participant, false),
        ("/breitband/verfahren/neu", Role::Operator, false),
        ("/breitband/verfahren/neu", Role::Municipality, true),
        ("/breitband/verfahren/neu", Role::Staff, true),
        ("/breitband/verfahren/antworten", Role::Participant, false),
        ("/breitband/verfahren/antworten", Role::Municipality, false),
        ("/breitband/verfahren/antworten", Role::Operator, true),
        ("/breitband/projekte/dokumente", Role::Participant, false),
        ("/breitband/projekte/dokumente", Role::Operator, false),
        ("/breitband/projekte/dokumente", Role::Municipality, true),
    ];
    for (path, role, allowed) in cases {
        let app = app().await;
        app.sign_in_as(role).await;
        let response = app.post(path, &[("datei", big.as_str())]).await;
        assert_eq!(
            response.status == StatusCode::PAYLOAD_TOO_LARGE,
            !allowed,
            "{path} as {role:?}: {}",
            response.status
        );
    }
}
