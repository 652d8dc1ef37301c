//! The Value view: every customer's value against its peers, as of the latest event; a
//! customer's value review as PDF and the portfolio as CSV.

use std::path::PathBuf;
use std::sync::Arc;

use milepost::engine::Dataset;
use milepost::journey::Journey;
use milepost::report::value_review::ReviewOptions;
use milepost::value::{Overrides, ValueReport, compute};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The value report of journey `id`, with the journey and data it was computed from;
/// None without events. `imported`: against the benchmarks imported last.
async fn report(
    state: &AppState,
    id: i64,
    imported: bool,
) -> CommandResult<Option<(ValueReport, Journey, Arc<Dataset>)>> {
    let (journey, external) = state
        .with_store(move |s| {
            let external = if imported {
                s.latest_benchmarks()?
            } else {
                None
            };
            Ok((s.load_journey(id)?, external))
        })
        .await?;
    let data = state.dataset().await?;
    tauri::async_runtime::spawn_blocking(move || {
        let latest = data.latest()?;
        let cutoff = milepost::engine::cutoff_of_day(latest);
        let as_of = milepost::data::values::format_date(cutoff);
        let o = Overrides {
            external,
            ..Overrides::default()
        };
        let r = compute(&journey, &data, &as_of, cutoff, &o);
        Some((r, journey, data))
    })
    .await
    .map_err(CommandError::internal)
}

/// The report, or the error a file export gives without customer data.
async fn report_for_export(
    state: &AppState,
    id: i64,
    imported: bool,
) -> CommandResult<(ValueReport, Journey, Arc<Dataset>)> {
    report(state, id, imported)
        .await?
        .ok_or_else(super::no_data_yet)
}

/// The value report of a stored journey over the workspace's customers; null without
/// events. `imported`: compare with the benchmarks imported last instead.
#[tauri::command]
pub async fn journey_value(
    id: i64,
    imported: bool,
    state: State<'_, AppState>,
) -> CommandResult<Option<ValueReport>> {
    Ok(report(&state, id, imported).await?.map(|(r, _, _)| r))
}

/// Writes one customer's value review as PDF.
#[tauri::command]
pub async fn export_value_review(
    id: i64,
    customer: String,
    imported: bool,
    options: ReviewOptions,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (r, journey, data) = report_for_export(&state, id, imported).await?;
    super::report::blocking(move || {
        let bytes = milepost::report::value_review::review_pdf(
            &journey,
            &r,
            &data,
            &customer,
            &options,
            milepost::now(),
        )?;
        milepost::report::write_atomic(&path, &bytes)
    })
    .await
}

/// Writes the value portfolio as CSV for Excel, most money left on the table first.
#[tauri::command]
pub async fn export_value_csv(
    id: i64,
    imported: bool,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (r, _, _) = report_for_export(&state, id, imported).await?;
    super::write_csv(path, milepost::report::csv::value_portfolio(&r)).await
}
