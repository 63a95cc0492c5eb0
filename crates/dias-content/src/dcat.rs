//! DCAT-AP.de metadata of the publications, written by hand from plain
//! data (no database here): one `dcat:Catalog`, one `dcat:Dataset` per
//! live publication with one `dcat:Distribution` (its PDF).
//!
//! Both serialisations come from the same graph ([`Catalog::graph`]): every
//! resource with an IRI becomes a subject of its own, blank nodes (the
//! publisher and the authors as `foaf:Agent`) are written inline. Text is
//! escaped for its format ([`xml_escape`], [`turtle_string`]); characters
//! XML 1.0 cannot carry are dropped; IRIs are percent-encoded where they
//! hold characters no IRI may contain ([`iri`]).

use std::fmt::Write as _;

/// Namespaces used, with their prefixes (also declared in both outputs).
pub const PREFIXES: [(&str, &str); 7] = [
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("dcatde", "http://dcat-ap.de/def/dcatde/"),
    ("dcatap", "http://data.europa.eu/r5r/"),
];

/// The political geocoding level of the agency's data: the state.
pub const GEOCODING_LEVEL_STATE: &str = "http://dcat-ap.de/def/politicalGeocoding/Level/state";
/// Saxony in the political geocoding vocabulary (state key 14).
pub const GEOCODING_SACHSEN: &str = "http://dcat-ap.de/def/politicalGeocoding/stateKey/14";
/// The data provider (`dcatde:contributorID`): the Free State of Saxony's
/// entry in the DCAT-AP.de contributor list.
pub const CONTRIBUTOR_SACHSEN: &str = "http://dcat-ap.de/def/contributors/landSachsen";
pub const MEDIA_TYPE_PDF: &str = "http://www.iana.org/assignments/media-types/application/pdf";
pub const FILE_TYPE_PDF: &str = "http://publications.europa.eu/resource/authority/file-type/PDF";
/// The EU data theme vocabulary (`dcat:theme`).
pub const DATA_THEME: &str = "http://publications.europa.eu/resource/authority/data-theme/";
/// The EU language vocabulary (`dct:language`).
pub const LANGUAGE: &str = "http://publications.europa.eu/resource/authority/language/";

/// The catalogue as plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    pub uri: String,
    pub title: String,
    pub description: String,
    pub publisher: String,
    pub homepage: String,
    /// ISO 639-1 code of the catalogue's language.
    pub language: String,
    /// Unix seconds.
    pub modified: i64,
    pub datasets: Vec<Dataset>,
}

/// One publication as a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    pub uri: String,
    pub identifier: String,
    pub title: String,
    pub description: String,
    /// ISO 639-1 code of the publication's language.
    pub language: String,
    pub issued: i64,
    pub modified: i64,
    pub publisher: String,
    pub creators: Vec<String>,
    pub keywords: Vec<String>,
    /// ISO 639-1 code of the keywords (topic labels of the portal, which
    /// may differ from the publication's language).
    pub keywords_language: String,
    /// Codes of the EU data theme vocabulary (`TECH`, `GOVE`, …).
    pub themes: Vec<String>,
    pub landing_page: String,
    pub distribution: Distribution,
}

/// A dataset's PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Distribution {
    pub uri: String,
    pub title: String,
    /// The stable download URL (also the access URL).
    pub download_url: String,
    pub byte_size: i64,
    /// The licence's URI (`Licence::dcat_uri`).
    pub licence: String,
    pub modified: i64,
}

/// A prefixed name (`("dct", "title")`).
type Term = (&'static str, &'static str);

