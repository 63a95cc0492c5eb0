//! Streaming CSV parse of the two survey files into columnar storage.
//!
//! Each file is read record by record (never whole into memory); every
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
        // Compared without allocating: this runs once per response.
        Technology::ALL
            .into_iter()
            .find(|t| s.eq_ignore_ascii_case(t.as_str()))
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

    /// The id of address `a` (as in the file).
    pub fn id(&self, a: u32) -> &str {
        self.ids.get(a as usize)
    }
}

/// Address ids in one string buffer, found through an open-addressing
/// table of dense indices (linear probing, load ≤ ½). About 25 bytes per
/// address instead of an allocation per id plus a hash-map entry: 5
/// million addresses and their responses must fit in 1.5 GB.
#[derive(Debug, Default)]
struct IdTable {
    text: String,
    /// End offset in `text` of id `i`; id `i` starts where `i - 1` ends.
    ends: Vec<usize>,
    /// Dense index, or `EMPTY`; the length is a power of two.
    slots: Vec<u32>,
}

const EMPTY: u32 = u32::MAX;

impl IdTable {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }

    /// FNV-1a with a final mix so that sequential ids spread over the
    /// table; no DoS concern, the files come from invited operators.
    fn hash(id: &str) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in id.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h as usize
    }

    fn find(&self, id: &str) -> Option<u32> {
        self.probe(id).ok()
    }

    /// `Ok(index)` of `id`, or `Err(slot)`: the empty slot where it would
    /// go (`usize::MAX` while the table has no slots).
    fn probe(&self, id: &str) -> Result<u32, usize> {
        if self.slots.is_empty() {
            return Err(usize::MAX);
        }
        let mask = self.slots.len() - 1;
        let mut i = Self::hash(id) & mask;
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return Err(i);
            }
            if self.get(slot as usize) == id {
                return Ok(slot);
            }
            i = (i + 1) & mask;
        }
    }

    /// Appends an id that [`IdTable::probe`] did not find, into the slot it
    /// returned (unless the table has to grow first); `None` when the
    /// table is full (u32 indices).
    fn push(&mut self, id: &str, vacant: usize) -> Option<u32> {
        let index = u32::try_from(self.len()).ok().filter(|&i| i != EMPTY)?;
        self.text.push_str(id);
        self.ends.push(self.text.len());
        if (self.len() + 1) * 2 > self.slots.len() {
            // Rehashes every id, this one included.
            self.grow();
        } else {
            self.slots[vacant] = index;
        }
        Some(index)
    }

    fn place(&mut self, index: u32) {
        let mask = self.slots.len() - 1;
        let mut i = Self::hash(self.get(index as usize)) & mask;
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = index;
    }

    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1024);
        self.slots = vec![EMPTY; size];
        for index in 0..self.len() as u32 {
            self.place(index);
        }
    }
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

/// Counts physical lines under the CSV reader.
///
/// The csv crate's own record line numbers drift after blank lines and in
/// CRLF files (it skips empty lines before the record starts); the
/// rejection report must name the line a person sees in an editor. So this
/// adapter remembers where the `\n` bytes are, and
/// [`Table::record_line`] maps the byte offset at which a record ended to
/// its first line.
struct LineCounter<R> {
    inner: R,
    offset: u64,
    /// Offsets of `\n` not yet passed by a record.
    newlines: std::collections::VecDeque<u64>,
    /// `\n` bytes before the records already numbered.
    lines_before: u64,
}

impl<R> LineCounter<R> {
    fn new(inner: R) -> Self {
        LineCounter {
            inner,
            offset: 0,
            newlines: Default::default(),
            lines_before: 0,
        }
    }

