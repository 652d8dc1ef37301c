//! The journey's SQL gives what the in-memory engine gives, second for second: on random
//! journeys and data sets full of edges (events at the same second, exactly N days
//! apart, `last` ties broken by `seq` in a table stored out of order, NULL values,
//! customers without events or a start date, starting after the as-of day), the
//! customers' reached times, the funnel and the daily tags from DuckDB and from
//! PostgreSQL equal the engine's; and `--engine postgres` prints the in-memory funnel's JSON to the byte. Event
//! names and milestone ids hold quotes, semicolons, backslashes, tabs and emoji, and
//! the tables sit in schemas under options' names.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use milepost::engine::{Customer, Dataset, assess, cutoff_of_day};
use milepost::journey::{
    Aggregate, Capability, Criterion, Journey, Metric, Milestone, Op, ValueSpec,
};
use milepost::sql::{Dialect, Options, Output, Source};

const DAY: i64 = 86_400;

/// Names no string splicing survives.
const EVENTS: [&str; 6] = [
    "login",
    "{{ jinja }}",
    "it's",
    "x\"; DROP TABLE events; --",
    "back\\slash\tand tab",
    "ü😀",
];

/// A small deterministic generator (xorshift), so a failure is the same case every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

struct Case {
    journey: Journey,
    customers: Vec<Customer>,
    /// In file order: (customer, time, event, value or None for NULL).
    events: Vec<(usize, i64, &'static str, Option<f64>)>,
    as_of: Option<i64>,
}

fn random_criterion(rng: &mut Rng) -> Criterion {
    use Aggregate::*;
    Criterion {
        event: (*rng.pick(&EVENTS)).to_owned(),
        aggregate: *rng.pick(&[Count, Sum, Min, Max, Last, DistinctDays]),
        op: *rng.pick(&[Op::Ge, Op::Gt, Op::Le, Op::Lt, Op::Eq]),
        value: *rng.pick(&[0.0, 1.0, 2.0, 2.5, 3.0, 5.0]),
        window_days: if rng.chance(40) {
            Some(1 + rng.below(3) as u32)
        } else {
            None
        },
    }
}

fn random_case(rng: &mut Rng, number: usize) -> Case {
    use Aggregate::*;
    let mut journey: Journey =
        milepost::journey::file::parse(include_str!("../templates/billing-saas.json")).unwrap();
    let mut k = 0;
    // Two stages of one or two milestones each: enough for the sequence, short enough
    // that customers get far.
    journey.stages.truncate(2);
    for stage in &mut journey.stages {
        stage.milestones = (0..1 + rng.below(2))
            .map(|_| {
                k += 1;
                let criteria = (0..1 + rng.below(2))
                    .map(|_| random_criterion(rng))
                    .collect();
                Milestone {
                    id: format!("m{k} 'quoted'; \"{}\"", number),
                    name: format!("M{k}"),
                    description: None,
                    first_value: false,
                    criteria,
                    tasks: vec![],
                }
            })
            .collect();
    }
    // Metrics of every aggregate, windowed or not, some measuring value from a baseline;
    // capabilities adopted by criteria like milestones'.
    let metric = journey.metrics[1].clone();
    let spec = metric.value.clone().unwrap();
    journey.metrics = (0..rng.below(4))
        .map(|i| Metric {
            id: format!("x{i} \"it's\"; 😀"),
            event: (*rng.pick(&EVENTS)).to_owned(),
            aggregate: *rng.pick(&[Count, Sum, Min, Max, Last, DistinctDays]),
            window_days: rng.chance(40).then(|| 1 + rng.below(3) as u32),
            value: rng.chance(60).then(|| ValueSpec {
                baseline_days: 1 + rng.below(4) as u32,
                ..spec.clone()
            }),
            ..metric.clone()
        })
        .collect();
    let capability = journey.capabilities[0].clone();
    journey.capabilities = (0..rng.below(3))
        .map(|i| Capability {
            id: format!("cap{i} 'x'"),
            criteria: (0..rng.below(3)).map(|_| random_criterion(rng)).collect(),
            ..capability.clone()
        })
        .collect();
    let customers: Vec<Customer> = (0..6)
        .map(|i| Customer {
            id: format!("c{i}'"),
            // Some without a start date (their first event's day), some starting late.
            start: rng.chance(70).then(|| rng.below(8) as i64 * DAY),
            churn: rng.chance(20).then(|| rng.below(8) as i64 * DAY),
            ..Customer::default()
        })
        .collect();
    // A coarse clock (quarter days) makes ties and window edges common; a few odd seconds.
    let events = (0..rng.below(240))
        .map(|_| {
            let t = rng.below(30) as i64 * DAY / 4 + if rng.chance(10) { 1 } else { 0 };
            let value = if rng.chance(15) {
                None
            } else {
                Some(*rng.pick(&[0.0, 1.0, 2.0, 2.5, -1.5, 5.0]))
            };
            (rng.below(6) as usize, t, *rng.pick(&EVENTS), value)
        })
        .collect();
    let as_of = rng.chance(80).then(|| rng.below(8) as i64 * DAY);
    Case {
        journey,
        customers,
        events,
        as_of,
    }
}

/// The case as the in-memory engine assesses it (none without a day to assess as of).
fn assessed(case: &Case) -> Option<(Dataset, milepost::engine::Assessment)> {
    let rows: Vec<(usize, i64, &str, f64)> = case
        .events
        .iter()
        .map(|&(c, t, e, v)| (c, t, e, v.unwrap_or(1.0)))
        .collect();
    let data = Dataset::new(case.customers.clone(), &rows);
    let day = case.as_of.or_else(|| data.latest())?;
    let a = assess(&case.journey, &data, cutoff_of_day(day));
    Some((data, a))
}

/// What the engine says: (customer, milestone, seconds), the population's customers only.
fn engine_reached(case: &Case) -> BTreeSet<(String, String, i64)> {
    let Some((data, a)) = assessed(case) else {
        return BTreeSet::new();
    };
    let mut out = BTreeSet::new();
    for c in milepost::engine::population(&data, &a, &Default::default()) {
        for (k, m) in a.milestones.iter().enumerate() {
            if let Some(at) = a.reached_at(c, k) {
                out.insert((data.customers[c].id.clone(), m.id.clone(), at));
            }
        }
    }
    out
}

fn date(seconds: i64) -> String {
    chrono::DateTime::from_timestamp(seconds, 0)
        .unwrap()
        .format("%Y-%m-%d")
        .to_string()
}

/// Writes the case's tables (the events shuffled: a warehouse keeps no file order, `seq`
/// does) and its query for the dialect.
fn write_case(case: &Case, dir: &Path, schema: Option<&str>, dialect: Dialect, rng: &mut Rng) {
    std::fs::create_dir_all(dir).unwrap();
    let mut w = csv::Writer::from_path(dir.join("customers.csv")).unwrap();
    w.write_record(milepost::sql::CUSTOMER_COLUMNS).unwrap();
    for c in &case.customers {
        let day = |d: Option<i64>| d.map(date).unwrap_or_default();
        w.write_record([&c.id, &day(c.start), &day(c.churn), "", "", "", ""])
            .unwrap();
    }
    w.flush().unwrap();
    let mut order: Vec<usize> = (0..case.events.len()).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i as u64 + 1) as usize);
    }
    let mut w = csv::Writer::from_path(dir.join("events.csv")).unwrap();
    w.write_record(milepost::sql::EVENT_COLUMNS).unwrap();
    for &i in &order {
        let (c, t, e, v) = case.events[i];
        let ts = chrono::DateTime::from_timestamp(t, 0)
            .unwrap()
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
        let value = v.map(|v| v.to_string()).unwrap_or_default();
        // The customer of the tenth event is unknown to the customers table: ignored.
        let customer = if i == 9 {
            "nobody".to_owned()
        } else {
            case.customers[c].id.clone()
        };
        w.write_record([&customer, &ts, e, &value, &(i * 10).to_string()])
            .unwrap();
    }
    w.flush().unwrap();
    let options = Options {
        dialect,
        as_of: case.as_of,
        source: Source {
            customers_table: schema.map(|s| format!("{s}.customers")),
            events_table: schema.map(|s| format!("{s}.events")),
            columns: Default::default(),
        },
        output: Output::ReachedSeconds,
    };
    let sql = milepost::sql::compile(&case.journey, &options).unwrap();
    std::fs::write(dir.join("reached.sql"), sql).unwrap();
    let funnel = Options {
        output: Output::Funnel,
        ..options
    };
    let sql = milepost::sql::compile(&case.journey, &funnel).unwrap();
    std::fs::write(dir.join("funnel.sql"), sql).unwrap();
    let tags = Options {
        output: Output::Tags,
        ..funnel
    };
    let sql = milepost::sql::compile(&case.journey, &tags).unwrap();
    std::fs::write(dir.join("tags.sql"), sql).unwrap();
    let customers = Options {
        output: Output::Customers,
        ..tags
    };
    let sql = milepost::sql::compile(&case.journey, &customers).unwrap();
    std::fs::write(dir.join("customers.sql"), sql).unwrap();
}

