//! Streaming CSV parse of the two survey files into columnar storage.
//!
//! Each file is read in blocks of whole records (never whole into memory),
//! parsed in parallel chunk by chunk and merged in file order (see
//! `chunks` and [`read_addresses`]); every
//! record is validated on its own and either appended to the columns or
//! reported as [`Rejected`] with its physical line number (1 = header), so
//! that an operator can fix exactly the rows that are wrong while the valid
//! rows are kept. Only a broken header (missing required column) or an I/O
//! error rejects the whole file.
//!
//! The columns are a struct of `Vec`s indexed by a dense address index
//! (`u32`): the evaluation touches only the few columns it needs, and the
//! responses are grouped by address with a counting sort into CSR offsets
//! ([`Responses::rows_of`]) so that the hot loop needs no hash map.

use std::collections::HashMap;
use std::io::Read;

use jiff::civil::Date;
use rayon::prelude::*;

mod chunks;

use chunks::{Blocks, Layout, count_newlines};

/// Which of the two input files a rejection or error refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum InputFile {
    Addresses,
    Responses,
}

impl InputFile {
    /// The name used in `rejected_rows.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            InputFile::Addresses => "addresses",
            InputFile::Responses => "responses",
        }
    }
}

/// A row that was not taken over, with the reason in German for the report.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rejected {
    pub file: InputFile,
    /// Physical line of the CSV record (1 = header line).
    pub line: u64,
    pub reason: String,
}

/// A whole file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}: Pflichtspalten fehlen in der Kopfzeile: {}", file.as_str(), columns.join(", "))]
    MissingColumns {
        file: InputFile,
        columns: Vec<&'static str>,
    },
    #[error("{}: Spalte {column:?} kommt in der Kopfzeile mehrfach vor", file.as_str())]
    DuplicateColumn { file: InputFile, column: String },
    #[error("{}: Datei nicht lesbar: {source}", file.as_str())]
    Csv {
        file: InputFile,
        #[source]
        source: csv::Error,
    },
    #[error("{}: mehr als 4 294 967 295 Zeilen", file.as_str())]
    TooLarge { file: InputFile },
}

/// Nutzung of an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Usage {
    /// privat
    Private,
    /// gewerblich
    Commercial,
    /// sozioökonomisch (Schule, Krankenhaus, Rathaus …)
    SocioEconomic,
}

impl Usage {
    fn parse(s: &str) -> Option<Self> {
        // Compared without allocating: this runs once per address.
        let is = |word: &str| s.eq_ignore_ascii_case(word);
        if is("privat") {
            Some(Usage::Private)
        } else if is("gewerblich") {
            Some(Usage::Commercial)
        } else if is("sozioökonomisch") || is("soziooekonomisch") || is("sozioÖkonomisch") {
            Some(Usage::SocioEconomic)
        } else {
            None
        }
    }
}

/// Access technology of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Technology {
    Ftth,
    Fttb,
    Hfc,
    Vdsl,
    Adsl,
    Other,
    G5,
    Lte,
    Sat,
}

impl Technology {
    /// All technologies, in the order of aggregate columns.
    pub const ALL: [Technology; 9] = [
        Technology::Ftth,
        Technology::Fttb,
        Technology::Hfc,
        Technology::Vdsl,
        Technology::Adsl,
        Technology::Other,
        Technology::G5,
        Technology::Lte,
        Technology::Sat,
    ];

    fn parse(s: &str) -> Option<Self> {
        // Compared without allocating: this runs once per response. The
        // exact spellings first, then any case.
        Technology::ALL
            .into_iter()
            .find(|t| s == t.as_str())
            .or_else(|| {
                Technology::ALL
                    .into_iter()
                    .find(|t| s.eq_ignore_ascii_case(t.as_str()))
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Technology::Ftth => "FTTH",
            Technology::Fttb => "FTTB",
            Technology::Hfc => "HFC",
            Technology::Vdsl => "VDSL",
            Technology::Adsl => "ADSL",
            Technology::Other => "OTHER",
            Technology::G5 => "5G",
            Technology::Lte => "LTE",
            Technology::Sat => "SAT",
        }
    }

    /// Fixed-line supply counts for the status; mobile and satellite
    /// offers do not (their capacity is shared and not reliable per address).
    pub fn is_fixed(self) -> bool {
        !matches!(self, Technology::G5 | Technology::Lte | Technology::Sat)
    }

    /// Copper DSL cannot upload faster than it downloads; such a row is a
    /// typo (columns swapped), not an offer.
    fn up_at_most_down(self) -> bool {
        matches!(self, Technology::Vdsl | Technology::Adsl)
    }

    /// Index into [`Technology::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Whether a response is today's supply or a self-financed plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Current,
    Planned,
}

/// Upper bound of a plausible speed in Mbit/s.
pub const MAX_SPEED_MBPS: f32 = 100_000.0;

/// The addresses of the project area, columnar, indexed by dense address
/// index. Only the columns the evaluation and the result files need are
/// kept; street and house number stay in the file.
#[derive(Debug, Default)]
pub struct Addresses {
    ids: IdTable,
    /// AGS-8 as a number (leading zeros restored by formatting `{:08}`).
    pub ags8: Vec<u32>,
    pub usage: Vec<Usage>,
    pub households: Vec<u32>,
    pub businesses: Vec<u32>,
    /// WGS 84; `NaN` when the file left it empty.
    pub lat: Vec<f32>,
    pub lon: Vec<f32>,
    /// Physical CSV line of each address.
    pub line: Vec<u32>,
}

impl Addresses {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.len() == 0
    }

    /// See [`Responses::shrink_to_fit`].
    fn shrink_to_fit(&mut self) {
        self.ids.text.shrink_to_fit();
        self.ids.ends.shrink_to_fit();
        self.ags8.shrink_to_fit();
        self.usage.shrink_to_fit();
        self.households.shrink_to_fit();
        self.businesses.shrink_to_fit();
        self.lat.shrink_to_fit();
        self.lon.shrink_to_fit();
        self.line.shrink_to_fit();
    }

    /// Dense index of an address id.
    pub fn index_of(&self, id: &str) -> Option<u32> {
        self.ids.find(id)
    }

    /// All ids end to end, for a scan of them all (output quoting).
    pub(crate) fn ids_text(&self) -> &str {
        &self.ids.text
    }

    /// The id of address `a` (as in the file).
    pub fn id(&self, a: u32) -> &str {
        self.ids.get(a as usize)
    }
}

/// Address ids in one string buffer, found through open-addressing tables
/// of dense indices (linear probing, load ≤ ½). About 25 bytes per
/// address instead of an allocation per id plus a hash-map entry: 5
/// million addresses and their responses must fit in 1.5 GB.
///
/// The table is split into [`ID_PARTS`] partitions by the top bits of the
/// hash, so that it can be built in parallel — one partition per task,
/// each small enough for the caches — with the same result as entering
/// the ids one by one ([`IdTable::build`]).
#[derive(Debug, Default)]
struct IdTable {
    text: String,
    /// End offset in `text` of id `i`; id `i` starts where `i - 1` ends.
    ends: Vec<usize>,
    /// Per partition: dense index or `EMPTY`; each length a power of two
    /// (or zero before the first id).
    parts: Vec<Vec<u32>>,
}

const EMPTY: u32 = u32::MAX;
const ID_PART_BITS: u32 = 6;
const ID_PARTS: usize = 1 << ID_PART_BITS;

fn part_of(hash: u64) -> usize {
    (hash >> (64 - ID_PART_BITS)) as usize
}

/// Linear probing for `id` in one partition; `get` maps a stored value to
/// its id text.
fn probe_slots<'t>(
    slots: &[u32],
    hash: u64,
    id: &str,
    get: impl Fn(u32) -> &'t str,
) -> Result<u32, usize> {
    let mask = slots.len() - 1;
    let mut i = hash as usize & mask;
    loop {
        let slot = slots[i];
        if slot == EMPTY {
            return Err(i);
        }
        if get(slot) == id {
            return Ok(slot);
        }
        i = (i + 1) & mask;
    }
}

/// Slots for `n` entries at load ≤ ½.
fn slots_for(n: usize) -> usize {
    (2 * n + 2).next_power_of_two().max(16)
}

impl IdTable {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &str {
        id_at(&self.text, &self.ends, i)
    }

