//! A workshop in a room with no network: the facilitator's laptop writes it to an exchange file,
//! a colleague's laptop takes the file in and, back at the office, syncs with the real server,
//! which receives the facilitator's work through it; the coordination sees the contributions
//! traced to a commitment; when the facilitator's laptop syncs at last, nothing is applied
//! twice and nothing is refused or lost.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod common;

use common::{planned_workshop_office, synced, workshop_input};
use plan_ouvert_domain::*;

const HATVP: &str = "Haute Autorité pour la transparence de la vie publique";

fn proposal(text: &str) -> ContributionInput {
    ContributionInput {
        kind: ContributionKind::Proposal,
        text: text.into(),
        about_commitment_id: None,
        about_milestone_id: None,
        proposal_ids: Vec::new(),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workshop_carried_on_a_usb_stick_reaches_the_server_once() {
    // The coordination sets the plan up, with a commitment the HATVP leads.
    let (office, plan, hatvp, area) =
        planned_workshop_office(HATVP, "HATVP", InstitutionKind::IndependentAuthority).await;
    let servers = &office.servers;
    let (facilitator, colleague, coordinator) = (&office.laptops[0], &office.laptops[1], &office.laptops[2]);
    let commitment = {
        let mut store = coordinator.lock().unwrap();
        let commitment = store.create_commitment(area, "Publier les agendas des responsables publics").unwrap();
        store.edit_commitment(commitment.id, &CommitmentEdit::LeadInstitutionId(Some(hatvp))).unwrap();
        commitment.id
    };
    synced(&servers[2], coordinator).await;
    synced(&servers[0], facilitator).await;
    synced(&servers[1], colleague).await;

    // In the room, no network: two participants, their proposals, one traced to the commitment.
    let (workshop, traced) = {
        let mut store = facilitator.lock().unwrap();
        let input = workshop_input("Atelier transparence de la vie publique", vec![commitment]);
        let workshop = store.create_workshop(plan, hatvp, &input).unwrap();
        let mut proposals = Vec::new();
        for (name, kind, text) in [
            ("Awa", OrganisationKind::Citizen, "Publier les agendas chaque semaine."),
            ("Bruno", OrganisationKind::Association, "Ouvrir les agendas en données ouvertes."),
        ] {
            let person = ParticipantInput {
                name: name.into(),
                organisation_kind: kind,
                consent_accepted: true,
                contact_accepted: false,
                contact_email: String::new(),
            };
            let participant = store.add_participant(workshop.id, &person, Locale::Fr).unwrap().participant.id;
            proposals.push(store.add_contribution(workshop.id, Some(participant), &proposal(text)).unwrap().id);
        }
        let trace = TraceInput {
            outcome: Some(ContributionOutcome::Kept),
            outcome_reason: String::new(),
            commitment_ids: vec![commitment],
            milestone_ids: Vec::new(),
        };
        store.trace_contribution(proposals[0], &trace).unwrap();
        (workshop.id, proposals[0])
    };
    let (bytes, written) =
        facilitator.lock().unwrap().write_exchange(ExchangeScope::Workshop { workshop_id: workshop }, true).unwrap();
    let imported = colleague.lock().unwrap().import_exchange(&bytes, Locale::Fr).unwrap();
    assert_eq!(imported.changes_to_relay, written.changes);

    // Back at the office, the colleague syncs: the server receives the facilitator's work.
    let report = servers[1].sync(colleague).await.unwrap();
    assert_eq!(report.relayed as u32, written.changes);
    assert_eq!(colleague.lock().unwrap().sync_relay_pending().unwrap(), 0);
    synced(&servers[2], coordinator).await;
    let came_from = coordinator.lock().unwrap().contributions_to_commitment(commitment).unwrap();
    assert_eq!(came_from.len(), 1);
    assert_eq!(came_from[0].contribution.id, traced);
    let seen = coordinator.lock().unwrap().workshop(workshop).unwrap();
    assert_eq!(seen.participants.len(), 2);
    assert!(seen.participants.iter().all(|p| p.identity.is_none()), "the coordination never has who they are");

    // The facilitator's laptop syncs at last: its changes were taken already; the same answers,
    // nothing applied twice, nothing refused.
    let client = facilitator.lock().unwrap().sync_client().unwrap();
    synced(&servers[0], facilitator).await;
    let conn = rusqlite::Connection::open(&office.db).unwrap();
    let outcomes: u32 = conn
        .query_row("SELECT count(*) FROM sync_outcome WHERE client = ?1", [client.0.to_string()], |r| r.get(0))
        .unwrap();
    assert_eq!(outcomes, written.changes, "each change applied once");
    let contributions: u32 = conn
        .query_row("SELECT count(*) FROM sync_record WHERE kind = 'contribution' AND deleted_at IS NULL", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(contributions, 2);
    synced(&servers[1], colleague).await;
    let detail = colleague.lock().unwrap().workshop(workshop).unwrap();
    assert_eq!(detail.contributions.len(), 2);
    assert!(detail.participants.iter().all(|p| p.identity.is_some()));
    // The file taken in again changes nothing.
    assert!(colleague.lock().unwrap().import_exchange(&bytes, Locale::Fr).unwrap().already);
    office.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_laptop_the_server_never_heard_from_is_relayed_nothing() {
    let (office, plan, hatvp, _) = planned_workshop_office(HATVP, "HATVP", InstitutionKind::IndependentAuthority).await;
    let servers = &office.servers;
    let (facilitator, colleague, coordinator) = (&office.laptops[0], &office.laptops[1], &office.laptops[2]);
    let input = workshop_input("Atelier", Vec::new());
    // The facilitator's laptop had nothing to send at its first sync: it still made itself known.
    synced(&servers[0], facilitator).await;
    // A laptop never connected receives the workshop by an exchange file.
    let fresh = tempfile::tempdir().unwrap();
    let stranger = std::sync::Mutex::new(plan_ouvert_store::Store::open_in(fresh.path()).unwrap());
    let workshop = {
        let mut store = facilitator.lock().unwrap();
        store.create_workshop(plan, hatvp, &input).unwrap().id
    };
    let from_known =
        facilitator.lock().unwrap().write_exchange(ExchangeScope::Workshop { workshop_id: workshop }, true).unwrap().0;
    stranger.lock().unwrap().import_exchange(&from_known, Locale::Fr).unwrap();
    // The stranger's own work, carried by the colleague, is not relayed: the server does not
    // know whose rights it would be applied with.
    stranger
        .lock()
        .unwrap()
        .add_contribution(workshop, None, &proposal("Une idée d'un poste jamais connecté."))
        .unwrap();
    let from_stranger =
        stranger.lock().unwrap().write_exchange(ExchangeScope::Workshop { workshop_id: workshop }, true).unwrap().0;
    synced(&servers[1], colleague).await;
    colleague.lock().unwrap().import_exchange(&from_known, Locale::Fr).unwrap();
    colleague.lock().unwrap().import_exchange(&from_stranger, Locale::Fr).unwrap();
    let report = servers[1].sync(colleague).await.unwrap();
    assert!(report.relayed > 0, "the known laptop's work is relayed");
    synced(&servers[2], coordinator).await;
    let texts: Vec<String> = coordinator
        .lock()
        .unwrap()
        .workshop(workshop)
        .unwrap()
        .contributions
        .into_iter()
        .map(|c| c.contribution.text)
        .collect();
    assert!(texts.is_empty(), "{texts:?}");
    assert!(colleague.lock().unwrap().sync_relay_pending().unwrap() > 0, "kept, for a later sync");
    office.stop().await;
}
