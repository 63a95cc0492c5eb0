//! The media library: images (PNG, JPEG) with required alternative text
//! and files (PDF) with a required description, uploaded by the Redaktion
//! and served publicly at `/medien/{id}/{key}/{filename}` for pages and
//! news, where `key` ([`url_key`]) comes from the bytes: nobody finds a
//! medium by counting ids before staff link it from something published.
//!
//! What a file is comes from its bytes ([`dias_core::files::sniff`]); a
//! file whose name claims another type is refused (a disguise or the wrong
//! file), and so is a PDF with active content (scripts, launch actions,
//! embedded files). Lists never read the bytes ([`list`] selects the metadata only).
//! A medium used as a news article's image, or linked from an article's
//! or page's text, cannot be deleted; [`usages`] names where it is used.

use dias_core::files::{FileKind, display_filename, pdf_has_active_content, sniff};
use dias_core::validation::FieldErrors;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, FromQueryResult,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use sha2::{Digest, Sha256};

use crate::entities::{media, news, pages};

/// Largest file accepted (the upload path's body limit leaves room for the
/// form around it, so a larger file still gets this clear message).
pub const MAX_BYTES: usize = 10 * 1024 * 1024;
pub const MAX_ALT: usize = 300;
pub const MAX_DESCRIPTION: usize = 500;

/// `kind` of an image and of a file.
pub const IMAGE: &str = "image";
pub const FILE: &str = "file";

/// A medium without its bytes: what lists, pickers and pages need.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct MediaItem {
    pub id: i64,
    pub kind: String,
    pub filename: String,
    pub mime: String,
    pub size: i64,
    pub alt_text: Option<String>,
    pub description: Option<String>,
    pub created_at: i64,
    /// SHA-256 of the bytes (hex); its start is the address's key.
    pub sha256: String,
}

impl MediaItem {
    pub fn is_image(&self) -> bool {
        self.kind == IMAGE
    }

    /// The public address of the medium.
    pub fn url(&self) -> String {
        url(self.id, &self.sha256, &self.filename)
    }

    /// The alternative text of an image, the description of a file.
    pub fn text(&self) -> &str {
        if self.is_image() {
            self.alt_text.as_deref().unwrap_or_default()
        } else {
            self.description.as_deref().unwrap_or_default()
        }
    }

    /// What staff paste into Markdown: an image, or a link to the file.
    pub fn markdown(&self) -> String {
        let text = markdown_text(self.text());
        if self.is_image() {
            format!("![{text}]({})", self.url())
        } else {
            format!("[{text}]({})", self.url())
        }
    }

    /// Size in KB or MB, German style.
    pub fn size_label(&self) -> String {
        size_label(self.size)
    }
}

/// `/medien/{id}/{key}/{filename}` with the key of [`url_key`].
pub fn url(id: i64, sha256: &str, filename: &str) -> String {
    format!("/medien/{id}/{}/{filename}", url_key(sha256))
}

/// The unguessable part of a medium's address: the first 16 hex digits
/// (64 bits) of the SHA-256 of its bytes.
pub fn url_key(sha256: &str) -> &str {
    sha256.get(..16).unwrap_or(sha256)
}

/// Whether `key` is the address key of `sha256` (compared in constant
/// time; the key is the address's secret).
pub fn key_matches(sha256: &str, key: &str) -> bool {
    let expected = url_key(sha256).as_bytes();
    let given = key.as_bytes();
    expected.len() == 16
        && given.len() == expected.len()
        && expected
            .iter()
            .zip(given)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}

/// `8 KB`, `1,4 MB`.
pub fn size_label(size: i64) -> String {
    if size < 1024 * 1024 {
        format!("{} KB", (size + 1023) / 1024)
    } else {
        format!("{:.1} MB", size as f64 / (1024.0 * 1024.0)).replace('.', ",")
    }
}

/// Square brackets and line breaks would end a Markdown link text.
fn markdown_text(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\\', "\\\\")
        .replace('[', "\\[")
        .replace(']', "\\]")
}

