//! Capability maturity: which capabilities a customer has adopted (their criteria held,
//! as a milestone's do), its phase — the highest phase whose capabilities it has adopted
//! to the journey's share, every earlier phase included — and what to unlock next, ordered
//! by how many of its peers already use it.

use serde::Serialize;
use ts_rs::TS;

use std::sync::Arc;

use super::Text;
use super::peers::Groups;
use crate::journey::{Journey, PeerSettings};

/// A capability the customer has not adopted, and how many of its peers have.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct NextCapability {
    #[ts(as = "String")]
    pub id: Text,
    #[ts(as = "String")]
    pub name: Text,
    #[ts(as = "String")]
    pub phase: Text,
    /// The share of its peers (0–1) that use it, and how many peers that is of.
    pub peer_share: Option<f64>,
    pub peer_n: Option<usize>,
    /// The plays (names) that help a customer adopt it.
    #[ts(as = "Vec<String>")]
    pub plays: Arc<[Text]>,
}

/// The default share of a phase's capabilities that places a customer in it.
pub const ADOPTION_SHARE: f64 = 0.75;

/// The capabilities shown as next steps, at most.
const NEXT: usize = 5;

/// A capability's texts and place, made once for every customer.
#[derive(Debug)]
struct Cap {
    id: Text,
    name: Text,
    phase: Text,
    /// Its phase's position, for ordering next steps.
    phase_order: usize,
    plays: Arc<[Text]>,
}

#[derive(Debug)]
pub struct Maturity {
    caps: Vec<Cap>,
    /// Each phase (id, name) and its capabilities' positions, in order.
    phases: Vec<((Text, Text), Vec<usize>)>,
    /// By population row, by capability.
    adopted: Vec<Vec<bool>>,
    /// By capability: its adoption (1 or 0) over the population, grouped like peers.
    groups: Vec<Groups>,
    customers: Vec<usize>,
    share: f64,
}

impl Maturity {
    /// `adopted`: by population row, by capability, whether the customer adopted it.
    pub fn new(
        journey: &Journey,
        population: &[usize],
        s: &PeerSettings,
        index: &Arc<super::peers::PeerIndex>,
        adopted: Vec<Vec<bool>>,
    ) -> Self {
        let groups = (0..journey.capabilities.len())
            .map(|i| {
                let members: Vec<(usize, f64)> = population
                    .iter()
                    .zip(&adopted)
                    .map(|(&c, a)| (c, if a[i] { 1.0 } else { 0.0 }))
                    .collect();
                Groups::with_index(index.clone(), s.k as usize, &members)
            })
            .collect();
        let caps = journey
            .capabilities
            .iter()
            .map(|cap| Cap {
                id: cap.id.as_str().into(),
                name: cap.name.as_str().into(),
                phase: cap.phase.as_str().into(),
                phase_order: journey
                    .phases
                    .iter()
                    .position(|p| p.id == cap.phase)
                    .unwrap_or(usize::MAX),
                plays: cap
                    .activities
                    .iter()
                    .filter_map(|a| journey.activities.iter().find(|x| &x.id == a))
                    .map(|a| Text::from(a.name.as_str()))
                    .collect(),
            })
            .collect();
        let phases = journey
            .phases
            .iter()
            .map(|p| {
                let mine = (0..journey.capabilities.len())
                    .filter(|&i| journey.capabilities[i].phase == p.id)
                    .collect();
                ((p.id.as_str().into(), p.name.as_str().into()), mine)
            })
            .collect();
        Maturity {
            caps,
            phases,
            adopted,
            groups,
            customers: population.to_vec(),
            share: journey.adoption_share.unwrap_or(ADOPTION_SHARE),
        }
    }

    /// The capabilities' adoption groups, for the benchmark exchange.
    pub fn into_groups(self) -> Vec<Groups> {
        self.groups
    }

    /// The phase (id, name) of population row `row`, its adopted capabilities (ids) and
    /// the next ones to unlock.
    pub fn of(&self, row: usize) -> (Option<&(Text, Text)>, Vec<Text>, Vec<NextCapability>) {
        let mine = &self.adopted[row];
        let mut phase = None;
        for (p, caps) in &self.phases {
            if caps.is_empty() {
                continue;
            }
            let have = caps.iter().filter(|&&i| mine[i]).count();
            if (have as f64) < self.share * caps.len() as f64 {
                break;
            }
            phase = Some(p);
        }
        let adopted = (0..self.caps.len())
            .filter(|&i| mine[i])
            .map(|i| self.caps[i].id.clone())
            .collect();
        let cust = self.customers[row];
        let mut next: Vec<(usize, Option<(f64, usize)>)> = (0..self.caps.len())
            .filter(|&i| !mine[i])
            .map(|i| {
                (
                    i,
                    self.groups[i].group_of(cust).map(|(_, _, s)| (s.mean, s.n)),
                )
            })
            .collect();
        next.sort_by(|(ia, a), (ib, b)| {
            b.map_or(0.0, |x| x.0)
                .total_cmp(&a.map_or(0.0, |x| x.0))
                .then_with(|| self.caps[*ia].phase_order.cmp(&self.caps[*ib].phase_order))
                .then_with(|| ia.cmp(ib))
        });
        let next = next
            .into_iter()
            .take(NEXT)
            .map(|(i, peers)| {
                let cap = &self.caps[i];
                NextCapability {
                    id: cap.id.clone(),
                    name: cap.name.clone(),
                    phase: cap.phase.clone(),
                    peer_share: peers.map(|x| x.0),
                    peer_n: peers.map(|x| x.1),
                    plays: cap.plays.clone(),
                }
            })
            .collect();
        (phase, adopted, next)
    }
}
