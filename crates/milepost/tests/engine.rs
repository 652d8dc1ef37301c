//! The assessment engine against the exact semantics of `docs/SEMANTICS.md`: unit cases for
//! every aggregate, operator and edge, and a property test against a deliberately simple
//! reference implementation.

use milepost::engine::{Customer, Dataset, Filter, assess, cutoff_of_day, funnel};
use milepost::journey::{Aggregate, Criterion, Journey, Milestone, Op, Stage};

const DAY: i64 = 86_400;

fn criterion(
    event: &str,
    aggregate: Aggregate,
    op: Op,
    value: f64,
    window: Option<u32>,
) -> Criterion {
    Criterion {
        event: event.into(),
        aggregate,
        op,
        value,
        window_days: window,
    }
}

fn milestone(id: &str, criteria: Vec<Criterion>) -> Milestone {
    Milestone {
        id: id.into(),
        name: id.into(),
        description: None,
        first_value: false,
        criteria,
        tasks: vec![],
    }
}

fn journey(stages: Vec<Vec<Milestone>>) -> Journey {
    Journey {
        name: "J".into(),
        description: None,
        stages: stages
            .into_iter()
            .enumerate()
            .map(|(i, milestones)| Stage {
                id: format!("s{i}"),
                name: format!("S{i}"),
                desired_outcome: None,
                entry_requirements: None,
                expected_days: None,
                milestones,
                health: None,
            })
            .collect(),
        roles: vec![],
        activities: vec![],
        metrics: vec![],
        matrices: vec![],
        notes: vec![],
        agenda: vec![],
        workshop: Default::default(),
        peers: None,
        phases: vec![],
        capabilities: vec![],
        adoption_share: None,
    }
}

fn customers(n: usize) -> Vec<Customer> {
    (0..n)
        .map(|i| Customer {
            id: format!("C{i}"),
            start: Some(0),
            ..Customer::default()
        })
        .collect()
}

/// A "logins" metric (count of `login` events, higher is better) with green and red
/// thresholds, for stage `stage`.
fn logins(stage: &str, window: Option<u32>, green: f64, red: f64) -> milepost::journey::Metric {
    milepost::journey::Metric {
        id: "logins".into(),
        name: if window.is_some() {
            "Logins (7 d)"
        } else {
            "Logins"
        }
        .into(),
        stage: stage.into(),
        definition: None,
        event: "login".into(),
        aggregate: Aggregate::Count,
        window_days: window,
        unit: None,
        target: None,
        direction: milepost::journey::Direction::Higher,
        thresholds: Some(milepost::journey::Thresholds { green, red }),
        value: None,
    }
}

/// Reached times of customer 0 for a one-stage journey.
fn reached(
    milestones: Vec<Milestone>,
    events: &[(i64, &str, f64)],
    as_of_day: i64,
) -> Vec<Option<i64>> {
    let j = journey(vec![milestones]);
    let ev: Vec<(usize, i64, &str, f64)> = events.iter().map(|&(t, n, v)| (0, t, n, v)).collect();
    let data = Dataset::new(customers(1), &ev);
    let a = assess(&j, &data, cutoff_of_day(as_of_day * DAY));
    (0..a.milestones.len())
        .map(|k| a.reached_at(0, k))
        .collect()
}

use Aggregate::*;
use Op::*;

#[test]
fn every_aggregate_and_operator() {
    let ev = [
        (DAY, "e", 5.0),
        (2 * DAY, "e", 2.0),
        (2 * DAY + 60, "e", 7.0),
        (5 * DAY, "e", 4.0),
    ];
    let t = |a, op, v| {
        reached(
            vec![milestone("m", vec![criterion("e", a, op, v, None)])],
            &ev,
            30,
        )[0]
    };
    assert_eq!(t(Count, Ge, 3.0), Some(2 * DAY + 60));
    assert_eq!(t(Count, Gt, 3.0), Some(5 * DAY));
    assert_eq!(t(Count, Eq, 2.0), Some(2 * DAY));
    assert_eq!(t(Count, Lt, 2.0), Some(DAY));
    assert_eq!(
        t(Count, Le, 0.0),
        None,
        "never at an event time with no events"
    );
    assert_eq!(t(Sum, Ge, 14.0), Some(2 * DAY + 60));
    assert_eq!(t(Min, Le, 2.0), Some(2 * DAY));
    assert_eq!(t(Max, Ge, 7.0), Some(2 * DAY + 60));
    assert_eq!(t(Last, Eq, 4.0), Some(5 * DAY));
    assert_eq!(t(Last, Lt, 3.0), Some(2 * DAY));
    assert_eq!(t(DistinctDays, Ge, 3.0), Some(5 * DAY));
}

#[test]
fn windows_include_exactly_n_days_back_excluding_the_edge() {
    // Window of 2 days at t covers (t - 2 days, t].
    let m = |n| vec![milestone("m", vec![criterion("e", Count, Ge, n, Some(2))])];
    let ev = [(0, "e", 1.0), (2 * DAY, "e", 1.0)];
    assert_eq!(
        reached(m(2.0), &ev, 30)[0],
        None,
        "the event exactly 2 days back is out"
    );
    let ev = [(0, "e", 1.0), (2 * DAY - 1, "e", 1.0)];
    assert_eq!(reached(m(2.0), &ev, 30)[0], Some(2 * DAY - 1));
    // Min over a window forgets what fell out of it.
    let ev = [(0, "e", 1.0), (3 * DAY, "e", 9.0)];
    let min = vec![milestone("m", vec![criterion("e", Min, Ge, 5.0, Some(2))])];
    assert_eq!(reached(min, &ev, 30)[0], Some(3 * DAY));
}

