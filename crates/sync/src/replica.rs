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

/// Where a laptop stands with the server's history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Joined {
    /// The history this laptop's copy comes from (`None` before the first pull).
    pub timeline: Option<Timeline>,
    pub rejoin: Rejoin,
}

/// Whether a laptop is catching up with a server that lost part of its history.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "state", rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Rejoin {
    #[default]
    No,
    /// The server said it has no trace of this identity's mutations from `seq` on: the next
    /// pull tells whether it started a new history (and from where).
    ServerLost { client: ClientId, seq: u64 },
    /// The server answered a pull with a version behind what this laptop already received: it
    /// lost part of its history without saying so. The next push (sent even with nothing
    /// pending) tells which of this laptop's mutations it lost.
    ServerBehind,
    /// Everything is being received again from the start.
    Receiving,
}

/// Which of this laptop's acknowledged mutations a server restored from a backup lost.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lost {
    /// Those of this identity from this number on (the server says it has no trace of them).
    From(ClientId, u64),
    /// Those the server had written after this version (where its new history starts).
    After(u64),
}

impl Lost {
    /// Whether `mutation`, whose outcome was `outcome`, is among the lost.
    pub fn includes(self, mutation: &Mutation, outcome: &Outcome) -> bool {
        let version = match outcome {
            Outcome::Applied { version } | Outcome::Merged { version, .. } => *version,
            Outcome::Conflict { .. } | Outcome::Rejected { .. } => return false,
        };
        match self {
            Lost::From(client, seq) => mutation.id.client == client && mutation.id.seq >= seq,
            Lost::After(from) => version > from,
        }
    }
}

