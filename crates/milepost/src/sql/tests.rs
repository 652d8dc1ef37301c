//! Every dialect's query reads back, through that engine's parser, as exactly the tree it
//! was printed from — with names and values that try to break out of their quotes — and
//! the queries for the billing template match the golden files in `tests/golden/sql/`
//! (`MILEPOST_BLESS=1` rewrites them). Engines run them in `tests/sql_engines.rs`.

use std::path::Path;

use sqlparser::parser::Parser;

use super::*;
use crate::journey::{Aggregate, Criterion, Op};

fn billing() -> Journey {
    crate::journey::file::parse(include_str!("../../templates/billing-saas.json")).unwrap()
}

/// A journey with every aggregate, with and without a window, and names full of quotes,
/// semicolons, backslashes, control characters and emoji.
fn hostile() -> Journey {
    let mut j = billing();
    let names = [
        "it's",
        "x'); DROP TABLE events; --",
        "back\\slash'",
        "\"double\" `tick`",
        "tab\there\nnewline",
        "{{ run_query('drop table events') }}",
        "ü😀",
    ];
    let aggregates = [
        Aggregate::Count,
        Aggregate::Sum,
        Aggregate::Min,
        Aggregate::Max,
        Aggregate::Last,
        Aggregate::DistinctDays,
    ];
    let milestones = j.stages.iter_mut().flat_map(|s| &mut s.milestones);
    for (i, m) in milestones.enumerate() {
        m.id = format!("{}{i}", names[i % names.len()]);
        m.criteria = (0..2)
            .map(|k| Criterion {
                event: names[(i + k) % names.len()].to_owned(),
                aggregate: aggregates[(i + k) % aggregates.len()],
                op: Op::Ge,
                value: if k == 0 { 2.5 } else { -1.0 },
                window_days: (k == 1).then_some(7),
            })
            .collect();
    }
    for (i, m) in j.metrics.iter_mut().enumerate() {
        m.id = format!("{}{i}", names[(i + 3) % names.len()]);
        m.event = names[(i + 1) % names.len()].to_owned();
        m.aggregate = aggregates[i % aggregates.len()];
    }
    for (i, c) in j.capabilities.iter_mut().enumerate() {
        c.id = format!("{}{i}", names[(i + 5) % names.len()]);
        for criterion in &mut c.criteria {
            criterion.event = names[i % names.len()].to_owned();
        }
    }
    j
}

fn compile_for(j: &Journey, dialect: Dialect, as_of: Option<i64>) -> String {
    compile_output(j, dialect, as_of, Output::Reached).unwrap()
}

fn compile_output(
    j: &Journey,
    dialect: Dialect,
    as_of: Option<i64>,
    output: Output,
) -> Result<String, SqlError> {
    compile(
        j,
        &Options {
            dialect,
            as_of,
            output,
            ..Options::default()
        },
    )
}

/// The outputs, every one written for every dialect.
const OUTPUTS: [Output; 6] = [
    Output::Reached,
    Output::Population,
    Output::Funnel,
    Output::Tags,
    Output::Customers,
    Output::Measures,
];

/// What the engine's parser reads, printed back on one line.
fn reparsed(text: &str, dialect: Dialect) -> String {
    let parsed = Parser::parse_sql(&*dialect.parser(), text)
        .unwrap_or_else(|e| panic!("{} does not parse it: {e}\n{text}", dialect.title()));
    assert_eq!(parsed.len(), 1, "one statement, not {}", parsed.len());
    parsed[0].to_string()
}

#[test]
fn every_dialect_reads_back_the_query_it_was_given_hostile_names_included() {
    for journey in [billing(), hostile()] {
        for dialect in Dialect::ALL {
            for (as_of, output) in [None, Some(19_000 * 86_400)]
                .into_iter()
                .flat_map(|a| OUTPUTS.map(|o| (a, o)))
            {
                let text = compile_output(&journey, dialect, as_of, output).unwrap();
                let one_line = reparsed(&text, dialect);
                // The same tree, whatever the pretty-printing: nothing escaped a quote.
                assert_eq!(
                    reparsed(&one_line, dialect),
                    one_line,
                    "{}",
                    dialect.title()
                );
            }
        }
    }
}

