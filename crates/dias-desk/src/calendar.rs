//! Working days in Saxony: weekdays that are not statutory public holidays
//! of the Free State (SächsSFG). Target answer times are counted in them.
//!
//! Fronleichnam is a holiday only in some Sorbian Catholic municipalities
//! of the Landkreis Bautzen, not statewide, so the agency's calendar does
//! not count it.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday, date};
use jiff::tz::TimeZone;

/// Easter Sunday of `year` (Gregorian calendar, the anonymous algorithm
/// published by Meeus).
pub fn easter_sunday(year: i16) -> Date {
    let y = i32::from(year);
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    // month is 3 or 4 and day 1..=31 by construction of the algorithm.
    date(year, month as i8, day as i8)
}

/// Buß- und Bettag: the Wednesday before 23 November, i.e. the one
/// between 16 and 22 November.
pub fn repentance_day(year: i16) -> Date {
    let mut day = date(year, 11, 22);
    while day.weekday() != Weekday::Wednesday {
        day = day.yesterday().unwrap_or(day);
    }
    day
}

/// The statutory public holidays of Saxony in `year`, with their names,
/// in calendar order.
pub fn holidays(year: i16) -> Vec<(Date, &'static str)> {
    let easter = easter_sunday(year);
    let from_easter = |days: i64| easter.checked_add(days.days()).unwrap_or(easter);
    let mut list = vec![
        (date(year, 1, 1), "Neujahr"),
        (from_easter(-2), "Karfreitag"),
        (from_easter(1), "Ostermontag"),
        (date(year, 5, 1), "Tag der Arbeit"),
        (from_easter(39), "Christi Himmelfahrt"),
        (from_easter(50), "Pfingstmontag"),
        (date(year, 10, 3), "Tag der Deutschen Einheit"),
        (date(year, 10, 31), "Reformationstag"),
        (repentance_day(year), "Buß- und Bettag"),
        (date(year, 12, 25), "1. Weihnachtsfeiertag"),
        (date(year, 12, 26), "2. Weihnachtsfeiertag"),
    ];
    list.sort();
    list
}

pub fn is_holiday(day: Date) -> bool {
    holidays(day.year()).iter().any(|(d, _)| *d == day)
}

pub fn is_working_day(day: Date) -> bool {
    !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) && !is_holiday(day)
}

/// The `n`-th working day after `day` (`n` = 0: `day` itself if it is a
/// working day, else the next one).
pub fn add_working_days(day: Date, n: u32) -> Date {
    let mut current = day;
    let mut left = n;
    if left == 0 {
        while !is_working_day(current) {
            current = current.tomorrow().unwrap_or(current);
        }
        return current;
    }
    while left > 0 {
        current = current.tomorrow().unwrap_or(current);
        if is_working_day(current) {
            left -= 1;
        }
    }
    current
}

/// Working days after `from` up to and including `to` (0 when `to` is not
/// after `from`).
pub fn working_days_between(from: Date, to: Date) -> u32 {
    let mut count = 0;
    let mut current = from;
    while current < to {
        current = current.tomorrow().unwrap_or(to);
        if is_working_day(current) {
            count += 1;
        }
    }
    count
}

fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC)
}

/// The Berlin calendar day of a unix time.
pub fn berlin_date(unix: i64) -> Date {
    jiff::Timestamp::from_second(unix)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned_datetime(berlin())
        .date()
}

