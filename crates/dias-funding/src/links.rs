//! Links from the Förderlotse to other modules of dias: the Breitband
//! module for municipalities, „Frage stellen“ as an inquiry in the Anfragen
//! module, and the advice offers of the Digitalagentur itself.
//!
//! A link is only built when the target module is registered (the caller
//! passes `Registry::has`), so an instance without Breitband or Anfragen
//! shows no dead links. The check, search and offer pages all build their
//! links here, so they agree on the targets and parameters.

use crate::offer::Offer;

/// The name the Breitband module registers under (issue 7).
pub const BROADBAND_MODULE: &str = "breitband";
/// The name the Anfragen module registers under (issue 8).
pub const INQUIRY_MODULE: &str = "anfragen";
/// The funder of the Digitalagentur's own offers in the catalogue.
pub const DIAS_FUNDER: &str = "Digitalagentur Sachsen";

/// Links to other modules for one page; `None` where the module is
/// missing or the link does not apply.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleLinks {
    /// Broadband funding, for municipalities only.
    pub broadband: Option<String>,
    /// A new inquiry about funding that carries the page it was asked from.
    pub inquiry: Option<String>,
}

/// The links of a page. `present` says whether a module is registered
/// (`state.registry.has`); `for_municipalities` whether the page is about
/// municipalities (the check's „Kommune“, a search filtered to Kommunen, an
/// offer for them); `context` is the page's own local URL (path and
/// query), attached to the inquiry so the answer can refer to it. A
/// context that is not a local path is left out, never passed on.
pub fn module_links(
    present: impl Fn(&str) -> bool,
    for_municipalities: bool,
    context: &str,
) -> ModuleLinks {
    ModuleLinks {
        broadband: (for_municipalities && present(BROADBAND_MODULE))
            .then(|| "/breitband".to_owned()),
        inquiry: present(INQUIRY_MODULE).then(|| inquiry_url(context)),
    }
}

/// `/anfragen/neu?thema=foerderung&kontext=<context>`, the context
/// percent-encoded as one parameter.
pub fn inquiry_url(context: &str) -> String {
    let local = context.starts_with('/')
        && !context.starts_with("//")
        && !context.contains(['\\', '\r', '\n']);
    let mut pairs = vec![("thema", "foerderung")];
    if local {
        pairs.push(("kontext", context));
    }
    format!(
        "/anfragen/neu?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}

/// Whether the offer is one of the Digitalagentur's own.
pub fn is_dias_offer(offer: &Offer) -> bool {
    offer.funder.trim() == DIAS_FUNDER
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(_: &str) -> bool {
        true
    }

    fn none(_: &str) -> bool {
        false
    }

    #[test]
    fn links_appear_only_for_registered_modules() {
        let context = "/foerderung/check?wer=kommune&kreis=14626";
        assert_eq!(module_links(none, true, context), ModuleLinks::default());
        let only_anfragen = |name: &str| name == INQUIRY_MODULE;
        let links = module_links(only_anfragen, true, context);
        assert_eq!(links.broadband, None);
        assert!(links.inquiry.is_some());
        let only_breitband = |name: &str| name == BROADBAND_MODULE;
        let links = module_links(only_breitband, true, context);
        assert_eq!(links.broadband.as_deref(), Some("/breitband"));
        assert_eq!(links.inquiry, None);
    }

    #[test]
    fn broadband_is_offered_to_municipalities_only() {
        assert_eq!(module_links(all, false, "/foerderung").broadband, None);
        assert_eq!(
            module_links(all, true, "/foerderung").broadband.as_deref(),
            Some("/breitband")
        );
    }

    #[test]
    fn the_inquiry_carries_the_page_as_one_encoded_parameter() {
        let links = module_links(
            all,
            false,
            "/foerderung/check?wer=unternehmen&kreis=14521&thema=digitalisierung",
        );
        assert_eq!(
            links.inquiry.as_deref(),
            Some(
                "/anfragen/neu?thema=foerderung&kontext=%2Ffoerderung%2Fcheck%3Fwer%3Dunternehmen\
                 %26kreis%3D14521%26thema%3Ddigitalisierung"
            )
        );
        // Decoding gives the page back.
        let url = links.inquiry.unwrap_or_default();
        let query = url.split_once('?').map(|(_, q)| q).unwrap_or_default();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).unwrap_or_default();
        assert_eq!(
            pairs[1],
            (
                "kontext".to_owned(),
                "/foerderung/check?wer=unternehmen&kreis=14521&thema=digitalisierung".to_owned()
            )
        );
        assert_eq!(
            inquiry_url("/foerderung?q=F%C3%B6rderung+KI"),
            "/anfragen/neu?thema=foerderung&kontext=%2Ffoerderung%3Fq%3DF%25C3%25B6rderung%2BKI"
        );
    }

    #[test]
    fn a_context_that_is_not_a_local_path_is_dropped() {
        for context in [
            "https://example.org/",
            "//example.org",
            "",
            "/a\r\nb",
            "javascript:x",
        ] {
            assert_eq!(
                inquiry_url(context),
                "/anfragen/neu?thema=foerderung",
                "{context:?}"
            );
        }
    }

    #[test]
    fn the_catalogue_has_advice_offers_of_the_digitalagentur() {
        let offers = crate::catalogue::load()
            .map(|r| r.offers)
            .unwrap_or_default();
        let own: Vec<&str> = offers
            .iter()
            .filter(|o| is_dias_offer(o))
            .map(|o| o.slug.as_str())
            .collect();
        assert!(own.contains(&"dias-foerdermittelsprechstunde"), "{own:?}");
        assert!(!own.contains(&"digi-z"));
    }
}
