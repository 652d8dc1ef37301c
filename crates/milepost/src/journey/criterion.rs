//! The text form of a criterion, as people type it in a workshop:
//! `count(billing_cycle_completed) >= 3 within 30d`.
//!
//! `parse` and `print` are inverses: `parse(&print(c)) == c` for every criterion. Parse
//! errors say what is wrong and where (a character range), so the editor can underline it.

use std::fmt;

use serde::Serialize;

use super::model::{Aggregate, Criterion, Op};

/// What is wrong with a criterion's text, and where (character offsets, end exclusive).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct CriterionError {
    pub message: String,
    pub start: u32,
    pub end: u32,
}

impl fmt::Display for CriterionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "column {}: {}", self.start + 1, self.message)
    }
}

impl std::error::Error for CriterionError {}

const AGGREGATES: [(&str, Aggregate); 6] = [
    ("count", Aggregate::Count),
    ("sum", Aggregate::Sum),
    ("min", Aggregate::Min),
    ("max", Aggregate::Max),
    ("last", Aggregate::Last),
    ("distinct_days", Aggregate::DistinctDays),
];

const OPS: [(&str, Op); 5] = [
    (">=", Op::Ge),
    (">", Op::Gt),
    ("<=", Op::Le),
    ("<", Op::Lt),
    ("==", Op::Eq),
];

/// Common misspellings of operators and what was meant.
const OP_SUGGESTIONS: [(&str, &str); 6] = [
    ("=>", ">="),
    ("=<", "<="),
    ("=", "=="),
    ("≥", ">="),
    ("≤", "<="),
    ("!=", "one of >=, >, <=, <, =="),
];

pub fn aggregate_name(a: Aggregate) -> &'static str {
    AGGREGATES
        .iter()
        .find(|(_, x)| *x == a)
        .map(|(n, _)| *n)
        .expect("every aggregate has a name")
}

pub fn op_symbol(op: Op) -> &'static str {
    OPS.iter()
        .find(|(_, x)| *x == op)
        .map(|(s, _)| *s)
        .expect("every operator has a symbol")
}

/// Writes a number as people write it: `3`, `45.5`.
fn number(v: f64) -> String {
    super::number::whole(v).map_or_else(|| format!("{v}"), |n| n.to_string())
}

/// The text form of a criterion.
pub fn print(c: &Criterion) -> String {
    let mut text = format!(
        "{}({}) {} {}",
        aggregate_name(c.aggregate),
        c.event,
        op_symbol(c.op),
        number(c.value)
    );
    if let Some(days) = c.window_days {
        text.push_str(&format!(" within {days}d"));
    }
    text
}

/// A cursor over the text that knows character positions for error messages.
struct Cursor<'a> {
    text: &'a str,
    /// Byte offset into `text`.
    at: usize,
}

impl<'a> Cursor<'a> {
    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    fn skip_spaces(&mut self) {
        let rest = self.rest();
        self.at += rest.len() - rest.trim_start().len();
    }

    /// Character offset of a byte offset.
    fn col(&self, byte: usize) -> u32 {
        u32::try_from(self.text[..byte].chars().count()).unwrap_or(u32::MAX)
    }

    fn error(&self, from: usize, to: usize, message: impl Into<String>) -> CriterionError {
        let end = if to > from {
            self.col(to)
        } else {
            self.col(from) + 1
        };
        CriterionError {
            message: message.into(),
            start: self.col(from),
            end,
        }
    }

    /// Takes characters while `keep` holds; returns the byte range taken.
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> (usize, usize) {
        let start = self.at;
        let len = self
            .rest()
            .char_indices()
            .find(|(_, c)| !keep(*c))
            .map_or(self.rest().len(), |(i, _)| i);
        self.at += len;
        (start, self.at)
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.at += s.len();
            true
        } else {
            false
        }
    }
}

fn expected_list<T>(items: &[(&str, T)]) -> String {
    items.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
}

