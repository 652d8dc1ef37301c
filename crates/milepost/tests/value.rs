//! Value realisation against peers, on data small enough to count by hand: baselines over
//! a customer's first days, direction-aware improvement, percentiles, the roll-up of a peer
//! group smaller than k, leakage in units and money, and maturity phases at the share.

use milepost::engine::assess::DAY;
use milepost::engine::{Customer, Dataset, cutoff_of_day};
use milepost::journey::{
    Aggregate, Capability, Criterion, Direction, Metric, Op, PeerKey, PeerSettings, Phase,
    Reference, ValueSpec, templates,
};
use milepost::value::{Overrides, compute};

fn ar_metric(unit_value: Option<f64>, arr_share: Option<f64>) -> Metric {
    Metric {
        id: "ar".into(),
        name: "AR days".into(),
        stage: "onboard".into(),
        definition: None,
        event: "ar_days".into(),
        aggregate: Aggregate::Last,
        window_days: None,
        unit: Some("days".into()),
        target: Some(45.0),
        direction: Direction::Lower,
        thresholds: None,
        value: Some(ValueSpec {
            baseline_days: 30,
            unit_value,
            unit_value_arr_share: arr_share,
        }),
    }
}

fn customer(i: usize, segment: &str, arr: f64) -> Customer {
    Customer {
        id: format!("C{i}"),
        segment: Some(segment.into()),
        plan: Some("pro".into()),
        arr: Some(arr),
        start: Some(0),
        ..Customer::default()
    }
}

const AS_OF: i64 = 200 * DAY;

/// Six SMB customers whose AR days went from 60 (day 10) to 60 − improvement (day 150),
/// improvements 0, 2, 4, 6, 8, 10; and two ENT customers, one without a baseline.
fn data() -> Dataset {
    let mut cs: Vec<Customer> = (0..6).map(|i| customer(i, "SMB", 10_000.0)).collect();
    cs.push(customer(6, "ENT", 100_000.0));
    cs.push(customer(7, "ENT", 100_000.0));
    let mut ev = Vec::new();
    for i in 0..6 {
        ev.push((i, 10 * DAY, "ar_days", 60.0));
        ev.push((i, 150 * DAY, "ar_days", 60.0 - 2.0 * i as f64));
    }
    ev.push((6, 20 * DAY, "ar_days", 50.0));
    ev.push((6, 150 * DAY, "ar_days", 53.0)); // worse: improvement −3
    ev.push((7, 40 * DAY, "ar_days", 40.0)); // after its first 30 days: no baseline
    Dataset::new(cs, &ev)
}

fn journey(metric: Metric, keys: Vec<PeerKey>) -> milepost::journey::Journey {
    let mut j = templates::blank("Value");
    j.metrics.push(metric);
    j.peers = Some(PeerSettings {
        keys,
        k: 5,
        reference: Reference::P75,
    });
    j
}

#[test]
fn improvement_percentiles_and_leakage_by_hand() {
    let j = journey(ar_metric(Some(250.0), None), vec![PeerKey::Segment]);
    let d = data();
    let r = compute(
        &j,
        &d,
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides::default(),
    );
    assert_eq!(r.customers.len(), 8, "every customer of the funnel");
    let c1 = &r.customers[1].metrics[0];
    // Lower is better: improvement = baseline − current = 60 − 58.
    assert_eq!(
        (c1.baseline, c1.current, c1.improvement),
        (Some(60.0), Some(58.0), Some(2.0))
    );
    // SMB has 6 ≥ k: improvements 0, 2, 4, 6, 8, 10 → p50 5, p75 7.5, p90 9 (NumPy's rule).
    let g = c1.peer_group.as_ref().unwrap();
    assert_eq!(
        (g.keys.get("segment").map(String::as_str), g.n),
        (Some("SMB"), 6)
    );
    assert_eq!(
        (c1.peer_p50, c1.peer_p75, c1.peer_p90),
        (Some(5.0), Some(7.5), Some(9.0))
    );
    // Below it: 1 of 6, itself half → (1 + 0.5) / 6.
    assert_eq!(c1.percentile, Some(25.0));
    assert_eq!((c1.gap_to_p50, c1.gap_to_p75), (Some(3.0), Some(5.5)));
    // Leakage: 7.5 − 2 days, × 250 a day a year.
    assert_eq!(c1.leakage, Some(5.5));
    assert_eq!(c1.leakage_money, Some(1375.0));
    // Ahead of p75 leaks nothing.
    let c5 = &r.customers[5].metrics[0];
    assert_eq!(
        (c5.improvement, c5.leakage, c5.leakage_money),
        (Some(10.0), Some(0.0), Some(0.0))
    );

    // ENT has one customer with a baseline, fewer than k: compared with everyone who has
    // an improvement (7), and the group says so.
    let c6 = &r.customers[6].metrics[0];
    assert_eq!(c6.improvement, Some(-3.0));
    let g = c6.peer_group.as_ref().unwrap();
    assert!(g.keys.is_empty());
    assert_eq!(g.n, 7);
    // Everyone: −3, 0, 2, 4, 6, 8, 10 → p75 at rank 4.5 = 7.
    assert_eq!(c6.peer_p75, Some(7.0));
    assert_eq!(c6.leakage, Some(10.0));
    // No events in its first 30 days: no baseline, reported with the reason, not compared.
    let c7 = &r.customers[7].metrics[0];
    assert_eq!(
        (c7.baseline, c7.improvement, c7.leakage),
        (None, None, None)
    );
    assert!(
        c7.reason.as_deref().unwrap().contains("no baseline"),
        "{:?}",
        c7.reason
    );
    assert_eq!(r.customers[7].leakage_money, None);
}

