//! The assessment engine: where every customer is on a journey, the success funnel, and
//! (as they arrive) health, tasks and forecasts. Pure computation over a `Dataset` loaded
//! once from the workspace; no Tauri, no SQL in the hot path.

pub mod assess;
pub mod dataset;
pub mod forecast;
pub mod funnel;
pub mod health;
mod memo;
pub mod population;
pub mod scores;
pub mod tasks;

pub use assess::{Assessment, MilestoneRef, OwnTimes, assess, assess_cached, cutoff_of_day};
pub use dataset::{Customer, Dataset, Measures};
pub use forecast::{Backtest, Forecast, backtest, forecast, forecasts};
pub use funnel::{
    COHORT_DAYS, CohortRow, CustomerState, Funnel, FunnelStep, cohorts, cohorts_of,
    customer_states, customer_states_of, funnel, funnel_of, quantile,
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

/// The day a computation is as of when none is asked: that of the latest event or, in a
/// workspace with customers and stakeholders but no usage events yet (a stakeholder
/// workshop, seed 004), today.
pub fn default_day(data: &Dataset) -> i64 {
    data.latest().unwrap_or_else(crate::now)
}

/// What a computation from stakeholder scores cannot show without usage events, in words;
/// None when the workspace has events.
pub fn without_events(data: &Dataset, day: i64) -> Option<String> {
    data.latest().is_none().then(|| {
        format!(
            "No usage events yet: shown as of {} from the stakeholders' scores; an axis measured from usage (a metric) cannot place anyone, and customers without a start date are not counted.",
            crate::format::date(day)
        )
    })
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
    // The population once, handed to each view of it; both forecasts in one walk.
    let who = population(data, &a, filter);
    let [forecast_30, forecast_90] =
        <[Forecast; 2]>::try_from(forecasts(data, &a, &who, &[30, 90]))
            .expect("two horizons, two forecasts");
    Some(Analysis {
        funnel: funnel_of(&journey.name, data, &a, &who),
        customers: customer_states_of(journey, data, &a, &who),
        forecast_30,
        forecast_90,
        cohorts: cohorts_of(data, &a, &who),
        segments,
        latest: crate::format::date(latest),
    })
}

/// How many of `items` independent items each thread takes when they are split across
/// the cores: at least 256 a thread, so a small job stays on one.
pub fn per_thread(items: usize) -> usize {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.div_ceil(256).max(1));
    items.div_ceil(threads).max(1)
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

/// A metric card's live numbers, saying whose they are. The customers now in a stage
/// have, by definition, not yet done what the stage's milestones ask, so a target share
/// over them alone would read red by construction; the card shows instead how they spread
/// over the thresholds, and how many of those already past the stage are on target.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricLive {
    pub metric: String,
    /// Active customers now in the metric's stage, and of them those with a value (an
    /// aggregate over no events has none for min, max and last).
    #[ts(type = "number")]
    pub in_stage: u64,
    #[ts(type = "number")]
    pub measured: u64,
    pub median: Option<f64>,
    /// Of the measured customers in the stage: green, grey and red against the metric's
    /// thresholds; None without thresholds.
    #[ts(type = "[number, number, number] | null")]
    pub bands: Option<[u64; 3]>,
    /// Active customers past the stage (in a later one) with a value, and the share of
    /// them at or past the target (or the green threshold); None without either.
    #[ts(type = "number")]
    pub past: u64,
    pub past_on_target: Option<f64>,
    /// The card's lines: "Of the 160 customers in Onboard: median 0.4",
    /// "Of the 1,540 past Onboard: 88.2% on target".
    pub now_words: String,
    pub past_words: Option<String>,
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
    let cutoff = cutoff_of_day(latest);
    let a = assess(journey, data, cutoff);
    let value = |m: &crate::journey::Metric, c: usize| health::metric_value(m, data, c, cutoff);
    Some(live_of(journey, data, &a, &value))
}

/// What the live numbers keep between edits of one data set: each milestone's own times
/// and each metric's value per customer. While a criterion is typed, only its milestone is
/// assessed again; the metrics (which no criterion changes) are not measured again.
#[derive(Debug, Default)]
pub struct LiveCache {
    pub own_times: OwnTimes,
    metric_values: memo::Memo<Vec<Option<f64>>>,
}

/// `live`, with what does not change kept in `cache` (one per data set).
pub fn live_cached(
    journey: &crate::journey::Journey,
    data: &Dataset,
    cache: &LiveCache,
) -> Option<LiveNumbers> {
    let latest = data.latest()?;
    let cutoff = cutoff_of_day(latest);
    let a = assess_cached(journey, data, cutoff, &cache.own_times);
    let values: std::collections::HashMap<&str, std::sync::Arc<Vec<Option<f64>>>> = journey
        .metrics
        .iter()
        .map(|m| {
            let all = cache.metric_values.get(format!("{m:?}"), cutoff, || {
                (0..data.customers.len())
                    .map(|c| health::metric_value(m, data, c, cutoff))
                    .collect()
            });
            (m.id.as_str(), all)
        })
        .collect();
    let value = |m: &crate::journey::Metric, c: usize| match values.get(m.id.as_str()) {
        Some(all) => all[c],
        None => health::metric_value(m, data, c, cutoff),
    };
    Some(live_of(journey, data, &a, &value))
}

