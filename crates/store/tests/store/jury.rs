//! The citizen jury on one laptop: a session is opened, jurors join (fifteen at most),
//! applications are typed or read from the call's file, each juror hands in a sheet per
//! application (or abstains), and the ranking is computed from what is stored; everything of it
//! waits to be sent like any record, and stays with the institution that runs the jury.

use plan_ouvert_domain::*;
use plan_ouvert_store::Error;
use plan_ouvert_sync::access::Role;
use plan_ouvert_sync::fields::score_sheet_id;
use plan_ouvert_sync::protocol::{Change, RecordKind};

use crate::helpers::{person, refused_fields, sign_in, world, World};

fn session_input(places: Option<u32>) -> JurySessionInput {
    JurySessionInput { title: "Promotion 3 — printemps 2026".into(), held_on: "2026-04-02".into(), places }
}

fn application(title: &str, reference: &str) -> JuryApplicationInput {
    JuryApplicationInput {
        title: title.into(),
        applicant: "Association Eau libre".into(),
        summary: "Recenser les fontaines publiques.".into(),
        contact_email: "contact@eau-libre.example".into(),
        reference: reference.into(),
    }
}

fn scores(juror: JurorId, application: JuryApplicationId, each: [i32; 5]) -> ScoreSheetInput {
    ScoreSheetInput {
        juror_id: juror,
        application_id: application,
        verdict: VerdictInput::Scores {
            scores: JuryCriterion::ALL
                .iter()
                .zip(each)
                .map(|(criterion, score)| CriterionScore { criterion: *criterion, score })
                .collect(),
        },
    }
}

fn open(w: &mut World, jurors: usize) -> (JurySession, Vec<Juror>) {
    let session = w.store.create_jury_session(w.plan.id, w.hatvp.id, &session_input(Some(2))).unwrap();
    let jurors = (0..jurors)
        .map(|i| w.store.add_juror(session.id, &JurorInput { name: format!("Juré {}", i + 1) }).unwrap())
        .collect();
    (session, jurors)
}

#[test]
fn a_session_is_opened_with_clear_refusals_and_nothing_stored_on_bad_input() {
    let mut w = world();
    let bad = JurySessionInput { title: String::new(), held_on: "02/04/2026".into(), places: Some(11) };
    assert_eq!(
        refused_fields(w.store.create_jury_session(w.plan.id, w.hatvp.id, &bad).unwrap_err()),
        ["title", "heldOn", "places"]
    );
    assert!(w.store.jury_sessions(w.plan.id).unwrap().is_empty(), "nothing stored");
    let session = w.store.create_jury_session(w.plan.id, w.hatvp.id, &session_input(None)).unwrap();
    assert_eq!(session.places, SELECTION_MAX, "ten places unless the session says fewer");
    assert_eq!(session.institution_id, w.hatvp.id);
    let changed = w.store.update_jury_session(session.id, &session_input(Some(3))).unwrap();
    assert_eq!(changed.places, 3);
    let list = w.store.jury_sessions(w.plan.id).unwrap();
    assert_eq!((list.len(), list[0].institution.acronym.as_str()), (1, "HATVP"));
}

#[test]
fn fifteen_jurors_at_most_each_by_a_name_no_other_goes_by() {
    let mut w = world();
    let (session, jurors) = open(&mut w, JURORS_MAX);
    let sixteenth = w.store.add_juror(session.id, &JurorInput { name: "Seizième".into() }).unwrap_err();
    assert_eq!(refused_fields(sixteenth), ["name"]);
    w.store.remove_juror(jurors[14].id).unwrap();
    let same = w.store.add_juror(session.id, &JurorInput { name: "JURÉ 1".into() }).unwrap_err();
    assert_eq!(refused_fields(same), ["name"], "a name another juror goes by, case ignored");
    let renamed = w.store.rename_juror(jurors[0].id, &JurorInput { name: "Juré 1".into() }).unwrap();
    assert_eq!(renamed.name, "Juré 1", "a juror keeps their own name");
    assert_eq!(w.store.jury_session(session.id).unwrap().jurors.len(), 14);
}