impl Lost {
    /// The mutation to send again: a merged one carries the merged text, which is what the
    /// person saw afterwards and what the server held.
    pub fn again(mutation: Mutation, outcome: &Outcome) -> Mutation {
        match (outcome, mutation.change) {
            (Outcome::Merged { value, .. }, Change::Set { field, base, .. }) => {
                Mutation { change: Change::Set { field, value: value.clone(), base }, ..mutation }
            }
            (_, change) => Mutation { change, ..mutation },
        }
    }
}

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
    fn materialise(&mut self, record: RecordKey, fields: Option<&Fields>) -> Result<(), Self::Error>;
    /// [`ReplicaState::materialise`] of a record held here, which held `current` (a store may
    /// write only what changed).
    fn rematerialise(&mut self, record: RecordKey, current: &Fields, fields: &Fields) -> Result<(), Self::Error> {
        let _ = current;
        self.materialise(record, Some(fields))
    }

    /// The last value and version the server confirmed for each field of the record.
    fn shadow(&mut self, record: RecordKey) -> Result<BTreeMap<String, (Value, u64)>, Self::Error>;
    fn set_shadow(&mut self, record: RecordKey, field: &str, value: &Value, version: u64) -> Result<(), Self::Error>;
    /// [`ReplicaState::set_shadow`] for several fields of one record at once (a pull brings
    /// them together), each field once.
    fn set_shadows(&mut self, record: RecordKey, fields: &[(&str, &Value, u64)]) -> Result<(), Self::Error> {
        for (field, value, version) in fields {
            self.set_shadow(record, field, value, *version)?;
        }
        Ok(())
    }
    fn clear_shadow(&mut self, record: RecordKey) -> Result<(), Self::Error>;
    /// Settling `record` is done: it holds `fields` now (`None`: it is not shown here). A store
    /// that keeps a server value the record also holds only once learns here which those are.
    fn settled(&mut self, record: RecordKey, fields: Option<&Fields>) -> Result<(), Self::Error> {
        let _ = (record, fields);
        Ok(())
    }

    /// Whether the record was deleted (here or on the server): it is never shown again.
    fn is_deleted(&mut self, record: RecordKey) -> Result<bool, Self::Error> {
        Ok(self.deleted_at(record)?.is_some())
    }
    /// The server version at which the record was deleted or left this laptop (0 when it was
    /// deleted here and the server has not said yet), or `None`.
    fn deleted_at(&mut self, record: RecordKey) -> Result<Option<u64>, Self::Error>;
    fn set_deleted(&mut self, record: RecordKey, at: Option<u64>) -> Result<(), Self::Error>;

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
    /// Remembers what became of one of this laptop's mutations, and the mutation itself: a
    /// server restored from a backup may have lost it, and it is then sent again.
    fn record_outcome(&mut self, mutation: &Mutation, outcome: &Outcome) -> Result<(), Self::Error>;
    /// Takes out of this laptop's history, to send them again, the mutations the server applied
    /// (or merged) and then lost, oldest first; see [`Lost::again`].
    fn take_lost(&mut self, lost: Lost) -> Result<Vec<Mutation>, Self::Error>;
    /// Puts `again` (mutations the server lost) before the outbox and numbers the whole outbox
    /// from `seq` on, under `client`.
    fn renumber_outbox(&mut self, client: ClientId, seq: u64, again: Vec<Mutation>) -> Result<(), Self::Error>;
    /// The highest number the server acknowledged under this laptop's current identity (0: none).
    fn acknowledged(&mut self) -> Result<u64, Self::Error>;
    /// This laptop's identity.
    fn client(&mut self) -> Result<ClientId, Self::Error>;
    /// Makes a new identity for this laptop (its old one is used by another laptop too).
    fn new_client(&mut self) -> Result<ClientId, Self::Error>;

    /// The records held whose parent (see [`crate::fields::parent_field`]) is `record`.
    fn children(&mut self, record: RecordKey) -> Result<Vec<RecordKey>, Self::Error>;
    /// Every field of every record held is to be received again: versions forgotten (set to 0),
    /// and the records' deletions the server made after version `from` forgotten too (its new
    /// history does not have them).
    fn forget_versions(&mut self, from: u64) -> Result<(), Self::Error>;
    /// Forgets the server values whose version is still forgotten after a whole pull (the server
    /// no longer has them, or no longer shows them to this person), and returns their records.
    fn drop_unconfirmed(&mut self) -> Result<Vec<RecordKey>, Self::Error>;
    /// Where this laptop stands with the server's history.
    fn joined(&mut self) -> Result<Joined, Self::Error>;
    fn set_joined(&mut self, joined: &Joined) -> Result<(), Self::Error>;

    fn cursor(&mut self) -> Result<u64, Self::Error>;
    fn set_cursor(&mut self, cursor: u64) -> Result<(), Self::Error>;
}

