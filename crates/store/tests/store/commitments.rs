use plan_ouvert_domain::*;
use plan_ouvert_store::Error;

use crate::helpers::*;

#[test]
fn a_drafter_fills_every_template_field_one_at_a_time() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Ouvrir les données environnementales").unwrap();
    let edits = vec![
        CommitmentEdit::BriefDescription("Ouvrir les données sur l'eau et l'air.".into()),
        CommitmentEdit::Problem("Les données sont dispersées.".into()),
        CommitmentEdit::Causes("Pas de catalogue commun.".into()),
        CommitmentEdit::DoneSoFar("Un inventaire partiel.".into()),
        CommitmentEdit::Solution("Un catalogue commun.".into()),
        CommitmentEdit::ExpectedResults("50 jeux de données ouverts.".into()),
        CommitmentEdit::Transparency("Les données deviennent publiques.".into()),
        CommitmentEdit::Accountability("Des indicateurs de suivi publiés.".into()),
        CommitmentEdit::Participation("Un défi de réutilisation.".into()),
        CommitmentEdit::LeadInstitutionId(Some(w.ministry.id)),
        CommitmentEdit::SupportingInstitutionIds(vec![w.hatvp.id]),
        CommitmentEdit::OtherSupporters("Open Knowledge France".into()),
        CommitmentEdit::StartDate("2022-01-01".into()),
        CommitmentEdit::EndDate("2023-12-31".into()),
        CommitmentEdit::AccessToInformation(true),
        CommitmentEdit::CivicParticipation(true),
        CommitmentEdit::PublicAccountability(false),
        CommitmentEdit::TechnologyInnovation(true),
        CommitmentEdit::ContactName("Marie Curie".into()),
        CommitmentEdit::ContactTitle("Cheffe de projet".into()),
        CommitmentEdit::ContactDepartment("Service des données".into()),
        CommitmentEdit::ContactEmail("marie.curie@developpement-durable.gouv.fr".into()),
        CommitmentEdit::ContactPhone("+33 1 40 81 21 22".into()),
    ];
    for edit in &edits {
        w.store.edit_commitment(c.id, edit).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    }
    let saved = w.store.commitment(c.id).unwrap();
    assert_eq!(saved.causes, "Pas de catalogue commun.");
    assert_eq!(saved.lead_institution_id, Some(w.ministry.id));
    assert_eq!(saved.supporting_institution_ids, vec![w.hatvp.id]);
    assert_eq!(saved.end_date.unwrap().to_string(), "2023-12-31");
    assert!(saved.access_to_information && saved.technology_innovation && !saved.public_accountability);
    assert_eq!(saved.contact_email, "marie.curie@developpement-durable.gouv.fr");
    assert_eq!(saved.completeness(), (15, 15));
    assert!(saved.updated_at >= c.updated_at);
}

#[test]
fn a_refused_value_leaves_the_stored_one_untouched() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Titre initial").unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::ContactEmail("bon@exemple.fr".into())).unwrap();
    let err = w.store.edit_commitment(c.id, &CommitmentEdit::ContactEmail("pas une adresse".into())).unwrap_err();
    assert_eq!(refused_fields(err), ["contactEmail"]);
    let err = w.store.edit_commitment(c.id, &CommitmentEdit::Title("".into())).unwrap_err();
    assert_eq!(refused_fields(err), ["title"]);
    let err = w.store.edit_commitment(c.id, &CommitmentEdit::EndDate("2024-01-01".into())).unwrap_err();
    assert_eq!(refused_fields(err), ["endDate"]);
    let saved = w.store.commitment(c.id).unwrap();
    assert_eq!(saved.contact_email, "bon@exemple.fr");
    assert_eq!(saved.title, "Titre initial");
    assert_eq!(saved.end_date, None);
}

#[test]
fn html_in_a_title_is_stored_as_typed() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "<img src=x onerror=alert(1)>").unwrap();
    assert_eq!(w.store.commitment(c.id).unwrap().title, "<img src=x onerror=alert(1)>");
}

#[test]
fn a_reference_to_a_missing_institution_or_area_is_refused() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    let err =
        w.store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(Some(InstitutionId::new()))).unwrap_err();
    assert_eq!(refused_fields(err), ["leadInstitutionId"]);
    let err = w.store.edit_commitment(c.id, &CommitmentEdit::AreaId(AreaId::new())).unwrap_err();
    assert_eq!(refused_fields(err), ["areaId"]);
    assert!(matches!(w.store.create_commitment(AreaId::new(), "x"), Err(Error::NotFound(_))));
}

#[test]
fn a_commitment_moves_to_the_end_of_another_area() {
    let mut w = world();
    let other = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: String::new() },
        )
        .unwrap();
    w.store.create_commitment(other.id, "Déjà là").unwrap();
    let c = w.store.create_commitment(w.area.id, "À déplacer").unwrap();
    let moved = w.store.edit_commitment(c.id, &CommitmentEdit::AreaId(other.id)).unwrap();
    assert_eq!(moved.area_id, other.id);
    assert_eq!(moved.position, 1);
}

#[test]
fn the_detail_gathers_plan_area_milestones_and_institutions() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    w.store.create_milestone(c.id, &MilestoneInput { title: "Premier jalon".into(), ..Default::default() }).unwrap();
    let detail = w.store.commitment_detail(c.id).unwrap();
    assert_eq!(detail.plan.id, w.plan.id);
    assert_eq!(detail.area.id, w.area.id);
    assert_eq!(detail.milestones.len(), 1);
    assert_eq!(detail.institutions.len(), 2);
}

#[test]
fn deleting_a_commitment_deletes_its_milestones() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    let m = w.store.create_milestone(c.id, &MilestoneInput { title: "Jalon".into(), ..Default::default() }).unwrap();
    w.store.delete_commitment(c.id).unwrap();
    assert!(matches!(w.store.commitment(c.id), Err(Error::NotFound(_))));
    assert!(matches!(w.store.edit_milestone(m.id, &MilestoneEdit::Title("x".into())), Err(Error::NotFound(_))));
    assert!(matches!(w.store.delete_commitment(c.id), Err(Error::NotFound(_))));
}
