//! A running app exports the playbook again and again in a workshop: memory must not
//! grow with each export (typst memoises layouts; `report::typeset` trims that cache).
//! Its own test binary, so no other test's allocations move the figure.

use milepost::journey::templates;
use milepost::report::{Options, playbook_pdf};

/// Resident memory of this process, in MiB (Linux).
fn resident_mib() -> f64 {
    let statm = std::fs::read_to_string("/proc/self/statm").unwrap();
    let pages: f64 = statm.split_whitespace().nth(1).unwrap().parse().unwrap();
    pages * 4096.0 / (1024.0 * 1024.0)
}

#[test]
fn exporting_again_and_again_does_not_grow_memory() {
    let mut j = templates::get("billing-saas").unwrap();
    // A different journey each time, as while editing between exports: nothing can be
    // answered from the cache, so every export lays out anew.
    let mut export = |i: usize| {
        j.name = format!("Billing SaaS, revision {i}");
        j.stages[0].name = format!("Onboard {i}");
        playbook_pdf(&j, None, &Options::default(), 0).unwrap();
    };
    // Warm up: fonts, the standard library, the cache's last few exports, the allocator.
    for i in 0..8 {
        export(i);
    }
    let before = resident_mib();
    for i in 8..20 {
        export(i);
    }
    // Kept: about 8 MiB an export without trimming the cache; flat with it.
    let grown = resident_mib() - before;
    assert!(
        grown < 15.0,
        "12 exports grew resident memory by {grown:.0} MiB"
    );
}
