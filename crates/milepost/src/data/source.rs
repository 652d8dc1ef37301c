//! Rows from the files people export: CSV (any common encoding and delimiter, detected)
//! and spreadsheets (.xlsx, .xls, .ods). CSV is streamed, so a 1 GB file needs no more
//! memory than one row; a spreadsheet is read whole, as spreadsheet libraries do.

use std::fs::File;
use std::io::{self, Cursor, Read};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use calamine::{Data, Reader as _};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::{Error, Result};

/// One cell as read: CSV gives text; spreadsheets also give numbers, dates and flags.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    /// A spreadsheet date or date-time cell, as Unix seconds (UTC).
    Time(i64),
    Bool(bool),
}

impl Cell<'_> {
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty) || matches!(self, Cell::Text(t) if t.is_empty())
    }

    /// The cell as a person would read it, for reports and previews.
    pub fn display(&self) -> String {
        match *self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.to_owned(),
            Cell::Number(n) => crate::journey::number::display(n),
            Cell::Time(t) => crate::format::timestamp(t),
            Cell::Bool(b) => b.to_string(),
        }
    }
}

/// A row: its number in the file (1 = the first line or spreadsheet row) and its cells,
/// read in place (no copy per row).
#[derive(Debug)]
pub struct Row<'a> {
    pub number: u64,
    cells: Cells<'a>,
    /// The first column whose bytes are not text in the file's encoding (its cell is read
    /// with the bad bytes replaced): the importer reports the row as bad, not the file.
    pub undecodable: Option<usize>,
}

#[derive(Debug, Clone, Copy)]
enum Cells<'a> {
    Csv(&'a csv::StringRecord),
    Sheet(&'a [Data]),
}

impl<'a> Row<'a> {
    /// The cell in column `i` (empty past the end of a short row).
    pub fn cell(&self, i: usize) -> Cell<'a> {
        match self.cells {
            // Trailing spaces are common in exports; fields are trimmed here, in place.
            Cells::Csv(r) => match r.get(i).map(trim) {
                None | Some("") => Cell::Empty,
                Some(t) => Cell::Text(t),
            },
            Cells::Sheet(d) => d.get(i).map_or(Cell::Empty, sheet_cell),
        }
    }

    pub fn len(&self) -> usize {
        match self.cells {
            Cells::Csv(r) => r.len(),
            Cells::Sheet(d) => d.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        (0..self.len()).all(|i| self.cell(i).is_empty())
    }
}

/// Bytes read of a CSV file, or rows of a spreadsheet.
#[derive(Debug, Clone)]
pub struct Meter {
    read: Option<Arc<AtomicU64>>,
    total: u64,
}

impl Meter {
    /// Done so far, given the row just read.
    pub fn done(&self, row: u64) -> u64 {
        self.read
            .as_ref()
            .map_or(row, |r| r.load(Ordering::Relaxed))
            .min(self.total)
    }

    pub fn total(&self) -> u64 {
        self.total
    }
}

/// What was detected about a file, for the preview and the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Format {
    /// `CSV (UTF-8, ";")`, `Excel workbook, sheet "Events"`…
    pub description: String,
    pub sheets: Vec<String>,
}

enum Kind {
    Csv {
        reader: csv::Reader<Box<dyn Read + Send>>,
        read: Arc<AtomicU64>,
    },
    Sheet {
        range: calamine::Range<Data>,
        /// Index (in the range) of the first row after the header.
        next: usize,
        first_row: u64,
    },
}

/// An open data file, positioned after its header row.
pub struct Source {
    path: PathBuf,
    kind: Kind,
    headers: Vec<String>,
    header_row: u64,
    total: u64,
    format: Format,
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Source")
            .field("path", &self.path)
            .field("headers", &self.headers)
            .finish_non_exhaustive()
    }
}

