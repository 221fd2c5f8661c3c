//! Laptops (the app's real store and client) syncing with the real server on a loopback port,
//! through what goes wrong in ordinary offices: the server's database restored from a backup
//! (with or without the administrator saying so), and a laptop's data folder copied to another.
//! After each, every edit a person saw saved is on the server, and every laptop shows what the
//! server holds. And a workshop held on one laptop: who took part reaches only the laptops of
//! the institution that ran it.

// Tests say what they expect with unwrap: a failure there is the test failing, with its line.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use plan_ouvert_client::Server;
use plan_ouvert_domain::{
    AreaInput, AreaKind, CommitmentEdit, CommitmentId, InstitutionInput, InstitutionKind, PlanInput,
};
use plan_ouvert_server::ledger::SqliteLedger;
use plan_ouvert_server::{api, database, directory, routes};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;

const MINISTRY: &str = "Ministère de la Transition écologique";

/// The server on a database file, until dropped.
struct Running {
    url: String,
    task: tokio::task::JoinHandle<()>,
}

async fn start(db: &Path) -> Running {
    let conn = database::open(db).unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, routes::app(Arc::new(api::ServerState::new(conn)))).await;
    });
    Running { url, task }
}

async fn stop(running: Running) {
    running.task.abort();
    let _ = running.task.await;
}

struct Office {
    _dir: tempfile::TempDir,
    db: PathBuf,
    drafter: String,
    coordinator: String,
}

/// A server database with a ministry drafter and a coordinator, and their tokens.
fn office() -> Office {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("server.sqlite3");
    let conn = database::open(&db).unwrap();
    directory::add_institution(&conn, MINISTRY, "MTE", "ministry").unwrap();
    directory::add_institution(&conn, "Direction interministérielle de la transformation publique", "DITP", "ministry")
        .unwrap();
    directory::add_person(&conn, "dominique", "MTE", Role::Drafter).unwrap();
    directory::add_person(&conn, "claire", "DITP", Role::Coordinator).unwrap();
    let drafter = directory::issue_token(&conn, "dominique").unwrap();
    let coordinator = directory::issue_token(&conn, "claire").unwrap();
    Office { _dir: dir, db, drafter, coordinator }
}

fn laptop(dir: &Path) -> Mutex<Store> {
    Mutex::new(Store::open_in(dir).unwrap())
}

/// The coordinator's laptop sets up the plan: the ministry, a plan, an engagement area.
fn set_up(store: &Mutex<Store>) -> plan_ouvert_domain::AreaId {
    let mut store = store.lock().unwrap();
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
        .unwrap()
        .id
}

/// The drafter writes a commitment led by the ministry.
fn draft(store: &Mutex<Store>, area: plan_ouvert_domain::AreaId) -> CommitmentId {
    let mut store = store.lock().unwrap();
    let ministry = store.list_institutions().unwrap().into_iter().find(|i| i.name == MINISTRY).unwrap().id;
    let commitment = store.create_commitment(area, "Ouvrir les données").unwrap();
    store.edit_commitment(commitment.id, &CommitmentEdit::LeadInstitutionId(Some(ministry))).unwrap();
    commitment.id
}

fn edit(store: &Mutex<Store>, id: CommitmentId, edit: CommitmentEdit) {
    store.lock().unwrap().edit_commitment(id, &edit).unwrap();
}

fn title(store: &Mutex<Store>, id: CommitmentId) -> String {
    store.lock().unwrap().commitment(id).unwrap().title
}

fn problem(store: &Mutex<Store>, id: CommitmentId) -> String {
    store.lock().unwrap().commitment(id).unwrap().problem
}

/// A copy of the server's database, as a nightly backup would take it.
fn backup(db: &Path, to: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute("VACUUM INTO ?1", [to.to_str().unwrap()]).unwrap();
}

/// The database file replaced by the backup (the server stopped).
fn put_back(backup: &Path, db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    std::fs::copy(backup, db).unwrap();
}

async fn synced(server: &Server, store: &Mutex<Store>) {
    server.sync(store).await.unwrap();
    assert_eq!(store.lock().unwrap().sync_counts().unwrap().pending, 0, "everything was taken");
}

