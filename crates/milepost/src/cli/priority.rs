//! `milepost priority`: every customer ranked by a weighted sum of stakeholder scores,
//! with its quadrant in each of the journey's matrices and how stable the top is.

use std::path::Path;

use milepost::journey::ScoreField;
use milepost::matrix::priority;

use super::{Scope, assessed_for_scores, key_value, named, out, out_json, percent, render, table};

#[derive(Debug, clap::Args)]
pub struct PriorityArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    /// Dimensions and their weights: --weights purpose=2,intent=1,effort=1 (purpose,
    /// intent, desire, skills, revenue_impact, modularity, effort, complexity; effort and
    /// complexity count lower as better)
    #[arg(long, value_delimiter = ',', value_parser = key_value::<f64>, default_value = "purpose=1,intent=1")]
    weights: Vec<(String, f64)>,
    /// Show only the first N customers (every customer is ranked)
    #[arg(long)]
    top: Option<usize>,
    /// How much more a decision maker's scores weigh in a customer's mean
    #[arg(long, default_value_t = 2.0)]
    decision_weight: f64,
    #[command(flatten)]
    scope: Scope,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

fn dimension(name: &str) -> anyhow::Result<ScoreField> {
    serde_json::from_value(serde_json::Value::String(name.trim().to_lowercase())).map_err(|_| {
        anyhow::anyhow!(
            "--weights: \"{name}\" is not a score; the scores are purpose, intent, desire, skills, revenue_impact, modularity, effort, complexity"
        )
    })
}

pub fn exec(db: Option<&Path>, args: PriorityArgs) -> anyhow::Result<()> {
    let dims: Vec<(ScoreField, f64)> = args
        .weights
        .iter()
        .map(|(k, w)| Ok((dimension(k)?, *w)))
        .collect::<anyhow::Result<_>>()?;
    if dims.iter().any(|d| d.1 < 0.0) || dims.iter().all(|d| d.1 == 0.0) {
        anyhow::bail!("--weights: weights must not be negative, and one must be above 0");
    }
    let x = assessed_for_scores(db, &args.journey, &args.scope)?;
    let who = milepost::engine::population(&x.data, &x.a, &x.filter);
    let p = priority::rank(
        &x.reader(),
        &who,
        &dims,
        args.decision_weight,
        &x.journey.matrices,
        args.top,
    )
    .in_currency(&x.currency);
    if args.json {
        return out_json(&p);
    }
    let mut t = table(
        ["RANK", "CUSTOMER", "SCORE", "SUPPORT", "ACTIVITY"],
        &[0, 2],
    );
    for r in &p.customers {
        t.add_row([
            r.rank.map_or_else(|| "—".to_owned(), |n| n.to_string()),
            named(r.name.as_deref(), &r.customer_id),
            r.score.map_or_else(|| "—".to_owned(), |s| percent(Some(s))),
            r.reason.clone().unwrap_or_else(|| {
                r.support
                    .map(milepost::matrix::support_words)
                    .unwrap_or_default()
                    .to_owned()
            }),
            r.activity.clone().unwrap_or_default(),
        ]);
    }
    let shifts: Vec<String> = p
        .sensitivity
        .shifts
        .iter()
        .map(|s| {
            format!(
                "{} ±10 %: {} of the top {} change",
                s.dimension,
                s.top_changes,
                priority::TOP
            )
        })
        .collect();
    out(format!(
        "{}\n\nSensitivity: {}",
        render(&t),
        shifts.join("; ")
    ))
}