fn touches(mutation: &Mutation, record: RecordKey, field: &str) -> bool {
    mutation.record == record
        && match &mutation.change {
            Change::Set { field: f, .. } => f == field,
            Change::Create { fields, .. } => fields.contains_key(field),
            Change::Delete { .. } => true,
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
    settle_with(state, record, None)
}

/// [`settle`], given the record's shadow when the caller has just written it (a pull): read
/// again, it would say the same.
fn settle_with<S: ReplicaState>(
    state: &mut S,
    record: RecordKey,
    shadow: Option<BTreeMap<String, (Value, u64)>>,
) -> Result<(), S::Error> {
    if state.is_deleted(record)? {
        return state.settled(record, None);
    }
    let pending = state.pending_for(record)?;
    let mut shadow = match shadow {
        Some(shadow) => shadow,
        None => state.shadow(record)?,
    };
    let current = state.values(record)?;
    let mut fields = current.clone().unwrap_or_default();
    let mut names: BTreeSet<String> = fields.keys().chain(shadow.keys()).cloned().collect();
    for mutation in &pending {
        match &mutation.change {
            Change::Set { field, .. } => {
                names.insert(field.clone());
            }
            Change::Create { fields } => names.extend(fields.keys().cloned()),
            Change::Delete { .. } => {}
        }
    }
    for field in names {
        if pending.iter().any(|m| touches(m, record, &field)) {
            // The person's latest value, also when the record comes back after a refused
            // deletion (its local copy was removed with it).
            let latest = pending.iter().rev().find_map(|m| match &m.change {
                Change::Set { field: f, value, .. } if *f == field => Some(value.clone()),
                Change::Create { fields } => fields.get(&field).cloned(),
                _ => None,
            });
            if let Some(value) = latest {
                fields.insert(field, value);
            }
            continue;
        }
        match shadow.remove(&field) {
            Some((value, _)) => {
                fields.insert(field, value);
            }
            None => {
                fields.remove(&field);
            }
        }
    }
    let settled = if fields.is_empty() { None } else { Some(fields) };
    match (current, &settled) {
        (current, settled) if settled == &current => {}
        (Some(current), Some(settled)) => state.rematerialise(record, &current, settled)?,
        (_, settled) => state.materialise(record, settled.as_ref())?,
    }
    state.settled(record, settled.as_ref())
}

/// Takes in what the server said of pushed mutations. Answers to mutations already
/// acknowledged (a duplicated response) change nothing.
pub fn on_push<S: ReplicaState>(state: &mut S, response: &PushResponse) -> Result<(), S::Error> {
    let current = state.client()?;
    if response.client.is_some_and(|client| client != current) {
        return Ok(()); // An answer to this laptop's former identity: taken in already.
    }
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
            (Outcome::Applied { version }, Change::Delete { .. }) => {
                // What the server wrote after the deletion is the record made anew under its id
                // (a score sheet handed in again), learnt meanwhile: it stays.
                let anew: Vec<(String, (Value, u64))> =
                    state.shadow(record)?.into_iter().filter(|(_, (_, at))| at > version).collect();
                state.clear_shadow(record)?;
                for (field, (value, at)) in &anew {
                    state.set_shadow(record, field, value, *at)?;
                }
                state.set_deleted(record, if anew.is_empty() { Some(*version) } else { None })?;
            }
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
                match change {
                    // Not deleted: the record, and what belonged to it, are shown again.
                    Change::Delete { .. } => restore(state, record)?,
                    // Not created: what this laptop kept of it from a history the server lost
                    // goes with it.
                    Change::Create { .. } => {
                        if state.shadow(record)?.values().all(|(_, version)| *version == 0) {
                            state.clear_shadow(record)?;
                        }
                    }
                    Change::Set { .. } => {}
                }
                state.add_rejection(Rejection { mutation: mutation.clone(), refusal: *refusal })?;
            }
            _ => {}
        }
        state.record_outcome(&mutation, outcome)?;
        settle(state, record)?;
    }
    let joined = state.joined()?;
    if let Some(seq) = response.lost_from {
        // The server lost acknowledged mutations (restored from a backup): nothing more is sent
        // until the next pull tells from where its history starts again.
        if matches!(joined.rejoin, Rejoin::No | Rejoin::ServerBehind) {
            state.set_joined(&Joined { rejoin: Rejoin::ServerLost { client: current, seq }, ..joined })?;
        }
    } else if joined.rejoin == Rejoin::ServerBehind {
        // Behind, but it lost nothing of this laptop's: only what it receives is to be redone.
        state.set_joined(&Joined { rejoin: Rejoin::ServerLost { client: current, seq: u64::MAX }, ..joined })?;
    } else if response.identity_reused_at.is_some() {
        // Another laptop uses this laptop's identity (a copied data folder): what is pending
        // goes again under a new one.
        let client = state.new_client()?;
        state.renumber_outbox(client, 1, Vec::new())?;
    }
    Ok(())
}

