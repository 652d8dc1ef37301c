//! Rules → tasks (seed 002): the playbook's triggers turned into tasks for the people who
//! run them. An activity with a trigger is a rule: when the customer enters its stage,
//! reaches a milestone, turns red, stays stuck, every N days in the stage, or comes into a
//! matrix quadrant while in the stage, a task goes
//! to the activity's role, owned by the customer's owner, with a priority, a due date and
//! the reason. Manual activities create no tasks.

use serde::Serialize;
use ts_rs::TS;

use super::assess::{Assessment, DAY};
use super::dataset::Dataset;
use super::health::{Health, health};
use super::population::{Filter, population};
use super::scores::{Reader, Scores};
use crate::format::date as format_date;
use crate::journey::{Journey, Trigger};

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
            Trigger::StageEntered
            | Trigger::MilestoneReached { .. }
            | Trigger::InQuadrant { .. } => Priority::Medium,
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

/// One rule firing: customer `customer` gets activity `activity`'s task at `at`.
#[derive(Debug)]
struct Firing {
    customer: usize,
    activity: usize,
    at: i64,
    reason: String,
}

/// The stage a customer is in at time t; without milestones, the last stage.
fn stage_at(a: &Assessment, c: usize, t: i64, stages: usize) -> Option<usize> {
    a.stage_at(c, t).or(stages.checked_sub(1))
}

