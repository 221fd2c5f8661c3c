//! The laptop's side of sync, kept in this database.
//!
//! - Every writer of the store records what it changed, field by field, in the outbox, inside
//!   the same savepoint as the change ([`Tracked`]): a change is never saved without being
//!   queued, nor queued without being saved. The demonstration plan never enters the outbox.
//! - What the server says is taken in by the rules of `plan_ouvert_sync::replica` (the ones the
//!   simulation checks), over [`SqliteReplica`], which maps sync fields to columns.
//!
//! Field names are those of `CommitmentEdit` / `MilestoneEdit` (camelCase); a record's fields
//! are its columns except identifiers and timestamps. Supporting institutions travel as one
//! field, the ordered list of their ids.
//!
//! This file reads records through `read.rs` and keeps its bookkeeping (cursor, client id,
//! sequence numbers) in `setting.rs`. It never calls a writer: the writers call it. Resolving a
//! conflict, which goes through the writers, is in `sync_resolution.rs`; conflicts and refusals
//! as the sync screen shows them are in `sync_views.rs`.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

use plan_ouvert_domain::{AreaId, InstitutionId, MilestoneId, PlanId};
use plan_ouvert_sync::fields::parent_field;
use plan_ouvert_sync::protocol::{
    snake_case, Change, ClientId, Mutation, MutationId, Outcome, PullRequest, PullResponse, PushRequest, PushResponse,
    RecordKey, RecordKind, Refusal, Value, PROTOCOL_VERSION,
};
use plan_ouvert_sync::replica::{self, Conflict, Fields, Joined, Lost, Rejection, ReplicaState};
use rusqlite::{params, Connection, OptionalExtension};
use uuid::Uuid;

use crate::checkpoint::Checkpointer;
use crate::read::{read_area, read_institution, read_milestone, read_plan};
use crate::row::instant_text;
use crate::setting::{get_setting, put_setting, CLAIMED, CLIENT_ID, CURSOR, JOINED, LAST_SEQ};
use crate::shadow::{kept_once, Settling};
use crate::{now, Error, Result, Store};

pub use plan_ouvert_sync::protocol::fields_of_kind;

fn json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value).map_err(|e| Error::Corrupt(e.to_string()))
}

fn parse<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    serde_json::from_str(text).map_err(|e| Error::Corrupt(e.to_string()))
}

