//! The laptop side of sync: local edits first, an outbox of mutations, and what the server said.
//!
//! Every edit changes the local value and appends a mutation to the outbox in one step (in the
//! app, one SQLite transaction). A field with mutations still pending shows the person's own
//! value; once none is pending it shows the latest value the server confirmed (the shadow), so
//! that when everything is sent and pulled every laptop shows what the server holds. Conflicts and
//! refusals are kept, visible, until a person deals with them: nothing is dropped silently.

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

/// The state a laptop keeps on disk (the app stores it in its SQLite database).
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
        PushRequest { protocol: PROTOCOL_VERSION, client: self.client, mutations: self.outbox.iter().cloned().collect() }
    }

    pub fn pull_request(&self) -> PullRequest {
        PullRequest { protocol: PROTOCOL_VERSION, since: self.cursor }
    }

    fn is_pending(&self, record: RecordKey, field: &str) -> bool {
        self.outbox.iter().any(|m| {
            m.record == record
                && match &m.change {
                    Change::Set { field: f, .. } => f == field,
                    Change::Create { fields, .. } => fields.contains_key(field),
                    Change::Delete => true,
                }
        })
    }

    fn learn(&mut self, record: RecordKey, field: &str, value: Value, version: u64) {
        let key = (record, field.to_string());
        if self.shadow.get(&key).is_none_or(|(_, v)| *v < version) {
            self.shadow.insert(key, (value, version));
        }
    }

    /// Shows the server's value in every field of `record` with nothing pending.
    fn settle(&mut self, record: RecordKey) {
        if self.deleted.contains(&record) {
            return;
        }
        let fields: Vec<String> = self
            .values
            .keys()
            .chain(self.shadow.keys())
            .filter(|(r, _)| *r == record)
            .map(|(_, f)| f.clone())
            .collect();
        for field in fields {
            if self.is_pending(record, &field) {
                continue;
            }
            let key = (record, field);
            match self.shadow.get(&key) {
                Some((value, _)) => {
                    self.values.insert(key, value.clone());
                }
                None => {
                    self.values.remove(&key);
                }
            }
        }
    }

    /// Takes in what the server said of pushed mutations. Answers to mutations already
    /// acknowledged (a duplicated response) change nothing.
    pub fn on_push(&mut self, response: &PushResponse) {
        for MutationResult { seq, outcome } in &response.results {
            let Some(index) = self.outbox.iter().position(|m| m.id.seq == *seq) else { continue };
            // Mutations are acknowledged in order; an earlier one still in the outbox was lost
            // on the way and will be sent again.
            if index != 0 {
                continue;
            }
            let Some(mutation) = self.outbox.pop_front() else { continue };
            let record = mutation.record;
            match (outcome, &mutation.change) {
                (Outcome::Applied { version }, Change::Set { field, value, .. }) => {
                    self.learn(record, field, value.clone(), *version)
                }
                (Outcome::Applied { version }, Change::Create { fields, .. }) => {
                    for (field, value) in fields {
                        self.learn(record, field, value.clone(), *version);
                    }
                }
                (Outcome::Applied { .. }, Change::Delete) => {
                    self.shadow.retain(|(r, _), _| *r != record);
                }
                (Outcome::Merged { version, value }, Change::Set { field, .. }) => {
                    self.learn(record, field, value.clone(), *version)
                }
                (Outcome::Conflict { theirs, theirs_version, proposed }, Change::Set { field, value, .. }) => {
                    self.learn(record, field, theirs.clone(), *theirs_version);
                    self.conflicts.push(Conflict {
                        mutation: mutation.id,
                        record,
                        field: field.clone(),
                        mine: value.clone(),
                        theirs: theirs.clone(),
                        proposed: proposed.clone(),
                    });
                }
                (Outcome::Rejected { refusal }, change) => {
                    if matches!(change, Change::Delete) {
                        self.deleted.remove(&record);
                    }
                    self.rejections.push(Rejection { mutation: mutation.clone(), refusal: *refusal });
                }
                _ => {}
            }
            self.outcomes.insert(*seq, outcome.clone());
            self.settle(record);
        }
    }

    /// Takes in what changed on the server.
    pub fn on_pull(&mut self, response: &PullResponse) {
        let mut touched = BTreeSet::new();
        for change in &response.changes {
            self.learn(change.record, &change.field, change.value.clone(), change.version);
            touched.insert(change.record);
        }
        for (record, _) in &response.deleted {
            self.shadow.retain(|(r, _), _| r != record);
            self.values.retain(|(r, _), _| r != record);
            self.deleted.insert(*record);
            self.conflicts.retain(|c| c.record != *record);
        }
        for record in touched {
            self.settle(record);
        }
        self.cursor = self.cursor.max(response.head);
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