fn io_error(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

pub(crate) fn data_error(path: &Path, message: impl Into<String>) -> Error {
    Error::Data {
        path: path.to_owned(),
        message: message.into(),
    }
}

const SPREADSHEETS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// The extensions the import offers in a file dialog: text files (read as CSV, whatever
/// the delimiter) and every spreadsheet kind `open` reads.
pub const DATA_FILE_EXTENSIONS: [&str; 8] =
    ["csv", "tsv", "txt", "xlsx", "xlsm", "xlsb", "xls", "ods"];

impl Source {
    /// Opens a CSV or spreadsheet file; `sheet` picks a spreadsheet's sheet by name
    /// (default: the first).
    pub fn open(path: &Path, sheet: Option<&str>) -> Result<Source> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let mut head = [0u8; 4096];
        let n = File::open(path)
            .and_then(|mut f| read_up_to(&mut f, &mut head))
            .map_err(io_error(path))?;
        let by_name = match ext.as_str() {
            "xlsb" => Workbook::Xlsb,
            "xls" => Workbook::Xls,
            "ods" => Workbook::Ods,
            _ => Workbook::Xlsx,
        };
        match sniff(&head[..n]) {
            Some(Sniffed::Zip) if SPREADSHEETS.contains(&ext.as_str()) && ext != "xls" => {
                Self::open_sheet(path, sheet, by_name)
            }
            Some(Sniffed::Zip) => {
                // A workbook saved under another name (an .xlsx called .csv, or .xls) is
                // read for what it is; any other archive is refused.
                use calamine::{Ods, Xlsx, open_workbook};
                let opens = |f: fn(&Path) -> bool| quietly(|| f(path)).unwrap_or(false);
                let workbook = if opens(|p| open_workbook::<Xlsx<_>, _>(p).is_ok()) {
                    Workbook::Xlsx
                } else if opens(|p| open_workbook::<Ods<_>, _>(p).is_ok()) {
                    Workbook::Ods
                } else {
                    return Err(data_error(
                        path,
                        "this is a ZIP archive, not a table: unpack it, or choose a CSV file or a spreadsheet (.xlsx, .xls, .ods)",
                    ));
                };
                Self::open_sheet(path, sheet, workbook)
            }
            Some(Sniffed::Ole2) => {
                use calamine::{Xls, open_workbook};
                let opens = quietly(|| open_workbook::<Xls<_>, _>(path).is_ok()).unwrap_or(false);
                if !opens {
                    return Err(data_error(
                        path,
                        "this is an Office file that is not a spreadsheet (an old Word or PowerPoint file?), not a table",
                    ));
                }
                Self::open_sheet(path, sheet, Workbook::Xls)
            }
            Some(Sniffed::Other(what)) => Err(data_error(
                path,
                format!(
                    "this is {what}, not a table: choose a CSV file or a spreadsheet (.xlsx, .xls, .ods)"
                ),
            )),
            None if SPREADSHEETS.contains(&ext.as_str()) => Err(data_error(
                path,
                format!(
                    "is named .{ext} but is not a spreadsheet (its first bytes are not those of one); if it is text, name it .csv"
                ),
            )),
            None => Self::open_csv(path),
        }
    }

    pub fn headers(&self) -> &[String] {
        &self.headers
    }

    pub fn header_row(&self) -> u64 {
        self.header_row
    }

    pub fn format(&self) -> &Format {
        &self.format
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Measures how far reading has got, for progress and ETA.
    pub fn meter(&self) -> Meter {
        Meter {
            read: match &self.kind {
                Kind::Csv { read, .. } => Some(read.clone()),
                Kind::Sheet { .. } => None,
            },
            total: self.total,
        }
    }

    fn open_csv(path: &Path) -> Result<Source> {
        let mut file = File::open(path).map_err(io_error(path))?;
        let total = file.metadata().map_err(io_error(path))?.len();
        let mut sample = vec![0; 64 * 1024];
        let n = read_up_to(&mut file, &mut sample).map_err(io_error(path))?;
        sample.truncate(n);
        let (encoding, bom) = detect_encoding(&sample);
        let (text, _, _) = encoding.decode(&sample[bom..]);
        let delimiter = detect_delimiter(&text);
        let cr_only = text.contains('\r') && !text.contains('\n');

        let read = Arc::new(AtomicU64::new(0));
        let counted = Counted {
            inner: Cursor::new(sample).chain(file),
            read: read.clone(),
        };
        let stream: Box<dyn Read + Send> = if encoding == UTF_8 {
            let mut counted = counted;
            let mut skip = vec![0; bom];
            counted.read_exact(&mut skip).map_err(io_error(path))?;
            Box::new(counted)
        } else {
            Box::new(
                encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(Some(encoding))
                    .build(counted),
            )
        };
        // Lines that end in a carriage return alone (old Mac exports): read as lines, so
        // the rows are there and numbered, not one long line that imports nothing.
        let stream: Box<dyn Read + Send> = if cr_only {
            Box::new(CrAsLf(stream))
        } else {
            stream
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            // Lines end at \n; a \r before it is trimmed off with the field's spaces. (With
            // the default CRLF handling the csv crate misnumbers the rows of CRLF files.)
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(256 * 1024)
            .from_reader(stream);
        let mut record = csv::StringRecord::new();
        let (headers, header_row) = loop {
            match reader.read_record(&mut record) {
                Ok(true) if record.iter().all(|f| f.trim().is_empty()) => continue,
                Ok(true) => break (header_names(record.iter()), line_of(&record)),
                Ok(false) => {
                    return Err(data_error(path, "the file has no header row (it is empty)"));
                }
                Err(e) => return Err(csv_error(path, &e)),
            }
        };
        let shown = match delimiter {
            b'\t' => "tab".to_owned(),
            d => format!("\"{}\"", d as char),
        };
        Ok(Source {
            path: path.to_owned(),
            kind: Kind::Csv { reader, read },
            headers,
            header_row,
            total,
            format: Format {
                description: format!("CSV ({}, {shown} between fields)", encoding.name()),
                sheets: Vec::new(),
            },
        })
    }

    /// Opens a spreadsheet. The spreadsheet library can panic on a damaged file (found by
    /// fuzzing): that is caught and said as a damaged file, like any other unreadable one.
    fn open_sheet(path: &Path, sheet: Option<&str>, workbook: Workbook) -> Result<Source> {
        if matches!(workbook, Workbook::Xlsx | Workbook::Xlsb | Workbook::Ods) {
            check_unpacked_size(path)?;
        }
        quietly(|| Self::read_sheet(path, sheet, workbook)).unwrap_or_else(|| {
            Err(data_error(
                path,
                "the spreadsheet is damaged and cannot be read (open it in a spreadsheet program and save it again, or export it as CSV)",
            ))
        })
    }

    fn read_sheet(path: &Path, sheet: Option<&str>, workbook: Workbook) -> Result<Source> {
        let unreadable =
            |e: String| data_error(path, format!("cannot be read as a spreadsheet: {e}"));
        let mut book: calamine::Sheets<_> = match workbook {
            Workbook::Xlsx => calamine::Sheets::Xlsx(
                calamine::open_workbook(path)
                    .map_err(|e: calamine::XlsxError| unreadable(e.to_string()))?,
            ),
            Workbook::Xlsb => calamine::Sheets::Xlsb(
                calamine::open_workbook(path)
                    .map_err(|e: calamine::XlsbError| unreadable(e.to_string()))?,
            ),
            Workbook::Xls => calamine::Sheets::Xls(
                calamine::open_workbook(path)
                    .map_err(|e: calamine::XlsError| unreadable(e.to_string()))?,
            ),
            Workbook::Ods => calamine::Sheets::Ods(
                calamine::open_workbook(path)
                    .map_err(|e: calamine::OdsError| unreadable(e.to_string()))?,
            ),
        };
        let sheets = book.sheet_names();
        let name = match sheet {
            Some(s) => sheets
                .iter()
                .find(|n| n.as_str() == s)
                .cloned()
                .ok_or_else(|| {
                    data_error(
                        path,
                        format!(
                            "has no sheet named \"{s}\" (its sheets: {})",
                            sheets.join(", ")
                        ),
                    )
                })?,
            None => sheets
                .first()
                .cloned()
                .ok_or_else(|| data_error(path, "has no sheets"))?,
        };
        let range = book
            .worksheet_range(&name)
            .map_err(|e| data_error(path, format!("sheet \"{name}\" cannot be read: {e}")))?;
        let first_row = u64::from(range.start().map_or(0, |(r, _)| r)) + 1;
        let rows: Vec<&[Data]> = range.rows().collect();
        let header_at = rows
            .iter()
            .position(|r| r.iter().any(|c| !matches!(c, Data::Empty)))
            .ok_or_else(|| data_error(path, format!("sheet \"{name}\" is empty")))?;
        let headers = header_names(rows[header_at].iter().map(|c| match c {
            Data::String(s) => s.trim().to_owned(),
            Data::Empty => String::new(),
            other => other.to_string(),
        }));
        let total = rows.len() as u64;
        Ok(Source {
            path: path.to_owned(),
            headers,
            header_row: first_row + header_at as u64,
            total,
            format: Format {
                description: format!("spreadsheet, sheet \"{name}\""),
                sheets,
            },
            kind: Kind::Sheet {
                range,
                next: header_at + 1,
                first_row,
            },
        })
    }

    /// Calls `f` with every row after the header, skipping blank ones, until it breaks.
    pub fn for_each(&mut self, mut f: impl FnMut(Row<'_>) -> ControlFlow<()>) -> Result<()> {
        match &mut self.kind {
            Kind::Csv { reader, .. } => {
                // Read as bytes, then checked as text: one bad byte is one bad row.
                let mut bytes = csv::ByteRecord::new();
                loop {
                    match reader.read_byte_record(&mut bytes) {
                        Ok(true) => {}
                        Ok(false) => return Ok(()),
                        Err(e) => return Err(csv_error(&self.path, &e)),
                    }
                    let (record, undecodable) =
                        match csv::StringRecord::from_byte_record(std::mem::take(&mut bytes)) {
                            Ok(record) => (record, None),
                            Err(e) => {
                                let field = e.utf8_error().field();
                                (lossy(&e.into_byte_record()), Some(field))
                            }
                        };
                    let blank = record.iter().all(|f| f.trim().is_empty());
                    let flow = if blank {
                        ControlFlow::Continue(())
                    } else {
                        f(Row {
                            number: line_of(&record),
                            cells: Cells::Csv(&record),
                            undecodable,
                        })
                    };
                    bytes = record.into_byte_record();
                    if flow.is_break() {
                        return Ok(());
                    }
                }
            }
            Kind::Sheet {
                range,
                next,
                first_row,
            } => {
                for (i, data) in range.rows().enumerate().skip(*next) {
                    *next = i + 1;
                    let row = Row {
                        number: *first_row + i as u64,
                        cells: Cells::Sheet(data),
                        undecodable: None,
                    };
                    if row.is_empty() {
                        continue;
                    }
                    let flow = f(row);
                    if flow.is_break() {
                        return Ok(());
                    }
                }
                Ok(())
            }
        }
    }
}

/// `str::trim`, with a fast path for the usual field that has no surrounding space.
fn trim(t: &str) -> &str {
    match (t.as_bytes().first(), t.as_bytes().last()) {
        (Some(a), Some(b)) if *a > b' ' && *b > b' ' && a.is_ascii() && b.is_ascii() => t,
        _ => t.trim(),
    }
}

fn sheet_cell(d: &Data) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            let t = s.trim();
            if t.is_empty() {
                Cell::Empty
            } else {
                Cell::Text(t)
            }
        }
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => {
            // A serial's day fraction is rarely a whole second (09:30:17 is stored as
            // 09:30:16.99999…): round to the nearest second, never truncate.
            let (y, mo, d, h, mi, s, milli) = dt.to_ymd_hms_milli();
            Cell::Time(
                super::values::day_start(i32::from(y), u32::from(mo), u32::from(d)).unwrap_or(0)
                    + i64::from(h) * 3600
                    + i64::from(mi) * 60
                    + i64::from(s)
                    + i64::from(milli >= 500),
            )
        }
        Data::Error(_) => Cell::Text("#ERROR"),
    }
}

