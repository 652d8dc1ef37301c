//! The playbook's numbers, when the workspace has data: the funnel, health per stage, the
//! forecast, the matrices, the priority ranking and this week's tasks, as of one day, over
//! one population worked out once.

use std::collections::BTreeMap;

use super::model::*;
use crate::engine::{
    Dataset, Filter, Forecast, Reader, Scores, assess, cutoff_of_day, forecasts, funnel_of,
    population, stage_health, tasks,
};
use crate::format::{count, long_date, percent};
use crate::journey::words::trigger_words;
use crate::journey::{Journey, ScoreField};
use crate::matrix::{Level, place_core, priority, support_words};

pub(super) fn numbers(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    as_of: Option<&str>,
    currency: &crate::format::Currency,
) -> crate::Result<Option<Numbers>> {
    let Some(latest) = data.latest() else {
        return Ok(None);
    };
    let day = match as_of {
        Some(text) => crate::data::values::parse_timestamp(text, crate::data::DateOrder::Auto)
            .map_err(|e| crate::Error::InvalidOption(format!("as-of date \"{text}\": {e}")))?,
        None => latest,
    };
    let a = assess(journey, data, cutoff_of_day(day));
    // Every customer started by the as-of date: worked out once, for every table.
    let who = population(data, &a, &Filter::default());
    let f = funnel_of(&journey.name, data, &a, &who);
    let total = f.customers.max(1) as f64;
    let funnel_rows: Vec<FunnelRow> = f
        .milestones
        .iter()
        .map(|m| FunnelRow {
            id: m.id.clone(),
            name: m.name.clone(),
            stage: journey
                .stages
                .iter()
                .find(|s| s.id == m.stage)
                .map_or_else(|| m.stage.clone(), |s| s.name.clone()),
            reached: m.text.reached.clone(),
            share: m.reached as f64 / total,
            from_previous: m.text.conversion_from_previous.clone(),
            from_start: m.text.conversion_from_start.clone(),
            median_days_from_start: m.text.median_days_from_start.clone(),
            churned: m.text.churned.clone(),
            churn_rate: m.text.churn_rate.clone(),
        })
        .collect();
    let bottleneck = f.bottleneck.as_ref().and_then(|id| {
        f.milestones.iter().find(|m| &m.id == id).map(|m| {
            format!(
                "{}: {} of the customers who reached the milestone before it get there",
                m.name, m.text.conversion_from_previous
            )
        })
    });
    let health = stage_health(journey, data, &a)
        .into_iter()
        .zip(&journey.stages)
        .map(|(h, s)| {
            let n = h.customers.max(1) as f64;
            HealthCountRow {
                id: s.id.clone(),
                stage: s.name.clone(),
                customers: count(h.customers),
                green: count(h.green),
                grey: count(h.grey),
                red: count(h.red),
                shares: [h.green as f64 / n, h.grey as f64 / n, h.red as f64 / n],
                has_rules: s.health.is_some(),
            }
        })
        .collect();
    let [f30, f90] = <[Forecast; 2]>::try_from(forecasts(data, &a, &who, &[30, 90]))
        .expect("two horizons, two forecasts");
    let forecast_rows = f30
        .milestones
        .iter()
        .zip(&f90.milestones)
        .map(|(x, y)| ForecastRow {
            name: x.name.clone(),
            in_flight: count(x.in_flight),
            next_30: x.expected_text.clone(),
            next_90: y.expected_text.clone(),
        })
        .collect();

    let r = Reader::new(journey, data, scores, a.cutoff);
    let matrices = journey
        .matrices
        .iter()
        .map(|m| {
            let core = place_core(m, &r, &who, Level::Customer);
            let cell = |corner| {
                let q = m.quadrant(corner);
                QuadrantCell {
                    name: crate::matrix::quadrant_name(m, corner),
                    count: count(core.counts[crate::matrix::corner_index(corner)] as u64),
                    best: corner == m.best,
                    worst: corner == opposite(m.best),
                    support: q.and_then(|q| q.support).map(support_words),
                    rationale: q.and_then(|q| q.rationale.clone()),
                    activity: q.and_then(|q| q.activity.as_deref()).map(|id| {
                        journey
                            .activities
                            .iter()
                            .find(|a| a.id == id)
                            .map_or_else(|| id.to_owned(), |a| a.name.clone())
                    }),
                }
            };
            use crate::journey::Corner::*;
            MatrixRow {
                name: m.name.clone(),
                x: m.x.label.clone(),
                y: m.y.label.clone(),
                placed: count(core.points.len() as u64),
                not_placed: count(core.missing.len() as u64),
                quadrants: [TopLeft, TopRight, BottomLeft, BottomRight]
                    .into_iter()
                    .map(cell)
                    .collect(),
            }
        })
        .collect();

    let dims = [(ScoreField::Purpose, 1.0), (ScoreField::Intent, 1.0)];
    let ranking = priority::rank(&r, &who, &dims, 2.0, &journey.matrices, Some(PRIORITY_ROWS));
    let priority = PriorityTable {
        weights: "Purpose and intent weighed equally; decision makers count twice".to_owned(),
        ranked: count(u64::from(ranking.ranked)),
        unranked: count(u64::from(ranking.unranked)),
        rows: ranking
            .customers
            .iter()
            .filter(|c| c.rank.is_some())
            .map(|c| PriorityRow {
                rank: c.rank.map(|n| n.to_string()).unwrap_or_default(),
                name: c.name.clone().unwrap_or_else(|| c.customer_id.clone()),
                arr: c
                    .arr
                    .map_or_else(|| crate::format::NONE.to_owned(), |a| currency.money(a)),
                score: percent(c.score),
                support: c.support.map(support_words).unwrap_or("—").to_owned(),
                activity: c.activity.clone().unwrap_or_else(|| "—".to_owned()),
            })
            .collect(),
    };

    Ok(Some(Numbers {
        as_of: long_date(day),
        customers: count(f.customers),
        not_started: count(f.not_started),
        funnel_columns: {
            use crate::engine::funnel::column_name as col;
            vec![
                "Milestone",
                "Stage",
                col("reached"),
                col("conversion_from_previous"),
                col("conversion_from_start"),
                col("median_days_from_start"),
                col("churned"),
                col("churn_rate"),
            ]
        },
        funnel: funnel_rows,
        bottleneck,
        health,
        forecast: forecast_rows,
        matrices,
        priority,
        tasks: task_table(journey, data, scores, &a, day),
    }))
}