/// The server lost part of its history (restored from a backup): this laptop's mutations it lost
/// are sent again, before the pending ones, under a new identity; and since versions known here
/// may name other writes there, everything after `from` is received again from the start.
fn rejoin<S: ReplicaState>(state: &mut S, lost: Lost, from: u64) -> Result<(), S::Error> {
    let mut again = state.take_lost(lost)?;
    for mutation in &mut again {
        if let Change::Delete { seen } = &mut mutation.change {
            // What the person had seen is known up to where both histories agree (nothing, when
            // that is unknown): a deletion sent again does not erase what others did since.
            let agreed = match lost {
                Lost::After(from) => from,
                Lost::From(..) => 0,
            };
            *seen = seen.map(|s| s.min(agreed));
            // Deleted here, waiting for the server again.
            state.set_deleted(mutation.record, Some(0))?;
        }
    }
    let client = state.new_client()?;
    state.renumber_outbox(client, 1, again)?;
    state.forget_versions(from)?;
    state.set_cursor(0)
}

/// Shows `record` again after its deletion was refused, with what belonged to it.
fn restore<S: ReplicaState>(state: &mut S, record: RecordKey) -> Result<(), S::Error> {
    // Only the mark of this laptop's own deletion goes: one the server made stays.
    if state.deleted_at(record)? == Some(0) {
        state.set_deleted(record, None)?;
    }
    settle(state, record)?;
    for child in state.children(record)? {
        restore(state, child)?;
    }
    Ok(())
}

/// The order in which records are written locally, so that a record's references exist first.
pub fn dependency_rank(kind: RecordKind) -> u8 {
    match kind {
        RecordKind::Institution => 0,
        RecordKind::Plan => 1,
        RecordKind::Area => 2,
        RecordKind::Commitment => 3,
        RecordKind::Milestone => 4,
        RecordKind::Report => 5,
        RecordKind::Round => 6,
        RecordKind::Workshop => 7,
        RecordKind::Participant => 8,
        RecordKind::Identity => 9,
        RecordKind::Contribution => 10,
        RecordKind::JurySession => 11,
        RecordKind::Juror => 12,
        RecordKind::JuryApplication => 13,
        RecordKind::ScoreSheet => 14,
    }
}