#[test]
fn money_from_a_share_of_arr_and_higher_is_better() {
    let mut m = ar_metric(None, Some(0.001));
    // Flip the direction: now a rise counts, so the SMB improvements are 0, −2, … −10.
    m.direction = Direction::Higher;
    let j = journey(m, vec![PeerKey::Segment]);
    let r = compute(
        &j,
        &data(),
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides::default(),
    );
    let c0 = &r.customers[0].metrics[0];
    assert_eq!(c0.improvement, Some(0.0));
    // SMB: −10, −8, −6, −4, −2, 0 → p75 at rank 3.75: −4 + 0.75 × 2 = −2.5; C0 is ahead,
    // leaks nothing.
    assert_eq!(c0.peer_p75, Some(-2.5));
    assert_eq!(c0.leakage, Some(0.0));
    let c5 = &r.customers[5].metrics[0];
    assert_eq!(c5.improvement, Some(-10.0));
    // 7.5 days short × 0.1 % of 10,000 ARR.
    assert_eq!(c5.leakage, Some(7.5));
    assert!((c5.leakage_money.unwrap() - 75.0).abs() < 1e-9);
}

#[test]
fn no_comparison_below_k_even_for_everyone() {
    let j = journey(ar_metric(None, None), vec![PeerKey::Segment]);
    let r = compute(
        &j,
        &data(),
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides {
            k: Some(8),
            ..Overrides::default()
        },
    );
    let m = &r.customers[0].metrics[0];
    assert_eq!(m.improvement, Some(0.0));
    assert_eq!(m.peer_group, None);
    assert_eq!(
        m.reason.as_deref(),
        Some("fewer than 8 customers to compare with")
    );
    // k never goes below 3, whatever is asked.
    let r = compute(
        &j,
        &data(),
        "d",
        cutoff_of_day(AS_OF),
        &Overrides {
            k: Some(1),
            ..Overrides::default()
        },
    );
    assert_eq!(r.k, 3);
}

