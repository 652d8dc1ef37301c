//! The framework check: what the Intelligent Framework asks a leadership team to
//! question — "any activities that do not support the playbook need to be questioned".
//! The playbook PDF prints these findings; the editor shows the same ones, asked of the
//! core as the journey changes (`journey_words`).

use serde::Serialize;
use ts_rs::TS;

use super::model::Journey;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    /// `stage-without-milestone`, `stage-without-metric`, `milestone-without-criteria`,
    /// `activity-supports-nothing`, `activity-without-role`, `role-owns-nothing`.
    #[ts(
        type = "\"stage-without-milestone\" | \"stage-without-metric\" | \"milestone-without-criteria\" | \"activity-supports-nothing\" | \"activity-without-role\" | \"role-owns-nothing\""
    )]
    pub rule: &'static str,
    /// `stage`, `milestone`, `activity` or `role`.
    #[ts(type = "\"stage\" | \"milestone\" | \"activity\" | \"role\"")]
    pub kind: &'static str,
    pub id: String,
    pub message: String,
}

pub fn check(j: &Journey) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |rule, kind, id: &str, message: String| {
        out.push(Finding {
            rule,
            kind,
            id: id.to_owned(),
            message,
        })
    };
    for s in &j.stages {
        if s.milestones.is_empty() {
            add(
                "stage-without-milestone",
                "stage",
                &s.id,
                format!(
                    "Stage “{}” has no success milestone: how do you know a customer got there?",
                    s.name
                ),
            );
        }
        if !j.metrics.iter().any(|m| m.stage == s.id) {
            add(
                "stage-without-metric",
                "stage",
                &s.id,
                format!(
                    "Stage “{}” has no metric: progress there is not measured.",
                    s.name
                ),
            );
        }
        for m in s.milestones.iter().filter(|m| m.criteria.is_empty()) {
            add(
                "milestone-without-criteria",
                "milestone",
                &m.id,
                format!(
                    "Milestone “{}” has no criteria, so no customer can reach it.",
                    m.name
                ),
            );
        }
    }
    for a in &j.activities {
        if a.milestones.is_empty() {
            add(
                "activity-supports-nothing",
                "activity",
                &a.id,
                format!(
                    "“{}” supports no milestone: what does it contribute to moving customers forward?",
                    a.name
                ),
            );
        }
        if a.role.is_none() {
            add(
                "activity-without-role",
                "activity",
                &a.id,
                format!("“{}” has no owner: which role runs it?", a.name),
            );
        }
    }
    for r in &j.roles {
        if !j.activities.iter().any(|a| a.role.as_ref() == Some(&r.id)) {
            add(
                "role-owns-nothing",
                "role",
                &r.id,
                format!("Role “{}” owns no play.", r.name),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rules(j: &Journey) -> Vec<String> {
        check(j)
            .iter()
            .map(|f| format!("{}:{}", f.rule, f.id))
            .collect()
    }

    #[test]
    fn flags_each_thing_the_framework_asks_to_question_and_stops_once_fixed() {
        let mut j = crate::journey::templates::blank("J");
        let stage = j.stages[0].id.clone();
        j.stages[0].milestones.push(
            serde_json::from_value(json!({"id": "first-value", "name": "First value"})).unwrap(),
        );
        j.activities.push(
            serde_json::from_value(json!({"id": "kickoff", "name": "Kickoff", "stage": stage}))
                .unwrap(),
        );
        j.roles
            .push(serde_json::from_value(json!({"id": "csm", "name": "CSM"})).unwrap());
        assert_eq!(
            rules(&j),
            [
                format!("stage-without-metric:{stage}"),
                "milestone-without-criteria:first-value".into(),
                "activity-supports-nothing:kickoff".into(),
                "activity-without-role:kickoff".into(),
                "role-owns-nothing:csm".into(),
            ]
        );
        let play = check(&j)
            .into_iter()
            .find(|f| f.rule == "activity-supports-nothing")
            .unwrap();
        assert_eq!(
            play.message,
            "“Kickoff” supports no milestone: what does it contribute to moving customers forward?"
        );
        j.activities[0].milestones.push("first-value".into());
        j.activities[0].role = Some("csm".into());
        j.stages[0].milestones[0].criteria.push(
            serde_json::from_value(
                json!({"event": "login", "aggregate": "count", "op": ">=", "value": 1}),
            )
            .unwrap(),
        );
        assert_eq!(rules(&j), [format!("stage-without-metric:{stage}")]);
    }
}
