//! Rules of the KI-Netzwerk as plain functions: the taxonomy, validation of
//! actor profiles, logos and decisions, slugs, and the change log's diff.
//! Nothing here touches HTTP or the database.

use dias_core::validation::{self, FieldErrors};

/// Status of an actor: registered and waiting for staff, admitted, or
/// refused with a reason.
pub const PENDING: &str = "pending";
pub const VERIFIED: &str = "verified";
pub const DECLINED: &str = "declined";

/// Largest logo accepted, in bytes.
pub const LOGO_MAX_BYTES: usize = 512 * 1024;
/// How long an invitation link stays valid.
pub const INVITATION_SECS: i64 = 14 * 86_400;

/// One value of a taxonomy: the slug stored and used in URLs, the message id
/// of its label, and the German label for search documents (which are German
/// and built without a catalogue).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub slug: &'static str,
    pub key: &'static str,
    pub de: &'static str,
}

const fn term(slug: &'static str, key: &'static str, de: &'static str) -> Term {
    Term { slug, key, de }
}

/// The KI-Studie's four top-level groups; every category belongs to one.
pub const GROUPS: [Term; 4] = [
    term("unternehmen", "network-group-unternehmen", "Unternehmen"),
    term("forschung", "network-group-forschung", "Forschung"),
    term("netzwerke", "network-group-netzwerke", "Netzwerke"),
    term("bildung", "network-group-bildung", "Bildung"),
];

pub const CATEGORIES: [Term; 7] = [
    term("unternehmen", "network-category-unternehmen", "Unternehmen"),
    term("startup", "network-category-startup", "Start-up"),
    term(
        "forschungseinrichtung",
        "network-category-forschungseinrichtung",
        "Forschungseinrichtung",
    ),
    term(
        "hochschule",
        "network-category-hochschule",
        "Hochschule/Professur",
    ),
    term("netzwerk", "network-category-netzwerk", "Netzwerk/Verband"),
    term(
        "oeffentlich",
        "network-category-oeffentlich",
        "Öffentliche Einrichtung",
    ),
    term("bildung", "network-category-bildung", "Bildungsangebot"),
];

/// The group slug of a category slug.
pub fn group_of(category: &str) -> &'static str {
    match category {
        "unternehmen" | "startup" => "unternehmen",
        "forschungseinrichtung" | "hochschule" => "forschung",
        // Public bodies network and fund rather than research or sell.
        "netzwerk" | "oeffentlich" => "netzwerke",
        _ => "bildung",
    }
}

pub const COMPETENCES: [Term; 12] = [
    term(
        "maschinelles-lernen",
        "network-competence-maschinelles-lernen",
        "Maschinelles Lernen",
    ),
    term(
        "deep-learning",
        "network-competence-deep-learning",
        "Deep Learning",
    ),
    term("nlp", "network-competence-nlp", "Sprachverarbeitung/NLP"),
    term(
        "bildverarbeitung",
        "network-competence-bildverarbeitung",
        "Bildverarbeitung/Computer Vision",
    ),
    term("robotik", "network-competence-robotik", "Robotik"),
    term(
        "wissensrepraesentation",
        "network-competence-wissensrepraesentation",
        "Wissensrepräsentation",
    ),
    term(
        "optimierung",
        "network-competence-optimierung",
        "Optimierung/Planung",
    ),
    term(
        "edge-ki",
        "network-competence-edge-ki",
        "Edge-KI/KI-Hardware",
    ),
    term(
        "daten-engineering",
        "network-competence-daten-engineering",
        "Daten-Engineering",
    ),
    term(
        "vertrauenswuerdige-ki",
        "network-competence-vertrauenswuerdige-ki",
        "Vertrauenswürdige KI",
    ),
    term(
        "generative-ki",
        "network-competence-generative-ki",
        "Generative KI",
    ),
    term(
        "zeitreihen",
        "network-competence-zeitreihen",
        "Zeitreihen und Prognosen",
    ),
];

