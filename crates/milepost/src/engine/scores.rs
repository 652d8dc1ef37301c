//! Stakeholder scores and customer values, as the matrices and the "customer in quadrant"
//! trigger read them. A score that changed (re-imported, or re-scored in a workshop) keeps
//! its earlier values with their times, so any reading can be made as of a moment: what a
//! matrix looked like last quarter, or the day a customer moved into a quadrant.

use std::collections::HashMap;

use super::Dataset;
use crate::journey::{AxisField, Corner, CustomerField, Journey, Matrix, ScoreField};

/// The stakeholder scores, in the order of `ScoreField` (and of the store's columns).
pub const SCORE_FIELDS: [ScoreField; 8] = [
    ScoreField::Purpose,
    ScoreField::Intent,
    ScoreField::Desire,
    ScoreField::Skills,
    ScoreField::RevenueImpact,
    ScoreField::Modularity,
    ScoreField::Effort,
    ScoreField::Complexity,
];

/// A score's place in `SCORE_FIELDS`.
pub fn slot(field: ScoreField) -> usize {
    field as usize
}

/// A score's earlier value: until `at` (Unix seconds) it was `before`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScoreChange {
    pub field: ScoreField,
    pub before: Option<f64>,
    pub at: i64,
}

/// One stakeholder of a customer, with its scores (1–10; None where the file had none).
#[derive(Debug, Clone, PartialEq)]
pub struct Stakeholder {
    /// The customer's index in the `Dataset`.
    pub customer: usize,
    pub name: String,
    pub decision_maker: bool,
    pub scores: [Option<f64>; 8],
    /// Earlier values, oldest first. Scores before the first change count from the
    /// customer's start: the first assessment is the baseline.
    pub changes: Vec<ScoreChange>,
}

impl Stakeholder {
    pub fn score(&self, field: ScoreField) -> Option<f64> {
        self.scores[slot(field)]
    }

    /// The score as it was at `at` (now, when None).
    pub fn score_at(&self, field: ScoreField, at: Option<i64>) -> Option<f64> {
        let Some(t) = at else {
            return self.score(field);
        };
        // The earliest change after t says what the score was until then.
        self.changes
            .iter()
            .find(|ch| ch.field == field && ch.at > t)
            .map_or_else(|| self.score(field), |ch| ch.before)
    }
}

/// Every stakeholder of a workspace, grouped by customer, and the numeric customer
/// attributes the journey's matrices read.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    people: Vec<Stakeholder>,
    /// Customer c's stakeholders are `people[offsets[c]..offsets[c + 1]]`.
    offsets: Vec<usize>,
    /// Attribute name → each customer's value (None where missing or not a number).
    pub attributes: HashMap<String, Vec<Option<f64>>>,
}

impl Scores {
    /// Groups `people` by customer (keeping their order within a customer).
    pub fn new(customers: usize, mut people: Vec<Stakeholder>) -> Scores {
        people.retain(|p| p.customer < customers);
        people.sort_by_key(|p| p.customer);
        let mut offsets = vec![0; customers + 1];
        for p in &people {
            offsets[p.customer + 1] += 1;
        }
        for c in 0..customers {
            offsets[c + 1] += offsets[c];
        }
        Scores {
            people,
            offsets,
            attributes: HashMap::new(),
        }
    }

    /// Customer c's stakeholders.
    pub fn of(&self, c: usize) -> &[Stakeholder] {
        &self.people[self.range(c)]
    }

    /// Where customer c's stakeholders are in `people()`.
    pub fn range(&self, c: usize) -> std::ops::Range<usize> {
        match (self.offsets.get(c), self.offsets.get(c + 1)) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    pub fn people(&self) -> &[Stakeholder] {
        &self.people
    }

    /// Sets one of customer c's stakeholders' scores now, keeping the value it replaces
    /// (as the store does); false when c has no stakeholder of that name.
    pub fn set(
        &mut self,
        c: usize,
        name: &str,
        field: ScoreField,
        value: Option<f64>,
        before: Option<f64>,
    ) -> bool {
        let range = self.range(c);
        let Some(p) = self.people[range].iter_mut().find(|p| p.name == name) else {
            return false;
        };
        p.scores[slot(field)] = value;
        if before != value {
            p.changes.push(ScoreChange {
                field,
                before,
                at: crate::now(),
            });
        }
        true
    }

    /// The times at which any of customer c's scores changed, in order.
    pub fn change_times(&self, c: usize) -> Vec<i64> {
        let mut t: Vec<i64> = self
            .of(c)
            .iter()
            .flat_map(|p| p.changes.iter().map(|ch| ch.at))
            .collect();
        t.sort_unstable();
        t.dedup();
        t
    }
}

/// The weighted mean of a score over stakeholders that have it; decision makers count
/// `decision_weight` times. None when nobody has the score.
pub fn weighted_mean(
    people: &[Stakeholder],
    field: ScoreField,
    decision_weight: f64,
    at: Option<i64>,
) -> Option<f64> {
    let (sum, weight) = people
        .iter()
        .filter_map(|p| {
            p.score_at(field, at).map(|v| {
                let w = if p.decision_maker {
                    decision_weight
                } else {
                    1.0
                };
                (v * w, w)
            })
        })
        .fold((0.0, 0.0), |(s, t), (v, w)| (s + v, t + w));
    (weight > 0.0).then(|| sum / weight)
}

/// Reads axis values: scores as they were at `scores_at` (now when None), metrics as of
/// `cutoff`.
#[derive(Debug)]
pub struct Reader<'a> {
    pub journey: &'a Journey,
    pub data: &'a Dataset,
    pub scores: &'a Scores,
    pub cutoff: i64,
    pub scores_at: Option<i64>,
}

