//! Saving what can still be read from a damaged workspace into a new one.
//!
//! SQLite stops a scan at a damaged page. Each table is read forwards until it stops, then
//! backwards from its end until it stops again, so only the rows on the damaged pages are
//! lost. Rows keep their keys (the events' file order with them); rows whose journey or
//! customer was lost are dropped, so the new workspace is whole.

use std::path::{Path, PathBuf};

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags, params_from_iter};

use super::Store;
use crate::{Error, Result};

/// The tables, parents before children, each with the key its rows are read in order of.
const TABLES: [(&str, &str); 11] = [
    ("journey", "rowid"),
    ("journey_item", "journey_id, kind, key"),
    ("journey_version", "rowid"),
    ("customer", "rowid"),
    ("event_name", "rowid"),
    ("event", "rowid"),
    ("stakeholder", "rowid"),
    ("stakeholder_change", "rowid"),
    ("import_log", "rowid"),
    ("benchmark", "rowid"),
    ("setting", "rowid"),
];

/// What a salvage saved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Salvage {
    /// The new workspace.
    #[ts(type = "string")]
    pub to: PathBuf,
    pub tables: Vec<SalvagedTable>,
}

/// One table's rows saved.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct SalvagedTable {
    pub table: String,
    #[ts(type = "number")]
    pub rows: u64,
    /// Whether every row could be read (false: some rows were on damaged pages).
    pub complete: bool,
    /// The table's rows saved, in words ("customer: 280 rows (some … are lost)").
    pub said: String,
}

impl Salvage {
    /// One line a table, for the CLI.
    pub fn lines(&self) -> Vec<String> {
        self.tables.iter().map(|t| t.said.clone()).collect()
    }
}

/// Copies what can be read of the damaged workspace at `from` into a new workspace at `to`,
/// which must not exist yet. `from` is only read.
pub fn salvage(from: &Path, to: &Path) -> Result<Salvage> {
    if to.exists() {
        return Err(Error::InvalidOption(format!(
            "{} already exists; salvage into a new file",
            to.display()
        )));
    }
    let old = Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| raw(from, e))?;
    let made = copy_all(&old, to);
    if made.is_err() {
        for side in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{side}", to.display()));
        }
    }
    made
}

fn copy_all(old: &Connection, to: &Path) -> Result<Salvage> {
    let mut store = Store::open(to)?;
    let conn = &mut store.conn;
    let fail = |e| raw(to, e);
    conn.pragma_update(None, "foreign_keys", "OFF")
        .map_err(fail)?;
    let mut tables = Vec::new();
    let tx = conn.transaction().map_err(fail)?;
    for (table, key) in TABLES {
        let columns = shared_columns(old, &tx, table);
        if columns.is_empty() {
            tables.push(SalvagedTable {
                table: table.to_owned(),
                rows: 0,
                complete: false,
                said: String::new(),
            });
            continue;
        }
        let rowid = key == "rowid";
        let mut read = columns.join(", ");
        let mut write = read.clone();
        if rowid {
            read = format!("rowid, {read}");
            write = format!("rowid, {write}");
        }
        let width = columns.len() + usize::from(rowid);
        let insert = format!(
            "INSERT OR IGNORE INTO {table} ({write}) VALUES ({})",
            vec!["?"; width].join(", ")
        );
        let mut saved = 0;
        let mut complete = true;
        for order in ["ASC", "DESC"] {
            let keys = key
                .split(", ")
                .map(|k| format!("{k} {order}"))
                .collect::<Vec<_>>()
                .join(", ");
            let sql = format!("SELECT {read} FROM {table} ORDER BY {keys}");
            let (n, whole) = copy_rows(old, &tx, &sql, &insert, width).map_err(fail)?;
            saved += n;
            if whole {
                break;
            }
            complete = false;
        }
        tables.push(SalvagedTable {
            table: table.to_owned(),
            rows: saved,
            complete,
            said: String::new(),
        });
    }
    // Rows whose parent was on a damaged page: dropped, so the new workspace is whole.
    let orphans: Vec<(String, i64)> = {
        let mut s = tx.prepare("PRAGMA foreign_key_check").map_err(fail)?;
        s.query_map([], |r| Ok((r.get(0)?, r.get::<_, Option<i64>>(1)?)))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(fail)?
            .into_iter()
            .filter_map(|(t, id)| Some((t, id?)))
            .collect()
    };
    for (table, rowid) in orphans {
        tx.execute(&format!("DELETE FROM {table} WHERE rowid = ?1"), [rowid])
            .map_err(fail)?;
    }
    tx.execute(
        "DELETE FROM journey_item WHERE journey_id NOT IN (SELECT id FROM journey)",
        [],
    )
    .map_err(fail)?;
    tx.commit().map_err(fail)?;
    conn.pragma_update(None, "foreign_keys", "ON")
        .map_err(fail)?;
    for t in &mut tables {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {}", t.table), [], |r| {
                r.get(0)
            })
            .map_err(fail)?;
        t.rows = n as u64;
        t.said = format!(
            "{}: {}{}",
            t.table.replace('_', " "),
            crate::format::counted(t.rows, "row"),
            if t.complete {
                ""
            } else {
                " (some rows were on damaged pages and are lost)"
            }
        );
    }
    Ok(Salvage {
        to: to.to_owned(),
        tables,
    })
}

/// The columns `table` has in both workspaces (none when the old one's cannot be read).
fn shared_columns(old: &Connection, new: &Connection, table: &str) -> Vec<String> {
    let names = |c: &Connection| -> Vec<String> {
        c.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .unwrap_or_default()
    };
    let had = names(old);
    names(new).into_iter().filter(|c| had.contains(c)).collect()
}

/// Copies the rows `select` reads into `insert` until the end or the first unreadable
/// page; returns how many were copied and whether the end was reached.
fn copy_rows(
    old: &Connection,
    new: &Connection,
    select: &str,
    insert: &str,
    width: usize,
) -> rusqlite::Result<(u64, bool)> {
    let Ok(mut read) = old.prepare(select) else {
        return Ok((0, false));
    };
    let mut write = new.prepare_cached(insert)?;
    let Ok(mut rows) = read.query([]) else {
        return Ok((0, false));
    };
    let mut n = 0;
    loop {
        match rows.next() {
            Ok(Some(row)) => {
                let values: rusqlite::Result<Vec<Value>> = (0..width).map(|i| row.get(i)).collect();
                let Ok(values) = values else {
                    return Ok((n, false));
                };
                n += write.execute(params_from_iter(values))? as u64;
            }
            Ok(None) => return Ok((n, true)),
            Err(_) => return Ok((n, false)),
        }
    }
}

fn raw(path: &Path, e: rusqlite::Error) -> Error {
    Error::Database {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

/// Salvages the damaged workspace in its own place: what can be read goes into a new
/// file, the damaged file is kept as a backup (returned), and the new file takes its name.
pub fn salvage_in_place(workspace: &Path) -> Result<(Salvage, super::backup::Backup)> {
    let fresh = workspace.with_extension("salvaging");
    for side in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{side}", fresh.display()));
    }
    let saved = salvage(workspace, &fresh)?;
    // The new file is closed (checkpointed) by now: it is whole in one file.
    let kept = super::backup::replace_damaged(workspace, &fresh)?;
    Ok((
        Salvage {
            to: workspace.to_owned(),
            ..saved
        },
        kept,
    ))
}
