//! Stored files handed back as downloads — one way for every module to
//! name them and to keep browsers and caches from doing anything else
//! with them.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// `attachment` with an ASCII fallback name and the exact UTF-8 name
/// (RFC 6266 / RFC 8187). Quotes, backslashes and non-ASCII characters of
/// the fallback become `_`, so the header can never be broken out of.
pub fn content_disposition(filename: &str) -> String {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if (c.is_ascii_graphic() && c != '"' && c != '\\') || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = filename
        .bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect();
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// A stored, non-public file (an uploaded attachment or document) as a
/// download: its checked MIME type, never rendered inline, never sniffed,
/// never kept by a cache.
pub fn private_file(data: Vec<u8>, mime: &str, filename: &str) -> Response {
    let mut response = data.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_str(mime).unwrap_or(HeaderValue::from_static("application/octet-stream")),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&content_disposition(filename))
            .unwrap_or(HeaderValue::from_static("attachment")),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-store"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_quoted_safely() {
        assert_eq!(
            content_disposition("Plan \"A\".pdf"),
            "attachment; filename=\"Plan _A_.pdf\"; filename*=UTF-8''Plan%20%22A%22.pdf"
        );
        assert_eq!(
            content_disposition("Übersicht\\x.pdf"),
            "attachment; filename=\"_bersicht_x.pdf\"; filename*=UTF-8''%C3%9Cbersicht%5Cx.pdf"
        );
    }

    #[test]
    fn private_files_are_attachments_that_no_cache_keeps() {
        let response = private_file(b"%PDF-1.4".to_vec(), "application/pdf", "a.pdf");
        let h = response.headers();
        assert_eq!(h[header::CONTENT_TYPE], "application/pdf");
        assert!(
            h[header::CONTENT_DISPOSITION]
                .to_str()
                .unwrap()
                .starts_with("attachment;")
        );
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(h[header::CACHE_CONTROL], "private, no-store");
        let odd = private_file(Vec::new(), "text/plain\n", "x");
        assert_eq!(
            odd.headers()[header::CONTENT_TYPE],
            "application/octet-stream"
        );
    }
}
