//! A workshop participant asks to be erased: who they are leaves the laptop where it is asked,
//! the server and every other laptop of the institution that had it — not a value left in any
//! table, nor any byte in the database files — while the participant stays, anonymous, with
//! their contributions; the coordination of another institution never had it.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::sync::Mutex;

use common::{planned_workshop_office, synced, workshop_input};
use plan_ouvert_domain::{
    ContributionInput, ContributionKind, InstitutionKind, Locale, OrganisationKind, ParticipantInput,
};
use plan_ouvert_store::Store;

const MINISTRY: &str = "Ministère de la Transition écologique";
const NAME: &str = "Awa Diallo";
const EMAIL: &str = "awa.diallo@example.org";

/// Every text value of every table of the database, and its bytes once its journal is folded in.
fn traces(db: &Path) -> (Vec<String>, Vec<u8>) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut texts = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                if let rusqlite::types::ValueRef::Text(text) = row.get_ref(i).unwrap() {
                    texts.push(format!("{table}: {}", String::from_utf8_lossy(text)));
                }
            }
        }
    }
    drop(conn);
    (texts, std::fs::read(db).unwrap())
}

fn assert_no_trace(db: &Path, of: &str) {
    let (texts, bytes) = traces(db);
    let found: Vec<&String> = texts.iter().filter(|t| t.contains(of)).collect();
    assert!(found.is_empty(), "{of} still in {}: {found:?}", db.display());
    let needle = of.as_bytes();
    assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{of} still in the bytes of {}", db.display());
}

fn holds(db: &Path, of: &str) -> bool {
    traces(db).0.iter().any(|t| t.contains(of))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_erased_participant_leaves_no_trace_on_any_laptop_nor_on_the_server() {
    // The coordination sets up the plan; the ministry's facilitator runs a workshop on it.
    let (office, plan, ..) = planned_workshop_office(MINISTRY, "MTE", InstitutionKind::Ministry).await;
    let servers = &office.servers;
    let (facilitator, colleague, coordinator) = (&office.laptops[0], &office.laptops[1], &office.laptops[2]);
    synced(&servers[0], facilitator).await;
    let (workshop, participant) = {
        let mut store = facilitator.lock().unwrap();
        let ministry = store.list_institutions().unwrap().into_iter().find(|i| i.name == MINISTRY).unwrap().id;
        let workshop =
            store.create_workshop(plan, ministry, &workshop_input("Atelier données ouvertes", Vec::new())).unwrap();
        let input = ParticipantInput {
            name: NAME.into(),
            organisation_kind: OrganisationKind::Association,
            consent_accepted: true,
            contact_accepted: true,
            contact_email: EMAIL.into(),
        };
        let participant = store.add_participant(workshop.id, &input, Locale::Fr).unwrap().participant.id;
        let proposal = ContributionInput {
            kind: ContributionKind::Proposal,
            text: "Publier les jeux de données des collectivités.".into(),
            about_commitment_id: None,
            about_milestone_id: None,
            proposal_ids: Vec::new(),
        };
        store.add_contribution(workshop.id, Some(participant), &proposal).unwrap();
        (workshop.id, participant)
    };
    synced(&servers[0], facilitator).await;
    synced(&servers[1], colleague).await;
    synced(&servers[2], coordinator).await;
    // The institution's two laptops know who took part; the coordination of another one does not.
    let names = |store: &Mutex<Store>| -> Vec<Option<String>> {
        let detail = store.lock().unwrap().workshop(workshop).unwrap();
        detail.participants.iter().map(|p| p.identity.as_ref().map(|i| i.name.clone())).collect()
    };
    assert_eq!(names(colleague), [Some(NAME.to_string())]);
    assert_eq!(names(coordinator), [None]);
    let file = |i: usize| office.files[i].clone();
    assert!(
        holds(&file(0), NAME) && holds(&file(1), EMAIL) && holds(&office.db, NAME),
        "the files read are the stores"
    );
    assert!(!holds(&file(2), NAME) && !holds(&file(2), EMAIL));

    // Awa asks to be erased.
    facilitator.lock().unwrap().erase_participant(participant).unwrap();
    synced(&servers[0], facilitator).await;
    synced(&servers[1], colleague).await;
    synced(&servers[2], coordinator).await;
    for store in [facilitator, colleague, coordinator] {
        let detail = store.lock().unwrap().workshop(workshop).unwrap();
        assert_eq!(detail.participants.len(), 1, "the participant stays, anonymous");
        assert!(detail.participants[0].identity.is_none());
        assert_eq!(detail.contributions.len(), 1, "with their contribution");
        assert_eq!(detail.contributions[0].author_kind, Some(OrganisationKind::Association));
    }
    let (_dir, db, files) = office.stop().await;
    for file in files.into_iter().chain([db]) {
        assert_no_trace(&file, NAME);
        assert_no_trace(&file, EMAIL);
    }
}