/// Where each customer is, as `--output customers` has it: id, stage, furthest
/// milestone, how many reached, days in the stage, churned, and the measures (metrics,
/// baselines, capabilities adopted as 1 or 0).
type CustomerRow = (
    String,
    String,
    String,
    u64,
    Option<f64>,
    bool,
    Vec<Option<f64>>,
);

fn engine_customers(case: &Case) -> Vec<CustomerRow> {
    let Some((data, a)) = assessed(case) else {
        return Vec::new();
    };
    let j = &case.journey;
    let measures = milepost::value::measures_of(j, &data, a.cutoff);
    let who = milepost::engine::population(&data, &a, &Default::default());
    let states = milepost::engine::customer_states_of(j, &data, &a, &who);
    let mut rows: Vec<CustomerRow> = who
        .iter()
        .zip(states)
        .map(|(&c, s)| {
            let mut values: Vec<Option<f64>> = j
                .metrics
                .iter()
                .map(|m| measures.metrics[&m.id][c])
                .collect();
            values.extend(
                j.metrics
                    .iter()
                    .filter(|m| m.value.is_some())
                    .map(|m| measures.baselines[&m.id][c]),
            );
            values.extend(
                j.capabilities
                    .iter()
                    .map(|x| Some(f64::from(u8::from(measures.adopted[&x.id][c])))),
            );
            (
                s.id,
                s.stage.unwrap_or_default(),
                s.furthest.unwrap_or_default(),
                a.furthest[c] as u64,
                s.days_in_stage,
                s.churned,
                values,
            )
        })
        .collect();
    rows.sort_by(|x, y| x.0.cmp(&y.0));
    rows
}

