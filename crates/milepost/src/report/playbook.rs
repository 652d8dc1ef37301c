//! What the playbook says, worked out once in Rust and handed to the typst template as
//! data: every sentence and number is made here, the template only lays it out. So the
//! template never escapes a name (names travel as JSON strings, never as markup) and the
//! numbers printed are the engine's, formatted one way.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::engine::{
    Dataset, Filter, Reader, Scores, assess, cutoff_of_day, forecast, funnel, population,
    stage_health, tasks,
};
use crate::format::{count, long_date, percent};
use crate::journey::words::{channel_words, criterion_words, number, trigger_words};
use crate::journey::{Journey, ScoreField, check};
use crate::matrix::{Level, place_core, priority, support_words};

/// Paper sizes a playbook is printed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// The parts of the playbook a reader can leave out. The cover and the contents are
/// always there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Sections {
    /// The journey at a glance: stages left to right with their milestones.
    pub glance: bool,
    /// A section per stage: outcome, entry, duration, milestones, plays, metrics, health.
    pub stages: bool,
    /// Who does what: roles × activities.
    pub roles: bool,
    /// The framework check's findings.
    pub check: bool,
    /// The numbers, when the workspace has data: funnel, health, forecast, matrices,
    /// priority ranking, this week's tasks.
    pub numbers: bool,
    /// Sticky notes and votes, when there are any.
    pub workshop: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            glance: true,
            stages: true,
            roles: true,
            check: true,
            numbers: true,
            workshop: true,
        }
    }
}

/// How to make a playbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "PlaybookOptions")]
pub struct Options {
    pub paper: Paper,
    pub sections: Sections,
    /// The company named on the cover.
    #[serde(default)]
    pub company: Option<String>,
    /// `YYYY-MM-DD`: the numbers as of this day [default: the latest event's day].
    #[serde(default)]
    pub as_of: Option<String>,
    /// Leave the numbers out even when the workspace has data.
    #[serde(default)]
    pub no_data: bool,
    /// The workspace's currency, for the money printed: set by whoever opened the
    /// workspace (the app and the CLI), never by the person exporting.
    #[serde(skip)]
    #[ts(skip)]
    pub currency: crate::format::Currency,
}

