//! The funnel as SQL (`--output funnel`): one row per milestone with the numbers of
//! `milepost funnel --json` — reached, conversions, median and 75th-percentile days from
//! the start and from the previous milestone (interpolated between ranks), churned and the
//! churn rate — over the reached times of `reached.rs`.

use sqlparser::ast::{BinaryOperator, Expr, Query};

use super::build::{
    Frame, On, SelectParts, and, binary, case, cast, col, count_all, cte_table, decimal, divide,
    eq, func, int, item, minus, number, percentile, qcol, select, window,
};
use super::dialect::Dialect;
use super::reached::{Chain, ctes, furthest, reached_joins};
use super::{Names, SqlError};
use crate::journey::Journey;

/// `a / b` as a share, none when b is 0 (a rate over nobody has no value).
fn share(d: Dialect, a: Expr, b: Expr) -> Expr {
    case(
        vec![(
            binary(b.clone(), BinaryOperator::Gt, int(0)),
            divide(cast(a, d.double()), cast(b, d.double())),
        )],
        None,
    )
}

/// Decimal days between two times in seconds, in floating point as the engine has them.
fn days(d: Dialect, from: Expr, to: Expr) -> Expr {
    divide(cast(minus(to, from), d.double()), decimal("86400.0"))
}

pub(crate) fn query(
    journey: &Journey,
    d: Dialect,
    n: &Names,
    as_of: Option<i64>,
) -> Result<Query, SqlError> {
    let Chain {
        mut ctes,
        reachable,
        ..
    } = ctes(journey, d, n, as_of)?;
    let at = |k: usize| format!("a{k}");
    // fu: every customer of the population with its reached times and furthest milestone.
    let mut items = vec![
        item(qcol("pop", "c"), "c"),
        item(qcol("pop", "st"), "st"),
        item(qcol("pop", "ch"), "ch"),
    ];
    for k in 0..reachable {
        items.push(item(qcol(&format!("r{k}"), "at"), &at(k)));
    }
    let joins = reached_joins(reachable);
    let furthest = furthest(reachable);
    items.push(item(furthest, "f"));
    ctes.push((
        "fu".to_owned(),
        select(SelectParts {
            items,
            from: Some(cte_table("pop", "pop")),
            joins,
            ..SelectParts::default()
        }),
    ));

    // The columns of `fu`, for BigQuery's percentiles (below).
    let mut fu_columns = vec!["c".to_owned(), "st".to_owned(), "ch".to_owned()];
    fu_columns.extend((0..reachable).map(at));
    fu_columns.push("f".to_owned());
    let mut rows = Vec::new();
    // Every milestone has its row; those after one without criteria are never reached.
    let milestones = crate::engine::assess::milestone_refs(journey);
    for (k, m) in milestones.iter().enumerate() {
        let reached_at = |k: usize| {
            if k < reachable {
                col(&at(k))
            } else {
                cast(super::build::null(), d.bigint())
            }
        };
        let before = if k == 0 { col("st") } else { reached_at(k - 1) };
        let from_start = days(d, col("st"), reached_at(k));
        let from_previous = days(d, before, reached_at(k));
        let here = eq(col("f"), int(k as i64 + 1));
        let churned_here = and(vec![
            here.clone(),
            binary(col("ch"), BinaryOperator::LtEq, qcol("p", "cutoff")),
        ]);
        // COUNT, not SUM: over no customers it is 0, not NULL.
        let sum_if = |cond: Expr| func("COUNT", vec![case(vec![(cond, int(1))], None)]);
        // BigQuery has PERCENTILE_CONT only as a window function: each row of `fu` gets
        // the percentile over all of them, and the milestone's row takes it (MAX of one
        // value; NULL over no rows, as the aggregate).
        let mut windows = Vec::new();
        let mut quantile = |q: f64, x: Expr| match percentile(d, q, x.clone()) {
            Some(aggregate) => aggregate,
            None => {
                let name = format!("q{}", windows.len());
                windows.push(item(
                    window(
                        "PERCENTILE_CONT",
                        vec![x, number(q)],
                        vec![],
                        vec![],
                        Frame::Partition,
                    ),
                    &name,
                ));
                func("MAX", vec![col(&name)])
            }
        };
        let quantiles = [
            quantile(0.5, from_start.clone()),
            quantile(0.75, from_start),
            quantile(0.5, from_previous.clone()),
            quantile(0.75, from_previous),
        ];
        let from = if windows.is_empty() {
            cte_table("fu", "fu")
        } else {
            let mut items: Vec<_> = fu_columns.iter().map(|c| item(col(c), c)).collect();
            items.extend(windows);
            super::build::derived(
                select(SelectParts {
                    items,
                    from: Some(cte_table("fu", "fu")),
                    ..SelectParts::default()
                }),
                "fu",
            )
        };
        let [median_start, p75_start, median_previous, p75_previous] = quantiles;
        rows.push(select(SelectParts {
            items: vec![
                item(d.text("milestone id", &m.id)?, "milestone_id"),
                item(int(k as i64 + 1), "position"),
                item(func("COUNT", vec![reached_at(k)]), "reached"),
                item(
                    if k == 0 {
                        count_all()
                    } else {
                        func("COUNT", vec![reached_at(k - 1)])
                    },
                    "previous",
                ),
                item(count_all(), "customers"),
                item(median_start, "median_days_from_start"),
                item(p75_start, "p75_days_from_start"),
                item(median_previous, "median_days_from_previous"),
                item(p75_previous, "p75_days_from_previous"),
                item(sum_if(churned_here), "churned"),
                item(sum_if(here), "furthest"),
            ],
            from: Some(from),
            joins: vec![(cte_table("p", "p"), On::Cross)],
            ..SelectParts::default()
        }));
    }
    if rows.is_empty() {
        return Err(SqlError::NoMilestones);
    }
    let body = super::build::union_all(rows);
    let x = |c: &str| qcol("x", c);
    let outer = select(SelectParts {
        items: vec![
            item(x("milestone_id"), "milestone_id"),
            item(x("position"), "position"),
            item(x("reached"), "reached"),
            item(
                share(d, x("reached"), x("previous")),
                "conversion_from_previous",
            ),
            item(
                share(d, x("reached"), x("customers")),
                "conversion_from_start",
            ),
            item(x("median_days_from_start"), "median_days_from_start"),
            item(x("p75_days_from_start"), "p75_days_from_start"),
            item(x("median_days_from_previous"), "median_days_from_previous"),
            item(x("p75_days_from_previous"), "p75_days_from_previous"),
            item(x("churned"), "churned"),
            item(share(d, x("churned"), x("furthest")), "churn_rate"),
            item(x("furthest"), "furthest"),
        ],
        from: Some(super::build::derived(body, "x")),
        ..SelectParts::default()
    });
    Ok(super::build::with(
        ctes,
        super::build::order_by(outer, "position"),
    ))
}
