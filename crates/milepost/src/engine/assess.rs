//! Where every customer is on the journey, as of a date — exactly as `docs/SEMANTICS.md`
//! defines:
//!
//! - Only events at or before the as-of cut-off count.
//! - A criterion holds at time t when its aggregate over the customer's events of its name
//!   with time <= t (or, with a window of N days, time in (t - N days, t]) satisfies the
//!   comparison. Over no events count, sum and distinct_days are 0; min, max and last have
//!   no value, and the criterion does not hold. A missing value was stored as 1.
//! - A milestone's own time is the earliest time of an event named in its criteria at
//!   which all its criteria hold together.
//! - Milestones form one sequence (stage order, then milestone order): milestone k is
//!   reached at max(own time of k, time k-1 was reached), and only if k-1 was reached.

use crate::journey::{Aggregate, Criterion, Journey, Op};

pub use super::dataset::DAY;
use super::dataset::Dataset;

/// A milestone in funnel order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRef {
    pub id: String,
    pub name: String,
    pub stage: String,
    pub stage_index: usize,
}

/// Every customer's milestone times, as of a cut-off.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    /// The last second that counts (23:59:59 UTC of the as-of date).
    pub cutoff: i64,
    pub milestones: Vec<MilestoneRef>,
    /// `reached[c * milestones.len() + k]`: when customer c reached milestone k.
    pub reached: Vec<Option<i64>>,
    /// Per customer, how many milestones it reached (0 = none): its furthest.
    pub furthest: Vec<usize>,
}

impl Assessment {
    pub fn reached_at(&self, customer: usize, k: usize) -> Option<i64> {
        self.reached[customer * self.milestones.len() + k]
    }

    /// The stage customer c is working through at time t: that of its first milestone not
    /// reached by t (the last milestone's stage once all are). None without milestones.
    pub fn stage_at(&self, c: usize, t: i64) -> Option<usize> {
        (0..self.milestones.len())
            .find(|&k| self.reached_at(c, k).is_none_or(|r| r > t))
            .or(self.milestones.len().checked_sub(1))
            .map(|k| self.milestones[k].stage_index)
    }

    /// When customer c entered stage s: when it reached the last milestone of an earlier
    /// stage, or its start date when no earlier stage has milestones; None if not yet.
    pub fn stage_entered(&self, start: Option<i64>, c: usize, s: usize) -> Option<i64> {
        match (0..self.milestones.len())
            .rev()
            .find(|&k| self.milestones[k].stage_index < s)
        {
            None => start,
            Some(k) => self.reached_at(c, k),
        }
    }

    /// Decimal days customer c has been in stage s, up to the end of the as-of day.
    pub fn days_in_stage(&self, start: Option<i64>, c: usize, s: usize) -> Option<f64> {
        self.days_in_stage_at(start, c, s, self.cutoff)
    }

    /// The days in stage s that health rules judge customer c by at `t`: none once it has
    /// reached every milestone by then (a finished journey is not overdue anywhere).
    pub fn health_days(&self, start: Option<i64>, c: usize, s: usize, t: i64) -> Option<f64> {
        let n = self.milestones.len();
        let finished = n > 0 && self.reached_at(c, n - 1).is_some_and(|r| r <= t);
        if finished {
            None
        } else {
            self.days_in_stage_at(start, c, s, t)
        }
    }

    /// Decimal days customer c has been in stage s up to `t` (a day's last second, at or
    /// before the as-of cut-off).
    pub fn days_in_stage_at(&self, start: Option<i64>, c: usize, s: usize, t: i64) -> Option<f64> {
        self.stage_entered(start, c, s)
            .map(|e| (t + 1 - e) as f64 / DAY as f64)
    }
}

/// The end of a day given as `YYYY-MM-DD`'s midnight: its last second.
pub fn cutoff_of_day(day_start: i64) -> i64 {
    day_start - day_start.rem_euclid(DAY) + DAY - 1
}

#[derive(Debug)]
struct Compiled {
    name: Option<u32>,
    aggregate: Aggregate,
    op: Op,
    value: f64,
    window: Option<i64>,
}

fn compile(data: &Dataset, c: &Criterion) -> Compiled {
    Compiled {
        name: data.name_id(&c.event),
        aggregate: c.aggregate,
        op: c.op,
        value: c.value,
        window: c.window_days.map(|d| i64::from(d) * DAY),
    }
}

pub fn compare(op: Op, left: f64, right: f64) -> bool {
    match op {
        Op::Ge => left >= right,
        Op::Gt => left > right,
        Op::Le => left <= right,
        Op::Lt => left < right,
        Op::Eq => left == right,
    }
}

