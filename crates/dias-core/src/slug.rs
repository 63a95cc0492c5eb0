//! Slugs: the readable, stable last segment of a portal address
//! (`/aktuelles/glasfaser-fuer-doebeln`). One rule for every module:
//! lower-case `a–z`, `0–9` and single hyphens inside, German umlauts
//! spelled out (ä → ae, ß → ss), other accented Latin letters (French,
//! Czech, Polish, Sorbian …) reduced to their base letter, anything else a
//! separator.

/// A slug proposed from `text`: see the module documentation for the
/// letters. At most `max_len` characters (`max_len` ≥ 1), cut at a hyphen
/// when one keeps more than half of it, otherwise inside the word;
/// `fallback` when nothing is left (`""` lets the caller ask for a slug).
///
/// `slugify("Glasfaser für Döbeln!", 80, "artikel")` → `glasfaser-fuer-doebeln`.
pub fn slugify(text: &str, max_len: usize, fallback: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // A separator seen since the last letter: written before the next one,
    // so there are no hyphens at either end and never two in a row.
    let mut gap = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        // A combining diaeresis after a, o or u (decomposed input, e.g.
        // from macOS) is the German umlaut; other combining marks drop.
        if c == '\u{0308}' && out.ends_with(['a', 'o', 'u']) && !gap {
            out.push('e');
            continue;
        }
        if ('\u{0300}'..='\u{036f}').contains(&c) {
            continue;
        }
        let piece = match c {
            'a'..='z' | '0'..='9' => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push(c);
                continue;
            }
            _ => fold(c),
        };
        match piece {
            Some(letters) => {
                if gap && !out.is_empty() {
                    out.push('-');
                }
                gap = false;
                out.push_str(letters);
            }
            None => gap = true,
        }
    }
    let max_len = max_len.max(1);
    if out.len() > max_len {
        // All ASCII from here on: byte positions are characters.
        let cut = out[..=max_len]
            .rfind('-')
            .filter(|&at| at > max_len / 2)
            .unwrap_or(max_len);
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    if out.is_empty() {
        fallback.to_owned()
    } else {
        out
    }
}

/// The ASCII spelling of a lower-case letter outside `a–z`, `None` for a
/// separator.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ä' => "ae",
        'ö' => "oe",
        'ü' => "ue",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'þ' => "th",
        'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// Whether `slug` is well-formed: 1 to `max_len` characters of `a–z` and
/// `0–9` in groups joined by single hyphens.
pub fn is_valid(slug: &str, max_len: usize) -> bool {
    !slug.is_empty()
        && slug.len() <= max_len
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The first of `base`, `base-2`, `base-3`, … not in `taken`.
pub fn unique(base: &str, taken: &[String]) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|s| !taken.iter().any(|t| t == s))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(text: &str) -> String {
        slugify(text, 80, "")
    }

    #[test]
    fn german_letters_are_spelled_out() {
        assert_eq!(s("Glasfaser für Döbeln!"), "glasfaser-fuer-doebeln");
        assert_eq!(s("Über uns"), "ueber-uns");
        assert_eq!(s("  Straße — Größe!! "), "strasse-groesse");
        assert_eq!(s("ÄÖÜ"), "aeoeue");
        assert_eq!(
            s("Wie läuft ein Markterkundungsverfahren ab?"),
            "wie-laeuft-ein-markterkundungsverfahren-ab"
        );
        assert_eq!(s("Universität Leipzig"), "universitaet-leipzig");
        // Decomposed umlauts (u + combining diaeresis) read the same.
        assert_eq!(s("Fu\u{0308}r Do\u{0308}beln"), "fuer-doebeln");
    }

    #[test]
    fn other_accents_are_folded() {
        assert_eq!(s("Café à la carte"), "cafe-a-la-carte");
        assert_eq!(s("Łódź – Brno – Plzeň"), "lodz-brno-plzen");
        assert_eq!(
            s("Serbska ludowa rada – Budyšin"),
            "serbska-ludowa-rada-budysin"
        );
        assert_eq!(s("Œuvre Æther"), "oeuvre-aether");
        assert_eq!(s("Cafe\u{0301}"), "cafe");
        // Letters of other scripts are separators.
        assert_eq!(s("KI 東京 2026"), "ki-2026");
    }

    #[test]
    fn separators_collapse_and_ends_are_trimmed() {
        assert_eq!(
            s("KI-Studie Sachsen 2026: Übersicht & Ausblick"),
            "ki-studie-sachsen-2026-uebersicht-ausblick"
        );
        assert_eq!(s("  Fraunhofer IVI, Dresden "), "fraunhofer-ivi-dresden");
        assert_eq!(s("--a---b--"), "a-b");
        assert_eq!(
            s("Digitalstrategie Sachsen — Fortschreibung"),
            "digitalstrategie-sachsen-fortschreibung"
        );
    }

    #[test]
    fn the_fallback_stands_in_for_nothing() {
        assert_eq!(slugify("???", 80, "artikel"), "artikel");
        assert_eq!(slugify("---", 80, ""), "");
        assert_eq!(slugify("", 80, "frage"), "frage");
        assert_eq!(slugify("a", 80, "frage"), "a");
    }

    #[test]
    fn long_slugs_are_cut_at_a_hyphen() {
        let long = slugify(&"Breitbandausbau in Sachsen ".repeat(10), 80, "");
        assert!(long.len() <= 80 && is_valid(&long, 80), "{long}");
        assert!(
            long.ends_with("sachsen") || long.ends_with("in") || long.ends_with("breitbandausbau")
        );
        // The cut keeps a whole word that ends exactly at the limit.
        assert_eq!(slugify("abcd efgh", 4, ""), "abcd");
        assert_eq!(slugify("ab cdefgh", 5, ""), "ab-cd");
        assert_eq!(slugify("abc defgh", 5, ""), "abc");
        // One long word is cut inside.
        assert_eq!(slugify(&"x".repeat(200), 120, "").len(), 120);
        // Multi-byte letters count as their spelling.
        assert_eq!(slugify("ääää", 5, ""), "aeaea");
        for max in 1..40 {
            let cut = slugify("Größere Übergänge!! 2030 in der Oberlausitz", max, "x");
            assert!(cut.len() <= max && is_valid(&cut, max), "{max}: {cut}");
        }
    }

    #[test]
    fn valid_slugs_are_lower_case_groups() {
        assert!(is_valid("ki-studie-2026", 80));
        assert!(is_valid("a1", 80));
        for bad in [
            "",
            "ki--studie",
            "-a",
            "a-",
            "Ä",
            "Ueber",
            "über",
            "a/b",
            "a b",
        ] {
            assert!(!is_valid(bad, 80), "{bad}");
        }
        assert!(!is_valid("abcdef", 5));
    }

    #[test]
    fn unique_counts_up() {
        let taken = vec!["frage".to_owned(), "frage-2".to_owned()];
        assert_eq!(unique("frage", &taken), "frage-3");
        assert_eq!(unique("antwort", &taken), "antwort");
    }
}
