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
    #[command(flatten)]
    tables: Tables,
    /// Write dbt models (reached times, funnel), the tables as a source, and tests into
    /// this folder: a dbt project of its own, or, if it holds a dbt_project.yml, added
    /// to that one
    #[arg(long, value_name = "DIR", conflicts_with_all = ["as_of", "output"])]
    dbt: Option<std::path::PathBuf>,
}

/// The warehouse's names for the contract's two tables and their columns.
#[derive(Debug, Clone, clap::Args)]
pub struct Tables {
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

impl Tables {
    pub fn source(&self) -> Source {
        Source {
            customers_table: self.customers_table.clone(),
            events_table: self.events_table.clone(),
            columns: self.columns.iter().cloned().collect(),
        }
    }
}

/// Where a view's numbers are computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum EngineKind {
    /// In memory, over the workspace's imported data
    Memory,
    /// In PostgreSQL (or Citus, or a warehouse that speaks its protocol), over the
    /// contract's two tables: only per-customer results come back
    Postgres,
}

/// `--engine` and what running elsewhere needs.
#[derive(Debug, Clone, clap::Args)]
pub struct Engine {
    /// Where the assessment runs
    #[arg(long, value_enum, default_value_t = EngineKind::Memory)]
    pub engine: EngineKind,
    /// With --engine postgres: libpq's URL, postgresql://USER@HOST:PORT/DATABASE
    /// (?host=/socket/folder for a local socket; the password from $PGPASSWORD, never
    /// needed on the command line)
    #[arg(long, value_name = "URL", required_if_eq("engine", "postgres"))]
    pub url: Option<String>,
    #[command(flatten)]
    pub tables: Tables,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum SqlOutput {
    /// One row per customer and milestone reached: customer_id, milestone_id, reached_at
    Reached,
    /// One row per milestone: reached, conversions, median and p75 days, churned, churn
    /// rate (the numbers of `milepost funnel --json`)
    Funnel,
    /// Where every customer is, a row per customer: stage_id, furthest_milestone_id,
    /// milestones_reached, days_in_stage, churned, metric_<id> for every metric,
    /// baseline_<id> for every value metric, adopted_<id> for every capability
    Customers,
    /// The daily CRM sync, a row per customer: stage_id, furthest_milestone_id,
    /// milestones_reached, milestone_tags ("a,b,c"), reached_on_the_day
    Tags,
}

/// `milepost sql`
pub fn exec(db: Option<&Path>, args: SqlArgs) -> anyhow::Result<()> {
    let journey = load(db, &args.journey)?;
    let options = Options {
        dialect: args.dialect,
        as_of: args.as_of,
        source: args.tables.source(),
        output: match args.output {
            SqlOutput::Reached => Output::Reached,
            SqlOutput::Funnel => Output::Funnel,
            SqlOutput::Customers => Output::Customers,
            SqlOutput::Tags => Output::Tags,
        },
    };
    if let Some(dir) = args.dbt {
        let new_project = !dir.join("dbt_project.yml").exists();
        let files = milepost::sql::dbt::project(&journey, &options, new_project)?;
        for f in &files {
            let path = dir.join(&f.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| milepost::fs::write_error(parent, e))?;
            }
            milepost::fs::write_atomic(&path, f.text.as_bytes())?;
        }
        eprintln!(
            "wrote {} files into {}: {}",
            files.len(),
            dir.display(),
            files
                .iter()
                .map(|f| f.path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if new_project {
            eprintln!(
                "a new dbt project: add a `milepost` profile for your warehouse to ~/.dbt/profiles.yml, then `dbt build`"
            );
        }
        return Ok(());
    }
    let text = milepost::sql::compile(&journey, &options)?;
    out(text.trim_end())
}

/// A journey file if the argument names one, else the workspace's journey.
pub fn load(db: Option<&Path>, journey: &str) -> anyhow::Result<Journey> {
    let path = Path::new(journey);
    if path.is_file() {
        return Ok(milepost::journey::file::read(path)?);
    }
    let store = open(db)?;
    Ok(store.load_journey(store.find_journey(journey)?)?)
}
