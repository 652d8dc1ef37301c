//! Errors of the core, each with a stable code the UI can branch on.

use std::path::PathBuf;

use crate::journey::Problem;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}", invalid_message(.source_name, .problems))]
    InvalidJourney {
        source_name: String,
        problems: Vec<Problem>,
    },
    #[error(
        "{path} was written by a newer version of Milepost (database version {found}, this version knows up to {supported}). Update Milepost to open it; the file was not changed."
    )]
    NewerDatabase {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path}: {message}")]
    Database { path: PathBuf, message: String },
    #[error("no journey named or numbered \"{0}\"")]
    JourneyNotFound(String),
    #[error("{count} journeys match \"{name}\"; say which by id or a longer name: {ids}")]
    AmbiguousJourney {
        name: String,
        count: usize,
        ids: String,
    },
    #[error("no template named \"{0}\" (see `milepost templates`)")]
    TemplateNotFound(String),
    /// A data file that cannot be imported at all (as opposed to bad rows in it).
    #[error("{path}: {message}")]
    Data { path: PathBuf, message: String },
    #[error("the import was cancelled; nothing was changed")]
    Cancelled,
    #[error("no customer has the id \"{0}\"")]
    CustomerNotFound(String),
}

fn invalid_message(source_name: &str, problems: &[Problem]) -> String {
    let mut text = format!(
        "{source_name} is not a valid journey ({} problem{}):",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for p in problems {
        text.push_str("\n  ");
        text.push_str(&p.to_string());
    }
    text
}

impl Error {
    /// A stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Io { .. } => "io",
            Error::InvalidJourney { .. } => "invalid_journey",
            Error::NewerDatabase { .. } => "newer_database",
            Error::Database { .. } => "database",
            Error::JourneyNotFound(_) => "journey_not_found",
            Error::AmbiguousJourney { .. } => "ambiguous_journey",
            Error::TemplateNotFound(_) => "template_not_found",
            Error::Data { .. } => "data_file",
            Error::Cancelled => "cancelled",
            Error::CustomerNotFound(_) => "customer_not_found",
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error as the UI and scripts receive it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ErrorReport {
    /// Stable: `invalid_journey`, `newer_database`, `journey_not_found`, `io`, …
    pub code: String,
    /// Words for the person, naming the file and place.
    pub message: String,
}

impl From<&Error> for ErrorReport {
    fn from(e: &Error) -> Self {
        Self {
            code: e.code().to_owned(),
            message: e.to_string(),
        }
    }
}