fn header_names<S: AsRef<str>>(cells: impl Iterator<Item = S>) -> Vec<String> {
    cells
        .enumerate()
        .map(|(i, c)| {
            let t = c.as_ref().trim();
            if t.is_empty() {
                format!("Column {}", i + 1)
            } else {
                t.to_owned()
            }
        })
        .collect()
}

/// The most a workbook's parts may unpack to: the spreadsheet library holds a sheet's
/// cells in memory, so a bigger one is refused before it is opened (a CSV is streamed).
const MAX_UNPACKED: u64 = 400_000_000;

/// Refuses a workbook (a ZIP archive) whose parts unpack to more than Milepost reads from a
/// spreadsheet, or to hundreds of times their packed size: a "zip bomb" built to exhaust
/// memory. Read from the archive's directory, before anything is unpacked.
fn check_unpacked_size(path: &Path) -> Result<()> {
    let file = File::open(path).map_err(io_error(path))?;
    let Ok(mut archive) = zip::ZipArchive::new(file) else {
        return Ok(()); // not readable as an archive: the spreadsheet library says why
    };
    let (mut unpacked, mut packed) = (0u64, 0u64);
    for i in 0..archive.len() {
        if let Ok(part) = archive.by_index_raw(i) {
            unpacked = unpacked.saturating_add(part.size());
            packed = packed.saturating_add(part.compressed_size());
        }
    }
    let size = |n| crate::format::bytes(n);
    if unpacked > 50_000_000 && unpacked / packed.max(1) > 200 {
        return Err(data_error(
            path,
            format!(
                "its parts unpack to {} from {}: not a real spreadsheet (a \"zip bomb\"), so it is not opened",
                size(unpacked),
                size(packed)
            ),
        ));
    }
    if unpacked > MAX_UNPACKED {
        return Err(data_error(
            path,
            format!(
                "the spreadsheet unpacks to {}, more than Milepost reads from a spreadsheet ({}): save it as CSV, which is read as a stream",
                size(unpacked),
                size(MAX_UNPACKED)
            ),
        ));
    }
    Ok(())
}

