//! The journey's assessment compiled to SQL, for data that lives in a warehouse: one
//! self-contained query over two tables the warehouse exposes (`../shared/PRODUCT.md`,
//! "When the data lives in a warehouse"; `docs/SEMANTICS.md`, "The SQL contract"):
//!
//! - `customers(customer_id, start_date, churn_date, segment, plan, owner, arr)`
//! - `events(customer_id, ts, event, value, seq)`: `ts` a UTC timestamp, `value` NULL
//!   meaning 1, `seq` the file order that breaks ties for `last`.
//!
//! The query gives exactly what the in-memory engine (`crate::engine::assess`) gives,
//! second for second, on every engine: times are whole seconds since 1970, windows are
//! `RANGE` frames over them, and `last` is the latest event in (time, seq) order. The
//! query is a syntax tree (`sqlparser`) printed once: names and values from the journey
//! or the options are nodes, quoted for the engine, never pasted into text.

mod build;
mod customers;
pub mod dbt;
pub mod dialect;
mod funnel;
mod reached;
mod tags;

use std::collections::BTreeMap;

use sqlparser::ast::{Ident, ObjectName};

pub use customers::measure_columns;
pub use dialect::{Dialect, NameError};

use crate::journey::Journey;

/// The columns of the two tables, by the contract's names.
pub const CUSTOMER_COLUMNS: [&str; 7] = [
    "customer_id",
    "start_date",
    "churn_date",
    "segment",
    "plan",
    "owner",
    "arr",
];
pub const EVENT_COLUMNS: [&str; 5] = ["customer_id", "ts", "event", "value", "seq"];

/// Where the two tables are, and what their columns are called there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The customers table, as written in the warehouse (`analytics.customers`: each part
    /// between the dots is one name). Default `customers`.
    pub customers_table: Option<String>,
    /// The events table. Default `events`.
    pub events_table: Option<String>,
    /// A column's name in the warehouse, by the contract's name: `event` → `event_name`.
    /// `customers.X` or `events.X` names one table's column; a bare name both tables'.
    pub columns: BTreeMap<String, String>,
}

/// What the query returns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Output {
    /// One row per customer and milestone reached: `(customer_id, milestone_id,
    /// reached_at)`.
    #[default]
    Reached,
    /// As `Reached`, with `customer_id` as text and `reached_at` in whole seconds since
    /// 1970: what Milepost reads back to compute the funnel.
    ReachedSeconds,
    /// One row per milestone, in order, with the numbers of `milepost funnel --json`.
    Funnel,
    /// The daily CRM sync, a row per customer: stage, furthest milestone, how many
    /// reached, the milestones reached as "a,b,c" tags, those reached on the as-of day.
    Tags,
    /// Where every customer is, a row per customer: stage, furthest milestone, how many
    /// reached, days in the stage, churned, every metric's value as of the day, each
    /// value metric's baseline, each capability adopted or not (`measure_columns`).
    Customers,
    /// What Milepost reads back of `Customers`: `customer_id` as text, then the measures
    /// in `measure_columns` order.
    Measures,
    /// The customers started by the as-of day: `(customer_id, start_s, churn_s, segment,
    /// plan, owner, arr, cutoff)`, times in seconds, `cutoff` the as-of day's last second.
    Population,
}

/// What to compile.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub dialect: Dialect,
    /// The as-of day (its 00:00 UTC, Unix seconds); none: the day of the latest event.
    pub as_of: Option<i64>,
    pub source: Source,
    pub output: Output,
}

/// Why the journey could not be written as SQL.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SqlError {
    #[error(transparent)]
    Name(#[from] NameError),
    #[error(
        "--column {given}: the tables have no column \"{column}\"; they have customers({}) and events({})",
        CUSTOMER_COLUMNS.join(", "),
        EVENT_COLUMNS.join(", ")
    )]
    UnknownColumn { given: String, column: String },
    #[error("the journey has no milestones: there is no funnel to compute")]
    NoMilestones,
    #[error(
        "for dbt the customers and events tables must be in one schema (one dbt source holds both): make a view of one beside the other"
    )]
    DbtSchemas,
}

/// The names the query reads, resolved and quoted for the engine.
pub(crate) struct Names {
    pub customers: ObjectName,
    pub events: ObjectName,
    customer_columns: BTreeMap<&'static str, Ident>,
    event_columns: BTreeMap<&'static str, Ident>,
}