/// When an answer to something received at `received` (unix seconds) is
/// due with a target of `target_days` working days: the end of the
/// `target_days`-th working day after the day of receipt, Berlin time.
pub fn due_at(received: i64, target_days: u32) -> i64 {
    let day = add_working_days(berlin_date(received), target_days.max(1));
    let next = day.tomorrow().unwrap_or(day);
    next.to_zoned_datetime(berlin())
        .map(|z| z.timestamp().as_second() - 1)
        .unwrap_or(received)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unix(year: i16, month: i8, day: i8, hour: i8) -> i64 {
        date(year, month, day)
            .at(hour, 0, 0, 0)
            .to_zoned_datetime(berlin())
            .unwrap()
            .timestamp()
            .as_second()
    }

    #[test]
    fn easter_dates_match_the_published_calendar() {
        assert_eq!(easter_sunday(2024), date(2024, 3, 31));
        assert_eq!(easter_sunday(2025), date(2025, 4, 20));
        assert_eq!(easter_sunday(2026), date(2026, 4, 5));
        assert_eq!(easter_sunday(2027), date(2027, 3, 28));
        assert_eq!(easter_sunday(2038), date(2038, 4, 25));
    }

    #[test]
    fn repentance_day_is_the_wednesday_before_the_23rd() {
        assert_eq!(repentance_day(2025), date(2025, 11, 19));
        assert_eq!(repentance_day(2026), date(2026, 11, 18));
        assert_eq!(repentance_day(2027), date(2027, 11, 17));
        // 23 November 2022 was a Wednesday: the day is a week earlier.
        assert_eq!(repentance_day(2022), date(2022, 11, 16));
    }

    #[test]
    fn saxony_has_eleven_holidays_including_its_own_two() {
        let list = holidays(2026);
        assert_eq!(list.len(), 11);
        assert!(is_holiday(date(2026, 10, 31)), "Reformationstag");
        assert!(is_holiday(date(2026, 11, 18)), "Buß- und Bettag");
        assert!(is_holiday(date(2026, 4, 3)), "Karfreitag");
        assert!(is_holiday(date(2026, 5, 14)), "Himmelfahrt");
        assert!(is_holiday(date(2026, 5, 25)), "Pfingstmontag");
        assert!(
            !is_holiday(date(2026, 6, 4)),
            "Fronleichnam is not statewide"
        );
        assert!(
            !is_holiday(date(2026, 12, 24)),
            "Heiligabend is a working day"
        );
    }

    #[test]
    fn working_days_skip_weekends_and_saxon_holidays() {
        // Monday 16 Nov 2026 + 5 working days: Tue, Thu, Fri, Mon, Tue
        // (Wednesday 18 Nov is Buß- und Bettag) → Tuesday 24 Nov.
        assert_eq!(add_working_days(date(2026, 11, 16), 5), date(2026, 11, 24));
        // Thursday 29 Oct 2026 + 2: Friday 30 Oct, (Sat 31 Oct
        // Reformationstag, Sunday) Monday 2 Nov.
        assert_eq!(add_working_days(date(2026, 10, 29), 2), date(2026, 11, 2));
        // 2027: Reformationstag on a Sunday changes nothing; Friday 29 Oct
        // + 1 → Monday 1 Nov.
        assert_eq!(add_working_days(date(2027, 10, 29), 1), date(2027, 11, 1));
        // Across Christmas and New Year: Wednesday 23 Dec 2026 + 3 →
        // Thu 24, Mon 28, Tue 29.
        assert_eq!(add_working_days(date(2026, 12, 23), 3), date(2026, 12, 29));
        // Easter 2026: Thursday 2 April + 1 → Tuesday 7 April.
        assert_eq!(add_working_days(date(2026, 4, 2), 1), date(2026, 4, 7));
        assert_eq!(add_working_days(date(2026, 11, 21), 0), date(2026, 11, 23));
        assert_eq!(
            working_days_between(date(2026, 11, 16), date(2026, 11, 24)),
            5
        );
        assert_eq!(
            working_days_between(date(2026, 11, 24), date(2026, 11, 16)),
            0
        );
    }

    #[test]
    fn due_is_the_end_of_the_target_day_in_berlin() {
        // Received Monday 16 Nov 2026 at 09:00, 5 working days → end of
        // Tuesday 24 Nov.
        let due = due_at(unix(2026, 11, 16, 9), 5);
        assert_eq!(due, unix(2026, 11, 25, 0) - 1);
        // Received late on Friday 30 Oct (before Reformationstag on
        // Saturday): one working day → end of Monday 2 Nov.
        assert_eq!(due_at(unix(2026, 10, 30, 23), 1), unix(2026, 11, 3, 0) - 1);
        // Received on Buß- und Bettag itself: counting starts the next day.
        assert_eq!(due_at(unix(2026, 11, 18, 10), 1), unix(2026, 11, 20, 0) - 1);
    }
}