/// The value of a text expression as written by `Dialect::text`: a literal, a code point,
/// or a CONCAT of those.
fn text_value(e: &sqlparser::ast::Expr) -> Option<String> {
    use sqlparser::ast::{Expr, FunctionArg, FunctionArgExpr, FunctionArguments, Value};
    match e {
        Expr::Value(v) => match &v.value {
            Value::SingleQuotedString(s) => Some(s.clone()),
            _ => None,
        },
        Expr::Function(f) => {
            let FunctionArguments::List(list) = &f.args else {
                return None;
            };
            let args: Vec<&Expr> = list
                .args
                .iter()
                .filter_map(|a| match a {
                    FunctionArg::Unnamed(FunctionArgExpr::Expr(e)) => Some(e),
                    _ => None,
                })
                .collect();
            let code = |e: &Expr| match e {
                Expr::Value(v) => match &v.value {
                    Value::Number(n, _) => n.parse::<u32>().ok().and_then(char::from_u32),
                    _ => None,
                },
                Expr::Array(a) => match a.elem.as_slice() {
                    [Expr::Value(v)] => match &v.value {
                        Value::Number(n, _) => n.parse::<u32>().ok().and_then(char::from_u32),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            };
            match f.name.to_string().to_uppercase().as_str() {
                "CONCAT" => args.iter().map(|a| text_value(a)).collect(),
                "CHR" | "CODE_POINTS_TO_STRING" => code(args.first()?).map(String::from),
                _ => None,
            }
        }
        _ => None,
    }
}

#[test]
fn every_engine_reads_each_name_as_exactly_that_name() {
    let journey = hostile();
    let mut expected: Vec<String> = Vec::new();
    for m in journey.stages.iter().flat_map(|s| &s.milestones) {
        expected.push(m.id.clone());
        expected.extend(m.criteria.iter().map(|c| c.event.clone()));
    }
    for dialect in Dialect::ALL {
        let text = compile_for(&journey, dialect, None);
        let parsed = Parser::parse_sql(&*dialect.parser(), &text).unwrap();
        let mut read = std::collections::BTreeSet::new();
        let _ = sqlparser::ast::visit_expressions(&parsed, |e| {
            if let Some(v) = text_value(e) {
                read.insert(v);
            }
            std::ops::ControlFlow::<()>::Continue(())
        });
        for name in &expected {
            assert!(
                read.contains(name),
                "{} reads no text {name:?} in:\n{text}",
                dialect.title()
            );
        }
    }
}

#[test]
fn text_with_quotes_and_backslashes_is_spelt_with_code_points() {
    let lit = |d: Dialect, s: &str| d.text("event name", s).unwrap().to_string();
    assert_eq!(lit(Dialect::Postgres, "plain ü😀"), "'plain ü😀'");
    assert_eq!(lit(Dialect::Postgres, "it's"), "CONCAT('it', CHR(39), 's')");
    assert_eq!(
        lit(Dialect::Bigquery, "a\\"),
        "CONCAT('a', CODE_POINTS_TO_STRING([92]))"
    );
    assert_eq!(lit(Dialect::Spark, "'"), "CHR(39)");
    assert!(Dialect::Duckdb.text("event name", "nul\0").is_err());
}

#[test]
fn names_that_cannot_be_quoted_are_refused_with_the_option_named() {
    let j = billing();
    let with = |dialect: Dialect, column: (&str, &str)| {
        compile(
            &j,
            &Options {
                dialect,
                source: Source {
                    columns: [(column.0.to_owned(), column.1.to_owned())].into(),
                    ..Source::default()
                },
                ..Options::default()
            },
        )
    };
    let e = with(Dialect::Postgres, ("event", "event\"name")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "the events.event column name \"event\\\"name\" cannot be written for PostgreSQL: a name there may not hold \", a brace or a control character; give it another name in a view"
    );
    assert!(with(Dialect::Spark, ("ts", "a`b")).is_err());
    assert!(with(Dialect::Bigquery, ("ts", "a\\b")).is_err());
    // Fine where the quote is another.
    assert!(with(Dialect::Spark, ("event", "event\"name")).is_ok());
    let e = with(Dialect::Duckdb, ("events.nope", "x")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("--column events.nope=x: the tables have no column \"nope\""),
        "{e}"
    );
    // A renamed column is what the query reads, quoted.
    let text = with(Dialect::Postgres, ("events.event", "Event Name")).unwrap();
    assert!(text.contains("x.\"Event Name\""), "{text}");
    assert!(!text.contains("x.\"event\""), "{text}");
}

#[test]
fn snowflake_reads_upper_case_names_by_default() {
    let text = compile_for(&billing(), Dialect::Snowflake, None);
    assert!(text.contains("\"EVENTS\" AS x"), "{text}");
    assert!(text.contains("x.\"CUSTOMER_ID\""), "{text}");
}

#[test]
fn the_billing_template_matches_the_golden_queries() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/sql");
    let bless = std::env::var_os("MILEPOST_BLESS").is_some();
    let outputs = [
        (Output::Reached, "reached"),
        (Output::Funnel, "funnel"),
        (Output::Tags, "tags"),
        (Output::Customers, "customers"),
    ];
    for (dialect, (output, name)) in Dialect::ALL
        .into_iter()
        .flat_map(|d| outputs.map(|o| (d, o)))
    {
        let text = compile_output(&billing(), dialect, Some(19_904 * 86_400), output).unwrap();
        let path = dir.join(format!("billing-saas.{name}.{}.sql", dialect.key()));
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &text).unwrap();
            continue;
        }
        let golden = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            golden == text,
            "{} is stale: MILEPOST_BLESS=1 cargo test -p milepost --lib sql rewrites it",
            path.display()
        );
    }
}