/// Runs the spreadsheet library, which can panic on a damaged file (found by fuzzing):
/// None then. Its panic is an expected failure here, not a crash to print, so the panic
/// message is kept quiet meanwhile (one spreadsheet at a time: the hook is the process's).
fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let done = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok();
    std::panic::set_hook(hook);
    done
}

/// A record whose bytes are not all UTF-8, with each bad sequence replaced by U+FFFD.
fn lossy(bytes: &csv::ByteRecord) -> csv::StringRecord {
    let mut record: csv::StringRecord = bytes.iter().map(|f| String::from_utf8_lossy(f)).collect();
    record.set_position(bytes.position().cloned());
    record
}

fn line_of(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, csv::Position::line)
}

fn csv_error(path: &Path, e: &csv::Error) -> Error {
    let at = e
        .position()
        .map(|p| format!("row {}: ", p.line()))
        .unwrap_or_default();
    match e.kind() {
        csv::ErrorKind::Utf8 { .. } => data_error(
            path,
            format!("{at}text that is not valid in the file's encoding"),
        ),
        csv::ErrorKind::Io(io) => data_error(path, format!("{at}{io}")),
        _ => data_error(path, format!("{at}{e}")),
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// A spreadsheet kind calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workbook {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
}

/// What a file's first bytes say it is, when they say it is not plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A ZIP container: an .xlsx, .xlsb or .ods workbook, or some other archive.
    Zip,
    /// An OLE2 compound file: an Excel 97–2003 workbook (or another Office file).
    Ole2,
    /// Something that is not a table: "a PDF file", "a PNG image", …
    Other(&'static str),
}

/// Tells a binary file by its first bytes (a PDF renamed `.csv` must not be read as a
/// Windows-1252 table). None: not a kind known here, so read as text.
pub fn sniff(head: &[u8]) -> Option<Sniffed> {
    let starts = |magic: &[u8]| head.starts_with(magic);
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return Some(Sniffed::Zip);
    }
    if starts(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(Sniffed::Ole2);
    }
    const KINDS: [(&[u8], &str); 15] = [
        (b"%PDF", "a PDF file"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (&[0xFF, 0xD8, 0xFF], "a JPEG image"),
        (b"GIF87a", "a GIF image"),
        (b"GIF89a", "a GIF image"),
        (b"\x7fELF", "a program (an ELF executable)"),
        (&[0xCF, 0xFA, 0xED, 0xFE], "a program (a macOS executable)"),
        (&[0xFE, 0xED, 0xFA, 0xCF], "a program (a macOS executable)"),
        (&[0x1F, 0x8B], "a gzip-compressed file (unpack it first)"),
        (
            &[0xFD, b'7', b'z', b'X', b'Z', 0x00],
            "an xz-compressed file (unpack it first)",
        ),
        (
            &[0x28, 0xB5, 0x2F, 0xFD],
            "a zstd-compressed file (unpack it first)",
        ),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive"),
        (b"Rar!\x1a\x07", "a RAR archive"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"%!PS", "a PostScript file"),
    ];
    if let Some((_, what)) = KINDS.iter().find(|(magic, _)| starts(magic)) {
        return Some(Sniffed::Other(what));
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some(Sniffed::Other("a WebP image"));
    }
    if starts(b"MZ") && head.get(..64).is_some_and(|h| h.contains(&0)) {
        return Some(Sniffed::Other("a program (a Windows executable)"));
    }
    if starts(b"BZh") && head.get(4..10) == Some(b"1AY&SY") {
        return Some(Sniffed::Other("a bzip2-compressed file (unpack it first)"));
    }
    // Text has no control bytes but tab, newline, form feed and carriage return (and a
    // DOS end-of-file mark, 0x1A); NULs appear only in UTF-16, which has its own signs. A
    // file with more than a few, and more than one in a hundred bytes, is some binary.
    let (encoding, bom) = detect_encoding(head);
    if encoding != UTF_16LE && encoding != UTF_16BE {
        let body = &head[bom..];
        let control = body
            .iter()
            .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A))
            .count();
        if control >= 4 && control * 100 > body.len() {
            return Some(Sniffed::Other("a binary file"));
        }
    }
    None
}