fn read_customers(path: &Path) -> Vec<CustomerRow> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    let number = |s: &str| -> Option<f64> {
        match s {
            "" => None,
            "t" | "true" | "True" => Some(1.0),
            "f" | "false" | "False" => Some(0.0),
            _ => Some(s.parse().unwrap()),
        }
    };
    let mut rows: Vec<CustomerRow> = r
        .records()
        .map(|row| {
            let row = row.unwrap();
            let n = row.len();
            (
                row[0].to_owned(),
                row[1].to_owned(),
                row[2].to_owned(),
                row[3].parse().unwrap(),
                number(&row[4]),
                number(&row[5]) == Some(1.0),
                // The measures, then as_of_end.
                (6..n - 1).map(|i| number(&row[i])).collect(),
            )
        })
        .collect();
    rows.sort_by(|x, y| x.0.cmp(&y.0));
    rows
}

fn close(p: &Option<f64>, q: &Option<f64>) -> bool {
    match (p, q) {
        (Some(p), Some(q)) => (p - q).abs() <= 1e-9 * p.abs().max(1.0),
        (None, None) => true,
        _ => false,
    }
}

fn same_customers(a: &[CustomerRow], b: &[CustomerRow]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            (&x.0, &x.1, &x.2, x.3, x.5) == (&y.0, &y.1, &y.2, y.3, y.5)
                && close(&x.4, &y.4)
                && x.6.len() == y.6.len()
                && x.6.iter().zip(&y.6).all(|(p, q)| close(p, q))
        })
}

/// The daily tags as the engine has them: (customer, stage, furthest milestone, how many
/// reached, "a,b" reached, "b" reached on the as-of day).
type TagRow = (String, String, String, u64, String, String);

fn engine_tags(case: &Case) -> BTreeSet<TagRow> {
    let Some((data, a)) = assessed(case) else {
        return BTreeSet::new();
    };
    let cutoff = a.cutoff;
    milepost::engine::population(&data, &a, &Default::default())
        .into_iter()
        .map(|c| {
            let far = a.furthest[c];
            let ids = |ks: Vec<usize>| {
                ks.into_iter()
                    .map(|k| a.milestones[k].id.clone())
                    .collect::<Vec<_>>()
                    .join(",")
            };
            let today: Vec<usize> = (0..far)
                .filter(|&k| a.reached_at(c, k).is_some_and(|t| t > cutoff - DAY))
                .collect();
            (
                data.customers[c].id.clone(),
                a.stage_at(c, cutoff)
                    .map(|s| case.journey.stages[s].id.clone())
                    .unwrap_or_default(),
                far.checked_sub(1)
                    .map(|k| a.milestones[k].id.clone())
                    .unwrap_or_default(),
                far as u64,
                ids((0..far).collect()),
                ids(today),
            )
        })
        .collect()
}

