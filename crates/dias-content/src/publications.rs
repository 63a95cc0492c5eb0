//! Publications (Publikationen): studies, reports and positions with their
//! metadata, one PDF each, an accessible summary, a filterable library,
//! stable download URLs and DCAT-AP.de metadata ([`crate::dcat`]).
//!
//! - A publication is visible to visitors (library, detail, download, API,
//!   DCAT, search) only when it is live ([`crate::publishing`]).
//! - Publishing needs a PDF and a summary in plain language; the form says
//!   which is missing.
//! - The slug is proposed from the title and unique. Once a publication has
//!   been live it is fixed, so download URLs stay stable: "has been live"
//!   means live now, or `first_published_at` is set (saved live, or gone
//!   live by schedule in [`crate::publishing::announce_due`]); withdrawing
//!   keeps it.
//! - Edits carry the `revision` their form showed; a stale one is refused
//!   ([`Saved::Stale`]) so the handler shows the 409 page with the input.
//! - PDFs are checked by their bytes ([`check_pdf`]) and kept in
//!   `content_publication_files`, one per publication; replacing keeps the
//!   row's publication and so the URL.

use std::collections::HashMap;

use dias_core::files::{FileKind, display_filename, sniff};
use dias_core::slug;
use dias_core::validation::{self, FieldErrors};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use crate::dcat;
use crate::entities::{publication_files, publications};
use crate::publishing::{announced_on_save, first_published, is_live, live};
use crate::vocab::{Licence, PublicationKind, Status, Topic, topics_from_csv, topics_to_csv};

pub use crate::entities::publications::Model as Publication;

pub const TITLE_MAX: usize = 300;
pub const AUTHORS_MAX: usize = 500;
pub const ABSTRACT_MAX: usize = 5_000;
pub const SUMMARY_MAX: usize = 20_000;
pub const SLUG_MAX: usize = 100;
/// Largest PDF: 50 MB (the path's body limit is 52 MB, so a slightly larger
/// file still reaches this check and gets a clear message).
pub const MAX_PDF_BYTES: usize = 50 * 1024 * 1024;
/// Publications per library page.
pub const PER_PAGE: u64 = 10;
/// Languages a publication may be written in.
pub const LANGUAGES: [&str; 2] = ["de", "en"];
/// Audit target kind and actions.
pub const AUDIT_KIND: &str = "content_publication";
pub const AUDIT_CREATE: &str = "content.publication.create";
pub const AUDIT_UPDATE: &str = "content.publication.update";
/// A publication that was live is taken offline (draft or a later date).
pub const AUDIT_WITHDRAW: &str = "content.publication.withdraw";
pub const AUDIT_FILE: &str = "content.publication.file";
pub const AUDIT_DELETE: &str = "content.publication.delete";
/// Who publishes.
pub const PUBLISHER: &str = "Digitalagentur Sachsen";

// ----------------------------------------------------------------- the form

/// The publication form as typed; also what the form shows again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PublicationInput {
    pub title: String,
    pub authors: String,
    pub year: String,
    pub kind: String,
    pub topics: Vec<String>,
    pub abstract_text: String,
    pub summary: String,
    pub licence: String,
    pub lang: String,
    pub slug: String,
    pub status: String,
    /// `YYYY-MM-DD`, Berlin.
    pub publish_date: String,
    /// `HH:MM`, Berlin.
    pub publish_time: String,
    pub revision: String,
}

