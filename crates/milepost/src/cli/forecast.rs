//! `milepost forecast`: how many customers will reach each milestone in the next N days,
//! or a back-test of that forecast at an earlier date.

use std::path::Path;

use super::{Scope, assessed, day, out, out_json, percent, render, table};

#[derive(Debug, clap::Args)]
pub struct ForecastArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    #[command(flatten)]
    scope: Scope,
    /// The horizon in days
    #[arg(long, default_value_t = 90)]
    days: u32,
    /// Forecast as of this earlier day and compare with what happened next
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = day)]
    backtest: Option<i64>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

pub fn exec(db: Option<&Path>, args: ForecastArgs) -> anyhow::Result<()> {
    let x = assessed(db, &args.journey, &args.scope)?;
    if let Some(day) = args.backtest {
        let cutoff = milepost::engine::cutoff_of_day(day);
        let b = milepost::engine::backtest(&x.journey, &x.data, cutoff, &x.filter, args.days);
        if args.json {
            return out_json(&b);
        }
        let mut t = table(["MILESTONE", "FORECAST", "ACTUAL"], &[1, 2]);
        for m in &b.milestones {
            t.add_row([
                m.name.clone(),
                format!("{:.1}", m.forecast),
                m.actual.to_string(),
            ]);
        }
        return out(format!(
            "Back-test: forecast as of {} for {} days, against what happened\n{}\n\
             mean absolute error {:.1} customers per milestone; weighted error {}",
            b.as_of,
            b.days,
            render(&t),
            b.mean_absolute_error,
            percent(b.weighted_error)
        ));
    }
    let f = milepost::engine::forecast(&x.data, &x.a, &x.filter, args.days);
    if args.json {
        return out_json(&f);
    }
    let mut t = table(["MILESTONE", "IN FLIGHT", "EXPECTED"], &[1, 2]);
    for m in &f.milestones {
        t.add_row([
            m.name.clone(),
            milepost::format::count(m.in_flight),
            m.expected_text.clone(),
        ]);
    }
    out(format!(
        "Forecast as of {}: customers reaching each milestone in the next {} days\n{}",
        f.as_of,
        f.days,
        render(&t)
    ))
}
