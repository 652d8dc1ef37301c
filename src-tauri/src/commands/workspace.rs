use tauri::State;

use crate::state::AppState;

/// Where the workspace database lives, for the home screen's footer.
#[tauri::command]
pub async fn workspace_path(state: State<'_, AppState>) -> Result<String, ()> {
    Ok(state.db_path.display().to_string())
}
