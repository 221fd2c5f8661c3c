use plan_ouvert_domain::{AreaId, Commitment, CommitmentDetail, CommitmentEdit, CommitmentId};
use tauri::State;

use super::Reply;
use crate::AppState;

#[tauri::command]
pub async fn create_commitment(state: State<'_, AppState>, area_id: AreaId, title: String) -> Reply<Commitment> {
    state.run(|store| store.create_commitment(area_id, &title))
}

#[tauri::command]
pub async fn get_commitment(state: State<'_, AppState>, commitment_id: CommitmentId) -> Reply<CommitmentDetail> {
    state.run(|store| store.commitment_detail(commitment_id))
}

#[tauri::command]
pub async fn edit_commitment(
    state: State<'_, AppState>,
    commitment_id: CommitmentId,
    edit: CommitmentEdit,
) -> Reply<Commitment> {
    state.run(|store| store.edit_commitment(commitment_id, &edit))
}

#[tauri::command]
pub async fn delete_commitment(state: State<'_, AppState>, commitment_id: CommitmentId) -> Reply<()> {
    state.run(|store| store.delete_commitment(commitment_id))
}
