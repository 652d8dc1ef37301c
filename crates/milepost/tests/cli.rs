//! The `milepost` command as scripts and people use it: exit codes, messages, files.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::{demo_workspace, milepost, stderr, stdout};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/journeys")
        .join(name)
}

/// A new workspace holding the Billing SaaS journey (journey 1).
fn billing_workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.db");
    assert!(
        milepost(&db, &["journey", "new", "--template", "billing-saas"])
            .status
            .success()
    );
    (dir, db)
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
    let db2 = dir.path().join("other.sqlite3");
    let o = milepost(&db2, &["journey", "import", first.to_str().unwrap()]);
    assert_eq!(stdout(&o), "1\tBilling SaaS — minimal\n");
    let second = dir.path().join("second.json");
    let o = milepost(
        &db2,
        &["journey", "export", "1", "-o", second.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );

    // The same name again is numbered, so each journey can still be named.
    let o = milepost(&db, &["journey", "import", first.to_str().unwrap()]);
    assert_eq!(stdout(&o), "2\tBilling SaaS — minimal (2)\n");
    // A start of a name, in any case, names a journey when only one starts so; the full
    // name still names the first.
    let o = milepost(&db, &["journey", "export", "billing", "-o", "-"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("2 journeys match \"billing\"")
            && stderr(&o).contains("2 Billing SaaS — minimal (2)"),
        "{}",
        stderr(&o)
    );
    let o = milepost(
        &db,
        &["journey", "export", "billing saas — minimal", "-o", "-"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(o.stdout, std::fs::read(&first).unwrap());
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
        stdout(&out).starts_with("3 customers imported, in "),
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
        err.contains("events_bad.csv: Nothing was imported: 3 rows have errors"),
        "{err}"
    );
    // The refused file's report has every problem importing its good rows would meet,
    // the repeat on row 7 (after the errors) too.
    assert!(
        err.contains("events_bad.csv: row 7, column \"event\""),
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
    assert!(
        stdout(&skipped).starts_with("2 events imported, 5 rows left out, in "),
        "{}",
        stdout(&skipped)
    );

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
    // A date that is not one is a command-line error (exit 2), as is a month out of range.
    for day in ["yesterday", "2025-13-01"] {
        let bad = milepost(&db, &["funnel", "1", "--as-of", day]);
        assert_eq!(bad.status.code(), Some(2), "{day}");
        assert!(
            stderr(&bad).contains(&format!("invalid value '{day}' for '--as-of")),
            "{}",
            stderr(&bad)
        );
    }
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
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        stderr(&bad).contains("expected KEY=VALUE"),
        "{}",
        stderr(&bad)
    );
}

fn json(db: &std::path::Path, args: &[&str]) -> serde_json::Value {
    let o = milepost(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

#[test]
fn a_funnel_as_of_a_past_date_counts_only_customers_started_by_then() {
    let (_dir, db) = demo_workspace("300", "3");
    let all = json(&db, &["customers", "1", "--json"]);
    let summary = json(&db, &["data", "summary", "--json"]);
    // Before anybody started: nobody is in the funnel, not even as "not started".
    let first_start = summary["customers"]["from"].as_str().unwrap();
    let before = json(&db, &["funnel", "1", "--json", "--as-of", "2020-01-01"]);
    assert_eq!(
        (before["customers"].as_u64(), before["not_started"].as_u64()),
        (Some(0), Some(0))
    );
    assert!(first_start > "2020-01-01");
    // Half-way: exactly the customers whose start date is on or before the day, in the
    // funnel, the customers list and the cohorts alike.
    let day = "2024-09-30";
    let started = all.as_array().unwrap().len();
    let f = json(&db, &["funnel", "1", "--json", "--as-of", day]);
    let listed = json(&db, &["customers", "1", "--json", "--as-of", day]);
    let cohorts = json(&db, &["cohorts", "1", "--json", "--as-of", day]);
    let n = f["customers"].as_u64().unwrap();
    assert!(n > 0 && (n as usize) < started, "{n} of {started}");
    assert_eq!(listed.as_array().unwrap().len() as u64, n);
    let in_cohorts: u64 = cohorts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["customers"].as_u64().unwrap())
        .sum();
    assert_eq!(in_cohorts, n);
    assert!(
        cohorts
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["month"].as_str().unwrap() <= &day[..7])
    );
    // Conversion to M1 is over those customers.
    let m1 = &f["milestones"][0];
    assert_eq!(
        m1["conversion_from_start"].as_f64().unwrap(),
        m1["reached"].as_f64().unwrap() / n as f64
    );
}

#[test]
fn the_forecast_follows_the_filters() {
    let (_dir, db) = demo_workspace("400", "4");
    let all = json(&db, &["forecast", "1", "--json", "--days", "90"]);
    let in_flight = |f: &serde_json::Value| -> u64 {
        f["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["in_flight"].as_u64().unwrap())
            .sum()
    };
    let mut by_segment = 0;
    for segment in ["SMB", "mid-market", "enterprise"] {
        let f = json(&db, &["forecast", "1", "--json", "--segment", segment]);
        assert!(in_flight(&f) < in_flight(&all), "{segment}");
        by_segment += in_flight(&f);
    }
    // The segments split the customers in flight exactly.
    assert_eq!(by_segment, in_flight(&all));
    // A back-test of one segment compares that segment's forecast with its own actuals.
    let smb = json(
        &db,
        &[
            "forecast",
            "1",
            "--json",
            "--segment",
            "smb",
            "--backtest",
            "2025-06-30",
        ],
    );
    let every = json(
        &db,
        &["forecast", "1", "--json", "--backtest", "2025-06-30"],
    );
    let actual = |b: &serde_json::Value| -> u64 {
        b["milestones"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["actual"].as_u64().unwrap())
            .sum()
    };
    assert!(actual(&smb) < actual(&every));
}

#[test]
fn filters_ignore_case_and_unknown_values_name_the_known_ones() {
    let (_dir, db) = demo_workspace("200", "6");
    let upper = json(&db, &["funnel", "1", "--json", "--segment", "SMB"]);
    let lower = json(&db, &["funnel", "1", "--json", "--segment", "smb"]);
    assert_eq!(upper, lower);
    assert!(lower["customers"].as_u64().unwrap() > 0);
    let bad = milepost(&db, &["funnel", "1", "--segment", "smbb"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad)
            .contains("no customer has segment \"smbb\"; known: Enterprise, Mid-market, SMB"),
        "{}",
        stderr(&bad)
    );
    let bad = milepost(&db, &["tasks", "1", "--owner", "Nobody"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("owner \"Nobody\""),
        "{}",
        stderr(&bad)
    );
    // A bad cohort month is a command-line error.
    assert_eq!(
        milepost(&db, &["funnel", "1", "--cohort", "2025-13"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn journeys_are_named_by_a_prefix_and_new_names_never_collide() {
    let (_dir, db) = demo_workspace("50", "7");
    let again = milepost(&db, &["journey", "new", "--template", "billing-saas"]);
    assert_eq!(stdout(&again), "2\tBilling SaaS — post-sales journey (2)\n");
    let third = milepost(&db, &["journey", "new", "--template", "dealer-photos"]);
    assert!(third.status.success());
    let f = json(&db, &["funnel", "dealer", "--json"]);
    assert_eq!(f["journey"], "Dealer Photos — post-sales journey");
    let f = json(
        &db,
        &["funnel", "Billing SaaS — post-sales journey (2)", "--json"],
    );
    assert_eq!(f["journey"], "Billing SaaS — post-sales journey (2)");
}

#[test]
fn tables_show_names_and_never_cut_them() {
    let (_dir, db) = demo_workspace("120", "8");
    let customers = json(&db, &["customers", "1", "--json"]);
    let text = stdout(&milepost(&db, &["customers", "1"]));
    let first = &customers[0];
    let name = first["name"].as_str().unwrap();
    let id = first["id"].as_str().unwrap();
    assert!(text.contains(&format!("{name} ({id})")), "{text}");
    // Milestones and stages by name, not id.
    assert!(
        text.contains("Billing configured") && text.contains("Onboard"),
        "{text}"
    );
    for id in [
        "first-cycle",
        "healthy-usage",
        " onboard ",
        "go-live-review",
        "support-escalation",
    ] {
        assert!(!text.contains(id), "{id} in {text}");
    }
    // Long milestone names are whole in the funnel table.
    let funnel = stdout(&milepost(&db, &["funnel", "1"]));
    assert!(
        funnel.contains("First billing cycle in production"),
        "{funnel}"
    );
    let tasks = stdout(&milepost(&db, &["tasks", "1", "--days", "60"]));
    let listed = json(&db, &["tasks", "1", "--json", "--days", "60"]);
    for t in listed.as_array().unwrap().iter().take(5) {
        assert!(tasks.contains(t["title"].as_str().unwrap()), "{tasks}");
        assert!(
            tasks.contains(t["customer_name"].as_str().unwrap()),
            "{tasks}"
        );
    }
    let back = stdout(&milepost(
        &db,
        &["forecast", "1", "--backtest", "2025-06-30"],
    ));
    assert!(
        back.contains("Billing configured") && !back.contains("\nconfigured "),
        "{back}"
    );
    // A reader that stops early (`| head`) is not an error.
    for command in ["funnel", "customers"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_milepost"))
            .args(["--db", db.to_str().unwrap(), command, "1"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{command}: {}", stderr(&o));
    }
}

#[test]
fn a_matrix_places_every_stakeholder_or_customer_in_a_quadrant_or_says_why_not() {
    let (_dir, db) = demo_workspace("150", "9");
    let list = json(&db, &["matrix", "billing", "--list", "--json"]);
    assert_eq!(list[0]["id"], "purpose-intent");
    let people = json(&db, &["matrix", "billing", "purpose-intent", "--json"]);
    assert_eq!(
        (people["matrix"].as_str(), people["level"].as_str()),
        (Some("purpose-intent"), Some("stakeholder"))
    );
    let points = people["points"].as_array().unwrap();
    let counted: u64 = people["counts"]
        .as_object()
        .unwrap()
        .values()
        .map(|n| n.as_u64().unwrap())
        .sum();
    assert_eq!(counted as usize, points.len());
    for p in points {
        let (x, y) = (p["x"].as_f64().unwrap(), p["y"].as_f64().unwrap());
        let expected = match (x >= 5.0, y >= 5.0) {
            (true, true) => "Champions",
            (false, true) => "Visionaries without a plan",
            (true, false) => "Doers without a why",
            (false, false) => "Passengers",
        };
        assert_eq!(p["quadrant"], expected, "{p}");
        let id = p["id"].as_str().unwrap();
        assert_eq!(
            id,
            format!(
                "{}/{}",
                p["customer_id"].as_str().unwrap(),
                p["name"].as_str().unwrap()
            )
        );
    }
    // A customer is the weighted mean of its stakeholders (decision makers twice); with a
    // weight of 1, the plain mean.
    let customers = json(
        &db,
        &[
            "matrix",
            "billing",
            "purpose-intent",
            "--level",
            "customer",
            "--decision-weight",
            "1",
            "--json",
        ],
    );
    let first = &customers["points"][0];
    let mine: Vec<&serde_json::Value> = points
        .iter()
        .filter(|p| p["customer_id"] == first["customer_id"])
        .collect();
    let mean =
        |k: &str| mine.iter().map(|p| p[k].as_f64().unwrap()).sum::<f64>() / mine.len() as f64;
    assert!((first["x"].as_f64().unwrap() - mean("x")).abs() < 1e-9);
    assert!((first["y"].as_f64().unwrap() - mean("y")).abs() < 1e-9);
    let placed_or_not = customers["points"].as_array().unwrap().len()
        + customers["not_placed"].as_array().unwrap().len();
    assert_eq!(placed_or_not, 150);
    let bad = milepost(&db, &["matrix", "billing", "nope"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("its matrices: purpose-intent"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn priority_ranks_every_customer_by_the_weighted_scores() {
    let (_dir, db) = demo_workspace("120", "10");
    let p = json(
        &db,
        &[
            "priority",
            "billing",
            "--weights",
            "purpose=2,intent=1,effort=1",
            "--json",
        ],
    );
    assert_eq!(p["weights"]["purpose"], 2.0);
    let ranked = p["customers"].as_array().unwrap();
    assert_eq!(ranked.len(), 120, "every customer is ranked");
    let mut last = f64::INFINITY;
    for (i, r) in ranked.iter().enumerate() {
        match r["rank"].as_u64() {
            Some(n) => {
                assert_eq!(n as usize, i + 1);
                let s = r["score"].as_f64().unwrap();
                assert!((0.0..=1.0).contains(&s) && s <= last, "{r}");
                last = s;
                assert_eq!(r["quadrants"].as_object().unwrap().len(), 4, "{r}");
                assert!(r["support"].is_string());
            }
            // Unscored customers come last, with the reason.
            None => assert!(r["reason"].is_string(), "{r}"),
        }
    }
    // The score is the weighted mean of the normalised dimensions: check the first by hand
    // against the customer-level matrices (purpose, intent and effort means).
    let first = &ranked[0];
    let point = |matrix: &str| {
        let v = json(
            &db,
            &["matrix", "billing", matrix, "--level", "customer", "--json"],
        );
        v["points"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["customer_id"] == first["customer_id"])
            .cloned()
            .unwrap()
    };
    let (pi, ec) = (point("purpose-intent"), point("effort-complexity"));
    let norm = |v: f64| (v - 1.0) / 9.0;
    let by_hand = (2.0 * norm(pi["y"].as_f64().unwrap())
        + norm(pi["x"].as_f64().unwrap())
        + (1.0 - norm(ec["x"].as_f64().unwrap())))
        / 4.0;
    assert!(
        (first["score"].as_f64().unwrap() - by_hand).abs() < 1e-9,
        "{first} vs {by_hand}"
    );
    let shifts = p["sensitivity"]["shifts"].as_array().unwrap();
    assert_eq!(shifts.len(), 3);
    assert!(
        shifts
            .iter()
            .all(|s| s["top_changes"].as_u64().unwrap() <= 10)
    );
    let top = milepost(&db, &["priority", "billing", "--top", "5"]);
    assert!(
        stdout(&top).contains("Sensitivity: purpose ±10 %"),
        "{}",
        stdout(&top)
    );
    let bad = milepost(&db, &["priority", "billing", "--weights", "pupose=1"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("the scores are purpose, intent"),
        "{}",
        stderr(&bad)
    );
}

#[test]
fn the_customer_assessment_csv_is_a_file_excel_reads_with_each_customers_quadrants() {
    let (dir, db) = demo_workspace("120", "4");
    let file = dir.path().join("customers.csv");
    let o = milepost(
        &db,
        &[
            "customers",
            "billing",
            "--csv",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&file).unwrap();
    // UTF-8 with a byte-order mark, so Excel shows "Chloé" and not "ChloÃ©".
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..3], ["customer_id", "name", "segment"]);
    assert!(
        header.contains(&"reached: Billing configured".to_owned()),
        "{header:?}"
    );
    let pi = header.iter().position(|h| h == "Purpose × intent").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // One row per customer, and each one's quadrant is the CLI matrix's at customer level.
    let states = json(&db, &["customers", "billing", "--json"]);
    assert_eq!(rows.len(), states.as_array().unwrap().len());
    let matrix = json(
        &db,
        &[
            "matrix",
            "billing",
            "purpose-intent",
            "--level",
            "customer",
            "--json",
        ],
    );
    for p in matrix["points"].as_array().unwrap() {
        let row = rows
            .iter()
            .find(|r| r[0] == *p["customer_id"].as_str().unwrap())
            .unwrap();
        assert_eq!(&row[pi], p["quadrant"].as_str().unwrap());
    }
    // Printed, it has no mark (for pipes), and the same rows.
    let printed = stdout(&milepost(&db, &["customers", "billing", "--csv"]));
    assert!(printed.starts_with("customer_id,"));
    assert_eq!(
        printed.trim_end(),
        text.trim_start_matches('\u{feff}').trim_end()
    );
    // A folder that cannot be written to says so, and writes nothing.
    let o = milepost(
        &db,
        &[
            "customers",
            "billing",
            "--csv",
            "-o",
            "/nonexistent/folder/c.csv",
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("/nonexistent/folder/c.csv"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn an_exported_journey_carries_the_numbers_and_imports_as_the_same_journey() {
    let (dir, db) = demo_workspace("120", "4");
    let with = dir.path().join("with.json");
    let o = milepost(
        &db,
        &["journey", "export", "billing", "-o", with.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let file: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&with).unwrap()).unwrap();
    let funnel = json(&db, &["funnel", "billing", "--json"]);
    let analytics = &file["analytics"];
    assert_eq!(analytics["as_of"], funnel["as_of"]);
    assert_eq!(analytics["funnel"]["milestones"], funnel["milestones"]);
    let matrix = json(
        &db,
        &[
            "matrix",
            "billing",
            "purpose-intent",
            "--level",
            "customer",
            "--json",
        ],
    );
    assert_eq!(analytics["quadrants"]["purpose-intent"], matrix["counts"]);
    // The file validates, imports as the same journey, and without --no-data's section
    // the two exports differ only by it.
    let o = milepost(&db, &["journey", "validate", with.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
    let bare = stdout(&milepost(
        &db,
        &["journey", "export", "billing", "--no-data", "-o", "-"],
    ));
    assert!(!bare.contains("\"analytics\""));
    let mut stripped = file.clone();
    stripped.as_object_mut().unwrap().remove("analytics");
    assert_eq!(
        stripped,
        serde_json::from_str::<serde_json::Value>(&bare).unwrap()
    );
    let db2 = dir.path().join("other.sqlite3");
    let o = milepost(&db2, &["journey", "import", with.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let again = stdout(&milepost(&db2, &["journey", "export", "1", "-o", "-"]));
    assert_eq!(again, bare);
}

#[test]
fn journey_export_writes_the_playbook_as_pdf_and_the_map_as_png_or_svg() {
    let (dir, db) = demo_workspace("150", "6");
    let pdf = dir.path().join("playbook.pdf");
    let o = milepost(
        &db,
        &[
            "journey",
            "export",
            "billing",
            "--format",
            "pdf",
            "--paper",
            "letter",
            "--as-of",
            "2025-10-31",
            "--company",
            "Acme & Sons",
            "-o",
            pdf.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Acme & Sons"), "the company is on the cover");
    // The numbers are as of the day asked for: the funnel's customers then.
    let funnel = json(
        &db,
        &["funnel", "billing", "--as-of", "2025-10-31", "--json"],
    );
    let customers = funnel["customers"].as_u64().unwrap();
    assert!(text.contains("31 October 2025"));
    assert!(
        text.contains(&format!("{customers} customers as of 31 October 2025")),
        "{text}"
    );
    for (format, magic) in [("png", &b"\x89PNG"[..]), ("svg", &b"<svg"[..])] {
        let file = dir.path().join(format!("map.{format}"));
        let o = milepost(
            &db,
            &[
                "journey",
                "export",
                "billing",
                "--format",
                format,
                "--theme",
                "dark",
                "-o",
                file.to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(std::fs::read(&file).unwrap().starts_with(magic), "{format}");
    }
    // A folder that cannot be written to: the path in the message, nothing left behind.
    let missing = dir.path().join("no such folder").join("p.pdf");
    let o = milepost(
        &db,
        &[
            "journey",
            "export",
            "billing",
            "--format",
            "pdf",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no such folder"), "{}", stderr(&o));
    assert!(!missing.exists());
    // A bad date is named.
    let o = milepost(
        &db,
        &[
            "journey", "export", "billing", "--format", "pdf", "--as-of", "someday", "-o", "-",
        ],
    );
    assert!(!o.status.success());
    assert!(stderr(&o).contains("someday"), "{}", stderr(&o));
}

#[test]
fn versions_snapshot_diff_restore_and_an_import_that_replaces_a_journey() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let o = milepost(&db, &["journey", "new", "--template", "billing-saas"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let original = stdout(&milepost(&db, &["journey", "export", "1", "-o", "-"]));
    let v = stdout(&milepost(
        &db,
        &["journey", "snapshot", "1", "--name", "Before workshop"],
    ));
    let v1: i64 = v.trim().parse().unwrap();

    // The workshop changes a criterion and adds a stage; the file replaces the journey.
    let mut edited: serde_json::Value = serde_json::from_str(&original).unwrap();
    let stages = edited["stages"].as_array_mut().unwrap();
    stages.push(serde_json::json!({"id": "renew", "name": "Renew", "milestones": []}));
    let milestone_id = stages[0]["milestones"][1]["id"].clone();
    stages[0]["milestones"][1]["criteria"][0]["value"] = 2.into();
    let file = dir.path().join("after.json");
    std::fs::write(&file, serde_json::to_string_pretty(&edited).unwrap()).unwrap();
    let o = milepost(
        &db,
        &[
            "journey",
            "import",
            file.to_str().unwrap(),
            "--replace",
            "1",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("1\t"),
        "the journey keeps its id: {}",
        stdout(&o)
    );
    assert_eq!(
        json(&db, &["journey", "list", "--json"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let versions = json(&db, &["journey", "versions", "1", "--json"]);
    let names: Vec<&str> = versions
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Before workshop", "Before importing after.json"]);
    assert!(versions[0]["created_at"].as_str().unwrap().ends_with('Z'));

    let d = json(&db, &["journey", "diff", "1", &v1.to_string(), "--json"]);
    assert_eq!(
        d["added"],
        serde_json::json!([{"kind": "stage", "id": "renew", "name": "Renew"}])
    );
    assert_eq!(d["removed"], serde_json::json!([]));
    assert_eq!(d["changed"].as_array().unwrap().len(), 1, "{d}");
    assert!(
        d["changed"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["kind"] == "milestone"
                && c["id"] == milestone_id
                && c["fields"] == serde_json::json!(["criteria"])),
        "{d}"
    );

    // Restore the version: the journey is the original again; restoring the automatic
    // version taken first undoes that.
    let o = milepost(&db, &["journey", "restore", "1", &v1.to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&milepost(&db, &["journey", "export", "1", "-o", "-"])),
        original
    );
    let versions = json(&db, &["journey", "versions", "1", "--json"]);
    let undo = versions.as_array().unwrap().last().unwrap();
    assert_eq!(undo["automatic"], true);
    let o = milepost(&db, &["journey", "restore", "1", &undo["id"].to_string()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let now: serde_json::Value = serde_json::from_str(&stdout(&milepost(
        &db,
        &["journey", "export", "1", "-o", "-"],
    )))
    .unwrap();
    assert_eq!(now["stages"], edited["stages"]);
    // A version that is not there is named.
    let o = milepost(&db, &["journey", "diff", "1", "999"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no version 999"), "{}", stderr(&o));
}

#[test]
fn value_prints_the_portfolio_writes_its_csv_and_a_customers_review_and_names_a_bad_id() {
    let (dir, db) = billing_workspace();
    assert!(
        milepost(&db, &["demo", "--customers", "300"])
            .status
            .success()
    );
    let json = milepost(&db, &["value", "1", "--json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let r: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let customers = r["customers"].as_array().unwrap();
    let top = customers
        .iter()
        .max_by(|a, b| {
            a["leakage_money"]
                .as_f64()
                .unwrap_or(0.0)
                .total_cmp(&b["leakage_money"].as_f64().unwrap_or(0.0))
        })
        .unwrap();
    let id = top["customer_id"].as_str().unwrap();

    // The table: the top customer first, and the total.
    let table = stdout(&milepost(&db, &["value", "1"]));
    let first_row = table.lines().nth(1).unwrap();
    assert!(first_row.contains(id), "{first_row}");
    assert!(table.contains("Value left on the table as of"));

    // The CSV: a row per customer, the top one first.
    let csv_file = dir.path().join("portfolio.csv");
    let o = milepost(
        &db,
        &["value", "1", "--csv", "-o", csv_file.to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read_to_string(&csv_file).unwrap();
    assert!(csv.starts_with('\u{feff}'), "a BOM for Excel");
    assert_eq!(csv.lines().count(), customers.len() + 1);
    assert!(csv.lines().nth(1).unwrap().starts_with(id));

    // The value review.
    let pdf = dir.path().join("review.pdf");
    let o = milepost(
        &db,
        &[
            "value",
            "1",
            "--customer",
            id,
            "--pdf",
            "-o",
            pdf.to_str().unwrap(),
            "--paper",
            "letter",
            "--company",
            "Acme",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    // A customer that does not exist is named, and nothing is written.
    let missing = dir.path().join("missing.pdf");
    let o = milepost(
        &db,
        &[
            "value",
            "1",
            "--customer",
            "NOPE-42",
            "--pdf",
            "-o",
            missing.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("NOPE-42"), "{}", stderr(&o));
    assert!(!missing.exists());
    // --pdf without a customer is a usage error.
    assert_eq!(
        milepost(&db, &["value", "1", "--pdf"]).status.code(),
        Some(2)
    );
}

/// A stakeholder workshop (seed 004) often has customers and stakeholders but no usage
/// data yet: the matrices and the ranking work, as of today, and say what they cannot show.
#[test]
fn matrices_and_the_ranking_work_without_events_and_say_what_they_cannot_show() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    let files = dir.path().join("demo");
    let out = milepost(
        &db,
        &[
            "demo",
            "--customers",
            "60",
            "--seed",
            "4",
            "--out",
            files.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    for table in ["customers", "stakeholders"] {
        let f = files.join(format!("{table}.csv"));
        let o = milepost(&db, &["data", "import", table, f.to_str().unwrap()]);
        assert!(o.status.success(), "{table}: {}", stderr(&o));
    }
    assert!(
        milepost(&db, &["journey", "new", "--template", "billing-saas"])
            .status
            .success()
    );
    let today = milepost::format::date(milepost::now());

    let m = milepost(&db, &["matrix", "billing", "purpose-intent", "--json"]);
    assert!(m.status.success(), "{}", stderr(&m));
    let notice = stderr(&m);
    assert!(
        notice.contains("No usage events yet") && notice.contains(&today),
        "{notice}"
    );
    let v: serde_json::Value = serde_json::from_slice(&m.stdout).unwrap();
    assert!(
        !v["points"].as_array().unwrap().is_empty(),
        "the stakeholders are placed"
    );

    let p = milepost(&db, &["priority", "billing", "--json"]);
    assert!(p.status.success(), "{}", stderr(&p));
    let r: serde_json::Value = serde_json::from_slice(&p.stdout).unwrap();
    assert!(
        r["ranked"].as_u64().unwrap() > 0,
        "customers are ranked: {r}"
    );
    // Money in the ranking is in the workspace's currency.
    let first = &r["customers"][0];
    if first["arr"].is_number() {
        assert!(
            first["arr_text"]
                .as_str()
                .unwrap()
                .contains(char::is_numeric)
        );
    }

    // The funnel still needs events, and says so.
    let f = milepost(&db, &["funnel", "billing"]);
    assert_eq!(f.status.code(), Some(1));
    assert!(stderr(&f).contains("no events yet"), "{}", stderr(&f));
}

#[test]
fn the_workspace_currency_is_set_once_and_shown_with_every_amount() {
    let (_dir, db) = demo_workspace("80", "3");
    let set = milepost(&db, &["currency", "eur"]);
    assert!(set.status.success(), "{}", stderr(&set));
    assert_eq!(stdout(&set), "EUR\n");
    assert_eq!(stdout(&milepost(&db, &["currency"])), "EUR\n");
    let bad = milepost(&db, &["currency", "euro"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("not a currency code"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(
        stdout(&milepost(&db, &["currency"])),
        "EUR\n",
        "a bad code changes nothing"
    );

    let table = stdout(&milepost(&db, &["value", "billing"]));
    assert!(table.contains("LEAKAGE / YEAR (EUR)"), "{table}");
    assert!(
        table.contains("a year over") && table.contains('€'),
        "{table}"
    );
    let v: serde_json::Value =
        serde_json::from_slice(&milepost(&db, &["value", "billing", "--json"]).stdout).unwrap();
    assert_eq!(v["currency"], "EUR");
    assert!(v["leakage_text"].as_str().unwrap().starts_with('€'));
    let csv = stdout(&milepost(&db, &["customers", "billing", "--csv"]));
    assert!(csv.lines().next().unwrap().contains("arr (EUR)"), "{csv}");
}

/// One number, one name: the CLI's funnel table reads the same texts, under the same
/// names, as the PDF and the app (the numbers come from `milepost::format`).
#[test]
fn the_funnel_table_names_each_number_once_and_rounds_like_a_hand_count() {
    let (_dir, db) = demo_workspace("300", "5");
    let f = json(&db, &["funnel", "billing", "--json"]);
    let table = stdout(&milepost(&db, &["funnel", "billing"]));
    for name in [
        "MEDIAN DAYS FROM START",
        "P75 DAYS FROM START",
        "FROM PREVIOUS",
        "CHURN RATE",
    ] {
        assert!(table.contains(name), "{name} in\n{table}");
    }
    assert!(!table.contains("MEDIAN D "), "the old ambiguous label");
    let customers = f["customers"].as_u64().unwrap();
    for m in f["milestones"].as_array().unwrap() {
        let reached = m["reached"].as_u64().unwrap();
        // A hand count: reached / customers as a percentage, halves rounded up.
        let tenths = (reached * 1000 * 2 + customers) / (2 * customers);
        let by_hand = format!("{}.{}%", tenths / 10, tenths % 10);
        assert_eq!(m["text"]["conversion_from_start"], by_hand.as_str(), "{m}");
        assert!(table.contains(&by_hand), "{by_hand} in\n{table}");
        assert!(table.contains(m["text"]["median_days_from_start"].as_str().unwrap()));
    }
}

#[test]
fn an_export_never_replaces_a_device_a_link_or_a_missing_folder_and_says_so_once() {
    let (dir, db) = billing_workspace();
    let target = dir.path().join("kept.json");
    std::fs::write(&target, "kept").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let missing = dir.path().join("no-such-folder/x.json");
    // A device of its own (as /dev/null: char 1,3), so a regression could only ever replace
    // this one; where nodes cannot be made (not root), the other cases still run.
    let device = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&device)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    let device = device.to_str().unwrap().to_owned();
    let mut cases = vec![
        (
            link.to_str().unwrap(),
            "this is a symbolic link, not a regular file",
        ),
        (
            missing.to_str().unwrap(),
            "no-such-folder does not exist; nothing was written",
        ),
    ];
    if made {
        cases.push((
            device.as_str(),
            "this is a device, not a regular file; nothing was written",
        ));
    }
    for (out, what) in cases {
        let o = milepost(&db, &["journey", "export", "1", "-o", out]);
        assert_eq!(o.status.code(), Some(1), "{out}");
        let err = stderr(&o);
        assert!(err.contains(out) && err.contains(what), "{err}");
        // Said once, and never with a temporary file's name.
        assert_eq!(err.matches(what).count(), 1, "{err}");
        assert!(!err.contains("at path"), "{err}");
    }
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept");
}