fn read_tags(path: &Path) -> BTreeSet<TagRow> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    r.records()
        .map(|row| {
            let row = row.unwrap();
            (
                row[0].to_owned(),
                row[1].to_owned(),
                row[2].to_owned(),
                row[3].parse().unwrap(),
                row[4].to_owned(),
                row[5].to_owned(),
            )
        })
        .collect()
}

/// The engine's funnel, as the rows `--output funnel` gives: per milestone the counts and
/// the numbers (None: no value).
type FunnelRow = (String, u64, Vec<Option<f64>>, u64, u64);

fn engine_funnel(case: &Case) -> Vec<FunnelRow> {
    let Some((data, a)) = assessed(case) else {
        return Vec::new();
    };
    let f = milepost::engine::funnel("J", &data, &a, &Default::default());
    f.milestones
        .iter()
        .map(|m| {
            (
                m.id.clone(),
                m.reached,
                vec![
                    m.conversion_from_previous,
                    m.conversion_from_start,
                    m.median_days_from_start,
                    m.p75_days_from_start,
                    m.median_days_from_previous,
                    m.p75_days_from_previous,
                    m.churn_rate,
                ],
                m.churned,
                m.furthest,
            )
        })
        .collect()
}

fn read_funnel(path: &Path) -> Vec<FunnelRow> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    let number = |s: &str| (!s.is_empty()).then(|| s.parse::<f64>().unwrap());
    r.records()
        .map(|row| {
            let row = row.unwrap();
            // milestone_id, position, reached, conversion_from_previous,
            // conversion_from_start, median, p75 from start, median, p75 from previous,
            // churned, churn_rate, furthest
            (
                row[0].to_owned(),
                row[2].parse().unwrap(),
                [3, 4, 5, 6, 7, 8, 10]
                    .iter()
                    .map(|&i| number(&row[i]))
                    .collect(),
                row[9].parse().unwrap(),
                row[11].parse().unwrap(),
            )
        })
        .collect()
}

/// Equal counts, and numbers equal to the last bits an engine's own arithmetic may differ in.
fn same_funnel(a: &[FunnelRow], b: &[FunnelRow]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.0 == y.0
                && x.1 == y.1
                && x.3 == y.3
                && x.4 == y.4
                && x.2.iter().zip(&y.2).all(|(p, q)| close(p, q))
        })
}

fn read_result(path: &Path) -> BTreeSet<(String, String, i64)> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    r.records()
        .map(|row| {
            let row = row.unwrap();
            (
                row[0].to_owned(),
                row[1].to_owned(),
                row[2].parse().unwrap(),
            )
        })
        .collect()
}

/// The events of customer "nobody" are not in the engine's data set: the engine never
/// sees them, as an import would have left them out.
fn without_unknown(case: &mut Case) {
    if case.events.len() > 9 {
        case.events.remove(9);
    }
}

const CASES: usize = 150;

/// Runs `tests/sql/<script>` (DuckDB's or Spark's runner) on the case folders, which
/// must succeed.
fn run_python(script: &str, dirs: &[PathBuf]) {
    let out = Command::new(common::engines::python())
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/sql")
                .join(script),
        )
        .args(dirs)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn duckdb_and_postgres_give_the_engines_reached_times_funnel_customers_and_tags() {
    let root = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x5EED_2026_1207);
    let mut cases = Vec::new();
    for i in 0..CASES {
        let case = random_case(&mut rng, i);
        let schema = format!("case {i}");
        for dialect in [Dialect::Duckdb, Dialect::Postgres] {
            let dir = root.path().join(dialect.key()).join(&schema);
            write_case(&case, &dir, Some(&schema), dialect, &mut rng);
        }
        cases.push(case);
    }
    for case in &mut cases {
        without_unknown(case);
    }

    // DuckDB: one Python process for every case.
    let duck: Vec<_> = (0..CASES)
        .map(|i| root.path().join("duckdb").join(format!("case {i}")))
        .collect();
    run_python("run_duckdb.py", &duck);

    // PostgreSQL: one script for every case, into its own schema.
    let pg = common::engines::Postgres::start();
    let mut script = String::from("SET timezone = 'UTC';\n");
    for i in 0..CASES {
        let dir = root.path().join("postgres").join(format!("case {i}"));
        let s = format!("\"case {i}\"");
        script.push_str(&format!(
            "CREATE SCHEMA {s};\n\
             CREATE TABLE {s}.customers (customer_id text, start_date date, churn_date date, segment text, plan text, owner text, arr double precision);\n\
             CREATE TABLE {s}.events (customer_id text, ts timestamp, event text, value double precision, seq bigint);\n\
             \\copy {s}.customers FROM '{}' WITH (FORMAT csv, HEADER true)\n\
             \\copy {s}.events FROM '{}' WITH (FORMAT csv, HEADER true)\n\
             \\o '{}'\n\
             COPY ({}) TO STDOUT (FORMAT csv);\n\
             \\o\n",
            dir.join("customers.csv").display(),
            dir.join("events.csv").display(),
            dir.join("reached.csv").display(),
            std::fs::read_to_string(dir.join("reached.sql")).unwrap().trim_end(),
        ));
        for output in ["funnel", "tags", "customers"] {
            script.push_str(&format!(
                "\\o '{}'\nCOPY ({}) TO STDOUT (FORMAT csv);\n\\o\n",
                dir.join(format!("{output}.csv")).display(),
                std::fs::read_to_string(dir.join(format!("{output}.sql")))
                    .unwrap()
                    .trim_end(),
            ));
        }
    }
    let file = root.path().join("postgres.sql");
    std::fs::write(&file, script).unwrap();
    pg.psql_file(&file);

    compare(root.path(), &cases, &[Dialect::Duckdb, Dialect::Postgres]);
}

