//! The workspace's settings: one row per key in `setting` (migration 010); a key that is
//! absent takes its default, worked out when it is read.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::Result;
use crate::format::Currency;

const CURRENCY: &str = "currency";

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
