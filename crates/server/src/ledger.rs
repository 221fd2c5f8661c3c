//! The sync state in the server's SQLite database: the [`Ledger`] the sync rules run on.

use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::fields::{fields, Holds};
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
    /// A record the app could not store (an import of a file that is not the app's own).
    #[error("{0}")]
    Invalid(String),
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

    /// The records whose version in column `mark` (`deleted_at`, `owned_since`) lies in
    /// (`since`, `head`], kept by `keep(owner, kind)`, with that version.
    fn records_marked(
        &self,
        mark: &'static str,
        since: u64,
        head: u64,
        keep: impl Fn(Uuid, RecordKind) -> bool,
    ) -> Result<Vec<(RecordKey, u64)>, LedgerError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT kind, id, owner, {mark} FROM sync_record WHERE {mark} > ?1 AND {mark} <= ?2"
        ))?;
        let rows = stmt.query_map([since, head], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, u64>(3)?))
        })?;
        let mut found = Vec::new();
        for row in rows {
            let (kind, id, owner, at) = row?;
            let (Some(record), Ok(owner)) = (record_key(&kind, &id), Uuid::parse_str(&owner)) else { continue };
            if keep(owner, record.kind) {
                found.push((record, at));
            }
        }
        Ok(found)
    }

    /// After the database was restored from a backup: a new history starts, continuing the
    /// backup's up to its current version, so that every laptop sends again what the backup
    /// lacks and receives everything again. Returns the new history.
    pub fn restored(&mut self) -> Result<Timeline, LedgerError> {
        let old = self.timeline()?;
        let from = self.head()?;
        let new = Timeline { id: Uuid::now_v7(), parent: Some(old.id), from };
        self.conn.execute(
            "UPDATE sync_timeline SET timeline = ?1, parent = ?2, from_version = ?3 WHERE id = 1",
            params![new.id.to_string(), old.id.to_string(), from],
        )?;
        Ok(new)
    }
}