pub const INDUSTRIES: [Term; 12] = [
    term(
        "produktion",
        "network-industry-produktion",
        "Produktion/Industrie",
    ),
    term("gesundheit", "network-industry-gesundheit", "Gesundheit"),
    term("mobilitaet", "network-industry-mobilitaet", "Mobilität"),
    term("energie", "network-industry-energie", "Energie"),
    term(
        "umwelt-landwirtschaft",
        "network-industry-umwelt-landwirtschaft",
        "Umwelt/Landwirtschaft",
    ),
    term("verwaltung", "network-industry-verwaltung", "Verwaltung"),
    term("handel", "network-industry-handel", "Handel"),
    term("finanzen", "network-industry-finanzen", "Finanzen"),
    term("bildung", "network-industry-bildung", "Bildung"),
    term(
        "medien-kultur",
        "network-industry-medien-kultur",
        "Medien/Kultur",
    ),
    term(
        "mikroelektronik",
        "network-industry-mikroelektronik",
        "Mikroelektronik",
    ),
    term("logistik", "network-industry-logistik", "Logistik"),
];

pub const OFFERS: [Term; 6] = [
    term(
        "forschung-entwicklung",
        "network-offer-forschung-entwicklung",
        "Forschung & Entwicklung",
    ),
    term("beratung", "network-offer-beratung", "Beratung"),
    term("produkte", "network-offer-produkte", "Produkte/Dienste"),
    term(
        "weiterbildung",
        "network-offer-weiterbildung",
        "Weiterbildung",
    ),
    term(
        "kooperation",
        "network-offer-kooperation",
        "Kooperation gesucht",
    ),
    term("jobs", "network-offer-jobs", "Praktika/Jobs"),
];

/// Size classes by people employed (EU SME definition's bands).
pub const SIZES: [Term; 4] = [
    term("kleinst", "network-size-kleinst", "1–9 Beschäftigte"),
    term("klein", "network-size-klein", "10–49 Beschäftigte"),
    term("mittel", "network-size-mittel", "50–249 Beschäftigte"),
    term("gross", "network-size-gross", "ab 250 Beschäftigte"),
];

pub fn find(terms: &[Term], slug: &str) -> Option<Term> {
    terms.iter().copied().find(|t| t.slug == slug)
}

/// Splits a stored comma-separated slug list.
pub fn split_list(stored: &str) -> impl Iterator<Item = &str> {
    stored.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// A municipality as the form needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub ags5: String,
    pub lat: f64,
    pub lon: f64,
}

/// The registration/edit form as submitted (strings, kept on errors).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorInput {
    pub name: String,
    pub category: String,
    pub short_description: String,
    pub description: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    pub offers: Vec<String>,
    pub size_class: String,
    pub founding_year: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub lat: String,
    pub lon: String,
    pub website: String,
    pub contact_email: String,
}

impl ActorInput {
    /// Reads the form's pairs; checkbox groups repeat their name.
    pub fn from_pairs(pairs: &[(String, String)]) -> ActorInput {
        let mut input = ActorInput::default();
        for (key, value) in pairs {
            let value = value.clone();
            match key.as_str() {
                "name" => input.name = value,
                "category" => input.category = value,
                "short_description" => input.short_description = value,
                "description" => input.description = value,
                "competences" => input.competences.push(value),
                "industries" => input.industries.push(value),
                "offers" => input.offers.push(value),
                "size_class" => input.size_class = value,
                "founding_year" => input.founding_year = value,
                "street" => input.street = value,
                "postcode" => input.postcode = value,
                "city" => input.city = value,
                "ags8" => input.ags8 = value,
                "lat" => input.lat = value,
                "lon" => input.lon = value,
                "website" => input.website = value,
                "contact_email" => input.contact_email = value,
                _ => {}
            }
        }
        input
    }

    /// The form filled with a stored profile.
    pub fn from_actor(a: &ValidActor) -> ActorInput {
        ActorInput {
            name: a.name.clone(),
            category: a.category.clone(),
            short_description: a.short_description.clone(),
            description: a.description_md.clone(),
            competences: a.competences.clone(),
            industries: a.industries.clone(),
            offers: a.offers.clone(),
            size_class: a.size_class.clone(),
            founding_year: a.founding_year.map(|y| y.to_string()).unwrap_or_default(),
            street: a.street.clone(),
            postcode: a.postcode.clone(),
            city: a.city.clone(),
            ags8: a.ags8.clone(),
            lat: format!("{:.5}", a.lat),
            lon: format!("{:.5}", a.lon),
            website: a.website.clone(),
            contact_email: a.contact_email.clone(),
        }
    }
}

