//! The daily CRM sync (`--output tags`): per customer of the population, as of the day, the
//! stage it is in, its furthest milestone, the milestones it has reached as tags, and
//! those it reached on the day itself — what a reverse-ETL tool writes to the CRM each
//! morning (seed 002: "every morning … assesses which customers have completed the
//! checklist, then tags those customers").
//!
//! Reached times never decrease along the sequence, so the milestones reached form a
//! prefix of it and those reached on the day a suffix of that: the lists are built
//! without aggregation, a comma before each one that follows another in the list.

use sqlparser::ast::{BinaryOperator, Expr, Query};

use super::build::{
    On, SelectParts, and, binary, case, cast, cte_table, eq, func, int, is_not_null, item, minus,
    qcol, select, string,
};
use super::dialect::Dialect;
use super::reached::{Chain, ctes, reached_joins};
use super::{Names, SqlError};
use crate::engine::assess::{DAY, milestone_refs};
use crate::journey::Journey;

pub(crate) fn query(
    journey: &Journey,
    d: Dialect,
    n: &Names,
    as_of: Option<i64>,
) -> Result<Query, SqlError> {
    let Chain {
        ctes, reachable, ..
    } = ctes(journey, d, n, as_of)?;
    let milestones = milestone_refs(journey);
    let reached = |k: usize| is_not_null(qcol(&format!("r{k}"), "at"));
    // On the as-of day: after the last second of the day before.
    let today = |k: usize| {
        and(vec![
            reached(k),
            binary(
                qcol(&format!("r{k}"), "at"),
                BinaryOperator::Gt,
                minus(qcol("p", "cutoff"), int(DAY)),
            ),
        ])
    };
    let text = |s: &str, what: &str| d.text(what, s);
    let empty = || string("");

    let stage = stage(journey, d, reachable)?;
    let furthest = furthest_id(journey, d, reachable)?;
    let count = super::reached::furthest(reachable);

    // The lists: "a,b,c" of the milestones reached, and of those reached on the day.
    let list = |on: &dyn Fn(usize) -> Expr| -> Result<Expr, SqlError> {
        let mut parts = Vec::new();
        for (k, m) in milestones.iter().enumerate().take(reachable) {
            let id = text(&m.id, "milestone id")?;
            let item = if k == 0 {
                id
            } else {
                func(
                    "CONCAT",
                    vec![case(vec![(on(k - 1), string(","))], Some(empty())), id],
                )
            };
            parts.push(case(vec![(on(k), item)], Some(empty())));
        }
        Ok(match parts.len() {
            0 => empty(),
            1 => parts.remove(0),
            _ => func("CONCAT", parts),
        })
    };
    let tags = list(&reached)?;
    let new_today = list(&today)?;

    let mut joins = vec![(cte_table("p", "p"), On::Cross)];
    joins.extend(reached_joins(reachable));
    let body = select(SelectParts {
        items: vec![
            item(qcol("pop", "c"), "customer_id"),
            item(stage, "stage_id"),
            item(furthest, "furthest_milestone_id"),
            item(count, "milestones_reached"),
            item(tags, "milestone_tags"),
            item(new_today, "reached_on_the_day"),
            item(d.timestamp_of(qcol("p", "cutoff")), "as_of_end"),
        ],
        from: Some(cte_table("pop", "pop")),
        joins,
        ..SelectParts::default()
    });
    Ok(super::build::with(ctes, body))
}

/// The stage of a customer beside its `r{k}` (`reached_joins`): that of the first
/// milestone not reached, the last milestone's once all are; without milestones, none.
pub(crate) fn stage(journey: &Journey, d: Dialect, reachable: usize) -> Result<Expr, SqlError> {
    let milestones = milestone_refs(journey);
    let mut stage_when = Vec::new();
    for (k, m) in milestones.iter().enumerate() {
        let stage = &journey.stages[m.stage_index].id;
        let not_yet = if k < reachable {
            super::build::is_null(qcol(&format!("r{k}"), "at"))
        } else {
            eq(int(1), int(1))
        };
        stage_when.push((not_yet, d.text("stage id", stage)?));
    }
    Ok(match milestones.last() {
        Some(last) => case(
            stage_when,
            Some(d.text("stage id", &journey.stages[last.stage_index].id)?),
        ),
        None => cast(super::build::null(), d.text_type()),
    })
}

/// The id of the furthest milestone a customer beside its `r{k}` reached; none for none.
pub(crate) fn furthest_id(
    journey: &Journey,
    d: Dialect,
    reachable: usize,
) -> Result<Expr, SqlError> {
    let milestones = milestone_refs(journey);
    let mut furthest_when = Vec::new();
    for k in (0..reachable).rev() {
        furthest_when.push((
            is_not_null(qcol(&format!("r{k}"), "at")),
            d.text("milestone id", &milestones[k].id)?,
        ));
    }
    Ok(if furthest_when.is_empty() {
        cast(super::build::null(), d.text_type())
    } else {
        case(furthest_when, None)
    })
}
