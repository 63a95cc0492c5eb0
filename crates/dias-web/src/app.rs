//! Assembling the application: state, the shell's own module, module routes
//! and the middleware stack.

use std::sync::Arc;

use axum::Router;
use axum::middleware::from_fn_with_state;
use axum::routing::get;
use dias_core::config::Config;
use dias_core::i18n::{Catalog, Messages};
use dias_search::{SearchIndex, SearchSource, Sources};
use sea_orm::DatabaseConnection;

use crate::metrics::Metrics;
use crate::ratelimit::RateLimiter;
use crate::registry::{Module, Registry};
use crate::state::AppState;

/// The shell's own messages.
pub const MESSAGES: [Messages; 2] = [
    Messages {
        locale: "de",
        source: include_str!("../locales/de.ftl"),
    },
    Messages {
        locale: "en",
        source: include_str!("../locales/en.ftl"),
    },
];

/// The shell as a module: its pages are searchable like any module's.
pub fn shell_module() -> Module {
    let mut module = Module::new("shell");
    module.messages = MESSAGES.to_vec();
    module.search_sources = vec![
        Arc::new(crate::pages::StaticPageSource),
        Arc::new(crate::pages::DistrictSource),
    ];
    module.jobs = vec![(
        crate::admin::REINDEX_JOB,
        Arc::new(crate::workers::ReindexJob::default()) as _,
    )];
    module.secret_paths = vec!["/konto/bestaetigen/", "/konto/passwort-neu/"];
    module
}

/// Builds the state from an open database and index; `modules` are the
/// feature modules (the shell module is added first).
pub fn state(
    config: Config,
    db: DatabaseConnection,
    search: Arc<SearchIndex>,
    modules: Vec<Module>,
) -> Result<AppState, String> {
    let mut shell = shell_module();
    if modules.iter().any(|m| m.site.is_some()) {
        // The content module's pages replace the shipped information pages
        // (same paths, same search kind).
        shell
            .search_sources
            .retain(|s| s.kind() != crate::pages::StaticPageSource.kind());
    }
    let mut all = vec![shell];
    all.extend(modules);
    let registry = Registry::new(all);
    let catalog = Catalog::new(&registry.messages())?;
    let sources = Sources::new(registry.search_sources());
    let page_cache = Arc::new(crate::cache::PageCache::new(config.page_cache_secs));
    Ok(AppState {
        page_cache,
        db,
        config: Arc::new(config),
        catalog: Arc::new(catalog),
        search,
        sources,
        registry: Arc::new(registry),
        limits: Arc::new(RateLimiter::default()),
        metrics: Arc::new(Metrics::default()),
        instance_id: Arc::from(format!(
            "{}-{}",
            std::process::id(),
            &dias_core::crypto::random_token()[..6]
        )),
    })
}

/// The complete router with all middleware.
pub fn router(state: AppState) -> Router {
    let mut app: Router<AppState> = Router::new()
        .merge(crate::pages::routes())
        .merge(crate::account::routes())
        .merge(crate::admin::routes());
    for module in &state.registry.modules {
        if let Some(routes) = module.routes {
            app = app.merge(routes());
        }
    }
    app.route("/static/{*path}", get(crate::assets::serve))
        .fallback(crate::pages::fallback)
        .layer(axum::middleware::from_fn(crate::middleware::pagination))
        .layer(from_fn_with_state(state.clone(), crate::middleware::csrf))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::error_pages,
        ))
        .layer(from_fn_with_state(state.clone(), crate::cache::page_cache))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::header_limits,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::session,
        ))
        .layer(from_fn_with_state(
            state.clone(),
            crate::middleware::observe,
        ))
        .with_state(state)
}
