//! Importing customer data into the workspace.
//!
//! An import is one transaction: the file is read, every row checked, good rows written;
//! when any row has an error (and bad rows are not to be skipped), when the person cancels,
//! or when the process dies half-way, the transaction is never committed and the
//! workspace is exactly as it was.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
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
use crate::data::{ImportOptions, ImportOutcome, Progress};
use crate::{Error, Result};

/// A fast hash for the import's lookups (customer ids, event names, and the set of stored
/// events); SipHash's protection against crafted keys is not needed for a local file.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl std::hash::Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.write_u64(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let mut tail = [0u8; 8];
        let rest = chunks.remainder();
        tail[..rest.len()].copy_from_slice(rest);
        self.write_u64(u64::from_le_bytes(tail) ^ rest.len() as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_i64(&mut self, n: i64) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        // A full avalanche (MurmurHash3's fmix64): hashbrown takes the bucket from the low
        // bits and a tag from the high ones, and both must spread well.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

type FxBuild = std::hash::BuildHasherDefault<Fx>;
type FxMap<K, V> = HashMap<K, V, FxBuild>;
type FxSet<K> = HashSet<K, FxBuild>;

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
    let customers = customer_keys(tx)?;
    let mut names: FxMap<String, i64> = collect(tx, "SELECT name, id FROM event_name", |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let empty: bool = tx
        .query_row("SELECT NOT EXISTS (SELECT 1 FROM event)", [], |r| r.get(0))
        .map_err(|e| db(tx, e))?;
    let mut dedup = if empty {
        Dedup::Ordered(FxMap::default())
    } else {
        Dedup::Full(all_events(tx)?)
    };
    let mut new_name = tx
        .prepare("INSERT INTO event_name (name) VALUES (?) RETURNING id")
        .map_err(|e| db(tx, e))?;
    let one = "(?, ?, ?, ?)";
    let mut many = tx
        .prepare(&format!(
            "INSERT INTO event (customer, at, name, value) VALUES {}",
            vec![one; BATCH].join(", ")
        ))
        .map_err(|e| db(tx, e))?;
    let mut single = tx
        .prepare(&format!(
            "INSERT INTO event (customer, at, name, value) VALUES {one}"
        ))
        .map_err(|e| db(tx, e))?;
    let mut batch: Vec<(i64, i64, i64, f64)> = Vec::with_capacity(BATCH);
    let write = write_events;
    let customer_col = ctx.cols.get("customer_id").unwrap_or(0);
    let (customer_slot, at_slot) = (ctx.slot("customer_id"), ctx.slot("timestamp"));
    let (event_slot, value_slot) = (ctx.slot("event"), ctx.slot("value"));
    let mut stored = 0u64;
    let mut counts = drive(source, ctx, problems, cancel, progress, |r| {
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
            let fresh = match dedup.insert(event) {
                Some(fresh) => fresh,
                None => {
                    // This customer's events went back in time: from here on, compare with
                    // every event, including those written so far.
                    write(&mut batch, &mut many, &mut single).map_err(|e| db(tx, e))?;
                    let mut all = all_events(tx)?;
                    let fresh = all.insert(event);
                    dedup = Dedup::Full(all);
                    fresh
                }
            };
            if !fresh {
                r.problem(
                    ctx.cols.get("event").unwrap_or(customer_col),
                    ProblemKind::DuplicateEvent,
                    "the same event (customer, time, event, value) is already stored or on an earlier row",
                );
                continue;
            }
            batch.push((key, at, id, value));
            stored += 1;
            any = true;
            if batch.len() == BATCH {
                write(&mut batch, &mut many, &mut single).map_err(|e| db(tx, e))?;
            }
        }
        Ok(if any { Stored::New } else { Stored::No })
    })?;
    write(&mut batch, &mut many, &mut single).map_err(|e| db(tx, e))?;
    // Events, not rows: a wide row holds several.
    counts.imported = if counts.cancelled { 0 } else { stored };
    Ok(counts)
}

/// Writes a batch of events: a full one in one statement, a partial one row by row.
fn write_events<'c>(
    batch: &mut Vec<(i64, i64, i64, f64)>,
    many: &mut rusqlite::Statement<'c>,
    single: &mut rusqlite::Statement<'c>,
) -> rusqlite::Result<()> {
    let chunk = if batch.len() == BATCH { BATCH } else { 1 };
    for rows in batch.chunks(chunk) {
        let stmt = if chunk == BATCH {
            &mut *many
        } else {
            &mut *single
        };
        for (k, (c, at, n, v)) in rows.iter().enumerate() {
            stmt.raw_bind_parameter(k * 4 + 1, c)?;
            stmt.raw_bind_parameter(k * 4 + 2, at)?;
            stmt.raw_bind_parameter(k * 4 + 3, n)?;
            stmt.raw_bind_parameter(k * 4 + 4, v)?;
        }
        stmt.raw_execute()?;
    }
    batch.clear();
    Ok(())
}

/// Finds exact repeats of events (same customer, event, time and value).
enum Dedup {
    /// While each customer's events come in time order (files sorted by customer or by
    /// time), a repeat can only be among that customer's events at its latest time: a
    /// small set per customer, which stays in cache. Exact, and fast for big files.
    Ordered(FxMap<u32, (i64, Vec<(u32, u64)>)>),
    /// Every event stored: when appending to stored events, or once a file's order is
    /// not that.
    Full(FxSet<(u32, u32, i64, u64)>),
}

impl Dedup {
    /// True for a new event, false for a repeat; None when the order assumption broke.
    fn insert(&mut self, (customer, name, at, value): (u32, u32, i64, u64)) -> Option<bool> {
        match self {
            Dedup::Full(set) => Some(set.insert((customer, name, at, value))),
            Dedup::Ordered(latest) => {
                let (t, seen) = latest.entry(customer).or_insert((at, Vec::new()));
                if at > *t {
                    *t = at;
                    seen.clear();
                } else if at < *t {
                    return None;
                }
                if seen.contains(&(name, value)) {
                    Some(false)
                } else {
                    seen.push((name, value));
                    Some(true)
                }
            }
        }
    }
}

/// Every stored event (in this transaction too), as the dedup key.
fn all_events(tx: &Transaction<'_>) -> Result<FxSet<(u32, u32, i64, u64)>> {
    collect(tx, "SELECT customer, name, at, value FROM event", |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, f64>(3)?.to_bits(),
        ))
    })
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
