//! Backups of the workspace: whole copies made with SQLite's online backup API (a
//! consistent copy even while another window writes), kept in a `backups/` folder beside
//! the workspace, the newest few kept.
//!
//! A backup is one file, `backups/<workspace>.<id>.<reason>.sqlite3`, so what it is can
//! never disagree with a separate list: the id is the time it was made (UTC,
//! `YYYYMMDD-HHMMSS`), the reason one of [`Reason`]. A backup is written under a hidden
//! name and renamed when whole, so a crash never leaves half a backup that looks whole.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use rusqlite::{Connection, OpenFlags};

use super::{Store, guard};
use crate::{Error, Result};

/// How many backups are kept unless the workspace says otherwise.
pub const DEFAULT_KEEP: usize = 10;
const KEEP_SETTING: &str = "backup.keep";
const ID_FORMAT: &str = "%Y%m%d-%H%M%S";

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "BackupReason")]
pub enum Reason {
    /// Asked for (`milepost backup create`, the Backups panel).
    Manual,
    /// Before customer data or benchmarks were imported.
    BeforeImport,
    /// Before a backup was restored over the workspace.
    BeforeRestore,
    /// Before a newer Milepost upgraded the workspace's tables.
    BeforeUpgrade,
    /// Once a day while the app runs.
    Daily,
    /// A byte-for-byte copy of a damaged workspace, kept when it was replaced. Never
    /// offered as the backup to restore.
    Damaged,
}

impl Reason {
    const ALL: [Reason; 6] = [
        Reason::Manual,
        Reason::BeforeImport,
        Reason::BeforeRestore,
        Reason::BeforeUpgrade,
        Reason::Daily,
        Reason::Damaged,
    ];

    /// The reason as it appears in the file name.
    fn slug(self) -> &'static str {
        match self {
            Reason::Manual => "manual",
            Reason::BeforeImport => "before-import",
            Reason::BeforeRestore => "before-restore",
            Reason::BeforeUpgrade => "before-upgrade",
            Reason::Daily => "daily",
            Reason::Damaged => "damaged",
        }
    }

    /// The reason in words, for lists people read.
    pub fn words(self) -> &'static str {
        match self {
            Reason::Manual => "made by hand",
            Reason::BeforeImport => "before an import",
            Reason::BeforeRestore => "before a restore",
            Reason::BeforeUpgrade => "before an upgrade",
            Reason::Daily => "daily",
            Reason::Damaged => "the damaged workspace, as it was",
        }
    }
}

/// One backup, as `milepost backup list --json` prints it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct Backup {
    /// Its id: the time it was made, UTC (`20261207-141049`).
    pub id: String,
    /// When it was made, RFC 3339 UTC.
    pub created_at: String,
    pub reason: Reason,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// When it was made, as a Unix timestamp.
    #[serde(skip)]
    #[ts(skip)]
    pub at: i64,
    /// The file.
    #[serde(skip)]
    #[ts(skip)]
    pub path: PathBuf,
}

/// One backup as the Backups dialog lists it: the core's words for when and why.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct BackupRow {
    pub id: String,
    /// When it was made, for people ("2026-12-07 14:10 UTC").
    pub made: String,
    /// Why it was made, in words.
    pub why: String,
    /// Its size, for people ("1.2 MB").
    pub size: String,
    /// False for the kept copy of a damaged workspace: never offered to restore.
    pub restorable: bool,
}

impl From<&Backup> for BackupRow {
    fn from(b: &Backup) -> Self {
        Self {
            id: b.id.clone(),
            made: crate::format::date_time(b.at),
            why: b.reason.words().to_owned(),
            size: crate::format::bytes(b.bytes),
            restorable: b.reason != Reason::Damaged,
        }
    }
}

/// Whether the workspace opens, and if not, why and which backup could replace it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
pub struct WorkspaceStatus {
    pub path: String,
    /// Why the workspace cannot be opened (damaged, another application's file, newer).
    pub problem: Option<crate::error::ErrorReport>,
    /// The newest backup that can be restored, if any.
    pub newest_backup: Option<BackupRow>,
    /// When the workspace can only be read: that, and why.
    pub read_only: Option<String>,
}

/// The folder backups of `workspace` go into.
pub fn folder(workspace: &Path) -> PathBuf {
    workspace
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("backups")
}

fn stem(workspace: &Path) -> String {
    workspace
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .trim_end_matches(".sqlite3")
        .to_owned()
}

