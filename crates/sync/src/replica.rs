//! The laptop side of sync: local edits first, an outbox of mutations, and what the server said.
//!
//! Every edit changes the local value and appends a mutation to the outbox in one step (in the
//! app, one SQLite transaction). A field with mutations still pending shows the person's own
//! value; once none is pending it shows the latest value the server confirmed (the shadow), so
//! that when everything is sent and pulled every laptop shows what the server holds. Conflicts and
//! refusals are kept, visible, until a person deals with them: nothing is dropped silently.
//!
//! The rules ([`on_push`], [`on_pull`], [`settle`]) are written once over [`ReplicaState`], the boundary to
//! where a laptop keeps its state: [`Replica`] keeps it in memory for the simulation, and the
//! app's store keeps it in SQLite, so the app runs the very logic the simulation checks.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use uuid::Uuid;

use crate::protocol::*;

/// A change of this laptop that met someone else's change of the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub mutation: MutationId,
    pub record: RecordKey,
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
    pub proposed: Option<Value>,
}

/// A change of this laptop the server refused, kept so the person can read why and copy it.
#[derive(Debug, Clone, PartialEq)]
pub struct Rejection {
    pub mutation: Mutation,
    pub refusal: Refusal,
}

/// The fields of one record: `field -> value`.
pub type Fields = BTreeMap<String, Value>;

/// Where a laptop keeps its sync state. Each call of [`on_push`] or [`on_pull`] should run inside
/// one transaction of the implementation, so a crash leaves either all or none of it.
pub trait ReplicaState {
    type Error;

    /// The record's local fields, or `None` when the laptop does not hold it.
    fn values(&mut self, record: RecordKey) -> Result<Option<Fields>, Self::Error>;
    /// Makes the local record hold exactly `fields` (`None`: removes it).
    fn materialise(&mut self, record: RecordKey, fields: Option<Fields>) -> Result<(), Self::Error>;

    /// The last value and version the server confirmed for each field of the record.
    fn shadow(&mut self, record: RecordKey) -> Result<BTreeMap<String, (Value, u64)>, Self::Error>;
    fn set_shadow(&mut self, record: RecordKey, field: &str, value: &Value, version: u64) -> Result<(), Self::Error>;
    fn clear_shadow(&mut self, record: RecordKey) -> Result<(), Self::Error>;

    /// Whether the record was deleted (here or on the server): it is never shown again.
    fn is_deleted(&mut self, record: RecordKey) -> Result<bool, Self::Error>;
    fn set_deleted(&mut self, record: RecordKey, deleted: bool) -> Result<(), Self::Error>;

    /// The oldest mutation not yet acknowledged.
    fn first_pending(&mut self) -> Result<Option<Mutation>, Self::Error>;
    /// The mutations of one record not yet acknowledged.
    fn pending_for(&mut self, record: RecordKey) -> Result<Vec<Mutation>, Self::Error>;
    /// Removes the oldest mutation of the outbox (acknowledged).
    fn pop_outbox(&mut self) -> Result<(), Self::Error>;

    fn add_conflict(&mut self, conflict: Conflict) -> Result<(), Self::Error>;
    /// The fields this laptop has a conflict on, read once per answer taken in (there are
    /// usually none, and a first sync takes in hundreds of thousands of values).
    fn conflicted_fields(&mut self) -> Result<BTreeSet<(RecordKey, String)>, Self::Error>;
    /// The server now holds `theirs` in a field this laptop has a conflict on: the conflict
    /// shows it (its proposed merge, made with the older value, is dropped), so a person never
    /// chooses against a value that is no longer there.
    fn refresh_conflicts(&mut self, record: RecordKey, field: &str, theirs: &Value) -> Result<(), Self::Error>;
    /// Drops the conflicts about a record deleted meanwhile.
    fn drop_conflicts(&mut self, record: RecordKey) -> Result<(), Self::Error>;
    fn add_rejection(&mut self, rejection: Rejection) -> Result<(), Self::Error>;
    /// Remembers what became of one of this laptop's mutations.
    fn record_outcome(&mut self, seq: u64, outcome: &Outcome) -> Result<(), Self::Error>;

    fn cursor(&mut self) -> Result<u64, Self::Error>;
    fn set_cursor(&mut self, cursor: u64) -> Result<(), Self::Error>;
}

fn touches(mutation: &Mutation, record: RecordKey, field: &str) -> bool {
    mutation.record == record
        && match &mutation.change {
            Change::Set { field: f, .. } => f == field,
            Change::Create { fields, .. } => fields.contains_key(field),
            Change::Delete => true,
        }
}

/// The fields with an open conflict, so that a newer server value reaches the conflict too.
type Conflicted = BTreeSet<(RecordKey, String)>;

