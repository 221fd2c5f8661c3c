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
//! - every change is checked against the person's role and institution, and every value against
//!   the one parser of [`crate::fields`]: the server holds only what a laptop can read;
//! - a record refers only to records that exist; deleting one deletes what belongs to it, and is
//!   refused when someone else changed any of it after the person last saw it, or while a record
//!   that stays names any of it;
//! - records belong to their lead institution (a milestone to its commitment's owner);
//! - a mutation replayed under an already used number with other content is another laptop's
//!   (a copied data folder): it is not taken for the processed one;
//! - each mutation's writes and its outcome are stored in one transaction.

use uuid::Uuid;

use crate::access::{is_personal_data, Actor};
use crate::fields::{check_value, clears_only, is_fixed, is_permanent, parent_field, parse_id, references};
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

/// A mutation's fingerprint: what it changes, whatever its number.
pub fn digest(mutation: &Mutation) -> String {
    use sha2::{Digest, Sha256};
    let bytes = serde_json::to_vec(&(&mutation.record, &mutation.change)).unwrap_or_default();
    Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// Applies a laptop's mutations in order and says what became of each.
pub fn push<L: Ledger>(
    ledger: &mut L,
    actor: &Actor,
    request: &PushRequest,
) -> Result<PushResponse, HubError<L::Error>> {
    check_protocol(request.protocol)?;
    let client = Some(request.client);
    let last = ledger.last_seq(request.client).map_err(HubError::Ledger)?;
    if request.acknowledged > last && !request.relay {
        // Acknowledged mutations this server has no trace of: it was restored from a backup.
        ledger.history_lost().map_err(HubError::Ledger)?;
        return Ok(PushResponse {
            results: Vec::new(),
            next_expected: last + 1,
            identity_reused_at: None,
            lost_from: Some(last + 1),
            client,
        });
    }
    // A relay applies only what its author (the person who first pushed under that laptop's
    // identity) may do too; a laptop the server has never heard from is relayed nothing.
    let author = if request.relay { ledger.author(request.client).map_err(HubError::Ledger)? } else { None };
    if request.relay && author.is_none() {
        return Ok(PushResponse {
            results: Vec::new(),
            next_expected: last + 1,
            identity_reused_at: None,
            lost_from: None,
            client,
        });
    }
    let who = Who { actor, author: author.as_ref() };
    let mut results = Vec::new();
    let mut identity_reused_at = None;
    for mutation in &request.mutations {
        if mutation.id.client != request.client {
            continue; // A laptop speaks only for itself.
        }
        let seq = mutation.id.seq;
        let digest = digest(mutation);
        let step = ledger.atomically(|ledger| {
            let last = ledger.last_seq(request.client)?;
            if seq <= last {
                return Ok(match ledger.outcome(mutation.id)? {
                    Some((_, Some(stored))) if stored != digest => Step::Reused,
                    replayed => Step::Replay(replayed.map(|(outcome, _)| outcome)),
                });
            }
            if seq != last + 1 {
                return Ok(Step::Gap);
            }
            let outcome = apply(ledger, who, mutation)?;
            if request.relay && matches!(outcome, Outcome::Rejected { .. }) {
                // Refused to the person relaying it, perhaps not to its author: nothing was
                // written, and no outcome is kept under the author's identity.
                return Ok(Step::Gap);
            }
            ledger.finish(mutation.id, &outcome, &digest)?;
            Ok(Step::Done(outcome))
        });
        match step.map_err(HubError::Ledger)? {
            Step::Replay(Some(outcome)) | Step::Done(outcome) => results.push(MutationResult { seq, outcome }),
            Step::Replay(None) => {}
            Step::Gap => break, // An earlier mutation is missing: the laptop sends from there again.
            Step::Reused if request.relay => break, // The author's laptop will hear of it.
            Step::Reused => {
                // Another laptop's mutation under this number: this one must take a new identity.
                identity_reused_at = Some(seq);
                break;
            }
        }
    }
    let next_expected = ledger.last_seq(request.client).map_err(HubError::Ledger)? + 1;
    Ok(PushResponse { results, next_expected, identity_reused_at, lost_from: None, client })
}

enum Step {
    Replay(Option<Outcome>),
    Gap,
    Reused,
    Done(Outcome),
}

/// Whether `record` exists on the server and is not deleted.
fn is_live<L: Ledger>(ledger: &mut L, record: RecordKey) -> Result<bool, L::Error> {
    Ok(ledger.record(record)?.is_some_and(|info| info.deleted_at.is_none()))
}

/// Whether every record `value` refers to in `field` exists and is not deleted.
fn references_live<L: Ledger>(ledger: &mut L, kind: RecordKind, field: &str, value: &Value) -> Result<bool, L::Error> {
    for target in references(kind, field, value) {
        if !is_live(ledger, target)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Whether a score sheet's id is the one its juror and application make
/// ([`crate::fields::score_sheet_id`]).
fn is_sheet_id(id: Uuid, value_of: &dyn Fn(&str) -> Value) -> bool {
    let id_of = |field: &str| value_of(field).as_str().and_then(parse_id);
    matches!((id_of("jurorId"), id_of("applicationId")),
        (Some(juror), Some(application)) if crate::fields::score_sheet_id(juror, application) == id)
}

/// Whether the session a new juror joins has its [`plan_ouvert_domain::JURORS_MAX`] jurors.
fn jury_is_full<L: Ledger>(ledger: &mut L, value_of: &dyn Fn(&str) -> Value) -> Result<bool, L::Error> {
    let Some(session) = value_of("sessionId").as_str().and_then(parse_id) else { return Ok(false) };
    let jurors = ledger
        .referrers(RecordKey { kind: RecordKind::JurySession, id: session })?
        .into_iter()
        .filter(|(record, field)| record.kind == RecordKind::Juror && field == "sessionId")
        .count();
    Ok(jurors >= plan_ouvert_domain::JURORS_MAX)
}

/// Who owns a record of `kind` whose fields are `value_of`: a commitment its lead institution
/// (else `otherwise`, the creator's institution or its current owner); a milestone or a progress
/// report its commitment's owner; a workshop the institution that runs it, its participants (and
/// their identities) and contributions the workshop's owner; a jury session likewise, its jurors,
/// applications and score sheets the session's owner; the plan's shared structure nobody in
/// particular.
fn owner_from<L: Ledger>(
    ledger: &mut L,
    kind: RecordKind,
    value_of: &dyn Fn(&str) -> Value,
    otherwise: Uuid,
) -> Result<Uuid, L::Error> {
    let id = |field: &str| value_of(field).as_str().and_then(parse_id);
    Ok(match kind {
        RecordKind::Commitment => match id("leadInstitutionId") {
            Some(lead) => ledger.acting_for(lead)?,
            None => otherwise,
        },
        // What an institution runs is that institution's.
        RecordKind::Workshop | RecordKind::JurySession => match id("institutionId") {
            Some(institution) => ledger.acting_for(institution)?,
            None => otherwise,
        },
        // What belongs to a record (`parent_field`) is that record's owner's.
        RecordKind::Milestone
        | RecordKind::Report
        | RecordKind::Participant
        | RecordKind::Contribution
        | RecordKind::Identity
        | RecordKind::Juror
        | RecordKind::JuryApplication
        | RecordKind::ScoreSheet => match parent_field(kind).and_then(|(field, parent)| Some((id(field)?, parent))) {
            Some((parent, parent_kind)) => {
                ledger.record(RecordKey { kind: parent_kind, id: parent })?.map_or(otherwise, |info| info.owner)
            }
            None => otherwise,
        },
        RecordKind::Plan | RecordKind::Area | RecordKind::Institution | RecordKind::Round => Uuid::nil(),
    })
}

/// Gives `record` and what belongs to it (a commitment's milestones) to `owner`.
fn reown<L: Ledger>(ledger: &mut L, record: RecordKey, owner: Uuid) -> Result<(), L::Error> {
    if ledger.record(record)?.is_none_or(|info| info.owner == owner) {
        return Ok(());
    }
    ledger.set_owner(record, owner)?;
    for child in children(ledger, record)? {
        reown(ledger, child, owner)?;
    }
    Ok(())
}

/// The live records that belong to `record` (see [`parent_field`]).
fn children<L: Ledger>(ledger: &mut L, record: RecordKey) -> Result<Vec<RecordKey>, L::Error> {
    Ok(ledger
        .referrers(record)?
        .into_iter()
        .filter(|(child, field)| parent_field(child.kind).is_some_and(|(parent, _)| parent == field))
        .map(|(child, _)| child)
        .collect())
}

/// `record` and everything that belongs to it, deepest first.
fn subtree<L: Ledger>(ledger: &mut L, record: RecordKey) -> Result<Vec<RecordKey>, L::Error> {
    let mut all = Vec::new();
    for child in children(ledger, record)? {
        all.extend(subtree(ledger, child)?);
    }
    all.push(record);
    Ok(all)
}

/// Who makes a change: the person sending it and, for a relay, the person whose laptop wrote it
/// (when the server knows them): both must be allowed. A relayed progress report must be signed
/// by the person relaying it, so reports are left to their authors.
#[derive(Debug, Clone, Copy)]
struct Who<'a> {
    actor: &'a Actor,
    author: Option<&'a Actor>,
}

impl Who<'_> {
    fn may_write(&self, kind: RecordKind, owner: Uuid) -> bool {
        self.actor.may_write(kind, owner) && self.author.is_none_or(|author| author.may_write(kind, owner))
    }
}

fn apply<L: Ledger>(ledger: &mut L, who: Who<'_>, mutation: &Mutation) -> Result<Outcome, L::Error> {
    let rejected = |refusal| Ok(Outcome::Rejected { refusal });
    let record = mutation.record;
    match &mutation.change {
        Change::Create { fields } => {
            if let Some(info) = ledger.record(record)? {
                // Personal data is not confirmed, not even as already there, to someone who may
                // not write it: a creation replaying an identity's values would be answered
                // "applied" below.
                if is_personal_data(record.kind) && !who.may_write(record.kind, info.owner) {
                    return rejected(Refusal::Forbidden);
                }
                // The same creation sent again (its answer lost with a server restored from a
                // backup) is done already; another record under the same id is refused.
                if info.deleted_at.is_none() {
                    let mut same = true;
                    let mut version = 0;
                    for (field, value) in fields {
                        match ledger.field(record, field)? {
                            Some(state) if state.value == *value => version = version.max(state.version),
                            _ => same = false,
                        }
                    }
                    if same && version > 0 {
                        return Ok(Outcome::Applied { version });
                    }
                }
                // A score sheet withdrawn then handed in again can only come back under its id
                // (its juror's and application's): it is created anew, its old values erased.
                if !(record.kind == RecordKind::ScoreSheet && info.deleted_at.is_some()) {
                    return rejected(Refusal::AlreadyExists);
                }
            }
            if let Err(refusal) = rules::check_creation(record.kind, fields) {
                return rejected(refusal);
            }
            for (field, value) in fields {
                if !references_live(ledger, record.kind, field, value)? {
                    return rejected(Refusal::MissingReference);
                }
            }
            let value_of = |name: &str| fields.get(name).cloned().unwrap_or(Value::Null);
            if record.kind == RecordKind::ScoreSheet && !is_sheet_id(record.id, &value_of) {
                // A second sheet of one juror for one application, under another id.
                return rejected(Refusal::Invalid);
            }
            if record.kind == RecordKind::Juror && jury_is_full(ledger, &value_of)? {
                return rejected(Refusal::JuryFull);
            }
            let owner = owner_from(ledger, record.kind, &value_of, who.actor.institution)?;
            if !who.may_write(record.kind, owner) {
                return rejected(Refusal::Forbidden);
            }
            if record.kind == RecordKind::Report && !signed_by(ledger, who.actor, owner, &value_of)? {
                return rejected(Refusal::Forbidden);
            }
            for sha in crate::files::named_files(&value_of("files")) {
                if !ledger.file_complete(&sha)? {
                    return rejected(Refusal::FileMissing);
                }
            }
            ledger.create_record(record, owner)?;
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
        Change::Delete { seen } => {
            let Some(info) = ledger.record(record)? else { return rejected(Refusal::UnknownRecord) };
            if !who.may_write(record.kind, info.owner) {
                return rejected(Refusal::Forbidden);
            }
            if is_permanent(record.kind) {
                return rejected(Refusal::Recorded);
            }
            if let Some(version) = info.deleted_at {
                // Someone deleted it first: what this person wanted is done.
                return Ok(Outcome::Applied { version });
            }
            if !ledger
                .referrers(record)?
                .iter()
                .all(|(child, field)| parent_field(child.kind).is_some_and(|(parent, _)| parent == field))
            {
                return rejected(Refusal::InUse);
            }
            let doomed = subtree(ledger, record)?;
            let mut named_elsewhere = false;
            for member in &doomed {
                let referrers = ledger.referrers(*member)?;
                // What progress was reported on stays, with its reports.
                if is_permanent(member.kind) || referrers.iter().any(|(r, _)| is_permanent(r.kind)) {
                    return rejected(Refusal::HasReports);
                }
                // So does what a record kept still names (a milestone of the commitment deleted
                // that a workshop's contribution fed): it would name nothing.
                named_elsewhere |= referrers.iter().any(|(r, _)| !doomed.contains(r));
            }
            if named_elsewhere {
                return rejected(Refusal::InUse);
            }
            for member in &doomed {
                let owner = ledger.record(*member)?.map_or(Uuid::nil(), |i| i.owner);
                if !who.may_write(member.kind, owner) {
                    return rejected(Refusal::Forbidden);
                }
                // A participant's identity is erased at their request whatever changed meanwhile;
                // anything else (a jury's session with the sheets another laptop handed in since)
                // is not deleted over work its author did not see.
                if let Some(seen) = seen.filter(|_| member.kind != RecordKind::Identity) {
                    if ledger.changed_by_others_since(*member, seen, mutation.id.client)? {
                        return rejected(Refusal::ChangedMeanwhile);
                    }
                }
            }
            let mut version = 0;
            for member in doomed {
                version = ledger.delete_record(member)?;
                if is_personal_data(member.kind) {
                    // Erased, not only deleted: the server keeps no value of it.
                    ledger.erase(member)?;
                }
            }
            Ok(Outcome::Applied { version })
        }
        Change::Set { field, value, base } => {
            let Some(info) = ledger.record(record)? else { return rejected(Refusal::UnknownRecord) };
            if !who.may_write(record.kind, info.owner) {
                return rejected(Refusal::Forbidden);
            }
            if is_permanent(record.kind) {
                return rejected(Refusal::Recorded);
            }
            if is_fixed(record.kind, field)
                || (clears_only(record.kind, field) && *value != Value::String(String::new()))
            {
                return rejected(Refusal::Forbidden);
            }
            if info.deleted_at.is_some() {
                return rejected(Refusal::RecordDeleted);
            }
            if !references_live(ledger, record.kind, field, value)? {
                return rejected(Refusal::MissingReference);
            }
            // The value the person saw was one the server held: anything else (a text longer than
            // the app accepts…) is a hand-made request, and would cost the merge for nothing.
            if !base.is_null() && check_value(record.kind, field, base).is_err() {
                return rejected(Refusal::Invalid);
            }
            let (theirs, theirs_version) = match ledger.field(record, field)? {
                Some(f) => (f.value, f.version),
                None => (Value::Null, 0),
            };
            // The record's other fields as stored, for the rules that span two fields.
            let mut stored = std::collections::BTreeMap::new();
            for name in rules::paired_fields(record.kind) {
                if let Some(state) = ledger.field(record, name)? {
                    stored.insert(name, state.value);
                }
            }
            let other = |name: &str| stored.get(name).cloned().unwrap_or(Value::Null);
            if let Err(refusal) = rules::check(record.kind, field, value, &other) {
                return rejected(refusal);
            }
            // Changing a commitment's lead institution, or a milestone's commitment, gives it to
            // another owner: the person must be allowed to write for that one too.
            let new_owner = owner_from(
                ledger,
                record.kind,
                &|name: &str| if name == field { value.clone() } else { Value::Null },
                info.owner,
            )?;
            let moves = matches!(
                (record.kind, field.as_str()),
                (RecordKind::Commitment, "leadInstitutionId") | (RecordKind::Milestone, "commitmentId")
            );
            if moves && !who.may_write(record.kind, new_owner) {
                return rejected(Refusal::Forbidden);
            }
            let outcome = if theirs == *base {
                // Nobody changed the field since this person saw it.
                Outcome::Applied { version: ledger.write(mutation.id, record, field, value)? }
            } else if theirs == *value {
                // Someone else already made the very same change.
                return Ok(Outcome::Applied { version: theirs_version });
            } else {
                match (field_kind(record.kind, field), base.as_str(), value.as_str(), theirs.as_str()) {
                    (FieldKind::Long, Some(b), Some(m), Some(t)) => match merge_text(b, m, t) {
                        TextMerge::Clean(merged)
                            if rules::check(record.kind, field, &Value::String(merged.clone()), &other).is_ok() =>
                        {
                            let merged = Value::String(merged);
                            let version = ledger.write(mutation.id, record, field, &merged)?;
                            Outcome::Merged { version, value: merged }
                        }
                        // Merged, both texts would be longer than the app accepts: a person chooses.
                        TextMerge::Clean(merged) => {
                            Outcome::Conflict { theirs, theirs_version, proposed: Some(Value::String(merged)) }
                        }
                        TextMerge::Conflict { proposed } => {
                            Outcome::Conflict { theirs, theirs_version, proposed: Some(Value::String(proposed)) }
                        }
                    },
                    _ => Outcome::Conflict { theirs, theirs_version, proposed: None },
                }
            };
            if moves && matches!(outcome, Outcome::Applied { .. }) {
                reown(ledger, record, new_owner)?;
            }
            Ok(outcome)
        }
    }
}

/// Whether a new progress report is signed by the person who sends it, in the name of the
/// institution that carries what it reports on (`owner`): their own id and name as the
/// directory has them, and "on behalf" exactly when the person is of another institution (a
/// coordinator: [`Actor::may_write`] already refused anyone else).
fn signed_by<L: Ledger>(
    ledger: &mut L,
    actor: &Actor,
    owner: Uuid,
    value_of: &dyn Fn(&str) -> Value,
) -> Result<bool, L::Error> {
    let author = value_of("authorId").as_str().and_then(parse_id);
    let name = ledger.person_name(actor.person)?;
    if author != Some(actor.person) || name.is_none_or(|name| value_of("authorName").as_str() != Some(name.as_str())) {
        return Ok(false);
    }
    let Some(institution) = value_of("institutionId").as_str().and_then(parse_id) else { return Ok(false) };
    let on_behalf = value_of("onBehalf").as_bool() == Some(true);
    Ok(ledger.acting_for(institution)? == owner && on_behalf == (owner != actor.institution))
}

/// Whether this person may download the file of this SHA-256: a live report they may see names
/// it.
pub fn may_read_file<L: Ledger>(ledger: &mut L, actor: &Actor, sha256: &str) -> Result<bool, L::Error> {
    for report in ledger.file_referrers(sha256)? {
        if ledger.record(report)?.is_some_and(|info| actor.may_see(report.kind, info.owner)) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether this person may upload files: anyone who may report (not a reader).
pub fn may_upload_files(actor: &Actor) -> bool {
    actor.role != crate::access::Role::Reader
}

/// What changed after `since` among the records this person may see.
pub fn pull<L: Ledger>(
    ledger: &mut L,
    actor: &Actor,
    request: &PullRequest,
) -> Result<PullResponse, HubError<L::Error>> {
    check_protocol(request.protocol)?;
    let limit = request.limit.map_or(PULL_PAGE, |l| (l as usize).clamp(1, PULL_PAGE));
    let mut response = ledger.changes_since(request.since, limit, actor).map_err(HubError::Ledger)?;
    if request.count {
        let remaining =
            if response.more { ledger.records_after(response.head, actor).map_err(HubError::Ledger)? } else { 0 };
        response.remaining = Some(remaining);
    }
    response.timeline = Some(ledger.timeline().map_err(HubError::Ledger)?);
    response.since = Some(request.since);
    Ok(response)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::access::Role;
    use crate::ledger::MemoryLedger;

    const MINISTRY: Uuid = Uuid::from_u128(1);
    const AUTHORITY: Uuid = Uuid::from_u128(2);

    fn actor(institution: Uuid, role: Role) -> Actor {
        Actor { institution, role, person: Uuid::from_u128(institution.as_u128() * 10 + role as u128) }
    }

    /// One mutation pushed from a laptop of its own: its outcome.
    fn push_one(ledger: &mut MemoryLedger, actor: &Actor, record: RecordKey, change: Change) -> Outcome {
        let client = ClientId(Uuid::now_v7());
        let mutation = Mutation { id: MutationId { client, seq: 1 }, record, change };
        let request = PushRequest {
            protocol: PROTOCOL_VERSION,
            client,
            mutations: vec![mutation],
            acknowledged: 0,
            relay: false,
        };
        push(ledger, actor, &request).expect("same protocol").results.remove(0).outcome
    }

    /// A creation from a laptop of its own: its outcome (refused or not).
    fn try_create(ledger: &mut MemoryLedger, actor: &Actor, record: RecordKey, fields: &Value) -> Outcome {
        let Value::Object(fields) = fields.clone() else { unreachable!("fields are an object") };
        push_one(ledger, actor, record, Change::Create { fields: fields.into_iter().collect() })
    }

    fn create(ledger: &mut MemoryLedger, actor: &Actor, kind: RecordKind, id: u128, fields: Value) -> RecordKey {
        let record = RecordKey { kind, id: Uuid::from_u128(id) };
        let outcome = try_create(ledger, actor, record, &fields);
        assert!(matches!(outcome, Outcome::Applied { .. }), "{kind:?}: {outcome:?}");
        record
    }

    /// The plan, both institutions, an area, a ministry commitment with a milestone, and a
    /// workshop of the ministry with one participant (and who they are).
    fn plan(ledger: &mut MemoryLedger) -> (RecordKey, RecordKey, RecordKey, RecordKey) {
        let coordinator = actor(MINISTRY, Role::Coordinator);
        let drafter = actor(MINISTRY, Role::Drafter);
        for (id, name) in [(MINISTRY, "Ministère"), (AUTHORITY, "Autorité")] {
            create(
                ledger,
                &coordinator,
                RecordKind::Institution,
                id.as_u128(),
                json!({"name": name, "kind": "ministry"}),
            );
        }
        let plan = create(
            ledger,
            &coordinator,
            RecordKind::Plan,
            10,
            json!({"country": "France", "title": "Plan", "periodStart": "2025-01-01", "periodEnd": "2026-12-31"}),
        );
        let p = plan.id.to_string();
        let area = create(
            ledger,
            &coordinator,
            RecordKind::Area,
            11,
            json!({"planId": p, "kind": "thematic", "title": "Axe", "position": 0}),
        );
        let commitment = create(
            ledger,
            &drafter,
            RecordKind::Commitment,
            12,
            json!({"planId": p, "areaId": area.id.to_string(), "position": 0, "title": "Engagement",
                   "leadInstitutionId": MINISTRY.to_string()}),
        );
        let milestone = create(
            ledger,
            &drafter,
            RecordKind::Milestone,
            13,
            json!({"commitmentId": commitment.id.to_string(), "position": 0, "title": "Jalon"}),
        );
        let workshop = create(
            ledger,
            &drafter,
            RecordKind::Workshop,
            14,
            json!({"planId": p, "institutionId": MINISTRY.to_string(), "title": "Atelier", "heldOn": "2025-03-12",
                   "keepUntil": "2026-03-11", "facilitator": "Claire Martin"}),
        );
        let participant = create(
            ledger,
            &drafter,
            RecordKind::Participant,
            15,
            json!({"workshopId": workshop.id.to_string(), "organisationKind": "citizen"}),
        );
        create(
            ledger,
            &drafter,
            RecordKind::Identity,
            15,
            json!({"participantId": participant.id.to_string(), "name": "Awa", "consentedOn": "2025-03-12",
                   "contactEmail": "awa@exemple.fr"}),
        );
        (commitment, milestone, workshop, participant)
    }

    #[test]
    fn what_a_record_kept_names_is_not_deleted_with_its_parent() {
        let mut ledger = MemoryLedger::new();
        let (commitment, milestone, workshop, _) = plan(&mut ledger);
        let coordinator = actor(MINISTRY, Role::Coordinator);
        let contribution = create(
            &mut ledger,
            &coordinator,
            RecordKind::Contribution,
            20,
            json!({"workshopId": workshop.id.to_string(), "kind": "proposal", "text": "Ouvrir le registre.",
                   "milestoneIds": [milestone.id.to_string()]}),
        );
        // The contribution fed the commitment's milestone: deleting the commitment would leave it
        // naming nothing.
        let seen = Some(ledger.current_head());
        let delete = Change::Delete { seen };
        let outcome = push_one(&mut ledger, &coordinator, commitment, delete.clone());
        assert_eq!(outcome, Outcome::Rejected { refusal: Refusal::InUse });
        assert!(ledger.info(milestone).is_some_and(|i| i.deleted_at.is_none()));
        // Once the contribution is gone, the commitment goes with its milestone.
        assert!(matches!(push_one(&mut ledger, &coordinator, contribution, delete), Outcome::Applied { .. }));
        let seen = Some(ledger.current_head());
        assert!(matches!(
            push_one(&mut ledger, &coordinator, commitment, Change::Delete { seen }),
            Outcome::Applied { .. }
        ));
        assert!(ledger.info(milestone).is_some_and(|i| i.deleted_at.is_some()));
    }

    #[test]
    fn an_identity_is_never_confirmed_to_someone_who_may_not_hold_it() {
        let mut ledger = MemoryLedger::new();
        let (_, _, _, participant) = plan(&mut ledger);
        let identity = RecordKey { kind: RecordKind::Identity, id: participant.id };
        // Exactly the values the server holds, as someone who guessed or learnt them would send.
        let fields: std::collections::BTreeMap<String, Value> = [
            ("participantId", json!(participant.id.to_string())),
            ("name", json!("Awa")),
            ("consentedOn", json!("2025-03-12")),
            ("contactEmail", json!("awa@exemple.fr")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        let replay = Change::Create { fields };
        for (who, institution, role) in [
            ("the coordination of another institution", AUTHORITY, Role::Coordinator),
            ("a drafter of another institution", AUTHORITY, Role::Drafter),
            ("a reader of the institution", MINISTRY, Role::Reader),
        ] {
            let outcome = push_one(&mut ledger, &actor(institution, role), identity, replay.clone());
            assert_eq!(outcome, Outcome::Rejected { refusal: Refusal::Forbidden }, "{who}");
        }
        // The institution's own creation sent again is done already.
        let outcome = push_one(&mut ledger, &actor(MINISTRY, Role::Drafter), identity, replay);
        assert!(matches!(outcome, Outcome::Applied { .. }), "{outcome:?}");
    }

    /// A verdict of five equal scores, as `JuryVerdict` writes it.
    fn scored(score: u8) -> Value {
        json!({"kind": "scored", "scores": {"generalInterest": score, "impactForAll": score, "projectQuality": score,
                                            "openness": score, "stateSupport": score}})
    }

    /// The fields of juror `juror`'s sheet for `application` in `session`.
    fn sheet_fields(session: RecordKey, juror: RecordKey, application: RecordKey, verdict: Value) -> Value {
        json!({"sessionId": session.id.to_string(), "jurorId": juror.id.to_string(),
               "applicationId": application.id.to_string(), "verdict": verdict})
    }

    /// A jury session the ministry runs on the plan of [`plan`], with a juror, an application and
    /// the juror's sheet for it, typed on the ministry drafter's laptop.
    struct Jury {
        session: RecordKey,
        juror: RecordKey,
        application: RecordKey,
        sheet: RecordKey,
    }

    fn jury(ledger: &mut MemoryLedger) -> Jury {
        plan(ledger);
        let drafter = actor(MINISTRY, Role::Drafter);
        let session = create(
            ledger,
            &drafter,
            RecordKind::JurySession,
            30,
            json!({"planId": Uuid::from_u128(10).to_string(), "institutionId": MINISTRY.to_string(),
                   "title": "Promotion 2025", "heldOn": "2025-06-12", "places": 3}),
        );
        let juror = create(
            ledger,
            &drafter,
            RecordKind::Juror,
            31,
            json!({"sessionId": session.id.to_string(), "name": "Inès Moreau"}),
        );
        let application = create(
            ledger,
            &drafter,
            RecordKind::JuryApplication,
            32,
            json!({"sessionId": session.id.to_string(), "title": "Budget participatif", "applicant": "Collectif",
                   "summary": "Un budget.", "contactEmail": "collectif@exemple.fr", "reference": "AIC-1"}),
        );
        let sheet_id = crate::fields::score_sheet_id(juror.id, application.id);
        let sheet = RecordKey { kind: RecordKind::ScoreSheet, id: sheet_id };
        let outcome = try_create(ledger, &drafter, sheet, &sheet_fields(session, juror, application, scored(4)));
        assert!(matches!(outcome, Outcome::Applied { .. }), "{outcome:?}");
        Jury { session, juror, application, sheet }
    }

    #[test]
    fn a_score_sheet_is_taken_only_under_the_id_its_juror_and_application_make() {
        let mut ledger = MemoryLedger::new();
        let Jury { session, juror, application, sheet } = jury(&mut ledger);
        let drafter = actor(MINISTRY, Role::Drafter);
        // A second sheet of the same juror for the same application, under an id of its own.
        let elsewhere = RecordKey { kind: RecordKind::ScoreSheet, id: Uuid::from_u128(33) };
        let outcome =
            try_create(&mut ledger, &drafter, elsewhere, &sheet_fields(session, juror, application, scored(1)));
        assert_eq!(outcome, Outcome::Rejected { refusal: Refusal::Invalid });
        assert!(ledger.info(elsewhere).is_none(), "nothing of it kept");
        // Typed on another laptop of the ministry: the same sheet, taken as it is or refused.
        let other = actor(MINISTRY, Role::Coordinator);
        let same = try_create(&mut ledger, &other, sheet, &sheet_fields(session, juror, application, scored(4)));
        assert!(matches!(same, Outcome::Applied { .. }), "{same:?}");
        let apart = try_create(&mut ledger, &other, sheet, &sheet_fields(session, juror, application, scored(2)));
        assert_eq!(apart, Outcome::Rejected { refusal: Refusal::AlreadyExists });
        assert_eq!(ledger.field(sheet, "verdict").unwrap().map(|f| f.value), Some(scored(4)));
    }

    #[test]
    fn the_sixteenth_juror_of_a_session_is_refused() {
        let mut ledger = MemoryLedger::new();
        let Jury { session, .. } = jury(&mut ledger);
        let drafter = actor(MINISTRY, Role::Drafter);
        let juror = |n: u128| RecordKey { kind: RecordKind::Juror, id: Uuid::from_u128(100 + n) };
        let named = |n: u128| json!({"sessionId": session.id.to_string(), "name": format!("Juré {n}")});
        // The session has one juror: fourteen more fill it.
        for n in 1..plan_ouvert_domain::JURORS_MAX as u128 {
            let outcome = try_create(&mut ledger, &drafter, juror(n), &named(n));
            assert!(matches!(outcome, Outcome::Applied { .. }), "juror {n}: {outcome:?}");
        }
        let sixteenth = try_create(&mut ledger, &drafter, juror(99), &named(99));
        assert_eq!(sixteenth, Outcome::Rejected { refusal: Refusal::JuryFull });
        assert!(ledger.info(juror(99)).is_none());
        // A juror who leaves frees their place.
        let seen = Some(ledger.current_head());
        assert!(matches!(push_one(&mut ledger, &drafter, juror(1), Change::Delete { seen }), Outcome::Applied { .. }));
        let outcome = try_create(&mut ledger, &drafter, juror(99), &named(99));
        assert!(matches!(outcome, Outcome::Applied { .. }), "{outcome:?}");
    }

    #[test]
    fn a_jury_is_never_confirmed_to_someone_who_may_not_hold_it() {
        let mut ledger = MemoryLedger::new();
        let Jury { session, juror, application, sheet } = jury(&mut ledger);
        for record in [session, juror, application, sheet] {
            // Exactly the values the server holds, as someone who guessed or learnt them would send.
            let held: serde_json::Map<String, Value> = crate::fields::fields(record.kind)
                .iter()
                .filter_map(|f| ledger.field(record, f.name).unwrap().map(|s| (f.name.to_string(), s.value)))
                .collect();
            let replay = Value::Object(held);
            for (who, institution, role) in [
                ("the coordination of another institution", AUTHORITY, Role::Coordinator),
                ("a drafter of another institution", AUTHORITY, Role::Drafter),
                ("a reader of the institution", MINISTRY, Role::Reader),
            ] {
                let outcome = try_create(&mut ledger, &actor(institution, role), record, &replay);
                assert_eq!(outcome, Outcome::Rejected { refusal: Refusal::Forbidden }, "{who}: {record:?}");
            }
            // The institution's own creation sent again is done already.
            let outcome = try_create(&mut ledger, &actor(MINISTRY, Role::Drafter), record, &replay);
            assert!(matches!(outcome, Outcome::Applied { .. }), "{record:?}: {outcome:?}");
        }
    }

    #[test]
    fn deleting_a_session_erases_everything_of_it_and_a_juror_goes_after_their_sheets() {
        let mut ledger = MemoryLedger::new();
        let Jury { session, juror, application, sheet } = jury(&mut ledger);
        let drafter = actor(MINISTRY, Role::Drafter);
        let delete = |ledger: &mut MemoryLedger, record| {
            let seen = Some(ledger.current_head());
            push_one(ledger, &drafter, record, Change::Delete { seen })
        };
        // A juror (or an application) named by a sheet stays while the sheet does.
        for named in [juror, application] {
            assert_eq!(delete(&mut ledger, named), Outcome::Rejected { refusal: Refusal::InUse }, "{named:?}");
        }
        assert!(matches!(delete(&mut ledger, session), Outcome::Applied { .. }));
        for record in [session, juror, application, sheet] {
            assert!(ledger.info(record).is_some_and(|i| i.deleted_at.is_some()), "{record:?} deleted");
            for field in crate::fields::fields(record.kind) {
                assert_eq!(ledger.field(record, field.name).unwrap(), None, "{record:?}.{} erased", field.name);
            }
            assert!(
                ledger.writes().iter().filter(|w| w.record == record).all(|w| w.value.is_null()),
                "{record:?}: no value left in the history of writes"
            );
        }
    }

    #[test]
    fn a_session_is_not_deleted_over_a_juror_added_meanwhile_on_another_laptop() {
        let mut ledger = MemoryLedger::new();
        let Jury { session, .. } = jury(&mut ledger);
        let drafter = actor(MINISTRY, Role::Drafter);
        // The deleting laptop saw the session as it was; another laptop adds a juror since.
        let seen = Some(ledger.current_head());
        let late = RecordKey { kind: RecordKind::Juror, id: Uuid::from_u128(77) };
        let named = json!({"sessionId": session.id.to_string(), "name": "Arrivée tardive"});
        assert!(matches!(try_create(&mut ledger, &drafter, late, &named), Outcome::Applied { .. }));
        let outcome = push_one(&mut ledger, &drafter, session, Change::Delete { seen });
        assert_eq!(outcome, Outcome::Rejected { refusal: Refusal::ChangedMeanwhile });
        assert!(ledger.info(late).is_some_and(|i| i.deleted_at.is_none()), "the juror added meanwhile stays");
        // Seen as it now is, it goes.
        let seen = Some(ledger.current_head());
        assert!(matches!(push_one(&mut ledger, &drafter, session, Change::Delete { seen }), Outcome::Applied { .. }));
    }

    #[test]
    fn a_sheet_withdrawn_may_be_handed_in_again() {
        let mut ledger = MemoryLedger::new();
        let Jury { session, juror, application, sheet } = jury(&mut ledger);
        let drafter = actor(MINISTRY, Role::Drafter);
        let seen = Some(ledger.current_head());
        assert!(matches!(push_one(&mut ledger, &drafter, sheet, Change::Delete { seen }), Outcome::Applied { .. }));
        // The juror scores the application again: the same sheet, under the only id it may have.
        let fields = sheet_fields(session, juror, application, scored(2));
        let outcome = try_create(&mut ledger, &drafter, sheet, &fields);
        assert!(matches!(outcome, Outcome::Applied { .. }), "{outcome:?}");
        assert!(ledger.info(sheet).is_some_and(|i| i.deleted_at.is_none()));
        assert_eq!(ledger.field(sheet, "verdict").unwrap().map(|f| f.value), Some(scored(2)));
        let pulled = pull(
            &mut ledger,
            &drafter,
            &PullRequest { protocol: PROTOCOL_VERSION, since: 0, limit: None, count: false },
        );
        let pulled = pulled.expect("same protocol");
        assert!(pulled.changes.iter().any(|c| c.record == sheet && c.value == scored(2)));
        assert!(pulled.deleted.iter().all(|(r, _)| *r != sheet), "no longer told deleted");
        // Still kept from the others, and still the one sheet of that juror for that application.
        let outcome = try_create(&mut ledger, &actor(AUTHORITY, Role::Coordinator), sheet, &fields);
        assert_eq!(outcome, Outcome::Rejected { refusal: Refusal::Forbidden });
        let again = try_create(&mut ledger, &drafter, sheet, &sheet_fields(session, juror, application, scored(5)));
        assert_eq!(again, Outcome::Rejected { refusal: Refusal::AlreadyExists });
    }
}