    /// FNV-1a with a final mix so that sequential ids spread over the
    /// table; no DoS concern, the files come from invited operators.
    fn hash(id: &str) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in id.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }

    fn find(&self, id: &str) -> Option<u32> {
        let hash = Self::hash(id);
        let slots = self.parts.get(part_of(hash))?;
        if slots.is_empty() {
            return None;
        }
        probe_slots(slots, hash, id, |i| self.get(i as usize)).ok()
    }

    /// Enters candidate ids (`text`/`ends`, in file order, `hashes` from
    /// [`IdTable::hash`]) the way a row-by-row read would: the first
    /// *valid* candidate of an id is kept, every later candidate with that
    /// id is a repetition of it, an invalid candidate is entered nowhere.
    /// Returns the table of the kept ids (dense indices in file order),
    /// which candidates are kept, and the repetitions as (candidate, dense
    /// index of the kept first one), by candidate.
    fn build(text: String, ends: Vec<usize>, hashes: &[u64], valid: &[bool]) -> Result<Built, ()> {
        let n = ends.len();
        if u32::try_from(n).map_or(true, |n| n == EMPTY) {
            return Err(());
        }
        let mut members: Vec<Vec<u32>> = vec![Vec::new(); ID_PARTS];
        for (c, &hash) in hashes.iter().enumerate() {
            members[part_of(hash)].push(c as u32);
        }
        let built: Vec<PartBuilt> = members
            .par_iter()
            .map(|members| {
                // While building, a slot also holds 32 bits of its id's
                // hash: a collision with another id is then told apart
                // without reading that id's text (a cache miss each).
                // The finished table keeps the index only.
                let mut tagged = vec![u64::MAX; slots_for(members.len())];
                let mask = tagged.len() - 1;
                let mut repeated = Vec::new();
                for &c in members {
                    let hash = hashes[c as usize];
                    let tag = (hash >> 24) as u32;
                    let id = id_at(&text, &ends, c as usize);
                    let mut i = hash as usize & mask;
                    // The probe sequence of `probe_slots`, so `find` finds it.
                    loop {
                        let slot = tagged[i];
                        if slot == u64::MAX {
                            if valid[c as usize] {
                                tagged[i] = u64::from(tag) << 32 | u64::from(c);
                            }
                            break;
                        }
                        let first = slot as u32;
                        if (slot >> 32) as u32 == tag && id_at(&text, &ends, first as usize) == id {
                            repeated.push((c, first));
                            break;
                        }
                        i = (i + 1) & mask;
                    }
                }
                let slots = tagged
                    .iter()
                    .map(|&slot| if slot == u64::MAX { EMPTY } else { slot as u32 })
                    .collect();
                (slots, repeated)
            })
            .collect();
        let mut keep = valid.to_vec();
        let mut repeated = Vec::new();
        let mut parts = Vec::with_capacity(ID_PARTS);
        for (slots, part_repeated) in built {
            for &(c, _) in &part_repeated {
                keep[c as usize] = false;
            }
            repeated.extend(part_repeated);
            parts.push(slots);
        }
        repeated.sort_unstable();
        if keep.iter().all(|&k| k) {
            let table = IdTable { text, ends, parts };
            return Ok(Built {
                table,
                keep,
                repeated,
            });
        }
        // Dense indices count only the kept candidates.
        let mut dense = vec![EMPTY; n];
        let mut kept_text = String::new();
        let mut kept_ends = Vec::new();
        for (c, _) in keep.iter().enumerate().filter(|(_, k)| **k) {
            dense[c] = kept_ends.len() as u32;
            kept_text.push_str(id_at(&text, &ends, c));
            kept_ends.push(kept_text.len());
        }
        parts.par_iter_mut().for_each(|slots| {
            for slot in slots.iter_mut().filter(|s| **s != EMPTY) {
                *slot = dense[*slot as usize];
            }
        });
        for (_, first) in &mut repeated {
            *first = dense[*first as usize];
        }
        let table = IdTable {
            text: kept_text,
            ends: kept_ends,
            parts,
        };
        Ok(Built {
            table,
            keep,
            repeated,
        })
    }
}

/// The rows of `column` whose `keep` is set (all of them when `all`).
fn kept_rows<T>(column: Vec<T>, keep: &[bool], all: bool) -> Vec<T> {
    if all {
        return column;
    }
    column
        .into_iter()
        .zip(keep)
        .filter_map(|(v, &k)| k.then_some(v))
        .collect()
}

/// One partition of [`IdTable::build`]: its slots and repetitions.
type PartBuilt = (Vec<u32>, Vec<(u32, u32)>);

/// The result of [`IdTable::build`].
struct Built {
    table: IdTable,
    /// Per candidate: entered as an address.
    keep: Vec<bool>,
    /// (candidate, dense index of the first row with its id), by candidate.
    repeated: Vec<(u32, u32)>,
}

// Called for every response row (the sorted-file shortcut), so inlined.
#[inline]
fn id_at<'t>(text: &'t str, ends: &[usize], i: usize) -> &'t str {
    let start = if i == 0 { 0 } else { ends[i - 1] };
    &text[start..ends[i]]
}

/// Operator responses (Rückmeldungen), columnar, grouped by address.
#[derive(Debug, Default)]
pub struct Responses {
    /// Dense address index of each row.
    pub address: Vec<u32>,
    /// Index into [`Responses::operators`].
    pub operator: Vec<u32>,
    pub technology: Vec<Technology>,
    pub down: Vec<f32>,
    pub up: Vec<f32>,
    pub kind: Vec<Kind>,
    pub planned_date: Vec<Option<Date>>,
    pub milestone_plan: Vec<bool>,
    /// Physical CSV line of each row, for the protocol.
    pub line: Vec<u32>,
    /// Interned operator names.
    pub operators: Vec<Box<str>>,
    /// CSR: rows of address `a` are `order[offsets[a]..offsets[a + 1]]`, in
    /// file order; duplicate rows are left out.
    offsets: Vec<u32>,
    order: Vec<u32>,
}

impl Responses {
    /// Number of parsed rows (including duplicates not reachable by address).
    pub fn len(&self) -> usize {
        self.address.len()
    }

    pub fn is_empty(&self) -> bool {
        self.address.is_empty()
    }

    /// Rows that take part in the evaluation: parsed rows without the
    /// exact duplicates (which are rejected).
    pub fn kept(&self) -> usize {
        self.order.len()
    }

    /// Gives back the growth slack of the columns (up to half of them
    /// right after parsing); they are not appended to afterwards.
    fn shrink_to_fit(&mut self) {
        self.address.shrink_to_fit();
        self.operator.shrink_to_fit();
        self.technology.shrink_to_fit();
        self.down.shrink_to_fit();
        self.up.shrink_to_fit();
        self.kind.shrink_to_fit();
        self.planned_date.shrink_to_fit();
        self.milestone_plan.shrink_to_fit();
        self.line.shrink_to_fit();
    }

    /// Row indices of the responses for address `a`, in file order.
    pub fn rows_of(&self, a: u32) -> &[u32] {
        let a = a as usize;
        match (self.offsets.get(a), self.offsets.get(a + 1)) {
            (Some(&from), Some(&to)) => &self.order[from as usize..to as usize],
            _ => &[],
        }
    }

    pub fn operator_name(&self, row: u32) -> &str {
        &self.operators[self.operator[row as usize] as usize]
    }
}

const ADDRESS_COLUMNS: [&str; 11] = [
    "address_id",
    "ags8",
    "street",
    "house_number",
    "postcode",
    "place",
    "lat",
    "lon",
    "usage",
    "households",
    "businesses",
];

const RESPONSE_COLUMNS: [&str; 8] = [
    "address_id",
    "operator",
    "technology",
    "down_mbps",
    "up_mbps",
    "kind",
    "planned_date",
    "milestone_plan",
];

/// The most required columns of either file.
const MAX_COLUMNS: usize = ADDRESS_COLUMNS.len();

/// Chunks per thread in a wave: two keep both threads busy to the end of
/// a wave while the next one is read.
const CHUNKS_PER_THREAD: usize = 2;

