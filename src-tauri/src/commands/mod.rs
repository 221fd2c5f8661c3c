//! Tauri commands, one file per kind of record. Each converts its arguments, calls one store
//! function and maps the error; nothing else.

pub mod area;
pub mod commitment;
pub mod institution;
pub mod milestone;
pub mod open_data;
pub mod plan;
pub mod setting;
pub mod sync;

/// What every command returns to the interface.
pub type Reply<T> = Result<T, plan_ouvert_domain::Failure>;
