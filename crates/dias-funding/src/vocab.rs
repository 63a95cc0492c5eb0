//! The controlled vocabularies of an offer.
//!
//! Every term has three names: a **slug** (lower-case ASCII, stable; stored,
//! exchanged and used in URLs — it never changes once published), a
//! **German label** (what the UI shows; the same text is the German value of
//! the term's Fluent message, so search documents can be built without a
//! catalogue) and, where one exists, the term's name in an **external code
//! list**, so that files from other systems can be read:
//!
//! | vocabulary | external list | what `external()` holds |
//! |---|---|---|
//! | [`FundingType`] (Förderart) | Förderdatenbank des Bundes, facet „Förderart“ | the facet's label |
//! | [`FundingArea`] (Förderbereich) | Förderdatenbank, facet „Förderbereich“ | the facet's label (level 1 only) |
//! | [`EligibleGroup`] (Förderberechtigte) | Förderdatenbank, facet „Förderberechtigte“ | the facet's label |
//! | [`FunderLevel`] (Fördergeber-Ebene) | Förderdatenbank, facet „Fördergeber“ | the facet's label |
//! | [`CompanySize`] (Unternehmensgröße) | EU-Empfehlung 2003/361/EG (KMU-Definition) | the size class |
//! | [`Industry`] (Branche) | WZ 2008 (Destatis), Abschnitte | the section letter `A`–`U` |
//! | [`Region`] (Fördergebiet) | NUTS (Eurostat) and AGS (Destatis) | NUTS code, see [`Region::nuts`] |
//!
//! The module spec asks for alignment with the XÖV code lists behind the
//! Förderdatenbank's facets (*Finanzierungsform*, *Förderbereich*,
//! *Fördernehmende*). Their **key values could not be checked** when this
//! module was written (no copy of the code lists was at hand), so no XÖV key
//! is recorded here. `external()` carries the label the Förderdatenbank's
//! search shows for the facet, as far as we know it; these labels, too, were
//! not compared with a code list file. The importer accepts a slug, the
//! German label or that external label, so a record written in the
//! Förderdatenbank's wording still reads. When the code lists are available,
//! their keys belong in a new column next to `external()` — the slugs stay
//! as they are.

use std::fmt;

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

/// What every vocabulary offers, so exchange, validation and the check can
/// treat them alike.
pub trait Term: Copy + Eq + Ord + fmt::Debug + 'static {
    /// The vocabulary's German name (for messages and the schema document).
    const NAME: &'static str;
    /// Every term in display order.
    const ALL: &'static [Self];
    fn slug(self) -> &'static str;
    fn label_de(self) -> &'static str;
    /// The Fluent message id of the label.
    fn message_id(self) -> &'static str;
    /// The term's name in the external code list (see the module docs).
    fn external(self) -> Option<&'static str>;

    /// The term of a slug.
    fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.slug() == slug)
    }

    /// The term of a slug, a German label or an external name (labels
    /// compared without regard to case) — what an importer needs.
    fn lookup(value: &str) -> Option<Self> {
        let value = value.trim();
        Self::from_slug(value).or_else(|| {
            let lower = value.to_lowercase();
            Self::ALL.iter().copied().find(|t| {
                t.label_de().to_lowercase() == lower
                    || t.external().is_some_and(|e| e.to_lowercase() == lower)
            })
        })
    }
}

/// Serde for terms: the slug on the way out, slug or label on the way in.
fn deserialize_term<'de, D: Deserializer<'de>, T: Term>(deserializer: D) -> Result<T, D::Error> {
    let value = String::deserialize(deserializer)?;
    T::lookup(&value)
        .ok_or_else(|| de::Error::custom(format!("unbekannter Wert „{value}“ für {}", T::NAME)))
}

macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        $name:ident, $german:literal, $prefix:literal {
            $( $(#[$vmeta:meta])* $variant:ident = ($slug:literal, $label:literal, $external:expr) ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant ),+
        }

        impl Term for $name {
            const NAME: &'static str = $german;
            const ALL: &'static [Self] = &[$($name::$variant),+];
            fn slug(self) -> &'static str {
                match self { $($name::$variant => $slug),+ }
            }
            fn label_de(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
            fn message_id(self) -> &'static str {
                match self { $($name::$variant => concat!($prefix, "-", $slug)),+ }
            }
            fn external(self) -> Option<&'static str> {
                match self { $($name::$variant => $external),+ }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.slug())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_term(deserializer)
            }
        }
    };
}

