use plan_ouvert_domain::*;
use plan_ouvert_store::{Error, Store};

use crate::helpers::*;

#[test]
fn an_officer_creates_a_plan_and_finds_it_in_the_list() {
    let mut store = Store::open_in_memory().unwrap();
    let plan = store.create_plan(&plan_input()).unwrap();
    assert_eq!(plan.title, "France — Plan d'action national 2021-2023");
    assert_eq!(plan.period_start.to_string(), "2021-12-17");
    assert!(!plan.is_demo);
    assert_eq!(store.list_plans().unwrap(), vec![plan]);
}

#[test]
fn an_invalid_plan_is_refused_and_nothing_is_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store.create_plan(&PlanInput { title: " ".into(), ..plan_input() }).unwrap_err();
    assert_eq!(refused_fields(err), ["title"]);
    assert!(store.list_plans().unwrap().is_empty());
}

#[test]
fn the_demo_plan_has_the_six_areas_of_the_2021_2023_plan_and_loads_once() {
    let mut store = Store::open_in_memory().unwrap();
    let demo = store.load_demo_plan().unwrap();
    assert!(demo.is_demo);
    let areas = store.areas(demo.id).unwrap();
    assert_eq!(areas.len(), 6);
    assert_eq!(areas.iter().filter(|a| a.kind == AreaKind::Transversal).count(), 3);
    assert_eq!(areas.iter().filter(|a| a.kind == AreaKind::Thematic).count(), 3);
    let names: Vec<_> = store.list_institutions().unwrap().into_iter().map(|i| i.acronym).collect();
    for acronym in ["HATVP", "CNIL", "DITP"] {
        assert!(names.iter().any(|n| n == acronym), "{acronym} missing");
    }
    let again = store.load_demo_plan().unwrap();
    assert_eq!(again.id, demo.id);
    assert_eq!(store.list_plans().unwrap().len(), 1);
    let overview = store.plan_overview(demo.id, &OverviewFilter::default()).unwrap();
    assert!(overview.commitment_count >= 6);
    assert!(overview.milestone_count >= 5);
}

#[test]
fn areas_are_added_in_order_and_only_an_empty_one_can_be_deleted() {
    let mut w = world();
    let second = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput { kind: AreaKind::Transversal, title: "Transparence".into(), description: String::new() },
        )
        .unwrap();
    assert_eq!(second.position, 1);
    w.store.create_commitment(w.area.id, "Ouvrir les données").unwrap();
    let err = w.store.delete_area(w.area.id).unwrap_err();
    assert!(matches!(err, Error::InUse { count: 1, .. }));
    w.store.delete_area(second.id).unwrap();
    assert_eq!(w.store.areas(w.plan.id).unwrap().len(), 1);
}

#[test]
fn shrinking_the_period_is_refused_while_dates_would_fall_outside() {
    let mut w = world();
    let c = w.store.create_commitment(w.area.id, "Ouvrir les données").unwrap();
    w.store.edit_commitment(c.id, &CommitmentEdit::EndDate("2023-06-30".into())).unwrap();
    let shorter = PlanInput { period_end: "2022-12-31".into(), ..plan_input() };
    let err = w.store.update_plan(w.plan.id, &shorter).unwrap_err();
    assert_eq!(refused_fields(err), ["periodStart"]);
    assert_eq!(w.store.plan(w.plan.id).unwrap().period_end.to_string(), "2023-12-31");
    let renamed = PlanInput { title: "Plan 2021-2023 révisé".into(), ..plan_input() };
    assert_eq!(w.store.update_plan(w.plan.id, &renamed).unwrap().title, "Plan 2021-2023 révisé");
}

#[test]
fn the_interface_language_is_remembered() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.locale().unwrap(), Locale::Fr);
    store.set_locale(Locale::En).unwrap();
    assert_eq!(store.locale().unwrap(), Locale::En);
}
