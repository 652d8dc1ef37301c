//! Value realisation against peers (seed 001, "the prescriptive journey"): for every
//! customer, what each value metric has improved since its first days, what comparable
//! peers achieve, the gap and the value left on the table ("leakage") in the metric's
//! units and in money; where it stands on the capability maturity path and what to unlock
//! next.
//!
//! Everything is computed as of one day, over the funnel's population (every customer
//! started by then); a peer group is never smaller than k (see `peers`).

pub mod maturity;
pub mod peers;

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::engine::assess::DAY;
use crate::engine::health::metric_value;
use crate::engine::{Dataset, aggregate_between};
use crate::journey::{Direction, Journey, Metric, PeerSettings, Reference};
use peers::{Groups, percent_rank};

/// What one value metric says of one customer. `None` where a value cannot be had; the
/// `reason` then says why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricValue {
    pub metric: String,
    pub name: String,
    pub unit: Option<String>,
    pub direction: Direction,
    /// Over the customer's first `baseline_days` days.
    pub baseline: Option<f64>,
    /// As of the day.
    pub current: Option<f64>,
    pub target: Option<f64>,
    /// current − baseline when higher is better, baseline − current when lower is.
    pub improvement: Option<f64>,
    pub peer_group: Option<PeerGroup>,
    pub peer_p50: Option<f64>,
    pub peer_p75: Option<f64>,
    pub peer_p90: Option<f64>,
    /// Where the improvement stands among the peers', 0–100 (ties count half).
    pub percentile: Option<f64>,
    /// How far behind the peers' median and p75 (negative: ahead).
    pub gap_to_p50: Option<f64>,
    pub gap_to_p75: Option<f64>,
    /// max(0, the peers' reference percentile − improvement), in the metric's units.
    pub leakage: Option<f64>,
    /// The leakage × what one unit is worth per year, when the metric says.
    pub leakage_money: Option<f64>,
    pub reason: Option<String>,
}

/// The peers a customer was compared with.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeerGroup {
    /// Key → value, e.g. {"segment": "SMB", "plan": "pro"}; empty: every customer.
    #[ts(type = "Record<string, string>")]
    pub keys: BTreeMap<String, String>,
    pub n: usize,
}

/// One customer's value review.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerValue {
    pub customer_id: String,
    pub name: Option<String>,
    pub segment: Option<String>,
    pub plan: Option<String>,
    pub arr: Option<f64>,
    /// The phase id, or None before the first phase.
    pub phase: Option<String>,
    pub phase_name: Option<String>,
    /// The sum of the metrics' money leakage (None when no metric has a money value).
    pub leakage_money: Option<f64>,
    pub metrics: Vec<MetricValue>,
    /// Capability ids adopted by the day.
    pub adopted: Vec<String>,
    pub next_capabilities: Vec<maturity::NextCapability>,
}

/// The value report of a journey as of one day.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ValueReport {
    /// YYYY-MM-DD
    pub as_of: String,
    pub k: u32,
    /// The peer keys, most important first.
    pub keys: Vec<String>,
    /// The reference percentile leakage is measured against: "p50", "p75" or "p90".
    pub reference: String,
    /// Every customer of the funnel, in the workspace's order.
    pub customers: Vec<CustomerValue>,
}

/// What `value` may override of the journey's peer settings (the CLI's --peers and --k).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub keys: Option<Vec<crate::journey::PeerKey>>,
    pub k: Option<u32>,
}

/// The peer settings in force: the journey's (or the defaults), overridden, k at least 3.
pub fn settings(journey: &Journey, o: &Overrides) -> PeerSettings {
    let mut s = journey.peers.clone().unwrap_or_default();
    if let Some(keys) = &o.keys {
        s.keys = keys.clone();
    }
    if let Some(k) = o.k {
        s.k = k;
    }
    s.k = s.k.max(3);
    s
}

fn reference_name(r: Reference) -> &'static str {
    match r {
        Reference::P50 => "p50",
        Reference::P75 => "p75",
        Reference::P90 => "p90",
    }
}

/// A value metric's baseline, current value and improvement for one customer.
type Measured = (Option<f64>, Option<f64>, Option<f64>);

/// Baseline, current and improvement of a value metric for customer `c`.
fn improvement(m: &Metric, data: &Dataset, c: usize, cutoff: i64) -> Measured {
    let Some(spec) = &m.value else {
        return (None, None, None);
    };
    let Some(start) = data.customers[c].start else {
        return (None, None, None);
    };
    let end = (start + i64::from(spec.baseline_days) * DAY).min(cutoff + 1);
    let baseline = aggregate_between(data, c, &m.event, m.aggregate, start, end);
    let current = metric_value(m, data, c, cutoff);
    let imp = match (baseline, current) {
        (Some(b), Some(now)) => Some(match m.direction {
            Direction::Higher => now - b,
            Direction::Lower => b - now,
        }),
        _ => None,
    };
    (baseline, current, imp)
}

