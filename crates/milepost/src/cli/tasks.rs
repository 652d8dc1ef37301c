//! `milepost tasks`: the tasks the playbook's rules created this week, or a dry run of
//! the rules over past weeks against each role's capacity.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Scope, assessed, key_value, named, out, out_json, render, table};

#[derive(Debug, clap::Args)]
pub struct TasksArgs {
    /// The journey's id, name, or the start of its name
    journey: String,
    #[command(flatten)]
    scope: Scope,
    /// Tasks created in this many days ending on the as-of date
    #[arg(long, default_value_t = 7)]
    days: i64,
    /// Print JSON
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print CSV (spreadsheet-safe: no cell starts a formula)
    #[arg(long)]
    csv: bool,
    /// Write the CSV to this file (UTF-8 with a byte-order mark, for Excel) instead of
    /// printing it
    #[arg(short, long, value_name = "FILE", requires = "csv")]
    output: Option<std::path::PathBuf>,
    /// Replay the rules over past weeks: tasks per owner per week (the last week ends on
    /// the as-of date, so it holds exactly this week's tasks)
    #[arg(long)]
    dry_run: bool,
    /// Weeks to replay in a dry run
    #[arg(long, default_value_t = 12)]
    weeks: i64,
    /// Tasks a person in a role can take per week: --capacity CSM=25 (role id or name)
    #[arg(long = "capacity", value_name = "ROLE=N", value_parser = key_value::<u32>)]
    capacity: Vec<(String, u32)>,
}

pub fn exec(db: Option<&Path>, args: TasksArgs) -> anyhow::Result<()> {
    let x = assessed(db, &args.journey, &args.scope)?;
    if args.dry_run {
        let caps: BTreeMap<String, u32> = args.capacity.into_iter().collect();
        let load = milepost::engine::dry_run(
            &x.journey, &x.data, &x.scores, &x.a, &x.filter, args.weeks, &caps,
        );
        if args.json {
            return out_json(&load);
        }
        let mut t = table(
            ["WEEK OF", "OWNER", "ROLE", "TASKS", "CAPACITY", ""],
            &[3, 4],
        );
        for w in load {
            t.add_row([
                w.week,
                w.owner.unwrap_or_else(|| "—".to_owned()),
                w.role.unwrap_or_else(|| "—".to_owned()),
                w.tasks.to_string(),
                w.capacity.map_or("—".to_owned(), |c| c.to_string()),
                if w.over { "over" } else { "" }.to_owned(),
            ]);
        }
        return out(render(&t));
    }
    let list = milepost::engine::tasks(&x.journey, &x.data, &x.scores, &x.a, &x.filter, args.days);
    if args.json {
        return out_json(&list);
    }
    if args.csv {
        return super::csv_out(args.output.as_deref(), &milepost::engine::to_csv(&list));
    }
    let mut t = table(["PRIO", "DUE", "CUSTOMER", "TASK", "OWNER", "REASON"], &[]);
    for task in &list {
        t.add_row([
            milepost::serde_name(&task.priority),
            task.due.clone(),
            named(task.customer_name.as_deref(), &task.customer),
            task.title.clone(),
            task.owner.clone().unwrap_or_else(|| "—".to_owned()),
            task.reason.clone(),
        ]);
    }
    out(render(&t))
}
