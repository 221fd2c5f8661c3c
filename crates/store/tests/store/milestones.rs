use plan_ouvert_domain::*;

use crate::helpers::*;

fn milestone(title: &str) -> MilestoneInput {
    MilestoneInput { title: title.into(), ..Default::default() }
}

#[test]
fn a_drafter_adds_edits_reorders_and_deletes_milestones() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    let a = w.store.create_milestone(c.id, &milestone("Recenser")).unwrap();
    let b = w.store.create_milestone(c.id, &milestone("Ouvrir")).unwrap();
    let d = w.store.create_milestone(c.id, &milestone("Évaluer")).unwrap();
    assert_eq!((a.position, b.position, d.position), (0, 1, 2));

    let edited = w.store.edit_milestone(b.id, &MilestoneEdit::DueDate("2023-06-30".into())).unwrap();
    assert_eq!(edited.due_date.unwrap().to_string(), "2023-06-30");
    w.store.edit_milestone(b.id, &MilestoneEdit::LeadInstitutionId(Some(w.hatvp.id))).unwrap();

    let order = w.store.move_milestone(d.id, 0).unwrap();
    let titles: Vec<_> = order.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["Évaluer", "Recenser", "Ouvrir"]);
    assert_eq!(order.iter().map(|m| m.position).collect::<Vec<_>>(), [0, 1, 2]);

    let order = w.store.move_milestone(d.id, 99).unwrap();
    assert_eq!(order.last().unwrap().id, d.id);

    w.store.delete_milestone(a.id).unwrap();
    let left: Vec<_> = w.store.milestones(c.id).unwrap().into_iter().map(|m| (m.title, m.position)).collect();
    assert_eq!(left, [("Ouvrir".to_string(), 0), ("Évaluer".to_string(), 1)], "ranks from 0, no gap");
}

#[test]
fn ranks_stay_contiguous_when_a_commitment_leaves_its_area_or_an_area_its_plan() {
    let mut w = world();
    let first = w.store.create_commitment(w.area.id, "Premier").unwrap();
    let second = w.store.create_commitment(w.area.id, "Deuxième").unwrap();
    let third = w.store.create_commitment(w.area.id, "Troisième").unwrap();
    let other = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Autre".into(), description: String::new() },
        )
        .unwrap();
    w.store.edit_commitment(first.id, &CommitmentEdit::AreaId(other.id)).unwrap();
    assert_eq!(w.store.commitment(second.id).unwrap().position, 0);
    assert_eq!(w.store.commitment(third.id).unwrap().position, 1);
    w.store.delete_commitment(second.id).unwrap();
    assert_eq!(w.store.commitment(third.id).unwrap().position, 0);

    let last = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Thematic, title: "Dernier".into(), description: String::new() },
        )
        .unwrap();
    assert_eq!(last.position, 2);
    w.store.delete_commitment(first.id).unwrap();
    w.store.delete_area(other.id).unwrap();
    let areas = w.store.plan_overview(w.plan.id, &OverviewFilter::default()).unwrap().areas;
    let ranks: Vec<_> = areas.iter().map(|a| (a.area.title.as_str(), a.area.position)).collect();
    assert_eq!(ranks, [("Accélérer la transition écologique", 0), ("Dernier", 1)]);
}

#[test]
fn a_due_date_outside_the_plan_period_is_refused_and_nothing_is_saved() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    let input = MilestoneInput { title: "Publier".into(), due_date: "2024-03-01".into(), ..Default::default() };
    let err = w.store.create_milestone(c.id, &input).unwrap_err();
    let failure = err.to_failure(Locale::Fr);
    assert_eq!(failure.code, ErrorCode::Validation);
    assert_eq!(failure.fields[0].field, "dueDate");
    assert_eq!(
        failure.fields[0].message,
        "La date doit être comprise dans la période du plan d'action, du 17/12/2021 au 31/12/2023."
    );
    assert!(w.store.milestones(c.id).unwrap().is_empty());

    let m = w.store.create_milestone(c.id, &MilestoneInput { due_date: "2023-01-31".into(), ..input }).unwrap();
    let err = w.store.edit_milestone(m.id, &MilestoneEdit::DueDate("2021-01-01".into())).unwrap_err();
    assert_eq!(refused_fields(err), ["dueDate"]);
    assert_eq!(w.store.milestones(c.id).unwrap()[0].due_date.unwrap().to_string(), "2023-01-31");
}

#[test]
fn the_same_refusal_reads_in_english() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    let input = MilestoneInput { title: "".into(), due_date: "2024-03-01".into(), ..Default::default() };
    let failure = w.store.create_milestone(c.id, &input).unwrap_err().to_failure(Locale::En);
    assert_eq!(failure.message, "2 fields need correcting.");
    assert_eq!(failure.fields[0].message, "This field is required.");
}

#[test]
fn parts_are_numbered_by_their_ranks_and_keep_their_numbers_when_filtered() {
    let mut w = world();
    let other = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: String::new() },
        )
        .unwrap();
    w.store.create_commitment(other.id, "Premier").unwrap();
    let second = w.store.create_commitment(other.id, "Publier les avis de la HATVP").unwrap();
    let a = w.store.create_milestone(second.id, &milestone("Recenser")).unwrap();
    let b = w.store.create_milestone(second.id, &milestone("Ouvrir")).unwrap();

    let overview = w.store.plan_overview(w.plan.id, &OverviewFilter::default()).unwrap();
    let numbers: Vec<_> = overview.areas.iter().map(|a| a.number.as_str()).collect();
    assert_eq!(numbers, ["1", "2"]);
    let numbered: Vec<_> =
        overview.areas[1].commitments.iter().map(|c| (c.number.as_str(), c.title.as_str())).collect();
    assert_eq!(numbered, [("2.1", "Premier"), ("2.2", "Publier les avis de la HATVP")]);

    // A search shows the second commitment alone: it is still 2.2.
    let found =
        w.store.plan_overview(w.plan.id, &OverviewFilter { query: "hatvp".into(), institution_id: None }).unwrap();
    assert_eq!(found.areas[1].commitments.len(), 1);
    assert_eq!(found.areas[1].commitments[0].number, "2.2");

    // The commitment screen says the same, and numbers the milestones after it.
    let detail = w.store.commitment_detail(second.id).unwrap();
    assert_eq!(detail.number, "2.2");
    assert_eq!(detail.milestone_numbers[&a.id], "2.2.1");
    assert_eq!(detail.milestone_numbers[&b.id], "2.2.2");
    // Moved, a milestone takes the number of its new rank.
    w.store.move_milestone(b.id, 0).unwrap();
    let detail = w.store.commitment_detail(second.id).unwrap();
    assert_eq!(detail.milestone_numbers[&b.id], "2.2.1");
    assert_eq!(detail.milestone_numbers[&a.id], "2.2.2");
}
