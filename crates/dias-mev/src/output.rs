//! The four result files of an evaluation as CSV, written into any
//! [`Write`]: the CLI (`dias broadband evaluate`) and the web app's MEV
//! workflow share these writers, so a download and a command-line run give
//! the same bytes.
//!
//! | function | file | one row per |
//! |---|---|---|
//! | [`write_addresses`] | `addresses.csv` | address |
//! | [`write_municipalities`] | `municipalities.csv` | municipality and status (zero rows included) |
//! | [`write_protocol`] | `protocol.csv` | deciding or ignored response |
//! | [`write_rejected`] | `rejected_rows.csv` | rejected input row |
//!
//! The per-address files have millions of rows at the size of a Land, so
//! they are formatted in parallel, batch by batch, into byte buffers that
//! are written in address order: the output does not depend on the number
//! of threads, and memory stays at a few batches whatever the size.
//! [`evaluate_and_write`] goes further for the command line: it evaluates,
//! counts and formats slice by slice and writes both large files while the
//! next slices are evaluated, with the same bytes as the writers here.

use std::io::{self, Write};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};

use rayon::prelude::*;

use jiff::civil::Date;

use crate::aggregate::{Aggregates, Figures};
use crate::evaluate::{
    AddressOutcome, EvaluateError, Evaluation, Evaluator, ProtocolRow, Role, Survey,
};
use crate::input::{Addresses, Kind, Rejected, Responses};

/// Header of `addresses.csv`.
pub const ADDRESSES_HEADER: &str = "address_id,ags8,status,colour,current_down,current_up,planned_down,planned_up,deciding_operator";
/// Header of `municipalities.csv`.
pub const MUNICIPALITIES_HEADER: &str = "ags8,status,addresses,households,businesses";
/// Header of `protocol.csv`.
pub const PROTOCOL_HEADER: &str = "address_id,role,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan,reason,line";
/// Header of `rejected_rows.csv`.
pub const REJECTED_HEADER: &str = "file,line,reason";

/// `role` of the response that decided an address (maßgeblich).
pub const ROLE_DECIDING: &str = "massgeblich";
/// `role` of a response that did not count (nicht berücksichtigt).
pub const ROLE_IGNORED: &str = "nicht_beruecksichtigt";

/// Rows formatted by one parallel task: enough to make the task's overhead
/// vanish, few enough that a batch of them stays a few megabytes.
const ROWS_PER_TASK: usize = 32 * 1024;

/// Writes `addresses.csv`: per address its status, colour class, best
/// current and counted planned offer (empty when there is none) and the
/// operator of the deciding response.
pub fn write_addresses(
    mut out: impl Write,
    addresses: &Addresses,
    responses: &Responses,
    evaluation: &Evaluation,
) -> io::Result<()> {
    writeln!(out, "{ADDRESSES_HEADER}")?;
    let n = addresses.len().min(evaluation.outcomes.len());
    let fields = Fields::of(addresses, responses);
    write_in_batches(&mut out, n, |from, to, buf| {
        for a in from..to {
            fields.push_address_row(buf, a, &evaluation.outcomes[a]);
        }
    })
}

/// Writes `municipalities.csv`: three rows per municipality (versorgt,
/// eigenwirtschaftlich_geplant, foerderfaehig), zero rows included, ordered
/// by AGS-8 — the table `bench/mev/duckdb_eval.sql` computes, byte for byte.
pub fn write_municipalities(mut out: impl Write, aggregates: &Aggregates) -> io::Result<()> {
    let mut buf = Vec::with_capacity(64 * 1024);
    buf.extend_from_slice(MUNICIPALITIES_HEADER.as_bytes());
    buf.push(b'\n');
    for (ags8, status, counts) in aggregates.status_rows() {
        push_ags8(&mut buf, ags8);
        buf.push(b',');
        buf.extend_from_slice(status.as_str().as_bytes());
        for value in [counts.addresses, counts.households, counts.businesses] {
            buf.push(b',');
            push_u64(&mut buf, value);
        }
        buf.push(b'\n');
    }
    out.write_all(&buf)
}

