pub mod data;
pub mod journey;
pub mod matrix;
pub mod workspace;
