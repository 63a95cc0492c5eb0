//! Pages (Seiten): staff-edited Markdown pages in a tree.
//!
//! - A page's `path` is its parent's path, `/` and its slug; moving a page
//!   or changing its slug rewrites the paths of all its descendants in the
//!   same transaction. A page can never become its own ancestor.
//! - The first segment of a top-level page must not be a route of the
//!   portal ([`is_reserved`]).
//! - Every save writes a version (`content_page_versions`, numbered from 1);
//!   restoring a version writes a new version with the old content.
//! - `revision` guards concurrent edits: a save names the revision it was
//!   based on and fails with [`SaveError::Stale`] when it has moved on.
//! - System pages (the legal pages) are edited like others but are never
//!   deleted, unpublished, moved or re-slugged.
//! - Visibility follows [`crate::publishing`]; search documents exist for
//!   live pages only ([`PageSource`]).

use std::collections::{HashMap, HashSet};

use dias_core::slug;
use dias_core::validation::FieldErrors;
use dias_search::{SearchDoc, SearchSource};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::entities::{page_versions, pages};
use crate::vocab::{Audience, Menu, Status};

pub use crate::entities::page_versions::Model as Version;
pub use crate::entities::pages::Model as Page;

pub const MAX_TITLE: usize = 200;
pub const MAX_SLUG: usize = 120;
pub const MAX_PATH: usize = 500;
pub const MAX_SUMMARY: usize = 300;
pub const MAX_NOTE: usize = 300;
/// A long page, not a document.
pub const MAX_BODY: usize = 100_000;

/// First path segments that belong to routes of the portal: the shell's
/// and every module's. The first segments of the registered navigation are
/// added by the caller ([`reserved_segments`]).
pub const RESERVED: &[&str] = &[
    "konto",
    "verwaltung",
    "static",
    "suche",
    "kreise",
    "sprache",
    "healthz",
    "metrics",
    "datenquellen",
    "api",
    "redaktion",
    "medien",
    "aktuelles",
    "publikationen",
    "ansprechpartner",
    "newsletter",
    "beteiligung",
    "ki-netzwerk",
    "foerderlotse",
    "breitband",
    "anfragen",
    "robots.txt",
    "favicon.ico",
];

/// The reserved first segments: [`RESERVED`] and the first segment of
/// every path in `nav` (the registry's navigation).
pub fn reserved_segments<'a>(nav: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut all: Vec<String> = RESERVED.iter().map(|s| (*s).to_owned()).collect();
    for path in nav {
        if let Some(first) = path.trim_start_matches('/').split('/').next()
            && !first.is_empty()
            && !all.iter().any(|s| s == first)
        {
            all.push(first.to_owned());
        }
    }
    all
}

/// Whether `slug` may not be the first segment of a page's path.
pub fn is_reserved(slug: &str, reserved: &[String]) -> bool {
    reserved.iter().any(|r| r == slug)
}

pub use crate::publishing::time_input_value;

// ------------------------------------------------------------- the form

/// The page form as submitted (strings, so it can be shown again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageInput {
    pub title_de: String,
    pub title_en: String,
    pub body_de: String,
    pub body_en: String,
    pub summary: String,
    pub slug: String,
    /// Id of the parent page, or empty for a top-level page.
    pub parent: String,
    pub menu: String,
    pub audience: String,
    pub position: String,
    pub status: String,
    /// Berlin date and time of publication (`YYYY-MM-DD`, `HH:MM`).
    pub publish_date: String,
    pub publish_time: String,
    /// „Änderungsnotiz“ of the version this save writes.
    pub note: String,
    /// The revision the edit is based on.
    pub revision: String,
    /// Which of parent, slug and status the form sent (system pages do
    /// not show them).
    pub sent_parent: bool,
    pub sent_slug: bool,
    pub sent_status: bool,
}

impl PageInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let find = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v);
        let get = |key: &str| find(key).cloned().unwrap_or_default();
        PageInput {
            title_de: get("title_de"),
            title_en: get("title_en"),
            body_de: get("body_de"),
            body_en: get("body_en"),
            summary: get("summary"),
            slug: get("slug"),
            parent: get("parent"),
            menu: get("menu"),
            audience: get("audience"),
            position: get("position"),
            status: get("status"),
            publish_date: get("publish_date"),
            publish_time: get("publish_time"),
            note: get("note"),
            revision: get("revision"),
            sent_parent: find("parent").is_some(),
            sent_slug: find("slug").is_some(),
            sent_status: find("status").is_some(),
        }
    }

    /// A new page, optionally under `parent`.
    pub fn new_page(parent: Option<i64>) -> Self {
        PageInput {
            parent: parent.map(|p| p.to_string()).unwrap_or_default(),
            menu: Menu::None.key().to_owned(),
            position: "0".into(),
            status: Status::Draft.key().to_owned(),
            ..PageInput::default()
        }
    }

    pub fn from_page(page: &Page) -> Self {
        PageInput {
            title_de: page.title_de.clone(),
            title_en: page.title_en.clone().unwrap_or_default(),
            body_de: page.body_de.clone(),
            body_en: page.body_en.clone().unwrap_or_default(),
            summary: page.summary.clone().unwrap_or_default(),
            slug: page.slug.clone(),
            parent: page.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            menu: page.menu.clone(),
            audience: page.audience.clone().unwrap_or_default(),
            position: page.position.to_string(),
            status: page.status.clone(),
            publish_date: page
                .publish_at
                .map(dias_core::time::date_input_value)
                .unwrap_or_default(),
            publish_time: page.publish_at.map(time_input_value).unwrap_or_default(),
            note: String::new(),
            revision: page.revision.to_string(),
            sent_parent: true,
            sent_slug: true,
            sent_status: true,
        }
    }
}

