//! The server side of sync: applies laptops' mutations in order, once each, field by field, and
//! answers pulls with what each person may see.
//!
//! Rules (see `architecture.md`, "Sync: the guarantees"):
//! - a laptop's mutations are applied in sequence order; a replayed one gets its stored outcome;
//!   one arriving after a gap is left for the laptop to send again;
//! - versions come from one server counter, never from laptop clocks;
//! - a `Set` whose base is still the field's value is applied; otherwise a long text is merged by
//!   paragraph, and a short field (or the same paragraph) becomes a conflict, leaving the current
//!   value in place;
//! - every change is checked against the person's role and institution.
//!
//! The state is in memory here; the server keeps the same state in its database.

use std::collections::{BTreeMap, HashMap};

use uuid::Uuid;

use crate::access::Actor;
use crate::merge::{merge_text, TextMerge};
use crate::protocol::*;

#[derive(Debug, Clone)]
struct RecordState {
    owner: Uuid,
    deleted_at: Option<u64>,
}

#[derive(Debug, Clone)]
struct FieldState {
    value: Value,
    version: u64,
}

#[derive(Debug, Default, Clone)]
struct ClientState {
    /// Highest sequence number processed.
    last_seq: u64,
    outcomes: BTreeMap<u64, Outcome>,
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

/// The server's sync state.
#[derive(Debug, Default, Clone)]
pub struct Hub {
    version: u64,
    records: HashMap<RecordKey, RecordState>,
    fields: BTreeMap<(RecordKey, String), FieldState>,
    clients: HashMap<ClientId, ClientState>,
    writes: Vec<Write>,
}

impl Hub {
    pub fn new() -> Self {
        Self::default()
    }

    /// The current server version.
    pub fn head(&self) -> u64 {
        self.version
    }

    fn next_version(&mut self) -> u64 {
        self.version += 1;
        self.version
    }

    /// Applies a laptop's mutations in order and says what became of each.
    pub fn push(&mut self, actor: &Actor, request: &PushRequest) -> Result<PushResponse, ProtocolError> {
        check_protocol(request.protocol)?;
        let mut results = Vec::new();
        for mutation in &request.mutations {
            if mutation.id.client != request.client {
                continue;
            }
            let state = self.clients.entry(request.client).or_default();
            let seq = mutation.id.seq;
            if seq <= state.last_seq {
                if let Some(outcome) = state.outcomes.get(&seq) {
                    results.push((seq, outcome.clone()));
                }
                continue;
            }
            if seq != state.last_seq + 1 {
                break; // An earlier mutation is missing: the laptop sends from there again.
            }
            let outcome = self.apply(actor, mutation);
            let state = self.clients.entry(request.client).or_default();
            state.last_seq = seq;
            state.outcomes.insert(seq, outcome.clone());
            results.push((seq, outcome));
        }
        let next_expected = self.clients.get(&request.client).map_or(1, |s| s.last_seq + 1);
        Ok(PushResponse { results, next_expected })
    }

    fn write(&mut self, mutation: MutationId, record: RecordKey, field: &str, value: Value) -> u64 {
        let version = self.next_version();
        self.fields.insert((record, field.to_string()), FieldState { value: value.clone(), version });
        self.writes.push(Write { mutation, record, field: field.to_string(), value, version });
        version
    }