/// Takes in what changed on the server.
pub fn on_pull<S: ReplicaState>(state: &mut S, response: &PullResponse) -> Result<(), S::Error> {
    let joined = state.joined()?;
    let cursor = state.cursor()?;
    if let Some(new) = response.timeline {
        let current = response.since == Some(cursor);
        match (joined.timeline, joined.rejoin) {
            (Some(known), _) if known.id != new.id => {
                if !current {
                    return Ok(()); // An answer to an older request, from another history.
                }
                // The server was restored from a backup and started a new history: both agree up
                // to where it starts (when this laptop knew the history it continues; otherwise
                // nothing is known to agree). This answer, made for the old cursor, is not used.
                let agreed = if new.parent == Some(known.id) { new.from } else { 0 };
                rejoin(state, Lost::After(agreed), agreed)?;
                state.set_joined(&Joined { timeline: Some(new), rejoin: Rejoin::Receiving })?;
                return Ok(());
            }
            (Some(_), Rejoin::ServerLost { client, seq }) if current => {
                // Restored, but under the same history: this laptop's mutations it lost are known
                // by number; which versions and deletions are lost is not, so everything is
                // received again and the deletions known here are kept.
                rejoin(state, Lost::From(client, seq), u64::MAX)?;
                state.set_joined(&Joined { timeline: Some(new), rejoin: Rejoin::Receiving })?;
                return Ok(());
            }
            (None, rejoin) => state.set_joined(&Joined { timeline: Some(new), rejoin })?,
            _ => {}
        }
    }
    let rejoining = joined.rejoin == Rejoin::Receiving;
    if response.since == Some(cursor) && response.head < cursor {
        // The server is behind what it already sent: restored from a backup without saying so.
        if joined.rejoin == Rejoin::No {
            state.set_joined(&Joined { rejoin: Rejoin::ServerBehind, ..joined })?;
        }
        return Ok(());
    }
    if joined.rejoin == Rejoin::ServerBehind
        || response.since.is_some_and(|since| since > cursor)
        || (response.head < cursor && !rejoining)
    {
        // An answer to a request made before this laptop went back to an earlier cursor (to
        // receive everything again): taking it would skip what lies between. Or an answer
        // older than what this laptop already took in (answers cross on the way): it would bring
        // back what later ones said is gone.
        return Ok(());
    }
    // Grouped by record, in dependency order, so each record's shadow is read once.
    let mut by_record: BTreeMap<(u8, RecordKey), Vec<&FieldChange>> = BTreeMap::new();
    for change in &response.changes {
        by_record.entry((dependency_rank(change.record.kind), change.record)).or_default().push(change);
    }
    let conflicted = state.conflicted_fields()?;
    // Each record's shadow as written here, for settling it below without reading it again.
    let mut shadows = BTreeMap::new();
    for ((_, record), changes) in &by_record {
        let mut known = state.shadow(*record)?;
        let newest = changes.iter().map(|c| c.version).max().unwrap_or(0);
        if state.deleted_at(*record)?.is_some_and(|at| at > 0 && at < newest) {
            // A record that had left this laptop (given to another institution) is back: the
            // server sends newer values only for live records this person sees.
            state.set_deleted(*record, None)?;
        }
        // Each field once, at its newest version (a page may carry two changes of one field).
        let mut newer: BTreeMap<&str, &FieldChange> = BTreeMap::new();
        for change in changes {
            if known.get(&change.field).is_none_or(|(_, v)| *v < change.version) {
                known.insert(change.field.clone(), (change.value.clone(), change.version));
                newer.insert(&change.field, change);
            }
        }
        let written: Vec<(&str, &Value, u64)> =
            newer.values().map(|change| (change.field.as_str(), &change.value, change.version)).collect();
        state.set_shadows(*record, &written)?;
        for change in newer.into_values() {
            if conflicted.contains(&(*record, change.field.clone())) {
                state.refresh_conflicts(*record, &change.field, &change.value)?;
            }
        }
        shadows.insert(*record, known);
    }
    if !response.deleted.is_empty() || !response.hidden.is_empty() {
        // Removing a record may forget what was known of others (a participant's identity goes
        // with them): each is read again to be settled.
        shadows.clear();
    }
    // Children before parents, so that removing a record never leaves one pointing to it.
    let mut deleted = response.deleted.clone();
    deleted.sort_by_key(|(record, _)| std::cmp::Reverse(dependency_rank(record.kind)));
    for (record, at) in deleted {
        state.clear_shadow(record)?;
        state.materialise(record, None)?;
        state.set_deleted(record, Some(at))?;
        state.drop_conflicts(record)?;
    }
    // Records the person no longer sees (given to another institution) leave this laptop.
    let mut hidden = response.hidden.clone();
    hidden.sort_by_key(|(record, _)| std::cmp::Reverse(dependency_rank(record.kind)));
    for (record, at) in hidden {
        state.clear_shadow(record)?;
        state.materialise(record, None)?;
        // Marked gone, so that a late answer about it (its creation acknowledged) does not bring
        // it back; it returns when the server sends newer values of it.
        state.set_deleted(record, Some(at))?;
        state.drop_conflicts(record)?;
    }
    for (_, record) in by_record.keys() {
        let shadow = shadows.remove(record);
        settle_with(state, *record, shadow)?;
    }
    if rejoining && !response.more {
        // Received again whole: what was not received is no longer on the server.
        let mut unconfirmed = state.drop_unconfirmed()?;
        unconfirmed.sort_by_key(|record| std::cmp::Reverse(dependency_rank(record.kind)));
        for record in unconfirmed {
            settle(state, record)?;
            if state.values(record)?.is_none() {
                state.drop_conflicts(record)?;
            }
        }
        let timeline = response.timeline.or(joined.timeline);
        state.set_joined(&Joined { timeline, rejoin: Rejoin::No })?;
    }
    state.set_cursor(cursor.max(response.head))
}

