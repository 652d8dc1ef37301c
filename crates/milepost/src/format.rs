//! How a person reads each kind of number: counts, shares, days, money, dates and the
//! words that go with them. One function per kind, used by the CLI, the PDFs, the CSVs
//! and — through the texts the commands hand it — the app, so that 1,325 of 2,000 reads
//! "66.3%" on the projector, in the PDF and in the terminal alike.
//!
//! Rounding is to the nearest, halves away from zero (as a hand count and a spreadsheet
//! round), after undoing the last bit of binary noise: 0.6625 is 66.3%, not 66.2%.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The dash shown where there is no number to show.
pub const NONE: &str = "—";

/// The minus sign people read (U+2212), not a hyphen.
const MINUS: char = '−';

/// `x` rounded to `decimals` places, halves away from zero. Binary noise a few ulps below
/// a half (0.6625 × 1000 = 662.4999…) counts as the half it stands for.
pub fn round_to(x: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    let s = x * scale;
    let nudged = s + s.signum() * s.abs().max(1.0) * 1e-12;
    let r = nudged.round() / scale;
    if r == 0.0 { 0.0 } else { r }
}

/// 12345 → "12,345".
pub fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// −12345 → "−12,345".
pub fn signed_count(n: i64) -> String {
    if n < 0 {
        format!("{MINUS}{}", count(n.unsigned_abs()))
    } else {
        count(n.unsigned_abs())
    }
}

/// A number as people write it: thousands separated, at most `decimals` places, no
/// trailing zeros ("12,345", "7.5", "−0.3").
pub fn number_to(v: f64, decimals: i32) -> String {
    if !v.is_finite() {
        return NONE.to_owned();
    }
    let r = round_to(v, decimals);
    let negative = r < 0.0;
    let a = r.abs();
    let whole = a.trunc();
    let mut out = String::new();
    if negative {
        out.push(MINUS);
    }
    out.push_str(&if whole < 1e18 {
        count(whole as u64)
    } else {
        format!("{whole:.0}")
    });
    if decimals > 0 {
        let frac = format!("{:.*}", decimals as usize, a - whole);
        // "0.50" → ".5"; a fraction that rounds to 1 cannot happen: r is already rounded.
        let digits = frac.trim_start_matches('0').trim_end_matches('0');
        if digits.len() > 1 {
            out.push_str(digits);
        }
    }
    out
}

/// A number with at most one decimal: "7.5", "12,345", "−0.3".
pub fn number(v: f64) -> String {
    number_to(v, 1)
}

/// A fraction as a percentage with one decimal: 0.6625 → "66.3%"; None → "—".
pub fn percent(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{:.1}%", round_to(v * 100.0, 1)),
        _ => NONE.to_owned(),
    }
}

/// `part` of `whole` as a percentage with one decimal ("66.3%"), "—" of nothing.
pub fn share(part: u64, whole: u64) -> String {
    percent((whole > 0).then(|| part as f64 / whole as f64))
}

/// A fraction as a whole percentage, for sentences: 0.634 → "63%".
pub fn whole_percent(x: f64) -> String {
    format!("{:.0}%", round_to(x * 100.0, 0))
}

/// Decimal days with one decimal ("9.4"); None → "—".
pub fn days(x: Option<f64>) -> String {
    match x {
        Some(v) if v.is_finite() => format!("{:.1}", round_to(v, 1)),
        _ => NONE.to_owned(),
    }
}

/// `n` and the noun, singular for one: "1 day", "3 cycles", "1,325 customers".
pub fn counted(n: u64, noun: &str) -> String {
    format!(
        "{} {}",
        count(n),
        if n == 1 {
            noun.to_owned()
        } else {
            plural(noun)
        }
    )
}

/// A measured amount and its unit, the unit singular for exactly one: "1 cycle",
/// "2.5 cycles", "7 AR days", "3" (no unit). The unit is what the journey calls it; the
/// last word is the one made plural ("AR day" → "AR days"), and a unit already plural
/// ("days") stays as it is.
pub fn amount(v: f64, unit: Option<&str>) -> String {
    let n = number(v);
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => n,
        Some(u) if round_to(v, 1).abs() == 1.0 => format!("{n} {}", singular(u)),
        Some(u) => format!("{n} {}", plural_phrase(u)),
    }
}

