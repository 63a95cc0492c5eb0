//! Links from the Breitband module to other modules of dias: a request for
//! advice („Beratung anfragen“) becomes an inquiry in the Anfragen module,
//! tagged Breitband and carrying the Gemeinde.
//!
//! A link is only built when the target module is registered (the caller
//! passes `Registry::has`), so an instance without Anfragen shows no dead
//! link; the advice page then shows the agency's contact instead. Every page
//! that offers advice builds its link here, so they agree on the target and
//! its parameters.

/// The name the Anfragen module registers under (issue 8).
pub const INQUIRY_MODULE: &str = "anfragen";
/// The Anfragen topic of broadband questions.
pub const INQUIRY_TOPIC: &str = "breitband";

/// The advice page, with the Gemeinde chosen when one is known: what the
/// Gemeinde page and the landing page link to.
pub fn advice_url(ags8: Option<&str>) -> String {
    match ags8.filter(|a| is_ags8(a)) {
        Some(ags8) => format!("/breitband/beratung?gemeinde={ags8}"),
        None => "/breitband/beratung".to_owned(),
    }
}

/// The new inquiry about broadband, or `None` when the Anfragen module is
/// missing. `present` says whether a module is registered
/// (`state.registry.has`); `ags8` is the Gemeinde the advice is for;
/// `context` the page's own local URL (path and query), attached so the
/// answer can refer to it. A context that is not a local path is left
/// out, never passed on; so is a Gemeinde that is not eight digits.
pub fn inquiry(
    present: impl Fn(&str) -> bool,
    ags8: Option<&str>,
    context: &str,
) -> Option<String> {
    present(INQUIRY_MODULE).then(|| inquiry_url(ags8, context))
}

/// `/anfragen/neu?thema=breitband&gemeinde=<ags8>&kontext=<context>`,
/// each value percent-encoded as one parameter.
pub fn inquiry_url(ags8: Option<&str>, context: &str) -> String {
    let local = context.starts_with('/')
        && !context.starts_with("//")
        && !context.contains(['\\', '\r', '\n']);
    let mut pairs = vec![("thema", INQUIRY_TOPIC)];
    if let Some(ags8) = ags8.filter(|a| is_ags8(a)) {
        pairs.push(("gemeinde", ags8));
    }
    if local {
        pairs.push(("kontext", context));
    }
    format!(
        "/anfragen/neu?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

fn is_ags8(value: &str) -> bool {
    value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inquiry_exists_only_with_the_anfragen_module() {
        assert_eq!(inquiry(|_| false, Some("14521010"), "/breitband"), None);
        assert_eq!(
            inquiry(|name| name == "breitband", Some("14521010"), "/breitband"),
            None
        );
        assert_eq!(
            inquiry(
                |name| name == INQUIRY_MODULE,
                Some("14521010"),
                "/breitband"
            )
            .as_deref(),
            Some("/anfragen/neu?thema=breitband&gemeinde=14521010&kontext=%2Fbreitband")
        );
    }

    #[test]
    fn the_inquiry_carries_topic_gemeinde_and_page_as_parameters() {
        let url = inquiry_url(Some("14521010"), "/breitband/beratung?gemeinde=14521010");
        assert_eq!(
            url,
            "/anfragen/neu?thema=breitband&gemeinde=14521010\
             &kontext=%2Fbreitband%2Fberatung%3Fgemeinde%3D14521010"
        );
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        assert_eq!(
            pairs[2],
            (
                "kontext".to_owned(),
                "/breitband/beratung?gemeinde=14521010".to_owned()
            )
        );
        // Without a Gemeinde the parameter is left out.
        assert_eq!(
            inquiry_url(None, "/breitband/beratung"),
            "/anfragen/neu?thema=breitband&kontext=%2Fbreitband%2Fberatung"
        );
    }

    #[test]
    fn foreign_contexts_and_malformed_gemeinden_are_dropped() {
        for context in ["https://example.org/", "//example.org", "", "/a\r\nb"] {
            assert_eq!(
                inquiry_url(None, context),
                "/anfragen/neu?thema=breitband",
                "{context:?}"
            );
        }
        for ags8 in ["14521", "1452101x", "14521010&x=1", ""] {
            assert_eq!(
                inquiry_url(Some(ags8), ""),
                "/anfragen/neu?thema=breitband",
                "{ags8:?}"
            );
            assert_eq!(advice_url(Some(ags8)), "/breitband/beratung", "{ags8:?}");
        }
        assert_eq!(
            advice_url(Some("14521010")),
            "/breitband/beratung?gemeinde=14521010"
        );
    }
}
