//! Reading customers back: the customers table, one customer's timeline, and the
//! whole data set for the engine.

use std::collections::{BTreeMap, HashMap};

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::{Error, Result};

/// A customer as the customers table shows it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerRow {
    pub id: String,
    pub name: Option<String>,
    pub segment: Option<String>,
    pub plan: Option<String>,
    pub owner: Option<String>,
    pub arr: Option<f64>,
    /// "$120,000": the ARR in the workspace's currency.
    pub arr_text: Option<String>,
    /// `YYYY-MM-DD`
    pub start_date: Option<String>,
    pub churn_date: Option<String>,
    #[ts(type = "number")]
    pub events: u64,
    pub last_event: Option<String>,
}

/// One event on a customer's timeline.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TimelineEvent {
    /// `YYYY-MM-DDTHH:MM:SSZ`
    pub at: String,
    pub event: String,
    pub value: f64,
}

/// A customer's details and most recent events.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerDetail {
    pub customer: CustomerRow,
    /// The file's other columns.
    pub attributes: BTreeMap<String, String>,
    /// Newest first, at most `limit`.
    pub events: Vec<TimelineEvent>,
    #[ts(type = "number")]
    pub total_events: u64,
    /// The customer's stakeholders, decision makers first, then by name.
    pub stakeholders: Vec<Stakeholder>,
}

/// A person at a customer, with the scores the prioritisation matrices read (1–10; null
/// when the file had none).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Stakeholder {
    pub name: String,
    pub title: Option<String>,
    pub decision_maker: Option<bool>,
    pub purpose: Option<f64>,
    pub intent: Option<f64>,
    pub desire: Option<f64>,
    pub skills: Option<f64>,
    pub revenue_impact: Option<f64>,
    pub modularity: Option<f64>,
    pub effort: Option<f64>,
    pub complexity: Option<f64>,
}

const CUSTOMER_COLUMNS: &str = "c.id, c.name, c.segment, c.plan, c.owner, c.arr, \
     date(c.start_date, 'unixepoch'), date(c.churn_date, 'unixepoch'), \
     ifnull(e.n, 0), strftime('%Y-%m-%dT%H:%M:%SZ', e.last, 'unixepoch')";

fn customer_row(
    r: &rusqlite::Row<'_>,
    currency: &crate::format::Currency,
) -> rusqlite::Result<CustomerRow> {
    let arr: Option<f64> = r.get(5)?;
    Ok(CustomerRow {
        id: r.get(0)?,
        name: r.get(1)?,
        segment: r.get(2)?,
        plan: r.get(3)?,
        owner: r.get(4)?,
        arr,
        arr_text: arr.map(|a| currency.money(a)),
        start_date: r.get(6)?,
        churn_date: r.get(7)?,
        events: r.get::<_, i64>(8)? as u64,
        last_event: r.get(9)?,
    })
}

impl Store {
    /// Every customer with its event count, in id order (the table sorts and filters).
    pub fn customers(&self) -> Result<Vec<CustomerRow>> {
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {CUSTOMER_COLUMNS} FROM customer c \
                 LEFT JOIN (SELECT customer, count(*) AS n, max(at) AS last FROM event GROUP BY customer) e \
                 ON e.customer = c.key ORDER BY c.id"
            ))
            .map_err(&fail)?;
        let currency = self.currency()?;
        let rows = stmt
            .query_map([], |r| customer_row(r, &currency))
            .map_err(&fail)?;
        rows.collect::<rusqlite::Result<_>>().map_err(fail)
    }

    /// One customer's details and its newest `limit` events.
    pub fn customer(&self, id: &str, limit: usize) -> Result<CustomerDetail> {
        let fail = self.fail();
        let (key, attributes): (i64, String) = self
            .conn
            .query_row(
                "SELECT key, attributes FROM customer WHERE id = ?",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(&fail)?
            .ok_or_else(|| Error::CustomerNotFound(id.to_owned()))?;
        let currency = self.currency()?;
        let customer = self
            .conn
            .query_row(
                &format!(
                    "SELECT {CUSTOMER_COLUMNS} FROM customer c \
                     LEFT JOIN (SELECT customer, count(*) AS n, max(at) AS last FROM event WHERE customer = ?1) e \
                     ON e.customer = c.key WHERE c.key = ?1"
                ),
                [key],
                |r| customer_row(r, &currency),
            )
            .map_err(&fail)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', e.at, 'unixepoch'), n.name, e.value \
                 FROM event e JOIN event_name n ON n.id = e.name \
                 WHERE e.customer = ? ORDER BY e.at DESC, e.rowid DESC LIMIT ?",
            )
            .map_err(&fail)?;
        let events = stmt
            .query_map(params![key, limit as i64], |r| {
                Ok(TimelineEvent {
                    at: r.get(0)?,
                    event: r.get(1)?,
                    value: r.get(2)?,
                })
            })
            .map_err(&fail)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&fail)?;
        let mut stmt = self
            .conn
            .prepare(
                "SELECT name, title, decision_maker, purpose, intent, desire, skills, \
                 revenue_impact, modularity, effort, complexity FROM stakeholder \
                 WHERE customer = ? ORDER BY ifnull(decision_maker, 0) DESC, name",
            )
            .map_err(&fail)?;
        let stakeholders = stmt
            .query_map([key], |r| {
                Ok(Stakeholder {
                    name: r.get(0)?,
                    title: r.get(1)?,
                    decision_maker: r.get(2)?,
                    purpose: r.get(3)?,
                    intent: r.get(4)?,
                    desire: r.get(5)?,
                    skills: r.get(6)?,
                    revenue_impact: r.get(7)?,
                    modularity: r.get(8)?,
                    effort: r.get(9)?,
                    complexity: r.get(10)?,
                })
            })
            .map_err(&fail)?
            .collect::<rusqlite::Result<_>>()
            .map_err(&fail)?;
        let attributes: BTreeMap<String, serde_json::Value> = serde_json::from_str(&attributes)
            .map_err(|e| Error::Database {
                path: self.path.clone(),
                message: format!("customer {id}: its stored attributes are not JSON ({e})"),
            })?;
        Ok(CustomerDetail {
            total_events: customer.events,
            customer,
            attributes: attributes
                .into_iter()
                .map(|(k, v)| (k, v.as_str().map_or_else(|| v.to_string(), str::to_owned)))
                .collect(),
            events,
            stakeholders,
        })
    }
}