/// Reads `input` in waves of chunks of whole records. While the thread
/// pool parses one wave (`parse`, chunk by chunk, in parallel, each into a
/// part), this thread hands the previous wave's parts to `merge` in file
/// order and reads the next wave — so reading, parsing and the sequential
/// merge overlap, and memory holds two waves of raw text, never the file.
///
/// Parts are reused wave after wave (`parse` starts by clearing its part):
/// fresh columns for every chunk would fault in as many new pages as the
/// whole file's columns, once more.
fn pipeline<R: Read, P: Send + Default>(
    file: InputFile,
    input: R,
    block: usize,
    required: &[&'static str],
    parse: impl Fn(&Layout, &[u8], usize, &mut P) -> Result<(), InputError> + Sync,
    mut merge: impl FnMut(&mut P) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let io_error = |e: std::io::Error| InputError::Csv {
        file,
        source: csv::Error::from(e),
    };
    let wave_len = rayon::current_num_threads().max(1) * CHUNKS_PER_THREAD;
    let mut blocks = Blocks::new(input, block);
    let mut raw = blocks.next_wave(wave_len).map_err(io_error)?;
    // The header is read from the first chunk alone. Blank lines before it
    // can make a chunk of their own (a record that never closes its quote
    // cuts the block right after them): join such a chunk with the next.
    while raw
        .first()
        .is_some_and(|c| c.iter().all(|b| matches!(b, b'\r' | b'\n')))
    {
        let next = if raw.len() > 1 {
            raw.remove(1)
        } else if let Some(chunk) = blocks.next_chunk().map_err(io_error)? {
            chunk
        } else {
            break;
        };
        raw[0].extend_from_slice(&next);
    }
    let (layout, mut data_start) =
        Layout::from_header(file, raw.first().map_or(&[][..], Vec::as_slice), required)?;
    // The parsed wave, in file order, with the outcome of each parse.
    let mut pending: Vec<(P, Result<(), InputError>)> = Vec::new();
    let mut spare: Vec<P> = Vec::new();
    while !raw.is_empty() || !pending.is_empty() {
        let mut parsed: Vec<(P, Result<(), InputError>)> = raw
            .iter()
            .map(|_| (spare.pop().unwrap_or_default(), Ok(())))
            .collect();
        let mut next = Ok(Vec::new());
        let mut merged = Ok(());
        // Only the file's first chunk starts with the header.
        let first_start = std::mem::take(&mut data_start);
        rayon::in_place_scope(|scope| {
            for (i, (chunk, (part, outcome))) in raw.iter().zip(parsed.iter_mut()).enumerate() {
                let start = if i == 0 { first_start } else { 0 };
                let (layout, parse) = (&layout, &parse);
                scope.spawn(move |_| *outcome = parse(layout, chunk, start, part));
            }
            merged = pending.iter_mut().try_for_each(|(part, outcome)| {
                std::mem::replace(outcome, Ok(()))?;
                merge(part)
            });
            if merged.is_ok() && !raw.is_empty() {
                next = blocks.next_wave(wave_len);
            }
        });
        merged?;
        spare.extend(pending.drain(..).map(|(part, _)| part));
        pending = parsed;
        blocks.recycle(std::mem::replace(&mut raw, next.map_err(io_error)?));
    }
    Ok(())
}

/// Lines of a chunk are relative (1 = its first line); `base` is the
/// number of newlines before the chunk.
fn absolute(file: InputFile, base: u64, relative: u32) -> Result<u32, InputError> {
    u32::try_from(base + u64::from(relative)).map_err(|_| InputError::TooLarge { file })
}

/// The addresses of one chunk, parsed and validated but not yet checked
/// for repeated ids: that needs every earlier row and happens in the merge.
#[derive(Default)]
struct AddressPart {
    newlines: u64,
    /// Every row with an id (valid or not), ids end to end.
    ids: String,
    ends: Vec<u32>,
    /// [`IdTable::hash`] of each id, computed in parallel.
    hashes: Vec<u64>,
    line: Vec<u32>,
    /// Row → why it is invalid, ascending; such rows have default columns.
    problems: Vec<(u32, String)>,
    ags8: Vec<u32>,
    usage: Vec<Usage>,
    households: Vec<u32>,
    businesses: Vec<u32>,
    lat: Vec<f32>,
    lon: Vec<f32>,
    /// Rows rejected before their id mattered (width, UTF-8, no id).
    rejected: Vec<Rejected>,
}

impl AddressPart {
    /// Empties the part for the next chunk, keeping its capacity.
    fn clear(&mut self) {
        self.newlines = 0;
        self.ids.clear();
        self.ends.clear();
        self.hashes.clear();
        self.line.clear();
        self.problems.clear();
        self.ags8.clear();
        self.usage.clear();
        self.households.clear();
        self.businesses.clear();
        self.lat.clear();
        self.lon.clear();
        self.rejected.clear();
    }
}

struct AddressFields {
    ags8: u32,
    usage: Usage,
    households: u32,
    businesses: u32,
    lat: f32,
    lon: f32,
}

fn parse_address_fields(f: &[&str]) -> Result<AddressFields, String> {
    let [
        _id,
        ags8,
        _street,
        _number,
        _postcode,
        _place,
        lat,
        lon,
        usage,
        households,
        businesses,
    ] = f
    else {
        return Err("Spaltenzuordnung fehlerhaft".into());
    };
    Ok(AddressFields {
        ags8: parse_ags8(ags8)?,
        usage: Usage::parse(usage).ok_or_else(|| {
            format!("unbekannte Nutzung {usage:?} (erlaubt: privat, gewerblich, sozioökonomisch)")
        })?,
        households: parse_count("households", households)?,
        businesses: parse_count("businesses", businesses)?,
        lat: parse_coordinate("lat", lat, 90.0)?,
        lon: parse_coordinate("lon", lon, 180.0)?,
    })
}

fn parse_address_chunk(
    layout: &Layout,
    chunk: &[u8],
    start: usize,
    p: &mut AddressPart,
) -> Result<(), InputError> {
    p.clear();
    p.newlines = count_newlines(chunk);
    let rejected = layout.for_each(chunk, start, |f, line| {
        let Some(&id) = f.first() else {
            return Err("Spaltenzuordnung fehlerhaft".into());
        };
        if id.is_empty() {
            return Err("address_id fehlt".into());
        }
        let row = p.ends.len() as u32;
        p.ids.push_str(id);
        p.ends.push(p.ids.len() as u32);
        p.hashes.push(IdTable::hash(id));
        p.line.push(line);
        let fields = parse_address_fields(f).unwrap_or_else(|reason| {
            p.problems.push((row, reason));
            AddressFields {
                ags8: 0,
                usage: Usage::Private,
                households: 0,
                businesses: 0,
                lat: f32::NAN,
                lon: f32::NAN,
            }
        });
        p.ags8.push(fields.ags8);
        p.usage.push(fields.usage);
        p.households.push(fields.households);
        p.businesses.push(fields.businesses);
        p.lat.push(fields.lat);
        p.lon.push(fields.lon);
        Ok(())
    })?;
    p.rejected = rejected;
    Ok(())
}

/// The readers with a chosen block size, for the fuzz targets (`fuzz/`):
/// the result must not depend on where the file is cut into chunks.
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing {
    use super::{Addresses, Date, InputError, Read, Rejected, Responses};

    /// [`read_addresses`](super::read_addresses) with `block` bytes per chunk.
    pub fn read_addresses_in_blocks<R: Read>(
        input: R,
        block: usize,
    ) -> Result<(Addresses, Vec<Rejected>), InputError> {
        super::read_addresses_in_blocks(input, block)
    }

    /// [`read_responses`](super::read_responses) with `block` bytes per chunk.
    pub fn read_responses_in_blocks<R: Read>(
        input: R,
        addresses: &Addresses,
        survey_start: Date,
        block: usize,
    ) -> Result<(Responses, Vec<Rejected>), InputError> {
        super::read_responses_in_blocks(input, addresses, survey_start, block)
    }
}

/// Reads the addresses file. Returns the valid rows and the rejected ones
/// (in file order).
///
/// The first *valid* row of an id counts; a later row with the same id is
/// rejected as a repetition (whatever else is wrong with it), an invalid
/// row does not block a later valid one. Chunks are parsed in parallel;
/// the ids are entered into the table in file order, so the result is the
/// same as reading row by row.
pub fn read_addresses<R: Read>(input: R) -> Result<(Addresses, Vec<Rejected>), InputError> {
    read_addresses_in_blocks(input, chunks::BLOCK)
}

/// [`read_addresses`] with `block` bytes per chunk (tests cut small ones).
fn read_addresses_in_blocks<R: Read>(
    input: R,
    block: usize,
) -> Result<(Addresses, Vec<Rejected>), InputError> {
    let file = InputFile::Addresses;
    // Every row with an id, valid or not, in file order; the repetition
    // check needs them all and runs afterwards, in parallel.
    let mut c = AddressPart::default();
    let mut text = String::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut base = 0u64;
    pipeline(
        file,
        input,
        block,
        &ADDRESS_COLUMNS,
        parse_address_chunk,
        |p| {
            let first = c.line.len() as u32;
            let offset = text.len();
            text.push_str(&p.ids);
            ends.extend(p.ends.iter().map(|&e| offset + e as usize));
            c.hashes.extend_from_slice(&p.hashes);
            if let Some(&last) = p.line.last() {
                absolute(file, base, last)?;
            }
            // Checked above for the chunk's last (largest) line.
            c.line
                .extend(p.line.iter().map(|&l| (base + u64::from(l)) as u32));
            c.problems
                .extend(p.problems.drain(..).map(|(row, why)| (first + row, why)));
            c.ags8.extend_from_slice(&p.ags8);
            c.usage.extend_from_slice(&p.usage);
            c.households.extend_from_slice(&p.households);
            c.businesses.extend_from_slice(&p.businesses);
            c.lat.extend_from_slice(&p.lat);
            c.lon.extend_from_slice(&p.lon);
            c.rejected.extend(p.rejected.drain(..).map(|r| Rejected {
                line: base + r.line,
                ..r
            }));
            base += p.newlines;
            Ok(())
        },
    )?;
    let mut valid = vec![true; c.line.len()];
    for (row, _) in &c.problems {
        valid[*row as usize] = false;
    }
    let Built {
        table: ids,
        keep,
        repeated,
    } = IdTable::build(text, ends, &c.hashes, &valid)
        .map_err(|()| InputError::TooLarge { file })?;
    drop(valid);
    let mut rejected = std::mem::take(&mut c.rejected);
    for (row, reason) in std::mem::take(&mut c.problems) {
        // A repetition is reported as such, whatever else is wrong.
        if repeated.binary_search_by_key(&row, |&(r, _)| r).is_err() {
            rejected.push(Rejected {
                file,
                line: u64::from(c.line[row as usize]),
                reason,
            });
        }
    }
    for &(row, _) in &repeated {
        rejected.push(Rejected {
            file,
            line: u64::from(c.line[row as usize]),
            reason: String::new(),
        });
    }
    let all = keep.iter().all(|&k| k);
    let mut out = Addresses {
        ids,
        ags8: kept_rows(c.ags8, &keep, all),
        usage: kept_rows(c.usage, &keep, all),
        households: kept_rows(c.households, &keep, all),
        businesses: kept_rows(c.businesses, &keep, all),
        lat: kept_rows(c.lat, &keep, all),
        lon: kept_rows(c.lon, &keep, all),
        line: kept_rows(c.line, &keep, all),
    };
    // The repetitions' reasons name the first row, now a kept address.
    let mut next = repeated.iter();
    for r in rejected.iter_mut().filter(|r| r.reason.is_empty()) {
        if let Some(&(_, first)) = next.next() {
            let id = out.ids.get(first as usize);
            let line = out.line[first as usize];
            r.reason = format!("doppelte address_id {id:?} (wie Zeile {line})");
        }
    }
    out.shrink_to_fit();
    // Each line holds at most one record: line order is file order.
    rejected.sort_by_key(|r| r.line);
    Ok((out, rejected))
}

/// The responses of one chunk with chunk-local operator numbers.
#[derive(Default)]
struct ResponsePart {
    newlines: u64,
    address: Vec<u32>,
    operator: Vec<u32>,
    technology: Vec<Technology>,
    down: Vec<f32>,
    up: Vec<f32>,
    kind: Vec<Kind>,
    planned_date: Vec<Option<Date>>,
    milestone_plan: Vec<bool>,
    line: Vec<u32>,
    operators: Vec<Box<str>>,
    rejected: Vec<Rejected>,
}

impl ResponsePart {
    /// Empties the part for the next chunk, keeping its capacity.
    fn clear(&mut self) {
        self.newlines = 0;
        self.address.clear();
        self.operator.clear();
        self.technology.clear();
        self.down.clear();
        self.up.clear();
        self.kind.clear();
        self.planned_date.clear();
        self.milestone_plan.clear();
        self.line.clear();
        self.operators.clear();
        self.rejected.clear();
    }
}

/// Operators are few (tens) and rows many: a short list searched from the
/// most recent one beats hashing every row's name.
fn local_operator(
    operators: &mut Vec<Box<str>>,
    last: &mut u32,
    name: &str,
) -> Result<u32, String> {
    if operators.get(*last as usize).is_some_and(|o| **o == *name) {
        return Ok(*last);
    }
    let i = match operators.iter().position(|o| **o == *name) {
        Some(i) => i,
        None => {
            operators.push(Box::from(name));
            operators.len() - 1
        }
    };
    *last = u32::try_from(i).map_err(|_| "zu viele Netzbetreiber".to_owned())?;
    Ok(*last)
}

fn parse_response_chunk(
    layout: &Layout,
    chunk: &[u8],
    start: usize,
    addresses: &Addresses,
    survey_start: Date,
    p: &mut ResponsePart,
) -> Result<(), InputError> {
    p.clear();
    p.newlines = count_newlines(chunk);
    let mut previous: u32 = 0;
    let mut last_operator: u32 = 0;
    let rejected = layout.for_each(chunk, start, |f, line| {
        let [id, operator, technology, down, up, kind, planned_date, milestone_plan] = f else {
            return Err("Spaltenzuordnung fehlerhaft".into());
        };
        // Response files are usually sorted like the address file: trying
        // the previous row's address and the next one first saves the
        // random memory accesses of the hash lookup (a third of the
        // parsing time on a million addresses).
        let address = match [previous, previous.wrapping_add(1)]
            .into_iter()
            .find(|&a| (a as usize) < addresses.len() && addresses.id(a) == *id)
        {
            Some(a) => a,
            None => addresses
                .index_of(id)
                .ok_or_else(|| format!("unbekannte address_id {id:?}"))?,
        };
        previous = address;
        if operator.is_empty() {
            return Err("operator fehlt".into());
        }
        let technology = Technology::parse(technology).ok_or_else(|| {
            format!(
                "unbekannte Technologie {technology:?} (erlaubt: FTTH, FTTB, HFC, VDSL, ADSL, 5G, LTE, SAT, OTHER)"
            )
        })?;
        let down = parse_speed("down_mbps", down)?;
        let up = parse_speed("up_mbps", up)?;
        if technology.up_at_most_down() && up > down {
            return Err(format!(
                "Upload {up} größer als Download {down} bei {}",
                technology.as_str()
            ));
        }
        let kind = if kind.eq_ignore_ascii_case("current") {
            Kind::Current
        } else if kind.eq_ignore_ascii_case("planned") {
            Kind::Planned
        } else {
            return Err(format!("unbekannte Art {kind:?} (erlaubt: current, planned)"));
        };
        let yes_no = |word: &str| milestone_plan.eq_ignore_ascii_case(word);
        let milestone_plan = if yes_no("yes") || yes_no("ja") {
            true
        } else if yes_no("no") || yes_no("nein") || milestone_plan.is_empty() {
            false
        } else {
            return Err(format!(
                "milestone_plan {milestone_plan:?} ist weder yes noch no"
            ));
        };
        let planned_date = if planned_date.is_empty() {
            None
        } else {
            Some(parse_date(planned_date).map_err(|_| {
                format!("planned_date {planned_date:?} ist kein Datum JJJJ-MM-TT")
            })?)
        };
        if kind == Kind::Planned {
            match planned_date {
                None => return Err("planned_date fehlt bei kind=planned".into()),
                Some(d) if d < survey_start => {
                    return Err(format!(
                        "planned_date {d} liegt vor dem Beginn der Markterkundung ({survey_start})"
                    ));
                }
                Some(_) => {}
            }
        }
        let op = local_operator(&mut p.operators, &mut last_operator, operator)?;
        p.address.push(address);
        p.operator.push(op);
        p.technology.push(technology);
        p.down.push(down);
        p.up.push(up);
        p.kind.push(kind);
        p.planned_date.push(planned_date);
        p.milestone_plan.push(milestone_plan);
        p.line.push(line);
        Ok(())
    })?;
    p.rejected = rejected;
    Ok(())
}

/// Reads the responses file against the already-read addresses.
///
/// `survey_start` bounds planned dates: a plan that is already due before
/// the survey began is not a plan but a wrong date and is rejected. Plans
/// beyond the horizon are *kept* here and ignored (with the reason) by the
/// evaluation, so that the protocol shows them.
///
/// Exact duplicate rows (same address, operator, technology, speeds, kind,
/// date and milestone plan) are rejected, keeping the first one.
pub fn read_responses<R: Read>(
    input: R,
    addresses: &Addresses,
    survey_start: Date,
) -> Result<(Responses, Vec<Rejected>), InputError> {
    read_responses_in_blocks(input, addresses, survey_start, chunks::BLOCK)
}

/// [`read_responses`] with `block` bytes per chunk (tests cut small ones).
fn read_responses_in_blocks<R: Read>(
    input: R,
    addresses: &Addresses,
    survey_start: Date,
    block: usize,
) -> Result<(Responses, Vec<Rejected>), InputError> {
    let file = InputFile::Responses;
    let mut out = Responses::default();
    let mut operator_index: HashMap<Box<str>, u32> = HashMap::new();
    let mut rejected = Vec::new();
    let mut base = 0u64;
    let parse = |layout: &Layout, chunk: &[u8], start: usize, part: &mut ResponsePart| {
        parse_response_chunk(layout, chunk, start, addresses, survey_start, part)
    };
    pipeline(file, input, block, &RESPONSE_COLUMNS, parse, |p| {
        // Global operator numbers in order of first appearance in the
        // file, as a row-by-row read would give them.
        let mut global = Vec::with_capacity(p.operators.len());
        for name in p.operators.drain(..) {
            let i = match operator_index.get(&name) {
                Some(&i) => i,
                None => {
                    let i = u32::try_from(out.operators.len())
                        .map_err(|_| InputError::TooLarge { file })?;
                    out.operators.push(name.clone());
                    operator_index.insert(name, i);
                    i
                }
            };
            global.push(i);
        }
        absolute(file, base, p.line.last().copied().unwrap_or(0))?;
        out.address.extend_from_slice(&p.address);
        out.operator
            .extend(p.operator.iter().map(|&o| global[o as usize]));
        out.technology.extend_from_slice(&p.technology);
        out.down.extend_from_slice(&p.down);
        out.up.extend_from_slice(&p.up);
        out.kind.extend_from_slice(&p.kind);
        out.planned_date.extend_from_slice(&p.planned_date);
        out.milestone_plan.extend_from_slice(&p.milestone_plan);
        // Checked above for the last (largest) line of the chunk.
        out.line
            .extend(p.line.iter().map(|&l| (base + u64::from(l)) as u32));
        rejected.extend(p.rejected.drain(..).map(|r| Rejected {
            line: base + r.line,
            ..r
        }));
        base += p.newlines;
        Ok(())
    })?;
    out.shrink_to_fit();
    group_by_address(&mut out, addresses.len(), &mut rejected);
    rejected.sort();
    Ok((out, rejected))
}

/// Addresses per parallel task of the duplicate check.
const SEGMENTS_PER_TASK: usize = 64 * 1024;

/// Counting sort of the rows by address into CSR offsets (stable, so each
/// address keeps file order), dropping exact duplicates.
fn group_by_address(r: &mut Responses, addresses: usize, rejected: &mut Vec<Rejected>) {
    let mut offsets = vec![0u32; addresses + 1];
    for &a in &r.address {
        offsets[a as usize + 1] += 1;
    }
    for i in 0..addresses {
        offsets[i + 1] += offsets[i];
    }
    let mut next = offsets.clone();
    let mut order = vec![0u32; r.address.len()];
    for (row, &a) in r.address.iter().enumerate() {
        let slot = &mut next[a as usize];
        // Row count fits u32: lines are u32 and every row has its own line.
        order[*slot as usize] = row as u32;
        *slot += 1;
    }
    // Second pass: compact each segment, skipping rows equal to an earlier
    // row of the same address. Segments are short (1–4 rows typical) and
    // compared pairwise; sorting a scratch copy keeps long segments at
    // k·log k.
    let key = |row: u32| {
        let i = row as usize;
        (
            r.operator[i],
            r.technology[i],
            r.down[i].to_bits(),
            r.up[i].to_bits(),
            r.kind[i],
            r.planned_date[i],
            r.milestone_plan[i],
        )
    };
    // Per address, in parallel: (later row, first row with the same key).
    let repeated: Vec<(u32, u32)> = (0..addresses.div_ceil(SEGMENTS_PER_TASK))
        .into_par_iter()
        .flat_map_iter(|task| {
            let mut found = Vec::new();
            let mut scratch: Vec<u32> = Vec::new();
            let end = ((task + 1) * SEGMENTS_PER_TASK).min(addresses);
            for a in task * SEGMENTS_PER_TASK..end {
                let seg = &order[offsets[a] as usize..offsets[a + 1] as usize];
                if seg.len() < 2 {
                    continue;
                }
                if seg.len() <= 8 {
                    // A few rows: compare each with the earlier ones (in
                    // file order, so the first match is the first row).
                    for (j, &later) in seg.iter().enumerate().skip(1) {
                        let k = key(later);
                        if let Some(&first) = seg[..j].iter().find(|&&row| key(row) == k) {
                            found.push((later, first));
                        }
                    }
                    continue;
                }
                scratch.clear();
                scratch.extend_from_slice(seg);
                scratch.sort_by_key(|&row| (key(row), row));
                let mut first = scratch[0];
                for pair in scratch.windows(2) {
                    if key(pair[0]) == key(pair[1]) {
                        found.push((pair[1], first));
                    } else {
                        first = pair[1];
                    }
                }
            }
            found
        })
        .collect();
    let any_duplicate = !repeated.is_empty();
    let mut duplicate = vec![false; if any_duplicate { r.address.len() } else { 0 }];
    for &(later, first) in &repeated {
        duplicate[later as usize] = true;
        rejected.push(Rejected {
            file: InputFile::Responses,
            line: u64::from(r.line[later as usize]),
            reason: format!("doppelte Zeile (wie Zeile {})", r.line[first as usize]),
        });
    }
    if any_duplicate {
        let mut kept = Vec::with_capacity(order.len());
        let mut new_offsets = Vec::with_capacity(offsets.len());
        new_offsets.push(0u32);
        for a in 0..addresses {
            for &row in &order[offsets[a] as usize..offsets[a + 1] as usize] {
                if !duplicate[row as usize] {
                    kept.push(row);
                }
            }
            new_offsets.push(kept.len() as u32);
        }
        order = kept;
        offsets = new_offsets;
    }
    r.offsets = offsets;
    r.order = order;
}

fn parse_ags8(s: &str) -> Result<u32, String> {
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse::<u32>().map_err(|e| e.to_string())
    } else {
        Err(format!(
            "ags8 {s:?} ist kein achtstelliger Gemeindeschlüssel"
        ))
    }
}