/// A checked page form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPage {
    pub parent_id: Option<i64>,
    pub slug: String,
    pub title_de: String,
    pub title_en: Option<String>,
    pub body_de: String,
    pub body_en: Option<String>,
    pub summary: Option<String>,
    pub menu: Menu,
    pub audience: Option<Audience>,
    pub position: i32,
    pub status: Status,
    /// `None` with status published: now (or, for a live page, unchanged).
    pub publish_at: Option<i64>,
    pub note: Option<String>,
    /// The revision the edit is based on (`None` for a new page).
    pub revision: Option<i32>,
    pub sent_parent: bool,
    pub sent_slug: bool,
    pub sent_status: bool,
}

/// Whether every Markdown image (`![alt](src)`) in `markdown` has an
/// alternative text. Decorative images do not belong in page text.
pub fn images_have_alt_text(markdown: &str) -> bool {
    let mut rest = markdown;
    while let Some(at) = rest.find("![") {
        let after = &rest[at + 2..];
        let Some(close) = after.find("](") else {
            return true;
        };
        if after[..close].trim().is_empty() {
            return false;
        }
        rest = &after[close..];
    }
    true
}

fn optional(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

fn too_long(errors: &mut FieldErrors, field: &str, value: &str, max: usize) {
    if value.chars().count() > max {
        errors.add(field, &format!("content-page-error-{field}-long"));
    }
}

/// Checks the form (syntax only; the tree is checked when saving). An
/// empty slug is proposed from the German title.
pub fn validate(input: &PageInput) -> Result<ValidPage, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title_de = input.title_de.trim().to_owned();
    if title_de.is_empty() {
        errors.add("title_de", "content-page-error-title_de-empty");
    }
    too_long(&mut errors, "title_de", &title_de, MAX_TITLE);
    let title_en = optional(&input.title_en);
    let body_de = input.body_de.trim_end().to_owned();
    if body_de.trim().is_empty() {
        errors.add("body_de", "content-page-error-body_de-empty");
    }
    too_long(&mut errors, "body_de", &body_de, MAX_BODY);
    if !images_have_alt_text(&body_de) {
        errors.add("body_de", "content-page-error-body_de-alt");
    }
    let body_en = optional(&input.body_en).map(|_| input.body_en.trim_end().to_owned());
    if let Some(t) = &title_en {
        too_long(&mut errors, "title_en", t, MAX_TITLE);
    }
    if let Some(b) = &body_en {
        too_long(&mut errors, "body_en", b, MAX_BODY);
        if !images_have_alt_text(b) {
            errors.add("body_en", "content-page-error-body_en-alt");
        }
    }
    // An English version needs both its title and its text.
    match (&title_en, &body_en) {
        (Some(_), None) => errors.add("body_en", "content-page-error-body_en-missing"),
        (None, Some(_)) => errors.add("title_en", "content-page-error-title_en-missing"),
        _ => {}
    }
    let summary = optional(&input.summary);
    if let Some(s) = &summary {
        too_long(&mut errors, "summary", s, MAX_SUMMARY);
    }
    let slug = match input.slug.trim() {
        "" => slug::slugify(&title_de, MAX_SLUG, ""),
        given => given.to_owned(),
    };
    if input.sent_slug && !slug::is_valid(&slug, MAX_SLUG) {
        errors.add("slug", "content-page-error-slug-invalid");
    }
    let parent_id = match input.parent.trim() {
        "" => None,
        raw => match raw.parse::<i64>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("parent", "content-page-error-parent-unknown");
                None
            }
        },
    };
    let menu = Menu::parse(input.menu.trim()).unwrap_or_else(|| {
        errors.add("menu", "content-page-error-menu");
        Menu::None
    });
    let audience = match (menu, input.audience.trim()) {
        (Menu::Audience, "") => {
            errors.add("audience", "content-page-error-audience-empty");
            None
        }
        (Menu::Audience, key) => Audience::parse(key).or_else(|| {
            errors.add("audience", "content-page-error-audience-empty");
            None
        }),
        _ => None,
    };
    let position = match input.position.trim() {
        "" => 0,
        raw => raw
            .parse::<i32>()
            .ok()
            .filter(|p| (-9999..=9999).contains(p))
            .unwrap_or_else(|| {
                errors.add("position", "content-page-error-position");
                0
            }),
    };
    let status = if input.sent_status {
        Status::parse(input.status.trim()).unwrap_or_else(|| {
            errors.add("status", "content-page-error-status");
            Status::Draft
        })
    } else {
        // Kept from the page when saving (system pages show no status).
        Status::Draft
    };
    let publish_at =
        crate::publishing::publish_at_from_form(&input.publish_date, &input.publish_time)
            .unwrap_or_else(|e| {
                errors.add(e.field(), "content-page-error-publish_date");
                None
            });
    let note = optional(&input.note);
    if let Some(n) = &note {
        too_long(&mut errors, "note", n, MAX_NOTE);
    }
    let revision = match input.revision.trim() {
        "" => None,
        raw => Some(
            raw.parse::<i32>()
                .map_err(|_| FieldErrors::single("revision", "content-page-error-stale"))?,
        ),
    };
    errors.into_result()?;
    Ok(ValidPage {
        parent_id,
        slug,
        title_de,
        title_en,
        body_de,
        body_en,
        summary,
        menu,
        audience,
        position,
        status,
        publish_at,
        note,
        revision,
        sent_parent: input.sent_parent,
        sent_slug: input.sent_slug,
        sent_status: input.sent_status,
    })
}