#[test]
fn a_phase_needs_its_share_of_capabilities_and_every_earlier_phase() {
    let mut j = journey(ar_metric(None, None), vec![]);
    j.phases = ["foundation", "department"]
        .iter()
        .map(|id| Phase {
            id: (*id).into(),
            name: id.to_uppercase(),
            value_driver: None,
        })
        .collect();
    let cap = |id: &str, phase: &str, event: &str| Capability {
        id: id.into(),
        name: id.into(),
        phase: phase.into(),
        criteria: vec![Criterion {
            event: event.into(),
            aggregate: Aggregate::Count,
            op: Op::Ge,
            value: 1.0,
            window_days: None,
        }],
        activities: vec![],
    };
    // Foundation: a, b, c, d (75 % = 3 of 4); department: e.
    j.capabilities = vec![
        cap("a", "foundation", "a"),
        cap("b", "foundation", "b"),
        cap("c", "foundation", "c"),
        cap("d", "foundation", "d"),
        cap("e", "department", "e"),
    ];
    let cs: Vec<Customer> = (0..4).map(|i| customer(i, "SMB", 1.0)).collect();
    let ev = [
        // C0: a, b, c → foundation (exactly 75 %).
        (0, DAY, "a", 1.0),
        (0, DAY, "b", 1.0),
        (0, DAY, "c", 1.0),
        // C1: a, b, e → 50 % of foundation: no phase, though it has department's e.
        (1, DAY, "a", 1.0),
        (1, DAY, "b", 1.0),
        (1, DAY, "e", 1.0),
        // C2: a, b, c, e → department.
        (2, DAY, "a", 1.0),
        (2, DAY, "b", 1.0),
        (2, DAY, "c", 1.0),
        (2, DAY, "e", 1.0),
        // C3: a, after the as-of day: nothing.
        (3, 300 * DAY, "a", 1.0),
    ];
    let r = compute(
        &j,
        &Dataset::new(cs, &ev),
        "d",
        cutoff_of_day(AS_OF),
        &Overrides::default(),
    );
    let phases: Vec<Option<&str>> = r.customers.iter().map(|c| c.phase.as_deref()).collect();
    assert_eq!(phases, [Some("foundation"), None, Some("department"), None]);
    // C3's next steps: with 4 customers and k = 5 there is no peer share to rank by, so
    // they come in phase order, then the journey's order.
    let next: Vec<&str> = r.customers[3]
        .next_capabilities
        .iter()
        .map(|n| &*n.id)
        .collect();
    assert_eq!(next, ["a", "b", "c", "d", "e"]);
    assert!(
        r.customers[3]
            .next_capabilities
            .iter()
            .all(|n| n.peer_share.is_none())
    );
    let adopted: Vec<&str> = r.customers[0].adopted.iter().map(|a| &**a).collect();
    assert_eq!(adopted, ["a", "b", "c"]);
}

#[test]
fn the_billing_template_reads_its_value_model_and_old_files_still_read() {
    let j = templates::get("billing-saas").unwrap();
    assert!(j.metrics.iter().filter(|m| m.value.is_some()).count() >= 2);
    assert_eq!(j.phases.len(), 3);
    assert!(j.capabilities.len() >= 6);
    let text = milepost::journey::file::to_string(&j);
    let back = milepost::journey::file::parse(&text).unwrap();
    assert_eq!(back, j, "the value model round-trips through the file");
    // A file from before value realisation has none of it and still reads.
    let mut old: serde_json::Value = serde_json::from_str(&milepost::journey::file::to_string(
        &templates::get("dealer-photos").unwrap(),
    ))
    .unwrap();
    let root = old.as_object_mut().unwrap();
    for key in ["peers", "phases", "capabilities", "adoption_share"] {
        root.remove(key);
    }
    for m in root["metrics"].as_array_mut().unwrap() {
        m.as_object_mut().unwrap().remove("value");
    }
    let old = milepost::journey::file::parse(&old.to_string()).unwrap();
    assert!(old.peers.is_none() && old.capabilities.is_empty() && old.phases.is_empty());
    assert!(old.metrics.iter().all(|m| m.value.is_none()));
}

#[test]
fn every_template_has_a_value_model_and_the_demo_data_exercises_it() {
    let mut store = milepost::store::Store::open_in_memory().unwrap();
    milepost::demo::load(&mut store, 800, 5).unwrap();
    let d = store.load_dataset().unwrap();
    let cutoff = cutoff_of_day(d.latest().unwrap());
    for t in templates::list() {
        let j = templates::get(t.key).unwrap();
        let values: Vec<_> = j.metrics.iter().filter(|m| m.value.is_some()).collect();
        assert!(values.len() >= 2, "{}: value metrics", t.key);
        assert!(
            values
                .iter()
                .any(|m| m.value.as_ref().unwrap().unit_value.is_some()
                    || m.value.as_ref().unwrap().unit_value_arr_share.is_some()),
            "{}: a money value",
            t.key
        );
        assert_eq!(j.phases.len(), 3, "{}: phases", t.key);
        assert!(j.capabilities.len() >= 6, "{}: capabilities", t.key);
        let r = compute(&j, &d, "demo", cutoff, &Overrides::default());
        // Every value metric compares most customers with their peers, and some are
        // behind good peers, some ahead.
        for (k, m) in values.iter().enumerate() {
            let compared = r
                .customers
                .iter()
                .filter(|c| c.metrics[k].percentile.is_some())
                .count();
            assert!(
                compared * 2 > r.customers.len(),
                "{}: {} compares {compared} of {}",
                t.key,
                m.id,
                r.customers.len()
            );
            let behind = r
                .customers
                .iter()
                .filter(|c| c.metrics[k].leakage.is_some_and(|l| l > 0.0))
                .count();
            assert!(
                behind > 0 && behind < compared,
                "{}: {} has {behind} of {compared} behind",
                t.key,
                m.id
            );
        }
        // Every capability is adopted by some customers and not by all; every phase is
        // some customer's.
        for c in &j.capabilities {
            let n = r
                .customers
                .iter()
                .filter(|x| x.adopted.iter().any(|a| **a == *c.id))
                .count();
            assert!(
                n > 0 && n < r.customers.len(),
                "{}: {} adopted by {n}",
                t.key,
                c.id
            );
        }
        for p in &j.phases {
            assert!(
                r.customers
                    .iter()
                    .any(|c| c.phase.as_deref() == Some(p.id.as_str())),
                "{}: nobody in {}",
                t.key,
                p.id
            );
        }
    }
}

