//! The journey ("Intelligent Framework") as data: stages with their success milestones,
//! and aligned to them the playbook, roles, metrics, health paths and workshop notes.
//!
//! These types are the file format (`milepost/journey@1`), the shape the UI edits (their
//! TypeScript twins are generated into `ui/src/bindings/`), and the source of the published
//! JSON Schema. Ids are the file's own strings; references between objects use them.
//!
//! Field order here is the field order in exported files, so keep it stable.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A whole journey design.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Journey {
    /// The journey's name, e.g. "Billing SaaS — post-sales journey".
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// Ordered left to right: the customer moves through them in this order.
    pub stages: Vec<Stage>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(default)]
    pub metrics: Vec<Metric>,
    #[serde(default)]
    pub matrices: Vec<Matrix>,
    /// Free workshop notes placed on the canvas.
    #[serde(default)]
    pub notes: Vec<StickyNote>,
    /// The workshop's agenda: timed steps the facilitator runs through.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<AgendaStep>>", optional)]
    pub agenda: Vec<AgendaStep>,
    /// Who took part in the workshop and what it decided.
    #[serde(default, skip_serializing_if = "Workshop::is_empty")]
    #[ts(as = "Option<Workshop>", optional)]
    pub workshop: Workshop,
    /// How customers are compared with their peers for value realisation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub peers: Option<PeerSettings>,
    /// Capability maturity phases, in order (e.g. Foundation → Department → Enterprise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Phase>>", optional)]
    pub phases: Vec<Phase>,
    /// Product capabilities a customer adopts, each in a maturity phase.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Capability>>", optional)]
    pub capabilities: Vec<Capability>,
    /// The share of a phase's capabilities a customer must have adopted to be in that
    /// phase (0–1; 0.75 when absent).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::journey::number::serialize_opt"
    )]
    #[schemars(range(min = 0.0, max = 1.0))]
    #[ts(optional)]
    pub adoption_share: Option<f64>,
}

/// Who a customer is compared with: customers sharing the `keys`' values, in groups of at
/// least `k`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct PeerSettings {
    /// From the most important to the least: a group too small drops the last key first.
    #[serde(default)]
    pub keys: Vec<PeerKey>,
    /// The smallest group ever shown (at least 3; 5 when absent).
    #[serde(default = "default_k")]
    #[schemars(range(min = 3))]
    pub k: u32,
    /// The peers' percentile a customer's leakage is measured against (p75 when absent).
    #[serde(default)]
    pub reference: Reference,
}

fn default_k() -> u32 {
    5
}

impl Default for PeerSettings {
    fn default() -> Self {
        Self {
            keys: vec![PeerKey::Segment, PeerKey::Plan],
            k: default_k(),
            reference: Reference::default(),
        }
    }
}

/// A customer field peers are grouped by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeerKey {
    Segment,
    Plan,
    /// Months since the start date: 0–6, 6–12, 12+.
    Tenure,
    /// Annual recurring revenue: under 10k, 10k–50k, 50k–250k, 250k+.
    ArrBand,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Reference {
    P50,
    #[default]
    P75,
    P90,
}

/// A maturity phase and the value it pursues, e.g. Foundation — "cost: team productivity".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Phase {
    pub id: String,
    pub name: String,
    /// The nature of the value pursued in this phase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub value_driver: Option<String>,
}

/// A product capability, adopted when its criteria hold (the milestone criteria's language).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Capability {
    pub id: String,
    pub name: String,
    /// The phase id it belongs to.
    pub phase: String,
    pub criteria: Vec<Criterion>,
    /// Playbook activities (ids) that help a customer adopt it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<String>>", optional)]
    pub activities: Vec<String>,
}

/// The people in a workshop and the decisions it took, for its summary.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Workshop {
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// Dot-voting rounds, oldest first; at most the last one is open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<VoteRound>>", optional)]
    pub rounds: Vec<VoteRound>,
}

impl Workshop {
    pub fn is_empty(&self) -> bool {
        self.participants.is_empty() && self.decisions.is_empty() && self.rounds.is_empty()
    }
}