vocabulary! {
    /// Angebotsart: what kind of help an offer is.
    OfferType, "Angebotsart", "funding-offer-type" {
        Programme = ("foerderprogramm", "Förderprogramm", None),
        Advice = ("beratungsangebot", "Beratungsangebot", None),
        Network = ("netzwerk", "Netzwerk/Anlaufstelle", None),
        Qualification = ("qualifizierung", "Qualifizierung/Veranstaltung", None),
    }
}

vocabulary! {
    /// Förderart: the financial form of the support.
    FundingType, "Förderart", "funding-type" {
        Grant = ("zuschuss", "Zuschuss", Some("Zuschuss")),
        Loan = ("darlehen", "Darlehen", Some("Darlehen")),
        Surety = ("buergschaft", "Bürgschaft", Some("Bürgschaft")),
        Guarantee = ("garantie", "Garantie", Some("Garantie")),
        Equity = ("beteiligung", "Beteiligung", Some("Beteiligung")),
        /// Free or subsidised advice; the Förderdatenbank files it under
        /// „Sonstige“ with the Förderbereich „Beratung“, so no external label.
        Advice = ("beratung", "Beratung", None),
        Prize = ("preis", "Preis/Wettbewerb", None),
        Other = ("sonstige", "Sonstige", Some("Sonstige")),
    }
}

vocabulary! {
    /// Förderbereich in two levels: the Förderdatenbank's areas (level 1)
    /// and dias's finer themes below them (level 2, see
    /// [`FundingArea::parent`]). Only level-1 terms have an external label.
    FundingArea, "Förderbereich", "funding-area" {
        Digitalisation = ("digitalisierung", "Digitalisierung", Some("Digitalisierung")),
        DigitalProcesses = ("digitale-prozesse", "Digitale Prozesse und Geschäftsmodelle", None),
        ItSecurity = ("it-sicherheit", "IT-Sicherheit", None),
        ArtificialIntelligence = ("kuenstliche-intelligenz", "Künstliche Intelligenz", None),
        DataCloud = ("daten-cloud", "Daten und Cloud", None),
        ECommerce = ("e-commerce", "Online-Handel und Online-Marketing", None),
        Advice = ("beratung", "Beratung", Some("Beratung")),
        DigitalAdvice = ("digitalberatung", "Digitalisierungsberatung", None),
        FundingAdvice = ("foerdermittelberatung", "Fördermittelberatung", None),
        BusinessAdvice = ("unternehmensberatung", "Unternehmensberatung", None),
        ResearchInnovation = ("forschung-innovation", "Forschung und Innovation", Some("Forschung & Innovation (themenoffen)")),
        RdProjects = ("fue-projekte", "Forschungs- und Entwicklungsprojekte", None),
        TechnologyTransfer = ("technologietransfer", "Technologietransfer", None),
        InnovationSpaces = ("innovationsraeume", "Innovations- und Experimentierräume", None),
        StartUp = ("existenzgruendung", "Existenzgründung und -festigung", Some("Existenzgründung & -festigung")),
        Founding = ("gruendung", "Gründung", None),
        Growth = ("wachstum", "Wachstum und Festigung", None),
        Succession = ("nachfolge", "Unternehmensnachfolge", None),
        Infrastructure = ("infrastruktur", "Infrastruktur", Some("Infrastruktur")),
        Broadband = ("breitband", "Breitband und Gigabit", None),
        MobileNetwork = ("mobilfunk", "Mobilfunk", None),
        Training = ("aus-weiterbildung", "Aus- und Weiterbildung", Some("Aus- & Weiterbildung")),
        DigitalSkills = ("digitale-kompetenzen", "Digitale Kompetenzen", None),
        SkilledWorkers = ("fachkraefte", "Fachkräfte und Ausbildung", None),
        Energy = ("energieeffizienz", "Energieeffizienz und erneuerbare Energien", Some("Energieeffizienz & Erneuerbare Energien")),
        EnergySaving = ("energieeinsparung", "Energieeinsparung im Betrieb", None),
        Environment = ("umwelt", "Umwelt- und Naturschutz", Some("Umwelt- & Naturschutz")),
        ResourceEfficiency = ("ressourceneffizienz", "Ressourceneffizienz", None),
        Financing = ("unternehmensfinanzierung", "Unternehmensfinanzierung", Some("Unternehmensfinanzierung")),
        Investment = ("investitionen", "Investitionen", None),
        WorkingCapital = ("betriebsmittel", "Betriebsmittel", None),
        VentureCapital = ("wagniskapital", "Wagniskapital", None),
        SmartRegions = ("smart-cities", "Smart Cities und Regionen", Some("Smart Cities & Regionen")),
        DigitalAdministration = ("digitale-verwaltung", "Digitale Verwaltung", None),
        SmartCity = ("smart-city", "Smart City und Smart Region", None),
        RegionalDevelopment = ("regionalfoerderung", "Regionalförderung", Some("Regionalförderung")),
        RuralAreas = ("laendlicher-raum", "Ländlicher Raum", None),
        ForeignTrade = ("aussenwirtschaft", "Außenwirtschaft", Some("Außenwirtschaft")),
        TradeFairs = ("messen", "Messen und Markterschließung", None),
    }
}