/// The file's encoding and the length of its byte-order mark.
pub fn detect_encoding(sample: &[u8]) -> (&'static Encoding, usize) {
    if let Some((enc, bom)) = Encoding::for_bom(sample) {
        return (enc, bom);
    }
    // UTF-16 without a BOM: every other byte is zero in Latin text.
    let pairs = sample.len() / 2;
    if pairs >= 4 {
        let zero_odd = sample
            .iter()
            .skip(1)
            .step_by(2)
            .filter(|b| **b == 0)
            .count();
        let zero_even = sample.iter().step_by(2).filter(|b| **b == 0).count();
        if zero_odd * 10 >= pairs * 4 && zero_even * 10 < pairs {
            return (UTF_16LE, 0);
        }
        if zero_even * 10 >= pairs * 4 && zero_odd * 10 < pairs {
            return (UTF_16BE, 0);
        }
    }
    match std::str::from_utf8(sample) {
        Ok(_) => (UTF_8, 0),
        // Cut off in the middle of a character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() => (UTF_8, 0),
        // Not UTF-8: a legacy encoding, told from the sample's text (Shift-JIS, Windows-1251,
        // Windows-1252, …), not assumed to be Western European.
        Err(_) => {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(sample, true);
            (detector.guess(None, chardetng::Utf8Detection::Deny), 0)
        }
    }
}

