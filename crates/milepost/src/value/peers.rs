//! Peers: who a customer is compared with, and the statistics of a group.
//!
//! A customer's peers share its values of the journey's peer keys (segment, plan, tenure
//! band, ARR band). A group with fewer than k members is never shown: the customer is
//! compared with the next broader group (the last key dropped), down to every customer;
//! when even that has fewer than k, there is no comparison.

use std::collections::{BTreeMap, HashMap};

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
/// closest ranks (NumPy's default): position (n − 1)·p.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p;
    let lo = h.floor() as usize;
    let hi = (lo + 1).min(last);
    Some(sorted[lo] + (h - lo as f64) * (sorted[hi] - sorted[lo]))
}

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
            sorted: values,
        })
    }
}

/// The key values of customer `c` under the first `depth` keys, or None when it lacks one.
fn prefix(keys: &[PeerKey], depth: usize, c: &Customer, cutoff: i64) -> Option<Vec<String>> {
    keys[..depth]
        .iter()
        .map(|&k| key_value(k, c, cutoff))
        .collect()
}

/// Groups of a population at every depth of the keys (all keys, all but the last, …, none),
/// with one value per member: where a customer is compared.
#[derive(Debug)]
pub struct Groups {
    keys: Vec<PeerKey>,
    k: usize,
    cutoff: i64,
    /// By depth, then by key values: the members' values.
    levels: Vec<HashMap<Vec<String>, Vec<f64>>>,
    stats: Vec<HashMap<Vec<String>, Stats>>,
}

impl Groups {
    /// `members`: (customer index, value) for every customer of the population that has one.
    pub fn new(
        data: &Dataset,
        keys: &[PeerKey],
        k: usize,
        cutoff: i64,
        members: &[(usize, f64)],
    ) -> Groups {
        let mut levels: Vec<HashMap<Vec<String>, Vec<f64>>> = vec![HashMap::new(); keys.len() + 1];
        for &(c, v) in members {
            let cust = &data.customers[c];
            for (depth, level) in levels.iter_mut().enumerate() {
                if let Some(p) = prefix(keys, depth, cust, cutoff) {
                    level.entry(p).or_default().push(v);
                }
            }
        }
        let stats = levels
            .iter()
            .map(|level| {
                level
                    .iter()
                    .filter(|(_, vs)| vs.len() >= k)
                    .filter_map(|(p, vs)| Some((p.clone(), Stats::of(vs.clone())?)))
                    .collect()
            })
            .collect();
        Groups {
            keys: keys.to_vec(),
            k,
            cutoff,
            levels,
            stats,
        }
    }

    /// The narrowest group of at least k that customer `c` belongs to by its key values,
    /// with its keys; None when even the whole population has fewer than k.
    pub fn for_customer(&self, c: &Customer) -> Option<(GroupKeys, &Stats)> {
        (0..=self.keys.len()).rev().find_map(|depth| {
            let p = prefix(&self.keys, depth, c, self.cutoff)?;
            let stats = self.stats[depth].get(&p)?;
            let keys = self.keys[..depth]
                .iter()
                .map(|&k| key_name(k).to_owned())
                .zip(p)
                .collect();
            Some((keys, stats))
        })
    }

    /// Every group of at least k, at every depth: (keys, stats).
    pub fn published(&self) -> Vec<(GroupKeys, &Stats)> {
        let mut out = Vec::new();
        for (depth, level) in self.stats.iter().enumerate() {
            for (p, s) in level {
                let keys: GroupKeys = self.keys[..depth]
                    .iter()
                    .map(|&k| key_name(k).to_owned())
                    .zip(p.iter().cloned())
                    .collect();
                out.push((keys, s));
            }
        }
        out.sort_by(|a, b| a.0.len().cmp(&b.0.len()).then_with(|| a.0.cmp(&b.0)));
        out
    }

    /// The size of every group, published or not, by depth and key values.
    pub fn sizes(&self) -> impl Iterator<Item = (usize, &Vec<String>, usize)> {
        self.levels
            .iter()
            .enumerate()
            .flat_map(|(d, l)| l.iter().map(move |(p, v)| (d, p, v.len())))
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
        let (keys, s) = g.for_customer(&data.customers[0]).unwrap();
        assert_eq!((keys.len(), s.n), (2, 5), "SMB/pro has 5: compared there");
        let (keys, s) = g.for_customer(&data.customers[5]).unwrap();
        assert_eq!(keys, GroupKeys::from([("segment".into(), "SMB".into())]));
        assert_eq!(s.n, 7, "SMB/basic has 2: compared with all SMB");
        let (keys, s) = g.for_customer(&data.customers[8]).unwrap();
        assert!(keys.is_empty(), "ENT has 3: compared with everyone");
        assert_eq!(s.n, 10);
        // Nothing under k is ever published.
        assert!(g.published().iter().all(|(_, s)| s.n >= 5));
        let tiny = Groups::new(&data, &[PeerKey::Segment], 11, 0, &members);
        assert!(tiny.for_customer(&data.customers[0]).is_none());
    }
}