#[test]
fn sheets_are_handed_in_corrected_and_abstained_and_the_ranking_follows_what_is_stored() {
    let mut w = world();
    let (session, jurors) = open(&mut w, 3);
    let fountains = w.store.add_jury_application(session.id, &application("Carte des fontaines", "AIC-1")).unwrap();
    let benches = w.store.add_jury_application(session.id, &application("Bancs publics", "AIC-2")).unwrap();
    let repair = w.store.add_jury_application(session.id, &application("Café réparation", "AIC-3")).unwrap();

    // A score out of the scale and a criterion left out are refused, each on its criterion.
    let mut bad = scores(jurors[0].id, fountains.id, [5, 4, 6, 3, 2]);
    if let VerdictInput::Scores { scores } = &mut bad.verdict {
        scores.pop();
    }
    assert_eq!(refused_fields(w.store.hand_in_score_sheet(&bad).unwrap_err()), ["projectQuality", "stateSupport"]);
    assert!(w.store.jury_session(session.id).unwrap().sheets.is_empty(), "nothing stored");

    for juror in &jurors {
        w.store.hand_in_score_sheet(&scores(juror.id, fountains.id, [5, 5, 4, 4, 4])).unwrap();
        w.store.hand_in_score_sheet(&scores(juror.id, benches.id, [3, 3, 3, 3, 3])).unwrap();
    }
    w.store.hand_in_score_sheet(&scores(jurors[0].id, repair.id, [5, 5, 5, 5, 5])).unwrap();
    // The second juror knows the café's team: an abstention, with its reason.
    let abstention = ScoreSheetInput {
        juror_id: jurors[1].id,
        application_id: repair.id,
        verdict: VerdictInput::Abstention { reason: "Je fais partie de l'équipe.".into() },
    };
    w.store.hand_in_score_sheet(&abstention).unwrap();

    let detail = w.store.jury_session(session.id).unwrap();
    let ranking = &detail.ranking;
    assert_eq!((ranking.jurors, ranking.quorum, ranking.places), (3, 2, 2));
    let order: Vec<(&str, Standing)> = ranking.ranked.iter().map(|r| (r.title.as_str(), r.standing)).collect();
    // The café scores 25 but from one juror only: under the quorum of 2, never selected.
    assert_eq!(
        order,
        [
            ("Café réparation", Standing::QuorumNotMet),
            ("Carte des fontaines", Standing::Selected),
            ("Bancs publics", Standing::Selected)
        ]
    );
    assert_eq!(ranking.ranked[1].abstained, 0);
    assert_eq!(ranking.ranked[0].abstained, 1);
    assert_eq!(detail.jurors[0].sheets, 3);

    // The first juror corrects their sheet of the benches: still one sheet, and the ranking moves.
    w.store.hand_in_score_sheet(&scores(jurors[0].id, benches.id, [0, 0, 0, 0, 0])).unwrap();
    let detail = w.store.jury_session(session.id).unwrap();
    assert_eq!(detail.sheets.len(), 8, "a correction replaces the sheet");
    let benches_row = detail.ranking.ranked.iter().find(|r| r.application_id == benches.id).unwrap();
    assert_eq!(benches_row.mean.hundredths(), 1000, "(0 + 15 + 15) / 3");

    // A sheet handed in by mistake is withdrawn; the third juror scores the café, which reaches
    // the quorum and comes first.
    w.store.withdraw_score_sheet(jurors[1].id, repair.id).unwrap();
    w.store.hand_in_score_sheet(&scores(jurors[2].id, repair.id, [5, 5, 5, 5, 4])).unwrap();
    let ranking = w.store.jury_session(session.id).unwrap().ranking;
    assert_eq!(ranking.ranked[0].title, "Café réparation");
    assert_eq!(ranking.ranked[0].standing, Standing::Selected);
    assert!(matches!(
        w.store.withdraw_score_sheet(jurors[1].id, repair.id),
        Err(Error::NotFound(plan_ouvert_store::Entity::ScoreSheet))
    ));
}

