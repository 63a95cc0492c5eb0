//! Agency content (issue 9): pages, news, publications, contact points and
//! the newsletter.
//!
//! Pages form a tree (`parent_id`; `path` is the full URL path, unique) and
//! keep every saved state in `content_page_versions`. Pages, news and
//! publications are visible to visitors when `status = 'published'` and
//! `publish_at <= now`; `announced` records that the search index and
//! subscribers have been told about an item that went live by schedule;
//! `first_published_at` is when an item was first live (set once, kept when
//! it is unpublished), so the address of anything ever public stays fixed.
//! `revision` guards concurrent edits. Files are blobs: media (images with
//! alt text, files with a description) and one PDF per publication, kept
//! apart from the metadata so lists never read file bytes. Newsletter
//! subscribers stay `pending` until they confirm; unsubscribing deletes the
//! row. Deliveries snapshot an issue's recipients when sending starts.
//!
//! The shell's legal and information pages are inserted as system pages
//! (editable, never deleted or unpublished), from the Markdown the binary
//! ships.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

fn index(name: &str, table: &str, cols: &[&str], unique: bool) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(a(table)).if_not_exists();
    for col in cols {
        index.col(a(col));
    }
    if unique {
        index.unique();
    }
    index.to_owned()
}

fn fk(table: &str, col: &str, to: &str, action: ForeignKeyAction) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(a(table), a(col))
        .to(a(to), a("id"))
        .on_delete(action)
        .to_owned()
}

/// The shipped information pages: (slug, German, English or `None`).
const SYSTEM_PAGES: [(&str, &str, Option<&str>); 5] = [
    (
        "impressum",
        include_str!("../../dias-web/content/de/impressum.md"),
        Some(include_str!("../../dias-web/content/en/impressum.md")),
    ),
    (
        "datenschutz",
        include_str!("../../dias-web/content/de/datenschutz.md"),
        Some(include_str!("../../dias-web/content/en/datenschutz.md")),
    ),
    (
        "barrierefreiheit",
        include_str!("../../dias-web/content/de/barrierefreiheit.md"),
        Some(include_str!(
            "../../dias-web/content/en/barrierefreiheit.md"
        )),
    ),
    (
        "leichte-sprache",
        include_str!("../../dias-web/content/de/leichte-sprache.md"),
        None,
    ),
    (
        "gebaerdensprache",
        include_str!("../../dias-web/content/de/gebaerdensprache.md"),
        Some(include_str!(
            "../../dias-web/content/en/gebaerdensprache.md"
        )),
    ),
];