/// Writes `protocol.csv`: per address the deciding response (role
/// `massgeblich`, empty reason) and then every ignored response (role
/// `nicht_beruecksichtigt`) with its reason; `line` is the response's line
/// in the responses file.
pub fn write_protocol(
    mut out: impl Write,
    addresses: &Addresses,
    responses: &Responses,
    evaluation: &Evaluation,
) -> io::Result<()> {
    writeln!(out, "{PROTOCOL_HEADER}")?;
    let rows = &evaluation.protocol;
    let fields = Fields::of(addresses, responses);
    write_in_batches(&mut out, rows.len(), |from, to, buf| {
        for row in &rows[from..to] {
            fields.push_protocol_row(buf, row);
        }
    })
}
/// Writes `rejected_rows.csv` (`file` is `addresses` or `responses`, `line`
/// the physical line, 1 = header), in the order given.
pub fn write_rejected(mut out: impl Write, rejected: &[Rejected]) -> io::Result<()> {
    let mut buf = Vec::with_capacity(64 * 1024);
    buf.extend_from_slice(REJECTED_HEADER.as_bytes());
    buf.push(b'\n');
    for r in rejected {
        buf.extend_from_slice(r.file.as_str().as_bytes());
        buf.push(b',');
        push_u64(&mut buf, r.line);
        buf.push(b',');
        push_field(&mut buf, &r.reason);
        buf.push(b'\n');
        if buf.len() >= 1 << 20 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

/// Why [`evaluate_and_write`] stopped.
#[derive(Debug, thiserror::Error)]
pub enum EvaluateWriteError {
    #[error(transparent)]
    Evaluate(#[from] EvaluateError),
    #[error("addresses.csv: {0}")]
    Addresses(io::Error),
    #[error("protocol.csv: {0}")]
    Protocol(io::Error),
}

/// What [`evaluate_and_write`] computed besides the two files.
#[derive(Debug)]
pub struct Written {
    /// As [`aggregate`](crate::aggregate()) gives it.
    pub aggregates: Aggregates,
    /// Rows of `protocol.csv` (without the header).
    pub protocol_rows: usize,
}

/// [`evaluate`](crate::evaluate()), [`aggregate`](crate::aggregate()),
/// [`write_addresses`] and [`write_protocol`] in one pass, with the same
/// bytes: for a command-line run of millions of addresses.
///
/// Batches of address slices are evaluated, counted and formatted on the
/// rayon pool and handed, in order, to one writer thread per file, which
/// write while the pool goes on with the next batch. So the writing — the
/// kernel copies about 100 bytes per address and protocol row — runs
/// alongside the evaluation instead of after it; a writer held up by the
/// kernel (page cache, writeback) does not hold up the pool for as long as
/// its queue has room; and the per-address outcomes and protocol rows
/// (hundreds of megabytes at the size of a Land) never exist whole.
pub fn evaluate_and_write(
    addresses: &Addresses,
    responses: &Responses,
    survey: &Survey<'_>,
    addresses_out: &mut (impl Write + Send),
    protocol_out: &mut (impl Write + Send),
) -> Result<Written, EvaluateWriteError> {
    let evaluator = Evaluator::new(addresses, responses, survey)?;
    writeln!(addresses_out, "{ADDRESSES_HEADER}").map_err(EvaluateWriteError::Addresses)?;
    writeln!(protocol_out, "{PROTOCOL_HEADER}").map_err(EvaluateWriteError::Protocol)?;
    let fields = Fields::of(addresses, responses);
    let codes = crate::aggregate::municipality_codes(addresses);
    let n = addresses.len();
    let tasks = n.div_ceil(ROWS_PER_TASK);
    let batch = rayon::current_num_threads().max(1) * 2;
    // Reused batch after batch; the figures each counts stay in it and
    // are summed at the end.
    let mut slices: Vec<Slice> = (0..batch.min(tasks))
        .map(|_| Slice::new(codes.len()))
        .collect();
    let (addresses_written, protocol_written) = std::thread::scope(|scope| {
        let addresses_writer = Writer::spawn(scope, addresses_out, batch);
        let protocol_writer = Writer::spawn(scope, protocol_out, batch);
        let mut first = 0;
        while first < tasks {
            let last = (first + batch).min(tasks);
            slices[..last - first]
                .par_iter_mut()
                .enumerate()
                .for_each(|(i, slice)| {
                    let from = (first + i) * ROWS_PER_TASK;
                    slice.fill(
                        &evaluator,
                        &fields,
                        &codes,
                        from,
                        (from + ROWS_PER_TASK).min(n),
                    );
                });
            let handed_on = slices[..last - first].iter_mut().all(|slice| {
                addresses_writer.write(&mut slice.address_text)
                    && protocol_writer.write(&mut slice.protocol_text)
            });
            if !handed_on {
                // A writer failed; its error is the result.
                break;
            }
            first = last;
        }
        (addresses_writer.finish(), protocol_writer.finish())
    });
    addresses_written.map_err(EvaluateWriteError::Addresses)?;
    protocol_written.map_err(EvaluateWriteError::Protocol)?;
    let mut sums = vec![Figures::default(); codes.len()];
    let mut protocol_rows = 0;
    for slice in &slices {
        crate::aggregate::add_figures(&mut sums, &slice.figures);
        protocol_rows += slice.protocol_rows;
    }
    Ok(Written {
        aggregates: Aggregates {
            municipalities: codes.into_iter().zip(sums).collect(),
        },
        protocol_rows,
    })
}

/// A thread that writes the buffers it is handed, in order, and hands
/// them back empty for reuse (fresh megabyte buffers cost page faults).
struct Writer<'scope> {
    queue: SyncSender<Vec<u8>>,
    returned: Receiver<Vec<u8>>,
    thread: std::thread::ScopedJoinHandle<'scope, io::Result<()>>,
}

impl<'scope> Writer<'scope> {
    /// At most `depth` buffers wait in the queue; then `write` waits.
    fn spawn<'env, W: Write + Send>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        out: &'scope mut W,
        depth: usize,
    ) -> Self {
        let (queue, buffers) = sync_channel::<Vec<u8>>(depth);
        let (give_back, returned) = channel();
        let thread = scope.spawn(move || {
            for mut buf in buffers {
                out.write_all(&buf)?;
                buf.clear();
                // Nobody to take it back only once everything is sent.
                let _ = give_back.send(buf);
            }
            Ok(())
        });
        Writer {
            queue,
            returned,
            thread,
        }
    }

    /// Queues the text in `buf` and leaves an empty buffer there; false if
    /// the writer has stopped (its error comes with [`Writer::finish`]).
    fn write(&self, buf: &mut Vec<u8>) -> bool {
        let empty = self.returned.try_recv().unwrap_or_default();
        self.queue.send(std::mem::replace(buf, empty)).is_ok()
    }

    /// Waits until everything queued is written.
    fn finish(self) -> io::Result<()> {
        drop(self.queue);
        self.thread
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    }
}

/// One task's slice of addresses in [`evaluate_and_write`]: its rows of
/// both files, and the figures of every slice it has held so far.
struct Slice {
    address_text: Vec<u8>,
    protocol_text: Vec<u8>,
    /// Scratch space, reused.
    outcomes: Vec<AddressOutcome>,
    protocol: Vec<ProtocolRow>,
    networks: Vec<u32>,
    /// Indexed like the municipality codes; summed over all slices held.
    figures: Vec<Figures>,
    protocol_rows: usize,
}

impl Slice {
    fn new(municipalities: usize) -> Self {
        Slice {
            address_text: Vec::new(),
            protocol_text: Vec::new(),
            outcomes: Vec::new(),
            protocol: Vec::new(),
            networks: Vec::new(),
            figures: vec![Figures::default(); municipalities],
            protocol_rows: 0,
        }
    }

    /// Evaluates, counts and formats the addresses `from..to`.
    fn fill(
        &mut self,
        evaluator: &Evaluator<'_>,
        fields: &Fields<'_>,
        codes: &[u32],
        from: usize,
        to: usize,
    ) {
        self.outcomes.clear();
        self.protocol.clear();
        for a in from..to {
            let outcome = evaluator.address(a, &mut self.networks, &mut self.protocol);
            self.outcomes.push(outcome);
        }
        self.address_text.clear();
        let mut municipality = 0;
        for (a, outcome) in (from..to).zip(&self.outcomes) {
            fields.push_address_row(&mut self.address_text, a, outcome);
            crate::aggregate::count_address(
                &mut self.figures,
                codes,
                &mut municipality,
                fields.addresses,
                fields.responses,
                a,
                outcome,
            );
        }
        self.protocol_text.clear();
        for row in &self.protocol {
            fields.push_protocol_row(&mut self.protocol_text, row);
        }
        self.protocol_rows += self.protocol.len();
    }
}

/// Formats rows `0..n` in parallel tasks of [`ROWS_PER_TASK`] and writes
/// the buffers in order: while the pool formats one batch, this thread
/// writes the previous one, and the buffers are reused batch after batch
/// (fresh megabyte buffers cost page faults).
fn write_in_batches(
    out: &mut impl Write,
    n: usize,
    format: impl Fn(usize, usize, &mut Vec<u8>) + Sync,
) -> io::Result<()> {
    let tasks = n.div_ceil(ROWS_PER_TASK);
    let batch = rayon::current_num_threads().max(1) * 2;
    let mut ready: Vec<Vec<u8>> = Vec::new();
    let mut spare: Vec<Vec<u8>> = Vec::new();
    let mut first = 0;
    while first < tasks || !ready.is_empty() {
        let last = (first + batch).min(tasks);
        spare.resize_with(last - first, Vec::new);
        let mut written = Ok(());
        rayon::in_place_scope(|scope| {
            for (task, buf) in (first..last).zip(spare.iter_mut()) {
                let format = &format;
                scope.spawn(move |_| {
                    let from = task * ROWS_PER_TASK;
                    let to = (from + ROWS_PER_TASK).min(n);
                    buf.clear();
                    format(from, to, buf);
                });
            }
            written = ready.iter().try_for_each(|buf| out.write_all(buf));
        });
        written?;
        std::mem::swap(&mut ready, &mut spare);
        first = last;
    }
    Ok(())
}

/// Formats the rows of `addresses.csv` and `protocol.csv`.
struct Fields<'a> {
    addresses: &'a Addresses,
    responses: &'a Responses,
    /// Ids almost never need quotes; when none does (one scan of all of
    /// them), each is copied without looking at it.
    any_id_quoted: bool,
    /// See [`operator_fields`].
    operators: Vec<Vec<u8>>,
}

