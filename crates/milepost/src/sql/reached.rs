//! When each customer reached each milestone, as SQL. The query is a chain of CTEs:
//!
//! - `p`: the cut-off, the last second of the as-of day;
//! - `pop`: the customers started by then (start date, or the day of the first event),
//!   with their start `st` and churn `ch` in seconds, segment, plan, owner and ARR;
//! - `ev0`, `ev`: their events named in the journey's criteria, up to the cut-off, as
//!   whole seconds `t`, an event number `e`, the value `v` (NULL is 1), the file order
//!   `s`, the UTC day `d`, and, for `distinct_days`, whether the event is its name's first
//!   (`fd`) or last (`ld`) of that day;
//! - per milestone k, `m{k}a` (and `m{k}b` when a criterion reads `last`): at every event
//!   named in its criteria, each criterion's aggregate over the events up to that time —
//!   window functions with `RANGE` frames over `t`, so events of the same second count
//!   together, and `(t − N days, t]` is `N·86400 − 1 PRECEDING`; `m{k}`: the milestone's
//!   own time, the earliest time at which all its criteria hold;
//! - `r{k}`: when it was reached: max(own time, when k − 1 was reached), only if k − 1
//!   was.

use sqlparser::ast::{BinaryOperator, Expr, Query, SelectItem, TableFactor};

use super::build::{
    Frame, On, SelectParts, and, binary, case, case_of, cast, col, cte_table, decimal, derived, eq,
    exists, func, in_list, int, is_not_null, item, minus, nested, number, plus, qcol, qual, select,
    table, times, window,
};
use super::dialect::Dialect;
use super::{Names, Output, SqlError};
use crate::engine::assess::DAY;
use crate::journey::{Aggregate, Criterion, Journey, Op};

/// A milestone with criteria, in funnel order.
pub(crate) struct Step<'j> {
    pub id: &'j str,
    pub criteria: &'j [Criterion],
}

/// The milestones that can be reached: in order, up to the first without criteria (it is
/// never reached, so neither is any after it).
pub(crate) fn steps(journey: &Journey) -> Vec<Step<'_>> {
    journey
        .stages
        .iter()
        .flat_map(|s| &s.milestones)
        .map(|m| Step {
            id: &m.id,
            criteria: &m.criteria,
        })
        .take_while(|s| !s.criteria.is_empty())
        .collect()
}

/// The CTE chain of a query, how many milestones can be reached, and the event names
/// `ev` holds, numbered by position (`e`).
pub(crate) struct Chain<'j> {
    pub ctes: Vec<(String, Query)>,
    pub reachable: usize,
    pub events: Vec<&'j str>,
}

/// Every CTE from `p` to the last `r{k}`.
pub(crate) fn ctes<'j>(
    journey: &'j Journey,
    d: Dialect,
    n: &Names,
    as_of: Option<i64>,
) -> Result<Chain<'j>, SqlError> {
    ctes_with(journey, d, n, as_of, &[], &[])
}

/// As `ctes`, with `ev` holding also the events named in `events` and `criteria` (which
/// may count distinct days).
pub(crate) fn ctes_with<'j>(
    journey: &'j Journey,
    d: Dialect,
    n: &Names,
    as_of: Option<i64>,
    events: &[&'j str],
    criteria: &[&'j Criterion],
) -> Result<Chain<'j>, SqlError> {
    let steps = steps(journey);
    let mut names: Vec<&str> = Vec::new();
    let named = steps
        .iter()
        .flat_map(|s| s.criteria)
        .chain(criteria.iter().copied())
        .map(|c| c.event.as_str())
        .chain(events.iter().copied());
    for e in named {
        if !names.contains(&e) {
            names.push(e);
        }
    }
    let distinct_days = steps
        .iter()
        .flat_map(|s| s.criteria)
        .chain(criteria.iter().copied())
        .any(|c| c.aggregate == Aggregate::DistinctDays);
    let mut ctes = vec![
        ("p".to_owned(), cutoff(d, n, as_of)),
        ("pop".to_owned(), population(d, n)),
    ];
    if !names.is_empty() {
        ctes.push(("ev0".to_owned(), journey_events(d, n, &names)?));
        ctes.push(("ev".to_owned(), with_days(d, distinct_days)));
    }
    for (k, s) in steps.iter().enumerate() {
        ctes.extend(criteria_ctes(&format!("m{k}"), s.criteria, &names));
        ctes.push((format!("r{k}"), reached_step(k)));
    }
    Ok(Chain {
        ctes,
        reachable: steps.len(),
        events: names,
    })
}

