//! Value realisation against peers (seed 001, "the prescriptive journey"): for every
//! customer, what each value metric has improved since its first days, what comparable
//! peers achieve, the gap and the value left on the table ("leakage") in the metric's
//! units and in money; where it stands on the capability maturity path and what to unlock
//! next.
//!
//! Everything is computed as of one day, over the **active** customers: started by then
//! and not churned by then. Value left on the table is about customers who can still be
//! helped, and good peers are customers who stayed, so only active customers are
//! reviewed, form the peer groups and count in the portfolio's totals. Churned customers
//! are listed only on request, marked churned, with no comparison and no next steps.
//! A peer group is never smaller than k (see `peers`).

pub mod benchmarks;
pub mod maturity;
pub mod peers;

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::engine::Dataset;
use crate::engine::assess::DAY;
use crate::engine::assess::aggregate;
use crate::format::{self, Currency};
use crate::journey::{Direction, Journey, Metric, PeerSettings, Reference};
use peers::{GroupKeys, Groups, percent_rank};

/// Text shared by many rows of a report (a metric's name, a group's keys, a capability):
/// one allocation however many customers print it.
pub type Text = std::sync::Arc<str>;

/// What one value metric says of one customer. `None` where a value cannot be had; the
/// `reason` then says why.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricValue {
    #[ts(as = "String")]
    pub metric: Text,
    #[ts(as = "String")]
    pub name: Text,
    #[ts(as = "Option<String>")]
    pub unit: Option<Text>,
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
    #[ts(as = "Option<String>")]
    pub reason: Option<Text>,
}

/// The peers a customer was compared with.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PeerGroup {
    /// Key → value, e.g. {"segment": "SMB", "plan": "pro"}; empty: every customer.
    #[ts(type = "Record<string, string>")]
    pub keys: std::sync::Arc<GroupKeys>,
    pub n: usize,
    /// Where the peers' numbers come from: "this workspace", or the imported benchmarks
    /// ("imported: Billing SaaS, 2025-12-31").
    #[ts(as = "String")]
    pub source: Text,
}

/// One customer's value review.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CustomerValue {
    pub customer_id: String,
    pub name: Option<String>,
    pub segment: Option<String>,
    pub plan: Option<String>,
    pub arr: Option<f64>,
    /// "$120,000" in the workspace's currency.
    pub arr_text: Option<String>,
    /// The day it churned (`YYYY-MM-DD`), when it churned by the as-of day: such a customer
    /// is only listed on request, with no comparison, no leakage and no next steps.
    pub churned: Option<String>,
    /// The stage it is working through as of the day (its first milestone not reached).
    #[ts(as = "Option<String>")]
    pub stage: Option<Text>,
    #[ts(as = "Option<String>")]
    pub stage_name: Option<Text>,
    /// The phase id, or None before the first phase.
    #[ts(as = "Option<String>")]
    pub phase: Option<Text>,
    #[ts(as = "Option<String>")]
    pub phase_name: Option<Text>,
    /// The sum of the metrics' money leakage (None when no metric has a money value).
    pub leakage_money: Option<f64>,
    /// "$1,750" in the workspace's currency, or "—".
    pub leakage_text: String,
    pub metrics: Vec<MetricValue>,
    /// Capability ids adopted by the day.
    #[ts(as = "Vec<String>")]
    pub adopted: Vec<Text>,
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
    /// The workspace's currency (ISO 4217), which every amount of money is in.
    pub currency: Currency,
    /// The active customers (started by the day, not churned by it): those reviewed.
    pub active: usize,
    /// Customers who had churned by the day: never reviewed nor peers, and listed in
    /// `customers` only when asked for.
    pub churned: usize,
    /// The money the active customers leave on the table a year, and as text.
    pub leakage_money: f64,
    pub leakage_text: String,
    /// The active customers, in the workspace's order; then, when asked for, the churned.
    pub customers: Vec<CustomerValue>,
    /// The capability map among every active customer, then among each segment's.
    pub capability_maps: Vec<CapabilityMap>,
    /// The money left on the table per segment, most first.
    pub by_segment: Vec<Slice>,
    /// The money left on the table per stage, in the journey's order.
    pub by_stage: Vec<Slice>,
}

