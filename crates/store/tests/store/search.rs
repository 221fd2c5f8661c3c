use plan_ouvert_domain::*;

use crate::helpers::*;

fn titles(overview: &PlanOverview) -> Vec<String> {
    overview.areas.iter().flat_map(|a| a.commitments.iter().map(|c| c.title.clone())).collect()
}

/// A second, transversal area titled « Transparence ».
fn transparency_area(w: &mut World) -> Area {
    w.store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: String::new() },
        )
        .unwrap()
}

fn search(w: &mut World, query: &str) -> PlanOverview {
    w.store.plan_overview(w.plan.id, &OverviewFilter { query: query.into(), institution_id: None }).unwrap()
}

#[test]
fn search_ignores_accents_and_case() {
    let mut w = world();
    let other = transparency_area(&mut w);
    w.store.create_commitment(other.id, "Accélérer la transition ÉCOLOGIQUE des achats").unwrap();
    w.store.create_commitment(other.id, "Publier les avis de la HATVP").unwrap();
    let found = search(&mut w, "ecologique");
    assert_eq!(titles(&found), ["Accélérer la transition ÉCOLOGIQUE des achats"]);
    assert!(found.filtered);
    assert_eq!(found.matching_count, 1);
    assert_eq!(titles(&search(&mut w, "PUBLIER hatvp")), ["Publier les avis de la HATVP"]);
    assert_eq!(titles(&search(&mut w, "écolo")).len(), 1, "a word being typed matches as a prefix");
}

#[test]
fn search_looks_into_every_text_of_the_template() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Engagement sans mot-clé").unwrap();
    w.store
        .edit_commitment(c.id, &CommitmentEdit::Causes("Les données de biodiversité sont éparpillées.".into()))
        .unwrap();
    assert_eq!(search(&mut w, "biodiversite").matching_count, 1);
    w.store.edit_commitment(c.id, &CommitmentEdit::Causes(String::new())).unwrap();
    assert_eq!(search(&mut w, "biodiversite").matching_count, 0, "the index follows edits");
}

#[test]
fn an_area_whose_title_matches_shows_all_its_commitments() {
    let mut w = world();
    w.store.create_commitment(w.area.id, "Ouvrir les données de l'eau").unwrap();
    let found = search(&mut w, "ecologique");
    assert_eq!(found.matching_count, 1);
}

#[test]
fn search_syntax_typed_by_a_person_never_fails() {
    let mut w = world();
    w.store.create_commitment(w.area.id, "Ouvrir").unwrap();
    for typed in ["\"", "NEAR(", "a OR", "*", "-x", "l'eau", "😀", "   "] {
        search(&mut w, typed);
    }
    assert!(!search(&mut w, "   ").filtered);
}

#[test]
fn the_institution_filter_keeps_what_it_leads_or_supports() {
    let mut w = world();
    let led = w.store.create_commitment(w.area.id, "Mené par le ministère").unwrap();
    w.store.edit_commitment(led.id, &CommitmentEdit::LeadInstitutionId(Some(w.ministry.id))).unwrap();
    let supported = w.store.create_commitment(w.area.id, "Soutenu par le ministère").unwrap();
    w.store.edit_commitment(supported.id, &CommitmentEdit::SupportingInstitutionIds(vec![w.ministry.id])).unwrap();
    let hatvp = w.store.create_commitment(w.area.id, "Mené par la HATVP").unwrap();
    w.store.edit_commitment(hatvp.id, &CommitmentEdit::LeadInstitutionId(Some(w.hatvp.id))).unwrap();
    let overview = w
        .store
        .plan_overview(w.plan.id, &OverviewFilter { query: String::new(), institution_id: Some(w.ministry.id) })
        .unwrap();
    assert_eq!(titles(&overview), ["Mené par le ministère", "Soutenu par le ministère"]);
    assert_eq!(overview.commitment_count, 3);
    assert_eq!(overview.areas[0].total_commitments, 3);
    let lead = overview.areas[0].commitments[0].lead_institution.as_ref().unwrap();
    assert_eq!(lead.acronym, "MTE");
}

#[test]
fn a_search_alone_finds_what_the_overview_would_show_and_reads_nothing_else() {
    let mut w = world();
    // The world's area is titled after ecology: a search for it finds all its commitments.
    let first = w.store.create_commitment(w.area.id, "Ouvrir les données de l'eau").unwrap();
    let other = transparency_area(&mut w);
    let achats = w.store.create_commitment(other.id, "Publier les achats publics").unwrap();
    w.store.create_commitment(other.id, "Publier les avis de la HATVP").unwrap();
    let all: Vec<CommitmentId> = search(&mut w, "").areas.iter().flat_map(|a| &a.commitments).map(|c| c.id).collect();
    for typed in ["ecologique", "achats", "publ", "transparence", "aucun-mot-ainsi", "donnees", "l'eau"] {
        let answer = w.store.plan_search(w.plan.id, typed).unwrap().found.expect("words were typed");
        let listed = match &answer {
            Found::Only(ids) | Found::AllBut(ids) => ids.len(),
        };
        assert!(2 * listed <= all.len(), "« {typed} »: the shorter list is sent, never more than half the plan");
        let mut alone: Vec<CommitmentId> = match answer {
            Found::Only(ids) => ids,
            Found::AllBut(not) => all.iter().copied().filter(|id| !not.contains(id)).collect(),
        };
        alone.sort();
        let overview = search(&mut w, typed);
        let mut shown: Vec<CommitmentId> = overview.areas.iter().flat_map(|a| &a.commitments).map(|c| c.id).collect();
        shown.sort();
        assert_eq!(alone, shown, "« {typed} »: the same commitments either way");
    }
    let found = |w: &mut World, typed: &str| w.store.plan_search(w.plan.id, typed).unwrap().found;
    assert_eq!(
        found(&mut w, "ecologique"),
        Some(Found::Only(vec![first.id])),
        "the area's title matched: its commitment"
    );
    assert_eq!(found(&mut w, "achats"), Some(Found::Only(vec![achats.id])));
    assert_eq!(
        found(&mut w, "publ"),
        Some(Found::AllBut(vec![first.id])),
        "two of three found: the one not found is sent"
    );
    assert_eq!(found(&mut w, " -- "), None, "no word: no text filter");
    assert!(w.store.plan_search(PlanId(uuid::Uuid::now_v7()), "achats").is_err(), "a plan that is not here");
}
