//! The validation report of an import: every problem counted by kind, with the first
//! examples of each (file, row, column, value, what is wrong).

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

/// What can be wrong with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    MissingValue,
    BadDate,
    /// A date before 1970 or more than a year after today: a wrong column or format.
    SuspiciousDate,
    BadNumber,
    BadFlag,
    /// Bytes that are not text in the file's encoding.
    BadText,
    OutOfRange,
    DuplicateCustomer,
    /// Not an error: events and stakeholders of customers not in the workspace are left out.
    UnknownCustomer,
    /// Not an error: an event already stored (same customer, time, event and value).
    DuplicateEvent,
}

impl ProblemKind {
    /// Errors stop the import (unless bad rows are skipped); the others only leave a row out.
    pub fn is_error(self) -> bool {
        !matches!(
            self,
            ProblemKind::UnknownCustomer | ProblemKind::DuplicateEvent
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            ProblemKind::MissingValue => "missing value",
            ProblemKind::BadDate => "bad date",
            ProblemKind::SuspiciousDate => "date far from today",
            ProblemKind::BadNumber => "not a number",
            ProblemKind::BadFlag => "not yes/no",
            ProblemKind::BadText => "not text",
            ProblemKind::OutOfRange => "out of range",
            ProblemKind::DuplicateCustomer => "duplicate customer id",
            ProblemKind::UnknownCustomer => "unknown customer id (left out)",
            ProblemKind::DuplicateEvent => "duplicate event (not doubled)",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct RowProblem {
    /// The row in the file (1 = its first line or spreadsheet row).
    #[ts(type = "number")]
    pub row: u64,
    /// The column's header.
    pub column: String,
    pub value: String,
    pub kind: ProblemKind,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct KindCount {
    pub kind: ProblemKind,
    pub label: String,
    pub error: bool,
    #[ts(type = "number")]
    pub count: u64,
}

/// Examples kept per kind of problem.
pub const EXAMPLES: usize = 5;

#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct ImportReport {
    pub file: String,
    /// Per kind of problem, how many rows had it.
    pub counts: Vec<KindCount>,
    /// The first examples of each kind, in file order.
    pub examples: Vec<RowProblem>,
    #[ts(type = "number")]
    pub errors: u64,
    #[ts(type = "number")]
    pub warnings: u64,
}

/// Collects problems while rows stream by.
#[derive(Debug, Default)]
pub struct Collector {
    counts: BTreeMap<ProblemKind, u64>,
    examples: Vec<RowProblem>,
}

impl Collector {
    pub fn add(&mut self, p: RowProblem) {
        let n = self.counts.entry(p.kind).or_insert(0);
        *n += 1;
        if *n as usize <= EXAMPLES {
            self.examples.push(p);
        }
    }

    /// More rows with a problem, beyond the examples already added.
    pub fn add_count(&mut self, kind: ProblemKind, n: u64) {
        if n > 0 {
            *self.counts.entry(kind).or_insert(0) += n;
        }
    }

    pub fn errors(&self) -> u64 {
        self.counts
            .iter()
            .filter(|(k, _)| k.is_error())
            .map(|(_, n)| n)
            .sum()
    }

    pub fn finish(mut self, file: String) -> ImportReport {
        // Repeats found once the whole file was read come last: file order again.
        self.examples.sort_by_key(|p| p.row);
        let errors = self.errors();
        let warnings = self.counts.values().sum::<u64>() - errors;
        ImportReport {
            file,
            counts: self
                .counts
                .into_iter()
                .map(|(kind, count)| KindCount {
                    kind,
                    label: kind.label().to_owned(),
                    error: kind.is_error(),
                    count,
                })
                .collect(),
            examples: self.examples,
            errors,
            warnings,
        }
    }
}

impl ImportReport {
    pub fn is_clean(&self) -> bool {
        self.counts.is_empty()
    }

    /// The report for a terminal: counts per kind, then the examples.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for c in &self.counts {
            out.push_str(&format!(
                "{}: {} row{} with {}{}\n",
                self.file,
                c.count,
                if c.count == 1 { "" } else { "s" },
                c.label,
                if c.error { "" } else { " (warning)" }
            ));
            for p in self.examples.iter().filter(|p| p.kind == c.kind) {
                out.push_str(&format!(
                    "  {}: row {}, column \"{}\", value \"{}\": {}\n",
                    self.file, p.row, p.column, p.value, p.message
                ));
            }
            if c.count as usize > EXAMPLES {
                out.push_str(&format!("  … and {} more\n", c.count as usize - EXAMPLES));
            }
        }
        out
    }
}