impl PublicationInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let field = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        PublicationInput {
            title: field("title"),
            authors: field("authors"),
            year: field("year"),
            kind: field("kind"),
            topics: pairs
                .iter()
                .filter(|(k, _)| k == "topics")
                .map(|(_, v)| v.clone())
                .collect(),
            abstract_text: field("abstract_text"),
            summary: field("summary"),
            licence: field("licence"),
            lang: field("lang"),
            slug: field("slug"),
            status: field("status"),
            publish_date: field("publish_date"),
            publish_time: field("publish_time"),
            revision: field("revision"),
        }
    }

    /// A new publication's form.
    pub fn blank(now: i64) -> Self {
        PublicationInput {
            year: berlin_year(now).to_string(),
            licence: Licence::CcBy40.key().into(),
            lang: "de".into(),
            status: Status::Draft.key().into(),
            ..PublicationInput::default()
        }
    }

    pub fn from_model(p: &Publication) -> Self {
        PublicationInput {
            title: p.title.clone(),
            authors: p.authors.clone(),
            year: p.year.to_string(),
            kind: p.kind.clone(),
            topics: topics_from_csv(&p.topics)
                .into_iter()
                .map(|t| t.key().to_owned())
                .collect(),
            abstract_text: p.abstract_text.clone(),
            summary: p.summary.clone(),
            licence: p.licence.clone(),
            lang: p.lang.clone(),
            slug: p.slug.clone(),
            status: p.status.clone(),
            publish_date: p
                .publish_at
                .map(dias_core::time::date_input_value)
                .unwrap_or_default(),
            publish_time: p
                .publish_at
                .map(crate::publishing::time_input_value)
                .unwrap_or_default(),
            revision: p.revision.to_string(),
        }
    }

    pub fn has_topic(&self, key: &str) -> bool {
        self.topics.iter().any(|t| t == key)
    }
}

/// A checked form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valid {
    pub title: String,
    pub authors: String,
    pub year: i32,
    pub kind: PublicationKind,
    pub topics: Vec<Topic>,
    pub abstract_text: String,
    pub summary: String,
    pub licence: Licence,
    pub lang: String,
    pub slug: String,
    pub status: Status,
    pub publish_at: Option<i64>,
}

/// What the database says about a form, for [`validate`].
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// The publication has a PDF.
    pub has_file: bool,
    /// The slug may not change any more: this one stays.
    pub fixed_slug: Option<String>,
    /// Slugs of other publications.
    pub taken: Vec<String>,
}

fn berlin_year(unix: i64) -> i16 {
    jiff::Timestamp::from_second(unix)
        .map(|ts| ts.to_zoned_datetime(crate::publishing::berlin()).year())
        .unwrap_or(2026)
}

/// Authors as entered: one per line or separated by semicolons, stored as
/// `A; B`.
pub fn authors_list(stored: &str) -> Vec<String> {
    stored
        .split([';', '\n'])
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Checks the form against `facts`. A proposed slug (empty field) is made
/// unique by a number; a typed one must be free.
pub fn validate(input: &PublicationInput, facts: &Facts, now: i64) -> Result<Valid, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = validation::required_text_or(
        &mut errors,
        "title",
        &input.title,
        TITLE_MAX,
        "content-pub-error-title",
    );
    let authors = authors_list(&input.authors).join("; ");
    if authors.is_empty() {
        errors.add("authors", "content-pub-error-authors");
    } else if authors.chars().count() > AUTHORS_MAX {
        errors.add("authors", "error-too-long");
    }
    let max_year = i32::from(berlin_year(now)) + 1;
    let year = match input.year.trim().parse::<i32>() {
        Ok(y) if (1990..=max_year).contains(&y) => y,
        _ => {
            errors.add("year", "content-pub-error-year");
            0
        }
    };
    let kind = PublicationKind::parse(input.kind.trim());
    if kind.is_none() {
        errors.add("kind", "content-pub-error-kind");
    }
    let mut topics = Vec::new();
    for key in &input.topics {
        match Topic::parse(key.trim()) {
            Some(t) => topics.push(t),
            None => errors.add("topics", "content-pub-error-topics"),
        }
    }
    if input.topics.is_empty() {
        errors.add("topics", "content-pub-error-topics");
    }
    let abstract_text = validation::required_text_or(
        &mut errors,
        "abstract_text",
        &input.abstract_text,
        ABSTRACT_MAX,
        "content-pub-error-abstract",
    );
    let summary = input.summary.trim().to_owned();
    if summary.chars().count() > SUMMARY_MAX {
        errors.add("summary", "error-too-long");
    }
    let licence = Licence::parse(input.licence.trim());
    if licence.is_none() {
        errors.add("licence", "content-pub-error-licence");
    }
    let lang = input.lang.trim().to_owned();
    if !LANGUAGES.contains(&lang.as_str()) {
        errors.add("lang", "content-pub-error-lang");
    }
    let status = Status::parse(input.status.trim());
    if status.is_none() {
        errors.add("status", "content-pub-error-status");
    }
    let publish_at =
        crate::publishing::publish_at_from_form(&input.publish_date, &input.publish_time)
            .unwrap_or_else(|e| {
                errors.add(e.field(), "content-pub-error-date");
                None
            });
    // Published without a date: from now on.
    let publish_at = match status {
        Some(Status::Published) => Some(publish_at.unwrap_or(now)),
        _ => publish_at,
    };
    if status == Some(Status::Published) {
        if summary.is_empty() {
            errors.add("summary", "content-pub-error-summary-needed");
        }
        if !facts.has_file {
            errors.add("file", "content-pub-error-file-needed");
        }
    }
    let slug = match &facts.fixed_slug {
        Some(fixed) => {
            if !input.slug.trim().is_empty() && input.slug.trim() != fixed {
                errors.add("slug", "content-pub-error-slug-fixed");
            }
            fixed.clone()
        }
        None if input.slug.trim().is_empty() => {
            let base = slug::slugify(&title, SLUG_MAX, "publikation");
            slug::unique(&base, &facts.taken)
        }
        None => {
            let slug = input.slug.trim().to_owned();
            if !slug::is_valid(&slug, SLUG_MAX) {
                errors.add("slug", "content-pub-error-slug");
            } else if facts.taken.contains(&slug) {
                errors.add("slug", "content-pub-error-slug-taken");
            }
            slug
        }
    };
    errors.into_result()?;
    let (Some(kind), Some(licence), Some(status)) = (kind, licence, status) else {
        return Err(FieldErrors::single("kind", "content-pub-error-kind"));
    };
    Ok(Valid {
        title,
        authors,
        year,
        kind,
        topics,
        abstract_text,
        summary,
        licence,
        lang,
        slug,
        status,
        publish_at,
    })
}

