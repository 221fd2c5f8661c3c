//! Contract tests of the Tauri commands: real IPC serialisation, the app's real configuration and
//! capability, the mock runtime (no display), a store in a temporary folder.

mod helpers;

mod errors;
mod journey;
mod open_data;
mod sync;