/// A file name fit for a URL path: the browser's name, its stem as a slug
/// ([`dias_core::slug`], at most 80 characters), with the extension of the
/// type the bytes show. `Foto Döbeln.JPG` → `foto-doebeln.jpg`.
pub fn url_filename(browser_name: &str, kind: FileKind) -> String {
    let shown = display_filename(browser_name);
    let stem = match shown.rsplit_once('.') {
        Some((stem, ext)) if FileKind::from_name(&format!("x.{ext}")).is_some() => stem,
        _ => shown.as_str(),
    };
    let fallback = if kind == FileKind::Pdf {
        "datei"
    } else {
        "bild"
    };
    let stem = dias_core::slug::slugify(stem, 80, fallback);
    format!("{stem}.{}", kind.extension())
}

/// The upload form as submitted (texts only: browsers cannot keep a
/// chosen file, the form asks to choose it again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UploadInput {
    pub alt_text: String,
    pub description: String,
}

/// A checked upload, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMedia {
    pub kind: &'static str,
    pub filename: String,
    pub mime: &'static str,
    pub data: Vec<u8>,
    pub alt_text: Option<String>,
    pub description: Option<String>,
}

fn check_text(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max: usize,
    empty: &str,
    long: &str,
) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, empty);
    } else if value.chars().count() > max {
        errors.add(field, long);
    }
    value.to_owned()
}

