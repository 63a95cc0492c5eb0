//! Splitting a CSV stream into chunks of whole records that can be parsed
//! independently, in parallel, and numbering physical lines inside a chunk.
//!
//! A chunk is cut only after a `\n` that the csv crate would read as a
//! record terminator, i.e. outside a quoted field. Finding those needs the
//! quote state from the start of the chunk; [`last_record_end`] follows the
//! csv crate's rules (a `"` opens a quoted field only at the start of a
//! field, `""` inside quotes is an escaped quote, anything else is a
//! literal) but jumps from quote to quote instead of looking at every byte,
//! so a file without quotes costs one word-at-a-time search per block.

use std::io::{self, Read};

use super::{InputError, InputFile, MAX_COLUMNS, Rejected};

/// Bytes read per block; a chunk is a block cut back to its last record
/// end. Small enough that a wave of them per thread stays a few tens of
/// megabytes, large enough that per-chunk costs do not show.
pub(super) const BLOCK: usize = 4 << 20;

/// Reads blocks of whole records.
pub(super) struct Blocks<R> {
    input: R,
    /// Bytes to read per block.
    block: usize,
    /// The start of a record that the previous block cut off.
    carry: Vec<u8>,
    eof: bool,
    /// Buffers of parsed chunks, reused: a fresh buffer per block would
    /// fault in every page of the file once more.
    spare: Vec<Vec<u8>>,
}

impl<R: Read> Blocks<R> {
    pub(super) fn new(input: R, block: usize) -> Self {
        Blocks {
            input,
            block: block.max(1),
            carry: Vec::new(),
            eof: false,
            spare: Vec::new(),
        }
    }

    /// Gives chunks back for reuse once they are parsed.
    pub(super) fn recycle(&mut self, chunks: impl IntoIterator<Item = Vec<u8>>) {
        self.spare.extend(chunks);
    }

    /// The next chunk (whole records from a record start), or `None` at
    /// the end of the input.
    pub(super) fn next_chunk(&mut self) -> io::Result<Option<Vec<u8>>> {
        // A recycled buffer keeps its old bytes: they are overwritten, and
        // zeroing megabytes before every read cost as much as a pass over
        // the file. Only `..filled` is the chunk.
        let mut buf = self.spare.pop().unwrap_or_default();
        let mut filled = self.carry.len();
        if buf.len() < filled {
            buf.resize(filled, 0);
        }
        buf[..filled].copy_from_slice(&self.carry);
        self.carry.clear();
        let mut target = self.block.max(filled);
        loop {
            if let Err(e) = self.fill(&mut buf, &mut filled, target) {
                buf.truncate(filled);
                return Err(e);
            }
            if self.eof {
                buf.truncate(filled);
                return Ok((!buf.is_empty()).then_some(buf));
            }
            if let Some(cut) = last_record_end(&buf[..filled]) {
                self.carry.extend_from_slice(&buf[cut..filled]);
                buf.truncate(cut);
                return Ok(Some(buf));
            }
            // A record longer than a block (or a quoted field that never
            // closes): read on until it ends.
            target = filled + self.block;
        }
    }

    /// Up to `n` chunks.
    pub(super) fn next_wave(&mut self, n: usize) -> io::Result<Vec<Vec<u8>>> {
        let mut wave = Vec::with_capacity(n);
        while wave.len() < n {
            match self.next_chunk()? {
                Some(chunk) => wave.push(chunk),
                None => break,
            }
        }
        Ok(wave)
    }

