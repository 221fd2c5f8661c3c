//! Deterministic simulation of sync: one server and several laptops in one process, a seeded
//! random schedule of what people and machines do, over a network that loses, duplicates and
//! reorders messages:
//!
//! - edits of short fields and of paragraphs of long texts, conflict resolutions;
//! - creations of commitments and milestones, deletions of records while others add to them or
//!   edit them, a commitment given to another lead institution (its milestones follow);
//! - progress reports by two institutions and the coordination (on their behalf), corrections,
//!   attempts to change or delete a report or what was reported on, and reports signed with
//!   another person's name or for another institution;
//! - co-construction workshops of both institutions (one run for the other institution by the
//!   coordination): participants and who they are (their identity, personal data), proposals,
//!   comments and priority votes, what became of each contribution traced concurrently from two
//!   laptops, a participant's data erased, contributions and workshops deleted, attempts to change
//!   the fields set once and to write another institution's workshop, participant or identity;
//! - citizen juries of both institutions (personal data, kept by the institution that runs each):
//!   sessions, jurors, applications, score sheets handed in, corrected, withdrawn and handed in
//!   again under the one id a juror's sheet for an application has, the same sheet typed on two
//!   laptops at once, jurors added apart on two laptops past the fifteenth, jurors and
//!   applications removed after their sheets, sessions deleted; attempts by other institutions
//!   (the coordination included) to create, change or delete a jury's records, sheets under
//!   another id and changes of the fields set once;
//! - a laptop's pending changes carried in an exchange file and relayed by another laptop (of the
//!   same institution when they hold identities), before, after or instead of the author's own
//!   pushes, lost, repeated and reordered like any message;
//! - hand-made requests: edits of another institution's records, and values the app would never
//!   send (empty titles, texts too long, numbers for texts, control characters);
//! - laptops that crash between committing locally and hearing back, a laptop restored from a
//!   backup of its disk, a data folder copied to a second laptop used in parallel;
//! - the server restored from a backup taken earlier.
//!
//! After the network heals and everyone syncs, the test checks that:
//!
//! - every laptop shows exactly what the server holds among the records its person may see, and
//!   nothing else, and every record it holds is one the app can read (each value accepted by the
//!   one parser of the fields, every reference to a record it holds);
//! - every edit made is accounted for: applied (its value was written), merged, in conflict
//!   (kept, visible, showing the value the server holds now) or refused with a reason;
//! - nothing is pending any more, and the server holds no value the app could not store;
//! - every report the server accepted is held whole as its author sent it, written once;
//! - no identity ever reaches a laptop whose person is not of the institution that ran the
//!   workshop (not in a pull, not in an answer, not in its state or shadow) — not even the
//!   coordination's; a change of a field set once, or of another institution's workshop,
//!   participant or identity, is refused with a reason, never applied;
//! - likewise no record of a citizen jury ever reaches a laptop of another institution; a
//!   session never holds more than fifteen jurors on the server, and a juror never more than
//!   one sheet per application, under the id they make;
//! - evidence files, sent in chunks that are lost, repeated, cut off by crashes or forged, are
//!   held whole (their bytes hash to their name) by the server and by every laptop holding a
//!   report that names them, and stored once however many reports name them.
//!
//! `PLAN_OUVERT_SIM_SEEDS=N` runs N seeds (5,000 by default, in every test run); `PLAN_OUVERT_SIM_SEED=S`
//! runs one.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use plan_ouvert_sync::access::{is_personal_data, Actor, Role};
use plan_ouvert_sync::fields::{clears_only, is_fixed, parent_field, references, score_sheet_id};
use plan_ouvert_sync::files::{self, named_files, FileStore, MemoryFiles, Received};
use plan_ouvert_sync::hub;
use plan_ouvert_sync::ledger::{Ledger, MemoryLedger, Write};
use plan_ouvert_sync::protocol::*;
use plan_ouvert_sync::replica::{Replica, ReplicaState};
use plan_ouvert_sync::rules;
use serde_json::json;
use uuid::Uuid;

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same schedule.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

#[derive(Clone)]
enum Message {
    PushRequest(usize, u32, PushRequest),
    PushResponse(usize, u32, PushResponse),
    PullRequest(usize, u32, PullRequest),
    PullResponse(usize, u32, PullResponse),
    /// A chunk of a file: (sha, size, offset, bytes).
    Upload(usize, u32, String, u64, u64, Vec<u8>),
    UploadAnswer(usize, u32, String, Received),
    /// A laptop asks for a file from its offset.
    Download(usize, u32, String, u64),
    /// (sha, size, offset, bytes); `None` when the person may not read it or it is not whole yet.
    DownloadAnswer(usize, u32, String, Option<(u64, u64, Vec<u8>)>),
    /// Another laptop's pending mutations, carried in an exchange file, relayed by the laptop
    /// `usize` under their author's identity.
    Relay(usize, PushRequest),
}

struct Laptop {
    replica: Replica,
    actor: Actor,
    /// Incremented at each crash: answers addressed to an earlier run are lost with it.
    run: u32,
    /// A copy of its disk taken earlier (and how many conflicts were resolved then), to be restored.
    backup: Option<(Replica, usize, MemoryFiles)>,
    /// The evidence files on its disk.
    files: MemoryFiles,
    /// Files the server said it holds whole, during this run (a crash or a server restored from a
    /// backup forgets it: the app checks again right before pushing).
    confirmed: std::collections::BTreeSet<String>,
    /// Where each upload stands, as the server last said.
    uploading: BTreeMap<String, u64>,
    /// Conflicts resolved since its disk was last restored.
    resolved: usize,
}

/// How often each kind of event happened, so a run that exercised nothing cannot pass.
#[derive(Default, Debug)]
struct Tally {
    relays: u64,
    relayed: u64,
    dropped: u64,
    duplicated: u64,
    crashes: u64,
    applied: u64,
    merged: u64,
    conflicts: u64,
    forbidden: u64,
    resolved: u64,
    invalid: u64,
    deletions: u64,
    deletions_refused: u64,
    missing_references: u64,
    lead_changes: u64,
    laptop_restores: u64,
    copies: u64,
    server_restores: u64,
    renumbered: u64,
    resent: u64,
    reports: u64,
    reports_applied: u64,
    corrections: u64,
    reports_kept: u64,
    reported_kept: u64,
    forged_signatures: u64,
    files_attached: u64,
    chunks_lost: u64,
    forged_chunks: u64,
    uploads_resumed: u64,
    downloads_completed: u64,
    files_missing: u64,
    rounds: u64,
    workshops: u64,
    participants: u64,
    contributions: u64,
    votes: u64,
    traces: u64,
    trace_conflicts: u64,
    trace_merges: u64,
    identities_erased: u64,
    workshops_deleted: u64,
    contributions_deleted: u64,
    in_use: u64,
    fixed_refused: u64,
    others_workshops_refused: u64,
    identities_refused: u64,
    identities_refused_to_coordination: u64,
    jury_sessions: u64,
    jurors: u64,
    jury_applications: u64,
    sheets: u64,
    sheets_corrected: u64,
    sheets_withdrawn: u64,
    sheets_again: u64,
    sheets_together: u64,
    sheets_already_there: u64,
    jurors_together: u64,
    jury_full: u64,
    jurors_removed: u64,
    jury_applications_removed: u64,
    jury_sessions_deleted: u64,
    others_juries_refused: u64,
    juries_refused_to_coordination: u64,
    sheets_elsewhere_refused: u64,
}

struct World {
    seed: u64,
    rng: Rng,
    tally: Tally,
    hub: MemoryLedger,
    /// A backup of the server taken earlier, and the writes made before each restore.
    server_backup: Option<MemoryLedger>,
    lost_writes: Vec<Write>,
    laptops: Vec<Laptop>,
    /// The identities of hand-made requests, and whose token they carried.
    rogues: BTreeMap<ClientId, Actor>,
    /// Reports signed for someone else.
    forged: std::collections::BTreeSet<RecordKey>,
    network: Vec<Message>,
    ministry: Uuid,
    authority: Uuid,
    plan: RecordKey,
    area: RecordKey,
}

const COORDINATOR: usize = 3;
/// The independent authority's drafter: the one laptop that takes its workshops' participants.
const AUTHORITY_DRAFTER: usize = 2;
/// A laptop whose data folder is, at some point, a copy of laptop 1's.
const COPY: usize = 5;

fn uuid(rng: &mut Rng) -> Uuid {
    Uuid::from_u64_pair(rng.next(), rng.next())
}

fn fields(pairs: &[(&str, Value)]) -> BTreeMap<String, Value> {
    pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()
}

/// Whether a record is part of a citizen jury.
fn is_jury(kind: RecordKind) -> bool {
    matches!(kind, RecordKind::JurySession | RecordKind::Juror | RecordKind::JuryApplication | RecordKind::ScoreSheet)
}

fn id(record: RecordKey) -> Value {
    json!(record.id.to_string())
}

/// The name the directory gives a person.
fn person_name(actor: &Actor) -> String {
    format!("Personne {}", &actor.person.to_string()[..8])
}

impl World {
    fn new(seed: u64) -> World {
        let mut rng = Rng(seed);
        let ministry = uuid(&mut rng);
        let authority = uuid(&mut rng);
        let mut actor = |institution, role| Actor { institution, role, person: uuid(&mut rng) };
        let actors = [
            actor(ministry, Role::Drafter),
            actor(ministry, Role::Drafter),
            actor(authority, Role::Drafter),
            actor(ministry, Role::Coordinator),
            actor(authority, Role::Reader),
            actor(ministry, Role::Drafter),
        ];
        let laptops = actors
            .iter()
            .map(|actor| Laptop {
                replica: Replica::new(ClientId(uuid(&mut rng))),
                actor: *actor,
                run: 0,
                backup: None,
                files: MemoryFiles::default(),
                confirmed: Default::default(),
                uploading: BTreeMap::new(),
                resolved: 0,
            })
            .collect();
        let plan = RecordKey { kind: RecordKind::Plan, id: uuid(&mut rng) };
        let area = RecordKey { kind: RecordKind::Area, id: uuid(&mut rng) };
        let mut hub = MemoryLedger::new();
        for actor in &actors {
            hub.add_person(actor.person, &person_name(actor));
        }
        let mut world = World {
            seed,
            rng,
            tally: Tally::default(),
            hub,
            server_backup: None,
            lost_writes: Vec::new(),
            laptops,
            rogues: BTreeMap::new(),
            forged: Default::default(),
            network: Vec::new(),
            ministry,
            authority,
            plan,
            area,
        };
        // The coordinator sets up the plan's structure and both institutions; each institution's
        // first drafter writes two commitments with a milestone each; everybody syncs.
        let coordinator = &mut world.laptops[COORDINATOR].replica;
        for (institution, name) in [(ministry, "Ministère"), (authority, "Autorité")] {
            let record = RecordKey { kind: RecordKind::Institution, id: institution };
            coordinator.create(
                record,
                fields(&[
                    ("name", json!(name)),
                    ("acronym", json!("")),
                    ("kind", json!("ministry")),
                    ("country", json!("France")),
                ]),
            );
        }
        coordinator.create(
            plan,
            fields(&[
                ("country", json!("France")),
                ("title", json!("Plan d'action")),
                ("periodStart", json!("2025-01-01")),
                ("periodEnd", json!("2026-12-31")),
            ]),
        );
        coordinator.create(
            area,
            fields(&[
                ("planId", id(plan)),
                ("kind", json!("thematic")),
                ("title", json!("Axe")),
                ("description", json!("P0.\n\nP1.\n\nP2.")),
                ("position", json!(0)),
            ]),
        );
        world.settle();
        for laptop in [0, 0, 2, 2] {
            world.create_commitment(laptop);
        }
        world.settle();
        for commitment in world.visible(COORDINATOR, RecordKind::Commitment) {
            world.create_milestone(COORDINATOR, commitment);
        }
        // Each institution's first drafter prepares a workshop and takes a participant in; the
        // ministry's writes down a proposal.
        for laptop in [0, AUTHORITY_DRAFTER] {
            let institution = world.laptops[laptop].actor.institution;
            let workshop = world.create_workshop(laptop, institution);
            world.add_participant(laptop, workshop);
            if laptop == 0 {
                world.add_contribution(laptop, workshop);
            }
            // And opens a citizen jury, with a juror and an application.
            let session = world.create_jury_session(laptop, institution);
            world.add_juror(laptop, session);
            world.add_application(laptop, session);
        }
        world.settle();
        world
    }

    fn other(&self, institution: Uuid) -> Uuid {
        if institution == self.ministry {
            self.authority
        } else {
            self.ministry
        }
    }

