//! Peers: who a customer is compared with, and the statistics of a group.
//!
//! A customer's peers share its values of the journey's peer keys (segment, plan, tenure
//! band, ARR band). A group with fewer than k members is never shown: the customer is
//! compared with the next broader group (the last key dropped), down to every customer;
//! when even that has fewer than k, there is no comparison.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::engine::assess::DAY;
use crate::engine::{Customer, Dataset};
use crate::journey::PeerKey;

/// The name a key has in files and on screen.
pub fn key_name(k: PeerKey) -> &'static str {
    match k {
        PeerKey::Segment => "segment",
        PeerKey::Plan => "plan",
        PeerKey::Tenure => "tenure",
        PeerKey::ArrBand => "arr_band",
    }
}

/// Customer `c`'s value of a key as of `cutoff`, or None when its data lacks it.
pub fn key_value(k: PeerKey, c: &Customer, cutoff: i64) -> Option<String> {
    match k {
        PeerKey::Segment => c.segment.clone(),
        PeerKey::Plan => c.plan.clone(),
        PeerKey::Tenure => c.start.map(|s| {
            // Months as 30.44 days: the band a CS team means by "0–6 months".
            let months = (cutoff - s) as f64 / (30.44 * DAY as f64);
            if months < 6.0 {
                "0–6 months"
            } else if months < 12.0 {
                "6–12 months"
            } else {
                "12+ months"
            }
            .to_owned()
        }),
        PeerKey::ArrBand => c.arr.map(|a| {
            if a < 10_000.0 {
                "under 10k"
            } else if a < 50_000.0 {
                "10k–50k"
            } else if a < 250_000.0 {
                "50k–250k"
            } else {
                "250k+"
            }
            .to_owned()
        }),
    }
}

/// The `p`-th percentile (0–1) of sorted values, by linear interpolation between the
/// closest ranks (NumPy's default): the engine's one quantile, as the funnel's medians.
pub use crate::engine::quantile as percentile;

/// Where `x` stands among sorted values, 0–100: the share below it, ties counting half.
pub fn percent_rank(sorted: &[f64], x: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let below = sorted.partition_point(|v| *v < x);
    let through = sorted.partition_point(|v| *v <= x);
    Some(100.0 * (below as f64 + 0.5 * (through - below) as f64) / sorted.len() as f64)
}

/// A group's key values (key name → value), in key order.
pub type GroupKeys = BTreeMap<String, String>;

/// One peer group's statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Stats {
    pub n: usize,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub mean: f64,
    /// The members' values, sorted: for percent ranks.
    pub sorted: Vec<f64>,
}

impl Stats {
    pub fn of(mut values: Vec<f64>) -> Option<Stats> {
        values.sort_by(f64::total_cmp);
        Some(Stats {
            n: values.len(),
            p25: percentile(&values, 0.25)?,
            p50: percentile(&values, 0.50)?,
            p75: percentile(&values, 0.75)?,
            p90: percentile(&values, 0.90)?,
            mean: values.iter().sum::<f64>() / values.len() as f64,
            sorted: values,
        })
    }
}

/// Every customer's peer group at each depth of the keys (all keys, all but the last, …,
/// none), worked out once and shared by every metric's and capability's groups: a group is
/// a number, its key values kept once.
#[derive(Debug)]
pub struct PeerIndex {
    /// By depth: each group's key values, and the same named by key, as reports show it.
    tuples: Vec<Vec<Vec<String>>>,
    named: Vec<Vec<Arc<GroupKeys>>>,
    /// By customer (the data set's index): its row in `ids`, or NONE.
    row_of: Vec<u32>,
    /// By row, `depths` entries: its group at each depth, None when it lacks a key.
    ids: Vec<Option<u32>>,
    depths: usize,
}

const NONE: u32 = u32::MAX;

