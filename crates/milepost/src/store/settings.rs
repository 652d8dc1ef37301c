//! The workspace's settings: one row per key in `setting` (migration 010); a key that is
//! absent takes its default, worked out when it is read.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::Result;
use crate::format::Currency;

const CURRENCY: &str = "currency";
const WAREHOUSE: &str = "warehouse";

impl Store {
    /// A setting's value, when it was set.
    pub(super) fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT value FROM setting WHERE key = ?1",
                params![key],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.fail())
    }

    /// Sets a setting.
    pub(super) fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.writable()?;
        self.conn
            .execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )
            .map_err(self.fail())?;
        Ok(())
    }

    /// The workspace's currency: the one set, else that of this computer's locale.
    pub fn currency(&self) -> Result<Currency> {
        let set = self.setting(CURRENCY)?;
        Ok(set
            .as_deref()
            .and_then(Currency::parse)
            .unwrap_or_else(Currency::from_environment))
    }

    /// The warehouse the workspace's journeys are assessed in, when one is connected.
    pub fn warehouse(&self) -> Result<Option<crate::warehouse::Connection>> {
        Ok(self
            .setting(WAREHOUSE)?
            .and_then(|text| serde_json::from_str(&text).ok()))
    }

    /// Connects a warehouse (or, with None, disconnects it). A password in its URL is
    /// never kept: it is taken out first.
    pub fn set_warehouse(&self, connection: Option<&crate::warehouse::Connection>) -> Result<()> {
        match connection {
            Some(c) => {
                let mut kept = c.clone();
                kept.url = crate::warehouse::split_password(&c.url).0;
                let text = serde_json::to_string(&kept).expect("a connection serialises");
                self.set_setting(WAREHOUSE, &text)
            }
            None => {
                self.writable()?;
                self.conn
                    .execute("DELETE FROM setting WHERE key = ?1", params![WAREHOUSE])
                    .map_err(self.fail())?;
                Ok(())
            }
        }
    }

    /// Sets the workspace's currency. Amounts already stored are not converted: they were
    /// always meant in the workspace's currency.
    pub fn set_currency(&self, currency: &Currency) -> Result<()> {
        self.set_setting(CURRENCY, currency.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_warehouse_is_kept_without_its_password_and_can_be_disconnected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.warehouse().unwrap(), None);
        let c = crate::warehouse::Connection {
            url: "postgresql://cs:hunter2@db.example.com/cs?sslmode=require".to_owned(),
            events_table: Some("analytics.events".to_owned()),
            ..Default::default()
        };
        store.set_warehouse(Some(&c)).unwrap();
        drop(store);
        let bytes = std::fs::read(&path).unwrap();
        assert!(
            !bytes.windows(7).any(|w| w == b"hunter2"),
            "the password is not in the file"
        );
        let store = Store::open(&path).unwrap();
        let kept = store.warehouse().unwrap().unwrap();
        assert_eq!(
            kept.url,
            "postgresql://cs@db.example.com/cs?sslmode=require"
        );
        assert_eq!(kept.events_table.as_deref(), Some("analytics.events"));
        store.set_warehouse(None).unwrap();
        assert_eq!(store.warehouse().unwrap(), None);
    }

    #[test]
    fn the_currency_set_is_kept_and_wins_over_the_locale() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.sqlite3");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.currency().unwrap(), Currency::from_environment());
        store
            .set_currency(&Currency::parse("chf").unwrap())
            .unwrap();
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.currency().unwrap().code(), "CHF");
    }
}