impl<'a> Fields<'a> {
    fn of(addresses: &'a Addresses, responses: &'a Responses) -> Self {
        Fields {
            addresses,
            responses,
            any_id_quoted: any_needs_quotes(addresses.ids_text().as_bytes()),
            operators: operator_fields(responses),
        }
    }

    fn push_id(&self, buf: &mut Vec<u8>, a: u32) {
        let id = self.addresses.id(a);
        if self.any_id_quoted {
            push_field(buf, id);
        } else {
            buf.extend_from_slice(id.as_bytes());
        }
    }

    /// The row of address `a` in `addresses.csv`.
    fn push_address_row(&self, buf: &mut Vec<u8>, a: usize, o: &AddressOutcome) {
        // Address count fits u32 (checked when reading).
        self.push_id(buf, a as u32);
        buf.push(b',');
        push_ags8(buf, self.addresses.ags8[a]);
        buf.push(b',');
        buf.extend_from_slice(o.status.as_str().as_bytes());
        buf.push(b',');
        buf.extend_from_slice(o.colour.as_str().as_bytes());
        for offer in [o.current, o.planned] {
            buf.push(b',');
            if let Some(offer) = offer {
                push_speed(buf, offer.down);
                buf.push(b',');
                push_speed(buf, offer.up);
            } else {
                buf.push(b',');
            }
        }
        buf.push(b',');
        if let Some(row) = o.deciding {
            let operator = self.responses.operator[row as usize] as usize;
            buf.extend_from_slice(&self.operators[operator]);
        }
        buf.push(b'\n');
    }

