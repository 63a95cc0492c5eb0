//! Shared set-up of the Breitband tests.

use crate::support::TestApp;

pub(crate) async fn app() -> TestApp {
    TestApp::with_modules(vec![dias_broadband::module()]).await
}