/// The backups of `workspace`, newest first. Works without opening the workspace, so a
/// damaged one can still be offered its backups.
pub fn list(workspace: &Path) -> Result<Vec<Backup>> {
    let dir = folder(workspace);
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => return Err(Error::Io { path: dir, source }),
    };
    let prefix = format!("{}.", stem(workspace));
    let mut found: Vec<(NaiveDateTime, u32, Backup)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&prefix)?.strip_suffix(".sqlite3")?;
            let (id, slug) = rest.rsplit_once('.')?;
            let reason = Reason::ALL.into_iter().find(|r| r.slug() == slug)?;
            let (stamp, n) = match id.split_once('.') {
                Some(_) => return None,
                None => match id.get(15..) {
                    Some(tail) if tail.starts_with('-') => (&id[..15], tail[1..].parse().ok()?),
                    Some("") => (id, 1),
                    _ => return None,
                },
            };
            let at = NaiveDateTime::parse_from_str(stamp, ID_FORMAT).ok()?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some((
                at,
                n,
                Backup {
                    id: id.to_owned(),
                    created_at: at
                        .and_utc()
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    reason,
                    bytes: meta.len(),
                    at: at.and_utc().timestamp(),
                    path: e.path(),
                },
            ))
        })
        .collect();
    found.sort_by_key(|b| std::cmp::Reverse((b.0, b.1)));
    Ok(found.into_iter().map(|(_, _, b)| b).collect())
}

/// The newest backup that can be restored (not a copy of a damaged workspace).
pub fn newest_good(workspace: &Path) -> Option<Backup> {
    list(workspace)
        .ok()?
        .into_iter()
        .find(|b| b.reason != Reason::Damaged)
}

/// What to do about a damaged workspace, in words: restore the newest backup, else salvage.
pub fn remedy(workspace: &Path) -> String {
    match newest_good(workspace) {
        Some(b) => format!(
            "The newest backup is {} ({}, {}); restore it with `milepost backup restore {}` or from the app.",
            b.id,
            crate::format::date_time(b.at),
            b.reason.words(),
            b.id
        ),
        None => "There is no backup of it; `milepost salvage` saves what can still be read into a new workspace.".to_owned(),
    }
}

/// A name for a new backup of `workspace` made now for `reason`: its id sorts after every
/// backup made before it, even within the same second.
fn new_name(workspace: &Path, reason: Reason) -> (String, PathBuf) {
    let stamp = Utc::now().format(ID_FORMAT).to_string();
    let dir = folder(workspace);
    let last = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(&format!("{}.{stamp}", stem(workspace)))?;
            Some(match rest.strip_prefix('-') {
                Some(tail) => tail.split('.').next()?.parse::<u32>().ok()?,
                None => 1,
            })
        })
        .max();
    let id = match last {
        None => stamp,
        Some(n) => format!("{stamp}-{}", n + 1),
    };
    let path = dir.join(file_name(workspace, &id, reason));
    (id, path)
}

