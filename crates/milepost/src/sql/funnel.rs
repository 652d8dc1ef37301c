//! The funnel as SQL (`--output funnel`): one row per milestone with the numbers of
//! `milepost funnel --json` — reached, conversions, median and 75th-percentile days from
//! the start and from the previous milestone (interpolated between ranks), churned and the
//! churn rate — over the reached times of `reached.rs`.

use sqlparser::ast::{BinaryOperator, Expr, Query};

use super::build::{
    On, SelectParts, and, binary, case, cast, col, count_all, cte_table, decimal, divide, eq, func,
    int, item, minus, percentile, qcol, select,
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

    let quantile = |q: f64, x: Expr| {
        percentile(d, q, x).ok_or(SqlError::NotWritten {
            output: "funnel",
            dialect: d.title(),
        })
    };
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
                item(quantile(0.5, from_start.clone())?, "median_days_from_start"),
                item(quantile(0.75, from_start)?, "p75_days_from_start"),
                item(
                    quantile(0.5, from_previous.clone())?,
                    "median_days_from_previous",
                ),
                item(quantile(0.75, from_previous)?, "p75_days_from_previous"),
                item(sum_if(churned_here), "churned"),
                item(sum_if(here), "furthest"),
            ],
            from: Some(cte_table("fu", "fu")),
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
