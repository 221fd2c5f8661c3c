//! An office for the workshop tests: the real server on a loopback port over a database file,
//! the coordination's institution (DITP) and one other, people with their tokens, and one laptop
//! (the app's real store) per person; the plan the coordination sets up, and a workshop's
//! preparation.

// Each test uses part of this module.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use plan_ouvert_client::Server;
use plan_ouvert_domain::{
    AreaId, AreaInput, AreaKind, CommitmentId, InstitutionId, InstitutionInput, InstitutionKind, PlanId, PlanInput,
    WorkshopInput,
};
use plan_ouvert_server::{api, database, directory, routes};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;

pub struct Office {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
    /// Each person's connection to the server, in the order given.
    pub servers: Vec<Server>,
    /// Each person's laptop, in the same order.
    pub laptops: Vec<Mutex<Store>>,
    /// Each laptop's database file.
    pub files: Vec<PathBuf>,
    task: tokio::task::JoinHandle<()>,
}

/// The server with institution `(name, acronym, kind)` and the DITP, and `people` (name,
/// acronym of their institution, role), each with a laptop.
pub async fn office(institution: (&str, &str, &str), people: &[(&str, &str, Role)]) -> Office {
    office_of(&[institution], people).await
}

/// [`office`] with several institutions besides the DITP.
pub async fn office_of(institutions: &[(&str, &str, &str)], people: &[(&str, &str, Role)]) -> Office {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let conn = database::open(&db).unwrap();
    for (name, acronym, kind) in institutions {
        directory::add_institution(&conn, name, acronym, kind).unwrap();
    }
    directory::add_institution(&conn, "Direction interministérielle de la transformation publique", "DITP", "ministry")
        .unwrap();
    for (name, acronym, role) in people {
        directory::add_person(&conn, name, acronym, *role).unwrap();
    }
    let tokens: Vec<String> = people.iter().map(|(name, ..)| directory::issue_token(&conn, name).unwrap()).collect();
    drop(conn);
    let conn = database::open(&db).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, routes::app(Arc::new(api::ServerState::new(conn)))).await;
    });
    let servers = tokens.iter().map(|t| Server::new(&url, t).unwrap()).collect();
    let laptops = people.iter().map(|(name, ..)| Mutex::new(Store::open_in(&dir.path().join(name)).unwrap())).collect();
    let files = people.iter().map(|(name, ..)| dir.path().join(name).join(plan_ouvert_store::DATABASE_FILE)).collect();
    Office { dir, db, servers, laptops, files, task }
}

/// The office of a workshop: the server with the institution `name`, whose two drafters run
/// workshops (the facilitator Dominique, laptop 0; her colleague Camille, laptop 1), and the
/// DITP's coordinator Claire (laptop 2).
pub async fn workshop_office(name: &str, acronym: &str, kind: InstitutionKind) -> Office {
    office(
        (name, acronym, kind.code()),
        &[
            ("dominique", acronym, Role::Drafter),
            ("camille", acronym, Role::Drafter),
            ("claire", "DITP", Role::Coordinator),
        ],
    )
    .await
}

/// [`workshop_office`] once the coordination has set the plan up ([`set_up_plan`]) and sent it:
/// the office, the plan, the institution and the plan's area.
pub async fn planned_workshop_office(
    name: &str,
    acronym: &str,
    kind: InstitutionKind,
) -> (Office, PlanId, InstitutionId, AreaId) {
    let office = workshop_office(name, acronym, kind).await;
    let (plan, institution, area) = set_up_plan(&office.laptops[2], name, acronym, kind);
    synced(&office.servers[2], &office.laptops[2]).await;
    (office, plan, institution, area)
}

/// A workshop titled `title` that Dominique facilitates, on `commitments` (held in 2026, its
/// participants' data kept a year).
pub fn workshop_input(title: &str, commitments: Vec<CommitmentId>) -> WorkshopInput {
    WorkshopInput {
        title: title.into(),
        held_on: "2026-03-12".into(),
        place: "Salle 204".into(),
        area_id: None,
        commitment_ids: commitments,
        facilitator: "Dominique".into(),
        consent_text: "Vos contributions sont enregistrées.".into(),
        keep_until: "2027-03-12".into(),
    }
}

impl Office {
    /// Stops the server and closes the laptops (their database files may then be read whole).
    pub async fn stop(self) -> (tempfile::TempDir, PathBuf, Vec<PathBuf>) {
        self.task.abort();
        let _ = self.task.await;
        drop(self.laptops);
        (self.dir, self.db, self.files)
    }
}

/// One exchange with the server, after which nothing is left to send, in conflict or refused.
pub async fn synced(server: &Server, store: &Mutex<Store>) {
    server.sync(store).await.unwrap();
    let counts = store.lock().unwrap().sync_counts().unwrap();
    assert_eq!((counts.pending, counts.conflicts, counts.rejections), (0, 0, 0), "everything was taken");
}

/// The coordination's laptop sets the plan up: the institution, a plan, an engagement area.
pub fn set_up_plan(
    store: &Mutex<Store>,
    name: &str,
    acronym: &str,
    kind: InstitutionKind,
) -> (PlanId, InstitutionId, AreaId) {
    let mut store = store.lock().unwrap();
    let institution =
        store.create_institution(&InstitutionInput { name: name.into(), acronym: acronym.into(), kind }).unwrap();
    let plan = store
        .create_plan(&PlanInput {
            country: "France".into(),
            title: "Plan d'action national 2025-2027".into(),
            period_start: "2025-01-01".into(),
            period_end: "2027-12-31".into(),
        })
        .unwrap();
    let area = store
        .create_area(
            plan.id,
            &AreaInput { kind: AreaKind::Thematic, title: "Transparence".into(), description: String::new() },
        )
        .unwrap();
    (plan.id, institution.id, area.id)
}

/// The HATVP's office with `people`, whose first laptop writes a plan of `commitments`
/// commitments and sends it: a plan the others then receive whole.
pub async fn office_with_plan(people: &[(&str, &str, Role)], commitments: usize) -> (Office, PlanId) {
    let hatvp = "Haute Autorité pour la transparence de la vie publique";
    let office = office((hatvp, "HATVP", "independentAuthority"), people).await;
    let (plan, _, area) = set_up_plan(&office.laptops[0], hatvp, "HATVP", InstitutionKind::IndependentAuthority);
    {
        let mut writer = office.laptops[0].lock().unwrap();
        for n in 1..=commitments {
            writer.create_commitment(area, &format!("Publier les données du registre numéro {n}")).unwrap();
        }
    }
    synced(&office.servers[0], &office.laptops[0]).await;
    (office, plan)
}