/// A checked profile, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidActor {
    pub name: String,
    pub category: String,
    pub short_description: String,
    pub description_md: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    pub offers: Vec<String>,
    pub size_class: String,
    pub founding_year: Option<i32>,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub ags8: String,
    pub ags5: String,
    pub lat: f64,
    pub lon: f64,
    pub website: String,
    pub contact_email: String,
}

/// Saxony's bounding box with a little margin: coordinates outside are typos.
const LAT_RANGE: (f64, f64) = (50.1, 51.8);
const LON_RANGE: (f64, f64) = (11.8, 15.1);

fn checked_list(
    errors: &mut FieldErrors,
    field: &str,
    values: &[String],
    terms: &[Term],
    required: bool,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values {
        match find(terms, v.trim()) {
            Some(t) if !out.iter().any(|o| o == t.slug) => out.push(t.slug.to_owned()),
            Some(_) => {}
            None => {
                errors.add(field, "error-invalid-choice");
                return out;
            }
        }
    }
    if required && out.is_empty() {
        errors.add(field, "network-error-choose-one");
    }
    // Taxonomy order, so that equal selections store equal strings.
    out.sort_by_key(|s| terms.iter().position(|t| t.slug == s));
    out
}

fn coordinate(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    range: (f64, f64),
) -> Option<f64> {
    let value = value.trim().replace(',', ".");
    if value.is_empty() {
        return None;
    }
    match value.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= range.0 && v <= range.1 => Some(v),
        _ => {
            errors.add(field, "network-error-coordinate");
            None
        }
    }
}

/// Checks a submitted profile. `place` finds a municipality by its AGS8;
/// `year` is the current year (founding years cannot lie ahead).
pub fn validate_actor(
    input: &ActorInput,
    place: impl Fn(&str) -> Option<Place>,
    year: i32,
) -> Result<ValidActor, FieldErrors> {
    let mut errors = FieldErrors::new();
    let name = validation::required_text(&mut errors, "name", &input.name, 200);
    let category = input.category.trim().to_owned();
    if find(&CATEGORIES, &category).is_none() {
        errors.add("category", "network-error-category");
    }
    let short_description = validation::required_text(
        &mut errors,
        "short_description",
        &input.short_description,
        300,
    );
    let description_md =
        validation::required_text(&mut errors, "description", &input.description, 10_000);
    let competences = checked_list(
        &mut errors,
        "competences",
        &input.competences,
        &COMPETENCES,
        true,
    );
    let industries = checked_list(
        &mut errors,
        "industries",
        &input.industries,
        &INDUSTRIES,
        false,
    );
    let offers = checked_list(&mut errors, "offers", &input.offers, &OFFERS, false);
    let size_class = input.size_class.trim().to_owned();
    if find(&SIZES, &size_class).is_none() {
        errors.add("size_class", "network-error-size");
    }
    let founding_year = match input.founding_year.trim() {
        "" => None,
        y => match y.parse::<i32>() {
            Ok(y) if (1400..=year).contains(&y) => Some(y),
            _ => {
                errors.add("founding_year", "network-error-year");
                None
            }
        },
    };
    let street = input.street.trim().to_owned();
    if street.chars().count() > 200 {
        errors.add("street", "error-too-long");
    }
    let postcode = input.postcode.trim().to_owned();
    if postcode.len() != 5 || !postcode.chars().all(|c| c.is_ascii_digit()) {
        errors.add("postcode", "network-error-postcode");
    }
    let city = validation::required_text(&mut errors, "city", &input.city, 100);
    let ags8 = input.ags8.trim().to_owned();
    let found = place(&ags8);
    if found.is_none() {
        errors.add("ags8", "network-error-municipality");
    }
    let lat = coordinate(&mut errors, "lat", &input.lat, LAT_RANGE);
    let lon = coordinate(&mut errors, "lon", &input.lon, LON_RANGE);
    let (lat_given, lon_given) = (!input.lat.trim().is_empty(), !input.lon.trim().is_empty());
    if lat_given != lon_given {
        errors.add(
            if lat_given { "lon" } else { "lat" },
            "network-error-coordinate-pair",
        );
    }
    let website = input.website.trim().to_owned();
    if !website.is_empty() && !valid_website(&website) {
        errors.add("website", "network-error-website");
    }
    let contact_email = validation::email(&mut errors, "contact_email", &input.contact_email);
    errors.into_result()?;
    let place = found.unwrap_or(Place {
        ags5: String::new(),
        lat: 0.0,
        lon: 0.0,
    });
    let (lat, lon) = match (lat, lon) {
        (Some(lat), Some(lon)) => (lat, lon),
        // Without an exact position the actor sits at its municipality.
        _ => (place.lat, place.lon),
    };
    Ok(ValidActor {
        name,
        category,
        short_description,
        description_md,
        competences,
        industries,
        offers,
        size_class,
        founding_year,
        street,
        postcode,
        city,
        ags8,
        ags5: place.ags5,
        lat,
        lon,
        website,
        contact_email,
    })
}

