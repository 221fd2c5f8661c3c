use plan_ouvert_domain::{OverviewFilter, Plan, PlanId, PlanInput, PlanOverview};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn list_plans(state: State<'_, AppState>) -> Reply<Vec<Plan>> {
    state.run(|store| store.list_plans())
}

#[tauri::command]
pub async fn create_plan(state: State<'_, AppState>, input: PlanInput) -> Reply<Plan> {
    state.run(|store| store.create_plan(&input))
}

#[tauri::command]
pub async fn update_plan(state: State<'_, AppState>, plan_id: PlanId, input: PlanInput) -> Reply<Plan> {
    state.run(|store| store.update_plan(plan_id, &input))
}

#[tauri::command]
pub async fn load_demo_plan(state: State<'_, AppState>) -> Reply<Plan> {
    state.run(|store| store.load_demo_plan())
}

#[tauri::command]
pub async fn plan_overview(state: State<'_, AppState>, plan_id: PlanId, filter: OverviewFilter) -> Reply<PlanOverview> {
    state.run(|store| store.plan_overview(plan_id, &filter))
}
