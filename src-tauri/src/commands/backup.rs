//! The workspace's backups, and what can be done about a workspace that cannot be opened.

use milepost::store::backup::{self, BackupRow, Reason, WorkspaceStatus};
use milepost::store::{Salvage, Store};
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Opens the workspace (if it is not open yet) and says whether that worked.
#[tauri::command]
pub async fn workspace_status(state: State<'_, AppState>) -> CommandResult<WorkspaceStatus> {
    let opened = state.with_store(|s| Ok(s.read_only())).await;
    let path = state.db_path.clone();
    Ok(WorkspaceStatus {
        path: path.display().to_string(),
        problem: opened.as_ref().err().map(|e| e.report().clone()),
        newest_backup: backup::newest_good(&path).as_ref().map(BackupRow::from),
        read_only: opened.ok().flatten(),
    })
}

/// The workspace's backups, newest first (readable even when the workspace is damaged).
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> CommandResult<Vec<BackupRow>> {
    let path = state.db_path.clone();
    crate::work::compute(move || backup::list(&path))
        .await?
        .map(|all| all.iter().map(BackupRow::from).collect())
        .map_err(Into::into)
}

/// Backs the workspace up now.
#[tauri::command]
pub async fn create_backup(state: State<'_, AppState>) -> CommandResult<BackupRow> {
    state
        .with_store(|s| s.backup(Reason::Manual).map(|b| BackupRow::from(&b)))
        .await
}

/// Puts backup `id` in the workspace's place; returns the backup of what it replaced.
#[tauri::command]
pub async fn restore_backup(id: String, state: State<'_, AppState>) -> CommandResult<BackupRow> {
    state
        .with_store_closed(move |path| {
            let (_, kept) = match Store::open(path) {
                Ok(mut s) => s.restore_backup(&id)?,
                Err(milepost::Error::Damaged { .. }) => backup::restore_over_damaged(path, &id)?,
                Err(e) => return Err(e),
            };
            Ok(BackupRow::from(&kept))
        })
        .await
}

/// Saves what can be read of the damaged workspace in its place (the damaged file kept
/// as a backup).
#[tauri::command]
pub async fn salvage_workspace(state: State<'_, AppState>) -> CommandResult<Salvage> {
    state
        .with_store_closed(|path| milepost::store::salvage_in_place(path).map(|(s, _)| s))
        .await
}

/// How many backups are kept.
#[tauri::command]
pub async fn backup_keep(state: State<'_, AppState>) -> CommandResult<u32> {
    state.with_store(|s| Ok(s.backup_keep()? as u32)).await
}

/// Sets how many backups are kept (the oldest beyond it are deleted).
#[tauri::command]
pub async fn set_backup_keep(keep: u32, state: State<'_, AppState>) -> CommandResult<u32> {
    state
        .with_store(move |s| {
            s.set_backup_keep(keep as usize)?;
            Ok(s.backup_keep()? as u32)
        })
        .await
}

/// Shows the backups folder (`backups`) or the workspace file in the system's file manager.
#[tauri::command]
pub async fn show_in_folder(
    backups: bool,
    app: tauri::AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<()> {
    use tauri_plugin_opener::OpenerExt;
    let path = if backups {
        let dir = backup::folder(&state.db_path);
        std::fs::create_dir_all(&dir).map_err(|source| milepost::Error::Io {
            path: dir.clone(),
            source,
        })?;
        dir
    } else {
        state.db_path.clone()
    };
    app.opener()
        .reveal_item_in_dir(&path)
        .map_err(|e| CommandError::internal(format!("could not show {}: {e}", path.display())))
}

/// The daily backup, checked every quarter of an hour while the app runs.
pub fn keep_daily_backups(app: tauri::AppHandle) {
    use tauri::Manager;
    std::thread::spawn(move || {
        loop {
            let state = app.state::<AppState>();
            let _ = tauri::async_runtime::block_on(state.with_store(|s| s.backup_if_due()));
            std::thread::sleep(std::time::Duration::from_secs(15 * 60));
        }
    });
}
