//! Shared set-up: a store in memory with a plan of the 2021-2023 period and two institutions.

use plan_ouvert_domain::*;
use plan_ouvert_store::Store;

pub struct World {
    pub store: Store,
    pub plan: Plan,
    pub area: Area,
    pub ministry: Institution,
    pub hatvp: Institution,
}

pub fn plan_input() -> PlanInput {
    PlanInput {
        country: "France".into(),
        title: "France — Plan d'action national 2021-2023".into(),
        period_start: "2021-12-17".into(),
        period_end: "2023-12-31".into(),
    }
}

pub fn institution(name: &str, acronym: &str, kind: InstitutionKind) -> InstitutionInput {
    InstitutionInput { name: name.into(), acronym: acronym.into(), kind }
}

pub fn world() -> World {
    let mut store = Store::open_in_memory().expect("store");
    let plan = store.create_plan(&plan_input()).expect("plan");
    let area = store
        .create_area(
            plan.id,
            &AreaInput {
                kind: AreaKind::Thematic,
                title: "Accélérer la transition écologique".into(),
                description: String::new(),
            },
        )
        .expect("area");
    let ministry = store
        .create_institution(&institution("Ministère de la Transition écologique", "MTE", InstitutionKind::Ministry))
        .expect("ministry");
    let hatvp = store
        .create_institution(&institution(
            "Haute Autorité pour la transparence de la vie publique",
            "HATVP",
            InstitutionKind::IndependentAuthority,
        ))
        .expect("hatvp");
    World { store, plan, area, ministry, hatvp }
}

/// The fields a validation failure is about.
pub fn refused_fields(err: plan_ouvert_store::Error) -> Vec<&'static str> {
    match err {
        plan_ouvert_store::Error::Invalid(problems) => problems.iter().map(|p| p.field).collect(),
        other => panic!("expected a validation failure, got {other:?}"),
    }
}
