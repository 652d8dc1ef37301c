//! The Milepost desktop shell: a Tauri window over the `milepost` core. Commands are thin:
//! they unpack arguments, run the core off the main thread, and turn errors into
//! `{ code, message }` for the UI.

mod commands;
mod error;
mod state;

use std::path::PathBuf;

use state::AppState;

/// `--db PATH` on the command line, else `MILEPOST_DB`, else the shared default — the same
/// rule as the `milepost` CLI, so both open the same workspace.
fn db_path() -> PathBuf {
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--db" {
            if let Some(path) = args.next() {
                return path.into();
            }
        } else if let Some(path) = arg.strip_prefix("--db=") {
            return path.into();
        }
    }
    milepost::store::default_path()
}

/// Starts the desktop app.
pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState::new(db_path()))
        .invoke_handler(tauri::generate_handler![
            commands::journey::list_journeys,
            commands::journey::open_journey,
            commands::journey::create_journey_from_template,
            commands::journey::import_journey,
            commands::journey::export_journey,
            commands::journey::delete_journey,
            commands::journey::list_templates,
            commands::workspace::workspace_path,
        ])
        .run(tauri::generate_context!())
        .expect("the Milepost window could not be started");
}