/// The aggregate over events `idx[l..r]` (times `at`, values `value`), in time order.
pub(crate) fn aggregate(a: Aggregate, idx: &[usize], at: &[i64], value: &[f64]) -> Option<f64> {
    match a {
        Aggregate::Count => Some(idx.len() as f64),
        Aggregate::Sum => Some(idx.iter().map(|&i| value[i]).sum()),
        Aggregate::Min => idx.iter().map(|&i| value[i]).reduce(f64::min),
        Aggregate::Max => idx.iter().map(|&i| value[i]).reduce(f64::max),
        Aggregate::Last => idx.last().map(|&i| value[i]),
        Aggregate::DistinctDays => {
            let mut days = 0;
            let mut last = None;
            for &i in idx {
                let d = at[i].div_euclid(DAY);
                if last != Some(d) {
                    days += 1;
                    last = Some(d);
                }
            }
            Some(f64::from(days))
        }
    }
}

/// One criterion walking forward in time over its events (`idx`, in time order).
struct Walk<'a> {
    c: &'a Compiled,
    idx: &'a [usize],
    left: usize,
    right: usize,
    /// Running aggregates without a window (events `idx[..right]`).
    sum: f64,
    min: f64,
    max: f64,
    days: u32,
    last_day: Option<i64>,
    /// Distinct days of the events in the window (`idx[left..right]`), kept as the window
    /// slides: a run of events on one day counts once.
    window_days: u32,
}

impl<'a> Walk<'a> {
    fn new(c: &'a Compiled, idx: &'a [usize]) -> Self {
        Walk {
            c,
            idx,
            left: 0,
            right: 0,
            sum: 0.0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            days: 0,
            last_day: None,
            window_days: 0,
        }
    }

    /// Moves to time t and says whether the criterion holds there.
    fn holds_at(&mut self, t: i64, at: &[i64], value: &[f64]) -> bool {
        while self.right < self.idx.len() && at[self.idx[self.right]] <= t {
            let i = self.idx[self.right];
            self.sum += value[i];
            self.min = self.min.min(value[i]);
            self.max = self.max.max(value[i]);
            let d = at[i].div_euclid(DAY);
            if self.last_day != Some(d) {
                self.days += 1;
                self.last_day = Some(d);
            }
            // The window's last event before this one is idx[right - 1] when the window
            // is not empty; events are in time order, so a new day starts a new run.
            if self.right == self.left || at[self.idx[self.right - 1]].div_euclid(DAY) != d {
                self.window_days += 1;
            }
            self.right += 1;
        }
        let v = match self.c.window {
            Some(w) => {
                while self.left < self.right && at[self.idx[self.left]] <= t - w {
                    let d = at[self.idx[self.left]].div_euclid(DAY);
                    self.left += 1;
                    if self.left == self.right || at[self.idx[self.left]].div_euclid(DAY) != d {
                        self.window_days -= 1;
                    }
                }
                match self.c.aggregate {
                    Aggregate::Count => Some((self.right - self.left) as f64),
                    Aggregate::DistinctDays => Some(f64::from(self.window_days)),
                    a => aggregate(a, &self.idx[self.left..self.right], at, value),
                }
            }
            None => {
                let n = self.right;
                match self.c.aggregate {
                    Aggregate::Count => Some(n as f64),
                    Aggregate::Sum => Some(self.sum),
                    Aggregate::Min => (n > 0).then_some(self.min),
                    Aggregate::Max => (n > 0).then_some(self.max),
                    Aggregate::Last => self.idx[..n].last().map(|&i| value[i]),
                    Aggregate::DistinctDays => Some(f64::from(self.days)),
                }
            }
        };
        v.is_some_and(|v| compare(self.c.op, v, self.c.value))
    }
}

/// Buffers reused from one customer and milestone to the next.
#[derive(Debug, Default)]
struct Scratch {
    /// Per criterion, the indexes of its events.
    idx: Vec<Vec<usize>>,
    times: Vec<i64>,
}

/// The milestone's own time for the events in `range` (one customer's), or None.
fn own_time(
    data: &Dataset,
    range: std::ops::Range<usize>,
    cutoff: i64,
    criteria: &[Compiled],
    scratch: &mut Scratch,
) -> Option<i64> {
    if criteria.is_empty() {
        return None;
    }
    scratch.idx.resize_with(criteria.len(), Vec::new);
    scratch.times.clear();
    for (c, idx) in criteria.iter().zip(scratch.idx.iter_mut()) {
        idx.clear();
        if let Some(n) = c.name {
            for i in range.clone() {
                if data.name[i] == n && data.at[i] <= cutoff {
                    idx.push(i);
                    scratch.times.push(data.at[i]);
                }
            }
        }
    }
    first_all_hold(data, criteria, scratch)
}

