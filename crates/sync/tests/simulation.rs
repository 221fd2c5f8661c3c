//! Deterministic simulation of sync: one server and several laptops in one process, a seeded
//! random schedule of edits (short fields, paragraphs of long texts, conflict resolutions, edits
//! of another institution's records by hand-made requests), pushes and pulls over a network that
//! loses, duplicates and reorders messages, and laptops that crash between committing locally and
//! hearing back. After the network heals and everyone syncs, the test checks that:
//!
//! - every laptop shows exactly what the server holds among the records its person may see, and
//!   nothing else;
//! - every edit made is accounted for: applied (its value was written at some version), merged,
//!   in conflict (kept, visible, with both values) or refused with a reason;
//! - nothing is pending any more.
//!
//! `PLAN_OUVERT_SIM_SEEDS=N` runs N seeds (2,000 by default); `PLAN_OUVERT_SIM_SEED=S` runs one.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::hub;
use plan_ouvert_sync::ledger::MemoryLedger;
use plan_ouvert_sync::protocol::*;
use plan_ouvert_sync::replica::Replica;
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
}

struct Laptop {
    replica: Replica,
    actor: Actor,
    /// Incremented at each crash: answers addressed to an earlier run are lost with it.
    run: u32,
}

/// How often each kind of event happened, so a run that exercised nothing cannot pass.
#[derive(Default, Debug)]
struct Tally {
    dropped: u64,
    duplicated: u64,
    crashes: u64,
    applied: u64,
    merged: u64,
    conflicts: u64,
    forbidden: u64,
    resolved: u64,
}

struct World {
    rng: Rng,
    tally: Tally,
    /// The value each `Set` mutation carried.
    sent: BTreeMap<MutationId, Value>,
    /// Conflicts each laptop resolved.
    resolved: BTreeMap<usize, usize>,
    hub: MemoryLedger,
    laptops: Vec<Laptop>,
    network: Vec<Message>,
    records: Vec<(RecordKey, Uuid)>,
}

const SHORT_FIELDS: [&str; 2] = ["title", "contactEmail"];

/// The long text edited in the simulation for each kind of record.
fn long_field(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Area => "description",
        _ => "problem",
    }
}

fn uuid(rng: &mut Rng) -> Uuid {
    Uuid::from_u64_pair(rng.next(), rng.next())
}

impl World {
    fn new(seed: u64) -> World {
        let mut rng = Rng(seed);
        let ministry = uuid(&mut rng);
        let authority = uuid(&mut rng);
        let actors = [
            Actor { institution: ministry, role: Role::Drafter },
            Actor { institution: ministry, role: Role::Drafter },
            Actor { institution: authority, role: Role::Drafter },
            Actor { institution: ministry, role: Role::Coordinator },
            Actor { institution: authority, role: Role::Reader },
        ];
        let laptops = actors
            .iter()
            .map(|actor| Laptop { replica: Replica::new(ClientId(uuid(&mut rng))), actor: *actor, run: 0 })
            .collect();
        let mut world = World {
            rng,
            tally: Tally::default(),
            sent: BTreeMap::new(),
            resolved: BTreeMap::new(),
            hub: MemoryLedger::new(),
            laptops,
            network: Vec::new(),
            records: Vec::new(),
        };
        // Each institution's first drafter creates two commitments, the coordinator an engagement
        // area (shared structure: everyone sees it, only coordinators change it); everybody syncs.
        for (laptop, owner, kind) in [
            (0, ministry, RecordKind::Commitment),
            (0, ministry, RecordKind::Commitment),
            (2, authority, RecordKind::Commitment),
            (2, authority, RecordKind::Commitment),
            (3, ministry, RecordKind::Area),
        ] {
            let record = RecordKey { kind, id: uuid(&mut world.rng) };
            let mut fields = BTreeMap::new();
            fields.insert("title".to_string(), json!("Engagement"));
            fields.insert("contactEmail".to_string(), json!(""));
            fields.insert(long_field(kind).to_string(), json!("P0.\n\nP1.\n\nP2."));
            world.laptops[laptop].replica.create(record, owner, fields);
            world.records.push((record, owner));
        }
        world.settle();
        world
    }

    fn send_push(&mut self, laptop: usize) {
        let l = &self.laptops[laptop];
        if l.replica.pending_count() > 0 {
            self.network.push(Message::PushRequest(laptop, l.run, l.replica.push_request()));
        }
    }

    fn send_pull(&mut self, laptop: usize) {
        let l = &self.laptops[laptop];
        self.network.push(Message::PullRequest(laptop, l.run, l.replica.pull_request()));
    }

