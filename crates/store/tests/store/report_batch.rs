//! Many reports at once (a filled progress workbook): checked by the same rules as one typed on
//! the commitment screen, every problem said with its row and field, written all together in one
//! transaction or not at all, signed by the person (on behalf for the coordination), and never
//! twice: importing the same rows again writes nothing.

use chrono::NaiveDate;
use plan_ouvert_domain::*;
use plan_ouvert_store::report_batch::{ReportBatch, ReportRow};
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;

use crate::helpers::{plan_input, world, World};

const TODAY: &str = "2023-03-01";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn sign_in(store: &mut Store, name: &str, institution: &Institution, role: Role) {
    crate::helpers::sign_in(store, &crate::helpers::person(name, institution, role));
}

fn input(commitment: CommitmentId, milestone: Option<MilestoneId>, status: &str) -> ReportInput {
    ReportInput {
        done: "Le catalogue est en ligne.".into(),
        links: vec![EvidenceLink { title: "Catalogue".into(), url: "https://www.data.gouv.fr/".into() }],
        ..crate::helpers::report_input(commitment, milestone, "2023-02-15", ProgressStatus::from_code(status))
    }
}

fn rows(inputs: Vec<ReportInput>) -> Vec<ReportRow> {
    inputs.into_iter().enumerate().map(|(i, input)| ReportRow { row: i as u32 + 2, input }).collect()
}

/// A commitment led by `lead` with two milestones.
fn commitment_led_by(w: &mut World, lead: InstitutionId, title: &str) -> (CommitmentId, MilestoneId, MilestoneId) {
    let c = w.store.create_commitment(w.area.id, title).unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(Some(lead))).unwrap();
    let milestone = |title: &str| MilestoneInput { title: title.into(), ..Default::default() };
    let first = w.store.create_milestone(c.id, &milestone("Recenser")).unwrap();
    let second = w.store.create_milestone(c.id, &milestone("Publier")).unwrap();
    (c.id, first.id, second.id)
}

fn report_count(store: &Store, commitment: CommitmentId) -> usize {
    let progress = store.commitment_progress(commitment, Locale::Fr).unwrap();
    progress.reports.len() + progress.milestones.iter().map(|m| m.reports.len()).sum::<usize>()
}

#[test]
fn every_row_becomes_a_signed_report_in_one_go_and_the_same_rows_again_write_nothing() {
    let mut w = world();
    let ministry = w.ministry.clone();
    let (c, first, second) = commitment_led_by(&mut w, ministry.id, "Ouvrir les données");
    sign_in(&mut w.store, "Camille Martin", &ministry, Role::Drafter);
    let rows =
        rows(vec![input(c, None, "limited"), input(c, Some(first), "complete"), input(c, Some(second), "notStarted")]);
    let batch = ReportBatch { plan: w.plan.id, institution: Some(ministry.id), rows: &rows };

    let preview = w.store.preview_report_batch(&batch, today()).unwrap();
    assert_eq!(preview.problems, []);
    assert_eq!((preview.written, preview.unchanged), (3, 0));
    assert_eq!(preview.signed_by.as_deref(), Some("Camille Martin"));
    assert!(!preview.on_behalf);
    assert_eq!(preview.plan_title.as_deref(), Some(plan_input().title.as_str()));
    assert_eq!(preview.institution_name.as_deref(), Some(ministry.name.as_str()));
    assert_eq!(report_count(&w.store, c), 0, "a preview writes nothing");
    let pending = w.store.sync_counts().unwrap().pending;

    let done = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!((done.written, done.unchanged, done.problems.len()), (3, 0, 0));
    let progress = w.store.commitment_progress(c, Locale::Fr).unwrap();
    assert_eq!(progress.status, Some(ProgressStatus::Limited));
    assert_eq!(progress.milestones[0].status, Some(ProgressStatus::Complete));
    let entry = &progress.milestones[0].reports[0];
    assert_eq!(
        (entry.author_name.as_str(), entry.institution_id, entry.on_behalf),
        ("Camille Martin", ministry.id, false)
    );
    assert_eq!(entry.links.len(), 1);
    assert_eq!(w.store.sync_counts().unwrap().pending, pending + 3, "each report queued for the server");

    // The same rows again: each is already an entry of its timeline.
    let again = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!((again.written, again.unchanged, again.problems.len()), (0, 3, 0));
    assert_eq!(report_count(&w.store, c), 3);
    assert_eq!(w.store.sync_counts().unwrap().pending, pending + 3);

    // A report typed since on the screen, stepping back from "complete" with a word: the old rows
    // are still already there (the rule on leaving "complete" does not make them new problems),
    // and the correction is not undone.
    let mut back = input(c, Some(first), "substantial");
    back.reported_on = "2023-02-20".into();
    back.difficulties = "Un jeu de données a été retiré.".into();
    w.store.report_progress_on(&back, today()).unwrap();
    let again = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!((again.written, again.unchanged, again.problems.len()), (0, 3, 0));
    assert_eq!(
        w.store.commitment_progress(c, Locale::Fr).unwrap().milestones[0].status,
        Some(ProgressStatus::Substantial)
    );

    // A row changed since: a new entry, after the earlier one.
    let mut changed = rows.clone();
    changed[2].input.status = Some(ProgressStatus::Limited);
    let batch = ReportBatch { plan: w.plan.id, institution: Some(ministry.id), rows: &changed };
    let done = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!((done.written, done.unchanged), (1, 2));
    assert_eq!(w.store.commitment_progress(c, Locale::Fr).unwrap().milestones[1].reports.len(), 2);
}