fn parse_count(field: &str, s: &str) -> Result<u32, String> {
    if s.is_empty() {
        return Ok(0);
    }
    s.parse::<u32>()
        .map_err(|_| format!("{field} {s:?} ist keine nicht-negative ganze Zahl"))
}

fn parse_coordinate(field: &str, s: &str, limit: f32) -> Result<f32, String> {
    if s.is_empty() {
        return Ok(f32::NAN);
    }
    match parse_short_decimal(s).map_or_else(|| s.parse::<f32>(), Ok) {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(v),
        _ => Err(format!("{field} {s:?} ist keine gültige Koordinate")),
    }
}

/// `s.parse::<f32>()` for a plain `[-]digits[.digits]` of at most eight
/// characters after the sign (coordinates such as `50.81478`), `None` for
/// anything else. Mantissa (< 2^24) and power of ten (≤ 10^7) are exact
/// in `f32`, so the one division rounds the decimal value correctly — the
/// float parsers' own fast path without their general machinery.
fn parse_short_decimal(s: &str) -> Option<f32> {
    const POWERS: [f32; 8] = [1.0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7];
    let (negative, digits) = match s.as_bytes() {
        [b'-', rest @ ..] => (true, rest),
        bytes => (false, bytes),
    };
    if digits.is_empty() || digits.len() > 8 {
        return None;
    }
    let mut mantissa: u32 = 0;
    let mut decimals = 0;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' => mantissa = mantissa * 10 + u32::from(c - b'0'),
            // A point with digits on both sides, once.
            b'.' if decimals == 0 && i > 0 && i + 1 < digits.len() => {
                decimals = digits.len() - i - 1
            }
            _ => return None,
        }
    }
    if mantissa > 1 << 24 {
        return None;
    }
    let value = mantissa as f32 / POWERS[decimals];
    Some(if negative { -value } else { value })
}

