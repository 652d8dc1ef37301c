//! The customer assessment as CSV: each customer's furthest milestone, when it reached
//! each one, its stage, days in it, health, and its quadrant in every matrix — for the
//! spreadsheet a CS team already lives in. Cells are spreadsheet-safe (`data::safe_csv`).

use crate::engine::{Assessment, Dataset, Filter, Reader, Scores, customer_states, population};
use crate::journey::Journey;

/// The byte-order mark that makes Excel read a CSV file as UTF-8 (names like "Chloé").
pub const BOM: &str = "\u{feff}";

/// CSV text as a file for Excel: UTF-8 with a byte-order mark.
pub fn for_excel(text: &str) -> String {
    format!("{BOM}{text}")
}

/// The assessment of the customers `filter` admits as of `a`'s cut-off, one row each.
pub fn customers(
    journey: &Journey,
    data: &Dataset,
    scores: &Scores,
    a: &Assessment,
    filter: &Filter,
    currency: &crate::format::Currency,
) -> String {
    let mut header: Vec<String> = [
        "customer_id",
        "name",
        "segment",
        "owner",
        &format!("arr ({currency})"),
        "furthest_milestone",
        "stage",
        "days_in_stage",
        "health",
    ]
    .map(String::from)
    .into();
    header.extend(a.milestones.iter().map(|m| format!("reached: {}", m.name)));
    header.extend(journey.matrices.iter().map(|m| m.name.clone()));
    let r = Reader::new(journey, data, scores, a.cutoff);
    let rows = customer_states(journey, data, a, filter)
        .into_iter()
        .zip(population(data, a, filter))
        .map(|(s, c)| {
            let cust = &data.customers[c];
            let health = if s.churned {
                "churned".to_owned()
            } else {
                s.health
                    .as_ref()
                    .map(|h| crate::serde_name(&h.colour))
                    .unwrap_or_default()
            };
            let mut row = vec![
                s.id.clone(),
                s.name.clone().unwrap_or_default(),
                cust.segment.clone().unwrap_or_default(),
                cust.owner.clone().unwrap_or_default(),
                cust.arr.map(|v| v.to_string()).unwrap_or_default(),
                s.furthest_name.clone().unwrap_or_default(),
                s.stage_name.clone().unwrap_or_default(),
                s.days_in_stage
                    .map(|d| format!("{d:.1}"))
                    .unwrap_or_default(),
                health,
            ];
            row.extend(a.milestones.iter().map(|m| {
                s.reached
                    .get(&m.id)
                    .and_then(|v| v.as_str())
                    .map(|t| t.get(..10).unwrap_or(t).to_owned())
                    .unwrap_or_default()
            }));
            row.extend(journey.matrices.iter().map(|m| {
                r.corner(m, c)
                    .map(|q| crate::matrix::quadrant_name(m, q))
                    .unwrap_or_default()
            }));
            row
        });
    crate::data::safe_csv(std::iter::once(header).chain(rows))
}

/// The value portfolio, one row per customer, most money left on the table first: its
/// phase, stage, the money, and per value metric its baseline, current value,
/// improvement, the peers' median and p75, its percentile and leakage.
pub fn value_portfolio(report: &crate::value::ValueReport) -> String {
    let cur = report.currency.code();
    let mut header: Vec<String> = vec![
        "customer_id".to_owned(),
        "name".to_owned(),
        "segment".to_owned(),
        "plan".to_owned(),
        format!("arr ({cur})"),
        "status".to_owned(),
        "stage".to_owned(),
        "phase".to_owned(),
        format!("leakage_money_per_year ({cur})"),
    ];
    let metrics: Vec<(String, String)> = report
        .customers
        .first()
        .map(|c| {
            c.metrics
                .iter()
                .map(|m| (m.metric.to_string(), m.name.to_string()))
                .collect()
        })
        .unwrap_or_default();
    for (_, name) in &metrics {
        for what in [
            "baseline",
            "current",
            "improvement",
            "peers",
            "peer p50",
            "peer p75",
            "percentile",
            "leakage",
        ] {
            header.push(format!("{name}: {what}"));
        }
        header.push(format!("{name}: leakage money ({cur})"));
    }
    header.push("adopted_capabilities".to_owned());
    header.push("next_capability".to_owned());
    let num = |v: Option<f64>| v.map(|x| format!("{}", (x * 100.0).round() / 100.0));
    let mut customers: Vec<_> = report.customers.iter().collect();
    customers.sort_by(|a, b| {
        a.churned.is_some().cmp(&b.churned.is_some()).then(
            b.leakage_money
                .unwrap_or(-1.0)
                .total_cmp(&a.leakage_money.unwrap_or(-1.0)),
        )
    });
    let rows = customers.into_iter().map(|c| {
        let mut row = vec![
            c.customer_id.clone(),
            c.name.clone().unwrap_or_default(),
            c.segment.clone().unwrap_or_default(),
            c.plan.clone().unwrap_or_default(),
            c.arr.map(|v| v.to_string()).unwrap_or_default(),
            c.churned
                .as_ref()
                .map_or_else(|| "active".to_owned(), |d| format!("churned {d}")),
            c.stage_name.as_deref().unwrap_or_default().to_owned(),
            c.phase_name.as_deref().unwrap_or_default().to_owned(),
            num(c.leakage_money).unwrap_or_default(),
        ];
        for m in &c.metrics {
            let peers = m
                .peer_group
                .as_ref()
                .map(|g| {
                    let keys: Vec<&str> = g.keys.values().map(String::as_str).collect();
                    let who = if keys.is_empty() {
                        "everyone".to_owned()
                    } else {
                        keys.join(" · ")
                    };
                    format!("{who} (n={})", g.n)
                })
                .unwrap_or_default();
            row.extend([
                num(m.baseline).unwrap_or_default(),
                num(m.current).unwrap_or_default(),
                num(m.improvement).unwrap_or_default(),
                peers,
                num(m.peer_p50).unwrap_or_default(),
                num(m.peer_p75).unwrap_or_default(),
                num(m.percentile).unwrap_or_default(),
                num(m.leakage).unwrap_or_default(),
                num(m.leakage_money).unwrap_or_default(),
            ]);
        }
        row.push(
            c.adopted
                .iter()
                .map(|a| &**a)
                .collect::<Vec<&str>>()
                .join(" "),
        );
        row.push(
            c.next_capabilities
                .first()
                .map(|n| n.name.to_string())
                .unwrap_or_default(),
        );
        row
    });
    crate::data::safe_csv(std::iter::once(header).chain(rows))
}
