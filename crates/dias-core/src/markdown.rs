//! User Markdown → sanitized HTML. Raw HTML in the input is escaped by the
//! sanitizer's allow-list; links get `rel="noopener noreferrer nofollow"`.

use pulldown_cmark::{Options, Parser, html};

/// Renders Markdown to HTML that is safe to embed in a page.
pub fn render(markdown: &str) -> String {
    render_below(markdown, 0)
}

/// Like [`render`], for text placed under a heading of `level`: its
/// headings start one level below (`#` under an `<h2>` becomes `<h3>`,
/// capped at `<h6>`), so the page's outline stays in order.
pub fn render_below(markdown: &str, level: u8) -> String {
    use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};
    let shift = |h: HeadingLevel| {
        let n = (h as usize + usize::from(level)).min(6);
        HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
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
    fn plain_text_drops_markup() {
        assert_eq!(to_plain_text("# Titel\n\n*a* `b`"), "Titel\na b");
    }
}
