//! Passende Partner: ranking verified actors for an actor, a free-text need
//! or a partner request, with the reasons shown.
//!
//! Everything here is plain computation on an in-memory [`Index`] built from
//! the verified actors (see [`cache`] for how it is loaded and kept
//! current). The taxonomy fields are bitmasks over the domain's term lists,
//! so comparing two actors costs a few AND/popcount operations; the
//! descriptions become TF-IDF vectors (German words reduced by a small
//! stemmer, at most [`TERMS_PER_DOC`] terms per actor) with an inverted
//! index, so text similarity only touches actors that share a word. Ranking
//! 20,000 actors is a single pass over a flat array.
//!
//! The score is a weighted sum, and every summand is also a [`Reason`]:
//! shared competences, industries and offers, complementary categories
//! (research meets companies), the same Kreis, and similar descriptions.

pub mod cache;

use std::collections::HashMap;

use crate::domain::{self, COMPETENCES, INDUSTRIES, OFFERS, Term};

/// Weight of each shared competence.
pub const W_COMPETENCE: f64 = 3.0;
/// Weight of each shared industry.
pub const W_INDUSTRY: f64 = 2.0;
/// Weight of each shared offer.
pub const W_OFFER: f64 = 0.5;
/// Research and companies complement each other.
pub const W_COMPLEMENT: f64 = 1.5;
/// Being close makes working together easier.
pub const W_DISTRICT: f64 = 1.0;
/// Weight of the cosine similarity of the descriptions (0…1).
pub const W_TEXT: f64 = 6.0;
/// Text similarity below this is noise and gives no reason.
const TEXT_MIN: f64 = 0.04;
/// Terms kept per description (the strongest by TF-IDF).
pub const TERMS_PER_DOC: usize = 48;

/// Why an actor was suggested. Slugs are taxonomy slugs; the page
/// translates them.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    Competences(Vec<&'static str>),
    Industries(Vec<&'static str>),
    Offers(Vec<&'static str>),
    /// The candidate's group (`forschung` or `unternehmen`) complements ours.
    Complementary(&'static str),
    SameDistrict,
    /// Similar descriptions, with the strongest shared words.
    Text(Vec<String>),
}

/// An actor as the index needs it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Candidate {
    pub id: i64,
    pub category: String,
    pub competences: Vec<String>,
    pub industries: Vec<String>,
    pub offers: Vec<String>,
    pub ags5: String,
    /// Name, short and long description as plain text.
    pub text: String,
}

#[derive(Debug, Clone)]
struct Entry {
    id: i64,
    group: &'static str,
    competences: u32,
    industries: u32,
    offers: u32,
    ags5: String,
    /// (term, weight), L2-normalised.
    terms: Vec<(u32, f32)>,
}

/// What to find partners for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub competences: u32,
    pub industries: u32,
    pub offers: u32,
    /// Group of the seeker's category (for complementarity), if known.
    pub group: Option<&'static str>,
    pub ags5: Option<String>,
    terms: Vec<(u32, f32)>,
    /// Never suggest this actor (the seeker itself).
    pub exclude: Option<i64>,
}

/// A suggested partner.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    pub id: i64,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// The verified actors, ready to be ranked.
#[derive(Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
    by_id: HashMap<i64, usize>,
    vocabulary: HashMap<String, u32>,
    /// A readable form of each term (the first word that produced it).
    surface: Vec<String>,
    idf: Vec<f32>,
    /// term → (entry, weight).
    postings: Vec<Vec<(u32, f32)>>,
}

fn mask(terms: &[Term], slugs: &[String]) -> u32 {
    slugs
        .iter()
        .filter_map(|s| terms.iter().position(|t| t.slug == s))
        .fold(0, |m, i| m | (1 << i))
}

/// The slugs of a mask, in taxonomy order.
pub fn slugs_of(terms: &[Term], mask: u32) -> Vec<&'static str> {
    terms
        .iter()
        .enumerate()
        .filter(|(i, _)| mask & (1 << i) != 0)
        .map(|(_, t)| t.slug)
        .collect()
}