// ------------------------------------------------------------------- store

/// Facts for [`validate`] about a new publication (`None`) or an existing one.
pub async fn facts<C: ConnectionTrait>(
    db: &C,
    current: Option<&Publication>,
    now: i64,
) -> Result<Facts, DbErr> {
    let mut others = publications::Entity::find()
        .select_only()
        .column(publications::Column::Slug);
    if let Some(p) = current {
        others = others.filter(publications::Column::Id.ne(p.id));
    }
    let taken: Vec<String> = others.into_tuple().all(db).await?;
    let Some(p) = current else {
        return Ok(Facts {
            taken,
            ..Facts::default()
        });
    };
    Ok(Facts {
        has_file: file_info(db, &[p.id]).await?.contains_key(&p.id),
        fixed_slug: has_been_live(p, now).then(|| p.slug.clone()),
        taken,
    })
}

/// Live now, or live at some time before (`first_published_at`): the slug
/// stays.
pub fn has_been_live(p: &Publication, now: i64) -> bool {
    crate::publishing::has_been_live(p.first_published_at, &p.status, p.publish_at, now)
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Publication>, DbErr> {
    publications::Entity::find_by_id(id).one(db).await
}

/// A live publication by its slug.
pub async fn live_by_slug<C: ConnectionTrait>(
    db: &C,
    slug: &str,
    now: i64,
) -> Result<Option<Publication>, DbErr> {
    publications::Entity::find()
        .filter(publications::Column::Slug.eq(slug))
        .filter(live(
            publications::Column::Status,
            publications::Column::PublishAt,
            now,
        ))
        .one(db)
        .await
}

/// Every publication for the staff list, newest change first.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<Publication>, DbErr> {
    publications::Entity::find()
        .order_by_desc(publications::Column::UpdatedAt)
        .order_by_desc(publications::Column::Id)
        .all(db)
        .await
}

/// The library's filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub kind: Option<PublicationKind>,
    pub topic: Option<Topic>,
    pub year: Option<i32>,
}

fn live_filtered(filter: &Filter, now: i64) -> Condition {
    let mut cond = Condition::all().add(live(
        publications::Column::Status,
        publications::Column::PublishAt,
        now,
    ));
    if let Some(kind) = filter.kind {
        cond = cond.add(publications::Column::Kind.eq(kind.key()));
    }
    if let Some(year) = filter.year {
        cond = cond.add(publications::Column::Year.eq(year));
    }
    if let Some(topic) = filter.topic {
        // Topics are stored as `a,b,c` of fixed keys without commas.
        let key = topic.key();
        cond = cond.add(
            Condition::any()
                .add(publications::Column::Topics.eq(key))
                .add(publications::Column::Topics.like(format!("{key},%")))
                .add(publications::Column::Topics.like(format!("%,{key}")))
                .add(publications::Column::Topics.like(format!("%,{key},%"))),
        );
    }
    cond
}