/// The value of a property.
#[derive(Debug, Clone)]
enum Value {
    Iri(String),
    /// A literal with an optional language tag.
    Text(String, Option<String>),
    /// A literal typed with an XSD datatype (local name).
    Typed(String, &'static str),
    Node(Node),
}

/// A resource: an IRI or a blank node, its class and its properties.
#[derive(Debug, Clone)]
struct Node {
    iri: Option<String>,
    class: Term,
    props: Vec<(Term, Value)>,
}

fn text(value: &str) -> Value {
    Value::Text(value.to_owned(), None)
}

fn date_time(unix: i64) -> Value {
    Value::Typed(dias_core::time::format_rfc3339(unix), "dateTime")
}

fn agent(name: &str) -> Value {
    Value::Node(Node {
        iri: None,
        class: ("foaf", "Agent"),
        props: vec![(("foaf", "name"), text(name))],
    })
}

/// A language code as an IRI of the EU language vocabulary.
pub fn language_uri(code: &str) -> String {
    let code = match code {
        "en" => "ENG",
        "fr" => "FRA",
        "pl" => "POL",
        "cs" => "CES",
        _ => "DEU",
    };
    format!("{LANGUAGE}{code}")
}

/// A tag for literals: only plain language codes are used, else none.
fn lang_tag(code: &str) -> Option<String> {
    (!code.is_empty() && code.len() <= 8 && code.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| code.to_ascii_lowercase())
}

impl Dataset {
    fn node(&self) -> Node {
        let lang = lang_tag(&self.language);
        let in_lang = |s: &str| Value::Text(s.to_owned(), lang.clone());
        let mut props = vec![
            (("dct", "title"), in_lang(&self.title)),
            (("dct", "description"), in_lang(&self.description)),
            (("dct", "identifier"), text(&self.identifier)),
            (("dct", "issued"), date_time(self.issued)),
            (("dct", "modified"), date_time(self.modified)),
            (("dct", "publisher"), agent(&self.publisher)),
        ];
        props.extend(self.creators.iter().map(|c| (("dct", "creator"), agent(c))));
        let keyword_lang = lang_tag(&self.keywords_language);
        props.extend(self.keywords.iter().map(|k| {
            (
                ("dcat", "keyword"),
                Value::Text(k.clone(), keyword_lang.clone()),
            )
        }));
        props.extend(
            self.themes
                .iter()
                .map(|t| (("dcat", "theme"), Value::Iri(format!("{DATA_THEME}{t}")))),
        );
        props.extend([
            (
                ("dct", "language"),
                Value::Iri(language_uri(&self.language)),
            ),
            (
                ("dcatde", "contributorID"),
                Value::Iri(CONTRIBUTOR_SACHSEN.into()),
            ),
            (
                ("dcatde", "politicalGeocodingLevelURI"),
                Value::Iri(GEOCODING_LEVEL_STATE.into()),
            ),
            (
                ("dcatde", "politicalGeocodingURI"),
                Value::Iri(GEOCODING_SACHSEN.into()),
            ),
            (
                ("dcat", "landingPage"),
                Value::Iri(self.landing_page.clone()),
            ),
            (
                ("dcat", "distribution"),
                Value::Node(self.distribution.node(lang.as_deref())),
            ),
        ]);
        Node {
            iri: Some(self.uri.clone()),
            class: ("dcat", "Dataset"),
            props,
        }
    }
}

impl Distribution {
    fn node(&self, lang: Option<&str>) -> Node {
        Node {
            iri: Some(self.uri.clone()),
            class: ("dcat", "Distribution"),
            props: vec![
                (
                    ("dct", "title"),
                    Value::Text(self.title.clone(), lang.map(str::to_owned)),
                ),
                (("dcat", "accessURL"), Value::Iri(self.download_url.clone())),
                (
                    ("dcat", "downloadURL"),
                    Value::Iri(self.download_url.clone()),
                ),
                (("dcat", "mediaType"), Value::Iri(MEDIA_TYPE_PDF.into())),
                (("dct", "format"), Value::Iri(FILE_TYPE_PDF.into())),
                (
                    ("dcat", "byteSize"),
                    Value::Typed(self.byte_size.to_string(), "decimal"),
                ),
                (("dct", "license"), Value::Iri(self.licence.clone())),
                (("dct", "modified"), date_time(self.modified)),
            ],
        }
    }
}

impl Catalog {
    /// The catalogue as a tree of nodes.
    fn graph(&self) -> Node {
        let lang = lang_tag(&self.language);
        let mut props = vec![
            (
                ("dct", "title"),
                Value::Text(self.title.clone(), lang.clone()),
            ),
            (
                ("dct", "description"),
                Value::Text(self.description.clone(), lang.clone()),
            ),
            (("dct", "publisher"), agent(&self.publisher)),
            (
                ("dct", "language"),
                Value::Iri(language_uri(&self.language)),
            ),
            (("foaf", "homepage"), Value::Iri(self.homepage.clone())),
            (("dct", "modified"), date_time(self.modified)),
        ];
        props.extend(
            self.datasets
                .iter()
                .map(|d| (("dcat", "dataset"), Value::Node(d.node()))),
        );
        Node {
            iri: Some(self.uri.clone()),
            class: ("dcat", "Catalog"),
            props,
        }
    }

