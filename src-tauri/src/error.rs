//! What a failed command sends to the UI: `{ code, message }`.

use milepost::error::ErrorReport;

/// The error type of every command.
#[derive(Debug, serde::Serialize)]
#[serde(transparent)]
pub struct CommandError(ErrorReport);

impl From<milepost::Error> for CommandError {
    fn from(e: milepost::Error) -> Self {
        Self(ErrorReport::from(&e))
    }
}

impl CommandError {
    /// A failure of the shell itself (a crashed worker thread), not of the core.
    pub fn internal(message: impl std::fmt::Display) -> Self {
        Self(ErrorReport {
            code: "internal".into(),
            message: message.to_string(),
        })
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
