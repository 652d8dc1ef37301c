//! Capability maturity: which capabilities a customer has adopted (their criteria held,
//! as a milestone's do), its phase — the highest phase whose capabilities it has adopted
//! to the journey's share, every earlier phase included — and what to unlock next, ordered
//! by how many of its peers already use it.

use serde::Serialize;
use ts_rs::TS;

use super::peers::Groups;
use crate::engine::Dataset;
use crate::journey::{Journey, PeerSettings};

/// A capability the customer has not adopted, and how many of its peers have.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NextCapability {
    pub id: String,
    pub name: String,
    pub phase: String,
    /// The share of its peers (0–1) that use it, and how many peers that is of.
    pub peer_share: Option<f64>,
    pub peer_n: Option<usize>,
    /// The plays (names) that help a customer adopt it.
    pub plays: Vec<String>,
}

/// The default share of a phase's capabilities that places a customer in it.
pub const ADOPTION_SHARE: f64 = 0.75;

/// The capabilities shown as next steps, at most.
const NEXT: usize = 5;

#[derive(Debug)]
pub struct Maturity<'a> {
    journey: &'a Journey,
    /// By population row, by capability.
    adopted: Vec<Vec<bool>>,
    /// By capability: its adoption (1 or 0) over the population, grouped like peers.
    groups: Vec<Groups>,
    customers: Vec<usize>,
    data: &'a Dataset,
    share: f64,
}

impl<'a> Maturity<'a> {
    /// `adopted`: by population row, by capability, whether the customer adopted it.
    pub fn new(
        journey: &'a Journey,
        data: &'a Dataset,
        population: &[usize],
        s: &PeerSettings,
        cutoff: i64,
        adopted: Vec<Vec<bool>>,
    ) -> Self {
        let groups = (0..journey.capabilities.len())
            .map(|i| {
                let members: Vec<(usize, f64)> = population
                    .iter()
                    .zip(&adopted)
                    .map(|(&c, a)| (c, if a[i] { 1.0 } else { 0.0 }))
                    .collect();
                Groups::new(data, &s.keys, s.k as usize, cutoff, &members)
            })
            .collect();
        Maturity {
            journey,
            adopted,
            groups,
            customers: population.to_vec(),
            data,
            share: journey.adoption_share.unwrap_or(ADOPTION_SHARE),
        }
    }

    /// The capabilities' adoption groups, for the benchmark exchange.
    pub fn into_groups(self) -> Vec<Groups> {
        self.groups
    }

    /// The phase (id) of population row `row`, its adopted capabilities (ids) and the
    /// next ones to unlock.
    pub fn of(&self, row: usize) -> (Option<&'a str>, Vec<String>, Vec<NextCapability>) {
        let j = self.journey;
        let mine = &self.adopted[row];
        let mut phase = None;
        for p in &j.phases {
            let caps: Vec<usize> = (0..j.capabilities.len())
                .filter(|&i| j.capabilities[i].phase == p.id)
                .collect();
            if caps.is_empty() {
                continue;
            }
            let have = caps.iter().filter(|&&i| mine[i]).count();
            if (have as f64) < self.share * caps.len() as f64 {
                break;
            }
            phase = Some(p.id.as_str());
        }
        let adopted = (0..j.capabilities.len())
            .filter(|&i| mine[i])
            .map(|i| j.capabilities[i].id.clone())
            .collect();
        let cust = &self.data.customers[self.customers[row]];
        let phase_order = |id: &str| {
            j.phases
                .iter()
                .position(|p| p.id == id)
                .unwrap_or(usize::MAX)
        };
        let mut next: Vec<(usize, NextCapability)> = (0..j.capabilities.len())
            .filter(|&i| !mine[i])
            .map(|i| {
                let cap = &j.capabilities[i];
                let peers = self.groups[i].for_customer(cust);
                let plays = cap
                    .activities
                    .iter()
                    .filter_map(|a| j.activities.iter().find(|x| &x.id == a))
                    .map(|a| a.name.clone())
                    .collect();
                (
                    i,
                    NextCapability {
                        id: cap.id.clone(),
                        name: cap.name.clone(),
                        phase: cap.phase.clone(),
                        peer_share: peers
                            .as_ref()
                            .map(|(_, s)| s.sorted.iter().sum::<f64>() / s.n as f64),
                        peer_n: peers.as_ref().map(|(_, s)| s.n),
                        plays,
                    },
                )
            })
            .collect();
        next.sort_by(|(ia, a), (ib, b)| {
            b.peer_share
                .unwrap_or(0.0)
                .total_cmp(&a.peer_share.unwrap_or(0.0))
                .then_with(|| phase_order(&a.phase).cmp(&phase_order(&b.phase)))
                .then_with(|| ia.cmp(ib))
        });
        (
            phase,
            adopted,
            next.into_iter().take(NEXT).map(|(_, n)| n).collect(),
        )
    }
}
