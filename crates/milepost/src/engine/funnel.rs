//! The success funnel: per milestone how many customers reached it, conversion from the
//! previous milestone and from the start, how long it took (median and 75th percentile,
//! in decimal days), churn by furthest milestone, and the bottleneck.

use serde::Serialize;
use ts_rs::TS;

use super::assess::{Assessment, DAY};
use super::dataset::Dataset;
use super::population::{Filter, population};
use crate::format::{self, date as format_date};

/// One row of the funnel. Rates are fractions; days are decimal days. Rates and days are
/// null where nobody is there to measure.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FunnelStep {
    pub id: String,
    pub name: String,
    pub stage: String,
    #[ts(type = "number")]
    pub reached: u64,
    pub conversion_from_previous: Option<f64>,
    pub conversion_from_start: Option<f64>,
    pub median_days_from_start: Option<f64>,
    pub p75_days_from_start: Option<f64>,
    #[ts(type = "number")]
    pub churned: u64,
    pub churn_rate: Option<f64>,
    pub median_days_from_previous: Option<f64>,
    pub p75_days_from_previous: Option<f64>,
    /// Customers whose furthest milestone is this one.
    #[ts(type = "number")]
    pub furthest: u64,
    /// The numbers as people read them, the same in the app, the CLI and the PDF.
    pub text: StepText,
}

/// A funnel row's numbers as text (`crate::format`): counts grouped, shares with one
/// decimal, days with one decimal, "—" where there is nothing to measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepText {
    pub reached: String,
    pub conversion_from_previous: String,
    pub conversion_from_start: String,
    pub median_days_from_start: String,
    pub p75_days_from_start: String,
    pub median_days_from_previous: String,
    pub churned: String,
    pub churn_rate: String,
}

/// The name of funnel column `key` ("median_days_from_start" → "Median days from start").
pub fn column_name(key: &str) -> &'static str {
    format::FUNNEL_COLUMNS
        .iter()
        .find(|c| c.0 == key)
        .map(|c| c.1)
        .expect("every funnel column has a name")
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Funnel {
    pub journey: String,
    /// `YYYY-MM-DD`, included whole.
    pub as_of: String,
    #[ts(type = "number")]
    pub customers: u64,
    pub milestones: Vec<FunnelStep>,
    /// Customers who reached no milestone, and of those, how many churned.
    #[ts(type = "number")]
    pub not_started: u64,
    #[ts(type = "number")]
    pub not_started_churned: u64,
    /// The milestone with the lowest conversion from the previous one (earliest on ties).
    pub bottleneck: Option<String>,
}