impl<'a> Reader<'a> {
    /// Reads current scores, and metrics as of `cutoff`.
    pub fn new(journey: &'a Journey, data: &'a Dataset, scores: &'a Scores, cutoff: i64) -> Self {
        Reader {
            journey,
            data,
            scores,
            cutoff,
            scores_at: None,
        }
    }

    /// A customer's own value of a customer field.
    pub fn customer_field(&self, field: &CustomerField, c: usize) -> Option<f64> {
        match field {
            CustomerField::Arr => self.data.customers[c].arr,
            CustomerField::Attribute(name) => self.scores.attributes.get(name)?.get(c).copied()?,
            CustomerField::Metric(id) => {
                let m = self.journey.metrics.iter().find(|m| &m.id == id)?;
                super::health::metric_value(m, self.data, c, self.cutoff)
            }
        }
    }

    /// A stakeholder's value on an axis (a customer field is its customer's).
    pub fn stakeholder(&self, field: &AxisField, p: &Stakeholder) -> Option<f64> {
        match field {
            AxisField::Score(f) => p.score_at(*f, self.scores_at),
            AxisField::Customer(f) => self.customer_field(f, p.customer),
        }
    }

    /// A customer's value on an axis: the weighted mean of its stakeholders' scores, or
    /// its own value of a customer field.
    pub fn customer(&self, field: &AxisField, c: usize, decision_weight: f64) -> Option<f64> {
        match field {
            AxisField::Score(f) => {
                weighted_mean(self.scores.of(c), *f, decision_weight, self.scores_at)
            }
            AxisField::Customer(f) => self.customer_field(f, c),
        }
    }

    /// The quadrant customer c is in on matrix m; None when a value is missing.
    pub fn corner(&self, m: &Matrix, c: usize) -> Option<Corner> {
        let w = m.decision_weight();
        let x = self.customer(&m.x.field, c, w)?;
        let y = self.customer(&m.y.field, c, w)?;
        Some(m.corner_of(x, y))
    }

    /// The moments in (from, to) at which customer c's quadrant on m can change: its
    /// score changes and, for an axis reading a metric, the metric's events arriving or
    /// leaving their window.
    pub fn quadrant_moments(&self, m: &Matrix, c: usize, from: i64, to: i64) -> Vec<i64> {
        let mut t = self.scores.change_times(c);
        for axis in [&m.x, &m.y] {
            let AxisField::Customer(CustomerField::Metric(id)) = &axis.field else {
                continue;
            };
            let Some(metric) = self.journey.metrics.iter().find(|x| &x.id == id) else {
                continue;
            };
            let Some(name) = self.data.name_id(&metric.event) else {
                continue;
            };
            let window = metric
                .window_days
                .map(|d| i64::from(d) * super::assess::DAY);
            for i in self.data.events_of(c) {
                if self.data.name[i] == name {
                    t.push(self.data.at[i]);
                    if let Some(w) = window {
                        t.push(self.data.at[i] + w);
                    }
                }
            }
        }
        t.retain(|&x| x > from && x < to);
        t.sort_unstable();
        t.dedup();
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_reads_as_it_was_before_each_later_change() {
        let mut scores = [None; 8];
        scores[slot(ScoreField::Purpose)] = Some(8.0);
        let p = Stakeholder {
            customer: 0,
            name: "Ana".into(),
            decision_maker: false,
            scores,
            changes: vec![
                ScoreChange {
                    field: ScoreField::Purpose,
                    before: Some(3.0),
                    at: 100,
                },
                ScoreChange {
                    field: ScoreField::Purpose,
                    before: Some(5.0),
                    at: 200,
                },
            ],
        };
        assert_eq!(p.score_at(ScoreField::Purpose, Some(50)), Some(3.0));
        assert_eq!(p.score_at(ScoreField::Purpose, Some(100)), Some(5.0));
        assert_eq!(p.score_at(ScoreField::Purpose, Some(150)), Some(5.0));
        assert_eq!(p.score_at(ScoreField::Purpose, Some(200)), Some(8.0));
        assert_eq!(p.score_at(ScoreField::Purpose, None), Some(8.0));
        assert_eq!(p.score_at(ScoreField::Intent, Some(50)), None);
    }
}