impl FundingArea {
    /// The level-1 area of a level-2 theme; `None` for a level-1 area.
    pub fn parent(self) -> Option<FundingArea> {
        use FundingArea::*;
        match self {
            DigitalProcesses | ItSecurity | ArtificialIntelligence | DataCloud | ECommerce => {
                Some(Digitalisation)
            }
            DigitalAdvice | FundingAdvice | BusinessAdvice => Some(Advice),
            RdProjects | TechnologyTransfer | InnovationSpaces => Some(ResearchInnovation),
            Founding | Growth | Succession => Some(StartUp),
            Broadband | MobileNetwork => Some(Infrastructure),
            DigitalSkills | SkilledWorkers => Some(Training),
            EnergySaving => Some(Energy),
            ResourceEfficiency => Some(Environment),
            Investment | WorkingCapital | VentureCapital => Some(Financing),
            DigitalAdministration | SmartCity => Some(SmartRegions),
            RuralAreas => Some(RegionalDevelopment),
            TradeFairs => Some(ForeignTrade),
            Digitalisation | Advice | ResearchInnovation | StartUp | Infrastructure | Training
            | Energy | Environment | Financing | SmartRegions | RegionalDevelopment
            | ForeignTrade => None,
        }
    }

    /// The level-1 area itself or the parent of a theme.
    pub fn top(self) -> FundingArea {
        self.parent().unwrap_or(self)
    }

    /// Whether an offer filed under `self` answers an interest in `other`:
    /// the same term, or one is the other's parent. A general
    /// digitalisation programme covers an AI project; an AI programme is
    /// part of an interest in digitalisation; two sibling themes do not
    /// cover each other.
    pub fn covers(self, other: FundingArea) -> bool {
        self == other || self.parent() == Some(other) || other.parent() == Some(self)
    }
}

vocabulary! {
    /// Förderberechtigte: who may apply.
    EligibleGroup, "Förderberechtigte", "funding-group" {
        Company = ("unternehmen", "Unternehmen", Some("Unternehmen")),
        Founder = ("existenzgruender", "Existenzgründer/in", Some("Existenzgründer/in")),
        Municipality = ("kommune", "Kommune", Some("Kommune")),
        PublicBody = ("oeffentliche-einrichtung", "Öffentliche Einrichtung", Some("Öffentliche Einrichtung")),
        Association = ("verband", "Verband/Verein", Some("Verband/Vereinigung")),
        University = ("hochschule", "Hochschule", Some("Hochschule")),
        ResearchInstitute = ("forschungseinrichtung", "Forschungseinrichtung", Some("Forschungseinrichtung")),
        EducationProvider = ("bildungseinrichtung", "Bildungseinrichtung", Some("Bildungseinrichtung")),
        Individual = ("privatperson", "Privatperson", Some("Privatperson")),
    }
}

