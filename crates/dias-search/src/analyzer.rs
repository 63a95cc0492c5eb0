//! The German analyzer, and the words of a query as the matcher sees them.

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    StopWordFilter, TextAnalyzer,
};

pub const GERMAN: &str = "de_folded_stemmed";

pub fn german() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser);
    // Stop words are matched before folding because the list spells umlauts.
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder
            .filter(stop_words)
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::German))
            .build(),
        None => builder
            .filter(AsciiFoldingFilter)
            .filter(Stemmer::new(Language::German))
            .build(),
    }
}

/// The same chain without the stemmer: the words as written, folded.
fn folded() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(60))
        .filter(LowerCaser);
    match StopWordFilter::new(Language::German) {
        Some(stop_words) => builder
            .filter(stop_words)
            .filter(AsciiFoldingFilter)
            .build(),
        None => builder.filter(AsciiFoldingFilter).build(),
    }
}

fn tokens(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// A word of a query: folded as written (for splitting compounds) and
/// stemmed as the index holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub folded: String,
    pub stem: String,
}

/// The words of a query, without stop words.
pub fn words(text: &str) -> Vec<Word> {
    tokens(folded(), text)
        .into_iter()
        .filter_map(|folded| {
            let stem = stem(&folded)?;
            Some(Word { folded, stem })
        })
        .collect()
}

/// The index form of one folded word.
pub fn stem(folded: &str) -> Option<String> {
    tokens(german(), folded).into_iter().next()
}

/// Linking elements (Fugenelemente) that may end the first part of a
/// compound: "Digitalisierung·s·zuschuss", "Forschung·s·zulage".
const LINKS: [&str; 5] = ["s", "es", "n", "en", "e"];
/// Parts shorter than this are not split off: "ki", "it" and the like
/// would match too much.
const MIN_PART: usize = 3;

/// Ways to read a folded word as a compound of two words: every cut that
/// leaves both parts at least [`MIN_PART`] letters long, with and without a
/// linking element at the end of the first part. Whether a reading is
/// right is for the index to say (both parts must be known words there).
pub fn compound_splits(folded: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = folded.chars().collect();
    let mut out = Vec::new();
    for cut in MIN_PART..chars.len().saturating_sub(MIN_PART - 1) {
        let head: String = chars[..cut].iter().collect();
        let tail: String = chars[cut..].iter().collect();
        for link in LINKS {
            if let Some(bare) = head.strip_suffix(link)
                && bare.chars().count() >= MIN_PART
            {
                out.push((bare.to_owned(), tail.clone()));
            }
        }
        out.push((head, tail));
    }
    out
}

/// How many edits a misspelt word may be away from an indexed one: none
/// for short words (typo tolerance there finds other words), one from five
/// letters, two from nine.
pub fn typo_distance(stem: &str) -> u8 {
    match stem.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        super::tokens(german(), text)
    }

    #[test]
    fn umlauts_fold_and_words_stem() {
        assert_eq!(tokens("Förderung"), tokens("Forderung"));
        assert_eq!(tokens("Digitalisierung"), tokens("Digitalisierungen"));
        assert_eq!(tokens("Straße"), tokens("Strasse"));
        assert!(tokens("und die der").is_empty());
    }

    #[test]
    fn query_words_keep_the_folded_form_beside_the_stem() {
        let words = words("Förderung für die Digitalisierungen");
        assert_eq!(
            words,
            vec![
                Word {
                    folded: "forderung".into(),
                    stem: stem("forderung").unwrap()
                },
                Word {
                    folded: "digitalisierungen".into(),
                    stem: tokens("Digitalisierung")[0].clone()
                },
            ]
        );
    }

    #[test]
    fn compounds_split_with_and_without_linking_element() {
        let splits = compound_splits("digitalisierungszuschuss");
        assert!(splits.contains(&("digitalisierung".into(), "zuschuss".into())));
        assert!(splits.contains(&("digitalisierungs".into(), "zuschuss".into())));
        // No part shorter than three letters.
        assert!(
            splits
                .iter()
                .all(|(a, b)| a.chars().count() >= 3 && b.chars().count() >= 3)
        );
        assert!(compound_splits("kiwi").is_empty());
        assert_eq!(
            compound_splits("abcdef"),
            vec![("abc".to_owned(), "def".to_owned())]
        );
    }

    #[test]
    fn typo_tolerance_grows_with_the_word() {
        assert_eq!(typo_distance("ki"), 0);
        assert_eq!(typo_distance("forder"), 1);
        assert_eq!(typo_distance("digitalisier"), 2);
    }
}