    /// Reads into `buf[*filled..target]` until it is full or the input
    /// ends; `buf` may be longer than `*filled` (old bytes beyond it).
    fn fill(&mut self, buf: &mut Vec<u8>, filled: &mut usize, target: usize) -> io::Result<()> {
        if buf.len() < target {
            buf.resize(target, 0);
        }
        while *filled < target && !self.eof {
            match self.input.read(&mut buf[*filled..target]) {
                Ok(0) => self.eof = true,
                Ok(n) => *filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

/// Offset just after the last `\n` of `bytes` that terminates a record,
/// given that `bytes` starts at a record start; `None` if there is none.
pub(super) fn last_record_end(bytes: &[u8]) -> Option<usize> {
    let mut last = None;
    // Start of the current stretch outside quotes.
    let mut unquoted_from = 0;
    let mut pos = 0;
    loop {
        let Some(q) = find_byte(&bytes[pos..], b'"').map(|q| pos + q) else {
            if let Some(nl) = rfind_newline(&bytes[unquoted_from..]) {
                last = Some(unquoted_from + nl + 1);
            }
            return last;
        };
        let opens_field = q == 0 || matches!(bytes[q - 1], b',' | b'\n' | b'\r');
        if !opens_field {
            // A quote inside an unquoted field is a literal character.
            pos = q + 1;
            continue;
        }
        if let Some(nl) = rfind_newline(&bytes[unquoted_from..q]) {
            last = Some(unquoted_from + nl + 1);
        }
        let mut p = q + 1;
        loop {
            let Some(c) = find_byte(&bytes[p..], b'"').map(|c| p + c) else {
                // The block ends inside quotes.
                return last;
            };
            match bytes.get(c + 1) {
                Some(b'"') => p = c + 2,
                // Escaped or closing: the next block decides.
                None => return last,
                Some(_) => {
                    pos = c + 1;
                    unquoted_from = c + 1;
                    break;
                }
            }
        }
    }
}

/// Whether the csv reader would split `data` exactly at `\n` (and the
/// `\r` before it) and at commas: no quotes, no lone `\r`.
fn is_plain(data: &[u8]) -> bool {
    // One pass for both bytes; a CRLF file stops at every line, which is
    // still one search per line.
    let mut p = 0;
    while let Some(i) = memchr::memchr2(b'"', b'\r', &data[p..]) {
        let i = p + i;
        if data[i] == b'"' || data.get(i + 1) != Some(&b'\n') {
            return false;
        }
        p = i + 2;
    }
    true
}

/// Whether `bytes`, which start at a record start, end inside a quoted
/// field (a quote left open at the end of the file), by the quoting rules
/// of [`last_record_end`].
fn ends_in_open_quote(bytes: &[u8]) -> bool {
    let mut in_quotes = false;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            if in_quotes {
                if bytes.get(i + 1) == Some(&b'"') {
                    // An escaped quote.
                    i += 1;
                } else {
                    in_quotes = false;
                }
            } else if i == 0 || matches!(bytes[i - 1], b',' | b'\n' | b'\r') {
                in_quotes = true;
            }
        }
        i += 1;
    }
    in_quotes
}

fn rfind_newline(bytes: &[u8]) -> Option<usize> {
    // Searched backwards from the end: a line or two, not the stretch.
    memchr::memrchr(b'\n', bytes)
}

/// First position of `needle`: the csv files are hundreds of megabytes
/// and mostly free of quotes, so this is a SIMD search (`memchr`).
pub(super) fn find_byte(hay: &[u8], needle: u8) -> Option<usize> {
    memchr::memchr(needle, hay)
}

pub(super) fn count_newlines(bytes: &[u8]) -> u64 {
    // `memchr`'s count is SIMD (the filter-count of the iterator was
    // 2.5 instructions per byte).
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// `str::trim` without its Unicode tables for the usual field, which
/// starts and ends with a visible ASCII character.
fn trim(field: &str) -> &str {
    let visible_ascii = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    let bytes = field.as_bytes();
    if bytes.is_empty() || (visible_ascii(bytes.first()) && visible_ascii(bytes.last())) {
        field
    } else {
        field.trim()
    }
}

/// Positions of every `,` of a record, in order, found eight bytes at a
/// time: the fields of a plain chunk are a handful of bytes each, too
/// short for a search per field to pay.
struct Commas<'a> {
    bytes: &'a [u8],
    /// Offset of the word in `mask`.
    base: usize,
    /// Offset of the next word to load.
    next_word: usize,
    /// High bit of each byte of the current word that is a comma not yet
    /// returned.
    mask: u64,
}

impl<'a> Commas<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Commas {
            bytes,
            base: 0,
            next_word: 0,
            mask: 0,
        }
    }
}