impl EligibleGroup {
    /// Groups for which a company size means something: a founder's
    /// company-to-be has one too.
    pub fn has_size(self) -> bool {
        matches!(self, EligibleGroup::Company | EligibleGroup::Founder)
    }
}

vocabulary! {
    /// Unternehmensgröße after the EU SME definition (staff headcount and
    /// turnover or balance sheet; the label names the headcount band).
    CompanySize, "Unternehmensgröße", "funding-size" {
        Micro = ("kleinst", "Kleinstunternehmen (unter 10 Beschäftigte)", Some("Kleinstunternehmen")),
        Small = ("klein", "Kleines Unternehmen (unter 50 Beschäftigte)", Some("kleines Unternehmen")),
        Medium = ("mittel", "Mittleres Unternehmen (unter 250 Beschäftigte)", Some("mittleres Unternehmen")),
        Large = ("gross", "Großes Unternehmen (ab 250 Beschäftigte)", Some("großes Unternehmen")),
    }
}

vocabulary! {
    /// Branche: the sections of the German classification of economic
    /// activities WZ 2008 (= NACE Rev. 2). An offer lists the sections it is
    /// limited to; no section means open to all.
    Industry, "Branche", "funding-industry" {
        Agriculture = ("land-forstwirtschaft", "Land- und Forstwirtschaft, Fischerei", Some("A")),
        Mining = ("bergbau", "Bergbau und Gewinnung von Steinen und Erden", Some("B")),
        Manufacturing = ("verarbeitendes-gewerbe", "Verarbeitendes Gewerbe", Some("C")),
        Energy = ("energieversorgung", "Energieversorgung", Some("D")),
        Water = ("wasser-entsorgung", "Wasserversorgung, Abwasser- und Abfallentsorgung", Some("E")),
        Construction = ("baugewerbe", "Baugewerbe", Some("F")),
        Trade = ("handel", "Handel, Instandhaltung und Reparatur von Kraftfahrzeugen", Some("G")),
        Transport = ("verkehr-lagerei", "Verkehr und Lagerei", Some("H")),
        Hospitality = ("gastgewerbe", "Gastgewerbe", Some("I")),
        Ict = ("information-kommunikation", "Information und Kommunikation", Some("J")),
        Finance = ("finanzdienstleistungen", "Finanz- und Versicherungsdienstleistungen", Some("K")),
        RealEstate = ("grundstuecke-wohnen", "Grundstücks- und Wohnungswesen", Some("L")),
        Professional = ("freiberufliche-dienstleistungen", "Freiberufliche, wissenschaftliche und technische Dienstleistungen", Some("M")),
        BusinessServices = ("wirtschaftliche-dienstleistungen", "Sonstige wirtschaftliche Dienstleistungen", Some("N")),
        PublicAdministration = ("oeffentliche-verwaltung", "Öffentliche Verwaltung, Verteidigung, Sozialversicherung", Some("O")),
        Education = ("erziehung-unterricht", "Erziehung und Unterricht", Some("P")),
        Health = ("gesundheit-sozialwesen", "Gesundheits- und Sozialwesen", Some("Q")),
        Arts = ("kunst-unterhaltung", "Kunst, Unterhaltung und Erholung", Some("R")),
        OtherServices = ("sonstige-dienstleistungen", "Sonstige Dienstleistungen", Some("S")),
        Households = ("private-haushalte", "Private Haushalte", Some("T")),
        Extraterritorial = ("exterritoriale-organisationen", "Exterritoriale Organisationen", Some("U")),
    }
}

vocabulary! {
    /// Fördergeber-Ebene: which level of government (or private body) gives.
    FunderLevel, "Fördergeber-Ebene", "funding-level" {
        Eu = ("eu", "Europäische Union", Some("EU")),
        Federal = ("bund", "Bund", Some("Bund")),
        State = ("land", "Land (Freistaat Sachsen)", Some("Land")),
        Local = ("kommune", "Kommune", None),
        Private = ("privat", "Privat", None),
    }
}