// ------------------------------------------------------------------ store

/// Why a save did not happen.
#[derive(Debug)]
pub enum SaveError {
    /// Field errors to show with the form.
    Invalid(FieldErrors),
    /// The page changed since the form was loaded; the current state.
    Stale(Box<Page>),
    NotFound,
    Db(DbErr),
}

/// A unique-path violation (two saves claiming one path at the same
/// moment) is the same field error as a path found taken beforehand.
fn path_taken(e: DbErr) -> SaveError {
    match e.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            SaveError::Invalid(FieldErrors::single("slug", "content-page-error-slug-taken"))
        }
        _ => SaveError::Db(e),
    }
}

impl From<DbErr> for SaveError {
    fn from(e: DbErr) -> Self {
        SaveError::Db(e)
    }
}

impl From<FieldErrors> for SaveError {
    fn from(e: FieldErrors) -> Self {
        SaveError::Invalid(e)
    }
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Page>, DbErr> {
    pages::Entity::find_by_id(id).one(db).await
}

/// Every page, in tree order.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<Page>, DbErr> {
    pages::Entity::find()
        .order_by_asc(pages::Column::Position)
        .order_by_asc(pages::Column::TitleDe)
        .order_by_asc(pages::Column::Id)
        .all(db)
        .await
}

/// The pages in depth-first order with their depth (0 for top level).
/// Pages whose parent is gone are shown at the top level.
pub fn tree(pages: Vec<Page>) -> Vec<(usize, Page)> {
    let ids: HashSet<i64> = pages.iter().map(|p| p.id).collect();
    let mut children: HashMap<Option<i64>, Vec<Page>> = HashMap::new();
    for page in pages {
        let parent = page.parent_id.filter(|p| ids.contains(p));
        children.entry(parent).or_default().push(page);
    }
    let mut out = Vec::new();
    let mut stack: Vec<(usize, Page)> = children
        .remove(&None)
        .unwrap_or_default()
        .into_iter()
        .rev()
        .map(|p| (0, p))
        .collect();
    while let Some((depth, page)) = stack.pop() {
        if let Some(kids) = children.remove(&Some(page.id)) {
            stack.extend(kids.into_iter().rev().map(|k| (depth + 1, k)));
        }
        out.push((depth, page));
    }
    out
}

/// Ids of `id`'s descendants in `all`.
fn descendants(all: &[Page], id: i64) -> HashSet<i64> {
    let mut found = HashSet::new();
    let mut queue = vec![id];
    while let Some(current) = queue.pop() {
        for page in all.iter().filter(|p| p.parent_id == Some(current)) {
            if found.insert(page.id) {
                queue.push(page.id);
            }
        }
    }
    found
}

/// Possible parents of page `id` (all pages but itself and its
/// descendants), in tree order with depth.
pub fn parent_choices(all: Vec<Page>, id: Option<i64>) -> Vec<(usize, Page)> {
    let excluded = match id {
        Some(id) => {
            let mut set = descendants(&all, id);
            set.insert(id);
            set
        }
        None => HashSet::new(),
    };
    tree(all)
        .into_iter()
        .filter(|(_, p)| !excluded.contains(&p.id))
        .collect()
}

/// The ancestors of `page`, from the top down.
pub async fn ancestors<C: ConnectionTrait>(db: &C, page: &Page) -> Result<Vec<Page>, DbErr> {
    let mut out: Vec<Page> = Vec::new();
    let mut next = page.parent_id;
    while let Some(id) = next {
        if out.iter().any(|p| p.id == id) || out.len() > 50 {
            break;
        }
        let Some(parent) = by_id(db, id).await? else {
            break;
        };
        next = parent.parent_id;
        out.push(parent);
    }
    out.reverse();
    Ok(out)
}

