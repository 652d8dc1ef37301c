//! The words for the journey's fixed lists — channels, efforts, triggers — in the order
//! the app offers them, and the data files the import accepts. Written once, here, and
//! generated into `ui/src/bindings/vocabulary.ts` (checked for staleness like the other
//! bindings), so the inspector's lists, the cards and the file dialog cannot drift.

use super::model::{Channel, Corner, Effort, Matrix, ScoreField, Support, Trigger};

pub const CHANNELS: [(Channel, &str); 8] = [
    (Channel::Meeting, "Meeting"),
    (Channel::Call, "Call"),
    (Channel::Email, "Email"),
    (Channel::InApp, "In-app"),
    (Channel::Webinar, "Webinar"),
    (Channel::Training, "Training"),
    (Channel::Content, "Content"),
    (Channel::Automated, "Automated"),
];

/// The stakeholder scores, in the order the app lists them.
pub const SCORES: [(ScoreField, &str); 8] = [
    (ScoreField::Purpose, "Purpose"),
    (ScoreField::Intent, "Intent"),
    (ScoreField::Desire, "Desire"),
    (ScoreField::Skills, "Skills"),
    (ScoreField::RevenueImpact, "Impact on revenue"),
    (ScoreField::Modularity, "Modularity"),
    (ScoreField::Effort, "Effort"),
    (ScoreField::Complexity, "Complexity"),
];

/// A matrix's corners in reading order (top row left to right, then the bottom row), and
/// the words for a quadrant the matrix leaves unnamed.
pub const CORNERS: [(Corner, &str); 4] = [
    (Corner::TopLeft, "Top left"),
    (Corner::TopRight, "Top right"),
    (Corner::BottomLeft, "Bottom left"),
    (Corner::BottomRight, "Bottom right"),
];

impl Matrix {
    /// The name of a corner's quadrant: the matrix's, else the corner's words ("Top left").
    pub fn quadrant_name(&self, corner: Corner) -> String {
        self.quadrant(corner).map_or_else(
            || {
                CORNERS
                    .iter()
                    .find(|(c, _)| *c == corner)
                    .map_or_else(String::new, |(_, w)| (*w).to_owned())
            },
            |q| q.name.clone(),
        )
    }
}

pub const SUPPORTS: [(Support, &str); 4] = [
    (Support::HighTouch, "High touch"),
    (Support::LowTouch, "Low touch"),
    (Support::TechTouch, "Tech touch"),
    (Support::DoNotInvest, "Do not invest"),
];

pub const EFFORTS: [(Effort, &str); 3] = [
    (Effort::Low, "Low"),
    (Effort::Medium, "Medium"),
    (Effort::High, "High"),
];

/// One trigger of each kind (parameters at their defaults), with the words for the kind.
pub fn triggers() -> [(Trigger, &'static str); 7] {
    [
        (Trigger::Manual, "Manual"),
        (Trigger::StageEntered, "On entering the stage"),
        (
            Trigger::MilestoneReached {
                milestone: String::new(),
            },
            "When a milestone is reached",
        ),
        (Trigger::HealthRed, "When health turns red"),
        (Trigger::Stuck { days: 90 }, "Stuck for N days"),
        (Trigger::Recurring { every_days: 30 }, "Every N days"),
        (
            Trigger::InQuadrant {
                matrix: String::new(),
                quadrant: Corner::TopRight,
            },
            "When in a matrix quadrant",
        ),
    ]
}

/// The `kind` a trigger is written with in a journey file.
pub fn trigger_kind(t: &Trigger) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_owned))
        .unwrap_or_default()
}

