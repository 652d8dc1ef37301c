//! Importing customer data: every reader, encoding, delimiter and date format, every kind
//! of problem in the report, and the promise that a failed, cancelled or killed import
//! leaves the workspace exactly as it was.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use milepost::data::source::Source;
use milepost::data::{DateOrder, ImportOptions, ImportOutcome, ProblemKind, Table};
use milepost::store::Store;
use rusqlite::Connection;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/data")
        .join(name)
}

struct Workspace {
    dir: tempfile::TempDir,
    store: Store,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
        Workspace { dir, store }
    }

    fn import(
        &mut self,
        table: Table,
        file: &Path,
        f: impl FnOnce(&mut ImportOptions),
    ) -> ImportOutcome {
        let mut opts = ImportOptions::new(table, file);
        f(&mut opts);
        self.store
            .import(&opts, &mut |_| {}, &AtomicBool::new(false))
            .unwrap()
    }

    /// Reads through a second connection, as another process would.
    fn query<T: rusqlite::types::FromSql>(&self, sql: &str) -> Vec<T> {
        let conn = Connection::open(self.dir.path().join("w.sqlite3")).unwrap();
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    }

    fn count(&self, table: &str) -> i64 {
        self.query::<i64>(&format!("SELECT count(*) FROM {table}"))[0]
    }

    /// Every row of the customer table as text, to compare whole workspaces.
    fn snapshot(&self) -> Vec<String> {
        let mut all = self.query::<String>(
            "SELECT id || '|' || ifnull(name,'') || '|' || ifnull(arr,'') || '|' || ifnull(start_date,'') || '|' || attributes FROM customer ORDER BY id",
        );
        all.extend(self.query::<String>(
            "SELECT customer || '|' || at || '|' || name || '|' || value FROM event ORDER BY rowid",
        ));
        all.extend(
            self.query::<String>("SELECT customer || '|' || name FROM stakeholder ORDER BY rowid"),
        );
        all
    }
}

fn rows_of(path: &Path) -> Vec<Vec<String>> {
    let mut source = Source::open(path, None).unwrap();
    let mut rows = vec![source.headers().to_vec()];
    source
        .for_each(|row| {
            rows.push((0..row.len()).map(|i| row.cell(i).display()).collect());
            std::ops::ControlFlow::Continue(())
        })
        .unwrap();
    rows
}