/// A laptop's whole sync state in memory, for the simulation and tests.
#[derive(Debug, Clone)]
pub struct Replica {
    pub client: ClientId,
    next_seq: u64,
    values: BTreeMap<(RecordKey, String), Value>,
    shadow: BTreeMap<(RecordKey, String), (Value, u64)>,
    deleted: BTreeMap<RecordKey, u64>,
    outbox: VecDeque<Mutation>,
    conflicts: Vec<Conflict>,
    rejections: Vec<Rejection>,
    outcomes: BTreeMap<MutationId, (Mutation, Outcome)>,
    cursor: u64,
    joined: Joined,
    /// How many identities this laptop has had, to make the next one.
    identities: u64,
    /// Every mutation id this laptop gave, and those it gave again under a new number (for the
    /// simulation's accounting).
    issued: Vec<MutationId>,
    renumbered: BTreeSet<MutationId>,
    /// Where new identities come from (the app draws them at random).
    identity_seed: u64,
    /// Conflicts dropped because their record was deleted or left the laptop.
    dropped_conflicts: usize,
    /// Mutations a restored server lost, taken out of the history to be sent again.
    resent: Vec<(Mutation, Outcome)>,
    /// The numbers under which they were sent again.
    resends: BTreeSet<MutationId>,
}

impl ReplicaState for Replica {
    type Error = std::convert::Infallible;

    fn values(&mut self, record: RecordKey) -> Result<Option<Fields>, Self::Error> {
        let fields: Fields =
            self.values.iter().filter(|((r, _), _)| *r == record).map(|((_, f), v)| (f.clone(), v.clone())).collect();
        Ok(if fields.is_empty() { None } else { Some(fields) })
    }