    /// An id field of a record as the laptop holds it.
    fn held_id(&self, laptop: usize, record: RecordKey, field: &str) -> Option<Uuid> {
        self.laptops[laptop].replica.value(record, field).and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok())
    }

    /// The records of `kind` the laptop holds whose `field` names `parent` (a workshop's
    /// participants, a jury session's jurors, a juror's sheets…).
    fn naming(&self, laptop: usize, kind: RecordKind, field: &str, parent: RecordKey) -> Vec<RecordKey> {
        self.visible(laptop, kind).into_iter().filter(|r| self.held_id(laptop, *r, field) == Some(parent.id)).collect()
    }

    /// The records of `kind` (participants, contributions) the laptop holds in `workshop`.
    fn in_workshop(&self, laptop: usize, kind: RecordKind, workshop: RecordKey) -> Vec<RecordKey> {
        self.naming(laptop, kind, "workshopId", workshop)
    }

    /// A workshop of the plan run by `institution`, as the app prepares one (now and then with a
    /// keeping day before the workshop's, which the server refuses), about a commitment the
    /// laptop holds.
    fn create_workshop(&mut self, laptop: usize, institution: Uuid) -> RecordKey {
        let record = RecordKey { kind: RecordKind::Workshop, id: uuid(&mut self.rng) };
        let discussed: Vec<Value> = self.pick(laptop, &[RecordKind::Commitment]).map(id).into_iter().collect();
        let keep = if self.rng.chance(95) { "2026-03-11" } else { "2025-03-01" };
        let values = fields(&[
            ("planId", id(self.plan)),
            ("institutionId", json!(institution.to_string())),
            ("title", json!("Atelier")),
            ("heldOn", json!("2025-03-12")),
            ("keepUntil", json!(keep)),
            ("facilitator", json!("Claire Martin")),
            ("place", json!("")),
            ("consentText", json!("C0.\n\nC1.\n\nC2.")),
            ("commitmentIds", Value::Array(discussed)),
        ]);
        self.laptops[laptop].replica.create(record, values);
        self.tally.workshops += 1;
        record
    }

    /// A participant taken in the room, as the app takes one: anonymous, and who they are (their
    /// identity, under the participant's id) only on a laptop of the institution that runs the
    /// workshop — the coordination of another institution takes the participant alone.
    fn add_participant(&mut self, laptop: usize, workshop: RecordKey) {
        let Some(runner) = self.held_id(laptop, workshop, "institutionId") else { return };
        let record = RecordKey { kind: RecordKind::Participant, id: uuid(&mut self.rng) };
        let kinds = ["citizen", "association", "company", "administration", "electedOfficial"];
        let kind = kinds[self.rng.below(kinds.len())];
        let n = self.rng.next() % 1000;
        let email = if self.rng.chance(50) { format!("p{n}@exemple.fr") } else { String::new() };
        let l = &mut self.laptops[laptop];
        l.replica.create(record, fields(&[("workshopId", id(workshop)), ("organisationKind", json!(kind))]));
        if l.actor.institution == runner {
            let identity = RecordKey { kind: RecordKind::Identity, id: record.id };
            let values = fields(&[
                ("participantId", id(record)),
                ("name", json!(format!("Participant {n}"))),
                ("consentWording", json!("C0.\n\nC1.\n\nC2.")),
                ("consentedOn", json!("2025-03-12")),
                ("contactEmail", json!(email)),
            ]);
            l.replica.create(identity, values);
        }
        self.tally.participants += 1;
    }

    /// A contribution in the room, by one of the workshop's participants or the facilitator: a
    /// proposal, a comment on a commitment or milestone the laptop holds, or a priority vote for
    /// one to three of the workshop's proposals.
    fn add_contribution(&mut self, laptop: usize, workshop: RecordKey) {
        let participants = self.in_workshop(laptop, RecordKind::Participant, workshop);
        let author = match participants.len() {
            0 => Value::Null,
            n if self.rng.chance(80) => id(participants[self.rng.below(n)]),
            _ => Value::Null,
        };
        let n = self.rng.next() % 1000;
        let mut values = fields(&[
            ("workshopId", id(workshop)),
            ("participantId", author),
            ("kind", json!("proposal")),
            ("text", json!(format!("Proposition {n}."))),
            // Every field a trace changes, as the app creates a record with all its fields (a
            // field the server never had is no base for a conflict).
            ("outcome", Value::Null),
            ("outcomeReason", json!("")),
            ("commitmentIds", json!([])),
            ("milestoneIds", json!([])),
        ]);
        match self.rng.below(10) {
            0..=2 => {
                let proposals: Vec<RecordKey> = self
                    .in_workshop(laptop, RecordKind::Contribution, workshop)
                    .into_iter()
                    .filter(|c| self.laptops[laptop].replica.value(*c, "kind") == Some(&json!("proposal")))
                    .collect();
                if proposals.is_empty() {
                    return;
                }
                let mut named = Vec::new();
                for _ in 0..=self.rng.below(3) {
                    let proposal = id(proposals[self.rng.below(proposals.len())]);
                    if !named.contains(&proposal) {
                        named.push(proposal);
                    }
                }
                values.insert("kind".into(), json!("vote"));
                values.insert("text".into(), json!(""));
                values.insert("proposalIds".into(), Value::Array(named));
                self.tally.votes += 1;
            }
            3..=4 => {
                let Some(about) = self.pick(laptop, &[RecordKind::Commitment, RecordKind::Milestone]) else { return };
                let field = if about.kind == RecordKind::Commitment { "aboutCommitmentId" } else { "aboutMilestoneId" };
                values.insert("kind".into(), json!("comment"));
                values.insert(field.into(), id(about));
            }
            _ => {}
        }
        let record = RecordKey { kind: RecordKind::Contribution, id: uuid(&mut self.rng) };
        self.laptops[laptop].replica.create(record, values);
        self.tally.contributions += 1;
    }

    /// The institution a laptop prepares a workshop or a jury session (`kind`) for: the
    /// coordination's, either institution; a drafter's, their own — now and then, with an older
    /// app, the other one, which the server refuses. `None`: nothing prepared.
    fn institution_to_run(&mut self, laptop: usize, kind: RecordKind) -> Option<Uuid> {
        let actor = self.laptops[laptop].actor;
        let institution = match actor.role {
            Role::Coordinator if self.rng.chance(50) => self.other(actor.institution),
            _ if self.rng.chance(5) => self.other(actor.institution),
            _ => actor.institution,
        };
        (actor.may_write(kind, institution) || self.rng.chance(20)).then_some(institution)
    }

    /// Something happens in a workshop: the coordination prepares one for either institution, a
    /// drafter one for their own (now and then an older app for the other one); participants and
    /// contributions are taken in a workshop the laptop holds — also, now and then, where its
    /// person may not write (the server refuses).
    fn workshop_event(&mut self, laptop: usize) {
        let actor = self.laptops[laptop].actor;
        if self.rng.chance(6) {
            if let Some(institution) = self.institution_to_run(laptop, RecordKind::Workshop) {
                self.create_workshop(laptop, institution);
            }
            return;
        }
        let Some(workshop) = self.pick(laptop, &[RecordKind::Workshop]) else { return };
        let Some(runner) = self.held_id(laptop, workshop, "institutionId") else { return };
        if !actor.may_write(RecordKind::Participant, runner) && !self.rng.chance(20) {
            return;
        }
        if self.rng.chance(30) {
            self.add_participant(laptop, workshop);
        } else {
            self.add_contribution(laptop, workshop);
        }
    }

    /// A contribution typed by mistake removed, a participant's data erased on request (their
    /// identity), a participant (refused while they have contributions) or a whole workshop
    /// deleted.
    fn workshop_delete(&mut self, laptop: usize) {
        let kinds = [
            RecordKind::Contribution,
            RecordKind::Contribution,
            RecordKind::Identity,
            RecordKind::Participant,
            RecordKind::Workshop,
        ];
        let Some(record) = self.pick(laptop, &kinds) else { return };
        let actor = self.laptops[laptop].actor;
        let owner = self.hub.info(record).map(|i| i.owner);
        if owner.is_none_or(|o| !actor.may_write(record.kind, o)) && !self.rng.chance(20) {
            return;
        }
        self.laptops[laptop].replica.delete(record);
        self.tally.deletions += 1;
    }

    /// An edit in a workshop: what became of a contribution (its outcome, a short field; its
    /// reason, merged by paragraph; what it fed), the workshop's preparation, a participant's
    /// kind or who they are; now and then a field set once (refused whoever asks) or a value the
    /// app never sends.
    fn workshop_edit(&mut self, laptop: usize) {
        if self.rng.chance(30) {
            return self.trace_together();
        }
        let actor = self.laptops[laptop].actor;
        // Most often what became of a contribution: the first one of the laptop's, now and then,
        // so that people of the same institution trace the same one apart.
        let record = if self.rng.chance(60) {
            let contributions = self.visible(laptop, RecordKind::Contribution);
            match contributions.first() {
                Some(first) if self.rng.chance(50) => Some(*first),
                _ => (!contributions.is_empty()).then(|| contributions[self.rng.below(contributions.len())]),
            }
        } else {
            self.pick(laptop, &[RecordKind::Workshop, RecordKind::Participant, RecordKind::Identity])
        };
        let Some(record) = record else { return };
        let owner = self.hub.info(record).map(|i| i.owner);
        if owner.is_none_or(|o| !actor.may_write(record.kind, o)) && !self.rng.chance(20) {
            return;
        }
        let n = self.rng.next() % 1000;
        let (field, value) = if self.rng.chance(4) {
            // A field set once: personal data never moves to another workshop or institution.
            let elsewhere = |world: &mut World, kind| {
                world.pick(laptop, &[kind]).map_or_else(|| json!(uuid(&mut world.rng).to_string()), id)
            };
            match record.kind {
                RecordKind::Workshop => {
                    let runner = self.held_id(laptop, record, "institutionId").unwrap_or(self.ministry);
                    ("institutionId", json!(self.other(runner).to_string()))
                }
                RecordKind::Identity => ("participantId", elsewhere(self, RecordKind::Participant)),
                _ => ("workshopId", elsewhere(self, RecordKind::Workshop)),
            }
        } else {
            let current = |field: &str| {
                self.laptops[laptop].replica.value(record, field).and_then(Value::as_str).unwrap_or("").to_string()
            };
            match (record.kind, self.rng.below(10)) {
                (RecordKind::Contribution, 0..=3) => {
                    let outcomes = [json!("kept"), json!("merged"), json!("notKept"), Value::Null];
                    self.tally.traces += 1;
                    ("outcome", outcomes[self.rng.below(outcomes.len())].clone())
                }
                (RecordKind::Contribution, 4..=7) => {
                    self.tally.traces += 1;
                    let reason = current("outcomeReason");
                    let reason = if reason.is_empty() {
                        format!("R0 {n}.\n\nR1 {n}.\n\nR2 {n}.")
                    } else {
                        revised(&mut self.rng, &reason, n)
                    };
                    ("outcomeReason", json!(reason))
                }
                (RecordKind::Contribution, 8) => {
                    self.tally.traces += 1;
                    let fed = self.pick(laptop, &[RecordKind::Commitment, RecordKind::Milestone]);
                    match fed {
                        Some(m) if m.kind == RecordKind::Milestone => ("milestoneIds", json!([id(m)])),
                        fed => ("commitmentIds", Value::Array(fed.map(id).into_iter().collect())),
                    }
                }
                (RecordKind::Contribution, _) => ("outcome", json!("peut-être")),
                (RecordKind::Workshop, 0..=3) => ("title", json!(format!("Atelier {n}"))),
                (RecordKind::Workshop, 4..=7) => {
                    ("consentText", json!(revised(&mut self.rng, &current("consentText"), n)))
                }
                (RecordKind::Workshop, _) => ("place", json!(format!("Salle {n}"))),
                (RecordKind::Participant, 0) => ("organisationKind", json!("martian")),
                (RecordKind::Participant, _) => {
                    let kinds = ["citizen", "association", "company", "administration", "electedOfficial"];
                    ("organisationKind", json!(kinds[self.rng.below(kinds.len())]))
                }
                (_, 0) => ("contactEmail", json!("pas une adresse")),
                (_, roll) if roll <= 4 => ("contactEmail", json!(format!("p{n}@exemple.fr"))),
                _ => ("name", json!(format!("Participant {n}"))),
            }
        };
        self.laptops[laptop].replica.edit(record, field, value);
    }

    /// Two people of the ministry trace the same contribution of one of its workshops at the same
    /// time, each on their laptop: each says what became of it (different outcomes: a conflict
    /// for a person to resolve) and revises a different paragraph of its reason (merged) — or
    /// writes the first reason.
    fn trace_together(&mut self) {
        let writers = [0, 1, COPY, COORDINATOR];
        let (a, b) = (writers[self.rng.below(4)], writers[self.rng.below(4)]);
        if a == b {
            return;
        }
        let Some(contribution) = self.visible(a, RecordKind::Contribution).into_iter().find(|c| {
            self.laptops[b].replica.value(*c, "workshopId").is_some()
                && self.hub.info(*c).is_some_and(|i| i.owner == self.ministry)
        }) else {
            return;
        };
        let n = self.rng.next() % 1000;
        let outcomes = [json!("kept"), json!("merged"), json!("notKept")];
        let first = self.rng.below(3);
        for (laptop, outcome) in [(a, first), (b, (first + 1) % 3)] {
            self.laptops[laptop].replica.edit(contribution, "outcome", outcomes[outcome].clone());
        }
        let reason = |laptop: usize| {
            let value = self.laptops[laptop].replica.value(contribution, "outcomeReason");
            value.and_then(Value::as_str).unwrap_or("").split("\n\n").map(str::to_string).collect::<Vec<_>>()
        };
        let (mut mine, mut theirs) = (reason(a), reason(b));
        if mine.len() < 2 {
            let first = format!("R0 {n}.\n\nR1 {n}.\n\nR2 {n}.");
            self.laptops[a].replica.edit(contribution, "outcomeReason", json!(first));
        } else if theirs.len() >= 2 {
            mine[0] = format!("Revu par A {n}.");
            let last = theirs.len() - 1;
            theirs[last] = format!("Revu par B {n}.");
            self.laptops[a].replica.edit(contribution, "outcomeReason", json!(mine.join("\n\n")));
            self.laptops[b].replica.edit(contribution, "outcomeReason", json!(theirs.join("\n\n")));
        }
        self.tally.traces += 2;
    }

    /// A jury session of the plan run by `institution`, as the app opens one (now and then with
    /// no place to fill, which the server refuses).
    fn create_jury_session(&mut self, laptop: usize, institution: Uuid) -> RecordKey {
        let record = RecordKey { kind: RecordKind::JurySession, id: uuid(&mut self.rng) };
        let places = if self.rng.chance(97) { 1 + self.rng.below(3) } else { 0 };
        let values = fields(&[
            ("planId", id(self.plan)),
            ("institutionId", json!(institution.to_string())),
            ("title", json!("Promotion 2025")),
            ("heldOn", json!("2025-06-12")),
            ("places", json!(places)),
        ]);
        self.laptops[laptop].replica.create(record, values);
        self.tally.jury_sessions += 1;
        record
    }

    /// A juror joins `session`, unless the laptop holds fifteen already (the app refuses the
    /// sixteenth): whether one was added.
    fn add_juror(&mut self, laptop: usize, session: RecordKey) -> bool {
        if self.naming(laptop, RecordKind::Juror, "sessionId", session).len() >= plan_ouvert_domain::JURORS_MAX {
            return false;
        }
        let record = RecordKey { kind: RecordKind::Juror, id: uuid(&mut self.rng) };
        let name = format!("Juré {}", self.rng.next() % 1000);
        self.laptops[laptop].replica.create(record, fields(&[("sessionId", id(session)), ("name", json!(name))]));
        self.tally.jurors += 1;
        true
    }

    /// An application the session examines, typed or read from the call's file.
    fn add_application(&mut self, laptop: usize, session: RecordKey) {
        let record = RecordKey { kind: RecordKind::JuryApplication, id: uuid(&mut self.rng) };
        let n = self.rng.next() % 1000;
        let values = fields(&[
            ("sessionId", id(session)),
            ("title", json!(format!("Projet {n}"))),
            ("applicant", json!(format!("Collectif {n}"))),
            ("summary", json!("S0.\n\nS1.")),
            ("contactEmail", json!(format!("c{n}@exemple.fr"))),
            ("reference", json!(format!("AIC-{n}"))),
        ]);
        self.laptops[laptop].replica.create(record, values);
        self.tally.jury_applications += 1;
    }

    /// A verdict as the app writes it: five scores, or an abstention with its reason; now and
    /// then one it never sends (a score of 6, an empty reason), which the server refuses.
    fn verdict(&mut self) -> Value {
        if self.rng.chance(3) {
            return if self.rng.chance(50) {
                json!({"kind": "abstained", "reason": ""})
            } else {
                json!({"kind": "scored", "scores": {"generalInterest": 6, "impactForAll": 0, "projectQuality": 0,
                                                    "openness": 0, "stateSupport": 0}})
            };
        }
        if self.rng.chance(10) {
            return json!({"kind": "abstained", "reason": "Conflit d'intérêts déclaré."});
        }
        let mut score = || self.rng.below(6);
        json!({"kind": "scored", "scores": {"generalInterest": score(), "impactForAll": score(),
                                            "projectQuality": score(), "openness": score(), "stateSupport": score()}})
    }

    /// A juror and an application of `session` the laptop holds, and the id of that juror's
    /// sheet for it.
    fn pick_sheet(&mut self, laptop: usize, session: RecordKey) -> Option<(RecordKey, RecordKey, RecordKey)> {
        let jurors = self.naming(laptop, RecordKind::Juror, "sessionId", session);
        let applications = self.naming(laptop, RecordKind::JuryApplication, "sessionId", session);
        if jurors.is_empty() || applications.is_empty() {
            return None;
        }
        let juror = jurors[self.rng.below(jurors.len())];
        let application = applications[self.rng.below(applications.len())];
        let sheet = RecordKey { kind: RecordKind::ScoreSheet, id: score_sheet_id(juror.id, application.id) };
        Some((juror, application, sheet))
    }

    /// A juror's sheet for an application, as the app takes it: corrected when the laptop holds
    /// it, created whole under the id the juror and the application make otherwise (again, when
    /// it was withdrawn).
    fn hand_in(&mut self, laptop: usize, session: RecordKey, verdict: Value) {
        let Some((juror, application, sheet)) = self.pick_sheet(laptop, session) else { return };
        self.hand_in_sheet(laptop, session, juror, application, sheet, verdict);
    }

    fn hand_in_sheet(
        &mut self,
        laptop: usize,
        session: RecordKey,
        juror: RecordKey,
        application: RecordKey,
        sheet: RecordKey,
        verdict: Value,
    ) {
        let replica = &mut self.laptops[laptop].replica;
        if replica.value(sheet, "verdict").is_some() {
            replica.edit(sheet, "verdict", verdict);
            self.tally.sheets_corrected += 1;
            return;
        }
        let values = fields(&[
            ("sessionId", id(session)),
            ("jurorId", id(juror)),
            ("applicationId", id(application)),
            ("verdict", verdict),
        ]);
        replica.create(sheet, values);
        self.tally.sheets += 1;
    }

    /// A juror or an application removed from `session` as the app removes one: the sheets
    /// naming it first, each its own change, then itself.
    fn remove_from_jury(&mut self, laptop: usize, session: RecordKey) {
        let (kind, field) = if self.rng.chance(50) {
            (RecordKind::Juror, "jurorId")
        } else {
            (RecordKind::JuryApplication, "applicationId")
        };
        let held = self.naming(laptop, kind, "sessionId", session);
        if held.is_empty() {
            return;
        }
        let record = held[self.rng.below(held.len())];
        for sheet in self.naming(laptop, RecordKind::ScoreSheet, field, record) {
            self.laptops[laptop].replica.delete(sheet);
        }
        self.laptops[laptop].replica.delete(record);
        self.tally.deletions += 1;
    }

    /// Something happens in a citizen jury: a drafter opens a session for their institution (the
    /// coordination, and now and then an older app, for the other one: refused); jurors,
    /// applications and sheets are added, sheets corrected or withdrawn, jurors and applications
    /// removed, a session deleted — also, now and then, where the person may not write.
    fn jury_event(&mut self, laptop: usize) {
        if self.rng.chance(8) {
            return self.jury_together();
        }
        let actor = self.laptops[laptop].actor;
        if self.rng.chance(5) {
            if let Some(institution) = self.institution_to_run(laptop, RecordKind::JurySession) {
                self.create_jury_session(laptop, institution);
            }
            return;
        }
        let Some(session) = self.pick(laptop, &[RecordKind::JurySession]) else { return };
        let owner = self.hub.info(session).map(|i| i.owner);
        if owner.is_none_or(|o| !actor.may_write(RecordKind::Juror, o)) && !self.rng.chance(20) {
            return;
        }
        match self.rng.below(20) {
            0..=3 => {
                self.add_juror(laptop, session);
            }
            4..=6 => self.add_application(laptop, session),
            7..=14 => {
                let verdict = self.verdict();
                self.hand_in(laptop, session, verdict);
            }
            15..=16 => {
                let sheets = self.naming(laptop, RecordKind::ScoreSheet, "sessionId", session);
                if !sheets.is_empty() {
                    let sheet = sheets[self.rng.below(sheets.len())];
                    self.laptops[laptop].replica.delete(sheet);
                    self.tally.sheets_withdrawn += 1;
                }
            }
            17..=18 => self.remove_from_jury(laptop, session),
            _ if self.rng.chance(30) => {
                self.laptops[laptop].replica.delete(session);
                self.tally.deletions += 1;
            }
            _ => {}
        }
    }

    /// Two people of the ministry at the same jury, each on their laptop: they type the same
    /// juror's sheet for the same application (the same verdict or not), or each adds jurors
    /// until their laptop holds fifteen — more than fifteen together.
    fn jury_together(&mut self) {
        let writers = [0, 1, COPY, COORDINATOR];
        let (a, b) = (writers[self.rng.below(4)], writers[self.rng.below(4)]);
        if a == b {
            return;
        }
        let Some(session) = self.visible(a, RecordKind::JurySession).into_iter().find(|s| {
            self.laptops[b].replica.value(*s, "institutionId").is_some()
                && self.hub.info(*s).is_some_and(|i| i.owner == self.ministry)
        }) else {
            return;
        };
        if self.rng.chance(70) {
            let Some((juror, application, sheet)) = self.pick_sheet(a, session) else { return };
            let on_both = |world: &World, record| world.laptops[b].replica.value(record, "sessionId").is_some();
            if !on_both(self, juror) || !on_both(self, application) || on_both(self, sheet) {
                return;
            }
            let verdict = self.verdict();
            let other = if self.rng.chance(50) { verdict.clone() } else { self.verdict() };
            self.hand_in_sheet(a, session, juror, application, sheet, verdict);
            self.hand_in_sheet(b, session, juror, application, sheet, other);
            self.tally.sheets_together += 1;
        } else {
            for laptop in [a, b] {
                while self.add_juror(laptop, session) {}
            }
            self.tally.jurors_together += 1;
        }
    }

    /// A hand-made request about a jury, with the person's token, sent straight to the server:
    /// what someone of another institution (the coordination included) may not do with a jury's
    /// record — create it again with exactly the values the server holds, change it, delete it —,
    /// and what nobody may do: a sheet under another id than its juror's and application's, a
    /// field set once changed. Refused with a reason, never applied.
    fn hand_made_in_jury(&mut self) {
        let runner = if self.rng.chance(50) { 0 } else { AUTHORITY_DRAFTER };
        let kinds = [RecordKind::JurySession, RecordKind::Juror, RecordKind::JuryApplication, RecordKind::ScoreSheet];
        let Some(record) = self.pick(runner, &kinds) else { return };
        let Some(info) = self.hub.info(record).filter(|i| i.deleted_at.is_none()) else { return };
        let case = self.rng.below(3);
        let laptop = if case == 0 {
            let outsiders: Vec<usize> =
                (0..self.laptops.len()).filter(|l| self.laptops[*l].actor.institution != info.owner).collect();
            outsiders[self.rng.below(outsiders.len())]
        } else {
            runner
        };
        let actor = self.laptops[laptop].actor;
        let client = ClientId(uuid(&mut self.rng));
        let held =
            |world: &mut World, field: &str| world.hub.field(record, field).unwrap().map_or(Value::Null, |f| f.value);
        let (target, change, allowed): (RecordKey, Change, &[Refusal]) = match case {
            0 => {
                if actor.role == Role::Coordinator {
                    self.tally.juries_refused_to_coordination += 1;
                }
                let change = match self.rng.below(3) {
                    0 => {
                        let mut values = BTreeMap::new();
                        for field in fields_of_kind(record.kind) {
                            values.insert(field.to_string(), held(self, field));
                        }
                        Change::Create { fields: values }
                    }
                    1 => {
                        let field = if record.kind == RecordKind::ScoreSheet { "verdict" } else { "sessionId" };
                        let field = if record.kind == RecordKind::JurySession { "title" } else { field };
                        Change::Set { field: field.into(), value: json!("Pirate"), base: held(self, field) }
                    }
                    _ => Change::Delete { seen: Some(self.hub.current_head()) },
                };
                (record, change, &[Refusal::Forbidden])
            }
            1 => {
                let session = match record.kind {
                    RecordKind::JurySession => record,
                    _ => match self.held_id(runner, record, "sessionId") {
                        Some(id) => RecordKey { kind: RecordKind::JurySession, id },
                        None => return,
                    },
                };
                let Some((juror, application, _)) = self.pick_sheet(runner, session) else { return };
                let values = fields(&[
                    ("sessionId", id(session)),
                    ("jurorId", id(juror)),
                    ("applicationId", id(application)),
                    ("verdict", json!({"kind": "abstained", "reason": "Une seconde feuille."})),
                ]);
                let elsewhere = RecordKey { kind: RecordKind::ScoreSheet, id: uuid(&mut self.rng) };
                (elsewhere, Change::Create { fields: values }, &[Refusal::Invalid, Refusal::MissingReference])
            }
            _ => {
                let field = match record.kind {
                    RecordKind::JurySession => "institutionId",
                    RecordKind::ScoreSheet if self.rng.chance(50) => "jurorId",
                    _ => "sessionId",
                };
                let value = if record.kind == RecordKind::JurySession {
                    json!(self.other(info.owner).to_string())
                } else {
                    json!(uuid(&mut self.rng).to_string())
                };
                (record, Change::Set { field: field.into(), value, base: held(self, field) }, &[Refusal::Forbidden])
            }
        };
        self.refused_by_hand(actor, client, target, change, allowed);
        match case {
            0 => self.tally.others_juries_refused += 1,
            1 => self.tally.sheets_elsewhere_refused += 1,
            _ => self.tally.fixed_refused += 1,
        }
    }

    /// The institution a laptop's mutation of a workshop, participant, identity or contribution,
    /// or of a jury's session, juror, application or score sheet, writes for, as the server
    /// derives it (for a creation the server refused, from the fields it carried): `None` for
    /// other kinds, or when the server does not know.
    fn runner(&self, mutation: &Mutation) -> Option<Uuid> {
        let owner = |record: RecordKey| self.hub.info(record).map(|i| i.owner);
        let kind = mutation.record.kind;
        let (field, parent) = match kind {
            RecordKind::Workshop | RecordKind::JurySession => ("institutionId", None),
            RecordKind::Identity => ("participantId", Some(RecordKind::Participant)),
            RecordKind::Participant | RecordKind::Contribution => ("workshopId", Some(RecordKind::Workshop)),
            RecordKind::Juror | RecordKind::JuryApplication | RecordKind::ScoreSheet => {
                ("sessionId", Some(RecordKind::JurySession))
            }
            _ => return None,
        };
        let Change::Create { fields } = &mutation.change else { return owner(mutation.record) };
        let named = fields.get(field).and_then(Value::as_str).and_then(|s| Uuid::parse_str(s).ok())?;
        match parent {
            None => Some(named),
            Some(kind) => owner(RecordKey { kind, id: named }),
        }
    }

    /// Personal data (a participant's identity, everything of a jury) reaches only the people of
    /// the institution that ran the workshop or runs the jury: checked on every answer the server
    /// makes, delivered or not.
    fn check_no_personal_data_sent(&self, laptop: usize, records: impl Iterator<Item = RecordKey>) {
        let actor = self.laptops[laptop].actor;
        for record in records.filter(|r| is_personal_data(r.kind)) {
            let owner = self.hub.info(record).map(|i| i.owner);
            assert_eq!(
                owner,
                Some(actor.institution),
                "seed {}: laptop {laptop} ({:?}) was sent a {:?} kept by another institution",
                self.seed,
                actor.role,
                record.kind
            );
        }
    }

    /// The records of `kind` a laptop holds.
    fn visible(&self, laptop: usize, kind: RecordKind) -> Vec<RecordKey> {
        self.laptops[laptop].replica.records().into_iter().filter(|r| r.kind == kind).collect()
    }

    fn create_commitment(&mut self, laptop: usize) {
        let lead = match self.laptops[laptop].actor.role {
            Role::Coordinator if self.rng.chance(50) => self.authority,
            _ => self.laptops[laptop].actor.institution,
        };
        let record = RecordKey { kind: RecordKind::Commitment, id: uuid(&mut self.rng) };
        let values = fields(&[
            ("planId", id(self.plan)),
            ("areaId", id(self.area)),
            ("position", json!(0)),
            ("title", json!("Engagement")),
            ("leadInstitutionId", json!(lead.to_string())),
            ("contactEmail", json!("")),
            ("problem", json!("P0.\n\nP1.\n\nP2.")),
        ]);
        self.laptops[laptop].replica.create(record, values);
    }

    fn create_milestone(&mut self, laptop: usize, commitment: RecordKey) {
        let record = RecordKey { kind: RecordKind::Milestone, id: uuid(&mut self.rng) };
        let values = fields(&[
            ("commitmentId", id(commitment)),
            ("position", json!(0)),
            ("title", json!("Jalon")),
            ("expectedOutputs", json!("P0.\n\nP1.")),
        ]);
        self.laptops[laptop].replica.create(record, values);
    }

    /// A progress report on a commitment or one of its milestones the laptop holds, signed as the
    /// app signs it: by the person, for the commitment's lead institution, "on behalf" when that
    /// is not theirs. Sometimes a correction of an earlier report; sometimes (a hand-made
    /// request) signed with someone else's name, id or institution.
    fn report(&mut self, laptop: usize) {
        let Some(on) = self.pick(laptop, &[RecordKind::Commitment, RecordKind::Milestone]) else { return };
        let replica = &self.laptops[laptop].replica;
        let commitment = match on.kind {
            RecordKind::Milestone => match replica.value(on, "commitmentId") {
                Some(Value::String(c)) => RecordKey { kind: RecordKind::Commitment, id: Uuid::parse_str(c).unwrap() },
                _ => return,
            },
            _ => on,
        };
        let Some(Value::String(lead)) = replica.value(commitment, "leadInstitutionId").cloned() else { return };
        let actor = self.laptops[laptop].actor;
        let earlier: Vec<RecordKey> = self
            .visible(laptop, RecordKind::Report)
            .into_iter()
            .filter(|r| self.laptops[laptop].replica.value(*r, "commitmentId") == Some(&id(commitment)))
            .collect();
        let corrects = match earlier.len() {
            0 => Value::Null,
            n if self.rng.chance(30) => {
                self.tally.corrections += 1;
                id(earlier[self.rng.below(n)])
            }
            _ => Value::Null,
        };
        let statuses = ["notStarted", "limited", "substantial", "complete", "withdrawn"];
        let mut values = fields(&[
            ("commitmentId", id(commitment)),
            ("milestoneId", if on.kind == RecordKind::Milestone { id(on) } else { Value::Null }),
            ("reportedOn", json!("2025-06-30")),
            ("status", json!(statuses[self.rng.below(statuses.len())])),
            ("done", json!(format!("Fait {}.", self.rng.next() % 1000))),
            ("links", json!([{"title": "Décret", "url": "https://www.legifrance.gouv.fr/"}])),
            ("corrects", corrects),
            ("authorId", json!(actor.person.to_string())),
            ("authorName", json!(person_name(&actor))),
            ("institutionId", json!(lead)),
            ("onBehalf", json!(lead != actor.institution.to_string())),
        ]);
        let forge = self.rng.chance(10);
        if forge {
            // A hand-made request, sent through the laptop: someone else's signature.
            let forged = [
                ("authorName", json!("Quelqu'un d'autre")),
                ("authorId", json!(self.laptops[(laptop + 1) % self.laptops.len()].actor.person.to_string())),
                ("onBehalf", json!(lead == actor.institution.to_string())),
                (
                    "institutionId",
                    json!(if lead == self.ministry.to_string() { self.authority } else { self.ministry }.to_string()),
                ),
            ];
            let (field, value) = forged[self.rng.below(forged.len())].clone();
            values.insert(field.to_string(), value);
            self.tally.forged_signatures += 1;
        }
        if self.rng.chance(40) {
            // Evidence from a small pool, so that several reports name the same file.
            let mut named = Vec::new();
            for _ in 0..=self.rng.below(2) {
                let pick = self.rng.below(EVIDENCE.len());
                let bytes = evidence(pick);
                let sha = self.laptops[laptop].files.keep(bytes.clone());
                if !named.iter().any(|f: &Value| f["sha256"] == json!(sha)) {
                    named.push(json!({"sha256": sha, "name": EVIDENCE[pick], "size": bytes.len(),
                                      "mediaType": "application/pdf"}));
                }
            }
            values.insert("files".into(), Value::Array(named));
            self.tally.files_attached += 1;
        }
        let record = RecordKey { kind: RecordKind::Report, id: uuid(&mut self.rng) };
        if forge {
            self.forged.insert(record);
        }
        self.laptops[laptop].replica.create(record, values);
        self.tally.reports += 1;
    }

    /// The files this laptop's pending reports name that the server has not said it holds.
    fn unsent_files(&self, laptop: usize) -> Vec<String> {
        let l = &self.laptops[laptop];
        let mut unsent: Vec<String> = l
            .replica
            .pending()
            .filter_map(|m| match &m.change {
                Change::Create { fields } if m.record.kind == RecordKind::Report => fields.get("files"),
                _ => None,
            })
            .flat_map(named_files)
            .filter(|sha| !l.confirmed.contains(sha))
            .collect();
        unsent.sort();
        unsent.dedup();
        unsent
    }

    /// The next chunk of a file the laptop sends, from where the server last said it stood.
    fn send_chunk(&mut self, laptop: usize, sha: String) {
        let size = self.rng.below(700) + 1;
        let l = &mut self.laptops[laptop];
        let Some(bytes) = l.files.complete(&sha).map(<[u8]>::to_vec) else { return };
        let offset = *l.uploading.get(&sha).unwrap_or(&0);
        let end = (offset as usize + size).min(bytes.len());
        let chunk = bytes.get(offset as usize..end).unwrap_or_default().to_vec();
        self.network.push(Message::Upload(laptop, l.run, sha, bytes.len() as u64, offset, chunk));
    }

    /// A laptop asks for the next part of a file a report it holds names, and does not hold whole.
    fn send_download(&mut self, laptop: usize) -> bool {
        let l = &mut self.laptops[laptop];
        let wanted = l
            .replica
            .records()
            .into_iter()
            .filter(|r| r.kind == RecordKind::Report)
            .filter_map(|r| l.replica.value(r, "files").cloned())
            .flat_map(|files| named_files(&files))
            .find(|sha| l.files.complete(sha).is_none());
        let Some(sha) = wanted else { return false };
        let offset = l.files.state(&sha).ok().flatten().map_or(0, |s| s.received);
        self.network.push(Message::Download(laptop, l.run, sha, offset));
        true
    }

    fn send_push(&mut self, laptop: usize) {
        // As the app does: a report's files go up before the report.
        if let Some(sha) = self.unsent_files(laptop).first().cloned() {
            self.send_chunk(laptop, sha);
            return;
        }
        let l = &self.laptops[laptop];
        if l.replica.pending_count() > 0 {
            self.network.push(Message::PushRequest(laptop, l.run, l.replica.push_request()));
        }
    }

    /// `laptop`'s pending mutations written to an exchange file and carried to another laptop,
    /// which relays them. As the app takes such a file in: only on a laptop of the same
    /// institution when it holds identities, and from the first unacknowledged mutation on.
    fn carry(&mut self, laptop: usize) {
        let request = self.laptops[laptop].replica.push_request();
        if request.mutations.is_empty() {
            return;
        }
        let author = self.laptops[laptop].actor;
        let personal = request.mutations.iter().any(|m| is_personal_data(m.record.kind));
        let carriers: Vec<usize> = (0..self.laptops.len())
            .filter(|c| *c != laptop)
            .filter(|c| !personal || self.laptops[*c].actor.institution == author.institution)
            .collect();
        if carriers.is_empty() {
            return;
        }
        let carrier = carriers[self.rng.below(carriers.len())];
        self.tally.relays += 1;
        self.network.push(Message::Relay(carrier, PushRequest { relay: true, acknowledged: 0, ..request }));
    }

    fn send_pull(&mut self, laptop: usize) {
        let l = &self.laptops[laptop];
        self.network.push(Message::PullRequest(laptop, l.run, l.replica.pull_request()));
    }

    fn deliver(&mut self, message: Message) {
        match message {
            Message::PushRequest(laptop, run, request) => {
                let actor = self.laptops[laptop].actor;
                // As the server does: a laptop's identity belongs to the first person who pushes.
                self.hub.claim(request.client, actor);
                let response = hub::push(&mut self.hub, &actor, &request).expect("same protocol");
                // Values answered back (theirs in a conflict, a merge) come from the server.
                let answered = response
                    .results
                    .iter()
                    .filter(|r| !matches!(r.outcome, Outcome::Applied { .. } | Outcome::Rejected { .. }));
                let records: Vec<RecordKey> = answered
                    .filter_map(|r| request.mutations.iter().find(|m| m.id.seq == r.seq).map(|m| m.record))
                    .collect();
                self.check_no_personal_data_sent(laptop, records.into_iter());
                self.network.push(Message::PushResponse(laptop, run, response));
            }
            Message::Relay(carrier, request) => {
                let actor = self.laptops[carrier].actor;
                let before = self.hub.last_seq(request.client).expect("in memory");
                let response = hub::push(&mut self.hub, &actor, &request).expect("same protocol");
                // A relay keeps no refusal in the author's name (a refusal it answers is one the
                // author's own push got before), and never tells of a reused identity: the author
                // hears of both itself.
                assert_eq!(response.identity_reused_at, None, "a relay spoke for the author");
                assert!(
                    response.results.iter().all(|r| r.seq <= before || !matches!(r.outcome, Outcome::Rejected { .. })),
                    "a refusal kept for a relayed mutation: {response:?}"
                );
                self.tally.relayed += response.results.len() as u64;
            }
            Message::PullRequest(laptop, run, request) => {
                let actor = self.laptops[laptop].actor;
                let response = hub::pull(&mut self.hub, &actor, &request).expect("same protocol");
                let told = response.deleted.iter().chain(&response.hidden).map(|(r, _)| *r);
                self.check_no_personal_data_sent(laptop, response.changes.iter().map(|c| c.record).chain(told));
                self.network.push(Message::PullResponse(laptop, run, response));
            }
            Message::PushResponse(laptop, run, response) => {
                if self.laptops[laptop].run == run {
                    self.laptops[laptop].replica.on_push(&response);
                }
            }
            Message::PullResponse(laptop, run, response) => {
                if self.laptops[laptop].run == run {
                    self.laptops[laptop].replica.on_pull(&response);
                }
            }
            Message::Upload(laptop, run, sha, size, offset, bytes) => {
                let answer = if hub::may_upload_files(&self.laptops[laptop].actor) {
                    files::receive(&mut self.hub.files, &sha, size, offset, &bytes).expect("memory")
                } else {
                    Received::Refused
                };
                self.network.push(Message::UploadAnswer(laptop, run, sha, answer));
            }
            Message::UploadAnswer(laptop, run, sha, answer) => {
                let l = &mut self.laptops[laptop];
                if l.run != run {
                    return;
                }
                match answer {
                    Received::Written { state } | Received::Elsewhere { state } if state.complete => {
                        l.uploading.remove(&sha);
                        l.confirmed.insert(sha);
                    }
                    Received::Written { state } | Received::Elsewhere { state } => {
                        if state.received < *l.uploading.get(&sha).unwrap_or(&0) {
                            self.tally.uploads_resumed += 1;
                        }
                        l.uploading.insert(sha, state.received);
                    }
                    Received::Corrupt => {
                        l.uploading.insert(sha, 0);
                    }
                    Received::Refused => {}
                }
            }
            Message::Download(laptop, run, sha, offset) => {
                let actor = self.laptops[laptop].actor;
                let readable = hub::may_read_file(&mut self.hub, &actor, &sha).expect("memory");
                let answer = self.hub.files.complete(&sha).filter(|_| readable).map(|bytes| {
                    let end = (offset as usize + 500).min(bytes.len());
                    (bytes.len() as u64, offset, bytes.get(offset as usize..end).unwrap_or_default().to_vec())
                });
                self.network.push(Message::DownloadAnswer(laptop, run, sha, answer));
            }
            Message::DownloadAnswer(laptop, run, sha, answer) => {
                let l = &mut self.laptops[laptop];
                if let (true, Some((size, offset, bytes))) = (l.run == run, answer) {
                    let received = files::receive(&mut l.files, &sha, size, offset, &bytes).expect("memory");
                    if matches!(received, Received::Written { state } if state.complete) {
                        self.tally.downloads_completed += 1;
                    }
                }
            }
        }
    }

    /// Checked after every event: a field with edits still pending shows the person's latest
    /// edit, whatever arrives from the server meanwhile (unless the record itself left the
    /// laptop: deleted, or given to another institution).
    fn check_own_edits_stay_visible(&self) {
        for (index, laptop) in self.laptops.iter().enumerate() {
            // The latest pending edit of each field, unless it is one a restored server lost,
            // sent again: older than what the laptop may show meanwhile (later edits of others,
            // which they send again too).
            let mut latest: BTreeMap<(RecordKey, &str), Option<&Value>> = BTreeMap::new();
            for mutation in laptop.replica.pending() {
                match &mutation.change {
                    Change::Set { field, value, .. } => {
                        let shown = (!laptop.replica.is_resend(mutation.id)).then_some(value);
                        latest.insert((mutation.record, field.as_str()), shown);
                    }
                    // Deleted after those edits, or made anew under its id (a score sheet withdrawn
                    // and handed in again): what was set before is no longer what it shows.
                    Change::Delete { .. } | Change::Create { .. } => latest.retain(|(r, _), _| *r != mutation.record),
                }
            }
            let latest: BTreeMap<(RecordKey, &str), &Value> =
                latest.into_iter().filter_map(|(key, value)| value.map(|v| (key, v))).collect();
            for ((record, field), value) in latest {
                // (Which records the laptop holds is read only when needed: this runs after
                // every event.)
                if laptop.replica.value(record, field) == Some(value) || !laptop.replica.records().contains(&record) {
                    continue;
                }
                assert_eq!(
                    laptop.replica.value(record, field),
                    Some(value),
                    "seed {}, laptop {index}: a pending edit of {field} is no longer shown; pending: {:?}",
                    self.seed,
                    laptop.replica.pending().filter(|m| m.record == record).collect::<Vec<_>>()
                );
            }
        }
    }

    /// One random event.
    fn step(&mut self) {
        let laptop = self.rng.below(self.laptops.len());
        match self.rng.below(100) {
            0..=27 => self.edit(laptop),
            28..=29 => self.report(laptop),
            30..=32 => self.create(laptop),
            33..=34 => self.delete(laptop),
            35 => self.change_lead(),
            36 if self.rng.chance(30) => self.hand_made(laptop),
            36..=44 => self.send_push(laptop),
            45..=52 => self.send_pull(laptop),
            53..=55 => self.resolve(laptop),
            56..=57 => {
                // Crash: whatever was in flight for this laptop is lost to it; its disk is kept.
                self.laptops[laptop].run += 1;
                self.laptops[laptop].confirmed.clear();
                self.tally.crashes += 1;
            }
            58 => self.disk(laptop),
            59 => self.server_backup_or_restore(),
            60..=61 => {
                self.send_download(laptop);
            }
            62 if self.rng.chance(20) => self.forged_chunk(laptop),
            63 if self.rng.chance(20) => self.report_without_its_file(),
            64..=65 => self.workshop_event(laptop),
            66 => self.workshop_delete(laptop),
            67 if self.rng.chance(50) => self.hand_made_in_workshop(laptop),
            68 => self.carry(laptop),
            69..=70 => self.jury_event(laptop),
            71 if self.rng.chance(30) => self.hand_made_in_jury(),
            _ if !self.network.is_empty() => {
                let index = self.rng.below(self.network.len()); // any order: reordering
                let message = if self.rng.chance(85) {
                    self.network.swap_remove(index)
                } else {
                    self.tally.duplicated += 1;
                    self.network[index].clone()
                };
                if self.rng.chance(10) {
                    self.tally.dropped += 1;
                    if matches!(message, Message::Upload(..) | Message::DownloadAnswer(..)) {
                        self.tally.chunks_lost += 1;
                    }
                } else {
                    self.deliver(message);
                }
            }
            _ => {}
        }
    }

    /// A backup of a laptop's disk, or its restoration from the last one; or the copy laptop's
    /// data folder replaced by a copy of laptop 1's, which goes on in parallel.
    fn disk(&mut self, laptop: usize) {
        let seed = self.rng.next();
        if laptop == COPY {
            self.laptops[COPY].replica = self.laptops[1].replica.clone();
            self.laptops[COPY].files = self.laptops[1].files.clone();
            self.laptops[COPY].confirmed.clear();
            self.laptops[COPY].replica.reseed_identities(seed);
            self.laptops[COPY].resolved = self.laptops[1].resolved;
            self.laptops[COPY].run += 1;
            self.tally.copies += 1;
            return;
        }
        let restore = self.rng.chance(50);
        let l = &mut self.laptops[laptop];
        match l.backup.take() {
            Some((backup, resolved, files)) if restore => {
                l.replica = backup;
                l.files = files;
                l.confirmed.clear();
                l.replica.reseed_identities(seed);
                l.resolved = resolved;
                l.run += 1;
                self.tally.laptop_restores += 1;
            }
            _ => l.backup = Some((l.replica.clone(), l.resolved, l.files.clone())),
        }
    }

    fn server_backup_or_restore(&mut self) {
        match self.server_backup.take() {
            Some(backup) if self.rng.chance(50) => {
                self.lost_writes.extend(self.hub.writes().iter().cloned());
                // As the administrator's guide says: put back, then `restored` (a new history). A
                // restore without it is caught up only when a laptop that lost changes syncs
                // (crates/client/tests/laptops.rs), which this schedule cannot promise.
                self.hub = backup.restored(uuid(&mut self.rng));
                self.tally.server_restores += 1;
                // The app checks its files with the server right before each push.
                for laptop in &mut self.laptops {
                    laptop.confirmed.clear();
                }
            }
            // One restore a run: a server restored without a word twice, restarted in between, could
            // no longer tell where the first one took it back to (see ARCHITECTURE.md).
            _ if self.tally.server_restores == 0 => self.server_backup = Some(self.hub.clone()),
            _ => {}
        }
    }

    /// A record the laptop holds, of one of `kinds`.
    fn pick(&mut self, laptop: usize, kinds: &[RecordKind]) -> Option<RecordKey> {
        // (The laptop's records read once, however many kinds.)
        let held = self.laptops[laptop].replica.records();
        let records: Vec<RecordKey> =
            kinds.iter().flat_map(|kind| held.iter().filter(move |r| r.kind == *kind)).copied().collect();
        (!records.is_empty()).then(|| records[self.rng.below(records.len())])
    }

    /// A hand-made request of the coordinator: a report, signed as the app signs it, naming a
    /// file that never reached the server. It must be refused, the file being missing.
    fn report_without_its_file(&mut self) {
        let Some(commitment) = self.pick(COORDINATOR, &[RecordKind::Commitment]) else { return };
        let actor = self.laptops[COORDINATOR].actor;
        let replica = &self.laptops[COORDINATOR].replica;
        let Some(lead) = replica.value(commitment, "leadInstitutionId").and_then(Value::as_str).map(str::to_string)
        else {
            return;
        };
        let never_sent = files::sha256_hex(&self.rng.next().to_le_bytes());
        let values = fields(&[
            ("commitmentId", id(commitment)),
            ("reportedOn", json!("2025-06-30")),
            ("status", json!("complete")),
            (
                "files",
                json!([{"sha256": never_sent, "name": "Absent.pdf", "size": 10, "mediaType": "application/pdf"}]),
            ),
            ("authorId", json!(actor.person.to_string())),
            ("authorName", json!(person_name(&actor))),
            ("institutionId", json!(lead)),
            ("onBehalf", json!(lead != actor.institution.to_string())),
        ]);
        let client = ClientId(uuid(&mut self.rng));
        let record = RecordKey { kind: RecordKind::Report, id: uuid(&mut self.rng) };
        let outcome = &self.by_hand(actor, client, record, Change::Create { fields: values });
        // (Refused for its file, or sooner: a commitment deleted or given to another institution
        // meanwhile, unknown to the coordinator's laptop yet.)
        assert!(
            matches!(
                outcome,
                Outcome::Rejected { refusal: Refusal::FileMissing | Refusal::MissingReference | Refusal::Forbidden }
            ),
            "seed {}: a report naming a file the server lacks was not refused: {outcome:?}",
            self.seed
        );
        if matches!(outcome, Outcome::Rejected { refusal: Refusal::FileMissing }) {
            self.tally.files_missing += 1;
        }
    }

    /// A hand-made request, with the person's token, on any record of the plan (another
    /// institution's commitment, an area), sent straight to the server.
    fn hand_made(&mut self, laptop: usize) {
        let kinds = [RecordKind::Commitment, RecordKind::Milestone, RecordKind::Area, RecordKind::Round];
        let Some(record) = self.pick(COORDINATOR, &kinds) else { return };
        let client = ClientId(uuid(&mut self.rng));
        let actor = self.laptops[laptop].actor;
        // Only what the person may not do: what they may do goes through their laptop (a write
        // no laptop remembers could not be sent again to a server restored without a word).
        if self.hub.info(record).is_none_or(|info| actor.may_write(record.kind, info.owner)) {
            return;
        }
        let value = json!(format!("Titre pirate {}", self.rng.next() % 1000));
        let base = self.laptops[COORDINATOR].replica.value(record, "title").cloned().unwrap_or(Value::Null);
        let outcome = self.by_hand(actor, client, record, Change::Set { field: "title".into(), value, base });
        if outcome == (Outcome::Rejected { refusal: Refusal::Forbidden }) {
            self.tally.forbidden += 1;
        }
    }

    /// A hand-made request: one mutation sent straight to the server with `actor`'s token, under
    /// a laptop identity `client` of its own; what the server answered.
    fn by_hand(&mut self, actor: Actor, client: ClientId, record: RecordKey, change: Change) -> Outcome {
        let mutation = Mutation { id: MutationId { client, seq: 1 }, record, change };
        let request = PushRequest {
            protocol: PROTOCOL_VERSION,
            client,
            mutations: vec![mutation],
            acknowledged: 0,
            relay: false,
        };
        let mut response = hub::push(&mut self.hub, &actor, &request).expect("same protocol");
        self.rogues.insert(client, actor);
        response.results.remove(0).outcome
    }

    /// A hand-made request [`World::by_hand`] that must be refused with one of `allowed`, never
    /// applied.
    fn refused_by_hand(
        &mut self,
        actor: Actor,
        client: ClientId,
        record: RecordKey,
        change: Change,
        allowed: &[Refusal],
    ) {
        let shown = format!("{change:?}");
        let outcome = self.by_hand(actor, client, record, change);
        assert!(
            matches!(&outcome, Outcome::Rejected { refusal } if allowed.contains(refusal)),
            "seed {}: a hand-made {shown} of {record:?} by {:?} of {} was not refused: {outcome:?}",
            self.seed,
            actor.role,
            if actor.institution == self.ministry { "the ministry" } else { "the authority" },
        );
    }

    /// A hand-made request about workshops, with the person's token, sent straight to the server:
    /// what nobody may do (a field set once changed, even by who may write the record) or what
    /// this person may not (a participant or contribution in another institution's workshop;
    /// the identity of another institution's participant created — with exactly the values the
    /// server holds, when it holds one — or changed, also by the coordination). Refused with a
    /// reason, never applied.
    fn hand_made_in_workshop(&mut self, laptop: usize) {
        let case = self.rng.below(3);
        // Who the participants are is asked for by the coordination as often as by all others.
        let laptop = if case == 1 && self.rng.chance(50) { COORDINATOR } else { laptop };
        let actor = self.laptops[laptop].actor;
        let client = ClientId(uuid(&mut self.rng));
        let (record, change, allowed): (RecordKey, Change, &[Refusal]) = match case {
            0 => {
                let Some(workshop) = self.pick(COORDINATOR, &[RecordKind::Workshop]) else { return };
                if self.hub.info(workshop).is_none_or(|i| actor.may_write(RecordKind::Participant, i.owner)) {
                    return;
                }
                let (kind, values) = if self.rng.chance(50) {
                    (
                        RecordKind::Participant,
                        fields(&[("workshopId", id(workshop)), ("organisationKind", json!("citizen"))]),
                    )
                } else {
                    let text = json!("Proposition pirate.");
                    (
                        RecordKind::Contribution,
                        fields(&[("workshopId", id(workshop)), ("kind", json!("proposal")), ("text", text)]),
                    )
                };
                let record = RecordKey { kind, id: uuid(&mut self.rng) };
                (record, Change::Create { fields: values }, &[Refusal::Forbidden, Refusal::MissingReference])
            }
            1 => {
                let Some(participant) = self.pick(COORDINATOR, &[RecordKind::Participant]) else { return };
                if self.hub.info(participant).is_none_or(|i| i.owner == actor.institution) {
                    return;
                }
                let identity = RecordKey { kind: RecordKind::Identity, id: participant.id };
                let mut held = BTreeMap::new();
                for field in fields_of_kind(RecordKind::Identity) {
                    if let Some(state) = self.hub.field(identity, field).unwrap() {
                        held.insert(field.to_string(), state.value);
                    }
                }
                if actor.role == Role::Coordinator {
                    self.tally.identities_refused_to_coordination += 1;
                }
                if !held.is_empty() && self.rng.chance(50) {
                    let base = held["name"].clone();
                    let change = Change::Set { field: "name".into(), value: json!("Quelqu'un"), base };
                    (identity, change, &[Refusal::Forbidden])
                } else {
                    if held.is_empty() {
                        held = fields(&[
                            ("participantId", id(participant)),
                            ("name", json!("Quelqu'un")),
                            ("consentedOn", json!("2025-03-12")),
                        ]);
                    }
                    (identity, Change::Create { fields: held }, &[Refusal::Forbidden, Refusal::MissingReference])
                }
            }
            _ => {
                let kinds =
                    [RecordKind::Workshop, RecordKind::Participant, RecordKind::Contribution, RecordKind::Identity];
                let kind = kinds[self.rng.below(kinds.len())];
                let held = if kind == RecordKind::Identity { RecordKind::Participant } else { kind };
                let Some(record) = self.pick(COORDINATOR, &[held]) else { return };
                let record = RecordKey { kind, id: record.id };
                let field = match kind {
                    RecordKind::Workshop => "institutionId",
                    RecordKind::Identity => "participantId",
                    _ => "workshopId",
                };
                let base = self.hub.field(record, field).unwrap().map_or(Value::Null, |f| f.value);
                let value = if kind == RecordKind::Workshop {
                    json!(self.other(actor.institution).to_string())
                } else {
                    json!(uuid(&mut self.rng).to_string())
                };
                let change = Change::Set { field: field.into(), value, base };
                (record, change, &[Refusal::Forbidden, Refusal::UnknownRecord])
            }
        };
        self.refused_by_hand(actor, client, record, change, allowed);
        match case {
            0 => self.tally.others_workshops_refused += 1,
            1 => self.tally.identities_refused += 1,
            _ => self.tally.fixed_refused += 1,
        }
    }

    fn edit(&mut self, laptop: usize) {
        if self.rng.chance(25) {
            return self.workshop_edit(laptop);
        }
        let actor = self.laptops[laptop].actor;
        // Edits of what the person holds, even what their role may not change (an older app, a
        // reader's laptop), and now and then of a report (which no one may change).
        let kinds: &[RecordKind] = if self.rng.chance(5) {
            &[RecordKind::Report]
        } else {
            &[RecordKind::Commitment, RecordKind::Milestone, RecordKind::Area, RecordKind::Round]
        };
        let Some(record) = self.pick(laptop, kinds) else { return };
        let owner = self.hub.info(record).map(|i| i.owner);
        if owner.is_none_or(|o| !actor.may_write(record.kind, o)) && !self.rng.chance(20) {
            return;
        }
        let n = self.rng.next() % 1000;
        let long = match record.kind {
            RecordKind::Area => "description",
            RecordKind::Milestone => "expectedOutputs",
            RecordKind::Report => "done",
            RecordKind::Round => "instructions",
            _ => "problem",
        };
        let replica = &mut self.laptops[laptop].replica;
        match self.rng.below(20) {
            0 => {
                // A value the app never sends: the server must refuse it.
                let hostile = [
                    ("title", json!("")),
                    ("title", json!(" Titre ")),
                    ("title", json!(n)),
                    ("title", json!("é".repeat(1_001))),
                    (long, json!("texte\u{7}")),
                    ("position", json!(-1)),
                ];
                let (field, value) = hostile[self.rng.below(hostile.len())].clone();
                replica.edit(record, field, value);
            }
            1..=9 => {
                let field = match record.kind {
                    RecordKind::Commitment if self.rng.chance(50) => "contactEmail",
                    RecordKind::Report => "status",
                    _ => "title",
                };
                let value = match field {
                    "title" => json!(format!("Titre {n}")),
                    "status" => json!("complete"),
                    _ => json!(format!("p{n}@exemple.fr")),
                };
                replica.edit(record, field, value);
            }
            _ => {
                let current = replica.value(record, long).and_then(|v| v.as_str()).unwrap_or("").to_string();
                replica.edit(record, long, json!(revised(&mut self.rng, &current, n)));
            }
        }
    }

    fn create(&mut self, laptop: usize) {
        if self.rng.chance(10) {
            // A reporting round: the coordinator's to open; anyone else's laptop is refused.
            let record = RecordKey { kind: RecordKind::Round, id: uuid(&mut self.rng) };
            let (opens, due) =
                if self.rng.chance(80) { ("2025-06-01", "2025-07-15") } else { ("2025-07-15", "2025-06-01") };
            let values = fields(&[
                ("planId", id(self.plan)),
                ("kind", json!("midTerm")),
                ("title", json!("Rapport à mi-parcours")),
                ("opensOn", json!(opens)),
                ("dueOn", json!(due)),
            ]);
            self.laptops[laptop].replica.create(record, values);
            self.tally.rounds += 1;
        } else if self.rng.chance(30) {
            self.create_commitment(laptop);
        } else if let Some(commitment) = self.pick(laptop, &[RecordKind::Commitment]) {
            self.create_milestone(laptop, commitment);
        }
    }

    fn delete(&mut self, laptop: usize) {
        let kinds = [RecordKind::Commitment, RecordKind::Milestone, RecordKind::Milestone, RecordKind::Report];
        if let Some(record) = self.pick(laptop, &kinds) {
            self.laptops[laptop].replica.delete(record);
            self.tally.deletions += 1;
        }
    }

    /// The coordinator gives a commitment to the other institution.
    fn change_lead(&mut self) {
        let Some(commitment) = self.pick(COORDINATOR, &[RecordKind::Commitment]) else { return };
        let replica = &mut self.laptops[COORDINATOR].replica;
        let now = replica.value(commitment, "leadInstitutionId").cloned();
        let other = if now == Some(json!(self.ministry.to_string())) { self.authority } else { self.ministry };
        replica.edit(commitment, "leadInstitutionId", json!(other.to_string()));
        self.tally.lead_changes += 1;
    }

    fn resolve(&mut self, laptop: usize) {
        let replica = &mut self.laptops[laptop].replica;
        if replica.conflicts().is_empty() {
            return;
        }
        let index = self.rng.below(replica.conflicts().len());
        let conflict = replica.conflicts()[index].clone();
        let chosen = match self.rng.below(3) {
            0 => conflict.mine,
            1 => conflict.theirs,
            _ => conflict.proposed.unwrap_or(conflict.mine),
        };
        if replica.resolve(index, chosen).is_some() {
            self.laptops[laptop].resolved += 1;
            self.tally.resolved += 1;
        }
    }

    /// A hand-made upload: bytes that are not the file they claim to be, under the name of one
    /// of the pool's files.
    fn forged_chunk(&mut self, laptop: usize) {
        let pick = self.rng.below(EVIDENCE.len());
        let bytes = evidence(pick);
        let mut forged = bytes.clone();
        forged[0] ^= 0xff;
        let sha = files::sha256_hex(&bytes);
        let offset = self.hub.files.clone().state(&sha).ok().flatten().map_or(0, |s| s.received);
        let rest = forged.get(offset as usize..).unwrap_or_default().to_vec();
        self.network.push(Message::Upload(laptop, u32::MAX, sha, bytes.len() as u64, offset, rest));
        self.tally.forged_chunks += 1;
    }

    /// Every pending file of every laptop goes up whole, then every missing one comes down.
    fn transfer_files(&mut self, downloads: bool) {
        for laptop in 0..self.laptops.len() {
            for _ in 0..2_000 {
                let unsent = self.unsent_files(laptop);
                let sent = match unsent.first() {
                    Some(sha) => {
                        self.send_chunk(laptop, sha.clone());
                        true
                    }
                    None => downloads && self.send_download(laptop),
                };
                if !sent {
                    break;
                }
                while let Some(message) = self.network.pop() {
                    self.deliver(message);
                }
            }
        }
    }

    /// The network heals: everyone pushes and pulls until nothing is pending.
    fn settle(&mut self) {
        self.network.clear();
        for _ in 0..12 {
            for laptop in 0..self.laptops.len() {
                self.laptops[laptop].confirmed.clear();
            }
            self.transfer_files(false);
            for laptop in 0..self.laptops.len() {
                self.laptops[laptop].run += 1;
                let run = self.laptops[laptop].run;
                let request = self.laptops[laptop].replica.push_request();
                self.deliver(Message::PushRequest(laptop, run, request));
                while let Some(message) = self.network.pop() {
                    self.deliver(message);
                }
            }
            for laptop in 0..self.laptops.len() {
                for _ in 0..20 {
                    self.send_pull(laptop);
                    while let Some(message) = self.network.pop() {
                        self.deliver(message);
                    }
                    if self.laptops[laptop].replica.cursor() == self.hub.current_head() {
                        break;
                    }
                }
            }
            if self.laptops.iter().all(|l| l.replica.pending_count() == 0) {
                self.transfer_files(true);
                return;
            }
        }
    }
}