fn group(category: &str) -> Option<&'static str> {
    domain::find(&domain::CATEGORIES, category).map(|c| domain::group_of(c.slug))
}

/// Research and companies are each other's complement.
fn complements(a: &str, b: &str) -> bool {
    matches!(
        (a, b),
        ("forschung", "unternehmen") | ("unternehmen", "forschung")
    )
}

// ------------------------------------------------------------------ words

/// Lower case with umlauts spelled out, so "Präzision" and "Praezision" meet.
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c => out.push(c),
        }
    }
    out
}

/// Folded words of a text (letters and digits; hyphens split compounds).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

/// A light German stemmer: one inflection or derivation suffix is removed
/// when at least four letters stay. Good enough to let "Landwirtschaft",
/// "landwirtschaftlichen" and "Landwirtschaften" meet on a prefix.
pub fn stem(word: &str) -> String {
    const SUFFIXES: [&str; 14] = [
        "ungen", "heiten", "keiten", "lichen", "liche", "ung", "heit", "keit", "ern", "en", "er",
        "es", "e", "n",
    ];
    for suffix in SUFFIXES {
        if word.len() >= suffix.len() + 4 && word.ends_with(suffix) {
            return word[..word.len() - suffix.len()].to_owned();
        }
    }
    if word.len() >= 5 && word.ends_with('s') {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

/// Words that carry no meaning for matching.
const STOPWORDS: &[&str] = &[
    "aber",
    "alle",
    "als",
    "also",
    "am",
    "an",
    "auch",
    "auf",
    "aus",
    "bei",
    "bis",
    "da",
    "das",
    "dass",
    "dem",
    "den",
    "der",
    "des",
    "die",
    "dies",
    "diese",
    "dieser",
    "durch",
    "ein",
    "eine",
    "einem",
    "einen",
    "einer",
    "eines",
    "es",
    "fuer",
    "gesucht",
    "haben",
    "hat",
    "ihr",
    "ihre",
    "im",
    "in",
    "ist",
    "ja",
    "kann",
    "koennen",
    "mit",
    "nach",
    "nicht",
    "noch",
    "oder",
    "partner",
    "partnerin",
    "partnern",
    "sich",
    "sie",
    "sind",
    "so",
    "suche",
    "suchen",
    "sucht",
    "ueber",
    "um",
    "und",
    "uns",
    "unser",
    "unsere",
    "unseren",
    "unserer",
    "vom",
    "von",
    "vor",
    "was",
    "werden",
    "wie",
    "wir",
    "wird",
    "zu",
    "zum",
    "zur",
    "and",
    "for",
    "of",
    "the",
    "to",
    "with",
    "ki",
    "ai",
    "gmbh",
    "ev",
    "bereich",
    "bereichen",
    "thema",
    "themen",
    "sowie",
];

fn index_terms(text: &str) -> Vec<(String, String)> {
    words(text)
        .into_iter()
        .filter(|w| w.len() >= 3 && !STOPWORDS.contains(&w.as_str()))
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| (stem(&w), w))
        .collect()
}

// ------------------------------------------------------------------ synonyms

/// Which facet a synonym points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Competence,
    Industry,
    Offer,
}

