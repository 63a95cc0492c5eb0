//! Times are stored as Unix seconds (UTC) and shown in Europe/Berlin.

use jiff::{Timestamp, tz::TimeZone};

/// Now as Unix seconds.
pub fn now() -> i64 {
    Timestamp::now().as_second()
}

fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap_or(TimeZone::UTC)
}

/// `27.11.2026, 14:05` in Berlin time.
pub fn format_datetime(unix: i64) -> String {
    match Timestamp::from_second(unix) {
        Ok(ts) => ts
            .to_zoned_datetime(berlin())
            .strftime("%d.%m.%Y, %H:%M")
            .to_string(),
        Err(_) => String::new(),
    }
}

/// `27.11.2026` in Berlin time.
pub fn format_date(unix: i64) -> String {
    match Timestamp::from_second(unix) {
        Ok(ts) => ts
            .to_zoned_datetime(berlin())
            .strftime("%d.%m.%Y")
            .to_string(),
        Err(_) => String::new(),
    }
}

/// The start of a calendar day (`YYYY-MM-DD`, as a date input sends it) in
/// Berlin, as Unix seconds; `None` for anything that is not a real date.
pub fn berlin_day_start(date: &str) -> Option<i64> {
    let date: jiff::civil::Date = date.trim().parse().ok()?;
    let zoned = date.to_zoned_datetime(berlin()).ok()?;
    Some(zoned.timestamp().as_second())
}

/// The end of a calendar day (`YYYY-MM-DD`) in Berlin: the start of the next
/// day, so that a period `[start, end)` includes the whole last day even when
/// the clocks change.
pub fn berlin_day_end(date: &str) -> Option<i64> {
    let date: jiff::civil::Date = date.trim().parse().ok()?;
    let zoned = date.tomorrow().ok()?.to_zoned_datetime(berlin()).ok()?;
    Some(zoned.timestamp().as_second())
}

/// `YYYY-MM-DD` of the Berlin day containing `unix` (the value of a date input).
pub fn date_input_value(unix: i64) -> String {
    match Timestamp::from_second(unix) {
        Ok(ts) => ts
            .to_zoned_datetime(berlin())
            .strftime("%Y-%m-%d")
            .to_string(),
        Err(_) => String::new(),
    }
}

/// RFC 3339 in UTC, for exports and machine-readable `<time datetime>`.
pub fn format_rfc3339(unix: i64) -> String {
    Timestamp::from_second(unix)
        .map(|ts| ts.to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_time_respects_daylight_saving() {
        // 2026-07-01T12:00:00Z is 14:00 in Berlin (CEST), 2026-12-01T12:00:00Z is 13:00 (CET).
        assert_eq!(format_datetime(1_782_907_200), "01.07.2026, 14:00");
        assert_eq!(format_datetime(1_796_126_400), "01.12.2026, 13:00");
    }

    #[test]
    fn date_inputs_are_berlin_days() {
        // Midnight in Berlin is 22:00 UTC the day before in summer, 23:00 in winter.
        assert_eq!(berlin_day_start("2026-07-01"), Some(1_782_856_800));
        assert_eq!(berlin_day_start("2026-12-01"), Some(1_796_079_600));
        assert_eq!(date_input_value(1_782_856_800), "2026-07-01");
        // 25 October 2026 has 25 hours in Berlin.
        assert_eq!(
            berlin_day_end("2026-10-25")
                .zip(berlin_day_start("2026-10-25"))
                .map(|(e, s)| e - s),
            Some(25 * 3600)
        );
        assert_eq!(date_input_value(1_782_856_800 - 1), "2026-06-30");
        for bad in ["", "2026-02-30", "1.7.2026", "2026-13-01", "morgen"] {
            assert_eq!(berlin_day_start(bad), None, "{bad}");
        }
    }
}