/// An active customer (started by the cut-off, not churned) as the live numbers count it.
struct Active {
    customer: usize,
    stage: Option<usize>,
    colour: Option<Health>,
}

/// The active customers as of `a`'s cut-off: their stage and health colour, the metrics'
/// values from `value`.
fn active(
    journey: &crate::journey::Journey,
    data: &Dataset,
    a: &Assessment,
    value: &dyn Fn(&crate::journey::Metric, usize) -> Option<f64>,
) -> Vec<Active> {
    population(data, a, &Filter::default())
        .into_iter()
        .filter(|&c| data.customers[c].churn.is_none_or(|t| t > a.cutoff))
        .map(|c| {
            let stage = a.stage_at(c, a.cutoff);
            let colour = stage.and_then(|s| {
                let days = a.health_days(data.customers[c].start, c, s, a.cutoff);
                health::colour(journey, data, s, days, a.cutoff, &|m| value(m, c))
            });
            Active {
                customer: c,
                stage,
                colour,
            }
        })
        .collect()
}

fn live_of(
    journey: &crate::journey::Journey,
    data: &Dataset,
    a: &Assessment,
    value: &dyn Fn(&crate::journey::Metric, usize) -> Option<f64>,
) -> LiveNumbers {
    let active = active(journey, data, a, value);
    LiveNumbers {
        funnel: funnel(&journey.name, data, a, &Filter::default()),
        stages: stage_counts(journey, &active),
        metrics: journey
            .metrics
            .iter()
            .map(|m| metric_live(journey, m, &active, &|c| value(m, c)))
            .collect(),
    }
}

/// A metric card's numbers over the active customers in its stage and past it.
fn metric_live(
    journey: &crate::journey::Journey,
    m: &crate::journey::Metric,
    active: &[Active],
    value: &dyn Fn(usize) -> Option<f64>,
) -> MetricLive {
    use crate::format::{count, number, percent};
    let here = journey.stages.iter().position(|s| s.id == m.stage);
    let stage_name = here.map_or(m.stage.as_str(), |i| journey.stages[i].name.as_str());
    let (mut in_stage, mut values, mut past) = (0u64, Vec::new(), Vec::new());
    for c in active {
        if c.stage.is_none() || here.is_none() {
            continue;
        }
        if c.stage == here {
            in_stage += 1;
            values.extend(value(c.customer));
        } else if c.stage > here {
            past.extend(value(c.customer));
        }
    }
    values.sort_by(f64::total_cmp);
    let goal = m.target.or(m.thresholds.as_ref().map(|t| t.green));
    let on_target = |v: f64, g: f64| match m.direction {
        crate::journey::Direction::Higher => v >= g,
        crate::journey::Direction::Lower => v <= g,
    };
    let past_on_target = goal
        .filter(|_| !past.is_empty())
        .map(|g| past.iter().filter(|&&v| on_target(v, g)).count() as f64 / past.len() as f64);
    let bands = m.thresholds.as_ref().map(|t| {
        let mut b = [0u64; 3];
        for &v in &values {
            b[health::band(m.direction, t, v) as usize] += 1;
        }
        b
    });
    let median = funnel::quantile(&values, 0.5);
    let who = format!(
        "Of the {} in {stage_name}",
        crate::format::counted(in_stage, "customer")
    );
    let now_words = match (median, bands) {
        _ if in_stage == 0 => format!("No active customer in {stage_name} now"),
        (None, _) => format!("{who}: none measured yet"),
        (Some(md), Some([g, y, r])) => format!(
            "{who}: median {} · {} green, {} grey, {} red",
            number(md),
            count(g),
            count(y),
            count(r)
        ),
        (Some(md), None) => format!("{who}: median {}", number(md)),
    };
    let past_words = past_on_target.map(|share| {
        format!(
            "Of the {} past {stage_name}: {} on target",
            count(past.len() as u64),
            percent(Some(share))
        )
    });
    MetricLive {
        metric: m.id.clone(),
        in_stage,
        measured: values.len() as u64,
        median,
        bands,
        past: past.len() as u64,
        past_on_target,
        now_words,
        past_words,
    }
}

/// Per stage of `journey`, its active customers as of `a`'s cut-off, by health colour.
pub fn stage_health(
    journey: &crate::journey::Journey,
    data: &Dataset,
    a: &Assessment,
) -> Vec<StageHealthCount> {
    let value = |m: &crate::journey::Metric, c: usize| health::metric_value(m, data, c, a.cutoff);
    stage_counts(journey, &active(journey, data, a, &value))
}

fn stage_counts(journey: &crate::journey::Journey, active: &[Active]) -> Vec<StageHealthCount> {
    journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let here: Vec<&Active> = active.iter().filter(|c| c.stage == Some(i)).collect();
            let colour = |h: Health| here.iter().filter(|c| c.colour == Some(h)).count() as u64;
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