/// Words and phrases of a need that point to taxonomy terms. Written in
/// folded form (ae, oe, ue, ss). A word matches a need's word that starts
/// with its stem (so "Agrar" finds "Agrarbetriebe"); words of six letters or
/// more also match as the end of a compound ("Präzisionslandwirtschaft").
/// A trailing `=` asks for the exact word only (where a prefix would
/// mislead: "produkt" must not find "Produktion").
const SYNONYMS: &[(Kind, &str, &[&str])] = &[
    (
        Kind::Competence,
        "maschinelles-lernen",
        &[
            "maschinelles lernen",
            "maschinellem lernen",
            "machine learning",
            "ml=",
            "lernverfahren",
            "klassifikation",
        ],
    ),
    (
        Kind::Competence,
        "deep-learning",
        &[
            "deep learning",
            "neuronale netze",
            "neuronalen netzen",
            "neuronal",
            "tiefes lernen",
        ],
    ),
    (
        Kind::Competence,
        "nlp",
        &[
            "nlp=",
            "sprachverarbeitung",
            "sprachmodell",
            "llm=",
            "llms=",
            "chatbot",
            "textanalyse",
            "textmining",
            "natural language",
            "spracherkennung",
            "sprachassistent",
        ],
    ),
    (
        Kind::Competence,
        "bildverarbeitung",
        &[
            "bildverarbeitung",
            "computer vision",
            "computervision",
            "bilderkennung",
            "bildanalyse",
            "bilddaten",
            "objekterkennung",
            "kamera",
            "kameras=",
            "vision=",
            "bildgebung",
        ],
    ),
    (
        Kind::Competence,
        "robotik",
        &["robotik", "roboter", "cobot", "robot"],
    ),
    (
        Kind::Competence,
        "wissensrepraesentation",
        &[
            "wissensrepraesentation",
            "wissensgraph",
            "knowledge graph",
            "ontologie",
            "semantische",
            "semantic",
        ],
    ),
    (
        Kind::Competence,
        "optimierung",
        &[
            "optimierung",
            "planung",
            "scheduling",
            "operations research",
            "disposition",
            "tourenplanung",
        ],
    ),
    (
        Kind::Competence,
        "edge-ki",
        &[
            "edge",
            "hardware",
            "embedded",
            "eingebettete",
            "fpga",
            "neuromorph",
            "ki-chip",
        ],
    ),
    (
        Kind::Competence,
        "daten-engineering",
        &[
            "daten engineering",
            "data engineering",
            "datenplattform",
            "datenpipeline",
            "datenintegration",
            "datenbank",
            "big data",
            "datenraum",
        ],
    ),
    (
        Kind::Competence,
        "vertrauenswuerdige-ki",
        &[
            "vertrauenswuerdig",
            "erklaerbar",
            "explainable",
            "xai=",
            "fairness",
            "ai act",
            "ki-verordnung",
            "zertifizierung",
        ],
    ),
    (
        Kind::Competence,
        "generative-ki",
        &[
            "generativ",
            "generative",
            "gpt=",
            "textgenerierung",
            "bildgenerierung",
            "diffusionsmodell",
        ],
    ),
    (
        Kind::Competence,
        "zeitreihen",
        &[
            "zeitreihe",
            "prognose",
            "vorhersage",
            "forecast",
            "predictive maintenance",
            "vorausschauende wartung",
        ],
    ),
    (
        Kind::Industry,
        "produktion",
        &[
            "produktion",
            "industrie",
            "fertigung",
            "maschinenbau",
            "fabrik",
            "qualitaetskontrolle",
            "qualitaetspruefung",
            "manufacturing",
        ],
    ),
    (
        Kind::Industry,
        "gesundheit",
        &[
            "gesundheit",
            "medizin",
            "klinik",
            "krankenhaus",
            "pflege",
            "diagnostik",
            "radiologie",
            "patient",
        ],
    ),
    (
        Kind::Industry,
        "mobilitaet",
        &[
            "mobilitaet",
            "verkehr",
            "fahrzeug",
            "autonomes fahren",
            "automotive",
            "bahn=",
            "oepnv",
        ],
    ),
    (
        Kind::Industry,
        "energie",
        &[
            "energie",
            "strom=",
            "stromnetz",
            "photovoltaik",
            "solar",
            "windkraft",
            "stadtwerk",
        ],
    ),
    (
        Kind::Industry,
        "umwelt-landwirtschaft",
        &[
            "landwirtschaft",
            "agrar",
            "umwelt",
            "forstwirtschaft",
            "obstbau",
            "ackerbau",
            "pflanzen",
            "tierhaltung",
            "klimaschutz",
            "precision farming",
            "weinbau",
            "gartenbau",
            "biodiversitaet",
        ],
    ),
    (
        Kind::Industry,
        "verwaltung",
        &[
            "verwaltung",
            "behoerde",
            "kommune",
            "kommunal",
            "e-government",
            "egovernment",
        ],
    ),
    (
        Kind::Industry,
        "handel",
        &[
            "handel=",
            "einzelhandel",
            "e-commerce",
            "onlinehandel",
            "retail",
        ],
    ),
    (
        Kind::Industry,
        "finanzen",
        &[
            "finanz",
            "bank=",
            "banken=",
            "versicherung",
            "fintech",
            "buchhaltung",
        ],
    ),
    (
        Kind::Industry,
        "bildung",
        &[
            "bildungswesen",
            "schule",
            "lernplattform",
            "lehrkraft",
            "lehre=",
        ],
    ),
    (
        Kind::Industry,
        "medien-kultur",
        &[
            "medien",
            "kultur",
            "museum",
            "journalismus",
            "verlag",
            "film=",
            "musik",
        ],
    ),
    (
        Kind::Industry,
        "mikroelektronik",
        &[
            "mikroelektronik",
            "halbleiter",
            "elektronik",
            "chipdesign",
            "wafer",
        ],
    ),
    (
        Kind::Industry,
        "logistik",
        &[
            "logistik",
            "lager=",
            "lagerhaltung",
            "lieferkette",
            "supply chain",
            "transport",
        ],
    ),
    (
        Kind::Offer,
        "forschung-entwicklung",
        &[
            "forschung",
            "forschungspartner",
            "entwicklung",
            "fue=",
            "verbundprojekt",
            "forschungsprojekt",
        ],
    ),
    (
        Kind::Offer,
        "beratung",
        &["beratung", "berater", "consulting"],
    ),
    (
        Kind::Offer,
        "produkte",
        &["produkt=", "produkte=", "dienstleistung", "software="],
    ),
    (
        Kind::Offer,
        "weiterbildung",
        &[
            "weiterbildung",
            "schulung",
            "workshop",
            "qualifizierung",
            "fortbildung",
        ],
    ),
    (
        Kind::Offer,
        "kooperation",
        &["kooperation", "zusammenarbeit"],
    ),
    (
        Kind::Offer,
        "jobs",
        &[
            "praktikum",
            "abschlussarbeit",
            "werkstudent",
            "job=",
            "jobs=",
            "stelle=",
            "stellen=",
        ],
    ),
];

