//! The plan at a glance and the "À faire" list, on a plan built by hand whose every figure is
//! computed below by hand: weights other than 1, a withdrawn milestone and a withdrawn
//! commitment, late and due-soon milestones, several lead institutions and one commitment
//! without any.

use chrono::NaiveDate;
use plan_ouvert_domain::*;
use plan_ouvert_store::Store;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::protocol::Person;
use uuid::Uuid;

use crate::helpers::{institution, world};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// The laptop's date in every reading below.
const TODAY: &str = "2023-03-01";

fn sign_in(store: &mut Store, name: &str, institution_name: &str, role: Role) {
    // The directory's own id, which no institution of this laptop has: the name decides.
    let person = Person {
        id: Uuid::now_v7(),
        name: name.into(),
        institution_id: Uuid::now_v7(),
        institution_name: institution_name.into(),
        role,
    };
    crate::helpers::sign_in(store, &person);
}

fn report(store: &mut Store, c: CommitmentId, m: Option<MilestoneId>, on: &str, status: ProgressStatus) {
    crate::helpers::report_on(store, (c, m), on, status, day(TODAY));
}

fn commitment(store: &mut Store, area: AreaId, title: &str, lead: Option<InstitutionId>, weight: u32) -> CommitmentId {
    let c = store.create_commitment(area, title).unwrap();
    store.edit_commitment(c.id, &CommitmentEdit::LeadInstitutionId(lead)).unwrap();
    store.edit_commitment(c.id, &CommitmentEdit::Weight(weight)).unwrap();
    c.id
}

fn milestone(store: &mut Store, c: CommitmentId, title: &str, due: &str, weight: u32) -> MilestoneId {
    let input = MilestoneInput { title: title.into(), due_date: due.into(), ..Default::default() };
    let m = store.create_milestone(c, &input).unwrap();
    store.edit_milestone(m.id, &MilestoneEdit::Weight(weight)).unwrap();
    m.id
}

struct Built {
    store: Store,
    plan: PlanId,
    later_plan: PlanId,
    ids: Ids,
}

struct Ids {
    c1: CommitmentId,
    c2: CommitmentId,
    m2: MilestoneId,
    m3: MilestoneId,
    m5: MilestoneId,
    m6: MilestoneId,
    m8: MilestoneId,
}

