//! The public FAQ: answered inquiries that staff turn into general
//! questions and answers.
//!
//! An entry starts from an inquiry: [`prefill`] proposes the question
//! (subject and message) and the answer (the latest public staff reply)
//! with what identifies the sender already cut out ([`scrub`]). The
//! pre-fill is only a first pass — names written differently, addresses or
//! details of the case stay — so the form demands that staff confirm they
//! removed personal data ([`validate`]) before anything is stored.
//!
//! URLs: a plain link to a public page is part of a good answer and stays;
//! a link that carries something personal (a query string or fragment, a
//! private status link, an address with `@`) is cut out.
//!
//! Entries are search documents (`crate::search`): every change that can
//! alter what the public sees goes through the outbox in the same
//! transaction.

use dias_core::slug;
use dias_core::validation::FieldErrors;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};

use crate::entities::{desk_event, desk_faq};
use crate::store::{self, Inquiry};
use crate::vocab::{Topic, event};

pub use crate::entities::desk_faq::Model as Faq;

/// Search document kind of an FAQ entry.
pub const KIND_FAQ: &str = "desk_faq";
/// What replaces a removed detail.
pub const REDACTED: &str = "[…]";
/// Longest question (the column holds 300 characters).
pub const MAX_QUESTION: usize = 300;
/// Longest answer: a page of text, not a document.
pub const MAX_ANSWER: usize = 20_000;

// ------------------------------------------------------------------ pre-fill

/// Words that open a salutation; a salutation line that names someone is
/// removed as a whole (the name's inflections and the title go with it).
const SALUTATIONS: &[&str] = &[
    "sehr geehrte",
    "sehr geehrter",
    "liebe ",
    "lieber ",
    "hallo",
    "guten tag",
    "guten morgen",
    "moin",
    "servus",
    "dear ",
    "hello",
    "hi ",
];

/// Titles that show a salutation names a person („Frau Muster“).
const TITLES: &[&str] = &[
    "frau ", "herr ", "herrn ", "dr. ", "prof. ", "mr ", "mrs ", "ms ",
];

fn is_salutation(line: &str, names: &[String]) -> bool {
    let lower = line.trim().to_lowercase();
    if lower.chars().count() > 120 || !SALUTATIONS.iter().any(|s| lower.starts_with(s)) {
        return false;
    }
    TITLES.iter().any(|t| lower.contains(t))
        || names
            .iter()
            .any(|n| contains_word(&lower, &n.to_lowercase()))
}

/// Whether `needle` occurs in `haystack` as a whole word.
fn contains_word(haystack: &str, needle: &str) -> bool {
    !needle.is_empty() && find_word(haystack, needle, 0).is_some()
}

/// Byte offset of the next whole-word occurrence of `needle` (both lower
/// case) at or after `from`.
fn find_word(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let mut start = from;
    while let Some(pos) = haystack.get(start..)?.find(needle) {
        let at = start + pos;
        let end = at + needle.len();
        let before = haystack[..at].chars().next_back();
        let after = haystack[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        start = at + needle.len().max(1);
    }
    None
}

/// Replaces every whole-word occurrence of `needle` (any case).
fn replace_word(text: &str, needle: &str) -> String {
    let needle = needle.trim();
    if needle.chars().count() < 2 {
        return text.to_owned();
    }
    let lower = text.to_lowercase();
    let needle_lower = needle.to_lowercase();
    // Lower-casing can change byte lengths (rare letters); then the
    // offsets do not line up and the text is left to the reviewer.
    if lower.len() != text.len() || needle_lower.len() != needle.len() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut from = 0;
    while let Some(at) = find_word(&lower, &needle_lower, from) {
        out.push_str(&text[last..at]);
        out.push_str(REDACTED);
        last = at + needle.len();
        from = last;
    }
    out.push_str(&text[last..]);
    out
}

fn trim_punctuation(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | '('
                | '"'
                | '\''
                | '<'
                | '>'
                | '['
                | ']'
                | '«'
                | '»'
                | '„'
                | '“'
        )
    })
}

