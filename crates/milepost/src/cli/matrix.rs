//! `milepost matrix`: a journey's prioritisation matrices, filled with the workspace's
//! stakeholders (or customers), or the list of them.

use milepost::format::count;
use std::path::Path;

use milepost::matrix::{self, Level};

use super::{Scope, assessed_for_scores, out, out_json, render, table};

#[derive(Debug, clap::Args)]
pub struct MatrixArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    /// The matrix's id (see --list)
    #[arg(required_unless_present = "list")]
    matrix: Option<String>,
    /// List the journey's matrices with their ids
    #[arg(long)]
    list: bool,
    /// Place each stakeholder, or each customer (the weighted mean of its stakeholders)
    #[arg(long, value_parser = ["stakeholder", "customer"], default_value = "stakeholder")]
    level: String,
    /// How much more a decision maker's scores weigh in a customer's mean (default: the
    /// matrix's own, else 2)
    #[arg(long)]
    decision_weight: Option<f64>,
    /// Place the points where their scores were at the end of this day (YYYY-MM-DD),
    /// from the score history
    #[arg(long, value_parser = super::day)]
    scores_at: Option<i64>,
    #[command(flatten)]
    scope: Scope,
    /// Print JSON
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    engine: super::sql::Engine,
}

pub fn exec(db: Option<&Path>, args: MatrixArgs) -> anyhow::Result<()> {
    if args.list {
        let store = super::open(db)?;
        let j = store.load_journey(store.find_journey(&args.journey)?)?;
        if args.json {
            let list: Vec<_> = j
                .matrices
                .iter()
                .map(|m| serde_json::json!({ "id": m.id, "name": m.name }))
                .collect();
            return out_json(&list);
        }
        let mut t = table(["ID", "MATRIX", "X", "Y"], &[]);
        for m in &j.matrices {
            t.add_row([
                m.id.clone(),
                m.name.clone(),
                m.x.label.clone(),
                m.y.label.clone(),
            ]);
        }
        return out(render(&t));
    }
    let x = match args.engine.engine {
        super::sql::EngineKind::Memory => assessed_for_scores(db, &args.journey, &args.scope)?,
        _ => super::assessed_by(db, &args.journey, &args.scope, &args.engine)?,
    };
    let id = args.matrix.unwrap_or_default();
    let m = x
        .journey
        .matrices
        .iter()
        .find(|m| m.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = x.journey.matrices.iter().map(|m| m.id.as_str()).collect();
            anyhow::anyhow!(
                "the journey has no matrix \"{id}\"; its matrices: {}",
                if known.is_empty() {
                    "none".to_owned()
                } else {
                    known.join(", ")
                }
            )
        })?;
    let level = if args.level == "customer" {
        Level::Customer
    } else {
        Level::Stakeholder
    };
    let mut m = m.clone();
    if let Some(w) = args.decision_weight {
        m.decision_weight = Some(w);
    }
    let m = &m;
    let who = milepost::engine::population(&x.data, &x.a, &x.filter);
    let mut reader = x.reader();
    reader.scores_at = args.scores_at.map(milepost::engine::cutoff_of_day);
    let view = matrix::place(m, &reader, &who, level);
    if args.json {
        return out_json(&view);
    }
    let mut counts = table(["QUADRANT", "POINTS"], &[1]);
    for (name, n) in &view.counts {
        counts.add_row([
            name.clone(),
            n.as_u64().map_or_else(|| n.to_string(), count),
        ]);
    }
    let mut points = table(
        [
            "POINT",
            "CUSTOMER",
            m.x.label.as_str(),
            m.y.label.as_str(),
            "QUADRANT",
        ],
        &[2, 3],
    );
    for p in &view.points {
        points.add_row([
            p.name.clone(),
            p.customer_id.clone(),
            milepost::format::number(p.x),
            milepost::format::number(p.y),
            p.quadrant.clone(),
        ]);
    }
    out(format!(
        "{} — {} points, {} not placed\n{}\n\n{}",
        m.name,
        count(view.points.len() as u64),
        count(view.not_placed.len() as u64),
        render(&counts),
        render(&points)
    ))
}
