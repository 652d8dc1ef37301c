//! The parsers as the fuzzers drive them (`fuzz/`, `make fuzz`) and as the regression
//! test replays what the fuzzers found (`tests/fuzz_regressions.rs`): each takes any bytes
//! and must return, never panic, whatever the bytes are. Not for anything else.

use std::io::Write;
use std::ops::ControlFlow;

/// Reads `bytes` as a data file of the kind `extension` names (csv, xlsx, xls, ods): the
/// header, the format, every cell of every row.
pub fn data_file(bytes: &[u8], extension: &str) {
    let Ok(mut file) = tempfile::Builder::new()
        .suffix(&format!(".{extension}"))
        .tempfile()
    else {
        return;
    };
    if file.write_all(bytes).and_then(|()| file.flush()).is_err() {
        return;
    }
    let Ok(mut source) = crate::data::source::Source::open(file.path(), None) else {
        return;
    };
    let width = source.headers().len();
    let _ = source.format().description.len();
    let _ = source.for_each(|row| {
        for i in 0..width.max(row.len()) {
            let _ = row.cell(i).display();
        }
        ControlFlow::Continue(())
    });
    let _ = crate::data::preview(file.path(), crate::data::Table::Events, None);
}

/// A CSV in any encoding and with any delimiter.
pub fn csv(bytes: &[u8]) {
    data_file(bytes, "csv");
}

/// A spreadsheet: the first byte picks the kind (xlsx, xls, ods), the rest is the file.
pub fn spreadsheet(bytes: &[u8]) {
    let Some((&kind, rest)) = bytes.split_first() else {
        return;
    };
    data_file(rest, ["xlsx", "xls", "ods"][usize::from(kind % 3)]);
}

/// A journey file: parsed, validated, and when valid written back and read again, which
/// must give the same journey.
pub fn journey_file(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(journey) = crate::journey::file::parse(&text) {
        let again = crate::journey::file::parse(&crate::journey::file::to_string(&journey))
            .expect("a journey Milepost wrote reads back");
        assert_eq!(
            again, journey,
            "a journey changed on its way through a file"
        );
    }
}

/// A criterion's text: parsed, and when valid printed and parsed again to the same.
pub fn criterion(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    if let Ok(c) = crate::journey::criterion::parse(&text) {
        let printed = crate::journey::criterion::print(&c);
        let again = crate::journey::criterion::parse(&printed)
            .unwrap_or_else(|e| panic!("{printed:?} does not read back: {}", e.message));
        assert_eq!(crate::journey::criterion::print(&again), printed);
    }
}

/// A benchmark file.
pub fn benchmarks(bytes: &[u8]) {
    let _ = crate::value::benchmarks::parse(&String::from_utf8_lossy(bytes));
}
