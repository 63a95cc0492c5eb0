//! The page context every handler and template gets: who is asking, in which
//! language, with which CSRF token, on which path, plus the translations.

use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use dias_core::i18n::{Catalog, Value};
use dias_core::policy::{self, Policy, Principal};
use dias_core::sessions::SessionRecord;

use crate::error::AppError;
use crate::registry::NavEntry;
use crate::state::AppState;

/// What the session middleware learned about a request.
#[derive(Debug, Clone)]
pub struct RequestInfo {
    pub request_id: String,
    pub session: Option<SessionRecord>,
    pub principal: Option<Principal>,
    pub locale: &'static str,
    pub csrf: String,
    pub client_ip: std::net::IpAddr,
    pub htmx: bool,
    /// Unread notifications of the signed-in person (the header badge).
    pub unread_notifications: u64,
    /// Staff-edited menus and contact points (empty without a content module).
    pub site: Arc<crate::site::SiteSnapshot>,
}

/// A number for plural rules; templates pass counts of any integer type,
/// often behind references.
pub trait Count {
    fn count(&self) -> i64;
}

macro_rules! count_impl {
    ($($t:ty),*) => {$(
        impl Count for $t {
            fn count(&self) -> i64 {
                i64::try_from(*self).unwrap_or(i64::MAX)
            }
        }
    )*};
}
count_impl!(i64, i32, u32, u64, usize);

impl<T: Count + ?Sized> Count for &T {
    fn count(&self) -> i64 {
        (**self).count()
    }
}

#[derive(Clone)]
pub struct Ctx {
    pub info: RequestInfo,
    pub path: String,
    pub query: String,
    pub catalog: Arc<Catalog>,
    pub nav: Arc<Vec<NavEntry>>,
    /// The modules' entries in the administration's navigation.
    pub staff_nav: Arc<Vec<NavEntry>>,
    /// A confirmation to show, from `?hinweis=KEY` after a redirect.
    pub notice: Option<String>,
}

impl std::fmt::Debug for Ctx {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Ctx {
    pub fn from_parts(parts: &Parts, state: &AppState) -> Ctx {
        let info = parts
            .extensions
            .get::<RequestInfo>()
            .cloned()
            .unwrap_or_else(|| RequestInfo {
                request_id: String::new(),
                session: None,
                principal: None,
                locale: dias_core::i18n::DEFAULT_LOCALE,
                csrf: String::new(),
                client_ip: std::net::IpAddr::from([127, 0, 0, 1]),
                htmx: false,
                unread_notifications: 0,
                site: Arc::default(),
            });
        let query = parts.uri.query().unwrap_or("").to_owned();
        let notice = serde_urlencoded::from_str::<Vec<(String, String)>>(&query)
            .ok()
            .and_then(|pairs| pairs.into_iter().find(|(k, _)| k == "hinweis"))
            .map(|(_, key)| format!("notice-{key}"))
            .filter(|id| {
                id.len() < 60
                    && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    && state.catalog.get("de", id) != *id
            })
            .map(|id| state.catalog.get(info.locale, &id));
        Ctx {
            info,
            path: parts.uri.path().to_owned(),
            query,
            catalog: state.catalog.clone(),
            nav: Arc::new(state.registry.nav().cloned().collect()),
            staff_nav: Arc::new(state.registry.staff_nav().cloned().collect()),
            notice,
        }
    }

    /// Translation of a message id.
    pub fn t(&self, id: &str) -> String {
        self.catalog.get(self.info.locale, id)
    }

    /// Translation with one argument.
    pub fn t1(&self, id: &str, name: &str, value: impl ToString) -> String {
        self.catalog.get_with(
            self.info.locale,
            id,
            &[(name, Value::from(value.to_string()))],
        )
    }

    /// Translation with a numeric argument (for plural rules).
    pub fn tn(&self, id: &str, name: &str, value: impl Count) -> String {
        self.catalog
            .get_with(self.info.locale, id, &[(name, Value::from(value.count()))])
    }

    pub fn locale(&self) -> &'static str {
        self.info.locale
    }

    pub fn principal(&self) -> Option<&Principal> {
        self.info.principal.as_ref()
    }

    pub fn signed_in(&self) -> bool {
        self.info.principal.is_some()
    }

    pub fn can_enter_admin(&self) -> bool {
        self.can(&policy::CoreAction::EnterAdminArea)
    }

    pub fn can(&self, action: &dyn Policy) -> bool {
        action.permits(self.principal())
    }

    /// The one authorization check for handlers.
    pub fn require(&self, action: &dyn Policy) -> Result<&Ctx, AppError> {
        match policy::authorize(self.principal(), action) {
            Ok(()) => Ok(self),
            Err(policy::Denied::NotSignedIn) => Err(AppError::NotSignedIn(self.path_and_query())),
            Err(policy::Denied::Forbidden) => Err(AppError::Forbidden),
        }
    }

    /// The signed-in principal or a redirect to the sign-in page.
    pub fn user(&self) -> Result<&Principal, AppError> {
        self.principal()
            .ok_or_else(|| AppError::NotSignedIn(self.path_and_query()))
    }

    /// The sign-in page, coming back here afterwards.
    pub fn login_url(&self) -> String {
        let back =
            serde_urlencoded::to_string([("weiter", self.path_and_query())]).unwrap_or_default();
        format!("/konto/anmelden?{back}")
    }

    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            self.path.clone()
        } else {
            format!("{}?{}", self.path, self.query)
        }
    }

    /// Whether `prefix` is the current section (for `aria-current`).
    pub fn is_current(&self, prefix: &str) -> bool {
        if prefix == "/" {
            self.path == "/"
        } else {
            self.path == prefix || self.path.starts_with(&format!("{prefix}/"))
        }
    }

    /// The staff-edited menus and contact points.
    pub fn site(&self) -> &crate::site::SiteSnapshot {
        &self.info.site
    }

    pub fn other_locale(&self) -> &'static str {
        if self.info.locale == "de" { "en" } else { "de" }
    }

    pub fn format_datetime(&self, unix: &i64) -> String {
        dias_core::time::format_datetime(*unix)
    }

    pub fn format_date(&self, unix: &i64) -> String {
        dias_core::time::format_date(*unix)
    }

    pub fn number(&self, n: &i64) -> String {
        crate::components::format_number(*n, self.info.locale)
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(Ctx::from_parts(parts, state))
    }
}
