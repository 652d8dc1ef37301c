//! Named versions of a journey: save one, list them, open one read-only, compare two.
//! A restore is an edit in the editor (so Ctrl+Z undoes it) after an automatic version of
//! the journey as it was: `snapshot_journey(…, automatic: true)` then the version's content.

use milepost::journey::Journey;
use milepost::journey::diff::{Diff, diff};
use milepost::store::Version;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Saves the journey as it is now; `automatic` for the one taken before a restore.
#[tauri::command]
pub async fn snapshot_journey(
    id: i64,
    name: String,
    automatic: bool,
    state: State<'_, AppState>,
) -> CommandResult<Version> {
    state
        .with_store(move |s| s.snapshot(id, &name, automatic))
        .await
}

#[tauri::command]
pub async fn journey_versions(id: i64, state: State<'_, AppState>) -> CommandResult<Vec<Version>> {
    state.with_store(move |s| s.versions(id)).await
}

/// The journey as a version saved it.
#[tauri::command]
pub async fn journey_version(
    id: i64,
    version: i64,
    state: State<'_, AppState>,
) -> CommandResult<Journey> {
    state.with_store(move |s| s.load_version(id, version)).await
}

/// What changed from version `from` to version `to` (or to the journey as it is now).
#[tauri::command]
pub async fn diff_versions(
    id: i64,
    from: i64,
    to: Option<i64>,
    state: State<'_, AppState>,
) -> CommandResult<Diff> {
    state
        .with_store(move |s| {
            let old = s.load_version(id, from)?;
            let new = match to {
                Some(v) => s.load_version(id, v)?,
                None => s.load_journey(id)?,
            };
            Ok(diff(&old, &new))
        })
        .await
}

/// A version's journey map as a PNG data URL: the version seen read-only.
#[tauri::command]
pub async fn version_map(
    id: i64,
    version: i64,
    state: State<'_, AppState>,
) -> CommandResult<String> {
    let journey = state
        .with_store(move |s| s.load_version(id, version))
        .await?;
    crate::work::compute(move || {
        milepost::report::journey_thumbnail(&journey, milepost::now())
            .map(|png| milepost::report::png_data_url(&png))
    })
    .await?
    .map_err(Into::into)
}