/// Keeps `value` as the server's latest for the field if it is newer than what is known, and
/// shows it in the field's open conflict, if any.
fn learn<S: ReplicaState>(
    state: &mut S,
    conflicted: &Conflicted,
    record: RecordKey,
    field: &str,
    value: &Value,
    version: u64,
) -> Result<(), S::Error> {
    let known = state.shadow(record)?;
    if known.get(field).is_none_or(|(_, v)| *v < version) {
        state.set_shadow(record, field, value, version)?;
        if conflicted.contains(&(record, field.to_string())) {
            state.refresh_conflicts(record, field, value)?;
        }
    }
    Ok(())
}

/// Shows the server's value in every field of `record` with nothing pending.
pub fn settle<S: ReplicaState>(state: &mut S, record: RecordKey) -> Result<(), S::Error> {
    if state.is_deleted(record)? {
        return Ok(());
    }
    let pending = state.pending_for(record)?;
    let shadow = state.shadow(record)?;
    let current = state.values(record)?;
    let mut fields = current.clone().unwrap_or_default();
    let names: BTreeSet<String> = fields.keys().chain(shadow.keys()).cloned().collect();
    for field in names {
        if pending.iter().any(|m| touches(m, record, &field)) {
            continue;
        }
        match shadow.get(&field) {
            Some((value, _)) => {
                fields.insert(field, value.clone());
            }
            None => {
                fields.remove(&field);
            }
        }
    }
    let settled = if fields.is_empty() { None } else { Some(fields) };
    if settled != current {
        state.materialise(record, settled)?;
    }
    Ok(())
}

/// Takes in what the server said of pushed mutations. Answers to mutations already
/// acknowledged (a duplicated response) change nothing.
pub fn on_push<S: ReplicaState>(state: &mut S, response: &PushResponse) -> Result<(), S::Error> {
    let mut conflicted = state.conflicted_fields()?;
    for MutationResult { seq, outcome } in &response.results {
        // Mutations are acknowledged in order; an answer for a later one while an earlier one is
        // still in the outbox means the earlier was lost on the way and will be sent again.
        let Some(mutation) = state.first_pending()?.filter(|m| m.id.seq == *seq) else { continue };
        state.pop_outbox()?;
        let record = mutation.record;
        match (outcome, &mutation.change) {
            (Outcome::Applied { version }, Change::Set { field, value, .. }) => {
                learn(state, &conflicted, record, field, value, *version)?
            }
            (Outcome::Applied { version }, Change::Create { fields, .. }) => {
                for (field, value) in fields {
                    learn(state, &conflicted, record, field, value, *version)?;
                }
            }
            (Outcome::Applied { .. }, Change::Delete) => state.clear_shadow(record)?,
            (Outcome::Merged { version, value }, Change::Set { field, .. }) => {
                learn(state, &conflicted, record, field, value, *version)?
            }
            (Outcome::Conflict { theirs, theirs_version, proposed }, Change::Set { field, value, .. }) => {
                learn(state, &conflicted, record, field, theirs, *theirs_version)?;
                // A later value may have arrived first (answers and pulls cross on the way): the
                // conflict shows the newest the server holds.
                let (theirs, proposed) = match state.shadow(record)?.remove(field) {
                    Some((newer, version)) if version > *theirs_version => (newer, None),
                    _ => (theirs.clone(), proposed.clone()),
                };
                state.add_conflict(Conflict {
                    mutation: mutation.id,
                    record,
                    field: field.clone(),
                    mine: value.clone(),
                    theirs,
                    proposed,
                })?;
                conflicted.insert((record, field.clone()));
            }
            (Outcome::Rejected { refusal }, change) => {
                if matches!(change, Change::Delete) {
                    state.set_deleted(record, false)?;
                }
                state.add_rejection(Rejection { mutation: mutation.clone(), refusal: *refusal })?;
            }
            _ => {}
        }
        state.record_outcome(*seq, outcome)?;
        settle(state, record)?;
    }
    Ok(())
}

/// The order in which records are written locally, so that a record's references exist first.
fn dependency_rank(kind: RecordKind) -> u8 {
    match kind {
        RecordKind::Institution => 0,
        RecordKind::Plan => 1,
        RecordKind::Area => 2,
        RecordKind::Commitment => 3,
        RecordKind::Milestone => 4,
    }
}

