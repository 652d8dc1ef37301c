//! Reading the values of messy exports: dates in the formats CRMs write, numbers with
//! either decimal mark and thousands separators, yes/no flags. Time is UTC throughout:
//! a date-time without an offset is UTC, a date alone is 00:00 UTC of that day.
//! Timestamps are Unix seconds.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How to read `01/02/2025`: day first, month first, or decided from the file (a part
/// above 12 settles it; a file where no value settles it has to say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    #[default]
    Auto,
    /// `DD/MM/YYYY`
    Dmy,
    /// `MM/DD/YYYY`
    Mdy,
}

impl std::str::FromStr for DateOrder {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().replace(['-', '/', '_'], "").as_str() {
            "auto" => Ok(Self::Auto),
            "dmy" | "ddmmyyyy" => Ok(Self::Dmy),
            "mdy" | "mmddyyyy" => Ok(Self::Mdy),
            _ => Err(format!(
                "unknown date format \"{s}\" (expected dmy for DD/MM/YYYY, mdy for MM/DD/YYYY, or auto)"
            )),
        }
    }
}

/// 00:00 UTC of a calendar day, in Unix seconds; None for a day that does not exist.
pub fn day_start(y: i32, m: u32, d: u32) -> Option<i64> {
    chrono::NaiveDate::from_ymd_opt(y, m, d).map(|day| {
        day.and_hms_opt(0, 0, 0)
            .expect("midnight exists")
            .and_utc()
            .timestamp()
    })
}

fn ymd(y: i64, m: u32, d: u32) -> Result<i64, String> {
    if !(1..=12).contains(&m) {
        return Err(format!("month {m} does not exist"));
    }
    i32::try_from(y)
        .ok()
        .and_then(|y| day_start(y, m, d))
        .ok_or_else(|| format!("day {d} does not exist in {y:04}-{m:02}"))
}

/// A run of ASCII digits at the start of `s`: its value and length.
fn digits(s: &[u8]) -> (u32, usize) {
    let mut v: u32 = 0;
    let mut n = 0;
    while n < s.len() && s[n].is_ascii_digit() && n < 9 {
        v = v * 10 + u32::from(s[n] - b'0');
        n += 1;
    }
    (v, n)
}

/// The two leading parts of a `DD/MM/YYYY`-like date, when `text` is one: what decides
/// the order of a whole column.
pub fn slash_parts(text: &str) -> Option<(u32, u32)> {
    let b = text.trim().as_bytes();
    let (a, la) = digits(b);
    if !(1..=2).contains(&la) || !matches!(b.get(la), Some(b'/' | b'.' | b'-')) {
        return None;
    }
    let (c, lc) = digits(&b[la + 1..]);
    if !(1..=2).contains(&lc) {
        return None;
    }
    Some((a, c))
}

/// Parses a timestamp. Accepts ISO dates and date-times (`T` or space, optional seconds
/// and fraction, `Z` or `±HH:MM`), `YYYY/MM/DD`, `DD/MM/YYYY` or `MM/DD/YYYY` (per
/// `order`; `.` and `-` also separate), each with an optional time, and Unix seconds.
pub fn parse_timestamp(text: &str, order: DateOrder) -> Result<i64, String> {
    let s = text.trim();
    let b = s.as_bytes();
    if b.is_empty() {
        return Err("empty".into());
    }
    // Unix seconds: a whole number of at least 9 digits (1973 onwards).
    if b.iter().all(u8::is_ascii_digit) {
        if b.len() >= 9 && b.len() <= 12 {
            return s.parse::<i64>().map_err(|e| e.to_string());
        }
        return Err("a number, not a date (Unix seconds have at least 9 digits)".into());
    }
    let (first, l1) = digits(b);
    let (date, rest) = if l1 == 4 && matches!(b.get(4), Some(b'-' | b'/' | b'.')) {
        // YYYY-MM-DD or YYYY/MM/DD
        let sep = b[4];
        let (m, lm) = digits(&b[5..]);
        if lm == 0 || lm > 2 || b.get(5 + lm) != Some(&sep) {
            return Err(not_a_date());
        }
        let (d, ld) = digits(&b[6 + lm..]);
        if ld == 0 || ld > 2 {
            return Err(not_a_date());
        }
        (ymd(i64::from(first), m, d)?, &s[6 + lm + ld..])
    } else if let Some((a, c)) = slash_parts(s) {
        let start = s.len() - s.trim_start().len();
        let b = &s.as_bytes()[start..];
        let la = if a >= 10 || b[1].is_ascii_digit() {
            2
        } else {
            1
        };
        let sep = b[la];
        let lc = if b[la + 2].is_ascii_digit() { 2 } else { 1 };
        if b.get(la + 1 + lc) != Some(&sep) {
            return Err(not_a_date());
        }
        let (y, ly) = digits(&b[la + 2 + lc..]);
        if ly != 4 {
            return Err("the year must have 4 digits".into());
        }
        let (d, m) = match order {
            DateOrder::Dmy => (a, c),
            DateOrder::Mdy => (c, a),
            DateOrder::Auto if a > 12 => (a, c),
            DateOrder::Auto if c > 12 => (c, a),
            DateOrder::Auto => {
                return Err(
                    "could be day/month or month/day; choose the date format (DD/MM/YYYY or MM/DD/YYYY)"
                        .into(),
                );
            }
        };
        (ymd(i64::from(y), m, d)?, &s[start + la + 2 + lc + ly..])
    } else {
        return Err(not_a_date());
    };
    Ok(date + time_of_day(rest)?)
}

