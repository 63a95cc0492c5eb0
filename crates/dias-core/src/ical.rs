//! A small iCalendar (RFC 5545) writer for events: one `VCALENDAR` with
//! `VEVENT`s whose times are UTC (`…Z`), so no `VTIMEZONE` is needed and
//! every calendar shows them in its own zone, or that last whole calendar
//! days (`VALUE=DATE`, e.g. an application deadline). Text values are
//! escaped (backslash, comma, semicolon, newline) and content lines folded
//! at 75 octets without splitting a UTF-8 character; lines end in CRLF.
//! Shared by the KI-Netzwerk's events and the Förderlotse's deadlines.

use jiff::Timestamp;
use jiff::civil::Date;

/// One event as a calendar sees it.
#[derive(Debug, Clone, Default)]
pub struct CalendarEvent {
    /// Globally unique and stable, e.g. `event-12@dias.example`.
    pub uid: String,
    pub start: i64,
    pub end: i64,
    pub summary: String,
    pub description: String,
    pub location: String,
    /// An absolute URL of the event page.
    pub url: String,
    pub categories: Vec<String>,
    pub cancelled: bool,
    /// When the event last changed (`LAST-MODIFIED`).
    pub updated: i64,
    /// An all-day event on this calendar day: `DTSTART;VALUE=DATE` and an
    /// exclusive `DTEND` the day after; `start` and `end` are then unused.
    pub all_day: Option<Date>,
}

/// A calendar with a display name (`X-WR-CALNAME`, read by most clients).
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    pub name: String,
    pub events: Vec<CalendarEvent>,
}

/// `PRODID` of every calendar dias writes.
pub const PRODUCT: &str = "-//Digitalagentur Sachsen//dias//DE";

/// Most octets of a content line, without its CRLF (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// `20261201T130000Z`.
pub fn utc(unix: i64) -> String {
    Timestamp::from_second(unix)
        .map(|ts| ts.strftime("%Y%m%dT%H%M%SZ").to_string())
        .unwrap_or_else(|_| "19700101T000000Z".to_owned())
}

/// Escapes a TEXT value (RFC 5545, 3.3.11). Carriage returns are dropped and
/// line feeds become `\n`.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line to `out`, folded so that no physical line exceeds
/// 75 octets: continuation lines start with one space, which counts.
pub fn push_folded(out: &mut String, line: &str) {
    let mut used = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if used + len > LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += len;
    }
    out.push_str("\r\n");
}

fn property(out: &mut String, name: &str, value: &str) {
    push_folded(out, &format!("{name}:{value}"));
}

/// The whole calendar as text. `stamp` is `DTSTAMP` (when the file was made).
pub fn render(calendar: &Calendar, stamp: i64) -> String {
    let mut out = String::new();
    property(&mut out, "BEGIN", "VCALENDAR");
    property(&mut out, "VERSION", "2.0");
    property(&mut out, "PRODID", PRODUCT);
    property(&mut out, "CALSCALE", "GREGORIAN");
    property(&mut out, "METHOD", "PUBLISH");
    if !calendar.name.is_empty() {
        property(&mut out, "X-WR-CALNAME", &escape_text(&calendar.name));
    }
    for e in &calendar.events {
        property(&mut out, "BEGIN", "VEVENT");
        property(&mut out, "UID", &escape_text(&e.uid));
        property(&mut out, "DTSTAMP", &utc(stamp));
        match e.all_day {
            Some(day) => {
                let next = day.tomorrow().unwrap_or(day);
                property(
                    &mut out,
                    "DTSTART;VALUE=DATE",
                    &day.strftime("%Y%m%d").to_string(),
                );
                property(
                    &mut out,
                    "DTEND;VALUE=DATE",
                    &next.strftime("%Y%m%d").to_string(),
                );
            }
            None => {
                property(&mut out, "DTSTART", &utc(e.start));
                property(&mut out, "DTEND", &utc(e.end));
            }
        }
        property(&mut out, "LAST-MODIFIED", &utc(e.updated));
        property(&mut out, "SUMMARY", &escape_text(&e.summary));
        if !e.description.is_empty() {
            property(&mut out, "DESCRIPTION", &escape_text(&e.description));
        }
        if !e.location.is_empty() {
            property(&mut out, "LOCATION", &escape_text(&e.location));
        }
        if !e.url.is_empty() {
            // URL is of type URI: not escaped like text.
            property(&mut out, "URL", &e.url);
        }
        if !e.categories.is_empty() {
            let list: Vec<String> = e.categories.iter().map(|c| escape_text(c)).collect();
            property(&mut out, "CATEGORIES", &list.join(","));
        }
        property(
            &mut out,
            "STATUS",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            },
        );
        property(&mut out, "END", "VEVENT");
    }
    property(&mut out, "END", "VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_specials() {
        assert_eq!(
            escape_text("a,b;c\\d\r\ne"),
            "a\\,b\\;c\\\\d\\ne".to_owned()
        );
    }

    #[test]
    fn folds_long_lines_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "ä".repeat(100));
        push_folded(&mut out, &line);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn writes_utc_times() {
        // 2026-12-01 14:00 in Berlin is 13:00 UTC.
        assert_eq!(utc(1_796_130_000), "20261201T130000Z");
    }

    #[test]
    fn renders_a_calendar_with_crlf_lines() {
        let text = render(
            &Calendar {
                name: "Test".into(),
                events: vec![CalendarEvent {
                    uid: "event-1@test".into(),
                    start: 0,
                    end: 3600,
                    summary: "KI, Daten; Recht".into(),
                    ..CalendarEvent::default()
                }],
            },
            0,
        );
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.contains("SUMMARY:KI\\, Daten\\; Recht\r\n"));
        assert!(text.ends_with("END:VCALENDAR\r\n"));
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn all_day_events_end_the_next_day() {
        let text = render(
            &Calendar {
                name: String::new(),
                events: vec![CalendarEvent {
                    uid: "deadline-1@test".into(),
                    summary: "Frist".into(),
                    all_day: Some(jiff::civil::date(2026, 12, 31)),
                    ..CalendarEvent::default()
                }],
            },
            0,
        );
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\n"), "{text}");
        assert!(text.contains("DTEND;VALUE=DATE:20270101\r\n"), "{text}");
        assert!(!text.contains("DTSTART:"));
    }
}
