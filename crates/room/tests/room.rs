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

/// The room of a workshop.
fn subject(workshop_id: plan_ouvert_domain::WorkshopId) -> plan_ouvert_domain::RoomSubject {
    plan_ouvert_domain::RoomSubject::Workshop { workshop_id }
}

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
    let room = Room::open(Arc::clone(&hub), subject(workshop), loopback, Locale::Fr, reports().0).await.unwrap();
    let http = reqwest_client();
    let wrong = if room.code == "000000" { "000001" } else { "000000" };
    let refused = exchange(&http, room.address, wrong, colleague, Some(subject(workshop)), Locale::Fr).await;
    assert!(matches!(refused, Err(RoomError::WrongCode)), "{refused:?}");
    assert!(colleague.lock().unwrap().list_plans().unwrap().is_empty());
    // The right code: the colleague receives the workshop and the plan it is about.
    let joined =
        exchange(&http, room.address, &room.code, colleague, Some(subject(workshop)), Locale::Fr).await.unwrap();
    assert!(joined.records_added > 0);
    assert_eq!(colleague.lock().unwrap().workshop(workshop).unwrap().workshop.title, "Atelier transparence");

    // Contributions typed on either laptop meet.
    propose(colleague, workshop, "Awa", "Publier les agendas chaque semaine.");
    exchange(&http, room.address, &room.code, colleague, Some(subject(workshop)), Locale::Fr).await.unwrap();
    assert_eq!(texts(&hub, workshop), ["Publier les agendas chaque semaine."], "live on the room's laptop");
    propose(&hub, workshop, "Bruno", "Ouvrir les agendas en données ouvertes.");
    exchange(&http, room.address, &room.code, colleague, Some(subject(workshop)), Locale::Fr).await.unwrap();
    assert_eq!(texts(colleague, workshop).len(), 2);

    // The room's laptop closes: the colleague's work stays with her, and goes once it is back.
    room.close().await;
    propose(colleague, workshop, "Chloé", "Un registre des rendez-vous.");
    let gone = exchange(&http, loopback_of(&office), "123456", colleague, Some(subject(workshop)), Locale::Fr).await;
    assert!(matches!(gone, Err(RoomError::Unreachable(_))), "{gone:?}");
    assert_eq!(texts(colleague, workshop).len(), 3);
    let room = Room::open(Arc::clone(&hub), subject(workshop), loopback, Locale::Fr, reports().0).await.unwrap();
    exchange(&http, room.address, &room.code, colleague, Some(subject(workshop)), Locale::Fr).await.unwrap();
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
    let room = Room::open(Arc::clone(&hub), subject(workshop), loopback, Locale::Fr, told).await.unwrap();
    let http = reqwest_client();
    let (awa, bruno) = (store("awa"), store("bruno"));
    let opened = Utc::now();
    let laptops = || -> Vec<ClientId> { reported.lock().unwrap().iter().map(|e| e.laptop).collect() };

    // A wrong code is no exchange.
    let wrong = if room.code == "000000" { "000001" } else { "000000" };
    assert!(exchange(&http, room.address, wrong, &awa, Some(subject(workshop)), Locale::Fr).await.is_err());
    assert!(laptops().is_empty());
    assert_eq!(room.attendance().last_exchange_at(), None);

    // Awa's laptop exchanges twice: two reports, one laptop.
    exchange(&http, room.address, &room.code, &awa, Some(subject(workshop)), Locale::Fr).await.unwrap();
    propose(&awa, workshop, "Awa", "Publier les agendas chaque semaine.");
    exchange(&http, room.address, &room.code, &awa, Some(subject(workshop)), Locale::Fr).await.unwrap();
    assert_eq!(laptops(), [laptop(&awa), laptop(&awa)]);
    assert!(reported.lock().unwrap()[1].imported.records_added > 0, "the report says what the exchange brought");
    assert_eq!(room.attendance().laptops_since(opened), 1, "the same laptop twice is one");

    // Bruno's laptop joins: two laptops.
    exchange(&http, room.address, &room.code, &bruno, Some(subject(workshop)), Locale::Fr).await.unwrap();
    assert_eq!(laptops(), [laptop(&awa), laptop(&awa), laptop(&bruno)]);
    let attendance = room.attendance();
    assert_eq!(attendance.laptops_since(opened), 2);
    let last = reported.lock().unwrap().last().unwrap().at;
    assert_eq!(attendance.last_exchange_at(), Some(last));
    assert!(last >= opened);
    assert_eq!(attendance.laptops_since(last + chrono::Duration::seconds(1)), 0, "none since");
    room.close().await;
}

