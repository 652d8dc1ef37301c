//! The command line, one file per command group (cargo's `src/bin/cargo/commands/` is the
//! model): each holds its clap definition and an `exec` that unpacks the arguments, calls
//! the core and prints. What they share lives here: opening the workspace, the as-of and
//! filter options, value parsers, and tables.

pub mod backup;
pub mod bench;
pub mod benchmarks;
pub mod currency;
pub mod data;
pub mod forecast;
pub mod funnel;
pub mod journey;
pub mod matrix;
pub mod priority;
pub mod sql;
pub mod tasks;
pub mod value;

use std::path::Path;

use milepost::data::DateOrder;
use milepost::engine::{Assessment, Dataset, Filter};
use milepost::journey::Journey;
use milepost::store::{self, Store};

pub fn open(db: Option<&Path>) -> anyhow::Result<Store> {
    Ok(Store::open(&store::resolve_path(
        db.map(Path::to_path_buf),
    ))?)
}

/// A day given as `YYYY-MM-DD` (or any date the importer reads): its 00:00 UTC, in Unix
/// seconds. A clap value parser, so a bad date is a command-line error (exit 2).
pub fn day(text: &str) -> Result<i64, String> {
    milepost::data::values::parse_timestamp(text, DateOrder::Auto)
}

/// A month given as `YYYY-MM`: its start and end (exclusive).
pub fn month(text: &str) -> Result<(i64, i64), String> {
    milepost::engine::month_range(text)
        .ok_or_else(|| "expected a month as YYYY-MM, e.g. 2025-03".to_owned())
}

/// `KEY=VALUE`, the value parsed as T: a clap value parser for options like
/// `--capacity CSM=25` and `--map customer_id="Account ID"`.
pub fn key_value<T: std::str::FromStr>(text: &str) -> Result<(String, T), String> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| format!("expected KEY=VALUE, got \"{text}\""))?;
    let key = key.trim();
    if key.is_empty() {
        return Err(format!("\"{text}\" has nothing before the ="));
    }
    let value = value
        .trim()
        .parse()
        .map_err(|_| format!("\"{}\" is not a valid value for {key}", value.trim()))?;
    Ok((key.to_owned(), value))
}

/// As of when, and which customers.
#[derive(Debug, clap::Args)]
pub struct Scope {
    /// Count events up to and including this day [default: the day of the latest event]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    pub as_of: Option<i64>,
    /// Only customers of this segment (any case)
    #[arg(long)]
    pub segment: Option<String>,
    /// Only customers on this plan (any case)
    #[arg(long)]
    pub plan: Option<String>,
    /// Only customers of this owner (any case)
    #[arg(long)]
    pub owner: Option<String>,
    /// Only customers who started in this month (a start-date cohort)
    #[arg(long, value_name = "YYYY-MM", value_parser = month)]
    pub cohort: Option<(i64, i64)>,
}

impl Scope {
    pub fn filter(&self) -> Filter {
        Filter {
            segment: self.segment.clone(),
            plan: self.plan.clone(),
            owner: self.owner.clone(),
            started: self.cohort,
        }
    }
}

/// A journey and the workspace's data, assessed as of the scope's day, with its filter
/// (checked against the data: an unknown segment is an error, not an empty funnel).
pub struct Assessed {
    pub journey: Journey,
    pub data: Dataset,
    pub a: Assessment,
    pub filter: Filter,
    /// The stakeholders' scores with their history, for matrices and quadrant plays.
    pub scores: milepost::engine::Scores,
    /// The workspace's currency, which every amount of money is in.
    pub currency: milepost::format::Currency,
}

impl Assessed {
    /// Reads matrix values: current scores, metrics as of the as-of day.
    pub fn reader(&self) -> milepost::engine::Reader<'_> {
        milepost::engine::Reader::new(&self.journey, &self.data, &self.scores, self.a.cutoff)
    }
}

pub fn assessed(db: Option<&Path>, journey: &str, scope: &Scope) -> anyhow::Result<Assessed> {
    assess_as_of(db, journey, scope, false)
}