/// A record's sync fields as stored locally, or `None` when it is not here.
pub(crate) fn read_fields(conn: &Connection, record: RecordKey) -> Result<Option<Fields>> {
    let value = match record.kind {
        RecordKind::Plan => read_plan(conn, PlanId(record.id)).map(|r| serde_json::to_value(&r)),
        RecordKind::Area => read_area(conn, AreaId(record.id)).map(|r| serde_json::to_value(&r)),
        RecordKind::Institution => read_institution(conn, InstitutionId(record.id)).map(|r| serde_json::to_value(&r)),
        // Read from its row: a pull of a thousand changed commitments reads each before settling it.
        RecordKind::Commitment => return crate::columns::read_columns(conn, record),
        RecordKind::Milestone => read_milestone(conn, MilestoneId(record.id)).map(|r| serde_json::to_value(&r)),
        RecordKind::Report => {
            crate::read::read_report(conn, plan_ouvert_domain::ReportId(record.id)).map(|r| serde_json::to_value(&r))
        }
        RecordKind::Round => {
            crate::read::read_round(conn, plan_ouvert_domain::RoundId(record.id)).map(|r| serde_json::to_value(&r))
        }
        RecordKind::Workshop => crate::read::read_workshop(conn, plan_ouvert_domain::WorkshopId(record.id))
            .map(|r| serde_json::to_value(&r)),
        RecordKind::Participant => crate::read::read_participant(conn, plan_ouvert_domain::ParticipantId(record.id))
            .map(|r| serde_json::to_value(&r)),
        RecordKind::Identity => crate::read::read_identity(conn, plan_ouvert_domain::ParticipantId(record.id))
            .map(|r| serde_json::to_value(&r)),
        RecordKind::Contribution => crate::read::read_contribution(conn, plan_ouvert_domain::ContributionId(record.id))
            .map(|r| serde_json::to_value(&r)),
        RecordKind::JurySession | RecordKind::Juror | RecordKind::JuryApplication | RecordKind::ScoreSheet => {
            return crate::columns::read_columns(conn, record);
        }
    };
    let value = match value {
        Ok(v) => v.map_err(|e| Error::Corrupt(e.to_string()))?,
        Err(Error::NotFound(_)) => return Ok(None),
        Err(other) => return Err(other),
    };
    let Value::Object(mut map) = value else { return Err(Error::Corrupt("record is not an object".into())) };
    if record.kind == RecordKind::Plan {
        let (ogp, number): (Option<String>, Option<i64>) =
            conn.query_row("SELECT ogp_plan_id, plan_number FROM plan WHERE id = ?1", [record.id.to_string()], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        map.insert("ogpPlanId".into(), ogp.map(Value::String).unwrap_or(Value::Null));
        map.insert("planNumber".into(), number.map(Value::from).unwrap_or(Value::Null));
    }
    let fields =
        fields_of_kind(record.kind).iter().filter_map(|f| map.remove(*f).map(|v| (f.to_string(), v))).collect();
    Ok(Some(fields))
}

fn sql_value(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as Sql;
    match value {
        Value::Null => Sql::Null,
        Value::Bool(b) => Sql::Integer(i64::from(*b)),
        Value::Number(n) => n.as_i64().map(Sql::Integer).unwrap_or(Sql::Null),
        Value::String(s) => Sql::Text(s.clone()),
        other => Sql::Text(other.to_string()),
    }
}

/// Writes a record from an import: like [`write_fields`], but a refusal of the database is an
/// error (the import is then rolled back as a whole).
pub(crate) fn write_record(conn: &Connection, record: RecordKey, fields: &Fields) -> Result<()> {
    if write_fields(conn, record, Some(fields))? {
        Ok(())
    } else {
        Err(Error::Corrupt(format!("{} {} refused by the database", record.kind.code(), record.id)))
    }
}

/// Makes the local record hold `fields` (inserting it if needed), or removes it (`None`).
/// Returns `false` when the database refuses (a reference not here yet, two dates in the wrong
/// order after two people's changes): the local copy stays as it was, and the server's values
/// stay in the shadow to be written by a later pull.
pub(crate) fn write_fields(conn: &Connection, record: RecordKey, fields: Option<&Fields>) -> Result<bool> {
    let table = record.kind.table();
    let id = record.id.to_string();
    if fields.is_none() && matches!(record.kind, RecordKind::Identity | RecordKind::Participant) {
        // An identity erased elsewhere (or its participant deleted): nothing of it stays here.
        crate::erasure::forget_identity(conn, record.id)?;
    }
    let outcome = match fields {
        None => conn
            .prepare_cached(&format!("DELETE FROM {table} WHERE id = ?1"))
            .and_then(|mut s| s.execute([&id]))
            .map(|_| ()),
        Some(fields) => {
            let allowed = fields_of_kind(record.kind);
            // Column names come from the fixed list, never from the data.
            let columns: Vec<(&str, &Value)> = fields
                .iter()
                .filter_map(|(f, v)| allowed.iter().find(|a| **a == f.as_str()).map(|a| (*a, v)))
                .filter(|(f, _)| *f != crate::columns::SUPPORTERS)
                .collect();
            let at = instant_text(now());
            let exists: bool = conn
                .prepare_cached(&format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"))?
                .query_row([&id], |r| r.get(0))?;
            let mut values: Vec<rusqlite::types::Value> = vec![id.clone().into(), at.into()];
            values.extend(columns.iter().map(|(_, v)| sql_value(v)));
            let written = if exists {
                let sets: Vec<String> =
                    columns.iter().enumerate().map(|(i, (f, _))| format!("{} = ?{}", snake_case(f), i + 3)).collect();
                let sets = if sets.is_empty() { String::new() } else { format!(", {}", sets.join(", ")) };
                conn.prepare_cached(&format!("UPDATE {table} SET updated_at = ?2{sets} WHERE id = ?1"))
                    .and_then(|mut s| s.execute(rusqlite::params_from_iter(values)))
            } else {
                let country = fields.get("country").and_then(Value::as_str).unwrap_or("");
                let demo = match (record.kind, fields.get("name").and_then(Value::as_str)) {
                    (RecordKind::Institution, Some(name)) => make_way_for(conn, name, country)?,
                    _ => None,
                };
                let names: String = columns.iter().map(|(f, _)| format!(", {}", snake_case(f))).collect();
                let marks: String = (0..columns.len()).map(|i| format!(", ?{}", i + 3)).collect();
                conn.prepare_cached(&format!(
                    "INSERT INTO {table} (id, created_at, updated_at{names}) VALUES (?1, ?2, ?2{marks})"
                ))
                .and_then(|mut s| s.execute(rusqlite::params_from_iter(values)))
                .and_then(|written| match demo {
                    Some(demo) => hand_over(conn, &demo, &id).map(|()| written),
                    None => Ok(written),
                })
            };
            written.and_then(|_| match fields.get(crate::columns::SUPPORTERS) {
                Some(Value::Array(ids)) if record.kind == RecordKind::Commitment => {
                    crate::columns::write_supporters(conn, &id, ids)
                }
                _ => Ok(()),
            })
        }
    };
    match outcome {
        Ok(()) => Ok(true),
        Err(rusqlite::Error::SqliteFailure(e, message)) if e.code == rusqlite::ErrorCode::ConstraintViolation => {
            // A record whose fields are still arriving (a pull cut in pages) simply waits; any
            // other refusal is worth a line in the log.
            let message = message.unwrap_or_default();
            if !message.starts_with("NOT NULL") {
                tracing::warn!(table, %id, message, "a record received is not written locally yet");
            }
            Ok(false)
        }
        Err(other) => Err(other.into()),
    }
}

/// A real institution arrives with the name of one the demonstration plan brought (names are
/// unique on a laptop): the demonstration's steps aside, renamed "… (démonstration)", so the real
/// one is stored and every record that names it is seen. Returns the demonstration
/// institution's id, for [`hand_over`].
fn make_way_for(conn: &Connection, name: &str, country: &str) -> rusqlite::Result<Option<String>> {
    let demo: Option<String> = conn
        .query_row(
            "SELECT i.id FROM institution i JOIN sync_local l ON l.record_kind = 'institution' AND l.record_id = i.id
             WHERE i.name = ?1 COLLATE NOCASE AND i.country = ?2 COLLATE NOCASE",
            [name, country],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = &demo {
        conn.execute(
            "UPDATE institution SET name = name || ' (démonstration ' || substr(id, 1, 8) || ')' WHERE id = ?1",
            [id],
        )?;
    }
    Ok(demo)
}

/// The demonstration plan's records now name the real institution `real` instead of the
/// demonstration's `demo`, which is removed once nothing names it (a record of a real plan
/// that chose it keeps it).
fn hand_over(conn: &Connection, demo: &str, real: &str) -> rusqlite::Result<()> {
    let in_demo_plan = "plan_id IN (SELECT id FROM plan WHERE is_demo = 1 OR library = 1)";
    conn.execute(
        &format!("UPDATE commitment SET lead_institution_id = ?2 WHERE lead_institution_id = ?1 AND {in_demo_plan}"),
        [demo, real],
    )?;
    conn.execute(
        &format!(
            "UPDATE milestone SET lead_institution_id = ?2 WHERE lead_institution_id = ?1
             AND commitment_id IN (SELECT id FROM commitment WHERE {in_demo_plan})"
        ),
        [demo, real],
    )?;
    conn.execute(
        &format!(
            "UPDATE OR IGNORE commitment_supporter SET institution_id = ?2 WHERE institution_id = ?1
             AND commitment_id IN (SELECT id FROM commitment WHERE {in_demo_plan})"
        ),
        [demo, real],
    )?;
    conn.execute(
        &format!(
            "DELETE FROM commitment_supporter WHERE institution_id = ?1
             AND commitment_id IN (SELECT id FROM commitment WHERE {in_demo_plan})"
        ),
        [demo],
    )?;
    let named: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM commitment WHERE lead_institution_id = ?1)
             OR EXISTS (SELECT 1 FROM milestone WHERE lead_institution_id = ?1)
             OR EXISTS (SELECT 1 FROM commitment_supporter WHERE institution_id = ?1)",
        [demo],
        |r| r.get(0),
    )?;
    if !named {
        conn.execute("DELETE FROM institution WHERE id = ?1", [demo])?;
        conn.execute("DELETE FROM sync_local WHERE record_kind = 'institution' AND record_id = ?1", [demo])?;
    }
    Ok(())
}

/// The query of the plan a record of `kind` belongs to (its id as `?1`), or `None` for
/// institutions, which belong to none: the one place each kind's way to its plan is written.
pub(crate) fn plan_query(kind: RecordKind) -> Option<&'static str> {
    Some(match kind {
        RecordKind::Plan => "SELECT id FROM plan WHERE id = ?1",
        RecordKind::Area => "SELECT plan_id FROM area WHERE id = ?1",
        RecordKind::Commitment => "SELECT plan_id FROM commitment WHERE id = ?1",
        RecordKind::Round => "SELECT plan_id FROM round WHERE id = ?1",
        RecordKind::Workshop => "SELECT plan_id FROM workshop WHERE id = ?1",
        RecordKind::Milestone => {
            "SELECT c.plan_id FROM milestone m JOIN commitment c ON c.id = m.commitment_id WHERE m.id = ?1"
        }
        RecordKind::Report => {
            "SELECT c.plan_id FROM report r JOIN commitment c ON c.id = r.commitment_id WHERE r.id = ?1"
        }
        RecordKind::Participant => {
            "SELECT w.plan_id FROM participant x JOIN workshop w ON w.id = x.workshop_id WHERE x.id = ?1"
        }
        RecordKind::Contribution => {
            "SELECT w.plan_id FROM contribution x JOIN workshop w ON w.id = x.workshop_id WHERE x.id = ?1"
        }
        RecordKind::Identity => {
            "SELECT w.plan_id FROM identity i JOIN participant x ON x.id = i.participant_id
             JOIN workshop w ON w.id = x.workshop_id WHERE i.id = ?1"
        }
        RecordKind::JurySession => "SELECT plan_id FROM jury_session WHERE id = ?1",
        RecordKind::Juror => "SELECT s.plan_id FROM juror x JOIN jury_session s ON s.id = x.session_id WHERE x.id = ?1",
        RecordKind::JuryApplication => {
            "SELECT s.plan_id FROM jury_application x JOIN jury_session s ON s.id = x.session_id WHERE x.id = ?1"
        }
        RecordKind::ScoreSheet => {
            "SELECT s.plan_id FROM score_sheet x JOIN jury_session s ON s.id = x.session_id WHERE x.id = ?1"
        }
        RecordKind::Institution => return None,
    })
}