fn word_matches(pattern: &str, word: &str) -> bool {
    if let Some(exact) = pattern.strip_suffix('=') {
        return word == exact;
    }
    let stemmed = stem(pattern);
    word == pattern
        || (stemmed.len() >= 4 && word.starts_with(&stemmed))
        || (pattern.len() >= 6 && word.ends_with(pattern))
}

fn phrase_matches(phrase: &str, words: &[String]) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    if parts.len() == 1 {
        // "ki-chip" style patterns are split like the text is.
        let pieces: Vec<String> = self::words(phrase);
        if pieces.len() > 1 {
            return words
                .windows(pieces.len())
                .any(|w| w.iter().zip(&pieces).all(|(a, b)| a == b));
        }
        return words.iter().any(|w| word_matches(phrase, w));
    }
    words.windows(parts.len()).any(|w| {
        w.iter()
            .zip(&parts)
            .all(|(word, part)| word_matches(part, word))
    })
}

/// The taxonomy terms a free text speaks of.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Recognised {
    pub competences: u32,
    pub industries: u32,
    pub offers: u32,
}

/// Maps the words of a need to competences, industries and offers.
pub fn recognise(text: &str) -> Recognised {
    let words = words(text);
    let mut out = Recognised::default();
    for (kind, slug, phrases) in SYNONYMS {
        if !phrases.iter().any(|p| phrase_matches(p, &words)) {
            continue;
        }
        let (terms, field) = match kind {
            Kind::Competence => (&COMPETENCES[..], &mut out.competences),
            Kind::Industry => (&INDUSTRIES[..], &mut out.industries),
            Kind::Offer => (&OFFERS[..], &mut out.offers),
        };
        if let Some(i) = terms.iter().position(|t| t.slug == *slug) {
            *field |= 1 << i;
        }
    }
    out
}

// ------------------------------------------------------------------ index

fn normalise(terms: &mut [(u32, f32)]) {
    let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in terms.iter_mut() {
            *w /= norm;
        }
    }
}