/// Everything the template prints.
#[derive(Debug, Clone, Serialize)]
pub struct Playbook {
    pub title: String,
    pub company: Option<String>,
    pub description: Option<String>,
    /// "3 December 2026"
    pub generated: String,
    pub paper: Paper,
    pub sections: Sections,
    pub counts: Counts,
    pub stages: Vec<StagePage>,
    pub roles: Vec<RoleRow>,
    pub findings: Vec<String>,
    pub numbers: Option<Numbers>,
    pub notes: Vec<NoteRow>,
    /// Who attended the workshop, its agenda and decisions.
    pub participants: Vec<String>,
    pub agenda: Vec<String>,
    pub decisions: Vec<String>,
    /// The dot-voting rounds, each with its most-voted cards.
    pub rounds: Vec<RoundRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundRow {
    /// "Round 1: Which milestones matter most?"
    pub title: String,
    /// "3 dots each · 12 dots placed · closed"
    pub detail: String,
    pub top: Vec<TallyRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TallyRow {
    pub name: String,
    pub dots: u32,
    /// "Ana 2, Ben 1"; empty in an anonymous round.
    pub by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Counts {
    pub stages: usize,
    pub milestones: usize,
    pub activities: usize,
    pub roles: usize,
    pub metrics: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct StagePage {
    pub id: String,
    pub number: usize,
    pub name: String,
    pub outcome: Option<String>,
    pub entry: Option<String>,
    /// "45 days"
    pub duration: Option<String>,
    pub milestones: Vec<MilestoneRow>,
    pub activities: Vec<ActivityRow>,
    pub metrics: Vec<MetricRow>,
    pub health: Vec<HealthRow>,
    /// Active customers in the stage now, by colour (with data).
    pub live: Option<LiveCount>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MilestoneRow {
    pub name: String,
    pub description: Option<String>,
    pub first_value: bool,
    pub criteria: Vec<String>,
    pub tasks: Vec<TaskRow>,
    /// Customers who reached it (with data).
    pub reached: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRow {
    pub title: String,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityRow {
    pub name: String,
    pub description: Option<String>,
    pub stage: String,
    pub role: Option<String>,
    pub trigger: String,
    pub channel: Option<String>,
    pub effort: Option<String>,
    /// The milestones it supports, by name.
    pub supports: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MetricRow {
    pub name: String,
    pub definition: Option<String>,
    /// "≥ 45 days" / "≤ 30"
    pub target: Option<String>,
    /// "green at ≥ 10, red at ≤ 3"
    pub thresholds: Option<String>,
    /// "latest AR days (last 30 days)"
    pub measures: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HealthRow {
    /// green, grey, red
    pub colour: &'static str,
    /// "On track", "Caution", "Warning"
    pub label: &'static str,
    /// When a customer has this colour, in words.
    pub when: String,
    /// The play to run, by name.
    pub action: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LiveCount {
    /// Whether the stage has health rules (without, every customer in it is uncoloured).
    pub has_rules: bool,
    pub customers: String,
    pub green: String,
    pub grey: String,
    pub red: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleRow {
    pub name: String,
    pub description: Option<String>,
    /// The plays the role runs, in stage order.
    pub activities: Vec<ActivityRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteRow {
    pub text: String,
    pub colour: String,
    pub votes: u32,
    /// In the parking lot.
    pub parked: bool,
    /// Who wrote it.
    pub author: Option<String>,
}

/// The numbers section, as of one day.
#[derive(Debug, Clone, Serialize)]
pub struct Numbers {
    /// "1 December 2026"
    pub as_of: String,
    pub customers: String,
    pub not_started: String,
    /// The funnel table's header: the names the app and the CLI use for the same numbers.
    pub funnel_columns: Vec<&'static str>,
    pub funnel: Vec<FunnelRow>,
    /// The milestone with the lowest conversion from the one before, and that rate.
    pub bottleneck: Option<String>,
    pub health: Vec<HealthCountRow>,
    pub forecast: Vec<ForecastRow>,
    pub matrices: Vec<MatrixRow>,
    pub priority: PriorityTable,
    pub tasks: TaskTable,
}

#[derive(Debug, Clone, Serialize)]
pub struct FunnelRow {
    pub name: String,
    pub stage: String,
    pub reached: String,
    /// reached / customers, 0–1, for the bar.
    pub share: f64,
    pub from_previous: String,
    pub from_start: String,
    pub median_days_from_start: String,
    pub churned: String,
    pub churn_rate: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct HealthCountRow {
    pub stage: String,
    pub customers: String,
    pub green: String,
    pub grey: String,
    pub red: String,
    /// Shares 0–1 of the stage's customers, for the stacked bar.
    pub shares: [f64; 3],
    pub has_rules: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ForecastRow {
    pub name: String,
    pub in_flight: String,
    pub next_30: String,
    pub next_90: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRow {
    pub name: String,
    pub x: String,
    pub y: String,
    pub placed: String,
    pub not_placed: String,
    /// In reading order on the page: top-left, top-right, bottom-left, bottom-right.
    pub quadrants: Vec<QuadrantCell>,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuadrantCell {
    pub name: String,
    pub count: String,
    pub best: bool,
    pub worst: bool,
    pub support: Option<&'static str>,
    pub rationale: Option<String>,
    pub activity: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PriorityTable {
    /// "Purpose ×1, Intent ×1; decision makers count twice"
    pub weights: String,
    pub ranked: String,
    pub unranked: String,
    pub rows: Vec<PriorityRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PriorityRow {
    pub rank: String,
    pub name: String,
    pub arr: String,
    pub score: String,
    pub support: String,
    pub activity: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskTable {
    /// "25 November – 1 December 2026"
    pub week: String,
    pub total: String,
    pub rules: Vec<TaskRuleRow>,
    pub roles: Vec<RoleLoadRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TaskRuleRow {
    pub play: String,
    pub stage: String,
    pub trigger: String,
    pub role: String,
    pub tasks: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoleLoadRow {
    pub role: String,
    pub tasks: String,
    pub owners: String,
    pub per_owner: String,
}

/// How many of the ranking's first customers the playbook prints.
pub const PRIORITY_ROWS: usize = 10;

/// The playbook of `journey`; with `data`, the numbers as of `options.as_of` (default:
/// the latest event's day). `today` is the timestamp printed as the generation date.
pub fn playbook(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &Options,
    today: i64,
) -> crate::Result<Playbook> {
    let name_of_stage = |id: &str| {
        journey
            .stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    let activity_name = |id: &str| {
        journey
            .activities
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    };
    let role_name = |id: &str| {
        journey
            .roles
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_owned(), |r| r.name.clone())
    };
    let activity_row = |a: &crate::journey::Activity| ActivityRow {
        name: a.name.clone(),
        description: a.description.clone(),
        stage: name_of_stage(&a.stage),
        role: a.role.as_deref().map(role_name),
        trigger: trigger_words(a.trigger.as_ref(), journey),
        channel: a.channel.map(|c| channel_words(c).to_owned()),
        effort: a.effort.map(|e| {
            crate::journey::vocabulary::EFFORTS
                .iter()
                .find(|(x, _)| *x == e)
                .map_or(String::new(), |(_, w)| format!("{w} effort"))
        }),
        supports: a
            .milestones
            .iter()
            .map(|id| {
                journey
                    .milestones()
                    .find(|(_, m)| &m.id == id)
                    .map_or_else(|| id.clone(), |(_, m)| m.name.clone())
            })
            .collect(),
    };

    let numbers = match data {
        Some((d, s)) if !options.no_data && options.sections.numbers => {
            numbers(journey, d, s, options.as_of.as_deref(), &options.currency)?
        }
        _ => None,
    };
    let reached: BTreeMap<String, String> = numbers
        .as_ref()
        .map(|n| {
            n.funnel
                .iter()
                .map(|f| (f.name.clone(), f.reached.clone()))
                .collect()
        })
        .unwrap_or_default();
    let live: BTreeMap<&str, &HealthCountRow> = numbers
        .as_ref()
        .map(|n| n.health.iter().map(|h| (h.stage.as_str(), h)).collect())
        .unwrap_or_default();

    let stages = journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| StagePage {
            id: s.id.clone(),
            number: i + 1,
            name: s.name.clone(),
            outcome: s.desired_outcome.clone(),
            entry: s.entry_requirements.clone(),
            duration: s.expected_days.map(|d| {
                if d == 1 {
                    "1 day".to_owned()
                } else {
                    format!("{d} days")
                }
            }),
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
                    reached: reached.get(&m.name).cloned(),
                })
                .collect(),
            activities: journey
                .activities
                .iter()
                .filter(|a| a.stage == s.id)
                .map(activity_row)
                .collect(),
            metrics: journey
                .metrics
                .iter()
                .filter(|m| m.stage == s.id)
                .map(metric_row)
                .collect(),
            health: health_rows(s, &activity_name),
            live: live.get(s.name.as_str()).map(|h| LiveCount {
                has_rules: h.has_rules,
                customers: h.customers.clone(),
                green: h.green.clone(),
                grey: h.grey.clone(),
                red: h.red.clone(),
            }),
        })
        .collect();

    let stage_order = |id: &str| journey.stages.iter().position(|s| s.id == id);
    let roles = journey
        .roles
        .iter()
        .map(|r| {
            let mut mine: Vec<&crate::journey::Activity> = journey
                .activities
                .iter()
                .filter(|a| a.role.as_deref() == Some(r.id.as_str()))
                .collect();
            mine.sort_by_key(|a| stage_order(&a.stage));
            RoleRow {
                name: r.name.clone(),
                description: r.description.clone(),
                activities: mine.into_iter().map(activity_row).collect(),
            }
        })
        .chain({
            let mut nobody: Vec<&crate::journey::Activity> = journey
                .activities
                .iter()
                .filter(|a| a.role.is_none())
                .collect();
            nobody.sort_by_key(|a| stage_order(&a.stage));
            (!nobody.is_empty()).then(|| RoleRow {
                name: "No owner yet".to_owned(),
                description: None,
                activities: nobody.into_iter().map(activity_row).collect(),
            })
        })
        .collect();

    Ok(Playbook {
        title: journey.name.clone(),
        company: options.company.clone().filter(|c| !c.trim().is_empty()),
        description: journey.description.clone(),
        generated: long_date(today),
        paper: options.paper,
        sections: options.sections.clone(),
        counts: Counts {
            stages: journey.stages.len(),
            milestones: journey.milestones().count(),
            activities: journey.activities.len(),
            roles: journey.roles.len(),
            metrics: journey.metrics.len(),
        },
        stages,
        roles,
        findings: check::check(journey)
            .into_iter()
            .map(|f| f.message)
            .collect(),
        numbers,
        notes: journey
            .notes
            .iter()
            .map(|n| NoteRow {
                text: n.text.clone(),
                colour: crate::serde_name(&n.color),
                votes: n.votes,
                parked: n.parked,
                author: n.author.as_ref().and_then(|a| {
                    let people = &journey.workshop.participants;
                    people.iter().find(|p| &p.id == a).map(|p| p.name.clone())
                }),
            })
            .collect(),
        participants: journey
            .workshop
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect(),
        agenda: journey
            .agenda
            .iter()
            .map(|s| format!("{} — {} min", s.title, s.minutes))
            .collect(),
        decisions: journey
            .workshop
            .decisions
            .iter()
            .map(|d| d.text.clone())
            .collect(),
        rounds: round_rows(journey),
    })
}

fn round_rows(journey: &Journey) -> Vec<RoundRow> {
    use crate::journey::voting;
    journey
        .workshop
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| RoundRow {
            title: format!("Round {}: {}", i + 1, r.question),
            detail: format!(
                "{} dots each · {} placed · {}{}",
                r.dots,
                match r.votes.len() {
                    1 => "1 dot".to_owned(),
                    n => format!("{n} dots"),
                },
                if r.anonymous { "anonymous · " } else { "" },
                if r.closed { "closed" } else { "still open" }
            ),
            top: voting::tally(journey, r)
                .into_iter()
                .take(10)
                .map(|t| TallyRow {
                    name: t.name,
                    dots: t.dots,
                    by: t
                        .by
                        .iter()
                        .map(|(n, k)| format!("{n} {k}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
        })
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

fn numbers(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    as_of: Option<&str>,
    currency: &crate::format::Currency,
) -> crate::Result<Option<Numbers>> {
    let Some(latest) = data.latest() else {
        return Ok(None);
    };
    let day = match as_of {
        Some(text) => crate::data::values::parse_timestamp(text, crate::data::DateOrder::Auto)
            .map_err(|e| crate::Error::InvalidOption(format!("as-of date \"{text}\": {e}")))?,
        None => latest,
    };
    let a = assess(journey, data, cutoff_of_day(day));
    let all = Filter::default();
    let f = funnel(&journey.name, data, &a, &all);
    let total = f.customers.max(1) as f64;
    let funnel_rows: Vec<FunnelRow> = f
        .milestones
        .iter()
        .map(|m| FunnelRow {
            name: m.name.clone(),
            stage: journey
                .stages
                .iter()
                .find(|s| s.id == m.stage)
                .map_or_else(|| m.stage.clone(), |s| s.name.clone()),
            reached: m.text.reached.clone(),
            share: m.reached as f64 / total,
            from_previous: m.text.conversion_from_previous.clone(),
            from_start: m.text.conversion_from_start.clone(),
            median_days_from_start: m.text.median_days_from_start.clone(),
            churned: m.text.churned.clone(),
            churn_rate: m.text.churn_rate.clone(),
        })
        .collect();
    let bottleneck = f.bottleneck.as_ref().and_then(|id| {
        f.milestones.iter().find(|m| &m.id == id).map(|m| {
            format!(
                "{}: {} of the customers who reached the milestone before it get there",
                m.name, m.text.conversion_from_previous
            )
        })
    });
    let health = stage_health(journey, data, &a)
        .into_iter()
        .zip(&journey.stages)
        .map(|(h, s)| {
            let n = h.customers.max(1) as f64;
            HealthCountRow {
                stage: s.name.clone(),
                customers: count(h.customers),
                green: count(h.green),
                grey: count(h.grey),
                red: count(h.red),
                shares: [h.green as f64 / n, h.grey as f64 / n, h.red as f64 / n],
                has_rules: s.health.is_some(),
            }
        })
        .collect();
    let f30 = forecast(data, &a, &all, 30);
    let f90 = forecast(data, &a, &all, 90);
    let forecast_rows = f30
        .milestones
        .iter()
        .zip(&f90.milestones)
        .map(|(x, y)| ForecastRow {
            name: x.name.clone(),
            in_flight: count(x.in_flight),
            next_30: x.expected_text.clone(),
            next_90: y.expected_text.clone(),
        })
        .collect();

    let who = population(data, &a, &all);
    let r = Reader::new(journey, data, scores, a.cutoff);
    let matrices = journey
        .matrices
        .iter()
        .map(|m| {
            let core = place_core(m, &r, &who, Level::Customer);
            let cell = |corner| {
                let q = m.quadrant(corner);
                QuadrantCell {
                    name: crate::matrix::quadrant_name(m, corner),
                    count: count(core.counts[crate::matrix::corner_index(corner)] as u64),
                    best: corner == m.best,
                    worst: corner == opposite(m.best),
                    support: q.and_then(|q| q.support).map(support_words),
                    rationale: q.and_then(|q| q.rationale.clone()),
                    activity: q.and_then(|q| q.activity.as_deref()).map(|id| {
                        journey
                            .activities
                            .iter()
                            .find(|a| a.id == id)
                            .map_or_else(|| id.to_owned(), |a| a.name.clone())
                    }),
                }
            };
            use crate::journey::Corner::*;
            MatrixRow {
                name: m.name.clone(),
                x: m.x.label.clone(),
                y: m.y.label.clone(),
                placed: count(core.points.len() as u64),
                not_placed: count(core.missing.len() as u64),
                quadrants: [TopLeft, TopRight, BottomLeft, BottomRight]
                    .into_iter()
                    .map(cell)
                    .collect(),
            }
        })
        .collect();

    let dims = [(ScoreField::Purpose, 1.0), (ScoreField::Intent, 1.0)];
    let ranking = priority::rank(&r, &who, &dims, 2.0, &journey.matrices, Some(PRIORITY_ROWS));
    let priority = PriorityTable {
        weights: "Purpose and intent weighed equally; decision makers count twice".to_owned(),
        ranked: count(u64::from(ranking.ranked)),
        unranked: count(u64::from(ranking.unranked)),
        rows: ranking
            .customers
            .iter()
            .filter(|c| c.rank.is_some())
            .map(|c| PriorityRow {
                rank: c.rank.map(|n| n.to_string()).unwrap_or_default(),
                name: c.name.clone().unwrap_or_else(|| c.customer_id.clone()),
                arr: c
                    .arr
                    .map_or_else(|| crate::format::NONE.to_owned(), |a| currency.money(a)),
                score: percent(c.score),
                support: c.support.map(support_words).unwrap_or("—").to_owned(),
                activity: c.activity.clone().unwrap_or_else(|| "—".to_owned()),
            })
            .collect(),
    };

    Ok(Some(Numbers {
        as_of: long_date(day),
        customers: count(f.customers),
        not_started: count(f.not_started),
        funnel_columns: {
            use crate::engine::funnel::column_name as col;
            vec![
                "Milestone",
                "Stage",
                col("reached"),
                col("conversion_from_previous"),
                col("conversion_from_start"),
                col("median_days_from_start"),
                col("churned"),
                col("churn_rate"),
            ]
        },
        funnel: funnel_rows,
        bottleneck,
        health,
        forecast: forecast_rows,
        matrices,
        priority,
        tasks: task_table(journey, data, scores, &a, day),
    }))
}

fn opposite(c: crate::journey::Corner) -> crate::journey::Corner {
    use crate::journey::Corner::*;
    match c {
        TopLeft => BottomRight,
        TopRight => BottomLeft,
        BottomLeft => TopRight,
        BottomRight => TopLeft,
    }
}

fn task_table(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &crate::engine::Assessment,
    day: i64,
) -> TaskTable {
    let week = tasks(journey, data, scores, a, &Filter::default(), 7);
    // One row per rule (a play with a trigger), in stage order, with this week's count.
    let mut per_play: BTreeMap<&str, u64> = BTreeMap::new();
    for t in &week {
        *per_play.entry(t.activity.as_str()).or_default() += 1;
    }
    let rules = journey
        .stages
        .iter()
        .flat_map(|s| journey.activities.iter().filter(move |x| x.stage == s.id))
        .filter(|x| {
            !matches!(x.trigger, None | Some(crate::journey::Trigger::Manual))
                || per_play.contains_key(x.id.as_str())
        })
        .map(|x| TaskRuleRow {
            play: x.name.clone(),
            stage: journey
                .stages
                .iter()
                .find(|s| s.id == x.stage)
                .map_or_else(String::new, |s| s.name.clone()),
            trigger: trigger_words(x.trigger.as_ref(), journey),
            role: x
                .role
                .as_deref()
                .and_then(|id| journey.roles.iter().find(|r| r.id == id))
                .map_or_else(|| "—".to_owned(), |r| r.name.clone()),
            tasks: count(per_play.get(x.id.as_str()).copied().unwrap_or(0)),
        })
        .collect();
    let mut per_role: BTreeMap<String, (u64, std::collections::BTreeSet<String>)> = BTreeMap::new();
    for t in &week {
        let e = per_role
            .entry(t.role.clone().unwrap_or_else(|| "No owner yet".to_owned()))
            .or_default();
        e.0 += 1;
        e.1.insert(t.owner.clone().unwrap_or_default());
    }
    let roles = per_role
        .into_iter()
        .map(|(role, (n, owners))| RoleLoadRow {
            role,
            tasks: count(n),
            owners: count(owners.len() as u64),
            per_owner: format!("{:.0}", n as f64 / owners.len().max(1) as f64),
        })
        .collect();
    TaskTable {
        week: format!("{} – {}", long_date(day - 6 * 86_400), long_date(day)),
        total: count(week.len() as u64),
        rules,
        roles,
    }
}