fn file_name(workspace: &Path, id: &str, reason: Reason) -> String {
    format!("{}.{id}.{}.sqlite3", stem(workspace), reason.slug())
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes a backup: `fill` writes the file under a hidden name of this process's own in
/// the backups folder; it is flushed, then linked in under its name only when whole, and
/// never over another file (two programs backing up in the same second each keep their
/// own: the later takes the next id). On failure (a full disk) nothing is left.
fn write_whole(
    workspace: &Path,
    reason: Reason,
    fill: impl FnOnce(&Path) -> Result<()>,
) -> Result<(String, PathBuf)> {
    let (first, path) = new_name(workspace, reason);
    let dir = path.parent().expect("a backup has a folder");
    // A folder that cannot be written is said so before SQLite tries, in its own words.
    std::fs::create_dir_all(dir)
        .and_then(|()| tempfile::tempfile_in(dir).map(drop))
        .map_err(|e| crate::fs::write_error(dir, e))?;
    let partial = dir.join(format!(
        ".{}.{}.partial",
        path.file_name().expect("named").to_string_lossy(),
        std::process::id()
    ));
    let _ = std::fs::remove_file(&partial);
    let done = fill(&partial).and_then(|()| {
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(io(&partial))?;
        let (stamp, from) = match first.get(16..) {
            Some(n) => (&first[..15], n.parse::<u32>().unwrap_or(1)),
            None => (first.as_str(), 1),
        };
        for n in from.. {
            let id = if n == 1 {
                stamp.to_owned()
            } else {
                format!("{stamp}-{n}")
            };
            let target = dir.join(file_name(workspace, &id, reason));
            match std::fs::hard_link(&partial, &target) {
                Ok(()) => return Ok((id, target)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(source) => {
                    return Err(Error::Io {
                        path: target,
                        source,
                    });
                }
            }
        }
        unreachable!("some id is free")
    });
    let _ = std::fs::remove_file(&partial);
    done
}

/// Copies the database behind `from` into a new file at `to` with the online backup API.
fn copy_database(from: &Connection, to: &Path) -> Result<()> {
    let fail = |e| super::db_error(to, e);
    let mut dst = Connection::open(to).map_err(fail)?;
    {
        let b = rusqlite::backup::Backup::new(from, &mut dst).map_err(fail)?;
        // All pages in one step: one consistent snapshot, whatever other windows write.
        b.step(-1).map_err(fail)?;
    }
    dst.pragma_update(None, "journal_mode", "DELETE")
        .map_err(fail)?;
    dst.close().map_err(|(_, e)| fail(e))
}

/// Deletes the oldest backups beyond `keep`, and what killed programs left half-written.
fn prune(workspace: &Path, keep: usize) -> Result<()> {
    for old in list(workspace)?.into_iter().skip(keep.max(1)) {
        std::fs::remove_file(&old.path).map_err(io(&old.path))?;
    }
    sweep_partials(workspace);
    Ok(())
}

/// Removes the hidden files of backups whose program is gone (killed while writing, or
/// the machine lost power); a running program's are left alone.
fn sweep_partials(workspace: &Path) {
    let Ok(entries) = std::fs::read_dir(folder(workspace)) else {
        return;
    };
    let prefix = format!(".{}.", stem(workspace));
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let pid = name
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".partial"))
            .and_then(|rest| rest.rsplit_once('.'))
            .and_then(|(_, pid)| pid.parse::<u32>().ok());
        if let Some(pid) = pid
            && pid != std::process::id()
            && !running(pid)
        {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// Whether process `pid` runs; where that cannot be told, it is taken to run.
fn running(pid: u32) -> bool {
    !cfg!(target_os = "linux") || Path::new("/proc").join(pid.to_string()).exists()
}

/// Checks that the file at `path` is a sound Milepost workspace this version can open.
fn check_restorable(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| super::db_error(path, e))?;
    guard::quick_check(&conn, path)?;
    match guard::identify(&conn, path)? {
        guard::Kind::Milepost { version } if version > super::SCHEMA_VERSION => {
            Err(Error::NewerDatabase {
                path: path.to_owned(),
                found: version,
                supported: super::SCHEMA_VERSION,
            })
        }
        guard::Kind::Milepost { .. } => Ok(()),
        guard::Kind::Empty => Err(Error::Database {
            path: path.to_owned(),
            message: "is an empty database, not a backup of a workspace".to_owned(),
        }),
    }
}

fn find(workspace: &Path, id: &str) -> Result<Backup> {
    let all = list(workspace)?;
    all.iter().find(|b| b.id == id).cloned().ok_or_else(|| {
        Error::InvalidOption(format!(
            "there is no backup \"{id}\" of {} (see `milepost backup list`)",
            workspace.display()
        ))
    })
}

/// Restores backup `id` over the workspace at `workspace` when the workspace cannot be
/// opened (damaged): the damaged file is kept, byte for byte, as a backup of its own,
/// then the backup is copied into place. Returns the backup restored and the copy kept.
pub fn restore_over_damaged(workspace: &Path, id: &str) -> Result<(Backup, Backup)> {
    let chosen = find(workspace, id)?;
    check_restorable(&chosen.path)?;
    let replacement = workspace.with_extension("restoring");
    let _ = std::fs::remove_file(&replacement);
    let src = Connection::open_with_flags(&chosen.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| super::db_error(&chosen.path, e))?;
    let copied = copy_database(&src, &replacement);
    drop(src);
    if copied.is_err() {
        let _ = std::fs::remove_file(&replacement);
    }
    copied?;
    let kept = replace_damaged(workspace, &replacement)?;
    Ok((chosen, kept))
}

/// Puts the whole workspace file `replacement` in the place of the damaged `workspace`,
/// after keeping the damaged file, byte for byte, as a backup (returned).
pub(super) fn replace_damaged(workspace: &Path, replacement: &Path) -> Result<Backup> {
    if let Some(why) = guard::ReadOnly::of(workspace) {
        let _ = std::fs::remove_file(replacement);
        return Err(why.error(workspace));
    }
    let placed = write_whole(workspace, Reason::Damaged, |tmp| {
        std::fs::copy(workspace, tmp).map_err(io(tmp))?;
        Ok(())
    })
    .and_then(|(kept_id, _)| {
        std::fs::File::open(replacement)
            .and_then(|f| f.sync_all())
            .map_err(io(replacement))?;
        for side in ["-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{side}", workspace.display()));
            let _ = std::fs::remove_file(p);
        }
        std::fs::rename(replacement, workspace).map_err(io(workspace))?;
        Ok(kept_id)
    });
    if placed.is_err() {
        let _ = std::fs::remove_file(replacement);
    }
    let kept_id = placed?;
    guard::repaired(workspace);
    Ok(list(workspace)?
        .into_iter()
        .find(|b| b.id == kept_id)
        .expect("the copy was just written"))
}