/// A small deterministic generator for the property test (no dependency needed).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn contains(
    a: &std::collections::BTreeMap<String, String>,
    b: &std::collections::BTreeMap<String, String>,
) -> bool {
    a.len() < b.len() && a.iter().all(|(k, v)| b.get(k) == Some(v))
}

#[test]
fn benchmarks_never_publish_a_group_below_k_nor_a_differencing_pair() {
    use milepost::value::benchmarks;
    let segments = ["SMB", "Mid", "ENT"];
    let plans = ["basic", "pro", "max"];
    let all_keys = [
        PeerKey::Segment,
        PeerKey::Plan,
        PeerKey::ArrBand,
        PeerKey::Tenure,
    ];
    let mut rng = Lcg(7);
    let mut published = 0;
    for case in 0..300 {
        let n = 5 + rng.next(120) as usize;
        let cs: Vec<Customer> = (0..n)
            .map(|i| Customer {
                id: format!("CUST-{case}-{i}"),
                name: Some(format!("Secret Name {i}")),
                segment: Some(segments[rng.next(3) as usize].into()),
                plan: Some(plans[rng.next(3) as usize].into()),
                arr: Some(1000.0 * (1 + rng.next(300)) as f64),
                start: Some(rng.next(150) as i64 * DAY),
                ..Customer::default()
            })
            .collect();
        let mut ev = Vec::new();
        for (i, c) in cs.iter().enumerate() {
            let s = c.start.unwrap();
            ev.push((i, s + DAY, "ar_days", 40.0 + rng.next(30) as f64));
            ev.push((i, s + 100 * DAY, "ar_days", 30.0 + rng.next(30) as f64));
            if rng.next(2) == 0 {
                ev.push((i, s + 50 * DAY, "integration_enabled", 1.0));
            }
        }
        let d = Dataset::new(cs, &ev);
        let mut keys: Vec<PeerKey> = Vec::new();
        for _ in 0..rng.next(4) {
            let k = all_keys[rng.next(4) as usize];
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
        let k = 3 + rng.next(6) as u32;
        let mut j = journey(ar_metric(Some(100.0), None), keys);
        j.phases = vec![Phase {
            id: "p".into(),
            name: "P".into(),
            value_driver: None,
        }];
        j.capabilities = vec![Capability {
            id: "integration".into(),
            name: "Integration".into(),
            phase: "p".into(),
            criteria: vec![Criterion {
                event: "integration_enabled".into(),
                aggregate: Aggregate::Count,
                op: Op::Ge,
                value: 1.0,
                window_days: None,
            }],
            activities: vec![],
        }];
        let b = benchmarks::export(
            &j,
            &d,
            "1970-10-28",
            cutoff_of_day(300 * DAY),
            &Overrides {
                k: Some(k),
                ..Overrides::default()
            },
        );
        let sizes: Vec<Vec<(std::collections::BTreeMap<String, String>, usize)>> = b
            .metrics
            .iter()
            .map(|m| m.groups.iter().map(|g| (g.keys.clone(), g.n)).collect())
            .chain(
                b.capabilities
                    .iter()
                    .map(|c| c.groups.iter().map(|g| (g.keys.clone(), g.n)).collect()),
            )
            .collect();
        for groups in &sizes {
            published += groups.len();
            for (ka, na) in groups {
                assert!(
                    *na >= k as usize,
                    "case {case}: a group of {na} under k = {k}"
                );
                for (kb, nb) in groups {
                    if contains(ka, kb) {
                        assert!(
                            na == nb || na.abs_diff(*nb) >= k as usize,
                            "case {case}: {ka:?} ({na}) and {kb:?} ({nb}) single out {} customers",
                            na.abs_diff(*nb)
                        );
                    }
                }
            }
        }
        let text = serde_json::to_string(&b).unwrap();
        assert!(
            !text.contains("CUST-") && !text.contains("Secret"),
            "case {case}: a customer is named"
        );
        assert_eq!(
            benchmarks::parse(&text).unwrap(),
            b,
            "case {case}: the file reads back"
        );
    }
    assert!(
        published > 300,
        "the cases published groups to check ({published})"
    );
}

#[test]
fn a_customer_compares_with_imported_benchmarks_and_bad_files_are_refused() {
    use milepost::value::benchmarks;
    let j = journey(ar_metric(Some(250.0), None), vec![PeerKey::Segment]);
    let d = data();
    let b = benchmarks::export(
        &j,
        &d,
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides::default(),
    );
    // SMB (6) is within k of everyone with an improvement (7): publishing both would
    // single out the one ENT customer, so only "everyone" is in the file.
    assert_eq!(b.metrics[0].groups.len(), 1);
    assert!(b.metrics[0].groups[0].keys.is_empty());
    let r = compute(
        &j,
        &d,
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides {
            external: Some(b.clone()),
            ..Overrides::default()
        },
    );
    let m = &r.customers[1].metrics[0];
    let g = m.peer_group.as_ref().unwrap();
    assert_eq!((g.n, &*g.source), (7, "imported: Value, 1970-07-20"));
    // Everyone: −3, 0, 2, 4, 6, 8, 10 → p75 7; C1 improved 2: 5 days behind.
    assert_eq!((m.peer_p75, m.leakage), (Some(7.0), Some(5.0)));
    let mut wrong = b.clone();
    wrong.format = "something/else@1".into();
    let err = benchmarks::parse(&serde_json::to_string(&wrong).unwrap()).unwrap_err();
    assert!(err.contains("not \"milepost/benchmarks@1\""), "{err}");
    let err = benchmarks::parse("{\"format\": ").unwrap_err();
    assert!(err.starts_with("line 1, column"), "{err}");

    // A crafted file is checked like a journey file, each problem named where it is.
    let refused = |edit: &dyn Fn(&mut serde_json::Value), says: &str| {
        let mut v = serde_json::to_value(&b).unwrap();
        edit(&mut v);
        let err = benchmarks::parse(&v.to_string()).unwrap_err();
        assert!(err.contains(says), "expected \"{says}\" in: {err}");
    };
    refused(
        &|v| v["metrics"][0]["groups"][0]["p90"] = 1e308.into(),
        "metrics[0].groups[0].p90 is 1e308",
    );
    refused(
        &|v| v["metrics"][0]["groups"][0]["p25"] = 1e6.into(),
        "not in order",
    );
    refused(
        &|v| v["metrics"][0]["groups"][0]["n"] = 2.into(),
        "a group of 2 is below k",
    );
    refused(
        &|v| v["as_of"] = "someday".into(),
        "not a day written YYYY-MM-DD",
    );
    refused(&|v| v["as_of"] = "9999-12-31".into(), "a day still to come");
    refused(
        &|v| v["journey"] = "x".repeat(1_000_000).into(),
        "\"journey\" is longer than 200",
    );
    refused(&|v| v["extra"] = true.into(), "unknown field `extra`");
    refused(
        &|v| v["metrics"][0]["groups"][0]["keys"] = serde_json::json!({"planet": "Mars"}),
        "which is not one of \"keys\"",
    );
    // A file made with k = 7 is used by a report that asks for k = 8 only where its
    // groups are as big: here none is, so no peers rather than peers below the k shown.
    let strict = compute(
        &j,
        &d,
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides {
            external: Some(b.clone()),
            k: Some(8),
            ..Overrides::default()
        },
    );
    assert!(strict.customers[1].metrics[0].peer_group.is_none());
}

#[test]
fn the_portfolio_sums_leakage_per_segment_and_per_stage_and_its_csv_has_every_customer() {
    let mut j = journey(ar_metric(Some(100.0), None), vec![PeerKey::Plan]);
    // Onboard is done with two AR readings, Adopt with three: C0–C6 are in Adopt, C7
    // (one reading) in Onboard.
    let stage = |id: &str, n: f64| {
        serde_json::from_value::<milepost::journey::Stage>(serde_json::json!({
            "id": id, "name": id.to_uppercase(),
            "milestones": [{"id": format!("{id}-m"), "name": "m",
                "criteria": [{"event": "ar_days", "aggregate": "count", "op": ">=", "value": n}]}]
        }))
        .unwrap()
    };
    j.stages = vec![stage("onboard", 2.0), stage("adopt", 3.0)];
    let d = data();
    let r = compute(
        &j,
        &d,
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides::default(),
    );
    let stage_of = |id: &str| {
        r.customers
            .iter()
            .find(|c| c.customer_id == id)
            .unwrap()
            .stage
            .clone()
    };
    assert_eq!(stage_of("C0").as_deref(), Some("adopt"));
    assert_eq!(stage_of("C7").as_deref(), Some("onboard"));
    let total: f64 = r.customers.iter().filter_map(|c| c.leakage_money).sum();
    assert!(total > 0.0);
    for (slices, what) in [(&r.by_segment, "segment"), (&r.by_stage, "stage")] {
        assert_eq!(
            slices.iter().map(|s| s.customers).sum::<usize>(),
            r.customers.len(),
            "every customer in one {what}"
        );
        let sum: f64 = slices.iter().map(|s| s.leakage_money).sum();
        assert!((sum - total).abs() < 1e-6, "{what}: {sum} ≠ {total}");
    }
    // Stages in the journey's order; segments most money first.
    let names: Vec<&str> = r.by_stage.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(names, ["onboard", "adopt"]);
    assert_eq!(r.by_stage[0].customers, 1);
    assert_eq!(r.by_stage[0].valued, 0, "C7 has no baseline");
    assert!(
        r.by_segment
            .windows(2)
            .all(|w| w[0].leakage_money >= w[1].leakage_money)
    );
    let smb = r.by_segment.iter().find(|s| s.key == "SMB").unwrap();
    let by_hand: f64 = r
        .customers
        .iter()
        .filter(|c| c.segment.as_deref() == Some("SMB"))
        .filter_map(|c| c.leakage_money)
        .sum();
    assert!((smb.leakage_money - by_hand).abs() < 1e-6);

    // The CSV: a header and a row per customer, most money first, negatives as numbers.
    let csv = milepost::report::csv::value_portfolio(&r);
    let mut rows = ::csv::Reader::from_reader(csv.as_bytes());
    let header = rows.headers().unwrap().clone();
    let money_col = header
        .iter()
        .position(|h| h == "leakage_money_per_year (USD)")
        .unwrap();
    let imp_col = header
        .iter()
        .position(|h| h == "AR days: improvement")
        .unwrap();
    let records: Vec<_> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), r.customers.len());
    let money: Vec<f64> = records
        .iter()
        .map(|row| row[money_col].parse().unwrap_or(-1.0))
        .collect();
    assert!(money.windows(2).all(|w| w[0] >= w[1]), "{money:?}");
    assert!((money.iter().filter(|m| **m >= 0.0).sum::<f64>() - total).abs() < 0.05);
    let c6 = records.iter().find(|row| &row[0] == "C6").unwrap();
    assert_eq!(
        &c6[imp_col], "-3",
        "a worse AR days is a negative number, not text"
    );
}

