//! Customer data: the import wizard's preview and import (with progress over a Channel
//! and a Cancel), the customers table and a customer's timeline.

use std::collections::BTreeMap;
use std::path::PathBuf;

use milepost::data::{DataPreview, ImportOptions, ImportOutcome, Progress, Table};
use milepost::demo::DemoProgress;
use milepost::engine::{Analysis, CustomerState, Health, LiveNumbers, TaskItem, WeekLoad};
use milepost::journey::Journey;
use milepost::store::{CustomerDetail, CustomerRow, DataSummary, Store};
use tauri::State;
use tauri::ipc::Channel;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;
use crate::work::Job;

/// Events shown on a customer's timeline.
const TIMELINE: usize = 500;

#[tauri::command]
pub async fn preview_data_file(
    path: PathBuf,
    table: Table,
    sheet: Option<String>,
) -> CommandResult<DataPreview> {
    crate::work::compute(move || Ok(milepost::data::preview(&path, table, sheet.as_deref())?))
        .await?
}

/// Runs an import on its own connection, so the rest of the app keeps reading the
/// workspace meanwhile; progress goes to `on_progress` about every 100 ms.
#[tauri::command]
pub async fn import_data(
    options: ImportOptions,
    on_progress: Channel<Progress>,
    state: State<'_, AppState>,
) -> CommandResult<ImportOutcome> {
    let path = state.db_path.clone();
    let outcome = state
        .jobs
        .run(Job::Import, move |cancel| {
            let mut store = Store::open(&path)?;
            let mut progress = |p: Progress| {
                let _ = on_progress.send(p);
            };
            store.import(&options, &mut progress, cancel)
        })
        .await;
    if outcome.as_ref().is_ok_and(|o| o.committed) {
        state.data_changed();
    }
    outcome
}

/// Stops the running import; it rolls back and reports `cancelled`.
#[tauri::command]
pub fn cancel_import(state: State<'_, AppState>) {
    state.jobs.cancel(Job::Import);
}

#[tauri::command]
pub async fn data_summary(state: State<'_, AppState>) -> CommandResult<DataSummary> {
    state.with_store(|s| s.data_summary()).await
}

#[tauri::command]
pub async fn list_customers(state: State<'_, AppState>) -> CommandResult<Vec<CustomerRow>> {
    state.with_store(|s| s.customers()).await
}

#[tauri::command]
pub async fn customer_detail(
    id: String,
    state: State<'_, AppState>,
) -> CommandResult<CustomerDetail> {
    state.with_store(move |s| s.customer(&id, TIMELINE)).await
}

/// Customers in the app's demo data set.
const DEMO_CUSTOMERS: usize = 2000;

/// Fills the workspace with the demo data set, so a newcomer sees real numbers at once;
/// what it is doing goes to `on_progress` as it goes.
#[tauri::command]
pub async fn load_demo_data(
    on_progress: Channel<DemoProgress>,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    state
        .with_store(move |s| {
            let (mut sent, mut step) = (std::time::Instant::now(), String::new());
            milepost::demo::load_with(s, DEMO_CUSTOMERS, 1, &mut |p| {
                // Every new step, and within one at most ten times a second.
                if p.step != step || sent.elapsed().as_millis() >= 100 {
                    sent = std::time::Instant::now();
                    step.clone_from(&p.step);
                    let _ = on_progress.send(p);
                }
            })
        })
        .await?;
    state.data_changed();
    Ok(())
}

/// The success funnel and the health per stage of a journey as it is being edited (saved
/// or not), over the workspace's customers as of the latest event's day; null without
/// any events.
#[tauri::command]
pub async fn journey_funnel(
    journey: Journey,
    id: Option<i64>,
    state: State<'_, AppState>,
) -> CommandResult<Option<LiveNumbers>> {
    let data = match id {
        Some(id) => state.dataset_for(id).await?,
        None => state.dataset().await?,
    };
    let cache = state.live_cache(&data);
    crate::work::compute(move || milepost::engine::live_cached(&journey, &data, &cache)).await
}

/// The Funnel view of a stored journey: funnel, customers, forecasts and cohorts, as of a
/// day (default: the latest event's) for a segment and a start month (default: all); null
/// without events.
#[tauri::command]
pub async fn journey_analysis(
    id: i64,
    as_of: Option<String>,
    segment: Option<String>,
    cohort: Option<String>,
    state: State<'_, AppState>,
) -> CommandResult<Option<Analysis>> {
    let journey = state.with_store(move |s| s.load_journey(id)).await?;
    let data = state.dataset_for(id).await?;
    crate::work::compute(move || {
        let day = match as_of {
            Some(text) => Some(
                milepost::data::values::parse_timestamp(&text, milepost::data::DateOrder::Auto)
                    .map_err(|e| {
                        CommandError::from(milepost::Error::Data {
                            path: "as-of".into(),
                            message: e,
                        })
                    })?,
            ),
            None => None,
        };
        let filter = milepost::engine::Filter {
            segment,
            started: cohort.as_deref().and_then(milepost::engine::month_range),
            ..Default::default()
        };
        Ok(milepost::engine::analyse(&journey, &data, day, &filter))
    })
    .await?
}

