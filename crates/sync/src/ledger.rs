//! Where the server keeps its sync state: the boundary between the sync logic ([`crate::hub`]) and
//! a database. The server stores it in SQLite (PostgreSQL can be added behind the same trait);
//! [`MemoryLedger`] keeps it in memory for the simulation and unit tests.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::access::Actor;
use crate::protocol::*;

/// A record as the server knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordInfo {
    pub owner: Uuid,
    /// Version of the deletion, if deleted.
    pub deleted_at: Option<u64>,
}

/// What the server has of one field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldState {
    pub value: Value,
    pub version: u64,
}

/// One write to a field, for audit: which mutation wrote which value at which version.
#[derive(Debug, Clone, PartialEq)]
pub struct Write {
    pub mutation: MutationId,
    pub record: RecordKey,
    pub field: String,
    pub value: Value,
    pub version: u64,
}

/// The server's sync state. Every method is called inside [`Ledger::atomically`] when it
/// changes something, so one mutation's writes and its stored outcome land together or not at all.
pub trait Ledger {
    type Error: std::error::Error + Send + Sync + 'static;

    /// Runs `work` as one transaction: all its changes are kept, or none if it fails.
    fn atomically<T>(&mut self, work: impl FnOnce(&mut Self) -> Result<T, Self::Error>) -> Result<T, Self::Error>;

    /// The current server version (highest assigned).
    fn head(&mut self) -> Result<u64, Self::Error>;
    /// Highest sequence number processed for this laptop (0 if none).
    fn last_seq(&mut self, client: ClientId) -> Result<u64, Self::Error>;
    /// The stored outcome of a processed mutation.
    fn outcome(&mut self, id: MutationId) -> Result<Option<Outcome>, Self::Error>;
    /// Stores a mutation's outcome and moves the laptop's sequence to it.
    fn finish(&mut self, id: MutationId, outcome: &Outcome) -> Result<(), Self::Error>;

    fn record(&mut self, record: RecordKey) -> Result<Option<RecordInfo>, Self::Error>;
    fn create_record(&mut self, record: RecordKey, owner: Uuid) -> Result<(), Self::Error>;
    /// Marks a record deleted at a new version, which it returns.
    fn delete_record(&mut self, record: RecordKey) -> Result<u64, Self::Error>;
    fn field(&mut self, record: RecordKey, field: &str) -> Result<Option<FieldState>, Self::Error>;
    /// Stores a field's value at a new version, which it returns.
    fn write(&mut self, by: MutationId, record: RecordKey, field: &str, value: &Value) -> Result<u64, Self::Error>;
    /// A new version with no field written (a creation without fields).
    fn bump(&mut self) -> Result<u64, Self::Error>;

    /// Latest value of every field changed after `since` and deletions after `since`, among
    /// records `actor` may see.
    /// What changed after `since` among the records `actor` may see, at most `limit` field
    /// changes, oldest first; `more` when some were left for the next pull.
    fn changes_since(&mut self, since: u64, limit: usize, actor: &Actor) -> Result<PullResponse, Self::Error>;
}

/// The sync state in memory.
#[derive(Debug, Default, Clone)]
pub struct MemoryLedger {
    version: u64,
    records: HashMap<RecordKey, RecordInfo>,
    fields: BTreeMap<(RecordKey, String), FieldState>,
    last_seqs: HashMap<ClientId, u64>,
    outcomes: HashMap<MutationId, Outcome>,
    writes: Vec<Write>,
}

/// The in-memory ledger never fails.
#[derive(Debug)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl std::error::Error for Never {}

impl MemoryLedger {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every live field `actor` may see: `(record, field) -> value`.
    pub fn snapshot_for(&self, actor: &Actor) -> BTreeMap<(RecordKey, String), Value> {
        self.fields
            .iter()
            .filter(|((record, _), _)| {
                self.records.get(record).is_some_and(|r| r.deleted_at.is_none() && actor.may_see(record.kind, r.owner))
            })
            .map(|(key, f)| (key.clone(), f.value.clone()))
            .collect()
    }

    /// Every write ever made, in version order.
    pub fn writes(&self) -> &[Write] {
        &self.writes
    }

    pub fn current_head(&self) -> u64 {
        self.version
    }
}

impl Ledger for MemoryLedger {
    type Error = Never;

    fn atomically<T>(&mut self, work: impl FnOnce(&mut Self) -> Result<T, Never>) -> Result<T, Never> {
        work(self)
    }

    fn head(&mut self) -> Result<u64, Never> {
        Ok(self.version)
    }

    fn last_seq(&mut self, client: ClientId) -> Result<u64, Never> {
        Ok(self.last_seqs.get(&client).copied().unwrap_or(0))
    }

    fn outcome(&mut self, id: MutationId) -> Result<Option<Outcome>, Never> {
        Ok(self.outcomes.get(&id).cloned())
    }

    fn finish(&mut self, id: MutationId, outcome: &Outcome) -> Result<(), Never> {
        self.outcomes.insert(id, outcome.clone());
        self.last_seqs.insert(id.client, id.seq);
        Ok(())
    }

    fn record(&mut self, record: RecordKey) -> Result<Option<RecordInfo>, Never> {
        Ok(self.records.get(&record).copied())
    }

    fn create_record(&mut self, record: RecordKey, owner: Uuid) -> Result<(), Never> {
        self.records.insert(record, RecordInfo { owner, deleted_at: None });
        Ok(())
    }

    fn delete_record(&mut self, record: RecordKey) -> Result<u64, Never> {
        self.version += 1;
        let version = self.version;
        if let Some(info) = self.records.get_mut(&record) {
            info.deleted_at = Some(version);
        }
        Ok(version)
    }

    fn field(&mut self, record: RecordKey, field: &str) -> Result<Option<FieldState>, Never> {
        Ok(self.fields.get(&(record, field.to_string())).cloned())
    }

    fn write(&mut self, by: MutationId, record: RecordKey, field: &str, value: &Value) -> Result<u64, Never> {
        self.version += 1;
        let version = self.version;
        self.fields.insert((record, field.to_string()), FieldState { value: value.clone(), version });
        self.writes.push(Write { mutation: by, record, field: field.to_string(), value: value.clone(), version });
        Ok(version)
    }

    fn bump(&mut self) -> Result<u64, Never> {
        self.version += 1;
        Ok(self.version)
    }

    fn changes_since(&mut self, since: u64, limit: usize, actor: &Actor) -> Result<PullResponse, Never> {
        let visible =
            |record: &RecordKey| self.records.get(record).is_some_and(|r| actor.may_see(record.kind, r.owner));
        let live = |record: &RecordKey| self.records.get(record).is_some_and(|r| r.deleted_at.is_none());
        let mut changes: Vec<FieldChange> = self
            .fields
            .iter()
            .filter(|((record, _), f)| f.version > since && visible(record) && live(record))
            .map(|((record, field), f)| FieldChange {
                record: *record,
                field: field.clone(),
                value: f.value.clone(),
                version: f.version,
            })
            .collect();
        changes.sort_by_key(|c| c.version);
        let more = changes.len() > limit;
        changes.truncate(limit);
        let head = match changes.last() {
            Some(last) if more => last.version,
            _ => self.version,
        };
        let deleted = self
            .records
            .iter()
            .filter_map(|(record, r)| {
                r.deleted_at.filter(|v| *v > since && *v <= head && visible(record)).map(|v| (*record, v))
            })
            .collect();
        Ok(PullResponse { changes, deleted, head, more })
    }
}
