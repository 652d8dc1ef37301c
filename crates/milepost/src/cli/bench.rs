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
    let (data, copy) = store.load_dataset_with_copy()?;
    let load = t0.elapsed();
    // What the events take in memory once loaded: their three columns and the offsets.
    let bytes = data.at.capacity() * 8
        + data.name.capacity() * 4
        + data.value.capacity() * 8
        + data.offsets.capacity() * 8;
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
    let edit = bench_edit(&j, &data, args.runs);
    let matrices = bench_matrices(&store, &j, &data, cutoff, args.runs)?;
    let playbook = bench_playbook(&store, &j, &data, args.runs.min(10))?;
    let value = bench_value(&j, &data, cutoff, args.runs);
    out(format!(
        "engine: {} customers, {} events, {} milestones; load {:.0} ms ({}), {:.1} bytes per event in memory; full recompute median {:.1} ms (min {:.1}, max {:.1}, {} runs)\nreached: {}\n{edit}\n{matrices}\n{playbook}\n{value}",
        data.customers.len(),
        data.events(),
        f.milestones.len(),
        load.as_secs_f64() * 1000.0,
        match copy {
            milepost::store::CopyState::Current => "from the events' columnar copy",
            milepost::store::CopyState::Missing => "from the rows: the columnar copy was missing",
            milepost::store::CopyState::Stale => "from the rows: the columnar copy was stale",
            milepost::store::CopyState::Damaged => "from the rows: the columnar copy was damaged",
        },
        bytes as f64 / data.events().max(1) as f64,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        reached.join(" ")
    ))
}

/// What the canvas recomputes while a criterion is typed: the live numbers (funnel, stage
/// counts, metric cards) after the second milestone's first criterion gets a new value
/// each time, the other milestones' own times cached, beside the same from nothing.
fn bench_edit(
    j: &milepost::journey::Journey,
    data: &milepost::engine::Dataset,
    runs: usize,
) -> String {
    let cache = milepost::engine::LiveCache::default();
    let _ = milepost::engine::live_cached(j, data, &cache);
    let Some((s, m)) = j
        .stages
        .iter()
        .enumerate()
        .flat_map(|(s, st)| (0..st.milestones.len()).map(move |m| (s, m)))
        .filter(|&(s, m)| !j.stages[s].milestones[m].criteria.is_empty())
        .nth(1)
    else {
        return "criterion edit: the journey has no second milestone with criteria".to_owned();
    };
    let time = |f: &mut dyn FnMut(usize)| {
        let mut t: Vec<f64> = (0..runs.max(1))
            .map(|i| {
                let start = std::time::Instant::now();
                f(i);
                start.elapsed().as_secs_f64() * 1000.0
            })
            .collect();
        t.sort_by(f64::total_cmp);
        t[t.len() / 2]
    };
    let edited = |i: usize| {
        let mut e = j.clone();
        e.stages[s].milestones[m].criteria[0].value += 1.0 + i as f64;
        e
    };
    let cached = time(&mut |i| {
        let _ = milepost::engine::live_cached(&edited(i), data, &cache);
    });
    let full = time(&mut |i| {
        let _ = milepost::engine::live(&edited(i), data);
    });
    format!(
        "criterion edit ({}): live numbers again median {cached:.1} ms with what the edit cannot change kept, {full:.1} ms from nothing",
        j.stages[s].milestones[m].name
    )
}

/// The ranking rows the app's table shows.
const SCREEN_ROWS: usize = 150;

