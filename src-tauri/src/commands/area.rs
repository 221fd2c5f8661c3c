use plan_ouvert_domain::{Area, AreaId, AreaInput, PlanId};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn create_area(state: State<'_, AppState>, plan_id: PlanId, input: AreaInput) -> Reply<Area> {
    state.run(|store| store.create_area(plan_id, &input))
}

#[tauri::command]
pub async fn update_area(state: State<'_, AppState>, area_id: AreaId, input: AreaInput) -> Reply<Area> {
    state.run(|store| store.update_area(area_id, &input))
}

#[tauri::command]
pub async fn delete_area(state: State<'_, AppState>, area_id: AreaId) -> Reply<()> {
    state.run(|store| store.delete_area(area_id))
}
