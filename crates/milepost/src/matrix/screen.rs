//! What the app's Matrices view shows: one matrix filled with points for the chosen
//! customers, where the points were on an earlier date (for trails), and what the view
//! needs to know about each customer to filter, size and describe its points.

use serde::Serialize;
use ts_rs::TS;

use super::{Level, MatrixView, place};
use crate::engine::{
    Assessment, Dataset, Filter, Health, Reader, Scores, customer_states, population,
};
use crate::journey::Journey;

/// A customer as the matrix view describes it on hover and filters it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PointCustomer {
    pub id: String,
    pub name: Option<String>,
    pub segment: Option<String>,
    pub owner: Option<String>,
    pub arr: Option<f64>,
    pub stage: Option<String>,
    pub health: Option<Health>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MatrixScreen {
    pub view: MatrixView,
    /// The same points placed by their scores at the end of the compare date; null
    /// without one.
    pub before: Option<MatrixView>,
    /// Every customer of the population, in data order.
    pub customers: Vec<PointCustomer>,
    /// `YYYY-MM-DD`: the day the points are placed as of.
    pub as_of: String,
    /// What cannot be shown, when the workspace has no usage events yet.
    pub notice: Option<String>,
}

/// What the view says of each customer as of `a`'s cut-off, by the customer's index in
/// the data (None for one not started by then). Computed once per assessment: the stage
/// and health of 20,000 customers are not worked out again for every matrix shown.
pub fn point_customers(
    journey: &Journey,
    data: &Dataset,
    a: &Assessment,
) -> Vec<Option<PointCustomer>> {
    let all = Filter::default();
    let mut out = vec![None; data.customers.len()];
    for (s, c) in customer_states(journey, data, a, &all)
        .into_iter()
        .zip(population(data, a, &all))
    {
        let cust = &data.customers[c];
        out[c] = Some(PointCustomer {
            id: s.id,
            name: s.name,
            segment: cust.segment.clone(),
            owner: cust.owner.clone(),
            arr: cust.arr,
            stage: s.stage_name,
            health: s.health.map(|h| h.colour),
        });
    }
    out
}

/// Fills matrix `matrix` (an id) for the customers `filter` admits as of `a`'s cut-off,
/// with the positions at `compare` (end of that day) when given; `known` is
/// `point_customers` of the same assessment. None when the journey has no such matrix.
#[allow(clippy::too_many_arguments)]
pub fn screen(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &Assessment,
    known: &[Option<PointCustomer>],
    filter: &Filter,
    matrix: &str,
    level: Level,
    compare: Option<i64>,
) -> Option<MatrixScreen> {
    let m = journey.matrices.iter().find(|m| m.id == matrix)?;
    let who = population(data, a, filter);
    let mut r = Reader::new(journey, data, scores, a.cutoff);
    let view = place(m, &r, &who, level);
    let before = compare.map(|t| {
        r.scores_at = Some(t);
        place(m, &r, &who, level)
    });
    let customers = who
        .iter()
        .filter_map(|&c| known.get(c).cloned().flatten())
        .collect();
    Some(MatrixScreen {
        view,
        before,
        customers,
        as_of: crate::format::date(a.cutoff),
        notice: crate::engine::without_events(data, a.cutoff),
    })
}
