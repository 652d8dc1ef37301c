//! The workspace database: one SQLite file holding journeys (and, later, customer data).
//!
//! Every connection gets WAL, `synchronous=NORMAL`, foreign keys and a busy handler that
//! waits for other writers. Migrations are compiled in and run in one transaction, after a
//! backup. Before anything is written, the file is checked (`guard`): another
//! application's database, a damaged file, or one from a newer version is refused untouched.

pub mod backup;
mod benchmarks;
mod customers;
pub(crate) mod event_copy;
mod guard;
mod import;
mod journeys;
mod salvage;
mod scores;
mod settings;
mod summary;
mod versions;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{M, Migrations};

pub use customers::{CustomerDetail, CustomerRow, Stakeholder, TimelineEvent};
pub use event_copy::CopyState;
pub use guard::{APPLICATION_ID, on_long_wait};
pub use journeys::{JourneySummary, SaveOutcome, StoredJourney};
pub use salvage::{Salvage, SalvagedTable, salvage, salvage_in_place};
pub use scores::Rescore;
pub use summary::{DataSummary, TableSummary};
pub use versions::Version;

use crate::{Error, Result};

static MIGRATIONS: LazyLock<Migrations<'static>> = LazyLock::new(|| {
    Migrations::new(vec![
        M::up(include_str!("migrations/001_journeys.sql")),
        M::up(include_str!("migrations/002_journey_revision.sql")),
        M::up(include_str!("migrations/003_customer_data.sql")),
        M::up(include_str!("migrations/004_score_history.sql")),
        M::up(include_str!("migrations/005_journey_versions.sql")),
        M::up(include_str!("migrations/006_journey_agenda.sql")),
        M::up(include_str!("migrations/007_journey_workshop.sql")),
        M::up(include_str!("migrations/008_journey_value.sql")),
        M::up(include_str!("migrations/009_benchmarks.sql")),
        M::up(include_str!("migrations/010_settings.sql")),
        M::up(include_str!("migrations/011_event_copy.sql")),
    ])
});

/// The number of the newest schema this version knows.
const SCHEMA_VERSION: i64 = 11;

/// Environment variable that points the CLI and the app at another database file.
pub const DB_ENV: &str = "MILEPOST_DB";

/// The workspace to open: the one named on the command line, else `MILEPOST_DB`, else
/// the default. The CLI and the desktop app both decide through here.
pub fn resolve_path(explicit: Option<PathBuf>) -> PathBuf {
    explicit
        .or_else(|| {
            std::env::var_os(DB_ENV)
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
        })
        .unwrap_or_else(default_path)
}

/// The default database: `milepost.sqlite3` in the OS's app-data directory (on Linux
/// `~/.local/share/app.milepost/`).
pub fn default_path() -> PathBuf {
    directories::BaseDirs::new()
        .map(|d| d.data_dir().join("app.milepost"))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("milepost.sqlite3")
}

/// An open workspace database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Set when this user may only read the workspace: every write is refused.
    read_only: Option<guard::ReadOnly>,
}

impl Store {
    /// Opens (creating if needed) the workspace at `path` and brings its schema up to date.
    ///
    /// Refused untouched: a path that is not a regular file, a file that is not SQLite,
    /// another application's database, a damaged workspace, one from a newer Milepost.
    /// A new workspace is made only where no file (or an empty one) is.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        guard::regular_file(path)?;
        if let Some(why) = guard::ReadOnly::of(path) {
            return Self::open_read_only(path, why);
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| db_error(path, e))?;
        Self::setup(conn, path.to_owned())
    }

    /// Opens a workspace this user may only read. Nothing is changed in it, nor beside
    /// it: in a read-only folder no other program can write it either (SQLite could not
    /// keep its journal there), so it is read as unchanging, without the lock files.
    fn open_read_only(path: &Path, why: guard::ReadOnly) -> Result<Self> {
        let mut uri = String::from("file:");
        for c in path.to_string_lossy().chars() {
            match c {
                '%' => uri.push_str("%25"),
                '?' => uri.push_str("%3f"),
                '#' => uri.push_str("%23"),
                c => uri.push(c),
            }
        }
        uri.push_str("?mode=ro");
        if why == guard::ReadOnly::Folder {
            uri.push_str("&immutable=1");
        }
        let conn = Connection::open_with_flags(
            &uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| db_error(path, e))?;
        conn.busy_handler(Some(guard::busy))
            .map_err(|e| db_error(path, e))?;
        match guard::identify(&conn, path)? {
            guard::Kind::Milepost { version } if version > SCHEMA_VERSION => {
                Err(Error::NewerDatabase {
                    path: path.to_owned(),
                    found: version,
                    supported: SCHEMA_VERSION,
                })
            }
            guard::Kind::Milepost { version } if version == SCHEMA_VERSION => {
                guard::quick_check_at_open(&conn, path)?;
                Ok(Self {
                    conn,
                    path: path.to_owned(),
                    read_only: Some(why),
                })
            }
            // An older workspace needs its tables updated, an empty file its tables made.
            _ => Err(Error::ReadOnly {
                path: path.to_owned(),
                why: format!(
                    "{}, and this version of Milepost must first update its tables",
                    why.why()
                ),
            }),
        }
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| db_error(&path, e))?;
        Self::setup(conn, path)
    }

    fn setup(conn: Connection, path: PathBuf) -> Result<Self> {
        let fail = |e: rusqlite::Error| db_error(&path, e);
        conn.busy_handler(Some(guard::busy)).map_err(fail)?;
        guard::writable(&path)?;
        // Everything up to the WAL switch only reads: a refused file stays as it was.
        let kind = guard::identify(&conn, &path)?;
        if let guard::Kind::Milepost { version } = kind {
            if version > SCHEMA_VERSION {
                return Err(Error::NewerDatabase {
                    path,
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            guard::quick_check_at_open(&conn, &path)?;
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        let store = Self {
            conn,
            path,
            read_only: None,
        };
        if let guard::Kind::Milepost { version } = kind
            && version < SCHEMA_VERSION
        {
            store.backup(backup::Reason::BeforeUpgrade)?;
        }
        let Self {
            mut conn,
            path,
            read_only,
        } = store;
        migrate(&mut conn, &path)?;
        Ok(Self {
            conn,
            path,
            read_only,
        })
    }

    /// Where this database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        |e| db_error(&self.path, e)
    }

    /// Refuses to write to a workspace found damaged, or one this user may only read.
    fn writable(&self) -> Result<()> {
        if let Some(why) = self.read_only {
            return Err(why.error(&self.path));
        }
        guard::writable(&self.path)
    }

    /// When this workspace can only be read: that, and why, in words.
    pub fn read_only(&self) -> Option<String> {
        self.read_only.map(|r| {
            format!(
                "Read only: {}. Changes cannot be saved; copy the workspace to a folder you can write to.",
                r.why()
            )
        })
    }

    /// Starts a write: refused on a workspace found damaged or read-only, and
    /// `IMMEDIATE`, so the write lock is taken (waiting for other writers) before anything
    /// is read.
    fn write(&mut self) -> Result<rusqlite::Transaction<'_>> {
        self.writable()?;
        let path = &self.path;
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| db_error(path, e))
    }
}

