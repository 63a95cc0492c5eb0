//! How modules plug in: one [`Module`] value per module, collected by the
//! binary. The web shell reads it for routes, navigation, search sources,
//! translations, background jobs, demo data and home-page teasers.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use axum::Router;
use dias_core::accounts::personal_data::PersonalData;
use dias_core::i18n::Messages;
use dias_core::jobs::JobHandler;
use dias_core::policy::Role;
use dias_search::SearchSource;
use sea_orm::DatabaseConnection;

use crate::state::AppState;

/// Size of generated demo data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    Small,
    Large,
}

pub type DemoFuture<'a> = Pin<Box<dyn Future<Output = Result<String, String>> + Send + 'a>>;

/// What a demo seeder gets besides the database: the size, and the
/// instance's secret key for data derived from it (e.g. the private
/// status links of demo inquiries, so that mails about them work).
#[derive(Clone)]
pub struct DemoEnv {
    pub scale: Scale,
    pub secret_key: Vec<u8>,
}

impl DemoEnv {
    pub fn new(scale: Scale, config: &dias_core::config::Config) -> Self {
        DemoEnv {
            scale,
            secret_key: config.secret_key.expose().as_bytes().to_vec(),
        }
    }
}

/// Loads a module's demo data; returns a one-line summary.
pub type DemoSeeder =
    Arc<dyn for<'a> Fn(&'a DatabaseConnection, DemoEnv) -> DemoFuture<'a> + Send + Sync>;

/// A main-navigation entry.
#[derive(Debug, Clone)]
pub struct NavEntry {
    pub path: &'static str,
    pub label_key: &'static str,
}

/// A job kind that runs by itself every `every_secs` on a running
/// installation (the scheduler in [`crate::workers`] queues it once per
/// interval across all instances) and that staff may start by hand on the
/// jobs page, where `label_key` names its button.
#[derive(Debug, Clone)]
pub struct Schedule {
    pub kind: &'static str,
    pub every_secs: i64,
    pub label_key: &'static str,
}

/// A teaser on the home page.
#[derive(Debug, Clone)]
pub struct Teaser {
    pub title_key: &'static str,
    pub text_key: &'static str,
    pub path: &'static str,
}

pub struct Module {
    pub name: &'static str,
    pub routes: Option<fn() -> Router<AppState>>,
    pub nav: Vec<NavEntry>,
    /// Entries of the administration's navigation (`/verwaltung`), shown to
    /// whoever may enter it; the target page checks its own permission.
    pub staff_nav: Vec<NavEntry>,
    pub teasers: Vec<Teaser>,
    pub search_sources: Vec<Arc<dyn SearchSource>>,
    pub messages: Vec<Messages>,
    pub jobs: Vec<(&'static str, Arc<dyn JobHandler>)>,
    /// Jobs (of kinds in `jobs`) that run periodically.
    pub schedules: Vec<Schedule>,
    pub demo: Option<DemoSeeder>,
    /// The module's part of account export and deletion.
    pub personal_data: Option<Arc<dyn PersonalData>>,
    /// Paths (exact) whose requests may be larger than the instance's
    /// `max_body_bytes`, with their own limit: an upload page that answers
    /// an oversized file in its form needs the file to reach it.
    pub body_limits: Vec<BodyLimit>,
    /// Path prefixes whose next segment is a secret — the token of a
    /// private link such as an inquiry's status page. The request log
    /// shows that segment as `…`, so reading logs opens nothing.
    pub secret_paths: Vec<&'static str>,
    /// Menus, contact points and pages at free paths (the content module;
    /// at most one module provides it).
    pub site: Option<Arc<dyn crate::site::SiteContent>>,
}

impl Module {
    pub fn new(name: &'static str) -> Self {
        Module {
            name,
            routes: None,
            nav: Vec::new(),
            staff_nav: Vec::new(),
            teasers: Vec::new(),
            search_sources: Vec::new(),
            messages: Vec::new(),
            jobs: Vec::new(),
            schedules: Vec::new(),
            demo: None,
            personal_data: None,
            body_limits: Vec::new(),
            secret_paths: Vec::new(),
            site: None,
        }
    }
}

/// A larger request limit for one upload path. It applies only to
/// signed-in accounts whose role may use the form, so that nobody else —
/// not even a freshly registered participant — makes the server read
/// more than `max_body_bytes` before the handler refuses; `visitors`
/// extends it to requests without an account (a public form with an
/// attachment, protected by its own rate limit).
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit {
    pub path: &'static str,
    pub bytes: usize,
    pub roles: &'static [Role],
    pub visitors: bool,
}

#[derive(Default)]
pub struct Registry {
    pub modules: Vec<Module>,
}

impl Registry {
    pub fn new(modules: Vec<Module>) -> Self {
        Registry { modules }
    }

