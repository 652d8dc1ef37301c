//! What the fuzzers found (`make fuzz` keeps each crasher under tests/fixtures/fuzz/<target>/)
//! replayed on stable, with the seed corpora and a few hundred cut and flipped versions
//! of them: every parser returns, whatever it is given.

use std::path::{Path, PathBuf};

use milepost::fuzzing;

fn fixtures(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| {
        p.is_file()
            && !p
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    });
    files.sort();
    files
}

/// The file, cut at a dozen places and with a dozen bytes flipped: the shapes a broken
/// download or a bad disk gives.
fn damaged_versions(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut out = vec![bytes.to_vec()];
    let n = bytes.len();
    for k in 1..=12 {
        out.push(bytes[..n * k / 13].to_vec());
        let mut flipped = bytes.to_vec();
        if n > 0 {
            let at = (n * k / 13).min(n - 1);
            flipped[at] ^= 0x5A;
        }
        out.push(flipped);
    }
    out
}

fn replay(target: &str, seeds: &[PathBuf], run: fn(&[u8])) -> usize {
    let mut ran = 0;
    for path in fixtures(&format!("fuzz/{target}")) {
        run(&std::fs::read(&path).unwrap());
        ran += 1;
    }
    for path in seeds {
        for version in damaged_versions(&std::fs::read(path).unwrap()) {
            run(&version);
            ran += 1;
        }
    }
    ran
}

#[test]
fn the_csv_reader_returns_on_anything() {
    let seeds: Vec<PathBuf> = fixtures("data")
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "tsv"))
        .collect();
    assert!(replay("csv", &seeds, fuzzing::csv) > 100);
}

#[test]
fn the_spreadsheet_reader_returns_on_anything() {
    for (kind, ext) in [(0u8, "xlsx"), (1, "xls"), (2, "ods")] {
        let seeds: Vec<PathBuf> = fixtures("data")
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == ext))
            .collect();
        assert!(!seeds.is_empty(), "a {ext} seed");
        for path in &seeds {
            for version in damaged_versions(&std::fs::read(path).unwrap()) {
                fuzzing::spreadsheet(&[[kind].as_slice(), &version].concat());
            }
        }
    }
    replay("spreadsheet", &[], fuzzing::spreadsheet);
}

#[test]
fn the_journey_file_reader_returns_on_anything_and_round_trips() {
    assert!(replay("journey_file", &fixtures("journeys"), fuzzing::journey_file) > 20);
}

#[test]
fn the_criterion_parser_returns_on_anything_and_round_trips() {
    for text in [
        "login count >= 3 in 30 days",
        "invoice_sent sum > 1,000",
        "ar_days last <= 45",
        "report distinct_days >= 4 in 28 days",
        "",
        "count",
        ">= >= >=",
        "a\u{0}b count >= 1",
        "\"quoted event\" count >= 1e308",
    ] {
        for version in damaged_versions(text.as_bytes()) {
            fuzzing::criterion(&version);
        }
    }
    replay("criterion", &[], fuzzing::criterion);
}

#[test]
fn the_benchmark_reader_returns_on_anything() {
    let seed = fixtures("fuzz/benchmarks");
    assert!(
        seed.iter().any(|p| milepost::value::benchmarks::parse(
            &std::fs::read_to_string(p).unwrap()
        )
        .is_ok()),
        "a valid seed file"
    );
    assert!(replay("benchmarks", &seed, fuzzing::benchmarks) > 20);
}