/// The delimiter that splits the first lines into the same number of fields, preferring
/// more fields: `,` `;` tab `|`.
pub fn detect_delimiter(text: &str) -> u8 {
    let lines = logical_lines(text, 30);
    let mut best = (b',', 0usize, 0usize);
    for d in [b',', b';', b'\t', b'|'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let Some(&first) = counts.first() else {
            continue;
        };
        if first == 0 {
            continue;
        }
        let agree = counts.iter().filter(|c| **c == first).count();
        if (agree, first) > (best.1, best.2) {
            best = (d, agree, first);
        }
    }
    best.0
}

/// The first `n` non-empty lines, keeping quoted newlines inside their line.
fn logical_lines(text: &str, n: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut line = String::new();
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        if (c == '\n' || c == '\r') && !quoted {
            if !line.trim().is_empty() {
                out.push(std::mem::take(&mut line));
                if out.len() == n {
                    break;
                }
            }
            line.clear();
        } else {
            line.push(c);
        }
    }
    // The sample may end mid-line; a last partial line is not evidence.
    out
}

fn count_outside_quotes(line: &str, d: u8) -> usize {
    let mut quoted = false;
    line.bytes()
        .filter(|b| {
            if *b == b'"' {
                quoted = !quoted;
            }
            !quoted && *b == d
        })
        .count()
}

/// Reads carriage returns as line feeds.
struct CrAsLf<R>(R);

impl<R: Read> Read for CrAsLf<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.0.read(buf)?;
        for b in &mut buf[..n] {
            if *b == b'\r' {
                *b = b'\n';
            }
        }
        Ok(n)
    }
}

struct Counted<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}