#[test]
fn applications_from_the_call_s_file_are_taken_all_or_none_and_once() {
    let mut w = world();
    let (session, _) = open(&mut w, 1);
    let rows = vec![application("Carte des fontaines", "AIC-1"), application("Bancs publics", "AIC-2")];
    let mut broken = rows.clone();
    broken.push(JuryApplicationInput { applicant: String::new(), ..application("Sans porteur", "AIC-3") });
    assert_eq!(refused_fields(w.store.import_jury_applications(session.id, &broken).unwrap_err()), ["applicant"]);
    assert!(w.store.jury_session(session.id).unwrap().applications.is_empty(), "none taken");

    let imported = w.store.import_jury_applications(session.id, &rows).unwrap();
    assert_eq!((imported.added, imported.already_there), (2, 0));
    let again = w.store.import_jury_applications(session.id, &rows).unwrap();
    assert_eq!((again.added, again.already_there), (0, 2), "the same file imported again changes nothing");
    let titles: Vec<String> =
        w.store.jury_session(session.id).unwrap().applications.into_iter().map(|a| a.title).collect();
    assert_eq!(titles, ["Carte des fontaines", "Bancs publics"], "in the file's order");
}

#[test]
fn everything_of_a_jury_waits_to_be_sent_as_the_server_would_take_it() {
    let mut w = world();
    let (session, jurors) = open(&mut w, 2);
    let app = w.store.add_jury_application(session.id, &application("Carte des fontaines", "AIC-1")).unwrap();
    w.store.hand_in_score_sheet(&scores(jurors[0].id, app.id, [5, 4, 3, 2, 1])).unwrap();
    w.store.hand_in_score_sheet(&scores(jurors[1].id, app.id, [1, 1, 1, 1, 1])).unwrap();
    let push = w.store.sync_push_request().unwrap().unwrap();
    let mut created = Vec::new();
    for mutation in &push.mutations {
        if let Change::Create { fields } = &mutation.change {
            // Every creation carries what the server requires, in the form it accepts.
            plan_ouvert_sync::rules::check_creation(mutation.record.kind, fields)
                .unwrap_or_else(|refusal| panic!("{:?} {fields:?}: {refusal:?}", mutation.record.kind));
            created.push(mutation.record.kind);
        }
    }
    for kind in [RecordKind::JurySession, RecordKind::Juror, RecordKind::JuryApplication, RecordKind::ScoreSheet] {
        assert!(created.contains(&kind), "{kind:?} not queued: {created:?}");
    }
    let sheet = push.mutations.iter().find(|m| m.record.kind == RecordKind::ScoreSheet).unwrap();
    assert_eq!(sheet.record.id, score_sheet_id(jurors[0].id.0, app.id.0), "one id per juror and application");

    // Removing a juror deletes their sheet first, then them: the server never holds a sheet
    // naming nobody.
    let before = push.mutations.len();
    w.store.remove_juror(jurors[1].id).unwrap();
    let push = w.store.sync_push_request().unwrap().unwrap();
    let deletions: Vec<RecordKind> = push.mutations[before..]
        .iter()
        .filter(|m| matches!(m.change, Change::Delete { .. }))
        .map(|m| m.record.kind)
        .collect();
    assert_eq!(deletions, [RecordKind::ScoreSheet, RecordKind::Juror]);
}

#[test]
fn a_jury_is_changed_only_by_the_people_of_the_institution_that_runs_it() {
    let mut w = world();
    let (session, jurors) = open(&mut w, 1);
    // A coordinator of another institution signs in on this laptop: the jury is not theirs.
    let coordinator = person("Camille", &w.ministry, Role::Coordinator);
    sign_in(&mut w.store, &coordinator);
    let refused = w.store.add_juror(session.id, &JurorInput { name: "Nouveau".into() }).unwrap_err();
    assert!(matches!(&refused, Error::JuryElsewhere { institution } if institution == &w.hatvp.name), "{refused:?}");
    let message = refused.to_failure(Locale::Fr).message;
    assert!(message.contains("Rien n'a été enregistré"), "{message}");
    assert!(matches!(
        w.store.create_jury_session(w.plan.id, w.hatvp.id, &session_input(None)),
        Err(Error::JuryElsewhere { .. })
    ));
    assert!(matches!(w.store.remove_juror(jurors[0].id), Err(Error::JuryElsewhere { .. })));
    assert!(w.store.jury_session(session.id).unwrap().read_only.is_some());
    assert_eq!(w.store.jury_session(session.id).unwrap().jurors.len(), 1, "nothing changed");
}