    /// One row of `protocol.csv`.
    fn push_protocol_row(&self, buf: &mut Vec<u8>, row: &ProtocolRow) {
        let r = self.responses;
        let i = row.response as usize;
        self.push_id(buf, row.address);
        buf.push(b',');
        let reason = match row.role {
            Role::Deciding => {
                buf.extend_from_slice(ROLE_DECIDING.as_bytes());
                ""
            }
            Role::Ignored(reason) => {
                buf.extend_from_slice(ROLE_IGNORED.as_bytes());
                reason.as_str()
            }
        };
        buf.push(b',');
        buf.extend_from_slice(&self.operators[r.operator[i] as usize]);
        buf.push(b',');
        buf.extend_from_slice(r.technology[i].as_str().as_bytes());
        buf.push(b',');
        push_speed(buf, r.down[i]);
        buf.push(b',');
        push_speed(buf, r.up[i]);
        buf.push(b',');
        buf.extend_from_slice(match r.kind[i] {
            Kind::Current => b"current",
            Kind::Planned => b"planned",
        });
        buf.push(b',');
        if let Some(date) = r.planned_date[i] {
            push_date(buf, date);
        }
        buf.push(b',');
        buf.extend_from_slice(if r.milestone_plan[i] { b"yes" } else { b"no" });
        buf.push(b',');
        push_field(buf, reason);
        buf.push(b',');
        push_u64(buf, u64::from(r.line[i]));
        buf.push(b'\n');
    }
}

