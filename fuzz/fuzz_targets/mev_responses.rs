//! The responses file of a market survey (MEV) against an address file, and
//! a whole evaluation of the two: `dias_mev::read_responses`, `evaluate`,
//! `aggregate`, the result writers and `output::evaluate_and_write` (the
//! one-pass path of `dias broadband evaluate`).
//!
//! Input: `ADDRESSES \0 RESPONSES`; without a NUL byte the whole input is
//! the responses file for a fixed address file of five addresses. The rule
//! set and horizon are chosen from the input length.
//!
//! Properties besides "no panic, no hang, bounded memory":
//! - the responses read the same however the file is cut into chunks;
//! - every kept response belongs to a kept address and its rows are
//!   grouped under that address;
//! - `evaluate_and_write` writes the same bytes as `evaluate` followed by
//!   `write_addresses` and `write_protocol` (as documented), and the
//!   aggregates count every address once.
#![no_main]

use dias_mev::input::fuzzing::{read_addresses_in_blocks, read_responses_in_blocks};
use dias_mev::{RuleSets, Survey, output};
use libfuzzer_sys::fuzz_target;

const ADDRESSES: &str =
    "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses
A1,14612000,Hauptstraße,1,01067,Dresden,51.05,13.74,privat,2,0
A2,14612000,Hauptstraße,2,01067,Dresden,,,gewerblich,0,3
A3,14521010,Markt,1,09456,Annaberg,50.58,13.0,sozioökonomisch,0,1
A4,14521010,Markt,2a,09456,Annaberg,50.58,13.0,privat,12,1
A5,14730010,Weg,7,04860,Torgau,51.56,13.0,privat,1,0
";

fuzz_target!(|data: &[u8]| {
    let (address_file, response_file) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (ADDRESSES.as_bytes(), data),
    };
    let Ok((addresses, _)) = read_addresses_in_blocks(address_file, 1 << 24) else {
        return;
    };
    let start = jiff::civil::date(2026, 1, 1);
    let whole = read_responses_in_blocks(response_file, &addresses, start, 1 << 24);
    let (responses, rejected) = match &whole {
        Ok(ok) => ok,
        Err(e) => {
            for block in [1, 7, response_file.len().max(1)] {
                let other = read_responses_in_blocks(response_file, &addresses, start, block);
                let other = other.err().map(|e| e.to_string());
                assert_eq!(other, Some(e.to_string()), "block {block}");
            }
            return;
        }
    };
    let n = responses.len();
    for v in [
        responses.operator.len(),
        responses.technology.len(),
        responses.down.len(),
        responses.up.len(),
        responses.kind.len(),
        responses.planned_date.len(),
        responses.milestone_plan.len(),
        responses.line.len(),
    ] {
        assert_eq!(v, n);
    }
    let mut grouped = 0;
    for a in 0..addresses.len() as u32 {
        for &row in responses.rows_of(a) {
            assert_eq!(responses.address[row as usize], a);
            grouped += 1;
        }
    }
    assert_eq!(grouped, responses.kept());
    for block in [
        1,
        7,
        1 + response_file.len() / 3,
        response_file.len().max(1),
    ] {
        let (r, rej) = read_responses_in_blocks(response_file, &addresses, start, block)
            .unwrap_or_else(|e| panic!("block {block}: {e}, whole file: ok"));
        assert_eq!(&rej, rejected, "block {block}");
        assert_eq!(r.address, responses.address);
        assert_eq!(r.operator, responses.operator);
        assert_eq!(r.operators, responses.operators);
        assert_eq!(r.technology, responses.technology);
        assert_eq!(r.kind, responses.kind);
        assert_eq!(r.planned_date, responses.planned_date);
        assert_eq!(r.milestone_plan, responses.milestone_plan);
        assert_eq!(r.line, responses.line);
        for a in 0..addresses.len() as u32 {
            assert_eq!(r.rows_of(a), responses.rows_of(a));
        }
    }

    let Ok(sets) = RuleSets::built_in() else {
        panic!("built-in rule sets")
    };
    let sets: Vec<_> = sets.iter().collect();
    let rule_set = sets[data.len() % sets.len()];
    // 0..=10 are valid horizons, 11 is refused.
    let horizon_years = (data.len() / sets.len() % 12) as i16;
    let survey = Survey {
        rule_set,
        start,
        horizon_years,
    };
    let evaluation = match dias_mev::evaluate(&addresses, responses, &survey) {
        Ok(evaluation) => evaluation,
        Err(_) => {
            assert!(horizon_years > 10);
            return;
        }
    };
    assert_eq!(evaluation.outcomes.len(), addresses.len());
    let aggregates = dias_mev::aggregate(&addresses, responses, &evaluation);
    assert_eq!(
        aggregates.project().total().addresses,
        addresses.len() as u64
    );
    let mut addresses_csv = Vec::new();
    let mut protocol_csv = Vec::new();
    let mut municipalities_csv = Vec::new();
    let mut rejected_csv = Vec::new();
    output::write_addresses(&mut addresses_csv, &addresses, responses, &evaluation)
        .unwrap_or_else(|e| panic!("{e}"));
    output::write_protocol(&mut protocol_csv, &addresses, responses, &evaluation)
        .unwrap_or_else(|e| panic!("{e}"));
    output::write_municipalities(&mut municipalities_csv, &aggregates)
        .unwrap_or_else(|e| panic!("{e}"));
    output::write_rejected(&mut rejected_csv, rejected).unwrap_or_else(|e| panic!("{e}"));
    let mut addresses_again = Vec::new();
    let mut protocol_again = Vec::new();
    output::evaluate_and_write(
        &addresses,
        responses,
        &survey,
        &mut addresses_again,
        &mut protocol_again,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(addresses_csv == addresses_again, "addresses.csv differs");
    assert!(protocol_csv == protocol_again, "protocol.csv differs");
});