/// A date as `str::parse::<Date>` reads it; `YYYY-MM-DD`, nearly every
/// date of a response file, without jiff's general parser.
fn parse_date(s: &str) -> Result<Date, ()> {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b[range].iter().try_fold(0i16, |v, &d| {
            d.is_ascii_digit().then(|| v * 10 + i16::from(d - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10))
    {
        // Same validation as the parser: month 1–12, the day in the month.
        return Date::new(y, m as i8, d as i8).map_err(|_| ());
    }
    s.parse::<Date>().map_err(|_| ())
}

/// Speeds in Mbit/s; a German decimal comma is accepted because the files
/// come out of spreadsheets.
fn parse_speed(field: &str, s: &str) -> Result<f32, String> {
    // Nearly every speed is a small whole number; those are exact in f32
    // (< 2^24), so this gives what `parse::<f32>` gives, several times faster.
    if (1..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()) {
        let v = s.bytes().fold(0u32, |v, b| v * 10 + u32::from(b - b'0')) as f32;
        if v > MAX_SPEED_MBPS {
            return Err(format!("{field} {s} ist größer als 100000"));
        }
        return Ok(v);
    }
    let parsed = if s.contains(',') {
        s.replace(',', ".").parse::<f32>()
    } else {
        s.parse::<f32>()
    };
    match parsed {
        Ok(v) if !v.is_finite() => Err(format!("{field} {s:?} ist keine Zahl")),
        Ok(v) if v < 0.0 => Err(format!("{field} {s} ist negativ")),
        Ok(v) if v > MAX_SPEED_MBPS => Err(format!("{field} {s} ist größer als 100000")),
        Ok(v) => Ok(v),
        Err(_) => Err(format!("{field} {s:?} ist keine Zahl")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: Date = jiff::civil::date(2026, 1, 1);
    const ADDR_HEADER: &str =
        "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n";
    const RESP_HEADER: &str =
        "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n";

    fn addresses(rows: &str) -> (Addresses, Vec<Rejected>) {
        read_addresses(format!("{ADDR_HEADER}{rows}").as_bytes()).unwrap()
    }

    fn two_addresses() -> Addresses {
        let (a, rej) = addresses(
            "A1,14612000,Hauptstr.,1,01067,Dresden,51.05,13.74,privat,2,0\n\
             A2,14612000,Hauptstr.,2,01067,Dresden,,,gewerblich,0,1\n",
        );
        assert!(rej.is_empty(), "{rej:?}");
        a
    }

    fn responses(rows: &str) -> (Responses, Vec<Rejected>) {
        read_responses(
            format!("{RESP_HEADER}{rows}").as_bytes(),
            &two_addresses(),
            START,
        )
        .unwrap()
    }

    fn only_rejection(rejected: &[Rejected]) -> (u64, &str) {
        assert_eq!(rejected.len(), 1, "{rejected:?}");
        (rejected[0].line, rejected[0].reason.as_str())
    }

    #[test]
    fn reads_addresses_into_columns() {
        let a = two_addresses();
        assert_eq!(a.len(), 2);
        assert_eq!(a.ags8, [14_612_000, 14_612_000]);
        assert_eq!(a.usage, [Usage::Private, Usage::Commercial]);
        assert_eq!(a.households, [2, 0]);
        assert_eq!(a.index_of("A2"), Some(1));
        assert!(a.lat[1].is_nan());
    }

    #[test]
    fn finds_every_id_of_a_table_built_in_partitions() {
        let mut text = String::new();
        let mut ends = Vec::new();
        let mut hashes = Vec::new();
        for i in 0..5000 {
            // Every tenth id repeats an earlier one; id-7 is invalid once.
            let id = if i % 10 == 9 {
                format!("id-{}", i / 2)
            } else {
                format!("id-{i}")
            };
            hashes.push(IdTable::hash(&id));
            text.push_str(&id);
            ends.push(text.len());
        }
        let mut valid = vec![true; 5000];
        valid[7] = false;
        let ids: Vec<String> = (0..5000)
            .map(|c| id_at(&text, &ends, c).to_owned())
            .collect();
        let Built {
            table,
            keep,
            repeated,
        } = IdTable::build(text, ends, &hashes, &valid).unwrap();
        // Row by row: the first valid row of an id wins.
        let mut first: HashMap<&str, u32> = HashMap::new();
        let mut want_repeated = Vec::new();
        let mut want_kept = Vec::new();
        for (c, id) in ids.iter().enumerate() {
            match first.get(id.as_str()) {
                Some(&dense) => want_repeated.push((c as u32, dense)),
                None if valid[c] => {
                    first.insert(id, want_kept.len() as u32);
                    want_kept.push(id.as_str());
                }
                None => {}
            }
        }
        assert_eq!(repeated, want_repeated);
        assert_eq!(keep.iter().filter(|&&k| k).count(), want_kept.len());
        assert_eq!(table.len(), want_kept.len());
        for (dense, id) in want_kept.iter().enumerate() {
            assert_eq!(table.find(id), Some(dense as u32));
            assert_eq!(table.get(dense), *id);
        }
        assert_eq!(table.find("id-7"), None);
        assert_eq!(table.find("id-5000"), None);
        assert_eq!(table.find(""), None);
    }

    #[test]
    fn accepts_columns_in_any_order_and_extra_columns() {
        let text = "usage,households,businesses,address_id,note,ags8,street,house_number,postcode,place,lat,lon\n\
                    sozioökonomisch,0,0,S1,Schule,14522080,Am Markt,3,09599,Freiberg,,\n";
        let (a, rej) = read_addresses(text.as_bytes()).unwrap();
        assert!(rej.is_empty(), "{rej:?}");
        assert_eq!(a.usage, [Usage::SocioEconomic]);
        assert_eq!(a.ags8, [14_522_080]);
    }

    #[test]
    fn rejects_a_file_without_required_columns() {
        let err = read_responses(
            "address_id,operator,technology,down_mbps\n".as_bytes(),
            &two_addresses(),
            START,
        )
        .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("up_mbps, kind, planned_date, milestone_plan"),
            "{message}"
        );
        let err = read_addresses("address_id,address_id\n".as_bytes()).unwrap_err();
        assert!(matches!(err, InputError::DuplicateColumn { .. }), "{err}");
    }

    #[test]
    fn reads_a_header_with_byte_order_mark_and_refuses_an_empty_file() {
        let (a, rej) = read_addresses(
            format!("\u{feff}{ADDR_HEADER}A1,14612000,S,1,,,,,privat,1,0\n").as_bytes(),
        )
        .unwrap();
        assert!(rej.is_empty(), "{rej:?}");
        assert_eq!(a.len(), 1);
        let err = read_addresses("".as_bytes()).unwrap_err();
        assert!(matches!(err, InputError::MissingColumns { .. }), "{err}");
    }

    #[test]
    fn rejects_bad_address_rows_with_line_numbers() {
        let (a, rej) = addresses(
            "A1,14612000,S,1,01067,Dresden,,,privat,1,0\n\
             A1,14612000,S,1,01067,Dresden,,,privat,1,0\n\
             A3,1461200,S,1,01067,Dresden,,,privat,1,0\n\
             A4,14612000,S,1,01067,Dresden,,,kirche,1,0\n\
             A5,14612000,S,1,01067,Dresden,,,privat,-1,0\n\
             A6,14612000,S,1,01067,Dresden,95,,privat,1,0\n\
             A7,14612000,S,1\n\
             A8,14612000,S,1,01067,Dresden,,,privat,1,0\n",
        );
        assert_eq!(
            (0..a.len() as u32).map(|i| a.id(i)).collect::<Vec<_>>(),
            ["A1", "A8"]
        );
        let got: Vec<(u64, &str)> = rej.iter().map(|r| (r.line, r.reason.as_str())).collect();
        let expected_fragments = [
            (3, "doppelte address_id \"A1\" (wie Zeile 2)"),
            (4, "ags8"),
            (5, "unbekannte Nutzung \"kirche\""),
            (6, "households"),
            (7, "lat"),
            (8, "4 Spalten statt 11"),
        ];
        assert_eq!(got.len(), expected_fragments.len(), "{got:?}");
        for ((line, reason), (want_line, want)) in got.iter().zip(expected_fragments) {
            assert_eq!(*line, want_line);
            assert!(reason.contains(want), "line {line}: {reason}");
            assert!(rej.iter().all(|r| r.file == InputFile::Addresses));
        }
    }

    #[test]
    fn reads_responses_and_groups_them_by_address() {
        let (r, rej) = responses(
            "A2,Telekom,VDSL,100,40,current,,\n\
             A1,Telekom,FTTH,1000,500,planned,2027-06-30,yes\n\
             A2,Vodafone,HFC,1000,50,current,,no\n\
             A1,Telekom,LTE,50,10,current,,\n",
        );
        assert!(rej.is_empty(), "{rej:?}");
        assert_eq!(r.rows_of(0), [1, 3]);
        assert_eq!(r.rows_of(1), [0, 2]);
        assert_eq!(r.rows_of(2), [] as [u32; 0]);
        assert_eq!(r.operators.len(), 2);
        assert_eq!(r.operator_name(2), "Vodafone");
        assert_eq!(r.line, [2, 3, 4, 5]);
        assert_eq!(r.planned_date[1], Some(jiff::civil::date(2027, 6, 30)));
        assert!(r.milestone_plan[1]);
    }

    #[test]
    fn rejects_responses_for_unknown_addresses() {
        let (r, rej) = responses("A9,Telekom,FTTH,1000,1000,current,,\n");
        assert_eq!(only_rejection(&rej), (2, "unbekannte address_id \"A9\""));
        assert!(r.is_empty());
    }

    #[test]
    fn rejects_impossible_speeds() {
        let cases = [
            ("A1,T,FTTH,-1,10,current,,", "down_mbps -1 ist negativ"),
            ("A1,T,FTTH,100,-0.5,current,,", "up_mbps -0.5 ist negativ"),
            ("A1,T,FTTH,100001,10,current,,", "größer als 100000"),
            (
                "A1,T,VDSL,100,101,current,,",
                "Upload 101 größer als Download 100 bei VDSL",
            ),
            ("A1,T,ADSL,16,17,current,,", "bei ADSL"),
            ("A1,T,FTTH,schnell,10,current,,", "keine Zahl"),
            ("A1,T,FTTH,NaN,10,current,,", "keine Zahl"),
        ];
        for (row, want) in cases {
            let (_, rej) = responses(&format!("A1,T,FTTH,50,10,current,,\n{row}\n"));
            let (line, reason) = only_rejection(&rej);
            assert_eq!(line, 3, "{row}");
            assert!(reason.contains(want), "{row}: {reason}");
        }
        // Symmetric fibre and cable uploads above download are legitimate.
        let (_, rej) = responses("A1,T,FTTH,100,200,current,,\nA1,T,HFC,16,50,current,,\n");
        assert!(rej.is_empty(), "{rej:?}");
        // German decimal comma from spreadsheets.
        let (r, rej) = responses("A1,T,VDSL,\"16,5\",\"2,4\",current,,\n");
        assert!(rej.is_empty(), "{rej:?}");
        assert_eq!((r.down[0], r.up[0]), (16.5, 2.4));
    }

    #[test]
    fn rejects_unknown_technology_kind_and_milestone_values() {
        let cases = [
            (
                "A1,T,Glasfaser,1000,1000,current,,",
                "unbekannte Technologie \"Glasfaser\"",
            ),
            ("A1,T,FTTH,1000,1000,bald,,", "unbekannte Art \"bald\""),
            (
                "A1,T,FTTH,1000,1000,planned,2027-01-01,vielleicht",
                "milestone_plan",
            ),
            ("A1,,FTTH,1000,1000,current,,", "operator fehlt"),
        ];
        for (row, want) in cases {
            let (_, rej) = responses(&format!("{row}\n"));
            let (line, reason) = only_rejection(&rej);
            assert_eq!(line, 2);
            assert!(reason.contains(want), "{row}: {reason}");
        }
        // Case does not matter for the enumerations.
        let (_, rej) =
            responses("A1,T,ftth,1000,1000,Planned,2027-01-01,Ja\nA1,T,5g,100,10,current,,\n");
        assert!(rej.is_empty(), "{rej:?}");
    }

    #[test]
    fn rejects_unparsable_dates_and_dates_before_the_survey() {
        let cases = [
            ("A1,T,FTTH,1000,1000,planned,30.06.2027,yes", "kein Datum"),
            ("A1,T,FTTH,1000,1000,planned,2027-02-30,yes", "kein Datum"),
            ("A1,T,FTTH,1000,1000,planned,,yes", "planned_date fehlt"),
            (
                "A1,T,FTTH,1000,1000,planned,2025-12-31,yes",
                "vor dem Beginn",
            ),
        ];
        for (row, want) in cases {
            let (_, rej) = responses(&format!("A2,T,FTTH,10,10,current,,\n{row}\n"));
            let (line, reason) = only_rejection(&rej);
            assert_eq!(line, 3);
            assert!(reason.contains(want), "{row}: {reason}");
        }
        // A plan far beyond the horizon is kept: the evaluation lists it.
        let (r, rej) = responses("A1,T,FTTH,1000,1000,planned,2040-01-01,yes\n");
        assert!(rej.is_empty(), "{rej:?}");
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn rejects_duplicate_rows_keeping_the_first() {
        let (r, rej) = responses(
            "A1,T,FTTH,1000,1000,current,,\n\
             A2,T,FTTH,1000,1000,current,,\n\
             A1,T,FTTH,1000,1000,current,,\n\
             A1,T,FTTH,1000,500,current,,\n\
             A1,T,FTTH,1000,1000,current,,\n",
        );
        let got: Vec<(u64, &str)> = rej.iter().map(|r| (r.line, r.reason.as_str())).collect();
        assert_eq!(
            got,
            [
                (4, "doppelte Zeile (wie Zeile 2)"),
                (6, "doppelte Zeile (wie Zeile 2)")
            ]
        );
        assert_eq!(r.rows_of(0), [0, 3]);
        assert_eq!(r.rows_of(1), [1]);
    }

    #[test]
    fn finds_duplicates_among_many_rows_of_one_address() {
        let mut rows = String::new();
        for i in 0..12 {
            // Rows 2, 6, 10 repeat 1000/1000; rows 9 and 13 repeat 108/10.
            let down = match i {
                0 | 4 | 8 => 1000,
                7 | 11 => 108,
                _ => 100 + i,
            };
            let up = if down == 1000 { 1000 } else { 10 };
            rows.push_str(&format!("A1,T,FTTH,{down},{up},current,,\n"));
        }
        let (r, rej) = responses(&rows);
        let got: Vec<(u64, &str)> = rej.iter().map(|r| (r.line, r.reason.as_str())).collect();
        assert_eq!(
            got,
            [
                (6, "doppelte Zeile (wie Zeile 2)"),
                (10, "doppelte Zeile (wie Zeile 2)"),
                (13, "doppelte Zeile (wie Zeile 9)")
            ]
        );
        assert_eq!(r.rows_of(0).len(), 9);
        assert_eq!((r.len(), r.kept()), (12, 9));
    }

    #[test]
    fn rejects_rows_with_the_wrong_column_count_and_skips_blank_lines() {
        let (r, rej) = responses(
            "A1,T,FTTH,1000,1000,current\n\nA1,T,FTTH,1000,1000,current,,,x\nA2,T,FTTH,1000,1000,current,,\n",
        );
        let got: Vec<(u64, &str)> = rej.iter().map(|r| (r.line, r.reason.as_str())).collect();
        assert_eq!(got, [(2, "6 Spalten statt 8"), (4, "9 Spalten statt 8")]);
        assert_eq!(r.len(), 1);
        assert_eq!(r.line, [5]);
    }
}

#[cfg(test)]
mod line_tests {
    use super::*;

    fn lines(text: &str) -> Vec<u64> {
        let (_, rejected) = read_addresses(text.as_bytes()).unwrap();
        rejected.iter().map(|r| r.line).collect()
    }

    #[test]
    fn numbers_physical_lines_across_blank_lines_crlf_and_quoted_newlines() {
        let header = "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses";
        // Every data row is bad (one column) so each reports its line.
        assert_eq!(
            lines(&format!("{header}\nx\n\n\ny\n\"z\nz\"\nw")),
            [2, 5, 6, 8]
        );
        assert_eq!(lines(&format!("{header}\r\nx\r\n\r\ny\r\n")), [2, 4]);
        assert_eq!(lines(&format!("{header}\r\n\"x\r\nx\"\r\n\r\ny")), [2, 5]);
        assert_eq!(lines(&format!("{header}\nx\n\n\"y\n\"")), [2, 4]);
        assert_eq!(lines(&format!("{header}\n\n\nx\n")), [4]);
    }
}

#[cfg(test)]
mod chunk_tests {
    use super::*;

    /// A messy pair of files: repeated ids near and far apart (the first
    /// valid row wins), bad rows, blank lines, CRLF, quoted fields with
    /// commas and newlines, literal quotes, operators first seen late.
    fn messy_files() -> (String, String) {
        let mut seed: u64 = 7;
        let mut next = move |n: u64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) % n
        };
        let mut a = String::from(
            "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n",
        );
        let mut r = String::from(
            "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n",
        );
        for i in 0..3000u64 {
            let id = match next(20) {
                0 => format!("A{}", next(i + 1)),
                1 => format!("\"A,{i}\""),
                _ => format!("A{i}"),
            };
            let place = match next(6) {
                0 => "\"Chemnitz, Stadt\"".to_owned(),
                1 => "\"Zeile 1\nZeile 2\"".to_owned(),
                2 => "O\"Brien".to_owned(),
                _ => "Dresden".to_owned(),
            };
            let usage = ["privat", "gewerblich", "sozioökonomisch", "kirche"][next(4) as usize];
            let households = ["1", "2", "-1", "", "x"][next(5) as usize];
            let end = if next(5) == 0 { "\r\n" } else { "\n" };
            if next(30) == 0 {
                a.push_str(end);
            }
            if next(40) == 0 {
                a.push_str(&format!("{id},14612000,S{end}"));
                continue;
            }
            a.push_str(&format!(
                "{id},1461200{},S,1,01067,{place},51.0,13.7,{usage},{households},0{end}",
                next(10)
            ));
            for _ in 0..next(4) {
                let rid = if next(15) == 0 {
                    format!("A{}", next(4000))
                } else {
                    id.clone()
                };
                let op = format!("Op{}", next(3 + i / 300));
                let tech = ["FTTH", "VDSL", "LTE", "Glasfaser", "HFC"][next(5) as usize];
                let down = ["1000", "100", "\"16,5\"", "-1", "250"][next(5) as usize];
                let up = ["50", "500", "40"][next(3) as usize];
                let rest = [
                    "current,,",
                    "planned,2027-06-30,yes",
                    "planned,2040-01-01,no",
                    "planned,2020-01-01,yes",
                    "bald,,",
                ][next(5) as usize];
                let row = format!("{rid},{op},{tech},{down},{up},{rest}{end}");
                r.push_str(&row);
                if next(8) == 0 {
                    r.push_str(&row);
                }
            }
        }
        (a, r)
    }

    #[test]
    fn reads_the_same_whatever_the_chunk_size() {
        let (a_text, r_text) = messy_files();
        let start = jiff::civil::date(2026, 1, 1);
        let whole = 1 << 24;
        assert!(a_text.len() < whole && r_text.len() < whole);
        let (a0, a_rej0) = read_addresses_in_blocks(a_text.as_bytes(), whole).unwrap();
        let (r0, r_rej0) = read_responses_in_blocks(r_text.as_bytes(), &a0, start, whole).unwrap();
        assert!(a0.len() > 1000 && a_rej0.len() > 300, "{}", a_rej0.len());
        assert!(
            r_rej0
                .iter()
                .any(|r| r.reason.starts_with("doppelte Zeile"))
        );
        assert!(
            a_rej0
                .iter()
                .any(|r| r.reason.starts_with("doppelte address_id"))
        );
        for block in [1, 7, 100, 4096] {
            let (a, a_rej) = read_addresses_in_blocks(a_text.as_bytes(), block).unwrap();
            assert_eq!(a_rej, a_rej0, "block {block}");
            assert_eq!(a.len(), a0.len());
            for i in 0..a.len() as u32 {
                assert_eq!(a.id(i), a0.id(i));
            }
            assert_eq!(a.index_of("A17"), a0.index_of("A17"));
            assert_eq!(a.ags8, a0.ags8);
            assert_eq!(a.usage, a0.usage);
            assert_eq!(a.households, a0.households);
            assert_eq!(a.line, a0.line);
            let (r, r_rej) = read_responses_in_blocks(r_text.as_bytes(), &a, start, block).unwrap();
            assert_eq!(r_rej, r_rej0, "block {block}");
            assert_eq!(r.address, r0.address);
            assert_eq!(r.operator, r0.operator);
            assert_eq!(r.operators, r0.operators);
            assert_eq!(r.down, r0.down);
            assert_eq!(r.kind, r0.kind);
            assert_eq!(r.planned_date, r0.planned_date);
            assert_eq!(r.line, r0.line);
            for i in 0..a.len() as u32 {
                assert_eq!(r.rows_of(i), r0.rows_of(i));
            }
        }
    }

    const ADDR_HEADER: &str =
        "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n";
    const RESP_HEADER: &str =
        "address_id,operator,technology,down_mbps,up_mbps,kind,planned_date,milestone_plan\n";

    /// Found by the fuzz target `mev_responses`: a last line that ends in a
    /// comma (an empty last field, as in every current offer's
    /// `…,current,,`) and has no final newline was dropped without a word
    /// when the chunk was valid UTF-8 without quotes.
    #[test]
    fn fuzz_keeps_a_last_line_that_ends_in_a_comma_without_newline() {
        const START: Date = jiff::civil::date(2026, 1, 1);
        let addresses = format!("{ADDR_HEADER}A1,14612000,S,1,,,,,privat,1,");
        let (a, rejected) = read_addresses(addresses.as_bytes()).unwrap();
        assert_eq!((a.len(), rejected.len()), (1, 0), "{rejected:?}");
        assert_eq!(a.businesses, [0]);
        let responses = format!("{RESP_HEADER}A1,Netz GmbH,FTTH,1000,200,current,,");
        let (r, rejected) = read_responses(responses.as_bytes(), &a, START).unwrap();
        assert_eq!((r.len(), rejected.len()), (1, 0), "{rejected:?}");
        // Too short: rejected, not dropped, whatever the chunk size.
        let short = format!("{RESP_HEADER}A1,Netz GmbH,FTTH,1000,200,current,,\n,Annaberg,");
        for block in [1, 7, 1 << 20] {
            let (r, rejected) =
                read_responses_in_blocks(short.as_bytes(), &a, START, block).unwrap();
            assert_eq!(r.len(), 1, "block {block}");
            assert_eq!(rejected.len(), 1, "block {block}");
            assert_eq!(rejected[0].line, 3);
            assert_eq!(rejected[0].reason, "3 Spalten statt 8");
        }
    }

    /// Found by the fuzz target `mev_addresses`: blank lines before the
    /// header became a first chunk of their own when a quote left open
    /// after the header kept the block from ending later, and the header
    /// read from that chunk lacked every column.
    #[test]
    fn fuzz_blank_lines_before_the_header_never_hide_it() {
        let open_quote = format!("\n\r\n{ADDR_HEADER}A1,14612000,\"S,1,,,,,privat,1,0\nA2,");
        let rows = format!("\n\n{ADDR_HEADER}A1,14612000,S,1,,,,,privat,1,0\n");
        for text in [open_quote, rows] {
            let whole = read_addresses_in_blocks(text.as_bytes(), 1 << 20).unwrap();
            for block in [1, 2, 3, 7, 100] {
                let (a, rejected) = read_addresses_in_blocks(text.as_bytes(), block)
                    .unwrap_or_else(|e| panic!("block {block}: {e}"));
                assert_eq!(rejected, whole.1, "block {block}");
                assert_eq!(a.len(), whole.0.len(), "block {block}");
                assert_eq!(a.line, whole.0.line, "block {block}");
            }
        }
        // Nothing but blank lines: the header is missing, at any size.
        for block in [1, 7, 1 << 20] {
            let error = read_addresses_in_blocks(&b"\n\r\n\n"[..], block).unwrap_err();
            assert!(
                matches!(error, InputError::MissingColumns { .. }),
                "{error}"
            );
        }
    }

    /// Found by the fuzz target `mev_addresses`: a quote left open to the
    /// end of the file was reported on the header's line 1.
    #[test]
    fn fuzz_an_unclosed_quote_is_reported_on_the_line_where_its_record_starts() {
        let text = format!(
            "{ADDR_HEADER}A1,14612000,\"S,1,,,,,privat,1,0\nA2,14612000,S,1,,,,,privat,1,0\n"
        );
        for block in [1, 7, 1 << 20] {
            let (a, rejected) = read_addresses_in_blocks(text.as_bytes(), block).unwrap();
            assert_eq!(a.len(), 0);
            assert_eq!(rejected.len(), 1, "block {block}");
            assert_eq!(rejected[0].line, 2, "block {block}");
            assert_eq!(rejected[0].reason, "3 Spalten statt 11");
        }
        // A closed quote with a newline at the end of the field, as the
        // last record of a chunk, keeps its line.
        let text = format!(
            "{ADDR_HEADER}A1,14612000,S,1,,\"Ort\n\",,,privat,1,0\nA2,14612000,S,1,,\"Ort\n\",,,privat\n"
        );
        for block in [1, 7, 1 << 20] {
            let (_, rejected) = read_addresses_in_blocks(text.as_bytes(), block).unwrap();
            assert_eq!(rejected.len(), 1, "block {block}");
            assert_eq!(rejected[0].line, 4, "block {block}");
        }
    }

    #[test]
    fn names_the_physical_line_of_rows_in_later_chunks() {
        let mut text = String::from(
            "address_id,ags8,street,house_number,postcode,place,lat,lon,usage,households,businesses\n",
        );
        for i in 0..50 {
            text.push_str(&format!("A{i},14612000,S,1,,\"a\nb\",,,privat,1,0\r\n\n"));
        }
        text.push_str("A3,14612000,S,1,,,,,privat,1,0\n");
        let (_, rejected) = read_addresses_in_blocks(text.as_bytes(), 10).unwrap();
        // Header, then 50 records of three lines each: line 152.
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].line, 152);
        assert_eq!(
            rejected[0].reason,
            "doppelte address_id \"A3\" (wie Zeile 11)"
        );
    }
}

