//! What changed between two versions of a journey: the objects added, removed and
//! changed, by kind and id, with the fields that differ ("what the new onboarding
//! definition changed"). Objects are matched by id, so a renamed stage is a change to its
//! `name`, not a removal and an addition.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::model::Journey;

/// One object of a journey, named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffItem {
    /// stage, milestone, activity, role, metric, matrix, note
    pub kind: String,
    pub id: String,
    pub name: String,
}

/// An object in both versions whose fields differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffChange {
    pub kind: String,
    pub id: String,
    /// Its name in the newer version.
    pub name: String,
    /// The fields that differ, in the order the file writes them (`criteria`, `name`, …).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Diff {
    pub added: Vec<DiffItem>,
    pub removed: Vec<DiffItem>,
    pub changed: Vec<DiffChange>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Every object of a journey as (kind, id, name, its own fields): a stage without its
/// milestones (they are objects of their own), the rest whole. The journey itself is the
/// object of kind "journey" (its name and description).
fn objects(j: &Journey) -> Vec<(&'static str, String, String, serde_json::Map<String, Value>)> {
    fn fields<T: Serialize>(x: &T) -> serde_json::Map<String, Value> {
        match serde_json::to_value(x) {
            Ok(Value::Object(m)) => m,
            _ => serde_json::Map::new(),
        }
    }
    let mut out = Vec::new();
    let mut head = serde_json::Map::new();
    head.insert("name".into(), Value::from(j.name.clone()));
    head.insert(
        "description".into(),
        j.description.clone().map_or(Value::Null, Value::from),
    );
    out.push(("journey", String::new(), j.name.clone(), head));
    for s in &j.stages {
        let mut f = fields(s);
        f.remove("milestones");
        out.push(("stage", s.id.clone(), s.name.clone(), f));
        for m in &s.milestones {
            let mut f = fields(m);
            // Which stage a milestone is in is one of its fields.
            f.insert("stage".into(), Value::from(s.id.clone()));
            out.push(("milestone", m.id.clone(), m.name.clone(), f));
        }
    }
    for a in &j.activities {
        out.push(("activity", a.id.clone(), a.name.clone(), fields(a)));
    }
    for r in &j.roles {
        out.push(("role", r.id.clone(), r.name.clone(), fields(r)));
    }
    for m in &j.metrics {
        out.push(("metric", m.id.clone(), m.name.clone(), fields(m)));
    }
    for m in &j.matrices {
        out.push(("matrix", m.id.clone(), m.name.clone(), fields(m)));
    }
    for n in &j.notes {
        out.push(("note", n.id.clone(), n.text.clone(), fields(n)));
    }
    out
}