    fn deliver(&mut self, message: Message) {
        match message {
            Message::PushRequest(laptop, run, request) => {
                let actor = self.laptops[laptop].actor;
                let response = hub::push(&mut self.hub, &actor, &request).expect("same protocol");
                self.network.push(Message::PushResponse(laptop, run, response));
            }
            Message::PullRequest(laptop, run, request) => {
                let actor = self.laptops[laptop].actor;
                let response = hub::pull(&mut self.hub, &actor, &request).expect("same protocol");
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
        }
    }

    /// Checked after every event: a field with edits still pending shows the person's latest
    /// edit, whatever arrives from the server meanwhile.
    fn check_own_edits_stay_visible(&self) {
        for (index, laptop) in self.laptops.iter().enumerate() {
            let mut latest: BTreeMap<(RecordKey, &str), &Value> = BTreeMap::new();
            for mutation in laptop.replica.pending() {
                if let Change::Set { field, value, .. } = &mutation.change {
                    latest.insert((mutation.record, field.as_str()), value);
                }
            }
            for ((record, field), value) in latest {
                assert_eq!(
                    laptop.replica.value(record, field),
                    Some(value),
                    "laptop {index}: a pending edit of {field} is no longer shown"
                );
            }
        }
    }

    /// One random event.
    fn step(&mut self) {
        let laptop = self.rng.below(self.laptops.len());
        match self.rng.below(100) {
            0..=34 => self.edit(laptop),
            35..=44 => self.send_push(laptop),
            45..=52 => self.send_pull(laptop),
            53..=55 => self.resolve(laptop),
            56..=57 => {
                // Crash: whatever was in flight for this laptop is lost to it; its disk is kept.
                self.laptops[laptop].run += 1;
                self.tally.crashes += 1;
            }
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
                } else {
                    self.deliver(message);
                }
            }
            _ => {}
        }
    }

    fn edit(&mut self, laptop: usize) {
        let (record, owner) = self.records[self.rng.below(self.records.len())];
        let l = &self.laptops[laptop];
        let visible = l.actor.may_see(record.kind, owner);
        // Mostly edits of what the person sees; sometimes a hand-made request on another's record.
        if !visible && !self.rng.chance(20) {
            return;
        }
        let n = self.rng.next() % 1000;
        let replica = &mut self.laptops[laptop].replica;
        if self.rng.chance(50) {
            let field = SHORT_FIELDS[self.rng.below(SHORT_FIELDS.len())];
            let value = json!(format!("{field} {n}"));
            let id = replica.edit(record, field, value.clone());
            self.sent.insert(id, value);
        } else {
            let field = long_field(record.kind);
            let current = replica.value(record, field).and_then(|v| v.as_str()).unwrap_or("").to_string();
            let mut paragraphs: Vec<String> =
                current.split("\n\n").filter(|p| !p.is_empty()).map(str::to_string).collect();
            if paragraphs.is_empty() || self.rng.chance(20) {
                paragraphs.push(format!("Ajout {n}."));
            } else {
                let i = self.rng.below(paragraphs.len());
                paragraphs[i] = format!("P{i} révisé {n}.");
            }
            let value = json!(paragraphs.join("\n\n"));
            let id = replica.edit(record, field, value.clone());
            self.sent.insert(id, value);
        }
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
        if let Some(id) = replica.resolve(index, chosen.clone()) {
            self.sent.insert(id, chosen);
        }
        *self.resolved.entry(laptop).or_default() += 1;
        self.tally.resolved += 1;
    }

    /// The network heals: everyone pushes and pulls until nothing is pending.
    fn settle(&mut self) {
        self.network.clear();
        for _ in 0..10 {
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
                self.send_pull(laptop);
                while let Some(message) = self.network.pop() {
                    self.deliver(message);
                }
            }
            if self
                .laptops
                .iter()
                .all(|l| l.replica.pending_count() == 0 && l.replica.cursor() == self.hub.current_head())
            {
                return;
            }
        }
    }
}

