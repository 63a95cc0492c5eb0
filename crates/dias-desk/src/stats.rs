//! Statistics of the desk, public at `/anfragen/statistik`: inquiries per
//! topic, per sender type and per month, the median time to the first
//! answer and the share answered within the target time.
//!
//! The figures come from four columns of every inquiry (topic, sender
//! type, receipt, first answer) — no text, no sender, no Gemeinde — read in
//! one query ([`rows`]) and aggregated by the pure functions below.
//! Anonymized inquiries keep these columns and count like all others.
//!
//! No suppression of small counts: each figure is one dimension alone
//! (never topic × sender type × month), without place or text, so a count
//! of one tells nobody who asked or what.
//!
//! Within target: an inquiry's stored `due_at` moves (a Rückfrage or a
//! change of topic recomputes it), so it says nothing about the promise
//! made on receipt. The target is therefore recomputed from the receipt
//! and the topic's target time ([`crate::calendar::due_at`]); an inquiry
//! counts as within target when its first answer came by then. Inquiries
//! still unanswered after that date count as missed; those unanswered but
//! not yet due are left out, since their outcome is open.

use std::collections::HashMap;

use jiff::civil::Date;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, QuerySelect};

use crate::calendar;
use crate::entities::{desk_inquiry, desk_topic};
use crate::vocab::{DEFAULT_TARGET_DAYS, SenderType, Topic};

/// The columns of one inquiry the statistics use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub topic: String,
    pub sender_type: String,
    pub created_at: i64,
    pub first_answer_at: Option<i64>,
}

/// Every inquiry's [`Row`], in one query.
pub async fn rows<C: ConnectionTrait>(db: &C) -> Result<Vec<Row>, DbErr> {
    let raw: Vec<(String, String, i64, Option<i64>)> = desk_inquiry::Entity::find()
        .select_only()
        .column(desk_inquiry::Column::Topic)
        .column(desk_inquiry::Column::SenderType)
        .column(desk_inquiry::Column::CreatedAt)
        .column(desk_inquiry::Column::FirstAnswerAt)
        .into_tuple()
        .all(db)
        .await?;
    Ok(raw
        .into_iter()
        .map(|(topic, sender_type, created_at, first_answer_at)| Row {
            topic,
            sender_type,
            created_at,
            first_answer_at,
        })
        .collect())
}

/// Target answer time per topic (working days), from the settings.
pub async fn targets<C: ConnectionTrait>(db: &C) -> Result<HashMap<String, u32>, DbErr> {
    let raw: Vec<(String, i32)> = desk_topic::Entity::find()
        .select_only()
        .column(desk_topic::Column::Topic)
        .column(desk_topic::Column::TargetDays)
        .into_tuple()
        .all(db)
        .await?;
    Ok(raw
        .into_iter()
        .map(|(topic, days)| (topic, u32::try_from(days).unwrap_or(1).max(1)))
        .collect())
}

/// The target of a topic: its setting or the default.
pub fn target_of(targets: &HashMap<String, u32>, topic: &str) -> u32 {
    targets
        .get(topic)
        .copied()
        .unwrap_or(DEFAULT_TARGET_DAYS as u32)
}

/// Count per topic, every topic listed (also with 0).
pub fn per_topic(rows: &[Row]) -> Vec<(Topic, usize)> {
    Topic::ALL
        .iter()
        .map(|t| (*t, rows.iter().filter(|r| r.topic == t.key()).count()))
        .collect()
}

/// Count per sender type, every type listed.
pub fn per_sender_type(rows: &[Row]) -> Vec<(SenderType, usize)> {
    SenderType::ALL
        .iter()
        .map(|s| (*s, rows.iter().filter(|r| r.sender_type == s.key()).count()))
        .collect()
}

/// The first day of the month of `day`.
fn month_of(day: Date) -> Date {
    day.first_of_month()
}

/// Inquiries received per month (Berlin time) over the `months` months
/// ending with the month of `today`, oldest first; each month is given by
/// its first day.
pub fn per_month(rows: &[Row], today: Date, months: u32) -> Vec<(Date, usize)> {
    let last = month_of(today);
    let mut list: Vec<(Date, usize)> = (0..months)
        .rev()
        .filter_map(|back| {
            last.checked_sub(jiff::Span::new().months(i64::from(back)))
                .ok()
                .map(|d| (d, 0))
        })
        .collect();
    for row in rows {
        let month = month_of(calendar::berlin_date(row.created_at));
        if let Some(slot) = list.iter_mut().find(|(m, _)| *m == month) {
            slot.1 += 1;
        }
    }
    list
}

