//! The rules of Beteiligung as plain functions: phases and their switches,
//! vocabularies (topics, statuses, categories, stances), the proposal status
//! workflow, the stable random order, the word-level diff of suggestions
//! and the Markdown import of the strategy text. Nothing here knows of HTTP
//! or SQL.

use crate::entities::phase;

/// What a phase can switch on (Decidim's per-phase settings).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Feature {
    Commenting,
    Proposals,
    Supporting,
    Suggestions,
    StatementVoting,
    Survey,
}

impl Feature {
    pub fn enabled_in(self, p: &phase::Model) -> bool {
        match self {
            Feature::Commenting => p.commenting,
            Feature::Proposals => p.proposals,
            Feature::Supporting => p.supporting,
            Feature::Suggestions => p.suggestions,
            Feature::StatementVoting => p.statement_voting,
            Feature::Survey => p.survey,
        }
    }

    /// Message id explaining that the current phase does not allow it.
    pub fn closed_message(self) -> &'static str {
        match self {
            Feature::Commenting => "phase-closed-commenting",
            Feature::Proposals => "phase-closed-proposals",
            Feature::Supporting => "phase-closed-supporting",
            Feature::Suggestions => "phase-closed-suggestions",
            Feature::StatementVoting => "phase-closed-voting",
            Feature::Survey => "phase-closed-survey",
        }
    }
}

/// The current phase: the one staff chose by hand (`override_id`), else the
/// one whose dates contain `now` (phases are ordered by position).
pub fn current_phase(
    phases: &[phase::Model],
    override_id: Option<i64>,
    now: i64,
) -> Option<&phase::Model> {
    if let Some(chosen) = override_id.and_then(|id| phases.iter().find(|p| p.id == id)) {
        return Some(chosen);
    }
    phases
        .iter()
        .find(|p| p.starts_at <= now && now < p.ends_at)
}

/// Whether `feature` is open right now.
pub fn is_open(
    phases: &[phase::Model],
    override_id: Option<i64>,
    now: i64,
    feature: Feature,
) -> bool {
    current_phase(phases, override_id, now).is_some_and(|p| feature.enabled_in(p))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseState {
    Past,
    Current,
    Upcoming,
}

pub fn phase_state(p: &phase::Model, now: i64) -> PhaseState {
    if now >= p.ends_at {
        PhaseState::Past
    } else if now >= p.starts_at {
        PhaseState::Current
    } else {
        PhaseState::Upcoming
    }
}

/// Handlungsfelder of the strategy (proposal topics).
pub const TOPICS: [&str; 6] = [
    "infrastruktur",
    "verwaltung",
    "wirtschaft",
    "bildung",
    "ki-daten",
    "sicherheit",
];

/// Proposal statuses in workflow order.
pub const STATUSES: [&str; 6] = [
    "submitted",
    "in_review",
    "accepted",
    "partly_accepted",
    "rejected",
    "implemented",
];

/// Whether staff may move a proposal from `from` to `to`.
pub fn transition_allowed(from: &str, to: &str) -> bool {
    matches!(
        (from, to),
        (
            "submitted",
            "in_review" | "accepted" | "partly_accepted" | "rejected"
        ) | ("in_review", "accepted" | "partly_accepted" | "rejected")
            | ("accepted" | "partly_accepted", "implemented" | "rejected")
            | ("rejected", "in_review")
    )
}

/// Paragraph-comment categories (adhocracy+).
pub const CATEGORIES: [&str; 4] = ["anregung", "frage", "kritik", "zustimmung"];
/// Comment stances.
pub const STANCES: [&str; 3] = ["pro", "contra", "neutral"];
/// Decisions on change suggestions.
pub const DECISIONS: [&str; 3] = ["adopted", "partly_adopted", "rejected"];
/// Deepest reply level (0 = top-level comment).
pub const MAX_DEPTH: i32 = 2;
/// Minutes during which authors may edit their comment.
pub const EDIT_WINDOW_SECS: i64 = 15 * 60;

/// A position in a stable pseudo-random order: the same seed gives the same
/// order (so a visitor can page through "random"), different seeds differ.
/// Computed identically in SQL (see `store::random_order_expr`).
pub fn random_rank(id: i64, seed: i64) -> i64 {
    id.wrapping_mul(random_multiplier(seed))
        .rem_euclid(RANDOM_MODULUS)
}

/// The seed chooses the multiplier, so that each seed gives another
/// permutation: modulo a prime, every non-zero multiplier permutes the ids,
/// and scattering it by a large factor makes neighbouring seeds differ.
/// The multiplier is below 2³², so `id · multiplier` stays below 2⁶³ for ids
/// below 2³¹, and the database computes exactly what this function does.
pub fn random_multiplier(seed: i64) -> i64 {
    let s = i128::from(seed.rem_euclid(RANDOM_MODULUS - 1)) + 1;
    ((i128::from(RANDOM_MULTIPLIER) * s) % i128::from(RANDOM_MODULUS)) as i64
}

pub const RANDOM_MULTIPLIER: i64 = 2_654_435_761;
pub const RANDOM_MODULUS: i64 = 4_294_967_291;

/// A piece of a word-level diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffPart {
    Same(String),
    Removed(String),
    Added(String),
}

