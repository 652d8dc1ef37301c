//! The assessment engine: where every customer is on a journey, the success funnel, and
//! (as they arrive) health, tasks and forecasts. Pure computation over a `Dataset` loaded
//! once from the workspace; no Tauri, no SQL in the hot path.

pub mod assess;
pub mod dataset;
pub mod forecast;
pub mod funnel;
pub mod health;
pub mod population;
pub mod scores;
pub mod tasks;

pub use assess::{Assessment, MilestoneRef, assess, cutoff_of_day};
pub use dataset::{Customer, Dataset};
pub use forecast::{Backtest, Forecast, backtest, forecast};
pub use funnel::{
    COHORT_DAYS, CohortRow, CustomerState, Funnel, FunnelStep, cohorts, customer_states, funnel,
};
pub use health::{Health, HealthState, health};
pub use population::{Filter, UnknownValue, month_range, population};
pub use scores::{Reader, ScoreChange, Scores, Stakeholder};
pub use tasks::{Priority, TaskItem, WeekLoad, dry_run, tasks, to_csv};

use serde::Serialize;
use ts_rs::TS;

/// Everything the Funnel view shows for one journey, as of one day, for one segment.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Analysis {
    pub funnel: Funnel,
    pub customers: Vec<CustomerState>,
    pub forecast_30: Forecast,
    pub forecast_90: Forecast,
    pub cohorts: Vec<CohortRow>,
    /// The segments in the data, for the filter.
    pub segments: Vec<String>,
    /// The day of the latest event (the default as-of), `YYYY-MM-DD`.
    pub latest: String,
}

/// Assesses and summarises a journey; None when the workspace has no events.
pub fn analyse(
    journey: &crate::journey::Journey,
    data: &Dataset,
    as_of: Option<i64>,
    filter: &Filter,
) -> Option<Analysis> {
    let latest = data.latest()?;
    let a = assess(journey, data, cutoff_of_day(as_of.unwrap_or(latest)));
    let segments = population::distinct(data, |c| &c.segment);
    Some(Analysis {
        funnel: funnel(&journey.name, data, &a, filter),
        customers: customer_states(journey, data, &a, filter),
        forecast_30: forecast(data, &a, filter, 30),
        forecast_90: forecast(data, &a, filter, 90),
        cohorts: cohorts(data, &a, filter),
        segments,
        latest: crate::data::values::format_date(latest),
    })
}

/// How many active customers are in a stage, and of those how many are green, grey or
/// red (all zero where the stage has no health rules).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StageHealthCount {
    pub stage: String,
    #[ts(type = "number")]
    pub customers: u64,
    #[ts(type = "number")]
    pub green: u64,
    #[ts(type = "number")]
    pub grey: u64,
    #[ts(type = "number")]
    pub red: u64,
}

/// A metric as measured over the active customers now in its stage.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricLive {
    pub metric: String,
    /// Customers in the stage with a value (an aggregate over no events has none for min,
    /// max and last).
    #[ts(type = "number")]
    pub measured: u64,
    pub median: Option<f64>,
    /// The share of them at or past the target (or, without one, the green threshold), in
    /// the metric's direction; null without either.
    pub on_target: Option<f64>,
}

/// The numbers the canvas shows live while a journey is edited.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LiveNumbers {
    pub funnel: Funnel,
    /// Per stage, its active customers (by colour where it has health rules).
    pub stages: Vec<StageHealthCount>,
    pub metrics: Vec<MetricLive>,
}

/// The funnel, the customers per stage and the metrics' values, as of the latest event's
/// day; None without events.
pub fn live(journey: &crate::journey::Journey, data: &Dataset) -> Option<LiveNumbers> {
    let latest = data.latest()?;
    let a = assess(journey, data, cutoff_of_day(latest));
    let all = Filter::default();
    let states = customer_states(journey, data, &a, &all);
    let active: Vec<(usize, &CustomerState)> = population(data, &a, &all)
        .into_iter()
        .zip(&states)
        .filter(|(_, s)| !s.churned)
        .collect();
    let stages = stage_counts(journey, &active);
    let metrics = journey
        .metrics
        .iter()
        .map(|m| {
            let mut values: Vec<f64> = active
                .iter()
                .filter(|(_, c)| c.stage.as_deref() == Some(m.stage.as_str()))
                .filter_map(|&(i, _)| health::metric_value(m, data, i, a.cutoff))
                .collect();
            values.sort_by(f64::total_cmp);
            let goal = m.target.or(m.thresholds.as_ref().map(|t| t.green));
            let on_target = goal.filter(|_| !values.is_empty()).map(|g| {
                let hit = values
                    .iter()
                    .filter(|&&v| match m.direction {
                        crate::journey::Direction::Higher => v >= g,
                        crate::journey::Direction::Lower => v <= g,
                    })
                    .count();
                hit as f64 / values.len() as f64
            });
            MetricLive {
                metric: m.id.clone(),
                measured: values.len() as u64,
                median: funnel::quantile(&values, 0.5),
                on_target,
            }
        })
        .collect();
    Some(LiveNumbers {
        funnel: funnel(&journey.name, data, &a, &all),
        stages,
        metrics,
    })
}

/// Per stage of `journey`, its active customers as of `a`'s cut-off, by health colour.
pub fn stage_health(
    journey: &crate::journey::Journey,
    data: &Dataset,
    a: &Assessment,
) -> Vec<StageHealthCount> {
    let all = Filter::default();
    let states = customer_states(journey, data, a, &all);
    let active: Vec<(usize, &CustomerState)> = population(data, a, &all)
        .into_iter()
        .zip(&states)
        .filter(|(_, s)| !s.churned)
        .collect();
    stage_counts(journey, &active)
}

fn stage_counts(
    journey: &crate::journey::Journey,
    active: &[(usize, &CustomerState)],
) -> Vec<StageHealthCount> {
    journey
        .stages
        .iter()
        .map(|s| {
            let here: Vec<&CustomerState> = active
                .iter()
                .map(|(_, c)| *c)
                .filter(|c| c.stage.as_deref() == Some(s.id.as_str()))
                .collect();
            let colour = |h: Health| {
                here.iter()
                    .filter(|c| c.health.as_ref().is_some_and(|x| x.colour == h))
                    .count() as u64
            };
            StageHealthCount {
                stage: s.id.clone(),
                customers: here.len() as u64,
                green: colour(Health::Green),
                grey: colour(Health::Grey),
                red: colour(Health::Red),
            }
        })
        .collect()
}
