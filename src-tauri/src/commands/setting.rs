use plan_ouvert_domain::Locale;
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn get_locale(state: State<'_, AppState>) -> Reply<Locale> {
    state.run(|store| store.locale())
}

#[tauri::command]
pub async fn set_locale(state: State<'_, AppState>, locale: Locale) -> Reply<()> {
    state.run(|store| store.set_locale(locale))
}
