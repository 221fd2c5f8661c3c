//! Two laptops' stores syncing through the server's rules (the in-memory ledger): what officers
//! see when they edit the same commitment apart, and that nothing is ever lost on the way.

use plan_ouvert_domain::*;
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::hub;
use plan_ouvert_sync::ledger::MemoryLedger;
use plan_ouvert_sync::protocol::{Outcome, RecordKey, RecordKind, Refusal};
use serde_json::json;
use uuid::Uuid;

use crate::helpers::{institution, plan_input};

struct Server {
    ledger: MemoryLedger,
}

impl Server {
    fn new() -> Self {
        Self { ledger: MemoryLedger::new() }
    }

    /// Push everything then pull, as the app's sync client does.
    fn sync(&mut self, store: &mut Store, actor: &Actor) {
        while let Some(request) = store.sync_push_request().unwrap() {
            let response = hub::push(&mut self.ledger, actor, &request).unwrap();
            // (The first push of a laptop is sent even empty: the server binds its identity.)
            assert!(!response.results.is_empty() || request.mutations.is_empty(), "the server processed nothing");
            store.sync_apply_push(&response).unwrap();
        }
        let request = store.sync_pull_request().unwrap();
        let response = hub::pull(&mut self.ledger, actor, &request).unwrap();
        store.sync_apply_pull(&response).unwrap();
    }
}

const MINISTRY: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0001);
const AUTHORITY: Uuid = Uuid::from_u128(0x0190_0000_0000_7000_8000_0000_0000_0002);

fn coordinator() -> Actor {
    Actor { institution: MINISTRY, role: Role::Coordinator, person: Uuid::from_u128(0xC0) }
}

fn drafter(institution: Uuid) -> Actor {
    Actor { institution, role: Role::Drafter, person: Uuid::from_u128(0xD0) }
}

/// A plan of the 2021-2023 period with one thematic area, written on `store`.
fn plan_with_area(store: &mut Store) -> (Plan, Area) {
    let plan = store.create_plan(&plan_input()).unwrap();
    let area = store
        .create_area(
            plan.id,
            &AreaInput { kind: AreaKind::Thematic, title: "Transition".into(), description: String::new() },
        )
        .unwrap();
    (plan, area)
}

/// A coordinator of the ministry publishes a plan with one area and one commitment (owned by the
/// ministry); a drafter of the ministry receives it on another laptop.
fn two_laptops() -> (Server, Store, Store, CommitmentId) {
    let mut server = Server::new();
    let mut a = Store::open_in_memory().unwrap();
    let (_, area) = plan_with_area(&mut a);
    let commitment = a.create_commitment(area.id, "Ouvrir les données").unwrap();
    a.edit_commitment(commitment.id, &CommitmentEdit::Problem("Premier paragraphe.\n\nDeuxième paragraphe.".into()))
        .unwrap();
    server.sync(&mut a, &coordinator());
    let mut b = Store::open_in_memory().unwrap();
    server.sync(&mut b, &drafter(MINISTRY));
    (server, a, b, commitment.id)
}

