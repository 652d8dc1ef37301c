//! Where every customer is, as SQL (`--output customers`): per customer of the population
//! as of the day, its stage, furthest milestone, days in the stage and whether it has
//! churned, with every journey metric's value as of the day, each value metric's baseline
//! (the metric over the customer's first days) and whether it has adopted each
//! capability — what health colours, the matrices and value against peers are computed
//! from, so the app reads these few numbers per customer back instead of every event.
//!
//! A metric's value is its aggregate over the customer's events of its name up to the
//! end of the day (within its window, `(cut-off − N days, cut-off]`); over no events
//! count, sum and distinct days are 0 and the others have no value. A baseline is the
//! aggregate over the events from the start to N days after it (none without events
//! there). A capability is adopted when its criteria have all held together at some
//! time up to the cut-off (as a milestone's own time, `reached.rs`).

use std::collections::HashSet;

use sqlparser::ast::{BinaryOperator, Expr, Query};

use super::build::{
    Frame, On, SelectParts, and, binary, boolean, case, cast, count_all, count_distinct, cte_table,
    decimal, derived, divide, eq, func, int, is_not_null, item, minus, plus, qcol, select, window,
};
use super::dialect::Dialect;
use super::reached::{Chain, criteria_ctes, ctes_with, furthest, reached_joins};
use super::{Names, SqlError};
use crate::engine::assess::{DAY, milestone_refs};
use crate::journey::{Aggregate, Journey};

/// Output column names for the journey's metrics (`metric_<id>`), value metrics'
/// baselines (`baseline_<id>`) and capabilities (`adopted_<id>`): lower-case letters,
/// digits and underscores only, so no engine needs them quoted, made unique by a number.
pub fn measure_columns(journey: &Journey) -> Vec<String> {
    let mut used: HashSet<String> = COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let mut name = |prefix: &str, id: &str| {
        let slug = super::slug(id, 40);
        let base = if slug.is_empty() {
            prefix.to_owned()
        } else {
            format!("{prefix}_{slug}")
        };
        let mut name = base.clone();
        let mut i = 2;
        while !used.insert(name.clone()) {
            name = format!("{base}_{i}");
            i += 1;
        }
        name
    };
    let mut out = Vec::new();
    for m in &journey.metrics {
        out.push(name("metric", &m.id));
    }
    for m in journey.value_metrics() {
        out.push(name("baseline", &m.id));
    }
    for c in &journey.capabilities {
        out.push(name("adopted", &c.id));
    }
    out
}

/// The columns before the measures, and `as_of_end` after them.
const COLUMNS: [&str; 7] = [
    "customer_id",
    "stage_id",
    "furthest_milestone_id",
    "milestones_reached",
    "days_in_stage",
    "churned",
    "as_of_end",
];

/// `x(c, v)`: per customer with events of the metric's name in the range, their
/// aggregate. `range` limits the events (`ev` beside `p` and `pop`).
fn aggregate_cte(aggregate: Aggregate, e: i64, range: Option<Expr>) -> Query {
    let mut filter = vec![eq(qcol("ev", "e"), int(e))];
    filter.extend(range);
    let joins = vec![
        (cte_table("p", "p"), On::Cross),
        (
            cte_table("pop", "pop"),
            On::Inner(eq(qcol("pop", "c"), qcol("ev", "c"))),
        ),
    ];
    if aggregate == Aggregate::Last {
        // The latest event: by time, file order breaking a tie.
        let ranked = select(SelectParts {
            items: vec![
                item(qcol("ev", "c"), "c"),
                item(qcol("ev", "v"), "v"),
                item(
                    window(
                        "ROW_NUMBER",
                        vec![],
                        vec![qcol("ev", "c")],
                        vec![(qcol("ev", "t"), false), (qcol("ev", "s"), false)],
                        Frame::Partition,
                    ),
                    "rn",
                ),
            ],
            from: Some(cte_table("ev", "ev")),
            joins,
            filter: Some(and(filter)),
            ..SelectParts::default()
        });
        return select(SelectParts {
            items: vec![item(qcol("y", "c"), "c"), item(qcol("y", "v"), "v")],
            from: Some(derived(ranked, "y")),
            filter: Some(eq(qcol("y", "rn"), int(1))),
            ..SelectParts::default()
        });
    }
    let v = qcol("ev", "v");
    let value = match aggregate {
        Aggregate::Count => count_all(),
        Aggregate::Sum => func("SUM", vec![v]),
        Aggregate::Min => func("MIN", vec![v]),
        Aggregate::Max => func("MAX", vec![v]),
        Aggregate::DistinctDays => count_distinct(qcol("ev", "d")),
        Aggregate::Last => unreachable!("handled above"),
    };
    select(SelectParts {
        items: vec![item(qcol("ev", "c"), "c"), item(value, "v")],
        from: Some(cte_table("ev", "ev")),
        joins,
        filter: Some(and(filter)),
        group_by: vec![qcol("ev", "c")],
    })
}

/// Whether the aggregate over no events is 0 (else it has no value).
fn zero_over_none(a: Aggregate) -> bool {
    matches!(
        a,
        Aggregate::Count | Aggregate::Sum | Aggregate::DistinctDays
    )
}