/// The issue's board-room case: customers who have left must not fill "value left on the
/// table", nor be the peers others are measured against.
#[test]
fn value_against_peers_counts_active_customers_only() {
    let j = journey(ar_metric(Some(250.0), None), vec![PeerKey::Segment]);
    let mut d = data();
    // C5 (the best SMB improvement, 10) churned on day 160, before the as-of day 200; C7
    // churns after it, so it is still active then.
    d.customers[5].churn = Some(160 * DAY);
    d.customers[7].churn = Some(300 * DAY);
    let cutoff = cutoff_of_day(AS_OF);
    let r = compute(&j, &d, "1970-07-20", cutoff, &Overrides::default());
    let ids: Vec<&str> = r.customers.iter().map(|c| c.customer_id.as_str()).collect();
    assert_eq!(
        ids,
        ["C0", "C1", "C2", "C3", "C4", "C6", "C7"],
        "no churned customer"
    );
    assert_eq!((r.active, r.churned), (7, 1));
    // SMB's peers are now the five still with us: 0, 2, 4, 6, 8 → p75 6 (not 7.5).
    let c1 = &r.customers[1].metrics[0];
    assert_eq!(c1.peer_group.as_ref().map(|g| g.n), Some(5));
    assert_eq!(c1.peer_p75, Some(6.0));
    // The total is the sum over the active customers, and every slice adds up to it.
    let total: f64 = r.customers.iter().filter_map(|c| c.leakage_money).sum();
    assert_eq!(r.leakage_money, total);
    let by_segment: f64 = r.by_segment.iter().map(|s| s.leakage_money).sum();
    let by_stage_n: usize = r.by_stage.iter().map(|s| s.customers).sum();
    assert!((by_segment - total).abs() < 1e-6);
    assert_eq!(by_stage_n, 7);
    assert_eq!(r.leakage_text, r.currency.money(total));

    // Asked for, the churned customer is listed after the active ones, marked, with what
    // its metric measured but no comparison, no money, no stage and nothing to run.
    let all = compute(
        &j,
        &d,
        "1970-07-20",
        cutoff,
        &Overrides {
            include_churned: true,
            ..Overrides::default()
        },
    );
    assert_eq!(all.customers.len(), 8);
    let gone = all.customers.last().unwrap();
    assert_eq!(gone.customer_id, "C5");
    assert_eq!(gone.churned.as_deref(), Some("1970-06-10"));
    assert_eq!((gone.leakage_money, gone.stage.as_ref()), (None, None));
    assert!(gone.next_capabilities.is_empty());
    let m = &gone.metrics[0];
    assert_eq!(
        (m.improvement, m.leakage, m.percentile),
        (Some(10.0), None, None)
    );
    assert_eq!(
        m.reason.as_deref(),
        Some("churned on 1970-06-10: not compared with peers")
    );
    // Listing it changes no one else's numbers.
    assert_eq!(all.leakage_money, r.leakage_money);
    assert_eq!(all.customers[1].metrics[0].peer_p75, Some(6.0));
    assert_eq!(all.by_segment, r.by_segment);

    // Its review says so, in the app and the PDF alike, and offers no plays.
    let review =
        milepost::report::value_review::review_of(&j, &all, &d, "C5", &Default::default(), 0)
            .unwrap();
    assert!(
        review
            .facts
            .contains(&("Churned".to_owned(), "1970-06-10".to_owned()))
    );
    assert_eq!(review.headline, None);
    assert_eq!(review.headline_none, "Churned");
    assert!(review.next.is_empty());
    // Without the listing, asking for its review names why there is none.
    let err = milepost::report::value_review::review_of(&j, &r, &d, "C5", &Default::default(), 0)
        .unwrap_err();
    assert!(err.to_string().contains("churned on 1970-06-10"), "{err}");
}

