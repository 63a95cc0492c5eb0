//! `multipart/form-data` forms (file uploads), read with `multer`.
//!
//! The CSRF middleware has already buffered the body under the configured
//! size limit (413 above it), so the whole form is parsed from memory: the
//! middleware reads the `_csrf` field with [`MultipartForm::parse`], and
//! handlers take the same parse as the [`MultipartForm`] extractor. Modules
//! check what a file *is* from its bytes (magic numbers), never from the
//! browser's file name or content type.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::header;

use crate::{AppError, AppState, Ctx};

/// One field of a multipart form.
#[derive(Debug, Clone)]
pub struct Part {
    pub name: String,
    /// The browser's file name (file inputs only); for display, never trusted.
    pub filename: Option<String>,
    pub data: Bytes,
}

/// A parsed multipart form: its fields in order.
#[derive(Debug, Clone, Default)]
pub struct MultipartForm {
    parts: Vec<Part>,
}

/// Fields of one form, at most; more is no browser form of ours.
const MAX_PARTS: usize = 200;

impl MultipartForm {
    /// Parses a body with its `Content-Type`; `None` when it is not a
    /// well-formed `multipart/form-data` body.
    pub async fn parse(content_type: &str, body: Bytes) -> Option<Self> {
        if !is_multipart(content_type) {
            return None;
        }
        let boundary = multer::parse_boundary(content_type).ok()?;
        let stream = futures_util::stream::once(async move { Ok::<Bytes, std::io::Error>(body) });
        let mut multipart = multer::Multipart::new(stream, boundary);
        let mut parts = Vec::new();
        while let Some(field) = multipart.next_field().await.ok()? {
            if parts.len() == MAX_PARTS {
                return None;
            }
            let name = field.name().unwrap_or_default().to_owned();
            let filename = field.file_name().map(str::to_owned);
            let data = field.bytes().await.ok()?;
            parts.push(Part {
                name,
                filename,
                data,
            });
        }
        Some(MultipartForm { parts })
    }

    /// The first text field of that name (lossy UTF-8), or "".
    pub fn text(&self, name: &str) -> String {
        self.parts
            .iter()
            .find(|p| p.name == name && p.filename.is_none())
            .map(|p| String::from_utf8_lossy(&p.data).into_owned())
            .unwrap_or_default()
    }

    /// The file chosen in the file input of that name; `None` when the
    /// field is missing or the person chose no file (browsers then send an
    /// empty part with an empty file name).
    pub fn file(&self, name: &str) -> Option<&Part> {
        self.parts
            .iter()
            .find(|p| p.name == name && p.filename.is_some())
            .filter(|p| !p.data.is_empty() || p.filename.as_deref().is_some_and(|f| !f.is_empty()))
    }
}

pub fn is_multipart(content_type: &str) -> bool {
    content_type
        .split(';')
        .next()
        .is_some_and(|kind| kind.trim().eq_ignore_ascii_case("multipart/form-data"))
}

impl FromRequest<AppState> for MultipartForm {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let ctx = Ctx::from_request_parts(&mut parts, state).await?;
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        // The CSRF middleware has read the body within the path's limit.
        let limit = state.registry.body_limit(
            parts.uri.path(),
            ctx.principal().map(|who| who.role),
            state.config.max_body_bytes,
        );
        let bytes = axum::body::to_bytes(body, limit)
            .await
            .map_err(|_| AppError::PayloadTooLarge)?;
        MultipartForm::parse(&content_type, bytes)
            .await
            .ok_or_else(|| AppError::BadRequest(ctx.t("error-upload-unreadable")))
    }
}

/// A file type accepted for uploads that people send to the agency:
/// documents (PDF) and pictures. What a file is comes from its first bytes
/// ([`sniff`]), never from its name or the browser's content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl FileKind {
    pub const ALL: [FileKind; 5] = [
        FileKind::Pdf,
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Gif,
        FileKind::Webp,
    ];

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
        }
    }

    /// The usual extension (without dot).
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// Every extension people give files of this kind, lower case.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg", "jpe"],
            FileKind::Gif => &["gif"],
            FileKind::Webp => &["webp"],
        }
    }

    /// The kind a file name's extension claims, if it is one of ours.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let (_, ext) = name.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        FileKind::ALL
            .into_iter()
            .find(|k| k.extensions().contains(&ext.as_str()))
    }
}

/// What a file is, from its magic number; `None` for anything else
/// (HTML, programs, archives, text), whatever its name says.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(FileKind::Gif)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(FileKind::Webp)
    } else {
        None
    }
}

