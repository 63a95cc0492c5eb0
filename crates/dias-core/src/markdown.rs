//! User Markdown → sanitized HTML. Raw HTML in the input is escaped by the
//! sanitizer's allow-list; links get `rel="noopener noreferrer nofollow"`.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown to HTML that is safe to embed in a page; headings keep
/// the level they were written with.
pub fn render(markdown: &str) -> String {
    render_shifted(markdown, None)
}

/// Like [`render`], for text placed under a heading of `level` (0: the
/// text is the page's top): headings move relative to the highest one the
/// text has, which becomes `level + 1`; the rest keep their distance to it
/// (capped at `<h6>`). `## A` / `### B` under an `<h1>` become `<h2>` /
/// `<h3>`, and so do `# A` / `## B`: whatever the author started with,
/// the page's outline skips no level.
pub fn render_below(markdown: &str, level: u8) -> String {
    render_shifted(markdown, Some(level))
}

fn render_shifted(markdown: &str, below: Option<u8>) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let top = below.and_then(|level| {
        Parser::new_ext(markdown, Options::empty())
            .filter_map(|event| match event {
                Event::Start(Tag::Heading { level: h, .. }) => Some(h as usize),
                _ => None,
            })
            .min()
            .map(|min| (min, usize::from(level) + 1))
    });
    let shift = |h: HeadingLevel| match top {
        Some((min, first)) => {
            let n = (h as usize - min + first).min(6);
            HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
        }
        None => h,
    };
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let parser = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading {
            level: h,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(h),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(h)) => Event::End(TagEnd::Heading(shift(h))),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string()
}

/// Markdown reduced to plain text (for search documents and mail).
pub fn to_plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// Markdown as plain mail text: headings on a line of their own with blank
/// lines around, emphasis markers dropped, list items as `– `, links and
/// images as `text (URL)`; links to a portal path (`/publikationen`)
/// become full addresses under `public_url`.
pub fn to_mail_text(markdown: &str, public_url: &str) -> String {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let absolute = |url: &str| {
        if url.starts_with('/') && !url.starts_with("//") {
            format!("{}{url}", public_url.trim_end_matches('/'))
        } else {
            url.to_owned()
        }
    };
    fn newline(out: &mut String) {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    }
    fn blank_line(out: &mut String) {
        newline(out);
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
    }
    let mut out = String::with_capacity(markdown.len());
    // Open links and images: their address and where their text starts.
    let mut links: Vec<(String, usize)> = Vec::new();
    // Open lists: the next number of an ordered one.
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Right after a list marker: the item's first paragraph goes on its line.
    let mut item_start = false;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Paragraph) if !item_start => blank_line(&mut out),
            Event::End(TagEnd::Paragraph) => newline(&mut out),
            Event::Start(Tag::Heading { .. }) => blank_line(&mut out),
            Event::End(TagEnd::Heading(_)) => blank_line(&mut out),
            Event::Start(Tag::List(start)) => {
                if lists.is_empty() {
                    blank_line(&mut out);
                } else {
                    newline(&mut out);
                }
                lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
                newline(&mut out);
            }
            Event::Start(Tag::Item) => {
                newline(&mut out);
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("– "),
                }
                item_start = true;
                continue;
            }
            Event::End(TagEnd::Item) => newline(&mut out),
            Event::Start(Tag::CodeBlock(_)) | Event::Start(Tag::BlockQuote(_)) => {
                blank_line(&mut out)
            }
            Event::End(TagEnd::CodeBlock) | Event::End(TagEnd::BlockQuote(_)) => newline(&mut out),
            Event::Rule => {
                blank_line(&mut out);
                out.push_str("----\n");
            }
            Event::Start(Tag::Link { dest_url, .. })
            | Event::Start(Tag::Image { dest_url, .. }) => {
                links.push((absolute(&dest_url), out.len()));
            }
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => {
                if let Some((url, start)) = links.pop() {
                    let text = out[start..].trim().to_owned();
                    out.truncate(start);
                    if text.is_empty() || text == url {
                        out.push_str(&url);
                    } else {
                        out.push_str(&format!("{text} ({url})"));
                    }
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                out.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            _ => {}
        }
        item_start = false;
    }
    out.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_and_handlers_are_removed() {
        let html = render(
            "Hallo <script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn markdown_formatting_survives() {
        let html = render("# Titel\n\n**fett** und [Link](https://example.org)");
        assert!(html.contains("<h1>Titel</h1>"));
        assert!(html.contains("<strong>fett</strong>"));
        assert!(html.contains(r#"rel="noopener noreferrer nofollow""#));
    }

    #[test]
    fn headings_move_below_the_surrounding_one() {
        let html = render_below("# Eins\n\n## Zwei\n\n###### Sechs", 2);
        assert!(html.contains("<h3>Eins</h3>"), "{html}");
        assert!(html.contains("<h4>Zwei</h4>"), "{html}");
        assert!(html.contains("<h6>Sechs</h6>"), "{html}");
        assert_eq!(render("# Eins"), render_below("# Eins", 0));
    }

    #[test]
    fn the_highest_heading_sits_one_below_the_container() {
        // Whatever level the author starts with, the text's top level is
        // `level + 1` and no level is skipped.
        for (text, level) in [
            ("## Eins\n\n### Zwei", 1),
            ("# Eins\n\n## Zwei", 1),
            ("#### Eins\n\n##### Zwei", 1),
        ] {
            let html = render_below(text, level);
            assert!(html.contains("<h2>Eins</h2>"), "{text}: {html}");
            assert!(html.contains("<h3>Zwei</h3>"), "{text}: {html}");
        }
        let html = render_below("### Drei\n\nText\n\n## Zwei", 2);
        assert!(html.contains("<h4>Drei</h4>"), "{html}");
        assert!(html.contains("<h3>Zwei</h3>"), "{html}");
        assert!(render_below("## Oben", 0).contains("<h1>Oben</h1>"));
        assert!(render_below("# A\n\n###### F", 3).contains("<h6>F</h6>"));
        // Without headings nothing changes; `render` keeps levels as written.
        assert_eq!(render_below("Nur *Text*", 2), render("Nur *Text*"));
        assert!(render("## Zwei").contains("<h2>Zwei</h2>"));
    }

    #[test]
    fn mail_text_is_clean_plain_text() {
        let base = "https://dias.example/";
        assert_eq!(
            to_mail_text(
                "# Titel\r\n\nSiehe [die Studie](https://x.de/s) und ![Logo](https://x.de/l.png).",
                base
            ),
            "Titel\n\nSiehe die Studie (https://x.de/s) und Logo (https://x.de/l.png)."
        );
        assert_eq!(
            to_mail_text("[zur Beteiligung](/beteiligung), [x](//evil.example)", base),
            "zur Beteiligung (https://dias.example/beteiligung), x (//evil.example)"
        );
        assert_eq!(
            to_mail_text(
                "Vorweg **fett** und _kursiv_.\n## Neu\nText\n\n- eins\n- [zwei](/b)\n  - drei\n\n1. a\n2. b\n\n<https://x.de>",
                base
            ),
            "Vorweg fett und kursiv.\n\nNeu\n\nText\n\n– eins\n– zwei (https://dias.example/b)\n  – drei\n\n1. a\n2. b\n\nhttps://x.de"
        );
        assert_eq!(to_mail_text("[a] b [c](d e)", base), "[a] b [c](d e)");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(to_plain_text("# Titel\n\n*a* `b`"), "Titel\na b");
    }
}
