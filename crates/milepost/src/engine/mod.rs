//! The assessment engine: where every customer is on a journey, the success funnel, and
//! (as they arrive) health, tasks and forecasts. Pure computation over a `Dataset` loaded
//! once from the workspace; no Tauri, no SQL in the hot path.

pub mod assess;
pub mod dataset;
pub mod forecast;
pub mod funnel;
pub mod health;
pub mod tasks;

pub use assess::{Assessment, MilestoneRef, assess, cutoff_of_day};
pub use dataset::{Customer, Dataset};
pub use forecast::{Backtest, Forecast, backtest, forecast};
pub use funnel::{
    COHORT_DAYS, CohortRow, CustomerState, Filter, Funnel, FunnelStep, cohorts, customer_states,
    funnel,
};
pub use health::{Health, HealthState, health};
pub use tasks::{Priority, TaskItem, WeekLoad, dry_run, tasks};

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
    let mut segments: Vec<String> = data
        .customers
        .iter()
        .filter_map(|c| c.segment.clone())
        .collect();
    segments.sort();
    segments.dedup();
    Some(Analysis {
        funnel: funnel(&journey.name, data, &a, filter),
        customers: customer_states(journey, data, &a, filter),
        forecast_30: forecast(data, &a, 30),
        forecast_90: forecast(data, &a, 90),
        cohorts: cohorts(data, &a, filter),
        segments,
        latest: crate::data::values::format_date(latest),
    })
}