/// Reads the text form of a criterion.
pub fn parse(text: &str) -> Result<Criterion, CriterionError> {
    let mut cur = Cursor { text, at: 0 };
    cur.skip_spaces();
    if cur.rest().trim().is_empty() {
        return Err(cur.error(0, text.len(), "empty: write e.g. count(login) >= 3"));
    }

    let (a0, a1) = cur.take_while(|c| c.is_alphanumeric() || c == '_');
    let word = &text[a0..a1];
    if word.is_empty() {
        return Err(cur.error(
            a0,
            a0,
            format!(
                "expected an aggregate ({}) at the start",
                expected_list(&AGGREGATES)
            ),
        ));
    }
    let aggregate = AGGREGATES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(word))
        .map(|(_, a)| *a)
        .ok_or_else(|| {
            cur.error(
                a0,
                a1,
                format!(
                    "unknown aggregate \"{word}\" (expected one of {})",
                    expected_list(&AGGREGATES)
                ),
            )
        })?;

    cur.skip_spaces();
    if !cur.eat("(") {
        return Err(cur.error(
            cur.at,
            cur.at,
            format!("expected \"(\" after {word}, as in {word}(event_name)"),
        ));
    }
    let (e0, e1) = cur.take_while(|c| c != ')' && c != '(');
    let event = text[e0..e1].trim();
    if event.is_empty() {
        return Err(cur.error(e0, e1, "expected an event name inside the parentheses"));
    }
    if !cur.eat(")") {
        return Err(cur.error(cur.at, cur.at, "expected \")\" after the event name"));
    }

    cur.skip_spaces();
    let (o0, o1) = cur.take_while(|c| "<>=!≥≤".contains(c));
    let symbol = &text[o0..o1];
    if symbol.is_empty() {
        return Err(cur.error(
            o0,
            o0,
            format!("expected an operator ({})", expected_list(&OPS)),
        ));
    }
    let op = OPS
        .iter()
        .find(|(s, _)| *s == symbol)
        .map(|(_, op)| *op)
        .ok_or_else(|| {
            let hint = OP_SUGGESTIONS
                .iter()
                .find(|(wrong, _)| *wrong == symbol)
                .map_or_else(
                    || format!("expected one of {}", expected_list(&OPS)),
                    |(_, meant)| format!("did you mean {meant}?"),
                );
            cur.error(o0, o1, format!("unknown operator \"{symbol}\" ({hint})"))
        })?;

    cur.skip_spaces();
    let (v0, v1) = cur.take_while(|c| !c.is_whitespace());
    let raw = &text[v0..v1];
    if raw.is_empty() {
        return Err(cur.error(v0, v0, "expected a number after the operator"));
    }
    let value: f64 = raw
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .ok_or_else(|| cur.error(v0, v1, format!("\"{raw}\" is not a number")))?;

    cur.skip_spaces();
    let mut window_days = None;
    if !cur.rest().is_empty() {
        let (w0, w1) = cur.take_while(char::is_alphabetic);
        if !text[w0..w1].eq_ignore_ascii_case("within") {
            let end = text.len();
            return Err(cur.error(
                w0,
                end,
                format!(
                    "unexpected \"{}\" after the value (only \"within N d\" may follow)",
                    text[w0..].trim_end()
                ),
            ));
        }
        cur.skip_spaces();
        let (n0, n1) = cur.take_while(|c| c.is_ascii_digit() || c == '-' || c == '.');
        let days = text[n0..n1]
            .parse::<u32>()
            .ok()
            .filter(|d| *d >= 1)
            .ok_or_else(|| {
                cur.error(
                    n0,
                    n1,
                    "expected a whole number of days of at least 1 after \"within\"",
                )
            })?;
        cur.skip_spaces();
        let (u0, u1) = cur.take_while(char::is_alphabetic);
        let unit = &text[u0..u1];
        if !["d", "day", "days"]
            .iter()
            .any(|u| u.eq_ignore_ascii_case(unit))
        {
            return Err(cur.error(
                u0,
                u1,
                "expected \"d\" or \"days\" after the number of days",
            ));
        }
        cur.skip_spaces();
        if !cur.rest().is_empty() {
            let start = cur.at;
            return Err(cur.error(start, text.len(), "unexpected text after the window"));
        }
        window_days = Some(days);
    }

    Ok(Criterion {
        event: event.to_owned(),
        aggregate,
        op,
        value,
        window_days,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(event: &str, aggregate: Aggregate, op: Op, value: f64, window: Option<u32>) -> Criterion {
        Criterion {
            event: event.into(),
            aggregate,
            op,
            value,
            window_days: window,
        }
    }

    #[test]
    fn reads_the_documented_forms() {
        assert_eq!(
            parse("count(billing_cycle_completed) >= 3").unwrap(),
            c(
                "billing_cycle_completed",
                Aggregate::Count,
                Op::Ge,
                3.0,
                None
            )
        );
        assert_eq!(
            parse("last(ar_days) <= 45").unwrap(),
            c("ar_days", Aggregate::Last, Op::Le, 45.0, None)
        );
        assert_eq!(
            parse("  distinct_days( user_login )>=10 within 30 days ").unwrap(),
            c(
                "user_login",
                Aggregate::DistinctDays,
                Op::Ge,
                10.0,
                Some(30)
            )
        );
        assert_eq!(
            parse("SUM(revenue) > -2.5e3 within 7d").unwrap(),
            c("revenue", Aggregate::Sum, Op::Gt, -2500.0, Some(7))
        );
    }

    #[test]
    fn print_then_parse_gives_back_the_same_criterion() {
        let aggregates = AGGREGATES.map(|(_, a)| a);
        let ops = OPS.map(|(_, o)| o);
        for (i, a) in aggregates.iter().enumerate() {
            for (j, op) in ops.iter().enumerate() {
                for value in [0.0, 1.0, 45.5, -3.0, 1e-3, 123_456_789.0] {
                    for window in [None, Some(1), Some(30)] {
                        let original = c(&format!("event_{i}_{j}"), *a, *op, value, window);
                        let text = print(&original);
                        assert_eq!(parse(&text).unwrap(), original, "{text}");
                        assert_eq!(print(&parse(&text).unwrap()), text);
                    }
                }
            }
        }
        assert_eq!(
            print(&c(
                "billing_cycle_completed",
                Aggregate::Count,
                Op::Ge,
                3.0,
                Some(30)
            )),
            "count(billing_cycle_completed) >= 3 within 30d"
        );
    }

    fn err(text: &str) -> (String, u32, u32) {
        let e = parse(text).unwrap_err();
        (e.message, e.start, e.end)
    }

    #[test]
    fn every_error_says_what_and_where() {
        let cases: &[(&str, &str, u32, u32)] = &[
            ("", "empty: write e.g. count(login) >= 3", 0, 1),
            (
                "(login) >= 1",
                "expected an aggregate (count, sum, min, max, last, distinct_days) at the start",
                0,
                1,
            ),
            (
                "avg(login) >= 1",
                "unknown aggregate \"avg\" (expected one of count, sum, min, max, last, distinct_days)",
                0,
                3,
            ),
            (
                "count login >= 1",
                "expected \"(\" after count, as in count(event_name)",
                6,
                7,
            ),
            (
                "count() >= 1",
                "expected an event name inside the parentheses",
                6,
                7,
            ),
            (
                "count(login >= 1",
                "expected \")\" after the event name",
                16,
                17,
            ),
            (
                "count(login) 3",
                "expected an operator (>=, >, <=, <, ==)",
                13,
                14,
            ),
            (
                "count(login) => 3",
                "unknown operator \"=>\" (did you mean >=?)",
                13,
                15,
            ),
            (
                "count(login) = 3",
                "unknown operator \"=\" (did you mean ==?)",
                13,
                14,
            ),
            (
                "count(login) >>= 3",
                "unknown operator \">>=\" (expected one of >=, >, <=, <, ==)",
                13,
                16,
            ),
            (
                "count(login) >=",
                "expected a number after the operator",
                15,
                16,
            ),
            ("count(login) >= three", "\"three\" is not a number", 16, 21),
            (
                "count(login) >= 3 times",
                "unexpected \"times\" after the value (only \"within N d\" may follow)",
                18,
                23,
            ),
            (
                "count(login) >= 3 within d",
                "expected a whole number of days of at least 1 after \"within\"",
                25,
                26,
            ),
            (
                "count(login) >= 3 within 0d",
                "expected a whole number of days of at least 1 after \"within\"",
                25,
                26,
            ),
            (
                "count(login) >= 3 within -5d",
                "expected a whole number of days of at least 1 after \"within\"",
                25,
                27,
            ),
            (
                "count(login) >= 3 within 30 weeks",
                "expected \"d\" or \"days\" after the number of days",
                28,
                33,
            ),
            (
                "count(login) >= 3 within 30d please",
                "unexpected text after the window",
                29,
                35,
            ),
        ];
        for (text, message, start, end) in cases {
            assert_eq!(err(text), (message.to_string(), *start, *end), "{text:?}");
        }
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let e = parse("count(réunion_tenue) ≥ 2").unwrap_err();
        assert_eq!(e.message, "unknown operator \"≥\" (did you mean >=?)");
        assert_eq!((e.start, e.end), (21, 22));
    }
}