#[test]
fn a_european_export_with_bom_semicolons_quoted_newlines_and_blank_lines_reads_cleanly() {
    let rows = rows_of(&fixture("customers_eu.csv"));
    assert_eq!(
        rows[0],
        [
            "Account ID",
            "Company Name",
            "Customer Since",
            "ARR",
            "Churned",
            "CSM",
            "Notes"
        ]
    );
    assert_eq!(rows.len(), 4, "blank and empty rows are skipped: {rows:?}");
    assert_eq!(rows[1][1], "Blue Motors", "trailing spaces are trimmed");
    assert_eq!(rows[1][6], "Wants; more\r\nreports");

    let mut w = Workspace::new();
    let out = w.import(Table::Customers, &fixture("customers_eu.csv"), |_| {});
    assert!(out.committed, "{}", out.report.text());
    assert_eq!((out.imported, out.skipped), (3, 0));
    // 02/01/2025 is read day first because 15/12/2024 in the same column settles it.
    let starts = w.query::<i64>("SELECT start_date FROM customer ORDER BY id");
    let day = |y, m, d| milepost::data::values::day_start(y, m, d).unwrap();
    assert_eq!(
        starts,
        [day(2025, 1, 2), day(2024, 12, 15), day(2025, 3, 1)]
    );
    assert_eq!(
        w.query::<f64>("SELECT arr FROM customer ORDER BY id"),
        [1234.5, 12.0, 2000.75]
    );
    assert_eq!(
        w.query::<String>("SELECT attributes FROM customer WHERE id = 'C1'"),
        [r#"{"Notes":"Wants; more\r\nreports"}"#]
    );
    assert_eq!(
        w.query::<String>("SELECT owner FROM customer WHERE id = 'C2'"),
        ["Ben Okafor"]
    );
}

#[test]
fn every_encoding_reads_the_same_text() {
    let text = std::fs::read_to_string(fixture("customers.csv")).unwrap();
    let expected = rows_of(&fixture("customers.csv"));
    assert!(
        expected
            .iter()
            .any(|r| r.iter().any(|c| c == "Chloé's Bakery"))
    );
    let dir = tempfile::tempdir().unwrap();
    let encodings: [(&str, Vec<u8>); 5] = [
        (
            "utf8-bom",
            [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat(),
        ),
        (
            "utf16le-bom",
            [
                vec![0xff, 0xfe],
                text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            ]
            .concat(),
        ),
        (
            "utf16be-bom",
            [
                vec![0xfe, 0xff],
                text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            ]
            .concat(),
        ),
        (
            "utf16le",
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        (
            "windows-1252",
            encoding_rs::WINDOWS_1252.encode(&text).0.into_owned(),
        ),
    ];
    for (name, bytes) in encodings {
        let path = dir.path().join(format!("{name}.csv"));
        std::fs::write(&path, bytes).unwrap();
        assert_eq!(rows_of(&path), expected, "{name}");
    }
}

#[test]
fn legacy_encodings_are_told_apart_by_their_text() {
    // Exports from a Japanese, a Russian and a French CRM, each in its own legacy encoding:
    // read as the words they are, not as Windows-1252 mojibake.
    let files = [
        (
            encoding_rs::SHIFT_JIS,
            "customer_id,name,segment\nC1,株式会社山田製作所,中小企業\nC2,東京ソフトウェア株式会社,大企業\nC3,大阪物流サービス,中小企業\n",
        ),
        (
            encoding_rs::WINDOWS_1251,
            "customer_id,name,segment\nC1,Общество с ограниченной ответственностью Ромашка,Малый бизнес\nC2,Северный торговый дом,Крупный бизнес\nC3,Московская логистика,Малый бизнес\n",
        ),
        (
            encoding_rs::WINDOWS_1252,
            "customer_id,name,segment\nC1,Chloé's Bakery,Petite entreprise\nC2,Société Générale de Café,Grande entreprise\nC3,Müller Bäckerei,Kleinunternehmen\n",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (encoding, text) in files {
        let path = dir.path().join(format!("{}.csv", encoding.name()));
        let (bytes, _, lossy) = encoding.encode(text);
        assert!(!lossy);
        std::fs::write(&path, bytes).unwrap();
        let expected: Vec<Vec<String>> = text
            .lines()
            .map(|l| l.split(',').map(str::to_owned).collect())
            .collect();
        assert_eq!(rows_of(&path), expected, "{}", encoding.name());
        let said = Source::open(&path, None)
            .unwrap()
            .format()
            .description
            .clone();
        assert!(
            said.contains(encoding.name()),
            "{}: {said}",
            encoding.name()
        );
    }
}

#[test]
fn delimiters_and_date_formats_are_detected() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    let ts = |s: &str| milepost::data::values::parse_timestamp(s, DateOrder::Auto).unwrap();
    for file in ["events_us.tsv", "events_pipe.csv"] {
        let out = w.import(Table::Events, &fixture(file), |o| o.replace = true);
        assert!(
            out.committed && out.imported == 3,
            "{file}: {}",
            out.report.text()
        );
        assert_eq!(
            w.query::<i64>("SELECT at FROM event ORDER BY rowid"),
            [
                ts("2025-01-31T09:30:00Z"),
                ts("2025-02-28T09:30:00Z")
                    - if file == "events_us.tsv" {
                        9 * 3600 + 1800
                    } else {
                        0
                    },
                ts("2025-03-01")
            ],
            "{file}"
        );
    }
    // `1,234.5` in the pipe file; an empty value counts 1 in the TSV.
    assert_eq!(
        w.query::<f64>("SELECT value FROM event ORDER BY rowid"),
        [1.0, 1.0, 1234.5]
    );
}

#[test]
fn ambiguous_day_month_dates_ask_for_the_format() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    let out = w.import(Table::Events, &fixture("events_ambiguous.csv"), |_| {});
    assert!(!out.committed);
    assert_eq!(out.report.counts[0].kind, ProblemKind::BadDate);
    assert!(
        out.report.examples[0]
            .message
            .contains("choose the date format")
    );
    assert_eq!(w.count("event"), 0);
    let out = w.import(Table::Events, &fixture("events_ambiguous.csv"), |o| {
        o.date_order = DateOrder::Dmy
    });
    assert!(out.committed);
    let first = w.query::<i64>("SELECT min(at) FROM event")[0];
    assert_eq!(milepost::format::date(first), "2025-03-02");
}

#[test]
fn spreadsheets_read_typed_cells_from_the_first_or_a_chosen_sheet() {
    for file in ["events.xlsx", "events.xls", "events.ods"] {
        let mut w = Workspace::new();
        let out = w.import(Table::Customers, &fixture(file), |o| {
            o.sheet = Some("Customers".into())
        });
        assert!(
            out.committed && out.imported == 2,
            "{file}: {}",
            out.report.text()
        );
        assert_eq!(
            w.query::<String>("SELECT date(start_date, 'unixepoch') FROM customer ORDER BY id"),
            ["2025-01-02", "2024-12-15"],
            "{file}"
        );
        assert_eq!(
            w.query::<f64>("SELECT arr FROM customer ORDER BY id"),
            [12000.0, 30500.5]
        );
        let out = w.import(Table::Events, &fixture(file), |_| {});
        assert!(
            out.committed && out.imported == 3,
            "{file}: {}",
            out.report.text()
        );
        assert_eq!(
            w.query::<String>("SELECT datetime(at, 'unixepoch') FROM event ORDER BY rowid"),
            [
                "2025-01-31 09:30:00",
                "2025-02-28 09:30:00",
                "2025-03-01 00:00:00"
            ],
            "{file}"
        );
        assert_eq!(
            w.query::<f64>("SELECT value FROM event ORDER BY rowid"),
            [1.0, 1.0, 42.5]
        );
        let mut opts = ImportOptions::new(Table::Events, fixture(file));
        opts.sheet = Some("Nope".into());
        let err = w
            .store
            .import(&opts, &mut |_| {}, &AtomicBool::new(false))
            .unwrap_err();
        assert!(
            err.to_string()
                .contains("has no sheet named \"Nope\" (its sheets: Events, Customers)"),
            "{err}"
        );
    }
}

#[test]
fn any_error_imports_nothing_and_the_report_names_row_column_and_value() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    let before = w.snapshot();
    let out = w.import(Table::Events, &fixture("events_bad.csv"), |_| {});
    assert!(!out.committed);
    assert_eq!(w.snapshot(), before, "nothing of the file is stored");
    let kinds: Vec<(ProblemKind, u64)> = out
        .report
        .counts
        .iter()
        .map(|c| (c.kind, c.count))
        .collect();
    assert_eq!(
        kinds,
        [
            (ProblemKind::MissingValue, 1),
            (ProblemKind::BadDate, 1),
            (ProblemKind::BadNumber, 1),
            (ProblemKind::UnknownCustomer, 1),
            (ProblemKind::DuplicateEvent, 1),
        ]
    );
    let refused = out.report.clone();
    let text = out.report.text();
    for line in [
        "events_bad.csv: row 3, column \"customer_id\", value \"\": Customer id is missing",
        "events_bad.csv: row 4, column \"timestamp\", value \"2025-02-30\": day 30 does not exist in 2025-02",
        "events_bad.csv: row 5, column \"value\", value \"lots\": not a number",
        "events_bad.csv: row 6, column \"customer_id\", value \"C9\": no customer has this id",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }

    // The repeat of row 2 on row 7, after the errors, is in the refused report too.
    assert!(
        text.contains("events_bad.csv: row 7, column \"event\""),
        "{text}"
    );

    // Skipping bad rows imports the rest and reports exactly what the refused import
    // reported; the repeat of row 2 is not doubled.
    let out = w.import(Table::Events, &fixture("events_bad.csv"), |o| {
        o.skip_bad_rows = true
    });
    assert!(out.committed);
    assert_eq!((out.rows, out.imported, out.skipped), (7, 2, 5));
    assert_eq!(out.report, refused);
    assert_eq!(w.count("event"), 2);
}

#[test]
fn customer_errors_and_reimport_updates_by_id() {
    let mut w = Workspace::new();
    let out = w.import(Table::Customers, &fixture("customers_bad.csv"), |_| {});
    assert!(!out.committed);
    assert_eq!(w.count("customer"), 0);
    let kinds: Vec<ProblemKind> = out.report.counts.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            ProblemKind::MissingValue,
            ProblemKind::BadDate,
            ProblemKind::BadNumber,
            ProblemKind::DuplicateCustomer
        ]
    );
    let refused = out.report.clone();
    let out = w.import(Table::Customers, &fixture("customers_bad.csv"), |o| {
        o.skip_bad_rows = true
    });
    assert_eq!((out.imported, out.skipped), (2, 4));
    assert_eq!(out.report, refused, "the same problems, refused or not");
    assert_eq!(
        w.query::<String>("SELECT id FROM customer ORDER BY id"),
        ["C1", "C4"]
    );

    // Re-importing updates the mapped fields of known ids and adds the new ones.
    let out = w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    assert_eq!((out.imported, out.updated), (3, 1));
    assert_eq!(w.count("customer"), 4);
    assert_eq!(
        w.query::<String>("SELECT name FROM customer WHERE id = 'C1'"),
        ["Blue Motors"]
    );
    assert_eq!(
        w.query::<String>("SELECT attributes FROM customer WHERE id = 'C1'"),
        [r#"{"region":"EMEA"}"#]
    );
}

#[test]
fn stakeholders_scores_are_checked_and_unknown_customers_left_out() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    let out = w.import(Table::Stakeholders, &fixture("stakeholders.csv"), |_| {});
    assert!(!out.committed);
    let text = out.report.text();
    assert!(
        text.contains("row 4, column \"decision_maker\", value \"maybe\": not yes or no"),
        "{text}"
    );
    assert!(
        text.contains("row 4, column \"complexity\", value \"11\": a score must be from 1 to 10"),
        "{text}"
    );
    assert!(
        text.contains("row 5, column \"customer_id\", value \"C9\""),
        "{text}"
    );
    let out = w.import(Table::Stakeholders, &fixture("stakeholders.csv"), |o| {
        o.skip_bad_rows = true
    });
    assert_eq!((out.imported, out.skipped), (2, 2));
    assert_eq!(
        w.query::<f64>("SELECT revenue_impact FROM stakeholder ORDER BY rowid"),
        [9.0, 2.0]
    );
    assert_eq!(
        w.query::<i64>("SELECT decision_maker FROM stakeholder ORDER BY rowid"),
        [1, 0]
    );
}

