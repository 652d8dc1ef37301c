//! Importing customer data into the workspace.
//!
//! An import is one transaction: the file is read, every row checked, good rows written;
//! when any row has an error (and bad rows are not to be skipped), when the person cancels,
//! or when the process dies half-way, the transaction is never committed and the
//! workspace is exactly as it was.

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::ControlFlow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rusqlite::types::Value;
use rusqlite::{Transaction, params};

use super::Store;
use crate::data::mapping::{self, Columns, FieldKind, Table};
use crate::data::report::{Collector, ProblemKind, RowProblem};
use crate::data::source::{Cell, Meter, Row, Source};
use crate::data::values::{self, DateOrder};
use crate::data::{ImportOptions, ImportOutcome, ImportStep, Progress};
use crate::{Error, Result};

mod dedup;
#[cfg(test)]
mod tests;

use dedup::{Dedup, FxMap, Verdict};

/// Rows per multi-row INSERT of events.
const BATCH: usize = 200;

struct Ctx<'a> {
    table: Table,
    headers: &'a [String],
    cols: &'a Columns,
    order: DateOrder,
}

/// A mapped field and its column, resolved once per import rather than per row.
#[derive(Clone, Copy)]
struct Slot {
    col: usize,
    field: &'static mapping::Field,
}

impl Ctx<'_> {
    fn slot(&self, key: &str) -> Option<Slot> {
        let col = self.cols.get(key)?;
        let field = mapping::fields(self.table).iter().find(|f| f.key == key)?;
        Some(Slot { col, field })
    }
}

/// Reads one row's fields, noting each problem with its row, column and value.
struct RowReader<'r, 'c> {
    row: &'r Row<'r>,
    ctx: &'c Ctx<'c>,
    problems: &'c mut Collector,
    error: bool,
}

