//! The sync state in the server's SQLite database: the [`Ledger`] the sync rules run on.

use plan_ouvert_sync::access::Actor;
use plan_ouvert_sync::ledger::{FieldState, Ledger, RecordInfo};
use plan_ouvert_sync::protocol::*;
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

/// What can fail in the server's ledger.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    #[error("stored JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// The ledger over one SQLite connection.
#[derive(Debug)]
pub struct SqliteLedger<'c> {
    conn: &'c mut Connection,
}

impl<'c> SqliteLedger<'c> {
    pub fn new(conn: &'c mut Connection) -> Self {
        Self { conn }
    }
}

fn record_key(kind: &str, id: &str) -> Option<RecordKey> {
    Some(RecordKey { kind: RecordKind::from_code(kind)?, id: Uuid::parse_str(id).ok()? })
}

impl Ledger for SqliteLedger<'_> {
    type Error = LedgerError;

    fn atomically<T>(&mut self, work: impl FnOnce(&mut Self) -> Result<T, LedgerError>) -> Result<T, LedgerError> {
        self.conn.execute_batch("BEGIN IMMEDIATE")?;
        match work(self) {
            Ok(value) => {
                self.conn.execute_batch("COMMIT")?;
                Ok(value)
            }
            Err(error) => {
                let _ = self.conn.execute_batch("ROLLBACK");
                Err(error)
            }
        }
    }

    fn head(&mut self) -> Result<u64, LedgerError> {
        Ok(self.conn.query_row("SELECT version FROM sync_head WHERE id = 1", [], |r| r.get(0))?)
    }

    fn last_seq(&mut self, client: ClientId) -> Result<u64, LedgerError> {
        let seq = self
            .conn
            .query_row("SELECT last_seq FROM sync_client WHERE client = ?1", [client.0.to_string()], |r| r.get(0))
            .optional()?;
        Ok(seq.unwrap_or(0))
    }

    fn outcome(&mut self, id: MutationId) -> Result<Option<Outcome>, LedgerError> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT outcome FROM sync_outcome WHERE client = ?1 AND seq = ?2",
                params![id.client.0.to_string(), id.seq],
                |r| r.get(0),
            )
            .optional()?;
        Ok(json.map(|j| serde_json::from_str(&j)).transpose()?)
    }

    fn finish(&mut self, id: MutationId, outcome: &Outcome) -> Result<(), LedgerError> {
        let client = id.client.0.to_string();
        self.conn.execute(
            "INSERT INTO sync_outcome (client, seq, outcome) VALUES (?1, ?2, ?3)",
            params![client, id.seq, serde_json::to_string(outcome)?],
        )?;
        self.conn.execute(
            "INSERT INTO sync_client (client, last_seq) VALUES (?1, ?2)
             ON CONFLICT (client) DO UPDATE SET last_seq = excluded.last_seq",
            params![client, id.seq],
        )?;
        Ok(())
    }

    fn record(&mut self, record: RecordKey) -> Result<Option<RecordInfo>, LedgerError> {
        let row = self
            .conn
            .query_row(
                "SELECT owner, deleted_at FROM sync_record WHERE kind = ?1 AND id = ?2",
                params![record.kind.code(), record.id.to_string()],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<u64>>(1)?)),
            )
            .optional()?;
        Ok(row.and_then(|(owner, deleted_at)| Some(RecordInfo { owner: Uuid::parse_str(&owner).ok()?, deleted_at })))
    }

    fn create_record(&mut self, record: RecordKey, owner: Uuid) -> Result<(), LedgerError> {
        self.conn.execute(
            "INSERT INTO sync_record (kind, id, owner) VALUES (?1, ?2, ?3)",
            params![record.kind.code(), record.id.to_string(), owner.to_string()],
        )?;
        Ok(())
    }

    fn delete_record(&mut self, record: RecordKey) -> Result<u64, LedgerError> {
        let version = self.bump()?;
        self.conn.execute(
            "UPDATE sync_record SET deleted_at = ?3 WHERE kind = ?1 AND id = ?2",
            params![record.kind.code(), record.id.to_string(), version],
        )?;
        Ok(version)
    }

    fn field(&mut self, record: RecordKey, field: &str) -> Result<Option<FieldState>, LedgerError> {
        let row: Option<(String, u64)> = self
            .conn
            .query_row(
                "SELECT value, version FROM sync_field WHERE kind = ?1 AND id = ?2 AND field = ?3",
                params![record.kind.code(), record.id.to_string(), field],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(value, version)| Ok(FieldState { value: serde_json::from_str(&value)?, version })).transpose()
    }

    fn write(&mut self, by: MutationId, record: RecordKey, field: &str, value: &Value) -> Result<u64, LedgerError> {
        let version = self.bump()?;
        self.conn.execute(
            "INSERT INTO sync_field (kind, id, field, value, version, client, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (kind, id, field) DO UPDATE SET
               value = excluded.value, version = excluded.version, client = excluded.client, seq = excluded.seq",
            params![
                record.kind.code(),
                record.id.to_string(),
                field,
                serde_json::to_string(value)?,
                version,
                by.client.0.to_string(),
                by.seq
            ],
        )?;
        Ok(version)
    }

    fn bump(&mut self) -> Result<u64, LedgerError> {
        Ok(self.conn.query_row(
            "UPDATE sync_head SET version = version + 1 WHERE id = 1 RETURNING version",
            [],
            |r| r.get(0),
        )?)
    }

    fn changes_since(&mut self, since: u64, limit: usize, actor: &Actor) -> Result<PullResponse, LedgerError> {
        let mut head = self.head()?;
        let mut more = false;
        let mut changes = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT f.kind, f.id, f.field, f.value, f.version, r.owner FROM sync_field f
             JOIN sync_record r ON r.kind = f.kind AND r.id = f.id
             WHERE f.version > ?1 AND r.deleted_at IS NULL ORDER BY f.version",
        )?;
        let rows = stmt.query_map([since], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, u64>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        for row in rows {
            let (kind, id, field, value, version, owner) = row?;
            let (Some(record), Ok(owner)) = (record_key(&kind, &id), Uuid::parse_str(&owner)) else { continue };
            if actor.may_see(record.kind, owner) {
                if changes.len() == limit {
                    // One more is waiting: this page ends at the last change it carries.
                    more = true;
                    head = changes.last().map_or(since, |c: &FieldChange| c.version);
                    break;
                }
                changes.push(FieldChange { record, field, value: serde_json::from_str(&value)?, version });
            }
        }
        let mut deleted = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT kind, id, owner, deleted_at FROM sync_record WHERE deleted_at > ?1 AND deleted_at <= ?2",
        )?;
        let rows = stmt.query_map([since, head], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u64>(3)?))
        })?;
        for row in rows {
            let (kind, id, owner, at) = row?;
            let (Some(record), Ok(owner)) = (record_key(&kind, &id), Uuid::parse_str(&owner)) else { continue };
            if actor.may_see(record.kind, owner) {
                deleted.push((record, at));
            }
        }
        Ok(PullResponse { changes, deleted, head, more })
    }
}