fn is_email(word: &str) -> bool {
    let word = trim_punctuation(word);
    let word = word.strip_prefix("mailto:").unwrap_or(word);
    match word.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty() && domain.contains('.') && !domain.ends_with('.')
        }
        None => false,
    }
}

/// A link that carries something about a person: query string, fragment,
/// credentials, or the private status page.
fn is_personal_url(word: &str) -> bool {
    let word = trim_punctuation(word);
    let lower = word.to_lowercase();
    let is_url = lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.starts_with("/anfragen/status/");
    is_url
        && (lower.contains("/anfragen/status/")
            || lower.contains('?')
            || lower.contains('#')
            || lower.contains('@'))
}

/// Replaces words that are e-mail addresses or personal links.
fn scrub_words(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        if is_email(word) || is_personal_url(word) {
            let trimmed = trim_punctuation(word);
            let (pre, post) = word.split_at(word.find(trimmed).unwrap_or(0));
            let post = &post[trimmed.len().min(post.len())..];
            out.push_str(pre);
            out.push_str(REDACTED);
            out.push_str(post);
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in line.chars() {
        if c.is_whitespace() {
            flush(&mut word, &mut out);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Replaces phone numbers: a run of digits, spaces, `+ / - ( )` that
/// starts a word with `+`, `0` or `(`, holds at least six digits and no
/// dot (so dates, amounts, years, AGS and references stay).
fn scrub_phones(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let at_word_start = i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '-');
        if at_word_start && matches!(c, '+' | '0' | '(') {
            let mut j = i;
            let mut digits = 0;
            let mut end = i;
            while j < chars.len() {
                let d = chars[j];
                if d.is_ascii_digit() {
                    digits += 1;
                    end = j + 1;
                } else if matches!(d, '+' | '/' | '-' | '(' | ')') {
                    if d == ')' {
                        end = j + 1;
                    }
                } else {
                    // A single space inside the number, never at its end.
                    let inner_space = d == ' '
                        && chars
                            .get(j + 1)
                            .is_some_and(|n| n.is_ascii_digit() || *n == '(');
                    if !inner_space {
                        break;
                    }
                }
                j += 1;
            }
            let followed_by_word = chars.get(end).is_some_and(|n| {
                n.is_alphanumeric()
                    || *n == '.' && chars.get(end + 1).is_some_and(char::is_ascii_digit)
            });
            if digits >= 6 && !followed_by_word {
                out.push_str(REDACTED);
                i = end;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Cuts out what identifies a person in `text`: e-mail addresses, phone
/// numbers, personal links, salutation lines that name someone, and every
/// whole-word occurrence of `names` (full names first, then their parts of
/// at least three letters, and other exact strings such as the reference).
/// Consecutive removals collapse into one marker.
pub fn scrub(text: &str, names: &[&str]) -> String {
    let mut words: Vec<String> = Vec::new();
    for name in names {
        let name = name.trim();
        if name.is_empty() {
            continue;
        }
        words.push(name.to_owned());
    }
    for name in names {
        for part in name.split_whitespace() {
            let part = trim_punctuation(part);
            if part.chars().count() >= 3 && !words.iter().any(|w| w == part) {
                words.push(part.to_owned());
            }
        }
    }
    // Longer first, so a full name becomes one marker, not two.
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            if is_salutation(line, &words) {
                return REDACTED.to_owned();
            }
            let mut line = scrub_phones(&scrub_words(line));
            for word in &words {
                line = replace_word(&line, word);
            }
            let doubled = format!("{REDACTED} {REDACTED}");
            while line.contains(&doubled) {
                line = line.replace(&doubled, REDACTED);
            }
            line
        })
        .collect();
    lines.join("\n").trim().to_owned()
}

/// The form's first proposal for an entry from an inquiry and its latest
/// public staff reply; `names` are further names to cut out (the replying
/// staff member's).
pub fn prefill(inquiry: &Inquiry, reply: Option<&str>, names: &[&str]) -> FaqInput {
    let mut all: Vec<&str> = vec![inquiry.sender_name.as_str(), inquiry.reference.as_str()];
    all.extend_from_slice(names);
    let email = inquiry.sender_email.as_str();
    let clean = |text: &str| {
        let text = if email.is_empty() {
            text.to_owned()
        } else {
            replace_word(text, email)
        };
        scrub(&text, &all)
    };
    let subject = clean(&inquiry.subject);
    let message = clean(&inquiry.message);
    let question = if message.is_empty() {
        subject
    } else {
        format!("{subject}\n\n{message}")
    };
    // The proposal must fit the form's limit, or the first save fails on
    // text the editor did not write: cut at a word and mark the cut.
    let question = if question.chars().count() > MAX_QUESTION {
        let head: String = question.chars().take(MAX_QUESTION - 1).collect();
        let cut = head.rfind(char::is_whitespace).unwrap_or(head.len());
        format!("{}…", head[..cut].trim_end())
    } else {
        question
    };
    FaqInput {
        topic: inquiry.topic.clone(),
        question,
        answer: reply.map(clean).unwrap_or_default(),
        position: "0".into(),
        confirmed: false,
        published: true,
    }
}

// ---------------------------------------------------------------- the form

/// The entry form as submitted (strings, so it can be shown again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FaqInput {
    pub topic: String,
    pub question: String,
    pub answer: String,
    pub position: String,
    /// „Ich habe personenbezogene Angaben entfernt“.
    pub confirmed: bool,
    pub published: bool,
}

impl FaqInput {
    pub fn from_pairs(pairs: &[(String, String)]) -> Self {
        let get = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        FaqInput {
            topic: get("topic"),
            question: get("question"),
            answer: get("answer"),
            position: get("position"),
            confirmed: !get("confirmed").is_empty(),
            published: !get("published").is_empty(),
        }
    }

    pub fn from_entry(faq: &Faq) -> Self {
        FaqInput {
            topic: faq.topic.clone(),
            question: faq.question.clone(),
            answer: faq.answer.clone(),
            position: faq.position.to_string(),
            confirmed: false,
            published: faq.published,
        }
    }
}

/// A checked entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidFaq {
    pub topic: Topic,
    pub question: String,
    pub answer: String,
    pub position: i32,
    pub published: bool,
}

/// Checks the form. Every save needs the confirmation that personal data
/// was removed: an edit can bring some back.
pub fn validate(input: &FaqInput) -> Result<ValidFaq, FieldErrors> {
    let mut errors = FieldErrors::new();
    let topic = Topic::parse(input.topic.trim());
    if topic.is_none() {
        errors.add("topic", "desk-faq-error-topic");
    }
    let question = input.question.trim();
    if question.is_empty() {
        errors.add("question", "desk-faq-error-question");
    } else if question.chars().count() > MAX_QUESTION {
        errors.add("question", "desk-faq-error-question-long");
    }
    let answer = input.answer.trim();
    if answer.is_empty() {
        errors.add("answer", "desk-faq-error-answer");
    } else if answer.chars().count() > MAX_ANSWER {
        errors.add("answer", "desk-faq-error-answer-long");
    }
    let position = match input.position.trim() {
        "" => Some(0),
        text => text.parse::<i32>().ok().filter(|p| (0..=9999).contains(p)),
    };
    if position.is_none() {
        errors.add("position", "desk-faq-error-position");
    }
    if !input.confirmed {
        errors.add("confirmed", "desk-faq-error-confirmed");
    }
    match (topic, position) {
        (Some(topic), Some(position)) if errors.is_empty() => Ok(ValidFaq {
            topic,
            question: question.to_owned(),
            answer: answer.to_owned(),
            position,
            published: input.published,
        }),
        _ => Err(errors),
    }
}

// ------------------------------------------------------------------- store

/// The latest public staff reply of an inquiry.
pub async fn latest_reply<C: ConnectionTrait>(
    db: &C,
    inquiry_id: i64,
) -> Result<Option<desk_event::Model>, DbErr> {
    desk_event::Entity::find()
        .filter(desk_event::Column::InquiryId.eq(inquiry_id))
        .filter(desk_event::Column::Kind.eq(event::REPLY))
        .filter(desk_event::Column::Public.eq(true))
        .order_by_desc(desk_event::Column::At)
        .order_by_desc(desk_event::Column::Id)
        .one(db)
        .await
}

async fn taken_slugs<C: ConnectionTrait>(db: &C, base: &str) -> Result<Vec<String>, DbErr> {
    desk_faq::Entity::find()
        .filter(desk_faq::Column::Slug.starts_with(base))
        .all(db)
        .await
        .map(|rows| rows.into_iter().map(|r| r.slug).collect())
}

async fn search_changed<C: ConnectionTrait>(db: &C, id: i64) -> Result<(), DbErr> {
    dias_core::outbox::search_changed(db, KIND_FAQ, &id.to_string()).await
}

/// Stores a new entry (from `inquiry_id` if given, recorded in that
/// inquiry's internal history) with a unique slug from its question.
/// Run this and the other changing functions below inside the caller's
/// write transaction, which also holds the audit entry of the change.
pub async fn create<C: ConnectionTrait>(
    db: &C,
    inquiry_id: Option<i64>,
    author_id: i64,
    valid: &ValidFaq,
    now: i64,
) -> Result<Faq, DbErr> {
    let base = slug::slugify(
        valid.question.lines().next().unwrap_or(&valid.question),
        80,
        "frage",
    );
    let slug = slug::unique(&base, &taken_slugs(db, &base).await?);
    let faq = desk_faq::ActiveModel {
        slug: Set(slug),
        topic: Set(valid.topic.key().to_owned()),
        question: Set(valid.question.clone()),
        answer: Set(valid.answer.clone()),
        inquiry_id: Set(inquiry_id),
        published: Set(valid.published),
        position: Set(valid.position),
        created_by: Set(Some(author_id)),
        created_at: Set(now),
        updated_at: Set(now),
        published_at: Set(valid.published.then_some(now)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    if let Some(inquiry_id) = inquiry_id {
        let data = serde_json::json!({ "faq_id": faq.id, "slug": faq.slug }).to_string();
        store::add_event(
            db,
            inquiry_id,
            event::FAQ,
            Some(author_id),
            false,
            "",
            &data,
            now,
        )
        .await?;
    }
    search_changed(db, faq.id).await?;
    Ok(faq)
}

/// Saves an edited entry; its slug (and so its address) stays.
pub async fn update<C: ConnectionTrait>(
    db: &C,
    id: i64,
    valid: &ValidFaq,
    now: i64,
) -> Result<Option<Faq>, DbErr> {
    let Some(current) = desk_faq::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    let first_publication = valid.published && current.published_at.is_none();
    let mut active: desk_faq::ActiveModel = current.into();
    active.topic = Set(valid.topic.key().to_owned());
    active.question = Set(valid.question.clone());
    active.answer = Set(valid.answer.clone());
    active.position = Set(valid.position);
    active.published = Set(valid.published);
    active.updated_at = Set(now);
    if first_publication {
        active.published_at = Set(Some(now));
    }
    let saved = active.update(db).await?;
    search_changed(db, id).await?;
    Ok(Some(saved))
}

/// Publishes or withdraws an entry; `false` when there is none.
pub async fn set_published<C: ConnectionTrait>(
    db: &C,
    id: i64,
    published: bool,
    now: i64,
) -> Result<bool, DbErr> {
    let Some(current) = desk_faq::Entity::find_by_id(id).one(db).await? else {
        return Ok(false);
    };
    let first_publication = published && current.published_at.is_none();
    let mut active: desk_faq::ActiveModel = current.into();
    active.published = Set(published);
    active.updated_at = Set(now);
    if first_publication {
        active.published_at = Set(Some(now));
    }
    active.update(db).await?;
    search_changed(db, id).await?;
    Ok(true)
}

/// Deletes an entry; `false` when there is none.
pub async fn delete<C: ConnectionTrait>(db: &C, id: i64) -> Result<bool, DbErr> {
    let gone = desk_faq::Entity::delete_by_id(id)
        .exec(db)
        .await?
        .rows_affected
        > 0;
    if gone {
        search_changed(db, id).await?;
    }
    Ok(gone)
}

pub async fn by_id<C: ConnectionTrait>(db: &C, id: i64) -> Result<Option<Faq>, DbErr> {
    desk_faq::Entity::find_by_id(id).one(db).await
}

/// A published entry by its slug.
pub async fn published_by_slug<C: ConnectionTrait>(
    db: &C,
    slug: &str,
) -> Result<Option<Faq>, DbErr> {
    desk_faq::Entity::find()
        .filter(desk_faq::Column::Slug.eq(slug))
        .filter(desk_faq::Column::Published.eq(true))
        .one(db)
        .await
}

/// Published entries (of one topic, if given) in reading order.
pub async fn published<C: ConnectionTrait>(
    db: &C,
    topic: Option<Topic>,
) -> Result<Vec<Faq>, DbErr> {
    let mut query = desk_faq::Entity::find().filter(desk_faq::Column::Published.eq(true));
    if let Some(topic) = topic {
        query = query.filter(desk_faq::Column::Topic.eq(topic.key()));
    }
    ordered(query).all(db).await
}

/// Every entry, for staff, in reading order.
pub async fn all<C: ConnectionTrait>(db: &C) -> Result<Vec<Faq>, DbErr> {
    ordered(desk_faq::Entity::find()).all(db).await
}

fn ordered(query: sea_orm::Select<desk_faq::Entity>) -> sea_orm::Select<desk_faq::Entity> {
    query
        .order_by_asc(desk_faq::Column::Topic)
        .order_by_asc(desk_faq::Column::Position)
        .order_by_asc(desk_faq::Column::Id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inquiry() -> Inquiry {
        Inquiry {
            id: 7,
            reference: "DIAS-2026-000007".into(),
            token_salt: None,
            token_hash: None,
            sender_type: "kommune".into(),
            topic: "breitband".into(),
            ags8: None,
            subject: "Markterkundung in Amtsberg".into(),
            message: "Sehr geehrte Frau Berger,\n\nwie läuft das ab? Rufen Sie mich an: 0371 123 45-67 oder +49 (0)351 4567890.\nSchreiben Sie an erika.muster@example.org.\n\nMit freundlichen Grüßen\nErika Muster".into(),
            sender_name: "Erika Muster".into(),
            sender_email: "erika.muster@example.org".into(),
            user_id: None,
            locale: "de".into(),
            status: "beantwortet".into(),
            assignee_id: None,
            team_id: None,
            context_path: None,
            due_at: 0,
            created_at: 0,
            updated_at: 0,
            first_answer_at: None,
            closed_at: None,
            anonymized_at: None,
            version: 1,
        }
    }

    #[test]
    fn the_prefill_fits_the_question_limit_and_keeps_the_topic() {
        let mut long = inquiry();
        long.message = "Wort ".repeat(200);
        let input = prefill(&long, None, &[]);
        assert!(input.question.chars().count() <= MAX_QUESTION);
        assert!(input.question.ends_with("Wort…"), "{}", input.question);
        assert_eq!(input.topic, long.topic);
    }

    #[test]
    fn the_prefill_removes_the_senders_address_name_and_phone() {
        let reply = "Hallo Frau Muster,\n\ndie Förderrichtlinie steht unter https://www.digitalagentur.sachsen.de/foerderung. \
                     Ihren Stand sehen Sie unter https://dias.example/anfragen/status/abcDEF123456789012345 – Ihre Anfrage DIAS-2026-000007.\n\
                     Viele Grüße\nJonas Berger";
        let input = prefill(&inquiry(), Some(reply), &["Jonas Berger"]);
        for gone in [
            "erika",
            "Erika",
            "Muster",
            "0371",
            "4567890",
            "@",
            "abcDEF",
            "Berger",
            "DIAS-2026",
            "Sehr geehrte",
        ] {
            assert!(
                !input.question.contains(gone),
                "{gone} in {}",
                input.question
            );
            assert!(!input.answer.contains(gone), "{gone} in {}", input.answer);
        }
        assert!(
            input
                .question
                .starts_with("Markterkundung in Amtsberg\n\n[…]")
        );
        assert!(
            input
                .question
                .contains("wie läuft das ab? Rufen Sie mich an: […] oder […].")
        );
        assert!(input.question.contains("Schreiben Sie an […]."));
        assert!(input.question.ends_with("Mit freundlichen Grüßen\n[…]"));
        // A link to a public page stays, the private status link goes.
        assert!(
            input
                .answer
                .contains("https://www.digitalagentur.sachsen.de/foerderung.")
        );
        assert!(input.answer.contains("unter […] – Ihre Anfrage […]."));
        assert_eq!(input.topic, "breitband");
        assert!(!input.confirmed, "staff must confirm themselves");
    }

    #[test]
    fn numbers_that_are_not_phone_numbers_stay() {
        let text = "Am 16.11.2026 gab es 50.000 € für 1.234 Adressen in 14521010, Paragraf 0815 und DIAS-2026-000123.";
        assert_eq!(scrub(text, &[]), text);
        assert_eq!(scrub("Tel. 0351/123456", &[]), "Tel. […]");
        assert_eq!(scrub("Tel.: (0351) 12 34 56", &[]), "Tel.: […]");
    }

    #[test]
    fn names_are_removed_as_whole_words_only() {
        assert_eq!(
            scrub(
                "Frau Muster aus Musterstadt schrieb Muster.",
                &["Erika Muster"]
            ),
            "Frau […] aus Musterstadt schrieb […]."
        );
        assert_eq!(scrub("Erika Muster", &["Erika Muster"]), "[…]");
        assert_eq!(
            scrub("Sehr geehrte Damen und Herren,\nText", &["Erika Muster"]),
            "Sehr geehrte Damen und Herren,\nText"
        );
        assert_eq!(scrub("Hallo Erika,\nText", &["Erika Muster"]), "[…]\nText");
        assert_eq!(scrub("Guten Tag Herr Dr. Kühn,\nText", &[]), "[…]\nText");
    }

    #[test]
    fn the_form_needs_the_confirmation_and_a_topic() {
        let mut input = FaqInput {
            topic: "foerderung".into(),
            question: "Wer wird gefördert?".into(),
            answer: "Kommunen.".into(),
            position: "".into(),
            confirmed: false,
            published: true,
        };
        let errors = validate(&input).unwrap_err();
        assert_eq!(errors.get("confirmed"), Some("desk-faq-error-confirmed"));
        input.confirmed = true;
        let valid = validate(&input).unwrap();
        assert_eq!(valid.topic, Topic::Funding);
        assert_eq!(valid.position, 0);
        input.topic = "Förderung".into();
        input.question = " ".into();
        input.position = "-3".into();
        let errors = validate(&input).unwrap_err();
        assert!(errors.get("topic").is_some());
        assert!(errors.get("question").is_some());
        assert!(errors.get("position").is_some());
    }
}