    fn materialise(&mut self, record: RecordKey, fields: Option<&Fields>) -> Result<(), Self::Error> {
        self.values.retain(|(r, _), _| *r != record);
        for (field, value) in fields.into_iter().flatten() {
            self.values.insert((record, field.clone()), value.clone());
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

    fn deleted_at(&mut self, record: RecordKey) -> Result<Option<u64>, Self::Error> {
        Ok(self.deleted.get(&record).copied())
    }

    fn set_deleted(&mut self, record: RecordKey, at: Option<u64>) -> Result<(), Self::Error> {
        match at {
            Some(at) => self.deleted.insert(record, at),
            None => self.deleted.remove(&record),
        };
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
        let before = self.conflicts.len();
        self.conflicts.retain(|c| c.record != record);
        self.dropped_conflicts += before - self.conflicts.len();
        Ok(())
    }

    fn add_rejection(&mut self, rejection: Rejection) -> Result<(), Self::Error> {
        self.rejections.push(rejection);
        Ok(())
    }

    fn record_outcome(&mut self, mutation: &Mutation, outcome: &Outcome) -> Result<(), Self::Error> {
        self.outcomes.insert(mutation.id, (mutation.clone(), outcome.clone()));
        Ok(())
    }

    fn take_lost(&mut self, lost: Lost) -> Result<Vec<Mutation>, Self::Error> {
        let ids: Vec<MutationId> = self
            .outcomes
            .iter()
            .filter(|(_, (mutation, outcome))| lost.includes(mutation, outcome))
            .map(|(id, _)| *id)
            .collect();
        let mut taken: Vec<(u64, Mutation)> = Vec::new();
        for id in ids {
            if let Some((mutation, outcome)) = self.outcomes.remove(&id) {
                self.resent.push((mutation.clone(), outcome.clone()));
                let order = match outcome {
                    Outcome::Applied { version } | Outcome::Merged { version, .. } => version,
                    _ => 0,
                };
                taken.push((order, Lost::again(mutation, &outcome)));
            }
        }
        // In the order the server wrote them.
        taken.sort_by_key(|(version, _)| *version);
        Ok(taken.into_iter().map(|(_, m)| m).collect())
    }

    fn renumber_outbox(&mut self, client: ClientId, seq: u64, again: Vec<Mutation>) -> Result<(), Self::Error> {
        self.client = client;
        let resent = again.len();
        let pending: Vec<Mutation> = again.into_iter().chain(self.outbox.drain(..)).collect();
        self.renumbered.extend(pending.iter().map(|m| m.id));
        self.next_seq = seq;
        for (i, mutation) in pending.into_iter().enumerate() {
            let was_resend = i < resent || self.resends.contains(&mutation.id);
            let id = self.enqueue(mutation.record, mutation.change);
            if was_resend {
                self.resends.insert(id);
            }
        }
        Ok(())
    }

    fn acknowledged(&mut self) -> Result<u64, Self::Error> {
        Ok(self.acknowledged_seq())
    }

    fn client(&mut self) -> Result<ClientId, Self::Error> {
        Ok(self.client)
    }

    fn new_client(&mut self) -> Result<ClientId, Self::Error> {
        self.identities += 1;
        Ok(ClientId(Uuid::from_u64_pair(self.identity_seed, self.identities)))
    }

    fn children(&mut self, record: RecordKey) -> Result<Vec<RecordKey>, Self::Error> {
        let id = Value::String(record.id.to_string());
        Ok(self
            .shadow
            .iter()
            .filter(|((child, field), (value, _))| {
                *value == id && crate::fields::parent_field(child.kind) == Some((field.as_str(), record.kind))
            })
            .map(|((child, _), _)| *child)
            .collect())
    }

    fn forget_versions(&mut self, from: u64) -> Result<(), Self::Error> {
        for (_, version) in self.shadow.values_mut() {
            *version = 0;
        }
        let lost: Vec<RecordKey> = self.deleted.iter().filter(|(_, at)| **at > from).map(|(r, _)| *r).collect();
        for record in lost {
            self.deleted.remove(&record);
        }
        Ok(())
    }

    fn drop_unconfirmed(&mut self) -> Result<Vec<RecordKey>, Self::Error> {
        let records: BTreeSet<RecordKey> =
            self.shadow.iter().filter(|(_, (_, version))| *version == 0).map(|((record, _), _)| *record).collect();
        self.shadow.retain(|_, (_, version)| *version > 0);
        Ok(records.into_iter().collect())
    }

    fn joined(&mut self) -> Result<Joined, Self::Error> {
        Ok(self.joined)
    }

    fn set_joined(&mut self, joined: &Joined) -> Result<(), Self::Error> {
        self.joined = *joined;
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
            deleted: BTreeMap::new(),
            outbox: VecDeque::new(),
            conflicts: Vec::new(),
            rejections: Vec::new(),
            outcomes: BTreeMap::new(),
            cursor: 0,
            joined: Joined::default(),
            identities: 0,
            issued: Vec::new(),
            renumbered: BTreeSet::new(),
            identity_seed: client.0.as_u64_pair().0,
            dropped_conflicts: 0,
            resent: Vec::new(),
            resends: BTreeSet::new(),
        }
    }

    fn enqueue(&mut self, record: RecordKey, change: Change) -> MutationId {
        let id = MutationId { client: self.client, seq: self.next_seq };
        self.next_seq += 1;
        self.issued.push(id);
        self.outbox.push_back(Mutation { id, record, change });
        id
    }

    /// Creates a record locally.
    pub fn create(&mut self, record: RecordKey, fields: BTreeMap<String, Value>) -> MutationId {
        for (field, value) in &fields {
            self.values.insert((record, field.clone()), value.clone());
        }
        self.enqueue(record, Change::Create { fields })
    }

    /// Sets a field locally; the mutation remembers what the person saw before (the merge base).
    pub fn edit(&mut self, record: RecordKey, field: &str, value: Value) -> MutationId {
        let key = (record, field.to_string());
        let base = self.values.get(&key).cloned().unwrap_or(Value::Null);
        self.values.insert(key, value.clone());
        self.enqueue(record, Change::Set { field: field.to_string(), value, base })
    }

    /// Deletes a record locally, with what belongs to it, as the app does; the server is told
    /// up to which version the person had seen its changes.
    pub fn delete(&mut self, record: RecordKey) -> MutationId {
        let mut doomed = vec![record];
        while let Some(next) = doomed.pop() {
            self.values.retain(|(r, _), _| *r != next);
            doomed.extend(infallible(ReplicaState::children(self, next)));
        }
        self.deleted.insert(record, 0);
        self.enqueue(record, Change::Delete { seen: Some(self.cursor) })
    }

    /// Resolves a conflict with the value the person chose (theirs, mine, the proposal or an
    /// edit of it): a new edit on top of the value now in the field.
    pub fn resolve(&mut self, index: usize, chosen: Value) -> Option<MutationId> {
        let record = self.conflicts.get(index)?.record;
        // A record deleted here (or gone with its parent) cannot be resolved until the deletion
        // is acknowledged (the conflict then goes) or refused (the record comes back).
        if self.deleted.contains_key(&record) || !self.values.keys().any(|(r, _)| *r == record) {
            return None;
        }
        let conflict = self.conflicts.remove(index);
        Some(self.edit(conflict.record, &conflict.field, chosen))
    }

    /// The highest number the server acknowledged under the current identity: the one before
    /// the oldest pending mutation, or the last given when none is pending.
    fn acknowledged_seq(&self) -> u64 {
        self.outbox.front().map_or(self.next_seq - 1, |m| m.id.seq - 1)
    }

    /// Everything not yet acknowledged, oldest first.
    pub fn push_request(&self) -> PushRequest {
        PushRequest {
            protocol: PROTOCOL_VERSION,
            client: self.client,
            mutations: self.outbox.iter().cloned().collect(),
            acknowledged: self.acknowledged_seq(),
            relay: false,
        }
    }

    pub fn pull_request(&self) -> PullRequest {
        PullRequest { protocol: PROTOCOL_VERSION, since: self.cursor, limit: None, count: false }
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

    /// The records held, in order.
    pub fn records(&self) -> Vec<RecordKey> {
        let mut records: Vec<RecordKey> = self.values.keys().map(|(record, _)| *record).collect();
        records.dedup();
        records
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

    /// What became of each of this laptop's mutations (under each of its identities).
    pub fn outcomes(&self) -> &BTreeMap<MutationId, (Mutation, Outcome)> {
        &self.outcomes
    }

    pub fn cursor(&self) -> u64 {
        self.cursor
    }

    /// Draws this laptop's next identities from `seed` (a copied data folder must not draw the
    /// same ones as its original).
    pub fn reseed_identities(&mut self, seed: u64) {
        self.identity_seed = seed;
    }

    /// The mutations a restored server lost, sent again, with what the server had said of them.
    pub fn resent(&self) -> &[(Mutation, Outcome)] {
        &self.resent
    }

    /// Whether this pending mutation is one a restored server lost, sent again (an older edit,
    /// which the laptop may no longer show).
    pub fn is_resend(&self, id: MutationId) -> bool {
        self.resends.contains(&id)
    }

    /// How many conflicts were dropped with their record (deleted, or no longer visible).
    pub fn dropped_conflicts(&self) -> usize {
        self.dropped_conflicts
    }

    /// Every mutation id this laptop gave, oldest first.
    pub fn issued(&self) -> &[MutationId] {
        &self.issued
    }

    /// The mutations given again under a new number (another laptop used the identity, or the
    /// server lost them): their outcome is that of their new number.
    pub fn renumbered(&self) -> &BTreeSet<MutationId> {
        &self.renumbered
    }
}