/// The q-quantile with linear interpolation between closest ranks (q = 0.5 is the median,
/// the mean of the middle two for an even count). `xs` must be sorted.
pub fn quantile(xs: &[f64], q: f64) -> Option<f64> {
    if xs.is_empty() {
        return None;
    }
    let pos = q * (xs.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    Some(xs[lo] + (xs[hi] - xs[lo]) * (pos - lo as f64))
}

fn ratio(a: u64, b: u64) -> Option<f64> {
    (b > 0).then(|| a as f64 / b as f64)
}

/// Builds the funnel of an assessment over its population: the customers started by the
/// as-of date that the filter admits.
pub fn funnel(journey: &str, data: &Dataset, a: &Assessment, filter: &Filter) -> Funnel {
    funnel_of(journey, data, a, &population(data, a, filter))
}

/// The funnel of customers `who` (a population, in customer order).
pub fn funnel_of(journey: &str, data: &Dataset, a: &Assessment, who: &[usize]) -> Funnel {
    let n = a.milestones.len();
    let churned = |c: usize| data.customers[c].churn.is_some_and(|t| t <= a.cutoff);
    let mut steps = Vec::with_capacity(n);
    let mut previous_reached = who.len() as u64;
    for k in 0..n {
        let mut from_start = Vec::new();
        let mut from_previous = Vec::new();
        let mut reached = 0u64;
        for &c in who {
            let Some(t) = a.reached_at(c, k) else {
                continue;
            };
            reached += 1;
            let start = data.customers[c].start;
            if let Some(s) = start {
                from_start.push((t - s) as f64 / DAY as f64);
            }
            let before = if k == 0 {
                start
            } else {
                a.reached_at(c, k - 1)
            };
            if let Some(b) = before {
                from_previous.push((t - b) as f64 / DAY as f64);
            }
        }
        for xs in [&mut from_start, &mut from_previous] {
            xs.sort_by(f64::total_cmp);
        }
        let at_k: Vec<usize> = who
            .iter()
            .copied()
            .filter(|&c| a.furthest[c] == k + 1)
            .collect();
        let churned_k = at_k.iter().filter(|&&c| churned(c)).count() as u64;
        let m = &a.milestones[k];
        let median_from_start = quantile(&from_start, 0.5);
        let p75_from_start = quantile(&from_start, 0.75);
        let median_from_previous = quantile(&from_previous, 0.5);
        let text = StepText {
            reached: format::count(reached),
            conversion_from_previous: format::share(reached, previous_reached),
            conversion_from_start: format::share(reached, who.len() as u64),
            median_days_from_start: format::days(median_from_start),
            p75_days_from_start: format::days(p75_from_start),
            median_days_from_previous: format::days(median_from_previous),
            churned: format::count(churned_k),
            churn_rate: format::share(churned_k, at_k.len() as u64),
        };
        steps.push(FunnelStep {
            id: m.id.clone(),
            name: m.name.clone(),
            stage: m.stage.clone(),
            reached,
            conversion_from_previous: ratio(reached, previous_reached),
            conversion_from_start: ratio(reached, who.len() as u64),
            median_days_from_start: median_from_start,
            p75_days_from_start: p75_from_start,
            churned: churned_k,
            churn_rate: ratio(churned_k, at_k.len() as u64),
            median_days_from_previous: median_from_previous,
            p75_days_from_previous: quantile(&from_previous, 0.75),
            furthest: at_k.len() as u64,
            text,
        });
        previous_reached = reached;
    }
    let bottleneck = steps
        .iter()
        .filter_map(|s| s.conversion_from_previous.map(|c| (c, &s.id)))
        .fold(None::<(f64, &String)>, |best, (c, id)| match best {
            Some((b, _)) if b <= c => best,
            _ => Some((c, id)),
        })
        .map(|(_, id)| id.clone());
    let not_started: Vec<usize> = who
        .iter()
        .copied()
        .filter(|&c| a.furthest[c] == 0)
        .collect();
    Funnel {
        journey: journey.to_owned(),
        as_of: format_date(a.cutoff),
        customers: who.len() as u64,
        milestones: steps,
        not_started: not_started.len() as u64,
        not_started_churned: not_started.iter().filter(|&&c| churned(c)).count() as u64,
        bottleneck,
    }
}

/// Where one customer is on the journey.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerState {
    pub id: String,
    pub name: Option<String>,
    /// The id of the furthest milestone reached, and its name; null when none.
    pub furthest: Option<String>,
    pub furthest_name: Option<String>,
    /// Milestone id → when it was reached (`YYYY-MM-DDTHH:MM:SSZ`), in funnel order.
    #[ts(type = "Record<string, string>")]
    pub reached: serde_json::Map<String, serde_json::Value>,
    /// The stage the customer is working through: that of its next milestone (the last
    /// stage once every milestone is reached).
    pub stage: Option<String>,
    pub stage_name: Option<String>,
    /// Decimal days from entering that stage (reaching the previous stage's last
    /// milestone, or the start date) to the end of the as-of day.
    pub days_in_stage: Option<f64>,
    /// The days in the stage as people read them ("9.4"; "—" without a stage).
    pub days_in_stage_text: String,
    pub churned: bool,
    /// Green, grey or red in the current stage (none without health rules, or churned),
    /// why, and the activity the journey names for it.
    pub health: Option<super::health::HealthState>,
}

/// The state of every customer of the population, in customer order.
pub fn customer_states(
    journey: &crate::journey::Journey,
    data: &Dataset,
    a: &Assessment,
    filter: &Filter,
) -> Vec<CustomerState> {
    customer_states_of(journey, data, a, &population(data, a, filter))
}

