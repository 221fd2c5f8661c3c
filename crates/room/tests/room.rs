//! A workshop room with no internet, on loopback: the facilitator's laptop opens the room, a
//! colleague's laptop that never had the plan (set up before it existed) joins with the address
//! and the code, their
//! contributions meet there; the room disappears and comes back without anything lost; then the
//! facilitator's laptop alone syncs with the central server, and the coordination sees the
//! contributions of both — each applied once when the colleague syncs at last. The room reports
//! each exchange it takes in, with the laptop that made it, and counts each laptop once.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

#[path = "../../client/tests/common/mod.rs"]
mod common;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use chrono::Utc;
use common::{set_up_plan, synced, workshop_input, workshop_office};
use plan_ouvert_domain::*;
use plan_ouvert_room::{exchange, ClientId, Exchanged, OnExchange, Room, RoomError};
use plan_ouvert_store::Store;

const HATVP: &str = "Haute Autorité pour la transparence de la vie publique";

fn propose(store: &Mutex<Store>, workshop: WorkshopId, name: &str, text: &str) {
    let mut store = store.lock().unwrap();
    let person = ParticipantInput {
        name: name.into(),
        organisation_kind: OrganisationKind::Citizen,
        consent_accepted: true,
        contact_accepted: false,
        contact_email: String::new(),
    };
    let participant = store.add_participant(workshop, &person, Locale::Fr).unwrap().participant.id;
    let input = ContributionInput {
        kind: ContributionKind::Proposal,
        text: text.into(),
        about_commitment_id: None,
        about_milestone_id: None,
        proposal_ids: Vec::new(),
    };
    store.add_contribution(workshop, Some(participant), &input).unwrap();
}

fn texts(store: &Mutex<Store>, workshop: WorkshopId) -> Vec<String> {
    let mut texts: Vec<String> = store
        .lock()
        .unwrap()
        .workshop(workshop)
        .map(|d| d.contributions.into_iter().map(|c| c.contribution.text).collect())
        .unwrap_or_default();
    texts.sort();
    texts
}

/// What the room reports, kept in order, and who to give it to.
fn reports() -> (OnExchange, Arc<Mutex<Vec<Exchanged>>>) {
    let kept = Arc::new(Mutex::new(Vec::new()));
    let keep = Arc::clone(&kept);
    (Arc::new(move |exchanged: &Exchanged| keep.lock().unwrap().push(exchanged.clone())), kept)
}

/// The HATVP's workshop, prepared on the facilitator's laptop.
fn prepare(hub: &Mutex<Store>, plan: PlanId, hatvp: InstitutionId) -> WorkshopId {
    hub.lock().unwrap().create_workshop(plan, hatvp, &workshop_input("Atelier transparence", Vec::new())).unwrap().id
}

