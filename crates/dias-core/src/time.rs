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
}
