//! Customer data: customers, their usage events and their stakeholders, imported from the
//! CSV and Excel files people export from CRMs and product analytics.
//!
//! `source` reads rows from a file, `values` reads the dates and numbers in them, `mapping`
//! matches the file's columns to our fields, and `report` collects what is wrong. The
//! import itself runs in the store (`Store::import`), in one transaction.

pub mod mapping;
pub mod report;
pub mod source;
pub mod values;

use std::collections::BTreeMap;
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::Result;
pub use mapping::{Field, FieldKind, Table};
pub use report::{ImportReport, ProblemKind, RowProblem};
use source::{Cell, Source};
pub use values::DateOrder;

/// What to import and how.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    pub table: Table,
    pub path: PathBuf,
    /// A spreadsheet's sheet; default the first.
    #[serde(default)]
    pub sheet: Option<String>,
    /// Field → header, overriding the automatic matches ("" unmaps a field).
    #[serde(default)]
    pub mapping: BTreeMap<String, String>,
    #[serde(default)]
    pub date_order: DateOrder,
    /// Import the good rows and report the bad ones, instead of importing nothing.
    #[serde(default)]
    pub skip_bad_rows: bool,
    /// Events: replace all stored events instead of appending.
    #[serde(default)]
    pub replace: bool,
    /// Events: one row per customer and date, one column per metric.
    #[serde(default)]
    pub wide: bool,
}

impl ImportOptions {
    pub fn new(table: Table, path: impl Into<PathBuf>) -> Self {
        Self {
            table,
            path: path.into(),
            sheet: None,
            mapping: BTreeMap::new(),
            date_order: DateOrder::Auto,
            skip_bad_rows: false,
            replace: false,
            wide: false,
        }
    }
}

/// What an import is doing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportStep {
    /// Reading and checking the file's rows.
    Reading,
    /// A big file's events, set aside on disk, checked for repeats and written.
    Checking,
}

/// How far an import is, sent every ~100 ms.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Progress {
    pub step: ImportStep,
    /// Rows of the file read so far.
    #[ts(type = "number")]
    pub rows: u64,
    /// Of `total`, this step's work done: bytes (CSV) or rows (spreadsheets) read, or
    /// bytes of events checked.
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
    /// Seconds since this step began.
    pub seconds: f64,
}

/// What an import did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    pub table: Table,
    /// False when errors (or a cancel) left the workspace exactly as it was.
    pub committed: bool,
    /// Data rows read (header and blank rows not counted).
    #[ts(type = "number")]
    pub rows: u64,
    /// Customers or stakeholders stored (new or updated), or events stored (a wide row
    /// holds several).
    #[ts(type = "number")]
    pub imported: u64,
    /// Of those, rows that updated an existing customer or stakeholder.
    #[ts(type = "number")]
    pub updated: u64,
    /// Rows left out: bad rows (when skipped), unknown customers, duplicates.
    #[ts(type = "number")]
    pub skipped: u64,
    pub seconds: f64,
    pub report: ImportReport,
    /// `summary()`, for the app to show as it is.
    pub headline: String,
}

impl ImportOutcome {
    /// One line for people: `300 customers imported (12 updated), 2 rows left out, in
    /// 0.12 s`, or why nothing was imported. The CLI prints it and the app shows it.
    pub fn summary(&self) -> String {
        let rows = |n: u64| {
            format!(
                "{} row{}",
                crate::format::count(n),
                if n == 1 { "" } else { "s" }
            )
        };
        if !self.committed {
            return format!(
                "Nothing was imported: {} {} errors (see the report; importing the good rows leaves them out)",
                rows(self.report.errors),
                if self.report.errors == 1 {
                    "has"
                } else {
                    "have"
                }
            );
        }
        let updated = if self.updated > 0 {
            format!(" ({} updated)", crate::format::count(self.updated))
        } else {
            String::new()
        };
        let left_out = if self.skipped > 0 {
            format!(", {} left out", rows(self.skipped))
        } else {
            String::new()
        };
        let what = if self.imported == 0 {
            format!("No {} imported", self.table.name())
        } else {
            format!(
                "{} {}",
                crate::format::count(self.imported),
                self.table.noun(self.imported)
            ) + " imported"
        };
        format!("{what}{updated}{left_out}, in {:.2} s", self.seconds)
    }
}