/// Times every matrix of the journey (customer level) and the priority ranking with its
/// sensitivity, over the workspace's stakeholders.
fn bench_matrices(
    store: &milepost::store::Store,
    j: &milepost::journey::Journey,
    data: &milepost::engine::Dataset,
    cutoff: i64,
    runs: usize,
) -> anyhow::Result<String> {
    use milepost::journey::ScoreField;
    use milepost::matrix::{Level, place, place_core, priority};
    let scores = store.load_scores(data, Some(j))?;
    let a = milepost::engine::assess(j, data, cutoff);
    let r = milepost::engine::Reader::new(j, data, &scores, cutoff);
    let who = milepost::engine::population(data, &a, &milepost::engine::Filter::default());
    let dims = [
        (ScoreField::Purpose, 1.0),
        (ScoreField::Intent, 1.0),
        (ScoreField::Effort, 1.0),
    ];
    let (mut matrix_ms, mut rank_ms, mut words_ms, mut both_ms) = (
        Vec::with_capacity(runs),
        Vec::with_capacity(runs),
        Vec::with_capacity(runs),
        Vec::with_capacity(runs),
    );
    let ms = |t: std::time::Instant| t.elapsed().as_secs_f64() * 1000.0;
    let mut placed = 0;
    for _ in 0..runs.max(1) {
        let t = std::time::Instant::now();
        placed = 0;
        for m in &j.matrices {
            placed += place_core(m, &r, &who, Level::Customer).points.len();
        }
        matrix_ms.push(ms(t));
        let t = std::time::Instant::now();
        for m in &j.matrices {
            std::hint::black_box(place(m, &r, &who, Level::Stakeholder));
        }
        words_ms.push(ms(t));
        let t = std::time::Instant::now();
        let p = priority::rank(&r, &who, &dims, 2.0, &j.matrices, None);
        std::hint::black_box(&p);
        rank_ms.push(ms(t));
        // What a workshop waits for: the first matrix, and the ranking beside it.
        let t = std::time::Instant::now();
        if let Some(m) = j.matrices.first() {
            std::hint::black_box(place_core(m, &r, &who, Level::Customer));
        }
        std::hint::black_box(priority::rank(
            &r,
            &who,
            &dims,
            2.0,
            &j.matrices,
            Some(SCREEN_ROWS),
        ));
        both_ms.push(ms(t));
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    Ok(format!(
        "matrices: {} stakeholders; {} matrices at customer level ({} points) median {:.1} ms; \
         the same matrices per stakeholder with names and reasons median {:.1} ms; \
         the ranking with its sensitivity, every row written (the CSV) median {:.1} ms; \
         one matrix and the ranking as the screen asks ({SCREEN_ROWS} rows) median {:.1} ms",
        scores.people().len(),
        j.matrices.len(),
        placed,
        median(&mut matrix_ms),
        median(&mut words_ms),
        median(&mut rank_ms),
        median(&mut both_ms)
    ))
}

/// Value realisation for every customer: baselines, improvements, peer groups and their
/// percentiles, leakage, capability adoption and phases.
fn bench_value(
    j: &milepost::journey::Journey,
    data: &milepost::engine::Dataset,
    cutoff: i64,
    runs: usize,
) -> String {
    let mut times = Vec::new();
    let mut leak = 0.0;
    for _ in 0..runs.max(1) {
        let t = std::time::Instant::now();
        let r =
            milepost::value::compute(j, data, "", cutoff, &milepost::value::Overrides::default());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        leak = r
            .customers
            .iter()
            .filter_map(|c| c.leakage_money)
            .sum::<f64>();
    }
    times.sort_by(f64::total_cmp);
    format!(
        "value against peers: {} value metrics, {} capabilities; median {:.1} ms (min {:.1}, max {:.1}, {} runs); leakage {:.0} a year",
        j.metrics.iter().filter(|m| m.value.is_some()).count(),
        j.capabilities.len(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len(),
        leak
    )
}

/// The playbook PDF with the numbers, made again and again as a running app would: each
/// step's median (numbers, layout, writing the PDF) and the whole.
fn bench_playbook(
    store: &milepost::store::Store,
    j: &milepost::journey::Journey,
    data: &milepost::engine::Dataset,
    runs: usize,
) -> anyhow::Result<String> {
    let scores = store.load_scores(data, Some(j))?;
    let never = std::sync::atomic::AtomicBool::new(false);
    let mut steps: [Vec<f64>; 4] = Default::default();
    for i in 0..runs.max(1) {
        // A new name each run: nothing is answered from typst's cache of the last one.
        let mut j = j.clone();
        j.name = format!("{} ({i})", j.name);
        let start = std::time::Instant::now();
        let mut marks = Vec::new();
        milepost::report::playbook_pdf_with(
            &j,
            Some((data, &scores)),
            &milepost::report::Options::default(),
            0,
            &mut |_| marks.push(start.elapsed().as_secs_f64() * 1000.0),
            &never,
        )?;
        let total = start.elapsed().as_secs_f64() * 1000.0;
        marks.push(total);
        for k in 0..3 {
            steps[k].push(marks[k + 1] - marks[k]);
        }
        steps[3].push(total);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let [numbers, layout, write, total] = &mut steps;
    Ok(format!(
        "playbook PDF with the numbers: median {:.0} ms (numbers {:.0} ms, layout {:.0} ms, PDF {:.0} ms; {} runs)",
        median(total),
        median(numbers),
        median(layout),
        median(write),
        total.len(),
    ))
}