fn not_a_date() -> String {
    "not a date (expected e.g. 2025-01-31, 2025-01-31T09:30:00Z, 31/01/2025 or Unix seconds)".into()
}

/// `T09:30`, ` 09:30:15.250+02:00`, `Z`… after a date: seconds from midnight UTC.
fn time_of_day(rest: &str) -> Result<i64, String> {
    let b = rest.as_bytes();
    if b.is_empty() {
        return Ok(0);
    }
    if !matches!(b[0], b'T' | b't' | b' ') {
        return Err(not_a_date());
    }
    let t = rest[1..].trim_start().as_bytes();
    let (h, lh) = digits(t);
    if lh == 0 || lh > 2 || t.get(lh) != Some(&b':') {
        return Err("the time must look like 09:30 or 09:30:00".into());
    }
    let (mi, lm) = digits(&t[lh + 1..]);
    if lm != 2 {
        return Err("the time must look like 09:30 or 09:30:00".into());
    }
    let mut i = lh + 1 + lm;
    let mut sec = 0;
    if t.get(i) == Some(&b':') {
        let (sv, ls) = digits(&t[i + 1..]);
        if ls != 2 {
            return Err("the seconds must have 2 digits".into());
        }
        sec = sv;
        i += 1 + ls;
        if matches!(t.get(i), Some(b'.' | b',')) {
            i += 1;
            while i < t.len() && t[i].is_ascii_digit() {
                i += 1;
            }
        }
    }
    if h > 23 || mi > 59 || sec > 60 {
        return Err(format!("{h:02}:{mi:02}:{sec:02} is not a time of day"));
    }
    let mut secs = i64::from(h * 3600 + mi * 60 + sec.min(59));
    let zone = std::str::from_utf8(&t[i..]).unwrap_or("").trim();
    let zone = zone
        .strip_suffix(" UTC")
        .or_else(|| zone.strip_suffix("UTC"))
        .unwrap_or(zone)
        .trim();
    match zone.as_bytes() {
        [] | [b'Z' | b'z'] => {}
        [sign @ (b'+' | b'-'), tail @ ..] => {
            let tail: Vec<u8> = tail.iter().copied().filter(|c| *c != b':').collect();
            let (v, n) = digits(&tail);
            let offset = match n {
                2 if tail.len() == 2 => i64::from(v) * 3600,
                4 if tail.len() == 4 => i64::from(v / 100) * 3600 + i64::from(v % 100) * 60,
                _ => {
                    return Err(format!(
                        "\"{zone}\" is not a UTC offset (expected e.g. +02:00)"
                    ));
                }
            };
            // 10:00+02:00 is 08:00 UTC.
            secs -= if *sign == b'+' { offset } else { -offset };
        }
        _ => {
            return Err(format!(
                "\"{zone}\" is not a UTC offset (expected e.g. +02:00)"
            ));
        }
    }
    Ok(secs)
}