/// One page of live publications, newest first (publication date), with
/// the number of all that match.
pub async fn library<C: ConnectionTrait>(
    db: &C,
    filter: &Filter,
    page: u64,
    now: i64,
) -> Result<(Vec<Publication>, u64), DbErr> {
    let paginator = publications::Entity::find()
        .filter(live_filtered(filter, now))
        .order_by_desc(publications::Column::PublishAt)
        .order_by_desc(publications::Column::Id)
        .paginate(db, PER_PAGE);
    let total = paginator.num_items().await?;
    let items = paginator.fetch_page(page.saturating_sub(1)).await?;
    Ok((items, total))
}

/// Every live publication, newest first.
pub async fn all_live<C: ConnectionTrait>(db: &C, now: i64) -> Result<Vec<Publication>, DbErr> {
    publications::Entity::find()
        .filter(live(
            publications::Column::Status,
            publications::Column::PublishAt,
            now,
        ))
        .order_by_desc(publications::Column::PublishAt)
        .order_by_desc(publications::Column::Id)
        .all(db)
        .await
}

/// Years that live publications have, newest first (the library's filter).
pub async fn live_years<C: ConnectionTrait>(db: &C, now: i64) -> Result<Vec<i32>, DbErr> {
    publications::Entity::find()
        .select_only()
        .column(publications::Column::Year)
        .distinct()
        .filter(live(
            publications::Column::Status,
            publications::Column::PublishAt,
            now,
        ))
        .order_by_desc(publications::Column::Year)
        .into_tuple()
        .all(db)
        .await
}

/// A PDF's facts without its bytes.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct FileInfo {
    pub publication_id: i64,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    pub sha256: String,
    pub created_at: i64,
}

/// The PDFs of these publications (no bytes read).
pub async fn file_info<C: ConnectionTrait>(
    db: &C,
    ids: &[i64],
) -> Result<HashMap<i64, FileInfo>, DbErr> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let rows = publication_files::Entity::find()
        .select_only()
        .columns([
            publication_files::Column::PublicationId,
            publication_files::Column::Filename,
            publication_files::Column::Mime,
            publication_files::Column::Size,
            publication_files::Column::Sha256,
            publication_files::Column::CreatedAt,
        ])
        .filter(publication_files::Column::PublicationId.is_in(ids.iter().copied()))
        .into_model::<FileInfo>()
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|f| (f.publication_id, f)).collect())
}

/// The stored PDF with its bytes.
pub async fn file<C: ConnectionTrait>(
    db: &C,
    publication_id: i64,
) -> Result<Option<publication_files::Model>, DbErr> {
    publication_files::Entity::find()
        .filter(publication_files::Column::PublicationId.eq(publication_id))
        .one(db)
        .await
}

