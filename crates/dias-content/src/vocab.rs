//! The content area's vocabularies: topics, publishing states, menu
//! placements, audiences, publication kinds and licences. Keys are stored;
//! labels come from the catalogues.

use dias_core::vocabulary;

vocabulary! {
    /// The agency's fields of work: topics of news, publications, contact
    /// points and newsletter subscriptions.
    Topic {
        Breitband = "breitband", "content-topic-breitband";
        Foerderung = "foerderung", "content-topic-foerderung";
        Ki = "ki", "content-topic-ki";
        Digitalstrategie = "digitalstrategie", "content-topic-digitalstrategie";
        Verwaltung = "verwaltung", "content-topic-verwaltung";
        Agentur = "agentur", "content-topic-agentur";
    }
}

impl Topic {
    /// The matching topic of the Anfragen form (`/anfragen/neu?thema=`).
    pub fn desk_topic(self) -> &'static str {
        match self {
            Topic::Breitband => "breitband",
            Topic::Foerderung => "foerderung",
            Topic::Ki => "ki",
            Topic::Digitalstrategie => "digitalstrategie",
            Topic::Verwaltung => "verwaltungsdigitalisierung",
            Topic::Agentur => "sonstiges",
        }
    }
}

/// Topics stored as a comma-separated list of keys: unknown keys dropped,
/// in the order of [`Topic::ALL`], no duplicates.
pub fn topics_from_csv(stored: &str) -> Vec<Topic> {
    Topic::ALL
        .iter()
        .copied()
        .filter(|t| stored.split(',').any(|k| k.trim() == t.key()))
        .collect()
}

pub fn topics_to_csv(topics: &[Topic]) -> String {
    Topic::ALL
        .iter()
        .copied()
        .filter(|t| topics.contains(t))
        .map(Topic::key)
        .collect::<Vec<_>>()
        .join(",")
}

vocabulary! {
    /// Whether a page, article or publication is a draft or published —
    /// live from its `publish_at` (see [`crate::publishing`]).
    Status {
        Draft = "draft", "content-status-draft";
        Published = "published", "content-status-published";
    }
}

vocabulary! {
    /// Where a page is linked besides under its parent.
    Menu {
        None = "none", "content-menu-none";
        Main = "main", "content-menu-main";
        Footer = "footer", "content-menu-footer";
        /// An entry point of one audience on the home page.
        Audience = "audience", "content-menu-audience";
    }
}

vocabulary! {
    /// The audiences of the home page's entry points (the keys are
    /// `dias_web::site::AUDIENCES`).
    Audience {
        Buerger = "buerger", "content-audience-buerger";
        Unternehmen = "unternehmen", "content-audience-unternehmen";
        Kommunen = "kommunen", "content-audience-kommunen";
        Ki = "ki", "content-audience-ki";
    }
}

vocabulary! {
    /// Kinds of publications.
    PublicationKind {
        Studie = "studie", "content-kind-studie";
        Bericht = "bericht", "content-kind-bericht";
        Positionspapier = "positionspapier", "content-kind-positionspapier";
        Leitfaden = "leitfaden", "content-kind-leitfaden";
        Stellungnahme = "stellungnahme", "content-kind-stellungnahme";
    }
}

vocabulary! {
    /// Licences a publication may carry.
    Licence {
        CcBy40 = "cc-by-4.0", "content-licence-cc-by";
        CcBySa40 = "cc-by-sa-4.0", "content-licence-cc-by-sa";
        Cc0 = "cc0-1.0", "content-licence-cc0";
        DlDeBy20 = "dl-de-by-2.0", "content-licence-dl-by";
        DlDeZero20 = "dl-de-zero-2.0", "content-licence-dl-zero";
        /// All rights reserved: to be read, not reused.
        Proprietary = "alle-rechte-vorbehalten", "content-licence-proprietary";
    }
}

impl Licence {
    /// The licence's URI in the DCAT-AP.de licence vocabulary.
    pub fn dcat_uri(self) -> &'static str {
        match self {
            Licence::CcBy40 => "http://dcat-ap.de/def/licenses/cc-by/4.0",
            Licence::CcBySa40 => "http://dcat-ap.de/def/licenses/cc-by-sa/4.0",
            Licence::Cc0 => "http://dcat-ap.de/def/licenses/cc-zero",
            Licence::DlDeBy20 => "http://dcat-ap.de/def/licenses/dl-by-de/2.0",
            Licence::DlDeZero20 => "http://dcat-ap.de/def/licenses/dl-zero-de/2.0",
            Licence::Proprietary => "http://dcat-ap.de/def/licenses/other-closed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn audiences_match_the_shell() {
        let keys: Vec<_> = Audience::ALL.iter().map(|a| a.key()).collect();
        assert_eq!(keys, dias_web::site::AUDIENCES);
    }

    #[test]
    fn topics_are_stored_in_a_fixed_order_without_unknown_keys() {
        let topics = topics_from_csv("ki, unbekannt,breitband,ki");
        assert_eq!(topics, vec![Topic::Breitband, Topic::Ki]);
        assert_eq!(topics_to_csv(&topics), "breitband,ki");
        assert!(topics_from_csv("").is_empty());
    }
}
