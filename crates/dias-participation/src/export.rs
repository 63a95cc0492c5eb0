//! Exports of all contributions of a process for evaluation: CSV (one table
//! with a `type` column), XLSX (one sheet per type) and JSON. Authors appear
//! only as pseudonyms that are stable within the process, so rows can be
//! joined (a comment to its proposal, a suggestion to its paragraph) without
//! revealing who wrote them.

use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QueryOrder};
use serde::Serialize;

use crate::entities::{comment, paragraph, proposal, suggestion, text_version};

#[derive(Debug, Clone, Serialize, Default)]
pub struct Row {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub id: i64,
    pub created_at: String,
    pub author: String,
    pub parent_type: String,
    pub parent_id: Option<i64>,
    pub title: String,
    pub text: String,
    pub status: String,
    pub category: String,
    pub stance: String,
    pub topic: String,
    pub ags8: String,
    pub supports: Option<i32>,
    pub comments: Option<i32>,
    pub version: Option<i32>,
    pub anchor: String,
}

pub const COLUMNS: [&str; 17] = [
    "type",
    "id",
    "created_at",
    "author",
    "parent_type",
    "parent_id",
    "title",
    "text",
    "status",
    "category",
    "stance",
    "topic",
    "ags8",
    "supports",
    "comments",
    "version",
    "anchor",
];

impl Row {
    fn cells(&self) -> [String; 17] {
        let opt = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        [
            self.kind.to_owned(),
            self.id.to_string(),
            self.created_at.clone(),
            self.author.clone(),
            self.parent_type.clone(),
            opt(self.parent_id),
            self.title.clone(),
            self.text.clone(),
            self.status.clone(),
            self.category.clone(),
            self.stance.clone(),
            self.topic.clone(),
            self.ags8.clone(),
            opt(self.supports.map(i64::from)),
            opt(self.comments.map(i64::from)),
            opt(self.version.map(i64::from)),
            self.anchor.clone(),
        ]
    }
}

/// All contributions of a process: paragraphs of every version, proposals,
/// change suggestions and comments. `pseudonym` maps a user id.
pub async fn rows(
    db: &DatabaseConnection,
    process_id: i64,
    pseudonym: impl Fn(i64) -> String,
) -> Result<Vec<Row>, DbErr> {
    let ts = dias_core::time::format_rfc3339;
    let mut out = Vec::new();
    let versions = text_version::Entity::find()
        .filter(text_version::Column::ProcessId.eq(process_id))
        .order_by_asc(text_version::Column::Number)
        .all(db)
        .await?;
    let numbers: std::collections::HashMap<i64, i32> =
        versions.iter().map(|v| (v.id, v.number)).collect();
    for p in paragraph::Entity::find()
        .filter(
            paragraph::Column::VersionId.is_in(versions.iter().map(|v| v.id).collect::<Vec<_>>()),
        )
        .order_by_asc(paragraph::Column::Id)
        .all(db)
        .await?
    {
        out.push(Row {
            kind: "paragraph",
            id: p.id,
            title: format!("{} {} / {}", p.chapter_no, p.chapter_title, p.section_title),
            text: p.body_md,
            version: numbers.get(&p.version_id).copied(),
            anchor: p.anchor,
            ..Row::default()
        });
    }
    for p in proposal::Entity::find()
        .filter(proposal::Column::ProcessId.eq(process_id))
        .order_by_asc(proposal::Column::Id)
        .all(db)
        .await?
    {
        out.push(Row {
            kind: "proposal",
            id: p.id,
            created_at: ts(p.created_at),
            author: pseudonym(p.author_id),
            title: p.title,
            text: p.body_md,
            status: if p.hidden_at.is_some() {
                format!("{} (hidden)", p.status)
            } else {
                p.status
            },
            topic: p.topic,
            ags8: p.ags8.unwrap_or_default(),
            supports: Some(p.supports_count),
            comments: Some(p.comments_count),
            ..Row::default()
        });
    }
    for s in suggestion::Entity::find()
        .filter(suggestion::Column::ProcessId.eq(process_id))
        .order_by_asc(suggestion::Column::Id)
        .all(db)
        .await?
    {
        out.push(Row {
            kind: "suggestion",
            id: s.id,
            created_at: ts(s.created_at),
            author: pseudonym(s.author_id),
            parent_type: "paragraph".into(),
            parent_id: Some(s.paragraph_id),
            title: s.reason,
            text: s.new_text,
            status: s.status,
            category: s.decision_reason.unwrap_or_default(),
            supports: Some(s.supports_count),
            comments: Some(s.comments_count),
            version: s
                .adopted_in_version_id
                .and_then(|id| numbers.get(&id).copied()),
            ..Row::default()
        });
    }
    for c in comment::Entity::find()
        .filter(comment::Column::ProcessId.eq(process_id))
        .order_by_asc(comment::Column::Id)
        .all(db)
        .await?
    {
        let removed = c.hidden_at.is_some() || c.deleted_at.is_some();
        out.push(Row {
            kind: "comment",
            id: c.id,
            created_at: ts(c.created_at),
            author: pseudonym(c.author_id),
            parent_type: c.target_kind,
            parent_id: Some(c.target_id),
            title: c
                .parent_id
                .map(|p| format!("reply to comment {p}"))
                .unwrap_or_default(),
            text: if removed { String::new() } else { c.body },
            status: if removed {
                "removed".into()
            } else {
                "visible".into()
            },
            category: c.category.unwrap_or_default(),
            stance: c.stance,
            ..Row::default()
        });
    }
    out.extend(crate::debates::export_rows(db, process_id).await?);
    out.extend(crate::surveys::export_rows(db, process_id).await?);
    Ok(out)
}

