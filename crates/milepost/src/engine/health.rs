//! Health paths (seed 003): whether a customer in a stage is on the green (ideal), grey
//! (caution) or red (warning) path, from the stage's health rules — days in the stage
//! against its expected duration, and the thresholds of the metrics the rules name (the
//! worst colour wins) — with the playbook activity the journey names for that colour.

use serde::Serialize;
use ts_rs::TS;

use super::assess::{DAY, aggregate};
use super::dataset::Dataset;
use crate::journey::{Direction, Journey, Metric};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Health {
    Green,
    Grey,
    Red,
}

/// A customer's colour in its current stage, why, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct HealthState {
    pub colour: Health,
    /// Why, in words: `42 days in Onboard (expected 45)`, `Active days (30 d) 3 ≤ 3`.
    pub reasons: Vec<String>,
    /// The activity id the stage names for this colour, if any, and its name.
    pub action: Option<String>,
    pub action_name: Option<String>,
}

/// Where a metric's value falls against its thresholds: green at or past the green
/// threshold, red at or past the red one (in the metric's direction), grey between.
pub fn band(direction: Direction, t: &crate::journey::Thresholds, v: f64) -> Health {
    match direction {
        Direction::Higher if v >= t.green => Health::Green,
        Direction::Higher if v <= t.red => Health::Red,
        Direction::Lower if v <= t.green => Health::Green,
        Direction::Lower if v >= t.red => Health::Red,
        _ => Health::Grey,
    }
}

/// A metric's value for customer `c` as of `cutoff`: its aggregate over the customer's
/// events of its event name up to then (within its window, if it has one) — or what a
/// warehouse measured, for a data set without events.
pub fn metric_value(m: &Metric, data: &Dataset, c: usize, cutoff: i64) -> Option<f64> {
    if let Some(known) = &data.measures {
        return known.metric(&m.id, c, cutoff);
    }
    let name = data.name_id(&m.event);
    let from = m.window_days.map(|w| cutoff - i64::from(w) * DAY);
    let idx: Vec<usize> = data
        .events_of(c)
        .filter(|&i| {
            Some(data.name[i]) == name
                && data.at[i] <= cutoff
                && from.is_none_or(|f| data.at[i] > f)
        })
        .collect();
    aggregate(m.aggregate, &idx, &data.at, &data.value)
}

fn show(v: f64) -> String {
    crate::format::number_to(v, 2)
}

/// What a colour rests on, before it is put in words.
enum Finding<'j> {
    Days {
        days: f64,
        expected: u32,
    },
    Metric {
        metric: &'j Metric,
        value: Option<f64>,
    },
}

/// The one health rule: the colour of a customer in stage `stage`, `days` days after
/// entering it, as of `cutoff`, with what it rests on (the worst colour wins); its metrics'
/// values from `value`. None when the stage has no health rules, or when its metrics were
/// measured elsewhere as of another day (their values then are unknown, and a colour
/// without them would mislead: grey for "no data").
fn judge<'j>(
    journey: &'j Journey,
    data: &Dataset,
    stage: usize,
    days: Option<f64>,
    cutoff: i64,
    value: &dyn Fn(&Metric) -> Option<f64>,
) -> Option<(Health, Vec<Finding<'j>>)> {
    let s = journey.stages.get(stage)?;
    let rules = s.health.as_ref()?;
    if !rules.metrics.is_empty() && data.measures.as_ref().is_some_and(|m| m.cutoff != cutoff) {
        return None;
    }
    let mut colour = Health::Green;
    let mut findings = Vec::new();
    if let (Some(expected), Some(days)) = (s.expected_days, days) {
        let limit = |p: Option<u32>| p.map(|p| f64::from(expected) * f64::from(p) / 100.0);
        let c = match (
            limit(rules.grey_after_percent),
            limit(rules.red_after_percent),
        ) {
            (_, Some(red)) if days > red => Health::Red,
            (Some(grey), _) if days > grey => Health::Grey,
            _ => Health::Green,
        };
        colour = colour.max(c);
        findings.push(Finding::Days { days, expected });
    }
    for id in &rules.metrics {
        let Some(m) = journey.metrics.iter().find(|m| &m.id == id) else {
            continue;
        };
        let Some(t) = &m.thresholds else { continue };
        let v = value(m);
        colour = colour.max(v.map_or(Health::Grey, |v| band(m.direction, t, v)));
        findings.push(Finding::Metric {
            metric: m,
            value: v,
        });
    }
    Some((colour, findings))
}

/// The colour alone of customer `c`'s health (see `health`), its metrics' values from
/// `value`: what counting a stage's customers by colour needs, without the words.
pub fn colour(
    journey: &Journey,
    data: &Dataset,
    stage: usize,
    days: Option<f64>,
    cutoff: i64,
    value: &dyn Fn(&Metric) -> Option<f64>,
) -> Option<Health> {
    judge(journey, data, stage, days, cutoff, value).map(|(colour, _)| colour)
}

/// The health of customer `c` in stage `stage`, `days` days after entering it, as of
/// `cutoff`. None when the stage has no health rules.
pub fn health(
    journey: &Journey,
    data: &Dataset,
    c: usize,
    stage: usize,
    days: Option<f64>,
    cutoff: i64,
) -> Option<HealthState> {
    let s = journey.stages.get(stage)?;
    let rules = s.health.as_ref()?;
    let (colour, findings) = judge(journey, data, stage, days, cutoff, &|m| {
        metric_value(m, data, c, cutoff)
    })?;
    // To the tenth, as the limits are said ("> 67.5 d"): a customer red at 67.9 days does
    // not read "67 days".
    let reasons = findings
        .into_iter()
        .map(|f| match f {
            Finding::Days { days, expected } => format!(
                "{} in {} (expected {expected})",
                crate::format::amount(days, Some("day")),
                s.name
            ),
            Finding::Metric {
                metric,
                value: Some(v),
            } => format!("{} {}", metric.name, show(v)),
            Finding::Metric {
                metric,
                value: None,
            } => format!("{}: no data", metric.name),
        })
        .collect();
    let action = match colour {
        Health::Green => &rules.green_action,
        Health::Grey => &rules.grey_action,
        Health::Red => &rules.red_action,
    }
    .clone();
    let action_name = action.as_ref().and_then(|id| {
        journey
            .activities
            .iter()
            .find(|a| &a.id == id)
            .map(|a| a.name.clone())
    });
    Some(HealthState {
        colour,
        reasons,
        action,
        action_name,
    })
}
