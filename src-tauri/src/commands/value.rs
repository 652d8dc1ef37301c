//! The Value view: every customer's value against its peers, as of the latest event.

use milepost::value::{Overrides, ValueReport, compute};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// The value report of a stored journey over the workspace's customers; null without
/// events. `imported`: compare with the benchmarks imported last instead.
#[tauri::command]
pub async fn journey_value(
    id: i64,
    imported: bool,
    state: State<'_, AppState>,
) -> CommandResult<Option<ValueReport>> {
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
        Some(compute(&journey, &data, &as_of, cutoff, &o))
    })
    .await
    .map_err(CommandError::internal)
}
