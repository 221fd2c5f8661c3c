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

/// A person of the directory, of `institution` (its id and name as the server gives them).
pub fn person(
    name: &str,
    institution: &Institution,
    role: plan_ouvert_sync::access::Role,
) -> plan_ouvert_sync::protocol::Person {
    plan_ouvert_sync::protocol::Person {
        id: uuid::Uuid::now_v7(),
        name: name.into(),
        institution_id: institution.id.0,
        institution_name: institution.name.clone(),
        role,
    }
}

/// Keeps `person` as this laptop's account, as the app does once the token is checked: reports
/// are signed by them.
pub fn sign_in(store: &mut Store, person: &plan_ouvert_sync::protocol::Person) {
    let connection = plan_ouvert_store::SavedConnection {
        server_url: "http://127.0.0.1:1".into(),
        person: person.clone(),
        token_storage: TokenStorage::File,
    };
    store.save_connection(&connection).expect("saved");
}

/// A report as a person types it: a date, a status, "Fait.", nothing else.
pub fn report_input(
    commitment: CommitmentId,
    milestone: Option<MilestoneId>,
    reported_on: &str,
    status: Option<ProgressStatus>,
) -> ReportInput {
    ReportInput {
        commitment_id: commitment,
        milestone_id: milestone,
        reported_on: reported_on.into(),
        status,
        done: "Fait.".into(),
        difficulties: String::new(),
        next_steps: String::new(),
        results: String::new(),
        opened_government: None,
        links: Vec::new(),
        files: Vec::new(),
        corrects: None,
    }
}

/// Writes that report, on the laptop's date `today`.
pub fn report_on(
    store: &mut Store,
    (commitment, milestone): (CommitmentId, Option<MilestoneId>),
    reported_on: &str,
    status: ProgressStatus,
    today: chrono::NaiveDate,
) {
    store.report_progress_on(&report_input(commitment, milestone, reported_on, Some(status)), today).expect("reported");
}