/// An Excel serial date (days since 1899-12-30, fraction = time of day) as Unix seconds.
pub fn excel_serial(serial: f64) -> i64 {
    ((serial - 25_569.0) * 86_400.0).round() as i64
}

/// Parses a number as people type them: `1,234.5`, `1.234,5`, `1 234`, `12 %` (12, the
/// unit is dropped), `$1,200`, `-3`, `(3)` is not accepted. Empty text is None.
pub fn parse_number(text: &str) -> Result<Option<f64>, String> {
    let s = text.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // Fast path: plain numbers.
    if let Ok(v) = s.parse::<f64>() {
        return if v.is_finite() {
            Ok(Some(v))
        } else {
            Err("not a finite number".into())
        };
    }
    let mut t: String = s
        .chars()
        .filter(|c| {
            !matches!(
                c,
                ' ' | '\u{a0}' | '\u{202f}' | '\'' | '%' | '$' | '€' | '£'
            )
        })
        .collect();
    let commas = t.matches(',').count();
    let dots = t.matches('.').count();
    let last_comma = t.rfind(',');
    let last_dot = t.rfind('.');
    t = match (commas, dots) {
        (0, _) if dots > 1 => t.replace('.', ""),   // 1.234.567
        (_, 0) if commas > 1 => t.replace(',', ""), // 1,234,567
        (1, 0) => {
            // 1,5 is a decimal comma; 1,234 is a thousands separator.
            let after = t.len() - last_comma.unwrap_or(0) - 1;
            if after == 3 && t.trim_start_matches('-').find(',') <= Some(3) {
                t.replace(',', "")
            } else {
                t.replace(',', ".")
            }
        }
        (_, _) if commas > 0 && dots > 0 => {
            if last_comma > last_dot {
                t.replace('.', "").replace(',', ".") // 1.234,5
            } else {
                t.replace(',', "") // 1,234.5
            }
        }
        _ => t,
    };
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err("not a number".into()),
    }
}