fn sheet(juror: JurorId, application: JuryApplicationId, each: i32) -> ScoreSheetInput {
    ScoreSheetInput {
        juror_id: juror,
        application_id: application,
        verdict: VerdictInput::Scores {
            scores: JuryCriterion::ALL.iter().map(|c| CriterionScore { criterion: *c, score: each }).collect(),
        },
    }
}

/// A citizen jury scored on two laptops joined to a room: the colleague's laptop, which never
/// had the session, receives it whole, its juror's sheets reach the room's laptop, and both
/// laptops rank alike; then the room's laptop alone syncs and the server holds every sheet.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_jury_is_scored_on_two_laptops_joined_to_a_room_and_ranks_alike() {
    let (office, plan, hatvp, _) =
        common::planned_workshop_office(HATVP, "HATVP", InstitutionKind::IndependentAuthority).await;
    let servers = &office.servers;
    let hub = Arc::new(Mutex::new(Store::open_in(&office.dir.path().join("hub")).unwrap()));
    synced(&servers[0], &hub).await;
    let colleague = &office.laptops[1];
    synced(&servers[1], colleague).await;
    let (session, jurors, applications) = {
        let mut store = hub.lock().unwrap();
        let input = JurySessionInput { title: "Promotion 3".into(), held_on: "2030-03-12".into(), places: Some(1) };
        let session = store.create_jury_session(plan, hatvp, &input).unwrap();
        let jurors: Vec<JurorId> = ["Lina", "Marc"]
            .iter()
            .map(|n| store.add_juror(session.id, &JurorInput { name: (*n).into() }).unwrap().id)
            .collect();
        let applications: Vec<JuryApplicationId> = ["Carte des fontaines", "Bancs publics"]
            .iter()
            .map(|title| {
                let input = JuryApplicationInput {
                    title: (*title).into(),
                    applicant: "Association".into(),
                    ..Default::default()
                };
                store.add_jury_application(session.id, &input).unwrap().id
            })
            .collect();
        (session, jurors, applications)
    };
    let subject = RoomSubject::Jury { session_id: session.id };
    let loopback: SocketAddr = "127.0.0.1:0".parse().unwrap();
    let room = Room::open(Arc::clone(&hub), subject, loopback, Locale::Fr, reports().0).await.unwrap();
    let http = reqwest_client();

    // The colleague joins without the session: the room sends it.
    let joined = exchange(&http, room.address, &room.code, colleague, None, Locale::Fr).await.unwrap();
    assert_eq!(joined.jury_session_id, Some(session.id));
    assert_eq!(RoomSubject::of(&joined), Some(subject));
    assert_eq!(colleague.lock().unwrap().jury_session(session.id).unwrap().applications.len(), 2);

    // Lina scores on the room's laptop, Marc on the colleague's.
    hub.lock().unwrap().hand_in_score_sheet(&sheet(jurors[0], applications[0], 5)).unwrap();
    hub.lock().unwrap().hand_in_score_sheet(&sheet(jurors[0], applications[1], 2)).unwrap();
    colleague.lock().unwrap().hand_in_score_sheet(&sheet(jurors[1], applications[0], 4)).unwrap();
    colleague.lock().unwrap().hand_in_score_sheet(&sheet(jurors[1], applications[1], 3)).unwrap();
    exchange(&http, room.address, &room.code, colleague, Some(subject), Locale::Fr).await.unwrap();
    let here = hub.lock().unwrap().jury_session(session.id).unwrap();
    let there = colleague.lock().unwrap().jury_session(session.id).unwrap();
    assert_eq!(here.sheets.len(), 4, "Marc's sheets reached the room's laptop");
    assert_eq!(here.ranking, there.ranking, "both laptops rank alike");
    assert_eq!(here.ranking.ranked[0].title, "Carte des fontaines");
    assert_eq!(here.ranking.ranked[0].standing, Standing::Selected);
    room.close().await;

    // Back at the office, the room's laptop syncs: the server takes every sheet, the colleague's
    // relayed under her own identity, and her own sync later finds them taken.
    synced(&servers[0], &hub).await;
    synced(&servers[1], colleague).await;
    let third = Mutex::new(Store::open_in(&office.dir.path().join("third")).unwrap());
    synced(&servers[0], &third).await;
    assert_eq!(third.lock().unwrap().jury_session(session.id).unwrap().sheets.len(), 4);
    office.stop().await;
}
