//! Shared application state.

use std::sync::Arc;

use dias_core::config::Config;
use dias_core::i18n::Catalog;
use dias_search::{SearchIndex, Sources};
use sea_orm::DatabaseConnection;

use crate::metrics::Metrics;
use crate::ratelimit::RateLimiter;
use crate::registry::Registry;

#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub catalog: Arc<Catalog>,
    pub search: Arc<SearchIndex>,
    pub sources: Sources,
    pub registry: Arc<Registry>,
    pub limits: Arc<RateLimiter>,
    pub metrics: Arc<Metrics>,
    pub page_cache: Arc<crate::cache::PageCache>,
    /// Identifies this process among several instances (jobs, logs).
    pub instance_id: Arc<str>,
}

impl AppState {
    pub fn mail_env(&self) -> dias_core::accounts::MailEnv<'_> {
        dias_core::accounts::MailEnv {
            catalog: &self.catalog,
            public_url: &self.config.public_url,
        }
    }

    pub fn session_timeouts(&self) -> dias_core::sessions::Timeouts {
        dias_core::sessions::Timeouts {
            idle_secs: self.config.session_idle_secs,
            absolute_secs: self.config.session_absolute_secs,
        }
    }
}