#[test]
fn wide_files_melt_into_events_and_appending_never_doubles() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    let out = w.import(Table::Events, &fixture("events_wide.csv"), |o| {
        o.wide = true
    });
    assert!(out.committed, "{}", out.report.text());
    assert_eq!(
        w.query::<String>("SELECT n.name || '=' || e.value FROM event e JOIN event_name n ON n.id = e.name ORDER BY e.rowid"),
        ["logins=12.0", "invoices_sent=40.0", "logins=15.0", "ar_days=48.0", "invoices_sent=3.0"]
    );
    // The same file again: every event is already there.
    let out = w.import(Table::Events, &fixture("events_wide.csv"), |o| {
        o.wide = true
    });
    assert_eq!((out.imported, out.skipped), (0, 3));
    assert_eq!(w.count("event"), 5);
    // --replace starts over.
    let out = w.import(Table::Events, &fixture("events_pipe.csv"), |o| {
        o.replace = true
    });
    assert_eq!(out.imported, 3);
    assert_eq!(w.count("event"), 3);
}

#[test]
fn repeats_are_found_whatever_the_order_of_the_file() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    // Time order per customer breaks half-way (C1 goes back to January).
    let path = w.dir.path().join("shuffled.csv");
    std::fs::write(
        &path,
        "customer_id,timestamp,event,value\n\
         C1,2025-03-01,e,1\nC2,2025-01-01,e,1\nC1,2025-03-01,e,1\nC1,2025-01-01,e,1\n\
         C1,2025-03-01,e,1\nC1,2025-03-01,e,2\nC2,2025-01-01,e,1\n",
    )
    .unwrap();
    let out = w.import(Table::Events, &path, |_| {});
    assert_eq!((out.imported, out.skipped), (4, 3), "{}", out.report.text());
    let rows: Vec<u64> = out.report.examples.iter().map(|p| p.row).collect();
    assert_eq!(rows, [4, 6, 8]);
}

