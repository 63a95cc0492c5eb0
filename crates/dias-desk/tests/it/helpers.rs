//! Shared set-up of the Anfragen tests.

use crate::support::TestApp;

pub(crate) async fn app() -> TestApp {
    TestApp::with_modules(vec![dias_desk::module()]).await
}