#[test]
fn a_laptop_receives_whole_records_in_order() {
    let mut server = Server::new();
    let mut a = Store::open_in_memory().unwrap();
    let ministry =
        a.create_institution(&institution("Ministère de la Culture", "MC", InstitutionKind::Ministry)).unwrap();
    let hatvp =
        a.create_institution(&institution("Haute Autorité", "HATVP", InstitutionKind::IndependentAuthority)).unwrap();
    let plan = a.create_plan(&plan_input()).unwrap();
    let area = a
        .create_area(
            plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: "Axe.".into() },
        )
        .unwrap();
    let commitment = a.create_commitment(area.id, "Publier les déclarations").unwrap();
    a.edit_commitment(commitment.id, &CommitmentEdit::LeadInstitutionId(Some(ministry.id))).unwrap();
    a.edit_commitment(commitment.id, &CommitmentEdit::SupportingInstitutionIds(vec![hatvp.id, ministry.id])).unwrap();
    a.edit_commitment(commitment.id, &CommitmentEdit::StartDate("2022-01-01".into())).unwrap();
    a.edit_commitment(commitment.id, &CommitmentEdit::AccessToInformation(true)).unwrap();
    let milestone = a
        .create_milestone(
            commitment.id,
            &MilestoneInput {
                title: "Recenser".into(),
                expected_outputs: "Une liste.".into(),
                start_date: String::new(),
                due_date: "2022-06-30".into(),
                lead_institution_id: Some(hatvp.id),
            },
        )
        .unwrap();
    assert!(a.sync_counts().unwrap().pending > 0);
    server.sync(&mut a, &coordinator());
    assert_eq!(a.sync_counts().unwrap().pending, 0, "everything acknowledged");

    let mut b = Store::open_in_memory().unwrap();
    server.sync(&mut b, &coordinator());
    assert_eq!(b.sync_counts().unwrap().pending, 0, "what was received is not sent back");
    let got = b.commitment_detail(commitment.id).unwrap();
    let sent = a.commitment_detail(commitment.id).unwrap();
    assert_eq!(got.commitment.title, sent.commitment.title);
    assert_eq!(got.commitment.lead_institution_id, Some(ministry.id));
    assert_eq!(got.commitment.supporting_institution_ids, vec![hatvp.id, ministry.id]);
    assert_eq!(got.commitment.start_date, sent.commitment.start_date);
    assert!(got.commitment.access_to_information);
    assert_eq!(got.plan.title, plan.title);
    assert_eq!(got.area.description, "Axe.");
    assert_eq!(got.milestones.len(), 1);
    assert_eq!(got.milestones[0].id, milestone.id);
    assert_eq!(got.milestones[0].due_date, milestone.due_date);
    assert_eq!(got.milestones[0].lead_institution_id, Some(hatvp.id));
    assert_eq!(b.list_institutions().unwrap().len(), 2);
}