#[test]
fn ties_last_follows_file_order_and_same_time_events_all_count() {
    let ev = [(DAY, "e", 3.0), (DAY, "e", 8.0)];
    let last = |v| {
        reached(
            vec![milestone("m", vec![criterion("e", Last, Eq, v, None)])],
            &ev,
            30,
        )[0]
    };
    assert_eq!(last(8.0), Some(DAY));
    assert_eq!(
        last(3.0),
        None,
        "the later row at the same time is the latest"
    );
    let two = reached(
        vec![milestone("m", vec![criterion("e", Count, Ge, 2.0, None)])],
        &ev,
        30,
    );
    assert_eq!(two[0], Some(DAY));
}

#[test]
fn all_criteria_must_hold_together_and_milestones_are_a_strict_sequence() {
    let ev = [(DAY, "a", 1.0), (3 * DAY, "b", 1.0), (4 * DAY, "a", 1.0)];
    let both = milestone(
        "m1",
        vec![
            criterion("a", Count, Ge, 2.0, None),
            criterion("b", Count, Ge, 1.0, None),
        ],
    );
    assert_eq!(reached(vec![both.clone()], &ev, 30), [Some(4 * DAY)]);
    // m2 on its own holds at day 1, but is reached only once m1 is (day 4).
    let m2 = milestone("m2", vec![criterion("a", Count, Ge, 1.0, None)]);
    assert_eq!(
        reached(vec![both.clone(), m2.clone()], &ev, 30),
        [Some(4 * DAY), Some(4 * DAY)]
    );
    // Never past a milestone not reached.
    let never = milestone("never", vec![criterion("zzz", Count, Ge, 1.0, None)]);
    assert_eq!(reached(vec![never, m2.clone()], &ev, 30), [None, None]);
    // A milestone with no criteria is never reached.
    assert_eq!(reached(vec![milestone("empty", vec![])], &ev, 30), [None]);
}

#[test]
fn events_after_the_as_of_day_do_not_count_and_the_day_counts_whole() {
    let ev = [
        (DAY, "e", 1.0),
        (10 * DAY + DAY - 1, "e", 1.0),
        (11 * DAY, "e", 1.0),
    ];
    let m = || vec![milestone("m", vec![criterion("e", Count, Ge, 2.0, None)])];
    assert_eq!(
        reached(m(), &ev, 10)[0],
        Some(11 * DAY - 1),
        "23:59:59 of the as-of day counts"
    );
    let m3 = || vec![milestone("m", vec![criterion("e", Count, Ge, 3.0, None)])];
    assert_eq!(reached(m3(), &ev, 10)[0], None);
    assert_eq!(reached(m3(), &ev, 11)[0], Some(11 * DAY));
    assert_eq!(reached(m(), &[], 10)[0], None, "a customer without events");
}

#[test]
fn the_funnel_counts_conversion_days_churn_and_the_bottleneck() {
    let j = journey(vec![
        vec![milestone("m1", vec![criterion("a", Count, Ge, 1.0, None)])],
        vec![milestone("m2", vec![criterion("b", Count, Ge, 1.0, None)])],
    ]);
    let mut cs = customers(4);
    cs[2].churn = Some(20 * DAY); // churned at m1
    cs[3].churn = Some(5 * DAY); // churned before any milestone
    let ev = [
        (0, DAY, "a", 1.0),
        (0, 3 * DAY, "b", 1.0),
        (1, 2 * DAY, "a", 1.0),
        (1, 6 * DAY + DAY / 2, "b", 1.0),
        (2, 4 * DAY, "a", 1.0),
    ];
    let data = Dataset::new(cs, &ev);
    let a = assess(&j, &data, cutoff_of_day(30 * DAY));
    let f = funnel("J", &data, &a, &Filter::default());
    assert_eq!(f.as_of, "1970-01-31");
    assert_eq!(f.customers, 4);
    let m1 = &f.milestones[0];
    assert_eq!((m1.reached, m1.conversion_from_previous), (3, Some(0.75)));
    assert_eq!(m1.median_days_from_start, Some(2.0));
    assert_eq!(m1.p75_days_from_start, Some(3.0));
    assert_eq!((m1.churned, m1.churn_rate), (1, Some(1.0)));
    let m2 = &f.milestones[1];
    assert_eq!(
        (m2.reached, m2.conversion_from_previous),
        (2, Some(2.0 / 3.0))
    );
    assert_eq!(m2.conversion_from_start, Some(0.5));
    assert_eq!(
        m2.median_days_from_start,
        Some(4.75),
        "mean of the middle two, decimal days"
    );
    assert_eq!(m2.median_days_from_previous, Some(3.25));
    assert_eq!((f.not_started, f.not_started_churned), (1, 1));
    assert_eq!(f.bottleneck.as_deref(), Some("m2"));
}

mod reference {
    //! The funnel semantics written the plainest way: rescan everything at every step.
    use super::*;
    use proptest::prelude::*;

