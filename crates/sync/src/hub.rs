//! The server side of sync: applies laptops' mutations in order, once each, field by field, and
//! answers pulls with what each person may see. The state lives in a [`Ledger`].
//!
//! Rules (see `architecture.md`, "Sync: the guarantees"):
//! - a laptop's mutations are applied in sequence order; a replayed one gets its stored outcome;
//!   one arriving after a gap is left for the laptop to send again;
//! - versions come from one server counter, never from laptop clocks;
//! - a `Set` whose base is still the field's value is applied; otherwise a long text is merged by
//!   paragraph, and a short field (or the same paragraph) becomes a conflict, leaving the current
//!   value in place;
//! - every change is checked against the person's role and institution;
//! - each mutation's writes and its outcome are stored in one transaction.

use crate::access::Actor;
use crate::ledger::Ledger;
use crate::merge::{merge_text, TextMerge};
use crate::protocol::*;
use crate::rules;

/// A push or pull that could not be processed.
#[derive(Debug)]
pub enum HubError<E> {
    /// The request is not understood (e.g. another protocol version); nothing was written.
    Protocol(ProtocolError),
    /// The ledger failed; the mutation being applied was rolled back.
    Ledger(E),
}

impl<E> From<ProtocolError> for HubError<E> {
    fn from(error: ProtocolError) -> Self {
        HubError::Protocol(error)
    }
}

fn check_protocol(version: u32) -> Result<(), ProtocolError> {
    if version == PROTOCOL_VERSION {
        Ok(())
    } else {
        Err(ProtocolError::UnsupportedVersion { supported: PROTOCOL_VERSION })
    }
}

/// Applies a laptop's mutations in order and says what became of each.
pub fn push<L: Ledger>(
    ledger: &mut L,
    actor: &Actor,
    request: &PushRequest,
) -> Result<PushResponse, HubError<L::Error>> {
    check_protocol(request.protocol)?;
    let mut results = Vec::new();
    for mutation in &request.mutations {
        if mutation.id.client != request.client {
            continue; // A laptop speaks only for itself.
        }
        let seq = mutation.id.seq;
        let step = ledger.atomically(|ledger| {
            let last = ledger.last_seq(request.client)?;
            if seq <= last {
                return Ok(Step::Replay(ledger.outcome(mutation.id)?));
            }
            if seq != last + 1 {
                return Ok(Step::Gap);
            }
            let outcome = apply(ledger, actor, mutation)?;
            ledger.finish(mutation.id, &outcome)?;
            Ok(Step::Done(outcome))
        });
        match step.map_err(HubError::Ledger)? {
            Step::Replay(Some(outcome)) | Step::Done(outcome) => results.push(MutationResult { seq, outcome }),
            Step::Replay(None) => {}
            Step::Gap => break, // An earlier mutation is missing: the laptop sends from there again.
        }
    }
    let next_expected = ledger.last_seq(request.client).map_err(HubError::Ledger)? + 1;
    Ok(PushResponse { results, next_expected })
}

enum Step {
    Replay(Option<Outcome>),
    Gap,
    Done(Outcome),
}

fn apply<L: Ledger>(ledger: &mut L, actor: &Actor, mutation: &Mutation) -> Result<Outcome, L::Error> {
    let rejected = |refusal| Ok(Outcome::Rejected { refusal });
    let record = mutation.record;
    match &mutation.change {
        Change::Create { owner, fields } => {
            if !actor.may_write(record.kind, *owner) {
                return rejected(Refusal::Forbidden);
            }
            if ledger.record(record)?.is_some() {
                return rejected(Refusal::AlreadyExists);
            }
            let own = |name: &str| fields.get(name).cloned().unwrap_or(Value::Null);
            for (field, value) in fields {
                if let Err(refusal) = rules::check(record.kind, field, value, &own) {
                    return rejected(refusal);
                }
            }
            ledger.create_record(record, *owner)?;
            let mut version = None;
            for (field, value) in fields {
                version = Some(ledger.write(mutation.id, record, field, value)?);
            }
            let version = match version {
                Some(v) => v,
                None => ledger.bump()?,
            };
            Ok(Outcome::Applied { version })
        }
        Change::Delete => {
            let Some(info) = ledger.record(record)? else { return rejected(Refusal::UnknownRecord) };
            if !actor.may_write(record.kind, info.owner) {
                return rejected(Refusal::Forbidden);
            }
            if info.deleted_at.is_some() {
                return rejected(Refusal::RecordDeleted);
            }
            Ok(Outcome::Applied { version: ledger.delete_record(record)? })
        }
        Change::Set { field, value, base } => {
            let Some(info) = ledger.record(record)? else { return rejected(Refusal::UnknownRecord) };
            if !actor.may_write(record.kind, info.owner) {
                return rejected(Refusal::Forbidden);
            }
            if info.deleted_at.is_some() {
                return rejected(Refusal::RecordDeleted);
            }
            let (theirs, theirs_version) = match ledger.field(record, field)? {
                Some(f) => (f.value, f.version),
                None => (Value::Null, 0),
            };
            // The record's other fields as stored, for the rules that span two fields.
            let mut stored = std::collections::BTreeMap::new();
            for name in ["startDate", "endDate", "dueDate", "periodStart", "periodEnd"] {
                if let Some(state) = ledger.field(record, name)? {
                    stored.insert(name, state.value);
                }
            }
            let other = |name: &str| stored.get(name).cloned().unwrap_or(Value::Null);
            if theirs == *base {
                // Nobody changed the field since this person saw it.
                if let Err(refusal) = rules::check(record.kind, field, value, &other) {
                    return rejected(refusal);
                }
                return Ok(Outcome::Applied { version: ledger.write(mutation.id, record, field, value)? });
            }
            if theirs == *value {
                // Someone else already made the very same change.
                return Ok(Outcome::Applied { version: theirs_version });
            }
            match (field_kind(record.kind, field), base.as_str(), value.as_str(), theirs.as_str()) {
                (FieldKind::Long, Some(b), Some(m), Some(t)) => match merge_text(b, m, t) {
                    TextMerge::Clean(merged) => {
                        let merged = Value::String(merged);
                        let version = ledger.write(mutation.id, record, field, &merged)?;
                        Ok(Outcome::Merged { version, value: merged })
                    }
                    TextMerge::Conflict { proposed } => {
                        Ok(Outcome::Conflict { theirs, theirs_version, proposed: Some(Value::String(proposed)) })
                    }
                },
                _ => Ok(Outcome::Conflict { theirs, theirs_version, proposed: None }),
            }
        }
    }
}

/// What changed after `since` among the records this person may see.
pub fn pull<L: Ledger>(
    ledger: &mut L,
    actor: &Actor,
    request: &PullRequest,
) -> Result<PullResponse, HubError<L::Error>> {
    check_protocol(request.protocol)?;
    let limit = request.limit.map_or(PULL_PAGE, |l| (l as usize).clamp(1, PULL_PAGE));
    ledger.changes_since(request.since, limit, actor).map_err(HubError::Ledger)
}