/// Binds a laptop's identity to the person who first pushes under it; `false` when it is
/// another person's.
pub fn claim_client(conn: &Connection, client: ClientId, person: Uuid) -> Result<bool, LedgerError> {
    conn.execute(
        "INSERT INTO sync_client_person (client, person) VALUES (?1, ?2) ON CONFLICT (client) DO NOTHING",
        params![client.0.to_string(), person.to_string()],
    )?;
    let owner: String =
        conn.query_row("SELECT person FROM sync_client_person WHERE client = ?1", [client.0.to_string()], |r| {
            r.get(0)
        })?;
    Ok(owner == person.to_string())
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

    fn outcome(&mut self, id: MutationId) -> Result<Option<(Outcome, Option<String>)>, LedgerError> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .query_row(
                "SELECT outcome, digest FROM sync_outcome WHERE client = ?1 AND seq = ?2",
                params![id.client.0.to_string(), id.seq],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(json, digest)| Ok((serde_json::from_str(&json)?, digest))).transpose()
    }

    fn finish(&mut self, id: MutationId, outcome: &Outcome, digest: &str) -> Result<(), LedgerError> {
        let client = id.client.0.to_string();
        self.conn.execute(
            "INSERT INTO sync_outcome (client, seq, outcome, digest) VALUES (?1, ?2, ?3, ?4)",
            params![client, id.seq, serde_json::to_string(outcome)?, digest],
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
                "SELECT owner, deleted_at, owned_since FROM sync_record WHERE kind = ?1 AND id = ?2",
                params![record.kind.code(), record.id.to_string()],
                |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<u64>>(1)?, r.get::<_, u64>(2)?)),
            )
            .optional()?;
        Ok(row.and_then(|(owner, deleted_at, owned_since)| {
            Some(RecordInfo { owner: Uuid::parse_str(&owner).ok()?, deleted_at, owned_since })
        }))
    }

    fn create_record(&mut self, record: RecordKey, owner: Uuid) -> Result<(), LedgerError> {
        self.conn.execute(
            "INSERT INTO sync_record (kind, id, owner) VALUES (?1, ?2, ?3)
             ON CONFLICT (kind, id) DO UPDATE SET owner = excluded.owner, deleted_at = NULL, owned_since = 0",
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

    fn author(&mut self, client: ClientId) -> Result<Option<Actor>, LedgerError> {
        let row: Option<(String, String, String)> = self
            .conn
            .query_row(
                "SELECT p.id, p.institution_id, p.role FROM sync_client_person c JOIN person p ON p.id = c.person
                 WHERE c.client = ?1",
                [client.0.to_string()],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()?;
        Ok(row.and_then(|(person, institution, role)| {
            let role = match role.as_str() {
                "drafter" => Role::Drafter,
                "coordinator" => Role::Coordinator,
                "reader" => Role::Reader,
                _ => return None,
            };
            Some(Actor {
                institution: Uuid::parse_str(&institution).ok()?,
                role,
                person: Uuid::parse_str(&person).ok()?,
            })
        }))
    }

    fn erase(&mut self, record: RecordKey) -> Result<(), LedgerError> {
        self.conn.execute(
            "DELETE FROM sync_field WHERE kind = ?1 AND id = ?2",
            params![record.kind.code(), record.id.to_string()],
        )?;
        Ok(())
    }

    fn field(&mut self, record: RecordKey, field: &str) -> Result<Option<FieldState>, LedgerError> {
        let row: Option<(String, u64, String, u64)> = self
            .conn
            .query_row(
                "SELECT value, version, client, seq FROM sync_field WHERE kind = ?1 AND id = ?2 AND field = ?3",
                params![record.kind.code(), record.id.to_string(), field],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        row.map(|(value, version, client, seq)| {
            let client = ClientId(Uuid::parse_str(&client).unwrap_or_default());
            Ok(FieldState { value: serde_json::from_str(&value)?, version, by: MutationId { client, seq } })
        })
        .transpose()
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

    fn referrers(&mut self, target: RecordKey) -> Result<Vec<(RecordKey, String)>, LedgerError> {
        let id = target.id.to_string();
        let mut found = Vec::new();
        for kind in RecordKind::ALL {
            for field in fields(kind).iter().filter(|f| f.holds.refers_to() == Some(target.kind)) {
                let (test, pattern) = match field.holds {
                    Holds::RefList(_) => ("f.value LIKE ?3", format!("%\"{id}\"%")),
                    _ => ("f.value = ?3", serde_json::to_string(&id)?),
                };
                let mut stmt = self.conn.prepare_cached(&format!(
                    "SELECT f.id FROM sync_field f JOIN sync_record r ON r.kind = f.kind AND r.id = f.id
                     WHERE f.kind = ?1 AND f.field = ?2 AND {test} AND r.deleted_at IS NULL"
                ))?;
                let ids = stmt
                    .query_map(params![kind.code(), field.name, pattern], |r| r.get::<_, String>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                found.extend(
                    ids.iter().filter_map(|id| record_key(kind.code(), id)).map(|r| (r, field.name.to_string())),
                );
            }
        }
        Ok(found)
    }

    fn changed_by_others_since(
        &mut self,
        record: RecordKey,
        since: u64,
        client: ClientId,
    ) -> Result<bool, LedgerError> {
        Ok(self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM sync_field WHERE kind = ?1 AND id = ?2 AND version > ?3 AND client != ?4)",
        )?
        .query_row(params![record.kind.code(), record.id.to_string(), since, client.0.to_string()], |r| r.get(0))?)
    }

    fn set_owner(&mut self, record: RecordKey, owner: Uuid) -> Result<(), LedgerError> {
        let version = self.bump()?;
        let (kind, id) = (record.kind.code(), record.id.to_string());
        self.conn.execute(
            "UPDATE sync_record SET owner = ?3, owned_since = ?4 WHERE kind = ?1 AND id = ?2",
            params![kind, id, owner.to_string(), version],
        )?;
        let names: Vec<String> = self
            .conn
            .prepare_cached("SELECT field FROM sync_field WHERE kind = ?1 AND id = ?2 ORDER BY field")?
            .query_map(params![kind, id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for name in names {
            let version = self.bump()?;
            self.conn.execute(
                "UPDATE sync_field SET version = ?4 WHERE kind = ?1 AND id = ?2 AND field = ?3",
                params![kind, id, name, version],
            )?;
        }
        Ok(())
    }

    fn history_lost(&mut self) -> Result<(), LedgerError> {
        let timeline = self.timeline()?;
        let opened_at: u64 =
            self.conn.query_row("SELECT opened_at FROM sync_timeline WHERE id = 1", [], |r| r.get(0))?;
        if timeline.parent.is_none() || timeline.from != opened_at {
            let id = Uuid::now_v7();
            tracing::warn!(%id, from = opened_at, "acknowledged changes are missing: the database was put back from a backup; a new history starts");
            self.conn.execute(
                "UPDATE sync_timeline SET timeline = ?1, parent = ?2, from_version = ?3 WHERE id = 1",
                params![id.to_string(), timeline.id.to_string(), opened_at],
            )?;
        }
        Ok(())
    }

    fn acting_for(&mut self, institution: Uuid) -> Result<Uuid, LedgerError> {
        let directory: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT d.id FROM sync_field f JOIN institution d ON d.name = json_extract(f.value, '$') COLLATE NOCASE
                 WHERE f.kind = 'institution' AND f.id = ?1 AND f.field = 'name'",
            )?
            .query_row([institution.to_string()], |r| r.get(0))
            .optional()?;
        Ok(directory.and_then(|id| Uuid::parse_str(&id).ok()).unwrap_or(institution))
    }

    fn file_complete(&mut self, sha256: &str) -> Result<bool, LedgerError> {
        use plan_ouvert_sync::files::FileStore;
        Ok(plan_ouvert_sync::files::SqliteFiles(self.conn).state(sha256)?.is_some_and(|s| s.complete))
    }

    fn file_referrers(&mut self, sha256: &str) -> Result<Vec<RecordKey>, LedgerError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT f.id FROM sync_field f JOIN sync_record r ON r.kind = f.kind AND r.id = f.id,
                    json_each(f.value) j
             WHERE f.kind = 'report' AND f.field = 'files' AND r.deleted_at IS NULL
               AND json_extract(j.value, '$.sha256') = ?1",
        )?;
        let ids = stmt.query_map([sha256], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(ids.iter().filter_map(|id| record_key("report", id)).collect())
    }

    fn person_name(&mut self, person: Uuid) -> Result<Option<String>, LedgerError> {
        Ok(self
            .conn
            .prepare_cached("SELECT name FROM person WHERE id = ?1")?
            .query_row([person.to_string()], |r| r.get(0))
            .optional()?)
    }

    fn timeline(&mut self) -> Result<Timeline, LedgerError> {
        let row: Option<(String, Option<String>, u64)> = self
            .conn
            .query_row("SELECT timeline, parent, from_version FROM sync_timeline WHERE id = 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?;
        match row {
            Some((id, parent, from)) => Ok(Timeline {
                id: Uuid::parse_str(&id).unwrap_or_default(),
                parent: parent.and_then(|p| Uuid::parse_str(&p).ok()),
                from,
            }),
            None => {
                let timeline = Timeline { id: Uuid::now_v7(), parent: None, from: 0 };
                self.conn.execute(
                    "INSERT INTO sync_timeline (id, timeline, parent, from_version) VALUES (1, ?1, NULL, 0)",
                    [timeline.id.to_string()],
                )?;
                Ok(timeline)
            }
        }
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
        drop(stmt);
        // Records deleted in the range, among those the person sees; records given to another
        // owner in the range, among those the person no longer sees.
        let deleted = self.records_marked("deleted_at", since, head, |owner, kind| actor.may_see(kind, owner))?;
        let hidden = self.records_marked("owned_since", since, head, |owner, kind| !actor.may_see(kind, owner))?;
        Ok(PullResponse { changes, deleted, head, more, hidden, timeline: None, since: None, remaining: None })
    }

    fn records_after(&mut self, after: u64, actor: &Actor) -> Result<u64, LedgerError> {
        // Counted by kind and owner, which is all the person's sight depends on; asked once per
        // long sync (the hub counts only when a page is full).
        let mut stmt = self.conn.prepare(
            "SELECT r.kind, r.owner, count(*) FROM sync_record r
             WHERE r.deleted_at IS NULL
               AND EXISTS (SELECT 1 FROM sync_field f WHERE f.kind = r.kind AND f.id = r.id AND f.version > ?1)
             GROUP BY r.kind, r.owner",
        )?;
        let rows =
            stmt.query_map([after], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, u64>(2)?)))?;
        let mut count = 0;
        for row in rows {
            let (kind, owner, records) = row?;
            let (Some(kind), Ok(owner)) = (RecordKind::from_code(&kind), Uuid::parse_str(&owner)) else { continue };
            if actor.may_see(kind, owner) {
                count += records;
            }
        }
        Ok(count)
    }
}
