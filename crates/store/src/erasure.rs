//! Erasing a participant's identity leaves nothing of it on this laptop: not the row, and not
//! what sync keeps about it — the mutations waiting to be sent or kept in the history (their
//! values blanked, so the sequence of this laptop's mutations stays whole and the server never
//! receives the data), the server's last values, conflicts and refusals, and the snapshots that
//! undo deletions. The database overwrites what it deletes (`secure_delete`).
//!
//! Called when the person erases an identity here, and when the server says one was erased (or
//! its participant deleted) elsewhere.

use std::collections::BTreeMap;

use plan_ouvert_sync::protocol::{Change, Mutation, RecordKind, Value};
use rusqlite::{params, Connection};
use uuid::Uuid;

use crate::{Error, Result};

/// What a blanked identity's name holds (a name may not be empty).
pub(crate) const ERASED_NAME: &str = "—";

/// An identity's fields with every personal value blanked (its participant and the day of the
/// agreement, which say nothing of the person, stay).
fn blank(fields: &mut BTreeMap<String, Value>) {
    for (field, value) in fields.iter_mut() {
        match field.as_str() {
            "participantId" | "consentedOn" => {}
            "name" => *value = Value::String(ERASED_NAME.into()),
            _ => *value = Value::String(String::new()),
        }
    }
}

fn blank_mutation(text: &str) -> Result<String> {
    let mut mutation: Mutation = serde_json::from_str(text).map_err(|e| Error::Corrupt(e.to_string()))?;
    match &mut mutation.change {
        Change::Create { fields } => blank(fields),
        Change::Set { value, base, .. } => {
            *value = Value::String(String::new());
            *base = Value::String(String::new());
        }
        Change::Delete { .. } => {}
    }
    serde_json::to_string(&mutation).map_err(|e| Error::Corrupt(e.to_string()))
}

/// Removes every trace of identity `id` from sync's tables and from deletion snapshots.
pub(crate) fn forget_identity(conn: &Connection, id: Uuid) -> Result<()> {
    let kind = RecordKind::Identity.code();
    let id = id.to_string();
    conn.execute("DELETE FROM identity WHERE id = ?1", [&id])?;
    for table in ["sync_shadow", "sync_conflict", "sync_rejection"] {
        conn.execute(&format!("DELETE FROM {table} WHERE record_kind = ?1 AND record_id = ?2"), params![kind, id])?;
    }
    let pending: Vec<(i64, String)> = conn
        .prepare("SELECT seq, mutation FROM sync_outbox WHERE record_kind = ?1 AND record_id = ?2")?
        .query_map(params![kind, id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (seq, mutation) in pending {
        conn.execute("UPDATE sync_outbox SET mutation = ?2 WHERE seq = ?1", params![seq, blank_mutation(&mutation)?])?;
    }
    let history: Vec<(String, i64, String)> = conn
        .prepare(
            "SELECT client, seq, mutation FROM sync_history
             WHERE json_extract(mutation, '$.record.kind') = ?1 AND json_extract(mutation, '$.record.id') = ?2",
        )?
        .query_map(params![kind, id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (client, seq, mutation) in history {
        conn.execute(
            "UPDATE sync_history SET mutation = ?3 WHERE client = ?1 AND seq = ?2",
            params![client, seq, blank_mutation(&mutation)?],
        )?;
    }
    let snapshots: Vec<(i64, String)> = conn
        .prepare(
            "SELECT s.id, s.records FROM deleted_snapshot s WHERE EXISTS (
               SELECT 1 FROM json_each(s.records) r
               WHERE json_extract(r.value, '$.kind') = ?1 AND json_extract(r.value, '$.id') = ?2)",
        )?
        .query_map(params![kind, id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (snapshot, records) in snapshots {
        let records: Vec<Value> = serde_json::from_str(&records).map_err(|e| Error::Corrupt(e.to_string()))?;
        let kept: Vec<Value> =
            records.into_iter().filter(|r| !(r["kind"] == kind && r["id"].as_str() == Some(id.as_str()))).collect();
        conn.execute(
            "UPDATE deleted_snapshot SET records = ?2 WHERE id = ?1",
            params![snapshot, Value::Array(kept).to_string()],
        )?;
    }
    Ok(())
}