/// Checks an upload: a file was chosen, at most [`MAX_BYTES`], a PNG, JPEG
/// or PDF by its bytes and not named as another type; images need their
/// alternative text, files their description.
pub fn check_upload(
    file: Option<(&str, &[u8])>,
    input: &UploadInput,
) -> Result<NewMedia, FieldErrors> {
    let mut errors = FieldErrors::new();
    let Some((name, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        errors.add("file", "content-media-error-file");
        return Err(errors);
    };
    if bytes.len() > MAX_BYTES {
        errors.add("file", "content-media-error-size");
        return Err(errors);
    }
    let Some(kind) =
        sniff(bytes).filter(|k| matches!(k, FileKind::Png | FileKind::Jpeg | FileKind::Pdf))
    else {
        errors.add("file", "content-media-error-type");
        return Err(errors);
    };
    if FileKind::from_name(&display_filename(name)).is_some_and(|claimed| claimed != kind) {
        errors.add("file", "content-media-error-mismatch");
        return Err(errors);
    }
    // A public PDF that runs scripts or carries other files when opened.
    if kind == FileKind::Pdf && pdf_has_active_content(bytes) {
        errors.add("file", "content-media-error-active");
        return Err(errors);
    }
    let (alt_text, description) = if kind == FileKind::Pdf {
        let d = check_text(
            &mut errors,
            "description",
            &input.description,
            MAX_DESCRIPTION,
            "content-media-error-description",
            "content-media-error-description-long",
        );
        (None, Some(d))
    } else {
        let a = check_text(
            &mut errors,
            "alt_text",
            &input.alt_text,
            MAX_ALT,
            "content-media-error-alt",
            "content-media-error-alt-long",
        );
        (Some(a), None)
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(NewMedia {
        kind: if kind == FileKind::Pdf { FILE } else { IMAGE },
        filename: url_filename(name, kind),
        mime: kind.mime(),
        data: bytes.to_vec(),
        alt_text,
        description,
    })
}

/// Checks an edited text of a stored medium (alt text or description).
pub fn check_text_edit(item: &MediaItem, text: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new();
    let value = if item.is_image() {
        check_text(
            &mut errors,
            "alt_text",
            text,
            MAX_ALT,
            "content-media-error-alt",
            "content-media-error-alt-long",
        )
    } else {
        check_text(
            &mut errors,
            "description",
            text,
            MAX_DESCRIPTION,
            "content-media-error-description",
            "content-media-error-description-long",
        )
    };
    errors.into_result().map(|()| value)
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ------------------------------------------------------------------- store

/// Stores a checked upload; run in the caller's write transaction (which
/// also holds the audit entry).
pub async fn create<C: ConnectionTrait>(
    db: &C,
    new: NewMedia,
    uploaded_by: i64,
    now: i64,
) -> Result<MediaItem, DbErr> {
    let size = new.data.len() as i64;
    let saved = media::ActiveModel {
        kind: Set(new.kind.to_owned()),
        filename: Set(new.filename),
        mime: Set(new.mime.to_owned()),
        size: Set(size),
        sha256: Set(sha256_hex(&new.data)),
        data: Set(new.data),
        alt_text: Set(new.alt_text),
        description: Set(new.description),
        uploaded_by: Set(Some(uploaded_by)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(MediaItem {
        id: saved.id,
        kind: saved.kind,
        filename: saved.filename,
        mime: saved.mime,
        size: saved.size,
        alt_text: saved.alt_text,
        description: saved.description,
        created_at: saved.created_at,
        sha256: saved.sha256,
    })
}

fn metadata() -> sea_orm::Select<media::Entity> {
    media::Entity::find().select_only().columns([
        media::Column::Id,
        media::Column::Kind,
        media::Column::Filename,
        media::Column::Mime,
        media::Column::Size,
        media::Column::AltText,
        media::Column::Description,
        media::Column::CreatedAt,
        media::Column::Sha256,
    ])
}

/// Every medium (of one kind, if given), newest first, without bytes.
pub async fn list<C: ConnectionTrait>(db: &C, kind: Option<&str>) -> Result<Vec<MediaItem>, DbErr> {
    let mut query = metadata();
    if let Some(kind) = kind {
        query = query.filter(media::Column::Kind.eq(kind));
    }
    query
        .order_by_desc(media::Column::CreatedAt)
        .order_by_desc(media::Column::Id)
        .into_model::<MediaItem>()
        .all(db)
        .await
}

/// One medium without bytes.
pub async fn item<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<MediaItem>, DbErr> {
    metadata()
        .filter(media::Column::Id.eq(id))
        .into_model::<MediaItem>()
        .one(db)
        .await
}

/// Media by ids without bytes (news cards and article pages).
pub async fn items<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = i64>,
) -> Result<Vec<MediaItem>, DbErr> {
    let ids: Vec<i64> = ids.into_iter().collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    metadata()
        .filter(media::Column::Id.is_in(ids))
        .into_model::<MediaItem>()
        .all(db)
        .await
}

/// The bytes of medium `id` (the public address reads them only after
/// checking the address against [`item`]).
pub async fn data<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Vec<u8>>, DbErr> {
    media::Entity::find_by_id(id)
        .select_only()
        .column(media::Column::Data)
        .into_tuple::<Vec<u8>>()
        .one(db)
        .await
}

/// The medium at the public address `/medien/{id}/{key}/{filename}`
/// (metadata only), `None` when any part does not match.
pub async fn at_address<C: ConnectionTrait>(
    db: &C,
    id: i64,
    key: &str,
    filename: &str,
) -> Result<Option<MediaItem>, DbErr> {
    Ok(item(db, id)
        .await?
        .filter(|m| m.filename == filename && key_matches(&m.sha256, key)))
}

/// Sets an image's alternative text or a file's description.
pub async fn set_text<C: ConnectionTrait>(
    db: &C,
    item: &MediaItem,
    text: &str,
) -> Result<(), DbErr> {
    let mut update = media::Entity::update_many().filter(media::Column::Id.eq(item.id));
    update = if item.is_image() {
        update.col_expr(
            media::Column::AltText,
            sea_orm::sea_query::Expr::value(text.to_owned()),
        )
    } else {
        update.col_expr(
            media::Column::Description,
            sea_orm::sea_query::Expr::value(text.to_owned()),
        )
    };
    update.exec(db).await?;
    Ok(())
}

/// Where a medium is used: (title, staff path) of news articles that show
/// it as their image or link it in their text, and of pages that link it.
pub async fn usages<C: ConnectionTrait>(
    db: &C,
    item: &MediaItem,
) -> Result<Vec<(String, String)>, DbErr> {
    let pattern = format!("%/medien/{}/%", item.id);
    let mut out: Vec<(String, String)> = news::Entity::find()
        .filter(
            Condition::any()
                .add(news::Column::ImageId.eq(item.id))
                .add(news::Column::Body.like(&pattern)),
        )
        .order_by_asc(news::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|n| (n.title, format!("/redaktion/aktuelles/{}", n.id)))
        .collect();
    out.extend(
        pages::Entity::find()
            .filter(
                Condition::any()
                    .add(pages::Column::BodyDe.like(&pattern))
                    .add(pages::Column::BodyEn.like(&pattern)),
            )
            .order_by_asc(pages::Column::Id)
            .all(db)
            .await?
            .into_iter()
            .map(|p| (p.title_de, p.path)),
    );
    Ok(out)
}

/// Deletes a medium; `false` when there is none.
pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    Ok(media::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected
        > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    const PDF: &[u8] = b"%PDF-1.7\n";

    fn input(alt: &str, description: &str) -> UploadInput {
        UploadInput {
            alt_text: alt.into(),
            description: description.into(),
        }
    }

    #[test]
    fn images_need_alt_text_and_files_a_description() {
        let errors = check_upload(Some(("a.png", PNG)), &input(" ", "egal")).unwrap_err();
        assert_eq!(errors.get("alt_text"), Some("content-media-error-alt"));
        let errors = check_upload(Some(("a.pdf", PDF)), &input("egal", "")).unwrap_err();
        assert_eq!(
            errors.get("description"),
            Some("content-media-error-description")
        );
        let ok = check_upload(Some(("Foto Döbeln.PNG", PNG)), &input(" Glasfaser ", "")).unwrap();
        assert_eq!(ok.kind, IMAGE);
        assert_eq!(ok.mime, "image/png");
        assert_eq!(ok.filename, "foto-doebeln.png");
        assert_eq!(ok.alt_text.as_deref(), Some("Glasfaser"));
        assert_eq!(ok.description, None);
    }

    #[test]
    fn the_type_comes_from_the_bytes() {
        let forged = check_upload(Some(("bild.png", PDF)), &input("x", "x")).unwrap_err();
        assert_eq!(forged.get("file"), Some("content-media-error-mismatch"));
        let html = check_upload(
            Some(("bild.png", b"<html><script>".as_slice())),
            &input("x", "x"),
        )
        .unwrap_err();
        assert_eq!(html.get("file"), Some("content-media-error-type"));
        let gif =
            check_upload(Some(("a.gif", b"GIF89a\x01\0".as_slice())), &input("x", "")).unwrap_err();
        assert_eq!(gif.get("file"), Some("content-media-error-type"));
        assert!(check_upload(None, &input("x", "x")).is_err());
        let big = [PNG, &vec![0u8; MAX_BYTES]].concat();
        let size = check_upload(Some(("a.png", &big)), &input("x", "x")).unwrap_err();
        assert_eq!(size.get("file"), Some("content-media-error-size"));
        let active = check_upload(
            Some((
                "a.pdf",
                b"%PDF-1.7\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"
                    .as_slice(),
            )),
            &input("", "x"),
        )
        .unwrap_err();
        assert_eq!(active.get("file"), Some("content-media-error-active"));
        // No extension: the bytes name it.
        let ok = check_upload(Some(("scan", PDF)), &input("", "Flyer")).unwrap();
        assert_eq!(ok.filename, "scan.pdf");
    }

    #[test]
    fn markdown_snippets_keep_their_brackets_closed() {
        let item = MediaItem {
            id: 7,
            kind: IMAGE.into(),
            filename: "karte.png".into(),
            mime: "image/png".into(),
            size: 2048,
            alt_text: Some("Karte [Stand 2026]\nSachsen".into()),
            description: None,
            created_at: 0,
            sha256: "0123456789abcdef".repeat(4),
        };
        assert_eq!(
            item.markdown(),
            "![Karte \\[Stand 2026\\] Sachsen](/medien/7/0123456789abcdef/karte.png)"
        );
        assert!(key_matches(&item.sha256, "0123456789abcdef"));
        assert!(!key_matches(&item.sha256, "0123456789abcdee"));
        assert!(!key_matches(&item.sha256, "0123456789abcde"));
        assert!(!key_matches("", ""));
        assert_eq!(item.size_label(), "2 KB");
        assert_eq!(size_label(3 * 1024 * 1024 / 2), "1,5 MB");
        assert_eq!(url_filename("../..", FileKind::Jpeg), "bild.jpg");
        assert_eq!(
            url_filename("Foto Döbeln_2026.JPG", FileKind::Jpeg),
            "foto-doebeln-2026.jpg"
        );
        assert_eq!(url_filename("Flyer.pdf", FileKind::Pdf), "flyer.pdf");
    }
}