/// Compares what each engine wrote in `root/<dialect>/case <i>/` with the engine's.
fn compare(root: &Path, cases: &[Case], dialects: &[Dialect]) {
    let mut reached = 0;
    for (i, case) in cases.iter().enumerate() {
        let expected = engine_reached(case);
        reached += expected.len();
        for &dialect in dialects {
            let dir = root.join(dialect.key()).join(format!("case {i}"));
            let funnel = read_funnel(&dir.join("funnel.csv"));
            let expected_funnel = engine_funnel(case);
            assert!(
                same_funnel(&funnel, &expected_funnel),
                "case {i}: the funnel on {}:\n{funnel:?}\nthe engine's:\n{expected_funnel:?}\nquery:\n{}",
                dialect.title(),
                std::fs::read_to_string(dir.join("funnel.sql")).unwrap()
            );
            let tags = read_tags(&dir.join("tags.csv"));
            let expected_tags = engine_tags(case);
            assert_eq!(
                tags,
                expected_tags,
                "case {i}: the tags on {}; query:\n{}",
                dialect.title(),
                std::fs::read_to_string(dir.join("tags.sql")).unwrap()
            );
            let customers = read_customers(&dir.join("customers.csv"));
            let expected_customers = engine_customers(case);
            assert!(
                same_customers(&customers, &expected_customers),
                "case {i}: the customers on {}:\n{customers:?}\nthe engine's:\n{expected_customers:?}\nmetrics {:?}\ncapabilities {:?}\nevents {:?}\nquery:\n{}",
                dialect.title(),
                case.journey
                    .metrics
                    .iter()
                    .map(|m| (
                        &m.event,
                        m.aggregate,
                        m.window_days,
                        m.value.as_ref().map(|v| v.baseline_days)
                    ))
                    .collect::<Vec<_>>(),
                case.journey
                    .capabilities
                    .iter()
                    .map(|c| c
                        .criteria
                        .iter()
                        .map(milepost::journey::criterion::print)
                        .collect::<Vec<_>>())
                    .collect::<Vec<_>>(),
                case.events,
                std::fs::read_to_string(dir.join("customers.sql")).unwrap()
            );
            let got = read_result(&dir.join("reached.csv"));
            assert_eq!(
                got,
                expected,
                "case {i} on {}: journey {:#?}\nevents {:?}\nas of {:?}\nquery:\n{}",
                dialect.title(),
                case.journey
                    .stages
                    .iter()
                    .flat_map(|s| &s.milestones)
                    .map(|m| m
                        .criteria
                        .iter()
                        .map(milepost::journey::criterion::print)
                        .collect::<Vec<_>>())
                    .collect::<Vec<_>>(),
                case.events,
                case.as_of,
                std::fs::read_to_string(dir.join("reached.sql")).unwrap()
            );
        }
    }
    // The cases must reach something, or the comparison proves little.
    assert!(
        cases.len() < 20 || reached > 2 * cases.len(),
        "only {reached} milestones reached in {} cases",
        cases.len()
    );
}

/// `psql -c` on the cluster, for the little set-ups.
fn psql(pg: &common::engines::Postgres, script: &str) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("setup.sql");
    std::fs::write(&file, script).unwrap();
    pg.psql_file(&file);
}

