//! `milepost bench`: load the workspace's data once, then time full recomputes of a
//! journey's funnel (the figures `make bench-engine` prints beside DuckDB's).

use std::path::Path;

use super::{open, out};

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    /// How many recomputes to time
    #[arg(long, default_value_t = 20)]
    runs: usize,
}

pub fn exec(db: Option<&Path>, args: BenchArgs) -> anyhow::Result<()> {
    let store = open(db)?;
    let j = store.load_journey(store.find_journey(&args.journey)?)?;
    let t0 = std::time::Instant::now();
    let data = store.load_dataset()?;
    let load = t0.elapsed();
    let latest = data
        .latest()
        .ok_or_else(|| anyhow::anyhow!("the workspace has no events yet"))?;
    let cutoff = milepost::engine::cutoff_of_day(latest);
    let mut times = Vec::with_capacity(args.runs);
    let mut f = None;
    for _ in 0..args.runs.max(1) {
        let t = std::time::Instant::now();
        let a = milepost::engine::assess(&j, &data, cutoff);
        f = Some(milepost::engine::funnel(
            &j.name,
            &data,
            &a,
            &milepost::engine::Filter::default(),
        ));
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let f = f.expect("at least one run");
    let reached: Vec<String> = f
        .milestones
        .iter()
        .map(|m| format!("{}={}", m.id, m.reached))
        .collect();
    out(format!(
        "engine: {} customers, {} events, {} milestones; load {:.0} ms; full recompute median {:.1} ms (min {:.1}, max {:.1}, {} runs)\nreached: {}",
        data.customers.len(),
        data.events(),
        f.milestones.len(),
        load.as_secs_f64() * 1000.0,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        reached.join(" ")
    ))
}
