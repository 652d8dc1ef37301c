//! Prioritisation matrices (seed 004): each key stakeholder — or each customer, as the
//! weighted mean of its stakeholders — placed on a 2×2 of two scores, in the quadrant that
//! says how much support to give. A score exactly on a threshold counts as high. Nobody is
//! silently dropped or placed at 0: a customer without stakeholders, or without a score an
//! axis needs, is listed as not placed, with the reason.

pub mod priority;
pub mod screen;

use serde::Serialize;
use ts_rs::TS;

use crate::engine::scores::Reader;
#[cfg(test)]
use crate::engine::scores::Scores;
use crate::journey::{AxisField, Corner, CustomerField, Matrix, Support};

/// Who a matrix places: each stakeholder, or each customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
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
    pub corner: Corner,
    /// A stakeholder point: the stakeholder's name (to re-score it); None for a customer.
    pub stakeholder: Option<String>,
    /// A customer point: how many stakeholders its mean is over.
    pub stakeholders: u32,
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
    m.corner_of(x, y)
}

/// The corners in the order counts are given when a matrix describes none.
pub const CORNERS: [Corner; 4] = [
    Corner::TopRight,
    Corner::TopLeft,
    Corner::BottomRight,
    Corner::BottomLeft,
];

pub(crate) fn corner_index(c: Corner) -> usize {
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

/// The name of a corner's quadrant (the corner's words when the matrix names none).
pub fn quadrant_name(m: &Matrix, corner: Corner) -> String {
    m.quadrant_name(corner)
}

/// The words for a support level.
pub fn support_words(s: Support) -> &'static str {
    crate::journey::vocabulary::SUPPORTS
        .iter()
        .find(|(x, _)| *x == s)
        .map_or("", |(_, w)| w)
}

/// What an axis reads, in words: "intent", "ARR", "seats", the metric's name.
pub fn field_words(field: &AxisField, journey: &crate::journey::Journey) -> String {
    match field {
        AxisField::Score(f) => crate::serde_name(f).replace('_', " "),
        AxisField::Customer(CustomerField::Arr) => "ARR".into(),
        AxisField::Customer(CustomerField::Attribute(a)) => a.clone(),
        AxisField::Customer(CustomerField::Metric(id)) => journey
            .metrics
            .iter()
            .find(|m| &m.id == id)
            .map_or_else(|| id.clone(), |m| m.name.clone()),
    }
}

/// One placed point, without strings: the core of a matrix, cheap enough to recompute on
/// every re-score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub customer: u32,
    /// The stakeholder's index in `Scores::people`, for a stakeholder point.
    pub person: Option<u32>,
    pub x: f64,
    pub y: f64,
    pub corner: Corner,
}

/// Why a customer (or one of its stakeholders) is not on a matrix.
#[derive(Debug, Clone, PartialEq)]
pub enum Missing {
    NoStakeholders,
    /// The customer (or, with `person`, that stakeholder) has no value for the field.
    NoValue {
        person: Option<u32>,
        x_missing: bool,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    pub points: Vec<Placed>,
    pub missing: Vec<(u32, Missing)>,
    /// Points per corner, by `corner_index`.
    pub counts: [usize; 4],
}

/// Places the customers `who` (indexes into the data) or their stakeholders on matrix `m`.
pub fn place_core(m: &Matrix, r: &Reader<'_>, who: &[usize], level: Level) -> Placement {
    let mut out = Placement {
        points: Vec::with_capacity(match level {
            Level::Customer => who.len(),
            Level::Stakeholder => r.scores.people().len(),
        }),
        ..Placement::default()
    };
    let w = m.decision_weight();
    for &c in who {
        let mine = r.scores.of(c);
        let stakeholder_field = |f: &AxisField| matches!(f, AxisField::Score(_));
        if mine.is_empty() && (stakeholder_field(&m.x.field) || stakeholder_field(&m.y.field)) {
            out.missing.push((c as u32, Missing::NoStakeholders));
            continue;
        }
        let mut put = |person: Option<u32>, x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => {
                let corner = m.corner_of(x, y);
                out.counts[corner_index(corner)] += 1;
                out.points.push(Placed {
                    customer: c as u32,
                    person,
                    x,
                    y,
                    corner,
                });
            }
            (x, _) => out.missing.push((
                c as u32,
                Missing::NoValue {
                    person,
                    x_missing: x.is_none(),
                },
            )),
        };
        match level {
            Level::Stakeholder if !mine.is_empty() => {
                for k in r.scores.range(c) {
                    let p = &r.scores.people()[k];
                    put(
                        Some(k as u32),
                        r.stakeholder(&m.x.field, p),
                        r.stakeholder(&m.y.field, p),
                    );
                }
            }
            _ => put(
                None,
                r.customer(&m.x.field, c, w),
                r.customer(&m.y.field, c, w),
            ),
        }
    }
    out
}