impl Store {
    /// Makes a backup of the workspace now; returns it. Older ones beyond the kept number
    /// are deleted.
    pub fn backup(&self, reason: Reason) -> Result<Backup> {
        if self.path.as_os_str() == ":memory:" {
            return Err(Error::InvalidOption(
                "an in-memory workspace has no backups".to_owned(),
            ));
        }
        let (id, path) = write_whole(&self.path, reason, |tmp| copy_database(&self.conn, tmp))?;
        prune(&self.path, self.backup_keep()?)?;
        let bytes = std::fs::metadata(&path).map_err(io(&path))?.len();
        let at = NaiveDateTime::parse_from_str(&id[..15], ID_FORMAT).expect("our own id");
        Ok(Backup {
            id,
            created_at: at
                .and_utc()
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            reason,
            bytes,
            at: at.and_utc().timestamp(),
            path,
        })
    }

    /// A backup before work that replaces data, unless the workspace holds nothing yet
    /// (or lives in memory): there is nothing to lose then.
    pub fn backup_before(&self, reason: Reason) -> Result<Option<Backup>> {
        // Work that cannot be done needs no backup.
        self.writable()?;
        if self.path.as_os_str() == ":memory:" || self.is_empty()? {
            return Ok(None);
        }
        self.backup(reason).map(Some)
    }

    /// The daily backup, when the newest backup is a day old or there is none.
    pub fn backup_if_due(&self) -> Result<Option<Backup>> {
        // A workspace that can only be read does not change.
        if self.read_only.is_some() {
            return Ok(None);
        }
        let newest = list(&self.path)?
            .into_iter()
            .find(|b| b.reason != Reason::Damaged);
        let due = newest.is_none_or(|b| {
            DateTime::from_timestamp(b.at, 0).is_none_or(|at| Utc::now() - at >= TimeDelta::days(1))
        });
        if due {
            self.backup_before(Reason::Daily)
        } else {
            Ok(None)
        }
    }

    /// The backups of this workspace, newest first.
    pub fn backups(&self) -> Result<Vec<Backup>> {
        list(&self.path)
    }

    /// Restores backup `id` over the workspace, after backing up what it replaces.
    /// Returns the backup restored and the backup of what was replaced.
    pub fn restore_backup(&mut self, id: &str) -> Result<(Backup, Backup)> {
        self.writable()?;
        let chosen = find(&self.path, id)?;
        check_restorable(&chosen.path)?;
        let kept = self.backup(Reason::BeforeRestore)?;
        let src = Connection::open_with_flags(&chosen.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| super::db_error(&chosen.path, e))?;
        {
            let path = self.path.clone();
            let b = rusqlite::backup::Backup::new(&src, &mut self.conn)
                .map_err(|e| super::db_error(&path, e))?;
            b.step(-1).map_err(|e| super::db_error(&path, e))?;
        }
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(self.fail())?;
        super::migrate(&mut self.conn, &self.path)?;
        Ok((chosen, kept))
    }

    /// How many backups are kept (the default in a workspace from before settings).
    pub fn backup_keep(&self) -> Result<usize> {
        let set = self.setting(KEEP_SETTING).unwrap_or_default();
        Ok(set
            .and_then(|v| v.parse().ok())
            .filter(|&n: &usize| n >= 1)
            .unwrap_or(DEFAULT_KEEP))
    }

    /// Sets how many backups are kept (at least 1), deleting the oldest beyond it.
    pub fn set_backup_keep(&self, keep: usize) -> Result<()> {
        if keep == 0 {
            return Err(Error::InvalidOption(
                "at least one backup is kept".to_owned(),
            ));
        }
        self.set_setting(KEEP_SETTING, &keep.to_string())?;
        prune(&self.path, keep)
    }

    /// Whether the workspace holds no journey and no customer data.
    fn is_empty(&self) -> Result<bool> {
        self.conn
            .query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM journey) AND NOT EXISTS (SELECT 1 FROM customer)
                        AND NOT EXISTS (SELECT 1 FROM benchmark)",
                [],
                |r| r.get(0),
            )
            .map_err(self.fail())
    }
}
