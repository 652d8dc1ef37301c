//! The Value view: every customer's value against its peers, as of the latest event; a
//! customer's value review as PDF and the portfolio as CSV.

use std::path::PathBuf;
use std::sync::Arc;

use milepost::engine::Dataset;
use milepost::journey::Journey;
use milepost::report::value_review::{Review, ReviewOptions};
use milepost::value::{Overrides, ValueReport, compute};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// The value report of journey `id`, with the journey and data it was computed from;
/// None without events. `imported`: against the benchmarks imported last; `churned`: the
/// customers who had churned listed too, marked.
async fn report(
    state: &AppState,
    id: i64,
    imported: bool,
    churned: bool,
) -> CommandResult<Option<(ValueReport, Journey, Arc<Dataset>)>> {
    let (journey, external, currency) = state
        .with_store(move |s| {
            let external = if imported {
                s.latest_benchmarks()?
            } else {
                None
            };
            Ok((s.load_journey(id)?, external, s.currency()?))
        })
        .await?;
    let data = state.dataset_for(id).await?;
    crate::work::compute(move || {
        let latest = data.latest()?;
        let cutoff = milepost::engine::cutoff_of_day(latest);
        let as_of = milepost::format::date(cutoff);
        let o = Overrides {
            external,
            include_churned: churned,
            currency,
            ..Overrides::default()
        };
        let r = compute(&journey, &data, &as_of, cutoff, &o);
        Some((r, journey, data))
    })
    .await
}

/// The report, or the error a file export gives without customer data.
async fn report_for_export(
    state: &AppState,
    id: i64,
    imported: bool,
    churned: bool,
) -> CommandResult<(ValueReport, Journey, Arc<Dataset>)> {
    report(state, id, imported, churned)
        .await?
        .ok_or_else(super::no_data_yet)
}

/// The value report of a stored journey over the workspace's active customers; null
/// without events. `imported`: compare with the benchmarks imported last instead;
/// `churned`: list the churned customers too, marked.
#[tauri::command]
pub async fn journey_value(
    id: i64,
    imported: bool,
    churned: bool,
    state: State<'_, AppState>,
) -> CommandResult<Option<ValueReport>> {
    Ok(report(&state, id, imported, churned)
        .await?
        .map(|(r, _, _)| r))
}

/// One customer's value review: every sentence the app shows, the same as its PDF's.
#[tauri::command]
pub async fn value_review(
    id: i64,
    customer: String,
    imported: bool,
    state: State<'_, AppState>,
) -> CommandResult<Review> {
    let (r, journey, data) = report_for_export(&state, id, imported, true).await?;
    crate::work::run(move || {
        milepost::report::value_review::review_of(
            &journey,
            &r,
            &data,
            &customer,
            &ReviewOptions::default(),
            milepost::now(),
        )
    })
    .await
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
    let (r, journey, data) = report_for_export(&state, id, imported, true).await?;
    crate::work::run(move || {
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
    churned: bool,
    path: PathBuf,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    let (r, _, _) = report_for_export(&state, id, imported, churned).await?;
    super::write_csv(path, milepost::report::csv::value_portfolio(&r)).await
}
