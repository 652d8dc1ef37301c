//! A journey in plain words, for people who never see the editor: "3 or more billing
//! cycles completed", "latest AR days at most 45", "logins on at least 10 different days
//! in the last 30 days". The playbook PDF reads these.

use super::model::{Aggregate, Channel, Criterion, Journey, Op, Trigger};
use super::vocabulary::{CHANNELS, triggers};

/// An event name as words: `billing_cycle_completed` → "billing cycle completed";
/// short words are read as acronyms (`ar_days` → "AR days").
pub fn event_words(event: &str) -> String {
    event
        .split(['_', '-', '.'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            const WORDS: [&str; 18] = [
                "at", "in", "on", "of", "to", "by", "is", "it", "or", "as", "be", "do", "go", "no",
                "up", "we", "me", "my",
            ];
            if w.len() == 2 && w.chars().all(|c| c.is_ascii_alphabetic()) && !WORDS.contains(&w) {
                w.to_ascii_uppercase()
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn plural(word: &str) -> String {
    if word.ends_with('s') || word.chars().all(|c| c.is_ascii_uppercase()) {
        word.to_owned()
    } else if let Some(stem) = word.strip_suffix('y')
        && !stem.ends_with(['a', 'e', 'o', 'u'])
    {
        format!("{stem}ies")
    } else if word.ends_with("ch") || word.ends_with("sh") || word.ends_with('x') {
        format!("{word}es")
    } else {
        format!("{word}s")
    }
}

/// The event counted as things: `billing_cycle_completed` → "billing cycles completed",
/// `login` → "logins", `report_shared` → "reports shared".
fn counted(event: &str) -> String {
    let mut words: Vec<String> = event_words(event).split(' ').map(str::to_owned).collect();
    let last = words.len().saturating_sub(1);
    // A participle closes a noun phrase ("cycle completed", "referral given", "invoice
    // paid"): the noun before it is what counts.
    let participle = |w: &str| {
        w.ends_with("ed")
            || w.ends_with("en")
            || [
                "sent", "built", "paid", "made", "done", "won", "held", "run", "set", "shown",
            ]
            .contains(&w)
    };
    let noun = if words.len() >= 2 && participle(&words[last]) {
        last - 1
    } else {
        last
    };
    if let Some(w) = words.get_mut(noun) {
        *w = plural(w);
    }
    words.join(" ")
}

/// A number as people write it: no ".0", at most two decimals.
pub fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn comparison(op: Op, v: &str) -> String {
    match op {
        Op::Ge => format!("at least {v}"),
        Op::Gt => format!("more than {v}"),
        Op::Le => format!("at most {v}"),
        Op::Lt => format!("less than {v}"),
        Op::Eq => format!("exactly {v}"),
    }
}

/// A criterion in plain words. A metric measuring the same event lends its name ("AR
/// days" rather than "ar days").
pub fn criterion_words(c: &Criterion, journey: &Journey) -> String {
    let v = number(c.value);
    let named = journey
        .metrics
        .iter()
        .find(|m| m.event == c.event)
        .map(|m| m.name.clone())
        .unwrap_or_else(|| event_words(&c.event));
    let rule = match c.aggregate {
        Aggregate::Count => {
            let things = counted(&c.event);
            match c.op {
                Op::Ge => format!("{v} or more {things}"),
                Op::Gt => format!("more than {v} {things}"),
                Op::Le => format!("at most {v} {things}"),
                Op::Lt => format!("fewer than {v} {things}"),
                Op::Eq => format!("exactly {v} {things}"),
            }
        }
        Aggregate::DistinctDays => {
            let days = if c.value == 1.0 {
                "day"
            } else {
                "different days"
            };
            let on = match c.op {
                Op::Ge => format!("on at least {v} {days}"),
                Op::Gt => format!("on more than {v} {days}"),
                Op::Le => format!("on at most {v} {days}"),
                Op::Lt => format!("on fewer than {v} {days}"),
                Op::Eq => format!("on exactly {v} {days}"),
            };
            format!("{} {on}", counted(&c.event))
        }
        Aggregate::Sum => format!("total {named} {}", comparison(c.op, &v)),
        Aggregate::Min => format!("lowest {named} {}", comparison(c.op, &v)),
        Aggregate::Max => format!("highest {named} {}", comparison(c.op, &v)),
        Aggregate::Last => format!("latest {named} {}", comparison(c.op, &v)),
    };
    match c.window_days {
        Some(1) => format!("{rule} in the last day"),
        Some(d) => format!("{rule} in the last {d} days"),
        None => rule,
    }
}

/// When an activity runs, in words, with the milestone or matrix named.
pub fn trigger_words(t: Option<&Trigger>, journey: &Journey) -> String {
    let kind = |k: &Trigger| {
        triggers()
            .into_iter()
            .find(|(x, _)| std::mem::discriminant(x) == std::mem::discriminant(k))
            .map(|(_, w)| w.to_owned())
            .unwrap_or_default()
    };
    match t {
        None => kind(&Trigger::Manual),
        Some(t @ (Trigger::Manual | Trigger::StageEntered | Trigger::HealthRed)) => kind(t),
        Some(Trigger::MilestoneReached { milestone }) => {
            let name = journey
                .milestones()
                .find(|(_, m)| &m.id == milestone)
                .map_or(milestone.as_str(), |(_, m)| m.name.as_str());
            format!("When “{name}” is reached")
        }
        Some(Trigger::Stuck { days }) => format!("Stuck more than {days} days"),
        Some(Trigger::Recurring { every_days }) => format!("Every {every_days} days"),
        Some(Trigger::InQuadrant { matrix, quadrant }) => {
            match journey.matrices.iter().find(|m| &m.id == matrix) {
                Some(m) => format!("In “{}” of {}", m.quadrant_name(*quadrant), m.name),
                None => format!("In a quadrant of {matrix}"),
            }
        }
    }
}

pub fn channel_words(c: Channel) -> &'static str {
    CHANNELS
        .iter()
        .find(|(x, _)| *x == c)
        .map_or("", |(_, w)| *w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(event: &str, aggregate: Aggregate, op: Op, value: f64, window: Option<u32>) -> Criterion {
        Criterion {
            event: event.into(),
            aggregate,
            op,
            value,
            window_days: window,
        }
    }

    #[test]
    fn criteria_read_as_a_person_would_say_them() {
        let mut j = crate::journey::templates::blank("x");
        let said = |j: &Journey, x: Criterion| criterion_words(&x, j);
        assert_eq!(
            said(
                &j,
                c(
                    "billing_cycle_completed",
                    Aggregate::Count,
                    Op::Ge,
                    3.0,
                    None
                )
            ),
            "3 or more billing cycles completed"
        );
        assert_eq!(
            said(
                &j,
                c("login", Aggregate::DistinctDays, Op::Ge, 10.0, Some(30))
            ),
            "logins on at least 10 different days in the last 30 days"
        );
        assert_eq!(
            said(&j, c("ar_days", Aggregate::Last, Op::Le, 45.0, None)),
            "latest AR days at most 45"
        );
        assert_eq!(
            said(
                &j,
                c("invoice_paid", Aggregate::Sum, Op::Gt, 1500.5, Some(1))
            ),
            "total invoice paid more than 1500.5 in the last day"
        );
        assert_eq!(
            said(&j, c("referral_given", Aggregate::Count, Op::Ge, 1.0, None)),
            "1 or more referrals given"
        );
        assert_eq!(
            said(&j, c("activity", Aggregate::Count, Op::Lt, 2.0, None)),
            "fewer than 2 activities"
        );
        // A metric on the event names it.
        j.metrics.push(crate::journey::Metric {
            id: "ar".into(),
            name: "Accounts-receivable days".into(),
            stage: String::new(),
            definition: None,
            event: "ar_days".into(),
            aggregate: Aggregate::Last,
            window_days: None,
            unit: None,
            target: None,
            direction: crate::journey::Direction::Lower,
            thresholds: None,
            value: None,
        });
        assert_eq!(
            said(&j, c("ar_days", Aggregate::Last, Op::Le, 45.0, None)),
            "latest Accounts-receivable days at most 45"
        );
    }
}