/// `{x}a`, `{x}b` (when a criterion reads `last`) and `{x}(c, own)`: the earliest time at
/// which all the criteria hold, per customer.
pub(crate) fn criteria_ctes(
    x: &str,
    criteria: &[Criterion],
    events: &[&str],
) -> Vec<(String, Query)> {
    let criteria: Vec<(i64, &Criterion)> = criteria
        .iter()
        .map(|c| (event_number(events, &c.event), c))
        .collect();
    let has_last = criteria.iter().any(|(_, c)| c.aggregate == Aggregate::Last);
    let (a, columns) = aggregates(&criteria, has_last);
    let mut out = vec![(format!("{x}a"), a)];
    let from = if has_last {
        out.push((
            format!("{x}b"),
            last_values(&criteria, &columns, &format!("{x}a")),
        ));
        format!("{x}b")
    } else {
        format!("{x}a")
    };
    out.push((x.to_owned(), own_time(&criteria, &from, has_last)));
    out
}

/// The joins that set each customer of `pop` beside its reached times `r{k}.at` (NULL
/// where not reached).
pub(crate) fn reached_joins(reachable: usize) -> Vec<(TableFactor, On)> {
    (0..reachable)
        .map(|k| {
            let r = format!("r{k}");
            (
                cte_table(&r, &r),
                On::Left(eq(qcol(&r, "c"), qcol("pop", "c"))),
            )
        })
        .collect()
}

/// How many milestones a customer beside its `r{k}` (`reached_joins`) has reached: its
/// furthest, 0 for none.
pub(crate) fn furthest(reachable: usize) -> Expr {
    case(
        (0..reachable)
            .rev()
            .map(|k| (is_not_null(qcol(&format!("r{k}"), "at")), int(k as i64 + 1)))
            .collect(),
        Some(int(0)),
    )
}

/// The whole query for `--output reached`.
pub(crate) fn query(
    journey: &Journey,
    d: Dialect,
    n: &Names,
    as_of: Option<i64>,
    output: Output,
) -> Result<Query, SqlError> {
    let Chain {
        ctes, reachable, ..
    } = ctes(journey, d, n, as_of)?;
    let time = |e: Expr| match output {
        Output::Reached => d.timestamp_of(e),
        _ => e,
    };
    if output == Output::Population {
        let text = |c: &str| cast(qcol("pop", c), d.text_type());
        let body = select(SelectParts {
            items: vec![
                item(text("c"), "customer_id"),
                item(qcol("pop", "st"), "start_s"),
                item(qcol("pop", "ch"), "churn_s"),
                item(text("seg"), "segment"),
                item(text("pl"), "plan"),
                item(text("ow"), "owner"),
                item(cast(qcol("pop", "arr"), d.double()), "arr"),
                item(qcol("p", "cutoff"), "cutoff"),
            ],
            from: Some(cte_table("pop", "pop")),
            joins: vec![(cte_table("p", "p"), On::Cross)],
            ..SelectParts::default()
        });
        // Only what the population needs: not the milestones' CTEs.
        let ctes = ctes.into_iter().take(2).collect();
        return Ok(super::build::with(ctes, body));
    }
    let customer = |c: Expr| match output {
        Output::Reached => c,
        _ => cast(c, d.text_type()),
    };
    let mut parts = Vec::new();
    for (k, s) in steps(journey).iter().enumerate().take(reachable) {
        parts.push(select(SelectParts {
            items: vec![
                item(customer(qcol("r", "c")), "customer_id"),
                item(d.text("milestone id", s.id)?, "milestone_id"),
                item(time(qcol("r", "at")), "reached_at"),
            ],
            from: Some(cte_table(&format!("r{k}"), "r")),
            ..SelectParts::default()
        }));
    }
    if parts.is_empty() {
        // Nothing can be reached: the same columns, no rows.
        parts.push(select(SelectParts {
            items: vec![
                item(customer(qcol("pop", "c")), "customer_id"),
                item(d.text("milestone id", "")?, "milestone_id"),
                item(time(qcol("pop", "st")), "reached_at"),
            ],
            from: Some(cte_table("pop", "pop")),
            filter: Some(eq(int(1), int(0))),
            ..SelectParts::default()
        }));
    }
    Ok(super::build::with(ctes, super::build::union_all(parts)))
}