vocabulary! {
    /// Verfahren: how and when one applies.
    Procedure, "Verfahren", "funding-procedure" {
        Rolling = ("laufend", "Laufende Antragstellung", None),
        CutOff = ("stichtag", "Stichtagsverfahren", None),
        Call = ("aufruf", "Aufruf/Wettbewerb", None),
        HouseBank = ("hausbank", "Antrag über die Hausbank", None),
    }
}

vocabulary! {
    /// Antragsstatus as the editors record it. What applicants can do today
    /// also depends on the dates, see [`crate::check::Availability`].
    Status, "Status", "funding-status" {
        Open = ("offen", "Offen", None),
        Stopped = ("antragstopp", "Antragstopp", None),
        Ended = ("ausgelaufen", "Ausgelaufen", None),
        Announced = ("angekuendigt", "Angekündigt", None),
    }
}

vocabulary! {
    /// Where a record comes from: written by the editors from public facts,
    /// a made-up example for the demo catalogue, or generated for load tests.
    Origin, "Herkunft", "funding-origin" {
        Editorial = ("redaktion", "Redaktion", None),
        Example = ("beispiel", "Beispiel (fiktiv)", None),
        Synthetic = ("synthetisch", "Synthetisch (Lasttest)", None),
    }
}

vocabulary! {
    /// What the amounts of an offer refer to.
    AmountBasis, "Bezugsgröße", "funding-basis" {
        Funding = ("foerderbetrag", "Förder- bzw. Kreditbetrag", None),
        Costs = ("ausgaben", "Förderfähige Ausgaben", None),
    }
}

/// Fördergebiet: where the seat or the project must be.
///
/// Slugs: `eu`, `bundesweit`, `sachsen`, a Kreis as its five-digit AGS
/// (`14521`) and a Gemeinde as its eight-digit AGS (`14521010`). Only the 13
/// Saxon Kreise and 419 Gemeinden of the shipped reference data
/// ([`dias_core::reference`]) are accepted, because the Förderlotse is for
/// Saxony; an offer open elsewhere too is `bundesweit` or `eu`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Eu,
    Federal,
    Saxony,
    /// A Kreis (Landkreis or kreisfreie Stadt) by AGS5.
    District(String),
    /// A Gemeinde by AGS8.
    Municipality(String),
}

impl Region {
    /// The region of a slug, if it names a known area.
    pub fn from_slug(slug: &str) -> Option<Region> {
        let slug = slug.trim();
        let reference = dias_core::reference::cached();
        match slug {
            "eu" => Some(Region::Eu),
            "bundesweit" => Some(Region::Federal),
            "sachsen" => Some(Region::Saxony),
            _ if slug.len() == 5 && reference.district(slug).is_some() => {
                Some(Region::District(slug.to_owned()))
            }
            _ if slug.len() == 8 && reference.municipality(slug).is_some() => {
                Some(Region::Municipality(slug.to_owned()))
            }
            _ => None,
        }
    }

    pub fn slug(&self) -> &str {
        match self {
            Region::Eu => "eu",
            Region::Federal => "bundesweit",
            Region::Saxony => "sachsen",
            Region::District(ags) | Region::Municipality(ags) => ags,
        }
    }

    /// German name: fixed for the wide regions, from the reference data for
    /// Kreise („Leipzig, Stadt“ and „Leipzig“ stay distinct) and Gemeinden.
    pub fn label_de(&self) -> String {
        let reference = dias_core::reference::cached();
        match self {
            Region::Eu => "EU-weit".to_owned(),
            Region::Federal => "Bundesweit".to_owned(),
            Region::Saxony => "Sachsen".to_owned(),
            Region::District(ags) => reference
                .district(ags)
                .map_or_else(|| ags.clone(), |d| d.name.clone()),
            Region::Municipality(ags) => reference
                .municipality(ags)
                .map_or_else(|| ags.clone(), |m| m.name.clone()),
        }
    }

