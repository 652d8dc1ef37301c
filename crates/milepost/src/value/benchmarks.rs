//! The benchmark exchange (`milepost/benchmarks@1`): a workspace's peer statistics as
//! aggregates only — per peer group and value metric {n, p25, p50, p75, p90}, per
//! capability the adoption share — to hand to another workspace ("anonymised at the
//! industry-peer level and shared as a gift", seed 001).
//!
//! What keeps a customer from being singled out: no id, name or single value is written;
//! a group smaller than k is left out; and so is a group that could be worked out by
//! subtracting two published ones — where a published group contains another (SMB ⊃
//! SMB + pro) for the same metric, their sizes are equal or differ by at least k.
//! Groups are published broadest first, so a narrower group that fails the test against
//! any broader published one is the one left out.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::peers::{GroupKeys, Groups, Stats};
use super::{Overrides, settings};
use crate::engine::Dataset;
use crate::journey::{Direction, Journey};

pub const FORMAT: &str = "milepost/benchmarks@1";

/// A benchmark file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Benchmarks {
    /// Always `milepost/benchmarks@1`.
    pub format: String,
    /// The journey the statistics come from.
    pub journey: String,
    /// The day of the data (YYYY-MM-DD).
    pub as_of: String,
    /// No group has fewer members than this.
    #[schemars(range(min = 3))]
    pub k: u32,
    /// The peer keys, most important first.
    pub keys: Vec<String>,
    pub metrics: Vec<MetricBenchmarks>,
    pub capabilities: Vec<CapabilityBenchmarks>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MetricBenchmarks {
    /// The metric's id in the journey.
    pub metric: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub direction: Direction,
    /// The improvement since the baseline, per group.
    pub groups: Vec<GroupStats>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GroupStats {
    /// Key → value; empty: every customer.
    pub keys: BTreeMap<String, String>,
    pub n: usize,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CapabilityBenchmarks {
    pub capability: String,
    pub name: String,
    pub groups: Vec<GroupShare>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GroupShare {
    pub keys: BTreeMap<String, String>,
    pub n: usize,
    /// The share of the group (0–1) that has adopted the capability.
    pub share: f64,
}

/// Whether group `a` contains group `b`: b has every key of a, with the same values.
fn contains(a: &GroupKeys, b: &GroupKeys) -> bool {
    a.len() < b.len() && a.iter().all(|(k, v)| b.get(k) == Some(v))
}

/// The groups of at least k that can be published together: broadest first, a group is
/// left out when its size differs from a published group containing it by 1 to k − 1.
pub fn publishable(groups: &Groups) -> Vec<(GroupKeys, &Stats)> {
    let k = groups.k();
    let mut out: Vec<(GroupKeys, &Stats)> = Vec::new();
    for (keys, stats) in groups.published() {
        let safe = out.iter().all(|(wider, s)| {
            !contains(wider, &keys) || s.n == stats.n || s.n.abs_diff(stats.n) >= k
        });
        if safe {
            out.push((keys, stats));
        }
    }
    out
}

/// The workspace's benchmarks for `journey` as of `cutoff`.
pub fn export(
    journey: &Journey,
    data: &Dataset,
    as_of: &str,
    cutoff: i64,
    o: &Overrides,
) -> Benchmarks {
    let s = settings(journey, o);
    let (metric_groups, capability_groups) = super::groups(journey, data, &s, cutoff);
    let metrics = journey
        .metrics
        .iter()
        .filter(|m| m.value.is_some())
        .zip(&metric_groups)
        .map(|(m, g)| MetricBenchmarks {
            metric: m.id.clone(),
            name: m.name.clone(),
            unit: m.unit.clone(),
            direction: m.direction,
            groups: publishable(g)
                .into_iter()
                .map(|(keys, st)| GroupStats {
                    keys,
                    n: st.n,
                    p25: st.p25,
                    p50: st.p50,
                    p75: st.p75,
                    p90: st.p90,
                })
                .collect(),
        })
        .collect();
    let capabilities = journey
        .capabilities
        .iter()
        .zip(&capability_groups)
        .map(|(c, g)| CapabilityBenchmarks {
            capability: c.id.clone(),
            name: c.name.clone(),
            groups: publishable(g)
                .into_iter()
                .map(|(keys, st)| GroupShare {
                    keys,
                    n: st.n,
                    share: st.sorted.iter().sum::<f64>() / st.n as f64,
                })
                .collect(),
        })
        .collect();
    Benchmarks {
        format: FORMAT.to_owned(),
        journey: journey.name.clone(),
        as_of: as_of.to_owned(),
        k: s.k,
        keys: s
            .keys
            .iter()
            .map(|&key| super::peers::key_name(key).to_owned())
            .collect(),
        metrics,
        capabilities,
    }
}

/// Reads a benchmark file, refusing one of another format or with a group under k.
pub fn parse(text: &str) -> Result<Benchmarks, String> {
    let b: Benchmarks = serde_json::from_str(text)
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    if b.format != FORMAT {
        return Err(format!("\"format\" is \"{}\", not \"{FORMAT}\"", b.format));
    }
    if b.k < 3 {
        return Err(format!(
            "\"k\" is {}; benchmarks need groups of at least 3",
            b.k
        ));
    }
    for m in &b.metrics {
        if let Some(g) = m.groups.iter().find(|g| g.n < b.k as usize) {
            return Err(format!(
                "metric \"{}\": a group of {} is below k = {}",
                m.metric, g.n, b.k
            ));
        }
    }
    Ok(b)
}

/// The JSON Schema of the file, for `docs/benchmarks.schema.json`.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Benchmarks)).expect("a schema serialises")
}
