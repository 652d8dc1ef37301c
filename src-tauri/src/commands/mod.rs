pub mod backup;
pub mod data;
pub mod journey;
pub mod matrix;
pub mod report;
pub mod room;
pub mod value;
pub mod versions;
pub mod warehouse;
pub mod workspace;

/// Writes an exported CSV off the UI thread, whole or not at all, with a byte-order mark
/// so Excel reads it as UTF-8; a failure names the file.
/// What an export that needs customer data says when the workspace has none.
pub fn no_data_yet() -> crate::error::CommandError {
    milepost::Error::InvalidOption("the workspace has no customer data yet: import it first".into())
        .into()
}

pub async fn write_csv(path: std::path::PathBuf, text: String) -> crate::error::CommandResult<()> {
    crate::work::compute(move || {
        milepost::report::write_atomic(&path, milepost::report::csv::for_excel(&text).as_bytes())
    })
    .await?
    .map_err(Into::into)
}