impl Iterator for Commas<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
        const COMMAS: u64 = 0x0101_0101_0101_0101 * b',' as u64;
        // High bit set in exactly the zero bytes of `x` (no borrows
        // between bytes, unlike the cheaper test of a first-match search).
        let zero_bytes = |x: u64| !(((x & LOW7).wrapping_add(LOW7)) | x | LOW7);
        while self.mask == 0 {
            let at = self.next_word;
            let rest = self.bytes.get(at..)?;
            let word = if let Some(word) = rest.first_chunk::<8>() {
                u64::from_le_bytes(*word)
            } else {
                if rest.is_empty() {
                    return None;
                }
                // The tail word is padded with zero bytes, which are no comma.
                let mut word = [0u8; 8];
                word[..rest.len()].copy_from_slice(rest);
                u64::from_le_bytes(word)
            };
            self.mask = zero_bytes(word ^ COMMAS);
            self.base = at;
            self.next_word = at + 8;
        }
        let p = self.base + (self.mask.trailing_zeros() / 8) as usize;
        self.mask &= self.mask - 1;
        Some(p)
    }
}

/// The required columns' positions, from the header.
#[derive(Debug, Clone)]
pub(super) struct Layout {
    pub(super) file: InputFile,
    /// Position in the record of each required column.
    pub(super) columns: Vec<usize>,
    pub(super) width: usize,
}

fn reader(bytes: &[u8], has_headers: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(has_headers)
        // Rows of the wrong width are rejected one by one, not fatal.
        .flexible(true)
        .from_reader(bytes)
}

impl Layout {
    /// Reads the header at the start of `chunk` (the first chunk of the
    /// file); returns the layout and the offset where the data begins.
    pub(super) fn from_header(
        file: InputFile,
        chunk: &[u8],
        required: &[&'static str],
    ) -> Result<(Layout, usize), InputError> {
        let mut reader = reader(chunk, true);
        let header = reader
            .byte_headers()
            .map_err(|source| InputError::Csv { file, source })?
            .clone();
        let data_start = usize::try_from(reader.position().byte()).unwrap_or(chunk.len());
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
        Ok((
            Layout {
                file,
                columns,
                width: names.len(),
            },
            data_start.min(chunk.len()),
        ))
    }

    /// Calls `row` with the required fields (in `required` order) and the
    /// line — relative: 1 is the chunk's first line — of every record of
    /// `chunk[start..]`; a returned `Err(reason)` becomes a rejection.
    /// Returns the rejections (relative lines) or a fatal csv error.
    pub(super) fn for_each(
        &self,
        chunk: &[u8],
        start: usize,
        row: impl FnMut(&[&str], u32) -> Result<(), String>,
    ) -> Result<Vec<Rejected>, InputError> {
        let start = start.min(chunk.len());
        if is_plain(&chunk[start..]) {
            self.for_each_plain(chunk, start, row)
        } else {
            self.for_each_csv(chunk, start, row)
        }
    }

    /// [`Layout::for_each`] for a chunk without quotes and without a `\r`
    /// that is not part of a CRLF: every line is one record and every
    /// comma a delimiter, so the csv state machine (and its copy of every
    /// record) is not needed. Gives exactly what the csv reader gives.
    fn for_each_plain(
        &self,
        chunk: &[u8],
        start: usize,
        row: impl FnMut(&[&str], u32) -> Result<(), String>,
    ) -> Result<Vec<Rejected>, InputError> {
        let before = count_newlines(&chunk[..start]);
        // Nearly every chunk is valid UTF-8 as a whole: one validation of
        // the chunk instead of one per line, and the fields are slices of
        // the checked text.
        match std::str::from_utf8(&chunk[start..]) {
            Ok(text) => self.for_each_plain_text(text, before, row),
            Err(_) => self.for_each_plain_lines(chunk, start, before, row),
        }
    }

    /// Which required field (if any) each column of the file is.
    fn slot_of(&self) -> Vec<usize> {
        let mut slot_of = vec![usize::MAX; self.width];
        for (slot, &column) in self.columns.iter().enumerate() {
            slot_of[column] = slot;
        }
        slot_of
    }

    /// [`Layout::for_each_plain`] on valid UTF-8: each line is found with
    /// a SIMD search for its newline and split at its commas, found eight
    /// bytes at a time ([`Commas`]); `before` is the number of lines
    /// before `text`.
    fn for_each_plain_text(
        &self,
        text: &str,
        before: u64,
        mut row: impl FnMut(&[&str], u32) -> Result<(), String>,
    ) -> Result<Vec<Rejected>, InputError> {
        let bytes = text.as_bytes();
        let slot_of = self.slot_of();
        let mut rejected = Vec::new();
        let mut fields: [&str; MAX_COLUMNS] = [""; MAX_COLUMNS];
        let mut line = before;
        let mut pos = 0;
        // The file's last line may lack its newline (and may end in a
        // comma: then its last field is empty).
        while pos < bytes.len() {
            let end = memchr::memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |i| pos + i);
            let line_start = pos;
            pos = end + 1;
            line += 1;
            // A plain chunk has `\r` only before `\n`.
            let line_end = if end > line_start && bytes[end - 1] == b'\r' {
                end - 1
            } else {
                end
            };
            // `\n`, `\r` and `,` are ASCII, so these are char boundaries.
            let record = &text[line_start..line_end];
            // The csv reader skips empty lines without a record.
            if record.is_empty() {
                continue;
            }
            let mut count = 0;
            let mut field_start = 0;
            for comma in Commas::new(record.as_bytes()) {
                if let Some(&slot) = slot_of.get(count).filter(|&&s| s != usize::MAX) {
                    fields[slot] = trim(&record[field_start..comma]);
                }
                count += 1;
                field_start = comma + 1;
            }
            if let Some(&slot) = slot_of.get(count).filter(|&&s| s != usize::MAX) {
                fields[slot] = trim(&record[field_start..]);
            }
            count += 1;
            let outcome = self.check_width(count, record.as_bytes(), line)?;
            if let Some(reason) = outcome {
                if !reason.is_empty() {
                    rejected.push(Rejected {
                        file: self.file,
                        line,
                        reason,
                    });
                }
                continue;
            }
            let line32 =
                u32::try_from(line).map_err(|_| InputError::TooLarge { file: self.file })?;
            if let Err(reason) = row(&fields[..self.columns.len()], line32) {
                rejected.push(Rejected {
                    file: self.file,
                    line,
                    reason,
                });
            }
        }
        Ok(rejected)
    }