#[test]
fn money_is_in_the_workspace_currency_and_units_agree_with_their_number() {
    let j = journey(ar_metric(Some(250.0), None), vec![PeerKey::Segment]);
    let d = data();
    let eur = milepost::format::Currency::parse("EUR").unwrap();
    let r = compute(
        &j,
        &d,
        "1970-07-20",
        cutoff_of_day(AS_OF),
        &Overrides {
            currency: eur.clone(),
            ..Overrides::default()
        },
    );
    assert!(r.leakage_text.starts_with('€'), "{}", r.leakage_text);
    assert!(r.by_segment.iter().all(|s| s.leakage_text.starts_with('€')));
    assert_eq!(r.customers[0].arr_text.as_deref(), Some("€10,000"));
    let csv = milepost::report::csv::value_portfolio(&r);
    let header = csv.lines().next().unwrap();
    assert!(
        header.contains("arr (EUR)") && header.contains("leakage_money_per_year (EUR)"),
        "{header}"
    );
    // C0 improved 0 days (no change); C1 2 days; a review never says "1 days".
    let review =
        milepost::report::value_review::review_of(&j, &r, &d, "C1", &Default::default(), 0)
            .unwrap();
    let m = &review.metrics[0];
    assert!(m.now.contains("2 days better"), "{}", m.now);
    assert!(
        m.leakage
            .as_deref()
            .is_some_and(|l| l.contains("€") && l.ends_with("a year"))
    );
    assert!(!format!("{review:?}").contains(" 1 days"));
}
