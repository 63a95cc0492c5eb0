//! A table of figures that a page shows and offers as a download: every
//! chart has its table, and the same table goes out as CSV or XLSX, so the
//! numbers a person reads and the numbers they download are one value.

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// One cell: text, or a number a spreadsheet can compute with.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    Num(f64),
}

impl Cell {
    /// The cell as text (numbers as Rust prints them: `.` decimal point,
    /// which CSV readers and spreadsheets in any locale import as a number).
    pub fn as_text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(n) => n.to_string(),
            Cell::Num(x) => x.to_string(),
        }
    }
}

impl From<&str> for Cell {
    fn from(value: &str) -> Self {
        Cell::Text(value.to_owned())
    }
}

impl From<String> for Cell {
    fn from(value: String) -> Self {
        Cell::Text(value)
    }
}

impl From<i64> for Cell {
    fn from(value: i64) -> Self {
        Cell::Int(value)
    }
}

impl From<f64> for Cell {
    fn from(value: f64) -> Self {
        Cell::Num(value)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    /// Sheet name in the XLSX file (at most 31 characters are used).
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Download formats of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableFormat {
    Csv,
    Xlsx,
}

impl TableFormat {
    /// From a file extension in a URL (`…/daten.csv`, `…/daten.xlsx`).
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "csv" => Some(TableFormat::Csv),
            "xlsx" => Some(TableFormat::Xlsx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Xlsx => "xlsx",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            TableFormat::Csv => "text/csv; charset=utf-8",
            TableFormat::Xlsx => {
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }
    }
}

/// Text a spreadsheet would run as a formula when it opens a CSV file
/// (CSV injection: „=HYPERLINK(…)“, also „+49 …“ or „- item“) gets an
/// apostrophe in front, which spreadsheets show as text.
pub fn guard_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

impl Table {
    pub fn new(title: impl Into<String>, headers: Vec<String>) -> Self {
        Table {
            title: title.into(),
            headers,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        self.rows.push(row);
    }

    /// UTF-8 CSV with a header row. Numbers are written as numbers; text
    /// that looks like a formula is guarded ([`guard_formula`]).
    pub fn to_csv(&self) -> Result<Vec<u8>, String> {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer
            .write_record(&self.headers)
            .map_err(|e| e.to_string())?;
        for row in &self.rows {
            writer
                .write_record(row.iter().map(|cell| match cell {
                    Cell::Text(t) => guard_formula(t).into_owned(),
                    other => other.as_text(),
                }))
                .map_err(|e| e.to_string())?;
        }
        writer.into_inner().map_err(|e| e.to_string())
    }

    /// One worksheet with a bold, frozen header row; numbers as numbers and
    /// text always as text (never as a formula).
    pub fn to_xlsx(&self) -> Result<Vec<u8>, String> {
        use rust_xlsxwriter::{Format, Workbook};
        let mut workbook = Workbook::new();
        let bold = Format::new().set_bold();
        let sheet = workbook.add_worksheet();
        let name: String = self
            .title
            .chars()
            .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
            .take(31)
            .collect();
        if !name.trim().is_empty() {
            sheet.set_name(name.trim()).map_err(|e| e.to_string())?;
        }
        for (col, header) in self.headers.iter().enumerate() {
            sheet
                .write_string_with_format(0, col as u16, header, &bold)
                .map_err(|e| e.to_string())?;
        }
        for (i, row) in self.rows.iter().enumerate() {
            let r = i as u32 + 1;
            for (col, cell) in row.iter().enumerate() {
                let c = col as u16;
                match cell {
                    Cell::Text(t) => sheet.write_string(r, c, t),
                    Cell::Int(n) => sheet.write_number(r, c, *n as f64),
                    Cell::Num(x) => sheet.write_number(r, c, *x),
                }
                .map_err(|e| e.to_string())?;
            }
        }
        sheet.set_freeze_panes(1, 0).map_err(|e| e.to_string())?;
        workbook.save_to_buffer().map_err(|e| e.to_string())
    }

    /// The table as a file download named `{basename}.{csv|xlsx}`
    /// (`basename` is ASCII chosen by the code, not user input).
    pub fn download(&self, format: TableFormat, basename: &str) -> Result<Response, String> {
        let body = match format {
            TableFormat::Csv => self.to_csv()?,
            TableFormat::Xlsx => self.to_xlsx()?,
        };
        let disposition = format!("attachment; filename=\"{basename}.{}\"", format.extension());
        let mut response = body.into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(format.content_type()),
        );
        headers.insert(
            header::CONTENT_DISPOSITION,
            HeaderValue::from_str(&disposition).map_err(|e| e.to_string())?,
        );
        Ok(response)
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    fn sample() -> Table {
        let mut table = Table::new(
            "Versorgung",
            vec!["Kreis".into(), "Anteil".into(), "Adressen".into()],
        );
        table.push(vec!["Görlitz".into(), Cell::Num(61.5), Cell::Int(1200)]);
        table.push(vec![
            "=HYPERLINK(\"x\")".into(),
            Cell::Num(-2.0),
            Cell::Int(-3),
        ]);
        table
    }

    #[test]
    fn csv_keeps_numbers_and_guards_formula_text() {
        let text = String::from_utf8(sample().to_csv().unwrap()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Kreis,Anteil,Adressen");
        assert_eq!(lines[1], "Görlitz,61.5,1200");
        // A negative number stays a number; formula-like text becomes text.
        assert_eq!(lines[2], "\"'=HYPERLINK(\"\"x\"\")\",-2,-3");
    }

    #[test]
    fn xlsx_reads_back_with_numbers_as_numbers() {
        use calamine::{Data, Reader, Xlsx};
        let bytes = sample().to_xlsx().unwrap();
        let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("Versorgung").unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(|r| r.to_vec()).collect();
        assert_eq!(rows[0][0], Data::String("Kreis".into()));
        assert_eq!(rows[1][0], Data::String("Görlitz".into()));
        assert_eq!(rows[1][1], Data::Float(61.5));
        assert_eq!(rows[1][2], Data::Float(1200.0));
        // Text that looks like a formula is text in the sheet, not a formula.
        assert_eq!(rows[2][0], Data::String("=HYPERLINK(\"x\")".into()));
        assert_eq!(rows.len(), 3);
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(TableFormat::from_extension("csv"), Some(TableFormat::Csv));
        assert_eq!(TableFormat::from_extension("xlsx"), Some(TableFormat::Xlsx));
        assert_eq!(TableFormat::from_extension("pdf"), None);
    }
}
