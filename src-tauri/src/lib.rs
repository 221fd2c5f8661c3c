//! The desktop shell of Plan ouvert: a Tauri window over the core crates.
//!
//! Nothing here decides anything: a command converts its arguments, calls one store function and
//! turns the error into the `{ code, message, fields }` shape the interface branches on.

pub mod commands;
mod data_dir;
mod state;
pub mod sync_service;
mod token;

use anyhow::Context as _;
use tauri::{Manager, Runtime};

pub use data_dir::{data_dir_from_env, DATA_DIR_ENV};
pub use state::AppState;
pub use sync_service::SyncService;
pub use token::TOKEN_STORE_ENV;

/// Registers every command on `base`: `tauri::Builder::default()` for the real app,
/// `tauri::test::mock_builder()` for headless tests. The store ([`AppState`]) and the sync
/// service ([`SyncService`]) are added by the caller.
pub fn builder<R: Runtime>(base: tauri::Builder<R>) -> tauri::Builder<R> {
    base.invoke_handler(tauri::generate_handler![
        commands::setting::get_locale,
        commands::setting::set_locale,
        commands::plan::list_plans,
        commands::plan::create_plan,
        commands::plan::update_plan,
        commands::plan::load_demo_plan,
        commands::plan::plan_overview,
        commands::area::create_area,
        commands::area::update_area,
        commands::area::delete_area,
        commands::commitment::create_commitment,
        commands::commitment::get_commitment,
        commands::commitment::edit_commitment,
        commands::commitment::delete_commitment,
        commands::milestone::create_milestone,
        commands::milestone::edit_milestone,
        commands::milestone::move_milestone,
        commands::milestone::delete_milestone,
        commands::institution::list_institutions,
        commands::institution::create_institution,
        commands::institution::update_institution,
        commands::institution::delete_institution,
        commands::sync::get_sync_status,
        commands::sync::get_sync_settings,
        commands::sync::connect_sync,
        commands::sync::disconnect_sync,
        commands::sync::sync_now,
        commands::sync::list_conflicts,
        commands::sync::resolve_conflict,
        commands::sync::list_rejections,
        commands::sync::discard_rejection,
        commands::open_data::import_ogp_csv,
        commands::open_data::export_plan,
    ])
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
        .setup(|app| {
            let dir = match data_dir_from_env() {
                Some(dir) => dir,
                None => app.path().app_data_dir().context("no application data folder on this system")?,
            };
            let state = AppState::open(&dir)
                .with_context(|| format!("cannot open the local database in {}", dir.display()))?;
            let sync = SyncService::open(dir, &mut state.store().lock().unwrap_or_else(|p| p.into_inner()));
            app.manage(state);
            app.manage(sync);
            // Sync runs beside the window for as long as the app runs.
            tauri::async_runtime::spawn(SyncService::run(app.handle().clone()));
            Ok(())
        })
        .run(context())
        .context("the desktop app stopped on an error")
}