/// Money one unit of `m`'s improvement is worth per year for a customer with `arr`.
fn unit_money(m: &Metric, arr: Option<f64>) -> Option<f64> {
    let spec = m.value.as_ref()?;
    spec.unit_value
        .or_else(|| Some(spec.unit_value_arr_share? * arr?))
}

/// The value report of `journey` over `data` as of `cutoff` (the end of the day `as_of`).
pub fn compute(
    journey: &Journey,
    data: &Dataset,
    as_of: &str,
    cutoff: i64,
    o: &Overrides,
) -> ValueReport {
    let s = settings(journey, o);
    let k = s.k as usize;
    let population: Vec<usize> = (0..data.customers.len())
        .filter(|&c| data.customers[c].start.is_some_and(|st| st <= cutoff))
        .collect();
    let value_metrics: Vec<&Metric> = journey
        .metrics
        .iter()
        .filter(|m| m.value.is_some())
        .collect();

    // Per metric: every customer's (baseline, current, improvement), then the peer groups
    // of those with an improvement.
    let per_metric: Vec<Vec<Measured>> = value_metrics
        .iter()
        .map(|m| {
            population
                .iter()
                .map(|&c| improvement(m, data, c, cutoff))
                .collect()
        })
        .collect();
    let groups: Vec<Groups> = per_metric
        .iter()
        .map(|rows| {
            let members: Vec<(usize, f64)> = population
                .iter()
                .zip(rows)
                .filter_map(|(&c, r)| Some((c, r.2?)))
                .collect();
            Groups::new(data, &s.keys, k, cutoff, &members)
        })
        .collect();
    let maturity = maturity::Maturity::new(journey, data, &population, &s, cutoff);

    let customers = population
        .iter()
        .enumerate()
        .map(|(row, &c)| {
            let cust = &data.customers[c];
            let metrics: Vec<MetricValue> = value_metrics
                .iter()
                .zip(&per_metric)
                .zip(&groups)
                .map(|((m, rows), g)| {
                    let (baseline, current, imp) = rows[row];
                    metric_row(m, baseline, current, imp, g, cust, s.reference)
                })
                .collect();
            let money: Vec<f64> = metrics.iter().filter_map(|m| m.leakage_money).collect();
            let (phase, adopted, next) = maturity.of(row);
            CustomerValue {
                customer_id: cust.id.clone(),
                name: cust.name.clone(),
                segment: cust.segment.clone(),
                plan: cust.plan.clone(),
                arr: cust.arr,
                phase_name: phase
                    .and_then(|p| journey.phases.iter().find(|x| x.id == p))
                    .map(|p| p.name.clone()),
                phase: phase.map(str::to_owned),
                leakage_money: (!money.is_empty()).then(|| money.iter().sum()),
                metrics,
                adopted,
                next_capabilities: next,
            }
        })
        .collect();
    ValueReport {
        as_of: as_of.to_owned(),
        k: s.k,
        keys: s
            .keys
            .iter()
            .map(|&key| peers::key_name(key).to_owned())
            .collect(),
        reference: reference_name(s.reference).to_owned(),
        customers,
    }
}

fn metric_row(
    m: &Metric,
    baseline: Option<f64>,
    current: Option<f64>,
    imp: Option<f64>,
    g: &Groups,
    cust: &crate::engine::Customer,
    reference: Reference,
) -> MetricValue {
    let mut row = MetricValue {
        metric: m.id.clone(),
        name: m.name.clone(),
        unit: m.unit.clone(),
        direction: m.direction,
        baseline,
        current,
        target: m.target,
        improvement: imp,
        peer_group: None,
        peer_p50: None,
        peer_p75: None,
        peer_p90: None,
        percentile: None,
        gap_to_p50: None,
        gap_to_p75: None,
        leakage: None,
        leakage_money: None,
        reason: None,
    };
    let Some(imp) = imp else {
        row.reason = Some(if baseline.is_none() {
            format!(
                "no {} events in its first {} days: no baseline",
                m.event,
                m.value.as_ref().map_or(30, |v| v.baseline_days)
            )
        } else {
            format!("no {} events by the day", m.event)
        });
        return row;
    };
    let Some((keys, stats)) = g.for_customer(cust) else {
        row.reason = Some(format!("fewer than {} customers to compare with", g.k()));
        return row;
    };
    let reference_value = match reference {
        Reference::P50 => stats.p50,
        Reference::P75 => stats.p75,
        Reference::P90 => stats.p90,
    };
    let leakage = (reference_value - imp).max(0.0);
    row.peer_group = Some(PeerGroup { keys, n: stats.n });
    row.peer_p50 = Some(stats.p50);
    row.peer_p75 = Some(stats.p75);
    row.peer_p90 = Some(stats.p90);
    row.percentile = percent_rank(&stats.sorted, imp);
    row.gap_to_p50 = Some(stats.p50 - imp);
    row.gap_to_p75 = Some(stats.p75 - imp);
    row.leakage = Some(leakage);
    row.leakage_money = unit_money(m, cust.arr).map(|u| leakage * u);
    row
}
