//! Dot voting in a workshop: each participant places up to N dots on stages, milestones,
//! plays and sticky notes in the open round; tallies rank what the room cares about.
//!
//! The rules live here once: the desktop app's room-voting server (phones) calls them,
//! and the editor's own clicks follow the same rules (`ui/src/features/voting/rules.ts`,
//! tested against the same cases).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::model::{Journey, Participant, Vote, VoteKind, VoteRound, VoteTarget};

/// A dot placed or taken back from a phone in room voting, as the phone sends it and as
/// the app hears of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VoteAction {
    pub op: VoteOp,
    pub participant: String,
    pub target: VoteTarget,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum VoteOp {
    Cast,
    TakeBack,
}

/// Carries out `action` on the open round.
pub fn apply(j: &mut Journey, action: &VoteAction) -> Result<(), VoteError> {
    match action.op {
        VoteOp::Cast => cast(j, &action.participant, action.target.clone()),
        VoteOp::TakeBack => take_back(j, &action.participant, &action.target),
    }
}

/// A dot a phone placed or took back, as the room's server accepted it, numbered in the
/// order it was accepted. The editor applies it and says, with each board it sends back,
/// the last number it has applied: the server keeps applying the later ones on top of that
/// board, so a board sent before a dot arrived never lets anyone vote past their dots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoomVote {
    pub seq: u32,
    pub action: VoteAction,
}

/// Where phones in the room vote: the address to open (with its token) and the same as a
/// QR code (an SVG document).
#[derive(Debug, Clone, Serialize, TS)]
pub struct RoomInfo {
    pub url: String,
    pub qr_svg: String,
    /// Set when this computer has no network address other phones can reach: voting then
    /// works only on this computer, and the dialog says so.
    pub local_only: bool,
}

/// What a phone sees of the open round: the question, the people, the cards by stage, and
/// for the person holding it, their own dots. Nothing else of the journey.
#[derive(Debug, Clone, Serialize)]
pub struct RoomView {
    pub question: String,
    pub dots: u32,
    pub participants: Vec<RoomPerson>,
    pub groups: Vec<RoomGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoomPerson {
    pub id: String,
    pub name: String,
    pub color: String,
    /// Dots this person has not placed yet.
    pub left: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoomGroup {
    /// The stage's name; `None` for the sticky notes.
    pub stage: Option<String>,
    pub cards: Vec<RoomCard>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoomCard {
    pub target: VoteTarget,
    pub name: String,
    /// The asking participant's dots on this card.
    pub mine: u32,
}

/// The open round as a phone sees it, with `participant`'s own dots; `None` when no round
/// is open.
pub fn room_view(j: &Journey, participant: Option<&str>) -> Option<RoomView> {
    let round = open_round(j)?;
    let participants = j
        .workshop
        .participants
        .iter()
        .map(|p| RoomPerson {
            id: p.id.clone(),
            name: p.name.clone(),
            color: p.color.clone(),
            left: round.dots.saturating_sub(dots_used(round, &p.id)),
        })
        .collect();
    let mut groups: Vec<RoomGroup> = Vec::new();
    for c in cards(j) {
        let mine = participant.map_or(0, |p| {
            round
                .votes
                .iter()
                .filter(|v| v.participant == p && v.target == c.target)
                .count() as u32
        });
        let card = RoomCard {
            target: c.target,
            name: c.name,
            mine,
        };
        match groups.last_mut() {
            Some(g) if g.stage == c.stage => g.cards.push(card),
            _ => groups.push(RoomGroup {
                stage: c.stage,
                cards: vec![card],
            }),
        }
    }
    Some(RoomView {
        question: round.question.clone(),
        dots: round.dots,
        participants,
        groups,
    })
}

/// Why a dot was not placed, in words for the person holding the phone.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("No voting round is open.")]
    NoOpenRound,
    #[error("That name is not on the list of participants.")]
    UnknownParticipant,
    #[error("That card is not on the board any more.")]
    UnknownCard,
    #[error("{name} has placed all {dots} dots of this round.")]
    NoDotsLeft { name: String, dots: u32 },
    #[error("{name} has no dot on that card to take back.")]
    NothingToTakeBack { name: String },
}

impl VoteError {
    /// A stable code the UI and the phone page can branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NoOpenRound => "no_open_round",
            Self::UnknownParticipant => "unknown_participant",
            Self::UnknownCard => "unknown_card",
            Self::NoDotsLeft { .. } => "no_dots_left",
            Self::NothingToTakeBack { .. } => "nothing_to_take_back",
        }
    }
}

/// A card that can take dots, with the name people see and the stage it sits in
/// (`None` for sticky notes, which float on the board).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub target: VoteTarget,
    pub name: String,
    pub stage: Option<String>,
}

