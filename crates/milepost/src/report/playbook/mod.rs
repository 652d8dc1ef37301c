//! What the playbook says, worked out once in Rust and handed to the typst template as
//! data: every sentence and number is made here, the template only lays it out. So the
//! template never escapes a name (names travel as JSON strings, never as markup) and the
//! numbers printed are the engine's, formatted one way. The rows are in `model`, the
//! stage pages and plays by role in `stages`, the numbers in `numbers`.

mod model;
mod numbers;
mod stages;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use model::*;

use crate::engine::{Dataset, Scores};
use crate::format::long_date;
use crate::journey::{Journey, check};

/// Paper sizes a playbook is printed on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

/// The parts of the playbook a reader can leave out. The cover and the contents are
/// always there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Sections {
    /// The journey at a glance: stages left to right with their milestones.
    pub glance: bool,
    /// A section per stage: outcome, entry, duration, milestones, plays, metrics, health.
    pub stages: bool,
    /// Who does what: roles × activities.
    pub roles: bool,
    /// The framework check's findings.
    pub check: bool,
    /// The numbers, when the workspace has data: funnel, health, forecast, matrices,
    /// priority ranking, this week's tasks.
    pub numbers: bool,
    /// Sticky notes and votes, when there are any.
    pub workshop: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self {
            glance: true,
            stages: true,
            roles: true,
            check: true,
            numbers: true,
            workshop: true,
        }
    }
}

/// How to make a playbook.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[ts(rename = "PlaybookOptions")]
pub struct Options {
    pub paper: Paper,
    pub sections: Sections,
    /// The company named on the cover.
    #[serde(default)]
    pub company: Option<String>,
    /// `YYYY-MM-DD`: the numbers as of this day [default: the latest event's day].
    #[serde(default)]
    pub as_of: Option<String>,
    /// Leave the numbers out even when the workspace has data.
    #[serde(default)]
    pub no_data: bool,
    /// The workspace's currency, for the money printed: set by whoever opened the
    /// workspace (the app and the CLI), never by the person exporting.
    #[serde(skip)]
    #[ts(skip)]
    pub currency: crate::format::Currency,
}

/// The playbook of `journey`; with `data`, the numbers as of `options.as_of` (default:
/// the latest event's day). `today` is the timestamp printed as the generation date.
pub fn playbook(
    journey: &Journey,
    data: Option<(&Dataset, &Scores)>,
    options: &Options,
    today: i64,
) -> crate::Result<Playbook> {
    let numbers = match data {
        Some((d, s)) if !options.no_data && options.sections.numbers => {
            numbers::numbers(journey, d, s, options.as_of.as_deref(), &options.currency)?
        }
        _ => None,
    };
    Ok(Playbook {
        title: journey.name.clone(),
        company: options.company.clone().filter(|c| !c.trim().is_empty()),
        description: journey.description.clone(),
        generated: long_date(today),
        paper: options.paper,
        sections: options.sections.clone(),
        counts: Counts {
            stages: journey.stages.len(),
            milestones: journey.milestones().count(),
            activities: journey.activities.len(),
            roles: journey.roles.len(),
            metrics: journey.metrics.len(),
        },
        stages: stages::stage_pages(journey, numbers.as_ref()),
        roles: stages::role_rows(journey),
        findings: check::check(journey)
            .into_iter()
            .map(|f| f.message)
            .collect(),
        numbers,
        notes: journey
            .notes
            .iter()
            .map(|n| NoteRow {
                text: n.text.clone(),
                colour: crate::serde_name(&n.color),
                votes: n.votes,
                parked: n.parked,
                author: n.author.as_ref().and_then(|a| {
                    let people = &journey.workshop.participants;
                    people.iter().find(|p| &p.id == a).map(|p| p.name.clone())
                }),
            })
            .collect(),
        participants: journey
            .workshop
            .participants
            .iter()
            .map(|p| p.name.clone())
            .collect(),
        agenda: journey
            .agenda
            .iter()
            .map(|s| format!("{} — {} min", s.title, s.minutes))
            .collect(),
        decisions: journey
            .workshop
            .decisions
            .iter()
            .map(|d| d.text.clone())
            .collect(),
        rounds: round_rows(journey),
    })
}

fn round_rows(journey: &Journey) -> Vec<RoundRow> {
    use crate::journey::voting;
    journey
        .workshop
        .rounds
        .iter()
        .enumerate()
        .map(|(i, r)| RoundRow {
            title: format!("Round {}: {}", i + 1, r.question),
            detail: format!(
                "{} dots each · {} placed · {}{}",
                r.dots,
                crate::format::counted(r.votes.len() as u64, "dot"),
                if r.anonymous { "anonymous · " } else { "" },
                if r.closed { "closed" } else { "still open" }
            ),
            top: voting::tally(journey, r)
                .into_iter()
                .take(10)
                .map(|t| TallyRow {
                    name: t.name,
                    dots: t.dots,
                    by: t
                        .by
                        .iter()
                        .map(|(n, k)| format!("{n} {k}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                })
                .collect(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_and_stages_of_the_same_name_each_print_their_own_numbers() {
        let mut store = crate::store::Store::open_in_memory().unwrap();
        crate::demo::load(&mut store, 300, 5).unwrap();
        let data = store.load_dataset().unwrap();
        let scores = store.load_scores(&data, None).unwrap();
        let mut j = crate::journey::templates::get("billing-saas").unwrap();
        // Two milestones called alike in different stages, two stages called alike.
        let first = j.stages[0].milestones[0].name.clone();
        j.stages[1].milestones[0].name = first;
        let stage = j.stages[0].name.clone();
        j.stages[2].name = stage;
        let book = playbook(&j, Some((&data, &scores)), &Options::default(), 0).unwrap();
        let n = book.numbers.as_ref().unwrap();
        for (page, s) in book.stages.iter().zip(&j.stages) {
            for (row, m) in page.milestones.iter().zip(&s.milestones) {
                let f = n.funnel.iter().find(|f| f.id == m.id).unwrap();
                assert_eq!(row.reached.as_deref(), Some(f.reached.as_str()), "{}", m.id);
            }
            let h = n.health.iter().find(|h| h.id == s.id).unwrap();
            assert_eq!(
                page.live.as_ref().unwrap().customers,
                h.customers,
                "{}",
                s.id
            );
        }
        let reached = |stage: usize| book.stages[stage].milestones[0].reached.clone();
        assert_ne!(
            reached(0),
            reached(1),
            "the demo reaches these two differently"
        );
    }
}