impl Index {
    /// Builds the index; candidates' order does not matter.
    pub fn build(candidates: Vec<Candidate>) -> Index {
        let mut index = Index::default();
        let mut counted: Vec<HashMap<u32, u32>> = Vec::with_capacity(candidates.len());
        let mut df: Vec<u32> = Vec::new();
        for c in &candidates {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for (stemmed, word) in index_terms(&c.text) {
                let next = index.vocabulary.len() as u32;
                let id = *index.vocabulary.entry(stemmed).or_insert_with(|| {
                    index.surface.push(word);
                    df.push(0);
                    next
                });
                *tf.entry(id).or_insert(0) += 1;
            }
            for id in tf.keys() {
                df[*id as usize] += 1;
            }
            counted.push(tf);
        }
        let n = candidates.len().max(1) as f32;
        index.idf = df
            .iter()
            .map(|&d| {
                // Words in more than half of all profiles say nothing.
                if d as f32 > n * 0.5 && n >= 10.0 {
                    0.0
                } else {
                    (1.0 + n / d.max(1) as f32).ln()
                }
            })
            .collect();
        index.postings = vec![Vec::new(); index.vocabulary.len()];
        for (pos, (c, tf)) in candidates.into_iter().zip(counted).enumerate() {
            let mut terms = index.weigh(tf);
            for &(t, w) in &terms {
                index.postings[t as usize].push((pos as u32, w));
            }
            terms.sort_unstable_by_key(|(t, _)| *t);
            index.by_id.insert(c.id, pos);
            index.entries.push(Entry {
                id: c.id,
                group: group(&c.category).unwrap_or(""),
                competences: mask(&COMPETENCES, &c.competences),
                industries: mask(&INDUSTRIES, &c.industries),
                offers: mask(&OFFERS, &c.offers),
                ags5: c.ags5,
                terms,
            });
        }
        index
    }

    /// TF-IDF weights of counted terms: the strongest, normalised.
    fn weigh(&self, tf: HashMap<u32, u32>) -> Vec<(u32, f32)> {
        let mut terms: Vec<(u32, f32)> = tf
            .into_iter()
            .filter_map(|(t, f)| {
                let w = (1.0 + (f as f32).ln()) * self.idf.get(t as usize).copied().unwrap_or(0.0);
                (w > 0.0).then_some((t, w))
            })
            .collect();
        terms.sort_unstable_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        terms.truncate(TERMS_PER_DOC);
        normalise(&mut terms);
        terms
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, id: i64) -> bool {
        self.by_id.contains_key(&id)
    }

    /// Partners for a verified actor of the index.
    pub fn query_for_actor(&self, id: i64) -> Option<Query> {
        let e = &self.entries[*self.by_id.get(&id)?];
        Some(Query {
            competences: e.competences,
            industries: e.industries,
            offers: e.offers,
            group: (!e.group.is_empty()).then_some(e.group),
            ags5: Some(e.ags5.clone()),
            terms: e.terms.clone(),
            exclude: Some(id),
        })
    }

    /// Partners for a free-text need, plus what was recognised in it.
    pub fn query_for_text(&self, text: &str) -> (Query, Recognised) {
        let recognised = recognise(text);
        let mut tf: HashMap<u32, u32> = HashMap::new();
        for (stemmed, _) in index_terms(text) {
            if let Some(&t) = self.vocabulary.get(&stemmed) {
                *tf.entry(t).or_insert(0) += 1;
            }
        }
        let mut terms = self.weigh(tf);
        terms.sort_unstable_by_key(|(t, _)| *t);
        (
            Query {
                competences: recognised.competences,
                industries: recognised.industries,
                offers: recognised.offers,
                terms,
                ..Query::default()
            },
            recognised,
        )
    }

    /// A partner request: its wanted terms and text, seen from its actor.
    pub fn query_for_request(
        &self,
        actor_id: i64,
        category: &str,
        ags5: &str,
        competences: &[String],
        industries: &[String],
        text: &str,
    ) -> Query {
        let (mut query, recognised) = self.query_for_text(text);
        query.competences = mask(&COMPETENCES, competences) | recognised.competences;
        query.industries = mask(&INDUSTRIES, industries) | recognised.industries;
        query.group = group(category);
        query.ags5 = Some(ags5.to_owned());
        query.exclude = Some(actor_id);
        query
    }

