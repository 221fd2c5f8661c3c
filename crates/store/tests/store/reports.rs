//! Progress reports: an institution's people report on what it carries, the coordination on its
//! behalf; each report is an entry never changed; progress rolls up by weight; and two
//! institutions reporting apart both keep their entries through the server's rules.

use chrono::NaiveDate;
use plan_ouvert_domain::*;
use plan_ouvert_store::{CannotReport, Error, Store};
use plan_ouvert_sync::access::{Actor, Role};
use plan_ouvert_sync::hub;
use plan_ouvert_sync::ledger::MemoryLedger;
use plan_ouvert_sync::protocol::{Change, Outcome, Person, RecordKey, RecordKind, Refusal};
use uuid::Uuid;

use crate::helpers::{refused_fields, world, World};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2023-03-01";

fn person(name: &str, institution: &Institution, role: Role) -> Person {
    crate::helpers::person(name, institution, role)
}

fn sign_in(store: &mut Store, person: &Person) {
    crate::helpers::sign_in(store, person);
}

fn report(commitment: CommitmentId, milestone: Option<MilestoneId>, status: ProgressStatus) -> ReportInput {
    ReportInput {
        done: "Le catalogue est en ligne.".into(),
        links: vec![EvidenceLink { title: "Catalogue".into(), url: "https://www.data.gouv.fr/".into() }],
        ..crate::helpers::report_input(commitment, milestone, "2023-02-15", Some(status))
    }
}

/// A commitment led by `lead` with two milestones.
fn commitment_led_by(w: &mut World, lead: InstitutionId) -> (CommitmentId, MilestoneId, MilestoneId) {
    let c = w.store.create_commitment(w.area.id, "Ouvrir les données").unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(Some(lead))).unwrap();
    let milestone = |title: &str| MilestoneInput { title: title.into(), ..Default::default() };
    let first = w.store.create_milestone(c.id, &milestone("Recenser")).unwrap();
    let second = w.store.create_milestone(c.id, &milestone("Publier")).unwrap();
    (c.id, first.id, second.id)
}

#[test]
fn a_drafter_reports_on_a_milestone_signed_for_the_institution_and_the_report_is_queued() {
    let mut w = world();
    let ministry = w.ministry.clone();
    let (c, first, _) = commitment_led_by(&mut w, ministry.id);
    let drafter = person("Camille Martin", &ministry, Role::Drafter);
    sign_in(&mut w.store, &drafter);
    let pending = w.store.sync_counts().unwrap().pending;

    let written = w.store.report_progress_on(&report(c, Some(first), ProgressStatus::Complete), day(TODAY)).unwrap();
    assert_eq!((written.author_id, written.author_name.as_str()), (drafter.id, "Camille Martin"));
    assert_eq!((written.institution_id, written.on_behalf), (ministry.id, false));
    assert_eq!(written.links.len(), 1);
    assert_eq!(w.store.sync_counts().unwrap().pending, pending + 1, "one creation queued with the report");

    let progress = w.store.commitment_progress(c, Locale::Fr).unwrap();
    assert_eq!(progress.milestones[0].status, Some(ProgressStatus::Complete));
    assert_eq!(progress.milestones[0].reports, vec![written]);
    assert_eq!(progress.milestones[1].status, None, "nothing reported: counts as not started");
    assert_eq!(progress.percent, Some(50));
    assert_eq!(
        progress.signature,
        ReportSignature::Signed {
            author_name: "Camille Martin".into(),
            institution_name: ministry.name.clone(),
            on_behalf: false
        }
    );
    let overview = w.store.plan_overview(w.plan.id, &OverviewFilter::default()).unwrap();
    assert_eq!((overview.progress, overview.areas[0].progress), (Some(50), Some(50)));
    assert_eq!(overview.areas[0].commitments[0].progress, Some(50));
    // The open-data exports read the plan's records: the report is one of them.
    let records = w.store.plan_records(w.plan.id).unwrap();
    assert!(records.contains_key(&RecordKey { kind: RecordKind::Report, id: progress.milestones[0].reports[0].id.0 }));
}