impl<'r> RowReader<'r, '_> {
    fn cell(&self, i: usize) -> Cell<'r> {
        self.row.cell(i)
    }

    fn problem(&mut self, col: usize, kind: ProblemKind, message: impl Into<String>) {
        self.error |= kind.is_error();
        self.problems.add(RowProblem {
            row: self.row.number,
            column: self.ctx.headers.get(col).cloned().unwrap_or_default(),
            value: self.cell(col).display(),
            kind,
            message: message.into(),
        });
    }

    /// True when this row is not to be written: it has an error. Rows after an error are
    /// written as usual even when the import will roll back, so the report of a refused
    /// import is exactly the report "import the good rows" would give.
    fn has_error(&self) -> bool {
        self.error
    }

    /// The stored key of the row's customer; an unknown id is reported and left out.
    fn known_customer(&mut self, keys: &FxMap<String, i64>, id: &str, col: usize) -> Option<i64> {
        let key = keys.get(id).copied();
        if key.is_none() {
            self.problem(
                col,
                ProblemKind::UnknownCustomer,
                "no customer has this id (import customers first)",
            );
        }
        key
    }

    /// The text of a mapped field; a missing required one is a problem.
    fn text(&mut self, slot: Option<Slot>) -> Option<Cow<'r, str>> {
        let Slot { col: i, field: f } = slot?;
        let c = self.cell(i);
        if c.is_empty() {
            if f.required {
                self.problem(
                    i,
                    ProblemKind::MissingValue,
                    format!("{} is missing", f.label),
                );
            }
            return None;
        }
        Some(match c {
            Cell::Text(t) => Cow::Borrowed(t),
            other => Cow::Owned(other.display()),
        })
    }

    fn number(&mut self, slot: Option<Slot>) -> Option<f64> {
        let Slot { col: i, field: f } = slot?;
        self.number_at(i, f.kind == FieldKind::Score, f.required, f.label)
    }

    fn number_at(&mut self, i: usize, score: bool, required: bool, label: &str) -> Option<f64> {
        let v = match self.cell(i) {
            Cell::Empty => None,
            Cell::Number(n) => Some(n),
            Cell::Bool(b) => Some(if b { 1.0 } else { 0.0 }),
            Cell::Time(_) => {
                self.problem(i, ProblemKind::BadNumber, "a date, not a number");
                return None;
            }
            Cell::Text(t) => match values::parse_number(t) {
                Ok(v) => v,
                Err(e) => {
                    self.problem(i, ProblemKind::BadNumber, e);
                    return None;
                }
            },
        };
        match v {
            None if required => {
                self.problem(i, ProblemKind::MissingValue, format!("{label} is missing"));
                None
            }
            Some(n) if score && !(1.0..=10.0).contains(&n) => {
                self.problem(i, ProblemKind::OutOfRange, "a score must be from 1 to 10");
                None
            }
            v => v,
        }
    }

    fn date(&mut self, slot: Option<Slot>) -> Option<i64> {
        let Slot { col: i, field: f } = slot?;
        let v = match self.cell(i) {
            Cell::Empty => None,
            Cell::Time(t) => Some(t),
            Cell::Number(n) if n >= 1e8 => Some(n as i64),
            Cell::Number(n) if (1.0..2_958_466.0).contains(&n) => Some(values::excel_serial(n)),
            Cell::Number(_) | Cell::Bool(_) => {
                self.problem(i, ProblemKind::BadDate, "not a date");
                return None;
            }
            Cell::Text(t) => match values::parse_timestamp(t, self.ctx.order) {
                Ok(v) => Some(v),
                Err(e) => {
                    self.problem(i, ProblemKind::BadDate, e);
                    return None;
                }
            },
        };
        if v.is_none() && f.required {
            self.problem(
                i,
                ProblemKind::MissingValue,
                format!("{} is missing", f.label),
            );
        }
        if let Some(t) = v
            && let Some(why) = far_from_today(t)
        {
            self.problem(i, ProblemKind::SuspiciousDate, why);
            return None;
        }
        v
    }

    fn flag(&mut self, slot: Option<Slot>) -> Option<bool> {
        let Slot { col: i, .. } = slot?;
        match self.cell(i) {
            Cell::Empty => None,
            Cell::Bool(b) => Some(b),
            Cell::Number(n) => Some(n != 0.0),
            Cell::Time(_) => {
                self.problem(i, ProblemKind::BadFlag, "a date, not yes or no");
                None
            }
            Cell::Text(t) => values::parse_flag(t).unwrap_or_else(|e| {
                self.problem(i, ProblemKind::BadFlag, e);
                None
            }),
        }
    }
}

enum Stored {
    New,
    Updated,
    /// Not stored: an error, a warning (unknown customer, duplicate), or a rolled-back run.
    No,
}

#[derive(Default)]
struct Counts {
    rows: u64,
    imported: u64,
    updated: u64,
    skipped: u64,
    cancelled: bool,
}