    fn holds(c: &Criterion, events: &[(i64, String, f64)], t: i64) -> bool {
        let w = c.window_days.map(|d| i64::from(d) * DAY);
        let xs: Vec<(i64, f64)> = events
            .iter()
            .filter(|(at, n, _)| *n == c.event && *at <= t && w.is_none_or(|w| *at > t - w))
            .map(|(at, _, v)| (*at, *v))
            .collect();
        let v = match c.aggregate {
            Count => Some(xs.len() as f64),
            Sum => Some(xs.iter().map(|x| x.1).sum()),
            Min => xs.iter().map(|x| x.1).reduce(f64::min),
            Max => xs.iter().map(|x| x.1).reduce(f64::max),
            // The latest time; among equal times the last in file order.
            Last => xs
                .iter()
                .fold(None, |best: Option<(i64, f64)>, x| match best {
                    Some(b) if b.0 > x.0 => Some(b),
                    _ => Some(*x),
                })
                .map(|x| x.1),
            DistinctDays => {
                let mut days: Vec<i64> = xs.iter().map(|x| x.0.div_euclid(DAY)).collect();
                days.sort();
                days.dedup();
                Some(days.len() as f64)
            }
        };
        v.is_some_and(|v| milepost::engine::assess::compare(c.op, v, c.value))
    }

    pub fn reached(j: &Journey, events: &[(i64, String, f64)], cutoff: i64) -> Vec<Option<i64>> {
        let events: Vec<_> = events.iter().filter(|e| e.0 <= cutoff).cloned().collect();
        let mut out = Vec::new();
        let mut previous: Option<Option<i64>> = None;
        for m in j.stages.iter().flat_map(|s| &s.milestones) {
            let mut times: Vec<i64> = events
                .iter()
                .filter(|e| m.criteria.iter().any(|c| c.event == e.1))
                .map(|e| e.0)
                .collect();
            times.sort();
            let own = if m.criteria.is_empty() {
                None
            } else {
                times
                    .into_iter()
                    .find(|&t| m.criteria.iter().all(|c| holds(c, &events, t)))
            };
            let r = match previous {
                None => own,
                Some(None) => None,
                Some(Some(p)) => own.map(|o| o.max(p)),
            };
            out.push(r);
            previous = Some(r);
        }
        out
    }

    fn arb_criterion() -> impl Strategy<Value = Criterion> {
        (
            prop::sample::select(vec!["a", "b", "c"]),
            prop::sample::select(vec![Count, Sum, Min, Max, Last, DistinctDays]),
            prop::sample::select(vec![Ge, Gt, Le, Lt, Eq]),
            0u8..6,
            prop::option::of(1u32..4),
        )
            .prop_map(|(e, a, op, v, w)| criterion(e, a, op, f64::from(v), w))
    }

    fn arb_journey() -> impl Strategy<Value = Journey> {
        prop::collection::vec(
            prop::collection::vec(prop::collection::vec(arb_criterion(), 0..3), 1..3),
            1..3,
        )
        .prop_map(|stages| {
            let mut k = 0;
            journey(
                stages
                    .into_iter()
                    .map(|ms| {
                        ms.into_iter()
                            .map(|cs| {
                                k += 1;
                                milestone(&format!("m{k}"), cs)
                            })
                            .collect()
                    })
                    .collect(),
            )
        })
    }

