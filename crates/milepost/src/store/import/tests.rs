//! Events set aside on disk are checked for repeats exactly as the set in memory checks
//! them: the same events kept, the same rows left out, the same report.

use std::sync::atomic::AtomicBool;

use proptest::prelude::*;

use super::dedup::TEST_IN_MEMORY;
use crate::data::{ImportOptions, ImportOutcome, Table};
use crate::store::Store;

/// A random events file of three customers, few times, names and values, so repeats are
/// common; long (one event a row) or wide (one column per metric, cells may be empty).
fn file(wide: bool) -> impl Strategy<Value = Vec<String>> {
    let cell = prop_oneof![Just(String::new()), (1..3u8).prop_map(|v| v.to_string())];
    let row = (1..4u8, 1..4u8, 0..3u8, proptest::collection::vec(cell, 3));
    proptest::collection::vec(row, 0..40).prop_map(move |rows| {
        rows.into_iter()
            .map(|(c, day, name, cells)| {
                if wide {
                    format!("C{c},2025-02-0{day},{}", cells.join(","))
                } else {
                    let value = if cells[0].is_empty() { "1" } else { &cells[0] };
                    format!("C{c},2025-02-0{day},e{name},{value}")
                }
            })
            .collect()
    })
}

/// Imports `stored` then `appended` into a new workspace with `limit` events in memory:
/// the second outcome and every event in the order the engine reads them (file order
/// breaks ties of a customer's events at one time).
fn run(
    limit: usize,
    wide: bool,
    stored: &[String],
    appended: &[String],
) -> (ImportOutcome, Vec<String>) {
    TEST_IN_MEMORY.set(Some(limit));
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
    let customers = dir.path().join("customers.csv");
    std::fs::write(&customers, "customer_id,name\nC1,A\nC2,B\nC3,C\n").unwrap();
    let header = if wide {
        "customer_id,timestamp,m1,m2,m3"
    } else {
        "customer_id,timestamp,event,value"
    };
    let import = |store: &mut Store, table, rows: &[String], name: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).unwrap();
        let mut opts = ImportOptions::new(
            table,
            if table == Table::Customers {
                customers.clone()
            } else {
                path
            },
        );
        opts.wide = wide;
        store
            .import(&opts, &mut |_| {}, &AtomicBool::new(false))
            .unwrap()
    };
    import(&mut store, Table::Customers, &[], "unused.csv");
    import(&mut store, Table::Events, stored, "stored.csv");
    let mut out = import(&mut store, Table::Events, appended, "appended.csv");
    out.seconds = 0.0;
    out.headline = String::new();
    out.report.file = String::new();
    let mut stmt = store
        .conn
        .prepare(
            "SELECT customer || '|' || at || '|' || name || '|' || value FROM event ORDER BY customer, at, rowid",
        )
        .unwrap();
    let events = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    TEST_IN_MEMORY.set(None);
    // The columnar copy written with the import is what the rows say.
    let (loaded, state) = store.load_dataset_with_copy().unwrap();
    assert_eq!(state, crate::store::CopyState::Current);
    let from_rows = crate::store::event_copy::tests::from_rows(&store);
    assert_eq!((loaded.at, loaded.name, loaded.value), from_rows);
    (out, events)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn events_set_aside_on_disk_are_checked_as_those_in_memory(
        (wide, stored, appended) in any::<bool>().prop_flat_map(|w| (Just(w), file(w), file(w))),
        limit in 0..6usize,
    ) {
        let in_memory = run(usize::MAX, wide, &stored, &appended);
        let on_disk = run(limit, wide, &stored, &appended);
        prop_assert_eq!(&on_disk.1, &in_memory.1);
        prop_assert_eq!(on_disk.0, in_memory.0);
    }
}

/// A workspace with customers, and a long events file of `rows` rows in no order.
fn workspace_and_events(rows: usize) -> (tempfile::TempDir, Store, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
    let customers = dir.path().join("customers.csv");
    std::fs::write(&customers, "customer_id,name\nC1,A\nC2,B\nC3,C\n").unwrap();
    let opts = ImportOptions::new(Table::Customers, &customers);
    store
        .import(&opts, &mut |_| {}, &AtomicBool::new(false))
        .unwrap();
    let events = dir.path().join("events.csv");
    let mut text = String::from("customer_id,timestamp,event,value\n");
    for i in 0..rows {
        // Customers take turns and time runs backwards: the order breaks at once.
        text.push_str(&format!(
            "C{},{},e{},1\n",
            i % 3 + 1,
            1_800_000_000 - i,
            i % 7
        ));
    }
    std::fs::write(&events, text).unwrap();
    (dir, store, events)
}

#[test]
fn checking_set_aside_events_shows_its_progress_and_can_be_cancelled() {
    TEST_IN_MEMORY.set(Some(100));
    let (_dir, mut store, events) = workspace_and_events(5_000);
    let opts = ImportOptions::new(Table::Events, &events);
    // Cancel at the first report of the check, after the whole file was read.
    let cancel = AtomicBool::new(false);
    let mut steps = Vec::new();
    let err = store
        .import(
            &opts,
            &mut |p| {
                steps.push(p.step);
                if p.step == crate::data::ImportStep::Checking {
                    assert!(p.done <= p.total && p.rows == 5_000, "{p:?}");
                    cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            },
            &cancel,
        )
        .unwrap_err();
    assert!(matches!(err, crate::Error::Cancelled), "{err}");
    assert_eq!(steps.last(), Some(&crate::data::ImportStep::Checking));
    assert_eq!(
        store.data_summary().unwrap().events.rows,
        0,
        "nothing was written"
    );
    // Not cancelled: the check reports its end, and every event is there.
    let mut checked = Vec::new();
    let out = store
        .import(
            &opts,
            &mut |p| {
                if p.step == crate::data::ImportStep::Checking {
                    checked.push((p.done, p.total));
                }
            },
            &AtomicBool::new(false),
        )
        .unwrap();
    TEST_IN_MEMORY.set(None);
    assert_eq!(out.imported, 5_000);
    let &(done, total) = checked.last().unwrap();
    assert!(done == total && total > 0, "{checked:?}");
}
