//! The playbook's stage pages and its plays by role: the journey in words, with each
//! milestone's reached count and each stage's live health when the numbers are there.

use std::collections::BTreeMap;

use super::model::*;
use crate::format::counted;
use crate::journey::words::{channel_words, criterion_words, number, trigger_words};
use crate::journey::{Activity, Journey};

/// Names of the journey's objects by id (the id itself for one that is gone).
struct Names<'a>(&'a Journey);

impl Names<'_> {
    fn stage(&self, id: &str) -> String {
        let j = self.0;
        j.stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    }

    fn activity(&self, id: &str) -> String {
        let j = self.0;
        j.activities
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    }

    fn role(&self, id: &str) -> String {
        let j = self.0;
        j.roles
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_owned(), |r| r.name.clone())
    }

    fn milestone(&self, id: &str) -> String {
        self.0
            .milestones()
            .find(|(_, m)| m.id == id)
            .map_or_else(|| id.to_owned(), |(_, m)| m.name.clone())
    }

    fn activity_row(&self, a: &Activity) -> ActivityRow {
        ActivityRow {
            name: a.name.clone(),
            description: a.description.clone(),
            stage: self.stage(&a.stage),
            role: a.role.as_deref().map(|r| self.role(r)),
            trigger: trigger_words(a.trigger.as_ref(), self.0),
            channel: a.channel.map(|c| channel_words(c).to_owned()),
            effort: a.effort.map(|e| {
                crate::journey::vocabulary::EFFORTS
                    .iter()
                    .find(|(x, _)| *x == e)
                    .map_or(String::new(), |(_, w)| format!("{w} effort"))
            }),
            supports: a.milestones.iter().map(|id| self.milestone(id)).collect(),
        }
    }
}

/// One page per stage: its milestones (with their reached counts from `numbers`), plays,
/// metrics and health rules (with the live counts).
pub(super) fn stage_pages(journey: &Journey, numbers: Option<&Numbers>) -> Vec<StagePage> {
    let names = Names(journey);
    let reached: BTreeMap<&str, &str> = numbers
        .map(|n| {
            n.funnel
                .iter()
                .map(|f| (f.id.as_str(), f.reached.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let live: BTreeMap<&str, &HealthCountRow> = numbers
        .map(|n| n.health.iter().map(|h| (h.id.as_str(), h)).collect())
        .unwrap_or_default();
    journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| StagePage {
            id: s.id.clone(),
            number: i + 1,
            name: s.name.clone(),
            outcome: s.desired_outcome.clone(),
            entry: s.entry_requirements.clone(),
            duration: s.expected_days.map(|d| counted(u64::from(d), "day")),
            milestones: s
                .milestones
                .iter()
                .map(|m| MilestoneRow {
                    name: m.name.clone(),
                    description: m.description.clone(),
                    first_value: m.first_value,
                    criteria: m
                        .criteria
                        .iter()
                        .map(|c| criterion_words(c, journey))
                        .collect(),
                    tasks: m
                        .tasks
                        .iter()
                        .map(|t| TaskRow {
                            title: t.title.clone(),
                            description: t.description.clone(),
                        })
                        .collect(),
                    reached: reached.get(m.id.as_str()).map(|r| (*r).to_owned()),
                })
                .collect(),
            activities: journey
                .activities
                .iter()
                .filter(|a| a.stage == s.id)
                .map(|a| names.activity_row(a))
                .collect(),
            metrics: journey
                .metrics
                .iter()
                .filter(|m| m.stage == s.id)
                .map(metric_row)
                .collect(),
            health: health_rows(s, &|id| names.activity(id)),
            live: live.get(s.id.as_str()).map(|h| LiveCount {
                has_rules: h.has_rules,
                customers: h.customers.clone(),
                green: h.green.clone(),
                grey: h.grey.clone(),
                red: h.red.clone(),
            }),
        })
        .collect()
}

/// Each role's plays in stage order, then the plays nobody owns yet.
pub(super) fn role_rows(journey: &Journey) -> Vec<RoleRow> {
    let names = Names(journey);
    let stage_order = |id: &str| journey.stages.iter().position(|s| s.id == id);
    let plays = |owner: Option<&str>| {
        let mut mine: Vec<&Activity> = journey
            .activities
            .iter()
            .filter(|a| a.role.as_deref() == owner)
            .collect();
        mine.sort_by_key(|a| stage_order(&a.stage));
        mine.into_iter()
            .map(|a| names.activity_row(a))
            .collect::<Vec<_>>()
    };
    let nobody = plays(None);
    journey
        .roles
        .iter()
        .map(|r| RoleRow {
            name: r.name.clone(),
            description: r.description.clone(),
            activities: plays(Some(r.id.as_str())),
        })
        .chain((!nobody.is_empty()).then(|| RoleRow {
            name: "No owner yet".to_owned(),
            description: None,
            activities: nobody,
        }))
        .collect()
}

fn metric_row(m: &crate::journey::Metric) -> MetricRow {
    let unit = m
        .unit
        .as_deref()
        .map(|u| format!(" {u}"))
        .unwrap_or_default();
    let (good, bad) = match m.direction {
        crate::journey::Direction::Higher => ("≥", "≤"),
        crate::journey::Direction::Lower => ("≤", "≥"),
    };
    let aggregate = match m.aggregate {
        crate::journey::Aggregate::Count => "count of",
        crate::journey::Aggregate::Sum => "total",
        crate::journey::Aggregate::Min => "lowest",
        crate::journey::Aggregate::Max => "highest",
        crate::journey::Aggregate::Last => "latest",
        crate::journey::Aggregate::DistinctDays => "days with",
    };
    let window = m
        .window_days
        .map(|d| format!(", last {d} days"))
        .unwrap_or_default();
    MetricRow {
        name: m.name.clone(),
        definition: m.definition.clone(),
        target: m.target.map(|t| format!("{good} {}{unit}", number(t))),
        thresholds: m.thresholds.as_ref().map(|t| {
            format!(
                "green at {good} {}, red at {bad} {}",
                number(t.green),
                number(t.red)
            )
        }),
        measures: format!(
            "{aggregate} {}{window}",
            crate::journey::words::event_words(&m.event)
        ),
    }
}

fn health_rows(
    s: &crate::journey::Stage,
    activity_name: &dyn Fn(&str) -> String,
) -> Vec<HealthRow> {
    let (Some(h), Some(words)) = (&s.health, crate::journey::words::health_words(s)) else {
        return Vec::new();
    };
    let actions = [&h.green_action, &h.grey_action, &h.red_action];
    words
        .bands
        .into_iter()
        .zip(actions)
        .map(|(band, action)| HealthRow {
            colour: band.colour,
            label: band.name,
            when: band.when,
            action: action.as_deref().map(activity_name),
        })
        .collect()
}
