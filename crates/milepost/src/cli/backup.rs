//! `milepost backup` and `milepost salvage`: copies of the workspace to go back to, and
//! what can still be read of a damaged one.

use std::path::{Path, PathBuf};

use milepost::Error;
use milepost::store::{self, Store, backup};

use super::{open, out, out_json};

#[derive(Debug, clap::Subcommand)]
pub enum BackupCommand {
    /// Back the workspace up now; prints the backup's id
    Create,
    /// The workspace's backups, newest first
    List {
        /// As JSON: [{"id", "created_at", "reason", "bytes"}]
        #[arg(long)]
        json: bool,
    },
    /// Put a backup in the workspace's place (what it replaces is backed up first)
    Restore {
        /// The backup's id, as `milepost backup list` prints it
        id: String,
    },
    /// How many backups are kept: print it, or set it (the oldest beyond it are deleted)
    Keep { count: Option<usize> },
}

pub fn exec(db: Option<&Path>, command: BackupCommand) -> anyhow::Result<()> {
    let path = store::resolve_path(db.map(Path::to_path_buf));
    match command {
        BackupCommand::Create => {
            let b = open(db)?.backup(backup::Reason::Manual)?;
            eprintln!(
                "Backed up {} ({}) to {}",
                path.display(),
                milepost::format::bytes(b.bytes),
                b.path.display()
            );
            out(b.id)
        }
        BackupCommand::List { json } => {
            let all = backup::list(&path)?;
            if json {
                return out_json(&all);
            }
            if all.is_empty() {
                eprintln!(
                    "{} has no backups yet (`milepost backup create` makes one).",
                    path.display()
                );
                return Ok(());
            }
            let mut t = super::table(["Id", "Made", "Why", "Size"], &[3]);
            for b in &all {
                t.add_row([
                    b.id.clone(),
                    milepost::format::date_time(b.at),
                    b.reason.words().to_owned(),
                    milepost::format::bytes(b.bytes),
                ]);
            }
            out(t)
        }
        BackupCommand::Restore { id } => {
            let (restored, kept) = match Store::open(&path) {
                Ok(mut s) => s.restore_backup(&id)?,
                Err(Error::Damaged { .. }) => backup::restore_over_damaged(&path, &id)?,
                Err(e) => return Err(e.into()),
            };
            eprintln!(
                "Restored backup {} ({}, {}) into {}. What it replaced is kept as backup {}.",
                restored.id,
                milepost::format::date_time(restored.at),
                restored.reason.words(),
                path.display(),
                kept.id
            );
            Ok(())
        }
        BackupCommand::Keep { count } => {
            let s = open(db)?;
            if let Some(n) = count {
                s.set_backup_keep(n)?;
            }
            out(s.backup_keep()?)
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct SalvageArgs {
    /// Save into this new file and leave the damaged workspace where it is [default: put
    /// what is saved in the workspace's place, keeping the damaged file as a backup]
    #[arg(long, value_name = "PATH")]
    to: Option<PathBuf>,
}

pub fn salvage(db: Option<&Path>, args: SalvageArgs) -> anyhow::Result<()> {
    let path = store::resolve_path(db.map(Path::to_path_buf));
    let saved = match args.to {
        Some(to) => store::salvage(&path, &to)?,
        None => {
            let (saved, kept) = store::salvage_in_place(&path)?;
            eprintln!(
                "The damaged file is kept as backup {} ({}).",
                kept.id,
                kept.path.display()
            );
            saved
        }
    };
    eprintln!("Saved what could be read into {}:", saved.to.display());
    for line in saved.lines() {
        eprintln!("  {line}");
    }
    Ok(())
}