/// Places the customers `who` (indexes into the data) or their stakeholders on matrix `m`,
/// with names and reasons in words.
pub fn place(m: &Matrix, r: &Reader<'_>, who: &[usize], level: Level) -> MatrixView {
    let core = place_core(m, r, who, level);
    view(m, r, &core, level)
}

/// The words of a placement.
pub fn view(m: &Matrix, r: &Reader<'_>, core: &Placement, level: Level) -> MatrixView {
    let names = quadrant_names(m);
    let people = r.scores.people();
    let customers = &r.data.customers;
    let points = core
        .points
        .iter()
        .map(|p| {
            let cust = &customers[p.customer as usize];
            let (id, name, stakeholder) = match p.person {
                Some(k) => {
                    let s = &people[k as usize];
                    (
                        format!("{}/{}", cust.id, s.name),
                        s.name.clone(),
                        Some(s.name.clone()),
                    )
                }
                None => (
                    cust.id.clone(),
                    cust.name.clone().unwrap_or_else(|| cust.id.clone()),
                    None,
                ),
            };
            MatrixPoint {
                id,
                customer_id: cust.id.clone(),
                name,
                x: p.x,
                y: p.y,
                quadrant: names[corner_index(p.corner)].clone(),
                corner: p.corner,
                stakeholder,
                stakeholders: r.scores.of(p.customer as usize).len() as u32,
            }
        })
        .collect();
    let not_placed = core
        .missing
        .iter()
        .map(|(c, why)| NotPlaced {
            customer_id: customers[*c as usize].id.clone(),
            reason: match why {
                Missing::NoStakeholders => "no stakeholders".into(),
                Missing::NoValue { person, x_missing } => {
                    let field =
                        field_words(if *x_missing { &m.x.field } else { &m.y.field }, r.journey);
                    match person {
                        Some(k) => format!("{} has no score for {field}", people[*k as usize].name),
                        None if matches!(
                            if *x_missing { &m.x.field } else { &m.y.field },
                            AxisField::Score(_)
                        ) =>
                        {
                            format!("no stakeholder has a score for {field}")
                        }
                        None => format!("no value for {field}"),
                    }
                }
            },
        })
        .collect();
    MatrixView {
        matrix: m.id.clone(),
        level,
        points,
        counts: counts(m, core),
        not_placed,
    }
}

