pub mod data;
pub mod journey;
pub mod workspace;
