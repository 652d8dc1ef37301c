//! Prioritisation matrices (seed 004): each key stakeholder — or each customer, as the
//! weighted mean of its stakeholders — placed on a 2×2 of two scores, in the quadrant that
//! says how much support to give. A score exactly on a threshold counts as high. Nobody is
//! silently dropped or placed at 0: a customer without stakeholders, or without a score an
//! axis needs, is listed as not placed, with the reason.

pub mod priority;

use serde::Serialize;
use ts_rs::TS;

use crate::engine::Dataset;
use crate::journey::{Corner, Matrix, ScoreField};

/// The stakeholder scores, in the order of `ScoreField`.
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

fn slot(field: ScoreField) -> usize {
    SCORE_FIELDS
        .iter()
        .position(|f| *f == field)
        .expect("every score field is listed")
}

/// One stakeholder of a customer, with its scores (1–10; None where the file had none).
#[derive(Debug, Clone, PartialEq)]
pub struct Stakeholder {
    /// The customer's index in the `Dataset`.
    pub customer: usize,
    pub name: String,
    pub decision_maker: bool,
    pub scores: [Option<f64>; 8],
}

impl Stakeholder {
    pub fn score(&self, field: ScoreField) -> Option<f64> {
        self.scores[slot(field)]
    }
}

/// Who a matrix places: each stakeholder, or each customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Stakeholder,
    Customer,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixPoint {
    /// `<customer id>/<stakeholder name>` for a stakeholder, the customer id for a customer.
    pub id: String,
    pub customer_id: String,
    /// The stakeholder's name, or the customer's (its id when it has none).
    pub name: String,
    pub x: f64,
    pub y: f64,
    /// The quadrant's name.
    pub quadrant: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct NotPlaced {
    pub customer_id: String,
    pub reason: String,
}

/// A matrix filled with points.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixView {
    /// The matrix's id.
    pub matrix: String,
    pub level: Level,
    pub points: Vec<MatrixPoint>,
    /// Points per quadrant name, in the matrix's quadrant order.
    #[ts(type = "Record<string, number>")]
    pub counts: serde_json::Map<String, serde_json::Value>,
    pub not_placed: Vec<NotPlaced>,
}

/// The corner a point falls in: on or above a threshold is high.
pub fn corner_of(m: &Matrix, x: f64, y: f64) -> Corner {
    match (x >= m.x.threshold, y >= m.y.threshold) {
        (true, true) => Corner::TopRight,
        (false, true) => Corner::TopLeft,
        (true, false) => Corner::BottomRight,
        (false, false) => Corner::BottomLeft,
    }
}

const CORNERS: [Corner; 4] = [
    Corner::TopRight,
    Corner::TopLeft,
    Corner::BottomRight,
    Corner::BottomLeft,
];

fn corner_index(c: Corner) -> usize {
    match c {
        Corner::TopRight => 0,
        Corner::TopLeft => 1,
        Corner::BottomRight => 2,
        Corner::BottomLeft => 3,
    }
}

/// The four quadrant names of a matrix, by `corner_index`.
pub(crate) fn quadrant_names(m: &Matrix) -> [String; 4] {
    CORNERS.map(|c| quadrant_name(m, c))
}

/// The quadrant name for a point, from names looked up once per matrix.
pub(crate) fn name_in<'a>(names: &'a [String; 4], m: &Matrix, x: f64, y: f64) -> &'a str {
    &names[corner_index(corner_of(m, x, y))]
}

/// The name of a corner's quadrant (the corner's own name when the matrix names none).
pub fn quadrant_name(m: &Matrix, corner: Corner) -> String {
    m.quadrants
        .iter()
        .find(|q| q.corner == corner)
        .map_or_else(|| crate::serde_name(&corner), |q| q.name.clone())
}

fn field_name(f: ScoreField) -> String {
    crate::serde_name(&f).replace('_', " ")
}