    /// Subjects with an IRI in document order: the catalogue, then each
    /// dataset followed by its distribution. Their nested IRI nodes are
    /// replaced by references.
    fn subjects(&self) -> Vec<Node> {
        let mut out = Vec::new();
        flatten(self.graph(), &mut out);
        out
    }

    /// RDF/XML (`application/rdf+xml`).
    pub fn to_rdf_xml(&self) -> String {
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rdf:RDF");
        for (prefix, ns) in PREFIXES {
            let _ = write!(out, "\n    xmlns:{prefix}=\"{}\"", xml_escape(ns));
        }
        out.push_str(">\n");
        for node in self.subjects() {
            xml_node(&mut out, &node, 1);
        }
        out.push_str("</rdf:RDF>\n");
        out
    }

    /// Turtle (`text/turtle`).
    pub fn to_turtle(&self) -> String {
        let mut out = String::new();
        for (prefix, ns) in PREFIXES {
            let _ = writeln!(out, "@prefix {prefix}: <{}> .", iri(ns));
        }
        for node in self.subjects() {
            out.push('\n');
            let subject = node.iri.as_deref().unwrap_or_default();
            let _ = write!(out, "<{}>", iri(subject));
            turtle_props(&mut out, &node, 1);
            out.push_str(" .\n");
        }
        out
    }
}

/// Moves every node with an IRI out of the tree (depth first, parents
/// before children), leaving an IRI reference in its place.
fn flatten(mut node: Node, out: &mut Vec<Node>) {
    let mut children = Vec::new();
    for (_, value) in node.props.iter_mut() {
        take_children(value, &mut children);
    }
    out.push(node);
    for child in children {
        flatten(child, out);
    }
}

fn take_children(value: &mut Value, children: &mut Vec<Node>) {
    if let Value::Node(inner) = value {
        if let Some(iri) = inner.iri.clone() {
            let Value::Node(taken) = std::mem::replace(value, Value::Iri(iri)) else {
                return;
            };
            children.push(taken);
        } else {
            for (_, v) in inner.props.iter_mut() {
                take_children(v, children);
            }
        }
    }
}

// ------------------------------------------------------------------ RDF/XML

/// Text for XML character data and attribute values: markup characters
/// as entities, line breaks and tabs as character references (so attribute
/// normalisation keeps them), characters XML 1.0 forbids dropped.
pub fn xml_escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !dias_web::atom::xml_char(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

fn xml_node(out: &mut String, node: &Node, depth: usize) {
    let (prefix, local) = node.class;
    indent(out, depth);
    let _ = write!(out, "<{prefix}:{local}");
    if let Some(about) = &node.iri {
        let _ = write!(out, " rdf:about=\"{}\"", xml_escape(&iri(about)));
    }
    out.push_str(">\n");
    for ((p, l), value) in &node.props {
        indent(out, depth + 1);
        match value {
            Value::Iri(target) => {
                let _ = writeln!(
                    out,
                    "<{p}:{l} rdf:resource=\"{}\"/>",
                    xml_escape(&iri(target))
                );
            }
            Value::Text(s, lang) => {
                let lang = lang
                    .as_deref()
                    .map(|t| format!(" xml:lang=\"{t}\""))
                    .unwrap_or_default();
                let _ = writeln!(out, "<{p}:{l}{lang}>{}</{p}:{l}>", xml_escape(s));
            }
            Value::Typed(s, datatype) => {
                let _ = writeln!(
                    out,
                    "<{p}:{l} rdf:datatype=\"http://www.w3.org/2001/XMLSchema#{datatype}\">{}</{p}:{l}>",
                    xml_escape(s)
                );
            }
            Value::Node(inner) => {
                let _ = writeln!(out, "<{p}:{l}>");
                xml_node(out, inner, depth + 2);
                indent(out, depth + 1);
                let _ = writeln!(out, "</{p}:{l}>");
            }
        }
    }
    indent(out, depth);
    let _ = writeln!(out, "</{prefix}:{local}>");
}

// ------------------------------------------------------------------- Turtle

/// A quoted Turtle string: backslash, quote and line breaks escaped,
/// other control characters as `\uXXXX`.
pub fn turtle_string(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An IRI with the characters no IRI may hold (space, `<>"{}|\^` and the
/// backtick, controls) percent-encoded; everything else as given.
pub fn iri(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        if c.is_control() || c.is_whitespace() || "<>\"{}|\\^`".contains(c) {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn turtle_value(out: &mut String, value: &Value, depth: usize) {
    match value {
        Value::Iri(target) => {
            let _ = write!(out, "<{}>", iri(target));
        }
        Value::Text(s, lang) => {
            out.push_str(&turtle_string(s));
            if let Some(tag) = lang {
                let _ = write!(out, "@{tag}");
            }
        }
        Value::Typed(s, datatype) => {
            let _ = write!(out, "{}^^xsd:{datatype}", turtle_string(s));
        }
        Value::Node(inner) => {
            out.push('[');
            turtle_props(out, inner, depth + 1);
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
    }
}

/// ` a class ;\n  p o ;\n  …` (no final dot).
fn turtle_props(out: &mut String, node: &Node, depth: usize) {
    let (prefix, local) = node.class;
    let _ = write!(out, " a {prefix}:{local}");
    for ((p, l), value) in &node.props {
        out.push_str(" ;\n");
        indent(out, depth);
        let _ = write!(out, "{p}:{l} ");
        turtle_value(out, value, depth);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Catalog {
        Catalog {
            uri: "https://dias.example/api/v1/publikationen/katalog".into(),
            title: "Publikationen der Digitalagentur Sachsen".into(),
            description: "Studien & Berichte".into(),
            publisher: "Digitalagentur Sachsen".into(),
            homepage: "https://dias.example/".into(),
            language: "de".into(),
            modified: 1_796_126_400,
            datasets: vec![Dataset {
                uri: "https://dias.example/publikationen/ki-studie#datensatz".into(),
                identifier: "https://dias.example/publikationen/ki-studie".into(),
                title: "KI-Studie \"Sachsen\" <2026> & mehr".into(),
                description: "Zeile 1\nZeile 2\t\\ 'x' \u{1}\u{7f}".into(),
                language: "de".into(),
                issued: 1_782_907_200,
                modified: 1_796_126_400,
                publisher: "Digitalagentur Sachsen".into(),
                creators: vec!["Erika Muster".into(), "Max O'Neil".into()],
                keywords: vec!["Künstliche Intelligenz".into()],
                keywords_language: "de".into(),
                themes: vec!["TECH".into(), "GOVE".into()],
                landing_page: "https://dias.example/publikationen/ki-studie".into(),
                distribution: Distribution {
                    uri: "https://dias.example/publikationen/ki-studie/pdf#verteilung".into(),
                    title: "KI-Studie (PDF)".into(),
                    download_url: "https://dias.example/publikationen/ki-studie/pdf".into(),
                    byte_size: 12345,
                    licence: "http://dcat-ap.de/def/licenses/cc-by/4.0".into(),
                    modified: 1_796_126_400,
                },
            }],
        }
    }

    #[test]
    fn xml_escaping_keeps_markup_out_and_drops_forbidden_characters() {
        assert_eq!(
            xml_escape("a<b>&\"c'\n\u{1}\u{fffe}ä"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;ä"
        );
    }

    #[test]
    fn turtle_strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(
            turtle_string("Er sagte \"ja\"\\\n\u{1}ü"),
            "\"Er sagte \\\"ja\\\"\\\\\\n\\u0001ü\""
        );
    }

    #[test]
    fn iris_lose_characters_no_iri_may_hold() {
        assert_eq!(
            iri("https://x.example/a b<c>\"ä"),
            "https://x.example/a%20b%3Cc%3E%22ä"
        );
    }

    #[test]
    fn rdf_xml_names_catalog_dataset_and_distribution_once_each() {
        let xml = sample().to_rdf_xml();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
        assert_eq!(xml.matches("<dcat:Catalog rdf:about=").count(), 1);
        assert_eq!(xml.matches("<dcat:Dataset rdf:about=").count(), 1);
        assert_eq!(xml.matches("<dcat:Distribution rdf:about=").count(), 1);
        assert!(xml.contains(
            "<dcat:dataset rdf:resource=\"https://dias.example/publikationen/ki-studie#datensatz\"/>"
        ));
        assert!(xml.contains(
            "<dct:title xml:lang=\"de\">KI-Studie &quot;Sachsen&quot; &lt;2026&gt; &amp; mehr</dct:title>"
        ));
        assert!(xml.contains("Zeile 1&#10;Zeile 2&#9;\\ &apos;x&apos; \u{7f}</dct:description>"));
        assert!(xml.contains(
            "<dcat:byteSize rdf:datatype=\"http://www.w3.org/2001/XMLSchema#decimal\">12345</dcat:byteSize>"
        ));
        assert!(xml.contains(
            "<dct:issued rdf:datatype=\"http://www.w3.org/2001/XMLSchema#dateTime\">2026-07-01T12:00:00Z</dct:issued>"
        ));
        assert!(
            xml.contains(
                "<dct:license rdf:resource=\"http://dcat-ap.de/def/licenses/cc-by/4.0\"/>"
            )
        );
        assert!(xml.contains("<foaf:name>Max O&apos;Neil</foaf:name>"));
    }

    #[test]
    fn turtle_has_one_block_per_resource_and_inline_agents() {
        let ttl = sample().to_turtle();
        assert!(ttl.contains("@prefix dcat: <http://www.w3.org/ns/dcat#> ."));
        assert!(
            ttl.contains("<https://dias.example/api/v1/publikationen/katalog> a dcat:Catalog ;")
        );
        assert!(
            ttl.contains(
                "<https://dias.example/publikationen/ki-studie#datensatz> a dcat:Dataset ;"
            )
        );
        assert!(ttl.contains("dct:title \"KI-Studie \\\"Sachsen\\\" <2026> & mehr\"@de"));
        assert!(ttl.contains("\"Zeile 1\\nZeile 2\\t\\\\ 'x' \\u0001\\u007F\"@de"));
        assert!(ttl.contains("dct:creator [ a foaf:Agent ;"));
        assert!(ttl.contains("dcat:byteSize \"12345\"^^xsd:decimal"));
        assert!(ttl.contains(
            "dcat:theme <http://publications.europa.eu/resource/authority/data-theme/TECH>"
        ));
        assert_eq!(ttl.matches(" a dcat:Distribution ;").count(), 1);
    }

    #[test]
    fn an_empty_catalog_is_still_a_catalog() {
        let mut empty = sample();
        empty.datasets.clear();
        assert!(!empty.to_rdf_xml().contains("dcat:Dataset"));
        assert!(empty.to_turtle().contains("a dcat:Catalog"));
        assert_eq!(language_uri("en"), format!("{LANGUAGE}ENG"));
        assert_eq!(language_uri("de"), format!("{LANGUAGE}DEU"));
    }
}