impl PeerIndex {
    /// The groups of `customers` (data set indexes) as of `cutoff`.
    pub fn new(data: &Dataset, keys: &[PeerKey], cutoff: i64, customers: &[usize]) -> Self {
        let depths = keys.len() + 1;
        let mut tuples: Vec<Vec<Vec<String>>> = vec![Vec::new(); depths];
        let mut known: Vec<HashMap<Vec<String>, u32>> = vec![HashMap::new(); depths];
        let mut row_of = vec![NONE; data.customers.len()];
        let mut ids = Vec::with_capacity(customers.len() * depths);
        for &c in customers {
            if row_of[c] != NONE {
                continue;
            }
            row_of[c] = (ids.len() / depths) as u32;
            let values: Vec<Option<String>> = keys
                .iter()
                .map(|&k| key_value(k, &data.customers[c], cutoff))
                .collect();
            for depth in 0..depths {
                let id = values[..depth]
                    .iter()
                    .cloned()
                    .collect::<Option<Vec<String>>>()
                    .map(|p| match known[depth].get(&p) {
                        Some(&id) => id,
                        None => {
                            let next = tuples[depth].len() as u32;
                            known[depth].insert(p.clone(), next);
                            tuples[depth].push(p);
                            next
                        }
                    });
                ids.push(id);
            }
        }
        let named = tuples
            .iter()
            .enumerate()
            .map(|(depth, level)| {
                level
                    .iter()
                    .map(|t| {
                        Arc::new(
                            keys[..depth]
                                .iter()
                                .map(|&k| key_name(k).to_owned())
                                .zip(t.iter().cloned())
                                .collect(),
                        )
                    })
                    .collect()
            })
            .collect();
        PeerIndex {
            tuples,
            named,
            row_of,
            ids,
            depths,
        }
    }

    /// Customer `c`'s group at each depth, when the index knows it.
    fn ids_of(&self, c: usize) -> Option<&[Option<u32>]> {
        let row = *self.row_of.get(c)?;
        (row != NONE).then(|| {
            let at = row as usize * self.depths;
            &self.ids[at..at + self.depths]
        })
    }
}

/// The groups of one population's values (a metric's improvements, a capability's
/// adoption) at every depth: where a customer is compared.
#[derive(Debug)]
pub struct Groups {
    index: Arc<PeerIndex>,
    k: usize,
    /// By depth, by group: how many members it has.
    sizes: Vec<Vec<usize>>,
    /// By depth, by group: its statistics when it has at least k members.
    stats: Vec<Vec<Option<Stats>>>,
}

impl Groups {
    /// `members`: (customer index, value) for every customer of the population that has
    /// one; a member the index does not know is left out.
    pub fn with_index(index: Arc<PeerIndex>, k: usize, members: &[(usize, f64)]) -> Self {
        let mut levels: Vec<Vec<Vec<f64>>> = index
            .tuples
            .iter()
            .map(|t| vec![Vec::new(); t.len()])
            .collect();
        for &(c, v) in members {
            let Some(ids) = index.ids_of(c) else {
                continue;
            };
            for (level, id) in levels.iter_mut().zip(ids) {
                if let Some(id) = id {
                    level[*id as usize].push(v);
                }
            }
        }
        let sizes = levels
            .iter()
            .map(|level| level.iter().map(Vec::len).collect())
            .collect();
        let stats = levels
            .into_iter()
            .map(|level| {
                level
                    .into_iter()
                    .map(|vs| if vs.len() >= k { Stats::of(vs) } else { None })
                    .collect()
            })
            .collect();
        Groups {
            index,
            k,
            sizes,
            stats,
        }
    }

    /// The groups of `members` under `keys`, with an index of their own.
    pub fn new(
        data: &Dataset,
        keys: &[PeerKey],
        k: usize,
        cutoff: i64,
        members: &[(usize, f64)],
    ) -> Groups {
        let customers: Vec<usize> = members.iter().map(|m| m.0).collect();
        let index = PeerIndex::new(data, keys, cutoff, &customers);
        Groups::with_index(Arc::new(index), k, members)
    }

    /// The narrowest group of at least k that customer `c` (the data set's index) belongs
    /// to: its depth, number and statistics; None when even the whole population has
    /// fewer than k.
    pub fn group_of(&self, c: usize) -> Option<(usize, u32, &Stats)> {
        let ids = self.index.ids_of(c)?;
        (0..ids.len()).rev().find_map(|depth| {
            let id = ids[depth]?;
            let s = self.stats[depth][id as usize].as_ref()?;
            Some((depth, id, s))
        })
    }

