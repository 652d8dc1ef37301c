//! What a failed command sends to the UI: `{ code, message }`.

use milepost::error::{ErrorCode, ErrorReport};

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
    /// A failure the shell itself finds, with the core's code for its kind.
    pub fn new(code: ErrorCode, message: impl std::fmt::Display) -> Self {
        Self(ErrorReport::new(code, message.to_string()))
    }

    /// What the UI receives.
    pub fn report(&self) -> &ErrorReport {
        &self.0
    }

    /// A failure of the shell itself (a crashed worker thread), not of the core.
    pub fn internal(message: impl std::fmt::Display) -> Self {
        Self(ErrorReport::new(ErrorCode::Internal, message.to_string()))
    }
}

impl From<milepost::journey::criterion::CriterionError> for CommandError {
    fn from(e: milepost::journey::criterion::CriterionError) -> Self {
        Self(ErrorReport::from(&e))
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