/// Every card that can take dots, in board order: each stage, its milestones, the plays
/// that start in it; then the sticky notes on the board (parked notes are off the board).
pub fn cards(j: &Journey) -> Vec<Card> {
    let card = |kind, id: &str, name: &str, stage: Option<&str>| Card {
        target: VoteTarget {
            kind,
            id: id.to_owned(),
        },
        name: name.to_owned(),
        stage: stage.map(str::to_owned),
    };
    let mut out = Vec::new();
    for s in &j.stages {
        out.push(card(VoteKind::Stage, &s.id, &s.name, Some(&s.name)));
        for m in &s.milestones {
            out.push(card(VoteKind::Milestone, &m.id, &m.name, Some(&s.name)));
        }
        for a in j.activities.iter().filter(|a| a.stage == s.id) {
            out.push(card(VoteKind::Activity, &a.id, &a.name, Some(&s.name)));
        }
    }
    for n in j.notes.iter().filter(|n| !n.parked) {
        out.push(card(VoteKind::Note, &n.id, &n.text, None));
    }
    out
}

/// The name of the card a dot is on, if it is still on the board.
pub fn card_name(j: &Journey, t: &VoteTarget) -> Option<String> {
    match t.kind {
        VoteKind::Stage => j
            .stages
            .iter()
            .find(|s| s.id == t.id)
            .map(|s| s.name.clone()),
        VoteKind::Milestone => j
            .milestones()
            .find(|(_, m)| m.id == t.id)
            .map(|(_, m)| m.name.clone()),
        VoteKind::Activity => j
            .activities
            .iter()
            .find(|a| a.id == t.id)
            .map(|a| a.name.clone()),
        VoteKind::Note => j
            .notes
            .iter()
            .find(|n| n.id == t.id && !n.parked)
            .map(|n| n.text.clone()),
    }
}

/// The round taking votes: the last one, unless it is closed.
pub fn open_round(j: &Journey) -> Option<&VoteRound> {
    j.workshop.rounds.last().filter(|r| !r.closed)
}

/// How many dots `participant` has placed in `round`.
pub fn dots_used(round: &VoteRound, participant: &str) -> u32 {
    round
        .votes
        .iter()
        .filter(|v| v.participant == participant)
        .count() as u32
}

fn participant<'a>(j: &'a Journey, id: &str) -> Result<&'a Participant, VoteError> {
    j.workshop
        .participants
        .iter()
        .find(|p| p.id == id)
        .ok_or(VoteError::UnknownParticipant)
}

/// Places one of `participant`'s dots on `target` in the open round.
pub fn cast(j: &mut Journey, participant_id: &str, target: VoteTarget) -> Result<(), VoteError> {
    let round = open_round(j).ok_or(VoteError::NoOpenRound)?;
    let who = participant(j, participant_id)?;
    if card_name(j, &target).is_none() {
        return Err(VoteError::UnknownCard);
    }
    if dots_used(round, participant_id) >= round.dots {
        return Err(VoteError::NoDotsLeft {
            name: who.name.clone(),
            dots: round.dots,
        });
    }
    let vote = Vote {
        participant: participant_id.to_owned(),
        target,
    };
    if let Some(r) = j.workshop.rounds.last_mut() {
        r.votes.push(vote);
    }
    Ok(())
}

/// Takes back `participant`'s most recent dot on `target` in the open round.
pub fn take_back(
    j: &mut Journey,
    participant_id: &str,
    target: &VoteTarget,
) -> Result<(), VoteError> {
    open_round(j).ok_or(VoteError::NoOpenRound)?;
    let name = participant(j, participant_id)?.name.clone();
    let round = j.workshop.rounds.last_mut().ok_or(VoteError::NoOpenRound)?;
    let last = round
        .votes
        .iter()
        .rposition(|v| v.participant == participant_id && &v.target == target)
        .ok_or(VoteError::NothingToTakeBack { name })?;
    round.votes.remove(last);
    Ok(())
}

/// The dots on one card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub target: VoteTarget,
    pub name: String,
    pub dots: u32,
    /// Who placed them, most first (names; empty for an anonymous round).
    pub by: Vec<(String, u32)>,
}