/// Takes in what changed on the server.
pub fn on_pull<S: ReplicaState>(state: &mut S, response: &PullResponse) -> Result<(), S::Error> {
    // Grouped by record, in dependency order, so each record's shadow is read once.
    let mut by_record: BTreeMap<(u8, RecordKey), Vec<&FieldChange>> = BTreeMap::new();
    for change in &response.changes {
        by_record.entry((dependency_rank(change.record.kind), change.record)).or_default().push(change);
    }
    let conflicted = state.conflicted_fields()?;
    for ((_, record), changes) in &by_record {
        let known = state.shadow(*record)?;
        for change in changes {
            if known.get(&change.field).is_none_or(|(_, v)| *v < change.version) {
                state.set_shadow(*record, &change.field, &change.value, change.version)?;
                if conflicted.contains(&(*record, change.field.clone())) {
                    state.refresh_conflicts(*record, &change.field, &change.value)?;
                }
            }
        }
    }
    // Children before parents, so that removing a record never leaves one pointing to it.
    let mut deleted: Vec<RecordKey> = response.deleted.iter().map(|(record, _)| *record).collect();
    deleted.sort_by_key(|record| std::cmp::Reverse(dependency_rank(record.kind)));
    for record in deleted {
        state.clear_shadow(record)?;
        state.materialise(record, None)?;
        state.set_deleted(record, true)?;
        state.drop_conflicts(record)?;
    }
    for (_, record) in by_record.keys() {
        settle(state, *record)?;
    }
    let cursor = state.cursor()?;
    state.set_cursor(cursor.max(response.head))
}

/// A laptop's whole sync state in memory, for the simulation and tests.
#[derive(Debug, Clone)]
pub struct Replica {
    pub client: ClientId,
    next_seq: u64,
    values: BTreeMap<(RecordKey, String), Value>,
    shadow: BTreeMap<(RecordKey, String), (Value, u64)>,
    deleted: BTreeSet<RecordKey>,
    outbox: VecDeque<Mutation>,
    conflicts: Vec<Conflict>,
    rejections: Vec<Rejection>,
    outcomes: BTreeMap<u64, Outcome>,
    cursor: u64,
}

impl ReplicaState for Replica {
    type Error = std::convert::Infallible;

    fn values(&mut self, record: RecordKey) -> Result<Option<Fields>, Self::Error> {
        let fields: Fields =
            self.values.iter().filter(|((r, _), _)| *r == record).map(|((_, f), v)| (f.clone(), v.clone())).collect();
        Ok(if fields.is_empty() { None } else { Some(fields) })
    }

    fn materialise(&mut self, record: RecordKey, fields: Option<Fields>) -> Result<(), Self::Error> {
        self.values.retain(|(r, _), _| *r != record);
        for (field, value) in fields.unwrap_or_default() {
            self.values.insert((record, field), value);
        }
        Ok(())
    }

    fn shadow(&mut self, record: RecordKey) -> Result<BTreeMap<String, (Value, u64)>, Self::Error> {
        Ok(self.shadow.iter().filter(|((r, _), _)| *r == record).map(|((_, f), v)| (f.clone(), v.clone())).collect())
    }

    fn set_shadow(&mut self, record: RecordKey, field: &str, value: &Value, version: u64) -> Result<(), Self::Error> {
        self.shadow.insert((record, field.to_string()), (value.clone(), version));
        Ok(())
    }

    fn clear_shadow(&mut self, record: RecordKey) -> Result<(), Self::Error> {
        self.shadow.retain(|(r, _), _| *r != record);
        Ok(())
    }

    fn is_deleted(&mut self, record: RecordKey) -> Result<bool, Self::Error> {
        Ok(self.deleted.contains(&record))
    }

    fn set_deleted(&mut self, record: RecordKey, deleted: bool) -> Result<(), Self::Error> {
        if deleted {
            self.deleted.insert(record);
        } else {
            self.deleted.remove(&record);
        }
        Ok(())
    }

    fn first_pending(&mut self) -> Result<Option<Mutation>, Self::Error> {
        Ok(self.outbox.front().cloned())
    }

    fn pending_for(&mut self, record: RecordKey) -> Result<Vec<Mutation>, Self::Error> {
        Ok(self.outbox.iter().filter(|m| m.record == record).cloned().collect())
    }

    fn pop_outbox(&mut self) -> Result<(), Self::Error> {
        self.outbox.pop_front();
        Ok(())
    }

    fn conflicted_fields(&mut self) -> Result<BTreeSet<(RecordKey, String)>, Self::Error> {
        Ok(self.conflicts.iter().map(|c| (c.record, c.field.clone())).collect())
    }

    fn refresh_conflicts(&mut self, record: RecordKey, field: &str, theirs: &Value) -> Result<(), Self::Error> {
        for conflict in self.conflicts.iter_mut().filter(|c| c.record == record && c.field == field) {
            if &conflict.theirs != theirs {
                conflict.theirs = theirs.clone();
                conflict.proposed = None;
            }
        }
        Ok(())
    }

    fn add_conflict(&mut self, conflict: Conflict) -> Result<(), Self::Error> {
        self.conflicts.push(conflict);
        Ok(())
    }