/// The first of `scratch.times` at which every criterion holds over its events
/// (`scratch.idx`, one list per criterion, in time order).
fn first_all_hold(data: &Dataset, criteria: &[Compiled], scratch: &mut Scratch) -> Option<i64> {
    scratch.times.sort_unstable();
    scratch.times.dedup();
    let mut walks: Vec<Walk<'_>> = criteria
        .iter()
        .zip(scratch.idx.iter())
        .map(|(c, idx)| Walk::new(c, idx))
        .collect();
    scratch.times.iter().copied().find(|&t| {
        // Every walk must move to t, so no short-circuit.
        let mut all = true;
        for w in &mut walks {
            all &= w.holds_at(t, &data.at, &data.value);
        }
        all
    })
}

/// Criteria compiled once against a data set, to ask of many customers when they first
/// all held (as a milestone's do): value realisation's capability adoption.
#[derive(Debug)]
pub struct Held {
    compiled: Vec<Compiled>,
    scratch: Scratch,
}

impl Held {
    pub fn new(data: &Dataset, criteria: &[Criterion]) -> Self {
        Held {
            compiled: criteria.iter().map(|x| compile(data, x)).collect(),
            scratch: Scratch::default(),
        }
    }

    /// When the criteria first all held for one customer, given its events up to the
    /// cut-off sorted by name: `events(name)` lists the indexes of that event name's
    /// events, in time order.
    pub fn first_among<'e>(
        &mut self,
        data: &Dataset,
        events: impl Fn(u32) -> &'e [usize],
    ) -> Option<i64> {
        if self.compiled.is_empty() {
            return None;
        }
        let scratch = &mut self.scratch;
        scratch.idx.resize_with(self.compiled.len(), Vec::new);
        scratch.times.clear();
        for (c, idx) in self.compiled.iter().zip(scratch.idx.iter_mut()) {
            idx.clear();
            if let Some(n) = c.name {
                idx.extend_from_slice(events(n));
                scratch.times.extend(idx.iter().map(|&i| data.at[i]));
            }
        }
        first_all_hold(data, &self.compiled, scratch)
    }

    /// The event names (ids in the data set) the criteria read.
    pub fn names(&self) -> impl Iterator<Item = u32> + '_ {
        self.compiled.iter().filter_map(|c| c.name)
    }
}

/// Assesses customers `from..from + furthest.len()` into their slices of the result.
fn assess_range(
    data: &Dataset,
    criteria: &[Vec<Compiled>],
    cutoff: i64,
    from: usize,
    reached: &mut [Option<i64>],
    furthest: &mut [usize],
) {
    let n = criteria.len();
    let mut scratch = Scratch::default();
    for (j, far) in furthest.iter_mut().enumerate() {
        let range = data.events_of(from + j);
        let mut previous: Option<i64> = None;
        for (k, crit) in criteria.iter().enumerate() {
            if k > 0 && previous.is_none() {
                break;
            }
            let Some(own) = own_time(data, range.clone(), cutoff, crit, &mut scratch) else {
                break;
            };
            let at = previous.map_or(own, |p| p.max(own));
            reached[j * n + k] = Some(at);
            *far = k + 1;
            previous = Some(at);
        }
    }
}

/// The journey's milestones in funnel order: stage order, then milestone order.
pub fn milestone_refs(journey: &Journey) -> Vec<MilestoneRef> {
    journey
        .stages
        .iter()
        .enumerate()
        .flat_map(|(si, stage)| {
            stage.milestones.iter().map(move |m| MilestoneRef {
                id: m.id.clone(),
                name: m.name.clone(),
                stage: stage.id.clone(),
                stage_index: si,
            })
        })
        .collect()
}

impl Assessment {
    /// An assessment made elsewhere (by a warehouse running the journey's SQL): customer
    /// c reached milestone k at t for every `(c, k, t)` given.
    pub fn from_reached(
        journey: &Journey,
        cutoff: i64,
        customers: usize,
        reached_at: impl IntoIterator<Item = (usize, usize, i64)>,
    ) -> Assessment {
        let milestones = milestone_refs(journey);
        let n = milestones.len();
        let mut reached = vec![None; customers * n];
        for (c, k, t) in reached_at {
            if c < customers && k < n {
                reached[c * n + k] = Some(t);
            }
        }
        let furthest = (0..customers)
            .map(|c| (0..n).take_while(|&k| reached[c * n + k].is_some()).count())
            .collect();
        Assessment {
            cutoff,
            milestones,
            reached,
            furthest,
        }
    }
}