/// `column` of the plan a record belongs to (`false` when it is in none, or not here).
fn plan_flag(conn: &Connection, record: RecordKey, column: &str) -> Result<bool> {
    let Some(plan) = plan_query(record.kind) else { return Ok(false) };
    let sql = format!("SELECT {column} FROM plan WHERE id = ({plan})");
    Ok(conn.query_row(&sql, [record.id.to_string()], |r| r.get::<_, bool>(0)).optional()?.unwrap_or(false))
}

/// Whether a record stays on this laptop: the demonstration plan and the plans of other
/// countries kept as a reference library, everything in them, and the institutions they brought.
pub(crate) fn is_local(conn: &Connection, record: RecordKey) -> Result<bool> {
    if record.kind == RecordKind::Institution {
        return Ok(conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sync_local WHERE record_kind = 'institution' AND record_id = ?1)",
            [record.id.to_string()],
            |r| r.get(0),
        )?);
    }
    plan_flag(conn, record, "is_demo OR library")
}

/// Whether a record belongs to a plan of the reference library (read-only).
fn in_library(conn: &Connection, record: RecordKey) -> Result<bool> {
    plan_flag(conn, record, "library")
}

/// This laptop's sync identity, made once.
pub(crate) fn client_id(conn: &Connection) -> Result<ClientId> {
    if let Some(text) = get_setting(conn, CLIENT_ID)? {
        return Uuid::parse_str(&text).map(ClientId).map_err(|e| Error::Corrupt(e.to_string()));
    }
    let id = Uuid::now_v7();
    put_setting(conn, CLIENT_ID, Some(&id.to_string()))?;
    Ok(ClientId(id))
}

fn last_seq(conn: &Connection) -> Result<u64> {
    Ok(get_setting(conn, LAST_SEQ)?.and_then(|s| s.parse().ok()).unwrap_or(0))
}

/// Appends a mutation to the outbox.
fn enqueue(conn: &Connection, record: RecordKey, change: Change) -> Result<()> {
    let client = client_id(conn)?;
    let seq = last_seq(conn)? + 1;
    put_setting(conn, LAST_SEQ, Some(&seq.to_string()))?;
    let mutation = Mutation { id: MutationId { client, seq }, record, change };
    conn.execute(
        "INSERT INTO sync_outbox (seq, record_kind, record_id, mutation, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![seq as i64, record.kind.code(), record.id.to_string(), json(&mutation)?, instant_text(now())],
    )?;
    Ok(())
}

/// A record about to be changed by a writer: what it held before, to queue what changed.
#[derive(Debug)]
pub(crate) struct Tracked {
    record: RecordKey,
    before: Option<Fields>,
    local: bool,
    /// The record was in the reference library before the change.
    library: bool,
    /// An import writes the library; a person's edit may not.
    import: bool,
}

impl Tracked {
    /// Reads the record before a change.
    pub(crate) fn before(conn: &Connection, kind: RecordKind, id: Uuid) -> Result<Self> {
        let record = RecordKey { kind, id };
        Ok(Self {
            record,
            before: read_fields(conn, record)?,
            local: is_local(conn, record)?,
            library: in_library(conn, record)?,
            import: false,
        })
    }

    /// [`Tracked::before`], for an import, which may write the reference library.
    pub(crate) fn before_import(conn: &Connection, kind: RecordKind, id: Uuid) -> Result<Self> {
        Ok(Self { import: true, ..Self::before(conn, kind, id)? })
    }