/// Yes/no flags: yes/no, y/n, true/false, 1/0, x (yes); empty is None.
pub fn parse_flag(text: &str) -> Result<Option<bool>, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "yes" | "y" | "true" | "t" | "1" | "x" | "ja" | "oui" | "si" | "sí" => Ok(Some(true)),
        "no" | "n" | "false" | "f" | "0" | "nein" | "non" => Ok(Some(false)),
        _ => Err("not yes or no".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> String {
        crate::format::timestamp(parse_timestamp(text, DateOrder::Auto).unwrap())
    }

    #[test]
    fn iso_dates_and_times_are_utc_unless_they_say_otherwise() {
        assert_eq!(ts("2025-01-31"), "2025-01-31T00:00:00Z");
        assert_eq!(ts("2025-01-31T09:30"), "2025-01-31T09:30:00Z");
        assert_eq!(ts("2025-01-31 09:30:15"), "2025-01-31T09:30:15Z");
        assert_eq!(ts("2025-01-31T09:30:15.250Z"), "2025-01-31T09:30:15Z");
        assert_eq!(ts("2025-01-31T10:00:00+02:00"), "2025-01-31T08:00:00Z");
        assert_eq!(ts("2025-01-31T00:30:00-0130"), "2025-01-31T02:00:00Z");
        assert_eq!(ts("2025/01/31"), "2025-01-31T00:00:00Z");
        assert_eq!(ts("1735689600"), "2025-01-01T00:00:00Z");
        assert_eq!(ts(" 2024-02-29 "), "2024-02-29T00:00:00Z");
    }

    #[test]
    fn day_month_order_is_detected_or_chosen() {
        assert_eq!(ts("31/01/2025"), "2025-01-31T00:00:00Z");
        assert_eq!(ts("01/31/2025"), "2025-01-31T00:00:00Z");
        assert_eq!(ts("31.01.2025 14:05"), "2025-01-31T14:05:00Z");
        let ambiguous = parse_timestamp("02/03/2025", DateOrder::Auto).unwrap_err();
        assert!(ambiguous.contains("day/month or month/day"), "{ambiguous}");
        let dmy = parse_timestamp("02/03/2025", DateOrder::Dmy).unwrap();
        let mdy = parse_timestamp("02/03/2025", DateOrder::Mdy).unwrap();
        assert_eq!(crate::format::date(dmy), "2025-03-02");
        assert_eq!(crate::format::date(mdy), "2025-02-03");
        assert_eq!(slash_parts("13/02/2025"), Some((13, 2)));
        assert_eq!(slash_parts("2025-02-13"), None);
    }

    #[test]
    fn impossible_dates_say_what_is_wrong() {
        let err = |t: &str| parse_timestamp(t, DateOrder::Dmy).unwrap_err();
        assert!(err("2025-02-30").contains("day 30 does not exist in 2025-02"));
        assert!(err("2025-13-01").contains("month 13 does not exist"));
        assert!(err("yesterday").starts_with("not a date"));
        assert!(err("2025-01-01T25:00").contains("not a time of day"));
        assert!(err("2025-01-01T10:00 CET").contains("not a UTC offset"));
        assert!(err("45000").contains("a number, not a date"));
        assert!(err("1/2/25").contains("4 digits"));
    }

    #[test]
    fn calendar_days_and_excel_serials() {
        assert_eq!(day_start(1970, 1, 1), Some(0));
        assert_eq!(day_start(2024, 2, 29), Some(1_709_164_800));
        assert_eq!(day_start(2025, 2, 29), None);
        assert_eq!(
            excel_serial(45_658.5),
            parse_timestamp("2025-01-01T12:00", DateOrder::Auto).unwrap()
        );
    }

    proptest::proptest! {
        /// The fast digit-scanning reader gives exactly what chrono gives for every ISO
        /// date-time, offset and separator a file may hold.
        #[test]
        fn the_fast_reader_agrees_with_chrono(
            y in 1900i32..2200, m in 1u32..=12, d in 1u32..=31,
            h in 0u32..24, mi in 0u32..60, sec in 0u32..60,
            offset_min in -720i32..=840, t_sep in proptest::bool::ANY, with_zone in proptest::bool::ANY,
        ) {
            let text = if with_zone {
                let sign = if offset_min < 0 { '-' } else { '+' };
                let o = offset_min.abs();
                format!("{y:04}-{m:02}-{d:02}{}{h:02}:{mi:02}:{sec:02}{sign}{:02}:{:02}",
                    if t_sep { 'T' } else { ' ' }, o / 60, o % 60)
            } else {
                format!("{y:04}-{m:02}-{d:02}{}{h:02}:{mi:02}:{sec:02}", if t_sep { 'T' } else { ' ' })
            };
            let ours = parse_timestamp(&text, DateOrder::Auto).ok();
            let theirs = if with_zone {
                chrono::DateTime::parse_from_str(&text.replacen(' ', "T", 1), "%Y-%m-%dT%H:%M:%S%:z")
                    .ok()
                    .map(|t| t.timestamp())
            } else {
                chrono::NaiveDateTime::parse_from_str(&text.replacen(' ', "T", 1), "%Y-%m-%dT%H:%M:%S")
                    .ok()
                    .map(|t| t.and_utc().timestamp())
            };
            proptest::prop_assert_eq!(ours, theirs, "{}", text);
        }
    }

    #[test]
    fn numbers_with_either_decimal_mark() {
        let n = |t: &str| parse_number(t).unwrap();
        assert_eq!(n("1,234.5"), Some(1234.5));
        assert_eq!(n("1.234,5"), Some(1234.5));
        assert_eq!(n("1 234,5"), Some(1234.5));
        assert_eq!(n("1,5"), Some(1.5));
        assert_eq!(n("1,234"), Some(1234.0));
        assert_eq!(n("1.234.567"), Some(1_234_567.0));
        assert_eq!(n("12 %"), Some(12.0));
        assert_eq!(n("$1,200"), Some(1200.0));
        assert_eq!(n("-3"), Some(-3.0));
        assert_eq!(n("  "), None);
        assert!(parse_number("lots").is_err());
        assert!(parse_number("NaN").is_err());
    }

    #[test]
    fn flags() {
        assert_eq!(parse_flag("Yes").unwrap(), Some(true));
        assert_eq!(parse_flag("0").unwrap(), Some(false));
        assert_eq!(parse_flag("").unwrap(), None);
        assert!(parse_flag("maybe").is_err());
    }
}
