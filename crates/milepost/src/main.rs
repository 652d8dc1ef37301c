//! `milepost`: the command line for people who script their journeys and daily assessment,
//! and for tests. Exit codes: 0 ok, 1 the input or the workspace is wrong (message on
//! stderr), 2 the command line itself is wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use milepost::data::{DateOrder, ImportOptions, ImportOutcome, Table, demo};
use milepost::journey::{file, templates};
use milepost::store::{self, Store};

#[derive(Debug, Parser)]
#[command(
    name = "milepost",
    version,
    about = "Design customer journeys and measure customers against them.",
    long_about = "Design customer journeys and measure customers against them.\n\n\
        Everything lives in one SQLite file (the workspace). The desktop app and this \
        command use the same default file; point both elsewhere with --db or MILEPOST_DB."
)]
struct Cli {
    /// Workspace database file [default: $MILEPOST_DB, else the app's data directory]
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create, import, export and check journeys
    #[command(subcommand)]
    Journey(JourneyCommand),
    /// List the built-in journey templates
    Templates,
    /// Import customer data and see what the workspace holds
    #[command(subcommand)]
    Data(DataCommand),
    /// The success funnel of a journey over the workspace's customers
    Funnel {
        /// The journey's name or id
        journey: String,
        #[command(flatten)]
        scope: Scope,
        /// Print JSON (the contract other tools rely on)
        #[arg(long)]
        json: bool,
    },
    /// Where every customer is: furthest milestone, when each was reached, current stage
    Customers {
        /// The journey's name or id
        journey: String,
        #[command(flatten)]
        scope: Scope,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Today's tasks from the playbook's rules, or a dry run of the rules over past weeks
    Tasks {
        /// The journey's name or id
        journey: String,
        #[command(flatten)]
        scope: Scope,
        /// Tasks created in this many days up to the as-of date
        #[arg(long, default_value_t = 7)]
        days: i64,
        /// Print JSON
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (spreadsheet-safe: no cell starts a formula)
        #[arg(long)]
        csv: bool,
        /// Replay the rules over past weeks: tasks per owner per week
        #[arg(long)]
        dry_run: bool,
        /// Weeks to replay in a dry run
        #[arg(long, default_value_t = 12)]
        weeks: i64,
        /// Tasks a person in a role can take per week: --capacity CSM=25 (role id or name)
        #[arg(long = "capacity", value_name = "ROLE=N")]
        capacity: Vec<String>,
    },
    /// Of each monthly start cohort, the share that reached each milestone in 30/60/90/180 days
    Cohorts {
        /// The journey's name or id
        journey: String,
        #[command(flatten)]
        scope: Scope,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// How many customers will reach each milestone in the next N days
    Forecast {
        /// The journey's name or id
        journey: String,
        #[command(flatten)]
        scope: Scope,
        /// The horizon in days
        #[arg(long, default_value_t = 90)]
        days: u32,
        /// Forecast as of this earlier day and compare with what happened next
        #[arg(long, value_name = "YYYY-MM-DD")]
        backtest: Option<String>,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Measure the engine: load the data, then recompute the funnel again and again
    Bench {
        /// The journey's name or id
        journey: String,
        /// How many recomputes to time
        #[arg(long, default_value_t = 20)]
        runs: usize,
    },
    /// Write a realistic demo data set (customers, events, stakeholders)
    Demo {
        /// How many customers
        #[arg(long, default_value_t = 500)]
        customers: usize,
        /// The same seed gives the same data
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Write CSV files into this folder instead of importing into the workspace
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

/// As of when, and which customers.
#[derive(Debug, clap::Args)]
struct Scope {
    /// Count events up to and including this day [default: the day of the latest event]
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// Only customers of this segment
    #[arg(long)]
    segment: Option<String>,
    /// Only customers on this plan
    #[arg(long)]
    plan: Option<String>,
    /// Only customers of this owner
    #[arg(long)]
    owner: Option<String>,
    /// Only customers who started in this month (a start-date cohort)
    #[arg(long, value_name = "YYYY-MM")]
    cohort: Option<String>,
}

#[derive(Debug, Subcommand)]
enum DataCommand {
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
        #[arg(long = "map", value_name = "FIELD=HEADER")]
        map: Vec<String>,
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

#[derive(Debug, Subcommand)]
enum JourneyCommand {
    /// Import a journey file (milepost/journey@1) into the workspace
    Import {
        /// The journey file (.json)
        file: PathBuf,
    },
    /// List the journeys in the workspace, most recent first
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Write a journey to a file in the milepost/journey@1 format
    Export {
        /// The journey's name or id (see `milepost journey list`)
        journey: String,
        /// Where to write; `-` for standard output
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// Check a journey file and list every problem with its place
    Validate {
        /// The journey file (.json)
        file: PathBuf,
    },
    /// Create a journey from a built-in template, or a blank one
    New {
        /// The template's key (see `milepost templates`); without it, a blank journey
        #[arg(long)]
        template: Option<String>,
        /// A name for the new journey [default: the template's name, or "New journey"]
        #[arg(long)]
        name: Option<String>,
    },
    /// Rename a journey (an open editor shows the new name within seconds)
    Rename {
        /// The journey's name or id
        journey: String,
        /// The new name
        name: String,
    },
    /// Delete a journey from the workspace
    Delete {
        /// The journey's name or id
        journey: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("milepost: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn open(db: Option<&Path>) -> anyhow::Result<Store> {
    Ok(Store::open(&store::resolve_path(
        db.map(Path::to_path_buf),
    ))?)
}

/// Runs an import, showing progress on a terminal; prints the one-line summary on stdout
/// and the report on stderr.
fn import(store: &mut Store, opts: &ImportOptions) -> anyhow::Result<ImportOutcome> {
    use std::io::{IsTerminal, Write};
    let tty = std::io::stderr().is_terminal();
    let mut progress = |p: milepost::data::Progress| {
        if tty {
            let rate = p.rows as f64 / p.seconds.max(1e-9);
            eprint!(
                "\r{} rows, {:.0} rows/s, {}%   ",
                p.rows,
                rate,
                p.done * 100 / p.total.max(1)
            );
            let _ = std::io::stderr().flush();
        }
    };
    let never = std::sync::atomic::AtomicBool::new(false);
    let outcome = store.import(opts, &mut progress, &never)?;
    if tty {
        eprint!("\r\x1b[K");
    }
    eprint!("{}", outcome.report.text());
    if outcome.committed {
        println!("{}", outcome.summary());
    }
    Ok(outcome)
}

/// Loads the journey and the data and assesses every customer as of the scope's date.
fn assessed(
    db: Option<&Path>,
    journey: &str,
    scope: &Scope,
) -> anyhow::Result<(
    milepost::journey::Journey,
    milepost::engine::Dataset,
    milepost::engine::Assessment,
)> {
    let store = open(db)?;
    let j = store.load_journey(store.find_journey(journey)?)?;
    let data = store.load_dataset()?;
    let day = match &scope.as_of {
        Some(text) => milepost::data::values::parse_timestamp(text, DateOrder::Auto)
            .map_err(|e| anyhow::anyhow!("--as-of {text}: {e}"))?,
        None => data.latest().ok_or_else(|| {
            anyhow::anyhow!("the workspace has no events yet (milepost data import events FILE)")
        })?,
    };
    let a = milepost::engine::assess(&j, &data, milepost::engine::cutoff_of_day(day));
    Ok((j, data, a))
}

fn filter_of(scope: &Scope) -> anyhow::Result<milepost::engine::Filter> {
    let started = match &scope.cohort {
        Some(month) => Some(milepost::engine::month_range(month).ok_or_else(|| {
            anyhow::anyhow!("--cohort {month}: expected a month as YYYY-MM, e.g. 2025-03")
        })?),
        None => None,
    };
    Ok(milepost::engine::Filter {
        segment: scope.segment.clone(),
        plan: scope.plan.clone(),
        owner: scope.owner.clone(),
        started,
    })
}

/// Prints to stdout; a reader that stops early (`| head`) is not an error.
fn out(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.write_all(b"\n"))
    {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn percent(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{:.1}%", v * 100.0))
}

fn days(x: Option<f64>) -> String {
    x.map_or_else(|| "—".to_owned(), |v| format!("{v:.1}"))
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let db = cli.db.as_deref();
    match cli.command {
        Command::Templates => {
            for t in templates::list() {
                println!("{:<22} {}\n{:<22} {}", t.key, t.name, "", t.summary);
            }
        }
        Command::Journey(JourneyCommand::Validate { file }) => {
            let j = file::read(&file)?;
            println!(
                "{}: valid journey \"{}\" ({} stages, {} milestones)",
                file.display(),
                j.name,
                j.stages.len(),
                j.milestones().count()
            );
        }
        Command::Journey(JourneyCommand::Import { file }) => {
            let journey = file::read(&file)?;
            let id = open(db)?.insert_journey(&journey)?;
            println!("{}\t{}", id, journey.name);
        }
        Command::Journey(JourneyCommand::New { template, name }) => {
            let mut journey = match template {
                Some(key) => templates::get(&key).ok_or(milepost::Error::TemplateNotFound(key))?,
                None => templates::blank("New journey"),
            };
            if let Some(name) = name {
                journey.name = name;
            }
            let id = open(db)?.insert_journey(&journey)?;
            println!("{}\t{}", id, journey.name);
        }
        Command::Journey(JourneyCommand::List { json }) => {
            let list = open(db)?.list_journeys()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&list)?);
            } else if list.is_empty() {
                eprintln!("No journeys yet. Try: milepost journey new --template billing-saas");
            } else {
                println!(
                    "{:>4}  {:<48} {:>6} {:>10}",
                    "ID", "NAME", "STAGES", "MILESTONES"
                );
                for j in list {
                    println!(
                        "{:>4}  {:<48} {:>6} {:>10}",
                        j.id, j.name, j.stages, j.milestones
                    );
                }
            }
        }
        Command::Journey(JourneyCommand::Export { journey, output }) => {
            let store = open(db)?;
            let id = store.find_journey(&journey)?;
            if output.as_os_str() == "-" {
                print!("{}", file::to_string(&store.load_journey(id)?));
            } else {
                file::write(&output, &store.load_journey(id)?)?;
                eprintln!("wrote {}", output.display());
            }
        }
        Command::Journey(JourneyCommand::Rename { journey, name }) => {
            let mut store = open(db)?;
            let id = store.find_journey(&journey)?;
            let mut j = store.load_journey(id)?;
            j.name = name;
            file::validate(&j).map_err(|problems| milepost::Error::InvalidJourney {
                source_name: format!("journey {id}"),
                problems,
            })?;
            store.save_journey(id, &j)?;
            println!("{id}\t{}", j.name);
        }
        Command::Data(DataCommand::Import {
            table,
            file,
            map,
            date_format,
            skip_bad_rows,
            replace,
            sheet,
            wide,
        }) => {
            let mut opts = ImportOptions::new(table, file);
            for m in map {
                let (field, header) = m.split_once('=').ok_or_else(|| {
                    anyhow::anyhow!(
                        "--map {m}: expected FIELD=HEADER, e.g. --map customer_id=\"Account ID\""
                    )
                })?;
                opts.mapping
                    .insert(field.trim().to_owned(), header.trim().to_owned());
            }
            opts.date_order = date_format;
            opts.skip_bad_rows = skip_bad_rows;
            opts.replace = replace;
            opts.sheet = sheet;
            opts.wide = wide;
            let outcome = import(&mut open(db)?, &opts)?;
            if !outcome.committed {
                return Err(anyhow::anyhow!("{}", outcome.summary()));
            }
        }
        Command::Data(DataCommand::Summary { json }) => {
            let s = open(db)?.data_summary()?;
            if json {
                println!("{}", serde_json::to_string_pretty(&s)?);
            } else {
                let range = |t: &milepost::store::TableSummary| match (&t.from, &t.to) {
                    (Some(a), Some(b)) => format!(", {a} to {b}"),
                    _ => String::new(),
                };
                println!(
                    "customers     {:>10}  ({} churned{})",
                    s.customers.rows,
                    s.churned,
                    range(&s.customers).replace(", ", ", started ")
                );
                println!(
                    "events        {:>10}  ({} kinds{})",
                    s.events.rows,
                    s.event_names,
                    range(&s.events)
                );
                println!("stakeholders  {:>10}", s.stakeholders.rows);
                if let Some(at) = s.last_import {
                    println!("last import   {at}");
                }
            }
        }
        Command::Funnel {
            journey,
            scope,
            json,
        } => {
            let (j, data, a) = assessed(db, &journey, &scope)?;
            let f = milepost::engine::funnel(&j.name, &data, &a, &filter_of(&scope)?);
            if json {
                out(&serde_json::to_string_pretty(&f)?)?;
            } else {
                println!(
                    "{} — as of {}, {} customers",
                    f.journey, f.as_of, f.customers
                );
                println!(
                    "{:>3}  {:<34} {:<12} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>7}",
                    "",
                    "MILESTONE",
                    "STAGE",
                    "REACHED",
                    "FROM PREV",
                    "FROM START",
                    "MEDIAN D",
                    "P75 D",
                    "CHURNED",
                    "CHURN"
                );
                for (i, m) in f.milestones.iter().enumerate() {
                    let mark = if f.bottleneck.as_deref() == Some(m.id.as_str()) {
                        "  ◀ bottleneck"
                    } else {
                        ""
                    };
                    println!(
                        "{:>3}  {:<34} {:<12} {:>8} {:>9} {:>9} {:>8} {:>8} {:>8} {:>7}{mark}",
                        i + 1,
                        m.name.chars().take(34).collect::<String>(),
                        m.stage.chars().take(12).collect::<String>(),
                        m.reached,
                        percent(m.conversion_from_previous),
                        percent(m.conversion_from_start),
                        days(m.median_days_from_start),
                        days(m.p75_days_from_start),
                        m.churned,
                        percent(m.churn_rate)
                    );
                }
                println!(
                    "     reached no milestone: {} ({} churned)",
                    f.not_started, f.not_started_churned
                );
            }
        }
        Command::Customers {
            journey,
            scope,
            json,
        } => {
            let (j, data, a) = assessed(db, &journey, &scope)?;
            let rows = milepost::engine::customer_states(&j, &data, &a, &filter_of(&scope)?);
            if json {
                out(&serde_json::to_string_pretty(&rows)?)?;
            } else {
                let mut text = format!(
                    "{:<14} {:<24} {:<12} {:>8}  {:<7} {}\n",
                    "CUSTOMER", "FURTHEST MILESTONE", "STAGE", "DAYS", "HEALTH", "NEXT ACTION"
                );
                for r in rows {
                    let (colour, action) = match (&r.health, r.churned) {
                        (_, true) => ("churned".to_owned(), String::new()),
                        (Some(h), _) => (
                            format!("{:?}", h.colour).to_lowercase(),
                            h.action.clone().unwrap_or_default(),
                        ),
                        (None, _) => ("—".to_owned(), String::new()),
                    };
                    text.push_str(&format!(
                        "{:<14} {:<24} {:<12} {:>8}  {:<7} {}\n",
                        r.id,
                        r.furthest.as_deref().unwrap_or("—"),
                        r.stage.as_deref().unwrap_or("—"),
                        days(r.days_in_stage),
                        colour,
                        action
                    ));
                }
                out(text.trim_end())?;
            }
        }
        Command::Tasks {
            journey,
            scope,
            days: window,
            json,
            csv,
            dry_run,
            weeks,
            capacity,
        } => {
            let (j, data, a) = assessed(db, &journey, &scope)?;
            if dry_run {
                let mut caps = std::collections::BTreeMap::new();
                for c in capacity {
                    let (role, n) = c
                        .split_once('=')
                        .ok_or_else(|| anyhow::anyhow!("--capacity {c}: expected ROLE=N"))?;
                    let n: u32 = n
                        .trim()
                        .parse()
                        .map_err(|_| anyhow::anyhow!("--capacity {c}: N must be a whole number"))?;
                    caps.insert(role.trim().to_owned(), n);
                }
                let load = milepost::engine::dry_run(&j, &data, a.cutoff, weeks, &caps);
                if json {
                    out(&serde_json::to_string_pretty(&load)?)?;
                } else {
                    let mut text = format!(
                        "{:<11} {:<22} {:<28} {:>6} {:>9}\n",
                        "WEEK OF", "OWNER", "ROLE", "TASKS", "CAPACITY"
                    );
                    for w in load {
                        text.push_str(&format!(
                            "{:<11} {:<22} {:<28} {:>6} {:>9}{}\n",
                            w.week,
                            w.owner.as_deref().unwrap_or("—"),
                            w.role.as_deref().unwrap_or("—"),
                            w.tasks,
                            w.capacity.map_or("—".to_owned(), |c| c.to_string()),
                            if w.over { "  over" } else { "" }
                        ));
                    }
                    out(text.trim_end())?;
                }
                return Ok(());
            }
            let list = milepost::engine::tasks(&j, &data, &a, window);
            if json {
                out(&serde_json::to_string_pretty(&list)?)?;
            } else if csv {
                out(milepost::engine::to_csv(&list).trim_end())?;
            } else {
                let mut text = format!(
                    "{:<7} {:<11} {:<12} {:<34} {:<20} {}\n",
                    "PRIO", "DUE", "CUSTOMER", "TASK", "OWNER", "REASON"
                );
                for t in &list {
                    text.push_str(&format!(
                        "{:<7} {:<11} {:<12} {:<34} {:<20} {}\n",
                        format!("{:?}", t.priority).to_lowercase(),
                        t.due,
                        t.customer,
                        t.title.chars().take(34).collect::<String>(),
                        t.owner.as_deref().unwrap_or("—"),
                        t.reason
                    ));
                }
                out(text.trim_end())?;
            }
        }
        Command::Cohorts {
            journey,
            scope,
            json,
        } => {
            let (_, data, a) = assessed(db, &journey, &scope)?;
            let rows = milepost::engine::cohorts(&data, &a, &filter_of(&scope)?);
            if json {
                out(&serde_json::to_string_pretty(&rows)?)?;
            } else {
                // One block per milestone: months down, horizons across.
                let mut text = String::new();
                for (k, m) in a.milestones.iter().enumerate() {
                    text.push_str(&format!(
                        "{}\n{:<8} {:>9} {:>7} {:>7} {:>7} {:>7}\n",
                        m.name, "COHORT", "CUSTOMERS", "30 D", "60 D", "90 D", "180 D"
                    ));
                    for r in &rows {
                        text.push_str(&format!("{:<8} {:>9}", r.month, r.customers));
                        for (h, share) in r.share[k].iter().enumerate() {
                            let mark = if r.complete[h] { "" } else { "*" };
                            let cell = format!("{:.0}%{mark}", share * 100.0);
                            text.push_str(&format!(" {cell:>7}"));
                        }
                        text.push('\n');
                    }
                    text.push('\n');
                }
                text.push_str("* the cohort has not had that long yet: the share can still grow");
                out(&text)?;
            }
        }
        Command::Forecast {
            journey,
            scope,
            days: horizon,
            backtest,
            json,
        } => {
            let (j, data, a) = assessed(db, &journey, &scope)?;
            if let Some(day) = backtest {
                let t = milepost::data::values::parse_timestamp(&day, DateOrder::Auto)
                    .map_err(|e| anyhow::anyhow!("--backtest {day}: {e}"))?;
                let b = milepost::engine::backtest(
                    &j,
                    &data,
                    milepost::engine::cutoff_of_day(t),
                    horizon,
                );
                if json {
                    out(&serde_json::to_string_pretty(&b)?)?;
                } else {
                    let mut text = format!(
                        "Back-test: forecast as of {} for {} days, against what happened\n{:<24} {:>10} {:>8}\n",
                        b.as_of, b.days, "MILESTONE", "FORECAST", "ACTUAL"
                    );
                    for m in &b.milestones {
                        text.push_str(&format!(
                            "{:<24} {:>10.1} {:>8}\n",
                            m.id, m.forecast, m.actual
                        ));
                    }
                    text.push_str(&format!(
                        "mean absolute error {:.1} customers per milestone; weighted error {}",
                        b.mean_absolute_error,
                        percent(b.weighted_error)
                    ));
                    out(&text)?;
                }
                let _ = a;
                return Ok(());
            }
            let f = milepost::engine::forecast(&data, &a, horizon);
            if json {
                out(&serde_json::to_string_pretty(&f)?)?;
            } else {
                let mut text = format!(
                    "Forecast as of {}: customers reaching each milestone in the next {} days\n{:<34} {:>10} {:>10}\n",
                    f.as_of, f.days, "MILESTONE", "IN FLIGHT", "EXPECTED"
                );
                for m in &f.milestones {
                    text.push_str(&format!(
                        "{:<34} {:>10} {:>10.1}\n",
                        m.name.chars().take(34).collect::<String>(),
                        m.in_flight,
                        m.expected
                    ));
                }
                out(text.trim_end())?;
            }
        }
        Command::Bench { journey, runs } => {
            let store = open(db)?;
            let j = store.load_journey(store.find_journey(&journey)?)?;
            let t0 = std::time::Instant::now();
            let data = store.load_dataset()?;
            let load = t0.elapsed();
            let latest = data
                .latest()
                .ok_or_else(|| anyhow::anyhow!("the workspace has no events yet"))?;
            let cutoff = milepost::engine::cutoff_of_day(latest);
            let mut times = Vec::with_capacity(runs);
            let mut f = None;
            for _ in 0..runs.max(1) {
                let t = std::time::Instant::now();
                let a = milepost::engine::assess(&j, &data, cutoff);
                f = Some(milepost::engine::funnel(
                    &j.name,
                    &data,
                    &a,
                    &milepost::engine::Filter::default(),
                ));
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(f64::total_cmp);
            let f = f.expect("at least one run");
            println!(
                "engine: {} customers, {} events, {} milestones; load {:.0} ms; full recompute median {:.1} ms (min {:.1}, max {:.1}, {} runs)",
                data.customers.len(),
                data.events(),
                f.milestones.len(),
                load.as_secs_f64() * 1000.0,
                times[times.len() / 2],
                times[0],
                times[times.len() - 1],
                times.len()
            );
            let reached: Vec<String> = f
                .milestones
                .iter()
                .map(|m| format!("{}={}", m.id, m.reached))
                .collect();
            println!("reached: {}", reached.join(" "));
        }
        Command::Demo {
            customers,
            seed,
            out,
        } => match out {
            Some(dir) => {
                let f = demo::write_files(&dir, customers, seed)?;
                println!(
                    "wrote {} ({} rows), {} ({} rows), {} ({} rows)",
                    f.customers.display(),
                    f.customer_rows,
                    f.events.display(),
                    f.event_rows,
                    f.stakeholders.display(),
                    f.stakeholder_rows
                );
            }
            None => {
                let mut store = open(db)?;
                demo::load(&mut store, customers, seed)?;
                let s = store.data_summary()?;
                println!(
                    "demo data: {} customers, {} events, {} stakeholders",
                    s.customers.rows, s.events.rows, s.stakeholders.rows
                );
            }
        },
        Command::Journey(JourneyCommand::Delete { journey }) => {
            let store = open(db)?;
            let id = store.find_journey(&journey)?;
            store.delete_journey(id)?;
            println!("deleted {id}");
        }
    }
    Ok(())
}
