use tauri::State;

use crate::state::AppState;

/// Where the workspace database lives, for the home screen's footer.
#[tauri::command]
pub fn workspace_path(state: State<'_, AppState>) -> String {
    state.db_path.display().to_string()
}
