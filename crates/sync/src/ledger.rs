//! Where the server keeps its sync state: the boundary between the sync logic ([`crate::hub`]) and
//! a database. The server stores it in SQLite (PostgreSQL can be added behind the same trait);
//! [`MemoryLedger`] keeps it in memory for the simulation and unit tests.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use uuid::Uuid;

use crate::access::Actor;
use crate::fields::references;
use crate::protocol::*;

/// A record as the server knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecordInfo {
    pub owner: Uuid,
    /// Version of the deletion, if deleted.
    pub deleted_at: Option<u64>,
    /// Version at which the record last changed owner (0: never).
    pub owned_since: u64,
}

/// What the server has of one field.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldState {
    pub value: Value,
    pub version: u64,
    /// The mutation that wrote it.
    pub by: MutationId,
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
    /// The stored outcome of a processed mutation, with the digest of the mutation it answered
    /// (`None` for outcomes stored before digests were kept).
    fn outcome(&mut self, id: MutationId) -> Result<Option<(Outcome, Option<String>)>, Self::Error>;
    /// Stores a mutation's outcome and digest and moves the laptop's sequence to it.
    fn finish(&mut self, id: MutationId, outcome: &Outcome, digest: &str) -> Result<(), Self::Error>;

    fn record(&mut self, record: RecordKey) -> Result<Option<RecordInfo>, Self::Error>;
    /// Makes `record` live, owned by `owner`: a new one, or a deleted score sheet handed in again
    /// (the one record that may come back under its id).
    fn create_record(&mut self, record: RecordKey, owner: Uuid) -> Result<(), Self::Error>;
    /// Marks a record deleted at a new version, which it returns.
    fn delete_record(&mut self, record: RecordKey) -> Result<u64, Self::Error>;
    /// The person who first pushed under a laptop's identity, as the rules see them (none: the
    /// server has never heard from that laptop).
    fn author(&mut self, client: ClientId) -> Result<Option<Actor>, Self::Error>;
    /// Forgets every value of a deleted record of personal data (its fields' values; the record
    /// stays, deleted, so that a pull tells laptops to remove it and a creation under its id is
    /// still refused — but a score sheet's, whose id is its juror's and application's).
    fn erase(&mut self, record: RecordKey) -> Result<(), Self::Error>;
    fn field(&mut self, record: RecordKey, field: &str) -> Result<Option<FieldState>, Self::Error>;
    /// Stores a field's value at a new version, which it returns.
    fn write(&mut self, by: MutationId, record: RecordKey, field: &str, value: &Value) -> Result<u64, Self::Error>;
    /// A new version with no field written (a creation without fields).
    fn bump(&mut self) -> Result<u64, Self::Error>;

    /// The live records with a field referring to `target`, with that field.
    fn referrers(&mut self, target: RecordKey) -> Result<Vec<(RecordKey, String)>, Self::Error>;
    /// Whether a field of `record` was written after version `since` by another laptop than
    /// `client`.
    fn changed_by_others_since(&mut self, record: RecordKey, since: u64, client: ClientId)
        -> Result<bool, Self::Error>;
    /// Gives `record` to `owner`, and every field of it a new version (same value), so that the
    /// people who now see it receive it whole; those who no longer do are told by
    /// [`PullResponse::hidden`].
    fn set_owner(&mut self, record: RecordKey, owner: Uuid) -> Result<(), Self::Error>;

    /// The institution of the directory whose people act for the plan's institution record
    /// `institution` (the one with its name), or `institution` itself.
    fn acting_for(&mut self, institution: Uuid) -> Result<Uuid, Self::Error>;

    /// Whether the file of this SHA-256 is held whole and checked.
    fn file_complete(&mut self, sha256: &str) -> Result<bool, Self::Error>;
    /// The live progress reports naming the file of this SHA-256.
    fn file_referrers(&mut self, sha256: &str) -> Result<Vec<RecordKey>, Self::Error>;

    /// The name of a person of the directory, as a report they sign must give it.
    fn person_name(&mut self, person: Uuid) -> Result<Option<String>, Self::Error>;

    /// The server's history: changed when the database is restored from a backup.
    fn timeline(&mut self) -> Result<Timeline, Self::Error>;
    /// A laptop knows acknowledged mutations this server has no trace of: its database was
    /// restored from a backup without a new history being started. Unless one was started since
    /// the database was opened, one starts now, from the version it was opened at (the backup's).
    fn history_lost(&mut self) -> Result<(), Self::Error>;

    /// What changed after `since` among the records `actor` may see, at most `limit` field
    /// changes, oldest first; `more` when some were left for the next pull.
    fn changes_since(&mut self, since: u64, limit: usize, actor: &Actor) -> Result<PullResponse, Self::Error>;
    /// How many live records `actor` may see have a field changed after version `after`.
    fn records_after(&mut self, after: u64, actor: &Actor) -> Result<u64, Self::Error>;
}

