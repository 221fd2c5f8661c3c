//! A workshop participant asks to be erased: who they are leaves the laptop where it is asked,
//! the server and every other laptop of the institution that had it — not a value left in any
//! table, nor any byte in the database files — while the participant stays, anonymous, with
//! their contributions; the coordination of another institution never had it.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use plan_ouvert_client::Server;
use plan_ouvert_domain::{
    AreaInput, AreaKind, ContributionInput, ContributionKind, InstitutionInput, InstitutionKind, Locale,
    OrganisationKind, ParticipantInput, PlanInput, WorkshopInput,
};
use plan_ouvert_server::{api, database, directory, routes};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;

const MINISTRY: &str = "Ministère de la Transition écologique";
const NAME: &str = "Awa Diallo";
const EMAIL: &str = "awa.diallo@example.org";

async fn start(db: &Path) -> (String, tokio::task::JoinHandle<()>) {
    let conn = database::open(db).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, routes::app(Arc::new(api::ServerState::new(conn)))).await;
    });
    (url, task)
}

fn laptop(dir: &Path) -> Mutex<Store> {
    Mutex::new(Store::open_in(dir).unwrap())
}

async fn synced(server: &Server, store: &Mutex<Store>) {
    server.sync(store).await.unwrap();
    assert_eq!(store.lock().unwrap().sync_counts().unwrap().pending, 0, "everything was taken");
}

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
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let conn = database::open(&db).unwrap();
    directory::add_institution(&conn, MINISTRY, "MTE", "ministry").unwrap();
    directory::add_institution(&conn, "Direction interministérielle de la transformation publique", "DITP", "ministry")
        .unwrap();
    directory::add_person(&conn, "dominique", "MTE", Role::Drafter).unwrap();
    directory::add_person(&conn, "camille", "MTE", Role::Drafter).unwrap();
    directory::add_person(&conn, "claire", "DITP", Role::Coordinator).unwrap();
    let tokens: Vec<String> =
        ["dominique", "camille", "claire"].iter().map(|p| directory::issue_token(&conn, p).unwrap()).collect();
    drop(conn);
    let (url, task) = start(&db).await;
    let servers: Vec<Server> = tokens.iter().map(|t| Server::new(&url, t).unwrap()).collect();
    let folders: Vec<PathBuf> = ["dominique", "camille", "claire"].iter().map(|p| dir.path().join(p)).collect();
    let (facilitator, colleague, coordinator) = (laptop(&folders[0]), laptop(&folders[1]), laptop(&folders[2]));

    // The coordination sets up the plan; the ministry's facilitator runs a workshop on it.
    let plan = {
        let mut store = coordinator.lock().unwrap();
        store
            .create_institution(&InstitutionInput {
                name: MINISTRY.into(),
                acronym: "MTE".into(),
                kind: InstitutionKind::Ministry,
            })
            .unwrap();
        let plan = store
            .create_plan(&PlanInput {
                country: "France".into(),
                title: "Plan d'action national 2025-2027".into(),
                period_start: "2025-01-01".into(),
                period_end: "2027-12-31".into(),
            })
            .unwrap();
        store
            .create_area(
                plan.id,
                &AreaInput { kind: AreaKind::Thematic, title: "Transparence".into(), description: String::new() },
            )
            .unwrap();
        plan.id
    };
    synced(&servers[2], &coordinator).await;
    synced(&servers[0], &facilitator).await;
    let (workshop, participant) = {
        let mut store = facilitator.lock().unwrap();
        let ministry = store.list_institutions().unwrap().into_iter().find(|i| i.name == MINISTRY).unwrap().id;
        let workshop = store
            .create_workshop(
                plan,
                ministry,
                &WorkshopInput {
                    title: "Atelier données ouvertes".into(),
                    held_on: "2026-03-12".into(),
                    place: "Paris".into(),
                    area_id: None,
                    commitment_ids: Vec::new(),
                    facilitator: "Dominique".into(),
                    consent_text: "Vos contributions sont enregistrées.".into(),
                    keep_until: "2027-03-12".into(),
                },
            )
            .unwrap();
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
    synced(&servers[0], &facilitator).await;
    synced(&servers[1], &colleague).await;
    synced(&servers[2], &coordinator).await;
    // The institution's two laptops know who took part; the coordination of another one does not.
    let names = |store: &Mutex<Store>| -> Vec<Option<String>> {
        let detail = store.lock().unwrap().workshop(workshop).unwrap();
        detail.participants.iter().map(|p| p.identity.as_ref().map(|i| i.name.clone())).collect()
    };
    assert_eq!(names(&colleague), [Some(NAME.to_string())]);
    assert_eq!(names(&coordinator), [None]);
    let file = |i: usize| folders[i].join(plan_ouvert_store::DATABASE_FILE);
    assert!(holds(&file(0), NAME) && holds(&file(1), EMAIL) && holds(&db, NAME), "the files read are the stores");
    assert!(!holds(&file(2), NAME) && !holds(&file(2), EMAIL));

    // Awa asks to be erased.
    facilitator.lock().unwrap().erase_participant(participant).unwrap();
    synced(&servers[0], &facilitator).await;
    synced(&servers[1], &colleague).await;
    synced(&servers[2], &coordinator).await;
    for store in [&facilitator, &colleague, &coordinator] {
        let detail = store.lock().unwrap().workshop(workshop).unwrap();
        assert_eq!(detail.participants.len(), 1, "the participant stays, anonymous");
        assert!(detail.participants[0].identity.is_none());
        assert_eq!(detail.contributions.len(), 1, "with their contribution");
        assert_eq!(detail.contributions[0].author_kind, Some(OrganisationKind::Association));
    }
    drop((facilitator, colleague, coordinator));
    task.abort();
    let _ = task.await;
    for file in (0..3).map(file).chain([db.clone()]) {
        assert_no_trace(&file, NAME);
        assert_no_trace(&file, EMAIL);
    }
}