#[test]
fn different_fields_edited_apart_both_survive() {
    let (mut server, mut a, mut b, id) = two_laptops();
    a.edit_commitment(id, &CommitmentEdit::Title("Ouvrir les données publiques".into())).unwrap();
    b.edit_commitment(id, &CommitmentEdit::Causes("Des formats fermés.".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    server.sync(&mut a, &drafter(MINISTRY));
    for store in [&a, &b] {
        let c = store.commitment(id).unwrap();
        assert_eq!(c.title, "Ouvrir les données publiques");
        assert_eq!(c.causes, "Des formats fermés.");
    }
    assert!(a.sync_conflicts().unwrap().is_empty() && b.sync_conflicts().unwrap().is_empty());
}

#[test]
fn different_paragraphs_of_a_long_text_are_merged() {
    let (mut server, mut a, mut b, id) = two_laptops();
    a.edit_commitment(id, &CommitmentEdit::Problem("Premier paragraphe, précisé.\n\nDeuxième paragraphe.".into()))
        .unwrap();
    b.edit_commitment(id, &CommitmentEdit::Problem("Premier paragraphe.\n\nDeuxième paragraphe, complété.".into()))
        .unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    server.sync(&mut a, &drafter(MINISTRY));
    let merged = "Premier paragraphe, précisé.\n\nDeuxième paragraphe, complété.";
    assert_eq!(a.commitment(id).unwrap().problem, merged);
    assert_eq!(b.commitment(id).unwrap().problem, merged);
}

#[test]
fn the_same_short_field_is_a_conflict_whose_resolution_reaches_the_other_laptop() {
    let (mut server, mut a, mut b, id) = two_laptops();
    a.edit_commitment(id, &CommitmentEdit::Title("Titre de A".into())).unwrap();
    b.edit_commitment(id, &CommitmentEdit::Title("Titre de B".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    // B meets A's change: B shows the server's value and keeps its own in the conflict.
    let conflicts = b.sync_conflicts().unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].field, "title");
    assert_eq!(conflicts[0].mine, json!("Titre de B"));
    assert_eq!(conflicts[0].theirs, json!("Titre de A"));
    assert_eq!(b.commitment(id).unwrap().title, "Titre de A");

    b.resolve_sync_conflict(conflicts[0].id, json!("Titre commun")).unwrap();
    assert!(b.sync_conflicts().unwrap().is_empty());
    assert_eq!(b.sync_counts().unwrap().pending, 1, "the resolution is a change to send");
    server.sync(&mut b, &drafter(MINISTRY));
    server.sync(&mut a, &drafter(MINISTRY));
    assert_eq!(a.commitment(id).unwrap().title, "Titre commun");
    assert_eq!(b.commitment(id).unwrap().title, "Titre commun");
}

#[test]
fn a_conflict_on_a_date_shows_both_dates_as_a_person_writes_them() {
    let (mut server, mut a, mut b, id) = two_laptops();
    let input = MilestoneInput {
        title: "Publier le jeu de données".into(),
        expected_outputs: String::new(),
        start_date: String::new(),
        due_date: "2022-06-30".into(),
        lead_institution_id: None,
    };
    let milestone = a.create_milestone(id, &input).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    a.edit_milestone(milestone.id, &MilestoneEdit::DueDate("2022-09-15".into())).unwrap();
    b.edit_milestone(milestone.id, &MilestoneEdit::DueDate("2023-01-31".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    let views = b.sync_conflict_views(Locale::Fr).unwrap();
    assert_eq!(views.len(), 1);
    assert_eq!((views[0].mine.as_str(), views[0].theirs.as_str()), ("31/01/2023", "15/09/2022"));
    assert!(!views[0].editable, "a date is chosen, not rewritten");
    let english = b.sync_conflict_views(Locale::En).unwrap();
    assert_eq!(english[0].mine, "31 Jan 2023", "as the English interface writes dates");
}

#[test]
fn a_third_edit_during_a_conflict_is_what_the_conflict_shows_so_choosing_never_overwrites_it_unseen() {
    let (mut server, mut a, mut b, id) = two_laptops();
    a.edit_commitment(id, &CommitmentEdit::Title("Titre de A".into())).unwrap();
    b.edit_commitment(id, &CommitmentEdit::Title("Titre de B".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    assert_eq!(b.sync_conflicts().unwrap()[0].theirs, json!("Titre de A"));

    // While B has not chosen yet, A changes the title again.
    a.edit_commitment(id, &CommitmentEdit::Title("Titre de A, revu".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    let conflict = &b.sync_conflicts().unwrap()[0];
    assert_eq!(conflict.theirs, json!("Titre de A, revu"), "the conflict shows what the server holds now");
    assert_eq!(b.sync_conflict_views(Locale::Fr).unwrap()[0].theirs, "Titre de A, revu");

    // Choosing "theirs" keeps A's latest title, on both laptops.
    b.resolve_sync_conflict(conflict.id, conflict.theirs.clone()).unwrap();
    server.sync(&mut b, &drafter(MINISTRY));
    server.sync(&mut a, &drafter(MINISTRY));
    assert_eq!(a.commitment(id).unwrap().title, "Titre de A, revu");
    assert_eq!(b.commitment(id).unwrap().title, "Titre de A, revu");
}

#[test]
fn a_resolution_that_is_refused_keeps_the_conflict() {
    let (mut server, mut a, mut b, id) = two_laptops();
    a.edit_commitment(id, &CommitmentEdit::Title("Titre de A".into())).unwrap();
    b.edit_commitment(id, &CommitmentEdit::Title("Titre de B".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    let conflict = b.sync_conflicts().unwrap().remove(0);
    let error = b.resolve_sync_conflict(conflict.id, json!("   ")).unwrap_err();
    assert!(matches!(error, plan_ouvert_store::Error::Invalid(_)), "{error:?}");
    assert_eq!(b.sync_conflicts().unwrap(), vec![conflict], "the conflict is still there");
    assert_eq!(b.sync_counts().unwrap().pending, 0, "nothing queued");
}

#[test]
fn a_change_of_another_institutions_commitment_is_refused_kept_and_can_be_discarded() {
    let (mut server, mut a, _b, id) = two_laptops();
    let mut other = Store::open_in_memory().unwrap();
    server.sync(&mut other, &drafter(AUTHORITY));
    // Shared structure (plan, area) is seen by every institution; the ministry's commitment is not.
    assert_eq!(other.list_plans().unwrap().len(), 1);
    assert!(other.commitment(id).is_err(), "a drafter of another institution does not receive it");

    // A reader of the ministry may see the commitment but not change it.
    a.edit_commitment(id, &CommitmentEdit::Causes("Par un lecteur.".into())).unwrap();
    let state = a.commitment_sync_state(id).unwrap();
    assert_eq!((state.pending, state.refused), (1, 0), "saved here, not sent yet");
    server.sync(&mut a, &reader());
    let state = a.commitment_sync_state(id).unwrap();
    assert_eq!((state.pending, state.refused), (0, 1), "refused, and said so beside the commitment");
    let rejections = a.sync_rejections().unwrap();
    assert_eq!(rejections.len(), 1);
    assert_eq!(rejections[0].refusal, Refusal::Forbidden);
    assert_eq!(a.sync_counts().unwrap().pending, 0);
    // The server's value shows again; the refused text is still readable in the rejection.
    assert_eq!(a.commitment(id).unwrap().causes, "");
    assert!(format!("{:?}", rejections[0].mutation).contains("Par un lecteur."));
    a.discard_sync_rejection(rejections[0].id).unwrap();
    assert!(a.sync_rejections().unwrap().is_empty());
    assert_eq!(a.commitment_sync_state(id).unwrap().refused, 0);
    assert!(a.discard_sync_rejection(rejections[0].id).is_err());
}

#[test]
fn a_refused_creation_is_removed_locally_but_kept_in_the_refusal() {
    let mut server = Server::new();
    let mut a = Store::open_in_memory().unwrap();
    let plan = a.create_plan(&plan_input()).unwrap();
    // A drafter may not create the plan's shared structure.
    server.sync(&mut a, &drafter(MINISTRY));
    let rejections = a.sync_rejections().unwrap();
    assert_eq!(rejections.len(), 1);
    assert!(matches!(rejections[0].mutation.change, plan_ouvert_sync::protocol::Change::Create { .. }));
    assert!(a.list_plans().unwrap().is_empty(), "a refused creation does not stay as if it were shared");
    assert!(format!("{:?}", rejections[0].mutation).contains(&plan.title));
}

#[test]
fn the_demonstration_plan_never_enters_the_outbox() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = store.load_demo_plan().unwrap();
    assert_eq!(store.sync_counts().unwrap().pending, 0);
    let overview = store.plan_overview(plan.id, &OverviewFilter::default()).unwrap();
    let area = overview.areas[0].area.id;
    let commitment = store.create_commitment(area, "Un essai dans la démonstration").unwrap();
    store.edit_commitment(commitment.id, &CommitmentEdit::Causes("Essai".into())).unwrap();
    assert_eq!(store.sync_counts().unwrap().pending, 0);
    assert_eq!(store.sync_adopt_local_records().unwrap(), 0, "nor is it adopted later");
}

#[test]
fn a_refused_edit_queues_nothing_and_a_saved_one_queues_exactly_its_field() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = store.create_plan(&plan_input()).unwrap();
    let area = store
        .create_area(plan.id, &AreaInput { kind: AreaKind::Thematic, title: "Axe".into(), description: String::new() })
        .unwrap();
    let commitment = store.create_commitment(area.id, "Engagement").unwrap();
    let before = store.sync_counts().unwrap().pending;
    assert_eq!(before, 3, "plan, area and commitment created");
    assert!(store.edit_commitment(commitment.id, &CommitmentEdit::StartDate("2030-01-01".into())).is_err());
    assert_eq!(store.sync_counts().unwrap().pending, before);
    store.edit_commitment(commitment.id, &CommitmentEdit::Causes("Une cause.".into())).unwrap();
    assert_eq!(store.sync_counts().unwrap().pending, before + 1);
    store.edit_commitment(commitment.id, &CommitmentEdit::Causes("Une cause.".into())).unwrap();
    assert_eq!(store.sync_counts().unwrap().pending, before + 1, "saving the same value is no change");
}

#[test]
fn deleting_a_commitment_deletes_its_milestones_everywhere() {
    let (mut server, mut a, mut b, id, milestone) = received_with_a_milestone();
    assert_eq!(b.milestones(id).unwrap().len(), 1);
    b.delete_commitment(id).unwrap();
    server.sync(&mut b, &drafter(MINISTRY));
    server.sync(&mut a, &drafter(MINISTRY));
    assert!(a.commitment(id).is_err());
    assert!(a.sync_record_fields(RecordKey { kind: RecordKind::Milestone, id: milestone.0 }).unwrap().is_none());
    // A fresh laptop receives neither.
    let mut c = Store::open_in_memory().unwrap();
    server.sync(&mut c, &drafter(MINISTRY));
    assert!(c.commitment(id).is_err());
}

#[test]
fn records_made_before_sync_existed_are_adopted_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite3");
    let plan = Store::open(&path).unwrap().create_plan(&plan_input()).unwrap();
    // As an app from before sync left it: the record, nothing queued.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute_batch("DELETE FROM sync_outbox; DELETE FROM setting WHERE key LIKE 'sync.%';")
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.sync_counts().unwrap().pending, 0);
    assert_eq!(store.sync_adopt_local_records().unwrap(), 1);
    assert_eq!(store.sync_adopt_local_records().unwrap(), 0, "queued once");
    let mut server = Server::new();
    server.sync(&mut store, &coordinator());
    assert_eq!(store.sync_adopt_local_records().unwrap(), 0, "already on the server");
    let mut other = Store::open_in_memory().unwrap();
    server.sync(&mut other, &coordinator());
    assert_eq!(other.list_plans().unwrap()[0].id, plan.id);
}

#[test]
fn a_replayed_push_answer_changes_nothing() {
    let mut server = Server::new();
    let mut a = Store::open_in_memory().unwrap();
    a.create_plan(&plan_input()).unwrap();
    let request = a.sync_push_request().unwrap().unwrap();
    let response = hub::push(&mut server.ledger, &coordinator(), &request).unwrap();
    a.sync_apply_push(&response).unwrap();
    // The same answer arrives twice (a retry after a lost acknowledgement).
    a.sync_apply_push(&response).unwrap();
    let again = hub::push(&mut server.ledger, &coordinator(), &request).unwrap();
    assert_eq!(again.results, response.results, "the server answers a replay with the stored outcome");
    assert!(matches!(again.results[0].outcome, Outcome::Applied { .. }));
    assert_eq!(a.sync_counts().unwrap().pending, 0);
    assert_eq!(a.list_plans().unwrap().len(), 1);
}

#[test]
fn an_app_killed_before_taking_in_the_servers_answer_resumes_without_loss_or_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.sqlite3");
    let mut server = Server::new();
    let mut a = Store::open(&path).unwrap();
    let plan = a.create_plan(&plan_input()).unwrap();
    let mut input = plan_input();
    input.title = "Plan d'action national 2025-2027".into();
    a.update_plan(plan.id, &input).unwrap();
    let request = a.sync_push_request().unwrap().unwrap();
    // The server applies the push; the app dies before reading the answer.
    hub::push(&mut server.ledger, &coordinator(), &request).unwrap();
    drop(a);
    let mut a = Store::open(&path).unwrap();
    assert_eq!(a.sync_counts().unwrap().pending, 2, "nothing acknowledged, nothing lost");
    server.sync(&mut a, &coordinator());
    assert_eq!(a.sync_counts().unwrap().pending, 0);
    assert!(a.sync_conflicts().unwrap().is_empty(), "a replay is not a conflict with oneself");
    let mut other = Store::open_in_memory().unwrap();
    server.sync(&mut other, &coordinator());
    let plans = other.list_plans().unwrap();
    assert_eq!(plans.len(), 1, "applied once");
    assert_eq!(plans[0].title, "Plan d'action national 2025-2027");
}

#[test]
fn a_plan_received_in_small_pages_arrives_whole() {
    let (mut server, mut a, _b, id) = two_laptops();
    a.create_milestone(
        id,
        &MilestoneInput {
            title: "Jalon".into(),
            expected_outputs: "Un livrable.".into(),
            start_date: String::new(),
            due_date: "2022-06-30".into(),
            lead_institution_id: None,
        },
    )
    .unwrap();
    server.sync(&mut a, &coordinator());
    let mut c = Store::open_in_memory().unwrap();
    let mut pages = 0;
    loop {
        let mut request = c.sync_pull_request().unwrap();
        request.limit = Some(3);
        let response = hub::pull(&mut server.ledger, &coordinator(), &request).unwrap();
        assert!(response.changes.len() <= 3);
        c.sync_apply_pull(&response).unwrap();
        pages += 1;
        if !response.more {
            break;
        }
    }
    assert!(pages > 10, "the plan came in {pages} pages");
    let key = RecordKey { kind: RecordKind::Commitment, id: id.0 };
    assert_eq!(c.sync_record_fields(key).unwrap(), a.sync_record_fields(key).unwrap(), "every field, as sent");
    let detail = c.commitment_detail(id).unwrap();
    assert_eq!(detail.milestones.len(), 1);
    assert_eq!(detail.milestones[0].expected_outputs, "Un livrable.");
}

#[test]
fn dates_changed_apart_that_would_cross_are_refused_and_every_laptop_stays_writable() {
    let (mut server, mut a, mut b, id) = two_laptops();
    a.edit_commitment(id, &CommitmentEdit::StartDate("2022-01-01".into())).unwrap();
    a.edit_commitment(id, &CommitmentEdit::EndDate("2022-12-31".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    // Apart: A brings the end forward, B pushes the start back; each is valid on its laptop.
    a.edit_commitment(id, &CommitmentEdit::EndDate("2022-03-31".into())).unwrap();
    b.edit_commitment(id, &CommitmentEdit::StartDate("2022-06-01".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    server.sync(&mut a, &drafter(MINISTRY));
    let rejections = b.sync_rejections().unwrap();
    assert_eq!(rejections.len(), 1);
    assert_eq!(rejections[0].refusal, Refusal::Invalid);
    for store in [&a, &b] {
        let c = store.commitment(id).unwrap();
        assert_eq!(c.start_date.map(|d| d.to_string()), Some("2022-01-01".into()));
        assert_eq!(c.end_date.map(|d| d.to_string()), Some("2022-03-31".into()));
    }
}

#[test]
fn a_real_institution_named_like_a_demonstration_one_is_stored_and_the_demonstration_plan_uses_it() {
    let mut server = Server::new();
    let mut a = Store::open_in_memory().unwrap();
    let name = "Haute Autorité pour la transparence de la vie publique";
    let hatvp = a.create_institution(&institution(name, "HATVP", InstitutionKind::IndependentAuthority)).unwrap();
    let plan = a.create_plan(&plan_input()).unwrap();
    let area = a
        .create_area(
            plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: String::new() },
        )
        .unwrap();
    let commitment = a.create_commitment(area.id, "Publier les déclarations d'intérêts").unwrap();
    a.edit_commitment(commitment.id, &CommitmentEdit::LeadInstitutionId(Some(hatvp.id))).unwrap();
    server.sync(&mut a, &coordinator());

    // A laptop that loaded the demonstration (which brings its own HATVP) receives the real one.
    let mut b = Store::open_in_memory().unwrap();
    let demo = b.load_demo_plan().unwrap();
    server.sync(&mut b, &coordinator());
    assert_eq!(b.commitment(commitment.id).unwrap().lead_institution_id, Some(hatvp.id), "the real commitment is seen");
    let named: Vec<Institution> = b.list_institutions().unwrap().into_iter().filter(|i| i.name == name).collect();
    assert_eq!(named.iter().map(|i| i.id).collect::<Vec<_>>(), [hatvp.id], "one HATVP, the real one");
    let led = b
        .plan_overview(demo.id, &OverviewFilter { institution_id: Some(hatvp.id), ..Default::default() })
        .unwrap()
        .matching_count;
    assert!(led > 0, "the demonstration's commitments now name the real institution");
    assert_eq!(b.sync_counts().unwrap().pending, 0, "handing over queues nothing: the demonstration stays local");
}

#[test]
fn another_person_on_the_same_laptop_receives_the_data_as_theirs_and_never_inherits_unsent_changes() {
    let mut server = Server::new();
    // A coordinator publishes a commitment of the ministry and one of the authority.
    let mut a = Store::open_in_memory().unwrap();
    let (plan, area) = plan_with_area(&mut a);
    let ministry_commitment = a.create_commitment(area.id, "Ouvrir les données").unwrap();
    server.sync(&mut a, &coordinator());
    let mut hatvp = Store::open_in_memory().unwrap();
    server.sync(&mut hatvp, &drafter(AUTHORITY));
    let area_id = hatvp.plan_overview(plan.id, &OverviewFilter::default()).unwrap().areas[0].area.id;
    let authority_commitment = hatvp.create_commitment(area_id, "Publier les déclarations").unwrap();
    server.sync(&mut hatvp, &drafter(AUTHORITY));

    // A laptop of the ministry's drafter holds the ministry's commitment only.
    let (camille, claire, hugo) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    let mut laptop = Store::open_in_memory().unwrap();
    assert!(!laptop.sync_take_account(camille).unwrap(), "the first person forgets nothing");
    server.sync(&mut laptop, &drafter(MINISTRY));
    assert!(laptop.commitment(ministry_commitment.id).is_ok());
    assert!(laptop.commitment(authority_commitment.id).is_err());
    assert!(!laptop.sync_take_account(camille).unwrap(), "the same person again forgets nothing");

    // A change not yet sent keeps the laptop to its person: nothing is forgotten or pushed as another.
    laptop.edit_commitment(ministry_commitment.id, &CommitmentEdit::Problem("Mon texte.".into())).unwrap();
    let refused = laptop.sync_take_account(claire).unwrap_err();
    assert!(matches!(refused, plan_ouvert_store::Error::Unsent { pending: 1, conflicts: 0 }), "{refused:?}");
    assert!(refused.to_failure(Locale::Fr).message.contains("1 à envoyer"));
    assert_eq!(laptop.commitment(ministry_commitment.id).unwrap().problem, "Mon texte.", "nothing forgotten");
    server.sync(&mut laptop, &drafter(MINISTRY));

    // The coordinator, who sees more, receives the older records too.
    assert!(laptop.sync_take_account(claire).unwrap());
    server.sync(&mut laptop, &coordinator());
    assert!(laptop.commitment(authority_commitment.id).is_ok(), "an older record of another institution");
    assert_eq!(laptop.commitment(ministry_commitment.id).unwrap().problem, "Mon texte.", "the sent change is there");

    // The authority's drafter, who sees less, no longer holds the ministry's commitment.
    assert!(laptop.sync_take_account(hugo).unwrap());
    server.sync(&mut laptop, &drafter(AUTHORITY));
    assert!(laptop.commitment(ministry_commitment.id).is_err(), "another institution's record is gone");
    assert!(laptop.commitment(authority_commitment.id).is_ok());
    assert_eq!(laptop.sync_counts().unwrap().pending, 0);
}

#[test]
fn what_a_long_pull_brings_is_found_by_search_page_after_page_and_follows_later_changes() {
    let (mut server, mut a, _b, first) = two_laptops();
    let (plan, area) = {
        let commitment = a.commitment(first).unwrap();
        (commitment.plan_id, commitment.area_id)
    };
    let mut ids = Vec::new();
    for n in 0..40 {
        ids.push(a.create_commitment(area, &format!("Registre numéro {n}")).unwrap().id);
    }
    server.sync(&mut a, &coordinator());
    let filter = |query: &str| OverviewFilter { query: query.into(), institution_id: None };
    let found = |c: &mut Store, query: &str| c.plan_overview(plan, &filter(query)).unwrap().matching_count;
    let registers_here = |c: &mut Store| {
        let overview = c.plan_overview(plan, &OverviewFilter::default()).unwrap();
        overview.areas.iter().flat_map(|a| &a.commitments).filter(|c| c.title.starts_with("Registre")).count() as u32
    };

    // Page after page (each far larger than the triggers' row-by-row upkeep would like), the
    // search finds exactly the commitments that have arrived.
    let mut c = Store::open_in_memory().unwrap();
    let mut seen = Vec::new();
    loop {
        let mut request = c.sync_pull_request().unwrap();
        request.limit = Some(60);
        let response = hub::pull(&mut server.ledger, &coordinator(), &request).unwrap();
        c.sync_apply_pull(&response).unwrap();
        if c.plan_overview(plan, &OverviewFilter::default()).is_ok() {
            let here = registers_here(&mut c);
            assert_eq!(found(&mut c, "registre"), here, "after page {}", seen.len() + 1);
            seen.push(here);
        }
        if !response.more {
            break;
        }
    }
    assert!(seen.len() > 3 && seen[0] < 40, "the commitments came over several pages: {seen:?}");
    assert_eq!(seen.last(), Some(&40));

    // Later changes, received in one pull: a commitment renamed, one deleted.
    a.edit_commitment(ids[0], &CommitmentEdit::Title("Transparence des achats publics".into())).unwrap();
    a.delete_commitment(ids[1]).unwrap();
    server.sync(&mut a, &coordinator());
    server.sync(&mut c, &coordinator());
    assert_eq!(found(&mut c, "registre"), 38);
    assert_eq!(found(&mut c, "achats"), 1);
    // Edits typed here, outside any pull, are found at once as before.
    c.edit_commitment(ids[2], &CommitmentEdit::Title("Archives ouvertes".into())).unwrap();
    assert_eq!((found(&mut c, "archives"), found(&mut c, "registre")), (1, 37));
}

/// The ministry's commitment, given a milestone on laptop `a`, as laptop `b` (a drafter of the
/// ministry) received it: each long text arrived once, held by the record alone.
fn received_with_a_milestone() -> (Server, Store, Store, CommitmentId, MilestoneId) {
    let (mut server, mut a, mut b, id) = two_laptops();
    let milestone = a
        .create_milestone(
            id,
            &MilestoneInput {
                title: "Jalon".into(),
                expected_outputs: "Un jeu de données publié.".into(),
                start_date: String::new(),
                due_date: String::new(),
                lead_institution_id: None,
            },
        )
        .unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    server.sync(&mut b, &drafter(MINISTRY));
    (server, a, b, id, milestone.id)
}

const PROBLEM: &str = "Premier paragraphe.\n\nDeuxième paragraphe.";

fn reader() -> Actor {
    Actor { institution: MINISTRY, role: Role::Reader, person: Uuid::from_u128(0xE0) }
}

#[test]
fn a_refused_edit_of_a_received_long_text_shows_the_servers_text_again() {
    let (mut server, _, mut b, id, _) = received_with_a_milestone();
    b.edit_commitment(id, &CommitmentEdit::Problem("Réécrit sur ce portable.".into())).unwrap();
    server.sync(&mut b, &reader());
    assert_eq!(b.sync_rejections().unwrap().len(), 1);
    assert_eq!(b.commitment(id).unwrap().problem, PROBLEM, "the server's text, not the refused one");
}

#[test]
fn a_refused_deletion_brings_back_the_received_texts_of_a_commitment_and_of_its_milestones() {
    let (mut server, _, mut b, id, milestone) = received_with_a_milestone();
    b.delete_commitment(id).unwrap();
    assert!(b.commitment(id).is_err());
    server.sync(&mut b, &reader());
    assert_eq!(b.sync_rejections().unwrap().len(), 1);
    assert_eq!(b.commitment(id).unwrap().problem, PROBLEM);
    let milestones = b.milestones(id).unwrap();
    assert_eq!(milestones.iter().map(|m| m.id).collect::<Vec<_>>(), vec![milestone]);
    assert_eq!(milestones[0].expected_outputs, "Un jeu de données publié.", "gone by the cascade, back whole");
}

#[test]
fn a_text_received_while_an_edit_of_it_waits_here_is_what_shows_when_the_edit_is_refused() {
    let (mut server, mut a, mut b, id, _) = received_with_a_milestone();
    // Laptop B's edit waits; A's arrives first, and B takes it in before sending.
    b.edit_commitment(id, &CommitmentEdit::Problem("Réécrit sur ce portable.".into())).unwrap();
    a.edit_commitment(id, &CommitmentEdit::Problem("Réécrit par la coordination.".into())).unwrap();
    server.sync(&mut a, &drafter(MINISTRY));
    let request = b.sync_pull_request().unwrap();
    b.sync_apply_pull(&hub::pull(&mut server.ledger, &reader(), &request).unwrap()).unwrap();
    assert_eq!(b.commitment(id).unwrap().problem, "Réécrit sur ce portable.", "the person's edit still shows");
    server.sync(&mut b, &reader());
    assert_eq!(b.commitment(id).unwrap().problem, "Réécrit par la coordination.");
}
