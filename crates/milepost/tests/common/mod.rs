//! What the tests that run the `milepost` command share.
#![allow(dead_code)]

pub mod engines;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// `milepost --db DB ARGS…`, away from the person's own workspace, run through `via`
/// (a shell line that ends in `exec "$0" "$@"`, say) when given.
pub fn command(db: &Path, args: &[&str], via: Option<&str>) -> Command {
    let mut c = match via {
        Some(shell) => {
            let mut c = Command::new("bash");
            c.arg("-c").arg(shell).arg(env!("CARGO_BIN_EXE_milepost"));
            c
        }
        None => Command::new(env!("CARGO_BIN_EXE_milepost")),
    };
    c.arg("--db").arg(db).args(args).env_remove("MILEPOST_DB");
    c
}

/// Runs `milepost --db DB ARGS…`, away from the person's own workspace.
pub fn milepost(db: &Path, args: &[&str]) -> Output {
    command(db, args, None).output().unwrap()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A workspace with demo customers and the Billing SaaS journey (id 1).
pub fn demo_workspace(customers: &str, seed: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let demo = milepost(&db, &["demo", "--customers", customers, "--seed", seed]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let journey = milepost(&db, &["journey", "new", "--template", "billing-saas"]);
    assert!(journey.status.success(), "{}", stderr(&journey));
    (dir, db)
}