/// The plan (2021-12-17 to 2023-12-31), today 2023-03-01. ⅓ and ⅔ are the shares of "limited"
/// and "substantial".
///
/// Area 1 (the world's), two commitments:
/// - 1.1 led by the ministry (MTE), weight 2, four milestones:
///   - 1.1.1 weight 3, due 2022-12-31, substantial then complete: 1;
///   - 1.1.2 weight 1, due 2023-02-15, substantial then limited: ⅓, late by 14 days;
///   - 1.1.3 weight 1, due 2023-03-20, no report: 0, due in 19 days;
///   - 1.1.4 weight 2, due 2023-01-31, withdrawn: does not count, never late.
///
///   1.1 = (3 × 1 + 1 × ⅓ + 1 × 0) / (3 + 1 + 1) = (10/3) / 5 = ⅔ → 67 %.
/// - 1.2 led by the HATVP, weight 1, two milestones:
///   - 1.2.1 weight 1, due today, not started: 0, due in 0 days;
///   - 1.2.2 weight 1, due 2022-06-30, not started, limited, then substantial: ⅔, late by 244
///     days (Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 + Jan 31 + Feb 28 + 1).
///
///   1.2 = (0 + ⅔) / 2 = ⅓ → 33 %.
///
/// Area 1 = (2 × ⅔ + 1 × ⅓) / 3 = 5/9 → 56 %.
///
/// Area 2, three commitments:
/// - 2.1 led by the HATVP, weight 3, no milestone, its own report complete: 1 → 100 %;
/// - 2.2 led by the CNIL, weight 1, withdrawn as a whole: does not count; its milestone 2.2.1
///   (due 2023-03-10, no report) is therefore not due;
/// - 2.3 without a lead institution, weight 1, nothing reported: 0 → 0 %.
///
/// Area 2 = (3 × 1 + 1 × 0) / (3 + 1) = 75 %.
/// Plan = (2 × ⅔ + 1 × ⅓ + 3 × 1 + 1 × 0) / (2 + 1 + 3 + 1) = (14/3) / 7 = ⅔ → 67 %.
///
/// A later plan (2023-2025) holds one milestone of the ministry, due 2023-03-05: due in 4 days.
fn build() -> Built {
    let mut w = world();
    let cnil = w
        .store
        .create_institution(&institution(
            "Commission nationale de l'informatique et des libertés",
            "CNIL",
            InstitutionKind::IndependentAuthority,
        ))
        .unwrap();
    let coordination = w
        .store
        .create_institution(&institution(
            "Direction interministérielle de la transformation publique",
            "DITP",
            InstitutionKind::Ministry,
        ))
        .unwrap();
    let area2 = w
        .store
        .create_area(
            w.plan.id,
            &AreaInput {
                kind: AreaKind::Transversal,
                title: "Renforcer la transparence de l'action publique".into(),
                description: String::new(),
            },
        )
        .unwrap();
    let s = &mut w.store;
    let c1 = commitment(s, w.area.id, "Ouvrir les données environnementales", Some(w.ministry.id), 2);
    let m1 = milestone(s, c1, "Recenser les jeux de données", "2022-12-31", 3);
    let m2 = milestone(s, c1, "Ouvrir les jeux recensés", "2023-02-15", 1);
    let m3 = milestone(s, c1, "Documenter les jeux ouverts", "2023-03-20", 1);
    let m4 = milestone(s, c1, "Organiser un défi de réutilisation", "2023-01-31", 2);
    let c2 = commitment(s, w.area.id, "Publier les déclarations en données ouvertes", Some(w.hatvp.id), 1);
    let m5 = milestone(s, c2, "Mettre en ligne le jeu de données", "2023-03-01", 1);
    let m6 = milestone(s, c2, "Publier le schéma des déclarations", "2022-06-30", 1);
    let c3 = commitment(s, area2.id, "Diffuser les avis en données ouvertes", Some(w.hatvp.id), 3);
    let c4 = commitment(s, area2.id, "Accompagner les administrations", Some(cnil.id), 1);
    let m7 = milestone(s, c4, "Publier un guide", "2023-03-10", 1);
    let _c5 = commitment(s, area2.id, "Former les agents publics", None, 1);

    let later = s
        .create_plan(&PlanInput {
            country: "France".into(),
            title: "France — Plan d'action national 2023-2025".into(),
            period_start: "2023-01-01".into(),
            period_end: "2025-12-31".into(),
        })
        .unwrap();
    let later_area = s
        .create_area(
            later.id,
            &AreaInput { kind: AreaKind::Thematic, title: "Climat".into(), description: String::new() },
        )
        .unwrap();
    let c8 = commitment(s, later_area.id, "Publier les émissions des ministères", Some(w.ministry.id), 1);
    let m8 = milestone(s, c8, "Publier le premier bilan", "2023-03-05", 1);

    // The coordination reports, on each institution's behalf.
    sign_in(s, "Dominique", &coordination.name, Role::Coordinator);
    use ProgressStatus::*;
    report(s, c1, Some(m1), "2022-10-15", Substantial);
    report(s, c1, Some(m1), "2022-12-20", Complete);
    report(s, c1, Some(m2), "2023-01-10", Substantial);
    report(s, c1, Some(m2), "2023-02-20", Limited);
    report(s, c1, Some(m4), "2023-01-05", Withdrawn);
    report(s, c2, Some(m5), "2023-02-01", NotStarted);
    report(s, c2, Some(m6), "2022-07-01", NotStarted);
    report(s, c2, Some(m6), "2022-09-15", Limited);
    report(s, c2, Some(m6), "2022-11-30", Substantial);
    report(s, c3, None, "2023-02-28", Complete);
    report(s, c4, None, "2022-10-01", Withdrawn);
    let _ = m7;
    Built { store: w.store, plan: w.plan.id, later_plan: later.id, ids: Ids { c1, c2, m2, m3, m5, m6, m8 } }
}

/// A late or due-soon milestone as checked: number, due date, days, lead's acronym, status.
type Line = (String, NaiveDate, u32, Option<String>, Option<ProgressStatus>);