/// `# Title\n\nbody` → (title, body).
fn split_title(markdown: &str) -> (String, String) {
    let markdown = markdown.trim_start();
    match markdown
        .strip_prefix("# ")
        .and_then(|rest| rest.split_once('\n'))
    {
        Some((title, body)) => (title.trim().to_owned(), body.trim().to_owned()),
        None => (String::new(), markdown.trim().to_owned()),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(a("content_media"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(string_len(a("kind"), 16))
                    .col(string_len(a("filename"), 255))
                    .col(string_len(a("mime"), 100))
                    .col(big_integer(a("size")))
                    .col(string_len(a("sha256"), 64))
                    .col(blob(a("data")))
                    .col(text_null(a("alt_text")))
                    .col(text_null(a("description")))
                    .col(big_integer_null(a("uploaded_by")))
                    .col(big_integer(a("created_at")))
                    .foreign_key(&mut fk(
                        "content_media",
                        "uploaded_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_media_created",
                "content_media",
                &["created_at"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_pages"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(big_integer_null(a("parent_id")))
                    .col(string_len(a("slug"), 120))
                    .col(string_len(a("path"), 500))
                    .col(string_len(a("title_de"), 200))
                    .col(string_len_null(a("title_en"), 200))
                    .col(text(a("body_de")))
                    .col(text_null(a("body_en")))
                    .col(string_len_null(a("summary"), 300))
                    .col(string_len(a("menu"), 16).default("none"))
                    .col(string_len_null(a("audience"), 16))
                    .col(integer(a("position")).default(0))
                    .col(string_len(a("status"), 16))
                    .col(big_integer_null(a("publish_at")))
                    .col(big_integer_null(a("first_published_at")))
                    .col(boolean(a("system")).default(false))
                    .col(boolean(a("announced")).default(false))
                    .col(integer(a("revision")).default(1))
                    .col(big_integer_null(a("created_by")))
                    .col(big_integer_null(a("updated_by")))
                    .col(big_integer(a("created_at")))
                    .col(big_integer(a("updated_at")))
                    .foreign_key(&mut fk(
                        "content_pages",
                        "created_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "content_pages",
                        "updated_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_pages_path",
                "content_pages",
                &["path"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_pages_parent",
                "content_pages",
                &["parent_id", "position"],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_pages_live",
                "content_pages",
                &["status", "publish_at"],
                false,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_pages_menu",
                "content_pages",
                &["menu", "position"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_page_versions"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(big_integer(a("page_id")))
                    .col(integer(a("number")))
                    .col(big_integer_null(a("parent_id")))
                    .col(string_len(a("slug"), 120))
                    .col(string_len(a("title_de"), 200))
                    .col(string_len_null(a("title_en"), 200))
                    .col(text(a("body_de")))
                    .col(text_null(a("body_en")))
                    .col(string_len_null(a("summary"), 300))
                    .col(big_integer_null(a("author_id")))
                    .col(string_len_null(a("note"), 300))
                    .col(big_integer(a("created_at")))
                    .foreign_key(&mut fk(
                        "content_page_versions",
                        "page_id",
                        "content_pages",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "content_page_versions",
                        "author_id",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_page_versions_number",
                "content_page_versions",
                &["page_id", "number"],
                true,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_news"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(string_len(a("slug"), 160))
                    .col(string_len(a("title"), 200))
                    .col(string_len(a("teaser"), 500))
                    .col(text(a("body")))
                    .col(string_len(a("lang"), 8).default("de"))
                    .col(big_integer_null(a("image_id")))
                    .col(string_len(a("topics"), 200).default(""))
                    .col(big_integer_null(a("author_id")))
                    .col(string_len_null(a("byline"), 200))
                    .col(string_len(a("status"), 16))
                    .col(big_integer_null(a("publish_at")))
                    .col(big_integer_null(a("first_published_at")))
                    .col(boolean(a("announced")).default(false))
                    .col(integer(a("revision")).default(1))
                    .col(big_integer(a("created_at")))
                    .col(big_integer(a("updated_at")))
                    .foreign_key(&mut fk(
                        "content_news",
                        "image_id",
                        "content_media",
                        ForeignKeyAction::SetNull,
                    ))
                    .foreign_key(&mut fk(
                        "content_news",
                        "author_id",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_news_slug",
                "content_news",
                &["slug"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_news_live",
                "content_news",
                &["status", "publish_at"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_news_links"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(big_integer(a("news_id")))
                    .col(string_len(a("path"), 500))
                    .col(string_len(a("label"), 200))
                    .col(integer(a("position")).default(0))
                    .col(big_integer_null(a("added_by")))
                    .col(big_integer(a("created_at")))
                    .foreign_key(&mut fk(
                        "content_news_links",
                        "news_id",
                        "content_news",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "content_news_links",
                        "added_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_news_links_news",
                "content_news_links",
                &["news_id", "position"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_publications"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(string_len(a("slug"), 160))
                    .col(string_len(a("title"), 300))
                    .col(string_len(a("authors"), 500))
                    .col(integer(a("year")))
                    .col(string_len(a("kind"), 32))
                    .col(string_len(a("topics"), 200).default(""))
                    .col(text(a("abstract_text")))
                    .col(text(a("summary")))
                    .col(string_len(a("licence"), 32))
                    .col(string_len(a("lang"), 8).default("de"))
                    .col(string_len(a("status"), 16))
                    .col(big_integer_null(a("publish_at")))
                    .col(big_integer_null(a("first_published_at")))
                    .col(boolean(a("announced")).default(false))
                    .col(integer(a("revision")).default(1))
                    .col(big_integer_null(a("created_by")))
                    .col(big_integer(a("created_at")))
                    .col(big_integer(a("updated_at")))
                    .foreign_key(&mut fk(
                        "content_publications",
                        "created_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_publications_slug",
                "content_publications",
                &["slug"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_publications_live",
                "content_publications",
                &["status", "publish_at"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_publication_files"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(big_integer(a("publication_id")))
                    .col(string_len(a("filename"), 255))
                    .col(string_len(a("mime"), 100))
                    .col(big_integer(a("size")))
                    .col(string_len(a("sha256"), 64))
                    .col(blob(a("data")))
                    .col(big_integer_null(a("uploaded_by")))
                    .col(big_integer(a("created_at")))
                    .foreign_key(&mut fk(
                        "content_publication_files",
                        "publication_id",
                        "content_publications",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "content_publication_files",
                        "uploaded_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_publication_files_pub",
                "content_publication_files",
                &["publication_id"],
                true,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_contacts"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(string_len(a("topic"), 32))
                    .col(string_len(a("name"), 200))
                    .col(string_len_null(a("person"), 200))
                    .col(string_len_null(a("email"), 254))
                    .col(string_len_null(a("phone"), 64))
                    .col(string_len_null(a("office_hours"), 300))
                    .col(integer(a("position")).default(0))
                    .col(boolean(a("published")).default(true))
                    .col(integer(a("revision")).default(1))
                    .col(big_integer(a("created_at")))
                    .col(big_integer(a("updated_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_contacts_topic",
                "content_contacts",
                &["topic", "position"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_newsletter_subscribers"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(string_len(a("email"), 254))
                    .col(string_len(a("locale"), 8))
                    .col(string_len(a("topics"), 200).default(""))
                    .col(string_len(a("status"), 16))
                    .col(string_len(a("token_salt"), 64))
                    .col(big_integer(a("created_at")))
                    .col(big_integer_null(a("confirmed_at")))
                    .col(big_integer_null(a("last_mail_at")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_newsletter_subscribers_email",
                "content_newsletter_subscribers",
                &["email"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_newsletter_subscribers_status",
                "content_newsletter_subscribers",
                &["status", "created_at"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_newsletter_issues"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(string_len(a("subject"), 200))
                    .col(text(a("body")))
                    .col(string_len(a("topics"), 200).default(""))
                    .col(string_len(a("status"), 16))
                    .col(big_integer_null(a("created_by")))
                    .col(big_integer(a("created_at")))
                    .col(big_integer(a("updated_at")))
                    .col(big_integer_null(a("sent_at")))
                    .col(integer(a("recipients")).default(0))
                    .col(integer(a("delivered")).default(0))
                    .col(integer(a("revision")).default(1))
                    .foreign_key(&mut fk(
                        "content_newsletter_issues",
                        "created_by",
                        "users",
                        ForeignKeyAction::SetNull,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_newsletter_issues_status",
                "content_newsletter_issues",
                &["status", "sent_at"],
                false,
            ))
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(a("content_newsletter_deliveries"))
                    .if_not_exists()
                    .col(big_pk_auto(a("id")))
                    .col(big_integer(a("issue_id")))
                    .col(big_integer(a("subscriber_id")))
                    .col(string_len(a("status"), 16))
                    .col(big_integer_null(a("sent_at")))
                    .foreign_key(&mut fk(
                        "content_newsletter_deliveries",
                        "issue_id",
                        "content_newsletter_issues",
                        ForeignKeyAction::Cascade,
                    ))
                    .foreign_key(&mut fk(
                        "content_newsletter_deliveries",
                        "subscriber_id",
                        "content_newsletter_subscribers",
                        ForeignKeyAction::Cascade,
                    ))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "idx_content_newsletter_deliveries_pair",
                "content_newsletter_deliveries",
                &["issue_id", "subscriber_id"],
                true,
            ))
            .await?;
        manager
            .create_index(index(
                "idx_content_newsletter_deliveries_status",
                "content_newsletter_deliveries",
                &["issue_id", "status"],
                false,
            ))
            .await?;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0);
        for (position, (slug, de, en)) in SYSTEM_PAGES.iter().enumerate() {
            let (title_de, body_de) = split_title(de);
            let (title_en, body_en) = match en {
                Some(en) => {
                    let (t, b) = split_title(en);
                    (Some(t), Some(b))
                }
                None => (None, None),
            };
            let page = Query::insert()
                .into_table(a("content_pages"))
                .columns(
                    [
                        "slug",
                        "path",
                        "title_de",
                        "title_en",
                        "body_de",
                        "body_en",
                        "menu",
                        "position",
                        "status",
                        "publish_at",
                        "first_published_at",
                        "system",
                        "announced",
                        "revision",
                        "created_at",
                        "updated_at",
                    ]
                    .map(a),
                )
                .values_panic([
                    (*slug).into(),
                    format!("/{slug}").into(),
                    title_de.clone().into(),
                    title_en.clone().into(),
                    body_de.clone().into(),
                    body_en.clone().into(),
                    "none".into(),
                    (position as i32).into(),
                    "published".into(),
                    now.into(),
                    now.into(),
                    true.into(),
                    true.into(),
                    1.into(),
                    now.into(),
                    now.into(),
                ])
                .to_owned();
            manager.exec_stmt(page).await?;
            let version = Query::insert()
                .into_table(a("content_page_versions"))
                .columns(
                    [
                        "page_id",
                        "number",
                        "slug",
                        "title_de",
                        "title_en",
                        "body_de",
                        "body_en",
                        "created_at",
                    ]
                    .map(a),
                )
                .select_from(
                    Query::select()
                        .column(a("id"))
                        .expr(Expr::val(1))
                        .column(a("slug"))
                        .column(a("title_de"))
                        .column(a("title_en"))
                        .column(a("body_de"))
                        .column(a("body_en"))
                        .expr(Expr::val(now))
                        .from(a("content_pages"))
                        .and_where(Expr::col(a("path")).eq(format!("/{slug}")))
                        .to_owned(),
                )
                .map_err(|e| DbErr::Custom(e.to_string()))?
                .to_owned();
            manager.exec_stmt(version).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_newsletter_deliveries"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_newsletter_issues"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_newsletter_subscribers"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_contacts"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_publication_files"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_publications"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_news_links"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_news"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_page_versions"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_pages"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        manager
            .drop_table(
                Table::drop()
                    .table(a("content_media"))
                    .if_exists()
                    .to_owned(),
            )
            .await?;
        Ok(())
    }
}