fn run(seed: u64, steps: usize, tally: &mut Tally) {
    let mut world = World::new(seed);
    for _ in 0..steps {
        world.step();
        world.check_own_edits_stay_visible();
    }
    world.settle();

    for (index, laptop) in world.laptops.iter().enumerate() {
        let replica = &laptop.replica;
        let context = format!("seed {seed}, laptop {index} ({:?})", laptop.actor.role);
        assert_eq!(replica.pending_count(), 0, "{context}: changes still pending");
        // Converged: exactly what the server holds among what this person may see.
        assert_eq!(replica.snapshot(), world.hub.snapshot_for(&laptop.actor), "{context}: diverged from the server");
        // Accounted for: every mutation has an outcome, and each outcome is backed by the facts.
        assert_eq!(replica.outcomes().len() as u64, replica.mutation_count(), "{context}: a mutation has no outcome");
        let conflicts_raised = replica.outcomes().values().filter(|o| matches!(o, Outcome::Conflict { .. })).count();
        let rejected = replica.outcomes().values().filter(|o| matches!(o, Outcome::Rejected { .. })).count();
        assert_eq!(replica.rejections().len(), rejected, "{context}: a refusal is not kept visible");
        assert!(replica.conflicts().len() <= conflicts_raised, "{context}: a conflict appeared from nowhere");
        let resolved = world.resolved.get(&index).copied().unwrap_or(0);
        assert_eq!(replica.conflicts().len() + resolved, conflicts_raised, "{context}: a conflict was lost");
        // A conflict still open shows the value the server holds now, not the one it held when the
        // conflict arose: choosing "theirs" or writing a text never overwrites a later edit unseen.
        for conflict in replica.conflicts() {
            if let Some(now) = replica.value(conflict.record, &conflict.field) {
                assert_eq!(&conflict.theirs, now, "{context}: a conflict shows an outdated value as theirs");
            }
        }
        for (seq, outcome) in replica.outcomes() {
            let id = MutationId { client: replica.client, seq: *seq };
            let write_at = |version: u64| world.hub.writes().iter().find(|w| w.version == version);
            match outcome {
                Outcome::Applied { version } => {
                    tally.applied += 1;
                    match world.sent.get(&id) {
                        // A field set: its value was stored at that version, by this mutation or
                        // by someone who made the very same change first.
                        Some(value) => {
                            let w = write_at(*version)
                                .unwrap_or_else(|| panic!("{context}: {seq} applied at {version}, never written"));
                            assert_eq!(&w.value, value, "{context}: {seq} applied, but another value is at {version}");
                        }
                        // A creation: written by this mutation.
                        None => assert!(
                            world.hub.writes().iter().any(|w| w.mutation == id),
                            "{context}: creation {seq} acknowledged but not stored"
                        ),
                    }
                }
                Outcome::Merged { version, value } => {
                    tally.merged += 1;
                    let w = write_at(*version).expect("the merge's write");
                    assert_eq!((&w.mutation, &w.value), (&id, value), "{context}: merge {seq} not stored as said");
                }
                Outcome::Conflict { .. } => tally.conflicts += 1,
                Outcome::Rejected { refusal } => {
                    assert!(!refusal.message_fr().is_empty());
                    if *refusal == Refusal::Forbidden {
                        tally.forbidden += 1;
                    }
                }
            }
        }
        // Every mutation of a drafter on another institution's record was refused as forbidden.
        for rejection in replica.rejections() {
            if rejection.refusal == Refusal::Forbidden {
                let owner = world.records.iter().find(|(r, _)| *r == rejection.mutation.record).map(|(_, o)| *o);
                assert!(
                    owner.is_some_and(|o| !laptop.actor.may_write(rejection.mutation.record.kind, o)),
                    "{context}: an allowed change was refused"
                );
            }
        }
    }
    tally.dropped += world.tally.dropped;
    tally.duplicated += world.tally.duplicated;
    tally.crashes += world.tally.crashes;
    tally.resolved += world.tally.resolved;
    // Every write the server made came from a person allowed to make it.
    for write in world.hub.writes() {
        let laptop = world.laptops.iter().find(|l| l.replica.client == write.mutation.client).expect("a known laptop");
        let owner = world.records.iter().find(|(r, _)| *r == write.record).map(|(_, o)| *o).expect("a known record");
        assert!(laptop.actor.may_write(write.record.kind, owner), "seed {seed}: a forbidden write was stored");
    }
}

fn seeds() -> Vec<u64> {
    if let Some(seed) = std::env::var("PLAN_OUVERT_SIM_SEED").ok().and_then(|s| s.parse().ok()) {
        return vec![seed];
    }
    let count = std::env::var("PLAN_OUVERT_SIM_SEEDS").ok().and_then(|s| s.parse().ok()).unwrap_or(2_000);
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
            ("lost messages", tally.dropped),
            ("duplicated messages", tally.duplicated),
            ("crashes", tally.crashes),
            ("applied edits", tally.applied),
            ("merged edits", tally.merged),
            ("conflicts", tally.conflicts),
            ("forbidden edits", tally.forbidden),
            ("resolved conflicts", tally.resolved),
        ] {
            assert!(count > 0, "the simulation produced no {what}");
        }
    }
}

#[test]
fn a_stale_protocol_version_is_refused_with_the_supported_one() {
    let mut ledger = MemoryLedger::new();
    let actor = Actor { institution: Uuid::nil(), role: Role::Coordinator };
    let request = PullRequest { protocol: PROTOCOL_VERSION + 1, since: 0, limit: None };
    assert!(matches!(
        hub::pull(&mut ledger, &actor, &request),
        Err(hub::HubError::Protocol(ProtocolError::UnsupportedVersion { supported: PROTOCOL_VERSION }))
    ));
    let push = PushRequest { protocol: 0, client: ClientId(Uuid::nil()), mutations: vec![] };
    assert!(hub::push(&mut ledger, &actor, &push).is_err());
}
