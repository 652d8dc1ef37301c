//! Rules → tasks (seed 002): the playbook's triggers turned into tasks for the people who
//! run them. An activity with a trigger is a rule: when the customer enters its stage,
//! reaches a milestone, turns red, stays stuck, or every N days in the stage, a task goes
//! to the activity's role, owned by the customer's owner, with a priority, a due date and
//! the reason. Manual activities create no tasks.

use serde::Serialize;
use ts_rs::TS;

use super::assess::{Assessment, DAY, assess};
use super::dataset::Dataset;
use super::health::{Health, health};
use crate::data::values::format_date;
use crate::journey::{Activity, Journey, Trigger};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    fn of(t: &Trigger) -> Priority {
        match t {
            Trigger::HealthRed | Trigger::Stuck { .. } => Priority::High,
            Trigger::StageEntered | Trigger::MilestoneReached { .. } => Priority::Medium,
            Trigger::Recurring { .. } | Trigger::Manual => Priority::Low,
        }
    }

    /// Days from the task's creation to its due date.
    fn days(self) -> i64 {
        match self {
            Priority::High => 2,
            Priority::Medium => 7,
            Priority::Low => 14,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct TaskItem {
    pub customer: String,
    pub customer_name: Option<String>,
    /// The activity (playbook play) to run.
    pub activity: String,
    pub title: String,
    /// The role that runs it (its name).
    pub role: Option<String>,
    /// The customer's owner.
    pub owner: Option<String>,
    pub priority: Priority,
    /// `YYYY-MM-DD`
    pub created: String,
    pub due: String,
    pub reason: String,
    #[serde(skip)]
    #[ts(skip)]
    pub at: i64,
}

/// Per customer, when each stage was entered (None: not yet), from an assessment.
fn entered(journey: &Journey, data: &Dataset, a: &Assessment, c: usize) -> Vec<Option<i64>> {
    (0..journey.stages.len())
        .map(|s| a.stage_entered(data.customers[c].start, c, s))
        .collect()
}

/// The stage a customer is in at time t; without milestones, the last stage.
fn stage_at(a: &Assessment, c: usize, t: i64, stages: usize) -> Option<usize> {
    a.stage_at(c, t).or(stages.checked_sub(1))
}

/// Every firing of the rules in (from, to] that the final assessment `a` tells (all but
/// "health turned red", which needs the health at the time).
fn firings(
    journey: &Journey,
    data: &Dataset,
    a: &Assessment,
    from: i64,
    to: i64,
) -> Vec<(usize, usize, i64, String)> {
    let mut out = Vec::new();
    let stage_of = |id: &str| journey.stages.iter().position(|s| s.id == id);
    for c in 0..data.customers.len() {
        let churn = data.customers[c].churn;
        let alive = |t: i64| churn.is_none_or(|ch| t < ch);
        let entered = entered(journey, data, a, c);
        for (ai, act) in journey.activities.iter().enumerate() {
            let Some(trigger) = &act.trigger else {
                continue;
            };
            let Some(s) = stage_of(&act.stage) else {
                continue;
            };
            let stage_name = &journey.stages[s].name;
            let mut fire = |t: i64, reason: String| {
                if t > from && t <= to && alive(t) {
                    out.push((c, ai, t, reason));
                }
            };
            match trigger {
                Trigger::Manual | Trigger::HealthRed => {}
                Trigger::StageEntered => {
                    if let Some(t) = entered[s] {
                        fire(t, format!("Entered {stage_name}"));
                    }
                }
                Trigger::MilestoneReached { milestone } => {
                    if let Some(k) = a.milestones.iter().position(|m| &m.id == milestone)
                        && let Some(t) = a.reached_at(c, k)
                    {
                        fire(t, format!("Reached “{}”", a.milestones[k].name));
                    }
                }
                Trigger::Stuck { days } => {
                    // Stuck once `days` pass after reaching a milestone (or starting)
                    // without reaching the next one, while in this stage.
                    let mut since = data.customers[c].start;
                    for k in 0..=a.milestones.len() {
                        let next = a.milestones.get(k).and_then(|_| a.reached_at(c, k));
                        if let Some(from_t) = since {
                            let t = from_t + i64::from(*days) * DAY;
                            if next.is_none_or(|n| n > t)
                                && stage_at(a, c, t, journey.stages.len()) == Some(s)
                            {
                                let at = if k == 0 {
                                    "the start".to_owned()
                                } else {
                                    format!("“{}”", a.milestones[k - 1].name)
                                };
                                fire(t, format!("No progress for {days} days since {at}"));
                            }
                        }
                        if next.is_none() {
                            break;
                        }
                        since = next;
                    }
                }
                Trigger::Recurring { every_days } => {
                    if let Some(start) = entered[s] {
                        let left = entered.get(s + 1).copied().flatten();
                        let step = i64::from(*every_days) * DAY;
                        let first = start + step.max(((from - start) / step) * step);
                        let mut t = first;
                        while t <= to && left.is_none_or(|l| t < l) {
                            fire(t, format!("Every {every_days} days in {stage_name}"));
                            t += step;
                        }
                    }
                }
            }
        }
    }
    out
}

fn item(
    journey: &Journey,
    data: &Dataset,
    c: usize,
    act: &Activity,
    at: i64,
    reason: String,
) -> TaskItem {
    let priority = act.trigger.as_ref().map_or(Priority::Low, Priority::of);
    let cust = &data.customers[c];
    TaskItem {
        customer: cust.id.clone(),
        customer_name: cust.name.clone(),
        activity: act.id.clone(),
        title: act.name.clone(),
        role: act
            .role
            .as_ref()
            .and_then(|r| journey.roles.iter().find(|x| &x.id == r))
            .map(|r| r.name.clone()),
        owner: cust.owner.clone(),
        priority,
        created: format_date(at),
        due: format_date(at + priority.days() * DAY),
        reason,
        at,
    }
}

/// The tasks the rules created in the `days` days up to `a.cutoff`, most urgent first.
pub fn tasks(journey: &Journey, data: &Dataset, a: &Assessment, days: i64) -> Vec<TaskItem> {
    let from = a.cutoff - days * DAY;
    let mut out: Vec<TaskItem> = firings(journey, data, a, from, a.cutoff)
        .into_iter()
        .map(|(c, ai, t, reason)| item(journey, data, c, &journey.activities[ai], t, reason))
        .collect();
    // Health turned red: customers red now, in the activity's stage.
    let reds: Vec<&Activity> = journey
        .activities
        .iter()
        .filter(|x| matches!(x.trigger, Some(Trigger::HealthRed)))
        .collect();
    if !reds.is_empty() {
        for c in 0..data.customers.len() {
            if data.customers[c].churn.is_some_and(|t| t <= a.cutoff) {
                continue;
            }
            let Some(s) = stage_at(a, c, a.cutoff, journey.stages.len()) else {
                continue;
            };
            let days_in = a.days_in_stage(data.customers[c].start, c, s);
            let Some(h) = health(journey, data, c, s, days_in, a.cutoff) else {
                continue;
            };
            if h.colour != Health::Red {
                continue;
            }
            for act in reds.iter().filter(|x| x.stage == journey.stages[s].id) {
                let reason = format!("Health is red: {}", h.reasons.join("; "));
                out.push(item(journey, data, c, act, a.cutoff, reason));
            }
        }
    }
    out.sort_by(|x, y| (x.priority, &x.due, &x.customer).cmp(&(y.priority, &y.due, &y.customer)));
    out
}

/// Tasks a rule set would have created per owner per week.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekLoad {
    /// Monday of the week, `YYYY-MM-DD`.
    pub week: String,
    pub owner: Option<String>,
    pub role: Option<String>,
    #[ts(type = "number")]
    pub tasks: u64,
    /// The role's capacity in tasks per owner per week, when given.
    pub capacity: Option<u32>,
    pub over: bool,
}

/// Replays the rules over the `weeks` weeks before the as-of date: tasks per owner and
/// role per week, against a capacity per role (role id or name → tasks per week).
pub fn dry_run(
    journey: &Journey,
    data: &Dataset,
    cutoff: i64,
    weeks: i64,
    capacity: &std::collections::BTreeMap<String, u32>,
) -> Vec<WeekLoad> {
    use std::collections::BTreeMap;
    // Weeks run Monday to Sunday and end on the Sunday at or before the cut-off
    // (1970-01-01 was a Thursday: weekday 3 counting Monday as 0).
    let day = cutoff.div_euclid(DAY);
    let weekday = (day + 3).rem_euclid(7);
    let last_sunday = day - (weekday + 1).rem_euclid(7);
    let end = last_sunday * DAY + DAY - 1;
    let start = end - weeks * 7 * DAY;
    let a = assess(journey, data, end);
    let mut items: Vec<TaskItem> = firings(journey, data, &a, start, end)
        .into_iter()
        .map(|(c, ai, t, reason)| item(journey, data, c, &journey.activities[ai], t, reason))
        .collect();
    // "Health turned red", week by week.
    if journey
        .activities
        .iter()
        .any(|x| matches!(x.trigger, Some(Trigger::HealthRed)))
    {
        let mut was_red = vec![false; data.customers.len()];
        for w in 0..=weeks {
            let t = start + w * 7 * DAY;
            let aw = assess(journey, data, t);
            for (c, red) in was_red.iter_mut().enumerate() {
                if data.customers[c].churn.is_some_and(|ch| ch <= t) {
                    *red = false;
                    continue;
                }
                let Some(s) = stage_at(&aw, c, aw.cutoff, journey.stages.len()) else {
                    continue;
                };
                let days_in = aw.days_in_stage(data.customers[c].start, c, s);
                let now = health(journey, data, c, s, days_in, aw.cutoff)
                    .is_some_and(|h| h.colour == Health::Red);
                if now && !*red && w > 0 {
                    for act in journey.activities.iter().filter(|x| {
                        matches!(x.trigger, Some(Trigger::HealthRed))
                            && x.stage == journey.stages[s].id
                    }) {
                        items.push(item(journey, data, c, act, t, "Health turned red".into()));
                    }
                }
                *red = now;
            }
        }
    }
    let mut counts: BTreeMap<(i64, Option<String>, Option<String>), u64> = BTreeMap::new();
    for t in &items {
        let week = start + 1 + (t.at - start - 1).div_euclid(7 * DAY) * 7 * DAY;
        *counts
            .entry((week, t.owner.clone(), t.role.clone()))
            .or_default() += 1;
    }
    let role_capacity = |role: &Option<String>| {
        let r = role.as_ref()?;
        capacity.get(r).copied().or_else(|| {
            journey
                .roles
                .iter()
                .find(|x| &x.name == r)
                .and_then(|x| capacity.get(&x.id).copied())
        })
    };
    counts
        .into_iter()
        .map(|((week, owner, role), tasks)| {
            let cap = role_capacity(&role);
            WeekLoad {
                week: format_date(week),
                owner,
                capacity: cap,
                over: cap.is_some_and(|c| tasks > u64::from(c)),
                role,
                tasks,
            }
        })
        .collect()
}

/// Tasks as CSV, safe to open in a spreadsheet (no cell starts a formula).
pub fn to_csv(list: &[TaskItem]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "priority",
        "due",
        "customer",
        "customer_name",
        "task",
        "role",
        "owner",
        "created",
        "reason",
    ];
    let _ = w.write_record(header);
    for t in list {
        let priority = format!("{:?}", t.priority).to_lowercase();
        let cells = [
            priority.as_str(),
            &t.due,
            &t.customer,
            t.customer_name.as_deref().unwrap_or(""),
            &t.title,
            t.role.as_deref().unwrap_or(""),
            t.owner.as_deref().unwrap_or(""),
            &t.created,
            &t.reason,
        ];
        let _ = w.write_record(cells.iter().map(|c| crate::data::safe_cell(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