    /// The narrowest group of at least k that customer `c` belongs to, with its keys.
    pub fn for_customer(&self, c: usize) -> Option<(Arc<GroupKeys>, &Stats)> {
        self.group_of(c)
            .map(|(depth, id, s)| (self.index.named[depth][id as usize].clone(), s))
    }

    /// Every group of at least k, at every depth: (keys, stats).
    pub fn published(&self) -> Vec<(GroupKeys, &Stats)> {
        let mut out = Vec::new();
        for (depth, level) in self.stats.iter().enumerate() {
            for (id, s) in level.iter().enumerate() {
                if let Some(s) = s {
                    out.push(((*self.index.named[depth][id]).clone(), s));
                }
            }
        }
        out.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// The size of every group with members, published or not: (depth, key values, n).
    pub fn sizes(&self) -> impl Iterator<Item = (usize, &Vec<String>, usize)> {
        self.sizes.iter().enumerate().flat_map(move |(d, l)| {
            l.iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(move |(id, n)| (d, &self.index.tuples[d][id], *n))
        })
    }

    pub fn k(&self) -> usize {
        self.k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_interpolate_between_the_closest_ranks_as_numpy_does() {
        // numpy.percentile([1, 2, 3, 4, 10], [25, 50, 75, 90]) = [2, 3, 4, 7.6]
        let v = [1.0, 2.0, 3.0, 4.0, 10.0];
        let got: Vec<f64> = [0.25, 0.5, 0.75, 0.9]
            .iter()
            .map(|&p| percentile(&v, p).unwrap())
            .collect();
        assert_eq!(got[..3], [2.0, 3.0, 4.0]);
        assert!((got[3] - 7.6).abs() < 1e-12);
        // numpy.percentile([5, 15], 75) = 12.5; one value is every percentile.
        assert_eq!(percentile(&[5.0, 15.0], 0.75), Some(12.5));
        assert_eq!(percentile(&[7.0], 0.9), Some(7.0));
        assert_eq!(percentile(&[], 0.5), None);
    }

    #[test]
    fn a_percent_rank_counts_ties_as_half() {
        let v = [1.0, 2.0, 2.0, 4.0];
        assert_eq!(percent_rank(&v, 2.0), Some(50.0));
        assert_eq!(percent_rank(&v, 0.0), Some(0.0));
        assert_eq!(percent_rank(&v, 9.0), Some(100.0));
    }

    fn customer(segment: &str, plan: &str) -> Customer {
        Customer {
            id: format!("{segment}-{plan}"),
            segment: Some(segment.into()),
            plan: Some(plan.into()),
            start: Some(0),
            ..Customer::default()
        }
    }

    #[test]
    fn a_group_smaller_than_k_rolls_up_to_the_next_broader_one() {
        // 5 SMB/pro, 2 SMB/basic, 3 ENT/pro: k = 5.
        let mut cs = Vec::new();
        cs.extend((0..5).map(|_| customer("SMB", "pro")));
        cs.extend((0..2).map(|_| customer("SMB", "basic")));
        cs.extend((0..3).map(|_| customer("ENT", "pro")));
        let data = Dataset::new(cs, &[]);
        let members: Vec<(usize, f64)> = (0..10).map(|i| (i, i as f64)).collect();
        let g = Groups::new(&data, &[PeerKey::Segment, PeerKey::Plan], 5, 0, &members);
        let (keys, s) = g.for_customer(0).unwrap();
        assert_eq!((keys.len(), s.n), (2, 5), "SMB/pro has 5: compared there");
        let (keys, s) = g.for_customer(5).unwrap();
        assert_eq!(*keys, GroupKeys::from([("segment".into(), "SMB".into())]));
        assert_eq!(s.n, 7, "SMB/basic has 2: compared with all SMB");
        let (keys, s) = g.for_customer(8).unwrap();
        assert!(keys.is_empty(), "ENT has 3: compared with everyone");
        assert_eq!(s.n, 10);
        // Nothing under k is ever published.
        assert!(g.published().iter().all(|(_, s)| s.n >= 5));
        let tiny = Groups::new(&data, &[PeerKey::Segment], 11, 0, &members);
        assert!(tiny.for_customer(0).is_none());
    }
}
