//! The customer assessment as CSV: each customer's furthest milestone, when it reached
//! each one, its stage, days in it, health, and its quadrant in every matrix — for the
//! spreadsheet a CS team already lives in. Cells are spreadsheet-safe (`data::safe_csv`).

use crate::engine::{Assessment, Dataset, Filter, Reader, Scores, customer_states, population};
use crate::journey::Journey;

/// The byte-order mark that makes Excel read a CSV file as UTF-8 (names like "Chloé").
pub const BOM: &str = "\u{feff}";

/// CSV text as a file for Excel: UTF-8 with a byte-order mark.
pub fn for_excel(text: &str) -> String {
    format!("{BOM}{text}")
}

/// The assessment of the customers `filter` admits as of `a`'s cut-off, one row each.
pub fn customers(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &Assessment,
    filter: &Filter,
) -> String {
    let mut header: Vec<String> = [
        "customer_id",
        "name",
        "segment",
        "owner",
        "arr",
        "furthest_milestone",
        "stage",
        "days_in_stage",
        "health",
    ]
    .map(String::from)
    .into();
    header.extend(a.milestones.iter().map(|m| format!("reached: {}", m.name)));
    header.extend(journey.matrices.iter().map(|m| m.name.clone()));
    let r = Reader::new(journey, data, scores, a.cutoff);
    let rows = customer_states(journey, data, a, filter)
        .into_iter()
        .zip(population(data, a, filter))
        .map(|(s, c)| {
            let cust = &data.customers[c];
            let health = if s.churned {
                "churned".to_owned()
            } else {
                s.health
                    .as_ref()
                    .map(|h| crate::serde_name(&h.colour))
                    .unwrap_or_default()
            };
            let mut row = vec![
                s.id.clone(),
                s.name.clone().unwrap_or_default(),
                cust.segment.clone().unwrap_or_default(),
                cust.owner.clone().unwrap_or_default(),
                cust.arr.map(|v| v.to_string()).unwrap_or_default(),
                s.furthest_name.clone().unwrap_or_default(),
                s.stage_name.clone().unwrap_or_default(),
                s.days_in_stage
                    .map(|d| format!("{d:.1}"))
                    .unwrap_or_default(),
                health,
            ];
            row.extend(a.milestones.iter().map(|m| {
                s.reached
                    .get(&m.id)
                    .and_then(|v| v.as_str())
                    .map(|t| t.get(..10).unwrap_or(t).to_owned())
                    .unwrap_or_default()
            }));
            row.extend(journey.matrices.iter().map(|m| {
                r.corner(m, c)
                    .map(|q| crate::matrix::quadrant_name(m, q))
                    .unwrap_or_default()
            }));
            row
        });
    crate::data::safe_csv(std::iter::once(header).chain(rows))
}