    /// First line of a record that ended at byte `end` (exclusive, after
    /// its terminator if any) and contains `inner_newlines` quoted `\n`.
    fn first_line(&mut self, end: u64, inner_newlines: u64) -> u64 {
        // The record's last byte is its terminator (`\n` or the `\r` of
        // CRLF) or, at the end of a file without final newline, its last
        // character — never a newline that belongs to the record's text.
        // So the newlines before it are exactly the lines before the
        // record's last line.
        let last = end.saturating_sub(1);
        while self.newlines.front().is_some_and(|&o| o < last) {
            self.newlines.pop_front();
            self.lines_before += 1;
        }
        (self.lines_before + 1).saturating_sub(inner_newlines)
    }
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for (i, &b) in buf[..n].iter().enumerate() {
            if b == b'\n' {
                self.newlines.push_back(self.offset + i as u64);
            }
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// The most required columns of either file.
const MAX_COLUMNS: usize = ADDRESS_COLUMNS.len();

/// A CSV reader with the header mapped to the required columns, in
/// whatever order the file has them.
struct Table<R> {
    file: InputFile,
    reader: csv::Reader<LineCounter<R>>,
    /// Position in the record of each required column.
    columns: Vec<usize>,
    width: usize,
}

impl<R: Read> Table<R> {
    fn open(file: InputFile, input: R, required: &[&'static str]) -> Result<Self, InputError> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            // Rows of the wrong width are rejected one by one, not fatal.
            .flexible(true)
            .from_reader(LineCounter::new(input));
        let header = reader
            .byte_headers()
            .map_err(|source| InputError::Csv { file, source })?
            .clone();
        let names: Vec<String> = header
            .iter()
            // Spreadsheet exports often start with a byte-order mark.
            .map(|h| {
                String::from_utf8_lossy(h)
                    .trim_start_matches('\u{feff}')
                    .trim()
                    .to_ascii_lowercase()
            })
            .collect();
        for (i, name) in names.iter().enumerate() {
            if names[..i].contains(name) {
                return Err(InputError::DuplicateColumn {
                    file,
                    column: name.clone(),
                });
            }
        }
        let mut columns = Vec::with_capacity(required.len());
        let mut missing = Vec::new();
        for &want in required {
            match names.iter().position(|n| n == want) {
                Some(p) => columns.push(p),
                None => missing.push(want),
            }
        }
        if !missing.is_empty() {
            return Err(InputError::MissingColumns {
                file,
                columns: missing,
            });
        }
        Ok(Table {
            file,
            reader,
            columns,
            width: names.len(),
        })
    }

    /// Physical line (1-based) on which `record`, just read, begins.
    fn record_line(&mut self, record: &csv::ByteRecord) -> u64 {
        let end = self.reader.position().byte();
        let inner = record
            .iter()
            .map(|f| f.iter().filter(|&&b| b == b'\n').count() as u64)
            .sum();
        self.reader.get_mut().first_line(end, inner)
    }

    /// Calls `row` with the required fields (in `required` order) of every
    /// record; a returned `Err(reason)` becomes a rejection of that line.
    fn for_each(
        mut self,
        rejected: &mut Vec<Rejected>,
        mut row: impl FnMut(&[&str], u32) -> Result<(), String>,
    ) -> Result<(), InputError> {
        let file = self.file;
        let mut record = csv::ByteRecord::new();
        loop {
            match self.reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return Ok(()),
                Err(source) => return Err(InputError::Csv { file, source }),
            }
            let line = self.record_line(&record);
            let line32 = u32::try_from(line).map_err(|_| InputError::TooLarge { file })?;
            if record.len() != self.width {
                // A blank line is no record worth reporting.
                if record.len() == 1 && record.get(0).is_some_and(|f| f.trim_ascii().is_empty()) {
                    continue;
                }
                rejected.push(Rejected {
                    file,
                    line,
                    reason: format!("{} Spalten statt {}", record.len(), self.width),
                });
                continue;
            }
            // On the stack: a per-row Vec would allocate millions of times.
            let mut fields: [&str; MAX_COLUMNS] = [""; MAX_COLUMNS];
            let mut utf8_ok = true;
            for (slot, &c) in fields.iter_mut().zip(&self.columns) {
                match std::str::from_utf8(&record[c]) {
                    // Trimmed here, not by the reader: the line numbering
                    // needs the quoted newlines a trim would remove.
                    Ok(s) => *slot = s.trim(),
                    Err(_) => {
                        utf8_ok = false;
                        break;
                    }
                }
            }
            let outcome = if utf8_ok {
                row(&fields[..self.columns.len()], line32)
            } else {
                Err("kein gültiges UTF-8".to_owned())
            };
            if let Err(reason) = outcome {
                rejected.push(Rejected { file, line, reason });
            }
        }
    }
}

/// Reads the addresses file. Returns the valid rows and the rejected ones.
pub fn read_addresses<R: Read>(input: R) -> Result<(Addresses, Vec<Rejected>), InputError> {
    let table = Table::open(InputFile::Addresses, input, &ADDRESS_COLUMNS)?;
    let mut out = Addresses::default();
    let mut rejected = Vec::new();
    table.for_each(&mut rejected, |f, line| {
        let [
            id,
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
        if id.is_empty() {
            return Err("address_id fehlt".into());
        }
        // One probe serves the duplicate check and, if the row is valid,
        // the insertion.
        let vacant = match out.ids.probe(id) {
            Ok(first) => {
                let first = out.line[first as usize];
                return Err(format!("doppelte address_id {id:?} (wie Zeile {first})"));
            }
            Err(vacant) => vacant,
        };
        let ags8_num = parse_ags8(ags8)?;
        let usage = Usage::parse(usage).ok_or_else(|| {
            format!("unbekannte Nutzung {usage:?} (erlaubt: privat, gewerblich, sozioökonomisch)")
        })?;
        let households = parse_count("households", households)?;
        let businesses = parse_count("businesses", businesses)?;
        let lat = parse_coordinate("lat", lat, 90.0)?;
        let lon = parse_coordinate("lon", lon, 180.0)?;
        out.ids
            .push(id, vacant)
            .ok_or_else(|| "zu viele Adressen".to_owned())?;
        out.ags8.push(ags8_num);
        out.usage.push(usage);
        out.households.push(households);
        out.businesses.push(businesses);
        out.lat.push(lat);
        out.lon.push(lon);
        out.line.push(line);
        Ok(())
    })?;
    out.shrink_to_fit();
    Ok((out, rejected))
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
    let table = Table::open(InputFile::Responses, input, &RESPONSE_COLUMNS)?;
    let mut out = Responses::default();
    let mut operator_index: HashMap<Box<str>, u32> = HashMap::new();
    let mut previous: u32 = 0;
    let mut rejected = Vec::new();
    table.for_each(&mut rejected, |f, line| {
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
            Some(planned_date.parse::<Date>().map_err(|_| {
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
        let op = match operator_index.get(*operator) {
            Some(&i) => i,
            None => {
                let i = u32::try_from(out.operators.len())
                    .map_err(|_| "zu viele Netzbetreiber".to_owned())?;
                out.operators.push(Box::from(*operator));
                operator_index.insert(Box::from(*operator), i);
                i
            }
        };
        out.address.push(address);
        out.operator.push(op);
        out.technology.push(technology);
        out.down.push(down);
        out.up.push(up);
        out.kind.push(kind);
        out.planned_date.push(planned_date);
        out.milestone_plan.push(milestone_plan);
        out.line.push(line);
        Ok(())
    })?;
    out.shrink_to_fit();
    group_by_address(&mut out, addresses.len(), &mut rejected);
    rejected.sort();
    Ok((out, rejected))
}

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
    // row of the same address. Segments are short (1–4 rows typical);
    // sorting a scratch copy keeps long segments at k·log k.
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
    let mut scratch: Vec<u32> = Vec::new();
    let mut duplicate = vec![false; r.address.len()];
    let mut any_duplicate = false;
    for a in 0..addresses {
        let seg = &order[offsets[a] as usize..offsets[a + 1] as usize];
        if seg.len() < 2 {
            continue;
        }
        scratch.clear();
        scratch.extend_from_slice(seg);
        scratch.sort_by_key(|&row| (key(row), row));
        for pair in scratch.windows(2) {
            if key(pair[0]) == key(pair[1]) {
                let later = pair[1] as usize;
                duplicate[later] = true;
                any_duplicate = true;
                // pair[0] may itself be a duplicate; name the first of the run.
                let first = scratch
                    .iter()
                    .find(|&&row| key(row) == key(pair[1]))
                    .map_or(pair[0], |&row| row);
                rejected.push(Rejected {
                    file: InputFile::Responses,
                    line: u64::from(r.line[later]),
                    reason: format!("doppelte Zeile (wie Zeile {})", r.line[first as usize]),
                });
            }
        }
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
    match s.parse::<f32>() {
        Ok(v) if v.is_finite() && v.abs() <= limit => Ok(v),
        _ => Err(format!("{field} {s:?} ist keine gültige Koordinate")),
    }
}

/// Speeds in Mbit/s; a German decimal comma is accepted because the files
/// come out of spreadsheets.
fn parse_speed(field: &str, s: &str) -> Result<f32, String> {
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
    fn finds_every_id_after_the_table_grew() {
        let mut table = IdTable::default();
        for i in 0..5000 {
            let id = format!("id-{i}");
            let vacant = table.probe(&id).unwrap_err();
            assert_eq!(table.push(&id, vacant), Some(i));
        }
        for i in 0..5000u32 {
            assert_eq!(table.find(&format!("id-{i}")), Some(i));
            assert_eq!(table.get(i as usize), format!("id-{i}"));
        }
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