pub fn to_csv(rows: &[Row]) -> Result<Vec<u8>, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(COLUMNS).map_err(|e| e.to_string())?;
    for row in rows {
        // Titles and texts are people's input: a cell a spreadsheet would
        // run as a formula („=HYPERLINK(…)“) is guarded.
        writer
            .write_record(
                row.cells()
                    .iter()
                    .map(|cell| dias_web::table::guard_formula(cell).into_owned()),
            )
            .map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

pub fn to_xlsx(rows: &[Row]) -> Result<Vec<u8>, String> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut workbook = Workbook::new();
    let bold = Format::new().set_bold();
    for (kind, sheet_name) in [
        ("paragraph", "Absaetze"),
        ("proposal", "Vorschlaege"),
        ("suggestion", "Aenderungsvorschlaege"),
        ("comment", "Kommentare"),
        ("debate", "Debatten"),
        ("survey", "Umfragen"),
    ] {
        let sheet = workbook.add_worksheet();
        sheet.set_name(sheet_name).map_err(|e| e.to_string())?;
        for (col, name) in COLUMNS.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, *name, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (i, row) in rows.iter().filter(|r| r.kind == kind).enumerate() {
            for (col, value) in row.cells().iter().enumerate() {
                // Spreadsheet programs run text that starts with = + - @ as a
                // formula; strings are written as strings, never as formulas.
                sheet
                    .write_string(i as u32 + 1, col as u16, value)
                    .map_err(|e| e.to_string())?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
    }
    workbook.save_to_buffer().map_err(|e| e.to_string())
}

pub fn to_json(process_slug: &str, rows: &[Row]) -> Result<Vec<u8>, String> {
    let by = |kind: &str| rows.iter().filter(|r| r.kind == kind).collect::<Vec<_>>();
    serde_json::to_vec_pretty(&serde_json::json!({
        "format": "dias-participation-export/1",
        "process": process_slug,
        "exported_at": dias_core::time::format_rfc3339(dias_core::time::now()),
        "note": "authors are pseudonyms, stable within this process",
        "paragraphs": by("paragraph"),
        "proposals": by("proposal"),
        "suggestions": by("suggestion"),
        "comments": by("comment"),
        "debates": by("debate"),
        "surveys": by("survey"),
    }))
    .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_escapes_and_guards_formulas() {
        // Quoting alone does not stop a spreadsheet from running a cell
        // as a formula (CSV injection): such text gets an apostrophe.
        let rows = vec![
            Row {
                kind: "comment",
                id: 1,
                title: "+cmd|' /C calc'!A0".into(),
                text: "=HYPERLINK(\"x\"), \"quoted\"\nline".into(),
                ..Row::default()
            },
            Row {
                kind: "proposal",
                id: 2,
                title: "@SUM(A1:A9)".into(),
                text: "Kein Formelanfang = hier".into(),
                ..Row::default()
            },
        ];
        let csv = String::from_utf8(to_csv(&rows).unwrap()).unwrap();
        let mut reader = csv::Reader::from_reader(csv.as_bytes());
        let mut records = reader.records();
        let first = records.next().unwrap().unwrap();
        assert_eq!(&first[6], "'+cmd|' /C calc'!A0");
        assert_eq!(&first[7], "'=HYPERLINK(\"x\"), \"quoted\"\nline");
        let second = records.next().unwrap().unwrap();
        assert_eq!(&second[1], "2", "numbers stay numbers");
        assert_eq!(&second[6], "'@SUM(A1:A9)");
        assert_eq!(&second[7], "Kein Formelanfang = hier");
        assert!(!to_xlsx(&rows).unwrap().is_empty());
    }
}
