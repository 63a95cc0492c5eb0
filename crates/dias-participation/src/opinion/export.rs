//! Opinion-map exports for researchers: votes, statements and the
//! participants × statements matrix as CSV, so that anyone can rerun the
//! analysis (`dias opinion analyze --votes stimmen.csv --statements
//! aussagen.csv` reads these files), and the stored analysis as JSON.
//! Participants appear by their participant number only, which is
//! pseudonymous: accounts and cookies are not in the export.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use crate::entities::opinion_statement;

use super::REJECTED;
use super::store::Tally;

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<Vec<u8>, String> {
    writer.into_inner().map_err(|e| e.to_string())
}

/// `participant,statement,vote,updated_at` — one row per latest vote
/// (agree = 1, disagree = −1, pass = 0), the input format of
/// `dias opinion analyze`.
pub fn votes_csv(votes: &[(i64, i64, i16, i64)]) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["participant", "statement", "vote", "updated_at"])
        .map_err(|e| e.to_string())?;
    for (participant, statement, value, updated) in votes {
        w.write_record([
            participant.to_string(),
            statement.to_string(),
            value.to_string(),
            dias_core::time::format_rfc3339(*updated),
        ])
        .map_err(|e| e.to_string())?;
    }
    finish(w)
}

/// `statement,text,status,moderated,author,created_at,agree,disagree,pass`.
pub fn statements_csv(
    statements: &[opinion_statement::Model],
    tallies: &HashMap<i64, Tally>,
) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "statement",
        "text",
        "status",
        "moderated",
        "author",
        "created_at",
        "agree",
        "disagree",
        "pass",
    ])
    .map_err(|e| e.to_string())?;
    for s in statements {
        let t = tallies.get(&s.id).copied().unwrap_or_default();
        w.write_record([
            s.id.to_string(),
            // People's text: no cell a spreadsheet would run as a formula.
            dias_web::table::guard_formula(&s.body).into_owned(),
            s.status.clone(),
            if s.status == REJECTED { "out" } else { "" }.to_owned(),
            s.author_id.map(|a| a.to_string()).unwrap_or_default(),
            dias_core::time::format_rfc3339(s.created_at),
            t.agree.to_string(),
            t.disagree.to_string(),
            t.pass.to_string(),
        ])
        .map_err(|e| e.to_string())?;
    }
    finish(w)
}

/// One row per participant with votes, one column per statement (by id):
/// `1`, `-1`, `0`, or empty when not voted.
pub fn matrix_csv(votes: &[(i64, i64, i16, i64)]) -> Result<Vec<u8>, String> {
    let columns: BTreeSet<i64> = votes.iter().map(|v| v.1).collect();
    let index: HashMap<i64, usize> = columns.iter().enumerate().map(|(i, s)| (*s, i)).collect();
    let mut rows: BTreeMap<i64, Vec<Option<i16>>> = BTreeMap::new();
    for (participant, statement, value, _) in votes {
        let row = rows
            .entry(*participant)
            .or_insert_with(|| vec![None; columns.len()]);
        if let Some(&i) = index.get(statement) {
            row[i] = Some(*value);
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["participant".to_owned()];
    header.extend(columns.iter().map(|s| s.to_string()));
    w.write_record(&header).map_err(|e| e.to_string())?;
    for (participant, cells) in rows {
        let mut record = vec![participant.to_string()];
        record.extend(
            cells
                .into_iter()
                .map(|c| c.map(|v| v.to_string()).unwrap_or_default()),
        );
        w.write_record(&record).map_err(|e| e.to_string())?;
    }
    finish(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_texts_are_guarded_against_formulas() {
        let statement = |id: i64, body: &str| opinion_statement::Model {
            id,
            conversation_id: 1,
            author_id: None,
            body: body.into(),
            status: "accepted".into(),
            priority: None,
            created_at: 0,
            decided_by: None,
            decided_at: None,
        };
        let csv = String::from_utf8(
            statements_csv(
                &[
                    statement(1, "=HYPERLINK(\"http://x\")"),
                    statement(2, "Mehr Radwege"),
                ],
                &HashMap::new(),
            )
            .unwrap(),
        )
        .unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let texts: Vec<String> = reader.records().map(|r| r.unwrap()[1].to_owned()).collect();
        assert_eq!(texts, ["'=HYPERLINK(\"http://x\")", "Mehr Radwege"]);
    }

    #[test]
    fn matrix_has_a_row_per_participant_and_a_column_per_statement() {
        let votes = vec![(1, 10, 1, 0), (1, 11, -1, 0), (2, 11, 0, 0)];
        let csv = String::from_utf8(matrix_csv(&votes).unwrap()).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines, ["participant,10,11", "1,1,-1", "2,,0"]);
        let v = String::from_utf8(votes_csv(&votes).unwrap()).unwrap();
        assert_eq!(v.lines().count(), 4);
        assert!(v.starts_with("participant,statement,vote,updated_at\n1,10,1,"));
    }
}
