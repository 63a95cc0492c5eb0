//! The German analyzer.

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

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::TokenStream;

    fn tokens(text: &str) -> Vec<String> {
        let mut analyzer = german();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn umlauts_fold_and_words_stem() {
        assert_eq!(tokens("Förderung"), tokens("Forderung"));
        assert_eq!(tokens("Digitalisierung"), tokens("Digitalisierungen"));
        assert_eq!(tokens("Straße"), tokens("Strasse"));
        assert!(tokens("und die der").is_empty());
    }
}