#[test]
fn a_cancelled_import_changes_nothing() {
    let mut w = Workspace::new();
    let demo = tempfile::tempdir().unwrap();
    let files = milepost::demo::write_files(demo.path(), 400, 3).unwrap();
    w.import(Table::Customers, &files.customers, |_| {});
    w.import(Table::Events, &files.events, |_| {});
    let before = w.snapshot();
    let cancel = AtomicBool::new(false);
    let mut calls = 0;
    let mut opts = ImportOptions::new(Table::Events, &files.events);
    opts.replace = true;
    // Cancel at the first progress report, as the Cancel button would.
    let err = w
        .store
        .import(
            &opts,
            &mut |p| {
                calls += 1;
                assert!(p.rows > 0 && p.done <= p.total);
                cancel.store(true, Ordering::Relaxed);
            },
            &cancel,
        )
        .unwrap_err();
    assert!(matches!(err, milepost::Error::Cancelled), "{err}");
    assert!(calls >= 1);
    assert_eq!(w.snapshot(), before, "the replace was rolled back too");
}

#[test]
fn an_import_killed_half_way_leaves_the_workspace_as_it_was() {
    let mut w = Workspace::new();
    let demo = tempfile::tempdir().unwrap();
    let files = milepost::demo::write_files(demo.path(), 3000, 5).unwrap();
    w.import(Table::Customers, &files.customers, |_| {});
    let before = w.snapshot();
    let db = w.dir.path().join("w.sqlite3");
    let wal = w.dir.path().join("w.sqlite3-wal");
    let start_len = std::fs::metadata(&wal).map_or(0, |m| m.len());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_milepost"))
        .arg("--db")
        .arg(&db)
        .args(["data", "import", "events"])
        .arg(&files.events)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the import is writing (its pages reach the write-ahead log), then kill
    // it the hard way, as a power cut or a crash would.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while std::fs::metadata(&wal).map_or(0, |m| m.len()) < start_len + 1_000_000 {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the import finished before it could be killed"
        );
        assert!(
            std::time::Instant::now() < deadline,
            "the import never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    drop(w.store);
    let store = Store::open(&db).unwrap();
    let w = Workspace { dir: w.dir, store };
    assert_eq!(w.query::<String>("PRAGMA integrity_check"), ["ok"]);
    assert_eq!(w.snapshot(), before);
    assert_eq!(w.count("event"), 0);
}