/// An `http(s)://host…` address without spaces or quotes.
pub fn valid_website(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            url.len() <= 300
                && rest
                    .split('/')
                    .next()
                    .is_some_and(|host| host.contains('.'))
                && !url
                    .chars()
                    .any(|c| c.is_whitespace() || c == '"' || c == '<' || c == '>')
        }
        None => false,
    }
}

/// The values the change log compares, by field name.
pub fn field_values(a: &ValidActor) -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::json;
    vec![
        ("name", json!(a.name)),
        ("category", json!(a.category)),
        ("short_description", json!(a.short_description)),
        ("description", json!(a.description_md)),
        ("competences", json!(a.competences)),
        ("industries", json!(a.industries)),
        ("offers", json!(a.offers)),
        ("size_class", json!(a.size_class)),
        ("founding_year", json!(a.founding_year)),
        ("street", json!(a.street)),
        ("postcode", json!(a.postcode)),
        ("city", json!(a.city)),
        ("ags8", json!(a.ags8)),
        ("lat", json!((a.lat * 1e5).round() / 1e5)),
        ("lon", json!((a.lon * 1e5).round() / 1e5)),
        ("website", json!(a.website)),
        ("contact_email", json!(a.contact_email)),
    ]
}

/// A change between two versions of a profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    pub fields: Vec<&'static str>,
    pub old: serde_json::Map<String, serde_json::Value>,
    pub new: serde_json::Map<String, serde_json::Value>,
}

/// The fields that differ, with old and new values; `None` when nothing did.
pub fn diff(old: &ValidActor, new: &ValidActor) -> Option<Diff> {
    let mut out = Diff {
        fields: Vec::new(),
        old: serde_json::Map::new(),
        new: serde_json::Map::new(),
    };
    for ((field, before), (_, after)) in field_values(old).into_iter().zip(field_values(new)) {
        if before != after {
            out.fields.push(field);
            out.old.insert(field.to_owned(), before);
            out.new.insert(field.to_owned(), after);
        }
    }
    (!out.fields.is_empty()).then_some(out)
}

/// The MIME type of a PNG, JPEG or WebP image, judged by its first bytes
/// (never by the name or the type the browser claims).
pub fn sniff_image(bytes: &[u8]) -> Option<&'static str> {
    use dias_core::files::{FileKind, sniff};
    match sniff(bytes)? {
        kind @ (FileKind::Png | FileKind::Jpeg | FileKind::Webp) => Some(kind.mime()),
        FileKind::Pdf | FileKind::Gif => None,
    }
}

