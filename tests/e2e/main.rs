//! End-to-end journeys on the real desktop app (WebKitGTK), under a display, through
//! tauri-driver. Ignored by a plain `cargo test` because they need a display and tauri-driver;
//! `scripts/test.sh` runs them under Xvfb with `-- --ignored`.
//!
//! Screenshots of each step land in `target/e2e-screenshots/` for people to look at; the tests
//! assert on the page's content, never on pixels.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod desktop;
mod server;

mod crash;
mod drafting;
mod open_data;
mod progress;
mod smoke;
mod sync;
mod text_safety;
mod validation;
mod workshop;