/// The number `e` of an event name in `ev`.
pub(crate) fn event_number(events: &[&str], event: &str) -> i64 {
    events.iter().position(|e| *e == event).unwrap_or(0) as i64
}

/// The UTC day (since 1970) of whole seconds `t`, rounded down also before 1970.
fn day_of(d: Dialect, t: Expr) -> Expr {
    cast(
        func("FLOOR", vec![super::build::divide(t, decimal("86400.0"))]),
        d.bigint(),
    )
}

/// `p(cutoff)`: the last second of the as-of day, or of the day of the latest event of a
/// known customer.
fn cutoff(d: Dialect, n: &Names, as_of: Option<i64>) -> Query {
    match as_of {
        Some(day) => select(SelectParts {
            items: vec![item(
                cast(int(crate::engine::cutoff_of_day(day)), d.bigint()),
                "cutoff",
            )],
            ..SelectParts::default()
        }),
        None => select(SelectParts {
            items: vec![item(
                plus(
                    times(
                        day_of(
                            d,
                            d.epoch_seconds(func("MAX", vec![qual("x", n.event("ts"))])),
                        ),
                        int(DAY),
                    ),
                    int(DAY - 1),
                ),
                "cutoff",
            )],
            from: Some(table(n.events.clone(), Some("x"))),
            filter: Some(exists(select(SelectParts {
                items: vec![item(int(1), "one")],
                from: Some(table(n.customers.clone(), Some("cu"))),
                filter: Some(eq(
                    qual("cu", n.customer("customer_id")),
                    qual("x", n.event("customer_id")),
                )),
                ..SelectParts::default()
            }))),
            ..SelectParts::default()
        }),
    }
}

/// `pop(c, st, ch)`: the customers started by the cut-off, with their start and churn in
/// seconds (00:00 UTC of the day).
fn population(d: Dialect, n: &Names) -> Query {
    let seconds_of_date = |date: Expr| times(d.epoch_days(date), int(DAY));
    let first_event = select(SelectParts {
        items: vec![
            item(qual("x", n.event("customer_id")), "c"),
            item(
                d.epoch_seconds(func("MIN", vec![qual("x", n.event("ts"))])),
                "f",
            ),
        ],
        from: Some(table(n.events.clone(), Some("x"))),
        group_by: vec![qual("x", n.event("customer_id"))],
        ..SelectParts::default()
    });
    let customers = select(SelectParts {
        items: vec![
            item(qual("cu", n.customer("customer_id")), "c"),
            item(
                func(
                    "COALESCE",
                    vec![
                        seconds_of_date(qual("cu", n.customer("start_date"))),
                        times(day_of(d, qcol("fe", "f")), int(DAY)),
                    ],
                ),
                "st",
            ),
            item(seconds_of_date(qual("cu", n.customer("churn_date"))), "ch"),
            item(qual("cu", n.customer("segment")), "seg"),
            item(qual("cu", n.customer("plan")), "pl"),
            item(qual("cu", n.customer("owner")), "ow"),
            item(qual("cu", n.customer("arr")), "arr"),
        ],
        from: Some(table(n.customers.clone(), Some("cu"))),
        joins: vec![(
            derived(first_event, "fe"),
            On::Left(eq(qcol("fe", "c"), qual("cu", n.customer("customer_id")))),
        )],
        ..SelectParts::default()
    });
    select(SelectParts {
        items: ["c", "st", "ch", "seg", "pl", "ow", "arr"]
            .iter()
            .map(|c| item(qcol("y", c), c))
            .collect(),
        from: Some(derived(customers, "y")),
        joins: vec![(cte_table("p", "p"), On::Cross)],
        filter: Some(binary(
            qcol("y", "st"),
            BinaryOperator::LtEq,
            qcol("p", "cutoff"),
        )),
        ..SelectParts::default()
    })
}

