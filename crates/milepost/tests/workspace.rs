//! The workspace file is never lost: another application's database and a damaged
//! workspace are refused untouched, backups are made, listed and restored, what can be read
//! of a damaged workspace is salvaged, and writers wait for each other.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{demo_workspace, milepost, stderr, stdout};
use rusqlite::Connection;

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Folds the WAL into the file, so that the file alone holds the workspace.
fn checkpoint(db: &Path) {
    let c = Connection::open(db).unwrap();
    c.pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
}

/// Breaks the page that holds `needle` (the header of a b-tree page, as a bad sector or a
/// torn write would), the way a damaged disk leaves a workspace.
fn damage_page_holding(db: &Path, needle: &[u8]) {
    checkpoint(db);
    let mut file = bytes(db);
    let at = file
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("the text is in the file");
    let page = at / 4096 * 4096;
    assert!(page > 0, "not the header page");
    file[page..page + 12].fill(0xFF);
    std::fs::write(db, file).unwrap();
}

#[test]
fn another_applications_database_is_refused_and_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("notes.sqlite");
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch(
            "CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);
             CREATE TABLE tag (note INTEGER, name TEXT);
             INSERT INTO note (body) VALUES ('groceries');",
        )
        .unwrap();
    }
    let before = bytes(&db);
    // Even the read-only summary, which used to add Milepost's tables and switch on WAL.
    for args in [
        &["data", "summary"][..],
        &["journey", "new", "--template", "billing-saas"],
        &["backup", "create"],
    ] {
        let o = milepost(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains("is not a Milepost workspace"), "{e}");
        assert!(e.contains("note, tag"), "names what is in it: {e}");
        assert!(e.contains("It was not changed"), "{e}");
        assert!(e.lines().count() <= 2, "no SQL is printed: {e}");
    }
    assert_eq!(bytes(&db), before, "not a byte changed");
    assert!(!PathBuf::from(format!("{}-wal", db.display())).exists());
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn a_folder_or_a_text_file_given_as_the_workspace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let o = milepost(dir.path(), &["data", "summary"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("this is a folder"), "{}", stderr(&o));
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a workspace at all, only words ".repeat(40)).unwrap();
    let o = milepost(&text, &["journey", "new", "--template", "billing-saas"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("not an SQLite file"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "not a workspace at all, only words ".repeat(40)
    );
}

#[test]
fn a_damaged_workspace_is_never_written_and_points_to_its_newest_backup() {
    let (dir, db) = demo_workspace("300", "4");
    // A customer whose row sits in the middle of the customer table.
    damage_page_holding(&db, b"C000150");
    let before = bytes(&db);
    for args in [
        &["data", "summary"][..],
        &["journey", "new", "--template", "billing-saas"],
        &["data", "import", "customers", "/nonexistent.csv"],
        &["funnel", "1"],
    ] {
        let o = milepost(&db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(e.contains(&format!("{} is damaged", db.display())), "{e}");
        assert!(e.contains("Nothing was written to it"), "{e}");
        assert!(e.contains("There is no backup"), "{e}");
        assert!(e.contains("milepost salvage"), "{e}");
    }
    assert_eq!(
        bytes(&db),
        before,
        "nothing was written to the damaged file"
    );

    // With a backup made before the damage, the message names it and restore brings it back.
    let (dir2, db2) = demo_workspace("300", "4");
    let made = milepost(&db2, &["backup", "create"]);
    assert!(made.status.success(), "{}", stderr(&made));
    let id = stdout(&made).trim().to_owned();
    damage_page_holding(&db2, b"C000150");
    let o = milepost(&db2, &["data", "summary"]);
    assert!(
        stderr(&o).contains(&format!("milepost backup restore {id}")),
        "{}",
        stderr(&o)
    );
    let restored = milepost(&db2, &["backup", "restore", &id]);
    assert!(restored.status.success(), "{}", stderr(&restored));
    let s: serde_json::Value =
        serde_json::from_slice(&milepost(&db2, &["data", "summary", "--json"]).stdout).unwrap();
    assert_eq!(s["customers"]["rows"], 300);
    let check: String = Connection::open(&db2)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // The damaged file is kept, as it was, and never offered as the backup to restore.
    let list: serde_json::Value =
        serde_json::from_slice(&milepost(&db2, &["backup", "list", "--json"]).stdout).unwrap();
    let reasons: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["damaged", "manual"]);
    drop(dir);
    drop(dir2);
}

#[test]
fn salvage_saves_every_readable_row_into_a_new_workspace() {
    let (dir, db) = demo_workspace("300", "5");
    let journeys = stdout(&milepost(&db, &["journey", "list"]));
    // A page of the customer table itself (the id is also in its index; the name is not).
    let name: String = Connection::open(&db)
        .unwrap()
        .query_row("SELECT name FROM customer WHERE id = 'C000150'", [], |r| {
            r.get(0)
        })
        .unwrap();
    damage_page_holding(&db, name.as_bytes());
    let before = bytes(&db);
    let to = dir.path().join("saved.sqlite3");
    let o = milepost(&db, &["salvage", "--to", to.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("customer: ") && stderr(&o).contains("damaged pages"),
        "{}",
        stderr(&o)
    );
    assert_eq!(bytes(&db), before, "the damaged file is only read");
    // The journeys were on sound pages: all there. Most customers are; none is twice.
    assert_eq!(stdout(&milepost(&to, &["journey", "list"])), journeys);
    let s: serde_json::Value =
        serde_json::from_slice(&milepost(&to, &["data", "summary", "--json"]).stdout).unwrap();
    let customers = s["customers"]["rows"].as_u64().unwrap();
    assert!((200..300).contains(&customers), "{customers}");
    let c = Connection::open(&to).unwrap();
    let fk: i64 = c
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);

    // In place: the salvaged workspace takes the name, the damaged file becomes a backup.
    let o = milepost(&db, &["salvage"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(milepost(&db, &["funnel", "1"]).status.success());
    let list = stdout(&milepost(&db, &["backup", "list"]));
    assert!(list.contains("the damaged workspace, as it was"), "{list}");
}

#[test]
fn backups_are_made_before_imports_and_upgrades_kept_to_a_number_and_restored() {
    let (dir, db) = demo_workspace("60", "2");
    // The demo import into an empty workspace needed no backup; the journey was made after.
    let list = |db: &Path| -> Vec<serde_json::Value> {
        serde_json::from_slice(&milepost(db, &["backup", "list", "--json"]).stdout).unwrap()
    };
    assert!(list(&db).is_empty());
    let csv = dir.path().join("more.csv");
    std::fs::write(&csv, "customer_id,name\nX-1,Extra one\n").unwrap();
    let o = milepost(&db, &["data", "import", "customers", csv.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let after_import = list(&db);
    assert_eq!(after_import.len(), 1);
    assert_eq!(after_import[0]["reason"], "before_import");
    let keys: Vec<&str> = after_import[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["id", "created_at", "reason", "bytes"]);
    assert!(after_import[0]["bytes"].as_u64().unwrap() > 10_000);

    // Restoring it takes the extra customer away and keeps a backup of what it replaced.
    let id = after_import[0]["id"].as_str().unwrap().to_owned();
    let o = milepost(&db, &["backup", "restore", &id]);
    assert!(o.status.success(), "{}", stderr(&o));
    let s: serde_json::Value =
        serde_json::from_slice(&milepost(&db, &["data", "summary", "--json"]).stdout).unwrap();
    assert_eq!(s["customers"]["rows"], 60);
    assert_eq!(list(&db)[0]["reason"], "before_restore");
    // Undo the restore: the kept backup brings the extra customer back.
    let kept = list(&db)[0]["id"].as_str().unwrap().to_owned();
    assert!(
        milepost(&db, &["backup", "restore", &kept])
            .status
            .success()
    );
    let s: serde_json::Value =
        serde_json::from_slice(&milepost(&db, &["data", "summary", "--json"]).stdout).unwrap();
    assert_eq!(s["customers"]["rows"], 61);

    // Only the newest N are kept.
    assert_eq!(stdout(&milepost(&db, &["backup", "keep", "2"])).trim(), "2");
    for _ in 0..3 {
        assert!(milepost(&db, &["backup", "create"]).status.success());
    }
    let kept = list(&db);
    assert_eq!(kept.len(), 2);
    assert!(kept.iter().all(|b| b["reason"] == "manual"));
    let o = milepost(&db, &["backup", "restore", "19990101-000000"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no backup \"19990101-000000\""));

    // What a backup killed half-way left is swept by the next backup; a running
    // program's (process 1 always runs) is left to it.
    let backups = dir.path().join("backups");
    let killed = backups.join(".w.20260101-000000.manual.sqlite3.4000000000.partial");
    let running = backups.join(".w.20260101-000000.manual.sqlite3.1.partial");
    std::fs::write(&killed, vec![0u8; 4096]).unwrap();
    std::fs::write(&running, vec![0u8; 4096]).unwrap();
    assert!(milepost(&db, &["backup", "create"]).status.success());
    assert!(
        !killed.exists(),
        "a dead program's half-written backup was left"
    );
    assert!(running.exists());
}

#[test]
fn a_workspace_from_an_older_version_is_backed_up_before_its_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("old.sqlite3");
    {
        let c = Connection::open(&db).unwrap();
        c.execute_batch(include_str!("../src/store/migrations/001_journeys.sql"))
            .unwrap();
        c.execute("INSERT INTO journey (name) VALUES ('Kept')", [])
            .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
    }
    let o = milepost(&db, &["journey", "list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("Kept"));
    let list: Vec<serde_json::Value> =
        serde_json::from_slice(&milepost(&db, &["backup", "list", "--json"]).stdout).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["reason"], "before_upgrade");
    let backup = dir.path().join("backups").join(format!(
        "old.{}.before-upgrade.sqlite3",
        list[0]["id"].as_str().unwrap()
    ));
    let v: i64 = Connection::open(&backup)
        .unwrap()
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(
        v, 1,
        "the backup is the workspace as it was before the upgrade"
    );
}

#[test]
fn a_writer_waits_for_another_instead_of_failing_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    assert!(
        milepost(&db, &["journey", "new", "--template", "billing-saas"])
            .status
            .success()
    );
    // Another program holds the write lock for 1.5 s (longer than SQLite's old 5 s
    // timeout would matter; the point is it is held while the command starts).
    let held = Connection::open(&db).unwrap();
    held.execute_batch("BEGIN IMMEDIATE").unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        held.execute_batch("COMMIT").unwrap();
    });
    let t = Instant::now();
    let o = milepost(&db, &["journey", "new", "--template", "dealer-photos"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(t.elapsed() >= Duration::from_millis(1000), "it waited");
    release.join().unwrap();
    assert_eq!(
        stdout(&milepost(&db, &["journey", "list"])).lines().count(),
        3
    );

    // When the other writer keeps it past the limit: a plain message, nothing changed.
    let held = Connection::open(&db).unwrap();
    held.execute_batch("BEGIN IMMEDIATE").unwrap();
    let o = common::command(
        &db,
        &["journey", "new", "--template", "dealer-photos"],
        None,
    )
    .env("MILEPOST_WAIT_SECONDS", "1")
    .output()
    .unwrap();
    held.execute_batch("ROLLBACK").unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(e.contains("is being written by another program"), "{e}");
    assert!(!e.contains("database is locked"), "{e}");
    assert_eq!(
        stdout(&milepost(&db, &["journey", "list"])).lines().count(),
        3
    );
}

/// Runs the CLI as on a full disk: no file may grow past `kb` KiB (the kernel's file-size
/// limit; the signal it sends is ignored, so writes fail with an error as on a full disk).
fn milepost_on_a_full_disk(db: &Path, kb: u64, args: &[&str]) -> std::process::Output {
    let limit = format!("trap '' XFSZ; ulimit -f {kb}; exec \"$0\" \"$@\"");
    common::command(db, args, Some(&limit)).output().unwrap()
}

fn hidden_leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.ends_with(".partial") || n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_full_disk_fails_with_the_file_named_and_changes_nothing() {
    // A workspace with its customers and no events yet: small enough that the backup
    // before the import fits, while the events the import writes do not.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let files = dir.path().join("files");
    let out = files.to_str().unwrap();
    let customers = files.join("customers.csv");
    for args in [
        &["demo", "--customers", "400", "--seed", "7", "--out", out][..],
        &["journey", "new", "--template", "billing-saas"],
        &["data", "import", "customers", customers.to_str().unwrap()],
    ] {
        let o = milepost(&db, args);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let count = |t: &str| -> i64 {
        Connection::open(&db)
            .unwrap()
            .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))
            .unwrap()
    };
    let events = count("event");
    let size = std::fs::metadata(&db).unwrap().len() / 1024;

    // An import that needs room: refused, named, the workspace exactly as it was.
    let events_file = files.join("events.csv");
    let o = milepost_on_a_full_disk(
        &db,
        size + 128,
        &["data", "import", "events", events_file.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let e = stderr(&o);
    assert!(e.contains("the disk is full"), "says why: {e}");
    assert!(
        e.contains(dir.path().to_str().unwrap()),
        "names the file: {e}"
    );
    assert!(!e.contains("panicked"), "{e}");
    assert_eq!(count("event"), events);
    let check: String = Connection::open(&db)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert!(hidden_leftovers(&dir.path().join("backups")).is_empty());

    // A backup that does not fit: named, and no half backup is left to be mistaken for one.
    let o = milepost_on_a_full_disk(&db, 64, &["backup", "create"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("backups"), "{}", stderr(&o));
    assert!(hidden_leftovers(&dir.path().join("backups")).is_empty());

    // An export over an older file: the older file stays whole, nothing is left beside it.
    let pdf = dir.path().join("playbook.pdf");
    std::fs::write(&pdf, b"%PDF-1.7 the older playbook %%EOF").unwrap();
    let o = milepost_on_a_full_disk(
        &db,
        64,
        &[
            "journey",
            "export",
            "1",
            "-o",
            pdf.to_str().unwrap(),
            "--format",
            "pdf",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("playbook.pdf"), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&pdf).unwrap(),
        b"%PDF-1.7 the older playbook %%EOF"
    );
    assert!(
        hidden_leftovers(dir.path()).is_empty(),
        "{:?}",
        hidden_leftovers(dir.path())
    );
}

#[test]
fn an_import_and_exports_run_side_by_side_and_none_fails() {
    let (dir, db) = demo_workspace("300", "8");
    let files = dir.path().join("files");
    let o = milepost(
        &db,
        &[
            "demo",
            "--customers",
            "3000",
            "--seed",
            "9",
            "--out",
            files.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    // A long import holds the write lock for its whole transaction (longer than SQLite's
    // usual busy timeout would allow for when the machine is slow); meanwhile a second
    // writer and two readers work on the same workspace.
    let spawn = |args: &[&str]| {
        common::command(&db, args, None)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let customers = spawn(&[
        "data",
        "import",
        "customers",
        files.join("customers.csv").to_str().unwrap(),
    ]);
    let import = spawn(&[
        "data",
        "import",
        "events",
        files.join("events.csv").to_str().unwrap(),
        "--replace",
    ]);
    let writer = spawn(&["journey", "new", "--template", "dealer-photos"]);
    let reader = spawn(&["funnel", "1", "--json"]);
    let export = spawn(&[
        "journey",
        "export",
        "1",
        "-o",
        dir.path().join("j.json").to_str().unwrap(),
    ]);
    for (what, child) in [
        ("customers import", customers),
        ("events import", import),
        ("journey new", writer),
        ("funnel", reader),
        ("export", export),
    ] {
        let o = child.wait_with_output().unwrap();
        let e = String::from_utf8_lossy(&o.stderr);
        assert!(o.status.success(), "{what}: {e}");
        assert!(!e.contains("locked"), "{what}: {e}");
    }
    assert_eq!(
        stdout(&milepost(&db, &["journey", "list"])).lines().count(),
        3
    );
}

/// Runs the CLI as a user without root's power over permissions: as itself when it is
/// not root, else as `nobody` (from a copy of the binary nobody may run, in `bin`).
fn milepost_as_a_user(bin: &Path, db: &Path, args: &[&str]) -> std::process::Output {
    if !is_root() {
        return milepost(db, args);
    }
    let copy = bin.join("milepost");
    if !copy.exists() {
        std::fs::copy(env!("CARGO_BIN_EXE_milepost"), &copy).unwrap();
    }
    let line = format!(
        "exec setpriv --reuid=65534 --regid=65534 --clear-groups {} \"$@\"",
        copy.display()
    );
    common::command(db, args, Some(&line)).output().unwrap()
}

fn is_root() -> bool {
    std::fs::metadata("/proc/self").is_ok_and(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0)
}

/// Makes `path` belong to the user `milepost_as_a_user` runs as, with `mode`.
fn give(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    if is_root() {
        std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
    }
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[test]
fn a_workspace_in_a_read_only_folder_or_file_is_read_and_never_written() {
    let (dir, db) = demo_workspace("40", "5");
    let bin = tempfile::tempdir().unwrap();
    give(bin.path(), 0o755);
    let csv = bin.path().join("more.csv");
    std::fs::write(&csv, "customer_id,name\nX-1,Extra one\n").unwrap();
    give(&csv, 0o644);
    let csv = csv.to_str().unwrap();
    let summary = |bin: &Path| -> serde_json::Value {
        let o = milepost_as_a_user(bin, &db, &["data", "summary", "--json"]);
        assert!(o.status.success(), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };

    assert!(milepost(&db, &["backup", "create"]).status.success());
    // The folder read-only, the file the user's own.
    give(&db, 0o644);
    give(&dir.path().join("backups"), 0o755);
    give(dir.path(), 0o555);
    let before = bytes(&db);
    assert_eq!(summary(bin.path())["customers"]["rows"], 40);
    let o = milepost_as_a_user(bin.path(), &db, &["funnel", "1"]);
    assert!(o.status.success(), "reading works: {}", stderr(&o));
    for args in [
        vec!["data", "import", "customers", csv],
        vec!["journey", "new", "--template", "billing-saas"],
        vec!["backup", "keep", "3"],
    ] {
        let o = milepost_as_a_user(bin.path(), &db, &args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(
            e.contains("w.sqlite3 can only be read here: its folder is read-only for you")
                && e.contains("Nothing was changed"),
            "{args:?}: {e}"
        );
    }
    // An export into the read-only folder names it; nothing is left beside the file.
    let pdf = dir.path().join("playbook.pdf");
    let o = milepost_as_a_user(
        bin.path(),
        &db,
        &[
            "journey",
            "export",
            "1",
            "-o",
            pdf.to_str().unwrap(),
            "--format",
            "pdf",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot be written to"),
        "{}",
        stderr(&o)
    );
    assert_eq!(bytes(&db), before);
    let backups = || {
        std::fs::read_dir(dir.path().join("backups"))
            .unwrap()
            .count()
    };
    assert_eq!(backups(), 1, "no backup for work that could not be done");
    // Nor can a backup be made there, and it says why.
    give(&dir.path().join("backups"), 0o555);
    let o = milepost_as_a_user(bin.path(), &db, &["backup", "create"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("backups: cannot be written to: it is yours to read only"),
        "{}",
        stderr(&o)
    );
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["backups", "w.sqlite3"], "nothing written beside it");

    // The file read-only in a folder the user may write: read, never written, and a
    // backup still made of it.
    give(dir.path(), 0o755);
    give(&dir.path().join("backups"), 0o755);
    give(&db, 0o444);
    assert_eq!(summary(bin.path())["customers"]["rows"], 40);
    let o = milepost_as_a_user(bin.path(), &db, &["data", "import", "customers", csv]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("can only be read here: the file is read-only for you"),
        "{}",
        stderr(&o)
    );
    let o = milepost_as_a_user(bin.path(), &db, &["backup", "create"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(bytes(&db), before);
}