    /// `None` if a record of `count` fields is to be read; otherwise why
    /// it is rejected, or an empty reason for a blank line (skipped
    /// silently, as the csv reader does). `line` must fit the columns'
    /// `u32`.
    fn check_width(
        &self,
        count: usize,
        record: &[u8],
        line: u64,
    ) -> Result<Option<String>, InputError> {
        u32::try_from(line).map_err(|_| InputError::TooLarge { file: self.file })?;
        if count == self.width {
            return Ok(None);
        }
        // A blank line is no record worth reporting.
        if count == 1 && record.trim_ascii().is_empty() {
            return Ok(Some(String::new()));
        }
        Ok(Some(format!("{count} Spalten statt {}", self.width)))
    }

    /// [`Layout::for_each_plain`] line by line, for a chunk with invalid
    /// UTF-8: only a required field with bad UTF-8 rejects its row.
    fn for_each_plain_lines(
        &self,
        chunk: &[u8],
        start: usize,
        before: u64,
        mut row: impl FnMut(&[&str], u32) -> Result<(), String>,
    ) -> Result<Vec<Rejected>, InputError> {
        let file = self.file;
        let mut rejected = Vec::new();
        let slot_of = self.slot_of();
        let mut line = before;
        let mut pos = start;
        while pos < chunk.len() {
            let end = find_byte(&chunk[pos..], b'\n').map_or(chunk.len(), |i| pos + i);
            let mut text = &chunk[pos..end];
            pos = end + 1;
            line += 1;
            if let [rest @ .., b'\r'] = text {
                text = rest;
            }
            // The csv reader skips empty lines without a record.
            if text.is_empty() {
                continue;
            }
            let mut fields: [&str; MAX_COLUMNS] = [""; MAX_COLUMNS];
            let mut count = 0;
            let mut utf8_ok = true;
            for (i, field) in text.split(|&b| b == b',').enumerate() {
                if let Some(&slot) = slot_of.get(i).filter(|&&s| s != usize::MAX) {
                    match std::str::from_utf8(field) {
                        Ok(field) => fields[slot] = field.trim(),
                        Err(_) => utf8_ok = false,
                    }
                }
                count = i + 1;
            }
            if let Some(reason) = self.check_width(count, text, line)? {
                if !reason.is_empty() {
                    rejected.push(Rejected { file, line, reason });
                }
                continue;
            }
            let outcome = if utf8_ok {
                // Checked by `check_width`.
                row(&fields[..self.columns.len()], line as u32)
            } else {
                Err("kein gültiges UTF-8".to_owned())
            };
            if let Err(reason) = outcome {
                rejected.push(Rejected { file, line, reason });
            }
        }
        Ok(rejected)
    }