/// Checks an uploaded logo and its alternative text; returns the MIME type
/// and the trimmed text.
pub fn validate_logo(bytes: &[u8], alt: &str) -> Result<(&'static str, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let mime = if bytes.is_empty() {
        errors.add("logo", "network-error-logo-missing");
        None
    } else if bytes.len() > LOGO_MAX_BYTES {
        errors.add("logo", "network-error-logo-size");
        None
    } else {
        let mime = sniff_image(bytes);
        if mime.is_none() {
            errors.add("logo", "network-error-logo-type");
        }
        mime
    };
    let alt = validation::required_text(&mut errors, "logo_alt", alt, 300);
    errors.into_result()?;
    Ok((mime.unwrap_or("image/png"), alt))
}

/// Staff's decision on a registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Accept,
    Decline,
}

/// Checks a decision: declining needs a reason the organisation can act on.
pub fn validate_decision(decision: &str, reason: &str) -> Result<(Decision, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let decision = match decision {
        "aufnehmen" => Some(Decision::Accept),
        "ablehnen" => Some(Decision::Decline),
        _ => {
            errors.add("decision", "error-invalid-choice");
            None
        }
    };
    let reason = reason.trim().to_owned();
    if decision == Some(Decision::Decline) && reason.is_empty() {
        errors.add("reason", "network-error-reason");
    }
    if reason.chars().count() > 2_000 {
        errors.add("reason", "error-too-long");
    }
    errors.into_result()?;
    Ok((decision.unwrap_or(Decision::Accept), reason))
}

/// An actor's slug from its name: `Fraunhofer IVI, Dresden` →
/// `fraunhofer-ivi-dresden` (the portal's one slug rule, at most 100
/// characters, `akteur` when a name leaves nothing).
pub fn slugify(name: &str) -> String {
    dias_core::slug::slugify(name, 100, "akteur")
}

