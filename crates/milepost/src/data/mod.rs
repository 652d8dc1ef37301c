//! Customer data: customers, their usage events and their stakeholders, imported from the
//! CSV and Excel files people export from CRMs and product analytics.
//!
//! `source` reads rows from a file, `values` reads the dates and numbers in them, `mapping`
//! matches the file's columns to our fields, and `report` collects what is wrong. The
//! import itself runs in the store (`Store::import`), in one transaction.

pub mod demo;
pub mod mapping;
pub mod report;
pub mod source;
pub mod values;

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use mapping::{Field, FieldKind, Table};
pub use report::{ImportReport, ProblemKind, RowProblem};
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

/// How far an import is, sent every ~100 ms.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, TS)]
pub struct Progress {
    #[ts(type = "number")]
    pub rows: u64,
    /// Bytes (CSV) or rows (spreadsheets) read so far, of `total`.
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
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
    /// Rows stored (new or updated).
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
}

impl ImportOutcome {
    /// One line for people: `events: 1000000 rows imported, 0 skipped in 0.91 s`.
    pub fn summary(&self) -> String {
        if !self.committed {
            return format!(
                "{}: nothing imported: {} row{} with errors (see the report; --skip-bad-rows imports the rest)",
                self.table.name(),
                self.report.errors,
                if self.report.errors == 1 { "" } else { "s" }
            );
        }
        let updated = if self.updated > 0 {
            format!(" ({} updated)", self.updated)
        } else {
            String::new()
        };
        format!(
            "{}: {} rows imported{updated}, {} skipped, in {:.2} s",
            self.table.name(),
            self.imported,
            self.skipped,
            self.seconds
        )
    }
}
