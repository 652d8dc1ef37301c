//! What is checked before Milepost writes a byte to a file: that it is a workspace of ours
//! (or a new one), that SQLite finds it whole, and that other writers are waited for.
//!
//! Everything here only reads. A foreign, damaged or newer file is refused exactly as it was.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{LazyLock, Mutex, OnceLock};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode as SqliteCode};

use crate::{Error, Result};

/// `PRAGMA application_id` of a Milepost workspace ("MLPT"), set on every workspace from
/// this version on. Workspaces made before it are known by their `journey` tables.
pub const APPLICATION_ID: i32 = 0x4D4C_5054;

/// What a file given as a workspace turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum Kind {
    /// No tables yet: a new workspace may be made in it.
    Empty,
    /// A Milepost workspace at this schema version.
    Milepost { version: i64 },
}

/// Reads what `conn` holds and refuses a file that is not a Milepost workspace.
pub fn identify(conn: &Connection, path: &Path) -> Result<Kind> {
    let fail = |e| super::db_error(path, e);
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(fail)?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(fail)?;
    let mut stmt = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )
        .map_err(fail)?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(fail)?;
    let ours = app_id == APPLICATION_ID
        || (app_id == 0
            && version >= 1
            && tables.iter().any(|t| t == "journey")
            && tables.iter().any(|t| t == "journey_item"));
    if ours {
        return Ok(Kind::Milepost { version });
    }
    if app_id == 0 && version == 0 && tables.is_empty() {
        return Ok(Kind::Empty);
    }
    let what = if tables.is_empty() {
        format!("an empty database of version {version}")
    } else {
        let shown: Vec<&str> = tables.iter().take(5).map(String::as_str).collect();
        let more = tables.len().saturating_sub(shown.len());
        format!(
            "its tables are {}{}",
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        )
    };
    Err(Error::ForeignDatabase {
        path: path.to_owned(),
        what,
    })
}

/// SQLite's own check of every page's structure (not of the rows' meaning): fast enough
/// to run at every open, and what tells a damaged file from a sound one.
pub fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let found: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check(3)")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match found {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => Ok(()),
        Ok(lines) => Err(damaged(path, check_failed(&lines))),
        Err(e) => Err(super::db_error(path, e)),
    }
}

/// `quick_check` when a workspace is opened, skipped when this very file (and its WAL) has
/// not changed since it last passed: the check reads every page (a tenth of a second for
/// 30 MB, a second for 300 MB), and a workspace opened again unchanged is the file that
/// passed. What passed is remembered by device, inode, size and modification time in
/// Milepost's cache folder (`checked`), never beside or in the workspace.
pub fn quick_check_at_open(conn: &Connection, path: &Path) -> Result<()> {
    let stamp = checked::stamp(path);
    if stamp.as_ref().is_some_and(checked::known) {
        return Ok(());
    }
    quick_check(conn, path)?;
    if let Some(stamp) = stamp {
        checked::remember(&stamp);
    }
    Ok(())
}

mod checked {
    use std::os::unix::fs::MetadataExt;
    use std::path::{Path, PathBuf};

    /// Workspaces remembered; the oldest are forgotten.
    const KEPT: usize = 64;

