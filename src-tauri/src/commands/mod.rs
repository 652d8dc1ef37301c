pub mod data;
pub mod journey;
pub mod matrix;
pub mod workspace;

/// Writes an exported file (a CSV) off the UI thread; a failure names the file.
pub async fn write_file(path: std::path::PathBuf, text: String) -> crate::error::CommandResult<()> {
    tauri::async_runtime::spawn_blocking(move || {
        std::fs::write(&path, text).map_err(|source| milepost::Error::Io { path, source })
    })
    .await
    .map_err(crate::error::CommandError::internal)?
    .map_err(Into::into)
}
