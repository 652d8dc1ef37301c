//! `milepost`: the command line for people who script their journeys and daily assessment,
//! and for tests. Exit codes: 0 ok, 1 the input or the workspace is wrong (message on
//! stderr), 2 the command line itself is wrong. This file only parses and dispatches; each
//! command group lives in `cli/`.

mod cli;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "milepost",
    version,
    about = "Design customer journeys and measure customers against them.",
    long_about = "Design customer journeys and measure customers against them.\n\n\
        Everything lives in one SQLite file (the workspace). The desktop app and this \
        command use the same default file; point both elsewhere with --db or MILEPOST_DB.\n\n\
        A journey is named by its id, its name, or the start of its name in any case \
        (\"billing\")."
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
    Journey(cli::journey::JourneyCommand),
    /// List the built-in journey templates
    Templates,
    /// Import customer data and see what the workspace holds
    #[command(subcommand)]
    Data(cli::data::DataCommand),
    /// The success funnel of a journey over the customers started by the as-of date
    Funnel(cli::funnel::FunnelCommand),
    /// Where every customer is: furthest milestone, stage, days in it, health, next action
    Customers(cli::funnel::CustomersArgs),
    /// This week's tasks from the playbook's rules, or a dry run of the rules over past weeks
    Tasks(cli::tasks::TasksArgs),
    /// Of each monthly start cohort, the share that reached each milestone in 30/60/90/180 days
    Cohorts(cli::funnel::FunnelCommand),
    /// How many customers will reach each milestone in the next N days
    Forecast(cli::forecast::ForecastArgs),
    /// A prioritisation matrix (purpose × intent…) filled with stakeholders or customers
    Matrix(cli::matrix::MatrixArgs),
    /// Every customer ranked by a weighted sum of stakeholder scores, and how stable the top is
    Priority(cli::priority::PriorityArgs),
    /// Value realisation against peers: what each customer leaves on the table, its
    /// maturity phase, what to unlock next
    Value(cli::value::ValueArgs),
    /// The workspace's currency: print it, or set it (USD, EUR, GBP, …)
    Currency(cli::currency::CurrencyArgs),
    /// Peer benchmarks as aggregates only: export them for another workspace, or import some
    #[command(subcommand)]
    Benchmarks(cli::benchmarks::BenchmarksCommand),
    /// Back the workspace up, list its backups, restore one
    #[command(subcommand)]
    Backup(cli::backup::BackupCommand),
    /// Save what can still be read of a damaged workspace into a new one
    Salvage(cli::backup::SalvageArgs),
    /// The journey's assessment as SQL for a warehouse: DuckDB, PostgreSQL, Spark,
    /// Snowflake or BigQuery
    Sql(cli::sql::SqlArgs),
    /// Measure the engine: load the data, then recompute the funnel again and again
    Bench(cli::bench::BenchArgs),
    /// Write a realistic demo data set (customers, events, stakeholders)
    Demo(cli::data::DemoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    milepost::store::on_long_wait(|| {
        eprintln!(
            "Waiting for another Milepost window or command to finish writing to the workspace…"
        );
    });
    let db = cli.db.as_deref();
    let result = match cli.command {
        Command::Journey(c) => cli::journey::exec(db, c),
        Command::Templates => cli::journey::templates(),
        Command::Data(c) => cli::data::exec(db, c),
        Command::Funnel(a) => cli::funnel::funnel(db, a),
        Command::Customers(a) => cli::funnel::customers(db, a),
        Command::Tasks(a) => cli::tasks::exec(db, a),
        Command::Cohorts(a) => cli::funnel::cohorts(db, a),
        Command::Forecast(a) => cli::forecast::exec(db, a),
        Command::Matrix(a) => cli::matrix::exec(db, a),
        Command::Priority(a) => cli::priority::exec(db, a),
        Command::Value(a) => cli::value::exec(db, a),
        Command::Currency(a) => cli::currency::exec(db, a),
        Command::Benchmarks(c) => cli::benchmarks::exec(db, c),
        Command::Backup(c) => cli::backup::exec(db, c),
        Command::Salvage(a) => cli::backup::salvage(db, a),
        Command::Sql(a) => cli::sql::exec(db, a),
        Command::Bench(a) => cli::bench::exec(db, a),
        Command::Demo(a) => cli::data::demo(db, a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // The core's errors already say their cause: the chain would say it twice.
            eprintln!("milepost: {e}");
            ExitCode::from(1)
        }
    }
}
