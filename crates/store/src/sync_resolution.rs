//! Resolving a sync conflict with the value a person chose. A field an edit can set (of a
//! commitment or a milestone) goes through the same writer as that edit, so it is checked and
//! queued like one; any other field is written as sync writes it. This lives above the writers
//! (`commitment.rs`, `milestone.rs`) because it calls them; `sync.rs` stays below them.

use plan_ouvert_domain::{CommitmentEdit, CommitmentId, MilestoneEdit, MilestoneId};
use plan_ouvert_sync::protocol::{RecordKind, Value};

use crate::sync::StoredConflict;
use crate::{Entity, Error, Result, Store};

impl Store {
    /// Resolves a conflict with `value`: a new change of the field on top of what it holds now
    /// (the server's value), checked like any edit, sent to everyone. Choosing the value
    /// already there queues nothing: everyone has it.
    pub fn resolve_sync_conflict(&mut self, conflict_id: i64, value: Value) -> Result<()> {
        let conflict = self
            .sync_conflicts()?
            .into_iter()
            .find(|c| c.id == conflict_id)
            .ok_or(Error::NotFound(Entity::Conflict))?;
        // One transaction: the conflict goes only if the chosen value is saved and queued.
        self.conn.execute_batch("SAVEPOINT resolve_conflict")?;
        let outcome = self.apply_resolution(&conflict, value);
        match outcome {
            Ok(()) => self.conn.execute_batch("RELEASE resolve_conflict")?,
            Err(_) => self.conn.execute_batch("ROLLBACK TO resolve_conflict; RELEASE resolve_conflict")?,
        }
        outcome
    }

    fn apply_resolution(&mut self, conflict: &StoredConflict, value: Value) -> Result<()> {
        self.conn.execute("DELETE FROM sync_conflict WHERE id = ?1", [conflict.id])?;
        let record = conflict.record;
        let edit = serde_json::json!({ "field": conflict.field, "value": value });
        match record.kind {
            RecordKind::Commitment => match serde_json::from_value::<CommitmentEdit>(edit) {
                Ok(edit) => self.edit_commitment(CommitmentId(record.id), &edit).map(|_| ()),
                Err(_) => self.write_synced_field(record, &conflict.field, value),
            },
            RecordKind::Milestone => match serde_json::from_value::<MilestoneEdit>(edit) {
                Ok(edit) => self.edit_milestone(MilestoneId(record.id), &edit).map(|_| ()),
                Err(_) => self.write_synced_field(record, &conflict.field, value),
            },
            _ => self.write_synced_field(record, &conflict.field, value),
        }
    }
}