/// The median, the mean of the two middle values for an even count;
/// `None` for no values.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

/// Time to the first answer of a group of inquiries.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerTime {
    /// Inquiries with a first answer.
    pub answered: usize,
    /// Median in Saxon working days between the Berlin days of receipt
    /// and first answer (0: answered on the day of receipt).
    pub working_days: Option<f64>,
    /// Median in hours.
    pub hours: Option<f64>,
}

pub fn answer_time<'a>(rows: impl Iterator<Item = &'a Row>) -> AnswerTime {
    let mut days = Vec::new();
    let mut hours = Vec::new();
    for row in rows {
        let Some(answer) = row.first_answer_at else {
            continue;
        };
        days.push(f64::from(calendar::working_days_between(
            calendar::berlin_date(row.created_at),
            calendar::berlin_date(answer),
        )));
        hours.push((answer - row.created_at).max(0) as f64 / 3600.0);
    }
    AnswerTime {
        answered: days.len(),
        working_days: median(&mut days),
        hours: median(&mut hours),
    }
}

/// Answer time per topic, then for all inquiries (`None`).
pub fn answer_times(rows: &[Row]) -> Vec<(Option<Topic>, AnswerTime)> {
    let mut list: Vec<(Option<Topic>, AnswerTime)> = Topic::ALL
        .iter()
        .map(|t| {
            (
                Some(*t),
                answer_time(rows.iter().filter(|r| r.topic == t.key())),
            )
        })
        .collect();
    list.push((None, answer_time(rows.iter())));
    list
}

/// How many inquiries of a group were answered within their target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WithinTarget {
    /// First answered by the target date.
    pub within: usize,
    /// Decided: answered, or unanswered past the target date.
    pub decided: usize,
}

impl WithinTarget {
    /// Share in percent, `None` without decided inquiries.
    pub fn percent(&self) -> Option<f64> {
        (self.decided > 0).then(|| self.within as f64 * 100.0 / self.decided as f64)
    }
}

/// See the module documentation for what counts.
pub fn within_target<'a>(
    rows: impl Iterator<Item = &'a Row>,
    targets: &HashMap<String, u32>,
    now: i64,
) -> WithinTarget {
    let mut result = WithinTarget {
        within: 0,
        decided: 0,
    };
    for row in rows {
        let due = calendar::due_at(row.created_at, target_of(targets, &row.topic));
        match row.first_answer_at {
            Some(answer) => {
                result.decided += 1;
                if answer <= due {
                    result.within += 1;
                }
            }
            None if now > due => result.decided += 1,
            None => {}
        }
    }
    result
}