#[test]
fn a_plan_s_records_for_its_exports_never_carry_a_jury() {
    let mut w = world();
    let (session, jurors) = open(&mut w, 2);
    let app = w.store.add_jury_application(session.id, &application("Carte des fontaines", "AIC-1")).unwrap();
    w.store.hand_in_score_sheet(&scores(jurors[0].id, app.id, [5, 4, 3, 2, 1])).unwrap();
    let records = w.store.plan_records(w.plan.id).unwrap();
    assert!(records.keys().all(|key| !plan_ouvert_sync::access::is_personal_data(key.kind)));
    let text = format!("{records:?}");
    for secret in ["Juré 1", "Carte des fontaines", "eau-libre", "Promotion 3"] {
        assert!(!text.contains(secret), "{secret} would be exported");
    }
}

/// Two laptops of the institution score one session without a network, through exchange files
/// (a USB stick, or the room's hub, which exchanges the same files); a laptop of another
/// institution refuses the file whole.
#[test]
fn a_jury_is_scored_on_two_laptops_through_exchange_files_and_stays_with_its_institution() {
    let mut w = world();
    let drafter = person("Claire", &w.hatvp, Role::Drafter);
    sign_in(&mut w.store, &drafter);
    let (session, jurors) = open(&mut w, 2);
    let app = w.store.add_jury_application(session.id, &application("Carte des fontaines", "AIC-1")).unwrap();
    w.store.hand_in_score_sheet(&scores(jurors[0].id, app.id, [5, 5, 5, 5, 5])).unwrap();
    let scope = ExchangeScope::Jury { session_id: session.id };
    let (bytes, written) = w.store.write_exchange(scope, false).unwrap();
    assert!(written.personal_data, "a jury's file always holds its personal data");

    // A colleague's laptop, which never had the plan, takes the whole session.
    let mut colleague = plan_ouvert_store::Store::open_in_memory().unwrap();
    sign_in(&mut colleague, &person("Karim", &w.hatvp, Role::Drafter));
    let imported = colleague.import_exchange(&bytes, Locale::Fr).unwrap();
    assert_eq!(imported.jury_session_id, Some(session.id));
    assert_eq!(imported.jury_title.as_deref(), Some("Promotion 3 — printemps 2026"));
    let there = colleague.jury_session(session.id).unwrap();
    assert_eq!((there.jurors.len(), there.applications.len(), there.sheets.len()), (2, 1, 1));
    // The second juror scores on it; its file brings the sheet back.
    colleague.hand_in_score_sheet(&scores(jurors[1].id, app.id, [3, 3, 3, 3, 3])).unwrap();
    let (back, _) = colleague.write_exchange(scope, false).unwrap();
    w.store.import_exchange(&back, Locale::Fr).unwrap();
    let here = w.store.jury_session(session.id).unwrap();
    assert_eq!(here.sheets.len(), 2);
    assert_eq!(here.ranking, colleague.jury_session(session.id).unwrap().ranking, "one ranking on both laptops");
    assert_eq!(here.ranking.ranked[0].standing, Standing::Selected);

    // A ministry's laptop refuses the file whole: nothing of the jury is stored there.
    let mut elsewhere = plan_ouvert_store::Store::open_in_memory().unwrap();
    sign_in(&mut elsewhere, &person("Inès", &w.ministry, Role::Coordinator));
    let refused = elsewhere.import_exchange(&bytes, Locale::Fr).unwrap_err();
    assert!(
        matches!(&refused, Error::Exchange(plan_ouvert_store::ExchangeRefusal::JuryElsewhere { institution }) if institution == &w.hatvp.name),
        "{refused:?}"
    );
    assert!(refused.to_failure(Locale::Fr).message.contains("Rien n'a été importé"));
    assert!(elsewhere.list_plans().unwrap().is_empty(), "nothing stored");
}