/// The TypeScript module the UI imports.
pub fn typescript() -> String {
    let list = |items: Vec<(String, &str)>| {
        items
            .iter()
            .map(|(v, l)| format!("  {{ value: \"{v}\", label: \"{l}\" }},\n"))
            .collect::<String>()
    };
    let channels = list(
        CHANNELS
            .iter()
            .map(|(c, l)| (crate::serde_name(c), *l))
            .collect(),
    );
    let scores = list(
        SCORES
            .iter()
            .map(|(s, l)| (crate::serde_name(s), *l))
            .collect(),
    );
    // Which scores count lower as better, by the same rule the core's axes use.
    let lower = SCORES
        .iter()
        .filter(|(s, _)| {
            super::model::Axis::score(*s, "").better() == super::model::Direction::Lower
        })
        .map(|(s, _)| format!("\"{}\"", crate::serde_name(s)))
        .collect::<Vec<_>>()
        .join(", ");
    let corners = list(
        CORNERS
            .iter()
            .map(|(c, l)| (crate::serde_name(c), *l))
            .collect(),
    );
    let supports = list(
        SUPPORTS
            .iter()
            .map(|(s, l)| (crate::serde_name(s), *l))
            .collect(),
    );
    let efforts = list(
        EFFORTS
            .iter()
            .map(|(e, l)| (crate::serde_name(e), *l))
            .collect(),
    );
    let triggers = list(
        triggers()
            .iter()
            .map(|(t, l)| (trigger_kind(t), *l))
            .collect(),
    );
    let funnel_columns = crate::format::FUNNEL_COLUMNS
        .iter()
        .map(|(key, name, help)| {
            format!("  {{ key: \"{key}\", name: \"{name}\", help: \"{help}\" }},\n")
        })
        .collect::<String>();
    let extensions = crate::data::source::DATA_FILE_EXTENSIONS
        .iter()
        .map(|e| format!("\"{e}\""))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "// Generated from crates/milepost/src/journey/vocabulary.rs by `make bindings`; do not edit.\n\
         import type {{ Channel }} from \"./Channel\";\n\
         import type {{ Corner }} from \"./Corner\";\n\
         import type {{ Effort }} from \"./Effort\";\n\
         import type {{ ScoreField }} from \"./ScoreField\";\n\
         import type {{ StepText }} from \"./StepText\";\n\
         import type {{ Support }} from \"./Support\";\n\
         import type {{ Trigger }} from \"./Trigger\";\n\n\
         export const CHANNELS: {{ value: Channel; label: string }}[] = [\n{channels}];\n\n\
         export const EFFORTS: {{ value: Effort; label: string }}[] = [\n{efforts}];\n\n\
         export const SUPPORTS: {{ value: Support; label: string }}[] = [\n{supports}];\n\n\
         /** A matrix's corners in reading order, with the words for an unnamed quadrant. */\n\
         export const CORNERS: {{ value: Corner; label: string }}[] = [\n{corners}];\n\n\
         /** The stakeholder scores (1–10); effort and complexity count lower as better. */\n\
         export const SCORES: {{ value: ScoreField; label: string }}[] = [\n{scores}];\n\n\
         export const LOWER_IS_BETTER: ScoreField[] = [{lower}];\n\n\
         export const TRIGGERS: {{ value: Trigger[\"kind\"]; label: string }}[] = [\n{triggers}];\n\n\
         /** The files the import reads (CSV and text, and spreadsheets). */\n\
         export const DATA_FILE_EXTENSIONS: string[] = [{extensions}];\n\n\
         /** The funnel's numbers: one name and one meaning in the app, the CLI and the PDF. */\n\
         export const FUNNEL_COLUMNS: {{ key: keyof StepText; name: string; help: string }}[] = [\n{funnel_columns}];\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_channel_effort_and_trigger_kind_has_words_once() {
        let kinds: Vec<String> = triggers().iter().map(|(t, _)| trigger_kind(t)).collect();
        assert_eq!(
            kinds,
            [
                "manual",
                "stage_entered",
                "milestone_reached",
                "health_red",
                "stuck",
                "recurring",
                "in_quadrant"
            ]
        );
        let channels: std::collections::HashSet<String> =
            CHANNELS.iter().map(|(c, _)| crate::serde_name(c)).collect();
        assert_eq!(channels.len(), CHANNELS.len());
    }
}
