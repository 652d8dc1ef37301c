//! The assessment engine: where every customer is on a journey, the success funnel, and
//! (as they arrive) health, tasks and forecasts. Pure computation over a `Dataset` loaded
//! once from the workspace; no Tauri, no SQL in the hot path.

pub mod assess;
pub mod dataset;
pub mod forecast;
pub mod funnel;
pub mod health;
pub mod population;
pub mod tasks;

pub use assess::{Assessment, MilestoneRef, assess, cutoff_of_day};
pub use dataset::{Customer, Dataset};
pub use forecast::{Backtest, Forecast, backtest, forecast};
pub use funnel::{
    COHORT_DAYS, CohortRow, CustomerState, Funnel, FunnelStep, cohorts, customer_states, funnel,
};
pub use health::{Health, HealthState, health};
pub use population::{Filter, UnknownValue, month_range, population};
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

/// How many active customers are green, grey or red in a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StageHealthCount {
    pub stage: String,
    #[ts(type = "number")]
    pub green: u64,
    #[ts(type = "number")]
    pub grey: u64,
    #[ts(type = "number")]
    pub red: u64,
}

/// The numbers the canvas shows live while a journey is edited.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct LiveNumbers {
    pub funnel: Funnel,
    /// Per stage with health rules, its customers by colour.
    pub stages: Vec<StageHealthCount>,
}

/// The funnel and the health counts per stage, as of the latest event's day; None
/// without events.
pub fn live(journey: &crate::journey::Journey, data: &Dataset) -> Option<LiveNumbers> {
    let latest = data.latest()?;
    let a = assess(journey, data, cutoff_of_day(latest));
    let all = Filter::default();
    let states = customer_states(journey, data, &a, &all);
    let stages = journey
        .stages
        .iter()
        .filter(|s| s.health.is_some())
        .map(|s| {
            let here = || {
                states
                    .iter()
                    .filter(|c| c.stage.as_deref() == Some(s.id.as_str()))
                    .filter_map(|c| c.health.as_ref().map(|h| h.colour))
            };
            StageHealthCount {
                stage: s.id.clone(),
                green: here().filter(|c| *c == Health::Green).count() as u64,
                grey: here().filter(|c| *c == Health::Grey).count() as u64,
                red: here().filter(|c| *c == Health::Red).count() as u64,
            }
        })
        .collect();
    Some(LiveNumbers {
        funnel: funnel(&journey.name, data, &a, &all),
        stages,
    })
}