mod round_trip {
    use super::*;
    use proptest::prelude::*;

    /// Field text with what makes CSV hard (commas, quotes, newlines, accents) but no
    /// surrounding spaces, which the reader trims on purpose.
    fn field() -> impl Strategy<Value = String> {
        "[a-zA-Z0-9 ,\"\n\r\u{e9}\u{4e2d}'.-]{0,12}".prop_map(|s| s.trim().to_owned())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_csv_the_csv_writer_makes_reads_back_identically(
            width in 2usize..6,
            rows in proptest::collection::vec(proptest::collection::vec(field(), 6), 1..20),
        ) {
            let header: Vec<String> = (0..width).map(|i| format!("col {i}")).collect();
            let records: Vec<Vec<String>> = rows
                .into_iter()
                .map(|r| r.into_iter().take(width).collect::<Vec<_>>())
                .filter(|r| r.iter().any(|f| !f.is_empty()))
                .collect();
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("random.csv");
            let mut writer = csv::Writer::from_path(&path).unwrap();
            writer.write_record(&header).unwrap();
            for r in &records {
                writer.write_record(r).unwrap();
            }
            writer.flush().unwrap();
            drop(writer);
            let read = rows_of(&path);
            prop_assert_eq!(&read[0], &header);
            prop_assert_eq!(&read[1..], &records[..]);
        }
    }
}