/// `milepost --db DB ARGS…`, which must succeed: its output.
fn succeed(db: &Path, args: &[&str]) -> String {
    let o = common::milepost(db, args);
    assert!(
        o.status.success(),
        "milepost {args:?}: {}",
        common::stderr(&o)
    );
    common::stdout(&o)
}

/// A workspace with `customers` demo customers (from `seed`) imported from the CSV files
/// the demo writes, and the billing journey: (its folder, the workspace, the CSV folder).
fn demo_from_files(customers: &str, seed: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("csv");
    let db = dir.path().join("w.sqlite3");
    let run = |args: &[&str]| succeed(&db, args);
    let csv_text = csv.to_str().unwrap();
    run(&[
        "demo",
        "--customers",
        customers,
        "--seed",
        seed,
        "--out",
        csv_text,
    ]);
    for table in ["customers", "events", "stakeholders"] {
        let file = csv.join(format!("{table}.csv"));
        run(&["data", "import", table, file.to_str().unwrap()]);
    }
    run(&["journey", "new", "--template", "billing-saas"]);
    (dir, db, csv)
}

#[test]
fn funnel_customers_value_and_matrix_from_postgres_are_the_in_memory_ones_to_the_byte() {
    let (_dir, db, csv) = demo_from_files("400", "7");
    let run = |args: &[&str]| succeed(&db, args);

    // The same files in PostgreSQL, under other names: a schema with a space, the event
    // column called otherwise, `seq` the file order.
    let pg = common::engines::Postgres::start();
    psql(
        &pg,
        &format!(
            "CREATE SCHEMA \"Usage Data\";
             CREATE TABLE \"Usage Data\".accounts (customer_id text, name text, segment text, industry text, plan text, arr double precision, start_date date, churn_date date, owner text, region text);
             CREATE TABLE \"Usage Data\".raw_events (customer_id text, ts timestamptz, event_name text, value double precision, seq bigserial);
             \\copy \"Usage Data\".accounts FROM '{}' WITH (FORMAT csv, HEADER true)
             \\copy \"Usage Data\".raw_events (customer_id, ts, event_name, value) FROM '{}' WITH (FORMAT csv, HEADER true)
             CREATE VIEW \"Usage Data\".customers AS SELECT customer_id, start_date, churn_date, segment, plan, owner, arr FROM \"Usage Data\".accounts;
             CREATE VIEW \"Usage Data\".events AS SELECT * FROM \"Usage Data\".raw_events;\n",
            csv.join("customers.csv").display(),
            csv.join("events.csv").display(),
        ),
    );
    let url = pg.url();
    let remote = |command: &[&str]| {
        let mut args = command.to_vec();
        args.extend_from_slice(&[
            "--engine",
            "postgres",
            "--url",
            &url,
            "--customers-table",
            "Usage Data.customers",
            "--events-table",
            "Usage Data.events",
            "--column",
            "events.event=event_name",
        ]);
        run(&args)
    };
    let runs: [&[&str]; 10] = [
        &["cohorts", "1", "--json", "--segment", "enterprise"],
        &["funnel", "1", "--json"],
        &["funnel", "1", "--json", "--as-of", "2025-06-30"],
        &["funnel", "1", "--json", "--segment", "smb"],
        &[
            "funnel",
            "1",
            "--json",
            "--as-of",
            "2025-12-31",
            "--plan",
            "growth",
        ],
        // Health from the metrics' values, days in the stage.
        &["customers", "1", "--json"],
        &[
            "customers",
            "1",
            "--json",
            "--as-of",
            "2025-06-30",
            "--owner",
            "ana ruiz",
        ],
        // Baselines, improvements against peers, capabilities adopted, stages.
        &["value", "1", "--json"],
        &["value", "1", "--json", "--as-of", "2025-09-30", "--churned"],
        // Stakeholders' scores from the workspace, beside the warehouse's customers.
        &[
            "matrix",
            "1",
            "purpose-intent",
            "--level",
            "customer",
            "--json",
        ],
    ];
    for command in runs {
        let here = run(command);
        assert!(here.len() > 200, "{command:?}: {here}");
        assert_eq!(remote(command), here, "{command:?}");
    }
}

