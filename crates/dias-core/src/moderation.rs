//! Moderation rules every module follows when people report content: the
//! reasons, when a report is refused, when reports hide content by
//! themselves, and the moderator's actions. Modules keep the reports of
//! their own content in their own tables (ADR 0008) and call these
//! functions, so a report behaves the same in Beteiligung and in the
//! KI-Netzwerk's Austausch. Labels and messages are the core catalogue's
//! (`report-reason-*`, `report-*`).

use crate::validation::FieldErrors;
use crate::{CoreError, CoreResult};

/// Reasons of a report, in form order.
pub const REASONS: [&str; 4] = ["spam", "offensive", "off_topic", "other"];
/// Longest note of a report and reason of an action, in characters.
pub const NOTE_MAX: usize = 1_000;
/// Message id: the person already reported this content.
pub const DUPLICATE: &str = "report-duplicate";

/// Message id of a reason's label.
pub fn reason_label(reason: &str) -> String {
    format!("report-reason-{reason}")
}

/// What the rules need to know of the reported content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reportable {
    pub author_id: Option<i64>,
    pub hidden: bool,
    pub deleted: bool,
}

/// Checks a report before it is stored; returns the trimmed note. Deleted
/// content is not found; one's own and hidden content is refused with a
/// message; an unknown reason, a long note or "other" without a note are
/// field errors.
pub fn check_report(
    reporter_id: i64,
    target: Reportable,
    reason: &str,
    note: &str,
) -> CoreResult<String> {
    if target.deleted {
        return Err(CoreError::NotFound);
    }
    if target.author_id == Some(reporter_id) {
        return Err(CoreError::Conflict("report-own-content".into()));
    }
    if target.hidden {
        return Err(CoreError::Conflict("report-target-hidden".into()));
    }
    let mut errors = FieldErrors::new();
    if !REASONS.contains(&reason) {
        errors.add("reason", "error-invalid-choice");
    }
    let note = note.trim().to_owned();
    if note.chars().count() > NOTE_MAX {
        errors.add("note", "error-too-long");
    } else if reason == "other" && note.is_empty() {
        errors.add("note", "report-error-note-required");
    }
    errors.into_result()?;
    Ok(note)
}

/// Whether `open` reports hide the content by themselves; a threshold of 0
/// switches automatic hiding off.
pub fn hides(open: u64, threshold: u64) -> bool {
    threshold >= 1 && open >= threshold
}

/// Open reports per reason, in the order of [`REASONS`], without reasons
/// nobody gave.
pub fn reason_counts<'a>(reasons: impl IntoIterator<Item = &'a str>) -> Vec<(&'static str, i64)> {
    let mut counts = [0i64; REASONS.len()];
    for reason in reasons {
        if let Some(i) = REASONS.iter().position(|r| *r == reason) {
            counts[i] += 1;
        }
    }
    REASONS
        .iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(r, n)| (*r, n))
        .collect()
}

/// A moderator's action. Every module offers hide, restore and dismiss;
/// approve (pre-moderation) and block (the author) where it has them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Hide,
    Restore,
    Dismiss,
    Approve,
    Block,
}

impl Action {
    pub const ALL: [Action; 5] = [
        Action::Hide,
        Action::Restore,
        Action::Dismiss,
        Action::Approve,
        Action::Block,
    ];

    /// The value stored in a moderation log.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Hide => "hide",
            Action::Restore => "restore",
            Action::Dismiss => "dismiss",
            Action::Approve => "approve",
            Action::Block => "block",
        }
    }

    /// The German URL segment (`…/moderation/verbergen`).
    pub fn slug(self) -> &'static str {
        match self {
            Action::Hide => "verbergen",
            Action::Restore => "wiederherstellen",
            Action::Dismiss => "verwerfen",
            Action::Approve => "freigeben",
            Action::Block => "sperren",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.slug() == slug)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPEN: Reportable = Reportable {
        author_id: Some(1),
        hidden: false,
        deleted: false,
    };

    fn conflict(r: CoreResult<String>) -> String {
        match r {
            Err(CoreError::Conflict(key)) => key,
            other => panic!("expected a conflict, got {other:?}"),
        }
    }

    #[test]
    fn reports_are_refused_for_own_hidden_and_deleted_content() {
        assert_eq!(
            conflict(check_report(1, OPEN, "spam", "")),
            "report-own-content"
        );
        let hidden = Reportable {
            hidden: true,
            ..OPEN
        };
        assert_eq!(
            conflict(check_report(2, hidden, "spam", "")),
            "report-target-hidden"
        );
        let deleted = Reportable {
            deleted: true,
            ..OPEN
        };
        assert!(matches!(
            check_report(2, deleted, "spam", ""),
            Err(CoreError::NotFound)
        ));
        // Content of a deleted account has no author: anyone may report it.
        let orphan = Reportable {
            author_id: None,
            ..OPEN
        };
        assert_eq!(check_report(2, orphan, "spam", "  x ").unwrap(), "x");
    }

    #[test]
    fn reason_and_note_are_checked() {
        let fields = |r: CoreResult<String>| match r {
            Err(CoreError::Invalid(errors)) => errors
                .0
                .iter()
                .map(|e| format!("{}={}", e.field, e.message))
                .collect::<Vec<_>>(),
            other => panic!("expected field errors, got {other:?}"),
        };
        assert_eq!(
            fields(check_report(2, OPEN, "langweilig", "")),
            ["reason=error-invalid-choice"]
        );
        assert_eq!(
            fields(check_report(2, OPEN, "other", "   ")),
            ["note=report-error-note-required"]
        );
        let long = "ä".repeat(NOTE_MAX + 1);
        assert_eq!(
            fields(check_report(2, OPEN, "spam", &long)),
            ["note=error-too-long"]
        );
        assert_eq!(
            check_report(2, OPEN, "other", &"ä".repeat(NOTE_MAX))
                .unwrap()
                .chars()
                .count(),
            NOTE_MAX
        );
    }

    #[test]
    fn thresholds_and_counts() {
        assert!(!hides(2, 3));
        assert!(hides(3, 3));
        assert!(!hides(100, 0), "0 switches automatic hiding off");
        assert_eq!(
            reason_counts(["other", "spam", "other", "unknown"]),
            [("spam", 1), ("other", 2)]
        );
        for a in Action::ALL {
            assert_eq!(Action::from_slug(a.slug()), Some(a));
        }
        assert_eq!(Action::from_slug("hide"), None);
    }
}