    /// [`Layout::for_each`] through the csv reader: quotes and lone `\r`.
    fn for_each_csv(
        &self,
        chunk: &[u8],
        start: usize,
        mut row: impl FnMut(&[&str], u32) -> Result<(), String>,
    ) -> Result<Vec<Rejected>, InputError> {
        let file = self.file;
        let mut rejected = Vec::new();
        let mut lines = Lines {
            bytes: chunk,
            counted_to: 0,
            before: 0,
        };
        let mut reader = reader(&chunk[start.min(chunk.len())..], false);
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return Ok(rejected),
                Err(source) => return Err(InputError::Csv { file, source }),
            }
            let end = start + usize::try_from(reader.position().byte()).unwrap_or(0);
            let mut inner: u64 = record.iter().map(count_newlines).sum();
            // A quote left open at the end of the file takes everything
            // after it into the field, the final newline too: then the
            // record's last byte is a newline of its text, which
            // `first_line` does not count.
            if end == chunk.len()
                && record
                    .iter()
                    .next_back()
                    .is_some_and(|f| f.ends_with(b"\n"))
                && ends_in_open_quote(&chunk[start..])
            {
                inner -= 1;
            }
            let line = lines.first_line(end, inner);
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

/// Physical line numbers inside a chunk.
///
/// The csv crate's own record line numbers drift after blank lines and in
/// CRLF files (it skips empty lines before the record starts); the
/// rejection report must name the line a person sees in an editor. A
/// record's last byte is its terminator (`\n` or the `\r` of CRLF) or, at
/// the end of a file without final newline, its last character — never a
/// newline of the record's text. So the newlines before that byte are
/// exactly the lines before the record's last line; subtracting the
/// newlines inside its quoted fields gives its first line.
struct Lines<'a> {
    bytes: &'a [u8],
    /// Newlines in `bytes[..counted_to]` are counted in `before`.
    counted_to: usize,
    before: u64,
}