/// Word-level diff of two wordings, adjacent parts of the same kind merged.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    use similar::{ChangeTag, TextDiff};
    let diff = TextDiff::from_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value().to_owned();
        let part = match change.tag() {
            ChangeTag::Equal => DiffPart::Same(text),
            ChangeTag::Delete => DiffPart::Removed(text),
            ChangeTag::Insert => DiffPart::Added(text),
        };
        match (parts.last_mut(), &part) {
            (Some(DiffPart::Same(a)), DiffPart::Same(b))
            | (Some(DiffPart::Removed(a)), DiffPart::Removed(b))
            | (Some(DiffPart::Added(a)), DiffPart::Added(b)) => a.push_str(b),
            _ => parts.push(part),
        }
    }
    parts
}

/// A paragraph parsed from Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedParagraph {
    pub chapter_no: i32,
    pub chapter_title: String,
    pub section_no: i32,
    pub section_title: String,
    pub position: i32,
    pub body: String,
}

/// A problem in an imported text, with its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    pub line: usize,
    pub message: String,
}

/// Parses `# Kapitel`, `## Abschnitt` and paragraphs separated by blank
/// lines. Text before the first chapter, deeper headings and paragraphs
/// outside a section are reported with their line; the rest is kept.
pub fn parse_strategy_markdown(markdown: &str) -> (Vec<ParsedParagraph>, Vec<ImportProblem>) {
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let (mut chapter_no, mut section_no, mut position) = (0, 0, 0);
    let (mut chapter_title, mut section_title) = (String::new(), String::new());
    let mut current: Vec<&str> = Vec::new();
    let mut current_line = 0;
    let flush = |current: &mut Vec<&str>,
                 line: usize,
                 chapter_no: i32,
                 chapter_title: &str,
                 section_no: i32,
                 section_title: &str,
                 position: &mut i32,
                 out: &mut Vec<ParsedParagraph>,
                 problems: &mut Vec<ImportProblem>| {
        if current.is_empty() {
            return;
        }
        let body = current.join("\n").trim().to_owned();
        current.clear();
        if body.is_empty() {
            return;
        }
        if section_no == 0 {
            problems.push(ImportProblem {
                line,
                message: "import-paragraph-outside-section".into(),
            });
            return;
        }
        *position += 1;
        out.push(ParsedParagraph {
            chapter_no,
            chapter_title: chapter_title.to_owned(),
            section_no,
            section_title: section_title.to_owned(),
            position: *position,
            body,
        });
    };
    for (i, line) in markdown.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim_end();
        if let Some(title) = trimmed.strip_prefix("# ") {
            flush(
                &mut current,
                current_line,
                chapter_no,
                &chapter_title,
                section_no,
                &section_title,
                &mut position,
                &mut out,
                &mut problems,
            );
            chapter_no += 1;
            chapter_title = title.trim().to_owned();
            section_no = 0;
            position = 0;
        } else if let Some(title) = trimmed.strip_prefix("## ") {
            flush(
                &mut current,
                current_line,
                chapter_no,
                &chapter_title,
                section_no,
                &section_title,
                &mut position,
                &mut out,
                &mut problems,
            );
            if chapter_no == 0 {
                problems.push(ImportProblem {
                    line: line_no,
                    message: "import-section-before-chapter".into(),
                });
                continue;
            }
            section_no += 1;
            section_title = title.trim().to_owned();
            position = 0;
        } else if trimmed.starts_with('#') {
            problems.push(ImportProblem {
                line: line_no,
                message: "import-heading-too-deep".into(),
            });
        } else if trimmed.trim().is_empty() {
            flush(
                &mut current,
                current_line,
                chapter_no,
                &chapter_title,
                section_no,
                &section_title,
                &mut position,
                &mut out,
                &mut problems,
            );
        } else {
            if current.is_empty() {
                current_line = line_no;
            }
            current.push(trimmed);
        }
    }
    flush(
        &mut current,
        current_line,
        chapter_no,
        &chapter_title,
        section_no,
        &section_title,
        &mut position,
        &mut out,
        &mut problems,
    );
    (out, problems)
}