/// A browser's file name made fit for display and for
/// `Content-Disposition`: the last path segment only, without control and
/// bidirectional-override characters (which can disguise `exe.pdf` as
/// `fdp.exe`), quotes, separators or leading dots, at most 120 characters.
/// May be empty; callers choose a fallback name then.
pub fn display_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '"' | '\\' | '/' | ';' | '<' | '>' | '*' | '?' | '|' | ':')
                && !matches!(*c as u32, 0x200b..=0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0xfeff)
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    // Keep the extension when shortening a long name.
    let limit = 120;
    if trimmed.chars().count() <= limit {
        return trimmed.to_owned();
    }
    match trimmed.rsplit_once('.') {
        Some((stem, ext)) if ext.chars().count() <= 10 => {
            let keep = limit - ext.chars().count() - 1;
            format!(
                "{}.{ext}",
                stem.chars().take(keep).collect::<String>().trim_end()
            )
        }
        _ => trimmed.chars().take(limit).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPE: &str = "multipart/form-data; boundary=XyZ";

    fn body(parts: &[(&str, Option<&str>, &[u8])]) -> Bytes {
        let mut out = Vec::new();
        for (name, filename, data) in parts {
            out.extend_from_slice(b"--XyZ\r\n");
            match filename {
                Some(f) => out.extend_from_slice(
                    format!(
                        "Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    )
                    .as_bytes(),
                ),
                None => out.extend_from_slice(
                    format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes(),
                ),
            }
            out.extend_from_slice(data);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"--XyZ--\r\n");
        Bytes::from(out)
    }

    #[tokio::test]
    async fn reads_text_fields_and_files_with_binary_content() {
        let png = [
            0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n', 0, 0xff, b'-', b'-',
        ];
        let form = MultipartForm::parse(
            TYPE,
            body(&[
                ("_csrf", None, b"token"),
                ("logo_alt", None, "Logo der Firma ä".as_bytes()),
                ("logo", Some("logo.png"), &png),
            ]),
        )
        .await
        .unwrap();
        assert_eq!(form.text("_csrf"), "token");
        assert_eq!(form.text("logo_alt"), "Logo der Firma ä");
        assert_eq!(form.text("missing"), "");
        let file = form.file("logo").unwrap();
        assert_eq!(file.filename.as_deref(), Some("logo.png"));
        assert_eq!(&file.data[..], &png);
        // A text field is not a file and a file not a text field.
        assert!(form.file("logo_alt").is_none());
        assert_eq!(form.text("logo"), "");
    }

    #[tokio::test]
    async fn an_empty_file_input_is_no_file() {
        let form = MultipartForm::parse(TYPE, body(&[("logo", Some(""), b"")]))
            .await
            .unwrap();
        assert!(form.file("logo").is_none());
    }

    #[tokio::test]
    async fn refuses_other_types_and_broken_bodies() {
        let ok = body(&[("a", None, b"1")]);
        assert!(
            MultipartForm::parse("application/x-www-form-urlencoded", ok.clone())
                .await
                .is_none()
        );
        assert!(
            MultipartForm::parse("multipart/form-data", ok.clone())
                .await
                .is_none(),
            "no boundary"
        );
        let cut = ok.slice(..ok.len() - 12);
        assert!(
            MultipartForm::parse(TYPE, cut).await.is_none(),
            "no closing boundary"
        );
        assert!(is_multipart("Multipart/Form-Data; boundary=a"));
    }

    #[test]
    fn sniffs_documents_and_pictures_from_their_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n%\xe2\xe3"), Some(FileKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileKind::Png));
        assert_eq!(
            sniff(&[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
            Some(FileKind::Jpeg)
        );
        assert_eq!(sniff(b"GIF89a\x01\0"), Some(FileKind::Gif));
        assert_eq!(sniff(b"RIFF\x24\0\0\0WEBPVP8 "), Some(FileKind::Webp));
        // Whatever the name claims, these are not documents or pictures.
        for other in [
            &b"<!DOCTYPE html><script>alert(1)</script>"[..],
            b"MZ\x90\x00\x03\x00\x00\x00",
            b"PK\x03\x04\x14\0",
            b"RIFF\x24\0\0\0WAVEfmt ",
            b"RIFF",
            b" %PDF-1.4",
            b"",
        ] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
        for kind in FileKind::ALL {
            assert_eq!(
                FileKind::from_name(&format!("x.{}", kind.extension())),
                Some(kind)
            );
        }
        assert_eq!(FileKind::from_name("Foto.JPEG"), Some(FileKind::Jpeg));
        assert_eq!(FileKind::from_name("setup.exe"), None);
        assert_eq!(FileKind::from_name("ohne-endung"), None);
    }

    #[test]
    fn display_file_names_lose_paths_controls_and_disguises() {
        assert_eq!(display_filename("C:\\Users\\erika\\Plan.pdf"), "Plan.pdf");
        assert_eq!(display_filename("../../etc/passwd"), "passwd");
        assert_eq!(display_filename("..hidden.png"), "hidden.png");
        assert_eq!(display_filename("a\"b;c\r\n.pdf"), "abc.pdf");
        // With a right-to-left override „Rechnung<RLO>fdp.exe“ would show as „Rechnungexe.pdf“.
        assert_eq!(
            display_filename("Rechnung\u{202e}fdp.exe"),
            "Rechnungfdp.exe"
        );
        assert_eq!(
            display_filename("Straßenplan Döbeln.pdf"),
            "Straßenplan Döbeln.pdf"
        );
        assert_eq!(display_filename("   "), "");
        let long = format!("{}.pdf", "x".repeat(300));
        let shown = display_filename(&long);
        assert_eq!(shown.chars().count(), 120);
        assert!(shown.ends_with(".pdf"));
    }
}
