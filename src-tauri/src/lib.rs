//! The desktop shell of Plan ouvert: a Tauri window over the core.
//!
//! Nothing here decides anything. Every command the window calls is dispatched, by name, to the
//! one declaration of the commands in `crates/app` (the window's capability file is generated
//! from it, and `build.rs` reads the command list from that file); events of the core become
//! Tauri events; the core's requests for a file become native dialogs.

mod data_dir;
mod window_shell;

use std::sync::Arc;

use anyhow::Context as _;
use plan_ouvert_app::App;
use tauri::ipc::{InvokeBody, InvokeError};
use tauri::{Manager, Runtime};

pub use data_dir::{data_dir_from_env, DATA_DIR_ENV};
pub use plan_ouvert_app::{ScriptedFiles, TOKEN_STORE_ENV};
pub use window_shell::{FilePicker, WindowShell, OPEN_WITH_ENV};

/// Serves every declared command on `base`: `tauri::Builder::default()` for the real app,
/// `tauri::test::mock_builder()` for headless tests. The [`App`] is added by the caller
/// ([`open_app`]).
pub fn builder<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.invoke_handler(|invoke| {
        let name = invoke.message.command().to_string();
        if !plan_ouvert_app::is_command(&name) {
            return false;
        }
        let args = match invoke.message.payload() {
            InvokeBody::Json(value) => value.clone(),
            InvokeBody::Raw(_) => serde_json::Value::Null,
        };
        let Some(app) = invoke.message.webview().try_state::<App>().map(|state| state.inner().clone()) else {
            invoke.resolver.reject("the app is still starting");
            return true;
        };
        invoke.resolver.respond_async(async move {
            plan_ouvert_app::dispatch(&app, &name, args).await.map_err(InvokeError::from)
        });
        true
    })
}

/// Opens the app's store in `dir`, shown by this window (`files` says how the person picks
/// files), and makes it the app's state.
pub fn open_app<R: Runtime>(
    handle: &tauri::AppHandle<R>,
    dir: &std::path::Path,
    files: FilePicker,
) -> anyhow::Result<App> {
    let shell = WindowShell::new(handle.clone(), files);
    let app = App::open(dir, Arc::new(shell))
        .with_context(|| format!("impossible d'ouvrir la base locale dans {}", dir.display()))?;
    handle.manage(app.clone());
    Ok(app)
}

/// The app's configuration, assets and capabilities, compiled in, for any runtime.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Where the app's log is written, once known (for a start-up failure's dialog).
static LOG_DIR: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

/// The app's log: in the OS's log folder for the app (on Linux
/// `~/.local/share/fr.gouv.planouvert.desktop/logs/`), and on standard error. Events of the
/// core crates arrive through `tracing`'s `log` records.
fn log_plugin<R: Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{Target, TargetKind};
    let level = std::env::var("PLAN_OUVERT_LOG")
        .ok()
        .and_then(|level| level.parse().ok())
        .unwrap_or(tauri_plugin_log::log::LevelFilter::Info);
    tauri_plugin_log::Builder::new()
        .targets([Target::new(TargetKind::LogDir { file_name: None }), Target::new(TargetKind::Stderr)])
        .level(level)
        .build()
}

/// Starts the desktop app: opens the store in the data folder (see [`data_dir_from_env`]) and
/// shows the main window.
pub fn run() -> anyhow::Result<()> {
    // Built first, so that the log is open and the data folder known before anything can fail;
    // the window opens when it runs.
    let tauri_app = builder(tauri::Builder::default())
        .plugin(log_plugin())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .build(context())
        .context("la fenêtre de l'application n'a pas pu être préparée")?;
    if let Ok(dir) = tauri_app.path().app_log_dir() {
        let _ = LOG_DIR.set(dir);
    }
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Plan ouvert starts");
    let dir = match data_dir_from_env() {
        Some(dir) => dir,
        None => tauri_app.path().app_data_dir().context("aucun dossier de données d'application sur ce système")?,
    };
    let app = open_app(tauri_app.handle(), &dir, FilePicker::Dialog)?;
    // Sync runs beside the window for as long as the app runs.
    tauri::async_runtime::spawn(app.run_sync());
    tauri_app.run(|_, _| {});
    Ok(())
}

/// What a person is told when the app cannot start: the reason and where the log is.
pub fn start_failure_message(error: &anyhow::Error, log_dir: Option<&std::path::Path>) -> String {
    let log = match log_dir {
        Some(dir) => format!("Le journal de l'application se trouve dans {}.", dir.display()),
        None => "Le journal de l'application n'a pas pu être ouvert.".to_string(),
    };
    format!("Plan ouvert n'a pas pu démarrer : {error:#}.\n\n{log}\nTransmettez-le à votre support informatique.")
}

/// Reports a start-up failure: in the log, on standard error, and in a native dialog in a
/// release build (on Windows it has no console, so nothing else would be seen).
pub fn report_start_failure(error: &anyhow::Error) {
    let message = start_failure_message(error, LOG_DIR.get().map(|p| p.as_path()));
    tracing::error!("{error:#}");
    eprintln!("{message}");
    if cfg!(not(debug_assertions)) {
        rfd::MessageDialog::new()
            .set_level(rfd::MessageLevel::Error)
            .set_title("Plan ouvert")
            .set_description(&message)
            .set_buttons(rfd::MessageButtons::Ok)
            .show();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_start_failure_says_why_and_where_the_log_is() {
        let error = anyhow::anyhow!("disque plein").context("cannot open the local database in /data");
        let message = start_failure_message(&error, Some(std::path::Path::new("logs")));
        assert!(message.contains("n'a pas pu démarrer"), "{message}");
        assert!(message.contains("disque plein"), "the cause is said: {message}");
        assert!(message.contains("Le journal de l'application se trouve dans logs."), "{message}");
        let without = start_failure_message(&error, None);
        assert!(without.contains("n'a pas pu être ouvert"), "{without}");
    }
}