/// Stores a new publication.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    valid: &Valid,
    me: Option<i64>,
    now: i64,
) -> Result<Publication, DbErr> {
    let status = valid.status.key();
    let saved = publications::ActiveModel {
        slug: Set(valid.slug.clone()),
        title: Set(valid.title.clone()),
        authors: Set(valid.authors.clone()),
        year: Set(valid.year),
        kind: Set(valid.kind.key().to_owned()),
        topics: Set(topics_to_csv(&valid.topics)),
        abstract_text: Set(valid.abstract_text.clone()),
        summary: Set(valid.summary.clone()),
        licence: Set(valid.licence.key().to_owned()),
        lang: Set(valid.lang.clone()),
        status: Set(status.to_owned()),
        publish_at: Set(valid.publish_at),
        first_published_at: Set(first_published(None, status, valid.publish_at, now)),
        announced: Set(announced_on_save(status, valid.publish_at, now)),
        revision: Set(1),
        created_by: Set(me),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    dias_core::outbox::search_changed(db, crate::KIND_PUBLICATION, &saved.id.to_string()).await?;
    Ok(saved)
}

/// The outcome of [`update`].
#[derive(Debug)]
pub enum Saved {
    Done {
        saved: Box<Publication>,
        /// It was live before and is not any more.
        withdrawn: bool,
    },
    /// Someone saved in between: nothing stored.
    Stale,
    NotFound,
}

/// Saves a form if the publication is still at `revision`.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    revision: i32,
    valid: &Valid,
    now: i64,
) -> Result<Saved, DbErr> {
    let Some(before) = by_id(db, id).await? else {
        return Ok(Saved::NotFound);
    };
    let status = valid.status.key();
    let first_published_at = first_published(
        first_published(
            before.first_published_at,
            &before.status,
            before.publish_at,
            now,
        ),
        status,
        valid.publish_at,
        now,
    );
    let result = publications::Entity::update_many()
        .col_expr(publications::Column::Slug, Expr::value(valid.slug.clone()))
        .col_expr(
            publications::Column::Title,
            Expr::value(valid.title.clone()),
        )
        .col_expr(
            publications::Column::Authors,
            Expr::value(valid.authors.clone()),
        )
        .col_expr(publications::Column::Year, Expr::value(valid.year))
        .col_expr(publications::Column::Kind, Expr::value(valid.kind.key()))
        .col_expr(
            publications::Column::Topics,
            Expr::value(topics_to_csv(&valid.topics)),
        )
        .col_expr(
            publications::Column::AbstractText,
            Expr::value(valid.abstract_text.clone()),
        )
        .col_expr(
            publications::Column::Summary,
            Expr::value(valid.summary.clone()),
        )
        .col_expr(
            publications::Column::Licence,
            Expr::value(valid.licence.key()),
        )
        .col_expr(publications::Column::Lang, Expr::value(valid.lang.clone()))
        .col_expr(publications::Column::Status, Expr::value(status))
        .col_expr(
            publications::Column::PublishAt,
            Expr::value(valid.publish_at),
        )
        .col_expr(
            publications::Column::FirstPublishedAt,
            Expr::value(first_published_at),
        )
        .col_expr(
            publications::Column::Announced,
            Expr::value(announced_on_save(status, valid.publish_at, now)),
        )
        .col_expr(publications::Column::Revision, Expr::value(revision + 1))
        .col_expr(publications::Column::UpdatedAt, Expr::value(now))
        .filter(publications::Column::Id.eq(id))
        .filter(publications::Column::Revision.eq(revision))
        .exec(db)
        .await?;
    if result.rows_affected == 0 {
        return Ok(Saved::Stale);
    }
    dias_core::outbox::search_changed(db, crate::KIND_PUBLICATION, &id.to_string()).await?;
    let saved = by_id(db, id)
        .await?
        .ok_or(DbErr::RecordNotFound(id.to_string()))?;
    let withdrawn = is_live(&before.status, before.publish_at, now)
        && !is_live(&saved.status, saved.publish_at, now);
    Ok(Saved::Done {
        saved: Box::new(saved),
        withdrawn,
    })
}

/// Deletes a publication and its PDF; false when there was none.
pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    publication_files::Entity::delete_many()
        .filter(publication_files::Column::PublicationId.eq(id))
        .exec(db)
        .await?;
    let gone = publications::Entity::delete_by_id(id).exec(db).await?;
    if gone.rows_affected == 0 {
        return Ok(false);
    }
    dias_core::outbox::search_changed(db, crate::KIND_PUBLICATION, &id.to_string()).await?;
    Ok(true)
}

// ------------------------------------------------------------------- files

/// A checked PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedPdf {
    pub filename: String,
    pub bytes: Vec<u8>,
}

/// Checks an uploaded file: not empty, at most [`MAX_PDF_BYTES`], a PDF by
/// its bytes, not named as another type, without active content (scripts,
/// launched programs, embedded files: `dias_core::files::pdf_has_active_content`).
/// Returns a message id otherwise.
pub fn check_pdf(filename: &str, bytes: &[u8]) -> Result<CheckedPdf, &'static str> {
    if bytes.is_empty() {
        return Err("content-pub-error-file-empty");
    }
    if bytes.len() > MAX_PDF_BYTES {
        return Err("content-pub-error-file-size");
    }
    if sniff(bytes) != Some(FileKind::Pdf) {
        return Err("content-pub-error-file-type");
    }
    if dias_core::files::pdf_has_active_content(bytes) {
        return Err("content-pub-error-file-active");
    }
    let shown = display_filename(filename);
    let filename = match FileKind::from_name(&shown) {
        Some(FileKind::Pdf) => shown,
        Some(_) => return Err("content-pub-error-file-type"),
        None if shown.is_empty() => "publikation.pdf".to_owned(),
        None => format!("{shown}.pdf"),
    };
    Ok(CheckedPdf {
        filename,
        bytes: bytes.to_vec(),
    })
}