/// `(id, parent_id, status, publish_at)` of a page: what visibility needs.
type TreeRow = (i64, Option<i64>, String, Option<i64>);

/// The ids of the pages visitors see at `now`: a page is live when it is
/// published and due and so is every ancestor (a published page below a
/// draft or scheduled one stays hidden with it). One query over the
/// tree's few columns; page counts are small.
pub async fn live_ids<C: ConnectionTrait>(db: &C, now: i64) -> Result<HashSet<i64>, DbErr> {
    use sea_orm::QuerySelect;
    let rows: Vec<TreeRow> = pages::Entity::find()
        .select_only()
        .column(pages::Column::Id)
        .column(pages::Column::ParentId)
        .column(pages::Column::Status)
        .column(pages::Column::PublishAt)
        .into_tuple()
        .all(db)
        .await?;
    Ok(live_set(&rows, now))
}

/// [`live_ids`] over `(id, parent_id, status, publish_at)` rows. A page
/// whose parent is missing is not live (it cannot happen with the foreign
/// key; hidden is the safe side).
fn live_set(rows: &[TreeRow], now: i64) -> HashSet<i64> {
    let by_id: HashMap<i64, &TreeRow> = rows.iter().map(|r| (r.0, r)).collect();
    let mut live: HashMap<i64, bool> = HashMap::new();
    for row in rows {
        // Walk up (bottom-up chain) until a known answer, the top, or a
        // page that is not live; the answer holds for the whole chain.
        let mut chain = Vec::new();
        let mut next = Some(row.0);
        let answer = loop {
            let Some(id) = next else { break true };
            if let Some(known) = live.get(&id) {
                break *known;
            }
            let Some((_, parent, status, publish_at)) = by_id.get(&id).copied() else {
                break false;
            };
            if chain.contains(&id) || chain.len() > 64 {
                break false;
            }
            chain.push(id);
            if !crate::publishing::is_live(status, *publish_at, now) {
                break false;
            }
            next = *parent;
        };
        for id in chain {
            live.insert(id, answer);
        }
    }
    live.into_iter()
        .filter(|(_, l)| *l)
        .map(|(id, _)| id)
        .collect()
}

/// Live children of `id`, in menu order.
pub async fn live_children<C: ConnectionTrait>(
    db: &C,
    id: i64,
    now: i64,
) -> Result<Vec<Page>, DbErr> {
    let live = live_ids(db, now).await?;
    Ok(pages::Entity::find()
        .filter(pages::Column::ParentId.eq(id))
        .filter(crate::publishing::live(
            pages::Column::Status,
            pages::Column::PublishAt,
            now,
        ))
        .order_by_asc(pages::Column::Position)
        .order_by_asc(pages::Column::TitleDe)
        .all(db)
        .await?
        .into_iter()
        .filter(|p| live.contains(&p.id))
        .collect())
}

/// The live page at `path` (it and all its ancestors live).
pub async fn live_at_path<C: ConnectionTrait>(
    db: &C,
    path: &str,
    now: i64,
) -> Result<Option<Page>, DbErr> {
    let Some(page) = pages::Entity::find()
        .filter(pages::Column::Path.eq(path))
        .filter(crate::publishing::live(
            pages::Column::Status,
            pages::Column::PublishAt,
            now,
        ))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    if page.parent_id.is_some() && !live_ids(db, now).await?.contains(&page.id) {
        return Ok(None);
    }
    Ok(Some(page))
}

/// Tells the search index about every descendant of `root` (their
/// visibility follows `root`'s publication).
pub async fn descendants_changed<C: ConnectionTrait>(db: &C, root: i64) -> Result<(), DbErr> {
    use sea_orm::QuerySelect;
    let rows: Vec<(i64, Option<i64>)> = pages::Entity::find()
        .select_only()
        .column(pages::Column::Id)
        .column(pages::Column::ParentId)
        .into_tuple()
        .all(db)
        .await?;
    let mut found: HashSet<i64> = HashSet::new();
    let mut queue = vec![root];
    while let Some(current) = queue.pop() {
        for (id, _) in rows.iter().filter(|(_, p)| *p == Some(current)) {
            if found.insert(*id) {
                queue.push(*id);
                dias_core::outbox::search_changed(db, crate::KIND_PAGE, &id.to_string()).await?;
            }
        }
    }
    Ok(())
}