impl Lines<'_> {
    fn first_line(&mut self, end: usize, inner_newlines: u64) -> u64 {
        let last = end.saturating_sub(1).min(self.bytes.len());
        if last > self.counted_to {
            self.before += count_newlines(&self.bytes[self.counted_to..last]);
            self.counted_to = last;
        }
        (self.before + 1).saturating_sub(inner_newlines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bytes_in_words_and_in_the_tail() {
        let hay = b"abcdefgh\"jklmnopqrstu\"";
        assert_eq!(find_byte(hay, b'"'), Some(8));
        assert_eq!(find_byte(&hay[9..], b'"'), Some(12));
        assert_eq!(find_byte(b"abc", b'"'), None);
        assert_eq!(find_byte(b"", b'"'), None);
        for i in 0..40 {
            let mut v = vec![b'x'; 40];
            v[i] = 0x22;
            if i + 1 < 40 {
                v[i + 1] = 0x22;
            }
            assert_eq!(find_byte(&v, b'"'), Some(i), "{i}");
        }
    }

    #[test]
    fn finds_every_comma_in_order() {
        let text = b"a,b\nccccccccc,,\n,dddddddddddddddd\r\n,e,\xc3\xa4,,,,,,,,,x";
        for from in 0..text.len() {
            let found: Vec<usize> = Commas::new(&text[from..]).collect();
            let naive: Vec<usize> = text[from..]
                .iter()
                .enumerate()
                .filter(|(_, b)| **b == b',')
                .map(|(i, _)| i)
                .collect();
            assert_eq!(found, naive, "{from}");
        }
    }

    /// Every record each path hands on (fields, line) and its rejections.
    fn records(
        layout: &Layout,
        chunk: &[u8],
        start: usize,
        plain: bool,
    ) -> (Vec<(Vec<String>, u32)>, Vec<Rejected>) {
        let mut seen = Vec::new();
        let row = |f: &[&str], line: u32| {
            seen.push((f.iter().map(|s| s.to_string()).collect::<Vec<_>>(), line));
            if f[0] == "bad" {
                Err("bad".to_owned())
            } else {
                Ok(())
            }
        };
        let rejected = if plain {
            layout.for_each_plain(chunk, start, row).unwrap()
        } else {
            layout.for_each_csv(chunk, start, row).unwrap()
        };
        (seen, rejected)
    }

    #[test]
    fn plain_paths_read_what_the_csv_reader_reads() {
        let layout = Layout {
            file: InputFile::Responses,
            columns: vec![2, 0, 1],
            width: 4,
        };
        let inputs: [&[u8]; 8] = [
            b"h1,h2,h3,h4\na,b,c,d\ne,f,g,h",
            "h\n a , b\t,c\u{3000},d\n\n\r\n   \nx,y\nbad,1,2,3\r\n1,2,3,4,5\n".as_bytes(),
            "h\n\u{a0}\u{e4}1\u{a0},\u{2003}b,c ,d\n,,,\n".as_bytes(),
            b"h\n\xff,b,c,d\na,\xfe,c,d\na,b,c,\xfd\n\xff\nok,1,2,3",
            b"h\r\n1,2,3,4\r\n5,6,7,8\r\n",
            b"h\n,,,\n  ,\n\x0b,a,b,c\x0c\n",
            b"h\n",
            b"h\na,b,c,d,e,f,g,h,i,j,k,l,m\n",
        ];
        for input in inputs {
            let start = input
                .iter()
                .position(|&b| b == b'\n')
                .map_or(input.len(), |p| p + 1);
            assert!(is_plain(&input[start..]));
            assert_eq!(
                records(&layout, input, start, true),
                records(&layout, input, start, false),
                "{}",
                String::from_utf8_lossy(input)
            );
        }
    }

    #[test]
    fn cuts_after_the_last_newline_outside_quotes() {
        assert_eq!(last_record_end(b"a,b\nc,d\ne"), Some(8));
        assert_eq!(last_record_end(b"a,b"), None);
        assert_eq!(last_record_end(b"a,\"b\nc\"\nd,\"e\nf"), Some(8));
        assert_eq!(last_record_end(b"a,\"b\nc"), None);
        // Escaped quotes stay inside the field.
        assert_eq!(last_record_end(b"a,\"x\"\"\ny\"\nz"), Some(10));
        // A quote inside an unquoted field is a literal: the newline counts.
        assert_eq!(last_record_end(b"a,b\"c\nd,\"e\nf"), Some(6));
        // After a closing quote, further text and quotes are literal.
        assert_eq!(last_record_end(b"\"a\"b\"\nc"), Some(6));
        // A quote that may be escaped or closing waits for the next block.
        assert_eq!(last_record_end(b"x\n\"a\nb\""), Some(2));
        assert_eq!(last_record_end(b"x\r\n\"a\r\nb\"\r\n"), Some(11));
    }

    #[test]
    fn chunks_join_to_the_input_and_each_starts_a_record() {
        let mut text = Vec::new();
        for i in 0..200_000 {
            text.extend_from_slice(format!("{i},\"q\n\"\"{i}\"\"\",x\"y\n").as_bytes());
        }
        let mut blocks = Blocks::new(text.as_slice(), BLOCK);
        let mut joined = Vec::new();
        let mut count = 0;
        while let Some(chunk) = blocks.next_chunk().unwrap() {
            assert!(chunk.ends_with(b"x\"y\n"));
            let records = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(chunk.as_slice())
                .byte_records()
                .count();
            assert!(records > 0);
            count += records;
            joined.extend_from_slice(&chunk);
        }
        assert_eq!(joined, text);
        assert_eq!(count, 200_000);
    }
}