    fn apply(&mut self, actor: &Actor, mutation: &Mutation) -> Outcome {
        let rejected = |refusal| Outcome::Rejected { refusal };
        let record = mutation.record;
        match &mutation.change {
            Change::Create { owner, fields } => {
                if !actor.may_write(*owner) {
                    return rejected(Refusal::Forbidden);
                }
                if self.records.contains_key(&record) {
                    return rejected(Refusal::AlreadyExists);
                }
                self.records.insert(record, RecordState { owner: *owner, deleted_at: None });
                let mut version = self.version;
                for (field, value) in fields {
                    version = self.write(mutation.id, record, field, value.clone());
                }
                if fields.is_empty() {
                    version = self.next_version();
                }
                Outcome::Applied { version }
            }
            Change::Delete => {
                let Some(state) = self.records.get(&record) else { return rejected(Refusal::UnknownRecord) };
                if !actor.may_write(state.owner) {
                    return rejected(Refusal::Forbidden);
                }
                if state.deleted_at.is_some() {
                    return rejected(Refusal::RecordDeleted);
                }
                let version = self.next_version();
                if let Some(state) = self.records.get_mut(&record) {
                    state.deleted_at = Some(version);
                }
                Outcome::Applied { version }
            }
            Change::Set { field, value, base } => {
                let Some(state) = self.records.get(&record) else { return rejected(Refusal::UnknownRecord) };
                if !actor.may_write(state.owner) {
                    return rejected(Refusal::Forbidden);
                }
                if state.deleted_at.is_some() {
                    return rejected(Refusal::RecordDeleted);
                }
                let current = self.fields.get(&(record, field.clone())).cloned();
                let (theirs, theirs_version) = match current {
                    Some(f) => (f.value, f.version),
                    None => (Value::Null, 0),
                };
                if theirs == *base {
                    // Nobody changed the field since this person saw it.
                    let version = self.write(mutation.id, record, field, value.clone());
                    return Outcome::Applied { version };
                }
                if theirs == *value {
                    // Someone else already made the very same change.
                    return Outcome::Applied { version: theirs_version };
                }
                match (field_kind(record.kind, field), base.as_str(), value.as_str(), theirs.as_str()) {
                    (FieldKind::Long, Some(b), Some(m), Some(t)) => match merge_text(b, m, t) {
                        TextMerge::Clean(merged) => {
                            let merged = Value::String(merged);
                            let version = self.write(mutation.id, record, field, merged.clone());
                            Outcome::Merged { version, value: merged }
                        }
                        TextMerge::Conflict { proposed } => {
                            Outcome::Conflict { theirs, theirs_version, proposed: Some(Value::String(proposed)) }
                        }
                    },
                    _ => Outcome::Conflict { theirs, theirs_version, proposed: None },
                }
            }
        }
    }

    /// What changed after `since` among the records this person may see.
    pub fn pull(&self, actor: &Actor, request: &PullRequest) -> Result<PullResponse, ProtocolError> {
        check_protocol(request.protocol)?;
        let visible = |record: &RecordKey| self.records.get(record).is_some_and(|r| actor.may_see(r.owner));
        let changes = self
            .fields
            .iter()
            .filter(|((record, _), f)| f.version > request.since && visible(record))
            .filter(|((record, _), _)| self.records.get(record).is_some_and(|r| r.deleted_at.is_none()))
            .map(|((record, field), f)| FieldChange {
                record: *record,
                field: field.clone(),
                value: f.value.clone(),
                version: f.version,
            })
            .collect();
        let deleted = self
            .records
            .iter()
            .filter_map(|(record, r)| r.deleted_at.filter(|v| *v > request.since && visible(record)).map(|v| (*record, v)))
            .collect();
        Ok(PullResponse { changes, deleted, head: self.version })
    }

    /// A field's current value, if the record exists and is not deleted.
    pub fn value(&self, record: RecordKey, field: &str) -> Option<&Value> {
        match self.records.get(&record) {
            Some(r) if r.deleted_at.is_none() => self.fields.get(&(record, field.to_string())).map(|f| &f.value),
            _ => None,
        }
    }

    /// Every live field, for comparing replicas: `(record, field) -> value`.
    pub fn snapshot_for(&self, actor: &Actor) -> BTreeMap<(RecordKey, String), Value> {
        self.fields
            .iter()
            .filter(|((record, _), _)| {
                self.records.get(record).is_some_and(|r| r.deleted_at.is_none() && actor.may_see(r.owner))
            })
            .map(|(key, f)| (key.clone(), f.value.clone()))
            .collect()
    }

    /// Every write ever made, in version order.
    pub fn writes(&self) -> &[Write] {
        &self.writes
    }
}

fn check_protocol(version: u32) -> Result<(), ProtocolError> {
    if version == PROTOCOL_VERSION {
        Ok(())
    } else {
        Err(ProtocolError::UnsupportedVersion { supported: PROTOCOL_VERSION })
    }
}