/// Checks where a page goes in the tree and returns its path: the parent
/// exists and is not the page or one of its descendants, a top-level slug
/// is not reserved, the path is free and not too long.
fn place(
    all: &[Page],
    id: Option<i64>,
    parent_id: Option<i64>,
    slug: &str,
    reserved: &[String],
) -> Result<String, FieldErrors> {
    let path = match parent_id {
        None => {
            if is_reserved(slug, reserved) {
                return Err(FieldErrors::single(
                    "slug",
                    "content-page-error-slug-reserved",
                ));
            }
            format!("/{slug}")
        }
        Some(parent_id) => {
            let Some(parent) = all.iter().find(|p| p.id == parent_id) else {
                return Err(FieldErrors::single(
                    "parent",
                    "content-page-error-parent-unknown",
                ));
            };
            if let Some(id) = id
                && (parent_id == id || descendants(all, id).contains(&parent_id))
            {
                return Err(FieldErrors::single(
                    "parent",
                    "content-page-error-parent-cycle",
                ));
            }
            format!("{}/{slug}", parent.path)
        }
    };
    if path.len() > MAX_PATH {
        return Err(FieldErrors::single("slug", "content-page-error-path-long"));
    }
    if all.iter().any(|p| p.path == path && Some(p.id) != id) {
        return Err(FieldErrors::single("slug", "content-page-error-slug-taken"));
    }
    Ok(path)
}

/// The publication time stored for a save.
fn publish_at_for(valid: &ValidPage, current: Option<&Page>, now: i64) -> Option<i64> {
    match (valid.status, valid.publish_at) {
        (_, Some(at)) => Some(at),
        (Status::Draft, None) => None,
        // Published without a time: a live page keeps its moment, others
        // go live now.
        (Status::Published, None) => match current {
            Some(c) if crate::publishing::is_live(&c.status, c.publish_at, now) => c.publish_at,
            _ => Some(now),
        },
    }
}

async fn next_version_number<C: ConnectionTrait>(db: &C, page_id: i64) -> Result<i32, DbErr> {
    Ok(page_versions::Entity::find()
        .filter(page_versions::Column::PageId.eq(page_id))
        .order_by_desc(page_versions::Column::Number)
        .one(db)
        .await?
        .map_or(1, |v| v.number + 1))
}

