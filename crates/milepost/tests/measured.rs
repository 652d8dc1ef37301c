//! A data set measured elsewhere — the per-customer results a warehouse returns for the
//! journey's SQL (reached times, metrics, baselines, capabilities), and no events — gives
//! every view that needs no single event exactly what the events give: the Funnel view
//! (funnel, customers with health, forecasts from earlier cut-offs, cohorts), the canvas's
//! live numbers, value against peers and the matrices. `sql_engines.rs` shows the
//! warehouse returns what `measures_of` computes.

use std::sync::Arc;

use milepost::engine::{Dataset, Filter, analyse, assess, cutoff_of_day, live};
use milepost::store::Store;

/// The demo's customers and events, and the billing journey.
fn demo() -> (Dataset, milepost::journey::Journey) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite3")).unwrap();
    milepost::demo::load(&mut store, 300, 11).unwrap();
    let journey =
        milepost::journey::file::parse(include_str!("../templates/billing-saas.json")).unwrap();
    (store.load_dataset().unwrap(), journey)
}

/// The same customers, with the measures instead of the events.
fn measured(data: &Dataset, journey: &milepost::journey::Journey, cutoff: i64) -> Dataset {
    let mut remote = Dataset::new(data.customers.clone(), &[]);
    remote.measures = Some(Arc::new(milepost::value::measures_of(
        journey, data, cutoff,
    )));
    remote
}

#[test]
fn the_funnel_view_live_numbers_value_and_matrices_are_the_events_own() {
    let (data, journey) = demo();
    let latest = data.latest().unwrap();
    let cutoff = cutoff_of_day(latest);
    let remote = measured(&data, &journey, cutoff);
    assert_eq!(
        remote.latest(),
        Some(cutoff),
        "as of the day it was measured"
    );
    assert!(remote.measures.as_ref().unwrap().is_for(&journey));

    let segment = Filter {
        segment: Some("SMB".to_owned()),
        ..Default::default()
    };
    for filter in [Filter::default(), segment] {
        let here = analyse(&journey, &data, None, &filter).unwrap();
        let there = analyse(&journey, &remote, None, &filter).unwrap();
        assert_eq!(there.funnel, here.funnel);
        assert_eq!(there.customers, here.customers, "states and health");
        assert_eq!(there.cohorts, here.cohorts);
        // Backtests at earlier days; the expected counts are sums the cores split
        // differently, equal to the last bits.
        for (a, b) in [
            (&there.forecast_30, &here.forecast_30),
            (&there.forecast_90, &here.forecast_90),
        ] {
            assert_eq!(a.milestones.len(), b.milestones.len());
            for (x, y) in a.milestones.iter().zip(&b.milestones) {
                assert_eq!(
                    (&x.id, x.in_flight, &x.expected_text),
                    (&y.id, y.in_flight, &y.expected_text)
                );
                assert!((x.expected - y.expected).abs() < 1e-9, "{x:?} {y:?}");
            }
        }
    }
    assert_eq!(live(&journey, &remote), live(&journey, &data));

    let day = milepost::format::date(cutoff);
    let o = milepost::value::Overrides::default();
    let here = milepost::value::compute(&journey, &data, &day, cutoff, &o);
    let there = milepost::value::compute(&journey, &remote, &day, cutoff, &o);
    assert_eq!(
        serde_json::to_value(&there).unwrap(),
        serde_json::to_value(&here).unwrap()
    );

    // A matrix whose axes read a metric and the ARR: customers placed alike.
    let mut m = journey.matrices[0].clone();
    m.x.field = milepost::journey::AxisField::Customer(milepost::journey::CustomerField::Metric(
        journey.metrics[2].id.clone(),
    ));
    m.y.field = milepost::journey::AxisField::Customer(milepost::journey::CustomerField::Arr);
    let scores = milepost::engine::Scores::default();
    let place = |d: &Dataset| {
        let a = assess(&journey, d, cutoff);
        let who = milepost::engine::population(d, &a, &Filter::default());
        let r = milepost::engine::Reader::new(&journey, d, &scores, cutoff);
        serde_json::to_value(milepost::matrix::place(
            &m,
            &r,
            &who,
            milepost::matrix::Level::Customer,
        ))
        .unwrap()
    };
    let placed = place(&data);
    assert_eq!(place(&remote), placed);
    assert!(placed["points"].as_array().unwrap().len() > 100, "{placed}");
}

#[test]
fn results_of_the_journey_before_an_edit_are_not_the_edited_journeys() {
    let (data, journey) = demo();
    let cutoff = cutoff_of_day(data.latest().unwrap());
    let remote = measured(&data, &journey, cutoff);
    let measures = remote.measures.as_ref().unwrap();
    let mut edited = journey.clone();
    edited.stages[0].milestones[0].criteria[0].value += 1.0;
    assert!(!measures.is_for(&edited), "a criterion changed");
    let mut renamed = journey.clone();
    renamed.stages[0].name = "Getting started".to_owned();
    renamed.activities.clear();
    assert!(
        measures.is_for(&renamed),
        "names and plays do not change the results"
    );
}

#[test]
fn a_past_day_has_no_health_where_the_metrics_were_not_measured_then() {
    let (data, journey) = demo();
    let cutoff = cutoff_of_day(data.latest().unwrap());
    let remote = measured(&data, &journey, cutoff);
    let past = Some(cutoff - 90 * 86_400);
    let here = analyse(&journey, &data, past, &Filter::default()).unwrap();
    let there = analyse(&journey, &remote, past, &Filter::default()).unwrap();
    assert_eq!(
        there.funnel, here.funnel,
        "reached times hold for any earlier day"
    );
    let uses_metrics = |stage: &str| {
        journey
            .stages
            .iter()
            .find(|s| s.id == stage)
            .and_then(|s| s.health.as_ref())
            .is_some_and(|h| !h.metrics.is_empty())
    };
    let mut without = 0;
    for (a, b) in there.customers.iter().zip(&here.customers) {
        assert_eq!(
            (&a.id, &a.stage, a.days_in_stage),
            (&b.id, &b.stage, b.days_in_stage)
        );
        if a.stage.as_deref().is_some_and(uses_metrics) {
            assert_eq!(
                a.health, None,
                "{}: no colour from unmeasured metrics",
                a.id
            );
            without += 1;
        } else {
            assert_eq!(a.health, b.health);
        }
    }
    assert!(without > 10, "{without}");
}
