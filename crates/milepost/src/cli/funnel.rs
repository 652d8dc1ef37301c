//! `milepost funnel`, `milepost customers` and `milepost cohorts`: the success funnel,
//! where every customer is, and how fast each start cohort moved.

use std::path::Path;

use milepost::format::count;

use super::{Scope, named, out, out_json, render, table};

/// A journey and which of its customers to look at.
#[derive(Debug, clap::Args)]
pub struct FunnelArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    #[command(flatten)]
    scope: Scope,
    /// Print JSON (the contract other tools rely on)
    #[arg(long)]
    json: bool,
}

/// `milepost funnel`: a journey, which customers, and where the assessment runs.
#[derive(Debug, clap::Args)]
pub struct FunnelCommand {
    #[command(flatten)]
    base: FunnelArgs,
    #[command(flatten)]
    engine: super::sql::Engine,
}

/// `milepost funnel`
pub fn funnel(db: Option<&Path>, command: FunnelCommand) -> anyhow::Result<()> {
    let FunnelCommand { base: args, engine } = command;
    let x = super::assessed_by(db, &args.journey, &args.scope, &engine)?;
    let f = milepost::engine::funnel(&x.journey.name, &x.data, &x.a, &x.filter);
    if args.json {
        return out_json(&f);
    }
    use milepost::engine::funnel::column_name;
    let columns = [
        "reached",
        "conversion_from_previous",
        "conversion_from_start",
        "median_days_from_start",
        "p75_days_from_start",
        "churned",
        "churn_rate",
    ];
    let mut header = vec![String::new(), "MILESTONE".to_owned(), "STAGE".to_owned()];
    header.extend(columns.iter().map(|c| column_name(c).to_uppercase()));
    header.push(String::new());
    let mut t = table(header, &[0, 3, 4, 5, 6, 7, 8, 9]);
    let stage_name = |id: &str| {
        x.journey
            .stages
            .iter()
            .find(|s| s.id == id)
            .map_or_else(|| id.to_owned(), |s| s.name.clone())
    };
    for (i, m) in f.milestones.iter().enumerate() {
        let mark = if f.bottleneck.as_deref() == Some(m.id.as_str()) {
            "◀ bottleneck"
        } else {
            ""
        };
        let tx = &m.text;
        t.add_row([
            (i + 1).to_string(),
            m.name.clone(),
            stage_name(&m.stage),
            tx.reached.clone(),
            tx.conversion_from_previous.clone(),
            tx.conversion_from_start.clone(),
            tx.median_days_from_start.clone(),
            tx.p75_days_from_start.clone(),
            tx.churned.clone(),
            tx.churn_rate.clone(),
            mark.to_owned(),
        ]);
    }
    out(format!(
        "{} — as of {}, {} customers\n{}\n   reached no milestone: {} ({} churned)",
        f.journey,
        f.as_of,
        count(f.customers),
        render(&t),
        count(f.not_started),
        count(f.not_started_churned)
    ))
}

/// `milepost customers`: a journey's customers, as a table, JSON or CSV.
#[derive(Debug, clap::Args)]
pub struct CustomersArgs {
    #[command(flatten)]
    base: FunnelArgs,
    /// Print the assessment as CSV: furthest milestone, when each was reached, stage, days
    /// in it, health and the quadrant in every matrix (spreadsheet-safe)
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    /// Write the CSV to this file (UTF-8 with a byte-order mark, for Excel) instead of
    /// printing it
    #[arg(short, long, value_name = "FILE", requires = "csv")]
    output: Option<std::path::PathBuf>,
    #[command(flatten)]
    engine: super::sql::Engine,
}

/// `milepost customers`
pub fn customers(db: Option<&Path>, args: CustomersArgs) -> anyhow::Result<()> {
    let CustomersArgs {
        base: args,
        csv,
        output,
        engine,
    } = args;
    let x = super::assessed_by(db, &args.journey, &args.scope, &engine)?;
    if csv {
        let text = milepost::report::csv::customers(
            &x.journey,
            &x.data,
            &x.scores,
            &x.a,
            &x.filter,
            &x.currency,
        );
        return super::csv_out(output.as_deref(), &text);
    }
    let rows = milepost::engine::customer_states(&x.journey, &x.data, &x.a, &x.filter);
    if args.json {
        return out_json(&rows);
    }
    let mut t = table(
        [
            "CUSTOMER",
            "FURTHEST MILESTONE",
            "STAGE",
            "DAYS",
            "HEALTH",
            "NEXT ACTION",
        ],
        &[3],
    );
    for r in rows {
        let (colour, action) = match (&r.health, r.churned) {
            (_, true) => ("churned".to_owned(), String::new()),
            (Some(h), _) => (
                milepost::serde_name(&h.colour),
                h.action_name.clone().unwrap_or_default(),
            ),
            (None, _) => ("—".to_owned(), String::new()),
        };
        t.add_row([
            named(r.name.as_deref(), &r.id),
            r.furthest_name.unwrap_or_else(|| "—".to_owned()),
            r.stage_name.unwrap_or_else(|| "—".to_owned()),
            r.days_in_stage_text.clone(),
            colour,
            action,
        ]);
    }
    out(render(&t))
}

/// `milepost cohorts`
pub fn cohorts(db: Option<&Path>, command: FunnelCommand) -> anyhow::Result<()> {
    let FunnelCommand { base: args, engine } = command;
    let x = super::assessed_by(db, &args.journey, &args.scope, &engine)?;
    let rows = milepost::engine::cohorts(&x.data, &x.a, &x.filter);
    if args.json {
        return out_json(&rows);
    }
    // One block per milestone: months down, horizons across.
    let mut text = String::new();
    for (k, m) in x.a.milestones.iter().enumerate() {
        let mut t = table(
            ["COHORT", "CUSTOMERS", "30 D", "60 D", "90 D", "180 D"],
            &[1, 2, 3, 4, 5],
        );
        for r in &rows {
            let mut cells = vec![r.month.clone(), milepost::format::count(r.customers)];
            for (h, share) in r.share[k].iter().enumerate() {
                let mark = if r.complete[h] { " " } else { "*" };
                cells.push(format!("{}{mark}", milepost::format::whole_percent(*share)));
            }
            t.add_row(cells);
        }
        text.push_str(&format!("{}\n{}\n\n", m.name, render(&t)));
    }
    text.push_str("* the cohort has not had that long yet: the share can still grow");
    out(text)
}
