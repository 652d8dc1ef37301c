//! The workshop summary: who attended, the agenda, the decisions, the notes the room
//! voted for most and the parking lot — as Markdown to paste into an email or a wiki (the
//! playbook PDF prints the same in its appendix).

use crate::journey::Journey;

/// Markdown special characters in a name are escaped, so a note reading `*urgent*` stays
/// those characters.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.split_whitespace().collect::<Vec<_>>().join(" ").chars() {
        if "\\`*_{}[]<>()#+-!|".contains(ch) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
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
    let mut voted: Vec<_> = journey.notes.iter().filter(|n| n.votes > 0).collect();
    voted.sort_by_key(|n| std::cmp::Reverse(n.votes));
    section(
        &mut md,
        "Most votes",
        voted
            .iter()
            .take(10)
            .map(|n| {
                let votes = if n.votes == 1 { "vote" } else { "votes" };
                format!("- {} ({} {votes})", text(&n.text), n.votes)
            })
            .collect(),
        "No votes were cast.",
    );
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
    use crate::journey::{Decision, NoteColor, Participant, StickyNote, templates};

    fn note(id: &str, text: &str, votes: u32, parked: bool) -> StickyNote {
        StickyNote {
            id: id.into(),
            text: text.into(),
            color: NoteColor::Yellow,
            x: 0.0,
            y: 0.0,
            votes,
            parked,
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
        assert!(md.starts_with("# Workshop summary: Billing SaaS — post\\-sales journey\n"));
        assert!(md.contains("## Who attended\n\n- Ana Ruiz\n"));
        assert!(md.contains("## Decisions\n\n- Onboarding ends at the \\*first\\* live cycle\n"));
        assert!(md.contains("## Most votes\n\n- Churn survey (4 votes)\n- Ask finance (1 vote)\n"));
        assert!(md.contains("## Parking lot\n\n- Pricing page\n"));
        assert!(md.contains("## Agenda\n\nNo agenda.\n"));
    }
}
