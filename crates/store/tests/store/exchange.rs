//! Exchange files between laptops with no network: a workshop written on one, taken in on
//! another — whole or not at all, once, in any order, under the sync rules — with who the
//! participants are only on the institution's own laptops.

use plan_ouvert_domain::*;
use plan_ouvert_store::{Error, ExchangeRefusal, Store};
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::bundle::BundleError;

use crate::helpers::{person, sign_in, world, World};

struct Room {
    w: World,
    commitment: Commitment,
    workshop: Workshop,
    proposal: Contribution,
}

fn room() -> Room {
    let mut w = world();
    let commitment = w.store.create_commitment(w.area.id, "Publier les agendas").unwrap();
    let hatvp = w.hatvp.id;
    w.store.edit_commitment(commitment.id, &CommitmentEdit::LeadInstitutionId(Some(hatvp))).unwrap();
    let input = WorkshopInput {
        title: "Atelier transparence".into(),
        held_on: "2023-03-12".into(),
        place: "Paris".into(),
        area_id: Some(w.area.id),
        commitment_ids: vec![commitment.id],
        facilitator: "Claire Martin".into(),
        consent_text: "Vos contributions sont enregistrées.".into(),
        keep_until: "2024-03-11".into(),
    };
    let workshop = w.store.create_workshop(w.plan.id, hatvp, &input).unwrap();
    let awa = ParticipantInput {
        name: "Awa".into(),
        organisation_kind: OrganisationKind::Citizen,
        consent_accepted: true,
        contact_accepted: false,
        contact_email: String::new(),
    };
    let awa = w.store.add_participant(workshop.id, &awa, Locale::Fr).unwrap().participant.id;
    let proposal = ContributionInput {
        kind: ContributionKind::Proposal,
        text: "Publier les agendas des ministres.".into(),
        about_commitment_id: None,
        about_milestone_id: None,
        proposal_ids: Vec::new(),
    };
    let proposal = w.store.add_contribution(workshop.id, Some(awa), &proposal).unwrap();
    Room { w, commitment, workshop, proposal }
}

fn write(store: &mut Store, workshop: WorkshopId, personal: bool) -> Vec<u8> {
    store.write_exchange(ExchangeScope::Workshop { workshop_id: workshop }, personal).unwrap().0
}

fn kept(commitment: CommitmentId) -> TraceInput {
    TraceInput {
        outcome: Some(ContributionOutcome::Kept),
        outcome_reason: String::new(),
        commitment_ids: vec![commitment],
        milestone_ids: Vec::new(),
    }
}

#[test]
fn a_workshop_goes_whole_to_a_laptop_that_never_had_the_plan_and_once_only() {
    let Room { mut w, workshop, .. } = room();
    let (bytes, written) = w.store.write_exchange(ExchangeScope::Workshop { workshop_id: workshop.id }, true).unwrap();
    assert!(written.personal_data);
    assert!(written.changes > 0 && written.records >= 7, "{written:?}");
    let mut other = Store::open_in_memory().unwrap();
    let imported = other.import_exchange(&bytes, Locale::Fr).unwrap();
    assert!(!imported.already);
    assert_eq!(imported.workshop_id, Some(workshop.id));
    assert_eq!(imported.changes_to_relay, written.changes);
    let detail = other.workshop(workshop.id).unwrap();
    assert_eq!(detail.participants[0].identity.as_ref().unwrap().name, "Awa");
    assert_eq!(detail.contributions.len(), 1);
    assert_eq!(detail.discussed[0].title, "Publier les agendas");
    assert_eq!(other.sync_counts().unwrap().pending, 0, "nothing of its own to send: it relays");
    assert_eq!(other.sync_relay_pending().unwrap(), written.changes);
    let requests = other.sync_relay_requests().unwrap();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].relay);
    assert_eq!(requests[0].client, w.store.sync_client().unwrap());
    // The same file again: nothing changes.
    let again = other.import_exchange(&bytes, Locale::Fr).unwrap();
    assert!(again.already);
    assert_eq!(other.sync_relay_pending().unwrap(), written.changes);
    // A laptop does not import its own file.
    assert!(matches!(w.store.import_exchange(&bytes, Locale::Fr), Err(Error::Exchange(ExchangeRefusal::OwnFile))));
}