/// The names of the pool of evidence files reports attach.
const EVIDENCE: [&str; 3] = ["Rapport.pdf", "Annexe.pdf", "Compte rendu.pdf"];

/// The bytes of the pool's file `index` (a few kilobytes, sent in many chunks).
fn evidence(index: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..(900 * (index + 1))).map(|i| (i * 31 + index * 7) as u8));
    bytes
}

/// `current` with one paragraph revised, or one added.
fn revised(rng: &mut Rng, current: &str, n: u64) -> String {
    let mut paragraphs: Vec<String> = current.split("\n\n").filter(|p| !p.is_empty()).map(str::to_string).collect();
    if paragraphs.is_empty() || rng.chance(20) {
        paragraphs.push(format!("Ajout {n}."));
    } else {
        let i = rng.below(paragraphs.len());
        paragraphs[i] = format!("P{i} révisé {n}.");
    }
    paragraphs.join("\n\n")
}

fn run(seed: u64, steps: usize, tally: &mut Tally) {
    let mut world = World::new(seed);
    for _ in 0..steps {
        world.step();
        world.check_own_edits_stay_visible();
    }
    world.settle();

    // Every write, by version and by mutation (looked up for each outcome of each laptop).
    let mut writes: std::collections::HashMap<u64, Vec<&Write>> = std::collections::HashMap::new();
    let mut writers = std::collections::HashSet::new();
    // The first version each score sheet was erased at (withdrawn: its writes hold nothing).
    let mut withdrawn: BTreeMap<RecordKey, u64> = BTreeMap::new();
    for write in world.hub.writes().iter().chain(world.lost_writes.iter()) {
        writes.entry(write.version).or_default().push(write);
        writers.insert(write.mutation);
        if write.record.kind == RecordKind::ScoreSheet && write.value.is_null() {
            let first = withdrawn.entry(write.record).or_insert(write.version);
            *first = (*first).min(write.version);
        }
    }
    let written_at = |version: &u64| writes.get(version).into_iter().flatten();
    // A write holds the value written, or nothing once its record of personal data was erased.
    let wrote = |w: &Write, value: &Value| &w.value == value || (w.value.is_null() && is_personal_data(w.record.kind));
    // Records already found whole and valid, with the values found (laptops hold the same ones).
    let mut readable: BTreeMap<RecordKey, BTreeMap<String, Value>> = BTreeMap::new();
    for (index, laptop) in world.laptops.iter().enumerate() {
        let replica = &laptop.replica;
        let context = format!("seed {seed}, laptop {index} ({:?})", laptop.actor.role);
        assert_eq!(replica.pending_count(), 0, "{context}: changes still pending");
        // Converged: exactly what the server holds among what this person may see.
        let snapshot = replica.snapshot();
        let server = world.hub.snapshot_for(&laptop.actor);
        if snapshot != server {
            let only_here: Vec<_> = snapshot.iter().filter(|(k, v)| server.get(k) != Some(v)).collect();
            let only_there: Vec<_> = server.iter().filter(|(k, v)| snapshot.get(k) != Some(v)).collect();
            let mut known: Vec<_> = only_here.iter().map(|((r, _), _)| (*r, world.hub.info(*r))).collect();
            known.dedup();
            let mut copy = replica.clone();
            let mut gone: Vec<_> = only_there
                .iter()
                .chain(only_here.iter())
                .map(|((r, _), _)| (*r, plan_ouvert_sync::replica::ReplicaState::deleted_at(&mut copy, *r)))
                .collect();
            gone.dedup();
            panic!("{context}: diverged from the server\nhere: {only_here:?}\nthere: {only_there:?}\nserver: {known:?}\ngone here: {gone:?}\npending: {:?}\nrejections: {:?}", replica.pending().collect::<Vec<_>>(), replica.rejections().iter().filter(|r| only_here.iter().any(|((k, _), _)| *k == r.mutation.record)).collect::<Vec<_>>());
        }
        // Readable by the app: each record whole and valid, and referring only to records held.
        let mut records: BTreeMap<RecordKey, BTreeMap<String, Value>> = BTreeMap::new();
        for ((record, field), value) in &snapshot {
            records.entry(*record).or_default().insert(field.clone(), value.clone());
        }
        for (record, values) in &records {
            if readable.get(record) != Some(values) {
                assert_eq!(
                    rules::check_creation(record.kind, values),
                    Ok(()),
                    "{context}: {record:?} unreadable: {values:?}"
                );
                readable.insert(*record, values.clone());
            }
            for (field, value) in values {
                for target in references(record.kind, field, value) {
                    // (Or to a live record this person may not see: a workshop seen by all
                    // discusses commitments that only their institution and the coordination see.)
                    let unseen = world
                        .hub
                        .info(target)
                        .is_some_and(|i| i.deleted_at.is_none() && !laptop.actor.may_see(target.kind, i.owner));
                    assert!(
                        records.contains_key(&target) || unseen,
                        "{context}: {record:?}.{field} refers to {target:?}, not held (on the server: {:?})",
                        world.hub.info(target)
                    );
                }
            }
        }
        // Accounted for: every mutation given has an outcome (or was given again under a new
        // number, which has one), and each outcome is backed by the facts.
        let outcomes = replica.outcomes();
        for id in replica.issued() {
            assert!(
                outcomes.contains_key(id) || replica.renumbered().contains(id),
                "{context}: mutation {id:?} has no outcome"
            );
        }
        let conflicts_raised = outcomes.values().filter(|(_, o)| matches!(o, Outcome::Conflict { .. })).count();
        let rejected = outcomes.values().filter(|(_, o)| matches!(o, Outcome::Rejected { .. })).count();
        assert_eq!(replica.rejections().len(), rejected, "{context}: a refusal is not kept visible");
        assert!(replica.conflicts().len() <= conflicts_raised, "{context}: a conflict appeared from nowhere");
        // A conflict is still open, or was resolved, or dropped with its record (deleted, or
        // given to another institution).
        assert_eq!(
            replica.conflicts().len() + laptop.resolved + replica.dropped_conflicts(),
            conflicts_raised,
            "{context}: a conflict was lost"
        );
        // A conflict still open shows the value the server holds now, not the one it held when the
        // conflict arose: choosing "theirs" or writing a text never overwrites a later edit unseen.
        for conflict in replica.conflicts() {
            if let Some(now) = replica.value(conflict.record, &conflict.field) {
                assert_eq!(&conflict.theirs, now, "{context}: a conflict shows an outdated value as theirs");
            }
        }
        for (id, (mutation, outcome)) in outcomes {
            // A field set once is never changed; another institution's workshop, participant or
            // identity is never written (and the coordination never writes another institution's
            // identities).
            let kind = mutation.record.kind;
            if let Change::Set { field, value, .. } = &mutation.change {
                // An identity is written once: its contact fields may only be emptied.
                if is_fixed(kind, field) || (clears_only(kind, field) && *value != json!("")) {
                    assert!(
                        matches!(outcome, Outcome::Rejected { refusal: Refusal::Forbidden | Refusal::UnknownRecord }),
                        "{context}: {id:?} changed {field}, set once: {outcome:?}"
                    );
                    tally.fixed_refused += 1;
                }
            }
            if let Some(owner) = world.runner(mutation) {
                if !laptop.actor.may_write(kind, owner) {
                    assert!(
                        matches!(outcome, Outcome::Rejected { .. }),
                        "{context}: {id:?} wrote another institution's {kind:?}: {outcome:?}"
                    );
                    if is_jury(kind) {
                        tally.others_juries_refused += 1;
                    } else {
                        tally.others_workshops_refused += 1;
                    }
                }
            }
            match (outcome, &mutation.change) {
                (Outcome::Conflict { .. }, Change::Set { field, .. })
                    if kind == RecordKind::Contribution && field == "outcome" =>
                {
                    tally.trace_conflicts += 1
                }
                (Outcome::Merged { .. }, Change::Set { field, .. })
                    if kind == RecordKind::Contribution && field == "outcomeReason" =>
                {
                    tally.trace_merges += 1
                }
                (Outcome::Applied { .. }, Change::Delete { .. }) => match kind {
                    RecordKind::Workshop => tally.workshops_deleted += 1,
                    RecordKind::Contribution => tally.contributions_deleted += 1,
                    RecordKind::Identity => tally.identities_erased += 1,
                    RecordKind::JurySession => tally.jury_sessions_deleted += 1,
                    RecordKind::Juror => tally.jurors_removed += 1,
                    RecordKind::JuryApplication => tally.jury_applications_removed += 1,
                    _ => {}
                },
                (Outcome::Rejected { refusal: Refusal::InUse }, _) => tally.in_use += 1,
                (Outcome::Rejected { refusal: Refusal::JuryFull }, change) => {
                    assert!(kind == RecordKind::Juror && matches!(change, Change::Create { .. }), "{context}: {id:?}");
                    tally.jury_full += 1
                }
                (Outcome::Rejected { refusal: Refusal::AlreadyExists }, Change::Create { fields })
                    if kind == RecordKind::ScoreSheet =>
                {
                    // The same sheet typed on another laptop first, with another verdict: the server
                    // took that one, which this laptop shows (converged, above) unless withdrawn
                    // since; this one stays among the refusals, its verdict with it. (Unless in a
                    // history a restored server lost.)
                    assert!(
                        world.hub.info(mutation.record).is_some() || world.tally.server_restores > 0,
                        "{context}: {id:?} refused, never held"
                    );
                    assert!(fields.contains_key("verdict"));
                    tally.sheets_already_there += 1
                }
                _ => {}
            }
            match (outcome, &mutation.change) {
                (Outcome::Applied { version }, Change::Set { value, field, .. }) => {
                    tally.applied += 1;
                    // Its value was stored at that version, by this mutation or by someone who
                    // made the very same change first.
                    assert!(
                        written_at(version).any(|w| &w.field == field && wrote(w, value)),
                        "{context}: {id:?} applied at {version}, never written"
                    );
                }
                // Written by this mutation, or the same creation sent again after its answer was
                // lost with a restored server.
                (Outcome::Applied { version }, Change::Create { .. }) => {
                    assert!(
                        writers.contains(id) || written_at(version).any(|w| w.record == mutation.record),
                        "{context}: creation {id:?} acknowledged but not stored"
                    );
                    if withdrawn.get(&mutation.record).is_some_and(|at| at < version) {
                        // A sheet withdrawn, then handed in again under the one id it may have.
                        tally.sheets_again += 1;
                    }
                    if mutation.record.kind == RecordKind::Report {
                        assert!(!world.forged.contains(&mutation.record), "{context}: a forged signature was accepted");
                        tally.reports_applied += 1;
                    }
                }
                (Outcome::Applied { .. }, Change::Delete { .. }) => {}
                (Outcome::Merged { version, value }, _) => {
                    tally.merged += 1;
                    assert!(
                        written_at(version).any(|w| w.mutation == *id && wrote(w, value)),
                        "{context}: merge {id:?} not stored as said"
                    );
                }
                (Outcome::Conflict { .. }, _) => tally.conflicts += 1,
                (Outcome::Rejected { refusal }, change) => {
                    assert!(!refusal.message_fr().is_empty());
                    match refusal {
                        Refusal::Forbidden => tally.forbidden += 1,
                        Refusal::Invalid => tally.invalid += 1,
                        Refusal::MissingReference => tally.missing_references += 1,
                        Refusal::ChangedMeanwhile => {
                            assert!(matches!(change, Change::Delete { .. }));
                            tally.deletions_refused += 1;
                        }
                        Refusal::Recorded => {
                            assert_eq!(mutation.record.kind, RecordKind::Report);
                            assert!(!matches!(change, Change::Create { .. }));
                            tally.reports_kept += 1;
                        }
                        Refusal::HasReports => {
                            assert!(matches!(change, Change::Delete { .. }));
                            tally.reported_kept += 1;
                        }
                        _ => {}
                    }
                }
            }
        }
        tally.renumbered += replica.renumbered().len() as u64;
        tally.resent += replica.resent().len() as u64;
        // A value the app would refuse was refused, never stored.
        for rejection in replica.rejections() {
            if rejection.refusal == Refusal::Forbidden {
                let owner = world.hub.info(rejection.mutation.record).map(|i| i.owner);
                // Fields set once, and an identity's contact fields otherwise than emptied.
                let set_once = matches!(&rejection.mutation.change, Change::Set { field, value, .. }
                    if is_fixed(rejection.mutation.record.kind, field)
                        || (clears_only(rejection.mutation.record.kind, field) && *value != json!("")));
                if let (Some(owner), Change::Set { .. }, false) = (owner, &rejection.mutation.change, set_once) {
                    // (Unless its owner changed, perhaps in a history a restored server lost.)
                    let never_moved = world.hub.info(rejection.mutation.record).is_some_and(|i| i.owned_since == 0);
                    if never_moved && world.tally.server_restores == 0 {
                        assert!(
                            !laptop.actor.may_write(rejection.mutation.record.kind, owner),
                            "{context}: an allowed change was refused"
                        );
                    }
                }
            }
        }
    }
    // Personal data: no laptop whose person is not of the institution that ran the workshop holds
    // an identity of it, nor, of the institution that runs a jury, any record of it — in its
    // records, its shadow of the server's values, its conflicts or refusals — not even the
    // coordination's.
    let mut personal: Vec<RecordKey> = world
        .hub
        .writes()
        .iter()
        .chain(world.lost_writes.iter())
        .map(|w| w.record)
        .filter(|r| is_personal_data(r.kind))
        .collect();
    personal.sort();
    personal.dedup();
    for (index, laptop) in world.laptops.iter_mut().enumerate() {
        let held: std::collections::BTreeSet<RecordKey> = laptop.replica.records().into_iter().collect();
        for record in &personal {
            let Some(owner) = world.hub.info(*record).map(|i| i.owner) else { continue };
            if owner == laptop.actor.institution {
                continue;
            }
            let context = format!("seed {seed}, laptop {index} ({:?}), {:?}", laptop.actor.role, record.kind);
            assert!(!held.contains(record), "{context}: holds one of another institution");
            let shadow = ReplicaState::shadow(&mut laptop.replica, *record).unwrap();
            assert!(shadow.is_empty(), "{context}: keeps the server's values of another institution's");
            assert!(
                !laptop.replica.conflicts().iter().any(|c| c.record == *record)
                    && !laptop.replica.rejections().iter().any(|r| r.mutation.record == *record),
                "{context}: keeps another institution's in a conflict or a refusal"
            );
        }
    }
    // The server holds only what the app can store, and no record whose parent is gone.
    let everything =
        world.hub.snapshot_for(&Actor { institution: Uuid::nil(), role: Role::Coordinator, person: Uuid::nil() });
    let mut held: BTreeMap<RecordKey, BTreeMap<String, Value>> = BTreeMap::new();
    for ((record, field), value) in everything {
        held.entry(record).or_default().insert(field, value);
    }
    // (Personal data, seen only by the people of the institution that keeps it: the ministry's
    // and the authority's as their coordinators would see them.)
    for institution in [world.ministry, world.authority] {
        let everything = world.hub.snapshot_for(&Actor { institution, role: Role::Coordinator, person: Uuid::nil() });
        for ((record, field), value) in everything.into_iter().filter(|((r, _), _)| is_personal_data(r.kind)) {
            held.entry(record).or_default().insert(field, value);
        }
    }
    // A jury session never holds more than fifteen jurors, nor a juror more than one sheet for an
    // application: under the id they make.
    let mut jurors: BTreeMap<String, usize> = BTreeMap::new();
    for (record, values) in &held {
        match record.kind {
            RecordKind::Juror => *jurors.entry(values["sessionId"].to_string()).or_default() += 1,
            RecordKind::ScoreSheet => {
                let named = |field: &str| Uuid::parse_str(values[field].as_str().unwrap()).unwrap();
                assert_eq!(
                    record.id,
                    score_sheet_id(named("jurorId"), named("applicationId")),
                    "seed {seed}: a sheet under another id"
                );
            }
            _ => {}
        }
    }
    for (session, count) in jurors {
        assert!(count <= plan_ouvert_domain::JURORS_MAX, "seed {seed}: {count} jurors in session {session}");
    }
    for (record, values) in &held {
        assert_eq!(rules::check_creation(record.kind, values), Ok(()), "seed {seed}: the server holds {values:?}");
        if let Some((field, _)) = parent_field(record.kind) {
            for parent in references(record.kind, field, &values[field]) {
                assert!(held.contains_key(&parent), "seed {seed}: {record:?} outlived its parent");
            }
        }
    }
    // Evidence: every file a held report names is held whole, on the server and on each laptop
    // holding the report; the server holds each file once, and none it should not.
    let server_files: Vec<(&String, bool)> = world
        .hub
        .files
        .all()
        .map(|(sha, state, bytes)| {
            assert!(
                !state.complete || files::sha256_hex(bytes) == **sha,
                "seed {seed}: the server holds a damaged file"
            );
            (sha, state.complete)
        })
        .collect();
    assert!(server_files.len() <= EVIDENCE.len(), "seed {seed}: a file stored twice");
    for (index, laptop) in world.laptops.iter().enumerate() {
        for ((record, field), value) in laptop.replica.snapshot() {
            if record.kind != RecordKind::Report || field != "files" {
                continue;
            }
            for sha in named_files(&value) {
                let held = laptop.files.complete(&sha);
                assert!(
                    held.is_some_and(|bytes| files::sha256_hex(bytes) == sha),
                    "seed {seed}, laptop {index}: evidence {sha} of {record:?} not held whole"
                );
                assert!(world.hub.files.complete(&sha).is_some(), "seed {seed}: the server lacks {sha}");
            }
        }
    }
    // A report is written once, by its creation, and held whole as its author sent it (or, in a
    // history a restored server lost, not at all).
    for write in world.hub.writes().iter().filter(|w| w.record.kind == RecordKind::Report) {
        let first = world.hub.writes().iter().find(|w2| w2.record == write.record).expect("its own write");
        assert_eq!(first.mutation, write.mutation, "seed {seed}: a report was written by two mutations");
    }
    for laptop in &world.laptops {
        for (id, (mutation, outcome)) in laptop.replica.outcomes() {
            if let (RecordKind::Report, Change::Create { fields }, Outcome::Applied { .. }) =
                (mutation.record.kind, &mutation.change, outcome)
            {
                if world.tally.server_restores == 0 {
                    let kept: BTreeMap<String, Value> = held.get(&mutation.record).cloned().unwrap_or_default();
                    assert_eq!(&kept, fields, "seed {seed}: report {id:?} not kept as sent");
                }
            }
        }
    }
    // Every write the server made (to a record that never changed owner) came from a person
    // allowed to make it.
    for write in world.hub.writes() {
        let actor = world.rogues.get(&write.mutation.client).copied().or_else(|| {
            world
                .laptops
                .iter()
                .find(|l| {
                    l.replica.client == write.mutation.client
                        || l.replica.issued().iter().any(|id| id.client == write.mutation.client)
                })
                .map(|l| l.actor)
        });
        let info = world.hub.info(write.record).expect("a known record");
        if let (Some(actor), 0) = (actor, info.owned_since) {
            assert!(actor.may_write(write.record.kind, info.owner), "seed {seed}: a forbidden write was stored");
        }
    }
    for (count, into) in [
        (world.tally.relays, &mut tally.relays),
        (world.tally.relayed, &mut tally.relayed),
        (world.tally.dropped, &mut tally.dropped),
        (world.tally.duplicated, &mut tally.duplicated),
        (world.tally.crashes, &mut tally.crashes),
        (world.tally.resolved, &mut tally.resolved),
        (world.tally.deletions, &mut tally.deletions),
        (world.tally.lead_changes, &mut tally.lead_changes),
        (world.tally.laptop_restores, &mut tally.laptop_restores),
        (world.tally.copies, &mut tally.copies),
        (world.tally.server_restores, &mut tally.server_restores),
        (world.tally.reports, &mut tally.reports),
        (world.tally.corrections, &mut tally.corrections),
        (world.tally.forged_signatures, &mut tally.forged_signatures),
        (world.tally.files_attached, &mut tally.files_attached),
        (world.tally.chunks_lost, &mut tally.chunks_lost),
        (world.tally.forged_chunks, &mut tally.forged_chunks),
        (world.tally.uploads_resumed, &mut tally.uploads_resumed),
        (world.tally.downloads_completed, &mut tally.downloads_completed),
        (world.tally.files_missing, &mut tally.files_missing),
        (world.tally.rounds, &mut tally.rounds),
        (world.tally.workshops, &mut tally.workshops),
        (world.tally.participants, &mut tally.participants),
        (world.tally.contributions, &mut tally.contributions),
        (world.tally.votes, &mut tally.votes),
        (world.tally.traces, &mut tally.traces),
        (world.tally.fixed_refused, &mut tally.fixed_refused),
        (world.tally.others_workshops_refused, &mut tally.others_workshops_refused),
        (world.tally.identities_refused, &mut tally.identities_refused),
        (world.tally.identities_refused_to_coordination, &mut tally.identities_refused_to_coordination),
        (world.tally.jury_sessions, &mut tally.jury_sessions),
        (world.tally.jurors, &mut tally.jurors),
        (world.tally.jury_applications, &mut tally.jury_applications),
        (world.tally.sheets, &mut tally.sheets),
        (world.tally.sheets_corrected, &mut tally.sheets_corrected),
        (world.tally.sheets_withdrawn, &mut tally.sheets_withdrawn),
        (world.tally.sheets_together, &mut tally.sheets_together),
        (world.tally.jurors_together, &mut tally.jurors_together),
        (world.tally.others_juries_refused, &mut tally.others_juries_refused),
        (world.tally.juries_refused_to_coordination, &mut tally.juries_refused_to_coordination),
        (world.tally.sheets_elsewhere_refused, &mut tally.sheets_elsewhere_refused),
    ] {
        *into += count;
    }
}

