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
pub use window_shell::{FilePicker, WindowShell};

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
        .with_context(|| format!("cannot open the local database in {}", dir.display()))?;
    handle.manage(app.clone());
    Ok(app)
}

/// The app's configuration, assets and capabilities, compiled in, for any runtime.
pub fn context<R: Runtime>() -> tauri::Context<R> {
    tauri::generate_context!()
}

/// Starts the desktop app: opens the store in the data folder (see [`data_dir_from_env`]) and
/// shows the main window.
pub fn run() -> anyhow::Result<()> {
    builder(tauri::Builder::default())
        .plugin(tauri_plugin_dialog::init())
        .setup(|tauri_app| {
            let dir = match data_dir_from_env() {
                Some(dir) => dir,
                None => tauri_app.path().app_data_dir().context("no application data folder on this system")?,
            };
            let app = open_app(tauri_app.handle(), &dir, FilePicker::Dialog)?;
            // Sync runs beside the window for as long as the app runs.
            tauri::async_runtime::spawn(app.run_sync());
            Ok(())
        })
        .run(context())
        .context("the desktop app stopped on an error")
}