#[test]
fn a_file_cut_short_or_changed_is_refused_and_nothing_is_stored() {
    let Room { mut w, workshop, .. } = room();
    let bytes = write(&mut w.store, workshop.id, true);
    let mut other = Store::open_in_memory().unwrap();
    let cut = other.import_exchange(&bytes[..bytes.len() / 2], Locale::Fr).unwrap_err();
    assert!(matches!(cut, Error::Exchange(ExchangeRefusal::File(BundleError::Truncated { .. }))));
    assert!(cut.to_failure(Locale::Fr).message.contains("incomplet"));
    let mut changed = bytes.clone();
    let at = changed.len() - 40;
    changed[at] = if changed[at] == b'a' { b'b' } else { b'a' };
    assert!(matches!(
        other.import_exchange(&changed, Locale::Fr),
        Err(Error::Exchange(ExchangeRefusal::File(BundleError::Damaged)))
    ));
    assert!(other.list_plans().unwrap().is_empty(), "nothing stored");
    assert_eq!(other.sync_relay_pending().unwrap(), 0);
    // The whole file still goes in afterwards.
    other.import_exchange(&bytes, Locale::Fr).unwrap();
    assert_eq!(other.list_plans().unwrap().len(), 1);
}

#[test]
fn files_imported_in_the_wrong_order_end_where_the_newest_says() {
    let Room { mut w, commitment, workshop, proposal } = room();
    let older = write(&mut w.store, workshop.id, true);
    w.store.trace_contribution(proposal.id, &kept(commitment.id)).unwrap();
    let newer = write(&mut w.store, workshop.id, true);
    let mut other = Store::open_in_memory().unwrap();
    other.import_exchange(&newer, Locale::Fr).unwrap();
    let older = other.import_exchange(&older, Locale::Fr).unwrap();
    assert_eq!((older.records_added, older.changes_applied, older.changes_to_relay), (0, 0, 0));
    let detail = other.workshop(workshop.id).unwrap();
    assert_eq!(detail.contributions[0].contribution.outcome, Some(ContributionOutcome::Kept));
    assert_eq!(other.contributions_to_commitment(commitment.id).unwrap().len(), 1);
    assert_eq!(
        other.sync_relay_pending().unwrap() as usize,
        w.store.sync_push_request().unwrap().unwrap().mutations.len()
    );
}

#[test]
fn a_change_of_the_other_laptop_is_taken_as_a_pull_would_take_it() {
    let Room { mut w, commitment, workshop, proposal } = room();
    let first = write(&mut w.store, workshop.id, true);
    let mut other = Store::open_in_memory().unwrap();
    other.import_exchange(&first, Locale::Fr).unwrap();
    // Here, someone says why the proposal is kept; there, the facilitator traces it too.
    let here = TraceInput { outcome_reason: "Reprise dans l'engagement.".into(), ..kept(commitment.id) };
    other.trace_contribution(proposal.id, &here).unwrap();
    let there = TraceInput { outcome_reason: "Reprise telle quelle.".into(), ..kept(commitment.id) };
    w.store.trace_contribution(proposal.id, &there).unwrap();
    let second = write(&mut w.store, workshop.id, true);
    let imported = other.import_exchange(&second, Locale::Fr).unwrap();
    assert!(imported.changes_to_relay > 0);
    // This laptop's own change waits for the server to decide between the two.
    let detail = other.workshop(workshop.id).unwrap();
    assert_eq!(detail.contributions[0].contribution.outcome_reason, "Reprise dans l'engagement.");
    assert_eq!(detail.contributions[0].contribution.outcome, Some(ContributionOutcome::Kept));
}

#[test]
fn who_the_participants_are_goes_only_to_the_institutions_own_laptops() {
    let Room { mut w, workshop, .. } = room();
    let personal = write(&mut w.store, workshop.id, true);
    let anonymous = write(&mut w.store, workshop.id, false);
    assert_ne!(personal, anonymous);
    let hatvp = w.hatvp.clone();
    let ministry = w.ministry.clone();
    // A laptop of the ministry (the coordination, even) does not take who they are.
    let mut other = Store::open_in_memory().unwrap();
    sign_in(&mut other, &person("Camille", &ministry, Role::Coordinator));
    let refused = other.import_exchange(&personal, Locale::Fr).unwrap_err();
    assert!(
        matches!(&refused, Error::Exchange(ExchangeRefusal::PersonalData { institution }) if institution == &hatvp.name)
    );
    assert!(other.list_plans().unwrap().is_empty());
    let imported = other.import_exchange(&anonymous, Locale::Fr).unwrap();
    assert!(imported.records_added > 0);
    let detail = other.workshop(workshop.id).unwrap();
    assert_eq!(detail.participants.len(), 1, "counted");
    assert!(detail.participants[0].identity.is_none(), "never named");
    // A laptop of the HATVP takes it whole.
    let mut own = Store::open_in_memory().unwrap();
    sign_in(&mut own, &person("Dominique", &hatvp, Role::Drafter));
    own.import_exchange(&personal, Locale::Fr).unwrap();
    assert!(own.workshop(workshop.id).unwrap().participants[0].identity.is_some());
}