/// Brings the schema up to date in one transaction, and marks the file as Milepost's.
fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    MIGRATIONS.to_latest(conn).map_err(|e| Error::Database {
        path: path.to_owned(),
        message: format!("could not update the workspace's tables (it was not changed): {e}"),
    })?;
    let id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|e| db_error(path, e))?;
    if id != APPLICATION_ID {
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| db_error(path, e))?;
    }
    Ok(())
}

fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    if guard::is_damage(&e) {
        let known_workspace = !backup::list(path).unwrap_or_default().is_empty();
        let not_sqlite = matches!(&e, rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::NotADatabase);
        if not_sqlite && !known_workspace {
            return Error::Database {
                path: path.to_owned(),
                message: "is not a Milepost workspace (not an SQLite file); it was not changed"
                    .to_owned(),
            };
        }
        return guard::damaged(path, format!("SQLite reports: {e}"));
    }
    if let rusqlite::Error::SqliteFailure(f, _) = &e
        && matches!(
            f.code,
            rusqlite::ErrorCode::DiskFull | rusqlite::ErrorCode::SystemIoFailure
        )
    {
        return Error::Database {
            path: path.to_owned(),
            message: "could not be written: the disk is full (or the file may not grow, or the disk failed). Nothing was changed; free some space and try again".to_owned(),
        };
    }
    if let rusqlite::Error::SqliteFailure(f, _) = &e
        && f.code == rusqlite::ErrorCode::ReadOnly
    {
        return Error::ReadOnly {
            path: path.to_owned(),
            why: "the file or its folder is read-only".to_owned(),
        };
    }
    if let rusqlite::Error::SqliteFailure(f, _) = &e
        && f.code == rusqlite::ErrorCode::DatabaseBusy
    {
        return Error::Busy {
            path: path.to_owned(),
            seconds: guard::WAIT_LIMIT.as_secs(),
        };
    }
    Error::Database {
        path: path.to_owned(),
        message: e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid_and_match_the_schema_version() {
        MIGRATIONS.validate().unwrap();
        let store = Store::open_in_memory().unwrap();
        let v: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }

    #[test]
    fn a_database_from_the_first_version_is_upgraded_keeping_its_journeys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v1.sqlite3");
        let mut conn = Connection::open(&path).unwrap();
        Migrations::new(vec![M::up(include_str!("migrations/001_journeys.sql"))])
            .to_latest(&mut conn)
            .unwrap();
        conn.execute("INSERT INTO journey (name) VALUES ('Kept')", [])
            .unwrap();
        drop(conn);
        let store = Store::open(&path).unwrap();
        let list = store.list_journeys().unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "Kept");
        assert_eq!(store.journey_revision(list[0].id).unwrap(), 0);
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        Store::open(&path).unwrap();
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        drop(conn);
        let err = Store::open(&path).unwrap_err();
        assert_eq!(err.code(), crate::error::ErrorCode::NewerDatabase);
        assert!(
            err.to_string().contains("newer version of Milepost"),
            "{err}"
        );
        let conn = Connection::open(&path).unwrap();
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION + 1, "the file was not changed");
    }

    #[test]
    fn a_file_that_is_not_a_database_gets_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(
            &path,
            "this is not sqlite, just some text that is long enough".repeat(20),
        )
        .unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(
            err.to_string().contains("not a Milepost workspace"),
            "{err}"
        );
    }

    #[test]
    fn connections_use_wal_and_foreign_keys() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        let fk: i64 = store
            .conn
            .pragma_query_value(None, "foreign_keys", |r| r.get(0))
            .unwrap();
        assert_eq!((mode.as_str(), fk), ("wal", 1));
    }
}
