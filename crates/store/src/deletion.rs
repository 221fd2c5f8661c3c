//! Deletions that can be undone for a while. Deleting an area, a commitment or a milestone keeps
//! what it removed (the record, the milestones that went with a commitment, each with its fields
//! and rank) as a snapshot; [`Store::restore_deletion`] brings it back.
//!
//! It comes back as new records with the same content, in the same place: the server keeps a
//! deleted identity deleted (a creation under it is refused), and the deletion may already be
//! sent. So undoing queues creations like any new record, under every sync guarantee, and never
//! touches the outbox's pending deletion (its answer may be on its way).

use std::collections::{BTreeMap, HashMap};

use plan_ouvert_domain::DeletionId;
use plan_ouvert_sync::protocol::{RecordKey, RecordKind, Value};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;
use uuid::Uuid;

use crate::row::instant_text;
use crate::sync::{read_fields, write_record, Tracked};
use crate::{now, rank, Entity, Error, Result, Store};

/// The parent a record of `kind` is ranked in, by its field.
fn parent_field(kind: RecordKind) -> Option<&'static str> {
    match kind {
        RecordKind::Area => Some("planId"),
        RecordKind::Commitment => Some("areaId"),
        RecordKind::Milestone => Some("commitmentId"),
        _ => None,
    }
}

fn parent_kind(kind: RecordKind) -> Option<RecordKind> {
    match kind {
        RecordKind::Area => Some(RecordKind::Plan),
        RecordKind::Commitment => Some(RecordKind::Area),
        RecordKind::Milestone => Some(RecordKind::Commitment),
        _ => None,
    }
}

fn parent_of(kind: RecordKind, fields: &BTreeMap<String, Value>) -> Option<Uuid> {
    parent_field(kind).and_then(|f| fields.get(f)).and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok())
}

/// Keeps what deleting `root` will remove, before it is deleted, in the deleting savepoint.
pub(crate) fn snapshot(conn: &Connection, root: RecordKey) -> Result<DeletionId> {
    let mut keys = vec![root];
    if root.kind == RecordKind::Commitment {
        let milestones = rank::in_order(conn, RecordKind::Milestone, root.id)?;
        keys.extend(milestones.into_iter().map(|id| RecordKey { kind: RecordKind::Milestone, id }));
    }
    let mut records = Vec::with_capacity(keys.len());
    for key in keys {
        let Some(fields) = read_fields(conn, key)? else { continue };
        let parent = fields
            .get(parent_field(key.kind).unwrap_or(""))
            .and_then(Value::as_str)
            .and_then(|s| Uuid::parse_str(s).ok());
        let rank = match parent {
            Some(parent) => rank::in_order(conn, key.kind, parent)?.iter().position(|id| *id == key.id).unwrap_or(0),
            None => 0,
        };
        records.push(json!({"kind": key.kind.code(), "id": key.id.to_string(), "rank": rank, "fields": fields}));
    }
    conn.execute(
        "INSERT INTO deleted_snapshot (at, records) VALUES (?1, ?2)",
        params![instant_text(now()), Value::Array(records).to_string()],
    )?;
    Ok(DeletionId(conn.last_insert_rowid()))
}

impl Store {
    /// Brings back what a deletion removed, as new records in the same places (see the module
    /// documentation); resolves to the new id of the record deleted. Refused when it was already
    /// brought back, or when what it belonged to is gone since.
    pub fn restore_deletion(&mut self, deletion: DeletionId) -> Result<Uuid> {
        let tx = self.conn.savepoint()?;
        let records: Option<(String, Option<String>)> = tx
            .query_row("SELECT records, restored_at FROM deleted_snapshot WHERE id = ?1", [deletion.0], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let records = match records {
            Some((records, None)) => records,
            _ => return Err(Error::NotFound(Entity::Deletion)),
        };
        let records: Vec<Value> = serde_json::from_str(&records).map_err(|e| Error::Corrupt(e.to_string()))?;
        let mut new_ids: HashMap<String, String> = HashMap::new();
        let mut root = None;
        for record in &records {
            let kind =
                record["kind"].as_str().and_then(RecordKind::from_code).ok_or_else(|| Error::Corrupt("kind".into()))?;
            let old = record["id"].as_str().unwrap_or_default().to_string();
            let mut fields: BTreeMap<String, Value> =
                serde_json::from_value(record["fields"].clone()).map_err(|e| Error::Corrupt(e.to_string()))?;
            if let Some(field) = parent_field(kind) {
                if let Some(parent) = fields.get(field).and_then(Value::as_str).and_then(|p| new_ids.get(p)) {
                    fields.insert(field.to_string(), Value::String(parent.clone()));
                }
            }
            let parent = parent_of(kind, &fields);
            if let (Some(parent), Some(parent_kind)) = (parent, parent_kind(kind)) {
                if read_fields(&tx, RecordKey { kind: parent_kind, id: parent })?.is_none() {
                    return Err(Error::NotFound(Entity::of(parent_kind)));
                }
            }
            let id = Uuid::now_v7();
            new_ids.insert(old, id.to_string());
            root.get_or_insert(id);
            let key = RecordKey { kind, id };
            // At the end first, then moved to its place: its creation, then its rank, are queued.
            let last = match parent {
                Some(parent) => rank::in_order(&tx, kind, parent)?.len(),
                None => 0,
            };
            fields.insert("position".into(), json!(last));
            write_record(&tx, key, &fields)?;
            Tracked::new_record(kind, id).record(&tx)?;
            if let Some(parent) = parent {
                let mut order: Vec<Uuid> =
                    rank::in_order(&tx, kind, parent)?.into_iter().filter(|o| *o != id).collect();
                let at = usize::try_from(record["rank"].as_u64().unwrap_or(0)).unwrap_or(0).min(order.len());
                order.insert(at, id);
                rank::set_ranks(&tx, kind, &order)?;
            }
        }
        tx.execute(
            "UPDATE deleted_snapshot SET restored_at = ?2 WHERE id = ?1",
            params![deletion.0, instant_text(now())],
        )?;
        tx.commit()?;
        root.ok_or(Error::NotFound(Entity::Deletion))
    }
}