#[test]
fn a_refresh_cancelled_stops_the_query_on_the_server_at_once() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let pg = common::engines::Postgres::start();
    // An events table that takes a minute to read.
    psql(
        &pg,
        "CREATE TABLE customers (customer_id text, start_date date, churn_date date, segment text, plan text, owner text, arr double precision);
         INSERT INTO customers VALUES ('c1', '2025-01-01', NULL, NULL, NULL, NULL, NULL);
         CREATE TABLE raw (customer_id text, ts timestamp, event text, value double precision, seq bigint);
         INSERT INTO raw VALUES ('c1', '2025-01-02 10:00:00', 'account_configured', NULL, 1);
         CREATE VIEW events AS SELECT r.* FROM raw r, pg_sleep(60);",
    );
    let journey: milepost::journey::Journey =
        milepost::journey::file::parse(include_str!("../templates/billing-saas.json")).unwrap();
    let cancel = AtomicBool::new(false);
    let steps = std::sync::Mutex::new(Vec::new());
    let say = |what: &str| steps.lock().unwrap().push(what.to_owned());
    let started = std::time::Instant::now();
    let outcome = std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(std::time::Duration::from_millis(500));
            cancel.store(true, Ordering::Relaxed);
        });
        milepost::warehouse::assess_postgres_watched(
            &pg.url(),
            &journey,
            &Source::default(),
            None,
            milepost::warehouse::Watch {
                password: None,
                cancel: Some(&cancel),
                progress: Some(&say),
            },
        )
    });
    let took = started.elapsed();
    assert!(
        matches!(outcome, Err(milepost::warehouse::WarehouseError::Cancelled)),
        "{outcome:?}"
    );
    assert!(
        took < std::time::Duration::from_secs(30),
        "the server went on for {took:?}"
    );
    let steps = steps.into_inner().unwrap();
    assert_eq!(steps[0], "Connecting", "{steps:?}");
    assert!(steps.len() >= 2, "{steps:?}");
}

#[test]
fn a_wrong_table_or_an_unreachable_server_is_said_plainly_without_the_password() {
    use common::{milepost, stderr};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    assert!(
        milepost(&db, &["journey", "new", "--template", "billing-saas"])
            .status
            .success()
    );
    let pg = common::engines::Postgres::start();
    let o = milepost(
        &db,
        &["funnel", "1", "--engine", "postgres", "--url", &pg.url()],
    );
    assert_eq!(o.status.code(), Some(1));
    let e = stderr(&o);
    assert!(
        e.contains("could not run the journey's query: relation \"events\" does not exist; --customers-table and --events-table name your tables"),
        "{e}"
    );
    let nowhere = format!(
        "postgresql://mp:s3cret@localhost/postgres?host={}&port=1",
        pg.socket_dir().display()
    );
    let o = milepost(
        &db,
        &["funnel", "1", "--engine", "postgres", "--url", &nowhere],
    );
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(e.contains("could not connect to PostgreSQL at mp@"), "{e}");
    assert!(!e.contains("s3cret"), "the password is never shown: {e}");
    let o = milepost(&db, &["funnel", "1", "--engine", "postgres"]);
    assert_eq!(
        o.status.code(),
        Some(2),
        "--url is required: {}",
        stderr(&o)
    );
}

#[test]
fn tls_is_used_when_the_url_requires_it_and_the_server_must_prove_who_it_is() {
    use common::{command, stderr};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("w.sqlite3");
    assert!(
        common::milepost(&db, &["journey", "new", "--template", "billing-saas"])
            .status
            .success()
    );
    let (pg, ca) = common::engines::Postgres::start_tls();
    let url = format!(
        "postgresql://mp@localhost:{}/postgres?sslmode=require",
        pg.port
    );
    let funnel = |root: Option<&Path>| {
        let mut c = command(
            &db,
            &["funnel", "1", "--engine", "postgres", "--url", &url],
            None,
        );
        c.env_remove("PGSSLROOTCERT");
        if let Some(root) = root {
            c.env("PGSSLROOTCERT", root);
        }
        let o = c.output().unwrap();
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        stderr(&o)
    };
    // Its certificate is signed by nobody this machine trusts: refused, saying why.
    let e = funnel(None);
    assert!(
        e.contains("asks for TLS (sslmode=require)") && e.contains("certificate"),
        "{e}"
    );
    // With the CA named, the connection is made (over TLS: the server takes nothing
    // else over TCP) and the query reaches the missing table.
    let e = funnel(Some(&ca));
    assert!(e.contains("relation \"events\" does not exist"), "{e}");
    // Without TLS the server refuses.
    let plain = format!(
        "postgresql://mp@localhost:{}/postgres?sslmode=disable",
        pg.port
    );
    let o = common::milepost(
        &db,
        &["funnel", "1", "--engine", "postgres", "--url", &plain],
    );
    assert!(stderr(&o).contains("could not connect"), "{}", stderr(&o));
}

