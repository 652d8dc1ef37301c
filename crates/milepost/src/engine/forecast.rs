//! Throughput forecast: how many customers will reach each milestone in the next N days.
//!
//! Method. Each step of the funnel (start → M1, M1 → M2, …) has a daily hazard: of the
//! customers who have spent d days in the step without finishing it, the share that
//! finishes it on day d + 1. It is estimated Kaplan–Meier style from the history up to the
//! as-of date: customers who finished the step contribute their duration; those still in
//! it (or who churned in it) count as "at risk" for as long as they were observed
//! (censoring), so slow steps are not judged only by the fast finishers. Then every
//! customer in flight (not churned, furthest milestone k < n, days e in the current step)
//! is advanced day by day through the hazards of its step and the steps after, and the
//! probability mass that crosses each milestone within N days is summed: the expected
//! number of customers reaching it. Customers who start after the as-of date are not
//! forecast.
//!
//! Filters (segment, plan, owner, start month) narrow both the customers in flight and
//! the history the hazards are learned from. In flight, because the forecast is about
//! those customers; in the history, because segments move at their own pace (enterprise
//! customers take months to onboard where small ones take weeks), and a segment's
//! forecast made with the whole book's hazards would be wrong by exactly that
//! difference. The price is noise for a small segment; `backtest` shows how much.
//! `backtest` runs the forecast at an earlier date and compares it with what
//! the data says happened next.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use super::assess::{Assessment, DAY, assess};
use super::dataset::Dataset;
use super::population::{Filter, population};
use crate::format::date as format_date;
use crate::journey::Journey;

