//! Times the engine's phases on two CSV files, for work on the engine
//! itself (`dias broadband evaluate` is the command for users):
//!
//! ```sh
//! cargo run --release -p dias-mev --example mev-phases -- ADDRESSES.csv RESPONSES.csv [OUT_DIR]
//! ```
//!
//! Rule set gigabit-2.0, survey start 2026-01-15, horizon 3 years (the
//! benchmark's defaults); prints one line per phase on stderr. With
//! OUT_DIR it also writes the files, separately and then in the one pass
//! `dias broadband evaluate` uses (`output::evaluate_and_write`).

use std::fs::File;
use std::io::BufWriter;
use std::time::Instant;

use dias_mev::{RuleSets, Survey, output};

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [addresses, responses, rest @ ..] = args.as_slice() else {
        return Err("usage: mev-phases ADDRESSES.csv RESPONSES.csv [OUT_DIR]".into());
    };
    let start = "2026-01-15".parse()?;
    let sets = RuleSets::built_in()?;
    let survey = Survey {
        rule_set: sets.get("gigabit-2.0")?,
        start,
        horizon_years: 3,
    };
    let t = Instant::now();
    let lap = |what: &str, since: &mut Instant| {
        eprintln!("{what:<24} {:>7.3} s", since.elapsed().as_secs_f64());
        *since = Instant::now();
    };
    let mut since = Instant::now();
    let (a, ra) = dias_mev::read_addresses(File::open(addresses)?)?;
    lap("read addresses", &mut since);
    let (r, rr) = dias_mev::read_responses(File::open(responses)?, &a, start)?;
    lap("read responses", &mut since);
    let e = dias_mev::evaluate(&a, &r, &survey)?;
    lap("evaluate", &mut since);
    let agg = dias_mev::aggregate(&a, &r, &e);
    lap("aggregate", &mut since);
    if let Some(dir) = rest.first() {
        let create = |name: &str| -> Result<BufWriter<File>, Error> {
            Ok(BufWriter::new(File::create(
                std::path::Path::new(dir).join(name),
            )?))
        };
        output::write_municipalities(create("municipalities.csv")?, &agg)?;
        output::write_addresses(create("addresses.csv")?, &a, &r, &e)?;
        lap("write addresses.csv", &mut since);
        output::write_protocol(create("protocol.csv")?, &a, &r, &e)?;
        lap("write protocol.csv", &mut since);
        let written = output::evaluate_and_write(
            &a,
            &r,
            &survey,
            &mut create("addresses.csv")?,
            &mut create("protocol.csv")?,
        )?;
        lap("one pass (both files)", &mut since);
        assert_eq!(written.aggregates, agg);
    }
    eprintln!(
        "{} addresses, {} responses, {} rejected, {} protocol rows; total {:.3} s",
        a.len(),
        r.len(),
        ra.len() + rr.len(),
        e.protocol.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