/// The actor an event or post is published for, from the form's choice:
/// one of `allowed` (those the person represents), or none ("für die DiAS")
/// for staff only. A refused choice is reported on `field` with `message`.
pub fn acting_for(
    errors: &mut FieldErrors,
    field: &'static str,
    message: &'static str,
    chosen: &str,
    allowed: &[i64],
    staff: bool,
) -> Option<i64> {
    match chosen.trim() {
        "" if staff => None,
        id => match id.parse::<i64>() {
            Ok(id) if allowed.contains(&id) => Some(id),
            _ => {
                errors.add(field, message);
                None
            }
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dresden(ags8: &str) -> Option<Place> {
        (ags8 == "14612000").then(|| Place {
            ags5: "14612".into(),
            lat: 51.05,
            lon: 13.74,
        })
    }

    fn input() -> ActorInput {
        ActorInput {
            name: "KI-Werkstatt Elbtal".into(),
            category: "startup".into(),
            short_description: "Bildverarbeitung für Obstbau".into(),
            description: "Wir bauen Kameras, die Äpfel zählen.".into(),
            competences: vec!["bildverarbeitung".into(), "deep-learning".into()],
            industries: vec!["umwelt-landwirtschaft".into()],
            offers: vec![],
            size_class: "kleinst".into(),
            founding_year: "2021".into(),
            street: "Elbweg 1".into(),
            postcode: "01067".into(),
            city: "Dresden".into(),
            ags8: "14612000".into(),
            lat: String::new(),
            lon: String::new(),
            website: "https://ki-werkstatt.example".into(),
            contact_email: "Info@KI-Werkstatt.example".into(),
        }
    }

    #[test]
    fn a_complete_profile_takes_its_municipality_position_and_taxonomy_order() {
        let valid = validate_actor(&input(), dresden, 2026).unwrap();
        assert_eq!(valid.ags5, "14612");
        assert_eq!((valid.lat, valid.lon), (51.05, 13.74));
        assert_eq!(valid.competences, vec!["deep-learning", "bildverarbeitung"]);
        assert_eq!(valid.contact_email, "info@ki-werkstatt.example");
        assert_eq!(valid.founding_year, Some(2021));
    }

    #[test]
    fn unknown_values_and_missing_fields_are_reported_per_field() {
        let mut bad = input();
        bad.name = " ".into();
        bad.category = "verein".into();
        bad.competences = vec!["telepathie".into()];
        bad.founding_year = "2099".into();
        bad.postcode = "1067".into();
        bad.ags8 = "99999999".into();
        bad.lat = "48.1".into();
        bad.lon = "11.5".into();
        bad.website = "javascript:alert(1)".into();
        let errors = validate_actor(&bad, dresden, 2026).unwrap_err();
        for field in [
            "name",
            "category",
            "competences",
            "founding_year",
            "postcode",
            "ags8",
            "lat",
            "lon",
            "website",
        ] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        let mut none = input();
        none.competences.clear();
        let errors = validate_actor(&none, dresden, 2026).unwrap_err();
        assert_eq!(errors.get("competences"), Some("network-error-choose-one"));
    }

    #[test]
    fn exact_coordinates_win_over_the_municipality() {
        let mut exact = input();
        exact.lat = "51,0254".into();
        exact.lon = "13.7236".into();
        let valid = validate_actor(&exact, dresden, 2026).unwrap();
        assert_eq!((valid.lat, valid.lon), (51.0254, 13.7236));
    }

    #[test]
    fn diff_names_changed_fields_with_both_values() {
        let old = validate_actor(&input(), dresden, 2026).unwrap();
        assert_eq!(diff(&old, &old), None);
        let mut changed = old.clone();
        changed.name = "KI-Werkstatt Elbtal GmbH".into();
        changed.offers = vec!["beratung".into()];
        let d = diff(&old, &changed).unwrap();
        assert_eq!(d.fields, vec!["name", "offers"]);
        assert_eq!(d.old["name"], "KI-Werkstatt Elbtal");
        assert_eq!(d.new["offers"], serde_json::json!(["beratung"]));
    }

    #[test]
    fn logos_are_judged_by_their_bytes() {
        let png = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0];
        assert_eq!(sniff_image(&png), Some("image/png"));
        assert_eq!(sniff_image(&[0xFF, 0xD8, 0xFF, 0xE0]), Some("image/jpeg"));
        assert_eq!(sniff_image(b"RIFF\0\0\0\0WEBPVP8 "), Some("image/webp"));
        assert_eq!(sniff_image(b"<svg onload=alert(1)>"), None);
        assert_eq!(sniff_image(b"GIF89a"), None);
        assert!(validate_logo(&png, "Logo der KI-Werkstatt").is_ok());
        let errors = validate_logo(b"<html>", "").unwrap_err();
        assert_eq!(errors.get("logo"), Some("network-error-logo-type"));
        assert_eq!(errors.get("logo_alt"), Some("error-required"));
        let mut big = png.to_vec();
        big.resize(LOGO_MAX_BYTES + 1, 0);
        assert_eq!(
            validate_logo(&big, "x").unwrap_err().get("logo"),
            Some("network-error-logo-size")
        );
    }

    #[test]
    fn declining_needs_a_reason() {
        assert!(validate_decision("ablehnen", " ").is_err());
        assert_eq!(
            validate_decision("ablehnen", "Kein Sitz in Sachsen").unwrap(),
            (Decision::Decline, "Kein Sitz in Sachsen".to_owned())
        );
        assert_eq!(
            validate_decision("aufnehmen", "").unwrap().0,
            Decision::Accept
        );
        assert!(validate_decision("vielleicht", "").is_err());
    }

    #[test]
    fn every_category_has_a_group_and_slugs_are_unique() {
        for c in CATEGORIES {
            assert!(
                GROUPS.iter().any(|g| g.slug == group_of(c.slug)),
                "{}",
                c.slug
            );
        }
        for terms in [
            &CATEGORIES[..],
            &COMPETENCES[..],
            &INDUSTRIES[..],
            &OFFERS[..],
            &SIZES[..],
        ] {
            let mut slugs: Vec<&str> = terms.iter().map(|t| t.slug).collect();
            slugs.sort_unstable();
            slugs.dedup();
            assert_eq!(slugs.len(), terms.len());
        }
    }

    #[test]
    fn slugs_spell_out_umlauts() {
        assert_eq!(slugify("Universität Leipzig"), "universitaet-leipzig");
        assert_eq!(
            slugify("  Fraunhofer IVI, Dresden "),
            "fraunhofer-ivi-dresden"
        );
        assert_eq!(slugify("!!!"), "akteur");
    }
}