    /// A record the writer is about to create.
    pub(crate) fn new_record(kind: RecordKind, id: Uuid) -> Self {
        Self { record: RecordKey { kind, id }, before: None, local: false, library: false, import: false }
    }

    /// Queues what changed since [`Tracked::before`], in the writer's savepoint.
    pub(crate) fn record(self, conn: &Connection) -> Result<()> {
        let after = read_fields(conn, self.record)?;
        // The reference library is read-only (a library plan may only be deleted whole): the
        // writer's savepoint is rolled back.
        let deleting_plan = after.is_none() && self.record.kind == RecordKind::Plan;
        let library = (self.library && !deleting_plan) || (after.is_some() && in_library(conn, self.record)?);
        if !self.import && library {
            return Err(Error::InLibrary);
        }
        let local = self.local || (after.is_some() && is_local(conn, self.record)?);
        if local {
            return Ok(());
        }
        match (self.before, after) {
            (None, Some(fields)) => enqueue(conn, self.record, Change::Create { fields })?,
            (Some(before), Some(after)) => {
                for (field, value) in after {
                    let base = before.get(&field).cloned().unwrap_or(Value::Null);
                    if base != value {
                        enqueue(conn, self.record, Change::Set { field, value, base })?;
                    }
                }
            }
            (Some(_), None) => {
                // The server is told up to where the person had seen its changes: a change by
                // someone else after that makes it refuse the deletion rather than erase it.
                let seen = get_setting(conn, CURSOR)?.and_then(|s| s.parse().ok()).unwrap_or(0);
                enqueue(conn, self.record, Change::Delete { seen: Some(seen) })?;
                conn.execute(
                    "INSERT OR REPLACE INTO sync_tombstone (record_kind, record_id, deleted_at) VALUES (?1, ?2, 0)",
                    params![self.record.kind.code(), self.record.id.to_string()],
                )?;
            }
            (None, None) => {}
        }
        Ok(())
    }
}

/// The replica's state over this database's tables, for the rules of `plan_ouvert_sync::replica`.
#[derive(Debug)]
pub struct SqliteReplica<'c> {
    conn: &'c Connection,
    /// Records written locally from the server in this exchange.
    pub(crate) written: usize,
    /// The server's long texts written as "the one the record holds" before their record is
    /// settled, with their values, until [`ReplicaState::settled`] says whether it holds them
    /// (see [`crate::shadow`]).
    unsettled: HashMap<RecordKey, BTreeMap<String, Value>>,
    /// Records the database refused to write in this exchange: it does not hold what it was given.
    refused: HashSet<RecordKey>,
    /// Records read to find the long texts their shadow keeps once, until they are written or
    /// settled: a pull reads a record's shadow, then settles the record.
    read: HashMap<RecordKey, Option<Fields>>,
    /// Set while this replica writes an answer in: the store's triggers stand aside.
    settling: Option<Settling>,
}

fn key_params(record: RecordKey) -> (&'static str, String) {
    (record.kind.code(), record.id.to_string())
}

impl<'c> SqliteReplica<'c> {
    /// The sync state, to read it.
    pub(crate) fn reading(conn: &'c Connection) -> Self {
        Self {
            conn,
            written: 0,
            unsettled: HashMap::new(),
            refused: HashSet::new(),
            read: HashMap::new(),
            settling: None,
        }
    }

    /// The sync state, to take an answer of the server in, inside `conn`'s transaction; ended by
    /// [`SqliteReplica::finish`].
    pub(crate) fn writing(conn: &'c Connection) -> Result<Self> {
        Ok(Self { settling: Some(Settling::begin(conn)?), ..Self::reading(conn) })
    }

    /// Ends taking an answer in; returns how many local records were written.
    pub(crate) fn finish(mut self) -> Result<usize> {
        // Every record given values is settled, which writes them; one that was not keeps them
        // whole all the same.
        for (record, values) in std::mem::take(&mut self.unsettled) {
            for (field, value) in values {
                self.keep_whole(record, &field, &value)?;
            }
        }
        if let Some(settling) = self.settling.take() {
            settling.end(self.conn)?;
        }
        Ok(self.written)
    }

    /// Writes the server's value of a field in its row, which exists.
    fn keep_whole(&self, record: RecordKey, field: &str, value: &Value) -> Result<()> {
        let (kind, id) = key_params(record);
        self.conn
            .prepare_cached(
                "UPDATE sync_shadow SET value = ?4 WHERE record_kind = ?1 AND record_id = ?2 AND field = ?3",
            )?
            .execute(params![kind, id, field, json(value)?])?;
        Ok(())
    }

    /// The record is about to be written: what was read of it, and of the records a removal may
    /// take with it, is read again next time.
    fn forget_read(&mut self, record: RecordKey, removed: bool) {
        if removed || record.kind == RecordKind::Institution {
            // A removal cascades to the records under it; an institution arriving may take over
            // the demonstration's, and the records naming it.
            self.read.clear();
        } else {
            self.read.remove(&record);
        }
    }
}

