//! The journey model, its file format and the built-in templates.

pub mod check;
pub mod criterion;
pub mod diff;
pub mod file;
pub mod model;
pub(crate) mod number;
pub mod templates;
pub mod vocabulary;
pub mod voting;
pub mod words;

pub use file::{FORMAT, Problem};
pub use model::*;