/// The query. `for_milepost`: the columns Milepost reads back — `customer_id` as text,
/// then the measures in `measure_columns` order, nothing else.
pub(crate) fn query(
    journey: &Journey,
    d: Dialect,
    n: &Names,
    as_of: Option<i64>,
    for_milepost: bool,
) -> Result<Query, SqlError> {
    let metric_events: Vec<&str> = journey.metrics.iter().map(|m| m.event.as_str()).collect();
    let capability_criteria: Vec<_> = journey
        .capabilities
        .iter()
        .flat_map(|c| &c.criteria)
        .collect();
    let chain = ctes_with(journey, d, n, as_of, &metric_events, &capability_criteria)?;
    let Chain {
        mut ctes,
        reachable,
        ref events,
    } = chain;
    let columns = measure_columns(journey);
    let mut column = columns.iter();
    let mut measures = Vec::new();
    let mut joins = vec![(cte_table("p", "p"), On::Cross)];
    joins.extend(reached_joins(reachable));
    // A per-customer CTE, and its join to the population.
    let join = |cte: String, q: Query, ctes: &mut Vec<(String, Query)>, joins: &mut Vec<_>| {
        joins.push((
            cte_table(&cte, &cte),
            On::Left(eq(qcol(&cte, "c"), qcol("pop", "c"))),
        ));
        ctes.push((cte, q));
    };
    let number = |e: &str| super::reached::event_number(events, e);

    for (i, m) in journey.metrics.iter().enumerate() {
        let x = format!("x{i}");
        let range = m.window_days.map(|w| {
            binary(
                qcol("ev", "t"),
                BinaryOperator::Gt,
                minus(qcol("p", "cutoff"), int(i64::from(w) * DAY)),
            )
        });
        join(
            x.clone(),
            aggregate_cte(m.aggregate, number(&m.event), range),
            &mut ctes,
            &mut joins,
        );
        let v = cast(qcol(&x, "v"), d.double());
        let v = if zero_over_none(m.aggregate) {
            func("COALESCE", vec![v, cast(int(0), d.double())])
        } else {
            v
        };
        measures.push(item(v, column.next().expect("a column per metric")));
    }
    for (i, m) in journey.value_metrics().into_iter().enumerate() {
        let x = format!("w{i}");
        let days = m.value.as_ref().map_or(0, |v| i64::from(v.baseline_days));
        let range = and(vec![
            binary(qcol("ev", "t"), BinaryOperator::GtEq, qcol("pop", "st")),
            binary(
                qcol("ev", "t"),
                BinaryOperator::Lt,
                plus(qcol("pop", "st"), int(days * DAY)),
            ),
        ]);
        join(
            x.clone(),
            aggregate_cte(m.aggregate, number(&m.event), Some(range)),
            &mut ctes,
            &mut joins,
        );
        measures.push(item(
            cast(qcol(&x, "v"), d.double()),
            column.next().expect("a column per baseline"),
        ));
    }
    for (i, c) in journey.capabilities.iter().enumerate() {
        let name = column.next().expect("a column per capability");
        if c.criteria.is_empty() {
            // Nothing to adopt by: never adopted, as a milestone without criteria.
            measures.push(item(boolean(false), name));
            continue;
        }
        let q = format!("q{i}");
        let mut chain = criteria_ctes(&q, &c.criteria, events);
        let own = chain.pop().expect("the own-time CTE comes last").1;
        ctes.extend(chain);
        join(q.clone(), own, &mut ctes, &mut joins);
        measures.push(item(
            case(
                vec![(is_not_null(qcol(&q, "own")), boolean(true))],
                Some(boolean(false)),
            ),
            name,
        ));
    }

    let mut items = Vec::new();
    if for_milepost {
        items.push(item(cast(qcol("pop", "c"), d.text_type()), "customer_id"));
        items.extend(measures);
    } else {
        items.push(item(qcol("pop", "c"), "customer_id"));
        items.push(item(super::tags::stage(journey, d, reachable)?, "stage_id"));
        items.push(item(
            super::tags::furthest_id(journey, d, reachable)?,
            "furthest_milestone_id",
        ));
        items.push(item(furthest(reachable), "milestones_reached"));
        items.push(item(days_in_stage(journey, d, reachable), "days_in_stage"));
        items.push(item(
            case(
                vec![(
                    binary(qcol("pop", "ch"), BinaryOperator::LtEq, qcol("p", "cutoff")),
                    boolean(true),
                )],
                Some(boolean(false)),
            ),
            "churned",
        ));
        items.extend(measures);
        items.push(item(d.timestamp_of(qcol("p", "cutoff")), "as_of_end"));
    }
    let body = select(SelectParts {
        items,
        from: Some(cte_table("pop", "pop")),
        joins,
        ..SelectParts::default()
    });
    Ok(super::build::with(ctes, body))
}

/// Decimal days from entering the stage (reaching the last milestone of an earlier stage,
/// or the start) to the end of the as-of day, as `Assessment::days_in_stage`; none
/// without milestones.
fn days_in_stage(journey: &Journey, d: Dialect, reachable: usize) -> Expr {
    let milestones = milestone_refs(journey);
    let Some(last) = milestones.last() else {
        return cast(super::build::null(), d.double());
    };
    let mut when = Vec::new();
    for f in 0..=reachable {
        // Furthest f: working through milestone f's stage (the last's once all are).
        let stage = milestones.get(f).unwrap_or(last).stage_index;
        let entered = match (0..f).rev().find(|&k| milestones[k].stage_index < stage) {
            Some(k) => qcol(&format!("r{k}"), "at"),
            None => qcol("pop", "st"),
        };
        let days = divide(
            cast(
                minus(plus(qcol("p", "cutoff"), int(1)), entered),
                d.double(),
            ),
            decimal("86400.0"),
        );
        when.push((eq(furthest(reachable), int(f as i64)), days));
    }
    case(when, None)
}