    fn drop_conflicts(&mut self, record: RecordKey) -> Result<(), Self::Error> {
        self.conflicts.retain(|c| c.record != record);
        Ok(())
    }

    fn add_rejection(&mut self, rejection: Rejection) -> Result<(), Self::Error> {
        self.rejections.push(rejection);
        Ok(())
    }

    fn record_outcome(&mut self, seq: u64, outcome: &Outcome) -> Result<(), Self::Error> {
        self.outcomes.insert(seq, outcome.clone());
        Ok(())
    }

    fn cursor(&mut self) -> Result<u64, Self::Error> {
        Ok(self.cursor)
    }

    fn set_cursor(&mut self, cursor: u64) -> Result<(), Self::Error> {
        self.cursor = cursor;
        Ok(())
    }
}

fn infallible<T>(result: Result<T, std::convert::Infallible>) -> T {
    match result {
        Ok(value) => value,
        Err(never) => match never {},
    }
}

impl Replica {
    pub fn new(client: ClientId) -> Self {
        Self {
            client,
            next_seq: 1,
            values: BTreeMap::new(),
            shadow: BTreeMap::new(),
            deleted: BTreeSet::new(),
            outbox: VecDeque::new(),
            conflicts: Vec::new(),
            rejections: Vec::new(),
            outcomes: BTreeMap::new(),
            cursor: 0,
        }
    }

    fn enqueue(&mut self, record: RecordKey, change: Change) -> MutationId {
        let id = MutationId { client: self.client, seq: self.next_seq };
        self.next_seq += 1;
        self.outbox.push_back(Mutation { id, record, change });
        id
    }

    /// Creates a record locally.
    pub fn create(&mut self, record: RecordKey, owner: Uuid, fields: BTreeMap<String, Value>) -> MutationId {
        for (field, value) in &fields {
            self.values.insert((record, field.clone()), value.clone());
        }
        self.enqueue(record, Change::Create { owner, fields })
    }

    /// Sets a field locally; the mutation remembers what the person saw before (the merge base).
    pub fn edit(&mut self, record: RecordKey, field: &str, value: Value) -> MutationId {
        let key = (record, field.to_string());
        let base = self.values.get(&key).cloned().unwrap_or(Value::Null);
        self.values.insert(key, value.clone());
        self.enqueue(record, Change::Set { field: field.to_string(), value, base })
    }

    /// Deletes a record locally.
    pub fn delete(&mut self, record: RecordKey) -> MutationId {
        self.values.retain(|(r, _), _| *r != record);
        self.deleted.insert(record);
        self.enqueue(record, Change::Delete)
    }

    /// Resolves a conflict with the value the person chose (theirs, mine, the proposal or an
    /// edit of it): a new edit on top of the value now in the field.
    pub fn resolve(&mut self, index: usize, chosen: Value) -> Option<MutationId> {
        if index >= self.conflicts.len() {
            return None;
        }
        let conflict = self.conflicts.remove(index);
        if self.deleted.contains(&conflict.record) {
            return None;
        }
        Some(self.edit(conflict.record, &conflict.field, chosen))
    }

    /// Everything not yet acknowledged, oldest first.
    pub fn push_request(&self) -> PushRequest {
        PushRequest {
            protocol: PROTOCOL_VERSION,
            client: self.client,
            mutations: self.outbox.iter().cloned().collect(),
        }
    }

    pub fn pull_request(&self) -> PullRequest {
        PullRequest { protocol: PROTOCOL_VERSION, since: self.cursor, limit: None }
    }

    pub fn on_push(&mut self, response: &PushResponse) {
        infallible(on_push(self, response))
    }

    pub fn on_pull(&mut self, response: &PullResponse) {
        infallible(on_pull(self, response))
    }

    pub fn value(&self, record: RecordKey, field: &str) -> Option<&Value> {
        self.values.get(&(record, field.to_string()))
    }

    /// Every local field: `(record, field) -> value`.
    pub fn snapshot(&self) -> BTreeMap<(RecordKey, String), Value> {
        self.values.clone()
    }

    /// The mutations not yet acknowledged, oldest first.
    pub fn pending(&self) -> impl Iterator<Item = &Mutation> {
        self.outbox.iter()
    }

    pub fn pending_count(&self) -> usize {
        self.outbox.len()
    }

    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }

    pub fn rejections(&self) -> &[Rejection] {
        &self.rejections
    }

    /// What became of each of this laptop's mutations, by sequence number.
    pub fn outcomes(&self) -> &BTreeMap<u64, Outcome> {
        &self.outcomes
    }

    /// How many mutations this laptop has made.
    pub fn mutation_count(&self) -> u64 {
        self.next_seq - 1
    }

    pub fn cursor(&self) -> u64 {
        self.cursor
    }
}
