pub mod journey;
pub mod workspace;