impl ReplicaState for SqliteReplica<'_> {
    type Error = Error;

    fn values(&mut self, record: RecordKey) -> Result<Option<Fields>> {
        match self.read.remove(&record) {
            Some(fields) => Ok(fields),
            None => read_fields(self.conn, record),
        }
    }

    fn materialise(&mut self, record: RecordKey, fields: Option<&Fields>) -> Result<()> {
        self.forget_read(record, fields.is_none());
        if write_fields(self.conn, record, fields)? {
            self.written += 1;
        } else {
            self.refused.insert(record);
        }
        Ok(())
    }

    fn rematerialise(&mut self, record: RecordKey, current: &Fields, fields: &Fields) -> Result<()> {
        // Only the columns that change: a pull that brings one field of a thousand records
        // rewrites nothing else of them (what `write_fields` is not given, it leaves as it is,
        // as it would after writing `fields` whole).
        let changed: Fields = fields
            .iter()
            .filter(|(field, value)| current.get(*field) != Some(*value))
            .map(|(field, value)| (field.clone(), value.clone()))
            .collect();
        // A long text the shadow keeps once, and that this answer did not bring, is about to
        // change: its row keeps the value (what the triggers do for the store's writers).
        let arriving = self.unsettled.get(&record);
        for field in changed.keys() {
            let Some(held) = current.get(field) else { continue };
            if kept_once(record.kind, field, held) && !arriving.is_some_and(|a| a.contains_key(field)) {
                let (kind, id) = key_params(record);
                self.conn
                    .prepare_cached(
                        "UPDATE sync_shadow SET value = ?4
                         WHERE record_kind = ?1 AND record_id = ?2 AND field = ?3 AND value IS NULL",
                    )?
                    .execute(params![kind, id, field, json(held)?])?;
            }
        }
        self.forget_read(record, false);
        if write_fields(self.conn, record, Some(&changed))? {
            self.written += 1;
        } else {
            self.refused.insert(record);
        }
        Ok(())
    }

    fn shadow(&mut self, record: RecordKey) -> Result<BTreeMap<String, (Value, u64)>> {
        let (kind, id) = key_params(record);
        let mut stmt = self.conn.prepare_cached(
            "SELECT field, value, version FROM sync_shadow WHERE record_kind = ?1 AND record_id = ?2",
        )?;
        let rows = stmt
            .query_map(params![kind, id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, Option<String>>(1)?, r.get::<_, i64>(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let arriving = self.unsettled.get(&record);
        let held_once =
            rows.iter().any(|(field, value, _)| value.is_none() && !arriving.is_some_and(|a| a.contains_key(field)));
        if held_once && !self.read.contains_key(&record) {
            self.read.insert(record, read_fields(self.conn, record)?);
        }
        let arriving = self.unsettled.get(&record);
        let held = self.read.get(&record).and_then(Option::as_ref);
        let mut shadow = BTreeMap::new();
        for (field, value, version) in rows {
            let value = match value {
                Some(text) => parse(&text)?,
                None => arriving
                    .and_then(|a| a.get(&field))
                    .or_else(|| held.and_then(|h| h.get(&field)))
                    .cloned()
                    .ok_or_else(|| {
                        Error::Corrupt(format!("the server's {field} of {kind} {id} is neither kept nor held"))
                    })?,
            };
            shadow.insert(field, (value, version as u64));
        }
        Ok(shadow)
    }

    fn set_shadow(&mut self, record: RecordKey, field: &str, value: &Value, version: u64) -> Result<()> {
        let (kind, id) = key_params(record);
        if let Some(arriving) = self.unsettled.get_mut(&record) {
            arriving.remove(field);
        }
        self.conn
            .prepare_cached(
                "INSERT INTO sync_shadow (record_kind, record_id, field, value, version) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT DO UPDATE SET value = excluded.value, version = excluded.version",
            )?
            .execute(params![kind, id, field, json(value)?, version as i64])?;
        Ok(())
    }

    fn set_shadows(&mut self, record: RecordKey, fields: &[(&str, &Value, u64)]) -> Result<()> {
        if fields.is_empty() {
            return Ok(());
        }
        // One statement for the record's fields: a first sync writes hundreds of thousands. A
        // long text is written as "the one the record holds", and kept here until the record is
        // settled (see `crate::shadow`).
        let rows: Vec<String> =
            (0..fields.len()).map(|i| format!("(?1, ?2, ?{}, ?{}, ?{})", 3 * i + 3, 3 * i + 4, 3 * i + 5)).collect();
        let sql = format!(
            "INSERT INTO sync_shadow (record_kind, record_id, field, value, version) VALUES {}
             ON CONFLICT DO UPDATE SET value = excluded.value, version = excluded.version",
            rows.join(", ")
        );
        let (kind, id) = key_params(record);
        let mut values: Vec<rusqlite::types::Value> = vec![kind.to_string().into(), id.into()];
        for (field, value, version) in fields {
            values.push(field.to_string().into());
            if self.settling.is_some() && kept_once(record.kind, field, value) {
                self.unsettled.entry(record).or_default().insert(field.to_string(), (*value).clone());
                values.push(rusqlite::types::Value::Null);
            } else {
                if let Some(arriving) = self.unsettled.get_mut(&record) {
                    arriving.remove(*field);
                }
                values.push(json(value)?.into());
            }
            values.push((*version as i64).into());
        }
        self.conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(values))?;
        Ok(())
    }

    fn settled(&mut self, record: RecordKey, fields: Option<&Fields>) -> Result<()> {
        self.read.remove(&record);
        let Some(arriving) = self.unsettled.remove(&record) else { return Ok(()) };
        let held = if self.refused.contains(&record) { None } else { fields };
        for (field, value) in arriving {
            if held.and_then(|h| h.get(&field)) != Some(&value) {
                self.keep_whole(record, &field, &value)?;
            }
        }
        Ok(())
    }

    fn clear_shadow(&mut self, record: RecordKey) -> Result<()> {
        let (kind, id) = key_params(record);
        self.unsettled.remove(&record);
        self.conn.execute("DELETE FROM sync_shadow WHERE record_kind = ?1 AND record_id = ?2", params![kind, id])?;
        Ok(())
    }

    fn deleted_at(&mut self, record: RecordKey) -> Result<Option<u64>> {
        let (kind, id) = key_params(record);
        Ok(self
            .conn
            .prepare_cached("SELECT deleted_at FROM sync_tombstone WHERE record_kind = ?1 AND record_id = ?2")?
            .query_row(params![kind, id], |r| r.get::<_, i64>(0))
            .optional()?
            .map(|at| at as u64))
    }

    fn set_deleted(&mut self, record: RecordKey, at: Option<u64>) -> Result<()> {
        let (kind, id) = key_params(record);
        match at {
            Some(at) => self.conn.execute(
                "INSERT OR REPLACE INTO sync_tombstone (record_kind, record_id, deleted_at) VALUES (?1, ?2, ?3)",
                params![kind, id, at as i64],
            )?,
            None => self
                .conn
                .execute("DELETE FROM sync_tombstone WHERE record_kind = ?1 AND record_id = ?2", params![kind, id])?,
        };
        Ok(())
    }

    fn first_pending(&mut self) -> Result<Option<Mutation>> {
        Ok(read_outbox(self.conn, 1)?.pop())
    }

    fn pending_for(&mut self, record: RecordKey) -> Result<Vec<Mutation>> {
        let (kind, id) = key_params(record);
        let mut stmt = self.conn.prepare_cached(
            "SELECT mutation FROM sync_outbox WHERE record_kind = ?1 AND record_id = ?2 ORDER BY seq",
        )?;
        let rows =
            stmt.query_map(params![kind, id], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        rows.iter().map(|text| parse(text)).collect()
    }

    fn pop_outbox(&mut self) -> Result<()> {
        self.conn.execute("DELETE FROM sync_outbox WHERE seq = (SELECT min(seq) FROM sync_outbox)", [])?;
        Ok(())
    }

    fn add_conflict(&mut self, conflict: Conflict) -> Result<()> {
        let (kind, id) = key_params(conflict.record);
        self.conn.execute(
            "INSERT INTO sync_conflict (seq, record_kind, record_id, field, mine, theirs, proposed, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                conflict.mutation.seq as i64,
                kind,
                id,
                conflict.field,
                json(&conflict.mine)?,
                json(&conflict.theirs)?,
                conflict.proposed.as_ref().map(json).transpose()?,
                instant_text(now())
            ],
        )?;
        Ok(())
    }

    fn conflicted_fields(&mut self) -> Result<BTreeSet<(RecordKey, String)>> {
        let mut statement = self.conn.prepare("SELECT record_kind, record_id, field FROM sync_conflict")?;
        let rows = statement.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?)))?;
        let mut fields = BTreeSet::new();
        for row in rows {
            let (kind, id, field) = row?;
            let kind = RecordKind::from_code(&kind).ok_or_else(|| Error::Corrupt(format!("record kind {kind}")))?;
            let id = Uuid::parse_str(&id).map_err(|e| Error::Corrupt(e.to_string()))?;
            fields.insert((RecordKey { kind, id }, field));
        }
        Ok(fields)
    }

    fn refresh_conflicts(&mut self, record: RecordKey, field: &str, theirs: &Value) -> Result<()> {
        let (kind, id) = key_params(record);
        let theirs = json(theirs)?;
        self.conn.execute(
            "UPDATE sync_conflict SET theirs = ?4, proposed = NULL
             WHERE record_kind = ?1 AND record_id = ?2 AND field = ?3 AND theirs IS NOT ?4",
            params![kind, id, field, theirs],
        )?;
        Ok(())
    }

    fn drop_conflicts(&mut self, record: RecordKey) -> Result<()> {
        let (kind, id) = key_params(record);
        self.conn.execute("DELETE FROM sync_conflict WHERE record_kind = ?1 AND record_id = ?2", params![kind, id])?;
        Ok(())
    }

    fn add_rejection(&mut self, rejection: Rejection) -> Result<()> {
        let (kind, id) = key_params(rejection.mutation.record);
        self.conn.execute(
            "INSERT INTO sync_rejection (seq, record_kind, record_id, mutation, refusal, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                rejection.mutation.id.seq as i64,
                kind,
                id,
                json(&rejection.mutation)?,
                json(&rejection.refusal)?,
                instant_text(now())
            ],
        )?;
        Ok(())
    }

    fn record_outcome(&mut self, mutation: &Mutation, outcome: &Outcome) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR REPLACE INTO sync_history (client, seq, mutation, outcome) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![
                mutation.id.client.0.to_string(),
                mutation.id.seq as i64,
                json(mutation)?,
                json(outcome)?
            ])?;
        Ok(())
    }

    fn take_lost(&mut self, lost: Lost) -> Result<Vec<Mutation>> {
        let mut stmt = self.conn.prepare("SELECT client, seq, mutation, outcome FROM sync_history")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut taken: Vec<(u64, Mutation)> = Vec::new();
        for (client, seq, mutation, outcome) in rows {
            let (mutation, outcome): (Mutation, Outcome) = (parse(&mutation)?, parse(&outcome)?);
            if !lost.includes(&mutation, &outcome) {
                continue;
            }
            self.conn.execute("DELETE FROM sync_history WHERE client = ?1 AND seq = ?2", params![client, seq])?;
            let version = match outcome {
                Outcome::Applied { version } | Outcome::Merged { version, .. } => version,
                Outcome::Conflict { .. } | Outcome::Rejected { .. } => 0,
            };
            taken.push((version, Lost::again(mutation, &outcome)));
        }
        // In the order the server wrote them.
        taken.sort_by_key(|(version, _)| *version);
        Ok(taken.into_iter().map(|(_, m)| m).collect())
    }

    fn renumber_outbox(&mut self, client: ClientId, seq: u64, again: Vec<Mutation>) -> Result<()> {
        let pending = read_outbox(self.conn, usize::MAX)?;
        self.conn.execute("DELETE FROM sync_outbox", [])?;
        put_setting(self.conn, CLIENT_ID, Some(&client.0.to_string()))?;
        put_setting(self.conn, CLAIMED, None)?;
        put_setting(self.conn, LAST_SEQ, Some(&(seq - 1).to_string()))?;
        for mutation in again.into_iter().chain(pending) {
            enqueue(self.conn, mutation.record, mutation.change)?;
        }
        Ok(())
    }

    fn acknowledged(&mut self) -> Result<u64> {
        Ok(match read_outbox(self.conn, 1)?.first() {
            Some(first) => first.id.seq - 1,
            None => last_seq(self.conn)?,
        })
    }

    fn client(&mut self) -> Result<ClientId> {
        client_id(self.conn)
    }

    fn new_client(&mut self) -> Result<ClientId> {
        let client = ClientId(Uuid::now_v7());
        put_setting(self.conn, CLIENT_ID, Some(&client.0.to_string()))?;
        put_setting(self.conn, CLAIMED, None)?;
        Ok(client)
    }

    fn children(&mut self, record: RecordKey) -> Result<Vec<RecordKey>> {
        let mut children = Vec::new();
        for kind in RecordKind::ALL {
            let Some((field, parent)) = parent_field(kind) else { continue };
            if parent != record.kind {
                continue;
            }
            let mut stmt = self.conn.prepare_cached(
                "SELECT record_id FROM sync_shadow WHERE record_kind = ?1 AND field = ?2 AND value = ?3",
            )?;
            let ids = stmt
                .query_map(params![kind.code(), field, json(&Value::String(record.id.to_string()))?], |r| {
                    r.get::<_, String>(0)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            for id in ids {
                children.push(record_key(kind.code(), &id)?);
            }
        }
        Ok(children)
    }

    fn forget_versions(&mut self, from: u64) -> Result<()> {
        self.conn.execute("UPDATE sync_shadow SET version = 0", [])?;
        self.conn.execute("DELETE FROM sync_tombstone WHERE deleted_at > ?1", [from.min(i64::MAX as u64) as i64])?;
        Ok(())
    }

    fn drop_unconfirmed(&mut self) -> Result<Vec<RecordKey>> {
        let mut stmt =
            self.conn.prepare("SELECT DISTINCT record_kind, record_id FROM sync_shadow WHERE version = 0")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        self.conn.execute("DELETE FROM sync_shadow WHERE version = 0", [])?;
        rows.iter().map(|(kind, id)| record_key(kind, id)).collect()
    }

    fn joined(&mut self) -> Result<Joined> {
        get_setting(self.conn, JOINED)?.map_or(Ok(Joined::default()), |text| parse(&text))
    }

    fn set_joined(&mut self, joined: &Joined) -> Result<()> {
        put_setting(self.conn, JOINED, Some(&json(joined)?))
    }

    fn cursor(&mut self) -> Result<u64> {
        Ok(get_setting(self.conn, CURSOR)?.and_then(|s| s.parse().ok()).unwrap_or(0))
    }

    fn set_cursor(&mut self, cursor: u64) -> Result<()> {
        put_setting(self.conn, CURSOR, Some(&cursor.to_string()))
    }
}

pub(crate) fn read_outbox(conn: &Connection, limit: usize) -> Result<Vec<Mutation>> {
    let mut stmt = conn.prepare_cached("SELECT mutation FROM sync_outbox ORDER BY seq LIMIT ?1")?;
    let rows = stmt
        .query_map([limit.min(i64::MAX as usize) as i64], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.iter().map(|text| parse(text)).collect()
}

/// A conflict as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredConflict {
    pub id: i64,
    pub record: RecordKey,
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
    pub proposed: Option<Value>,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// A refused change as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredRejection {
    pub id: i64,
    pub mutation: Mutation,
    pub refusal: Refusal,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// How many things the status bar counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SyncCounts {
    pub pending: u32,
    pub conflicts: u32,
    pub rejections: u32,
}

fn parse_instant(text: &str) -> Result<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| Error::Corrupt(e.to_string()))
}

