//! A journey in plain words, for people who never see the editor: "3 or more billing
//! cycles completed", "latest AR days at most 45", "logins on at least 10 different days
//! in the last 30 days". The playbook PDF reads these.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use super::check::{Finding, check};
use super::model::{Aggregate, Channel, Criterion, Journey, Op, Stage, Trigger};
use super::vocabulary::{CHANNELS, triggers};

/// An event name as words: `billing_cycle_completed` → "billing cycle completed";
/// short words are read as acronyms (`ar_days` → "AR days").
pub fn event_words(event: &str) -> String {
    event
        .split(['_', '-', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            const WORDS: [&str; 18] = [
                "at", "in", "on", "of", "to", "by", "is", "it", "or", "as", "be", "do", "go", "no",
                "up", "we", "me", "my",
            ];
            if w.len() == 2 && w.chars().all(|c| c.is_ascii_alphabetic()) && !WORDS.contains(&w) {
                w.to_ascii_uppercase()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(word: &str) -> String {
    if word.ends_with('s') || word.chars().all(|c| c.is_ascii_uppercase()) {
        word.to_owned()
    } else if let Some(stem) = word.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if word.ends_with("ch") || word.ends_with("sh") || word.ends_with('x') {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// The event counted as things: `billing_cycle_completed` → "billing cycles completed",
/// `login` → "logins", `report_shared` → "reports shared".
fn counted(event: &str) -> String {
    let mut words: Vec<String> = event_words(event).split(' ').map(str::to_owned).collect();
    let last = words.len().saturating_sub(1);
    // A participle closes a noun phrase ("cycle completed", "referral given", "invoice
    // paid"): the noun before it is what counts.
    let participle = |w: &str| {
        w.ends_with("ed")
            || w.ends_with("en")
            || [
                "sent", "built", "paid", "made", "done", "won", "held", "run", "set", "shown",
            ]
            .contains(&w)
    };
    let noun = if words.len() >= 2 && participle(&words[last]) {
        last - 1
    } else {
        last
    };
    if let Some(w) = words.get_mut(noun) {
        *w = plural(w);
    }
    words.join(" ")
}

/// A number in a rule as people write it: thousands separated, at most two decimals.
pub fn number(v: f64) -> String {
    crate::format::number_to(v, 2)
}

fn comparison(op: Op, v: &str) -> String {
    match op {
        Op::Ge => format!("at least {v}"),
        Op::Gt => format!("more than {v}"),
        Op::Le => format!("at most {v}"),
        Op::Lt => format!("less than {v}"),
        Op::Eq => format!("exactly {v}"),
    }
}

/// A criterion in plain words. A metric measuring the same event lends its name ("AR
/// days" rather than "ar days").
pub fn criterion_words(c: &Criterion, journey: &Journey) -> String {
    let v = number(c.value);
    let named = journey
        .metrics
        .iter()
        .find(|m| m.event == c.event)
        .map(|m| m.name.clone())
        .unwrap_or_else(|| event_words(&c.event));
    let rule = match c.aggregate {
        Aggregate::Count => {
            let things = counted(&c.event);
            match c.op {
                Op::Ge => format!("{v} or more {things}"),
                Op::Gt => format!("more than {v} {things}"),
                Op::Le => format!("at most {v} {things}"),
                Op::Lt => format!("fewer than {v} {things}"),
                Op::Eq => format!("exactly {v} {things}"),
            }
        }
        Aggregate::DistinctDays => {
            let days = if c.value == 1.0 {
                "day"
            } else {
                "different days"
            };
            let on = match c.op {
                Op::Ge => format!("on at least {v} {days}"),
                Op::Gt => format!("on more than {v} {days}"),
                Op::Le => format!("on at most {v} {days}"),
                Op::Lt => format!("on fewer than {v} {days}"),
                Op::Eq => format!("on exactly {v} {days}"),
            };
            format!("{} {on}", counted(&c.event))
        }
        Aggregate::Sum => format!("total {named} {}", comparison(c.op, &v)),
        Aggregate::Min => format!("lowest {named} {}", comparison(c.op, &v)),
        Aggregate::Max => format!("highest {named} {}", comparison(c.op, &v)),
        Aggregate::Last => format!("latest {named} {}", comparison(c.op, &v)),
    };
    match c.window_days {
        Some(1) => format!("{rule} in the last day"),
        Some(d) => format!("{rule} in the last {d} days"),
        None => rule,
    }
}

/// When an activity runs, in words, with the milestone or matrix named.
pub fn trigger_words(t: Option<&Trigger>, journey: &Journey) -> String {
    let kind = |k: &Trigger| {
        triggers()
            .into_iter()
            .find(|(x, _)| std::mem::discriminant(x) == std::mem::discriminant(k))
            .map(|(_, w)| w.to_owned())
            .unwrap_or_default()
    };
    match t {
        None => kind(&Trigger::Manual),
        Some(t @ (Trigger::Manual | Trigger::StageEntered | Trigger::HealthRed)) => kind(t),
        Some(Trigger::MilestoneReached { milestone }) => {
            let name = journey
                .milestones()
                .find(|(_, m)| &m.id == milestone)
                .map_or(milestone.as_str(), |(_, m)| m.name.as_str());
            format!("When “{name}” is reached")
        }
        Some(Trigger::Stuck { days }) => format!("Stuck more than {days} days"),
        Some(Trigger::Recurring { every_days }) => format!("Every {every_days} days"),
        Some(Trigger::InQuadrant { matrix, quadrant }) => {
            match journey.matrices.iter().find(|m| &m.id == matrix) {
                Some(m) => format!("In “{}” of {}", m.quadrant_name(*quadrant), m.name),
                None => format!("In a quadrant of {matrix}"),
            }
        }
    }
}

pub fn channel_words(c: Channel) -> &'static str {
    CHANNELS
        .iter()
        .find(|(x, _)| *x == c)
        .map_or("", |(_, w)| *w)
}

/// One health colour of a stage in words: its name, the card's short form of the days
/// ("≤ 36 d") and the sentence the PDF's table and the card's tooltip print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HealthBand {
    #[ts(type = "\"green\" | \"grey\" | \"red\"")]
    pub colour: &'static str,
    /// "On track", "Caution", "Warning".
    pub name: &'static str,
    /// The days (or share of the expected time) in the stage this colour lasts: "≤ 36 d",
    /// "≤ 45 d", "> 45 d"; "—" when no days rule gives it.
    pub short: String,
    /// When a customer is this colour, as a sentence: "More than 36 days and up to 45
    /// days in Onboard; or a health metric between its thresholds or without data".
    pub when: String,
}

/// A stage's health rules in words: the three colours, and how many metrics also colour
/// the customers in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HealthWords {
    pub bands: Vec<HealthBand>,
    pub metrics: u32,
}

/// The stage's health rules in words, or None without rules. The worst colour wins
/// (`docs/SEMANTICS.md`): green needs the days rule and every metric green; grey or red
/// needs either.
pub fn health_words(s: &Stage) -> Option<HealthWords> {
    let h = s.health.as_ref()?;
    // The exact limit the engine compares with (45 days × 150 % = 67.5): a rounded one
    // would call a customer red at 68 days while the card said "> 68 d".
    let days = |p: u32| s.expected_days.map(|d| f64::from(d) * f64::from(p) / 100.0);
    let long = |p: u32| match days(p) {
        Some(d) => crate::format::amount(d, Some("day")),
        None => format!("{p} % of the expected time"),
    };
    let short = |p: u32| match days(p) {
        Some(d) => format!("{} d", number(d)),
        None => format!("{p} %"),
    };
    let metrics = !h.metrics.is_empty();
    let (grey, red) = (h.grey_after_percent, h.red_after_percent);
    let first = grey.or(red);
    let in_stage = format!(" in {}", s.name);
    let sentence = |parts: Vec<String>, joint: &str| {
        let text = parts.join(joint);
        let mut c = text.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => "—".to_owned(),
        }
    };
    let green = sentence(
        [
            first.map(|p| format!("up to {}{in_stage}", long(p))),
            metrics.then(|| "every health metric at its green threshold".to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect(),
        ", and ",
    );
    let grey_days = match (grey, red) {
        (Some(g), Some(r)) => Some(format!(
            "more than {} and up to {}{in_stage}",
            long(g),
            long(r)
        )),
        (Some(g), None) => Some(format!("more than {}{in_stage}", long(g))),
        _ => None,
    };
    let grey_when = sentence(
        [
            grey_days,
            metrics.then(|| "a health metric between its thresholds or without data".to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect(),
        "; or ",
    );
    let red_when = sentence(
        [
            red.map(|r| format!("more than {}{in_stage}", long(r))),
            metrics.then(|| "a health metric at its red threshold".to_owned()),
        ]
        .into_iter()
        .flatten()
        .collect(),
        "; or ",
    );
    let none = || "—".to_owned();
    Some(HealthWords {
        bands: vec![
            HealthBand {
                colour: "green",
                name: "On track",
                short: first.map_or_else(none, |p| format!("≤ {}", short(p))),
                when: if first.is_none() && !metrics {
                    "While no rule turns it".to_owned()
                } else {
                    green
                },
            },
            HealthBand {
                colour: "grey",
                name: "Caution",
                short: match (grey, red) {
                    (Some(_), Some(r)) => format!("≤ {}", short(r)),
                    (Some(g), None) => format!("> {}", short(g)),
                    _ => none(),
                },
                when: grey_when,
            },
            HealthBand {
                colour: "red",
                name: "Warning",
                short: red.map_or_else(none, |r| format!("> {}", short(r))),
                when: red_when,
            },
        ],
        metrics: u32::try_from(h.metrics.len()).unwrap_or(u32::MAX),
    })
}

/// What the editor's cards and check list say about a journey, worded here once: the
/// framework check's findings, each play's trigger, each stage's health rules. The editor
/// asks for it as the journey changes (`journey_words`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct JourneyWords {
    pub findings: Vec<Finding>,
    /// By activity id.
    pub triggers: BTreeMap<String, String>,
    /// By stage id, for stages with health rules.
    pub health: BTreeMap<String, HealthWords>,
}

pub fn journey_words(j: &Journey) -> JourneyWords {
    JourneyWords {
        findings: check(j),
        triggers: j
            .activities
            .iter()
            .map(|a| (a.id.clone(), trigger_words(a.trigger.as_ref(), j)))
            .collect(),
        health: j
            .stages
            .iter()
            .filter_map(|s| Some((s.id.clone(), health_words(s)?)))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stage(health: serde_json::Value, expected_days: Option<u32>) -> Stage {
        let mut s: Stage =
            serde_json::from_value(serde_json::json!({"id": "s", "name": "Onboard"})).unwrap();
        s.health = serde_json::from_value(health).unwrap();
        s.expected_days = expected_days;
        s
    }

    fn bands(s: &Stage) -> Vec<(String, String)> {
        health_words(s)
            .unwrap()
            .bands
            .into_iter()
            .map(|b| (b.short, b.when))
            .collect()
    }

    #[test]
    fn health_bands_are_in_days_of_the_expected_duration() {
        let s = stage(
            serde_json::json!({"grey_after_percent": 80, "red_after_percent": 100, "metrics": []}),
            Some(45),
        );
        assert_eq!(
            bands(&s),
            [
                ("≤ 36 d".into(), "Up to 36 days in Onboard".into()),
                (
                    "≤ 45 d".into(),
                    "More than 36 days and up to 45 days in Onboard".into()
                ),
                ("> 45 d".into(), "More than 45 days in Onboard".into()),
            ]
        );
    }

    #[test]
    fn health_bands_fall_back_to_shares_and_green_needs_every_metric() {
        let s = stage(
            serde_json::json!({"red_after_percent": 150, "metrics": ["a", "b"]}),
            None,
        );
        let words = health_words(&s).unwrap();
        assert_eq!(words.metrics, 2);
        assert_eq!(
            bands(&s),
            [
                (
                    "≤ 150 %".into(),
                    "Up to 150 % of the expected time in Onboard, and every health metric at its green threshold".into()
                ),
                (
                    "—".into(),
                    "A health metric between its thresholds or without data".into()
                ),
                (
                    "> 150 %".into(),
                    "More than 150 % of the expected time in Onboard; or a health metric at its red threshold".into()
                ),
            ]
        );
        assert!(health_words(&stage(serde_json::Value::Null, Some(30))).is_none());
    }

    #[test]
    fn health_bands_say_the_exact_limit_the_engine_compares_with() {
        let s = stage(
            serde_json::json!({"grey_after_percent": 100, "red_after_percent": 150}),
            Some(45),
        );
        assert_eq!(
            bands(&s)[2],
            ("> 67.5 d".into(), "More than 67.5 days in Onboard".into())
        );
    }

    #[test]
    fn one_day_is_a_day() {
        let s = stage(serde_json::json!({"red_after_percent": 100}), Some(1));
        assert_eq!(bands(&s)[2].1, "More than 1 day in Onboard");
    }

    fn c(event: &str, aggregate: Aggregate, op: Op, value: f64, window: Option<u32>) -> Criterion {
        Criterion {
            event: event.into(),
            aggregate,
            op,
            value,
            window_days: window,
        }
    }

    #[test]
    fn criteria_read_as_a_person_would_say_them() {
        let mut j = crate::journey::templates::blank("x");
        let said = |j: &Journey, x: Criterion| criterion_words(&x, j);
        assert_eq!(
            said(
                &j,
                c(
                    "billing_cycle_completed",
                    Aggregate::Count,
                    Op::Ge,
                    3.0,
                    None
                )
            ),
            "3 or more billing cycles completed"
        );
        assert_eq!(
            said(
                &j,
                c("login", Aggregate::DistinctDays, Op::Ge, 10.0, Some(30))
            ),
            "logins on at least 10 different days in the last 30 days"
        );
        assert_eq!(
            said(&j, c("ar_days", Aggregate::Last, Op::Le, 45.0, None)),
            "latest AR days at most 45"
        );
        assert_eq!(
            said(
                &j,
                c("invoice_paid", Aggregate::Sum, Op::Gt, 1500.5, Some(1))
            ),
            "total invoice paid more than 1,500.5 in the last day"
        );
        assert_eq!(
            said(&j, c("referral_given", Aggregate::Count, Op::Ge, 1.0, None)),
            "1 or more referrals given"
        );
        assert_eq!(
            said(&j, c("activity", Aggregate::Count, Op::Lt, 2.0, None)),
            "fewer than 2 activities"
        );
        // A metric on the event names it.
        j.metrics.push(crate::journey::Metric {
            id: "ar".into(),
            name: "Accounts-receivable days".into(),
            stage: String::new(),
            definition: None,
            event: "ar_days".into(),
            aggregate: Aggregate::Last,
            window_days: None,
            unit: None,
            target: None,
            direction: crate::journey::Direction::Lower,
            thresholds: None,
            value: None,
        });
        assert_eq!(
            said(&j, c("ar_days", Aggregate::Last, Op::Le, 45.0, None)),
            "latest Accounts-receivable days at most 45"
        );
    }
}
