//! Milepost's core: the customer-journey model and its file format, the SQLite store, and
//! (as they arrive) data import, analytics and reports. The `milepost` CLI and the desktop
//! shell are thin layers over this crate; it never depends on Tauri.

pub mod data;
pub mod demo;
pub mod engine;
pub mod error;
pub mod format;
pub mod fs;
#[doc(hidden)]
pub mod fuzzing;
pub mod journey;
pub mod matrix;
pub mod report;
pub mod sql;
pub mod store;
pub mod value;
pub mod warehouse;

pub use error::{Error, Result};

/// The name serde gives a unit enum variant (`Priority::High` → `high`): the one spelling
/// of a value in JSON, CSV and tables alike.
pub fn serde_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Now, as a Unix timestamp in seconds (UTC): when a score changed, the date a report is
/// generated on.
pub fn now() -> i64 {
    chrono::Utc::now().timestamp()
}
