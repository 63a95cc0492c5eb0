//! Dates typed into forms. The forms say „TT.MM.JJJJ“ while browsers with
//! a date picker send ISO dates, so both are accepted by one parser.

use jiff::civil::Date;

/// Parses `TT.MM.JJJJ` (also `T.M.JJJJ`) or `YYYY-MM-DD`; `None` for
/// anything else, including impossible days like 31.02.
pub fn parse_date_input(text: &str) -> Option<Date> {
    let text = text.trim();
    if text.contains('-') {
        return text.parse::<Date>().ok();
    }
    let mut parts = text.split('.');
    let day = parts.next()?.trim();
    let month = parts.next()?.trim();
    let year = parts.next()?.trim();
    if parts.next().is_some_and(|rest| !rest.trim().is_empty())
        || day.is_empty()
        || day.len() > 2
        || month.is_empty()
        || month.len() > 2
        || year.len() != 4
    {
        return None;
    }
    let number = |s: &str| {
        if s.bytes().all(|b| b.is_ascii_digit()) {
            s.parse::<i16>().ok()
        } else {
            None
        }
    };
    let (day, month, year) = (number(day)?, number(month)?, number(year)?);
    Date::new(year, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i16, m: i8, day: i8) -> Option<Date> {
        Date::new(y, m, day).ok()
    }

    #[test]
    fn german_and_iso_dates_are_read() {
        assert_eq!(parse_date_input("05.01.2026"), d(2026, 1, 5));
        assert_eq!(parse_date_input(" 5.1.2026 "), d(2026, 1, 5));
        assert_eq!(parse_date_input("2026-01-05"), d(2026, 1, 5));
        assert_eq!(parse_date_input("31.12.2027"), d(2027, 12, 31));
    }

    #[test]
    fn anything_else_is_refused() {
        for bad in [
            "",
            "31.02.2026",
            "2026-02-31",
            "05.01.26",
            "05/01/2026",
            "5.1.",
            "a.b.cdef",
            "05.01.2026.1",
            "+5.01.2026",
            "123.01.2026",
        ] {
            assert_eq!(parse_date_input(bad), None, "{bad:?}");
        }
    }
}
