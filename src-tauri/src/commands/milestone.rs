use plan_ouvert_domain::{CommitmentId, Milestone, MilestoneEdit, MilestoneId, MilestoneInput};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn create_milestone(
    state: State<'_, AppState>,
    commitment_id: CommitmentId,
    input: MilestoneInput,
) -> Reply<Milestone> {
    state.run(|store| store.create_milestone(commitment_id, &input))
}

#[tauri::command]
pub async fn edit_milestone(state: State<'_, AppState>, milestone_id: MilestoneId, edit: MilestoneEdit) -> Reply<Milestone> {
    state.run(|store| store.edit_milestone(milestone_id, &edit))
}

#[tauri::command]
pub async fn move_milestone(state: State<'_, AppState>, milestone_id: MilestoneId, position: u32) -> Reply<Vec<Milestone>> {
    state.run(|store| store.move_milestone(milestone_id, position))
}

#[tauri::command]
pub async fn delete_milestone(state: State<'_, AppState>, milestone_id: MilestoneId) -> Reply<()> {
    state.run(|store| store.delete_milestone(milestone_id))
}