/// The customers of one segment or stage and the money they leave on the table.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Slice {
    /// The segment, or the stage's id ("" for customers without one).
    pub key: String,
    pub name: String,
    pub customers: usize,
    /// Of them, those with a money value.
    pub valued: usize,
    pub leakage_money: f64,
    pub leakage_text: String,
}

/// Which capabilities a group of active customers use and which phase they are in.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CapabilityMap {
    /// The segment; "" for every active customer.
    pub segment: String,
    /// "every customer", or the segment's name.
    pub name: String,
    pub customers: usize,
    /// Per phase, in the journey's order: how many of them it is the phase of.
    pub phases: Vec<MapCell>,
    /// Per capability, in the journey's order: the share of them that use it.
    pub capabilities: Vec<MapCell>,
}

/// One phase or capability of a capability map.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MapCell {
    pub id: String,
    /// Customers (for a phase) or the share of customers, 0–1 (for a capability).
    pub value: f64,
    /// "412 customers in this phase", or "63%".
    pub text: String,
}

/// The capability map of `customers` (active ones), among all of them and per segment.
fn capability_maps(journey: &Journey, customers: &[CustomerValue]) -> Vec<CapabilityMap> {
    let active: Vec<&CustomerValue> = customers.iter().filter(|c| c.churned.is_none()).collect();
    let mut segments: Vec<&str> = active
        .iter()
        .filter_map(|c| c.segment.as_deref())
        .filter(|s| !s.is_empty())
        .collect();
    segments.sort_unstable();
    segments.dedup();
    std::iter::once(None)
        .chain(segments.into_iter().map(Some))
        .map(|segment| {
            let who: Vec<&&CustomerValue> = active
                .iter()
                .filter(|c| segment.is_none() || c.segment.as_deref() == segment)
                .collect();
            let n = who.len();
            CapabilityMap {
                segment: segment.unwrap_or_default().to_owned(),
                name: segment.unwrap_or("every customer").to_owned(),
                customers: n,
                phases: journey
                    .phases
                    .iter()
                    .map(|p| {
                        let k = who
                            .iter()
                            .filter(|c| c.phase.as_deref() == Some(&p.id))
                            .count();
                        MapCell {
                            id: p.id.clone(),
                            value: k as f64,
                            text: format!(
                                "{} in this phase",
                                format::counted(k as u64, "customer")
                            ),
                        }
                    })
                    .collect(),
                capabilities: journey
                    .capabilities
                    .iter()
                    .map(|cap| {
                        let k = who
                            .iter()
                            .filter(|c| c.adopted.iter().any(|a| **a == *cap.id))
                            .count();
                        let share = if n == 0 { 0.0 } else { k as f64 / n as f64 };
                        MapCell {
                            id: cap.id.clone(),
                            value: share,
                            text: format::whole_percent(share),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Adds `c` to the slice `key` of `slices`, creating it named `name`.
fn add_to(slices: &mut Vec<Slice>, key: &str, name: &str, c: &CustomerValue) {
    let i = match slices.iter().position(|s| s.key == key) {
        Some(i) => i,
        None => {
            slices.push(Slice {
                key: key.to_owned(),
                name: name.to_owned(),
                customers: 0,
                valued: 0,
                leakage_money: 0.0,
                leakage_text: String::new(),
            });
            slices.len() - 1
        }
    };
    let s = &mut slices[i];
    s.customers += 1;
    if let Some(m) = c.leakage_money {
        s.valued += 1;
        s.leakage_money += m;
    }
}

/// The portfolio's slices of the active customers: per segment (most money first, then by
/// name) and per stage (in the journey's order, customers without a stage last).
fn slices(
    journey: &Journey,
    customers: &[CustomerValue],
    currency: &Currency,
) -> (Vec<Slice>, Vec<Slice>) {
    let mut by_segment = Vec::new();
    let mut by_stage: Vec<Slice> = journey
        .stages
        .iter()
        .map(|s| Slice {
            key: s.id.clone(),
            name: s.name.clone(),
            customers: 0,
            valued: 0,
            leakage_money: 0.0,
            leakage_text: String::new(),
        })
        .collect();
    for c in customers.iter().filter(|c| c.churned.is_none()) {
        let seg = c.segment.as_deref().unwrap_or("");
        add_to(
            &mut by_segment,
            seg,
            if seg.is_empty() { "No segment" } else { seg },
            c,
        );
        let stage = c.stage.as_deref().unwrap_or("");
        add_to(
            &mut by_stage,
            stage,
            c.stage_name.as_deref().unwrap_or("No stage"),
            c,
        );
    }
    by_segment.sort_by(|a, b| {
        b.leakage_money
            .total_cmp(&a.leakage_money)
            .then_with(|| a.name.cmp(&b.name))
    });
    for s in by_segment.iter_mut().chain(&mut by_stage) {
        s.leakage_text = currency.money(s.leakage_money);
    }
    (by_segment, by_stage)
}

/// What `value` may override of the journey's peer settings (the CLI's --peers and --k).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub keys: Option<Vec<crate::journey::PeerKey>>,
    pub k: Option<u32>,
    /// Compare with imported benchmarks instead of this workspace's customers.
    pub external: Option<benchmarks::Benchmarks>,
    /// List the customers who had churned by the day too (marked, never compared).
    pub include_churned: bool,
    /// The workspace's currency, for the money's texts.
    pub currency: Currency,
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

/// Measures customers: each value metric's baseline, current value and improvement, and
/// which capabilities it has adopted — one pass over a customer's events, sorting them by
/// the names the metrics and capabilities read; names and criteria looked up once.
struct Measurer<'a> {
    data: &'a Dataset,
    cutoff: i64,
    metrics: Vec<(&'a Metric, Option<u32>)>,
    capabilities: Vec<crate::engine::assess::Held>,
    /// The capabilities' ids, in journey order.
    journey_capabilities: Vec<String>,
    /// By event name (its id in the data set): its bucket in `buckets`, or NONE.
    slot: Vec<u32>,
    /// One customer's events up to the cut-off, by name, in time order.
    buckets: Vec<Vec<usize>>,
    idx: Vec<usize>,
    base: Vec<usize>,
}

const NONE: u32 = u32::MAX;

impl<'a> Measurer<'a> {
    fn new(journey: &'a Journey, data: &'a Dataset, cutoff: i64) -> Self {
        let metrics: Vec<(&Metric, Option<u32>)> = journey
            .value_metrics()
            .into_iter()
            .map(|m| (m, data.name_id(&m.event)))
            .collect();
        let capabilities: Vec<crate::engine::assess::Held> = journey
            .capabilities
            .iter()
            .map(|c| crate::engine::assess::Held::new(data, &c.criteria))
            .collect();
        let mut slot = vec![NONE; data.names.len()];
        let mut buckets = 0;
        let names = metrics
            .iter()
            .filter_map(|m| m.1)
            .chain(capabilities.iter().flat_map(|h| h.names()))
            .collect::<Vec<u32>>();
        for n in names {
            if slot[n as usize] == NONE {
                slot[n as usize] = buckets;
                buckets += 1;
            }
        }
        Measurer {
            data,
            cutoff,
            journey_capabilities: journey.capabilities.iter().map(|c| c.id.clone()).collect(),
            metrics,
            capabilities,
            slot,
            buckets: vec![Vec::new(); buckets as usize],
            idx: Vec::new(),
            base: Vec::new(),
        }
    }

    fn measure(&mut self, c: usize) -> (Vec<Measured>, Vec<bool>) {
        let data = self.data;
        let cutoff = self.cutoff;
        if let Some(known) = &data.measures {
            return self.measured(known, c);
        }
        for b in &mut self.buckets {
            b.clear();
        }
        for i in data.events_of(c) {
            let s = self.slot[data.name[i] as usize];
            if s != NONE && data.at[i] <= cutoff {
                self.buckets[s as usize].push(i);
            }
        }
        let start = data.customers[c].start;
        let mut out = Vec::with_capacity(self.metrics.len());
        for &(m, name) in &self.metrics {
            let (Some(spec), Some(start)) = (&m.value, start) else {
                out.push((None, None, None));
                continue;
            };
            let Some(name) = name else {
                // No event has the name: no baseline, and the aggregate over no events.
                out.push((
                    None,
                    aggregate(m.aggregate, &[], &data.at, &data.value),
                    None,
                ));
                continue;
            };
            let end = (start + i64::from(spec.baseline_days) * DAY).min(cutoff + 1);
            let from = m.window_days.map(|w| cutoff - i64::from(w) * DAY);
            self.idx.clear();
            self.base.clear();
            for &i in &self.buckets[self.slot[name as usize] as usize] {
                let t = data.at[i];
                if t >= start && t < end {
                    self.base.push(i);
                }
                if from.is_none_or(|f| t > f) {
                    self.idx.push(i);
                }
            }
            let baseline = if self.base.is_empty() {
                None
            } else {
                aggregate(m.aggregate, &self.base, &data.at, &data.value)
            };
            let current = aggregate(m.aggregate, &self.idx, &data.at, &data.value);
            out.push((baseline, current, improvement(m, baseline, current)));
        }
        let (slot, buckets) = (&self.slot, &self.buckets);
        let adopted = self
            .capabilities
            .iter_mut()
            .map(|h| {
                h.first_among(data, |n| &buckets[slot[n as usize] as usize])
                    .is_some()
            })
            .collect();
        (out, adopted)
    }
}

impl Measurer<'_> {
    /// Customer c's measures as a warehouse gave them.
    fn measured(&self, known: &crate::engine::Measures, c: usize) -> (Vec<Measured>, Vec<bool>) {
        let out = self
            .metrics
            .iter()
            .map(|(m, _)| {
                let baseline = known.baselines.get(&m.id).and_then(|v| *v.get(c)?);
                let current = known.metric(&m.id, c, self.cutoff);
                (baseline, current, improvement(m, baseline, current))
            })
            .collect();
        let adopted = self
            .journey_capabilities
            .iter()
            .map(|id| {
                known
                    .adopted
                    .get(id)
                    .and_then(|v| v.get(c).copied())
                    .unwrap_or(false)
            })
            .collect();
        (out, adopted)
    }
}

/// How much better than its baseline a value metric is now, in its direction.
fn improvement(m: &Metric, baseline: Option<f64>, current: Option<f64>) -> Option<f64> {
    let (b, now) = (baseline?, current?);
    Some(match m.direction {
        Direction::Higher => now - b,
        Direction::Lower => b - now,
    })
}

/// Every customer's measures as of `cutoff`, as a warehouse gives them for the journey's
/// SQL: when each milestone was reached, each metric's value, each value metric's
/// baseline, each capability adopted — None and false for customers not started by then.
pub fn measures_of(journey: &Journey, data: &Dataset, cutoff: i64) -> crate::engine::Measures {
    let started: Vec<usize> = (0..data.customers.len())
        .filter(|&c| data.customers[c].start.is_some_and(|st| st <= cutoff))
        .collect();
    let n = data.customers.len();
    let rows = measure_all(journey, data, cutoff, &started);
    let a = crate::engine::assess(journey, data, cutoff);
    let mut out = crate::engine::Measures {
        cutoff,
        journey: crate::sql::journey_key(journey),
        ..Default::default()
    };
    for (k, m) in a.milestones.iter().enumerate() {
        let mut times = vec![None; n];
        for &c in &started {
            times[c] = a.reached_at(c, k);
        }
        out.reached.insert(m.id.clone(), times);
    }
    for m in &journey.metrics {
        let mut values = vec![None; n];
        for &c in &started {
            values[c] = crate::engine::health::metric_value(m, data, c, cutoff);
        }
        out.metrics.insert(m.id.clone(), values);
    }
    for (k, m) in journey.value_metrics().into_iter().enumerate() {
        let mut values = vec![None; n];
        for (&c, row) in started.iter().zip(&rows) {
            values[c] = row.0[k].0;
        }
        out.baselines.insert(m.id.clone(), values);
    }
    for (k, cap) in journey.capabilities.iter().enumerate() {
        let mut adopted = vec![false; n];
        for (&c, row) in started.iter().zip(&rows) {
            adopted[c] = row.1[k];
        }
        out.adopted.insert(cap.id.clone(), adopted);
    }
    out
}

/// Every population row measured, the customers split across the cores.
fn measure_all(
    journey: &Journey,
    data: &Dataset,
    cutoff: i64,
    population: &[usize],
) -> Vec<(Vec<Measured>, Vec<bool>)> {
    let per = crate::engine::per_thread(population.len());
    std::thread::scope(|scope| {
        let parts: Vec<_> = population
            .chunks(per)
            .map(|chunk| {
                scope.spawn(move || {
                    let mut m = Measurer::new(journey, data, cutoff);
                    chunk.iter().map(|&c| m.measure(c)).collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|p| p.join().expect("a measuring thread panicked"))
            .collect()
    })
}

/// Money one unit of `m`'s improvement is worth per year for a customer with `arr`.
fn unit_money(m: &Metric, arr: Option<f64>) -> Option<f64> {
    let spec = m.value.as_ref()?;
    spec.unit_value
        .or_else(|| Some(spec.unit_value_arr_share? * arr?))
}

/// Whether customer `c` had churned by `cutoff`.
fn churned_by(data: &Dataset, c: usize, cutoff: i64) -> bool {
    data.customers[c].churn.is_some_and(|t| t <= cutoff)
}

/// The customers value is about as of `cutoff`: started by then and not churned by then.
fn population(data: &Dataset, cutoff: i64) -> Vec<usize> {
    (0..data.customers.len())
        .filter(|&c| data.customers[c].start.is_some_and(|st| st <= cutoff))
        .filter(|&c| !churned_by(data, c, cutoff))
        .collect()
}

/// The customers started by `cutoff` who had churned by then.
fn churned_population(data: &Dataset, cutoff: i64) -> Vec<usize> {
    (0..data.customers.len())
        .filter(|&c| data.customers[c].start.is_some_and(|st| st <= cutoff))
        .filter(|&c| churned_by(data, c, cutoff))
        .collect()
}

/// Per value metric, every population row's (baseline, current, improvement); per row,
/// the capabilities adopted.
fn measures(
    journey: &Journey,
    data: &Dataset,
    cutoff: i64,
    population: &[usize],
) -> (Vec<Vec<Measured>>, Vec<Vec<bool>>) {
    let rows = measure_all(journey, data, cutoff, population);
    let per_metric = (0..journey.value_metrics().len())
        .map(|k| rows.iter().map(|r| r.0[k]).collect())
        .collect();
    (per_metric, rows.into_iter().map(|r| r.1).collect())
}

/// The peer groups of each value metric's improvements.
fn metric_groups(
    index: &std::sync::Arc<peers::PeerIndex>,
    k: u32,
    population: &[usize],
    per_metric: &[Vec<Measured>],
) -> Vec<Groups> {
    per_metric
        .iter()
        .map(|rows| {
            let members: Vec<(usize, f64)> = population
                .iter()
                .zip(rows)
                .filter_map(|(&c, r)| Some((c, r.2?)))
                .collect();
            Groups::with_index(index.clone(), k as usize, &members)
        })
        .collect()
}

/// Everything a report is computed from: the population, its measures, the peer groups
/// of every value metric and the capabilities' maturity.
struct Computed {
    population: Vec<usize>,
    per_metric: Vec<Vec<Measured>>,
    groups: Vec<Groups>,
    maturity: maturity::Maturity,
}

fn computed(journey: &Journey, data: &Dataset, s: &PeerSettings, cutoff: i64) -> Computed {
    let population = population(data, cutoff);
    let (per_metric, adopted) = measures(journey, data, cutoff, &population);
    let index = std::sync::Arc::new(peers::PeerIndex::new(data, &s.keys, cutoff, &population));
    let groups = metric_groups(&index, s.k, &population, &per_metric);
    let maturity = maturity::Maturity::new(journey, &population, s, &index, adopted);
    Computed {
        population,
        per_metric,
        groups,
        maturity,
    }
}

/// The peer groups of every value metric and every capability's adoption, as of `cutoff`.
pub(crate) fn groups(
    journey: &Journey,
    data: &Dataset,
    s: &PeerSettings,
    cutoff: i64,
) -> (Vec<Groups>, Vec<Groups>) {
    let c = computed(journey, data, s, cutoff);
    (c.groups, c.maturity.into_groups())
}

/// The value report of `journey` over `data` as of `cutoff` (the end of the day `as_of`).
pub fn compute(
    journey: &Journey,
    data: &Dataset,
    as_of: &str,
    cutoff: i64,
    o: &Overrides,
) -> ValueReport {
    let assessment = crate::engine::assess::assess(journey, data, cutoff);
    compute_assessed(journey, data, &assessment, as_of, o)
}

/// As `compute`, with the customers' stages from an assessment made already (by a
/// warehouse, for a data set without events), as of its cut-off.
pub fn compute_assessed(
    journey: &Journey,
    data: &Dataset,
    assessment: &crate::engine::Assessment,
    as_of: &str,
    o: &Overrides,
) -> ValueReport {
    let cutoff = assessment.cutoff;
    let s = settings(journey, o);
    let value_metrics: Vec<&Metric> = journey.value_metrics();
    let Computed {
        population,
        per_metric,
        groups,
        maturity,
    } = computed(journey, data, &s, cutoff);
    let texts: Vec<MetricTexts> = value_metrics
        .iter()
        .map(|m| MetricTexts::new(m, s.k))
        .collect();
    let workspace: Text = "this workspace".into();
    let imported_source: Option<Text> = o
        .external
        .as_ref()
        .map(|b| format!("imported: {}, {}", b.journey, b.as_of).into());
    let stages: Vec<(Text, Text)> = journey
        .stages
        .iter()
        .map(|st| (st.id.as_str().into(), st.name.as_str().into()))
        .collect();

    let currency = &o.currency;
    let mut customers: Vec<CustomerValue> = population
        .iter()
        .enumerate()
        .map(|(row, &c)| {
            let cust = &data.customers[c];
            let metrics: Vec<MetricValue> = value_metrics
                .iter()
                .zip(&per_metric)
                .zip(&groups)
                .zip(&texts)
                .map(|(((m, rows), g), t)| {
                    let (baseline, current, imp) = rows[row];
                    let peers = match (&o.external, &imported_source) {
                        (Some(b), Some(source)) => {
                            imported(b, &m.id, cust, cutoff, source, s.k as usize)
                        }
                        _ => g.for_customer(c).map(|(keys, st)| Peers {
                            keys,
                            n: st.n,
                            p: [st.p25, st.p50, st.p75, st.p90],
                            sorted: Some(&st.sorted),
                            source: workspace.clone(),
                        }),
                    };
                    metric_row(m, t, (baseline, current, imp), peers, cust, s.reference)
                })
                .collect();
            let money: Vec<f64> = metrics.iter().filter_map(|m| m.leakage_money).collect();
            let leakage_money = (!money.is_empty()).then(|| money.iter().sum());
            let (phase, adopted, next) = maturity.of(row);
            let stage = assessment.stage_at(c, cutoff).and_then(|si| stages.get(si));
            CustomerValue {
                stage: stage.map(|s| s.0.clone()),
                stage_name: stage.map(|s| s.1.clone()),
                customer_id: cust.id.clone(),
                name: cust.name.clone(),
                segment: cust.segment.clone(),
                plan: cust.plan.clone(),
                arr: cust.arr,
                arr_text: cust.arr.map(|a| currency.money(a)),
                churned: None,
                phase_name: phase.map(|p| p.1.clone()),
                phase: phase.map(|p| p.0.clone()),
                leakage_money,
                leakage_text: leakage_money
                    .map_or_else(|| format::NONE.to_owned(), |m| currency.money(m)),
                metrics,
                adopted,
                next_capabilities: next,
            }
        })
        .collect();
    let churned = churned_population(data, cutoff);
    if o.include_churned {
        customers.extend(churned_rows(
            journey, data, cutoff, &churned, &texts, currency,
        ));
    }
    let (by_segment, by_stage) = slices(journey, &customers, currency);
    let capability_maps = capability_maps(journey, &customers);
    let leakage_money: f64 = customers.iter().filter_map(|c| c.leakage_money).sum();
    ValueReport {
        by_segment,
        by_stage,
        as_of: as_of.to_owned(),
        k: s.k,
        keys: s
            .keys
            .iter()
            .map(|&key| peers::key_name(key).to_owned())
            .collect(),
        reference: reference_name(s.reference).to_owned(),
        currency: currency.clone(),
        active: population.len(),
        churned: churned.len(),
        leakage_money,
        leakage_text: currency.money(leakage_money),
        customers,
        capability_maps,
    }
}

/// The rows of customers who had churned by the day: what each value metric measured,
/// never compared with peers, no money left on the table, no stage and no next steps.
fn churned_rows(
    journey: &Journey,
    data: &Dataset,
    cutoff: i64,
    churned: &[usize],
    texts: &[MetricTexts],
    currency: &Currency,
) -> Vec<CustomerValue> {
    let (per_metric, adopted) = measures(journey, data, cutoff, churned);
    churned
        .iter()
        .enumerate()
        .map(|(row, &c)| {
            let cust = &data.customers[c];
            let when = cust.churn.map(format::date).unwrap_or_default();
            let reason: Text = format!("churned on {when}: not compared with peers").into();
            let metrics = journey
                .value_metrics()
                .iter()
                .zip(&per_metric)
                .zip(texts)
                .map(|((m, rows), t)| {
                    let (baseline, current, improvement) = rows[row];
                    let mut r =
                        metric_row(m, t, (baseline, current, None), None, cust, Reference::P75);
                    r.improvement = improvement;
                    r.reason = Some(reason.clone());
                    r
                })
                .collect();
            CustomerValue {
                customer_id: cust.id.clone(),
                name: cust.name.clone(),
                segment: cust.segment.clone(),
                plan: cust.plan.clone(),
                arr: cust.arr,
                arr_text: cust.arr.map(|a| currency.money(a)),
                churned: Some(when),
                stage: None,
                stage_name: None,
                phase: None,
                phase_name: None,
                leakage_money: None,
                leakage_text: format::NONE.to_owned(),
                metrics,
                adopted: journey
                    .capabilities
                    .iter()
                    .zip(&adopted[row])
                    .filter(|(_, a)| **a)
                    .map(|(cap, _)| cap.id.as_str().into())
                    .collect(),
                next_capabilities: Vec::new(),
            }
        })
        .collect()
}

/// The peers a customer is compared with on one metric: quartiles p25, p50, p75, p90.
struct Peers<'a> {
    keys: std::sync::Arc<GroupKeys>,
    n: usize,
    p: [f64; 4],
    /// The members' values, when known (this workspace's peers, not imported ones).
    sorted: Option<&'a Vec<f64>>,
    source: Text,
}

/// The narrowest imported group of metric `metric` whose keys all match the customer's.
fn imported<'a>(
    b: &benchmarks::Benchmarks,
    metric: &str,
    cust: &crate::engine::Customer,
    cutoff: i64,
    source: &Text,
    k: usize,
) -> Option<Peers<'a>> {
    let m = b.metrics.iter().find(|m| m.metric == metric)?;
    let matches = |keys: &BTreeMap<String, String>| {
        keys.iter().all(|(k, v)| {
            let key: Option<crate::journey::PeerKey> =
                serde_json::from_value(serde_json::Value::from(k.as_str())).ok();
            key.and_then(|key| peers::key_value(key, cust, cutoff))
                .as_ref()
                == Some(v)
        })
    };
    let g = m
        .groups
        .iter()
        // A group below the k this report states is not used, whatever k the file had.
        .filter(|g| g.n >= k && matches(&g.keys))
        .max_by_key(|g| g.keys.len())?;
    Some(Peers {
        keys: std::sync::Arc::new(g.keys.clone()),
        n: g.n,
        p: [g.p25, g.p50, g.p75, g.p90],
        sorted: None,
        source: source.clone(),
    })
}

/// Where `x` falls among peers known only by their quartiles: linear between the points
/// (p25, 25), (p50, 50), (p75, 75), (p90, 90), and beyond them, 0 or 100 at the extremes.
fn rank_from_quartiles(p: [f64; 4], x: f64) -> f64 {
    let pts = [(p[0], 25.0), (p[1], 50.0), (p[2], 75.0), (p[3], 90.0)];
    if x < pts[0].0 {
        return 12.5;
    }
    if x > pts[3].0 {
        return 95.0;
    }
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if x <= x1 {
            return if x1 > x0 {
                y0 + (x - x0) / (x1 - x0) * (y1 - y0)
            } else {
                y1
            };
        }
    }
    90.0
}

/// A value metric's texts, made once for every customer's row.
struct MetricTexts {
    id: Text,
    name: Text,
    unit: Option<Text>,
    no_baseline: Text,
    no_events: Text,
    too_few: Text,
}

impl MetricTexts {
    fn new(m: &Metric, k: u32) -> Self {
        MetricTexts {
            id: m.id.as_str().into(),
            name: m.name.as_str().into(),
            unit: m.unit.as_deref().map(Into::into),
            no_baseline: format!(
                "no {} events in its first {} days: no baseline",
                m.event,
                m.value.as_ref().map_or(30, |v| v.baseline_days)
            )
            .into(),
            no_events: format!("no {} events by the day", m.event).into(),
            too_few: format!("fewer than {k} customers to compare with").into(),
        }
    }
}

fn metric_row(
    m: &Metric,
    t: &MetricTexts,
    (baseline, current, imp): Measured,
    peers: Option<Peers<'_>>,
    cust: &crate::engine::Customer,
    reference: Reference,
) -> MetricValue {
    let mut row = MetricValue {
        metric: t.id.clone(),
        name: t.name.clone(),
        unit: t.unit.clone(),
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
            t.no_baseline.clone()
        } else {
            t.no_events.clone()
        });
        return row;
    };
    let Some(peers) = peers else {
        row.reason = Some(t.too_few.clone());
        return row;
    };
    let [_, p50, p75, p90] = peers.p;
    let reference_value = match reference {
        Reference::P50 => p50,
        Reference::P75 => p75,
        Reference::P90 => p90,
    };
    let leakage = (reference_value - imp).max(0.0);
    row.percentile = match peers.sorted {
        Some(sorted) => percent_rank(sorted, imp),
        None => Some(rank_from_quartiles(peers.p, imp)),
    };
    row.peer_group = Some(PeerGroup {
        keys: peers.keys,
        n: peers.n,
        source: peers.source,
    });
    row.peer_p50 = Some(p50);
    row.peer_p75 = Some(p75);
    row.peer_p90 = Some(p90);
    row.gap_to_p50 = Some(p50 - imp);
    row.gap_to_p75 = Some(p75 - imp);
    row.leakage = Some(leakage);
    row.leakage_money = unit_money(m, cust.arr).map(|u| leakage * u);
    row
}
