//! `milepost journey …` and `milepost templates`: create, import, export, check, rename
//! and delete journeys.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use milepost::journey::{file, templates};

use super::{open, out, out_json, render, table};

#[derive(Debug, Subcommand)]
pub enum JourneyCommand {
    /// Import a journey file (milepost/journey@1) into the workspace
    Import {
        /// The journey file (.json)
        file: PathBuf,
        /// Replace this journey's content with the file's, keeping its id (its content
        /// now is saved first as an automatic version)
        #[arg(long, value_name = "JOURNEY")]
        replace: Option<String>,
    },
    /// Save the journey as it is now as a named version; prints the version's id
    Snapshot {
        /// The journey's id, name, or the start of its name
        journey: String,
        /// What to call the version, e.g. "Before workshop"
        #[arg(long)]
        name: String,
    },
    /// List a journey's saved versions, oldest first
    Versions {
        journey: String,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// What changed between two versions (V2 defaults to the journey as it is now)
    Diff {
        journey: String,
        v1: i64,
        v2: Option<i64>,
        /// Print JSON instead of a list
        #[arg(long)]
        json: bool,
    },
    /// The workshop summary as Markdown: who attended, agenda, decisions, most votes,
    /// parking lot
    Summary {
        journey: String,
        /// Where to write [default: standard output]
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Make the journey what version V saved (its content now is saved first as an
    /// automatic version, so the restore can be undone by restoring that one)
    Restore { journey: String, version: i64 },
    /// List the journeys in the workspace, most recent first
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Write a journey to a file: the milepost/journey@1 file, the playbook as PDF, or the
    /// journey map as an image
    Export(ExportArgs),
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
        /// A name for the new journey [default: the template's name, or "New journey"];
        /// a name already taken gets " (2)" appended
        #[arg(long)]
        name: Option<String>,
    },
    /// Rename a journey (an open editor shows the new name within seconds)
    Rename {
        /// The journey's id, name, or the start of its name
        journey: String,
        /// The new name
        name: String,
    },
    /// Delete a journey from the workspace
    Delete {
        /// The journey's id, name, or the start of its name
        journey: String,
    },
}

#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The journey's id, name, or the start of its name (see `milepost journey list`)
    journey: String,
    /// Where to write; `-` for standard output
    #[arg(short, long, value_name = "FILE")]
    output: PathBuf,
    /// json: the journey file; pdf: the playbook; png, svg: the journey map for slides
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Leave out the numbers: the JSON file's analytics snapshot, the playbook's numbers
    /// section and the map's counts, added when the workspace has customer data
    #[arg(long)]
    no_data: bool,
    /// The numbers as of this day [default: the day of the latest event]
    #[arg(long, value_name = "YYYY-MM-DD")]
    as_of: Option<String>,
    /// The playbook's paper size
    #[arg(long, value_enum, default_value_t = PaperArg::A4)]
    paper: PaperArg,
    /// The company named on the playbook's cover
    #[arg(long)]
    company: Option<String>,
    /// The journey map's colours
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Pdf,
    Png,
    Svg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub(super) enum PaperArg {
    A4,
    Letter,
}

impl From<PaperArg> for milepost::report::Paper {
    fn from(p: PaperArg) -> Self {
        match p {
            PaperArg::A4 => Self::A4,
            PaperArg::Letter => Self::Letter,
        }
    }
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

fn export(db: Option<&Path>, args: ExportArgs) -> anyhow::Result<()> {
    use milepost::report::{self, ImageFormat, MapOptions, Options, Theme};
    let store = open(db)?;
    let j = store.load_journey(store.find_journey(&args.journey)?)?;
    let (data, scores) = if args.no_data {
        (None, None)
    } else {
        let data = store.load_dataset()?;
        let scores = store.load_scores(&data, Some(&j))?;
        (Some(data), Some(scores))
    };
    let both = data.as_ref().zip(scores.as_ref());
    let bytes = match args.format {
        Format::Json => report::journey_file(&j, both).into_bytes(),
        Format::Pdf => report::playbook_pdf(
            &j,
            both,
            &Options {
                paper: args.paper.into(),
                company: args.company,
                as_of: args.as_of,
                no_data: args.no_data,
                currency: store.currency()?,
                ..Options::default()
            },
            milepost::now(),
        )?,
        Format::Png | Format::Svg => report::journey_map(
            &j,
            both,
            &MapOptions {
                theme: match args.theme {
                    ThemeArg::Light => Theme::Light,
                    ThemeArg::Dark => Theme::Dark,
                },
                as_of: args.as_of,
                no_data: args.no_data,
                stages: None,
            },
            if args.format == Format::Png {
                ImageFormat::Png
            } else {
                ImageFormat::Svg
            },
            milepost::now(),
        )?,
    };
    if args.output.as_os_str() == "-" {
        use std::io::Write;
        std::io::stdout().write_all(&bytes)?;
    } else {
        report::write_atomic(&args.output, &bytes)?;
        eprintln!("wrote {}", args.output.display());
    }
    Ok(())
}

/// `milepost templates`
pub fn templates() -> anyhow::Result<()> {
    let mut t = table(["KEY", "TEMPLATE"], &[]);
    for tpl in templates::list() {
        t.add_row([tpl.key.to_owned(), format!("{}\n{}", tpl.name, tpl.summary)]);
    }
    out(render(&t))
}

/// Prints what `insert_journey` stored: its id and the name it got.
fn stored(store: &milepost::store::Store, id: i64) -> anyhow::Result<()> {
    out(format!("{id}\t{}", store.load_journey(id)?.name))
}

pub fn exec(db: Option<&Path>, command: JourneyCommand) -> anyhow::Result<()> {
    match command {
        JourneyCommand::Validate { file } => {
            let j = file::read(&file)?;
            out(format!(
                "{}: valid journey \"{}\" ({} stages, {} milestones)",
                file.display(),
                j.name,
                j.stages.len(),
                j.milestones().count()
            ))
        }
        JourneyCommand::Import { file, replace } => {
            let journey = file::read(&file)?;
            let mut store = open(db)?;
            match replace {
                None => {
                    let id = store.insert_journey(&journey)?;
                    stored(&store, id)
                }
                Some(target) => {
                    let id = store.find_journey(&target)?;
                    let name = file.file_name().map_or_else(
                        || file.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    let before = store.replace_journey(id, &journey, &name)?;
                    eprintln!("saved the journey as it was as version {}", before.id);
                    stored(&store, id)
                }
            }
        }
        JourneyCommand::Snapshot { journey, name } => {
            let store = open(db)?;
            let id = store.find_journey(&journey)?;
            out(store.snapshot(id, &name, false)?.id.to_string())
        }
        JourneyCommand::Versions { journey, json } => {
            let store = open(db)?;
            let list = store.versions(store.find_journey(&journey)?)?;
            if json {
                return out_json(&list);
            }
            if list.is_empty() {
                eprintln!(
                    "No versions yet. Save one: milepost journey snapshot JOURNEY --name \"Before workshop\""
                );
                return Ok(());
            }
            let mut t = table(["ID", "NAME", "SAVED"], &[0]);
            for v in list {
                let name = if v.automatic {
                    format!("{} (automatic)", v.name)
                } else {
                    v.name
                };
                t.add_row([v.id.to_string(), name, v.created_at]);
            }
            out(render(&t))
        }
        JourneyCommand::Diff {
            journey,
            v1,
            v2,
            json,
        } => {
            let store = open(db)?;
            let id = store.find_journey(&journey)?;
            let old = store.load_version(id, v1)?;
            let new = match v2 {
                Some(v) => store.load_version(id, v)?,
                None => store.load_journey(id)?,
            };
            let d = milepost::journey::diff::diff(&old, &new);
            if json {
                return out_json(&d);
            }
            if d.is_empty() {
                return out("no differences".to_owned());
            }
            let mut lines = Vec::new();
            lines.extend(
                d.added
                    .iter()
                    .map(|x| format!("+ {} {} “{}”", x.kind, x.id, x.name)),
            );
            lines.extend(
                d.removed
                    .iter()
                    .map(|x| format!("- {} {} “{}”", x.kind, x.id, x.name)),
            );
            lines.extend(d.changed.iter().map(|x| {
                format!(
                    "~ {} {} “{}”: {}",
                    x.kind,
                    x.id,
                    x.name,
                    x.fields.join(", ")
                )
            }));
            out(lines.join("\n"))
        }
        JourneyCommand::Summary { journey, output } => {
            let store = open(db)?;
            let j = store.load_journey(store.find_journey(&journey)?)?;
            let md = milepost::report::workshop::summary_markdown(
                &j,
                &milepost::format::long_date(milepost::now()),
            );
            match output {
                Some(path) => {
                    milepost::report::write_atomic(&path, md.as_bytes())?;
                    eprintln!("wrote {}", path.display());
                    Ok(())
                }
                None => {
                    print!("{md}");
                    Ok(())
                }
            }
        }
        JourneyCommand::Restore { journey, version } => {
            let mut store = open(db)?;
            let id = store.find_journey(&journey)?;
            let before = store.restore_version(id, version)?;
            eprintln!(
                "restored version {version}; the journey as it was is version {} (restore it to undo)",
                before.id
            );
            stored(&store, id)
        }
        JourneyCommand::New { template, name } => {
            let mut journey = match template {
                Some(key) => templates::get(&key).ok_or(milepost::Error::TemplateNotFound(key))?,
                None => templates::blank("New journey"),
            };
            if let Some(name) = name {
                journey.name = name;
            }
            let mut store = open(db)?;
            let id = store.insert_journey(&journey)?;
            stored(&store, id)
        }
        JourneyCommand::List { json } => {
            let list = open(db)?.list_journeys()?;
            if json {
                return out_json(&list);
            }
            if list.is_empty() {
                eprintln!("No journeys yet. Try: milepost journey new --template billing-saas");
                return Ok(());
            }
            let mut t = table(["ID", "NAME", "STAGES", "MILESTONES"], &[0, 2, 3]);
            for j in list {
                t.add_row([
                    j.id.to_string(),
                    j.name,
                    j.stages.to_string(),
                    j.milestones.to_string(),
                ]);
            }
            out(render(&t))
        }
        JourneyCommand::Export(args) => export(db, args),
        JourneyCommand::Rename { journey, name } => {
            let mut store = open(db)?;
            let id = store.find_journey(&journey)?;
            let mut j = store.load_journey(id)?;
            j.name = name;
            file::validate(&j).map_err(|problems| milepost::Error::InvalidJourney {
                source_name: format!("journey {id}"),
                problems,
            })?;
            store.save_journey(id, &j)?;
            out(format!("{id}\t{}", j.name))
        }
        JourneyCommand::Delete { journey } => {
            let store = open(db)?;
            let id = store.find_journey(&journey)?;
            store.delete_journey(id)?;
            out(format!("deleted {id}"))
        }
    }
}
