use plan_ouvert_domain::*;
use plan_ouvert_store::Error;

use crate::helpers::*;

#[test]
fn institutions_are_listed_by_name_and_names_are_unique() {
    let mut w = world();
    let cnil = w
        .store
        .create_institution(&institution(
            "Commission nationale de l'informatique et des libertés",
            "CNIL",
            InstitutionKind::IndependentAuthority,
        ))
        .unwrap();
    let names: Vec<_> = w.store.list_institutions().unwrap().into_iter().map(|i| i.acronym).collect();
    assert_eq!(names, ["CNIL", "HATVP", "MTE"]);
    let err = w.store.create_institution(&institution("cour de cassation", "", InstitutionKind::Court)).map(|_| ());
    assert!(err.is_ok());
    let err = w.store.create_institution(&institution("COUR DE CASSATION", "", InstitutionKind::Court)).unwrap_err();
    assert_eq!(refused_fields(err), ["name"]);
    let renamed = w
        .store
        .update_institution(
            cnil.id,
            &institution(
                "Commission nationale de l'informatique et des libertés",
                "Cnil",
                InstitutionKind::IndependentAuthority,
            ),
        )
        .unwrap();
    assert_eq!(renamed.acronym, "Cnil");
}

#[test]
fn an_institution_in_use_cannot_be_deleted() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement").unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::SupportingInstitutionIds(vec![w.hatvp.id])).unwrap();
    let m = w
        .store
        .create_milestone(
            c.id,
            &MilestoneInput { title: "J".into(), lead_institution_id: Some(w.hatvp.id), ..Default::default() },
        )
        .unwrap();
    let err = w.store.delete_institution(w.hatvp.id).unwrap_err();
    assert!(matches!(err, Error::InUse { count: 2, .. }));
    assert!(err.to_failure(Locale::Fr).message.contains("2 engagements ou jalons"));
    w.store.edit_milestone(m.id, &MilestoneEdit::LeadInstitutionId(None)).unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::SupportingInstitutionIds(vec![])).unwrap();
    w.store.delete_institution(w.hatvp.id).unwrap();
    w.store.delete_institution(w.ministry.id).unwrap();
    assert!(w.store.list_institutions().unwrap().is_empty());
}
