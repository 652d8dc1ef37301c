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
