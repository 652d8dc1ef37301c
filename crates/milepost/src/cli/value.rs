//! `milepost value`: value realisation against peers — every customer's value metrics
//! against comparable customers, the value left on the table (leakage), its maturity phase
//! and what to unlock next.

use std::path::{Path, PathBuf};

use milepost::journey::PeerKey;
use milepost::value::{Overrides, compute_assessed};

use super::{named, open, out, out_json, render, table};

#[derive(Debug, clap::Args)]
pub struct ValueArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    /// Count events up to and including this day [default: the day of the latest event]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = super::day)]
    as_of: Option<i64>,
    /// Group peers by these customer fields, most important first: segment, plan,
    /// tenure, arr_band [default: the journey's, else segment,plan]
    #[arg(long, value_delimiter = ',', value_parser = peer_key)]
    peers: Option<Vec<PeerKey>>,
    /// The smallest peer group shown (at least 3) [default: the journey's, else 5]
    #[arg(long)]
    k: Option<u32>,
    /// Compare with the benchmarks imported last (milepost benchmarks import) instead of
    /// this workspace's customers
    #[arg(long)]
    imported: bool,
    /// Print JSON: every customer of the funnel, with null where a value cannot be had
    #[arg(long, conflicts_with_all = ["csv", "pdf"])]
    json: bool,
    /// Write the portfolio as CSV: a row per customer, most money left on the table first
    #[arg(long, conflicts_with = "pdf")]
    csv: bool,
    /// Write one customer's value review as PDF (with --customer and -o)
    #[arg(long, requires_all = ["customer", "output"])]
    pdf: bool,
    /// The customer whose value review to write
    #[arg(long, value_name = "ID", requires = "pdf")]
    customer: Option<String>,
    /// List the customers who had churned by the day too, marked churned (never compared
    /// with peers, no money left on the table, no plays)
    #[arg(long)]
    churned: bool,
    /// Where to write the CSV or PDF [default for CSV: standard output]
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The value review's paper size
    #[arg(long, value_enum, default_value_t = super::journey::PaperArg::A4)]
    paper: super::journey::PaperArg,
    /// Your company, printed on the value review as "prepared by"
    #[arg(long)]
    company: Option<String>,
    #[command(flatten)]
    engine: super::sql::Engine,
}

fn peer_key(s: &str) -> Result<PeerKey, String> {
    serde_json::from_value(serde_json::Value::from(s.trim()))
        .map_err(|_| format!("\"{s}\" is not a peer key; use segment, plan, tenure or arr_band"))
}

pub fn exec(db: Option<&Path>, args: ValueArgs) -> anyhow::Result<()> {
    if let Some(k) = args.k
        && k < 3
    {
        anyhow::bail!(
            "--k {k}: a peer group must have at least 3 customers, so no one can be singled out"
        );
    }
    let scope = super::Scope {
        as_of: args.as_of,
        segment: None,
        plan: None,
        owner: None,
        cohort: None,
    };
    let x = super::assessed_by(db, &args.journey, &scope, &args.engine)?;
    let (journey, data) = (&x.journey, &x.data);
    let as_of = milepost::format::date(x.a.cutoff);
    let external = if args.imported {
        Some(open(db)?.latest_benchmarks()?.ok_or_else(|| {
            anyhow::anyhow!("no benchmarks imported yet (milepost benchmarks import FILE)")
        })?)
    } else {
        None
    };
    let report = compute_assessed(
        journey,
        data,
        &x.a,
        &as_of,
        &Overrides {
            keys: args.peers,
            k: args.k,
            external,
            include_churned: args.churned,
            currency: x.currency.clone(),
        },
    );
    if args.json {
        return out_json(&report);
    }
    if args.csv {
        return super::csv_out(
            args.output.as_deref(),
            &milepost::report::csv::value_portfolio(&report),
        );
    }
    if let (true, Some(id), Some(path)) = (args.pdf, &args.customer, &args.output) {
        let bytes = milepost::report::value_review::review_pdf(
            journey,
            &report,
            data,
            id,
            &milepost::report::value_review::ReviewOptions {
                paper: args.paper.into(),
                company: args.company,
            },
            milepost::now(),
        )?;
        milepost::report::write_atomic(path, &bytes)?;
        eprintln!("wrote {}", path.display());
        return Ok(());
    }
    let mut rows: Vec<_> = report.customers.iter().collect();
    rows.sort_by(|a, b| {
        a.churned.is_some().cmp(&b.churned.is_some()).then(
            b.leakage_money
                .unwrap_or(0.0)
                .total_cmp(&a.leakage_money.unwrap_or(0.0)),
        )
    });
    let mut t = table(
        [
            "CUSTOMER".to_owned(),
            "SEGMENT".to_owned(),
            "PHASE".to_owned(),
            format!("LEAKAGE / YEAR ({})", report.currency),
            "BEHIND PEERS ON".to_owned(),
        ],
        &[3],
    );
    for c in rows.iter().take(25) {
        let behind: Vec<String> = c
            .metrics
            .iter()
            .filter(|m| m.leakage.is_some_and(|l| l > 0.0))
            .map(|m| m.name.to_string())
            .collect();
        t.add_row([
            named(c.name.as_deref(), &c.customer_id),
            c.segment.clone().unwrap_or_else(|| "—".to_owned()),
            match &c.churned {
                Some(day) => format!("churned {day}"),
                None => c.phase_name.as_deref().unwrap_or("—").to_owned(),
            },
            c.leakage_text.clone(),
            behind.join(", "),
        ]);
    }
    let churned = if report.churned == 0 {
        String::new()
    } else {
        format!(
            " {} churned by then {} not counted{}.",
            milepost::format::counted(report.churned as u64, "customer"),
            if report.churned == 1 { "is" } else { "are" },
            if args.churned {
                ""
            } else {
                " (--churned lists them)"
            }
        )
    };
    out(format!(
        "{}\nValue left on the table as of {}: {} over {} (peers: {}, k = {}, reference {}).{churned}",
        render(&t),
        report.as_of,
        report.currency.per_year(report.leakage_money),
        milepost::format::counted(report.active as u64, "active customer"),
        if report.keys.is_empty() {
            "everyone".to_owned()
        } else {
            report.keys.join(" → ")
        },
        report.k,
        report.reference
    ))
}