fn opposite(c: crate::journey::Corner) -> crate::journey::Corner {
    use crate::journey::Corner::*;
    match c {
        TopLeft => BottomRight,
        TopRight => BottomLeft,
        BottomLeft => TopRight,
        BottomRight => TopLeft,
    }
}

fn task_table(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &crate::engine::Assessment,
    day: i64,
) -> TaskTable {
    let week = tasks(journey, data, scores, a, &Filter::default(), 7);
    // One row per rule (a play with a trigger), in stage order, with this week's count.
    let mut per_play: BTreeMap<&str, u64> = BTreeMap::new();
    for t in &week {
        *per_play.entry(t.activity.as_str()).or_default() += 1;
    }
    let rules = journey
        .stages
        .iter()
        .flat_map(|s| journey.activities.iter().filter(move |x| x.stage == s.id))
        .filter(|x| {
            !matches!(x.trigger, None | Some(crate::journey::Trigger::Manual))
                || per_play.contains_key(x.id.as_str())
        })
        .map(|x| TaskRuleRow {
            play: x.name.clone(),
            stage: journey
                .stages
                .iter()
                .find(|s| s.id == x.stage)
                .map_or_else(String::new, |s| s.name.clone()),
            trigger: trigger_words(x.trigger.as_ref(), journey),
            role: x
                .role
                .as_deref()
                .and_then(|id| journey.roles.iter().find(|r| r.id == id))
                .map_or_else(|| "—".to_owned(), |r| r.name.clone()),
            tasks: count(per_play.get(x.id.as_str()).copied().unwrap_or(0)),
        })
        .collect();
    let mut per_role: BTreeMap<String, (u64, std::collections::BTreeSet<String>)> = BTreeMap::new();
    for t in &week {
        let e = per_role
            .entry(t.role.clone().unwrap_or_else(|| "No owner yet".to_owned()))
            .or_default();
        e.0 += 1;
        e.1.insert(t.owner.clone().unwrap_or_default());
    }
    let roles = per_role
        .into_iter()
        .map(|(role, (n, owners))| RoleLoadRow {
            role,
            tasks: count(n),
            owners: count(owners.len() as u64),
            per_owner: crate::format::number_to(n as f64 / owners.len().max(1) as f64, 0),
        })
        .collect();
    TaskTable {
        week: format!("{} – {}", long_date(day - 6 * 86_400), long_date(day)),
        total: count(week.len() as u64),
        rules,
        roles,
    }
}