/// `ev0(c, t, e, v, s)`: the events named in the journey's criteria, `e` numbering the
/// names in the order they first appear.
fn journey_events(d: Dialect, n: &Names, events: &[&str]) -> Result<Query, SqlError> {
    let names: Vec<Expr> = events
        .iter()
        .map(|e| d.text("event name", e))
        .collect::<Result<_, _>>()?;
    let event = || qual("x", n.event("event"));
    Ok(select(SelectParts {
        items: vec![
            item(qual("x", n.event("customer_id")), "c"),
            item(d.epoch_seconds(qual("x", n.event("ts"))), "t"),
            item(
                case_of(
                    event(),
                    names
                        .iter()
                        .enumerate()
                        .map(|(i, name)| (name.clone(), int(i as i64)))
                        .collect(),
                ),
                "e",
            ),
            item(
                cast(
                    func("COALESCE", vec![qual("x", n.event("value")), int(1)]),
                    d.double(),
                ),
                "v",
            ),
            item(qual("x", n.event("seq")), "s"),
        ],
        from: Some(table(n.events.clone(), Some("x"))),
        filter: Some(in_list(event(), names)),
        ..SelectParts::default()
    }))
}

/// `ev(c, t, e, v, s, d[, fd, ld])`: the population's events up to the cut-off, with their
/// day and, when a criterion counts distinct days, first- and last-of-day marks.
fn with_days(d: Dialect, distinct_days: bool) -> Query {
    let mut items: Vec<SelectItem> = ["c", "t", "e", "v", "s"]
        .iter()
        .map(|c| item(qcol("ev0", c), c))
        .collect();
    items.push(item(day_of(d, qcol("ev0", "t")), "d"));
    if distinct_days {
        let mark = |asc: bool| {
            flag(eq(
                window(
                    "ROW_NUMBER",
                    vec![],
                    vec![
                        qcol("ev0", "c"),
                        qcol("ev0", "e"),
                        day_of(d, qcol("ev0", "t")),
                    ],
                    vec![(qcol("ev0", "t"), asc), (qcol("ev0", "s"), asc)],
                    Frame::Partition,
                ),
                int(1),
            ))
        };
        items.push(item(mark(true), "fd"));
        items.push(item(mark(false), "ld"));
    }
    select(SelectParts {
        items,
        from: Some(cte_table("ev0", "ev0")),
        joins: vec![
            (
                cte_table("pop", "pop"),
                On::Inner(eq(qcol("pop", "c"), qcol("ev0", "c"))),
            ),
            (cte_table("p", "p"), On::Cross),
        ],
        filter: Some(binary(
            qcol("ev0", "t"),
            BinaryOperator::LtEq,
            qcol("p", "cutoff"),
        )),
        ..SelectParts::default()
    })
}

/// `CASE WHEN cond THEN 1 ELSE 0 END`.
fn flag(cond: Expr) -> Expr {
    case(vec![(cond, int(1))], Some(int(0)))
}

/// The criterion's window in seconds, if it has one.
fn window_seconds(c: &Criterion) -> Option<i64> {
    c.window_days.map(|days| i64::from(days) * DAY)
}