/// Decides `DD/MM` or `MM/DD` from the date columns: a first part above 12 means day
/// first, a second part above 12 month first. Reads on only while slash dates leave it
/// open.
pub fn detect_date_order(path: &Path, sheet: Option<&str>, cols: &[usize]) -> Result<DateOrder> {
    if cols.is_empty() {
        return Ok(DateOrder::Auto);
    }
    let mut source = Source::open(path, sheet)?;
    let mut seen = 0u64;
    let mut slashes = false;
    let mut found = DateOrder::Auto;
    source.for_each(|row| {
        seen += 1;
        for &i in cols {
            if let Cell::Text(t) = row.cell(i)
                && let Some((a, b)) = values::slash_parts(t)
            {
                slashes = true;
                if a > 12 {
                    found = DateOrder::Dmy;
                } else if b > 12 {
                    found = DateOrder::Mdy;
                }
            }
        }
        if found != DateOrder::Auto || (!slashes && seen >= 1000) {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    Ok(found)
}

/// What the import wizard shows before importing: the first rows, what was detected, and
/// the automatic mapping for the person to confirm.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct DataPreview {
    pub headers: Vec<String>,
    /// The first rows as text, with their row numbers in the file.
    pub rows: Vec<PreviewRow>,
    /// e.g. `CSV (UTF-8, ";" between fields)`.
    pub format: String,
    /// A spreadsheet's sheets (empty for CSV).
    pub sheets: Vec<String>,
    pub fields: Vec<Field>,
    /// Field → header, as matched automatically.
    pub mapping: BTreeMap<String, String>,
    /// Day-first or month-first, when the file's dates say; `auto` when they do not need
    /// to or cannot (then the person chooses).
    pub date_order: DateOrder,
    /// The dates look like 01/02/2025 and nothing in the file says which order.
    pub dates_ambiguous: bool,
    /// Events without an event column but with numeric columns: probably wide.
    pub looks_wide: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewRow {
    #[ts(type = "number")]
    pub number: u64,
    pub cells: Vec<String>,
}

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 20;

/// Reads the start of a file for the import wizard.
pub fn preview(path: &Path, table: Table, sheet: Option<&str>) -> Result<DataPreview> {
    let mut source = Source::open(path, sheet)?;
    let headers = source.headers().to_vec();
    let mut rows = Vec::new();
    // Per column: cells with something in them, and of those, numbers.
    let mut filled = vec![0usize; headers.len()];
    let mut numeric = vec![0usize; headers.len()];
    source.for_each(|row| {
        for i in 0..headers.len() {
            let number = match row.cell(i) {
                Cell::Empty => continue,
                Cell::Number(_) => true,
                Cell::Text(t) => values::parse_number(t).is_ok(),
                _ => false,
            };
            filled[i] += 1;
            numeric[i] += usize::from(number);
        }
        rows.push(PreviewRow {
            number: row.number,
            cells: (0..headers.len()).map(|i| row.cell(i).display()).collect(),
        });
        if rows.len() == PREVIEW_ROWS {
            ControlFlow::Break(())
        } else {
            ControlFlow::Continue(())
        }
    })?;
    let mapping = mapping::auto_map(table, &headers);
    let date_cols: Vec<usize> = mapping::fields(table)
        .iter()
        .filter(|f| f.kind == FieldKind::Date)
        .filter_map(|f| mapping.get(f.key))
        .filter_map(|h| headers.iter().position(|x| x == h))
        .collect();
    let date_order = detect_date_order(path, sheet, &date_cols)?;
    let dates_ambiguous = date_order == DateOrder::Auto
        && rows.iter().any(|r| {
            date_cols.iter().any(|&i| {
                r.cells
                    .get(i)
                    .and_then(|t| values::slash_parts(t))
                    .is_some()
            })
        });
    let taken: Vec<&String> = mapping.values().collect();
    let looks_wide = table == Table::Events
        && !mapping.contains_key("event")
        && headers
            .iter()
            .enumerate()
            .any(|(i, h)| !taken.contains(&h) && numeric[i] > 0 && numeric[i] == filled[i]);
    Ok(DataPreview {
        headers,
        rows,
        format: source.format().description.clone(),
        sheets: source.format().sheets.clone(),
        fields: mapping::fields(table).to_vec(),
        mapping,
        date_order,
        dates_ambiguous,
        looks_wide,
    })
}

/// Rows as CSV text in which no cell can start a formula (`safe_cell`): the tasks and
/// the priority ranking are written this way.
pub fn safe_csv<R, C>(rows: impl IntoIterator<Item = R>) -> String
where
    R: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    // Writing into memory has no I/O to fail, and every cell is UTF-8 text: the
    // `expect`s below state that rather than hide an error.
    const IN_MEMORY: &str = "writing CSV into memory cannot fail";
    let mut w = csv::Writer::from_writer(Vec::new());
    for row in rows {
        w.write_record(row.into_iter().map(|c| safe_cell(c.as_ref()).into_owned()))
            .expect(IN_MEMORY);
    }
    String::from_utf8(w.into_inner().expect(IN_MEMORY)).expect("the cells are UTF-8 text")
}

/// A cell made safe for spreadsheets: text that a spreadsheet would run as a formula
/// (starting with = + - @, a tab or a carriage return) gets a leading apostrophe. A plain
/// negative number ("-2", "-0.6") is a number, not a formula, and stays one.
pub fn safe_cell(text: &str) -> std::borrow::Cow<'_, str> {
    if plain_negative(text) {
        return text.into();
    }
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// "-12" or "-12.5": a minus, digits, at most one point with digits after it.
fn plain_negative(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('-') else {
        return false;
    };
    let (whole, frac) = rest.split_once('.').unwrap_or((rest, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(frac)
}