#[test]
fn dbt_models_hold_no_jinja_but_their_own_even_from_hostile_names() {
    let mut journey = hostile();
    journey.name = "{{ run_query('drop schema analytics') }} — pilot".to_owned();
    for dialect in Dialect::ALL {
        let options = Options {
            dialect,
            ..Options::default()
        };
        let files = dbt::project(&journey, &options, true).unwrap();
        for f in &files {
            let mut rest = f.text.as_str();
            while let Some(at) = rest.find("{{") {
                let jinja = &rest[at..rest[at..].find("}}").map_or(rest.len(), |e| at + e + 2)];
                assert!(
                    jinja.starts_with("{{ source('milepost', '")
                        || jinja.starts_with("{{ config(")
                        || jinja.starts_with("{{ ref('milepost_")
                        || jinja == "{{ target.schema }}",
                    "{} in {}: {jinja}",
                    dialect.title(),
                    f.path.display()
                );
                rest = &rest[at + 2..];
            }
            assert!(
                !f.text.contains("{%") && !f.text.contains("{#"),
                "{}",
                f.path.display()
            );
        }
        let stem = dbt::model_stem(&journey);
        assert_eq!(stem, "milepost_run_query_drop_schema_analytics_pilot");
    }
    let split = Options {
        source: Source {
            customers_table: Some("crm.customers".into()),
            events_table: Some("product.events".into()),
            ..Source::default()
        },
        ..Options::default()
    };
    assert_eq!(
        dbt::project(&journey, &split, false).unwrap_err(),
        SqlError::DbtSchemas
    );
}

#[test]
fn the_customers_columns_are_plain_names_one_per_measure_even_from_hostile_ids() {
    let mut j = hostile();
    // Two ids that make the same name.
    j.metrics[1].id = j.metrics[0].id.to_uppercase();
    let columns = measure_columns(&j);
    let values = j.metrics.iter().filter(|m| m.value.is_some()).count();
    assert_eq!(
        columns.len(),
        j.metrics.len() + values + j.capabilities.len()
    );
    let unique: std::collections::HashSet<_> = columns.iter().collect();
    assert_eq!(unique.len(), columns.len(), "{columns:?}");
    for c in &columns {
        assert!(
            c.chars()
                .all(|x| x.is_ascii_lowercase() || x.is_ascii_digit() || x == '_'),
            "{c}"
        );
    }
    assert_eq!(measure_columns(&billing())[0], "metric_cycles_completed");
}