/// A pull answer with this many field changes or more is taken in as a page of a long pull.
const LONG_PULL: usize = 2_000;

/// The most mutations sent in one push, to keep each request well under the server's limit.
pub const PUSH_BATCH: usize = 500;

impl Store {
    /// This laptop's sync identity.
    pub fn sync_client(&mut self) -> Result<ClientId> {
        client_id(&self.conn)
    }

    /// The oldest mutations not yet acknowledged (at most [`PUSH_BATCH`]), with the records
    /// created before the person signed in given to `owner` (their institution).
    pub fn sync_push_request(&mut self) -> Result<Option<PushRequest>> {
        let client = client_id(&self.conn)?;
        let mutations = read_outbox(&self.conn, PUSH_BATCH)?;
        let mut state = SqliteReplica::reading(&self.conn);
        // With nothing to send, a push is still made when the server seems to have lost part of
        // its history (its answer says which of this laptop's changes it lost), and the first
        // time, so that the server binds this laptop's identity to its person.
        let claimed = get_setting(&self.conn, CLAIMED)?.is_some();
        if mutations.is_empty() && claimed && state.joined()?.rejoin != plan_ouvert_sync::replica::Rejoin::ServerBehind
        {
            return Ok(None);
        }
        let acknowledged = state.acknowledged()?;
        Ok(Some(PushRequest { protocol: PROTOCOL_VERSION, client, mutations, acknowledged, relay: false }))
    }

