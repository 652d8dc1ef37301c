//! `milepost`: the command line for people who script their journeys and daily assessment,
//! and for tests. Exit codes: 0 ok, 1 the input or the workspace is wrong (message on
//! stderr), 2 the command line itself is wrong.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
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
        Command::Journey(JourneyCommand::Delete { journey }) => {
            let store = open(db)?;
            let id = store.find_journey(&journey)?;
            store.delete_journey(id)?;
            println!("deleted {id}");
        }
    }
    Ok(())
}