    /// What identifies one state of a workspace file: its path (hashed), and the device,
    /// inode, size and modification time of the file and of its WAL.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Stamp {
        key: String,
        state: String,
    }

    pub fn stamp(path: &Path) -> Option<Stamp> {
        let path = std::fs::canonicalize(path).ok()?;
        let file = std::fs::metadata(&path).ok()?;
        let mut wal = path.clone().into_os_string();
        wal.push("-wal");
        // An empty WAL (SQLite empties it as the last connection closes) holds nothing.
        let wal = std::fs::metadata(wal)
            .ok()
            .filter(|m| m.len() > 0)
            .map_or_else(
                || "-".to_owned(),
                |m| {
                    format!(
                        "{} {} {}",
                        m.ino(),
                        m.len(),
                        m.mtime() * 1_000_000_000 + m.mtime_nsec()
                    )
                },
            );
        let mut h = std::hash::DefaultHasher::new();
        std::hash::Hash::hash(&path, &mut h);
        Some(Stamp {
            key: format!("{:016x}", std::hash::Hasher::finish(&h)),
            state: format!(
                "{} {} {} {} {wal}",
                file.dev(),
                file.ino(),
                file.len(),
                file.mtime() * 1_000_000_000 + file.mtime_nsec()
            ),
        })
    }

    fn file() -> Option<PathBuf> {
        Some(
            directories::BaseDirs::new()?
                .cache_dir()
                .join("milepost")
                .join("checked"),
        )
    }

    fn entries() -> Vec<(String, String)> {
        let text = file()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .unwrap_or_default();
        text.lines()
            .filter_map(|l| l.split_once('\t'))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect()
    }

    pub fn known(stamp: &Stamp) -> bool {
        entries()
            .iter()
            .any(|(k, v)| *k == stamp.key && *v == stamp.state)
    }

    /// Best effort: a cache that cannot be written only means the next open checks again.
    pub fn remember(stamp: &Stamp) {
        let Some(file) = file() else { return };
        let mut all: Vec<(String, String)> = entries()
            .into_iter()
            .filter(|(k, _)| *k != stamp.key)
            .collect();
        all.push((stamp.key.clone(), stamp.state.clone()));
        let from = all.len().saturating_sub(KEPT);
        let text: String = all[from..]
            .iter()
            .map(|(k, v)| format!("{k}\t{v}\n"))
            .collect();
        let Some(dir) = file.parent() else { return };
        let temp = dir.join(format!("checked.{}", std::process::id()));
        let written = std::fs::create_dir_all(dir)
            .and_then(|()| std::fs::write(&temp, text))
            .and_then(|()| std::fs::rename(&temp, &file));
        if written.is_err() {
            let _ = std::fs::remove_file(&temp);
        }
    }
}

/// What a failed check found, in words: where, not SQLite's whole report. The first fault
/// names the page ("Tree 6 page 6: btreeInitPage() returns error code 11"); the lines
/// after it ("Page 32: never used") follow from it.
fn check_failed(report: &[String]) -> String {
    let first = report
        .iter()
        .flat_map(|r| r.lines())
        .find(|l| !l.starts_with("***") && !l.ends_with("never used"))
        .unwrap_or_default();
    let page = first
        .split_whitespace()
        .skip_while(|w| !w.eq_ignore_ascii_case("page"))
        .nth(1)
        .and_then(|n| n.trim_end_matches(':').parse::<u64>().ok());
    match page {
        Some(n) => format!("SQLite's check of the file failed at page {n}"),
        None => "SQLite's check of the file failed".to_owned(),
    }
}

/// Why this user can only read the workspace at `path`, when it exists and cannot be
/// written: SQLite keeps its journal beside the file, so the folder counts as well.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnly {
    Folder,
    File,
}

impl ReadOnly {
    pub fn of(path: &Path) -> Option<ReadOnly> {
        if !path.is_file() {
            return None;
        }
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        if !may_write(dir) {
            Some(ReadOnly::Folder)
        } else if !may_write(path) {
            Some(ReadOnly::File)
        } else {
            None
        }
    }

    pub fn why(self) -> &'static str {
        match self {
            ReadOnly::Folder => "its folder is read-only for you",
            ReadOnly::File => "the file is read-only for you",
        }
    }

    pub fn error(self, path: &Path) -> Error {
        Error::ReadOnly {
            path: path.to_owned(),
            why: self.why().to_owned(),
        }
    }
}