#[test]
fn the_dashboard_rolls_progress_up_by_area_and_institution_and_lists_what_is_late() {
    let Built { mut store, plan, ids, .. } = build();
    let d = store.plan_dashboard_on(plan, day(TODAY)).unwrap();
    assert_eq!(d.today, day(TODAY));
    assert_eq!((d.progress, d.commitment_count, d.milestone_count), (Some(67), 5, 7));

    let areas: Vec<_> = d.areas.iter().map(|a| (a.number.as_str(), a.commitments, a.progress)).collect();
    assert_eq!(areas, vec![("1", 2, Some(56)), ("2", 3, Some(75))]);

    let institutions: Vec<_> = d
        .institutions
        .iter()
        .map(|i| (i.institution.as_ref().map(|i| i.acronym.as_str()), i.commitments, i.progress, i.overdue))
        .collect();
    assert_eq!(
        institutions,
        vec![
            // By name: Commission…, Haute Autorité…, Ministère…; then no lead institution.
            (Some("CNIL"), 1, None, 0),
            // (1 × ⅓ + 3 × 1) / (1 + 3) = 10/12 → 83 %; 1.2.2 is late.
            (Some("HATVP"), 2, Some(83), 1),
            (Some("MTE"), 1, Some(67), 1),
            (None, 1, Some(0), 0),
        ]
    );

    // 1.1.1 complete, 1.1.2 limited, 1.1.3 and 2.2.1 not reported, 1.1.4 withdrawn, 1.2.1 not
    // started, 1.2.2 substantial.
    let statuses: Vec<_> = d.milestone_statuses.iter().map(|s| (s.status, s.milestones)).collect();
    use ProgressStatus::*;
    assert_eq!(
        statuses,
        vec![
            (None, 2),
            (Some(NotStarted), 1),
            (Some(Limited), 1),
            (Some(Substantial), 1),
            (Some(Complete), 1),
            (Some(Withdrawn), 1)
        ]
    );

    let listed = |items: &[DueMilestone]| -> Vec<Line> {
        items
            .iter()
            .map(|i| {
                (
                    i.milestone_number.clone(),
                    i.due_date,
                    i.days,
                    i.lead_institution.as_ref().map(|l| l.acronym.clone()),
                    i.status,
                )
            })
            .collect()
    };
    assert_eq!(
        listed(&d.overdue),
        vec![
            ("1.2.2".into(), day("2022-06-30"), 244, Some("HATVP".into()), Some(Substantial)),
            ("1.1.2".into(), day("2023-02-15"), 14, Some("MTE".into()), Some(Limited)),
        ]
    );
    assert!(d.overdue.iter().all(|i| i.kind == DueKind::Overdue));
    assert_eq!(d.overdue[0].commitment_id, ids.c2);
    assert_eq!(d.overdue[0].commitment_number, "1.2");
    assert_eq!(d.overdue[0].milestone_title, "Publier le schéma des déclarations");
    assert_eq!(d.overdue[0].key, format!("overdue/{}/2022-06-30", ids.m6));
    assert_eq!(
        listed(&d.due_soon),
        vec![
            ("1.2.1".into(), day("2023-03-01"), 0, Some("HATVP".into()), Some(NotStarted)),
            ("1.1.3".into(), day("2023-03-20"), 19, Some("MTE".into()), None),
        ]
    );
    assert_eq!(d.due_soon_days, 30);

    // Eleven reports: the ten latest, by the date they describe; 1.2.2's first is left out.
    let recent: Vec<_> = d
        .recent_reports
        .iter()
        .map(|r| (r.reported_on, r.milestone_number.clone().unwrap_or_else(|| r.commitment_number.clone()), r.status))
        .collect();
    assert_eq!(
        recent,
        vec![
            (day("2023-02-28"), "2.1".into(), Complete),
            (day("2023-02-20"), "1.1.2".into(), Limited),
            (day("2023-02-01"), "1.2.1".into(), NotStarted),
            (day("2023-01-10"), "1.1.2".into(), Substantial),
            (day("2023-01-05"), "1.1.4".into(), Withdrawn),
            (day("2022-12-20"), "1.1.1".into(), Complete),
            (day("2022-11-30"), "1.2.2".into(), Substantial),
            (day("2022-10-15"), "1.1.1".into(), Substantial),
            (day("2022-10-01"), "2.2".into(), Withdrawn),
            (day("2022-09-15"), "1.2.2".into(), Limited),
        ]
    );
    let latest = &d.recent_reports[0];
    assert_eq!((latest.author_name.as_str(), latest.on_behalf), ("Dominique", true));
    assert_eq!(latest.institution.as_ref().map(|i| i.acronym.as_str()), Some("HATVP"));
    assert_eq!(latest.milestone_id, None);
    assert_eq!(d.recent_reports[1].commitment_id, ids.c1);
    assert_eq!(d.recent_reports[1].milestone_title.as_deref(), Some("Ouvrir les jeux recensés"));

    // The overview shows the same figures: one roll-up.
    let overview = store.plan_overview(plan, &OverviewFilter::default()).unwrap();
    assert_eq!(overview.progress, d.progress);
    assert_eq!(overview.areas.iter().map(|a| a.progress).collect::<Vec<_>>(), vec![Some(56), Some(75)]);

    // A month later, 1.1.3 is late and 1.2.1 too; reporting 1.1.2 complete takes it off.
    report(&mut store, ids.c1, Some(ids.m2), "2023-03-01", Complete);
    let later = store.plan_dashboard_on(plan, day("2023-04-01")).unwrap();
    let late: Vec<_> = later.overdue.iter().map(|i| (i.milestone_number.as_str(), i.days)).collect();
    assert_eq!(late, vec![("1.2.2", 275), ("1.2.1", 31), ("1.1.3", 12)]);
    assert!(later.due_soon.is_empty());
    // 1.1 = (3 × 1 + 1 × 1 + 0) / 5 = 80 %.
    assert_eq!(later.institutions[2].progress, Some(80));
}