/// What changed from `old` to `new`, in the order of `new` (removals in the order of
/// `old`).
pub fn diff(old: &Journey, new: &Journey) -> Diff {
    let before = objects(old);
    let after = objects(new);
    let find =
        |list: &[(&str, String, String, serde_json::Map<String, Value>)], kind: &str, id: &str| {
            list.iter().position(|(k, i, _, _)| *k == kind && i == id)
        };
    let mut d = Diff::default();
    for (kind, id, name, fields) in &after {
        match find(&before, kind, id) {
            None => d.added.push(DiffItem {
                kind: (*kind).into(),
                id: id.clone(),
                name: name.clone(),
            }),
            Some(i) => {
                let old_fields = &before[i].3;
                let mut changed: Vec<String> = fields
                    .iter()
                    .filter(|(k, v)| old_fields.get(*k).unwrap_or(&Value::Null) != *v)
                    .map(|(k, _)| k.clone())
                    .collect();
                changed.extend(
                    old_fields
                        .iter()
                        .filter(|(k, v)| !v.is_null() && !fields.contains_key(*k))
                        .map(|(k, _)| k.clone()),
                );
                if !changed.is_empty() {
                    d.changed.push(DiffChange {
                        kind: (*kind).into(),
                        id: id.clone(),
                        name: name.clone(),
                        fields: changed,
                    });
                }
            }
        }
    }
    for (kind, id, name, _) in &before {
        if find(&after, kind, id).is_none() {
            d.removed.push(DiffItem {
                kind: (*kind).into(),
                id: id.clone(),
                name: name.clone(),
            });
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::templates;

    fn item(kind: &str, id: &str, name: &str) -> DiffItem {
        DiffItem {
            kind: kind.into(),
            id: id.into(),
            name: name.into(),
        }
    }

    #[test]
    fn the_same_journey_has_no_differences() {
        let j = templates::get("billing-saas").unwrap();
        assert!(diff(&j, &j.clone()).is_empty());
    }

    #[test]
    fn every_kind_of_object_added_removed_and_changed_is_listed_with_its_fields() {
        let old = templates::get("billing-saas").unwrap();
        let mut new = old.clone();
        // Changed: a criterion of a milestone, a stage's duration, a play's owner, a
        // role's name, a metric's target, a matrix's quadrant, a note's votes; the name.
        new.name = "Billing SaaS — after the workshop".into();
        new.stages[0].milestones[1].criteria[0].value = 2.0;
        new.stages[1].expected_days = Some(60);
        new.activities[0].role = None;
        new.roles[0].name = "Onboarding lead".into();
        new.metrics[0].target = Some(2.0);
        new.matrices[0].quadrants[0].name = "Renamed".into();
        // Added: a stage with a milestone, a play, a note; removed: a metric, a matrix.
        let mut stage = new.stages[4].clone();
        stage.id = "renew".into();
        stage.name = "Renew".into();
        stage.milestones.truncate(1);
        stage.milestones[0].id = "renewed".into();
        stage.milestones[0].name = "Renewed".into();
        new.stages.push(stage);
        let mut play = new.activities[0].clone();
        play.id = "renewal-call".into();
        play.name = "Renewal call".into();
        new.activities.push(play);
        new.notes.push(crate::journey::StickyNote {
            id: "n1".into(),
            text: "Ask finance".into(),
            color: crate::journey::NoteColor::Yellow,
            x: 0.0,
            y: 0.0,
            votes: 0,
            parked: false,
            author: None,
        });
        let gone_metric = new.metrics.pop().unwrap();
        let gone_matrix = new.matrices.pop().unwrap();
        // A milestone moved to another stage.
        let moved = new.stages[3].milestones.remove(0);
        new.stages[2].milestones.push(moved.clone());

        let d = diff(&old, &new);
        assert_eq!(
            d.added,
            [
                item("stage", "renew", "Renew"),
                item("milestone", "renewed", "Renewed"),
                item("activity", "renewal-call", "Renewal call"),
                item("note", "n1", "Ask finance"),
            ]
        );
        assert_eq!(
            d.removed,
            [
                item("metric", &gone_metric.id, &gone_metric.name),
                item("matrix", &gone_matrix.id, &gone_matrix.name),
            ]
        );
        let changed: Vec<(&str, &str, Vec<&str>)> = d
            .changed
            .iter()
            .map(|c| {
                (
                    c.kind.as_str(),
                    c.id.as_str(),
                    c.fields.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        let j = &old;
        assert_eq!(
            changed,
            [
                ("journey", "", vec!["name"]),
                (
                    "milestone",
                    j.stages[0].milestones[1].id.as_str(),
                    vec!["criteria"]
                ),
                ("stage", j.stages[1].id.as_str(), vec!["expected_days"]),
                ("milestone", moved.id.as_str(), vec!["stage"]),
                ("activity", j.activities[0].id.as_str(), vec!["role"]),
                ("role", j.roles[0].id.as_str(), vec!["name"]),
                ("metric", j.metrics[0].id.as_str(), vec!["target"]),
                ("matrix", j.matrices[0].id.as_str(), vec!["quadrants"]),
            ]
        );
    }
}
