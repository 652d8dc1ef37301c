//! One customer's value review as a one- or two-page PDF for an executive business review
//! (seed 001's "tough love"): what it realises on each value metric against comparable
//! peers, the value left on the table, its place on the maturity path and what to unlock
//! next. Every sentence and number is worked out here; `typst/value.typ` lays them out.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::playbook::Paper;
use crate::format::{Currency, amount, long_date, number, whole_percent};
use crate::journey::{Direction, Journey};
use crate::value::{CustomerValue, MetricValue, ValueReport};

/// What the person exporting a value review chooses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewOptions {
    #[serde(default)]
    pub paper: Paper,
    /// The vendor's name, printed as "prepared by".
    #[serde(default)]
    pub company: Option<String>,
}

/// Everything the template prints.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Review {
    pub title: String,
    pub customer: String,
    pub customer_id: String,
    pub company: Option<String>,
    pub journey: String,
    pub paper: Paper,
    /// "3 December 2026"
    pub generated: String,
    pub as_of: String,
    /// (label, value) pairs: segment, plan, ARR, stage, customer since.
    pub facts: Vec<(String, String)>,
    /// "12,345 a year", or None when no metric has a money value.
    pub headline: Option<String>,
    /// Instead of the money: "Not compared yet", "No money value set".
    pub headline_none: String,
    pub headline_words: String,
    pub phases: Vec<PhaseLine>,
    pub metrics: Vec<MetricBlock>,
    pub next: Vec<NextLine>,
    pub method: String,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PhaseLine {
    pub name: String,
    pub driver: Option<String>,
    /// "2 of 3 capabilities"
    pub adopted: String,
    pub reached: bool,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MetricBlock {
    pub name: String,
    /// "AR days 61 (from 68 in its first 30 days): 7 better; lower is better."
    pub now: String,
    /// "Peers improved 12 at the median, 18 at p75 (good peers) and 24 at p90 (best in class)."
    pub peers: Option<String>,
    /// "SMB · pro: 41 customers, this workspace"
    pub group: Option<String>,
    /// 0–100, where the dot sits on the strip.
    pub percentile: Option<f64>,
    /// "Better than 63 % of its peers"
    pub percentile_words: Option<String>,
    /// "7 AR days behind good peers · 1,750 a year", or None when not behind.
    pub leakage: Option<String>,
    /// Why it is not compared.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct NextLine {
    pub name: String,
    pub words: String,
    pub plays: Option<String>,
}

fn metric_block(m: &MetricValue, baseline_days: u32, currency: &Currency) -> MetricBlock {
    let unit = m.unit.as_deref();
    let better = match m.direction {
        Direction::Higher => "higher",
        Direction::Lower => "lower",
    };
    let now = match (m.current, m.baseline, m.improvement) {
        (Some(now), Some(base), Some(imp)) => {
            let moved = if number(imp) == "0" {
                "no change".to_owned()
            } else if imp > 0.0 {
                format!("{} better", amount(imp, unit))
            } else {
                format!("{} worse", amount(-imp, unit))
            };
            format!(
                "{}: {} now, from {} in its first {}; {moved} ({better} is better).",
                m.name,
                amount(now, unit),
                number(base),
                crate::format::counted(u64::from(baseline_days), "day")
            )
        }
        (Some(now), _, _) => format!("{}: {} now.", m.name, amount(now, unit)),
        _ => format!("{}: no value yet.", m.name),
    };
    let compared = m.peer_p50.is_some();
    MetricBlock {
        name: m.name.to_string(),
        now,
        peers: match (m.peer_p50, m.peer_p75, m.peer_p90) {
            (Some(p50), Some(p75), Some(p90)) => Some(format!(
                "Peers improved {} at the median, {} at p75 (good peers) and {} at p90 (best in class).",
                amount(p50, unit),
                number(p75),
                number(p90)
            )),
            _ => None,
        },
        group: m.peer_group.as_ref().map(|g| {
            let keys: Vec<String> = g
                .keys
                .iter()
                .map(|(k, v)| format!("{} {v}", key_label(k)))
                .collect();
            let who = if keys.is_empty() {
                "Every customer".to_owned()
            } else {
                keys.join(" · ")
            };
            format!(
                "{who}: {}, {}",
                crate::format::counted(g.n as u64, "customer"),
                g.source
            )
        }),
        percentile: m.percentile,
        percentile_words: m
            .percentile
            .map(|p| format!("Ahead of {} of its peers", whole_percent(p / 100.0))),
        leakage: m.leakage.filter(|l| *l > 0.0).map(|l| {
            let mut s = format!("{} behind good peers", amount(l, unit));
            if let Some(money_) = m.leakage_money {
                s.push_str(&format!(" · {}", currency.per_year(money_)));
            }
            s
        }),
        reason: (!compared)
            .then(|| m.reason.as_deref().map(str::to_owned))
            .flatten(),
    }
}

/// A peer key as a reader says it: "segment", "plan", "tenure", "ARR band".
fn key_label(key: &str) -> &str {
    match key {
        "arr_band" => "ARR band",
        other => other,
    }
}

/// The next capabilities a review prints: two rows of two.
const NEXT_ON_PAPER: usize = 4;

fn phases(journey: &Journey, c: &CustomerValue) -> Vec<PhaseLine> {
    let current = journey
        .phases
        .iter()
        .position(|p| Some(p.id.as_str()) == c.phase.as_deref());
    journey
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let caps: Vec<_> = journey
                .capabilities
                .iter()
                .filter(|x| x.phase == p.id)
                .collect();
            let adopted = caps
                .iter()
                .filter(|x| c.adopted.iter().any(|a| **a == *x.id))
                .count();
            PhaseLine {
                name: p.name.clone(),
                driver: p.value_driver.clone(),
                adopted: format!("{adopted} of {} capabilities", caps.len()),
                reached: current.is_some_and(|k| i <= k),
                current: current == Some(i),
            }
        })
        .collect()
}

