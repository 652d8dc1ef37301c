//! The playbook as data: every row the typst template lays out, its sentences and
//! numbers already worded (`super::stages`, `super::numbers`).

use serde::Serialize;

use super::{Paper, Sections};

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
    /// The milestone's id, for the stage pages (names can repeat across stages).
    pub id: String,
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
    /// The stage's id, for its page (names can repeat).
    pub id: String,
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
