//! What the Plan ouvert app can be asked to do, with no window.
//!
//! - [`commands`]: every command the interface may call, declared once, and [`dispatch`];
//! - [`App`]: one laptop's running app (its store, its sync loop, and the [`Shell`] that shows it);
//! - the background sync loop (connection state, scheduling, back-off with jitter, the saved
//!   connection) and the token's keeping;
//! - open data: import and export, asking the person for files through the shell; a chart of
//!   a plan's dashboard saved as an image the same way; the progress workbook an institution
//!   fills in and the coordination imports back;
//! - evidence files: attached from the person's disk, opened with the system's viewer;
//! - exchange files: a workshop, or every change not yet sent, written to a file carried to
//!   another computer, and such a file imported;
//! - a workshop room: a workshop opened to the room's laptops over its local network, or another
//!   laptop's room joined and exchanged with every few seconds;
//! - a citizen jury's applications read from the call's CSV file, previewed with every problem,
//!   then imported all or nothing;
//! - desktop notifications of what became late or due soon, on start and after each sync;
//! - workshop participants' identities erased once their workshop keeps them no longer, on start
//!   and after each sync, or at their request; what the laptop holds about one given back to
//!   them as a file.
//!
//! The desktop shell (`src-tauri/`) and the loopback bridge (`crates/bridge`) both serve this
//! crate: the first to the real window, the second to a browser (development, the interface's
//! tests). Neither decides anything.

mod app;
mod chart_image;
pub mod commands;
mod evidence;
mod exchange;
mod jury_applications;
mod laptop;
mod notification;
mod open_data;
mod personal_data;
mod progress_workbook;
mod room;
mod round_contacts;
mod shell;
mod signature;
mod sync_loop;
mod token;
pub mod typescript;

pub use app::App;
pub use commands::{dispatch, is_command, COMMANDS};
pub use laptop::Laptop;
pub use shell::{Event, FileRequest, ScriptedFiles, Shell, EXCHANGE_EXTENSION};
pub use sync_loop::{DEFAULT_INTERVAL, INTERVAL_ENV};
pub use token::TOKEN_STORE_ENV;