#[test]
fn bad_input_is_refused_next_to_its_field_and_nothing_is_stored() {
    let mut w = world();
    let ministry = w.ministry.clone();
    let (c, first, _) = commitment_led_by(&mut w, ministry.id);
    let (other, other_milestone, _) = commitment_led_by(&mut w, ministry.id);
    sign_in(&mut w.store, &person("Camille Martin", &ministry, Role::Drafter));
    let pending = w.store.sync_counts().unwrap().pending;

    let mut future = report(c, Some(first), ProgressStatus::Limited);
    future.reported_on = "2023-03-02".into();
    future.status = None;
    future.links.push(EvidenceLink { title: "Sans adresse".into(), url: "www.exemple.fr".into() });
    let err = w.store.report_progress_on(&future, day(TODAY)).unwrap_err();
    assert_eq!(refused_fields(err), vec!["reportedOn", "status", "links"]);

    w.store.report_progress_on(&report(c, Some(first), ProgressStatus::Complete), day(TODAY)).unwrap();
    let mut back = report(c, Some(first), ProgressStatus::Substantial);
    back.done = String::new();
    let err = w.store.report_progress_on(&back, day(TODAY)).unwrap_err();
    assert_eq!(refused_fields(err), vec!["difficulties"], "a step back from complete needs a word");
    back.difficulties = "Le site a été fermé par erreur.".into();
    w.store.report_progress_on(&back, day(TODAY)).unwrap();

    // Another commitment's milestone, or a correction of another timeline's entry, is refused.
    let err = w.store.report_progress_on(&report(c, Some(other_milestone), ProgressStatus::Limited), day(TODAY));
    assert_eq!(refused_fields(err.unwrap_err()), vec!["milestoneId"]);
    let theirs = w.store.report_progress_on(&report(other, None, ProgressStatus::Limited), day(TODAY)).unwrap();
    let mut correction = report(c, Some(first), ProgressStatus::Complete);
    correction.corrects = Some(theirs.id);
    assert_eq!(refused_fields(w.store.report_progress_on(&correction, day(TODAY)).unwrap_err()), vec!["corrects"]);
    assert_eq!(w.store.sync_counts().unwrap().pending, pending + 3, "only the three accepted reports");
}

#[test]
fn who_may_report_is_who_carries_the_commitment_and_the_coordination_on_its_behalf() {
    let mut w = world();
    let (ministry, hatvp) = (w.ministry.clone(), w.hatvp.clone());
    let (c, first, _) = commitment_led_by(&mut w, ministry.id);
    let input = report(c, Some(first), ProgressStatus::Limited);

    let err = w.store.report_progress_on(&input, day(TODAY)).unwrap_err();
    assert!(matches!(err, Error::CannotReport(CannotReport::NotSignedIn)), "never connected: nobody to sign for");
    assert!(err.to_failure(Locale::Fr).message.contains("connectez-la une fois"));

    sign_in(&mut w.store, &person("Alex", &hatvp, Role::Drafter));
    let err = w.store.report_progress_on(&input, day(TODAY)).unwrap_err();
    assert!(matches!(err, Error::CannotReport(CannotReport::ReadOnly(ReadOnly::OtherInstitution { .. }))));
    let progress = w.store.commitment_progress(c, Locale::Fr).unwrap();
    let ReportSignature::Refused { reason } = progress.signature else { panic!("a drafter of another institution") };
    assert!(reason.contains(&ministry.name), "{reason}");

    sign_in(&mut w.store, &person("Lou", &ministry, Role::Reader));
    assert!(matches!(
        w.store.report_progress_on(&input, day(TODAY)).unwrap_err(),
        Error::CannotReport(CannotReport::ReadOnly(ReadOnly::Reader))
    ));

    let coordination = w
        .store
        .create_institution(&InstitutionInput {
            name: "Direction interministérielle de la transformation publique".into(),
            acronym: "DITP".into(),
            kind: InstitutionKind::Ministry,
        })
        .unwrap();
    sign_in(&mut w.store, &person("Dominique", &coordination, Role::Coordinator));
    let written = w.store.report_progress_on(&input, day(TODAY)).unwrap();
    assert_eq!((written.institution_id, written.on_behalf), (ministry.id, true), "on the ministry's behalf");

    let orphan = w.store.create_commitment(w.area.id, "Sans porteur").unwrap();
    assert!(matches!(
        w.store.report_progress_on(&report(orphan.id, None, ProgressStatus::Limited), day(TODAY)).unwrap_err(),
        Error::CannotReport(CannotReport::NoLead)
    ));
}

