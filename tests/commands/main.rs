//! Contract tests of the Tauri commands: real IPC serialisation, the app's real configuration and
//! capability, the mock runtime (no display), a store in a temporary folder.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod helpers;

mod errors;
mod exchange;
mod journey;
mod jury;
mod open_data;
mod room;
mod sync;
mod undo;
mod workshops;