    /// Takes in the server's answer to a push, in one transaction.
    pub fn sync_apply_push(&mut self, response: &PushResponse) -> Result<usize> {
        let tx = self.conn.savepoint()?;
        let mut state = SqliteReplica::writing(&tx)?;
        replica::on_push(&mut state, response)?;
        let written = state.finish()?;
        if response.identity_reused_at.is_none() && response.lost_from.is_none() {
            put_setting(&tx, CLAIMED, Some("1"))?;
        }
        tx.commit()?;
        Ok(written)
    }

    pub fn sync_pull_request(&mut self) -> Result<PullRequest> {
        let mut state = SqliteReplica::reading(&self.conn);
        Ok(PullRequest { protocol: PROTOCOL_VERSION, since: state.cursor()?, limit: None, count: false })
    }

    /// Takes in what changed on the server, in one transaction; returns how many local records
    /// were written.
    pub fn sync_apply_pull(&mut self, response: &PullResponse) -> Result<usize> {
        // A page of a long pull: its log is copied into the database on another thread, while
        // the next page is written.
        let long = response.more || response.changes.len() >= LONG_PULL;
        if long && self.checkpointer.is_none() {
            self.checkpointer =
                self.conn.path().filter(|p| !p.is_empty()).and_then(|p| Checkpointer::start(Path::new(p)));
        }
        let handed = long && self.checkpointer.is_some();
        if handed {
            self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        }
        let written = self.take_pull(response);
        if handed {
            self.conn.pragma_update(None, "wal_autocheckpoint", crate::WAL_AUTOCHECKPOINT)?;
            if let Some(checkpointer) = &self.checkpointer {
                checkpointer.nudge();
            }
        }
        written
    }

    fn take_pull(&mut self, response: &PullResponse) -> Result<usize> {
        let tx = self.conn.savepoint()?;
        let mut state = SqliteReplica::writing(&tx)?;
        crate::search_batch::batched(&tx, || replica::on_pull(&mut state, response))?;
        let written = state.finish()?;
        tx.commit()?;
        Ok(written)
    }