/// The sync state in memory.
#[derive(Debug, Default, Clone)]
pub struct MemoryLedger {
    version: u64,
    records: HashMap<RecordKey, RecordInfo>,
    fields: BTreeMap<(RecordKey, String), FieldState>,
    last_seqs: HashMap<ClientId, u64>,
    timeline: Timeline,
    /// The version the database was at when it was opened (put back from a backup).
    opened_at: u64,
    outcomes: HashMap<MutationId, (Outcome, String)>,
    writes: Vec<Write>,
    people: HashMap<Uuid, String>,
    /// The person each laptop identity belongs to (the first who pushed under it).
    claims: HashMap<ClientId, Actor>,
    /// The evidence files laptops uploaded.
    pub files: crate::files::MemoryFiles,
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

    /// This ledger as a backup taken now would give back, once restored: the same state under
    /// a new history, `id`.
    pub fn restored(&self, id: Uuid) -> MemoryLedger {
        MemoryLedger {
            timeline: Timeline { id, parent: Some(self.timeline.id), from: self.version },
            opened_at: self.version,
            ..self.clone()
        }
    }

    /// This ledger as a backup taken now would give back, put back without a word: the same
    /// state and history.
    pub fn put_back(&self) -> MemoryLedger {
        MemoryLedger { opened_at: self.version, ..self.clone() }
    }

    /// Adds a person to the directory, for the reports they sign.
    /// Binds a laptop's identity to the first person who pushes under it, as the server does
    /// before each push.
    pub fn claim(&mut self, client: ClientId, actor: Actor) {
        self.claims.entry(client).or_insert(actor);
    }

    pub fn add_person(&mut self, person: Uuid, name: &str) {
        self.people.insert(person, name.to_string());
    }

