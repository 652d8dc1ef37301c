//! The crash test: the `milepost` command killed with SIGKILL at random moments during
//! imports, backups, restores, exports and journey imports; after every kill the workspace
//! passes SQLite's integrity check, opens, holds either all of an import or none of it, and
//! every backup and export on disk is whole.
//!
//! `make test` runs a few trials; `make crash-test` runs 60 and prints the figures
//! (`MILEPOST_CRASH_TRIALS`, `MILEPOST_CRASH_SEED`).

mod common;

use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{milepost, stderr};
use rusqlite::Connection;

/// A small, seeded generator: the same seed gives the same kill moments.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn count(db: &Path, table: &str) -> i64 {
    let c = Connection::open(db).unwrap();
    c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn integrity(db: &Path) -> String {
    let c = Connection::open(db).unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_kill_at_any_moment_never_damages_the_workspace_nor_half_imports() {
    let trials: usize = std::env::var("MILEPOST_CRASH_TRIALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let seed: u64 = std::env::var("MILEPOST_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_261_207);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let files = dir.path().join("files");
    let o = milepost(
        &db,
        &[
            "demo",
            "--customers",
            "1500",
            "--seed",
            "3",
            "--out",
            files.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for args in [
        &[
            "data",
            "import",
            "customers",
            files.join("customers.csv").to_str().unwrap(),
        ][..],
        &["journey", "new", "--template", "billing-saas"],
    ] {
        let o = milepost(&db, args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let events = files.join("events.csv");
    let events_arg = events.to_str().unwrap().to_owned();
    let pdf = dir.path().join("playbook.pdf");
    let pdf_arg = pdf.to_str().unwrap().to_owned();
    let journey_file = dir.path().join("j.json");
    let o = milepost(
        &db,
        &[
            "journey",
            "export",
            "1",
            "-o",
            journey_file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let journey_arg = journey_file.to_str().unwrap().to_owned();

    // What to run, and a shell line to run it through when it needs its environment.
    type Op<'a> = (&'a str, Vec<&'a str>, Option<&'a str>);
    let import_events = vec!["data", "import", "events", &events_arg, "--replace"];
    let ops: Vec<Op> = vec![
        ("import events", import_events.clone(), None),
        ("back up", vec!["backup", "create"], None),
        (
            "export the playbook",
            vec!["journey", "export", "1", "-o", &pdf_arg, "--format", "pdf"],
            None,
        ),
        (
            "import a journey",
            vec!["journey", "import", &journey_arg],
            None,
        ),
        // Every event set aside on disk and checked once the file is read.
        (
            "import events (disk)",
            import_events,
            Some(r#"MILEPOST_IN_MEMORY_EVENTS=0 exec "$0" "$@""#),
        ),
    ];
    // How long each takes when left alone: kills fall anywhere in that time.
    let mut took = Vec::new();
    for (_, args, via) in &ops {
        let t = Instant::now();
        let o = common::command(&db, args, *via).output().unwrap();
        assert!(o.status.success(), "{}", stderr(&o));
        took.push(t.elapsed());
    }
    let full_events = count(&db, "event");
    assert!(
        full_events > 100_000,
        "a long enough import to kill ({full_events})"
    );

    let mut rng = Lcg(seed);
    let mut killed = vec![0usize; ops.len()];
    let mut finished = vec![0usize; ops.len()];
    let mut ok = 0;
    for trial in 0..trials {
        let op = trial % ops.len();
        let (what, args, via) = &ops[op];
        // A replacing import either lands whole or not at all: the count is all or the same.
        let events_before = count(&db, "event");
        let at = Duration::from_micros(rng.below(took[op].as_micros() as u64 * 12 / 10));
        let mut child = common::command(&db, args, *via)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(at);
        let ran_out = child.try_wait().unwrap().is_some();
        if ran_out {
            finished[op] += 1;
        } else {
            child.kill().unwrap();
            killed[op] += 1;
        }
        child.wait().unwrap();

        let check = integrity(&db);
        assert_eq!(check, "ok", "trial {trial} ({what}, killed after {at:?})");
        let events_after = count(&db, "event");
        assert!(
            events_after == events_before || events_after == full_events,
            "trial {trial} ({what}): {events_after} events, neither {events_before} nor {full_events}"
        );
        // The events' columnar copy is the rows' own, whatever moment the kill came.
        let copy = milepost::store::Store::open(&db)
            .and_then(|s| s.verify_event_copy())
            .unwrap();
        assert_eq!(
            copy,
            milepost::store::CopyState::Current,
            "trial {trial} ({what}): the columnar copy disagrees with the rows"
        );
        // Every backup listed opens whole; a half-written one is never listed.
        let list: Vec<serde_json::Value> =
            serde_json::from_slice(&milepost(&db, &["backup", "list", "--json"]).stdout).unwrap();
        for b in &list {
            let file = dir.path().join("backups").join(format!(
                "w.{}.{}.sqlite3",
                b["id"].as_str().unwrap(),
                b["reason"].as_str().unwrap().replace('_', "-")
            ));
            assert_eq!(integrity(&file), "ok", "trial {trial}: backup {}", b["id"]);
        }
        // The export is the old whole file or the new whole file, never a torn one.
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(
            bytes.starts_with(b"%PDF") && bytes.trim_ascii_end().ends_with(b"%%EOF"),
            "trial {trial}: a torn PDF"
        );
        // And the workspace still opens for the next person.
        let o = milepost(&db, &["data", "summary"]);
        assert!(o.status.success(), "trial {trial}: {}", stderr(&o));
        ok += 1;
    }
    println!("crash test: {trials} trials (seed {seed}), integrity ok after {ok} of them");
    for (i, (what, ..)) in ops.iter().enumerate() {
        println!(
            "  {what:<20} killed {:>3}, finished before the kill {:>3}  (alone it takes {:.2} s)",
            killed[i],
            finished[i],
            took[i].as_secs_f64()
        );
    }
}