/// Each milestone's own times for every customer of one data set, by the milestone's
/// criteria and the cut-off: editing one milestone's criteria recomputes that milestone's
/// own times alone; the sequence (max with the previous, only after it) is then a walk of
/// the kept times. Keep one per data set (the app drops it with the data).
#[derive(Debug, Default)]
pub struct OwnTimes(super::memo::Memo<Vec<Option<i64>>>);

impl OwnTimes {
    fn get(
        &self,
        data: &Dataset,
        criteria: &[Criterion],
        cutoff: i64,
    ) -> std::sync::Arc<Vec<Option<i64>>> {
        self.0.get(format!("{criteria:?}"), cutoff, || {
            let compiled: Vec<Compiled> = criteria.iter().map(|c| compile(data, c)).collect();
            own_times(data, &compiled, cutoff)
        })
    }
}

/// One milestone's own time for every customer, across the cores.
fn own_times(data: &Dataset, criteria: &[Compiled], cutoff: i64) -> Vec<Option<i64>> {
    let customers = data.customers.len();
    let mut out = vec![None; customers];
    let per = super::per_thread(customers);
    std::thread::scope(|scope| {
        for (i, chunk) in out.chunks_mut(per).enumerate() {
            scope.spawn(move || {
                let mut scratch = Scratch::default();
                for (j, t) in chunk.iter_mut().enumerate() {
                    *t = own_time(
                        data,
                        data.events_of(i * per + j),
                        cutoff,
                        criteria,
                        &mut scratch,
                    );
                }
            });
        }
    });
    out
}

/// `assess`, with each milestone's own times taken from `cache` when its criteria were
/// assessed before over the same data and cut-off: the same result, computed only where a
/// criterion changed.
pub fn assess_cached(
    journey: &Journey,
    data: &Dataset,
    cutoff: i64,
    cache: &OwnTimes,
) -> Assessment {
    if data.measures.is_some() {
        return assess(journey, data, cutoff);
    }
    let milestones = milestone_refs(journey);
    let own: Vec<_> = journey
        .stages
        .iter()
        .flat_map(|s| &s.milestones)
        .map(|m| cache.get(data, &m.criteria, cutoff))
        .collect();
    let n = milestones.len();
    let customers = data.customers.len();
    let mut reached = vec![None; customers * n];
    let mut furthest = vec![0; customers];
    for c in 0..customers {
        let mut previous: Option<i64> = None;
        for (k, times) in own.iter().enumerate() {
            let Some(t) = times[c] else { break };
            let at = previous.map_or(t, |p| p.max(t));
            reached[c * n + k] = Some(at);
            furthest[c] = k + 1;
            previous = Some(at);
        }
    }
    Assessment {
        cutoff,
        milestones,
        reached,
        furthest,
    }
}

/// Assesses every customer against the journey's milestones as of `cutoff` (for a data
/// set measured elsewhere, reads its times).
pub fn assess(journey: &Journey, data: &Dataset, cutoff: i64) -> Assessment {
    if let Some(m) = &data.measures {
        // Measured elsewhere: the warehouse's times (the caller checks `Measures::is_for`).
        return m.assessment(journey, data.customers.len(), cutoff);
    }
    let milestones = milestone_refs(journey);
    let criteria: Vec<Vec<Compiled>> = journey
        .stages
        .iter()
        .flat_map(|s| &s.milestones)
        .map(|m| m.criteria.iter().map(|c| compile(data, c)).collect())
        .collect();
    let n = milestones.len();
    let customers = data.customers.len();
    let mut reached = vec![None; customers * n];
    let mut furthest = vec![0; customers];
    // Customers are independent: split them across the cores.
    let per = super::per_thread(customers);
    if n > 0 {
        std::thread::scope(|scope| {
            for (i, (r, f)) in reached
                .chunks_mut(per * n)
                .zip(furthest.chunks_mut(per))
                .enumerate()
            {
                let criteria = &criteria;
                scope.spawn(move || assess_range(data, criteria, cutoff, i * per, r, f));
            }
        });
    }
    Assessment {
        cutoff,
        milestones,
        reached,
        furthest,
    }
}
