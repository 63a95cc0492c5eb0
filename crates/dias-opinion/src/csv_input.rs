//! Reading votes from CSV (`participant,statement,vote`).

use std::io::Read;

use crate::votes::{Votes, VotesBuilder};

/// A CSV problem that stops reading.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The header lacks a required column.
    #[error("CSV header has no column {0:?} (expected participant,statement,vote)")]
    MissingColumn(&'static str),
    /// A statements file lacks the `statement` column.
    #[error("CSV header has no column \"statement\" (expected statement[,moderated][,meta])")]
    MissingStatementColumn,
    /// The input could not be read.
    #[error("reading CSV: {0}")]
    Read(#[from] csv::Error),
}

/// A row that was skipped, with its 1-based line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// Line in the input (the header is line 1).
    pub line: u64,
    /// Why the row was skipped.
    pub reason: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// Parses votes from CSV with the header `participant,statement,vote`
/// (columns in any order, extra columns ignored; agree = 1, disagree = -1,
/// pass = 0). Bad rows are skipped and reported; the good ones are kept.
/// Later rows replace earlier votes of the same participant on the same
/// statement.
pub fn votes_from_csv<R: Read>(reader: R) -> Result<(Votes, Vec<RowError>), CsvError> {
    let mut builder = Votes::builder();
    let errors = read_into(reader, &mut builder)?;
    Ok((builder.build(), errors))
}

/// Like [`votes_from_csv`], adding to an existing builder (e.g. one that
/// already knows the moderated-out statements).
pub fn read_into<R: Read>(
    reader: R,
    builder: &mut VotesBuilder,
) -> Result<Vec<RowError>, CsvError> {
    let (rdr, header) = open(reader)?;
    let column = |name: &'static str| header.column(name).ok_or(CsvError::MissingColumn(name));
    let (pc, sc, vc) = (
        column("participant")?,
        column("statement")?,
        column("vote")?,
    );
    each_row(rdr, |record| {
        if record.iter().all(str::is_empty) {
            return Ok(());
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let (p, s, v) = (field(pc), field(sc), field(vc));
        let vote = match v.parse::<i64>() {
            Ok(x) => x,
            Err(_) if v.is_empty() => return Err("vote is missing".into()),
            Err(_) => return Err(format!("vote {v:?} is not -1, 0 or 1")),
        };
        builder
            .vote(p, s, vote)
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
}

/// Reads a statements file (`statement[,moderated][,meta]`, columns in any
/// order, other columns such as `text` ignored) into `builder`: registers
/// every statement, also those without votes, and marks the moderated-out
/// and the meta ones (a cell `-1`, `out`, `true`, `1` or `yes`). Bad rows
/// (unreadable, empty id) are skipped and reported with their line.
pub fn read_statements_into<R: Read>(
    reader: R,
    builder: &mut VotesBuilder,
) -> Result<Vec<RowError>, CsvError> {
    let (rdr, header) = open(reader)?;
    let id_col = header
        .column("statement")
        .ok_or(CsvError::MissingStatementColumn)?;
    let (moderated_col, meta_col) = (header.column("moderated"), header.column("meta"));
    let truthy = |v: &str| {
        matches!(
            v.to_ascii_lowercase().as_str(),
            "-1" | "out" | "true" | "1" | "yes"
        )
    };
    each_row(rdr, |record| {
        let id = record.get(id_col).unwrap_or("");
        if id.is_empty() {
            return Err("empty statement id, row skipped".into());
        }
        builder.statement(id);
        if moderated_col
            .and_then(|c| record.get(c))
            .is_some_and(truthy)
        {
            builder.moderate_out(id);
        }
        if meta_col.and_then(|c| record.get(c)).is_some_and(truthy) {
            builder.meta(id);
        }
        Ok(())
    })
}

/// The header row of a file, for finding columns by name.
struct Header(csv::StringRecord);

impl Header {
    /// Position of the column `name` (case-insensitive, a byte-order mark
    /// before the first name ignored).
    fn column(&self, name: &str) -> Option<usize> {
        self.0
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}').eq_ignore_ascii_case(name))
    }
}

/// Opens `reader` as CSV the way both files are read (a header row, fields
/// trimmed, rows of any length) and reads the header.
fn open<R: Read>(reader: R) -> Result<(csv::Reader<R>, Header), CsvError> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(reader);
    let header = Header(rdr.headers()?.clone());
    Ok((rdr, header))
}

/// Hands every row after the header to `row`, which returns why it skipped
/// the row. Unreadable rows (e.g. invalid UTF-8) and skipped ones are
/// reported with their 1-based line; only an I/O error stops reading.
fn each_row<R: Read>(
    mut rdr: csv::Reader<R>,
    mut row: impl FnMut(&csv::StringRecord) -> Result<(), String>,
) -> Result<Vec<RowError>, CsvError> {
    let mut errors = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        let line = rdr.position().line();
        match rdr.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    return Err(e.into());
                }
                errors.push(RowError {
                    line: e.position().map_or(line, csv::Position::line),
                    reason: e.to_string(),
                });
                continue;
            }
        }
        let line = record.position().map_or(line, csv::Position::line);
        if let Err(reason) = row(&record) {
            errors.push(RowError { line, reason });
        }
    }
    Ok(errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_good_rows_and_reports_bad_ones_with_line_numbers() {
        let input = "participant,statement,vote\n\
                     alice,s1,1\n\
                     bob,s1,-1\n\
                     carol,s1,2\n\
                     dave,,1\n\
                     erin,s2\n\
                     frank,s2,yes\n\
                     alice,s2,0\n";
        let (votes, errors) = votes_from_csv(input.as_bytes()).unwrap();
        assert_eq!(votes.len(), 3);
        assert_eq!(votes.vote("alice", "s2"), Some(0));
        let lines: Vec<u64> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![4, 5, 6, 7]);
        assert!(errors[0].reason.contains("-1, 0 or 1"), "{}", errors[0]);
        assert!(errors[1].reason.contains("statement id is empty"));
        assert!(errors[2].reason.contains("missing"));
    }

    #[test]
    fn accepts_columns_in_any_order_with_extra_ones() {
        let input = "vote,created,statement,participant\n1,2024,s,p\n";
        let (votes, errors) = votes_from_csv(input.as_bytes()).unwrap();
        assert!(errors.is_empty());
        assert_eq!(votes.vote("p", "s"), Some(1));
    }

    #[test]
    fn refuses_a_header_without_the_vote_column() {
        let err = votes_from_csv("participant,statement\np,s\n".as_bytes()).err();
        assert!(matches!(err, Some(CsvError::MissingColumn("vote"))));
    }

    #[test]
    fn reads_statements_with_their_flags_and_reports_bad_rows() {
        let input = "\u{feff}Text,Statement,Moderated,META\n\
                     Erstens,s1,,\n\
                     Zweitens,s2,OUT,\n\
                     Drittens,s3,0,yes\n\
                     Leer,,1,\n\
                     Kurz,s4\n";
        let mut builder = Votes::builder();
        builder.vote("p", "s1", 1).unwrap();
        let errors = read_statements_into(input.as_bytes(), &mut builder).unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 5);
        assert!(errors[0].reason.contains("empty statement id"));
        let votes = builder.build();
        assert_eq!(votes.statements(), ["s1", "s2", "s3", "s4"]);
        assert_eq!(votes.len(), 1);
        let flag = |id: &str| (votes.is_moderated_out(id), votes.is_meta(id));
        assert_eq!(flag("s1"), (false, false));
        assert_eq!(flag("s2"), (true, false));
        assert_eq!(flag("s3"), (false, true));
        assert_eq!(flag("s4"), (false, false));
    }

    #[test]
    fn refuses_a_statements_file_without_the_statement_column() {
        let mut builder = Votes::builder();
        let err = read_statements_into("id,text\ns1,x\n".as_bytes(), &mut builder).err();
        assert!(matches!(err, Some(CsvError::MissingStatementColumn)));
    }

    #[test]
    fn a_statements_file_reports_invalid_utf8_and_keeps_reading() {
        let mut input = b"statement,moderated\ns1,\n".to_vec();
        input.extend_from_slice(b"s\xff,\ns3,out\n");
        let mut builder = Votes::builder();
        let errors = read_statements_into(&input[..], &mut builder).unwrap();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 3);
        let votes = builder.build();
        assert_eq!(votes.statements(), ["s1", "s3"]);
        assert!(votes.is_moderated_out("s3"));
    }

    #[test]
    fn reports_invalid_utf8_as_a_row_error() {
        let mut input = b"participant,statement,vote\np,s,1\n".to_vec();
        input.extend_from_slice(b"q,\xff,1\nr,s,-1\n");
        let (votes, errors) = votes_from_csv(&input[..]).unwrap();
        assert_eq!(votes.len(), 2);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, 3);
    }
}