#[test]
fn the_todo_list_holds_the_milestones_of_the_person_s_institution_by_due_date() {
    let Built { mut store, later_plan, ids, .. } = build();
    let numbers = |list: &TodoList| -> Vec<String> { list.items.iter().map(|i| i.milestone_number.clone()).collect() };

    // The coordination: every institution's, across both plans, by due date.
    let all = store.todo_on(day(TODAY)).unwrap();
    assert_eq!(all.scope, TodoScope::Coordination);
    assert_eq!(numbers(&all), vec!["1.2.2", "1.1.2", "1.2.1", "1.1.1", "1.1.3"]);
    assert_eq!(all.plans, 2);
    let m8 = &all.items[3];
    assert_eq!((m8.milestone_id, m8.plan_id, m8.kind, m8.days), (ids.m8, later_plan, DueKind::DueSoon, 4));
    assert_eq!(m8.plan_title, "France — Plan d'action national 2023-2025");
    // Keys are stable from one reading to the next.
    assert_eq!(store.todo_on(day(TODAY)).unwrap().items, all.items);

    // A drafter of the ministry, whose institution the directory names in other capitals.
    sign_in(&mut store, "Camille", "ministère de la transition écologique", Role::Drafter);
    let mine = store.todo_on(day(TODAY)).unwrap();
    assert_eq!(mine.scope, TodoScope::Institution { name: "ministère de la transition écologique".into() });
    assert_eq!(
        mine.items.iter().map(|i| (i.milestone_id, i.kind)).collect::<Vec<_>>(),
        vec![(ids.m2, DueKind::Overdue), (ids.m8, DueKind::DueSoon), (ids.m3, DueKind::DueSoon)]
    );
    assert_eq!(mine.plans, 2);
    assert!(mine.items.iter().all(|i| i.lead_institution.as_ref().is_some_and(|l| l.acronym == "MTE")));

    // A reader of the HATVP: its own, in one plan.
    sign_in(&mut store, "Lou", "Haute Autorité pour la transparence de la vie publique", Role::Reader);
    let theirs = store.todo_on(day(TODAY)).unwrap();
    assert_eq!(
        theirs.items.iter().map(|i| (i.milestone_id, i.commitment_id)).collect::<Vec<_>>(),
        vec![(ids.m6, ids.c2), (ids.m5, ids.c2)]
    );
    assert_eq!(theirs.plans, 1);

    // Nobody signed in: everything.
    store.forget_account().unwrap();
    let everyone = store.todo_on(day(TODAY)).unwrap();
    assert_eq!(everyone.scope, TodoScope::Everyone);
    assert_eq!(everyone.items, all.items);
}