    /// Events on a coarse clock so that ties and window edges happen often.
    fn arb_events() -> impl Strategy<Value = Vec<(usize, i64, String, f64)>> {
        prop::collection::vec(
            (
                0usize..3,
                (0i64..12).prop_map(|h| h * DAY / 2),
                prop::sample::select(vec!["a", "b", "c", "d"]),
                prop::sample::select(vec![0.0, 1.0, 2.0, 2.5, 5.0]),
            )
                .prop_map(|(c, t, n, v)| (c, t, n.to_owned(), v)),
            0..40,
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn the_engine_agrees_with_the_reference(j in arb_journey(), events in arb_events(), as_of in 0i64..7) {
            let refs: Vec<(usize, i64, &str, f64)> =
                events.iter().map(|(c, t, n, v)| (*c, *t, n.as_str(), *v)).collect();
            let data = Dataset::new(customers(3), &refs);
            let cutoff = cutoff_of_day(as_of * DAY);
            let a = assess(&j, &data, cutoff);
            for c in 0..3 {
                let mine: Vec<_> = events.iter().filter(|e| e.0 == c).map(|e| (e.1, e.2.clone(), e.3)).collect();
                let expected = reference::reached(&j, &mine, cutoff);
                let got: Vec<_> = (0..a.milestones.len()).map(|k| a.reached_at(c, k)).collect();
                prop_assert_eq!(got, expected, "customer {}", c);
            }
        }

        /// Editing criteria with the own times of the journey as it was cached gives what
        /// assessing the edited journey from nothing gives: nothing stale is kept.
        #[test]
        fn an_edit_assessed_with_cached_milestones_is_assessed_exactly(
            before in arb_journey(),
            after in arb_journey(),
            events in arb_events(),
            as_of in 0i64..7,
        ) {
            let refs: Vec<(usize, i64, &str, f64)> =
                events.iter().map(|(c, t, n, v)| (*c, *t, n.as_str(), *v)).collect();
            let data = Dataset::new(customers(3), &refs);
            let cutoff = cutoff_of_day(as_of * DAY);
            let cache = milepost::engine::OwnTimes::default();
            prop_assert_eq!(milepost::engine::assess_cached(&before, &data, cutoff, &cache), assess(&before, &data, cutoff));
            // The edit keeps some milestones as they were: the first of `before`'s, say.
            let mut edited = after.clone();
            edited.stages[0].milestones[0].criteria = before.stages[0].milestones[0].criteria.clone();
            for j in [&after, &edited, &before] {
                prop_assert_eq!(milepost::engine::assess_cached(j, &data, cutoff, &cache), assess(j, &data, cutoff));
            }
        }
    }
}

#[test]
fn health_colours_from_days_in_stage_and_metric_thresholds_worst_wins() {
    use milepost::engine::{Health, health};
    use milepost::journey::HealthRules;
    let mut j = journey(vec![vec![milestone(
        "m",
        vec![criterion("never", Count, Ge, 1.0, None)],
    )]]);
    j.stages[0].expected_days = Some(10);
    j.stages[0].health = Some(HealthRules {
        grey_after_percent: Some(100),
        red_after_percent: Some(150),
        metrics: vec!["logins".into()],
        green_action: Some("celebrate".into()),
        grey_action: Some("nudge".into()),
        red_action: Some("call".into()),
    });
    j.metrics.push(logins("s0", Some(7), 3.0, 1.0));
    let cutoff = cutoff_of_day(20 * DAY);
    // Three logins in the last 7 days: the metric is green.
    let busy = [
        (18 * DAY, "login", 1.0),
        (19 * DAY, "login", 1.0),
        (20 * DAY, "login", 1.0),
    ];
    let ev: Vec<(usize, i64, &str, f64)> = busy.iter().map(|&(t, n, v)| (0, t, n, v)).collect();
    let data = Dataset::new(customers(2), &ev);
    let colour =
        |c, days| health(&j, &data, c, 0, Some(days), cutoff).map(|h| (h.colour, h.action));
    assert_eq!(
        colour(0, 5.0),
        Some((Health::Green, Some("celebrate".into())))
    );
    assert_eq!(
        colour(0, 12.0),
        Some((Health::Grey, Some("nudge".into()))),
        "past 100 % of 10 days"
    );
    assert_eq!(
        colour(0, 16.0),
        Some((Health::Red, Some("call".into()))),
        "past 150 %"
    );
    // No logins in the window: the metric is red, whatever the days say.
    assert_eq!(colour(1, 1.0).map(|c| c.0), Some(Health::Red));
    let h = health(&j, &data, 1, 0, Some(1.0), cutoff).unwrap();
    assert_eq!(h.reasons, ["1 day in S0 (expected 10)", "Logins (7 d) 0"]);
    // Only the last 7 days count: logins 8 days back no longer do.
    let old = [
        (12 * DAY, "login", 1.0),
        (12 * DAY, "login", 1.0),
        (12 * DAY, "login", 1.0),
    ];
    let ev: Vec<(usize, i64, &str, f64)> = old.iter().map(|&(t, n, v)| (0, t, n, v)).collect();
    let data = Dataset::new(customers(1), &ev);
    assert_eq!(
        health(&j, &data, 0, 0, Some(1.0), cutoff).unwrap().colour,
        Health::Red
    );
    // A stage without rules has no health.
    j.stages[0].health = None;
    assert!(health(&j, &data, 0, 0, Some(1.0), cutoff).is_none());
}

#[test]
fn rules_create_tasks_for_the_role_owned_by_the_customer_owner() {
    use milepost::engine::{Priority, dry_run, tasks};
    use milepost::journey::{Activity, Role, Trigger};
    let mut j = journey(vec![
        vec![milestone("m1", vec![criterion("a", Count, Ge, 1.0, None)])],
        vec![milestone("m2", vec![criterion("b", Count, Ge, 1.0, None)])],
    ]);
    j.roles.push(Role {
        id: "csm".into(),
        name: "CSM".into(),
        description: None,
        stages: vec![],
    });
    let play = |id: &str, stage: &str, trigger: Trigger| Activity {
        id: id.into(),
        name: id.into(),
        description: None,
        stage: stage.into(),
        role: Some("csm".into()),
        milestones: vec![],
        trigger: Some(trigger),
        channel: None,
        effort: None,
    };
    j.activities = vec![
        play(
            "congrats",
            "s0",
            Trigger::MilestoneReached {
                milestone: "m1".into(),
            },
        ),
        play("welcome", "s1", Trigger::StageEntered),
        play("ebr", "s1", Trigger::Stuck { days: 10 }),
        play("checkin", "s1", Trigger::Recurring { every_days: 7 }),
        play("kickoff", "s0", Trigger::Manual),
    ];
    let mut cs = customers(3);
    for c in &mut cs {
        c.owner = Some("Ana".into());
    }
    cs[2].churn = Some(5 * DAY);
    // C0 reaches m1 on day 20 and then nothing; C1 reaches both; C2 churned.
    let ev = [
        (0, 20 * DAY, "a", 1.0),
        (1, 21 * DAY, "a", 1.0),
        (1, 22 * DAY, "b", 1.0),
        (2, DAY, "a", 1.0),
    ];
    let data = Dataset::new(cs, &ev);
    let a = assess(&j, &data, cutoff_of_day(30 * DAY));
    let list = tasks(&j, &data, &none(), &a, &Filter::default(), 14);
    let got: Vec<(&str, &str, &str, Priority)> = list
        .iter()
        .map(|t| {
            (
                t.customer.as_str(),
                t.activity.as_str(),
                t.created.as_str(),
                t.priority,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("C0", "ebr", "1970-01-31", Priority::High),
            ("C0", "congrats", "1970-01-21", Priority::Medium),
            ("C0", "welcome", "1970-01-21", Priority::Medium),
            ("C1", "congrats", "1970-01-22", Priority::Medium),
            ("C1", "welcome", "1970-01-22", Priority::Medium),
            ("C0", "checkin", "1970-01-28", Priority::Low),
            // Past the last milestone a customer stays in the last stage.
            ("C1", "checkin", "1970-01-29", Priority::Low),
        ]
    );
    let ebr = &list[0];
    assert_eq!(ebr.reason, "No progress for 10 days since “m1”");
    assert_eq!(
        (ebr.due.as_str(), ebr.role.as_deref(), ebr.owner.as_deref()),
        ("1970-02-02", Some("CSM"), Some("Ana"))
    );
    // The dry run counts them per owner and week, against the role's capacity. Its weeks
    // are the seven days ending on the as-of day (Saturday 31 January), so its last week
    // holds exactly the tasks of the last 7 days.
    let caps = [("CSM".to_owned(), 3)].into();
    let weeks = dry_run(&j, &data, &none(), &a, &Filter::default(), 3, &caps);
    let total: u64 = weeks.iter().map(|w| w.tasks).sum();
    assert_eq!(total, 7, "{weeks:?}");
    let got: Vec<(&str, u64, bool)> = weeks
        .iter()
        .map(|w| (w.week.as_str(), w.tasks, w.over))
        .collect();
    assert_eq!(got, [("1970-01-18", 4, true), ("1970-01-25", 3, false)]);
    assert_eq!(
        tasks(&j, &data, &none(), &a, &Filter::default(), 7).len() as u64,
        weeks[1].tasks
    );
}

#[test]
fn csv_cells_never_start_a_formula() {
    use milepost::data::safe_cell;
    assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(safe_cell("+1"), "'+1");
    assert_eq!(safe_cell("@sum"), "'@sum");
    assert_eq!(safe_cell("-2+3"), "'-2+3");
    assert_eq!(safe_cell("-A1"), "'-A1");
    assert_eq!(safe_cell("-"), "'-");
    assert_eq!(safe_cell("-2."), "'-2.");
    // A negative number stays a number a spreadsheet can sum.
    assert_eq!(safe_cell("-2"), "-2");
    assert_eq!(safe_cell("-0.6"), "-0.6");
    assert_eq!(safe_cell("Blue Motors"), "Blue Motors");
}

#[test]
fn the_forecast_moves_customers_in_flight_through_the_observed_step_times() {
    use milepost::engine::{backtest, forecast};
    let j = journey(vec![vec![
        milestone("m1", vec![criterion("a", Count, Ge, 1.0, None)]),
        milestone("m2", vec![criterion("b", Count, Ge, 1.0, None)]),
    ]]);
    // Ten customers took exactly 5 days from their start to m1 and then reached m2 the
    // same moment; four started at the beginning of the day before the as-of day.
    let mut cs = customers(14);
    let mut ev = Vec::new();
    for (c, cust) in cs.iter_mut().enumerate() {
        if c < 10 {
            cust.start = Some(0);
            ev.push((c, 5 * DAY, "a", 1.0));
            ev.push((c, 5 * DAY, "b", 1.0));
        } else {
            cust.start = Some(98 * DAY);
        }
    }
    let data = Dataset::new(cs, &ev);
    let a = assess(&j, &data, cutoff_of_day(99 * DAY));
    let f = |days| {
        forecast(&data, &a, &Filter::default(), days)
            .milestones
            .iter()
            .map(|m| m.expected)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        forecast(&data, &a, &Filter::default(), 3).milestones[0].in_flight,
        4
    );
    // They reach m1 five days after their start (day 103), just after 3 days from the end
    // of the as-of day (day 99): not within 3 days, within 4; m2 the same day.
    assert_eq!(f(3), [0.0, 0.0]);
    assert_eq!(f(4), [4.0, 4.0]);

    // Back-tested at day 99 for 10 days: what the events after it show.
    let mut ev2 = ev.clone();
    for c in 10..14 {
        ev2.push((c, 103 * DAY, "a", 1.0));
    }
    let mut cs2 = customers(14);
    for (c, cust) in cs2.iter_mut().enumerate() {
        cust.start = Some(if c < 10 { 0 } else { 98 * DAY });
    }
    let data2 = Dataset::new(cs2, &ev2);
    let b = backtest(&j, &data2, cutoff_of_day(99 * DAY), &Filter::default(), 10);
    let got: Vec<(f64, u64)> = b
        .milestones
        .iter()
        .map(|m| (m.forecast, m.actual))
        .collect();
    assert_eq!(got, [(4.0, 4), (4.0, 0)]);
    assert_eq!(b.mean_absolute_error, 2.0);
    assert_eq!(b.weighted_error, Some(1.0));
}

#[test]
fn cohorts_share_of_each_start_month_reaching_milestones_within_days() {
    use milepost::engine::cohorts;
    let j = journey(vec![vec![milestone(
        "m1",
        vec![criterion("a", Count, Ge, 1.0, None)],
    )]]);
    let mut cs = customers(3);
    cs[0].start = Some(0); // January 1970
    cs[1].start = Some(10 * DAY);
    cs[2].start = Some(40 * DAY); // February
    let ev = [
        (0, 20 * DAY, "a", 1.0),
        (1, 100 * DAY, "a", 1.0),
        (2, 41 * DAY, "a", 1.0),
    ];
    let data = Dataset::new(cs, &ev);
    let a = assess(&j, &data, cutoff_of_day(120 * DAY));
    let rows = cohorts(&data, &a, &Filter::default());
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].month.as_str(), rows[0].customers), ("1970-01", 2));
    // C0 took 20 days, C1 90 days: half within 30 and 60 days, all within 90.
    assert_eq!(rows[0].share[0], [0.5, 0.5, 1.0, 1.0]);
    assert_eq!(rows[0].complete, [true, true, true, false]);
    assert_eq!(rows[1].share[0], [1.0, 1.0, 1.0, 1.0]);
}