/// A running aggregate over the customer's rows up to `t` (or within the window).
fn running(f: &str, arg: Expr, within: Option<i64>, by_day: bool) -> Expr {
    let mut partition = vec![col("c")];
    if by_day {
        partition.push(col("d"));
    }
    let frame = match within {
        Some(w) => Frame::RangeWithin(w - 1),
        None => Frame::RangeToHere,
    };
    window(f, vec![arg], partition, vec![(col("t"), true)], frame)
}

/// `m{k}a`: at every event named in the milestone's criteria, each criterion's running
/// aggregate (`a{j}`; `g{j}`, `b{j}` for windowed distinct days; `n{j}` for `last`), and
/// `h`: 1 on one row per customer and second (the last in file order). Returns the query
/// and its column names.
fn aggregates(criteria: &[(i64, &Criterion)], has_last: bool) -> (Query, Vec<String>) {
    let mut columns: Vec<String> = ["c", "t", "e", "v", "s"].map(str::to_owned).to_vec();
    let mut items: Vec<SelectItem> = columns.iter().map(|c| item(col(c), c)).collect();
    if has_last {
        items.push(item(
            flag(eq(
                window(
                    "ROW_NUMBER",
                    vec![],
                    vec![col("c"), col("t")],
                    vec![(col("s"), false)],
                    Frame::Partition,
                ),
                int(1),
            )),
            "h",
        ));
        columns.push("h".to_owned());
    }
    for (j, &(e, c)) in criteria.iter().enumerate() {
        let is = || eq(col("e"), int(e));
        let hit = || flag(is());
        let within = window_seconds(c);
        if within == Some(0) {
            // An empty window: nothing to aggregate (see `holds`).
            continue;
        }
        let mut add = |name: String, expr: Expr| {
            items.push(item(expr, &name));
            columns.push(name);
        };
        match c.aggregate {
            Aggregate::Count => add(format!("a{j}"), running("SUM", hit(), within, false)),
            Aggregate::Sum => add(
                format!("a{j}"),
                running(
                    "SUM",
                    case(vec![(is(), col("v"))], Some(int(0))),
                    within,
                    false,
                ),
            ),
            Aggregate::Min | Aggregate::Max => add(
                format!("a{j}"),
                running(
                    if c.aggregate == Aggregate::Min {
                        "MIN"
                    } else {
                        "MAX"
                    },
                    case(vec![(is(), col("v"))], None),
                    within,
                    false,
                ),
            ),
            Aggregate::DistinctDays => {
                let marked = |m: &str| flag(and(vec![is(), eq(col(m), int(1))]));
                match within {
                    None => add(format!("a{j}"), running("SUM", marked("fd"), None, false)),
                    Some(w) => {
                        // Days in (t − w, t]: today's if it has an event up to t, plus the
                        // earlier days whose last event is inside the window.
                        add(format!("a{j}"), running("SUM", hit(), None, true));
                        add(
                            format!("g{j}"),
                            running("SUM", marked("ld"), Some(w), false),
                        );
                        add(format!("b{j}"), running("SUM", marked("ld"), None, true));
                    }
                }
            }
            Aggregate::Last => add(
                format!("n{j}"),
                window(
                    "SUM",
                    vec![hit()],
                    vec![col("c")],
                    vec![(col("t"), true), (col("s"), true)],
                    Frame::RowsToHere,
                ),
            ),
        }
    }
    let q = select(SelectParts {
        items,
        from: Some(cte_table("ev", "ev")),
        filter: Some(in_list(
            col("e"),
            criteria.iter().map(|&(e, _)| int(e)).collect(),
        )),
        ..SelectParts::default()
    });
    (q, columns)
}

