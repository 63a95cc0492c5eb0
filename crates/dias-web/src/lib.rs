//! dias-web: the web shell every module plugs into.
//!
//! It owns the application state, the middleware stack (request id, security
//! headers, sessions, locale, CSRF, limits, error pages), the page context and
//! layout, UI components (forms, pagination, SVG charts and the map of
//! Saxony), the account and admin pages, the home, legal and search pages,
//! and the registry through which modules contribute routes, navigation,
//! search sources, translations, jobs and demo data.

pub mod app;
pub mod assets;
pub mod atom;
pub mod cache;
pub mod components;
pub mod context;
pub mod download;
pub mod error;
pub mod forms;
pub mod links;
pub mod metrics;
pub mod middleware;
pub mod ratelimit;
pub mod registry;
pub mod site;
pub mod state;
pub mod table;
pub mod upload;
pub mod workers;

mod account;
mod admin;
mod pages;

pub use app::router;
pub use context::Ctx;
pub use error::{AppError, AppResult};
pub use pages::fill_placeholders;
pub use registry::Module;
pub use state::AppState;
