//! What the workspace's customer data holds, in counts and date ranges.

use rusqlite::OptionalExtension;
use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::Result;

impl Store {
    /// Counts and date ranges of the workspace's customer data.
    pub fn data_summary(&self) -> Result<DataSummary> {
        let fail = self.fail();
        let one = |sql: &str| -> Result<(i64, Option<i64>, Option<i64>)> {
            self.conn
                .query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(&fail)
        };
        let (customers, c_from, c_to) =
            one("SELECT count(*), min(start_date), max(start_date) FROM customer")?;
        let churned: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM customer WHERE churn_date IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .map_err(&fail)?;
        let (events, e_from, e_to) = one("SELECT count(*), min(at), max(at) FROM event")?;
        let event_names: i64 = self
            .conn
            .query_row("SELECT count(DISTINCT name) FROM event", [], |r| r.get(0))
            .map_err(&fail)?;
        let (stakeholders, _, _) = one("SELECT count(*), NULL, NULL FROM stakeholder")?;
        let last_import: Option<String> = self
            .conn
            .query_row(
                "SELECT datetime(at, 'unixepoch') || ' UTC' FROM import_log ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()
            .map_err(&fail)?;
        let range = |from: Option<i64>, to: Option<i64>| {
            from.zip(to)
                .map(|(a, b)| [crate::format::date(a), crate::format::date(b)])
        };
        Ok(DataSummary {
            customers: TableSummary {
                rows: customers as u64,
                from: range(c_from, c_to).map(|r| r[0].clone()),
                to: range(c_from, c_to).map(|r| r[1].clone()),
            },
            churned: churned as u64,
            events: TableSummary {
                rows: events as u64,
                from: range(e_from, e_to).map(|r| r[0].clone()),
                to: range(e_from, e_to).map(|r| r[1].clone()),
            },
            event_names: event_names as u64,
            stakeholders: TableSummary {
                rows: stakeholders as u64,
                from: None,
                to: None,
            },
            last_import,
        })
    }
}

/// Row count and date range (start dates for customers, event times for events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TableSummary {
    #[ts(type = "number")]
    pub rows: u64,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DataSummary {
    pub customers: TableSummary,
    #[ts(type = "number")]
    pub churned: u64,
    pub events: TableSummary,
    #[ts(type = "number")]
    pub event_names: u64,
    pub stakeholders: TableSummary,
    pub last_import: Option<String>,
}
