//! The assessment engine against the exact funnel semantics of PRODUCT.md: unit cases for
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
    }
}

#[test]
fn health_colours_from_days_in_stage_and_metric_thresholds_worst_wins() {
    use milepost::engine::{Health, health};
    use milepost::journey::{Direction, HealthRules, Metric, Thresholds};
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
    j.metrics.push(Metric {
        id: "logins".into(),
        name: "Logins (7 d)".into(),
        stage: "s0".into(),
        definition: None,
        event: "login".into(),
        aggregate: Count,
        window_days: Some(7),
        unit: None,
        target: None,
        direction: Direction::Higher,
        thresholds: Some(Thresholds {
            green: 3.0,
            red: 1.0,
        }),
    });
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
    let list = tasks(&j, &data, &a, 14);
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
    // The dry run counts them per owner and week, against the role's capacity.
    let caps = [("CSM".to_owned(), 3)].into();
    let weeks = dry_run(&j, &data, cutoff_of_day(30 * DAY), 3, &caps);
    let total: u64 = weeks.iter().map(|w| w.tasks).sum();
    // Only whole weeks (Monday to Sunday) before the as-of day count: day 30 is a Saturday,
    // so the last week replayed ends on Sunday 25 January, before the check-ins and the EBR.
    assert_eq!(total, 4, "{weeks:?}");
    assert!(
        weeks
            .iter()
            .any(|w| w.over && w.tasks == 4 && w.week == "1970-01-19"),
        "{weeks:?}"
    );
}

#[test]
fn csv_cells_never_start_a_formula() {
    use milepost::data::safe_cell;
    assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
    assert_eq!(safe_cell("+1"), "'+1");
    assert_eq!(safe_cell("@sum"), "'@sum");
    assert_eq!(safe_cell("-2"), "'-2");
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
        forecast(&data, &a, days)
            .milestones
            .iter()
            .map(|m| m.expected)
            .collect::<Vec<_>>()
    };
    assert_eq!(forecast(&data, &a, 3).milestones[0].in_flight, 4);
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
    let b = backtest(&j, &data2, cutoff_of_day(99 * DAY), 10);
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