/// Anchors of the previous version carried over to newly parsed paragraphs:
/// within the same chapter and section, each new paragraph takes the anchor
/// of the most similar unmatched previous paragraph if at least half of the
/// words agree, so inserted, removed and reworded paragraphs keep their
/// identity. `previous` holds (chapter, section, text, anchor).
pub fn carry_anchors(
    previous: &[(i32, i32, &str, &str)],
    parsed: &[ParsedParagraph],
) -> Vec<Option<String>> {
    let mut taken = vec![false; previous.len()];
    parsed
        .iter()
        .map(|p| {
            let best = previous
                .iter()
                .enumerate()
                .filter(|(i, (c, s, _, _))| !taken[*i] && *c == p.chapter_no && *s == p.section_no)
                .map(|(i, (_, _, text, anchor))| (i, similarity(text, &p.body), *anchor))
                .filter(|(_, ratio, _)| *ratio >= 0.5)
                .max_by(|a, b| a.1.total_cmp(&b.1));
            best.map(|(i, _, anchor)| {
                taken[i] = true;
                anchor.to_owned()
            })
        })
        .collect()
}

/// Share of words two texts have in common (0–1).
pub fn similarity(a: &str, b: &str) -> f32 {
    similar::TextDiff::from_words(a, b).ratio()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phase(starts: i64, ends: i64, supporting: bool) -> phase::Model {
        phase::Model {
            id: starts,
            process_id: 1,
            position: 1,
            name: "p".into(),
            description: String::new(),
            starts_at: starts,
            ends_at: ends,
            commenting: true,
            proposals: false,
            supporting,
            suggestions: false,
            statement_voting: false,
            survey: false,
        }
    }

    #[test]
    fn current_phase_follows_dates_with_end_exclusive() {
        let phases = vec![phase(0, 100, true), phase(100, 200, false)];
        assert_eq!(current_phase(&phases, None, 50).map(|p| p.id), Some(0));
        assert_eq!(current_phase(&phases, None, 100).map(|p| p.id), Some(100));
        assert!(current_phase(&phases, None, 200).is_none());
        assert!(is_open(&phases, None, 99, Feature::Supporting));
        assert!(!is_open(&phases, None, 100, Feature::Supporting));
        assert!(
            !is_open(&phases, None, 250, Feature::Commenting),
            "after the last phase nothing is open"
        );
        // Staff's choice wins over the dates, even after the last phase; an
        // override naming a phase that no longer exists falls back to the dates.
        assert_eq!(current_phase(&phases, Some(0), 150).map(|p| p.id), Some(0));
        assert!(is_open(&phases, Some(0), 250, Feature::Supporting));
        assert_eq!(
            current_phase(&phases, Some(77), 150).map(|p| p.id),
            Some(100)
        );
        assert_eq!(phase_state(&phases[0], 150), PhaseState::Past);
        assert_eq!(phase_state(&phases[1], 150), PhaseState::Current);
        assert_eq!(phase_state(&phases[1], 50), PhaseState::Upcoming);
    }

    #[test]
    fn status_workflow_allows_only_forward_steps_and_reconsideration() {
        assert!(transition_allowed("submitted", "in_review"));
        assert!(transition_allowed("in_review", "partly_accepted"));
        assert!(transition_allowed("accepted", "implemented"));
        assert!(transition_allowed("rejected", "in_review"));
        assert!(!transition_allowed("submitted", "implemented"));
        assert!(!transition_allowed("implemented", "submitted"));
        assert!(!transition_allowed("in_review", "in_review"));
    }

    #[test]
    fn random_order_is_stable_per_seed_and_differs_between_seeds() {
        let order = |seed| {
            let mut ids: Vec<i64> = (1..=50).collect();
            ids.sort_by_key(|id| random_rank(*id, seed));
            ids
        };
        assert_eq!(order(7), order(7));
        assert_ne!(order(7), order(8));
        assert_ne!(order(7), (1..=50).collect::<Vec<_>>());
    }

    #[test]
    fn word_diff_marks_changed_words_only() {
        let parts = word_diff(
            "Alle Haushalte sollen bis 2030 Gigabit haben.",
            "Alle Haushalte und Betriebe sollen bis 2028 Gigabit haben.",
        );
        assert!(
            parts.contains(&DiffPart::Added("und Betriebe ".into()))
                || parts
                    .iter()
                    .any(|p| matches!(p, DiffPart::Added(t) if t.contains("Betriebe")))
        );
        assert!(
            parts
                .iter()
                .any(|p| matches!(p, DiffPart::Removed(t) if t.contains("2030")))
        );
        assert!(
            parts
                .iter()
                .any(|p| matches!(p, DiffPart::Added(t) if t.contains("2028")))
        );
        let rebuilt_new: String = parts
            .iter()
            .filter_map(|p| match p {
                DiffPart::Same(t) | DiffPart::Added(t) => Some(t.as_str()),
                DiffPart::Removed(_) => None,
            })
            .collect();
        assert_eq!(
            rebuilt_new,
            "Alle Haushalte und Betriebe sollen bis 2028 Gigabit haben."
        );
    }

    #[test]
    fn anchors_follow_paragraphs_through_insertions_and_rewordings() {
        let previous = [
            (1, 1, "Alle Haushalte sollen bis 2030 Gigabit haben.", "a1"),
            (1, 1, "Der Mobilfunk wird ausgebaut.", "a2"),
            (1, 2, "Schulen bekommen Glasfaser.", "a3"),
        ];
        let (parsed, _) = parse_strategy_markdown(
            "# K\n\n## A\n\nEin ganz neuer Absatz über Rechenzentren.\n\nAlle Haushalte und Betriebe sollen bis 2028 Gigabit haben.\n\nDer Mobilfunk wird ausgebaut.\n\n## B\n\nEtwas völlig anderes.\n",
        );
        let anchors = carry_anchors(&previous, &parsed);
        assert_eq!(
            anchors,
            vec![None, Some("a1".into()), Some("a2".into()), None]
        );
    }

    #[test]
    fn markdown_import_builds_chapters_sections_paragraphs_and_reports_problems() {
        let md = "Vorwort ohne Kapitel\n\n# Infrastruktur\n\n## Glasfaser\n\nErster Absatz\nzweite Zeile.\n\nZweiter Absatz.\n\n### Zu tief\n\n## Mobilfunk\n\nDritter.\n\n# Verwaltung\n\nOhne Abschnitt.\n";
        let (paragraphs, problems) = parse_strategy_markdown(md);
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(paragraphs[0].body, "Erster Absatz\nzweite Zeile.");
        assert_eq!(
            (
                paragraphs[1].chapter_no,
                paragraphs[1].section_no,
                paragraphs[1].position
            ),
            (1, 1, 2)
        );
        assert_eq!(
            (paragraphs[2].section_title.as_str(), paragraphs[2].position),
            ("Mobilfunk", 1)
        );
        let lines: Vec<(usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(
            lines,
            vec![
                (1, "import-paragraph-outside-section"),
                (12, "import-heading-too-deep"),
                (20, "import-paragraph-outside-section")
            ]
        );
    }
}