#[test]
fn the_wizard_preview_shows_rows_detections_and_the_automatic_mapping() {
    let p = milepost::data::preview(&fixture("customers_eu.csv"), Table::Customers, None).unwrap();
    assert_eq!(p.format, "CSV (UTF-8, \";\" between fields)");
    assert_eq!(p.rows.len(), 3);
    let numbers: Vec<u64> = p.rows.iter().map(|r| r.number).collect();
    assert_eq!(numbers, [3, 5, 8], "row numbers are the file's lines");
    assert_eq!(p.mapping["id"], "Account ID");
    assert_eq!(p.mapping["start_date"], "Customer Since");
    assert_eq!(p.date_order, DateOrder::Dmy);
    assert!(!p.dates_ambiguous);

    let p = milepost::data::preview(&fixture("events_ambiguous.csv"), Table::Events, None).unwrap();
    assert!(p.dates_ambiguous);
    let p = milepost::data::preview(&fixture("events_wide.csv"), Table::Events, None).unwrap();
    assert!(p.looks_wide);
    let p = milepost::data::preview(&fixture("events.xlsx"), Table::Events, None).unwrap();
    assert_eq!(p.sheets, ["Events", "Customers"]);
    assert_eq!(p.rows[0].cells[1], "2025-01-31T09:30:00Z");
}

#[test]
fn customers_list_with_event_counts_and_a_timeline() {
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    w.import(Table::Events, &fixture("events_pipe.csv"), |_| {});
    let list = w.store.customers().unwrap();
    assert_eq!(list.len(), 3);
    assert_eq!((list[0].id.as_str(), list[0].events), ("C1", 2));
    assert_eq!(list[1].churn_date.as_deref(), Some("2025-06-30"));
    assert_eq!(list[2].events, 0);
    let c1 = w.store.customer("C1", 10).unwrap();
    assert_eq!(c1.attributes["region"], "EMEA");
    let times: Vec<&str> = c1.events.iter().map(|e| e.at.as_str()).collect();
    assert_eq!(
        times,
        ["2025-02-28T09:30:00Z", "2025-01-31T09:30:00Z"],
        "newest first"
    );
    assert!(matches!(
        w.store.customer("C404", 10),
        Err(milepost::Error::CustomerNotFound(_))
    ));
}