/// Whether this process may write `path`: its permissions for this user, and a disk
/// mounted read-only.
fn may_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        rustix::fs::access(path, rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(path).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// A file that is not a regular file (a folder, a device, a pipe) is never opened as a
/// workspace: SQLite would write beside it or into it.
pub fn regular_file(path: &Path) -> Result<()> {
    // Following a symbolic link: a link to a workspace is a fine way to name it.
    let kind = std::fs::metadata(path).ok().map(|m| m.file_type());
    match kind.and_then(crate::fs::not_regular) {
        Some(what) => Err(Error::Database {
            path: path.to_owned(),
            message: format!(
                "this is {what}, not a workspace file; nothing was written (choose a file name)"
            ),
        }),
        None => Ok(()),
    }
}

/// The error for a damaged workspace: remembers the file so that nothing writes to it
/// for the rest of this process, and says what can be done about it.
pub fn damaged(path: &Path, detail: String) -> Error {
    let mut known = DAMAGED.lock().unwrap_or_else(|p| p.into_inner());
    if !known.iter().any(|(p, _)| p == path) {
        known.push((path.to_owned(), detail.clone()));
    }
    drop(known);
    Error::Damaged {
        path: path.to_owned(),
        detail,
        remedy: super::backup::remedy(path),
    }
}

/// Files found damaged in this process, with what was found: writes to them are refused.
static DAMAGED: Mutex<Vec<(PathBuf, String)>> = Mutex::new(Vec::new());

/// Refuses to write to a workspace found damaged since this process started.
pub fn writable(path: &Path) -> Result<()> {
    let found = DAMAGED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, detail)| detail.clone());
    match found {
        Some(detail) => Err(Error::Damaged {
            path: path.to_owned(),
            detail,
            remedy: super::backup::remedy(path),
        }),
        None => Ok(()),
    }
}

/// Forgets that `path` was damaged: it has just been replaced by a backup or a salvage.
pub fn repaired(path: &Path) {
    DAMAGED
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .retain(|(p, _)| p != path);
}

/// Whether an SQLite error means the file is damaged.
pub fn is_damage(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _)
        if matches!(f.code, SqliteCode::DatabaseCorrupt | SqliteCode::NotADatabase))
}

/// How long a writer waits for another before giving up with a message. A long import
/// holds the write lock for its whole transaction, so this is minutes, not seconds.
/// `MILEPOST_WAIT_SECONDS` shortens it (the tests).
pub static WAIT_LIMIT: LazyLock<Duration> = LazyLock::new(|| {
    Duration::from_secs(
        std::env::var("MILEPOST_WAIT_SECONDS")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(600),
    )
});

/// After this long waiting, the person is told why nothing seems to happen.
const NOTICE_AFTER: Duration = Duration::from_secs(2);

static NOTICE: OnceLock<fn()> = OnceLock::new();
static NOTICED: AtomicBool = AtomicBool::new(false);

/// Called once, the first time a write waits more than a moment for another writer (the
/// CLI prints a line; the app shows its busy state anyway).
pub fn on_long_wait(notice: fn()) {
    let _ = NOTICE.set(notice);
}

/// The sleep before retry `count` (0-based): short at first, then a steady 100 ms.
fn pause(count: i32) -> Duration {
    const STEPS: [u64; 7] = [1, 2, 5, 10, 20, 50, 100];
    Duration::from_millis(STEPS[(count.max(0) as usize).min(STEPS.len() - 1)])
}

/// How long the retries before `count` have slept together.
pub fn waited(count: i32) -> Duration {
    (0..count).map(pause).sum()
}

/// SQLite's busy handler: wait and retry while another connection writes.
pub fn busy(count: i32) -> bool {
    let so_far = waited(count);
    if so_far >= *WAIT_LIMIT {
        return false;
    }
    if so_far >= NOTICE_AFTER
        && !NOTICED.swap(true, Ordering::Relaxed)
        && let Some(notice) = NOTICE.get()
    {
        notice();
    }
    std::thread::sleep(pause(count));
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_check_is_said_by_its_page() {
        let report = vec![
            "*** in database main ***\nTree 6 page 6: btreeInitPage() returns error code 11\nPage 32: never used".to_owned(),
        ];
        assert_eq!(
            check_failed(&report),
            "SQLite's check of the file failed at page 6"
        );
        assert_eq!(
            check_failed(&["row 3 missing from index x".to_owned()]),
            "SQLite's check of the file failed"
        );
    }

    #[test]
    fn the_retries_grow_then_hold_steady_and_stop_at_the_limit() {
        assert_eq!(waited(0), Duration::ZERO);
        assert_eq!(waited(3), Duration::from_millis(8));
        assert_eq!(waited(17), Duration::from_millis(188 + 1000));
        let last = (0..).find(|&n| waited(n) >= *WAIT_LIMIT).unwrap();
        assert!(waited(last) < *WAIT_LIMIT + Duration::from_millis(101));
    }
}