/// A round of dot voting: each participant places up to `dots` votes on cards and notes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct VoteRound {
    pub id: String,
    /// What the room is voting on, e.g. "Which milestones matter most?".
    pub question: String,
    /// How many dots each participant may place in this round.
    #[schemars(range(min = 1, max = 20))]
    pub dots: u32,
    /// Tallies show counts only, not who voted for what.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub anonymous: bool,
    /// A closed round keeps its results and takes no more votes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub closed: bool,
    /// One entry per dot, in the order they were placed.
    #[serde(default)]
    pub votes: Vec<Vote>,
}

/// One dot: a participant's vote for a card or a note. A participant may put several of
/// their dots on the same card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Vote {
    /// The participant's id.
    pub participant: String,
    pub target: VoteTarget,
}

/// What a dot is on: a stage, a milestone, a play or a sticky note, by id.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
pub struct VoteTarget {
    pub kind: VoteKind,
    pub id: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum VoteKind {
    Stage,
    Milestone,
    Activity,
    Note,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Participant {
    pub id: String,
    pub name: String,
    /// A CSS colour, e.g. `#4338ca`.
    pub color: String,
}

/// A decision typed during the workshop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Decision {
    pub id: String,
    pub text: String,
}

/// One step of a workshop's agenda, e.g. "Milestones — 20 min".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct AgendaStep {
    pub id: String,
    pub title: String,
    /// How long the step is planned to take.
    #[schemars(range(min = 1, max = 600))]
    pub minutes: u32,
}

/// A journey stage (phase), e.g. Onboard, Adopt, Retain, Expand, Advocate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Stage {
    pub id: String,
    pub name: String,
    /// What the customer has achieved when the stage is done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub desired_outcome: Option<String>,
    /// What must be true before a customer starts this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub entry_requirements: Option<String>,
    /// The usual time frame to complete the stage, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub expected_days: Option<u32>,
    /// Success milestones, in funnel order.
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    /// Green / grey / red paths for customers in this stage.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub health: Option<HealthRules>,
}

/// A success milestone: a moment the customer perceives real value. Reached when all
/// of its criteria hold together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Milestone {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// Marks the customer's first value ("the wow moment").
    #[serde(default)]
    pub first_value: bool,
    /// All must hold for the milestone to be reached.
    #[serde(default)]
    pub criteria: Vec<Criterion>,
    /// The step-by-step plan that gets a customer to this milestone.
    #[serde(default)]
    pub tasks: Vec<Task>,
}

/// `aggregate(event) op value`, optionally within a rolling window of N days.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Criterion {
    /// The event name in the customer's usage data, e.g. `billing_cycle_completed`.
    pub event: String,
    pub aggregate: Aggregate,
    pub op: Op,
    #[serde(serialize_with = "crate::journey::number::serialize")]
    pub value: f64,
    /// Only events within the last N days count (N ≥ 1); none = all history.
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub window_days: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    Count,
    Sum,
    Min,
    Max,
    /// The value of the latest event.
    Last,
    /// The number of distinct UTC calendar days with the event.
    DistinctDays,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "==")]
    Eq,
}

/// One step of a milestone's task list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Task {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
}

/// A role in the vendor's organisation that runs playbook activities.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Role {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// Stage ids whose team this role is on even where it owns no play yet; the role
    /// also shows under every stage where it owns a play.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<String>>")]
    pub stages: Vec<String>,
}

/// A playbook play: what the vendor does to move customers forward in a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Activity {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub description: Option<String>,
    /// The stage id this activity belongs to.
    pub stage: String,
    /// The role id that owns it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub role: Option<String>,
    /// Ids of the milestones it helps customers reach. None = flagged for review.
    #[serde(default)]
    pub milestones: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub trigger: Option<Trigger>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub channel: Option<Channel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub effort: Option<Effort>,
}

