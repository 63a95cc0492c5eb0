//! The offer import of the Förderlotse (`dias_funding::exchange::from_json`
//! and `from_csv`, behind the import page and job): any UTF-8 text is read
//! as JSON and as CSV.
//!
//! Properties besides "no panic, no hang, bounded memory" — the documented
//! round trip (docs/funding-schema.md: export → import → export is
//! byte-identical): the offers an import keeps, exported as JSON or CSV and
//! imported again, are the same offers without a single problem, and the
//! second export is the same text as the first.
#![no_main]

use dias_funding::exchange::{from_csv, from_json, to_csv, to_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The import page refuses what is not UTF-8 before parsing.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = jiff::civil::date(2026, 6, 1);
    for report in [from_json(text, today), from_csv(text, today)]
        .into_iter()
        .flatten()
    {
        assert!(report.offers.len() <= report.records);
        for p in &report.problems {
            assert!(p.record >= 1 && p.record <= report.records, "{p:?}");
            assert!(!p.message.is_empty());
        }
        if report.offers.is_empty() {
            continue;
        }
        let json = to_json(&report.offers).unwrap_or_else(|e| panic!("to_json: {e}"));
        let back = from_json(&json, today).unwrap_or_else(|e| panic!("from_json: {e}\n{json}"));
        assert_eq!(back.problems, [], "{json}");
        assert_eq!(back.offers, report.offers, "{json}");
        assert_eq!(to_json(&back.offers).ok().as_deref(), Some(json.as_str()));
        let csv = to_csv(&report.offers).unwrap_or_else(|e| panic!("to_csv: {e}"));
        let back = from_csv(&csv, today).unwrap_or_else(|e| panic!("from_csv: {e}\n{csv}"));
        assert_eq!(back.problems, [], "{csv}");
        assert_eq!(back.offers, report.offers, "{csv}");
        assert_eq!(to_csv(&back.offers).ok().as_deref(), Some(csv.as_str()));
    }
});