/// `tests/fixtures/data/office/` holds one CSV of events at times to the second and the
/// same file saved by LibreOffice (`soffice --headless --convert-to xlsx|xls|ods`), as a
/// person's office suite writes them: date-time cells are day serials whose fraction is
/// a little off a whole second.
#[test]
fn date_times_an_office_suite_saved_read_to_the_same_second_as_the_csv() {
    let office = |name: &str| fixture("office").join(name);
    let mut w = Workspace::new();
    w.import(Table::Customers, &fixture("customers.csv"), |_| {});
    let csv = w.import(Table::Events, &office("events_times.csv"), |o| {
        o.replace = true
    });
    assert!(csv.committed, "{}", csv.report.text());
    let expected = w.query::<i64>("SELECT at FROM event ORDER BY rowid");
    assert_eq!(expected.len(), 64);
    for file in ["events_times.xlsx", "events_times.xls", "events_times.ods"] {
        let out = w.import(Table::Events, &office(file), |o| o.replace = true);
        assert!(out.committed, "{file}: {}", out.report.text());
        assert_eq!(
            w.query::<i64>("SELECT at FROM event ORDER BY rowid"),
            expected,
            "{file}"
        );
    }
}

#[test]
fn a_binary_file_is_refused_for_what_it_is_and_a_renamed_workbook_read_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    pdf.extend_from_slice(&[0u8, 1, 2, 3, 0xff, 0xfe]);
    let cases: [(&str, Vec<u8>, &str); 6] = [
        (
            "playbook.csv",
            pdf.clone(),
            "this is a PDF file, not a table",
        ),
        (
            "logo.csv",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "this is a PNG image, not a table",
        ),
        (
            "tool.csv",
            b"\x7fELF\x02\x01\x01\0\0\0\0\0".to_vec(),
            "this is a program",
        ),
        (
            "export.csv.gz",
            vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0],
            "gzip-compressed file (unpack it first)",
        ),
        (
            "notes.csv",
            b"id,name\n\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12".to_vec(),
            "this is a binary file, not a table",
        ),
        ("report.xlsx", pdf, "this is a PDF file, not a table"),
    ];
    for (name, bytes, says) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let err = milepost::data::preview(&path, Table::Customers, None).unwrap_err();
        let text = err.to_string();
        assert!(text.contains(says), "{name}: {text}");
        assert!(
            text.contains(name),
            "{name}: the message names the file: {text}"
        );
        // Nothing is imported, and nothing suggests a column called "%PDF-1.7".
        let mut w = Workspace::new();
        let opts = ImportOptions::new(Table::Customers, &path);
        assert!(
            w.store
                .import(&opts, &mut |_| {}, &AtomicBool::new(false))
                .is_err(),
            "{name}"
        );
        assert_eq!(w.count("customer"), 0);
    }
    // A ZIP that is no workbook is an archive; a workbook saved as .csv is read as one.
    let zip = dir.path().join("bundle.csv");
    std::fs::write(
        &zip,
        b"PK\x03\x04\x14\0\0\0\0\0readme.txtPK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    let err = milepost::data::preview(&zip, Table::Customers, None).unwrap_err();
    assert!(
        err.to_string()
            .contains("this is a ZIP archive, not a table"),
        "{err}"
    );
    let renamed = dir.path().join("events-xlsx.csv");
    std::fs::copy(fixture("events.xlsx"), &renamed).unwrap();
    let mut w = Workspace::new();
    let out = w.import(Table::Customers, &renamed, |o| {
        o.sheet = Some("Customers".into())
    });
    assert!(out.committed && out.imported == 2, "{}", out.report.text());
    // Text in other encodings is still text.
    let latin = dir.path().join("latin1.csv");
    std::fs::write(&latin, b"id,name\nC1,Caf\xe9 M\xfcller\n").unwrap();
    assert!(milepost::data::preview(&latin, Table::Customers, None).is_ok());
}