/// When an activity runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Trigger {
    Manual,
    StageEntered,
    MilestoneReached {
        milestone: String,
    },
    HealthRed,
    Stuck {
        #[schemars(range(min = 1))]
        days: u32,
    },
    Recurring {
        #[schemars(range(min = 1))]
        every_days: u32,
    },
    /// The customer is in a quadrant of a matrix (customer level) while in the stage.
    InQuadrant {
        /// The matrix's id.
        matrix: String,
        quadrant: Corner,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Meeting,
    Call,
    Email,
    InApp,
    Webinar,
    Training,
    Content,
    Automated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Effort {
    Low,
    Medium,
    High,
}

/// A measure of customer progress in a stage; together they form the customer funnel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Metric {
    pub id: String,
    pub name: String,
    /// The stage id it measures.
    pub stage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub definition: Option<String>,
    /// Source event in the usage data.
    pub event: String,
    pub aggregate: Aggregate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    #[ts(optional)]
    pub window_days: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub unit: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::journey::number::serialize_opt"
    )]
    #[ts(optional)]
    pub target: Option<f64>,
    /// Whether higher or lower values are better.
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub thresholds: Option<Thresholds>,
    /// Marks a value metric: what the customer realises, compared with its peers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub value: Option<ValueSpec>,
}

/// How a value metric's improvement is measured and what it is worth.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct ValueSpec {
    /// The baseline is the metric over the customer's first N days after its start date.
    #[serde(default = "default_baseline_days")]
    #[schemars(range(min = 1))]
    pub baseline_days: u32,
    /// Money one unit of improvement is worth per year, a fixed amount.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::journey::number::serialize_opt"
    )]
    #[ts(optional)]
    pub unit_value: Option<f64>,
    /// Or a share of the customer's ARR per unit (0.001: one unit is worth 0.1 % of ARR).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::journey::number::serialize_opt"
    )]
    #[ts(optional)]
    pub unit_value_arr_share: Option<f64>,
}

fn default_baseline_days() -> u32 {
    30
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Higher,
    Lower,
}

/// Green at or beyond `green`, red at or beyond `red` (in the metric's bad direction),
/// grey in between.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Thresholds {
    #[serde(serialize_with = "crate::journey::number::serialize")]
    pub green: f64,
    #[serde(serialize_with = "crate::journey::number::serialize")]
    pub red: f64,
}

/// The on-track paths of a stage: when a customer in it is green, grey or red, and the
/// playbook activity to run for each colour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct HealthRules {
    /// Grey once days in stage exceed this percentage of the expected duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub grey_after_percent: Option<u32>,
    /// Red once days in stage exceed this percentage of the expected duration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub red_after_percent: Option<u32>,
    /// Ids of metrics whose thresholds also colour the customer (the worst colour wins).
    #[serde(default)]
    pub metrics: Vec<String>,
    /// Activity ids to run per colour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub green_action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub grey_action: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub red_action: Option<String>,
}

/// A two-axis prioritisation matrix (seed 004): stakeholders or customers placed by two
/// values, in the quadrant that says how much support to give.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Matrix {
    pub id: String,
    pub name: String,
    pub x: Axis,
    pub y: Axis,
    /// The quadrant where the best outcome lies.
    pub best: Corner,
    #[serde(default)]
    pub quadrants: Vec<Quadrant>,
    /// How many times a decision maker's scores count in a customer's mean (default 2).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::journey::number::serialize_opt"
    )]
    #[schemars(range(min = 1, max = 10))]
    #[ts(optional)]
    pub decision_weight: Option<f64>,
}

/// The decision makers' weight when a matrix names none.
pub const DEFAULT_DECISION_WEIGHT: f64 = 2.0;

impl Matrix {
    pub fn decision_weight(&self) -> f64 {
        self.decision_weight.unwrap_or(DEFAULT_DECISION_WEIGHT)
    }

    /// The corner a point falls in: on or above a threshold is high.
    pub fn corner_of(&self, x: f64, y: f64) -> Corner {
        match (x >= self.x.threshold, y >= self.y.threshold) {
            (true, true) => Corner::TopRight,
            (false, true) => Corner::TopLeft,
            (true, false) => Corner::BottomRight,
            (false, false) => Corner::BottomLeft,
        }
    }

    /// The quadrant at a corner, when the matrix describes it.
    pub fn quadrant(&self, corner: Corner) -> Option<&Quadrant> {
        self.quadrants.iter().find(|q| q.corner == corner)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Axis {
    pub label: String,
    pub field: AxisField,
    /// The axis runs from `min` to `max` (a stakeholder score: 1 to 10).
    #[serde(
        default = "score_min",
        serialize_with = "crate::journey::number::serialize"
    )]
    pub min: f64,
    #[serde(
        default = "score_max",
        serialize_with = "crate::journey::number::serialize"
    )]
    pub max: f64,
    /// Values at or above this count as "high".
    #[serde(serialize_with = "crate::journey::number::serialize")]
    pub threshold: f64,
    /// Which end is better; by default higher, except for effort and complexity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub better: Option<Direction>,
}

