//! The workspace database: one SQLite file holding journeys (and, later, customer data).
//!
//! Every connection gets WAL, `synchronous=NORMAL`, foreign keys and a busy timeout.
//! Migrations are compiled in and run in one transaction; a file written by a newer
//! version is refused untouched.

mod benchmarks;
mod customers;
mod import;
mod journeys;
mod scores;
mod settings;
mod summary;
mod versions;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

pub use customers::{CustomerDetail, CustomerRow, Stakeholder, TimelineEvent};
pub use journeys::{JourneySummary, SaveOutcome, StoredJourney};
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
    ])
});

/// The number of the newest schema this version knows.
const SCHEMA_VERSION: i64 = 10;

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
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.to_owned(),
                source,
            })?;
        }
        let conn = Connection::open(path).map_err(|e| db_error(path, e))?;
        Self::setup(conn, path.to_owned())
    }

    /// A private in-memory database, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| db_error(&path, e))?;
        Self::setup(conn, path)
    }

    fn setup(mut conn: Connection, path: PathBuf) -> Result<Self> {
        let fail = |e: rusqlite::Error| db_error(&path, e);
        conn.busy_timeout(Duration::from_secs(5)).map_err(fail)?;
        // Before anything writes (WAL mode writes the header): a newer file stays untouched.
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(fail)?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerDatabase {
                path,
                found,
                supported: SCHEMA_VERSION,
            });
        }
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(fail)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(fail)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(fail)?;
        MIGRATIONS
            .to_latest(&mut conn)
            .map_err(|e| Error::Database {
                path: path.clone(),
                message: format!("could not update the database schema: {e}"),
            })?;
        Ok(Self { conn, path })
    }

    /// Where this database lives.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn fail(&self) -> impl Fn(rusqlite::Error) -> Error + '_ {
        |e| db_error(&self.path, e)
    }
}

fn db_error(path: &Path, e: rusqlite::Error) -> Error {
    let message = match &e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            "is not a Milepost database (not an SQLite file)".to_owned()
        }
        _ => e.to_string(),
    };
    Error::Database {
        path: path.to_owned(),
        message,
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
        assert!(err.to_string().contains("not a Milepost database"), "{err}");
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
