//! Shared set-up of the content tests.

use crate::support::TestApp;

pub(crate) async fn app() -> TestApp {
    TestApp::with_modules(vec![dias_content::module()]).await
}