/// Every operator's name as a CSV field, indexed like
/// [`Responses::operators`]: tens of names, millions of rows.
fn operator_fields(responses: &Responses) -> Vec<Vec<u8>> {
    responses
        .operators
        .iter()
        .map(|name| {
            let mut field = Vec::with_capacity(name.len());
            push_field(&mut field, name);
            field
        })
        .collect()
}

fn needs_quotes(b: u8) -> bool {
    matches!(b, b',' | b'"' | b'\n' | b'\r')
}

/// Whether any byte [`needs_quotes`]: two SIMD searches instead of a
/// byte-by-byte test (all ids of a Land are some 75 MB, scanned before
/// the parallel part starts).
fn any_needs_quotes(bytes: &[u8]) -> bool {
    memchr::memchr3(b',', b'"', b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some()
}

/// A CSV field, quoted only when it has to be (RFC 4180).
fn push_field(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    if !bytes.iter().copied().any(needs_quotes) {
        buf.extend_from_slice(bytes);
        return;
    }
    buf.push(b'"');
    for &b in bytes {
        if b == b'"' {
            buf.push(b'"');
        }
        buf.push(b);
    }
    buf.push(b'"');
}

/// "00" to "99", two digits per division.
const DIGIT_PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

fn push_u64(buf: &mut Vec<u8>, v: u64) {
    // `write!` through the formatting machinery costs several times this
    // on tens of millions of numbers. Line numbers and speeds are below
    // 10^8: their digits are written left-aligned into one word, appended
    // whole and cut back (a fixed-size copy instead of a `memcpy` call).
    if v < 100_000_000 {
        let n = digit_count(v as u32);
        let mut word = [0u8; 8];
        write_pairs(&mut word[..n], v as u32);
        let len = buf.len();
        buf.extend_from_slice(&word);
        buf.truncate(len + n);
        return;
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut v = v;
    while v >= 100 {
        let pair = (v % 100) as usize * 2;
        v /= 100;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if v >= 10 {
        let pair = v as usize * 2;
        i -= 2;
        digits[i..i + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    } else {
        i -= 1;
        digits[i] = b'0' + v as u8;
    }
    buf.extend_from_slice(&digits[i..]);
}

/// Decimal digits of `v` (1 for 0).
fn digit_count(v: u32) -> usize {
    match v {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1_000..=9_999 => 4,
        10_000..=99_999 => 5,
        100_000..=999_999 => 6,
        1_000_000..=9_999_999 => 7,
        10_000_000..=99_999_999 => 8,
        100_000_000..=999_999_999 => 9,
        _ => 10,
    }
}

/// Writes the decimal digits of `v` into all of `out` (leading zeros if
/// `out` is longer than the number), two digits per division.
fn write_pairs(out: &mut [u8], mut v: u32) {
    let mut i = out.len();
    while i >= 2 {
        let pair = (v % 100) as usize * 2;
        v /= 100;
        out[i - 2..i].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
        i -= 2;
    }
    if i == 1 {
        out[0] = b'0' + (v % 10) as u8;
    }
}

/// AGS-8 with its leading zeros (`{:08}`).
fn push_ags8(buf: &mut Vec<u8>, ags8: u32) {
    if ags8 < 100_000_000 {
        let mut digits = [b'0'; 8];
        write_pairs(&mut digits, ags8);
        buf.extend_from_slice(&digits);
    } else {
        // Cannot come from the reader (8 digits); print it whole anyway.
        push_u64(buf, u64::from(ags8));
    }
}

/// A speed as Rust displays an `f32` (shortest form that reads back the
/// same: `1000`, `16.5`); whole numbers, nearly all of them, take the
/// integer path.
fn push_speed(buf: &mut Vec<u8>, v: f32) {
    // A round trip through u32 tests for a whole number without the call
    // to `trunc` that `fract` makes (-0 prints as 0, as it always did).
    if (0.0..=1e9).contains(&v) && (v as u32) as f32 == v {
        push_u64(buf, u64::from(v as u32));
    } else {
        // Writing into a Vec cannot fail.
        let _ = write!(buf, "{v}");
    }
}

/// ISO date `YYYY-MM-DD` (as `Date`'s `Display` for years 0–9999).
fn push_date(buf: &mut Vec<u8>, date: Date) {
    let year = date.year();
    if (0..=9999).contains(&year) {
        let y = year as u32;
        let (m, d) = (date.month() as u32, date.day() as u32);
        buf.extend_from_slice(&[
            b'0' + (y / 1000) as u8,
            b'0' + (y / 100 % 10) as u8,
            b'0' + (y / 10 % 10) as u8,
            b'0' + (y % 10) as u8,
            b'-',
            b'0' + (m / 10) as u8,
            b'0' + (m % 10) as u8,
            b'-',
            b'0' + (d / 10) as u8,
            b'0' + (d % 10) as u8,
        ]);
    } else {
        let _ = write!(buf, "{date}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;
    use crate::evaluate::{Survey, evaluate};
    use crate::input::{read_addresses, read_responses};
    use crate::rules::RuleSets;

    fn to_string(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_the_four_files_with_quoting_and_leading_zeros() {
        let (a, mut rejected) = read_addresses(
            "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n\
             A1,01001000,S,1,,,,,privat,2,0\n\
             \"A,2\",14612000,S,2,,,,,gewerblich,0,1\n\
             A3,14612000,S,3,,,,,privat,1,0\n\
             A3,14612000,S,3,,,,,privat,1,0\n"
                .as_bytes(),
        )
        .unwrap();
        let start = jiff::civil::date(2026, 1, 15);
        let (r, rej) = read_responses(
            "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n\
             A1,\"Netz \"\"Ost\"\"\",FTTH,1000,500,current,,\n\
             A1,T,LTE,\"50,5\",10,current,,\n\
             \"A,2\",T,VDSL,100,40,current,,\n\
             \"A,2\",T,FTTH,1000,1000,planned,2027-06-30,yes\n\
             \"A,2\",T,HFC,1000,50,planned,2027-06-30,no\n\
             A9,T,FTTH,1000,1000,current,,\n"
                .as_bytes(),
            &a,
            start,
        )
        .unwrap();
        rejected.extend(rej);
        let sets = RuleSets::built_in().unwrap();
        let survey = Survey {
            rule_set: sets.get("gigabit-2.0").unwrap(),
            start,
            horizon_years: 3,
        };
        let e = evaluate(&a, &r, &survey).unwrap();
        let agg = aggregate(&a, &r, &e);

        assert_eq!(
            to_string(|w| write_addresses(w, &a, &r, &e)),
            format!(
                "{ADDRESSES_HEADER}\n\
                 A1,01001000,versorgt,grau,1000,500,,,\"Netz \"\"Ost\"\"\"\n\
                 \"A,2\",14612000,eigenwirtschaftlich_geplant,grau,100,40,1000,1000,T\n\
                 A3,14612000,foerderfaehig,weiss,,,,,\n"
            )
        );
        assert_eq!(
            to_string(|w| write_municipalities(w, &agg)),
            "ags8,status,addresses,households,businesses\n\
             01001000,versorgt,1,2,0\n\
             01001000,eigenwirtschaftlich_geplant,0,0,0\n\
             01001000,foerderfaehig,0,0,0\n\
             14612000,versorgt,0,0,0\n\
             14612000,eigenwirtschaftlich_geplant,1,0,1\n\
             14612000,foerderfaehig,1,1,0\n"
        );
        assert_eq!(
            to_string(|w| write_protocol(w, &a, &r, &e)),
            format!(
                "{PROTOCOL_HEADER}\n\
                 A1,massgeblich,\"Netz \"\"Ost\"\"\",FTTH,1000,500,current,,no,,2\n\
                 A1,nicht_beruecksichtigt,T,LTE,50.5,10,current,,no,mobil,3\n\
                 \"A,2\",massgeblich,T,FTTH,1000,1000,planned,2027-06-30,yes,,5\n\
                 \"A,2\",nicht_beruecksichtigt,T,HFC,1000,50,planned,2027-06-30,no,kein Meilensteinplan,6\n"
            )
        );
        assert_eq!(
            to_string(|w| write_rejected(w, &rejected)),
            "file,line,reason\n\
             addresses,5,\"doppelte address_id \"\"A3\"\" (wie Zeile 4)\"\n\
             responses,7,\"unbekannte address_id \"\"A9\"\"\"\n"
        );
    }

    /// `evaluate_and_write` against the separate steps, bytes and figures.
    fn assert_one_pass_matches(addresses: &str, responses: &str, rule: &str) {
        let (a, _) = read_addresses(addresses.as_bytes()).unwrap();
        let start = jiff::civil::date(2026, 1, 15);
        let (r, _) = read_responses(responses.as_bytes(), &a, start).unwrap();
        let sets = RuleSets::built_in().unwrap();
        let survey = Survey {
            rule_set: sets.get(rule).unwrap(),
            start,
            horizon_years: 3,
        };
        let e = evaluate(&a, &r, &survey).unwrap();
        let (mut address_text, mut protocol_text) = (Vec::new(), Vec::new());
        let written =
            evaluate_and_write(&a, &r, &survey, &mut address_text, &mut protocol_text).unwrap();
        assert_eq!(
            String::from_utf8(address_text).unwrap(),
            to_string(|w| write_addresses(w, &a, &r, &e))
        );
        assert_eq!(
            String::from_utf8(protocol_text).unwrap(),
            to_string(|w| write_protocol(w, &a, &r, &e))
        );
        assert_eq!(written.aggregates, aggregate(&a, &r, &e));
        assert_eq!(written.protocol_rows, e.protocol.len());
    }

    #[test]
    fn one_pass_writes_the_same_bytes_and_figures_as_the_separate_steps() {
        let mut addresses = String::from(
            "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n",
        );
        let mut responses = String::from(
            "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n",
        );
        assert_one_pass_matches(&addresses, &responses, "gigabit-2.0");
        let n = ROWS_PER_TASK * 9 + 5;
        let techs = ["FTTH", "VDSL", "LTE", "HFC", "ADSL"];
        for i in 0..n {
            let id = if i % 1000 == 7 {
                format!("\"A,{i}\"")
            } else {
                format!("A{i}")
            };
            let usage = ["privat", "gewerblich", "sozioökonomisch"][i % 3];
            let ags8 = 14_511_000 + (i % 5) * 1000;
            addresses.push_str(&format!(
                "{id},{ags8},S,1,,,,,{usage},{},{}\n",
                i % 4,
                i % 2
            ));
            for k in 0..i % 4 {
                let tech = techs[(i + k) % techs.len()];
                let down = [16, 50, 100, 250, 500, 1000][(i * 7 + k) % 6];
                let up = down / 2;
                let plan = match (i + k) % 5 {
                    0 => "planned,2027-06-30,yes",
                    1 => "planned,2031-01-01,yes",
                    2 => "planned,2027-06-30,no",
                    _ => "current,,",
                };
                responses.push_str(&format!("{id},\"Op {k}\",{tech},{down},{up},{plan}\n"));
            }
        }
        for rule in ["gigabit-2.0", "gigabit-1.0", "nga-30"] {
            assert_one_pass_matches(&addresses, &responses, rule);
        }
    }

    #[test]
    fn finds_a_byte_that_needs_quotes_anywhere() {
        assert!(!any_needs_quotes(b""));
        for len in [1, 15, 16, 31, 32, 33, 64, 100] {
            let plain = vec![b'a'; len];
            assert!(!any_needs_quotes(&plain));
            for at in [0, len / 2, len - 1] {
                for b in [b',', b'"', b'\n', b'\r'] {
                    let mut bytes = plain.clone();
                    bytes[at] = b;
                    assert!(any_needs_quotes(&bytes), "{len} {at} {b}");
                    assert_eq!(
                        any_needs_quotes(&bytes),
                        bytes.iter().copied().any(needs_quotes)
                    );
                }
            }
        }
    }

    #[test]
    fn formats_numbers_and_dates_like_display() {
        let mut buf = Vec::new();
        for v in [0.0f32, 16.5, 1000.0, 0.1, 99_999.99] {
            buf.clear();
            push_speed(&mut buf, v);
            assert_eq!(String::from_utf8_lossy(&buf), v.to_string());
        }
        let mut values = vec![0u64, 7, 10, 99, 100, 101, 1009, 4_294_967_295, u64::MAX];
        for p in 1..20 {
            let power = 10u64.pow(p);
            values.extend([power - 1, power, power + 1, power + 7 * (power / 10)]);
        }
        for v in values {
            buf.clear();
            buf.extend_from_slice(b"x,");
            push_u64(&mut buf, v);
            assert_eq!(String::from_utf8_lossy(&buf), format!("x,{v}"));
            if let Ok(v) = u32::try_from(v) {
                buf.clear();
                push_ags8(&mut buf, v);
                assert_eq!(String::from_utf8_lossy(&buf), format!("{v:08}"));
            }
        }
        for d in [
            jiff::civil::date(2027, 6, 30),
            jiff::civil::date(2029, 1, 1),
            jiff::civil::date(12, 12, 31),
        ] {
            buf.clear();
            push_date(&mut buf, d);
            assert_eq!(String::from_utf8_lossy(&buf), d.to_string());
        }
    }

    #[test]
    fn writes_many_rows_in_address_order_across_batches() {
        let n = ROWS_PER_TASK * 3 + 17;
        let mut text = String::from(
            "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n",
        );
        for i in 0..n {
            text.push_str(&format!("X{i},14612000,S,1,,,,,privat,1,0\n"));
        }
        let (a, _) = read_addresses(text.as_bytes()).unwrap();
        let (r, _) = read_responses(
            "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n"
                .as_bytes(),
            &a,
            jiff::civil::date(2026, 1, 1),
        )
        .unwrap();
        let sets = RuleSets::built_in().unwrap();
        let survey = Survey {
            rule_set: sets.get("nga-30").unwrap(),
            start: jiff::civil::date(2026, 1, 1),
            horizon_years: 3,
        };
        let e = evaluate(&a, &r, &survey).unwrap();
        let written = to_string(|w| write_addresses(w, &a, &r, &e));
        let ids: Vec<&str> = written
            .lines()
            .skip(1)
            .map(|l| l.split(',').next().unwrap())
            .collect();
        assert_eq!(ids.len(), n);
        assert!(ids.iter().enumerate().all(|(i, id)| *id == format!("X{i}")));
    }
}