/// Every rule firing in (from, to] for the population of `a` (whose cut-off is `to`).
/// A trigger fires on the day its condition becomes true, never again while it stays
/// true (`docs/SEMANTICS.md`, "Triggers"): so the tasks of any window are the firings in
/// it, and the live list and the dry run are the same firings cut differently.
fn firings(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &Assessment,
    filter: &Filter,
    from: i64,
) -> Vec<Firing> {
    let to = a.cutoff;
    let stage_of = |id: &str| journey.stages.iter().position(|s| s.id == id);
    // Per stage, whether a "health turned red" play watches it.
    let watched: Vec<bool> = journey
        .stages
        .iter()
        .map(|s| {
            s.health.is_some()
                && journey
                    .activities
                    .iter()
                    .any(|x| x.stage == s.id && matches!(x.trigger, Some(Trigger::HealthRed)))
        })
        .collect();
    let mut out = Vec::new();
    for c in population(data, a, filter) {
        let churn = data.customers[c].churn;
        let alive = |t: i64| churn.is_none_or(|ch| t < ch);
        let entered: Vec<Option<i64>> = (0..journey.stages.len())
            .map(|s| a.stage_entered(data.customers[c].start, c, s))
            .collect();
        let reds = if watched.contains(&true) {
            turned_red(journey, data, a, c, &watched)
        } else {
            Vec::new()
        };
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
                    out.push(Firing {
                        customer: c,
                        activity: ai,
                        at: t,
                        reason,
                    });
                }
            };
            match trigger {
                Trigger::Manual => {}
                Trigger::HealthRed => {
                    for (_, t, why) in reds.iter().filter(|r| r.0 == s) {
                        fire(*t, format!("Health turned red: {}", why.join("; ")));
                    }
                }
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
                    // Once per stay: `days` after reaching a milestone (or starting)
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
                Trigger::InQuadrant { matrix, quadrant } => {
                    let Some(m) = journey.matrices.iter().find(|m| &m.id == matrix) else {
                        continue;
                    };
                    if let Some(start) = entered[s] {
                        let left = entered.get(s + 1).copied().flatten().unwrap_or(i64::MAX);
                        for t in in_quadrant(journey, data, scores, m, *quadrant, c, start, left) {
                            fire(
                                t,
                                format!(
                                    "In “{}” of {}",
                                    m.quadrant(*quadrant).map_or_else(
                                        || crate::serde_name(quadrant),
                                        |x| x.name.clone()
                                    ),
                                    m.name
                                ),
                            );
                        }
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

/// The moments customer `c` came into quadrant `q` of matrix `m` while in a stage it
/// entered at `start` and left at `left`: on entering the stage there, or on moving there
/// (a score changed, or a metric an axis reads moved) while in it.
#[allow(clippy::too_many_arguments)]
fn in_quadrant(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    m: &crate::journey::Matrix,
    q: crate::journey::Corner,
    c: usize,
    start: i64,
    left: i64,
) -> Vec<i64> {
    let mut out = Vec::new();
    let mut r = Reader::new(journey, data, scores, start);
    let mut was = false;
    let moments = std::iter::once(start).chain(r.quadrant_moments(m, c, start, left));
    for t in moments.collect::<Vec<_>>() {
        r.cutoff = t;
        r.scores_at = Some(t);
        let now = r.corner(m, c) == Some(q);
        if now && !was {
            out.push(t);
        }
        was = now;
    }
    out
}

/// The days on which customer `c` turned red in a watched stage, up to `a.cutoff`: on
/// entering the stage red, or after being green or grey in it. As (stage, the day's last
/// second, the reasons). A colour can only change on a day when something happens — a
/// milestone is reached, a days-in-stage limit passes, a metric's event arrives or
/// leaves its window — so the health is evaluated at the end of those days only.
fn turned_red(
    journey: &Journey,
    data: &Dataset,
    a: &Assessment,
    c: usize,
    watched: &[bool],
) -> Vec<(usize, i64, Vec<String>)> {
    let cust = &data.customers[c];
    let Some(start) = cust.start else {
        return Vec::new();
    };
    let day = |t: i64| t.div_euclid(DAY);
    let mut days: Vec<i64> = vec![day(start)];
    days.extend((0..a.milestones.len()).filter_map(|k| a.reached_at(c, k).map(day)));
    let events = data.events_of(c);
    for (s, stage) in journey.stages.iter().enumerate() {
        let Some(rules) = stage.health.as_ref().filter(|_| watched[s]) else {
            continue;
        };
        if let (Some(expected), Some(entered)) =
            (stage.expected_days, a.stage_entered(cust.start, c, s))
        {
            for p in [rules.grey_after_percent, rules.red_after_percent]
                .into_iter()
                .flatten()
            {
                let limit = f64::from(expected) * f64::from(p) / 100.0 * DAY as f64;
                let d = day(entered + limit as i64);
                days.extend([d, d + 1]);
            }
        }
        for m in journey
            .metrics
            .iter()
            .filter(|m| rules.metrics.contains(&m.id))
        {
            let Some(name) = data.name_id(&m.event) else {
                continue;
            };
            let window = m.window_days.map(|w| i64::from(w) * DAY);
            for i in events.clone().filter(|&i| data.name[i] == name) {
                days.push(day(data.at[i]));
                if let Some(w) = window {
                    days.push(day(data.at[i] + w));
                }
            }
        }
    }
    days.sort_unstable();
    days.dedup();
    let mut out = Vec::new();
    let mut red_in: Option<usize> = None;
    for d in days {
        let t = (d * DAY + DAY - 1).min(a.cutoff);
        if t < start || cust.churn.is_some_and(|ch| ch <= t) {
            if t < start {
                continue;
            }
            break;
        }
        let Some(s) = stage_at(a, c, t, journey.stages.len()).filter(|&s| watched[s]) else {
            red_in = None;
            continue;
        };
        let days_in = a.health_days(cust.start, c, s, t);
        let red = health(journey, data, c, s, days_in, t).filter(|h| h.colour == Health::Red);
        match red {
            Some(h) => {
                if red_in != Some(s) {
                    out.push((s, t, h.reasons));
                }
                red_in = Some(s);
            }
            None => red_in = None,
        }
        if t == a.cutoff {
            break;
        }
    }
    out
}

fn item(journey: &Journey, data: &Dataset, f: Firing) -> TaskItem {
    let act = &journey.activities[f.activity];
    let priority = act.trigger.as_ref().map_or(Priority::Low, Priority::of);
    let cust = &data.customers[f.customer];
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
        created: format_date(f.at),
        due: format_date(f.at + priority.days() * DAY),
        reason: f.reason,
        at: f.at,
    }
}

/// The tasks the rules created in the `days` days ending with `a`'s as-of day, for the
/// filter's customers, most urgent first.
pub fn tasks(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &Assessment,
    filter: &Filter,
    days: i64,
) -> Vec<TaskItem> {
    let mut out: Vec<TaskItem> = firings(journey, data, scores, a, filter, a.cutoff - days * DAY)
        .into_iter()
        .map(|f| item(journey, data, f))
        .collect();
    out.sort_by(|x, y| (x.priority, &x.due, &x.customer).cmp(&(y.priority, &y.due, &y.customer)));
    out
}

/// Tasks a rule set would have created per owner per week.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeekLoad {
    /// The first day of the 7-day week, `YYYY-MM-DD`; the last week ends on the as-of day.
    pub week: String,
    pub owner: Option<String>,
    pub role: Option<String>,
    #[ts(type = "number")]
    pub tasks: u64,
    /// The role's capacity in tasks per owner per week, when given.
    pub capacity: Option<u32>,
    pub over: bool,
}

/// Replays the rules over the `weeks` 7-day weeks ending with `a`'s as-of day: tasks per
/// owner and role per week, against a capacity per role (role id or name → tasks per
/// week). The last week is exactly `tasks(…, 7)`.
pub fn dry_run(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &Assessment,
    filter: &Filter,
    weeks: i64,
    capacity: &std::collections::BTreeMap<String, u32>,
) -> Vec<WeekLoad> {
    use std::collections::BTreeMap;
    let week = 7 * DAY;
    let from = a.cutoff - weeks * week;
    let mut counts: BTreeMap<(i64, Option<String>, Option<String>), u64> = BTreeMap::new();
    for f in firings(journey, data, scores, a, filter, from) {
        let t = item(journey, data, f);
        // Week i covers (from + i weeks, from + (i + 1) weeks].
        let i = weeks - 1 - (a.cutoff - t.at) / week;
        *counts.entry((i, t.owner, t.role)).or_default() += 1;
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
        .map(|((i, owner, role), tasks)| {
            let cap = role_capacity(&role);
            WeekLoad {
                week: format_date(from + 1 + i * week),
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
    ]
    .map(String::from);
    let rows = list.iter().map(|t| {
        [
            crate::serde_name(&t.priority),
            t.due.clone(),
            t.customer.clone(),
            t.customer_name.clone().unwrap_or_default(),
            t.title.clone(),
            t.role.clone().unwrap_or_default(),
            t.owner.clone().unwrap_or_default(),
            t.created.clone(),
            t.reason.clone(),
        ]
    });
    crate::data::safe_csv(std::iter::once(header).chain(rows))
}