    /// Whether a module of this name is registered: a module links to
    /// another only when that one is there.
    pub fn has(&self, name: &str) -> bool {
        self.modules.iter().any(|m| m.name == name)
    }

    /// The most bytes a request to `path` by an account of `role` (`None`:
    /// a visitor) may carry: `default` (the instance's `max_body_bytes`)
    /// unless a module gives the path a larger limit for that role.
    pub fn body_limit(&self, path: &str, role: Option<Role>, default: usize) -> usize {
        self.modules
            .iter()
            .flat_map(|m| m.body_limits.iter())
            .filter(|limit| {
                limit.path == path
                    && match role {
                        Some(role) => limit.roles.contains(&role),
                        None => limit.visitors,
                    }
            })
            .map(|limit| limit.bytes)
            .fold(default, usize::max)
    }

    /// `path` as the request log may show it: the segment after a module's
    /// secret prefix ([`Module::secret_paths`]) replaced by `…`.
    pub fn loggable_path<'a>(&self, path: &'a str) -> std::borrow::Cow<'a, str> {
        let prefixes = self.modules.iter().flat_map(|m| m.secret_paths.iter());
        redact_path(path, prefixes.copied())
    }

    /// Every module's [`Module::secret_paths`]: the request log hides the
    /// segment after them, and so do sent mails kept in the database.
    pub fn secret_paths(&self) -> Vec<&'static str> {
        self.modules
            .iter()
            .flat_map(|m| m.secret_paths.iter().copied())
            .collect()
    }

    /// The module that provides the site's menus and pages, if any.
    pub fn site(&self) -> Option<&Arc<dyn crate::site::SiteContent>> {
        self.modules.iter().find_map(|m| m.site.as_ref())
    }

    pub fn nav(&self) -> impl Iterator<Item = &NavEntry> {
        self.modules.iter().flat_map(|m| m.nav.iter())
    }

    pub fn staff_nav(&self) -> impl Iterator<Item = &NavEntry> {
        self.modules.iter().flat_map(|m| m.staff_nav.iter())
    }

    pub fn teasers(&self) -> impl Iterator<Item = &Teaser> {
        self.modules.iter().flat_map(|m| m.teasers.iter())
    }

    pub fn messages(&self) -> Vec<Messages> {
        self.modules
            .iter()
            .flat_map(|m| m.messages.iter().copied())
            .collect()
    }

    pub fn personal_data(&self) -> Vec<Arc<dyn PersonalData>> {
        self.modules
            .iter()
            .filter_map(|m| m.personal_data.clone())
            .collect()
    }

    pub fn schedules(&self) -> Vec<Schedule> {
        self.modules
            .iter()
            .flat_map(|m| m.schedules.iter().cloned())
            .collect()
    }

    pub fn search_sources(&self) -> Vec<Arc<dyn SearchSource>> {
        self.modules
            .iter()
            .flat_map(|m| m.search_sources.iter().cloned())
            .collect()
    }
}

/// Replaces the segment that follows the first matching prefix with `…`,
/// keeping what comes after it (`/anfragen/status/<token>/anhang/3` →
/// `/anfragen/status/…/anhang/3`).
pub fn redact_path<'a, 'p>(
    path: &'a str,
    prefixes: impl IntoIterator<Item = &'p str>,
) -> std::borrow::Cow<'a, str> {
    for prefix in prefixes {
        if let Some(rest) = path.strip_prefix(prefix) {
            let tail = rest.find('/').map_or("", |i| &rest[i..]);
            return std::borrow::Cow::Owned(format!("{prefix}…{tail}"));
        }
    }
    std::borrow::Cow::Borrowed(path)
}

#[cfg(test)]
mod redact_tests {
    use super::redact_path;

    #[test]
    fn the_secret_segment_is_hidden_and_the_rest_kept() {
        let prefixes = ["/konto/bestaetigen/", "/anfragen/status/"];
        assert_eq!(
            redact_path("/anfragen/status/abcDEF123_-xyz", prefixes),
            "/anfragen/status/…"
        );
        assert_eq!(
            redact_path("/anfragen/status/abcDEF/anhang/7", prefixes),
            "/anfragen/status/…/anhang/7"
        );
        assert_eq!(
            redact_path("/konto/bestaetigen/tok", prefixes),
            "/konto/bestaetigen/…"
        );
        assert_eq!(redact_path("/anfragen/neu", prefixes), "/anfragen/neu");
        assert_eq!(
            redact_path("/anfragen/status", prefixes),
            "/anfragen/status"
        );
    }
}
