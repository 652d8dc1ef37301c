//! Journeys: the home screen's list, templates, import/export and opening one.

use std::path::PathBuf;

use milepost::journey::criterion;
use milepost::journey::templates::{self, Template};
use milepost::journey::words::{self, JourneyWords};
use milepost::journey::{Criterion, Journey, file};
use milepost::store::{JourneySummary, SaveOutcome, StoredJourney};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_journeys(state: State<'_, AppState>) -> CommandResult<Vec<JourneySummary>> {
    state.with_store(|s| s.list_journeys()).await
}

#[tauri::command]
pub async fn open_journey(id: i64, state: State<'_, AppState>) -> CommandResult<StoredJourney> {
    state
        .with_store(move |s| {
            let stored = s.stored_journey(id)?;
            s.mark_journey_opened(id)?;
            Ok(stored)
        })
        .await
}

/// The journey as stored now, after another window or the CLI changed it.
#[tauri::command]
pub async fn reload_journey(id: i64, state: State<'_, AppState>) -> CommandResult<StoredJourney> {
    state.with_store(move |s| s.stored_journey(id)).await
}

/// The journey's revision, polled by the editor to notice changes made elsewhere.
#[tauri::command]
pub async fn journey_revision(id: i64, state: State<'_, AppState>) -> CommandResult<i64> {
    state.with_store(move |s| s.journey_revision(id)).await
}

#[tauri::command]
pub async fn create_journey_from_template(
    key: String,
    state: State<'_, AppState>,
) -> CommandResult<i64> {
    state
        .with_store(move |s| {
            let journey = templates::get(&key).ok_or(milepost::Error::TemplateNotFound(key))?;
            s.insert_journey(&journey)
        })
        .await
}

#[tauri::command]
pub async fn create_blank_journey(name: String, state: State<'_, AppState>) -> CommandResult<i64> {
    state
        .with_store(move |s| s.insert_journey(&templates::blank(&name)))
        .await
}

#[tauri::command]
pub async fn import_journey(path: PathBuf, state: State<'_, AppState>) -> CommandResult<i64> {
    state
        .with_store(move |s| {
            let journey = file::read(&path)?;
            s.insert_journey(&journey)
        })
        .await
}

/// The journey file the app was started with (a double-click in the file manager), once.
#[tauri::command]
pub fn take_opened_file(state: State<'_, AppState>) -> Option<String> {
    state
        .opened_file
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .take()
        .map(|p| p.display().to_string())
}

/// Autosave: writes only the objects of the journey that changed.
#[tauri::command]
pub async fn save_journey(
    id: i64,
    journey: Journey,
    state: State<'_, AppState>,
) -> CommandResult<SaveOutcome> {
    state
        .with_store(move |s| s.save_journey(id, &journey))
        .await
}

/// Reads the text form of a criterion for the inspector, as the person types; a text
/// that does not parse is an `invalid_criterion` error with the span that is wrong.
#[tauri::command]
pub async fn parse_criterion(text: String) -> CommandResult<Criterion> {
    Ok(criterion::parse(&text)?)
}

/// The text form of a criterion, as the core writes it (the one printer the CLI, the
/// file checks and the inspector share).
#[tauri::command]
pub async fn print_criterion(criterion: Criterion) -> String {
    criterion::print(&criterion)
}

/// What the editor's cards and check list say about the journey being edited (the
/// framework check's findings, each play's trigger, each stage's health rules), worded by
/// the core as the PDF words them. Asked as the journey changes.
#[tauri::command]
pub async fn journey_words(journey: Journey) -> JourneyWords {
    words::journey_words(&journey)
}

#[tauri::command]
pub async fn delete_journey(id: i64, state: State<'_, AppState>) -> CommandResult<()> {
    state.with_store(move |s| s.delete_journey(id)).await
}

#[tauri::command]
pub async fn list_templates() -> Vec<Template> {
    templates::list()
}