/// An English plural of one word: cycle → cycles, day → days, activity → activities,
/// match → matches. Words already ending in "s" are left as they are.
pub fn plural(word: &str) -> String {
    let lower = word.to_lowercase();
    if lower.ends_with('s') || word.is_empty() || word.ends_with('%') {
        return word.to_owned();
    }
    let vowel_before = |w: &str| {
        w.chars()
            .rev()
            .nth(1)
            .is_some_and(|c| "aeiou".contains(c.to_ascii_lowercase()))
    };
    if lower.ends_with('y') && !vowel_before(&lower) {
        format!("{}ies", &word[..word.len() - 1])
    } else if lower.ends_with("ch") || lower.ends_with("sh") || lower.ends_with('x') {
        format!("{word}es")
    } else if word.chars().last().is_some_and(char::is_alphabetic) {
        format!("{word}s")
    } else {
        word.to_owned()
    }
}

/// A phrase with its last word made plural ("AR day" → "AR days").
fn plural_phrase(phrase: &str) -> String {
    match phrase.rsplit_once(' ') {
        Some((head, last)) => format!("{head} {}", plural(last)),
        None => plural(phrase),
    }
}

/// A unit with its last word made singular where it is a plain English plural
/// ("days" → "day", "AR days" → "AR day", "activities" → "activity"); "%" stays.
pub fn singular(phrase: &str) -> String {
    let (head, last) = match phrase.rsplit_once(' ') {
        Some((h, l)) => (Some(h), l),
        None => (None, phrase),
    };
    let one = if last.len() > 3 && last.ends_with("ies") {
        format!("{}y", &last[..last.len() - 3])
    } else if last.len() > 2 && (last.ends_with("ches") || last.ends_with("shes")) {
        last[..last.len() - 2].to_owned()
    } else if last.len() > 1
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && !last.ends_with("is")
    {
        last[..last.len() - 1].to_owned()
    } else {
        last.to_owned()
    };
    match head {
        Some(h) => format!("{h} {one}"),
        None => one,
    }
}

/// The workspace's currency: an ISO 4217 code. Every amount of money in a workspace is
/// in it — ARR, what a unit of a value metric is worth, the value left on the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(transparent)]
#[ts(as = "String")]
pub struct Currency(String);

/// The currencies with a symbol people write before the amount; any other code is written
/// as the code and a space ("CHF 1,200").
const SYMBOLS: [(&str, &str); 9] = [
    ("USD", "$"),
    ("EUR", "€"),
    ("GBP", "£"),
    ("JPY", "¥"),
    ("INR", "₹"),
    ("BRL", "R$"),
    ("AUD", "A$"),
    ("CAD", "C$"),
    ("KRW", "₩"),
];

/// Territory (from a locale such as `de_DE.UTF-8`) → currency, for the default.
const TERRITORIES: [(&str, &str); 46] = [
    ("US", "USD"),
    ("GB", "GBP"),
    ("IE", "EUR"),
    ("DE", "EUR"),
    ("FR", "EUR"),
    ("ES", "EUR"),
    ("IT", "EUR"),
    ("NL", "EUR"),
    ("BE", "EUR"),
    ("AT", "EUR"),
    ("FI", "EUR"),
    ("PT", "EUR"),
    ("GR", "EUR"),
    ("LU", "EUR"),
    ("SK", "EUR"),
    ("SI", "EUR"),
    ("EE", "EUR"),
    ("LV", "EUR"),
    ("LT", "EUR"),
    ("MT", "EUR"),
    ("CY", "EUR"),
    ("HR", "EUR"),
    ("CH", "CHF"),
    ("SE", "SEK"),
    ("NO", "NOK"),
    ("DK", "DKK"),
    ("PL", "PLN"),
    ("CZ", "CZK"),
    ("HU", "HUF"),
    ("RO", "RON"),
    ("BR", "BRL"),
    ("MX", "MXN"),
    ("AR", "ARS"),
    ("CL", "CLP"),
    ("CO", "COP"),
    ("CA", "CAD"),
    ("AU", "AUD"),
    ("NZ", "NZD"),
    ("IN", "INR"),
    ("JP", "JPY"),
    ("KR", "KRW"),
    ("CN", "CNY"),
    ("SG", "SGD"),
    ("ZA", "ZAR"),
    ("IL", "ILS"),
    ("AE", "AED"),
];