/// The weighted mean of a score over stakeholders that have it; decision makers count
/// `decision_weight` times. None when nobody has the score.
pub fn weighted_mean(
    people: &[&Stakeholder],
    field: ScoreField,
    decision_weight: f64,
) -> Option<f64> {
    let (sum, weight) = people
        .iter()
        .filter_map(|p| {
            p.score(field).map(|v| {
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

/// Places the customers `who` (indexes into `data`) and their stakeholders on matrix `m`.
pub fn place(
    m: &Matrix,
    data: &Dataset,
    people: &[Stakeholder],
    who: &[usize],
    level: Level,
    decision_weight: f64,
) -> MatrixView {
    let mut of: Vec<Vec<&Stakeholder>> = vec![Vec::new(); data.customers.len()];
    for p in people {
        if let Some(list) = of.get_mut(p.customer) {
            list.push(p);
        }
    }
    let mut points = Vec::new();
    let mut not_placed = Vec::new();
    let (fx, fy) = (m.x.field, m.y.field);
    // The four quadrant names, looked up once rather than per point.
    let names = quadrant_names(m);
    for &c in who {
        let cust = &data.customers[c];
        let mine = &of[c];
        if mine.is_empty() {
            not_placed.push(NotPlaced {
                customer_id: cust.id.clone(),
                reason: "no stakeholders".into(),
            });
            continue;
        }
        let mut point = |id: String, name: String, x: f64, y: f64| {
            points.push(MatrixPoint {
                id,
                customer_id: cust.id.clone(),
                name,
                x,
                y,
                quadrant: name_in(&names, m, x, y).to_owned(),
            });
        };
        match level {
            Level::Stakeholder => {
                for p in mine {
                    match (p.score(fx), p.score(fy)) {
                        (Some(x), Some(y)) => {
                            point(format!("{}/{}", cust.id, p.name), p.name.clone(), x, y)
                        }
                        (x, _) => not_placed.push(NotPlaced {
                            customer_id: cust.id.clone(),
                            reason: format!(
                                "{} has no score for {}",
                                p.name,
                                field_name(if x.is_none() { fx } else { fy })
                            ),
                        }),
                    }
                }
            }
            Level::Customer => {
                let x = weighted_mean(mine, fx, decision_weight);
                let y = weighted_mean(mine, fy, decision_weight);
                match (x, y) {
                    (Some(x), Some(y)) => point(
                        cust.id.clone(),
                        cust.name.clone().unwrap_or_else(|| cust.id.clone()),
                        x,
                        y,
                    ),
                    (x, _) => not_placed.push(NotPlaced {
                        customer_id: cust.id.clone(),
                        reason: format!(
                            "no stakeholder has a score for {}",
                            field_name(if x.is_none() { fx } else { fy })
                        ),
                    }),
                }
            }
        }
    }
    let mut counts = serde_json::Map::new();
    let corners = [
        Corner::TopRight,
        Corner::TopLeft,
        Corner::BottomRight,
        Corner::BottomLeft,
    ];
    let ordered = m.quadrants.iter().map(|q| q.corner).chain(
        corners
            .into_iter()
            .filter(|c| !m.quadrants.iter().any(|q| q.corner == *c)),
    );
    for corner in ordered {
        let name = quadrant_name(m, corner);
        let n = points.iter().filter(|p| p.quadrant == name).count();
        counts.insert(name, n.into());
    }
    MatrixView {
        matrix: m.id.clone(),
        level,
        points,
        counts,
        not_placed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Customer;
    use crate::journey::{Axis, Quadrant};

    fn matrix() -> Matrix {
        Matrix {
            id: "pi".into(),
            name: "Purpose × intent".into(),
            x: Axis {
                label: "Intent".into(),
                field: ScoreField::Intent,
                threshold: 5.0,
            },
            y: Axis {
                label: "Purpose".into(),
                field: ScoreField::Purpose,
                threshold: 5.0,
            },
            best: Corner::TopRight,
            quadrants: vec![
                Quadrant {
                    corner: Corner::TopRight,
                    name: "Champions".into(),
                    action: None,
                },
                Quadrant {
                    corner: Corner::BottomLeft,
                    name: "Passengers".into(),
                    action: None,
                },
            ],
        }
    }

    fn person(
        customer: usize,
        name: &str,
        dm: bool,
        purpose: Option<f64>,
        intent: Option<f64>,
    ) -> Stakeholder {
        let mut scores = [None; 8];
        scores[slot(ScoreField::Purpose)] = purpose;
        scores[slot(ScoreField::Intent)] = intent;
        Stakeholder {
            customer,
            name: name.into(),
            decision_maker: dm,
            scores,
        }
    }

    fn data(n: usize) -> Dataset {
        let customers = (0..n)
            .map(|i| Customer {
                id: format!("C{i}"),
                start: Some(0),
                ..Customer::default()
            })
            .collect();
        Dataset::new(customers, &[])
    }

    #[test]
    fn a_score_on_the_threshold_is_high_and_just_below_is_low() {
        let m = matrix();
        assert_eq!(corner_of(&m, 5.0, 5.0), Corner::TopRight);
        assert_eq!(corner_of(&m, 4.99, 5.0), Corner::TopLeft);
        assert_eq!(corner_of(&m, 5.01, 4.99), Corner::BottomRight);
        assert_eq!(corner_of(&m, 1.0, 1.0), Corner::BottomLeft);
        // An unnamed quadrant is called by its corner.
        assert_eq!(quadrant_name(&m, Corner::TopLeft), "top_left");
    }

    #[test]
    fn customers_are_the_weighted_mean_of_their_stakeholders() {
        let m = matrix();
        let d = data(3);
        let people = vec![
            person(0, "Ana", true, Some(9.0), Some(8.0)),
            person(0, "Ben", false, Some(3.0), Some(2.0)),
            person(1, "Cy", false, Some(7.0), None),
        ];
        // Decision makers count twice: purpose (2·9 + 3) / 3 = 7, intent (2·8 + 2) / 3 = 6.
        let v = place(&m, &d, &people, &[0, 1, 2], Level::Customer, 2.0);
        assert_eq!(v.points.len(), 1);
        assert_eq!((v.points[0].x, v.points[0].y), (6.0, 7.0));
        assert_eq!(v.points[0].quadrant, "Champions");
        // Equal weights: purpose 6, intent 5.
        let even = place(&m, &d, &people, &[0], Level::Customer, 1.0);
        assert_eq!((even.points[0].x, even.points[0].y), (5.0, 6.0));
        let reasons: Vec<(&str, &str)> = v
            .not_placed
            .iter()
            .map(|n| (n.customer_id.as_str(), n.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            [
                ("C1", "no stakeholder has a score for intent"),
                ("C2", "no stakeholders")
            ]
        );
    }

    #[test]
    fn stakeholders_are_points_of_their_own_and_counts_follow_the_quadrants() {
        let m = matrix();
        let d = data(2);
        let people = vec![
            person(0, "Ana", true, Some(9.0), Some(8.0)),
            person(0, "Ben", false, Some(3.0), Some(2.0)),
            person(1, "Cy", false, None, Some(6.0)),
        ];
        let v = place(&m, &d, &people, &[0, 1], Level::Stakeholder, 2.0);
        let ids: Vec<&str> = v.points.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["C0/Ana", "C0/Ben"]);
        assert_eq!(v.not_placed[0].reason, "Cy has no score for purpose");
        let counts: Vec<(&str, u64)> = v
            .counts
            .iter()
            .map(|(k, n)| (k.as_str(), n.as_u64().unwrap()))
            .collect();
        assert_eq!(
            counts,
            [
                ("Champions", 1),
                ("Passengers", 1),
                ("top_left", 0),
                ("bottom_right", 0)
            ]
        );
    }
}
