//! What the agency's content module adds to every page of the shell: the
//! staff-edited links in the main navigation, the footer and the audience
//! entry points of the home page, the contact points per topic that the
//! modules' pages show, and pages at any free path (the fallback route).
//!
//! The shell knows only this trait; the content module implements it and
//! keeps the snapshot cached, so rendering a page costs no query.

use std::sync::Arc;

use axum::response::Response;
use sea_orm::DatabaseConnection;

use crate::context::Ctx;
use crate::error::AppResult;
use crate::state::AppState;

/// A link placed in a menu by staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MenuLink {
    pub path: String,
    pub title_de: String,
    /// `None`: the page has no English version; the German title is shown.
    pub title_en: Option<String>,
}

impl MenuLink {
    pub fn title(&self, locale: &str) -> &str {
        match (&self.title_en, locale) {
            (Some(en), "en") => en,
            _ => &self.title_de,
        }
    }

    /// The language of the shown title when it differs from the page's.
    pub fn lang(&self, locale: &str) -> Option<&'static str> {
        (locale == "en" && self.title_en.is_none()).then_some("de")
    }
}

/// The audiences of the home page's entry points.
pub const AUDIENCES: [&str; 4] = ["buerger", "unternehmen", "kommunen", "ki"];

/// A contact point of the agency for one topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContactPoint {
    /// A topic key of the content module (`breitband`, `foerderung`, `ki`,
    /// `digitalstrategie`, `verwaltung`, `agentur`).
    pub topic: String,
    pub name: String,
    /// Who answers (a person's name and role), if staff name one.
    pub person: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub office_hours: Option<String>,
}

/// Everything the layout needs from the content module at one moment.
#[derive(Debug, Clone, Default)]
pub struct SiteSnapshot {
    pub main: Vec<MenuLink>,
    pub footer: Vec<MenuLink>,
    /// (audience key from [`AUDIENCES`], link), in menu order.
    pub audiences: Vec<(String, MenuLink)>,
    pub contacts: Vec<ContactPoint>,
}

impl SiteSnapshot {
    pub fn audience_links<'a>(&'a self, audience: &'a str) -> impl Iterator<Item = &'a MenuLink> {
        self.audiences
            .iter()
            .filter(move |(a, _)| a == audience)
            .map(|(_, link)| link)
    }

    pub fn contacts_for<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a ContactPoint> {
        self.contacts.iter().filter(move |c| c.topic == topic)
    }
}

/// The content module's side of the shell.
#[async_trait::async_trait]
pub trait SiteContent: Send + Sync {
    /// The current menus and contacts; implementations cache them for a
    /// few seconds (several instances see a change within that time).
    async fn snapshot(&self, db: &DatabaseConnection) -> Arc<SiteSnapshot>;

    /// The published page at `path`, if there is one. `None` lets the shell
    /// answer (its shipped legal pages, or 404).
    async fn page(&self, ctx: Ctx, state: &AppState, path: &str) -> Option<AppResult<Response>>;
}