    /// Whether this laptop is catching up with a server that lost part of its history.
    pub fn sync_rejoining(&mut self) -> Result<bool> {
        Ok(SqliteReplica::reading(&self.conn).joined()?.rejoin != plan_ouvert_sync::replica::Rejoin::No)
    }

    pub fn sync_counts(&self) -> Result<SyncCounts> {
        Ok(self.conn.query_row(
            "SELECT (SELECT count(*) FROM sync_outbox), (SELECT count(*) FROM sync_conflict),
                    (SELECT count(*) FROM sync_rejection)",
            [],
            |r| Ok(SyncCounts { pending: r.get(0)?, conflicts: r.get(1)?, rejections: r.get(2)? }),
        )?)
    }

    /// Queues a creation for every record of this laptop the server has never seen: those
    /// written before sync existed (or before this laptop was connected). Records from the
    /// server, already queued, deleted, or of the demonstration plan are left alone.
    pub fn sync_adopt_local_records(&mut self) -> Result<usize> {
        let tx = self.conn.savepoint()?;
        let mut adopted = 0;
        for kind in
            [RecordKind::Institution, RecordKind::Plan, RecordKind::Area, RecordKind::Commitment, RecordKind::Milestone]
        {
            let code = kind.code();
            let ids: Vec<String> = tx
                .prepare(&format!(
                    "SELECT id FROM {table} t WHERE
                       NOT EXISTS (SELECT 1 FROM sync_shadow s WHERE s.record_kind = ?1 AND s.record_id = t.id)
                       AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.record_kind = ?1 AND o.record_id = t.id)
                     ORDER BY {order}",
                    table = kind.table(),
                    order = if matches!(kind, RecordKind::Institution | RecordKind::Plan) {
                        "created_at"
                    } else {
                        "position"
                    },
                ))?
                .query_map([code], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in ids {
                let id = Uuid::parse_str(&id).map_err(|e| Error::Corrupt(e.to_string()))?;
                let record = RecordKey { kind, id };
                if is_local(&tx, record)? {
                    continue;
                }
                if let Some(fields) = read_fields(&tx, record)? {
                    enqueue(&tx, record, Change::Create { fields })?;
                    adopted += 1;
                }
            }
        }
        tx.commit()?;
        Ok(adopted)
    }

    pub fn sync_conflicts(&self) -> Result<Vec<StoredConflict>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, record_kind, record_id, field, mine, theirs, proposed, created_at FROM sync_conflict ORDER BY id",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, String>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, String>(7)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, kind, record_id, field, mine, theirs, proposed, at)| {
                Ok(StoredConflict {
                    id,
                    record: record_key(&kind, &record_id)?,
                    field,
                    mine: parse(&mine)?,
                    theirs: parse(&theirs)?,
                    proposed: proposed.as_deref().map(parse).transpose()?,
                    at: parse_instant(&at)?,
                })
            })
            .collect()
    }

    pub fn sync_rejections(&self) -> Result<Vec<StoredRejection>> {
        let mut stmt = self.conn.prepare("SELECT id, mutation, refusal, created_at FROM sync_rejection ORDER BY id")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, mutation, refusal, at)| {
                Ok(StoredRejection {
                    id,
                    mutation: parse(&mutation)?,
                    refusal: parse(&refusal)?,
                    at: parse_instant(&at)?,
                })
            })
            .collect()
    }

    /// Writes one field chosen by a person between two values already accepted elsewhere (a
    /// position, a kind, a plan's dates), and queues it.
    pub(crate) fn write_synced_field(&mut self, record: RecordKey, field: &str, value: Value) -> Result<()> {
        if !fields_of_kind(record.kind).contains(&field) {
            return Err(Error::Corrupt(format!("unknown field {field}")));
        }
        let tx = self.conn.savepoint()?;
        let tracked = Tracked::before(&tx, record.kind, record.id)?;
        let fields: Fields = [(field.to_string(), value)].into_iter().collect();
        if !write_fields(&tx, record, Some(&fields))? {
            return Err(plan_ouvert_domain::Problem::UnknownReference.on("value").into());
        }
        tracked.record(&tx)?;
        tx.commit()?;
        Ok(())
    }

    /// Forgets a refused change once the person has read it (and copied what they needed).
    pub fn discard_sync_rejection(&mut self, rejection_id: i64) -> Result<()> {
        let deleted = self.conn.execute("DELETE FROM sync_rejection WHERE id = ?1", [rejection_id])?;
        if deleted == 0 {
            return Err(Error::NotFound(crate::Entity::Rejection));
        }
        Ok(())
    }

    /// A record's fields as stored here, for showing conflicts and refusals.
    pub fn sync_record_fields(&self, record: RecordKey) -> Result<Option<Fields>> {
        read_fields(&self.conn, record)
    }

    /// Removes the demonstration's records from the outbox and keeps them on this laptop: run
    /// at the end of loading the demonstration, in its transaction.
    pub(crate) fn keep_demo_local(&mut self, outbox_before: u64) -> Result<()> {
        let institutions: Vec<String> = self
            .conn
            .prepare("SELECT record_id FROM sync_outbox WHERE seq > ?1 AND record_kind = 'institution'")?
            .query_map([outbox_before as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for id in institutions {
            self.conn.execute(
                "INSERT OR IGNORE INTO sync_local (record_kind, record_id) VALUES ('institution', ?1)",
                [id],
            )?;
        }
        self.conn.execute("DELETE FROM sync_outbox WHERE seq > ?1", [outbox_before as i64])?;
        put_setting(&self.conn, LAST_SEQ, Some(&outbox_before.to_string()))
    }

    pub(crate) fn last_sync_seq(&self) -> Result<u64> {
        last_seq(&self.conn)
    }
}

fn record_key(kind: &str, id: &str) -> Result<RecordKey> {
    Ok(RecordKey {
        kind: RecordKind::from_code(kind).ok_or_else(|| Error::Corrupt(format!("record kind {kind}")))?,
        id: Uuid::parse_str(id).map_err(|e| Error::Corrupt(e.to_string()))?,
    })
}
