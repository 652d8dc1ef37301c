use milepost::format::Currency;
use tauri::State;

use crate::error::{CommandError, CommandResult};
use crate::state::AppState;

/// Where the workspace database lives, for the home screen's footer.
#[tauri::command]
pub fn workspace_path(state: State<'_, AppState>) -> String {
    state.db_path.display().to_string()
}

/// Set to have the app say on stderr when the window first painted a view
/// (`make bench-app` reads it to time launch to painted).
pub const REPORT_PAINT_ENV: &str = "MILEPOST_REPORT_PAINT";

/// The UI's word that it painted `what` ("journey" once its live counts are drawn): said
/// on stderr, with the wall-clock time in milliseconds, when `MILEPOST_REPORT_PAINT` is
/// set; nothing otherwise.
#[tauri::command]
pub fn painted(what: String) {
    if std::env::var_os(REPORT_PAINT_ENV).is_some() {
        let ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let what: String = what
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(40)
            .collect();
        eprintln!("milepost: painted {what} at {ms}");
    }
}

/// What the About dialog says of this copy of Milepost.
#[derive(Debug, serde::Serialize)]
pub struct About {
    pub version: &'static str,
    pub licence: &'static str,
    pub workspace: String,
}

#[tauri::command]
pub fn about(state: State<'_, AppState>) -> About {
    About {
        version: env!("CARGO_PKG_VERSION"),
        licence: env!("CARGO_PKG_LICENSE"),
        workspace: state.db_path.display().to_string(),
    }
}

/// The workspace's currency (ISO 4217): the one set, else that of this computer's locale.
#[tauri::command]
pub async fn workspace_currency(state: State<'_, AppState>) -> CommandResult<String> {
    state
        .with_store(|s| Ok(s.currency()?.code().to_owned()))
        .await
}

/// Sets the workspace's currency; every amount of money in the workspace is in it.
#[tauri::command]
pub async fn set_workspace_currency(
    code: String,
    state: State<'_, AppState>,
) -> CommandResult<String> {
    let currency = Currency::parse(&code).ok_or_else(|| {
        CommandError::from(milepost::Error::InvalidOption(format!(
            "\"{code}\" is not a currency code: use three letters, such as USD, EUR or GBP"
        )))
    })?;
    state
        .with_store(move |s| {
            s.set_currency(&currency)?;
            Ok(currency.code().to_owned())
        })
        .await
}
