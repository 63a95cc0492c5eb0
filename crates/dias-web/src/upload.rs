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

// What a file is and what it may be called live in dias-core, beside the
// other pure checks; upload handlers use them from here as well.
pub use dias_core::files::{FileKind, display_filename, sniff};

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
}
