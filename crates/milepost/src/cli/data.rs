//! `milepost data …` and `milepost demo`: import customer data, see what the workspace
//! holds, and write or load the demo data set.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use milepost::data::{DateOrder, ImportOptions, ImportOutcome, Table};
use milepost::demo;
use milepost::store::Store;

use super::{key_value, open, out, out_json};

#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Import a CSV or Excel file (.csv, .xlsx, .xls, .ods) into the workspace
    ///
    /// One transaction: when any row has an error nothing is imported (unless
    /// --skip-bad-rows), and a cancelled or killed import changes nothing.
    Import {
        /// customers, events or stakeholders
        table: Table,
        /// The file to read
        file: PathBuf,
        /// Take a field from a column: --map customer_id="Account ID" (repeatable; an
        /// empty header leaves the field out). Unmapped fields are matched by header.
        #[arg(long = "map", value_name = "FIELD=HEADER", value_parser = key_value::<String>)]
        map: Vec<(String, String)>,
        /// How to read 01/02/2025: dmy, mdy, or auto (decided from the file)
        #[arg(long, value_name = "dmy|mdy|auto", default_value = "auto")]
        date_format: DateOrder,
        /// Import the good rows and report the bad ones
        #[arg(long)]
        skip_bad_rows: bool,
        /// Events: replace every stored event instead of appending
        #[arg(long)]
        replace: bool,
        /// A spreadsheet's sheet [default: the first]
        #[arg(long)]
        sheet: Option<String>,
        /// Events come wide: one row per customer and date, one column per metric
        #[arg(long)]
        wide: bool,
    },
    /// Counts and date ranges of the workspace's customer data
    Summary {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
}

/// `milepost demo`
#[derive(Debug, clap::Args)]
pub struct DemoArgs {
    /// How many customers
    #[arg(long, default_value_t = 500)]
    customers: usize,
    /// The same seed gives the same data
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write CSV files into this folder instead of importing into the workspace
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

/// Runs an import, showing a progress bar on a terminal (nothing when stderr is a file or
/// a pipe); prints the one-line summary on stdout and the report on stderr.
fn import(store: &mut Store, opts: &ImportOptions) -> anyhow::Result<ImportOutcome> {
    let bar =
        indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{bar:32.cyan/blue} {percent:>3}%  {msg}  ({eta} left)",
        )
        .expect("a valid template")
        .progress_chars("█▉ "),
    );
    let mut step = milepost::data::ImportStep::Reading;
    let mut progress = |p: milepost::data::Progress| {
        if p.step != step {
            step = p.step;
            bar.reset();
        }
        bar.set_length(p.total);
        bar.set_position(p.done);
        bar.set_message(match p.step {
            milepost::data::ImportStep::Reading => format!(
                "{} rows, {} rows/s",
                milepost::format::count(p.rows),
                milepost::format::count((p.rows as f64 / p.seconds.max(1e-9)) as u64)
            ),
            milepost::data::ImportStep::Checking => format!(
                "{} rows read; checking their events for repeats",
                milepost::format::count(p.rows)
            ),
        });
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    let outcome = store.import(opts, &mut progress, &never);
    bar.finish_and_clear();
    let outcome = outcome?;
    eprint!("{}", outcome.report.text());
    if outcome.committed {
        out(&outcome.headline)?;
    }
    Ok(outcome)
}

pub fn exec(db: Option<&Path>, command: DataCommand) -> anyhow::Result<()> {
    match command {
        DataCommand::Import {
            table,
            file,
            map,
            date_format,
            skip_bad_rows,
            replace,
            sheet,
            wide,
        } => {
            let mut opts = ImportOptions::new(table, file);
            opts.mapping.extend(map);
            opts.date_order = date_format;
            opts.skip_bad_rows = skip_bad_rows;
            opts.replace = replace;
            opts.sheet = sheet;
            opts.wide = wide;
            let outcome = import(&mut open(db)?, &opts)?;
            if !outcome.committed {
                anyhow::bail!("{}: {}", opts.path.display(), outcome.headline);
            }
            Ok(())
        }
        DataCommand::Summary { json } => {
            let s = open(db)?.data_summary()?;
            if json {
                return out_json(&s);
            }
            let range = |t: &milepost::store::TableSummary| match (&t.from, &t.to) {
                (Some(a), Some(b)) => format!(", {a} to {b}"),
                _ => String::new(),
            };
            let mut text = format!(
                "customers     {:>10}  ({} churned{})\n",
                s.customers.rows,
                s.churned,
                range(&s.customers).replace(", ", ", started ")
            );
            text.push_str(&format!(
                "events        {:>10}  ({} kinds{})\n",
                s.events.rows,
                s.event_names,
                range(&s.events)
            ));
            text.push_str(&format!("stakeholders  {:>10}", s.stakeholders.rows));
            if let Some(at) = s.last_import {
                text.push_str(&format!("\nlast import   {at}"));
            }
            out(text)
        }
    }
}

pub fn demo(db: Option<&Path>, args: DemoArgs) -> anyhow::Result<()> {
    match args.out {
        Some(dir) => {
            let f = demo::write_files(&dir, args.customers, args.seed)?;
            out(format!(
                "wrote {} ({} rows), {} ({} rows), {} ({} rows)",
                f.customers.display(),
                f.customer_rows,
                f.events.display(),
                f.event_rows,
                f.stakeholders.display(),
                f.stakeholder_rows
            ))
        }
        None => {
            let mut store = open(db)?;
            demo::load(&mut store, args.customers, args.seed)?;
            let s = store.data_summary()?;
            let mut text = format!(
                "demo data: {} customers, {} events, {} stakeholders",
                s.customers.rows, s.events.rows, s.stakeholders.rows
            );
            let data = store.load_dataset()?;
            for p in demo::profiles(&data, &store.load_scores(&data, None)?) {
                text.push_str("\n  ");
                text.push_str(&p.line());
            }
            out(text)
        }
    }
}
