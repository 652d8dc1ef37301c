//! Customer data held for the engine: customers in one array, their events in columns
//! (time, event, value), grouped by customer and sorted by time with file order breaking
//! ties — loaded once from SQLite, then assessed as often as a criterion changes.

use std::collections::HashMap;

/// Seconds in a day: timestamps are seconds, days are counted in whole days of them.
pub const DAY: i64 = 86_400;

/// A customer as the engine sees it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Customer {
    pub id: String,
    pub name: Option<String>,
    pub segment: Option<String>,
    pub plan: Option<String>,
    pub owner: Option<String>,
    /// Annual recurring revenue, when the file had it.
    pub arr: Option<f64>,
    /// Unix seconds: 00:00 UTC of the start date or, for a customer without one, of the
    /// day of its first event (`Dataset` fills it in); None without either.
    pub start: Option<i64>,
    pub churn: Option<i64>,
}

/// Every customer and event of a workspace, in columns.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    pub customers: Vec<Customer>,
    /// Event names; events refer to them by index.
    pub names: Vec<String>,
    /// Customer `i`'s events are `at[offsets[i]..offsets[i + 1]]` (and the same range of
    /// `name` and `value`), sorted by time, ties in file order.
    pub offsets: Vec<usize>,
    pub at: Vec<i64>,
    pub name: Vec<u32>,
    pub value: Vec<f64>,
    /// What a warehouse measured for a data set that holds no events (the events stay
    /// there): read in place of the events by what needs only these values.
    pub measures: Option<std::sync::Arc<Measures>>,
}

/// A journey's assessment made elsewhere (by a warehouse running its SQL) as of one
/// cut-off, per customer of the data set: when each milestone was reached, each metric's
/// value, each value metric's baseline and each capability adopted, by id (None: not
/// reached, no value). A data set holding these and no events answers, from them, what
/// the engine would compute from the events — for that journey (see `journey`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measures {
    pub cutoff: i64,
    /// What the results depend on in the journey (`crate::sql::journey_key`): results of a
    /// journey edited since are not its results.
    pub journey: String,
    pub reached: HashMap<String, Vec<Option<i64>>>,
    pub metrics: HashMap<String, Vec<Option<f64>>>,
    pub baselines: HashMap<String, Vec<Option<f64>>>,
    pub adopted: HashMap<String, Vec<bool>>,
}

impl Measures {
    /// Metric `id`'s value for customer c as of `cutoff`; None without a value, or when
    /// the measures are as of another time (nothing was measured then).
    pub fn metric(&self, id: &str, c: usize, cutoff: i64) -> Option<f64> {
        if cutoff != self.cutoff {
            return None;
        }
        self.metrics.get(id)?.get(c).copied()?
    }

    /// Whether these are the results of `journey` as it is now.
    pub fn is_for(&self, journey: &crate::journey::Journey) -> bool {
        self.journey == crate::sql::journey_key(journey)
    }

    /// The assessment as of `cutoff`, at the latest the measures' own. A milestone's time
    /// depends only on the events up to it, so the times up to an earlier cut-off are
    /// exactly that cut-off's assessment.
    pub fn assessment(
        &self,
        journey: &crate::journey::Journey,
        customers: usize,
        cutoff: i64,
    ) -> super::Assessment {
        let cutoff = cutoff.min(self.cutoff);
        let refs = super::assess::milestone_refs(journey);
        let mut times = Vec::new();
        for (k, m) in refs.iter().enumerate() {
            let Some(at) = self.reached.get(&m.id) else {
                continue;
            };
            for (c, t) in at.iter().enumerate() {
                if let Some(t) = t.filter(|&t| t <= cutoff) {
                    times.push((c, k, t));
                }
            }
        }
        super::Assessment::from_reached(journey, cutoff, customers, times)
    }
}

impl Dataset {
    /// Builds a dataset from customers and events given in file order as
    /// (customer index, time, event name, value).
    pub fn new(customers: Vec<Customer>, events: &[(usize, i64, &str, f64)]) -> Dataset {
        let mut names: Vec<String> = Vec::new();
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let rows: Vec<(usize, i64, u32, f64)> = events
            .iter()
            .map(|&(c, at, n, v)| {
                let id = *ids.entry(n).or_insert_with(|| {
                    names.push(n.to_owned());
                    (names.len() - 1) as u32
                });
                (c, at, id, v)
            })
            .collect();
        Self::from_rows(customers, names, rows)
    }

    pub(crate) fn from_rows(
        customers: Vec<Customer>,
        names: Vec<String>,
        mut rows: Vec<(usize, i64, u32, f64)>,
    ) -> Dataset {
        // Stable: events at the same time keep their file order.
        rows.sort_by_key(|r| (r.0, r.1));
        let mut offsets = vec![0; customers.len() + 1];
        for r in &rows {
            offsets[r.0 + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        Self::from_columns(
            customers,
            names,
            offsets,
            rows.iter().map(|r| r.1).collect(),
            rows.iter().map(|r| r.2).collect(),
            rows.iter().map(|r| r.3).collect(),
        )
    }

    /// A data set from its columns, already grouped by customer (`offsets`) and sorted.
    pub(crate) fn from_columns(
        mut customers: Vec<Customer>,
        names: Vec<String>,
        offsets: Vec<usize>,
        at: Vec<i64>,
        name: Vec<u32>,
        value: Vec<f64>,
    ) -> Dataset {
        // A customer without a start date counts from the day of its first event.
        for (i, c) in customers.iter_mut().enumerate() {
            if c.start.is_none() && offsets[i] < offsets[i + 1] {
                let first = at[offsets[i]];
                c.start = Some(first - first.rem_euclid(DAY));
            }
        }
        Dataset {
            customers,
            names,
            offsets,
            at,
            name,
            value,
            measures: None,
        }
    }

    /// The index of an event name, if any event has it.
    pub fn name_id(&self, name: &str) -> Option<u32> {
        self.names.iter().position(|n| n == name).map(|i| i as u32)
    }

    /// The range of customer `i`'s events.
    pub fn events_of(&self, i: usize) -> std::ops::Range<usize> {
        self.offsets[i]..self.offsets[i + 1]
    }

    /// The time of the latest event, if there is one; for a data set measured elsewhere,
    /// the end of the day it was measured as of.
    pub fn latest(&self) -> Option<i64> {
        match &self.measures {
            Some(m) => Some(m.cutoff),
            None => self.at.iter().copied().max(),
        }
    }

    pub fn events(&self) -> usize {
        self.at.len()
    }
}