/// The tasks replay each day's health, which needs every usage event: results from a
/// warehouse (a few numbers per customer, as of one day) cannot show them.
fn needs_events(data: &milepost::engine::Dataset) -> CommandResult<()> {
    if data.measures.is_some() {
        return Err(CommandError::new(
            milepost::error::ErrorCode::InvalidOption,
            "Tasks need every usage event: the rules replay each customer's health day by day, and the warehouse returns a few numbers per customer as of one day. Import the events (a recent quarter is enough) to see this week's tasks.",
        ));
    }
    Ok(())
}

/// This week's tasks from the playbook's rules, most urgent first.
#[tauri::command]
pub async fn journey_tasks(
    id: i64,
    days: i64,
    state: State<'_, AppState>,
) -> CommandResult<Vec<TaskItem>> {
    let journey = state.with_store(move |s| s.load_journey(id)).await?;
    let data = state.dataset_for(id).await?;
    needs_events(&data)?;
    let scores = state.scores(data.clone(), &journey).await?;
    crate::work::compute(move || {
        let Some(latest) = data.latest() else {
            return Vec::new();
        };
        let a = milepost::engine::assess(&journey, &data, milepost::engine::cutoff_of_day(latest));
        milepost::engine::tasks(&journey, &data, &scores, &a, &Default::default(), days)
    })
    .await
}

/// Writes the tasks as spreadsheet-safe CSV.
#[tauri::command]
pub async fn export_tasks_csv(
    id: i64,
    days: i64,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let list = journey_tasks(id, days, state).await?;
    let text = milepost::engine::to_csv(&list);
    super::write_csv(path, text).await
}

/// The rules replayed over past weeks: tasks per owner, role and week.
#[tauri::command]
pub async fn tasks_dry_run(
    id: i64,
    weeks: i64,
    capacity: BTreeMap<String, u32>,
    state: State<'_, AppState>,
) -> CommandResult<Vec<WeekLoad>> {
    let journey = state.with_store(move |s| s.load_journey(id)).await?;
    let data = state.dataset_for(id).await?;
    needs_events(&data)?;
    let scores = state.scores(data.clone(), &journey).await?;
    crate::work::compute(move || {
        let Some(latest) = data.latest() else {
            return Vec::new();
        };
        let a = milepost::engine::assess(&journey, &data, milepost::engine::cutoff_of_day(latest));
        milepost::engine::dry_run(
            &journey,
            &data,
            &scores,
            &a,
            &Default::default(),
            weeks,
            &capacity,
        )
    })
    .await
}

/// Every customer's health colour (null without rules, or churned) in a stored journey,
/// as of the latest event's day: customer id → colour.
#[tauri::command]
pub async fn customer_health(
    id: i64,
    state: State<'_, AppState>,
) -> CommandResult<BTreeMap<String, Option<Health>>> {
    let journey = state.with_store(move |s| s.load_journey(id)).await?;
    let data = state.dataset_for(id).await?;
    crate::work::compute(move || {
        let Some(latest) = data.latest() else {
            return BTreeMap::new();
        };
        let a = milepost::engine::assess(&journey, &data, milepost::engine::cutoff_of_day(latest));
        milepost::engine::customer_states(&journey, &data, &a, &Default::default())
            .into_iter()
            .map(|c| (c.id, c.health.map(|h| h.colour)))
            .collect()
    })
    .await
}

/// One customer's place in a stored journey as of the latest event's day: stage, furthest
/// milestone, health with its reasons and next action; null when it has not started.
#[tauri::command]
pub async fn customer_state(
    journey: i64,
    customer: String,
    state: State<'_, AppState>,
) -> CommandResult<Option<CustomerState>> {
    let j = state.with_store(move |s| s.load_journey(journey)).await?;
    let data = state.dataset_for(journey).await?;
    crate::work::compute(move || {
        let latest = data.latest()?;
        let a = milepost::engine::assess(&j, &data, milepost::engine::cutoff_of_day(latest));
        milepost::engine::customer_states(&j, &data, &a, &Default::default())
            .into_iter()
            .find(|c| c.id == customer)
    })
    .await
}