/// As `assessed`, by the engine asked for: in memory over the workspace, or by the
/// warehouse running the journey's SQL (the journey then from a file or the workspace).
pub fn assessed_by(
    db: Option<&Path>,
    journey: &str,
    scope: &Scope,
    engine: &sql::Engine,
) -> anyhow::Result<Assessed> {
    let Some(url) = engine
        .url
        .as_deref()
        .filter(|_| engine.engine == sql::EngineKind::Postgres)
    else {
        return assessed(db, journey, scope);
    };
    let j = sql::load(db, journey)?;
    let mut remote =
        milepost::warehouse::assess_postgres(url, &j, &engine.tables.source(), scope.as_of)?;
    let filter = scope.filter();
    filter.check(&remote.data)?;
    // Customers' names, stakeholders' scores and the currency stay in the workspace, when
    // there is one: matched to the warehouse's customers by id.
    let workspace = store::resolve_path(db.map(Path::to_path_buf));
    let (scores, currency) = if workspace.exists() {
        let store = open(db)?;
        let names = store.customer_names()?;
        for c in &mut remote.data.customers {
            c.name = names.get(&c.id).cloned();
        }
        (
            store.load_scores(&remote.data, Some(&j))?,
            store.currency()?,
        )
    } else {
        Default::default()
    };
    Ok(Assessed {
        journey: j,
        data: remote.data,
        a: remote.a,
        filter,
        scores,
        currency,
    })
}

/// As `assessed`, for what stakeholder scores alone can show (matrices, the ranking):
/// without usage events it is as of the day asked or today, and says what it cannot show.
pub fn assessed_for_scores(
    db: Option<&Path>,
    journey: &str,
    scope: &Scope,
) -> anyhow::Result<Assessed> {
    assess_as_of(db, journey, scope, true)
}

fn assess_as_of(
    db: Option<&Path>,
    journey: &str,
    scope: &Scope,
    scores_only: bool,
) -> anyhow::Result<Assessed> {
    let store = open(db)?;
    let j = store.load_journey(store.find_journey(journey)?)?;
    let data = store.load_dataset()?;
    let day = match scope.as_of {
        Some(day) => day,
        None if scores_only => milepost::engine::default_day(&data),
        None => data.latest().ok_or_else(|| {
            anyhow::anyhow!("the workspace has no events yet (milepost data import events FILE)")
        })?,
    };
    if scores_only && let Some(notice) = milepost::engine::without_events(&data, day) {
        eprintln!("{notice}");
    }
    let filter = scope.filter();
    filter.check(&data)?;
    let a = milepost::engine::assess(&j, &data, milepost::engine::cutoff_of_day(day));
    let scores = store.load_scores(&data, Some(&j))?;
    Ok(Assessed {
        journey: j,
        data,
        a,
        filter,
        scores,
        currency: store.currency()?,
    })
}

/// CSV to a file (whole or not at all, with a byte-order mark so Excel reads UTF-8), or
/// to stdout without one, for pipes.
pub fn csv_out(output: Option<&Path>, text: &str) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let file = milepost::report::csv::for_excel(text);
            milepost::report::write_atomic(path, file.as_bytes())?;
            eprintln!("wrote {}", path.display());
            Ok(())
        }
        None => out(text.trim_end()),
    }
}

/// Prints to stdout with a final newline; a reader that stops early (`| head`) is not an
/// error.
pub fn out(text: impl std::fmt::Display) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{text}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Prints a value as pretty JSON.
pub fn out_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    out(serde_json::to_string_pretty(value)?)
}

/// A plain table for a terminal: a header row, columns as wide as their widest cell (by
/// display width, so "—" and accented names line up), numbers on the right.
pub fn table<S: Into<comfy_table::Cell>, I: IntoIterator<Item = S>>(
    header: I,
    right: &[usize],
) -> comfy_table::Table {
    use comfy_table::{CellAlignment, ContentArrangement, presets};
    let mut t = comfy_table::Table::new();
    t.load_style(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(header);
    for &i in right {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    // The preset pads each cell with a space on both sides; the first column needs none.
    if let Some(c) = t.column_mut(0) {
        c.set_padding((0, 1));
    }
    t
}

/// A table as text, without the trailing spaces of its last column.
pub fn render(t: &comfy_table::Table) -> String {
    t.lines()
        .map(|l| l.trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A name with its id as secondary text: `Blue Motors (C0042)`, or the id alone.
pub fn named(name: Option<&str>, id: &str) -> String {
    match name {
        Some(n) if !n.is_empty() && n != id => format!("{n} ({id})"),
        _ => id.to_owned(),
    }
}

pub use milepost::format::percent;
