//! The priority ranking (seed 004's "multi-dimensional matrix"): one score per customer,
//! a weighted sum of chosen stakeholder scores, each the customer's weighted mean (decision
//! makers count more) normalised to 0–1 over the 1–10 range in its better direction (for
//! effort and complexity lower is better). Every customer is ranked; ties go to the larger
//! ARR, then the smaller id; customers missing a dimension come last, with the reason.
//! Sensitivity says how much the top of the ranking depends on the exact weights.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;
use ts_rs::TS;

use crate::engine::Dataset;
use crate::engine::scores::{Reader, SCORE_FIELDS, slot, weighted_mean};
use crate::journey::{Matrix, ScoreField, Support};

/// How many places at the top sensitivity watches.
pub const TOP: usize = 10;
/// How many of the customers that move most sensitivity names.
const MOST_MOVED: usize = 5;

/// A score of 1–10 as 0–1, 1 being the better end (for effort and complexity, the low end).
pub fn normalised(field: ScoreField, value: f64) -> f64 {
    crate::journey::Axis::score(field, "").normalised(value)
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Ranked {
    /// 1 for the first; null for a customer that cannot be scored.
    pub rank: Option<u32>,
    pub customer_id: String,
    pub name: Option<String>,
    pub arr: Option<f64>,
    /// "$120,000" in the workspace's currency (`Ranking::in_currency`); null without ARR.
    pub arr_text: Option<String>,
    /// 0–1; null when a dimension is missing.
    pub score: Option<f64>,
    /// Matrix id → the customer's quadrant in it (customer level). Shared strings: the
    /// same few names stand in every row.
    #[ts(type = "Record<string, string>")]
    pub quadrants: BTreeMap<Arc<str>, Arc<str>>,
    /// The first matrix's recommended support level for the customer's quadrant.
    pub support: Option<Support>,
    /// The playbook activity (its name) that quadrant runs.
    pub activity: Option<String>,
    /// Why the customer has no score.
    pub reason: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WeightShift {
    /// The dimension whose weight moved.
    pub dimension: String,
    /// Of the top 10, how many places change hands when the weight moves 10 % down or up
    /// (the larger of the two).
    #[ts(type = "number")]
    pub top_changes: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Sensitivity {
    pub shifts: Vec<WeightShift>,
    /// Customers whose rank moves most over all those shifts, most first (at most five).
    pub most_moved: Vec<String>,
    /// Their names (the id where a customer has none), in the same order.
    pub most_moved_names: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Ranking {
    #[ts(type = "Record<string, number>")]
    pub weights: serde_json::Map<String, serde_json::Value>,
    /// How many customers have a rank, and how many cannot be scored.
    pub ranked: u32,
    pub unranked: u32,
    /// The ranked customers best first, then the unscored; only the first `limit` when
    /// one was asked for.
    pub customers: Vec<Ranked>,
    pub sensitivity: Sensitivity,
    /// The workspace's currency, once `in_currency` has written the ARR in it.
    pub currency: Option<crate::format::Currency>,
}

impl Ranking {
    /// Writes every row's ARR in the workspace's currency.
    pub fn in_currency(mut self, currency: &crate::format::Currency) -> Self {
        for r in &mut self.customers {
            r.arr_text = r.arr.map(|a| currency.money(a));
        }
        self.currency = Some(currency.clone());
        self
    }
}

/// Each customer's place among all customers ordered by id: the last tie-break, without
/// comparing strings in every sort.
fn id_order(data: &Dataset) -> Vec<u32> {
    let mut by_id: Vec<usize> = (0..data.customers.len()).collect();
    by_id.sort_by(|&a, &b| data.customers[a].id.cmp(&data.customers[b].id));
    let mut pos = vec![0u32; by_id.len()];
    for (i, c) in by_id.into_iter().enumerate() {
        pos[c] = i as u32;
    }
    pos
}

/// A sortable key for an f64: unsigned order equals `f64::total_cmp`'s order.
fn ordered(x: f64) -> u64 {
    let b = x.to_bits();
    if b >> 63 == 1 { !b } else { b | 1 << 63 }
}

/// The scored customers: each one's dimension means in one flat array (`dims` values per
/// customer), its ARR and its place by id, laid out for cheap re-sorting.
struct Scored {
    customers: Vec<u32>,
    means: Vec<f64>,
    arr_key: Vec<u64>,
    id_key: Vec<u32>,
}

impl Scored {
    /// Scores with the weights and orders best first: (index into `customers`, score).
    /// Ties go to the larger ARR, then the smaller id.
    fn order(&self, dims: &[(ScoreField, f64)]) -> Vec<(u32, f64)> {
        let total: f64 = dims.iter().map(|d| d.1).sum();
        let axes: Vec<(crate::journey::Axis, f64)> = dims
            .iter()
            .map(|&(f, w)| (crate::journey::Axis::score(f, ""), w))
            .collect();
        let d = dims.len();
        let mut keyed: Vec<(u64, u64, u32, u32, f64)> = (0..self.customers.len())
            .map(|i| {
                let values = &self.means[i * d..(i + 1) * d];
                let s: f64 = axes
                    .iter()
                    .zip(values)
                    .map(|((axis, w), &v)| w * axis.normalised(v))
                    .sum();
                let score = if total > 0.0 { s / total } else { 0.0 };
                (
                    !ordered(score),
                    !self.arr_key[i],
                    self.id_key[i],
                    i as u32,
                    score,
                )
            })
            .collect();
        keyed.sort_unstable_by_key(|k| (k.0, k.1, k.2));
        keyed.into_iter().map(|k| (k.3, k.4)).collect()
    }
}

/// Ranks the customers `who` by the weighted dimensions; `matrices` give each its
/// quadrants and the first one its recommended support. Every customer is ranked, and the
/// sensitivity looks at all of them; `limit` only says how many rows to write out (a
/// screen shows the top, a CSV wants them all).
pub fn rank(
    r: &Reader<'_>,
    who: &[usize],
    dims: &[(ScoreField, f64)],
    decision_weight: f64,
    matrices: &[Matrix],
    limit: Option<usize>,
) -> Ranking {
    let data = r.data;
    let id_pos = id_order(data);
    // Each customer's mean of every score, once: the ranking's dimensions and every
    // matrix's axes read from it.
    let mut all: Vec<[Option<f64>; 8]> = vec![[None; 8]; data.customers.len()];
    let mut scored = Scored {
        customers: Vec::with_capacity(who.len()),
        means: Vec::with_capacity(who.len() * dims.len()),
        arr_key: Vec::with_capacity(who.len()),
        id_key: Vec::with_capacity(who.len()),
    };
    let mut missing: Vec<(usize, String)> = Vec::new();
    for &c in who {
        let mine = r.scores.of(c);
        if mine.is_empty() {
            missing.push((c, "no stakeholders".into()));
            continue;
        }
        for (k, field) in SCORE_FIELDS.iter().enumerate() {
            all[c][k] = weighted_mean(mine, *field, decision_weight, r.scores_at);
        }
        match dims.iter().find(|&&(f, _)| all[c][slot(f)].is_none()) {
            Some((f, _)) => missing.push((
                c,
                format!(
                    "no stakeholder has a score for {}",
                    crate::serde_name(f).replace('_', " ")
                ),
            )),
            None => {
                scored.customers.push(c as u32);
                scored
                    .means
                    .extend(dims.iter().map(|&(f, _)| all[c][slot(f)].unwrap_or(0.0)));
                scored
                    .arr_key
                    .push(ordered(data.customers[c].arr.unwrap_or(0.0)));
                scored.id_key.push(id_pos[c]);
            }
        }
    }
    let ranked = scored.order(dims);
    // Each customer's quadrant in a matrix, from its means of the two axes (read again
    // only where the matrix weighs decision makers differently or reads a customer field).
    let names: Vec<[Arc<str>; 4]> = matrices
        .iter()
        .map(|m| super::quadrant_names(m).map(Arc::from))
        .collect();
    let ids: Vec<Arc<str>> = matrices.iter().map(|m| Arc::from(m.id.as_str())).collect();
    let value = |m: &Matrix, field: &crate::journey::AxisField, c: usize| match field {
        crate::journey::AxisField::Score(f) if m.decision_weight() == decision_weight => {
            all[c][slot(*f)]
        }
        f => r.customer(f, c, m.decision_weight()),
    };
    let corner = |k: usize, c: usize| -> Option<crate::journey::Corner> {
        let m = &matrices[k];
        Some(m.corner_of(value(m, &m.x.field, c)?, value(m, &m.y.field, c)?))
    };
    let entry = |c: usize, rank: Option<u32>, score: Option<f64>, reason: Option<String>| {
        let cust = &data.customers[c];
        let corners: Vec<Option<crate::journey::Corner>> =
            (0..matrices.len()).map(|k| corner(k, c)).collect();
        let quadrants: BTreeMap<Arc<str>, Arc<str>> = corners
            .iter()
            .enumerate()
            .filter_map(|(k, q)| {
                q.map(|q| (ids[k].clone(), names[k][super::corner_index(q)].clone()))
            })
            .collect();
        let first = matrices
            .first()
            .zip(corners.first().copied().flatten())
            .and_then(|(m, q)| m.quadrant(q));
        let support = first.and_then(|q| q.support);
        let activity = first.and_then(|q| q.activity.as_ref()).map(|id| {
            r.journey
                .activities
                .iter()
                .find(|a| &a.id == id)
                .map_or_else(|| id.clone(), |a| a.name.clone())
        });
        Ranked {
            rank,
            customer_id: cust.id.clone(),
            name: cust.name.clone(),
            arr: cust.arr,
            arr_text: None,
            score,
            quadrants,
            support,
            activity,
            reason,
        }
    };
    let limit = limit.unwrap_or(usize::MAX);
    let (ranked_n, unranked_n) = (ranked.len() as u32, missing.len() as u32);
    let mut customers: Vec<Ranked> = ranked
        .iter()
        .take(limit)
        .enumerate()
        .map(|(i, &(k, s))| {
            entry(
                scored.customers[k as usize] as usize,
                Some(i as u32 + 1),
                Some(s),
                None,
            )
        })
        .collect();
    missing.sort_by_key(|m| id_pos[m.0]);
    let room = limit.saturating_sub(customers.len());
    customers.extend(
        missing
            .into_iter()
            .take(room)
            .map(|(c, why)| entry(c, None, None, Some(why))),
    );
    let sensitivity = sensitivity(data, &scored, &ranked, dims);
    let mut weights = serde_json::Map::new();
    for &(f, w) in dims {
        weights.insert(crate::serde_name(&f), w.into());
    }
    Ranking {
        weights,
        ranked: ranked_n,
        unranked: unranked_n,
        customers,
        sensitivity,
        currency: None,
    }
}

/// Each weight 10 % down and up: how many of the top places change hands, and who moves
/// most over all those shifts.
fn sensitivity(
    data: &Dataset,
    scored: &Scored,
    ranked: &[(u32, f64)],
    dims: &[(ScoreField, f64)],
) -> Sensitivity {
    let mut base_rank = vec![0usize; scored.customers.len()];
    for (i, r) in ranked.iter().enumerate() {
        base_rank[r.0 as usize] = i;
    }
    let top: Vec<u32> = ranked.iter().take(TOP).map(|r| r.0).collect();
    let mut moved = vec![0usize; scored.customers.len()];
    let shifts = dims
        .iter()
        .enumerate()
        .map(|(i, &(field, _))| {
            let mut worst = 0u64;
            for factor in [0.9, 1.1] {
                let mut shifted = dims.to_vec();
                shifted[i].1 *= factor;
                let again = scored.order(&shifted);
                let changes = again
                    .iter()
                    .take(TOP)
                    .zip(&top)
                    .filter(|(a, b)| a.0 != **b)
                    .count() as u64;
                worst = worst.max(changes);
                for (pos, r) in again.iter().enumerate() {
                    let k = r.0 as usize;
                    moved[k] = moved[k].max(pos.abs_diff(base_rank[k]));
                }
            }
            WeightShift {
                dimension: crate::serde_name(&field),
                top_changes: worst,
            }
        })
        .collect();
    // The five that move most (ties to the smaller id): picked, then only they sorted.
    let mut most: Vec<(std::cmp::Reverse<usize>, u32, usize)> = moved
        .into_iter()
        .enumerate()
        .filter(|m| m.1 > 0)
        .map(|(k, d)| (std::cmp::Reverse(d), scored.id_key[k], k))
        .collect();
    if most.len() > MOST_MOVED {
        most.select_nth_unstable(MOST_MOVED - 1);
        most.truncate(MOST_MOVED);
    }
    most.sort_unstable();
    let who: Vec<&crate::engine::Customer> = most
        .into_iter()
        .map(|(_, _, k)| &data.customers[scored.customers[k] as usize])
        .collect();
    Sensitivity {
        shifts,
        most_moved: who.iter().map(|c| c.id.clone()).collect(),
        most_moved_names: who
            .iter()
            .map(|c| c.name.clone().unwrap_or_else(|| c.id.clone()))
            .collect(),
    }
}

/// The ranking as CSV, safe to open in a spreadsheet: rank, customer, score, a column per
/// matrix with the customer's quadrant, support, activity, and why a customer is unranked.
pub fn to_csv(p: &Ranking, matrices: &[Matrix]) -> String {
    let arr = match &p.currency {
        Some(c) => format!("arr ({c})"),
        None => "arr".to_owned(),
    };
    let mut header: Vec<String> = vec![
        "rank".to_owned(),
        "customer_id".to_owned(),
        "name".to_owned(),
        arr,
        "score".to_owned(),
    ];
    header.extend(matrices.iter().map(|m| m.name.clone()));
    header.extend(["support", "activity", "not ranked because"].map(String::from));
    let rows = p.customers.iter().map(|r| {
        let mut row = vec![
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
            r.customer_id.clone(),
            r.name.clone().unwrap_or_default(),
            r.arr.map(|a| a.to_string()).unwrap_or_default(),
            r.score.map(|s| format!("{s:.4}")).unwrap_or_default(),
        ];
        row.extend(matrices.iter().map(|m| {
            r.quadrants
                .get(m.id.as_str())
                .map(|q| q.to_string())
                .unwrap_or_default()
        }));
        row.push(
            r.support
                .map(super::support_words)
                .unwrap_or_default()
                .to_owned(),
        );
        row.push(r.activity.clone().unwrap_or_default());
        row.push(r.reason.clone().unwrap_or_default());
        row
    });
    crate::data::safe_csv(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Customer, Scores, Stakeholder};

    fn person(customer: usize, purpose: f64, effort: f64) -> Stakeholder {
        let mut scores = [None; 8];
        scores[0] = Some(purpose);
        scores[6] = Some(effort);
        Stakeholder {
            customer,
            name: format!("P{customer}"),
            decision_maker: false,
            scores,
            changes: Vec::new(),
        }
    }

    fn ranked(
        data: &Dataset,
        people: &[Stakeholder],
        who: &[usize],
        dims: &[(ScoreField, f64)],
    ) -> Ranking {
        let j = crate::journey::templates::blank("t");
        let scores = Scores::new(data.customers.len(), people.to_vec());
        let r = Reader::new(&j, data, &scores, i64::MAX);
        rank(&r, who, dims, 2.0, &[], None)
    }

    #[test]
    fn effort_and_complexity_count_the_other_way() {
        assert_eq!(normalised(ScoreField::Purpose, 10.0), 1.0);
        assert_eq!(normalised(ScoreField::Purpose, 1.0), 0.0);
        assert_eq!(normalised(ScoreField::Effort, 1.0), 1.0);
        assert_eq!(normalised(ScoreField::Complexity, 10.0), 0.0);
        assert!((normalised(ScoreField::Intent, 5.5) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn ranks_by_weighted_score_then_arr_then_id_and_puts_the_unscored_last() {
        let mut cs: Vec<Customer> = (0..4)
            .map(|i| Customer {
                id: format!("C{i}"),
                start: Some(0),
                ..Customer::default()
            })
            .collect();
        cs[1].arr = Some(500.0);
        cs[2].arr = Some(900.0);
        let data = Dataset::new(cs, &[]);
        // C0: purpose 10, effort 1 → 1.0. C1 and C2 tie at 0.5; C2 has more ARR. C3 has
        // no stakeholders.
        let people = vec![
            person(0, 10.0, 1.0),
            person(1, 5.5, 5.5),
            person(2, 10.0, 10.0),
        ];
        let dims = [(ScoreField::Purpose, 1.0), (ScoreField::Effort, 1.0)];
        let p = ranked(&data, &people, &[0, 1, 2, 3], &dims);
        let got: Vec<(Option<u32>, &str, Option<f64>)> = p
            .customers
            .iter()
            .map(|r| (r.rank, r.customer_id.as_str(), r.score))
            .collect();
        assert_eq!(
            got,
            [
                (Some(1), "C0", Some(1.0)),
                (Some(2), "C2", Some(0.5)),
                (Some(3), "C1", Some(0.5)),
                (None, "C3", None)
            ]
        );
        assert_eq!(p.customers[3].reason.as_deref(), Some("no stakeholders"));
        // Weighting purpose alone, C0 and C2 tie at 1.0 and C2's ARR puts it first.
        let p = ranked(&data, &people, &[0, 1, 2, 3], &[(ScoreField::Purpose, 1.0)]);
        let order: Vec<&str> = p.customers.iter().map(|r| r.customer_id.as_str()).collect();
        assert_eq!(order, ["C2", "C0", "C1", "C3"]);
    }

    #[test]
    fn sensitivity_counts_the_top_places_a_10_percent_shift_changes() {
        // C0 leads on purpose, C1 on low effort, so close that a 10 % shift of either
        // weight swaps them; C2 trails far behind and never moves.
        let cs: Vec<Customer> = (0..3)
            .map(|i| Customer {
                id: format!("C{i}"),
                start: Some(0),
                ..Customer::default()
            })
            .collect();
        let data = Dataset::new(cs, &[]);
        let people = vec![
            person(0, 10.0, 5.5),
            person(1, 5.5, 1.0),
            person(2, 1.0, 10.0),
        ];
        let dims = [(ScoreField::Purpose, 1.0), (ScoreField::Effort, 1.0)];
        let p = ranked(&data, &people, &[0, 1, 2], &dims);
        // Both score 0.75 (1 + 0.5 and 0.5 + 1, halved): a tie, C0 first by id.
        assert_eq!(p.customers[0].customer_id, "C0");
        let shifts: Vec<(&str, u64)> = p
            .sensitivity
            .shifts
            .iter()
            .map(|s| (s.dimension.as_str(), s.top_changes))
            .collect();
        assert_eq!(shifts, [("purpose", 2), ("effort", 2)]);
        assert_eq!(p.sensitivity.most_moved, ["C0", "C1"]);
    }
}
