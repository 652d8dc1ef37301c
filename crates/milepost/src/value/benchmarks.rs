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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
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
#[serde(deny_unknown_fields)]
pub struct CapabilityBenchmarks {
    pub capability: String,
    pub name: String,
    pub groups: Vec<GroupShare>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
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

/// The most a benchmark file may hold: more than any real set of peer groups, few enough
/// that a crafted file cannot make every report slow.
const MAX_BYTES: usize = 20_000_000;
const MAX_GROUPS: usize = 10_000;
/// Names, ids and key values: as long as a person writes them, not megabytes.
const MAX_TEXT: usize = 200;
/// A value metric's improvement is a count, an amount or a share: beyond this it is not data.
const MAX_VALUE: f64 = 1e12;

/// Reads a benchmark file and checks it as a journey file is checked: its format and
/// fields (an unknown field is refused), its date, k, every group's size against k,
/// percentiles that are numbers in order, shares between 0 and 1, and sane sizes.
/// Each problem names where it is (`metrics[0].groups[3].p75`).
pub fn parse(text: &str) -> Result<Benchmarks, String> {
    if text.len() > MAX_BYTES {
        return Err(format!(
            "the file is {}; a benchmark file is at most {}",
            crate::format::bytes(text.len() as u64),
            crate::format::bytes(MAX_BYTES as u64)
        ));
    }
    let b: Benchmarks = serde_json::from_str(text)
        .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
    let problems = check(&b);
    if problems.is_empty() {
        Ok(b)
    } else {
        Err(problems.join("; "))
    }
}

fn check(b: &Benchmarks) -> Vec<String> {
    let mut p = Vec::new();
    if b.format != FORMAT {
        p.push(format!("\"format\" is \"{}\", not \"{FORMAT}\"", b.format));
    }
    if b.k < 3 {
        p.push(format!(
            "\"k\" is {}; benchmarks need groups of at least 3",
            b.k
        ));
    }
    match chrono::NaiveDate::parse_from_str(&b.as_of, "%Y-%m-%d") {
        Ok(day) if day > chrono::Utc::now().date_naive() + chrono::Days::new(1) => {
            p.push(format!("\"as_of\" is {}, a day still to come", b.as_of));
        }
        Ok(_) => {}
        Err(_) => p.push(format!(
            "\"as_of\" is \"{}\", not a day written YYYY-MM-DD",
            short(&b.as_of)
        )),
    }
    let text = |p: &mut Vec<String>, at: &str, t: &str| {
        if t.chars().count() > MAX_TEXT {
            p.push(format!("{at} is longer than {MAX_TEXT} characters"));
        }
    };
    text(&mut p, "\"journey\"", &b.journey);
    for (i, k) in b.keys.iter().enumerate() {
        text(&mut p, &format!("keys[{i}]"), k);
    }
    let groups: usize = b.metrics.iter().map(|m| m.groups.len()).sum::<usize>()
        + b.capabilities.iter().map(|c| c.groups.len()).sum::<usize>();
    if groups > MAX_GROUPS {
        p.push(format!(
            "the file has {} groups; a benchmark file has at most {}",
            crate::format::count(groups as u64),
            crate::format::count(MAX_GROUPS as u64)
        ));
        return p;
    }
    let keys = |p: &mut Vec<String>, at: &str, keys: &BTreeMap<String, String>| {
        for (k, v) in keys {
            if !b.keys.contains(k) {
                p.push(format!(
                    "{at}.keys has \"{}\", which is not one of \"keys\"",
                    short(k)
                ));
            }
            text(p, &format!("{at}.keys.{}", short(k)), v);
        }
    };
    let size = |p: &mut Vec<String>, at: &str, n: usize| {
        if n < b.k as usize {
            p.push(format!("{at}: a group of {n} is below k = {}", b.k));
        }
    };
    for (i, m) in b.metrics.iter().enumerate() {
        let at = format!("metrics[{i}]");
        text(&mut p, &format!("{at}.metric"), &m.metric);
        text(&mut p, &format!("{at}.name"), &m.name);
        if let Some(u) = &m.unit {
            text(&mut p, &format!("{at}.unit"), u);
        }
        for (j, g) in m.groups.iter().enumerate() {
            let at = format!("{at}.groups[{j}]");
            keys(&mut p, &at, &g.keys);
            size(&mut p, &at, g.n);
            let ps = [
                ("p25", g.p25),
                ("p50", g.p50),
                ("p75", g.p75),
                ("p90", g.p90),
            ];
            if let Some((name, v)) = ps
                .iter()
                .find(|(_, v)| !v.is_finite() || v.abs() > MAX_VALUE)
            {
                let shown = if v.is_finite() && v.abs() < 1e9 {
                    v.to_string()
                } else {
                    format!("{v:e}")
                };
                p.push(format!(
                    "{at}.{name} is {shown}, not a value a metric can have"
                ));
            } else if ps.windows(2).any(|w| w[0].1 > w[1].1) {
                p.push(format!(
                    "{at}: the percentiles are not in order (p25 ≤ p50 ≤ p75 ≤ p90)"
                ));
            }
        }
    }
    for (i, c) in b.capabilities.iter().enumerate() {
        let at = format!("capabilities[{i}]");
        text(&mut p, &format!("{at}.capability"), &c.capability);
        text(&mut p, &format!("{at}.name"), &c.name);
        for (j, g) in c.groups.iter().enumerate() {
            let at = format!("{at}.groups[{j}]");
            keys(&mut p, &at, &g.keys);
            size(&mut p, &at, g.n);
            if !(0.0..=1.0).contains(&g.share) {
                p.push(format!(
                    "{at}.share is {}, not a share from 0 to 1",
                    g.share
                ));
            }
        }
    }
    p.truncate(20);
    p
}

/// A text from a file, cut for a message.
fn short(t: &str) -> String {
    if t.chars().count() <= 40 {
        t.to_owned()
    } else {
        format!("{}…", t.chars().take(40).collect::<String>())
    }
}

/// The JSON Schema of the file, for `docs/benchmarks.schema.json`.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Benchmarks)).expect("a schema serialises")
}