async fn write_version<C: ConnectionTrait>(
    db: &C,
    page: &Page,
    author: Option<i64>,
    note: Option<String>,
    now: i64,
) -> Result<Version, DbErr> {
    let number = next_version_number(db, page.id).await?;
    page_versions::ActiveModel {
        page_id: Set(page.id),
        number: Set(number),
        parent_id: Set(page.parent_id),
        slug: Set(page.slug.clone()),
        title_de: Set(page.title_de.clone()),
        title_en: Set(page.title_en.clone()),
        body_de: Set(page.body_de.clone()),
        body_en: Set(page.body_en.clone()),
        summary: Set(page.summary.clone()),
        author_id: Set(author),
        note: Set(note),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Rewrites the paths of `root`'s descendants after its path changed, and
/// tells the search index (their addresses changed).
async fn repath_descendants<C: ConnectionTrait>(
    db: &C,
    all: &[Page],
    root: i64,
    root_path: &str,
) -> Result<(), SaveError> {
    let mut paths: HashMap<i64, String> = HashMap::from([(root, root_path.to_owned())]);
    let mut queue = vec![root];
    while let Some(current) = queue.pop() {
        let base = paths.get(&current).cloned().unwrap_or_default();
        for child in all.iter().filter(|p| p.parent_id == Some(current)) {
            let path = format!("{base}/{}", child.slug);
            if path.len() > MAX_PATH {
                return Err(SaveError::Invalid(FieldErrors::single(
                    "slug",
                    "content-page-error-path-long",
                )));
            }
            pages::Entity::update_many()
                .col_expr(
                    pages::Column::Path,
                    sea_orm::sea_query::Expr::value(path.clone()),
                )
                .filter(pages::Column::Id.eq(child.id))
                .exec(db)
                .await
                .map_err(path_taken)?;
            dias_core::outbox::search_changed(db, crate::KIND_PAGE, &child.id.to_string()).await?;
            paths.insert(child.id, path);
            queue.push(child.id);
        }
    }
    Ok(())
}

/// Creates a page with its first version, in the caller's transaction.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    author: i64,
    valid: &ValidPage,
    reserved: &[String],
    now: i64,
) -> Result<Page, SaveError> {
    let all = all(db).await?;
    let path = place(&all, None, valid.parent_id, &valid.slug, reserved)?;
    let publish_at = publish_at_for(valid, None, now);
    let page = pages::ActiveModel {
        parent_id: Set(valid.parent_id),
        slug: Set(valid.slug.clone()),
        path: Set(path),
        title_de: Set(valid.title_de.clone()),
        title_en: Set(valid.title_en.clone()),
        body_de: Set(valid.body_de.clone()),
        body_en: Set(valid.body_en.clone()),
        summary: Set(valid.summary.clone()),
        menu: Set(valid.menu.key().to_owned()),
        audience: Set(valid.audience.map(|a| a.key().to_owned())),
        position: Set(valid.position),
        status: Set(valid.status.key().to_owned()),
        publish_at: Set(publish_at),
        first_published_at: Set(crate::publishing::first_published(
            None,
            valid.status.key(),
            publish_at,
            now,
        )),
        system: Set(false),
        announced: Set(crate::publishing::announced_on_save(
            valid.status.key(),
            publish_at,
            now,
        )),
        revision: Set(1),
        created_by: Set(Some(author)),
        updated_by: Set(Some(author)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map_err(path_taken)?;
    write_version(db, &page, Some(author), valid.note.clone(), now).await?;
    dias_core::outbox::search_changed(db, crate::KIND_PAGE, &page.id.to_string()).await?;
    Ok(page)
}

/// What a save changed about publication, for the audit log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Publication {
    Unchanged,
    Published,
    Unpublished,
}

/// Saves an edit of page `id` as a new version, in the caller's
/// transaction. Refuses a stale revision, and for system pages any move,
/// new slug or unpublishing.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    author: i64,
    valid: &ValidPage,
    reserved: &[String],
    now: i64,
) -> Result<(Page, Publication), SaveError> {
    let all = all(db).await?;
    let current = all
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .ok_or(SaveError::NotFound)?;
    if valid.revision != Some(current.revision) {
        return Err(SaveError::Stale(Box::new(current)));
    }
    let mut valid = valid.clone();
    if !valid.sent_parent {
        valid.parent_id = current.parent_id;
    }
    if !valid.sent_slug {
        valid.slug = current.slug.clone();
    }
    if !valid.sent_status {
        valid.status = Status::parse(&current.status).unwrap_or(Status::Draft);
    }
    if current.system {
        let mut errors = FieldErrors::new();
        if valid.parent_id != current.parent_id {
            errors.add("parent", "content-page-error-system-move");
        }
        if valid.slug != current.slug {
            errors.add("slug", "content-page-error-system-slug");
        }
        if valid.sent_status && valid.status != Status::Published {
            errors.add("status", "content-page-error-system-unpublish");
        }
        if valid.publish_at.is_some_and(|at| at > now) {
            errors.add("publish_date", "content-page-error-system-unpublish");
        }
        errors.into_result()?;
        valid.status = Status::Published;
    }
    // The tree is checked against the current pages; a top-level page
    // that keeps its slug keeps its path even if the slug became reserved.
    let path = if valid.parent_id == current.parent_id && valid.slug == current.slug {
        current.path.clone()
    } else {
        place(&all, Some(id), valid.parent_id, &valid.slug, reserved)?
    };
    let publish_at = publish_at_for(&valid, Some(&current), now);
    let was_live = crate::publishing::is_live(&current.status, current.publish_at, now)
        || crate::publishing::is_scheduled(&current.status, current.publish_at, now);
    let publication = match (was_live, valid.status) {
        (false, Status::Published) => Publication::Published,
        (true, Status::Draft) => Publication::Unpublished,
        _ => Publication::Unchanged,
    };
    // Conditional on the revision: a concurrent save in between loses.
    let result = pages::Entity::update_many()
        .set(pages::ActiveModel {
            parent_id: Set(valid.parent_id),
            slug: Set(valid.slug.clone()),
            path: Set(path.clone()),
            title_de: Set(valid.title_de.clone()),
            title_en: Set(valid.title_en.clone()),
            body_de: Set(valid.body_de.clone()),
            body_en: Set(valid.body_en.clone()),
            summary: Set(valid.summary.clone()),
            menu: Set(valid.menu.key().to_owned()),
            audience: Set(valid.audience.map(|a| a.key().to_owned())),
            position: Set(valid.position),
            status: Set(valid.status.key().to_owned()),
            publish_at: Set(publish_at),
            first_published_at: Set(crate::publishing::first_published(
                crate::publishing::first_published(
                    current.first_published_at,
                    &current.status,
                    current.publish_at,
                    now,
                ),
                valid.status.key(),
                publish_at,
                now,
            )),
            announced: Set(crate::publishing::announced_on_save(
                valid.status.key(),
                publish_at,
                now,
            )),
            revision: Set(current.revision + 1),
            updated_by: Set(Some(author)),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(pages::Column::Id.eq(id))
        .filter(pages::Column::Revision.eq(current.revision))
        .exec(db)
        .await
        .map_err(path_taken)?;
    if result.rows_affected != 1 {
        let fresh = by_id(db, id).await?.ok_or(SaveError::NotFound)?;
        return Err(SaveError::Stale(Box::new(fresh)));
    }
    if path != current.path {
        repath_descendants(db, &all, id, &path).await?;
    }
    if valid.status.key() != current.status || publish_at != current.publish_at {
        // The descendants' visibility follows this page's.
        descendants_changed(db, id).await?;
    }
    let saved = by_id(db, id).await?.ok_or(SaveError::NotFound)?;
    write_version(db, &saved, Some(author), valid.note.clone(), now).await?;
    dias_core::outbox::search_changed(db, crate::KIND_PAGE, &id.to_string()).await?;
    Ok((saved, publication))
}

/// The versions of a page, newest first.
pub async fn versions<C: ConnectionTrait>(db: &C, page_id: i64) -> Result<Vec<Version>, DbErr> {
    page_versions::Entity::find()
        .filter(page_versions::Column::PageId.eq(page_id))
        .order_by_desc(page_versions::Column::Number)
        .all(db)
        .await
}

pub async fn version<C: ConnectionTrait>(
    db: &C,
    page_id: i64,
    number: i32,
) -> Result<Option<Version>, DbErr> {
    page_versions::Entity::find()
        .filter(page_versions::Column::PageId.eq(page_id))
        .filter(page_versions::Column::Number.eq(number))
        .one(db)
        .await
}

/// Restores the content of version `number` (titles, texts, summary) as a
/// new version; the page stays where it is and keeps its publication.
pub async fn restore<C: ConnectionTrait>(
    db: &C,
    id: i64,
    number: i32,
    revision: i32,
    author: i64,
    note: Option<String>,
    now: i64,
) -> Result<Page, SaveError> {
    let current = by_id(db, id).await?.ok_or(SaveError::NotFound)?;
    let old = version(db, id, number).await?.ok_or(SaveError::NotFound)?;
    if current.revision != revision {
        return Err(SaveError::Stale(Box::new(current)));
    }
    let result = pages::Entity::update_many()
        .set(pages::ActiveModel {
            title_de: Set(old.title_de.clone()),
            title_en: Set(old.title_en.clone()),
            body_de: Set(old.body_de.clone()),
            body_en: Set(old.body_en.clone()),
            summary: Set(old.summary.clone()),
            revision: Set(current.revision + 1),
            updated_by: Set(Some(author)),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(pages::Column::Id.eq(id))
        .filter(pages::Column::Revision.eq(current.revision))
        .exec(db)
        .await?;
    if result.rows_affected != 1 {
        let fresh = by_id(db, id).await?.ok_or(SaveError::NotFound)?;
        return Err(SaveError::Stale(Box::new(fresh)));
    }
    let saved = by_id(db, id).await?.ok_or(SaveError::NotFound)?;
    write_version(db, &saved, Some(author), note, now).await?;
    dias_core::outbox::search_changed(db, crate::KIND_PAGE, &id.to_string()).await?;
    Ok(saved)
}

/// Why a page cannot be deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeleteRefusal {
    System,
    HasChildren,
}

impl DeleteRefusal {
    pub fn message_key(self) -> &'static str {
        match self {
            DeleteRefusal::System => "content-page-delete-system",
            DeleteRefusal::HasChildren => "content-page-delete-children",
        }
    }
}

/// Whether `page` may be deleted.
pub async fn delete_refusal<C: ConnectionTrait>(
    db: &C,
    page: &Page,
) -> Result<Option<DeleteRefusal>, DbErr> {
    if page.system {
        return Ok(Some(DeleteRefusal::System));
    }
    let child = pages::Entity::find()
        .filter(pages::Column::ParentId.eq(page.id))
        .one(db)
        .await?;
    Ok(child.map(|_| DeleteRefusal::HasChildren))
}

/// Deletes a page and its versions, in the caller's transaction.
/// `Ok(Err(_))` says why it was refused; `Ok(Ok(None))` that there was no
/// such page.
pub async fn delete<C: ConnectionTrait>(
    db: &C,
    id: i64,
) -> Result<Result<Option<Page>, DeleteRefusal>, DbErr> {
    let Some(page) = by_id(db, id).await? else {
        return Ok(Ok(None));
    };
    if let Some(refusal) = delete_refusal(db, &page).await? {
        return Ok(Err(refusal));
    }
    page_versions::Entity::delete_many()
        .filter(page_versions::Column::PageId.eq(id))
        .exec(db)
        .await?;
    pages::Entity::delete_by_id(id).exec(db).await?;
    dias_core::outbox::search_changed(db, crate::KIND_PAGE, &id.to_string()).await?;
    Ok(Ok(Some(page)))
}

// ------------------------------------------------------------------ diffs

/// A piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffPart {
    Same(String),
    Removed(String),
    Added(String),
}

/// How long one field's word diff may search for the smallest difference;
/// then it settles for a coarser one (two rewritten 100 000-character
/// bodies would otherwise take seconds).
pub const DIFF_TIMEOUT: std::time::Duration = std::time::Duration::from_millis(200);

/// Word-level diff from `old` to `new`, adjacent parts of one kind merged;
/// bounded by [`DIFF_TIMEOUT`]. CPU work: async callers run it with
/// [`word_diffs`].
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value().to_owned();
        let part = match change.tag() {
            ChangeTag::Equal => DiffPart::Same(text),
            ChangeTag::Delete => DiffPart::Removed(text),
            ChangeTag::Insert => DiffPart::Added(text),
        };
        match (parts.last_mut(), &part) {
            (Some(DiffPart::Same(a)), DiffPart::Same(b))
            | (Some(DiffPart::Removed(a)), DiffPart::Removed(b))
            | (Some(DiffPart::Added(a)), DiffPart::Added(b)) => a.push_str(b),
            _ => parts.push(part),
        }
    }
    parts
}

