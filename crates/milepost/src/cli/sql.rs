//! `milepost sql`: the journey's assessment as one SQL query for a warehouse (DuckDB,
//! PostgreSQL, Spark, Snowflake, BigQuery) over its `customers` and `events` tables.

use std::path::Path;

use milepost::journey::Journey;
use milepost::sql::{Dialect, Options, Output, Source};

use super::{day, key_value, open, out};

#[derive(Debug, clap::Args)]
pub struct SqlArgs {
    /// A journey file (`….milepost.json`), or a journey of the workspace: its id, name or
    /// the start of its name
    journey: String,
    /// The engine the query is written for
    #[arg(long, value_enum, default_value_t = Dialect::Duckdb)]
    dialect: Dialect,
    /// Count events up to and including this day [default: the day of the latest event]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    as_of: Option<i64>,
    /// What the query returns
    #[arg(long, value_enum, default_value_t = SqlOutput::Reached)]
    output: SqlOutput,
    /// The customers table (`schema.table` for one in a schema) [default: customers]
    #[arg(long, value_name = "NAME")]
    customers_table: Option<String>,
    /// The events table [default: events]
    #[arg(long, value_name = "NAME")]
    events_table: Option<String>,
    /// A column's name in your tables: `event=event_name`, `events.ts=occurred_at` (a
    /// bare name renames it in both tables). Repeat for each.
    #[arg(long = "column", value_name = "NAME=YOURS", value_parser = key_value::<String>)]
    columns: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SqlOutput {
    /// One row per customer and milestone reached: customer_id, milestone_id, reached_at
    Reached,
}

/// `milepost sql`
pub fn exec(db: Option<&Path>, args: SqlArgs) -> anyhow::Result<()> {
    let journey = load(db, &args.journey)?;
    let options = Options {
        dialect: args.dialect,
        as_of: args.as_of,
        source: Source {
            customers_table: args.customers_table,
            events_table: args.events_table,
            columns: args.columns.into_iter().collect(),
        },
        output: match args.output {
            SqlOutput::Reached => Output::Reached,
        },
    };
    let text = milepost::sql::compile(&journey, &options)?;
    out(text.trim_end())
}

/// A journey file if the argument names one, else the workspace's journey.
fn load(db: Option<&Path>, journey: &str) -> anyhow::Result<Journey> {
    let path = Path::new(journey);
    if path.is_file() {
        return Ok(milepost::journey::file::read(path)?);
    }
    let store = open(db)?;
    Ok(store.load_journey(store.find_journey(journey)?)?)
}