async fn restored_server_gets_back_what_it_lost(say_so: bool) {
    let office = office();
    let folders = tempfile::tempdir().unwrap();
    let (coordinator, drafter) = (laptop(&folders.path().join("c")), laptop(&folders.path().join("d")));
    let running = start(&office.db).await;
    let as_coordinator = Server::new(&running.url, &office.coordinator).unwrap();
    let as_drafter = Server::new(&running.url, &office.drafter).unwrap();
    let area = set_up(&coordinator);
    synced(&as_coordinator, &coordinator).await;
    synced(&as_drafter, &drafter).await;
    let commitment = draft(&drafter, area);
    synced(&as_drafter, &drafter).await;
    synced(&as_coordinator, &coordinator).await;

    // Tonight's backup; tomorrow's work; then the disk fails and the backup is put back.
    stop(running).await;
    let saved = folders.path().join("backup.sqlite3");
    backup(&office.db, &saved);
    let running = start(&office.db).await;
    let (as_coordinator, as_drafter) =
        (Server::new(&running.url, &office.coordinator).unwrap(), Server::new(&running.url, &office.drafter).unwrap());
    edit(&drafter, commitment, CommitmentEdit::Title("Ouvrir toutes les données publiques".into()));
    edit(&drafter, commitment, CommitmentEdit::Problem("Les données sont dispersées.\n\nEt incomplètes.".into()));
    synced(&as_drafter, &drafter).await;
    synced(&as_coordinator, &coordinator).await;
    assert_eq!(title(&coordinator, commitment), "Ouvrir toutes les données publiques");
    stop(running).await;
    put_back(&saved, &office.db);
    if say_so {
        let mut conn = database::open(&office.db).unwrap();
        SqliteLedger::new(&mut conn).restored().unwrap();
    }

    // The drafter's laptop sends again what the server lost, the coordinator's receives it.
    let running = start(&office.db).await;
    let (as_coordinator, as_drafter) =
        (Server::new(&running.url, &office.coordinator).unwrap(), Server::new(&running.url, &office.drafter).unwrap());
    synced(&as_drafter, &drafter).await;
    synced(&as_coordinator, &coordinator).await;
    // A new colleague's laptop receives from the server alone: the edits are there.
    let newcomer = laptop(&folders.path().join("n"));
    synced(&as_coordinator, &newcomer).await;
    for store in [&drafter, &coordinator, &newcomer] {
        assert_eq!(title(store, commitment), "Ouvrir toutes les données publiques");
        assert_eq!(problem(store, commitment), "Les données sont dispersées.\n\nEt incomplètes.");
    }
    // And the work goes on.
    edit(&coordinator, commitment, CommitmentEdit::Title("Ouvrir les données publiques".into()));
    synced(&as_coordinator, &coordinator).await;
    synced(&as_drafter, &drafter).await;
    assert_eq!(title(&drafter, commitment), "Ouvrir les données publiques");
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_restored_from_a_backup_gets_back_what_it_lost() {
    restored_server_gets_back_what_it_lost(true).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_restored_without_saying_so_gets_back_what_it_lost_too() {
    restored_server_gets_back_what_it_lost(false).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_copied_data_folder_takes_its_own_identity_and_both_laptops_edits_arrive() {
    let office = office();
    let folders = tempfile::tempdir().unwrap();
    let coordinator = laptop(&folders.path().join("c"));
    let original = folders.path().join("d");
    let running = start(&office.db).await;
    let as_coordinator = Server::new(&running.url, &office.coordinator).unwrap();
    let as_drafter = Server::new(&running.url, &office.drafter).unwrap();
    let area = set_up(&coordinator);
    synced(&as_coordinator, &coordinator).await;
    let drafter = laptop(&original);
    synced(&as_drafter, &drafter).await;
    let commitment = draft(&drafter, area);
    synced(&as_drafter, &drafter).await;

    // The data folder is copied to a second laptop (closed first, as a copy would be).
    drop(drafter);
    let copy = folders.path().join("d2");
    std::fs::create_dir_all(&copy).unwrap();
    for entry in std::fs::read_dir(&original).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join(entry.file_name())).unwrap();
    }
    let (first, second) = (laptop(&original), laptop(&copy));
    // Each edits a different field: both numbered as the same next change of the same laptop.
    edit(&first, commitment, CommitmentEdit::Title("Titre écrit sur le premier ordinateur".into()));
    edit(&second, commitment, CommitmentEdit::Problem("Texte écrit sur le second ordinateur.".into()));
    synced(&as_drafter, &first).await;
    synced(&as_drafter, &second).await;
    synced(&as_drafter, &first).await;
    synced(&as_coordinator, &coordinator).await;
    for store in [&first, &second, &coordinator] {
        assert_eq!(title(store, commitment), "Titre écrit sur le premier ordinateur");
        assert_eq!(problem(store, commitment), "Texte écrit sur le second ordinateur.");
    }
    let (a, b) = (first.lock().unwrap().sync_client().unwrap(), second.lock().unwrap().sync_client().unwrap());
    assert_ne!(a, b, "the copy took an identity of its own");
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conflict_shows_the_third_edit_that_arrived_meanwhile_and_choosing_it_keeps_it() {
    let office = office();
    let folders = tempfile::tempdir().unwrap();
    let running = start(&office.db).await;
    let as_coordinator = Server::new(&running.url, &office.coordinator).unwrap();
    let as_drafter = Server::new(&running.url, &office.drafter).unwrap();
    let coordinator = laptop(&folders.path().join("c"));
    let area = set_up(&coordinator);
    synced(&as_coordinator, &coordinator).await;
    let (a, b) = (laptop(&folders.path().join("a")), laptop(&folders.path().join("b")));
    synced(&as_drafter, &a).await;
    let commitment = draft(&a, area);
    synced(&as_drafter, &a).await;
    synced(&as_drafter, &b).await;
    edit(&a, commitment, CommitmentEdit::Title("Titre de A".into()));
    edit(&b, commitment, CommitmentEdit::Title("Titre de B".into()));
    synced(&as_drafter, &a).await;
    synced(&as_drafter, &b).await;
    // While B has not chosen, the coordinator changes the title again.
    synced(&as_coordinator, &coordinator).await;
    edit(&coordinator, commitment, CommitmentEdit::Title("Titre de la coordination".into()));
    synced(&as_coordinator, &coordinator).await;
    synced(&as_drafter, &b).await;
    let conflict = b.lock().unwrap().sync_conflicts().unwrap().remove(0);
    assert_eq!(conflict.theirs, serde_json::json!("Titre de la coordination"), "the value the server holds now");
    b.lock().unwrap().resolve_sync_conflict(conflict.id, conflict.theirs.clone()).unwrap();
    synced(&as_drafter, &b).await;
    synced(&as_drafter, &a).await;
    for store in [&a, &b] {
        assert_eq!(title(store, commitment), "Titre de la coordination");
    }
    stop(running).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_person_signing_in_receives_the_plan_as_theirs_and_a_demonstration_institution_steps_aside() {
    let office = office();
    let folders = tempfile::tempdir().unwrap();
    let running = start(&office.db).await;
    let as_coordinator = Server::new(&running.url, &office.coordinator).unwrap();
    let as_drafter = Server::new(&running.url, &office.drafter).unwrap();
    // The coordinator's plan names the HATVP, which the demonstration plan also brings.
    let coordinator = laptop(&folders.path().join("c"));
    let area = set_up(&coordinator);
    let hatvp = coordinator
        .lock()
        .unwrap()
        .create_institution(&InstitutionInput {
            name: "Haute Autorité pour la transparence de la vie publique".into(),
            acronym: "HATVP".into(),
            kind: InstitutionKind::IndependentAuthority,
        })
        .unwrap();
    synced(&as_coordinator, &coordinator).await;
    let other = {
        let mut store = coordinator.lock().unwrap();
        let commitment = store.create_commitment(area, "Publier les déclarations d'intérêts").unwrap();
        store.edit_commitment(commitment.id, &CommitmentEdit::LeadInstitutionId(Some(hatvp.id))).unwrap();
        commitment.id
    };
    synced(&as_coordinator, &coordinator).await;

    // A drafter's laptop, with the demonstration plan loaded, receives the real HATVP.
    let shared = laptop(&folders.path().join("shared"));
    shared.lock().unwrap().load_demo_plan().unwrap();
    let drafter = as_drafter.me().await.unwrap();
    shared.lock().unwrap().sync_take_account(drafter.id).unwrap();
    synced(&as_drafter, &shared).await;
    // One HATVP: the real one, which the demonstration plan's records now name.
    let institutions = shared.lock().unwrap().list_institutions().unwrap();
    let named: Vec<_> = institutions.iter().filter(|i| i.acronym == "HATVP").collect();
    assert_eq!(named.len(), 1, "{institutions:?}");
    assert_eq!(named[0].id, hatvp.id, "the real institution was stored, the demonstration's stepped aside");
    // The drafter does not see the HATVP's commitment.
    assert!(shared.lock().unwrap().commitment(other).is_err());

    // The coordinator signs in on the same laptop: the copy becomes theirs, from the start.
    let coordinator_person = as_coordinator.me().await.unwrap();
    assert!(shared.lock().unwrap().sync_take_account(coordinator_person.id).unwrap(), "records forgotten");
    synced(&as_coordinator, &shared).await;
    assert_eq!(title(&shared, other), "Publier les déclarations d'intérêts");
    stop(running).await;
}

/// Keeps the connection on the laptop, as the app does once the token is checked: reports are
/// signed by this person.
async fn sign_in(server: &Server, store: &Mutex<Store>) {
    let person = server.me().await.unwrap();
    store
        .lock()
        .unwrap()
        .save_connection(&plan_ouvert_store::SavedConnection {
            server_url: server.address().to_string(),
            person,
            token_storage: plan_ouvert_domain::TokenStorage::File,
        })
        .unwrap();
}

/// A PDF of `size` bytes whose content depends on `seed`.
fn pdf(size: usize, seed: u8) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..size - bytes.len()).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    bytes
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn evidence_files_go_up_before_their_report_resume_when_cut_and_come_down_whole() {
    use plan_ouvert_domain::{ProgressStatus, ReportInput};
    use plan_ouvert_sync::files::{self, Received};

    let office = office();
    let folders = tempfile::tempdir().unwrap();
    let (coordinator, drafter) = (laptop(&folders.path().join("c")), laptop(&folders.path().join("d")));
    let running = start(&office.db).await;
    let as_coordinator = Server::new(&running.url, &office.coordinator).unwrap();
    let as_drafter = Server::new(&running.url, &office.drafter).unwrap();
    let area = set_up(&coordinator);
    synced(&as_coordinator, &coordinator).await;
    sign_in(&as_drafter, &drafter).await;
    synced(&as_drafter, &drafter).await;
    let commitment = draft(&drafter, area);

    // Offline, the drafter attaches a large PDF (three chunks) and a small one, twice each.
    let (large, small) = (pdf(files::CHUNK * 2 + 12_345, 1), pdf(5_000, 2));
    let attached = {
        let mut store = drafter.lock().unwrap();
        let large = store.attach_evidence("Bilan 2025.pdf", &large).unwrap();
        let small = store.attach_evidence("Annexe.pdf", &small).unwrap();
        store.attach_evidence("Bilan 2025.pdf", &pdf(files::CHUNK * 2 + 12_345, 1)).unwrap();
        vec![large, small]
    };
    for status in [ProgressStatus::Limited, ProgressStatus::Complete] {
        let input = ReportInput {
            commitment_id: commitment,
            milestone_id: None,
            reported_on: "2025-06-30".into(),
            status: Some(status),
            done: "Le bilan est publié.".into(),
            difficulties: String::new(),
            next_steps: String::new(),
            results: String::new(),
            opened_government: None,
            links: Vec::new(),
            files: attached.clone(),
            corrects: None,
        };
        drafter.lock().unwrap().report_progress(&input).unwrap();
    }

    // The connection drops after the first chunk of the large file went up.
    let (sha, size) = (attached[0].sha256.clone(), attached[0].size);
    let first = drafter.lock().unwrap().read_evidence_chunk(&sha, 0, files::CHUNK).unwrap();
    let received = as_drafter.upload_chunk(&sha, size, 0, first).await.unwrap();
    assert!(matches!(received, Received::Written { state } if state.received == files::CHUNK as u64));
    // Back online: the upload resumes where the server stands, each file goes up once, then the reports.
    let report = as_drafter.sync(&drafter).await.unwrap();
    assert_eq!(report.file_bytes_sent, size - files::CHUNK as u64 + attached[1].size, "resumed, and sent once");
    assert_eq!(drafter.lock().unwrap().sync_counts().unwrap().pending, 0);
    let state = as_drafter.file_state(&sha).await.unwrap().unwrap();
    assert!(state.complete && state.received == size);

    // A damaged upload under the file's name is never taken for it.
    let forged =
        as_coordinator.upload_chunk(&files::sha256_hex(&pdf(5_001, 9)), 5_001, 0, pdf(5_001, 8)).await.unwrap();
    assert_eq!(forged, Received::Corrupt);

    // The coordinator receives the reports and the files, whole.
    let report = as_coordinator.sync(&coordinator).await.unwrap();
    assert_eq!(report.file_bytes_received, size + attached[1].size);
    for file in &attached {
        let bytes = coordinator.lock().unwrap().evidence_bytes(&file.sha256).unwrap().unwrap();
        assert_eq!(files::sha256_hex(&bytes), file.sha256);
    }
    assert!(coordinator.lock().unwrap().files_to_download().unwrap().is_empty());
    stop(running).await;
}

/// How many rows a laptop's table holds, read from its database file as any program could.
fn rows(folder: &Path, table: &str) -> u32 {
    let conn = rusqlite::Connection::open(folder.join(plan_ouvert_store::DATABASE_FILE)).unwrap();
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn who_took_part_in_a_workshop_stays_on_the_laptops_of_the_institution_that_ran_it() {
    use plan_ouvert_domain::{
        ContributionInput, ContributionKind, ContributionOutcome, Locale, OrganisationKind, ParticipantInput,
        TraceInput, WorkshopInput,
    };

    let office = office();
    {
        // A second person of the ministry, and a drafter of an independent authority.
        let conn = database::open(&office.db).unwrap();
        directory::add_institution(
            &conn,
            "Haute Autorité pour la transparence de la vie publique",
            "HATVP",
            "independentAuthority",
        )
        .unwrap();
        directory::add_person(&conn, "camille", "MTE", Role::Drafter).unwrap();
        directory::add_person(&conn, "hugo", "HATVP", Role::Drafter).unwrap();
    }
    let token = |person: &str| directory::issue_token(&database::open(&office.db).unwrap(), person).unwrap();
    let folders = tempfile::tempdir().unwrap();
    let folder = |name: &str| folders.path().join(name);
    let running = start(&office.db).await;
    let server = |token: &str| Server::new(&running.url, token).unwrap();
    let (as_coordinator, as_drafter) = (server(&office.coordinator), server(&office.drafter));
    let (as_colleague, as_authority) = (server(&token("camille")), server(&token("hugo")));
    let coordinator = laptop(&folder("coordinator"));
    let area = set_up(&coordinator);
    synced(&as_coordinator, &coordinator).await;
    let (room, colleague, authority) =
        (laptop(&folder("room")), laptop(&folder("colleague")), laptop(&folder("authority")));
    for (server, store) in [(&as_drafter, &room), (&as_colleague, &colleague), (&as_authority, &authority)] {
        sign_in(server, store).await;
        synced(server, store).await;
    }
    let commitment = draft(&room, area);

    // On the ministry's laptop in the room: the workshop, two participants and who they are, a
    // proposal and a comment.
    let (workshop, proposal) = {
        let mut store = room.lock().unwrap();
        let plan = store.list_plans().unwrap().into_iter().find(|p| !p.is_demo).unwrap().id;
        let ministry = store.list_institutions().unwrap().into_iter().find(|i| i.name == MINISTRY).unwrap().id;
        let workshop = store
            .create_workshop(
                plan,
                ministry,
                &WorkshopInput {
                    title: "Atelier transparence".into(),
                    held_on: "2025-03-12".into(),
                    place: "Salle 204".into(),
                    area_id: Some(area),
                    commitment_ids: vec![commitment],
                    facilitator: "Claire Martin".into(),
                    consent_text: "Vos données sont conservées un an.".into(),
                    keep_until: "2026-03-11".into(),
                },
            )
            .unwrap();
        let day = chrono::NaiveDate::from_ymd_opt(2025, 3, 12).unwrap();
        let mut people = Vec::new();
        for (name, kind, email) in
            [("Awa", OrganisationKind::Citizen, "awa@exemple.fr"), ("Karim", OrganisationKind::Association, "")]
        {
            let input = ParticipantInput {
                name: name.into(),
                organisation_kind: kind,
                consent_accepted: true,
                contact_accepted: !email.is_empty(),
                contact_email: email.into(),
            };
            people.push(store.add_participant_on(workshop.id, &input, day, Locale::Fr).unwrap().participant.id);
        }
        let said = |kind, text: &str, about| ContributionInput {
            kind,
            text: text.into(),
            about_commitment_id: about,
            about_milestone_id: None,
            proposal_ids: Vec::new(),
        };
        let proposal = store
            .add_contribution(
                workshop.id,
                Some(people[0]),
                &said(ContributionKind::Proposal, "Publier les agendas.", None),
            )
            .unwrap();
        store
            .add_contribution(
                workshop.id,
                Some(people[1]),
                &said(ContributionKind::Comment, "Préciser le calendrier.", Some(commitment)),
            )
            .unwrap();
        (workshop.id, proposal.id)
    };
    synced(&as_drafter, &room).await;
    // The coordination writes down the facilitator's own proposal; a colleague of the ministry
    // says what became of the participant's.
    synced(&as_coordinator, &coordinator).await;
    let own = ContributionInput {
        kind: ContributionKind::Proposal,
        text: "Un registre unique.".into(),
        about_commitment_id: None,
        about_milestone_id: None,
        proposal_ids: Vec::new(),
    };
    coordinator.lock().unwrap().add_contribution(workshop, None, &own).unwrap();
    synced(&as_coordinator, &coordinator).await;
    synced(&as_colleague, &colleague).await;
    let trace = TraceInput {
        outcome: Some(ContributionOutcome::Kept),
        outcome_reason: String::new(),
        commitment_ids: vec![commitment],
        milestone_ids: Vec::new(),
    };
    colleague.lock().unwrap().trace_contribution(proposal, &trace).unwrap();
    synced(&as_colleague, &colleague).await;
    for (server, store) in [
        (&as_drafter, &room),
        (&as_colleague, &colleague),
        (&as_authority, &authority),
        (&as_coordinator, &coordinator),
    ] {
        synced(server, store).await;
        assert_eq!(store.lock().unwrap().sync_counts().unwrap().rejections, 0, "nothing refused");
    }

    // Everyone has the workshop, its two participants, its three contributions and what became of
    // the first; who the participants are, only the ministry's two laptops.
    for (name, store, personal) in [
        ("room", &room, true),
        ("colleague", &colleague, true),
        ("authority", &authority, false),
        ("coordinator", &coordinator, false),
    ] {
        assert_eq!((rows(&folder(name), "participant"), rows(&folder(name), "contribution")), (2, 3), "{name}");
        assert_eq!(rows(&folder(name), "identity"), if personal { 2 } else { 0 }, "{name}'s identity table");
        let detail = store.lock().unwrap().workshop(workshop).unwrap();
        let names: Vec<Option<String>> =
            detail.participants.iter().map(|p| p.identity.as_ref().map(|i| i.name.clone())).collect();
        let expected = if personal { vec![Some("Awa".into()), Some("Karim".into())] } else { vec![None, None] };
        assert_eq!(names, expected, "{name}");
        let traced = detail.contributions.iter().find(|c| c.contribution.id == proposal).unwrap();
        assert_eq!(traced.contribution.outcome, Some(ContributionOutcome::Kept), "{name}");
    }
    let awa = rusqlite::Connection::open(folder("colleague").join(plan_ouvert_store::DATABASE_FILE))
        .unwrap()
        .query_row("SELECT contact_email FROM identity WHERE name = 'Awa'", [], |r| r.get::<_, String>(0))
        .unwrap();
    assert_eq!(awa, "awa@exemple.fr", "the address she gave, on the ministry's other laptop");
    stop(running).await;
}