fn score_min() -> f64 {
    1.0
}

fn score_max() -> f64 {
    10.0
}

impl Axis {
    /// An axis over a stakeholder score: 1 to 10, threshold 5, the score's usual direction.
    pub fn score(field: ScoreField, label: &str) -> Axis {
        Axis {
            label: label.to_owned(),
            field: AxisField::Score(field),
            min: 1.0,
            max: 10.0,
            threshold: 5.0,
            better: None,
        }
    }

    /// The better direction: as written, or lower for effort and complexity.
    pub fn better(&self) -> Direction {
        self.better.unwrap_or(match self.field {
            AxisField::Score(ScoreField::Effort | ScoreField::Complexity) => Direction::Lower,
            _ => Direction::Higher,
        })
    }

    /// A value as 0–1 over the axis's range, 1 being the better end.
    pub fn normalised(&self, value: f64) -> f64 {
        let span = self.max - self.min;
        let v = if span > 0.0 {
            ((value - self.min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        match self.better() {
            Direction::Higher => v,
            Direction::Lower => 1.0 - v,
        }
    }
}

/// What an axis reads: a stakeholder score, or (for customers) a customer value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(untagged)]
pub enum AxisField {
    Score(ScoreField),
    Customer(CustomerField),
}

/// A customer's own numeric value: its ARR, a numeric attribute from the customers file,
/// or a journey metric's current value. Each of its stakeholders shares it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum CustomerField {
    Arr,
    /// An extra column of the customers file, by its name.
    Attribute(String),
    /// A metric's id.
    Metric(String),
}

/// The stakeholder scores a matrix axis can use.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema, TS,
)]
#[serde(rename_all = "snake_case")]
pub enum ScoreField {
    Purpose,
    Intent,
    Desire,
    Skills,
    RevenueImpact,
    Modularity,
    Effort,
    Complexity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Corner {
    TopLeft,
    TopRight,
    BottomLeft,
    BottomRight,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct Quadrant {
    pub corner: Corner,
    pub name: String,
    /// The support level recommended for whoever falls here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub support: Option<Support>,
    /// Why: the short reasoning behind the support level.
    #[serde(default, alias = "action", skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rationale: Option<String>,
    /// The playbook activity (id) to run for customers here.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub activity: Option<String>,
}

/// How much support a quadrant's customers get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum Support {
    HighTouch,
    LowTouch,
    TechTouch,
    DoNotInvest,
}

/// A workshop sticky note on the canvas.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema, TS)]
pub struct StickyNote {
    pub id: String,
    pub text: String,
    pub color: NoteColor,
    /// Canvas position in canvas units.
    #[serde(serialize_with = "crate::journey::number::serialize")]
    pub x: f64,
    #[serde(serialize_with = "crate::journey::number::serialize")]
    pub y: f64,
    /// Dots counted by hand (a paper or whiteboard vote); the app's own voting rounds keep
    /// theirs in the workshop's `rounds`.
    #[serde(default)]
    pub votes: u32,
    /// The participant who wrote it (their id), when the workshop lists participants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub author: Option<String>,
    /// Moved aside to the parking lot, to revisit: not on the canvas.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(as = "Option<bool>", optional)]
    pub parked: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema, TS)]
#[serde(rename_all = "snake_case")]
pub enum NoteColor {
    Yellow,
    Pink,
    Blue,
    Green,
    Purple,
}

impl Journey {
    /// All milestones in funnel order (stage order, then milestone order).
    pub fn milestones(&self) -> impl Iterator<Item = (&Stage, &Milestone)> {
        self.stages
            .iter()
            .flat_map(|s| s.milestones.iter().map(move |m| (s, m)))
    }

    /// The value metrics, in journey order: the order of every per-value-metric list
    /// (value against peers, warehouse measures, the SQL's `baseline_<id>` columns).
    pub fn value_metrics(&self) -> Vec<&Metric> {
        self.metrics.iter().filter(|m| m.value.is_some()).collect()
    }
}