/// What the headline's money is, in words: the metrics behind good peers that have a
/// money value, and those behind without one.
fn headline_words(c: &CustomerValue, reference: &str) -> String {
    let behind = |money: bool| -> Vec<&str> {
        c.metrics
            .iter()
            .filter(|m| m.leakage.is_some_and(|l| l > 0.0))
            .filter(|m| m.leakage_money.is_some() == money)
            .map(|m| &*m.name)
            .collect()
    };
    let (valued, unvalued) = (behind(true), behind(false));
    if valued.is_empty() && unvalued.is_empty() {
        return if c.metrics.iter().any(|m| m.leakage.is_some()) {
            "It does at least as well as good peers on every value metric compared.".to_owned()
        } else {
            "Not enough data yet to compare it with peers.".to_owned()
        };
    }
    let mut words = if valued.is_empty() {
        String::from("No money value is set for the metrics it is behind on.")
    } else {
        format!(
            "What it would realise a year by doing as well as good peers ({reference}) on {}.",
            valued.join(", ")
        )
    };
    if !unvalued.is_empty() {
        words.push_str(&format!(" Also behind on {}.", unvalued.join(", ")));
    }
    words
}

/// The value review of `c`, one customer of `report`; `since` is its start date.
pub fn review(
    journey: &Journey,
    report: &ValueReport,
    c: &CustomerValue,
    since: Option<i64>,
    options: &ReviewOptions,
    today: i64,
) -> Review {
    let customer = c.name.clone().unwrap_or_else(|| c.customer_id.clone());
    let mut facts = Vec::new();
    let mut fact = |label: &str, v: Option<String>| {
        if let Some(v) = v.filter(|v| !v.is_empty()) {
            facts.push((label.to_owned(), v));
        }
    };
    fact("Segment", c.segment.clone());
    fact("Plan", c.plan.clone());
    fact("ARR", c.arr_text.clone());
    fact("Stage", c.stage_name.as_deref().map(str::to_owned));
    fact("Churned", c.churned.clone());
    fact("Customer since", since.map(long_date));
    let headline_words = match &c.churned {
        Some(day) => format!(
            "It churned on {day}. Value against peers is about active customers: it is not compared, and has no next steps."
        ),
        None => headline_words(c, &report.reference),
    };
    let baseline_days = |id: &str| {
        journey
            .metrics
            .iter()
            .find(|m| m.id == id)
            .and_then(|m| m.value.as_ref())
            .map_or(30, |v| v.baseline_days)
    };
    Review {
        title: format!("Value review — {customer}"),
        customer,
        customer_id: c.customer_id.clone(),
        company: options.company.clone().filter(|s| !s.trim().is_empty()),
        journey: journey.name.clone(),
        paper: options.paper,
        generated: long_date(today),
        as_of: report.as_of.clone(),
        facts,
        headline: c.leakage_money.map(|m| report.currency.per_year(m)),
        headline_none: if c.churned.is_some() {
            "Churned".to_owned()
        } else if c.metrics.iter().any(|m| m.leakage.is_some()) {
            "No money value set".to_owned()
        } else {
            "Not compared yet".to_owned()
        },
        headline_words,
        phases: phases(journey, c),
        metrics: c
            .metrics
            .iter()
            .map(|m| metric_block(m, baseline_days(&m.metric), &report.currency))
            .collect(),
        next: c
            .next_capabilities
            .iter()
            .take(NEXT_ON_PAPER)
            .map(|n| NextLine {
                name: n.name.to_string(),
                words: match (n.peer_share, n.peer_n) {
                    (Some(s), Some(peers)) => format!(
                        "{} of its {} use it; it doesn't yet.",
                        whole_percent(s),
                        crate::format::counted(peers as u64, "peer")
                    ),
                    _ => "Next on the maturity path.".to_owned(),
                },
                plays: (!n.plays.is_empty()).then(|| n.plays.join(", ")),
            })
            .collect(),
        method: format!(
            "Improvement is each metric's value now against its value over the customer's first days. Peers are customers of the same {} with an improvement as of {}; a group of fewer than {} is never shown, and the customer is then compared with the next broader group. Percentiles by linear interpolation between closest ranks; medians, not means. Leakage is the shortfall to the peers' {}, never below zero.",
            if report.keys.is_empty() {
                "workspace".to_owned()
            } else {
                report.keys.join(" and ").replace('_', " ")
            },
            report.as_of,
            report.k,
            report.reference
        ),
    }
}