#[test]
fn what_was_reported_on_is_kept_and_a_correction_keeps_the_earlier_entry() {
    let mut w = world();
    let ministry = w.ministry.clone();
    let (c, first, second) = commitment_led_by(&mut w, ministry.id);
    sign_in(&mut w.store, &person("Camille Martin", &ministry, Role::Drafter));
    let earlier = w.store.report_progress_on(&report(c, Some(first), ProgressStatus::Limited), day(TODAY)).unwrap();
    let mut correction = report(c, Some(first), ProgressStatus::Substantial);
    correction.corrects = Some(earlier.id);
    let later = w.store.report_progress_on(&correction, day(TODAY)).unwrap();

    let timeline = &w.store.commitment_progress(c, Locale::Fr).unwrap().milestones[0].reports;
    assert_eq!(
        timeline.iter().map(|r| r.id).collect::<Vec<_>>(),
        vec![later.id, earlier.id],
        "newest first, both kept"
    );

    for err in [w.store.delete_milestone(first).unwrap_err(), w.store.delete_commitment(c).unwrap_err()] {
        assert!(matches!(err, Error::HasReports { count: 2 }), "{err:?}");
        assert!(err.to_failure(Locale::Fr).message.contains("« Retiré »"));
    }
    w.store.delete_milestone(second).unwrap();
    assert!(w.store.delete_institution(ministry.id).is_err(), "the institution signed reports");
}

#[test]
fn weights_decide_how_much_each_milestone_and_commitment_counts() {
    let mut w = world();
    let ministry = w.ministry.clone();
    let (c, first, second) = commitment_led_by(&mut w, ministry.id);
    let (d, _, _) = commitment_led_by(&mut w, ministry.id);
    sign_in(&mut w.store, &person("Camille Martin", &ministry, Role::Drafter));
    w.store.report_progress_on(&report(c, Some(first), ProgressStatus::Complete), day(TODAY)).unwrap();
    w.store.report_progress_on(&report(c, Some(second), ProgressStatus::Limited), day(TODAY)).unwrap();
    w.store.edit_milestone(first, &MilestoneEdit::Weight(3)).unwrap();
    // c: (3 × 1 + 1 × ⅓) / 4 = 83 %; d: nothing reported.
    assert_eq!(w.store.commitment_progress(c, Locale::Fr).unwrap().percent, Some(83));
    w.store.edit_commitment(c, &CommitmentEdit::Weight(4)).unwrap();
    let overview = w.store.plan_overview(w.plan.id, &OverviewFilter::default()).unwrap();
    // The plan: (4 × 0.8333 + 1 × 0) / 5 = 67 %.
    assert_eq!(overview.progress, Some(67));
    // Withdrawn: the commitment no longer counts.
    let mut withdrawn = report(d, None, ProgressStatus::Withdrawn);
    withdrawn.done = "Abandonné : la mesure est reprise par la loi.".into();
    w.store.report_progress_on(&withdrawn, day(TODAY)).unwrap();
    assert_eq!(w.store.plan_overview(w.plan.id, &OverviewFilter::default()).unwrap().progress, Some(83));
    let err = w.store.edit_milestone(first, &MilestoneEdit::Weight(0)).unwrap_err();
    assert_eq!(refused_fields(err), vec!["weight"]);
}

#[test]
fn the_demonstration_plan_can_be_reported_on_before_any_connection_and_stays_local() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = store.load_demo_plan().unwrap();
    let overview = store.plan_overview(plan.id, &OverviewFilter::default()).unwrap();
    let commitment = overview.areas.iter().flat_map(|a| &a.commitments).find(|c| c.lead_institution.is_some()).unwrap();
    let pending = store.sync_counts().unwrap().pending;
    let written = store.report_progress_on(&report(commitment.id, None, ProgressStatus::Limited), day(TODAY)).unwrap();
    assert_eq!(written.author_id, Uuid::nil());
    assert_eq!(store.sync_counts().unwrap().pending, pending, "the demonstration plan is never sent");
}

/// The server's rules in memory, with the directory's people.
struct Server(MemoryLedger);