    /// The NUTS code (classification NUTS 2021) of the smallest NUTS unit
    /// that contains the region:
    /// `DE` (NUTS 0) for the federal level, `DED` (NUTS 1) for Saxony, the
    /// Kreis's NUTS-3 code (`DED42` for the Erzgebirgskreis) from the
    /// reference data, and for a Gemeinde the NUTS-3 code of its Kreis (the
    /// Gemeinde's own European code is its LAU code, which in Germany is
    /// the AGS8 itself). The EU as a whole has no NUTS code.
    pub fn nuts(&self) -> Option<String> {
        let reference = dias_core::reference::cached();
        match self {
            Region::Eu => None,
            Region::Federal => Some("DE".to_owned()),
            Region::Saxony => Some("DED".to_owned()),
            Region::District(ags) => reference.district(ags).map(|d| d.nuts3.clone()),
            Region::Municipality(ags) => ags
                .get(..5)
                .and_then(|ags5| reference.district(ags5))
                .map(|d| d.nuts3.clone()),
        }
    }

    /// The AGS5 of the Kreis a Kreis or Gemeinde lies in.
    pub fn district(&self) -> Option<&str> {
        match self {
            Region::District(ags) => Some(ags.as_str()),
            Region::Municipality(ags) => ags.get(..5),
            _ => None,
        }
    }

    /// Whether the region covers all of Saxony (the EU and the federal
    /// level do).
    pub fn covers_saxony(&self) -> bool {
        matches!(self, Region::Eu | Region::Federal | Region::Saxony)
    }

    /// How narrow the region is: 0 for EU/Bund, 1 Sachsen, 2 Kreis, 3
    /// Gemeinde. Ranking puts offers made for a place before general ones.
    pub fn specificity(&self) -> u8 {
        match self {
            Region::Eu | Region::Federal => 0,
            Region::Saxony => 1,
            Region::District(_) => 2,
            Region::Municipality(_) => 3,
        }
    }
}