/// The value review of customer `id` as PDF bytes.
pub fn review_pdf(
    journey: &Journey,
    report: &ValueReport,
    data: &crate::engine::Dataset,
    id: &str,
    options: &ReviewOptions,
    today: i64,
) -> crate::Result<Vec<u8>> {
    let t = review_document(journey, report, data, id, options, today)?;
    super::typeset::pdf(&t, &format!("Value review — {id}"))
}

/// The value review of customer `id`, laid out.
pub fn review_document(
    journey: &Journey,
    report: &ValueReport,
    data: &crate::engine::Dataset,
    id: &str,
    options: &ReviewOptions,
    today: i64,
) -> crate::Result<super::Typeset> {
    let r = review_of(journey, report, data, id, options, today)?;
    super::typeset::typeset("value.typ", &r)
}

/// The value review of customer `id` of `report`: every sentence the app shows and the
/// PDF prints. A customer not in the report is named with the reason.
pub fn review_of(
    journey: &Journey,
    report: &ValueReport,
    data: &crate::engine::Dataset,
    id: &str,
    options: &ReviewOptions,
    today: i64,
) -> crate::Result<Review> {
    let known = data.customers.iter().find(|x| x.id == id);
    let c = report
        .customers
        .iter()
        .find(|c| c.customer_id == id)
        .ok_or_else(|| match known {
            Some(k) if k.churn.is_some_and(|t| crate::format::date(t) <= report.as_of) => {
                crate::Error::InvalidOption(format!(
                    "customer \"{id}\" churned on {}: value against peers is about active customers (ask for churned customers to list it, marked churned)",
                    k.churn.map(crate::format::date).unwrap_or_default()
                ))
            }
            Some(_) => crate::Error::InvalidOption(format!(
                "customer \"{id}\" had not started by {}: it has no value review then",
                report.as_of
            )),
            None => crate::Error::CustomerNotFound(id.to_owned()),
        })?;
    let since = known.and_then(|x| x.start);
    Ok(review(journey, report, c, since, options, today))
}
