//! User Markdown rendering of dias-core (`dias_core::markdown`): `render`
//! (every user text on every page), `render_below` (texts under a heading),
//! `to_plain_text` (search documents) and `to_mail_text` (mails).
//!
//! Properties besides "no panic, no hang, bounded memory", for the HTML of
//! `render` and `render_below`, checked twice — on the text, tag by tag as
//! a browser's tokenizer reads it, and on the DOM an HTML5 parser builds
//! from it (entities decoded):
//! - no `<script` tag (nor iframe, object, embed, style, form, base, meta,
//!   link, svg, math elements);
//! - no event-handler attribute (`on…=`);
//! - no `javascript:`, `vbscript:` or `data:` URL in `href`, `src` or any
//!   other URL attribute (case-insensitive, after the WHATWG URL
//!   standard's stripping of controls, spaces, tabs and newlines).
#![no_main]

use dias_core::markdown::{render, render_below, to_mail_text, to_plain_text};
use libfuzzer_sys::fuzz_target;

const FORBIDDEN_ELEMENTS: [&str; 11] = [
    "script", "iframe", "object", "embed", "style", "form", "base", "meta", "link", "svg", "math",
];
const URL_ATTRIBUTES: [&str; 9] = [
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "background",
    "cite",
    "data",
    "xlink:href",
];

/// A URL a browser would run or load as script/document. Browsers parse
/// URLs as the WHATWG URL standard says: leading and trailing C0 controls
/// and spaces are stripped, tabs and newlines removed everywhere; any other
/// character inside the scheme (e.g. `\x1f`) makes it no scheme at all, so
/// the URL is relative and harmless.
fn dangerous_url(value: &str) -> bool {
    let url: String = value
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|scheme| url.starts_with(scheme))
}

/// Walks the serialized HTML as a tokenizer does: text, tags, attribute
/// names and (quoted or unquoted) values, comments.
fn check_tokens(html: &str) {
    let b = html.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |e| e + 3);
            continue;
        }
        let lower = rest.to_ascii_lowercase();
        for name in FORBIDDEN_ELEMENTS {
            let tag = format!("<{name}");
            if lower.starts_with(&tag)
                && lower[tag.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| c.is_ascii_whitespace() || c == '>' || c == '/')
            {
                panic!("<{name}> in {html}");
            }
        }
        // Inside a tag: attributes up to the closing `>`.
        i += 1;
        while i < b.len() && b[i] != b'>' && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                i += 1;
                break;
            }
            let start = i;
            while i < b.len() && !matches!(b[i], b'=' | b'>' | b'/') && !b[i].is_ascii_whitespace()
            {
                i += 1;
            }
            let name = html[start..i].to_ascii_lowercase();
            assert!(!name.starts_with("on"), "event handler {name} in {html}");
            if i < b.len() && b[i] == b'=' {
                i += 1;
                let value = match b.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let end = html[i + 1..].find(q as char).map_or(b.len(), |e| i + 1 + e);
                        let v = &html[i + 1..end];
                        i = end + 1;
                        v
                    }
                    _ => {
                        let s = i;
                        while i < b.len() && b[i] != b'>' && !b[i].is_ascii_whitespace() {
                            i += 1;
                        }
                        &html[s..i]
                    }
                };
                // The serializer escapes `&` in values; an entity that
                // hides a scheme is decoded in the DOM check below.
                if URL_ATTRIBUTES.contains(&name.as_str()) {
                    assert!(!dangerous_url(value), "{name}={value:?} in {html}");
                }
            }
        }
    }
}

/// The same properties on the DOM an HTML5 parser builds.
fn check_dom(html: &str) {
    let fragment = scraper::Html::parse_fragment(html);
    for node in fragment.tree.nodes() {
        let Some(element) = node.value().as_element() else {
            continue;
        };
        let name = element.name().to_ascii_lowercase();
        assert!(
            !FORBIDDEN_ELEMENTS.contains(&name.as_str()),
            "<{name}> in {html}"
        );
        for (attr, value) in element.attrs() {
            let attr = attr.to_ascii_lowercase();
            assert!(!attr.starts_with("on"), "event handler {attr} in {html}");
            if URL_ATTRIBUTES.contains(&attr.as_str()) {
                assert!(!dangerous_url(value), "{attr}={value:?} in {html}");
            }
        }
    }
}

fn check(html: &str) {
    check_tokens(html);
    check_dom(html);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(&render(text));
    let level = (text.len() % 7) as u8;
    check(&render_below(text, level));
    let _ = to_plain_text(text);
    let _ = to_mail_text(text, "https://dias.example/");
});