/// The dbt the venv holds (`dbt-duckdb`, which `make test-deps` installs).
fn dbt() -> std::path::PathBuf {
    common::engines::python().with_file_name("dbt")
}

#[test]
fn the_dbt_project_builds_and_its_funnel_is_the_engines() {
    let (dir, db, csv_dir) = demo_from_files("150", "3");
    let run = |args: &[&str]| succeed(&db, args);

    // The warehouse: a DuckDB file holding the contract's two tables, `seq` the file order.
    let warehouse = dir.path().join("warehouse.duckdb");
    let load = r#"
import sys, duckdb
warehouse, customers, events = sys.argv[1:]
con = duckdb.connect(warehouse)
con.execute("SET TimeZone = 'UTC'")
con.execute(f"CREATE TABLE customers AS SELECT customer_id, start_date, churn_date, segment, plan, owner, CAST(arr AS DOUBLE) AS arr FROM read_csv('{customers}')")
con.execute(f"CREATE TABLE events AS SELECT customer_id, CAST(\"timestamp\" AS TIMESTAMP) AS ts, event, CAST(value AS DOUBLE) AS value, row_number() OVER () AS seq FROM read_csv('{events}')")
"#;
    let o = Command::new(common::engines::python())
        .arg("-c")
        .arg(load)
        .arg(&warehouse)
        .arg(csv_dir.join("customers.csv"))
        .arg(csv_dir.join("events.csv"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));

    let project = dir.path().join("dbt");
    run(&[
        "sql",
        "1",
        "--dialect",
        "duckdb",
        "--dbt",
        project.to_str().unwrap(),
    ]);
    std::fs::write(
        project.join("profiles.yml"),
        format!(
            "milepost:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {:?}\n      schema: main\n      threads: 1\n",
            warehouse.display().to_string()
        ),
    )
    .unwrap();
    let o = Command::new(dbt())
        .args(["build", "--no-use-colors", "--project-dir"])
        .arg(&project)
        .arg("--profiles-dir")
        .arg(&project)
        .env("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
        .current_dir(&project)
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&o.stdout);
    assert!(
        o.status.success(),
        "dbt build failed:\n{log}\n{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(log.contains("PASS=") && log.contains("ERROR=0"), "{log}");

    // What dbt built is what the engine computes.
    let read = "import duckdb, json\ncon = duckdb.connect(__import__('sys').argv[1], read_only=True)\n\
                print(json.dumps(con.execute('SELECT milestone_id, reached FROM milepost_billing_saas_post_sales_journey_funnel ORDER BY position').fetchall()))\n";
    let o = Command::new(common::engines::python())
        .arg("-c")
        .arg(read)
        .arg(&warehouse)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let built: Vec<(String, u64)> = serde_json::from_slice(&o.stdout).unwrap();
    let funnel: serde_json::Value = serde_json::from_str(&run(&["funnel", "1", "--json"])).unwrap();
    let expected: Vec<(String, u64)> = funnel["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap().to_owned(),
                m["reached"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(built, expected);
    assert!(
        expected.iter().any(|m| m.1 > 0),
        "the demo reaches something"
    );
}

/// Spark in local mode (PyPI's pyspark on the machine's Java), on its own cases: it
/// starts a JVM and plans each deep query for seconds, so `make test-spark` runs it
/// (MILEPOST_SPARK_CASES cases, default 25), not `make test`.
#[test]
#[ignore = "make test-spark: Spark in local mode takes minutes"]
fn spark_gives_the_engines_reached_times_funnel_customers_and_tags() {
    let root = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x5EED_5BA2_2026);
    let n: usize = std::env::var("MILEPOST_SPARK_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(25);
    let mut cases = Vec::new();
    let mut dirs = Vec::new();
    for i in 0..n {
        let case = random_case(&mut rng, i);
        let dir = root
            .path()
            .join(Dialect::Spark.key())
            .join(format!("case {i}"));
        write_case(&case, &dir, None, Dialect::Spark, &mut rng);
        cases.push(case);
        dirs.push(dir);
    }
    for case in &mut cases {
        without_unknown(case);
    }
    let started = std::time::Instant::now();
    run_python("run_spark.py", &dirs);
    compare(root.path(), &cases, &[Dialect::Spark]);
    eprintln!(
        "Spark in local mode: {n} cases ({} queries) equal the engine's, in {:.0} s",
        n * 4,
        started.elapsed().as_secs_f64()
    );
}