#[test]
fn the_coordination_signs_on_the_institutions_behalf() {
    let mut w = world();
    let (ministry, hatvp) = (w.ministry.clone(), w.hatvp.clone());
    let (c, first, _) = commitment_led_by(&mut w, ministry.id, "Ouvrir les données");
    let (d, _, _) = commitment_led_by(&mut w, hatvp.id, "Publier les déclarations");
    let coordination = w
        .store
        .create_institution(&InstitutionInput {
            name: "Direction interministérielle de la transformation publique".into(),
            acronym: "DITP".into(),
            kind: InstitutionKind::Ministry,
        })
        .unwrap();
    sign_in(&mut w.store, "Claire Dubois", &coordination, Role::Coordinator);
    // A workbook of every institution.
    let rows = rows(vec![input(c, Some(first), "limited"), input(d, None, "substantial")]);
    let batch = ReportBatch { plan: w.plan.id, institution: None, rows: &rows };
    let done = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!((done.written, done.problems.len(), done.on_behalf), (2, 0, true));
    assert_eq!(done.institution_name, None);
    let entry = w.store.commitment_progress(d, Locale::Fr).unwrap().reports[0].clone();
    assert_eq!((entry.author_name.as_str(), entry.institution_id, entry.on_behalf), ("Claire Dubois", hatvp.id, true));
    assert_eq!(
        w.store.lead_institutions(w.plan.id).unwrap().into_iter().map(|i| i.id).collect::<Vec<_>>(),
        vec![hatvp.id, ministry.id],
        "the institutions that carry a commitment of the plan, by name"
    );
}