fn laptop(store: &Mutex<Store>) -> ClientId {
    store.lock().unwrap().sync_client().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contributions_meet_in_the_room_survive_its_loss_and_reach_the_server_once() {
    let office = workshop_office(HATVP, "HATVP", InstitutionKind::IndependentAuthority).await;
    let servers = &office.servers;
    let coordinator = &office.laptops[2];
    // The colleague's laptop was set up once, before there was any plan: the server knows it.
    let colleague = &office.laptops[1];
    synced(&servers[1], colleague).await;
    let (plan, hatvp, _) = set_up_plan(coordinator, HATVP, "HATVP", InstitutionKind::IndependentAuthority);
    synced(&servers[2], coordinator).await;
    // The facilitator's laptop has the plan; the colleague's has nothing of it.
    let hub = Arc::new(Mutex::new(Store::open_in(&office.dir.path().join("hub")).unwrap()));
    synced(&servers[0], &hub).await;
    let workshop = prepare(&hub, plan, hatvp);

    // The room opens; a wrong code is refused, and nothing comes in.
    let loopback: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let room = Room::open(Arc::clone(&hub), workshop, loopback, Locale::Fr, reports().0).await.unwrap();
    let http = reqwest_client();
    let wrong = if room.code == "000000" { "000001" } else { "000000" };
    let refused = exchange(&http, room.address, wrong, colleague, workshop, Locale::Fr).await;
    assert!(matches!(refused, Err(RoomError::WrongCode)), "{refused:?}");
    assert!(colleague.lock().unwrap().list_plans().unwrap().is_empty());
    // The right code: the colleague receives the workshop and the plan it is about.
    let joined = exchange(&http, room.address, &room.code, colleague, workshop, Locale::Fr).await.unwrap();
    assert!(joined.records_added > 0);
    assert_eq!(colleague.lock().unwrap().workshop(workshop).unwrap().workshop.title, "Atelier transparence");

    // Contributions typed on either laptop meet.
    propose(colleague, workshop, "Awa", "Publier les agendas chaque semaine.");
    exchange(&http, room.address, &room.code, colleague, workshop, Locale::Fr).await.unwrap();
    assert_eq!(texts(&hub, workshop), ["Publier les agendas chaque semaine."], "live on the room's laptop");
    propose(&hub, workshop, "Bruno", "Ouvrir les agendas en données ouvertes.");
    exchange(&http, room.address, &room.code, colleague, workshop, Locale::Fr).await.unwrap();
    assert_eq!(texts(colleague, workshop).len(), 2);

    // The room's laptop closes: the colleague's work stays with her, and goes once it is back.
    room.close().await;
    propose(colleague, workshop, "Chloé", "Un registre des rendez-vous.");
    let gone = exchange(&http, loopback_of(&office), "123456", colleague, workshop, Locale::Fr).await;
    assert!(matches!(gone, Err(RoomError::Unreachable(_))), "{gone:?}");
    assert_eq!(texts(colleague, workshop).len(), 3);
    let room = Room::open(Arc::clone(&hub), workshop, loopback, Locale::Fr, reports().0).await.unwrap();
    exchange(&http, room.address, &room.code, colleague, workshop, Locale::Fr).await.unwrap();
    assert_eq!(texts(&hub, workshop).len(), 3);
    room.close().await;

    // Back at the office, only the facilitator's laptop syncs: the server receives everything.
    synced(&servers[0], &hub).await;
    synced(&servers[2], coordinator).await;
    assert_eq!(texts(coordinator, workshop).len(), 3);
    let seen = coordinator.lock().unwrap().workshop(workshop).unwrap();
    assert!(seen.participants.iter().all(|p| p.identity.is_none()), "the coordination never has who they are");
    // The colleague syncs at last: her changes were taken already, each once.
    synced(&servers[1], colleague).await;
    assert_eq!(texts(colleague, workshop).len(), 3);
    synced(&servers[0], &hub).await;
    assert_eq!(texts(&hub, workshop).len(), 3);
    office.stop().await;
}

fn reqwest_client() -> reqwest::Client {
    reqwest::Client::builder().build().unwrap()
}

/// An address where nothing listens.
fn loopback_of(_: &common::Office) -> SocketAddr {
    let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    socket.local_addr().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_room_reports_each_exchange_it_takes_in_and_counts_each_laptop_once() {
    let dir = tempfile::tempdir().unwrap();
    let store = |name: &str| Mutex::new(Store::open_in(&dir.path().join(name)).unwrap());
    let hub = Arc::new(store("hub"));
    let (plan, hatvp, _) = set_up_plan(&hub, HATVP, "HATVP", InstitutionKind::IndependentAuthority);
    let workshop = prepare(&hub, plan, hatvp);
    let (told, reported) = reports();
    let loopback: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let room = Room::open(Arc::clone(&hub), workshop, loopback, Locale::Fr, told).await.unwrap();
    let http = reqwest_client();
    let (awa, bruno) = (store("awa"), store("bruno"));
    let opened = Utc::now();
    let laptops = || -> Vec<ClientId> { reported.lock().unwrap().iter().map(|e| e.laptop).collect() };

    // A wrong code is no exchange.
    let wrong = if room.code == "000000" { "000001" } else { "000000" };
    assert!(exchange(&http, room.address, wrong, &awa, workshop, Locale::Fr).await.is_err());
    assert!(laptops().is_empty());
    assert_eq!(room.attendance().last_exchange_at(), None);

    // Awa's laptop exchanges twice: two reports, one laptop.
    exchange(&http, room.address, &room.code, &awa, workshop, Locale::Fr).await.unwrap();
    propose(&awa, workshop, "Awa", "Publier les agendas chaque semaine.");
    exchange(&http, room.address, &room.code, &awa, workshop, Locale::Fr).await.unwrap();
    assert_eq!(laptops(), [laptop(&awa), laptop(&awa)]);
    assert!(reported.lock().unwrap()[1].imported.records_added > 0, "the report says what the exchange brought");
    assert_eq!(room.attendance().laptops_since(opened), 1, "the same laptop twice is one");

    // Bruno's laptop joins: two laptops.
    exchange(&http, room.address, &room.code, &bruno, workshop, Locale::Fr).await.unwrap();
    assert_eq!(laptops(), [laptop(&awa), laptop(&awa), laptop(&bruno)]);
    let attendance = room.attendance();
    assert_eq!(attendance.laptops_since(opened), 2);
    let last = reported.lock().unwrap().last().unwrap().at;
    assert_eq!(attendance.last_exchange_at(), Some(last));
    assert!(last >= opened);
    assert_eq!(attendance.laptops_since(last + chrono::Duration::seconds(1)), 0, "none since");
    room.close().await;
}