impl Store {
    /// The customers' names by id, for customers whose data lives elsewhere (a
    /// warehouse's table has ids, the workspace may know what to call them).
    pub fn customer_names(&self) -> Result<HashMap<String, String>> {
        let fail = self.fail();
        let mut stmt = self
            .conn
            .prepare("SELECT id, name FROM customer WHERE name IS NOT NULL")
            .map_err(&fail)?;
        let mut rows = stmt.query([]).map_err(&fail)?;
        let mut names = HashMap::new();
        while let Some(r) = rows.next().map_err(&fail)? {
            names.insert(r.get(0).map_err(&fail)?, r.get(1).map_err(&fail)?);
        }
        Ok(names)
    }

    /// Loads every customer and event into the engine's `Dataset`: the events from their
    /// columnar copy (see `event_copy`), made again from the rows when it is not current.
    pub fn load_dataset(&self) -> Result<crate::engine::Dataset> {
        Ok(self.load_dataset_with_copy()?.0)
    }

    /// `load_dataset`, and what became of the events' columnar copy.
    pub fn load_dataset_with_copy(
        &self,
    ) -> Result<(crate::engine::Dataset, super::event_copy::CopyState)> {
        let fail = self.fail();
        // One snapshot: the customers, the names and the events of the same moment.
        let read = self.conn.unchecked_transaction().map_err(&fail)?;
        let mut keys = Vec::new();
        let mut customers = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached(
                    "SELECT key, id, name, segment, plan, owner, start_date, churn_date, arr \
                     FROM customer ORDER BY key",
                )
                .map_err(&fail)?;
            let mut rows = stmt.query([]).map_err(&fail)?;
            while let Some(r) = rows.next().map_err(&fail)? {
                keys.push(r.get(0).map_err(&fail)?);
                customers.push(crate::engine::Customer {
                    id: r.get(1).map_err(&fail)?,
                    name: r.get(2).map_err(&fail)?,
                    segment: r.get(3).map_err(&fail)?,
                    plan: r.get(4).map_err(&fail)?,
                    owner: r.get(5).map_err(&fail)?,
                    start: r.get(6).map_err(&fail)?,
                    churn: r.get(7).map_err(&fail)?,
                    arr: r.get(8).map_err(&fail)?,
                });
            }
        }
        let mut ids = Vec::new();
        let mut names = Vec::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, name FROM event_name ORDER BY id")
                .map_err(&fail)?;
            let mut rows = stmt.query([]).map_err(&fail)?;
            while let Some(r) = rows.next().map_err(&fail)? {
                ids.push(r.get(0).map_err(&fail)?);
                names.push(r.get(1).map_err(&fail)?);
            }
        }
        let (columns, state) = self.event_columns(&keys, &ids, read)?;
        // Runs are in key order, as the customers are: one walk places them.
        let mut offsets = vec![0; customers.len() + 1];
        let mut run = 0;
        for (i, &key) in keys.iter().enumerate() {
            let mut n = 0;
            if columns.keys.get(run) == Some(&key) {
                n = columns.counts[run] as usize;
                run += 1;
            }
            offsets[i + 1] = offsets[i] + n;
        }
        let data = crate::engine::Dataset::from_columns(
            customers,
            names,
            offsets,
            columns.at,
            columns.name,
            columns.value,
        );
        Ok((data, state))
    }
}