#[test]
fn every_problem_of_every_row_is_said_and_nothing_is_written() {
    let mut w = world();
    let (ministry, hatvp) = (w.ministry.clone(), w.hatvp.clone());
    let (c, first, second) = commitment_led_by(&mut w, ministry.id, "Ouvrir les données");
    let (hatvp_commitment, hatvp_milestone, _) = commitment_led_by(&mut w, hatvp.id, "Publier les déclarations");
    let other_plan = w.store.create_plan(&PlanInput { title: "Un autre plan".into(), ..plan_input() }).unwrap();
    let other_area = w
        .store
        .create_area(
            other_plan.id,
            &AreaInput { kind: AreaKind::Thematic, title: "Autre axe".into(), description: String::new() },
        )
        .unwrap();
    let elsewhere = w.store.create_commitment(other_area.id, "Ailleurs").unwrap();
    w.store.edit_commitment(elsewhere.id, &CommitmentEdit::LeadInstitutionId(Some(ministry.id))).unwrap();
    let elsewhere_milestone = w
        .store
        .create_milestone(elsewhere.id, &MilestoneInput { title: "Jalon".into(), ..Default::default() })
        .unwrap();
    sign_in(&mut w.store, "Camille Martin", &ministry, Role::Drafter);
    // Milestone 1 was complete.
    w.store.report_progress_on(&input(c, Some(first), "complete"), today()).unwrap();

    let mut future = input(c, None, "limited");
    future.reported_on = "2023-03-02".into();
    let mut bad_link = input(c, Some(second), "limited");
    bad_link.links.push(EvidenceLink { title: "Décret".into(), url: "www.legifrance.gouv.fr/decret".into() });
    let mut back = input(c, Some(first), "limited");
    back.done = String::new();
    let mut not_a_date = input(c, Some(second), "limited");
    not_a_date.reported_on = "fin mars".into();
    not_a_date.status = None;
    let rows = rows(vec![
        future,                                                       // row 2
        bad_link,                                                     // row 3
        back,                                                         // row 4
        input(elsewhere.id, Some(elsewhere_milestone.id), "limited"), // row 5: another plan's
        input(hatvp_commitment, Some(hatvp_milestone), "limited"),    // row 6: another institution's
        input(c, Some(MilestoneId::new()), "limited"),                // row 7: a milestone deleted
        not_a_date,                                                   // row 8: milestone 2 again
    ]);
    let batch = ReportBatch { plan: w.plan.id, institution: Some(ministry.id), rows: &rows };
    for outcome in
        [w.store.preview_report_batch(&batch, today()).unwrap(), w.store.write_report_batch(&batch, today()).unwrap()]
    {
        let said: Vec<(Option<u32>, Option<&str>, &str)> =
            outcome.problems.iter().map(|p| (p.row, p.field, p.message.as_str())).collect();
        assert_eq!(
            said,
            [
                (Some(2), Some("reportedOn"), "Un rapport décrit ce qui a été fait : sa date ne peut pas être postérieure à aujourd'hui (01/03/2023)."),
                (Some(3), Some("links"), "Lien 2 (adresse) : Adresse web invalide : elle doit commencer par https:// (ou http://) et ne pas contenir d'espace."),
                (Some(4), Some("difficulties"), "Le rapport précédent disait « Achevé » : expliquez pourquoi ce n'est plus le cas (ce qui a été fait ou les difficultés)."),
                (Some(5), Some("milestoneId"), "Les identifiants de cette ligne ne désignent aucun jalon de ce plan d'action (ligne d'un autre plan, ou jalon supprimé depuis)."),
                (Some(6), Some("institution"), "Cet engagement est porté par une autre institution (Haute Autorité pour la transparence de la vie publique) que celle de ce classeur (Ministère de la Transition écologique)."),
                (Some(7), Some("milestoneId"), "Les identifiants de cette ligne ne désignent aucun jalon de ce plan d'action (ligne d'un autre plan, ou jalon supprimé depuis)."),
                (Some(8), Some("milestoneId"), "Cette ligne rend compte de la même chose que la ligne 3 : une seule ligne par jalon et par engagement."),
            ]
        );
        assert_eq!(outcome.written, 0, "rows 2 to 8 all have a problem");
    }
    assert_eq!(report_count(&w.store, c), 1, "nothing written: only the report typed before");

    // One good row among bad ones is not written either: all or nothing.
    let mixed = vec![rows[0].clone(), ReportRow { row: 9, input: input(c, Some(second), "limited") }];
    let batch = ReportBatch { plan: w.plan.id, institution: Some(ministry.id), rows: &mixed };
    let outcome = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!((outcome.written, outcome.problems.len()), (1, 1));
    assert_eq!(report_count(&w.store, c), 1);

    // A person who may not report for the institution: said on each row.
    let only_good = vec![ReportRow { row: 9, input: input(c, Some(second), "limited") }];
    sign_in(&mut w.store, "Hugo Petit", &hatvp, Role::Drafter);
    let batch = ReportBatch { plan: w.plan.id, institution: Some(ministry.id), rows: &only_good };
    let outcome = w.store.write_report_batch(&batch, today()).unwrap();
    assert_eq!(outcome.problems.len(), 1);
    assert!(
        outcome.problems[0].message.starts_with("Seules les personnes de l'institution porteuse"),
        "{:?}",
        outcome.problems
    );

    // A plan, or an institution, this laptop does not have.
    let batch = ReportBatch { plan: PlanId::new(), institution: None, rows: &only_good };
    let outcome = w.store.preview_report_batch(&batch, today()).unwrap();
    assert_eq!((outcome.problems[0].row, outcome.plan_title.clone()), (None, None));
    assert!(outcome.problems[0].message.starts_with("Le plan d'action de ce classeur n'est pas sur cet ordinateur"));
    let batch = ReportBatch { plan: w.plan.id, institution: Some(InstitutionId::new()), rows: &only_good };
    assert!(w.store.preview_report_batch(&batch, today()).unwrap().problems[0]
        .message
        .contains("n'est pas sur cet ordinateur"));
}