impl Serialize for Region {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

impl<'de> Deserialize<'de> for Region {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = String::deserialize(deserializer)?;
        Region::from_slug(&value).ok_or_else(|| {
            de::Error::custom(format!(
                "unbekanntes Fördergebiet „{value}“ (erwartet: eu, bundesweit, sachsen, AGS5 eines sächsischen Kreises oder AGS8 einer sächsischen Gemeinde)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn check_vocabulary<T: Term + Serialize + for<'de> Deserialize<'de>>() {
        let mut slugs = HashSet::new();
        let mut labels = HashSet::new();
        for term in T::ALL {
            let slug = term.slug();
            assert!(
                !slug.is_empty()
                    && slug
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{slug} is not a slug"
            );
            assert!(slugs.insert(slug), "{slug} twice in {}", T::NAME);
            assert!(labels.insert(term.label_de()), "label twice in {}", T::NAME);
            assert_eq!(T::from_slug(slug), Some(*term));
            assert_eq!(T::lookup(term.label_de()), Some(*term));
            assert_eq!(
                T::lookup(&term.label_de().to_lowercase()),
                Some(*term),
                "labels compare without case"
            );
            if let Some(external) = term.external() {
                assert_eq!(T::lookup(external), Some(*term), "{external}");
            }
            assert!(term.message_id().ends_with(slug));
            let json = serde_json::to_string(term).unwrap();
            assert_eq!(json, format!("\"{slug}\""));
            assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *term);
        }
        assert!(T::from_slug("gibt-es-nicht").is_none());
    }

    #[test]
    fn every_vocabulary_has_unique_slugs_that_round_trip() {
        check_vocabulary::<OfferType>();
        check_vocabulary::<FundingType>();
        check_vocabulary::<FundingArea>();
        check_vocabulary::<EligibleGroup>();
        check_vocabulary::<CompanySize>();
        check_vocabulary::<Industry>();
        check_vocabulary::<FunderLevel>();
        check_vocabulary::<Procedure>();
        check_vocabulary::<Status>();
        check_vocabulary::<Origin>();
        check_vocabulary::<AmountBasis>();
    }

    #[test]
    fn an_unknown_term_is_refused_with_its_value_and_vocabulary() {
        let err = serde_json::from_str::<FundingType>("\"geschenk\"").unwrap_err();
        assert!(
            err.to_string().contains("„geschenk“ für Förderart"),
            "{err}"
        );
    }

    #[test]
    fn the_importer_reads_the_foerderdatenbank_wording() {
        assert_eq!(
            EligibleGroup::lookup("Verband/Vereinigung"),
            Some(EligibleGroup::Association)
        );
        assert_eq!(
            FundingArea::lookup("Existenzgründung & -festigung"),
            Some(FundingArea::StartUp)
        );
        assert_eq!(Industry::lookup("C"), Some(Industry::Manufacturing));
        assert_eq!(FunderLevel::lookup("land"), Some(FunderLevel::State));
    }

    #[test]
    fn themes_sit_below_exactly_one_level_one_area() {
        for area in FundingArea::ALL {
            match area.parent() {
                Some(parent) => {
                    assert!(parent.parent().is_none(), "{area:?} is two levels deep");
                    assert!(area.covers(parent) && parent.covers(*area));
                }
                None => assert!(area.external().is_some(), "{area:?} has no FDB label"),
            }
        }
        use FundingArea::*;
        assert!(
            !ArtificialIntelligence.covers(ItSecurity),
            "siblings differ"
        );
        assert!(!Digitalisation.covers(Broadband));
        assert_eq!(Broadband.top(), Infrastructure);
    }

    /// The NUTS-3 codes of the reference data, compared with Eurostat's NUTS
    /// 2021 list (as copied in the public dataset `dataset-eu-nuts`,
    /// `nuts_v2021__2021_.csv`): Saxony kept its 2016 codes.
    #[test]
    fn the_kreise_carry_their_nuts_2021_codes() {
        let expected = [
            ("14511", "DED41"),
            ("14521", "DED42"),
            ("14522", "DED43"),
            ("14523", "DED44"),
            ("14524", "DED45"),
            ("14612", "DED21"),
            ("14625", "DED2C"),
            ("14626", "DED2D"),
            ("14627", "DED2E"),
            ("14628", "DED2F"),
            ("14713", "DED51"),
            ("14729", "DED52"),
            ("14730", "DED53"),
        ];
        for (ags, nuts) in expected {
            let region = Region::from_slug(ags).unwrap();
            assert_eq!(region.nuts().as_deref(), Some(nuts), "{ags}");
        }
        assert_eq!(
            dias_core::reference::cached().districts.len(),
            expected.len()
        );
    }

    #[test]
    fn regions_carry_their_nuts_codes() {
        let erz = Region::from_slug("14521").unwrap();
        assert_eq!(erz, Region::District("14521".into()));
        assert_eq!(erz.nuts().as_deref(), Some("DED42"));
        assert_eq!(erz.label_de(), "Erzgebirgskreis");
        let annaberg = Region::from_slug("14521020").unwrap();
        assert_eq!(annaberg.district(), Some("14521"));
        assert_eq!(annaberg.nuts().as_deref(), Some("DED42"));
        assert_eq!(Region::Saxony.nuts().as_deref(), Some("DED"));
        assert_eq!(Region::Federal.nuts().as_deref(), Some("DE"));
        assert_eq!(Region::Eu.nuts(), None);
        // Every Saxon Kreis's NUTS-3 code lies inside DED and is unique.
        let codes: HashSet<String> = dias_core::reference::cached()
            .districts
            .iter()
            .map(|d| Region::from_slug(&d.ags5).unwrap().nuts().unwrap())
            .collect();
        assert_eq!(codes.len(), 13);
        assert!(codes.iter().all(|c| c.starts_with("DED") && c.len() == 5));
        assert_eq!(
            Region::from_slug("14713").unwrap().label_de(),
            "Leipzig, Stadt"
        );
        for bad in ["09162", "1452", "14521999", "DED42", ""] {
            assert!(Region::from_slug(bad).is_none(), "{bad}");
        }
        let json = serde_json::to_string(&erz).unwrap();
        assert_eq!(json, "\"14521\"");
        assert!(serde_json::from_str::<Region>("\"99999\"").is_err());
    }
}
