//! The vote files of the opinion analysis (`dias opinion analyze`):
//! `dias_opinion::read_statements_into` (STATEMENTS.csv) and `read_into`
//! (VOTES.csv), the canonical vote set (`VotesBuilder::build`) and, for
//! small vote sets, the whole analysis (PCA, k-means, representativeness)
//! with its JSON and the state for the next run.
//!
//! Input: `VOTES`, or `STATEMENTS \0 VOTES`.
//!
//! Properties besides "no panic, no hang, bounded memory": every row is
//! either kept or reported (with a line inside the file); an analysis
//! written as JSON reads back equal (as the web app stores it), and so does
//! its state; a second run warm-started from the state does not panic.
#![no_main]

use dias_opinion::{Analysis, Options, State, Votes, analyze, read_into, read_statements_into};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (statements, votes_file) = match data.iter().position(|&b| b == 0) {
        Some(i) => (Some(&data[..i]), &data[i + 1..]),
        None => (None, data),
    };
    let lines = votes_file.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    // Records end at `\n` or at a lone `\r`.
    let records = lines
        + votes_file
            .iter()
            .enumerate()
            .filter(|&(i, &b)| b == b'\r' && votes_file.get(i + 1) != Some(&b'\n'))
            .count() as u64;
    let mut builder = Votes::builder();
    if let Some(statements) = statements {
        let statement_lines = statements.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
        if let Ok(errors) = read_statements_into(statements, &mut builder) {
            for e in errors {
                // Lines count `\n` (the csv crate's convention): after a
                // lone `\r` line end a row may be on line 1.
                assert!(e.line >= 1 && e.line <= statement_lines, "{e}");
            }
        }
    }
    let Ok(errors) = read_into(votes_file, &mut builder) else {
        return;
    };
    for e in &errors {
        assert!(e.line >= 1 && e.line <= lines, "{e} of {lines} lines");
    }
    let votes = builder.build();
    assert!(votes.len() as u64 + errors.len() as u64 <= records);
    // The analysis is quadratic in places; a few hundred votes exercise
    // every stage.
    if votes.participants().len() > 60 || votes.statements().len() > 40 || votes.is_empty() {
        return;
    }
    let options = Options {
        parallel: false,
        ..Options::default()
    };
    let analysis = analyze(&votes, &options, None);
    let json = analysis
        .to_json()
        .unwrap_or_else(|e| panic!("to_json: {e}"));
    let back = Analysis::from_json(&json).unwrap_or_else(|e| panic!("from_json: {e}\n{json}"));
    assert_eq!(back.to_json().ok().as_deref(), Some(json.as_str()));
    let state_json = analysis
        .state
        .to_json()
        .unwrap_or_else(|e| panic!("state to_json: {e}"));
    let state = State::from_json(&state_json)
        .unwrap_or_else(|e| panic!("state from_json: {e}\n{state_json}"));
    let again = analyze(&votes, &options, Some(&state));
    assert!(again.k <= options.max_k);
});