/// The state of each of customers `who` (a population), in its order.
pub fn customer_states_of(
    journey: &crate::journey::Journey,
    data: &Dataset,
    a: &Assessment,
    who: &[usize],
) -> Vec<CustomerState> {
    let n = a.milestones.len();
    who.iter()
        .map(|&c| {
            let cust = &data.customers[c];
            let k = a.furthest[c];
            let stage_index = a.stage_at(c, a.cutoff);
            let churned = cust.churn.is_some_and(|t| t <= a.cutoff);
            let days_in_stage = stage_index.and_then(|s| a.days_in_stage(cust.start, c, s));
            CustomerState {
                health: stage_index.filter(|_| !churned).and_then(|s| {
                    let days = a.health_days(cust.start, c, s, a.cutoff);
                    super::health::health(journey, data, c, s, days, a.cutoff)
                }),
                id: cust.id.clone(),
                name: cust.name.clone(),
                furthest: (k > 0).then(|| a.milestones[k - 1].id.clone()),
                furthest_name: (k > 0).then(|| a.milestones[k - 1].name.clone()),
                reached: (0..n)
                    .filter_map(|i| {
                        a.reached_at(c, i).map(|t| {
                            (
                                a.milestones[i].id.clone(),
                                crate::format::timestamp(t).into(),
                            )
                        })
                    })
                    .collect(),
                stage: stage_index.map(|s| journey.stages[s].id.clone()),
                stage_name: stage_index.map(|s| journey.stages[s].name.clone()),
                days_in_stage,
                days_in_stage_text: format::days(days_in_stage),
                churned,
            }
        })
        .collect()
}

/// Days after the start date the cohort table looks at.
pub const COHORT_DAYS: [i64; 4] = [30, 60, 90, 180];

/// One monthly start cohort: of the customers who started that month, the share that
/// reached each milestone within 30, 60, 90 and 180 days of their start.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CohortRow {
    /// `YYYY-MM`
    pub month: String,
    #[ts(type = "number")]
    pub customers: u64,
    /// `share[k][h]`: milestone k, horizon `COHORT_DAYS[h]`; a fraction.
    pub share: Vec<Vec<f64>>,
    /// Per horizon: every customer of the cohort has had that long before the as-of date
    /// (otherwise the share can still grow).
    pub complete: Vec<bool>,
}

/// The cohort table, oldest month first.
pub fn cohorts(data: &Dataset, a: &Assessment, filter: &Filter) -> Vec<CohortRow> {
    cohorts_of(data, a, &population(data, a, filter))
}

/// The cohort table of customers `who` (a population), oldest month first.
pub fn cohorts_of(data: &Dataset, a: &Assessment, who: &[usize]) -> Vec<CohortRow> {
    use std::collections::BTreeMap;
    let n = a.milestones.len();
    let mut months: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for &c in who {
        if let Some(s) = data.customers[c].start {
            months
                .entry(format_date(s)[..7].to_owned())
                .or_default()
                .push(c);
        }
    }
    months
        .into_iter()
        .map(|(month, who)| {
            let latest_start = who
                .iter()
                .filter_map(|&c| data.customers[c].start)
                .max()
                .unwrap_or(a.cutoff);
            let share = (0..n)
                .map(|k| {
                    COHORT_DAYS
                        .iter()
                        .map(|&d| {
                            let hit = who
                                .iter()
                                .filter(|&&c| {
                                    let s = data.customers[c].start.unwrap_or(i64::MAX);
                                    a.reached_at(c, k).is_some_and(|t| t - s <= d * DAY)
                                })
                                .count();
                            hit as f64 / who.len() as f64
                        })
                        .collect()
                })
                .collect();
            CohortRow {
                month,
                customers: who.len() as u64,
                share,
                complete: COHORT_DAYS
                    .iter()
                    .map(|&d| latest_start + d * DAY <= a.cutoff)
                    .collect(),
            }
        })
        .collect()
}
