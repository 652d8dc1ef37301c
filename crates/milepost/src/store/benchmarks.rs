//! Peer benchmarks imported from another workspace: kept whole, as the file had them.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::Result;
use crate::value::benchmarks::Benchmarks;

impl Store {
    /// Stores imported benchmarks; returns their id.
    pub fn import_benchmarks(&self, b: &Benchmarks) -> Result<i64> {
        self.writable()?;
        self.backup_before(super::backup::Reason::BeforeImport)?;
        let body = serde_json::to_string(b).expect("benchmarks serialise");
        self.conn
            .execute(
                "INSERT INTO benchmark (journey, as_of, body) VALUES (?1, ?2, ?3)",
                params![b.journey, b.as_of, body],
            )
            .map_err(self.fail())?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The benchmarks imported last, if any.
    pub fn latest_benchmarks(&self) -> Result<Option<Benchmarks>> {
        let body: Option<String> = self
            .conn
            .query_row(
                "SELECT body FROM benchmark ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.fail())?;
        Ok(body.and_then(|b| serde_json::from_str(&b).ok()))
    }
}