/// Longest step duration modelled, in days; longer waits use the last hazard.
const MAX_DAYS: usize = 1500;

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ForecastStep {
    pub id: String,
    pub name: String,
    /// Customers now waiting to reach this milestone (it is their next).
    #[ts(type = "number")]
    pub in_flight: u64,
    /// Expected customers reaching it within the horizon (a decimal number).
    pub expected: f64,
    /// The expected customers as people read them: a whole number ("12", "1,204").
    pub expected_text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Forecast {
    pub as_of: String,
    pub days: u32,
    pub milestones: Vec<ForecastStep>,
}

/// When customer c started step k (the way to milestone k): its start date for the first
/// step, else when it reached milestone k - 1; None if not (yet) by the cut-off.
fn step_entered(data: &Dataset, a: &Assessment, c: usize, k: usize) -> Option<i64> {
    let entered = if k == 0 {
        data.customers[c].start
    } else {
        a.reached_at(c, k - 1)
    };
    entered.filter(|&e| e <= a.cutoff)
}

/// Per step, the daily hazard learned from the customers `who`:
/// hazard[k][d] = P(finish on day d + 1 | not by day d).
fn hazards(data: &Dataset, a: &Assessment, who: &[usize]) -> Vec<Vec<f64>> {
    let n = a.milestones.len();
    (0..n)
        .map(|k| {
            let mut done = vec![0u32; MAX_DAYS + 1];
            let mut censored = vec![0u32; MAX_DAYS + 1];
            for &c in who {
                let cust = &data.customers[c];
                let Some(e) = step_entered(data, a, c, k) else {
                    continue;
                };
                let day = |t: i64| (((t - e).max(0) / DAY) as usize).min(MAX_DAYS);
                match a.reached_at(c, k) {
                    Some(r) => done[day(r)] += 1,
                    None => {
                        let end = cust.churn.filter(|&ch| ch <= a.cutoff).unwrap_or(a.cutoff);
                        censored[day(end)] += 1;
                    }
                }
            }
            let mut at_risk: u32 = done.iter().sum::<u32>() + censored.iter().sum::<u32>();
            let mut h = vec![0.0; MAX_DAYS + 1];
            for d in 0..=MAX_DAYS {
                if at_risk > 0 {
                    h[d] = f64::from(done[d]) / f64::from(at_risk);
                }
                at_risk -= done[d] + censored[d];
            }
            h
        })
        .collect()
}

/// Forecasts, from the assessment `a`, how many of the filter's customers reach each
/// milestone within `days` days after the as-of date.
pub fn forecast(data: &Dataset, a: &Assessment, filter: &Filter, days: u32) -> Forecast {
    let who = population(data, a, filter);
    let mut one = forecasts(data, a, &who, &[days]);
    one.pop().expect("one horizon, one forecast")
}

/// Forecasts for customers `who` (a population) at each horizon, in one run: the days
/// are walked once, up to the longest horizon, and each is read on its way.
pub fn forecasts(data: &Dataset, a: &Assessment, who: &[usize], horizons: &[u32]) -> Vec<Forecast> {
    let n = a.milestones.len();
    let h = hazards(data, a, who);
    // Customers in flight, grouped by (step, days in it): they move alike.
    let mut states: HashMap<(usize, usize), f64> = HashMap::new();
    let mut in_flight = vec![0u64; n];
    for &c in who {
        let cust = &data.customers[c];
        let k = a.furthest[c];
        if k >= n || cust.churn.is_some_and(|t| t <= a.cutoff) {
            continue;
        }
        let Some(e) = step_entered(data, a, c, k) else {
            continue;
        };
        let d = (((a.cutoff - e) / DAY) as usize).min(MAX_DAYS);
        *states.entry((k, d)).or_default() += 1.0;
        in_flight[k] += 1;
    }
    let mut expected = vec![0.0; n];
    let longest = horizons.iter().copied().max().unwrap_or(0);
    let mut read: Vec<Option<Vec<f64>>> = vec![None; horizons.len()];
    let mut take = |day: u32, expected: &Vec<f64>| {
        for (i, &d) in horizons.iter().enumerate() {
            if d == day {
                read[i] = Some(expected.clone());
            }
        }
    };
    take(0, &expected);
    for day in 1..=longest {
        let mut next: HashMap<(usize, usize), f64> = HashMap::with_capacity(states.len());
        for ((k, d), p) in states {
            let hz = h[k][(d + 1).min(MAX_DAYS)];
            let moved = p * hz;
            if p - moved > 1e-12 {
                *next.entry((k, (d + 1).min(MAX_DAYS))).or_default() += p - moved;
            }
            // Reaching milestone k may reach the next ones the same day (a step that took
            // no time in the history): cascade through the day-0 hazards.
            let (mut step, mut mass) = (k, moved);
            while mass > 1e-12 {
                expected[step] += mass;
                step += 1;
                if step >= n {
                    break;
                }
                let same_day = mass * h[step][0];
                if mass - same_day > 1e-12 {
                    *next.entry((step, 0)).or_default() += mass - same_day;
                }
                mass = same_day;
            }
        }
        states = next;
        take(day, &expected);
    }
    horizons
        .iter()
        .zip(read)
        .map(|(&days, expected)| {
            let expected = expected.expect("every horizon is read on the way");
            Forecast {
                as_of: format_date(a.cutoff),
                days,
                milestones: a
                    .milestones
                    .iter()
                    .enumerate()
                    .map(|(k, m)| ForecastStep {
                        id: m.id.clone(),
                        name: m.name.clone(),
                        in_flight: in_flight[k],
                        expected: expected[k],
                        expected_text: crate::format::number_to(expected[k], 0),
                    })
                    .collect(),
            }
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Backtest {
    pub as_of: String,
    pub days: u32,
    pub milestones: Vec<BacktestStep>,
    /// Mean absolute error over the milestones, in customers.
    pub mean_absolute_error: f64,
    /// Sum of |forecast − actual| over the sum of actuals (null when nothing happened).
    pub weighted_error: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct BacktestStep {
    pub id: String,
    pub name: String,
    pub forecast: f64,
    /// Customers known at the earlier date who reached it within the horizon.
    #[ts(type = "number")]
    pub actual: u64,
}

/// Forecasts the filter's customers at `cutoff` and compares with what happened to them
/// in the `days` days after it.
pub fn backtest(
    journey: &Journey,
    data: &Dataset,
    cutoff: i64,
    filter: &Filter,
    days: u32,
) -> Backtest {
    let then = assess(journey, data, cutoff);
    let f = forecast(data, &then, filter, days);
    let later = assess(journey, data, cutoff + i64::from(days) * DAY);
    let known = population(data, &then, filter);
    let milestones: Vec<BacktestStep> = (0..then.milestones.len())
        .map(|k| BacktestStep {
            id: then.milestones[k].id.clone(),
            name: then.milestones[k].name.clone(),
            forecast: f.milestones[k].expected,
            actual: known
                .iter()
                .copied()
                .filter(|&c| then.reached_at(c, k).is_none())
                .filter(|&c| later.reached_at(c, k).is_some())
                .count() as u64,
        })
        .collect();
    let abs: f64 = milestones
        .iter()
        .map(|m| (m.forecast - m.actual as f64).abs())
        .sum();
    let actual: u64 = milestones.iter().map(|m| m.actual).sum();
    Backtest {
        as_of: format_date(cutoff),
        days,
        mean_absolute_error: if milestones.is_empty() {
            0.0
        } else {
            abs / milestones.len() as f64
        },
        weighted_error: (actual > 0).then(|| abs / actual as f64),
        milestones,
    }
}
