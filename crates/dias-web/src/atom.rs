//! A small Atom (RFC 4287) writer, shared by the feeds of the modules
//! (network posts, content news). Text constructs are plain text
//! (`type="text"`), escaped for XML; times are RFC 3339 in UTC; every URL
//! is absolute (see [`absolute`]), entry ids may be [`tag_uri`]s.

/// One entry of the feed.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// A permanent IRI, e.g. the post's absolute URL.
    pub id: String,
    pub title: String,
    pub updated: i64,
    pub published: i64,
    /// The absolute URL of the post page.
    pub link: String,
    pub summary: String,
    pub author: String,
    pub categories: Vec<(String, String)>,
}

#[derive(Debug, Clone, Default)]
pub struct Feed {
    pub id: String,
    pub title: String,
    pub subtitle: String,
    /// The feed's own URL (`rel="self"`).
    pub self_link: String,
    /// The HTML page the feed mirrors (`rel="alternate"`).
    pub html_link: String,
    /// Author of the feed, for entries without one.
    pub author: String,
    /// `xml:lang` of the feed, e.g. `de` (`de` when empty).
    pub lang: String,
    pub entries: Vec<Entry>,
}

/// `base` (the configured public URL) joined with a portal path.
pub fn absolute(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}

/// A `tag:` URI (RFC 4151) for an entry: stable across changes of the
/// scheme, port or path layout of the public URL. `https://dias.sachsen.de:8443/x`
/// with `2026` and `aktuelles:7` → `tag:dias.sachsen.de,2026:aktuelles:7`.
pub fn tag_uri(base: &str, year: &str, specific: &str) -> String {
    let host = base
        .split_once("://")
        .map_or(base, |(_, rest)| rest)
        .split(['/', ':', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let host = if host.is_empty() {
        "localhost".to_owned()
    } else {
        host
    };
    format!("tag:{host},{year}:{specific}")
}

/// Whether XML 1.0 allows the character (the `Char` production): tab,
/// line feed, carriage return, and U+0020–U+D7FF, U+E000–U+FFFD,
/// U+10000–U+10FFFF — not the other controls, nor U+FFFE/U+FFFF. Every
/// XML writer of the portal drops what this refuses.
pub fn xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
        || matches!(c, '\t' | '\n' | '\r')
}

/// Escapes text for XML element content and attribute values. Characters
/// XML 1.0 forbids ([`xml_char`]) are dropped.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if !xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn time(unix: i64) -> String {
    dias_core::time::format_rfc3339(unix)
}

/// The feed as an XML document. `updated` of the feed is the newest entry's,
/// or `fallback` for an empty feed.
pub fn render(feed: &Feed, fallback: i64) -> String {
    let updated = feed
        .entries
        .iter()
        .map(|e| e.updated)
        .max()
        .unwrap_or(fallback);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    let lang = if feed.lang.is_empty() {
        "de"
    } else {
        feed.lang.as_str()
    };
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        escape(lang)
    ));
    out.push_str(&format!("  <id>{}</id>\n", escape(&feed.id)));
    out.push_str(&format!(
        "  <title type=\"text\">{}</title>\n",
        escape(&feed.title)
    ));
    if !feed.subtitle.is_empty() {
        out.push_str(&format!(
            "  <subtitle type=\"text\">{}</subtitle>\n",
            escape(&feed.subtitle)
        ));
    }
    out.push_str(&format!("  <updated>{}</updated>\n", time(updated)));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(&feed.self_link)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(&feed.html_link)
    ));
    out.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&feed.author)
    ));
    out.push_str("  <generator>dias</generator>\n");
    for e in &feed.entries {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", escape(&e.id)));
        out.push_str(&format!(
            "    <title type=\"text\">{}</title>\n",
            escape(&e.title)
        ));
        out.push_str(&format!("    <updated>{}</updated>\n", time(e.updated)));
        out.push_str(&format!(
            "    <published>{}</published>\n",
            time(e.published)
        ));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&e.link)
        ));
        if !e.author.is_empty() {
            out.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(&e.author)
            ));
        }
        for (term, label) in &e.categories {
            out.push_str(&format!(
                "    <category term=\"{}\" label=\"{}\"/>\n",
                escape(term),
                escape(label)
            ));
        }
        out.push_str(&format!(
            "    <summary type=\"text\">{}</summary>\n",
            escape(&e.summary)
        ));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b>\"KI\" & 'Recht'</b>\u{1}"),
            "&lt;b&gt;&quot;KI&quot; &amp; &apos;Recht&apos;&lt;/b&gt;"
        );
    }

    #[test]
    fn drops_what_xml_forbids() {
        assert_eq!(escape("a\u{0}\u{8}\u{B}\u{1F}\u{FFFE}\u{FFFF}b"), "ab");
        assert_eq!(escape("\t\n\r\u{85}\u{FFFD}😀"), "\t\n\r\u{85}\u{FFFD}😀");
        assert!(!xml_char('\u{FFFE}'));
        assert!(xml_char('\u{10000}'));
        let feed = Feed {
            id: "urn:test".into(),
            title: "Titel\u{FFFF}".into(),
            entries: vec![Entry {
                title: "Eintrag\u{FFFE}\u{1}".into(),
                summary: "Text\u{FFFF}".into(),
                ..Entry::default()
            }],
            ..Feed::default()
        };
        let xml = render(&feed, 0);
        assert!(!xml.contains('\u{FFFE}') && !xml.contains('\u{FFFF}'));
        assert!(
            xml.contains("<title type=\"text\">Eintrag</title>"),
            "{xml}"
        );
    }

    #[test]
    fn feed_updated_is_the_newest_entry() {
        let feed = Feed {
            id: "urn:test".into(),
            title: "T".into(),
            entries: vec![
                Entry {
                    updated: 100,
                    ..Entry::default()
                },
                Entry {
                    updated: 3_600,
                    ..Entry::default()
                },
            ],
            ..Feed::default()
        };
        let xml = render(&feed, 0);
        assert!(xml.contains("<updated>1970-01-01T01:00:00Z</updated>\n  <link"));
        assert_eq!(xml.matches("<entry>").count(), 2);
        assert!(xml.contains("xml:lang=\"de\""));
    }

    #[test]
    fn ids_and_links_are_absolute() {
        assert_eq!(
            tag_uri("https://Dias.Sachsen.de:8443/portal", "2026", "aktuelles:7"),
            "tag:dias.sachsen.de,2026:aktuelles:7"
        );
        assert_eq!(
            absolute("https://dias.example/", "/aktuelles"),
            "https://dias.example/aktuelles"
        );
    }
}
