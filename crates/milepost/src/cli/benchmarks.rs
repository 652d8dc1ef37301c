//! `milepost benchmarks`: the peer statistics of a workspace as aggregates only
//! (`milepost/benchmarks@1`), to give to another workspace, and importing them there.

use std::path::{Path, PathBuf};

use milepost::value::Overrides;
use milepost::value::benchmarks;

use super::{open, out};

#[derive(Debug, clap::Subcommand)]
pub enum BenchmarksCommand {
    /// Write the workspace's peer benchmarks: per peer group and value metric n, p25, p50,
    /// p75, p90, and per capability the adoption share — never a customer
    Export {
        /// The journey's id, name, or the start of its name
        journey: String,
        /// The file to write
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        /// The smallest group written (at least 3) [default: the journey's, else 5]
        #[arg(long)]
        k: Option<u32>,
        /// Count events up to and including this day [default: the day of the latest event]
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::day)]
        as_of: Option<i64>,
    },
    /// Store benchmarks from another workspace; `milepost value --imported` compares with them
    Import {
        /// A milepost/benchmarks@1 file
        file: PathBuf,
    },
}

pub fn exec(db: Option<&Path>, c: BenchmarksCommand) -> anyhow::Result<()> {
    match c {
        BenchmarksCommand::Export {
            journey,
            output,
            k,
            as_of,
        } => {
            if let Some(k) = k
                && k < 3
            {
                anyhow::bail!("--k {k}: a group must have at least 3 customers");
            }
            let store = open(db)?;
            let j = store.load_journey(store.find_journey(&journey)?)?;
            let data = store.load_dataset()?;
            let day = match as_of {
                Some(d) => d,
                None => data
                    .latest()
                    .ok_or_else(|| anyhow::anyhow!("the workspace has no events yet"))?,
            };
            let cutoff = milepost::engine::cutoff_of_day(day);
            let b = benchmarks::export(
                &j,
                &data,
                &milepost::format::date(cutoff),
                cutoff,
                &Overrides {
                    k,
                    ..Overrides::default()
                },
            );
            let mut text = serde_json::to_string_pretty(&b)?;
            text.push('\n');
            milepost::report::write_atomic(&output, text.as_bytes())?;
            let groups: usize = b.metrics.iter().map(|m| m.groups.len()).sum();
            out(format!(
                "wrote {}: {} value metrics in {groups} peer groups of at least {}, {} capabilities",
                output.display(),
                b.metrics.len(),
                b.k,
                b.capabilities.len()
            ))
        }
        BenchmarksCommand::Import { file } => {
            let text = std::fs::read_to_string(&file)
                .map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let b =
                benchmarks::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
            let store = open(db)?;
            let id = store.import_benchmarks(&b)?;
            out(format!(
                "imported benchmarks {id}: {} as of {}, {} value metrics, k = {}",
                b.journey,
                b.as_of,
                b.metrics.len(),
                b.k
            ))
        }
    }
}
