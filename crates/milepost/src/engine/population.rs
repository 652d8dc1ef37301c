//! Who a computation as of a date is about: the customers that had started by then
//! (`docs/SEMANTICS.md`, "Who is in the funnel"), narrowed by the person's filters
//! (segment, plan, owner, start month). Funnel, customers, cohorts, health, tasks and
//! forecasts all take their customers from `population`, so they can never disagree
//! about who counts.

use super::assess::Assessment;
use super::dataset::{Customer, Dataset};

/// Which customers to count, besides "started by the as-of date". Text fields match
/// without regard to case (`smb` is `SMB`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub segment: Option<String>,
    pub plan: Option<String>,
    pub owner: Option<String>,
    /// Customers whose start date falls in [from, to), Unix seconds.
    pub started: Option<(i64, i64)>,
}

/// The start and end (exclusive) of a `YYYY-MM` month, in Unix seconds.
pub fn month_range(month: &str) -> Option<(i64, i64)> {
    let (y, m) = month.split_once('-')?;
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    if y < 1 || month.len() != 7 {
        return None;
    }
    let first = chrono::NaiveDate::from_ymd_opt(y, m, 1)?;
    let next = first.checked_add_months(chrono::Months::new(1))?;
    let start = |d: chrono::NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc().timestamp());
    Some((start(first)?, start(next)?))
}

fn same(want: &str, have: &str) -> bool {
    want.trim().to_lowercase() == have.trim().to_lowercase()
}

/// A filter value that matches no customer, with the values that would.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("no customer has {field} \"{value}\"; known: {}", known_list(.known))]
pub struct UnknownValue {
    pub field: &'static str,
    pub value: String,
    pub known: Vec<String>,
}

fn known_list(known: &[String]) -> String {
    if known.is_empty() {
        "none (the field is empty for every customer)".to_owned()
    } else {
        known.join(", ")
    }
}

/// Reads one text field of a customer.
type Field = fn(&Customer) -> &Option<String>;

impl Filter {
    pub fn admits(&self, c: &Customer) -> bool {
        let is = |want: &Option<String>, have: &Option<String>| {
            want.as_deref()
                .is_none_or(|w| have.as_deref().is_some_and(|h| same(w, h)))
        };
        is(&self.segment, &c.segment)
            && is(&self.plan, &c.plan)
            && is(&self.owner, &c.owner)
            && self
                .started
                .is_none_or(|(a, b)| c.start.is_some_and(|s| s >= a && s < b))
    }

    /// Checks that every text value names something in the data, so a typo is an error
    /// rather than an empty funnel.
    pub fn check(&self, data: &Dataset) -> Result<(), UnknownValue> {
        let fields: [(&'static str, &Option<String>, Field); 3] = [
            ("segment", &self.segment, |c| &c.segment),
            ("plan", &self.plan, |c| &c.plan),
            ("owner", &self.owner, |c| &c.owner),
        ];
        for (field, want, get) in fields {
            let Some(want) = want else { continue };
            let known = distinct(data, get);
            if !known.iter().any(|k| same(want, k)) {
                return Err(UnknownValue {
                    field,
                    value: want.clone(),
                    known,
                });
            }
        }
        Ok(())
    }
}

/// The distinct values of a customer field, sorted.
pub fn distinct(data: &Dataset, get: impl Fn(&Customer) -> &Option<String>) -> Vec<String> {
    let mut v: Vec<String> = data
        .customers
        .iter()
        .filter_map(|c| get(c).clone())
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Whether customer `c` had started by the assessment's as-of date.
pub fn started(data: &Dataset, a: &Assessment, c: usize) -> bool {
    data.customers[c].start.is_some_and(|s| s <= a.cutoff)
}

/// The customers an assessment's numbers are about, in customer order: started by its
/// as-of date and admitted by the filter.
pub fn population(data: &Dataset, a: &Assessment, filter: &Filter) -> Vec<usize> {
    (0..data.customers.len())
        .filter(|&c| started(data, a, c) && filter.admits(&data.customers[c]))
        .collect()
}
