//! The workshop summary: who attended, the agenda, the decisions, the notes the room
//! voted for most and the parking lot — as Markdown to paste into an email or a wiki (the
//! playbook PDF prints the same in its appendix).

use crate::journey::{Journey, VoteRound, voting};

/// A name as Markdown text that reads as itself: a note reading `*urgent*` stays those
/// characters. Only what Markdown would act on is escaped — emphasis, code, links, HTML,
/// and at the start (each name starts a line or a list item) headings, quotes, list
/// markers — so "post-sales" and "Wrap-up" paste into an email or a chat unchanged.
fn text(s: &str) -> String {
    let chars: Vec<char> = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(s.len());
    for (i, &ch) in chars.iter().enumerate() {
        let (prev, next) = (
            i.checked_sub(1).and_then(|j| chars.get(j)),
            chars.get(i + 1),
        );
        let needs = match ch {
            '\\' | '`' | '*' | '[' | ']' | '<' => true,
            // Intraword underscores (snake_case) never make emphasis.
            '_' => !(word(prev) && word(next)),
            '~' => prev == Some(&'~') || next == Some(&'~'),
            '#' | '>' | '+' | '-' | '=' | '|' => i == 0,
            // "1." or "2)" at the start would number a list.
            '.' | ')' => i > 0 && chars[..i].iter().all(char::is_ascii_digit),
            _ => false,
        };
        if needs {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

fn dots(n: u32) -> String {
    format!("{n} {}", if n == 1 { "dot" } else { "dots" })
}

/// A round's ten most-voted cards, as numbered Markdown lines: "1. Go-live (5 dots: Ana 3,
/// Ben 2)". Names are left out of an anonymous round.
fn top_voted(journey: &Journey, round: &VoteRound) -> Vec<String> {
    voting::tally(journey, round)
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, t)| {
            let by: Vec<String> =
                t.by.iter()
                    .map(|(n, k)| format!("{} {k}", text(n)))
                    .collect();
            let by = if by.is_empty() {
                String::new()
            } else {
                format!(": {}", by.join(", "))
            };
            format!("{}. {} ({}{by})", i + 1, text(&t.name), dots(t.dots))
        })
        .collect()
}

/// The summary of `journey`'s workshop as Markdown.
pub fn summary_markdown(journey: &Journey, generated: &str) -> String {
    let mut md = format!(
        "# Workshop summary: {}\n\n_{generated}_\n",
        text(&journey.name)
    );
    let w = &journey.workshop;
    let section = |md: &mut String, title: &str, lines: Vec<String>, empty: &str| {
        md.push_str(&format!("\n## {title}\n\n"));
        if lines.is_empty() {
            md.push_str(&format!("{empty}\n"));
        }
        for l in lines {
            md.push_str(&l);
            md.push('\n');
        }
    };
    section(
        &mut md,
        "Who attended",
        w.participants
            .iter()
            .map(|p| format!("- {}", text(&p.name)))
            .collect(),
        "Nobody was listed.",
    );
    section(
        &mut md,
        "Agenda",
        journey
            .agenda
            .iter()
            .enumerate()
            .map(|(i, s)| format!("{}. {} — {} min", i + 1, text(&s.title), s.minutes))
            .collect(),
        "No agenda.",
    );
    section(
        &mut md,
        "Decisions",
        w.decisions
            .iter()
            .map(|d| format!("- {}", text(&d.text)))
            .collect(),
        "No decisions were recorded.",
    );
    for (i, round) in w.rounds.iter().enumerate() {
        let open = if round.closed { "" } else { " (still open)" };
        section(
            &mut md,
            &format!("Round {}{open}: {}", i + 1, text(&round.question)),
            top_voted(journey, round),
            "No dots were placed.",
        );
    }
    let mut voted: Vec<_> = journey.notes.iter().filter(|n| n.votes > 0).collect();
    voted.sort_by_key(|n| std::cmp::Reverse(n.votes));
    if !voted.is_empty() || w.rounds.is_empty() {
        section(
            &mut md,
            if w.rounds.is_empty() {
                "Most votes"
            } else {
                "Votes counted by hand"
            },
            voted
                .iter()
                .take(10)
                .map(|n| format!("- {} ({})", text(&n.text), dots(n.votes)))
                .collect(),
            "No votes were cast.",
        );
    }
    section(
        &mut md,
        "Parking lot",
        journey
            .notes
            .iter()
            .filter(|n| n.parked)
            .map(|n| format!("- {}", text(&n.text)))
            .collect(),
        "Nothing was parked.",
    );
    md
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{
        Decision, NoteColor, Participant, StickyNote, Vote, VoteKind, VoteRound, VoteTarget,
        templates,
    };

    fn note(id: &str, text: &str, votes: u32, parked: bool) -> StickyNote {
        StickyNote {
            id: id.into(),
            text: text.into(),
            color: NoteColor::Yellow,
            x: 0.0,
            y: 0.0,
            votes,
            parked,
            author: None,
        }
    }

    #[test]
    fn the_summary_lists_who_came_what_was_decided_voted_and_parked() {
        let mut j = templates::get("billing-saas").unwrap();
        j.workshop.participants = vec![Participant {
            id: "p1".into(),
            name: "Ana Ruiz".into(),
            color: "#4338ca".into(),
        }];
        j.workshop.decisions = vec![Decision {
            id: "d1".into(),
            text: "Onboarding ends at the *first* live cycle".into(),
        }];
        j.notes = vec![
            note("a", "Ask finance", 1, false),
            note("b", "Churn survey", 4, false),
            note("c", "Pricing page", 0, true),
        ];
        let md = summary_markdown(&j, "3 December 2026");
        assert!(md.starts_with("# Workshop summary: Billing SaaS — post-sales journey\n"));
        assert!(md.contains("## Who attended\n\n- Ana Ruiz\n"));
        assert!(md.contains("## Decisions\n\n- Onboarding ends at the \\*first\\* live cycle\n"));
        assert!(md.contains("## Most votes\n\n- Churn survey (4 dots)\n- Ask finance (1 dot)\n"));
        assert!(md.contains("## Parking lot\n\n- Pricing page\n"));
        assert!(md.contains("## Agenda\n\nNo agenda.\n"));
    }

    #[test]
    fn names_escape_only_what_markdown_would_act_on() {
        for (name, md) in [
            ("Wrap-up", "Wrap-up"),
            ("Post-sales (v2) — 50% done!", "Post-sales (v2) — 50% done!"),
            ("snake_case_id", "snake_case_id"),
            ("*urgent*", "\\*urgent\\*"),
            ("_maybe_", "\\_maybe\\_"),
            ("# not a heading", "\\# not a heading"),
            ("- not a list", "\\- not a list"),
            ("> not a quote", "\\> not a quote"),
            ("1. not numbered", "1\\. not numbered"),
            ("Q1. Plan", "Q1. Plan"),
            ("[link](http://x)", "\\[link\\](http://x)"),
            ("<b>bold</b>", "\\<b>bold\\</b>"),
            ("`code`", "\\`code\\`"),
            ("~~gone~~ ~5 days", "\\~\\~gone\\~\\~ ~5 days"),
            ("a \\ b", "a \\\\ b"),
        ] {
            assert_eq!(text(name), md, "{name}");
        }
    }

    #[test]
    fn the_summary_lists_each_rounds_top_voted_cards() {
        let mut j = templates::get("billing-saas").unwrap();
        j.workshop.participants = ["Ana", "Ben"]
            .iter()
            .enumerate()
            .map(|(i, n)| Participant {
                id: format!("p{i}"),
                name: (*n).into(),
                color: "#4338ca".into(),
            })
            .collect();
        let round = |id: &str, anonymous: bool, closed: bool| VoteRound {
            id: id.into(),
            question: format!("Question {id}"),
            dots: 3,
            anonymous,
            closed,
            votes: vec![],
        };
        j.workshop.rounds = vec![round("r1", false, true), round("r2", true, false)];
        let stage = |k: usize| VoteTarget {
            kind: VoteKind::Stage,
            id: j.stages[k].id.clone(),
        };
        let (first, second) = (stage(0), stage(1));
        let names = (j.stages[0].name.clone(), j.stages[1].name.clone());
        let vote = |p: &str, t: &VoteTarget| Vote {
            participant: p.into(),
            target: t.clone(),
        };
        j.workshop.rounds[0].votes =
            vec![vote("p1", &second), vote("p0", &first), vote("p0", &second)];
        j.workshop.rounds[1].votes = vec![vote("p1", &first)];
        let md = summary_markdown(&j, "3 December 2026");
        assert!(
            md.contains(&format!(
                "## Round 1: Question r1\n\n1. {} (2 dots: Ben 1, Ana 1)\n2. {} (1 dot: Ana 1)\n",
                names.1, names.0
            )),
            "{md}"
        );
        assert!(
            md.contains(&format!(
                "## Round 2 (still open): Question r2\n\n1. {} (1 dot)\n",
                names.0
            )),
            "{md}"
        );
        assert!(!md.contains("Most votes"));
    }
}