    /// The best `limit` partners, best first, each with its reasons. Actors
    /// with nothing substantial in common (no shared competence, industry
    /// or similar text) are never suggested.
    pub fn rank(&self, query: &Query, limit: usize) -> Vec<Match> {
        let mut text = vec![0f32; self.entries.len()];
        for &(t, w) in &query.terms {
            for &(pos, dw) in &self.postings[t as usize] {
                text[pos as usize] += w * dw;
            }
        }
        let mut scored: Vec<(f64, usize)> = Vec::new();
        for (pos, e) in self.entries.iter().enumerate() {
            if Some(e.id) == query.exclude {
                continue;
            }
            let comps = (e.competences & query.competences).count_ones() as f64;
            let inds = (e.industries & query.industries).count_ones() as f64;
            let similarity = f64::from(text[pos]);
            let similarity = if similarity >= TEXT_MIN {
                similarity
            } else {
                0.0
            };
            if comps == 0.0 && inds == 0.0 && similarity == 0.0 {
                continue;
            }
            let offers = (e.offers & query.offers).count_ones() as f64;
            let complement = query.group.is_some_and(|g| complements(g, e.group));
            let district = query.ags5.as_deref().is_some_and(|a| a == e.ags5);
            let score = comps * W_COMPETENCE
                + inds * W_INDUSTRY
                + offers * W_OFFER
                + if complement { W_COMPLEMENT } else { 0.0 }
                + if district { W_DISTRICT } else { 0.0 }
                + similarity * W_TEXT;
            scored.push((score, pos));
        }
        // Best first; equal scores by id, so pages do not flicker.
        scored.sort_unstable_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(self.entries[a.1].id.cmp(&self.entries[b.1].id))
        });
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, pos)| Match {
                id: self.entries[pos].id,
                score,
                reasons: self.reasons(query, pos, f64::from(text[pos])),
            })
            .collect()
    }

    fn reasons(&self, query: &Query, pos: usize, similarity: f64) -> Vec<Reason> {
        let e = &self.entries[pos];
        let mut out = Vec::new();
        let comps = e.competences & query.competences;
        if comps != 0 {
            out.push(Reason::Competences(slugs_of(&COMPETENCES, comps)));
        }
        let inds = e.industries & query.industries;
        if inds != 0 {
            out.push(Reason::Industries(slugs_of(&INDUSTRIES, inds)));
        }
        let offers = e.offers & query.offers;
        if offers != 0 {
            out.push(Reason::Offers(slugs_of(&OFFERS, offers)));
        }
        if query.group.is_some_and(|g| complements(g, e.group)) {
            out.push(Reason::Complementary(e.group));
        }
        if query.ags5.as_deref().is_some_and(|a| a == e.ags5) {
            out.push(Reason::SameDistrict);
        }
        if similarity >= TEXT_MIN {
            out.push(Reason::Text(self.shared_words(query, e)));
        }
        out
    }

    /// The three shared words that add most to the similarity.
    fn shared_words(&self, query: &Query, e: &Entry) -> Vec<String> {
        let mut shared: Vec<(f32, u32)> = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < query.terms.len() && j < e.terms.len() {
            let (a, wa) = query.terms[i];
            let (b, wb) = e.terms[j];
            match a.cmp(&b) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared.push((wa * wb, a));
                    i += 1;
                    j += 1;
                }
            }
        }
        shared.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        shared
            .into_iter()
            .take(3)
            .filter_map(|(_, t)| self.surface.get(t as usize).cloned())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(
        id: i64,
        category: &str,
        competences: &[&str],
        industries: &[&str],
        ags5: &str,
        text: &str,
    ) -> Candidate {
        let list = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        Candidate {
            id,
            category: category.into(),
            competences: list(competences),
            industries: list(industries),
            offers: Vec::new(),
            ags5: ags5.into(),
            text: text.into(),
        }
    }

    fn sample() -> Index {
        Index::build(vec![
            candidate(
                1,
                "startup",
                &["bildverarbeitung", "robotik"],
                &["umwelt-landwirtschaft"],
                "14612",
                "Feldroboter mit Kameras erkennen Unkraut im Gemüsebau.",
            ),
            candidate(
                2,
                "hochschule",
                &["bildverarbeitung", "robotik", "deep-learning"],
                &["umwelt-landwirtschaft"],
                "14612",
                "Professur für Agrarrobotik: Roboter und Bildverarbeitung für den Ackerbau.",
            ),
            candidate(
                3,
                "unternehmen",
                &["bildverarbeitung"],
                &["produktion"],
                "14713",
                "Optische Qualitätsprüfung von Blechteilen in der Fertigung.",
            ),
            candidate(
                4,
                "forschungseinrichtung",
                &["nlp"],
                &["verwaltung"],
                "14612",
                "Sprachmodelle für Bescheide und Anträge der Verwaltung.",
            ),
            candidate(
                5,
                "netzwerk",
                &["zeitreihen"],
                &["energie"],
                "14522",
                "Netzwerk der Energieversorger: Prognosen für Stromnetze.",
            ),
        ])
    }

    #[test]
    fn stemming_and_folding_let_inflected_words_meet() {
        assert_eq!(
            fold("Präzisionslandwirtschaft"),
            "praezisionslandwirtschaft"
        );
        assert_eq!(stem("landwirtschaftlichen"), "landwirtschaft");
        assert_eq!(stem("bildverarbeitung"), "bildverarbeit");
        assert_eq!(stem("roboter"), "robot");
        assert_eq!(stem("ki"), "ki");
    }

    #[test]
    fn a_need_is_mapped_to_taxonomy_terms_through_synonyms() {
        let r = recognise("Wir suchen Partner für Bildverarbeitung in der Landwirtschaft");
        assert_eq!(
            slugs_of(&COMPETENCES, r.competences),
            vec!["bildverarbeitung"]
        );
        assert_eq!(
            slugs_of(&INDUSTRIES, r.industries),
            vec!["umwelt-landwirtschaft"]
        );
        let r = recognise("Computer Vision für Agrarbetriebe und Präzisionslandwirtschaft");
        assert_eq!(
            slugs_of(&COMPETENCES, r.competences),
            vec!["bildverarbeitung"]
        );
        assert_eq!(
            slugs_of(&INDUSTRIES, r.industries),
            vec!["umwelt-landwirtschaft"]
        );
        let r = recognise("Neuronale Netze für die Produktion, gern als Forschungsprojekt");
        assert_eq!(slugs_of(&COMPETENCES, r.competences), vec!["deep-learning"]);
        assert_eq!(slugs_of(&INDUSTRIES, r.industries), vec!["produktion"]);
        assert_eq!(slugs_of(&OFFERS, r.offers), vec!["forschung-entwicklung"]);
        // Prefixes that would mislead are exact-only.
        let r = recognise("Produktion von Datenbanken");
        assert_eq!(slugs_of(&OFFERS, r.offers), Vec::<&str>::new());
        assert_eq!(slugs_of(&INDUSTRIES, r.industries), vec!["produktion"]);
        assert_eq!(
            slugs_of(&COMPETENCES, r.competences),
            vec!["daten-engineering"]
        );
        assert_eq!(recognise("Weiterbildung").industries, 0);
    }

    #[test]
    fn partners_of_an_actor_are_ranked_by_what_they_share_with_reasons() {
        let index = sample();
        let query = index.query_for_actor(1).unwrap();
        let ranked = index.rank(&query, 5);
        let ids: Vec<i64> = ranked.iter().map(|m| m.id).collect();
        // 2 shares two competences, the industry, the Kreis, research↔company
        // and words; 3 shares one competence; 4 only the Kreis (not enough);
        // 5 nothing; 1 is the seeker itself.
        assert_eq!(ids, vec![2, 3]);
        let best = &ranked[0];
        assert_eq!(
            best.reasons[..4],
            [
                Reason::Competences(vec!["bildverarbeitung", "robotik"]),
                Reason::Industries(vec!["umwelt-landwirtschaft"]),
                Reason::Complementary("forschung"),
                Reason::SameDistrict,
            ]
        );
        let expected = 2.0 * W_COMPETENCE + W_INDUSTRY + W_COMPLEMENT + W_DISTRICT;
        assert!(best.score >= expected, "{}", best.score);
        assert_eq!(
            ranked[1].reasons,
            vec![Reason::Competences(vec!["bildverarbeitung"])]
        );
        assert!((ranked[1].score - W_COMPETENCE).abs() < 1e-9);
    }

    #[test]
    fn a_free_text_need_finds_the_actor_with_those_terms_first() {
        let index = sample();
        let (query, recognised) =
            index.query_for_text("Wir suchen Partner für Bildverarbeitung in der Landwirtschaft");
        assert_eq!(recognised.competences.count_ones(), 1);
        let ranked = index.rank(&query, 10);
        assert_eq!(ranked[0].id, 2, "{ranked:?}");
        assert_eq!(ranked[1].id, 1);
        assert_eq!(ranked[2].id, 3);
        assert_eq!(
            ranked[0].reasons[0],
            Reason::Competences(vec!["bildverarbeitung"])
        );
        assert_eq!(
            ranked[0].reasons[1],
            Reason::Industries(vec!["umwelt-landwirtschaft"])
        );
        assert!(
            matches!(&ranked[0].reasons.last(), Some(Reason::Text(w)) if w.contains(&"bildverarbeitung".to_owned())),
            "{:?}",
            ranked[0].reasons
        );
        assert!(ranked.iter().all(|m| m.id != 5));
    }

    #[test]
    fn text_alone_can_suggest_a_partner() {
        let index = sample();
        let (query, recognised) = index.query_for_text("Bescheide und Anträge");
        assert_eq!(recognised, Recognised::default());
        let ranked = index.rank(&query, 10);
        assert_eq!(ranked.iter().map(|m| m.id).collect::<Vec<_>>(), vec![4]);
        assert!(matches!(&ranked[0].reasons[..], [Reason::Text(w)] if !w.is_empty()));
    }

    #[test]
    fn a_request_never_matches_its_own_actor() {
        let index = sample();
        let query = index.query_for_request(
            2,
            "hochschule",
            "14612",
            &["robotik".to_owned()],
            &[],
            "Feldroboter",
        );
        let ranked = index.rank(&query, 10);
        assert_eq!(ranked[0].id, 1);
        assert!(ranked.iter().all(|m| m.id != 2));
        assert!(
            ranked[0]
                .reasons
                .contains(&Reason::Complementary("unternehmen"))
        );
    }

    #[test]
    fn ranking_twenty_thousand_actors_stays_fast() {
        let comps = ["nlp", "robotik", "bildverarbeitung", "optimierung"];
        let inds = ["produktion", "energie", "gesundheit"];
        let words = [
            "Sensorik", "Prognose", "Kamera", "Lager", "Klinik", "Netz", "Acker", "Chip",
        ];
        let candidates = (0..20_000)
            .map(|i: usize| {
                candidate(
                    i as i64,
                    if i.is_multiple_of(2) {
                        "startup"
                    } else {
                        "hochschule"
                    },
                    &[comps[i % 4], comps[(i / 4) % 4]],
                    &[inds[i % 3]],
                    "14612",
                    &format!(
                        "{} und {} für {} Nummer{}",
                        words[i % 8],
                        words[(i / 8) % 8],
                        words[(i / 64) % 8],
                        i % 500
                    ),
                )
            })
            .collect();
        let index = Index::build(candidates);
        let start = std::time::Instant::now();
        for id in 0..20 {
            let q = index.query_for_actor(id).unwrap();
            assert_eq!(index.rank(&q, 5).len(), 5);
        }
        // Generous for debug builds on a busy machine; release is ~100× faster.
        assert!(
            start.elapsed().as_secs_f64() < 10.0,
            "{:?}",
            start.elapsed()
        );
    }
}