/// `m{k}b`: `m{k}a` with each `last` criterion's latest value `lv{j}` and its time
/// `lt{j}`: the rows after the n-th event of that name, up to the next one, share `n{j}`,
/// and the n-th event is the only one of that name among them.
fn last_values(criteria: &[(i64, &Criterion)], columns: &[String], from: &str) -> Query {
    let mut items: Vec<SelectItem> = columns.iter().map(|c| item(col(c), c)).collect();
    for (j, &(e, c)) in criteria.iter().enumerate() {
        if c.aggregate != Aggregate::Last || window_seconds(c) == Some(0) {
            continue;
        }
        let of = |x: &str| {
            window(
                "MAX",
                vec![case(vec![(eq(col("e"), int(e)), col(x))], None)],
                vec![col("c"), col(&format!("n{j}"))],
                vec![],
                Frame::Partition,
            )
        };
        items.push(item(of("v"), &format!("lv{j}")));
        items.push(item(of("t"), &format!("lt{j}")));
    }
    select(SelectParts {
        items,
        from: Some(cte_table(from, "m")),
        ..SelectParts::default()
    })
}

fn compare(op: Op, left: Expr, right: Expr) -> Expr {
    let op = match op {
        Op::Ge => BinaryOperator::GtEq,
        Op::Gt => BinaryOperator::Gt,
        Op::Le => BinaryOperator::LtEq,
        Op::Lt => BinaryOperator::Lt,
        Op::Eq => BinaryOperator::Eq,
    };
    binary(left, op, right)
}

/// Whether criterion j holds at the row's time.
fn holds(j: usize, c: &Criterion) -> Expr {
    let value = || number(c.value);
    let within = window_seconds(c);
    if within == Some(0) {
        // Over no events count, sum and distinct days are 0; the others have no value.
        return match c.aggregate {
            Aggregate::Count | Aggregate::Sum | Aggregate::DistinctDays => {
                compare(c.op, int(0), value())
            }
            _ => eq(int(1), int(0)),
        };
    }
    let a = col(&format!("a{j}"));
    match (c.aggregate, within) {
        (Aggregate::DistinctDays, Some(_)) => {
            let any = |x: Expr| {
                case(
                    vec![(binary(x, BinaryOperator::Gt, int(0)), int(1))],
                    Some(int(0)),
                )
            };
            let days = nested(minus(
                plus(any(a), col(&format!("g{j}"))),
                any(col(&format!("b{j}"))),
            ));
            compare(c.op, days, value())
        }
        (Aggregate::Last, None) => compare(c.op, col(&format!("lv{j}")), value()),
        (Aggregate::Last, Some(w)) => and(vec![
            binary(
                col(&format!("lt{j}")),
                BinaryOperator::Gt,
                minus(col("t"), int(w)),
            ),
            compare(c.op, col(&format!("lv{j}")), value()),
        ]),
        _ => compare(c.op, a, value()),
    }
}

/// `m{k}(c, own)`: the earliest time at which all the milestone's criteria hold.
fn own_time(criteria: &[(i64, &Criterion)], from: &str, has_last: bool) -> Query {
    let mut conditions = Vec::new();
    if has_last {
        conditions.push(eq(col("h"), int(1)));
    }
    conditions.extend(criteria.iter().enumerate().map(|(j, &(_, c))| holds(j, c)));
    select(SelectParts {
        items: vec![
            item(col("c"), "c"),
            item(func("MIN", vec![col("t")]), "own"),
        ],
        from: Some(cte_table(from, "m")),
        filter: Some(and(conditions)),
        group_by: vec![col("c")],
        ..SelectParts::default()
    })
}

/// `r{k}(c, at)`: reached at max(own time, when k − 1 was reached), only after k − 1.
fn reached_step(k: usize) -> Query {
    if k == 0 {
        return select(SelectParts {
            items: vec![item(qcol("m", "c"), "c"), item(qcol("m", "own"), "at")],
            from: Some(cte_table("m0", "m")),
            ..SelectParts::default()
        });
    }
    select(SelectParts {
        items: vec![
            item(qcol("m", "c"), "c"),
            item(
                func("GREATEST", vec![qcol("m", "own"), qcol("r", "at")]),
                "at",
            ),
        ],
        from: Some(cte_table(&format!("m{k}"), "m")),
        joins: vec![(
            cte_table(&format!("r{}", k - 1), "r"),
            On::Inner(eq(qcol("r", "c"), qcol("m", "c"))),
        )],
        ..SelectParts::default()
    })
}