/// The cards of `round` with at least one dot, most dots first; ties keep board order.
/// Dots on cards since deleted are left out.
pub fn tally(j: &Journey, round: &VoteRound) -> Vec<Tally> {
    let names: HashMap<&str, &str> = j
        .workshop
        .participants
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str()))
        .collect();
    let mut out: Vec<Tally> = Vec::new();
    for c in cards(j) {
        let mut by: Vec<(String, u32)> = Vec::new();
        let mut dots = 0;
        for v in round.votes.iter().filter(|v| v.target == c.target) {
            dots += 1;
            let who = names
                .get(v.participant.as_str())
                .copied()
                .unwrap_or("A former participant");
            match by.iter_mut().find(|(n, _)| n == who) {
                Some((_, k)) => *k += 1,
                None => by.push((who.to_owned(), 1)),
            }
        }
        if dots == 0 {
            continue;
        }
        by.sort_by_key(|(_, k)| std::cmp::Reverse(*k));
        if round.anonymous {
            by.clear();
        }
        out.push(Tally {
            target: c.target,
            name: c.name,
            dots,
            by,
        });
    }
    out.sort_by_key(|t| std::cmp::Reverse(t.dots));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::templates;

    fn journey_with_round(dots: u32) -> Journey {
        let mut j = templates::get("billing-saas").unwrap();
        j.workshop.participants = ["Ana", "Ben", "Chloé"]
            .iter()
            .enumerate()
            .map(|(i, n)| Participant {
                id: format!("p{}", i + 1),
                name: (*n).into(),
                color: "#4338ca".into(),
            })
            .collect();
        j.workshop.rounds.push(VoteRound {
            id: "r1".into(),
            question: "Which milestones matter most?".into(),
            dots,
            anonymous: false,
            closed: false,
            votes: vec![],
        });
        j
    }

    fn milestone(j: &Journey, i: usize) -> VoteTarget {
        let (_, m) = j.milestones().nth(i).unwrap();
        VoteTarget {
            kind: VoteKind::Milestone,
            id: m.id.clone(),
        }
    }

    #[test]
    fn a_participant_places_at_most_their_dots() {
        let mut j = journey_with_round(2);
        let (a, b) = (milestone(&j, 0), milestone(&j, 1));
        cast(&mut j, "p1", a.clone()).unwrap();
        cast(&mut j, "p1", a.clone()).unwrap();
        assert_eq!(
            cast(&mut j, "p1", b.clone()),
            Err(VoteError::NoDotsLeft {
                name: "Ana".into(),
                dots: 2
            })
        );
        // Another participant still has theirs; taking one back frees a dot.
        cast(&mut j, "p2", b.clone()).unwrap();
        take_back(&mut j, "p1", &a).unwrap();
        cast(&mut j, "p1", b.clone()).unwrap();
        let t = tally(&j, open_round(&j).unwrap());
        assert_eq!(t[0].target, b);
        assert_eq!(t[0].dots, 2);
        assert_eq!(t[0].by, vec![("Ben".into(), 1), ("Ana".into(), 1)]);
        assert_eq!((t[1].dots, t.len()), (1, 2));
    }

    #[test]
    fn strangers_deleted_cards_and_closed_rounds_take_no_dots() {
        let mut j = journey_with_round(3);
        let a = milestone(&j, 0);
        assert_eq!(
            cast(&mut j, "p9", a.clone()),
            Err(VoteError::UnknownParticipant)
        );
        let gone = VoteTarget {
            kind: VoteKind::Activity,
            id: "no-such-play".into(),
        };
        assert_eq!(cast(&mut j, "p1", gone), Err(VoteError::UnknownCard));
        assert_eq!(
            take_back(&mut j, "p1", &a),
            Err(VoteError::NothingToTakeBack { name: "Ana".into() })
        );
        j.workshop.rounds[0].closed = true;
        assert_eq!(cast(&mut j, "p1", a), Err(VoteError::NoOpenRound));
    }

    #[test]
    fn an_anonymous_tally_counts_without_names() {
        let mut j = journey_with_round(3);
        j.workshop.rounds[0].anonymous = true;
        let a = milestone(&j, 2);
        for p in ["p1", "p2", "p3"] {
            cast(&mut j, p, a.clone()).unwrap();
        }
        let t = tally(&j, &j.workshop.rounds[0]);
        assert_eq!((t[0].dots, t[0].by.len()), (3, 0));
    }

    #[test]
    fn a_phone_sees_the_round_its_own_dots_and_whats_left() {
        let mut j = journey_with_round(3);
        let a = milestone(&j, 0);
        for _ in 0..2 {
            let act = VoteAction {
                op: VoteOp::Cast,
                participant: "p2".into(),
                target: a.clone(),
            };
            apply(&mut j, &act).unwrap();
        }
        let v = room_view(&j, Some("p2")).unwrap();
        assert_eq!(v.question, "Which milestones matter most?");
        let left: Vec<u32> = v.participants.iter().map(|p| p.left).collect();
        assert_eq!(left, vec![3, 1, 3]);
        let mine: u32 = v.groups.iter().flat_map(|g| &g.cards).map(|c| c.mine).sum();
        assert_eq!(mine, 2);
        // The first group is the first stage; notes, if any, come last.
        assert_eq!(
            v.groups[0].stage.as_deref(),
            Some(j.stages[0].name.as_str())
        );
        // Nobody else's dots are shown to a phone.
        let other = room_view(&j, Some("p1")).unwrap();
        assert!(
            other
                .groups
                .iter()
                .flat_map(|g| &g.cards)
                .all(|c| c.mine == 0)
        );
        j.workshop.rounds[0].closed = true;
        assert!(room_view(&j, None).is_none());
    }

    #[test]
    fn rounds_round_trip_through_the_file() {
        let mut j = journey_with_round(3);
        let a = milestone(&j, 0);
        cast(&mut j, "p1", a).unwrap();
        let text = serde_json::to_string(&j).unwrap();
        assert!(text.contains(r#""target":{"kind":"milestone""#));
        let back: Journey = serde_json::from_str(&text).unwrap();
        assert_eq!(back, j);
    }
}