/// Hex SHA-256 of the bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    use std::fmt::Write as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// Stores or replaces the publication's PDF; the publication's `updated_at`
/// moves and its search document is renewed.
pub async fn store_file<C: ConnectionTrait>(
    db: &C,
    publication_id: i64,
    pdf: CheckedPdf,
    me: Option<i64>,
    now: i64,
) -> Result<(), DbErr> {
    let size = i64::try_from(pdf.bytes.len()).unwrap_or(i64::MAX);
    let sha = sha256_hex(&pdf.bytes);
    publication_files::Entity::delete_many()
        .filter(publication_files::Column::PublicationId.eq(publication_id))
        .exec(db)
        .await?;
    publication_files::ActiveModel {
        publication_id: Set(publication_id),
        filename: Set(pdf.filename),
        mime: Set(FileKind::Pdf.mime().to_owned()),
        size: Set(size),
        sha256: Set(sha),
        data: Set(pdf.bytes),
        uploaded_by: Set(me),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    publications::Entity::update_many()
        .col_expr(publications::Column::UpdatedAt, Expr::value(now))
        .filter(publications::Column::Id.eq(publication_id))
        .exec(db)
        .await?;
    dias_core::outbox::search_changed(db, crate::KIND_PUBLICATION, &publication_id.to_string())
        .await?;
    Ok(())
}

/// The download's file name: the slug, so a saved file says what it is.
pub fn download_name(p: &Publication) -> String {
    format!("{}.pdf", p.slug)
}

/// A size for people: `840 KB`, `2,4 MB` (German) / `2.4 MB`.
pub fn human_size(bytes: i64, locale: &str) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    let text = if b < KB * KB {
        format!("{} KB", (b / KB).ceil().max(1.0))
    } else {
        format!("{:.1} MB", b / KB / KB)
    };
    if locale == "de" {
        text.replace('.', ",")
    } else {
        text
    }
}

// -------------------------------------------------------------------- DCAT

/// The EU data themes of a publication's topics (GOVE when none fits).
pub fn themes(topics: &[Topic]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in topics {
        let code = match t {
            Topic::Breitband | Topic::Ki => "TECH",
            Topic::Foerderung => "ECON",
            Topic::Digitalstrategie | Topic::Verwaltung | Topic::Agentur => "GOVE",
        };
        if !out.iter().any(|c| c == code) {
            out.push(code.to_owned());
        }
    }
    if out.is_empty() {
        out.push("GOVE".into());
    }
    out
}

/// The public URL of a publication's page.
pub fn page_path(slug: &str) -> String {
    format!("/publikationen/{slug}")
}

/// The stable download path.
pub fn pdf_path(slug: &str) -> String {
    format!("/publikationen/{slug}/pdf")
}

/// The DCAT-AP.de catalogue of the live publications that have a PDF.
/// `base` is the portal's origin without a trailing slash; `label` gives
/// a topic's German label (the keywords, tagged `de` whatever the
/// publication's language).
pub fn catalog(
    base: &str,
    live: &[Publication],
    files: &HashMap<i64, FileInfo>,
    label: impl Fn(Topic) -> String,
    now: i64,
) -> dcat::Catalog {
    let datasets: Vec<dcat::Dataset> = live
        .iter()
        .filter_map(|p| {
            let file = files.get(&p.id)?;
            let topics = topics_from_csv(&p.topics);
            let page = format!("{base}{}", page_path(&p.slug));
            let pdf = format!("{base}{}", pdf_path(&p.slug));
            let issued = p.publish_at.unwrap_or(p.created_at);
            Some(dcat::Dataset {
                uri: format!("{page}#datensatz"),
                identifier: page.clone(),
                title: p.title.clone(),
                description: p.abstract_text.clone(),
                language: p.lang.clone(),
                issued,
                modified: p.updated_at.max(issued),
                publisher: PUBLISHER.into(),
                creators: authors_list(&p.authors),
                keywords: topics.iter().map(|t| label(*t)).collect(),
                keywords_language: "de".into(),
                themes: themes(&topics),
                landing_page: page,
                distribution: dcat::Distribution {
                    uri: format!("{pdf}#verteilung"),
                    title: format!("{} (PDF)", p.title),
                    download_url: pdf,
                    byte_size: file.size,
                    licence: Licence::parse(&p.licence)
                        .unwrap_or(Licence::Proprietary)
                        .dcat_uri()
                        .to_owned(),
                    modified: file.created_at,
                },
            })
        })
        .collect();
    let modified = datasets.iter().map(|d| d.modified).max().unwrap_or(now);
    dcat::Catalog {
        uri: format!("{base}/api/v1/publikationen/katalog"),
        title: "Publikationen der Digitalagentur Sachsen".into(),
        description: "Studien, Berichte, Positionspapiere, Leitfäden und Stellungnahmen der Digitalagentur Sachsen (DiAS) mit ihren PDF-Dateien.".into(),
        publisher: PUBLISHER.into(),
        homepage: format!("{base}/publikationen"),
        language: "de".into(),
        modified,
        datasets,
    }
}