impl Currency {
    /// A currency from its code ("usd", " EUR "): three ASCII letters, else None.
    pub fn parse(code: &str) -> Option<Self> {
        let code = code.trim().to_ascii_uppercase();
        (code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())).then_some(Currency(code))
    }

    pub fn code(&self) -> &str {
        &self.0
    }

    /// The currency of a locale name (`en_GB.UTF-8`, `pt_BR`, `de_DE@euro`); US dollars
    /// for a locale without a territory (`C`, `POSIX`) or one not known.
    pub fn of_locale(locale: &str) -> Self {
        let territory = locale
            .split(['.', '@'])
            .next()
            .and_then(|l| l.split(['_', '-']).nth(1))
            .map(str::to_ascii_uppercase);
        let code = territory
            .and_then(|t| TERRITORIES.iter().find(|(x, _)| *x == t).map(|p| p.1))
            .unwrap_or("USD");
        Currency(code.to_owned())
    }

    /// The currency of this process's locale: LC_ALL, else LC_MONETARY, else LANG.
    pub fn from_environment() -> Self {
        let locale = ["LC_ALL", "LC_MONETARY", "LANG"]
            .iter()
            .filter_map(|v| std::env::var(v).ok())
            .find(|v| !v.is_empty())
            .unwrap_or_default();
        Self::of_locale(&locale)
    }

    fn symbol(&self) -> Option<&'static str> {
        SYMBOLS.iter().find(|(c, _)| *c == self.0).map(|p| p.1)
    }

    /// A whole amount: "$395,294", "€1,200", "CHF 1,200", "−$40".
    pub fn money(&self, v: f64) -> String {
        let r = round_to(v, 0);
        let sign = if r < 0.0 {
            MINUS.to_string()
        } else {
            String::new()
        };
        let digits = if r.abs() < 1e18 {
            count(r.abs() as u64)
        } else {
            NONE.to_owned()
        };
        match self.symbol() {
            Some(s) => format!("{sign}{s}{digits}"),
            None => format!("{sign}{} {digits}", self.0),
        }
    }

    /// An amount a year: "$395,294 a year".
    pub fn per_year(&self, v: f64) -> String {
        format!("{} a year", self.money(v))
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency("USD".to_owned())
    }
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The funnel's columns: the field, its name and what it means — one name and one
/// meaning in the app, the CLI, the PDF and the CSV (generated into the app's
/// vocabulary).
pub const FUNNEL_COLUMNS: [(&str, &str, &str); 8] = [
    ("reached", "Reached", "Customers who reached the milestone"),
    (
        "conversion_from_previous",
        "From previous",
        "Of the customers who reached the milestone before (the first: of all the funnel's customers), the share who reached this one",
    ),
    (
        "conversion_from_start",
        "From start",
        "Of all the funnel's customers, the share who reached the milestone",
    ),
    (
        "median_days_from_start",
        "Median days from start",
        "Median days from a customer's start date to reaching the milestone",
    ),
    (
        "p75_days_from_start",
        "P75 days from start",
        "Three customers in four reached the milestone within this many days of their start",
    ),
    (
        "median_days_from_previous",
        "Median days from previous",
        "Median days from reaching the milestone before (the first: from the start date)",
    ),
    (
        "churned",
        "Churned",
        "Customers who churned with this as their furthest milestone",
    ),
    (
        "churn_rate",
        "Churn rate",
        "Of the customers whose furthest milestone is this one, the share who churned",
    ),
];

/// "1.2 MB": a file's size for people (decimal units, as file managers show them).
pub fn bytes(n: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if n < 1000 {
        return counted(n, "byte");
    }
    let mut v = n as f64 / 1000.0;
    let mut unit = 0;
    while v >= 999.95 && unit < UNITS.len() - 1 {
        v /= 1000.0;
        unit += 1;
    }
    format!("{} {}", number_to(v, 1), UNITS[unit])
}

fn utc(ts: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(ts, 0).unwrap_or_default()
}

/// `YYYY-MM-DD` of a timestamp (UTC): the one way a date is written in tables, CSVs and
/// messages.
pub fn date(ts: i64) -> String {
    utc(ts).format("%Y-%m-%d").to_string()
}