#[test]
fn a_funnel_as_of_a_date_counts_only_the_customers_started_by_then() {
    use milepost::engine::{cohorts, customer_states, forecast};
    let j = journey(vec![vec![milestone(
        "m1",
        vec![criterion("a", Count, Ge, 1.0, None)],
    )]]);
    // C0 and C1 started on day 0, C2 on day 50; C3 has no start date and its first event
    // on day 40, so it counts from day 40.
    let mut cs = customers(4);
    cs[2].start = Some(50 * DAY);
    cs[3].start = None;
    let ev = [
        (0, 5 * DAY, "a", 1.0),
        (2, 55 * DAY, "a", 1.0),
        (3, 40 * DAY + 3600, "x", 1.0),
        (3, 60 * DAY, "a", 1.0),
    ];
    let data = Dataset::new(cs, &ev);
    let all = Filter::default();
    let at = |day: i64| assess(&j, &data, cutoff_of_day(day * DAY));
    // As of day 30 only C0 and C1 had started: M1 converted one of two, not one of four.
    let a = at(30);
    let f = funnel("J", &data, &a, &all);
    assert_eq!((f.customers, f.not_started), (2, 1));
    assert_eq!(f.milestones[0].conversion_from_start, Some(0.5));
    let ids = |a: &milepost::engine::Assessment| -> Vec<String> {
        customer_states(&j, &data, a, &all)
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    assert_eq!(ids(&a), ["C0", "C1"]);
    assert_eq!(
        cohorts(&data, &a, &all)
            .iter()
            .map(|r| r.customers)
            .sum::<u64>(),
        2
    );
    assert_eq!(forecast(&data, &a, &all, 30).milestones[0].in_flight, 1);
    // C3 joins on the day of its first event.
    assert_eq!(ids(&at(39)), ["C0", "C1"]);
    assert_eq!(ids(&at(40)), ["C0", "C1", "C3"]);
    // Before anybody started nobody is in the funnel, not even as "not started".
    let f = funnel("J", &data, &at(-1), &all);
    assert_eq!((f.customers, f.not_started), (0, 0));
    assert_eq!(f.milestones[0].conversion_from_start, None);
    // Later, everyone.
    let f = funnel("J", &data, &at(70), &all);
    assert_eq!((f.customers, f.milestones[0].reached), (4, 3));
}

/// A one-stage journey whose stage turns red after 10 days (expected 10, red past 100 %),
/// with a "health turned red" play, a "stuck 20 days" play and a weekly check-in.
fn red_journey() -> Journey {
    use milepost::journey::{Activity, HealthRules, Role, Trigger};
    let mut j = journey(vec![vec![milestone(
        "m1",
        vec![criterion("done", Count, Ge, 1.0, None)],
    )]]);
    j.stages[0].expected_days = Some(10);
    j.stages[0].health = Some(HealthRules {
        grey_after_percent: Some(50),
        red_after_percent: Some(100),
        metrics: vec![],
        green_action: None,
        grey_action: None,
        red_action: Some("rescue".into()),
    });
    j.roles.push(Role {
        id: "csm".into(),
        name: "CSM".into(),
        description: None,
        stages: vec![],
    });
    let play = |id: &str, trigger: Trigger| Activity {
        id: id.into(),
        name: id.into(),
        description: None,
        stage: "s0".into(),
        role: Some("csm".into()),
        milestones: vec![],
        trigger: Some(trigger),
        channel: None,
        effort: None,
    };
    j.activities = vec![
        play("rescue", Trigger::HealthRed),
        play("ebr", Trigger::Stuck { days: 20 }),
        play("checkin", Trigger::Recurring { every_days: 7 }),
    ];
    j
}

#[test]
fn a_customer_red_for_700_days_got_one_task_on_the_day_it_turned_red() {
    use milepost::engine::{dry_run, tasks};
    let j = red_journey();
    let mut cs = customers(1);
    cs[0].owner = Some("Ana".into());
    let data = Dataset::new(cs, &[(0, 700 * DAY, "other", 1.0)]);
    let a = assess(&j, &data, cutoff_of_day(710 * DAY));
    let all = Filter::default();
    // Over its whole life: one rescue (day 10: more than 10 days in the stage), one EBR
    // (stuck 20 days), and a check-in every 7 days.
    let life = tasks(&j, &data, &none(), &a, &all, 800);
    let of = |id: &str| -> Vec<String> {
        life.iter()
            .filter(|t| t.activity == id)
            .map(|t| t.created.clone())
            .collect()
    };
    assert_eq!(of("rescue"), ["1970-01-11"]);
    assert_eq!(of("ebr"), ["1970-01-21"]);
    assert_eq!(of("checkin").len(), 710 / 7);
    let rescue = life.iter().find(|t| t.activity == "rescue").unwrap();
    assert_eq!(
        rescue.reason,
        "Health turned red: 11 days in S0 (expected 10)"
    );
    // This week: only the check-in, no new rescue call for a customer long red.
    let week = tasks(&j, &data, &none(), &a, &all, 7);
    let got: Vec<&str> = week.iter().map(|t| t.activity.as_str()).collect();
    assert_eq!(got, ["checkin"]);
    // The dry run's weeks are the same firings: its last week is this week's list, and
    // over 104 weeks it finds no rescue at all.
    let load = dry_run(&j, &data, &none(), &a, &all, 104, &Default::default());
    assert_eq!(load.last().unwrap().tasks, week.len() as u64);
    assert_eq!(load.iter().map(|w| w.tasks).sum::<u64>(), 103, "{load:?}");
}

#[test]
fn health_turning_red_again_after_recovering_creates_a_new_task() {
    use milepost::engine::tasks;
    let mut j = red_journey();
    j.activities.truncate(1);
    let rules = j.stages[0].health.as_mut().unwrap();
    rules.grey_after_percent = None;
    rules.red_after_percent = None;
    rules.metrics = vec!["logins".into()];
    j.metrics.push(logins("s0", Some(7), 2.0, 0.0));
    // No logins: red from the start (day 0). Logins on days 3 and 4 make it green; the
    // last one leaves the 7-day window on day 11, red again; a login on day 20 helps.
    let ev = [
        (0, 3 * DAY, "login", 1.0),
        (0, 4 * DAY + 10, "login", 1.0),
        (0, 20 * DAY, "login", 1.0),
    ];
    let data = Dataset::new(customers(1), &ev);
    let a = assess(&j, &data, cutoff_of_day(30 * DAY));
    let created: Vec<String> = tasks(&j, &data, &none(), &a, &Filter::default(), 60)
        .into_iter()
        .map(|t| t.created)
        .collect();
    assert_eq!(created, ["1970-01-01", "1970-01-12", "1970-01-28"]);
}

#[test]
fn a_churned_customer_gets_no_more_tasks_and_filters_narrow_the_tasks() {
    use milepost::engine::tasks;
    let j = red_journey();
    let mut cs = customers(2);
    cs[0].churn = Some(5 * DAY);
    cs[1].segment = Some("SMB".into());
    let data = Dataset::new(cs, &[]);
    let a = assess(&j, &data, cutoff_of_day(30 * DAY));
    let list = tasks(&j, &data, &none(), &a, &Filter::default(), 60);
    assert!(list.iter().all(|t| t.customer == "C1"), "{list:?}");
    let smb = Filter {
        segment: Some("smb".into()),
        ..Filter::default()
    };
    assert_eq!(tasks(&j, &data, &none(), &a, &smb, 60).len(), list.len());
    let enterprise = Filter {
        segment: Some("Enterprise".into()),
        ..Filter::default()
    };
    assert!(tasks(&j, &data, &none(), &a, &enterprise, 60).is_empty());
}

#[test]
fn a_segment_forecast_learns_from_that_segment_only() {
    use milepost::engine::forecast;
    let j = journey(vec![vec![milestone(
        "m1",
        vec![criterion("a", Count, Ge, 1.0, None)],
    )]]);
    // History: fast customers reached M1 after 5 days, slow ones after 60. Now two of
    // each have been waiting 2 days.
    let mut cs = customers(24);
    let mut ev = Vec::new();
    for (c, cust) in cs.iter_mut().enumerate() {
        let fast = c % 2 == 0;
        cust.segment = Some(if fast { "Fast" } else { "Slow" }.into());
        if c < 20 {
            cust.start = Some(0);
            ev.push((c, if fast { 5 } else { 60 } * DAY, "a", 1.0));
        } else {
            cust.start = Some(98 * DAY);
        }
    }
    let data = Dataset::new(cs, &ev);
    let a = assess(&j, &data, cutoff_of_day(99 * DAY));
    let expected = |segment: Option<&str>| {
        let f = Filter {
            segment: segment.map(Into::into),
            ..Filter::default()
        };
        let r = forecast(&data, &a, &f, 10);
        (r.milestones[0].in_flight, r.milestones[0].expected)
    };
    // In 10 days the fast ones all arrive (at day 5 of their step), the slow ones none.
    assert_eq!(expected(Some("fast")), (2, 2.0));
    assert_eq!(expected(Some("Slow")), (2, 0.0));
    // Together, with hazards learned from everyone, half of each arrive.
    assert_eq!(expected(None), (4, 2.0));
}

#[test]
fn live_numbers_count_every_stage_and_measure_every_metric() {
    use milepost::engine::live;
    let mut j = journey(vec![
        vec![milestone("m1", vec![criterion("a", Count, Ge, 1.0, None)])],
        vec![milestone("m2", vec![criterion("b", Count, Ge, 1.0, None)])],
    ]);
    j.metrics.push(milepost::journey::Metric {
        target: Some(3.0),
        ..logins("s1", None, 2.0, 0.0)
    });
    // C0 and C1 reached m1 (they are in S1, a stage without health rules), with 1 and 4
    // logins; C2 is still in S0; C3 churned in S1.
    let mut cs = customers(4);
    cs[3].churn = Some(2 * DAY);
    let ev = [
        (0, DAY, "a", 1.0),
        (0, DAY, "login", 1.0),
        (1, DAY, "a", 1.0),
        (1, 2 * DAY, "login", 1.0),
        (1, 3 * DAY, "login", 1.0),
        (1, 3 * DAY, "login", 1.0),
        (1, 4 * DAY, "login", 1.0),
        (3, DAY, "a", 1.0),
        (2, 5 * DAY, "x", 1.0),
    ];
    let data = Dataset::new(cs, &ev);
    let l = live(&j, &data).unwrap();
    let counts: Vec<(&str, u64)> = l
        .stages
        .iter()
        .map(|s| (s.stage.as_str(), s.customers))
        .collect();
    assert_eq!(counts, [("s0", 1), ("s1", 2)]);
    // The card says whose numbers it shows: the two active customers in S1, logins 1 and
    // 4 — one grey (between red 0 and green 2), one green; nobody is past the last stage.
    let m = &l.metrics[0];
    assert_eq!(
        (m.in_stage, m.measured, m.median, m.bands, m.past),
        (2, 2, Some(2.5), Some([1, 1, 0]), 0)
    );
    assert_eq!(m.past_on_target, None);
    assert_eq!(
        m.now_words,
        "Of the 2 customers in S1: median 2.5 · 1 green, 1 grey, 0 red"
    );
    assert_eq!(m.past_words, None);
    // Kept between edits (the canvas's cache): the same numbers, before and after a
    // criterion and a metric change, as computing each from nothing.
    let cache = milepost::engine::LiveCache::default();
    assert_eq!(
        milepost::engine::live_cached(&j, &data, &cache).as_ref(),
        Some(&l)
    );
    let mut edited = j.clone();
    edited.stages[0].milestones[0].criteria[0].value = 2.0;
    edited.metrics[0].thresholds = Some(milepost::journey::Thresholds {
        green: 4.0,
        red: 1.0,
    });
    for version in [&edited, &j, &edited] {
        assert_eq!(
            milepost::engine::live_cached(version, &data, &cache),
            live(version, &data)
        );
    }
}

#[test]
fn a_metric_card_of_an_early_stage_shows_those_past_it_not_a_zero_true_by_construction() {
    // The stage's milestone asks for 3 logins; the customers still in it have fewer by
    // definition, so the card's target share is over those who moved past the stage.
    let mut j = journey(vec![
        vec![milestone(
            "m1",
            vec![criterion("login", Count, Ge, 3.0, None)],
        )],
        vec![milestone("m2", vec![criterion("b", Count, Ge, 1.0, None)])],
    ]);
    j.metrics.push(milepost::journey::Metric {
        target: Some(5.0),
        thresholds: None,
        ..logins("s0", None, 0.0, 0.0)
    });
    let ev = [
        (0, DAY, "login", 1.0),
        (0, DAY, "login", 1.0),
        (0, DAY, "login", 1.0),
        (1, DAY, "login", 6.0),
        (1, 2 * DAY, "login", 1.0),
        (1, 2 * DAY, "login", 1.0),
        (1, 2 * DAY, "login", 1.0),
        (1, 2 * DAY, "login", 1.0),
        (1, 2 * DAY, "login", 1.0),
        (2, 2 * DAY, "login", 1.0),
    ];
    let data = Dataset::new(customers(3), &ev);
    let m = &milepost::engine::live(&j, &data).unwrap().metrics[0];
    assert_eq!((m.in_stage, m.measured, m.median), (1, 1, Some(1.0)));
    // C0 (3 logins) and C1 (6) are past S0; one of the two has the target's 5.
    assert_eq!((m.past, m.past_on_target), (2, Some(0.5)));
    assert_eq!(m.now_words, "Of the 1 customer in S0: median 1");
    assert_eq!(
        m.past_words.as_deref(),
        Some("Of the 2 past S0: 50.0% on target")
    );
}

fn none() -> milepost::engine::Scores {
    milepost::engine::Scores::default()
}

#[test]
fn a_quadrant_play_fires_on_entering_the_stage_there_and_on_moving_there_later() {
    use milepost::engine::{ScoreChange, Scores, Stakeholder, tasks};
    use milepost::journey::{Activity, Corner, Trigger, templates};
    let mut j = journey(vec![
        vec![milestone("m1", vec![criterion("a", Count, Ge, 1.0, None)])],
        vec![milestone("m2", vec![criterion("b", Count, Ge, 1.0, None)])],
    ]);
    j.matrices = templates::builtin_matrices();
    j.activities = vec![Activity {
        id: "plan".into(),
        name: "Co-create the success plan".into(),
        description: None,
        stage: "s0".into(),
        role: None,
        milestones: vec![],
        trigger: Some(Trigger::InQuadrant {
            matrix: "purpose-intent".into(),
            quadrant: Corner::TopRight,
        }),
        channel: None,
        effort: None,
    }];
    // purpose is slot 0, intent slot 1.
    let person = |customer: usize, purpose: f64, intent: f64, changes: Vec<ScoreChange>| {
        let mut scores = [None; 8];
        scores[0] = Some(purpose);
        scores[1] = Some(intent);
        Stakeholder {
            customer,
            name: "Ana".into(),
            decision_maker: true,
            scores,
            changes,
        }
    };
    let purpose_was = |before: f64, day: i64| ScoreChange {
        field: milepost::journey::ScoreField::Purpose,
        before: Some(before),
        at: day * DAY,
    };
    // C0 is a champion from its start (day 0). C1 was scored low and re-scored high on
    // day 12. C2 moved into the quadrant on day 40, after it had left stage s0 (day 30).
    // C3 went in, out on day 5 and back in on day 9: two tasks.
    let people = vec![
        person(0, 8.0, 8.0, vec![]),
        person(1, 8.0, 8.0, vec![purpose_was(2.0, 12)]),
        person(2, 8.0, 8.0, vec![purpose_was(2.0, 40)]),
        person(3, 8.0, 8.0, vec![purpose_was(9.0, 5), purpose_was(3.0, 9)]),
    ];
    let ev = [(2, 30 * DAY, "a", 1.0)];
    let data = Dataset::new(customers(4), &ev);
    let scores = Scores::new(4, people);
    let a = assess(&j, &data, cutoff_of_day(60 * DAY));
    let list = tasks(&j, &data, &scores, &a, &Filter::default(), 61);
    let mut got: Vec<(&str, &str)> = list
        .iter()
        .map(|t| (t.customer.as_str(), t.created.as_str()))
        .collect();
    got.sort();
    assert_eq!(
        got,
        [
            ("C0", "1970-01-01"),
            ("C1", "1970-01-13"),
            ("C3", "1970-01-01"),
            ("C3", "1970-01-10"),
        ]
    );
    assert_eq!(list[0].reason, "In “Champions” of Purpose × intent");
}