impl Names {
    pub(crate) fn resolve(d: Dialect, source: &Source) -> Result<Names, SqlError> {
        for given in source.columns.keys() {
            let (table, column) = match given.split_once('.') {
                Some(("customers", c)) => (Some("customers"), c),
                Some(("events", c)) => (Some("events"), c),
                _ => (None, given.as_str()),
            };
            let known = (table != Some("events") && CUSTOMER_COLUMNS.contains(&column))
                || (table != Some("customers") && EVENT_COLUMNS.contains(&column));
            if !known {
                return Err(SqlError::UnknownColumn {
                    given: format!("{given}={}", source.columns[given]),
                    column: column.to_owned(),
                });
            }
        }
        let column = |table: &str, name: &'static str| -> Result<(&'static str, Ident), SqlError> {
            let given = source
                .columns
                .get(&format!("{table}.{name}"))
                .or_else(|| source.columns.get(name))
                .cloned()
                .unwrap_or_else(|| d.default_name(name));
            Ok((name, d.ident(&format!("{table}.{name} column"), &given)?))
        };
        let table = |what: &str, given: &Option<String>| -> Result<ObjectName, SqlError> {
            let text = given.clone().unwrap_or_else(|| d.default_name(what));
            let parts = text
                .split('.')
                .map(|p| d.ident(&format!("{what} table"), p.trim()))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(ObjectName::from(parts))
        };
        Ok(Names {
            customers: table("customers", &source.customers_table)?,
            events: table("events", &source.events_table)?,
            customer_columns: CUSTOMER_COLUMNS
                .iter()
                .map(|c| column("customers", c))
                .collect::<Result<_, _>>()?,
            event_columns: EVENT_COLUMNS
                .iter()
                .map(|c| column("events", c))
                .collect::<Result<_, _>>()?,
        })
    }

    /// A column of the customers table.
    pub fn customer(&self, name: &str) -> &Ident {
        &self.customer_columns[name]
    }

    /// A column of the events table.
    pub fn event(&self, name: &str) -> &Ident {
        &self.event_columns[name]
    }
}

/// The journey's assessment as one query for the engine.
pub fn compile(journey: &Journey, options: &Options) -> Result<String, SqlError> {
    let names = Names::resolve(options.dialect, &options.source)?;
    compile_with(
        journey,
        options.dialect,
        &names,
        options.as_of,
        options.output,
    )
}

/// As `compile`, over names already resolved.
pub(crate) fn compile_with(
    journey: &Journey,
    d: Dialect,
    names: &Names,
    as_of: Option<i64>,
    output: Output,
) -> Result<String, SqlError> {
    let query = match output {
        Output::Funnel => funnel::query(journey, d, names, as_of)?,
        Output::Tags => tags::query(journey, d, names, as_of)?,
        Output::Customers => customers::query(journey, d, names, as_of, false)?,
        Output::Measures => customers::query(journey, d, names, as_of, true)?,
        _ => reached::query(journey, d, names, as_of, output)?,
    };
    Ok(format!("{query:#}\n"))
}

/// Quick checks that the two tables are there with the contract's columns, and how many
/// customers there are: `SELECT` of every column with no rows, for each table, and a
/// count — what a connection is tested with before any assessment.
pub fn check_queries(d: Dialect, source: &Source) -> Result<[String; 3], SqlError> {
    use build::{SelectParts, count_all, eq, int, item, qual, select, table};
    let n = Names::resolve(d, source)?;
    let none = |columns: &[&str], t: ObjectName, event: bool| {
        select(SelectParts {
            items: columns
                .iter()
                .map(|c| {
                    let column = if event { n.event(c) } else { n.customer(c) };
                    item(qual("x", column), c)
                })
                .collect(),
            from: Some(table(t, Some("x"))),
            filter: Some(eq(int(1), int(0))),
            ..SelectParts::default()
        })
    };
    let count = select(SelectParts {
        items: vec![item(count_all(), "customers")],
        from: Some(table(n.customers.clone(), Some("x"))),
        ..SelectParts::default()
    });
    Ok([
        none(&CUSTOMER_COLUMNS, n.customers.clone(), false).to_string(),
        none(&EVENT_COLUMNS, n.events.clone(), true).to_string(),
        count.to_string(),
    ])
}

/// What a journey's warehouse results depend on, as text: its milestones' ids and
/// criteria in order, its metrics' ids, events, aggregates, windows and baselines, its
/// capabilities' ids and criteria. Two journeys with the same key have the same results;
/// renaming a stage or editing a playbook does not change it.
pub fn journey_key(journey: &Journey) -> String {
    let milestones: Vec<_> = journey
        .stages
        .iter()
        .flat_map(|s| {
            s.milestones
                .iter()
                .map(move |m| (&s.id, &m.id, &m.criteria))
        })
        .collect();
    let metrics: Vec<_> = journey
        .metrics
        .iter()
        .map(|m| {
            (
                &m.id,
                &m.event,
                m.aggregate,
                m.window_days,
                m.value.as_ref().map(|v| v.baseline_days),
            )
        })
        .collect();
    let capabilities: Vec<_> = journey
        .capabilities
        .iter()
        .map(|c| (&c.id, &c.criteria))
        .collect();
    serde_json::json!([milestones, metrics, capabilities]).to_string()
}

/// `text` as a name no engine needs quoted: lower-case ASCII letters, digits and single
/// underscores, at most `max` characters; empty when nothing of it is left.
pub fn slug(text: &str, max: usize) -> String {
    let mut slug = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('_') {
            slug.push('_');
        }
    }
    slug.truncate(max);
    slug.trim_end_matches('_').to_owned()
}

#[cfg(test)]
mod tests;
