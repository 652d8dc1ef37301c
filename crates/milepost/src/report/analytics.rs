//! The analytics snapshot a journey file can carry: the numbers as of the export, for
//! the people and tools that read the file. Milepost itself never reads it back.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::engine::{Dataset, Filter, Funnel, Reader, Scores, StageHealthCount, live, population};
use crate::journey::Journey;
use crate::matrix::{Level, place_core};

#[derive(Debug, Clone, Serialize)]
pub struct Snapshot {
    /// `YYYY-MM-DD`: the day of the latest event, included whole.
    pub as_of: String,
    pub funnel: Funnel,
    /// Per stage, its active customers, by health colour where the stage has rules.
    pub stages: Vec<StageHealthCount>,
    /// Per matrix id, customers per quadrant name (customer level).
    pub quadrants: BTreeMap<String, serde_json::Map<String, serde_json::Value>>,
}

/// The snapshot of a journey over a workspace's data; None without events.
pub fn snapshot(journey: &Journey, data: &Dataset, scores: &Scores) -> Option<Snapshot> {
    let numbers = live(journey, data)?;
    let latest = data.latest()?;
    let cutoff = crate::engine::cutoff_of_day(latest);
    let a = crate::engine::assess(journey, data, cutoff);
    let who = population(data, &a, &Filter::default());
    let r = Reader::new(journey, data, scores, cutoff);
    let quadrants = journey
        .matrices
        .iter()
        .map(|m| {
            let core = place_core(m, &r, &who, Level::Customer);
            (m.id.clone(), crate::matrix::counts(m, &core))
        })
        .collect();
    Some(Snapshot {
        as_of: numbers.funnel.as_of.clone(),
        funnel: numbers.funnel,
        stages: numbers.stages,
        quadrants,
    })
}