/// [`word_diff`] of each `(old, new)` pair, computed on the blocking pool
/// (not on a runtime worker).
pub async fn word_diffs(pairs: Vec<(String, String)>) -> Result<Vec<Vec<DiffPart>>, String> {
    tokio::task::spawn_blocking(move || {
        pairs.iter().map(|(old, new)| word_diff(old, new)).collect()
    })
    .await
    .map_err(|e| e.to_string())
}

// ----------------------------------------------------------------- search

/// Where the privacy page names the retention period; search has no
/// configuration at hand, so it is left out of documents.
const RETENTION_PLACEHOLDER: &str = "{anfragen-aufbewahrung}";

fn doc(page: &Page) -> SearchDoc {
    let body = page.body_de.replace(RETENTION_PLACEHOLDER, "");
    let mut text = dias_core::markdown::to_plain_text(&body);
    if let Some(summary) = &page.summary {
        text = format!("{summary}\n{text}");
    }
    SearchDoc {
        kind: crate::KIND_PAGE.into(),
        id: page.id.to_string(),
        title: page.title_de.clone(),
        body: text,
        url: page.path.clone(),
        date: Some(page.updated_at),
    }
}

/// Search documents of live pages (German text).
pub struct PageSource;

#[async_trait::async_trait]
impl SearchSource for PageSource {
    fn kind(&self) -> &'static str {
        crate::KIND_PAGE
    }
    fn label_key(&self) -> &'static str {
        // The shell's label for pages, so results read the same as before.
        "search-kind-page"
    }
    async fn all(&self, db: &DatabaseConnection) -> Result<Vec<SearchDoc>, DbErr> {
        let now = dias_core::time::now();
        let live = live_ids(db, now).await?;
        Ok(pages::Entity::find()
            .filter(crate::publishing::live(
                pages::Column::Status,
                pages::Column::PublishAt,
                now,
            ))
            .all(db)
            .await?
            .iter()
            .filter(|p| live.contains(&p.id))
            .map(doc)
            .collect())
    }
    async fn one(&self, db: &DatabaseConnection, id: &str) -> Result<Option<SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let now = dias_core::time::now();
        let Some(page) = by_id(db, id).await? else {
            return Ok(None);
        };
        if !live_ids(db, now).await?.contains(&page.id) {
            return Ok(None);
        }
        Ok(Some(doc(&page)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_need_alternative_text() {
        assert!(images_have_alt_text(
            "Text ![Logo der Agentur](/medien/1/a.png)"
        ));
        assert!(!images_have_alt_text("Text ![](/medien/1/a.png)"));
        assert!(!images_have_alt_text("![Gut](/a.png) und ![ ](/b.png)"));
        assert!(images_have_alt_text("Ausruf! [Link](/a) ohne Bild"));
    }

    #[test]
    fn a_page_is_live_only_with_all_its_ancestors() {
        let p = |id, parent, status: &str, at| (id, parent, status.to_owned(), at);
        let rows = vec![
            p(5, Some(4), "published", Some(1)),
            p(4, Some(1), "published", Some(1)),
            p(1, None, "draft", None),
            p(2, None, "published", Some(1)),
            p(3, Some(2), "published", Some(1)),
            p(6, Some(2), "published", Some(500)),
            p(7, Some(6), "published", Some(1)),
            p(8, Some(99), "published", Some(1)),
        ];
        let live = live_set(&rows, 100);
        let mut ids: Vec<i64> = live.into_iter().collect();
        ids.sort_unstable();
        assert_eq!(ids, vec![2, 3]);
        assert_eq!(live_set(&rows, 500).len(), 4);
    }

    #[test]
    fn the_word_diff_of_two_rewritten_long_bodies_is_bounded() {
        let make = |tag: &str| {
            let mut s = String::new();
            let mut i = 0;
            while s.len() < 99_000 {
                s.push_str(&format!("{tag}{i} "));
                i += 1;
            }
            s
        };
        let (old, new) = (make("alt"), make("neu"));
        let started = std::time::Instant::now();
        let parts = word_diff(&old, &new);
        let took = started.elapsed();
        assert!(took < DIFF_TIMEOUT * 4, "one field took {took:?}");
        // Still a correct diff: the old text removed, the new one added.
        let (mut removed, mut added) = (String::new(), String::new());
        for part in &parts {
            match part {
                DiffPart::Removed(t) => removed.push_str(t),
                DiffPart::Added(t) => added.push_str(t),
                DiffPart::Same(t) => {
                    removed.push_str(t);
                    added.push_str(t);
                }
            }
        }
        assert_eq!((removed, added), (old, new));
    }

    #[test]
    fn reserved_segments_include_the_navigation() {
        let reserved = reserved_segments(["/aktuelles", "/neu/unterseite"]);
        assert!(is_reserved("konto", &reserved));
        assert!(is_reserved("neu", &reserved));
        assert!(!is_reserved("ueber-uns", &reserved));
    }

    #[test]
    fn word_diffs_mark_removed_and_added_words() {
        let parts = word_diff("Die alte Fassung", "Die neue Fassung");
        assert!(parts.contains(&DiffPart::Removed("alte".into())));
        assert!(parts.contains(&DiffPart::Added("neue".into())));
    }
}