#[test]
fn lines_ending_in_a_carriage_return_alone_are_lines_with_their_numbers() {
    let mut w = Workspace::new();
    let path = w.dir.path().join("old-mac.csv");
    // An old Mac export: \r only. The third customer's start date is wrong.
    std::fs::write(
        &path,
        "customer_id,name,start_date\rC1,One,2025-01-01\rC2,Two,2025-01-02\rC3,Three,someday\r",
    )
    .unwrap();
    let out = w.import(Table::Customers, &path, |o| o.skip_bad_rows = true);
    assert_eq!((out.imported, out.skipped), (2, 1), "{}", out.report.text());
    let rows: Vec<u64> = out.report.examples.iter().map(|p| p.row).collect();
    assert_eq!(rows, [4], "the bad row is named by its line");
    assert_eq!(w.count("customer"), 2);
}

#[test]
fn a_byte_that_is_not_text_is_a_bad_row_named_with_its_column() {
    let mut w = Workspace::new();
    let path = w.dir.path().join("broken.csv");
    // A UTF-8 file with one stray byte (0xFF) in a name far past the part the reader
    // samples to tell the encoding: the file is UTF-8, that one row is not.
    let mut bytes = b"customer_id,name,start_date\n".to_vec();
    for i in 1..=3000 {
        bytes.extend_from_slice(format!("C{i},Customer number {i},2025-01-01\n").as_bytes());
        if i == 2500 {
            bytes.extend_from_slice(b"C-BAD,Tw\xFFo,2025-01-02\n");
        }
    }
    std::fs::write(&path, bytes).unwrap();
    let refused = w.import(Table::Customers, &path, |_| {});
    assert!(!refused.committed, "a bad row blocks the import by default");
    assert_eq!(w.count("customer"), 0);
    let out = w.import(Table::Customers, &path, |o| o.skip_bad_rows = true);
    assert_eq!(
        (out.imported, out.skipped),
        (3000, 1),
        "{}",
        out.report.text()
    );
    let bad = &out.report.examples[0];
    assert_eq!((bad.row, bad.column.as_str()), (2502, "name"));
    assert!(bad.message.contains("not text"), "{}", bad.message);
    assert_eq!(w.count("customer"), 3000);
}

#[test]
fn dates_far_from_today_are_bad_rows_and_never_move_the_as_of_date() {
    let mut w = Workspace::new();
    let customers = w.dir.path().join("c.csv");
    std::fs::write(&customers, "customer_id,start_date\nC1,2025-01-01\n").unwrap();
    w.import(Table::Customers, &customers, |_| {});
    let events = w.dir.path().join("e.csv");
    std::fs::write(
        &events,
        "customer_id,timestamp,event\nC1,2025-02-01,login\nC1,9999-12-31,login\nC1,1900-01-01,login\n",
    )
    .unwrap();
    let out = w.import(Table::Events, &events, |o| o.skip_bad_rows = true);
    assert_eq!((out.imported, out.skipped), (1, 2), "{}", out.report.text());
    let said: Vec<(u64, &str)> = out
        .report
        .examples
        .iter()
        .map(|p| (p.row, p.message.as_str()))
        .collect();
    assert!(
        said[0].0 == 3 && said[0].1.contains("more than a year after today"),
        "{said:?}"
    );
    assert!(
        said[1].0 == 4 && said[1].1.contains("before 1970"),
        "{said:?}"
    );
    let data = w.store.load_dataset().unwrap();
    assert_eq!(milepost::format::date(data.latest().unwrap()), "2025-02-01");
}

#[test]
fn a_zip_bomb_spreadsheet_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("[Content_Types].xml", deflate).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    // 80 MB of one repeated cell, packed into a few hundred kilobytes.
    zip.start_file("xl/worksheets/sheet1.xml", deflate).unwrap();
    let row = b"<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>".repeat(20_000);
    for _ in 0..80_000_000 / row.len() {
        zip.write_all(&row).unwrap();
    }
    zip.finish().unwrap();
    assert!(std::fs::metadata(&path).unwrap().len() < 2_000_000);
    let err = Source::open(&path, None).unwrap_err().to_string();
    assert!(err.contains("zip bomb"), "{err}");
    assert!(err.contains("bomb.xlsx"), "{err}");
}
