//! A laptop relays another laptop's mutations, carried in a bundle: each is applied once under
//! its author's identity, whoever brings it first; what the relaying person may not do is left
//! for the author, with no outcome kept in their name.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;

use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::hub;
use plan_ouvert_sync::ledger::MemoryLedger;
use plan_ouvert_sync::protocol::*;
use serde_json::json;
use uuid::Uuid;

const MINISTRY: Uuid = Uuid::from_u128(1);
const AUTHORITY: Uuid = Uuid::from_u128(2);

fn actor(institution: Uuid, role: Role) -> Actor {
    Actor { institution, role, person: Uuid::now_v7() }
}

fn plan(title: &str) -> BTreeMap<String, Value> {
    [
        ("country", json!("France")),
        ("title", json!(title)),
        ("periodStart", json!("2025-01-01")),
        ("periodEnd", json!("2027-12-31")),
        ("ogpPlanId", Value::Null),
        ("planNumber", Value::Null),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect()
}

/// The author's mutations 1..=n: plans created, then the first one's title changed.
fn authored(client: ClientId, n: u64) -> Vec<Mutation> {
    let first = RecordKey { kind: RecordKind::Plan, id: Uuid::from_u128(100) };
    (1..=n)
        .map(|seq| Mutation {
            id: MutationId { client, seq },
            record: if seq == n {
                first
            } else {
                RecordKey { kind: RecordKind::Plan, id: Uuid::from_u128(100 + u128::from(seq) - 1) }
            },
            change: if seq == n {
                Change::Set { field: "title".into(), value: json!("Plan 2025-2027"), base: json!("Plan 1") }
            } else {
                Change::Create { fields: plan(&format!("Plan {seq}")) }
            },
        })
        .collect()
}

fn request(client: ClientId, mutations: &[Mutation], relay: bool) -> PushRequest {
    PushRequest { protocol: PROTOCOL_VERSION, client, mutations: mutations.to_vec(), acknowledged: 0, relay }
}

#[test]
fn a_relayed_mutation_is_applied_once_and_its_author_gets_the_same_answer() {
    let mut ledger = MemoryLedger::new();
    let author = ClientId(Uuid::now_v7());
    let coordinator = actor(AUTHORITY, Role::Coordinator);
    let mutations = authored(author, 3);
    // A laptop the server never heard from: nothing is relayed of it.
    let unknown = hub::push(&mut ledger, &coordinator, &request(author, &mutations, true)).unwrap();
    assert_eq!((unknown.results.len(), unknown.next_expected), (0, 1));
    ledger.claim(author, coordinator);
    // Another coordinator's laptop brings them first.
    let relayed =
        hub::push(&mut ledger, &actor(MINISTRY, Role::Coordinator), &request(author, &mutations, true)).unwrap();
    assert_eq!(relayed.next_expected, 4);
    assert_eq!(relayed.results.len(), 3);
    let writes = ledger.writes().len();
    // The author syncs later: the same answers, nothing written again.
    let own = hub::push(&mut ledger, &coordinator, &request(author, &mutations, false)).unwrap();
    assert_eq!(own.results, relayed.results);
    assert_eq!(ledger.writes().len(), writes, "nothing applied twice");
    assert_eq!(own.identity_reused_at, None);
}

#[test]
fn what_the_relaying_person_may_not_do_is_left_to_its_author() {
    let mut ledger = MemoryLedger::new();
    let author = ClientId(Uuid::now_v7());
    ledger.claim(author, actor(AUTHORITY, Role::Coordinator));
    let mutations = authored(author, 3);
    // A drafter may not create plans: the relay stops at once, and keeps no answer.
    let relayed = hub::push(&mut ledger, &actor(MINISTRY, Role::Drafter), &request(author, &mutations, true)).unwrap();
    assert_eq!((relayed.results.len(), relayed.next_expected), (0, 1));
    // The coordinator who wrote them sends them: applied, not refused.
    let own =
        hub::push(&mut ledger, &actor(AUTHORITY, Role::Coordinator), &request(author, &mutations, false)).unwrap();
    assert_eq!(own.results.len(), 3);
    assert!(own.results.iter().all(|r| matches!(r.outcome, Outcome::Applied { .. })), "{own:?}");
}

#[test]
fn a_relay_never_skips_a_number_nor_takes_another_laptops_mutation_for_the_authors() {
    let mut ledger = MemoryLedger::new();
    let author = ClientId(Uuid::now_v7());
    let coordinator = actor(AUTHORITY, Role::Coordinator);
    ledger.claim(author, coordinator);
    let mutations = authored(author, 3);
    // An older bundle's tail, the first one missing: nothing processed.
    let relayed = hub::push(&mut ledger, &coordinator, &request(author, &mutations[1..], true)).unwrap();
    assert_eq!((relayed.results.len(), relayed.next_expected), (0, 1));
    // The author sent the first one; a relay of other content under number 2 stops there, and
    // says nothing of a reused identity (that is the author's to hear).
    hub::push(&mut ledger, &coordinator, &request(author, &mutations[..2], false)).unwrap();
    let mut forged = mutations[1..].to_vec();
    forged[0].change = Change::Create { fields: plan("Autre plan") };
    let relayed = hub::push(&mut ledger, &coordinator, &request(author, &forged, true)).unwrap();
    assert_eq!(relayed.identity_reused_at, None);
    assert!(relayed.results.is_empty() && relayed.next_expected == 3);
    // The rest of the true bundle goes on from there.
    let relayed = hub::push(&mut ledger, &coordinator, &request(author, &mutations[1..], true)).unwrap();
    assert_eq!(relayed.next_expected, 4);
}

#[test]
fn a_relay_never_lets_the_author_do_what_they_may_not() {
    let mut ledger = MemoryLedger::new();
    // A drafter's laptop wrote plans (which only the coordination creates), by hand or by an
    // older app; the coordinator who carries its file does not make them happen.
    let author = ClientId(Uuid::now_v7());
    ledger.claim(author, actor(MINISTRY, Role::Drafter));
    let mutations = authored(author, 2);
    let relayed =
        hub::push(&mut ledger, &actor(AUTHORITY, Role::Coordinator), &request(author, &mutations, true)).unwrap();
    assert_eq!((relayed.results.len(), relayed.next_expected), (0, 1));
    assert!(ledger.writes().is_empty());
}
