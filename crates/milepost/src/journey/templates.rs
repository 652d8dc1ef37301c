//! Built-in journeys made from the seed articles' own examples, so a newcomer starts from
//! something real. Each is an ordinary journey file compiled into the binary.

use serde::Serialize;

use super::file;
use super::model::Journey;

/// A built-in journey a person can start from.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Template {
    /// Short name used on the command line, e.g. `billing-saas`.
    pub key: &'static str,
    pub name: String,
    pub summary: &'static str,
}

const TEMPLATES: &[(&str, &str, &str)] = &[
    (
        "billing-saas",
        "Billing software (Co A): one billing cycle = onboarded, three = healthy usage, lower AR days = ready to expand.",
        include_str!("../../templates/billing-saas.json"),
    ),
    (
        "dealer-photos",
        "Car-dealer photo platform (Co B): photos uploaded = onboarded, no other upload channel = sticky and ready to advocate.",
        include_str!("../../templates/dealer-photos.json"),
    ),
    (
        "inbound-methodology",
        "Inbound-marketing methodology: phases with entry requirements, four success milestones with task lists, EBRs for stuck customers.",
        include_str!("../../templates/inbound-methodology.json"),
    ),
];

/// The built-in templates, in the order they are offered.
pub fn list() -> Vec<Template> {
    TEMPLATES
        .iter()
        .map(|(key, summary, text)| Template {
            key,
            name: parse(key, text).name,
            summary,
        })
        .collect()
}

/// The journey of a built-in template, by key.
pub fn get(key: &str) -> Option<Journey> {
    TEMPLATES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(k, _, text)| parse(k, text))
}

/// A blank journey with one stage, to build from scratch.
pub fn blank(name: &str) -> Journey {
    Journey {
        name: name.to_owned(),
        description: None,
        stages: vec![super::Stage {
            id: "onboard".into(),
            name: "Onboard".into(),
            desired_outcome: None,
            entry_requirements: None,
            expected_days: None,
            milestones: Vec::new(),
            health: None,
        }],
        roles: Vec::new(),
        activities: Vec::new(),
        metrics: Vec::new(),
        matrices: Vec::new(),
        notes: Vec::new(),
        agenda: Vec::new(),
        workshop: Default::default(),
        peers: None,
        phases: Vec::new(),
        capabilities: Vec::new(),
        adoption_share: None,
    }
}

/// Seed 004's four lenses — purpose × intent, people, process, technology — with quadrant
/// names, support levels and rationales: what every template carries and any journey can add.
pub fn builtin_matrices() -> Vec<super::Matrix> {
    serde_json::from_str(include_str!("../../templates/matrices.json"))
        .expect("the built-in matrices are valid")
}

fn parse(key: &str, text: &str) -> Journey {
    file::parse(text).unwrap_or_else(|p| panic!("built-in template {key} is invalid: {p:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_is_a_complete_valid_journey() {
        for t in list() {
            let j = get(t.key).unwrap();
            assert!(j.stages.len() >= 4, "{}: stages", t.key);
            assert!(!j.roles.is_empty(), "{}: roles", t.key);
            assert!(!j.activities.is_empty(), "{}: activities", t.key);
            assert!(!j.metrics.is_empty(), "{}: metrics", t.key);
            assert!(
                j.milestones().all(|(_, m)| !m.criteria.is_empty()),
                "{}: every milestone has criteria",
                t.key
            );
            assert!(
                j.activities.iter().all(|a| !a.milestones.is_empty()),
                "{}: every activity supports a milestone",
                t.key
            );
        }
    }

    #[test]
    fn every_template_carries_the_four_lenses_of_seed_004() {
        use crate::journey::{AxisField, Corner, Direction, ScoreField};
        let lenses_of =
            |ms: &[crate::journey::Matrix]| -> Vec<(String, ScoreField, ScoreField, Corner)> {
                ms.iter()
                    .map(|m| match (&m.x.field, &m.y.field) {
                        (AxisField::Score(x), AxisField::Score(y)) => {
                            (m.id.clone(), *x, *y, m.best)
                        }
                        _ => panic!("{}: the lenses read stakeholder scores", m.id),
                    })
                    .collect()
            };
        let builtin = builtin_matrices();
        for t in list() {
            let j = get(t.key).unwrap();
            let lenses = lenses_of(&j.matrices);
            assert_eq!(lenses, lenses_of(&builtin), "{}", t.key);
            let lenses: Vec<(&str, ScoreField, ScoreField, Corner)> = lenses
                .iter()
                .map(|(id, x, y, c)| (id.as_str(), *x, *y, *c))
                .collect();
            assert_eq!(
                lenses,
                [
                    (
                        "purpose-intent",
                        ScoreField::Intent,
                        ScoreField::Purpose,
                        Corner::TopRight
                    ),
                    (
                        "desire-skills",
                        ScoreField::Desire,
                        ScoreField::Skills,
                        Corner::TopRight
                    ),
                    (
                        "revenue-modularity",
                        ScoreField::RevenueImpact,
                        ScoreField::Modularity,
                        Corner::TopRight
                    ),
                    // Least effort, least complexity: the best corner is bottom-left.
                    (
                        "effort-complexity",
                        ScoreField::Effort,
                        ScoreField::Complexity,
                        Corner::BottomLeft
                    ),
                ],
                "{}",
                t.key
            );
            for m in j.matrices.iter().chain(&builtin) {
                assert_eq!(m.quadrants.len(), 4, "{}: {}", t.key, m.id);
                assert!(
                    m.quadrants
                        .iter()
                        .all(|q| q.rationale.is_some() && q.support.is_some()),
                    "{}: {}",
                    t.key,
                    m.id
                );
                // Less effort and complexity are better, without saying so in the file.
                let lower = m.id == "effort-complexity";
                assert_eq!(m.x.better() == Direction::Lower, lower, "{}", m.id);
            }
        }
    }

    #[test]
    fn a_blank_journey_is_valid_and_has_one_stage() {
        let j = blank("Workshop");
        assert!(file::validate(&j).is_ok());
        assert_eq!(j.stages.len(), 1);
    }

    #[test]
    fn template_files_are_in_canonical_form() {
        for (key, _, text) in TEMPLATES {
            assert_eq!(file::to_string(&get(key).unwrap()), *text, "{key}");
        }
    }
}