impl Server {
    fn sync(&mut self, store: &mut Store, actor: &Actor) -> Vec<Outcome> {
        let mut outcomes = Vec::new();
        while let Some(request) = store.sync_push_request().unwrap() {
            let response = hub::push(&mut self.0, actor, &request).unwrap();
            outcomes.extend(response.results.iter().map(|r| r.outcome.clone()));
            store.sync_apply_push(&response).unwrap();
        }
        loop {
            let request = store.sync_pull_request().unwrap();
            let response = hub::pull(&mut self.0, actor, &request).unwrap();
            store.sync_apply_pull(&response).unwrap();
            if !response.more {
                break;
            }
        }
        outcomes
    }
}

#[test]
fn two_institutions_reporting_apart_both_keep_their_entries_and_none_is_overwritten() {
    let mut server = Server(MemoryLedger::new());
    let mut w = world();
    let (ministry, hatvp) = (w.ministry.clone(), w.hatvp.clone());
    let (c, first, _) = commitment_led_by(&mut w, ministry.id);
    let (h, h_first, _) = commitment_led_by(&mut w, hatvp.id);
    let coordinator = person("Dominique", &ministry, Role::Coordinator);
    let as_actor = |p: &Person| Actor { institution: p.institution_id, role: p.role, person: p.id };
    server.0.add_person(coordinator.id, &coordinator.name);
    sign_in(&mut w.store, &coordinator);
    server.sync(&mut w.store, &as_actor(&coordinator));

    // Each institution's drafter on a laptop of their own, reporting offline, then syncing.
    let mut laptops = Vec::new();
    for (who, institution, on) in [("Camille", &ministry, (c, first)), ("Alex", &hatvp, (h, h_first))] {
        let drafter = person(who, institution, Role::Drafter);
        server.0.add_person(drafter.id, who);
        let mut laptop = Store::open_in_memory().unwrap();
        sign_in(&mut laptop, &drafter);
        server.sync(&mut laptop, &as_actor(&drafter));
        laptop.report_progress_on(&report(on.0, Some(on.1), ProgressStatus::Substantial), day(TODAY)).unwrap();
        laptops.push((laptop, drafter));
    }
    for (laptop, drafter) in &mut laptops {
        let outcomes = server.sync(laptop, &as_actor(drafter));
        assert!(matches!(outcomes[..], [Outcome::Applied { .. }]), "{outcomes:?}");
    }
    server.sync(&mut w.store, &as_actor(&coordinator));
    for (commitment, name) in [(c, "Camille"), (h, "Alex")] {
        let progress = w.store.commitment_progress(commitment, Locale::Fr).unwrap();
        let entries = &progress.milestones[0].reports;
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].author_name, name, "the coordinator sees each institution's entry");
        assert_eq!(progress.percent, Some(33));
    }

    // A hand-made change of a report is refused, and the entry stays as written everywhere.
    let (laptop, drafter) = &mut laptops[0];
    let entry = w.store.commitment_progress(c, Locale::Fr).unwrap().milestones[0].reports[0].clone();
    let key = RecordKey { kind: RecordKind::Report, id: entry.id.0 };
    let request = plan_ouvert_sync::protocol::PushRequest {
        protocol: plan_ouvert_sync::protocol::PROTOCOL_VERSION,
        client: plan_ouvert_sync::protocol::ClientId(Uuid::now_v7()),
        mutations: vec![plan_ouvert_sync::protocol::Mutation {
            id: plan_ouvert_sync::protocol::MutationId {
                client: plan_ouvert_sync::protocol::ClientId(Uuid::nil()),
                seq: 1,
            },
            record: key,
            change: Change::Set { field: "status".into(), value: "complete".into(), base: "substantial".into() },
        }],
        acknowledged: 0,
        relay: false,
    };
    let mut request = request;
    request.mutations[0].id.client = request.client;
    let response = hub::push(&mut server.0, &as_actor(drafter), &request).unwrap();
    assert!(matches!(response.results[0].outcome, Outcome::Rejected { refusal: Refusal::Recorded }));
    server.sync(laptop, &as_actor(drafter));
    let again = laptop.commitment_progress(c, Locale::Fr).unwrap().milestones[0].reports[0].clone();
    // (`createdAt` is when each laptop stored it: here, when it was written.)
    assert_eq!(Report { created_at: entry.created_at, ..again }, entry, "unchanged on the author's laptop");
}