#[cfg(test)]
mod fast_path_tests {
    use super::*;

    #[test]
    fn fast_number_and_date_paths_agree_with_the_general_parsers() {
        for s in [
            "0", "7", "16", "1000", "99999", "100000", "100001", "999999", "0016",
        ] {
            let general = s.parse::<f32>().ok().filter(|v| *v <= MAX_SPEED_MBPS);
            assert_eq!(parse_speed("down_mbps", s).ok(), general, "{s}");
        }
        let mut seed: u64 = 11;
        let mut coordinates: Vec<String> = [
            "0",
            "-0",
            "50.81478",
            "-12.8",
            "16777216",
            "16777217",
            "1677721.7",
            "99999999",
            "0.0000001",
            "9.9999999",
            "5.",
            ".5",
            "1.2.3",
            "-",
            "",
            "1e5",
            "+1",
            "12345678.",
            "-90.00000",
            "51.0",
            "00000050",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for _ in 0..200_000 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let digits = format!("{}", seed >> 37);
            let point = (seed >> 8) as usize % (digits.len() + 1);
            let sign = if seed & 1 == 0 { "-" } else { "" };
            coordinates.push(format!("{sign}{}.{}", &digits[..point], &digits[point..]));
            coordinates.push(format!("{sign}{}", &digits[..point.min(8)]));
        }
        for s in &coordinates {
            let fast = parse_short_decimal(s).map(f32::to_bits);
            if let Some(bits) = fast {
                assert_eq!(Some(bits), s.parse::<f32>().ok().map(f32::to_bits), "{s}");
            }
        }
        assert!(parse_short_decimal("50.81478").is_some());
        for s in [
            "2027-06-30",
            "2028-02-29",
            "2027-02-29",
            "2027-13-01",
            "2027-00-10",
            "2027-06-00",
            "2027-06-31",
            "0000-01-01",
            "9999-12-31",
            "2027-6-30",
            "20270630",
            "2027-06-3x",
        ] {
            assert_eq!(parse_date(s).ok(), s.parse::<Date>().ok(), "{s}");
        }
        assert_eq!(Technology::parse("FTTH"), Some(Technology::Ftth));
        assert_eq!(Technology::parse("fttb"), Some(Technology::Fttb));
        assert_eq!(Technology::parse("5g"), Some(Technology::G5));
        assert_eq!(Technology::parse("Glasfaser"), None);
    }
}
