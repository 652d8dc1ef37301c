//! The `milepost` command as scripts and people use it: exit codes, messages, files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/journeys")
        .join(name)
}

fn milepost(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_milepost"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("MILEPOST_DB")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn import_then_export_then_import_then_export_is_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let imported = milepost(
        &db,
        &[
            "journey",
            "import",
            fixture("minimal.json").to_str().unwrap(),
        ],
    );
    assert!(imported.status.success(), "{}", stderr(&imported));
    assert_eq!(stdout(&imported), "1\tBilling SaaS — minimal\n");

    let first = dir.path().join("first.json");
    let o = milepost(
        &db,
        &[
            "journey",
            "export",
            "Billing SaaS — minimal",
            "-o",
            first.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let o = milepost(&db, &["journey", "import", first.to_str().unwrap()]);
    assert_eq!(stdout(&o), "2\tBilling SaaS — minimal\n");
    let second = dir.path().join("second.json");
    let o = milepost(
        &db,
        &["journey", "export", "2", "-o", second.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );

    // Two journeys share the name now: the name alone is ambiguous, and says so.
    let o = milepost(
        &db,
        &["journey", "export", "Billing SaaS — minimal", "-o", "-"],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("2 journeys are named"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn validate_lists_every_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let broken = fixture("broken.json");
    let o = milepost(&db, &["journey", "validate", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("broken.json is not a valid journey (9 problems)"),
        "{err}"
    );
    for place in [
        "stages[0].milestones[0].criteria[1].aggregate",
        "stages[0].milestones[0].criteria[2].op: unknown operator \"=>\"",
        "stages[0].milestones[0].criteria[3].window_days",
        "stages[1].id: duplicate stage id",
        "activities[0].stage",
        "activities[0].role",
        "activities[0].milestones[0]",
        "roles[0].name",
    ] {
        assert!(err.contains(place), "missing {place} in {err}");
    }

    let o = milepost(&db, &["journey", "import", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let o = milepost(&db, &["journey", "list", "--json"]);
    assert_eq!(stdout(&o).trim(), "[]", "nothing was stored");

    let ok = milepost(
        &db,
        &[
            "journey",
            "validate",
            fixture("minimal.json").to_str().unwrap(),
        ],
    );
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(
        stdout(&ok).contains("valid journey \"Billing SaaS — minimal\" (2 stages, 2 milestones)")
    );
}

#[test]
fn templates_create_complete_journeys() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let o = milepost(&db, &["templates"]);
    let listed = stdout(&o);
    for key in ["billing-saas", "dealer-photos", "inbound-methodology"] {
        assert!(listed.contains(key), "{listed}");
        let o = milepost(&db, &["journey", "new", "--template", key]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    let o = milepost(
        &db,
        &[
            "journey",
            "new",
            "--template",
            "billing-saas",
            "--name",
            "Workshop copy",
        ],
    );
    assert!(stdout(&o).ends_with("\tWorkshop copy\n"));
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&milepost(&db, &["journey", "list", "--json"]))).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 4);

    let o = milepost(&db, &["journey", "new", "--template", "nope"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no template named \"nope\""));
}

#[test]
fn usage_errors_exit_2_and_user_errors_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    assert_eq!(
        milepost(&db, &["journey", "frobnicate"]).status.code(),
        Some(2)
    );
    assert_eq!(milepost(&db, &["journey", "export"]).status.code(), Some(2));
    let o = milepost(&db, &["journey", "export", "missing", "-o", "-"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        stderr(&o),
        "milepost: no journey named or numbered \"missing\"\n"
    );
    let o = milepost(&db, &["journey", "import", "/nonexistent/j.json"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/nonexistent/j.json"), "{}", stderr(&o));
}

#[test]
fn the_database_comes_from_milepost_db_when_no_flag_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("from-env.sqlite3");
    let o = Command::new(env!("CARGO_BIN_EXE_milepost"))
        .args(["journey", "new", "--template", "dealer-photos"])
        .env("MILEPOST_DB", &db)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(db.exists());
}

#[test]
fn a_database_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    milepost(&db, &["journey", "new", "--template", "billing-saas"]);
    rusqlite::Connection::open(&db)
        .unwrap()
        .pragma_update(None, "user_version", 42)
        .unwrap();
    let o = milepost(&db, &["journey", "list"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("written by a newer version of Milepost"),
        "{}",
        stderr(&o)
    );
}

fn data(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

#[test]
fn data_import_prints_a_summary_line_and_the_report_and_exits_1_when_nothing_was_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let out = milepost(
        &db,
        &["data", "import", "customers", &data("customers.csv")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("customers: 3 rows imported, 0 skipped, in "),
        "{}",
        stdout(&out)
    );

    let bad = milepost(&db, &["data", "import", "events", &data("events_bad.csv")]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(stdout(&bad), "");
    let err = stderr(&bad);
    assert!(
        err.contains("row 4, column \"timestamp\", value \"2025-02-30\""),
        "{err}"
    );
    assert!(
        err.contains("events: nothing imported: 3 rows with errors"),
        "{err}"
    );

    let skipped = milepost(
        &db,
        &[
            "data",
            "import",
            "events",
            &data("events_bad.csv"),
            "--skip-bad-rows",
        ],
    );
    assert!(skipped.status.success());
    assert!(stdout(&skipped).starts_with("events: 2 rows imported, 5 skipped"));

    // Columns named otherwise are mapped by hand; a wrong header is named.
    let wrong = milepost(
        &db,
        &[
            "data",
            "import",
            "events",
            &data("events_ambiguous.csv"),
            "--map",
            "timestamp=when",
        ],
    );
    assert_eq!(wrong.status.code(), Some(1));
    assert!(stderr(&wrong).contains("no column is headed \"when\" (for timestamp); the columns are: customer_id, timestamp, event"));
    let mapped = milepost(
        &db,
        &[
            "data",
            "import",
            "events",
            &data("events_ambiguous.csv"),
            "--date-format",
            "mdy",
        ],
    );
    assert!(mapped.status.success(), "{}", stderr(&mapped));

    let summary = milepost(&db, &["data", "summary", "--json"]);
    let s: serde_json::Value = serde_json::from_slice(&summary.stdout).unwrap();
    assert_eq!(s["customers"]["rows"], 3);
    assert_eq!(s["churned"], 1);
    assert_eq!(s["events"]["rows"], 4);
    assert_eq!(s["events"]["from"], "2025-01-31");
    assert_eq!(s["events"]["to"], "2025-04-05");
}

#[test]
fn demo_writes_files_or_fills_the_workspace() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let out = milepost(
        &db,
        &[
            "demo",
            "--customers",
            "40",
            "--seed",
            "9",
            "--out",
            dir.path().to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("customers.csv (40 rows)"));
    let filled = milepost(&db, &["demo", "--customers", "40", "--seed", "9"]);
    assert!(filled.status.success(), "{}", stderr(&filled));
    let s: serde_json::Value =
        serde_json::from_slice(&milepost(&db, &["data", "summary", "--json"]).stdout).unwrap();
    assert_eq!(s["customers"]["rows"], 40);
    let events = std::fs::read_to_string(dir.path().join("events.csv")).unwrap();
    assert_eq!(s["events"]["rows"], events.lines().count() - 1);
}

/// A workspace with demo customers and the Billing SaaS journey (id 1).
fn demo_workspace(customers: &str, seed: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let demo = milepost(&db, &["demo", "--customers", customers, "--seed", seed]);
    assert!(demo.status.success(), "{}", stderr(&demo));
    let journey = milepost(&db, &["journey", "new", "--template", "billing-saas"]);
    assert!(journey.status.success(), "{}", stderr(&journey));
    (dir, db)
}

#[test]
fn funnel_json_keeps_the_contract_and_agrees_with_the_customers_view() {
    let (_dir, db) = demo_workspace("300", "2");
    let out = milepost(
        &db,
        &["funnel", "Billing SaaS — post-sales journey", "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let f: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let summary: serde_json::Value =
        serde_json::from_slice(&milepost(&db, &["data", "summary", "--json"]).stdout).unwrap();
    assert_eq!(
        f["as_of"], summary["events"]["to"],
        "as-of defaults to the latest event's day"
    );
    assert_eq!(f["customers"], 300);
    let keys: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "journey",
            "as_of",
            "customers",
            "milestones",
            "not_started",
            "not_started_churned",
            "bottleneck"
        ]
    );
    let customers: Vec<serde_json::Value> =
        serde_json::from_slice(&milepost(&db, &["customers", "1", "--json"]).stdout).unwrap();
    let steps = f["milestones"].as_array().unwrap();
    assert_eq!(steps[0]["id"], "configured");
    let mut previous = 300.0;
    let mut lowest = (f64::INFINITY, String::new());
    for s in steps {
        let id = s["id"].as_str().unwrap();
        let reached = customers
            .iter()
            .filter(|c| c["reached"].get(id).is_some())
            .count();
        assert_eq!(s["reached"], reached, "{id}");
        let r = reached as f64;
        assert_eq!(s["conversion_from_start"].as_f64().unwrap(), r / 300.0);
        if previous > 0.0 {
            let c = s["conversion_from_previous"].as_f64().unwrap();
            assert_eq!(c, r / previous);
            if c < lowest.0 {
                lowest = (c, id.to_owned());
            }
        }
        previous = r;
    }
    assert_eq!(f["bottleneck"], lowest.1);
    let none = customers.iter().filter(|c| c["furthest"].is_null()).count();
    assert_eq!(f["not_started"], none);

    // An earlier as-of counts fewer customers in; a segment narrows the customers.
    let early: serde_json::Value = serde_json::from_slice(
        &milepost(&db, &["funnel", "1", "--json", "--as-of", "2024-06-30"]).stdout,
    )
    .unwrap();
    assert_eq!(early["as_of"], "2024-06-30");
    assert!(early["milestones"][0]["reached"].as_u64() < steps[0]["reached"].as_u64());
    let smb: serde_json::Value = serde_json::from_slice(
        &milepost(&db, &["funnel", "1", "--json", "--segment", "SMB"]).stdout,
    )
    .unwrap();
    assert!(smb["customers"].as_u64().unwrap() < 300);
    // A start-month cohort counts the customers the cohort table says started then.
    let cohorts: Vec<serde_json::Value> =
        serde_json::from_slice(&milepost(&db, &["cohorts", "1", "--json"]).stdout).unwrap();
    let month = cohorts[0]["month"].as_str().unwrap();
    let cohort: serde_json::Value = serde_json::from_slice(
        &milepost(&db, &["funnel", "1", "--json", "--cohort", month]).stdout,
    )
    .unwrap();
    assert_eq!(cohort["customers"], cohorts[0]["customers"]);
    let bad = milepost(&db, &["funnel", "1", "--as-of", "yesterday"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("--as-of yesterday: not a date"));
}

#[test]
fn tasks_list_exports_safe_csv_and_a_dry_run_per_owner_and_week() {
    let (_dir, db) = demo_workspace("200", "5");
    let json = milepost(&db, &["tasks", "1", "--json", "--days", "30"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let tasks: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert!(!tasks.is_empty());
    for t in &tasks {
        for key in [
            "customer", "title", "role", "owner", "priority", "due", "reason",
        ] {
            assert!(t.get(key).is_some(), "{key} missing in {t}");
        }
    }
    let csv = stdout(&milepost(&db, &["tasks", "1", "--csv", "--days", "30"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("priority,due,customer,customer_name,task,role,owner,created,reason")
    );
    assert_eq!(lines.count(), tasks.len());
    let dry = milepost(
        &db,
        &[
            "tasks",
            "1",
            "--dry-run",
            "--weeks",
            "4",
            "--capacity",
            "csm=1",
            "--json",
        ],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    let weeks: Vec<serde_json::Value> = serde_json::from_slice(&dry.stdout).unwrap();
    let csm: Vec<&serde_json::Value> = weeks
        .iter()
        .filter(|w| w["role"] == "Customer Success Manager")
        .collect();
    assert!(!csm.is_empty());
    assert!(
        csm.iter()
            .all(|w| w["capacity"] == 1 && w["over"] == (w["tasks"].as_u64() > Some(1)))
    );
    let bad = milepost(&db, &["tasks", "1", "--dry-run", "--capacity", "csm"]);
    assert_eq!(bad.status.code(), Some(1));
}
