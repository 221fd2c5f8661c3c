//! Sync with the central plan API: status, connection settings, conflicts and refused changes.

use plan_ouvert_domain::{ConflictChoice, ConflictView, Failure, RejectionView, SyncConnectInput, SyncSettings, SyncStatus};
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use crate::state::AppState;
use crate::sync_service::SyncService;

#[tauri::command]
pub fn get_sync_status(state: State<'_, AppState>, sync: State<'_, SyncService>) -> SyncStatus {
    sync.status(&state)
}

#[tauri::command]
pub fn get_sync_settings(state: State<'_, AppState>, sync: State<'_, SyncService>) -> SyncSettings {
    sync.settings(&state)
}

#[tauri::command]
pub async fn connect_sync<R: Runtime>(
    app: AppHandle<R>,
    sync: State<'_, SyncService>,
    input: SyncConnectInput,
) -> Result<SyncSettings, Failure> {
    sync.connect(&app, &input.server_url, &input.token).await
}

#[tauri::command]
pub fn disconnect_sync<R: Runtime>(app: AppHandle<R>, sync: State<'_, SyncService>) -> Result<(), Failure> {
    sync.disconnect(&app)
}

#[tauri::command]
pub async fn sync_now<R: Runtime>(app: AppHandle<R>, sync: State<'_, SyncService>) -> Result<SyncStatus, Failure> {
    Ok(sync.sync_now(&app).await)
}

#[tauri::command]
pub fn list_conflicts(state: State<'_, AppState>) -> Result<Vec<ConflictView>, Failure> {
    state.run(|store| {
        let locale = store.locale()?;
        store.sync_conflict_views(locale)
    })
}

#[tauri::command]
pub fn resolve_conflict<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    sync: State<'_, SyncService>,
    conflict_id: i64,
    choice: ConflictChoice,
) -> Result<(), Failure> {
    state.run(|store| {
        let conflict = store.sync_conflict(conflict_id)?;
        let value = match choice {
            ConflictChoice::Mine => conflict.mine,
            ConflictChoice::Theirs => conflict.theirs,
            ConflictChoice::Text { value } => Value::String(value),
        };
        store.resolve_sync_conflict(conflict_id, value)
    })?;
    sync.publish(&app);
    Ok(())
}

#[tauri::command]
pub fn list_rejections(state: State<'_, AppState>) -> Result<Vec<RejectionView>, Failure> {
    state.run(|store| {
        let locale = store.locale()?;
        store.sync_rejection_views(locale)
    })
}

#[tauri::command]
pub fn discard_rejection<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    sync: State<'_, SyncService>,
    rejection_id: i64,
) -> Result<(), Failure> {
    state.run(|store| store.discard_sync_rejection(rejection_id))?;
    sync.publish(&app);
    Ok(())
}