/// `YYYY-MM-DDTHH:MM:SSZ` of a timestamp (UTC): the one way a moment is written in files.
pub fn timestamp(ts: i64) -> String {
    utc(ts).format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// "2026-12-07 14:10 UTC": a moment for people (when a backup was made).
pub fn date_time(ts: i64) -> String {
    utc(ts).format("%Y-%m-%d %H:%M UTC").to_string()
}

/// "3 December 2026": a date in prose (a PDF's cover, "customer since").
pub fn long_date(ts: i64) -> String {
    utc(ts).format("%-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_reads_the_same_as_a_hand_count() {
        // The issue's own example: 1,325 of 2,000 is 66.25 %, which a person rounds up.
        assert_eq!(share(1325, 2000), "66.3%");
        assert_eq!(share(446, 2000), "22.3%");
        assert_eq!(share(0, 0), "—");
        assert_eq!(share(2000, 2000), "100.0%");
        assert_eq!(percent(Some(0.0005)), "0.1%");
        assert_eq!(percent(Some(0.00049)), "0.0%");
        assert_eq!(percent(None), "—");
        assert_eq!(whole_percent(0.625), "63%");
    }

    #[test]
    fn numbers_are_grouped_and_rounded_half_away_from_zero() {
        assert_eq!(count(0), "0");
        assert_eq!(count(1_234_567), "1,234,567");
        assert_eq!(signed_count(-1234), "−1,234");
        assert_eq!(number(7.25), "7.3");
        assert_eq!(number(-7.25), "−7.3");
        assert_eq!(number(12_345.0), "12,345");
        assert_eq!(number(0.04), "0");
        assert_eq!(number(-0.04), "0");
        assert_eq!(number(-0.3), "−0.3");
        assert_eq!(number(1234.96), "1,235");
        assert_eq!(number_to(2.345, 2), "2.35");
        assert_eq!(number(f64::NAN), "—");
        assert_eq!(days(Some(109.35)), "109.4");
        assert_eq!(days(Some(2.0)), "2.0");
    }

    #[test]
    fn money_carries_its_currency() {
        let usd = Currency::parse("usd").unwrap();
        assert_eq!(usd.money(395_294.4), "$395,294");
        assert_eq!(usd.money(-40.5), "−$41");
        assert_eq!(usd.per_year(1750.0), "$1,750 a year");
        assert_eq!(Currency::parse("EUR").unwrap().money(1200.0), "€1,200");
        assert_eq!(Currency::parse("chf").unwrap().money(1200.0), "CHF 1,200");
        assert_eq!(Currency::parse("EURO"), None);
        assert_eq!(Currency::parse("E1R"), None);
        assert_eq!(Currency::of_locale("de_DE.UTF-8").code(), "EUR");
        assert_eq!(
            Currency::of_locale("en_GB"),
            Currency::parse("GBP").unwrap()
        );
        assert_eq!(Currency::of_locale("pt_BR.utf8@x").code(), "BRL");
        assert_eq!(Currency::of_locale("C.UTF-8").code(), "USD");
        assert_eq!(Currency::of_locale("").code(), "USD");
    }

    #[test]
    fn units_agree_with_their_number() {
        assert_eq!(amount(1.0, Some("cycles")), "1 cycle");
        assert_eq!(amount(1.0, Some("days")), "1 day");
        assert_eq!(amount(1.02, Some("AR days")), "1 AR day");
        assert_eq!(amount(2.0, Some("cycle")), "2 cycles");
        assert_eq!(amount(7.5, Some("AR days")), "7.5 AR days");
        assert_eq!(amount(3.0, Some("activity")), "3 activities");
        assert_eq!(amount(3.0, Some("%")), "3 %");
        assert_eq!(amount(3.0, None), "3");
        assert_eq!(counted(1, "customer"), "1 customer");
        assert_eq!(counted(1325, "customer"), "1,325 customers");
        assert_eq!(plural("match"), "matches");
        assert_eq!(plural("day"), "days");
        assert_eq!(singular("activities"), "activity");
        assert_eq!(singular("status"), "status");
    }

    #[test]
    fn dates_are_iso_in_tables_and_spelled_out_in_prose() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_719_791_999), "2024-06-30");
        assert_eq!(timestamp(1_719_791_999), "2024-06-30T23:59:59Z");
        assert_eq!(long_date(1_796_256_000), "3 December 2026");
    }
}