/// Streams the rows through `handle`, with progress and cancel checks.
fn drive(
    source: &mut Source,
    ctx: &Ctx<'_>,
    problems: &mut Collector,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
    mut handle: impl FnMut(&mut RowReader<'_, '_>) -> Result<Stored>,
) -> Result<Counts> {
    let meter: Meter = source.meter();
    let start = Instant::now();
    let mut last = start;
    let mut counts = Counts::default();
    let mut failed = None;
    source.for_each(|row| {
        counts.rows += 1;
        if counts.rows % 1024 == 0 {
            if cancel.load(Ordering::Relaxed) {
                counts.cancelled = true;
                return ControlFlow::Break(());
            }
            if last.elapsed() >= Duration::from_millis(100) {
                last = Instant::now();
                progress(Progress {
                    step: ImportStep::Reading,
                    rows: counts.rows,
                    done: meter.done(row.number),
                    total: meter.total(),
                    seconds: start.elapsed().as_secs_f64(),
                });
            }
        }
        let mut reader = RowReader {
            row: &row,
            ctx,
            problems,
            error: false,
        };
        if let Some(col) = row.undecodable {
            reader.problem(
                col,
                ProblemKind::BadText,
                "bytes that are not text in the file's encoding (UTF-8)",
            );
            counts.skipped += 1;
            return ControlFlow::Continue(());
        }
        match handle(&mut reader) {
            Ok(Stored::New) => counts.imported += 1,
            Ok(Stored::Updated) => {
                counts.imported += 1;
                counts.updated += 1;
            }
            Ok(Stored::No) => counts.skipped += 1,
            Err(e) => {
                failed = Some(e);
                return ControlFlow::Break(());
            }
        }
        ControlFlow::Continue(())
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    progress(Progress {
        step: ImportStep::Reading,
        rows: counts.rows,
        done: meter.total(),
        total: meter.total(),
        seconds: start.elapsed().as_secs_f64(),
    });
    Ok(counts)
}

/// Why a date is not believable in customer data, if it is not: before 1970, or more than
/// a year after today (9999-12-31 would move every report's as-of date to it).
fn far_from_today(t: i64) -> Option<String> {
    const YEAR: i64 = 366 * 86_400;
    if t < 0 {
        Some(format!(
            "{} is before 1970: check the column's date format",
            crate::format::date(t)
        ))
    } else if t > crate::now() + YEAR {
        Some(format!(
            "{} is more than a year after today: check the column's date format",
            crate::format::date(t)
        ))
    } else {
        None
    }
}

fn db(tx: &Transaction<'_>, e: rusqlite::Error) -> Error {
    super::db_error(std::path::Path::new(tx.path().unwrap_or_default()), e)
}

impl Store {
    /// Imports a customers, events or stakeholders file. Bad input never half-imports:
    /// see the module comment. `progress` is called about every 100 ms; setting `cancel`
    /// stops the import and leaves the workspace unchanged (`Error::Cancelled`).
    /// A backup of the workspace comes first, unless it holds nothing yet.
    pub fn import(
        &mut self,
        opts: &ImportOptions,
        progress: &mut dyn FnMut(Progress),
        cancel: &AtomicBool,
    ) -> Result<ImportOutcome> {
        self.backup_before(super::backup::Reason::BeforeImport)?;
        self.import_after_backup(opts, progress, cancel)
    }

    /// `import` for work that made its one backup first (the demo's three tables).
    pub(crate) fn import_after_backup(
        &mut self,
        opts: &ImportOptions,
        progress: &mut dyn FnMut(Progress),
        cancel: &AtomicBool,
    ) -> Result<ImportOutcome> {
        let start = Instant::now();
        let mut source = Source::open(&opts.path, opts.sheet.as_deref())?;
        let headers = source.headers().to_vec();
        let cols = mapping::resolve(opts.table, &headers, &opts.mapping, opts.wide)
            .map_err(|m| crate::data::source::data_error(&opts.path, m))?;
        let date_cols: Vec<usize> = mapping::fields(opts.table)
            .iter()
            .filter(|f| f.kind == FieldKind::Date)
            .filter_map(|f| cols.get(f.key))
            .collect();
        let order = match opts.date_order {
            DateOrder::Auto => {
                crate::data::detect_date_order(&opts.path, opts.sheet.as_deref(), &date_cols)?
            }
            chosen => chosen,
        };
        let ctx = Ctx {
            table: opts.table,
            headers: &headers,
            cols: &cols,
            order,
        };
        let mut problems = Collector::default();
        let path = self.path.clone();
        let tx = self.write()?;
        let skip = opts.skip_bad_rows;
        let counts = match opts.table {
            Table::Customers => {
                import_customers(&tx, &mut source, &ctx, &mut problems, cancel, progress)?
            }
            Table::Events => import_events(
                &tx,
                &mut source,
                &ctx,
                &mut problems,
                opts,
                cancel,
                progress,
            )?,
            Table::Stakeholders => {
                import_stakeholders(&tx, &mut source, &ctx, &mut problems, cancel, progress)?
            }
        };
        if counts.cancelled {
            drop(tx);
            return Err(Error::Cancelled);
        }
        let file = opts.path.display().to_string();
        let blocked = problems.errors() > 0 && !skip;
        let report = problems.finish(file.clone());
        let outcome = ImportOutcome {
            table: opts.table,
            committed: !blocked,
            rows: counts.rows,
            imported: if blocked { 0 } else { counts.imported },
            updated: if blocked { 0 } else { counts.updated },
            skipped: if blocked { counts.rows } else { counts.skipped },
            seconds: start.elapsed().as_secs_f64(),
            report,
            headline: String::new(),
        };
        if blocked {
            drop(tx); // rolls back
            return Ok(ImportOutcome {
                headline: outcome.summary(),
                ..outcome
            });
        }
        if opts.table == Table::Events {
            // The events' columnar copy, in this transaction: never one that disagrees.
            super::event_copy::rewrite(&tx).map_err(|e| db(&tx, e))?;
        }
        tx.execute(
            "INSERT INTO import_log (tbl, file, rows, imported, skipped, report) VALUES (?, ?, ?, ?, ?, ?)",
            params![
                opts.table.name(),
                file,
                outcome.rows as i64,
                outcome.imported as i64,
                outcome.skipped as i64,
                serde_json::to_string(&outcome.report).expect("a report is plain data")
            ],
        )
        .map_err(|e| db(&tx, e))?;
        tx.commit().map_err(|e| super::db_error(&path, e))?;
        let done = ImportOutcome {
            seconds: start.elapsed().as_secs_f64(),
            ..outcome
        };
        Ok(ImportOutcome {
            headline: done.summary(),
            ..done
        })
    }
}

fn opt_text(v: Option<Cow<'_, str>>) -> Value {
    v.map_or(Value::Null, |t| Value::Text(t.into_owned()))
}

fn opt_real(v: Option<f64>) -> Value {
    v.map_or(Value::Null, Value::Real)
}

fn import_customers(
    tx: &Transaction<'_>,
    source: &mut Source,
    ctx: &Ctx<'_>,
    problems: &mut Collector,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Counts> {
    let existing: HashSet<String> = collect(tx, "SELECT id FROM customer", |r| r.get(0))?;
    let keys: Vec<&'static str> = mapping::fields(Table::Customers)
        .iter()
        .map(|f| f.key)
        .filter(|k| *k != "id" && ctx.cols.get(k).is_some())
        .collect();
    let mut names = vec!["id"];
    names.extend(&keys);
    names.push("attributes");
    let updates: Vec<String> = keys
        .iter()
        .map(|k| format!("{k} = excluded.{k}"))
        .chain(["attributes = json_patch(customer.attributes, excluded.attributes)".to_owned()])
        .collect();
    let sql = format!(
        "INSERT INTO customer ({}) VALUES ({}) ON CONFLICT(id) DO UPDATE SET {}",
        names.join(", "),
        vec!["?"; names.len()].join(", "),
        updates.join(", ")
    );
    let mut stmt = tx.prepare(&sql).map_err(|e| db(tx, e))?;
    let mut seen: HashSet<String> = HashSet::new();
    let id_slot = ctx.slot("id");
    let slots: Vec<Option<Slot>> = keys.iter().map(|k| ctx.slot(k)).collect();
    drive(source, ctx, problems, cancel, progress, |r| {
        let id = r.text(id_slot);
        let mut values: Vec<Value> = Vec::with_capacity(names.len());
        for &slot in &slots {
            values.push(match slot.map(|s| s.field.kind) {
                Some(FieldKind::Number) => opt_real(r.number(slot)),
                Some(FieldKind::Date) => r.date(slot).map_or(Value::Null, Value::Integer),
                _ => opt_text(r.text(slot)),
            });
        }
        let Some(id) = id else { return Ok(Stored::No) };
        if !seen.insert(id.to_string()) {
            let col = ctx.cols.get("id").unwrap_or(0);
            r.problem(
                col,
                ProblemKind::DuplicateCustomer,
                "this customer id is already on an earlier row of the file",
            );
        }
        if r.has_error() {
            return Ok(Stored::No);
        }
        let mut attributes = serde_json::Map::new();
        for &i in &ctx.cols.rest {
            let c = r.cell(i);
            if !c.is_empty() {
                attributes.insert(ctx.headers[i].clone(), c.display().into());
            }
        }
        let mut params: Vec<Value> = vec![Value::Text(id.to_string())];
        params.extend(values);
        params.push(Value::Text(
            serde_json::Value::Object(attributes).to_string(),
        ));
        stmt.execute(rusqlite::params_from_iter(params))
            .map_err(|e| db(tx, e))?;
        Ok(if existing.contains(id.as_ref()) {
            Stored::Updated
        } else {
            Stored::New
        })
    })
}

/// Every row of a query, read by `row`, into any collection.
fn collect<T, C: FromIterator<T>>(
    tx: &Transaction<'_>,
    sql: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<C> {
    let mut stmt = tx.prepare(sql).map_err(|e| db(tx, e))?;
    let rows = stmt.query_map([], row).map_err(|e| db(tx, e))?;
    rows.collect::<rusqlite::Result<C>>().map_err(|e| db(tx, e))
}

/// Customer id → key.
fn customer_keys(tx: &Transaction<'_>) -> Result<FxMap<String, i64>> {
    collect(tx, "SELECT id, key FROM customer", |r| {
        Ok((r.get(0)?, r.get(1)?))
    })
}

fn import_events(
    tx: &Transaction<'_>,
    source: &mut Source,
    ctx: &Ctx<'_>,
    problems: &mut Collector,
    opts: &ImportOptions,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Counts> {
    if opts.replace {
        tx.execute("DELETE FROM event", []).map_err(|e| db(tx, e))?;
    }
    let path = std::path::PathBuf::from(tx.path().unwrap_or_default());
    let limit = dedup::in_memory();
    let customers = customer_keys(tx)?;
    let mut names: FxMap<String, i64> = collect(tx, "SELECT name, id FROM event_name", |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let mut dedup = Dedup::start(tx, &path, limit)?;
    let mut new_name = tx
        .prepare("INSERT INTO event_name (name) VALUES (?) RETURNING id")
        .map_err(|e| db(tx, e))?;
    let mut batch = Batch::new(tx)?;
    let customer_col = ctx.cols.get("customer_id").unwrap_or(0);
    let repeat_col = ctx.cols.get("event").unwrap_or(customer_col);
    let (customer_slot, at_slot) = (ctx.slot("customer_id"), ctx.slot("timestamp"));
    let (event_slot, value_slot) = (ctx.slot("event"), ctx.slot("value"));
    let per_row = if opts.wide { ctx.cols.rest.len() } else { 1 };
    let mut stored = 0u64;
    let mut counts = drive(source, ctx, problems, cancel, progress, |r| {
        dedup.make_room(&path, per_row, limit)?;
        let customer = r.text(customer_slot);
        let at = r.date(at_slot);
        // Long files have one event per row; wide files one per filled metric column.
        let mut wide: Vec<(usize, f64)> = Vec::new();
        let mut long = None;
        if opts.wide {
            for &i in &ctx.cols.rest {
                if let Some(v) = r.number_at(i, false, false, &ctx.headers[i]) {
                    wide.push((i, v));
                }
            }
        } else {
            let name = r.text(event_slot);
            let value = r.number(value_slot).unwrap_or(1.0);
            long = name.map(|n| (n, value));
        }
        let (Some(customer), Some(at)) = (customer, at) else {
            return Ok(Stored::No);
        };
        let Some(key) = r.known_customer(&customers, &customer, customer_col) else {
            return Ok(Stored::No);
        };
        if r.has_error() {
            return Ok(Stored::No);
        }
        let mut any = false;
        let events = long.into_iter().chain(
            wide.into_iter()
                .map(|(i, v)| (Cow::Borrowed(ctx.headers[i].as_str()), v)),
        );
        for (name, value) in events {
            let id = match names.get(name.as_ref()) {
                Some(&id) => id,
                None => {
                    let id: i64 = new_name
                        .query_row([name.as_ref()], |row| row.get(0))
                        .map_err(|e| db(tx, e))?;
                    names.insert(name.into_owned(), id);
                    id
                }
            };
            let event = (key as u32, id as u32, at, value.to_bits());
            let verdict = match dedup.insert(event, r.row.number)? {
                Some(verdict) => verdict,
                None => {
                    // This customer's events went back in time: from here on, compare with
                    // every event, including those written so far.
                    batch.write(tx)?;
                    dedup = Dedup::stored(tx, &path, limit)?;
                    let verdict = dedup.insert(event, r.row.number)?;
                    verdict.unwrap_or(Verdict::Later)
                }
            };
            match verdict {
                Verdict::Repeat => {
                    r.problem(repeat_col, ProblemKind::DuplicateEvent, REPEAT);
                    continue;
                }
                Verdict::New => batch.push(tx, (key, at, id, value))?,
                Verdict::Later => {}
            }
            stored += 1;
            any = true;
        }
        Ok(if any { Stored::New } else { Stored::No })
    })?;
    batch.write(tx)?;
    if let Dedup::Spilled(spill) = dedup
        && !counts.cancelled
    {
        let first = crate::data::report::EXAMPLES;
        let start = Instant::now();
        let mut last: Option<Instant> = None;
        let rows = counts.rows;
        let mut checked = |done, total| {
            if done == total || last.is_none_or(|t| t.elapsed() >= Duration::from_millis(100)) {
                last = Some(Instant::now());
                progress(Progress {
                    step: ImportStep::Checking,
                    rows,
                    done,
                    total,
                    seconds: start.elapsed().as_secs_f64(),
                });
            }
        };
        let repeats = spill.finish(first, cancel, &mut checked, &mut |(c, n, at, v)| {
            batch.push(tx, (i64::from(c), at, i64::from(n), f64::from_bits(v)))
        })?;
        batch.write(tx)?;
        counts.cancelled = repeats.cancelled || cancel.load(Ordering::Relaxed);
        stored -= repeats.count;
        counts.skipped += repeats.rows;
        // Named as a repeat found while reading is named: the event, or in a wide file
        // the customer.
        let value = |(customer, name, ..): dedup::Event| {
            let wanted = if opts.wide {
                i64::from(customer)
            } else {
                i64::from(name)
            };
            let map = if opts.wide { &customers } else { &names };
            map.iter()
                .find(|&(_, &v)| v == wanted)
                .map(|(k, _)| k.clone())
                .unwrap_or_default()
        };
        for &(row, event) in &repeats.first {
            problems.add(RowProblem {
                row,
                column: ctx.headers.get(repeat_col).cloned().unwrap_or_default(),
                value: value(event),
                kind: ProblemKind::DuplicateEvent,
                message: REPEAT.to_owned(),
            });
        }
        problems.add_count(
            ProblemKind::DuplicateEvent,
            repeats.count - repeats.first.len() as u64,
        );
    }
    // Events, not rows: a wide row holds several.
    counts.imported = if counts.cancelled { 0 } else { stored };
    Ok(counts)
}

const REPEAT: &str =
    "the same event (customer, time, event, value) is already stored or on an earlier row";

/// Events waiting to be written, many to a statement.
struct Batch<'c> {
    rows: Vec<(i64, i64, i64, f64)>,
    many: rusqlite::Statement<'c>,
    single: rusqlite::Statement<'c>,
}

impl<'c> Batch<'c> {
    fn new(tx: &'c Transaction<'_>) -> Result<Batch<'c>> {
        let one = "(?, ?, ?, ?)";
        let insert = "INSERT INTO event (customer, at, name, value) VALUES";
        Ok(Batch {
            rows: Vec::with_capacity(BATCH),
            many: tx
                .prepare(&format!("{insert} {}", vec![one; BATCH].join(", ")))
                .map_err(|e| db(tx, e))?,
            single: tx
                .prepare(&format!("{insert} {one}"))
                .map_err(|e| db(tx, e))?,
        })
    }

    fn push(&mut self, tx: &Transaction<'_>, event: (i64, i64, i64, f64)) -> Result<()> {
        self.rows.push(event);
        if self.rows.len() == BATCH {
            self.write(tx)?;
        }
        Ok(())
    }

    /// Writes the events: a full batch in one statement, a partial one row by row.
    fn write(&mut self, tx: &Transaction<'_>) -> Result<()> {
        let chunk = if self.rows.len() == BATCH { BATCH } else { 1 };
        for rows in self.rows.chunks(chunk) {
            let stmt = if chunk == BATCH {
                &mut self.many
            } else {
                &mut self.single
            };
            let bound = rows.iter().enumerate().try_for_each(|(k, (c, at, n, v))| {
                stmt.raw_bind_parameter(k * 4 + 1, c)?;
                stmt.raw_bind_parameter(k * 4 + 2, at)?;
                stmt.raw_bind_parameter(k * 4 + 3, n)?;
                stmt.raw_bind_parameter(k * 4 + 4, v)
            });
            bound
                .and_then(|_| stmt.raw_execute())
                .map_err(|e| db(tx, e))?;
        }
        self.rows.clear();
        Ok(())
    }
}

fn import_stakeholders(
    tx: &Transaction<'_>,
    source: &mut Source,
    ctx: &Ctx<'_>,
    problems: &mut Collector,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(Progress),
) -> Result<Counts> {
    let customers = customer_keys(tx)?;
    let mut existing: HashSet<(i64, String)> =
        collect(tx, "SELECT customer, name FROM stakeholder", |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?;
    let keys: Vec<&'static str> = mapping::fields(Table::Stakeholders)
        .iter()
        .map(|f| f.key)
        .filter(|k| !matches!(*k, "customer_id" | "name") && ctx.cols.get(k).is_some())
        .collect();
    let mut cols = vec!["customer", "name"];
    cols.extend(&keys);
    let updates: Vec<String> = keys.iter().map(|k| format!("{k} = excluded.{k}")).collect();
    let sql = format!(
        "INSERT INTO stakeholder ({}) VALUES ({}) ON CONFLICT(customer, name) DO {}",
        cols.join(", "),
        vec!["?"; cols.len()].join(", "),
        if updates.is_empty() {
            "NOTHING".to_owned()
        } else {
            format!("UPDATE SET {}", updates.join(", "))
        }
    );
    let mut stmt = tx.prepare(&sql).map_err(|e| db(tx, e))?;
    let customer_col = ctx.cols.get("customer_id").unwrap_or(0);
    let (customer_slot, name_slot) = (ctx.slot("customer_id"), ctx.slot("name"));
    let slots: Vec<(&str, Option<Slot>)> = keys.iter().map(|k| (*k, ctx.slot(k))).collect();
    drive(source, ctx, problems, cancel, progress, |r| {
        let customer = r.text(customer_slot);
        let name = r.text(name_slot);
        let mut values: Vec<Value> = Vec::with_capacity(keys.len());
        for &(k, slot) in &slots {
            values.push(match k {
                "title" => opt_text(r.text(slot)),
                "decision_maker" => r
                    .flag(slot)
                    .map_or(Value::Null, |b| Value::Integer(b.into())),
                _ => opt_real(r.number(slot)),
            });
        }
        let (Some(customer), Some(name)) = (customer, name) else {
            return Ok(Stored::No);
        };
        let Some(key) = r.known_customer(&customers, &customer, customer_col) else {
            return Ok(Stored::No);
        };
        if r.has_error() {
            return Ok(Stored::No);
        }
        let mut params: Vec<Value> = vec![Value::Integer(key), Value::Text(name.to_string())];
        params.extend(values);
        stmt.execute(rusqlite::params_from_iter(params))
            .map_err(|e| db(tx, e))?;
        Ok(if existing.insert((key, name.into_owned())) {
            Stored::New
        } else {
            Stored::Updated
        })
    })
}