    /// Who owns `record` and whether it is deleted, as the server knows it.
    pub fn info(&self, record: RecordKey) -> Option<RecordInfo> {
        self.records.get(&record).copied()
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

    fn history_lost(&mut self) -> Result<(), Never> {
        if self.timeline.parent.is_none() || self.timeline.from != self.opened_at {
            let (high, low) = self.timeline.id.as_u64_pair();
            let id = Uuid::from_u64_pair(high ^ self.opened_at.rotate_left(17), low.wrapping_add(1));
            self.timeline = Timeline { id, parent: Some(self.timeline.id), from: self.opened_at };
        }
        Ok(())
    }

    fn acting_for(&mut self, institution: Uuid) -> Result<Uuid, Never> {
        Ok(institution)
    }

    fn file_complete(&mut self, sha256: &str) -> Result<bool, Never> {
        Ok(self.files.complete(sha256).is_some())
    }

    fn file_referrers(&mut self, sha256: &str) -> Result<Vec<RecordKey>, Never> {
        let live = |record: &RecordKey| self.records.get(record).is_some_and(|r| r.deleted_at.is_none());
        Ok(self
            .fields
            .iter()
            .filter(|((record, field), state)| {
                record.kind == RecordKind::Report
                    && field == "files"
                    && live(record)
                    && crate::files::named_files(&state.value).iter().any(|s| s == sha256)
            })
            .map(|((record, _), _)| *record)
            .collect())
    }

    fn person_name(&mut self, person: Uuid) -> Result<Option<String>, Never> {
        Ok(self.people.get(&person).cloned())
    }

    fn timeline(&mut self) -> Result<Timeline, Never> {
        Ok(self.timeline)
    }

    fn last_seq(&mut self, client: ClientId) -> Result<u64, Never> {
        Ok(self.last_seqs.get(&client).copied().unwrap_or(0))
    }

    fn outcome(&mut self, id: MutationId) -> Result<Option<(Outcome, Option<String>)>, Never> {
        Ok(self.outcomes.get(&id).map(|(outcome, digest)| (outcome.clone(), Some(digest.clone()))))
    }

    fn finish(&mut self, id: MutationId, outcome: &Outcome, digest: &str) -> Result<(), Never> {
        self.outcomes.insert(id, (outcome.clone(), digest.to_string()));
        self.last_seqs.insert(id.client, id.seq);
        Ok(())
    }

    fn record(&mut self, record: RecordKey) -> Result<Option<RecordInfo>, Never> {
        Ok(self.records.get(&record).copied())
    }

    fn create_record(&mut self, record: RecordKey, owner: Uuid) -> Result<(), Never> {
        self.records.insert(record, RecordInfo { owner, deleted_at: None, owned_since: 0 });
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

    fn author(&mut self, client: ClientId) -> Result<Option<Actor>, Never> {
        Ok(self.claims.get(&client).copied())
    }

    fn erase(&mut self, record: RecordKey) -> Result<(), Never> {
        self.fields.retain(|(r, _), _| *r != record);
        for write in self.writes.iter_mut().filter(|w| w.record == record) {
            write.value = Value::Null;
        }
        Ok(())
    }

    fn field(&mut self, record: RecordKey, field: &str) -> Result<Option<FieldState>, Never> {
        Ok(self.fields.get(&(record, field.to_string())).cloned())
    }

    fn write(&mut self, by: MutationId, record: RecordKey, field: &str, value: &Value) -> Result<u64, Never> {
        self.version += 1;
        let version = self.version;
        self.fields.insert((record, field.to_string()), FieldState { value: value.clone(), version, by });
        self.writes.push(Write { mutation: by, record, field: field.to_string(), value: value.clone(), version });
        Ok(version)
    }

    fn bump(&mut self) -> Result<u64, Never> {
        self.version += 1;
        Ok(self.version)
    }

    fn referrers(&mut self, target: RecordKey) -> Result<Vec<(RecordKey, String)>, Never> {
        let live = |record: &RecordKey| self.records.get(record).is_some_and(|r| r.deleted_at.is_none());
        Ok(self
            .fields
            .iter()
            .filter(|((record, field), state)| {
                live(record) && references(record.kind, field, &state.value).contains(&target)
            })
            .map(|((record, field), _)| (*record, field.clone()))
            .collect())
    }

    fn changed_by_others_since(&mut self, record: RecordKey, since: u64, client: ClientId) -> Result<bool, Never> {
        Ok(self.fields.iter().any(|((r, _), state)| *r == record && state.version > since && state.by.client != client))
    }

    fn set_owner(&mut self, record: RecordKey, owner: Uuid) -> Result<(), Never> {
        self.version += 1;
        let version = self.version;
        if let Some(info) = self.records.get_mut(&record) {
            info.owner = owner;
            info.owned_since = version;
        }
        for ((r, field), state) in self.fields.iter_mut() {
            if *r == record {
                self.version += 1;
                state.version = self.version;
                let (mutation, value, version) = (state.by, state.value.clone(), state.version);
                self.writes.push(Write { mutation, record, field: field.clone(), value, version });
            }
        }
        Ok(())
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
        let hidden = self
            .records
            .iter()
            .filter(|(record, r)| {
                r.owned_since > since && r.owned_since <= head && !actor.may_see(record.kind, r.owner)
            })
            .map(|(record, r)| (*record, r.owned_since))
            .collect();
        Ok(PullResponse { changes, deleted, head, more, hidden, timeline: None, since: None, remaining: None })
    }

    fn records_after(&mut self, after: u64, actor: &Actor) -> Result<u64, Never> {
        let records: BTreeSet<RecordKey> = self
            .fields
            .iter()
            .filter(|((record, _), f)| {
                f.version > after
                    && self
                        .records
                        .get(record)
                        .is_some_and(|r| r.deleted_at.is_none() && actor.may_see(record.kind, r.owner))
            })
            .map(|((record, _), _)| *record)
            .collect();
        Ok(records.len() as u64)
    }
}
