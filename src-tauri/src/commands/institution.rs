use plan_ouvert_domain::{Institution, InstitutionId, InstitutionInput};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn list_institutions(state: State<'_, AppState>) -> Reply<Vec<Institution>> {
    state.run(|store| store.list_institutions())
}

#[tauri::command]
pub async fn create_institution(state: State<'_, AppState>, input: InstitutionInput) -> Reply<Institution> {
    state.run(|store| store.create_institution(&input))
}

#[tauri::command]
pub async fn update_institution(
    state: State<'_, AppState>,
    institution_id: InstitutionId,
    input: InstitutionInput,
) -> Reply<Institution> {
    state.run(|store| store.update_institution(institution_id, &input))
}

#[tauri::command]
pub async fn delete_institution(state: State<'_, AppState>, institution_id: InstitutionId) -> Reply<()> {
    state.run(|store| store.delete_institution(institution_id))
}