/// Points per quadrant name, in the matrix's quadrant order (then the unnamed corners).
pub fn counts(m: &Matrix, core: &Placement) -> serde_json::Map<String, serde_json::Value> {
    let names = quadrant_names(m);
    m.quadrants
        .iter()
        .map(|q| q.corner)
        .chain(CORNERS.into_iter().filter(|c| m.quadrant(*c).is_none()))
        .map(|corner| {
            (
                names[corner_index(corner)].clone(),
                core.counts[corner_index(corner)].into(),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::scores::slot;
    use crate::engine::{Customer, Dataset, Stakeholder};
    use crate::journey::{Axis, Quadrant, ScoreField};

    fn axis(label: &str, field: ScoreField) -> Axis {
        Axis::score(field, label)
    }

    fn quadrant(corner: Corner, name: &str) -> Quadrant {
        Quadrant {
            corner,
            name: name.into(),
            support: None,
            rationale: None,
            activity: None,
        }
    }

    fn placed(
        m: &Matrix,
        d: &Dataset,
        people: &[Stakeholder],
        who: &[usize],
        level: Level,
    ) -> MatrixView {
        let j = crate::journey::templates::blank("t");
        let scores = Scores::new(d.customers.len(), people.to_vec());
        place(m, &Reader::new(&j, d, &scores, i64::MAX), who, level)
    }

    fn matrix() -> Matrix {
        Matrix {
            id: "pi".into(),
            name: "Purpose × intent".into(),
            x: axis("Intent", ScoreField::Intent),
            y: axis("Purpose", ScoreField::Purpose),
            best: Corner::TopRight,
            quadrants: vec![
                quadrant(Corner::TopRight, "Champions"),
                quadrant(Corner::BottomLeft, "Passengers"),
            ],
            decision_weight: None,
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
            changes: Vec::new(),
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
        assert_eq!(quadrant_name(&m, Corner::TopLeft), "Top left");
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
        let v = placed(&m, &d, &people, &[0, 1, 2], Level::Customer);
        assert_eq!(v.points.len(), 1);
        assert_eq!((v.points[0].x, v.points[0].y), (6.0, 7.0));
        assert_eq!(v.points[0].quadrant, "Champions");
        // Equal weights: purpose 6, intent 5.
        let even = placed(
            &Matrix {
                decision_weight: Some(1.0),
                ..m.clone()
            },
            &d,
            &people,
            &[0],
            Level::Customer,
        );
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
        let v = placed(&m, &d, &people, &[0, 1], Level::Stakeholder);
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
                ("Top left", 0),
                ("Bottom right", 0)
            ]
        );
    }

    #[test]
    fn customer_axes_read_arr_an_attribute_or_a_metric_as_of_the_cutoff() {
        use crate::journey::{Aggregate, CustomerField, Direction, Metric};
        const DAY: i64 = 86_400;
        let mut j = crate::journey::templates::blank("t");
        j.metrics.push(Metric {
            id: "logins".into(),
            name: "Logins (30 d)".into(),
            stage: "onboard".into(),
            definition: None,
            event: "login".into(),
            aggregate: Aggregate::Count,
            window_days: Some(30),
            unit: None,
            target: None,
            direction: Direction::Higher,
            thresholds: None,
            value: None,
        });
        let mut customers = data(3).customers;
        customers[0].arr = Some(120_000.0);
        customers[1].arr = Some(8_000.0);
        // C0 logged in 3 times in its last 30 days, C1 twice long ago, C2 never.
        let events = [
            (0, 50 * DAY, "login", 1.0),
            (0, 55 * DAY, "login", 1.0),
            (0, 58 * DAY, "login", 1.0),
            (1, DAY, "login", 1.0),
            (1, 2 * DAY, "login", 1.0),
        ];
        let d = Dataset::new(customers, &events);
        let mut scores = Scores::new(3, Vec::new());
        scores
            .attributes
            .insert("seats".into(), vec![Some(40.0), None, Some(12.0)]);
        let axis = |field: CustomerField, max: f64, threshold: f64| Axis {
            label: String::new(),
            field: AxisField::Customer(field),
            min: 0.0,
            max,
            threshold,
            better: None,
        };
        let m = Matrix {
            x: axis(CustomerField::Arr, 200_000.0, 50_000.0),
            y: axis(CustomerField::Metric("logins".into()), 30.0, 2.0),
            ..matrix()
        };
        let r = Reader::new(&j, &d, &scores, 60 * DAY);
        // No stakeholders are needed when neither axis reads a score.
        let v = place(&m, &r, &[0, 1, 2], Level::Customer);
        let got: Vec<(&str, f64, f64, Corner)> = v
            .points
            .iter()
            .map(|p| (p.id.as_str(), p.x, p.y, p.corner))
            .collect();
        // C1's logins left the window: 0. C2 has no ARR: not placed, with the reason.
        assert_eq!(
            got,
            [
                ("C0", 120_000.0, 3.0, Corner::TopRight),
                ("C1", 8_000.0, 0.0, Corner::BottomLeft)
            ]
        );
        assert_eq!(v.not_placed[0].reason, "no value for ARR");
        // As of day 3, C1 had logged in twice: on the threshold, so high (top left).
        let early = Reader::new(&j, &d, &scores, 3 * DAY);
        let v = place(&m, &early, &[1], Level::Customer);
        assert_eq!(v.points[0].corner, Corner::TopLeft);
        assert_eq!(v.points[0].y, 2.0);
        let m = Matrix {
            y: axis(CustomerField::Attribute("seats".into()), 100.0, 20.0),
            ..m
        };
        let v = place(&m, &r, &[0, 1, 2], Level::Customer);
        let ys: Vec<(&str, f64)> = v.points.iter().map(|p| (p.id.as_str(), p.y)).collect();
        assert_eq!(ys, [("C0", 40.0)]);
        let reasons: Vec<&str> = v.not_placed.iter().map(|n| n.reason.as_str()).collect();
        assert_eq!(reasons, ["no value for seats", "no value for ARR"]);
    }
}
