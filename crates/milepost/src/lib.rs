//! Milepost's core: the customer-journey model and its file format, the SQLite store, and
//! (as they arrive) data import, analytics and reports. The `milepost` CLI and the desktop
//! shell are thin layers over this crate; it never depends on Tauri.

pub mod data;
pub mod engine;
pub mod error;
pub mod journey;
pub mod store;

pub use error::{Error, Result};
