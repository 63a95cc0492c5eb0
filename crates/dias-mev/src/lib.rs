//! # dias-mev — evaluation of market surveys (Markterkundungsverfahren, MEV)
//!
//! Before a municipality may apply for broadband funding it asks every
//! network operator (Netzbetreiber) what it supplies today and what it will
//! build itself within the horizon (3 years) for every address of the
//! project area. This crate is the pure engine that turns the two CSV
//! files into a status per address, a colour class, aggregates and a
//! protocol. It has no database, web or CLI code; those call it.
//!
//! ## Pipeline
//! 1. [`rules`]: a rule set (Regelwerk) is data — JSON files embedded in
//!    the crate (`nga-30`, `gigabit-1.0`, `gigabit-2.0`, `eu-2023`) or
//!    supplied by the operator of an instance, validated on load.
//! 2. [`input`]: both files are parsed record by record into columns
//!    (struct of `Vec`s, dense `u32` address indices, interned operators,
//!    AGS-8 as `u32`); each bad row becomes a [`input::Rejected`] with its
//!    line number, valid rows are kept. Responses are grouped per address
//!    with a counting sort (CSR offsets), exact duplicates dropped.
//! 3. [`mod@evaluate`]: every address is evaluated independently, in parallel
//!    chunks.
//! 4. [`mod@aggregate`]: sums per Gemeinde, Kreis and project.
//! 5. [`output`]: the result files as CSV (per address, per municipality,
//!    protocol, rejected rows), shared by the CLI and the web app.
//!
//! ## The rules, precisely
//! *Supplied* under a rule set means: for some condition of the set,
//! `down ≥ down_min` **and** `up ≥ up_min` (Mbit/s, inclusive — exactly
//! 500 down is enough under Gigabit-RL 2.0).
//!
//! *Fixed* technologies are FTTH, FTTB, HFC, VDSL, ADSL and OTHER. 5G, LTE
//! and SAT never supply an address; they are shown separately
//! (`AddressOutcome::mobile`) and listed in the protocol as ignored, reason
//! „mobil“.
//!
//! *Best offer* among a set of offers, under the survey's rule set: an
//! offer that supplies the address beats one that does not; among equals
//! the higher download wins, then the higher upload; a complete tie keeps
//! the earlier row of the file. (Without the first criterion 300/10 would
//! beat 200/200 under Gigabit-RL 2.0 although only the latter supplies.)
//!
//! Per address:
//! - `current` = best over the *current* offers of fixed technologies.
//! - `planned` = best over the *planned* offers of fixed technologies with
//!   a milestone plan and `planned_date ≤ start + horizon` (inclusive).
//!   Other plans are ignored with the reason „kein Meilensteinplan“ or
//!   „außerhalb des Zeithorizonts“. Plans dated before the survey start
//!   are rejected when reading.
//! - Status: **versorgt** if `current` supplies; else **eigenwirtschaftlich
//!   geplant** if `planned` supplies; else **förderfähig**. Under a rule set
//!   with `socio_economic_eligible_unless_supplied` (Gigabit-RL 1.0) a
//!   socio-economic address that is not currently supplied is förderfähig
//!   whatever is planned; its counted plans are listed as ignored with the
//!   reason „sozioökonomischer Standort“.
//! - Deciding response: the `current` offer for versorgt, the `planned`
//!   offer for eigenwirtschaftlich geplant, and for förderfähig the
//!   `current` offer if there is one (it shows what the address has).
//! - Colour class: count the distinct operators (networks) with a current
//!   fixed offer of ≥ 30 Mbit/s down. None → weiß; else, under a rule set
//!   with `dark_grey_colour` (Gigabit-RL 2.0), a förderfähig address →
//!   dunkelgrau; else one → grau, two or more → schwarz.
//!
//! The protocol ([`evaluate::Evaluation::protocol`]) holds, per address, the
//! deciding response first and then every ignored response with its
//! reason; responses that were valid but simply not the best are not
//! listed. Rows rejected while reading (unknown address, bad values,
//! duplicates) are in the rejection list instead.
//!
//! ## Where the time goes
//! Parsing dominates, so it is parallel ([`input`]): each file is read in
//! 4 MB blocks cut at record ends outside quotes, the chunks are parsed on
//! the rayon pool into per-chunk columns (reused chunk after chunk) while
//! the calling thread merges the previous wave in file order and reads the
//! next one; a chunk without quotes is validated as UTF-8 once and split
//! at commas and newlines found eight bytes at a time. Address ids go into
//! a hash table of 64 partitions built in parallel after the parse, with
//! the same first-valid-row-wins rule and line numbers as a row-by-row
//! read. The command line then evaluates, aggregates and writes the two
//! large result files in one pass ([`output::evaluate_and_write`]), so the
//! writing overlaps the evaluation and the per-address outcomes are never
//! held whole; [`evaluate()`] and [`aggregate()`] keep them for the web app.
//! The input columns of five million addresses with 10.8 million responses
//! take about 700 MB. Figures against DuckDB: docs/BENCHMARKS.md, "MEV
//! evaluation"; the `mev-phases` example times the phases.

pub mod aggregate;
pub mod evaluate;
pub mod input;
pub mod output;
pub mod rules;
pub mod synthetic;

pub use aggregate::{Aggregates, Counts, Figures, aggregate};
pub use evaluate::{AddressOutcome, Colour, Evaluation, Status, Survey, evaluate};
pub use input::{
    Addresses, InputError, InputFile, Rejected, Responses, read_addresses, read_responses,
};
/// The date type of [`Survey::start`], so callers need no direct jiff dependency.
pub use jiff::civil::Date;
pub use rules::{RuleSet, RuleSetError, RuleSets};
