//! Reporting rounds: the coordination opens one; each institution's expected items are reported,
//! late or to do; a drafter sees their institution's part; the contacts to remind are listed.

use chrono::NaiveDate;
use plan_ouvert_domain::*;
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;

use crate::helpers::{refused_fields, world};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn sign_in(store: &mut Store, name: &str, institution: &Institution, role: Role) {
    crate::helpers::sign_in(store, &crate::helpers::person(name, institution, role));
}

fn round_input(opens: &str, due: &str) -> RoundInput {
    RoundInput {
        kind: RoundKind::MidTerm,
        title: "Rapport à mi-parcours".into(),
        opens_on: opens.into(),
        due_on: due.into(),
        instructions: "Merci de rendre compte de chaque jalon.".into(),
    }
}

fn report(store: &mut Store, c: CommitmentId, m: Option<MilestoneId>, on: &str, status: ProgressStatus) {
    crate::helpers::report_on(store, (c, m), on, status, day("2023-12-31"));
}

#[test]
fn a_round_says_per_institution_what_is_reported_late_or_to_do_and_whom_to_remind() {
    let mut w = world();
    let (ministry, hatvp) = (w.ministry.clone(), w.hatvp.clone());
    let milestone = |title: &str| MilestoneInput { title: title.into(), ..Default::default() };
    // The ministry: a commitment with three milestones, one complete before the round opens.
    let c = w.store.create_commitment(w.area.id, "Ouvrir les données").unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(Some(ministry.id))).unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::ContactName("Camille Martin".into())).unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::ContactEmail("camille.martin@ecologie.gouv.fr".into())).unwrap();
    let done = w.store.create_milestone(c.id, &milestone("Recenser")).unwrap();
    let reported = w.store.create_milestone(c.id, &milestone("Publier")).unwrap();
    let silent = w.store.create_milestone(c.id, &milestone("Évaluer")).unwrap();
    // The HATVP: a commitment with no milestone.
    let h = w.store.create_commitment(w.area.id, "Publier les déclarations").unwrap();
    w.store.edit_commitment(h.id, &CommitmentEdit::LeadInstitutionId(Some(hatvp.id))).unwrap();
    // A commitment with no lead: nobody to ask.
    w.store.create_commitment(w.area.id, "Sans porteur").unwrap();

    let coordination = w.store.create_institution(&InstitutionInput {
        name: "Direction interministérielle de la transformation publique".into(),
        acronym: "DITP".into(),
        kind: InstitutionKind::Ministry,
    });
    sign_in(&mut w.store, "Dominique", &coordination.unwrap(), Role::Coordinator);
    let refused = w.store.create_round(w.plan.id, &round_input("2023-06-01", "2023-05-01")).unwrap_err();
    assert_eq!(refused_fields(refused), vec!["dueOn"]);
    let round = w.store.create_round(w.plan.id, &round_input("2023-06-01", "2023-07-15")).unwrap();
    report(&mut w.store, c.id, Some(done.id), "2023-03-01", ProgressStatus::Complete);
    report(&mut w.store, c.id, Some(reported.id), "2023-06-20", ProgressStatus::Substantial);
    report(&mut w.store, c.id, Some(silent.id), "2023-05-31", ProgressStatus::Limited);

    // Before the due date: the ministry has its own account and one milestone to do.
    let before = w.store.round_progress_on(round.id, day("2023-07-15")).unwrap();
    assert!(!before.own_only);
    let names: Vec<&str> = before.institutions.iter().map(|i| i.institution.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Haute Autorité pour la transparence de la vie publique", "Ministère de la Transition écologique"]
    );
    let mte = &before.institutions[1];
    assert_eq!((mte.reported, mte.late, mte.to_do), (1, 0, 2), "the milestone complete before is not asked");
    let states: Vec<(&str, RoundItemState)> = mte.items.iter().map(|i| (i.number.as_str(), i.state)).collect();
    assert_eq!(
        states,
        vec![("1.1", RoundItemState::ToDo), ("1.1.2", RoundItemState::Reported), ("1.1.3", RoundItemState::ToDo)]
    );
    assert_eq!(mte.contacts[0].email, "camille.martin@ecologie.gouv.fr");
    // After it: what is not reported is late (the HATVP's own account; the ministry's and a
    // milestone).
    let after = w.store.round_progress_on(round.id, day("2023-07-16")).unwrap();
    let todo = w.store.todo_on(day("2023-07-16")).unwrap();
    assert_eq!(
        (todo.rounds[0].late, todo.rounds[0].to_do),
        (3, 0),
        "the coordination's « À faire » counts every institution"
    );
    assert_eq!((after.institutions[0].late, after.institutions[1].late), (1, 2));
    assert_eq!((after.institutions[1].to_do, after.institutions[1].reported), (0, 1));

    // A drafter of the HATVP sees their institution's part only.
    sign_in(&mut w.store, "Alex", &hatvp, Role::Drafter);
    let own = w.store.round_progress_on(round.id, day("2023-07-16")).unwrap();
    assert!(own.own_only && own.read_only.is_some());
    assert_eq!(own.institutions.len(), 1);
    assert_eq!(own.institutions[0].institution.id, hatvp.id);
    // And finds it in « À faire »: its one report due, late.
    let todo = w.store.todo_on(day("2023-07-16")).unwrap();
    assert_eq!(todo.rounds.len(), 1);
    assert_eq!((todo.rounds[0].late, todo.rounds[0].to_do, todo.rounds[0].round.id), (1, 0, round.id));
}

#[test]
fn a_round_deleted_by_mistake_comes_back() {
    let mut w = world();
    let round = w.store.create_round(w.plan.id, &round_input("2023-06-01", "2023-07-15")).unwrap();
    let deletion = w.store.delete_round(round.id).unwrap();
    assert!(w.store.rounds(w.plan.id).unwrap().is_empty());
    w.store.restore_deletion(deletion).unwrap();
    let back = w.store.rounds(w.plan.id).unwrap();
    assert_eq!((back.len(), back[0].title.as_str()), (1, "Rapport à mi-parcours"));
    // The open-data exports read the plan's records: the round is one of them.
    let records = w.store.plan_records(w.plan.id).unwrap();
    assert!(records.keys().any(|k| k.kind == plan_ouvert_sync::protocol::RecordKind::Round && k.id == back[0].id.0));
}
