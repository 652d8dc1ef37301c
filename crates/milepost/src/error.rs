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
    /// An SQLite file of another application: refused before anything is written to it.
    #[error(
        "{path} is not a Milepost workspace: it is another application's SQLite database ({what}). It was not changed. Choose a Milepost workspace, or a file name that does not exist yet to start a new one."
    )]
    ForeignDatabase { path: PathBuf, what: String },
    /// The workspace file is damaged: nothing is written to it; `remedy` says what to do.
    #[error("{path} is damaged ({detail}). Nothing was written to it. {remedy}")]
    Damaged {
        path: PathBuf,
        detail: String,
        remedy: String,
    },
    /// Another program kept the workspace locked for longer than Milepost waits.
    #[error(
        "{path} is being written by another program (another Milepost window or command) and stayed busy for {seconds} s. Nothing was changed; try again when it has finished."
    )]
    Busy { path: PathBuf, seconds: u64 },
    /// A workspace this user may only read: read from, never written.
    #[error(
        "{path} can only be read here: {why}. Nothing was changed; to change it, copy it to a folder you can write to, or ask for write access."
    )]
    ReadOnly { path: PathBuf, why: String },
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
    #[error("cancelled; nothing was changed")]
    Cancelled,
    #[error("no customer has the id \"{0}\"")]
    CustomerNotFound(String),
    #[error("customer \"{customer}\" has no stakeholder named \"{name}\"")]
    StakeholderNotFound { customer: String, name: String },
    #[error("a score must be from 1 to 10, not {0}")]
    ScoreOutOfRange(f64),
    #[error("journey {journey} has no version {version} (see `milepost journey versions`)")]
    VersionNotFound { journey: i64, version: i64 },
    /// An option the caller gave that cannot be used, in words naming it.
    #[error("{0}")]
    InvalidOption(String),
    /// The playbook could not be typeset (a fault of Milepost's template, not the input).
    #[error("the playbook could not be typeset: {0}")]
    Typeset(String),
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

/// What went wrong, as a stable code the UI branches on (generated to TypeScript, so
/// a check like `code === "cancelled"` is checked by the compiler).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    Io,
    InvalidJourney,
    NewerDatabase,
    Database,
    /// Another application's SQLite file, refused untouched.
    ForeignDatabase,
    /// A damaged workspace: offer its newest backup or a salvage.
    Damaged,
    /// Another writer held the workspace too long.
    Busy,
    /// The workspace may only be read (its folder or the file is read-only).
    ReadOnly,
    JourneyNotFound,
    AmbiguousJourney,
    TemplateNotFound,
    DataFile,
    Cancelled,
    CustomerNotFound,
    StakeholderNotFound,
    ScoreOutOfRange,
    InvalidOption,
    Typeset,
    VersionNotFound,
    /// A criterion's text does not parse; the report's `span` says where.
    InvalidCriterion,
    /// A warehouse could not be reached, or could not run the journey's query.
    Warehouse,
    /// A failure of the app itself (a crashed worker thread), not of the input.
    Internal,
}

impl Error {
    /// A stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Io { .. } => ErrorCode::Io,
            Error::InvalidJourney { .. } => ErrorCode::InvalidJourney,
            Error::NewerDatabase { .. } => ErrorCode::NewerDatabase,
            Error::Database { .. } => ErrorCode::Database,
            Error::ForeignDatabase { .. } => ErrorCode::ForeignDatabase,
            Error::Damaged { .. } => ErrorCode::Damaged,
            Error::Busy { .. } => ErrorCode::Busy,
            Error::ReadOnly { .. } => ErrorCode::ReadOnly,
            Error::JourneyNotFound(_) => ErrorCode::JourneyNotFound,
            Error::AmbiguousJourney { .. } => ErrorCode::AmbiguousJourney,
            Error::TemplateNotFound(_) => ErrorCode::TemplateNotFound,
            Error::Data { .. } => ErrorCode::DataFile,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::CustomerNotFound(_) => ErrorCode::CustomerNotFound,
            Error::StakeholderNotFound { .. } => ErrorCode::StakeholderNotFound,
            Error::ScoreOutOfRange(_) => ErrorCode::ScoreOutOfRange,
            Error::InvalidOption(_) => ErrorCode::InvalidOption,
            Error::VersionNotFound { .. } => ErrorCode::VersionNotFound,
            Error::Typeset(_) => ErrorCode::Typeset,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where in a text a problem is, in characters from 0: `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// An error as the UI and scripts receive it: one shape for every command.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ErrorReport {
    pub code: ErrorCode,
    /// Words for the person, naming the file and place.
    pub message: String,
    /// For a text that does not parse (a criterion), the part that is wrong.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub span: Option<Span>,
}

impl ErrorReport {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            span: None,
        }
    }
}

impl From<&Error> for ErrorReport {
    fn from(e: &Error) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<&crate::journey::criterion::CriterionError> for ErrorReport {
    fn from(e: &crate::journey::criterion::CriterionError) -> Self {
        Self {
            code: ErrorCode::InvalidCriterion,
            message: e.message.clone(),
            span: Some(Span {
                start: e.start,
                end: e.end,
            }),
        }
    }
}