#[test]
fn a_report_refused_by_the_server_stays_visible_with_its_text_and_date() {
    let mut server = Server(MemoryLedger::new());
    let mut w = world();
    let (ministry, hatvp) = (w.ministry.clone(), w.hatvp.clone());
    let (c, first, _) = commitment_led_by(&mut w, ministry.id);
    let coordinator = person("Dominique", &ministry, Role::Coordinator);
    let as_actor = |p: &Person| Actor { institution: p.institution_id, role: p.role, person: p.id };
    server.0.add_person(coordinator.id, &coordinator.name);
    sign_in(&mut w.store, &coordinator);
    server.sync(&mut w.store, &as_actor(&coordinator));

    let drafter = person("Camille", &ministry, Role::Drafter);
    server.0.add_person(drafter.id, "Camille");
    let mut laptop = Store::open_in_memory().unwrap();
    sign_in(&mut laptop, &drafter);
    server.sync(&mut laptop, &as_actor(&drafter));
    laptop.report_progress_on(&report(c, Some(first), ProgressStatus::Limited), day(TODAY)).unwrap();
    // Meanwhile the coordination gives the commitment to the HATVP: the ministry no longer reports on it.
    w.store.edit_commitment(c, &CommitmentEdit::LeadInstitutionId(Some(hatvp.id))).unwrap();
    server.sync(&mut w.store, &as_actor(&coordinator));

    let outcomes = server.sync(&mut laptop, &as_actor(&drafter));
    assert!(matches!(outcomes[..], [Outcome::Rejected { refusal: Refusal::Forbidden }]), "{outcomes:?}");
    let refused = laptop.sync_rejection_views(Locale::Fr).unwrap();
    assert_eq!(refused.len(), 1);
    assert_eq!(refused[0].record_title, "Rapport d'avancement du 15/02/2023");
    assert!(serde_json::to_string(&refused[0]).unwrap().contains("Le catalogue est en ligne."), "its text is kept");
}

#[test]
fn evidence_files_are_checked_when_attached_and_kept_once() {
    let mut w = world();
    let ministry = w.ministry.clone();
    let (c, first, _) = commitment_led_by(&mut w, ministry.id);
    sign_in(&mut w.store, &person("Camille Martin", &ministry, Role::Drafter));

    let too_large = vec![b'%'; EvidenceFile::MAX_SIZE as usize + 1];
    for (name, bytes, problem) in [
        ("Bilan.pdf", &too_large[..], "trop lourd"),
        ("script.exe", &b"MZ\x90"[..], "n'est pas accepté"),
        ("faux.pdf", &b"PK\x03\x04"[..], "ne correspond pas"),
        ("vide.pdf", &b""[..], "vide"),
    ] {
        let err = w.store.attach_evidence(name, bytes).unwrap_err();
        let message = err.to_failure(Locale::Fr).fields[0].message.clone();
        assert!(message.contains(problem), "{name}: {message}");
    }
    let pdf = b"%PDF-1.7\nle bilan".to_vec();
    let file = w.store.attach_evidence("Documents/camille/Bilan : 2025.pdf", &pdf).unwrap();
    assert_eq!(
        (file.name.as_str(), file.size, file.media_type.as_str()),
        ("Bilan : 2025.pdf", pdf.len() as u64, "application/pdf")
    );
    assert_eq!(w.store.attach_evidence("Autre nom.pdf", &pdf).unwrap().sha256, file.sha256, "the same bytes, once");
    assert_eq!(w.store.evidence_bytes(&file.sha256).unwrap(), Some(pdf.clone()));

    let mut input = report(c, Some(first), ProgressStatus::Complete);
    input.files = vec![file.clone()];
    let written = w.store.report_progress_on(&input, day(TODAY)).unwrap();
    assert_eq!(written.files, vec![file.clone()]);
    let upload = w.store.files_to_upload().unwrap();
    assert_eq!(upload.iter().map(|f| f.sha256.as_str()).collect::<Vec<_>>(), vec![file.sha256.as_str()]);

    // A file this laptop does not hold cannot be named: it could never be sent.
    let mut unknown = report(c, Some(first), ProgressStatus::Complete);
    unknown.files = vec![EvidenceFile { sha256: "a".repeat(64), ..file }];
    assert_eq!(refused_fields(w.store.report_progress_on(&unknown, day(TODAY)).unwrap_err()), vec!["files"]);
}