fn seeds() -> Vec<u64> {
    if let Some(seed) = std::env::var("PLAN_OUVERT_SIM_SEED").ok().and_then(|s| s.parse().ok()) {
        return vec![seed];
    }
    let count = std::env::var("PLAN_OUVERT_SIM_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5_000);
    (0..count).collect()
}

#[test]
fn laptops_and_server_converge_and_every_edit_is_accounted_for() {
    let seeds = seeds();
    let mut tally = Tally::default();
    for seed in &seeds {
        run(*seed, 300, &mut tally);
    }
    eprintln!("{} seeds: {tally:?}", seeds.len());
    if seeds.len() >= 100 {
        // The schedule really did what it claims: otherwise the checks above prove nothing.
        for (what, count) in [
            ("exchange files relayed", tally.relays),
            ("mutations applied through a relay", tally.relayed),
            ("lost messages", tally.dropped),
            ("duplicated messages", tally.duplicated),
            ("crashes", tally.crashes),
            ("applied edits", tally.applied),
            ("merged edits", tally.merged),
            ("conflicts", tally.conflicts),
            ("forbidden edits", tally.forbidden),
            ("resolved conflicts", tally.resolved),
            ("invalid values refused", tally.invalid),
            ("deletions", tally.deletions),
            ("deletions refused for unseen changes", tally.deletions_refused),
            ("creations under a deleted parent", tally.missing_references),
            ("changes of lead institution", tally.lead_changes),
            ("laptops restored from a backup", tally.laptop_restores),
            ("copied data folders", tally.copies),
            ("server restores", tally.server_restores),
            ("mutations sent again under a new number", tally.renumbered),
            ("mutations a restored server lost, sent again", tally.resent),
            ("progress reports", tally.reports),
            ("progress reports accepted", tally.reports_applied),
            ("corrections of a report", tally.corrections),
            ("changes or deletions of a report refused", tally.reports_kept),
            ("deletions of what was reported on refused", tally.reported_kept),
            ("reports signed for someone else", tally.forged_signatures),
            ("reports with evidence files", tally.files_attached),
            ("file chunks lost on the way", tally.chunks_lost),
            ("forged file chunks", tally.forged_chunks),
            ("uploads resumed after a cut", tally.uploads_resumed),
            ("files downloaded whole", tally.downloads_completed),
            ("reports naming a file the server lacks, refused", tally.files_missing),
            ("reporting rounds opened", tally.rounds),
            ("workshops prepared", tally.workshops),
            ("participants taken in", tally.participants),
            ("contributions", tally.contributions),
            ("priority votes", tally.votes),
            ("contributions traced", tally.traces),
            ("conflicts on a contribution's outcome", tally.trace_conflicts),
            ("reasons of an outcome merged by paragraph", tally.trace_merges),
            ("participants' data erased", tally.identities_erased),
            ("workshops deleted", tally.workshops_deleted),
            ("contributions deleted", tally.contributions_deleted),
            ("deletions refused for records still named", tally.in_use),
            ("changes of a field set once refused", tally.fixed_refused),
            ("writes in another institution's workshop refused", tally.others_workshops_refused),
            ("identities of another institution's participants refused", tally.identities_refused),
            ("identities refused to the coordination of another institution", tally.identities_refused_to_coordination),
            ("jury sessions opened", tally.jury_sessions),
            ("jurors added", tally.jurors),
            ("jury applications", tally.jury_applications),
            ("score sheets handed in", tally.sheets),
            ("score sheets corrected", tally.sheets_corrected),
            ("score sheets withdrawn", tally.sheets_withdrawn),
            ("score sheets handed in again after a withdrawal, taken", tally.sheets_again),
            ("the same score sheet typed on two laptops", tally.sheets_together),
            ("score sheets refused as typed first on another laptop", tally.sheets_already_there),
            ("jurors added apart on two laptops past fifteen", tally.jurors_together),
            ("jurors refused past the fifteenth", tally.jury_full),
            ("jurors removed", tally.jurors_removed),
            ("jury applications removed", tally.jury_applications_removed),
            ("jury sessions deleted", tally.jury_sessions_deleted),
            ("writes of another institution's jury refused", tally.others_juries_refused),
            ("jury records refused to the coordination of another institution", tally.juries_refused_to_coordination),
            ("score sheets under another id refused", tally.sheets_elsewhere_refused),
        ] {
            assert!(count > 0, "the simulation produced no {what}");
        }
    }
}

#[test]
fn a_stale_protocol_version_is_refused_with_the_supported_one() {
    let mut ledger = MemoryLedger::new();
    let actor = Actor { institution: Uuid::nil(), role: Role::Coordinator, person: Uuid::nil() };
    let request = PullRequest { protocol: PROTOCOL_VERSION + 1, since: 0, limit: None, count: false };
    assert!(matches!(
        hub::pull(&mut ledger, &actor, &request),
        Err(hub::HubError::Protocol(ProtocolError::UnsupportedVersion { supported: PROTOCOL_VERSION }))
    ));
    let push =
        PushRequest { protocol: 0, client: ClientId(Uuid::nil()), mutations: vec![], acknowledged: 0, relay: false };
    assert!(hub::push(&mut ledger, &actor, &push).is_err());
}
