//! The demo data a newcomer sees first must look like a real business through every
//! built-in template: funnels that narrow, a plausible health mix, churn among those who
//! stalled early, and a CSM's week of tasks a person could do.

use milepost::demo;
use milepost::engine::{Filter, assess, cutoff_of_day, funnel};
use milepost::journey::templates;
use milepost::store::Store;

#[test]
fn the_demo_looks_like_a_real_business_through_every_template() {
    let mut store = Store::open_in_memory().unwrap();
    // The size the app's "Load demo data" uses.
    demo::load(&mut store, 2000, 1).unwrap();
    let data = store.load_dataset().unwrap();
    let profiles = demo::profiles(&data, &store.load_scores(&data, None).unwrap());
    assert_eq!(profiles.len(), templates::list().len());
    for p in &profiles {
        let line = p.line();
        assert!((0.50..=0.80).contains(&p.green_share()), "{line}");
        assert!((0.10..=0.30).contains(&p.grey_share()), "{line}");
        assert!((0.08..=0.22).contains(&p.red_share()), "{line}");
        assert!(
            p.first_milestone as f64 > 0.8 * p.customers as f64,
            "{line}"
        );
        assert!(
            p.last_milestone > 0 && (p.last_milestone as f64) < 0.5 * p.customers as f64,
            "{line}"
        );
        let week = &p.tasks_per_owner;
        assert_eq!(week.len(), 8, "every CSM has tasks: {line}");
        assert!((10..=40).contains(&week[week.len() / 2]), "{line}");
        assert!(*week.last().unwrap() <= 50, "{line}");
    }
    // Churn gathers among customers who reached few milestones.
    for t in templates::list() {
        let j = templates::get(t.key).unwrap();
        let a = assess(&j, &data, cutoff_of_day(data.latest().unwrap()));
        let f = funnel(&j.name, &data, &a, &Filter::default());
        let early_churn = (f.not_started_churned + f.milestones[0].churned) as f64
            / (f.not_started + f.milestones[0].furthest) as f64;
        let late = &f.milestones[f.milestones.len() - 2..];
        let late_churn = late.iter().map(|m| m.churned).sum::<u64>() as f64
            / late.iter().map(|m| m.furthest).sum::<u64>() as f64;
        assert!(
            early_churn > 3.0 * late_churn,
            "{}: {early_churn} vs {late_churn}",
            j.name
        );
        // Each step converts: nobody is stuck at a milestone the data cannot reach.
        for m in &f.milestones {
            assert!(
                m.conversion_from_previous.is_some_and(|c| c > 0.3),
                "{}: {m:?}",
                j.name
            );
        }
    }
}