/// Within target per topic, then for all (`None`).
pub fn within_targets(
    rows: &[Row],
    targets: &HashMap<String, u32>,
    now: i64,
) -> Vec<(Option<Topic>, WithinTarget)> {
    let mut list: Vec<(Option<Topic>, WithinTarget)> = Topic::ALL
        .iter()
        .map(|t| {
            (
                Some(*t),
                within_target(rows.iter().filter(|r| r.topic == t.key()), targets, now),
            )
        })
        .collect();
    list.push((None, within_target(rows.iter(), targets, now)));
    list
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn at(y: i16, m: i8, d: i8, h: i8) -> i64 {
        date(y, m, d)
            .at(h, 0, 0, 0)
            .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Berlin").unwrap())
            .unwrap()
            .timestamp()
            .as_second()
    }

    fn row(topic: &str, created: i64, answer: Option<i64>) -> Row {
        Row {
            topic: topic.into(),
            sender_type: "buerger".into(),
            created_at: created,
            first_answer_at: answer,
        }
    }

    #[test]
    fn the_median_of_odd_even_and_no_values() {
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0]), Some(3.0));
        assert_eq!(median(&mut [5.0, 1.0, 3.0]), Some(3.0));
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 3.0]), Some(2.5));
    }

    #[test]
    fn answer_times_skip_saxon_holidays_and_weekends() {
        let rows = [
            // Tuesday 17 Nov 2026 → Thursday 19 Nov: Buß- und Bettag
            // between, 1 working day, 48 hours.
            row(
                "breitband",
                at(2026, 11, 17, 10),
                Some(at(2026, 11, 19, 10)),
            ),
            // Friday 30 Oct → Monday 2 Nov (Reformationstag on Saturday):
            // 1 working day, 72 hours.
            row("breitband", at(2026, 10, 30, 9), Some(at(2026, 11, 2, 9))),
            // Same day: 0 working days, 2 hours.
            row(
                "foerderung",
                at(2026, 11, 23, 8),
                Some(at(2026, 11, 23, 10)),
            ),
            // Not answered: not in the median.
            row("foerderung", at(2026, 11, 23, 8), None),
        ];
        let all = answer_time(rows.iter());
        assert_eq!(all.answered, 3);
        assert_eq!(all.working_days, Some(1.0));
        assert_eq!(all.hours, Some(48.0));
        let broadband = answer_time(rows.iter().filter(|r| r.topic == "breitband"));
        assert_eq!(broadband.working_days, Some(1.0));
        assert_eq!(broadband.hours, Some(60.0));
        let none = answer_time(std::iter::empty());
        assert_eq!(
            none,
            AnswerTime {
                answered: 0,
                working_days: None,
                hours: None
            }
        );
    }

    #[test]
    fn within_target_uses_the_target_from_receipt() {
        let mut targets = HashMap::new();
        targets.insert("breitband".to_owned(), 1);
        let now = at(2026, 12, 31, 12);
        let rows = [
            // Received Tuesday 17 Nov, 1 working day → due end of Thursday
            // 19 Nov (18 Nov is Buß- und Bettag): answered on the 19th.
            row(
                "breitband",
                at(2026, 11, 17, 10),
                Some(at(2026, 11, 19, 23)),
            ),
            // Answered Friday 20 Nov: late.
            row("breitband", at(2026, 11, 17, 10), Some(at(2026, 11, 20, 8))),
            // Unanswered and overdue: missed.
            row("breitband", at(2026, 11, 17, 10), None),
            // Unanswered, due only after `now`: open, not counted.
            row("breitband", at(2026, 12, 31, 11), None),
            // Default target of 5 days: Monday 16 → Monday 23 Nov is
            // within (Tue, Thu, Fri, Mon).
            row("ki", at(2026, 11, 16, 9), Some(at(2026, 11, 23, 9))),
        ];
        let all = within_target(rows.iter(), &targets, now);
        assert_eq!(
            all,
            WithinTarget {
                within: 2,
                decided: 4
            }
        );
        assert_eq!(all.percent(), Some(50.0));
        assert_eq!(
            within_target(std::iter::empty(), &targets, now).percent(),
            None
        );
    }

    #[test]
    fn months_are_the_last_twelve_in_berlin_time() {
        let rows = [
            row("ki", at(2026, 11, 1, 0), None),
            // 23:30 UTC on 31 Oct is already 1 November in Berlin.
            Row {
                created_at: at(2026, 11, 1, 0) + 1800,
                ..row("ki", 0, None)
            },
            row("ki", at(2025, 12, 5, 0), None),
            // Thirteen months back: outside.
            row("ki", at(2025, 11, 5, 0), None),
        ];
        let months = per_month(&rows, date(2026, 11, 28), 12);
        assert_eq!(months.len(), 12);
        assert_eq!(months[0], (date(2025, 12, 1), 1));
        assert_eq!(months[11].0, date(2026, 11, 1));
        assert_eq!(months.iter().map(|m| m.1).sum::<usize>(), 3);
        assert_eq!(per_month(&[], date(2026, 11, 28), 12).len(), 12);
    }

    #[test]
    fn every_topic_and_sender_type_is_listed() {
        let rows = [row("ki", 0, None), row("ki", 0, None)];
        let topics = per_topic(&rows);
        assert_eq!(topics.len(), Topic::ALL.len());
        assert!(topics.contains(&(Topic::Ai, 2)));
        let senders = per_sender_type(&rows);
        assert!(senders.contains(&(SenderType::Citizen, 2)));
        assert_eq!(senders.iter().map(|s| s.1).sum::<usize>(), 2);
    }
}
