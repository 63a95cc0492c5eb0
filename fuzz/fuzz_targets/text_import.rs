//! The Markdown import of a strategy text (Beteiligung, text versions):
//! `dias_participation::domain::parse_strategy_markdown` (chapters,
//! sections, paragraphs split at blank lines, problems with their line), the
//! anchor carry-over between two versions (`carry_anchors`) and the word
//! diff shown between versions (`word_diff`).
//!
//! Input: one Markdown text, or `OLD \0 NEW` for two versions.
//!
//! Properties besides "no panic, no hang, bounded memory": every paragraph
//! lies in a chapter and a section, is non-empty and trimmed, positions
//! count 1, 2, … within a section; problems name lines of the text; the
//! word diff puts the old and the new text back together.
#![no_main]

use dias_participation::domain::{
    DiffPart, ParsedParagraph, carry_anchors, parse_strategy_markdown, word_diff,
};
use libfuzzer_sys::fuzz_target;

fn check(text: &str) -> Vec<ParsedParagraph> {
    let (paragraphs, problems) = parse_strategy_markdown(text);
    let lines = text.lines().count();
    for p in &problems {
        assert!(p.line >= 1 && p.line <= lines, "{p:?} of {lines} lines");
    }
    let mut last: Option<&ParsedParagraph> = None;
    for p in &paragraphs {
        assert!(p.chapter_no >= 1 && p.section_no >= 1, "{p:?}");
        assert!(!p.body.is_empty() && p.body.trim() == p.body, "{p:?}");
        let expected = match last {
            Some(l) if (l.chapter_no, l.section_no) == (p.chapter_no, p.section_no) => {
                l.position + 1
            }
            _ => 1,
        };
        assert_eq!(p.position, expected, "{p:?}");
        if let Some(l) = last {
            assert!((l.chapter_no, l.section_no) <= (p.chapter_no, p.section_no));
        }
        last = Some(p);
    }
    paragraphs
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (old, new) = text.split_once('\0').unwrap_or((text, text));
    let old_paragraphs = check(old);
    let new_paragraphs = check(new);
    let anchors: Vec<String> = (0..old_paragraphs.len()).map(|i| format!("a{i}")).collect();
    let previous: Vec<(i32, i32, &str, &str)> = old_paragraphs
        .iter()
        .zip(&anchors)
        .map(|(p, a)| (p.chapter_no, p.section_no, p.body.as_str(), a.as_str()))
        .collect();
    let carried = carry_anchors(&previous, &new_paragraphs);
    assert_eq!(carried.len(), new_paragraphs.len());
    let mut seen = std::collections::HashSet::new();
    for anchor in carried.iter().flatten() {
        assert!(anchors.contains(anchor), "{anchor}");
        assert!(seen.insert(anchor), "anchor {anchor} given twice");
    }
    let diff = word_diff(old, new);
    let (mut before, mut after) = (String::new(), String::new());
    for part in &diff {
        match part {
            DiffPart::Same(t) => {
                before.push_str(t);
                after.push_str(t);
            }
            DiffPart::Removed(t) => before.push_str(t),
            DiffPart::Added(t) => after.push_str(t),
        }
    }
    assert_eq!(before, old);
    assert_eq!(after, new);
});