// ------------------------------------------------------------------ search

/// Search documents of live publications: title, authors, abstract and
/// summary.
pub struct PublicationSource;

fn search_doc(p: &Publication) -> dias_search::SearchDoc {
    dias_search::SearchDoc {
        kind: crate::KIND_PUBLICATION.into(),
        id: p.id.to_string(),
        title: p.title.clone(),
        body: [
            p.authors.clone(),
            p.abstract_text.clone(),
            dias_core::markdown::to_plain_text(&p.summary),
        ]
        .join(" · "),
        url: page_path(&p.slug),
        date: p.publish_at,
    }
}

#[async_trait::async_trait]
impl dias_search::SearchSource for PublicationSource {
    fn kind(&self) -> &'static str {
        crate::KIND_PUBLICATION
    }
    fn label_key(&self) -> &'static str {
        "content-pub-search-kind"
    }
    async fn all(
        &self,
        db: &sea_orm::DatabaseConnection,
    ) -> Result<Vec<dias_search::SearchDoc>, DbErr> {
        Ok(all_live(db, dias_core::time::now())
            .await?
            .iter()
            .map(search_doc)
            .collect())
    }
    async fn one(
        &self,
        db: &sea_orm::DatabaseConnection,
        id: &str,
    ) -> Result<Option<dias_search::SearchDoc>, DbErr> {
        let Ok(id) = id.parse::<i64>() else {
            return Ok(None);
        };
        let now = dias_core::time::now();
        Ok(by_id(db, id)
            .await?
            .filter(|p| is_live(&p.status, p.publish_at, now))
            .as_ref()
            .map(search_doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_796_126_400; // 2026-12-01 13:00 Berlin

    fn input() -> PublicationInput {
        PublicationInput {
            title: "KI-Studie Sachsen 2026: Übersicht & Ausblick".into(),
            authors: "Erika Muster\nMax Beispiel; ".into(),
            year: "2026".into(),
            kind: "studie".into(),
            topics: vec!["ki".into(), "agentur".into()],
            abstract_text: "Kurzfassung".into(),
            summary: "In einfacher Sprache".into(),
            licence: "cc-by-4.0".into(),
            lang: "de".into(),
            slug: String::new(),
            status: "draft".into(),
            publish_date: String::new(),
            publish_time: String::new(),
            revision: "1".into(),
        }
    }

    #[test]
    fn slugs_are_proposed_from_titles_and_made_unique() {
        let facts = Facts {
            taken: vec!["ki-studie-sachsen-2026-uebersicht-ausblick".into()],
            ..Facts::default()
        };
        let valid = validate(&input(), &facts, NOW).unwrap();
        assert_eq!(valid.slug, "ki-studie-sachsen-2026-uebersicht-ausblick-2");
        assert_eq!(valid.authors, "Erika Muster; Max Beispiel");
        assert_eq!(valid.topics, vec![Topic::Ki, Topic::Agentur]);
        assert_eq!(valid.publish_at, None);
        // A typed slug must be free and well-formed.
        let mut typed = input();
        typed.slug = "ki-studie-sachsen-2026-uebersicht-ausblick".into();
        let errors = validate(&typed, &facts, NOW).unwrap_err();
        assert_eq!(errors.get("slug"), Some("content-pub-error-slug-taken"));
        typed.slug = "Mit Leerzeichen".into();
        let errors = validate(&typed, &facts, NOW).unwrap_err();
        assert_eq!(errors.get("slug"), Some("content-pub-error-slug"));
    }

    #[test]
    fn a_slug_that_has_been_live_stays() {
        let facts = Facts {
            fixed_slug: Some("alt".into()),
            has_file: true,
            ..Facts::default()
        };
        let mut changed = input();
        changed.slug = "neu".into();
        assert_eq!(
            validate(&changed, &facts, NOW).unwrap_err().get("slug"),
            Some("content-pub-error-slug-fixed")
        );
        changed.slug = String::new();
        assert_eq!(validate(&changed, &facts, NOW).unwrap().slug, "alt");
    }

    #[test]
    fn publishing_needs_a_pdf_and_a_summary() {
        let mut published = input();
        published.status = "published".into();
        published.summary = "  ".into();
        let errors = validate(&published, &Facts::default(), NOW).unwrap_err();
        assert_eq!(
            errors.get("summary"),
            Some("content-pub-error-summary-needed")
        );
        assert_eq!(errors.get("file"), Some("content-pub-error-file-needed"));
        published.summary = "Leicht gesagt".into();
        let facts = Facts {
            has_file: true,
            ..Facts::default()
        };
        // Without a date: from now on.
        assert_eq!(
            validate(&published, &facts, NOW).unwrap().publish_at,
            Some(NOW)
        );
        // A Berlin date and time.
        published.publish_date = "2026-12-24".into();
        published.publish_time = "09:30".into();
        assert_eq!(
            validate(&published, &facts, NOW).unwrap().publish_at,
            Some(1_798_101_000)
        );
        published.publish_time = "25:00".into();
        assert_eq!(
            validate(&published, &facts, NOW)
                .unwrap_err()
                .get("publish_time"),
            Some("content-pub-error-date")
        );
    }

    #[test]
    fn every_field_is_checked() {
        let bad = PublicationInput {
            year: "1800".into(),
            kind: "roman".into(),
            topics: vec!["unbekannt".into()],
            licence: "gpl".into(),
            lang: "fr".into(),
            status: "archived".into(),
            ..PublicationInput::default()
        };
        let errors = validate(&bad, &Facts::default(), NOW).unwrap_err();
        for field in [
            "title",
            "authors",
            "year",
            "kind",
            "topics",
            "abstract_text",
            "licence",
            "lang",
            "status",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }

    #[test]
    fn only_real_pdfs_pass() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF";
        assert_eq!(check_pdf("Studie.pdf", pdf).unwrap().filename, "Studie.pdf");
        assert_eq!(check_pdf("Studie", pdf).unwrap().filename, "Studie.pdf");
        assert_eq!(
            check_pdf("bild.pdf", b"\x89PNG\r\n\x1a\n\0\0").unwrap_err(),
            "content-pub-error-file-type"
        );
        assert_eq!(
            check_pdf("text.pdf", b"Nur Text, kein PDF").unwrap_err(),
            "content-pub-error-file-type"
        );
        assert_eq!(
            check_pdf("studie.png", pdf).unwrap_err(),
            "content-pub-error-file-type"
        );
        assert_eq!(
            check_pdf("x.pdf", b"").unwrap_err(),
            "content-pub-error-file-empty"
        );
        let mut big = pdf.to_vec();
        big.resize(MAX_PDF_BYTES + 1, b' ');
        assert_eq!(
            check_pdf("x.pdf", &big).unwrap_err(),
            "content-pub-error-file-size"
        );
        assert_eq!(
            check_pdf(
                "x.pdf",
                b"%PDF-1.7\n1 0 obj\n<< /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\nendobj\n%%EOF"
            )
            .unwrap_err(),
            "content-pub-error-file-active"
        );
        assert_eq!(sha256_hex(b"abc").len(), 64);
        assert_eq!(human_size(2_516_582, "de"), "2,4 MB");
        assert_eq!(human_size(500, "en"), "1 KB");
    }

    #[test]
    fn topics_map_to_eu_data_themes() {
        assert_eq!(themes(&[Topic::Ki, Topic::Breitband]), vec!["TECH"]);
        assert_eq!(
            themes(&[Topic::Verwaltung, Topic::Foerderung]),
            vec!["GOVE", "ECON"]
        );
        assert_eq!(themes(&[]), vec!["GOVE"]);
    }
}
